// An invoice to a payer of type Other (the fixture's lien attorney ATTY, statementFixtures.ts): the
// lines billed to it that it still owes on, its terms and due date, its previous invoice and its
// payments since; payers of another type are refused in words.
import { describe, expect, it } from "vitest";
import { invoiceFor, patientStatement } from "../../src/statements/statement";
import { PRACTICE, RUN_DATE, fixtureBooks } from "./statementFixtures";

const AT = { date: RUN_DATE, number: "I000004" };

describe("invoiceFor", () => {
  const books = fixtureBooks();
  const doc = invoiceFor(books, "ATTY", AT);

  it("lists the lines billed to the payer that it still owes on", () => {
    // C80 (03-01, $500): ATTY paid $200 on 06-15, $300 owing. C81 (06-10, $200) was paid in full: not listed.
    expect(doc.lines).toEqual([
      {
        dos: "2026-03-01",
        description: "Office visit",
        charges: 50000,
        insurancePaid: 20000,
        adjustments: 0,
        patientPaid: 0,
        balance: 30000,
        pendingInsurance: 0,
        due: 30000,
      },
    ]);
    expect(doc.amountDue).toBe(30000);
    expect(doc.pendingInsurance).toBe(0);
    expect(doc.credit).toBe(0);
  });

  it("is addressed to the payer by name, with the practice's terms and the due date they give", () => {
    expect(doc).toMatchObject({
      kind: "Invoice",
      number: "I000004",
      account: "ATTY",
      date: RUN_DATE,
      terms: "Net 15",
      dueDate: "2026-07-15",
    });
    // Payers has no address columns: the invoice carries the name alone.
    expect(doc.to).toEqual({ name: "Vance & Pryor Law", addressLines: [] });
  });

  it("carries the previous invoice and the payer's payments since, and ages what it owes", () => {
    // I000003 (05-31, $500.00); since then AT1's $400 (06-15); AT0 (04-15) is older.
    expect(doc.previousBalance).toBe(50000);
    expect(doc.previousDate).toBe("2026-05-31");
    expect(doc.paymentsSince).toBe(40000);
    // 03-01 to 06-30 is 121 days.
    expect(doc.aging).toEqual({ current: 0, days31to60: 0, days61to90: 0, over90: 30000 });
    expect(doc.message).toBe("Past 90 days.");
  });

  it("uses the statement due days when the terms name no number of days", () => {
    const books = fixtureBooks({ practice: PRACTICE.map((r) => (r.setting === "Invoice Terms" ? { ...r, value: "Due on receipt" } : r)) });
    const receipt = invoiceFor(books, "ATTY", AT);
    expect(receipt.terms).toBe("Due on receipt");
    expect(receipt.dueDate).toBe("2026-07-30");
  });

  it("leaves the lien's share off the patient's amount due: it shows as pending", () => {
    const p8 = patientStatement(books, "P8", { date: RUN_DATE, number: "S1" });
    expect(p8.pendingInsurance).toBe(30000);
    expect(p8.amountDue).toBe(0);
  });

  it("refuses insurers, self-pay and unknown payers, in words", () => {
    expect(() => invoiceFor(books, "MCR", AT)).toThrow(
      "Medicare Part B is a Medicare payer: invoices go only to payers of type Other (insurers are billed with claims).",
    );
    expect(() => invoiceFor(books, "SELF", AT)).toThrow(/type Other \(self-pay patients get statements\)/);
    expect(() => invoiceFor(books, "NOPE", AT)).toThrow('Payer "NOPE" is not in the Payers table, so it can\'t be sent an invoice.');
  });
});
