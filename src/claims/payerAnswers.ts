// What payers have already answered, line by line: a claim a payer has adjudicated (paid, denied,
// put on the patient) is never sent again as a first claim, even when its lines carry no Billed Date
// (billed by hand, on paper, or before the workbook). Read in one pass over the Postings' columns, as
// parseTable gives them (no row objects), with the Payments' PayerID and Date: a posting is a payer's
// answer when its payment is a payer's, when it came from an ERA, or (no payment behind it) when it
// pays something, puts something on the patient or adjusts with a payer's group (the ledger counts
// such money as the line's payer's). A patient's payment or an office write-off alone answers
// nothing; a reversed posting and its reversal answer nothing either. A rejection (ClaimStatus) is
// not an answer: the payer never took the claim in.
import type { IsoDate } from "../dates";
import type { Cents } from "../money";
import { plural } from "../counting";
import type { PaymentRow, PostingRow } from "../workbook/tables";
import { isPayerGroup } from "./secondary";

/** A payer's answer on one line, from its postings (reversed ones left out). */
export interface LineAnswer {
  /** The PayerID of the payment answered with the latest; undefined when posted without a payment (the line's own payer). */
  payerId?: string;
  /** The latest date the payer answered (its payment's date, else the posting's). */
  date: IsoDate;
  paid: Cents;
  /** The first reason of an adjustment other than PR ("CO-50"), the first PR one ("PR-1"). */
  reason?: string;
  patientReason?: string;
}

/** A table as parseTable gives it: each field's values by row (undefined where blank). */
export interface ColumnsOf {
  count: number;
  columns: Record<string, unknown[]>;
}

const NONE: readonly unknown[] = Object.freeze([]);

/** Each ChargeID a payer has answered, with what it did (see the header). */
export function payerAnswers(postings: ColumnsOf | undefined, payments: ColumnsOf | undefined): Map<string, LineAnswer> {
  const answers = new Map<string, LineAnswer>();
  if (!postings || postings.count === 0) return answers;
  const column = <K extends keyof PostingRow>(key: K) => (postings.columns[key] ?? NONE) as (PostingRow[K] | undefined)[];
  const chargeIds = column("chargeId");
  const postingIds = column("postingId");
  const reverses = column("reverses");
  const paymentIds = column("paymentId");
  const paid = column("paid");
  const adjustments = column("adjustment");
  const groups = column("group");
  const reasons = column("reason");
  const patientResps = column("patientResp");
  const sources = column("source");
  const dates = column("date");

  // Postings reversed: they and their reversals stand for nothing.
  const reversed = new Set<string>();
  for (let i = 0; i < reverses.length; i++) {
    const r = reverses[i];
    if (r !== undefined) reversed.add(r);
  }
  // Each payment's payer and date, by PaymentID (the first row counts).
  const paymentPayer = new Map<string, { payerId: string | undefined; date: IsoDate | undefined }>();
  if (payments) {
    const ids = (payments.columns.paymentId ?? NONE) as (string | undefined)[];
    const payers = (payments.columns.payerId ?? NONE) as (PaymentRow["payerId"] | undefined)[];
    const paymentDates = (payments.columns.date ?? NONE) as (IsoDate | undefined)[];
    for (let i = 0; i < payments.count; i++) {
      const id = ids[i];
      if (id !== undefined && !paymentPayer.has(id)) paymentPayer.set(id, { payerId: payers[i], date: paymentDates[i] });
    }
  }

  for (let i = 0; i < postings.count; i++) {
    if (reverses[i] !== undefined || (reversed.size > 0 && reversed.has(postingIds[i]!))) continue;
    const paymentId = paymentIds[i];
    const payment = paymentId === undefined ? undefined : paymentPayer.get(paymentId);
    const amountPaid = paid[i] ?? 0;
    const adjustment = adjustments[i] ?? 0;
    const patientResp = patientResps[i] ?? 0;
    const group = groups[i];
    if (payment) {
      // A patient's payment answers nothing, whatever its source.
      if (payment.payerId === undefined) continue;
    } else if (sources[i] !== "ERA" && amountPaid === 0 && patientResp === 0 && !(adjustment !== 0 && isPayerGroup(group))) continue;
    const chargeId = chargeIds[i]!;
    const date = payment?.date ?? dates[i]!;
    let answer = answers.get(chargeId);
    if (!answer) {
      answer = { date, paid: 0 };
      answers.set(chargeId, answer);
    }
    if (date >= answer.date) {
      answer.date = date;
      if (payment?.payerId !== undefined) answer.payerId = payment.payerId;
    } else if (answer.payerId === undefined && payment?.payerId !== undefined) answer.payerId = payment.payerId;
    answer.paid += amountPaid;
    const reason = reasons[i];
    if (reason !== undefined && adjustment !== 0 && group !== undefined && group !== "PR" && answer.reason === undefined)
      answer.reason = `${group}-${reason}`;
    if (reason !== undefined && (patientResp !== 0 || (adjustment !== 0 && group === "PR")) && answer.patientReason === undefined)
      answer.patientReason = `PR-${reason}`;
  }
  return answers;
}

/** A claim left out of the claims to send because its payer has answered it. */
export interface AdjudicatedClaim {
  claimId: string;
  /** What the payer did, in words: "paid by MCR on 2026-05-02", "denied by AET (CO-50) on 2026-05-02". */
  answer: string;
}

/** What a payer did with a claim, from its lines' answers: `linePayer` is the claim's PayerID. */
export function claimAnswer(lines: readonly LineAnswer[], linePayer: string): string {
  let latest = lines[0];
  let paid = 0;
  let reason: string | undefined;
  let patientReason: string | undefined;
  for (const line of lines) {
    if (line.date > latest.date) latest = line;
    paid += line.paid;
    reason ??= line.reason;
    patientReason ??= line.patientReason;
  }
  const payer = latest.payerId ?? lines.find((l) => l.payerId !== undefined)?.payerId ?? linePayer;
  if (paid > 0) return `paid by ${payer} on ${latest.date}`;
  if (reason === undefined && patientReason !== undefined) return `put on the patient by ${payer} (${patientReason}) on ${latest.date}`;
  return `denied by ${payer}${reason === undefined ? "" : ` (${reason})`} on ${latest.date}`;
}

/**
 * "2 claims left out: the payer already answered them (CL000246 paid by MCR on 2026-05-02, ...): send a
 * corrected claim (frequency 7) instead if needed". Empty when none.
 */
export function adjudicatedSentence(claims: readonly AdjudicatedClaim[]): string {
  if (claims.length === 0) return "";
  const one = claims.length === 1;
  const named = claims.map((c) => `${c.claimId} ${c.answer}`).join(", ");
  return (
    `${plural(claims.length, "claim")} left out: the payer already answered ${one ? "it" : "them"} (${named}): ` +
    "send a corrected claim (frequency 7) instead if needed."
  );
}
