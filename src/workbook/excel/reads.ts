// Reading blocks of cells: a block of rows is cut into chunks, and the chunks are loaded as many
// per sync as their estimated response fits in the payload budget. A sync Excel still refuses as
// too large is loaded again in halves, so syncs grow with bytes read, never with rows as such.
import type { CellValue } from "../port";
import { fromExcel } from "./cellValues";
import { chunkRows, isPayloadTooLarge } from "./payload";

/** One rectangle of values to read; its rows land in `into` from index `at`. */
export interface ReadChunk {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
  estimate: number;
  into: CellValue[][];
  at: number;
}

/** Split a block of rows into chunks of about a quarter of the budget, so syncs are well filled. */
export function readChunks(
  sheet: string,
  row: number,
  column: number,
  rows: number,
  columns: number,
  rowBytes: number,
  into: CellValue[][],
  budget: number,
): ReadChunk[] {
  if (rows === 0 || columns === 0) return [];
  const perChunk = chunkRows(rowBytes, columns, budget);
  const chunks: ReadChunk[] = [];
  for (let at = 0; at < rows; at += perChunk) {
    const n = Math.min(perChunk, rows - at);
    chunks.push({ sheet, row: row + at, column, rows: n, columns, estimate: n * rowBytes, into, at });
  }
  return chunks;
}

/** Load chunks, as many per sync as the estimated response fits in the budget. */
export async function loadChunks(context: Excel.RequestContext, chunks: ReadChunk[], budget: number): Promise<void> {
  let group: ReadChunk[] = [];
  let bytes = 0;
  for (const chunk of chunks) {
    if (group.length > 0 && bytes + chunk.estimate > budget) {
      await loadGroup(context, group);
      group = [];
      bytes = 0;
    }
    group.push(chunk);
    bytes += chunk.estimate;
  }
  if (group.length > 0) await loadGroup(context, group);
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
