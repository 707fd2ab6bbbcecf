// buildLedger takes a table as rows or as parseTable gives it (each field's values as a column, the
// rows made only when read). The two must build the same ledger: the same columns, the same issues
// with the same row numbers, the same rows and by-id indexes. The property runs both on random books
// with every link that can fail (repeated ids, unknown payers, charges, payments and postings, refunds
// naming nothing, reversals leaving PaymentID and Group blank), with and without the ids checked, and
// shows the column form makes no row object unless one is read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildLedger, ledgerFromTables, type Ledger, type TableColumns } from "../../src/ledger/ledger";
import { lineBalances } from "../../src/ledger/balances";
import {
  Charges,
  Payers,
  Payments,
  Postings,
  POSTING_GROUPS,
  type ChargeRow,
  type PayerRow,
  type PaymentRow,
  type PostingRow,
} from "../../src/workbook/tables";
import { mapColumns, parseTable, rowToCells } from "../../src/workbook/mapTable";
import { createTableOp } from "../../src/workbook/plan";
import type { CellValue, RawTable } from "../../src/workbook/port";

/** The table as columns, its rows made (and counted) only when read. */
function asColumns<R extends object>(rows: R[], keys: string[]): TableColumns<R> & { reads: number } {
  const columns: Record<string, unknown[]> = {};
  for (const key of keys) {
    if (rows.some((row) => (row as Record<string, unknown>)[key] !== undefined)) {
      columns[key] = rows.map((row) => (row as Record<string, unknown>)[key]);
    }
  }
  const table = {
    count: rows.length,
    columns,
    reads: 0,
    get rows() {
      table.reads++;
      return rows;
    },
  };
  return table;
}

const id = (prefix: string, n: number) => `${prefix}${n}`;
const booksArb = fc
  .record({
    payers: fc.uniqueArray(fc.constantFrom("MCR", "SEC", "SELF"), { maxLength: 3 }),
    charges: fc.array(
      fc.record({
        n: fc.nat({ max: 6 }),
        payer: fc.constantFrom("MCR", "SEC", "SELF", "NOBODY", ""),
        patient: fc.constantFrom("P1", "P2", "P3"),
        amount: fc.integer({ min: -500, max: 90_000 }),
        day: fc.nat({ max: 40 }),
      }),
      { maxLength: 6 },
    ),
    payments: fc.array(
      fc.record({
        n: fc.nat({ max: 5 }),
        payer: fc.option(fc.constantFrom("MCR", "SEC", "ZZZ"), { nil: undefined }),
        patient: fc.option(fc.constantFrom("P1", "P2"), { nil: undefined }),
        amount: fc.integer({ min: -20_000, max: 90_000 }),
        refunds: fc.option(fc.nat({ max: 6 }), { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    postings: fc.array(
      fc.record({
        n: fc.nat({ max: 12 }),
        charge: fc.nat({ max: 7 }),
        payment: fc.option(fc.nat({ max: 6 }), { nil: undefined }),
        reverses: fc.option(fc.nat({ max: 13 }), { nil: undefined }),
        paid: fc.option(fc.integer({ min: -9_000, max: 60_000 }), { nil: undefined }),
        adjustment: fc.option(fc.integer({ min: -9_000, max: 60_000 }), { nil: undefined }),
        group: fc.option(fc.constantFrom(...POSTING_GROUPS), { nil: undefined }),
        patientResp: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
        day: fc.nat({ max: 60 }),
      }),
      { maxLength: 12 },
    ),
  })
  .map((spec) => {
    const date = (day: number) => `2026-01-${String(1 + (day % 28)).padStart(2, "0")}`;
    const payers: PayerRow[] = spec.payers.map((payerId) => ({
      payerId,
      name: payerId,
      type: payerId === "SELF" ? "Self-pay" : "Commercial",
    }));
    const charges: ChargeRow[] = spec.charges.map((c) => ({
      chargeId: id("L", c.n),
      claimId: "CL1",
      patientId: c.patient,
      payerId: c.payer,
      dos: date(c.day),
      code: "99213",
      amount: c.amount,
    }));
    const payments: PaymentRow[] = spec.payments.map((p) => ({
      paymentId: id("PM", p.n),
      date: "2026-02-01",
      payerId: p.payer,
      patientId: p.patient,
      method: "Check",
      reference: p.refunds === undefined ? "CHK" : `REFUND PM${p.refunds}`,
      amount: p.amount,
      note: p.refunds === undefined ? undefined : "refund to patient",
    }));
    const postings: PostingRow[] = spec.postings.map((p) => ({
      postingId: id("PS", p.n),
      paymentId: p.payment === undefined ? undefined : id("PM", p.payment),
      chargeId: id("L", p.charge),
      date: date(p.day),
      paid: p.paid,
      adjustment: p.adjustment,
      group: p.group,
      reason: p.group ? "45" : undefined,
      patientResp: p.patientResp,
      reverses: p.reverses === undefined ? undefined : id("PS", p.reverses),
      source: "Manual",
    }));
    return { payers, charges, payments, postings };
  });

const KEYS = {
  charges: Object.keys(Charges.fields),
  payments: Object.keys(Payments.fields),
  postings: Object.keys(Postings.fields),
  payers: Object.keys(Payers.fields),
};

/** Everything a ledger holds, read out (every lazy index made). */
function contents(ledger: Ledger) {
  return {
    columns: ledger.columns,
    issues: ledger.issues,
    charges: ledger.charges,
    payments: ledger.payments,
    postings: ledger.postings,
    payers: ledger.payers,
    chargeById: [...ledger.chargeById],
    paymentById: [...ledger.paymentById],
    postingById: [...ledger.postingById],
    postingsByCharge: [...ledger.postingsByCharge],
    postingsByChargeRow: ledger.postingsByChargeRow,
    postingsByPayment: [...ledger.postingsByPayment],
    knownPaymentIds: ledger.knownPaymentIds,
    knownPostingIds: ledger.knownPostingIds,
    providerAdjustments: ledger.providerAdjustments,
  };
}

describe("buildLedger from columns", () => {
  it("builds the ledger rows give, issue for issue, with the ids checked or not", () => {
    fc.assert(
      fc.property(
        booksArb,
        fc.boolean(),
        fc.array(fc.integer({ min: 2, max: 99 }), { maxLength: 12 }),
        (books, keysChecked, rowNumbers) => {
          const sheetRows = { charges: rowNumbers, postings: rowNumbers.slice(1) };
          const fromRows = buildLedger(books, [], sheetRows, { keysChecked });
          const tables = {
            charges: asColumns(books.charges, KEYS.charges),
            payments: asColumns(books.payments, KEYS.payments),
            postings: asColumns(books.postings, KEYS.postings),
            payers: asColumns(books.payers, KEYS.payers),
          };
          const fromColumns = buildLedger(tables, [], sheetRows, { keysChecked });
          // Nothing but the payers (a few rows, asked by the self-pay rule) was read as rows to build it.
          expect([tables.charges.reads, tables.payments.reads, tables.postings.reads]).toEqual([0, 0, 0]);
          expect(lineBalances(fromColumns)).toEqual(lineBalances(fromRows));
          expect(contents(fromColumns)).toEqual(contents(fromRows));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("reads a workbook's tables without making a row until one is asked for", () => {
    const layOut = (def: typeof Charges | typeof Postings | typeof Payments | typeof Payers, rows: object[]): RawTable => {
      const headers = createTableOp(def).headers;
      const mapping = mapColumns(def, headers);
      const cells = rows.map((row) => {
        const byHeader = rowToCells(def, mapping, row as never);
        return headers.map((h): CellValue => byHeader[h] ?? null);
      });
      return { name: def.name, sheet: def.name, headers, rows: cells, rowCount: cells.length, headerRow: 1 };
    };
    const charges = [
      { chargeId: "L1", claimId: "CL1", patientId: "P1", payerId: "MCR", dos: "2026-01-05", code: "99213", amount: 10000 },
      { chargeId: "L2", claimId: "CL1", patientId: "P1", payerId: "MCR", dos: "2026-01-05", code: "99214", amount: 15000 },
    ];
    const tables = {
      Charges: layOut(Charges, charges),
      Payments: layOut(Payments, [{ paymentId: "PM1", date: "2026-02-01", payerId: "MCR", method: "EFT", amount: 6000 }]),
      Postings: layOut(Postings, [{ postingId: "T1", paymentId: "PM1", chargeId: "L2", date: "2026-02-01", paid: 6000 }]),
      Payers: layOut(Payers, [{ payerId: "MCR", name: "Medicare", type: "Medicare" }]),
    };
    const ledger = ledgerFromTables(tables, 1900);
    const parsed = parseTable(Charges, tables.Charges);
    expect(Object.getOwnPropertyDescriptor(ledger, "charges")?.get).toBeDefined();
    expect(Array.from(ledger.columns.lineAmount)).toEqual([10000, 15000]);
    expect(ledger.charges).toEqual(parsed.rows);
    // The same objects at every read.
    expect(ledger.charges[1]).toBe(ledger.charges[1]);
    expect(ledger.chargeById.get("L2")).toBe(ledger.charges[1]);
    expect(lineBalances(ledger).map((line) => line.balance)).toEqual([10000, 9000]);
  });
});
