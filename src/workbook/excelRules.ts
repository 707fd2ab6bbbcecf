// Excel's own rules for what a plan names and colors: table names, sheet names and fill colors.
// Checked before anything is written, by the plan check and the report-layout check alike, so no
// adapter meets a name Excel refuses half-way through a plan.

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
/** Names Excel reads as a cell (A1, XFD1048576) or an R1C1 reference (R, C, R2C3): no table may have one. */
const CELL_REFERENCE = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*|[Rr]\d+|[Cc]\d+)$/;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
/** A fill color as Excel and an .xlsx file both take it: #RRGGBB. */
export const FILL_COLOR = /^#[0-9A-Fa-f]{6}$/;

/** Excel's rule for a table name: a letter, _ or \ first, then letters, digits, _ and .; never a cell's address. */
export function tableNameProblem(name: string): string | undefined {
  if (!TABLE_NAME.test(name)) return `"${name}" cannot be a table name (letters, digits and _ only)`;
  if (CELL_REFERENCE.test(name)) return `"${name}" cannot be a table name: Excel would read it as a cell address`;
  return undefined;
}

/** Excel's rule for a sheet name: 31 characters at most, none of [ ] : * ? / \, no apostrophe at either end. */
export function checkSheetName(name: string, problems: string[]): void {
  if (name.trim() === "" || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    problems.push(`"${name}" cannot be a sheet name (31 characters at most, none of [ ] : * ? / \\)`);
  }
}
