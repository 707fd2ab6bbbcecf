// The Payment plans section apart from React (issue 17): the plans read with their standing, behind first,
// each patient with what they owe; a plan created on the workbook (one PaymentPlans row and its Audit
// row) or refused with nothing written; the form read into a request and the schedule's preview line.
// The workbook: P1 (self-pay) owes $500.00 with plan PP000001 from 2026-04-15, $100.00 a month, nothing
// paid (as of 2026-06-30: $300.00 behind, missed since Apr 15); P2 owes $300.00, no plan.
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { parseTable } from "../../src/workbook/mapTable";
import { Charges, Patients, PaymentPlans, Payers, Payments, Postings } from "../../src/workbook/tables";
import { createPaymentPlan, readPlansPane } from "../../taskpane/accounts/paymentPlansRun";
import { newPlanForm, planRows, plansSummary, readPlanForm, schedulePreview } from "../../taskpane/accounts/paymentPlansView";
import { charge, FIXTURE_PAYERS, tableOf } from "../ledger/ledgerFixtures";

const TODAY = "2026-06-30";

function workbook() {
  return MemoryWorkbook.withTables([
    tableOf(
      Charges,
      [charge("C1", { payerId: "SELF", amount: 50000 }), charge("C2", { patientId: "P2", payerId: "SELF", amount: 30000 })],
      1900,
    ),
    tableOf(Payments, [], 1900),
    tableOf(Postings, [], 1900),
    tableOf(Payers, FIXTURE_PAYERS, 1900),
    tableOf(
      Patients,
      [
        { patientId: "P1", lastName: "Doe", firstName: "Jane" },
        { patientId: "P2", lastName: "Roe", firstName: "Rick" },
      ],
      1900,
    ),
    tableOf(
      PaymentPlans,
      [{ paymentPlanId: "PP000001", patientId: "P1", startDate: "2026-04-15", installment: 10000, total: 50000 }],
      1900,
    ),
  ]);
}

describe("the Payment plans section", () => {
  it("reads the plans with their standing and each patient's balance", async () => {
    const pane = await readPlansPane(workbook(), TODAY);
    expect(pane.patients).toEqual([
      { patientId: "P1", name: "Doe, Jane", due: 50000 },
      { patientId: "P2", name: "Roe, Rick", due: 30000 },
    ]);
    expect(planRows(pane.standings, pane.books.patients)).toEqual([
      {
        key: "PP000001",
        title: "Doe, Jane · P1 · PP000001",
        state: "Missed",
        tone: "danger",
        detail:
          "Payment plan: $0.00 of $500.00 paid, 0 of 5 installments; next $100.00 due 2026-07-15; past due $300.00 (missed since 2026-04-15)",
      },
    ]);
    expect(plansSummary(pane.standings)).toBe("1 plan, 1 behind ($300.00 past due).");
    expect(plansSummary([])).toBe("No payment plans yet.");
  });

  it("creates a plan, or says why not and writes nothing", async () => {
    const wb = workbook();
    const refused = await createPaymentPlan(wb, { patientId: "P1", installment: 5000, startDate: "2026-07-01" }, TODAY);
    expect(refused).toEqual({
      ok: false,
      problems: ["Patient P1 already has an active payment plan (PP000001, PaymentPlans row 2): cancel it first."],
    });
    expect((await wb.readTables(["Audit"])).Audit).toBeUndefined();
    const done = await createPaymentPlan(wb, { patientId: "P2", installment: 5000, startDate: "2026-07-01", dayOfMonth: 10 }, TODAY);
    if (!done.ok) throw new Error(done.problems.join(" "));
    expect(done.what).toBe("payment plan PP000002 for account P2: 6 installments of $50.00 from 2026-07-10, the last on 2026-12-10");
    const rows = parseTable(PaymentPlans, (await wb.readTables(["PaymentPlans"])).PaymentPlans!, 1900).rows;
    expect(rows[1]).toMatchObject({ paymentPlanId: "PP000002", patientId: "P2", total: 30000, dayOfMonth: 10, status: "Active" });
  });

  it("reads the form, each mistake on its field, and previews the schedule", () => {
    const form = { ...newPlanForm(TODAY), patientId: "P2", installment: "100", day: "15" };
    expect(readPlanForm(form, 30000)).toEqual({
      ok: true,
      request: { patientId: "P2", installment: 10000, startDate: TODAY, dayOfMonth: 15 },
    });
    expect(schedulePreview(form, 25000)).toBe("3 installments of $100.00 from 2026-07-15, the last $50.00 on 2026-09-15.");
    expect(readPlanForm({ ...form, installment: "0", day: "32", total: "400", start: "soon" }, 30000)).toEqual({
      ok: false,
      errors: {
        installment: "An amount more than $0.00, like 50.00.",
        start: "A date like 2027-01-15.",
        day: "A day from 1 to 31, or blank.",
        total: "No more than the balance, $300.00.",
      },
    });
    expect(schedulePreview(newPlanForm(TODAY), undefined)).toBe(
      "Fill in the patient, the installment and the start date to see the schedule.",
    );
  });
});
