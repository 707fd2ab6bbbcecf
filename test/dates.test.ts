import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  daysBetween,
  isoToDay,
  isoToSerial,
  jsDateToIso,
  parseDate,
  serialToIso,
  shortUsDate,
  todayIso,
  usDate,
} from "../src/dates";

const iso = (serial: number, system: 1900 | 1904 = 1900) => {
  const r = serialToIso(serial, system);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("Excel serial dates, 1900 system", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [45000, "2023-03-15"],
    [46086, "2026-03-05"],
    [2958465, "9999-12-31"],
  ])("serial %i is %s and back", (serial, date) => {
    expect(iso(serial)).toBe(date);
    expect(isoToSerial(date)).toBe(serial);
  });

  it("refuses Excel's fictitious 1900-02-29 (serial 60) with a reason", () => {
    const r = serialToIso(60);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/1900-02-29 never existed/);
  });

  it("drops the time of day", () => {
    expect(iso(46086.75)).toBe("2026-03-05");
  });

  it("refuses serials outside Excel's range", () => {
    expect(serialToIso(0).ok).toBe(false);
    expect(serialToIso(-3).ok).toBe(false);
    expect(serialToIso(3e6).ok).toBe(false);
  });
});

describe("Excel serial dates, 1904 system", () => {
  it.each([
    [0, "1904-01-01"],
    [1, "1904-01-02"],
    [44624, "2026-03-05"],
  ])("serial %i is %s and back", (serial, date) => {
    expect(iso(serial, 1904)).toBe(date);
    expect(isoToSerial(date, 1904)).toBe(serial);
  });

  it("is 1462 days behind the 1900 system after 1900-03-01", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462 + 61, max: 2_900_000 }), (s1900) => {
        expect(iso(s1900 - 1462, 1904)).toBe(iso(s1900));
      }),
    );
  });

  it("round-trips every serial in both systems", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (s) => {
        expect(isoToSerial(iso(s))).toBe(s);
        const s1904 = s - 1462;
        if (s1904 >= 0) expect(isoToSerial(iso(s1904, 1904), 1904)).toBe(s1904);
      }),
    );
  });
});

describe("parseDate", () => {
  const value = (input: unknown, system: 1900 | 1904 = 1900) => {
    const r = parseDate(input, system);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it.each([
    ["2026-03-05", "2026-03-05"],
    ["3/5/2026", "2026-03-05"],
    ["03/05/2026", "2026-03-05"],
    ["20260305", "2026-03-05"],
    ["2026-3-5", "2026-03-05"],
    [" 12/31/2025 ", "2025-12-31"],
    ["2026-03-05T00:00:00.000Z", "2026-03-05"],
  ])("reads %j", (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it("reads serials in the workbook's own system", () => {
    expect(value(46086)).toBe("2026-03-05");
    expect(value(44624, 1904)).toBe("2026-03-05");
  });

  it("reads ExcelJS dates (UTC midnight) without time-zone drift", () => {
    expect(value(new Date(Date.UTC(2026, 2, 5)))).toBe("2026-03-05");
    expect(jsDateToIso(new Date(Date.UTC(2025, 11, 31, 23, 59))).ok && value(new Date(Date.UTC(2025, 11, 31, 23, 59)))).toBe("2025-12-31");
  });

  it("refuses impossible dates and two-digit years, saying why", () => {
    expect(parseDate("2/30/2026")).toEqual({ ok: false, error: '"2/30/2026" is not a real calendar date' });
    expect(parseDate("13/45/2026").ok).toBe(false);
    expect(parseDate("3/5/26")).toEqual({ ok: false, error: '"3/5/26" has a two-digit year: write the year in full (3/5/2026)' });
    expect(parseDate("next Tuesday").ok).toBe(false);
    expect(parseDate(true).ok).toBe(false);
  });
});

describe("date arithmetic", () => {
  it("counts whole days across leap years and DST changes", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("takes today's date from the local calendar", () => {
    expect(todayIso(new Date(2026, 10, 27, 23, 30))).toBe("2026-11-27");
  });
});

describe("US dates", () => {
  it("prints a statement's dates padded and a cell's date as typed", () => {
    expect(usDate("2026-03-05")).toBe("03/05/2026");
    expect(shortUsDate("2026-03-05")).toBe("3/5/2026");
    expect(shortUsDate("2025-11-27")).toBe("11/27/2025");
  });
});

describe("day numbers (the ledger's date columns)", () => {
  it("count days from 1970-01-01, in the order of the ISO dates", () => {
    expect(isoToDay("1970-01-01")).toBe(0);
    expect(isoToDay("1969-12-31")).toBe(-1);
    expect(isoToDay("2000-03-01") - isoToDay("2000-02-28")).toBe(2);
    expect(isoToDay("1900-03-01") - isoToDay("1900-02-28")).toBe(1);
    const dateArb = fc.integer({ min: 0, max: 80_000 }).map((d) => addDays("1900-01-01", d));
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(isoToDay(b) - isoToDay(a)).toBe(daysBetween(a, b));
        expect(Math.sign(isoToDay(a) - isoToDay(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2_000 },
    );
  });
});
