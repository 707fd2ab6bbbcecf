// A statement for an account on a payment plan (issue 17): the amount due is the installment due, the
// summary still adds up to it, the aging is the plan's, and the sheet, the PDF and the batch say the
// same. The account, worked out by hand:
//   P1 (self-pay) was served $1,200.00 on 2026-10-01 (C1). Plan PP000001 from 2026-11-15: $100.00 a
//   month, total $1,200.00 (12 installments, Nov 15 to Oct 15). P1 paid $100.00 on 11-15 and 12-15.
//   Statement on 2027-01-20, due 30 days later (2027-02-19):
//   - balance 1,200 − 200 = $1,000.00;
//   - installments due by 01-20: Nov, Dec, Jan = $300.00; paid $200.00: $100.00 past due (Jan 15, 5 days);
//   - due by 02-19: Nov to Feb = $400.00 − 200 = $200.00: the amount due; $800.00 on the plan, not due yet.
//   P2 (self-pay) owes $80.00 and is on no plan: the whole of it is due.
import { describe, expect, it } from "vitest";
import { statementBatch } from "../../src/statements/batch";
import { patientStatement } from "../../src/statements/statement";
import { statementBooks } from "../../src/statements/statementBooks";
import { statementPages } from "../../src/statements/statementPdf";
import { statementSheetOp } from "../../src/statements/statementSheet";
import { Charges, PaymentPlans, Patients, Payers, Payments, Postings, Practice, type PaymentPlanRow } from "../../src/workbook/tables";
import { charge, FIXTURE_PAYERS, payment, posting, tableOf } from "../ledger/ledgerFixtures";

const raw = (t: ReturnType<typeof tableOf>) => ({ ...t, sheet: t.name, rowCount: t.rows.length, headerRow: 1 });

function books(
  plans: Partial<PaymentPlanRow>[],
  payments = [payment("M1", 10000, { patientId: "P1", date: "2026-11-15" }), payment("M2", 10000, { patientId: "P1", date: "2026-12-15" })],
) {
  const postings = payments.map((p, i) => posting(`S${i + 1}`, "C1", { paymentId: p.paymentId, paid: p.amount, date: p.date }));
  return statementBooks(
    {
      Charges: raw(
        tableOf(
          Charges,
          [
            charge("C1", { payerId: "SELF", dos: "2026-10-01", amount: 120000 }),
            charge("C2", { patientId: "P2", payerId: "SELF", dos: "2026-12-01", amount: 8000 }),
          ],
          1900,
        ),
      ),
      Payments: raw(tableOf(Payments, payments, 1900)),
      Postings: raw(tableOf(Postings, postings, 1900)),
      Payers: raw(tableOf(Payers, FIXTURE_PAYERS, 1900)),
      Patients: raw(
        tableOf(
          Patients,
          [
            { patientId: "P1", lastName: "Doe", firstName: "Jane", address1: "1 Elm St", city: "Lakeside", state: "IL", zip: "62701" },
            { patientId: "P2", lastName: "Roe", firstName: "Rick", address1: "2 Oak St", city: "Lakeside", state: "IL", zip: "62701" },
          ],
          1900,
        ),
      ),
      Practice: raw(
        tableOf(
          Practice,
          [
            { setting: "Practice Name", value: "Lakeside" },
            { setting: "Statement Due Days", value: "30" },
          ],
          1900,
        ),
      ),
      PaymentPlans: raw(tableOf(PaymentPlans, plans, 1900)),
    },
    1900,
  );
}

const PLAN: Partial<PaymentPlanRow> = {
  paymentPlanId: "PP000001",
  patientId: "P1",
  startDate: "2026-11-15",
  installment: 10000,
  total: 120000,
};
const AT = { date: "2027-01-20", number: "S000001" };

describe("a statement on a payment plan", () => {
  it("asks for the installments due by the due date, and says how the plan stands", () => {
    const doc = patientStatement(books([PLAN]), "P1", AT);
    expect(doc.amountDue).toBe(20000);
    expect(doc.paymentPlan).toEqual({
      text: "Payment plan: $200.00 of $1,200.00 paid, 2 of 12 installments; next $100.00 due 02/15/2027; past due $100.00",
      balance: 100000,
      notYetDue: 80000,
    });
    // The rows run to the balance, then take off what is on the plan: they add up to the amount due.
    expect(doc.summary).toEqual([
      { label: "Charges", amount: 120000 },
      { label: "Insurance paid", amount: 0 },
      { label: "Adjustments", amount: 0 },
      { label: "You paid", amount: -20000 },
      { label: "On your payment plan, not due yet", amount: -80000 },
    ]);
    // Jan 15's $100.00 is 5 days old and Feb 15's is not due yet: all current, so the current message.
    expect(doc.aging).toEqual({ current: 20000, days31to60: 0, days61to90: 0, over90: 0 });
  });

  it("ages a missed installment from its own due date, whatever the age of the services", () => {
    // Only November paid: Dec 15 ($100.00, 36 days) and Jan 15 ($100.00, 5 days) are unpaid; Feb 15 falls due.
    const doc = patientStatement(books([PLAN], [payment("M1", 10000, { patientId: "P1", date: "2026-11-15" })]), "P1", AT);
    expect(doc.amountDue).toBe(30000);
    expect(doc.aging).toEqual({ current: 20000, days31to60: 10000, days61to90: 0, over90: 0 });
  });

  it("asks for the whole balance when the plan is cancelled, or the account has none", () => {
    expect(patientStatement(books([{ ...PLAN, status: "Cancelled" }]), "P1", AT)).toMatchObject({ amountDue: 100000 });
    expect(patientStatement(books([{ ...PLAN, status: "Cancelled" }]), "P1", AT).paymentPlan).toBeUndefined();
    expect(patientStatement(books([PLAN]), "P2", AT)).toMatchObject({ amountDue: 8000 });
  });

  it("adds a balance the plan does not cover, and never asks for more than the balance", () => {
    // A $500.00 plan, $200.00 paid on it: $300.00 left on it, so $700.00 of the $1,000.00 is outside it;
    // plus $400.00 − $200.00 due on it by the due date.
    expect(patientStatement(books([{ ...PLAN, total: 50000 }]), "P1", AT).amountDue).toBe(90000);
    // $900.00 paid on a $1,200.00 plan against a $1,200.00 balance... owing $300.00, asked for at most that.
    const paid = [payment("M1", 90000, { patientId: "P1", date: "2026-11-15" })];
    const doc = patientStatement(books([{ ...PLAN, installment: 100000 }], paid), "P1", AT);
    // Installments of $1,000.00 and $200.00 (Nov 15, Dec 15): due $1,200.00 − 900 = $300.00 = the balance.
    expect(doc.amountDue).toBe(30000);
    expect(doc.paymentPlan?.notYetDue).toBe(0);
  });

  it("says the same on the sheet, the PDF and in the batch", async () => {
    const b = books([PLAN]);
    const doc = patientStatement(b, "P1", AT);
    const text = doc.paymentPlan!.text;
    // Wrapped to the page's width on both.
    const cells = statementSheetOp([doc], "Statement", { dateSystem: 1900 }).cells.flat();
    expect(cells.filter((c) => typeof c === "string").join(" ")).toContain(text);
    expect(cells).toContain("On your payment plan, not due yet");
    const runs = (await statementPages([doc]))[0].runs.map((r) => r.text);
    expect(runs.join(" ")).toContain(text);
    const batch = statementBatch(b, { date: AT.date });
    expect(batch.documents.map((d) => [d.account, d.amountDue])).toEqual([
      ["P1", 20000],
      ["P2", 8000],
    ]);
    expect(batch.documents[0].paymentPlan?.text).toBe(text);
  });

  it("reports a PaymentPlans row that can't be used", () => {
    const b = books([PLAN, { ...PLAN, paymentPlanId: "PP000002" }]);
    expect(b.problems).toContain(
      'PaymentPlans row 3, Status: patient "P1" already has an active plan (PP000001, row 2); one active plan per patient: that plan is left out until it is fixed.',
    );
  });
});
