// What several benchmarks share: the best of a few runs of a computation, and the sample practice's
// tables as raw tables (what a workbook read gives the engine), made before any timing.
import { samplePractice } from "../src/sample/practiceSample";
import type { RawTable } from "../src/workbook/port";

/** The fastest of `runs` runs, with what it returned. */
export function best<T>(runs: number, run: () => T): { seconds: number; value: T } {
  let fastest: { seconds: number; value: T } | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const value = run();
    const seconds = (performance.now() - start) / 1000;
    if (!fastest || seconds < fastest.seconds) fastest = { seconds, value };
  }
  return fastest!;
}

/** best() of a computation that awaits (a workbook's read or write). */
export async function bestAsync<T>(runs: number, run: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  let fastest: { seconds: number; value: T } | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const value = await run();
    const seconds = (performance.now() - start) / 1000;
    if (!fastest || seconds < fastest.seconds) fastest = { seconds, value };
  }
  return fastest!;
}

/** The sample practice of `lines` charge lines as raw tables by name, and the seconds making it took. */
export function sampleTables(lines: number): { tables: Record<string, RawTable>; seconds: number } {
  const start = performance.now();
  const plan = samplePractice({ lines });
  const tables: Record<string, RawTable> = {};
  for (const op of plan.ops) {
    if (op.kind !== "createTable") continue;
    const rows = op.rows ?? [];
    tables[op.table] = { name: op.table, sheet: op.sheet, headers: op.headers, rows, rowCount: rows.length, headerRow: 1 };
  }
  return { tables, seconds: (performance.now() - start) / 1000 };
}
