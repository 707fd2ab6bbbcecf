// MEDBILL.NPI as a biller types it: formulas evaluated by a spreadsheet engine (HyperFormula) with the
// real custom function registered under its full dotted name, then every NPI in the real sample files.
//
// How it mirrors Excel: the parameter is a RANGE, so HyperFormula (like Excel for a matrix parameter)
// hands a single value over as a 1x1 range and a range as rows of cells; the result spills to the size
// of the input. Empty cells arrive in HyperFormula as its EmptyValue symbol and are passed on as "", the
// way Excel passes empty cells in a range. HyperFormula's function names may contain dots (it ships
// HF.ADD and friends), so the name needs no mapping: MEDBILL.NPI is registered as is.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  ArraySize,
  EmptyValue,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type RawCellContent,
} from "hyperformula";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NPI, npiCell } from "../../functions/functions";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const npiData = path.resolve(projectRoot, "../shared/data/npi");
const haveData = existsSync(path.join(npiData, "npi_check_examples.csv")) && existsSync(path.join(npiData, "nppes_npidata_sample.csv"));

type ProcedureArgs = Parameters<FunctionPlugin["runFunction"]>;

/** MEDBILL.NPI for HyperFormula: a thin adapter around the real NPI() from functions/functions.ts. */
class MedbillFunctions extends FunctionPlugin {
  static override implementedFunctions = {
    "MEDBILL.NPI": {
      method: "npi",
      sizeOfResultArrayMethod: "npiSize",
      parameters: [{ argumentType: FunctionArgumentType.RANGE }],
      vectorizationForbidden: true,
    },
  };

  npi(ast: { args: ProcedureArgs[0] }, state: ProcedureArgs[1]) {
    return this.runFunction(ast.args, state, this.metadata("MEDBILL.NPI"), (range: SimpleRangeValue) => {
      const cells = range.rawData().map((row) => row.map((v) => (v === EmptyValue ? "" : v)));
      return SimpleRangeValue.onlyValues(NPI(cells));
    });
  }

  npiSize(ast: { args: ProcedureArgs[0] }, state: ProcedureArgs[1]): ArraySize {
    if (ast.args.length !== 1) return ArraySize.error();
    const size = this.arraySizeForAst(ast.args[0], state);
    return new ArraySize(size.width, size.height);
  }
}

HyperFormula.registerFunctionPlugin(MedbillFunctions, { enGB: { "MEDBILL.NPI": "MEDBILL.NPI" }, enUS: { "MEDBILL.NPI": "MEDBILL.NPI" } });

function engineWith(sheet: RawCellContent[][]) {
  return HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
}

/** Put a formula in an empty sheet next to some data and read back what it shows (spilled area for arrays). */
function evaluate(formula: string, data: RawCellContent[][], spill: { rows: number; cols: number }): CellValue[][] {
  // Data starts at A1; the formula goes to J1, well clear of it, and spills down/right from there.
  const rows = Math.max(data.length, spill.rows);
  const sheet: RawCellContent[][] = Array.from({ length: rows }, (_, r) => {
    const row: RawCellContent[] = Array.from({ length: 9 }, (_, c) => data[r]?.[c] ?? null);
    if (r === 0) row.push(formula);
    return row;
  });
  const hf = engineWith(sheet);
  try {
    return Array.from({ length: spill.rows }, (_, r) =>
      Array.from({ length: spill.cols }, (_, c) => hf.getCellValue({ sheet: 0, row: r, col: 9 + c })),
    );
  } finally {
    hf.destroy();
  }
}

interface FormulaCase {
  formula: string;
  data?: RawCellContent[][];
  expected: CellValue[][];
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
  it.each(FORMULAS)("$formula → $expected", ({ formula, data = [], expected }) => {
    expect(evaluate(formula, data, { rows: expected.length, cols: expected[0].length })).toEqual(expected);
  });

  it("spills a 5-cell range into exactly 5 results and nothing beyond", () => {
    const data: RawCellContent[][] = [["'1234567893"], ["'1234567890"], [1497758544], [null], ["'1306849450"]];
    const values = evaluate("=MEDBILL.NPI(A1:A5)", data, { rows: 6, cols: 2 });
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

  it("agrees with luhn_80840_valid for every example, as text and through one spilled formula", () => {
    const column = examples.map((e) => [`'${e.value}`]);
    const results = evaluate(`=MEDBILL.NPI(A1:A${column.length})`, column, { rows: column.length, cols: 1 }).map((r) => r[0]);
    expect(results).toEqual(examples.map((e) => e.valid));
  });

  it("agrees with luhn_80840_valid for every all-digit example typed as a number", () => {
    const numeric = examples.filter((e) => /^\d+$/.test(e.value));
    expect(numeric.length).toBeGreaterThan(10);
    for (const e of numeric) expect([e.value, npiCell(Number(e.value))]).toEqual([e.value, e.valid]);
  });

  it("finds every NPPES NPI valid, as text and as numbers", () => {
    const asText = evaluate(
      `=MEDBILL.NPI(A1:A${nppes.length})`,
      nppes.map((n) => [`'${n}`]),
      { rows: nppes.length, cols: 1 },
    );
    const asNumbers = evaluate(
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

// HyperFormula keeps registered plugins globally; leave nothing behind for other files in the same worker.
afterAll(() => {
  HyperFormula.unregisterFunctionPlugin(MedbillFunctions);
});
