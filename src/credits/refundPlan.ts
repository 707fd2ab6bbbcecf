// The one refund workflow (issue 17): money given back to a patient or a payer from a credit, with the
// reason the register requires. Both the Post payments panel's refund and the Patient accounts credits
// go through it, and so does `medbill refunds add`.
// - A payment's unapplied credit: a negative Payments row whose Reference says "REFUND <PaymentID>"
//   (balances.ts counts it as that payment's `refunded`).
// - A line paid beyond what it owes: first the overpaid money is taken off the line (a negative Paid
//   posting from the payment that overpaid, so that money is unapplied on it again), then refunded as
//   above. The line is then even, and the payment's credit is what was refunded.
// - Either way, a row in the Refunds register (RF000001...): who, how much, why, the day the credit was
//   identified, the refund's Payments row, and the check number and date when already paid.
// Checked in full before anything is written: a refused refund writes nothing.
import type { IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import { sentence } from "../sentences";
import { paymentStatuses } from "../ledger/balances";
import type { Ledger } from "../ledger/ledger";
import {
  checkAmount,
  checkDate,
  checkTargetTable,
  lineLabel,
  METHOD_LIST,
  paymentMethod,
  paymentWords,
  targetTable,
  textOrNothing,
} from "../ledger/postingChecks";
import { FIRST_PAYMENT_ID, FIRST_POSTING_ID } from "../ledger/postingIds";
import { finishPlan, newIds, type PlanContext, type PlanResult, type PreviewRow } from "../ledger/postingRows";
import { Payments, Postings, REFUND_RECIPIENTS, type PaymentRow, type PostingRow, type RefundRow } from "../workbook/tables";
import { lineCredits, paymentCredit, type CreditBalance, type RefundTo } from "./creditBalances";
import { nextRefundId, REASON_LIMIT, registerRowOps, registerTable } from "./refundRegister";

export interface Refund {
  /** The payment whose credit is refunded (with `chargeId`: the payment that overpaid the line, when several did). */
  paymentId?: string;
  /** A line paid beyond what it owes: its overpayment is taken off it, then refunded. */
  chargeId?: string;
  /** Who the money goes back to; checked against whose money it is. Left out: whoever paid it. */
  to?: RefundTo | string;
  amount: Cents;
  date: IsoDate;
  method: string;
  /** The check number (or card or EFT reference) when it is paid now; "Record check" sets it later. */
  reference?: string;
  /** Why the money goes back: required by the register. */
  reason: string;
}

const TO_WORDS: Record<RefundTo, string> = { Patient: "the patient", Payer: "the payer" };

/** Money given back from a credit: the take-back posting of a line credit, the negative Payments row, and the register row. */
export function refundPlan(ledger: Ledger, ctx: PlanContext, refund: Refund): PlanResult {
  const problems: string[] = [];
  const chargeId = textOrNothing(refund.chargeId);
  const paymentId = textOrNothing(refund.paymentId);
  let original: PaymentRow | undefined;
  let lineCredit: CreditBalance | undefined;
  let left: Cents = 0;
  const amountProblem = checkAmount(refund.amount, "the refund", 1, "enter the amount given back as a positive amount");
  if (amountProblem) problems.push(sentence(amountProblem));

  if (chargeId === undefined && paymentId === undefined) problems.push("Choose the payment or the line whose credit is refunded.");
  else if (chargeId !== undefined) {
    const charge = ledger.chargeById.get(chargeId);
    if (!charge) problems.push(`There is no line "${chargeId}" in the Charges table.`);
    else {
      const credits = lineCredits(ledger, charge.chargeId, ctx.today);
      const matching = paymentId === undefined ? credits : credits.filter((c) => c.paymentId === paymentId);
      const from = credits.map((c) => c.paymentId ?? "a posting without a payment").join(" and ");
      if (credits.length === 0) problems.push(`${lineLabel(charge)} has no credit to refund: it is not paid beyond what it owes.`);
      else if (matching.length === 0) problems.push(`${lineLabel(charge)}: its credit is not from ${paymentId} (it is from ${from}).`);
      else if (matching.length > 1) problems.push(`${lineLabel(charge)}: its credit is from ${from}: say which payment to refund.`);
      else if (matching[0].paymentId === undefined) {
        problems.push(
          `${lineLabel(charge)}: the money paid beyond what it owes was posted without a payment, so there is no payment to refund it from: reverse that posting instead.`,
        );
      } else {
        lineCredit = matching[0];
        original = ledger.paymentById.get(lineCredit.paymentId!);
        left = lineCredit.amount;
        if (!amountProblem && refund.amount > left) {
          problems.push(
            `The refund of ${formatMoney(refund.amount)} is more than the ${formatMoney(left)} ${lineLabel(charge)} was paid ` +
              `beyond what it owes from ${lineCredit.paymentId}.`,
          );
        }
      }
    }
  } else {
    original = ledger.paymentById.get(paymentId!);
    if (!original) problems.push(`There is no payment "${paymentId}" in the Payments table.`);
    else if (original.amount < 0) {
      problems.push(`${original.paymentId} is itself a refund: choose the payment it refunds.`);
      original = undefined;
    } else {
      const status = paymentStatuses(ledger).find((s) => s.paymentId === original!.paymentId)!;
      left = status.unapplied;
      if (!amountProblem && refund.amount > left) {
        problems.push(
          `The refund of ${formatMoney(refund.amount)} is more than the ${formatMoney(left)} still unapplied on ${original.paymentId} ` +
            `(payment ${formatMoney(status.amount)}, applied ${formatMoney(status.applied)}, refunded ${formatMoney(status.refunded)}).`,
        );
      }
    }
  }

  const dateProblem = checkDate(refund.date, ctx.today, "refund date");
  if (dateProblem) problems.push(sentence(dateProblem));
  else if (original && refund.date < original.date) {
    problems.push(`The refund date ${refund.date} is before the date of ${original.paymentId} (${original.date}).`);
  }
  const method = paymentMethod(refund.method);
  if (!method) problems.push(`"${String(refund.method ?? "")}" is not a payment method (use one of: ${METHOD_LIST}).`);
  const reason = textOrNothing(refund.reason);
  if (!reason) problems.push("Say why the money is refunded: the refund register needs a reason.");
  else if (reason.length > REASON_LIMIT) problems.push(`The reason is ${reason.length} characters: keep it under ${REASON_LIMIT}.`);
  const owner: RefundTo | undefined = original ? (original.payerId !== undefined ? "Payer" : "Patient") : undefined;
  const toText = textOrNothing(refund.to);
  const to = toText === undefined ? owner : REFUND_RECIPIENTS.find((r) => r.toLowerCase() === toText.toLowerCase());
  if (toText !== undefined && !to) problems.push(`"${toText}" is not who a refund goes to (use patient or payer).`);
  else if (original && owner && to && to !== owner) {
    problems.push(
      owner === "Payer"
        ? `${original.paymentId} is the payer's (${original.payerId}) money: its credit goes back to the payer, not the patient.`
        : `${original.paymentId} is the patient's money: its credit goes back to the patient, not a payer.`,
    );
  }

  const from = original?.payerId !== undefined ? "payerId" : "patientId";
  const payments = checkTargetTable(targetTable(ctx, "Payments", Payments), Payments, [
    "paymentId",
    "date",
    "amount",
    "method",
    "reference",
    from,
  ]);
  problems.push(...payments.problems);
  const postings = lineCredit
    ? checkTargetTable(targetTable(ctx, "Postings", Postings), Postings, ["postingId", "paymentId", "chargeId", "date", "paid"])
    : undefined;
  if (postings) problems.push(...postings.problems);
  const register = registerTable(ctx);
  if (!register.ok) problems.push(register.problem);
  if (problems.length > 0 || !original || !to || !register.ok) return { ok: false, problems };

  const refundId = nextRefundId(register.table);
  const [refundPaymentId] = newIds(payments.table!, ledger.knownPaymentIds, "paymentId", 1, FIRST_PAYMENT_ID);
  const reference = textOrNothing(refund.reference);
  const row: PaymentRow = {
    paymentId: refundPaymentId,
    date: refund.date,
    payerId: original.payerId,
    patientId: original.payerId === undefined ? original.patientId : undefined,
    method,
    reference: `REFUND ${original.paymentId}`,
    amount: -refund.amount,
    note: reference ? `Refund by ${paymentWords(method!, reference)}` : `Refund of ${original.paymentId}`,
  };
  const takeBack: PostingRow[] = lineCredit
    ? [
        {
          postingId: newIds(postings!.table!, ledger.knownPostingIds, "postingId", 1, FIRST_POSTING_ID)[0],
          paymentId: original.paymentId,
          chargeId: lineCredit.chargeId!,
          date: refund.date,
          paid: -refund.amount,
          source: "Manual",
          note: `Overpayment taken off for refund ${refundId}`,
        },
      ]
    : [];
  const credit = lineCredit ?? paymentCredit(ledger, original.paymentId, ctx.today);
  const entry: RefundRow = {
    refundId,
    date: refund.date,
    to,
    paymentId: refundPaymentId,
    amount: refund.amount,
    reason: reason!,
    identified: credit?.identified ?? original.date,
  };
  const account = lineCredit?.patientId ?? original.patientId;
  if (account !== undefined) entry.patientId = account;
  if (original.payerId !== undefined) entry.payerId = original.payerId;
  if (reference !== undefined) {
    entry.checkNumber = reference;
    entry.paidDate = refund.date;
  }
  const registerOps = registerRowOps(register.table, entry, ctx.dateSystem);
  if (!registerOps.ok) return { ok: false, problems: [registerOps.problem] };

  const onLine = lineCredit ? ` taken off line ${lineCredit.chargeId}` : "";
  const finished = finishPlan(ledger, ctx, {
    payments: { table: payments.table, rows: [row] },
    postings: { table: postings?.table, rows: takeBack },
    touched: lineCredit ? [lineCredit.chargeId!] : [],
    action: "Refund",
    what:
      `refund ${refundId} of ${formatMoney(refund.amount)} to ${TO_WORDS[to]} from ${original.paymentId}${onLine} ` +
      `by ${paymentWords(method!, reference)} (${refundPaymentId})`,
    totals: `refunded ${formatMoney(refund.amount)}`,
    paymentRemark: lineCredit
      ? `${lineCredit.chargeId} is no longer paid beyond what it owes by ${formatMoney(refund.amount)}`
      : `${original.paymentId} keeps ${formatMoney(left - refund.amount)} unapplied after this refund`,
  });
  if (!finished.ok) return finished;
  finished.plan.ops.push(...registerOps.ops);
  const registerPreview: PreviewRow = {
    table: "Refunds",
    values: {
      RefundID: refundId,
      "Refund To": to,
      Amount: formatMoney(refund.amount),
      Reason: reason!,
      Identified: entry.identified ?? null,
      "Check #": entry.checkNumber ?? null,
    },
    remark: entry.checkNumber ? undefined : "Unpaid until its check is recorded",
  };
  return {
    ok: true,
    plan: finished.plan,
    get preview() {
      return [...finished.preview, registerPreview];
    },
    get predicted() {
      return finished.predicted;
    },
  };
}
