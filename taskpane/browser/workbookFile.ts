// The browser host's files: opening an .xlsx the user picked, building the sample practice, and
// saving as a download. ExcelJS (through the xlsx adapter) and the sample generator are imported
// only here and only when first needed, so they are separate chunks the page loads on demand and
// never part of the Excel host's bundle. Nothing is sent anywhere: bytes stay in the page.
import type { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { todayIso } from "../../src/dates";
import { applyPlan } from "../../src/workbook/plan";
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

/** What kind of file the first bytes say this is: an .xlsx is a zip; .xls and encrypted files are OLE. */
export function fileKind(bytes: Uint8Array): "zip" | "ole" | "other" {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  return "other";
}

export async function openWorkbookFile(name: string, data: ArrayBuffer): Promise<XlsxWorkbook> {
  const bytes = new Uint8Array(data);
  const kind = fileKind(bytes);
  if (kind === "ole") {
    throw new FileProblem(
      `"${name}" is an older Excel 97-2003 workbook (.xls) or a password-protected one. Open it in Excel, remove the password if it has one, and save it as "Excel Workbook (*.xlsx)".`,
    );
  }
  if (kind === "other") {
    throw new FileProblem(`"${name}" is not an Excel workbook. Choose a file saved from Excel as "Excel Workbook (*.xlsx)".`);
  }
  const { XlsxWorkbook } = await loadAdapter();
  try {
    return await XlsxWorkbook.load(bytes);
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    throw new FileProblem(`"${name}" could not be read as an Excel workbook: it may be damaged${detail}.`);
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
