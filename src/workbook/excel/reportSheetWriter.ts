// Laying out a report sheet in Excel: the sheet replaced in place, then its number formats, values,
// widths, bold rows and text styles, print layout, tables, conditional fills and charts. Each is
// queued with the values, one call per block (never per cell), so they add bytes to the plan's
// requests, not syncs of their own: a batch of 5,000 statements is sent in as many requests as its
// bytes need, never one per statement. The print layout (ExcelApi 1.9) is a few more calls.
import type { ReportSheetOp, SheetRange } from "../port";
import type { PlanTarget } from "./planState";

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

export async function reportSheet(w: PlanTarget, op: ReportSheetOp): Promise<void> {
  const key = op.sheet.toLowerCase();
  const old = w.sheets.get(key);
  const sheet = w.context.workbook.worksheets.add(old ? freeName(w, op.sheet) : op.sheet);
  if (old) {
    // Replace the old sheet in place: the new one takes its position and visibility, then its
    // name once the old one is gone (deleting first fails when it is the only sheet).
    const oldSheet = w.sheet(old.name);
    sheet.position = old.position;
    if (old.visibility !== "Visible") sheet.visibility = old.visibility as Excel.SheetVisibility;
    oldSheet.delete();
    sheet.name = op.sheet;
    w.sheets.set(key, { ...old, name: op.sheet, protected: false, protection: undefined });
  } else {
    w.sheets.set(key, { name: op.sheet, position: w.sheets.size, visibility: "Visible", protected: false });
  }
  const width = op.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const below = op.headerRow === undefined ? 0 : op.headerRow + 1;
  const columns = op.columns ?? [];
  const block = (range: SheetRange) => sheet.getRangeByIndexes(range.row, range.column, range.rows, range.columns);
  if (op.cells.length > below) {
    await w.requests.queueColumnFormats(
      sheet,
      below,
      0,
      op.cells.length - below,
      columns.map((c) => c.numberFormat ?? null),
    );
  }
  // Block formats over the column's, before the values as the column's are; a 1x1 array fills the block.
  for (const { range, numberFormat } of op.formats ?? []) {
    await w.requests.queue(JSON.stringify(numberFormat).length + 4, () => {
      block(range).numberFormat = [[numberFormat]];
    });
  }
  await w.requests.queueValues(sheet, 0, 0, width, op.cells.length, (i) => op.cells[i]);
  await w.requests.queueWidths(
    sheet,
    columns.map((c) => c.width ?? null),
  );
  const boldRows = new Set([...(op.headerRow === undefined ? [] : [op.headerRow]), ...(op.boldRows ?? [])]);
  for (const row of boldRows) {
    await w.requests.queue(0, () => {
      sheet.getRangeByIndexes(row, 0, 1, Math.max(1, width)).format.font.bold = true;
    });
  }
  // Text styles after the bold rows, so a block's own style wins.
  for (const text of op.styles ?? []) {
    const properties = [text.bold, text.italic, text.fontSize, text.align, text.borderTop].filter((p) => p !== undefined).length;
    if (properties === 0) continue;
    await w.requests.queue(STYLE_BLOCK_BYTES + properties * STYLE_PROPERTY_BYTES, () => {
      const format = block(text.range).format;
      if (text.bold !== undefined) format.font.bold = text.bold;
      if (text.italic !== undefined) format.font.italic = text.italic;
      if (text.fontSize !== undefined) format.font.size = text.fontSize;
      if (text.align !== undefined) format.horizontalAlignment = ALIGNMENTS[text.align];
      if (text.borderTop !== undefined) format.borders.getItem("EdgeTop").style = BORDER_STYLES[text.borderTop];
    });
  }
  if (op.print) await printLayout(w, sheet, op, width);
  if (op.headerRow !== undefined) sheet.freezePanes.freezeRows(op.headerRow + 1);
  // Values first, then made tables (as createTable does); the header texts become the columns' names.
  for (const { name, range } of op.tables ?? []) {
    await w.requests.queue(JSON.stringify(name).length + REPORT_TABLE_STYLE.length, () => {
      const table = sheet.tables.add(block(range), true);
      table.name = name;
      table.style = REPORT_TABLE_STYLE;
    });
  }
  for (const { range, greaterThan, color } of op.highlights ?? []) {
    await w.requests.queue(color.length + 32, () => {
      const conditional = block(range).conditionalFormats.add("CellValue");
      conditional.cellValue.format.fill.color = color;
      conditional.cellValue.rule = { formula1: String(greaterThan), operator: "GreaterThan" };
    });
  }
  for (const chart of op.charts ?? []) {
    await w.requests.queue(JSON.stringify(chart.title).length + 64, () => {
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
async function printLayout(w: PlanTarget, sheet: Excel.Worksheet, op: ReportSheetOp, width: number): Promise<void> {
  const print = op.print!;
  const area = print.area ?? (op.cells.length > 0 && width > 0 ? { row: 0, column: 0, rows: op.cells.length, columns: width } : undefined);
  await w.requests.queue(STYLE_BLOCK_BYTES + 8 * STYLE_PROPERTY_BYTES, () => {
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
    await w.requests.queue(PAGE_BREAK_BYTES, () => {
      sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
    });
  }
}

/** A sheet name not in use, for the new sheet while the old one of the same name still exists. */
function freeName(w: PlanTarget, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${name.slice(0, 24)} (${n})`;
    if (!w.sheets.has(candidate.toLowerCase())) return candidate;
  }
}
