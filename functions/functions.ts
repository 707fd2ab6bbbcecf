// The MEDBILL.* custom functions: thin JSDoc'ed wrappers over src/. custom-functions-metadata reads the
// JSDoc to write functions.json, and its webpack plugin appends the CustomFunctions.associate calls to
// the built file, so importing this module registers nothing (tests import it in Node).
// Every function takes one cell or a whole range and answers in the same shape: one call per column.
import { isValidNpi } from "../src/codes/npi";

/** Empty cells arrive as "" in a range (null when an argument is left out): both mean "no NPI here". */
function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** One cell: TRUE or FALSE by the NPI check digit, blank for a blank cell. */
export function npiCell(value: unknown): boolean | "" {
  return isBlank(value) ? "" : isValidNpi(value);
}

/**
 * A cell or a range, answered in the same shape: a single value gives a 1x1 range, as Excel does for a
 * range parameter (it hands a single cell over as [[value]]).
 */
export function npiCells(values: unknown): (boolean | "")[][] {
  if (!Array.isArray(values)) return [[npiCell(values)]];
  return values.map((row: unknown) => (Array.isArray(row) ? row.map(npiCell) : [npiCell(row)]));
}

// Blank in, blank out: a biller points it at a whole column, and FALSE on every empty row below the data
// would read as a page of bad NPIs. The check digit cannot tell a deactivated NPI (that needs NPPES).
/**
 * TRUE when an NPI's check digit is right, FALSE when not; blank cells stay blank.
 * @customfunction NPI
 * @param value One NPI or a range of NPIs: 10-digit numbers or text.
 * @returns TRUE or FALSE for each cell, in the shape of the input; blank where the cell is blank.
 */
export function NPI(value: any[][]): any[][] {
  return npiCells(value);
}
