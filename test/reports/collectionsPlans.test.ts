// The collections worklist and payment plans (issue 17): an account keeping up its plan is not proposed
// (counted in onPlan), one with a missed installment is listed whatever the balance and age given, with
// its note. The accounts (all self-pay, served 2026-01-05, as of 2026-06-30: 176 days old):
//   P1 owes $500.00, plan from 2026-05-01 at $100.00, paid 05-01 and 06-01: current -> left off;
//   P2 owes $300.00, plan from 2026-05-01 at $100.00, paid 05-01 only: June 1's $100.00 is 29 days late,
//      more than the 10 days of grace -> listed, "Missed installment: $100.00 due 2026-06-01";
//   P3 owes $20.00, a $300.00 plan, nothing paid: May 1 and June 1 unpaid, $200.00 behind -> listed though
//      under the $50.00 minimum, "Missed installment: $200.00 due 2026-05-01";
//   P4 owes $400.00 and has no plan -> listed as before.
import { describe, expect, it } from "vitest";
import { planStandings, type PaymentPlan } from "../../src/plans/paymentPlans";
import { collectionsWorklist } from "../../src/reports/collections";
import { collectionsSheetPlan } from "../../src/reports/collectionsSheet";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

const AS_OF = "2026-06-30";
const pays = [
  payment("M1", 10000, { patientId: "P1", date: "2026-05-01" }),
  payment("M2", 10000, { patientId: "P1", date: "2026-06-01" }),
  payment("M3", 10000, { patientId: "P2", date: "2026-05-01" }),
];
const ledger = ledgerOf({
  charges: [
    charge("C1", { payerId: "SELF", amount: 70000 }),
    charge("C2", { patientId: "P2", payerId: "SELF", amount: 40000 }),
    charge("C3", { patientId: "P3", payerId: "SELF", amount: 2000 }),
    charge("C4", { patientId: "P4", payerId: "SELF", amount: 40000 }),
  ],
  payments: pays,
  postings: [
    posting("S1", "C1", { paymentId: "M1", paid: 10000, date: "2026-05-01" }),
    posting("S2", "C1", { paymentId: "M2", paid: 10000, date: "2026-06-01" }),
    posting("S3", "C2", { paymentId: "M3", paid: 10000, date: "2026-05-01" }),
  ],
});
const plan = (paymentPlanId: string, patientId: string, total: number): PaymentPlan => ({
  paymentPlanId,
  patientId,
  startDate: "2026-05-01",
  installment: 10000,
  total,
  sheetRow: 2,
  bodyIndex: 0,
});
const plans = planStandings(ledger, [plan("PP1", "P1", 70000), plan("PP2", "P2", 40000), plan("PP3", "P3", 30000)], AS_OF, 10);

describe("collections and payment plans", () => {
  it("leaves off an account keeping up its plan and lists a missed installment whatever the thresholds", () => {
    const list = collectionsWorklist(ledger, { asOf: AS_OF, minBalance: 5000, olderThan: 60, plans });
    // Priority = 176 days × balance: P4 $400 before P2 $300 before P3 $20.
    expect(list.accounts.map((a) => [a.patientId, a.balance, a.note])).toEqual([
      ["P4", 40000, undefined],
      ["P2", 30000, "Missed installment: $100.00 due 2026-06-01"],
      ["P3", 2000, "Missed installment: $200.00 due 2026-05-01"],
    ]);
    expect(list.total).toBe(72000);
    expect(list.onPlan).toEqual([{ patientId: "P1", balance: 50000, note: "On a payment plan" }]);
    const cells = collectionsSheetPlan(list, { minBalance: 5000, olderThan: 60 }).ops[0];
    if (cells.kind !== "reportSheet") throw new Error("not a sheet");
    expect(cells.cells.flat()).toContain("Missed installment: $100.00 due 2026-06-01");
    expect(cells.cells.flat()).toContain("Not proposed, on a payment plan and keeping it: P1 ($500.00)");
  });

  it("is the list it was without plans", () => {
    const list = collectionsWorklist(ledger, { asOf: AS_OF, minBalance: 5000, olderThan: 60 });
    expect(list.accounts.map((a) => a.patientId)).toEqual(["P1", "P4", "P2"]);
    expect(list.onPlan).toEqual([]);
  });

  it("never proposes an account already with a collection agency", () => {
    const patients = ["P1", "P2", "P4"].map((patientId) => ({
      patientId,
      lastName: "Doe",
      firstName: "Pat",
      accountStatus: patientId === "P4" ? ("Collections" as const) : ("Active" as const),
    }));
    const list = collectionsWorklist(ledger, { asOf: AS_OF, minBalance: 5000, olderThan: 60, patients });
    // P4 ($400.00) is with the agency: left off, and out of the total ($700.00 − $200.00 + $300.00).
    expect(list.accounts.map((a) => a.patientId)).toEqual(["P1", "P2"]);
    expect(list.total).toBe(80000);
  });
});
