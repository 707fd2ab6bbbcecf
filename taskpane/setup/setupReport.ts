// What the Setup panel says about each billing table, worked out apart from React so the wording
// can be tested in Node: which headers were found for which fields, what is missing, what is kept.
import type { TableStatus } from "../../src/workbook/setup";
import type { AppliedPlan } from "../../src/workbook/plan";
import { listInWords, plural } from "../billerMessage";

export interface TableReport {
  table: string;
  present: boolean;
  sheet?: string;
  rowCount: number;
  /** "DOS <- Date of Service": our column name, and the header the office uses for it. */
  mapped: { field: string; header: string }[];
  /** Columns rows cannot be read without, by the header Setup would create. */
  missingRequired: string[];
  missingOptional: string[];
  /** The office's own columns: kept as they are, never changed. */
  extras: string[];
  /** Every header Setup gives the table when it creates it. */
  columns: string[];
  /** Missing as a table, but its rows are on this plain sheet (made a table from Setup, never created empty). */
  onPlainSheet?: string;
}

export function tableReport(status: TableStatus): TableReport {
  const report: TableReport = {
    table: status.table,
    present: status.present,
    sheet: status.sheet,
    rowCount: status.rowCount,
    mapped: [],
    missingRequired: [],
    missingOptional: [],
    extras: [],
    columns: Object.values(status.fieldHeaders),
  };
  if (!status.mapping) return report;
  const name = (key: string) => status.fieldHeaders[key] ?? key;
  report.mapped = Object.entries(status.mapping.columns).map(([key, col]) => ({ field: name(key), header: col.header }));
  report.missingRequired = status.mapping.missingRequired.map(name);
  report.missingOptional = status.mapping.missingOptional.map(name);
  report.extras = [...status.mapping.extras];
  return report;
}

export interface SetupSummary {
  found: number;
  missing: string[];
  /** Present tables that lack a column their rows need. */
  incomplete: string[];
}

export function setupSummary(reports: TableReport[]): SetupSummary {
  return {
    found: reports.filter((r) => r.present).length,
    missing: reports.filter((r) => !r.present).map((r) => r.table),
    incomplete: reports.filter((r) => r.present && r.missingRequired.length > 0).map((r) => r.table),
  };
}

/** "Created 3 tables: Payments, Postings and Audit." */
export function createdMessage(applied: Pick<AppliedPlan, "tablesCreated">): string {
  const names = applied.tablesCreated;
  if (names.length === 0) return "No tables were needed.";
  return `Created ${plural(names.length, "table")}: ${listInWords(names)}.`;
}

// Said as it always was here; the words themselves live in billerMessage.ts.
export { listInWords };
