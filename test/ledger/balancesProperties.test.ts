// Properties of the balance rules, each over 10,000 random small ledgers (charges on a primary, a
// secondary or self-pay; payments from payers and patients, some refunded; postings of every group;
// reversals, some leaving PaymentID and Group blank): cents are conserved per line and in total
// against sums taken straight from the postings; the two shares make the balance; every payment is
// applied + refunded + unapplied; a posting and its reversal change nothing; posting order doesn't
// matter; asOf is the same as leaving out later postings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../../src/dates";
import { lineBalances, paymentStatuses, type LineBalance } from "../../src/ledger/balances";
import type { Ledger } from "../../src/ledger/ledger";
import { POSTING_GROUPS, type PaymentRow, type PostingRow } from "../../src/workbook/tables";
import { charge, ledgerOf, posting, refund, reversal, type FixtureTables } from "./ledgerFixtures";
import { agingReport, DEFAULT_BOUNDS } from "../../src/reports/aging";

const RUNS = { numRuns: 10_000 };
const START: IsoDate = "2026-01-01";
const DATES = Array.from({ length: 60 }, (_, d) => addDays(START, d));
const date = fc.constantFrom(...DATES);

const chargeArb = fc.record({
  payerId: fc.constantFrom("MCR", "SEC", "SELF", "NOBODY"),
  patientId: fc.constantFrom("P1", "P2"),
  claimId: fc.constantFrom("CL1", "CL2", "CL3"),
  amount: fc.integer({ min: 1, max: 100_000 }),
});
const paymentArb = fc.record({
  from: fc.constantFrom<Partial<PaymentRow>>({ payerId: "MCR" }, { payerId: "SEC" }, { patientId: "P1" }, { patientId: "P2" }),
  amount: fc.integer({ min: 0, max: 100_000 }),
  date,
});
const postingArb = fc.record({
  line: fc.nat(),
  payment: fc.option(fc.nat(), { nil: undefined }),
  paid: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
  adjustment: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }),
  group: fc.option(fc.constantFrom(...POSTING_GROUPS), { nil: undefined, freq: 8 }),
  patientResp: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
  date,
});
type PostingSpec = typeof postingArb extends fc.Arbitrary<infer T> ? T : never;

/** A valid posting: Paid only with a payment; ids by position. */
function toPosting(spec: PostingSpec, id: string, lines: number, payments: PaymentRow[]): PostingRow {
  const paymentId = spec.payment === undefined || payments.length === 0 ? undefined : payments[spec.payment % payments.length].paymentId;
  const row = posting(id, `L${spec.line % lines}`, { date: spec.date });
  if (paymentId !== undefined) {
    row.paymentId = paymentId;
    if (spec.paid !== undefined) row.paid = spec.paid;
  }
  if (spec.adjustment !== undefined) row.adjustment = spec.adjustment;
  if (spec.group !== undefined) row.group = spec.group;
  if (spec.patientResp !== undefined) row.patientResp = spec.patientResp;
  return row;
}

const tablesArb: fc.Arbitrary<FixtureTables & { payments: PaymentRow[]; postings: PostingRow[] }> = fc
  .record({
    charges: fc.array(chargeArb, { minLength: 1, maxLength: 4 }),
    payments: fc.array(paymentArb, { maxLength: 4 }),
    refunds: fc.array(fc.record({ of: fc.nat(), amount: fc.integer({ min: 1, max: 20_000 }), days: fc.nat({ max: 20 }) }), {
      maxLength: 2,
    }),
    postings: fc.array(postingArb, { maxLength: 8 }),
    reversals: fc.array(fc.record({ of: fc.nat(), blank: fc.boolean(), days: fc.nat({ max: 20 }) }), { maxLength: 3 }),
  })
  .map((spec) => {
    const charges = spec.charges.map((c, i) => charge(`L${i}`, c));
    const payments: PaymentRow[] = spec.payments.map((p, i) => ({
      paymentId: `PM${i}`,
      method: "Check",
      reference: `CHK ${i}`,
      ...p.from,
      amount: p.amount,
      date: p.date,
    }));
    const refunds =
      payments.length === 0
        ? []
        : spec.refunds.map((r, i) => {
            const refunded = payments[r.of % payments.length];
            return refund(`RF${i}`, refunded.paymentId, r.amount, { patientId: "P1", date: addDays(refunded.date, r.days) });
          });
    const originals = spec.postings.map((p, i) => toPosting(p, `PS${i}`, charges.length, payments));
    const reversals =
      originals.length === 0
        ? []
        : spec.reversals.map((r, i) => {
            const original = originals[r.of % originals.length];
            const fields: Partial<PostingRow> = { date: addDays(original.date, r.days) };
            if (r.blank) Object.assign(fields, { paymentId: undefined, group: undefined });
            return reversal(`RV${i}`, original, fields);
          });
    return { charges, payments: [...payments, ...refunds], postings: [...originals, ...reversals] };
  });

/** What a line's money should be, summed straight from its postings (not through the engine's classes). */
function oracle(ledger: Ledger, asOf?: IsoDate) {
  const paid = new Map<string, number>();
  const adjusted = new Map<string, number>();
  const applied = new Map<string, number>();
  for (const p of ledger.postings) {
    if (asOf !== undefined && p.date > asOf) continue;
    const original = p.reverses === undefined ? undefined : ledger.postingById.get(p.reverses);
    const group = p.group ?? original?.group;
    const paymentId = p.paymentId ?? original?.paymentId;
    paid.set(p.chargeId, (paid.get(p.chargeId) ?? 0) + (p.paid ?? 0));
    if (group !== "PR") adjusted.set(p.chargeId, (adjusted.get(p.chargeId) ?? 0) + (p.adjustment ?? 0));
    if (paymentId !== undefined) applied.set(paymentId, (applied.get(paymentId) ?? 0) + (p.paid ?? 0));
  }
  return { paid, adjusted, applied };
}

/** A line's money, without the last payment date (a reversal doesn't un-date a payment). */
function money(line: LineBalance) {
  const { lastPaymentDate: _last, ...rest } = line;
  return rest;
}

const asOfArb = fc.option(date, { nil: undefined });

describe("balance properties", () => {
  it("conserves cents per line and in total: charge = paid + adjustments (except PR) + balance", () => {
    fc.assert(
      fc.property(tablesArb, asOfArb, (tables, asOf) => {
        const ledger = ledgerOf(tables);
        const lines = lineBalances(ledger, asOf);
        const { paid, adjusted } = oracle(ledger, asOf);
        let charged = 0;
        let total = 0;
        for (const l of lines) {
          const { CO, OA, PI, WO } = l.adjustments;
          expect(l.insurancePaid + l.patientPaid + l.otherPayerPaid).toBe(paid.get(l.chargeId) ?? 0);
          expect(CO + OA + PI + WO).toBe(adjusted.get(l.chargeId) ?? 0);
          expect(l.charge).toBe(l.insurancePaid + l.patientPaid + l.otherPayerPaid + CO + OA + PI + WO + l.balance);
          charged += l.charge;
          total += l.balance;
        }
        // Over the lines on the books as of the date (those served by then).
        const sum = (m: Map<string, number>) => lines.reduce((s, l) => s + (m.get(l.chargeId) ?? 0), 0);
        expect(charged).toBe(sum(paid) + sum(adjusted) + total);
      }),
      RUNS,
    );
  });

  it("splits every balance into an insurance share and a patient share that add up to it", () => {
    fc.assert(
      fc.property(tablesArb, asOfArb, (tables, asOf) => {
        for (const l of lineBalances(ledgerOf(tables), asOf)) {
          expect(l.insuranceShare + l.patientShare).toBe(l.balance);
          // Normalised: never one share owed while the other is in credit.
          expect(l.insuranceShare < 0 && l.patientShare > 0).toBe(false);
          expect(l.patientShare < 0 && l.insuranceShare > 0).toBe(false);
          const status = l.balance < 0 ? "credit" : l.balance === 0 ? "paid" : l.insuranceShare > 0 ? "open with payer" : "patient due";
          expect(l.status).toBe(status);
          if (l.selfPay && l.patientResp === 0 && l.insurancePaid === 0 && l.adjustments.CO + l.adjustments.OA + l.adjustments.PI === 0) {
            expect(l.insuranceShare).toBe(0);
          }
        }
      }),
      RUNS,
    );
  });

  it("accounts for every payment: amount = applied + refunded + unapplied", () => {
    fc.assert(
      fc.property(tablesArb, asOfArb, (tables, asOf) => {
        const ledger = ledgerOf(tables);
        const { applied } = oracle(ledger, asOf);
        const statuses = paymentStatuses(ledger, asOf);
        let refunded = 0;
        for (const s of statuses) {
          expect(s.amount).toBe(s.applied + s.refunded + s.unapplied);
          expect(s.applied).toBe(applied.get(s.paymentId) ?? 0);
          refunded += s.refunded;
        }
        // Each refund is counted once on its own row (negative) and once on the payment it names.
        expect(refunded).toBe(0);
        expect(statuses.map((s) => s.paymentId)).toEqual(
          ledger.payments.filter((p) => asOf === undefined || p.date <= asOf).map((p) => p.paymentId),
        );
      }),
      RUNS,
    );
  });

  it("leaves every line as before when a posting and its reversal are added anywhere", () => {
    fc.assert(
      fc.property(tablesArb, postingArb, fc.nat(), fc.nat(), fc.boolean(), (tables, spec, at, reversalAt, blank) => {
        const before = lineBalances(ledgerOf(tables)).map(money);
        const extra = toPosting(spec, "NEW", tables.charges.length, tables.payments);
        const undo = reversal("NEW-R", extra, blank ? { paymentId: undefined, group: undefined } : {});
        const postings = [...tables.postings];
        postings.splice(at % (postings.length + 1), 0, extra);
        postings.splice(reversalAt % (postings.length + 1), 0, undo);
        const after = lineBalances(ledgerOf({ ...tables, postings })).map(money);
        expect(after).toEqual(before);
      }),
      RUNS,
    );
  });

  it("gives the same balances whatever order the postings are in", () => {
    const shuffled = tablesArb.chain((tables) =>
      fc.tuple(
        fc.constant(tables),
        fc.shuffledSubarray(tables.postings, { minLength: tables.postings.length, maxLength: tables.postings.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, asOfArb, ([tables, postings], asOf) => {
        expect(lineBalances(ledgerOf({ ...tables, postings }), asOf)).toEqual(lineBalances(ledgerOf(tables), asOf));
      }),
      RUNS,
    );
  });

  it("counts as of a date exactly as if later lines and postings had not been made", () => {
    fc.assert(
      fc.property(tablesArb, date, (tables, asOf) => {
        const earlier = tables.postings.filter((p) => p.date <= asOf);
        const served = tables.charges.filter((c) => c.dos <= asOf);
        expect(lineBalances(ledgerOf(tables), asOf)).toEqual(lineBalances(ledgerOf({ ...tables, charges: served, postings: earlier })));
      }),
      RUNS,
    );
  });

  it("agrees with the aging report at any date: what is owed is the aging total, the credits its credits", () => {
    fc.assert(
      fc.property(tablesArb, date, (tables, asOf) => {
        const ledger = ledgerOf(tables);
        const lines = lineBalances(ledger, asOf);
        const aging = agingReport(ledger, { asOf, bounds: DEFAULT_BOUNDS });
        expect(lines.filter((l) => l.balance >= 0).reduce((n, l) => n + l.balance, 0)).toBe(aging.total);
        expect(lines.filter((l) => l.balance < 0).reduce((n, l) => n + l.balance, 0)).toBe(aging.creditTotal);
        expect(lines.length + aging.later.lines).toBe(tables.charges.length);
      }),
      RUNS,
    );
  });
});
