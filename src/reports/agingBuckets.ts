// Aging buckets as an office writes them ("30, 60, 90, 120"): the one reader of that text, used by the
// Reports panel's form, the Practice table's "Aging Buckets" setting as the reports read it, and the
// Setup panel's Practice settings form, so none of them accepts buckets another refuses.

/** More bounds than this make a sheet too wide to print and a chart too crowded to read. */
export const MAX_BOUNDS = 10;

/**
 * The upper day of each bucket but the last, as typed: "30, 60, 90, 120" (commas, semicolons or
 * spaces between). Whole days, each larger than the one before, at most MAX_BOUNDS of them.
 */
export function readBuckets(text: string): { ok: true; bounds: number[] } | { ok: false; error: string } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return { ok: false, error: "Enter the last day of each bucket, like 30, 60, 90, 120." };
  const wrong = parts.find((p) => !/^\d{1,5}$/.test(p));
  if (wrong !== undefined) return { ok: false, error: `"${wrong}" is not a whole number of days: write the buckets like 30, 60, 90, 120.` };
  const bounds = parts.map(Number);
  for (let i = 1; i < bounds.length; i++) {
    if (bounds[i] <= bounds[i - 1]) {
      return {
        ok: false,
        error: `${bounds[i]} comes after ${bounds[i - 1]}: each bucket must end later than the one before, like 30, 60, 90, 120.`,
      };
    }
  }
  if (bounds.length > MAX_BOUNDS) return { ok: false, error: `Up to ${MAX_BOUNDS} bucket ends, please (${bounds.length} were given).` };
  return { ok: true, bounds };
}
