// The Underpaid worklist (src/contracts/underpaid.ts) on hand-made books, each figure worked out by
// hand: allowed = what the line's payer paid + patient responsibility, expected = contract rate × units.
//
// L1  MCR 99213 ×1, DOS 05-01: paid $70, PR-2 $18 → allowed $88; contract $95 → $7.00 short.   listed
// L2  MCR 99214 ×2, DOS 05-02: paid $200, PR $50 → allowed $250; contract $130 × 2 = $260 → $10 short. listed
// L3  MCR 99213 ×1, DOS 05-03: paid $94.50, no PR → allowed $94.50; $0.50 short, within $1.00.  not listed
// L4  SEC 99213 ×1, DOS 05-04: paid $60 → no contract for SEC.                                   not listed
// L5  SELF 99213, DOS 05-05: paid by the patient.                                                  not listed
// L6  MCR 99213, DOS 05-06: nothing paid yet.                                                      not listed
// L7  MCR 99213, DOS 06-20 (after the as-of date 06-15).                                           not listed
import { describe, expect, it } from "vitest";
import { ContractRates } from "../../src/contracts/contracts";
import { underpaidLines } from "../../src/contracts/underpaid";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

const RATES = new ContractRates([
  { payerId: "MCR", code: "99213", allowed: 9500 },
  { payerId: "MCR", code: "99214", allowed: 13000 },
]);

const LEDGER = ledgerOf({
  charges: [
    charge("L1", { claimId: "C1", code: "99213", amount: 13000, dos: "2026-05-01" }),
    charge("L2", { claimId: "C1", code: "99214", amount: 38000, units: 2, dos: "2026-05-02" }),
    charge("L3", { claimId: "C2", code: "99213", amount: 13000, dos: "2026-05-03" }),
    charge("L4", { claimId: "C3", code: "99213", amount: 13000, dos: "2026-05-04", payerId: "SEC" }),
    charge("L5", { claimId: "C4", code: "99213", amount: 13000, dos: "2026-05-05", payerId: "SELF" }),
    charge("L6", { claimId: "C5", code: "99213", amount: 13000, dos: "2026-05-06" }),
    charge("L7", { claimId: "C6", code: "99213", amount: 13000, dos: "2026-06-20" }),
  ],
  payments: [
    payment("PM1", 36450, { date: "2026-06-01" }),
    payment("PM2", 6000, { payerId: "SEC", date: "2026-06-01" }),
    payment("PM3", 13000, { patientId: "P1", date: "2026-05-05" }),
    payment("PM4", 9000, { date: "2026-06-25" }),
  ],
  postings: [
    posting("T1", "L1", { paymentId: "PM1", paid: 7000, adjustment: 4200, group: "CO", reason: "45", date: "2026-06-01" }),
    posting("T2", "L1", { group: "PR", reason: "2", patientResp: 1800, date: "2026-06-01" }),
    posting("T3", "L2", { paymentId: "PM1", paid: 20000, adjustment: 13000, group: "CO", reason: "45", date: "2026-06-01" }),
    posting("T4", "L2", { group: "PR", reason: "1", patientResp: 5000, date: "2026-06-01" }),
    posting("T5", "L3", { paymentId: "PM1", paid: 9450, adjustment: 3550, group: "CO", reason: "45", date: "2026-06-01" }),
    posting("T6", "L4", { paymentId: "PM2", paid: 6000, date: "2026-06-01" }),
    posting("T7", "L5", { paymentId: "PM3", paid: 13000, date: "2026-05-05" }),
    posting("T8", "L7", { paymentId: "PM4", paid: 9000, date: "2026-06-25" }),
  ],
});

describe("underpaidLines", () => {
  it("lists the lines paid under contract by more than the tolerance, biggest shortfall first, with totals by payer", () => {
    const list = underpaidLines(LEDGER, RATES, { asOf: "2026-06-15", tolerance: 100 });
    expect(LEDGER.issues).toEqual([]);
    expect(list.lines).toEqual([
      {
        line: 1,
        claimId: "C1",
        chargeId: "L2",
        payerId: "MCR",
        code: "99214",
        dos: "2026-05-02",
        expected: 26000,
        allowed: 25000,
        paid: 20000,
        variance: -1000,
        age: 44,
        lastPaymentDate: "2026-06-01",
      },
      {
        line: 0,
        claimId: "C1",
        chargeId: "L1",
        payerId: "MCR",
        code: "99213",
        dos: "2026-05-01",
        expected: 9500,
        allowed: 8800,
        paid: 7000,
        variance: -700,
        age: 45,
        lastPaymentDate: "2026-06-01",
      },
    ]);
    expect(list.byPayer).toEqual([{ payerId: "MCR", lines: 2, expected: 35500, allowed: 33800, variance: -1700 }]);
    expect(list.variance).toBe(-1700);
  });

  it("counts a shortfall at the tolerance as within it, and keeps to the dates of service asked", () => {
    expect(underpaidLines(LEDGER, RATES, { asOf: "2026-06-15", tolerance: 700 }).lines.map((l) => l.chargeId)).toEqual(["L2"]);
    expect(underpaidLines(LEDGER, RATES, { asOf: "2026-06-15", tolerance: 0 }).lines.map((l) => l.chargeId)).toEqual(["L2", "L1", "L3"]);
    const may2 = underpaidLines(LEDGER, RATES, { asOf: "2026-06-15", tolerance: 0, from: "2026-05-02", to: "2026-05-02" });
    expect(may2.lines.map((l) => l.chargeId)).toEqual(["L2"]);
    expect(may2).toMatchObject({ from: "2026-05-02", to: "2026-05-02" });
  });

  it("counts only what was posted by the as-of date", () => {
    // Before the remittance of 06-01 nothing was paid: nothing is under contract yet.
    expect(underpaidLines(LEDGER, RATES, { asOf: "2026-05-31", tolerance: 100 }).lines).toEqual([]);
    // L7 was served and paid $90 after 06-15: on 06-30 it is $5.00 short.
    expect(underpaidLines(LEDGER, RATES, { asOf: "2026-06-30", tolerance: 100 }).lines.map((l) => l.chargeId)).toEqual(["L2", "L1", "L7"]);
  });
});
