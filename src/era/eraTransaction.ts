// One remittance (one ST/SE transaction: one check or EFT) decided claim by claim: which claims post,
// which are held or not matched and why, the rows each posted claim adds (without IDs yet), and the
// totals that must tie out: BPR02 = Σ claims paid − Σ PLB = what is posted + what is held.
//
// A remittance posts only as a whole payment: when its own figures don't add up (ΣCLP04 − ΣPLB ≠
// BPR02), when it is a debit, or when its payer is not ours, every claim is held. Otherwise each
// claim stands on its own: posted, or held with the reason (it doesn't balance, a line isn't
// found, the payer already paid it, ...). What is held stays on the payment as unapplied money, to be
// posted by hand, and is listed as an exception; it is never adjusted to fit.
import { count, plural } from "../counting";
import type { IsoDate } from "../dates";
import { DENIED_NOTE } from "../ledger/denials";
import type { Ledger } from "../ledger/ledger";
import { postingRowsFor, type CheckedLine } from "../ledger/postingLines";
import type { ContractRates } from "../contracts/contracts";
import type { PlanContext } from "../ledger/postingRows";
import { formatMoney, type Cents } from "../money";
import { capitalized } from "../sentences";
import type { PaymentRow, PostingRow, ProviderAdjustmentRow } from "../workbook/tables";
import { balanceClaim, remittanceTotals } from "./balancing";
import { findEarlierPosting, findPayer, PAYMENT_DATE_SOURCES, paymentDate, paymentMethodWords, payerOfClaims } from "./eraIdentity";
import { matchClaim, type ChargesByClaim, type ClaimMatch } from "./eraMatching";
import type { EraClaimPreview, EraException, EraPreview, EraRemittancePreview, EraUnderpaidLine } from "./eraPreview";
import { claimApplication, paidByPayer, reversalDrafts } from "./eraPostings";
import { moneyEquation, paymentMoney } from "./remittanceMoney";
import type { PlannedPaid } from "./plannedPaid";
import type { RemitClaim, Remittance } from "./remittance";

/** CLP02 in the payer's words (X12 5010 claim status codes). */
export const CLAIM_STATUS: Record<string, string> = {
  "1": "Processed as primary",
  "2": "Processed as secondary",
  "3": "Processed as tertiary",
  "4": "Denied",
  "19": "Processed as primary, forwarded to additional payer(s)",
  "20": "Processed as secondary, forwarded to additional payer(s)",
  "21": "Processed as tertiary, forwarded to additional payer(s)",
  "22": "Reversal of previous payment",
  "23": "Not our claim, forwarded to additional payer(s)",
  "25": "Predetermination pricing only: no payment",
};
const POSTED_STATUSES = new Set(["1", "2", "3", "4", "19", "20", "21"]);
const CROSSOVER_STATUSES = new Set(["19", "20", "21"]);
export const SECONDARY_NOTE =
  "paid as the next payer: the prior payer's part (OA-23) and the patient's share are on the lines already, not posted again";
export const CROSSOVER_NOTE = "forwarded to the next payer by the payer: don't bill the secondary by hand";

/** Rows one posted remittance adds; IDs (and the PaymentID in every row) are given when the file is done. */
export interface RemittanceDraft {
  payment: Omit<PaymentRow, "paymentId">;
  postings: Omit<PostingRow, "postingId" | "paymentId">[];
  adjustments: Omit<ProviderAdjustmentRow, "adjustmentId" | "paymentId">[];
  /** For the Audit row: what was posted and held, in words without patient names. */
  summary: string;
}

/** What the whole file's plan keeps between remittances so one file cannot post a thing twice. */
export interface EraRun {
  ledger: Ledger;
  ctx: PlanContext;
  fileName: string;
  byClaim: ChargesByClaim;
  /** PostingIDs already reversed, in the ledger or by an earlier claim of this file. */
  reversed: Set<string>;
  /** Paid planned by this file per payer, then per line (ChargeID), reversals negative. */
  plannedPaid: PlannedPaid;
  /** Remittances of this file that post, by "payer|trace", to their index among the file's remittances. */
  posting: Map<string, number>;
  exceptions: EraPreview["exceptions"];
  warnings: string[];
  /** The workbook's contract rates (none without a Contracts table) and how far under one a line may be. */
  contracts?: ContractRates;
  tolerance: Cents;
  /** The lines this file pays under contract. */
  underpaid: EraUnderpaidLine[];
}

type ClaimOutcome = EraClaimPreview["outcome"];

export interface PlannedRemittance {
  preview: EraRemittancePreview;
  /** The rows it posts; undefined when it posts nothing. */
  draft?: RemittanceDraft;
  /** Its identity in this file ("payer|trace"), when its payer is known. */
  key?: string;
  /** The index of the earlier remittance of this file that is the same one (payer and trace). */
  sameAs?: number;
}

export function planRemittance(run: EraRun, r: Remittance): PlannedRemittance {
  const { ledger, ctx } = run;
  const balance = remittanceTotals(r);
  // Each claim is matched (and balanced) when it is decided, and its match dropped once it is: all
  // of them at once only when the payer must be told from them. 50,000 matches kept to the end were
  // that many more objects for the garbage collector to copy, for nothing.
  let matches: ClaimMatch[] | undefined;
  const matchOf = (i: number): ClaimMatch => (matches ? matches[i] : matchClaim(r.claims[i], run.byClaim));
  const trace = r.trace.number;
  const ids = [...new Set([r.trace.payerId, r.payer.id].filter((id) => !!id))].join(", ");
  const payerWords = `the payer "${r.payer.name || "(no name)"}"${ids ? ` (${ids})` : ""}`;
  const found = findPayer(r, ledger);
  let payerId = found?.payer.payerId;
  if (found?.by === "name") {
    run.warnings.push(`${capitalized(payerWords)} was matched to ${payerId} by its name: add its X12 Payer ID to the Payers table.`);
  }
  if (!payerId) {
    matches = r.claims.map((claim) => matchClaim(claim, run.byClaim));
    payerId = payerOfClaims(matches.flatMap((m) => (m.problems.length === 0 && m.charges ? [m.charges[0].payerId] : [])));
    if (payerId) {
      run.warnings.push(
        `${capitalized(payerWords)} is not in the Payers table: taken to be ${payerId}, the payer its claims were billed to. ` +
          `Add its X12 Payer ID to the Payers table.`,
      );
    }
  }
  const amount = r.payment.creditDebit === "D" ? -r.payment.amount : r.payment.amount;
  // The payment's date comes from the file alone (BPR16, else DTM*405, else the envelope), never the clock.
  const dated = paymentDate(r);
  const date = dated?.date;
  const postingDate = date !== undefined && date > ctx.today ? ctx.today : date;
  if (date !== undefined && date > ctx.today)
    run.warnings.push(`Remittance ${r.trace.number} is paid on ${date}, after today: its postings are dated today.`);
  const dateWords =
    dated && dated.from !== "BPR16" ? `dated ${dated.date} from ${PAYMENT_DATE_SOURCES[dated.from]}, BPR16 being blank` : "";
  if (dated && dated.from !== "BPR16") {
    run.warnings.push(`Remittance ${r.trace.number} gives no payment date (BPR16): it is ${dateWords.replace(", BPR16 being blank", "")}.`);
  }
  const preview: EraRemittancePreview = {
    payerName: r.payer.name,
    payerId,
    trace,
    amount,
    method: r.payment.method,
    ...(dated ? { date: dated.date, dateFrom: dated.from } : {}),
    claims: [],
    plb: r.plb,
    totals: {
      paid: balance.totalPaid,
      plb: balance.totalPlb,
      posted: 0,
      held: 0,
      difference: amount - (balance.totalPaid - balance.totalPlb),
    },
  };
  const claimPreview = (claim: RemitClaim, m: ClaimMatch, outcome: ClaimOutcome, reason?: string): EraClaimPreview => {
    const { patientControl, status, charge, paid } = claim;
    const statusText = CLAIM_STATUS[status] ?? `Status ${status}`;
    // A loop, not map with an arrow: a function made per claim is named at creation under tsx (the CLI).
    const chargeIds: (string | null)[] = new Array(m.lines.length);
    for (let k = 0; k < m.lines.length; k++) chargeIds[k] = m.lines[k]?.chargeId ?? null;
    // The keys in this order, reason and patientName only when there is one (no object spread per
    // claim, nor a name added to an object made without room for it).
    const patientName = claim.patientName;
    if (reason) {
      return patientName
        ? { patientControl, status, statusText, charge, paid, outcome, reason, chargeIds, patientName }
        : { patientControl, status, statusText, charge, paid, outcome, reason, chargeIds };
    }
    return patientName
      ? { patientControl, status, statusText, charge, paid, outcome, chargeIds, patientName }
      : { patientControl, status, statusText, charge, paid, outcome, chargeIds };
  };

  // Exactly once: the payer and trace already in Payments (or earlier in this file) add nothing.
  const key = payerId ? `${payerId}|${trace.toUpperCase()}` : undefined;
  const earlier = payerId ? findEarlierPosting(ledger, ctx.tables.Audit, payerId, trace) : undefined;
  const sameAs = key !== undefined ? run.posting.get(key) : undefined;
  if (earlier || sameAs !== undefined) {
    if (earlier?.byHand) {
      run.warnings.push(
        `Payment ${earlier.paymentId} from ${payerId} already has reference ${trace}, the trace of this remittance: nothing is posted from it again. ` +
          `If it is a different payment, change that reference and import again.`,
      );
    }
    preview.alreadyPosted = earlier ? { on: earlier.on, paymentId: earlier.paymentId } : { on: "earlier in this file", paymentId: "" };
    preview.totals.posted = 0;
    preview.totals.held = 0;
    // What became of each claim when it was posted: a denial still reads as denied, a claim sent on to
    // the next payer as sent on, and a claim the payment's postings never reached as held, not "matched".
    const postedLines = earlier && !earlier.byHand ? linesPostedBy(ledger, earlier.paymentId) : undefined;
    preview.claims = r.claims.map((claim, i) => {
      const m = matchOf(i);
      const [outcome, reason] = postedOutcome(
        claim,
        m,
        postedLines && earlier ? { lines: postedLines, paymentId: earlier.paymentId } : undefined,
      );
      return claimPreview(claim, m, outcome, reason);
    });
    return { preview, key, sameAs };
  }

  const holdAll = !payerId
    ? `${payerWords} is not in the Payers table and none of its claims were matched: add the payer with its X12 Payer ID`
    : !dated
      ? "the file gives no date for its payment (BPR16, the production date DTM*405 and the envelope dates GS04 and ISA09 are all " +
        "blank or unreadable): post it by hand, dated as on the check or deposit"
      : !balance.ok
        ? `the remittance does not add up: ${moneyEquation(paymentMoney({ amount, claims: r.claims, plb: r.plb, totals: { paid: balance.totalPaid } }))} = ` +
          `${formatMoney(balance.totalPaid - balance.totalPlb)}, but the payment (BPR02) is ${formatMoney(amount)}`
        : r.payment.creditDebit === "D"
          ? `the payer takes ${formatMoney(r.payment.amount)} back (a debit, BPR03 D): post it by hand`
          : undefined;
  if (holdAll && r.plb.length > 0)
    run.warnings.push(`Remittance ${trace}: its provider-level adjustments (PLB) are not recorded because ${holdAll}.`);

  const postings: RemittanceDraft["postings"] = [];
  const claims: EraClaimPreview[] = [];
  let postedPaid = 0;
  let postedClaims = 0;
  const counts = { held: 0, unmatched: 0 };
  const payment = { trace, payerName: r.payer.name, payerId };
  const exception = (claim: RemitClaim, m: ClaimMatch, reason: string, problem?: ClaimMatch["problems"][number]) =>
    run.exceptions.push(exceptionOf(payment, claim, m, reason, problem));
  const notPosted = (claim: RemitClaim, m: ClaimMatch, outcome: "held" | "unmatched", reason: string) => {
    counts[outcome] += 1;
    if (outcome === "unmatched" && m.problems.length > 0) for (const p of m.problems) exception(claim, m, p.reason, p);
    else exception(claim, m, `${outcome === "held" ? "held" : "not matched"}: ${reason}`);
    claims.push(claimPreview(claim, m, outcome, reason));
  };
  const plan = (rows: typeof postings) => {
    for (const row of rows) {
      // Only money moves the tally: a row without Paid adds nothing to it (and reads as 0 when absent).
      if (row.paid) run.plannedPaid.add(payerId!, row.chargeId, row.paid);
      postings.push(row);
    }
  };

  r.claims.forEach((claim, i) => {
    const m = matchOf(i);
    if (holdAll) return notPosted(claim, m, m.problems.length > 0 ? "unmatched" : "held", m.problems[0]?.reason ?? holdAll);
    const status = claim.status.trim();
    const imbalance = balanceClaim(claim, i);
    if (status === "22") {
      if (!m.charges) return notPosted(claim, m, "unmatched", m.problems[0].reason);
      if (!imbalance.ok) return notPosted(claim, m, "held", claimImbalance(claim, imbalance.difference, imbalance.lineProblems.length));
      const reversal = reversalDrafts(ledger, claim, m.charges, payerId!, run.reversed, postingDate!, trace);
      if (!reversal.ok) return notPosted(claim, m, "unmatched", reversal.reason);
      for (const row of reversal.rows) run.reversed.add(row.reverses!);
      plan(reversal.rows);
      postedPaid += claim.paid;
      postedClaims += 1;
      claims.push(
        claimPreview(claim, m, "reversal", `takes back ${formatMoney(-claim.paid)}: ${reversal.rows.length} posting(s) reversed`),
      );
      return;
    }
    if (!POSTED_STATUSES.has(status)) {
      return notPosted(claim, m, "held", `claim status ${status} (${CLAIM_STATUS[status] ?? "not one MedBill posts"}): nothing to post`);
    }
    if (m.problems.length > 0) return notPosted(claim, m, "unmatched", m.problems.map((p) => p.reason).join("; "));
    if (!imbalance.ok) return notPosted(claim, m, "held", claimImbalance(claim, imbalance.difference, imbalance.lineProblems.length));
    const applied = claimApplication(claim, m.lines as NonNullable<(typeof m.lines)[number]>[], m.charges!);
    if (!applied.ok) return notPosted(claim, m, "held", applied.reason);
    if (payerId !== undefined && m.charges![0].payerId.toLowerCase() !== payerId.toLowerCase()) {
      // Another payer's lines: this is the secondary's (or tertiary's) answer. Its OA-23 (the prior
      // payer's adjudication) is the primary's postings already on the line, and its PR is the
      // patient's share the line already has: posting them again would take them off twice. Its
      // payment and its own adjustments are posted (they come off the patient's share).
      for (const line of applied.application.lines) {
        line.adjustments = line.adjustments.filter((a) => !(a.group === "OA" && a.reason === "23"));
        line.patientResp = [];
      }
      applied.application.notes.push(SECONDARY_NOTE);
    }
    // The claim's distinct ChargeIDs in order, without a Set and two arrays per claim (claims have a few
    // lines), and where each is in Charges (the rows are the claim's own, found among its few).
    const chargeIds: string[] = [];
    const positions: number[] = [];
    for (const l of applied.application.lines) {
      if (chargeIds.includes(l.charge.chargeId)) continue;
      chargeIds.push(l.charge.chargeId);
      positions.push(m.positions![m.charges!.indexOf(l.charge)]);
    }
    const already = paidByPayer(ledger, positions, payerId!);
    const planned = run.plannedPaid.onLines(payerId!, chargeIds);
    if (already.paid + planned > 0) {
      const from = already.paymentIds.length > 0 ? ` (${already.paymentIds.join(", ")})` : " (earlier in this file)";
      return notPosted(
        claim,
        m,
        "held",
        `${payerId} already paid ${formatMoney(already.paid + planned)} on claim ${claim.patientControl}${from}: held so it is not paid twice ` +
          "(a payer re-processing a claim reverses it first, CLP02 22)",
      );
    }
    const { denials, notes } = applied.application;
    // Status 4 is the payer's denial of the whole claim, whatever its CAS says: to work, like any denial.
    if (status === "4" && denials.length === 0) denials.push("claim status 4, denied");
    // The rows are this plan's own: made with room for the IDs the plan gives them in place.
    const rows = postingRowsFor(applied.application.lines, postingDate!, "CO", "ERA", true);
    if (run.contracts) flagUnderpaid(run, trace, claim, payerId!, applied.application.lines, rows);
    // Every row has a Note key (undefined when none): setting it keeps the rows' key order. They are new here.
    if (status === "4") for (const row of rows) row.note ||= DENIED_NOTE;
    plan(rows);
    postedPaid += claim.paid;
    postedClaims += 1;
    if (CROSSOVER_STATUSES.has(status)) return claims.push(claimPreview(claim, m, "crossover", [CROSSOVER_NOTE, ...notes].join("; ")));
    if (denials.length > 0) {
      const reason = `denied (${denials.join("; ")}): posted at $0.00, to work`;
      exception(claim, m, reason);
      return claims.push(claimPreview(claim, m, "denied", [reason, ...notes].join("; ")));
    }
    claims.push(claimPreview(claim, m, "matched", notes.length > 0 ? notes.join("; ") : undefined));
  });
  preview.claims = claims;

  const posts = !holdAll && (postedClaims > 0 || r.plb.length > 0);
  const plb = posts ? balance.totalPlb : 0;
  preview.totals.posted = postedPaid - plb;
  preview.totals.held = balance.totalPaid - balance.totalPlb - preview.totals.posted;
  if (!posts) return { preview };

  const held = preview.totals.held;
  const method = paymentMethodWords(r.payment.method);
  const draft: RemittanceDraft = {
    payment: {
      date: date!,
      payerId,
      method: "ERA",
      reference: trace,
      amount,
      note:
        `ERA file ${run.fileName} (${method}${dateWords ? `, ${dateWords}` : ""})` +
        `${held !== 0 ? `: ${formatMoney(held)} not posted, see the exceptions` : ""}`,
    },
    postings,
    adjustments: r.plb.map((item) => ({
      date: postingDate!,
      payerId,
      reason: item.reason.toUpperCase() || undefined,
      reference: item.reference,
      amount: item.amount,
      note: plbNote(item.providerId, item.fiscalDate),
    })),
    summary:
      `${payerId} trace ${trace}${r.trace.payerId ? ` (TRN03 ${r.trace.payerId})` : ""} BPR02 ${formatMoney(r.payment.amount)}` +
      `${dateWords ? ` ${dateWords}` : ""}: ` +
      [
        `${plural(postedClaims, "claim")} posted`,
        ...(counts.held ? [`${count(counts.held)} held`] : []),
        ...(counts.unmatched ? [`${count(counts.unmatched)} not matched`] : []),
        ...(r.plb.length ? [`PLB ${formatMoney(balance.totalPlb)}`] : []),
      ].join(", "),
  };
  return { preview, draft, key };
}

/** The ChargeIDs the postings of one payment are on. */
function linesPostedBy(ledger: Ledger, paymentId: string): Set<string> {
  const lines = new Set<string>();
  for (const posting of ledger.postingsByPayment.get(paymentId) ?? []) lines.add(posting.chargeId);
  return lines;
}

/**
 * A claim of a remittance posted before, as it was posted: not matched; held (its lines have no
 * posting from the payment, or its status posts nothing); a reversal; sent on to the next payer;
 * denied (CLP02 4, or a line paid nothing for a denial reason, the rule the posting itself follows);
 * else posted. `posted` is the payment's lines, when the payment is the ERA's own: without it (the
 * same remittance earlier in this file, or a payment entered by hand) the file alone decides.
 */
function postedOutcome(
  claim: RemitClaim,
  m: ClaimMatch,
  posted: { lines: Set<string>; paymentId: string } | undefined,
): [ClaimOutcome, string] {
  if (m.problems.length > 0) return ["unmatched", m.problems.map((p) => p.reason).join("; ")];
  const status = claim.status.trim();
  if (!POSTED_STATUSES.has(status) && status !== "22") {
    return ["held", `claim status ${status} (${CLAIM_STATUS[status] ?? "not one MedBill posts"}): nothing to post`];
  }
  if (posted && !m.charges!.some((c) => posted.lines.has(c.chargeId))) {
    return ["held", `nothing was posted for it from ${posted.paymentId}: it was held then (see the exceptions); post it by hand`];
  }
  if (status === "22") return ["reversal", "already posted"];
  if (CROSSOVER_STATUSES.has(status)) return ["crossover", `already posted; ${CROSSOVER_NOTE}`];
  if (status === "4") return ["denied", "denied (claim status 4): already posted at $0.00, to work"];
  const applied = claimApplication(claim, m.lines as NonNullable<(typeof m.lines)[number]>[], m.charges!);
  if (!applied.ok) return ["held", applied.reason];
  const { denials } = applied.application;
  if (denials.length > 0) return ["denied", `denied (${denials.join("; ")}): already posted at $0.00, to work`];
  return ["matched", "already posted"];
}

/**
 * An exception with the figures to work it: the payer and trace, the claim's account in Charges,
 * and the date of service, charge, allowed, paid and patient responsibility of the claim, or of
 * the line the problem is about.
 */
function exceptionOf(
  payment: { trace: string; payerName: string; payerId?: string },
  claim: RemitClaim,
  m: ClaimMatch,
  reason: string,
  problem?: ClaimMatch["problems"][number],
): EraException {
  const e: EraException = { trace: payment.trace, patientControl: claim.patientControl, reason };
  if (problem?.line) e.line = problem.line;
  if (payment.payerName) e.payerName = payment.payerName;
  if (payment.payerId) e.payerId = payment.payerId;
  const patientId = m.charges?.[0]?.patientId;
  if (patientId) e.patientId = patientId;
  const line = problem?.index === undefined ? undefined : claim.lines[problem.index];
  if (line) {
    const dos = line.dos ?? claim.serviceFrom;
    if (dos) e.dos = dos;
    e.billed = line.charge;
    if (line.allowed !== undefined) e.allowed = line.allowed;
    e.paid = line.paid;
    let patientResp = 0;
    for (const a of line.adjustments) if (a.group === "PR") patientResp += a.amount;
    e.patientResp = patientResp;
    return e;
  }
  let dos = claim.serviceFrom;
  let allowed: Cents | undefined = claim.lines.length > 0 ? 0 : undefined;
  for (const l of claim.lines) {
    if (l.dos !== undefined && (dos === undefined || (!claim.serviceFrom && l.dos < dos))) dos = l.dos;
    allowed = allowed === undefined || l.allowed === undefined ? undefined : allowed + l.allowed;
  }
  if (dos) e.dos = dos;
  e.billed = claim.charge;
  if (allowed !== undefined) e.allowed = allowed;
  e.paid = claim.paid;
  e.patientResp = claim.patientResp;
  return e;
}

/**
 * The lines of a posted claim the payer allowed less for than the contract (paid + patient responsibility
 * under the rate × units by more than the tolerance): each is listed, and its first row (the payment with
 * the CO-45 merged into it) says so in its Note, so the contractual write-off is not taken quietly and the
 * Underpaid list can find it. A denied line (nothing paid) is the denials' to work, not listed here.
 */
function flagUnderpaid(
  run: EraRun,
  trace: string,
  claim: RemitClaim,
  payerId: string,
  lines: CheckedLine[],
  rows: Omit<PostingRow, "postingId">[],
): void {
  for (const line of lines) {
    const paid = line.paid ?? 0;
    if (paid <= 0) continue;
    const { charge } = line;
    const expected = run.contracts!.expected({
      payerId,
      code: charge.code,
      modifiers: [charge.mod1, charge.mod2, charge.mod3, charge.mod4],
      dos: charge.dos,
      units: charge.units,
    });
    if (!expected) continue;
    let allowed = paid;
    for (const pr of line.patientResp) allowed += pr.amount;
    const short = expected.allowed - allowed;
    if (short <= run.tolerance) continue;
    run.underpaid.push({
      trace,
      patientControl: claim.patientControl,
      chargeId: charge.chargeId,
      code: charge.code,
      payerId,
      expected: expected.allowed,
      allowed,
      paid,
    });
    const words = `Underpaid: allowed ${formatMoney(allowed)}, contract ${formatMoney(expected.allowed)} (${formatMoney(short)} short)`;
    const row = rows.find((r) => r.chargeId === charge.chargeId);
    if (row) row.note = row.note ? `${words}; ${row.note}` : words;
    run.warnings.push(
      `Line ${charge.chargeId} (claim ${claim.patientControl}, ${charge.code}): ${payerId} allowed ${formatMoney(allowed)}, ` +
        `${formatMoney(short)} under the contract's ${formatMoney(expected.allowed)}: posted with its Note saying so, to follow up.`,
    );
  }
}

function claimImbalance(claim: RemitClaim, difference: number, lineProblems: number): string {
  const lines = lineProblems === 1 ? "1 of its lines doesn't" : `${lineProblems} of its lines don't`;
  if (difference === 0) return `claim ${claim.patientControl} does not balance: ${lines} add up (charge − adjustments ≠ paid)`;
  // difference = charge − adjustments − paid: positive when the payer paid less than its own figures say.
  const expected = claim.paid + difference;
  return (
    `claim ${claim.patientControl} does not balance: charge − adjustments = ${formatMoney(expected)} but the payer paid ` +
    `${formatMoney(claim.paid)} (off by ${formatMoney(Math.abs(difference))})${lineProblems > 0 ? `, and ${lines} add up` : ""}`
  );
}

function plbNote(providerId: string, fiscalDate: IsoDate | undefined): string {
  return `PLB from the ERA${fiscalDate ? `, fiscal period ${fiscalDate}` : ""}${providerId ? `, provider ${providerId}` : ""}`;
}
