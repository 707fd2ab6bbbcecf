// Balances: what each service line still owes and who owes it, rolled up by claim, patient account
// and payer, and what became of each payment. The rules (DESIGN.md "Money and balances"), per
// service line, a Charges row of amount C:
//
// - Self-pay: the charge's payer has Type "Self-pay", or its PayerID is blank or "SELF".
// - As of a date (one rule for every report, function and statement): a line is on the books when it
//   was served on or before it (servedBy), and its postings count when dated on or before it. A line
//   served later is left out, not shown at its full charge. A reversal is an ordinary row with
//   negated amounts pointing at its original (Reverses), so sums net out; when it leaves PaymentID or
//   Group blank it takes them from the posting it reverses.
// - Paid is insurance money when its payment has a PayerID: the line's own payer's ("insurance paid")
//   or another payer's (secondary, tertiary: "other payer paid"). It is the patient's when the payment
//   has no PayerID. Paid with no payment, or with a payment that isn't in Payments, counts as the
//   line's payer's (buildLedger reports it).
// - Adjustments: CO, OA and PI are payer adjustments (they reduce the insurance share); WO is an
//   office write-off (it reduces the patient share); PR counts as patient responsibility. An
//   adjustment with no group counts as an office write-off (buildLedger reports it).
// - Patient Resp R (and PR adjustments) move R from the insurance share to the patient share; they
//   never change the balance.
//     insurance share = (self-pay ? 0 : C) − R − insurance paid − payer adjustments
//     patient share   = (self-pay ? C : 0) + R − patient paid − other payer paid − WO
//     balance         = C − all paid − all adjustments except PR = insurance share + patient share
// - Then a negative share is absorbed by the other share while that stays ≥ 0 (a copay taken before
//   the payer has answered lowers what the payer is expected to pay); what is left negative is a
//   credit, kept in the share it arose in (so the balance is < 0).
// - Status: "credit" (balance < 0), "paid" (balance = 0), "open with payer" (insurance share > 0),
//   else "patient due".
//
// Payments: applied = Σ Paid of the postings made from it; a refund is a Payments row with a negative
// Amount whose Reference (or Note) says "REFUND <PaymentID>": it is the refunded payment's `refunded`.
// unapplied = amount − applied − refunded is a credit, shown and never lost. On the refund row itself
// refunded = its (negative) amount, so Σ amount = Σ applied + Σ refunded + Σ unapplied over any set of
// payments that holds both.
//
// Group balances keep credits apart, as DESIGN.md asks: `balance`, `insuranceShare` and
// `patientShare` add up the lines that owe (balance ≥ 0) and `credit` adds up the negative balances of
// the others, so charge = insurancePaid + patientPaid + adjustments + balance + credit.
//
// Built for a million lines and two million postings: one walk of each charge's postings over the
// ledger's columns (typed arrays: every link between rows already followed), with plain counters per line. LineTally is that walk
// for one line at a time, for callers that need no LineBalance object per line (aging).
import { isoToDay, type IsoDate } from "../dates";
import type { Cents } from "../money";
import * as codes from "./ledger";
import { refundedPaymentId, type Ledger } from "./ledger";
import type { PaymentRow } from "../workbook/tables";

// The ledger's column codes as this module's own constants: the loops below read them for every
// posting of a million-line ledger, and unbundled an imported binding is a lookup through its module
// at each read (a getter call where tsx compiles to CommonJS: some 15% of a tally, measured so).
const { GROUP_CO, GROUP_OA, GROUP_PI, GROUP_PR, PAID_BY_PATIENT, PAID_WITHOUT_PAYMENT } = codes;

/** LineTally's lastPaymentDay when no counted posting paid money. */
export const NO_DAY = Number.NEGATIVE_INFINITY;

export type LineStatus = "open with payer" | "patient due" | "paid" | "credit";

export interface LineBalance {
  chargeId: string;
  claimId: string;
  patientId: string;
  payerId: string;
  dos: IsoDate;
  selfPay: boolean;
  charge: Cents;
  /** Paid by the line's own payer (and Paid posted with no payment). */
  insurancePaid: Cents;
  /** Paid from payments with no PayerID. */
  patientPaid: Cents;
  /** Paid by any other payer: a secondary or tertiary paying the patient's share. */
  otherPayerPaid: Cents;
  adjustments: { CO: Cents; OA: Cents; PI: Cents; WO: Cents };
  /** Moved to the patient: Patient Resp amounts and PR adjustments. */
  patientResp: Cents;
  insuranceShare: Cents;
  patientShare: Cents;
  balance: Cents;
  status: LineStatus;
  /** Date of the latest counted posting with money paid (Paid > 0). */
  lastPaymentDate?: IsoDate;
}

export type BalanceGroup = "line" | "claim" | "patient" | "payer";

export interface GroupBalance {
  key: string;
  lines: number;
  charge: Cents;
  /** Paid by payers: the lines' own and any other. */
  insurancePaid: Cents;
  patientPaid: Cents;
  /** CO + OA + PI + WO. */
  adjustments: Cents;
  patientResp: Cents;
  /** Of the lines that owe (balance ≥ 0). */
  insuranceShare: Cents;
  /** Of the lines that owe (balance ≥ 0). */
  patientShare: Cents;
  /** Of the lines that owe (balance ≥ 0): insuranceShare + patientShare. */
  balance: Cents;
  /** Sum of negative line balances (≤ 0), shown apart. */
  credit: Cents;
}

export interface PaymentStatus {
  paymentId: string;
  date: IsoDate;
  /** The PayerID, else the PatientID. */
  from: string;
  method?: string;
  reference?: string;
  amount: Cents;
  applied: Cents;
  refunded: Cents;
  /** Carried for provider-level items of a remittance (PLB interest +, recoupment −); 0 for most payments. */
  providerLevel: Cents;
  /** amount − applied − refunded − providerLevel: a credit when positive. */
  unapplied: Cents;
}

function lineStatus(insuranceShare: Cents, balance: Cents): LineStatus {
  if (balance < 0) return "credit";
  if (balance === 0) return "paid";
  return insuranceShare > 0 ? "open with payer" : "patient due";
}

/**
 * The balance of one line at a time, worked out in place: `tally(i)` fills these fields for the i-th
 * Charges row from the ledger's columns. A caller that walks a million lines and keeps a few figures of
 * each (aging) allocates nothing per line; lineBalances is built on it, so both count by the same rules.
 */
/** The text fields of lines and postings a LineBalance carries, by position (LineTally.lineText). */
interface LineText {
  chargeId: string[];
  claimId: string[];
  patientId: string[];
  payerId: string[];
  dos: IsoDate[];
  postingDate: IsoDate[];
}

export class LineTally {
  selfPay = false;
  insurancePaid: Cents = 0;
  patientPaid: Cents = 0;
  otherPayerPaid: Cents = 0;
  co: Cents = 0;
  oa: Cents = 0;
  pi: Cents = 0;
  wo: Cents = 0;
  patientResp: Cents = 0;
  insuranceShare: Cents = 0;
  patientShare: Cents = 0;
  balance: Cents = 0;
  /**
   * The insurance share before either share's overpayment is moved to the other: at or below zero the
   * payer owes nothing on the line (the KPIs' first-pass test).
   */
  insuranceOwed: Cents = 0;
  /** Day number (isoToDay) of the latest counted posting with money paid; NO_DAY when none. */
  lastPaymentDay = NO_DAY;
  /** That posting's position in Postings (-1 when none): its Date is lastPaymentDate, as written. */
  lastPaymentPosting = -1;
  /** The as-of date as a day number (every posting counts without one). */
  readonly asOfDay: number;

  /** `asOf`: a date, or a day number (isoToDay); every posting counts without one. */
  constructor(
    readonly ledger: Ledger,
    asOf?: IsoDate | number,
  ) {
    this.asOfDay = asOf === undefined ? Number.POSITIVE_INFINITY : typeof asOf === "number" ? asOf : isoToDay(asOf);
  }

  /** Date of the latest counted posting with money paid (Paid > 0). */
  get lastPaymentDate(): IsoDate | undefined {
    return this.lastPaymentPosting < 0 ? undefined : this.lineText.postingDate[this.lastPaymentPosting];
  }

  private text: LineText | undefined;

  /** The lines' and postings' text a LineBalance carries, read from the tables' columns once (no row objects). */
  get lineText(): LineText {
    if (!this.text) {
      const { ledger } = this;
      this.text = {
        chargeId: ledger.chargeColumn("chargeId") as string[],
        claimId: ledger.chargeColumn("claimId") as string[],
        patientId: ledger.chargeColumn("patientId") as string[],
        payerId: ledger.chargeColumn("payerId") as string[],
        dos: ledger.chargeColumn("dos") as IsoDate[],
        postingDate: ledger.postingColumn("date") as IsoDate[],
      };
    }
    return this.text;
  }

  /** Whether the i-th line was served by the as-of date (servedBy). */
  served(i: number): boolean {
    return this.ledger.columns.lineDos[i] <= this.asOfDay;
  }

  tally(i: number): void {
    const { asOfDay } = this;
    const c = this.ledger.columns;
    const { postingOrder, postingDate, postingPaid, postingAdjustment, postingPatientResp, postingGroup, postingFrom } = c;
    const selfPay = c.lineSelfPay[i] === 1;
    const payer = c.linePayer[i];
    let insurancePaid = 0;
    let patientPaid = 0;
    let otherPayerPaid = 0;
    let co = 0;
    let oa = 0;
    let pi = 0;
    let wo = 0;
    let patientResp = 0;
    let lastPaymentDay = NO_DAY;
    let lastPaymentPosting = -1;
    for (let k = c.linePostingsStart[i], end = c.linePostingsEnd[i]; k < end; k++) {
      const p = postingOrder[k];
      const date = postingDate[p];
      if (date > asOfDay) continue;
      const paid = postingPaid[p];
      if (paid !== 0) {
        const from = postingFrom[p];
        if (from === PAID_WITHOUT_PAYMENT || from === payer) insurancePaid += paid;
        else if (from === PAID_BY_PATIENT) patientPaid += paid;
        else otherPayerPaid += paid;
        if (paid > 0 && date > lastPaymentDay) {
          lastPaymentDay = date;
          lastPaymentPosting = p;
        }
      }
      const adjustment = postingAdjustment[p];
      if (adjustment !== 0) {
        switch (postingGroup[p]) {
          case GROUP_CO:
            co += adjustment;
            break;
          case GROUP_OA:
            oa += adjustment;
            break;
          case GROUP_PI:
            pi += adjustment;
            break;
          case GROUP_PR:
            patientResp += adjustment;
            break;
          default:
            wo += adjustment;
        }
      }
      patientResp += postingPatientResp[p];
    }
    const amount = c.lineAmount[i];
    let insuranceShare = (selfPay ? 0 : amount) - patientResp - insurancePaid - co - oa - pi;
    let patientShare = (selfPay ? amount : 0) + patientResp - patientPaid - otherPayerPaid - wo;
    this.insuranceOwed = insuranceShare;
    if (insuranceShare < 0 && patientShare > 0) {
      const moved = Math.min(-insuranceShare, patientShare);
      insuranceShare += moved;
      patientShare -= moved;
    } else if (patientShare < 0 && insuranceShare > 0) {
      const moved = Math.min(-patientShare, insuranceShare);
      patientShare += moved;
      insuranceShare -= moved;
    }
    this.selfPay = selfPay;
    this.insurancePaid = insurancePaid;
    this.patientPaid = patientPaid;
    this.otherPayerPaid = otherPayerPaid;
    this.co = co;
    this.oa = oa;
    this.pi = pi;
    this.wo = wo;
    this.patientResp = patientResp;
    this.insuranceShare = insuranceShare;
    this.patientShare = patientShare;
    this.balance = insuranceShare + patientShare;
    this.lastPaymentDay = lastPaymentDay;
    this.lastPaymentPosting = lastPaymentPosting;
  }
}

/** The as-of rule for lines: served on or before the date (every line when there is no date). */
export function servedBy(charge: { dos: IsoDate }, asOf: IsoDate | undefined): boolean {
  return asOf === undefined || charge.dos <= asOf;
}

/**
 * One balance per charge on the books as of `asOf` (every charge without it), in Charges order. Lines
 * served after `asOf` are left out (servedBy).
 */
export function lineBalances(ledger: Ledger, asOf?: IsoDate): LineBalance[] {
  const t = new LineTally(ledger, asOf);
  const out: LineBalance[] = [];
  const lines = ledger.columns.lineAmount.length;
  for (let i = 0; i < lines; i++) if (t.served(i)) out.push(lineBalanceAt(t, i));
  return out;
}

/** The balance of the i-th Charges row, by a tally made for the date wanted (the caller applies servedBy). */
export function lineBalanceAt(t: LineTally, i: number): LineBalance {
  t.tally(i);
  const text = t.lineText;
  const line: LineBalance = {
    chargeId: text.chargeId[i],
    claimId: text.claimId[i],
    patientId: text.patientId[i],
    payerId: text.payerId[i],
    dos: text.dos[i],
    selfPay: t.selfPay,
    charge: t.ledger.columns.lineAmount[i],
    insurancePaid: t.insurancePaid,
    patientPaid: t.patientPaid,
    otherPayerPaid: t.otherPayerPaid,
    adjustments: { CO: t.co, OA: t.oa, PI: t.pi, WO: t.wo },
    patientResp: t.patientResp,
    insuranceShare: t.insuranceShare,
    patientShare: t.patientShare,
    balance: t.balance,
    status: lineStatus(t.insuranceShare, t.balance),
  };
  if (t.lastPaymentPosting >= 0) line.lastPaymentDate = text.postingDate[t.lastPaymentPosting];
  return line;
}

/** Line balances added up by claim, patient account or payer (or one group per line), in first-seen order. */
export function balancesBy(lines: LineBalance[], by: BalanceGroup): GroupBalance[] {
  const groups = new Map<string, GroupBalance>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const key = by === "line" ? line.chargeId : by === "claim" ? line.claimId : by === "patient" ? line.patientId : line.payerId;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        lines: 0,
        charge: 0,
        insurancePaid: 0,
        patientPaid: 0,
        adjustments: 0,
        patientResp: 0,
        insuranceShare: 0,
        patientShare: 0,
        balance: 0,
        credit: 0,
      };
      groups.set(key, group);
    }
    const { adjustments } = line;
    group.lines += 1;
    group.charge += line.charge;
    group.insurancePaid += line.insurancePaid + line.otherPayerPaid;
    group.patientPaid += line.patientPaid;
    group.adjustments += adjustments.CO + adjustments.OA + adjustments.PI + adjustments.WO;
    group.patientResp += line.patientResp;
    if (line.balance < 0) group.credit += line.balance;
    else {
      group.insuranceShare += line.insuranceShare;
      group.patientShare += line.patientShare;
      group.balance += line.balance;
    }
  }
  return [...groups.values()];
}

/** Each payment (dated on or before `asOf`) with what was applied from it, refunded and left over, in Payments order. */
export function paymentStatuses(ledger: Ledger, asOf?: IsoDate): PaymentStatus[] {
  const counts = (date: IsoDate) => asOf === undefined || date <= asOf;
  const refundedFrom = new Map<string, Cents>();
  for (const payment of ledger.payments) {
    if (!counts(payment.date)) continue;
    const refunded = refundedPaymentId(payment);
    if (refunded !== undefined && ledger.paymentById.has(refunded)) {
      refundedFrom.set(refunded, (refundedFrom.get(refunded) ?? 0) - payment.amount);
    }
  }
  // What a remittance carried for provider-level items (PLB): interest adds to a payment, a
  // recoupment takes from it. Stored as the 835 gives it, so the payment's share is the negation.
  const providerLevelOf = new Map<string, Cents>();
  for (const item of ledger.providerAdjustments) {
    if (item.paymentId === undefined || !counts(item.date)) continue;
    providerLevelOf.set(item.paymentId, (providerLevelOf.get(item.paymentId) ?? 0) - item.amount);
  }
  // What was applied from each Payments row, from the postings' columns (no posting becomes an object):
  // a reversal that leaves PaymentID blank counts against its original's payment, and a repeated
  // PaymentID's postings are the first row's, shown on every row of that id.
  const { postingPayment, postingDate, postingPaid } = ledger.columns;
  const lastDay = asOf === undefined ? Number.POSITIVE_INFINITY : isoToDay(asOf);
  const payments = ledger.payments;
  const appliedAt = new Float64Array(payments.length);
  for (let p = 0, n = postingPayment.length; p < n; p++) {
    const at = postingPayment[p];
    if (at >= 0 && postingDate[p] <= lastDay) appliedAt[at] += postingPaid[p];
  }
  let positionOf: Map<PaymentRow, number> | undefined;
  const out: PaymentStatus[] = [];
  for (let i = 0; i < payments.length; i++) {
    const payment = payments[i];
    if (!counts(payment.date)) continue;
    const first = ledger.paymentById.get(payment.paymentId);
    let applied = appliedAt[i];
    if (first !== undefined && first !== payment) {
      positionOf ??= new Map(payments.map((row, k) => [row, k]));
      applied = appliedAt[positionOf.get(first)!];
    }
    const refundOf = refundedPaymentId(payment);
    // A refund row is itself money refunded (negative); the payment it names shows it as positive.
    const refunded =
      refundOf !== undefined && ledger.paymentById.has(refundOf) ? payment.amount : (refundedFrom.get(payment.paymentId) ?? 0);
    const status: PaymentStatus = {
      paymentId: payment.paymentId,
      date: payment.date,
      from: payment.payerId ?? payment.patientId ?? "",
      amount: payment.amount,
      applied,
      refunded,
      providerLevel: providerLevelOf.get(payment.paymentId) ?? 0,
      unapplied: payment.amount - applied - refunded - (providerLevelOf.get(payment.paymentId) ?? 0),
    };
    if (payment.method !== undefined) status.method = payment.method;
    if (payment.reference !== undefined) status.reference = payment.reference;
    out.push(status);
  }
  return out;
}
