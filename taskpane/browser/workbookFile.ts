// The browser host's files: opening an .xlsx the user picked, building the sample practice, and
// saving as a download. ExcelJS (through the xlsx adapter) and the sample generator are imported
// only here and only when first needed, so they are separate chunks the page loads on demand and
// never part of the Excel host's bundle. Nothing is sent anywhere: bytes stay in the page.
import type { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { todayIso } from "../../src/dates";
import { applyPlan } from "../../src/workbook/plan";
import { cannotOpen, unreadableWorkbook, workbookFileProblem } from "../../src/workbook/workbookFileProblems";
import { downloadFile } from "../fileDownload";

/** A file problem, already in the user's words (billerMessage shows it as is). */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblem";
  }
}

export const SAMPLE_FILE_NAME = "medbill-sample.xlsx";
/** Service lines in the sample practice: enough to look real, quick to build in a page. */
export const SAMPLE_LINES = 2000;

const loadAdapter = () => import(/* webpackChunkName: "xlsx" */ "../../src/workbook/xlsxWorkbook");

/** Open a picked file, or throw a FileProblem with the CLI's sentence for why it can't be (workbookFileProblems). */
export async function openWorkbookFile(name: string, data: ArrayBuffer): Promise<XlsxWorkbook> {
  const bytes = new Uint8Array(data);
  const problem = workbookFileProblem(bytes);
  if (problem) throw new FileProblem(cannotOpen(name, problem));
  const { XlsxWorkbook } = await loadAdapter();
  try {
    return await XlsxWorkbook.load(bytes);
  } catch {
    throw new FileProblem(cannotOpen(name, unreadableWorkbook(bytes)));
  }
}

/** A synthetic practice (no real patients) with every billing table filled, dated up to today. */
export async function sampleWorkbook(): Promise<XlsxWorkbook> {
  const [{ XlsxWorkbook }, { samplePractice }] = await Promise.all([
    loadAdapter(),
    import(/* webpackChunkName: "sample" */ "../../src/sample/practiceSample"),
  ]);
  const workbook = XlsxWorkbook.create();
  await applyPlan(workbook, samplePractice({ lines: SAMPLE_LINES, asOf: todayIso() }));
  return workbook;
}

/** Hands the workbook to the browser as a download (fileDownload). */
export function downloadWorkbook(bytes: Uint8Array, fileName: string): void {
  downloadFile(bytes as BlobPart, fileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
