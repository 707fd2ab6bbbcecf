// A two-column list an office imports: code and description (its CPT list or fee schedule, a payer's
// list, CARC/RARC descriptions). It may come as CSV, tab-separated text, cells copied out of Excel
// (tabs, with quoted cells where a description holds a tab, a quote or a line break) or an Excel
// sheet, with or without a header row. We ship no CPT content: lists are only ever the office's own.
import { fail, ok, type Parsed } from "../result";
import type { CodeList } from "./codeSetLibrary";

export interface CodeListOptions {
  /** Whether the first row is a header; guessed when not given. */
  hasHeader?: boolean;
}

const NAMED_SKIPS = 20;
const CODE_HEADERS = new Set([
  "code",
  "codes",
  "cpt",
  "cptcode",
  "hcpcs",
  "hcpcscode",
  "cpthcpcs",
  "procedure",
  "procedurecode",
  "carc",
  "rarc",
  "reasoncode",
  "remarkcode",
  "payerid",
  "id",
  "key",
  "value",
]);
const DESCRIPTION_HEADERS = new Set([
  "description",
  "desc",
  "descriptor",
  "name",
  "text",
  "meaning",
  "title",
  "shortdescription",
  "longdescription",
]);

const headerWord = (cell: string) => cell.toLowerCase().replace(/[^a-z]/g, "");

/** The first row is a header when it names its columns, or when it alone has no digit in its code. */
function guessHeader(rows: string[][]): boolean {
  const [first, ...rest] = rows;
  if (!first) return false;
  if (CODE_HEADERS.has(headerWord(first[0] ?? "")) || DESCRIPTION_HEADERS.has(headerWord(first[1] ?? ""))) return true;
  const sample = rest.slice(0, 20).filter((r) => (r[0] ?? "").trim() !== "");
  const withDigits = sample.filter((r) => /\d/.test(r[0])).length;
  return sample.length > 0 && !/\d/.test(first[0] ?? "") && withDigits >= sample.length * 0.8;
}

/** Splits delimited text into rows of cells, honouring quotes ("a ""b""", quoted tabs and line breaks). */
export function splitDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (c === delimiter) {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else {
      cell += c;
      atCellStart = false;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Tab when the text has tabs (Excel's copy), else comma, else semicolon; none: code, spaces, description. */
export function delimiterOf(text: string): string | undefined {
  const head = text.slice(0, 20_000);
  if (head.includes("\t")) return "\t";
  if (head.includes(",")) return ",";
  if (head.includes(";")) return ";";
  return undefined;
}

/** A list as text: CSV, tab-separated, copied from Excel, or "code description" lines. */
export function parseCodeList(text: string, listName: string, source: string, options: CodeListOptions = {}): Parsed<CodeList> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = delimiterOf(body);
  const rows = delimiter
    ? splitDelimited(body, delimiter)
    : body.split(/\r?\n|\r/).map((line) => {
        const m = /^\s*(\S+)\s*(.*)$/.exec(line);
        return m ? [m[1], m[2]] : [line];
      });
  return codeListFromRows(rows, listName, source, options);
}

/** A list from rows of cells (a sheet, or split text): first column the code, second the description. */
export function codeListFromRows(rows: unknown[][], listName: string, source: string, options: CodeListOptions = {}): Parsed<CodeList> {
  const name = listName.trim();
  if (name === "") return fail("the list needs a name (for example CPT)");
  const cells = rows.map((row) => (row ?? []).slice(0, 2).map((v) => (v === null || v === undefined ? "" : String(v))));
  const firstData = cells.findIndex((row) => row.some((c) => c.trim() !== ""));
  if (firstData < 0) return fail(`${source} is empty`);
  const header = options.hasHeader ?? guessHeader(cells.slice(firstData));
  const codes: string[] = [];
  const descriptions: string[] = [];
  const skipped: string[] = [];
  let skippedCount = 0;
  const skip = (row: number, why: string) => {
    if (skippedCount++ < NAMED_SKIPS) skipped.push(`row ${row}: ${why}`);
  };
  const seen = new Map<string, number>();
  let wordLike = 0;
  for (let i = firstData + (header ? 1 : 0); i < cells.length; i++) {
    const [rawCode = "", rawDescription = ""] = cells[i];
    const code = rawCode.trim().toUpperCase();
    const description = rawDescription.trim();
    if (code === "") {
      if (description !== "") skip(i + 1, "a description without a code");
      continue;
    }
    if (/\s/.test(code)) {
      skip(i + 1, `"${rawCode.trim()}" is not a code (it has spaces)`);
      continue;
    }
    // Codes are written in capitals and digits; "Call", "the", "#" are the first words of prose lines.
    if (/[a-z]|[^A-Za-z0-9.-]/.test(rawCode.trim())) wordLike++;
    const first = seen.get(code);
    if (first !== undefined) {
      skip(i + 1, `${code} is listed again (row ${first} kept)`);
      continue;
    }
    seen.set(code, i + 1);
    codes.push(code);
    descriptions.push(description);
  }
  if (codes.length === 0) return fail(`${source} has no codes in its first column`);
  // A prose file (a README, a letter) splits into "rows" too; a real list is mostly codes.
  if (skippedCount + wordLike > codes.length - wordLike) {
    const rows = codes.length + skippedCount;
    const notCodes = skippedCount + wordLike;
    return fail(
      `${source} does not look like a code list: ${notCodes.toLocaleString("en-US")} of its ${rows.toLocaleString("en-US")} rows ` +
        "start with words, not codes. Choose the code file itself (a code in the first column, its description in the second)",
    );
  }
  if (skippedCount > NAMED_SKIPS) skipped.push(`and ${(skippedCount - NAMED_SKIPS).toLocaleString("en-US")} more rows`);
  return ok({ kind: "LIST", version: name, source, codes, descriptions, skipped });
}
