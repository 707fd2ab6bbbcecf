// Credit balances (issue 17): the money the practice holds that nobody owes it, as an office refunds
// it, each with whose money it is, when it was identified and how it arose in words the ledger can
// support. Two kinds (DESIGN.md "Money and balances": credits are listed, never netted away):
//
// - "unapplied": money on a payment not applied to any line (paymentStatuses' unapplied > 0): a
//   patient's prepayment or overpayment, a payer's money not posted. Identified on the payment's date,
//   or on the day a posting from it was taken back (a reversal) when that is later.
// - "overpaid line": a line whose balance is below zero. The credit is kept in the share it arose in
//   (balances.ts): a negative insurance share is the line's payer's money, a negative patient share is
//   the patient's (or a secondary payer's). It is laid on the payments of that side newest first, one
//   credit per payment: refunding it takes that payment's money off the line (refundPlan). Identified
//   on the day the line's running balance last went below zero.
//
// What was refunded is gone from both already: a refund is a negative Payments row naming the payment
// (its `refunded`), and a line credit is taken off the line before it is refunded.
//
// Order: Medicare's credits first (an overpayment must be returned within 60 days of being identified:
// days left, negative when overdue), then oldest identified first. One walk of the lines (LineTally)
// and one of the payments, so a million-line ledger costs one balance pass; only credit lines are
// looked at posting by posting.
import { listInWords } from "../sentences";
import { daysBetween, type IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import { plural } from "../counting";
import { LineTally, paymentStatuses, type PaymentStatus } from "../ledger/balances";
import { PAID_BY_PATIENT, PAID_WITHOUT_PAYMENT, GROUP_PR, type Ledger } from "../ledger/ledger";
import type { PayerRow } from "../workbook/tables";

/** Days Medicare allows to return an overpayment from the day it is identified (the 60-day rule). */
export const MEDICARE_REFUND_DAYS = 60;

export type CreditKind = "unapplied" | "overpaid line";
export type RefundTo = "Patient" | "Payer";

export interface CreditBalance {
  kind: CreditKind;
  /** Whose money it is, and so who gets it back. */
  to: RefundTo;
  /** The account: the line's patient, or the payment's PatientID (blank on most payers' payments). */
  patientId?: string;
  /** The payer whose money it is (to = "Payer"). */
  payerId?: string;
  payerType?: string;
  /** The payment holding the money; blank for a line paid without a payment (it cannot be refunded, only reversed). */
  paymentId?: string;
  /** The overpaid line (kind "overpaid line"). */
  chargeId?: string;
  amount: Cents;
  identified: IsoDate;
  /** How it arose, in a sentence without names: "Medicare Part B paid line L1 twice (PM1 and PM2)". */
  how: string;
  /** A Medicare payer's money: refunded within 60 days of `identified`. */
  medicare: boolean;
  /** Medicare only: days left of the 60 as of the report's date, negative when overdue. */
  daysLeft?: number;
}

/** "12 days left", "due today", "12 days overdue". */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft === 0) return "due today";
  return daysLeft > 0 ? `${plural(daysLeft, "day")} left` : `${plural(-daysLeft, "day")} overdue`;
}

/** Every credit balance as of `asOf` (postings and payments dated after it do not count): Medicare first, then oldest first. */
export function creditBalances(ledger: Ledger, asOf: IsoDate): CreditBalance[] {
  const payers = payerIndex(ledger);
  const out: CreditBalance[] = [];
  for (const status of paymentStatuses(ledger, asOf)) {
    if (status.unapplied > 0) out.push(unappliedCredit(ledger, payers, status, asOf));
  }
  const t = new LineTally(ledger, asOf);
  const lines = ledger.columns.lineAmount.length;
  for (let i = 0; i < lines; i++) {
    if (!t.served(i)) continue;
    t.tally(i);
    if (t.balance < 0) out.push(...overpaidLineCredits(ledger, payers, t, i, asOf, t.lineText.postingDate));
  }
  return sortCredits(out);
}

/** The credit on one payment as of `asOf`, or undefined when all its money is applied or refunded. */
export function paymentCredit(ledger: Ledger, paymentId: string, asOf: IsoDate): CreditBalance | undefined {
  const status = paymentStatuses(ledger, asOf).find((s) => s.paymentId === paymentId);
  return status && status.unapplied > 0 ? unappliedCredit(ledger, payerIndex(ledger), status, asOf) : undefined;
}

/** The credits of one overpaid line as of `asOf` (one per payment its overpayment is laid on); none when it owes or is even. */
export function lineCredits(ledger: Ledger, chargeId: string, asOf: IsoDate): CreditBalance[] {
  const i = ledger.charges.findIndex((c) => c.chargeId === chargeId);
  if (i < 0) return [];
  const t = new LineTally(ledger, asOf);
  if (!t.served(i)) return [];
  t.tally(i);
  return t.balance < 0 ? overpaidLineCredits(ledger, payerIndex(ledger), t, i, asOf, t.lineText.postingDate) : [];
}

/** Medicare's first (fewest days left first), then oldest identified; ties by account, payment and line. */
export function sortCredits(credits: CreditBalance[]): CreditBalance[] {
  const text = (s: string | undefined) => s ?? "";
  return credits.sort(
    (a, b) =>
      Number(b.medicare) - Number(a.medicare) ||
      (a.identified < b.identified ? -1 : a.identified > b.identified ? 1 : 0) ||
      text(a.patientId).localeCompare(text(b.patientId)) ||
      text(a.paymentId).localeCompare(text(b.paymentId)) ||
      text(a.chargeId).localeCompare(text(b.chargeId)),
  );
}

function payerIndex(ledger: Ledger): Map<string, PayerRow> {
  const payers = new Map<string, PayerRow>();
  for (const p of ledger.payers) if (!payers.has(p.payerId)) payers.set(p.payerId, p);
  return payers;
}

function withOwner(
  base: Omit<CreditBalance, "to" | "payerId" | "payerType" | "medicare" | "daysLeft">,
  payerId: string | undefined,
  payers: Map<string, PayerRow>,
  asOf: IsoDate,
): CreditBalance {
  if (payerId === undefined) return { ...base, to: "Patient", medicare: false };
  const payer = payers.get(payerId);
  const credit: CreditBalance = { ...base, to: "Payer", payerId, medicare: payer?.type === "Medicare" };
  if (payer?.type !== undefined) credit.payerType = payer.type;
  if (credit.medicare) credit.daysLeft = MEDICARE_REFUND_DAYS - daysBetween(credit.identified, asOf);
  return credit;
}

const payerName = (payers: Map<string, PayerRow>, payerId: string) => payers.get(payerId)?.name?.trim() || payerId;

function unappliedCredit(ledger: Ledger, payers: Map<string, PayerRow>, status: PaymentStatus, asOf: IsoDate): CreditBalance {
  const payment = ledger.paymentById.get(status.paymentId)!;
  // Money taken back off a line (a reversal, or a line credit taken off for a refund) became unapplied that day.
  let takenBack: IsoDate | undefined;
  for (const p of ledger.postingsByPayment.get(payment.paymentId) ?? []) {
    if (p.date <= asOf && (p.paid ?? 0) < 0 && p.date > payment.date && (takenBack === undefined || p.date > takenBack)) takenBack = p.date;
  }
  const who = payment.payerId === undefined ? "Patient" : payerName(payers, payment.payerId);
  let how =
    takenBack !== undefined
      ? `${who} paid ${formatMoney(status.amount)} on ${status.date} (${status.paymentId}); money taken off lines on ${takenBack} is not applied since`
      : status.applied > 0
        ? `${who} paid ${formatMoney(status.unapplied)} more than ${payment.payerId === undefined ? "owed" : "was posted"} on ${status.paymentId}`
        : `${who} paid ${formatMoney(status.amount)} on ${status.date} (${status.paymentId}), not applied to any line`;
  if (status.refunded > 0) how += `; ${formatMoney(status.refunded)} already refunded`;
  const base = {
    kind: "unapplied" as const,
    paymentId: status.paymentId,
    amount: status.unapplied,
    identified: takenBack ?? status.date,
    how,
  };
  const credit = withOwner(base, payment.payerId, payers, asOf);
  if (payment.patientId !== undefined) credit.patientId = payment.patientId;
  return credit;
}

/** One paying posting of a credit line, as the walk below reads it. */
interface Money {
  posting: number;
  day: number;
  paid: Cents;
  /** The payer's id, or undefined for the patient's money. */
  payerId: string | undefined;
  paymentId: string | undefined;
}

function overpaidLineCredits(
  ledger: Ledger,
  payers: Map<string, PayerRow>,
  t: LineTally,
  i: number,
  asOf: IsoDate,
  postingDates: IsoDate[],
): CreditBalance[] {
  const c = ledger.columns;
  const charge = ledger.charges[i];
  const linePayer = c.linePayer[i];
  const counted: number[] = [];
  for (let k = c.linePostingsStart[i]; k < c.linePostingsEnd[i]; k++) {
    const p = c.postingOrder[k];
    if (c.postingDate[p] <= t.asOfDay) counted.push(p);
  }
  // Dated order (Postings order within a day): the day the running balance last went below zero.
  counted.sort((a, b) => c.postingDate[a] - c.postingDate[b] || a - b);
  let running = c.lineAmount[i];
  let wentBelow = -1;
  for (const p of counted) {
    const before = running;
    running -= c.postingPaid[p] + (c.postingGroup[p] === GROUP_PR ? 0 : c.postingAdjustment[p]);
    if (before >= 0 && running < 0) wentBelow = p;
  }
  const identified = wentBelow >= 0 ? postingDates[wentBelow] : charge.dos;

  const insuranceSide: Money[] = [];
  const patientSide: Money[] = [];
  for (const p of counted) {
    const paid = c.postingPaid[p];
    if (paid === 0) continue;
    const from = c.postingFrom[p];
    const posting = ledger.postings[p];
    const paymentId = from === PAID_WITHOUT_PAYMENT ? undefined : (posting.paymentId ?? reversedPaymentId(ledger, p));
    const money: Money = {
      posting: p,
      day: c.postingDate[p],
      paid,
      payerId: from === PAID_BY_PATIENT ? undefined : from === PAID_WITHOUT_PAYMENT ? charge.payerId : c.payerIds[from],
      paymentId,
    };
    if (from === PAID_WITHOUT_PAYMENT || from === linePayer) insuranceSide.push(money);
    else patientSide.push(money);
  }
  const out: CreditBalance[] = [];
  const lay = (credit: Cents, side: Money[]) => {
    let left = credit;
    for (const piece of byPaymentNewestFirst(side)) {
      if (left <= 0) break;
      const amount = Math.min(left, piece.net);
      left -= amount;
      out.push(
        withOwner(
          {
            kind: "overpaid line",
            patientId: charge.patientId,
            ...(piece.paymentId !== undefined ? { paymentId: piece.paymentId } : {}),
            chargeId: charge.chargeId,
            amount,
            identified,
            how: lineHow(payers, charge.chargeId, piece, amount, side, insuranceSide, patientSide, postingDates),
          },
          piece.payerId,
          payers,
          asOf,
        ),
      );
    }
  };
  if (t.insuranceShare < 0) lay(-t.insuranceShare, insuranceSide);
  if (t.patientShare < 0) lay(-t.patientShare, patientSide);
  return out;
}

/** A reversal that left PaymentID blank pays from the payment of the posting it reverses. */
function reversedPaymentId(ledger: Ledger, p: number): string | undefined {
  const original = ledger.columns.reversalOriginal.get(p);
  return original === undefined ? undefined : ledger.postings[original].paymentId;
}

interface PaymentPiece {
  paymentId: string | undefined;
  payerId: string | undefined;
  /** What the payment paid on the line, net of its reversals. */
  net: Cents;
  /** Its latest paying posting: the newest money first. */
  day: number;
  posting: number;
}

function byPaymentNewestFirst(side: Money[]): PaymentPiece[] {
  const pieces = new Map<string, PaymentPiece>();
  for (const m of side) {
    const key = m.paymentId ?? `(none ${m.payerId ?? ""})`;
    let piece = pieces.get(key);
    if (!piece) {
      piece = { paymentId: m.paymentId, payerId: m.payerId, net: 0, day: m.day, posting: m.posting };
      pieces.set(key, piece);
    }
    piece.net += m.paid;
    if (m.paid > 0 && (m.day > piece.day || (m.day === piece.day && m.posting > piece.posting))) {
      piece.day = m.day;
      piece.posting = m.posting;
    }
  }
  return [...pieces.values()].filter((p) => p.net > 0).sort((a, b) => b.day - a.day || b.posting - a.posting);
}

function lineHow(
  payers: Map<string, PayerRow>,
  chargeId: string,
  piece: PaymentPiece,
  amount: Cents,
  side: Money[],
  insuranceSide: Money[],
  patientSide: Money[],
  postingDates: IsoDate[],
): string {
  const payments = (of: Money[], payerId: string | undefined) =>
    byPaymentNewestFirst(of.filter((m) => m.payerId === payerId && m.paymentId !== undefined))
      .map((p) => p.paymentId!)
      .sort();
  if (piece.payerId !== undefined) {
    const name = payerName(payers, piece.payerId);
    const paidBy = payments(side, piece.payerId);
    if (paidBy.length >= 2) {
      const times = paidBy.length === 2 ? "twice" : `${paidBy.length} times`;
      return `${name} paid line ${chargeId} ${times} (${listInWords(paidBy)})`;
    }
    return `${name} paid ${formatMoney(amount)} more than line ${chargeId} owed${piece.paymentId ? ` (${piece.paymentId})` : ""}`;
  }
  // The patient's money: was the line paid by its payer after the patient paid?
  const patientPaid = patientSide.filter((m) => m.payerId === undefined).reduce((s, m) => s + m.paid, 0);
  const firstPatient = Math.min(...patientSide.filter((m) => m.payerId === undefined && m.paid > 0).map((m) => m.day));
  const later = insuranceSide.filter((m) => m.paid > 0 && m.day >= firstPatient);
  if (later.length > 0) {
    const last = later[later.length - 1];
    const insurer = payerName(payers, last.payerId ?? "");
    const insurerPaid = later.reduce((s, m) => s + m.paid, 0);
    return `${insurer} paid ${formatMoney(insurerPaid)} on ${postingDates[last.posting]} after the patient paid ${formatMoney(patientPaid)} on line ${chargeId}`;
  }
  return `Patient paid ${formatMoney(amount)} more than line ${chargeId} owed${piece.paymentId ? ` (${piece.paymentId})` : ""}`;
}

/** A credit's one-line name: "PM000120 (unapplied)", "line C45 from PM000131". */
export function creditName(credit: Pick<CreditBalance, "kind" | "paymentId" | "chargeId">): string {
  if (credit.kind === "unapplied") return `${credit.paymentId} (unapplied)`;
  return `line ${credit.chargeId}${credit.paymentId ? ` from ${credit.paymentId}` : ""}`;
}
