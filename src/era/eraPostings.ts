// What a matched remittance claim posts to our lines, as the payment plans' checked lines (so the
// Postings rows are laid out by postingRowsFor, as a hand-posted payment's are):
//
// - Paid is SVC03. Line CAS amounts are summed per group and reason: CO, OA and PI become
//   adjustments with their reason code, PR becomes patient responsibility (1 deductible,
//   2 coinsurance, 3 copay, or the payer's other reason).
// - A denial (nothing paid, with a CO reason other than 45) is posted the way the office posts one by
//   hand: the reason at $0.00 with the Note "Denied: to work", so the line stays open for follow-up
//   instead of being written off by the denial's amount.
// - Claim-level CAS belongs to no line, and the lines' own figures already count its money as paid
//   (CLP04 = Σ SVC03 − Σ claim CAS). Rather than hold every such claim, it is taken from the paid
//   amount of the lines paid most and recorded there with a Note saying so (claimApplication). A
//   claim the payer answers with no service lines is posted to its line when it has just one, and
//   held when it has several (which line got what is not known).
// - A reversal (CLP02 22) posts negated copies of the earlier postings it takes back, each pointing at
//   its original through Reverses, as reversalPlan does; they carry the new payment's PaymentID,
//   because the money is taken out of this payment, not the old one.
import type { IsoDate } from "../dates";
import { DENIED_NOTE, isDenialCode } from "../ledger/denials";
import type { Ledger } from "../ledger/ledger";
import { isReversible, type ReversedPostings } from "../ledger/reversible";
import type { CheckedLine } from "../ledger/postingLines";
import { formatMoney, sumCents, type Cents } from "../money";
import type { ChargeRow, PostingRow } from "../workbook/tables";
import { adjustmentMeaning, describeAdjustment } from "./adjustmentReasons";
import { upperCase } from "./eraMatching";
import type { CasAdjustment, RemitClaim } from "./remittance";

const CLAIM_LEVEL_NOTE = "Claim-level adjustment from the ERA, taken from this line's payment";

export interface ClaimApplication {
  lines: CheckedLine[];
  /** Each denied line, "99213 CO-50", for the preview. */
  denials: string[];
  /** What the preview says about where claim-level amounts went. */
  notes: string[];
}

export type ClaimApplicationResult = { ok: true; application: ClaimApplication } | { ok: false; reason: string };

/**
 * CAS amounts summed per group and reason, in the order first seen; amounts that sum to nothing dropped.
 * A list with nothing to sum or drop (each group and reason once, none zero, reasons as the reader gives
 * them: trimmed, upper case) is returned as it is: the caller reads it and must not change it.
 */
export function byGroupAndReason(adjustments: readonly CasAdjustment[]): readonly CasAdjustment[] {
  if (adjustments.length <= 8 && nothingToSum(adjustments)) return adjustments;
  if (adjustments.length <= 8) {
    // A line's few CAS amounts (two or three): each summed into the first of its group and reason by
    // a look along the list, without a map and a "CO-45" key per amount. The groups are the four
    // two-letter ones, so a group and reason pair is what the key named.
    const summed: CasAdjustment[] = [];
    for (const a of adjustments) {
      const reason = upperCase(a.reason.trim());
      let seen: CasAdjustment | undefined;
      for (const s of summed) {
        if (s.group === a.group && s.reason === reason) {
          seen = s;
          break;
        }
      }
      if (seen) seen.amount += a.amount;
      else summed.push({ group: a.group, reason, amount: a.amount });
    }
    // The list is this call's own: returned as it is unless an amount summed to nothing.
    for (const a of summed) if (a.amount === 0) return summed.filter((b) => b.amount !== 0);
    return summed;
  }
  const summed = new Map<string, CasAdjustment>();
  for (const a of adjustments) {
    const reason = a.reason.trim().toUpperCase();
    const key = `${a.group}-${reason}`;
    const seen = summed.get(key);
    if (seen) seen.amount += a.amount;
    else summed.set(key, { group: a.group, reason, amount: a.amount });
  }
  return [...summed.values()].filter((a) => a.amount !== 0);
}

/** Whether a few CAS amounts are already one per group and reason, none zero, each reason trimmed and upper case. */
function nothingToSum(adjustments: readonly CasAdjustment[]): boolean {
  for (let i = 0; i < adjustments.length; i++) {
    const a = adjustments[i];
    if (a.amount === 0 || upperCase(a.reason.trim()) !== a.reason) return false;
    for (let j = 0; j < i; j++) if (adjustments[j].group === a.group && adjustments[j].reason === a.reason) return false;
  }
  return true;
}

/** The claim-level CAS of a line that takes none: one list for all of them, never added to. */
const NO_CLAIM_LEVEL: readonly CasAdjustment[] = Object.freeze([]);

/** A CAS that denies money on this line (a denial code with an amount the payer did not pay). */
const isDenialReason = (a: CasAdjustment) => isDenialCode(a.group, a.reason) && a.amount > 0;

/**
 * One line's paid amount and CAS as a checked line. `claimLevel` is the part of the claim's own CAS
 * put on this line (kept apart, with its Note). A denied line keeps its denial reasons at $0.00.
 */
function lineApplication(
  charge: ChargeRow,
  paid: Cents,
  adjustments: readonly CasAdjustment[],
  claimLevel: readonly CasAdjustment[] = NO_CLAIM_LEVEL,
): { line: CheckedLine; denial?: string } {
  const own = byGroupAndReason(adjustments);
  const denied = paid === 0 && (own.some(isDenialReason) || claimLevel.some(isDenialReason));
  if (!denied) {
    // Most lines: each entry in order, the line's own then the claim's, without the list of entries
    // the denial's reordering needs (100,000 lines of a large ERA made one each), into lists made to
    // their length (an empty list pushed to takes room for 17).
    let responsibilities = 0;
    for (const a of own) if (a.group === "PR") responsibilities++;
    for (const a of claimLevel) if (a.group === "PR") responsibilities++;
    const line: CheckedLine = {
      charge,
      paid,
      adjustments: new Array(own.length + claimLevel.length - responsibilities),
      patientResp: new Array(responsibilities),
      overpayment: true,
    };
    let adjusted = 0;
    let moved = 0;
    // The line's own entries, then the claim's (no closure per line: tsx gives each one its name at creation).
    for (let k = 0; k < own.length + claimLevel.length; k++) {
      const a = k < own.length ? own[k] : claimLevel[k - own.length];
      const note = k < own.length ? undefined : CLAIM_LEVEL_NOTE;
      if (a.group === "PR") line.patientResp[moved++] = { reason: a.reason, amount: a.amount, note };
      else line.adjustments[adjusted++] = { group: a.group, reason: a.reason, amount: a.amount, note };
    }
    return { line, denial: undefined };
  }
  const line: CheckedLine = { charge, paid, adjustments: [], patientResp: [], overpayment: true };
  const entries = [
    ...own.map((a) => ({ a, note: undefined as string | undefined })),
    ...claimLevel.map((a) => ({ a, note: CLAIM_LEVEL_NOTE })),
  ];
  const denials: string[] = [];
  // Denial reasons first, so the row carrying the paid $0.00 carries the note too.
  if (denied) entries.sort((x, y) => Number(isDenialReason(y.a)) - Number(isDenialReason(x.a)));
  for (const { a, note } of entries) {
    if (a.group === "PR") line.patientResp.push({ reason: a.reason, amount: a.amount, note });
    else if (denied && isDenialReason(a)) {
      // The code, what it means and what to do next: "CO-50 not medically necessary, in the payer's judgment: appeal".
      denials.push(describeAdjustment(adjustmentMeaning(a.group, a.reason)));
      line.adjustments.push({ group: a.group, reason: a.reason, amount: 0, note: `${DENIED_NOTE} (${formatMoney(a.amount)} denied)` });
    } else line.adjustments.push({ group: a.group, reason: a.reason, amount: a.amount, note });
  }
  return { line, denial: denied ? `${charge.code} ${denials.join(", ")}` : undefined };
}

/**
 * The checked lines a matched claim posts. `lines` are the charges its SVCs were matched to (every
 * one matched); `charges` are all of the claim's Charges rows.
 *
 * Claim-level CAS: the lines balance on their own (SVC02 − CAS = SVC03), so what the claim's own CAS
 * takes is money the lines' SVC03 still count as paid (CLP04 = Σ SVC03 − Σ claim CAS). It is taken
 * from the paid amount of the lines that were paid most, each giving no more than it was paid, and
 * recorded on them as an adjustment (or patient responsibility for PR) with a Note saying so: Paid
 * then adds up to CLP04 and each line's balance is what its own figures give. A claim whose claim
 * level takes more than its lines were paid, or whose charge is not its lines' charges, is held.
 */
export function claimApplication(claim: RemitClaim, lines: ChargeRow[], charges: ChargeRow[]): ClaimApplicationResult {
  if (claim.lines.length === 0) {
    if (charges.length !== 1) {
      return {
        ok: false,
        reason:
          `the payer answered claim ${claim.patientControl} as a whole (no service lines) and it has ${charges.length} lines in Charges: ` +
          "which line got what is not known, so post it by hand",
      };
    }
    const { line, denial } = lineApplication(charges[0], claim.paid, claim.adjustments);
    return { ok: true, application: { lines: [line], denials: denial ? [denial] : [], notes: [] } };
  }
  const claimLevel = byGroupAndReason(claim.adjustments);
  if (claimLevel.length === 0) {
    // Most claims: no claim-level CAS to place, so each line as its own figures give it, without the
    // lists of what each line was paid and took.
    const checked: CheckedLine[] = new Array<CheckedLine>(claim.lines.length);
    const denials: string[] = [];
    for (let i = 0; i < claim.lines.length; i++) {
      const remit = claim.lines[i];
      const { line, denial } = lineApplication(lines[i], remit.paid, remit.adjustments);
      checked[i] = line;
      if (denial) denials.push(denial);
    }
    return { ok: true, application: { lines: checked, denials, notes: [] } };
  }
  const linesCharge = sumCents(claim.lines.map((l) => l.charge));
  if (linesCharge !== claim.charge) {
    return {
      ok: false,
      reason:
        `claim ${claim.patientControl} has claim-level adjustments and its charge (${formatMoney(claim.charge)}) is not its lines' ` +
        `(${formatMoney(linesCharge)}): which line they belong to is not known, so post it by hand`,
    };
  }
  const paid = claim.lines.map((l) => l.paid);
  const placed: CasAdjustment[][] = claim.lines.map(() => []);
  const notes: string[] = [];
  for (const adj of claimLevel) {
    const order = paid.map((p, i) => i).sort((x, y) => paid[y] - paid[x] || x - y);
    const onto: string[] = [];
    let left = adj.amount;
    for (const i of order) {
      // A negative amount (the payer adds money) goes whole on the line paid most.
      const take = adj.amount < 0 ? left : Math.min(left, Math.max(0, paid[i]));
      if (take === 0) continue;
      placed[i].push({ group: adj.group, reason: adj.reason, amount: take });
      paid[i] -= take;
      left -= take;
      onto.push(lines[i].chargeId);
      if (left === 0) break;
    }
    if (left !== 0) {
      return {
        ok: false,
        reason:
          `claim ${claim.patientControl}: the claim-level ${adj.group}-${adj.reason} of ${formatMoney(adj.amount)} is more than its lines ` +
          `were paid (${formatMoney(sumCents(claim.lines.map((l) => l.paid)))}), so it cannot be put on them`,
      };
    }
    notes.push(`claim-level ${adj.group}-${adj.reason} ${formatMoney(adj.amount)} taken from the payment of ${onto.join(", ")}`);
  }
  const applied = claim.lines.map((remit, i) => lineApplication(lines[i], paid[i], remit.adjustments, placed[i]));
  return {
    ok: true,
    application: {
      lines: applied.map((a) => a.line),
      denials: applied.flatMap((a) => (a.denial ? [a.denial] : [])),
      notes,
    },
  };
}

/** A Postings row an ERA claim adds, before its PostingID and PaymentID are given. */
export type EraPostingDraft = Omit<PostingRow, "postingId" | "paymentId">;

/** The payer's payment a posting's money came from: its own, or for a reversal left blank, its original's. */
function paymentIdOf(ledger: Ledger, posting: PostingRow): string | undefined {
  return posting.paymentId ?? (posting.reverses !== undefined ? ledger.postingById.get(posting.reverses)?.paymentId : undefined);
}

/**
 * Net Paid the payer has on these lines in the ledger (reversals netted), and the payments it came
 * from. The lines by their positions in Charges, one per ChargeID: their postings are then the
 * ledger's list by position, without the map of every ChargeID that postingsByCharge makes first.
 */
export function paidByPayer(ledger: Ledger, linePositions: number[], payerId: string): { paid: Cents; paymentIds: string[] } {
  let paid = 0;
  // Made for the first posting with money: most claims of an ERA are on lines the payer never paid.
  let paymentIds: Set<string> | undefined;
  const byRow = ledger.postingsByChargeRow;
  for (const i of linePositions) {
    const postings = byRow[i];
    if (!postings) continue;
    for (const posting of postings) {
      const paymentId = paymentIdOf(ledger, posting);
      if (paymentId === undefined || ledger.paymentById.get(paymentId)?.payerId !== payerId) continue;
      paid += posting.paid ?? 0;
      if (posting.paid) (paymentIds ??= new Set()).add(paymentId);
    }
  }
  return { paid, paymentIds: paymentIds ? [...paymentIds] : [] };
}

export type ReversalDraft = Omit<PostingRow, "postingId" | "paymentId">;

/**
 * The negated copies a reversal claim posts: the earlier postings of the payer on the claim's lines,
 * from the one payment whose Paid on them adds up to what the reversal takes back (the latest such
 * payment when several do). Postings already reversed, and reversals themselves, are never taken.
 */
export function reversalDrafts(
  ledger: Ledger,
  claim: RemitClaim,
  charges: ChargeRow[],
  payerId: string,
  reversed: ReversedPostings,
  date: IsoDate,
  trace: string,
): { ok: true; rows: ReversalDraft[] } | { ok: false; reason: string } {
  const byPayment = new Map<string, PostingRow[]>();
  for (const charge of charges) {
    for (const posting of ledger.postingsByCharge.get(charge.chargeId) ?? []) {
      if (!isReversible(posting, reversed) || posting.paymentId === undefined) continue;
      if (ledger.paymentById.get(posting.paymentId)?.payerId !== payerId) continue;
      const list = byPayment.get(posting.paymentId);
      if (list) list.push(posting);
      else byPayment.set(posting.paymentId, [posting]);
    }
  }
  const takenBack = -claim.paid;
  const candidates = [...byPayment.entries()]
    .map(([paymentId, postings], order) => ({ paymentId, postings, order, date: ledger.paymentById.get(paymentId)!.date }))
    .filter((c) => sumCents(c.postings.map((p) => p.paid ?? 0)) === takenBack)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.order - a.order));
  const chosen = candidates[0];
  if (!chosen) {
    return {
      ok: false,
      reason:
        `the payer reverses ${formatMoney(takenBack)} paid on claim ${claim.patientControl}, but no earlier payment of ${payerId} ` +
        `paid exactly that on its lines: post the reversal by hand`,
    };
  }
  const negate = (cents: Cents | undefined) => (cents === undefined ? undefined : -cents || 0);
  const rows = chosen.postings.map((p): ReversalDraft => ({
    chargeId: p.chargeId,
    date: p.date > date ? p.date : date,
    paid: negate(p.paid),
    adjustment: negate(p.adjustment),
    group: p.group,
    reason: p.reason,
    patientResp: negate(p.patientResp),
    source: "ERA",
    reverses: p.postingId,
    note: `Reversal of ${p.postingId} (ERA trace ${trace})`,
  }));
  return { ok: true, rows };
}
