// What the Month-end close panel shows and how its forms read, apart from React so it can be tested in
// Node: the period form (through: the last day of the previous month; from: the day after the last
// close, else the first of that month) read into dates or a mistake per field; the report's equation
// rows and whether it ties; the button's and the confirmation's words; the reopen form, whose reason is
// required; and what the notice says once the books are closed or reopened.
import { closedWords, type ClosedBooks } from "../../src/close/closedBooks";
import { defaultFrom, defaultThrough, type ClosePeriod, type Reopening } from "../../src/close/closePlan";
import { equationText, type CloseReport } from "../../src/close/closeReport";
import { closeSheetName, tieWords } from "../../src/close/closeSheet";
import { parseDate, type IsoDate } from "../../src/dates";
import { formatMoney } from "../../src/money";
import { plural, sentence } from "../billerMessage";

export interface CloseForm {
  from: string;
  through: string;
}

export type CloseFormErrors = Partial<Record<keyof CloseForm, string>>;

/** The form as it opens: closing last month, from the day after the last close. */
export function newCloseForm(today: IsoDate, closedThrough: IsoDate | undefined): CloseForm {
  const through = defaultThrough(today);
  return { through, from: defaultFrom(closedThrough, through) };
}

/** A typed date, or its mistake in a sentence. */
function readDate(text: string, missing: string): { ok: true; date: IsoDate } | { ok: false; error: string } {
  if (text.trim() === "") return { ok: false, error: missing };
  const parsed = parseDate(text.trim());
  return parsed.ok ? { ok: true, date: parsed.value } : { ok: false, error: sentence(parsed.error) };
}

/** The period the form names, or every mistake by field. */
export function readCloseForm(form: CloseForm): { ok: true; period: ClosePeriod } | { ok: false; errors: CloseFormErrors } {
  const errors: CloseFormErrors = {};
  const from = readDate(form.from, "Enter the first day of the period, like 2026-11-01.");
  const through = readDate(form.through, "Enter the last day to close, like 2026-11-30.");
  if (!from.ok) errors.from = from.error;
  if (!through.ok) errors.through = through.error;
  if (from.ok && through.ok && from.date > through.date)
    errors.through = `The period ends (${through.date}) before it starts (${from.date}).`;
  if (!from.ok || !through.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, period: { from: from.date, through: through.date } };
}

/** What is closed now, in a sentence; or the PeriodClose problem. */
export function closedStatus(closed: ClosedBooks | undefined): string {
  if (!closed) return "Reading what is closed…";
  return closed.ok ? closedWords(closed) : closed.problem;
}

export interface EquationView {
  rows: { label: string; amount: string; total: boolean }[];
  ties: boolean;
  /** "Ties to the cent", or the difference. */
  verdict: string;
  /** Where A/R at end is: lines owing, line credits, unapplied money. */
  endParts: string;
}

/** The report as the panel shows it: the equation's rows (the totals marked) and its verdict. */
export function equationView(report: CloseReport): EquationView {
  const rows = equationText(report);
  return {
    rows: rows.map((r, i) => ({ ...r, total: i === 0 || i >= rows.length - 2 })),
    ties: report.ties,
    verdict: tieWords(report),
    endParts:
      `Owed on lines ${formatMoney(report.end.owed)}, credits on lines ${formatMoney(report.end.lineCredits)}, ` +
      `unapplied payment money ${formatMoney(report.end.unapplied)}.`,
  };
}

/** "Close the books through 2026-11-30". */
export function closeButtonLabel(through: IsoDate): string {
  return `Close the books through ${through}`;
}

/** What the confirmation says will happen. */
export function confirmCloseText(period: ClosePeriod): string {
  return (
    `From now on, every payment, posting, adjustment and refund dated on or before ${period.through} is refused, in this pane and ` +
    `on the command line. The report is written to the sheet "${closeSheetName(period.through)}". To post into the period later, ` +
    `reopen it here, with a reason.`
  );
}

/** The notice once the books are closed. */
export function closedMessage(period: ClosePeriod): string {
  return `The books are closed through ${period.through}. The report is on the sheet "${closeSheetName(period.through)}".`;
}

/** A note under the preview when some rows of the ledger do not read (they are left out of the figures). */
export function unreadableNote(unreadable: number): string | undefined {
  if (unreadable === 0) return undefined;
  return `${plural(unreadable, "row")} of the ledger have problems and may be left out of these figures: Setup's Check rows lists them.`;
}

export interface ReopenForm {
  /** The new closed-through date; blank leaves nothing closed. */
  through: string;
  reason: string;
}

export type ReopenFormErrors = Partial<Record<keyof ReopenForm, string>>;

/** The reopening the form names, or every mistake by field. The reason is required. */
export function readReopenForm(form: ReopenForm): { ok: true; reopening: Reopening } | { ok: false; errors: ReopenFormErrors } {
  const errors: ReopenFormErrors = {};
  let through: IsoDate | undefined;
  if (form.through.trim() !== "") {
    const read = readDate(form.through, "");
    if (read.ok) through = read.date;
    else errors.through = read.error;
  }
  const reason = form.reason.trim();
  if (reason === "") errors.reason = "Say why the books are reopened (for example: a late EOB for November).";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, reopening: through === undefined ? { reason } : { through, reason } };
}

/** The notice once the books are reopened. */
export function reopenedMessage(reopening: Reopening): string {
  return reopening.through === undefined
    ? "The books are reopened: nothing is closed now."
    : `The books are reopened: they are closed through ${reopening.through} now.`;
}
