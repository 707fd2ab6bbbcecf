// The credit balances report's engine: which money is a credit, whose it is, when it was identified,
// how it arose in words, Medicare's 60 days, and the order an office works them in. Figures by hand
// from creditFixtures.ts.
import { describe, expect, it } from "vitest";
import { creditBalances, daysLeftWords, lineCredits, paymentCredit } from "../../src/credits/creditBalances";
import { charge, ledgerOf, payment, posting, reversal } from "../ledger/ledgerFixtures";
import { AS_OF, creditBooks } from "./creditFixtures";

describe("creditBalances", () => {
  const credits = creditBalances(ledgerOf(creditBooks()), AS_OF);

  it("lists Medicare's credits first (oldest first), then the others oldest first, with no credit for a line paid exactly", () => {
    expect(credits.map((c) => [c.kind, c.to, c.payerId, c.patientId, c.paymentId, c.chargeId, c.amount, c.identified])).toEqual([
      ["unapplied", "Payer", "MCR", undefined, "PM6", undefined, 5000, "2025-12-01"],
      ["overpaid line", "Payer", "MCR", "P1", "PM3", "L1", 8000, "2026-02-20"],
      ["unapplied", "Patient", undefined, "P1", "PM1", undefined, 2000, "2026-02-01"],
      ["overpaid line", "Patient", undefined, "P2", "PM4", "L2", 4000, "2026-02-02"],
    ]);
  });

  it("counts Medicare's 60 days from the day the credit was identified: 90 days ago is 30 days overdue, 9 days ago leaves 51", () => {
    expect(credits.map((c) => [c.medicare, c.daysLeft, c.payerType])).toEqual([
      [true, -30, "Medicare"],
      [true, 51, "Medicare"],
      [false, undefined, undefined],
      [false, undefined, undefined],
    ]);
    expect([daysLeftWords(-30), daysLeftWords(51), daysLeftWords(0), daysLeftWords(1)]).toEqual([
      "30 days overdue",
      "51 days left",
      "due today",
      "1 day left",
    ]);
  });

  it("says how each credit arose", () => {
    expect(credits.map((c) => c.how)).toEqual([
      "Medicare Part B paid $50.00 on 2025-12-01 (PM6), not applied to any line",
      "Medicare Part B paid line L1 twice (PM2 and PM3)",
      "Patient paid $25.00 on 2026-02-01 (PM1), not applied to any line; $5.00 already refunded",
      "Second Health Plan paid $100.00 on 2026-02-02 after the patient paid $40.00 on line L2",
    ]);
  });

  it("counts only what is dated on or before the as-of date", () => {
    const early = creditBalances(ledgerOf(creditBooks()), "2026-02-15");
    // PM3 (2026-02-20) is not yet in: L1 owes nothing; the refund PM7 (2026-02-10) is in.
    expect(early.map((c) => [c.paymentId, c.amount, c.daysLeft])).toEqual([
      ["PM6", 5000, -16],
      ["PM1", 2000, undefined],
      ["PM4", 4000, undefined],
    ]);
  });

  it("says a patient overpaid a line, and a payment whose posting was reversed is a credit from the reversal", () => {
    const first = posting("PS2", "L1", { paymentId: "PM2", paid: 2000, date: "2026-02-01" });
    const ledger = ledgerOf({
      charges: [charge("L1", { payerId: "SELF", amount: 5000 })],
      payments: [payment("PM1", 7500, { patientId: "P1", date: "2026-01-20" }), payment("PM2", 2000, { patientId: "P1" })],
      postings: [
        posting("PS1", "L1", { paymentId: "PM1", paid: 7500, date: "2026-01-20" }),
        first,
        reversal("PS3", first, { date: "2026-02-10" }),
      ],
    });
    expect(creditBalances(ledger, AS_OF).map((c) => [c.paymentId, c.amount, c.identified, c.how])).toEqual([
      ["PM1", 2500, "2026-01-20", "Patient paid $25.00 more than line L1 owed (PM1)"],
      ["PM2", 2000, "2026-02-10", "Patient paid $20.00 on 2026-02-01 (PM2); money taken off lines on 2026-02-10 is not applied since"],
    ]);
    expect(lineCredits(ledger, "L1", AS_OF).map((c) => c.amount)).toEqual([2500]);
    expect(paymentCredit(ledger, "PM2", AS_OF)?.amount).toBe(2000);
    expect(paymentCredit(ledger, "PM1", AS_OF)).toBeUndefined();
  });

  it("lays a line's credit on the newest payment first, splitting it when that one paid less than the credit", () => {
    const ledger = ledgerOf({
      charges: [charge("L1", { amount: 5000 })],
      payments: [payment("PM1", 4000, { date: "2026-02-01" }), payment("PM2", 3000, { date: "2026-02-09", payerId: "MCR" })],
      postings: [
        posting("PS1", "L1", { paymentId: "PM1", paid: 4000, date: "2026-02-01" }),
        posting("PS2", "L1", { paymentId: "PM2", paid: 3000, date: "2026-02-09" }),
        posting("PS3", "L1", { adjustment: 2000, group: "CO", reason: "45", date: "2026-02-12" }),
      ],
    });
    // $50 − $40 − $30 − $20 = −$40: $30 of it from PM2 (newest), $10 from PM1; below zero since PM2's posting (2026-02-09).
    expect(lineCredits(ledger, "L1", AS_OF).map((c) => [c.paymentId, c.amount, c.identified])).toEqual([
      ["PM2", 3000, "2026-02-09"],
      ["PM1", 1000, "2026-02-09"],
    ]);
  });
});
