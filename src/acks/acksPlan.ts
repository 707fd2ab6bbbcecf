// What importing acknowledgement files changes in the workbook, as one write plan: for each claim a
// 999 or 277CA answers, a ClaimStatus row "Accepted" or "Rejected" with the file type as Source, the
// file's date (the acceptance date is the office's proof of timely filing) and the reason in words;
// and one Audit row with the files' names and counts, never a patient. A 999 is tied to our claims by
// the group control number (GS06) of the 837P it answers: the claims whose latest "Billed" row carries
// it. A 277CA names each claim by the ClaimID we sent, found in Charges. What cannot be tied is
// reported in a sentence, never an error that stops the rest; an answer already recorded (same claim,
// event, source, control number and date) adds nothing, so importing a file twice is harmless.
import { type DateSystem, type IsoDate } from "../dates";
import { plural } from "../counting";
import { asText } from "../workbook/cells";
import { mapColumns, parseTable } from "../workbook/mapTable";
import { appendOrCreateRows, type WritePlan } from "../workbook/plan";
import type { RawTable, Workbook } from "../workbook/port";
import { Charges, ClaimStatus, type ClaimStatusRow } from "../workbook/tables";
import { readX12 } from "../x12/x12Reader";
import { transactionName } from "./ackEnvelope";
import { groupWords, read999, transactionWords, verdictOf, type Ack999, type AckVerdict, type GroupAck } from "./ack999";
import { claimReason, claimVerdict, read277ca, type Ack277 } from "./ack277";

export type AckSource = "999" | "277CA";

/** An acknowledgement file, read. */
export type AckFile =
  | { name: string; kind: "999"; acks: Ack999[]; isaControl?: string; warnings: string[] }
  | { name: string; kind: "277CA"; acks: Ack277[]; isaControl?: string; warnings: string[] };

/** What the plan needs from the workbook: ClaimStatus as read, and each claim of Charges with its payer. */
export interface AckBooks {
  dateSystem: DateSystem;
  claimStatusTable?: RawTable;
  history: ClaimStatusRow[];
  /** Lower-case ClaimID -> the ClaimID as the workbook spells it and its first line's PayerID. */
  chargeClaims: Map<string, { claimId: string; payerId?: string }>;
  /** Rows of ClaimStatus that do not read (they cannot stop a repeat import from adding a row again). */
  unreadableHistory: number;
}

/** One claim's answer from one file. */
export interface ClaimAnswer {
  claimId: string;
  payerId?: string;
  sequence?: ClaimStatusRow["sequence"];
  event: "Accepted" | "Rejected";
  source: AckSource;
  controlNumber?: string;
  date: IsoDate;
  reason: string;
  /** Already in ClaimStatus (or earlier in this import): nothing is added for it. */
  alreadyRecorded: boolean;
}

export interface AckFileOutcome {
  name: string;
  kind: AckSource;
  isaControl?: string;
  /** The file's date(s), as the rows carry them. */
  dates: IsoDate[];
  answers: ClaimAnswer[];
  /** Each group or claim that could not be tied to the workbook or given a verdict, in a sentence. */
  notMatched: string[];
  warnings: string[];
  accepted: number;
  rejected: number;
  alreadyRecorded: number;
}

export type AcksImport = { ok: true; files: AckFileOutcome[]; rows: ClaimStatusRow[]; plan?: WritePlan } | { ok: false; error: string };

/** The tables the import reads. */
export const ACK_TABLES = [ClaimStatus.name, Charges.name];

/**
 * Reads a file the user picked as a 999 or a 277CA, whichever it is. A file that is neither, or does
 * not read, is refused in a sentence naming the segment and why.
 */
export function readAckFile(name: string, content: Uint8Array | string): { ok: true; file: AckFile } | { ok: false; error: string } {
  const text = typeof content === "string" ? content : new TextDecoder("utf-8").decode(content);
  const first = readX12(text);
  if (!first.ok) return first;
  const setId = first.interchange.transactions[0]?.setId ?? "";
  if (setId === "999") {
    const read = read999(text);
    if (!read.ok) return read;
    for (const ack of read.acks) {
      if (!ack.date) {
        return {
          ok: false,
          error: `The 999 transaction ${ack.control} gives no date (GS04 and ISA09 are blank or not dates), so the answer cannot be dated.`,
        };
      }
    }
    const file: AckFile = { name, kind: "999", acks: read.acks, warnings: read.warnings };
    if (read.isaControl !== undefined) file.isaControl = read.isaControl;
    return { ok: true, file };
  }
  if (setId === "277") {
    const read = read277ca(text);
    if (!read.ok) return read;
    for (const ack of read.acks) {
      if (!ack.date) {
        return {
          ok: false,
          error: `The 277CA transaction ${ack.control} gives no date (BHT04, GS04 and ISA09 are blank or not dates), so the answer cannot be dated.`,
        };
      }
    }
    const file: AckFile = { name, kind: "277CA", acks: read.acks, warnings: read.warnings };
    if (read.isaControl !== undefined) file.isaControl = read.isaControl;
    return { ok: true, file };
  }
  return {
    ok: false,
    error: `This is ${transactionName(setId)}, not a 999 or 277CA acknowledgement: choose the 999 from your clearinghouse or the 277CA from your payer.`,
  };
}

/** ClaimStatus and Charges, read in one readTables call. */
export async function readAckBooks(workbook: Workbook): Promise<AckBooks> {
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables(ACK_TABLES);
  return ackBooksFrom(tables, dateSystem);
}

/** AckBooks from tables already read. */
export function ackBooksFrom(tables: Record<string, RawTable | undefined>, dateSystem: DateSystem): AckBooks {
  const status = tables[ClaimStatus.name];
  const parsed = status ? parseTable(ClaimStatus, status, dateSystem) : undefined;
  const books: AckBooks = {
    dateSystem,
    history: parsed?.rows ?? [],
    chargeClaims: new Map(),
    unreadableHistory: parsed ? new Set(parsed.issues.map((i) => i.row)).size : 0,
  };
  if (status) books.claimStatusTable = status;
  // Only the ClaimID and PayerID of Charges are wanted: read from the cells, so a line with some other
  // problem (a bad code, a blank amount) still counts its claim as in Charges.
  const charges = tables[Charges.name];
  if (charges) {
    const columns = mapColumns(Charges, charges.headers).columns;
    const claimColumn = columns.claimId?.index;
    const payerColumn = columns.payerId?.index;
    if (claimColumn !== undefined) {
      for (const row of charges.rows) {
        const cell = row[claimColumn];
        const claimId = cell === null || cell === undefined ? "" : asText(cell).trim();
        if (!claimId || books.chargeClaims.has(claimId.toLowerCase())) continue;
        const payer = payerColumn === undefined ? null : row[payerColumn];
        const payerId = payer === null || payer === undefined ? "" : asText(payer).trim();
        books.chargeClaims.set(claimId.toLowerCase(), payerId ? { claimId, payerId } : { claimId });
      }
    }
  }
  return books;
}

const keyOf = (claimId: string, event: string, source: string, control: string | undefined, date: IsoDate) =>
  [claimId.toLowerCase(), event.toLowerCase(), source.toLowerCase(), (control ?? "").trim(), date].join("\u0001");

/** Each claim's latest "Billed" row (the last in the table), by lower-case ClaimID, in the table's order of those rows. */
function latestBilled(history: ClaimStatusRow[]): Map<string, ClaimStatusRow> {
  const latest = new Map<string, ClaimStatusRow>();
  for (const row of history) {
    if (row.event !== "Billed") continue;
    // In the order of the latest rows: a claim billed again moves to its new file's place.
    latest.delete(row.claimId.toLowerCase());
    latest.set(row.claimId.toLowerCase(), row);
  }
  return latest;
}

/**
 * The plan for acknowledgement files already read: one ClaimStatus row per claim answered and not yet
 * recorded, and one Audit row. No plan when nothing is new. Refused (ok: false) only when the
 * workbook's ClaimStatus table lacks a column the rows fill.
 */
export function acksPlan(files: AckFile[], books: AckBooks): AcksImport {
  const billed = latestBilled(books.history);
  const byControl = new Map<string, ClaimStatusRow[]>();
  for (const row of billed.values()) {
    const control = (row.controlNumber ?? "").trim();
    if (!control) continue;
    const list = byControl.get(control) ?? [];
    list.push(row);
    byControl.set(control, list);
  }
  const seen = new Set(books.history.map((r) => keyOf(r.claimId, r.event, r.source ?? "", r.controlNumber, r.date)));
  const rows: ClaimStatusRow[] = [];
  const outcomes: AckFileOutcome[] = [];

  for (const file of files) {
    const outcome: AckFileOutcome = {
      name: file.name,
      kind: file.kind,
      dates: [],
      answers: [],
      notMatched: [],
      warnings: [...file.warnings],
      accepted: 0,
      rejected: 0,
      alreadyRecorded: 0,
    };
    if (file.isaControl !== undefined) outcome.isaControl = file.isaControl;
    const answer = (a: Omit<ClaimAnswer, "alreadyRecorded">) => {
      const key = keyOf(a.claimId, a.event, a.source, a.controlNumber, a.date);
      const alreadyRecorded = seen.has(key);
      seen.add(key);
      outcome.answers.push({ ...a, alreadyRecorded });
      if (!outcome.dates.includes(a.date)) outcome.dates.push(a.date);
      if (alreadyRecorded) {
        outcome.alreadyRecorded++;
        return;
      }
      if (a.event === "Accepted") outcome.accepted++;
      else outcome.rejected++;
      const row: ClaimStatusRow = { date: a.date, claimId: a.claimId, event: a.event, source: a.source, reason: a.reason };
      if (a.payerId) row.payerId = a.payerId;
      if (a.sequence) row.sequence = a.sequence;
      if (a.controlNumber) row.controlNumber = a.controlNumber;
      rows.push(row);
    };
    if (file.kind === "999") {
      for (const ack of file.acks) for (const group of ack.groups) tie999Group(group, ack.date!, byControl, outcome, answer);
    } else {
      for (const ack of file.acks) tie277(ack, books, billed, outcome, answer);
    }
    outcomes.push(outcome);
  }

  if (rows.length === 0) return { ok: true, files: outcomes, rows };
  const op = appendOrCreateRows(ClaimStatus, books.claimStatusTable, rows, books.dateSystem);
  if (!op.ok) return { ok: false, error: op.problem };
  return { ok: true, files: outcomes, rows, plan: { action: "Acknowledgements imported", what: auditWhat(outcomes), ops: [op.op] } };
}

/** A 999 group's verdict: AK901, else what its transactions' IK501s add up to. */
function groupVerdict(group: GroupAck): AckVerdict {
  const own = verdictOf(group.status);
  if (own !== "unknown") return own;
  const verdicts = new Set(group.transactions.map((t) => verdictOf(t.status)));
  if (verdicts.size === 1) return [...verdicts][0];
  return verdicts.has("accepted") && verdicts.has("rejected") ? "partly accepted" : "unknown";
}

/** The reason a group's claims carry: its one transaction's words when it held one, else the group's. */
function groupReason(group: GroupAck): string {
  if (group.transactions.length === 1 && group.codes.every((c) => c === "19")) return transactionWords(group.transactions[0]);
  return groupWords(group);
}

/**
 * A 999 group, tied to the claims billed in it. Our 837P puts each payer in its own transaction
 * (ST02 0001, 0002...), but the ClaimStatus "Billed" rows record only the group (GS06), not which
 * transaction each claim went in: so the group is taken as a whole. A group the clearinghouse partly
 * accepted cannot be split between its claims, and is reported for the office to check by hand.
 */
function tie999Group(
  group: GroupAck,
  date: IsoDate,
  byControl: Map<string, ClaimStatusRow[]>,
  outcome: AckFileOutcome,
  answer: (a: Omit<ClaimAnswer, "alreadyRecorded">) => void,
): void {
  const control = group.groupControl;
  if (group.functionalId && group.functionalId !== "HC") {
    outcome.notMatched.push(
      `The 999 answers group ${control} of "${group.functionalId}" transactions, not of claims (HC): nothing was recorded for it.`,
    );
    return;
  }
  const verdict = groupVerdict(group);
  const claims = byControl.get(control.replace(/^0+(?=\d)/, "")) ?? byControl.get(control) ?? [];
  if (claims.length === 0) {
    outcome.notMatched.push(
      `The 999 ${verdict === "unknown" ? "answers" : `says ${verdict}`} group ${control}, but no claim's latest "Billed" row in ClaimStatus has Control # ${control}: ` +
        "was that file sent from this workbook?",
    );
    return;
  }
  const ids = claims.map((c) => c.claimId);
  if (verdict === "partly accepted" || verdict === "unknown") {
    const said =
      verdict === "unknown"
        ? `gives group ${control} the verdict "${group.status}", which MedBill does not know`
        : `partly accepted group ${control} (${groupReason(group)})`;
    outcome.notMatched.push(
      `The 999 ${said}: MedBill does not record which claims went in which transaction, so ${plural(ids.length, "claim")} ` +
        `(${ids.join(", ")}) ${ids.length === 1 ? "is" : "are"} left as billed. Check the clearinghouse's report and resubmit the rejected ones.`,
    );
    return;
  }
  const reason = groupReason(group);
  for (const claim of claims) {
    const a: Omit<ClaimAnswer, "alreadyRecorded"> = {
      claimId: claim.claimId,
      event: verdict === "accepted" ? "Accepted" : "Rejected",
      source: "999",
      controlNumber: control,
      date,
      reason: verdict === "accepted" && reason === "Accepted" ? "Accepted by the clearinghouse" : reason,
    };
    if (claim.payerId) a.payerId = claim.payerId;
    if (claim.sequence) a.sequence = claim.sequence;
    answer(a);
  }
}

/** A 277CA's claims, each tied by its ClaimID to Charges; its payer and sequence from its latest Billed row. */
function tie277(
  ack: Ack277,
  books: AckBooks,
  billed: Map<string, ClaimStatusRow>,
  outcome: AckFileOutcome,
  answer: (a: Omit<ClaimAnswer, "alreadyRecorded">) => void,
): void {
  const from = ack.payer.name || ack.payer.id ? ` (from ${ack.payer.name || ack.payer.id})` : "";
  for (const claim of ack.claims) {
    const inCharges = books.chargeClaims.get(claim.claimId.toLowerCase());
    if (!inCharges) {
      outcome.notMatched.push(`Claim ${claim.claimId} in the 277CA${from} is not in Charges: nothing was recorded for it.`);
      continue;
    }
    const verdict = claimVerdict(claim);
    if (verdict === "unknown") {
      const codes = claim.statuses.flatMap((s) => s.codes.map((c) => `${c.category}:${c.status}`));
      outcome.notMatched.push(
        codes.length > 0
          ? `Claim ${inCharges.claimId}: the payer's answer (${codes.join(", ")}) neither accepts nor rejects it: nothing was recorded.`
          : `Claim ${inCharges.claimId}: the 277CA gives it no status: nothing was recorded.`,
      );
      continue;
    }
    const last = billed.get(claim.claimId.toLowerCase());
    const a: Omit<ClaimAnswer, "alreadyRecorded"> = {
      claimId: inCharges.claimId,
      event: verdict === "accepted" ? "Accepted" : "Rejected",
      source: "277CA",
      date: ack.date!,
      reason: claimReason(claim),
    };
    const payerId = last?.payerId ?? inCharges.payerId;
    if (payerId) a.payerId = payerId;
    a.sequence = last?.sequence ?? "Primary";
    if (claim.payerClaimNumber) a.controlNumber = claim.payerClaimNumber;
    answer(a);
  }
}

/** "999 file june.999 (ISA13 000000901) dated 2026-03-17: 2 accepted, 1 rejected, 0 not matched, 0 already recorded". */
function auditWhat(outcomes: AckFileOutcome[]): string {
  return outcomes
    .map((o) => {
      const isa = o.isaControl ? ` (ISA13 ${o.isaControl})` : "";
      const dated = o.dates.length > 0 ? ` dated ${o.dates.join(", ")}` : "";
      return (
        `${o.kind} file ${o.name}${isa}${dated}: ${o.accepted} accepted, ${o.rejected} rejected, ` +
        `${o.notMatched.length} not matched, ${o.alreadyRecorded} already recorded`
      );
    })
    .join("; ");
}
