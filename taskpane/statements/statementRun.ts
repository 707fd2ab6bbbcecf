// What the Statements panel does, apart from React so it can be tested in Node: preview a job
// (who gets what, the total, the accounts left out and why; nothing written, no number taken) and
// issue it. Issuing reads the workbook again and builds the job again first: when the documents are
// not the ones previewed (someone issued statements or posted a payment in between), nothing is
// written and the new preview is handed back, so a number is never issued twice and the biller
// always issues what they saw. Whether the books changed is the one check every writer uses
// (booksSnapshot.ts): the preview keeps the fingerprints of the tables it read, and a table that
// differs is named in the refusal. Then one plan: issuePlan (the sheet and one Statements row per
// document) or, for a re-print, reprintPlan (the sheet only, same number), with its Audit row.
// Each stage is announced first so the progress bar moves before the slow part.
import type { IsoDate } from "../../src/dates";
import type { Cents } from "../../src/money";
import { nextNumbers, reprint, statementBatch } from "../../src/statements/batch";
import type { StatementDocument } from "../../src/statements/model";
import { invoiceFor } from "../../src/statements/statement";
import { STATEMENT_TABLES, statementBooks, type StatementBooks } from "../../src/statements/statementBooks";
import { booksSnapshot, changedTables, staleMessage, type BooksSnapshot } from "../../src/workbook/booksSnapshot";
import { issuePlan, reprintPlan } from "../../src/statements/statementPlan";
import { applyPlan, type AppliedPlan, type WritePlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import type { StatementField, StatementRequest } from "./statementForm";

export type StatementStage = "reading" | "building" | "writing" | "refreshing" | "pdf";

/** Where the progress bar stands when a stage starts (0..1). */
export const STAGE_PROGRESS: Record<StatementStage, number> = { reading: 0.05, building: 0.4, writing: 0.6, refreshing: 0.85, pdf: 0.5 };

/** What the progress bar says during a stage. */
export function stageLabel(stage: StatementStage): string {
  if (stage === "reading") return "Reading the workbook…";
  if (stage === "building") return "Building the statements…";
  if (stage === "writing") return "Writing the statement sheet and the Statements rows…";
  if (stage === "refreshing") return "Reading the workbook again…";
  return "Making the PDF…";
}

/** What a job would issue: nothing is written and no number is taken until it is issued. */
export interface StatementPreview {
  request: StatementRequest;
  /** Numbered as they would be issued (a re-print keeps its own); empty when there is nothing to issue. */
  documents: StatementDocument[];
  /** Accounts left out, with the engine's reason (batch and one-account jobs). */
  skipped: { account: string; reason: string }[];
  total: Cents;
  pendingInsurance: Cents;
  /** The documents' date (a re-print's own date). */
  date: IsoDate;
  /** Set when there is nothing to issue. */
  nothing: boolean;
  /** The tables it was built on, as read (set by runPreview and by a refused issue's new preview). */
  snapshot?: BooksSnapshot;
}

export type PreviewResult = { ok: true; preview: StatementPreview } | { ok: false; field?: StatementField; error: string };

/** The engine's refusals are plain Errors in a biller's words; a TypeError or RangeError is a bug and is thrown on. */
function isWorded(error: unknown): error is Error {
  return error instanceof Error && !(error instanceof TypeError) && !(error instanceof RangeError);
}

function previewOf(request: StatementRequest, documents: StatementDocument[], skipped: StatementPreview["skipped"], date: IsoDate) {
  // An invoice with no lines that owes nothing is not worth a number (as `medbill statements` says).
  const nothing = documents.length === 0 || (request.job === "invoice" && documents[0].amountDue <= 0 && documents[0].lines.length === 0);
  const shown = nothing ? [] : documents;
  return {
    request,
    documents: shown,
    skipped,
    total: shown.reduce((sum, d) => sum + d.amountDue, 0),
    pendingInsurance: shown.reduce((sum, d) => sum + d.pendingInsurance, 0),
    date,
    nothing,
  };
}

/** Build what the request would issue from books already read. Pure. */
export function previewStatements(books: StatementBooks, request: StatementRequest): PreviewResult {
  if (request.job === "batch" || request.job === "account") {
    const { date, minBalance, cycleDays } = request;
    const run = statementBatch(books, { date, minBalance, cycleDays, accounts: request.job === "account" ? [request.account] : undefined });
    return { ok: true, preview: previewOf(request, run.documents, run.skipped, date) };
  }
  try {
    if (request.job === "invoice") {
      const number = nextNumbers(books.statements, "Invoice", 1)[0];
      const doc = invoiceFor(books, request.payerId, { date: request.date, number });
      return { ok: true, preview: previewOf(request, [doc], [], request.date) };
    }
    const doc = reprint(books, request.number);
    return { ok: true, preview: previewOf(request, [doc], [], doc.date) };
  } catch (error) {
    if (!isWorded(error)) throw error;
    return { ok: false, field: request.job === "invoice" ? "payer" : "number", error: error.message };
  }
}

/** Read the books (one readTables call), announcing the stage first. */
export async function loadStatementBooks(
  workbook: Workbook,
  onStage: (stage: StatementStage) => Promise<void> | void = () => {},
): Promise<StatementBooks> {
  return (await readBooks(workbook, onStage)).books;
}

/** The books and the tables they were read from, for the snapshot. */
async function readBooks(workbook: Workbook, onStage: (stage: StatementStage) => Promise<void> | void) {
  await onStage("reading");
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables(STATEMENT_TABLES);
  return { books: statementBooks(tables, dateSystem), tables };
}

/** The preview with the snapshot of the tables it was built on. */
function withSnapshot(result: PreviewResult, tables: Parameters<typeof booksSnapshot>[0]): PreviewResult {
  return result.ok ? { ok: true, preview: { ...result.preview, snapshot: booksSnapshot(tables, STATEMENT_TABLES) } } : result;
}

/** Read the workbook and build the preview: what the Preview button does. */
export async function runPreview(
  workbook: Workbook,
  request: StatementRequest,
  onStage: (stage: StatementStage) => Promise<void> | void = () => {},
): Promise<{ books: StatementBooks; result: PreviewResult }> {
  const { books, tables } = await readBooks(workbook, onStage);
  await onStage("building");
  return { books, result: withSnapshot(previewStatements(books, request), tables) };
}

/** What was issued (or re-printed), for the pane's message and the PDF. */
export interface IssuedRun {
  request: StatementRequest;
  documents: StatementDocument[];
  reprint: boolean;
  /** The sheets written, in order. */
  sheets: string[];
  /** Rows added to the Statements table (0 for a re-print). */
  rows: number;
  plan: WritePlan;
  applied: AppliedPlan;
}

export type IssueResult =
  | { ok: true; issued: IssuedRun }
  /** Nothing was written. `changed` is the preview built again when the workbook changed since the one shown. */
  | { ok: false; error: string; changed?: PreviewResult; books?: StatementBooks };

/** The same documents, figure for figure and number for number. */
function sameDocuments(a: StatementDocument[], b: StatementDocument[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Issue what was previewed: read again, build again, and write only when the documents are the
 * previewed ones. A refusal comes back as `ok: false` with nothing written; a write the workbook
 * refuses throws (PlanRejected and the like), also with nothing written.
 */
export async function issueStatements(
  workbook: Workbook,
  previewed: StatementPreview,
  onStage: (stage: StatementStage) => Promise<void> | void = () => {},
  now?: Date,
): Promise<IssueResult> {
  if (previewed.nothing) return { ok: false, error: "There is nothing to issue: preview again." };
  const { request } = previewed;
  const { books, tables } = await readBooks(workbook, onStage);
  await onStage("building");
  const again = withSnapshot(previewStatements(books, request), tables);
  const changed = previewed.snapshot ? changedTables(previewed.snapshot, tables) : [];
  if (changed.length > 0 || !again.ok || again.preview.nothing || !sameDocuments(again.preview.documents, previewed.documents)) {
    const who = "statements issued or payments posted in between";
    return {
      ok: false,
      error:
        changed.length > 0
          ? staleMessage(changed, "issuing", who)
          : `The workbook changed since the preview (${who}): check the new preview and issue again. Nothing was written.`,
      changed: again,
      books,
    };
  }
  const documents = again.preview.documents;
  const reprinting = request.job === "reprint";
  const info = await workbook.describe();
  const options = { dateSystem: books.dateSystem, info };
  let plan: WritePlan;
  try {
    plan = reprinting ? reprintPlan(documents[0], options) : issuePlan(documents, options);
  } catch (error) {
    if (!isWorded(error)) throw error;
    return { ok: false, error: `${error.message} Nothing was written.`, books };
  }
  await onStage("writing");
  const applied = await applyPlan(workbook, plan, now);
  const sheets = plan.ops.flatMap((op) => (op.kind === "reportSheet" ? [op.sheet] : []));
  const rows = plan.ops.reduce((n, op) => n + (op.kind === "appendRows" ? op.rows.length : 0), 0);
  return { ok: true, issued: { request, documents, reprint: reprinting, sheets, rows, plan, applied } };
}
