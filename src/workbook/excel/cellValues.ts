// Cell values across the Office.js boundary: what Excel hands back is read as the port's values,
// and the port's values are written so that text always stays text.
import type { CellValue } from "../port";

/** Cell value from Excel -> port: a blank cell reads as "", which the port calls null. */
export function fromExcel(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * Port -> cell value for Excel. Every non-empty text gets a leading apostrophe, Excel's mark for
 * "this is text": without it "=HYPERLINK(...)", "+1", "-2" and "@x" become formulas and "00123",
 * "TRUE", "3/5/2026" or "12%" become numbers, booleans or dates. Excel keeps the apostrophe as
 * the cell's prefix character, not in its value, so reading back gives the text as written.
 */
export function toExcel(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : "'" + value;
  return value;
}
