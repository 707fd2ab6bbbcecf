// The Reports panel's form, apart from React so it can be tested in Node: which report, the as-of
// date, and each report's own choices (aging basis, buckets and grouping; the collections threshold
// and age; the KPI period), kept as the text the biller typed. readReportForm turns it into the
// engine's inputs or says, field by field, what is wrong; nothing runs until every field reads.
// A blank KPI period is the three months ending at the as-of date.
import { addDays, parseDate, type DateSystem, type IsoDate } from "../../src/dates";
import { parseMoney, type Cents } from "../../src/money";
import { DEFAULT_BOUNDS, type AgingBasis } from "../../src/reports/aging";
import { readBuckets } from "../../src/reports/agingBuckets";
import { sentence } from "../billerMessage";

// The buckets' reader is the engine's (the Practice settings form reads "Aging Buckets" with it too).
export { MAX_BOUNDS, readBuckets } from "../../src/reports/agingBuckets";

export type ReportKind = "aging" | "collections" | "kpis";
/** "default": insurance by payer, patient by account (the engine's `by` left out). */
export type Grouping = "default" | "payer" | "patient";

export const REPORTS: { id: ReportKind; label: string }[] = [
  { id: "aging", label: "A/R aging" },
  { id: "collections", label: "Collections worklist" },
  { id: "kpis", label: "Practice KPIs" },
];

export const BASES: { id: AgingBasis; label: string }[] = [
  { id: "dos", label: "Date of service" },
  { id: "billed", label: "Billed date" },
  { id: "responsibility", label: "Date it became the patient's" },
];

export const GROUPINGS: { id: Grouping; label: string }[] = [
  { id: "default", label: "Insurance by payer, patient by account" },
  { id: "payer", label: "Both by payer" },
  { id: "patient", label: "Both by account" },
];

/** The form as typed: every field is text, so a half-typed value is kept while it is wrong. */
export interface ReportForm {
  kind: ReportKind;
  asOf: string;
  basis: AgingBasis;
  buckets: string;
  grouping: Grouping;
  minBalance: string;
  olderThan: string;
  /** Blank: the three months ending at the as-of date. */
  from: string;
  to: string;
}

export type ReportField = "asOf" | "buckets" | "minBalance" | "olderThan" | "from" | "to";
export type ReportFormErrors = Partial<Record<ReportField, string>>;

export type ReportRequest =
  | { kind: "aging"; asOf: IsoDate; basis: AgingBasis; bounds: number[]; by?: "payer" | "patient" }
  | { kind: "collections"; asOf: IsoDate; basis: AgingBasis; bounds: number[]; minBalance: Cents; olderThan: number }
  | { kind: "kpis"; asOf: IsoDate; from: IsoDate; to: IsoDate };

export type ReadForm = { ok: true; request: ReportRequest } | { ok: false; errors: ReportFormErrors };

/** "30, 60, 90, 120". */
export function boundsText(bounds: readonly number[]): string {
  return bounds.join(", ");
}

/** A new form as of `today`, with the practice's own buckets when it set them. */
export function newReportForm(today: IsoDate, buckets: string = boundsText(DEFAULT_BOUNDS)): ReportForm {
  return {
    kind: "aging",
    asOf: today,
    basis: "dos",
    buckets,
    grouping: "default",
    minBalance: "50.00",
    olderThan: "60",
    from: "",
    to: "",
  };
}

/**
 * The three calendar months ending at `asOf`: through asOf, from the day after the same date three
 * months before (clamped to that month's end). A month-end as-of date gives three whole months
 * (2026-06-30: 2026-04-01 to 2026-06-30).
 */
export function lastThreeMonths(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const [y, m, d] = asOf.split("-").map(Number);
  const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  /** The month `back` months before this one, as [year, month]. */
  const monthsBack = (back: number): [number, number] => (m - back < 1 ? [y - 1, m - back + 12] : [y, m - back]);
  if (d === daysIn(y, m)) {
    const [year, month] = monthsBack(2);
    return { from: `${year}-${pad(month)}-01`, to: asOf };
  }
  const [year, month] = monthsBack(3);
  return { from: addDays(`${year}-${pad(month)}-${pad(Math.min(d, daysIn(year, month)))}`, 1), to: asOf };
}

const isBlank = (text: string) => text.trim() === "";

/** The form as the engine's inputs, or every mistake by field. Only the chosen report's fields are read. */
export function readReportForm(form: ReportForm, dateSystem: DateSystem = 1900): ReadForm {
  const errors: ReportFormErrors = {};
  const readDate = (field: "asOf" | "from" | "to", text: string, missing: string): IsoDate | undefined => {
    if (isBlank(text)) {
      errors[field] = missing;
      return undefined;
    }
    const parsed = parseDate(text, dateSystem);
    if (!parsed.ok) {
      errors[field] = sentence(parsed.error);
      return undefined;
    }
    return parsed.value;
  };
  const asOf = readDate("asOf", form.asOf, "Enter the date the report is as of, like 2026-06-30.");

  if (form.kind === "kpis") {
    const period = asOf ? lastThreeMonths(asOf) : undefined;
    const from = isBlank(form.from) ? period?.from : readDate("from", form.from, "");
    const to = isBlank(form.to) ? period?.to : readDate("to", form.to, "");
    if (from && to && from > to && !errors.from && !errors.to) errors.to = `The period ends (${to}) before it starts (${from}).`;
    if (!asOf || !from || !to || Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, request: { kind: "kpis", asOf, from, to } };
  }

  const buckets = readBuckets(form.buckets);
  if (!buckets.ok) errors.buckets = buckets.error;

  if (form.kind === "collections") {
    let minBalance: Cents | undefined;
    if (isBlank(form.minBalance)) errors.minBalance = "Enter the smallest balance to list, like 50.00 (0 lists every balance).";
    else {
      const parsed = parseMoney(form.minBalance);
      if (!parsed.ok) errors.minBalance = sentence(parsed.error);
      else if (parsed.value < 0) errors.minBalance = "The balance can't be negative.";
      else minBalance = parsed.value;
    }
    let olderThan: number | undefined;
    const days = form.olderThan.trim();
    if (days === "") errors.olderThan = "Enter an age in days, like 60 (0 lists every age).";
    else if (!/^\d{1,5}$/.test(days)) errors.olderThan = `"${days}" is not a whole number of days.`;
    else olderThan = Number(days);
    if (!asOf || !buckets.ok || minBalance === undefined || olderThan === undefined) return { ok: false, errors };
    return { ok: true, request: { kind: "collections", asOf, basis: form.basis, bounds: buckets.bounds, minBalance, olderThan } };
  }

  if (!asOf || !buckets.ok) return { ok: false, errors };
  const request: ReportRequest = { kind: "aging", asOf, basis: form.basis, bounds: buckets.bounds };
  if (form.grouping !== "default") request.by = form.grouping;
  return { ok: true, request };
}
