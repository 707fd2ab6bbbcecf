// parseTable's fast path (rows its cell checks are sure of skip zod) against the reference that runs
// zod on every row (parseTable(..., { fastPath: false })): the same rows, values, keys, sheet rows,
// indexes and issues, for every billing table, on cells chosen to be awkward.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { parseTable, type ParsedTable } from "../../src/workbook/mapTable";
import type { CellValue, RawTable } from "../../src/workbook/port";
import { BILLING_TABLES, Audit, Charges, Payers, Patients, Postings, type TableDef } from "../../src/workbook/tables";
import type { DateSystem } from "../../src/dates";
import { chargesTable } from "../../bench/engine";

type Field = { schema: { safeParse(v: unknown): { success: boolean } }; header: string; aliases?: string[]; kind?: string };
const fieldsOf = (def: TableDef) => Object.entries(def.fields as Record<string, Field>);

/** Cells a biller (or a paste, or another program) leaves in a table. */
// prettier-ignore
const POOL: CellValue[] = [
  // blanks and near-blanks
  null, "", " ", "  \t ", "\u00a0", "\n", "\u3000",
  // text, ids, case and spaces
  "abc", " Abc ", "L1", "l1", "L2", "C-1", "P 7", "0042", "00042", "1001", "line\nbreak", "tab\there", "x\r", "TRUE", "false",
  "\u0130stanbul", "stra\u00dfe", "\uff10", "Ω", "😀",
  // money as text
  "$125.50", "125.5", "1,234.50", "$1,234.56", "(12.00)", "-(5)", "-5", "+5", "12.345", "12.340", "0.001", ".5", "5.", "1e3",
  "$", "1,2,3", "NaN", "Infinity", "-0", "0", "00", "99999999999999999999", "12 000",
  // dates as text
  "2026-03-05", " 2026-3-5 ", "2026-03-05T10:00", "3/5/2026", "03-05-2026", "13/45/2026", "20260305", "3/5/26", "1900-02-29",
  "1899-12-31", "1900-01-01", "2024-02-29", "2023-02-29", "9999-12-31", "0999-01-01",
  // codes
  "99213", " 99213 ", "9921", "992134", "j1100", "J1100", "J11000", "D1110", "X1234", "00100", "0001F", "0042t", "0001u",
  "E11.9", "e11.9", "I10", "A0-1", "99213-25", "99213 25", "a,b", "a;b",
  // modifiers
  "25", "59", "gt", "GT", "G T", "2", "255", "-25",
  // choices
  "Medicare", "medicare", "MEDICAID", "self pay", "Self-pay", "self_pay", "workers comp", "Workers-Comp", "Commercial", "Other", "HMO",
  "F", "m", "u", "X", "Active", "hold", "Collections", "closed", "1", "7", "8", "9", "CO", "pr", "oa", "PI", "wo", "XX", "Manual", "era",
  "Statement", "statement", "invoice", "Check", "eft", "ACH", "cash", "Card", "started", "Done", "undone", "Undone ", "Practice",
  "Open", "appealed", "Resubmitted", "Written off", "written-off", "Denied", "Underpaid", "No response", "filing limit", "Rejected",
  "Billed", "accepted", "Crossed over", "crossed-over", "Primary", "secondary", "Tertiary", "277CA", "999",
  "Completed", "cancelled", "Patient", "payer", "Closed", "reopened", "Re-opened",
  // NPIs
  "1234567893", "1234567890", "123456789", " 1234567893 ",
  // numbers: whole, fractions of cents, float noise, edges of dates and safe integers
  0, -0, 1, -1, 2, 7, 8, 25, 59, 100, 1100, 99213, 0.5, 0.1 + 0.2, 1.005, 125.5, 125.505, 1234.56, -12.5, 1e15, 1e16,
  9007199254740991, 2 ** 53, 1e21, 45900, 45900.75, 45900.999, 59, 60, 61, 1462, 2958465, 2958466, -45900, 1234567893,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE, 1e-7,
  // booleans
  true, false,
];

/** Any cell at all, from the pool or made up. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(" ", "\t", "1", "a", "A", ".", ",", "$", "-", "/", "(", ")", "\u00a0"), maxLength: 8 }),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 1000) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3_000_000 }).map((n) => n + 0.25) },
  {
    weight: 1,
    arbitrary: fc
      .date({ min: new Date("1890-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
      .chain((d) =>
        fc.constantFrom(
          d.toISOString().slice(0, 10),
          `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
          ` ${d.toISOString().slice(0, 10)} `,
        ),
      ),
  },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => `$${(c / 100).toFixed(2)}`) },
  { weight: 1, arbitrary: fc.boolean() },
);

/** For each field, the pool's cells its own schema takes: so that many rows pass and the fast path builds them. */
const validPool = new Map<TableDef, Map<string, CellValue[]>>(
  BILLING_TABLES.map((def) => [
    def,
    new Map(fieldsOf(def).map(([key, field]) => [key, POOL.filter((v) => v !== null && field.schema.safeParse(v).success)])),
  ]),
);

/** A cell for field `key`; a noisy table's cells are more often anything at all. */
function cellFor(def: TableDef, key: string, noisy: boolean): fc.Arbitrary<CellValue> {
  const valid = validPool.get(def)!.get(key)!;
  const options: { weight: number; arbitrary: fc.Arbitrary<CellValue> }[] = [{ weight: noisy ? 4 : 1, arbitrary: anyCell }];
  if (valid.length > 0) options.push({ weight: 40, arbitrary: fc.constantFrom(...valid) });
  if (def.key === key) options.push({ weight: 20, arbitrary: fc.constantFrom("L1", "l1", "L2", "L3", " L3", "1001", 1001) });
  // Dates typed as serials, repeated down the rows, each side of Excel's 1900 leap-year bug and of the end.
  if ((def.fields as Record<string, Field>)[key].kind === "date") {
    options.push({ weight: 20, arbitrary: fc.constantFrom(45900, 45901, 60, 59.5, 61, 0, 1, 2958465, 2958466, -1, 45900.5) });
  }
  return fc.oneof(...options);
}

interface Case {
  raw: RawTable;
  dateSystem: DateSystem;
}

/** A table of `def`: some of its columns (canonical header, an alias or odd case), shuffled, maybe an extra, and rows. */
function tableCase(def: TableDef): fc.Arbitrary<Case> {
  const fields = fieldsOf(def);
  const column = ([key, field]: [string, Field]) =>
    fc.record({
      key: fc.constant(key),
      keep: fc.integer({ min: 0, max: 99 }).map((n) => n < (field.schema.safeParse(undefined).success ? 70 : 97)),
      header: fc.constantFrom(field.header, field.header.toUpperCase(), ...(field.aliases ?? [])),
      order: fc.integer(),
    });
  return fc
    .record({
      columns: fc.tuple(...fields.map(column)),
      extra: fc.boolean(),
      noisy: fc.boolean(),
      dateSystem: fc.constantFrom<DateSystem>(1900, 1900, 1904),
      headerRow: fc.integer({ min: 1, max: 5 }),
    })
    .chain(({ columns, extra, noisy, dateSystem, headerRow }) => {
      const kept = columns.filter((c) => c.keep).sort((a, b) => a.order - b.order);
      const headers = [...kept.map((c) => c.header), ...(extra ? ["Notes"] : [])];
      const cells = kept.map((c) => cellFor(def, c.key, noisy));
      if (extra) cells.push(anyCell);
      const row = fc.oneof(
        { weight: 12, arbitrary: fc.tuple(...cells) as fc.Arbitrary<CellValue[]> },
        // Short rows (missing trailing cells) and blank rows.
        { weight: 1, arbitrary: fc.tuple(...cells).chain((r) => fc.nat(r.length).map((n) => r.slice(0, n))) as fc.Arbitrary<CellValue[]> },
        { weight: 1, arbitrary: fc.constant(headers.map(() => null as CellValue)) },
      );
      return fc
        .array(row, { maxLength: 12 })
        .map((rows): Case => ({ dateSystem, raw: { name: def.name, sheet: def.name, headers, rows, rowCount: rows.length, headerRow } }));
    });
}

/** The same result to the last detail: keys present (an optional blank field as undefined), their order, -0. */
function expectSame(fast: ParsedTable<unknown>, zod: ParsedTable<unknown>) {
  expect(fast).toStrictEqual(zod);
  // The columns are the rows' fields, one list per mapped field; each sheet row its body index's.
  for (const parsed of [fast, zod]) {
    expect(parsed.count).toBe(parsed.rows.length);
    // A table without a column it must have reads no row, and has no column either.
    const mapped = parsed.mapping.missingRequired.length > 0 ? [] : Object.keys(parsed.mapping.columns);
    expect(Object.keys(parsed.columns).sort()).toEqual(mapped.sort());
    for (const [key, values] of Object.entries(parsed.columns)) {
      expect(values).toHaveLength(parsed.count);
      parsed.rows.forEach((row, i) => expect(Object.is(values[i], (row as Record<string, unknown>)[key]), key).toBe(true));
    }
    expect(parsed.sheetRows.map((row, i) => row - parsed.indexes[i])).toEqual(
      parsed.sheetRows.map(() => parsed.sheetRows[0] - parsed.indexes[0]),
    );
  }
  fast.rows.forEach((row, i) => {
    const reference = zod.rows[i] as Record<string, unknown>;
    const got = row as Record<string, unknown>;
    expect(Object.keys(got)).toEqual(Object.keys(reference));
    for (const key of Object.keys(reference)) expect(Object.is(got[key], reference[key]), key).toBe(true);
  });
}

describe("parseTable's fast path gives what zod on every row gives", () => {
  for (const def of BILLING_TABLES) {
    it(`${def.name}: rows, values, sheet rows, indexes and issues`, () => {
      // How many rows each path took, so the property cannot pass by the fast path never building any.
      let fastRows = 0;
      let zodRows = 0;
      const spy = vi.spyOn(def.schema, "safeParse");
      try {
        fc.assert(
          fc.property(tableCase(def), ({ raw, dateSystem }) => {
            spy.mockClear();
            const fast = parseTable(def, raw, dateSystem);
            const asked = spy.mock.calls.length;
            const reference = parseTable(def, raw, dateSystem, { fastPath: false });
            const read = spy.mock.calls.length - asked;
            fastRows += read - asked;
            zodRows += asked;
            expectSame(fast, reference);
          }),
          { numRuns: 500 },
        );
      } finally {
        spy.mockRestore();
      }
      expect(fastRows).toBeGreaterThan(300);
      expect(zodRows).toBeGreaterThan(50);
    });
  }

  it("builds most rows of a clean table without zod, and asks zod about the one bad row", () => {
    const raw = chargesTable(300);
    const spy = vi.spyOn(Charges.schema, "safeParse");
    try {
      expect(parseTable(Charges, raw).rows).toHaveLength(300);
      expect(spy).not.toHaveBeenCalled();
      raw.rows[41] = [...raw.rows[41]];
      raw.rows[41][17] = "12.345";
      const parsed = parseTable(Charges, raw);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(parsed.rows).toHaveLength(299);
      expect(parsed.issues).toEqual([{ table: "Charges", row: 43, column: "Amount", message: '"12.345" has a fraction of a cent' }]);
    } finally {
      spy.mockRestore();
    }
  });

  it("agrees on a table longer than a column's memory, with ids that never repeat and values that do", () => {
    const raw = chargesTable(12_000);
    // Some bad cells far down, after the id columns' memories were given up.
    for (const [row, col, value] of [
      [9000, 17, "12.345"],
      [9001, 5, 60],
      [9002, 7, "9921"],
      [11_000, 0, "l5"],
      [11_500, 8, "G T"],
    ] as const) {
      raw.rows[row] = [...raw.rows[row]];
      raw.rows[row][col] = value;
    }
    const fast = parseTable(Charges, raw);
    expectSame(fast, parseTable(Charges, raw, 1900, { fastPath: false }));
    expect(fast.issues).toHaveLength(5);
  });
});

describe("bad cells keep zod's own messages", () => {
  const raw = (def: TableDef, headers: string[], rows: CellValue[][]): RawTable => ({
    name: def.name,
    sheet: def.name,
    headers,
    rows,
    rowCount: rows.length,
    headerRow: 1,
  });
  const chargeHeaders = ["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code", "Mod1", "Amount"];
  const charge = (overrides: Partial<Record<string, CellValue>>): CellValue[] => {
    const row: Record<string, CellValue> = {
      ChargeID: "L1",
      ClaimID: "C1",
      PatientID: "P1",
      PayerID: "MCR",
      DOS: 45900,
      Code: "99213",
      Mod1: null,
      Amount: 125.5,
    };
    return chargeHeaders.map((h) => (h in overrides ? overrides[h]! : row[h]));
  };
  const issuesOf = (def: TableDef, headers: string[], rows: CellValue[][], dateSystem: DateSystem = 1900) => {
    const table = raw(def, headers, rows);
    const fast = parseTable(def, table, dateSystem);
    expectSame(fast, parseTable(def, table, dateSystem, { fastPath: false }));
    return fast.issues.map((i) => `${i.row} ${i.column}: ${i.message}`);
  };

  it("money, dates, codes, blanks and repeated keys", () => {
    expect(
      issuesOf(Charges, chargeHeaders, [
        charge({}),
        charge({ ChargeID: "L2", Amount: "12.345" }),
        charge({ ChargeID: "L3", Amount: 0.001 }),
        charge({ ChargeID: "L4", DOS: 60 }),
        charge({ ChargeID: "L5", DOS: "13/45/2026" }),
        charge({ ChargeID: "L6", Code: "9921" }),
        charge({ ChargeID: "L7", Mod1: "G T" }),
        charge({ ChargeID: "L8", PayerID: "  " }),
        charge({ ChargeID: "l1" }),
        charge({ ChargeID: "L9", Amount: true }),
      ]),
    ).toEqual([
      '3 Amount: "12.345" has a fraction of a cent',
      "4 Amount: 0.001 has a fraction of a cent",
      "5 DOS: 1900-02-29 never existed (Excel's 1900 leap-year bug): enter the real date",
      '6 DOS: "13/45/2026" is not a real calendar date',
      '7 Code: code "9921" is not a CPT or HCPCS code',
      '8 Mod1: modifier "G T" must be 2 letters or digits',
      "9 PayerID: is blank",
      '10 ChargeID: "l1" is already used on row 2',
      "11 Amount: TRUE is not an amount",
    ]);
  });

  it("choices, whole numbers and line breaks in ids", () => {
    expect(
      issuesOf(
        Payers,
        ["PayerID", "Payer Name", "Type", "Timely Filing Days"],
        [
          ["MCR", "Medicare", "medicare", 365],
          ["BCBS", "Blue", "HMO", null],
          ["AET", "Aetna", "Commercial", 90.5],
          ["UHC\n2", "United", "Commercial", 0],
        ],
      ),
    ).toEqual([
      '3 Type: "HMO" is not a payer type (use one of: Medicare, Medicaid, Commercial, Tricare, Workers Comp, Self-pay, Other)',
      '4 Timely Filing Days: "90.5" is not a whole number',
      '5 PayerID: "UHC\n2" has a line break or tab in it',
      "5 Timely Filing Days: 0 is less than 1",
    ]);
  });

  it("a date serial Excel cannot show, in either date system", () => {
    const headers = ["PatientID", "Last Name", "First Name", "DOB"];
    expect(issuesOf(Patients, headers, [["P1", "Doe", "Jane", 2958466]])).toEqual(["2 DOB: 2958466 is not a date Excel can show"]);
    expect(issuesOf(Patients, headers, [["P1", "Doe", "Jane", -1]], 1904)).toEqual(["2 DOB: -1 is not a date Excel can show"]);
  });

  it("keeps an optional blank field as undefined and leaves out fields the table has no column for", () => {
    const table = raw(Postings, ["PostingID", "ChargeID", "Date", "Paid", "Group"], [["T1", "L1", "2026-03-05", "$10.00", " "]]);
    const [row] = parseTable(Postings, table).rows;
    expect(row).toStrictEqual({ postingId: "T1", chargeId: "L1", date: "2026-03-05", paid: 1000, group: undefined });
    expect("group" in row && !("adjustment" in row)).toBe(true);
  });

  it("keeps -0 where zod keeps it", () => {
    const table = raw(
      Audit,
      ["Time", "Action", "Rows"],
      [
        ["t", "a", -0],
        ["t", "a", 0],
      ],
    );
    const rows = parseTable(Audit, table).rows;
    expect(Object.is(rows[0].rows, -0) && Object.is(rows[1].rows, 0)).toBe(true);
  });
});
