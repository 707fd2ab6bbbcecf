// The Month-end close panel's work on the workbook, apart from React so it can be tested in Node: what
// is closed (the PeriodClose table, one read), the close report of a period (the ledger, one read;
// nothing written), closing the books (the ledger and PeriodClose read again just before the write, so
// the plan rests on the tables as they are, and written by applyPlan with its Audit row), and reopening
// them with a reason. A refusal comes back as the engine's sentences, with nothing written.
import { closedBooks, type ClosedBooks } from "../../src/close/closedBooks";
import { closePeriodPlan, closeReportPlan, reopenPlan, type ClosePeriod, type Reopening } from "../../src/close/closePlan";
import type { CloseReport } from "../../src/close/closeReport";
import type { IsoDate } from "../../src/dates";
import { LEDGER_TABLES, ledgerFromTables } from "../../src/ledger/ledger";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { PeriodClose } from "../../src/workbook/tables";

export type CloseStage = "reading" | "closing" | "reopening";

/** What the spinner says during a stage. */
export const STAGE_LABEL: Record<CloseStage, string> = {
  reading: "Reading the books…",
  closing: "Closing the books…",
  reopening: "Reopening the books…",
};

/** What is closed now, by the PeriodClose table. */
export async function readClosedBooks(workbook: Workbook): Promise<ClosedBooks> {
  const { dateSystem } = await workbook.describe();
  const { [PeriodClose.name]: table } = await workbook.readTables([PeriodClose.name]);
  return closedBooks(table, dateSystem);
}

/** Read the ledger and PeriodClose in one call. */
async function readBooks(workbook: Workbook) {
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables([...LEDGER_TABLES, PeriodClose.name]);
  return { dateSystem, ledger: ledgerFromTables(tables, dateSystem), periodClose: tables[PeriodClose.name] };
}

export type ClosePreview = { ok: true; report: CloseReport; unreadable: number } | { ok: false; problems: string[] };

/** The close report of a period, from the books as they are; nothing is written. */
export async function previewClose(workbook: Workbook, period: ClosePeriod): Promise<ClosePreview> {
  const { ledger } = await readBooks(workbook);
  const made = closeReportPlan(ledger, period);
  if (!made.ok) return made;
  return { ok: true, report: made.report, unreadable: ledger.issues.length };
}

export type CloseWrite = { ok: true; applied: AppliedPlan; what: string; report?: CloseReport } | { ok: false; problems: string[] };

/** Close the books through the period's last day: the PeriodClose row and the report sheet, with the Audit row. */
export async function closeTheBooks(workbook: Workbook, period: ClosePeriod, today: IsoDate, now?: Date): Promise<CloseWrite> {
  const { ledger, periodClose, dateSystem } = await readBooks(workbook);
  const planned = closePeriodPlan(ledger, periodClose, dateSystem, period, today);
  if (!planned.ok) return { ok: false, problems: planned.problems };
  return { ok: true, applied: await applyPlan(workbook, planned.plan, now), what: planned.plan.what, report: planned.report };
}

/** Reopen the books with a reason: a Reopened row and its Audit row. */
export async function reopenTheBooks(workbook: Workbook, reopening: Reopening, today: IsoDate, now?: Date): Promise<CloseWrite> {
  const { dateSystem } = await workbook.describe();
  const { [PeriodClose.name]: table } = await workbook.readTables([PeriodClose.name]);
  const planned = reopenPlan(table, dateSystem, reopening, today);
  if (!planned.ok) return planned;
  return { ok: true, applied: await applyPlan(workbook, planned.plan, now), what: planned.plan.what };
}
