// The appeal letter's sheet and write plan on the practice of appealFixtures.ts: the sheet's name within
// Excel's rules, the letter's blocks where a reader looks for them, figures as dollars and dates as
// serials, diagnoses only when asked, the Audit row without the patient, and text from outside (the
// biller's reason, a name) written as text in an .xlsx file and through the Excel adapter alike.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import { appealPlan, appealSheetName, appealSheetOp } from "../../src/followup/appealSheet";
import { STATEMENT_DATE_FORMAT, STATEMENT_MONEY_FORMAT } from "../../src/statements/statementSheet";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue, ReportSheetOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FakeExcel } from "../workbook/fakeExcel";
import { AS_OF, JANE_MEMBER, PATIENTS, appealWorkbook, madeLetter } from "./appealFixtures";

const options = { dateSystem: 1900 as const };
const HOSTILE = '=HYPERLINK("http://evil.example","Click")';

/** The 0-based row whose column holds `value`. */
function rowOf(op: ReportSheetOp, value: CellValue, column = 0): number {
  const row = op.cells.findIndex((r) => r[column] === value);
  if (row < 0) throw new Error(`"${String(value)}" is not in column ${column} of ${op.sheet}`);
  return row;
}

const allText = (op: ReportSheetOp) => op.cells.flat().filter((v): v is string => typeof v === "string");

describe("appealSheetName", () => {
  it('is "Appeal <ClaimID>", within Excel\'s rules for a sheet name', () => {
    expect(appealSheetName("C1")).toBe("Appeal C1");
    expect(appealSheetName("2026/04:17*[A]")).toBe("Appeal 2026-04-17--A-");
    const long = appealSheetName("CLAIM-0000000000000000000000000042");
    expect(long).toHaveLength(31);
    expect(long.startsWith("Appeal CLAIM-000")).toBe(true);
    expect(appealSheetName("ABCDEFGHIJKLMNOPQRSTUVW'XYZ")).toBe("Appeal ABCDEFGHIJKLMNOPQRSTUVW");
  });
});

describe("appealSheetOp", () => {
  it("lays the letter out: practice, date, payer, Re:, the lines and their totals, the paragraphs, the signature", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1", { reason: "The visit note shows 40 minutes." });
    const op = appealSheetOp(letter, options);
    expect(op.sheet).toBe("Appeal C1");
    expect(op.cells.every((r) => r.length === 7)).toBe(true);
    expect(op.cells.slice(0, 6).map((r) => r[0])).toEqual([
      "Lakeside Family Practice",
      "12 Harbor Rd",
      "Lakeside, IL 62701-1234",
      "Phone 217-555-0199",
      "Billing NPI 1234567893",
      "Tax ID 12-3456789",
    ]);
    expect(op.styles).toContainEqual({ range: { row: 0, column: 0, rows: 1, columns: 1 }, bold: true, fontSize: 14 });
    expect(op.cells[7][0]).toBe(isoToSerial(AS_OF));
    expect(op.cells[9][0]).toBe("Medicare Part B");

    const re = rowOf(op, "Re: Request for reconsideration");
    expect(op.cells.slice(re + 1, re + 7).map((r) => r.slice(0, 2))).toEqual([
      ["Patient", "Jane Doe"],
      ["Date of birth", isoToSerial("1960-04-12")],
      ["Member ID", JANE_MEMBER],
      ["Our claim number", "C1"],
      ["Your claim number", "ICN-778899"],
      ["Dates of service", "05/01/2026 - 05/02/2026"],
    ]);
    expect(op.formats).toContainEqual({ range: { row: re + 2, column: 1, rows: 1, columns: 1 }, numberFormat: STATEMENT_DATE_FORMAT });

    const header = rowOf(op, "Date of service");
    const dos = isoToSerial("2026-05-01");
    expect(op.cells.slice(header, header + 5)).toEqual([
      ["Date of service", "Code", "Units", "Billed", "Paid", "Contract", "Shortfall"],
      [dos, "99214-25", 1, 180, 0, null, null],
      [null, "Denied CO-50 on 05/20/2026: not medically necessary, in the payer's judgment", null, null, null, null, null],
      [dos, "99213", 1, 130, 70, 95, 7],
      ["Total", null, null, 310, 70, 95, 7],
    ]);
    expect(op.columns?.slice(3).map((c) => c.numberFormat)).toEqual(Array(4).fill(STATEMENT_MONEY_FORMAT));

    // The paragraphs run across the page in column A, wrapped, in order.
    const text = op.cells.map((r) => r[0]).filter((v): v is string => typeof v === "string");
    const body = text.join(" ");
    const order = [
      "Dear Appeals Department:",
      "We ask you to reconsider your decision",
      "We ask you to reconsider the denial of 99214-25",
      "For 99213 on 05/01/2026 you allowed $88.00,",
      "The visit note shows 40 minutes.",
      "Please reprocess the claim",
      "Sincerely,",
      "Billing office Lakeside Family Practice",
    ].map((part) => body.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.every((t) => t.length <= 95)).toBe(true);
    expect(op.cells[op.cells.length - 1][0]).toBe("Lakeside Family Practice");
    expect(op.print).toMatchObject({
      orientation: "portrait",
      fitToWidth: true,
      area: { row: 0, column: 0, rows: op.cells.length, columns: 7 },
    });
  });

  it("lists the diagnoses under each line only when the letter has them", async () => {
    const plain = appealSheetOp(await madeLetter(appealWorkbook(), "C1"), options);
    expect(allText(plain).join(" ")).not.toMatch(/E11|I10|Diagnos/);
    const withDx = appealSheetOp(await madeLetter(appealWorkbook(), "C1", { withDiagnoses: true }), options);
    expect(allText(withDx)).toEqual(expect.arrayContaining(["Diagnoses: E11.9, I10", "Diagnoses: E11.9"]));
  });
});

describe("appealPlan", () => {
  it("writes the sheet with an Audit row that names the claim and the payer, never the patient", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1");
    const plan = appealPlan(letter, options);
    expect(plan.action).toBe("Appeal letter");
    expect(plan.what).toBe(
      'appeal letter for claim C1 to payer MCR dated 2026-06-30: 2 lines (1 denied, 1 underpaid), on sheet "Appeal C1"',
    );
    expect(plan.totals).toBe("billed $310.00, paid $70.00, short of contract $7.00");

    const book = appealWorkbook();
    await applyPlan(book, plan);
    expect((await book.readSheet("Appeal C1"))?.[0][0]).toBe("Lakeside Family Practice");
    const audit = (await book.readTables(["Audit"])).Audit!;
    expect(audit.rows).toHaveLength(1);
    const row = audit.rows[0].map((v) => String(v ?? "")).join(" | ");
    expect(row).toContain("Appeal letter");
    for (const name of ["Jane", "Doe", JANE_MEMBER, "1960"]) expect(row).not.toContain(name);
    // Again the next day: the claim's sheet is replaced, not added to.
    await applyPlan(book, appealPlan({ ...letter, date: "2026-07-01" }, options));
    expect((await book.describe()).sheets.filter((s) => s.startsWith("Appeal"))).toEqual(["Appeal C1"]);
  });

  it("writes outside text as text, never a formula: in an .xlsx file and through Excel", async () => {
    const patients = PATIENTS.map((p) => (p.patientId === "P1" ? { ...p, firstName: "+Jane", lastName: "-Doe" } : p));
    const letter = await madeLetter(appealWorkbook({ patients }), "C1", { reason: HOSTILE });
    expect(letter.billerReason).toBe(HOSTILE);
    const op = appealSheetOp(letter, options);
    const reasonRow = op.cells.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("=HYPERLINK"));
    expect(reasonRow).toBeGreaterThan(0);
    const nameRow = rowOf(op, "Patient");

    const xlsx = XlsxWorkbook.create();
    await xlsx.write([op]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.save()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Appeal C1")!;
    const reason = sheet.getCell(reasonRow + 1, 1);
    expect(reason.type).toBe(ExcelJS.ValueType.String);
    expect(String(reason.value)).toBe(op.cells[reasonRow][0]);
    expect(sheet.getCell(nameRow + 1, 2).value).toBe("+Jane -Doe");
    expect(sheet.getCell(nameRow + 1, 2).type).toBe(ExcelJS.ValueType.String);

    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).write([op]);
    expect(fake.cell("Appeal C1", reasonRow, 0)).toBe(op.cells[reasonRow][0]);
    expect(fake.cell("Appeal C1", nameRow, 1)).toBe("+Jane -Doe");
  });
});
