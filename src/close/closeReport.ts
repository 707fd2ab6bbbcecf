// The month-end close report: A/R at the start and end of a period and every flow between them, with
// the check that they tie to the cent.
//
// A/R as of a date is what the balances engine says then: Σ line balances (owed, less line credits)
// − Σ payments' unapplied money (a credit; over-applied money counts the other way). Start is as of the
// day before the period, end as of its last day; both come from balances.ts (LineTally and
// paymentStatuses), never from the flows, so the check below is a real one.
//
// The flows are worked out on their own, one walk of the ledger. Each thing counts in A/R from the day
// every row it needs is on the books (the as-of rules of balances.ts), so it belongs to the period
// holding that day:
// - charges: a line's amount, on its date of service;
// - payments received: a Payments row of zero or more, on its date (money applied to lines or not: the
//   unapplied part is a credit, which A/R is net of);
// - adjustments: CO, OA, PI and office write-offs (WO, or no group) posted to a line, on the later of
//   the posting's date and the line's date of service; PR moves money to the patient and is not one;
// - refunds: a negative Payments row, on its date, or with the payment it names, on the later of the two;
// - provider-level items (PLB) of a payment: on the later of their date and the payment's; interest (a
//   negative Amount) is money received that no line owed, so it adds back, and a recoupment takes away;
// - postings out of step: a posting's Paid lowers its line's balance (from the later of its date and
//   the line's date of service) and its payment's unapplied money (from the later of its date and the
//   payment's). The two cancel when they fall in the same period; what does not (a posting dated before
//   the date of service or before its payment, Paid with no payment in Payments, money posted to a
//   charge that is not in Charges) is this line, usually $0.00.
// So start + charges − payments − adjustments + refunds + PLB + out of step = end, to the cent.
import { addDays, isoToDay, type IsoDate } from "../dates";
import { LineTally, paymentStatuses } from "../ledger/balances";
import { GROUP_CO, GROUP_OA, GROUP_PI, GROUP_PR, refundedPaymentId, type Ledger } from "../ledger/ledger";
import { plural } from "../counting";
import { formatMoney, type Cents } from "../money";
import type { PaymentRow } from "../workbook/tables";

/** A/R as of a date, from the balances, with what it is made of. */
export interface ArPosition {
  asOf: IsoDate;
  /** Σ balances of the lines that owe (≥ 0). */
  owed: Cents;
  /** Σ negative line balances (≤ 0). */
  lineCredits: Cents;
  /** Σ payments' unapplied money: a credit when positive. */
  unapplied: Cents;
  /** owed + lineCredits − unapplied. */
  total: Cents;
}

export type AdjustmentGroup = "CO" | "OA" | "PI" | "WO";

export interface PaymentsFrom {
  /** The PayerID; blank for the patients' payments (taken together: no account is named). */
  payerId: string;
  /** The payer's name, "Patients" for the patients'. */
  name: string;
  count: number;
  amount: Cents;
}

/** One line of the close equation: its effect on A/R (signed), as the report, pane and terminal show it. */
export interface CloseLine {
  label: string;
  /** "+" adds to A/R, "−" takes from it, "±" either. */
  sign: "+" | "−" | "±";
  /** What it did to A/R. */
  effect: Cents;
  /** How it is counted, in a sentence fragment. */
  how: string;
}

export interface CloseReport {
  from: IsoDate;
  through: IsoDate;
  start: ArPosition;
  end: ArPosition;
  charges: { lines: number; amount: Cents };
  payments: { count: number; amount: Cents; byPayer: PaymentsFrom[] };
  adjustments: { amount: Cents; byGroup: Record<AdjustmentGroup, Cents> };
  refunds: { count: number; amount: Cents; toPatients: Cents; toPayers: Cents };
  /** PLB items counted in the period, and what they did to A/R (interest +, recoupment −). */
  providerLevel: { count: number; effect: Cents };
  /** Paid counted on a line and on its payment in different periods, or on one side only. */
  outOfStep: Cents;
  /** start + every flow. */
  computedEnd: Cents;
  /** end.total − computedEnd: 0 when the close ties. */
  difference: Cents;
  ties: boolean;
}

/** A/R as of `asOf` by the balances engine: lines served by then and postings and payments dated by then. */
export function arAsOf(ledger: Ledger, asOf: IsoDate): ArPosition {
  const t = new LineTally(ledger, asOf);
  let owed = 0;
  let lineCredits = 0;
  for (let i = 0, n = ledger.columns.lineAmount.length; i < n; i++) {
    if (!t.served(i)) continue;
    t.tally(i);
    if (t.balance < 0) lineCredits += t.balance;
    else owed += t.balance;
  }
  let unapplied = 0;
  for (const status of paymentStatuses(ledger, asOf)) unapplied += status.unapplied;
  return { asOf, owed, lineCredits, unapplied, total: owed + lineCredits - unapplied };
}

/** The close report of the period `from` to `through` (both days in it). */
export function closeReport(ledger: Ledger, from: IsoDate, through: IsoDate): CloseReport {
  const fromDay = isoToDay(from);
  const toDay = isoToDay(through);
  const inPeriod = (day: number) => day >= fromDay && day <= toDay;
  const c = ledger.columns;

  // Charges, adjustments and the lines' side of Paid, one walk of each line's postings.
  let chargeLines = 0;
  let chargeAmount = 0;
  let outOfStep = 0;
  const byGroup: Record<AdjustmentGroup, Cents> = { CO: 0, OA: 0, PI: 0, WO: 0 };
  for (let i = 0, n = c.lineAmount.length; i < n; i++) {
    const dos = c.lineDos[i];
    if (inPeriod(dos)) {
      chargeLines += 1;
      chargeAmount += c.lineAmount[i];
    }
    for (let k = c.linePostingsStart[i], end = c.linePostingsEnd[i]; k < end; k++) {
      const p = c.postingOrder[k];
      if (!inPeriod(Math.max(c.postingDate[p], dos))) continue;
      outOfStep -= c.postingPaid[p];
      const adjustment = c.postingAdjustment[p];
      if (adjustment === 0) continue;
      const group = c.postingGroup[p];
      if (group === GROUP_PR) continue;
      byGroup[group === GROUP_CO ? "CO" : group === GROUP_OA ? "OA" : group === GROUP_PI ? "PI" : "WO"] += adjustment;
    }
  }

  // Payments: money received, refunds, the payments' side of Paid, and PLB items.
  const rowsById = new Map<string, PaymentRow[]>();
  for (const payment of ledger.payments) {
    const rows = rowsById.get(payment.paymentId);
    if (rows) rows.push(payment);
    else rowsById.set(payment.paymentId, [payment]);
  }
  /** A refund naming a payment that is in Payments: its money counts with that payment. */
  const refundTarget = (payment: PaymentRow) => {
    const target = refundedPaymentId(payment);
    return target !== undefined && rowsById.has(target) ? target : undefined;
  };
  const payerNames = new Map<string, string>();
  for (const payer of ledger.payers) if (!payerNames.has(payer.payerId)) payerNames.set(payer.payerId, payer.name);
  const byPayer = new Map<string, PaymentsFrom>();
  let paymentCount = 0;
  let paymentAmount = 0;
  const refunds = { count: 0, amount: 0, toPatients: 0, toPayers: 0 };
  for (const payment of ledger.payments) {
    const day = isoToDay(payment.date);
    for (const posting of ledger.postingsByPayment.get(payment.paymentId) ?? []) {
      if (inPeriod(Math.max(isoToDay(posting.date), day))) outOfStep += posting.paid ?? 0;
    }
    if (payment.amount >= 0) {
      if (!inPeriod(day)) continue;
      paymentCount += 1;
      paymentAmount += payment.amount;
      const key = payment.payerId ?? "";
      let from = byPayer.get(key);
      if (!from) {
        from = { payerId: key, name: key === "" ? "Patients" : (payerNames.get(key) ?? key), count: 0, amount: 0 };
        byPayer.set(key, from);
      }
      from.count += 1;
      from.amount += payment.amount;
      continue;
    }
    const target = refundTarget(payment);
    // Counted once with each row of the payment it names (as paymentStatuses counts it), else on its own.
    const days =
      target === undefined
        ? [day]
        : rowsById
            .get(target)!
            .filter((q) => refundTarget(q) === undefined)
            .map((q) => Math.max(day, isoToDay(q.date)));
    let counted = false;
    for (const d of days) {
      if (!inPeriod(d)) continue;
      counted = true;
      refunds.amount -= payment.amount;
      if (payment.payerId === undefined) refunds.toPatients -= payment.amount;
      else refunds.toPayers -= payment.amount;
    }
    if (counted) refunds.count += 1;
  }
  const providerLevel = { count: 0, effect: 0 };
  for (const item of ledger.providerAdjustments) {
    if (item.paymentId === undefined) continue;
    const day = isoToDay(item.date);
    let counted = false;
    for (const payment of rowsById.get(item.paymentId) ?? []) {
      if (!inPeriod(Math.max(day, isoToDay(payment.date)))) continue;
      counted = true;
      providerLevel.effect -= item.amount;
    }
    if (counted) providerLevel.count += 1;
  }

  const start = arAsOf(ledger, addDays(from, -1));
  const end = arAsOf(ledger, through);
  const adjustmentAmount = byGroup.CO + byGroup.OA + byGroup.PI + byGroup.WO;
  const computedEnd = start.total + chargeAmount - paymentAmount - adjustmentAmount + refunds.amount + providerLevel.effect + outOfStep;
  const difference = end.total - computedEnd;
  return {
    from,
    through,
    start,
    end,
    charges: { lines: chargeLines, amount: chargeAmount },
    payments: {
      count: paymentCount,
      amount: paymentAmount,
      // Payers by amount received, the patients' last.
      byPayer: [...byPayer.values()].sort((a, b) => Number(a.payerId === "") - Number(b.payerId === "") || b.amount - a.amount),
    },
    adjustments: { amount: adjustmentAmount, byGroup },
    refunds,
    providerLevel,
    outOfStep,
    computedEnd,
    difference,
    ties: difference === 0,
  };
}

/** A line's amount as the equation shows it after its sign: "− Payments received $152.50", "± PLB -$2.50". */
export function shownAmount(line: CloseLine): string {
  return formatMoney(line.sign === "−" ? -line.effect : line.effect);
}

/** The flows of the equation, in order, each with its effect on A/R: what every view of the close lists. */
export function closeLines(report: CloseReport): CloseLine[] {
  return [
    { label: `Charges`, sign: "+", effect: report.charges.amount, how: "lines by date of service in the period" },
    { label: "Payments received", sign: "−", effect: -report.payments.amount, how: "Payments rows dated in the period" },
    {
      label: "Adjustments",
      sign: "−",
      effect: -report.adjustments.amount,
      how: "CO, OA, PI and office write-offs (WO) posted in the period (PR moves money to the patient: not an adjustment)",
    },
    { label: "Refunds", sign: "+", effect: report.refunds.amount, how: "negative Payments rows: money given back" },
    {
      label: "Provider-level items (PLB)",
      sign: "±",
      effect: report.providerLevel.effect,
      how: "interest a payer added adds back, a recoupment it took takes away",
    },
    {
      label: "Postings out of step",
      sign: "±",
      effect: report.outOfStep,
      how: "Paid counted on a line and on its payment in different periods, or with no payment or no line",
    },
  ];
}

/**
 * The equation as label and amount rows, as the pane and the terminal show it: A/R at start, each flow
 * with its sign and count, A/R at end from the flows, and from the balances.
 */
export function equationText(report: CloseReport): { label: string; amount: string }[] {
  const counts = [
    plural(report.charges.lines, "line"),
    plural(report.payments.count, "payment"),
    "",
    plural(report.refunds.count, "refund"),
    plural(report.providerLevel.count, "item"),
    "",
  ];
  return [
    { label: `A/R at start (${report.start.asOf})`, amount: formatMoney(report.start.total) },
    ...closeLines(report).map((line, i) => ({
      label: `${line.sign} ${line.label}${counts[i] ? ` (${counts[i]})` : ""}`,
      amount: shownAmount(line),
    })),
    { label: "= A/R at end, from the flows", amount: formatMoney(report.computedEnd) },
    { label: `A/R at end, from the balances (${report.end.asOf})`, amount: formatMoney(report.end.total) },
  ];
}
