// What a code file is, and reading it into a code set: the CMS ICD-10-CM zip as downloaded (the order
// file inside it, else the codes file) or either text file, the HCPCS text or Excel file (or the CMS
// zip holding them), and an office's two-column list. The year comes from an explicit option or from
// the file's name, read loosely (icd10cm_order_2025.txt, icd10cm-order-2024.txt, HCPC2019_CONTR_ANWEB.txt).
import { unzipSync } from "fflate";
import { fail, ok, type Parsed } from "../result";
import { codeListFromRows, parseCodeList } from "./codeList";
import { hcpcsVersion, icd10Version, type CodeSetKind, type ParsedCodeSet } from "./codeSetLibrary";
import { looksLikeHcpcsSheet, looksLikeHcpcsText, parseHcpcsSheetRows, parseHcpcsText } from "./hcpcsFiles";
import { looksLikeIcd10Addenda, looksLikeIcd10Codes, looksLikeIcd10Order, parseIcd10Codes, parseIcd10Order } from "./icd10cmFiles";
import { readFirstSheet } from "./xlsxFirstSheet";

export type CodeFileFormat = "zip" | "icd10-order" | "icd10-codes" | "hcpcs-text" | "xlsx" | "list";

export interface CodeFileOptions {
  /** What the file holds, when its content and name leave it open (a list, or a codes file named oddly). */
  kind?: CodeSetKind;
  /** ICD-10-CM fiscal year ("FY2025" or "2025") or HCPCS year ("2019"); taken from the file name otherwise. */
  version?: string;
  /** A list's name ("CPT"); the file's name without its extension otherwise. */
  listName?: string;
  /** Whether a list's first row is a header; guessed otherwise. */
  hasHeader?: boolean;
}

/** The year a file's name carries: icd10cm_order_2025.txt, HCPC2019_CONTR_ANWEB.txt, cms_2025_dx.zip. */
export function yearFromFileName(name: string): number | undefined {
  const m = /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(baseName(name));
  return m ? Number(m[1]) : undefined;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function stem(path: string): string {
  return baseName(path).replace(/\.[^.]+$/, "");
}

const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

// windows-1252 characters at 0x80-0x9F. Browsers decode "windows-1252" with them; Node's decoder
// gives the C1 control characters instead, so they are mapped here and every host reads the same.
const CP1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * The text of a code file, decoded once. CMS files are ASCII with a few windows-1252 bytes (0xA0,
 * 0x92); a list saved by Excel as "CSV UTF-8" is UTF-8, with or without its byte-order mark.
 */
export function decodeCodeFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder("windows-1252").decode(bytes);
    return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]) : text;
  }
}

/** The names of the files in a zip, without unpacking any. */
export function zipEntries(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
}

/** One file unpacked from a zip. */
export function unzipEntry(bytes: Uint8Array, name: string): Uint8Array {
  return unzipSync(bytes, { filter: (file) => file.name === name })[name];
}

const isXlsxEntries = (names: string[]) => names.includes("xl/workbook.xml") || names.includes("[Content_Types].xml");

/** The code file inside a CMS zip: the ICD-10-CM order file, else the codes file, else the HCPCS text, else its Excel file. */
export function codeFileInZip(names: string[]): string | undefined {
  const files = names.filter((n) => !n.endsWith("/") && !/addend/i.test(baseName(n)));
  const txt = files.filter((n) => /\.txt$/i.test(n));
  return (
    txt.find((n) => /icd.*order|order.*icd/i.test(baseName(n))) ??
    txt.find((n) => /icd.*codes|codes.*icd/i.test(baseName(n))) ??
    txt.find((n) => /^HCPC/i.test(baseName(n)) && !/layout|note/i.test(baseName(n))) ??
    files.find((n) => /\.xlsx$/i.test(n) && /^HCPC/i.test(baseName(n)))
  );
}

/** Unpacks the code file a zip holds; a zip that is an .xlsx comes back as it is. */
export function unzipCodeFile(zipName: string, bytes: Uint8Array): Parsed<{ name: string; bytes: Uint8Array; xlsx: boolean }> {
  let names: string[];
  try {
    names = zipEntries(bytes);
  } catch {
    return fail(`${baseName(zipName)} is a damaged zip file: download it again`);
  }
  if (isXlsxEntries(names)) return ok({ name: zipName, bytes, xlsx: true });
  const inner = codeFileInZip(names);
  if (!inner) {
    const listed = names.filter((n) => !n.endsWith("/")).map(baseName);
    return fail(`${baseName(zipName)} holds no ICD-10-CM order or codes file and no HCPCS file (it has ${listed.join(", ") || "nothing"})`);
  }
  const innerBytes = unzipEntry(bytes, inner);
  return ok({ name: inner, bytes: innerBytes, xlsx: /\.xlsx$/i.test(inner) });
}

function setVersion(kind: "ICD10CM" | "HCPCS", options: CodeFileOptions, names: string[]): Parsed<string> {
  const label = kind === "ICD10CM" ? "ICD-10-CM fiscal year" : "HCPCS year";
  const article = kind === "ICD10CM" ? "an" : "a";
  if (options.version !== undefined) {
    const v = kind === "ICD10CM" ? icd10Version(options.version) : hcpcsVersion(options.version);
    return v ? ok(v) : fail(`"${options.version}" is not ${article} ${label} (write it like ${kind === "ICD10CM" ? "FY2025" : "2025"})`);
  }
  for (const name of names) {
    const year = yearFromFileName(name);
    if (year !== undefined) return ok(kind === "ICD10CM" ? `FY${year}` : String(year));
  }
  const example = kind === "ICD10CM" ? "icd10cm_order_2025.txt" : "HCPC2025_JAN_ANWEB.txt";
  return fail(`the name ${baseName(names[0])} does not say which ${label} it is for: choose the year, or name the file like ${example}`);
}

/** What a text file holds, from its first lines (the name decides only between a codes file and a list). */
export function textFormat(name: string, text: string, kind?: CodeSetKind): Parsed<"icd10-order" | "icd10-codes" | "hcpcs-text" | "list"> {
  if (kind === "LIST") return ok("list");
  if (looksLikeIcd10Addenda(text)) {
    return fail(
      `${baseName(name)} is an addenda file (the year's changes), not a code set: import the order file (icd10cm_order_YYYY.txt)`,
    );
  }
  if (kind !== "HCPCS" && looksLikeIcd10Order(text)) return ok("icd10-order");
  if (kind !== "ICD10CM" && looksLikeHcpcsText(text)) return ok("hcpcs-text");
  if (kind !== "HCPCS" && looksLikeIcd10Codes(text) && (kind === "ICD10CM" || /icd|codes|dx/i.test(baseName(name))))
    return ok("icd10-codes");
  if (kind === "ICD10CM") return fail(`${baseName(name)} is neither an ICD-10-CM order file nor a codes file`);
  if (kind === "HCPCS") return fail(`${baseName(name)} is not a HCPCS file (320-character records)`);
  return ok("list");
}

/**
 * Reads a code file as the office picked it: a zip, a text file or an .xlsx file. `name` is the file's
 * name (the year is read from it); `source` in the result names the file the codes came from.
 */
export async function readCodeSetFile(name: string, bytes: Uint8Array, options: CodeFileOptions = {}): Promise<Parsed<ParsedCodeSet>> {
  let fileName = name;
  let fileBytes = bytes;
  let xlsx = /\.xlsx$/i.test(name);
  const names = [name];
  let source = baseName(name);
  if (isZip(bytes)) {
    const inner = unzipCodeFile(name, bytes);
    if (!inner.ok) return inner;
    if (inner.value.name !== name) {
      fileName = inner.value.name;
      fileBytes = inner.value.bytes;
      names.unshift(fileName);
      source = `${baseName(name)}/${baseName(fileName)}`;
    }
    xlsx = inner.value.xlsx;
  } else if (/\.zip$/i.test(name)) {
    return fail(`${baseName(name)} is not a zip file: download it again`);
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE container: an old .xls, or an .xlsx locked with a password. The workbook reader says which.
    xlsx = true;
  }
  if (xlsx) return readWorkbookFile(fileBytes, names, source, options);
  return readTextFile(decodeCodeFile(fileBytes), names, source, options);
}

/** A code file already decoded to text (the codes, order, HCPCS text or list file). */
export function readTextFile(text: string, names: string[], source: string, options: CodeFileOptions = {}): Parsed<ParsedCodeSet> {
  const format = textFormat(names[0], text, options.kind);
  if (!format.ok) return format;
  if (format.value === "list") return parseCodeList(text, options.listName ?? stem(names[names.length - 1]), source, options);
  const version = setVersion(format.value === "hcpcs-text" ? "HCPCS" : "ICD10CM", options, names);
  if (!version.ok) return version;
  if (format.value === "icd10-order") return parseIcd10Order(text, version.value, source);
  if (format.value === "icd10-codes") return parseIcd10Codes(text, version.value, source);
  return parseHcpcsText(text, version.value, source);
}

/** An .xlsx file's first sheet: the CMS HCPCS Excel file when its headers say so, else a two-column list. */
function readWorkbookFile(bytes: Uint8Array, names: string[], source: string, options: CodeFileOptions): Parsed<ParsedCodeSet> {
  const sheet = readFirstSheet(bytes, source);
  if (!sheet.ok) return sheet;
  const { rows, dateSystem } = sheet.value;
  if (options.kind === "ICD10CM") return fail(`${source}: ICD-10-CM comes as a text file (icd10cm_order_YYYY.txt), not an Excel file`);
  if (options.kind === "HCPCS" || (options.kind === undefined && looksLikeHcpcsSheet(rows))) {
    const version = setVersion("HCPCS", options, names);
    if (!version.ok) return version;
    return parseHcpcsSheetRows(rows, version.value, source, dateSystem);
  }
  return codeListFromRows(rows, options.listName ?? stem(names[names.length - 1]), source, options);
}
