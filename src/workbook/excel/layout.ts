// The workbook's layout as the Excel adapter reads it before anything else: its sheets (position,
// visibility, protection) and where each table sits, with a sample of rows to size reads, in a
// constant number of syncs whatever the workbook holds. Also the date system, asked for alone.
import type { DateSystem } from "../../dates";
import type { TableInfo } from "../port";
import { estimateRowBytes } from "./payload";

/** Where a table sits, as read with the layout. Only the Excel adapter knows sheet positions. */
export interface TablePlace {
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

export interface SheetPlace {
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
  /** The office's protection options, loaded for writes, to put back after the add-in's own. */
  protection?: Excel.WorksheetProtectionOptions;
}

export interface Layout {
  sheets: SheetPlace[];
  tables: TablePlace[];
}

/** Sheets and every table's place: two syncs, whatever the workbook holds. */
export async function loadLayout(context: Excel.RequestContext, sampleRows: number, withFormats: boolean): Promise<Layout> {
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
export async function loadTablePlaces(
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
export async function loadDateSystem(context: Excel.RequestContext): Promise<DateSystem> {
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
