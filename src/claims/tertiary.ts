// Tertiary claims (issue 16): after the primary and the secondary have answered, what is still left
// to the patient may belong to the patient's tertiary payer, who wants both prior answers on the claim.
// This module says which claims are due to a tertiary, with the amounts that make them due, and builds
// the tertiary claim: the same lines, billed to the Patients' Tertiary PayerID under the Tertiary
// Member ID, carrying the primary's answer (as a secondary claim does, secondary.ts) and the
// secondary's, both from the ledger.
//
// A claim is due to a tertiary when the patient has one (other than the primary and the secondary),
// the primary has answered every line, the secondary has answered (a payment of its own on a line of
// the claim, or a ClaimStatus "Billed" row with Sequence "Secondary" followed by a posting of one of
// its payments on the claim, a $0 one included), something is still left to the patient after the
// secondary, the tertiary has posted nothing on the claim, and ClaimStatus shows neither a tertiary
// claim already billed (unless its latest word from the tertiary's side is a rejection: then it is to
// send again) nor the secondary crossing it over.
//
// The secondary's answer on a line, as its 2430 loop says it, must balance like the primary's: SVD02
// + Σ CAS = the line's charge. The ledger keeps of the secondary only its payment and its own
// adjustments (its OA-23 and its PR are never posted: eraTransaction.ts), so the rest is worked out:
//   left     = the primary's PR − the secondary's paid − the secondary's own CO/OA/PI adjustments
//              (what the patient still owes after the secondary; never below zero, or it is refused);
//   OA-23    = charge − paid − own adjustments − left = charge − the primary's PR (the prior payer's
//              impact: what the primary paid and adjusted off), left out when $0;
//   PR       = left, laid over the primary's PR reason codes in the primary's order, each up to the
//              primary's amount for it (the ledger does not say which of them the secondary covered).
// A PR the secondary's payment posted by hand is not counted: the patient's share is the primary's.
import { formatMoney, type Cents } from "../money";
import type { IsoDate } from "../dates";
import type { ClaimLine, Claim, CobAdjustment, CobLine, OtherPayerAdjudication } from "./model";
import { rejectionsOf } from "./claimHistory";
import { claimPayerOf, LAST_DAY, patientRespOf, payerLine, primaryAdjudication, type PayerLine, type SecondaryBooks } from "./secondary";

const lower = (text: string) => text.trim().toLowerCase();
const CAS_ORDER = ["CO", "PR", "OA", "PI"] as const;

/** A claim due to the patient's tertiary payer, and the amounts that make it so. */
export interface TertiaryDue {
  /** The claim as billed to the primary (its payer is the primary). */
  claim: Claim;
  secondaryPayerId: string;
  secondaryMemberId?: string;
  tertiaryPayerId: string;
  tertiaryMemberId?: string;
  charge: Cents;
  /** What the primary paid on the claim's lines. */
  primaryPaid: Cents;
  /** What the primary put on the patient (PR). */
  patientResp: Cents;
  /** What the secondary paid on the claim's lines. */
  secondaryPaid: Cents;
  /** The secondary's own adjustments (CO, OA, PI) on the claim's lines. */
  secondaryAdjusted: Cents;
  /** patientResp − secondaryPaid − secondaryAdjusted: what the tertiary is asked about (> 0). */
  left: Cents;
}

/** The secondary's own adjustments on a line: its CO, OA and PI (a PR it posted by hand is not its own). */
const ownAdjustments = (line: PayerLine) => line.adjustments.filter((a) => a.group !== "PR");
const sumOf = (list: CobAdjustment[]) => list.reduce((sum, a) => sum + a.amount, 0);

/**
 * ClaimIDs kept from the tertiary: billed to it already (unless its latest tertiary-side word is a
 * rejection), or crossed over by the secondary. And the date each claim was first billed to a
 * secondary, for "billed to the secondary, then answered".
 */
function tertiaryHistory(books: SecondaryBooks): { closed: Set<string>; billedToSecondary: Map<string, IsoDate> } {
  const rows = books.claimStatus;
  const rejected = new Set(
    [
      ...rejectionsOf(
        rows.filter((row) => row.sequence === "Tertiary"),
        LAST_DAY,
      ).keys(),
    ].map(lower),
  );
  const closed = new Set<string>();
  const billedToSecondary = new Map<string, IsoDate>();
  for (const row of rows) {
    const id = lower(row.claimId);
    if (row.event === "Billed" && row.sequence === "Tertiary" && !rejected.has(id)) closed.add(id);
    if (row.event === "Crossed over" && row.sequence === "Secondary") closed.add(id);
    if (row.event === "Billed" && row.sequence === "Secondary") {
      const first = billedToSecondary.get(id);
      if (first === undefined || row.date < first) billedToSecondary.set(id, row.date);
    }
  }
  return { closed, billedToSecondary };
}

/** The claims due to a tertiary payer, each with the amounts that make it due; the others are left out. */
export function claimsDueToTertiary(books: SecondaryBooks): TertiaryDue[] {
  const patients = new Map(books.patients.map((p) => [lower(p.patientId), p]));
  const { closed, billedToSecondary } = tertiaryHistory(books);
  const due: TertiaryDue[] = [];
  for (const claim of books.claims) {
    if (claim.sequence === "S" || claim.sequence === "T" || closed.has(lower(claim.claimId))) continue;
    const patient = patients.get(lower(claim.patient.patientId));
    const secondary = patient?.secondaryPayerId;
    const tertiary = patient?.tertiaryPayerId;
    if (!patient || secondary === undefined || tertiary === undefined) continue;
    const payers = [lower(claim.payer.payerId), lower(secondary)];
    if (payers[0] === payers[1] || payers.includes(lower(tertiary))) continue;
    const primaryLines = claim.lines.map((line) => payerLine(books.ledger, claim.payer.payerId, line));
    if (primaryLines.length === 0 || !primaryLines.every((l) => l.adjudicated)) continue;
    const secondaryLines = claim.lines.map((line) => payerLine(books.ledger, secondary, line, false));
    const secondaryPaid = secondaryLines.reduce((sum, l) => sum + l.paid, 0);
    const billed = billedToSecondary.get(lower(claim.claimId));
    const answeredAfterBilling =
      billed !== undefined && secondaryLines.some((l) => l.adjudicated && l.paidDate !== undefined && l.paidDate >= billed);
    if (!(secondaryPaid > 0 || answeredAfterBilling)) continue;
    // The tertiary has answered already (billed by hand or on paper): it is not billed again.
    const tertiaryLines = claim.lines.map((line) => payerLine(books.ledger, tertiary, line, false));
    if (tertiaryLines.some((l) => l.adjudicated || l.paid !== 0)) continue;
    const patientResp = primaryLines.reduce((sum, l) => sum + patientRespOf(l), 0);
    const secondaryAdjusted = secondaryLines.reduce((sum, l) => sum + sumOf(ownAdjustments(l)), 0);
    const left = patientResp - secondaryPaid - secondaryAdjusted;
    if (left <= 0) continue;
    const found: TertiaryDue = {
      claim,
      secondaryPayerId: secondary,
      tertiaryPayerId: tertiary,
      charge: claim.total,
      primaryPaid: primaryLines.reduce((sum, l) => sum + l.paid, 0),
      patientResp,
      secondaryPaid,
      secondaryAdjusted,
      left,
    };
    if (patient.secondaryMemberId !== undefined) found.secondaryMemberId = patient.secondaryMemberId;
    if (patient.tertiaryMemberId !== undefined) found.tertiaryMemberId = patient.tertiaryMemberId;
    due.push(found);
  }
  return due;
}

export type TertiaryClaim = { ok: true; claim: Claim } | { ok: false; problems: string[] };

/**
 * The secondary's answer on one line as its 2430 says it (the rule in this module's header): paid,
 * OA-23 for the primary's impact, its own adjustments, PR for what is left to the patient. Undefined
 * (with the words in `problems`) when it cannot be said.
 */
function secondaryCobLine(
  line: ClaimLine,
  primary: CobLine,
  answer: PayerLine,
  fallbackDate: IsoDate,
  where: string,
  secondaryId: string,
  problems: string[],
): CobLine | undefined {
  if (answer.withoutReason.length > 0) {
    problems.push(
      `${where}: posting${answer.withoutReason.length === 1 ? "" : "s"} ${answer.withoutReason.join(", ")} of ${secondaryId} ` +
        `${answer.withoutReason.length === 1 ? "has" : "have"} an adjustment with no Reason code, which the tertiary needs: fill the Reason in Postings.`,
    );
    return undefined;
  }
  const own = ownAdjustments(answer);
  const primaryPr = primary.adjustments.filter((a) => a.group === "PR");
  const left = sumOf(primaryPr) - answer.paid - sumOf(own);
  if (left < 0) {
    problems.push(
      `${where}: ${secondaryId} paid ${formatMoney(answer.paid)} and adjusted ${formatMoney(sumOf(own))}, more than the ${formatMoney(sumOf(primaryPr))} ` +
        `the primary left to the patient: correct the postings in Postings before billing the tertiary (nothing was changed).`,
    );
    return undefined;
  }
  const adjustments: CobAdjustment[] = [];
  const add = (group: CobAdjustment["group"], reason: string, amount: Cents) => {
    if (amount === 0) return;
    const found = adjustments.find((a) => a.group === group && a.reason === reason);
    if (found) found.amount += amount;
    else adjustments.push({ group, reason, amount });
  };
  add("OA", "23", line.charge - answer.paid - sumOf(own) - left);
  for (const a of own) add(a.group, a.reason, a.amount);
  let rest = left;
  for (const a of primaryPr) {
    const part = Math.min(rest, a.amount);
    add("PR", a.reason, part);
    rest -= part;
  }
  // The primary's PR reasons with negative amounts (a correction) can leave some over: said, not guessed.
  if (rest !== 0) {
    problems.push(
      `${where}: the ${formatMoney(left)} left to the patient after ${secondaryId} has no reason code of the primary's to go with it.`,
    );
    return undefined;
  }
  // In CAS order, CO, PR, OA, PI (as the writer writes them and the reader gives them back), each
  // group's reasons as they came.
  const ordered = CAS_ORDER.flatMap((group) => adjustments.filter((a) => a.group === group));
  return { lineId: line.lineId, paid: answer.paid, adjustments: ordered, paidDate: answer.paidDate ?? fallbackDate };
}

/**
 * The claim to send the tertiary: billed to the tertiary payer under the Tertiary Member ID (left blank
 * when Patients has none: the scrubber holds such a claim back), with the primary's answer and the
 * secondary's on each line. Refused in words when the secondary or the tertiary payer is not in Payers,
 * or a line's postings do not add up or lack a reason code.
 */
export function tertiaryClaim(due: TertiaryDue, books: Pick<SecondaryBooks, "payers" | "ledger">): TertiaryClaim {
  const primary = due.claim;
  const named = `Claim ${primary.claimId}`;
  const problems: string[] = [];
  const payerRow = (id: string, place: string) => {
    const row = books.payers.find((p) => lower(p.payerId) === lower(id));
    if (!row) {
      problems.push(
        `${named}: the patient's ${place.toLowerCase()} payer ${id} is not in the Payers table: add it there, or correct the patient's ${place} PayerID.`,
      );
    }
    return row;
  };
  const secondaryRow = payerRow(due.secondaryPayerId, "Secondary");
  const tertiaryRow = payerRow(due.tertiaryPayerId, "Tertiary");
  const first = primaryAdjudication(primary, books.ledger, "tertiary", problems);
  const primaryLines = new Map(first.lines.map((l) => [l.lineId, l]));
  const answers = primary.lines.map((line) => payerLine(books.ledger, due.secondaryPayerId, line, false));
  // Lines the secondary posted nothing on take its latest date on the claim.
  let secondaryDate: IsoDate = "";
  for (const a of answers) if (a.paidDate !== undefined && a.paidDate > secondaryDate) secondaryDate = a.paidDate;
  const cobLines: CobLine[] = [];
  primary.lines.forEach((line, i) => {
    const answered = primaryLines.get(line.lineId);
    if (!answered) return;
    const where = `${named}, line ${line.lineId} (${line.code} on ${line.dos})`;
    const cob = secondaryCobLine(line, answered, answers[i], secondaryDate || answered.paidDate, where, due.secondaryPayerId, problems);
    if (cob) cobLines.push(cob);
  });
  if (problems.length > 0 || !secondaryRow || !tertiaryRow) return { ok: false, problems };

  const second: OtherPayerAdjudication = {
    payer: claimPayerOf(secondaryRow),
    paid: cobLines.reduce((sum, l) => sum + l.paid, 0),
    claimAdjustments: [],
    paidDate: cobLines.reduce((latest, l) => (l.paidDate > latest ? l.paidDate : latest), ""),
    lines: cobLines,
  };
  if (due.secondaryMemberId !== undefined) second.memberId = due.secondaryMemberId;
  const patient = { ...primary.patient };
  delete patient.memberId;
  if (due.tertiaryMemberId !== undefined) patient.memberId = due.tertiaryMemberId;
  const claim: Claim = {
    ...primary,
    patient,
    payer: claimPayerOf(tertiaryRow),
    // An original claim to the tertiary, whatever it was to the primary.
    frequency: "1",
    sequence: "T",
    otherPayers: [first, second],
  };
  delete claim.payerClaimNumber;
  delete claim.billedDate;
  return { ok: true, claim };
}
