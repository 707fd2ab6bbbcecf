// A counting fake of the slice of Office.js the Excel adapter uses: a request context whose
// workbook holds sheets (an in-memory grid each), tables, number formats, widths, bold and frozen
// rows. Like Excel, every change and load is queued and happens only at context.sync(); each sync
// is recorded with the bytes it carried (JSON of the values written, JSON of the values loaded).
// It behaves like Excel where the adapter could go wrong: a property read before it was loaded
// throws; a text written with a leading apostrophe is stored as text without it, while one starting
// with = + - @ written without it becomes a formula and "00123" or "TRUE" are coerced; a table
// cannot have zero rows; and a sync whose request or response is over 5 MB fails like Excel on
// the web (RichApi.Error RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
// A protected sheet refuses every change to its cells, formats and tables (AccessDenied) unless its
// options allow that kind of formatting; protect() on a protected sheet and unprotect() on an
// unprotected one fail (the first as documented, the second as some Excel builds do), and a
// password-protected sheet unprotects only with its password. Fills, the active sheet and the
// selection are kept, and every fill call is counted. A report's layout is kept as made: table
// styles, cell-value conditional formats (type, range, fill, rule) and charts (type, source range,
// series by, title, anchor cell, size); like Excel, they go with a deleted sheet. Text styles (italic,
// font size, horizontal alignment, the top border's line style) are kept per block as set, and
// counted; a sheet's page layout (ExcelApi 1.9: paper, orientation, margins in points, zoom, print
// area) and its manual page breaks are kept as Excel would, with Excel's checks on their values.
// Manual page breaks: Excel keeps at most 1,026 on a sheet.
import { isoToSerial } from "../../src/dates";

export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;
/** Excel's default column width in points (8.43 characters). */
export const DEFAULT_COLUMN_WIDTH = 48;

/** What a cell holds: a value, or a formula (which the fake never calculates). */
export type StoredCell = string | number | boolean | { formula: string };

export class RichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

const covers = (r: Rect, row: number, col: number) => row >= r.top && row < r.top + r.rows && col >= r.left && col < r.left + r.columns;
const overlaps = (a: Rect, b: Rect) =>
  a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;

/** A conditional format as conditionalFormats.add() and its cellValue setters left it. */
export interface FakeConditionalFormat extends Rect {
  type: string;
  /** cellValue.format.fill.color, as given. */
  fill?: string;
  rule?: { formula1: string; formula2?: string; operator: string };
}

/** A chart as charts.add() and the chart's setters left it; sizes in points. */
export interface FakeChart {
  type: string;
  data: Rect;
  seriesBy: string;
  title?: string;
  /** The top-left cell, as setPosition() placed it. */
  anchor?: { row: number; column: number };
  width: number;
  height: number;
}

/** A text style set on a block: only the properties that call set. */
export interface FakeTextStyle extends Rect {
  italic?: boolean;
  size?: number;
  /** Excel.HorizontalAlignment, as given ("Left", "Center", "Right"...). */
  align?: string;
  /** The EdgeTop border's line style, as given ("Continuous", "Dash"...). */
  borderTop?: string;
}

/** A sheet's page layout as set; margins in points, Excel's defaults until set (0.75 in, 0.7 in). */
export interface FakePageLayout {
  paperSize?: string;
  orientation?: string;
  margins: { top: number; bottom: number; left: number; right: number };
  zoom?: Excel.PageLayoutZoomOptions;
  printArea?: Rect;
}

export const MAX_PAGE_BREAKS = 1026;
const HORIZONTAL_ALIGNMENTS = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
const BORDER_LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const PAPER_TYPES = ["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5"];

/** Excel's own size for a new chart (5 by 3 inches). */
export const DEFAULT_CHART_SIZE = { width: 360, height: 216 };

export class FakeSheet {
  /** Sparse grid: rows[row][col]; undefined is a blank cell. */
  rows: (StoredCell | undefined)[][] = [];
  /** Number formats in the order they were set; the last one covering a cell wins. */
  formats: (Rect & { format: string })[] = [];
  bold: Rect[] = [];
  widths = new Map<number, number>();
  frozenRows = 0;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Fill colors ("#RRGGBB", upper case) by "row,column". */
  fills = new Map<string, string>();
  isProtected = false;
  protection: Excel.WorksheetProtectionOptions = {};
  password?: string;
  conditionalFormats: FakeConditionalFormat[] = [];
  charts: FakeChart[] = [];
  /** Text styles in the order they were set; for each property, the last block setting it over a cell wins. */
  textStyles: FakeTextStyle[] = [];
  pageLayout: FakePageLayout = { margins: { top: 54, bottom: 54, left: 50.4, right: 50.4 } };
  /** 0-based rows a manual page break goes above, in ascending order as Excel lists them. */
  pageBreaks: number[] = [];

  constructor(public name: string) {}

  /** The text style a cell ends up with: each property from the last block that set it. */
  textStyleAt(row: number, col: number): Omit<FakeTextStyle, keyof Rect> {
    const out: Omit<FakeTextStyle, keyof Rect> = {};
    for (const { top: _t, left: _l, rows: _r, columns: _c, ...style } of this.textStyles.filter((s) => covers(s, row, col))) {
      Object.assign(out, style);
    }
    return out;
  }

  fillAt(row: number, col: number): string | undefined {
    return this.fills.get(`${row},${col}`);
  }

  /** Throws like Excel when the sheet is protected and its options do not allow this change. */
  checkWritable(allowedBy?: keyof Excel.WorksheetProtectionOptions): void {
    if (this.isProtected && !(allowedBy && this.protection[allowedBy] === true)) {
      throw new RichApiError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${this.name}).`);
    }
  }

  clearFills(rect: Rect): void {
    for (const at of this.fills.keys()) {
      const [row, col] = at.split(",").map(Number);
      if (covers(rect, row, col)) this.fills.delete(at);
    }
  }

  get(row: number, col: number): StoredCell | undefined {
    return this.rows[row]?.[col];
  }

  formatAt(row: number, col: number): string {
    for (let i = this.formats.length - 1; i >= 0; i--) if (covers(this.formats[i], row, col)) return this.formats[i].format;
    return "General";
  }

  isBold(row: number, col: number): boolean {
    return this.bold.some((r) => covers(r, row, col));
  }

  /** The smallest rectangle holding every non-blank cell; undefined for a blank sheet. */
  usedRect(): Rect | undefined {
    let top = -1,
      bottom = -1,
      left = Infinity,
      right = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (cell === undefined) return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    return top < 0 ? undefined : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  clear(rect: Rect): void {
    for (let r = rect.top; r < Math.min(rect.top + rect.rows, this.rows.length); r++) {
      const row = this.rows[r];
      if (row) for (let c = rect.left; c < Math.min(rect.left + rect.columns, row.length); c++) row[c] = undefined;
    }
    this.formats = this.formats.filter((f) => !overlaps(f, rect));
    this.bold = this.bold.filter((b) => !overlaps(b, rect));
    this.textStyles = this.textStyles.filter((t) => !overlaps(t, rect));
    this.clearFills(rect);
  }
}

export class FakeTable {
  /** Set through Table.style; Excel gives a new table TableStyleMedium2. */
  style = "TableStyleMedium2";

  constructor(
    public name: string,
    public sheet: FakeSheet,
    /** 0-based row of the header and column of the first column. */
    public top: number,
    public left: number,
    public bodyRows: number,
    public columns: number,
  ) {}

  get rect(): Rect {
    return { top: this.top, left: this.left, rows: 1 + this.bodyRows, columns: this.columns };
  }
}

/** One context.sync(): bytes each way, what it did, and whether calculation was suspended. */
export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Changes applied (values, formats, sheets, tables...). */
  writes: number;
  loads: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** Error code when the sync failed. */
  failed?: string;
}

export interface FakeExcelOptions {
  /** Excel on the web's 5 MB by default; Infinity behaves like desktop Excel. */
  payloadLimitBytes?: number;
  use1904DateSystem?: boolean;
  /** Whether this host knows Workbook.use1904DateSystem (newer hosts only). */
  hasDateSystemProperty?: boolean;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  syncLog: SyncRecord[] = [];
  readonly payloadLimitBytes: number;
  readonly use1904DateSystem: boolean;
  readonly hasDateSystemProperty: boolean;
  /** The sheet the user sees, and the cells selected on it (0-based), as activate() and select() left them. */
  activeSheet?: FakeSheet;
  selection?: { sheet: string; top: number; left: number; rows: number; columns: number };
  /** Fill calls (a color set or a fill cleared) applied, each over one range. */
  fillCalls = 0;
  /** Text style calls (font bold, italic or size, alignment, border style) applied, each over one range. */
  styleCalls = 0;
  /** Recalculations asked for (Application.calculate), by type ("Full", "Recalculate"). */
  readonly calculations: string[] = [];
  private tablesMade = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? EXCEL_WEB_PAYLOAD_LIMIT;
    this.use1904DateSystem = options.use1904DateSystem ?? false;
    this.hasDateSystemProperty = options.hasDateSystemProperty ?? true;
  }

  /** The shape of Excel.run. Like Excel, changes still queued when the batch returns are synced. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending) await context.sync();
    return result;
  };

  get syncs(): number {
    return this.syncLog.length;
  }
  get writes(): number {
    return this.syncLog.reduce((n, s) => n + s.writes, 0);
  }
  get maxRequestBytes(): number {
    return this.syncLog.reduce((n, s) => Math.max(n, s.failed ? 0 : s.requestBytes), 0);
  }
  get maxResponseBytes(): number {
    return this.syncLog.reduce((n, s) => Math.max(n, s.failed ? 0 : s.responseBytes), 0);
  }
  get totalBytes(): number {
    return this.syncLog.reduce((n, s) => n + s.requestBytes + s.responseBytes, 0);
  }
  resetCounts(): void {
    this.syncLog = [];
  }

  // Setting a workbook up as an office would have it, without going through syncs.

  addSheet(name: string, cells: (StoredCell | null)[][] = []): FakeSheet {
    const sheet = new FakeSheet(name);
    cells.forEach((row, r) => row.forEach((v, c) => v !== null && v !== "" && ((sheet.rows[r] ??= [])[c] = v)));
    this.sheets.push(sheet);
    return sheet;
  }

  /** A table with its header at (top, left) of a new sheet (named after the table unless given). */
  addTable(
    name: string,
    headers: string[],
    rows: (StoredCell | null)[][],
    options: { sheet?: string; top?: number; left?: number; numberFormats?: (string | null)[] } = {},
  ): FakeTable {
    const sheet = this.sheet(options.sheet ?? name) ?? this.addSheet(options.sheet ?? name);
    const top = options.top ?? 0;
    const left = options.left ?? 0;
    headers.forEach((h, c) => ((sheet.rows[top] ??= [])[left + c] = h));
    rows.forEach((row, r) => {
      const target = (sheet.rows[top + 1 + r] ??= []);
      row.forEach((v, c) => v !== null && v !== "" && (target[left + c] = v));
    });
    const bodyRows = Math.max(1, rows.length);
    (options.numberFormats ?? []).forEach(
      (format, c) => format && sheet.formats.push({ top: top + 1, left: left + c, rows: bodyRows, columns: 1, format }),
    );
    const table = new FakeTable(name, sheet, top, left, bodyRows, headers.length);
    this.tables.push(table);
    return table;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, row: number, col: number): StoredCell | undefined {
    return this.sheet(sheet)?.get(row, col);
  }

  /** Every stored cell of every sheet, for "nothing changed" checks. */
  /** Protect a sheet as an office would have it, without going through syncs. */
  protectSheet(name: string, options: Excel.WorksheetProtectionOptions = {}, password?: string): void {
    const sheet = this.sheet(name)!;
    sheet.isProtected = true;
    sheet.protection = { ...options };
    sheet.password = password;
  }

  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({
        name: s.name,
        rows: s.rows,
        formats: s.formats,
        visibility: s.visibility,
        fills: [...s.fills],
        protected: s.isProtected,
        protection: s.protection,
        conditionalFormats: s.conditionalFormats,
        charts: s.charts,
        bold: s.bold,
        textStyles: s.textStyles,
        pageLayout: s.pageLayout,
        pageBreaks: s.pageBreaks,
      })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect, style: t.style })),
    });
  }

  nextTableName(): string {
    let name: string;
    do name = `Table${++this.tablesMade}`;
    while (this.table(name));
    return name;
  }
}

const notFound = (what: string) => new RichApiError("ItemNotFound", `The requested resource doesn't exist. (${what})`);
const invalid = (why: string) =>
  new RichApiError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${why})`);

interface QueuedOp {
  requestBytes: number;
  kind: "write" | "load" | "suspendCalculation" | "suspendScreenUpdating";
  /** Loads return their response bytes and what to keep once the whole sync succeeded. */
  run: () => void | { bytes: number; commit: () => void };
}

class FakeContext {
  readonly workbook: WorkbookProxy;
  private ops: QueuedOp[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  get pending(): boolean {
    return this.ops.length > 0;
  }

  enqueue(op: QueuedOp): void {
    this.ops.push(op);
  }

  write(requestBytes: number, run: () => void): void {
    this.enqueue({ requestBytes, kind: "write", run });
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const record: SyncRecord = {
      requestBytes: ops.reduce((n, op) => n + op.requestBytes, 0),
      responseBytes: 0,
      writes: 0,
      loads: 0,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    this.excel.syncLog.push(record);
    await Promise.resolve(); // a round trip: never synchronous
    const limit = this.excel.payloadLimitBytes;
    if (record.requestBytes > limit) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw new RichApiError(record.failed, `The request payload size has exceeded the limit (${record.requestBytes} bytes).`);
    }
    const commits: (() => void)[] = [];
    try {
      for (const op of ops) {
        const result = op.run();
        if (op.kind === "write") record.writes++;
        else if (op.kind === "suspendCalculation") record.calculationSuspended = true;
        else if (op.kind === "suspendScreenUpdating") record.screenUpdatingSuspended = true;
        else if (result) {
          record.loads++;
          record.responseBytes += result.bytes;
          commits.push(result.commit);
        }
      }
    } catch (error) {
      record.failed = error instanceof RichApiError ? error.code : "GeneralException";
      throw error;
    }
    if (record.responseBytes > limit) {
      record.failed = "ResponsePayloadSizeLimitExceeded";
      throw new RichApiError(record.failed, `The response payload size has exceeded the limit (${record.responseBytes} bytes).`);
    }
    for (const commit of commits) commit();
  }
}

/** Property names from a load() argument: "a,b", ["a","b"] or "items/a,items/b". */
function propertyNames(props: string | string[] | undefined): string[] {
  const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
  // An empty load() fetches every property: slow in Excel, and not something the adapter may do.
  if (list.length === 0) throw new Error("load() without property names is not allowed: name what you need");
  return list;
}

abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private bound: T | null = null;

  constructor(
    protected readonly context: FakeContext,
    private readonly resolver: () => T | null,
    protected readonly orNull = false,
    /** Sheets and tables, once found, stay the same object (Excel binds a proxy to its id), even renamed. */
    private readonly bindOnce = false,
  ) {}

  private target(): T | null {
    if (this.bound !== null) return this.bound;
    const found = this.resolver();
    if (this.bindOnce) this.bound = found;
    return found;
  }

  /** The object this proxy stands for, looked up when a queued operation runs. */
  resolve(): T {
    const target = this.target();
    if (target === null) throw notFound(this.constructor.name);
    return target;
  }

  protected abstract read(target: T, prop: string): unknown;

  protected property<V>(prop: string): V {
    if (!this.loaded.has(prop)) {
      throw new RichApiError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as V;
  }

  get isNullObject(): boolean {
    return this.property("isNullObject");
  }

  load(props?: string | string[]): this {
    const names = propertyNames(props);
    this.context.enqueue({
      requestBytes: 0,
      kind: "load",
      run: () => {
        const target = this.target();
        if (target === null) {
          if (!this.orNull) throw notFound(`${this.constructor.name} ${names.join(",")}`);
          return { bytes: 4, commit: () => this.loaded.set("isNullObject", true) };
        }
        const values = names.map((name) => [name, this.read(target, name)] as const);
        const bytes = values.reduce((n, [, v]) => n + JSON.stringify(v).length, 0);
        return {
          bytes,
          commit: () => {
            this.loaded.set("isNullObject", false);
            for (const [name, v] of values) this.loaded.set(name, v);
          },
        };
      },
    });
    return this;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
    calculate(type: string): void;
  };

  constructor(private readonly context: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context);
    this.application = {
      suspendApiCalculationUntilNextSync: () => context.enqueue({ requestBytes: 0, kind: "suspendCalculation", run: () => undefined }),
      suspendScreenUpdatingUntilNextSync: () => context.enqueue({ requestBytes: 0, kind: "suspendScreenUpdating", run: () => undefined }),
      calculate: (type) => context.write(8, () => void context.excel.calculations.push(type)),
    };
    // Older hosts do not know the property at all: `"use1904DateSystem" in workbook` is false.
    if (context.excel.hasDateSystemProperty) {
      let loaded: boolean | undefined;
      Object.defineProperty(this, "use1904DateSystem", {
        get: () => {
          if (loaded === undefined) throw new RichApiError("PropertyNotLoaded", "The property 'use1904DateSystem' is not available.");
          return loaded;
        },
        enumerable: true,
      });
      Object.defineProperty(this, "load", {
        value: (props: string) => {
          if (propertyNames(props).join() !== "use1904DateSystem")
            throw new Error(`the fake workbook loads only use1904DateSystem, not ${props}`);
          context.enqueue({
            requestBytes: 0,
            kind: "load",
            run: () => ({ bytes: 5, commit: () => (loaded = context.excel.use1904DateSystem) }),
          });
        },
      });
    }
  }
}

class WorksheetCollectionProxy {
  private loadedItems?: WorksheetProxy[];

  constructor(private readonly context: FakeContext) {}

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw new RichApiError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loadedItems;
  }

  load(props: string): void {
    const names = propertyNames(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      requestBytes: 0,
      kind: "load",
      run: () => {
        const sheets = [...this.context.excel.sheets];
        const items = sheets.map((sheet) => {
          const proxy = new WorksheetProxy(this.context, () => sheet);
          return { proxy, values: names.map((n) => [n, proxy.readProperty(sheet, n)] as const) };
        });
        return {
          bytes: JSON.stringify(items.map((i) => i.values)).length,
          commit: () => {
            for (const item of items) item.proxy.setLoaded(item.values);
            this.loadedItems = items.map((i) => i.proxy);
          },
        };
      },
    });
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.excel.sheet(name) ?? null);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.excel.sheet(name) ?? null, true);
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.context.write(JSON.stringify(name).length, () => {
      const excel = this.context.excel;
      if (excel.sheet(name)) throw new RichApiError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      checkSheetName(name);
      excel.sheets.push((created = new FakeSheet(name)));
    });
    return new WorksheetProxy(this.context, () => created);
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw invalid(`sheet name "${name}"`);
}

class WorksheetProxy extends ClientObject<FakeSheet> {
  readonly tables: { add(address: RangeProxy | string, hasHeaders: boolean): TableProxy };
  readonly charts: { add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy };
  readonly freezePanes: { freezeRows(count: number): void };
  readonly protection: WorksheetProtectionProxy;
  readonly pageLayout: PageLayoutProxy;
  readonly horizontalPageBreaks: { add(pageBreakRange: RangeProxy | string): void };
  constructor(context: FakeContext, resolver: () => FakeSheet | null, orNull = false) {
    super(context, resolver, orNull, true);
    this.pageLayout = new PageLayoutProxy(context, () => this.resolve());
    this.horizontalPageBreaks = {
      add: (pageBreakRange) => {
        if (typeof pageBreakRange === "string") throw new Error("the fake's horizontalPageBreaks.add takes a Range");
        context.write(16, () => {
          const sheet = this.resolve();
          const ref = pageBreakRange.resolve();
          if (ref.sheet !== sheet) throw invalid("a page break's range is on another sheet");
          if (ref.top === 0) throw invalid("a page break cannot go above the first row");
          if (sheet.pageBreaks.includes(ref.top)) return; // Excel keeps one break per row
          if (sheet.pageBreaks.length >= MAX_PAGE_BREAKS)
            throw new RichApiError("InvalidOperation", `A sheet holds at most ${MAX_PAGE_BREAKS} page breaks.`);
          sheet.pageBreaks.push(ref.top);
          sheet.pageBreaks.sort((a, b) => a - b);
        });
      },
    };
    this.tables = { add: (address, hasHeaders) => this.addTable(address, hasHeaders) };
    this.charts = { add: (type, sourceData, seriesBy) => this.addChart(type, sourceData, seriesBy ?? "Auto") };
    this.freezePanes = {
      freezeRows: (count) => context.write(8, () => void (this.resolve().frozenRows = count)),
    };
    // Loaded either on its own or through the sheet ("protection/protected").
    this.protection = new WorksheetProtectionProxy(
      context,
      () => this.resolve(),
      (prop) => ({ loaded: this.loaded.has(`protection/${prop}`), value: this.loaded.get(`protection/${prop}`) }),
    );
  }

  /** Like Excel, a hidden sheet cannot be made the active one. */
  activate(): void {
    this.context.write(4, () => {
      const sheet = this.resolve();
      if (sheet.visibility !== "Visible") throw new RichApiError("InvalidOperation", `A hidden sheet (${sheet.name}) cannot be activated.`);
      this.context.excel.activeSheet = sheet;
    });
  }

  setLoaded(values: readonly (readonly [string, unknown])[]): void {
    this.loaded.set("isNullObject", false);
    for (const [name, v] of values) this.loaded.set(name, v);
  }

  readProperty(sheet: FakeSheet, prop: string): unknown {
    return this.read(sheet, prop);
  }

  protected read(sheet: FakeSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.context.excel.sheets.indexOf(sheet);
      case "protection/protected":
        return sheet.isProtected;
      case "protection/options":
        return { ...sheet.protection };
      default:
        throw invalid(`the fake worksheet has no property ${prop}`);
    }
  }

  get name(): string {
    return this.property("name");
  }
  set name(value: string) {
    this.context.write(JSON.stringify(value).length, () => {
      const sheet = this.resolve();
      const other = this.context.excel.sheet(value);
      if (other && other !== sheet) throw new RichApiError("ItemAlreadyExists", `A sheet named "${value}" already exists.`);
      checkSheetName(value);
      sheet.name = value;
    });
  }

  get visibility(): string {
    return this.property("visibility");
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.context.write(12, () => {
      const sheet = this.resolve();
      if (value !== "Visible" && this.context.excel.sheets.every((s) => s === sheet || s.visibility !== "Visible")) {
        throw new RichApiError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      sheet.visibility = value;
    });
  }

  get position(): number {
    return this.property("position");
  }
  set position(value: number) {
    this.context.write(4, () => {
      const sheet = this.resolve();
      const sheets = this.context.excel.sheets;
      if (value < 0 || value >= sheets.length) throw invalid(`position ${value}`);
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  delete(): void {
    this.context.write(4, () => {
      const sheet = this.resolve();
      const excel = this.context.excel;
      if (excel.sheets.every((s) => s === sheet || s.visibility !== "Visible")) {
        throw new RichApiError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      excel.sheets.splice(excel.sheets.indexOf(sheet), 1);
      for (let i = excel.tables.length - 1; i >= 0; i--) if (excel.tables[i].sheet === sheet) excel.tables.splice(i, 1);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => ({
      sheet: this.resolve(),
      top: startRow,
      left: startColumn,
      rows: rowCount,
      columns: columnCount,
    }));
  }

  /** Only the whole sheet (no address): the adapter never builds A1 addresses. */
  getRange(address?: string): RangeProxy {
    if (address !== undefined) throw new Error("the fake supports getRange() for the whole sheet only");
    return new RangeProxy(this.context, () => ({ sheet: this.resolve(), top: 0, left: 0, rows: SHEET_ROWS, columns: SHEET_COLUMNS }));
  }

  /** Like Excel, a blank sheet's used range is A1. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly; // the fake's sheets hold no formatting-only cells worth counting
    return new RangeProxy(this.context, () => {
      const sheet = this.resolve();
      return { sheet, ...(sheet.usedRect() ?? { top: 0, left: 0, rows: 1, columns: 1 }) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.resolve();
        const used = sheet.usedRect();
        return used ? { sheet, ...used } : null;
      },
      true,
    );
  }

  private addChart(type: string, sourceData: RangeProxy, seriesBy: string): ChartProxy {
    let made: FakeChart | undefined;
    this.context.write(JSON.stringify(type).length + 16, () => {
      if (!["ColumnClustered", "ColumnStacked", "Pie"].includes(type))
        throw new Error(`the fake draws column and pie charts only, not ${type}`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalid(`chart series by ${seriesBy}`);
      const sheet = this.resolve();
      const ref = sourceData.resolve();
      if (ref.sheet !== sheet) throw new Error("the fake draws a chart of data on its own sheet only");
      sheet.checkWritable("allowEditObjects");
      made = { type, data: { top: ref.top, left: ref.left, rows: ref.rows, columns: ref.columns }, seriesBy, ...DEFAULT_CHART_SIZE };
      sheet.charts.push(made);
    });
    return new ChartProxy(this.context, () => {
      if (!made) throw new Error("the chart was not made");
      return made;
    });
  }

  private addTable(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    if (typeof address === "string") throw new Error("the fake's tables.add takes a Range");
    if (!hasHeaders) throw new Error("the fake makes tables with headers only");
    let created: FakeTable | null = null;
    this.context.write(16, () => {
      const excel = this.context.excel;
      const ref = address.resolve();
      ref.sheet.checkWritable();
      // Excel will not hold a table without rows: a header-only range gets one blank row.
      const bodyRows = Math.max(1, ref.rows - 1);
      const table = new FakeTable(excel.nextTableName(), ref.sheet, ref.top, ref.left, bodyRows, ref.columns);
      if (excel.tables.some((t) => t.sheet === ref.sheet && overlaps(t.rect, table.rect))) {
        throw new RichApiError("InvalidOperation", "A table can't overlap another table.");
      }
      const header = (ref.sheet.rows[ref.top] ??= []);
      for (let c = 0; c < ref.columns; c++) {
        const v = header[ref.left + c];
        if (v === undefined || v === "") header[ref.left + c] = `Column${c + 1}`;
        else if (typeof v !== "string") header[ref.left + c] = typeof v === "object" ? v.formula : String(v);
      }
      excel.tables.push((created = table));
    });
    return new TableProxy(this.context, () => created);
  }
}

/** Worksheet.pageLayout: every setter is queued, checked as Excel checks it, and kept on the sheet. */
class PageLayoutProxy {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  private set(bytes: number, apply: (layout: FakePageLayout) => void): void {
    this.context.write(bytes, () => apply(this.sheet().pageLayout));
  }

  private margin(side: keyof FakePageLayout["margins"], points: number): void {
    this.set(8, (layout) => {
      if (!(typeof points === "number" && points >= 0 && points < 49 * 72)) throw invalid(`${side} margin ${points}`);
      layout.margins[side] = points;
    });
  }

  set paperSize(paper: string) {
    this.set(JSON.stringify(paper).length, (layout) => {
      if (!PAPER_TYPES.includes(paper)) throw invalid(`paper size ${paper}`);
      layout.paperSize = paper;
    });
  }
  set orientation(orientation: string) {
    this.set(JSON.stringify(orientation).length, (layout) => {
      if (orientation !== "Portrait" && orientation !== "Landscape") throw invalid(`orientation ${orientation}`);
      layout.orientation = orientation;
    });
  }
  set topMargin(points: number) {
    this.margin("top", points);
  }
  set bottomMargin(points: number) {
    this.margin("bottom", points);
  }
  set leftMargin(points: number) {
    this.margin("left", points);
  }
  set rightMargin(points: number) {
    this.margin("right", points);
  }
  /** Set as a whole object, as Office.js requires; fit to pages and a scale exclude each other. */
  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    this.set(JSON.stringify(zoom).length, (layout) => {
      const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
      const fits = zoom.horizontalFitToPages !== undefined || zoom.verticalFitToPages !== undefined;
      if (!pages(zoom.horizontalFitToPages) || !pages(zoom.verticalFitToPages)) throw invalid(`zoom ${JSON.stringify(zoom)}`);
      if (zoom.scale !== undefined && (fits || !(zoom.scale >= 10 && zoom.scale <= 400))) throw invalid(`zoom ${JSON.stringify(zoom)}`);
      layout.zoom = { ...zoom };
    });
  }

  setPrintArea(printArea: RangeProxy | string): void {
    if (typeof printArea === "string") throw new Error("the fake's setPrintArea takes a Range");
    this.set(16, (layout) => {
      const ref = printArea.resolve();
      if (ref.sheet !== this.sheet()) throw invalid("a print area on another sheet");
      layout.printArea = { top: ref.top, left: ref.left, rows: ref.rows, columns: ref.columns };
    });
  }
}

class WorksheetProtectionProxy extends ClientObject<FakeSheet> {
  constructor(
    context: FakeContext,
    resolver: () => FakeSheet | null,
    private readonly throughSheet: (prop: string) => { loaded: boolean; value: unknown },
  ) {
    super(context, resolver);
  }

  protected read(sheet: FakeSheet, prop: string): unknown {
    if (prop === "protected") return sheet.isProtected;
    if (prop === "options") return { ...sheet.protection };
    throw invalid(`the fake worksheet protection has no property ${prop}`);
  }

  private value<V>(prop: string): V {
    const loaded = this.throughSheet(prop);
    return loaded.loaded ? (loaded.value as V) : this.property<V>(prop);
  }

  get protected(): boolean {
    return this.value("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.value("options");
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.context.write(JSON.stringify(options ?? {}).length, () => {
      const sheet = this.resolve();
      if (sheet.isProtected) throw new RichApiError("InvalidOperation", `The sheet ${sheet.name} is already protected.`);
      sheet.isProtected = true;
      sheet.protection = { ...options };
      sheet.password = password;
    });
  }

  unprotect(password?: string): void {
    this.context.write(8, () => {
      const sheet = this.resolve();
      if (!sheet.isProtected) throw new RichApiError("AccessDenied", `The sheet ${sheet.name} is not protected.`);
      if (sheet.password !== undefined && sheet.password !== password)
        throw new RichApiError("InvalidArgument", "The password is incorrect.");
      sheet.isProtected = false;
      sheet.password = undefined;
    });
  }
}

interface RangeRef extends Rect {
  sheet: FakeSheet;
}

/** Text as Excel takes it when typed into a cell of the given number format. */
function storedValue(input: unknown, format: string, date1904: boolean): StoredCell | undefined {
  if (input === "") return undefined;
  if (typeof input === "number" || typeof input === "boolean") return input;
  if (typeof input !== "string") throw invalid(`cell value ${String(input)}`);
  if (input.startsWith("'")) return input.slice(1); // Excel's text mark: kept as the prefix, not in the value
  if (format === "@") return input;
  const text = input.trim();
  if (/^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return Number(text.replace(/,/g, ""));
  if (/^[+-]?\d+(\.\d+)?%$/.test(text)) return Number(text.slice(0, -1)) / 100;
  if (/^\$[\d,]+(\.\d+)?$/.test(text)) return Number(text.slice(1).replace(/,/g, ""));
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isoToSerial(text, date1904 ? 1904 : 1900);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return isoToSerial(`${us[3]}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}`, date1904 ? 1904 : 1900);
  if (/^[=+\-@]/.test(input)) return { formula: input.startsWith("=") ? input : "=" + input };
  return input;
}

/** What `values` gives for a cell: a formula's result is never calculated here, so it reads as an error. */
function shownValue(cell: StoredCell | undefined): string | number | boolean {
  if (cell === undefined) return "";
  if (typeof cell === "object") return "#NAME?";
  return cell;
}

class RangeProxy extends ClientObject<RangeRef> {
  readonly format: {
    columnWidth: number;
    horizontalAlignment: string;
    font: { bold: boolean; italic: boolean; size: number };
    fill: { color: string; clear(): void };
    borders: { getItem(index: string): { style: string } };
  };
  readonly conditionalFormats: { add(type: string): ConditionalFormatProxy };

  constructor(context: FakeContext, resolver: () => RangeRef | null, orNull = false) {
    super(
      context,
      () => {
        const ref = resolver();
        if (
          ref &&
          (ref.top < 0 ||
            ref.left < 0 ||
            ref.rows < 1 ||
            ref.columns < 1 ||
            ref.top + ref.rows > SHEET_ROWS ||
            ref.left + ref.columns > SHEET_COLUMNS)
        ) {
          throw invalid(`range at row ${ref.top}, column ${ref.left}, ${ref.rows}x${ref.columns} is outside the sheet`);
        }
        return ref;
      },
      orNull,
    );
    const write = (bytes: number, run: (ref: RangeRef) => void) => context.write(bytes, () => run(this.resolve()));
    const notLoaded = (what: string) => new RichApiError("PropertyNotLoaded", `The fake does not load ${what}.`);
    /** A text style over the range, kept as one block (never per cell) and counted. */
    const style = (bytes: number, check: () => void, set: Omit<FakeTextStyle, keyof Rect>) =>
      write(bytes, (ref) => {
        ref.sheet.checkWritable("allowFormatCells");
        check();
        context.excel.styleCalls++;
        ref.sheet.textStyles.push({ top: ref.top, left: ref.left, rows: ref.rows, columns: ref.columns, ...set });
      });
    this.format = {
      get columnWidth(): number {
        throw new RichApiError("PropertyNotLoaded", "The fake does not load column widths.");
      },
      get horizontalAlignment(): string {
        throw notLoaded("alignment");
      },
      set horizontalAlignment(align: string) {
        style(
          JSON.stringify(align).length,
          () => {
            if (!HORIZONTAL_ALIGNMENTS.includes(align)) throw invalid(`horizontal alignment ${align}`);
          },
          { align },
        );
      },
      borders: {
        getItem: (index: string) => ({
          get style(): string {
            throw notLoaded("borders");
          },
          set style(line: string) {
            style(
              JSON.stringify(index + line).length,
              () => {
                if (!BORDER_INDEXES.includes(index)) throw invalid(`border ${index}`);
                if (!BORDER_LINE_STYLES.includes(line)) throw invalid(`border line style ${line}`);
                if (index !== "EdgeTop") throw new Error(`the fake keeps the top border only, not ${index}`);
              },
              { borderTop: line },
            );
          },
        }),
      },
      set columnWidth(points: number) {
        write(8, (ref) => {
          ref.sheet.checkWritable("allowFormatColumns");
          for (let c = ref.left; c < ref.left + ref.columns; c++) ref.sheet.widths.set(c, points);
        });
      },
      font: {
        get bold(): boolean {
          throw new RichApiError("PropertyNotLoaded", "The fake does not load bold.");
        },
        set bold(on: boolean) {
          write(8, (ref) => {
            ref.sheet.checkWritable("allowFormatCells");
            context.excel.styleCalls++;
            if (on) ref.sheet.bold.push({ top: ref.top, left: ref.left, rows: ref.rows, columns: ref.columns });
            else ref.sheet.bold = ref.sheet.bold.filter((b) => !overlaps(b, ref));
          });
        },
        get italic(): boolean {
          throw notLoaded("italic");
        },
        set italic(on: boolean) {
          style(
            8,
            () => {
              if (typeof on !== "boolean") throw invalid(`italic ${String(on)}`);
            },
            { italic: on },
          );
        },
        get size(): number {
          throw notLoaded("font sizes");
        },
        set size(points: number) {
          style(
            8,
            () => {
              if (!(typeof points === "number" && points >= 1 && points <= 409)) throw invalid(`font size ${points}`);
            },
            { size: points },
          );
        },
      },
      fill: {
        get color(): string {
          throw new RichApiError("PropertyNotLoaded", "The fake does not load fills.");
        },
        set color(color: string) {
          write(JSON.stringify(color).length, (ref) => {
            ref.sheet.checkWritable("allowFormatCells");
            // Excel also takes color names; the adapter is held to the "#RRGGBB" the port allows.
            if (!/^#[0-9A-F]{6}$/i.test(color)) throw invalid(`fill color ${color}`);
            context.excel.fillCalls++;
            for (let r = ref.top; r < ref.top + ref.rows; r++) {
              for (let c = ref.left; c < ref.left + ref.columns; c++) ref.sheet.fills.set(`${r},${c}`, color.toUpperCase());
            }
          });
        },
        clear: () => {
          write(4, (ref) => {
            ref.sheet.checkWritable("allowFormatCells");
            context.excel.fillCalls++;
            ref.sheet.clearFills(ref);
          });
        },
      },
    };
    this.conditionalFormats = { add: (type) => new ConditionalFormatProxy(context, this, type) };
  }

  /** One cell by its position from the range's top-left; like Excel, it may lie outside the range (not the sheet). */
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const ref = this.resolve();
      return { sheet: ref.sheet, top: ref.top + row, left: ref.left + column, rows: 1, columns: 1 };
    });
  }

  /** Select the range, making its sheet the active one (a hidden sheet's cells cannot be selected). */
  select(): void {
    this.context.write(4, () => {
      const ref = this.resolve();
      if (ref.sheet.visibility !== "Visible")
        throw new RichApiError("InvalidOperation", `Cells of a hidden sheet (${ref.sheet.name}) cannot be selected.`);
      this.context.excel.activeSheet = ref.sheet;
      this.context.excel.selection = { sheet: ref.sheet.name, top: ref.top, left: ref.left, rows: ref.rows, columns: ref.columns };
    });
  }

  protected read(ref: RangeRef, prop: string): unknown {
    switch (prop) {
      case "values": {
        if (ref.rows * ref.columns > 5_000_000)
          throw new RichApiError("ResponsePayloadSizeLimitExceeded", "More than 5 million cells asked for at once.");
        const out = new Array<(string | number | boolean)[]>(ref.rows);
        for (let r = 0; r < ref.rows; r++) {
          const row = ref.sheet.rows[ref.top + r];
          const values = new Array<string | number | boolean>(ref.columns);
          for (let c = 0; c < ref.columns; c++) values[c] = shownValue(row?.[ref.left + c]);
          out[r] = values;
        }
        return out;
      }
      case "numberFormat":
        return Array.from({ length: ref.rows }, (_, r) =>
          Array.from({ length: ref.columns }, (_, c) => ref.sheet.formatAt(ref.top + r, ref.left + c)),
        );
      case "rowIndex":
        return ref.top;
      case "columnIndex":
        return ref.left;
      case "rowCount":
        return ref.rows;
      case "columnCount":
        return ref.columns;
      default:
        throw invalid(`the fake range has no property ${prop}`);
    }
  }

  get values(): (string | number | boolean)[][] {
    return this.property("values");
  }
  set values(values: unknown[][]) {
    this.context.write(JSON.stringify(values).length, () => {
      const ref = this.resolve();
      ref.sheet.checkWritable();
      if (values.length !== ref.rows || values.some((row) => row.length !== ref.columns)) {
        throw invalid(
          `the input array is ${values.length} rows by ${values[0]?.length ?? 0} columns for a range of ${ref.rows} by ${ref.columns}`,
        );
      }
      const date1904 = this.context.excel.use1904DateSystem;
      for (let r = 0; r < ref.rows; r++) {
        const target = (ref.sheet.rows[ref.top + r] ??= []);
        const source = values[r];
        for (let c = 0; c < ref.columns; c++) {
          const input = source[c];
          if (input === null || input === undefined) continue; // null leaves a cell as it is, as in Office.js
          const col = ref.left + c;
          // The format matters only for text typed without the apostrophe.
          const format = typeof input === "string" && !input.startsWith("'") ? ref.sheet.formatAt(ref.top + r, col) : "General";
          target[col] = storedValue(input, format, date1904);
        }
      }
    });
  }

  get numberFormat(): string[][] {
    return this.property("numberFormat");
  }
  /** A 1x1 array fills the whole range, as in Excel; otherwise one format per cell. */
  set numberFormat(formats: string[][]) {
    this.context.write(JSON.stringify(formats).length, () => {
      const ref = this.resolve();
      ref.sheet.checkWritable("allowFormatCells");
      if (formats.length === 1 && formats[0].length === 1) {
        ref.sheet.formats.push({ top: ref.top, left: ref.left, rows: ref.rows, columns: ref.columns, format: formats[0][0] });
        return;
      }
      if (formats.length !== ref.rows || formats.some((row) => row.length !== ref.columns)) throw invalid("number format array size");
      formats.forEach((row, r) =>
        row.forEach((format, c) => ref.sheet.formats.push({ top: ref.top + r, left: ref.left + c, rows: 1, columns: 1, format })),
      );
    });
  }

  get rowIndex(): number {
    return this.property("rowIndex");
  }
  get columnIndex(): number {
    return this.property("columnIndex");
  }
  get rowCount(): number {
    return this.property("rowCount");
  }
  get columnCount(): number {
    return this.property("columnCount");
  }

  getRow(row: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const ref = this.resolve();
      return { ...ref, top: ref.top + row, rows: 1 };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const ref = this.resolve();
      return { ...ref, rows: ref.rows + deltaRows, columns: ref.columns + deltaColumns };
    });
  }

  /**
   * Delete the range's cells, shifting the cells below up within its columns (values, number formats
   * and fills). Like Excel, a block of whole table rows (the table's full width, inside its body)
   * shrinks the table; a block cutting a table any other way is refused, and a table keeps one row.
   */
  delete(shift: string): void {
    this.context.write(8, () => {
      const ref = this.resolve();
      ref.sheet.checkWritable();
      if (shift !== "Up") throw new Error(`the fake deletes with shift Up only, not ${shift}`);
      const sheetTables = this.context.excel.tables.filter((t) => t.sheet === ref.sheet);
      for (const t of sheetTables) {
        const inColumns = ref.left < t.left + t.columns && t.left < ref.left + ref.columns;
        const below = ref.top > t.top + t.bodyRows;
        if (!inColumns || below) continue;
        const wholeRows =
          ref.left === t.left && ref.columns === t.columns && ref.top > t.top && ref.top + ref.rows <= t.top + 1 + t.bodyRows;
        if (!wholeRows || ref.rows >= t.bodyRows) throw invalid("this operation would move cells in a table on your worksheet");
      }
      const sheet = ref.sheet;
      for (let r = ref.top; r < sheet.rows.length; r++) {
        const from = sheet.rows[r + ref.rows];
        const row = (sheet.rows[r] ??= []);
        for (let c = ref.left; c < ref.left + ref.columns; c++) row[c] = from?.[c];
      }
      const cols = { left: ref.left, columns: ref.columns };
      const within = (f: Rect) => f.left >= cols.left && f.left + f.columns <= cols.left + cols.columns;
      sheet.formats = sheet.formats.flatMap((f) => {
        if (!within(f) || f.top + f.rows <= ref.top) return [f];
        const cut = Math.max(0, Math.min(f.top + f.rows, ref.top + ref.rows) - Math.max(f.top, ref.top));
        const top = f.top >= ref.top + ref.rows ? f.top - ref.rows : Math.min(f.top, ref.top);
        return f.rows - cut > 0 ? [{ ...f, top, rows: f.rows - cut }] : [];
      });
      const fills = new Map<string, string>();
      for (const [at, color] of sheet.fills) {
        const [r, c] = at.split(",").map(Number);
        if (c < cols.left || c >= cols.left + cols.columns || r < ref.top) fills.set(at, color);
        else if (r >= ref.top + ref.rows) fills.set(`${r - ref.rows},${c}`, color);
      }
      sheet.fills = fills;
      for (const t of sheetTables)
        if (ref.left === t.left && ref.columns === t.columns && ref.top > t.top && ref.top <= t.top + t.bodyRows) t.bodyRows -= ref.rows;
    });
  }

  clear(applyTo?: string): void {
    this.context.write(4, () => {
      const ref = this.resolve();
      ref.sheet.checkWritable();
      if (applyTo === "Contents") {
        for (let r = ref.top; r < Math.min(ref.top + ref.rows, ref.sheet.rows.length); r++) {
          const row = ref.sheet.rows[r];
          if (row) for (let c = ref.left; c < Math.min(ref.left + ref.columns, row.length); c++) row[c] = undefined;
        }
      } else if (ref.rows === SHEET_ROWS && ref.columns === SHEET_COLUMNS) {
        ref.sheet.rows = [];
        ref.sheet.formats = [];
        ref.sheet.bold = [];
        ref.sheet.textStyles = [];
        ref.sheet.fills = new Map();
      } else ref.sheet.clear(ref);
    });
  }
}

class TableCollectionProxy {
  private loadedItems?: TableProxy[];

  constructor(private readonly context: FakeContext) {}

  get items(): TableProxy[] {
    if (!this.loadedItems) throw new RichApiError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loadedItems;
  }

  load(props: string): void {
    const names = propertyNames(props).map((p) => p.replace(/^items\//, ""));
    this.context.enqueue({
      requestBytes: 0,
      kind: "load",
      run: () => {
        const items = this.context.excel.tables.map((table) => {
          const proxy = new TableProxy(this.context, () => table);
          return { proxy, values: names.map((n) => [n, proxy.readProperty(table, n)] as const) };
        });
        return {
          bytes: JSON.stringify(items.map((i) => i.values)).length,
          commit: () => {
            for (const item of items) item.proxy.setLoaded(item.values);
            this.loadedItems = items.map((i) => i.proxy);
          },
        };
      },
    });
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.excel.table(name) ?? null);
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.excel.table(name) ?? null, true);
  }
}

/**
 * A conditional format being made: add() queues it over the range, and its cellValue fill color and
 * rule are queued as they are set (the fake supports the cell-value type only).
 */
class ConditionalFormatProxy {
  readonly cellValue: { format: { fill: { color: string } }; rule: { formula1: string; formula2?: string; operator: string } };

  constructor(context: FakeContext, range: RangeProxy, type: string) {
    let made: FakeConditionalFormat | undefined;
    context.write(JSON.stringify(type).length, () => {
      if (type !== "CellValue") throw new Error(`the fake makes cell-value conditional formats only, not ${type}`);
      const ref = range.resolve();
      ref.sheet.checkWritable("allowFormatCells");
      made = { type, top: ref.top, left: ref.left, rows: ref.rows, columns: ref.columns };
      ref.sheet.conditionalFormats.push(made);
    });
    const format = () => {
      if (!made) throw new Error("the conditional format was not made");
      return made;
    };
    const notLoaded = () => new RichApiError("PropertyNotLoaded", "The fake does not load conditional formats.");
    this.cellValue = {
      format: {
        fill: {
          get color(): string {
            throw notLoaded();
          },
          set color(color: string) {
            context.write(JSON.stringify(color).length, () => {
              if (!/^#[0-9A-F]{6}$/i.test(color)) throw invalid(`fill color ${color}`);
              format().fill = color;
            });
          },
        },
      },
      get rule(): { formula1: string; operator: string } {
        throw notLoaded();
      },
      set rule(rule: { formula1: string; formula2?: string; operator: string }) {
        context.write(JSON.stringify(rule).length, () => {
          const operators = [
            "Between",
            "NotBetween",
            "EqualTo",
            "NotEqualTo",
            "GreaterThan",
            "LessThan",
            "GreaterThanOrEqual",
            "LessThanOrEqual",
          ];
          if (!operators.includes(rule.operator)) throw invalid(`conditional format operator ${rule.operator}`);
          if (typeof rule.formula1 !== "string" || rule.formula1 === "") throw invalid("conditional format formula1");
          format().rule = { ...rule };
        });
      },
    };
  }
}

/** A chart being made: add() queues it, and its title, position and size are queued as they are set. */
class ChartProxy {
  readonly title: { text: string };

  constructor(
    private readonly context: FakeContext,
    private readonly made: () => FakeChart,
  ) {
    this.title = {
      get text(): string {
        throw new RichApiError("PropertyNotLoaded", "The fake does not load chart titles.");
      },
      set text(text: string) {
        context.write(JSON.stringify(text).length, () => void (made().title = text));
      },
    };
  }

  /** Moves the chart's top-left corner onto the start cell; with no end cell its size is kept, as in Excel. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    if (typeof startCell === "string" || endCell !== undefined) throw new Error("the fake's setPosition takes one start cell (a Range)");
    this.context.write(16, () => {
      const ref = startCell.resolve();
      this.made().anchor = { row: ref.top, column: ref.left };
    });
  }

  set width(points: number) {
    this.context.write(8, () => {
      if (!(points > 0)) throw invalid(`chart width ${points}`);
      this.made().width = points;
    });
  }
  set height(points: number) {
    this.context.write(8, () => {
      if (!(points > 0)) throw invalid(`chart height ${points}`);
      this.made().height = points;
    });
  }
}

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

class TableProxy extends ClientObject<FakeTable> {
  constructor(context: FakeContext, resolver: () => FakeTable | null, orNull = false) {
    super(context, resolver, orNull, true);
  }

  setLoaded(values: readonly (readonly [string, unknown])[]): void {
    this.loaded.set("isNullObject", false);
    for (const [name, v] of values) this.loaded.set(name, v);
  }

  readProperty(table: FakeTable, prop: string): unknown {
    return this.read(table, prop);
  }

  protected read(table: FakeTable, prop: string): unknown {
    if (prop === "name") return table.name;
    if (prop === "style") return table.style;
    throw invalid(`the fake table has no property ${prop}`);
  }

  get name(): string {
    return this.property("name");
  }
  set name(value: string) {
    this.context.write(JSON.stringify(value).length, () => {
      const table = this.resolve();
      const other = this.context.excel.table(value);
      if (other && other !== table) throw new RichApiError("ItemAlreadyExists", `A table named "${value}" already exists.`);
      if (!TABLE_NAME.test(value)) throw invalid(`table name "${value}"`);
      table.name = value;
    });
  }

  get style(): string {
    return this.property("style");
  }
  set style(value: string) {
    this.context.write(JSON.stringify(value).length, () => {
      const table = this.resolve();
      table.sheet.checkWritable();
      if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(value)) throw invalid(`table style ${value}`);
      table.style = value;
    });
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.resolve().sheet);
  }

  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return { sheet: t.sheet, top: t.top, left: t.left, rows: 1, columns: t.columns };
    });
  }

  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return { sheet: t.sheet, top: t.top + 1, left: t.left, rows: t.bodyRows, columns: t.columns };
    });
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      return { sheet: t.sheet, ...t.rect };
    });
  }

  /** Table.columns.add(index, values, name): the fake adds blank columns at the right end only. */
  get columns(): { add(index?: number | null, values?: unknown, name?: string): void } {
    return {
      add: (index, values, name) => {
        if ((index ?? null) !== null || values !== undefined) throw new Error("the fake adds blank columns at the end only");
        this.context.write(JSON.stringify(name ?? "").length + 16, () => {
          const table = this.resolve();
          const sheet = table.sheet;
          sheet.checkWritable();
          const at = table.left + table.columns;
          // Cells to the right of the table's rows move right, as Excel inserts the column's cells.
          for (let r = table.top; r <= table.top + table.bodyRows; r++) {
            const row = sheet.rows[r];
            if (row && row.length > at) row.splice(at, 0, undefined);
          }
          const header = name ?? `Column${table.columns + 1}`;
          if (
            this.context.excel.tables.some(
              (t) =>
                t !== table && t.sheet === sheet && t.top <= table.top + table.bodyRows && table.top <= t.top + t.bodyRows && t.left >= at,
            )
          ) {
            throw new Error("the fake does not move other tables");
          }
          (sheet.rows[table.top] ??= [])[at] = header;
          table.columns++;
        });
      },
    };
  }

  /** Like Excel: the header stays on its row; the new range must overlap the old one. */
  resize(newRange: RangeProxy | string): void {
    if (typeof newRange === "string") throw new Error("the fake's resize takes a Range");
    this.context.write(16, () => {
      const table = this.resolve();
      const ref = newRange.resolve();
      table.sheet.checkWritable();
      if (ref.sheet !== table.sheet || ref.top !== table.top || !overlaps(ref, table.rect)) {
        throw invalid("the new table range must keep the header row and overlap the table");
      }
      if (ref.left !== table.left || ref.columns !== table.columns) throw new Error("the fake resizes rows only");
      if (ref.rows < 2) throw invalid("a table needs a row below its header");
      table.bodyRows = ref.rows - 1;
    });
  }
}
