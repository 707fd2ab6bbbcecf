// The Month-end close panel without React: its run (what is closed, the preview, closing, reopening,
// on a memory workbook holding November's books) and its view (the form's defaults and mistakes, the
// equation and its verdict, the reopen form's required reason); and the Post payments panel's write
// refused in a closed period, its notice the sentence (billerMessage), nothing written.
import { describe, expect, it } from "vitest";
import { insurancePaymentPlan } from "../../src/ledger/postingPlans";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { PlanRejected } from "../../src/workbook/port";
import { Audit, PeriodClose, ProviderAdjustments, type PeriodCloseRow } from "../../src/workbook/tables";
import { billerMessage } from "../../taskpane/billerMessage";
import { closeTheBooks, previewClose, readClosedBooks, reopenTheBooks } from "../../taskpane/close/closeRun";
import { closeButtonLabel, closedStatus, equationView, newCloseForm, readCloseForm, readReopenForm } from "../../taskpane/close/closeView";
import { postOnBooks, readPaymentBooks } from "../../taskpane/payments/paymentBooks";
import { FIXTURE_PAYERS, ledgerWorkbook, tableOf } from "../ledger/ledgerFixtures";
import { NOVEMBER } from "../close/closeFixtures";

function novemberBook(periodClose: PeriodCloseRow[] = []): MemoryWorkbook {
  const ledger = ledgerWorkbook({ ...NOVEMBER, payers: FIXTURE_PAYERS });
  return MemoryWorkbook.withTables([
    ...ledger.sheets.map((s) => s.table!),
    tableOf(ProviderAdjustments, NOVEMBER.providerAdjustments, 1900),
    tableOf(PeriodClose, periodClose, 1900),
    tableOf(Audit, [], 1900),
  ]);
}

describe("the close panel's run", () => {
  it("previews November: the figures as worked out by hand, tying, and nothing written", async () => {
    const workbook = novemberBook();
    const before = structuredClone(workbook.sheets);
    const preview = await previewClose(workbook, { from: "2026-11-01", through: "2026-11-30" });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const view = equationView(preview.report);
    expect(view.rows.map((r) => [r.label, r.amount])).toEqual([
      ["A/R at start (2026-10-31)", "$30.00"],
      ["+ Charges (1 line)", "$150.00"],
      ["− Payments received (2 payments)", "$152.50"],
      ["− Adjustments", "$45.00"],
      ["+ Refunds (1 refund)", "$30.00"],
      ["± Provider-level items (PLB) (1 item)", "$2.50"],
      ["± Postings out of step", "$0.00"],
      ["= A/R at end, from the flows", "$15.00"],
      ["A/R at end, from the balances (2026-11-30)", "$15.00"],
    ]);
    expect(view.rows.filter((r) => r.total).map((r) => r.label)).toEqual([
      "A/R at start (2026-10-31)",
      "= A/R at end, from the flows",
      "A/R at end, from the balances (2026-11-30)",
    ]);
    expect(view).toMatchObject({ ties: true, verdict: "Ties to the cent" });
    expect(workbook.sheets).toEqual(before);
  });

  it("closes, says what is closed, refuses closing again, then reopens with a reason", async () => {
    const workbook = novemberBook();
    expect(closedStatus(await readClosedBooks(workbook))).toBe("The books are not closed.");
    const done = await closeTheBooks(workbook, { from: "2026-11-01", through: "2026-11-30" }, "2026-12-02");
    expect(done.ok).toBe(true);
    expect(closedStatus(await readClosedBooks(workbook))).toBe("The books are closed through 2026-11-30 (closed on 2026-12-02).");
    expect(await workbook.readSheet("Close 2026-11")).toBeDefined();

    expect(await closeTheBooks(workbook, { from: "2026-11-01", through: "2026-11-30" }, "2026-12-02")).toEqual({
      ok: false,
      problems: ["The books are already closed through 2026-11-30."],
    });
    expect(await reopenTheBooks(workbook, { reason: "" }, "2026-12-03")).toMatchObject({ ok: false });
    const reopened = await reopenTheBooks(workbook, { reason: "late EOB" }, "2026-12-03");
    expect(reopened).toMatchObject({
      ok: true,
      what: "reopened the books: nothing is closed (was closed through 2026-11-30); reason: late EOB",
    });
    expect(closedStatus(await readClosedBooks(workbook))).toBe("The books are not closed (reopened on 2026-12-03).");
  });
});

describe("the close panel's view", () => {
  it("opens on last month, from the day after the last close", () => {
    expect(newCloseForm("2026-12-07", undefined)).toEqual({ from: "2026-11-01", through: "2026-11-30" });
    expect(newCloseForm("2026-12-07", "2026-10-15")).toEqual({ from: "2026-10-16", through: "2026-11-30" });
    expect(closeButtonLabel("2026-11-30")).toBe("Close the books through 2026-11-30");
  });

  it("reads typed dates, and says on each field what does not read", () => {
    expect(readCloseForm({ from: "11/1/2026", through: "2026-11-30" })).toEqual({
      ok: true,
      period: { from: "2026-11-01", through: "2026-11-30" },
    });
    expect(readCloseForm({ from: "", through: "2026-11-31" })).toEqual({
      ok: false,
      errors: { from: "Enter the first day of the period, like 2026-11-01.", through: '"2026-11-31" is not a real calendar date.' },
    });
    expect(readCloseForm({ from: "2026-12-01", through: "2026-11-30" })).toEqual({
      ok: false,
      errors: { through: "The period ends (2026-11-30) before it starts (2026-12-01)." },
    });
  });

  it("needs a reason to reopen", () => {
    expect(readReopenForm({ through: "", reason: "  " })).toEqual({
      ok: false,
      errors: { reason: "Say why the books are reopened (for example: a late EOB for November)." },
    });
    expect(readReopenForm({ through: "2026-10-31", reason: "late EOB" })).toEqual({
      ok: true,
      reopening: { through: "2026-10-31", reason: "late EOB" },
    });
  });
});

describe("the Post payments panel in a closed period", () => {
  it("refuses a payment dated in it with the sentence as its notice, and writes nothing; after it, posts", async () => {
    const workbook = novemberBook([{ date: "2026-12-02", action: "Closed", closedThrough: "2026-11-30" }]);
    const books = await readPaymentBooks(workbook, "2026-12-07");
    const plan = (date: string) => {
      const result = insurancePaymentPlan(
        books.ledger,
        books.ctx,
        { from: { payerId: "MCR" }, date, method: "EFT", reference: "TRN 55", amount: 1000 },
        [{ chargeId: "C1", paid: 1000 }],
      );
      if (!result.ok) throw new Error(result.problems.join(" "));
      return result.plan;
    };
    const before = structuredClone(workbook.sheets);
    const refused = await postOnBooks(workbook, books, plan("2026-11-29")).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlanRejected);
    expect(billerMessage(refused, "Could not post the payment")).toEqual({
      title: "Could not post the payment",
      body:
        "The books are closed through 2026-11-30: this would record a payment dated 2026-11-29 (and 1 more row dated on or before 2026-11-30). " +
        "Date it after 2026-11-30, or reopen November 2026 in Month-end close (with a reason). Nothing was written.",
    });
    expect(workbook.sheets).toEqual(before);
    expect(await postOnBooks(workbook, books, plan("2026-12-01"))).toMatchObject({ ok: true });
  });
});
