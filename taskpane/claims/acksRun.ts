// The Claims panel's acknowledgement import, apart from React so it can be tested in Node: the 999s
// from the clearinghouse and the 277CAs from payers the biller picked, read into the engine's files
// (src/acks/acksPlan.ts); a preview of what they say against the workbook as last read (per file:
// accepted, rejected and not matched, each rejected claim with its payer and reason, what could not
// be tied to a claim, warnings, answers already recorded); and the write: the plan made again on
// ClaimStatus and Charges as they are at that moment (read again), applied with its Audit row. The
// wording follows `medbill acks import` (src/cli/acksCommand.ts). Claims are named by ClaimID only.
import { acksPlan, readAckBooks, readAckFile, type AckBooks, type AckFile, type AckFileOutcome } from "../../src/acks/acksPlan";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { plural, sentence } from "../billerMessage";

/** The file picker takes these: the names clearinghouses and payers give their files. */
export const ACK_FILE_TYPES = ".999,.277,.x12,.txt,.edi";

/** A picked file as the engine reads it, or why it cannot be read. */
export type AckFileRead = { ok: true; file: AckFile } | { ok: false; problem: string };

/** Read one picked file: a file that is neither a 999 nor a 277CA, or does not read, is said in a sentence. */
export function readPickedAck(name: string, bytes: Uint8Array): AckFileRead {
  const read = readAckFile(name, bytes);
  if (!read.ok) return { ok: false, problem: `${name} was not read. ${sentence(read.error)} Nothing was written.` };
  return { ok: true, file: read.file };
}

/** Read every picked file; the first that does not read refuses them all, so nothing is half-imported. */
export function readPickedAcks(
  picked: { name: string; bytes: Uint8Array }[],
): { ok: true; files: AckFile[] } | { ok: false; problem: string } {
  const files: AckFile[] = [];
  for (const { name, bytes } of picked) {
    const read = readPickedAck(name, bytes);
    if (!read.ok) return read;
    files.push(read.file);
  }
  return { ok: true, files };
}

/** ClaimStatus and Charges, as the preview checks the files against them. */
export function readAckTables(workbook: Workbook): Promise<AckBooks> {
  return readAckBooks(workbook);
}

/** A rejected claim as the preview lists it. */
export interface RejectedClaim {
  claimId: string;
  payerId?: string;
  reason: string;
}

/** One file, as the preview shows it. */
export interface AckFileView {
  name: string;
  /** "2026-03-17.999: 3 accepted, 1 rejected, 0 not matched." */
  headline: string;
  /** Who sent it and its date: "999 from the clearinghouse, dated 2026-03-17". */
  source: string;
  rejected: RejectedClaim[];
  /** Each group or claim that could not be tied to the workbook, in the engine's sentence. */
  notMatched: string[];
  warnings: string[];
}

export type AcksPreview =
  | {
      ok: true;
      files: AckFileView[];
      /** ClaimStatus rows Record would add: none means there is nothing to record. */
      adds: number;
      /** "Nothing is written until you record it." or why there is nothing to record. */
      closing: string;
    }
  | { ok: false; problem: string };

export const NOTHING_NEW = "Nothing new to record: every answer in the files is already in ClaimStatus, or none could be tied to a claim.";

/** What the files would record, checked against the workbook as last read. Nothing is written. */
export function previewAcks(files: AckFile[], books: AckBooks): AcksPreview {
  const planned = acksPlan(files, books);
  if (!planned.ok) return { ok: false, problem: `Nothing can be recorded: ${planned.error}` };
  return {
    ok: true,
    files: planned.files.map(fileView),
    adds: planned.rows.length,
    closing: planned.plan ? "Nothing is written until you record it." : NOTHING_NEW,
  };
}

function fileView(o: AckFileOutcome): AckFileView {
  const already =
    o.alreadyRecorded > 0 ? `, ${o.alreadyRecorded} already recorded (nothing added for ${o.alreadyRecorded === 1 ? "it" : "them"})` : "";
  const from = o.kind === "999" ? "999 from the clearinghouse" : "277CA from the payer";
  const dated = o.dates.length > 0 ? `, dated ${o.dates.join(", ")}` : "";
  const isa = o.isaControl ? ` (ISA13 ${o.isaControl})` : "";
  return {
    name: o.name,
    headline: `${o.name}: ${o.accepted} accepted, ${o.rejected} rejected, ${o.notMatched.length} not matched${already}.`,
    source: `${from}${isa}${dated}`,
    rejected: o.answers
      .filter((a) => a.event === "Rejected" && !a.alreadyRecorded)
      .map((a) => (a.payerId ? { claimId: a.claimId, payerId: a.payerId, reason: a.reason } : { claimId: a.claimId, reason: a.reason })),
    notMatched: o.notMatched,
    warnings: o.warnings,
  };
}

/** A rejected claim in a line: "CL3 (payer SEC): Rejected: segment CLM ...". */
export function rejectedLine(claim: RejectedClaim): string {
  return `${claim.claimId}${claim.payerId ? ` (payer ${claim.payerId})` : ""}: ${claim.reason}`;
}

export type AcksRecorded =
  | {
      ok: true;
      /** Undefined when nothing was new at the time of the write: nothing was written. */
      applied?: AppliedPlan;
      /** ClaimStatus rows added. */
      added: number;
      /** Claims recorded as rejected, to correct and send again. */
      rejected: number;
      message: string;
    }
  | { ok: false; problem: string };

/**
 * Record the files' answers: the plan is made on ClaimStatus and Charges read again now (an answer
 * recorded since the preview is not added twice), and written in one go with its Audit row.
 */
export async function recordAcks(workbook: Workbook, files: AckFile[], now: Date = new Date()): Promise<AcksRecorded> {
  const planned = acksPlan(files, await readAckBooks(workbook));
  if (!planned.ok) return { ok: false, problem: `Nothing was written: ${planned.error}` };
  if (!planned.plan) return { ok: true, added: 0, rejected: 0, message: NOTHING_NEW };
  const applied = await applyPlan(workbook, planned.plan, now);
  const added = planned.rows.length;
  const rejected = planned.rows.filter((r) => r.event === "Rejected").length;
  return { ok: true, applied, added, rejected, message: recordedMessage(added, rejected) };
}

/** "Recorded 4 answers in the ClaimStatus table; the Audit sheet records it." and what to do about rejections. */
export function recordedMessage(added: number, rejected: number): string {
  const done = `Recorded ${plural(added, "answer")} in the ClaimStatus table; the Audit sheet records it.`;
  if (rejected === 0) return done;
  return (
    `${done} ${plural(rejected, "claim was", "claims were")} rejected: ${rejected === 1 ? "it is" : "they are"} back in the list above ` +
    "to correct and send again."
  );
}
