// MEDBILL.AGEDAYS, MEDBILL.AGINGBUCKET and MEDBILL.FILINGDEADLINE as a biller types them, evaluated by
// HyperFormula through the real functions: single values and ranges, dates as serials, DATE() and text,
// an as-of date left out (today: the clock is fixed here), each bucket's edges, bounds as text or a range,
// and the #VALUE! reasons for what cannot be used.
import type { RawCellContent } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isoToSerial } from "../../src/dates";
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

const d = (iso: string) => isoToSerial(iso);
const AS_OF = d("2026-06-30");
/** Today, as the tests' clock says: 2026-06-30 at 3 pm local time. */
const NOW = new Date(2026, 5, 30, 15, 0, 0);

beforeAll(() => {
  vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN);
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  registerMedbillFunctions();
});

afterAll(() => {
  unregisterMedbillFunctions();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function expectFormula({ formula, data = [], expected }: FormulaCase) {
  expect(await evaluate(formula, data, { rows: expected.length, cols: expected[0].length })).toEqual(expected);
}

const column = (values: RawCellContent[]) => values.map((v) => [v]);
const answers = (values: Shown[]) => values.map((v) => [v]);

const FORMULAS: Record<string, FormulaCase[]> = {
  AGEDAYS: [
    { formula: '=MEDBILL.AGEDAYS("3/1/2026", "3/31/2026")', expected: [[30]] },
    { formula: "=MEDBILL.AGEDAYS(DATE(2026,3,1), DATE(2026,3,1))", expected: [[0]] },
    { formula: '=MEDBILL.AGEDAYS("2026-04-01", "2026-03-31")', expected: [[-1]] },
    { formula: '=MEDBILL.AGEDAYS("2/1/2024", "3/1/2024")', expected: [[29]] },
    { formula: '=MEDBILL.AGEDAYS("12/15/2025", "1/14/2026")', expected: [[30]] },
    { formula: `=MEDBILL.AGEDAYS(${d("2026-03-01") + 0.75}, ${d("2026-03-02") + 0.25})`, expected: [[1]] },
    // Left out, the as-of date is today (the clock says 6/30/2026).
    { formula: '=MEDBILL.AGEDAYS("2026-06-01")', expected: [[29]] },
    { formula: "=MEDBILL.AGEDAYS(DATE(2026,6,30))", expected: [[0]] },
    { formula: '=MEDBILL.AGEDAYS("")', expected: [[""]] },
    {
      // A column of dates, a column of as-of dates beside them (a blank one is today), blanks stay blank.
      formula: "=MEDBILL.AGEDAYS(A1:A4, B1:B4)",
      data: [
        [d("2026-01-01"), d("2026-01-31")],
        ["'2026-01-01", "'2026-03-01"],
        [d("2026-06-20"), null],
        [null, d("2026-01-31")],
      ],
      expected: [[30], [59], [10], [""]],
    },
    {
      formula: "=MEDBILL.AGEDAYS(A1:C1, DATE(2026,6,30))",
      data: [[d("2026-06-29"), d("2026-05-31"), d("2025-06-30")]],
      expected: [[1, 30, 365]],
    },
    { formula: '=MEDBILL.AGEDAYS("31/12/2026", "1/1/2027")', expected: [[valueError('date: "31/12/2026" is not a real calendar date')]] },
    { formula: "=MEDBILL.AGEDAYS(TRUE())", expected: [[valueError("the date is TRUE, not a date")]] },
    {
      formula: '=MEDBILL.AGEDAYS("3/1/2026", "soon")',
      expected: [[valueError('as-of date: "soon" is not a date (write it like 2026-03-05 or 3/5/2026)')]],
    },
    {
      formula: "=MEDBILL.AGEDAYS(A1:A3, B1:B2)",
      data: [
        [d("2026-01-01"), d("2026-01-31")],
        [d("2026-01-01"), d("2026-01-31")],
        [null, null],
      ],
      expected: [
        [
          valueError(
            "the as-of dates must be one cell, or a range as tall or as wide as the dates (the dates are 3 rows by 1 column, the as-of dates 2 rows by 1 column)",
          ),
        ],
        [
          valueError(
            "the as-of dates must be one cell, or a range as tall or as wide as the dates (the dates are 3 rows by 1 column, the as-of dates 2 rows by 1 column)",
          ),
        ],
        [""],
      ],
    },
  ],
  AGINGBUCKET: [
    {
      // Each bucket's first and last day, counted back from the as-of date.
      formula: `=MEDBILL.AGINGBUCKET(A1:A10, ${AS_OF})`,
      data: column([0, 30, 31, 60, 61, 90, 91, 120, 121, 400].map((age) => AS_OF - age)),
      expected: answers(["0-30", "0-30", "31-60", "31-60", "61-90", "61-90", "91-120", "91-120", "120+", "120+"]),
    },
    { formula: '=MEDBILL.AGINGBUCKET("1/15/2026", "3/31/2026")', expected: [["61-90"]] },
    { formula: '=MEDBILL.AGINGBUCKET("2026-05-31")', expected: [["0-30"]] },
    { formula: '=MEDBILL.AGINGBUCKET("2026-05-30")', expected: [["31-60"]] },
    { formula: '=MEDBILL.AGINGBUCKET("2026-05-30", , "30,60,90,120")', expected: [["31-60"]] },
    {
      formula: `=MEDBILL.AGINGBUCKET(A1:A4, ${AS_OF}, "15, 45")`,
      data: column([AS_OF - 15, AS_OF - 16, AS_OF - 45, AS_OF - 46]),
      expected: answers(["0-15", "16-45", "16-45", "45+"]),
    },
    {
      // Bounds in a range of the sheet (a settings block), blanks ignored.
      formula: `=MEDBILL.AGINGBUCKET(A1:A5, ${AS_OF}, B1:B4)`,
      data: [
        [AS_OF - 10, 10],
        [AS_OF - 11, 20],
        [AS_OF - 30, null],
        [AS_OF - 31, 30],
        [null, null],
      ],
      expected: answers(["0-10", "11-20", "21-30", "30+", ""]),
    },
    { formula: `=MEDBILL.AGINGBUCKET(A1, ${AS_OF}, B1:D1)`, data: [[AS_OF - 7, 0, 7, 14]], expected: [["1-7"]] },
    { formula: `=MEDBILL.AGINGBUCKET(A1, ${AS_OF}, B1:D1)`, data: [[AS_OF, 0, 7, 14]], expected: [["0-0"]] },
    { formula: `=MEDBILL.AGINGBUCKET(${AS_OF}, ${AS_OF}, "")`, expected: [["0-30"]] },
    {
      formula: '=MEDBILL.AGINGBUCKET("7/1/2026", "6/30/2026")',
      expected: [[valueError("the date is after the as-of date (7/1/2026 is after 6/30/2026)")]],
    },
    {
      formula: '=MEDBILL.AGINGBUCKET("7/1/2026")',
      expected: [[valueError("the date is after the as-of date (7/1/2026 is after 6/30/2026)")]],
    },
    {
      formula: '=MEDBILL.AGINGBUCKET("6/1/2026", , "30,abc")',
      expected: [[valueError('the bounds must be whole numbers of days, like "30,60,90,120": "abc" is not one')]],
    },
    {
      formula: '=MEDBILL.AGINGBUCKET("6/1/2026", , "60,30")',
      expected: [[valueError('the bounds must go up, like "30,60,90,120": 30 comes after 60')]],
    },
    {
      formula: '=MEDBILL.AGINGBUCKET("6/1/2026", , 30.5)',
      expected: [[valueError('the bounds must be whole numbers of days, like "30,60,90,120": "30.5" is not one')]],
    },
    {
      formula: '=MEDBILL.AGINGBUCKET("6/1/2026", , -5)',
      expected: [[valueError('the bounds must be whole numbers of days, like "30,60,90,120": "-5" is not one')]],
    },
    {
      formula: '=MEDBILL.AGINGBUCKET("June 1")',
      expected: [[valueError('date: "June 1" is not a date (write it like 2026-03-05 or 3/5/2026)')]],
    },
    {
      // A blank date stays blank even when the bounds cannot be used.
      formula: '=MEDBILL.AGINGBUCKET(A1:A2, , "x")',
      data: [[null], [AS_OF]],
      expected: [[""], [valueError('the bounds must be whole numbers of days, like "30,60,90,120": "x" is not one')]],
    },
  ],
  FILINGDEADLINE: [
    { formula: '=MEDBILL.FILINGDEADLINE("1/15/2026", 90)', expected: [[d("2026-04-15")]] },
    { formula: "=MEDBILL.FILINGDEADLINE(DATE(2025,12,1), 365)", expected: [[d("2026-12-01")]] },
    { formula: '=MEDBILL.FILINGDEADLINE("2/28/2024", 1)', expected: [[d("2024-02-29")]] },
    { formula: '=MEDBILL.FILINGDEADLINE("2026-01-15", "90")', expected: [[d("2026-04-15")]] },
    { formula: '=MEDBILL.FILINGDEADLINE("2026-01-15", 0)', expected: [[d("2026-01-15")]] },
    {
      // Each line's date of service with its payer's limit beside it.
      formula: "=MEDBILL.FILINGDEADLINE(A1:A4, B1:B4)",
      data: [
        [d("2026-01-15"), 90],
        [d("2026-01-15"), 365],
        ["'3/1/2026", 180],
        [null, 90],
      ],
      expected: [[d("2026-04-15")], [d("2027-01-15")], [d("2026-08-28")], [""]],
    },
    {
      formula: "=MEDBILL.FILINGDEADLINE(A1)",
      data: [[d("2026-01-15")]],
      expected: [[valueError("the filing limit is blank: give the payer's timely filing days, like 90 or 365")]],
    },
    {
      formula: '=MEDBILL.FILINGDEADLINE("1/15/2026", -1)',
      expected: [[valueError('the filing limit must be a whole number of days, like 90 or 365, not "-1"')]],
    },
    {
      formula: '=MEDBILL.FILINGDEADLINE("1/15/2026", "ninety")',
      expected: [[valueError('the filing limit must be a whole number of days, like 90 or 365, not "ninety"')]],
    },
    {
      formula: '=MEDBILL.FILINGDEADLINE("1/15/2026", 90.5)',
      expected: [[valueError('the filing limit must be a whole number of days, like 90 or 365, not "90.5"')]],
    },
    {
      formula: '=MEDBILL.FILINGDEADLINE("12/1/9999", 100)',
      expected: [[valueError("100 days after 12/1/9999 is past the last date Excel shows")]],
    },
    {
      formula: '=MEDBILL.FILINGDEADLINE("15/1/2026", 90)',
      expected: [[valueError('date of service: "15/1/2026" is not a real calendar date')]],
    },
    {
      formula: "=MEDBILL.FILINGDEADLINE(A1:A2, B1:C1)",
      data: [
        [d("2026-01-15"), 90, 180],
        [d("2026-01-16"), null, null],
      ],
      expected: [
        [
          valueError(
            "the filing limits must be one cell, or a range as tall or as wide as the dates of service (the dates of service are 2 rows by 1 column, the filing limits 1 row by 2 columns)",
          ),
        ],
        [
          valueError(
            "the filing limits must be one cell, or a range as tall or as wide as the dates of service (the dates of service are 2 rows by 1 column, the filing limits 1 row by 2 columns)",
          ),
        ],
      ],
    },
  ],
};

describe.each(Object.keys(FORMULAS))("MEDBILL.%s", (name) => {
  it.each(FORMULAS[name])("$formula", async (formulaCase) => {
    await expectFormula(formulaCase);
  });
});

describe("today, when the as-of date is left out", () => {
  it("is the same day Excel's own TODAY() gives", async () => {
    await expectFormula({ formula: "=MEDBILL.AGEDAYS(A1)", data: [["=TODAY()-45"]], expected: [[45]] });
    await expectFormula({ formula: "=MEDBILL.AGINGBUCKET(A1)", data: [["=TODAY()-45"]], expected: [["31-60"]] });
  });

  it("moves with the clock: the same formula a day later is a day older", async () => {
    vi.setSystemTime(new Date(2026, 6, 1, 9, 0, 0));
    try {
      await expectFormula({ formula: '=MEDBILL.AGEDAYS("2026-06-01")', expected: [[30]] });
      await expectFormula({ formula: '=MEDBILL.AGINGBUCKET("2026-06-01")', expected: [["0-30"]] });
      await expectFormula({ formula: '=MEDBILL.AGINGBUCKET("2026-05-31")', expected: [["31-60"]] });
    } finally {
      vi.setSystemTime(NOW);
    }
  });
});
