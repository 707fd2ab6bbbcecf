// Making the office's own block of a plain sheet an Excel table (MakeTableOp): what is checked before
// anything is written. The plan check (checkPlan.ts) checks the op as given: its block, and header
// texts that are all there and all different. Each adapter then compares the op with the sheet as it
// is at the moment of writing (sheetChangedProblem): a sheet edited since Setup looked at it is
// refused rather than made a table over the wrong cells.
import { columnLetters } from "./columnLetters";
import type { CellValue, MakeTableOp, SheetRange } from "./port";

/** A cell's address as a biller reads it, from 0-based row and column: (0, 5) -> "F1". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column + 1)}${row + 1}`;
}

/** A header cell's text as a table would take it ("" for a blank cell). */
export function headerText(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * Why the header texts cannot head a table, one phrase per blank or repeated header, naming its
 * column and cell: an Excel table needs a name, and a different one, over every column.
 */
export function headerProblems(sheet: string, range: SheetRange, headers: string[]): string[] {
  const problems: string[] = [];
  const firstSeen = new Map<string, number>();
  headers.forEach((raw, j) => {
    const column = range.column + j;
    const text = headerText(raw);
    if (text === "") {
      problems.push(
        `column ${columnLetters(column + 1)} of sheet "${sheet}" has no header (cell ${cellAddress(range.row, column)} is blank): type one there, then try again`,
      );
      return;
    }
    const key = text.toLowerCase();
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, column);
    else {
      problems.push(
        `sheet "${sheet}" has the header "${text}" twice (cells ${cellAddress(range.row, first)} and ${cellAddress(range.row, column)}): rename one, then try again`,
      );
    }
  });
  return problems;
}

/** Every problem of the op as given: its block's shape, then its headers. */
export function makeTableProblems(op: MakeTableOp): string[] {
  const { row, column, rows, columns } = op.range;
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  if (!whole(row) || !whole(column) || !whole(rows) || !whole(columns) || rows < 1 || columns < 1) {
    return [`the block of sheet "${op.sheet}" to make the table ${op.table} from is not a block of cells`];
  }
  if (columns !== op.headers.length) {
    return [
      `the block of sheet "${op.sheet}" has ${columns} columns but ${op.headers.length} headers were given for the table ${op.table}`,
    ];
  }
  return headerProblems(op.sheet, op.range, op.headers);
}

/** The sheet as an adapter finds it when it writes: its header cells over the block, and its used block. */
export interface SheetNow {
  /** The values of the block's first row, or undefined when the sheet is gone. */
  headers: CellValue[] | undefined;
  /** The block of the sheet holding values, 0-based; undefined for a blank sheet. */
  used: SheetRange | undefined;
}

/**
 * Why the sheet no longer is what the op was made from, in a phrase, or undefined when it still is:
 * the same header texts, and values nowhere below, left or right of the block (rows above the header
 * row, a title, stay outside the table as they are).
 */
export function sheetChangedProblem(op: MakeTableOp, now: SheetNow): string | undefined {
  const again = "check the workbook again (Setup's Refresh), then try again";
  if (now.headers === undefined) return `the workbook has no sheet "${op.sheet}" any more: ${again}`;
  if (now.used === undefined) return `sheet "${op.sheet}" is empty now: ${again}`;
  for (let j = 0; j < op.headers.length; j++) {
    const was = headerText(op.headers[j]);
    const is = headerText(now.headers[j]);
    if (was !== is) {
      const cell = cellAddress(op.range.row, op.range.column + j);
      return `sheet "${op.sheet}" changed since it was checked (cell ${cell} now reads "${is}", not "${was}"): ${again}`;
    }
  }
  const { used, range } = { used: now.used, range: op.range };
  const bottom = range.row + range.rows;
  const right = range.column + range.columns;
  if (used.row + used.rows !== bottom || used.column < range.column || used.column + used.columns > right) {
    const last = cellAddress(used.row + used.rows - 1, used.column + used.columns - 1);
    return `sheet "${op.sheet}" changed since it was checked (its values now end at cell ${last}, not ${cellAddress(bottom - 1, right - 1)}): ${again}`;
  }
  return undefined;
}

/** The block of a grid of values (rows from A1) holding values: blank text counts as blank; undefined when none does. */
export function usedBlockOf(values: CellValue[][]): SheetRange | undefined {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  values.forEach((row, r) => {
    row?.forEach((value, c) => {
      if (value === null || value === undefined || value === "") return;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return top < 0 ? undefined : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

/** The values of a block of a grid of values (rows from A1), blanks as null. */
export function blockOf(values: CellValue[][], block: SheetRange): CellValue[][] {
  return Array.from({ length: block.rows }, (_, i) =>
    Array.from({ length: block.columns }, (_, j) => values[block.row + i]?.[block.column + j] ?? null),
  );
}
