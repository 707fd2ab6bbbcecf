// The report sheets: the aging report, the practice KPIs and the collections worklist laid out as
// write plans of reportSheet ops, so the pane and the command line write the same sheets.
// - Each column has one number format below the header row; a block that needs another (the percent
//   row under the money columns, the credits' dates) gets it through the op's `formats`.
// - The rows a manager filters (summary, credits, detail, KPIs, accounts) are Excel tables named after
//   the report and its date ("Aging_2026_10_31"); re-running a report replaces its sheets, tables
//   and all. The two oldest buckets are filled by a conditional format where they owe; the aging
//   sheet carries a native stacked column chart of A/R by bucket and payer type (Excel only: ExcelJS
//   cannot write charts, so the browser pane draws it itself).
// - Money is written as dollars (centsToNumber) with MONEY_FORMAT; dates as serials with DATE_FORMAT.
// - The plan's `what` and `totals` name no patient: account IDs and counts only. The collections
//   sheet holds what a collection agency needs (account, name, phone, balances, last payment and
//   statement) and nothing clinical: no codes, no diagnoses, no dates of service.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { centsToNumber, formatMoney, MONEY_FORMAT, type Cents } from "../money";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, ReportSheetOp } from "../workbook/port";
import type { AgingReport, AgingRow, AgingSeries } from "./aging";
import type { CollectionsWorklist } from "./collections";
import type { Kpi, KpiInput, PracticeKpis } from "./kpis";

export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0.0%";
const COUNT_FORMAT = "0";

type Column = NonNullable<ReportSheetOp["columns"]>[number];

const dollars = (cents: Cents) => centsToNumber(cents);

export interface AgingSheetOptions {
  /** How the rows were keyed (the report's `by`), for the parameters row. */
  by?: "payer" | "patient";
  dateSystem?: DateSystem;
  /** A/R by bucket stacked by payer type (agingByPayerType): drawn as the sheet's chart. */
  series?: AgingSeries[];
}

/** Fills of the oldest buckets' cells that owe: amber for the one before last, red for the last. */
export const OLDER_FILL = "#FCE4D6";
export const OLDEST_FILL = "#F8CBAD";

/** A table name from a report's name and date: "Aging 2026-10-31" → "Aging_2026_10_31". */
export function reportTableName(...parts: string[]): string {
  return parts.join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

/** The conditional fills of the two oldest bucket columns (none with fewer than three buckets). */
function oldestHighlights(row: number, rows: number, firstBucketColumn: number, bucketCount: number): ReportSheetOp["highlights"] {
  if (rows <= 0 || bucketCount < 3) return [];
  const at = (column: number, color: string) => ({ range: { row, column, rows, columns: 1 }, greaterThan: 0, color });
  return [at(firstBucketColumn + bucketCount - 2, OLDER_FILL), at(firstBucketColumn + bucketCount - 1, OLDEST_FILL)];
}

/**
 * "Aging YYYY-MM-DD": title and parameters; the summary as an Excel table (insurance rows by payer,
 * patient rows by account, one money column per bucket, Total, % of total) with the two oldest
 * buckets filled where they owe; below it the section totals, the bold total and the percent row;
 * A/R by bucket and payer type (the chart's data, when `series` is given) with a native stacked
 * column chart beside the summary; the credit balances apart. The detail behind the summary rows
 * is a table on its own sheet, "Aging YYYY-MM-DD detail", written in the same plan.
 * Columns: A section, B payer or account, C name, D lines, then the buckets, Total, % of total.
 */
export function agingSheetPlan(report: AgingReport, options: AgingSheetOptions = {}): WritePlan {
  const serial = (iso: IsoDate) => isoToSerial(iso, options.dateSystem ?? 1900);
  const bucketCount = report.buckets.length;
  const firstBucket = 4;
  const totalColumn = firstBucket + bucketCount;
  const width = totalColumn + 2;
  const row = (...values: CellValue[]): CellValue[] => {
    const out = new Array<CellValue>(width).fill(null);
    values.forEach((v, i) => (out[i] = v));
    return out;
  };
  const grouping =
    options.by === "payer"
      ? "insurance and patient balances by payer"
      : options.by === "patient"
        ? "insurance and patient balances by account"
        : "insurance by payer, patient by account";
  const sheet = `Aging ${report.asOf}`;
  const detailSheet = `${sheet} detail`;
  const cells: CellValue[][] = [
    row(`A/R aging as of ${report.asOf}`),
    row(`As of: ${report.asOf}`, `Basis: ${basisText(report.basis)}`, `Buckets: ${report.buckets.join(", ")}`, `Grouping: ${grouping}`),
    row(),
  ];
  const formats: NonNullable<ReportSheetOp["formats"]> = [];
  const tables: NonNullable<ReportSheetOp["tables"]> = [];
  const charts: NonNullable<ReportSheetOp["charts"]> = [];
  const bold: number[] = [0];

  const headerRow = cells.length;
  const total = report.total;
  const share = (amount: Cents) => (total === 0 ? 0 : amount / total);
  cells.push(row("Section", "Payer/Account", "Name", "Lines", ...report.buckets, "Total", "% of total"));
  const summaryRow = (section: string, r: AgingRow) =>
    row(section, r.key, r.name ?? null, r.lines, ...r.buckets.map(dollars), dollars(r.total), share(r.total));
  const sections = [
    { name: "Insurance", section: report.insurance },
    { name: "Patient", section: report.patient },
  ];
  for (const { name, section } of sections) {
    const sorted = [...section.rows].sort((a, b) => a.key.localeCompare(b.key, "en-US", { numeric: true }));
    for (const r of sorted) cells.push(summaryRow(name, r));
  }
  const summaryRows = cells.length - headerRow - 1;
  if (summaryRows > 0)
    tables.push({
      name: reportTableName("Aging", report.asOf),
      range: { row: headerRow, column: 0, rows: summaryRows + 1, columns: width },
    });
  const highlights = oldestHighlights(headerRow + 1, summaryRows, firstBucket, bucketCount) ?? [];
  for (const { name, section } of sections) {
    const lines = section.rows.reduce((n, r) => n + r.lines, 0);
    bold.push(cells.length);
    cells.push(row(`${name} total`, null, null, lines, ...section.totals.map(dollars), dollars(section.total), share(section.total)));
  }
  const allLines = report.insurance.rows.concat(report.patient.rows).reduce((n, r) => n + r.lines, 0);
  bold.push(cells.length);
  cells.push(row("Total", null, null, allLines, ...report.totals.map(dollars), dollars(total), total === 0 ? 0 : 1));
  formats.push({ range: { row: cells.length, column: firstBucket, rows: 1, columns: bucketCount + 1 }, numberFormat: PERCENT_FORMAT });
  cells.push(row("% of total", null, null, null, ...report.percents.map((p) => p / 100), total === 0 ? 0 : 1));

  const series = options.series ?? [];
  if (series.length > 0) {
    cells.push(row());
    const chartRow = cells.length;
    bold.push(chartRow);
    // The chart's block starts in column D so that its bucket columns are the summary's money columns.
    cells.push(row(null, null, null, "By payer type", ...report.buckets, "Total"));
    for (const s of series) cells.push(row(null, null, null, s.name, ...s.buckets.map(dollars), dollars(s.total)));
    charts.push({
      title: `A/R by bucket as of ${report.asOf}`,
      type: "columnStacked",
      data: { row: chartRow, column: firstBucket - 1, rows: series.length + 1, columns: bucketCount + 1 },
      seriesBy: "rows",
      anchor: { row: headerRow, column: width + 1 },
    });
  }

  cells.push(row());
  bold.push(cells.length);
  cells.push(row(`Credit balances: ${report.credits.length} (listed apart, not in the buckets)`));
  if (report.credits.length > 0) {
    const creditHeader = cells.length;
    cells.push(row("Payer", "Line", "Claim", "DOS", "Last payment", "Balance", "Ins share", "Pt share"));
    for (const c of report.credits) {
      const last = c.lastPaymentDate === undefined ? null : serial(c.lastPaymentDate);
      cells.push(
        row(c.payerId, c.chargeId, c.claimId, serial(c.dos), last, dollars(c.amount), dollars(c.insuranceShare), dollars(c.patientShare)),
      );
    }
    const creditRows = report.credits.length;
    tables.push({
      name: reportTableName("AgingCredits", report.asOf),
      range: { row: creditHeader, column: 0, rows: creditRows + 1, columns: 8 },
    });
    // The credits' own formats: dates under the count and first bucket columns, money in the next three.
    formats.push({ range: { row: creditHeader + 1, column: 3, rows: creditRows, columns: 2 }, numberFormat: DATE_FORMAT });
    formats.push({ range: { row: creditHeader + 1, column: 5, rows: creditRows, columns: 3 }, numberFormat: MONEY_FORMAT });
    bold.push(cells.length);
    cells.push(row("Credits total", null, null, null, null, dollars(report.creditTotal)));
    formats.push({ range: { row: cells.length - 1, column: 5, rows: 1, columns: 1 }, numberFormat: MONEY_FORMAT });
  }
  cells.push(row());
  cells.push(row(`The ${report.details.length} balances behind the summary rows are on the sheet "${detailSheet}".`));
  if (report.later.lines > 0) cells.push(row(`Left out: ${report.later.lines} lines with a date of service after ${report.asOf}.`));

  const columns: Column[] = [
    { width: 14 },
    { width: 16 },
    { width: 24 },
    { width: 14, numberFormat: COUNT_FORMAT },
    ...report.buckets.map(() => ({ width: 14, numberFormat: MONEY_FORMAT })),
    { width: 15, numberFormat: MONEY_FORMAT },
    { width: 11, numberFormat: PERCENT_FORMAT },
  ];
  const main: ReportSheetOp = {
    kind: "reportSheet",
    sheet,
    cells,
    columns,
    headerRow,
    boldRows: bold,
    formats,
    tables,
    highlights,
    charts,
  };
  return {
    action: "Aging report",
    what: `aging as of ${report.asOf} (${basisText(report.basis)}; buckets ${report.buckets.join(", ")}): ${summaryRows} summary rows, ${report.details.length} balances, ${report.credits.length} credits`,
    totals: `A/R ${formatMoney(total)}; credits ${formatMoney(report.creditTotal)}`,
    ops: [main, agingDetailOp(report, detailSheet, serial)],
  };
}

/** The detail sheet: one row per share behind a summary row, as a table a biller can filter. */
function agingDetailOp(report: AgingReport, sheet: string, serial: (iso: IsoDate) => number): ReportSheetOp {
  const headers = ["Section", "Payer/Account", "Claim", "Line", "DOS", "Aging date", "Aged from", "Age", "Bucket", "Amount"];
  const cells: CellValue[][] = [
    [`A/R aging detail as of ${report.asOf}`, ...new Array<CellValue>(headers.length - 1).fill(null)],
    [`Basis: ${basisText(report.basis)}`, ...new Array<CellValue>(headers.length - 1).fill(null)],
    new Array<CellValue>(headers.length).fill(null),
    headers,
  ];
  for (const d of report.details) {
    cells.push([
      d.section === "insurance" ? "Insurance" : "Patient",
      d.key,
      d.claimId,
      d.chargeId,
      serial(d.dos),
      serial(d.agingDate),
      d.agedFrom,
      d.age,
      report.buckets[d.bucket],
      dollars(d.amount),
    ]);
  }
  const date = { width: 12, numberFormat: DATE_FORMAT };
  return {
    kind: "reportSheet",
    sheet,
    cells,
    columns: [
      { width: 11 },
      { width: 16 },
      { width: 14 },
      { width: 14 },
      date,
      date,
      { width: 28 },
      { width: 7, numberFormat: COUNT_FORMAT },
      { width: 9 },
      { width: 13, numberFormat: MONEY_FORMAT },
    ],
    headerRow: 3,
    boldRows: [0],
    tables:
      report.details.length > 0
        ? [
            {
              name: reportTableName("AgingDetail", report.asOf),
              range: { row: 3, column: 0, rows: report.details.length + 1, columns: headers.length },
            },
          ]
        : [],
  };
}

function basisText(basis: AgingReport["basis"]): string {
  return basis === "dos" ? "date of service" : basis === "billed" ? "billed date" : "date of patient responsibility";
}

/** All the KPIs in sheet order: the practice's, then days to pay by payer. */
export function kpiList(kpis: PracticeKpis): Kpi[] {
  return [
    kpis.daysInAr,
    kpis.netCollectionRate,
    kpis.grossCollectionRate,
    kpis.denialRate,
    kpis.firstPassRate,
    kpis.arOver90,
    kpis.arOver120,
    ...kpis.daysToPay,
  ];
}

/** An input as a person reads it: "Payments posted: $1,234.50". */
export function inputText(input: KpiInput): string {
  const value = input.unit === "cents" ? formatMoney(input.value) : `${input.value.toLocaleString("en-US")} ${input.unit}`;
  return `${input.label}: ${value}`;
}

/**
 * "KPIs <from> to <to>": one row per KPI with its value (rounded to 0.1; blank when there was
 * nothing to measure), unit, definition and inputs, so each can be checked by hand.
 */
export function kpiSheetPlan(kpis: PracticeKpis): WritePlan {
  const cells: CellValue[][] = [
    [`Practice KPIs ${kpis.from} to ${kpis.to}`, null, null, null, null],
    [`From: ${kpis.from}`, `To: ${kpis.to}`, `As of: ${kpis.asOf}`, null, null],
    [null, null, null, null, null],
    ["KPI", "Value", "Unit", "Definition", "Inputs"],
  ];
  const list = kpiList(kpis);
  for (const kpi of list) {
    const value = kpi.value === null ? null : Math.round(kpi.value * 10) / 10;
    cells.push([kpi.name, value, kpi.unit === "percent" ? "%" : "days", kpi.definition, kpi.inputs.map(inputText).join("; ")]);
  }
  return {
    action: "KPI report",
    what: `KPIs ${kpis.from} to ${kpis.to} as of ${kpis.asOf}: ${list.length} figures`,
    ops: [
      {
        kind: "reportSheet",
        sheet: `KPIs ${kpis.from} to ${kpis.to}`,
        cells,
        columns: [{ width: 34 }, { width: 10, numberFormat: "0.0" }, { width: 6 }, { width: 80 }, { width: 80 }],
        headerRow: 3,
        boldRows: [0],
        tables: [{ name: reportTableName("KPIs", kpis.from, kpis.to), range: { row: 3, column: 0, rows: list.length + 1, columns: 5 } }],
      },
    ],
  };
}

export interface CollectionsSheetOptions {
  minBalance: Cents;
  olderThan: number;
  dateSystem?: DateSystem;
}

/**
 * "Collections YYYY-MM-DD", laid out for a collection agency: account, last and first name, phone,
 * balance by bucket, balance, oldest age, last payment date and amount, last statement date and
 * count; a bold total. Highest priority first, as the worklist is sorted.
 */
export function collectionsSheetPlan(list: CollectionsWorklist, options: CollectionsSheetOptions): WritePlan {
  const serial = (iso: IsoDate) => isoToSerial(iso, options.dateSystem ?? 1900);
  const headers = [
    "Account",
    "Last name",
    "First name",
    "Phone",
    ...list.buckets,
    "Balance",
    "Oldest (days)",
    "Last payment",
    "Last payment amount",
    "Last statement",
    "Statements",
  ];
  const width = headers.length;
  const row = (...values: CellValue[]): CellValue[] => {
    const out = new Array<CellValue>(width).fill(null);
    values.forEach((v, i) => (out[i] = v));
    return out;
  };
  const cells: CellValue[][] = [
    row(`Collections worklist as of ${list.asOf}`),
    row(`As of: ${list.asOf}`, `Balance over ${formatMoney(options.minBalance)}`, `Older than ${options.olderThan} days`),
    row(),
    headers,
  ];
  for (const a of list.accounts) {
    cells.push(
      row(
        a.patientId,
        a.lastName ?? null,
        a.firstName ?? null,
        a.phone ?? null,
        ...a.buckets.map(dollars),
        dollars(a.balance),
        a.oldestAge,
        a.lastPayment ? serial(a.lastPayment.date) : null,
        a.lastPayment ? dollars(a.lastPayment.amount) : null,
        a.lastStatement ? serial(a.lastStatement.date) : null,
        a.lastStatement ? a.lastStatement.count : null,
      ),
    );
  }
  const bucketTotals = list.buckets.map((_, b) => list.accounts.reduce((s, a) => s + a.buckets[b], 0));
  const totalRow = cells.length;
  cells.push(row(`Total (${list.accounts.length} accounts)`, null, null, null, ...bucketTotals.map(dollars), dollars(list.total)));
  const money = { width: 14, numberFormat: MONEY_FORMAT };
  const date = { width: 13, numberFormat: DATE_FORMAT };
  return {
    action: "Collections worklist",
    what: `collections as of ${list.asOf} (over ${formatMoney(options.minBalance)}, older than ${options.olderThan} days): ${list.accounts.length} accounts`,
    totals: `balance ${formatMoney(list.total)}`,
    ops: [
      {
        kind: "reportSheet",
        sheet: `Collections ${list.asOf}`,
        cells,
        columns: [
          { width: 14 },
          { width: 16 },
          { width: 14 },
          { width: 15 },
          ...list.buckets.map(() => money),
          money,
          { width: 10, numberFormat: COUNT_FORMAT },
          date,
          money,
          date,
          { width: 10, numberFormat: COUNT_FORMAT },
        ],
        headerRow: 3,
        boldRows: [0, totalRow],
        tables:
          list.accounts.length > 0
            ? [
                {
                  name: reportTableName("Collections", list.asOf),
                  range: { row: 3, column: 0, rows: list.accounts.length + 1, columns: width },
                },
              ]
            : [],
        highlights: oldestHighlights(4, list.accounts.length, 4, list.buckets.length),
      },
    ],
  };
}
