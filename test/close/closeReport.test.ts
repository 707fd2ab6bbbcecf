// The close report on a small ledger worked out by hand (a line served before November, one in it and
// one after; an insurance payment with CO and PR and a PLB interest item; a patient payment that
// overpays, and its refund; an office write-off; a payment and a posting after the period), a posting
// dated before its date of service (the "out of step" line), and the property: on random ledgers, for
// random periods, A/R at end from the balances equals start + every flow, to the cent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type IsoDate } from "../../src/dates";
import { arAsOf, closeLines, closeReport } from "../../src/close/closeReport";
import { closeSheetOp } from "../../src/close/closeSheet";
import { buildLedger, type Ledger } from "../../src/ledger/ledger";
import { POSTING_GROUPS, type PaymentRow, type PostingRow, type ProviderAdjustmentRow } from "../../src/workbook/tables";
import { charge, FIXTURE_PAYERS, payment, posting, refund, reversal, type FixtureTables } from "../ledger/ledgerFixtures";
import { NOVEMBER } from "./closeFixtures";

function ledgerWith(tables: FixtureTables & { providerAdjustments?: ProviderAdjustmentRow[] }): Ledger {
  return buildLedger({
    charges: tables.charges,
    payments: tables.payments ?? [],
    postings: tables.postings ?? [],
    payers: tables.payers ?? FIXTURE_PAYERS,
    providerAdjustments: tables.providerAdjustments ?? [],
  });
}

describe("the close report, by hand", () => {
  const report = closeReport(ledgerWith(NOVEMBER), "2026-11-01", "2026-11-30");

  it("takes A/R at start as of October 31 and at end as of November 30 from the balances", () => {
    // Oct 31: C0 owes 200 − 120 − 50 = $30.00 (PR moves, it does not reduce); PM1 is fully applied.
    expect(report.start).toEqual({ asOf: "2026-10-31", owed: 3000, lineCredits: 0, unapplied: 0, total: 3000 });
    // Nov 30: C0 paid off; C1 owes 150 − 90 − 40 − 5 = $15.00; PM2 92.50 − 90 − 2.50 = 0; PM3 60 − 30 − 30 = 0. C2 is not served yet.
    expect(report.end).toEqual({ asOf: "2026-11-30", owed: 1500, lineCredits: 0, unapplied: 0, total: 1500 });
  });

  it("counts every flow of November and ties: 30 + 150 − 152.50 − 45 + 30 + 2.50 + 0 = 15", () => {
    expect(report.charges).toEqual({ lines: 1, amount: 15000 });
    expect(report.payments.amount).toBe(15250);
    expect(report.payments.count).toBe(2);
    expect(report.payments.byPayer).toEqual([
      { payerId: "MCR", name: "Medicare Part B", count: 1, amount: 9250 },
      { payerId: "", name: "Patients", count: 1, amount: 6000 },
    ]);
    expect(report.adjustments).toEqual({ amount: 4500, byGroup: { CO: 4000, OA: 0, PI: 0, WO: 500 } });
    expect(report.refunds).toEqual({ count: 1, amount: 3000, toPatients: 3000, toPayers: 0 });
    expect(report.providerLevel).toEqual({ count: 1, effect: 250 });
    expect(report.outOfStep).toBe(0);
    expect(report.computedEnd).toBe(1500);
    expect(report.difference).toBe(0);
    expect(report.ties).toBe(true);
  });

  it("lists the equation's lines with their effect on A/R", () => {
    expect(closeLines(report).map((l) => [l.label, l.sign, l.effect])).toEqual([
      ["Charges", "+", 15000],
      ["Payments received", "−", -15250],
      ["Adjustments", "−", -4500],
      ["Refunds", "+", 3000],
      ["Provider-level items (PLB)", "±", 250],
      ["Postings out of step", "±", 0],
    ]);
  });

  it("writes the Close 2026-11 sheet: the equation as a table, then the breakdowns", () => {
    const op = closeSheetOp(report);
    expect(op.sheet).toBe("Close 2026-11");
    const rows = op.cells.map((r) => [r[0], r[1]]);
    expect(rows.slice(3, 14)).toEqual([
      ["Line", "Amount"],
      ["A/R at start", 30],
      ["+ Charges", 150],
      ["− Payments received", -152.5],
      ["− Adjustments", -45],
      ["+ Refunds", 30],
      ["± Provider-level items (PLB)", 2.5],
      ["± Postings out of step", 0],
      ["= A/R at end, from the flows", 15],
      ["A/R at end, from the balances", 15],
      ["Difference", 0],
    ]);
    expect(op.cells[1][2]).toBe("Ties to the cent");
    expect(op.tables?.[0]).toEqual({ name: "Close_2026_11_01_2026_11_30", range: { row: 3, column: 0, rows: 11, columns: 4 } });
    const text = op.cells.flat().join(" ");
    expect(text).toContain("Patients");
    expect(text).not.toContain("P1");
    expect(op.cells).toContainEqual(["CO", 40, null, "Contractual (CO)"]);
    expect(op.cells).toContainEqual(["MCR", 92.5, 1, "Medicare Part B"]);
  });

  it("puts December's payment, posting and line in December", () => {
    const december = closeReport(ledgerWith(NOVEMBER), "2026-12-01", "2026-12-31");
    expect(december.start.total).toBe(1500);
    // C2 $80 served, PM4 $50 received and applied to it: 15 + 80 − 50 = 45.
    expect(december.charges).toEqual({ lines: 1, amount: 8000 });
    expect(december.payments.amount).toBe(5000);
    expect(december.end.total).toBe(4500);
    expect(december.ties).toBe(true);
  });

  it("shows a posting dated before its line's date of service as out of step, and still ties", () => {
    const tables = {
      ...NOVEMBER,
      payments: [...NOVEMBER.payments, payment("PM5", 2500, { date: "2026-11-28", patientId: "P1" })],
      postings: [...NOVEMBER.postings, posting("PS10", "C2", { paymentId: "PM5", date: "2026-11-28", paid: 2500 })],
    };
    const withPrepay = closeReport(ledgerWith(tables), "2026-11-01", "2026-11-30");
    // PM5's $25 is received in November and applied to C2, which is on the books only from December 2.
    expect(withPrepay.payments.amount).toBe(17750);
    expect(withPrepay.outOfStep).toBe(2500);
    expect(withPrepay.end.total).toBe(1500);
    expect(withPrepay.ties).toBe(true);
  });
});

// Random ledgers, as the balance properties make them, with PLB items and dates over four months.
const START: IsoDate = "2026-01-01";
const DATES = Array.from({ length: 120 }, (_, d) => addDays(START, d));
const date = fc.constantFrom(...DATES);

const postingArb = fc.record({
  line: fc.nat(),
  payment: fc.option(fc.nat(), { nil: undefined }),
  paid: fc.option(fc.integer({ min: -20_000, max: 60_000 }), { nil: undefined }),
  adjustment: fc.option(fc.integer({ min: -10_000, max: 60_000 }), { nil: undefined }),
  group: fc.option(fc.constantFrom(...POSTING_GROUPS), { nil: undefined, freq: 8 }),
  patientResp: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }),
  // Now and then a posting to a charge that is not in Charges.
  stray: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  date,
});

const ledgerArb = fc
  .record({
    charges: fc.array(
      fc.record({
        payerId: fc.constantFrom("MCR", "SEC", "SELF"),
        patientId: fc.constantFrom("P1", "P2"),
        amount: fc.integer({ min: 1, max: 100_000 }),
        dos: date,
      }),
      { minLength: 1, maxLength: 5 },
    ),
    payments: fc.array(
      fc.record({
        from: fc.constantFrom<Partial<PaymentRow>>({ payerId: "MCR" }, { payerId: "SEC" }, { patientId: "P1" }),
        amount: fc.integer({ min: 0, max: 100_000 }),
        date,
      }),
      { maxLength: 5 },
    ),
    refunds: fc.array(fc.record({ of: fc.nat(), amount: fc.integer({ min: 1, max: 20_000 }), days: fc.integer({ min: -5, max: 30 }) }), {
      maxLength: 2,
    }),
    postings: fc.array(postingArb, { maxLength: 10 }),
    reversals: fc.array(fc.record({ of: fc.nat(), blank: fc.boolean(), days: fc.nat({ max: 20 }) }), { maxLength: 3 }),
    plb: fc.array(fc.record({ of: fc.nat(), amount: fc.integer({ min: -5_000, max: 5_000 }), days: fc.integer({ min: -3, max: 10 }) }), {
      maxLength: 2,
    }),
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
            const of = payments[r.of % payments.length];
            const on = addDays(of.date, r.days);
            return refund(`RF${i}`, of.paymentId, r.amount, { patientId: "P1", date: on < START ? START : on });
          });
    const originals = spec.postings.map((p, i): PostingRow => {
      const paymentId = p.payment === undefined || payments.length === 0 ? undefined : payments[p.payment % payments.length].paymentId;
      const row = posting(`PS${i}`, p.stray ? "GONE" : `L${p.line % charges.length}`, { date: p.date });
      if (paymentId !== undefined) row.paymentId = paymentId;
      if (p.paid !== undefined) row.paid = p.paid;
      if (p.adjustment !== undefined) row.adjustment = p.adjustment;
      if (p.group !== undefined) row.group = p.group;
      if (p.patientResp !== undefined) row.patientResp = p.patientResp;
      return row;
    });
    const reversals =
      originals.length === 0
        ? []
        : spec.reversals.map((r, i) => {
            const original = originals[r.of % originals.length];
            const fields: Partial<PostingRow> = { date: addDays(original.date, r.days) };
            if (r.blank) Object.assign(fields, { paymentId: undefined, group: undefined });
            return reversal(`RV${i}`, original, fields);
          });
    const providerAdjustments: ProviderAdjustmentRow[] =
      payments.length === 0
        ? []
        : spec.plb.map((item, i) => {
            const of = payments[item.of % payments.length];
            const on = addDays(of.date, item.days);
            return { adjustmentId: `PA${i}`, paymentId: of.paymentId, date: on < START ? START : on, amount: item.amount };
          });
    return { charges, payments: [...payments, ...refunds], postings: [...originals, ...reversals], providerAdjustments };
  });

const periodArb = fc.tuple(fc.integer({ min: -10, max: 130 }), fc.integer({ min: 0, max: 60 })).map(([start, days]) => ({
  from: addDays(START, start),
  through: addDays(START, start + days),
}));

describe("the close equation on random ledgers", () => {
  it("A/R at end from the balances = start + charges − payments − adjustments + refunds + PLB + out of step, to the cent", () => {
    fc.assert(
      fc.property(ledgerArb, periodArb, (tables, { from, through }) => {
        const ledger = ledgerWith(tables);
        const report = closeReport(ledger, from, through);
        const flows = closeLines(report).reduce((s, l) => s + l.effect, 0);
        expect(report.start.total + flows).toBe(report.end.total);
        expect(report.difference).toBe(0);
        expect(report.end).toEqual(arAsOf(ledger, through));
      }),
      { numRuns: 3_000 },
    );
  });

  it("two periods back to back add up to the one that spans them", () => {
    fc.assert(
      fc.property(ledgerArb, periodArb, fc.nat({ max: 30 }), (tables, { from, through }, split) => {
        const ledger = ledgerWith(tables);
        const mid = addDays(from, split);
        if (mid >= through) return;
        const first = closeReport(ledger, from, mid);
        const second = closeReport(ledger, addDays(mid, 1), through);
        const whole = closeReport(ledger, from, through);
        expect(first.charges.amount + second.charges.amount).toBe(whole.charges.amount);
        expect(first.payments.amount + second.payments.amount).toBe(whole.payments.amount);
        expect(first.adjustments.amount + second.adjustments.amount).toBe(whole.adjustments.amount);
        expect(first.refunds.amount + second.refunds.amount).toBe(whole.refunds.amount);
        expect(first.outOfStep + second.outOfStep).toBe(whole.outOfStep);
        expect(second.start.total).toBe(first.end.total);
      }),
      { numRuns: 1_000 },
    );
  });
});
