// The Workbook port: the one interface every host's workbook is reached through. The engine reads
// whole tables in one call and writes a whole plan in one call; the adapters (memory, xlsx, Excel)
// decide how. Nothing here knows about billing: tables are headers and rows of cell values.
import type { DateSystem } from "../dates";

/** What a cell holds as the engine sees it. Dates arrive as Excel serial numbers. */
export type CellValue = string | number | boolean | null;

export interface TableInfo {
  /** The table's (ListObject's) name, e.g. "Charges". */
  name: string;
  /** The sheet it lives on. */
  sheet: string;
  headers: string[];
  /** Data rows, not counting the header row. */
  rowCount: number;
  /** 1-based sheet row of the header, so issues can name the row a biller sees. */
  headerRow: number;
  /** Whether the table's sheet is hidden and protected (code sets are both), so a plan can tell a damaged set. */
  sheetState?: { hidden: boolean; protected: boolean };
}

export interface WorkbookInfo {
  sheets: string[];
  tables: TableInfo[];
  dateSystem: DateSystem;
}

/** A table's whole body, as read. */
export interface RawTable extends TableInfo {
  rows: CellValue[][];
}

/** Create a table (on a new or empty sheet of the same name unless `sheet` says otherwise). */
export interface CreateTableOp {
  kind: "createTable";
  table: string;
  sheet: string;
  headers: string[];
  /** Number format per column ("@" text, money, "yyyy-mm-dd"), applied to the whole column. */
  numberFormats?: (string | null)[];
  /** Column widths in characters. */
  widths?: (number | null)[];
  rows?: CellValue[][];
  /** Hide the sheet (code sets, audit trail). */
  hidden?: boolean;
  /**
   * Protect the sheet, without a password, so a code set is not changed by hand: users can still
   * select cells and filter, and the add-in still writes to it (each adapter lifts the protection
   * around its own writes).
   */
  protect?: boolean;
}

/** Append rows to an existing table. Rows are keyed by the table's actual header text. */
export interface AppendRowsOp {
  kind: "appendRows";
  table: string;
  rows: Record<string, CellValue>[];
}

/** Replace every value of one column of a table (length must equal the table's row count). */
export interface SetColumnOp {
  kind: "setColumn";
  table: string;
  column: string;
  values: CellValue[];
  numberFormat?: string;
}

/**
 * Set a few cells of a table, each by its 0-based body row and its column's header (a cell edited in
 * the browser host's preview). Only the cells named change: the rest of the column, formulas and
 * all, is left as it is. `numberFormat` is given to that cell too (a date written as a serial).
 */
export interface SetCellsOp {
  kind: "setCells";
  table: string;
  cells: { row: number; column: string; value: CellValue; numberFormat?: string }[];
}

/** Create a report sheet, or replace it (and everything on it) when it exists. */
export interface ReportSheetOp {
  kind: "reportSheet";
  sheet: string;
  /** Values from A1, one array per row. */
  cells: CellValue[][];
  /** Per column: width in characters and the number format for rows below the header. */
  columns?: { width?: number; numberFormat?: string }[];
  /** 0-based row holding the column headers: bold, and the sheet is frozen below it. */
  headerRow?: number;
  /** Further 0-based rows to make bold (titles, totals). */
  boldRows?: number[];
  /** Number formats for blocks of cells, over their column's format (a percent row under money columns). */
  formats?: { range: SheetRange; numberFormat: string }[];
  /**
   * Excel tables over blocks of the sheet: the block's first row is the table's header row (its
   * texts must be unique and non-empty). Names are unique in the workbook; the tables of a
   * replaced report sheet go with it, so the same name can be used again.
   */
  tables?: { name: string; range: SheetRange }[];
  /**
   * Conditional fills: a cell of the block whose value is above `greaterThan` is filled with
   * `color` ("#RRGGBB"). A rule, not a static fill, so it follows the numbers if they are edited.
   */
  highlights?: { range: SheetRange; greaterThan: number; color: string }[];
  /**
   * Native charts of a block of the sheet. The block's first row holds the category or series
   * labels and its first column the other; `seriesBy` says which runs are the series. ExcelJS
   * cannot write charts, so only the Excel adapter draws them: the memory adapter keeps them in
   * the sheet's layout, an .xlsx file carries none (the browser pane draws the chart itself).
   */
  charts?: ReportChart[];
  /** Text styles for blocks: bold, italic, a font size in points, a line above the block, right or center alignment. */
  styles?: {
    range: SheetRange;
    bold?: boolean;
    italic?: boolean;
    fontSize?: number;
    borderTop?: "thin" | "dashed";
    align?: "left" | "center" | "right";
  }[];
  /** How the sheet prints (statements): Letter paper, margins in inches, fit to one page wide, page breaks. */
  print?: PrintLayout;
}

export interface PrintLayout {
  /** The block to print; default the cells written. */
  area?: SheetRange;
  orientation?: "portrait" | "landscape";
  /** Margins in inches. */
  margins?: { top: number; bottom: number; left: number; right: number };
  /** Scale to fit one page wide (as many pages tall as needed). */
  fitToWidth?: boolean;
  /** 0-based rows a new page starts at (each statement of a batch). */
  pageBreaksBefore?: number[];
}

/** A block of a report sheet, 0-based from A1. */
export interface SheetRange {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface ReportChart {
  title: string;
  type: "columnStacked" | "columnClustered" | "pie";
  data: SheetRange;
  seriesBy: "rows" | "columns";
  /** The cell the chart's top-left corner sits on, 0-based. */
  anchor: { row: number; column: number };
  /** Size in points; default 480 x 288. */
  width?: number;
  height?: number;
}

/**
 * Fill some cells of a table with a color, or clear their fill: the bad codes a check found, and
 * the highlights of an earlier check taken away first.
 */
export interface MarkCellsOp {
  kind: "markCells";
  table: string;
  /** Each cell by its 0-based row in the table's body and its column's header. */
  cells: { row: number; column: string }[];
  /** "#RRGGBB", or null to clear the fill of those cells. */
  color: string | null;
  /** Columns whose whole body loses its fill before the cells are marked. */
  clearColumns?: string[];
}

/**
 * Add empty columns at the right end of a table (a workbook made before the Plan and Status columns
 * existed gets them the first time a plan writes to it). Cells to the right of the table move right
 * with it in Excel; an .xlsx file refuses when they hold values.
 */
export interface AddColumnsOp {
  kind: "addColumns";
  table: string;
  headers: string[];
  numberFormats?: (string | null)[];
}

/** Remove every row of a table whose Plan column holds `plan`: how an unfinished plan is undone. */
export interface DeleteRowsOp {
  kind: "deleteRows";
  table: string;
  plan: string;
  /**
   * Only rows appended earlier in the same write carry the id (a plan closing itself): the Excel
   * adapter then need not read the table's Plan column first. The result is the same either way.
   */
  onlyNewRows?: boolean;
}

/** Set some cells of every row of a table whose Plan column holds `plan` (an Audit row's Status). */
export interface UpdateRowsOp {
  kind: "updateRows";
  table: string;
  plan: string;
  /** Values by header. */
  values: Record<string, CellValue>;
  /** As DeleteRowsOp's: only rows appended earlier in the same write carry the id. */
  onlyNewRows?: boolean;
}

/**
 * Make a plain block of a sheet (the office's own rows, not yet a table) an Excel table, keeping every
 * cell as it is: the block's first row is the header row, the rows below it the body. `headers` are
 * the header cells' texts when the plan was made: a sheet whose header cells or used block changed
 * since is refused, nothing written (see makeTableCheck.ts), as is a blank or repeated header.
 */
export interface MakeTableOp {
  kind: "makeTable";
  table: string;
  sheet: string;
  /** The block, header row included, 0-based from A1. */
  range: SheetRange;
  headers: string[];
}

/** The top of a plain sheet: enough to find its header row without reading the whole sheet. */
export interface SheetHead {
  /** The block of the sheet holding values, 0-based from A1; undefined for a blank sheet. */
  used?: SheetRange;
  /** Values of the used block's first rows (as many as asked for, fewer when it has fewer), over all its columns. */
  rows: CellValue[][];
}

/** The column that ties a row to the plan that wrote it. */
export const PLAN_HEADER = "Plan";

export type WriteOp =
  | CreateTableOp
  | AppendRowsOp
  | SetColumnOp
  | SetCellsOp
  | ReportSheetOp
  | MarkCellsOp
  | AddColumnsOp
  | DeleteRowsOp
  | UpdateRowsOp
  | MakeTableOp;

/** What applying a plan did, per op, for the audit row and the user's message. */
export interface WriteSummary {
  tablesCreated: string[];
  rowsAppended: number;
  cellsSet: number;
  /** Cells given a fill or cleared by markCells (whole columns cleared are not counted). */
  cellsMarked: number;
  sheetsWritten: string[];
}

/**
 * A workbook, whatever hosts it. `write` applies every op or none: it checks all of them
 * (tables and headers exist, lengths match, names are free) before it changes anything.
 */
export interface Workbook {
  readonly host: "memory" | "xlsx" | "excel";
  describe(): Promise<WorkbookInfo>;
  /** Whole bodies of the named tables, in one call; a missing table comes back undefined. */
  readTables(names: string[]): Promise<Record<string, RawTable | undefined>>;
  write(ops: WriteOp[]): Promise<WriteSummary>;
  /** Values of a plain (non-table) sheet, for previews and report checks. */
  readSheet(name: string): Promise<CellValue[][] | undefined>;
  /**
   * The used block and its first `rows` rows of each named sheet, in one call (Setup looks for the
   * office's rows on plain sheets with it); a missing sheet comes back undefined. Every adapter has
   * it; a stand-in workbook may leave it out (plainRanges.ts then reads the sheets whole).
   */
  readSheetHeads?(names: string[], rows: number): Promise<Record<string, SheetHead | undefined>>;
}

/** Thrown by an adapter when a plan cannot be applied as given; nothing was written. */
export class PlanRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanRejected";
  }
}

/** True when a text, written into Excel as is, would become a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
