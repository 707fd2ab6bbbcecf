// `medbill claims export book.xlsx --out claims.837`: the same scrub as `claims scrub`, then the 837P
// of the claims without errors (of one payer with --payer, or of all), written to --out (an existing
// file only with --force), and the export plan applied (Billed Date on the claims' lines, the
// Practice's last interchange control number, the Audit row) and the workbook saved. The plan is
// applied to the opened workbook before the file is written, so a plan the workbook refuses writes
// nothing at all; the workbook is saved after the file, and a save that fails says to delete the
// file. Claims with errors are listed and never written. Exit 1 when nothing could be exported (none
// ready, or the file refused in words: a blank Submitter ID...).
//
// With --secondary: the claims due to the patients' secondary payers (claimsDueToSecondary: the
// primary answered every line and left the patient something no other payer has paid, and the claim
// was neither billed to the secondary nor crossed over), each built as a secondary claim with the
// primary's answer (refused in words when a line's postings do not add up), scrubbed, and written to
// one 837P, a transaction per secondary payer (--payer: that secondary only). Charges' Billed Date is
// left alone: a ClaimStatus "Billed" row with Sequence "Secondary" marks each claim billed to it.
//
// With --tertiary (not with --secondary): the same for the claims due to the patients' tertiary
// payers (claimsDueToTertiary: the primary answered every line, the secondary answered, something is
// still left to the patient, and the claim was neither billed to the tertiary nor crossed over by the
// secondary), each carrying both prior payers' answers; ClaimStatus rows with Sequence "Tertiary".
import path from "node:path";
import { build837p } from "../claims/837pWriter";
import { envelopeFrom, exportPlan, exportRefusals } from "../claims/exportPlan";
import type { Claim } from "../claims/model";
import { describeProblem } from "../claims/scrubber";
import type { SecondaryDue } from "../claims/secondary";
import { readSecondaryBatch, type LaterSequence } from "../claims/secondaryBatch";
import type { TertiaryDue } from "../claims/tertiary";
import { todayIso, type IsoDate } from "../dates";
import { formatMoney, sumCents } from "../money";
import { applyPlan, type WritePlan } from "../workbook/plan";
import { PlanRejected } from "../workbook/port";
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
    secondary: { type: "boolean" },
    tertiary: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "claims export");
  if (values.secondary === true && values.tertiary === true)
    throw new UsageError("Choose --secondary or --tertiary, not both: a file holds the claims of one of them; run the export twice.");
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
  if (values.secondary === true || values.tertiary === true) {
    const sequence: LaterSequence = values.tertiary === true ? "Tertiary" : "Secondary";
    return exportSecondary(
      workbook,
      { bookPath, outPath, payerId, today, dryRun, force: values.force === true, all: values.all === true, sequence },
      io,
    );
  }
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

  const failed = await applyAndSave(workbook, plan, built.text, { bookPath, outPath, force: values.force === true }, io);
  if (failed !== undefined) return failed;
  io.out(
    `Wrote ${outPath}: ${count(ready.length, "claim")} for ${payers}, interchange control number ${isa13}. ` +
      `Marked ${count(
        ready.reduce((n, c) => n + c.lines.length, 0),
        "line",
      )} billed on ${today}. Saved ${bookPath}.`,
  );
  return EXIT_OK;
}

/**
 * The plan applied to the opened workbook, then the file written, then the workbook saved: an exit
 * code when one of them fails (said in words), undefined when all three were done.
 */
async function applyAndSave(
  workbook: XlsxWorkbook,
  plan: WritePlan,
  text: string,
  where: { bookPath: string; outPath: string; force: boolean },
  io: CliIo,
): Promise<number | undefined> {
  const { bookPath, outPath } = where;
  try {
    await applyPlan(workbook, plan);
  } catch (error) {
    if (!(error instanceof PlanRejected)) throw error;
    io.err(`The workbook refused the export: ${error.message}`);
    io.err("Nothing was written.");
    return EXIT_PROBLEMS;
  }
  try {
    await io.writeFile(outPath, new TextEncoder().encode(text), { overwrite: where.force });
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
  return undefined;
}

interface SecondaryRun {
  bookPath: string;
  outPath: string;
  payerId?: string;
  today: IsoDate;
  dryRun: boolean;
  force: boolean;
  all: boolean;
  /** Which later payer the claims go to. */
  sequence: LaterSequence;
}

/** Problem lines shown under the claims unless --all. */
const SECONDARY_PROBLEMS_SHOWN = 100;

/**
 * `claims export --secondary` (`--tertiary`): the claims due to a secondary (tertiary), built, scrubbed,
 * written and recorded in ClaimStatus.
 */
async function exportSecondary(workbook: XlsxWorkbook, run: SecondaryRun, io: CliIo): Promise<number> {
  const { bookPath, outPath, payerId, today, sequence } = run;
  const later = sequence.toLowerCase();
  const tertiary = sequence === "Tertiary";
  const { books, entries, ready, report } = await readSecondaryBatch(workbook, { today, payerId, sequence });

  io.out(
    `${sequence} claims from ${bookPath} as of ${today}: ${payerId === undefined ? `all ${later} payers` : `${later} payer ${payerId}`}`,
  );
  for (const issue of books.tableIssues) io.out(`Table problem: ${issue}`);
  io.out("");
  if (entries.length === 0) {
    io.out(
      payerId !== undefined
        ? `Nothing to export: no claim is due to ${later} payer ${payerId}.`
        : tertiary
          ? "Nothing to export: no claim is due to a tertiary payer (the primary or the secondary has not answered, nothing is left to the patient after the secondary, or it was already billed to the tertiary or crossed over by the secondary)."
          : "Nothing to export: no claim is due to a secondary payer (the primary has not answered, nothing is left to the patient, or it was already billed to the secondary or crossed over).",
    );
    return EXIT_PROBLEMS;
  }

  let shown = 0;
  for (const entry of entries) {
    const status = entry.status === "warnings" ? "warnings only" : entry.status;
    io.out("tertiaryPayerId" in entry.due ? tertiaryLine(entry.due, status) : secondaryLine(entry.due, status));
    const problems = entry.refused
      ? entry.refused.map((p) => `    refused  ${p}`)
      : entry.result!.problems.map((p) => `    ${p.severity.padEnd(8)} ${describeProblem(p)}`);
    for (const line of problems) {
      if (!run.all && shown >= SECONDARY_PROBLEMS_SHOWN) break;
      io.out(line);
      shown++;
    }
  }
  const due = entries.map((e) => e.due);
  const total = entries.reduce((n, e) => n + (e.claim ? e.claim.lines.length : 0), 0);
  if (!run.all && shown >= SECONDARY_PROBLEMS_SHOWN && total > 0)
    io.out(`(the first ${SECONDARY_PROBLEMS_SHOWN} problems shown: --all shows every one)`);
  if (report.rulesOff.length > 0) io.out(`Scrub rules off: ${report.rulesOff.join(", ")}`);
  for (const note of report.notes) io.out(`Note: ${note}`);
  const left = (list: Claim[]) => sumCents(list.map((c) => due.find((d) => d.claim.claimId === c.claimId)!.left));
  io.out("");
  io.out(
    `Ready: ${count(ready.length, `${later} claim`)} (${formatMoney(left(ready))} left after the ${tertiary ? "secondary" : "primary"}); ` +
      `held back, not written: ${count(due.length - ready.length, "claim")}.`,
  );
  if (ready.length === 0) {
    io.out("Nothing to export: fix the problems above and run the export again.");
    return EXIT_PROBLEMS;
  }

  const file = build837p(ready, { ...envelopeFrom(books), now: new Date() });
  const refused = file.ok ? exportRefusals(ready, books, { sequence }) : file.problems;
  if (!file.ok || refused.length > 0) {
    io.err("The 837P file was not written:");
    for (const problem of refused) io.err(`  ${problem}`);
    io.err("Nothing was written.");
    return EXIT_PROBLEMS;
  }
  const plan = exportPlan(ready, books, { name: path.basename(outPath), text: file.text, control: file.control }, today, { sequence });
  const isa13 = String(file.control.interchange).padStart(9, "0");
  const to = file.transactions.map((t) => `${t.payerId} (${count(t.claims, "claim")}, ${formatMoney(t.total)})`).join(", ");
  for (const note of file.notes) io.out(`Note: ${note}`);
  if (run.dryRun) {
    io.out(
      `Dry run: nothing written. ${outPath} would hold ${count(ready.length, `${later} claim`)} for ${to}, ` +
        `interchange control number ${isa13}; ClaimStatus would record them billed to the ${later} on ${today}.`,
    );
    return EXIT_OK;
  }
  const failed = await applyAndSave(workbook, plan, file.text, { bookPath, outPath, force: run.force }, io);
  if (failed !== undefined) return failed;
  io.out(
    `Wrote ${outPath}: ${count(ready.length, `${later} claim`)} for ${to}, interchange control number ${isa13}. ` +
      `Recorded them in ClaimStatus as billed to the ${later} on ${today}. Saved ${bookPath}.`,
  );
  return EXIT_OK;
}

/** One due claim: its id, the secondary, the primary, the patient's id, lines and amounts, and its status. */
function secondaryLine(d: SecondaryDue, status: string): string {
  const c = d.claim;
  return [
    c.claimId,
    d.secondaryPayerId,
    `primary ${c.payer.payerId}`,
    `patient ${c.patient.patientId}`,
    count(c.lines.length, "line"),
    `charge ${formatMoney(d.charge)}`,
    `primary paid ${formatMoney(d.primaryPaid)}`,
    `patient resp ${formatMoney(d.patientResp)}`,
    `left ${formatMoney(d.left)}`,
    status,
  ].join("  ");
}

/** One claim due to a tertiary: its id, the tertiary, the two prior payers, the patient's id, lines and amounts, and its status. */
function tertiaryLine(d: TertiaryDue, status: string): string {
  const c = d.claim;
  return [
    c.claimId,
    d.tertiaryPayerId,
    `primary ${c.payer.payerId}`,
    `secondary ${d.secondaryPayerId}`,
    `patient ${c.patient.patientId}`,
    count(c.lines.length, "line"),
    `charge ${formatMoney(d.charge)}`,
    `primary paid ${formatMoney(d.primaryPaid)}`,
    `secondary paid ${formatMoney(d.secondaryPaid)}`,
    `left ${formatMoney(d.left)}`,
    status,
  ].join("  ");
}
