// The credits section's words apart from React: each credit as a row (who, how much, how it arose,
// Medicare's days-left badge, overdue in red words), the refund form prefilled from the credit and read
// into the refund plan's input (the Reconcile refund form's checks, readRefundForm, plus who gets it),
// and the register's rows with the unpaid ones first and a check form for them.
import { parseDate, type DateSystem, type IsoDate } from "../../src/dates";
import { formatMoney } from "../../src/money";
import { daysLeftWords, type CreditBalance, type RefundTo } from "../../src/credits/creditBalances";
import { registerInOrder } from "../../src/credits/creditSheets";
import type { RegisterEntry } from "../../src/credits/refundRegister";
import type { Refund } from "../../src/credits/refundPlan";
import { sentence } from "../billerMessage";
import { readRefundForm } from "../payments/reconcileView";

/** A credit's key in the list: its payment and line. */
export function creditKey(c: Pick<CreditBalance, "kind" | "paymentId" | "chargeId">): string {
  return `${c.kind}|${c.paymentId ?? ""}|${c.chargeId ?? ""}`;
}

export interface CreditRow {
  key: string;
  /** "Payer MCR · PM3 · line L1", "Patient P1 · PM1". */
  title: string;
  amount: string;
  how: string;
  /** Medicare's days left: "51 days left", or "30 days overdue" (red). */
  badge?: { text: string; overdue: boolean };
  identified: string;
}

export function creditRows(credits: CreditBalance[]): CreditRow[] {
  return credits.map((c) => {
    const who = c.to === "Payer" ? `Payer ${c.payerId ?? ""}` : `Patient ${c.patientId ?? ""}`;
    const parts = [who.trim(), c.paymentId, c.chargeId ? `line ${c.chargeId}` : undefined].filter(Boolean);
    const row: CreditRow = {
      key: creditKey(c),
      title: parts.join(" · "),
      amount: formatMoney(c.amount),
      how: c.how,
      identified: `Identified ${c.identified}${c.to === "Payer" && c.patientId ? ` · account ${c.patientId}` : ""}`,
    };
    if (c.daysLeft !== undefined) row.badge = { text: daysLeftWords(c.daysLeft), overdue: c.daysLeft < 0 };
    return row;
  });
}

/** "4 credits, $190.00; Medicare 2, 1 overdue." */
export function creditsHeadline(credits: CreditBalance[]): string {
  if (credits.length === 0) return "No credit balances: every payment is applied and no line is paid beyond what it owes.";
  const total = credits.reduce((s, c) => s + c.amount, 0);
  const medicare = credits.filter((c) => c.medicare);
  const overdue = medicare.filter((c) => (c.daysLeft ?? 0) < 0).length;
  const count = `${credits.length.toLocaleString("en-US")} ${credits.length === 1 ? "credit" : "credits"}, ${formatMoney(total)}`;
  return medicare.length === 0 ? `${count}.` : `${count}; Medicare ${medicare.length}, ${overdue} overdue (refund within 60 days).`;
}

export interface CreditRefundForm {
  to: RefundTo;
  amount: string;
  date: string;
  reason: string;
  check: string;
}

export function newCreditRefundForm(credit: CreditBalance, today: IsoDate): CreditRefundForm {
  return { to: credit.to, amount: formatMoney(credit.amount), date: today, reason: "", check: "" };
}

export type CreditRefundRead = { ok: true; refund: Refund } | { ok: false; errors: { amount?: string; date?: string; reason?: string } };

/** The refund as refundPlan takes it, for this credit (its payment, and its line when a line is overpaid). */
export function readCreditRefundForm(credit: CreditBalance, form: CreditRefundForm, dateSystem: DateSystem = 1900): CreditRefundRead {
  const read = readRefundForm(
    credit.paymentId ?? "",
    { amount: form.amount, date: form.date, method: "Check", reference: form.check, reason: form.reason },
    dateSystem,
  );
  if (!read.ok) return read;
  const refund: Refund = { ...read.refund, to: form.to };
  if (credit.chargeId !== undefined) refund.chargeId = credit.chargeId;
  if (credit.paymentId === undefined) delete refund.paymentId;
  return { ok: true, refund };
}

export interface RegisterRow {
  refundId: string;
  title: string;
  amount: string;
  detail: string;
  unpaid: boolean;
}

/** The register, unpaid first (they need a check), then paid by date. */
export function registerRows(entries: RegisterEntry[]): RegisterRow[] {
  return registerInOrder(entries).map((e) => ({
    refundId: e.refundId,
    title: `${e.refundId} · ${e.to === "Payer" ? `payer ${e.payerId ?? ""}` : `patient ${e.patientId ?? ""}`} · ${e.date}`,
    amount: formatMoney(e.amount),
    detail: e.paid ? `Paid by check ${e.checkNumber}${e.paidDate ? ` on ${e.paidDate}` : ""} · ${e.reason}` : `Unpaid · ${e.reason}`,
    unpaid: !e.paid,
  }));
}

export interface CheckForm {
  check: string;
  date: string;
}

export type CheckRead = { ok: true; checkNumber: string; date: IsoDate } | { ok: false; errors: { check?: string; date?: string } };

export function readCheckForm(form: CheckForm, dateSystem: DateSystem = 1900): CheckRead {
  const errors: { check?: string; date?: string } = {};
  if (form.check.trim() === "") errors.check = "Enter the check number.";
  const date = form.date.trim() === "" ? undefined : parseDate(form.date, dateSystem);
  if (!date) errors.date = "Enter the day the check was paid.";
  else if (!date.ok) errors.date = sentence(date.error);
  if (errors.check || errors.date || !date?.ok) return { ok: false, errors };
  return { ok: true, checkNumber: form.check.trim(), date: date.value };
}
