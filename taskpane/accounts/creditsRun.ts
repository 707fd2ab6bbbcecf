// The Patient accounts panel's credits section, its work on the workbook apart from React so it can be
// tested in Node: read the credit balances and the refund register (one describe, one read of the
// ledger tables and Refunds), make a refund's plan on those books (refundPlan, the one refund plan the
// Post payments panel uses too: pure, for the preview), post it only while the books are as they were
// read (applyUnlessChanged), and record a refund's check on its register row (recordCheckPlan, read
// just before the write). A refusal comes back as the engine's problems, with nothing written.
import type { IsoDate } from "../../src/dates";
import { creditBalances, type CreditBalance } from "../../src/credits/creditBalances";
import { readRegister, recordCheckPlan, type CheckRecord, type RefundRegister } from "../../src/credits/refundRegister";
import { refundPlan, type Refund } from "../../src/credits/refundPlan";
import { LEDGER_TABLES, ledgerFromTables, type Ledger } from "../../src/ledger/ledger";
import type { PlanContext, PlanResult } from "../../src/ledger/postingRows";
import { applyUnlessChanged, booksSnapshot, type BooksSnapshot, type GuardedApply } from "../../src/workbook/booksSnapshot";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { Refunds } from "../../src/workbook/tables";

export type CreditsStage = "reading" | "writing";

export const CREDITS_STAGE_LABEL: Record<CreditsStage, string> = {
  reading: "Reading the credits…",
  writing: "Writing to the workbook…",
};

export interface CreditBooks {
  ledger: Ledger;
  ctx: PlanContext;
  credits: CreditBalance[];
  register: RefundRegister;
  /** The tables a refund rests on, as read: it is written only while they are unchanged. */
  snapshot: BooksSnapshot;
}

const TABLES = [...LEDGER_TABLES, Refunds.name];

/** The credit balances as of `today` (Medicare first) and the register, on the books as they are now. */
export async function readCreditBooks(workbook: Workbook, today: IsoDate): Promise<CreditBooks> {
  const info = await workbook.describe();
  const tables = await workbook.readTables(TABLES);
  const ledger = ledgerFromTables(tables, info.dateSystem);
  return {
    ledger,
    ctx: { info, tables, dateSystem: info.dateSystem, today },
    credits: creditBalances(ledger, today),
    register: readRegister(tables[Refunds.name], info.dateSystem),
    snapshot: booksSnapshot(tables, TABLES),
  };
}

/** A refund's plan on the books read: the rows it adds, for the preview, or the problems. */
export function planRefund(books: CreditBooks, refund: Refund): PlanResult {
  return refundPlan(books.ledger, books.ctx, refund);
}

/** Write a previewed refund, unless the ledger or the register changed since they were read. */
export function postRefund(workbook: Workbook, books: CreditBooks, result: Extract<PlanResult, { ok: true }>): Promise<GuardedApply> {
  return applyUnlessChanged(workbook, result.plan, books.snapshot, { doing: "refunding" });
}

export type CheckWrite = { ok: true; applied: AppliedPlan; what: string } | { ok: false; problems: string[] };

/** Record the check of an unpaid refund on its register row, on the register as it is just before the write. */
export async function recordCheck(workbook: Workbook, record: CheckRecord, today: IsoDate): Promise<CheckWrite> {
  const { dateSystem } = await workbook.describe();
  const { [Refunds.name]: table } = await workbook.readTables([Refunds.name]);
  const planned = recordCheckPlan(table, dateSystem, record, today);
  if (!planned.ok) return planned;
  return { ok: true, applied: await applyPlan(workbook, planned.plan), what: planned.plan.what };
}
