// A patient statement's figures on the hand-made account P1 (statementFixtures.ts works out each one
// in its comments): the lines by date of service with the practice's own texts, the credit netted in,
// pending insurance apart, previous balance and payments since, the aging summary and its message.
import { describe, expect, it } from "vitest";
import { patientStatement } from "../../src/statements/statement";
import { DOB_P1, MEMBER_P1, RUN_DATE, fixtureBooks } from "./statementFixtures";

const AT = { date: RUN_DATE, number: "S000099" };

describe("patientStatement", () => {
  const books = fixtureBooks();
  const doc = patientStatement(books, "P1", AT);

  it("lists one line per date of service: open lines, and settled ones with activity since the last statement", () => {
    // C6 was settled on 03-20, before the 05-31 statement: not listed. C7 was settled on 06-05: listed
    // once, at 0. C2 and C3 share 04-20. C8 is served after the statement date.
    expect(doc.lines.map((l) => l.dos)).toEqual(["2026-01-05", "2026-02-10", "2026-04-20", "2026-05-15", "2026-06-01", "2026-06-20"]);
    expect(doc.lines.map((l) => l.description)).toEqual([
      "Office visit", // 99213 alone
      "Professional services", // 99212 has no FeeSchedule description
      "Professional services", // two codes on the date
      "Office visit with a procedure", // 99213-25: the description with the modifier wins
      "Nurse visit",
      "Professional services",
    ]);
  });

  it("adds up each date's charges, payments, adjustments and balance, split into due and pending insurance", () => {
    const [c1, c7, april, c4, c9, c5] = doc.lines;
    // C1: $100 − MCR 60 − CO 20 − Jane 10 − 5 = $5.00, all Jane's (PR 20 moved to her).
    expect(c1).toMatchObject({
      charges: 10000,
      insurancePaid: 6000,
      adjustments: 2000,
      patientPaid: 1500,
      balance: 500,
      due: 500,
      pendingInsurance: 0,
    });
    expect(c7).toMatchObject({ charges: 8000, insurancePaid: 6400, adjustments: 1600, patientPaid: 0, balance: 0, due: 0 });
    // C2 + C3: $170 − MCR 90 − CO 35 = $45.00, Jane's (PR 40 + 5).
    expect(april).toMatchObject({
      charges: 17000,
      insurancePaid: 9000,
      adjustments: 3500,
      patientPaid: 0,
      balance: 4500,
      due: 4500,
      pendingInsurance: 0,
    });
    // C4: no answer from Medicare yet: all $100 pending, none due.
    expect(c4).toMatchObject({ charges: 10000, balance: 10000, due: 0, pendingInsurance: 10000 });
    // C9: $50 self-pay, $60 paid: a $10.00 credit, neither due nor pending.
    expect(c9).toMatchObject({ charges: 5000, patientPaid: 6000, balance: -1000, due: 0, pendingInsurance: 0 });
    // C5: $80 self-pay; the $3 paid on 07-01 is after the statement date.
    expect(c5).toMatchObject({ charges: 8000, patientPaid: 0, balance: 8000, due: 8000 });
  });

  it("nets the credit into the amount due and keeps insurance's share apart", () => {
    // Due 5 + 45 + 80 = $130.00, credit −$10.00: $120.00 due; $100.00 pending with Medicare.
    expect(doc.credit).toBe(-1000);
    expect(doc.amountDue).toBe(12000);
    expect(doc.pendingInsurance).toBe(10000);
  });

  it("carries the previous statement's balance and the patient's payments since it", () => {
    // S000010 (05-31, $40.00) is the last before 06-30 (S000005 is older). Since then: PT1 $5 (06-10)
    // and PT2 $60 (06-01); PT0 (05-01) is before it and PT3 (07-01) after the statement date.
    expect(doc.previousBalance).toBe(4000);
    expect(doc.previousDate).toBe("2026-05-31");
    expect(doc.paymentsSince).toBe(6500);
  });

  it("ages what is due from the date of service, the credit paying the oldest first, and picks the message by the oldest", () => {
    // Before the credit: 90+ $5 (C1, 176 days), 61-90 $45 (04-20, 71 days), current $80 (06-20, 10 days).
    // The $10 credit takes the $5 over 90 and $5 of the 61-90: 0 / 40 / 0 / 80, adding up to the $120 due.
    expect(doc.aging).toEqual({ current: 8000, days31to60: 0, days61to90: 4000, over90: 0 });
    const { current, days31to60, days61to90, over90 } = doc.aging;
    expect(current + days31to60 + days61to90 + over90).toBe(doc.amountDue);
    expect(doc.message).toBe("Past 60 days.");
  });

  it("dates, numbers and addresses the statement from the settings and the Patients row, and nothing more", () => {
    expect(doc).toMatchObject({
      kind: "Statement",
      number: "S000099",
      date: RUN_DATE,
      dueDate: "2026-07-30",
      account: "P1",
      periodStart: "2026-01-05",
      periodEnd: "2026-06-20",
    });
    expect(doc.terms).toBeUndefined();
    expect(doc.to).toEqual({ name: "Jane Doe", addressLines: ["4 Oak Ave", "Apt 2", "Lakeside, IL 62701"] });
    expect(doc.practice).toEqual({
      name: "Lakeside Family Practice",
      addressLines: ["12 Harbor Rd", "Lakeside, IL 62701-1234"],
      phone: "217-555-0199",
      remitToLines: ["PO Box 77", "Lakeside, IL 62701-0077"],
    });
    const text = JSON.stringify(doc);
    for (const secret of [DOB_P1, MEMBER_P1, "E11.9", "I10", "99213", "36415"]) expect(text).not.toContain(secret);
  });

  it("is as of its date: a later posting or payment changes nothing on it", () => {
    const earlier = patientStatement(books, "P1", { date: "2026-06-09", number: "S1" });
    // Before PT1 (06-10): C1 still owes $10; C5 not served yet; C7 was settled on 06-05 (after 05-31).
    expect(earlier.lines.map((l) => l.dos)).toEqual(["2026-01-05", "2026-02-10", "2026-04-20", "2026-05-15", "2026-06-01"]);
    expect(earlier.lines[0].due).toBe(1000);
    expect(earlier.paymentsSince).toBe(6000);
    // Due 10 + 45 = 55, credit −10: $45.00.
    expect(earlier.amountDue).toBe(4500);
  });

  it("shows the message of the oldest bucket holding money, and the current message when nothing is owed", () => {
    // Jane pays the $5 of 01-05 and the $45 of 04-20 on 06-25: only the current $80 − the $10 credit is left.
    const paid = fixtureBooks({
      payments: [
        ...fixtureBooks().ledger.payments,
        { paymentId: "PT9", date: "2026-06-25", patientId: "P1", method: "Cash", amount: 5000 },
      ],
      postings: [
        ...fixtureBooks().ledger.postings,
        { postingId: "PS91", chargeId: "C1", paymentId: "PT9", date: "2026-06-25", paid: 500 },
        { postingId: "PS92", chargeId: "C2", paymentId: "PT9", date: "2026-06-25", paid: 4000 },
        { postingId: "PS93", chargeId: "C3", paymentId: "PT9", date: "2026-06-25", paid: 500 },
      ],
    });
    const later = patientStatement(paid, "P1", AT);
    expect(later.aging).toEqual({ current: 7000, days31to60: 0, days61to90: 0, over90: 0 });
    expect(later.message).toBe("Thank you. Please pay by the due date.");
    expect(later.paymentsSince).toBe(11500);
  });

  it("never shows an amount due below zero when the credit is larger than what is owed", () => {
    // P7 paid its $80 visit; then $90 more lands on it: a $90.00 credit and nothing due.
    expect(patientStatement(fixtureBooks(), "P7", AT).amountDue).toBe(0);
    const overpaid = fixtureBooks({
      postings: [...fixtureBooks().ledger.postings, { postingId: "PS99", chargeId: "C70", paymentId: "X", date: "2026-06-01", paid: 9000 }],
      payments: [...fixtureBooks().ledger.payments, { paymentId: "X", date: "2026-06-01", patientId: "P7", amount: 9000 }],
    });
    const credit = patientStatement(overpaid, "P7", AT);
    expect(credit.credit).toBe(-9000);
    expect(credit.amountDue).toBe(0);
    expect(credit.aging).toEqual({ current: 0, days31to60: 0, days61to90: 0, over90: 0 });
  });

  it("refuses an account that is not in Patients, in words", () => {
    expect(() => patientStatement(books, "PX", AT)).toThrow(/Account "PX" is not in the Patients table/);
  });
});
