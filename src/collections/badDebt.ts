// Bad debt sent to a collection agency and what came back of it (issue 17): the one home of the codes
// and words the hand-off writes on its postings, and of reading them back, per line and per account.
// - Sending an account writes off each line's patient share as a Group WO posting with Reason
//   BAD_DEBT_REASON (the note says which agency: "Bad debt write-off: sent to <agency>").
// - A recovery writes the bad debt back by the gross amount the agency collected (a negative WO with the
//   same reason, no Reverses: the send's posting stays reversible as a whole), takes the agency's net
//   payment as paid, and writes the agency's fee off with AGENCY_FEE_REASON: each line nets to zero.
// - Sent counts the positive BAD_DEBT_REASON rows (and reversals of them); recovered the negative ones
//   a recovery wrote (and reversals of those); what is still out with the agency is sent − recovered.
import type { IsoDate } from "../dates";
import type { Ledger } from "../ledger/ledger";
import { oldestFirst } from "../ledger/postingPlans";
import type { Cents } from "../money";
import type { PostingRow } from "../workbook/tables";

/** Reason of a bad-debt write-off: the code the remittance's PLB uses for a bad debt adjustment. */
export const BAD_DEBT_REASON = "BD";
/** Reason of the agency's fee, written off when the agency pays (Collection Agency Fee). */
export const AGENCY_FEE_REASON = "CAF";
/** The Note of the agency's Payments row and of the paid postings it makes. */
export const AGENCY_RECOVERY_NOTE = "Collection agency recovery";
/** The Note of the negative bad-debt posting a recovery makes. */
export const BAD_DEBT_RECOVERED_NOTE = "Bad debt recovered by the collection agency";
/** The Note of the agency's fee posting. */
export const AGENCY_FEE_NOTE = "Collection agency fee";
/** The Account Status of an account with a collection agency. */
export const IN_COLLECTIONS = "Collections";

/** What officeAdjustmentPlan puts after "Bad debt write-off: " on a line sent to an agency. */
export function sentToAgency(agency: string, why?: string): string {
  return why ? `sent to ${agency} (${why})` : `sent to ${agency}`;
}

export interface BadDebtLine {
  chargeId: string;
  patientId: string;
  dos: IsoDate;
  /** Written off to bad debt. */
  sent: Cents;
  /** Written back when the agency paid (gross: its net payment and its fee). */
  recovered: Cents;
  /** The agency's fees written off. */
  fees: Cents;
  /** Still out with the agency: sent − recovered. */
  outstanding: Cents;
}

export interface BadDebtAccount {
  patientId: string;
  sent: Cents;
  recovered: Cents;
  fees: Cents;
  outstanding: Cents;
  /** The latest bad-debt write-off's date. */
  sentOn?: IsoDate;
  lines: BadDebtLine[];
}

/**
 * The lines with a bad-debt or agency-fee posting (of the accounts named, every account when left
 * out), oldest date of service first (the order a recovery is applied in).
 */
export function badDebtLines(ledger: Ledger, patientIds?: Iterable<string>): BadDebtLine[] {
  const wanted = patientIds ? new Set([...patientIds].map((id) => id.toLowerCase())) : undefined;
  const byLine = new Map<string, BadDebtLine>();
  for (const p of ledger.postings) {
    const original = p.reverses !== undefined ? ledger.postingById.get(p.reverses) : undefined;
    const group = p.group ?? original?.group;
    const reason = p.reason ?? original?.reason;
    if (group !== "WO" || (reason !== BAD_DEBT_REASON && reason !== AGENCY_FEE_REASON)) continue;
    const charge = ledger.chargeById.get(p.chargeId);
    if (!charge || (wanted && !wanted.has(charge.patientId.toLowerCase()))) continue;
    let line = byLine.get(charge.chargeId);
    if (!line) {
      line = { chargeId: charge.chargeId, patientId: charge.patientId, dos: charge.dos, sent: 0, recovered: 0, fees: 0, outstanding: 0 };
      byLine.set(charge.chargeId, line);
    }
    const amount = p.adjustment ?? 0;
    if (reason === AGENCY_FEE_REASON) line.fees += amount;
    else if (isRecovery(original ?? p)) line.recovered -= amount;
    else line.sent += amount;
    line.outstanding = line.sent - line.recovered;
  }
  return [...byLine.values()].sort(oldestFirst);
}

/** A recovery's write-back: a negative bad-debt posting that reverses nothing. */
function isRecovery(p: PostingRow): boolean {
  return p.reverses === undefined && (p.adjustment ?? 0) < 0;
}

/** Each account's bad debt: what was sent, recovered and is still out, with its lines (accounts in first-seen order). */
export function badDebtAccounts(ledger: Ledger, patientIds?: Iterable<string>): BadDebtAccount[] {
  const lines = badDebtLines(ledger, patientIds);
  const sentOn = new Map<string, IsoDate>();
  for (const p of ledger.postings) {
    if (p.group === "WO" && p.reason === BAD_DEBT_REASON && (p.adjustment ?? 0) > 0 && p.reverses === undefined) {
      const seen = sentOn.get(p.chargeId);
      if (seen === undefined || p.date > seen) sentOn.set(p.chargeId, p.date);
    }
  }
  const accounts = new Map<string, BadDebtAccount>();
  for (const line of lines) {
    let account = accounts.get(line.patientId);
    if (!account) {
      account = { patientId: line.patientId, sent: 0, recovered: 0, fees: 0, outstanding: 0, lines: [] };
      accounts.set(line.patientId, account);
    }
    account.sent += line.sent;
    account.recovered += line.recovered;
    account.fees += line.fees;
    account.outstanding += line.outstanding;
    account.lines.push(line);
    const on = sentOn.get(line.chargeId);
    if (on !== undefined && (account.sentOn === undefined || on > account.sentOn)) account.sentOn = on;
  }
  return [...accounts.values()];
}
