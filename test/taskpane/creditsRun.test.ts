// The credits section's work on a memory workbook: the credits and register read in one go, a line
// credit refunded through the one refund plan (previewed, then written only on unchanged books), the
// check recorded on its register row, and a refund refused when someone else changed the books.
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/workbook/plan";
import { planRefund, postRefund, readCreditBooks, recordCheck } from "../../taskpane/accounts/creditsRun";
import { readCreditRefundForm, newCreditRefundForm } from "../../taskpane/accounts/creditsView";
import { ledgerWorkbook } from "../ledger/ledgerFixtures";
import { AS_OF, creditBooks } from "../credits/creditFixtures";
import { NOW, planInputs } from "../ledger/postingPlansFlow";
import { refundPlan } from "../../src/credits/refundPlan";

describe("credits run", () => {
  it("refunds a Medicare line credit, then records its check, and the credit and the unpaid flag are gone", async () => {
    const book = ledgerWorkbook(creditBooks());
    const books = await readCreditBooks(book, AS_OF);
    expect(books.credits.map((c) => c.amount)).toEqual([5000, 8000, 2000, 4000]);
    const credit = books.credits[1];
    const read = readCreditRefundForm(credit, { ...newCreditRefundForm(credit, AS_OF), reason: "Duplicate payment" });
    if (!read.ok) throw new Error("form");
    const result = planRefund(books, read.refund);
    if (!result.ok) throw new Error(result.problems.join(" "));
    const posted = await postRefund(book, books, result);
    expect(posted.ok).toBe(true);

    const after = await readCreditBooks(book, AS_OF);
    expect(after.credits.map((c) => c.paymentId)).toEqual(["PM6", "PM1", "PM4"]);
    expect(after.register.entries.map((e) => [e.refundId, e.amount, e.paid])).toEqual([["RF000001", 8000, false]]);

    const checked = await recordCheck(book, { refundId: "RF000001", checkNumber: "7001", date: AS_OF }, AS_OF);
    expect(checked).toMatchObject({ ok: true, what: "refund RF000001: check 7001 paid 2026-03-01" });
    const last = await readCreditBooks(book, AS_OF);
    expect(last.register.entries.map((e) => [e.checkNumber, e.paidDate, e.paid])).toEqual([["7001", AS_OF, true]]);
  });

  it("writes nothing when the books changed since the preview", async () => {
    const book = ledgerWorkbook(creditBooks());
    const books = await readCreditBooks(book, AS_OF);
    const result = planRefund(books, { paymentId: "PM1", amount: 1000, date: AS_OF, method: "Check", reason: "Prepaid" });
    if (!result.ok) throw new Error(result.problems.join(" "));
    // Someone else refunds from PM1 first, through the same plan.
    const { ledger, ctx } = await planInputs(book);
    const theirs = refundPlan(ledger, ctx, { paymentId: "PM1", amount: 500, date: AS_OF, method: "Check", reason: "Prepaid" });
    if (!theirs.ok) throw new Error(theirs.problems.join(" "));
    await applyPlan(book, theirs.plan, NOW);
    const posted = await postRefund(book, books, result);
    expect(posted).toMatchObject({ ok: false, changed: ["Payments", "Refunds"] });
    expect(!posted.ok && posted.error).toBe(
      "The Payments and Refunds tables changed since this preview (someone else may be posting): preview again before refunding. Nothing was written.",
    );
    expect((await readCreditBooks(book, AS_OF)).register.entries).toHaveLength(1);
  });
});
