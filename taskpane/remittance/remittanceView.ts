// An ERA preview as the Import remittance panel shows it, apart from React: per payment (one 835
// transaction) the payer, how and when it was paid, its claims with what will happen to each, the
// provider-level adjustments, and the totals that must tie out (BPR02 = Σ claims paid − Σ PLB =
// posted + held) with the difference named where they don't. Patient names come only from the file
// and are shown only in the pane: nothing here logs or writes them.
import { formatMoney, type Cents } from "../../src/money";
import type { EraClaimPreview, EraPreview, EraRemittancePreview } from "../../src/era/eraPreview";
import type { PlbItem } from "../../src/era/remittance";
import type { PaymentDateSource } from "../../src/era/eraIdentity";
import { plural, sentence } from "../billerMessage";

export type ClaimOutcome = EraClaimPreview["outcome"];

/** How a row is drawn: good news, something to look at, something that did not go in, or a note. */
export type Tone = "success" | "warning" | "danger" | "info";

export const OUTCOME_LABEL: Record<ClaimOutcome, string> = {
  matched: "Matched",
  unmatched: "Not matched",
  held: "Held",
  denied: "Denied",
  reversal: "Reversal",
  crossover: "Crossed over",
};

const OUTCOME_TONE: Record<ClaimOutcome, Tone> = {
  matched: "success",
  unmatched: "warning",
  held: "warning",
  denied: "danger",
  reversal: "info",
  crossover: "info",
};

/** The order outcomes are counted in: what needs work first. */
const OUTCOME_ORDER: ClaimOutcome[] = ["matched", "denied", "reversal", "crossover", "held", "unmatched"];

const OUTCOME_COUNTED: Record<ClaimOutcome, [string, string]> = {
  matched: ["matched", "matched"],
  unmatched: ["not matched", "not matched"],
  held: ["held", "held"],
  denied: ["denial", "denials"],
  reversal: ["reversal", "reversals"],
  crossover: ["crossover", "crossovers"],
};

/** BPR04, the way the money came. */
const METHOD_NAME: Record<string, string> = {
  ACH: "ACH (EFT)",
  CHK: "Check",
  FWT: "Wire transfer",
  BOP: "EFT (bank's choice)",
  NON: "No payment",
};

/** PLB03-1 reasons an office meets (X12 5010 code list), in its words. */
const PLB_REASON: Record<string, string> = {
  L6: "Interest",
  WO: "Overpayment recovery",
  FB: "Forwarding balance",
  "72": "Authorized return",
  "50": "Late charge",
  "90": "Early payment allowance",
  AP: "Acceleration of benefits",
  B2: "Rebate",
  B3: "Recovery allowance",
  BD: "Bad debt adjustment",
  BN: "Bonus",
  C5: "Temporary allowance",
  CS: "Adjustment",
  CT: "Capitation payment",
  E3: "Withholding",
  FC: "Fund allocation",
  IR: "IRS withholding",
  IS: "Interim settlement",
  J1: "Nonreimbursable",
  LE: "Levy",
  LS: "Lump sum",
  OB: "Offset for affiliated providers",
  PI: "Periodic interim payment",
  PL: "Final payment",
  RA: "Retroactive adjustment",
  SL: "Student loan repayment",
  TL: "Third party liability",
  WU: "Unspecified recovery",
};

export function methodName(method: string): string {
  return METHOD_NAME[method.trim().toUpperCase()] ?? method;
}

/** "Check 0012345" for a check; "EFT 1234567890" for money sent to the bank; "Trace …" when no money moved. */
export function traceLabel(method: string, trace: string): string {
  const m = method.trim().toUpperCase();
  if (m === "CHK" || m === "CHECK") return `Check ${trace}`;
  if (m === "NON") return `Trace ${trace}`;
  return `EFT ${trace}`;
}

/**
 * The trace, the method unless the trace already says it (a check), and the date: where the payment
 * date (BPR16) is blank, the date says which of the file's dates it is ("2026-03-05 (production date)").
 */
export function paidByLine(r: Pick<EraRemittancePreview, "method" | "trace" | "date" | "dateFrom">): string {
  const check = ["CHK", "CHECK"].includes(r.method.trim().toUpperCase());
  const date =
    r.date === undefined ? "no payment date" : r.dateFrom && r.dateFrom !== "BPR16" ? `${r.date} (${DATE_FROM[r.dateFrom]})` : r.date;
  return [traceLabel(r.method, r.trace), check ? "" : methodName(r.method), date].filter(Boolean).join(" · ");
}

const DATE_FROM: Record<Exclude<PaymentDateSource, "BPR16">, string> = {
  "DTM*405": "production date, BPR16 blank",
  GS04: "file date GS04, BPR16 blank",
  ISA09: "file date ISA09, BPR16 blank",
};

export function plbReasonName(reason: string): string {
  const name = PLB_REASON[reason.trim().toUpperCase()];
  return name ? `${name} (${reason})` : `Adjustment ${reason}`;
}

export interface ClaimView {
  patientControl: string;
  /** NM1*QC from the file, for the pane only; blank when the file has none. */
  patientName: string;
  /** "Processed as primary", as the payer said it. */
  status: string;
  outcome: ClaimOutcome;
  outcomeLabel: string;
  tone: Tone;
  charge: string;
  paid: string;
  /** Why it was held, not matched or denied. */
  reason?: string;
}

export interface PlbView {
  /** "Interest (L6)". */
  reason: string;
  reference?: string;
  /** What it does to the payment, signed: interest adds, a recoupment takes away ("+$2.50", "-$40.00"). */
  effect: string;
  tone: Tone;
}

export interface TotalLine {
  label: string;
  amount: string;
  /** Set on a figure that does not tie out. */
  off?: boolean;
}

export interface TotalsView {
  ties: boolean;
  lines: TotalLine[];
  /** "Ties out: $950.00 paid on claims − $50.00 provider adjustments = $900.00 = $800.00 posted + $100.00 held." */
  text: string;
}

export interface RemittanceView {
  key: string;
  /** "Acme Health", with our PayerID when matched: "Acme Health · PAY01". */
  payer: string;
  /** "EFT 12345678". */
  trace: string;
  /** How and when it was paid, in one line: "EFT 12345678 · ACH (EFT) · 2026-03-05", "Check 0012345 · 2026-03-05". */
  paidBy: string;
  method: string;
  amount: string;
  /** ISO date or blank. */
  date: string;
  /** "5 claims: 3 matched, 1 denial, 1 held". */
  counts: string;
  claims: ClaimView[];
  plb: PlbView[];
  totals: TotalsView;
  /** Things a biller must not miss: denials to work, reversals, crossovers, PLB items. */
  callouts: string[];
  /** "Already posted on 2026-03-05 14:03:09 (payment PM000012): nothing from it is posted again." */
  alreadyPosted?: string;
}

/** How many claims of each outcome, what needs work first: "5 claims: 3 matched, 1 denial, 1 held". */
export function outcomeCounts(claims: Pick<EraClaimPreview, "outcome">[]): string {
  const counts = new Map<ClaimOutcome, number>();
  for (const c of claims) counts.set(c.outcome, (counts.get(c.outcome) ?? 0) + 1);
  const parts = OUTCOME_ORDER.filter((o) => counts.has(o)).map((o) => {
    const [one, many] = OUTCOME_COUNTED[o];
    return plural(counts.get(o)!, one, many);
  });
  const head = plural(claims.length, "claim", "claims");
  return parts.length === 0 ? head : `${head}: ${parts.join(", ")}`;
}

/**
 * The tie-out of one payment. Two equalities, each checked apart so the one that fails is named:
 * the file's own (BPR02 = Σ CLP04 − Σ PLB) and this import's (BPR02 = what is posted + what is held).
 * A payment posted before posts and holds nothing now, so only the file's own is checked.
 */
export function totalsView(amount: Cents, totals: EraRemittancePreview["totals"], postedBefore = false): TotalsView {
  const net = totals.paid - totals.plb;
  const fileOff = amount - net;
  const postedOff = postedBefore ? 0 : amount - (totals.posted + totals.held);
  const ties = fileOff === 0 && postedOff === 0;
  const lines: TotalLine[] = [
    { label: "Paid on claims", amount: formatMoney(totals.paid) },
    { label: "Provider adjustments (PLB)", amount: formatMoney(-totals.plb) },
    { label: "Payment (BPR02)", amount: formatMoney(amount), off: fileOff !== 0 },
  ];
  if (!postedBefore)
    lines.push(
      { label: "Posted now (claims and PLB)", amount: formatMoney(totals.posted) },
      { label: "Held (not posted)", amount: formatMoney(totals.held) },
    );
  // When the file's own sum is off, posted + held (which is claims − PLB) is off by the same: said once.
  if (fileOff !== 0) lines.push({ label: "Payment ≠ claims − PLB by", amount: formatMoney(fileOff), off: true });
  else if (postedOff !== 0) lines.push({ label: "Payment ≠ posted + held by", amount: formatMoney(postedOff), off: true });
  // Interest (a negative PLB) adds to the payment: "+ $3.75", never "− -$3.75".
  const plbTerm = totals.plb < 0 ? `+ ${formatMoney(-totals.plb)}` : `− ${formatMoney(totals.plb)}`;
  const equation = `${formatMoney(totals.paid)} paid on claims ${plbTerm} provider adjustments`;
  let text: string;
  if (ties) {
    text = postedBefore
      ? `Ties out: ${equation} = ${formatMoney(amount)} payment. Posted before: nothing is posted now.`
      : `Ties out: ${equation} = ${formatMoney(amount)} payment = ${formatMoney(totals.posted)} posted + ${formatMoney(totals.held)} held.`;
  } else if (fileOff !== 0) {
    text = `Does not tie out: the payment is ${formatMoney(amount)} but ${equation} is ${formatMoney(net)} (off by ${formatMoney(fileOff)}).`;
  } else {
    const both = totals.posted + totals.held;
    text = `Does not tie out: posted ${formatMoney(totals.posted)} + held ${formatMoney(totals.held)} is ${formatMoney(both)}, not the payment's ${formatMoney(amount)} (off by ${formatMoney(postedOff)}).`;
  }
  return { ties, lines, text };
}

function claimView(claim: EraClaimPreview): ClaimView {
  return {
    patientControl: claim.patientControl,
    patientName: claim.patientName?.trim() ?? "",
    status: claim.statusText || `Status ${claim.status}`,
    outcome: claim.outcome,
    outcomeLabel: OUTCOME_LABEL[claim.outcome],
    tone: OUTCOME_TONE[claim.outcome],
    charge: formatMoney(claim.charge),
    paid: formatMoney(claim.paid),
    reason: claim.reason,
  };
}

export function plbView(item: PlbItem): PlbView {
  // In the file a positive amount reduces the payment; the pane says what it does to the money.
  const effect = -item.amount;
  return {
    reason: plbReasonName(item.reason),
    reference: item.reference || undefined,
    effect: effect > 0 ? `+${formatMoney(effect)}` : formatMoney(effect),
    tone: effect >= 0 ? "info" : "warning",
  };
}

/** Denials, reversals, crossovers and PLB items, each said once so nobody misses them. */
export function callouts(r: Pick<EraRemittancePreview, "claims" | "plb">): string[] {
  const count = (o: ClaimOutcome) => r.claims.filter((c) => c.outcome === o).length;
  const out: string[] = [];
  const denied = count("denied");
  if (denied > 0) out.push(`${plural(denied, "denial", "denials")} to work: nothing paid, flagged for follow-up.`);
  const reversals = count("reversal");
  if (reversals > 0) out.push(`${plural(reversals, "reversal takes", "reversals take")} back an earlier payment with negative postings.`);
  const crossovers = count("crossover");
  if (crossovers > 0)
    out.push(`${plural(crossovers, "claim was", "claims were")} forwarded to the next payer: don't bill the secondary yourself.`);
  const held = count("held");
  if (held > 0)
    out.push(`${plural(held, "claim is", "claims are")} held: nothing posted for ${held === 1 ? "it" : "them"}; the reason is under each.`);
  const unmatched = count("unmatched");
  if (unmatched > 0) out.push(`${plural(unmatched, "claim", "claims")} not matched to the workbook: listed as exceptions, nothing posted.`);
  if (r.plb.length > 0)
    out.push(
      `${plural(r.plb.length, "provider-level adjustment", "provider-level adjustments")} (PLB), recorded apart from claim balances.`,
    );
  return out;
}

export function alreadyPostedText(posted: NonNullable<EraRemittancePreview["alreadyPosted"]>): string {
  return `Already posted on ${posted.on} (payment ${posted.paymentId}): nothing from it is posted again.`;
}

export function remittanceView(r: EraRemittancePreview, index: number): RemittanceView {
  return {
    key: `${index}:${r.trace}`,
    payer: r.payerId ? `${r.payerName} · ${r.payerId}` : r.payerName,
    trace: traceLabel(r.method, r.trace),
    paidBy: paidByLine(r),
    method: methodName(r.method),
    amount: formatMoney(r.amount),
    date: r.date ?? "",
    counts: outcomeCounts(r.claims),
    claims: r.claims.map(claimView),
    plb: r.plb.map(plbView),
    totals: totalsView(r.amount, r.totals, r.alreadyPosted !== undefined),
    callouts: callouts(r),
    alreadyPosted: r.alreadyPosted ? alreadyPostedText(r.alreadyPosted) : undefined,
  };
}

export interface PreviewSummary {
  /** Payments that will be posted now (not already posted). */
  toPost: EraRemittancePreview[];
  alreadyPosted: EraRemittancePreview[];
  /** "2 payments, $1,234.56: 8 claims matched" — what Post will write, or why nothing. */
  headline: string;
}

export function previewSummary(preview: EraPreview): PreviewSummary {
  const toPost = preview.remittances.filter((r) => !r.alreadyPosted);
  const alreadyPosted = preview.remittances.filter((r) => r.alreadyPosted);
  const payments = plural(preview.remittances.length, "payment", "payments");
  let headline: string;
  if (preview.remittances.length === 0) headline = `${preview.fileName} holds no payments.`;
  else if (toPost.length === 0)
    headline = `${preview.fileName}: ${payments}, ${preview.remittances.length === 1 ? "already posted" : "all already posted"}.`;
  else {
    const posted = toPost.reduce((sum, r) => sum + r.totals.posted, 0);
    const held = toPost.reduce((sum, r) => sum + r.totals.held, 0);
    const holds = held !== 0 ? ` ${formatMoney(held)} held` : "";
    headline =
      posted === 0 && held !== 0
        ? `${preview.fileName}: ${payments}; nothing can be posted,${holds}.`
        : `${preview.fileName}: ${payments}; Post writes ${formatMoney(posted)}${held !== 0 ? ` and holds ${formatMoney(held)}` : ""}.`;
  }
  return { toPost, alreadyPosted, headline };
}

/** The success message after Post: what went in, and what is left for the biller. */
export function postedMessage(preview: EraPreview): string {
  const { toPost } = previewSummary(preview);
  const sum = (pick: (r: EraRemittancePreview) => Cents) => toPost.reduce((s, r) => s + pick(r), 0);
  const matched = toPost.reduce((n, r) => n + r.claims.filter((c) => c.outcome !== "held" && c.outcome !== "unmatched").length, 0);
  // "posted" is claims and PLB together: the claims' part is what is left once the PLB is taken out.
  const plb = sum((r) => r.totals.plb);
  const parts = [
    `${plural(toPost.length, "payment", "payments")} of ${formatMoney(sum((r) => r.amount))} posted: ${formatMoney(sum((r) => r.totals.posted) + plb)} paid on ${plural(matched, "claim", "claims")}`,
  ];
  if (plb !== 0) parts.push(`provider adjustments (PLB) ${formatMoney(-plb)}`);
  const held = sum((r) => r.totals.held);
  let text = parts.join(", ");
  text += held !== 0 ? `; ${formatMoney(held)} held.` : ".";
  if (preview.exceptions.length > 0) text += ` ${plural(preview.exceptions.length, "exception stays", "exceptions stay")} listed below.`;
  return `${text} The Audit sheet records it.`;
}

/** Said when a file's payments were all posted before: when, and that nothing was written. */
export function alreadyPostedMessage(preview: EraPreview): string {
  const each = preview.remittances
    .filter((r) => r.alreadyPosted)
    .map((r) => `${traceLabel(r.method, r.trace)} from ${r.payerName} (${formatMoney(r.amount)}) was posted on ${r.alreadyPosted!.on}`);
  return `${each.join("; ")}. Nothing was written.`;
}

export interface ExceptionView {
  key: string;
  /** "Claim CLM0001, line 2". */
  where: string;
  reason: string;
}

export function exceptionViews(preview: EraPreview): ExceptionView[] {
  return preview.exceptions.map((e, i) => ({
    key: `${i}`,
    where: `${e.trace ? `${e.trace} · ` : ""}Claim ${e.patientControl}${e.line ? `, line ${e.line}` : ""}`,
    reason: e.reason,
  }));
}

/** A refused file's reason (already in a biller's words) as one sentence, saying the workbook was left as it was. */
export function refusalMessage(error: string): string {
  return `${sentence(error)} Nothing was written.`;
}
