// The Collections section's work on the workbook, apart from React so it can be tested in Node: read
// the accounts to send (the collections worklist with the Reports panel's defaults, less the accounts
// already in Collections) and the accounts with the agency (what was sent, recovered, still out), in
// two reads (readCollectionsBooks); send chosen accounts to an agency, or preview and post what the
// agency paid. Each write is planned on the tables as they are just before it (read again, so posting
// IDs and the Patients column never come from an older read) and written by applyPlan with its Audit
// row. A refusal comes back as the engine's problems, with nothing written.
import { agencyRecoveryPlan, type AgencyRecovery, type RecoveryResult } from "../../src/collections/agencyRecovery";
import { agencySendPlan, type AgencySend } from "../../src/collections/agencySend";
import { badDebtAccounts, IN_COLLECTIONS, type BadDebtAccount } from "../../src/collections/badDebt";
import { collectionsContext, readCollectionsBooks, type CollectionsBooks } from "../../src/collections/collectionsBooks";
import type { IsoDate } from "../../src/dates";
import { standingsInTables } from "../../src/plans/planBooks";
import { collectionsWorklist, type CollectionsAccount } from "../../src/reports/collections";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import type { PatientRow } from "../../src/workbook/tables";
import { newReportForm, readReportForm } from "../reports/reportForm";

export type AgencyStage = "reading" | "sending" | "posting";

/** What the spinner says during a stage. */
export const AGENCY_STAGE_LABEL: Record<AgencyStage, string> = {
  reading: "Reading the accounts…",
  sending: "Sending the accounts to the agency…",
  posting: "Posting the agency's payment…",
};

export interface AgencyBooks {
  books: CollectionsBooks;
  /** The worklist's accounts not yet with an agency, highest priority first. */
  toSend: CollectionsAccount[];
  /** The accounts in Collections, with their bad debt (an account marked by hand may have none): still out first, latest sent first. */
  withAgency: (BadDebtAccount & { patient: PatientRow })[];
}

/** The worklist as the Reports panel makes it by default (as of today, over $50.00, older than 60 days). */
function worklistRequest(today: IsoDate) {
  const read = readReportForm({ ...newReportForm(today), kind: "collections" });
  if (!read.ok || read.request.kind !== "collections") throw new Error("collections: the Reports panel's defaults do not read");
  return read.request;
}

export async function readAgencyBooks(workbook: Workbook, today: IsoDate): Promise<AgencyBooks> {
  const books = await readCollectionsBooks(workbook);
  const { asOf, bounds, basis, minBalance, olderThan } = worklistRequest(today);
  const list = collectionsWorklist(books.ledger, {
    asOf,
    bounds,
    basis,
    minBalance,
    olderThan,
    patients: books.patients,
    statements: books.statements,
    plans: standingsInTables(books.ledger, books.tables, books.dateSystem, books.patients, asOf).standings,
  });
  const inCollections = books.patients.filter((p) => p.accountStatus === IN_COLLECTIONS);
  const placed = new Set(inCollections.map((p) => p.patientId));
  const debts = new Map(badDebtAccounts(books.ledger, placed).map((a) => [a.patientId, a]));
  return {
    books,
    toSend: list.accounts.filter((a) => !placed.has(a.patientId)),
    // Those still out with the agency first, the latest sent first; accounts marked by hand last.
    withAgency: inCollections
      .map((patient) => ({
        ...(debts.get(patient.patientId) ?? { patientId: patient.patientId, sent: 0, recovered: 0, fees: 0, outstanding: 0, lines: [] }),
        patient,
      }))
      .sort((a, b) => Number(b.outstanding > 0) - Number(a.outstanding > 0) || (b.sentOn ?? "").localeCompare(a.sentOn ?? "")),
  };
}

export type AgencyWrite<T = object> = ({ ok: true; applied: AppliedPlan; what: string } & T) | { ok: false; problems: string[] };

/** Send accounts: the bad-debt write-offs and Account Status in one plan; the agency's file comes back to download. */
export async function sendToAgency(
  workbook: Workbook,
  send: AgencySend,
  today: IsoDate,
): Promise<AgencyWrite<{ file: { name: string; text: string } }>> {
  const books = await readCollectionsBooks(workbook);
  const planned = agencySendPlan(books, await collectionsContext(workbook, books, today), send);
  if (!planned.ok) return planned;
  const applied = await applyPlan(workbook, planned.plan);
  return { ok: true, applied, what: planned.plan.what, file: planned.file };
}

/** The agency's payment as it would be posted: the preview, nothing written. */
export async function previewRecovery(workbook: Workbook, recovery: AgencyRecovery, today: IsoDate): Promise<RecoveryResult> {
  const books = await readCollectionsBooks(workbook);
  return agencyRecoveryPlan(books, await collectionsContext(workbook, books, today), recovery);
}

/** Post the agency's payment, planned again on the books as they are now. */
export async function postRecovery(workbook: Workbook, recovery: AgencyRecovery, today: IsoDate): Promise<AgencyWrite> {
  const planned = await previewRecovery(workbook, recovery, today);
  if (!planned.ok) return planned;
  return { ok: true, applied: await applyPlan(workbook, planned.plan), what: planned.plan.what };
}
