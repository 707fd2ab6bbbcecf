// One check of a whole write plan against the workbook as it is, shared by every adapter, so that
// a plan that cannot be applied is refused before anything is written (nothing half-posted).
//
// Report sheets hold Excel tables of their own, and describe() lists them with every other table
// (Excel and an .xlsx file cannot tell them apart, and the memory adapter lists them alike). So a
// report may replace a sheet that holds tables, and they go with it, unless one of them keeps the
// office's data: a billing table (by name) or a code set (a table on a hidden, protected sheet), or
// a table this plan creates or writes to. Table names are unique in the whole workbook, except
// that a report's tables may take the names of the tables on the sheet it replaces.
//
// A report's text styles and print layout (statements) are checked here too, so that no adapter
// meets a font size Excel refuses or a page break it cannot place half-way through a plan.
import {
  PLAN_HEADER,
  PlanRejected,
  type CellValue,
  type ReportSheetOp,
  type SheetRange,
  type WorkbookInfo,
  type WriteOp,
  type WriteSummary,
} from "./port";
import { BILLING_TABLES } from "./tables";

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
/** Names Excel reads as a cell (A1, XFD1048576) or an R1C1 reference (R, C, R2C3): no table may have one. */
const CELL_REFERENCE = /^([A-Za-z]{1,3}\d+|[RrCc]|[Rr]\d*[Cc]\d*|[Rr]\d+|[Cc]\d+)$/;
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;
const FILL_COLOR = /^#[0-9A-Fa-f]{6}$/;
const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;
const CHART_TYPES: readonly string[] = ["columnStacked", "columnClustered", "pie"];
const BILLING_TABLE_NAMES = new Set(BILLING_TABLES.map((t) => t.name.toLowerCase()));
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

/** A table as the check follows it through the plan. */
interface KnownTable {
  name: string;
  /** Lower-case name of its sheet. */
  sheet: string;
  headers: string[];
  rowCount: number;
  /** A report replacing its sheet drops it: not billing data, not a code set, not made or written by this plan. */
  replaceable: boolean;
  /** Made by an earlier op of this plan (for the "two tables of one name" wording). */
  planned: boolean;
  /** The report sheet of this plan that lays the table out: only that report writes to it. */
  report?: string;
}

/** Throws PlanRejected with every problem found; returns what the plan will do. */
export function checkPlan(info: WorkbookInfo, ops: WriteOp[]): WriteSummary {
  const problems: string[] = [];
  const tables = new Map<string, KnownTable>(
    info.tables.map((t) => [
      t.name.toLowerCase(),
      {
        name: t.name,
        sheet: t.sheet.toLowerCase(),
        headers: t.headers,
        rowCount: t.rowCount,
        replaceable: !BILLING_TABLE_NAMES.has(t.name.toLowerCase()) && !(t.sheetState?.hidden && t.sheetState.protected),
        planned: false,
      },
    ]),
  );
  const holdsTable = (sheet: string) => [...tables.values()].some((t) => t.sheet === sheet.toLowerCase());
  /** The table an op writes to; from then on a report may not replace its sheet. */
  const written = (name: string) => {
    const table = tables.get(name.toLowerCase());
    if (table?.report !== undefined) {
      problems.push(
        `table ${table.name} is laid out by report "${table.report}" in this same plan: give the report its final rows instead`,
      );
    }
    if (table) table.replaceable = false;
    return table;
  };
  const sheets = new Set(info.sheets.map((s) => s.toLowerCase()));
  const summary: WriteSummary = { tablesCreated: [], rowsAppended: 0, cellsSet: 0, cellsMarked: 0, sheetsWritten: [] };

  for (const op of ops) {
    switch (op.kind) {
      case "createTable": {
        const badName = tableNameProblem(op.table);
        if (badName) problems.push(badName);
        if (tables.has(op.table.toLowerCase())) problems.push(`the workbook already has a table named ${op.table}`);
        checkSheetName(op.sheet, problems);
        if (holdsTable(op.sheet)) problems.push(`sheet "${op.sheet}" already holds a table`);
        if (op.headers.length === 0) problems.push(`table ${op.table} needs at least one column`);
        const seen = new Set<string>();
        for (const h of op.headers) {
          const key = h.trim().toLowerCase();
          if (key === "") problems.push(`table ${op.table} has a blank column header`);
          else if (seen.has(key)) problems.push(`table ${op.table} has the column "${h}" twice`);
          seen.add(key);
        }
        for (const [i, row] of (op.rows ?? []).entries()) {
          if (row.length !== op.headers.length)
            problems.push(`table ${op.table} row ${i + 1} has ${row.length} values for ${op.headers.length} columns`);
        }
        const bad = firstUnstorable(op.rows ?? []);
        if (bad)
          problems.push(
            unstorable(`table ${op.table}, column "${op.headers[bad.column] ?? bad.column + 1}", row ${bad.row + 1}`, bad.value),
          );
        tables.set(op.table.toLowerCase(), {
          name: op.table,
          sheet: op.sheet.toLowerCase(),
          headers: op.headers,
          rowCount: op.rows?.length ?? 0,
          replaceable: false,
          planned: true,
        });
        sheets.add(op.sheet.toLowerCase());
        summary.tablesCreated.push(op.table);
        break;
      }
      case "appendRows": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        const known = new Set(table.headers.map((h) => h.toLowerCase()));
        const unknown = new Set<string>();
        for (const row of op.rows) for (const key of Object.keys(row)) if (!known.has(key.toLowerCase())) unknown.add(key);
        for (const key of unknown) problems.push(`table ${op.table} has no column "${key}"`);
        const bad = firstUnstorableInRecords(op.rows);
        if (bad) problems.push(unstorable(`the rows added to table ${op.table}: column "${bad.key}"`, bad.value));
        table.rowCount += op.rows.length;
        summary.rowsAppended += op.rows.length;
        break;
      }
      case "setColumn": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (!table.headers.some((h) => h.toLowerCase() === op.column.toLowerCase())) {
          problems.push(`table ${op.table} has no column "${op.column}"`);
        }
        if (op.values.length !== table.rowCount) {
          problems.push(
            `table ${op.table} has ${table.rowCount} rows but ${op.values.length} values were given for "${op.column}": the table changed since it was read, run again`,
          );
        }
        const bad = firstUnstorable([op.values]);
        if (bad) problems.push(unstorable(`table ${op.table}, column "${op.column}", row ${bad.column + 1}`, bad.value));
        summary.cellsSet += op.values.length;
        break;
      }
      case "reportSheet": {
        checkSheetName(op.sheet, problems);
        const sheet = op.sheet.toLowerCase();
        const onSheet = [...tables.values()].filter((t) => t.sheet === sheet);
        const kept = onSheet.find((t) => !t.replaceable);
        if (kept) problems.push(`sheet "${op.sheet}" holds a billing table (${kept.name}) and cannot be replaced by a report`);
        // The report's sheet is a new one: the tables on the old one go with it, names and all.
        for (const t of onSheet) if (t.replaceable) tables.delete(t.name.toLowerCase());
        const bad = firstUnstorable(op.cells);
        if (bad) problems.push(unstorable(`report "${op.sheet}", row ${bad.row + 1}, column ${bad.column + 1}`, bad.value));
        checkReportLayout(op, tables, problems);
        sheets.add(sheet);
        summary.sheetsWritten.push(op.sheet);
        break;
      }
      case "addColumns": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        for (const h of op.headers) {
          if (h.trim() === "") problems.push(`table ${op.table} cannot get a blank column header`);
          else if (headerIndex(table.headers, h) >= 0) problems.push(`table ${op.table} already has the column "${h}"`);
        }
        table.headers = [...table.headers, ...op.headers];
        break;
      }
      case "deleteRows":
      case "updateRows": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (headerIndex(table.headers, PLAN_HEADER) < 0) problems.push(`table ${op.table} has no column "${PLAN_HEADER}"`);
        if (typeof op.plan !== "string" || op.plan.trim() === "") problems.push(`the rows of table ${op.table} need a plan id`);
        if (op.kind === "updateRows") {
          for (const key of Object.keys(op.values))
            if (headerIndex(table.headers, key) < 0) problems.push(`table ${op.table} has no column "${key}"`);
          const bad = firstUnstorableInRecords([op.values]);
          if (bad) problems.push(unstorable(`the cells set in table ${op.table}: column "${bad.key}"`, bad.value));
        }
        // The row count after a deleteRows is unknown here: a later setColumn or markCells on the
        // same table cannot be checked, so a plan may not have one.
        if (op.kind === "deleteRows") table.rowCount = Number.NaN;
        break;
      }
      case "markCells": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (op.color !== null && !FILL_COLOR.test(op.color)) problems.push(`"${op.color}" is not a fill color (use #RRGGBB)`);
        const unknown = new Set<string>();
        for (const column of op.clearColumns ?? []) if (headerIndex(table.headers, column) < 0) unknown.add(column);
        let outside: number | undefined;
        for (const cell of op.cells) {
          if (headerIndex(table.headers, cell.column) < 0) unknown.add(cell.column);
          if (outside === undefined && !(Number.isInteger(cell.row) && cell.row >= 0 && cell.row < table.rowCount)) outside = cell.row;
        }
        for (const column of unknown) problems.push(`table ${op.table} has no column "${column}"`);
        if (outside !== undefined) {
          problems.push(
            `table ${op.table} has ${table.rowCount} rows, so its row ${Number.isInteger(outside) ? outside + 1 : outside} cannot be marked: the table changed since it was checked, check again`,
          );
        }
        summary.cellsMarked += op.cells.length;
        break;
      }
    }
  }
  if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problemList(problems)}.`);
  return summary;
}

/**
 * The formats, tables, highlights, charts, text styles and print layout of a report: every block
 * inside the report's cells, tables with a header row of distinct texts and at least one row below
 * it, not overlapping, and named as Excel allows and no other table is. The report's tables join
 * `tables`.
 */
function checkReportLayout(op: ReportSheetOp, tables: Map<string, KnownTable>, problems: string[]): void {
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

function columnLetters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function overlap(a: SheetRange, b: SheetRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

/** Excel's rule for a table name: a letter, _ or \ first, then letters, digits, _ and .; never a cell's address. */
function tableNameProblem(name: string): string | undefined {
  if (!TABLE_NAME.test(name)) return `"${name}" cannot be a table name (letters, digits and _ only)`;
  if (CELL_REFERENCE.test(name)) return `"${name}" cannot be a table name: Excel would read it as a cell address`;
  return undefined;
}

/** NaN or Infinity: Excel has no such number, and an .xlsx file holding one does not open. */
function isUnstorable(value: CellValue): boolean {
  return typeof value === "number" && !Number.isFinite(value);
}

function unstorable(where: string, value: CellValue): string {
  return `${where} has a value that is not a number Excel can store (${String(value)})`;
}

function firstUnstorable(rows: CellValue[][]): { row: number; column: number; value: CellValue } | undefined {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) if (isUnstorable(row[c])) return { row: r, column: c, value: row[c] };
  }
  return undefined;
}

function firstUnstorableInRecords(rows: Record<string, CellValue>[]): { key: string; value: CellValue } | undefined {
  for (const row of rows) for (const key in row) if (isUnstorable(row[key])) return { key, value: row[key] };
  return undefined;
}

function checkSheetName(name: string, problems: string[]): void {
  if (name.trim() === "" || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    problems.push(`"${name}" cannot be a sheet name (31 characters at most, none of [ ] : * ? / \\)`);
  }
}

/** Index of a header in a table, ignoring case and surrounding spaces; -1 when absent. */
export function headerIndex(headers: string[], name: string): number {
  const key = name.trim().toLowerCase();
  return headers.findIndex((h) => h.trim().toLowerCase() === key);
}

/** Problems a person reads: the first twenty, then how many more (a wrong plan can have one per row). */
const PROBLEMS_LISTED = 20;
function problemList(problems: string[]): string {
  if (problems.length <= PROBLEMS_LISTED) return problems.join("; ");
  const more = problems.length - PROBLEMS_LISTED;
  return `${problems.slice(0, PROBLEMS_LISTED).join("; ")}; and ${more.toLocaleString("en-US")} more like them`;
}
