// MEDBILL.PATIENTRESP as a biller types it, evaluated by HyperFormula through the real function: the
// documented order (deductible left first, then coinsurance on the rest, plus the copay, capped at the
// allowed amount), rates as 20%, 0.2 and "20%", money as numbers and as text, rounding to the cent,
// ranges with companions lined up, and the #VALUE! reasons; then the same formula checked against a
// plain restatement of the rule over many generated amounts.
import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PATIENTRESP } from "../../functions/functions";
import { patientResponsibility } from "../../src/ledger/patientResponsibility";
import {
  CUSTOM_FUNCTIONS_STAND_IN,
  evaluate,
  registerMedbillFunctions,
  unregisterMedbillFunctions,
  valueError,
  type Shown,
} from "./spreadsheet";

interface FormulaCase {
  formula: string;
  data?: RawCellContent[][];
  expected: Shown[][];
}

beforeAll(() => {
  vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN);
  registerMedbillFunctions();
});

afterAll(() => {
  unregisterMedbillFunctions();
  vi.unstubAllGlobals();
});

const FORMULAS: FormulaCase[] = [
  // $50 deductible, then 20% of the other $150.
  { formula: "=MEDBILL.PATIENTRESP(200, 50, 20%, 0)", expected: [[80]] },
  { formula: "=MEDBILL.PATIENTRESP(200, 50, 0.2, 0)", expected: [[80]] },
  { formula: '=MEDBILL.PATIENTRESP(200, 50, "20%", 10)', expected: [[90]] },
  { formula: '=MEDBILL.PATIENTRESP(200, 50, "0.2", 0)', expected: [[80]] },
  // The deductible left covers the whole amount; nothing left for coinsurance.
  { formula: "=MEDBILL.PATIENTRESP(100, 500, 20%, 0)", expected: [[100]] },
  // Met deductible, no coinsurance: the copay alone, but never more than allowed.
  { formula: "=MEDBILL.PATIENTRESP(100, 0, 0, 25)", expected: [[25]] },
  { formula: "=MEDBILL.PATIENTRESP(100, 0, 0, 150)", expected: [[100]] },
  { formula: "=MEDBILL.PATIENTRESP(100, 30, 20%, 80)", expected: [[100]] },
  // 15% of $123.45 is $18.5175: to the cent, $18.52; 50% of $100.05 is $50.025: half a cent up, $50.03.
  { formula: "=MEDBILL.PATIENTRESP(123.45, 0, 15%, 0)", expected: [[18.52]] },
  { formula: "=MEDBILL.PATIENTRESP(100.05, 0, 50%, 0)", expected: [[50.03]] },
  { formula: "=MEDBILL.PATIENTRESP(0.01, 0, 100%, 0)", expected: [[0.01]] },
  { formula: '=MEDBILL.PATIENTRESP("$1,250.00", "$500", "20%", "$25")', expected: [[675]] },
  { formula: "=MEDBILL.PATIENTRESP(0, 100, 20%, 25)", expected: [[0]] },
  { formula: '=MEDBILL.PATIENTRESP("", 100, 20%, 25)', expected: [[""]] },
  // Blank deductible, coinsurance and copay cells count as none.
  { formula: "=MEDBILL.PATIENTRESP(A1, B1, C1, D1)", data: [[200, null, null, null]], expected: [[0]] },
  { formula: "=MEDBILL.PATIENTRESP(A1, B1, C1, D1)", data: [[200, null, 0.1, 15]], expected: [[35]] },
  {
    // A column of lines with their own deductibles and copays, one coinsurance for all.
    formula: "=MEDBILL.PATIENTRESP(A1:A4, B1:B4, 20%, C1:C4)",
    data: [
      [150, 0, 20],
      [150, 100, 0],
      [null, 100, 0],
      [80, 40, 0],
    ],
    expected: [[50], [110], [""], [48]],
  },
  {
    formula: "=MEDBILL.PATIENTRESP(A1:B1, 0, C1:D1, 0)",
    data: [[100, 200, 0.1, 0.3]],
    expected: [[10, 60]],
  },
  {
    formula: "=MEDBILL.PATIENTRESP(200, 0, 20, 0)",
    expected: [[valueError('coinsurance "20" is more than 100%: write it like 20% or 0.2')]],
  },
  {
    formula: '=MEDBILL.PATIENTRESP(200, 0, "twenty", 0)',
    expected: [[valueError('coinsurance "twenty" is not a percent: write it like 20% or 0.2')]],
  },
  {
    formula: "=MEDBILL.PATIENTRESP(200, 0, -0.1, 0)",
    expected: [[valueError('coinsurance "-0.1" is not a percent: write it like 20% or 0.2')]],
  },
  { formula: "=MEDBILL.PATIENTRESP(-5, 0, 0.2, 0)", expected: [[valueError("the allowed amount cannot be negative (-$5.00)")]] },
  {
    formula: '=MEDBILL.PATIENTRESP("abc", 0, 0.2, 0)',
    expected: [[valueError('allowed amount: "abc" is not an amount (write it like 1234.50 or $1,234.50)')]],
  },
  { formula: "=MEDBILL.PATIENTRESP(10.005, 0, 0.2, 0)", expected: [[valueError("allowed amount: 10.005 has a fraction of a cent")]] },
  { formula: "=MEDBILL.PATIENTRESP(200, -1, 0.2, 0)", expected: [[valueError("the deductible left cannot be negative (-$1.00)")]] },
  { formula: "=MEDBILL.PATIENTRESP(200, 0, 0.2, TRUE())", expected: [[valueError("the copay is TRUE, not an amount")]] },
  {
    formula: "=MEDBILL.PATIENTRESP(A1:A3, B1:B2, 0.2, 0)",
    data: [[100, 0], [100, 0], [null]],
    expected: [
      [
        valueError(
          "the deductibles left must be one cell, or a range as tall or as wide as the allowed amounts (the allowed amounts are 3 rows by 1 column, the deductibles left 2 rows by 1 column)",
        ),
      ],
      [
        valueError(
          "the deductibles left must be one cell, or a range as tall or as wide as the allowed amounts (the allowed amounts are 3 rows by 1 column, the deductibles left 2 rows by 1 column)",
        ),
      ],
      [""],
    ],
  },
];

describe("MEDBILL.PATIENTRESP", () => {
  it.each(FORMULAS)("$formula", async ({ formula, data = [], expected }) => {
    expect(await evaluate(formula, data, { rows: expected.length, cols: expected[0].length })).toEqual(expected);
  });
});

describe("the patient's share, for any amounts", () => {
  // The rule restated with exact fractions: cents x percent in hundredths of a percent, rounded half up.
  const byHand = (allowed: number, deductibleLeft: number, basisPoints: number, copay: number) => {
    const deductible = Math.min(allowed, deductibleLeft);
    const coinsurance = Math.floor(((allowed - deductible) * basisPoints * 2 + 10_000) / 20_000);
    return Math.min(allowed, deductible + coinsurance + copay);
  };
  const cents = (max: number) => fc.integer({ min: 0, max });

  it("is deductible first, then coinsurance on the rest, plus the copay, capped at allowed", () => {
    fc.assert(
      fc.property(cents(5_000_000), cents(1_000_000), fc.integer({ min: 0, max: 10_000 }), cents(10_000), (a, dl, bp, cp) => {
        expect(patientResponsibility(a, dl, bp * 100, cp)).toBe(byHand(a, dl, bp, cp));
      }),
      { numRuns: 2000 },
    );
  });

  it("never asks more than the allowed amount nor less than the deductible it meets, and MEDBILL.PATIENTRESP says the same in dollars", () => {
    fc.assert(
      fc.property(cents(5_000_000), cents(1_000_000), fc.integer({ min: 0, max: 100 }), cents(10_000), (a, dl, pct, cp) => {
        const share = patientResponsibility(a, dl, pct * 10_000, cp);
        expect(share).toBeLessThanOrEqual(a);
        expect(share).toBeGreaterThanOrEqual(Math.min(a, dl));
        expect(PATIENTRESP([[a / 100]], [[dl / 100]], [[`${pct}%`]], [[cp / 100]])).toEqual([[share / 100]]);
      }),
      { numRuns: 2000 },
    );
  });
});
