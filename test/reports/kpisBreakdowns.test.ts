// The clean-claim rate and the denials by reason and by payer (issue 15, "revenue integrity"), on the
// hand-worked ledger of kpisBreakdownBooks.ts (its header has the arithmetic), then the rules one at a
// time on ledgers of a claim or two: each case fails if its rule is broken.
import { describe, expect, it } from "vitest";
import { DENIED_NOTE } from "../../src/ledger/denials";
import { practiceKpis } from "../../src/reports/kpis";
import { charge, ledgerOf, payment, posting, reversal } from "../ledger/ledgerFixtures";
import { AS_OF, BREAKDOWN_BOOKS, PERIOD } from "./kpisBreakdownBooks";

const ledger = ledgerOf(BREAKDOWN_BOOKS);
const kpis = practiceKpis(ledger, { ...PERIOD, asOf: AS_OF });
const inputs = (k: { inputs: { value: number }[] }) => k.inputs.map((i) => i.value);

describe("the clean-claim rate", () => {
  it("counts adjudicated claims with no denial posted and no resubmission: K3, K5 and K6 of 10", () => {
    expect(inputs(kpis.cleanClaimRate)).toEqual([3, 10, 6, 1]);
    expect(kpis.cleanClaimRate.value).toBe(30);
    expect(kpis.cleanClaimRate.unit).toBe("percent");
  });

  it("leaves the other claim KPIs as they were: 4 denied and 5 first pass of 10", () => {
    expect(inputs(kpis.denialRate)).toEqual([4, 10]);
    expect(inputs(kpis.firstPassRate)).toEqual([5, 10]);
    expect(kpis.adjudicatedClaims).toBe(10);
  });

  it("counts a denial posted after the period but by the as-of date (K7), which the denial rate does not", () => {
    const atEnd = practiceKpis(ledger, { ...PERIOD, asOf: PERIOD.to });
    expect(inputs(atEnd.cleanClaimRate)).toEqual([4, 10, 5, 1]);
    expect(inputs(atEnd.denialRate)).toEqual(inputs(kpis.denialRate));
  });

  it("says how it differs from first-pass resolution", () => {
    expect(kpis.cleanClaimRate.name).toBe("Clean-claim rate");
    expect(kpis.cleanClaimRate.definition).toMatch(/Frequency 7 or 8/);
    expect(kpis.cleanClaimRate.definition).toMatch(/Unlike first-pass resolution.*left owed/);
    expect(kpis.cleanClaimRate.definition).toContain(`by ${AS_OF}`);
  });

  it("has no value when nothing was adjudicated", () => {
    const empty = practiceKpis(ledgerOf({ charges: [] }), { ...PERIOD, asOf: AS_OF });
    expect(empty.cleanClaimRate.value).toBeNull();
    expect(empty.denialsByReason).toEqual([]);
    expect(empty.denialsByPayer).toEqual([]);
  });
});

describe("the denials by reason", () => {
  it("counts each denied claim once under each distinct reason, with its share, the denied lines' charges and the words", () => {
    expect(kpis.denialsByReason).toEqual([
      {
        reason: "CO-16",
        words: "information is missing or wrong on the claim (see the remark codes)",
        claims: 3,
        percent: 30,
        deniedAmount: 42000,
      },
      {
        reason: "CO-197",
        words: "authorization, precertification or notification was missing",
        claims: 1,
        percent: 10,
        deniedAmount: 10000,
      },
      { reason: "PR-96", words: "not covered by the plan", claims: 1, percent: 10, deniedAmount: 5000 },
    ]);
  });
});

describe("the denials by payer", () => {
  it("lists every payer with adjudicated claims, highest rate first then PayerID, a payer with no denial at 0%", () => {
    expect(kpis.denialsByPayer).toEqual([
      { payerId: "MCR", name: "Medicare Part B", adjudicated: 4, denied: 2, percent: 50 },
      { payerId: "SEC", name: "Second Health Plan", adjudicated: 4, denied: 2, percent: 50 },
      { payerId: "BCB", name: "Blue Plan", adjudicated: 2, denied: 0, percent: 0 },
    ]);
    const sum = (key: "adjudicated" | "denied") => kpis.denialsByPayer.reduce((n, p) => n + p[key], 0);
    expect([sum("denied"), sum("adjudicated")]).toEqual(inputs(kpis.denialRate));
  });
});

// ---- each rule alone -----------------------------------------------------------------------------

const JUNE = { from: "2026-06-01", to: "2026-06-30", asOf: "2026-06-30" };

describe("each rule of the breakdowns", () => {
  it("a replacement or a void is not clean, whichever line carries the Frequency; an original paid in full is", () => {
    const kpisOf = (frequency: "7" | "8" | undefined) =>
      practiceKpis(
        ledgerOf({
          charges: [charge("A1", { claimId: "C1", amount: 5000 }), charge("A2", { claimId: "C1", amount: 5000, frequency })],
          payments: [payment("PM1", 10000, { date: "2026-06-10" })],
          postings: [
            posting("S1", "A1", { paymentId: "PM1", date: "2026-06-10", paid: 5000 }),
            posting("S2", "A2", { paymentId: "PM1", date: "2026-06-10", paid: 5000 }),
          ],
        }),
        JUNE,
      );
    expect(inputs(kpisOf(undefined).cleanClaimRate)).toEqual([1, 1, 0, 0]);
    expect(inputs(kpisOf("7").cleanClaimRate)).toEqual([0, 1, 0, 1]);
    expect(inputs(kpisOf("8").cleanClaimRate)).toEqual([0, 1, 0, 1]);
    // First pass does not ask about resubmission.
    expect(inputs(kpisOf("8").firstPassRate)).toEqual([1, 1]);
  });

  it("a denial posted and then reversed still leaves the claim not clean", () => {
    const denial = posting("S1", "A1", {
      paymentId: "PM1",
      date: "2026-06-05",
      paid: 0,
      adjustment: 0,
      group: "CO",
      reason: "16",
      note: DENIED_NOTE,
    });
    const books = (withDenial: boolean) =>
      ledgerOf({
        charges: [charge("A1", { claimId: "C1", amount: 5000 })],
        payments: [payment("PM1", 0, { date: "2026-06-05" }), payment("PM2", 5000, { date: "2026-06-20" })],
        postings: [
          ...(withDenial ? [denial, reversal("S2", denial, { date: "2026-06-19" })] : []),
          posting("S3", "A1", { paymentId: "PM2", date: "2026-06-20", paid: 5000 }),
        ],
      });
    expect(inputs(practiceKpis(books(true), JUNE).cleanClaimRate)).toEqual([0, 1, 1, 0]);
    expect(inputs(practiceKpis(books(false), JUNE).cleanClaimRate)).toEqual([1, 1, 0, 0]);
  });

  it("takes a claim's reasons from the postings that denied it: not a denial code on a line that was paid", () => {
    // C1: line A1 paid $0 with CO-50; line A2 paid $30 with a CO-97 $20. Denied for CO-50 only, $50 of charges.
    const books = ledgerOf({
      charges: [charge("A1", { claimId: "C1", amount: 5000 }), charge("A2", { claimId: "C1", amount: 5000 })],
      payments: [payment("PM1", 3000, { date: "2026-06-10" })],
      postings: [
        posting("S1", "A1", { paymentId: "PM1", date: "2026-06-10", paid: 0, adjustment: 0, group: "CO", reason: "50", note: DENIED_NOTE }),
        posting("S2", "A2", { paymentId: "PM1", date: "2026-06-10", paid: 3000, adjustment: 2000, group: "CO", reason: "97" }),
      ],
    });
    const k = practiceKpis(books, JUNE);
    expect(k.denialsByReason.map((r) => [r.reason, r.claims, r.deniedAmount])).toEqual([["CO-50", 1, 5000]]);
    expect(inputs(k.cleanClaimRate)).toEqual([0, 1, 1, 0]);
  });

  it("leaves out the denials of claims not adjudicated in the period, and those posted after it", () => {
    // C1 adjudicated in May (denied CO-16); C2 adjudicated in June, paid, then denied CO-16 in July.
    const books = ledgerOf({
      charges: [charge("A1", { claimId: "C1" }), charge("B1", { claimId: "C2" })],
      payments: [
        payment("PM1", 0, { date: "2026-05-10" }),
        payment("PM2", 10000, { date: "2026-06-10" }),
        payment("PM3", 0, { date: "2026-07-02" }),
      ],
      postings: [
        posting("S1", "A1", { paymentId: "PM1", date: "2026-05-10", paid: 0, group: "CO", reason: "16" }),
        posting("S2", "B1", { paymentId: "PM2", date: "2026-06-10", paid: 10000 }),
        posting("S3", "B1", { paymentId: "PM3", date: "2026-07-02", paid: 0, group: "CO", reason: "16" }),
      ],
    });
    const k = practiceKpis(books, { ...JUNE, asOf: "2026-07-31" });
    expect(k.denialsByReason).toEqual([]);
    expect(k.denialsByPayer).toEqual([{ payerId: "MCR", name: "Medicare Part B", adjudicated: 1, denied: 0, percent: 0 }]);
  });

  it("sorts reasons with as many claims by code, numbers by value (CO-4 before CO-16), and counts a claim by its first line's payer", () => {
    const books = ledgerOf({
      charges: [
        charge("A1", { claimId: "C1", amount: 1000 }),
        charge("A2", { claimId: "C1", payerId: "SEC", amount: 2000 }),
        charge("B1", { claimId: "C2", payerId: "SEC", amount: 4000 }),
      ],
      payments: [payment("PM1", 0, { date: "2026-06-10" }), payment("PM2", 0, { payerId: "SEC", date: "2026-06-11" })],
      postings: [
        posting("S1", "A1", { paymentId: "PM1", date: "2026-06-10", paid: 0, group: "CO", reason: "16" }),
        posting("S2", "B1", { paymentId: "PM2", date: "2026-06-11", paid: 0, group: "CO", reason: "4" }),
      ],
    });
    const k = practiceKpis(books, JUNE);
    expect(k.denialsByReason.map((r) => [r.reason, r.claims, r.percent, r.deniedAmount])).toEqual([
      ["CO-4", 1, 50, 4000],
      ["CO-16", 1, 50, 1000],
    ]);
    expect(k.denialsByPayer.map((p) => [p.payerId, p.adjudicated, p.denied])).toEqual([
      ["MCR", 1, 1],
      ["SEC", 1, 1],
    ]);
  });

  it("ranks a higher denial rate first even when the payer's id sorts later", () => {
    const books = ledgerOf({
      charges: [charge("A1", { claimId: "C1" }), charge("A2", { claimId: "C2" }), charge("B1", { claimId: "C3", payerId: "SEC" })],
      payments: [payment("PM1", 10000, { date: "2026-06-10" }), payment("PM2", 0, { payerId: "SEC", date: "2026-06-11" })],
      postings: [
        posting("S1", "A1", { paymentId: "PM1", date: "2026-06-10", paid: 10000 }),
        posting("S2", "A2", { paymentId: "PM1", date: "2026-06-10", paid: 0, group: "CO", reason: "16" }),
        posting("S3", "B1", { paymentId: "PM2", date: "2026-06-11", paid: 0, group: "CO", reason: "16" }),
      ],
    });
    const k = practiceKpis(books, JUNE);
    expect(k.denialsByPayer.map((p) => [p.payerId, p.percent])).toEqual([
      ["SEC", 100],
      ["MCR", 50],
    ]);
    expect(k.denialsByReason.map((r) => [r.reason, r.claims, r.percent, r.deniedAmount])).toEqual([["CO-16", 2, (2 * 100) / 3, 20000]]);
  });
});
