// practiceKpis reads the ledger's columns since December 2026; test/reports/before/kpis.ts holds it as
// it was (row objects through the by-id indexes), kept only for this test and the `kpis` bench. Both
// are given the same random ledgers and periods and must give the same result, every figure, input
// and definition: charges with repeated ChargeIDs, self-pay lines, payers that aren't in Payers (and a
// Payers table that repeats or leaves out one); payments from payers and patients, some named by
// postings but missing; postings of every group, with or without reason, patient responsibility,
// notes ("Denied: to work"), on charges that aren't there, dated after asOf; reversals that leave
// PaymentID, Group or Reason blank, some of postings that aren't there.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../../src/dates";
import { practiceKpis } from "../../src/reports/kpis";
import { POSTING_GROUPS, type ChargeRow, type PayerRow, type PaymentRow, type PostingRow } from "../../src/workbook/tables";
import { charge, FIXTURE_PAYERS, ledgerOf, posting, reversal } from "../ledger/ledgerFixtures";
import * as before from "./before/kpis";

const RUNS = { numRuns: 4_000 };
const START: IsoDate = "2026-01-01";
// Four months, so the three-month window, the period and asOf cut through them anywhere.
const DATES = Array.from({ length: 120 }, (_, d) => addDays(START, d));
const date = fc.constantFrom(...DATES);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const PAYER_LISTS: PayerRow[][] = [
  FIXTURE_PAYERS,
  // MCR twice (the first row counts), and SEC as self-pay under its own id.
  [
    { payerId: "MCR", name: "Medicare Part B", type: "Medicare" },
    { payerId: "SEC", name: "Second Plan, paid by the patient", type: "Self-pay" },
    { payerId: "MCR", name: "Medicare again", type: "Commercial" },
  ],
  // SEC and SELF not listed: SEC lines are billed to an unknown payer, SELF lines self-pay by their id.
  [{ payerId: "MCR", name: "Medicare Part B", type: "Medicare" }],
];

const chargeArb = fc.record({
  // A small pool of ids, so ChargeIDs repeat.
  id: fc.nat({ max: 7 }),
  payerId: fc.constantFrom("MCR", "SEC", "SELF", "NOBODY"),
  patientId: fc.constantFrom("P1", "P2"),
  claimId: fc.constantFrom("CL1", "CL2", "CL3", "CL4"),
  amount: fc.integer({ min: 0, max: 50_000 }),
  dos: fc.constantFrom(...DATES.slice(0, 60)),
  billed: maybe(fc.nat({ max: 30 })),
});
const paymentArb = fc.record({
  from: fc.constantFrom<Partial<PaymentRow>>({ payerId: "MCR" }, { payerId: "SEC" }, { payerId: "NOBODY" }, { patientId: "P1" }, {}),
  date,
});
const postingArb = fc.record({
  // A line of the books by position; sometimes (none) a charge that isn't there.
  charge: fc.option(fc.nat(), { nil: undefined, freq: 8 }),
  // A payment by position, or (-1) a PaymentID that isn't in Payments.
  payment: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined, freq: 4 }),
  paid: maybe(fc.integer({ min: -5_000, max: 30_000 })),
  adjustment: maybe(fc.integer({ min: -5_000, max: 30_000 })),
  group: fc.option(fc.constantFrom(...POSTING_GROUPS), { nil: undefined, freq: 5 }),
  reason: maybe(fc.constantFrom("45", "50", "97", "2", " 45 ", "")),
  patientResp: maybe(fc.integer({ min: 0, max: 20_000 })),
  note: maybe(fc.constantFrom("Denied: to work", "Denied: to work (claim status 4)", "Reversal", "called the payer")),
  // Days after the line's date of service (the period and asOf fall anywhere around them).
  days: fc.noBias(fc.integer({ min: -5, max: 80 })),
});
const reversalArb = fc.record({
  // Past the postings: a reversal of a posting that isn't there.
  of: fc.nat({ max: 12 }),
  blankPayment: fc.boolean(),
  blankGroup: fc.boolean(),
  blankReason: fc.boolean(),
  days: fc.nat({ max: 40 }),
  at: fc.nat(),
});

const booksArb = fc
  .record({
    payers: fc.constantFrom(...PAYER_LISTS),
    charges: fc.array(chargeArb, { minLength: 2, maxLength: 8 }),
    payments: fc.array(paymentArb, { minLength: 1, maxLength: 4 }),
    postings: fc.array(postingArb, { maxLength: 14 }),
    reversals: fc.array(reversalArb, { maxLength: 3 }),
  })
  .map((spec) => {
    const charges: ChargeRow[] = spec.charges.map((c) =>
      charge(`L${c.id}`, {
        payerId: c.payerId,
        patientId: c.patientId,
        claimId: c.claimId,
        amount: c.amount,
        dos: c.dos,
        ...(c.billed === undefined ? {} : { billedDate: addDays(c.dos, c.billed) }),
      }),
    );
    const payments: PaymentRow[] = spec.payments.map((p, i) => ({
      paymentId: `PM${i}`,
      method: "Check",
      reference: `CHK ${i}`,
      ...p.from,
      amount: 0,
      date: p.date,
    }));
    const postings: PostingRow[] = spec.postings.map((p, i) => {
      const line = p.charge === undefined ? undefined : charges[p.charge % charges.length];
      const row = posting(`PS${i}`, line?.chargeId ?? "GONE", { date: addDays(line?.dos ?? START, p.days) });
      if (p.payment !== undefined) row.paymentId = p.payment < 0 ? "PM-GONE" : payments[p.payment % payments.length].paymentId;
      if (p.paid !== undefined) row.paid = p.paid;
      if (p.adjustment !== undefined) row.adjustment = p.adjustment;
      if (p.group !== undefined) row.group = p.group;
      if (p.reason !== undefined) row.reason = p.reason;
      if (p.patientResp !== undefined) row.patientResp = p.patientResp;
      if (p.note !== undefined) row.note = p.note;
      return row;
    });
    const originals = [...postings];
    for (const [i, r] of spec.reversals.entries()) {
      const original = originals[r.of] ?? posting(`GONE${r.of}`, `L${r.of % 8}`, { paid: 100, group: "CO", paymentId: "PM0" });
      const fields: Partial<PostingRow> = { date: addDays(original.date, r.days) };
      if (r.blankPayment) fields.paymentId = undefined;
      if (r.blankGroup) fields.group = undefined;
      if (r.blankReason) fields.reason = undefined;
      postings.splice(r.at % (postings.length + 1), 0, reversal(`RV${i}`, original, fields));
    }
    return { charges, payments, postings, payers: spec.payers };
  });

// Mostly a period of up to three months with asOf near its end (so something counts), sometimes any
// three dates (to before from, asOf before to).
const periodArb = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.constantFrom(...DATES.slice(0, 90)),
        fc.noBias(fc.nat({ max: 90 })),
        fc.noBias(fc.integer({ min: -20, max: 60 })),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(date, fc.integer({ min: -60, max: 120 }), fc.integer({ min: -120, max: 120 })) },
  )
  .map(([from, length, late]) => ({ from, to: addDays(from, length), asOf: addDays(from, length + late) }));

describe("practiceKpis over the ledger's columns", () => {
  it("gives every figure as it did over the row objects", () => {
    fc.assert(
      fc.property(booksArb, periodArb, (books, period) => {
        expect(practiceKpis(ledgerOf(books), period)).toEqual(before.practiceKpis(ledgerOf(books), period));
      }),
      RUNS,
    );
  });

  it("agrees on a period that holds everything, where every line and claim counts", () => {
    fc.assert(
      fc.property(booksArb, (books) => {
        const period = { from: START, to: DATES[DATES.length - 1], asOf: addDays(DATES[DATES.length - 1], 60) };
        expect(practiceKpis(ledgerOf(books), period)).toEqual(before.practiceKpis(ledgerOf(books), period));
      }),
      RUNS,
    );
  });
});
