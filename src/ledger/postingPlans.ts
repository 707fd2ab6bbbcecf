// Posting plans: a bookkeeper's payment, write-off, refund or correction turned into the rows that
// record it, checked in full before anything is written (DOMAIN.md "Posting rules"). Each plan is
// pure: it returns every problem, in a biller's words and naming the line, or a WritePlan with a
// preview of its rows and the balances the touched lines will have once it is applied.
//
// This module owns the two payment plans (an insurer's, applied to chosen lines; a patient's, applied
// oldest date of service first or to chosen lines) and the open lines the panel lists for them. Money
// not applied stays on the payment as a credit, said on the preview. The pieces: postingLines.ts
// (a line's application checked and laid out as rows), postingCorrections.ts (write-offs, refunds,
// reversals), postingChecks.ts (the checks and their words), postingIds.ts (new IDs),
// postingRows.ts (the plan, its preview and the predicted balances).
import type { IsoDate } from "../dates";
import { formatMoney, sumCents, type Cents } from "../money";
import { plural } from "../counting";
import { sentence } from "../sentences";
import { Payments, Postings, type PayerRow, type PaymentRow, type PostingRow } from "../workbook/tables";
import type { LineBalance } from "./balances";
import type { Ledger } from "./ledger";
import {
  checkDate,
  checkPaymentAmount,
  checkTargetTable,
  METHOD_LIST,
  paymentMethod,
  paymentWords,
  targetTable,
  textOrNothing,
  zeroPaymentAllowed,
  type TargetTable,
} from "./postingChecks";
import { FIRST_PAYMENT_ID, FIRST_POSTING_ID } from "./postingIds";
import {
  checkAgainstBalances,
  checkLines,
  postingFieldsNeeded,
  postingRowsFor,
  type CheckedLine,
  type LineApplication,
} from "./postingLines";
import { balancesOfLines, finishPlan, newIds, type PlanContext, type PlanResult } from "./postingRows";

export type { PlanContext, PlanResult, PreviewRow } from "./postingRows";
export type { LineApplication } from "./postingLines";
export { officeAdjustmentPlan, reversalPlan, type OfficeAdjustment, type OfficeAdjustmentKind } from "./postingCorrections";
export { refundPlan, type Refund } from "../credits/refundPlan";

export interface NewPayment {
  from: { payerId: string } | { patientId: string };
  date: IsoDate;
  method: string;
  reference?: string;
  amount: Cents;
  note?: string;
}

interface CheckedPayment {
  row: Omit<PaymentRow, "paymentId">;
  table?: TargetTable;
  /** The amount was refused (negative, nothing, not whole cents). */
  amountRefused: boolean;
}

/** The payment's date, method and amount; the row it becomes (without its ID yet). */
function checkPayment(
  ctx: PlanContext,
  payment: NewPayment,
  from: { payerId?: string; patientId?: string },
  allowZero: boolean,
  problems: string[],
): CheckedPayment {
  const dateProblem = checkDate(payment.date, ctx.today, "payment date");
  if (dateProblem) problems.push(sentence(dateProblem));
  const method = paymentMethod(payment.method);
  if (!method) problems.push(`"${String(payment.method ?? "")}" is not a payment method (use one of: ${METHOD_LIST}).`);
  const amountProblem = checkPaymentAmount(payment.amount, allowZero);
  if (amountProblem) problems.push(sentence(amountProblem));
  const row: Omit<PaymentRow, "paymentId"> = {
    date: payment.date,
    payerId: from.payerId,
    patientId: from.patientId,
    method: method ?? "Other",
    reference: textOrNothing(payment.reference),
    amount: payment.amount,
    note: textOrNothing(payment.note),
  };
  const needed = ["paymentId", "date", "amount", "method", from.payerId ? "payerId" : "patientId", ...(row.reference ? ["reference"] : [])];
  const checked = checkTargetTable(targetTable(ctx, "Payments", Payments), Payments, needed);
  problems.push(...checked.problems);
  return { row, table: checked.table, amountRefused: amountProblem !== undefined };
}

/**
 * How much of a patient's payment is more than the account owes: what stays unapplied on it beyond
 * the patient shares of the account's open lines (`owed`). A prepayment, or a payment typed with a
 * digit too many; either way it stays on the payment as a credit, so it is said before Post.
 */
export function moreThanOwed(amount: Cents, applied: Cents, owed: Cents): Cents {
  return Math.max(0, Math.min(amount - applied, amount - owed));
}

/** The warning on Post's running total and on the preview (not a refusal: offices take prepayments). */
export function moreThanOwedWarning(over: Cents): string {
  return (
    `${formatMoney(over)} of this payment is more than the account owes: it will stay on the payment as a credit ` +
    "(refund it from Patient accounts › Credit balances)."
  );
}

/**
 * A payment (insurer's or patient's) with its postings: the shared tail of the two payment plans.
 * `owed` says what a patient's account owes on its open lines (none for an insurer's payment); it
 * is asked only when money stays unapplied.
 */
function paymentPlan(
  ledger: Ledger,
  ctx: PlanContext,
  payment: CheckedPayment,
  lines: CheckedLine[],
  mergeGroup: "CO" | "WO",
  problems: string[],
  describe: (paymentId: string) => { action: string; who: string; how?: string },
  owed?: () => Cents,
): PlanResult {
  const draft = postingRowsFor(lines, payment.row.date, mergeGroup);
  const postings =
    draft.length > 0
      ? checkTargetTable(
          targetTable(ctx, "Postings", Postings),
          Postings,
          postingFieldsNeeded(draft, (r) => r.group === "WO"),
        )
      : { problems: [] };
  problems.push(...postings.problems);
  const paid = sumCents(lines.map((l) => l.paid ?? 0));
  // Against an amount already refused, "the lines take more" would only repeat that problem.
  if (!payment.amountRefused && paid > payment.row.amount) {
    problems.push(
      `The lines take ${formatMoney(paid)} paid but the payment is ${formatMoney(payment.row.amount)}: lower the paid amounts or correct the payment amount.`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const [paymentId] = newIds(payment.table!, ledger.knownPaymentIds, "paymentId", 1, FIRST_PAYMENT_ID);
  const postingIds = newIds(postings.table ?? payment.table!, ledger.knownPostingIds, "postingId", draft.length, FIRST_POSTING_ID);
  const paymentRow: PaymentRow = { paymentId, ...payment.row };
  const postingRows: PostingRow[] = draft.map((row, i) => ({ postingId: postingIds[i], paymentId, ...row }));
  const adjusted = sumCents(postingRows.map((r) => r.adjustment ?? 0));
  const patientResp = sumCents(postingRows.map((r) => r.patientResp ?? 0));
  const unapplied = payment.row.amount - paid;
  const over = owed && unapplied > 0 ? moreThanOwed(payment.row.amount, paid, owed()) : 0;
  const count = new Set(lines.map((l) => l.charge.chargeId)).size;
  const { action, who, how } = describe(paymentId);
  const what = [
    `${who} ${paymentWords(paymentRow.method!, paymentRow.reference)} (${paymentId}): ${plural(count, "line")}${how ? ` ${how}` : ""}`,
    `paid ${formatMoney(paid)}`,
    ...(adjusted ? [`adjusted ${formatMoney(adjusted)}`] : []),
    ...(patientResp ? [`patient resp ${formatMoney(patientResp)}`] : []),
    ...(unapplied ? [`unapplied ${formatMoney(unapplied)}`] : []),
  ].join(", ");
  const totals = [
    `payment ${formatMoney(payment.row.amount)}`,
    `paid ${formatMoney(paid)}`,
    `adjusted ${formatMoney(adjusted)}`,
    `patient resp ${formatMoney(patientResp)}`,
    `unapplied ${formatMoney(unapplied)}`,
  ].join("; ");
  return finishPlan(ledger, ctx, {
    payments: { table: payment.table, rows: [paymentRow] },
    postings: { table: postings.table, rows: postingRows },
    touched: lines.map((l) => l.charge.chargeId),
    action,
    what,
    totals,
    paymentRemark: unapplied > 0 ? `${formatMoney(unapplied)} stays unapplied on ${paymentId} as a credit` : undefined,
    paymentWarning: over > 0 ? moreThanOwedWarning(over) : undefined,
  });
}

function findPayer(ledger: Ledger, payerId: string): PayerRow | undefined {
  const key = payerId.trim().toLowerCase();
  return ledger.payers.find((p) => p.payerId.toLowerCase() === key);
}

/**
 * An insurer's check or EFT applied to chosen lines: paid, adjustments with group and reason,
 * patient responsibility. A line billed to another payer takes it as a secondary payment.
 */
export function insurancePaymentPlan(ledger: Ledger, ctx: PlanContext, payment: NewPayment, lines: LineApplication[]): PlanResult {
  const problems: string[] = [];
  let payer: PayerRow | undefined;
  if (!("payerId" in payment.from)) {
    problems.push("An insurance payment comes from a payer: choose the payer, or post a patient's money as a patient payment.");
  } else {
    payer = findPayer(ledger, String(payment.from.payerId ?? ""));
    if (!payer) problems.push(`There is no payer "${payment.from.payerId}" in the Payers table.`);
    else if (payer.type === "Self-pay")
      problems.push(`${payer.payerId} is the self-pay account, not an insurer: post the money as a patient payment.`);
  }
  // A remittance that pays nothing (every line denied or left to the patient) is still recorded.
  const row = checkPayment(ctx, payment, { payerId: payer?.payerId }, zeroPaymentAllowed(true, lines), problems);
  const checked = checkLines(ledger, lines, "insurance", undefined, problems);
  checkAgainstBalances(ledger, checked, problems);
  return paymentPlan(ledger, ctx, row, checked, "CO", problems, () => ({ action: "Post insurance payment", who: payer!.payerId }));
}

/**
 * A patient's payment, applied to the lines with a patient share oldest date of service first
 * (each up to its patient share), or to the lines the biller chose. What is left stays on the payment.
 */
export function patientPaymentPlan(
  ledger: Ledger,
  ctx: PlanContext,
  payment: NewPayment,
  lines: LineApplication[] | "oldest-first",
): PlanResult {
  const problems: string[] = [];
  let patientId: string | undefined;
  if (!("patientId" in payment.from)) {
    problems.push(
      "A patient payment comes from a patient's account: choose the account, or post an insurer's money as an insurance payment.",
    );
  } else {
    const wanted = String(payment.from.patientId ?? "").trim();
    const key = wanted.toLowerCase();
    patientId =
      ledger.charges.find((c) => c.patientId === wanted)?.patientId ??
      ledger.charges.find((c) => c.patientId.toLowerCase() === key)?.patientId;
    if (!patientId) problems.push(`Account ${wanted || "(blank)"} has no lines in the Charges table: check the account number.`);
  }
  const row = checkPayment(ctx, payment, { patientId }, false, problems);
  // The account's open lines, read once and only when needed (oldest first; money left unapplied).
  let open: LineBalance[] | undefined;
  const openOfAccount = () => (open ??= patientId ? openLines(ledger, { patientId }) : []);
  let applications: LineApplication[];
  if (lines === "oldest-first") {
    applications = [];
    const amount = payment.amount;
    if (patientId && Number.isSafeInteger(amount) && amount > 0) {
      let left = amount;
      for (const line of openOfAccount()) {
        if (left === 0) break;
        const take = Math.min(left, line.patientShare);
        applications.push({ chargeId: line.chargeId, paid: take });
        left -= take;
      }
    }
  } else applications = lines;
  const checked = checkLines(ledger, applications, "patient", patientId, problems);
  checkAgainstBalances(ledger, checked, problems);
  return paymentPlan(
    ledger,
    ctx,
    row,
    checked,
    "WO",
    problems,
    () => ({
      action: "Post patient payment",
      who: `account ${patientId}`,
      how: lines === "oldest-first" ? "oldest first" : undefined,
    }),
    () => sumCents(openOfAccount().map((l) => l.patientShare)),
  );
}

/** Oldest date of service first; the same day in ChargeID order (L2 before L10). */
export function oldestFirst(a: Pick<LineBalance, "dos" | "chargeId">, b: Pick<LineBalance, "dos" | "chargeId">): number {
  if (a.dos !== b.dos) return a.dos < b.dos ? -1 : 1;
  return a.chargeId.localeCompare(b.chargeId, "en", { numeric: true });
}

/** The lines a payer (insurance share, lines billed to it) or a patient (patient share) still owes on, oldest first. */
export function openLines(ledger: Ledger, who: { payerId: string } | { patientId: string }, asOf?: IsoDate): LineBalance[] {
  const ids: string[] = [];
  if ("payerId" in who) {
    const key = String(who.payerId).trim().toLowerCase();
    for (const c of ledger.charges) if (c.payerId.toLowerCase() === key) ids.push(c.chargeId);
    return balancesOfLines(ledger, ids, [], [], asOf)
      .filter((l) => l.insuranceShare > 0)
      .sort(oldestFirst);
  }
  const key = String(who.patientId).trim().toLowerCase();
  for (const c of ledger.charges) if (c.patientId.toLowerCase() === key) ids.push(c.chargeId);
  return balancesOfLines(ledger, ids, [], [], asOf)
    .filter((l) => l.patientShare > 0)
    .sort(oldestFirst);
}
