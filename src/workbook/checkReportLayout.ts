// The check of a report sheet's layout, part of the check of a whole plan: its number formats,
// tables, highlights, charts, text styles and print layout (statements), so that no adapter meets a
// block outside the report, a font size Excel refuses or a page break it cannot place half-way
// through a plan.
import type { KnownTable } from "./knownTable";
import { columnLetters } from "./columnLetters";
import { FILL_COLOR, tableNameProblem } from "./excelRules";
import type { ReportSheetOp, SheetRange } from "./port";

const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;
const CHART_TYPES: readonly string[] = ["columnStacked", "columnClustered", "pie"];
const FONT_SIZE = { min: 6, max: 36 };
const MAX_MARGIN_INCHES = 3;
const ALIGNMENTS: readonly string[] = ["left", "center", "right"];
const BORDERS: readonly string[] = ["thin", "dashed"];
const ORIENTATIONS: readonly string[] = ["portrait", "landscape"];
/**
 * Manual page breaks one sheet may hold: Excel keeps at most 1,026 (its .xlsb format 1,023), and a
 * file with more is "repaired" by dropping them. A batch of statements is split over several sheets.
 */
export const MAX_PAGE_BREAKS = 1023;

/**
 * The formats, tables, highlights, charts, text styles and print layout of a report: every block
 * inside the report's cells, tables with a header row of distinct texts and at least one row below
 * it, not overlapping, and named as Excel allows and no other table is. The report's tables join
 * `tables`.
 */
export function checkReportLayout(op: ReportSheetOp, tables: Map<string, KnownTable>, problems: string[]): void {
  const report = `report "${op.sheet}"`;
  const extent = { rows: op.cells.length, columns: op.cells.reduce((w, r) => Math.max(w, r.length), 0) };
  /** Whether a block lies inside the report's cells; says why not when it does not. */
  const inside: Inside = (range, what) => {
    const { row, column, rows, columns } = range;
    const whole = (n: number, min: number) => Number.isInteger(n) && n >= min;
    if (!whole(row, 0) || !whole(column, 0) || !whole(rows, 1) || !whole(columns, 1)) {
      problems.push(`${report}: ${what} is not a block of whole rows and columns (row ${row}, column ${column}, ${rows} by ${columns})`);
      return false;
    }
    if (row + rows > extent.rows || column + columns > extent.columns) {
      const cells = extent.rows === 0 || extent.columns === 0 ? "no cells" : `cells ${address({ row: 0, column: 0, ...extent })}`;
      problems.push(`${report}: ${what} (${address(range)}) is outside the report, which has ${cells}`);
      return false;
    }
    return true;
  };

  for (const { range, numberFormat } of op.formats ?? []) {
    if (typeof numberFormat !== "string" || numberFormat.trim() === "") problems.push(`${report}: a number format is blank`);
    inside(range, `the number format "${numberFormat}"`);
  }

  const made: { name: string; range: SheetRange }[] = [];
  for (const { name, range } of op.tables ?? []) {
    const what = `table ${name}`;
    const badName = tableNameProblem(name);
    if (badName) problems.push(badName);
    const clash = tables.get(name.toLowerCase());
    if (clash?.planned) problems.push(`two tables of this plan are named ${name}`);
    else if (clash) problems.push(`the workbook already has a table named ${clash.name}`);
    if (!inside(range, what)) continue;
    if (range.rows < 2) problems.push(`${report}: ${what} needs a header row and at least one row below it`);
    const headers: string[] = [];
    const seen = new Set<string>();
    for (let c = range.column; c < range.column + range.columns; c++) {
      const value = op.cells[range.row]?.[c] ?? null;
      const header = typeof value === "string" ? value.trim() : "";
      if (header === "") {
        problems.push(
          `${report}: ${what} needs a header text in every column, and ${address({ ...range, column: c, rows: 1, columns: 1 })} holds none`,
        );
      } else if (seen.has(header.toLowerCase())) problems.push(`${report}: ${what} has the column "${header}" twice`);
      seen.add(header.toLowerCase());
      headers.push(typeof value === "string" ? value : "");
    }
    const other = made.find((t) => overlap(t.range, range));
    if (other) problems.push(`${report}: tables ${other.name} and ${name} overlap`);
    made.push({ name, range });
    tables.set(name.toLowerCase(), {
      name,
      sheet: op.sheet.toLowerCase(),
      headers,
      rowCount: range.rows - 1,
      replaceable: true,
      planned: true,
      report: op.sheet,
    });
  }

  for (const { range, greaterThan, color } of op.highlights ?? []) {
    if (typeof greaterThan !== "number" || !Number.isFinite(greaterThan)) {
      problems.push(`${report}: a highlight needs a number to compare with, not ${String(greaterThan)}`);
    }
    if (typeof color !== "string" || !FILL_COLOR.test(color)) problems.push(`"${color}" is not a fill color (use #RRGGBB)`);
    inside(range, "a highlight");
  }

  checkStyles(op, report, inside, problems);
  if (op.print !== undefined) checkPrint(op, report, extent, inside, problems);

  for (const chart of op.charts ?? []) {
    const what = `the chart "${chart.title}"`;
    if (!CHART_TYPES.includes(chart.type)) problems.push(`${report}: ${what} is of an unknown type (${String(chart.type)})`);
    if (chart.seriesBy !== "rows" && chart.seriesBy !== "columns")
      problems.push(`${report}: ${what} needs its series by rows or by columns`);
    if (inside(chart.data, `the data of ${what}`) && (chart.data.rows < 2 || chart.data.columns < 2)) {
      problems.push(`${report}: ${what} needs at least 2 rows and 2 columns of data (labels and numbers)`);
    }
    const { row, column } = chart.anchor;
    if (!(Number.isInteger(row) && row >= 0 && row < SHEET_ROWS && Number.isInteger(column) && column >= 0 && column < SHEET_COLUMNS)) {
      problems.push(`${report}: ${what} is placed outside the sheet (row ${row}, column ${column})`);
    }
    for (const [side, size] of [
      ["width", chart.width],
      ["height", chart.height],
    ] as const) {
      if (size !== undefined && !(typeof size === "number" && Number.isFinite(size) && size > 0)) {
        problems.push(`${report}: ${what} needs a ${side} above 0 points, not ${String(size)}`);
      }
    }
  }
}

type Inside = (range: SheetRange, what: string) => boolean;

/** Text styles: each block inside the report, a font size Excel prints legibly, known lines and alignments. */
function checkStyles(op: ReportSheetOp, report: string, inside: Inside, problems: string[]): void {
  for (const style of op.styles ?? []) {
    inside(style.range, "a text style");
    const { bold, italic, fontSize, borderTop, align } = style;
    if ((bold !== undefined && typeof bold !== "boolean") || (italic !== undefined && typeof italic !== "boolean")) {
      problems.push(`${report}: bold and italic are true or false, not ${String(typeof bold === "boolean" ? italic : bold)}`);
    }
    if (fontSize !== undefined && !(typeof fontSize === "number" && fontSize >= FONT_SIZE.min && fontSize <= FONT_SIZE.max)) {
      problems.push(`${report}: a font size is ${FONT_SIZE.min} to ${FONT_SIZE.max} points, not ${String(fontSize)}`);
    }
    if (borderTop !== undefined && !BORDERS.includes(borderTop)) {
      problems.push(`${report}: a line above a block is "thin" or "dashed", not ${JSON.stringify(borderTop)}`);
    }
    if (align !== undefined && !ALIGNMENTS.includes(align)) {
      problems.push(`${report}: text is aligned left, center or right, not ${JSON.stringify(align)}`);
    }
  }
}

/** The print layout: an area inside the report, margins of 0 to 3 inches, page breaks on its rows in order. */
function checkPrint(
  op: ReportSheetOp,
  report: string,
  extent: { rows: number; columns: number },
  inside: Inside,
  problems: string[],
): void {
  const print = op.print!;
  if (print.area !== undefined) inside(print.area, "the print area");
  else if (extent.rows === 0 || extent.columns === 0) problems.push(`${report}: there are no cells to print`);
  if (print.orientation !== undefined && !ORIENTATIONS.includes(print.orientation)) {
    problems.push(`${report}: the page is portrait or landscape, not ${JSON.stringify(print.orientation)}`);
  }
  if (print.fitToWidth !== undefined && typeof print.fitToWidth !== "boolean") {
    problems.push(`${report}: fit to one page wide is true or false, not ${String(print.fitToWidth)}`);
  }
  if (print.margins !== undefined) {
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const inches = print.margins[side];
      if (!(typeof inches === "number" && inches >= 0 && inches <= MAX_MARGIN_INCHES)) {
        problems.push(`${report}: the ${side} margin is 0 to ${MAX_MARGIN_INCHES} inches, not ${String(inches)}`);
      }
    }
  }
  const breaks = print.pageBreaksBefore ?? [];
  if (breaks.length > MAX_PAGE_BREAKS) {
    problems.push(
      `${report}: ${breaks.length.toLocaleString("en-US")} page breaks are more than the ${MAX_PAGE_BREAKS.toLocaleString("en-US")} Excel keeps on one sheet`,
    );
  }
  // A break goes above a row: the first row has nothing above it, and a row past the cells has nothing to print.
  const outside = breaks.find((row) => !(Number.isInteger(row) && row >= 1 && row < extent.rows));
  if (outside !== undefined) {
    const rows = extent.rows < 2 ? "it has no row a page could start at" : `a page can start at rows 2 to ${extent.rows}`;
    problems.push(
      `${report}: a page break before row ${Number.isInteger(outside) ? outside + 1 : String(outside)} is outside the report (${rows})`,
    );
  }
  const unordered = breaks.findIndex((row, i) => i > 0 && !(row > breaks[i - 1]));
  if (unordered > 0) {
    problems.push(
      `${report}: page breaks go in ascending order, each row once (row ${String(breaks[unordered] + 1)} comes after row ${String(breaks[unordered - 1] + 1)})`,
    );
  }
}

/** A block as a biller reads it: "D4:K12" (or "D4" for one cell). */
function address({ row, column, rows, columns }: SheetRange): string {
  const first = `${columnLetters(column + 1)}${row + 1}`;
  return rows === 1 && columns === 1 ? first : `${first}:${columnLetters(column + columns)}${row + rows}`;
}

function overlap(a: SheetRange, b: SheetRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}
