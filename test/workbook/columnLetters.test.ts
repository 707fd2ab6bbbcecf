import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnLetters, columnNumber } from "../../src/workbook/columnLetters";

describe("column letters", () => {
  it("names columns as Excel does", () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    expect(columnNumber("xfd")).toBe(16384);
  });

  it("reads back every column it names", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n));
  });
});
