// How the report commands (aging, balances, collections, kpis, statements) print and save: the
// ledger's problems listed before the figures that rest on them, aligned text tables, and a report
// plan applied and written to --out (the input file replaced only when --out names it).
import path from "node:path";
import { applyPlan, type WritePlan } from "../workbook/plan";
import type { XlsxWorkbook } from "../workbook/xlsxWorkbook";
import { describeFileError, type CliIo } from "./commandLine";

/** Problems shown unless --all: enough to see the pattern, not a flood. */
const PROBLEMS_SHOWN = 100;

/** The ledger's problems, a missing ledger table first: a report resting on them may be wrong. */
export function listProblems(problems: string[], say: (line: string) => void, all: boolean, what = "figure"): void {
  if (problems.length === 0) return;
  const shown = all ? problems : problems.slice(0, PROBLEMS_SHOWN);
  say(`Problems: ${problems.length} (a ${what} that rests on one of these rows may be wrong)`);
  for (const problem of shown) say(`  ${problem}`);
  if (shown.length < problems.length) say(`  ... and ${problems.length - shown.length} more (--all shows every one)`);
}

/**
 * Apply a report plan (with its Audit row) to the opened workbook and save it to `outPath`. The
 * input file is replaced only when --out names it; another existing file only with --force.
 * Returns false (the reason told) when the file could not be written.
 */
export async function writeReport(
  workbook: XlsxWorkbook,
  plan: WritePlan,
  bookPath: string,
  outPath: string,
  force: boolean,
  io: CliIo,
): Promise<boolean> {
  await applyPlan(workbook, plan);
  const sameFile = path.resolve(outPath) === path.resolve(bookPath);
  try {
    await io.writeFile(outPath, await workbook.save(), { overwrite: sameFile || force });
  } catch (error) {
    io.err(describeFileError("write", outPath, error));
    return false;
  }
  const sheets = plan.ops.flatMap((op) => (op.kind === "reportSheet" ? [`"${op.sheet}"`] : []));
  io.out(`Wrote the ${sheets.length === 1 ? "sheet" : "sheets"} ${sheets.join(" and ")} to ${outPath}.`);
  return true;
}

/** An aligned table in blocks: a rule under the headers and between blocks; `right` columns right-aligned. */
export function alignedTable(headers: string[], blocks: string[][][], right: (column: number) => boolean): string[] {
  const all = blocks.flat();
  const widths = headers.map((h, i) => Math.max(h.length, ...all.map((r) => (r[i] ?? "").length)));
  const print = (row: string[]) =>
    widths
      .map((w, i) => (right(i) ? (row[i] ?? "").padStart(w) : (row[i] ?? "").padEnd(w)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [print(headers)];
  for (const block of blocks) {
    if (block.length === 0) continue;
    out.push(rule, ...block.map(print));
  }
  return out;
}
