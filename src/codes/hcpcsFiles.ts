// Readers for the CMS HCPCS Level II annual file: the 320-character fixed-width text records and the
// Excel version of the same records. Both become the same record stream (code, record id, a piece of
// the long description, short description, dates) and one assembler joins continuation lines.
// The Excel file is read by xlsxFirstSheet (fflate, no ExcelJS), so the Excel host's Codes panel can import it too.
import { parseDate, serialToIso, type DateSystem, type IsoDate } from "../dates";
import { fail, ok, type Parsed } from "../result";
import type { CellValue } from "../workbook/port";
import type { HcpcsCodeSet, HcpcsEntry } from "./codeSetLibrary";
import { readFirstSheet } from "./xlsxFirstSheet";

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
  /** YYYYMMDD text or number, or an Excel serial (a date cell). */
  added: CellValue | undefined;
  terminated: CellValue | undefined;
}

const NAMED_SKIPS = 20;

/** Joins continuation records to their first line and collects the entries. */
class HcpcsAssembler {
  readonly entries: HcpcsEntry[] = [];
  readonly skipped: string[] = [];
  private skippedCount = 0;
  private current: HcpcsEntry | undefined;

  /** The date system of the workbook the records come from; the text file has no serials. */
  constructor(private readonly dateSystem: DateSystem = 1900) {}

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
    const added = fileDate(record.added, this.dateSystem);
    const terminated = fileDate(record.terminated, this.dateSystem);
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

/** YYYYMMDD text or number, an Excel serial (a date cell) in the workbook's date system, or blank. */
function fileDate(value: CellValue | undefined, system: DateSystem): IsoDate | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") {
    const iso = value >= 10_000_000 ? parseDate(String(Math.trunc(value))) : serialToIso(value, system);
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

const cellText = (value: CellValue | undefined) => (value === null || value === undefined ? "" : String(value));

/** True when a sheet's header row (within its first 20 rows) has the CMS file's HCPC column and one of its record columns. */
export function looksLikeHcpcsSheet(rows: CellValue[][]): boolean {
  return rows.slice(0, 20).some((row) => {
    const keys = new Set((row ?? []).map((cell) => columnKey(cellText(cell))));
    return keys.has("code") && (keys.has("recordId") || keys.has("short") || keys.has("added") || keys.has("terminated"));
  });
}

/**
 * The rows of the Excel version's sheet (header row first, possibly below a title). Columns are found
 * by header; a sheet without a record id column is taken as one row per code (modifiers are 2 characters).
 * Date cells arrive as serials of the workbook's `dateSystem`.
 */
export function parseHcpcsSheetRows(
  rows: CellValue[][],
  version: string,
  source: string,
  dateSystem: DateSystem = 1900,
): Parsed<HcpcsCodeSet> {
  const headerAt = rows.slice(0, 20).findIndex((row) => (row ?? []).some((cell) => columnKey(cellText(cell)) === "code"));
  if (headerAt < 0) return fail(`${source} has no HCPC column: is it the CMS HCPCS Excel file?`);
  const columns: Partial<Record<ColumnKey, number>> = {};
  rows[headerAt].forEach((cell, i) => {
    const key = columnKey(cellText(cell));
    if (key && columns[key] === undefined) columns[key] = i;
  });
  if (columns.long === undefined && columns.short === undefined) {
    return fail(`${source} has no description column (LONG DESCRIPTION or SHORT DESCRIPTION)`);
  }
  const assembler = new HcpcsAssembler(dateSystem);
  const at = (row: CellValue[], key: ColumnKey) => (columns[key] === undefined ? undefined : row[columns[key]!]);
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
export function parseHcpcsWorkbook(bytes: Uint8Array, version: string, source: string): Parsed<HcpcsCodeSet> {
  const sheet = readFirstSheet(bytes, source);
  if (!sheet.ok) return sheet;
  return parseHcpcsSheetRows(sheet.value.rows, version, source, sheet.value.dateSystem);
}
