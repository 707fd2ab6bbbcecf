// What the Post payments panel does with a posting plan, for the posting tests: read the ledger in
// one call, make the plan, and apply it (with its Audit row) only when it is a plan. Also the
// practice books most posting tests start from. Amounts are cents.
import { expect } from "vitest";
import { lineBalances, type LineBalance } from "../../src/ledger/balances";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import type { PlanContext, PlanResult } from "../../src/ledger/postingPlans";
import { applyPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import type { PaymentRow, PostingRow } from "../../src/workbook/tables";
import { charge, ledgerWorkbook, payment, posting, type FixtureTables } from "./ledgerFixtures";

export const TODAY = "2026-03-01";
export const NOW = new Date(2026, 2, 1, 9, 30, 0);

export async function planInputs(book: Workbook, today = TODAY): Promise<{ ledger: Ledger; ctx: PlanContext }> {
  const { ledger, tables, dateSystem } = await readLedger(book);
  // The refund register too, as the panel's books read it (a refund adds its row).
  const register = await book.readTables(["Refunds"]);
  return { ledger, ctx: { info: await book.describe(), tables: { ...tables, ...register }, dateSystem, today } };
}

/** Read, plan, and write only a plan that is ok: the panel's Post button. */
export async function postThroughPanel(book: Workbook, makePlan: (ledger: Ledger, ctx: PlanContext) => PlanResult): Promise<PlanResult> {
  const { ledger, ctx } = await planInputs(book);
  const result = makePlan(ledger, ctx);
  if (result.ok) await applyPlan(book, result.plan, NOW);
  return result;
}

/** The balances of some lines as the workbook now reads, in Charges order. */
export async function balancesInBook(book: Workbook, chargeIds: string[]): Promise<LineBalance[]> {
  const { ledger } = await readLedger(book);
  expect(ledger.issues).toEqual([]);
  return lineBalances(ledger).filter((l) => chargeIds.includes(l.chargeId));
}

export function planOf(result: PlanResult) {
  if (!result.ok) throw new Error(`expected a plan, got: ${result.problems.join(" | ")}`);
  return result;
}

/** The practice books as a memory workbook, with a plan that must be ok posted to them through the panel. */
export async function postOnPractice(makePlan: (ledger: Ledger, ctx: PlanContext) => PlanResult) {
  const book = ledgerWorkbook(practiceBooks());
  return { book, result: planOf(await postThroughPanel(book, makePlan)) };
}

export function problemsOf(result: PlanResult): string[] {
  if (result.ok) throw new Error(`expected problems, got a plan: ${result.plan.what}`);
  return result.problems;
}

/**
 * Patient P1 (account with MCR as primary): L1 $100 and L2 $200 on 2026-01-05 open, L10 $50 the
 * same day, L3 $80 self-pay on 2026-01-02; patient P2: L4 $100 on 2026-01-10. MCR's EFT PM000812
 * ($150) paid L2 $120 (CO-45 $60, coinsurance $20) and L10 $30 (CO-45 $10, deductible $10).
 * L10 comes before L2 in Charges, so "oldest first" must order the tie by ChargeID, not by row.
 */
export function practiceBooks(): FixtureTables & { payments: PaymentRow[]; postings: PostingRow[] } {
  return {
    charges: [
      charge("L1"),
      charge("L10", { amount: 5000 }),
      charge("L2", { amount: 20000 }),
      charge("L3", { payerId: "SELF", dos: "2026-01-02", amount: 8000, claimId: "CL0" }),
      charge("L4", { patientId: "P2", claimId: "CL4", dos: "2026-01-10" }),
    ],
    payments: [payment("PM000812", 15000)],
    postings: [
      posting("PS0000001", "L2", { paymentId: "PM000812", paid: 12000, adjustment: 6000, group: "CO", reason: "45" }),
      posting("PS0000002", "L2", { paymentId: "PM000812", group: "PR", reason: "2", patientResp: 2000 }),
      posting("PS0000003", "L10", { paymentId: "PM000812", paid: 3000, adjustment: 1000, group: "CO", reason: "45" }),
      posting("PS0000004", "L10", { paymentId: "PM000812", group: "PR", reason: "1", patientResp: 1000 }),
    ],
  };
}
