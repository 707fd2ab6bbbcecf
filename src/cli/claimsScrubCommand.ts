// `medbill claims scrub book.xlsx`: the Claims panel's scrub from a terminal. Builds the claims not
// yet billed (readClaimBooks), checks them the way a clearinghouse will (claimsScrubReport.ts), and
// prints each claim's status and problems with where to fix them (table, row, column), the rules the
// practice turned off, what could not be checked, and a summary. --claim scrubs only the claims named
// (billed ones too, each as of its billed date). Exit 1 when a claim has errors (or cannot even be
// built, or the workbook's claim tables have problems), 0 otherwise.
import type { ScrubProblem } from "../claims/model";
import { statusOf } from "../claims/scrubber";
import { todayIso } from "../dates";
import { formatMoney, sumCents } from "../money";
import {
  count,
  dateOption,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  oneWorkbook,
  readArguments,
  UsageError,
  type CliIo,
} from "./commandLine";
import { claimLines, headerLines, scrubBook, type ClaimRow } from "./claimsScrubReport";
import { openWorkbook } from "./workbookFile";

export async function runClaimsScrub(args: string[], io: CliIo): Promise<number> {
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
