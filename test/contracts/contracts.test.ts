// The contracted rate of a line (src/contracts/contracts.ts), each case worked out by hand from the
// rules: payer and code; the span holds the date of service; a row naming one of the line's modifiers
// beats a blank one; overlapping spans go to the one that starts later; per unit, times the units.
import { describe, expect, it } from "vitest";
import { ContractRates, contractProblems } from "../../src/contracts/contracts";
import type { ContractRow } from "../../src/workbook/tables";

const row = (payerId: string, code: string, allowed: number, fields: Partial<ContractRow> = {}): ContractRow => ({
  payerId,
  code,
  allowed,
  ...fields,
});

const RATES = new ContractRates([
  row("MCR", "99213", 9000), // 0: open span, any modifier
  row("MCR", "99213", 9500, { effectiveFrom: "2026-01-01" }), // 1: the 2026 rate, newer than row 0
  row("MCR", "99213", 7200, { modifier: "95" }), // 2: telehealth
  row("MCR", "99213", 6800, { modifier: "GT", effectiveTo: "2025-12-31" }), // 3: old telehealth modifier, ended
  row("SHP", "J1100", 150), // 4: per unit (0.1 mg)
  row("shp ", "99214", 14000, { effectiveFrom: "2026-03-01", effectiveTo: "2026-12-31" }), // 5
]);

describe("ContractRates.expected", () => {
  it("takes the newer of two rates in effect on the date (the one that starts later)", () => {
    expect(RATES.expected({ payerId: "MCR", code: "99213", dos: "2026-05-01" })).toMatchObject({ allowed: 9500, index: 1 });
    // Before 2026 only the open-span row holds the date.
    expect(RATES.expected({ payerId: "MCR", code: "99213", dos: "2025-06-01" })).toMatchObject({ allowed: 9000, index: 0 });
  });

  it("prefers a row naming one of the line's modifiers, the first of them with a row", () => {
    expect(RATES.expected({ payerId: "MCR", code: "99213", modifiers: ["95"], dos: "2026-05-01" })).toMatchObject({ allowed: 7200 });
    expect(RATES.expected({ payerId: "MCR", code: "99213", modifiers: ["25", "95"], dos: "2026-05-01" })).toMatchObject({ allowed: 7200 });
    // GT's row ended in 2025: in 2026 the line gets the code's rate for any other modifier.
    expect(RATES.expected({ payerId: "MCR", code: "99213", modifiers: ["GT"], dos: "2026-05-01" })).toMatchObject({ allowed: 9500 });
    expect(RATES.expected({ payerId: "MCR", code: "99213", modifiers: ["gt"], dos: "2025-05-01" })).toMatchObject({ allowed: 6800 });
  });

  it("multiplies the rate by the units, to the cent", () => {
    // $1.50 a unit, 12.5 units = $18.75.
    expect(RATES.expected({ payerId: "SHP", code: "J1100", dos: "2026-05-01", units: 12.5 })).toMatchObject({
      allowed: 1875,
      perUnit: 150,
    });
  });

  it("reads PayerID without regard to case or spaces, and keeps the span's ends", () => {
    expect(RATES.expected({ payerId: "SHP", code: "99214", dos: "2026-03-01" })?.allowed).toBe(14000);
    expect(RATES.expected({ payerId: "SHP", code: "99214", dos: "2026-12-31" })?.allowed).toBe(14000);
    expect(RATES.expected({ payerId: "SHP", code: "99214", dos: "2026-02-28" })).toBeUndefined();
    expect(RATES.expected({ payerId: "SHP", code: "99214", dos: "2027-01-01" })).toBeUndefined();
  });

  it("has no rate for a payer or code without a row", () => {
    expect(RATES.expected({ payerId: "MCD", code: "99213", dos: "2026-05-01" })).toBeUndefined();
    expect(RATES.expected({ payerId: "MCR", code: "99215", dos: "2026-05-01" })).toBeUndefined();
  });
});

describe("contractProblems", () => {
  it("names overlapping spans for the same payer, code and modifier, and a span that ends before it starts", () => {
    const rows = [
      row("MCR", "99213", 9000),
      row("MCR", "99213", 9500, { effectiveFrom: "2026-01-01" }),
      row("MCR", "99213", 7200, { modifier: "95" }),
      row("MCR", "99214", 1, { effectiveFrom: "2026-05-01", effectiveTo: "2026-04-30" }),
      row("MCR", "99215", 1, { effectiveTo: "2025-12-31" }),
      row("MCR", "99215", 2, { effectiveFrom: "2026-01-01" }),
    ];
    expect(contractProblems(rows, [2, 3, 4, 5, 6, 7])).toEqual([
      "Contracts row 5: Effective To 2026-04-30 is before Effective From 2026-05-01, so the rate is never in effect.",
      "Contracts rows 2 and 3 both give a rate for MCR 99213 on the same dates ($90.00 and $95.00): the one that starts later is used; end the older one's span.",
    ]);
  });
});
