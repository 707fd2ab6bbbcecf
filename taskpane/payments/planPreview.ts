// A plan's preview rows laid out for a narrow pane: one small table per sheet written to, with only
// the columns that hold something, and the values every row shares (the payment, the date, the
// source) said once above the table instead of in a column repeated down every row.
import type { PreviewRow } from "../../src/ledger/postingPlans";
import { mapColumns } from "../../src/workbook/mapTable";
import type { TableInfo } from "../../src/workbook/port";
import { Payments, Postings } from "../../src/workbook/tables";

export interface PreviewTable {
  table: PreviewRow["table"];
  /** "Postings: 3 new rows". */
  title: string;
  /** Columns with one value on every row (only when there are several rows). */
  shared: { column: string; value: string }[];
  /** The other non-blank columns, in the table's column order. */
  columns: string[];
  /** Cell text, one array per row, aligned with `columns`. */
  rows: string[][];
  /**
   * "columns": a row per new row, as in the sheet. "records": too many columns for a narrow pane,
   * so each new row is a block of column / value pairs instead.
   */
  layout: "columns" | "records";
}

/** The most columns a preview table shows side by side in a 320-pixel pane. */
export const MAX_SIDE_BY_SIDE = 4;

/** The text a preview cell shows. */
export function previewText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value);
}

export function previewTables(preview: PreviewRow[]): PreviewTable[] {
  const order: PreviewRow["table"][] = [];
  const byTable = new Map<PreviewRow["table"], PreviewRow[]>();
  for (const row of preview) {
    if (!byTable.has(row.table)) {
      byTable.set(row.table, []);
      order.push(row.table);
    }
    byTable.get(row.table)!.push(row);
  }
  return order.map((table) => {
    const rows = byTable.get(table)!;
    // Column order: as the first row has them, then any a later row adds.
    const all: string[] = [];
    for (const row of rows) for (const column of Object.keys(row.values)) if (!all.includes(column)) all.push(column);
    const text = (row: PreviewRow, column: string) => previewText(row.values[column]);
    const filled = all.filter((column) => rows.some((row) => text(row, column).trim() !== ""));
    const shared =
      rows.length > 1 ? filled.filter((column) => rows.every((row) => text(row, column) === text(rows[0], column))) : ([] as string[]);
    const columns = filled.filter((column) => !shared.includes(column));
    return {
      table,
      title: `${table}: ${rows.length.toLocaleString("en-US")} new ${rows.length === 1 ? "row" : "rows"}`,
      shared: shared.map((column) => ({ column, value: text(rows[0], column) })),
      columns,
      rows: rows.map((row) => columns.map((column) => text(row, column))),
      layout: columns.length > MAX_SIDE_BY_SIDE ? "records" : "columns",
    };
  });
}

/** Money columns read right-aligned, as in the sheet. */
export const MONEY_COLUMNS = new Set(["Amount", "Paid", "Adjustment", "Patient Resp"]);

/**
 * Where the rows a plan added begin, once it is written: the first new Postings row (or the new
 * Payments row of a refund), as a cell the host can show. `info` is the workbook after the write.
 */
export function firstNewRow(
  info: { tables: Pick<TableInfo, "name" | "sheet" | "headerRow" | "rowCount" | "headers">[] },
  preview: PreviewRow[],
): { table: string; sheet: string; row: number; bodyIndex: number; column: string } | undefined {
  const table = preview.some((r) => r.table === "Postings")
    ? "Postings"
    : preview.some((r) => r.table === "Payments")
      ? "Payments"
      : undefined;
  if (!table) return undefined;
  const found = info.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
  if (!found) return undefined;
  const added = preview.filter((r) => r.table === table).length;
  const bodyIndex = Math.max(0, found.rowCount - added);
  return {
    table: found.name,
    sheet: found.sheet,
    row: found.headerRow + 1 + bodyIndex,
    bodyIndex,
    // The office's own header for the ID column, which may be "Posting #".
    column:
      (table === "Postings" ? mapColumns(Postings, found.headers).columns.postingId : mapColumns(Payments, found.headers).columns.paymentId)
        ?.header ??
      found.headers[0] ??
      "",
  };
}
