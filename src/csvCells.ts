// The cells of every CSV medbill writes (the CLI's --csv of balances, aging, collections, kpis; the
// collection agency's file, from the terminal and the task pane alike): one rule, so no writer can
// forget it. A CSV is opened in Excel or another spreadsheet, which runs any cell that
// starts like a formula; text from the workbook (an ID, a payer's name, a status) must never do that.
//
// Numbers and text are told apart by where the value comes from, never by how it looks: money and
// figures are formatted here from a number (csvDollars, csvNumber) and printed as they are, so a
// credit stays -20.00 and sums in the spreadsheet; everything else is text (csvText) and is
// neutralised the way OWASP recommends (CSV injection): a text value starting with =, +, -, @, tab
// or carriage return gets a leading single quote and the field is quoted. A text value that merely
// looks like a number ("-20.00" typed as a PatientID) is text, and is neutralised too.
import type { Cents } from "./money";

/** The first characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell, safe to open in a spreadsheet: `=HYPERLINK(...)` → `"'=HYPERLINK(...)"`. */
export function csvText(value: string): string {
  if (FORMULA_START.test(value)) return quoted(`'${value}`);
  return /[",\r\n]/.test(value) ? quoted(value) : value;
}

/** A row of text cells (headers, or a row with no number in it), comma-separated. */
export function csvLine(cells: string[]): string {
  return cells.map(csvText).join(",");
}

/** Plain dollars from cents: 1234.50, -20.00 (a number, never neutralised). */
export function csvDollars(m: Cents): string {
  return `${m < 0 ? "-" : ""}${Math.floor(Math.abs(m) / 100)}.${String(Math.abs(m) % 100).padStart(2, "0")}`;
}

/** A figure with `digits` decimals: 12.5, -3.0 (a number, never neutralised); blank when there is none. */
export function csvNumber(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? "" : value.toFixed(digits);
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
