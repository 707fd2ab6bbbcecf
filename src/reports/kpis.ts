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
// - Clean-claim rate = clean adjudicated claims ÷ adjudicated claims. Clean: no denial posting
//   (isDenialPosting, on a payer posting, not a reversal row) on any line of the claim dated on or
//   before asOf, whatever was paid and even if later reversed; and not a resubmission: no line of it
//   with Frequency 7 (replacement) or 8 (void). (The ledger cannot tell which earlier claim a
//   replacement replaces: its "Payer Claim #" is the payer's number, which the original's rows never
//   record; so only the replacement itself is left out, and the original is not clean when it was
//   denied.) Unlike first-pass resolution it does not ask that the payer left nothing owed, and any
//   denial posting counts, not only one on a line paid $0.
// - Denials by reason: each denied adjudicated claim once under each distinct reason (group-reason as
//   adjustmentMeaning writes it, "CO-16") of the postings that denied its lines: the denial postings of
//   the $0-paid payment that makes a line denied; of those, the ones with a denying code (CO, not 45)
//   when any has one, else all (a claim status 4 with only PR or CO-45 reasons: its own codes). Share =
//   claims denied with the reason ÷ all adjudicated claims (a claim with two reasons counts in both, so
//   shares may add up to more than the denial rate). Denied amount: the charge amounts of the lines
//   denied with the reason. Sorted by claims, most first, then reason.
// - Denials by payer: each payer with adjudicated claims (a claim's payer is its first line's PayerID):
//   its adjudicated claims, its denied claims, denial rate = denied ÷ its adjudicated; highest rate
//   first, then PayerID.
// - % of A/R over 90 (91 days and older) and over 120 (121 and older): of the aging total as of asOf.
// - Average days to pay, by payer: over lines whose first positive Paid from their own payer is dated
//   from..end, the days from the billed date (the DOS when never billed) to that posting.
// Built for a million lines and two million postings: one pass over the ledger's columns (each line's
// postings, dates as day numbers, whose money and which group already settled), claims interned by
// ClaimID into a byte of flags and a day each, then a pass over the lines of claims that may have
// passed first time, plus the aging report. A posting's row is read by its position only for what the
// columns don't tell (a CO adjustment's Reason, a denial's Note, a PaymentID that isn't in Payments);
// a reversal's original is found through reversalOriginal, never an index of every PostingID. The
// breakdowns add a byte of flags per claim, its payer, and a list of the denied lines (few), whose
// reasons are read off their denying postings' rows.
import { addDays, isoToDay, type IsoDate } from "../dates";
import { LineTally } from "../ledger/balances";
import { adjustmentMeaning } from "../era/adjustmentReasons";
import { isDenialCode, isDenialPosting } from "../ledger/denials";
import { IdNumbers } from "../ledger/idNumbers";
import * as codes from "../ledger/ledger";
import { type Ledger } from "../ledger/ledger";
import type { Cents } from "../money";
import type { PayerRow, PostingRow } from "../workbook/tables";
import { agingReport, DEFAULT_BOUNDS } from "./aging";

// The ledger's column codes as this module's own constants: the loops below read them for every
// posting of a million-line ledger, and unbundled an imported binding is a lookup through its module
// at each read (a getter call where tsx compiles to CommonJS).
const { GROUP_CO, GROUP_OA, GROUP_PI, GROUP_PR, PAID_BY_PATIENT, PAID_WITHOUT_PAYMENT } = codes;

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
  cleanClaimRate: Kpi;
  arOver90: Kpi;
  arOver120: Kpi;
  /** One per payer with a line paid in the period, in Payers order then first seen. */
  daysToPay: (Kpi & { payerId: string })[];
  /** Claims adjudicated in the period: the denominator of the denial, first-pass and clean-claim rates. */
  adjudicatedClaims: number;
  /** The denied adjudicated claims by reason: most claims first, then reason. */
  denialsByReason: DenialReasonRow[];
  /** Every payer with adjudicated claims: highest denial rate first, then PayerID. */
  denialsByPayer: DenialPayerRow[];
}

export interface DenialReasonRow {
  /** Group and reason as adjustmentMeaning writes them: "CO-16" ("CO" when the reason is blank). */
  reason: string;
  /** The reason in a biller's words (adjustmentMeaning). */
  words: string;
  /** Denied adjudicated claims with a line denied for this reason (each claim once). */
  claims: number;
  /** claims ÷ all adjudicated claims, 0-100. */
  percent: number;
  /** The charge amounts of the lines denied for this reason. */
  deniedAmount: Cents;
}

export interface DenialPayerRow {
  payerId: string;
  /** From Payers, else the PayerID. */
  name: string;
  adjudicated: number;
  denied: number;
  /** denied ÷ adjudicated, 0-100. */
  percent: number;
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

// A claim's state as bits (claimFlags), so a million lines' claims cost a byte and a day each.
const CLAIM_PAYER_POSTED = 1;
const CLAIM_ADJUDICATED = 2;
const CLAIM_DENIED = 4;
const CLAIM_LEFT_WITH_PAYER = 8;
/** A denial posting on a line of it, at any amount, dated on or before asOf. */
const CLAIM_DENIAL_POSTED = 16;
/** A line of it with Frequency 7 or 8: a replacement or a void, not a first submission. */
const CLAIM_RESUBMITTED = 32;

/** A payer's adjustment group (CO, OA, PI or PR); WO and a blank group are the office's. */
function isPayerGroup(group: number): boolean {
  return group === GROUP_CO || group === GROUP_OA || group === GROUP_PI || group === GROUP_PR;
}

/** The posting a reversal reverses (undefined for any other posting, or when it isn't in Postings). */
function originalOf(ledger: Ledger, p: number, row: PostingRow): PostingRow | undefined {
  if (row.reverses === undefined) return undefined;
  const at = ledger.columns.reversalOriginal.get(p);
  return at === undefined ? undefined : ledger.postings[at];
}

/**
 * A payer posting (the p-th of Postings): its payment (a reversal's blank one its original's) has a
 * PayerID, or it names no payment at all and its group is CO, OA, PI or PR (a remittance's adjustment).
 * The columns tell all but one case: money without a payment may have named one that isn't in Payments.
 */
function isPayerPosting(ledger: Ledger, p: number): boolean {
  const { postingFrom, postingGroup } = ledger.columns;
  const from = postingFrom[p];
  if (from >= 0) return true;
  if (from === PAID_BY_PATIENT || !isPayerGroup(postingGroup[p])) return false;
  const row = ledger.postings[p];
  return row.paymentId === undefined && originalOf(ledger, p, row)?.paymentId === undefined;
}

/**
 * The postings that denied a line with a denial posting: the denial postings among some payment's
 * payer postings on it (not counting reversal rows, dated by `endDay`) that sum to $0 paid; none when
 * every such payment paid something. Postings with no PaymentID count as one payment. Asked only of
 * lines with a denial posting, so the grouping walks a handful.
 */
function denyingPostings(ledger: Ledger, line: number, endDay: number): number[] {
  const { linePostingsStart, linePostingsEnd, postingOrder, postingDate, postingPaid } = ledger.columns;
  const { postings } = ledger;
  const start = linePostingsStart[line];
  const end = linePostingsEnd[line];
  const counted = (p: number) => postingDate[p] <= endDay && postings[p].reverses === undefined && isPayerPosting(ledger, p);
  const denying: number[] = [];
  for (let k = start; k < end; k++) {
    const p = postingOrder[k];
    if (!counted(p) || !isDenialPosting(postings[p])) continue;
    const payment = postings[p].paymentId ?? "";
    let paid: Cents = 0;
    for (let j = start; j < end; j++) {
      const q = postingOrder[j];
      if ((postings[q].paymentId ?? "") === payment && counted(q)) paid += postingPaid[q];
    }
    if (paid === 0) denying.push(p);
  }
  return denying;
}

/**
 * The distinct reasons ("CO-16") of a line's denying postings: those with a denying code (CO, not 45)
 * when any has one, else all of them (a claim the payer denied outright, status 4, with other codes).
 * `codeOf` turns a group and reason into adjustmentMeaning's code, once per pair.
 */
function denialReasons(
  ledger: Ledger,
  denying: number[],
  codeOf: (group: string | undefined, reason: string | undefined) => string,
): string[] {
  const rows = denying.map((p) => ledger.postings[p]);
  const coded = rows.filter((row) => isDenialCode(row.group, row.reason));
  const reasons: string[] = [];
  for (const row of coded.length > 0 ? coded : rows) {
    const code = codeOf(row.group, row.reason);
    if (!reasons.includes(code)) reasons.push(code);
  }
  return reasons;
}

/** The KPIs for from..to, counting only what was posted on or before asOf. */
export function practiceKpis(ledger: Ledger, period: { from: IsoDate; to: IsoDate; asOf: IsoDate }): PracticeKpis {
  const { from, to, asOf } = period;
  const end = to < asOf ? to : asOf;
  const fromDay = isoToDay(from);
  const endDay = isoToDay(end);
  const asOfDay = isoToDay(asOf);
  const payerById = new Map<string, PayerRow>();
  for (const payer of ledger.payers) if (!payerById.has(payer.payerId)) payerById.set(payer.payerId, payer);
  const c = ledger.columns;
  const { lineAmount, lineDos, linePayer, lineSelfPay, linePostingsStart, linePostingsEnd } = c;
  const { postingOrder, postingDate, postingPaid, postingAdjustment, postingGroup, postingFrom } = c;
  const { charges: chargeRows, postings } = ledger;
  const lineCount = lineAmount.length;

  let payments: Cents = 0;
  let charges: Cents = 0;
  let contractual: Cents = 0;
  const windowStart = addDays(threeMonthsBefore(asOf), 1);
  const windowStartDay = isoToDay(windowStart);
  const windowDays = asOfDay - windowStartDay + 1;
  let windowCharges: Cents = 0;
  // Claims interned by ClaimID (there are never more claims than lines); a claim's first payer posting
  // day is claimFirstDay[n] once CLAIM_PAYER_POSTED is set.
  const claimIds = new IdNumbers(Math.ceil(lineCount / 2));
  const lineClaim = new Int32Array(lineCount);
  const claimFirstDay = new Int32Array(lineCount);
  const claimFlags = new Uint8Array(lineCount);
  // A claim's payer is its first line's: its interned PayerID + 1 (0 until the claim's first line).
  // (Asking claimIds whether the claim is new, at each line, cost a quarter of this loop's time.)
  const claimPayer = new Int32Array(lineCount);
  // Blank on most books (no column at all: an empty list, read only within its length).
  const frequency = ledger.chargeColumn("frequency");
  const frequencyCount = frequency.length;
  // The denied lines, and the reasons that denied each (few: only lines with a denial posting).
  const deniedLines: number[] = [];
  const deniedLineReasons: string[][] = [];
  // Each group and reason's meaning, asked once; its words by code ("CO-16").
  const meanings = new Map<string, string>();
  const wordsByCode = new Map<string, string>();
  const codeOf = (group: string | undefined, reason: string | undefined) => {
    const key = `${group ?? ""}\u0000${reason ?? ""}`;
    let code = meanings.get(key);
    if (code === undefined) {
      const meaning = adjustmentMeaning(group, reason);
      code = meaning.code;
      meanings.set(key, code);
      if (!wordsByCode.has(code)) wordsByCode.set(code, meaning.words);
    }
    return code;
  };
  // Days to pay by the line's payer (its interned number), and the payers in the order first counted.
  const paidLines = new Int32Array(c.payerIds.length);
  const paidDays = new Float64Array(c.payerIds.length);
  const paidPayers: number[] = [];

  for (let i = 0; i < lineCount; i++) {
    const dos = lineDos[i];
    if (dos >= fromDay && dos <= endDay) charges += lineAmount[i];
    if (dos >= windowStartDay && dos <= asOfDay) windowCharges += lineAmount[i];
    const claim = claimIds.of(chargeRows[i].claimId);
    lineClaim[i] = claim;
    const payer = linePayer[i];
    if (claimPayer[claim] === 0) claimPayer[claim] = payer + 1;
    if (i < frequencyCount) {
      const lineFrequency = frequency[i];
      if (lineFrequency === "7" || lineFrequency === "8") claimFlags[claim] |= CLAIM_RESUBMITTED;
    }
    let firstPayerDay = Number.POSITIVE_INFINITY;
    let firstPaidDay = Number.POSITIVE_INFINITY;
    // A denial dated by end (the denial rate's), and one dated by asOf (the clean-claim rate's).
    let denial = false;
    let denialPosted = false;
    for (let k = linePostingsStart[i], kEnd = linePostingsEnd[i]; k < kEnd; k++) {
      const p = postingOrder[k];
      const date = postingDate[p];
      if (date > asOfDay) continue;
      const paid = postingPaid[p];
      if (date >= fromDay && date <= endDay) {
        payments += paid;
        const adjustment = postingAdjustment[p];
        // Contractual: CO with reason 45 or none (a reversal's blank Reason is its original's).
        if (adjustment !== 0 && postingGroup[p] === GROUP_CO) {
          const row = postings[p];
          const reason = row.reason ?? originalOf(ledger, p, row)?.reason;
          if (reason === undefined || reason === "45") contractual += adjustment;
        }
      }
      if (!isPayerPosting(ledger, p)) continue;
      if (date < firstPayerDay) firstPayerDay = date;
      // A payer posting's money is its own payer's, or without a payment the line's payer's.
      const from = postingFrom[p];
      if (paid > 0 && (from === PAID_WITHOUT_PAYMENT || from === payer) && date < firstPaidDay) firstPaidDay = date;
      if (denial || (denialPosted && date > endDay)) continue;
      const row = postings[p];
      if (row.reverses === undefined && isDenialPosting(row)) {
        denialPosted = true;
        if (date <= endDay) denial = true;
      }
    }
    if (firstPayerDay !== Number.POSITIVE_INFINITY) {
      if ((claimFlags[claim] & CLAIM_PAYER_POSTED) === 0 || firstPayerDay < claimFirstDay[claim]) claimFirstDay[claim] = firstPayerDay;
      claimFlags[claim] |= CLAIM_PAYER_POSTED;
    }
    if (denialPosted) claimFlags[claim] |= CLAIM_DENIAL_POSTED;
    if (denial) {
      const denying = denyingPostings(ledger, i, endDay);
      if (denying.length > 0) {
        claimFlags[claim] |= CLAIM_DENIED;
        deniedLines.push(i);
        deniedLineReasons.push(denialReasons(ledger, denying, codeOf));
      }
    }
    if (firstPaidDay !== Number.POSITIVE_INFINITY && lineSelfPay[i] === 0 && firstPaidDay >= fromDay && firstPaidDay <= endDay) {
      if (paidLines[payer] === 0) paidPayers.push(payer);
      paidLines[payer] += 1;
      const billed = chargeRows[i].billedDate;
      paidDays[payer] += firstPaidDay - (billed === undefined ? dos : isoToDay(billed));
    }
  }

  let adjudicated = 0;
  let denied = 0;
  // Clean: no denial posted, not a resubmission; the others split so the inputs add up by hand.
  let clean = 0;
  let withDenialPosted = 0;
  let resubmitted = 0;
  const payerAdjudicated = new Int32Array(c.payerIds.length);
  const payerDenied = new Int32Array(c.payerIds.length);
  const claimCount = claimIds.size;
  for (let n = 0; n < claimCount; n++) {
    const flags = claimFlags[n];
    if ((flags & CLAIM_PAYER_POSTED) === 0 || claimFirstDay[n] < fromDay || claimFirstDay[n] > endDay) continue;
    claimFlags[n] = flags | CLAIM_ADJUDICATED;
    adjudicated += 1;
    const payer = claimPayer[n] - 1;
    payerAdjudicated[payer] += 1;
    if ((flags & CLAIM_DENIED) !== 0) {
      denied += 1;
      payerDenied[payer] += 1;
    }
    if ((flags & CLAIM_DENIAL_POSTED) !== 0) withDenialPosted += 1;
    else if ((flags & CLAIM_RESUBMITTED) !== 0) resubmitted += 1;
    else clean += 1;
  }
  const denialsByReason = reasonRows(deniedLines, deniedLineReasons, wordsByCode, lineClaim, claimFlags, lineAmount, adjudicated);
  const denialsByPayer: DenialPayerRow[] = [];
  for (let payer = 0; payer < payerAdjudicated.length; payer++) {
    const claims = payerAdjudicated[payer];
    if (claims === 0) continue;
    const payerId = c.payerIds[payer];
    const deniedClaims = payerDenied[payer];
    const name = payerById.get(payerId)?.name ?? payerId;
    denialsByPayer.push({ payerId, name, adjudicated: claims, denied: deniedClaims, percent: (deniedClaims * 100) / claims });
  }
  denialsByPayer.sort((a, b) => b.percent - a.percent || byText(a.payerId, b.payerId));
  // First pass: every line of an adjudicated claim without a denial owes its payer nothing after the
  // postings of the claim's first payer posting day (self-pay lines aside).
  // The balance engine's tally as of that day (a claim's lines follow one another, so one per run).
  let tally: LineTally | undefined;
  for (let i = 0; i < lineCount; i++) {
    const claim = lineClaim[i];
    if ((claimFlags[claim] & (CLAIM_ADJUDICATED | CLAIM_DENIED | CLAIM_LEFT_WITH_PAYER)) !== CLAIM_ADJUDICATED) continue;
    if (lineSelfPay[i] !== 0) continue;
    const day = claimFirstDay[claim];
    if (tally?.asOfDay !== day) tally = new LineTally(ledger, day);
    tally.tally(i);
    if (tally.insuranceOwed > 0) claimFlags[claim] |= CLAIM_LEFT_WITH_PAYER;
  }
  let firstPass = 0;
  for (let n = 0; n < claimCount; n++) {
    if ((claimFlags[n] & (CLAIM_ADJUDICATED | CLAIM_DENIED | CLAIM_LEFT_WITH_PAYER)) === CLAIM_ADJUDICATED) firstPass += 1;
  }

  const aging = agingReport(ledger, { asOf, bounds: DEFAULT_BOUNDS });
  const credits = -aging.creditTotal;
  const over90 = aging.totals[3] + aging.totals[4];
  const over120 = aging.totals[4];
  const dailyCharges = windowCharges / windowDays;

  // In Payers order (each PayerID once), then the others as first counted.
  const daysToPayKpis: PracticeKpis["daysToPay"] = [];
  const counted = new Map<string, number>();
  for (const payer of paidPayers) counted.set(c.payerIds[payer], payer);
  const listed = new Set<string>();
  const order: number[] = [];
  for (const { payerId } of ledger.payers) {
    if (listed.has(payerId)) continue;
    listed.add(payerId);
    const payer = counted.get(payerId);
    if (payer !== undefined) order.push(payer);
  }
  for (const payer of paidPayers) if (!listed.has(c.payerIds[payer])) order.push(payer);
  for (const payer of order) {
    const payerId = c.payerIds[payer];
    const lines = paidLines[payer];
    const days = paidDays[payer];
    const name = payerById.get(payerId)?.name ?? payerId;
    daysToPayKpis.push({
      payerId,
      name: `Average days to pay: ${name}`,
      value: ratio(days, lines),
      unit: "days",
      definition: `Over ${name}'s lines first paid by it from ${from} to ${end}: days from the billed date (DOS when never billed) to that first payment, averaged.`,
      inputs: [
        { label: "Lines first paid in the period", value: lines, unit: "lines" },
        { label: "Days to pay, added up", value: days, unit: "days" },
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
    cleanClaimRate: {
      name: "Clean-claim rate",
      value: percent(clean, adjudicated),
      unit: "percent",
      definition:
        `Clean claims ÷ adjudicated claims (first payer posting from ${from} to ${end}). Clean: no denial posted on any line by ${asOf} ` +
        "(a CO reason other than 45 or the remittance's claim status 4, at any amount, even on a line paid or later reversed), " +
        "and not a replacement or void (Frequency 7 or 8). Unlike first-pass resolution, it does not ask that nothing be left owed by the payer.",
      inputs: [
        { label: "Clean claims", value: clean, unit: "claims" },
        { label: "Adjudicated claims", value: adjudicated, unit: "claims" },
        { label: "Adjudicated with a denial posted", value: withDenialPosted, unit: "claims" },
        { label: "Adjudicated replacements or voids, no denial posted", value: resubmitted, unit: "claims" },
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
    adjudicatedClaims: adjudicated,
    denialsByReason,
    denialsByPayer,
  };
}

/** Codes and ids in a person's order, numbers by value: "CO-4" before "CO-16", as the aging sorts its rows. */
function byText(a: string, b: string): number {
  return a.localeCompare(b, "en-US", { numeric: true });
}

/**
 * The denials by reason, over the denied lines of adjudicated claims: each claim once per reason, each
 * line's charge amount once per reason it was denied for; most claims first, then reason.
 */
function reasonRows(
  deniedLines: number[],
  deniedLineReasons: string[][],
  wordsByCode: Map<string, string>,
  lineClaim: Int32Array,
  claimFlags: Uint8Array,
  lineAmount: Float64Array,
  adjudicated: number,
): DenialReasonRow[] {
  const byReason = new Map<string, { claims: Set<number>; amount: Cents }>();
  for (let k = 0; k < deniedLines.length; k++) {
    const line = deniedLines[k];
    const claim = lineClaim[line];
    if ((claimFlags[claim] & CLAIM_ADJUDICATED) === 0) continue;
    for (const reason of deniedLineReasons[k]) {
      let entry = byReason.get(reason);
      if (!entry) byReason.set(reason, (entry = { claims: new Set(), amount: 0 }));
      entry.claims.add(claim);
      entry.amount += lineAmount[line];
    }
  }
  const rows: DenialReasonRow[] = [];
  for (const [reason, { claims, amount }] of byReason) {
    rows.push({
      reason,
      words: wordsByCode.get(reason) ?? "",
      claims: claims.size,
      percent: (claims.size * 100) / adjudicated,
      deniedAmount: amount,
    });
  }
  return rows.sort((a, b) => b.claims - a.claims || byText(a.reason, b.reason));
}
