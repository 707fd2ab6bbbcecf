// The Underpaid worklist (issue 15): every service line its payer has paid, whose allowed amount is
// under the contract by more than the office's tolerance. A line's allowed amount is what its own payer
// paid plus the patient responsibility the payer assigned (deductible, coinsurance, copay), as the
// balance engine counts them on the as-of date (LineTally); its contract amount is the Contracts rate
// for its payer, code, modifiers and date of service, times its units (contracts.ts). A line no
// contract prices, a self-pay line, and a line the payer has not paid (nothing paid yet, or denied:
// the denials list's) are not on it. Lines come biggest shortfall first; totals by payer follow.
import { isoToDay, type IsoDate } from "../dates";
import { LineTally } from "../ledger/balances";
import type { Ledger } from "../ledger/ledger";
import type { Cents } from "../money";
import type { ContractRates } from "./contracts";

export interface UnderpaidLine {
  /** The line's position in Charges (the ledger's line number): where the pane goes to show it. */
  line: number;
  claimId: string;
  chargeId: string;
  payerId: string;
  code: string;
  dos: IsoDate;
  /** What the contract allows: rate × units. */
  expected: Cents;
  /** Paid by the payer + patient responsibility. */
  allowed: Cents;
  /** Paid by the line's payer. */
  paid: Cents;
  /** allowed − expected: negative, the shortfall. */
  variance: Cents;
  /** Days from the date of service to the as-of date. */
  age: number;
  /** The line's latest payment, when there is one. */
  lastPaymentDate?: IsoDate;
}

export interface UnderpaidPayer {
  payerId: string;
  lines: number;
  expected: Cents;
  allowed: Cents;
  variance: Cents;
}

export interface UnderpaidList {
  asOf: IsoDate;
  from?: IsoDate;
  to?: IsoDate;
  tolerance: Cents;
  lines: UnderpaidLine[];
  byPayer: UnderpaidPayer[];
  /** Σ variance of the lines (negative). */
  variance: Cents;
}

export interface UnderpaidOptions {
  asOf: IsoDate;
  /** Dates of service from (and to), inclusive; every line when left out. */
  from?: IsoDate;
  to?: IsoDate;
  tolerance: Cents;
}

/** The lines paid under contract, as of a date (postings after it are not counted). */
export function underpaidLines(ledger: Ledger, rates: ContractRates, options: UnderpaidOptions): UnderpaidList {
  const { asOf, from, to, tolerance } = options;
  const tally = new LineTally(ledger, asOf);
  const c = ledger.columns;
  const asOfDay = isoToDay(asOf);
  const fromDay = from === undefined ? Number.NEGATIVE_INFINITY : isoToDay(from);
  const toDay = to === undefined ? Number.POSITIVE_INFINITY : isoToDay(to);
  const chargeIds = ledger.chargeColumn("chargeId");
  const claimIds = ledger.chargeColumn("claimId");
  const payerIds = ledger.chargeColumn("payerId");
  const codes = ledger.chargeColumn("code");
  const dates = ledger.chargeColumn("dos");
  const units = ledger.chargeColumn("units");
  const mods = [ledger.chargeColumn("mod1"), ledger.chargeColumn("mod2"), ledger.chargeColumn("mod3"), ledger.chargeColumn("mod4")];
  // One list of the line's modifiers, refilled for each line (expected() keeps none of it).
  const lineMods: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  const lines: UnderpaidLine[] = [];
  for (let i = 0; i < c.lineAmount.length; i++) {
    const day = c.lineDos[i];
    if (day > asOfDay || day < fromDay || day > toDay || c.lineSelfPay[i] === 1) continue;
    tally.tally(i);
    if (tally.insurancePaid <= 0) continue;
    const payerId = payerIds[i]!;
    const dos = dates[i]!;
    for (let m = 0; m < 4; m++) lineMods[m] = mods[m][i];
    const expected = rates.expected({ payerId, code: codes[i]!, modifiers: lineMods, dos, units: units[i] });
    if (!expected) continue;
    const allowed = tally.insurancePaid + tally.patientResp;
    const variance = allowed - expected.allowed;
    if (-variance <= tolerance) continue;
    const line: UnderpaidLine = {
      line: i,
      claimId: claimIds[i]!,
      chargeId: chargeIds[i]!,
      payerId,
      code: codes[i]!,
      dos,
      expected: expected.allowed,
      allowed,
      paid: tally.insurancePaid,
      variance,
      age: asOfDay - day,
    };
    const last = tally.lastPaymentDate;
    if (last !== undefined) line.lastPaymentDate = last;
    lines.push(line);
  }
  lines.sort((a, b) => a.variance - b.variance || a.dos.localeCompare(b.dos) || a.chargeId.localeCompare(b.chargeId));
  const payers = new Map<string, UnderpaidPayer>();
  for (const line of lines) {
    let p = payers.get(line.payerId);
    if (!p) payers.set(line.payerId, (p = { payerId: line.payerId, lines: 0, expected: 0, allowed: 0, variance: 0 }));
    p.lines += 1;
    p.expected += line.expected;
    p.allowed += line.allowed;
    p.variance += line.variance;
  }
  const byPayer = [...payers.values()].sort((a, b) => a.variance - b.variance || a.payerId.localeCompare(b.payerId));
  const list: UnderpaidList = { asOf, tolerance, lines, byPayer, variance: lines.reduce((s, l) => s + l.variance, 0) };
  if (from !== undefined) list.from = from;
  if (to !== undefined) list.to = to;
  return list;
}
