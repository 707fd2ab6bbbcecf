// The MEDBILL code functions as a biller types them: =MEDBILL.... formulas evaluated by HyperFormula
// through the real functions (test/functions/spreadsheet.ts), single values and ranges, omitted
// optionals, dates as serials and as text, against a small library read from synthetic CMS text; then
// the same formulas with no code set loaded, which must answer #N/A with the message, never TRUE/FALSE.
import type { RawCellContent } from "hyperformula";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetCodeSets, useCodeSets } from "../../functions/codeSetSource";
import { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { cptList, hcpcs2019, icd10Years, smallLibrary } from "./smallCodeSets";
import {
  CUSTOM_FUNCTIONS_STAND_IN,
  evaluate,
  na,
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

const ICD10_NOT_LOADED = "ICD-10-CM code set not loaded: import it in the Codes panel";
const HCPCS_NOT_LOADED = "HCPCS Level II code set not loaded: import it in the Codes panel";
const notLoadedYear = (fy: number) => `ICD-10-CM FY${fy} code set not loaded: import it in the Codes panel`;

beforeAll(() => {
  vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN);
  registerMedbillFunctions();
});

afterAll(() => {
  unregisterMedbillFunctions();
  forgetCodeSets();
  vi.unstubAllGlobals();
});

async function expectFormula({ formula, data = [], expected }: FormulaCase) {
  expect(await evaluate(formula, data, { rows: expected.length, cols: expected[0].length })).toEqual(expected);
}

// The library holds ICD-10-CM FY2022 and FY2023 (E87.2 billable in FY2022, a header from FY2023), HCPCS
// 2019 (Q0001 discontinued 6/30/2019, G9999 added 7/1/2019; modifiers LT, RT, GT) and a CPT list.
const WITH_LIBRARY: Record<string, FormulaCase[]> = {
  ICD10: [
    { formula: '=MEDBILL.ICD10("E11.9")', expected: [[true]] },
    { formula: '=MEDBILL.ICD10(" e119 ")', expected: [[true]] },
    { formula: '=MEDBILL.ICD10("E11")', expected: [[false]] },
    { formula: '=MEDBILL.ICD10("E11.99")', expected: [[false]] },
    { formula: '=MEDBILL.ICD10("S62.5X0")', expected: [[false]] },
    { formula: '=MEDBILL.ICD10("S62.501A")', expected: [[true]] },
    { formula: "=MEDBILL.ICD10(250)", expected: [[false]] },
    { formula: '=MEDBILL.ICD10("")', expected: [[""]] },
    { formula: "=MEDBILL.ICD10(A1)", data: [[null]], expected: [[""]] },
    // Omitted date: the newest loaded year (FY2023), where E87.2 is a header.
    { formula: '=MEDBILL.ICD10("E87.2")', expected: [[false]] },
    { formula: '=MEDBILL.ICD10("E87.2", DATE(2022,9,30))', expected: [[true]] },
    { formula: '=MEDBILL.ICD10("E87.2", DATE(2022,10,1))', expected: [[false]] },
    { formula: '=MEDBILL.ICD10("E87.2", "9/30/2022")', expected: [[true]] },
    { formula: '=MEDBILL.ICD10("E87.2", "2022-10-01")', expected: [[false]] },
    { formula: '=MEDBILL.ICD10("E87.2", 44834)', expected: [[true]] }, // 44834 is 9/30/2022
    { formula: '=MEDBILL.ICD10("E87.20", DATE(2022,9,30))', expected: [[false]] },
    { formula: '=MEDBILL.ICD10("E11.9", DATE(2025,10,1))', expected: [[na(notLoadedYear(2026))]] },
    {
      formula: '=MEDBILL.ICD10("E11.9", "31/12/2022")',
      expected: [[valueError('date of service: "31/12/2022" is not a real calendar date')]],
    },
    { formula: '=MEDBILL.ICD10("E11.9", TRUE())', expected: [[valueError("the date of service is TRUE, not a date")]] },
    // A blank date cell counts as no date: the newest year.
    { formula: "=MEDBILL.ICD10(A1, B1)", data: [["E87.2", null]], expected: [[false]] },
    {
      // A column of codes and a column of dates: serials, text, a blank code, a year not loaded.
      formula: "=MEDBILL.ICD10(A1:A5, B1:B5)",
      data: [
        ["E87.2", 44834],
        ["E87.2", "'2022-10-01"],
        [null, 44834],
        ["E87.20", "'10/1/2022"],
        ["E11.9", "'2025-10-01"],
      ],
      expected: [[true], [false], [""], [true], [na(notLoadedYear(2026))]],
    },
    {
      // Two diagnosis columns and one date column beside them: the date goes with its row.
      formula: "=MEDBILL.ICD10(A1:B2, C1:C2)",
      data: [
        ["E87.2", "E11.9", 44834],
        ["E87.2", "E11", "'2023-01-15"],
      ],
      expected: [
        [true, true],
        [false, false],
      ],
    },
    { formula: "=MEDBILL.ICD10(A1:A3, DATE(2022,9,30))", data: [["E87.2"], ["E87.20"], ["E11.9"]], expected: [[true], [false], [true]] },
    {
      formula: "=MEDBILL.ICD10(A1:A3, B1:B2)",
      data: [["E11.9"], ["E11"], [null]],
      expected: [
        [
          valueError(
            "the dates of service must be one cell, or a range as tall or as wide as the codes (the codes are 3 rows by 1 column, the dates of service 2 rows by 1 column)",
          ),
        ],
        [
          valueError(
            "the dates of service must be one cell, or a range as tall or as wide as the codes (the codes are 3 rows by 1 column, the dates of service 2 rows by 1 column)",
          ),
        ],
        [""],
      ],
    },
  ],
  ICD10DESC: [
    { formula: '=MEDBILL.ICD10DESC("E11.9")', expected: [["Type 2 diabetes mellitus without complications"]] },
    { formula: '=MEDBILL.ICD10DESC("E11")', expected: [["Type 2 diabetes mellitus"]] },
    { formula: '=MEDBILL.ICD10DESC("E87.2", DATE(2022,9,30))', expected: [["Acidosis"]] },
    { formula: '=MEDBILL.ICD10DESC("E87.20")', expected: [["Acidosis, unspecified"]] },
    {
      // Worded as the Codes panel words it: the date of service, and the year that has the code.
      formula: '=MEDBILL.ICD10DESC("E87.20", "2022-09-30")',
      expected: [[na("E87.20 is not in the FY2022 ICD-10-CM code set (date of service 9/30/2022): it was added in FY2023")]],
    },
    {
      formula: '=MEDBILL.ICD10DESC("S62.5X0")',
      expected: [
        [
          valueError(
            "S62.5X0 needs a 7th character: injury codes (S00-S99) always have 7 (A for the initial encounter, D subsequent, S sequela)",
          ),
        ],
      ],
    },
    {
      formula: "=MEDBILL.ICD10DESC(A1:A2)",
      data: [["e11.9"], [null]],
      expected: [["Type 2 diabetes mellitus without complications"], [""]],
    },
  ],
  CPT: [
    { formula: '=MEDBILL.CPT("99213")', expected: [[true]] },
    { formula: "=MEDBILL.CPT(99213)", expected: [[true]] },
    { formula: '=MEDBILL.CPT("3074f")', expected: [[true]] },
    { formula: '=MEDBILL.CPT("99215")', expected: [[false]] },
    { formula: '=MEDBILL.CPT("9921")', expected: [[false]] },
    { formula: "=MEDBILL.CPT(A1:C1)", data: [["'99214", "J1100", null]], expected: [[true, false, ""]] },
  ],
  HCPCS: [
    { formula: '=MEDBILL.HCPCS("G0439")', expected: [[true]] },
    { formula: '=MEDBILL.HCPCS("j1100")', expected: [[true]] },
    { formula: '=MEDBILL.HCPCS("J9999")', expected: [[false]] },
    { formula: '=MEDBILL.HCPCS("D0120")', expected: [[false]] },
    { formula: '=MEDBILL.HCPCS("Q0001")', expected: [[false]] },
    { formula: '=MEDBILL.HCPCS("Q0001", DATE(2019,3,1))', expected: [[true]] },
    { formula: '=MEDBILL.HCPCS("Q0001", "7/1/2019")', expected: [[false]] },
    { formula: '=MEDBILL.HCPCS("G9999", DATE(2019,3,1))', expected: [[false]] },
    { formula: '=MEDBILL.HCPCS("G9999", "2019-08-01")', expected: [[true]] },
    {
      formula: '=MEDBILL.HCPCS("G0439", "someday")',
      expected: [[valueError('date of service: "someday" is not a date (write it like 2026-03-05 or 3/5/2026)')]],
    },
    {
      formula: "=MEDBILL.HCPCS(A1:A3, B1:B3)",
      data: [
        ["Q0001", 43525],
        ["Q0001", 43647],
        ["G9999", "'8/1/2019"],
      ],
      expected: [[true], [false], [true]],
    },
  ],
  MODIFIER: [
    { formula: '=MEDBILL.MODIFIER("LT")', expected: [[true]] },
    { formula: '=MEDBILL.MODIFIER("gt")', expected: [[true]] },
    { formula: '=MEDBILL.MODIFIER("ZZ")', expected: [[false]] },
    { formula: "=MEDBILL.MODIFIER(25)", expected: [[true]] },
    { formula: "=MEDBILL.MODIFIER(-25)", expected: [[false]] },
    { formula: '=MEDBILL.MODIFIER("LTRT")', expected: [[false]] },
    { formula: "=MEDBILL.MODIFIER(A1:A3)", data: [["RT"], [null], [59]], expected: [[true], [""], [true]] },
  ],
  POS: [
    { formula: "=MEDBILL.POS(11)", expected: [[true]] },
    { formula: '=MEDBILL.POS("02")', expected: [[true]] },
    { formula: "=MEDBILL.POS(2)", expected: [[true]] },
    { formula: '=MEDBILL.POS("2")', expected: [[false]] },
    { formula: '=MEDBILL.POS("00")', expected: [[false]] },
    { formula: "=MEDBILL.POS(A1:B1)", data: [[21, "'35"]], expected: [[true, false]] },
  ],
  NDC11: [
    { formula: '=MEDBILL.NDC11("1234-5678-90")', expected: [["01234567890"]] },
    { formula: '=MEDBILL.NDC11("12345-678-90")', expected: [["12345067890"]] },
    { formula: '=MEDBILL.NDC11("12345-6789-0")', expected: [["12345678900"]] },
    {
      formula: '=MEDBILL.NDC11("1234567890")',
      expected: [
        [
          valueError(
            'NDC "1234567890" has 10 digits and no hyphens: it could be 4-4-2, 5-3-2 or 5-4-1, which give different 11-digit NDCs; type it with its hyphens as printed on the package',
          ),
        ],
      ],
    },
    {
      formula: "=MEDBILL.NDC11(A1:A3)",
      data: [["'00002-7510-01"], [null], ["'123-45678-90"]],
      expected: [
        ["00002751001"],
        [""],
        [valueError('NDC "123-45678-90" is laid out 3-5-2: an NDC is 4-4-2, 5-3-2 or 5-4-1 (10 digits), or 5-4-2 (11 digits)')],
      ],
    },
  ],
  EIN: [
    { formula: '=MEDBILL.EIN("12-3456789")', expected: [[true]] },
    { formula: "=MEDBILL.EIN(123456789)", expected: [[true]] },
    { formula: '=MEDBILL.EIN("07-1234567")', expected: [[false]] },
    { formula: "=MEDBILL.EIN(A1:A2)", data: [["'123-45-6789"], [null]], expected: [[false], [""]] },
  ],
  TAXONOMY: [
    { formula: '=MEDBILL.TAXONOMY("207Q00000X")', expected: [[true]] },
    { formula: '=MEDBILL.TAXONOMY("207q00000x")', expected: [[true]] },
    { formula: '=MEDBILL.TAXONOMY("207Q00000")', expected: [[false]] },
  ],
  CODECHECK: [
    { formula: '=MEDBILL.CODECHECK("E11.9")', expected: [["OK"]] },
    {
      formula: '=MEDBILL.CODECHECK("E11", "ICD-10")',
      expected: [["E11 is a category header, not billable (FY2023 ICD-10-CM): use a code under it"]],
    },
    {
      formula: '=MEDBILL.CODECHECK("S62.5X0", "icd10")',
      expected: [
        ["S62.5X0 needs a 7th character: injury codes (S00-S99) always have 7 (A for the initial encounter, D subsequent, S sequela)"],
      ],
    },
    {
      formula: '=MEDBILL.CODECHECK("T36.0X1", "ICD-10-CM")',
      expected: [["T36.0X1 needs a 7th character, like T36.0X1A (FY2023 ICD-10-CM)"]],
    },
    { formula: '=MEDBILL.CODECHECK("E11.99")', expected: [["E11.99 is not in the FY2023 ICD-10-CM code set"]] },
    { formula: '=MEDBILL.CODECHECK("E87.2", "ICD-10", DATE(2022,9,30))', expected: [["OK"]] },
    // No date: the newest year answers, with no year before it to compare, so a plain category header.
    {
      formula: '=MEDBILL.CODECHECK("E87.2", "ICD-10")',
      expected: [["E87.2 is a category header, not billable (FY2023 ICD-10-CM): use a code under it"]],
    },
    {
      // Billable in FY2022, a header from FY2023: the cell says it changed, as the Codes panel does.
      formula: '=MEDBILL.CODECHECK("E87.2", "ICD-10", "10/1/2022")',
      expected: [["E87.2 is not billable on 10/1/2022 (FY2023): it became a category header in FY2023, use a code under it"]],
    },
    { formula: '=MEDBILL.CODECHECK("E11.9", , DATE(2025,10,1))', expected: [[notLoadedYear(2026)]] },
    { formula: '=MEDBILL.CODECHECK("99213", "CPT")', expected: [["OK"]] },
    { formula: '=MEDBILL.CODECHECK("99215", "CPT")', expected: [["99215 is not in your CPT list"]] },
    // A number cell lost the anesthesia code's zeros: it is checked, and named, as 00100 (as Charges reads it).
    { formula: '=MEDBILL.CODECHECK(100, "CPT")', expected: [["00100 is not in your CPT list"]] },
    {
      formula: '=MEDBILL.CODECHECK("99213-25", "CPT")',
      expected: [['"99213-25" holds a code and a modifier: put 99213 in the code cell and 25 in a modifier cell']],
    },
    // Guessed as HCPCS, which the reason names.
    { formula: '=MEDBILL.CODECHECK("Q0001")', expected: [["Q0001 was discontinued on 6/30/2019 (checked as HCPCS Level II)"]] },
    {
      formula: '=MEDBILL.CODECHECK("Q0001", "HCPCS", DATE(2019,7,1))',
      expected: [["Q0001 was discontinued on 6/30/2019: not valid on 7/1/2019"]],
    },
    {
      formula: '=MEDBILL.CODECHECK("G9999", "HCPCS", DATE(2019,3,1))',
      expected: [["G9999 is not in the HCPCS Level II code set on 3/1/2019"]],
    },
    { formula: '=MEDBILL.CODECHECK("D0120", "HCPCS")', expected: [['"D0120": D codes are dental (ADA CDT), not HCPCS Level II']] },
    { formula: '=MEDBILL.CODECHECK("ZZ", "modifier")', expected: [["modifier ZZ is not in the HCPCS Level II modifier list"]] },
    { formula: '=MEDBILL.CODECHECK("LT")', expected: [["OK"]] },
    { formula: '=MEDBILL.CODECHECK("1234567893")', expected: [["OK"]] },
    { formula: '=MEDBILL.CODECHECK("1234567890", "NPI")', expected: [['NPI "1234567890" fails its check digit (mistyped?)']] },
    { formula: '=MEDBILL.CODECHECK("35", "POS")', expected: [["POS 35 is unassigned in the CMS place-of-service list"]] },
    // Guessed as a place of service: the guess is named, since two digits could be a modifier too.
    {
      formula: '=MEDBILL.CODECHECK("35")',
      expected: [["POS 35 is unassigned in the CMS place-of-service list (checked as place of service)"]],
    },
    { formula: '=MEDBILL.CODECHECK("1234-5678-90", "NDC")', expected: [["OK"]] },
    {
      formula: '=MEDBILL.CODECHECK("07-1234567", "EIN")',
      expected: [["EIN 07-1234567: prefix 07 is never issued by the IRS (mistyped?)"]],
    },
    { formula: '=MEDBILL.CODECHECK("207Q00000X")', expected: [["OK"]] },
    {
      formula: '=MEDBILL.CODECHECK("hello!")',
      expected: [
        [
          '"hello!" does not look like any code this add-in checks: give its kind (ICD-10, CPT, HCPCS, modifier, POS, NPI, NDC, EIN or taxonomy)',
        ],
      ],
    },
    {
      formula: '=MEDBILL.CODECHECK("E11.9", "diagnosis code")',
      expected: [[valueError('"diagnosis code" is not a kind of code: use ICD-10, CPT, HCPCS, modifier, POS, NPI, NDC, EIN or taxonomy')]],
    },
    {
      formula: '=MEDBILL.CODECHECK("E11.9", "ICD-10", "13/13/2022")',
      expected: [[valueError('date of service: "13/13/2022" is not a real calendar date')]],
    },
    { formula: '=MEDBILL.CODECHECK("")', expected: [[""]] },
    {
      // A column of mixed codes, each with its own kind (one blank: guessed) and date.
      formula: "=MEDBILL.CODECHECK(A1:A5, B1:B5, C1:C5)",
      data: [
        ["E87.2", "ICD-10", 44834],
        ["E87.2", "ICD-10", "'2022-10-01"],
        ["Q0001", "HCPCS", "'2019-07-01"],
        ["99214", "CPT", null],
        ["GT", null, null],
      ],
      expected: [
        ["OK"],
        ["E87.2 is not billable on 10/1/2022 (FY2023): it became a category header in FY2023, use a code under it"],
        ["Q0001 was discontinued on 6/30/2019: not valid on 7/1/2019"],
        ["OK"],
        ["OK"],
      ],
    },
    {
      // One kind for a whole block.
      formula: '=MEDBILL.CODECHECK(A1:B1, "ICD-10")',
      data: [["E11.9", "E11"]],
      expected: [["OK", "E11 is a category header, not billable (FY2023 ICD-10-CM): use a code under it"]],
    },
  ],
};

describe("MEDBILL code functions with code sets loaded", () => {
  beforeEach(() => useCodeSets(smallLibrary()));

  for (const [name, cases] of Object.entries(WITH_LIBRARY)) {
    describe(`MEDBILL.${name}`, () => {
      it.each(cases)("$formula", expectFormula);
    });
  }

  it("spills a range of codes into exactly its own shape", async () => {
    const values = await evaluate("=MEDBILL.ICD10(A1:A3)", [["E11.9"], ["E11"], ["E87.20"]], { rows: 4, cols: 2 });
    expect(values).toEqual([
      [true, null],
      [false, null],
      [true, null],
      [null, null],
    ]);
  });
});

// Nothing imported: every answer that needs a set says so; what the format alone decides is still answered.
const WITHOUT_SETS: FormulaCase[] = [
  { formula: '=MEDBILL.ICD10("E11.9")', expected: [[na(ICD10_NOT_LOADED)]] },
  { formula: '=MEDBILL.ICD10("E11.9", DATE(2024,10,1))', expected: [[na(notLoadedYear(2025))]] },
  { formula: '=MEDBILL.ICD10("S62.5X0")', expected: [[false]] },
  { formula: '=MEDBILL.ICD10("")', expected: [[""]] },
  { formula: '=MEDBILL.ICD10DESC("E11.9")', expected: [[na(ICD10_NOT_LOADED)]] },
  { formula: '=MEDBILL.HCPCS("G0439")', expected: [[na(HCPCS_NOT_LOADED)]] },
  { formula: '=MEDBILL.HCPCS("D0120")', expected: [[false]] },
  { formula: '=MEDBILL.CPT("99215")', expected: [[true]] },
  { formula: "=MEDBILL.CPT(100)", expected: [[true]] },
  { formula: '=MEDBILL.CODECHECK("99215", "CPT")', expected: [["format OK; no CPT list imported to confirm it exists"]] },
  { formula: '=MEDBILL.MODIFIER("LT")', expected: [[true]] },
  { formula: '=MEDBILL.CODECHECK("LT", "modifier")', expected: [["format OK; no HCPCS file imported to confirm modifier LT exists"]] },
  { formula: '=MEDBILL.CODECHECK("25", "modifier")', expected: [["OK"]] },
  { formula: '=MEDBILL.CODECHECK("E11", "ICD-10")', expected: [[ICD10_NOT_LOADED]] },
  { formula: '=MEDBILL.CODECHECK("G0439", "HCPCS", DATE(2019,3,1))', expected: [[HCPCS_NOT_LOADED]] },
  { formula: "=MEDBILL.POS(11)", expected: [[true]] },
  {
    formula: "=MEDBILL.ICD10(A1:A3)",
    data: [["E11.9"], ["E11.9X"], [null]],
    expected: [[na(ICD10_NOT_LOADED)], [false], [""]],
  },
];

describe("MEDBILL code functions with no code set loaded", () => {
  beforeEach(() => useCodeSets(CodeSetLibrary.empty()));

  it.each(WITHOUT_SETS)("$formula", expectFormula);

  it("asks for the one fiscal year missing when other years are loaded", async () => {
    useCodeSets(smallLibrary([...icd10Years(), hcpcs2019()]));
    await expectFormula({ formula: '=MEDBILL.ICD10("E11.9", "2021-09-30")', expected: [[na(notLoadedYear(2021))]] });
    await expectFormula({
      formula: '=MEDBILL.CODECHECK("99213", "CPT")',
      expected: [["format OK; no CPT list imported to confirm it exists"]],
    });
  });

  it("answers from the new sets as soon as the task pane hands them over", async () => {
    await expectFormula({ formula: '=MEDBILL.ICD10("E11.9")', expected: [[na(ICD10_NOT_LOADED)]] });
    useCodeSets(smallLibrary([...icd10Years()]));
    await expectFormula({ formula: '=MEDBILL.ICD10("E11.9")', expected: [[true]] });
    await expectFormula({ formula: '=MEDBILL.HCPCS("G0439")', expected: [[na(HCPCS_NOT_LOADED)]] });
    useCodeSets(smallLibrary([hcpcs2019(), cptList()]));
    await expectFormula({ formula: '=MEDBILL.HCPCS("G0439")', expected: [[true]] });
    await expectFormula({ formula: '=MEDBILL.ICD10("E11.9")', expected: [[na(ICD10_NOT_LOADED)]] });
  });
});
