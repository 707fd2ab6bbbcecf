// The payload budget: how many bytes one context.sync() may carry each way, and how reads and
// writes are cut into chunks of rows to stay under it. Excel on the web refuses any request or
// response over 5 MB, and any range read of more than 5 million cells.

/** Leaves a fifth of Excel on the web's 5 MB for Office.js's own wrapping of the values. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4_000_000;
/** Rows read with the layout to estimate how many bytes a table's rows take. */
export const SAMPLE_ROWS = 50;
/**
 * Read estimates are a guess from the first rows; later rows can be longer (a long note). The
 * margin keeps most syncs under the cap; a sync Excel still refuses is split and retried.
 */
const READ_MARGIN = 1.25;
/** Office.js wraps each queued operation (object path, action, ids): counted against the budget too. */
export const OPERATION_BYTES = 100;
/** A Plan cell in a response: a quoted id such as "P20261206-153012-AB12" and a comma. */
export const PLAN_ID_BYTES = 28;
/** Excel reads at most 5 million cells per range; keep every chunk far below that. */
const MAX_CHUNK_CELLS = 500_000;

/** Excel's refusal of a request or response over its size limit, as opposed to any other failure. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Expected bytes of one row in a response: the sampled average with a margin, and never less
 * than `"",` per cell (a blank row still costs that much).
 */
export function estimateRowBytes(sampledRowBytes: number, columns: number): number {
  return Math.max(Math.ceil(sampledRowBytes * READ_MARGIN), columns * 3 + 2);
}

/** Rows per chunk: about a quarter of the budget, and far below Excel's cells-per-range limit. */
export function chunkRows(rowBytes: number, columns: number, budget: number): number {
  const byBytes = Math.floor(budget / 4 / Math.max(1, rowBytes));
  const byCells = Math.floor(MAX_CHUNK_CELLS / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}
