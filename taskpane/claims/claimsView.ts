// What the Claims panel shows, apart from React: counts per status, the claims grouped by payer and
// filtered, a claim's line in the list, its problems with the cell each one is fixed in (a Charges
// row as the scrubber named it; the patient's or payer's row found by its ID; the Practice setting's
// row), the rules turned off, and the sentences after an export or a claim form.
import type { Claim } from "../../src/claims/model";
import { COB_SCRUB_RULES, SCRUB_RULES, type ScrubReport } from "../../src/claims/scrubber";
import type { ClaimBooks } from "../../src/claims/claimBooks";
import { adjudicatedSentence } from "../../src/claims/payerAnswers";
import { problemCell } from "../../src/claims/problemPlaces";
import { formatMoney } from "../../src/money";
import type { TableCell } from "../panelProps";
import type { ClaimEntry, ClaimStatus, ClaimsScrub, ExportOutcome, ExportPreview, FormsOutcome } from "./claimsRun";

/** Claims listed at once; "Show more" adds as many again. */
export const CLAIMS_SHOWN = 100;

export const STATUSES: readonly ClaimStatus[] = ["errors", "warnings", "ready"];

/** The light's words: the colour never says it alone. */
export const STATUS_TEXT: Record<ClaimStatus, string> = { ready: "Ready", warnings: "Warnings", errors: "Errors" };

export type StatusCounts = Record<ClaimStatus, number>;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function countStatuses(entries: readonly ClaimEntry[]): StatusCounts {
  const counts: StatusCounts = { ready: 0, warnings: 0, errors: 0 };
  for (const entry of entries) counts[entry.status]++;
  return counts;
}

/** "12 ready, 1 with warnings, 2 with errors" (the parts that are not zero; "no claims" when all are). */
export function countsLine(counts: StatusCounts): string {
  const parts = [
    counts.ready > 0 ? `${counts.ready.toLocaleString("en-US")} ready` : "",
    counts.warnings > 0 ? `${counts.warnings.toLocaleString("en-US")} with warnings` : "",
    counts.errors > 0 ? `${counts.errors.toLocaleString("en-US")} with errors` : "",
  ].filter(Boolean);
  return parts.length === 0 ? "no claims" : parts.join(", ");
}

export interface PayerGroup {
  payerId: string;
  /** "Medicare Part B (MCR)", or the ID alone when the payer is not known. */
  label: string;
  /** "MCR · Medicare Part B": the ID first, so a narrow drop-down still shows it. */
  short: string;
  entries: ClaimEntry[];
  counts: StatusCounts;
}

/** The claims by payer, payers by name; within a payer the claims keep their Charges order. */
export function payerGroups(entries: readonly ClaimEntry[]): PayerGroup[] {
  const groups = new Map<string, { payerId: string; name?: string; entries: ClaimEntry[] }>();
  for (const entry of entries) {
    const key = entry.payerId.toLowerCase();
    let group = groups.get(key);
    if (!group) {
      group = { payerId: entry.payerId, entries: [] };
      groups.set(key, group);
    }
    group.entries.push(entry);
    if (group.name === undefined && entry.claim?.payer.name) group.name = entry.claim.payer.name;
  }
  return [...groups.values()]
    .map((g) => ({
      payerId: g.payerId,
      label: g.payerId === "" ? "Payer not known" : g.name && g.name !== g.payerId ? `${g.name} (${g.payerId})` : g.payerId,
      short: g.payerId === "" ? "Payer not known" : g.name && g.name !== g.payerId ? `${g.payerId} · ${g.name}` : g.payerId,
      entries: g.entries,
      counts: countStatuses(g.entries),
    }))
    .sort((a, b) => (a.payerId === "" ? 1 : b.payerId === "" ? -1 : a.label.localeCompare(b.label)));
}

export interface ClaimFilter {
  /** Undefined: every payer. */
  payerId?: string;
  /** Undefined: every status. */
  status?: ClaimStatus;
}

export function filterEntries(entries: readonly ClaimEntry[], filter: ClaimFilter): ClaimEntry[] {
  const payer = filter.payerId?.toLowerCase();
  return entries.filter(
    (e) => (payer === undefined || e.payerId.toLowerCase() === payer) && (filter.status === undefined || e.status === filter.status),
  );
}

/** A claim's line in the list: its ID, the patient, dates, lines and total; for a claim not built, why. */
export interface ClaimLineView {
  claimId: string;
  /** "Testperson, Alex" (the pane is local: names may show here, never in anything logged). */
  patient: string;
  /** "2026-03-02", or "2026-03-02 to 2026-03-09". */
  dates: string;
  /** "2 lines", or "Can't be built from its lines" for a claim whose lines don't make one. */
  lines: string;
  /** "$160.00"; "" for a claim not built. */
  total: string;
  /** "2 errors, 1 warning", or "" when ready. */
  problems: string;
  /** "Rejected 2026-03-18 by 277CA: …: correct it and send it again", for a claim sent before and turned back; else "". */
  rejected: string;
}

/** Why a claim billed before is offered again. */
export function rejectedText(rejected: NonNullable<ClaimEntry["rejected"]>): string {
  const by = rejected.source ? ` by ${rejected.source}` : "";
  const why = rejected.reason ? `: ${rejected.reason}` : "";
  return `Rejected ${rejected.date}${by}${why}; correct it and send it again`;
}

export function claimLineView(entry: ClaimEntry): ClaimLineView {
  const errors = entry.problems.filter((p) => p.severity === "error").length;
  const warnings = entry.problems.length - errors;
  const problems = [errors > 0 ? count(errors, "error") : "", warnings > 0 ? count(warnings, "warning") : ""].filter(Boolean).join(", ");
  const claim = entry.claim;
  const rejected = entry.rejected ? rejectedText(entry.rejected) : "";
  if (!claim)
    return { claimId: entry.claimId, patient: "", dates: "", lines: "Can't be built from its lines", total: "", problems, rejected };
  return {
    claimId: entry.claimId,
    patient: patientName(claim),
    dates: serviceDates(claim),
    lines: count(claim.lines.length, "line"),
    total: formatMoney(claim.total),
    problems,
    rejected,
  };
}

function patientName(claim: Claim): string {
  const { lastName, firstName } = claim.patient;
  return [lastName, firstName].filter((n) => n.trim() !== "").join(", ") || claim.patient.patientId;
}

function serviceDates(claim: Claim): string {
  if (claim.lines.length === 0) return "";
  let first = claim.lines[0].dos;
  let last = first;
  for (const line of claim.lines) {
    if (line.dos < first) first = line.dos;
    if (line.dos > last) last = line.dos;
  }
  return first === last ? first : `${first} to ${last}`;
}

/** One problem of an open claim, in a biller's words, with the cell to fix it in when it can be found. */
export interface ProblemView {
  key: string;
  severity: "error" | "warning";
  /** "Charges row 14, Provider NPI", "Patients row 7, DOB", "Practice, ZIP". */
  place: string;
  message: string;
  cell?: TableCell;
}

/** The cell a problem is fixed in (where the terminal finds its row too). */
export { problemCell };

export function problemViews(entry: ClaimEntry, tables: ClaimBooks["tables"]): ProblemView[] {
  return entry.problems.map((problem, i) => {
    const cell = problemCell(problem, entry.claim, tables);
    const { table, column } = problem.where;
    const row = cell?.row ?? problem.where.row;
    const view: ProblemView = {
      key: `${i}-${problem.rule}`,
      severity: problem.severity,
      place: `${table}${row === undefined ? "" : ` row ${row}`}, ${column}`,
      message: problem.message,
    };
    if (cell) view.cell = cell;
    return view;
  });
}

/** The rules turned off, with their titles, and the setting's ids that were not (an unknown id, a rule that can't be). */
export function rulesOffView(report: Pick<ScrubReport, "rulesOff" | "rulesNotOff">): {
  off: { id: string; title: string }[];
  notOff: string[];
} {
  const titles = new Map([...SCRUB_RULES, ...COB_SCRUB_RULES].map((r) => [r.id, r.title]));
  return { off: report.rulesOff.map((id) => ({ id, title: titles.get(id) ?? id })), notOff: report.rulesNotOff };
}

/** The headline over the list: how many claims are waiting, and how they stand. */
export function scrubHeadline(scrub: Pick<ClaimsScrub, "entries" | "books">): string {
  const { entries, books } = scrub;
  if (entries.length === 0) {
    const billed = books.skipped.billed > 0 ? ` (${count(books.skipped.billed, "claim")} already billed)` : "";
    if (books.skipped.adjudicated > 0)
      return `No claims to bill: every claim in Charges is billed or already answered by its payer${billed}.`;
    return `No claims to bill: every claim in Charges has its Billed Date${billed}.`;
  }
  return `${count(entries.length, "claim")} not yet billed: ${countsLine(countStatuses(entries))}.`;
}

/**
 * Said under the headline: the unbilled claims left out because the payer already answered them, each
 * with what it did (empty when none).
 */
export function leftOutLine(books: Pick<ClaimBooks, "adjudicated">): string {
  return adjudicatedSentence(books.adjudicated);
}

/**
 * The question before Create 837P writes anything: "claims-MCR-000000042.837 will hold 3 claims (5
 * lines, $425.00) for MCR (2 claims), SHP (1 claim). The 5 lines' Billed Date will be set to
 * 2026-12-07, so they leave this list; the Audit sheet records the file."
 */
export function confirmExportText(preview: ExportPreview): string {
  const payers = preview.payers.map((p) => `${p.payerId} (${count(p.claims, "claim")})`).join(", ");
  const theLines = preview.lines === 1 ? "The line's" : `The ${count(preview.lines, "line")}'`;
  return (
    `${preview.fileName} will hold ${count(preview.claims, "claim")} (${count(preview.lines, "line")}, ${formatMoney(preview.total)}) for ${payers}. ` +
    `${theLines} Billed Date will be set to ${preview.today}, so ${preview.claims === 1 ? "it leaves" : "they leave"} this list; the Audit sheet records the file.`
  );
}

/** What the export did, for the success notice. */
export function exportedMessage(outcome: Pick<ExportOutcome, "file" | "claims" | "total" | "heldBack">): string {
  const lines = outcome.claims.reduce((n, c) => n + c.lines.length, 0);
  const held =
    outcome.heldBack.length === 0
      ? ""
      : ` ${count(outcome.heldBack.length, "claim")} with errors ${outcome.heldBack.length === 1 ? "was" : "were"} left out: fix ${outcome.heldBack.length === 1 ? "it" : "them"} and create another file.`;
  return (
    `${outcome.file.name}: ${count(outcome.claims.length, "claim")} (${formatMoney(outcome.total)}). ` +
    `${count(lines, "line")} marked billed today; the Audit sheet records the file.${held} ` +
    "Send the file to your clearinghouse."
  );
}

/** What the claim form run wrote, for the success notice. */
export function formsMessage(outcome: Pick<FormsOutcome, "sheets" | "claimIds" | "missing">): string {
  const what =
    outcome.claimIds.length === 1 ? `The claim form of ${outcome.claimIds[0]} is` : `${count(outcome.claimIds.length, "claim form")} are`;
  const missing =
    outcome.missing.length === 0
      ? ""
      : ` ${count(outcome.missing.length, "claim")} asked for ${outcome.missing.length === 1 ? "is" : "are"} no longer to bill and ${outcome.missing.length === 1 ? "was" : "were"} left out.`;
  const sheets = outcome.sheets.map((s) => `"${s}"`);
  const where = sheets.length === 1 ? `the sheet ${sheets[0]}` : `the sheets ${sheets.join(", ")}`;
  return `${what} on ${where}, ready to print (one claim a page).${missing}`;
}

/** What Create 837P and Claim forms will take, said under the buttons. */
export function exportScope(
  selection: { claims: readonly Claim[]; heldBack: readonly ClaimEntry[] },
  payerLabel: string | undefined,
): string {
  const whose = payerLabel === undefined ? "" : ` of ${payerLabel}`;
  const sending =
    selection.claims.length === 0
      ? `No claim${whose} is ready to send.`
      : `Create 837P writes the ${count(selection.claims.length, "claim")}${whose} without errors to a file and marks ${selection.claims.length === 1 ? "it" : "them"} billed; Claim forms puts ${selection.claims.length === 1 ? "it" : "them"} on a sheet to print.`;
  const held =
    selection.heldBack.length === 0
      ? ""
      : ` ${count(selection.heldBack.length, "claim")} with errors ${selection.heldBack.length === 1 ? "stays" : "stay"} here until fixed.`;
  return sending + held;
}
