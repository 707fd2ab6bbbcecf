// The write plans of the Statements panel and `medbill statements`: issuing documents (their sheet
// and one Statements row each, in one plan, so a number is never logged without its sheet or printed
// without its row) and re-printing one (its sheet again, same number, no row). applyPlan adds the
// Audit row; it names counts, numbers and the total due, never a patient.
//
// Sheets: one document is "Statement S000123" or "Invoice I000045"; several are "Statements
// 2026-11-27" (or "Invoices 2026-11-27"), each document on a new page. Excel keeps about a thousand
// manual page breaks on a sheet, so a batch larger than MAX_DOCUMENTS_PER_SHEET continues on
// "Statements 2026-11-27 (2)" and so on. Given the workbook's layout (describe()), an issue never
// replaces a sheet that is already there (an earlier batch of the same day), and the Statements
// row is keyed by the table's own headers, or the table is created when the workbook has none.
import { listInWords } from "../sentences";
import { plural } from "../counting";
import type { DateSystem } from "../dates";
import { formatMoney } from "../money";
import { mapColumns, rowToCells } from "../workbook/mapTable";
import { createTableOp, type WritePlan } from "../workbook/plan";
import type { WorkbookInfo, WriteOp } from "../workbook/port";
import { Statements } from "../workbook/tables";
import type { StatementDocument } from "./model";
import { statementSheetOp } from "./statementSheet";

/** Documents per sheet: one page break above each but the first, under Excel's limit of 1,026. */
export const MAX_DOCUMENTS_PER_SHEET = 1000;

export interface StatementPlanOptions {
  dateSystem: DateSystem;
  /**
   * The workbook as describe() gave it: the Statements table's own headers (or its absence, so the
   * plan creates it) and the sheet names already taken. Without it the plan assumes the Statements
   * table as Setup makes it, and a sheet of the same name is replaced.
   */
  info?: WorkbookInfo;
}

/** The sheet(s) of the documents and one Statements row per document. */
export function issuePlan(docs: StatementDocument[], options: StatementPlanOptions): WritePlan {
  if (docs.length === 0) throw new Error("There is nothing to issue: no statement or invoice was chosen.");
  const ops: WriteOp[] = [];
  const taken = new Set((options.info?.sheets ?? []).map((s) => s.toLowerCase()));
  const base = docs.length === 1 ? sheetName(docs[0]) : `${batchWord(docs)} ${docs[0].date}`;
  for (let at = 0, part = 1; at < docs.length; at += MAX_DOCUMENTS_PER_SHEET) {
    let name: string;
    do name = part++ === 1 ? base : `${base} (${part - 1})`;
    while (taken.has(name.toLowerCase()));
    taken.add(name.toLowerCase());
    ops.push(statementSheetOp(docs.slice(at, at + MAX_DOCUMENTS_PER_SHEET), name, options));
  }

  const info = options.info;
  const existing = info?.tables.find((t) => t.name.toLowerCase() === Statements.name.toLowerCase());
  let headers: string[];
  if (existing) headers = existing.headers;
  else {
    const create = createTableOp(Statements);
    headers = create.headers;
    if (info) {
      // The workbook has no Statements table: it goes first, on a sheet of its own name or the next free one (as Setup does).
      let sheet = create.sheet;
      for (let n = 2; taken.has(sheet.toLowerCase()); n++) sheet = `${create.sheet} (${n})`;
      ops.unshift({ ...create, sheet });
    }
  }
  const mapping = mapColumns(Statements, headers);
  if (mapping.missingRequired.length > 0) {
    const fields = Statements.fields as Record<string, { header: string }>;
    const missing = mapping.missingRequired.map((key) => `"${fields[key].header}"`);
    const list = listInWords(missing);
    throw new Error(
      `The Statements table has no ${list} column${missing.length === 1 ? ": add it" : "s: add them"} (Setup lists the columns) and issue again.`,
    );
  }
  ops.push({
    kind: "appendRows",
    table: existing?.name ?? Statements.name,
    rows: docs.map((doc) =>
      rowToCells(
        Statements,
        mapping,
        {
          number: doc.number,
          date: doc.date,
          account: doc.account,
          kind: doc.kind,
          periodStart: doc.periodStart ?? null,
          periodEnd: doc.periodEnd ?? null,
          amountDue: doc.amountDue,
        },
        options.dateSystem,
      ),
    ),
  });

  const statements = docs.filter((d) => d.kind === "Statement").length;
  const invoices = docs.length - statements;
  const sheets = ops.flatMap((op) => (op.kind === "reportSheet" ? [`"${op.sheet}"`] : []));
  return {
    action:
      invoices === 0
        ? "Statements issued"
        : statements === 0
          ? invoices === 1
            ? "Invoice issued"
            : "Invoices issued"
          : "Statements and invoices issued",
    what: `${[ifAny(statements, "statement"), ifAny(invoices, "invoice")].filter(Boolean).join(" and ")} issued, ${numberRange(docs)}, on ${sheets.length === 1 ? "sheet" : "sheets"} ${sheets.join(", ")}`,
    totals: `amount due ${formatMoney(docs.reduce((n, d) => n + d.amountDue, 0))}`,
    ops,
  };
}

/** The sheet of an issued document again, as of its own date and with its own number: no Statements row. */
export function reprintPlan(doc: StatementDocument, options: StatementPlanOptions): WritePlan {
  const sheet = sheetName(doc);
  return {
    action: `${doc.kind} re-printed`,
    what: `${doc.kind.toLowerCase()} ${doc.number} re-printed on sheet "${sheet}", no new number`,
    totals: `amount due ${formatMoney(doc.amountDue)}`,
    ops: [statementSheetOp([doc], sheet, options)],
  };
}

/** "Statement S000123", "Invoice I000045". */
export function sheetName(doc: StatementDocument): string {
  return `${doc.kind} ${doc.number}`;
}

function batchWord(docs: StatementDocument[]): string {
  return docs.every((d) => d.kind === "Invoice") ? "Invoices" : "Statements";
}

/** "3 statements", or nothing when there are none (so "and" joins only the kinds issued). */
function ifAny(n: number, word: string): string {
  return n === 0 ? "" : plural(n, word);
}

/** "S000101-S000150" in issue order, or the one number. */
function numberRange(docs: StatementDocument[]): string {
  const first = docs[0].number;
  const last = docs[docs.length - 1].number;
  return first === last ? first : `${first}-${last}`;
}
