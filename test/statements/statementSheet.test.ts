// The statement sheet's layout, on documents built by hand (not by the engine): every figure in its
// cell, dates as serials of the workbook's date system under a date format, money as dollars under a
// money format, the recipient where a #10 window envelope shows it, the styles of the title, the
// AMOUNT DUE and the tear-off line, the invoice's own words, and a batch as one sheet with a page
// break above each document after the first, printed Letter portrait, half-inch margins, one page wide.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import type { StatementDocument } from "../../src/statements/model";
import {
  ADDRESS_ROW,
  STATEMENT_COLUMNS,
  STATEMENT_DATE_FORMAT,
  STATEMENT_MONEY_FORMAT,
  statementSheetOp,
  wrap,
} from "../../src/statements/statementSheet";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, ReportSheetOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { withSummary } from "./withSummary";

const LONG_MESSAGE =
  "Your account is more than 60 days past due. Please send your payment today, or call us so we can help with a payment plan that works for you.";

function statement(overrides: Partial<StatementDocument> = {}): StatementDocument {
  return withSummary({
    kind: "Statement",
    number: "S000123",
    date: "2026-11-27",
    dueDate: "2026-12-27",
    account: "00042",
    practice: {
      name: "Riverside Family Medicine",
      addressLines: ["100 Main St", "Suite 2", "Springfield, IL 62701"],
      phone: "(217) 555-0100",
      remitToLines: ["PO Box 77", "Springfield, IL 62705"],
    },
    to: { name: "Dana Whitfield", addressLines: ["12 Elm Ct", "Springfield, IL 62704"] },
    lines: [
      {
        dos: "2026-08-14",
        description: "Office visit",
        charges: 15000,
        insurancePaid: 8000,
        adjustments: 2000,
        patientPaid: 1000,
        balance: 4000,
        pendingInsurance: 0,
        due: 4000,
      },
      {
        dos: "2026-10-02",
        description: "Laboratory services and specimen handling, venipuncture",
        charges: 6050,
        insurancePaid: 0,
        adjustments: 0,
        patientPaid: 0,
        balance: 6050,
        pendingInsurance: 6050,
        due: 0,
      },
    ],
    previousBalance: 5500,
    previousDate: "2026-10-28",
    paymentsSince: 1000,
    credit: 0,
    amountDue: 4000,
    pendingInsurance: 6050,
    aging: { current: 0, days31to60: 0, days61to90: 4000, over90: 0 },
    message: LONG_MESSAGE,
    periodStart: "2026-08-14",
    periodEnd: "2026-10-02",
    ...overrides,
  });
}

function invoice(overrides: Partial<StatementDocument> = {}): StatementDocument {
  return statement({
    kind: "Invoice",
    number: "I000045",
    account: "ATTY1",
    to: { name: "Baker & Lowe LLP", addressLines: ["9 Court Sq", "Springfield, IL 62701"] },
    terms: "Net 30",
    message: "",
    ...overrides,
  });
}

const options = { dateSystem: 1900 as const };

/** Where a text is on the sheet: the first cell holding it, 0-based. */
function find(op: ReportSheetOp, text: string, from = 0): { row: number; column: number } {
  for (let row = from; row < op.cells.length; row++) {
    const column = op.cells[row].indexOf(text);
    if (column >= 0) return { row, column };
  }
  throw new Error(`"${text}" is not on the sheet`);
}

const at = (op: ReportSheetOp, row: number, column: number): CellValue => op.cells[row][column];

/** The styles whose block holds a cell, merged in order. */
function styleAt(op: ReportSheetOp, row: number, column: number) {
  const out: Record<string, unknown> = {};
  for (const { range, ...style } of op.styles ?? []) {
    if (row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns)
      Object.assign(out, style);
  }
  return out;
}

function formatAt(op: ReportSheetOp, row: number, column: number): string | undefined {
  const block = (op.formats ?? []).filter(
    ({ range }) => row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns,
  );
  return block.length > 0 ? block[block.length - 1].numberFormat : op.columns?.[column]?.numberFormat;
}

describe("one patient statement", () => {
  const op = statementSheetOp([statement()], "Statement S000123", options);

  it("puts the practice block top-left and the title, dates, account and number top-right", () => {
    expect(op.sheet).toBe("Statement S000123");
    expect(op.cells.every((row) => row.length === STATEMENT_COLUMNS)).toBe(true);
    expect(op.cells.slice(0, 5).map((row) => row[0])).toEqual([
      "Riverside Family Medicine",
      "100 Main St",
      "Suite 2",
      "Springfield, IL 62701",
      "Phone (217) 555-0100",
    ]);
    expect(styleAt(op, 0, 0)).toMatchObject({ bold: true, fontSize: 14 });
    expect(at(op, 0, 6)).toBe("STATEMENT");
    expect(styleAt(op, 0, 6)).toMatchObject({ bold: true, fontSize: 16, align: "right" });
    expect(op.cells.slice(1, 5).map((row) => [row[5], row[6]])).toEqual([
      ["Statement date", isoToSerial("2026-11-27")],
      ["Due date", isoToSerial("2026-12-27")],
      ["Account", "00042"],
      ["Statement no.", "S000123"],
    ]);
    expect(formatAt(op, 1, 6)).toBe(STATEMENT_DATE_FORMAT);
    expect(formatAt(op, 2, 6)).toBe(STATEMENT_DATE_FORMAT);
    expect(formatAt(op, 3, 6)).toBe(STATEMENT_MONEY_FORMAT); // the account is text: the money format leaves it be
  });

  it("places the recipient in column B of rows 8-12, where a #10 window envelope shows it", () => {
    expect(ADDRESS_ROW).toBe(7);
    expect(op.cells.slice(7, 12).map((row) => row[1])).toEqual(["Dana Whitfield", "12 Elm Ct", "Springfield, IL 62704", null, null]);
    expect(op.cells.slice(7, 12).every((row) => row.every((v, c) => c === 1 || v === null))).toBe(true);
  });

  it("lists each date of service with its figures in dollars, then the totals", () => {
    const header = find(op, "Date of service");
    expect(op.cells[header.row]).toEqual([
      "Date of service",
      "Description",
      "Charges",
      "Insurance paid",
      "Adjustments",
      "You paid",
      "Balance",
    ]);
    expect(styleAt(op, header.row, 3)).toMatchObject({ bold: true, borderTop: "thin", align: "right" });
    expect(op.cells[header.row + 1]).toEqual([isoToSerial("2026-08-14"), "Office visit", 150, 80, 20, 10, 40]);
    // A long description is cut with an ellipsis, so the charges beside it do not hide its end.
    expect(op.cells[header.row + 2]).toEqual([isoToSerial("2026-10-02"), "Laboratory services and specimen handli…", 60.5, 0, 0, 0, 60.5]);
    expect(op.cells[header.row + 3]).toEqual(["Total", null, 210.5, 80, 20, 10, 100.5]);
    expect(styleAt(op, header.row + 3, 0)).toMatchObject({ bold: true, borderTop: "thin" });
    expect(formatAt(op, header.row + 1, 0)).toBe(STATEMENT_DATE_FORMAT);
    for (let c = 2; c < 7; c++) expect(formatAt(op, header.row + 1, c)).toBe(STATEMENT_MONEY_FORMAT);
  });

  it("goes from the previous balance to the AMOUNT DUE (bold, larger) in rows that add up", () => {
    const previous = find(op, "Previous balance (10/28/2026)");
    expect(previous.column).toBe(5);
    // $55.00 − $10.00 paid since, and the rest of the change to $40.00 named as new charges and adjustments.
    expect(op.cells.slice(previous.row, previous.row + 4).map((row) => [row[5], row[6]])).toEqual([
      ["Previous balance (10/28/2026)", 55],
      ["Payments since 10/28/2026", -10],
      ["New charges and adjustments", -5],
      ["AMOUNT DUE", 40],
    ]);
    expect(styleAt(op, previous.row + 3, 5)).toMatchObject({ bold: true, fontSize: 12, borderTop: "thin" });
    expect(styleAt(op, previous.row + 3, 6)).toMatchObject({ bold: true, fontSize: 12, borderTop: "thin" });
    expect(styleAt(op, previous.row + 2, 6)).toEqual({ align: "right" });
  });

  it("summarizes the amount due by age, and prints the message in italic rows that fit the page", () => {
    const aging = find(op, "Amount due by age");
    expect(op.cells[aging.row]).toEqual(["Amount due by age", null, "Current", "31-60 days", "61-90 days", "Over 90 days", null]);
    expect(op.cells[aging.row + 1]).toEqual([null, null, 0, 0, 40, 0, null]);
    const message = op.cells.filter((row) => typeof row[0] === "string" && LONG_MESSAGE.includes(row[0]) && row[0].length > 20);
    expect(message.map((row) => row[0]).join(" ")).toBe(LONG_MESSAGE);
    expect(message).toHaveLength(2);
    for (const row of message) expect(String(row[0]).length).toBeLessThanOrEqual(95);
    expect(styleAt(op, find(op, message[0][0] as string).row, 0)).toMatchObject({ italic: true });
  });

  it("ends with a dashed tear-off line and the stub: remit-to, account, number, amount due, amount enclosed", () => {
    const detach = find(op, "Please detach and return this part with your payment");
    expect(styleAt(op, detach.row, 0)).toMatchObject({ borderTop: "dashed", italic: true, fontSize: 8 });
    expect(styleAt(op, detach.row, 6)).toMatchObject({ borderTop: "dashed" });
    expect(op.cells.slice(detach.row + 1).map((row) => [row[0], row[1], row[5], row[6]])).toEqual([
      ["Remit to:", "Riverside Family Medicine", "Account", "00042"],
      [null, "PO Box 77", "Statement no.", "S000123"],
      [null, "Springfield, IL 62705", "Amount due", 40],
      [null, null, "Amount enclosed:", "$__________"],
    ]);
    expect(styleAt(op, detach.row + 3, 6)).toMatchObject({ bold: true });
    expect(op.cells.length).toBe(detach.row + 5);
  });

  it("prints on Letter portrait with half-inch margins, one page wide, the whole block and nothing more", () => {
    expect(op.print).toEqual({
      area: { row: 0, column: 0, rows: op.cells.length, columns: 7 },
      orientation: "portrait",
      margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
      fitToWidth: true,
      pageBreaksBefore: [],
    });
    // Seven columns of about 820 pixels: scaled to the 7.5 inches (720 px) between the margins, at about 88%.
    const pixels = op.columns!.reduce((n, c) => n + (c.width ?? 8.43) * 7 + 5, 0);
    expect(pixels / 720).toBeGreaterThan(1);
    expect(pixels / 720).toBeLessThan(1.2);
  });

  it("is a plan every adapter takes", async () => {
    await expect(new MemoryWorkbook().write([op])).resolves.toMatchObject({ sheetsWritten: ["Statement S000123"] });
  });
});

describe("what differs", () => {
  it("an invoice says INVOICE, its date, number and terms, and 'Payments'", () => {
    const op = statementSheetOp([invoice()], "Invoice I000045", options);
    expect(at(op, 0, 6)).toBe("INVOICE");
    expect(op.cells.slice(1, 6).map((row) => [row[5], row[6]])).toEqual([
      ["Invoice date", isoToSerial("2026-11-27")],
      ["Due date", isoToSerial("2026-12-27")],
      ["Account", "ATTY1"],
      ["Invoice no.", "I000045"],
      ["Terms", "Net 30"],
    ]);
    expect(op.cells[find(op, "Date of service").row][5]).toBe("Payments");
    expect(find(op, "Invoice no.", 10).column).toBe(5); // on the stub too
    expect(at(op, ADDRESS_ROW, 1)).toBe("Baker & Lowe LLP");
    const texts = op.cells.flat().filter((v): v is string => typeof v === "string");
    expect(texts.filter((t) => /patient|you paid|statement/i.test(t))).toEqual([]);
    // No message: no italic message rows, straight to the tear-off line after the aging.
    const aging = find(op, "Amount due by age");
    expect(op.cells[aging.row + 3][0]).toBe("Please detach and return this part with your payment");
  });

  it("dates follow the workbook's date system", () => {
    const op = statementSheetOp([statement()], "S", { dateSystem: 1904 });
    expect(at(op, 1, 6)).toBe(isoToSerial("2026-11-27", 1904));
    expect(at(op, 1, 6)).toBe(isoToSerial("2026-11-27") - 1462);
  });

  it("a statement with no lines says so; a credit shows as a negative amount", () => {
    const op = statementSheetOp([statement({ lines: [], credit: -1250, amountDue: 0 })], "S", options);
    const header = find(op, "Date of service");
    expect(op.cells[header.row + 1][1]).toBe("No services in this period");
    expect(op.cells[header.row + 2]).toEqual(["Total", null, 0, 0, 0, 0, 0]);
    expect(STATEMENT_MONEY_FORMAT).not.toContain("[Red]");
  });

  it("a first statement adds up on the page: $0.00 + charges − insurance − adjustments − paid − pending = AMOUNT DUE", () => {
    const op = statementSheetOp([statement({ previousDate: undefined, previousBalance: 0 })], "S", options);
    const previous = find(op, "Previous balance");
    expect(previous.column).toBe(5);
    // The lines: $210.50 charged, $80.00 insurance, $20.00 adjustments, $10.00 paid, $60.50 with insurance.
    const rows = op.cells.slice(previous.row, previous.row + 7).map((row) => [row[5], row[6]]);
    expect(rows).toEqual([
      ["Previous balance", 0],
      ["Charges", 210.5],
      ["Insurance paid", -80],
      ["Adjustments", -20],
      ["You paid", -10],
      ["Pending with insurance", -60.5],
      ["AMOUNT DUE", 40],
    ]);
    expect(rows.slice(0, 6).reduce((n, [, v]) => n + Math.round(Number(v) * 100), 0)).toBe(4000);
  });

  it("a first statement whose credits pay more than is due carries the credit forward, and still adds up", () => {
    const credit = {
      dos: "2026-10-02",
      description: "Office visit",
      charges: 10000,
      insurancePaid: 0,
      adjustments: 0,
      patientPaid: 11250,
      balance: -1250,
      pendingInsurance: 0,
      due: 0,
    };
    const doc = statement({
      previousDate: undefined,
      previousBalance: 0,
      lines: [credit],
      credit: -1250,
      amountDue: 0,
      pendingInsurance: 0,
    });
    const op = statementSheetOp([doc], "S", options);
    const previous = find(op, "Previous balance");
    expect(op.cells.slice(previous.row, previous.row + 5).map((row) => [row[5], row[6]])).toEqual([
      ["Previous balance", 0],
      ["Charges", 100],
      ["Insurance paid", 0],
      ["Adjustments", 0],
      ["You paid", -112.5],
    ]);
    expect(op.cells[find(op, "Credit carried forward").row][6]).toBe(12.5);
    expect(op.cells[find(op, "AMOUNT DUE").row][6]).toBe(0);
  });

  it("a long practice address pushes the recipient down rather than overwriting it", () => {
    const practice = { ...statement().practice, addressLines: ["1", "2", "3", "4", "5", "6", "7"] };
    const op = statementSheetOp([statement({ practice })], "S", options);
    expect(find(op, "Dana Whitfield").row).toBe(9);
    expect(at(op, 8, 0)).toBe("Phone (217) 555-0100");
  });

  it("messages wrap between words, a word longer than a row on its own", () => {
    expect(wrap("one two three four", 9)).toEqual(["one two", "three", "four"]);
    expect(wrap("abcdefghijkl xy", 5)).toEqual(["abcdefghijkl", "xy"]);
    expect(wrap("first line\nsecond", 40)).toEqual(["first line", "second"]);
    expect(wrap("   ", 10)).toEqual([]);
  });
});

describe("a batch", () => {
  const docs = [
    statement(),
    statement({ number: "S000124", account: "P7", to: { name: "Lee Ortiz", addressLines: ["4 Oak Rd", "Salem, IL 62881"] } }),
    statement({ number: "S000125", account: "P9", lines: [], message: "Thank you." }),
  ];
  const op = statementSheetOp(docs, "Statements 2026-11-27", options);

  it("is one sheet, each document on a new page, laid out the same from its first row", () => {
    const starts = [0, ...op.print!.pageBreaksBefore!];
    expect(starts).toHaveLength(3);
    starts.forEach((start, i) => {
      expect(at(op, start, 0)).toBe("Riverside Family Medicine");
      expect(at(op, start + 4, 6)).toBe(docs[i].number);
      expect(at(op, start + ADDRESS_ROW, 1)).toBe(docs[i].to.name);
      expect(styleAt(op, start, 0)).toMatchObject({ bold: true, fontSize: 14 });
      expect(formatAt(op, start + 1, 6)).toBe(STATEMENT_DATE_FORMAT);
      // Each document ends with its stub just above the next one's first row.
      const end = i + 1 < starts.length ? starts[i + 1] : op.cells.length;
      expect(at(op, end - 1, 5)).toBe("Amount enclosed:");
    });
    expect(op.print!.area).toEqual({ row: 0, column: 0, rows: op.cells.length, columns: 7 });
    expect(styleAt(op, op.cells.length - 1, 2)).toMatchObject({ align: "right" });
  });

  it("writes to an .xlsx file as laid out: text as text, figures formatted, Letter portrait one page wide", async () => {
    const named = [{ ...docs[0], to: { name: '=HYPERLINK("http://x","pay here")', addressLines: ["@12 Elm"] } }, docs[1]];
    const sheetOp = statementSheetOp(named, "Statements 2026-11-27", options);
    const wb = XlsxWorkbook.create();
    await wb.write([sheetOp]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Statements 2026-11-27")!;
    expect(sheet.getCell(ADDRESS_ROW + 1, 2).value).toBe('=HYPERLINK("http://x","pay here")');
    expect(sheet.getCell(ADDRESS_ROW + 1, 2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(ADDRESS_ROW + 2, 2).value).toBe("@12 Elm");
    expect(sheet.getCell(5, 7).value).toBe("S000123");
    const amountDue = find(sheetOp, "AMOUNT DUE");
    expect(sheet.getCell(amountDue.row + 1, 7).value).toBe(40);
    expect(sheet.getCell(amountDue.row + 1, 7).numFmt).toBe(STATEMENT_MONEY_FORMAT);
    expect(sheet.getCell(amountDue.row + 1, 7).font).toMatchObject({ bold: true, size: 12 });
    expect(sheet.getCell(2, 7).numFmt).toBe(STATEMENT_DATE_FORMAT);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 1, orientation: "portrait", fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printArea).toBe(`A1:G${sheetOp.cells.length}`);
  });
});
