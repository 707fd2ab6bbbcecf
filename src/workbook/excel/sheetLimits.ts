// What Excel itself would refuse half-way through a plan (a sheet's size, a cell's text length),
// found before anything is written so that a refused plan writes nothing.
import { PlanRejected, type CellValue, type WriteOp } from "../port";
import type { Layout } from "./layout";

export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;
export const CELL_TEXT_LIMIT = 32_767;

/** What Excel itself would refuse half-way: found before anything is written. */
export function checkExcelLimits(layout: Layout, ops: WriteOp[]): void {
  const problems: string[] = [];
  const rowsAfter = new Map(layout.tables.map((t) => [t.info.name.toLowerCase(), t.headerRowIndex + 1 + t.info.rowCount]));
  const checkCells = (where: string, rows: Iterable<CellValue[]>) => {
    for (const row of rows) {
      for (const value of row) {
        // Numbers Excel cannot store (NaN, Infinity) are refused by checkPlan, for every adapter.
        if (typeof value === "string" && value.length > CELL_TEXT_LIMIT) {
          problems.push(`${where} has a text longer than the ${CELL_TEXT_LIMIT} characters a cell can hold`);
          return;
        }
      }
    }
  };
  for (const op of ops) {
    switch (op.kind) {
      case "createTable":
        if (op.headers.length > SHEET_COLUMNS) problems.push(`table ${op.table} has more columns than a sheet can hold`);
        if ((op.rows?.length ?? 0) + 1 > SHEET_ROWS) problems.push(`table ${op.table} has more rows than a sheet can hold`);
        rowsAfter.set(op.table.toLowerCase(), 1 + (op.rows?.length ?? 0));
        checkCells(`table ${op.table}`, [op.headers, ...(op.rows ?? [])]);
        break;
      case "appendRows": {
        const key = op.table.toLowerCase();
        const after = (rowsAfter.get(key) ?? 0) + op.rows.length;
        rowsAfter.set(key, after);
        if (after > SHEET_ROWS)
          problems.push(
            `table ${op.table} would need ${after.toLocaleString("en-US")} rows, more than the ${SHEET_ROWS.toLocaleString("en-US")} a sheet holds`,
          );
        checkCells(
          `the rows for ${op.table}`,
          (function* () {
            for (const row of op.rows) yield Object.values(row);
          })(),
        );
        break;
      }
      case "setColumn":
        checkCells(`the values for ${op.table} "${op.column}"`, [op.values]);
        break;
      case "setCells":
        checkCells(`the cells set in ${op.table}`, [op.cells.map((cell) => cell.value)]);
        break;
      case "reportSheet": {
        const width = op.cells.reduce((w, r) => Math.max(w, r.length), 0);
        if (width > SHEET_COLUMNS || op.cells.length > SHEET_ROWS) problems.push(`report "${op.sheet}" is larger than a sheet`);
        checkCells(`report "${op.sheet}"`, op.cells);
        break;
      }
    }
  }
  if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problems.join("; ")}.`);
}
