// What the Reports panel shows of a report it ran, as plain data so it can be tested in Node: the
// headline figures of the aging (total A/R with its insurance and patient shares, % over 90 days,
// days in A/R), what was kept apart or left out, the ledger's problems as a count, the KPIs as a
// list, the collections worklist in one sentence, and the chart of A/R by bucket stacked by payer
// type (its series, colours, axis labels and the summary a screen reader hears). No patient appears
// here: account IDs and totals only.
import { centsToNumber, formatMoney, type Cents } from "../../src/money";
import type { AgingReport, AgingSeries } from "../../src/reports/aging";
import { PATIENT_SERIES, UNKNOWN_PAYER_SERIES } from "../../src/reports/aging";
import type { CollectionsWorklist } from "../../src/reports/collections";
import type { Kpi, PracticeKpis } from "../../src/reports/kpis";
import { kpiList } from "../../src/reports/kpiSheet";
import { count, listInWords, plural } from "../billerMessage";
import { BASES, GROUPINGS } from "./reportForm";
import type { ReportOutcome } from "./reportRun";

/** "12.3%", or "n/a" when there was nothing to measure. */
export function percentText(value: number | null): string {
  return value === null ? "n/a" : `${value.toFixed(1)}%`;
}

/** "38.2 days", or "n/a" when there was nothing to measure. */
export function daysText(value: number | null): string {
  return value === null ? "n/a" : `${value.toFixed(1)} days`;
}

/** A KPI's value as a manager reads it. */
export function kpiValue(kpi: Pick<Kpi, "value" | "unit">): string {
  return kpi.unit === "percent" ? percentText(kpi.value) : daysText(kpi.value);
}

export interface Figure {
  /** Stable id for tests and styling: "total", "over90", "daysInAr". */
  id: "total" | "over90" | "daysInAr";
  label: string;
  value: string;
  detail: string;
}

export interface AgingHeadline {
  /** The report's choices, a short line each: as of and basis, buckets, grouping. */
  parameters: string[];
  figures: Figure[];
  /** Credits kept apart; lines left out as later than the as-of date. */
  notes: string[];
}

/**
 * The figures a manager looks at first. Total A/R is the report's (credits not netted); % over 90
 * and days in A/R are the practice KPIs as of the same date (aged by date of service, whatever the
 * report's basis, so they match the KPI sheet and the standard benchmarks).
 */
export function agingHeadline(report: AgingReport, kpis: PracticeKpis, by?: "payer" | "patient"): AgingHeadline {
  const basis = BASES.find((b) => b.id === report.basis)?.label.toLowerCase() ?? report.basis;
  const grouping = GROUPINGS.find((g) => g.id === (by ?? "default"))?.label ?? "";
  const notes = [
    report.credits.length === 0
      ? "No credit balances."
      : `Credits: ${formatMoney(-report.creditTotal)} on ${plural(report.credits.length, "line")}, kept apart from the buckets.`,
  ];
  if (report.later.lines > 0) {
    notes.push(`Left out: ${plural(report.later.lines, "line")} with a date of service after ${report.asOf}.`);
  }
  return {
    parameters: [`As of ${report.asOf}, aged by ${basis}`, `Buckets ${report.buckets.join(", ")}`, grouping],
    figures: [
      {
        id: "total",
        label: "Total A/R",
        value: formatMoney(report.total),
        detail: `Insurance ${formatMoney(report.insurance.total)} · patient ${formatMoney(report.patient.total)}`,
      },
      {
        id: "over90",
        label: "Over 90 days",
        value: percentText(kpis.arOver90.value),
        detail: report.basis === "dos" ? "of A/R" : "of A/R, by date of service",
      },
      {
        id: "daysInAr",
        label: "Days in A/R",
        value: kpis.daysInAr.value === null ? "n/a" : kpis.daysInAr.value.toFixed(1),
        detail: kpis.daysInAr.value === null ? "no charges in the last 3 months" : "on the last 3 months' charges",
      },
    ],
    notes,
  };
}

/** The KPIs in the sheet's order, each with its value as text and its definition. */
export function kpiRows(kpis: PracticeKpis): { name: string; value: string; definition: string }[] {
  return kpiList(kpis).map((kpi) => ({ name: kpi.name, value: kpiValue(kpi), definition: kpi.definition }));
}

/** The worklist in one sentence: how many accounts, and what they owe. */
export function collectionsSummary(list: CollectionsWorklist, minBalance: Cents, olderThan: number): string {
  const rule = `over ${formatMoney(minBalance)} with a balance older than ${plural(olderThan, "day")}`;
  const missed = list.accounts.filter((a) => a.note !== undefined).length;
  const onPlan =
    (missed > 0 ? ` ${plural(missed, "account")} missed a payment plan installment (listed).` : "") +
    (list.onPlan.length > 0
      ? ` ${plural(list.onPlan.length, "account")} on a payment plan kept up ${list.onPlan.length === 1 ? "is" : "are"} not proposed.`
      : "");
  if (list.accounts.length === 0) return `No account owes ${rule} as of ${list.asOf}.${onPlan}`;
  return `${plural(list.accounts.length, "account")} owe ${rule} as of ${list.asOf}: ${formatMoney(list.total)} in all, highest priority first on the sheet.${onPlan}`;
}

/** What the success message says once the report is written: its sheets (a summary, and maybe its detail). */
export function writtenMessage(outcome: Pick<ReportOutcome, "sheet" | "applied">): string {
  const sheets = outcome.applied.sheetsWritten.length > 0 ? outcome.applied.sheetsWritten : [outcome.sheet];
  const names = sheets.map((s) => `"${s}"`);
  return `Written to ${listInWords(names)}. The Audit sheet records it.`;
}

/**
 * The ledger's problems as a warning: how many, the missing tables named (they are few and say what
 * to do), the rows only counted (Setup's Check rows lists each one). Undefined when there are none.
 */
export function problemsNotice(problems: string[]): { title: string; body: string } | undefined {
  if (problems.length === 0) return undefined;
  const missing = problems.filter((p) => p.startsWith("The workbook has no "));
  const rows = problems.length - missing.length;
  const parts = [...missing];
  if (rows > 0) {
    parts.push(
      `${plural(rows, "row")} could not be read or ${rows === 1 ? "does" : "do"} not link up; a figure that rests on ${rows === 1 ? "it" : "them"} may be wrong. Setup's Check rows lists them.`,
    );
  }
  return { title: `Problems in the workbook: ${count(problems.length)}`, body: parts.join(" ") };
}

// ---- the chart ----------------------------------------------------------------------------------

/**
 * One colour per series, the same in every run: Fluent's categorical palette, distinct for common
 * colour-blindness and readable on white. Patients get their own, unknown payers a neutral grey.
 */
export const SERIES_COLORS: Record<string, string> = {
  Medicare: "#0f6cbd",
  Medicaid: "#038387",
  Commercial: "#8764b8",
  Tricare: "#ca5010",
  "Workers Comp": "#986f0b",
  "Self-pay": "#c239b3",
  Other: "#5d5a58",
  [PATIENT_SERIES]: "#498205",
  [UNKNOWN_PAYER_SERIES]: "#a19f9d",
};

const FALLBACK_COLORS = ["#004e8c", "#00666d", "#750b1c", "#4f6bed"];

export interface ChartSeries {
  name: string;
  color: string;
  /** Per bucket, in cents and in dollars (the chart's unit). */
  cents: Cents[];
  dollars: number[];
  total: Cents;
}

export interface AgingChartView {
  title: string;
  /** Bucket labels, "0-30" … "120+". */
  labels: string[];
  series: ChartSeries[];
  /** Per bucket, all series added. */
  totals: Cents[];
  /** What a screen reader hears for the canvas: the totals by bucket and the largest series. */
  summary: string;
}

export function agingChartView(buckets: string[], series: AgingSeries[]): AgingChartView {
  let fallback = 0;
  const shown: ChartSeries[] = series.map((s) => ({
    name: s.name,
    color: SERIES_COLORS[s.name] ?? FALLBACK_COLORS[fallback++ % FALLBACK_COLORS.length],
    cents: [...s.buckets],
    dollars: s.buckets.map(centsToNumber),
    total: s.total,
  }));
  const totals = buckets.map((_, b) => shown.reduce((sum, s) => sum + s.cents[b], 0));
  const total = totals.reduce((sum, v) => sum + v, 0);
  const title = "A/R by age, stacked by payer type";
  const largest = shown.reduce<ChartSeries | undefined>((best, s) => (!best || s.total > best.total ? s : best), undefined);
  const summary =
    total === 0
      ? `${title}: nothing is owed.`
      : `${title}. Total ${formatMoney(total)}: ${buckets.map((label, b) => `${label} days ${formatMoney(totals[b])}`).join("; ")}. Largest: ${largest!.name} ${formatMoney(largest!.total)}.`;
  return { title, labels: buckets, series: shown, totals, summary };
}

/** Dollars on the chart's axis: "$950", "$12K", "$1.2M". */
export function dollarTick(dollars: number): string {
  const abs = Math.abs(dollars);
  const sign = dollars < 0 ? "-" : "";
  if (abs < 1000) return `${sign}$${Math.round(abs)}`;
  const scaled = (size: number) => {
    const v = abs / size;
    return v < 10 ? Math.round(v * 10) / 10 : Math.round(v);
  };
  // $999,950 rounds to 1000K: say $1M instead.
  const thousands = scaled(1000);
  const text = abs < 1_000_000 && thousands < 1000 ? `${thousands}K` : `${scaled(1_000_000)}M`;
  return `${sign}$${text}`;
}
