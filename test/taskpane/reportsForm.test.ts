// The Reports panel's form read without React: each report's fields become the engine's inputs, a
// blank KPI period is the three months ending at the as-of date, and every mistake (buckets that go
// down, an as-of date that is not a date, a negative balance) is said on its field, with nothing run.
import { describe, expect, it } from "vitest";
import { lastThreeMonths, newReportForm, readBuckets, readReportForm, type ReportForm } from "../../taskpane/reports/reportForm";

const TODAY = "2026-06-30";
const form = (patch: Partial<ReportForm>): ReportForm => ({ ...newReportForm(TODAY), ...patch });

describe("the report form's defaults", () => {
  it("starts on the aging as of today, by date of service, with the standard buckets or the practice's", () => {
    expect(newReportForm(TODAY)).toEqual({
      kind: "aging",
      asOf: TODAY,
      basis: "dos",
      buckets: "30, 60, 90, 120",
      grouping: "default",
      minBalance: "50.00",
      olderThan: "60",
      from: "",
      to: "",
    });
    expect(newReportForm(TODAY, "45, 90").buckets).toBe("45, 90");
  });
});

describe("reading the aging", () => {
  it("reads the default form as the engine's options, leaving `by` out for the default grouping", () => {
    expect(readReportForm(form({}))).toEqual({
      ok: true,
      request: { kind: "aging", asOf: TODAY, basis: "dos", bounds: [30, 60, 90, 120] },
    });
  });

  it("passes the grouping and the basis through, and reads a US date", () => {
    const read = readReportForm(form({ asOf: "5/31/2026", grouping: "payer", basis: "responsibility", buckets: "15; 45 90" }));
    expect(read).toEqual({
      ok: true,
      request: { kind: "aging", asOf: "2026-05-31", basis: "responsibility", bounds: [15, 45, 90], by: "payer" },
    });
  });

  it("refuses buckets that go down, saying which", () => {
    const read = readReportForm(form({ buckets: "60, 30" }));
    expect(read).toEqual({
      ok: false,
      errors: { buckets: "30 comes after 60: each bucket must end later than the one before, like 30, 60, 90, 120." },
    });
  });

  it("refuses an as-of date that is not a date, and a blank one, on their field", () => {
    expect(readReportForm(form({ asOf: "end of May" }))).toEqual({
      ok: false,
      errors: { asOf: '"end of May" is not a date (write it like 2026-03-05 or 3/5/2026).' },
    });
    expect(readReportForm(form({ asOf: "2026-02-30" }))).toEqual({
      ok: false,
      errors: { asOf: '"2026-02-30" is not a real calendar date.' },
    });
    expect(readReportForm(form({ asOf: " " }))).toEqual({
      ok: false,
      errors: { asOf: "Enter the date the report is as of, like 2026-06-30." },
    });
  });

  it("says every wrong field at once", () => {
    const read = readReportForm(form({ asOf: "tomorrow", buckets: "30, 30" }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.errors).sort()).toEqual(["asOf", "buckets"]);
  });
});

describe("readBuckets", () => {
  it("reads whole days separated by commas, semicolons or spaces", () => {
    expect(readBuckets(" 30 ,60;90  120 ")).toEqual({ ok: true, bounds: [30, 60, 90, 120] });
    expect(readBuckets("0")).toEqual({ ok: true, bounds: [0] });
  });

  it("refuses blanks, fractions, negatives, repeats and too many", () => {
    expect(readBuckets("")).toEqual({ ok: false, error: "Enter the last day of each bucket, like 30, 60, 90, 120." });
    expect(readBuckets("30, 45.5")).toEqual({
      ok: false,
      error: '"45.5" is not a whole number of days: write the buckets like 30, 60, 90, 120.',
    });
    expect(readBuckets("-30, 60")).toMatchObject({ ok: false, error: expect.stringContaining('"-30" is not a whole number') });
    expect(readBuckets("30, 30")).toMatchObject({ ok: false, error: expect.stringMatching(/^30 comes after 30/) });
    expect(readBuckets("1 2 3 4 5 6 7 8 9 10")).toMatchObject({ ok: true });
    expect(readBuckets("1 2 3 4 5 6 7 8 9 10 11")).toEqual({ ok: false, error: "Up to 10 bucket ends, please (11 were given)." });
  });
});

describe("reading the collections worklist", () => {
  it("reads the balance as cents and the age as days, with the aging's basis and buckets", () => {
    const read = readReportForm(form({ kind: "collections", minBalance: "$1,250.5", olderThan: "90", basis: "billed" }));
    expect(read).toEqual({
      ok: true,
      request: { kind: "collections", asOf: TODAY, basis: "billed", bounds: [30, 60, 90, 120], minBalance: 125050, olderThan: 90 },
    });
  });

  it("refuses a negative or unreadable balance and an age that is not whole days", () => {
    expect(readReportForm(form({ kind: "collections", minBalance: "-5" }))).toEqual({
      ok: false,
      errors: { minBalance: "The balance can't be negative." },
    });
    const read = readReportForm(form({ kind: "collections", minBalance: "fifty", olderThan: "6.5", buckets: "90, 60" }));
    expect(read).toEqual({
      ok: false,
      errors: {
        minBalance: '"fifty" is not an amount (write it like 1234.50 or $1,234.50).',
        olderThan: '"6.5" is not a whole number of days.',
        buckets: "60 comes after 90: each bucket must end later than the one before, like 30, 60, 90, 120.",
      },
    });
  });
});

describe("reading the KPIs", () => {
  it("takes a blank period as the three months ending at the as-of date, and ignores the aging's fields", () => {
    expect(readReportForm(form({ kind: "kpis", buckets: "60, 30" }))).toEqual({
      ok: true,
      request: { kind: "kpis", asOf: TODAY, from: "2026-04-01", to: TODAY },
    });
  });

  it("reads a period typed in, and refuses one that ends before it starts", () => {
    expect(readReportForm(form({ kind: "kpis", from: "1/1/2026", to: "2026-03-31" }))).toEqual({
      ok: true,
      request: { kind: "kpis", asOf: TODAY, from: "2026-01-01", to: "2026-03-31" },
    });
    expect(readReportForm(form({ kind: "kpis", from: "2026-04-01", to: "2026-03-31" }))).toEqual({
      ok: false,
      errors: { to: "The period ends (2026-03-31) before it starts (2026-04-01)." },
    });
    expect(readReportForm(form({ kind: "kpis", from: "April" }))).toEqual({
      ok: false,
      errors: { from: '"April" is not a date (write it like 2026-03-05 or 3/5/2026).' },
    });
  });
});

describe("lastThreeMonths", () => {
  it("gives three whole months for a month-end date, leap years and year ends included", () => {
    expect(lastThreeMonths("2026-06-30")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(lastThreeMonths("2026-05-31")).toEqual({ from: "2026-03-01", to: "2026-05-31" });
    expect(lastThreeMonths("2026-01-31")).toEqual({ from: "2025-11-01", to: "2026-01-31" });
    expect(lastThreeMonths("2026-02-28")).toEqual({ from: "2025-12-01", to: "2026-02-28" });
    expect(lastThreeMonths("2024-02-29")).toEqual({ from: "2023-12-01", to: "2024-02-29" });
  });

  it("starts the day after the same date three months back otherwise, clamped to that month's end", () => {
    expect(lastThreeMonths("2026-06-15")).toEqual({ from: "2026-03-16", to: "2026-06-15" });
    expect(lastThreeMonths("2026-02-10")).toEqual({ from: "2025-11-11", to: "2026-02-10" });
    // 2026-02-30 does not exist: the 28th, then the day after.
    expect(lastThreeMonths("2026-05-30")).toEqual({ from: "2026-03-01", to: "2026-05-30" });
  });
});
