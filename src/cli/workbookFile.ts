// The .xlsx file a command works on: opened through the xlsx adapter, or one line saying why it
// cannot be (no such file, a CSV or .xls, a password, a damaged file), in the words the browser
// host uses too.
import { applyPlan, type WritePlan } from "../workbook/plan";
import { PlanRejected } from "../workbook/port";
import { cannotOpen, unreadableWorkbook, workbookFileProblem } from "../workbook/workbookFileProblems";
import { XlsxWorkbook } from "../workbook/xlsxWorkbook";
import { plural } from "../counting";
import { describeFileError, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, type CliIo } from "./commandLine";

/** Open an .xlsx file for a command, or say in one line why it cannot be opened (the caller exits 2). */
export async function openWorkbook(path: string, io: CliIo): Promise<XlsxWorkbook | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.err(describeFileError("open", path, error));
    return undefined;
  }
  // Why it is not a workbook (CSV, .xls, password, damaged...): the same sentence the browser host shows.
  const problem = workbookFileProblem(bytes);
  if (problem) {
    io.err(cannotOpen(path, problem));
    return undefined;
  }
  try {
    return await XlsxWorkbook.load(bytes);
  } catch {
    io.err(cannotOpen(path, unreadableWorkbook(bytes)));
    return undefined;
  }
}

/**
 * Apply plans to an open workbook, then save it over its file (whole or not at all). Undefined when
 * saved; else the exit code, the reason said: the workbook refused a plan (`refused`: "The workbook
 * refused the posting"), or the file could not be written.
 */
export async function applyAndSave(
  workbook: XlsxWorkbook,
  plans: WritePlan[],
  bookPath: string,
  io: CliIo,
  refused: string,
): Promise<number | undefined> {
  try {
    for (const plan of plans) await applyPlan(workbook, plan);
  } catch (error) {
    if (!(error instanceof PlanRejected)) throw error;
    io.err(`${refused}: ${error.message}`);
    return EXIT_PROBLEMS;
  }
  try {
    await io.writeFile(bookPath, await workbook.save(), { overwrite: true });
  } catch (error) {
    io.err(describeFileError("write", bookPath, error));
    return EXIT_CANNOT_RUN;
  }
  return undefined;
}

/** A write the engine refused: nothing written, each problem on its own line; exit 1. */
export function refuse(io: CliIo, problems: string[]): number {
  io.err(`Nothing was written: ${plural(problems.length, "problem")}.`);
  for (const problem of problems) io.err(`  ${problem}`);
  return EXIT_PROBLEMS;
}

/** Apply one plan, save the workbook over its file and say what was done (or why it was not). */
export async function save(workbook: XlsxWorkbook, plan: WritePlan, bookPath: string, io: CliIo): Promise<number> {
  const failed = await applyAndSave(workbook, [plan], bookPath, io, "Nothing was written: the workbook refused it");
  if (failed !== undefined) return failed;
  io.out(`${plan.what}. Saved ${bookPath}.`);
  return EXIT_OK;
}
