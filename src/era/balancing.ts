// Does a remittance add up? The three 835 balancing rules (DOMAIN.md "X12 835 remittance"), in cents:
//   line:         SVC02 − ΣCAS(line) = SVC03
//   claim:        CLP03 − ΣCAS(claim and its lines) = CLP04
//   transaction:  ΣCLP04 − ΣPLB = BPR02 (negative when BPR03 is D, a debit)
// Positive CAS and PLB amounts reduce the payment. This only reports: a claim that does not balance is
// held by the posting plan with its difference, never adjusted to fit.
import { sumCents, type Cents } from "../money";
import type { CasAdjustment, Remittance, RemitClaim } from "./remittance";

export interface ClaimBalance {
  claimIndex: number;
  /** The claim balances and so does each of its lines. */
  ok: boolean;
  /** CLP03 − ΣCAS − CLP04: what the payer's own figures leave unexplained (0 when it balances). */
  difference: Cents;
  /** Lines whose SVC02 − ΣCAS − SVC03 is not 0. */
  lineProblems: { lineIndex: number; difference: Cents }[];
}

export interface RemittanceBalance {
  claims: ClaimBalance[];
  /** ΣCLP04 − ΣPLB = BPR02 (claims are judged on their own, in `claims`). */
  ok: boolean;
  /** ΣCLP04 − ΣPLB − BPR02 (BPR02 negated for a debit). */
  difference: Cents;
  /** ΣCLP04 */
  totalPaid: Cents;
  /** ΣPLB */
  totalPlb: Cents;
}

/** ΣCAS, summed in order as sumCents would (without a list of the amounts for each claim and line). */
function adjusted(adjustments: CasAdjustment[]): Cents {
  let total = 0;
  for (const a of adjustments) total += a.amount;
  return total;
}

/** The one empty list of every claim whose lines balance: frozen, since it is shared. */
const NO_LINE_PROBLEMS: ClaimBalance["lineProblems"] = Object.freeze([]) as unknown as ClaimBalance["lineProblems"];

export function balanceClaim(claim: RemitClaim, claimIndex: number): ClaimBalance {
  let lineProblems = NO_LINE_PROBLEMS;
  let lineAdjustments = 0;
  const lines = claim.lines;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    const lineAdjusted = adjusted(line.adjustments);
    lineAdjustments += lineAdjusted;
    const difference = line.charge - lineAdjusted - line.paid;
    if (difference !== 0) (lineProblems === NO_LINE_PROBLEMS ? (lineProblems = []) : lineProblems).push({ lineIndex, difference });
  }
  // A claim without service lines (institutional claims often) carries all its CAS at claim level.
  const difference = claim.charge - adjusted(claim.adjustments) - lineAdjustments - claim.paid;
  return { claimIndex, ok: difference === 0 && lineProblems.length === 0, difference, lineProblems };
}

export function balanceRemittance(r: Remittance): RemittanceBalance {
  const claims = r.claims.map(balanceClaim);
  const { ok, difference, totalPaid, totalPlb } = remittanceTotals(r);
  return { claims, ok, difference, totalPaid, totalPlb };
}

/**
 * balanceRemittance without the claims' own balances: the posting plan asks balanceClaim for each
 * claim as it decides it, so 50,000 of them are not all kept until the last one is decided.
 */
export function remittanceTotals(r: Remittance): Omit<RemittanceBalance, "claims"> {
  const totalPaid = sumCents(r.claims.map((c) => c.paid));
  const totalPlb = sumCents(r.plb.map((p) => p.amount));
  const paid = r.payment.creditDebit === "D" ? -r.payment.amount : r.payment.amount;
  const difference = totalPaid - totalPlb - paid;
  return { ok: difference === 0, difference, totalPaid, totalPlb };
}
