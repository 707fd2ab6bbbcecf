// Deposit reconciliation: payments grouped into deposits by date, method and reference within the
// range; a deposit ties only when every cent was posted (or refunded); money left unapplied and
// postings beyond a payment are each named.
import { describe, expect, it } from "vitest";
import { reconcileDeposits } from "../../src/ledger/depositReconciliation";
import { charge, ledgerOf, payment, posting, refund } from "./ledgerFixtures";

const ledger = ledgerOf({
  charges: [charge("L1"), charge("L2"), charge("L3", { patientId: "P2", payerId: "SELF" })],
  payments: [
    // One EFT: posted in full (one posting dated after the range still counts).
    payment("PM1", 9000, { reference: "TRN 100", date: "2026-02-02" }),
    // A day's card batch under one reference: two patients, one leaves $15.00 unapplied.
    payment("PM2", 3000, { patientId: "P1", method: "Card", reference: "BATCH 0203", date: "2026-02-03" }),
    payment("PM3", 4000, { patientId: "P2", method: "Card", reference: "BATCH 0203", date: "2026-02-03" }),
    // A check posted for more than it brought in.
    payment("PM4", 5000, { payerId: "SEC", method: "Check", reference: "CHK 5511", date: "2026-02-04" }),
    // An overpayment, later refunded in part: $5.00 still unapplied.
    payment("PM5", 2000, { patientId: "P2", method: "Cash", reference: "RCPT 9", date: "2026-02-05" }),
    refund("PM6", "PM5", 1000, { patientId: "P2", date: "2026-02-20" }),
    // Outside the range.
    payment("PM7", 100, { patientId: "P1", method: "Cash", reference: "RCPT 10", date: "2026-03-01" }),
  ],
  postings: [
    posting("PS1", "L1", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45", date: "2026-02-02" }),
    posting("PS2", "L2", { paymentId: "PM1", paid: 3000, date: "2026-03-03" }),
    posting("PS3", "L1", { paymentId: "PM2", paid: 3000, date: "2026-02-03" }),
    posting("PS4", "L3", { paymentId: "PM3", paid: 2500, date: "2026-02-03" }),
    posting("PS5", "L2", { paymentId: "PM4", paid: 5200, date: "2026-02-04" }),
    posting("PS6", "L3", { paymentId: "PM5", paid: 500, date: "2026-02-05" }),
  ],
});

describe("reconcileDeposits", () => {
  const result = reconcileDeposits(ledger, "2026-02-01", "2026-02-28");

  it("groups payments in the range by date, method and reference, in date order", () => {
    expect(result.deposits.map((d) => [d.date, d.method, d.reference, d.payments])).toEqual([
      ["2026-02-02", "EFT", "TRN 100", ["PM1"]],
      ["2026-02-03", "Card", "BATCH 0203", ["PM2", "PM3"]],
      ["2026-02-04", "Check", "CHK 5511", ["PM4"]],
      ["2026-02-05", "Cash", "RCPT 9", ["PM5"]],
      ["2026-02-20", "Check", "REFUND PM5", ["PM6"]],
    ]);
  });

  it("ties a deposit posted in full, whenever it was posted, and a refund", () => {
    const [eft, , , , refundRow] = result.deposits;
    expect(eft).toEqual({
      date: "2026-02-02",
      method: "EFT",
      reference: "TRN 100",
      payments: ["PM1"],
      deposited: 9000,
      posted: 9000,
      unapplied: 0,
      ties: true,
    });
    expect(refundRow).toMatchObject({ deposited: -1000, posted: 0, unapplied: 0, ties: true });
  });

  it("says how much is unapplied, and how much was posted beyond a payment", () => {
    const [, batch, check, cash] = result.deposits;
    expect(batch).toMatchObject({ deposited: 7000, posted: 5500, unapplied: 1500, ties: false, problem: "not tied: $15.00 unapplied" });
    expect(check).toMatchObject({
      deposited: 5000,
      posted: 5200,
      unapplied: -200,
      ties: false,
      problem: "over-applied: $2.00 more posted from PM4 than it brought in",
    });
    expect(cash).toMatchObject({ deposited: 2000, posted: 500, unapplied: 500, ties: false, problem: "not tied: $5.00 unapplied" });
    expect(result.notTied).toEqual([batch, check, cash]);
  });

  it("totals the range so that deposited = posted + unapplied once refunds are in it", () => {
    expect(result.totals).toEqual({ deposited: 22000, posted: 20200, unapplied: 1800 });
    expect(result.totals.deposited).toBe(result.totals.posted + result.totals.unapplied);
  });

  it("does not let one payment's shortfall hide another's over-application in the same deposit", () => {
    const mixed = ledgerOf({
      charges: [charge("L1"), charge("L2")],
      payments: [payment("PM1", 1000, { reference: "TRN 1" }), payment("PM2", 1000, { reference: "TRN 1" })],
      postings: [posting("PS1", "L1", { paymentId: "PM1", paid: 1300 }), posting("PS2", "L2", { paymentId: "PM2", paid: 700 })],
    });
    const [deposit] = reconcileDeposits(mixed, "2026-02-01", "2026-02-01").deposits;
    expect(deposit).toMatchObject({
      deposited: 2000,
      posted: 2000,
      unapplied: 0,
      ties: false,
      problem: "not tied: $3.00 unapplied; over-applied: $3.00 more posted from PM1 than it brought in",
    });
  });

  it("names a negative payment that refunds nothing", () => {
    const stray = ledgerOf({ charges: [charge("L1")], payments: [payment("PM1", -800, { reference: "CHK 12" })] });
    const [deposit] = reconcileDeposits(stray, "2026-01-01", "2026-12-31").deposits;
    expect(deposit).toMatchObject({ deposited: -800, ties: false, problem: "PM1 takes out $8.00 without naming a payment it refunds" });
  });

  it("includes both ends of the range and nothing outside it", () => {
    expect(reconcileDeposits(ledger, "2026-02-03", "2026-02-04").deposits.map((d) => d.reference)).toEqual(["BATCH 0203", "CHK 5511"]);
    expect(reconcileDeposits(ledger, "2026-04-01", "2026-04-30")).toEqual({
      deposits: [],
      totals: { deposited: 0, posted: 0, unapplied: 0 },
      notTied: [],
    });
  });
});
