// What the report sheets share in their layout: number formats, money as dollars, table names
// made from a report's name and date, and the fills of the oldest buckets.
// - Each column has one number format below the header row; a block that needs another (the percent
//   row under the money columns, the credits' dates) gets it through the op's `formats`.
// - The rows a manager filters (summary, credits, detail, KPIs, accounts) are Excel tables named after
//   the report and its date ("Aging_2026_10_31"); re-running a report replaces its sheets, tables
//   and all.
// - Money is written as dollars (centsToNumber) with MONEY_FORMAT; dates as serials with DATE_FORMAT.
import { centsToNumber, type Cents } from "../money";
import type { ReportSheetOp } from "../workbook/port";

export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0.0%";
export const COUNT_FORMAT = "0";

export type Column = NonNullable<ReportSheetOp["columns"]>[number];

export const dollars = (cents: Cents) => centsToNumber(cents);

/** Fills of the oldest buckets' cells that owe: amber for the one before last, red for the last. */
export const OLDER_FILL = "#FCE4D6";
export const OLDEST_FILL = "#F8CBAD";

/** A table name from a report's name and date: "Aging 2026-10-31" → "Aging_2026_10_31". */
export function reportTableName(...parts: string[]): string {
  return parts.join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

/** The conditional fills of the two oldest bucket columns (none with fewer than three buckets). */
export function oldestHighlights(row: number, rows: number, firstBucketColumn: number, bucketCount: number): ReportSheetOp["highlights"] {
  if (rows <= 0 || bucketCount < 3) return [];
  const at = (column: number, color: string) => ({ range: { row, column, rows, columns: 1 }, greaterThan: 0, color });
  return [at(firstBucketColumn + bucketCount - 2, OLDER_FILL), at(firstBucketColumn + bucketCount - 1, OLDEST_FILL)];
}
