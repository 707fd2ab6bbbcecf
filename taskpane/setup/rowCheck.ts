// "Check rows": reads every billing table the workbook has, in one call, and checks each row
// against its table's schema, so an office sees its bad dates, codes and amounts before anything
// is posted or billed from them. It also looks for money posted twice (the same remittance by two
// billers at once, findDuplicatePayments) and says what to undo.
import { postedTwice } from "../../src/ledger/duplicatePayments";
import { BILLING_TABLES, Charges, Payments, Postings, type ChargeRow, type PaymentRow, type PostingRow } from "../../src/workbook/tables";
import { describeIssue, parseTable } from "../../src/workbook/mapTable";
import type { Workbook } from "../../src/workbook/port";

/** How many issue lines the pane lists; the rest are counted. */
export const ISSUES_SHOWN = 200;

export interface TableCheck {
  table: string;
  /** Data rows that are not blank. */
  rowsChecked: number;
  rowsWithIssues: number;
  issues: number;
}

export interface RowCheck {
  tables: TableCheck[];
  /** Every issue found, over all tables. */
  issueCount: number;
  /** The first ISSUES_SHOWN issues, as sentences ("Charges row 14, DOS: ..."). */
  shown: string[];
  /** Money posted twice, each with what to undo ("Payments PM000123 and PM000130 are the same remittance ..."). */
  duplicates: string[];
}

export async function checkRows(workbook: Workbook, limit: number = ISSUES_SHOWN): Promise<RowCheck> {
  const info = await workbook.describe();
  const present = BILLING_TABLES.filter((def) => info.tables.some((t) => t.name.toLowerCase() === def.name.toLowerCase()));
  const raw = await workbook.readTables(present.map((def) => def.name));
  const result: RowCheck = { tables: [], issueCount: 0, shown: [], duplicates: [] };
  const ledger = { charges: [] as ChargeRow[], payments: [] as PaymentRow[], postings: [] as PostingRow[] };
  for (const def of present) {
    const table = raw[def.name];
    if (!table) continue;
    const parsed = parseTable(def, table, info.dateSystem);
    const badRows = new Set(parsed.issues.map((i) => i.row));
    if (def.name === Charges.name) ledger.charges = parsed.rows as ChargeRow[];
    if (def.name === Payments.name) ledger.payments = parsed.rows as PaymentRow[];
    if (def.name === Postings.name) ledger.postings = parsed.rows as PostingRow[];
    const blank = table.rows.filter((r) => r.every((v) => v === null || (typeof v === "string" && v.trim() === ""))).length;
    result.tables.push({
      table: def.name,
      rowsChecked: table.rows.length - blank,
      rowsWithIssues: parsed.mapping.missingRequired.length > 0 ? table.rows.length - blank : badRows.size,
      issues: parsed.issues.length,
    });
    result.issueCount += parsed.issues.length;
    for (const issue of parsed.issues) {
      if (result.shown.length >= limit) break;
      result.shown.push(describeIssue(issue));
    }
  }
  result.duplicates = postedTwice(ledger, raw, info.dateSystem);
  return result;
}
