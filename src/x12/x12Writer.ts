// Writes X12: segments from elements and composites, and the interchange envelope around them (ISA
// with its fixed widths, GS, ST/SE per transaction, GE, IEA) with counts and control numbers that
// the reader in x12Reader.ts checks. The 837P claim file (claims/837pWriter.ts) is built on it.
//
// A value is never written raw when it holds one of the file's separators: a separator inside a
// name would split it into two elements and shift every element after it, and the clearinghouse
// would reject the file or, worse, read a wrong amount. Free text (names, addresses) is cleaned (the
// character becomes a space, and the caller is told); an identifier (claim number, member ID, code)
// cannot be changed without breaking what it identifies, so it is refused with an X12ValueError that
// says which value and why, in words. Messages never quote a value the caller marks as private.
import type { X12Delimiters } from "./x12Reader";

/** The separators we write: * between elements, : between components, ^ for repetition, ~ ending segments. */
export const WRITER_DELIMITERS: X12Delimiters = { element: "*", component: ":", repetition: "^", segment: "~" };

/** The last control numbers used; the next interchange, group and transaction take each one + 1. */
export interface ControlNumbers {
  interchange: number;
  group: number;
  transaction: number;
}

/** ISA13 and GS06 hold at most nine digits. */
export const MAX_CONTROL_NUMBER = 999_999_999;

/** The control number after `last`: + 1, back to 1 after 999,999,999 (and for a last that is not one). */
export function nextControlNumber(last: number): number {
  if (!Number.isInteger(last) || last < 0 || last >= MAX_CONTROL_NUMBER) return 1;
  return last + 1;
}

/** A value that cannot go into an X12 file as it is: the message says which one and what to do. */
export class X12ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "X12ValueError";
  }
}

/** One component or a simple element's value: blank when undefined, null or "". */
export type X12Value = string | number | undefined | null;
/** An element: a value, or a composite's components (HC:99213:25). */
export type X12Element = X12Value | readonly X12Value[];

/** "125", "125.5", "125.55", "-1.27": X12 decimals carry no trailing zeros and no exponent. */
export function x12Amount(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`x12Amount: ${cents} is not a whole number of cents`);
  const abs = Math.abs(cents);
  const fraction = String(abs % 100).padStart(2, "0");
  const decimals = fraction === "00" ? "" : `.${fraction.replace(/0$/, "")}`;
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}${decimals}`;
}

/** A quantity (units: 1, 1.5, 0.25) without an exponent or float noise. */
export function x12Number(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`x12Number: ${value} is not a number`);
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
}

/** CCYYMMDD from an ISO date. */
export const x12Date = (iso: string): string => iso.replace(/-/g, "");

/** The separators of `d` found in a text, in the order they are listed (element, component, repetition, segment). */
export function separatorsIn(text: string, d: X12Delimiters = WRITER_DELIMITERS): string[] {
  const found: string[] = [];
  for (const c of [d.element, d.component, d.repetition, d.segment]) {
    if (c !== undefined && c !== "" && !found.includes(c) && text.includes(c)) found.push(c);
  }
  return found;
}

export interface CleanedText {
  text: string;
  /** The separators that were in it (each now a space). */
  separators: string[];
  /** Cut to the element's maximum length. */
  truncated: boolean;
}

/**
 * Free text made safe for an element: accents dropped (José → JOSE, so a clearinghouse that takes only
 * the basic character set reads it), upper case, separators and control characters turned into
 * spaces, runs of spaces collapsed, cut to `maxLength`.
 */
export function cleanText(value: string, maxLength?: number, d: X12Delimiters = WRITER_DELIMITERS): CleanedText {
  const separators = separatorsIn(value, d);
  let text = value.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  for (const s of separators) text = text.split(s).join(" ");
  text = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[^\u0020-\u007e]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
  const truncated = maxLength !== undefined && text.length > maxLength;
  if (truncated) text = text.slice(0, maxLength).trimEnd();
  return { text, separators, truncated };
}

function quoteSeparators(separators: string[]): string {
  return separators.map((s) => (s === "\n" ? "a line break" : `"${s}"`)).join(" and ");
}

/** The words of a refusal: "Claim C1: the member ID has "*" in it, which the file uses between fields: ...". */
export function separatorRefusal(what: string, separators: string[], fix: string): string {
  const roles = separators.map((s) => (s === WRITER_DELIMITERS.segment ? "to end segments" : "between fields"));
  const role = roles.includes("to end segments") ? "to end segments and separate fields" : "between fields";
  return `${what} has ${quoteSeparators(separators)} in it, which an X12 file uses ${role}: ${fix}`;
}

/** Serialises segments with one set of separators, refusing any value that holds one of them. */
export class SegmentWriter {
  constructor(readonly delimiters: X12Delimiters = WRITER_DELIMITERS) {}

  private value(v: X12Value, id: string, index: number): string {
    if (v === undefined || v === null) return "";
    const text = typeof v === "number" ? x12Number(v) : v;
    const found = separatorsIn(text, this.delimiters);
    // The callers clean or refuse values in words first; reaching this is a programming error.
    if (found.length > 0) {
      throw new X12ValueError(
        separatorRefusal(`Element ${String(index).padStart(2, "0")} of the ${id} segment`, found, "it was not written."),
      );
    }
    if (/[\r\n]/.test(text)) throw new X12ValueError(`Element ${index} of the ${id} segment has a line break in it: it was not written.`);
    return text;
  }

  /** One segment's text, without its terminator. Trailing blank elements and components are left off. */
  segment(id: string, ...elements: X12Element[]): string {
    const d = this.delimiters;
    const parts: string[] = [id];
    elements.forEach((e, i) => {
      if (Array.isArray(e)) {
        const components = (e as readonly X12Value[]).map((c) => this.value(c, id, i + 1));
        while (components.length > 0 && components[components.length - 1] === "") components.pop();
        parts.push(components.join(d.component));
      } else parts.push(this.value(e as X12Value, id, i + 1));
    });
    while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
    return parts.join(d.element);
  }
}

/** An interchange party: ISA05/06 (or 07/08) and GS02 (or 03). */
export interface X12Party {
  id: string;
  /** ISA05/07 qualifier: ZZ (mutually defined) unless the clearinghouse says otherwise. */
  qualifier?: string;
}

export interface InterchangeSpec {
  sender: X12Party;
  receiver: X12Party;
  control: ControlNumbers;
  now: Date;
  /** ISA15 T (test) or P (production, the default). */
  test?: boolean;
  /** GS01: HC for an 837 claim file, HP for an 835. */
  functionalId: string;
  /** GS08 and ST03: 005010X222A1. */
  version: string;
  /** A line break after each segment terminator (easier to read; off by default). */
  lineBreaks?: boolean;
  delimiters?: X12Delimiters;
}

/** One transaction: its set id (837) and its segments between ST and SE, already written. */
export interface TransactionBody {
  setId: string;
  /** Segment texts without terminators; the function gets the transaction's ST02. */
  segments: (control: string) => string[];
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Problems with the parties that would make the ISA header wrong: an ID longer than its 15
 * characters, blank, or holding a separator. Empty when the header can be written.
 */
export function interchangeRefusals(spec: Pick<InterchangeSpec, "sender" | "receiver" | "delimiters">): string[] {
  const d = spec.delimiters ?? WRITER_DELIMITERS;
  const problems: string[] = [];
  for (const [who, party, setting] of [
    ["submitter", spec.sender, "Submitter ID"],
    ["receiver", spec.receiver, "Receiver ID"],
  ] as const) {
    const id = party.id.trim();
    if (id === "") problems.push(`The ${who} ID is blank: enter the ID your clearinghouse gave you in Practice (${setting}).`);
    else if (id.length > 15)
      problems.push(`The ${who} ID "${id}" is longer than the 15 characters an X12 header holds: check Practice (${setting}).`);
    const found = separatorsIn(id, d);
    if (found.length > 0) problems.push(separatorRefusal(`The ${who} ID`, found, `check Practice (${setting}).`));
    const qualifier = party.qualifier ?? "ZZ";
    if (!/^[0-9A-Z]{2}$/.test(qualifier)) problems.push(`The ${who} ID qualifier "${qualifier}" must be two letters or digits (ZZ).`);
  }
  return problems;
}

/**
 * Writes one interchange with one functional group around the given transactions, numbering them
 * from the last-used control numbers: ISA13 = interchange + 1, GS06 = group + 1, ST02 = transaction + 1,
 * + 2... SE01 counts ST to SE; GE01 the transactions; IEA01 the one group. Throws X12ValueError when
 * interchangeRefusals finds a problem (the caller checks first and says it in words).
 */
export function writeInterchange(spec: InterchangeSpec, transactions: TransactionBody[]): { text: string; control: ControlNumbers } {
  const refused = interchangeRefusals(spec);
  if (refused.length > 0) throw new X12ValueError(refused.join(" "));
  const d = spec.delimiters ?? WRITER_DELIMITERS;
  const w = new SegmentWriter(d);
  const interchange = nextControlNumber(spec.control.interchange);
  const group = nextControlNumber(spec.control.group);
  let transaction = spec.control.transaction;
  const now = spec.now;
  const yyyy = String(now.getFullYear()).padStart(4, "0");
  const date = `${yyyy}${pad2(now.getMonth() + 1)}${pad2(now.getDate())}`;
  const time = `${pad2(now.getHours())}${pad2(now.getMinutes())}`;
  const isa13 = String(interchange).padStart(9, "0");

  const lines: string[] = [
    isaText(spec, d, date.slice(2), time, isa13),
    w.segment("GS", spec.functionalId, spec.sender.id.trim(), spec.receiver.id.trim(), date, time, String(group), "X", spec.version),
  ];
  for (const t of transactions) {
    transaction = nextControlNumber(transaction);
    const st02 = String(transaction).padStart(4, "0");
    const body = t.segments(st02);
    lines.push(w.segment("ST", t.setId, st02, spec.version));
    for (const s of body) lines.push(s);
    lines.push(w.segment("SE", String(body.length + 2), st02));
  }
  lines.push(w.segment("GE", String(transactions.length), String(group)), w.segment("IEA", "1", isa13));
  const end = d.segment + (spec.lineBreaks ? "\n" : "");
  return { text: lines.join(end) + end, control: { interchange, group, transaction } };
}

/** The ISA header: every element at its fixed width, 106 characters with the terminator. */
function isaText(spec: InterchangeSpec, d: X12Delimiters, yymmdd: string, hhmm: string, isa13: string): string {
  const fields = [
    "ISA",
    "00",
    " ".repeat(10),
    "00",
    " ".repeat(10),
    spec.sender.qualifier ?? "ZZ",
    spec.sender.id.trim().padEnd(15, " "),
    spec.receiver.qualifier ?? "ZZ",
    spec.receiver.id.trim().padEnd(15, " "),
    yymmdd,
    hhmm,
    d.repetition ?? "^",
    "00501",
    isa13,
    "0",
    spec.test ? "T" : "P",
    d.component,
  ];
  return fields.join(d.element);
}
