// The aging report as sheets: the summary sheet (insurance by payer, patient by account, one money
// column per bucket) with its totals, chart data and credit balances, and the detail sheet behind
// it, laid out as one write plan so the pane and the command line write the same sheets. The two
// oldest buckets are filled by a conditional format where they owe; the summary sheet carries a
// native stacked column chart of A/R by bucket and payer type (Excel only: ExcelJS cannot write
// charts, so the browser pane draws it itself). A row keyed by a patient account is named from
// Patients ("Doe, Jane"), one keyed by a payer from Payers: the sheet lives in the workbook, which
// holds the names already. The plan's `what` and `totals` name no patient.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { formatMoney, MONEY_FORMAT, type Cents } from "../money";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, ReportSheetOp } from "../workbook/port";
import type { PatientRow } from "../workbook/tables";
import type { AgingReport, AgingRow, AgingSeries } from "./aging";
import { COUNT_FORMAT, DATE_FORMAT, dollars, oldestHighlights, PERCENT_FORMAT, reportTableName, type Column } from "./reportSheetLayout";

export interface AgingSheetOptions {
  /** How the rows were keyed (the report's `by`), for the parameters row. */
  by?: "payer" | "patient";
  dateSystem?: DateSystem;
  /** A/R by bucket stacked by payer type (agingByPayerType): drawn as the sheet's chart. */
  series?: AgingSeries[];
  /** The name of each patient account (agingPatientNames), for the rows keyed by account. */
  patientNames?: ReadonlyMap<string, string>;
}

/** "Doe, Jane" by PatientID (the first row of an id repeated wins), for the Name column of account rows. */
export function agingPatientNames(patients: readonly Pick<PatientRow, "patientId" | "lastName" | "firstName">[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of patients) {
    const name = [p.lastName, p.firstName].filter((part) => part.trim() !== "").join(", ");
    if (!names.has(p.patientId) && name !== "") names.set(p.patientId, name);
  }
  return names;
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
  // A payer row is named by the report (Payers); an account row here, from Patients.
  const summaryRow = (section: string, r: AgingRow, byAccount: boolean) => {
    const name = r.name ?? (byAccount ? options.patientNames?.get(r.key) : undefined) ?? null;
    return row(section, r.key, name, r.lines, ...r.buckets.map(dollars), dollars(r.total), share(r.total));
  };
  const sections = [
    { name: "Insurance", section: report.insurance, byAccount: options.by === "patient" },
    { name: "Patient", section: report.patient, byAccount: options.by !== "payer" },
  ];
  for (const { name, section, byAccount } of sections) {
    const sorted = [...section.rows].sort((a, b) => a.key.localeCompare(b.key, "en-US", { numeric: true }));
    for (const r of sorted) cells.push(summaryRow(name, r, byAccount));
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
