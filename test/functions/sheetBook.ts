// A workbook of several sheets for the formula tests whose arguments are whole tables: the Charges,
// Postings, Payments and Payers tables each on their own sheet (header on row 1, as Setup lays them
// out) and the formulas on a "Calc" sheet, evaluated by HyperFormula through the real MEDBILL
// functions (registered by spreadsheet.ts, which says how the calls mirror Excel's).
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import type { Shown } from "./spreadsheet";

export interface SheetBook {
  /** What a block of the Calc sheet shows: the spilled answers of a formula whose top-left cell is (row, col), 0-based. */
  read(row: number, col: number, rows: number, cols: number): Shown[][];
  destroy(): void;
}

/** Build the workbook: `sheets` by name, `calc` the rows of the Calc sheet (formulas and their inputs). */
export function sheetBook(sheets: Record<string, RawCellContent[][]>, calc: RawCellContent[][]): SheetBook {
  const hf = HyperFormula.buildFromSheets({ ...sheets, Calc: calc }, { licenseKey: "gpl-v3" });
  const calcId = hf.getSheetId("Calc")!;
  return {
    read: (row, col, rows, cols) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from({ length: cols }, (_, c) => {
          const value = hf.getCellValue({ sheet: calcId, row: row + r, col: col + c });
          return value instanceof DetailedCellError ? { error: value.value, message: value.message } : value;
        }),
      ),
    destroy: () => hf.destroy(),
  };
}

/** "A1:H13" for a table of `rows` rows (header included) and `cols` columns from A1. */
export function tableRange(sheet: string, rows: number, cols: number): string {
  return `${sheet}!A1:${columnName(cols - 1)}${rows}`;
}

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
