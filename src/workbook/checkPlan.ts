// One check of a whole write plan against the workbook as it is, shared by every adapter, so that
// a plan that cannot be applied is refused before anything is written (nothing half-posted).
import { PlanRejected, type CellValue, type WorkbookInfo, type WriteOp, type WriteSummary } from "./port";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
const FILL_COLOR = /^#[0-9A-Fa-f]{6}$/;

/** Throws PlanRejected with every problem found; returns what the plan will do. */
export function checkPlan(info: WorkbookInfo, ops: WriteOp[]): WriteSummary {
  const problems: string[] = [];
  const tables = new Map(info.tables.map((t) => [t.name.toLowerCase(), { headers: t.headers, rowCount: t.rowCount }]));
  const tableSheets = new Set(info.tables.map((t) => t.sheet.toLowerCase()));
  const sheets = new Set(info.sheets.map((s) => s.toLowerCase()));
  const summary: WriteSummary = { tablesCreated: [], rowsAppended: 0, cellsSet: 0, cellsMarked: 0, sheetsWritten: [] };

  for (const op of ops) {
    switch (op.kind) {
      case "createTable": {
        if (!TABLE_NAME.test(op.table)) problems.push(`"${op.table}" cannot be a table name (letters, digits and _ only)`);
        if (tables.has(op.table.toLowerCase())) problems.push(`the workbook already has a table named ${op.table}`);
        checkSheetName(op.sheet, problems);
        if (tableSheets.has(op.sheet.toLowerCase())) problems.push(`sheet "${op.sheet}" already holds a table`);
        if (op.headers.length === 0) problems.push(`table ${op.table} needs at least one column`);
        const seen = new Set<string>();
        for (const h of op.headers) {
          const key = h.trim().toLowerCase();
          if (key === "") problems.push(`table ${op.table} has a blank column header`);
          else if (seen.has(key)) problems.push(`table ${op.table} has the column "${h}" twice`);
          seen.add(key);
        }
        for (const [i, row] of (op.rows ?? []).entries()) {
          if (row.length !== op.headers.length)
            problems.push(`table ${op.table} row ${i + 1} has ${row.length} values for ${op.headers.length} columns`);
        }
        const bad = firstUnstorable(op.rows ?? []);
        if (bad)
          problems.push(
            unstorable(`table ${op.table}, column "${op.headers[bad.column] ?? bad.column + 1}", row ${bad.row + 1}`, bad.value),
          );
        tables.set(op.table.toLowerCase(), { headers: op.headers, rowCount: op.rows?.length ?? 0 });
        tableSheets.add(op.sheet.toLowerCase());
        sheets.add(op.sheet.toLowerCase());
        summary.tablesCreated.push(op.table);
        break;
      }
      case "appendRows": {
        const table = tables.get(op.table.toLowerCase());
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        const known = new Set(table.headers.map((h) => h.toLowerCase()));
        const unknown = new Set<string>();
        for (const row of op.rows) for (const key of Object.keys(row)) if (!known.has(key.toLowerCase())) unknown.add(key);
        for (const key of unknown) problems.push(`table ${op.table} has no column "${key}"`);
        const bad = firstUnstorableInRecords(op.rows);
        if (bad) problems.push(unstorable(`the rows added to table ${op.table}: column "${bad.key}"`, bad.value));
        table.rowCount += op.rows.length;
        summary.rowsAppended += op.rows.length;
        break;
      }
      case "setColumn": {
        const table = tables.get(op.table.toLowerCase());
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (!table.headers.some((h) => h.toLowerCase() === op.column.toLowerCase())) {
          problems.push(`table ${op.table} has no column "${op.column}"`);
        }
        if (op.values.length !== table.rowCount) {
          problems.push(
            `table ${op.table} has ${table.rowCount} rows but ${op.values.length} values were given for "${op.column}": the table changed since it was read, run again`,
          );
        }
        const bad = firstUnstorable([op.values]);
        if (bad) problems.push(unstorable(`table ${op.table}, column "${op.column}", row ${bad.column + 1}`, bad.value));
        summary.cellsSet += op.values.length;
        break;
      }
      case "reportSheet": {
        checkSheetName(op.sheet, problems);
        if (tableSheets.has(op.sheet.toLowerCase()))
          problems.push(`sheet "${op.sheet}" holds a billing table and cannot be replaced by a report`);
        const bad = firstUnstorable(op.cells);
        if (bad) problems.push(unstorable(`report "${op.sheet}", row ${bad.row + 1}, column ${bad.column + 1}`, bad.value));
        sheets.add(op.sheet.toLowerCase());
        summary.sheetsWritten.push(op.sheet);
        break;
      }
      case "markCells": {
        const table = tables.get(op.table.toLowerCase());
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (op.color !== null && !FILL_COLOR.test(op.color)) problems.push(`"${op.color}" is not a fill color (use #RRGGBB)`);
        const unknown = new Set<string>();
        for (const column of op.clearColumns ?? []) if (headerIndex(table.headers, column) < 0) unknown.add(column);
        let outside: number | undefined;
        for (const cell of op.cells) {
          if (headerIndex(table.headers, cell.column) < 0) unknown.add(cell.column);
          if (outside === undefined && !(Number.isInteger(cell.row) && cell.row >= 0 && cell.row < table.rowCount)) outside = cell.row;
        }
        for (const column of unknown) problems.push(`table ${op.table} has no column "${column}"`);
        if (outside !== undefined) {
          problems.push(
            `table ${op.table} has ${table.rowCount} rows, so its row ${Number.isInteger(outside) ? outside + 1 : outside} cannot be marked: the table changed since it was checked, check again`,
          );
        }
        summary.cellsMarked += op.cells.length;
        break;
      }
    }
  }
  if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problems.join("; ")}.`);
  return summary;
}

/** NaN or Infinity: Excel has no such number, and an .xlsx file holding one does not open. */
function isUnstorable(value: CellValue): boolean {
  return typeof value === "number" && !Number.isFinite(value);
}

function unstorable(where: string, value: CellValue): string {
  return `${where} has a value that is not a number Excel can store (${String(value)})`;
}

function firstUnstorable(rows: CellValue[][]): { row: number; column: number; value: CellValue } | undefined {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) if (isUnstorable(row[c])) return { row: r, column: c, value: row[c] };
  }
  return undefined;
}

function firstUnstorableInRecords(rows: Record<string, CellValue>[]): { key: string; value: CellValue } | undefined {
  for (const row of rows) for (const key in row) if (isUnstorable(row[key])) return { key, value: row[key] };
  return undefined;
}

function checkSheetName(name: string, problems: string[]): void {
  if (name.trim() === "" || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    problems.push(`"${name}" cannot be a sheet name (31 characters at most, none of [ ] : * ? / \\)`);
  }
}

/** Index of a header in a table, ignoring case and surrounding spaces; -1 when absent. */
export function headerIndex(headers: string[], name: string): number {
  const key = name.trim().toLowerCase();
  return headers.findIndex((h) => h.trim().toLowerCase() === key);
}
