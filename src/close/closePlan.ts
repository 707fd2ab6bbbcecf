// Closing the books through a date, and reopening them, as write plans. A close is a PeriodClose row
// (Closed, its Closed Through, the day it was done) and the "Close YYYY-MM" report sheet, with the
// Audit row "Close books"; it is refused when the report does not tie to the cent, when the date is in
// the future, or when the books are already closed through it or later (that would be a reopening). A
// reopening is a PeriodClose row (Reopened, the new Closed Through: an earlier date, or blank for
// nothing closed) with its required reason, which its Audit row "Reopen books" carries too.
import { addDays, isIsoDate, type DateSystem, type IsoDate } from "../dates";
import type { Ledger } from "../ledger/ledger";
import { formatMoney } from "../money";
import { appendOrCreateRows, type WritePlan } from "../workbook/plan";
import type { RawTable } from "../workbook/port";
import { PeriodClose } from "../workbook/tables";
import { closedBooks } from "./closedBooks";
import { closeReport, type CloseReport } from "./closeReport";
import { closeSheetOp, closeSheetName, tieWords } from "./closeSheet";

/** The longest reason a reopening keeps (a sentence or two). */
const REASON_LIMIT = 500;

/** The last day of the month before `today`'s: the period an office usually closes. */
export function defaultThrough(today: IsoDate): IsoDate {
  return addDays(`${today.slice(0, 8)}01`, -1);
}

/** The period's first day: the day after the last close, else the first of the closing month. */
export function defaultFrom(closedThrough: IsoDate | undefined, through: IsoDate): IsoDate {
  return closedThrough !== undefined && closedThrough < through ? addDays(closedThrough, 1) : `${through.slice(0, 8)}01`;
}

export interface ClosePeriod {
  from: IsoDate;
  through: IsoDate;
}

/** Why a period cannot be reported: dates that are not dates, or the wrong way round. */
function periodProblems({ from, through }: ClosePeriod): string[] {
  const problems: string[] = [];
  if (!isIsoDate(from)) problems.push(`The first day of the period must be a date written like 2026-11-01, not "${from}".`);
  if (!isIsoDate(through)) problems.push(`The closing date must be a date written like 2026-11-30, not "${through}".`);
  if (problems.length === 0 && from > through) problems.push(`The period starts (${from}) after it ends (${through}).`);
  return problems;
}

export type CloseReportResult = { ok: true; report: CloseReport; plan: WritePlan } | { ok: false; problems: string[] };

/** The close report of a period and the plan writing only its sheet (nothing is closed). */
export function closeReportPlan(ledger: Ledger, period: ClosePeriod): CloseReportResult {
  const problems = periodProblems(period);
  if (problems.length > 0) return { ok: false, problems };
  const report = closeReport(ledger, period.from, period.through);
  return {
    ok: true,
    report,
    plan: {
      action: "Close report",
      what: `${closeSheetName(period.through)}: ${period.from} to ${period.through}, ${tieWords(report).toLowerCase()}`,
      totals: closeTotals(report),
      ops: [closeSheetOp(report)],
    },
  };
}

/** The Audit row's totals: "charges $1.00, payments $2.00, adjustments $3.00, refunds $0.00, A/R $4.00 to $5.00". */
function closeTotals(report: CloseReport): string {
  return (
    `charges ${formatMoney(report.charges.amount)}, payments ${formatMoney(report.payments.amount)}, ` +
    `adjustments ${formatMoney(report.adjustments.amount)}, refunds ${formatMoney(report.refunds.amount)}, ` +
    `A/R ${formatMoney(report.start.total)} to ${formatMoney(report.end.total)}`
  );
}

export type ClosePlanResult = { ok: true; report: CloseReport; plan: WritePlan } | { ok: false; problems: string[]; report?: CloseReport };

/**
 * Close the books through `period.through` on `today`: the report must tie, the date must not be in
 * the future, and the books must not be closed through it or later already.
 */
export function closePeriodPlan(
  ledger: Ledger,
  periodClose: RawTable | undefined,
  dateSystem: DateSystem,
  period: ClosePeriod,
  today: IsoDate,
): ClosePlanResult {
  const closed = closedBooks(periodClose, dateSystem);
  if (!closed.ok) return { ok: false, problems: [closed.problem] };
  const problems = periodProblems(period);
  if (problems.length > 0) return { ok: false, problems };
  const { from, through } = period;
  if (through > today) problems.push(`${through} is in the future: the books can be closed only through today (${today}) or earlier.`);
  if (closed.closedThrough !== undefined && through <= closed.closedThrough) {
    problems.push(
      through === closed.closedThrough
        ? `The books are already closed through ${through}.`
        : `The books are closed through ${closed.closedThrough} already: closing through ${through} would reopen them. Use Reopen, with a reason.`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  const made = closeReportPlan(ledger, period);
  if (!made.ok) return made;
  const { report } = made;
  if (!report.ties) {
    return {
      ok: false,
      report,
      problems: [
        `The close does not tie: A/R at end is ${formatMoney(report.end.total)} by the balances and ${formatMoney(report.computedEnd)} by the flows ` +
          `(difference ${formatMoney(report.difference)}). Fix the rows Setup's Check rows lists, then close again. Nothing was written.`,
      ],
    };
  }
  const row = appendOrCreateRows(PeriodClose, periodClose, [{ date: today, action: "Closed", closedThrough: through }], dateSystem);
  if (!row.ok) return { ok: false, problems: [row.problem] };
  return {
    ok: true,
    report,
    plan: {
      action: "Close books",
      what: `closed the books through ${through} (${from} to ${through}), ties to the cent; sheet ${closeSheetName(through)}`,
      totals: closeTotals(report),
      ops: [row.op, closeSheetOp(report)],
    },
  };
}

export interface Reopening {
  /** The new Closed Through: before the current one; undefined leaves nothing closed. */
  through?: IsoDate;
  reason: string;
}

/** Reopen the books on `today`: a Reopened row with the new Closed Through and the reason. */
export function reopenPlan(
  periodClose: RawTable | undefined,
  dateSystem: DateSystem,
  reopening: Reopening,
  today: IsoDate,
): { ok: true; plan: WritePlan } | { ok: false; problems: string[] } {
  const closed = closedBooks(periodClose, dateSystem);
  if (!closed.ok) return { ok: false, problems: [closed.problem] };
  const problems: string[] = [];
  const reason = reopening.reason?.trim() ?? "";
  if (reason === "")
    problems.push("Say why the books are reopened (for example: a late EOB for November): the reason is kept with the reopening.");
  else if (reason.length > REASON_LIMIT) problems.push(`The reason is ${reason.length} characters long: keep it to ${REASON_LIMIT}.`);
  const current = closed.closedThrough;
  const { through } = reopening;
  if (current === undefined) problems.push("The books are not closed: there is nothing to reopen.");
  else if (through !== undefined) {
    if (!isIsoDate(through)) problems.push(`The new closing date must be a date written like 2026-10-31, not "${through}".`);
    else if (through >= current) {
      problems.push(`Reopening leaves the books closed through an earlier date than ${current}: ${through} is not before it.`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const row = appendOrCreateRows(
    PeriodClose,
    periodClose,
    [{ date: today, action: "Reopened", closedThrough: through, reason }],
    dateSystem,
  );
  if (!row.ok) return { ok: false, problems: [row.problem] };
  const now = through === undefined ? "nothing is closed" : `closed through ${through}`;
  return {
    ok: true,
    plan: {
      action: "Reopen books",
      what: `reopened the books: ${now} (was closed through ${current}); reason: ${reason}`,
      ops: [row.op],
    },
  };
}
