// practiceKpis as it was before it read the ledger's columns (December 2026), kept only for
// test/reports/kpisBeforeAfter.test.ts and the `kpis` bench's before figure. Do not change it.
// Practice KPIs for a period, each returned with its value, its definition in words and the inputs it
// was computed from, so a manager can check every figure by hand. Definitions (DOMAIN.md, "Aging,
// collections and KPIs"), with `end` = the earlier of `to` and `asOf` (nothing after asOf counts):
// - Days in A/R = (A/R − credits) ÷ (gross charges of the last 3 months ÷ days in them). A/R and credits
//   are the aging report's as of asOf (DOS basis); "the last 3 months" runs from the day after the same
//   date three calendar months before asOf, through asOf (a month's last day maps to a month's last
//   day, so as of 06-30 the window is April to June, 91 days); gross charges are lines served in it.
// - Gross collection rate = payments ÷ charges. Net collection rate = payments ÷ (charges − contractual
//   adjustments). Payments: Paid of every posting dated from..end (insurance and patient; reversals net
//   out). Charges: lines served from..end. Contractual adjustments: CO adjustments with reason 45 or no
//   reason, posted from..end (other CO reasons are denials, a loss the net rate must show).
// - A payer posting: a posting whose payment (for a reversal left blank, the original's) has a PayerID,
//   or a posting with no payment in group CO, OA, PI or PR (an adjustment from a remittance).
// - Adjudicated claims: claims whose first payer posting is dated from..end.
// - Denied: an adjudicated claim with a line that a payer paid $0 (its postings from one payment, not
//   counting reversal rows, sum to $0 paid, dated by end) and denied: a CO posting whose reason is not
//   45, at any amount (a denial is posted at $0.00 and left to work, as the ERA import and the office
//   post it), or a posting the ERA import marked "Denied: to work" (claim status 4, whatever its
//   reasons). The adjustment's amount does not decide it. Denial rate = denied ÷ adjudicated.
// - First-pass resolution: an adjudicated claim with no denial whose lines owe the payer nothing
//   (insurance share ≤ 0 by the rule of balances.ts) after the postings dated on or before the claim's
//   first payer posting date. Rate = those ÷ adjudicated.
// - % of A/R over 90 (91 days and older) and over 120 (121 and older): of the aging total as of asOf.
// - Average days to pay, by payer: over lines whose first positive Paid from their own payer is dated
//   from..end, the days from the billed date (the DOS when never billed) to that posting.
// Work is a pass over the charges with their postings (indexed), plus the aging report.
import { addDays, daysBetween, type IsoDate } from "../../../src/dates";
import { isDenialPosting } from "../../../src/ledger/denials";
import { isSelfPay, type Ledger } from "../../../src/ledger/ledger";
import type { Cents } from "../../../src/money";
import type { ChargeRow, PayerRow, PostingRow } from "../../../src/workbook/tables";
import { agingReport, DEFAULT_BOUNDS } from "../../../src/reports/aging";

export interface KpiInput {
  label: string;
  value: number;
  unit: "cents" | "days" | "claims" | "lines";
}

export interface Kpi {
  name: string;
  /** Null when its denominator is zero (nothing to measure). Percents are 0-100. */
  value: number | null;
  unit: "days" | "percent";
  definition: string;
  inputs: KpiInput[];
}

export interface PracticeKpis {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  daysInAr: Kpi;
  netCollectionRate: Kpi;
  grossCollectionRate: Kpi;
  denialRate: Kpi;
  firstPassRate: Kpi;
  arOver90: Kpi;
  arOver120: Kpi;
  /** One per payer with a line paid in the period, in Payers order then first seen. */
  daysToPay: (Kpi & { payerId: string })[];
}

const ratio = (top: number, bottom: number) => (bottom === 0 ? null : top / bottom);
const percent = (top: number, bottom: number) => (bottom === 0 ? null : (top * 100) / bottom);

/**
 * The same day three calendar months earlier, so the window after it is three calendar months: the
 * last day of a month maps to the last day of the month three before it (06-30 → 03-31, so April, May
 * and June; 02-28 → 11-30), any other day to the same day (clamped to a shorter month's end).
 */
export function threeMonthsBefore(iso: IsoDate): IsoDate {
  const [y, m, d] = iso.split("-").map(Number);
  const lastOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const month = m - 3;
  const year = month < 1 ? y - 1 : y;
  const mm = month < 1 ? month + 12 : month;
  const last = lastOf(year, mm);
  const day = d === lastOf(y, m) ? last : Math.min(d, last);
  return `${year}-${String(mm).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

interface LineFacts {
  charge: ChargeRow;
  selfPay: boolean;
  firstPayerDate?: IsoDate;
  denied: boolean;
}

/** The KPIs for from..to, counting only what was posted on or before asOf. */
export function practiceKpis(ledger: Ledger, period: { from: IsoDate; to: IsoDate; asOf: IsoDate }): PracticeKpis {
  const { from, to, asOf } = period;
  const end = to < asOf ? to : asOf;
  const inPeriod = (date: IsoDate) => date >= from && date <= end;
  const payerById = new Map<string, PayerRow>();
  for (const payer of ledger.payers) if (!payerById.has(payer.payerId)) payerById.set(payer.payerId, payer);

  const payerOfPosting = (p: PostingRow): string | undefined => {
    const original = p.reverses === undefined ? undefined : ledger.postingById.get(p.reverses);
    const paymentId = p.paymentId ?? original?.paymentId;
    if (paymentId !== undefined) return ledger.paymentById.get(paymentId)?.payerId;
    return undefined;
  };
  const isPayerPosting = (p: PostingRow): boolean => {
    if (payerOfPosting(p) !== undefined) return true;
    const paymentId = p.paymentId ?? (p.reverses === undefined ? undefined : ledger.postingById.get(p.reverses)?.paymentId);
    if (paymentId !== undefined) return false;
    const group = p.group ?? (p.reverses === undefined ? undefined : ledger.postingById.get(p.reverses)?.group);
    return group === "CO" || group === "OA" || group === "PI" || group === "PR";
  };

  let payments: Cents = 0;
  let charges: Cents = 0;
  let contractual: Cents = 0;
  const windowStart = addDays(threeMonthsBefore(asOf), 1);
  const windowDays = daysBetween(windowStart, asOf) + 1;
  let windowCharges: Cents = 0;
  const claims = new Map<string, LineFacts[]>();
  const daysToPay = new Map<string, { lines: number; days: number }>();
  for (const payer of ledger.payers) daysToPay.set(payer.payerId, { lines: 0, days: 0 });

  for (const charge of ledger.charges) {
    if (inPeriod(charge.dos)) charges += charge.amount;
    if (charge.dos >= windowStart && charge.dos <= asOf) windowCharges += charge.amount;
    const facts: LineFacts = { charge, selfPay: isSelfPay(charge.payerId, payerById.get(charge.payerId)), denied: false };
    const list = claims.get(charge.claimId);
    if (list) list.push(facts);
    else claims.set(charge.claimId, [facts]);

    let firstPaid: IsoDate | undefined;
    // Per payment: what it paid on this line and whether it carried a denial reason.
    let byPayment: Map<string, { paid: Cents; denial: boolean }> | undefined;
    for (const p of ledger.postingsByCharge.get(charge.chargeId) ?? []) {
      if (p.date > asOf) continue;
      if (inPeriod(p.date)) {
        payments += p.paid ?? 0;
        const original = p.reverses === undefined ? undefined : ledger.postingById.get(p.reverses);
        const group = p.group ?? original?.group;
        const reason = p.reason ?? original?.reason;
        if (group === "CO" && (reason === undefined || reason === "45")) contractual += p.adjustment ?? 0;
      }
      if (!isPayerPosting(p)) continue;
      if (facts.firstPayerDate === undefined || p.date < facts.firstPayerDate) facts.firstPayerDate = p.date;
      const payer = payerOfPosting(p);
      if ((p.paid ?? 0) > 0 && (payer === undefined || payer === charge.payerId) && (firstPaid === undefined || p.date < firstPaid)) {
        firstPaid = p.date;
      }
      if (p.reverses !== undefined || p.date > end) continue;
      const key = p.paymentId ?? "";
      byPayment ??= new Map();
      let seen = byPayment.get(key);
      if (!seen) byPayment.set(key, (seen = { paid: 0, denial: false }));
      seen.paid += p.paid ?? 0;
      if (isDenialPosting(p)) seen.denial = true;
    }
    if (byPayment) for (const seen of byPayment.values()) if (seen.paid === 0 && seen.denial) facts.denied = true;
    if (firstPaid !== undefined && !facts.selfPay && inPeriod(firstPaid)) {
      let entry = daysToPay.get(charge.payerId);
      if (!entry) daysToPay.set(charge.payerId, (entry = { lines: 0, days: 0 }));
      entry.lines += 1;
      entry.days += daysBetween(charge.billedDate ?? charge.dos, firstPaid);
    }
  }

  let adjudicated = 0;
  let denied = 0;
  let firstPass = 0;
  for (const lines of claims.values()) {
    let first: IsoDate | undefined;
    for (const line of lines)
      if (line.firstPayerDate !== undefined && (first === undefined || line.firstPayerDate < first)) first = line.firstPayerDate;
    if (first === undefined || !inPeriod(first)) continue;
    adjudicated += 1;
    if (lines.some((line) => line.denied)) {
      denied += 1;
      continue;
    }
    if (lines.every((line) => line.selfPay || insuranceShareOn(ledger, line.charge, first) <= 0)) firstPass += 1;
  }

  const aging = agingReport(ledger, { asOf, bounds: DEFAULT_BOUNDS });
  const credits = -aging.creditTotal;
  const over90 = aging.totals[3] + aging.totals[4];
  const over120 = aging.totals[4];
  const dailyCharges = windowCharges / windowDays;

  const daysToPayKpis: PracticeKpis["daysToPay"] = [];
  for (const [payerId, entry] of daysToPay) {
    if (entry.lines === 0) continue;
    const name = payerById.get(payerId)?.name ?? payerId;
    daysToPayKpis.push({
      payerId,
      name: `Average days to pay: ${name}`,
      value: ratio(entry.days, entry.lines),
      unit: "days",
      definition: `Over ${name}'s lines first paid by it from ${from} to ${end}: days from the billed date (DOS when never billed) to that first payment, averaged.`,
      inputs: [
        { label: "Lines first paid in the period", value: entry.lines, unit: "lines" },
        { label: "Days to pay, added up", value: entry.days, unit: "days" },
      ],
    });
  }

  return {
    from,
    to,
    asOf,
    daysInAr: {
      name: "Days in A/R",
      value: windowCharges === 0 ? null : (aging.total - credits) / dailyCharges,
      unit: "days",
      definition: `(A/R − credits) ÷ (gross charges of the last 3 months ÷ days in them): A/R and credits as of ${asOf}; the 3 months are ${windowStart} to ${asOf}.`,
      inputs: [
        { label: `A/R as of ${asOf}`, value: aging.total, unit: "cents" },
        { label: "Credit balances", value: credits, unit: "cents" },
        { label: `Gross charges, DOS ${windowStart} to ${asOf}`, value: windowCharges, unit: "cents" },
        { label: "Days in those 3 months", value: windowDays, unit: "days" },
      ],
    },
    netCollectionRate: {
      name: "Net collection rate",
      value: percent(payments, charges - contractual),
      unit: "percent",
      definition: `Payments ÷ (charges − contractual adjustments), from ${from} to ${end}. Payments: all Paid posted; charges: lines served; contractual: CO-45 (or CO with no reason) adjustments posted.`,
      inputs: [
        { label: "Payments posted", value: payments, unit: "cents" },
        { label: "Charges", value: charges, unit: "cents" },
        { label: "Contractual adjustments", value: contractual, unit: "cents" },
      ],
    },
    grossCollectionRate: {
      name: "Gross collection rate",
      value: percent(payments, charges),
      unit: "percent",
      definition: `Payments ÷ charges, from ${from} to ${end}. Payments: all Paid posted; charges: lines served.`,
      inputs: [
        { label: "Payments posted", value: payments, unit: "cents" },
        { label: "Charges", value: charges, unit: "cents" },
      ],
    },
    denialRate: {
      name: "Denial rate",
      value: percent(denied, adjudicated),
      unit: "percent",
      definition: `Denied claims ÷ adjudicated claims. Adjudicated: first payer posting from ${from} to ${end}. Denied: a line a payer paid $0 and denied, by a CO reason other than 45 (at any amount, $0.00 included) or by the remittance's claim status 4.`,
      inputs: [
        { label: "Denied claims", value: denied, unit: "claims" },
        { label: "Adjudicated claims", value: adjudicated, unit: "claims" },
      ],
    },
    firstPassRate: {
      name: "First-pass resolution rate",
      value: percent(firstPass, adjudicated),
      unit: "percent",
      definition:
        "Claims paid on first submission ÷ adjudicated claims: no denial, and nothing left with the payer after the postings of the claim's first payer posting date.",
      inputs: [
        { label: "Claims resolved on first pass", value: firstPass, unit: "claims" },
        { label: "Adjudicated claims", value: adjudicated, unit: "claims" },
      ],
    },
    arOver90: {
      name: "% of A/R over 90 days",
      value: percent(over90, aging.total),
      unit: "percent",
      definition: `A/R aged 91 days and more (by date of service) ÷ all A/R, as of ${asOf}; credits not netted.`,
      inputs: [
        { label: "A/R over 90 days", value: over90, unit: "cents" },
        { label: `A/R as of ${asOf}`, value: aging.total, unit: "cents" },
      ],
    },
    arOver120: {
      name: "% of A/R over 120 days",
      value: percent(over120, aging.total),
      unit: "percent",
      definition: `A/R aged 121 days and more (by date of service) ÷ all A/R, as of ${asOf}; credits not netted.`,
      inputs: [
        { label: "A/R over 120 days", value: over120, unit: "cents" },
        { label: `A/R as of ${asOf}`, value: aging.total, unit: "cents" },
      ],
    },
    daysToPay: daysToPayKpis,
  };
}

/**
 * The insurance share of a line after the postings dated on or before `date`, before the ledger's
 * normalising (≤ 0 means the payer owes nothing): charge − patient responsibility − paid by the line's
 * own payer (or with no payment) − CO, OA and PI adjustments, as balances.ts counts them.
 */
function insuranceShareOn(ledger: Ledger, charge: ChargeRow, date: IsoDate): Cents {
  let share = charge.amount;
  for (const p of ledger.postingsByCharge.get(charge.chargeId) ?? []) {
    if (p.date > date) continue;
    const original = p.reverses === undefined ? undefined : ledger.postingById.get(p.reverses);
    const paymentId = p.paymentId ?? original?.paymentId;
    const payment = paymentId === undefined ? undefined : ledger.paymentById.get(paymentId);
    if (!payment || payment.payerId === charge.payerId) share -= p.paid ?? 0;
    const group = p.group ?? original?.group;
    if (group === "CO" || group === "OA" || group === "PI" || group === "PR") share -= p.adjustment ?? 0;
    share -= p.patientResp ?? 0;
  }
  return share;
}
