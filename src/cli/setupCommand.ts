// `medbill setup book.xlsx [--make-tables] [--create-missing]`: the task pane's Setup from a terminal.
// Without an option it says what Setup would do and changes nothing: the billing tables whose rows
// the office keeps on plain sheets (a header row and rows below it, not an Excel table), and the
// tables missing altogether. --make-tables makes each such block the table where it is, every row,
// column and value kept (a block with a blank or repeated header is left as it is, and said);
// --create-missing adds the missing tables, empty, each on a sheet of its own, never one whose rows
// are on a plain sheet. Each goes through a plan with its Audit row; the workbook is saved whole.
// Only sheet names, header texts and counts are printed, never a cell of a row.
import { plural } from "../counting";
import { makeTablesPlan, makeTableSentence, plainRangePhrase } from "../workbook/plainRanges";
import type { WritePlan } from "../workbook/plan";
import { readSetupStatus, setupPlan } from "../workbook/setup";
import { EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, oneWorkbook, readArguments, type CliIo } from "./commandLine";
import { applyAndSave, openWorkbook } from "./workbookFile";

export async function runSetup(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "make-tables": { type: "boolean" },
    "create-missing": { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "setup");
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const status = await readSetupStatus(workbook);
  const ready = status.plainRanges.filter((r) => r.problems.length === 0);
  const blocked = status.plainRanges.filter((r) => r.problems.length > 0);
  const create = setupPlan(status.info, status.plainRanges);
  const present = status.tables.filter((t) => t.present).length;

  io.out(`Workbook: ${bookPath}`);
  io.out(`Billing tables: ${present} of ${status.tables.length} present`);
  for (const found of status.plainRanges) {
    const missing = found.mapping.missingRequired.map((f) => found.fieldHeaders[f]);
    io.out(`  ${plainRangePhrase(found)}.`);
    if (missing.length > 0)
      io.out(`    Its rows cannot be read until it has ${missing.length === 1 ? "the column" : "the columns"} ${missing.join(", ")}.`);
    for (const problem of found.problems) io.out(`    It cannot be made a table yet: ${problem}.`);
  }
  if (create) io.out(`  Missing, to be created empty: ${create.ops.map((op) => (op.kind === "createTable" ? op.table : "")).join(", ")}.`);

  if (!values["make-tables"] && !values["create-missing"]) {
    io.out("");
    if (ready.length > 0) io.out(`--make-tables would make ${plural(ready.length, "table")} of the rows on plain sheets, where they are.`);
    if (create) io.out(`--create-missing would add ${plural(create.ops.length, "table")}, each on a sheet of its own.`);
    if (ready.length === 0 && !create) io.out("Nothing to do.");
    return blocked.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }

  // One plan when both are asked for: the Audit table either would create is created once.
  const plans: WritePlan[] = [];
  const made = values["make-tables"] ? makeTablesPlan(ready) : undefined;
  if (made) plans.push(made);
  if (values["create-missing"] && create) plans.push(create);
  const plan: WritePlan | undefined =
    plans.length <= 1 ? plans[0] : { action: "Setup", what: plans.map((p) => p.what).join("; "), ops: plans.flatMap((p) => p.ops) };
  io.out("");
  if (!plan) {
    io.out("Nothing was written: there was nothing to do.");
    return blocked.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  }
  const failed = await applyAndSave(workbook, [plan], bookPath, io, "The workbook refused it");
  if (failed !== undefined) return failed;
  if (made) for (const found of ready) io.out(makeTableSentence(found, true));
  if (values["create-missing"] && create) io.out(`Created ${plural(create.ops.length, "table")}, each on a sheet of its own.`);
  io.out(`Saved ${bookPath}.`);
  if (values["make-tables"] && blocked.length > 0) {
    io.err(`Not made a table: ${blocked.map((r) => `sheet ${r.sheet}`).join(", ")} (see above).`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
