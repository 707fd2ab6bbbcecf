// Showing a cell to the user: activate its sheet and select it, given either a sheet position (a
// problem list's "Charges row 14") or a table's row and column header (a problem the Codes panel
// found). A sheet or table gone, hidden or protected since the check ran is told in words.
import { headerIndex } from "../checkPlan";
import type { ExcelRun } from "./excelRun";
import { SHEET_COLUMNS, SHEET_ROWS } from "./sheetLimits";

/**
 * Show a cell to the user: activate its sheet and select it, in one sync. Row and column are the
 * 1-based numbers a biller sees (a problem list's "Charges row 14").
 */
export async function selectCell(run: ExcelRun, sheet: string, row: number, column: number): Promise<void> {
  if (!Number.isInteger(row) || row < 1 || row > SHEET_ROWS || !Number.isInteger(column) || column < 1 || column > SHEET_COLUMNS) {
    throw new Error(`There is no cell at row ${row}, column ${column} of sheet "${sheet}".`);
  }
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRangeByIndexes(row - 1, column - 1, 1, 1).select();
    try {
      await context.sync();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === "ItemNotFound") throw new Error(`The sheet "${sheet}" is no longer in this workbook: check the workbook again.`);
      if (code === "InvalidOperation" || code === "AccessDenied") {
        throw new Error(`The sheet "${sheet}" is hidden or protected, so the cell cannot be shown: unhide it and try again.`);
      }
      throw error;
    }
  });
}

/**
 * Show a cell of a table to the user, by its 0-based body row and its column's header (a problem
 * the Codes panel found): one sync reads the table's headers and size, a second activates its sheet
 * and selects the cell. The header is looked up again here, as the office may have moved columns
 * since the check ran.
 */
export async function selectTableCell(run: ExcelRun, table: string, bodyIndex: number, column: string): Promise<void> {
  if (!Number.isInteger(bodyIndex) || bodyIndex < 0) throw new Error(`There is no row ${bodyIndex} in the ${table} table.`);
  await run(async (context) => {
    const found = context.workbook.tables.getItem(table);
    const header = found.getHeaderRowRange().load("values");
    const body = found.getDataBodyRange().load("rowCount");
    try {
      await context.sync();
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === "ItemNotFound") {
        throw new Error(`The ${table} table is no longer in this workbook: check the workbook again.`);
      }
      throw error;
    }
    const columnIndex = headerIndex(header.values[0].map(String), column);
    if (columnIndex < 0) throw new Error(`The ${table} table has no "${column}" column any more: check the workbook again.`);
    if (bodyIndex >= body.rowCount) {
      throw new Error(`The ${table} table has fewer rows than when it was checked: check the workbook again.`);
    }
    found.worksheet.activate();
    body.getCell(bodyIndex, columnIndex).select();
    try {
      await context.sync();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === "InvalidOperation" || code === "AccessDenied") {
        throw new Error(`The ${table} table's sheet is hidden or protected, so the cell cannot be shown: unhide it and try again.`);
      }
      throw error;
    }
  });
}
