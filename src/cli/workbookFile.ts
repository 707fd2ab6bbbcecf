// The .xlsx file a command works on: opened through the xlsx adapter, or one line saying why it
// cannot be (no such file, a CSV or .xls, a password, a damaged file), in the words the browser
// host uses too.
import { cannotOpen, unreadableWorkbook, workbookFileProblem } from "../workbook/workbookFileProblems";
import { XlsxWorkbook } from "../workbook/xlsxWorkbook";
import { describeFileError, type CliIo } from "./commandLine";

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
