import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import { MONEY_FORMAT } from "../../src/money";
import { agingReport, type AgingReport } from "../../src/reports/aging";
import { agingSheetPlan } from "../../src/reports/agingSheet";
import { DATE_FORMAT, OLDEST_FILL, PERCENT_FORMAT } from "../../src/reports/reportSheetLayout";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue, ReportSheetOp, TableInfo } from "../../src/workbook/port";
import { XlsxWorkbook, type SheetLook } from "../../src/workbook/xlsxWorkbook";
import { formatNumber } from "../../taskpane/browser/excelNumberFormat";
import {
  PREVIEW_ROWS,
  columnKinds,
  columnLetter,
  displayCell,
  fillOf,
  headerColumn,
  lookAt,
  previewWindow,
  shownCell,
} from "../../taskpane/browser/previewCells";
import { editArea } from "../../taskpane/browser/usePreviewEdit";
import { charge, ledgerOf } from "../ledger/ledgerFixtures";

const AGING_AS_OF = "2026-06-30";
/** A small aging: one line owed by MCR. */
function agingFixture(): AgingReport {
  return agingReport(ledgerOf({ charges: [charge("A", { dos: "2026-05-10", amount: 10000 })] }), { asOf: AGING_AS_OF });
}

describe("the sheet preview's cells", () => {
  it("labels columns as Excel does", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  it("shows a billing table's date and money columns, found by the office's headers, as dates and dollars", () => {
    const cells: CellValue[][] = [
      ["Payment ID", "Deposit Date", "Total", "Note", "Received On"],
      ["PM1", isoToSerial("2026-03-05"), 12.5, "x", 46086],
    ];
    const table: TableInfo = { name: "Payments", sheet: "Pay", headers: cells[0] as string[], rowCount: 1, headerRow: 1 };
    const kinds = columnKinds(cells, table);
    // "Received On" is no header of ours: its serial stays a number, as the page says it will.
    expect(kinds).toEqual(["plain", "date", "money", "plain", "plain"]);
    expect(cells[1].map((v, i) => displayCell(v, kinds[i], 1900))).toEqual(["PM1", "2026-03-05", "12.50", "x", "46086"]);
  });

  it("uses the workbook's date system", () => {
    expect(displayCell(0, "date", 1904)).toBe("1904-01-01");
    expect(displayCell(0, "date", 1900)).toBe("0");
  });

  it("shows a plain sheet's numbers as they are, and blanks and booleans plainly", () => {
    expect(columnKinds([["a", 1, 2]], undefined)).toEqual(["plain", "plain", "plain"]);
    expect(displayCell(46086, "plain", 1900)).toBe("46086");
    expect(displayCell(0.1 + 0.2, "plain", 1900)).toBe(String(0.1 + 0.2));
    expect(displayCell(null, "date", 1900)).toBe("");
    expect(displayCell(true, "plain", 1900)).toBe("TRUE");
  });

  it("draws the first rows, or a window with the target row near its middle, always inside the sheet", () => {
    expect(previewWindow(2001)).toEqual({ first: 0, end: PREVIEW_ROWS });
    expect(previewWindow(50)).toEqual({ first: 0, end: 50 });
    expect(previewWindow(0)).toEqual({ first: 0, end: 0 });
    // A target among the first rows keeps the usual view.
    expect(previewWindow(2001, 150)).toEqual({ first: 0, end: 200 });
    // Row 1,480 (1-based) is index 1,479: 100 rows above it, 99 below.
    expect(previewWindow(2001, 1480)).toEqual({ first: 1379, end: 1579 });
    // Near the end the window stops at the last row and still shows 200 rows.
    expect(previewWindow(2001, 1995)).toEqual({ first: 1801, end: 2001 });
    expect(previewWindow(2001, 5000)).toEqual({ first: 1801, end: 2001 });
    for (const target of [201, 777, 2001]) {
      const { first, end } = previewWindow(2001, target);
      expect(target - 1 >= first && target - 1 < end, `row ${target}`).toBe(true);
      expect(end - first).toBe(PREVIEW_ROWS);
    }
  });

  it("finds a table's column by its header in the table's header row, case and spaces aside", () => {
    const cells: CellValue[][] = [["Charges of 2026"], [null, "ChargeID", "DOS", " dx1 "], [null, "L1", 46086, "E11"]];
    const table: TableInfo = { name: "Charges", sheet: "Charges", headers: ["ChargeID", "DOS", "dx1"], rowCount: 1, headerRow: 2 };
    expect(headerColumn(cells, table, "Dx1")).toBe(3);
    expect(headerColumn(cells, table, "ChargeID")).toBe(1);
    expect(headerColumn(cells, table, "Mod1")).toBe(-1);
  });
});

describe("cells shown under their number formats, as Excel shows them", () => {
  it("formats dates, money, percents, counts and text as the add-in and an office write them", () => {
    const may2 = isoToSerial("2026-05-02");
    const cases: [number, string, string][] = [
      [may2, DATE_FORMAT, "2026-05-02"],
      [may2, "mm/dd/yyyy", "05/02/2026"],
      [may2, "m/d/yyyy", "5/2/2026"],
      [may2, "[$-409]mmmm d, yyyy;@", "May 2, 2026"],
      [may2, "ddd d-mmm-yy", "Sat 2-May-26"],
      [may2 + 0.75, "m/d/yyyy h:mm AM/PM", "5/2/2026 6:00 PM"],
      [0.125, PERCENT_FORMAT, "12.5%"],
      [0.125, "0%", "13%"],
      [1234.5, MONEY_FORMAT, "$1,234.50"],
      [1.005, "0.00", "1.01"],
      [1234567, "#,##0", "1,234,567"],
      [2.5, "0.##", "2.5"],
      [12, "0", "12"],
      [1234.5, "[$€-407]#,##0.00", "€1,234.50"],
      [-1234.5, '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', " $(1,234.50)"],
    ];
    for (const [value, format, text] of cases) expect(formatNumber(value, format, 1900), `${value} under ${format}`).toEqual({ text });
    // A negative amount under the add-in's money format: its own section, in red.
    expect(formatNumber(-12, MONEY_FORMAT, 1900)).toEqual({ text: "-$12.00", red: true });
    expect(formatNumber(-12, '"$"#,##0.00', 1900)).toEqual({ text: "-$12.00" });
    // The 1904 date system counts from 1904-01-01.
    expect(formatNumber(isoToSerial("2026-05-02", 1904), DATE_FORMAT, 1904).text).toBe("2026-05-02");
    // What is not read here shows the number as it is, never a wrong figure.
    expect(formatNumber(1e21, "0.00E+00", 1900).text).toBe(String(1e21));
    expect(formatNumber(7, "[>=100]0;0.0", 1900).text).toBe("7");
  });

  it("shows a cell under its format, text as it is, and falls back on the column's kind without one", () => {
    expect(shownCell(0.125, PERCENT_FORMAT, "plain", 1900).text).toBe("12.5%");
    expect(shownCell(isoToSerial("2026-05-02"), DATE_FORMAT, "plain", 1900).text).toBe("2026-05-02");
    expect(shownCell("00123", "@", "plain", 1900).text).toBe("00123");
    expect(shownCell(12, "@", "plain", 1900).text).toBe("12");
    expect(shownCell(12.5, null, "money", 1900).text).toBe("12.50");
    expect(shownCell(isoToSerial("2026-05-02"), "General", "date", 1900).text).toBe("2026-05-02");
    expect(shownCell(null, DATE_FORMAT, "date", 1900).text).toBe("");
  });

  it("fills a cell above a report's highlight rule, or with its own solid fill", () => {
    const look: SheetLook = {
      first: 2,
      formats: [[null, "0"]],
      fills: [[null, "#FF0000"]],
      highlights: [{ range: { row: 2, column: 0, rows: 3, columns: 1 }, greaterThan: 0, color: OLDEST_FILL }],
    };
    expect(fillOf(look, 2, 0, 5)).toBe(OLDEST_FILL);
    expect(fillOf(look, 2, 0, 0)).toBeNull();
    expect(fillOf(look, 5, 0, 5)).toBeNull();
    expect(fillOf(look, 2, 1, "x")).toBe("#FF0000");
    expect(lookAt(look, 2, 1)).toEqual({ format: "0", fill: "#FF0000" });
    // Rows the look was not read for have no format or fill.
    expect(lookAt(look, 1, 1)).toEqual({ format: null, fill: null });
    expect(fillOf(undefined, 2, 1, 5)).toBeNull();
  });
});

describe("a sheet written to an .xlsx file, then previewed", () => {
  /** The grid's texts and fills of a sheet, as the preview shows them (readSheet, readSheetLook, shownCell, fillOf). */
  async function previewed(book: XlsxWorkbook, sheet: string) {
    const cells = (await book.readSheet(sheet))!;
    const look = (await book.readSheetLook(sheet, 0, cells.length))!;
    const text = (r: number, c: number) => shownCell(cells[r][c], lookAt(look, r, c).format, "plain", book.dateSystem).text;
    const fill = (r: number, c: number) => fillOf(look, r, c, cells[r][c]);
    return { cells, text, fill };
  }

  const report: ReportSheetOp = {
    kind: "reportSheet",
    sheet: "Report",
    cells: [
      ["Date", "Amount", "Share"],
      [isoToSerial("2026-05-02"), 1234.5, 0.125],
      ["Total", -12, 1],
    ],
    headerRow: 0,
    columns: [{ numberFormat: DATE_FORMAT }, { numberFormat: MONEY_FORMAT }, { numberFormat: MONEY_FORMAT }],
    formats: [{ range: { row: 1, column: 2, rows: 2, columns: 1 }, numberFormat: PERCENT_FORMAT }],
    highlights: [{ range: { row: 1, column: 1, rows: 2, columns: 1 }, greaterThan: 1000, color: OLDEST_FILL }],
  };

  it("shows a report's dates as dates, percents as percents and money in dollars, with its highlights, before and after a save", async () => {
    const book = XlsxWorkbook.create();
    await applyPlan(book, { action: "Test report", what: "a report", ops: [report] });
    for (const shown of [book, await XlsxWorkbook.load(await book.save())]) {
      const { text, fill } = await previewed(shown, "Report");
      expect([text(0, 0), text(1, 0), text(1, 1), text(1, 2), text(2, 1), text(2, 2)]).toEqual([
        "Date",
        "2026-05-02",
        "$1,234.50",
        "12.5%",
        "-$12.00",
        "100.0%",
      ]);
      expect(fill(1, 1)).toBe(OLDEST_FILL);
      expect(fill(2, 1)).toBeNull();
    }
  });

  it("shows the aging sheet's percent column as percents", async () => {
    const book = XlsxWorkbook.create();
    const aging = agingSheetPlan(agingFixture());
    await applyPlan(book, aging);
    const { cells, text } = await previewed(book, `Aging ${AGING_AS_OF}`);
    const header = cells.findIndex((r) => r[0] === "Section");
    const percent = cells[header].indexOf("% of total");
    const total = cells.findIndex((r) => r[0] === "Total");
    expect(text(total, percent)).toBe("100.0%");
  });

  it("shows a table's formats (createTable's numberFormats) and the red a check's markCells gave", async () => {
    const book = XlsxWorkbook.create();
    await book.write([
      {
        kind: "createTable",
        table: "Deposits",
        sheet: "Deposits",
        headers: ["Day", "Amount", "Ref"],
        numberFormats: [DATE_FORMAT, MONEY_FORMAT, "@"],
        rows: [[isoToSerial("2026-05-02"), 40, "00123"]],
      },
      { kind: "markCells", table: "Deposits", cells: [{ row: 0, column: "Ref" }], color: "#FFC7CE" },
    ]);
    const { text, fill } = await previewed(book, "Deposits");
    expect([text(1, 0), text(1, 1), text(1, 2)]).toEqual(["2026-05-02", "$40.00", "00123"]);
    expect(fill(1, 2)).toBe("#FFC7CE");
    expect(fill(1, 1)).toBeNull();
  });
});

describe("the cells the preview lets a user edit", () => {
  const cells: CellValue[][] = [["ChargeID", "Amount", "Plan"], ...Array.from({ length: 300 }, (_, i) => [`C${i}`, i, null])];
  const table = (name: string): TableInfo => ({ name, sheet: name, headers: ["ChargeID", "Amount", "Plan"], rowCount: 300, headerRow: 1 });

  it("are a billing table's body rows that are drawn, every column of it found by header", () => {
    const area = editArea(table("Charges"), cells, previewWindow(cells.length))!;
    expect({ first: area.first, end: area.end, headers: [...area.headers] }).toEqual({
      first: 1,
      end: PREVIEW_ROWS,
      headers: [
        [0, "ChargeID"],
        [1, "Amount"],
        [2, "Plan"],
      ],
    });
    const later = editArea(table("Charges"), cells, previewWindow(cells.length, 290))!;
    expect([later.first, later.end]).toEqual([101, 301]);
  });

  it("are none of the Audit trail, the closes, a report's table or an empty table", () => {
    expect(editArea(table("Audit"), cells, previewWindow(cells.length))).toBeUndefined();
    expect(editArea(table("PeriodClose"), cells, previewWindow(cells.length))).toBeUndefined();
    expect(editArea(table("Aging_2026_06_30"), cells, previewWindow(cells.length))).toBeUndefined();
    expect(editArea({ ...table("Charges"), rowCount: 0 }, cells.slice(0, 1), previewWindow(1))).toBeUndefined();
  });
});
