// The office's rows on plain sheets: most offices keep Charges or Patients as a block of cells with a
// header row, not as an Excel table, and the add-in reads only tables. For each billing table the
// workbook lacks, this finds the sheet whose header row maps to it by the same header aliases Setup
// uses (mapTable.ts), and the plan that makes that block a table where it is (MakeTableOp), keeping
// every row, column and value. Setup shows what it finds; `medbill check` says so; Create missing
// tables leaves such a table out rather than make an empty one beside the office's rows.
import { plural } from "../counting";
import { columnLetters } from "./columnLetters";
import { blockOf, headerProblems, headerText, usedBlockOf } from "./makeTableCheck";
import { mapColumns, normalizeHeader, type ColumnMapping } from "./mapTable";
import type { WritePlan } from "./plan";
import type { CellValue, MakeTableOp, SheetHead, SheetRange, Workbook, WorkbookInfo } from "./port";
import { Audit, BILLING_TABLES, type TableDef } from "./tables";

/** How far down a sheet's used block its header row is looked for (a title or a blank row may come first). */
export const HEADER_ROWS_SEARCHED = 5;

/** A billing table's rows found on a plain sheet. */
export interface PlainRange {
  /** The billing table they are rows of ("Charges"). */
  table: string;
  sheet: string;
  /** The block that would become the table: the header row and every row below it, over the used columns; 0-based. */
  range: SheetRange;
  /** The header cells' texts, "" for a blank one. */
  headers: string[];
  mapping: ColumnMapping;
  /** Field key -> the header Setup would use, for naming mapped and missing columns. */
  fieldHeaders: Record<string, string>;
  /** The sheet is named after the table ("Charges", "charges", "Fee Schedule" for FeeSchedule). */
  nameMatches: boolean;
  /** Why the block cannot be made a table as it is (a blank or repeated header), one phrase each; empty when it can. */
  problems: string[];
}

/** 1-based sheet row of the header. */
export const headerRowOf = (r: PlainRange) => r.range.row + 1;
/** How many rows below the header the table would hold. */
export const dataRowsOf = (r: PlainRange) => r.range.rows - 1;
/** "rows 2-41", "row 2", or "no rows below the header": the data rows as a biller sees them. */
export function dataRowsText(r: PlainRange): string {
  const first = r.range.row + 2;
  const last = r.range.row + r.range.rows;
  if (last < first) return "no rows below the header";
  return first === last ? `row ${first}` : `rows ${first}-${last}`;
}
/** "A-L": the block's columns by letter. */
export function columnsText(r: PlainRange): string {
  const first = columnLetters(r.range.column + 1);
  const last = columnLetters(r.range.column + r.range.columns);
  return first === last ? first : `${first}-${last}`;
}

/**
 * Look for the workbook's missing billing tables on its plain sheets: reads the top rows of every
 * sheet that holds no table, in one call (the whole sheets where a stand-in workbook has no
 * readSheetHeads).
 */
export async function findPlainRanges(workbook: Workbook, info: WorkbookInfo): Promise<PlainRange[]> {
  const candidates = plainSheetNames(info);
  if (candidates.length === 0 || missingTables(info).length === 0) return [];
  const heads = workbook.readSheetHeads
    ? await workbook.readSheetHeads(candidates, HEADER_ROWS_SEARCHED)
    : Object.fromEntries(await Promise.all(candidates.map(async (name) => [name, headOf(await workbook.readSheet(name))] as const)));
  return plainRangesIn(info, heads);
}

/** The sheets that hold no table: where the office's own rows may be. */
export function plainSheetNames(info: WorkbookInfo): string[] {
  const holding = new Set(info.tables.map((t) => t.sheet.toLowerCase()));
  return info.sheets.filter((s) => !holding.has(s.toLowerCase()));
}

/**
 * The billing tables the workbook lacks that the office may keep on a plain sheet. The Audit trail
 * is the add-in's own (every plan writes its Audit row first), never taken from a sheet.
 */
function missingTables(info: WorkbookInfo): TableDef[] {
  const present = new Set(info.tables.map((t) => t.name.toLowerCase()));
  return BILLING_TABLES.filter((def) => def !== Audit && !present.has(def.name.toLowerCase()));
}

/** A sheet's values from A1 cut to its used block's top rows, as readSheetHeads gives them. */
function headOf(values: CellValue[][] | undefined): SheetHead | undefined {
  if (!values) return undefined;
  const used = usedBlockOf(values);
  return used ? { used, rows: blockOf(values, { ...used, rows: Math.min(HEADER_ROWS_SEARCHED, used.rows) }) } : { rows: [] };
}

interface Candidate extends PlainRange {
  /** Fields mapped: how well the header row fits the table. */
  mapped: number;
}

/** Whether the header row has every column the table's rows need. */
const complete = (c: { mapping: ColumnMapping }) => c.mapping.missingRequired.length === 0;

/**
 * The plain ranges in a workbook, from the top rows of its plain sheets: for each missing billing
 * table, the sheet whose header row maps to it. A sheet named after the table is taken when its
 * header row maps to it at all (two of its columns, or one and every required one): its missing
 * columns are then shown, never added. Any other sheet only for the billing table its header row maps
 * best, and only when that table is missing, the row has every column the table's rows need, and at
 * least half of the row's headers are the table's (a sheet of charges also names a payer, a code and
 * an amount, as a contract does: it is not offered as Contracts). Each table gets one sheet and each
 * sheet one table: the sheet named after the table first, then the header row that maps the most.
 * A sheet holding a table is never offered.
 */
export function plainRangesIn(info: WorkbookInfo, heads: Record<string, SheetHead | undefined>): PlainRange[] {
  const missing = new Set(missingTables(info));
  const candidates: Candidate[] = [];
  for (const sheet of plainSheetNames(info)) {
    const head = heads[sheet];
    if (!head?.used) continue;
    const fits = BILLING_TABLES.flatMap((def) => {
      const fit = bestHeaderRow(def, sheet, head.used!, head.rows);
      return fit ? [{ def, fit }] : [];
    });
    const named = fits.find(({ fit }) => fit.nameMatches);
    if (named) {
      const { def, fit } = named;
      if (missing.has(def) && (fit.mapped >= 2 || (fit.mapped >= 1 && complete(fit)))) candidates.push(fit);
      continue;
    }
    // The table the sheet's header row is most about (the most columns mapped; Setup's order on a tie).
    const best = fits.reduce<(typeof fits)[number] | undefined>((a, b) => (a && a.fit.mapped >= b.fit.mapped ? a : b), undefined);
    if (!best || !missing.has(best.def)) continue;
    const { fit } = best;
    const headed = fit.headers.filter((h) => h !== "").length;
    if (complete(fit) && fit.mapped >= 2 && fit.mapped * 2 >= headed) candidates.push(fit);
  }
  candidates.sort(
    (a, b) =>
      Number(b.nameMatches) - Number(a.nameMatches) ||
      Number(complete(b)) - Number(complete(a)) ||
      b.mapped - a.mapped ||
      a.range.row - b.range.row,
  );
  const tablesTaken = new Set<string>();
  const sheetsTaken = new Set<string>();
  const chosen: PlainRange[] = [];
  for (const { mapped: _mapped, ...found } of candidates) {
    if (tablesTaken.has(found.table) || sheetsTaken.has(found.sheet.toLowerCase())) continue;
    tablesTaken.add(found.table);
    sheetsTaken.add(found.sheet.toLowerCase());
    chosen.push(found);
  }
  // In Setup's order of the tables.
  const order = (name: string) => BILLING_TABLES.findIndex((d) => d.name === name);
  return chosen.sort((a, b) => order(a.table) - order(b.table));
}

/**
 * The header row among the block's first rows that maps best to the table (every required column
 * first, then the most columns, then the first such row); undefined when no row maps any column.
 */
function bestHeaderRow(def: TableDef, sheet: string, used: SheetRange, rows: CellValue[][]): Candidate | undefined {
  const nameMatches = normalizeHeader(sheet) === normalizeHeader(def.name);
  const fieldHeaders = Object.fromEntries(Object.entries(def.fields as Record<string, { header: string }>).map(([k, v]) => [k, v.header]));
  let best: Candidate | undefined;
  rows.slice(0, HEADER_ROWS_SEARCHED).forEach((cells, i) => {
    const headers = cells.map(headerText);
    const mapping = mapColumns(def, headers);
    const mapped = Object.keys(mapping.columns).length;
    if (mapped === 0) return;
    const whole = mapping.missingRequired.length === 0;
    if (best && (Number(whole) - Number(complete(best)) || mapped - best.mapped) <= 0) return;
    const range = { row: used.row + i, column: used.column, rows: used.rows - i, columns: used.columns };
    const problems = headerProblems(sheet, range, headers);
    best = { table: def.name, sheet, range, headers, mapping, fieldHeaders, nameMatches, problems, mapped };
  });
  return best;
}

/** The op making a found block the table. */
export function makeTableOp(found: PlainRange): MakeTableOp {
  return { kind: "makeTable", table: found.table, sheet: found.sheet, range: { ...found.range }, headers: [...found.headers] };
}

/** The plan making the found blocks tables where they are, with its Audit line; undefined when none is given. */
export function makeTablesPlan(found: PlainRange[]): WritePlan | undefined {
  if (found.length === 0) return undefined;
  const what = found.map((r) => `${r.table} from sheet "${r.sheet}" (${plural(dataRowsOf(r), "row")})`).join(", ");
  return { action: "Make tables", what: `made the office's rows tables: ${what}`, ops: found.map(makeTableOp) };
}

/**
 * "Sheet Charges, rows 2-41, 12 columns become the table Charges; nothing is moved or changed.", or once
 * done "... are now the table Charges; nothing was moved or changed."
 */
export function makeTableSentence(found: PlainRange, done = false): string {
  const where = `Sheet ${found.sheet}, ${dataRowsText(found)}, ${plural(found.range.columns, "column")}`;
  return done
    ? `${where} are now the table ${found.table}; nothing was moved or changed.`
    : `${where} become the table ${found.table}; nothing is moved or changed.`;
}

/** "Sheet Charges holds Charges rows as a plain range (rows 2-41)". */
export function plainRangePhrase(found: PlainRange): string {
  return `Sheet ${found.sheet} holds ${found.table} rows as a plain range (${dataRowsText(found)})`;
}
