// The shape words of a companion argument that does not line up: counts grouped as in every other
// message ("1,001 rows"), where they once were written without the comma.
import { describe, expect, it } from "vitest";
import { cellRows, companion } from "../../functions/cellRanges";

describe("companion", () => {
  it("says both shapes, with the counts grouped", () => {
    const codes = cellRows(Array.from({ length: 1001 }, () => ["99213"]));
    const dates = Array.from({ length: 2 }, () => ["2026-03-05", "2026-03-06"]);
    expect(companion(dates, codes, "dates of service")).toEqual({
      ok: false,
      reason:
        "the dates of service must be one cell, or a range as tall or as wide as the codes (the codes are 1,001 rows by 1 column, the dates of service 2 rows by 2 columns)",
    });
  });
});
