// Payment plans (issue 17): the schedule, the standing on a date (paid, behind, next, missed after the
// grace days), the PaymentPlans rows' checks, and the plans that create and cancel a plan. Figures are
// worked out by hand in each test.
import { describe, expect, it } from "vitest";
import { planBooks, planGraceDays, readPlanBooks } from "../../src/plans/planBooks";
import {
  planDueBy,
  planSchedule,
  planStandings,
  planStandingText,
  readPaymentPlans,
  scheduleText,
  type PaymentPlan,
} from "../../src/plans/paymentPlans";
import { cancelPlanPlan, newPlanPlan } from "../../src/plans/planWriting";
import { ledgerFromTables } from "../../src/ledger/ledger";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { parseTable } from "../../src/workbook/mapTable";
import { Charges, PaymentPlans, Patients, Payers, Payments, Postings, Practice, type PaymentPlanRow } from "../../src/workbook/tables";
import { charge, FIXTURE_PAYERS, ledgerOf, payment, posting, refund, tableOf } from "../ledger/ledgerFixtures";

const plan = (fields: Partial<PaymentPlan> = {}): PaymentPlan => ({
  paymentPlanId: "PP000001",
  patientId: "P1",
  startDate: "2026-01-15",
  installment: 10000,
  total: 35000,
  status: "Active",
  sheetRow: 2,
  bodyIndex: 0,
  ...fields,
});

describe("a plan's schedule", () => {
  it("is one installment a month from the start, the last the remainder", () => {
    // $350.00 at $100.00: 4 installments, the last $50.00.
    expect(planSchedule(plan())).toEqual([
      { number: 1, date: "2026-01-15", amount: 10000 },
      { number: 2, date: "2026-02-15", amount: 10000 },
      { number: 3, date: "2026-03-15", amount: 10000 },
      { number: 4, date: "2026-04-15", amount: 5000 },
    ]);
  });

  it("starts on the first day of the month on or after the start date, and a short month's last day stands in", () => {
    const dates = planSchedule(plan({ startDate: "2026-01-20", dayOfMonth: 31, total: 40000 })).map((i) => i.date);
    expect(dates).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(planSchedule(plan({ startDate: "2026-01-20", dayOfMonth: 5, total: 20000 })).map((i) => i.date)).toEqual([
      "2026-02-05",
      "2026-03-05",
    ]);
    // Across a year's end, a leap year's February.
    expect(planSchedule(plan({ startDate: "2027-12-29", total: 30000 })).map((i) => i.date)).toEqual([
      "2027-12-29",
      "2028-01-29",
      "2028-02-29",
    ]);
  });

  it("reads as a line for the preview", () => {
    expect(scheduleText(planSchedule(plan()))).toBe("4 installments of $100.00 from 2026-01-15, the last $50.00 on 2026-04-15.");
    expect(scheduleText(planSchedule(plan({ total: 30000 })))).toBe("3 installments of $100.00 from 2026-01-15, the last on 2026-03-15.");
  });
});

describe("where a plan stands", () => {
  const ledger = (payments = [payment("M1", 10000, { patientId: "P1", date: "2026-01-15" })]) =>
    ledgerOf({ charges: [charge("C1", { amount: 50000 })], payments });

  it("counts the patient's own payments from the start: paid, made, behind and the next installment", () => {
    const payments = [
      payment("M0", 2500, { patientId: "P1", date: "2026-01-10" }), // before the start: not toward the plan
      payment("M1", 10000, { patientId: "P1", date: "2026-01-15" }),
      payment("M2", 4000, { patientId: "P1", date: "2026-02-20" }),
      payment("M3", 9000, { date: "2026-02-21" }), // the payer's: not the patient's
      refund("R1", "M1", 1000, { patientId: "P1", date: "2026-02-22" }), // negative: not a payment
      payment("M4", 10000, { patientId: "P1", date: "2026-04-01" }), // after the date
    ];
    const [s] = planStandings(ledger(payments), [plan()], "2026-03-01", 10);
    // Paid $140.00; due by 2026-03-01: Jan 15 + Feb 15 = $200.00; behind $60.00.
    expect(s.paid).toBe(14000);
    expect(s.dueSoFar).toBe(20000);
    expect(s.behind).toBe(6000);
    expect(s.made).toBe(1);
    expect(s.remaining).toBe(21000);
    // The Feb 15 installment is $60.00 short and 14 days late: missed after 10 days of grace.
    expect(s.missed).toEqual({ date: "2026-02-15", amount: 6000 });
    expect(s.state).toBe("Missed");
    expect(s.next).toEqual({ date: "2026-03-15", amount: 10000 });
    expect(planStandingText(s)).toBe(
      "Payment plan: $140.00 of $350.00 paid, 1 of 4 installments; next $100.00 due 2026-03-15; past due $60.00",
    );
  });

  it("is behind but not missed within the grace days, and current when paid up", () => {
    const late = planStandings(ledger(), [plan()], "2026-02-25", 10)[0];
    // Feb 15 unpaid, 10 days: not more than the grace.
    expect(late.behind).toBe(10000);
    expect(late.missed).toBeUndefined();
    expect(late.state).toBe("Behind");
    expect(planStandings(ledger(), [plan()], "2026-02-26", 10)[0].state).toBe("Missed");
    const early = planStandings(ledger([payment("M1", 10000, { patientId: "P1", date: "2026-01-14" })]), [plan()], "2026-02-10", 10)[0];
    // A payment the day before the Jan 15 start does not count.
    expect(early.paid).toBe(0);
    expect(early.state).toBe("Missed");
    const paid = planStandings(ledger(), [plan()], "2026-02-10", 10)[0];
    expect(paid.state).toBe("Current");
    expect(paid.next).toEqual({ date: "2026-02-15", amount: 10000 });
  });

  it("takes a payment ahead off the next installment, and what the plan asks by a due date", () => {
    const ahead = ledger([payment("M1", 13000, { patientId: "P1", date: "2026-01-15" })]);
    const [s] = planStandings(ahead, [plan()], "2026-01-20", 10);
    expect(s.next).toEqual({ date: "2026-02-15", amount: 7000 });
    // By 2026-03-20: $300.00 due, $130.00 paid.
    expect(planDueBy(s, "2026-03-20")).toBe(17000);
  });

  it("is completed when the total is paid, and a cancelled plan is never due", () => {
    const [done] = planStandings(ledger([payment("M1", 35000, { patientId: "P1", date: "2026-01-15" })]), [plan()], "2026-06-01", 10);
    expect(done.state).toBe("Completed");
    expect(done.made).toBe(4);
    expect(planDueBy(done, "2026-07-01")).toBe(0);
    const [cancelled] = planStandings(ledger(), [plan({ status: "Cancelled" })], "2026-06-01", 10);
    expect(cancelled).toMatchObject({ state: "Cancelled", behind: 0, dueSoFar: 0 });
    expect(cancelled.next).toBeUndefined();
    expect(planStandingText(cancelled)).toBe("Payment plan: $100.00 of $350.00 paid, 1 of 4 installments; cancelled");
  });

  it("gives a payment to the plan that started last on or before it", () => {
    const old = plan({ paymentPlanId: "PP1", status: "Cancelled", startDate: "2025-06-01" });
    const now = plan({ paymentPlanId: "PP2" });
    const payments = [
      payment("M1", 5000, { patientId: "P1", date: "2025-07-01" }),
      payment("M2", 10000, { patientId: "P1", date: "2026-01-16" }),
    ];
    const [a, b] = planStandings(ledger(payments), [old, now], "2026-02-01", 10);
    expect(a.paid).toBe(5000);
    expect(b.paid).toBe(10000);
  });
});

describe("the PaymentPlans rows", () => {
  const patients = [
    { patientId: "P1", lastName: "Doe", firstName: "Jane" },
    { patientId: "P2", lastName: "Roe", firstName: "Rick" },
  ];
  const rows: Partial<PaymentPlanRow>[] = [
    { paymentPlanId: "PP000001", patientId: "P1", startDate: "2026-01-15", installment: 10000, total: 50000 },
    { paymentPlanId: "PP000002", patientId: "P1", startDate: "2026-02-15", installment: 10000, total: 50000, status: "Active" },
    { paymentPlanId: "PP000003", patientId: "P2", startDate: "2026-01-15", installment: 10000, total: 5000 },
    { paymentPlanId: "PP000004", patientId: "P2", startDate: "2026-01-15", installment: 0, total: 5000 },
    { paymentPlanId: "PP000005", patientId: "P9", startDate: "2026-01-15", installment: 1000, total: 5000 },
    { paymentPlanId: "PP000006", patientId: "P2", startDate: "2026-01-15", installment: 1000, total: 5000, dayOfMonth: 32 },
    { paymentPlanId: "PP000007", patientId: "P2", startDate: "2026-01-15", installment: 1000, total: 5000, status: "Cancelled" },
  ];

  it("keeps the good ones and says what is wrong with the others", () => {
    const raw = { ...tableOf(PaymentPlans, rows, 1900), sheet: "PaymentPlans", rowCount: rows.length, headerRow: 1 };
    const { plans, problems } = readPaymentPlans(raw, 1900, patients);
    expect(plans.map((p) => p.paymentPlanId)).toEqual(["PP000001", "PP000007"]);
    expect(plans[1]).toMatchObject({ sheetRow: 8, bodyIndex: 6 });
    expect(problems).toEqual([
      'PaymentPlans row 3, Status: patient "P1" already has an active plan (PP000001, row 2); one active plan per patient: that plan is left out until it is fixed.',
      "PaymentPlans row 4, Plan Total: the plan total $50.00 is less than one installment of $100.00: that plan is left out until it is fixed.",
      "PaymentPlans row 5, Installment: the installment is $0.00: it must be more than $0.00: that plan is left out until it is fixed.",
      'PaymentPlans row 6, PatientID: patient "P9" is not in the Patients table: that plan is left out until it is fixed.',
      "PaymentPlans row 7, Day of Month: 32 is not a day of the month (1 to 31): that plan is left out until it is fixed.",
    ]);
  });
});

/** A workbook with P1 owing $500.00 (self-pay), P2 owing nothing, and a Practice table. */
function planWorkbook(plans: Partial<PaymentPlanRow>[] = [], practice: { setting: string; value: string }[] = []) {
  const charges = [charge("C1", { payerId: "SELF", amount: 50000 }), charge("C2", { patientId: "P2", payerId: "SELF", amount: 8000 })];
  const payments = [payment("M1", 8000, { patientId: "P2" })];
  const postings = [posting("S1", "C2", { paymentId: "M1", paid: 8000 })];
  return MemoryWorkbook.withTables([
    tableOf(Charges, charges, 1900),
    tableOf(Payments, payments, 1900),
    tableOf(Postings, postings, 1900),
    tableOf(Payers, FIXTURE_PAYERS, 1900),
    tableOf(
      Patients,
      [
        { patientId: "P1", lastName: "Doe", firstName: "Jane" },
        { patientId: "P2", lastName: "Roe", firstName: "Rick" },
      ],
      1900,
    ),
    tableOf(PaymentPlans, plans, 1900),
    tableOf(Practice, practice, 1900),
  ]);
}

describe("a new plan", () => {
  it("appends one PaymentPlans row with the next id, the total the balance when not given", async () => {
    const workbook = planWorkbook([
      { paymentPlanId: "PP000009", patientId: "P2", startDate: "2025-01-15", installment: 1000, total: 5000, status: "Completed" },
    ]);
    const books = await readPlanBooks(workbook);
    const result = newPlanPlan(
      books,
      { patientId: "P1", installment: 15000, startDate: "2026-03-01", dayOfMonth: 15, note: "=call first" },
      "2026-02-20",
    );
    if (!result.ok) throw new Error(result.problems.join(" "));
    expect(result.row).toMatchObject({ paymentPlanId: "PP000010", total: 50000, dayOfMonth: 15, status: "Active" });
    expect(scheduleText(result.schedule)).toBe("4 installments of $150.00 from 2026-03-15, the last $50.00 on 2026-06-15.");
    await applyPlan(workbook, result.plan);
    const after = await workbook.readTables(["PaymentPlans", "Audit"]);
    const rows = parseTable(PaymentPlans, after.PaymentPlans!, 1900).rows;
    expect(rows[1]).toMatchObject({ paymentPlanId: "PP000010", patientId: "P1", installment: 15000, total: 50000, note: "=call first" });
    expect(after.Audit!.rows).toHaveLength(1);
  });

  it("is refused, in words, for an account that owes nothing, a total over the balance, and bad figures", async () => {
    const books = await readPlanBooks(planWorkbook());
    const refused = (request: Parameters<typeof newPlanPlan>[1]) => {
      const result = newPlanPlan(books, request, "2026-02-20");
      return result.ok ? [] : result.problems;
    };
    expect(refused({ patientId: "P2", installment: 1000, startDate: "2026-03-01" })).toEqual([
      "Patient P2 owes nothing now (patient balance $0.00): there is nothing to put on a plan.",
    ]);
    expect(refused({ patientId: "P1", installment: 1000, startDate: "2026-03-01", total: 60000 })).toEqual([
      "The plan total $600.00 is more than the patient's balance of $500.00.",
    ]);
    expect(refused({ patientId: "P1", installment: 0, startDate: "2026-02-30", dayOfMonth: 40 })).toEqual([
      "The installment must be more than $0.00.",
      'The start date "2026-02-30" is not a date (write it like 2027-01-15).',
      'The day of the month "40" is not a day from 1 to 31.',
    ]);
    expect(refused({ patientId: "P7", installment: 1000, startDate: "2026-03-01" })).toEqual([
      'Patient "P7" is not in the Patients table.',
    ]);
  });

  it("is refused when the patient has an active plan; cancelling that one sets its Status and nothing else", async () => {
    const workbook = planWorkbook([
      { paymentPlanId: "PP000001", patientId: "P2", startDate: "2025-01-15", installment: 1000, total: 5000, status: "Completed" },
      { paymentPlanId: "PP000002", patientId: "P1", startDate: "2026-01-15", installment: 10000, total: 50000 },
    ]);
    const books = await readPlanBooks(workbook);
    const again = newPlanPlan(books, { patientId: "P1", installment: 1000, startDate: "2026-03-01" }, "2026-02-20");
    expect(again.ok ? [] : again.problems).toEqual([
      "Patient P1 already has an active payment plan (PP000002, PaymentPlans row 3): cancel it first.",
    ]);
    expect(cancelPlanPlan(books, "PP000001")).toEqual({
      ok: false,
      problems: ["Payment plan PP000001 is Completed, not active: there is nothing to cancel."],
    });
    const cancel = cancelPlanPlan(books, "pp000002");
    if (!cancel.ok) throw new Error(cancel.problems.join(" "));
    await applyPlan(workbook, cancel.plan);
    const after = await workbook.readTables(["PaymentPlans"]);
    expect(parseTable(PaymentPlans, after.PaymentPlans!, 1900).rows.map((r) => r.status)).toEqual(["Completed", "Cancelled"]);
    const reread = await readPlanBooks(workbook);
    expect(newPlanPlan(reread, { patientId: "P1", installment: 1000, startDate: "2026-03-01" }, "2026-02-20").ok).toBe(true);
  });
});

describe("the grace days", () => {
  it("are the Practice's Plan Grace Days, 10 when blank, and a bad one is said", () => {
    const practice = (value: string) => ({
      ...tableOf(Practice, [{ setting: "Plan Grace Days", value }], 1900),
      sheet: "Practice",
      rowCount: 1,
      headerRow: 1,
    });
    expect(planGraceDays(undefined, 1900)).toEqual({ days: 10 });
    expect(planGraceDays(practice("15 days"), 1900)).toEqual({ days: 15 });
    expect(planGraceDays(practice("soon"), 1900)).toEqual({
      days: 10,
      problem: 'Practice setting "Plan Grace Days": "soon" is not a whole number of days (0 or more); 10 is used until it is corrected.',
    });
  });

  it("reach the books", () => {
    const tables = {
      Practice: { ...tableOf(Practice, [{ setting: "Plan Grace Days", value: "3" }], 1900), sheet: "Practice", rowCount: 1, headerRow: 1 },
    };
    expect(planBooks(ledgerFromTables({}, 1900), tables, 1900).graceDays).toBe(3);
  });
});
