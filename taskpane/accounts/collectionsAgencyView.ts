// What the Collections section shows and how its forms read, apart from React so it can be tested in
// Node: a row per account to send (name, balance, age, last payment) and per account with the agency
// (sent, recovered, still out), the confirmation naming the count and the total, the agency payment
// form read into the engine's request (the fee typed, or worked out from a percent of what the agency
// collected), and the preview of what posting it writes. Every figure comes formatted from cents.
import { agencyFee, feePercent, type AgencyRecovery, type RecoveryResult } from "../../src/collections/agencyRecovery";
import { AGENCY_FEE_REASON } from "../../src/collections/badDebt";
import { isIsoDate, type IsoDate } from "../../src/dates";
import { formatMoney, parseMoney, type Cents } from "../../src/money";
import type { CollectionsAccount } from "../../src/reports/collections";
import { plural, sentence } from "../billerMessage";
import type { AgencyBooks } from "./collectionsAgencyRun";

export interface SendRow {
  patientId: string;
  name: string;
  balance: string;
  detail: string;
}

export function sendRows(accounts: readonly CollectionsAccount[]): SendRow[] {
  return accounts.map((a) => ({
    patientId: a.patientId,
    name: [a.lastName, a.firstName].filter(Boolean).join(", ") || a.patientId,
    balance: formatMoney(a.balance),
    detail: [
      `${a.patientId} · oldest ${plural(a.oldestAge, "day")}`,
      a.lastPayment ? `paid ${formatMoney(a.lastPayment.amount)} on ${a.lastPayment.date}` : "no payment",
    ].join(" · "),
  }));
}

/** The chosen accounts' count and total: "2 accounts, $310.00". */
export function sendSummary(
  accounts: readonly CollectionsAccount[],
  chosen: ReadonlySet<string>,
): { count: number; total: Cents; text: string } {
  const picked = accounts.filter((a) => chosen.has(a.patientId));
  const total = picked.reduce((s, a) => s + a.balance, 0);
  return {
    count: picked.length,
    total,
    text: picked.length === 0 ? "No account chosen" : `${plural(picked.length, "account")}, ${formatMoney(total)}`,
  };
}

/** The question asked before anything is written. */
export function sendQuestion(count: number, total: Cents, agency: string): string {
  return (
    `Send ${plural(count, "account")} (${formatMoney(total)}) to ${agency.trim()}? Their patient balances are written off to bad debt, ` +
    `the accounts are marked Collections, and the agency's file is downloaded.`
  );
}

/** The agency's name, before the question is asked. */
export function readAgency(agency: string): { ok: true; agency: string } | { ok: false; error: string } {
  const name = agency.trim();
  return name === "" ? { ok: false, error: "Enter the agency's name." } : { ok: true, agency: name };
}

export interface AgencyRow {
  patientId: string;
  name: string;
  detail: string;
  outstanding: Cents;
}

export function agencyRows(withAgency: AgencyBooks["withAgency"]): AgencyRow[] {
  return withAgency.map((a) => ({
    patientId: a.patientId,
    name: [a.patient.lastName, a.patient.firstName].filter(Boolean).join(", ") || a.patientId,
    detail:
      a.sent === 0
        ? `${a.patientId} · marked Collections, nothing written off to bad debt`
        : `${a.patientId} · sent ${formatMoney(a.sent)}${a.sentOn ? ` on ${a.sentOn}` : ""} · recovered ${formatMoney(a.recovered)} · still out ${formatMoney(a.outstanding)}`,
    outstanding: a.outstanding,
  }));
}

export interface RecoveryForm {
  patientId: string;
  net: string;
  /** The fee in dollars; blank to work it out from the percent. */
  fee: string;
  feePercent: string;
  date: string;
  reference: string;
}

export type RecoveryField = "patientId" | "net" | "fee" | "date";
export type RecoveryErrors = Partial<Record<RecoveryField, string>>;

export function newRecoveryForm(today: IsoDate, percent?: string): RecoveryForm {
  return { patientId: "", net: "", fee: "", feePercent: percent ?? "", date: today, reference: "" };
}

/** The form as the engine's request (a check from the agency), or its mistakes by field. */
export function readRecoveryForm(form: RecoveryForm): { ok: true; recovery: AgencyRecovery } | { ok: false; errors: RecoveryErrors } {
  const errors: RecoveryErrors = {};
  if (form.patientId === "") errors.patientId = "Choose the account the agency paid on.";
  const amount = (text: string, field: "net" | "fee", missing: string): Cents | undefined => {
    if (text.trim() === "") {
      errors[field] = missing;
      return undefined;
    }
    const parsed = parseMoney(text);
    if (!parsed.ok) errors[field] = sentence(parsed.error);
    return parsed.ok ? parsed.value : undefined;
  };
  const net = amount(form.net, "net", "Enter what the agency sent, like 150.00.");
  let fee: Cents | undefined;
  if (form.fee.trim() !== "" || form.feePercent.trim() === "") {
    fee = amount(form.fee, "fee", "Enter the agency's fee (0.00 if none), or its percent.");
  } else {
    const percent = feePercent(form.feePercent);
    if (percent === undefined) errors.fee = `"${form.feePercent.trim()}" is not a percent from 0 to under 100.`;
    else if (net !== undefined) fee = agencyFee(net, percent);
  }
  const date = form.date.trim();
  if (!isIsoDate(date)) errors.date = "Enter the date the agency paid, like 2026-06-30.";
  if (Object.keys(errors).length > 0 || net === undefined || fee === undefined) return { ok: false, errors };
  const reference = form.reference.trim();
  return {
    ok: true,
    recovery: { patientId: form.patientId, net, fee, date, method: "Check", ...(reference ? { reference } : {}) },
  };
}

/** The preview of an agency payment: its figures, then a line per row it writes. */
export function recoveryPreview(
  result: Extract<RecoveryResult, { ok: true }>,
  net: Cents,
  fee: Cents,
): { headline: string; rows: string[] } {
  return {
    headline:
      `${formatMoney(net)} from the agency + ${formatMoney(fee)} fee = ${formatMoney(result.gross)} of bad debt recovered; ` +
      `${formatMoney(result.outstandingAfter)} stays with the agency.`,
    rows: result.preview.map((row) => {
      const v = row.values;
      if (row.table === "Payments") return `Payment ${v.PaymentID}: ${v.Amount}`;
      if (v.Paid) return `${v.ChargeID}: paid ${v.Paid}`;
      return `${v.ChargeID}: ${v.Reason === AGENCY_FEE_REASON ? "agency fee" : "bad debt written back"} ${v.Adjustment}`;
    }),
  };
}

export function sentMessage(what: string, fileName: string): string {
  return `${sentence(what)} The agency's file ${fileName} was downloaded.`;
}
