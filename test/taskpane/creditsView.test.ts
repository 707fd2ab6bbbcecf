// The credits section's words: each credit's row with Medicare's badge (overdue in red words), the
// headline, the refund form prefilled and read into the refund plan's input, the register's rows
// (unpaid first) and the check form.
import { describe, expect, it } from "vitest";
import { creditBalances } from "../../src/credits/creditBalances";
import type { RegisterEntry } from "../../src/credits/refundRegister";
import {
  creditRows,
  creditsHeadline,
  newCreditRefundForm,
  readCheckForm,
  readCreditRefundForm,
  registerRows,
} from "../../taskpane/accounts/creditsView";
import { ledgerOf } from "../ledger/ledgerFixtures";
import { AS_OF, creditBooks } from "../credits/creditFixtures";

const credits = creditBalances(ledgerOf(creditBooks()), AS_OF);

describe("credits view", () => {
  it("shows each credit with who, how much and Medicare's days left, overdue flagged", () => {
    expect(creditRows(credits).map((r) => [r.title, r.amount, r.badge])).toEqual([
      ["Payer MCR · PM6", "$50.00", { text: "30 days overdue", overdue: true }],
      ["Payer MCR · PM3 · line L1", "$80.00", { text: "51 days left", overdue: false }],
      ["Patient P1 · PM1", "$20.00", undefined],
      ["Patient P2 · PM4 · line L2", "$40.00", undefined],
    ]);
    expect(creditRows(credits)[1].identified).toBe("Identified 2026-02-20 · account P1");
    expect(creditsHeadline(credits)).toBe("4 credits, $190.00; Medicare 2, 1 overdue (refund within 60 days).");
    expect(creditsHeadline([])).toMatch(/^No credit balances/);
  });

  it("prefills the refund from the credit and reads it into the plan's input, the reason required", () => {
    const line = credits[1];
    const form = newCreditRefundForm(line, "2026-03-01");
    expect(form).toEqual({ to: "Payer", amount: "$80.00", date: "2026-03-01", reason: "", check: "" });
    expect(readCreditRefundForm(line, form)).toEqual({
      ok: false,
      errors: { reason: "Say why the money is refunded: the refund register needs a reason." },
    });
    expect(readCreditRefundForm(line, { ...form, amount: "60", reason: " Paid twice ", check: "881" })).toEqual({
      ok: true,
      refund: {
        paymentId: "PM3",
        chargeId: "L1",
        to: "Payer",
        amount: 6000,
        date: "2026-03-01",
        method: "Check",
        reference: "881",
        reason: "Paid twice",
      },
    });
  });

  it("lists the register unpaid first, and reads the check form", () => {
    const entry = (refundId: string, date: string, checkNumber?: string): RegisterEntry => ({
      refundId,
      date,
      to: "Patient",
      patientId: "P1",
      amount: 1000,
      reason: "Overpaid",
      sheetRow: 2,
      paid: checkNumber !== undefined,
      ...(checkNumber ? { checkNumber, paidDate: date } : {}),
    });
    const rows = registerRows([entry("RF000001", "2026-02-01", "100"), entry("RF000002", "2026-02-05")]);
    expect(rows.map((r) => [r.refundId, r.unpaid, r.detail])).toEqual([
      ["RF000002", true, "Unpaid · Overpaid"],
      ["RF000001", false, "Paid by check 100 on 2026-02-01 · Overpaid"],
    ]);
    expect(readCheckForm({ check: " ", date: "" })).toEqual({
      ok: false,
      errors: { check: "Enter the check number.", date: "Enter the day the check was paid." },
    });
    expect(readCheckForm({ check: "4411", date: "2026-03-02" })).toEqual({ ok: true, checkNumber: "4411", date: "2026-03-02" });
  });
});
