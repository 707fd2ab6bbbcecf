import { describe, expect, it } from "vitest";
import { FileProblem, openWorkbookFile } from "../../taskpane/browser/workbookFile";

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe("opening a file in the browser host", () => {
  it("refuses a file that is not a workbook with the CLI's sentence: it names the file and says what to do", async () => {
    const text = new TextEncoder().encode("PatientID,Name\n1,Test\n").buffer;
    await expect(openWorkbookFile("notes.xlsx", text)).rejects.toThrow(FileProblem);
    await expect(openWorkbookFile("notes.xlsx", text)).rejects.toThrow(
      /^Cannot open "notes.xlsx": it is a text \(CSV\) file, not a workbook: open it in Excel and save it as "Excel Workbook \(\*\.xlsx\)"\.$/,
    );
    const xls = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1).buffer;
    await expect(openWorkbookFile("old.xls", xls)).rejects.toThrow(/older Excel 97-2003 workbook \(\.xls\) or a password-protected one/);
  });

  it("says a damaged .xlsx is damaged, rather than showing a zip error alone", async () => {
    const broken = bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3).buffer;
    await expect(openWorkbookFile("broken.xlsx", broken)).rejects.toThrow(/^Cannot open "broken.xlsx": the file is damaged/);
  });
});
