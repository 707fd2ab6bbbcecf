// Workbooks saved by programs other than Excel (openpyxl, pandas, XlsxWriter, LibreOffice Calc: see
// fixtures/README.md) open through the xlsx adapter, their tables map to the billing tables, and
// a plan written to them saves a file that opens again. ExcelJS alone throws on openpyxl's files.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync, strToU8, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { Cents } from "../../src/money";
import type { IsoDate } from "../../src/dates";
import { mapColumns, parseTable, rowToCells } from "../../src/workbook/mapTable";
import { applyPlan } from "../../src/workbook/plan";
import { inspectWorkbook, setupPlan } from "../../src/workbook/setup";
import { Charges, Payers, Payments, Postings } from "../../src/workbook/tables";
import { workbookFileProblem } from "../../src/workbook/workbookFileProblems";
import { packageForExcelJs, VALIDATION_MARGIN } from "../../src/workbook/xlsxPackage";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";

const NOW = new Date(2026, 3, 1, 10, 0, 0);
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, "fixtures", name)));
const WITH_TABLES = ["openpyxl-tables.xlsx", "libreoffice-tables.xlsx", "xlsxwriter-tables.xlsx"];
const PLAIN = ["openpyxl-ranges.xlsx", "libreoffice-ranges.xlsx", "pandas-charges.xlsx"];

async function rawExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe("workbooks saved by openpyxl, XlsxWriter and LibreOffice, with real tables", () => {
  it("openpyxl's files are why: ExcelJS alone throws on them (absolute targets, comment part names)", async () => {
    await expect(rawExcelJs(fixture("openpyxl-tables.xlsx"))).rejects.toThrow();
  });

  it.each(WITH_TABLES)("%s opens and its tables map to the billing tables by their office headers", async (name) => {
    const book = await XlsxWorkbook.load(fixture(name));
    const info = await book.describe();
    expect(info.sheets).toEqual(["Payers", "Charges", "Payments", "Postings"]);
    expect(info.tables.map((t) => [t.name, t.sheet, t.rowCount])).toEqual([
      ["Payers", "Payers", 3],
      ["Charges", "Charges", 3],
      ["Payments", "Payments", 1],
      ["Postings", "Postings", 2],
    ]);
    const statuses = inspectWorkbook(info);
    for (const table of ["Payers", "Charges", "Payments", "Postings"]) {
      expect(statuses.find((s) => s.table === table)?.mapping?.missingRequired).toEqual([]);
    }
    const raw = await book.readTables(["Charges", "Payers", "Payments", "Postings"]);
    const charges = parseTable(Charges, raw.Charges!, info.dateSystem);
    expect(charges.issues).toEqual([]);
    expect(charges.mapping.columns.chargeId.header).toBe("Charge ID");
    expect(charges.mapping.columns.dos.header).toBe("Date of Service");
    expect(charges.mapping.columns.code.header).toBe("CPT");
    expect(charges.mapping.extras).toEqual(["Office Notes"]);
    expect(charges.rows.map((r) => [r.chargeId, r.dos, r.code, r.amount])).toEqual([
      ["C0001", "2026-03-02", "99213", 12500],
      ["C0002", "2026-03-02", "36415", 1500],
      ["C0003", "2026-03-04", "99214", 18000],
    ]);
    expect(parseTable(Payers, raw.Payers!).mapping.columns.name.header).toBe("Insurance Name");
    const payments = parseTable(Payments, raw.Payments!, info.dateSystem);
    expect(payments.issues).toEqual([]);
    expect(payments.rows[0]).toMatchObject({ paymentId: "PM001", date: "2026-03-20", reference: "100234", amount: 9840 });
    expect(parseTable(Postings, raw.Postings!, info.dateSystem).rows).toHaveLength(2);
  });

  it.each(WITH_TABLES)("%s takes a plan (new postings), saves, and the saved file opens with them", async (name) => {
    const book = await XlsxWorkbook.load(fixture(name));
    const info = await book.describe();
    const postings = info.tables.find((t) => t.name === "Postings")!;
    const row = rowToCells(
      Postings,
      mapColumns(Postings, postings.headers),
      {
        postingId: "T0003",
        paymentId: "PM001",
        chargeId: "C0003",
        date: "2026-03-21" as IsoDate,
        paid: 14400 as Cents,
        adjustment: 3600 as Cents,
        group: "CO",
        reason: "45",
        source: "Manual",
      },
      info.dateSystem,
    );
    await applyPlan(
      book,
      { action: "Post payment", what: "1 posting", ops: [{ kind: "appendRows", table: "Postings", rows: [row] }] },
      NOW,
    );

    const again = await XlsxWorkbook.load(await book.save());
    const after = await again.describe();
    expect(after.tables.find((t) => t.name === "Postings")?.rowCount).toBe(3);
    expect(after.tables.map((t) => t.name)).toContain("Audit");
    const raw = await again.readTables(["Postings", "Charges"]);
    const parsed = parseTable(Postings, raw.Postings!, after.dateSystem);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.at(-1)).toMatchObject({ postingId: "T0003", chargeId: "C0003", date: "2026-03-21", paid: 14400, adjustment: 3600 });
    // The office's own column and data elsewhere are untouched.
    expect(parseTable(Charges, raw.Charges!, after.dateSystem).rows).toHaveLength(3);
    // And ExcelJS on its own reads what was saved (relative targets, its own part names).
    await expect(rawExcelJs(await again.save())).resolves.toBeDefined();
  });
});

describe("plain sheets saved by openpyxl, pandas and LibreOffice (no tables)", () => {
  it.each(PLAIN)("%s opens, its rows read, and Setup adds the tables beside the office's own sheets", async (name) => {
    const book = await XlsxWorkbook.load(fixture(name));
    const info = await book.describe();
    expect(info.tables).toEqual([]);
    expect(info.sheets).toContain("Charges");
    const sheet = (await book.readSheet("Charges"))!;
    expect(sheet[0].slice(0, 5)).toEqual(["Charge ID", "ClaimID", "PatientID", "PayerID", "Date of Service"]);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(["C0001", "C0002", "C0003"]);

    await applyPlan(book, setupPlan(info)!, NOW);
    const again = await XlsxWorkbook.load(await book.save());
    const after = await again.describe();
    expect(after.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Charges", "Postings", "Audit"]));
    // The office's sheet keeps its data; the new table went on a sheet of its own.
    expect((await again.readSheet("Charges"))!.slice(1).map((r) => r[0])).toEqual(["C0001", "C0002", "C0003"]);
    expect(after.tables.find((t) => t.name === "Charges")!.sheet).toBe("Charges (2)");
  });
});

describe("what offices add to their sheets (openpyxl-extras.xlsx)", () => {
  it("a dropdown over a whole column is cut to the used rows and a margin, and survives a plan and a save", async () => {
    const sheetOf = (bytes: Uint8Array, part: string) => strFromU8(unzipSync(bytes, { filter: (f) => f.name === part })[part]);
    expect(sheetOf(fixture("openpyxl-extras.xlsx"), "xl/worksheets/sheet4.xml")).toContain('sqref="G2:G1048576"');
    const ready = sheetOf(packageForExcelJs(fixture("openpyxl-extras.xlsx")), "xl/worksheets/sheet4.xml");
    expect(ready).toContain(`sqref="G2:G${3 + VALIDATION_MARGIN}"`);
    // The whole-column conditional fill is one range for ExcelJS too: left as it is.
    expect(ready).toContain('sqref="E2:E1048576"');

    const book = await XlsxWorkbook.load(fixture("openpyxl-extras.xlsx"));
    const info = await book.describe();
    const postings = info.tables.find((t) => t.name === "Postings")!;
    const row = rowToCells(
      Postings,
      mapColumns(Postings, postings.headers),
      { postingId: "T0003", chargeId: "C0003", date: "2026-03-21" as IsoDate, paid: 100 as Cents },
      info.dateSystem,
    );
    await applyPlan(
      book,
      { action: "Post payment", what: "1 posting", ops: [{ kind: "appendRows", table: "Postings", rows: [row] }] },
      NOW,
    );
    const saved = await book.save();
    const again = await XlsxWorkbook.load(saved);
    expect((await again.describe()).tables.find((t) => t.name === "Postings")?.rowCount).toBe(3);
    const postingsXml = sheetOf(saved, "xl/worksheets/sheet4.xml");
    expect(postingsXml).toContain("&quot;CO,PR,OA,PI,WO&quot;");
    expect(postingsXml).toMatch(new RegExp(`sqref="G2:G${3 + VALIDATION_MARGIN}"`));
    // The link on Charges is read as its text.
    expect((await again.readTables(["Charges"])).Charges!.rows[0][0]).toBe("C0001");
  });

  it("cuts every form of a long dropdown range and leaves short ones alone", () => {
    const rows = Array.from({ length: 10 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join("");
    const sheet = (sqref: string) =>
      `<worksheet><sheetData>${rows}</sheetData><dataValidations count="1"><dataValidation type="list" sqref="${sqref}"><formula1>"A,B"</formula1></dataValidation></dataValidations></worksheet>`;
    const cut = (sqref: string) => {
      const out = packageForExcelJs(zipSync({ "xl/worksheets/sheet1.xml": strToU8(sheet(sqref)) }));
      return /sqref="([^"]*)"/.exec(strFromU8(unzipSync(out)["xl/worksheets/sheet1.xml"]))![1];
    };
    const limit = 10 + VALIDATION_MARGIN;
    expect(cut("G2:G1048576")).toBe(`G2:G${limit}`);
    expect(cut("$G$2:$H$1048576 B5")).toBe(`G2:H${limit} B5`);
    expect(cut("G:G")).toBe(`G1:G${limit}`);
    expect(cut(`C${limit + 5}:C1048576`)).toBe(`C${limit + 5}`);
    const short = zipSync({ "xl/worksheets/sheet1.xml": strToU8(sheet("G2:G40")) });
    expect(packageForExcelJs(short)).toBe(short);
  });
});

describe("pictures and charts (openpyxl-drawings.xlsx)", () => {
  it("a drawing in the default namespace opens, and the picture is still in the saved file", async () => {
    await expect(rawExcelJs(fixture("openpyxl-drawings.xlsx"))).rejects.toThrow();
    const ready = unzipSync(packageForExcelJs(fixture("openpyxl-drawings.xlsx")));
    const drawings = Object.keys(ready).filter((n) => /^xl\/drawings\/[^/]+\.xml$/.test(n));
    expect(drawings.length).toBeGreaterThan(0);
    for (const name of drawings) expect(strFromU8(ready[name])).toMatch(/^(<\?xml[^>]*>\s*)?<xdr:wsDr xmlns:xdr=/);

    const book = await XlsxWorkbook.load(fixture("openpyxl-drawings.xlsx"));
    expect((await book.describe()).tables.map((t) => t.name)).toEqual(["Payers", "Charges", "Payments", "Postings"]);
    const saved = await book.save();
    expect(Object.keys(unzipSync(saved)).some((n) => /^xl\/media\/[^/]+\.png$/.test(n))).toBe(true);
    expect((await (await XlsxWorkbook.load(saved)).describe()).tables).toHaveLength(4);
  });
});

describe("putting a package in the shape ExcelJS reads", () => {
  const files = (bytes: Uint8Array) => unzipSync(bytes);

  it("leaves a package ExcelJS already reads as it is (the same bytes, nothing copied)", async () => {
    const book = await XlsxWorkbook.load(fixture("libreoffice-tables.xlsx"));
    const saved = await book.save();
    expect(packageForExcelJs(saved)).toBe(saved);
    const libre = fixture("libreoffice-tables.xlsx");
    expect(packageForExcelJs(libre)).toBe(libre);
  });

  it("makes openpyxl's absolute targets relative and renames its comment parts, and keeps every other part", () => {
    const before = files(fixture("openpyxl-tables.xlsx"));
    const after = files(packageForExcelJs(fixture("openpyxl-tables.xlsx")));
    const rels = strFromU8(after["xl/worksheets/_rels/sheet2.xml.rels"]);
    expect(rels).toContain('Target="../tables/table2.xml"');
    expect(rels).toMatch(/Target="\.\.\/comments\d+\.xml"/);
    expect(rels).toMatch(/Target="\.\.\/drawings\/vmlDrawing\d+\.vml"/);
    expect(rels).not.toContain('Target="/');
    expect(strFromU8(after["xl/_rels/workbook.xml.rels"])).not.toContain('Target="/');
    expect(Object.keys(after).filter((n) => n.startsWith("xl/comments/"))).toEqual([]);
    const types = strFromU8(after["[Content_Types].xml"]);
    expect(types).toMatch(/PartName="\/xl\/comments\d+\.xml"/);
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length);
    expect(after["xl/worksheets/sheet2.xml"]).toEqual(before["xl/worksheets/sheet2.xml"]);
  });

  it("reads a package whose entries are named with backslashes, as some Windows tools write them", async () => {
    const src = files(fixture("libreoffice-tables.xlsx"));
    const bytes = zipSync(Object.fromEntries(Object.entries(src).map(([name, data]) => [name.replace(/\//g, "\\"), data])));
    expect(Object.keys(unzipSync(bytes))).toContain("xl\\workbook.xml");
    expect(workbookFileProblem(bytes)).toBeUndefined();
    const info = await (await XlsxWorkbook.load(bytes)).describe();
    expect(info.tables.map((t) => [t.name, t.rowCount])).toEqual([
      ["Payers", 3],
      ["Charges", 3],
      ["Payments", 1],
      ["Postings", 2],
    ]);
  });

  it("renames a worksheet and its table that ExcelJS would not find by name, with their relationships", async () => {
    // A package as another tool might write it: sheet part "data.xml", table part "Charges.xml".
    const src = files(fixture("libreoffice-tables.xlsx"));
    const renamed: Record<string, Uint8Array> = {};
    const move: Record<string, string> = {
      "xl/worksheets/sheet2.xml": "xl/worksheets/data.xml",
      "xl/worksheets/_rels/sheet2.xml.rels": "xl/worksheets/_rels/data.xml.rels",
      "xl/tables/table1.xml": "xl/tables/Charges.xml",
    };
    for (const [name, data] of Object.entries(src)) {
      let bytes = data;
      if (name.endsWith(".rels") || name === "[Content_Types].xml") {
        bytes = strToU8(strFromU8(data).replace("sheet2.xml", "data.xml").replace("tables/table1.xml", "tables/Charges.xml"));
      }
      renamed[move[name] ?? name] = bytes;
    }
    const bytes = zipSync(renamed);
    const book = await XlsxWorkbook.load(bytes);
    const info = await book.describe();
    expect(info.sheets).toEqual(["Payers", "Charges", "Payments", "Postings"]);
    expect(info.tables.find((t) => t.name === "Charges")).toMatchObject({ sheet: "Charges", rowCount: 3 });
  });
});
