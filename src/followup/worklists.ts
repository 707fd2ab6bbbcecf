// The follow-up worklists (issue 15): what the office works every day to collect what it is owed.
// - Denied: each line a payer denied (a CO adjustment other than 45, or a posting the ERA import marked
//   "Denied: to work": src/ledger/denials.ts) that its payer still owes on the as-of date. The reason in
//   words and the next step come from the group and reason codes (era/adjustmentReasons.ts); the appeal
//   is due the payer's Appeal Days (Payers; the Practice's "Appeal Days" where blank) after the denial.
//   A denial that was reversed does not count; a line paid after it (resubmitted, appealed) is off.
// - Underpaid: contracts/underpaid.ts, on a workbook with a Contracts table.
// - No response: claims billed (Charges' Billed Date) at least the payer's Response Days ago (the
//   Practice's "No Response Days", 30, where blank) that the payer has not answered since: no posting
//   from the claim's payer (paid, or a CO/OA/PI/PR adjustment or patient responsibility without a
//   payment) dated on or after the billed date, and still owed by the payer. A claim's billed date is
//   its latest line's, so a resubmitted claim waits for its new answer.
// - Filing limit: insurance claims not billed yet (no line has a Billed Date) whose earliest date of
//   service plus the payer's Timely Filing Days (the Practice's "Timely Filing Days" where blank) is at
//   most the Practice's "Filing Warning Days" away, or already past, with the days left.
// - Rejected (issue 16): claims whose latest word from the clearinghouse or payer (ClaimStatus: a 999
//   or 277CA) as of the date is a rejection after their latest billing: never in the payer's system, so
//   not waiting for an answer (off No response) but to be corrected and sent again before the filing
//   limit, with the days left to it.
// Each item carries its standing from the FollowUp table (standing.ts); an item written off or closed
// is left off unless `includeDone`, and counted. Lines served after the as-of date and postings dated
// after it are not counted, so a list can be run as of any day. Claims and lines only: no patient name.
//
// One walk over the ledger's columns (LineTally, as aging), claims numbered with IdNumbers: a million
// lines take about as long as the aging report (npm run bench -- followup).
import { adjustmentMeaning, type AdjustmentMeaning } from "../era/adjustmentReasons";
import { isoToDay, addDays, type IsoDate } from "../dates";
import { LineTally } from "../ledger/balances";
import { denies } from "../ledger/denials";
import { IdNumbers } from "../ledger/idNumbers";
import { GROUP_CO, GROUP_OA, GROUP_PI, GROUP_PR, PAID_WITHOUT_PAYMENT, type Ledger } from "../ledger/ledger";
import type { Cents } from "../money";
import type { ContractRates } from "../contracts/contracts";
import { underpaidLines, type UnderpaidLine, type UnderpaidPayer } from "../contracts/underpaid";
import type { PayerRow } from "../workbook/tables";
import type { Rejection } from "../claims/claimHistory";
import { FollowUpBook, isDone, type FollowUpList, type Standing } from "./standing";

/** The Practice's follow-up settings (each payer's own Payers columns come first). */
export interface FollowUpSettings {
  /** Days after billing without an answer before a claim is listed. */
  responseDays: number;
  /** Days after a denial to appeal it. */
  appealDays: number;
  /** An unbilled claim is listed this many days before its filing limit. */
  warningDays: number;
  /** The filing limit of a payer without Timely Filing Days. */
  filingDays: number;
}

interface Item {
  list: FollowUpList;
  claimId: string;
  payerId: string;
  /** Position in Charges of the line (a claim's: its first line): where the pane goes to show it. */
  line: number;
  standing: Standing;
}

export interface DeniedItem extends Item {
  list: "Denied";
  chargeId: string;
  code: string;
  dos: IsoDate;
  /** Date of the (latest) denial posting. */
  deniedOn: IsoDate;
  /** Its group and reason, in words, with the next step. */
  meaning: AdjustmentMeaning;
  /** What the payer still owes on the line. */
  open: Cents;
  appealBy: IsoDate;
  /** Days from the as-of date to appealBy (negative: past it). */
  daysLeft: number;
}

export interface UnderpaidItem extends UnderpaidLine {
  list: "Underpaid";
  standing: Standing;
}

export interface SilentClaim extends Item {
  list: "No response";
  /** Earliest date of service. */
  dos: IsoDate;
  billedDate: IsoDate;
  /** Days since billedDate. */
  daysWaiting: number;
  /** The Response Days that put it on the list. */
  responseDays: number;
  lines: number;
  /** What the payer owes on the claim. */
  open: Cents;
}

export interface FilingClaim extends Item {
  list: "Filing limit";
  /** Earliest date of service. */
  dos: IsoDate;
  limitDays: number;
  /** The last day to file: dos + limitDays. */
  filingLimit: IsoDate;
  /** Days from the as-of date to filingLimit (negative: past it). */
  daysLeft: number;
  lines: number;
  charge: Cents;
}

export interface RejectedClaim extends Item {
  list: "Rejected";
  /** Earliest date of service. */
  dos: IsoDate;
  rejectedOn: IsoDate;
  /** "999", "277CA". */
  source: string;
  /** Why, in words, as the acknowledgement import wrote it. */
  reason: string;
  /** The payer (Primary) or the next one it was billed to. */
  sequence: string;
  /** The last day to file: earliest date of service + the payer's Timely Filing Days. */
  filingLimit: IsoDate;
  /** Days from the as-of date to filingLimit (negative: past it). */
  daysLeft: number;
  lines: number;
  /** What the payer owes on the claim. */
  open: Cents;
}

export type FollowUpItem = DeniedItem | UnderpaidItem | SilentClaim | FilingClaim | RejectedClaim;

export interface FollowUpLists {
  asOf: IsoDate;
  denied: DeniedItem[];
  /** Undefined when the workbook has no contract rates to check against. */
  underpaid?: UnderpaidItem[];
  underpaidByPayer?: UnderpaidPayer[];
  silent: SilentClaim[];
  nearLimit: FilingClaim[];
  rejected: RejectedClaim[];
  /** Items left off because they are written off or closed (0 with includeDone). */
  done: number;
}

export interface FollowUpOptions {
  asOf: IsoDate;
  settings: FollowUpSettings;
  book?: FollowUpBook;
  /** Contract rates and the tolerance: the Underpaid list (left out without rates). */
  contracts?: { rates: ContractRates; tolerance: Cents };
  /** Keep items written off or closed on their lists. */
  includeDone?: boolean;
  /** The claims rejected by a clearinghouse or payer (rejectionsOf the ClaimStatus table). */
  rejections?: ReadonlyMap<string, Rejection>;
}

const NO_BILL = -2147483648;
const NO_DOS = 2147483647;

/** The worklists as of a date. */
export function followUpLists(ledger: Ledger, options: FollowUpOptions): FollowUpLists {
  const { asOf, settings, includeDone = false } = options;
  const book = options.book ?? new FollowUpBook([], asOf);
  const asOfDay = isoToDay(asOf);
  let done = 0;
  const keep = <T extends { standing: Standing }>(item: T, into: T[]) => {
    if (includeDone || !isDone(item.standing)) into.push(item);
    else done++;
  };
  const payers = payerTerms(ledger.payers);

  const c = ledger.columns;
  const lineCount = c.lineAmount.length;
  const chargeIds = ledger.chargeColumn("chargeId");
  const claimIds = ledger.chargeColumn("claimId");
  const payerIds = ledger.chargeColumn("payerId");
  const codes = ledger.chargeColumn("code");
  const dates = ledger.chargeColumn("dos");
  const billed = ledger.chargeColumn("billedDate");
  const groups = ledger.postingColumn("group");
  const reasons = ledger.postingColumn("reason");
  const notes = ledger.postingColumn("note");
  const reverses = ledger.postingColumn("reverses");
  const postingDates = ledger.postingColumn("date");
  const reversed = new Set(c.reversalOriginal.values());
  const { postingOrder, postingDate, postingFrom, postingGroup, linePayer } = c;

  // Claims, numbered as first seen; per claim what the two claim lists need.
  const claims = new IdNumbers(lineCount >> 1);
  const firstLine = new Int32Array(lineCount);
  const earliestDos = new Int32Array(lineCount).fill(NO_DOS);
  const latestBilled = new Int32Array(lineCount).fill(NO_BILL);
  const unbilledLines = new Int32Array(lineCount);
  const linesOf = new Int32Array(lineCount);
  const answered = new Uint8Array(lineCount);
  const owed = new Float64Array(lineCount);
  const charged = new Float64Array(lineCount);

  const denied: DeniedItem[] = [];
  const tally = new LineTally(ledger, asOfDay);
  for (let i = 0; i < lineCount; i++) {
    const dos = c.lineDos[i];
    if (dos > asOfDay) continue;
    tally.tally(i);
    const claimId = claimIds[i]!;
    const k = claims.of(claimId);
    if (linesOf[k] === 0) firstLine[k] = i;
    linesOf[k]++;
    if (dos < earliestDos[k]) earliestDos[k] = dos;
    charged[k] += c.lineAmount[i];
    if (c.lineSelfPay[i] === 1) continue;
    owed[k] += tally.insuranceShare;
    const billedIso = billed[i];
    const billedDay = billedIso === undefined ? NO_BILL : isoToDay(billedIso);
    if (billedDay === NO_BILL) unbilledLines[k]++;
    else if (billedDay > latestBilled[k]) latestBilled[k] = billedDay;

    // The line's postings: an answer from its payer since it was billed, and its latest denial.
    const payer = linePayer[i];
    let denial = -1;
    for (let j = c.linePostingsStart[i], end = c.linePostingsEnd[i]; j < end; j++) {
      const p = postingOrder[j];
      const day = postingDate[p];
      if (day > asOfDay) continue;
      if (billedDay !== NO_BILL && day >= billedDay && answersFor(postingFrom[p], postingGroup[p], payer)) answered[k] = 1;
      // Only a CO posting or one with a note can deny: most postings are asked nothing more.
      if (postingGroup[p] !== GROUP_CO && notes[p] === undefined) continue;
      if (reverses[p] !== undefined || reversed.has(p)) continue;
      if (denies(groups[p], reasons[p], notes[p]) && (denial < 0 || day >= postingDate[denial])) denial = p;
    }
    if (denial < 0 || tally.insuranceShare <= 0) continue;
    const payerId = payerIds[i]!;
    const deniedOn = postingDates[denial]!;
    const appealBy = addDays(deniedOn, payers.get(payerId)?.appealDays ?? settings.appealDays);
    keep(
      {
        list: "Denied",
        claimId,
        payerId,
        line: i,
        standing: book.line("Denied", claimId, chargeIds[i]!),
        chargeId: chargeIds[i]!,
        code: codes[i]!,
        dos: dates[i]!,
        deniedOn,
        meaning: adjustmentMeaning(groups[denial], reasons[denial]),
        open: tally.insuranceShare,
        appealBy,
        daysLeft: isoToDay(appealBy) - asOfDay,
      },
      denied,
    );
  }

  const silent: SilentClaim[] = [];
  const nearLimit: FilingClaim[] = [];
  const rejected: RejectedClaim[] = [];
  const rejections = options.rejections;
  const ids = claims.ids;
  for (let k = 0; k < ids.length; k++) {
    if (owed[k] <= 0) continue;
    const i = firstLine[k];
    const payerId = payerIds[i]!;
    const terms = payers.get(payerId);
    const claimId = ids[k];
    const dos = dates[i]!;
    const rejection = rejections?.get(claimId);
    if (rejection !== undefined) {
      const limitDays = terms?.filingDays ?? settings.filingDays;
      const daysLeft = earliestDos[k] + limitDays - asOfDay;
      keep(
        {
          list: "Rejected",
          claimId,
          payerId,
          line: i,
          standing: book.claim("Rejected", claimId),
          dos: earliestOf(dos, earliestDos[k], asOf, asOfDay),
          rejectedOn: rejection.date,
          source: rejection.source,
          reason: rejection.reason,
          sequence: rejection.sequence,
          filingLimit: addDays(asOf, daysLeft),
          daysLeft,
          lines: linesOf[k],
          open: owed[k],
        },
        rejected,
      );
      continue;
    }
    if (latestBilled[k] !== NO_BILL) {
      const waited = asOfDay - latestBilled[k];
      const responseDays = terms?.responseDays ?? settings.responseDays;
      if (answered[k] === 1 || waited < responseDays) continue;
      keep(
        {
          list: "No response",
          claimId,
          payerId,
          line: i,
          standing: book.claim("No response", claimId),
          dos: earliestOf(dos, earliestDos[k], asOf, asOfDay),
          billedDate: addDays(asOf, -waited),
          daysWaiting: waited,
          responseDays,
          lines: linesOf[k],
          open: owed[k],
        },
        silent,
      );
    } else if (unbilledLines[k] > 0) {
      const limitDays = terms?.filingDays ?? settings.filingDays;
      const daysLeft = earliestDos[k] + limitDays - asOfDay;
      if (daysLeft > settings.warningDays) continue;
      keep(
        {
          list: "Filing limit",
          claimId,
          payerId,
          line: i,
          standing: book.claim("Filing limit", claimId),
          dos: earliestOf(dos, earliestDos[k], asOf, asOfDay),
          limitDays,
          filingLimit: addDays(asOf, daysLeft),
          daysLeft,
          lines: linesOf[k],
          charge: charged[k],
        },
        nearLimit,
      );
    }
  }

  denied.sort((a, b) => a.daysLeft - b.daysLeft || b.open - a.open || a.line - b.line);
  silent.sort((a, b) => b.daysWaiting - a.daysWaiting || b.open - a.open || a.line - b.line);
  nearLimit.sort((a, b) => a.daysLeft - b.daysLeft || b.charge - a.charge || a.line - b.line);
  rejected.sort((a, b) => a.daysLeft - b.daysLeft || b.open - a.open || a.line - b.line);
  const lists: FollowUpLists = { asOf, denied, silent, nearLimit, rejected, done };
  if (options.contracts) {
    const found = underpaidLines(ledger, options.contracts.rates, { asOf, tolerance: options.contracts.tolerance });
    const underpaid: UnderpaidItem[] = [];
    for (const l of found.lines) keep({ ...l, list: "Underpaid", standing: book.line("Underpaid", l.claimId, l.chargeId) }, underpaid);
    lists.underpaid = underpaid;
    lists.underpaidByPayer = found.byPayer;
  }
  lists.done = done;
  return lists;
}

/**
 * Whether a posting answers for a line's payer: money from that payer (or posted with no payment), or
 * an adjustment or patient responsibility of a payer's group posted with no payment (an office's own
 * write-off, group WO, is not an answer; a patient's payment never is).
 */
function answersFor(from: number, group: number, payer: number): boolean {
  if (from === payer) return true;
  return from === PAID_WITHOUT_PAYMENT && (group === GROUP_CO || group === GROUP_OA || group === GROUP_PI || group === GROUP_PR);
}

/** The claim's earliest date of service as a date: its first line's, or the day that many days from asOf. */
function earliestOf(firstDos: IsoDate, earliestDay: number, asOf: IsoDate, asOfDay: number): IsoDate {
  return isoToDay(firstDos) === earliestDay ? firstDos : addDays(asOf, earliestDay - asOfDay);
}

interface PayerTerms {
  responseDays?: number;
  appealDays?: number;
  filingDays?: number;
}

/** Each payer's own days, by the first Payers row of its PayerID. */
function payerTerms(payers: readonly PayerRow[]): Map<string, PayerTerms> {
  const terms = new Map<string, PayerTerms>();
  for (const p of payers) {
    if (terms.has(p.payerId)) continue;
    terms.set(p.payerId, { responseDays: p.responseDays, appealDays: p.appealDays, filingDays: p.timelyFilingDays });
  }
  return terms;
}
