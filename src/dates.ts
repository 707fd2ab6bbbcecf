// Calendar dates. The engine works in ISO dates ("2026-03-05"); Excel serials (1900 and 1904
// date systems), text dates and the JS Dates that ExcelJS hands back are converted here, at the edge.
import { fail, ok, type Parsed } from "./result";

/** A calendar date, "YYYY-MM-DD". No time, no time zone. */
export type IsoDate = string;
/** Excel's two date systems: serial 1 = 1900-01-01, or serial 0 = 1904-01-01. */
export type DateSystem = 1900 | 1904;

const DAY_MS = 86_400_000;
// Serial 0 in each system, as UTC milliseconds. The 1900 system counts a fictitious
// 1900-02-29 (serial 60, kept from Lotus 1-2-3), so from serial 61 on its epoch is 1899-12-30.
const EPOCH_1900_AFTER_LEAP = Date.UTC(1899, 11, 30);
const EPOCH_1900_BEFORE_LEAP = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MAX_SERIAL = 2958465; // 9999-12-31 in the 1900 system

/** Excel serial -> ISO date. A time-of-day fraction is dropped. */
export function serialToIso(serial: number, system: DateSystem = 1900): Parsed<IsoDate> {
  if (!Number.isFinite(serial)) return fail(`${serial} is not a date`);
  const day = Math.floor(serial);
  if (system === 1900) {
    if (day < 1 || day > MAX_SERIAL) return fail(`${serial} is not a date Excel can show`);
    if (day === 60) {
      return fail("1900-02-29 never existed (Excel's 1900 leap-year bug): enter the real date");
    }
    const epoch = day < 60 ? EPOCH_1900_BEFORE_LEAP : EPOCH_1900_AFTER_LEAP;
    return ok(msToIso(epoch + day * DAY_MS));
  }
  if (day < 0 || day > MAX_SERIAL - 1462) return fail(`${serial} is not a date Excel can show`);
  return ok(msToIso(EPOCH_1904 + day * DAY_MS));
}

/** ISO date -> Excel serial in the given date system. */
export function isoToSerial(iso: IsoDate, system: DateSystem = 1900): number {
  const ms = isoToMs(iso);
  if (system === 1904) return Math.round((ms - EPOCH_1904) / DAY_MS);
  const serial = Math.round((ms - EPOCH_1900_AFTER_LEAP) / DAY_MS);
  return serial <= 60 ? serial - 1 : serial;
}

/** A JS Date from ExcelJS (UTC midnight for a date cell) -> ISO date, with no time-zone drift. */
export function jsDateToIso(date: Date): Parsed<IsoDate> {
  if (Number.isNaN(date.getTime())) return fail("the date is not valid");
  return ok(msToIso(date.getTime()));
}

/** A JS Date at UTC midnight for an ISO date (what ExcelJS writes as a date cell). */
export function isoToJsDate(iso: IsoDate): Date {
  return new Date(isoToMs(iso));
}

/**
 * Read a date from a cell or a file: an Excel serial, an ISO date, US "3/5/2026",
 * X12 "20260305", or a JS Date. Two-digit years are refused: 3/5/26 could be 1926 for a birth date.
 */
export function parseDate(input: unknown, system: DateSystem = 1900): Parsed<IsoDate> {
  if (typeof input === "number") return serialToIso(input, system);
  if (input instanceof Date) return jsDateToIso(input);
  if (typeof input !== "string") return fail(`${input === null || input === undefined ? "a blank cell" : String(input)} is not a date`);
  const text = input.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return fromParts(+m[1], +m[2], +m[3], input);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) return fromParts(+m[3], +m[1], +m[2], input);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return fromParts(+m[1], +m[2], +m[3], input);
  if (/^\d{1,2}[/-]\d{1,2}[/-]\d{2}$/.test(text)) {
    return fail(`"${input}" has a two-digit year: write the year in full (3/5/2026)`);
  }
  return fail(`"${input}" is not a date (write it like 2026-03-05 or 3/5/2026)`);
}

/** True when the ISO text names a real calendar date. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && fromParts(+m[1], +m[2], +m[3], text).ok;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((isoToMs(to) - isoToMs(from)) / DAY_MS);
}

/** The date `days` after `iso` (negative goes back). */
export function addDays(iso: IsoDate, days: number): IsoDate {
  return msToIso(isoToMs(iso) + days * DAY_MS);
}

/** Today's calendar date in the user's own time zone. */
export function todayIso(now: Date = new Date()): IsoDate {
  return msToIso(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function fromParts(year: number, month: number, day: number, original: string): Parsed<IsoDate> {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (year < 1900 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return fail(`"${original}" is not a real calendar date`);
  }
  return ok(msToIso(ms));
}

function isoToMs(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function msToIso(ms: number): IsoDate {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

// Two US spellings, both wanted: a printed statement lines its dates up in columns (11/05/2026),
// while a message about a cell names a date the way a biller types it (11/5/2026).

/** "2026-11-05" → "11/05/2026", as a patient reads a date on a statement (mm/dd/yyyy). */
export function usDate(iso: IsoDate): string {
  const [year, month, day] = iso.split("-");
  return year && month && day ? `${month}/${day}/${year}` : iso;
}

/** "2025-03-01" → "3/1/2025", as a biller types a date into a cell (m/d/yyyy, no leading zeros). */
export function shortUsDate(iso: IsoDate): string {
  const [year, month, day] = iso.split("-");
  return year && month && day ? `${Number(month)}/${Number(day)}/${year}` : iso;
}

// Day numbers: the ledger keeps dates as whole days since 1970-01-01 in typed arrays, so a million
// lines compare and age by integers. Worked out from the digits (no Date object): this runs once per
// row when a ledger is built. Same order as the ISO strings for every "YYYY-MM-DD" date.

/** The day number of an ISO date "YYYY-MM-DD": days since 1970-01-01 (negative before). */
export function isoToDay(iso: IsoDate): number {
  // No helper closure here: this runs once per row of a large ledger.
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + iso.charCodeAt(3) - 48;
  const m = (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48;
  const d = (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48;
  // Howard Hinnant's days_from_civil.
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
