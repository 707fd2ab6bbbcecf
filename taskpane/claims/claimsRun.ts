// The Claims panel's work, apart from React so it can be tested in Node: read the claims not yet
// billed (with the office's code sets) and scrub them; export the ones without errors of one payer or
// of all as an 837P file, with the plan that marks them billed, stores the control number and adds
// the Audit row; write the printable claim form sheet. Each stage is announced first so the progress
// bar moves before the slow part. The export reads and scrubs the workbook again right before it
// writes: the file and the Billed Dates always come from the workbook as it is, never from a list the
// office looked at a while ago (and edited since). Nothing here logs: claims carry patient names.
import type { Rejection } from "../../src/claims/claimHistory";
import { build837p, refusals837p } from "../../src/claims/837pWriter";
import { claimFormPlan } from "../../src/claims/claimSheet";
import { readClaimBooks, type ClaimBooks } from "../../src/claims/claimBooks";
import { practiceSetting, settingRows } from "../../src/workbook/practiceSettings";
import {
  controlNumbersFrom,
  envelopeFrom,
  ExportRefused,
  exportPlan,
  RECEIVER_SETTING,
  SUBMITTER_SETTING,
} from "../../src/claims/exportPlan";
import type { ProviderName } from "../../src/claims/837pWriter";
import type { Claim, ScrubProblem } from "../../src/claims/model";
import { scrubClaims, statusOf, type ScrubReport, type ScrubResult } from "../../src/claims/scrubber";
import type { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { loadCodeSets } from "../../src/codes/codeSetStore";
import type { IsoDate } from "../../src/dates";
import { sumCents, type Cents } from "../../src/money";
import { asText } from "../../src/workbook/cells";
import { mapColumns } from "../../src/workbook/mapTable";
import { applyPlan, type AppliedPlan, type WritePlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { Charges, Practice } from "../../src/workbook/tables";
import { nextControlNumber, type ControlNumbers } from "../../src/x12/x12Writer";

export type ClaimsStage = "reading" | "codes" | "scrubbing" | "writing" | "done";
export type ClaimsJob = "scrub" | "export" | "forms";

/** Where the progress bar stands when a stage starts (0..1). */
export const STAGE_PROGRESS: Record<ClaimsStage, number> = { reading: 0.05, codes: 0.3, scrubbing: 0.45, writing: 0.75, done: 1 };

/** What the progress bar says during a stage of a job. */
export function stageLabel(stage: ClaimsStage, job: ClaimsJob = "scrub"): string {
  if (stage === "reading") return job === "forms" ? "Reading the claims…" : "Reading the claims not yet billed…";
  if (stage === "codes") return "Reading the code sets…";
  if (stage === "scrubbing") return "Checking every claim…";
  if (stage === "writing")
    return job === "export" ? "Writing the 837P file and marking the claims billed…" : "Writing the claim form sheet…";
  return "Done.";
}

export type ClaimStatus = ScrubResult["status"];

/** One claim as the panel lists it: built and scrubbed, or one that could not even be built. */
export interface ClaimEntry {
  claimId: string;
  /** Undefined when the claim could not be built (a line that does not read, lines that disagree). */
  claim?: Claim;
  payerId: string;
  status: ClaimStatus;
  /** Build problems, scrub problems and what the 837P file could not carry, in that order. */
  problems: ScrubProblem[];
  /** Billed before and rejected by the clearinghouse or payer since (ClaimStatus): to correct and send again. */
  rejected?: Rejection;
}

export interface ClaimsScrub {
  books: ClaimBooks;
  report: ScrubReport;
  /** Built claims in Charges order, then the ones that could not be built. */
  entries: ClaimEntry[];
  today: IsoDate;
}

/** The rule id of a claim the scrubber passed but the 837P file could not carry (a separator in an id, a provider without a name). */
export const FILE_RULE = "file-refusal";

/** Any valid envelope: a claim's own refusals do not depend on it, so they are found claim by claim. */
const ANY_PARTY = { id: "X", name: "X" };

/** What stops the 837P file from carrying this one claim, as problems on its first line's ClaimID. */
function fileProblems(claim: Claim, providers: ReadonlyMap<string, ProviderName>, column: string): ScrubProblem[] {
  const words = refusals837p([claim], { sender: ANY_PARTY, receiver: ANY_PARTY, providers });
  return words.map((message) => {
    const problem: ScrubProblem = {
      rule: FILE_RULE,
      severity: "error",
      claimId: claim.claimId,
      where: { table: Charges.name, column },
      message,
    };
    const row = claim.lines[0]?.sheetRow;
    if (row !== undefined) problem.where.row = row;
    return problem;
  });
}

/** The PayerID cell of a Charges row, for a claim that could not be built (its lines are not a Claim). */
function payerOfRow(books: ClaimBooks, sheetRow: number | undefined): string {
  const raw = books.tables[Charges.name];
  if (!raw || sheetRow === undefined) return "";
  const column = mapColumns(Charges, raw.headers).columns.payerId?.index;
  const cell = column === undefined ? undefined : raw.rows[sheetRow - raw.headerRow - 1]?.[column];
  return cell === null || cell === undefined ? "" : asText(cell).trim();
}

/** Pure: the books as read, scrubbed into the panel's entries. */
export function scrubBooks(books: ClaimBooks, options: { today: IsoDate; library?: CodeSetLibrary }): ClaimsScrub {
  const report = scrubClaims(books.claims, {
    today: options.today,
    library: options.library,
    rulesOff: books.scrubRulesOff,
    columns: books.columns,
    earlierClaims: books.billedClaims,
  });
  const providers = envelopeFrom(books).providers ?? new Map<string, ProviderName>();
  const claimIdColumn = books.columns.Charges?.ClaimID ?? "ClaimID";
  const entries: ClaimEntry[] = books.claims.map((claim, i) => {
    const problems = [...report.results[i].problems, ...fileProblems(claim, providers, claimIdColumn)];
    const entry: ClaimEntry = { claimId: claim.claimId, claim, payerId: claim.payer.payerId, status: statusOf(problems), problems };
    const rejected = books.rejected.get(claim.claimId);
    if (rejected) entry.rejected = rejected;
    return entry;
  });
  const unbuilt = new Map<string, ScrubProblem[]>();
  for (const problem of books.problems) {
    const list = unbuilt.get(problem.claimId);
    if (list) list.push(problem);
    else unbuilt.set(problem.claimId, [problem]);
  }
  for (const [claimId, problems] of unbuilt) {
    entries.push({ claimId, payerId: payerOfRow(books, problems[0].where.row), status: "errors", problems });
  }
  return { books, report, entries, today: options.today };
}

/** Read the claims not yet billed and the code sets, and scrub them. */
export async function scrubWorkbook(
  workbook: Workbook,
  today: IsoDate,
  onStage: (stage: ClaimsStage) => Promise<void> | void = () => {},
): Promise<ClaimsScrub> {
  await onStage("reading");
  const books = await readClaimBooks(workbook, { unbilledOnly: true });
  await onStage("codes");
  const library = await loadCodeSets(workbook);
  await onStage("scrubbing");
  return scrubBooks(books, { today, library });
}

/** "claims-MCR-000000042.837", or "claims-all-…" for every payer; the payer id kept to letters, digits and hyphens. */
export function claimFileName(payerId: string | undefined, control: ControlNumbers): string {
  const payer = payerId === undefined ? "all" : payerId.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "payer";
  return `claims-${payer}-${String(control.interchange).padStart(9, "0")}.837`;
}

/** What Create 837P will write and mark, shown for the biller to confirm before anything is written. */
export interface ExportPreview {
  /** The file's name, with the next interchange control number. */
  fileName: string;
  claims: number;
  /** The Charges lines whose Billed Date will be set. */
  lines: number;
  total: Cents;
  /** Each payer in the file, with its claims, in order of first claim. */
  payers: { payerId: string; claims: number }[];
  /** The Billed Date the lines will get. */
  today: IsoDate;
}

/** What an export of this payer (or of all, undefined) would write from the list as scrubbed; undefined when no claim can be sent. */
export function exportPreview(
  scrub: Pick<ClaimsScrub, "entries" | "books" | "today">,
  payerId: string | undefined,
): ExportPreview | undefined {
  const { claims } = exportSelection(scrub.entries, payerId);
  if (claims.length === 0) return undefined;
  const last = controlNumbersFrom(scrub.books.practiceSettings);
  const next = nextControlNumber(last.interchange);
  const payers: ExportPreview["payers"] = [];
  for (const claim of claims) {
    const found = payers.find((p) => p.payerId === claim.payer.payerId);
    if (found) found.claims++;
    else payers.push({ payerId: claim.payer.payerId, claims: 1 });
  }
  return {
    fileName: claimFileName(payerId, { ...last, interchange: next }),
    claims: claims.length,
    lines: claims.reduce((n, c) => n + c.lines.length, 0),
    total: sumCents(claims.map((c) => c.total)),
    payers,
    today: scrub.today,
  };
}

/** The claims an export of this payer (or of all, undefined) writes, and the ones it holds back for their errors. */
export function exportSelection(entries: ClaimEntry[], payerId: string | undefined): { claims: Claim[]; heldBack: ClaimEntry[] } {
  const claims: Claim[] = [];
  const heldBack: ClaimEntry[] = [];
  for (const entry of entries) {
    if (payerId !== undefined && entry.payerId.toLowerCase() !== payerId.toLowerCase()) continue;
    if (entry.claim && entry.status !== "errors") claims.push(entry.claim);
    else heldBack.push(entry);
  }
  return { claims, heldBack };
}

/** Where to fill a missing envelope setting: a row to add when the Practice table has none for it. */
function settingHint(books: ClaimBooks, setting: string): string | undefined {
  if (practiceSetting(books.practiceSettings, setting) !== undefined) return undefined;
  const raw = books.tables[Practice.name];
  if (!raw) return `The workbook has no Practice table: create it on the Setup tab, then fill ${setting} in Setup › Practice settings.`;
  const hasRow = settingRows(raw, setting).length > 0;
  return hasRow
    ? `The "${setting}" row is on the ${raw.sheet} sheet: type the ID in its Value cell, or in Setup › Practice settings.`
    : `The Practice table (${raw.sheet} sheet) has no "${setting}" row yet: enter the ID in Setup › Practice settings, which adds the row.`;
}

export interface ExportedFile {
  name: string;
  text: string;
  control: ControlNumbers;
}

export interface ExportOutcome {
  file: ExportedFile;
  /** The claims written, in the file's order by payer. */
  claims: Claim[];
  /** ΣCLM02. */
  total: Cents;
  /** Claims of the payer left out for their errors (or that could not be built). */
  heldBack: ClaimEntry[];
  /** The payer exported, or undefined for every payer. */
  payerId?: string;
  /** Free text the file had to clean or cut (no patient data in them). */
  notes: string[];
  applied: AppliedPlan;
}

export type ExportRun = { ok: true; outcome: ExportOutcome } | { ok: false; error: string; heldBack: ClaimEntry[] };

/**
 * Read and scrub again, write the 837P of the payer's claims without errors, and apply the export
 * plan (Billed Date, the last control number, the Audit row) in one write. A refusal (no claim to
 * send, the envelope's IDs missing, a workbook that cannot be marked) comes back as `ok: false` with
 * nothing written; a write the workbook refuses throws, also with nothing written.
 */
export async function exportClaims(
  workbook: Workbook,
  request: { payerId?: string; now: Date; today: IsoDate },
  onStage: (stage: ClaimsStage) => Promise<void> | void = () => {},
): Promise<ExportRun> {
  const scrub = await scrubWorkbook(workbook, request.today, onStage);
  const { books } = scrub;
  const { claims, heldBack } = exportSelection(scrub.entries, request.payerId);
  if (claims.length === 0) {
    const whose = request.payerId === undefined ? "" : ` of ${request.payerId}`;
    const error =
      heldBack.length === 0
        ? `There are no claims${whose} left to bill: every line is billed already. Nothing was written.`
        : `No claim${whose} can be sent: ${heldBack.length === 1 ? "the only one has" : `all ${heldBack.length} have`} errors to fix first (open a claim to see them). Nothing was written.`;
    return { ok: false, error, heldBack };
  }
  await onStage("writing");
  const envelope = envelopeFrom(books);
  const built = build837p(claims, { ...envelope, now: request.now });
  if (!built.ok) {
    const hints = [
      envelope.sender.id.trim() === "" ? settingHint(books, SUBMITTER_SETTING) : undefined,
      envelope.receiver.id.trim() === "" ? settingHint(books, RECEIVER_SETTING) : undefined,
    ].filter((h): h is string => h !== undefined);
    return { ok: false, error: [built.error, ...hints].join(" "), heldBack };
  }
  const file: ExportedFile = { name: claimFileName(request.payerId, built.control), text: built.text, control: built.control };
  let plan: WritePlan;
  try {
    plan = exportPlan(claims, books, file, request.today);
  } catch (error) {
    if (error instanceof ExportRefused) return { ok: false, error: `The 837P file was not created: ${error.message}`, heldBack };
    throw error;
  }
  const applied = await applyPlan(workbook, plan, request.now);
  await onStage("done");
  const total = claims.reduce((sum, claim) => sum + claim.total, 0);
  const outcome: ExportOutcome = { file, claims, total, heldBack, notes: built.notes, applied };
  if (request.payerId !== undefined) outcome.payerId = request.payerId;
  return { ok: true, outcome };
}

export interface FormsOutcome {
  /** The sheets the forms are on ("Claim CLM1", "Claim forms 2026-06-30"; a big batch continues on "… (2)"). */
  sheets: string[];
  claimIds: string[];
  /** Asked for but no longer among the claims not yet billed (billed or removed since the list was read). */
  missing: string[];
  applied: AppliedPlan;
}

export type FormsRun = { ok: true; outcome: FormsOutcome } | { ok: false; error: string };

/** The sheets a plan writes. */
function sheetsOf(plan: WritePlan): string[] {
  return plan.ops.flatMap((op) => (op.kind === "reportSheet" ? [op.sheet] : []));
}

/**
 * Write the printable claim form sheet for these claims, read again from the workbook so the form
 * shows it as it is now (one claim: its own sheet; several: one sheet, a page each).
 */
export async function printClaimForms(
  workbook: Workbook,
  request: { claimIds: string[]; today: IsoDate; now?: Date },
  onStage: (stage: ClaimsStage) => Promise<void> | void = () => {},
): Promise<FormsRun> {
  await onStage("reading");
  const books = await readClaimBooks(workbook, { unbilledOnly: true });
  const byId = new Map(books.claims.map((claim) => [claim.claimId, claim]));
  const claims = request.claimIds.map((id) => byId.get(id)).filter((claim): claim is Claim => claim !== undefined);
  const missing = request.claimIds.filter((id) => !byId.has(id));
  if (claims.length === 0) {
    return {
      ok: false,
      error:
        request.claimIds.length === 0
          ? "There is no claim to print. Nothing was written."
          : `${request.claimIds.length === 1 ? `Claim ${request.claimIds[0]} is` : "These claims are"} no longer among the claims to bill (billed, or changed since the list was read): click Refresh. Nothing was written.`,
    };
  }
  await onStage("writing");
  const plan = claimFormPlan(claims, { today: request.today, dateSystem: books.dateSystem });
  const applied = await applyPlan(workbook, plan, request.now);
  await onStage("done");
  return { ok: true, outcome: { sheets: sheetsOf(plan), claimIds: claims.map((c) => c.claimId), missing, applied } };
}
