// The plan check's view of one table as it follows a plan op by op: shared by the plan check and the
// report-layout check, so neither imports the other.

/** A table as the check follows it through the plan. */
export interface KnownTable {
  name: string;
  /** Lower-case name of its sheet. */
  sheet: string;
  headers: string[];
  rowCount: number;
  /** A report replacing its sheet drops it: not billing data, not a code set, not made or written by this plan. */
  replaceable: boolean;
  /** Made by an earlier op of this plan (for the "two tables of one name" wording). */
  planned: boolean;
  /** The report sheet of this plan that lays the table out: only that report writes to it. */
  report?: string;
}
