// parseTable's refusal of a repeated key (without regard to case) against the rule written plainly: the
// rows that pass their checks, in order, each key lower-cased into a Map; a key seen before refuses its
// row, naming the first row's. parseTable finds repeats by the keys' trailing digits (SeenKeys) instead of
// keeping that Map (it was a third of a second of 200,000 postings); the property holds it to the Map's
// answers, on ids chosen to collide: case, spaces, numbers as text, ids whose lower case is another's
// (the Kelvin sign), ids past the slots (T123456), bad cells.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTable, type ParsedTable, type RowIssue } from "../../src/workbook/mapTable";
import type { CellValue, RawTable } from "../../src/workbook/port";
import { Payers, Postings, type TableDef } from "../../src/workbook/tables";

// prettier-ignore
const IDS: CellValue[] = [
  "L1", "l1", " L1 ", "L2", "l2", "L10", "L01", "1001", 1001, 1001.5, "1001.5", "K1", "k1", "\u212a1", "SS", "ss", "\u00df",
  "\u0130", "i\u0307", "I", "PM7", "pm7", "T123456", "t123456", "L\n1", "", null, " ", true, "9".repeat(12), 4294967296,
];

/** The plain rule: what parseTable gives, worked out from the same table read without a key. */
function withMapRule(def: TableDef, raw: RawTable): ParsedTable<unknown> {
  const keyField = def.key as string;
  const keyless = parseTable({ ...def, key: undefined } as TableDef, raw);
  const out: ParsedTable<unknown> = { ...keyless, rows: [], count: 0, columns: {}, sheetRows: [], indexes: [], issues: [] };
  const kept: number[] = [];
  const refused: RowIssue[] = [];
  const seen = new Map<string, number>();
  keyless.rows.forEach((row, i) => {
    const value = (row as Record<string, unknown>)[keyField];
    const sheetRow = keyless.sheetRows[i];
    const first = seen.get(String(value).toLowerCase());
    if (first !== undefined) {
      refused.push({
        table: def.name,
        row: sheetRow,
        column: keyless.mapping.columns[keyField].header,
        message: `"${value}" is already used on row ${first}`,
      });
      return;
    }
    seen.set(String(value).toLowerCase(), sheetRow);
    out.rows.push(row);
    out.sheetRows.push(sheetRow);
    out.indexes.push(keyless.indexes[i]);
    kept.push(i);
  });
  out.count = out.rows.length;
  for (const [key, values] of Object.entries(keyless.columns)) out.columns[key] = kept.map((i) => values[i]);
  // A row is refused for its cells or for its key, never both: the issues in row order.
  out.issues = [...keyless.issues, ...refused].sort((a, b) => a.row - b.row);
  return out;
}

/** A cell that is nearly always a good one, now and then one of the others (blank, or one its check refuses). */
const mostly = (good: CellValue[], other: CellValue[]) =>
  fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...other) });

/** Payers rows: mostly good cells around the key, sometimes a bad one. */
const payersRow = fc.tuple(
  fc.constantFrom(...IDS),
  mostly(["Medicare", "Plan"], ["", null]),
  mostly(["Medicare", "Commercial", "self pay"], ["HMO", null]),
  mostly([null, "12345"], ["a\nb"]),
  mostly([null, 90], [0, "x"]),
);

/** Postings rows: the key, a reversal link, and cells that pass or fail (a fraction of a cent, no date). */
const postingsRow = fc.tuple(
  fc.constantFrom(...IDS),
  mostly(["PM1", null], ["P\tM"]),
  mostly(["L1", "L2"], [null]),
  mostly([45900, "2026-03-05"], [null, "13/45/2026", 2958466]),
  mostly([12.5, null, -12.5], ["12.345"]),
  mostly([null, "CO"], ["XX"]),
  mostly([null, ...IDS.slice(0, 6)], ["L\n1"]),
);

function table(def: TableDef, headers: string[], row: fc.Arbitrary<CellValue[]>): fc.Arbitrary<RawTable> {
  const blank = fc.constant(headers.map(() => null as CellValue));
  return fc
    .tuple(
      fc.array(fc.oneof({ weight: 10, arbitrary: row }, { weight: 1, arbitrary: blank }), { minLength: 5, maxLength: 25 }),
      fc.integer({ min: 1, max: 4 }),
    )
    .map(([rows, headerRow]) => ({ name: def.name, sheet: def.name, headers, rows, rowCount: rows.length, headerRow }));
}

const CASES: [TableDef, fc.Arbitrary<RawTable>][] = [
  [Payers, table(Payers, ["PayerID", "Payer Name", "Type", "X12 Payer ID", "Timely Filing Days"], payersRow as fc.Arbitrary<CellValue[]>)],
  [
    Postings,
    table(Postings, ["PostingID", "PaymentID", "ChargeID", "Date", "Paid", "Group", "Reverses"], postingsRow as fc.Arbitrary<CellValue[]>),
  ],
];

describe("parseTable refuses a repeated key as a Map of lower-case keys would", () => {
  for (const [def, tables] of CASES) {
    it(`${def.name}: the same rows, sheet rows, indexes and issues, by either path`, () => {
      let repeats = 0;
      fc.assert(
        fc.property(tables, (raw) => {
          const expected = withMapRule(def, raw);
          repeats += expected.issues.filter((issue) => issue.message.includes("is already used")).length;
          expect(parseTable(def, raw)).toStrictEqual(expected);
          expect(parseTable(def, raw, 1900, { fastPath: false })).toStrictEqual(expected);
        }),
        { numRuns: 600 },
      );
      // The property must have met repeats, or it proves nothing about them.
      expect(repeats).toBeGreaterThan(300);
    });
  }

  it("names the first row of a key repeated in another case, past the first thousands of rows", () => {
    const rows: CellValue[][] = Array.from({ length: 5000 }, (_, i) => [`P${i}`, "Plan", "Commercial"]);
    rows.push(["p4321", "Plan", "Commercial"], ["\u212a77", "Plan", "Other"], ["k77", "Plan", "Other"]);
    const raw: RawTable = {
      name: "Payers",
      sheet: "Payers",
      headers: ["PayerID", "Payer Name", "Type"],
      rows,
      rowCount: rows.length,
      headerRow: 1,
    };
    expect(parseTable(Payers, raw).issues).toEqual([
      { table: "Payers", row: 5002, column: "PayerID", message: '"p4321" is already used on row 4323' },
      { table: "Payers", row: 5004, column: "PayerID", message: '"k77" is already used on row 5003' },
    ]);
    expect(parseTable(Payers, raw)).toStrictEqual(withMapRule(Payers, raw));
  });
});
