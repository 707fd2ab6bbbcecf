// `medbill claims scrub|export book.xlsx`: the Claims panel from a terminal (issue 8).
//
// scrub: builds the claims not yet billed (readClaimBooks), checks them with the workbook's code sets
// the way a clearinghouse will (scrubClaims; the claims already billed take part in the duplicate-line
// check only), and prints each claim's status and problems with where to fix them (table, row,
// column), the rules the practice turned off, what could not be checked, and a summary. --claim
// scrubs only the claims named (billed ones too). Exit 1 when a claim has errors (or cannot even be
// built, or the workbook's claim tables have problems), 0 otherwise.
//
// export: the same scrub, then the 837P of the claims without errors (of one payer with --payer, or
// of all), written to --out (an existing file only with --force), and the export plan applied (Billed
// Date on the claims' lines, the Practice's last interchange control number, the Audit row) and the
// workbook saved. The plan is applied to the opened workbook before the file is written, so a plan
// the workbook refuses writes nothing at all; the workbook is saved after the file, and a save that
// fails says to delete the file. Claims with errors are listed and never written. Exit 1 when nothing
// could be exported (none ready, or the file refused in words: a blank Submitter ID...).
//
// The terminal shows claim ids, patient and payer ids, rows and amounts: never a patient's name, date
// of birth or member ID (the scrubber's messages carry none either).
import path from "node:path";
import { build837p } from "../claims/837p";
import { readClaimBooks, type ClaimBooks } from "../claims/claimBooks";
import { envelopeFrom, exportPlan, exportRefusals } from "../claims/exportPlan";
import type { Claim, ScrubProblem } from "../claims/model";
import { problemPlaces } from "../claims/problemPlaces";
import { scrubClaims, statusOf, type ScrubReport, type ScrubResult } from "../claims/scrubber";
import { loadCodeSets } from "../codes/codeSetStore";
import { todayIso, type IsoDate } from "../dates";
import { formatMoney, sumCents } from "../money";
import { describeIssue } from "../workbook/mapTable";
import { applyPlan } from "../workbook/plan";
import { PlanRejected } from "../workbook/port";
import { Practice } from "../workbook/tables";
import type { XlsxWorkbook } from "../workbook/xlsxWorkbook";
import {
  count,
  dateOption,
  describeFileError,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  oneWorkbook,
  readArguments,
  UsageError,
  type CliIo,
} from "./commandLine";
import { openWorkbook } from "./workbookFile";

/** Problem lines shown unless --all: enough to see the pattern, not a flood. */
const PROBLEMS_SHOWN = 100;

/** `medbill claims <subcommand> ...`. */
export async function runClaims([subcommand, ...rest]: string[], io: CliIo): Promise<number> {
  switch (subcommand) {
    case "scrub":
      return runClaimsScrub(rest, io);
    case "export":
      return runClaimsExport(rest, io);
    case undefined:
      throw new UsageError(
        "Say what to do with the claims: medbill claims scrub book.xlsx, or medbill claims export book.xlsx --out claims.837",
      );
    default:
      throw new UsageError(`medbill claims has no command "${subcommand}": use scrub or export.`);
  }
}

// ---- scrub ------------------------------------------------------------------------------------------

async function runClaimsScrub(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    claim: { type: "string", multiple: true },
    date: { type: "string" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "claims scrub");
  const today = dateOption(values.date, "--date") ?? todayIso();
  const asked = values.claim === undefined ? undefined : idList(values.claim, "--claim", "a ClaimID (the Charges table's ClaimID)");
  const wanted = asked && new Set(asked.map((id) => id.toLowerCase()));

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const scrub = await scrubBook(workbook, today, wanted);
  const { books } = scrub;

  // The claims to show: every unbilled one, or the ones asked for (billed or not).
  let shown: ClaimRow[];
  let buildProblems = books.problems;
  if (asked && wanted) {
    shown = scrub.rows.filter((r) => wanted.has(r.claim.claimId.toLowerCase()));
    buildProblems = books.problems.filter((p) => wanted.has(p.claimId.toLowerCase()));
    const found = new Set([...shown.map((r) => r.claim.claimId), ...buildProblems.map((p) => p.claimId)].map((id) => id.toLowerCase()));
    const missing = asked.filter((id) => !found.has(id.toLowerCase()));
    if (missing.length > 0) {
      io.err(
        `No claim ${missing.join(", ")} to scrub: ${missing.length === 1 ? "it is" : "they are"} not in Charges, or self-pay (no claim is sent for those).`,
      );
      return EXIT_CANNOT_RUN;
    }
  } else shown = scrub.rows.filter((r) => !r.billed);

  const { skipped } = books;
  io.out(
    asked
      ? `Claims in ${bookPath} scrubbed as of ${today}: ${asked.join(", ")}`
      : `Claims in ${bookPath} scrubbed as of ${today}: ${count(shown.length + new Set(buildProblems.map((p) => p.claimId)).size, "unbilled claim")} ` +
          `(${count(skipped.billed, "claim")} already billed and ${count(skipped.selfPay, "self-pay claim")} left out)`,
  );
  for (const line of headerLines(scrub, books)) io.out(line);
  io.out("");
  for (const line of claimLines(shown, buildProblems, scrub, values.all === true)) io.out(line);

  const statuses = tally(shown, buildProblems);
  io.out("");
  io.out(
    `Summary: ${count(statuses.claims, "claim")}: ${statuses.ready} ready, ${statuses.warnings} with warnings only, ${statuses.errors} with errors` +
      `${statuses.claims > 0 ? `; ${count(statuses.sendable, "claim")} (${formatMoney(statuses.sendableTotal)}) can be sent` : ""}.`,
  );
  return statuses.errors > 0 || books.tableIssues.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

// ---- export -----------------------------------------------------------------------------------------

async function runClaimsExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    payer: { type: "string" },
    out: { type: "string" },
    date: { type: "string" },
    force: { type: "boolean" },
    "dry-run": { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "claims export");
  if (values.out === undefined || values.out.trim() === "") throw new UsageError("Say where to write the 837P file: --out claims.837");
  const outPath = values.out;
  if (path.resolve(outPath) === path.resolve(bookPath)) throw new UsageError("--out must name a file other than the workbook.");
  if (values.payer !== undefined && values.payer.trim() === "")
    throw new UsageError("--payer needs a payer id (the Payers table's PayerID).");
  const payerId = values.payer?.trim();
  const today = dateOption(values.date, "--date") ?? todayIso();
  const dryRun = values["dry-run"] === true;

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const scrub = await scrubBook(workbook, today);
  const { books } = scrub;
  const ofPayer = (id: string) => payerId === undefined || id.toLowerCase() === payerId.toLowerCase();
  const shown = scrub.rows.filter((r) => !r.billed && ofPayer(r.claim.payer.payerId));
  const payerOfClaim = new Map<string, Set<string>>();
  for (const row of books.charges) {
    const payers = payerOfClaim.get(row.claimId) ?? new Set<string>();
    payers.add(row.payerId);
    payerOfClaim.set(row.claimId, payers);
  }
  const buildProblems = books.problems.filter((p) => payerId === undefined || [...(payerOfClaim.get(p.claimId) ?? [])].some(ofPayer));

  // The payer as the Payers table spells it, when a claim has it.
  const payer = shown[0]?.claim.payer.payerId ?? payerId;
  io.out(`Claims export from ${bookPath} as of ${today}: ${payer === undefined ? "all payers" : `payer ${payer}`}`);
  for (const line of headerLines(scrub, books)) io.out(line);
  io.out("");
  if (shown.length === 0 && buildProblems.length === 0) {
    io.out(
      payerId === undefined
        ? `Nothing to export: there is no unbilled claim (${count(books.skipped.billed, "claim")} already billed).`
        : `Nothing to export: payer ${payer} has no unbilled claim.`,
    );
    return EXIT_PROBLEMS;
  }
  for (const line of claimLines(shown, buildProblems, scrub, values.all === true)) io.out(line);

  const ready = shown.filter((r) => r.result.status !== "errors").map((r) => r.claim);
  const held = shown.length - ready.length + new Set(buildProblems.map((p) => p.claimId)).size;
  io.out("");
  io.out(
    `Ready: ${count(ready.length, "claim")} (${formatMoney(sumCents(ready.map((c) => c.total)))}); ` +
      `held back with errors, not written: ${count(held, "claim")}.`,
  );
  if (ready.length === 0) {
    io.out("Nothing to export: fix the errors above and run the export again.");
    return EXIT_PROBLEMS;
  }

  // The file and the plan, both checked before anything is written.
  const built = build837p(ready, { ...envelopeFrom(books), now: new Date() });
  const refused = built.ok ? exportRefusals(ready, books) : built.problems;
  if (!built.ok || refused.length > 0) {
    io.err("The 837P file was not written:");
    for (const problem of refused) io.err(`  ${problem}`);
    io.err("Nothing was written.");
    return EXIT_PROBLEMS;
  }
  const fileName = path.basename(outPath);
  const plan = exportPlan(ready, books, { name: fileName, text: built.text, control: built.control }, today);
  const isa13 = String(built.control.interchange).padStart(9, "0");
  const payers = built.transactions.map((t) => `${t.payerId} (${count(t.claims, "claim")}, ${formatMoney(t.total)})`).join(", ");
  for (const note of built.notes) io.out(`Note: ${note}`);
  if (dryRun) {
    io.out(
      `Dry run: nothing written. ${outPath} would hold ${count(ready.length, "claim")} for ${payers}, ` +
        `interchange control number ${isa13}; their lines would be marked billed on ${today}.`,
    );
    return EXIT_OK;
  }

  try {
    await applyPlan(workbook, plan);
  } catch (error) {
    if (!(error instanceof PlanRejected)) throw error;
    io.err(`The workbook refused the export: ${error.message}`);
    io.err("Nothing was written.");
    return EXIT_PROBLEMS;
  }
  try {
    await io.writeFile(outPath, new TextEncoder().encode(built.text), { overwrite: values.force === true });
  } catch (error) {
    io.err(describeFileError("write", outPath, error));
    io.err("Nothing was written: the claims are not marked billed.");
    return EXIT_CANNOT_RUN;
  }
  try {
    await io.writeFile(bookPath, await workbook.save(), { overwrite: true });
  } catch (error) {
    io.err(describeFileError("write", bookPath, error));
    io.err(`${outPath} was written, but its claims were not marked billed: delete it (do not send it) and run the export again.`);
    return EXIT_CANNOT_RUN;
  }
  io.out(
    `Wrote ${outPath}: ${count(ready.length, "claim")} for ${payers}, interchange control number ${isa13}. ` +
      `Marked ${count(
        ready.reduce((n, c) => n + c.lines.length, 0),
        "line",
      )} billed on ${today}. Saved ${bookPath}.`,
  );
  return EXIT_OK;
}

// ---- shared by scrub and export ---------------------------------------------------------------------

interface ClaimRow {
  claim: Claim;
  result: ScrubResult;
  billed: boolean;
}

interface BookScrub {
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
async function scrubBook(workbook: XlsxWorkbook, today: IsoDate, billedAsked?: Set<string>): Promise<BookScrub> {
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
function headerLines(scrub: BookScrub, books: ClaimBooks): string[] {
  const { report } = scrub;
  const out = [
    report.rulesOff.length === 0
      ? "Scrub rules off: none"
      : `Scrub rules off (Practice, Scrub Rules Off): ${report.rulesOff.join(", ")}: these checks were not made`,
  ];
  for (const why of report.rulesNotOff) out.push(`  ${why}`);
  const notes = [...report.notes, ...scrub.codeSetIssues.map((issue) => `code set problem: ${issue}`)];
  if (notes.length > 0) out.push("Not checked:", ...notes.map((n) => `  ${n}`));
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
function claimLines(rows: ClaimRow[], buildProblems: ScrubProblem[], scrub: BookScrub, all: boolean): string[] {
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

/** How many claims are ready, have warnings only or errors (a claim that cannot be built has errors), and what can be sent. */
function tally(rows: ClaimRow[], buildProblems: ScrubProblem[]) {
  const unbuilt = new Set(buildProblems.map((p) => p.claimId)).size;
  const statuses = rows.map((r) => statusOf(r.result.problems));
  // A claim already billed (--claim) is not sent again.
  const sendable = rows.filter((r, i) => !r.billed && statuses[i] !== "errors");
  return {
    claims: rows.length + unbuilt,
    ready: statuses.filter((s) => s === "ready").length,
    warnings: statuses.filter((s) => s === "warnings").length,
    errors: statuses.filter((s) => s === "errors").length + unbuilt,
    sendable: sendable.length,
    sendableTotal: sumCents(sendable.map((r) => r.claim.total)),
  };
}

/** "A,B" and repeated options as one list of ids; a blank one is a usage error. */
function idList(values: string[], option: string, what: string): string[] {
  const ids = values.flatMap((v) => v.split(",")).map((v) => v.trim());
  if (ids.some((id) => id === "")) throw new UsageError(`${option} needs ${what}.`);
  return [...new Set(ids)];
}
