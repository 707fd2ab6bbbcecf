// MEDBILL.BALANCES keeps the book it read for the next call over the same tables (functions/tableCache.ts).
// The promise: a kept book never answers for tables that have changed. Every answer here is checked
// against the same call with nothing kept (the cache cleared first), after edits to money, dates, IDs,
// headers and blank cells, in place (the same arrays changed) and in fresh arrays, and as a property
// over random small tables and random edits of any cell to any kind of value Excel can hand over.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { copyTableArgument, sameTableArgument, tableArgument, tableArgumentInPlace } from "../../functions/cellRanges";
import { balanceBooks, balancesCells } from "../../functions/ledgerFunctions";
import { TableCache } from "../../functions/tableCache";
import { isoToSerial } from "../../src/dates";
import { CUSTOM_FUNCTIONS_STAND_IN } from "./spreadsheet";

type Cell = unknown;
type Table = Cell[][];

beforeAll(() => vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN));
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => balanceBooks.clear());

const d = (iso: string) => isoToSerial(iso);

function books(): { charges: Table; postings: Table; payments: Table; payers: Table } {
  return {
    charges: [
      ["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code", "Units", "Amount"],
      ["L1", "C1", "P1", "MCR", d("2026-01-05"), "99213", 1, 200],
      ["L2", "C2", "P1", "MCR", d("2026-02-01"), "99214", 1, 150],
      ["L3", "C3", "P2", "SELF", d("2026-01-10"), "99213", 1, 100],
      ["L4", "C4", "P3", "MCR", d("2026-01-12"), "99212", 1, 80],
    ],
    postings: [
      ["PostingID", "PaymentID", "ChargeID", "Date", "Paid", "Adjustment", "Group", "Reason", "Patient Resp"],
      ["T1", "PM1", "L1", d("2026-02-10"), 120, 50, "CO", "45", null],
      ["T2", "PM1", "L1", d("2026-02-10"), null, null, "PR", "1", 30],
      ["T3", "PM2", "L3", d("2026-01-10"), 40, null, null, null, null],
      ["T4", "PM1", "L4", d("2026-02-10"), 80, null, null, null, null],
    ],
    payments: [
      ["PaymentID", "Date", "PayerID", "PatientID", "Method", "Reference", "Amount"],
      ["PM1", d("2026-02-10"), "MCR", null, "EFT", "EFT1", 200],
      ["PM2", d("2026-01-10"), null, "P2", "Cash", "RCPT 1", 40],
    ],
    payers: [
      ["PayerID", "Payer Name", "Type"],
      ["MCR", "Medicare", "Medicare"],
      ["SELF", "Self-pay", "Self-pay"],
    ],
  };
}

const IDS = [["L1"], ["l2"], ["L3"], ["L4"], ["L5"], [""]];
const ASKED = ["balance", "insurance", "patient", "status", "charge", "paid", "adjustments"];

/** Every answer for every ID, as of each date: what a sheet of BALANCES columns shows. */
function answers(t: ReturnType<typeof books>, asOf: unknown = null): unknown[] {
  return ASKED.map((what) => balancesCells(IDS, t.charges, t.postings, t.payments, [[what]], asOf, t.payers));
}

/** The same answers with nothing kept: each call reads the tables. */
function uncached(t: ReturnType<typeof books>, asOf: unknown = null): unknown[] {
  return ASKED.map((what) => {
    balanceBooks.clear();
    return balancesCells(IDS, t.charges, t.postings, t.payments, [[what]], asOf, t.payers);
  });
}

const deepCopy = (t: ReturnType<typeof books>) => structuredClone(t);

describe("MEDBILL.BALANCES keeps what it read", () => {
  it("reads the tables once for every answer, as-of date and column of the same tables", () => {
    const t = books();
    const first = answers(t);
    const asOf = answers(deepCopy(t), d("2026-01-31"));
    expect(balanceBooks.counts).toEqual({ reads: 1, hits: 2 * ASKED.length - 1 });
    expect(first).toEqual(uncached(t));
    expect(asOf).toEqual(uncached(t, d("2026-01-31")));
  });

  // Each edit changes something a biller would see; the kept book must not answer for the old tables.
  const EDITS: [string, (t: ReturnType<typeof books>) => void][] = [
    ["a charge's amount", (t) => (t.charges[1][7] = 210)],
    ["an amount typed as text", (t) => (t.charges[1][7] = "200")],
    ["a date of service", (t) => (t.charges[2][4] = d("2026-03-01"))],
    ["a posting's date", (t) => (t.postings[3][3] = d("2026-03-10"))],
    ["a posting's Paid", (t) => (t.postings[3][4] = 30)],
    ["a posting's ChargeID", (t) => (t.postings[4][2] = "L2")],
    ["a charge's ID", (t) => (t.charges[4][0] = "L5")],
    ["a payment's payer", (t) => (t.payments[1][2] = null)],
    ["a payer's type", (t) => (t.payers[1][2] = "Self-pay")],
    ["a header", (t) => (t.charges[0][7] = "Amt")],
    ["a header to an alias of another column", (t) => (t.postings[0][4] = "Adjustment")],
    ["a blank cell filled", (t) => (t.postings[4][5] = 10)],
    ["a cell made blank", (t) => (t.postings[1][5] = "")],
    ["an Excel error in a cell", (t) => (t.charges[3][7] = new CUSTOM_FUNCTIONS_STAND_IN.Error("#VALUE!", "x"))],
    ["a row added", (t) => t.charges.push(["L5", "C5", "P3", "MCR", d("2026-01-12"), "99212", 1, 60])],
    ["a row removed", (t) => t.postings.pop()],
    ["a column added", (t) => t.payments.forEach((row, i) => row.push(i === 0 ? "Notes" : "x"))],
  ];

  // Two as-of dates, so an edited date shows; an amount typed as text and an extra column read the same.
  const SAME_ANSWERS = new Set(["an amount typed as text", "a column added"]);
  const shown = (t: ReturnType<typeof books>) => [answers(t), answers(t, d("2026-02-05"))];
  const shownFresh = (t: ReturnType<typeof books>) => [uncached(t), uncached(t, d("2026-02-05"))];

  for (const [name, edit] of EDITS) {
    it(`answers anew after ${name}, in place or in fresh arrays`, () => {
      const inPlace = books();
      const before = shown(inPlace);
      edit(inPlace); // the very arrays the book was read from
      expect(shown(inPlace)).toEqual(shownFresh(inPlace));
      const fresh = books();
      shown(fresh);
      const edited = deepCopy(fresh);
      edit(edited);
      const after = shown(edited);
      expect(after).toEqual(shownFresh(edited));
      if (SAME_ANSWERS.has(name)) expect(after).toEqual(before);
      else expect(after).not.toEqual(before);
    });
  }

  it("answers anew when a table is left out or given again", () => {
    const t = books();
    answers(t);
    const without = balancesCells(IDS, t.charges, t.postings, null, null, null, null);
    balanceBooks.clear();
    expect(without).toEqual(balancesCells(IDS, t.charges, t.postings, null, null, null, null));
    expect(answers(t)).toEqual(uncached(t));
  });

  it("keeps two books: two sets of tables asked in turn are each read once", () => {
    const a = books();
    const b = books();
    b.charges[1][7] = 999;
    for (let round = 0; round < 3; round++) {
      answers(deepCopy(a));
      answers(deepCopy(b));
    }
    expect(balanceBooks.counts.reads).toBe(2);
  });
});

describe("sameTableArgument", () => {
  it("is true exactly when tableArgument would give the table copied", () => {
    const t = books().charges;
    const raw = copyTableArgument("Charges", t);
    expect(sameTableArgument("Charges", structuredClone(t), raw)).toBe(true);
    expect(sameTableArgument("Payers", t, raw)).toBe(false);
    expect(sameTableArgument("Charges", null, undefined)).toBe(true);
    expect(sameTableArgument("Charges", [[""], [" "]], undefined)).toBe(true);
    expect(sameTableArgument("Charges", [["x"]], undefined)).toBe(false);
    expect(sameTableArgument("Charges", null, raw)).toBe(false);
    // An error cell reads as its code, undefined as null: the same table as before.
    const withError = structuredClone(t);
    withError[1][6] = new CUSTOM_FUNCTIONS_STAND_IN.Error("#N/A", "x");
    const errorRaw = copyTableArgument("Charges", withError);
    const again = structuredClone(t);
    again[1][6] = new CUSTOM_FUNCTIONS_STAND_IN.Error("#N/A", "another message");
    expect(sameTableArgument("Charges", again, errorRaw)).toBe(true);
    again[1][6] = "#N/A";
    expect(sameTableArgument("Charges", again, errorRaw)).toBe(true);
    const blank = structuredClone(t);
    blank[2][5] = null;
    const blankRaw = copyTableArgument("Charges", blank);
    blank[2][5] = undefined;
    expect(sameTableArgument("Charges", blank, blankRaw)).toBe(true);
    blank[2][5] = "";
    expect(sameTableArgument("Charges", blank, blankRaw)).toBe(false);
    // 0 and -0 are told apart (Object.is), NaN is never the same: a miss reads again, never answers wrong.
    const zero = structuredClone(t);
    zero[1][6] = 0;
    const zeroRaw = copyTableArgument("Charges", zero);
    zero[1][6] = -0;
    expect(sameTableArgument("Charges", zero, zeroRaw)).toBe(false);
    zero[1][6] = NaN;
    expect(sameTableArgument("Charges", zero, copyTableArgument("Charges", zero))).toBe(false);
    // A row or header cell that is a single value (cellRows' rule), and a table given as one value.
    expect(sameTableArgument("Charges", [["ChargeID"], "L1"], copyTableArgument("Charges", [["ChargeID"], ["L1"]]))).toBe(true);
    expect(sameTableArgument("Charges", "ChargeID", copyTableArgument("Charges", "ChargeID"))).toBe(true);
    expect(sameTableArgument("Charges", "ChargeID", copyTableArgument("Charges", "Amount"))).toBe(false);
  });
});

describe("tableArgumentInPlace and copyTableArgument", () => {
  it("read the cells as tableArgument does", () => {
    const row = fc.oneof(fc.array(cellValue, { maxLength: 4 }), cellValue);
    fc.assert(
      fc.property(fc.oneof(fc.array(row, { maxLength: 6 }), cellValue), (cells) => {
        const table = tableArgument("Charges", cells);
        expect(tableArgumentInPlace("Charges", cells)).toEqual(table);
        const copy = copyTableArgument("Charges", cells);
        if (table === undefined) {
          expect(copy).toBeUndefined();
          return;
        }
        expect(copy?.headers).toEqual(table.headers);
        expect(copy?.rowCount).toBe(table.rowCount);
        expect(copy?.cells).toEqual(table.rows.flat());
        expect(Array.from(copy?.starts ?? [])).toEqual(
          table.rows.map((_, r) => table.rows.slice(0, r).flat().length).concat(copy?.cells.length ?? 0),
        );
        expect(sameTableArgument("Charges", structuredClone(cells), copy)).toBe(!hasNaN(cells));
      }),
      { numRuns: 300 },
    );
  });
});

function hasNaN(cells: unknown): boolean {
  return Array.isArray(cells) ? cells.some(hasNaN) : Number.isNaN(cells);
}

describe("TableCache", () => {
  it("keeps at most its size, dropping the least recently used", () => {
    const cache = new TableCache<number>(2);
    let built = 0;
    const get = (n: number) => cache.get([{ name: "T", cells: [["H"], [n]] }], () => ++built);
    get(1);
    get(2);
    get(1); // 1 is now the most recent
    get(3); // drops 2
    get(1);
    expect(built).toBe(3);
    get(2);
    expect(built).toBe(4);
  });
});

// ---- the property: random small tables, random edits -----------------------------------------------

/** Any value Excel can hand over in a cell, biased to what these tables hold so edits keep rows valid sometimes. */
const cellValue = fc.oneof(
  fc.constantFrom<Cell>("L1", "L2", "l1", "PM1", "PM2", "MCR", "SELF", "CO", "PR", "45", "", " ", "x"),
  fc.constantFrom<Cell>(null, 0, -0, 1, 10, 40.5, 200, true, false, d("2026-01-05"), d("2026-02-10"), d("2026-03-01")),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.string({ maxLength: 6 }),
  fc.constant<Cell>(new CUSTOM_FUNCTIONS_STAND_IN.Error("#N/A", "from a lookup")),
);

type TableName = "charges" | "postings" | "payments" | "payers";
const edit = fc.record({
  table: fc.constantFrom<TableName>("charges", "postings", "payments", "payers"),
  row: fc.nat(),
  column: fc.nat(),
  value: cellValue,
  inPlace: fc.boolean(),
});

describe("the kept book never answers for changed tables", () => {
  it("gives what a fresh read gives, edit after edit", () => {
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<unknown>(null, d("2026-01-31"), d("2026-02-10")),
        (edits, asOf) => {
          balanceBooks.clear();
          let t = books();
          const cachedRun: unknown[] = [answers(t, asOf)];
          const tablesSeen = [deepCopy(t)];
          for (const e of edits) {
            if (!e.inPlace) t = deepCopy(t);
            const table = t[e.table];
            const row = table[e.row % table.length];
            row[e.column % row.length] = e.value;
            cachedRun.push(answers(t, asOf));
            tablesSeen.push(deepCopy(t));
          }
          const freshRun = tablesSeen.map((seen) => uncached(seen, asOf));
          expect(cachedRun).toEqual(freshRun);
        },
      ),
      { numRuns: 150 },
    );
  });
});
