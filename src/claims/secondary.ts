// Secondary claims (issue 16): after the primary has paid, what it left to the patient often belongs
// to the patient's secondary payer, who wants the primary's answer on the claim (coordination of
// benefits). This module says which claims are due to a secondary, with the amounts that make them
// due, and builds the secondary claim: the same lines, billed to the Patients' Secondary PayerID under
// the Secondary Member ID, carrying what the primary paid and adjusted on each line, from the ledger.
//
// A claim is due to a secondary when the patient has one (other than the claim's payer), the primary
// has answered every line (a posting from one of its payments, or a CO/PR/OA/PI adjustment; reversed
// postings netted out), the primary put something on the patient, no other payer has paid anything on
// the claim yet (one that has answered is not billed again), and ClaimStatus shows neither a secondary
// claim already billed nor the primary crossing it over.
//
// The primary's postings on a line must add up to its charge (paid + Σ adjustments = charge): the
// secondary checks exactly that. A line that does not add up is refused in words, never evened out.
import { formatMoney, type Cents } from "../money";
import type { IsoDate } from "../dates";
import type { Ledger } from "../ledger/ledger";
import type { ClaimStatusRow, PatientRow, PayerRow, PostingRow } from "../workbook/tables";
import type { Claim, ClaimLine, ClaimPayer, CobAdjustment, CobLine, OtherPayerAdjudication } from "./model";
import { rejectionsOf } from "./claimHistory";

/** The groups a payer adjusts with, in the order the claim file lists them. */
const PAYER_GROUPS = ["CO", "PR", "OA", "PI"] as const;
type PayerGroup = (typeof PAYER_GROUPS)[number];
/** CO, PR, OA or PI: a group a payer adjusts with (WO is the office's own write-off). */
export const isPayerGroup = (group: string | undefined): group is PayerGroup => PAYER_GROUPS.includes(group as PayerGroup);

const lower = (text: string) => text.trim().toLowerCase();

/** What secondary.ts reads: the claims as built from Charges (billed or not), and the books beside them. */
export interface SecondaryBooks {
  claims: Claim[];
  patients: PatientRow[];
  payers: PayerRow[];
  ledger: Pick<Ledger, "postingsByCharge" | "paymentById" | "postingById">;
  claimStatus: ClaimStatusRow[];
}

/** A claim due to the patient's secondary payer, and the amounts that make it so. */
export interface SecondaryDue {
  /** The claim as billed to the primary (its payer is the primary). */
  claim: Claim;
  secondaryPayerId: string;
  secondaryMemberId?: string;
  charge: Cents;
  /** What the primary paid on the claim's lines. */
  primaryPaid: Cents;
  /** What the primary put on the patient (PR: deductible, coinsurance, copay...). */
  patientResp: Cents;
  /** Already paid on the lines by a payer other than the primary. */
  otherPayerPaid: Cents;
  /** patientResp − otherPayerPaid: what the secondary is asked about (> 0). */
  left: Cents;
}

/** A payer's answer on one line, from its postings (reversals netted). */
export interface PayerLine {
  /** A posting of the payer's stands on the line (not reversed). */
  adjudicated: boolean;
  paid: Cents;
  adjustments: CobAdjustment[];
  /** The latest date the payer paid or adjusted the line (its payment's date when known). */
  paidDate?: IsoDate;
  /** Paid on the line by payers other than this one (not the patient). */
  otherPayerPaid: Cents;
  /** Postings whose adjustment or patient responsibility has no reason code (the claim file needs one). */
  withoutReason: string[];
}

/** Whose a posting is: its payment's payer, "patient" (a payment without PayerID) or "none" (no payment in Payments). */
export function postingOwner(ledger: SecondaryBooks["ledger"], posting: PostingRow): { owner: string; date?: IsoDate } {
  const original = posting.reverses !== undefined ? ledger.postingById.get(posting.reverses) : undefined;
  const paymentId = posting.paymentId ?? original?.paymentId;
  const payment = paymentId === undefined ? undefined : ledger.paymentById.get(paymentId);
  if (!payment) return { owner: "none" };
  return { owner: payment.payerId === undefined ? "patient" : lower(payment.payerId), date: payment.date };
}

/**
 * A payer's postings on a line, netted: paid, adjustments by group and reason, the date. `linePayer`:
 * the payer is the line's own (its Charges PayerID), which also owns what was posted with no payment
 * behind it (the ledger's rule); a later payer owns only what its payments posted.
 */
export function payerLine(ledger: SecondaryBooks["ledger"], payerId: string, line: ClaimLine, linePayer = true): PayerLine {
  const primary = lower(payerId);
  const postings = ledger.postingsByCharge.get(line.lineId) ?? [];
  const reversed = new Set<string>();
  for (const p of postings) if (p.reverses !== undefined) reversed.add(p.reverses);
  const out: PayerLine = { adjudicated: false, paid: 0, adjustments: [], otherPayerPaid: 0, withoutReason: [] };
  const byKey = new Map<string, CobAdjustment>();
  const add = (group: PayerGroup, reason: string, amount: Cents) => {
    const key = `${group}-${reason}`;
    const found = byKey.get(key);
    if (found) found.amount += amount;
    else byKey.set(key, { group, reason, amount });
  };
  for (const p of postings) {
    const original = p.reverses !== undefined ? ledger.postingById.get(p.reverses) : undefined;
    const group = p.group ?? original?.group;
    const reason = p.reason ?? original?.reason;
    const { owner, date } = postingOwner(ledger, p);
    // Paid with no payment behind it counts as the line's own payer's (the ledger's rule); an
    // adjustment with no payment is the payer's only when its group is one of a payer's.
    const isPrimary = owner === primary || (linePayer && owner === "none" && (isPayerGroup(group) || (p.paid ?? 0) !== 0));
    if (!isPrimary) {
      if (owner !== "patient" && owner !== "none") out.otherPayerPaid += p.paid ?? 0;
      continue;
    }
    if (p.reverses === undefined && !reversed.has(p.postingId)) out.adjudicated = true;
    out.paid += p.paid ?? 0;
    const adjustment = p.adjustment ?? 0;
    const resp = p.patientResp ?? 0;
    if ((adjustment !== 0 && isPayerGroup(group)) || resp !== 0) {
      if (!reason) out.withoutReason.push(p.postingId);
      else {
        if (adjustment !== 0 && isPayerGroup(group)) add(group, reason, adjustment);
        if (resp !== 0) add("PR", reason, resp);
      }
    }
    const when = date ?? p.date;
    if (out.paidDate === undefined || when > out.paidDate) out.paidDate = when;
  }
  // Group order CO, PR, OA, PI, reasons as first posted; what nets to nothing is left out.
  for (const group of PAYER_GROUPS) for (const a of byKey.values()) if (a.group === group && a.amount !== 0) out.adjustments.push(a);
  return out;
}

export const patientRespOf = (line: PayerLine) => line.adjustments.reduce((sum, a) => sum + (a.group === "PR" ? a.amount : 0), 0);

/**
 * The ClaimStatus rows that keep a claim from the secondary: billed to it already (unless its latest
 * word from the secondary's side is a rejection: then it is to send again), or crossed over by the
 * primary.
 */
function closedClaims(rows: ClaimStatusRow[]): Set<string> {
  const rejected = new Set(
    [
      ...rejectionsOf(
        rows.filter((row) => row.sequence === "Secondary"),
        LAST_DAY,
      ).keys(),
    ].map(lower),
  );
  const closed = new Set<string>();
  for (const row of rows) {
    const billedToSecondary = row.event === "Billed" && row.sequence === "Secondary" && !rejected.has(lower(row.claimId));
    if (row.event === "Crossed over" || billedToSecondary) closed.add(lower(row.claimId));
  }
  return closed;
}

/** Every ClaimStatus row counts, whatever its date. */
export const LAST_DAY = "9999-12-31";

/** The claims due to a secondary payer, each with the amounts that make it due; the others are left out. */
export function claimsDueToSecondary(books: SecondaryBooks): SecondaryDue[] {
  const patients = new Map(books.patients.map((p) => [lower(p.patientId), p]));
  const closed = closedClaims(books.claimStatus);
  const due: SecondaryDue[] = [];
  for (const claim of books.claims) {
    if (claim.sequence === "S" || claim.sequence === "T" || closed.has(lower(claim.claimId))) continue;
    const patient = patients.get(lower(claim.patient.patientId));
    const secondary = patient?.secondaryPayerId;
    if (!patient || secondary === undefined || lower(secondary) === lower(claim.payer.payerId)) continue;
    const lines = claim.lines.map((line) => payerLine(books.ledger, claim.payer.payerId, line));
    if (lines.length === 0 || !lines.every((l) => l.adjudicated)) continue;
    const patientResp = lines.reduce((sum, l) => sum + patientRespOf(l), 0);
    const otherPayerPaid = lines.reduce((sum, l) => sum + l.otherPayerPaid, 0);
    // Another payer has paid on the claim already: the secondary has answered (billed by hand or on
    // paper), so it is not billed again.
    if (otherPayerPaid > 0) continue;
    const left = patientResp - otherPayerPaid;
    if (left <= 0) continue;
    const found: SecondaryDue = {
      claim,
      secondaryPayerId: secondary,
      charge: claim.total,
      primaryPaid: lines.reduce((sum, l) => sum + l.paid, 0),
      patientResp,
      otherPayerPaid,
      left,
    };
    if (patient.secondaryMemberId !== undefined) found.secondaryMemberId = patient.secondaryMemberId;
    due.push(found);
  }
  return due;
}

export type SecondaryClaim = { ok: true; claim: Claim } | { ok: false; problems: string[] };

/** Payers row → the claim's payer. */
export function claimPayerOf(row: PayerRow): ClaimPayer {
  const payer: ClaimPayer = { payerId: row.payerId, name: row.name, type: row.type };
  if (row.x12PayerId !== undefined) payer.x12PayerId = row.x12PayerId;
  if (row.timelyFilingDays !== undefined) payer.timelyFilingDays = row.timelyFilingDays;
  return payer;
}

/**
 * The claim to send the secondary: billed to the secondary payer under the Secondary Member ID (left
 * blank when Patients has none: the scrubber holds such a claim back), with the primary's answer on
 * each line. Refused when the secondary payer is not in Payers, or a line's primary postings do not
 * add up to its charge or lack a reason code.
 */
export function secondaryClaim(due: SecondaryDue, books: Pick<SecondaryBooks, "payers" | "ledger">): SecondaryClaim {
  const primary = due.claim;
  const named = `Claim ${primary.claimId}`;
  const problems: string[] = [];
  const payerRow = books.payers.find((p) => lower(p.payerId) === lower(due.secondaryPayerId));
  if (!payerRow) {
    problems.push(
      `${named}: the patient's secondary payer ${due.secondaryPayerId} is not in the Payers table: add it there, or correct the patient's Secondary PayerID.`,
    );
  }
  const answer = primaryAdjudication(primary, books.ledger, "secondary", problems);
  if (problems.length > 0 || !payerRow) return { ok: false, problems };

  const patient = { ...primary.patient };
  delete patient.memberId;
  if (due.secondaryMemberId !== undefined) patient.memberId = due.secondaryMemberId;
  const claim: Claim = {
    ...primary,
    patient,
    payer: claimPayerOf(payerRow),
    // An original claim to the secondary, whatever it was to the primary.
    frequency: "1",
    sequence: "S",
    otherPayers: [answer],
  };
  delete claim.payerClaimNumber;
  delete claim.billedDate;
  return { ok: true, claim };
}

/**
 * The primary's adjudication of the claim from its postings, for the claim to the next payer (`next`:
 * "secondary" or "tertiary", for the words). A line whose postings lack a reason code or do not add
 * up to its charge is said in `problems`, and left out.
 */
export function primaryAdjudication(
  primary: Claim,
  ledger: SecondaryBooks["ledger"],
  next: "secondary" | "tertiary",
  problems: string[],
): OtherPayerAdjudication {
  const named = `Claim ${primary.claimId}`;
  const cobLines: CobLine[] = [];
  let paidDate: IsoDate = "";
  for (const line of primary.lines) {
    const answer = payerLine(ledger, primary.payer.payerId, line);
    const where = `${named}, line ${line.lineId} (${line.code} on ${line.dos})`;
    if (answer.withoutReason.length > 0) {
      problems.push(
        `${where}: posting${answer.withoutReason.length === 1 ? "" : "s"} ${answer.withoutReason.join(", ")} of ${primary.payer.payerId} ` +
          `${answer.withoutReason.length === 1 ? "has" : "have"} an adjustment or patient responsibility with no Reason code, which the ${next} needs: fill the Reason in Postings.`,
      );
      continue;
    }
    const adjusted = answer.adjustments.reduce((sum, a) => sum + a.amount, 0);
    if (answer.paid + adjusted !== line.charge) {
      problems.push(
        `${where}: ${primary.payer.payerId}'s postings add up to ${formatMoney(answer.paid)} paid and ${formatMoney(adjusted)} adjusted, ` +
          `${formatMoney(answer.paid + adjusted)}, not the line's charge of ${formatMoney(line.charge)}: correct the postings in Postings before billing the ${next} (nothing was changed).`,
      );
      continue;
    }
    const lineDate = answer.paidDate ?? line.dos;
    if (lineDate > paidDate) paidDate = lineDate;
    cobLines.push({ lineId: line.lineId, paid: answer.paid, adjustments: answer.adjustments, paidDate: lineDate });
  }
  const out: OtherPayerAdjudication = {
    payer: primary.payer,
    paid: cobLines.reduce((sum, l) => sum + l.paid, 0),
    claimAdjustments: [],
    paidDate,
    lines: cobLines,
  };
  if (primary.patient.memberId !== undefined) out.memberId = primary.patient.memberId;
  if (primary.payerClaimNumber !== undefined) out.payerClaimNumber = primary.payerClaimNumber;
  return out;
}
