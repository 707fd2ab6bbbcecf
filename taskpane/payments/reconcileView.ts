// The Reconcile view apart from React: the date range as typed, the deposits of that range with
// the ones that don't tie out first, payments holding an unapplied credit, and a refund of such a
// credit as the refund plan's input (the one refund plan: src/credits/refundPlan.ts, with its reason).
import { addDays, parseDate, type DateSystem, type IsoDate } from "../../src/dates";
import { formatMoney, parseMoney, type Cents } from "../../src/money";
import type { DepositLine } from "../../src/ledger/depositReconciliation";
import type { PaymentStatus } from "../../src/ledger/balances";
import type { Method } from "./paymentForm";
import { sentence } from "../billerMessage";

/** The last 30 days, today included. */
export function defaultRange(today: IsoDate): { from: string; to: string } {
  return { from: addDays(today, -29), to: today };
}

export type RangeRead = { ok: true; from: IsoDate; to: IsoDate } | { ok: false; from?: string; to?: string };

export function readRange(from: string, to: string, dateSystem: DateSystem = 1900): RangeRead {
  const a = from.trim() === "" ? undefined : parseDate(from, dateSystem);
  const b = to.trim() === "" ? undefined : parseDate(to, dateSystem);
  const errors: { from?: string; to?: string } = {};
  if (!a) errors.from = "Enter the first day to reconcile.";
  else if (!a.ok) errors.from = sentence(a.error);
  if (!b) errors.to = "Enter the last day to reconcile.";
  else if (!b.ok) errors.to = sentence(b.error);
  if (a?.ok && b?.ok && a.value > b.value) errors.to = "The last day is before the first day.";
  if (errors.from || errors.to || !a?.ok || !b?.ok) return { ok: false, ...errors };
  return { ok: true, from: a.value, to: b.value };
}

/** "Check 1234567", "EFT 912345678", "Cash (no reference)". */
export function depositName(d: Pick<DepositLine, "method" | "reference">): string {
  const method = d.method.trim() || "Deposit";
  return d.reference.trim() ? `${method} ${d.reference.trim()}` : `${method} (no reference)`;
}

/** The deposits that don't tie out first (they need work), then the rest by date. */
export function depositsInOrder(deposits: DepositLine[]): DepositLine[] {
  return [...deposits].sort((a, b) => Number(a.ties) - Number(b.ties) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** "12 deposits, 2 don't tie out." */
export function reconcileHeadline(deposits: number, notTied: number): string {
  if (deposits === 0) return "No deposits in these dates.";
  const count = `${deposits.toLocaleString("en-US")} ${deposits === 1 ? "deposit" : "deposits"}`;
  if (notTied === 0) return `${count}, every one ties out.`;
  return `${count}, ${notTied.toLocaleString("en-US")} ${notTied === 1 ? "doesn't" : "don't"} tie out.`;
}

/** Payments still holding money not applied to any line, oldest first. */
export function creditsToRefund(statuses: PaymentStatus[]): PaymentStatus[] {
  return statuses.filter((s) => s.unapplied > 0).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface RefundForm {
  amount: string;
  date: string;
  method: Method;
  reference: string;
  /** Why the money goes back: the refund register requires it. */
  reason: string;
}

export function newRefundForm(credit: Pick<PaymentStatus, "unapplied">, today: IsoDate): RefundForm {
  return { amount: formatMoney(credit.unapplied), date: today, method: "Check", reference: "", reason: "" };
}

export type RefundRead =
  | { ok: true; refund: { paymentId: string; amount: Cents; date: IsoDate; method: string; reference?: string; reason: string } }
  | { ok: false; errors: { amount?: string; date?: string; reason?: string } };

/** The refund as refundPlan takes it: a positive amount, no more than the credit (the plan checks that too). */
export function readRefundForm(paymentId: string, form: RefundForm, dateSystem: DateSystem = 1900): RefundRead {
  const errors: { amount?: string; date?: string; reason?: string } = {};
  const amount = parseMoney(form.amount);
  if (form.amount.trim() === "") errors.amount = "Enter the amount to refund.";
  else if (!amount.ok) errors.amount = sentence(amount.error);
  else if (amount.value <= 0) errors.amount = "Enter the amount to refund as more than $0.00, without a minus sign.";
  const date = form.date.trim() === "" ? undefined : parseDate(form.date, dateSystem);
  if (!date) errors.date = "Enter the date of the refund.";
  else if (!date.ok) errors.date = sentence(date.error);
  const reason = form.reason.trim();
  if (reason === "") errors.reason = "Say why the money is refunded: the refund register needs a reason.";
  if (errors.amount || errors.date || errors.reason || !amount.ok || !date?.ok) return { ok: false, errors };
  const reference = form.reference.trim();
  return {
    ok: true,
    refund: { paymentId, amount: amount.value, date: date.value, method: form.method, reason, ...(reference ? { reference } : {}) },
  };
}
