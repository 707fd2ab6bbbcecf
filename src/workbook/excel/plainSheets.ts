// The office's own sheets that are not tables yet, in Excel: the top rows of plain sheets (Setup finds
// the header row of the office's Charges or Patients there without reading the sheets whole), and
// making such a block a table where it is (MakeTableOp). Reads take a constant number of syncs,
// whatever the number of sheets: the sheets, their used ranges, then their top rows in as few syncs
// as the payload budget allows. Making a table moves no values: the header cells and the used range
// are read once, in one sync before anything is written, to refuse a sheet that changed since Setup
// looked at it; then tables.add over the block, in the plan's requests.
import { sheetChangedProblem } from "../makeTableCheck";
import { PlanRejected, type CellValue, type MakeTableOp, type SheetHead, type SheetRange, type WriteOp } from "../port";
import { fromExcel } from "./cellValues";
import type { PlanTarget } from "./planState";
import { estimateRowBytes } from "./payload";
import { loadChunks, readChunks } from "./reads";

/** What a header cell is guessed to take in a response, before it is read: a short quoted text and a comma. */
const HEADER_CELL_BYTES = 16;

/** The used block and first `rows` rows of each named sheet: three phases of syncs, whatever the number of sheets. */
export async function loadSheetHeads(
  context: Excel.RequestContext,
  names: string[],
  rows: number,
  budget: number,
): Promise<Record<string, SheetHead | undefined>> {
  const out: Record<string, SheetHead | undefined> = {};
  if (names.length === 0) return out;
  const sheets = names.map((name) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return { name, sheet };
  });
  await context.sync();

  const found = sheets.filter((s) => !s.sheet.isNullObject);
  for (const { name } of sheets) out[name] = undefined;
  const used = found.map(({ name, sheet }) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, sheetName: sheet.name, range };
  });
  await context.sync();

  const chunks = used.flatMap(({ name, sheetName, range }) => {
    if (range.isNullObject) {
      out[name] = { rows: [] };
      return [];
    }
    const block: SheetRange = { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
    const top: CellValue[][] = new Array(Math.min(rows, block.rows));
    out[name] = { used: block, rows: top };
    const rowBytes = estimateRowBytes(HEADER_CELL_BYTES * block.columns, block.columns);
    return readChunks(sheetName, block.row, block.column, top.length, block.columns, rowBytes, top, budget);
  });
  await loadChunks(context, chunks, budget);
  return out;
}

/**
 * Each makeTable op's sheet as it is now (header cells over the block, used range): one sync, before
 * anything is written. Refuses, nothing written, when a sheet changed since the op was made.
 */
export async function checkMadeTableSheets(context: Excel.RequestContext, ops: WriteOp[]): Promise<void> {
  const made = ops.filter((op): op is MakeTableOp => op.kind === "makeTable");
  if (made.length === 0) return;
  const queued = made.map((op) => {
    const sheet = context.workbook.worksheets.getItem(op.sheet);
    const header = sheet.getRangeByIndexes(op.range.row, op.range.column, 1, op.range.columns);
    header.load("values");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { op, header, used };
  });
  await context.sync();
  const problems = queued.flatMap(({ op, header, used }) => {
    const problem = sheetChangedProblem(op, {
      headers: header.values[0].map(fromExcel),
      used: used.isNullObject
        ? undefined
        : { row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount },
    });
    return problem ? [problem] : [];
  });
  if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problems.join("; ")}.`);
}

/**
 * The block becomes a table where it is: no value is sent or changed (Excel takes the first row as
 * the header row). Excel itself refuses a block with merged cells; a block of one row gets a blank
 * row, as Excel will not hold a table without one.
 */
export async function makeTable(w: PlanTarget, op: MakeTableOp): Promise<void> {
  const sheet = w.sheet(op.sheet);
  const { row, column, rows, columns } = op.range;
  await w.requests.queue(JSON.stringify(op.table).length, () => {
    const table = sheet.tables.add(sheet.getRangeByIndexes(row, column, rows, columns), true);
    table.name = op.table;
  });
  w.tables.set(op.table.toLowerCase(), {
    name: op.table,
    sheet: w.sheets.get(op.sheet.toLowerCase())?.name ?? op.sheet,
    headerRowIndex: row,
    columnIndex: column,
    headers: [...op.headers],
    rowCount: rows - 1,
    // Rows appended later in the same plan take the sheet's own formats (none are read here).
    formats: op.headers.map(() => null),
  });
}
