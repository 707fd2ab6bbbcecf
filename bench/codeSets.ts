// Code-set figures: importing the real CMS FY2025 ICD-10-CM release from its zip (unpack, decode,
// parse, index), the heap the loaded indexes hold, and a store round trip (import plan applied to a
// memory workbook, then read back into a library). Times are medians of a few runs after a warm-up.
// Heap figures are only trustworthy when node runs with --expose-gc.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeCodeFile, readTextFile, unzipCodeFile } from "../src/codes/codeSetFiles";
import { CodeSetLibrary, type ParsedCodeSet } from "../src/codes/codeSetLibrary";
import { codeSetImportPlan, loadCodeSets } from "../src/codes/codeSetStore";
import { MemoryWorkbook } from "../src/workbook/memoryWorkbook";
import { applyPlan } from "../src/workbook/plan";

const ZIP = fileURLToPath(new URL("../../shared/data/icd10cm/cms_2025_dx.zip", import.meta.url));
const RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One import: unzip, then decode + parse + index; returns the times and what was built. */
function importOnce(bytes: Uint8Array) {
  let start = performance.now();
  const inner = unzipCodeFile("cms_2025_dx.zip", bytes);
  if (!inner.ok) throw new Error(inner.error);
  const unzipMs = performance.now() - start;
  start = performance.now();
  const set = readTextFile(decodeCodeFile(inner.value.bytes), [inner.value.name, "cms_2025_dx.zip"], "cms_2025_dx.zip");
  if (!set.ok) throw new Error(set.error);
  const library = CodeSetLibrary.fromSets([{ set: set.value, importedOn: "2026-11-27" }]);
  const parseMs = performance.now() - start;
  return { unzipMs, parseMs, set: set.value, library };
}

export async function benchCodeSets(): Promise<
  { importMs: number; unzipMs: number; parseMs: number; codes: number; heapMB: number; storeRoundTripMs: number } | undefined
> {
  if (!existsSync(ZIP)) return undefined;
  const bytes = new Uint8Array(readFileSync(ZIP));
  importOnce(bytes);
  const unzip: number[] = [];
  const parse: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = importOnce(bytes);
    unzip.push(run.unzipMs);
    parse.push(run.parseMs);
    total.push(run.unzipMs + run.parseMs);
  }

  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let kept: { set: ParsedCodeSet; library: CodeSetLibrary } | undefined = importOnce(bytes);
  collectGarbage();
  const heapMB = (process.memoryUsage().heapUsed - before) / 1e6;
  const { set } = kept;
  const codes = kept.library.sets()[0].count;
  kept = undefined;

  const trips: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const workbook = new MemoryWorkbook();
    await applyPlan(workbook, codeSetImportPlan(await workbook.describe(), set, "2026-11-27"));
    const loaded = await loadCodeSets(workbook);
    trips.push(performance.now() - start);
    if (loaded.icd10("E119").status !== "billable") throw new Error("round trip lost E119");
  }
  return { importMs: median(total), unzipMs: median(unzip), parseMs: median(parse), codes, heapMB, storeRoundTripMs: median(trips) };
}
