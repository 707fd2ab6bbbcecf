// A report sheet's text styles and print layout (statements) through checkPlan and the three
// adapters: a style or a layout Excel cannot take refuses the plan before anything is written;
// memory keeps them as given; the .xlsx file carries fonts, alignment, the top border, Letter paper,
// margins, fit to one page wide, an absolute print area and the page breaks, read back with plain
// ExcelJS and from the XML, and still there after the file is loaded and saved again; Excel (the
// fake) gets one call per block and property, refuses without ExcelApi 1.9, and a sheet of 5,000
// documents takes as many syncs as one when requests have no size cap.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { MAX_PAGE_BREAKS } from "../../src/workbook/checkReportLayout";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { PlanRejected, type CellValue, type PrintLayout, type ReportSheetOp, type WriteOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeExcel } from "./fakeExcel";

const MONEY = '"$"#,##0.00';
const SHEET = "Statements 2026-11-27";
/** Rows of one document in the synthetic batches below. */
const DOC_ROWS = 12;

type Styles = NonNullable<ReportSheetOp["styles"]>;

/**
 * A printed sheet of `docs` documents of DOC_ROWS rows each (a title, figures, a message, a dashed
 * tear-off line), every document after the first on a new page.
 */
function printedSheet(docs = 3, overrides: Partial<ReportSheetOp> = {}, sheet = SHEET): ReportSheetOp {
  const cells: CellValue[][] = [];
  const styles: Styles = [];
  const breaks: number[] = [];
  for (let d = 0; d < docs; d++) {
    const top = cells.length;
    if (d > 0) breaks.push(top);
    cells.push([`Practice ${d + 1}`, null, null, null, null, null, "STATEMENT"]);
    for (let i = 1; i < DOC_ROWS - 2; i++) cells.push([`row ${i}`, `text ${d}`, i, i * 2, i * 3, null, (d + 1) * i]);
    cells.push(["Please pay by the due date.", null, null, null, null, null, null]);
    cells.push(["Please detach and return this part with your payment", null, null, null, null, null, null]);
    styles.push(
      { range: { row: top, column: 0, rows: 1, columns: 1 }, bold: true, fontSize: 14 },
      { range: { row: top, column: 6, rows: 1, columns: 1 }, bold: true, fontSize: 16, align: "right" },
      { range: { row: top + DOC_ROWS - 2, column: 0, rows: 1, columns: 1 }, italic: true },
      { range: { row: top + DOC_ROWS - 1, column: 0, rows: 1, columns: 7 }, borderTop: "dashed", italic: true, fontSize: 8 },
      { range: { row: top + 1, column: 0, rows: 1, columns: 7 }, borderTop: "thin", bold: true, align: "center" },
    );
  }
  return {
    kind: "reportSheet",
    sheet,
    cells,
    columns: [{ width: 15 }, { width: 32 }, ...Array.from({ length: 5 }, () => ({ width: 12, numberFormat: MONEY }))],
    styles,
    print: {
      area: { row: 0, column: 0, rows: cells.length, columns: 7 },
      orientation: "portrait",
      margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
      fitToWidth: true,
      pageBreaksBefore: breaks,
    },
    ...overrides,
  };
}

function withPrint(print: Partial<PrintLayout>, docs = 3): ReportSheetOp {
  const op = printedSheet(docs);
  return { ...op, print: { ...op.print, ...print } };
}

function billingBook(): MemoryWorkbook {
  return new MemoryWorkbook([{ name: "Statements", table: { name: "Statements", headers: ["Number", "Amount Due"], rows: [] } }]);
}

async function refused(ops: WriteOp[], message: RegExp): Promise<void> {
  const wb = billingBook();
  const before = structuredClone(wb.sheets);
  const attempt = wb.write(ops);
  await expect(attempt).rejects.toBeInstanceOf(PlanRejected);
  await expect(attempt).rejects.toThrow(message);
  expect(wb.sheets).toEqual(before);
}

async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(book)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

async function definedNames(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file("xl/workbook.xml")!.async("string")).match(/<definedNames>[\s\S]*<\/definedNames>/)?.[0] ?? "";
}

/** The 0-based rows a page starts at, from the sheet's <rowBreaks> (a brk id r breaks below 1-based row r). */
function breaksIn(xml: string): number[] {
  const list = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? "";
  return [...list.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
}

/** An ExcelJS cell's look as plain values (an ExcelJS cell, not an Office.js range). */
function plainStyle(cell: ExcelJS.Cell) {
  return { font: cell.font ?? {}, top: cell.border?.top, horizontal: cell.alignment?.horizontal, numFmt: cell.numFmt };
}

async function openWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("checkPlan refuses a style or a print layout Excel cannot take, before anything is written", () => {
  it("accepts a whole printed batch", async () => {
    await expect(billingBook().write([printedSheet()])).resolves.toMatchObject({ sheetsWritten: [SHEET] });
  });

  it("text styles: inside the cells, a font size of 6 to 36 points, known lines and alignments", async () => {
    const style = (s: Partial<Styles[number]>): ReportSheetOp => ({
      ...printedSheet(1),
      styles: [{ range: { row: 0, column: 0, rows: 1, columns: 1 }, ...s }],
    });
    const cases: [ReportSheetOp, RegExp][] = [
      [
        style({ range: { row: 11, column: 6, rows: 2, columns: 1 } }),
        /a text style \(G12:G13\) is outside the report, which has cells A1:G12/,
      ],
      [style({ range: { row: 0, column: 6, rows: 1, columns: 2 } }), /a text style \(G1:H1\) is outside the report/],
      [style({ range: { row: 0, column: 0, rows: 0, columns: 1 } }), /a text style is not a block of whole rows and columns/],
      [style({ fontSize: 5 }), /a font size is 6 to 36 points, not 5/],
      [style({ fontSize: 37 }), /a font size is 6 to 36 points, not 37/],
      [style({ fontSize: Number.NaN }), /a font size is 6 to 36 points, not NaN/],
      [style({ borderTop: "double" as "thin" }), /a line above a block is "thin" or "dashed", not "double"/],
      [style({ align: "justify" as "left" }), /text is aligned left, center or right, not "justify"/],
      [style({ bold: "yes" as unknown as boolean }), /bold and italic are true or false, not yes/],
    ];
    for (const [op, message] of cases) await refused([op], message);
  });

  it("print layout: an area inside the cells, margins of 0 to 3 inches, a known orientation", async () => {
    const cases: [ReportSheetOp, RegExp][] = [
      [
        withPrint({ area: { row: 0, column: 0, rows: 37, columns: 7 } }),
        /the print area \(A1:G37\) is outside the report, which has cells A1:G36/,
      ],
      [withPrint({ area: { row: 0, column: 0, rows: 36, columns: 8 } }), /the print area \(A1:H36\) is outside the report/],
      [withPrint({ margins: { top: 0.5, bottom: -0.1, left: 0.5, right: 0.5 } }), /the bottom margin is 0 to 3 inches, not -0\.1/],
      [withPrint({ margins: { top: 3.5, bottom: 0.5, left: 0.5, right: 0.5 } }), /the top margin is 0 to 3 inches, not 3\.5/],
      [withPrint({ orientation: "sideways" as "portrait" }), /the page is portrait or landscape, not "sideways"/],
      [{ kind: "reportSheet", sheet: "Blank", cells: [], print: { fitToWidth: true } }, /report "Blank": there are no cells to print/],
    ];
    for (const [op, message] of cases) await refused([op], message);
    // Margins at the limits are fine, and so is a print layout without an area (the cells written).
    const edges = withPrint({ area: undefined, margins: { top: 0, bottom: 3, left: 0, right: 3 } });
    await expect(billingBook().write([edges])).resolves.toBeDefined();
  });

  it("page breaks: on the report's rows below the first, ascending, each once, at most 1,023", async () => {
    const cases: [number[], RegExp][] = [
      [[0, 12], /a page break before row 1 is outside the report \(a page can start at rows 2 to 36\)/],
      [[12, 36], /a page break before row 37 is outside the report/],
      [[12, 1.5], /a page break before row 1\.5 is outside the report/],
      [[24, 12], /page breaks go in ascending order, each row once \(row 13 comes after row 25\)/],
      [[12, 12], /page breaks go in ascending order, each row once \(row 13 comes after row 13\)/],
    ];
    for (const [pageBreaksBefore, message] of cases) await refused([withPrint({ pageBreaksBefore })], message);
    const tooMany = printedSheet(MAX_PAGE_BREAKS + 2);
    expect(tooMany.print!.pageBreaksBefore).toHaveLength(1024);
    await refused([tooMany], /1,024 page breaks are more than the 1,023 Excel keeps on one sheet/);
    await expect(billingBook().write([printedSheet(MAX_PAGE_BREAKS + 1)])).resolves.toBeDefined();
  });
});

describe("the memory adapter", () => {
  it("keeps the styles and the print layout as given", async () => {
    const wb = billingBook();
    const op = printedSheet(2);
    await wb.write([op]);
    const sheet = wb.sheets.find((s) => s.name === SHEET)!;
    expect(sheet.layout?.styles).toEqual(op.styles);
    expect(sheet.layout?.print).toEqual({ ...op.print, pageBreaksBefore: [DOC_ROWS] });
  });
});

describe("the .xlsx file", () => {
  async function written(op: ReportSheetOp = printedSheet()): Promise<Uint8Array> {
    const wb = XlsxWorkbook.create();
    await wb.write([op]);
    return wb.save();
  }

  it("carries fonts, alignment and the top line of each block, read back with plain ExcelJS", async () => {
    const sheet = (await openWithExcelJs(await written())).getWorksheet(SHEET)!;
    const top = DOC_ROWS + 1; // the second document's first row, 1-based
    expect(sheet.getCell(top, 1).font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell(top, 7).font).toMatchObject({ bold: true, size: 16 });
    expect(sheet.getCell(top, 7).alignment).toMatchObject({ horizontal: "right" });
    expect(sheet.getCell(top + DOC_ROWS - 2, 1).font).toMatchObject({ italic: true });
    const look = (row: number, column: number) => plainStyle(sheet.getCell(row, column));
    expect(look(top + DOC_ROWS - 1, 4)).toMatchObject({ top: { style: "dashed" }, font: { italic: true, size: 8 } });
    // The figures row under the title: a thin line, bold, centered, and its money format kept.
    expect(look(top + 1, 5)).toMatchObject({ top: { style: "thin" }, font: { bold: true }, horizontal: "center", numFmt: MONEY });
    // Cells outside every block are plain, though they share the column's format with styled ones.
    const plain = look(top + 2, 5);
    expect(plain.numFmt).toBe(MONEY);
    expect(plain.font.bold).toBeFalsy();
    expect(plain.top).toBeUndefined();
    expect(plain.horizontal).toBeUndefined();
  });

  it("prints on Letter paper, portrait, half-inch margins, one page wide, over an absolute print area", async () => {
    const bytes = await written();
    const setup = (await openWithExcelJs(bytes)).getWorksheet(SHEET)!.pageSetup;
    expect(setup).toMatchObject({
      paperSize: 1,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:G36",
    });
    expect(setup.margins).toMatchObject({ top: 0.5, bottom: 0.5, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 });
    const xml = await sheetXml(bytes, SHEET);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="1" orientation="portrait"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(await definedNames(bytes)).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;${SHEET}&apos;!$A$1:$G$36</definedName>`,
    );
  });

  it("writes a page break above each document after the first", async () => {
    const bytes = await written(printedSheet(4));
    expect(breaksIn(await sheetXml(bytes, SHEET))).toEqual([DOC_ROWS, 2 * DOC_ROWS, 3 * DOC_ROWS]);
  });

  it("keeps the page breaks and the absolute print area when the file is loaded, written to and saved again", async () => {
    const first = XlsxWorkbook.create();
    await first.write([
      { kind: "createTable", table: "Statements", sheet: "Statements", headers: ["Number", "Amount Due"], rows: [["S000001", 12]] },
      printedSheet(3),
    ]);
    const again = await XlsxWorkbook.load(await first.save());
    await again.write([{ kind: "appendRows", table: "Statements", rows: [{ Number: "S000002", "Amount Due": 30 }] }]);
    const bytes = await again.save();
    expect(breaksIn(await sheetXml(bytes, SHEET))).toEqual([DOC_ROWS, 2 * DOC_ROWS]);
    expect(breaksIn(await sheetXml(bytes, "Statements"))).toEqual([]);
    expect(await definedNames(bytes)).toContain(`&apos;${SHEET}&apos;!$A$1:$G$36</definedName>`);
    expect((await openWithExcelJs(bytes)).getWorksheet(SHEET)!.pageSetup).toMatchObject({ paperSize: 1, fitToWidth: 1, fitToHeight: 0 });
  });

  it("without an area, prints the cells written; landscape when asked", async () => {
    const bytes = await written(withPrint({ area: undefined, orientation: "landscape", pageBreaksBefore: [] }));
    const setup = (await openWithExcelJs(bytes)).getWorksheet(SHEET)!.pageSetup;
    expect(setup).toMatchObject({ orientation: "landscape", printArea: "A1:G36" });
    expect(breaksIn(await sheetXml(bytes, SHEET))).toEqual([]);
  });

  it("refuses a print area on a sheet whose name has an apostrophe, with nothing written", async () => {
    const wb = XlsxWorkbook.create();
    const attempt = wb.write([printedSheet(1, {}, "O'Neil statements")]);
    await expect(attempt).rejects.toBeInstanceOf(PlanRejected);
    await expect(attempt).rejects.toThrow(/print area of sheet "O'Neil statements" cannot be saved/);
    expect((await wb.describe()).sheets).toEqual([]);
    // Without a print layout the same name is fine.
    await expect(wb.write([printedSheet(1, { print: undefined }, "O'Neil statements")])).resolves.toBeDefined();
  });
});

describe("Excel (the fake)", () => {
  it("sets the page layout, the breaks and each block's style, one call per block and property", async () => {
    const fake = new FakeExcel();
    const op = printedSheet(3);
    await new ExcelWorkbook(fake.run).write([op]);
    const sheet = fake.sheet(SHEET)!;
    expect(sheet.pageLayout).toEqual({
      paperSize: "Letter",
      orientation: "Portrait",
      margins: { top: 36, bottom: 36, left: 36, right: 36 },
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: { top: 0, left: 0, rows: 36, columns: 7 },
    });
    expect(sheet.pageBreaks).toEqual([DOC_ROWS, 2 * DOC_ROWS]);
    const top = DOC_ROWS;
    expect(sheet.isBold(top, 0)).toBe(true);
    expect(sheet.textStyleAt(top, 0)).toEqual({ size: 14 });
    expect(sheet.textStyleAt(top, 6)).toEqual({ size: 16, align: "Right" });
    expect(sheet.textStyleAt(top + 1, 3)).toEqual({ borderTop: "Continuous", align: "Center" });
    expect(sheet.textStyleAt(top + DOC_ROWS - 2, 0)).toEqual({ italic: true });
    expect(sheet.textStyleAt(top + DOC_ROWS - 1, 6)).toEqual({ borderTop: "Dash", italic: true, size: 8 });
    expect(sheet.textStyleAt(top + 2, 3)).toEqual({});
    expect(sheet.isBold(top + 2, 3)).toBe(false);
    // 12 properties per document: never one call per cell.
    expect(fake.styleCalls).toBe(3 * 12);
  });

  it("refuses a print layout without ExcelApi 1.9 before anything is written; styles alone still go", async () => {
    const fake = new FakeExcel();
    const before = fake.snapshot();
    const office = globalThis as { Office?: unknown };
    office.Office = { context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split(".")[1]) < 9 } } };
    try {
      await expect(new ExcelWorkbook(fake.run).write([printedSheet()])).rejects.toThrow(
        /Nothing was written: this version of Excel cannot set up a sheet for printing/,
      );
      expect(fake.snapshot()).toBe(before);
      await expect(new ExcelWorkbook(fake.run).write([printedSheet(3, { print: undefined })])).resolves.toBeDefined();
      expect(fake.sheet(SHEET)!.textStyleAt(DOC_ROWS, 6)).toEqual({ size: 16, align: "Right" });
      expect(fake.sheet(SHEET)!.pageBreaks).toEqual([]);
    } finally {
      delete office.Office;
    }
  });

  it("a refused plan (checkPlan) leaves the workbook as it was", async () => {
    const fake = new FakeExcel();
    const before = fake.snapshot();
    await expect(new ExcelWorkbook(fake.run).write([withPrint({ pageBreaksBefore: [24, 12] })])).rejects.toBeInstanceOf(PlanRejected);
    expect(fake.snapshot()).toBe(before);
  });

  /** 5,000 documents on five sheets of 1,000, each document after the first of a sheet on a new page. */
  function batch(docs: number): ReportSheetOp[] {
    const sheets: ReportSheetOp[] = [];
    for (let at = 0; at < docs; at += 1000)
      sheets.push(printedSheet(Math.min(1000, docs - at), {}, `Statements part ${sheets.length + 1}`));
    return sheets;
  }

  it("a batch of 5,000 documents takes as many syncs as one when requests have no cap (desktop)", async () => {
    const syncs = async (docs: number) => {
      const fake = new FakeExcel({ payloadLimitBytes: Infinity });
      await new ExcelWorkbook(fake.run, { maxPayloadBytes: Infinity }).write(batch(docs));
      expect(fake.sheet("Statements part 1")!.pageBreaks).toHaveLength(Math.min(docs, 1000) - 1);
      return fake.syncs;
    };
    const one = await syncs(1);
    expect(await syncs(5000)).toBe(one);
  }, 60_000);

  it("on Excel on the web the same batch stays under 5 MB a request, in syncs set by its bytes, not its documents", async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).write(batch(5000));
    expect(fake.syncLog.every((s) => !s.failed && s.requestBytes <= EXCEL_WEB_PAYLOAD_LIMIT)).toBe(true);
    expect(fake.sheet("Statements part 5")!.pageBreaks).toHaveLength(999);
    expect(fake.styleCalls).toBe(5000 * 12);
    expect(fake.syncs).toBeLessThan(40);
  }, 60_000);
});
