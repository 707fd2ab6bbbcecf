// Dates a biller works by: how old a date of service or a statement is (MEDBILL.AGEDAYS), which aging
// column it belongs in (MEDBILL.AGINGBUCKET) and the last day a payer takes the claim
// (MEDBILL.FILINGDEADLINE). Each takes one cell or a range and answers in its shape; the companion
// arguments (as-of dates, filing limits) are one cell for all or a range lined up with the dates.
//
// Decisions, as a biller meets them:
// - Ages are whole calendar days from the date to the as-of date; left out (or a blank as-of cell), the
//   as-of date is today. AGEDAYS of a date after the as-of date is negative (days still to come), so
//   -AGEDAYS(FILINGDEADLINE(...)) is the days left to file. AGINGBUCKET refuses such a date instead
//   (#VALUE! "the date is after the as-of date"): a future charge in an aging report is a typing mistake.
// - Bucket bounds are the last day of each column: 30,60,90,120 gives "0-30", "31-60", "61-90",
//   "91-120" and "120+" (more than 120 days), as A/R aging reports head them.
// - FILINGDEADLINE answers an Excel date serial (1900 system, as custom functions see dates): format
//   the cells as dates.
import { addDays, daysBetween, isoToSerial, shortUsDate, todayIso, type IsoDate } from "../src/dates";
import { bucketLabels, bucketOf, DEFAULT_BOUNDS } from "../src/reports/aging";
import { answerEach, CellErrors, cellRows, companion, DatesOfService, isBlankCell, readDate, type Answer } from "./cellRanges";

/** 9999-12-31, the last date Excel shows (1900 system). */
const LAST_SERIAL = 2958465;

/** The as-of date of each cell: the given one, or today when left out or blank. */
function asOfDates(asOf: unknown, dates: unknown[][]) {
  const given = new DatesOfService(companion(asOf, dates, "as-of dates", "dates"), "as-of date");
  const today = todayIso();
  return (row: number, column: number): { ok: true; date: IsoDate } | { ok: false; reason: string } => {
    const read = given.at(row, column);
    return read.ok ? { ok: true, date: read.dos ?? today } : read;
  };
}

/** The age in days of each date, or why it has none; blank dates answer blank. */
function ages(dates: unknown, asOf: unknown, answer: (age: number, date: IsoDate, asOf: IsoDate) => Answer): Answer[][] {
  const rows = cellRows(dates);
  const asOfAt = asOfDates(asOf, rows);
  const errors = new CellErrors();
  return answerEach(rows, (cell, r, c) => {
    if (isBlankCell(cell)) return "";
    const date = readDate(cell, "date");
    if (!date.ok) return errors.invalidValue(date.reason);
    const until = asOfAt(r, c);
    if (!until.ok) return errors.invalidValue(until.reason);
    return answer(daysBetween(date.dos!, until.date), date.dos!, until.date);
  });
}

/** MEDBILL.AGEDAYS: whole days from each date to the as-of date (negative for a later date). */
export function ageDaysCells(dates: unknown, asOf: unknown): Answer[][] {
  return ages(dates, asOf, (age) => age);
}

/** Bucket bounds as given, or why they cannot be used. */
export type BucketBounds = { ok: true; bounds: number[]; labels: string[] } | { ok: false; reason: string };

/** Reads the bounds: left out (the usual 30,60,90,120), text like "30,60,90,120", or a range of numbers. */
export function readBucketBounds(argument: unknown): BucketBounds {
  const cells = cellRows(argument)
    .flat()
    .filter((cell) => !isBlankCell(cell));
  let given: unknown[] = cells;
  if (cells.length === 1 && typeof cells[0] === "string") given = cells[0].split(/[\s,;]+/).filter((part) => part !== "");
  if (given.length === 0) return bucketsFrom(DEFAULT_BOUNDS);
  const bounds: number[] = [];
  for (const value of given) {
    const days = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
    if (!Number.isInteger(days) || days < 0) {
      return { ok: false, reason: `the bounds must be whole numbers of days, like "30,60,90,120": ${shown(value)} is not one` };
    }
    const last = bounds[bounds.length - 1];
    if (last !== undefined && days <= last)
      return { ok: false, reason: `the bounds must go up, like "30,60,90,120": ${days} comes after ${last}` };
    bounds.push(days);
  }
  return bucketsFrom(bounds);
}

/** The columns as the A/R aging report heads them, so a cell and the report agree. */
function bucketsFrom(bounds: number[]): BucketBounds {
  return { ok: true, bounds, labels: bucketLabels(bounds) };
}

/** MEDBILL.AGINGBUCKET: the aging column of each date ("0-30" ... "120+"). */
export function agingBucketCells(dates: unknown, asOf: unknown, boundsArgument: unknown): Answer[][] {
  const buckets = readBucketBounds(boundsArgument);
  const errors = new CellErrors();
  return ages(dates, asOf, (age, date, until) => {
    if (!buckets.ok) return errors.invalidValue(buckets.reason);
    // Each message names its own dates: not worth sharing.
    if (age < 0) return errors.invalidValue(`the date is after the as-of date (${shortUsDate(date)} is after ${shortUsDate(until)})`);
    return buckets.labels[bucketOf(age, buckets.bounds)];
  });
}

/** A filing limit in days, or why it is not one. */
function readFilingDays(value: unknown): { ok: true; days: number } | { ok: false; reason: string } {
  if (isBlankCell(value)) return { ok: false, reason: "the filing limit is blank: give the payer's timely filing days, like 90 or 365" };
  const days = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim().replace(/,/g, "")) : NaN;
  if (!Number.isInteger(days) || days < 0) {
    return { ok: false, reason: `the filing limit must be a whole number of days, like 90 or 365, not ${shown(value)}` };
  }
  return { ok: true, days };
}

/** MEDBILL.FILINGDEADLINE: the date of service plus the payer's filing limit, as an Excel date serial. */
export function filingDeadlineCells(datesOfService: unknown, days: unknown): Answer[][] {
  const rows = cellRows(datesOfService);
  const limits = companion(days, rows, "filing limits", "dates of service");
  const errors = new CellErrors();
  return answerEach(rows, (cell, r, c) => {
    if (isBlankCell(cell)) return "";
    const dos = readDate(cell, "date of service");
    if (!dos.ok) return errors.invalidValue(dos.reason);
    if (!limits.ok) return errors.invalidValue(limits.reason);
    const limit = readFilingDays(limits.at(r, c));
    if (!limit.ok) return errors.invalidValue(limit.reason);
    const serial = isoToSerial(dos.dos!) + limit.days;
    if (serial > LAST_SERIAL)
      return errors.invalidValue(`${limit.days} days after ${shortUsDate(dos.dos!)} is past the last date Excel shows`);
    return isoToSerial(addDays(dos.dos!, limit.days));
  });
}

function shown(value: unknown): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = String(value).trim();
  return `"${text.length > 24 ? `${text.slice(0, 24)}…` : text}"`;
}
