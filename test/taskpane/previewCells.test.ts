import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import { columnKinds, columnLetter, displayCell } from "../../taskpane/browser/previewCells";
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
});
