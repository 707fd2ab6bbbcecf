import { describe, expect, it } from "vitest";
import { FileProblem, fileKind, openWorkbookFile } from "../../taskpane/browser/workbookFile";

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0]);

describe("opening a file in the browser host", () => {
  it("tells an .xlsx (zip) from an old .xls or encrypted file (OLE) and from anything else", () => {
    expect(fileKind(bytes(0x50, 0x4b, 0x03, 0x04))).toBe("zip");
    expect(fileKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe("ole");
    expect(fileKind(new TextEncoder().encode("PatientID,Name\n"))).toBe("other");
    expect(fileKind(new Uint8Array())).toBe("other");
  });

  it("refuses a file that is not a workbook with a message that names it and says what to do", async () => {
    const text = new TextEncoder().encode("not a workbook").buffer;
    await expect(openWorkbookFile("notes.xlsx", text)).rejects.toThrow(FileProblem);
    await expect(openWorkbookFile("notes.xlsx", text)).rejects.toThrow(
      /"notes.xlsx" is not an Excel workbook.*Excel Workbook \(\*\.xlsx\)/,
    );
    const xls = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1).buffer;
    await expect(openWorkbookFile("old.xls", xls)).rejects.toThrow(/older Excel 97-2003/);
  });

  it("says a damaged .xlsx could not be read, rather than showing a zip error alone", async () => {
    const broken = bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3).buffer;
    await expect(openWorkbookFile("broken.xlsx", broken)).rejects.toThrow(
      /"broken.xlsx" could not be read as an Excel workbook: it may be damaged/,
    );
  });
});
