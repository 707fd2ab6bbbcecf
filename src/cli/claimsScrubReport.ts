// A workbook's claims scrubbed, and the lines that print them: what `medbill claims scrub` shows and
// what `medbill claims export` shows before it writes. The unbilled claims are scrubbed as one batch
// with the workbook's code sets (the billed ones take part in the duplicate-line check only); each
// claim prints as one line (id, payer, patient id, lines, charges, status) with its problems under
// it and where to fix them (table, row, column); the practice's own problems print once.
//
// The terminal shows claim ids, patient and payer ids, rows and amounts: never a patient's name, date
// of birth or member ID (the scrubber's messages carry none either).
import { readClaimBooks, type ClaimBooks } from "../claims/claimBooks";
import type { Claim, ScrubProblem } from "../claims/model";
import { adjudicatedSentence } from "../claims/payerAnswers";
import { problemPlaces } from "../claims/problemPlaces";
import { scrubClaims, type ScrubReport, type ScrubResult } from "../claims/scrubber";
import { loadCodeSets } from "../codes/codeSetStore";
import type { IsoDate } from "../dates";
import { formatMoney } from "../money";
import { describeIssue } from "../workbook/mapTable";
import { Practice } from "../workbook/tables";
import type { XlsxWorkbook } from "../workbook/xlsxWorkbook";
import { count } from "./commandLine";

/** Problem lines shown unless --all: enough to see the pattern, not a flood. */
const PROBLEMS_SHOWN = 100;

export interface ClaimRow {
  claim: Claim;
  result: ScrubResult;
  billed: boolean;
}

export interface BookScrub {
  books: ClaimBooks;
  report: ScrubReport;
  /** The unbilled claims scrubbed, in Charges order; then the billed ones asked for. */
  rows: ClaimRow[];
  codeSetIssues: string[];
  /** The sheet row of a problem that the scrubber gives without one (Patients, Payers, Practice). */
  rowOf: (problem: ScrubProblem, claim?: Claim) => number | undefined;
}

/**
 * Read the claims and the code sets, and scrub the unbilled claims as a batch (the billed ones come
 * first in the duplicate-line check). With `billedAsked` (--claim) the billed claims named are
 * scrubbed too, each as it was sent: as of its billed date, against the billed claims before it.
 */
export async function scrubBook(workbook: XlsxWorkbook, today: IsoDate, billedAsked?: Set<string>): Promise<BookScrub> {
  const books = await readClaimBooks(workbook, { unbilledOnly: true });
  const library = await loadCodeSets(workbook);
  const options = { library, rulesOff: books.scrubRulesOff, columns: books.columns };
  const report = scrubClaims(books.claims, { ...options, today, earlierClaims: books.billedClaims });
  const rows: ClaimRow[] = books.claims.map((claim, i) => ({ claim, result: report.results[i], billed: false }));
  if (billedAsked) {
    books.billedClaims.forEach((claim, i) => {
      if (!billedAsked.has(claim.claimId.toLowerCase())) return;
      const earlierClaims = books.billedClaims.slice(0, i);
      const [result] = scrubClaims([claim], { ...options, today: claim.billedDate ?? today, earlierClaims }).results;
      rows.push({ claim, result, billed: true });
    });
  }
  const places = problemPlaces(books.tables);
  return {
    books,
    report,
    rows,
    codeSetIssues: library.issues.map(describeIssue),
    rowOf: (problem, claim) => places(problem, claim)?.row,
  };
}

/** What the practice turned off, what was not, what could not be checked, and the tables' problems. */
export function headerLines(scrub: BookScrub, books: ClaimBooks): string[] {
  const { report } = scrub;
  const out = [
    report.rulesOff.length === 0
      ? "Scrub rules off: none"
      : `Scrub rules off (Practice, Scrub Rules Off): ${report.rulesOff.join(", ")}: these checks were not made`,
  ];
  for (const why of report.rulesNotOff) out.push(`  ${why}`);
  const notes = [...report.notes, ...scrub.codeSetIssues.map((issue) => `code set problem: ${issue}`)];
  if (notes.length > 0) out.push("Not checked:", ...notes.map((n) => `  ${n}`));
  if (books.adjudicated.length > 0) out.push(adjudicatedSentence(books.adjudicated));
  if (books.tableIssues.length > 0) {
    out.push(`Workbook problems: ${books.tableIssues.length} (a claim resting on one of these rows may be missing or wrong)`);
    for (const issue of books.tableIssues.slice(0, PROBLEMS_SHOWN)) out.push(`  ${issue}`);
    if (books.tableIssues.length > PROBLEMS_SHOWN) out.push(`  ... and ${books.tableIssues.length - PROBLEMS_SHOWN} more`);
  }
  return out;
}

/**
 * One line per claim (id, payer, patient id, lines, charges, status) with its problems under it;
 * the practice's own problems (the same on every claim) once, before them. Claims that cannot be
 * built come last. Past PROBLEMS_SHOWN problem lines, without --all, the rest are counted.
 */
export function claimLines(rows: ClaimRow[], buildProblems: ScrubProblem[], scrub: BookScrub, all: boolean): string[] {
  const out: string[] = [];
  const practice = new Map<string, ScrubProblem>();
  for (const row of rows) {
    for (const p of row.result.problems) if (p.where.table === Practice.name) practice.set(`${p.rule}\u0001${p.message}`, p);
  }
  if (practice.size > 0) {
    out.push("The practice's settings (on every claim):");
    for (const p of practice.values()) out.push(`  ${problemLine(p, scrub)}`);
    out.push("");
  }

  const unbuilt = new Map<string, ScrubProblem[]>();
  for (const p of buildProblems) unbuilt.set(p.claimId, [...(unbuilt.get(p.claimId) ?? []), p]);
  const cells = [
    ...rows.map((r) => [
      r.claim.claimId,
      r.claim.payer.payerId,
      `patient ${r.claim.patient.patientId}`,
      count(r.claim.lines.length, "line"),
      formatMoney(r.claim.total),
      statusWords(r.result.status, r.billed ? r.claim.billedDate : undefined),
    ]),
    ...[...unbuilt.keys()].map((id) => [id, "", "", "", "", "errors: the claim cannot be built"]),
  ];
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...cells.map((c) => c[i].length)));
  const claimLine = (c: string[]) =>
    c
      .map((text, i) => (i === 4 ? text.padStart(widths[i]) : i < 5 ? text.padEnd(widths[i]) : text))
      .join("  ")
      .replace(/\s+$/, "");

  let printed = 0;
  let hidden = 0;
  let hiddenClaims = 0;
  const problemsOf = (problems: ScrubProblem[], claim?: Claim) => {
    const own = problems.filter((p) => p.where.table !== Practice.name);
    const room = all ? own.length : Math.max(0, PROBLEMS_SHOWN - printed);
    for (const p of own.slice(0, room)) out.push(`    ${problemLine(p, scrub, claim)}`);
    printed += Math.min(room, own.length);
    if (own.length > room) {
      hidden += own.length - room;
      hiddenClaims++;
    }
  };
  rows.forEach((row, i) => {
    out.push(claimLine(cells[i]));
    problemsOf(row.result.problems, row.claim);
  });
  [...unbuilt.values()].forEach((problems, k) => {
    out.push(claimLine(cells[rows.length + k]));
    problemsOf(problems);
  });
  if (hidden > 0) out.push(`  ... and ${count(hidden, "more problem")} on ${count(hiddenClaims, "claim")} (--all shows every one)`);
  if (rows.length === 0 && unbuilt.size === 0) out.push("No claims to scrub.");
  return out;
}

function statusWords(status: ScrubResult["status"], billedDate: IsoDate | undefined): string {
  const words = status === "ready" ? "ready" : status === "warnings" ? "warnings only" : "errors";
  return billedDate ? `${words} (billed ${billedDate}: scrubbed as of that day)` : words;
}

/** "error    Charges row 14, Provider NPI: ...": the severity, where to fix it (with the row found when the scrubber had none), why. */
function problemLine(problem: ScrubProblem, scrub: BookScrub, claim?: Claim): string {
  const { table, column } = problem.where;
  const row = problem.where.row ?? scrub.rowOf(problem, claim);
  return `${problem.severity.padEnd(7)}  ${table}${row === undefined ? "" : ` row ${row}`}, ${column}: ${problem.message}`;
}
