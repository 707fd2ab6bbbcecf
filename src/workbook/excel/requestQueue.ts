// The write side of the payload budget: changes accumulate in one request until the next one would
// take it over the budget; only then is it synced, and calculation and screen updating are
// suspended again for the next request (both last only until the next sync). Blocks of values and
// column formats are queued here as 2-D ranges in row chunks, each measured before it is queued.
import type { CellValue } from "../port";
import { toExcel } from "./cellValues";
import { OPERATION_BYTES, SAMPLE_ROWS, chunkRows } from "./payload";
import { apiSupported } from "./requirementSets";

/** Excel's default column is about 7 pixels per character plus 5 pixels of padding; 0.75 pt per px. */
const charsToPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

export class RequestQueue {
  private queuedBytes = 0;
  private readonly screenUpdatingCanPause = apiSupported("1.9");

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
  ) {}

  startBatch(): void {
    const application = this.context.workbook.application;
    application.suspendApiCalculationUntilNextSync();
    if (this.screenUpdatingCanPause) application.suspendScreenUpdatingUntilNextSync();
  }

  async queue(bytes: number, action: () => void): Promise<void> {
    if (this.queuedBytes > 0 && this.queuedBytes + bytes + OPERATION_BYTES > this.budget) {
      await this.context.sync();
      this.queuedBytes = 0;
      this.startBatch();
    }
    action();
    this.queuedBytes += bytes + OPERATION_BYTES;
  }

  /** One number format per column over `rows` rows: a 1x1 format array fills the whole range. */
  async queueColumnFormats(sheet: Excel.Worksheet, top: number, left: number, rows: number, formats: (string | null)[]): Promise<void> {
    if (rows <= 0) return;
    for (const [i, format] of formats.entries()) {
      if (!format) continue;
      await this.queue(JSON.stringify(format).length + 4, () => {
        sheet.getRangeByIndexes(top, left + i, rows, 1).numberFormat = [[format]];
      });
    }
  }

  /** Column widths in characters, one call per column given a width. */
  async queueWidths(sheet: Excel.Worksheet, widths: (number | null)[]): Promise<void> {
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
  async queueValues(
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
