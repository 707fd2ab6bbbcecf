// Readers for the two CMS ICD-10-CM files: the order file (every code with its header/billable flag
// and short and long descriptions, fixed width) and the plain codes file (billable codes only).
// The order file has about 98,000 lines and must load in well under a second, so lines are walked
// with indexOf and fields cut by position: no split into a line array, no regex per line.
import { fail, ok, type Parsed } from "../result";
import type { Icd10CodeSet } from "./codeSetLibrary";

// Order file columns, 0-based: 0-4 order number, 6-12 code, 14 flag, 16-75 short, 77- long.
const CODE_START = 6;
const CODE_END = 13;
const FLAG = 14;
const SHORT_START = 16;
const SHORT_END = 76;
const LONG_START = 77;
const SPACE = 32;
const CR = 13;
const ZERO = 48;
const ONE = 49;
/** Only the first few unreadable lines are named; the rest are counted. */
const NAMED_SKIPS = 20;

/** Columns grown as records are found, so the file is never split into a line array. */
class Icd10Columns {
  codes: string[] = [];
  descriptions: string[] = [];
  billable: Uint8Array;
  skipped: string[] = [];
  private skippedCount = 0;

  constructor(expected: number) {
    this.billable = new Uint8Array(Math.max(1024, expected));
  }

  add(code: string, billable: boolean, description: string): void {
    const i = this.codes.length;
    if (i === this.billable.length) {
      const grown = new Uint8Array(i * 2);
      grown.set(this.billable);
      this.billable = grown;
    }
    this.billable[i] = billable ? 1 : 0;
    this.codes.push(code);
    this.descriptions.push(description);
  }

  skip(line: number, why: string): void {
    if (this.skippedCount++ < NAMED_SKIPS) this.skipped.push(`line ${line}: ${why}`);
  }

  finish(version: string, source: string, what: string): Parsed<Icd10CodeSet> {
    if (this.codes.length === 0) return fail(`${source} holds no ICD-10-CM codes: is it ${what}?`);
    if (this.skippedCount > NAMED_SKIPS) this.skipped.push(`and ${(this.skippedCount - NAMED_SKIPS).toLocaleString("en-US")} more lines`);
    return ok({
      kind: "ICD10CM",
      version,
      source,
      codes: this.codes,
      billable: this.billable.slice(0, this.codes.length),
      descriptions: this.descriptions,
      skipped: this.skipped,
    });
  }
}

/** End of the text before trailing spaces, from `end` back to no further than `start`. */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > SPACE) return false;
  return true;
}

/** A code's first character is a letter and the rest letters or digits. */
function isCodeText(text: string, start: number, end: number): boolean {
  if (end - start < 3 || end - start > 7) return false;
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return false;
  }
  return true;
}

/** The CMS order file (`icd10cm_order_2025.txt`): header (flag 0) and billable (flag 1) codes. */
export function parseIcd10Order(text: string, version: string, source: string): Parsed<Icd10CodeSet> {
  const columns = new Icd10Columns(Math.ceil(text.length / 100));
  const length = text.length;
  let lineNo = 0;
  for (let start = 0; start < length;) {
    let next = text.indexOf("\n", start);
    if (next < 0) next = length;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    lineNo++;
    const flag = text.charCodeAt(start + FLAG);
    if (end - start > FLAG && text.charCodeAt(start + CODE_START - 1) === SPACE && (flag === ZERO || flag === ONE)) {
      const codeEnd = trimmedEnd(text, start + CODE_START, start + CODE_END);
      if (isCodeText(text, start + CODE_START, codeEnd)) {
        const longEnd = trimmedEnd(text, start + LONG_START, end);
        const description =
          longEnd > start + LONG_START
            ? text.slice(start + LONG_START, longEnd)
            : text.slice(start + SHORT_START, trimmedEnd(text, start + SHORT_START, Math.min(end, start + SHORT_END)));
        columns.add(text.slice(start + CODE_START, codeEnd), flag === ONE, description);
      } else columns.skip(lineNo, `"${text.slice(start + CODE_START, start + CODE_END).trim()}" is not an ICD-10-CM code`);
    } else if (!isBlank(text, start, end)) columns.skip(lineNo, "not an order-file record (order number, code, 0/1 flag, descriptions)");
    start = next + 1;
  }
  return columns.finish(version, source, "an ICD-10-CM order file");
}

/** The CMS codes file (`icd10cm_codes_2025.txt`): code, spaces, description; every code in it is billable. */
export function parseIcd10Codes(text: string, version: string, source: string): Parsed<Icd10CodeSet> {
  const columns = new Icd10Columns(Math.ceil(text.length / 60));
  const length = text.length;
  let lineNo = 0;
  for (let start = 0; start < length;) {
    let next = text.indexOf("\n", start);
    if (next < 0) next = length;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    lineNo++;
    let codeEnd = start;
    while (codeEnd < end && text.charCodeAt(codeEnd) > SPACE) codeEnd++;
    if (isCodeText(text, start, codeEnd)) {
      let descStart = codeEnd;
      while (descStart < end && text.charCodeAt(descStart) <= SPACE) descStart++;
      columns.add(text.slice(start, codeEnd), true, text.slice(descStart, trimmedEnd(text, descStart, end)));
    } else if (!isBlank(text, start, end)) columns.skip(lineNo, `"${text.slice(start, codeEnd)}" is not an ICD-10-CM code`);
    start = next + 1;
  }
  return columns.finish(version, source, "an ICD-10-CM codes file");
}

/** The first non-blank line of a text, without its line ending. */
function firstLine(text: string): string {
  for (let start = 0; start < text.length;) {
    let next = text.indexOf("\n", start);
    if (next < 0) next = text.length;
    const line = text.slice(start, next).replace(/\r$/, "");
    if (line.trim() !== "") return line;
    start = next + 1;
  }
  return "";
}

/** True when the text starts like an order file: "00001 A00     0 Cholera ...". */
export function looksLikeIcd10Order(text: string): boolean {
  return /^\d{5} [A-Z][0-9A-Z]{2}[0-9A-Z ]{4} [01] \S/.test(firstLine(text));
}

/** True when the text starts like a codes file: "A000    Cholera due to ...". */
export function looksLikeIcd10Codes(text: string): boolean {
  return /^[A-Z][0-9][0-9A-Z]{1,5} +\S/.test(firstLine(text));
}

/** True for an addenda file ("Add:", "Delete:", "Revise from:" lines): the year's changes, not a code set. */
export function looksLikeIcd10Addenda(text: string): boolean {
  return /^(Add|Delete|Revise from|Revise to):/.test(firstLine(text));
}
