// A payer's fee schedule into the Contracts table (issue 15): a CSV (or tab-separated text) or an .xlsx
// file (its first sheet) with a header row naming the code, an allowed amount and, when it has them, the
// modifier, payer and effective dates, by the Contracts table's headers and their aliases ("CPT",
// "Allowable", "Rate", "Fee", "Start"...). The payer and the date the rates start may be given for the
// whole file instead (--payer, --from). Every row is checked as a Contracts row is (a code CPT/HCPCS
// accepts, an amount to the cent, dates): one bad row and nothing is written, every problem named by the
// file's row and column. The rows go at the end of the Contracts table (made when the workbook lacks
// it), with the Audit row naming the file, the payer and the count, never a patient.
//
// Earlier rates for the same payer and codes stay as they are; where a new rate's span overlaps an old
// one, the one that starts later is used and `contractProblems` names the pair (end the old span).
import { isIsoDate, type DateSystem, type IsoDate } from "../dates";
import { delimiterOf, splitDelimited } from "../codes/codeList";
import { decodeCodeFile } from "../codes/codeSetFiles";
import { readFirstSheet } from "../codes/xlsxFirstSheet";
import { describeIssue, mapColumns, parseTable, rowToCells } from "../workbook/mapTable";
import { createTableWithRows, type WritePlan } from "../workbook/plan";
import type { CellValue, RawTable } from "../workbook/port";
import { Contracts, type ContractRow } from "../workbook/tables";
import { contractProblems } from "./contracts";

export interface ContractImportOptions {
  /** The PayerID of every row (required when the file has no PayerID column). */
  payerId?: string;
  /** The date the rates start, for rows that give none. */
  from?: IsoDate;
}

export type ContractImport = { ok: true; plan: WritePlan; rows: ContractRow[]; notes: string[] } | { ok: false; problems: string[] };

/** The file's cells, header row first: a workbook's first sheet, else delimited text (tab, comma or semicolon). */
export function contractFileCells(
  name: string,
  bytes: Uint8Array,
): { ok: true; cells: CellValue[][]; dateSystem: DateSystem } | { ok: false; problem: string } {
  if (/\.xlsx$/i.test(name)) {
    const sheet = readFirstSheet(bytes, name);
    return sheet.ok ? { ok: true, cells: sheet.value.rows, dateSystem: sheet.value.dateSystem } : { ok: false, problem: sheet.error };
  }
  const text = decodeCodeFile(bytes);
  const delimiter = delimiterOf(text);
  if (!delimiter) return { ok: false, problem: `${name} is not a CSV or tab-separated file with a header row (Code, Allowed, ...).` };
  return { ok: true, cells: splitDelimited(text, delimiter), dateSystem: 1900 };
}

/**
 * The plan adding a fee schedule's rows to Contracts. `cells` is the file's rows, its header row first;
 * `contracts` is the workbook's Contracts table when it has one (its columns, and its rows for the
 * overlap notes).
 */
export function contractImportPlan(
  fileName: string,
  cells: CellValue[][],
  fileDateSystem: DateSystem,
  workbook: { contracts?: RawTable; dateSystem: DateSystem },
  options: ContractImportOptions,
): ContractImport {
  const firstRow = cells.findIndex((row) => row.some((c) => c !== null && String(c).trim() !== ""));
  if (firstRow < 0) return { ok: false, problems: [`${fileName} is empty.`] };
  const headers = cells[firstRow].map((c) => (c === null ? "" : String(c).trim()));
  const mapping = mapColumns(Contracts, headers);
  const problems: string[] = [];
  const payerId = options.payerId?.trim();
  if (!mapping.columns.payerId && !payerId) {
    problems.push(`${fileName} has no PayerID column: give the payer of the whole file (--payer MCR, or the payer chosen in the pane).`);
  }
  if (options.from !== undefined && !isIsoDate(options.from)) problems.push(`"${options.from}" is not a date like 2026-01-01.`);
  // The file as a Contracts table: the payer and start date filled in where the file leaves them out.
  const extra: { header: string; value: CellValue }[] = [];
  // Without a payer the rows are still checked (under a stand-in), so every problem is said at once.
  if (!mapping.columns.payerId) extra.push({ header: "PayerID", value: payerId || "?" });
  if (!mapping.columns.effectiveFrom && options.from) extra.push({ header: "Effective From", value: options.from });
  const body = cells.slice(firstRow + 1).map((row) => [...row, ...extra.map((e) => e.value)]);
  const raw: RawTable = {
    name: Contracts.name,
    sheet: fileName,
    headers: [...headers, ...extra.map((e) => e.header)],
    rows: body,
    rowCount: body.length,
    headerRow: firstRow + 1,
  };
  const parsed = parseTable(Contracts, raw, fileDateSystem);
  // Named by the file: "prices.csv row 14, Allowed: ..." rather than the table it will go to.
  for (const issue of parsed.issues) problems.push(describeIssue({ ...issue, table: fileName }));
  if (problems.length === 0 && parsed.count === 0) problems.push(`${fileName} has a header row but no rates under it.`);
  if (problems.length > 0) return { ok: false, problems };

  // A start date given for the file fills the rows whose own Effective From cell is blank.
  const rows = parsed.rows.map((row) => (row.effectiveFrom === undefined && options.from ? { ...row, effectiveFrom: options.from } : row));
  const table = workbook.contracts;
  const existing = table ? parseTable(Contracts, table, workbook.dateSystem).rows : [];
  const overlaps = contractProblems([...existing, ...rows]).filter((p) => p.startsWith("Contracts rows"));
  const notes =
    overlaps.length > 0
      ? [
          `${overlaps.length} of the new rates overlap earlier ones for the same payer, code and modifier: the one that starts later is used; ` +
            "end the older spans (Effective To) to keep the table clear.",
        ]
      : [];
  const payers = [...new Set(rows.map((r) => r.payerId))];
  const what = `${rows.length} contract rate${rows.length === 1 ? "" : "s"} for ${payers.join(", ")} from ${fileName}`;
  if (table) {
    const columns = mapColumns(Contracts, table.headers);
    const missing = (["modifier", "effectiveFrom", "effectiveTo", "note"] as const).filter(
      (key) => !columns.columns[key] && rows.some((r) => r[key] !== undefined),
    );
    if (missing.length > 0) {
      const fields = Contracts.fields as Record<string, { header: string }>;
      return {
        ok: false,
        problems: [
          `The Contracts table has no ${missing.map((k) => `"${fields[k].header}"`).join(", ")} column, which the file fills: add it, then import again.`,
        ],
      };
    }
    return {
      ok: true,
      rows,
      notes,
      plan: {
        action: "Import contract rates",
        what,
        ops: [{ kind: "appendRows", table: table.name, rows: rows.map((r) => rowToCells(Contracts, columns, r, workbook.dateSystem)) }],
      },
    };
  }
  const op = createTableWithRows(Contracts, rows, workbook.dateSystem);
  return { ok: true, rows, notes, plan: { action: "Import contract rates", what, ops: [op] } };
}
