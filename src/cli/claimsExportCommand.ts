// `medbill claims export book.xlsx --out claims.837`: the same scrub as `claims scrub`, then the 837P
// of the claims without errors (of one payer with --payer, or of all), written to --out (an existing
// file only with --force), and the export plan applied (Billed Date on the claims' lines, the
// Practice's last interchange control number, the Audit row) and the workbook saved. The plan is
// applied to the opened workbook before the file is written, so a plan the workbook refuses writes
// nothing at all; the workbook is saved after the file, and a save that fails says to delete the
// file. Claims with errors are listed and never written. Exit 1 when nothing could be exported (none
// ready, or the file refused in words: a blank Submitter ID...).
import path from "node:path";
import { build837p } from "../claims/837pWriter";
import { envelopeFrom, exportPlan, exportRefusals } from "../claims/exportPlan";
import { todayIso } from "../dates";
import { formatMoney, sumCents } from "../money";
import { applyPlan } from "../workbook/plan";
import { PlanRejected } from "../workbook/port";
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
import { claimLines, headerLines, scrubBook } from "./claimsScrubReport";
import { openWorkbook } from "./workbookFile";

export async function runClaimsExport(args: string[], io: CliIo): Promise<number> {
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
