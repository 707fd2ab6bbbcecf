// The clearinghouse's 999 implementation acknowledgment (005010X231A1) as a biller reads it: which of
// our claim files' groups it answers (AK1: functional id and the GS06 we sent), each transaction's
// verdict (AK2 and IK5) with the segments and elements it found wrong (IK3, IK4), and the group's
// verdict (AK9) with its counts. Every code is put in our own short words; the X12 descriptors are
// not copied. This module reads what the file says; acksPlan.ts ties it to the claims we billed.
import type { IsoDate } from "../dates";
import { readX12, type X12Segment, type X12Transaction } from "../x12/x12Reader";
import { envelopeDate, transactionName } from "./ackEnvelope";

/** IK4: one element the clearinghouse found wrong in a segment. */
export interface ElementError {
  /** IK401: the element's place in the segment ("2", or "5-1" for a component). */
  place: string;
  /** IK402: the data element's dictionary number, when given. */
  reference?: string;
  /** IK403 */
  code: string;
  /** IK404: the bad value as the clearinghouse copied it back. */
  badValue?: string;
}

/** IK3: a segment of our transaction the clearinghouse found wrong, with its IK4s. */
export interface SegmentError {
  /** IK301: the segment's id (CLM, NM1...). */
  segment: string;
  /** IK302: its position in our transaction (ST is 1). */
  position?: number;
  /** IK303: the loop it sits in (2300...). */
  loop?: string;
  /** IK304, when given. */
  code?: string;
  elements: ElementError[];
}

/** AK2 ... IK5: the verdict on one transaction (ST/SE) of our file. */
export interface TransactionAck {
  /** AK201: 837 for our claims. */
  setId: string;
  /** AK202: the ST02 we sent. */
  control: string;
  /** IK501: A accepted, E accepted with errors noted, R/M/W/X rejected. */
  status: string;
  /** IK502-IK506 */
  codes: string[];
  errors: SegmentError[];
}

/** AK1 ... AK9: the verdict on one functional group (GS/GE) of our file. */
export interface GroupAck {
  /** AK101: HC for claims. */
  functionalId: string;
  /** AK102: the GS06 we sent. */
  groupControl: string;
  /** AK103: the guide our group named (005010X222A1). */
  version?: string;
  /** AK901: A accepted, E accepted with errors noted, P partly accepted, R/M/W/X rejected. */
  status: string;
  /** AK902-AK904: transactions in our group, received, and accepted. */
  included?: number;
  received?: number;
  accepted?: number;
  /** AK905-AK909 */
  codes: string[];
  transactions: TransactionAck[];
  /** The AK1's segment number in the file, for messages. */
  position: number;
}

/** One 999 transaction (ST/SE) of the clearinghouse's file. */
export interface Ack999 {
  /** ST02 of the 999 itself. */
  control: string;
  /** The 999's own date: GS04, else ISA09. */
  date?: IsoDate;
  dateFrom?: "GS04" | "ISA09";
  groups: GroupAck[];
}

export type Ack999Read = { ok: true; acks: Ack999[]; isaControl?: string; warnings: string[] } | { ok: false; error: string };

/** Where a group or transaction stands in a biller's terms. */
export type AckVerdict = "accepted" | "rejected" | "partly accepted" | "unknown";

// Our own short wording of the codes; an unknown code is still named, with its number.
const SEGMENT_PROBLEMS: Record<string, string> = {
  "1": "segment not recognised",
  "2": "segment not expected here",
  "3": "a required segment is missing",
  "4": "loop repeated too many times",
  "5": "segment repeated too many times",
  "6": "segment does not belong in this transaction",
  "7": "segment out of order",
  "8": "segment has element errors",
  I4: "segment the guide says not to send",
  I6: "a segment the guide requires here is missing",
  I7: "loop repeated too few times",
  I8: "segment repeated too few times",
  I9: "segment the guide says not to send in this case",
};

const ELEMENT_PROBLEMS: Record<string, string> = {
  "1": "required data element missing",
  "2": "data element required in this case is missing",
  "3": "too many data elements",
  "4": "value too short",
  "5": "value too long",
  "6": "character not allowed",
  "7": "code not allowed",
  "8": "not a valid date",
  "9": "not a valid time",
  "10": "element must not be sent with another one present",
  "12": "repeated too many times",
  "13": "too many components",
  I6: "code not allowed by the guide",
  I9: "data element the guide requires in this case is missing",
  I10: "element the guide says not to send",
  I11: "repeated too few times",
  I12: "value does not have the form the guide asks for",
  I13: "element the guide says not to send in this case",
};

const TRANSACTION_PROBLEMS: Record<string, string> = {
  "1": "transaction type not supported",
  "2": "SE trailer missing",
  "3": "ST and SE control numbers differ",
  "4": "SE segment count is wrong",
  "5": "segments with errors",
  "6": "transaction type missing or not valid",
  "7": "transaction control number missing or not valid",
  "18": "transaction is outside a functional group",
  "19": "guide named in ST03 not valid",
  "23": "transaction control number used twice in the group",
  I5: "segments with errors against the guide",
  I6: "guide not supported",
};

const GROUP_PROBLEMS: Record<string, string> = {
  "1": "functional group type not supported",
  "2": "version not supported",
  "3": "GE trailer missing",
  "4": "GS and GE control numbers differ",
  "5": "GE transaction count is wrong",
  "6": "group control number not valid",
  "19": "one or more transactions rejected",
  "23": "group control number used twice in the interchange",
};

const STATUS_WORDS: Record<string, string> = {
  A: "accepted",
  E: "accepted with errors noted",
  P: "partly accepted (some transactions rejected)",
  R: "rejected",
  M: "rejected (message authentication failed)",
  W: "rejected (failed the assurance checks)",
  X: "rejected (could not be read after decryption)",
};

const coded = (words: Record<string, string>, code: string, what: string) => words[code] ?? `${what} ${code} (not in MedBill's list)`;

/** IK501 or AK901 as the biller acts on it. */
export function verdictOf(status: string): AckVerdict {
  if (status === "A" || status === "E") return "accepted";
  if (status === "P") return "partly accepted";
  if (status === "R" || status === "M" || status === "W" || status === "X") return "rejected";
  return "unknown";
}

/** "accepted with errors noted", or the code named when MedBill does not know it. */
export function statusWords(status: string): string {
  return coded(STATUS_WORDS, status, "status");
}

/** "segment CLM, element 2: required data element missing" (with the bad value when copied back). */
export function segmentErrorWords(e: SegmentError): string {
  const where = `segment ${e.segment || "(unnamed)"}${e.loop ? ` in loop ${e.loop}` : ""}`;
  if (e.elements.length === 0) return `${where}: ${e.code ? coded(SEGMENT_PROBLEMS, e.code, "error") : "error"}`;
  return e.elements
    .map((el) => {
      const value = el.badValue ? ` ("${el.badValue}")` : "";
      return `${where}, element ${el.place}: ${coded(ELEMENT_PROBLEMS, el.code, "error")}${value}`;
    })
    .join("; ");
}

/** "Rejected: segment CLM, element 2: required data element missing", or "Accepted". */
export function transactionWords(t: TransactionAck): string {
  const details = [
    ...t.errors.map(segmentErrorWords),
    // Code 5 ("segments with errors") only says what the IK3s already show.
    ...t.codes.filter((c) => !(t.errors.length > 0 && (c === "5" || c === "I5"))).map((c) => coded(TRANSACTION_PROBLEMS, c, "error")),
  ];
  const status = statusWords(t.status);
  const head = status.charAt(0).toUpperCase() + status.slice(1);
  return details.length > 0 ? `${head}: ${details.join("; ")}` : head;
}

/** The group's verdict in words, with each rejected or flagged transaction's reasons. */
export function groupWords(g: GroupAck): string {
  const status = statusWords(g.status);
  const head = `${status.charAt(0).toUpperCase()}${status.slice(1)}`;
  const codes = g.codes.filter((c) => !(c === "19" && g.transactions.some((t) => verdictOf(t.status) === "rejected")));
  const parts = codes.map((c) => coded(GROUP_PROBLEMS, c, "error"));
  for (const t of g.transactions) {
    if (t.status === "A" && t.errors.length === 0 && t.codes.length === 0) continue;
    parts.push(`transaction ${t.control}: ${transactionWords(t).replace(/^./, (c) => c.toLowerCase())}`);
  }
  return parts.length > 0 ? `${head}: ${parts.join("; ")}` : head;
}

const wholeNumber = (text: string | undefined): number | undefined => {
  const trimmed = (text ?? "").trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
};

const codesFrom = (s: X12Segment, from: number, to: number): string[] => {
  const out: string[] = [];
  for (let i = from; i <= to; i++) {
    const code = (s.elements[i] ?? "").trim();
    if (code) out.push(code);
  }
  return out;
};

/**
 * Reads a 999 file's text. Refuses, in a sentence naming the segment and why, a file that is not a
 * 999, or one whose AK1, AK2, IK5 or AK9 cannot be read; envelope problems come back as warnings.
 */
export function read999(text: string): Ack999Read {
  const read = readX12(text);
  if (!read.ok) return read;
  const warnings = read.warnings.map((w) => w.message);
  const acks: Ack999[] = [];
  for (const t of read.interchange.transactions) {
    if (t.setId !== "999") {
      return {
        ok: false,
        error: `This is ${transactionName(t.setId)}, not a 999 acknowledgment: choose the 999 file your clearinghouse sent back.`,
      };
    }
    const ack = readTransaction(t, read.interchange.delimiters.component, warnings);
    if (!ack.ok) return ack;
    acks.push(ack.ack);
  }
  const result: Ack999Read = { ok: true, acks, warnings };
  if (read.interchange.isaControl !== undefined) result.isaControl = read.interchange.isaControl;
  return result;
}

function readTransaction(
  t: X12Transaction,
  componentSeparator: string,
  warnings: string[],
): { ok: true; ack: Ack999 } | { ok: false; error: string } {
  const ack: Ack999 = { control: t.control, groups: [] };
  const dated = envelopeDate(t);
  if (dated) {
    ack.date = dated.date;
    ack.dateFrom = dated.from;
  }
  let group: GroupAck | undefined;
  let transaction: TransactionAck | undefined;
  let segmentError: SegmentError | undefined;
  let closed = false;
  const refuse = (s: X12Segment, why: string) => ({ ok: false as const, error: `The 999's ${s.id} at segment ${s.position} ${why}.` });

  for (const s of t.segments) {
    const e = s.elements;
    switch (s.id) {
      case "AK1": {
        if (group && !closed) return refuse(s, `starts another group before the AK9 of group ${group.groupControl}: the file is damaged`);
        const control = (e[2] ?? "").trim();
        if (!control) return refuse(s, "gives no group control number (AK102), so the claim file it answers cannot be found");
        group = { functionalId: (e[1] ?? "").trim(), groupControl: control, status: "", codes: [], transactions: [], position: s.position };
        if ((e[3] ?? "").trim()) group.version = (e[3] ?? "").trim();
        ack.groups.push(group);
        closed = false;
        transaction = undefined;
        break;
      }
      case "AK2": {
        if (!group || closed) return refuse(s, "comes before any AK1: the file is damaged");
        if (transaction && !transaction.status) {
          return refuse(s, `starts another transaction before the IK5 of transaction ${transaction.control}: the file is damaged`);
        }
        transaction = { setId: (e[1] ?? "").trim(), control: (e[2] ?? "").trim(), status: "", codes: [], errors: [] };
        if (!transaction.control) return refuse(s, "gives no transaction control number (AK202)");
        group.transactions.push(transaction);
        segmentError = undefined;
        break;
      }
      case "IK3": {
        if (!transaction || transaction.status) return refuse(s, "is not inside an AK2 transaction: the file is damaged");
        segmentError = { segment: (e[1] ?? "").trim(), elements: [] };
        const position = wholeNumber(e[2]);
        if (position !== undefined) segmentError.position = position;
        if ((e[3] ?? "").trim()) segmentError.loop = (e[3] ?? "").trim();
        if ((e[4] ?? "").trim()) segmentError.code = (e[4] ?? "").trim();
        transaction.errors.push(segmentError);
        break;
      }
      case "IK4": {
        if (!segmentError || !transaction || transaction.status) return refuse(s, "is not after an IK3 segment error: the file is damaged");
        const code = (e[3] ?? "").trim();
        if (!code) return refuse(s, "gives no error code (IK403)");
        // IK401 is a composite: element position, then the component and repetition positions.
        const place = (e[1] ?? "")
          .split(componentSeparator)
          .map((p) => p.trim())
          .filter((p) => p !== "")
          .slice(0, 2)
          .join("-");
        const error: ElementError = { place: place || "?", code };
        if ((e[2] ?? "").trim()) error.reference = (e[2] ?? "").trim();
        if ((e[4] ?? "").trim()) error.badValue = (e[4] ?? "").trim();
        segmentError.elements.push(error);
        break;
      }
      case "IK5": {
        if (!transaction || transaction.status) return refuse(s, "is not after an AK2 transaction: the file is damaged");
        const status = (e[1] ?? "").trim();
        if (!status) return refuse(s, `gives no verdict (IK501) for transaction ${transaction.control}`);
        transaction.status = status;
        transaction.codes = codesFrom(s, 2, 6);
        segmentError = undefined;
        break;
      }
      case "AK9": {
        if (!group || closed) return refuse(s, "comes before any AK1: the file is damaged");
        if (transaction && !transaction.status) return refuse(s, `closes the group before the IK5 of transaction ${transaction.control}`);
        const status = (e[1] ?? "").trim();
        if (!status) return refuse(s, `gives no verdict (AK901) for group ${group.groupControl}`);
        group.status = status;
        const included = wholeNumber(e[2]);
        const received = wholeNumber(e[3]);
        const accepted = wholeNumber(e[4]);
        if (included !== undefined) group.included = included;
        if (received !== undefined) group.received = received;
        if (accepted !== undefined) group.accepted = accepted;
        group.codes = codesFrom(s, 5, 9);
        closed = true;
        transaction = undefined;
        break;
      }
      default:
        // CTX (context of an error) and the envelope: nothing the claims' standing depends on.
        break;
    }
  }
  if (ack.groups.length === 0) {
    return { ok: false, error: `The 999 transaction ${t.control} has no AK1 segment: it does not say which claim file it answers.` };
  }
  if (!closed && group) {
    return {
      ok: false,
      error: `The 999's group ${group.groupControl} (AK1 at segment ${group.position}) has no AK9 verdict: the file was cut short.`,
    };
  }
  for (const g of ack.groups) {
    if (g.received !== undefined && g.transactions.length > 0 && g.transactions.length !== g.received) {
      warnings.push(
        `The 999's AK9 for group ${g.groupControl} counts ${g.received} transactions received, but the file answers ${g.transactions.length}.`,
      );
    }
  }
  return { ok: true, ack };
}
