// Why a file can't be opened, told apart from its bytes, in the one sentence the CLI and the
// browser host both show. Every kind is a tiny byte array made here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { cannotOpen, unreadableWorkbook, workbookFileProblem } from "../../src/workbook/workbookFileProblems";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (text: string) => [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
/** An OLE compound file's signature, some padding and its directory's stream names. */
const ole = (...streams: string[]) =>
  new Uint8Array([...OLE, ...new Array<number>(504).fill(0), ...streams.flatMap((s) => [...utf16(s), 0, 0])]);
const text = (s: string) => strToU8(s);
const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
const XLSX_TYPES =
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures", name)));

describe("why a file is not a workbook MedBill can read", () => {
  it.each([
    [
      "a CSV renamed to .xlsx",
      text("PatientID,Last Name\nP001,Rivera\n"),
      /^it is a text \(CSV\) file, not a workbook: open it in Excel and save it as "Excel Workbook \(\*\.xlsx\)"$/,
    ],
    ["a UTF-16 text export", new Uint8Array([0xff, 0xfe, ...utf16("PatientID\tName\r\n")]), /text \(CSV\) file/],
    ["an empty file", new Uint8Array(), /^the file is empty \(0 bytes\)/],
    [
      "an Excel 97-2003 .xls",
      ole("Root Entry", "Workbook", "SummaryInformation"),
      /^it is an older Excel 97-2003 workbook \(\.xls\): open it in Excel and save it as "Excel Workbook/,
    ],
    [
      "an .xlsx with a password to open",
      ole("Root Entry", "EncryptionInfo", "EncryptedPackage"),
      /^it is protected with a password to open: .*remove it/,
    ],
    ["an OLE file that says neither", ole("Root Entry"), /\.xls\) or a password-protected one/],
    [
      "a damaged zip",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
      /^the file is damaged \(its zip structure is broken/,
    ],
    ["an .xlsx cut short", fixture("libreoffice-tables.xlsx").slice(0, 5000), /^the file is damaged/],
    [
      "an OpenDocument spreadsheet",
      zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }),
      /^it is an OpenDocument spreadsheet \(\.ods\)/,
    ],
    [
      "a macro-enabled workbook",
      zip({
        "[Content_Types].xml": XLSX_TYPES.replace("sheet.main+xml", "sheet.macroEnabled.main+xml"),
        "xl/workbook.xml": "<workbook/>",
        "xl/vbaProject.bin": "x",
      }),
      /^it is a macro-enabled workbook \(\.xlsm\) and saving it here would drop its macros/,
    ],
    ["an Excel binary workbook", zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "x" }), /\(\.xlsb\)/],
    ["a Word document", zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }), /^it is a Word document/],
    ["a zip of other files", zip({ "statements/march.pdf": "%PDF" }), /^it is a zip archive, not an Excel workbook: unzip it/],
    ["a PDF", text("%PDF-1.7\n%\u00e2\u00e3\n"), /^it is a PDF/],
    ["an HTML table saved as .xls", text("<html><body><table><tr><td>1</td></tr></table></body></html>"), /^it is a web page \(HTML\)/],
    [
      "an Excel 2003 XML spreadsheet",
      text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'),
      /Excel 2003 XML spreadsheet/,
    ],
    [
      "anything else",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      /^it is not an Excel workbook: choose a file saved from Excel/,
    ],
  ])("%s", (_, bytes, reason) => {
    expect(workbookFileProblem(bytes)).toMatch(reason);
  });

  it("tells real .xls and .ods files (made by LibreOffice) for what they are", () => {
    expect(workbookFileProblem(fixture("libreoffice-ranges.xls"))).toMatch(/^it is an older Excel 97-2003 workbook \(\.xls\): open it/);
    expect(workbookFileProblem(fixture("libreoffice-ranges.ods"))).toMatch(/^it is an OpenDocument spreadsheet \(\.ods\)/);
  });

  it("finds nothing wrong with real workbooks, from Excel's writer or other programs", async () => {
    for (const name of ["openpyxl-tables.xlsx", "libreoffice-ranges.xlsx", "pandas-charges.xlsx"])
      expect(workbookFileProblem(fixture(name))).toBeUndefined();
    expect(workbookFileProblem(await XlsxWorkbook.create().save())).toBeUndefined();
  });

  it("says a workbook that passes the checks but still can't be read is probably damaged", async () => {
    const bytes = zip({ "[Content_Types].xml": XLSX_TYPES, "xl/workbook.xml": "<workbook><sheets><sheet" });
    expect(workbookFileProblem(bytes)).toBeUndefined();
    await expect(XlsxWorkbook.load(bytes)).rejects.toThrow();
    expect(unreadableWorkbook(bytes)).toMatch(
      /^it looks like a workbook but parts of it can't be read, so it is probably damaged: open it in Excel/,
    );
    expect(unreadableWorkbook(text("a,b\n"))).toMatch(/text \(CSV\) file/);
  });

  it("makes one sentence naming the file", () => {
    expect(cannotOpen("visits.xlsx", workbookFileProblem(text("a,b\n1,2\n"))!)).toBe(
      'Cannot open "visits.xlsx": it is a text (CSV) file, not a workbook: open it in Excel and save it as "Excel Workbook (*.xlsx)".',
    );
  });
});
