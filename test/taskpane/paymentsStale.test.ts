// Posting from the Post payments panel when someone else posts in between (issue 12): a payment, a
// reversal and a refund previewed on the books as read are each refused, with nothing written, when
// the ledger tables changed before Post; unchanged, each posts. Without React, through postOnBooks,
// the one way the panel writes.
import { describe, expect, it } from "vitest";
import { insurancePaymentPlan, refundPlan, reversalPlan, type PlanResult } from "../../src/ledger/postingPlans";
import { applyPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { postOnBooks, readPaymentBooks, type PaymentBooks } from "../../taskpane/payments/paymentBooks";
import { charge, ledgerWorkbook, payment, posting } from "../ledger/ledgerFixtures";

const TODAY = "2026-03-01";
const NOW = new Date(2026, 2, 1, 9, 30, 0);

// L1 paid $80.00 by PM000001 (an overpayment of $20.00 left unapplied); L2 open with Medicare.
function books() {
  return ledgerWorkbook({
    charges: [charge("L1"), charge("L2", { claimId: "CL2", amount: 5000 })],
    payments: [payment("PM000001", 10000)],
    postings: [posting("PS000001", "L1", { paymentId: "PM000001", paid: 8000 })],
  });
}

type Writer = { name: string; plan: (b: PaymentBooks) => PlanResult };

const WRITERS: Writer[] = [
  {
    name: "an insurance payment (Post)",
    plan: (b) =>
      insurancePaymentPlan(b.ledger, b.ctx, { from: { payerId: "MCR" }, date: TODAY, method: "EFT", reference: "TRN 77", amount: 3000 }, [
        { chargeId: "L2", paid: 3000 },
      ]),
  },
  { name: "a reversal (Reverse)", plan: (b) => reversalPlan(b.ledger, b.ctx, ["PS000001"], TODAY) },
  {
    name: "a refund (Reconcile)",
    plan: (b) =>
      refundPlan(b.ledger, b.ctx, {
        paymentId: "PM000001",
        amount: 2000,
        date: TODAY,
        method: "Check",
        reference: "1001",
        reason: "Overpaid",
      }),
  },
];

/** Someone else's posting: a patient's $5.00 on L2, through the same panel path on books of their own. */
async function someoneElsePosts(workbook: Workbook) {
  const theirs = await readPaymentBooks(workbook, TODAY);
  const result = insurancePaymentPlan(
    theirs.ledger,
    theirs.ctx,
    { from: { payerId: "MCR" }, date: TODAY, method: "EFT", reference: "TRN 99", amount: 500 },
    [{ chargeId: "L2", paid: 500 }],
  );
  if (!result.ok) throw new Error(result.problems.join(" "));
  await applyPlan(workbook, result.plan, NOW);
}

async function everything(workbook: Workbook) {
  return workbook.readTables(["Charges", "Payments", "Postings", "Payers", "Audit"]);
}

describe("posting a preview made on books someone else changed", () => {
  for (const writer of WRITERS) {
    it(`refuses ${writer.name} when Payments and Postings changed since the preview, and writes nothing`, async () => {
      const workbook = books();
      const mine = await readPaymentBooks(workbook, TODAY);
      const result = writer.plan(mine);
      if (!result.ok) throw new Error(result.problems.join(" "));
      await someoneElsePosts(workbook);
      const before = await everything(workbook);
      const posted = await postOnBooks(workbook, mine, result.plan, NOW);
      expect(posted).toEqual({
        ok: false,
        changed: ["Payments", "Postings"],
        error:
          "The Payments and Postings tables changed since this preview (someone else may be posting): preview again before posting. Nothing was written.",
      });
      expect(await everything(workbook)).toEqual(before);
    });

    it(`posts ${writer.name} when nothing changed since the preview`, async () => {
      const workbook = books();
      const mine = await readPaymentBooks(workbook, TODAY);
      const result = writer.plan(mine);
      if (!result.ok) throw new Error(result.problems.join(" "));
      const before = (await workbook.describe()).tables.find((t) => t.name === "Postings")!.rowCount;
      const posted = await postOnBooks(workbook, mine, result.plan, NOW);
      expect(posted.ok).toBe(true);
      expect((await workbook.describe()).tables.find((t) => t.name === "Postings")!.rowCount).toBeGreaterThanOrEqual(before);
      expect((await workbook.describe()).tables.find((t) => t.name === "Audit")!.rowCount).toBe(1);
    });
  }

  it("names the one table that changed: a payer edited by hand", async () => {
    const workbook = books();
    const mine = await readPaymentBooks(workbook, TODAY);
    const result = WRITERS[0].plan(mine);
    if (!result.ok) throw new Error(result.problems.join(" "));
    const payers = (await workbook.readTables(["Payers"])).Payers!;
    await workbook.write([
      { kind: "setColumn", table: "Payers", column: payers.headers[1], values: payers.rows.map((r) => `${r[1]} (edited)`) },
    ]);
    const posted = await postOnBooks(workbook, mine, result.plan, NOW);
    expect(posted.ok).toBe(false);
    if (!posted.ok) {
      expect(posted.changed).toEqual(["Payers"]);
      expect(posted.error).toBe(
        "The Payers table changed since this preview (someone else may be posting): preview again before posting. Nothing was written.",
      );
    }
  });
});
