// How the browser host's grid shows cell values. The port hands over raw values, so a date is an
// Excel serial number: each cell is shown under its own number format, as Excel would show it (a
// report's dates as dates, 0.125 under "0.0%" as 12.5%, amounts in dollars), with the fill a check
// or a report's highlight gave it (SheetLook, read from the file). A cell with no format falls back
// on its column: the date and money fields of a billing table (found by header, like everywhere
// else) are shown as dates and dollars, anything else as the number Excel stores.
import { serialToIso, type DateSystem } from "../../src/dates";
import { mapColumns } from "../../src/workbook/mapTable";
import { tableDef } from "../../src/workbook/tables";
import type { CellValue, TableInfo } from "../../src/workbook/port";
import type { SheetLook } from "../../src/workbook/xlsxWorkbook";
import { columnLetters } from "../../src/workbook/columnLetters";
import { formatNumber, isGeneralFormat, type Shown } from "./excelNumberFormat";

/** Sheet rows the preview draws; the rest are counted, not shown. */
export const PREVIEW_ROWS = 200;

export type ColumnKind = "date" | "money" | "plain";

/** 0 -> "A", 25 -> "Z", 26 -> "AA", as Excel labels columns (the preview counts columns from 0). */
export function columnLetter(index: number): string {
  return columnLetters(index + 1);
}

/**
 * Per sheet column, how to show the values below the header row: the date and money fields of the
 * billing table on this sheet, by the header text found in the table's header row.
 */
export function columnKinds(cells: CellValue[][], table: TableInfo | undefined): ColumnKind[] {
  const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
  const kinds: ColumnKind[] = Array.from({ length: width }, () => "plain");
  const def = table && tableDef(table.name);
  if (!def || !table) return kinds;
  const headerRow = cells[table.headerRow - 1] ?? [];
  const fields = def.fields as Record<string, { kind?: "money" | "date" }>;
  const mapping = mapColumns(def, table.headers);
  for (const [key, { header }] of Object.entries(mapping.columns)) {
    const kind = fields[key].kind;
    if (!kind) continue;
    const col = headerRow.findIndex((h) => typeof h === "string" && h === header);
    if (col >= 0) kinds[col] = kind;
  }
  return kinds;
}

/** The text a grid cell shows. Header rows and everything above them are shown as they are. */
export function displayCell(value: CellValue | undefined, kind: ColumnKind, dateSystem: DateSystem): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (kind === "date") {
    const iso = serialToIso(value, dateSystem);
    return iso.ok ? iso.value : String(value);
  }
  if (kind === "money") return value.toFixed(2);
  return String(value);
}

/**
 * What a grid cell shows: under its number format when it has one (as Excel shows it), else as
 * displayCell shows it by its column's kind. Text is shown as it is, whatever the format.
 */
export function shownCell(
  value: CellValue | undefined,
  format: string | null | undefined,
  kind: ColumnKind,
  dateSystem: DateSystem,
): Shown {
  if (typeof value === "number" && !isGeneralFormat(format)) return formatNumber(value, format!, dateSystem);
  return { text: displayCell(value, kind, dateSystem) };
}

/** A cell's format and fill in a look read for some rows (none outside them). */
export function lookAt(look: SheetLook | undefined, row: number, column: number): { format: string | null; fill: string | null } {
  const at = look ? row - look.first : -1;
  if (!look || at < 0 || at >= look.formats.length) return { format: null, fill: null };
  return { format: look.formats[at][column] ?? null, fill: look.fills[at][column] ?? null };
}

/**
 * The fill a cell shows: a report's conditional fill when its number is above the rule's (the first
 * rule that holds, as Excel's rules go by priority), else its own solid fill.
 */
export function fillOf(look: SheetLook | undefined, row: number, column: number, value: CellValue | undefined): string | null {
  if (!look) return null;
  if (typeof value === "number") {
    const rule = look.highlights.find(
      (h) =>
        row >= h.range.row &&
        row < h.range.row + h.range.rows &&
        column >= h.range.column &&
        column < h.range.column + h.range.columns &&
        value > h.greaterThan,
    );
    if (rule) return rule.color;
  }
  return lookAt(look, row, column).fill;
}

/** The rows the grid draws: 0-based sheet rows `first` (inclusive) to `end` (exclusive). */
export interface PreviewWindow {
  first: number;
  end: number;
}

/**
 * Which PREVIEW_ROWS rows to draw. Without a target, the sheet's first rows; with one (a 1-based sheet
 * row, e.g. a problem in Charges row 1,480), a window with the target near its middle, so the rows
 * around it show too, kept inside the sheet.
 */
export function previewWindow(rowCount: number, targetRow?: number, size: number = PREVIEW_ROWS): PreviewWindow {
  const rows = Math.max(0, rowCount);
  if (targetRow === undefined || !Number.isFinite(targetRow) || targetRow <= size) return { first: 0, end: Math.min(size, rows) };
  const target = Math.min(Math.floor(targetRow), rows) - 1;
  const first = Math.max(0, Math.min(target - Math.floor(size / 2), rows - size));
  return { first, end: Math.min(first + size, rows) };
}

/**
 * The 0-based sheet column of a table's column, found by its header text in the table's header row
 * (case and spacing aside, as everywhere else); -1 when the header is not there.
 */
export function headerColumn(cells: CellValue[][], table: TableInfo, header: string): number {
  const wanted = header.trim().toLowerCase();
  const row = cells[table.headerRow - 1] ?? [];
  return row.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === wanted);
}
