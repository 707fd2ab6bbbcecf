// Deposit reconciliation: the bookkeeper's month-end question "does every deposit tie out?". The
// Payments received in a date range are grouped into deposits by date, method and reference (one
// check, one EFT trace, one day's card batch under one reference), and each deposit is set against
// what was posted from its payments. A deposit ties when every cent of it was posted (or refunded:
// a refund is its own negative Payments row, see balances.ts). Anything else is listed with the
// reason in a bookkeeper's words: money still unapplied, or more posted than the payment brought in.
//
// Postings count whatever their date: a check received on the 30th and posted on the 2nd is tied.
import type { IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import { paymentStatuses, type PaymentStatus } from "./balances";
import type { Ledger } from "./ledger";

export interface DepositLine {
  date: IsoDate;
  method: string;
  reference: string;
  /** PaymentIDs in the deposit, in Payments order. */
  payments: string[];
  deposited: Cents;
  /** Σ Paid posted from the deposit's payments. */
  posted: Cents;
  /** Σ of the payments' unapplied amounts (after refunds); negative when over-applied. */
  unapplied: Cents;
  ties: boolean;
  /** Why it does not tie. */
  problem?: string;
}

/** Deposits dated from `from` to `to` (both included), by date, method and reference. */
export function reconcileDeposits(
  ledger: Ledger,
  from: IsoDate,
  to: IsoDate,
): { deposits: DepositLine[]; totals: { deposited: Cents; posted: Cents; unapplied: Cents }; notTied: DepositLine[] } {
  const groups = new Map<string, { line: DepositLine; overApplied: PaymentStatus[]; unappliedLeft: Cents }>();
  for (const status of paymentStatuses(ledger)) {
    if (status.date < from || status.date > to) continue;
    const method = status.method ?? "";
    const reference = status.reference ?? "";
    const key = `${status.date}\u0000${method}\u0000${reference}`;
    let group = groups.get(key);
    if (!group) {
      const line: DepositLine = { date: status.date, method, reference, payments: [], deposited: 0, posted: 0, unapplied: 0, ties: true };
      group = { line, overApplied: [], unappliedLeft: 0 };
      groups.set(key, group);
    }
    const { line } = group;
    line.payments.push(status.paymentId);
    line.deposited += status.amount;
    // Provider-level items (PLB) are posted too, to ProviderAdjustments rather than to lines.
    line.posted += status.applied + status.providerLevel;
    line.unapplied += status.unapplied;
    // Judged per payment: one payment over-applied and another short must not pass as tied.
    if (status.unapplied < 0) group.overApplied.push(status);
    else group.unappliedLeft += status.unapplied;
  }

  const deposits: DepositLine[] = [];
  for (const { line, overApplied, unappliedLeft } of groups.values()) {
    const problems: string[] = [];
    if (unappliedLeft > 0) problems.push(`not tied: ${formatMoney(unappliedLeft)} unapplied`);
    for (const status of overApplied) {
      if (status.amount < 0 && status.refunded === 0) {
        problems.push(`${status.paymentId} takes out ${formatMoney(-status.amount)} without naming a payment it refunds`);
        continue;
      }
      problems.push(`over-applied: ${formatMoney(-status.unapplied)} more posted from ${status.paymentId} than it brought in`);
    }
    if (problems.length > 0) {
      line.ties = false;
      line.problem = problems.join("; ");
    }
    deposits.push(line);
  }
  deposits.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? -1
        : 1
      : a.method !== b.method
        ? a.method < b.method
          ? -1
          : 1
        : a.reference < b.reference
          ? -1
          : a.reference > b.reference
            ? 1
            : 0,
  );
  const totals = { deposited: 0, posted: 0, unapplied: 0 };
  for (const d of deposits) {
    totals.deposited += d.deposited;
    totals.posted += d.posted;
    totals.unapplied += d.unapplied;
  }
  return { deposits, totals, notTied: deposits.filter((d) => !d.ties) };
}
