// The books the ERA posting tests start from: the sample practice in a MemoryWorkbook, the claims in
// it a payer has not answered yet (every line open with the payer, no money from it), and the
// import as the panel and the command line run it: read, plan, apply only a plan that is there.
import { expect } from "vitest";
import { lineBalances, type LineBalance } from "../../src/ledger/balances";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import type { PlanContext } from "../../src/ledger/postingRows";
import { samplePractice } from "../../src/sample/practiceSample";
import { eraPlanInputs, eraPostingPlan, type EraPlanResult } from "../../src/era/eraPlan";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import type { ChargeRow } from "../../src/workbook/tables";
import { syntheticRemittance, type SyntheticClaim, type SyntheticRemittance, type SyntheticTransaction } from "./syntheticRemittance";

export const TODAY = "2026-06-30";
export const NOW = new Date(2026, 5, 30, 9, 30, 0);
export const ERA_DATE = "2026-06-29";

/** The sample payers as their remittances name them (Payers: X12 Payer ID and name). */
export const MEDICARE = { name: "Medicare Part B (Sample MAC)", id: "SMP01" };
export const MEDICAID = { name: "State Medicaid (Sample)", id: "SMP02" };

export async function sampleBook(lines = 600, ops?: (op: { kind: string; table?: string }) => boolean): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const plan = samplePractice({ lines, seed: 11, asOf: TODAY });
  await wb.write(ops ? plan.ops.filter(ops) : plan.ops);
  return wb;
}

export async function inputs(book: Workbook): Promise<{ ledger: Ledger; ctx: PlanContext }> {
  return eraPlanInputs(book, TODAY);
}

/** Claims of a payer with every line open with it and no money from any payer yet, in Charges order. */
export function unpaidClaims(ledger: Ledger, payerId: string): { claimId: string; lines: ChargeRow[] }[] {
  const byClaim = new Map<string, ChargeRow[]>();
  for (const c of ledger.charges) {
    if (c.payerId !== payerId) continue;
    const list = byClaim.get(c.claimId);
    if (list) list.push(c);
    else byClaim.set(c.claimId, [c]);
  }
  const balances = new Map(lineBalances(ledger).map((b) => [b.chargeId, b]));
  return [...byClaim.entries()]
    .filter(([, lines]) =>
      lines.every((c) => {
        const b = balances.get(c.chargeId)!;
        const paidByPayer = (ledger.postingsByCharge.get(c.chargeId) ?? []).some(
          (p) => p.paymentId !== undefined && ledger.paymentById.get(p.paymentId)?.payerId !== undefined,
        );
        return b.status === "open with payer" && !paidByPayer;
      }),
    )
    .map(([claimId, lines]) => ({ claimId, lines }));
}

/** The sample book as the import reads it, and the claims of `payerId` (default MCR) no payer has answered yet. */
export async function sampleUnpaid(payerId = "MCR") {
  const book = await sampleBook();
  const { ledger, ctx } = await inputs(book);
  return { book, ledger, ctx, unpaid: unpaidClaims(ledger, payerId) };
}

/** A Medicare transaction dated ERA_DATE paying `claims`, with anything else `more` sets. */
export function medicare(trace: string, claims: SyntheticClaim[], more: Partial<SyntheticTransaction> = {}): SyntheticTransaction {
  return { payer: MEDICARE, trace, date: ERA_DATE, claims, ...more };
}

/** An 835 of that one Medicare transaction. */
export function medicareEra(
  ledger: Pick<Ledger, "charges">,
  trace: string,
  claims: SyntheticClaim[],
  more: Partial<SyntheticTransaction> = {},
): SyntheticRemittance {
  return syntheticRemittance(ledger, { transactions: [medicare(trace, claims, more)] });
}

/** Plan an 835 against the book as it is now; apply the plan when there is one. */
export async function importEra(book: Workbook, name: string, bytes: Uint8Array, apply = true): Promise<EraPlanResult> {
  const { ledger, ctx } = await inputs(book);
  const result = await eraPostingPlan({ name, bytes }, ledger, ctx);
  if (apply && result.ok && result.plan) await applyPlan(book, result.plan, NOW);
  return result;
}

export function planned(result: EraPlanResult) {
  if (!result.ok) throw new Error(`expected a plan, got: ${result.error}`);
  return result;
}

/** Balances by ChargeID as the workbook reads now (the ledger must read with no issue). */
export async function balancesNow(book: Workbook): Promise<Map<string, LineBalance>> {
  const { ledger } = await readLedger(book);
  expect(ledger.issues).toEqual([]);
  return new Map(lineBalances(ledger).map((b) => [b.chargeId, b]));
}

/** Row counts of the tables an ERA writes to. */
export async function rowCounts(book: Workbook): Promise<Record<string, number>> {
  const info = await book.describe();
  return Object.fromEntries(info.tables.map((t) => [t.name, t.rowCount]));
}
