// Issue 14: the ledger became columns (typed arrays, interned ids, indexes made on first use) and
// aging keeps its shares as columns. Results must not change, so the row-object code it replaced is
// kept beside this test (./reference/) and both run on thousands of random ledgers, broken ones
// included: repeated ids, postings to charges or payments that aren't there, reversals of missing
// postings and of postings on another line, reversals leaving PaymentID and Group blank, refunds,
// payers listed twice, self-pay by payer type, by "SELF" and by a blank PayerID, negative money, lines
// served after the as-of date. Every issue, index, line balance, roll-up, payment status and aging
// report (each basis, each grouping, odd bucket bounds, the details) must be identical.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../../src/dates";
import { balancesBy, lineBalances, paymentStatuses } from "../../src/ledger/balances";
import { buildLedger, type Ledger, type LedgerTables } from "../../src/ledger/ledger";
import { agingReport, type AgingBasis, type AgingReport } from "../../src/reports/aging";
import { POSTING_GROUPS, type ChargeRow, type PayerRow, type PaymentRow, type PostingRow } from "../../src/workbook/tables";
import * as rowAging from "./reference/rowAging";
import * as rowBalances from "./reference/rowBalances";
import * as rowLedger from "./reference/rowLedger";

const RUNS = { numRuns: 3_000 };
const DATES = Array.from({ length: 200 }, (_, d) => addDays("2025-12-01", d));
const date = fc.constantFrom(...DATES);
const money = fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: -20_000, max: 20_000 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const payerArb = fc.record({
  payerId: fc.constantFrom("MCR", "SEC", "CASH", "MCR"),
  type: fc.constantFrom("Medicare", "Commercial", "Self-pay"),
});
const chargeArb = fc.record({
  chargeId: fc.constantFrom("L0", "L1", "L2", "L3", "L4", "L5", "L6", "L7"),
  payerId: fc.constantFrom("MCR", "SEC", "SELF", "self", "", "CASH", "NOBODY"),
  patientId: fc.constantFrom("P1", "P2", "P3"),
  claimId: fc.constantFrom("CL1", "CL2"),
  dos: date,
  billedDate: maybe(date),
  amount: money,
});
const paymentArb = fc.record({
  paymentId: fc.constantFrom("PM0", "PM1", "PM2", "PM3", "PM4"),
  payerId: maybe(fc.constantFrom("MCR", "SEC", "OTHER")),
  patientId: maybe(fc.constantFrom("P1", "P2")),
  amount: money,
  refunds: maybe(fc.constantFrom("PM0", "PM1", "PMX")),
  date,
});
const postingArb = fc.record({
  postingId: fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `PS${i}`)),
  chargeId: fc.constantFrom("L0", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "LX"),
  paymentId: maybe(fc.constantFrom("PM0", "PM1", "PM2", "PM3", "PM4", "PMX")),
  paid: maybe(money),
  adjustment: maybe(money),
  group: maybe(fc.constantFrom(...POSTING_GROUPS)),
  patientResp: maybe(money),
  reverses: fc.option(fc.constantFrom(...Array.from({ length: 13 }, (_, i) => `PS${i}`)), { nil: undefined, freq: 3 }),
  date,
});

/** Drop the keys whose value is undefined, as parseTable's rows have no such keys. */
function defined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

const tablesArb: fc.Arbitrary<LedgerTables> = fc
  .record({
    payers: fc.array(payerArb, { maxLength: 4 }),
    charges: fc.array(chargeArb, { maxLength: 10 }),
    payments: fc.array(paymentArb, { maxLength: 6 }),
    postings: fc.array(postingArb, { maxLength: 16 }),
  })
  .map((spec) => ({
    payers: spec.payers.map((p): PayerRow => ({ payerId: p.payerId, name: p.payerId, type: p.type as PayerRow["type"] })),
    charges: spec.charges.map((c): ChargeRow => defined({ ...c, code: "99213", units: 1 })),
    payments: spec.payments.map(({ refunds, ...p }): PaymentRow => {
      const row = defined({ ...p, method: "Check" }) as PaymentRow;
      if (refunds !== undefined && p.amount < 0) row.reference = `REFUND ${refunds}`;
      return row;
    }),
    postings: spec.postings.map((p): PostingRow => defined({ ...p, source: "Manual" }) as PostingRow),
  }));

/** The same tables with every id made unique (as parseTable leaves them), for keysChecked. */
function uniqueIds(tables: LedgerTables): LedgerTables {
  const once = <R>(rows: R[], key: (row: R) => string) => {
    const seen = new Set<string>();
    return rows.filter((row) => !seen.has(key(row)) && seen.add(key(row)));
  };
  return {
    payers: once(tables.payers, (p) => p.payerId),
    charges: once(tables.charges, (c) => c.chargeId),
    payments: once(tables.payments, (p) => p.paymentId),
    postings: once(tables.postings, (p) => p.postingId),
  };
}

/** The report with its details read (they are made on first read). */
function whole(report: AgingReport | rowAging.AgingReport) {
  return { ...report, details: report.details };
}

function expectSameLedgers(ledger: Ledger, reference: rowLedger.Ledger, asOf: IsoDate): void {
  expect(ledger.issues).toEqual(reference.issues);
  expect([...ledger.chargeById]).toEqual([...reference.chargeById]);
  expect([...ledger.paymentById]).toEqual([...reference.paymentById]);
  expect([...ledger.postingById]).toEqual([...reference.postingById]);
  expect([...ledger.postingsByCharge]).toEqual([...reference.postingsByCharge]);
  expect(ledger.postingsByChargeRow).toEqual(reference.postingsByChargeRow);
  expect([...ledger.postingsByPayment]).toEqual([...reference.postingsByPayment]);
  for (const when of [undefined, asOf]) {
    const lines = lineBalances(ledger, when);
    expect(lines).toEqual(rowBalances.lineBalances(reference, when));
    for (const by of ["line", "claim", "patient", "payer"] as const) expect(balancesBy(lines, by)).toEqual(rowBalances.balancesBy(lines, by));
    expect(paymentStatuses(ledger, when)).toEqual(rowBalances.paymentStatuses(reference, when));
  }
}

const agingArb = fc.record({
  asOf: date,
  basis: fc.constantFrom<AgingBasis>("dos", "billed", "responsibility"),
  by: fc.constantFrom<"payer" | "patient" | undefined>(undefined, "payer", "patient"),
  bounds: fc.constantFrom<number[]>([30, 60, 90, 120], [], [0], [10, 11, 45], [365]),
});

describe("the column ledger gives what the row ledger gave", () => {
  it("issues, indexes, balances, roll-ups and payment statuses, on random ledgers broken in every way", () => {
    fc.assert(
      fc.property(tablesArb, date, (tables, asOf) => {
        expectSameLedgers(buildLedger(tables), rowLedger.buildLedger(tables), asOf);
      }),
      RUNS,
    );
  });

  it("the same when the ids were already checked unique (as a workbook is read)", () => {
    fc.assert(
      fc.property(tablesArb, date, (tables, asOf) => {
        const unique = uniqueIds(tables);
        expectSameLedgers(buildLedger(unique, [], {}, { keysChecked: true }), rowLedger.buildLedger(unique), asOf);
      }),
      RUNS,
    );
  });

  it("aging: every basis and grouping, odd bounds, the details and the credits", () => {
    fc.assert(
      fc.property(tablesArb, agingArb, (tables, options) => {
        const report = agingReport(buildLedger(tables), options);
        expect(whole(report)).toEqual(whole(rowAging.agingReport(rowLedger.buildLedger(tables), options)));
      }),
      RUNS,
    );
  });

  it("the generator reaches the cases that matter (so the comparisons above compare something)", () => {
    const seen = { reversalOfMissing: 0, unknownCharge: 0, credit: 0, later: 0, patientDetail: 0, otherPayerPaid: 0 };
    fc.assert(
      fc.property(tablesArb, date, (tables, asOf) => {
        const ledger = buildLedger(tables);
        const text = ledger.issues.map((i) => i.message).join("\n");
        if (text.includes("which is not in the Postings")) seen.reversalOfMissing++;
        if (text.includes("is not in the Charges")) seen.unknownCharge++;
        const report = agingReport(ledger, { asOf });
        if (report.credits.length > 0) seen.credit++;
        if (report.later.lines > 0) seen.later++;
        if (report.details.some((d) => d.section === "patient")) seen.patientDetail++;
        if (lineBalances(ledger).some((l) => l.otherPayerPaid !== 0)) seen.otherPayerPaid++;
      }),
      { numRuns: 1_000 },
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(20);
  });
});
