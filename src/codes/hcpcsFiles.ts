// Readers for the CMS HCPCS Level II annual file: the 320-character fixed-width text records and the
// Excel version of the same records. Both become the same record stream (code, record id, a piece of
// the long description, short description, dates) and one assembler joins continuation lines.
// ExcelJS is loaded only when an Excel file is actually read, so it stays out of every first load.
import { jsDateToIso, parseDate, serialToIso, type IsoDate } from "../dates";
import { fail, ok, type Parsed } from "../result";
import type { HcpcsCodeSet, HcpcsEntry } from "./codeSetLibrary";

/** One record as the layout gives it; the text and the Excel file both come down to this. */
interface HcpcsRecord {
  /** Where it was read ("line 12", "row 12"), for what was skipped. */
  where: string;
  /** Columns 1-5: the code, or the modifier in 4-5 on modifier records. */
  code: string;
  /** "3" code first line, "4" its continuation, "7" modifier first line, "8" its continuation. */
  recordId: string;
  long: string;
  short: string;
  added: unknown;
  terminated: unknown;
}

const NAMED_SKIPS = 20;

/** Joins continuation records to their first line and collects the entries. */
class HcpcsAssembler {
  readonly entries: HcpcsEntry[] = [];
  readonly skipped: string[] = [];
  private skippedCount = 0;
  private current: HcpcsEntry | undefined;

  add(record: HcpcsRecord): void {
    const { recordId } = record;
    const modifier = recordId === "7" || recordId === "8";
    const code = modifier ? record.code.trim().slice(-2) : record.code.trim();
    if (!(modifier ? /^[0-9A-Z]{2}$/ : /^[0-9A-Z]{5}$/).test(code)) {
      this.skip(record.where, `"${record.code.trim()}" is not a HCPCS ${modifier ? "modifier" : "code"}`);
      return;
    }
    const long = record.long.trim();
    if (recordId === "4" || recordId === "8") {
      const current = this.current;
      if (!current || current.code !== code || current.modifier !== modifier) {
        this.skip(record.where, `continuation of ${code} without its first line`);
        return;
      }
      // The long description is cut into 80-character pieces at word boundaries.
      if (long !== "") current.long = current.long === "" ? long : `${current.long} ${long}`;
      return;
    }
    const entry: HcpcsEntry = { code, modifier, short: record.short.trim(), long };
    const added = fileDate(record.added);
    const terminated = fileDate(record.terminated);
    if (added) entry.added = added;
    if (terminated) entry.terminated = terminated;
    this.entries.push(entry);
    this.current = entry;
  }

  skip(where: string, why: string): void {
    if (this.skippedCount++ < NAMED_SKIPS) this.skipped.push(`${where}: ${why}`);
  }

  finish(version: string, source: string): Parsed<HcpcsCodeSet> {
    if (!this.entries.some((e) => !e.modifier)) return fail(`${source} holds no HCPCS codes: is it the CMS HCPCS file?`);
    if (this.skippedCount > NAMED_SKIPS) this.skipped.push(`and ${(this.skippedCount - NAMED_SKIPS).toLocaleString("en-US")} more`);
    return ok({ kind: "HCPCS", version, source, entries: this.entries, skipped: this.skipped });
  }
}

/** YYYYMMDD text or number, an Excel serial, a JS Date, or blank. */
function fileDate(value: unknown): IsoDate | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    const iso = jsDateToIso(value);
    return iso.ok ? iso.value : undefined;
  }
  if (typeof value === "number") {
    const iso = value >= 10_000_000 ? parseDate(String(Math.trunc(value))) : serialToIso(value);
    return iso.ok ? iso.value : undefined;
  }
  const text = String(value).trim();
  if (text === "" || /^0+$/.test(text)) return undefined;
  const iso = parseDate(text);
  return iso.ok ? iso.value : undefined;
}

const isRecordId = (c: string) => c === "3" || c === "4" || c === "7" || c === "8";

/**
 * The fixed-width text file (`HCPC2019_CONTR_ANWEB.txt`). Short records are read as if padded; the
 * disclaimer lines at the top are passed over, and any other line that is no record is reported.
 */
export function parseHcpcsText(text: string, version: string, source: string): Parsed<HcpcsCodeSet> {
  const assembler = new HcpcsAssembler();
  let lineNo = 0;
  for (let start = 0; start < text.length;) {
    let next = text.indexOf("\n", start);
    if (next < 0) next = text.length;
    let end = next;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    lineNo++;
    const line = text.slice(start, end);
    start = next + 1;
    const recordId = line.charAt(10);
    if (line.length > 11 && isRecordId(recordId) && /^[0-9A-Z ]{5}\d{5}$/.test(line.slice(0, 10))) {
      assembler.add({
        where: `line ${lineNo}`,
        code: line.slice(0, 5),
        recordId,
        long: line.slice(11, 91),
        short: line.slice(91, 119),
        added: line.slice(268, 276),
        terminated: line.slice(284, 292),
      });
    } else if (line.trim() !== "" && assembler.entries.length > 0) {
      assembler.skip(`line ${lineNo}`, "not a HCPCS record");
    }
  }
  return assembler.finish(version, source);
}

/** True when one of the first lines is a HCPCS record: code, sequence number, record id 3/4/7/8. */
export function looksLikeHcpcsText(text: string): boolean {
  const head = text.slice(0, 40_000).split("\n");
  return head.some((line) => line.length >= 120 && /^[0-9A-Z ]{5}\d{5}[3478]/.test(line));
}

type ColumnKey = "code" | "recordId" | "long" | "short" | "added" | "terminated";

/** Which column a header names, loosely: "HCPC", "RECID", "LONG DESCRIPTION", "ADD DT", "TERM DT"... */
function columnKey(header: string): ColumnKey | undefined {
  const h = header.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (h === "hcpc" || h === "hcpcs" || h === "hcpcscode" || h === "hcpccode" || h === "code") return "code";
  if (h === "recid" || h === "recordid" || h === "ric" || h === "recordidentification") return "recordId";
  if (h.startsWith("long") || h === "description") return "long";
  if (h.startsWith("short")) return "short";
  if (h.startsWith("add") || h === "codeaddeddate" || h === "codeadddate") return "added";
  if (h.startsWith("term")) return "terminated";
  return undefined;
}

/** A cell as ExcelJS hands it over (rich text, formula results, hyperlinks) down to a plain value. */
function plainValue(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== "object" || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
  if (v.richText) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return plainValue(v.result);
  if (v.text !== undefined) return v.text;
  return undefined;
}

const cellText = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** True when a sheet's header row (within its first 20 rows) has the CMS file's HCPC column and one of its record columns. */
export function looksLikeHcpcsSheet(rows: unknown[][]): boolean {
  return rows.slice(0, 20).some((row) => {
    const keys = new Set((row ?? []).map((cell) => columnKey(cellText(plainValue(cell)))));
    return keys.has("code") && (keys.has("recordId") || keys.has("short") || keys.has("added") || keys.has("terminated"));
  });
}

/**
 * The rows of the Excel version's sheet (header row first, possibly below a title). Columns are found
 * by header; a sheet without a record id column is taken as one row per code (modifiers are 2 characters).
 */
export function parseHcpcsSheetRows(rows: unknown[][], version: string, source: string): Parsed<HcpcsCodeSet> {
  const headerAt = rows.slice(0, 20).findIndex((row) => row.some((cell) => columnKey(cellText(plainValue(cell))) === "code"));
  if (headerAt < 0) return fail(`${source} has no HCPC column: is it the CMS HCPCS Excel file?`);
  const columns: Partial<Record<ColumnKey, number>> = {};
  rows[headerAt].forEach((cell, i) => {
    const key = columnKey(cellText(plainValue(cell)));
    if (key && columns[key] === undefined) columns[key] = i;
  });
  if (columns.long === undefined && columns.short === undefined) {
    return fail(`${source} has no description column (LONG DESCRIPTION or SHORT DESCRIPTION)`);
  }
  const assembler = new HcpcsAssembler();
  const at = (row: unknown[], key: ColumnKey) => (columns[key] === undefined ? undefined : plainValue(row[columns[key]!]));
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const code = cellText(at(row, "code"));
    if (code.trim() === "") continue;
    const given = cellText(at(row, "recordId")).trim();
    const recordId = columns.recordId === undefined ? (code.trim().length === 2 ? "7" : "3") : given;
    if (!isRecordId(recordId)) {
      assembler.skip(`row ${r + 1}`, `record id "${given}" is none of 3, 4, 7, 8`);
      continue;
    }
    assembler.add({
      where: `row ${r + 1}`,
      code,
      recordId,
      long: cellText(at(row, "long")),
      short: cellText(at(row, "short")),
      added: at(row, "added"),
      terminated: at(row, "terminated"),
    });
  }
  return assembler.finish(version, source);
}

/** The CMS Excel version (`HCPC2025_JAN_ANWEB.xlsx`): its first sheet. */
export async function parseHcpcsWorkbook(bytes: Uint8Array, version: string, source: string): Promise<Parsed<HcpcsCodeSet>> {
  const rows = await firstSheetRows(bytes);
  if (!rows.ok) return fail(`${source} could not be opened as an Excel file: ${rows.error}`);
  return parseHcpcsSheetRows(rows.value, version, source);
}

/** Every row of an .xlsx file's first sheet, cells 0-based. ExcelJS is fetched here, on first use. */
export async function firstSheetRows(bytes: Uint8Array): Promise<Parsed<unknown[][]>> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return fail(error instanceof Error ? error.message : "the file is damaged");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail("it has no sheets");
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    // row.values is 1-based (index 0 unused).
    rows[rowNumber - 1] = (row.values as unknown[]).slice(1);
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return ok(rows);
}
