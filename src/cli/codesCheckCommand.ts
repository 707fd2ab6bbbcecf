// `medbill codes check book.xlsx`: the Codes panel's "Check the workbook" from a terminal. Reads the
// code sets stored in the workbook, checks every code in Practice, Providers and Charges, and lists
// what could not be checked and each bad code (table, row, column, value, reason). With --highlight
// it also fills the bad cells (clearing the marks of an earlier run) and saves the workbook. The only
// cell values printed are the codes a problem quotes, on the user's own terminal.
import { checkWorkbookCodes, highlightPlan, type CodeProblem } from "../codes/checkWorkbookCodes";
import { describeCodeSets, loadCodeSets } from "../codes/codeSetStore";
import { describeIssue } from "../workbook/mapTable";
import { applyPlan } from "../workbook/plan";
import { openWorkbook } from "./workbookFile";
import {
  count,
  describeFileError,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  readArguments,
  seconds,
  UsageError,
  type CliIo,
} from "./commandLine";

/** Problems shown per table unless --all: enough to see the pattern, not a flood. */
const PROBLEMS_SHOWN = 100;

export async function runCodesCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, { highlight: { type: "boolean" }, all: { type: "boolean" } });
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "Name the workbook to check: medbill codes check book.xlsx" : "Check one workbook at a time.",
    );
  }
  const path = positionals[0];
  const workbook = await openWorkbook(path, io);
  if (!workbook) return EXIT_CANNOT_RUN;

  const started = performance.now();
  const library = await loadCodeSets(workbook);
  const loaded = performance.now();
  const report = await checkWorkbookCodes(workbook, library);
  const checked = performance.now();

  io.out(`Workbook: ${path}`);
  const sets = library.sets();
  io.out(`Code sets: ${sets.length > 0 ? describeCodeSets(sets) : "none loaded (medbill codes import adds them)"}`);
  for (const issue of library.issues) io.out(`  code set problem: ${describeIssue(issue)}`);
  io.out(
    `Checked ${report.cellsChecked.toLocaleString("en-US")} code cells in ${seconds(checked - loaded)} (code sets read in ${seconds(loaded - started)}).`,
  );
  if (report.notes.length > 0) {
    io.out("");
    io.out("Not checked:");
    for (const note of report.notes) io.out(`  ${note}`);
  }

  io.out("");
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  if (report.problems.length === 0) io.out("No problems found.");
  else {
    io.out(`Problems: ${count(errors, "error")}, ${count(warnings, "warning")}`);
    for (const problems of byTable(report.problems)) {
      const shown = values.all ? problems : problems.slice(0, PROBLEMS_SHOWN);
      for (const problem of shown) io.out(`  ${describeProblem(problem)}`);
      if (shown.length < problems.length) {
        io.out(`  ... and ${problems.length - shown.length} more in ${problems[0].table} (--all shows every one)`);
      }
    }
  }

  if (values.highlight) {
    const plan = highlightPlan(report, (await workbook.describe()).tables);
    await applyPlan(workbook, plan);
    try {
      await io.writeFile(path, await workbook.save(), { overwrite: true });
    } catch (error) {
      io.err(describeFileError("write", path, error));
      return EXIT_CANNOT_RUN;
    }
    io.out("");
    io.out(`Highlighted: ${plan.what}. Saved ${path}.`);
  }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** "Charges row 14, Dx1 "E11": E11 is a category header, ..." */
export function describeProblem(problem: CodeProblem): string {
  const where = `${problem.table} row ${problem.row}, ${problem.column} "${problem.value}"`;
  return `${where}: ${problem.severity === "warning" ? "(warning) " : ""}${problem.reason}`;
}

/** The problems of each table together, in the order the report lists them. */
function byTable(problems: CodeProblem[]): CodeProblem[][] {
  const groups: CodeProblem[][] = [];
  for (const problem of problems) {
    const last = groups[groups.length - 1];
    if (last && last[0].table === problem.table) last.push(problem);
    else groups.push([problem]);
  }
  return groups;
}
