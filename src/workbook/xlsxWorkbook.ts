// The xlsx adapter: the Workbook port over an .xlsx file held in memory by ExcelJS. The CLI and the
// tests use it in Node; the browser host loads this module lazily, only when a file is opened, so
// it stays free of Node-only APIs: bytes come in and go out as Uint8Array, never fs or Buffer.
//
// ExcelJS quirks handled here (each seen with 4.4.0):
// - A table read back from a file has a partial model (no top-left ref, no rows): its addRow throws.
//   Appending rewrites the table instead: remove it and add it again over its grown body.
// - A file written by Excel leaves headerRowCount out (its default, 1); ExcelJS reads that as "no
//   header row" and would save headerRowCount="0", turning the header into data. Loaded tables
//   are repaired at load so an untouched table survives a save.
// - Cells loaded from a file share one style object per style: setting cell.numFmt on one would
//   reformat them all, so a cell's style is always replaced, never edited in place. The styles
//   this adapter makes are frozen and shared too (see SharedStyles): ExcelJS turns every distinct
//   style object into XML when it saves, so one fresh object per cell made saving slow.
// - ExcelJS hands date-formatted numbers back as JS Dates; the port wants serials again.
// - ExcelJS cannot write charts: a report's charts are left out of the file (the browser pane draws
//   them itself). Its tables, number formats and conditional fills are written; a replaced report
//   sheet is removed whole, so its tables and conditional formats go with it.
// - addTable writes the header and body cells itself: a report's table is made over the values
//   already written, so it passes those same values (and no column styles, which it would stamp
//   over every cell's own format).
// - Print layout: pageSetup (paper, orientation, margins, fit to one page wide) and a print area.
//   ExcelJS writes the area as a defined name with a "$" put before each corner, so it is given as
//   "A$1:G$40" to come out absolute, $A$1:$G$40 ("A1:G40" would give $A1:$G40, whose rows are
//   relative). It does not double a quote in the sheet's name either, so a print area on a sheet
//   whose name has an apostrophe is refused. Page breaks go in with row.addPageBreak(); ExcelJS
//   reads none back from a file (its <brk> parser keeps nothing), so at load they are read from the
//   XML of each sheet without tables (report sheets) with fflate, or the next save would drop them.
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { DateSystem } from "../dates";
import { checkPlan, headerIndex } from "./checkPlan";
import { columnLetters, columnNumber } from "./columnLetters";
import { sheetChangedProblem } from "./makeTableCheck";
import { packageForExcelJs } from "./xlsxPackage";
import {
  PLAN_HEADER,
  PlanRejected,
  type AddColumnsOp,
  type AppendRowsOp,
  type DeleteRowsOp,
  type UpdateRowsOp,
  type CellValue,
  type CreateTableOp,
  type MakeTableOp,
  type MarkCellsOp,
  type RawTable,
  type ReportSheetOp,
  type SetCellsOp,
  type SetColumnOp,
  type SheetHead,
  type SheetRange,
  type TableInfo,
  type Workbook,
  type WorkbookInfo,
  type WriteOp,
  type WriteSummary,
} from "./port";

type Sheet = ExcelJS.Worksheet;
type Cell = ExcelJS.Cell;
type Style = Partial<ExcelJS.Style>;
/** What ExcelJS puts in and takes out of a cell. */
type ExcelValue = ExcelJS.CellValue;

/** The parts of ExcelJS's table model this adapter reads and repairs (its typings only describe addTable's input). */
interface TableModel {
  name: string;
  displayName?: string;
  /** The whole table, header and totals included ("A1:S101"); ExcelJS sets it on made and loaded tables alike. */
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: TableColumnModel[];
  style?: ExcelJS.TableStyleProperties;
}

interface TableColumnModel {
  name?: string;
  filterButton?: boolean;
  totalsRowLabel?: string;
  totalsRowFunction?: ExcelJS.TableColumnProperties["totalsRowFunction"];
  /** The column's own format (a dxf in the file). */
  style?: Partial<ExcelJS.Style>;
}

/** Where a table sits on its sheet, in 1-based rows and columns. */
interface Placement {
  headerRow: number;
  firstColumn: number;
  width: number;
  /** Rows between the header and the totals row in the table's range. */
  rangeRows: number;
  /** Rows holding data: rangeRows, except that an empty table keeps one blank row (see withBlankRowIfEmpty). */
  bodyRows: number;
  totalsRow: boolean;
}

interface FoundTable {
  sheet: Sheet;
  model: TableModel;
  place: Placement;
  headers: string[];
}

const DAY_MS = 86_400_000;
/** ExcelJS's own epoch: serial 25569 is 1970-01-01 in the 1900 system. */
const UNIX_EPOCH_SERIAL_1900 = 25569;
const UNIX_EPOCH_SERIAL_1904 = UNIX_EPOCH_SERIAL_1900 - 1462;
const DEFAULT_TABLE_STYLE: ExcelJS.TableStyleProperties = { theme: "TableStyleMedium2", showRowStripes: true };
/** A report's tables: lighter than the billing tables', banded, with filter buttons. */
const REPORT_TABLE_STYLE: ExcelJS.TableStyleProperties = { theme: "TableStyleLight9", showRowStripes: true };
/**
 * What a protected sheet still lets a user do (ExcelJS's `true` is "allowed"): select any cell,
 * filter, widen columns to read long descriptions. No password: protection here guards against
 * slips, not people.
 */
const SHEET_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  autoFilter: true,
  formatColumns: true,
};
const NO_STYLE: Style = Object.freeze({});
/** ExcelJS's number for Letter paper (its PaperSize enum leaves Letter out: a printer's default). */
const LETTER_PAPER = 1 as ExcelJS.PaperSize;
/** Header and footer margins, in inches, never below the page's own margin. */
const HEADER_FOOTER_INCHES = 0.3;

type TextStyle = NonNullable<ReportSheetOp["styles"]>[number];

/** ExcelJS's worksheet fields the adapter reads and carries over that its typings leave out. */
interface SheetModelParts {
  sheetProtection: (Partial<ExcelJS.WorksheetProtection> & { sheet?: boolean }) | null;
}

/**
 * Styles made once per distinct (style, change) and shared by every cell that gets them, frozen so
 * that nothing edits one in place (ExcelJS's own setters such as cell.numFmt would throw on them
 * rather than silently restyle every cell sharing it).
 */
class SharedStyles {
  private readonly made = new WeakMap<Style, Map<string, Style>>();

  derive(from: Style | undefined, change: string, make: (style: Style) => Style): Style {
    const source = from ?? NO_STYLE;
    let byChange = this.made.get(source);
    if (!byChange) this.made.set(source, (byChange = new Map()));
    let style = byChange.get(change);
    if (!style) byChange.set(change, (style = Object.freeze(make(source))));
    return style;
  }

  /** A shared copy of a style (of a template row, of a column), for new cells. */
  copy(from: Style | undefined): Style {
    return this.derive(from, "copy", (s) => ({ ...s }));
  }

  withFormat(from: Style | undefined, numFmt: string): Style {
    return this.derive(from, `numFmt ${numFmt}`, (s) => ({ ...s, numFmt }));
  }

  withFill(from: Style | undefined, color: string | null): Style {
    if (color === null) {
      if (!from?.fill) return from ?? NO_STYLE;
      return this.derive(from, "no fill", ({ fill: _fill, ...rest }) => rest);
    }
    const argb = "FF" + color.slice(1).toUpperCase();
    return this.derive(from, `fill ${argb}`, (s) => ({ ...s, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } }));
  }

  withBold(from: Style | undefined): Style {
    return this.derive(from, "bold", (s) => ({ ...s, font: { ...s.font, bold: true } }));
  }

  /** A report block's text style over the cell's own: font, alignment, a line above. */
  withText(from: Style | undefined, text: TextStyle, change = textChange(text)): Style {
    const { bold, italic, fontSize, align, borderTop } = text;
    return this.derive(from, change, (s) => {
      const style: Style = { ...s };
      if (bold !== undefined || italic !== undefined || fontSize !== undefined) {
        style.font = {
          ...s.font,
          ...(bold !== undefined ? { bold } : {}),
          ...(italic !== undefined ? { italic } : {}),
          ...(fontSize !== undefined ? { size: fontSize } : {}),
        };
      }
      if (align !== undefined) style.alignment = { ...s.alignment, horizontal: align };
      if (borderTop !== undefined) style.border = { ...s.border, top: { style: borderTop } };
      return style;
    });
  }
}

export class XlsxWorkbook implements Workbook {
  readonly host = "xlsx" as const;
  private readonly styles = new SharedStyles();

  private constructor(private readonly book: ExcelJS.Workbook) {}

  /** Open an .xlsx file's bytes (a File's arrayBuffer() in the browser, a file read in Node). */
  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    // Files from openpyxl, LibreOffice and others put in the shape ExcelJS reads (xlsxPackage).
    const bytes = packageForExcelJs(data instanceof Uint8Array ? data : new Uint8Array(data));
    // ExcelJS's typings ask for a Node Buffer, but it hands the bytes to JSZip, which takes either.
    await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
    for (const sheet of book.worksheets) for (const table of tablesOf(sheet)) repairLoadedTable(table);
    restorePrintLayout(book, bytes);
    return new XlsxWorkbook(book);
  }

  /** A new workbook with no sheets (Setup adds the tables). */
  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  /** The workbook as .xlsx bytes. */
  async save(): Promise<Uint8Array> {
    // Values written here may feed the office's formulas: have Excel recalculate when it opens the file.
    this.book.calcProperties.fullCalcOnLoad = true;
    // A file with no sheet at all does not open in Excel: save a blank one in that case only.
    const placeholder = this.book.worksheets.length === 0 ? this.book.addWorksheet("Sheet1") : undefined;
    try {
      const written = (await this.book.xlsx.writeBuffer()) as unknown as ArrayBuffer | Uint8Array;
      // Node gives a Buffer, browsers an ArrayBuffer: hand back a plain Uint8Array either way.
      return written instanceof Uint8Array
        ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength)
        : new Uint8Array(written);
    } finally {
      if (placeholder) this.book.removeWorksheet(placeholder.id);
    }
  }

  get dateSystem(): DateSystem {
    return this.book.properties.date1904 ? 1904 : 1900;
  }

  async describe(): Promise<WorkbookInfo> {
    return {
      sheets: this.book.worksheets.map((s) => s.name),
      tables: this.allTables().map(tableInfo),
      dateSystem: this.dateSystem,
    };
  }

  async readTables(names: string[]): Promise<Record<string, RawTable | undefined>> {
    const out: Record<string, RawTable | undefined> = {};
    const tables = this.allTables();
    for (const name of names) {
      const found = tables.find((t) => t.model.name.toLowerCase() === name.toLowerCase());
      out[name] = found ? { ...tableInfo(found), rows: this.readBody(found) } : undefined;
    }
    return out;
  }

  async readSheet(name: string): Promise<CellValue[][] | undefined> {
    const sheet = this.findSheet(name);
    if (!sheet) return undefined;
    // The used range from A1: every row and column up to the last one holding a value.
    const used = this.usedBlock(sheet);
    return used ? this.readRange(sheet, 1, used.row + used.rows, 1, used.column + used.columns) : [];
  }

  async readSheetHeads(names: string[], rows: number): Promise<Record<string, SheetHead | undefined>> {
    const out: Record<string, SheetHead | undefined> = {};
    for (const name of names) {
      const sheet = this.findSheet(name);
      const used = sheet && this.usedBlock(sheet);
      out[name] = !sheet
        ? undefined
        : used
          ? {
              used,
              rows: this.readRange(sheet, used.row + 1, used.row + Math.min(rows, used.rows), used.column + 1, used.column + used.columns),
            }
          : { rows: [] };
    }
    return out;
  }

  /** The block of the sheet holding values, 0-based (SheetRange); undefined for a blank sheet. */
  private usedBlock(sheet: Sheet): SheetRange | undefined {
    let top = 0;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell, columnNumber) => {
        // A formula counts even when the file kept no result for it (openpyxl writes none).
        if (cellToValue(cell, this.dateSystem) === null && cell.type !== ExcelJS.ValueType.Formula) return;
        if (top === 0) top = rowNumber;
        bottom = Math.max(bottom, rowNumber);
        left = Math.min(left, columnNumber);
        right = Math.max(right, columnNumber);
      });
    });
    return top === 0 ? undefined : { row: top - 1, column: left - 1, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /**
   * How rows `first` to `end` (0-based, end left out) of a sheet look: each cell's number format and
   * solid fill, and the sheet's conditional fills. Not part of the port: the browser host's preview
   * reads it to show cells as Excel would (a date as a date, 0.125 under "0.0%" as 12.5%, the cells
   * a check marked in red); a file has it to hand, Excel shows the cells itself.
   */
  async readSheetLook(name: string, first = 0, end = Number.MAX_SAFE_INTEGER): Promise<SheetLook | undefined> {
    const sheet = this.findSheet(name);
    if (!sheet) return undefined;
    const formats: (string | null)[][] = [];
    const fills: (string | null)[][] = [];
    const last = Math.min(end, sheet.rowCount);
    for (let r = first; r < last; r++) {
      const row = sheet.findRow(r + 1);
      const rowFormats: (string | null)[] = [];
      const rowFills: (string | null)[] = [];
      row?.eachCell({ includeEmpty: false }, (cell, column) => {
        const format = cell.style?.numFmt;
        rowFormats[column - 1] = format && format !== "General" ? format : null;
        rowFills[column - 1] = solidFill(cell.style?.fill);
      });
      formats.push(Array.from(rowFormats, (f) => f ?? null));
      fills.push(Array.from(rowFills, (f) => f ?? null));
    }
    return { first, formats, fills, highlights: conditionalFills(sheet) };
  }

  async write(ops: WriteOp[]): Promise<WriteSummary> {
    const summary = checkPlan(await this.describe(), ops);
    const quoted = ops.find((op) => op.kind === "reportSheet" && op.print !== undefined && op.sheet.includes("'"));
    if (quoted?.kind === "reportSheet") {
      throw new PlanRejected(
        `Nothing was written: the print area of sheet "${quoted.sheet}" cannot be saved in an .xlsx file while its name has an apostrophe; use a name without one.`,
      );
    }
    this.checkRoomForColumns(ops);
    this.checkSheetsUnchanged(ops);
    for (const op of ops) {
      switch (op.kind) {
        case "createTable":
          await this.createTable(op);
          break;
        case "appendRows":
          this.appendRows(op);
          break;
        case "setColumn":
          this.setColumn(op);
          break;
        case "setCells":
          this.setCells(op);
          break;
        case "reportSheet":
          this.writeReportSheet(op);
          break;
        case "markCells":
          this.markCells(op);
          break;
        case "makeTable":
          this.makeTable(op);
          break;
        case "addColumns":
          this.addColumns(op);
          break;
        case "deleteRows":
          this.deleteRows(op);
          break;
        case "updateRows":
          this.updateRows(op);
          break;
      }
    }
    return summary;
  }

  /**
   * Each makeTable op's sheet as it is now must be the one the op was made from, and its block free of
   * merged cells (Excel holds none in a table): checked before anything is written.
   */
  private checkSheetsUnchanged(ops: WriteOp[]): void {
    const problems: string[] = [];
    for (const op of ops) {
      if (op.kind !== "makeTable") continue;
      const sheet = this.findSheet(op.sheet);
      const { row, column, columns } = op.range;
      const problem = sheetChangedProblem(op, {
        headers: sheet && this.readRange(sheet, row + 1, row + 1, column + 1, column + columns)[0],
        used: sheet && this.usedBlock(sheet),
      });
      if (problem) {
        problems.push(problem);
        continue;
      }
      const merged = this.firstMergedCell(sheet!, op.range);
      if (merged) {
        problems.push(
          `sheet "${op.sheet}" has merged cells (${merged.address}) where the table ${op.table} would go: unmerge them (Home > Merge & Center), then try again`,
        );
      }
    }
    if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problems.join("; ")}.`);
  }

  private firstMergedCell(sheet: Sheet, range: SheetRange): Cell | undefined {
    for (let r = range.row + 1; r <= range.row + range.rows; r++) {
      const row = sheet.findRow(r);
      for (let c = range.column + 1; row && c <= range.column + range.columns; c++) {
        const cell = row.findCell(c);
        if (cell?.isMerged) return cell;
      }
    }
    return undefined;
  }

  /**
   * The office's block becomes a table where it is, every cell kept: ExcelJS's addTable writes the
   * header and body cells itself, so it is given the values they hold (formulas, links and dates as
   * ExcelJS holds them) and no column styles, which it would stamp over the cells' own formats.
   */
  private makeTable(op: MakeTableOp): void {
    const sheet = this.findSheet(op.sheet)!;
    const { row, column, rows, columns } = op.range;
    const place: Placement = {
      headerRow: row + 1,
      firstColumn: column + 1,
      width: columns,
      rangeRows: rows - 1,
      bodyRows: rows - 1,
      totalsRow: false,
    };
    const headers = this.readRange(sheet, row + 1, row + 1, column + 1, column + columns)[0].map((v) => (v === null ? "" : String(v)));
    const body: ExcelValue[][] = [];
    for (let i = 1; i < rows; i++) body.push(this.readRawRow(sheet, row + 1 + i, place));
    sheet.addTable({
      name: op.table,
      ref: sheet.getCell(row + 1, column + 1).address,
      headerRow: true,
      totalsRow: false,
      style: DEFAULT_TABLE_STYLE,
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows: withBlankRowIfEmpty(body, columns),
    });
  }

  /** Cells to the right of each table that gains columns must be empty: checked before anything is written. */
  private checkRoomForColumns(ops: WriteOp[]): void {
    const blocked: string[] = [];
    for (const op of ops) {
      if (op.kind !== "addColumns") continue;
      const table = this.findTable(op.table);
      if (!table) continue;
      const { sheet, place } = table;
      const right = { ...place, firstColumn: place.firstColumn + place.width, width: op.headers.length };
      const bottom = place.headerRow + place.rangeRows + (place.totalsRow ? 1 : 0);
      if (this.hasValuesIn(sheet, place.headerRow, bottom, right)) blocked.push(op.table);
    }
    if (blocked.length > 0) {
      throw new PlanRejected(
        `Nothing was written: table ${blocked.join(", ")} needs a new column (${PLAN_HEADER}) at its right, and the cells there hold values: move them and run this again.`,
      );
    }
  }

  /** New empty columns at the table's right, each with its number format. */
  private addColumns(op: AddColumnsOp): void {
    const table = this.findTable(op.table)!;
    const { sheet, place, headers } = table;
    const body = this.readRawBody(table).map((row) => [...row, ...op.headers.map(() => null)]);
    this.rewriteTable({ ...table, headers: [...headers, ...op.headers] }, body);
    op.headers.forEach((_, j) => {
      const format = op.numberFormats?.[j];
      if (!format) return;
      const column = place.firstColumn + place.width + j;
      for (let r = place.headerRow + 1; r <= place.headerRow + Math.max(1, place.bodyRows); r++) {
        const cell = sheet.getCell(r, column);
        cell.style = this.styles.withFormat(cell.style, format);
      }
    });
  }

  /**
   * Remove the rows carrying a plan id: the table is defined again over the rows kept (as an append
   * does), and the cells its old bottom rows held are emptied; a totals row moves up with it.
   */
  private deleteRows(op: DeleteRowsOp): void {
    const table = this.findTable(op.table)!;
    const { sheet, place, headers } = table;
    const col = headerIndex(headers, PLAN_HEADER);
    const body = this.readRawBody(table);
    const kept = body.filter((row) => plainValue(row[col] ?? null, this.dateSystem) !== op.plan);
    if (kept.length === body.length) return;
    const totalsLines = place.totalsRow ? 1 : 0;
    const oldBottom = place.headerRow + place.rangeRows + totalsLines;
    const totals = place.totalsRow ? this.copyRow(sheet, oldBottom, place) : undefined;
    for (let r = place.headerRow + 1; r <= oldBottom; r++) {
      for (let c = place.firstColumn; c < place.firstColumn + place.width; c++) sheet.getCell(r, c).value = null;
    }
    this.rewriteTable(table, kept);
    if (totals) this.pasteRow(sheet, place.headerRow + Math.max(1, kept.length) + 1, place, totals);
  }

  private updateRows(op: UpdateRowsOp): void {
    const { sheet, place, headers } = this.findTable(op.table)!;
    const col = place.firstColumn + headerIndex(headers, PLAN_HEADER);
    const cells = Object.entries(op.values).map(
      ([key, value]) => [place.firstColumn + headerIndex(headers, key), valueToCell(value)] as const,
    );
    for (let r = place.headerRow + 1; r <= place.headerRow + place.bodyRows; r++) {
      const planCell = sheet.findRow(r)?.findCell(col);
      if (!planCell || cellToValue(planCell, this.dateSystem) !== op.plan) continue;
      for (const [c, value] of cells) sheet.getCell(r, c).value = value;
    }
  }

  private async createTable(op: CreateTableOp): Promise<void> {
    // A sheet that was there (empty, or a report) keeps its visibility and protection, as in Excel
    // where the table is made on it rather than on a new sheet.
    const old = this.findSheet(op.sheet);
    const oldState = old?.state;
    const oldProtection = old ? (old as unknown as SheetModelParts).sheetProtection : null;
    const sheet = this.replaceSheet(op.sheet);
    if (old) sheet.state = oldState ?? "visible";
    else if (op.hidden) sheet.state = "hidden";
    // One shared style per column, for the column and every cell of it (see SharedStyles).
    const styles = op.headers.map((_, i) => {
      const format = op.numberFormats?.[i];
      return format ? this.styles.withFormat(NO_STYLE, format) : NO_STYLE;
    });
    op.headers.forEach((_, i) => {
      const column = sheet.getColumn(i + 1);
      const width = op.widths?.[i];
      if (width) column.width = width;
      // A column format (not only cell formats) so rows typed in Excel later get it too.
      if (styles[i] !== NO_STYLE) column.style = styles[i];
    });
    const rows = withBlankRowIfEmpty(
      (op.rows ?? []).map((row) => row.map(valueToCell)),
      op.headers.length,
    );
    sheet.addTable({
      name: op.table,
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: DEFAULT_TABLE_STYLE,
      columns: op.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
    // ExcelJS gave each cell a fresh copy of its column's style: give them the shared one instead.
    for (let r = 1; r <= 1 + rows.length; r++) {
      const row = sheet.getRow(r);
      for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = styles[c];
    }
    if (oldProtection?.sheet) (sheet as unknown as SheetModelParts).sheetProtection = oldProtection;
    else if (op.protect) await sheet.protect("", SHEET_PROTECTION);
  }

  private appendRows(op: AppendRowsOp): void {
    if (op.rows.length === 0) return;
    const table = this.findTable(op.table)!;
    const { sheet, place, headers } = table;
    const totalsLines = place.totalsRow ? 1 : 0;
    const oldBottom = place.headerRow + place.rangeRows + totalsLines;
    const newBody = place.bodyRows + op.rows.length;
    const newBottom = place.headerRow + newBody + totalsLines;
    const totals = place.totalsRow ? this.copyRow(sheet, oldBottom, place) : undefined;
    // Whatever the office keeps under the table (notes, sums) moves down rather than being overwritten.
    if (this.hasValuesIn(sheet, oldBottom + 1, newBottom, place)) {
      sheet.spliceRows(place.headerRow + place.rangeRows + 1, 0, ...Array.from({ length: newBottom - oldBottom }, () => []));
    }
    const body = this.readRawBody(table);
    for (const row of op.rows) {
      const cells: ExcelValue[] = headers.map(() => null);
      for (const [key, value] of Object.entries(row)) cells[headerIndex(headers, key)] = valueToCell(value);
      body.push(cells);
    }
    this.rewriteTable(table, body);
    // New rows look like the table's last row (Excel does the same when a table grows).
    const template = place.rangeRows > 0 ? place.headerRow + place.rangeRows : undefined;
    const styles: Style[] = [];
    for (let c = place.firstColumn; c < place.firstColumn + place.width; c++) {
      styles.push(this.styles.copy(template ? sheet.getCell(template, c).style : sheet.getColumn(c).style));
    }
    for (let r = place.headerRow + place.bodyRows + 1; r <= place.headerRow + newBody; r++) {
      const row = sheet.getRow(r);
      styles.forEach((style, j) => (row.getCell(place.firstColumn + j).style = style));
    }
    // The totals row moves below the new rows as it was (ExcelJS would rewrite custom totals as blanks).
    if (totals) this.pasteRow(sheet, newBottom, place, totals);
  }

  private setColumn(op: SetColumnOp): void {
    const { sheet, place, headers } = this.findTable(op.table)!;
    const column = place.firstColumn + headerIndex(headers, op.column);
    const format = op.numberFormat;
    op.values.forEach((value, i) => {
      const cell = sheet.getCell(place.headerRow + 1 + i, column);
      cell.value = valueToCell(value);
      if (format) cell.style = this.styles.withFormat(cell.style, format);
    });
  }

  /** Each cell's value (and format, when given) replaced; its other style (a fill, a font) is kept. */
  private setCells(op: SetCellsOp): void {
    const { sheet, place, headers } = this.findTable(op.table)!;
    for (const { row, column, value, numberFormat } of op.cells) {
      const cell = sheet.getCell(place.headerRow + 1 + row, place.firstColumn + headerIndex(headers, column));
      cell.value = valueToCell(value);
      if (numberFormat) cell.style = this.styles.withFormat(cell.style, numberFormat);
    }
  }

  private markCells(op: MarkCellsOp): void {
    const { sheet, place, headers } = this.findTable(op.table)!;
    const columnOf = (header: string) => place.firstColumn + headerIndex(headers, header);
    for (const header of op.clearColumns ?? []) {
      const column = columnOf(header);
      for (let r = place.headerRow + 1; r <= place.headerRow + place.bodyRows; r++) {
        const cell = sheet.findRow(r)?.findCell(column);
        if (cell?.style?.fill) cell.style = this.styles.withFill(cell.style, null);
      }
    }
    for (const { row, column } of op.cells) {
      const cell = sheet.getCell(place.headerRow + 1 + row, columnOf(column));
      cell.style = this.styles.withFill(cell.style, op.color);
    }
  }

  private writeReportSheet(op: ReportSheetOp): void {
    const sheet = this.replaceSheet(op.sheet);
    const headerRow = op.headerRow;
    op.columns?.forEach((spec, i) => {
      if (spec.width) sheet.getColumn(i + 1).width = spec.width;
    });
    const bold = new Set([...(op.boldRows ?? []), ...(headerRow === undefined ? [] : [headerRow])]);
    op.cells.forEach((values, r) => {
      const row = sheet.getRow(r + 1);
      values.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        cell.value = valueToCell(value);
        const format = r > (headerRow ?? -1) ? op.columns?.[c]?.numberFormat : undefined;
        if (format) cell.style = this.styles.withFormat(cell.style, format);
        if (bold.has(r)) cell.style = this.styles.withBold(cell.style);
      });
    });
    if (headerRow !== undefined) {
      sheet.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow + 1, topLeftCell: `A${headerRow + 2}` }];
    }
    // Block formats win over the column's, so they come after it (a shared style per format, see SharedStyles).
    for (const { range, numberFormat } of op.formats ?? []) {
      forEachCell(sheet, range, (cell) => (cell.style = this.styles.withFormat(cell.style, numberFormat)));
    }
    // Text styles after the formats, bold rows included, so a block's own style wins.
    for (const text of op.styles ?? []) {
      const change = textChange(text);
      forEachCell(sheet, text.range, (cell) => (cell.style = this.styles.withText(cell.style, text, change)));
    }
    if (op.print) this.setPrintLayout(sheet, op);
    for (const { name, range } of op.tables ?? []) {
      const values = (r: number) => Array.from({ length: range.columns }, (_, j) => valueToCell(op.cells[r]?.[range.column + j] ?? null));
      sheet.addTable({
        name,
        ref: sheet.getCell(range.row + 1, range.column + 1).address,
        headerRow: true,
        totalsRow: false,
        style: REPORT_TABLE_STYLE,
        // checkPlan made sure every header is a text.
        columns: values(range.row).map((header) => ({ name: String(header), filterButton: true })),
        rows: Array.from({ length: range.rows - 1 }, (_, i) => values(range.row + 1 + i)),
      });
    }
    (op.highlights ?? []).forEach(({ range, greaterThan, color }, i) => {
      const first = sheet.getCell(range.row + 1, range.column + 1).address;
      const last = sheet.getCell(range.row + range.rows, range.column + range.columns).address;
      sheet.addConditionalFormatting({
        ref: first === last ? first : `${first}:${last}`,
        rules: [
          {
            type: "cellIs",
            operator: "greaterThan",
            formulae: [greaterThan],
            priority: i + 1,
            // A conditional fill's color is its bgColor (fgColor is a static fill's).
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF" + color.slice(1).toUpperCase() } } },
          },
        ],
      });
    });
  }

  /**
   * Letter paper, the orientation and margins, fit to one page wide and as many tall as it takes,
   * the print area (the cells written when none is given) and a manual break above each row listed.
   */
  private setPrintLayout(sheet: Sheet, op: ReportSheetOp): void {
    const print = op.print!;
    const width = op.cells.reduce((w, r) => Math.max(w, r.length), 0);
    const area: SheetRange | undefined =
      print.area ?? (op.cells.length > 0 && width > 0 ? { row: 0, column: 0, rows: op.cells.length, columns: width } : undefined);
    const margins = print.margins;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: LETTER_PAPER,
      ...(print.orientation ? { orientation: print.orientation } : {}),
      ...(margins
        ? {
            margins: {
              ...margins,
              header: Math.min(HEADER_FOOTER_INCHES, margins.top),
              footer: Math.min(HEADER_FOOTER_INCHES, margins.bottom),
            },
          }
        : {}),
      ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(area ? { printArea: absoluteArea(area) } : {}),
    };
    // A break above 0-based row r is ExcelJS's break after 1-based row r: <brk id="r">.
    for (const row of print.pageBreaksBefore ?? []) sheet.getRow(row).addPageBreak();
  }

  /** A fresh, empty sheet of that name, at the position of the one it replaces or at the end. */
  private replaceSheet(name: string): Sheet {
    const old = this.findSheet(name);
    if (!old) return this.book.addWorksheet(name);
    const { orderNo } = old as unknown as { orderNo: number };
    this.book.removeWorksheet(old.id);
    const sheet = this.book.addWorksheet(name);
    (sheet as unknown as { orderNo: number }).orderNo = orderNo;
    return sheet;
  }

  /**
   * Define the table again over `body` (its values as ExcelJS holds them, formulas and rich text
   * included): the way to grow a table read from a file, whose addRow throws.
   */
  private rewriteTable({ sheet, model, place, headers }: FoundTable, body: ExcelValue[][]): void {
    const columns = model.columns ?? [];
    sheet.removeTable(model.name);
    const table = sheet.addTable({
      name: model.name,
      displayName: model.displayName ?? model.name,
      ref: sheet.getCell(place.headerRow, place.firstColumn).address,
      headerRow: true,
      totalsRow: place.totalsRow,
      style: model.style ?? DEFAULT_TABLE_STYLE,
      columns: headers.map((name, j) => ({
        name,
        filterButton: columns[j]?.filterButton ?? true,
        ...(columns[j]?.totalsRowLabel !== undefined ? { totalsRowLabel: columns[j].totalsRowLabel } : {}),
        ...(columns[j]?.totalsRowFunction !== undefined ? { totalsRowFunction: columns[j].totalsRowFunction } : {}),
      })),
      rows: withBlankRowIfEmpty(body, headers.length),
    });
    // Column formats go back on the model only after the cells are written: given to addTable,
    // ExcelJS would stamp them over every cell's own format.
    const rewritten = (table as unknown as { model: TableModel }).model;
    rewritten.columns?.forEach((column, j) => {
      if (columns[j]?.style) column.style = columns[j].style;
    });
  }

  private readBody({ sheet, place }: FoundTable): CellValue[][] {
    return this.readRange(
      sheet,
      place.headerRow + 1,
      place.headerRow + place.bodyRows,
      place.firstColumn,
      place.firstColumn + place.width - 1,
    );
  }

  private readRange(sheet: Sheet, top: number, bottom: number, left: number, right: number): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row = sheet.findRow(r);
      const values: CellValue[] = [];
      for (let c = left; c <= right; c++) {
        const cell = row?.findCell(c);
        values.push(cell ? cellToValue(cell, this.dateSystem) : null);
      }
      out.push(values);
    }
    return out;
  }

  private readRawBody({ sheet, place }: FoundTable): ExcelValue[][] {
    const body: ExcelValue[][] = [];
    for (let i = 0; i < place.bodyRows; i++) body.push(this.readRawRow(sheet, place.headerRow + 1 + i, place));
    return body;
  }

  private readRawRow(sheet: Sheet, rowNumber: number, place: Placement): ExcelValue[] {
    const row = sheet.findRow(rowNumber);
    const values: ExcelValue[] = [];
    for (let c = place.firstColumn; c < place.firstColumn + place.width; c++) {
      const cell = row?.findCell(c);
      values.push(cell && cell.type !== ExcelJS.ValueType.Merge ? cell.value : null);
    }
    return values;
  }

  private copyRow(sheet: Sheet, rowNumber: number, place: Placement): { value: ExcelValue; style: Partial<ExcelJS.Style> }[] {
    const out = [];
    for (let c = place.firstColumn; c < place.firstColumn + place.width; c++) {
      const cell = sheet.getCell(rowNumber, c);
      out.push({ value: cell.value, style: { ...cell.style } });
    }
    return out;
  }

  private pasteRow(sheet: Sheet, rowNumber: number, place: Placement, cells: { value: ExcelValue; style: Partial<ExcelJS.Style> }[]): void {
    cells.forEach(({ value, style }, j) => {
      const cell = sheet.getCell(rowNumber, place.firstColumn + j);
      cell.value = value;
      cell.style = style;
    });
  }

  private hasValuesIn(sheet: Sheet, from: number, to: number, place: Placement): boolean {
    for (let r = from; r <= to; r++) {
      const row = sheet.findRow(r);
      for (let c = place.firstColumn; row && c < place.firstColumn + place.width; c++) {
        const cell = row.findCell(c);
        if (cell && cell.value !== null && cell.value !== undefined) return true;
      }
    }
    return false;
  }

  private findSheet(name: string): Sheet | undefined {
    return this.book.worksheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private findTable(name: string): FoundTable | undefined {
    return this.allTables().find((t) => t.model.name.toLowerCase() === name.toLowerCase());
  }

  private allTables(): FoundTable[] {
    return this.book.worksheets.flatMap((sheet) =>
      tablesOf(sheet).map((model) => {
        const place = placement(model);
        if (
          place.rangeRows === 1 &&
          this.readRange(sheet, place.headerRow + 1, place.headerRow + 1, place.firstColumn, place.firstColumn + place.width - 1)[0].every(
            (v) => v === null,
          )
        ) {
          place.bodyRows = 0;
        }
        return { sheet, model, place, headers: tableHeaders(sheet, model, place, this.dateSystem) };
      }),
    );
  }
}

/** How some rows of a sheet look (XlsxWorkbook.readSheetLook), for a preview that shows cells as Excel would. */
export interface SheetLook {
  /** 0-based sheet row of formats[0] and fills[0]. */
  first: number;
  /** Each cell's number format from column A; null for General. */
  formats: (string | null)[][];
  /** Each cell's solid fill, "#RRGGBB", from column A; null for none (or a theme color, which is not worked out). */
  fills: (string | null)[][];
  /** Conditional fills, as a report writes them: a number above `greaterThan` in the block is filled with `color`. */
  highlights: { range: SheetRange; greaterThan: number; color: string }[];
}

function argbToHex(argb: string | undefined): string | null {
  return typeof argb === "string" && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  return fill?.type === "pattern" && fill.pattern === "solid" ? argbToHex(fill.fgColor?.argb) : null;
}

/** The sheet's "cell value greater than n" fills (what ReportSheetOp.highlights writes), read back as written or from a file. */
function conditionalFills(sheet: Sheet): SheetLook["highlights"] {
  const formattings =
    (sheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  const out: SheetLook["highlights"] = [];
  for (const { ref, rules } of formattings) {
    // A file may give several blocks to one rule, space-separated ("B5:B9 D5:D9").
    const ranges = (ref ?? "").split(/\s+/).flatMap((part) => {
      const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(part);
      if (!m) return [];
      const column = columnNumber(m[1]) - 1;
      const row = Number(m[2]) - 1;
      const lastRow = m[4] ? Number(m[4]) - 1 : row;
      const lastColumn = m[3] ? columnNumber(m[3]) - 1 : column;
      return [{ row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 }];
    });
    for (const rule of rules) {
      if (rule.type !== "cellIs" || rule.operator !== "greaterThan") continue;
      const greaterThan = Number((rule.formulae as unknown[] | undefined)?.[0]);
      const fill = rule.style?.fill;
      const color = fill?.type === "pattern" ? (argbToHex(fill.bgColor?.argb) ?? argbToHex(fill.fgColor?.argb)) : null;
      if (Number.isFinite(greaterThan) && color) for (const range of ranges) out.push({ range, greaterThan, color });
    }
  }
  return out;
}

/** What a text style changes, as the key of the shared styles made from it. */
function textChange({ bold, italic, fontSize, align, borderTop }: TextStyle): string {
  return `text ${JSON.stringify([bold, italic, fontSize, align, borderTop])}`;
}

function forEachCell(sheet: Sheet, range: SheetRange, visit: (cell: Cell) => void): void {
  for (let r = range.row + 1; r <= range.row + range.rows; r++) {
    const row = sheet.getRow(r);
    for (let c = range.column + 1; c <= range.column + range.columns; c++) visit(row.getCell(c));
  }
}

/** A print area as ExcelJS should be given it: "A$1:G$40", which it saves as $A$1:$G$40. */
function absoluteArea({ row, column, rows, columns }: SheetRange): string {
  return `${columnLetters(column + 1)}$${row + 1}:${columnLetters(column + columns)}$${row + rows}`;
}

/**
 * What ExcelJS loses of a file's print layout, put back: print areas it read as relative
 * references are made absolute again, and the manual row breaks of every sheet without tables are
 * read from the sheet's XML. A part that cannot be found or read leaves that sheet as ExcelJS had it.
 */
function restorePrintLayout(book: ExcelJS.Workbook, bytes: Uint8Array): void {
  const reports = new Map<string, Sheet>();
  for (const sheet of book.worksheets) {
    const area = sheet.pageSetup?.printArea;
    if (area)
      sheet.pageSetup.printArea = area
        .split("&&")
        .map((range) => range.replace(/([A-Z]+)\$?(\d+)/gi, "$1$$$2"))
        .join("&&");
    if (sheet.getTables().length === 0) reports.set(sheet.name, sheet);
  }
  if (reports.size === 0) return;
  const decoder = new TextDecoder("utf-8");
  const read = (names: Set<string>) => {
    const files = unzipSync(bytes, { filter: (file) => names.has(file.name) });
    return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
  };
  const index = read(new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels"]));
  const targets = new Map<string, string>();
  for (const rel of (index.get("xl/_rels/workbook.xml.rels") ?? "").match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(rel, "Id");
    const target = attribute(rel, "Target");
    // As ExcelJS resolves it: relative to xl/, or absolute from the package root.
    if (id && target) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`);
  }
  const parts = new Map<string, Sheet>();
  for (const entry of (index.get("xl/workbook.xml") ?? "").match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(entry, "name");
    const part = targets.get(attribute(entry, "r:id") ?? "");
    const sheet = name === undefined ? undefined : reports.get(name);
    if (sheet && part) parts.set(part, sheet);
  }
  if (parts.size === 0) return;
  for (const [part, xml] of read(new Set(parts.keys()))) {
    const breaks = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? "";
    const rows = (breaks.match(/<brk\b[^>]*>/g) ?? [])
      .map((brk) => Number(attribute(brk, "id")))
      .filter((id) => Number.isInteger(id) && id > 0);
    const sheet = parts.get(part)!;
    for (const id of rows) sheet.getRow(id).addPageBreak();
  }
}

/** An XML attribute's value, its five entities decoded. */
function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1]
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function tableInfo({ sheet, model, place, headers }: FoundTable): TableInfo {
  return {
    name: model.name,
    sheet: sheet.name,
    headers: [...headers],
    rowCount: place.bodyRows,
    headerRow: place.headerRow,
    sheetState: {
      hidden: sheet.state !== "visible",
      protected: (sheet as unknown as SheetModelParts).sheetProtection?.sheet === true,
    },
  };
}

function tablesOf(sheet: Sheet): TableModel[] {
  // getTables() is typed as tuples but returns ExcelJS Table objects, whose model is the parsed table.
  return (sheet.getTables() as unknown as { model: TableModel }[]).map((t) => t.model);
}

/**
 * Make a table loaded from a file save as it was read. Every table the port deals with has a header
 * row (a table saved without one is read as if its first row were the header).
 */
function repairLoadedTable(model: TableModel): void {
  model.headerRow = true;
  // LibreOffice writes tables without a tableStyleInfo (no style); ExcelJS would throw saving them.
  model.style ??= {};
  const hadFilter = model.autoFilterRef !== undefined;
  for (const column of model.columns ?? []) column.filterButton ??= hadFilter;
  if (!hadFilter && model.tableRef) {
    const place = placement(model);
    const last = place.headerRow + place.rangeRows;
    model.autoFilterRef = `${columnLetters(place.firstColumn)}${place.headerRow}:${columnLetters(place.firstColumn + place.width - 1)}${last}`;
  }
}

function placement(model: TableModel): Placement {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(model.tableRef ?? "");
  if (!m) throw new Error(`table ${model.name} has no readable range (${model.tableRef})`);
  const firstColumn = columnNumber(m[1]);
  const headerRow = Number(m[2]);
  const lastColumn = m[3] ? columnNumber(m[3]) : firstColumn;
  const lastRow = m[4] ? Number(m[4]) : headerRow;
  const totalsRow = model.totalsRow === true;
  const rangeRows = Math.max(0, lastRow - headerRow - (totalsRow ? 1 : 0));
  return { headerRow, firstColumn, width: lastColumn - firstColumn + 1, rangeRows, bodyRows: rangeRows, totalsRow };
}

/**
 * Excel has no table without a body row: an empty table keeps one blank row (a file with a
 * header-only table is "repaired" by Excel, which drops the table). So an empty table is written
 * with one blank row, and a table whose only row is blank is read as empty.
 */
function withBlankRowIfEmpty(rows: ExcelValue[][], width: number): ExcelValue[][] {
  return rows.length > 0 ? rows : [Array.from({ length: width }, () => null)];
}

/** Headers as the table defines them; the header cells stand in where a file left a name out. */
function tableHeaders(sheet: Sheet, model: TableModel, place: Placement, system: DateSystem): string[] {
  const headers: string[] = [];
  for (let j = 0; j < place.width; j++) {
    const named = model.columns?.[j]?.name;
    if (named !== undefined && named.trim() !== "") {
      headers.push(named);
      continue;
    }
    const cell = sheet.findRow(place.headerRow)?.findCell(place.firstColumn + j);
    const text = cell ? cellToValue(cell, system) : null;
    headers.push(text === null ? `Column${j + 1}` : String(text));
  }
  return headers;
}

/**
 * A cell as the engine sees it: formulas give their cached result, rich text and links their
 * text, dates their serial. An error value gives its text ("#N/A"), so a biller is told
 * `"#N/A" is not an amount` rather than that a filled-in cell is blank (Excel's own API also
 * reads errors as their text). Empty text is a blank cell (null).
 */
export function cellToValue(cell: Cell, system: DateSystem): CellValue {
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  return plainValue(cell.value, system);
}

function plainValue(value: ExcelValue | undefined, system: DateSystem): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, system);
  if ("error" in value) return value.error;
  if ("richText" in value) return plainValue(value.richText.map((run) => run.text).join(""), system);
  if ("formula" in value || "sharedFormula" in value) return plainValue(value.result as ExcelValue | undefined, system);
  if ("hyperlink" in value) return plainValue(value.text as ExcelValue, system);
  return null;
}

/**
 * The serial ExcelJS turned into this Date. ExcelJS converts serial S to UTC (S - 25569) days
 * (1904 system: S + 1462 - 25569); inverting that exactly gives back the serial in the file,
 * time of day included. For whole days from 1900-03-01 on this equals
 * isoToSerial(jsDateToIso(date)), but ExcelJS ignores Excel's fictitious 1900-02-29, so for
 * earlier serials only the exact inverse returns what the file holds.
 */
export function dateToSerial(date: Date, system: DateSystem): number {
  const days = date.getTime() / DAY_MS;
  return days + (system === 1904 ? UNIX_EPOCH_SERIAL_1904 : UNIX_EPOCH_SERIAL_1900);
}

/**
 * A port value as ExcelJS should store it. Text stays text whatever it starts with: ExcelJS only
 * makes a formula from a { formula } object, never from a string, so "=HYPERLINK(...)" from an
 * ERA file is stored as the characters it is. Empty text is stored as an empty cell.
 */
function valueToCell(value: CellValue): ExcelValue {
  return value === "" ? null : value;
}
