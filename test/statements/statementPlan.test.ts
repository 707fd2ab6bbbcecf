// Issuing and re-printing as write plans, on documents built by hand: the sheet(s) and one Statements
// row per document in one plan (the table created first when the workbook has none, its own headers
// used when it has them), an Audit row of counts, numbers and the total only; written to an .xlsx
// file and read back (sheet, print area, page breaks, Statements rows, Audit), to Excel (the fake),
// and nothing written at all when the plan is refused.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import type { StatementDocument } from "../../src/statements/model";
import { issuePlan, MAX_DOCUMENTS_PER_SHEET, reprintPlan, sheetName } from "../../src/statements/statementPlan";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { PlanRejected, type ReportSheetOp, type Workbook } from "../../src/workbook/port";
import { setupPlan } from "../../src/workbook/setup";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FakeExcel } from "../workbook/fakeExcel";
import { withSummary } from "./withSummary";

const NOW = new Date(2026, 10, 27, 16, 5, 0);
const DATE = "2026-11-27";
const NAMES = ["Dana Whitfield", "Lee Ortiz", "Sam Okafor"];

function statement(n: number, overrides: Partial<StatementDocument> = {}): StatementDocument {
  const amount = 1000 * (n + 1) + 25;
  return withSummary({
    kind: "Statement",
    number: `S${String(100 + n).padStart(6, "0")}`,
    date: DATE,
    dueDate: "2026-12-27",
    account: `P${n + 1}`,
    practice: { name: "Riverside Family Medicine", addressLines: ["100 Main St", "Springfield, IL 62701"], remitToLines: ["PO Box 77"] },
    to: { name: NAMES[n % NAMES.length], addressLines: ["12 Elm Ct", "Springfield, IL 62704"] },
    lines: [
      {
        dos: "2026-10-02",
        description: "Office visit",
        charges: amount + 5000,
        insurancePaid: 5000,
        adjustments: 0,
        patientPaid: 0,
        balance: amount,
        pendingInsurance: 0,
        due: amount,
      },
    ],
    previousBalance: 0,
    paymentsSince: 0,
    credit: 0,
    amountDue: amount,
    pendingInsurance: 0,
    aging: { current: 0, days31to60: amount, days61to90: 0, over90: 0 },
    message: "Please pay the amount due by the due date.",
    periodStart: "2026-10-02",
    periodEnd: "2026-10-02",
    ...overrides,
  });
}

function invoice(overrides: Partial<StatementDocument> = {}): StatementDocument {
  return statement(0, {
    kind: "Invoice",
    number: "I000045",
    account: "ATTY1",
    to: { name: "Baker & Lowe LLP", addressLines: [] },
    terms: "Net 30",
    ...overrides,
  });
}

const options = { dateSystem: 1900 as const };

async function setUpBook(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await applyPlan(wb, setupPlan(await wb.describe())!, NOW);
  return wb;
}

async function reopen(wb: XlsxWorkbook): Promise<{ bytes: Uint8Array; book: ExcelJS.Workbook }> {
  const bytes = await wb.save();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, book };
}

/** The 0-based rows a new page starts at, from a sheet's XML <rowBreaks>. */
async function pageBreaks(bytes: Uint8Array, sheet: string): Promise<number[]> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="(rId\\d+)"`).exec(book)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
  const list = /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml)?.[1] ?? "";
  return [...list.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
}

/** A table's body rows as plain values (header row first). */
function tableRows(book: ExcelJS.Workbook, sheet: string): unknown[][] {
  const rows: unknown[][] = [];
  book.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const sheets = (ops: { kind: string }[]) => ops.filter((op): op is ReportSheetOp => op.kind === "reportSheet");

describe("issuePlan", () => {
  it("one statement: its own sheet, one Statements row, an audit line with no patient in it", () => {
    const doc = statement(0);
    const plan = issuePlan([doc], options);
    expect(sheets(plan.ops).map((op) => op.sheet)).toEqual(["Statement S000100"]);
    expect(sheetName(invoice())).toBe("Invoice I000045");
    expect(plan.ops.filter((op) => op.kind === "appendRows")).toEqual([
      {
        kind: "appendRows",
        table: "Statements",
        rows: [
          {
            Number: "S000100",
            Date: isoToSerial(DATE),
            Account: "P1",
            Kind: "Statement",
            "Period Start": isoToSerial("2026-10-02"),
            "Period End": isoToSerial("2026-10-02"),
            "Amount Due": 10.25,
          },
        ],
      },
    ]);
    expect(plan.action).toBe("Statements issued");
    expect(plan.what).toBe('1 statement issued, S000100, on sheet "Statement S000100"');
    expect(plan.totals).toBe("amount due $10.25");
    for (const text of [plan.what, plan.totals!]) expect(text).not.toContain(doc.to.name);
  });

  it("an invoice: 'Invoice I000045', its own action; a period left out stays blank", () => {
    const plan = issuePlan([invoice({ periodStart: undefined, periodEnd: undefined })], options);
    expect(sheets(plan.ops).map((op) => op.sheet)).toEqual(["Invoice I000045"]);
    expect(plan.action).toBe("Invoice issued");
    expect(plan.what).toBe('1 invoice issued, I000045, on sheet "Invoice I000045"');
    const append = plan.ops.find((op) => op.kind === "appendRows")!;
    expect(append.kind === "appendRows" && append.rows[0]).toMatchObject({ Kind: "Invoice", "Period Start": null, "Period End": null });
  });

  it("a batch: one sheet named for its date, a page break above each statement after the first, a row each", () => {
    const docs = [0, 1, 2].map((n) => statement(n));
    const plan = issuePlan(docs, options);
    const [sheet] = sheets(plan.ops);
    expect(sheets(plan.ops)).toHaveLength(1);
    expect(sheet.sheet).toBe("Statements 2026-11-27");
    expect(sheet.print!.pageBreaksBefore).toHaveLength(2);
    const append = plan.ops.find((op) => op.kind === "appendRows")!;
    expect(append.kind === "appendRows" && append.rows.map((r) => [r.Number, r["Amount Due"]])).toEqual([
      ["S000100", 10.25],
      ["S000101", 20.25],
      ["S000102", 30.25],
    ]);
    expect(plan.what).toBe('3 statements issued, S000100-S000102, on sheet "Statements 2026-11-27"');
    expect(plan.totals).toBe("amount due $60.75");
    for (const name of NAMES) expect(`${plan.what} ${plan.totals}`).not.toContain(name);
    const invoices = issuePlan([invoice(), invoice({ number: "I000046" })], options);
    expect(sheets(invoices.ops)[0].sheet).toBe("Invoices 2026-11-27");
    expect(invoices.action).toBe("Invoices issued");
  });

  it("a batch past Excel's page-break limit goes on more sheets, a thousand documents each", () => {
    const docs = Array.from({ length: 2500 }, (_, n) => statement(n));
    const plan = issuePlan(docs, options);
    const parts = sheets(plan.ops);
    expect(MAX_DOCUMENTS_PER_SHEET).toBe(1000);
    expect(parts.map((op) => op.sheet)).toEqual(["Statements 2026-11-27", "Statements 2026-11-27 (2)", "Statements 2026-11-27 (3)"]);
    expect(parts.map((op) => op.print!.pageBreaksBefore!.length)).toEqual([999, 999, 499]);
    expect(parts[1].cells[4][6]).toBe("S001100");
    const append = plan.ops.find((op) => op.kind === "appendRows")!;
    expect(append.kind === "appendRows" && append.rows).toHaveLength(2500);
    // The Audit row counts as every message does: digits grouped (it once said "2500").
    expect(plan.what).toBe(
      '2,500 statements issued, S000100-S002599, on sheets "Statements 2026-11-27", "Statements 2026-11-27 (2)", "Statements 2026-11-27 (3)"',
    );
  });

  it("given the workbook: never replaces a sheet already there, and keys the row by the table's own headers", async () => {
    const wb = new MemoryWorkbook([
      {
        name: "Log",
        table: { name: "Statements", headers: ["Statement #", "Statement Date", "PatientID", "Due", "Notes"], rows: [] },
      },
      { name: "Statements 2026-11-27", cells: [["an earlier batch"]] },
    ]);
    const plan = issuePlan([statement(0), statement(1)], { ...options, info: await wb.describe() });
    expect(sheets(plan.ops).map((op) => op.sheet)).toEqual(["Statements 2026-11-27 (2)"]);
    const append = plan.ops.find((op) => op.kind === "appendRows")!;
    expect(append.kind === "appendRows" && append.rows[0]).toEqual({
      "Statement #": "S000100",
      "Statement Date": isoToSerial(DATE),
      PatientID: "P1",
      Due: 10.25,
    });
    await applyPlan(wb, plan, NOW);
    expect(await wb.readSheet("Statements 2026-11-27")).toEqual([["an earlier batch"]]);
    expect((await wb.readTables(["Statements"])).Statements!.rows.map((r) => r[0])).toEqual(["S000100", "S000101"]);
  });

  it("given a workbook without a Statements table, creates it first, on a free sheet", async () => {
    const wb = new MemoryWorkbook([{ name: "Statements", cells: [["notes kept here"]] }]);
    const plan = issuePlan([statement(0)], { ...options, info: await wb.describe() });
    expect(plan.ops[0]).toMatchObject({ kind: "createTable", table: "Statements", sheet: "Statements (2)" });
    const applied = await applyPlan(wb, plan, NOW);
    const table = (await wb.readTables(["Statements"])).Statements!;
    expect(table.sheet).toBe("Statements (2)");
    expect(table.rows).toEqual([
      ["S000100", isoToSerial(DATE), "P1", "Statement", isoToSerial("2026-10-02"), isoToSerial("2026-10-02"), 10.25, applied.planId],
    ]);
    expect(await wb.readSheet("Statements")).toEqual([["notes kept here"]]);
  });

  it("a Statements table without a required column is named in words a biller follows", async () => {
    const wb = new MemoryWorkbook([{ name: "Statements", table: { name: "Statements", headers: ["Number", "Account"], rows: [] } }]);
    const info = await wb.describe();
    expect(() => issuePlan([statement(0)], { ...options, info })).toThrow(
      'The Statements table has no "Date" and "Amount Due" columns: add them (Setup lists the columns) and issue again.',
    );
    expect(() => issuePlan([], options)).toThrow(/nothing to issue/);
  });
});

describe("written to an .xlsx file", () => {
  it("the batch sheet prints as laid out, its rows are in Statements, and the Audit row names no patient", async () => {
    const wb = await setUpBook();
    const docs = [0, 1, 2].map((n) => statement(n));
    const plan = issuePlan(docs, { ...options, info: await wb.describe() });
    const rowsPerDoc = sheets(plan.ops)[0].print!.pageBreaksBefore![0];
    await applyPlan(wb, plan, NOW);
    const { bytes, book } = await reopen(wb);
    const sheet = book.getWorksheet("Statements 2026-11-27")!;
    expect(sheet.getCell(1, 1).value).toBe("Riverside Family Medicine");
    expect(sheet.getCell(rowsPerDoc + 8, 2).value).toBe("Lee Ortiz");
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 1,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: `A1:G${3 * rowsPerDoc}`,
    });
    expect(sheet.pageSetup.margins).toMatchObject({ top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 });
    expect(await pageBreaks(bytes, "Statements 2026-11-27")).toEqual([rowsPerDoc, 2 * rowsPerDoc]);
    expect(tableRows(book, "Statements")).toEqual([
      ["Number", "Date", "Account", "Kind", "Period Start", "Period End", "Amount Due", "Plan"],
      ...docs.map((d) => [
        d.number,
        expect.any(Date),
        d.account,
        "Statement",
        expect.any(Date),
        expect.any(Date),
        d.amountDue / 100,
        expect.stringMatching(/^P\d{8}-\d{6}-/),
      ]),
    ]);
    const audit = tableRows(book, "Audit").at(-1)!;
    expect(audit.slice(1, 5)).toEqual([
      "Statements issued",
      '3 statements issued, S000100-S000102, on sheet "Statements 2026-11-27"',
      3,
      "amount due $60.75",
    ]);
    for (const name of NAMES) expect(JSON.stringify(tableRows(book, "Audit"))).not.toContain(name);
  });

  it("a re-print writes the sheet again with the same number and no Statements row", async () => {
    const wb = await setUpBook();
    const doc = statement(0);
    await applyPlan(wb, issuePlan([doc], { ...options, info: await wb.describe() }), NOW);
    const plan = reprintPlan({ ...doc, message: "Second notice." }, options);
    expect(plan.ops.map((op) => op.kind)).toEqual(["reportSheet"]);
    expect(plan.action).toBe("Statement re-printed");
    expect(plan.what).toBe('statement S000100 re-printed on sheet "Statement S000100", no new number');
    expect(plan.what).not.toContain(doc.to.name);
    await applyPlan(wb, plan, NOW);
    const { book } = await reopen(wb);
    expect(tableRows(book, "Statements")).toHaveLength(2);
    const cells = (await wb.readSheet("Statement S000100"))!;
    expect(cells[4][6]).toBe("S000100");
    expect(cells.some((row) => row[0] === "Second notice.")).toBe(true);
    expect(book.worksheets.filter((s) => s.name.startsWith("Statement S"))).toHaveLength(1);
    expect(tableRows(book, "Audit").at(-1)!.slice(1, 3)).toEqual(["Statement re-printed", plan.what]);
  });

  it("nothing is written when the plan is refused: no sheet, no row, no audit", async () => {
    const wb = XlsxWorkbook.create();
    await applyPlan(wb, { action: "Setup", what: "audit only", ops: [] }, NOW);
    // Planned without the workbook's layout, so it expects a Statements table this workbook lacks.
    const attempt = applyPlan(wb, issuePlan([statement(0), statement(1)], options), NOW);
    await expect(attempt).rejects.toBeInstanceOf(PlanRejected);
    await expect(attempt).rejects.toThrow(/the workbook has no table named Statements/);
    const info = await wb.describe();
    expect(info.sheets).toEqual(["Audit"]);
    expect(info.tables.find((t) => t.name === "Audit")!.rowCount).toBe(1);
    expect(await wb.readSheet("Statements 2026-11-27")).toBeUndefined();
  });
});

describe("written to Excel (the fake)", () => {
  it("the sheet, its print layout and breaks, and the rows, in a constant number of syncs", async () => {
    const run = async (count: number) => {
      const fake = new FakeExcel();
      fake.addTable("Statements", ["Number", "Date", "Account", "Kind", "Period Start", "Period End", "Amount Due"], []);
      fake.addTable("Audit", ["Time", "Action", "What", "Rows", "Totals"], []);
      const workbook: Workbook = new ExcelWorkbook(fake.run);
      const docs = Array.from({ length: count }, (_, n) => statement(n));
      fake.resetCounts();
      await applyPlan(workbook, issuePlan(docs, { ...options, info: await workbook.describe() }), NOW);
      return { fake, syncs: fake.syncs };
    };
    const { fake, syncs } = await run(3);
    const sheet = fake.sheet("Statements 2026-11-27")!;
    expect(sheet.pageLayout).toMatchObject({
      paperSize: "Letter",
      orientation: "Portrait",
      margins: { top: 36, bottom: 36, left: 36, right: 36 },
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    const rowsPerDoc = sheet.pageBreaks[0];
    expect(sheet.pageBreaks).toEqual([rowsPerDoc, 2 * rowsPerDoc]);
    expect(sheet.pageLayout.printArea).toEqual({ top: 0, left: 0, rows: 3 * rowsPerDoc, columns: 7 });
    expect(sheet.isBold(0, 0)).toBe(true);
    expect(sheet.textStyleAt(0, 6)).toEqual({ size: 16, align: "Right" });
    expect(fake.cell("Statements 2026-11-27", rowsPerDoc + 7, 1)).toBe("Lee Ortiz");
    expect(fake.table("Statements")!.bodyRows).toBe(3);
    expect(fake.cell("Statements", 3, 0)).toBe("S000102");
    expect((await run(1)).syncs).toBe(syncs);
    expect((await run(40)).syncs).toBe(syncs);
  });
});
