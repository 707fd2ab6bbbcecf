import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import { PREVIEW_ROWS, columnKinds, columnLetter, displayCell, headerColumn, previewWindow } from "../../taskpane/browser/previewCells";
import type { CellValue, TableInfo } from "../../src/workbook/port";

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
