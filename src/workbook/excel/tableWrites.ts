// Writing a plan's table ops in Excel: a new table (values first, then made a table), rows appended
// to a table (the table grows with each chunk, in the chunk's own request, so no row is ever left
// outside it), blank columns added, a column's values set, single cells set, and cells marked with a fill.
import { headerIndex } from "../checkPlan";
import {
  PLAN_HEADER,
  type AddColumnsOp,
  type AppendRowsOp,
  type CellValue,
  type CreateTableOp,
  type MarkCellsOp,
  type SetCellsOp,
  type SetColumnOp,
} from "../port";
import type { PlanTarget } from "./planState";

export async function createTable(w: PlanTarget, op: CreateTableOp): Promise<void> {
  const rows = op.rows ?? [];
  const width = op.headers.length;
  const existing = w.sheets.get(op.sheet.toLowerCase());
  let sheet: Excel.Worksheet;
  if (existing) {
    sheet = w.sheet(existing.name);
    sheet.getRange().clear();
  } else {
    sheet = w.context.workbook.worksheets.add(op.sheet);
    w.sheets.set(op.sheet.toLowerCase(), { name: op.sheet, position: w.sheets.size, visibility: "Visible", protected: false });
  }
  // Formats go on before values, so a text ("@") column keeps what it is given as typed.
  const formats = op.numberFormats ?? [];
  await w.requests.queueColumnFormats(sheet, 1, 0, Math.max(1, rows.length), formats);
  await w.requests.queueValues(sheet, 0, 0, width, 1, () => op.headers);
  await w.requests.queueValues(sheet, 1, 0, width, rows.length, (i) => rows[i]);
  // Values first, then made a table: faster than filling a table row by row. A header-only range
  // becomes a table with one blank row, as Excel will not hold a table without rows.
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 1 + rows.length, width), true);
  table.name = op.table;
  await w.requests.queueWidths(sheet, op.widths ?? []);
  if (op.hidden && !existing) sheet.visibility = "Hidden";
  if (op.protect) w.protection.protectNewSheet(op.sheet.toLowerCase(), existing?.name ?? op.sheet);
  w.tables.set(op.table.toLowerCase(), {
    name: op.table,
    sheet: existing?.name ?? op.sheet,
    headerRowIndex: 0,
    columnIndex: 0,
    headers: [...op.headers],
    rowCount: rows.length,
    formats: op.headers.map((_, i) => formats[i] ?? null),
    plans: rows.map((row) => row[headerIndex(op.headers, PLAN_HEADER)] ?? null),
  });
}

export async function appendRows(w: PlanTarget, op: AppendRowsOp): Promise<void> {
  const table = w.tables.get(op.table.toLowerCase())!;
  if (op.rows.length === 0) return;
  const width = table.headers.length;
  // Rows are keyed by header text, any case; the same few keys repeat on every row.
  const columnOf = new Map<string, number>();
  const toRow = (record: Record<string, CellValue>): CellValue[] => {
    const values: CellValue[] = new Array(width).fill(null);
    for (const key in record) {
      let col = columnOf.get(key);
      if (col === undefined) columnOf.set(key, (col = headerIndex(table.headers, key)));
      values[col] = record[key];
    }
    return values;
  };
  const sheet = w.sheet(table.sheet);
  // An empty table's blank row is the first row to fill.
  const top = table.headerRowIndex + 1 + table.rowCount;
  const before = table.rowCount;
  await w.requests.queueColumnFormats(sheet, top, table.columnIndex, op.rows.length, table.formats);
  // The table is resized with each chunk, in the chunk's own request: Excel's own growth when cells
  // are written next to a table is not reliable for large writes (office-js issues #3191, #3013),
  // and a write cut short between requests leaves no rows outside the table (Undo finds them all).
  const excelTable = w.context.workbook.tables.getItem(table.name);
  await w.requests.queueValues(
    sheet,
    top,
    table.columnIndex,
    width,
    op.rows.length,
    (i) => toRow(op.rows[i]),
    (end) => excelTable.resize(sheet.getRangeByIndexes(table.headerRowIndex, table.columnIndex, 1 + before + end, width)),
  );
  table.rowCount += op.rows.length;
  if (table.plans) {
    const col = headerIndex(table.headers, PLAN_HEADER);
    for (const row of op.rows)
      table.plans.push(col < 0 ? null : (Object.entries(row).find(([k]) => headerIndex(table.headers, k) === col)?.[1] ?? null));
  }
}

/** Blank columns at the table's right, by name (one call each); cells to the right move with them. */
export async function addColumns(w: PlanTarget, op: AddColumnsOp): Promise<void> {
  const table = w.tables.get(op.table.toLowerCase())!;
  const sheet = w.sheet(table.sheet);
  const excelTable = w.context.workbook.tables.getItem(table.name);
  for (const [i, header] of op.headers.entries()) {
    await w.requests.queue(JSON.stringify(header).length, () => excelTable.columns.add(undefined, undefined, header));
    const format = op.numberFormats?.[i] ?? null;
    const column = table.columnIndex + table.headers.length + i;
    if (format) await w.requests.queueColumnFormats(sheet, table.headerRowIndex + 1, column, Math.max(1, table.rowCount), [format]);
  }
  table.headers = [...table.headers, ...op.headers];
  table.formats = [...table.formats, ...op.headers.map((_, i) => op.numberFormats?.[i] ?? null)];
  if (headerIndex(op.headers, PLAN_HEADER) >= 0) table.plans = new Array<CellValue>(table.rowCount).fill(null);
}

export async function setColumn(w: PlanTarget, op: SetColumnOp): Promise<void> {
  const table = w.tables.get(op.table.toLowerCase())!;
  const col = table.columnIndex + headerIndex(table.headers, op.column);
  const sheet = w.sheet(table.sheet);
  if (op.numberFormat) await w.requests.queueColumnFormats(sheet, table.headerRowIndex + 1, col, op.values.length, [op.numberFormat]);
  await w.requests.queueValues(sheet, table.headerRowIndex + 1, col, 1, op.values.length, (i) => [op.values[i]]);
}

/** A few cells of a table, one range each (a cell edited by hand): queued with the plan, no sync of their own. */
export async function setCells(w: PlanTarget, op: SetCellsOp): Promise<void> {
  const table = w.tables.get(op.table.toLowerCase())!;
  const sheet = w.sheet(table.sheet);
  for (const { row, column, value, numberFormat } of op.cells) {
    const top = table.headerRowIndex + 1 + row;
    const col = table.columnIndex + headerIndex(table.headers, column);
    // The format goes on before the value, as everywhere here, so a text ("@") cell keeps what it is given.
    if (numberFormat) await w.requests.queueColumnFormats(sheet, top, col, 1, [numberFormat]);
    await w.requests.queueValues(sheet, top, col, 1, 1, () => [value]);
  }
}

/**
 * Clear whole columns with one call each, then fill the cells in runs of consecutive rows of a
 * column, one range per run: a few calls for a column of bad codes, never one per cell.
 */
export async function markCells(w: PlanTarget, op: MarkCellsOp): Promise<void> {
  const table = w.tables.get(op.table.toLowerCase())!;
  const sheet = w.sheet(table.sheet);
  const top = table.headerRowIndex + 1;
  const columnOf = (header: string) => table.columnIndex + headerIndex(table.headers, header);
  if (table.rowCount > 0) {
    for (const column of new Set((op.clearColumns ?? []).map(columnOf))) {
      await w.requests.queue(0, () => sheet.getRangeByIndexes(top, column, table.rowCount, 1).format.fill.clear());
    }
  }
  const rowsByColumn = new Map<number, Set<number>>();
  for (const cell of op.cells) {
    const column = columnOf(cell.column);
    let rows = rowsByColumn.get(column);
    if (!rows) rowsByColumn.set(column, (rows = new Set()));
    rows.add(cell.row);
  }
  const color = op.color;
  for (const [column, rowSet] of rowsByColumn) {
    const rows = [...rowSet].sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i + 1;
      while (j < rows.length && rows[j] === rows[j - 1] + 1) j++;
      const range = { row: top + rows[i], count: j - i };
      await w.requests.queue(color === null ? 0 : color.length + 2, () => {
        const fill = sheet.getRangeByIndexes(range.row, column, range.count, 1).format.fill;
        if (color === null) fill.clear();
        else fill.color = color;
      });
      i = j;
    }
  }
}
