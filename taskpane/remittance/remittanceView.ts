// An ERA preview as the Import remittance panel shows it, apart from React: per payment (one 835
// transaction) the payer, how and when it was paid, its claims with what will happen to each (or,
// once posted, what became of each: a denial still reads as denied), and the money line by line
// (claims paid, each provider-level adjustment) adding up to the check, with posted + held and the
// difference named where they don't tie. Headlines say the counts of what needs work, never just
// that all went well. Patient names come only from the file and are shown only in the pane:
// nothing here logs or writes them.
import { formatMoney, type Cents } from "../../src/money";
import type { EraClaimPreview, EraPreview, EraRemittancePreview } from "../../src/era/eraPreview";
import { moneyEquation, paymentMoney, plbReasonName, signedMoney } from "../../src/era/remittanceMoney";
import type { PaymentDateSource } from "../../src/era/eraIdentity";
import { plural, sentence } from "../billerMessage";

export { plbReasonName };

export type ClaimOutcome = EraClaimPreview["outcome"];

/** How a row is drawn: good news, something to look at, something that did not go in, or a note. */
export type Tone = "success" | "warning" | "danger" | "info";

/** Before posting: "Matched" says only that the claim was found, and will post. */
export const OUTCOME_LABEL: Record<ClaimOutcome, string> = {
  matched: "Matched",
  unmatched: "Not matched",
  held: "Held",
  denied: "Denied",
  reversal: "Reversal",
  crossover: "Sent to next payer",
};

/** Once the payment is posted: what became of each claim, a denial still a denial. */
export const POSTED_LABEL: Record<ClaimOutcome, string> = {
  matched: "Posted",
  unmatched: "Not matched",
  held: "Held — not posted",
  denied: "Denied — posted",
  reversal: "Reversal — posted",
  crossover: "Sent to next payer — posted",
};

/** CLP02 23: not this payer's claim; it sent it on to the right one. Held, said so. */
const NOT_OURS_LABEL = "Not this payer's — sent on";

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
  crossover: ["sent to next payer", "sent to next payer"],
};

/** The counts once posted: "posted" rather than "matched". */
const POSTED_COUNTED: Record<ClaimOutcome, [string, string]> = { ...OUTCOME_COUNTED, matched: ["posted", "posted"] };

/** BPR04, the way the money came. */
const METHOD_NAME: Record<string, string> = {
  ACH: "ACH (EFT)",
  CHK: "Check",
  FWT: "Wire transfer",
  BOP: "EFT (bank's choice)",
  NON: "No payment",
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

export interface TotalLine {
  /** "Paid on claims", "Interest (L6) · INT0001", "Payment (BPR02)". */
  label: string;
  /** A PLB item's is signed with what it does to the payment: "+$3.75", "-$40.00". */
  amount: string;
  /** Set on a figure that does not tie out. */
  off?: boolean;
  /** A line the check adds up from (claims, each PLB item); unset on the payment and what follows. */
  part?: boolean;
  /** The payment the parts add up to. */
  total?: boolean;
}

export interface TotalsView {
  ties: boolean;
  lines: TotalLine[];
  /** "Ties out: $950.00 paid on claims − $50.00 overpayment recovery (WO) = $900.00 payment = $800.00 posted + $100.00 held." */
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
  totals: TotalsView;
  /** Things a biller must not miss: denials to work, reversals, crossovers, PLB items. */
  callouts: string[];
  /** "Already posted on 2026-03-05 14:03:09 (payment PM000012): nothing from it is posted again." */
  alreadyPosted?: string;
}

/**
 * How many claims of each outcome, what needs work first: "5 claims: 3 matched, 1 denial, 1 held";
 * once posted, "5 claims: 3 posted, 1 denial, 1 held".
 */
export function outcomeCounts(claims: Pick<EraClaimPreview, "outcome">[], posted = false): string {
  const counts = new Map<ClaimOutcome, number>();
  for (const c of claims) counts.set(c.outcome, (counts.get(c.outcome) ?? 0) + 1);
  const words = posted ? POSTED_COUNTED : OUTCOME_COUNTED;
  const parts = OUTCOME_ORDER.filter((o) => counts.has(o)).map((o) => {
    const [one, many] = words[o];
    return plural(counts.get(o)!, one, many);
  });
  const head = plural(claims.length, "claim", "claims");
  return parts.length === 0 ? head : `${head}: ${parts.join(", ")}`;
}

/**
 * The tie-out of one payment, line by line: paid on claims, each PLB item as what it does to the
 * payment, the payment (BPR02), then what this import posts and holds. Two equalities, each checked
 * apart so the one that fails is named: the file's own (BPR02 = Σ CLP04 − Σ PLB, the lines above the
 * payment adding up to it) and this import's (BPR02 = posted + held). A payment posted before posts
 * and holds nothing now, so only the file's own is checked.
 */
export function totalsView(r: Pick<EraRemittancePreview, "amount" | "claims" | "plb" | "totals" | "alreadyPosted">): TotalsView {
  const { amount, totals } = r;
  const postedBefore = r.alreadyPosted !== undefined;
  const money = paymentMoney(r);
  const fileOff = money.difference;
  const postedOff = postedBefore ? 0 : amount - (totals.posted + totals.held);
  const ties = fileOff === 0 && postedOff === 0;
  const lines: TotalLine[] = money.lines.map((line) => ({
    label: line.reference ? `${line.label} · ${line.reference}` : line.label,
    amount: line.kind === "plb" ? signedMoney(line.effect) : formatMoney(line.effect),
    part: true,
  }));
  lines.push({ label: "Payment (BPR02)", amount: formatMoney(amount), off: fileOff !== 0, total: true });
  if (!postedBefore)
    lines.push(
      { label: "Posted now (claims and PLB)", amount: formatMoney(totals.posted) },
      { label: "Held (not posted)", amount: formatMoney(totals.held) },
    );
  // When the file's own sum is off, posted + held (which is claims − PLB) is off by the same: said once.
  if (fileOff !== 0) lines.push({ label: "Payment ≠ claims − PLB by", amount: formatMoney(fileOff), off: true });
  else if (postedOff !== 0) lines.push({ label: "Payment ≠ posted + held by", amount: formatMoney(postedOff), off: true });
  const equation = moneyEquation(money);
  let text: string;
  if (ties) {
    text = postedBefore
      ? `Ties out: ${equation} = ${formatMoney(amount)} payment. Posted before: nothing is posted now.`
      : `Ties out: ${equation} = ${formatMoney(amount)} payment = ${formatMoney(totals.posted)} posted + ${formatMoney(totals.held)} held.`;
  } else if (fileOff !== 0) {
    text = `Does not tie out: the payment is ${formatMoney(amount)} but ${equation} is ${formatMoney(money.sum)} (off by ${formatMoney(fileOff)}).`;
  } else {
    const both = totals.posted + totals.held;
    text = `Does not tie out: posted ${formatMoney(totals.posted)} + held ${formatMoney(totals.held)} is ${formatMoney(both)}, not the payment's ${formatMoney(amount)} (off by ${formatMoney(postedOff)}).`;
  }
  return { ties, lines, text };
}

/**
 * One claim's row. `posted`: its payment is posted (just now, or before), so the label says what
 * became of the claim: "Denied — posted", never "Matched".
 */
export function claimView(claim: EraClaimPreview, posted = false): ClaimView {
  const notOurs = claim.outcome === "held" && claim.status.trim() === "23";
  return {
    patientControl: claim.patientControl,
    patientName: claim.patientName?.trim() ?? "",
    status: claim.statusText || `Status ${claim.status}`,
    outcome: claim.outcome,
    outcomeLabel: notOurs ? NOT_OURS_LABEL : (posted ? POSTED_LABEL : OUTCOME_LABEL)[claim.outcome],
    tone: notOurs ? "info" : OUTCOME_TONE[claim.outcome],
    charge: formatMoney(claim.charge),
    paid: formatMoney(claim.paid),
    reason: claim.reason,
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
      `${plural(r.plb.length, "provider-level adjustment", "provider-level adjustments")} (PLB), each in the totals below, recorded apart from claim balances.`,
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
    counts: outcomeCounts(r.claims, r.alreadyPosted !== undefined),
    claims: r.claims.map((c) => claimView(c, r.alreadyPosted !== undefined)),
    totals: totalsView(r),
    callouts: callouts(r),
    alreadyPosted: r.alreadyPosted ? alreadyPostedText(r.alreadyPosted) : undefined,
  };
}

export interface PreviewSummary {
  /** Payments that will be posted now (not already posted). */
  toPost: EraRemittancePreview[];
  alreadyPosted: EraRemittancePreview[];
  /**
   * What Post will write and hold, and the claims' counts so a denial or a claim not matched is never
   * hidden: "acme.835: 1 payment; Post writes $247.50. 3 claims: 2 matched, 1 denial."
   */
  headline: string;
}

export function previewSummary(preview: EraPreview): PreviewSummary {
  const toPost = preview.remittances.filter((r) => !r.alreadyPosted);
  const alreadyPosted = preview.remittances.filter((r) => r.alreadyPosted);
  const payments = plural(preview.remittances.length, "payment", "payments");
  let headline: string;
  if (preview.remittances.length === 0) headline = `${preview.fileName} holds no payments.`;
  else if (toPost.length === 0) {
    const claims = alreadyPosted.flatMap((r) => r.claims);
    headline =
      `${preview.fileName}: ${payments}, ${preview.remittances.length === 1 ? "already posted" : "all already posted"}. ` +
      `${outcomeCounts(claims, true)}.`;
  } else {
    const posted = toPost.reduce((sum, r) => sum + r.totals.posted, 0);
    const held = toPost.reduce((sum, r) => sum + r.totals.held, 0);
    const holds = held !== 0 ? ` ${formatMoney(held)} held` : "";
    const counts = `${outcomeCounts(toPost.flatMap((r) => r.claims))}.`;
    headline =
      posted === 0 && held !== 0
        ? `${preview.fileName}: ${payments}; nothing can be posted,${holds}. ${counts}`
        : `${preview.fileName}: ${payments}; Post writes ${formatMoney(posted)}${held !== 0 ? ` and holds ${formatMoney(held)}` : ""}. ${counts}`;
  }
  return { toPost, alreadyPosted, headline };
}

/** Whether any claim of the payments needs the biller: denied, held, not matched. */
function claimsToWork(remittances: EraRemittancePreview[]): number {
  let n = 0;
  for (const r of remittances)
    for (const c of r.claims) if (c.outcome === "denied" || c.outcome === "held" || c.outcome === "unmatched") n++;
  return n;
}

/** The success message's title: posted, and whether claims are left to work (never "all went well" when some are). */
export function postedTitle(preview: EraPreview): string {
  const toWork = claimsToWork(previewSummary(preview).toPost);
  return toWork === 0 ? "Remittance posted" : `Remittance posted: ${plural(toWork, "claim", "claims")} to work`;
}

/**
 * The success message after Post: the money line by line adding up to the payments (claims paid,
 * each PLB reason), what is held, the claims' counts, and what is left for the biller.
 */
export function postedMessage(preview: EraPreview): string {
  const { toPost } = previewSummary(preview);
  const sum = (pick: (r: EraRemittancePreview) => Cents) => toPost.reduce((s, r) => s + pick(r), 0);
  const amount = sum((r) => r.amount);
  const money = toPost.map(paymentMoney);
  const added = money.reduce((s, m) => s + m.sum, 0);
  let text = `${plural(toPost.length, "payment", "payments")} of ${formatMoney(amount)} posted: ${moneyEquation({ lines: money.flatMap((m) => m.lines) })} = ${formatMoney(added)}`;
  const held = sum((r) => r.totals.held);
  text += held !== 0 ? `; ${formatMoney(held)} of it held (not posted).` : ".";
  text += ` ${outcomeCounts(
    toPost.flatMap((r) => r.claims),
    true,
  )}.`;
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
  /** "EFT 123 · Claim CLM0001, line 99213 on 2026-03-05". */
  where: string;
  /** Whose money and the payer's figures: "Acme Health · account P0001 · DOS 2026-03-05 · billed $200.00 · paid $0.00 · patient $0.00". */
  figures: string;
  reason: string;
}

export function exceptionViews(preview: EraPreview): ExceptionView[] {
  return preview.exceptions.map((e, i) => ({
    key: `${i}`,
    where: `${e.trace ? `${e.trace} · ` : ""}Claim ${e.patientControl}${e.line ? `, line ${e.line}` : ""}`,
    figures: [
      e.payerName || e.payerId,
      e.patientId && `account ${e.patientId}`,
      e.dos && `DOS ${e.dos}`,
      e.billed !== undefined && `billed ${formatMoney(e.billed)}`,
      e.allowed !== undefined && `allowed ${formatMoney(e.allowed)}`,
      e.paid !== undefined && `paid ${formatMoney(e.paid)}`,
      e.patientResp !== undefined && `patient ${formatMoney(e.patientResp)}`,
    ]
      .filter(Boolean)
      .join(" · "),
    reason: e.reason,
  }));
}

/** A refused file's reason (already in a biller's words) as one sentence, saying the workbook was left as it was. */
export function refusalMessage(error: string): string {
  return `${sentence(error)} Nothing was written.`;
}
