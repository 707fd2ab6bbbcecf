// Writes small synthetic X12 files for the reader and 835 tests: an ISA/GS envelope around ST/SE
// transactions with correct counts and control numbers, in any separators, with or without line
// breaks, padded or not. What the writer gets right is what a test can then break on purpose.
import type { X12Delimiters } from "../../src/x12/x12Reader";

/** An element: text, or a composite's components. */
export type Element = string | string[];
/** A segment: its id, then elements 01, 02... */
export type Segment = [string, ...Element[]];

export interface TransactionSpec {
  setId?: string;
  control?: string;
  /** ST03; left out when undefined. */
  version?: string;
  body: Segment[];
}

export interface WriteOptions {
  delimiters?: X12Delimiters;
  /** Written after each segment terminator ("" by default: one physical line). */
  newline?: string;
  /** The ISA's fixed-width fields filled with spaces to their 106 characters (true by default). */
  padded?: boolean;
  isaControl?: string;
  gsVersion?: string;
  /** false: the transactions alone, with no ISA/GS/GE/IEA. */
  envelope?: boolean;
}

export const STANDARD: X12Delimiters = { element: "*", component: ":", repetition: "^", segment: "~" };

export function segmentText(segment: Segment, d: X12Delimiters): string {
  return segment.map((e) => (Array.isArray(e) ? e.join(d.component) : e)).join(d.element);
}

export function isaSegment(d: X12Delimiters, control: string, padded: boolean): Segment {
  const pad = (text: string, width: number) => (padded ? text.padEnd(width, " ") : text);
  return [
    "ISA",
    "00",
    pad("", 10),
    "00",
    pad("", 10),
    "ZZ",
    pad("SENDER", 15),
    "ZZ",
    pad("RECEIVER", 15),
    "260105",
    "1200",
    d.repetition ?? "U",
    "00501",
    padded ? control.padStart(9, "0") : control,
    "0",
    "P",
    d.component,
  ];
}

/** The whole file's segments, envelope included, in order. */
export function fileSegments(transactions: TransactionSpec[], options: WriteOptions = {}): Segment[] {
  const d = options.delimiters ?? STANDARD;
  const control = options.isaControl ?? "905";
  const segments: Segment[] = [];
  const envelope = options.envelope ?? true;
  if (envelope) {
    const isa = isaSegment(d, control, options.padded ?? true);
    segments.push(isa);
    segments.push(["GS", "HP", "SENDER", "RECEIVER", "20260105", "1200", "1", "X", options.gsVersion ?? "005010X221A1"]);
  }
  transactions.forEach((t, i) => {
    const stControl = t.control ?? String(i + 1).padStart(4, "0");
    const st: Segment = ["ST", t.setId ?? "835", stControl];
    if (t.version !== undefined) st.push(t.version);
    segments.push(st);
    for (const s of t.body) segments.push(s);
    segments.push(["SE", String(t.body.length + 2), stControl]);
  });
  if (envelope) {
    const isaControl = segments[0][13] as string;
    segments.push(["GE", String(transactions.length), "1"], ["IEA", "1", isaControl]);
  }
  return segments;
}

export function writeX12(transactions: TransactionSpec[], options: WriteOptions = {}): string {
  const d = options.delimiters ?? STANDARD;
  const newline = options.newline ?? "";
  return fileSegments(transactions, options)
    .map((s) => segmentText(s, d) + d.segment + newline)
    .join("");
}
