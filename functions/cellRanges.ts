// How the MEDBILL functions take their arguments and give their answers. A single value or a range comes
// in and the same shape goes out, so one formula checks a whole column. An optional argument (a date of
// service, a kind of code) is one value for every code or a range lined up with the codes. Dates arrive
// as Excel serials (custom functions always see the 1900 date system) or as text. A whole table comes in
// with its header row (Charges[#All]) and is handed to the engine as the port's RawTable. A problem with one cell
// is an Excel error in that cell, #N/A or #VALUE! with a message a biller can read: never a thrown
// exception, which would turn the whole spilled range into one error.
import { plural } from "../src/counting";
import { parseDate, type IsoDate } from "../src/dates";
import { asText } from "../src/workbook/cells";
import type { CellValue, RawTable } from "../src/workbook/port";

/** What one cell of a result holds. */
export type Answer = boolean | string | number | CustomFunctions.Error;

/** Empty cells arrive as "" in a range, an omitted argument as null: both mean "nothing here". */
export function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * An argument's cells as rows. Excel hands a range parameter over as rows of cells, and a single value
 * as a 1x1 range; called directly (tests, the task pane) a plain value or a flat list works too.
 */
export function cellRows(values: unknown): unknown[][] {
  if (!Array.isArray(values)) return [[values]];
  return values.map((row: unknown) => (Array.isArray(row) ? row : [row]));
}

/** One answer per code cell, in the shape of the codes. A failure inside one cell stays in that cell. */
export function answerEach(rows: unknown[][], answer: (code: unknown, row: number, column: number) => Answer): Answer[][] {
  const out: Answer[][] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const answers: Answer[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      try {
        answers[c] = answer(row[c], r, c);
      } catch (error: unknown) {
        answers[c] = cellError("#VALUE!", `this cell could not be checked (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    out[r] = answers;
  }
  return out;
}

/** The value of an optional argument that goes with the code at (row, column). */
export type Companion = { ok: true; at: (row: number, column: number) => unknown } | { ok: false; reason: string };

/**
 * Lines an optional argument up with the codes: left out (null), one cell for every code, one column
 * beside them (a date per row for several diagnosis columns), one row above them, or the same shape.
 */
export function companion(argument: unknown, codes: unknown[][], what: string, codesAre = "codes"): Companion {
  if (argument === null || argument === undefined) return { ok: true, at: () => null };
  if (!Array.isArray(argument)) return { ok: true, at: () => argument };
  const values = cellRows(argument);
  const height = values.length;
  const width = height === 0 ? 0 : values[0].length;
  if (height === 1 && width === 1) {
    const only = values[0][0];
    return { ok: true, at: () => only };
  }
  const rows = codes.length;
  const columns = rows === 0 ? 0 : codes[0].length;
  if (height === rows && width === columns) return { ok: true, at: (r, c) => values[r][c] };
  if (height === rows && width === 1) return { ok: true, at: (r) => values[r][0] };
  if (height === 1 && width === columns) return { ok: true, at: (_r, c) => values[0][c] };
  return {
    ok: false,
    reason: `the ${what} must be one cell, or a range as tall or as wide as the ${codesAre} (the ${codesAre} are ${size(rows, columns)}, the ${what} ${size(height, width)})`,
  };
}

const size = (rows: number, columns: number) => `${plural(rows, "row")} by ${plural(columns, "column")}`;

/** A date of service as given: none (left out or blank), a date, or why it is not one. */
export type DateOfService = { ok: true; dos?: IsoDate } | { ok: false; reason: string };

/** Reads a date of service from a cell: an Excel serial (1900 system), or text like 2025-03-01 or 3/1/2025. */
export function readDateOfService(value: unknown): DateOfService {
  return readDate(value, "date of service");
}

/** Reads any date argument the same way; `what` names it in the reason ("as-of date: ..."). */
export function readDate(value: unknown, what: string): DateOfService {
  if (isBlankCell(value)) return { ok: true };
  if (typeof value === "boolean") return { ok: false, reason: `the ${what} is ${value ? "TRUE" : "FALSE"}, not a date` };
  const parsed = parseDate(value, 1900);
  return parsed.ok ? { ok: true, dos: parsed.value } : { ok: false, reason: `${what}: ${parsed.error}` };
}

/**
 * Dates of service for a range call. A date column holds a few hundred distinct days for a million rows
 * (or one date for all), so each distinct value is read once.
 */
export class DatesOfService {
  private readonly read = new Map<unknown, DateOfService>();

  constructor(
    private readonly lined: Companion,
    private readonly what = "date of service",
  ) {}

  /** The date for the code at (row, column), or why the dates argument cannot be used at all. */
  at(row: number, column: number): DateOfService {
    if (!this.lined.ok) return { ok: false, reason: this.lined.reason };
    const value = this.lined.at(row, column);
    let date = this.read.get(value);
    if (date === undefined) {
      date = readDate(value, this.what);
      // Text dates typed by hand can all differ: stop remembering rather than grow without end.
      if (this.read.size < 10_000) this.read.set(value, date);
    }
    return date;
  }
}

/** A table argument as the port's RawTable: its first row is the header row. */
export function tableArgument(name: string, cells: unknown): RawTable | undefined {
  return readTableArgument(name, cells, true);
}

/**
 * The same table as tableArgument, but each row of plain values is the argument's own array, not a copy:
 * for a reader that is done with it before the call returns (BALANCES parses its tables at once).
 * It sees whatever later happens to those arrays, so it must not be kept: copyTableArgument is what keeps.
 */
export function tableArgumentInPlace(name: string, cells: unknown): RawTable | undefined {
  return readTableArgument(name, cells, false);
}

/**
 * tableArgument and tableArgumentInPlace: each row read once, straight from the argument (cellRows'
 * rule for a row that is a single value); a row of plain values (nearly all) is the argument's own
 * array or, when `copy`, a copy to its exact length, any other read cell by cell. 100,000 rows made
 * twice over were a tenth of a second of a BALANCES call, most of it collecting them.
 */
function readTableArgument(name: string, cells: unknown, copy: boolean): RawTable | undefined {
  if (cells === null || cells === undefined) return undefined;
  const rows = argumentRows(cells);
  // A blank cell where a table goes (a reference to an empty cell) is the same as leaving it out.
  if (allBlank(rows)) return undefined;
  const headers = cellRow(rows[0]).map(headerText);
  const body: CellValue[][] = new Array(rows.length - 1);
  for (let r = 1; r < rows.length; r++) {
    const row = cellRow(rows[r]);
    if (!plainCells(row)) body[r - 1] = Array.from(row, cellValue);
    else body[r - 1] = copy ? (row.slice() as CellValue[]) : (row as CellValue[]);
  }
  return { name, sheet: name, headers, rowCount: body.length, headerRow: 1, rows: body };
}

/**
 * What a table argument held, kept to tell whether a later call's argument holds the same (see
 * sameTableArgument): tableArgument's table with its body cells in one flat list, row after row, so
 * 200,000 rows are one array to make and to keep rather than 200,000 (most of a copy's cost was the
 * garbage collector's, moving the small arrays).
 */
export interface TableCopy {
  name: string;
  headers: string[];
  rowCount: number;
  /** Every body cell as cellValue reads it, row after row. */
  cells: CellValue[];
  /** Where each body row starts in cells; starts[rowCount] is the end. Rows may differ in length. */
  starts: Int32Array;
}

/** A copy of what tableArgument would read from these cells (undefined for undefined), for sameTableArgument. */
export function copyTableArgument(name: string, cells: unknown): TableCopy | undefined {
  if (cells === null || cells === undefined) return undefined;
  const rows = argumentRows(cells);
  if (allBlank(rows)) return undefined;
  const headers = cellRow(rows[0]).map(headerText);
  const rowCount = rows.length - 1;
  const starts = new Int32Array(rowCount + 1);
  let total = 0;
  for (let r = 1; r < rows.length; r++) {
    starts[r - 1] = total;
    total += cellRow(rows[r]).length;
  }
  starts[rowCount] = total;
  const flat: CellValue[] = new Array(total);
  let k = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = cellRow(rows[r]);
    for (let c = 0; c < row.length; c++) {
      const value: unknown = row[c];
      flat[k++] = isPlainCell(value) ? value : cellValue(value);
    }
  }
  return { name, headers, rowCount, cells: flat, starts };
}

/**
 * Whether tableArgument(name, cells) would give the table `copy` was made from, cell for cell (undefined
 * for undefined), without making it: one pass over the cells that stops at the first difference. The copy
 * is copyTableArgument's, so it holds what the cells held then, whatever happens to them afterwards.
 * Kept beside tableArgument: the two must read a cell the same way. Numbers are equal as Object.is has
 * them except NaN (never equal: a miss costs a read, never a wrong answer), so 0 and -0 differ.
 */
export function sameTableArgument(name: string, cells: unknown, copy: TableCopy | undefined): boolean {
  if (cells === null || cells === undefined) return copy === undefined;
  const rows = argumentRows(cells);
  if (allBlank(rows)) return copy === undefined;
  if (copy === undefined || copy.name !== name || copy.rowCount !== rows.length - 1) return false;
  const header = cellRow(rows[0]);
  const headers = copy.headers;
  if (header.length !== headers.length) return false;
  for (let c = 0; c < header.length; c++) if (headerText(header[c]) !== headers[c]) return false;
  const held = copy.cells;
  const starts = copy.starts;
  for (let r = 1; r < rows.length; r++) {
    const given = rows[r];
    const start = starts[r - 1];
    const length = starts[r] - start;
    if (!Array.isArray(given)) {
      if (length !== 1 || !sameCell(given, held[start])) return false;
      continue;
    }
    if (given.length !== length) return false;
    // By type first: nearly every cell is text or a number, and the engine compares those fastest so.
    for (let c = 0; c < length; c++) {
      const value: unknown = given[c];
      const kept = held[start + c];
      if (typeof value === "string") {
        if (value !== kept) return false;
      } else if (typeof value === "number") {
        if (value !== kept || (value === 0 && 1 / value !== 1 / (kept as number))) return false;
      } else if (value !== kept && !sameCell(value, kept)) return false;
    }
  }
  return true;
}

/** A cell not strictly equal to the value kept for it may still read the same (undefined as null, an error as its code). */
function sameCell(value: unknown, kept: CellValue | undefined): boolean {
  const read = cellValue(value);
  return read === kept && (read !== 0 || 1 / read === 1 / (kept as number));
}

/** Whether every cell is blank; a row may be a single value (cellRows' rule), read without copying. */
function allBlank(rows: readonly unknown[]): boolean {
  for (const row of rows) {
    if (!Array.isArray(row)) {
      if (!isBlankCell(row)) return false;
    } else for (const cell of row as unknown[]) if (!isBlankCell(cell)) return false;
  }
  return true;
}

/** Whether a cell is as cellValue gives it (text, a number, TRUE/FALSE or null): a copy needs no reading. */
function isPlainCell(value: unknown): value is CellValue {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function plainCells(row: unknown[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isPlainCell(row[c])) return false;
  return true;
}

/** A range argument's rows as given: a single value is one row of one cell (cellRows' rule, without copying). */
function argumentRows(cells: unknown): unknown[] {
  return Array.isArray(cells) ? (cells as unknown[]) : [[cells]];
}

/** One row of a range as cellRows has it: a row that is a single value is a row of one cell. */
function cellRow(row: unknown): unknown[] {
  return Array.isArray(row) ? row : [row];
}

function headerText(header: unknown): string {
  return isBlankCell(header) ? "" : asText(header);
}

/** Cells as the port carries them; an Excel error inside a table becomes text, which fails where it matters. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : "#VALUE!";
}

/**
 * An Excel error for one cell. Only #N/A and #VALUE! show their message in Excel. CustomFunctions is the
 * custom-functions runtime's global, looked up at the call (Node tests put a stand-in in its place).
 */
export function cellError(code: "#N/A" | "#VALUE!", message: string): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  return new CustomFunctions.Error(code === "#N/A" ? codes.notAvailable : codes.invalidValue, message);
}

/** Errors for one range call: a message repeated down a million rows is one object, not a million. */
export class CellErrors {
  private readonly made = new Map<string, CustomFunctions.Error>();

  notAvailable(message: string): CustomFunctions.Error {
    return this.get("#N/A", message);
  }

  invalidValue(message: string): CustomFunctions.Error {
    return this.get("#VALUE!", message);
  }

  private get(code: "#N/A" | "#VALUE!", message: string): CustomFunctions.Error {
    const key = `${code}${message}`;
    let error = this.made.get(key);
    if (!error) {
      error = cellError(code, message);
      // Reasons that name the cell's own value are all different: keeping them would only cost memory.
      if (this.made.size < 1000) this.made.set(key, error);
    }
    return error;
  }
}
