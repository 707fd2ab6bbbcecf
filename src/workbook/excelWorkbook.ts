// The Excel adapter: the Workbook port over Office.js, and the only module that touches Office.js.
// Each call is one Excel.run made of a constant number of context.sync() phases: the workbook's
// layout first, then whole table bodies (reads) or the whole plan (writes) as 2-D ranges in row
// chunks. Chunks are packed into as few syncs as the payload budget allows, because Excel on the
// web refuses any request or response over 5 MB; so syncs grow with bytes moved, never with the
// number of tables, rows or cells as such.
//
// Protected sheets (code sets) cannot be written from Office.js, not even by the add-in: a plan that
// writes on one lifts the protection in one sync of its own first (so a password-protected sheet
// refuses the plan before anything is written), then puts it back with the office's own options
// in the plan's last request.
//
// A report sheet's number formats, tables, conditional fills, charts, text styles and page breaks
// are queued with its values, one call per block (never per cell), so they add bytes to the plan's
// requests, not syncs of their own: a batch of 5,000 statements is sent in as many requests as its
// bytes need, never one per statement. Its print layout (ExcelApi 1.9) is a few more calls.
//
// A plan written over several requests can be cut short between them; applyPlan makes that
// recoverable (plan ids, the Audit row's Status, a copy of the plan: see plan.ts). Here, appended
// rows grow their table with each chunk, in the chunk's request, so no row is ever left outside a
// table; deleteRows and updateRows find rows by plan id from the Plan column, read in one phase
// before any change (none when only rows of this same write carry the id), and delete each run of
// rows as one range, bottom up, queued with the plan's other changes.
import type { DateSystem } from "../dates";
import { checkPlan, headerIndex } from "./checkPlan";
import {
  PLAN_HEADER,
  PlanRejected,
  type AddColumnsOp,
  type AppendRowsOp,
  type DeleteRowsOp,
  type UpdateRowsOp,
  type CellValue,
  type CreateTableOp,
  type MarkCellsOp,
  type RawTable,
  type ReportSheetOp,
  type SetColumnOp,
  type SheetRange,
  type TableInfo,
  type Workbook,
  type WorkbookInfo,
  type WriteOp,
  type WriteSummary,
} from "./port";

/** The shape of `Excel.run`; tests pass a fake with the same shape. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbookOptions {
  /**
   * Most bytes of cell values one context.sync() may carry, each way. Excel on the web refuses
   * a request or a response over 5 MB; the default leaves a fifth of that for Office.js's own
   * wrapping of the values (addresses, ids, property names).
   */
  maxPayloadBytes?: number;
}

export const DEFAULT_MAX_PAYLOAD_BYTES = 4_000_000;

const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;
const CELL_TEXT_LIMIT = 32_767;
/** Rows read with the layout to estimate how many bytes a table's rows take. */
const SAMPLE_ROWS = 50;
/**
 * Read estimates are a guess from the first rows; later rows can be longer (a long note). The
 * margin keeps most syncs under the cap; a sync Excel still refuses is split and retried.
 */
const READ_MARGIN = 1.25;
/** Office.js wraps each queued operation (object path, action, ids): counted against the budget too. */
const OPERATION_BYTES = 100;
/** A Plan cell in a response: a quoted id such as "P20261206-153012-AB12" and a comma. */
const PLAN_ID_BYTES = 28;
/** Excel reads at most 5 million cells per range; keep every chunk far below that. */
const MAX_CHUNK_CELLS = 500_000;
/**
 * What a sheet protected by the add-in still lets a user do: select any cell (the default selection
 * mode), filter, and widen columns to read long descriptions. No password: protection here guards
 * against slips, not people.
 */
const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = { allowAutoFilter: true, allowFormatColumns: true };
/** A report's tables: lighter than the billing tables', banded rows and filter buttons (Excel's defaults). */
const REPORT_TABLE_STYLE = "TableStyleLight9";
const CHART_TYPES = { columnStacked: "ColumnStacked", columnClustered: "ColumnClustered", pie: "Pie" } as const;
/** A chart's size when the report gives none, in points (Excel's own default is about 360 x 216). */
const DEFAULT_CHART_WIDTH = 480;
const DEFAULT_CHART_HEIGHT = 288;
/**
 * What a text style's calls weigh in a request: Office.js sends an object path and an action for
 * the block's range, its format and font or border, and one action per property set. Counted
 * generously, so a batch of statements with tens of thousands of styled blocks stays under 5 MB.
 */
const STYLE_BLOCK_BYTES = 400;
const STYLE_PROPERTY_BYTES = 150;
/** A page break: the cell it goes above and the add() call. */
const PAGE_BREAK_BYTES = 250;
const ALIGNMENTS = { left: "Left", center: "Center", right: "Right" } as const;
const BORDER_STYLES = { thin: "Continuous", dashed: "Dash" } as const;
const POINTS_PER_INCH = 72;
/** Excel's default column is about 7 pixels per character plus 5 pixels of padding; 0.75 pt per px. */
const charsToPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** Where a table sits, as read with the layout. Only this module knows sheet positions. */
interface TablePlace {
  info: TableInfo;
  /** 0-based sheet row of the header and sheet column of the first column. */
  headerRowIndex: number;
  columnIndex: number;
  /** Rows Excel keeps in the body: at least 1, since Excel gives an empty table one blank row. */
  bodyRows: number;
  /** Number format of each column's first body row: what appended rows are given. */
  formats: (string | null)[];
  /** Bytes one row of values is expected to take in a response (see estimateRowBytes). */
  rowBytes: number;
}

interface SheetPlace {
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
  /** The office's protection options, loaded for writes, to put back after the add-in's own. */
  protection?: Excel.WorksheetProtectionOptions;
}

interface Layout {
  sheets: SheetPlace[];
  tables: TablePlace[];
}

/** One rectangle of values to read; its rows land in `into` from index `at`. */
interface ReadChunk {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
  estimate: number;
  into: CellValue[][];
  at: number;
}

export class ExcelWorkbook implements Workbook {
  readonly host = "excel" as const;
  private readonly maxPayloadBytes: number;

  constructor(
    // Excel.run is looked up when a call is made, never at import, so Node can import this module.
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    options: ExcelWorkbookOptions = {},
  ) {
    this.maxPayloadBytes = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD_BYTES;
  }

  async describe(): Promise<WorkbookInfo> {
    return this.run(async (context) => {
      const layout = await loadLayout(context, 1, false);
      return {
        sheets: layout.sheets.map((s) => s.name),
        tables: layout.tables.map((t) => t.info),
        dateSystem: await loadDateSystem(context),
      };
    });
  }

  async readTables(names: string[]): Promise<Record<string, RawTable | undefined>> {
    return this.run(async (context) => {
      const wanted = names.map((name) => ({ name, table: context.workbook.tables.getItemOrNullObject(name) }));
      for (const w of wanted) w.table.load("name");
      await context.sync();

      const found = wanted.filter((w) => !w.table.isNullObject);
      const places = await loadTablePlaces(
        context,
        found.map((w) => w.table),
        SAMPLE_ROWS,
        false,
      );
      const out: Record<string, RawTable | undefined> = {};
      for (const name of names) out[name] = undefined;
      const chunks: ReadChunk[] = [];
      found.forEach((w, i) => {
        const place = places[i];
        const rows: CellValue[][] = new Array(place.info.rowCount);
        out[w.name] = { ...place.info, headers: [...place.info.headers], rows };
        chunks.push(
          ...this.readChunks(
            place.info.sheet,
            place.headerRowIndex + 1,
            place.columnIndex,
            place.info.rowCount,
            place.info.headers.length,
            place.rowBytes,
            rows,
          ),
        );
      });
      await this.loadChunks(context, chunks);
      return out;
    });
  }

  async readSheet(name: string): Promise<CellValue[][] | undefined> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return undefined;

      // getUsedRange gives A1 for a blank sheet (it does not fail), so the sample can hang off it
      // in the same sync; the sample's rows only estimate how many bytes a row takes.
      const used = sheet.getUsedRange(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const sample = used.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0);
      sample.load("values");
      await context.sync();
      if (used.rowCount === 1 && used.columnCount === 1 && sample.values[0][0] === "") return [];

      // The port gives a sheet's values from A1, so blank rows and columns before the used range count.
      const rows = used.rowIndex + used.rowCount;
      const columns = used.columnIndex + used.columnCount;
      const sampleRows = sample.values.slice(0, Math.min(SAMPLE_ROWS, used.rowCount));
      const bytesPerCell = JSON.stringify(sampleRows).length / Math.max(1, sampleRows.length * used.columnCount);
      const out: CellValue[][] = new Array(rows);
      await this.loadChunks(
        context,
        this.readChunks(sheet.name, 0, 0, rows, columns, estimateRowBytes(bytesPerCell * columns, columns), out),
      );
      return out;
    });
  }

  async write(ops: WriteOp[]): Promise<WriteSummary> {
    return this.run(async (context) => {
      const layout = await loadLayout(context, 1, true);
      // Every check happens before the first change is queued: a refused plan writes nothing.
      const summary = checkPlan(
        { sheets: layout.sheets.map((s) => s.name), tables: layout.tables.map((t) => t.info), dateSystem: 1900 },
        ops,
      );
      checkExcelLimits(layout, ops);
      // Tables grow with Table.resize (ExcelApi 1.13); an older Excel would fail half-way.
      if (ops.some((op) => op.kind === "appendRows" && op.rows.length > 0) && !apiSupported("1.13")) {
        throw new PlanRejected(
          "Nothing was written: this version of Excel cannot add rows to a table from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
        );
      }
      // Conditional formats came with ExcelApi 1.6 (Excel 2016 without updates lacks them).
      if (ops.some((op) => op.kind === "reportSheet" && (op.highlights?.length ?? 0) > 0) && !apiSupported("1.6")) {
        throw new PlanRejected(
          "Nothing was written: this version of Excel cannot add conditional formats from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
        );
      }
      // Page layout, print areas and page breaks came with ExcelApi 1.9.
      if (ops.some((op) => op.kind === "reportSheet" && op.print !== undefined) && !apiSupported("1.9")) {
        throw new PlanRejected(
          "Nothing was written: this version of Excel cannot set up a sheet for printing (print area, margins, page breaks) from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
        );
      }

      // Table columns get their header names with ExcelApi 1.4.
      if (ops.some((op) => op.kind === "addColumns") && !apiSupported("1.4")) {
        throw new PlanRejected(
          "Nothing was written: this version of Excel cannot add a column to a table from an add-in. Use Excel for Microsoft 365 or Excel on the web.",
        );
      }

      const writer = new PlanWriter(context, layout, this.maxPayloadBytes);
      // Rows are found by plan id (deleteRows, updateRows) from the Plan column, read in one phase.
      await writer.loadPlanColumns(ops, (columns) =>
        this.loadChunks(
          context,
          columns.flatMap((c) => this.readChunks(c.sheet, c.top, c.column, c.rows, 1, estimateRowBytes(PLAN_ID_BYTES, 1), c.into)),
        ),
      );
      await writer.unprotectSheets(ops);
      try {
        await writer.writePlan(ops);
      } catch (error) {
        // Whatever Excel refused half-way, the office's protected sheets do not stay unprotected.
        await writer.protectAgainAfterFailure();
        throw error;
      }
      return summary;
    });
  }

  /**
   * Show a cell to the user: activate its sheet and select it, in one sync. Row and column are the
   * 1-based numbers a biller sees (a problem list's "Charges row 14").
   */
  async select(sheet: string, row: number, column: number): Promise<void> {
    if (!Number.isInteger(row) || row < 1 || row > SHEET_ROWS || !Number.isInteger(column) || column < 1 || column > SHEET_COLUMNS) {
      throw new Error(`There is no cell at row ${row}, column ${column} of sheet "${sheet}".`);
    }
    await this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRangeByIndexes(row - 1, column - 1, 1, 1).select();
      try {
        await context.sync();
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code === "ItemNotFound") throw new Error(`The sheet "${sheet}" is no longer in this workbook: check the workbook again.`);
        if (code === "InvalidOperation" || code === "AccessDenied") {
          throw new Error(`The sheet "${sheet}" is hidden or protected, so the cell cannot be shown: unhide it and try again.`);
        }
        throw error;
      }
    });
  }

  /**
   * Show a cell of a table to the user, by its 0-based body row and its column's header (a problem
   * the Codes panel found): one sync reads the table's headers and size, a second activates its sheet
   * and selects the cell. The header is looked up again here, as the office may have moved columns
   * since the check ran.
   */
  async selectTableCell(table: string, bodyIndex: number, column: string): Promise<void> {
    if (!Number.isInteger(bodyIndex) || bodyIndex < 0) throw new Error(`There is no row ${bodyIndex} in the ${table} table.`);
    await this.run(async (context) => {
      const found = context.workbook.tables.getItem(table);
      const header = found.getHeaderRowRange().load("values");
      const body = found.getDataBodyRange().load("rowCount");
      try {
        await context.sync();
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === "ItemNotFound") {
          throw new Error(`The ${table} table is no longer in this workbook: check the workbook again.`);
        }
        throw error;
      }
      const columnIndex = headerIndex(header.values[0].map(String), column);
      if (columnIndex < 0) throw new Error(`The ${table} table has no "${column}" column any more: check the workbook again.`);
      if (bodyIndex >= body.rowCount) {
        throw new Error(`The ${table} table has fewer rows than when it was checked: check the workbook again.`);
      }
      found.worksheet.activate();
      body.getCell(bodyIndex, columnIndex).select();
      try {
        await context.sync();
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code === "InvalidOperation" || code === "AccessDenied") {
          throw new Error(`The ${table} table's sheet is hidden or protected, so the cell cannot be shown: unhide it and try again.`);
        }
        throw error;
      }
    });
  }

  /**
   * Recalculate every formula, in one sync: after a code set is imported, so cells with MEDBILL code
   * functions answer against it (their arguments did not change, so Excel would not recalculate them).
   */
  async recalculate(): Promise<void> {
    await this.run(async (context) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
  }

  /** Split a block of rows into chunks of about a quarter of the budget, so syncs are well filled. */
  private readChunks(
    sheet: string,
    row: number,
    column: number,
    rows: number,
    columns: number,
    rowBytes: number,
    into: CellValue[][],
  ): ReadChunk[] {
    if (rows === 0 || columns === 0) return [];
    const perChunk = chunkRows(rowBytes, columns, this.maxPayloadBytes);
    const chunks: ReadChunk[] = [];
    for (let at = 0; at < rows; at += perChunk) {
      const n = Math.min(perChunk, rows - at);
      chunks.push({ sheet, row: row + at, column, rows: n, columns, estimate: n * rowBytes, into, at });
    }
    return chunks;
  }

  /** Load chunks, as many per sync as the estimated response fits in the budget. */
  private async loadChunks(context: Excel.RequestContext, chunks: ReadChunk[]): Promise<void> {
    let group: ReadChunk[] = [];
    let bytes = 0;
    for (const chunk of chunks) {
      if (group.length > 0 && bytes + chunk.estimate > this.maxPayloadBytes) {
        await loadGroup(context, group);
        group = [];
        bytes = 0;
      }
      group.push(chunk);
      bytes += chunk.estimate;
    }
    if (group.length > 0) await loadGroup(context, group);
  }
}

/** One sync of reads. When Excel refuses the response as too large, load it again in halves. */
async function loadGroup(context: Excel.RequestContext, group: ReadChunk[]): Promise<void> {
  const sheets = new Map<string, Excel.Worksheet>();
  const ranges = group.map((c) => {
    let sheet = sheets.get(c.sheet);
    if (!sheet) sheets.set(c.sheet, (sheet = context.workbook.worksheets.getItem(c.sheet)));
    const range = sheet.getRangeByIndexes(c.row, c.column, c.rows, c.columns);
    range.load("values");
    return range;
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    if (group.length > 1) {
      const mid = Math.ceil(group.length / 2);
      await loadGroup(context, group.slice(0, mid));
      await loadGroup(context, group.slice(mid));
      return;
    }
    const c = group[0];
    if (c.rows < 2) throw new Error(`Row ${c.row + 1} of sheet "${c.sheet}" holds more text than Excel can send at once.`);
    const half = Math.ceil(c.rows / 2);
    await loadGroup(context, [{ ...c, rows: half, estimate: c.estimate / 2 }]);
    await loadGroup(context, [{ ...c, row: c.row + half, rows: c.rows - half, at: c.at + half, estimate: c.estimate / 2 }]);
    return;
  }
  group.forEach((c, i) => {
    const values = ranges[i].values;
    for (let r = 0; r < values.length; r++) c.into[c.at + r] = values[r].map(fromExcel);
  });
}

function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Expected bytes of one row in a response: the sampled average with a margin, and never less
 * than `"",` per cell (a blank row still costs that much).
 */
function estimateRowBytes(sampledRowBytes: number, columns: number): number {
  return Math.max(Math.ceil(sampledRowBytes * READ_MARGIN), columns * 3 + 2);
}

function chunkRows(rowBytes: number, columns: number, budget: number): number {
  const byBytes = Math.floor(budget / 4 / Math.max(1, rowBytes));
  const byCells = Math.floor(MAX_CHUNK_CELLS / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}

/** Cell value from Excel -> port: a blank cell reads as "", which the port calls null. */
function fromExcel(value: unknown): CellValue {
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
function toExcel(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : "'" + value;
  return value;
}

/** True when the host supports an ExcelApi requirement set; outside Office (tests) every set is assumed. */
function apiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", version) : true;
}

/** Sheets and every table's place: two syncs, whatever the workbook holds. */
async function loadLayout(context: Excel.RequestContext, sampleRows: number, withFormats: boolean): Promise<Layout> {
  const worksheets = context.workbook.worksheets;
  // A write needs the protection options too, to protect a sheet again as the office had it.
  worksheets.load(`items/name,items/visibility,items/position,items/protection/protected${withFormats ? ",items/protection/options" : ""}`);
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const places = await loadTablePlaces(context, tables.items, sampleRows, withFormats);
  return {
    sheets: worksheets.items.map((s) => ({
      name: s.name,
      position: s.position,
      visibility: String(s.visibility),
      protected: s.protection.protected,
      ...(withFormats ? { protection: s.protection.options } : {}),
    })),
    tables: places,
  };
}

/** One sync: header, body size and position, and the first rows of each table. */
async function loadTablePlaces(
  context: Excel.RequestContext,
  tables: Excel.Table[],
  sampleRows: number,
  withFormats: boolean,
): Promise<TablePlace[]> {
  if (tables.length === 0) return [];
  const queued = tables.map((table) => {
    table.load("name");
    const sheet = table.worksheet;
    sheet.load("name,visibility,protection/protected");
    const header = table.getHeaderRowRange();
    header.load("values,rowIndex,columnIndex");
    const body = table.getDataBodyRange();
    body.load("rowCount");
    const first = body.getRow(0);
    const sample = sampleRows > 1 ? first.getResizedRange(sampleRows - 1, 0) : first;
    sample.load("values");
    if (withFormats) first.load("numberFormat");
    return { table, sheet, header, body, first, sample };
  });
  await context.sync();
  return queued.map(({ table, sheet, header, body, first, sample }) => {
    const headers = (header.values[0] ?? []).map((h) => String(h ?? ""));
    const bodyRows = body.rowCount;
    const sampled = sample.values.slice(0, Math.min(sampleRows, bodyRows));
    // Excel cannot hold a table with no rows: it keeps one blank row. That row is not data.
    const empty = bodyRows === 1 && sampled[0].every((v) => v === "" || v === null);
    const rowCount = empty ? 0 : bodyRows;
    const rowBytes = estimateRowBytes(JSON.stringify(sampled).length / Math.max(1, sampled.length), headers.length);
    const formats = withFormats ? first.numberFormat[0].map((f) => (typeof f === "string" && f !== "General" ? f : null)) : [];
    return {
      info: {
        name: table.name,
        sheet: sheet.name,
        headers,
        rowCount,
        headerRow: header.rowIndex + 1,
        sheetState: { hidden: String(sheet.visibility) !== "Visible", protected: sheet.protection.protected },
      },
      headerRowIndex: header.rowIndex,
      columnIndex: header.columnIndex,
      bodyRows,
      formats,
      rowBytes,
    };
  });
}

/**
 * The 1904 date system flag is newer than most hosts (Workbook.use1904DateSystem); a host that
 * lacks it fails the whole batch, so it is asked for alone, and 1900 (Excel's default) is assumed
 * when it cannot be read.
 */
async function loadDateSystem(context: Excel.RequestContext): Promise<DateSystem> {
  const workbook = context.workbook as Excel.Workbook & { use1904DateSystem?: boolean };
  if (!("use1904DateSystem" in workbook)) return 1900;
  try {
    workbook.load("use1904DateSystem");
    await context.sync();
    return workbook.use1904DateSystem ? 1904 : 1900;
  } catch {
    return 1900;
  }
}

/** What Excel itself would refuse half-way: found before anything is written. */
function checkExcelLimits(layout: Layout, ops: WriteOp[]): void {
  const problems: string[] = [];
  const rowsAfter = new Map(layout.tables.map((t) => [t.info.name.toLowerCase(), t.headerRowIndex + 1 + t.info.rowCount]));
  const checkCells = (where: string, rows: Iterable<CellValue[]>) => {
    for (const row of rows) {
      for (const value of row) {
        // Numbers Excel cannot store (NaN, Infinity) are refused by checkPlan, for every adapter.
        if (typeof value === "string" && value.length > CELL_TEXT_LIMIT) {
          problems.push(`${where} has a text longer than the ${CELL_TEXT_LIMIT} characters a cell can hold`);
          return;
        }
      }
    }
  };
  for (const op of ops) {
    switch (op.kind) {
      case "createTable":
        if (op.headers.length > SHEET_COLUMNS) problems.push(`table ${op.table} has more columns than a sheet can hold`);
        if ((op.rows?.length ?? 0) + 1 > SHEET_ROWS) problems.push(`table ${op.table} has more rows than a sheet can hold`);
        rowsAfter.set(op.table.toLowerCase(), 1 + (op.rows?.length ?? 0));
        checkCells(`table ${op.table}`, [op.headers, ...(op.rows ?? [])]);
        break;
      case "appendRows": {
        const key = op.table.toLowerCase();
        const after = (rowsAfter.get(key) ?? 0) + op.rows.length;
        rowsAfter.set(key, after);
        if (after > SHEET_ROWS)
          problems.push(
            `table ${op.table} would need ${after.toLocaleString("en-US")} rows, more than the ${SHEET_ROWS.toLocaleString("en-US")} a sheet holds`,
          );
        checkCells(
          `the rows for ${op.table}`,
          (function* () {
            for (const row of op.rows) yield Object.values(row);
          })(),
        );
        break;
      }
      case "setColumn":
        checkCells(`the values for ${op.table} "${op.column}"`, [op.values]);
        break;
      case "reportSheet": {
        const width = op.cells.reduce((w, r) => Math.max(w, r.length), 0);
        if (width > SHEET_COLUMNS || op.cells.length > SHEET_ROWS) problems.push(`report "${op.sheet}" is larger than a sheet`);
        checkCells(`report "${op.sheet}"`, op.cells);
        break;
      }
    }
  }
  if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problems.join("; ")}.`);
}

/** Where a table is while a plan is being queued (a plan may create a table, then append to it). */
interface TableState {
  name: string;
  sheet: string;
  headerRowIndex: number;
  columnIndex: number;
  headers: string[];
  rowCount: number;
  formats: (string | null)[];
  /** Each body row's Plan value, when the plan finds rows by plan id in this table; else undefined. */
  plans?: CellValue[];
}

/**
 * Queues a checked plan. Changes accumulate in one request until the next chunk would take it
 * over the budget; only then is it synced, and calculation and screen updating are suspended
 * again for the next request (both last only until the next sync).
 */
class PlanWriter {
  private queuedBytes = 0;
  private readonly tables: Map<string, TableState>;
  private readonly sheets: Map<string, SheetPlace>;
  private readonly screenUpdatingCanPause = apiSupported("1.9");
  /** Sheets to protect once everything is written (lower-case name), with the options to use. */
  private readonly protectAtEnd = new Map<string, { name: string; options: Excel.WorksheetProtectionOptions }>();
  /** The office's protected sheets this plan unprotected. */
  private lifted: SheetPlace[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    layout: Layout,
    private readonly budget: number,
  ) {
    this.tables = new Map(
      layout.tables.map((t) => [
        t.info.name.toLowerCase(),
        {
          name: t.info.name,
          sheet: t.info.sheet,
          headerRowIndex: t.headerRowIndex,
          columnIndex: t.columnIndex,
          headers: t.info.headers,
          rowCount: t.info.rowCount,
          formats: t.formats,
        },
      ]),
    );
    this.sheets = new Map(layout.sheets.map((s) => [s.name.toLowerCase(), { ...s }]));
  }

  /**
   * The Plan column of each table whose rows a plan finds by plan id, read before anything is
   * written (one phase of reads, chunked like any read); later ops keep it up to date.
   */
  async loadPlanColumns(
    ops: WriteOp[],
    read: (columns: { sheet: string; top: number; column: number; rows: number; into: CellValue[][] }[]) => Promise<void>,
  ): Promise<void> {
    const byPlan = ops.flatMap((op) => (op.kind === "deleteRows" || op.kind === "updateRows" ? [op] : []));
    const wanted = new Set(byPlan.map((op) => op.table.toLowerCase()));
    // Rows the workbook held before carry no id that only new rows carry: nothing to read for those.
    const fresh = new Set(wanted);
    for (const op of byPlan) if (!op.onlyNewRows) fresh.delete(op.table.toLowerCase());
    const columns: { table: TableState; sheet: string; top: number; column: number; rows: number; into: CellValue[][] }[] = [];
    for (const key of wanted) {
      const table = this.tables.get(key);
      if (!table) continue;
      const col = headerIndex(table.headers, PLAN_HEADER);
      if (col < 0 || table.rowCount === 0 || fresh.has(key)) {
        table.plans = new Array<CellValue>(table.rowCount).fill(null);
        continue;
      }
      const into: CellValue[][] = new Array(table.rowCount);
      columns.push({
        table,
        sheet: table.sheet,
        top: table.headerRowIndex + 1,
        column: table.columnIndex + col,
        rows: table.rowCount,
        into,
      });
    }
    if (columns.length === 0) return;
    await read(columns);
    for (const { table, into } of columns) table.plans = Array.from(into, (row) => row?.[0] ?? null);
  }

  startBatch(): void {
    const application = this.context.workbook.application;
    application.suspendApiCalculationUntilNextSync();
    if (this.screenUpdatingCanPause) application.suspendScreenUpdatingUntilNextSync();
  }

  private async queue(bytes: number, action: () => void): Promise<void> {
    if (this.queuedBytes > 0 && this.queuedBytes + bytes + OPERATION_BYTES > this.budget) {
      await this.context.sync();
      this.queuedBytes = 0;
      this.startBatch();
    }
    action();
    this.queuedBytes += bytes + OPERATION_BYTES;
  }

  private sheet(name: string): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(name);
  }

  /**
   * Lift the protection of every protected sheet the plan writes on, in one sync before any change
   * is queued: a sheet protected with a password refuses the plan with nothing written. Only sheets
   * known to be protected are unprotected (some Excel builds fail unprotect on an unprotected sheet).
   */
  async unprotectSheets(ops: WriteOp[]): Promise<void> {
    const written = new Map<string, SheetPlace>();
    const add = (name: string | undefined) => {
      const place = name === undefined ? undefined : this.sheets.get(name.toLowerCase());
      if (place?.protected) written.set(place.name.toLowerCase(), place);
    };
    for (const op of ops) {
      if (op.kind === "createTable") add(op.sheet);
      else if (op.kind !== "reportSheet") add(this.tables.get(op.table.toLowerCase())?.sheet);
    }
    if (written.size === 0) return;
    const places = [...written.values()];
    for (const place of places) this.sheet(place.name).protection.unprotect();
    try {
      await this.context.sync();
    } catch (error) {
      const locked = await this.restoreProtection(places);
      if (locked.length === 0) throw error;
      const names = locked.map((name) => `"${name}"`).join(", ");
      throw new PlanRejected(
        `Nothing was written: sheet ${names} is protected with a password. Unprotect it in Excel (Review > Unprotect Sheet), run this again, then protect it again.`,
      );
    }
    this.lifted = places;
    for (const place of places) {
      place.protected = false;
      this.protectAtEnd.set(place.name.toLowerCase(), { name: place.name, options: place.protection ?? SHEET_PROTECTION });
    }
  }

  /**
   * After a failed unprotect: the sheets unprotected before the failing one are protected again as
   * they were. Returns the sheets still protected (those needing a password).
   */
  private async restoreProtection(places: SheetPlace[]): Promise<string[]> {
    const states = places.map((place) => {
      const protection = this.sheet(place.name).protection;
      protection.load("protected");
      return { place, protection };
    });
    await this.context.sync();
    const lifted = states.filter((s) => !s.protection.protected);
    for (const { place, protection } of lifted) protection.protect(place.protection ?? SHEET_PROTECTION);
    if (lifted.length > 0) await this.context.sync();
    return states.filter((s) => s.protection.protected).map((s) => s.place.name);
  }

  /** Queue every op, then the protection of the sheets that need it, and send the last request. */
  async writePlan(ops: WriteOp[]): Promise<void> {
    this.startBatch();
    for (const op of ops) {
      switch (op.kind) {
        case "createTable":
          await this.createTable(op);
          break;
        case "appendRows":
          await this.appendRows(op);
          break;
        case "setColumn":
          await this.setColumn(op);
          break;
        case "reportSheet":
          await this.reportSheet(op);
          break;
        case "markCells":
          await this.markCells(op);
          break;
        case "addColumns":
          await this.addColumns(op);
          break;
        case "deleteRows":
          await this.deleteRows(op);
          break;
        case "updateRows":
          await this.updateRows(op);
          break;
      }
    }
    for (const { name, options } of this.protectAtEnd.values()) {
      await this.queue(JSON.stringify(options).length, () => this.sheet(name).protection.protect(options));
    }
    await this.context.sync();
  }

  /** Best effort after a failed request: the sheets unprotected for the plan are protected again. */
  async protectAgainAfterFailure(): Promise<void> {
    if (this.lifted.length === 0) return;
    try {
      await this.restoreProtection(this.lifted);
    } catch {
      // The failure being reported matters more than this one.
    }
  }

  async createTable(op: CreateTableOp): Promise<void> {
    const rows = op.rows ?? [];
    const width = op.headers.length;
    const existing = this.sheets.get(op.sheet.toLowerCase());
    let sheet: Excel.Worksheet;
    if (existing) {
      sheet = this.sheet(existing.name);
      sheet.getRange().clear();
    } else {
      sheet = this.context.workbook.worksheets.add(op.sheet);
      this.sheets.set(op.sheet.toLowerCase(), { name: op.sheet, position: this.sheets.size, visibility: "Visible", protected: false });
    }
    // Formats go on before values, so a text ("@") column keeps what it is given as typed.
    const formats = op.numberFormats ?? [];
    await this.queueColumnFormats(sheet, 1, 0, Math.max(1, rows.length), formats);
    await this.queueValues(sheet, 0, 0, width, 1, () => op.headers);
    await this.queueValues(sheet, 1, 0, width, rows.length, (i) => rows[i]);
    // Values first, then made a table: faster than filling a table row by row. A header-only range
    // becomes a table with one blank row, as Excel will not hold a table without rows.
    const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, 1 + rows.length, width), true);
    table.name = op.table;
    await this.queueWidths(sheet, op.widths ?? []);
    if (op.hidden && !existing) sheet.visibility = "Hidden";
    // A sheet unprotected for the plan is protected again with its own options; a new one with ours.
    const key = op.sheet.toLowerCase();
    if (op.protect && !this.protectAtEnd.has(key)) {
      const options: Excel.WorksheetProtectionOptions = apiSupported("1.7")
        ? { ...SHEET_PROTECTION, selectionMode: "Normal" }
        : SHEET_PROTECTION;
      this.protectAtEnd.set(key, { name: existing?.name ?? op.sheet, options });
    }
    this.tables.set(op.table.toLowerCase(), {
      name: op.table,
      sheet: existing?.name ?? op.sheet,
      headerRowIndex: 0,
      columnIndex: 0,
      headers: [...op.headers],
      rowCount: rows.length,
      formats: op.headers.map((_, i) => formats[i] ?? null),
      plans: rows.map((row) => row[headerIndex(op.headers, PLAN_HEADER)] ?? null),
    });
  }

  async appendRows(op: AppendRowsOp): Promise<void> {
    const table = this.tables.get(op.table.toLowerCase())!;
    if (op.rows.length === 0) return;
    const width = table.headers.length;
    // Rows are keyed by header text, any case; the same few keys repeat on every row.
    const columnOf = new Map<string, number>();
    const toRow = (record: Record<string, CellValue>): CellValue[] => {
      const values: CellValue[] = new Array(width).fill(null);
      for (const key in record) {
        let col = columnOf.get(key);
        if (col === undefined) columnOf.set(key, (col = headerIndex(table.headers, key)));
        values[col] = record[key];
      }
      return values;
    };
    const sheet = this.sheet(table.sheet);
    // An empty table's blank row is the first row to fill.
    const top = table.headerRowIndex + 1 + table.rowCount;
    const before = table.rowCount;
    await this.queueColumnFormats(sheet, top, table.columnIndex, op.rows.length, table.formats);
    // The table is resized with each chunk, in the chunk's own request: Excel's own growth when cells
    // are written next to a table is not reliable for large writes (office-js issues #3191, #3013),
    // and a write cut short between requests leaves no rows outside the table (Undo finds them all).
    const excelTable = this.context.workbook.tables.getItem(table.name);
    await this.queueValues(
      sheet,
      top,
      table.columnIndex,
      width,
      op.rows.length,
      (i) => toRow(op.rows[i]),
      (end) => excelTable.resize(sheet.getRangeByIndexes(table.headerRowIndex, table.columnIndex, 1 + before + end, width)),
    );
    table.rowCount += op.rows.length;
    if (table.plans) {
      const col = headerIndex(table.headers, PLAN_HEADER);
      for (const row of op.rows)
        table.plans.push(col < 0 ? null : (Object.entries(row).find(([k]) => headerIndex(table.headers, k) === col)?.[1] ?? null));
    }
  }

  /** Blank columns at the table's right, by name (one call each); cells to the right move with them. */
  async addColumns(op: AddColumnsOp): Promise<void> {
    const table = this.tables.get(op.table.toLowerCase())!;
    const sheet = this.sheet(table.sheet);
    const excelTable = this.context.workbook.tables.getItem(table.name);
    for (const [i, header] of op.headers.entries()) {
      await this.queue(JSON.stringify(header).length, () => excelTable.columns.add(undefined, undefined, header));
      const format = op.numberFormats?.[i] ?? null;
      const column = table.columnIndex + table.headers.length + i;
      if (format) await this.queueColumnFormats(sheet, table.headerRowIndex + 1, column, Math.max(1, table.rowCount), [format]);
    }
    table.headers = [...table.headers, ...op.headers];
    table.formats = [...table.formats, ...op.headers.map((_, i) => op.numberFormats?.[i] ?? null)];
    if (headerIndex(op.headers, PLAN_HEADER) >= 0) table.plans = new Array<CellValue>(table.rowCount).fill(null);
  }

  /**
   * Delete the rows carrying a plan id: each run of consecutive rows is one range deleted with the
   * cells below shifted up, from the bottom up so earlier runs keep their place; all in the plan's
   * requests. Excel keeps one row in a table, so when every row goes the first is emptied instead.
   */
  async deleteRows(op: DeleteRowsOp): Promise<void> {
    const table = this.tables.get(op.table.toLowerCase())!;
    const plans = table.plans ?? [];
    const doomed = plans.flatMap((plan, i) => (plan === op.plan ? [i] : []));
    if (doomed.length === 0) return;
    const sheet = this.sheet(table.sheet);
    const width = table.headers.length;
    const top = table.headerRowIndex + 1;
    const all = doomed.length === table.rowCount;
    const runs: { start: number; count: number }[] = [];
    for (let i = 0; i < doomed.length;) {
      let j = i + 1;
      while (j < doomed.length && doomed[j] === doomed[j - 1] + 1) j++;
      runs.push({ start: doomed[i], count: j - i });
      i = j;
    }
    if (all) runs[0] = { start: 1, count: runs[0].count - 1 };
    for (const run of runs.reverse()) {
      if (run.count === 0) continue;
      await this.queue(0, () => sheet.getRangeByIndexes(top + run.start, table.columnIndex, run.count, width).delete("Up"));
    }
    if (all) await this.queue(0, () => sheet.getRangeByIndexes(top, table.columnIndex, 1, width).clear("Contents"));
    table.plans = plans.filter((plan) => plan !== op.plan);
    table.rowCount = table.plans.length;
  }

  /** Set cells of the rows carrying a plan id: one range per run of consecutive rows and column. */
  async updateRows(op: UpdateRowsOp): Promise<void> {
    const table = this.tables.get(op.table.toLowerCase())!;
    const rows = (table.plans ?? []).flatMap((plan, i) => (plan === op.plan ? [i] : []));
    const sheet = this.sheet(table.sheet);
    const top = table.headerRowIndex + 1;
    for (const [header, value] of Object.entries(op.values)) {
      const column = table.columnIndex + headerIndex(table.headers, header);
      const cell = toExcel(value);
      for (let i = 0; i < rows.length;) {
        let j = i + 1;
        while (j < rows.length && rows[j] === rows[j - 1] + 1) j++;
        const run = { start: rows[i], count: j - i };
        await this.queue(JSON.stringify(cell).length * run.count + 4, () => {
          sheet.getRangeByIndexes(top + run.start, column, run.count, 1).values = Array.from({ length: run.count }, () => [cell]);
        });
        i = j;
      }
    }
  }

  async setColumn(op: SetColumnOp): Promise<void> {
    const table = this.tables.get(op.table.toLowerCase())!;
    const col = table.columnIndex + headerIndex(table.headers, op.column);
    const sheet = this.sheet(table.sheet);
    if (op.numberFormat) await this.queueColumnFormats(sheet, table.headerRowIndex + 1, col, op.values.length, [op.numberFormat]);
    await this.queueValues(sheet, table.headerRowIndex + 1, col, 1, op.values.length, (i) => [op.values[i]]);
  }

  /**
   * Clear whole columns with one call each, then fill the cells in runs of consecutive rows of a
   * column, one range per run: a few calls for a column of bad codes, never one per cell.
   */
  async markCells(op: MarkCellsOp): Promise<void> {
    const table = this.tables.get(op.table.toLowerCase())!;
    const sheet = this.sheet(table.sheet);
    const top = table.headerRowIndex + 1;
    const columnOf = (header: string) => table.columnIndex + headerIndex(table.headers, header);
    if (table.rowCount > 0) {
      for (const column of new Set((op.clearColumns ?? []).map(columnOf))) {
        await this.queue(0, () => sheet.getRangeByIndexes(top, column, table.rowCount, 1).format.fill.clear());
      }
    }
    const rowsByColumn = new Map<number, Set<number>>();
    for (const cell of op.cells) {
      const column = columnOf(cell.column);
      let rows = rowsByColumn.get(column);
      if (!rows) rowsByColumn.set(column, (rows = new Set()));
      rows.add(cell.row);
    }
    const color = op.color;
    for (const [column, rowSet] of rowsByColumn) {
      const rows = [...rowSet].sort((a, b) => a - b);
      for (let i = 0; i < rows.length;) {
        let j = i + 1;
        while (j < rows.length && rows[j] === rows[j - 1] + 1) j++;
        const range = { row: top + rows[i], count: j - i };
        await this.queue(color === null ? 0 : color.length + 2, () => {
          const fill = sheet.getRangeByIndexes(range.row, column, range.count, 1).format.fill;
          if (color === null) fill.clear();
          else fill.color = color;
        });
        i = j;
      }
    }
  }

  async reportSheet(op: ReportSheetOp): Promise<void> {
    const key = op.sheet.toLowerCase();
    const old = this.sheets.get(key);
    const sheet = this.context.workbook.worksheets.add(old ? this.freeName(op.sheet) : op.sheet);
    if (old) {
      // Replace the old sheet in place: the new one takes its position and visibility, then its
      // name once the old one is gone (deleting first fails when it is the only sheet).
      const oldSheet = this.sheet(old.name);
      sheet.position = old.position;
      if (old.visibility !== "Visible") sheet.visibility = old.visibility as Excel.SheetVisibility;
      oldSheet.delete();
      sheet.name = op.sheet;
      this.sheets.set(key, { ...old, name: op.sheet, protected: false, protection: undefined });
    } else {
      this.sheets.set(key, { name: op.sheet, position: this.sheets.size, visibility: "Visible", protected: false });
    }
    const width = op.cells.reduce((w, r) => Math.max(w, r.length), 0);
    const below = op.headerRow === undefined ? 0 : op.headerRow + 1;
    const columns = op.columns ?? [];
    const block = (range: SheetRange) => sheet.getRangeByIndexes(range.row, range.column, range.rows, range.columns);
    if (op.cells.length > below) {
      await this.queueColumnFormats(
        sheet,
        below,
        0,
        op.cells.length - below,
        columns.map((c) => c.numberFormat ?? null),
      );
    }
    // Block formats over the column's, before the values as the column's are; a 1x1 array fills the block.
    for (const { range, numberFormat } of op.formats ?? []) {
      await this.queue(JSON.stringify(numberFormat).length + 4, () => {
        block(range).numberFormat = [[numberFormat]];
      });
    }
    await this.queueValues(sheet, 0, 0, width, op.cells.length, (i) => op.cells[i]);
    await this.queueWidths(
      sheet,
      columns.map((c) => c.width ?? null),
    );
    const boldRows = new Set([...(op.headerRow === undefined ? [] : [op.headerRow]), ...(op.boldRows ?? [])]);
    for (const row of boldRows) {
      await this.queue(0, () => {
        sheet.getRangeByIndexes(row, 0, 1, Math.max(1, width)).format.font.bold = true;
      });
    }
    // Text styles after the bold rows, so a block's own style wins.
    for (const text of op.styles ?? []) {
      const properties = [text.bold, text.italic, text.fontSize, text.align, text.borderTop].filter((p) => p !== undefined).length;
      if (properties === 0) continue;
      await this.queue(STYLE_BLOCK_BYTES + properties * STYLE_PROPERTY_BYTES, () => {
        const format = block(text.range).format;
        if (text.bold !== undefined) format.font.bold = text.bold;
        if (text.italic !== undefined) format.font.italic = text.italic;
        if (text.fontSize !== undefined) format.font.size = text.fontSize;
        if (text.align !== undefined) format.horizontalAlignment = ALIGNMENTS[text.align];
        if (text.borderTop !== undefined) format.borders.getItem("EdgeTop").style = BORDER_STYLES[text.borderTop];
      });
    }
    if (op.print) await this.printLayout(sheet, op, width);
    if (op.headerRow !== undefined) sheet.freezePanes.freezeRows(op.headerRow + 1);
    // Values first, then made tables (as createTable does); the header texts become the columns' names.
    for (const { name, range } of op.tables ?? []) {
      await this.queue(JSON.stringify(name).length + REPORT_TABLE_STYLE.length, () => {
        const table = sheet.tables.add(block(range), true);
        table.name = name;
        table.style = REPORT_TABLE_STYLE;
      });
    }
    for (const { range, greaterThan, color } of op.highlights ?? []) {
      await this.queue(color.length + 32, () => {
        const conditional = block(range).conditionalFormats.add("CellValue");
        conditional.cellValue.format.fill.color = color;
        conditional.cellValue.rule = { formula1: String(greaterThan), operator: "GreaterThan" };
      });
    }
    for (const chart of op.charts ?? []) {
      await this.queue(JSON.stringify(chart.title).length + 64, () => {
        const drawn = sheet.charts.add(CHART_TYPES[chart.type], block(chart.data), chart.seriesBy === "rows" ? "Rows" : "Columns");
        drawn.title.text = chart.title;
        // Moved onto its anchor cell with its size kept (no end cell), then sized in points.
        drawn.setPosition(sheet.getRangeByIndexes(chart.anchor.row, chart.anchor.column, 1, 1));
        drawn.width = chart.width ?? DEFAULT_CHART_WIDTH;
        drawn.height = chart.height ?? DEFAULT_CHART_HEIGHT;
      });
    }
  }

  /**
   * Letter paper, orientation, margins (points), fit to one page wide and as many tall as needed,
   * the print area (the cells written when none is given), and a manual break above each row listed.
   */
  private async printLayout(sheet: Excel.Worksheet, op: ReportSheetOp, width: number): Promise<void> {
    const print = op.print!;
    const area =
      print.area ?? (op.cells.length > 0 && width > 0 ? { row: 0, column: 0, rows: op.cells.length, columns: width } : undefined);
    await this.queue(STYLE_BLOCK_BYTES + 8 * STYLE_PROPERTY_BYTES, () => {
      const layout = sheet.pageLayout;
      layout.paperSize = "Letter";
      if (print.orientation) layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
      if (print.margins) {
        layout.topMargin = print.margins.top * POINTS_PER_INCH;
        layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
        layout.leftMargin = print.margins.left * POINTS_PER_INCH;
        layout.rightMargin = print.margins.right * POINTS_PER_INCH;
      }
      // Fit all columns on one page: one page wide, and 0 pages tall, Excel's "as many as needed".
      if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (area) layout.setPrintArea(sheet.getRangeByIndexes(area.row, area.column, area.rows, area.columns));
    });
    for (const row of print.pageBreaksBefore ?? []) {
      await this.queue(PAGE_BREAK_BYTES, () => {
        sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
      });
    }
  }

  /** A sheet name not in use, for the new sheet while the old one of the same name still exists. */
  private freeName(name: string): string {
    for (let n = 1; ; n++) {
      const candidate = `${name.slice(0, 24)} (${n})`;
      if (!this.sheets.has(candidate.toLowerCase())) return candidate;
    }
  }

  /** One number format per column over `rows` rows: a 1x1 format array fills the whole range. */
  private async queueColumnFormats(
    sheet: Excel.Worksheet,
    top: number,
    left: number,
    rows: number,
    formats: (string | null)[],
  ): Promise<void> {
    if (rows <= 0) return;
    for (const [i, format] of formats.entries()) {
      if (!format) continue;
      await this.queue(JSON.stringify(format).length + 4, () => {
        sheet.getRangeByIndexes(top, left + i, rows, 1).numberFormat = [[format]];
      });
    }
  }

  private async queueWidths(sheet: Excel.Worksheet, widths: (number | null)[]): Promise<void> {
    for (const [i, width] of widths.entries()) {
      if (!width) continue;
      await this.queue(0, () => {
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = charsToPoints(width);
      });
    }
  }

  /**
   * Write `count` rows of `width` values from (top, left) as 2-D ranges of a few thousand rows,
   * each measured exactly (JSON length of its values) before it is queued.
   */
  private async queueValues(
    sheet: Excel.Worksheet,
    top: number,
    left: number,
    width: number,
    count: number,
    rowAt: (i: number) => CellValue[],
    /** Queued with each chunk, in its request: given the chunk's end (rows written so far). */
    afterChunk?: (end: number) => void,
  ): Promise<void> {
    if (count === 0 || width === 0) return;
    const excelRow = (i: number): (string | number | boolean)[] => {
      const row = rowAt(i);
      const out = new Array<string | number | boolean>(width);
      for (let c = 0; c < width; c++) out[c] = toExcel(row[c] ?? null);
      return out;
    };
    const sample = Array.from({ length: Math.min(count, SAMPLE_ROWS) }, (_, i) => excelRow(i));
    const perChunk = chunkRows(JSON.stringify(sample).length / sample.length, width, this.budget);
    const queueChunk = async (start: number, end: number): Promise<void> => {
      const values = new Array<(string | number | boolean)[]>(end - start);
      for (let i = start; i < end; i++) values[i - start] = excelRow(i);
      const bytes = JSON.stringify(values).length;
      if (bytes > this.budget && end - start > 1) {
        const mid = start + Math.ceil((end - start) / 2);
        await queueChunk(start, mid);
        await queueChunk(mid, end);
        return;
      }
      await this.queue(bytes + (afterChunk ? OPERATION_BYTES : 0), () => {
        sheet.getRangeByIndexes(top + start, left, end - start, width).values = values;
        afterChunk?.(end);
      });
    };
    for (let start = 0; start < count; start += perChunk) await queueChunk(start, Math.min(count, start + perChunk));
  }
}
