// A remittance's money line by line, so the figures add up to the check to the cent (DOMAIN.md "X12
// 835 remittance", balancing): what the claims paid (reversals, which take money back, apart), then
// each provider-level adjustment (PLB) as what it does to the payment. In the file a positive PLB
// amount reduces the payment and a negative one (interest) adds to it, so each item's effect is its
// amount negated, and claims paid + Σ effects = BPR02 when the payer's own figures balance. The task
// pane's totals and the terminal's `era post` both print these lines.
import { formatMoney, type Cents } from "../money";
import type { EraRemittancePreview } from "./eraPreview";
import type { PlbItem } from "./remittance";

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
  CV: "Capital passthrough",
  DM: "Direct medical education passthrough",
  E3: "Withholding",
  FC: "Fund allocation",
  GO: "Graduate medical education passthrough",
  IP: "Incentive premium payment",
  IR: "IRS withholding",
  IS: "Interim settlement",
  J1: "Nonreimbursable",
  L3: "Penalty",
  LE: "Levy",
  LS: "Lump sum",
  OA: "Organ acquisition passthrough",
  OB: "Offset for affiliated providers",
  PI: "Periodic interim payment",
  PL: "Final payment",
  RA: "Retroactive adjustment",
  RE: "Return on equity",
  SL: "Student loan repayment",
  TL: "Third party liability",
  WU: "Unspecified recovery",
};

/** "Interest (L6)"; a reason not in the list: "Adjustment ZZ". */
export function plbReasonName(reason: string): string {
  const name = PLB_REASON[reason.trim().toUpperCase()];
  return name ? `${name} (${reason})` : `Adjustment ${reason}`;
}

/** One figure of a payment: a label and what it adds to the payment (negative when it takes away). */
export interface MoneyLine {
  kind: "claims" | "reversals" | "plb";
  /** "Paid on claims", "Taken back by reversals", "Interest (L6)". */
  label: string;
  /** A PLB item's reference (PLB03-2), when it has one. */
  reference?: string;
  /** What it adds to the payment, in cents: a recoupment is negative, interest positive. */
  effect: Cents;
}

export interface PaymentMoney {
  /** The claims' lines, then each PLB item in the file's order. */
  lines: MoneyLine[];
  /** Σ effects: Σ CLP04 − Σ PLB. */
  sum: Cents;
  /** BPR02 (negative for a debit). */
  payment: Cents;
  /** payment − sum: 0 when the payer's figures add up. */
  difference: Cents;
}

/** What a PLB item does to the payment: its amount negated (interest, negative in the file, adds). */
export function plbEffect(item: Pick<PlbItem, "amount">): Cents {
  return -item.amount || 0;
}

/**
 * The lines that add up to the check: paid on claims (Σ CLP04 of the claims that are not reversals),
 * taken back by reversals (CLP02 22, when there are any), then every PLB item as its effect.
 */
export function paymentMoney(r: {
  amount: Cents;
  claims: readonly Pick<EraRemittancePreview["claims"][number], "status" | "paid">[];
  plb: readonly PlbItem[];
  totals: Pick<EraRemittancePreview["totals"], "paid">;
}): PaymentMoney {
  let reversed = 0;
  let reversals = 0;
  for (const c of r.claims) {
    if (c.status.trim() !== "22") continue;
    reversed += c.paid;
    reversals++;
  }
  const lines: MoneyLine[] = [{ kind: "claims", label: "Paid on claims", effect: r.totals.paid - reversed }];
  if (reversals > 0) lines.push({ kind: "reversals", label: "Taken back by reversals", effect: reversed });
  for (const item of r.plb) {
    const line: MoneyLine = { kind: "plb", label: plbReasonName(item.reason), effect: plbEffect(item) };
    if (item.reference) line.reference = item.reference;
    lines.push(line);
  }
  let sum = 0;
  for (const line of lines) sum += line.effect;
  return { lines, sum, payment: r.amount, difference: r.amount - sum };
}

/** "+$3.75", "-$40.00", "$0.00": a figure with what it does to the payment. */
export function signedMoney(cents: Cents): string {
  return cents > 0 ? `+${formatMoney(cents)}` : formatMoney(cents);
}

/**
 * The sum as words, each PLB reason once (its items added): "$250.00 paid on claims − $5.00
 * overpayment recovery (WO) + $2.50 interest (L6)". Never "− -$2.50".
 */
export function moneyEquation(money: Pick<PaymentMoney, "lines">): string {
  const terms = new Map<string, Cents>();
  for (const line of money.lines) {
    const name = line.kind === "claims" ? "paid on claims" : line.kind === "reversals" ? "taken back by reversals" : lowerFirst(line.label);
    terms.set(name, (terms.get(name) ?? 0) + line.effect);
  }
  let text = "";
  for (const [name, cents] of terms) {
    const amount = `${formatMoney(Math.abs(cents))} ${name}`;
    text = text === "" ? (cents < 0 ? `−${amount}` : amount) : `${text} ${cents < 0 ? "−" : "+"} ${amount}`;
  }
  return text;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
