// MEDBILL.NPI as a biller types it: formulas evaluated by a spreadsheet engine (HyperFormula) with the
// real custom functions registered under their full dotted names (test/functions/spreadsheet.ts says how
// it mirrors Excel), then every NPI in the real sample files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RawCellContent } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NPI, npiCell } from "../../functions/functions";
import { CUSTOM_FUNCTIONS_STAND_IN, evaluate, registerMedbillFunctions, unregisterMedbillFunctions, type Shown } from "./spreadsheet";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const npiData = path.resolve(projectRoot, "../shared/data/npi");
const haveData =
  sharedDataPresent(path.join(npiData, "npi_check_examples.csv")) && sharedDataPresent(path.join(npiData, "nppes_npidata_sample.csv"));

beforeAll(() => {
  vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN);
  registerMedbillFunctions();
});

interface FormulaCase {
  formula: string;
  data?: RawCellContent[][];
  expected: Shown[][];
}

// A biller's examples. Data in column A (or A:B) unless the formula holds the value itself.
const FORMULAS: FormulaCase[] = [
  { formula: '=MEDBILL.NPI("1234567893")', expected: [[true]] },
  { formula: '=MEDBILL.NPI("1234567890")', expected: [[false]] },
  { formula: "=MEDBILL.NPI(1234567893)", expected: [[true]] },
  { formula: "=MEDBILL.NPI(1234567890)", expected: [[false]] },
  { formula: '=MEDBILL.NPI(" 1234567893 ")', expected: [[true]] },
  { formula: '=MEDBILL.NPI("123456789")', expected: [[false]] },
  { formula: '=MEDBILL.NPI("123456789A")', expected: [[false]] },
  { formula: '=MEDBILL.NPI("3234567893")', expected: [[false]] },
  { formula: "=MEDBILL.NPI(1234567893.5)", expected: [[false]] },
  { formula: "=MEDBILL.NPI(TRUE())", expected: [[false]] },
  { formula: "=MEDBILL.NPI(A1)", data: [[true]], expected: [[false]] },
  { formula: '=MEDBILL.NPI("")', expected: [[""]] },
  { formula: "=MEDBILL.NPI(A1)", data: [[null]], expected: [[""]] },
  { formula: "=MEDBILL.NPI(A1)", data: [[1234567893]], expected: [[true]] },
  { formula: "=MEDBILL.NPI(A1)", data: [["'1234567893"]], expected: [[true]] },
  {
    // A column of five: valid text, a typo, a number, a blank, a valid type-2 (organization) NPI.
    formula: "=MEDBILL.NPI(A1:A5)",
    data: [["'1234567893"], ["'1234567890"], [1497758544], [null], ["'1306849450"]],
    expected: [[true], [false], [true], [""], [true]],
  },
  { formula: "=MEDBILL.NPI(A1:C1)", data: [[1234567893, "'12345", null]], expected: [[true, false, ""]] },
  {
    formula: "=MEDBILL.NPI(A1:B2)",
    data: [
      [1234567893, "'1234567891"],
      ["'  ", 1679576722],
    ],
    expected: [
      [true, false],
      ["", true],
    ],
  },
];

describe("MEDBILL.NPI in a spreadsheet", () => {
  it.each(FORMULAS)("$formula → $expected", async ({ formula, data = [], expected }) => {
    expect(await evaluate(formula, data, { rows: expected.length, cols: expected[0].length })).toEqual(expected);
  });

  it("spills a 5-cell range into exactly 5 results and nothing beyond", async () => {
    const data: RawCellContent[][] = [["'1234567893"], ["'1234567890"], [1497758544], [null], ["'1306849450"]];
    const values = await evaluate("=MEDBILL.NPI(A1:A5)", data, { rows: 6, cols: 2 });
    expect(values.slice(0, 5).map((row) => row[0])).toEqual([true, false, true, "", true]);
    expect(values[5][0]).toBeNull();
    expect(values.map((row) => row[1])).toEqual([null, null, null, null, null, null]);
  });

  it("answers a single value passed directly (outside Excel) in the same 1x1 shape", () => {
    expect(npiCell("1234567893")).toBe(true);
    expect(NPI("1234567893" as unknown as unknown[][])).toEqual([[true]]);
  });
});

/** A small CSV reader: quoted fields, doubled quotes inside them, no line breaks in fields. */
function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const split = (line: string) => {
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === "," && !quoted) {
        fields.push(field);
        field = "";
      } else {
        field += ch;
      }
    }
    fields.push(field);
    return fields;
  };
  const [header, ...rows] = lines.map(split);
  return rows.map((fields) => Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ""])));
}

describe.skipIf(!haveData)("MEDBILL.NPI on the real NPI samples (../shared/data/npi)", () => {
  let examples: { value: string; valid: boolean }[] = [];
  let nppes: string[] = [];
  beforeAll(() => {
    examples = readCsv(path.join(npiData, "npi_check_examples.csv")).map((r) => ({ value: r.value, valid: r.luhn_80840_valid === "True" }));
    nppes = readCsv(path.join(npiData, "nppes_npidata_sample.csv")).map((r) => r.NPI);
  });

  it("reads the files as described in data/README.md", () => {
    expect(examples).toHaveLength(18);
    expect(nppes).toHaveLength(99);
    expect(nppes.every((n) => /^\d{10}$/.test(n))).toBe(true);
  });

  it("agrees with luhn_80840_valid for every example, as text and through one spilled formula", async () => {
    const column = examples.map((e) => [`'${e.value}`]);
    const results = (await evaluate(`=MEDBILL.NPI(A1:A${column.length})`, column, { rows: column.length, cols: 1 })).map((r) => r[0]);
    expect(results).toEqual(examples.map((e) => e.valid));
  });

  it("agrees with luhn_80840_valid for every all-digit example typed as a number", () => {
    const numeric = examples.filter((e) => /^\d+$/.test(e.value));
    expect(numeric.length).toBeGreaterThan(10);
    for (const e of numeric) expect([e.value, npiCell(Number(e.value))]).toEqual([e.value, e.valid]);
  });

  it("finds every NPPES NPI valid, as text and as numbers", async () => {
    const asText = await evaluate(
      `=MEDBILL.NPI(A1:A${nppes.length})`,
      nppes.map((n) => [`'${n}`]),
      { rows: nppes.length, cols: 1 },
    );
    const asNumbers = await evaluate(
      `=MEDBILL.NPI(A1:A${nppes.length})`,
      nppes.map((n) => [Number(n)]),
      { rows: nppes.length, cols: 1 },
    );
    expect(asText.flat().filter((v) => v !== true)).toEqual([]);
    expect(asNumbers.flat().filter((v) => v !== true)).toEqual([]);
  });
});

if (!haveData) {
  describe("MEDBILL.NPI on the real NPI samples", () => {
    it.skip(`skipped: ${npiData} is missing (the shared sample data lives beside the project)`, () => {});
  });
}

afterAll(() => {
  unregisterMedbillFunctions();
  vi.unstubAllGlobals();
});
