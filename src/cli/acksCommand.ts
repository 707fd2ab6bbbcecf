// `medbill acks import book.xlsx FILE... [--dry-run]`: the clearinghouse's 999s and the payers' 277CAs
// from a terminal (src/acks/acksPlan.ts). Every file is read first: one that does not read is named
// with the reason and nothing is written (exit 2, as for a file that cannot be opened). Then prints,
// per file, its counts and each rejected claim with the reason, and what could not be tied to the
// workbook; writes the ClaimStatus rows with one Audit row and saves the workbook, unless --dry-run.
// Exit 1 when a claim was rejected or something was not matched, so a batch script notices.
// Claims are named by ClaimID only, never by patient.
import { acksPlan, readAckBooks, readAckFile, type AckFile, type AckFileOutcome } from "../acks/acksPlan";
import { count, describeFileError, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, readArguments, UsageError, type CliIo } from "./commandLine";
import { applyAndSave, openWorkbook } from "./workbookFile";

/** `medbill acks <subcommand> ...`. */
export async function runAcks([subcommand, ...rest]: string[], io: CliIo): Promise<number> {
  switch (subcommand) {
    case "import":
      return runAcksImport(rest, io);
    case undefined:
      throw new UsageError("Say what to do with the acknowledgements: medbill acks import book.xlsx FILE.999 FILE.277");
    default:
      throw new UsageError(`medbill acks has no command "${subcommand}": use import.`);
  }
}

async function runAcksImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, { "dry-run": { type: "boolean" } });
  if (positionals.length < 2) {
    throw new UsageError("Name the workbook and at least one 999 or 277CA file: medbill acks import book.xlsx FILE.999");
  }
  const [bookPath, ...filePaths] = positionals;
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;

  const files: AckFile[] = [];
  let unreadable = false;
  for (const path of filePaths) {
    const name = path.split(/[\\/]/).pop() ?? path;
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(path);
    } catch (error) {
      io.err(describeFileError("open", path, error));
      unreadable = true;
      continue;
    }
    const read = readAckFile(name, bytes);
    if (!read.ok) {
      io.err(`${name} was not read: ${read.error}`);
      unreadable = true;
      continue;
    }
    files.push(read.file);
  }
  if (unreadable) {
    io.err("Nothing was written.");
    return EXIT_CANNOT_RUN;
  }

  const planned = acksPlan(files, await readAckBooks(workbook));
  if (!planned.ok) {
    io.err(`Nothing was written: ${planned.error}`);
    return EXIT_PROBLEMS;
  }
  planned.files.forEach((outcome, i) => {
    if (i > 0) io.out("");
    for (const line of outcomeLines(outcome)) io.out(line);
  });
  io.out("");
  const troubled = planned.files.some((f) => f.rejected > 0 || f.notMatched.length > 0);
  const exit = troubled ? EXIT_PROBLEMS : EXIT_OK;
  if (!planned.plan) {
    io.out("Nothing new to record: every answer in the files is already in ClaimStatus, or none could be tied to a claim.");
    return exit;
  }
  const adds = count(planned.rows.length, "ClaimStatus row");
  if (values["dry-run"] === true) {
    io.out(`Dry run: nothing written. The import would add ${adds}.`);
    return exit;
  }
  const failed = await applyAndSave(workbook, [planned.plan], bookPath, io, "The workbook refused the acknowledgements");
  if (failed !== undefined) return failed;
  io.out(`Added ${adds}. Saved ${bookPath}.`);
  return exit;
}

/** One file as printed: its counts, each rejected claim with the reason, what was not matched, warnings. */
export function outcomeLines(o: AckFileOutcome): string[] {
  const what = o.kind === "999" ? "999 (clearinghouse)" : "277CA (payer)";
  const dated = o.dates.length > 0 ? `, dated ${o.dates.join(", ")}` : "";
  const out = [
    `${what} file ${o.name}${o.isaControl ? ` (ISA13 ${o.isaControl})` : ""}${dated}: ` +
      `${o.accepted} accepted, ${o.rejected} rejected, ${o.notMatched.length} not matched` +
      (o.alreadyRecorded > 0
        ? `, ${o.alreadyRecorded} already recorded (nothing added for ${o.alreadyRecorded === 1 ? "it" : "them"})`
        : ""),
  ];
  const rejected = o.answers.filter((a) => a.event === "Rejected" && !a.alreadyRecorded);
  if (rejected.length > 0) {
    out.push("  Rejected:");
    for (const a of rejected) out.push(`    claim ${a.claimId}${a.payerId ? ` (payer ${a.payerId})` : ""}: ${a.reason}`);
  }
  if (o.notMatched.length > 0) {
    out.push("  Not matched:");
    for (const sentence of o.notMatched) out.push(`    ${sentence}`);
  }
  if (o.warnings.length > 0) {
    out.push(`  Warnings: ${o.warnings.length}`);
    for (const w of o.warnings) out.push(`    ${w}`);
  }
  return out;
}
