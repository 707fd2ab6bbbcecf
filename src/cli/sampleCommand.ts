// `medbill sample --lines N --out file.xlsx`: the synthetic sample practice written as a workbook,
// through the same plan and xlsx adapter the add-in uses, with its Audit row.
import { isIsoDate, todayIso } from "../dates";
import { MAX_SAMPLE_LINES, SAMPLE_SEED, samplePractice } from "../sample/practiceSample";
import { applyPlan } from "../workbook/plan";
import { XlsxWorkbook } from "../workbook/xlsxWorkbook";
import { describeFileError, EXIT_CANNOT_RUN, EXIT_OK, readArguments, seconds, UsageError, type CliIo } from "./commandLine";

export async function runSample(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    lines: { type: "string" },
    out: { type: "string" },
    seed: { type: "string" },
    "as-of": { type: "string" },
    force: { type: "boolean" },
  });
  if (positionals.length > 0)
    throw new UsageError(`"${positionals[0]}" is not an option of sample (did you mean --out ${positionals[0]}?)`);
  if (values.lines === undefined) throw new UsageError("Say how many charge lines to make: --lines 5000");
  if (values.out === undefined) throw new UsageError("Say where to write the workbook: --out sample.xlsx");
  const lines = wholeNumber(values.lines);
  if (lines === undefined || lines < 1 || lines > MAX_SAMPLE_LINES) {
    throw new UsageError(`--lines must be a whole number from 1 to ${MAX_SAMPLE_LINES}, not "${values.lines}".`);
  }
  const seed = values.seed === undefined ? SAMPLE_SEED : wholeNumber(values.seed);
  if (seed === undefined || seed > 0xffffffff)
    throw new UsageError(`--seed must be a whole number from 0 to ${0xffffffff}, not "${values.seed}".`);
  const asOf = values["as-of"] ?? todayIso();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date written like 2026-06-30, not "${asOf}".`);
  if (!values.out.toLowerCase().endsWith(".xlsx")) throw new UsageError(`--out must name an .xlsx file, not "${values.out}".`);

  const started = performance.now();
  const plan = samplePractice({ lines, seed, asOf });
  const generated = performance.now();
  const workbook = XlsxWorkbook.create();
  // The audit row records when the file was really made; the tables depend only on the arguments.
  const applied = await applyPlan(workbook, plan, new Date());
  const bytes = await workbook.save();
  try {
    await io.writeFile(values.out, bytes, { overwrite: values.force === true });
  } catch (error) {
    io.err(describeFileError("write", values.out, error));
    return EXIT_CANNOT_RUN;
  }
  const written = performance.now();

  io.out(`Wrote ${values.out}: a synthetic sample practice as of ${asOf}, seed ${seed} (made-up people only).`);
  const counts = await workbook.describe();
  const width = Math.max(...counts.tables.map((t) => t.name.length));
  for (const table of counts.tables)
    io.out(`  ${table.name.padEnd(width)} ${String(table.rowCount).padStart(8)} ${table.rowCount === 1 ? "row" : "rows"}`);
  if (plan.totals) io.out(`  ${plan.totals}`);
  io.out(
    `Made in ${seconds(generated - started)}, written in ${seconds(written - generated)} (${(bytes.byteLength / 1_048_576).toFixed(1)} MB, ${applied.tablesCreated.length} tables).`,
  );
  return EXIT_OK;
}

function wholeNumber(text: string): number | undefined {
  const digits = text.trim().replace(/,/g, "");
  return /^\d{1,10}$/.test(digits) ? Number(digits) : undefined;
}
