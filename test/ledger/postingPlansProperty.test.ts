// The posting plans' promise, as a property (fast-check, 10,000 runs): on any small ledger (credits,
// secondary payers, self-pay, reversals in its history), any plan the engine accepts, applied to
// the workbook with applyPlan and read back, gives exactly the balances it predicted for the lines
// it touched, leaves every other line as it was, and adds no ledger issue. Requests are drawn as
// fractions of the lines' balances so most are accepted; the rest must be refused without a write.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/dates";
import { lineBalances, paymentStatuses } from "../../src/ledger/balances";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import {
  insurancePaymentPlan,
  officeAdjustmentPlan,
  patientPaymentPlan,
  refundPlan,
  reversalPlan,
  type LineApplication,
  type PlanContext,
  type PlanResult,
} from "../../src/ledger/postingPlans";
import { applyPlan } from "../../src/workbook/plan";
import type { ChargeRow, PaymentRow, PostingRow } from "../../src/workbook/tables";
import { charge, ledgerWorkbook, payment, posting, reversal, type FixtureTables } from "./ledgerFixtures";
import { NOW, planInputs, TODAY } from "./postingPlansFlow";

const day = (n: number) => addDays("2026-01-01", n);
const percent = fc.integer({ min: 0, max: 100 });

const history = fc.record({
  charges: fc.array(
    fc.record({
      patient: fc.constantFrom("P1", "P2"),
      payer: fc.constantFrom("MCR", "SEC", "SELF"),
      dos: fc.integer({ min: 0, max: 30 }),
      amount: fc.integer({ min: 1, max: 50_000 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  payments: fc.array(
    fc.record({
      from: fc.constantFrom("MCR", "SEC", "P1", "P2"),
      extra: fc.integer({ min: 0, max: 3_000 }),
      day: fc.integer({ min: 31, max: 45 }),
    }),
    {
      minLength: 1,
      maxLength: 3,
    },
  ),
  postings: fc.array(
    fc.record({
      line: fc.nat(),
      payment: fc.nat(),
      paid: fc.integer({ min: 0, max: 30_000 }),
      group: fc.constantFrom("CO", "OA", "PI", "WO", "PR", undefined),
      adjustment: fc.integer({ min: 0, max: 20_000 }),
      patientResp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
      day: fc.integer({ min: 45, max: 55 }),
      reverse: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
});
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

/** The drawn history as ledger rows: payments add up to what was paid from them, plus some left unapplied. */
function booksOf(h: History): FixtureTables {
  const charges: ChargeRow[] = h.charges.map((c, i) =>
    charge(`L${i + 1}`, { patientId: c.patient, payerId: c.payer, dos: day(c.dos), amount: c.amount, claimId: `CL${i + 1}` }),
  );
  const postings: PostingRow[] = [];
  const paidFrom = new Map<string, number>();
  h.postings.forEach((p, i) => {
    const paymentId = `PM${(p.payment % h.payments.length) + 1}`;
    const row = posting(`PS${postings.length + 1}`, charges[p.line % charges.length].chargeId, {
      paymentId,
      date: day(p.day),
      paid: p.paid,
      ...(p.group ? { group: p.group, adjustment: p.adjustment, reason: p.group === "WO" ? undefined : "45" } : {}),
      ...(p.patientResp !== undefined ? { patientResp: p.patientResp } : {}),
    });
    postings.push(row);
    paidFrom.set(paymentId, (paidFrom.get(paymentId) ?? 0) + p.paid);
    if (p.reverse) postings.push(reversal(`PS${postings.length + 1}`, row, { date: day(p.day + (i % 3)) }));
  });
  const payments: PaymentRow[] = h.payments.map((p, i) => {
    const id = `PM${i + 1}`;
    const amount = (paidFrom.get(id) ?? 0) + p.extra;
    const fromPatient = p.from.startsWith("P");
    return payment(id, amount, { date: day(p.day), ...(fromPatient ? { patientId: p.from } : { payerId: p.from }) });
  });
  return { charges, payments, postings };
}

const lineRequest = fc.record({
  line: fc.nat(),
  paid: percent,
  co: percent,
  pr: percent,
  wo: percent,
  over: fc.integer({ min: 0, max: 9 }),
});
const request = fc.oneof(
  fc.record({
    kind: fc.constant("insurance" as const),
    payer: fc.constantFrom("MCR", "SEC"),
    lines: fc.array(lineRequest, { minLength: 1, maxLength: 3 }),
    extra: fc.integer({ min: 0, max: 2_000 }),
  }),
  fc.record({
    kind: fc.constant("patient" as const),
    patient: fc.constantFrom("P1", "P2"),
    oldestFirst: fc.boolean(),
    amount: fc.integer({ min: 1, max: 60_000 }),
    lines: fc.array(lineRequest, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant("office" as const),
    lines: fc.array(lineRequest, { minLength: 1, maxLength: 3 }),
    type: fc.constantFrom("small balance", "bad debt", "courtesy", "other"),
  }),
  fc.record({ kind: fc.constant("refund" as const), payment: fc.nat(), share: percent }),
  fc.record({ kind: fc.constant("reversal" as const), postings: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), late: fc.boolean() }),
);
type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

const scaled = (cents: number, pct: number) => Math.floor((Math.max(0, cents) * pct) / 100);

/** The request made concrete against the ledger's balances, as a biller filling the panel would. */
function planFor(ledger: Ledger, ctx: PlanContext, r: Request): PlanResult {
  const balances = new Map(lineBalances(ledger).map((l) => [l.chargeId, l]));
  const lineAt = (n: number) => ledger.charges[n % ledger.charges.length];
  switch (r.kind) {
    case "insurance": {
      const lines: LineApplication[] = r.lines.map((q) => {
        const b = balances.get(lineAt(q.line).chargeId)!;
        const overpayment = q.over === 0;
        const paid = scaled(b.balance, q.paid) + (overpayment ? 500 : 0);
        const co = scaled(b.balance - paid, q.co);
        const wo = q.over === 1 ? scaled(b.balance - paid - co, q.wo) : 0;
        return {
          chargeId: b.chargeId,
          paid,
          adjustments: [
            { group: "CO" as const, reason: "45", amount: co },
            ...(wo > 0 ? [{ group: "WO" as const, reason: "timely filing", amount: wo }] : []),
          ],
          patientResp: [{ reason: String((q.pr % 3) + 1), amount: scaled(b.charge, q.pr) }],
          overpayment,
        };
      });
      const amount = lines.reduce((s, l) => s + (l.paid ?? 0), 0) + r.extra;
      return insurancePaymentPlan(ledger, ctx, { from: { payerId: r.payer }, date: TODAY, method: "EFT", reference: "TRN", amount }, lines);
    }
    case "patient": {
      const from = { patientId: r.patient };
      if (r.oldestFirst) return patientPaymentPlan(ledger, ctx, { from, date: TODAY, method: "Card", amount: r.amount }, "oldest-first");
      const lines: LineApplication[] = r.lines.map((q) => {
        const b = balances.get(lineAt(q.line).chargeId)!;
        const paid = scaled(b.balance, q.paid);
        const wo = scaled(b.balance - paid, q.wo);
        return {
          chargeId: b.chargeId,
          paid,
          adjustments: wo > 0 && q.over < 3 ? [{ group: "WO" as const, reason: "discount", amount: wo }] : [],
          overpayment: q.over === 9,
        };
      });
      const amount = lines.reduce((s, l) => s + (l.paid ?? 0), 0) + (r.amount % 500);
      return patientPaymentPlan(ledger, ctx, { from, date: TODAY, method: "Cash", amount }, lines);
    }
    case "office":
      return officeAdjustmentPlan(
        ledger,
        ctx,
        r.lines.map((q) => {
          const b = balances.get(lineAt(q.line).chargeId)!;
          return {
            chargeId: b.chargeId,
            amount: Math.max(1, scaled(b.balance, q.wo)),
            kind: r.type as "other",
            reason: "policy",
            date: TODAY,
          };
        }),
      );
    case "refund": {
      const status = paymentStatuses(ledger)[r.payment % ledger.payments.length];
      return refundPlan(ledger, ctx, {
        paymentId: status.paymentId,
        amount: Math.max(1, Math.ceil((status.unapplied * r.share) / 100)),
        date: TODAY,
        method: "Check",
        reason: "Overpaid",
      });
    }
    case "reversal":
      if (ledger.postings.length === 0) return reversalPlan(ledger, ctx, ["PS1"], TODAY);
      return reversalPlan(
        ledger,
        ctx,
        r.postings.map((n) => ledger.postings[n % ledger.postings.length].postingId),
        r.late ? TODAY : "2026-02-20",
      );
  }
}

describe("posting plans, applied and read back", () => {
  it("give the balances the engine predicted (10,000 runs)", async () => {
    const outcomes = { ok: 0, refused: 0 };
    const kindsPosted = new Set<string>();
    await fc.assert(
      fc.asyncProperty(history, request, async (h, r) => {
        const book = ledgerWorkbook(booksOf(h));
        const { ledger, ctx } = await planInputs(book);
        const result = planFor(ledger, ctx, r);
        if (!result.ok) {
          outcomes.refused += 1;
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        outcomes.ok += 1;
        kindsPosted.add(r.kind);
        await applyPlan(book, result.plan, NOW);
        const { ledger: after } = await readLedger(book);
        expect(after.issues).toEqual(ledger.issues);
        const predicted = new Map(result.predicted.map((l) => [l.chargeId, l]));
        const touched = new Set(result.preview.filter((p) => p.table === "Postings").map((p) => String(p.values.ChargeID)));
        expect([...touched].every((id) => predicted.has(id))).toBe(true);
        const before = new Map(lineBalances(ledger).map((l) => [l.chargeId, l]));
        for (const line of lineBalances(after)) expect(line).toEqual(predicted.get(line.chargeId) ?? before.get(line.chargeId));
        if (r.kind === "refund") {
          const refunded = Number(String(result.preview[0].values.Amount).replace(/[$,]/g, "")) * 100;
          const was = paymentStatuses(ledger).find((s) => s.paymentId === String(result.preview[0].values.Reference).slice(7))!;
          const now = paymentStatuses(after).find((s) => s.paymentId === was.paymentId)!;
          expect(now.unapplied).toBe(was.unapplied + Math.round(refunded));
        }
      }),
      { numRuns: 10_000 },
    );
    // Not a vacuous property: most requests become plans, of every kind.
    expect(outcomes.ok).toBeGreaterThan(outcomes.refused);
    expect([...kindsPosted].sort()).toEqual(["insurance", "office", "patient", "refund", "reversal"]);
    // 10,000 plans written and read back: about 17 s alone, several times that on a busy 2-core machine.
  }, 180_000);
});
