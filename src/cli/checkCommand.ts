// `medbill check book.xlsx`: what Setup would show, from a terminal. Lists each billing table
// (present or missing, its sheet, its rows, how its columns map, what is missing, what extra
// columns are kept), the missing tables whose rows are on a plain sheet (with how to make them
// tables), and then every row with a problem, in the words the task pane uses. Nothing is written. The only cell values printed are the ones a problem quotes, on the user's
// own terminal, from the user's own file.
import { postedTwice } from "../ledger/duplicatePayments";
import { reversalNotes } from "../ledger/reversalNotes";
import {
  BILLING_TABLES,
  Charges,
  Payments,
  Postings,
  type ChargeRow,
  type PaymentRow,
  type PostingRow,
  type TableDef,
} from "../workbook/tables";
import { describeIssue, parseTable, type ColumnMapping, type RowIssue } from "../workbook/mapTable";
import { findPlainRanges, plainRangePhrase, type PlainRange } from "../workbook/plainRanges";
import { inspectWorkbook, type TableStatus } from "../workbook/setup";
import { unfinishedPlans } from "../workbook/unfinishedPlans";
import { EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, readArguments, UsageError, type CliIo } from "./commandLine";
import { openWorkbook } from "./workbookFile";

/** Problems shown per table unless --all: enough to see the pattern, not a flood. */
const PROBLEMS_SHOWN = 100;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, { all: { type: "boolean" } });
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "Name the workbook to check: medbill check book.xlsx" : "Check one workbook at a time.",
    );
  const path = positionals[0];

  const workbook = await openWorkbook(path, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const info = await workbook.describe();
  const statuses = inspectWorkbook(info);
  const present = statuses.filter((s) => s.present);
  // Missing tables whose rows the office keeps on a plain sheet: said, and how to make them tables.
  const plain = await findPlainRanges(workbook, info);

  io.out(`Workbook: ${path} (${info.dateSystem} date system)`);
  io.out(`Billing tables: ${present.length} of ${statuses.length} present`);
  const others = info.tables.filter((t) => !BILLING_TABLES.some((d) => d.name.toLowerCase() === t.name.toLowerCase()));
  if (others.length > 0) io.out(`Other tables, left alone: ${others.map((t) => t.name).join(", ")}`);
  io.out("");
  for (const status of statuses) {
    const found = plain.find((r) => r.table === status.table);
    for (const line of found ? describePlainRange(found) : describeTable(status)) io.out(line);
  }

  const raw = await workbook.readTables(present.map((s) => s.table));
  const problems: RowIssue[][] = [];
  const notes: string[] = [];
  const ledgerRows = { charges: [] as ChargeRow[], payments: [] as PaymentRow[], postings: [] as PostingRow[] };
  for (const status of present) {
    const def = BILLING_TABLES.find((d) => d.name === status.table) as TableDef;
    const table = raw[status.table];
    if (!table) continue;
    const parsed = parseTable(def, table, info.dateSystem);
    problems.push(parsed.issues);
    if (def === Postings) notes.push(...reversalNotes(parsed.rows as PostingRow[], parsed.sheetRows, table.name));
    if (def === Charges) ledgerRows.charges = parsed.rows as ChargeRow[];
    if (def === Payments) ledgerRows.payments = parsed.rows as PaymentRow[];
    if (def === Postings) ledgerRows.postings = parsed.rows as PostingRow[];
  }
  // Money posted twice (two people posting one remittance at once), with what to undo.
  const duplicates = postedTwice(ledgerRows, raw, info.dateSystem);
  const total = problems.reduce((n, p) => n + p.length, 0);

  if (notes.length > 0) {
    io.out("");
    io.out(`Notes: ${notes.length}`);
    for (const note of values.all ? notes : notes.slice(0, PROBLEMS_SHOWN)) io.out(`  ${note}`);
    if (!values.all && notes.length > PROBLEMS_SHOWN) io.out(`  ... and ${notes.length - PROBLEMS_SHOWN} more (--all shows every one)`);
  }
  // A write Excel stopped half-way (unfinishedPlans.ts): the add-in's Setup finishes or undoes it.
  const unfinished = await unfinishedPlans(workbook);
  if (unfinished.length > 0) {
    io.out("");
    io.out(`Unfinished changes: ${unfinished.length}`);
    for (const plan of unfinished) io.out(`  ${plan.sentence}`);
  }
  if (plain.length > 0) {
    io.out("");
    io.out(`Plain ranges: ${plain.length}`);
    for (const found of plain) {
      io.out(`  ${plainRangePhrase(found)}: open Setup › Make it a table, or run medbill setup ${quoted(path)} --make-tables`);
      if (found.problems.length > 0) io.out(`    It cannot be made a table yet: ${found.problems.join("; ")}.`);
    }
  }
  io.out("");
  if (total === 0 && duplicates.length === 0 && unfinished.length === 0) {
    if (present.length === 0 && plain.length === 0) {
      io.out("No billing tables found: open the workbook in the add-in and run Setup to create them.");
      return EXIT_PROBLEMS;
    }
    if (plain.length > 0) {
      io.out("Rows on plain sheets are not read until they are made tables (see Plain ranges above).");
      return EXIT_PROBLEMS;
    }
    io.out("No problems found.");
    return EXIT_OK;
  }
  if (total > 0) io.out(`Problems: ${total}`);
  for (const issues of problems) {
    const shown = values.all ? issues : issues.slice(0, PROBLEMS_SHOWN);
    for (const issue of shown) io.out(`  ${describeIssue(issue)}`);
    if (shown.length < issues.length)
      io.out(`  ... and ${issues.length - shown.length} more in ${issues[0].table} (--all shows every one)`);
  }
  if (duplicates.length > 0) {
    if (total > 0) io.out("");
    io.out(`Posted twice: ${duplicates.length}`);
    for (const line of duplicates) io.out(`  ${line}`);
  }
  return EXIT_PROBLEMS;
}

/** A path as typed in a shell: quoted when it has a space or a quote in it. */
function quoted(path: string): string {
  return /^[\w./:@%+-]+$/.test(path) ? path : `"${path.replace(/(["\\$`])/g, "\\$1")}"`;
}

/** The lines for a missing table whose rows are on a plain sheet: where, and how its header row maps. */
function describePlainRange(found: PlainRange): string[] {
  const header = `row ${found.range.row + 1}`;
  const lines = [
    `${found.table.padEnd(12)} not a table yet: ${plainRangePhrase(found).replace(/^Sheet /, "sheet ")}, headers in ${header}`,
  ];
  return [...lines, ...mappingLines(found.mapping, found.fieldHeaders, "(the table will need the column)")];
}

/** The lines for one table: where it is, how its columns map, what is missing or extra. */
function describeTable(status: TableStatus): string[] {
  const name = status.table.padEnd(12);
  if (!status.present || !status.mapping) return [`${name} missing (Setup creates it)`];
  const { mapping, fieldHeaders } = status;
  const lines = [`${name} sheet "${status.sheet}", ${status.rowCount} ${status.rowCount === 1 ? "row" : "rows"}`];
  return [...lines, ...mappingLines(mapping, fieldHeaders, "(no row can be read until the column is added)")];
}

/** How a header row maps: the columns found (in the sheet's order), what is missing, what is extra. */
function mappingLines(mapping: ColumnMapping, fieldHeaders: Record<string, string>, whyRequired: string): string[] {
  // In the workbook's own column order, so the list reads like the sheet.
  const mapped = Object.entries(mapping.columns)
    .sort(([, a], [, b]) => a.index - b.index)
    .map(([field, { header }]) => (header === fieldHeaders[field] ? header : `${fieldHeaders[field]} <- "${header}"`));
  const lines = [`  columns: ${mapped.length > 0 ? mapped.join(", ") : "none recognised"}`];
  if (mapping.missingRequired.length > 0) {
    lines.push(`  MISSING REQUIRED: ${mapping.missingRequired.map((f) => fieldHeaders[f]).join(", ")} ${whyRequired}`);
  }
  if (mapping.missingOptional.length > 0)
    lines.push(`  missing optional: ${mapping.missingOptional.map((f) => fieldHeaders[f]).join(", ")}`);
  if (mapping.extras.length > 0) lines.push(`  extra columns, kept as they are: ${mapping.extras.join(", ")}`);
  return lines;
}
