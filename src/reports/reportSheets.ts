// The report sheets: the aging report, the practice KPIs and the collections worklist laid out as
// write plans (one reportSheet op each), so the pane and the command line write the same sheet.
// - The port gives each column one number format below the header row, so every section of a sheet
//   shares one column plan: dates fall in date columns, money in money columns, and text (which a
//   number format leaves alone) goes anywhere. Percents that sit under money columns are written
//   as text ("35.0%") so they are never shown as dollars.
// - Money is written as dollars (centsToNumber) with MONEY_FORMAT; dates as serials with DATE_FORMAT.
// - The plan's `what` and `totals` name no patient: account IDs and counts only. The collections
//   sheet holds what a collection agency needs (account, name, phone, balances, last payment and
//   statement) and nothing clinical: no codes, no diagnoses, no dates of service.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { centsToNumber, formatMoney, MONEY_FORMAT, type Cents } from "../money";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, ReportSheetOp } from "../workbook/port";
import type { AgingReport, AgingRow } from "./aging";
import type { CollectionsWorklist } from "./collections";
import type { Kpi, KpiInput, PracticeKpis } from "./kpis";

export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0.0%";
const COUNT_FORMAT = "0";

type Column = NonNullable<ReportSheetOp["columns"]>[number];

const dollars = (cents: Cents) => centsToNumber(cents);
const percentText = (value: number) => `${value.toFixed(1)}%`;

export interface AgingSheetOptions {
  /** How the rows were keyed (the report's `by`), for the parameters row. */
  by?: "payer" | "patient";
  dateSystem?: DateSystem;
}

/**
 * "Aging YYYY-MM-DD": title, parameters, the summary (insurance rows, patient rows, section totals,
 * the bold total and the percent row), then the credits apart, then the detail behind the rows.
 * Columns: A section, B key or line, C name or date of service, D aging date or last payment,
 * E lines or age, then one money column per bucket, Total, and % of total.
 */
export function agingSheetPlan(report: AgingReport, options: AgingSheetOptions = {}): WritePlan {
  const serial = (iso: IsoDate) => isoToSerial(iso, options.dateSystem ?? 1900);
  const bucketCount = report.buckets.length;
  const width = 5 + bucketCount + 2;
  const blankRow = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const row = (...values: CellValue[]): CellValue[] => {
    const out = blankRow();
    values.forEach((v, i) => (out[i] = v));
    return out;
  };
  const grouping =
    options.by === "payer"
      ? "insurance and patient balances by payer"
      : options.by === "patient"
        ? "insurance and patient balances by account"
        : "insurance by payer, patient by account";
  const cells: CellValue[][] = [
    row(`A/R aging as of ${report.asOf}`),
    row(`As of: ${report.asOf}`, `Basis: ${basisText(report.basis)}`, `Buckets: ${report.buckets.join(", ")}`, `Grouping: ${grouping}`),
    blankRow(),
  ];
  const headerRow = cells.length;
  const total = report.total;
  const share = (amount: Cents) => (total === 0 ? 0 : amount / total);
  cells.push(row("Section", "Payer/Account", "Name", null, "Lines", ...report.buckets, "Total", "% of total"));
  const bold: number[] = [0];
  const summaryRow = (section: string, r: AgingRow) =>
    row(section, r.key, r.name ?? null, null, r.lines, ...r.buckets.map(dollars), dollars(r.total), share(r.total));
  const sections = [
    { name: "Insurance", section: report.insurance },
    { name: "Patient", section: report.patient },
  ];
  for (const { name, section } of sections) {
    const sorted = [...section.rows].sort((a, b) => a.key.localeCompare(b.key, "en-US", { numeric: true }));
    for (const r of sorted) cells.push(summaryRow(name, r));
    const lines = section.rows.reduce((n, r) => n + r.lines, 0);
    bold.push(cells.length);
    cells.push(row(`${name} total`, null, null, null, lines, ...section.totals.map(dollars), dollars(section.total), share(section.total)));
  }
  const allLines = report.insurance.rows.concat(report.patient.rows).reduce((n, r) => n + r.lines, 0);
  bold.push(cells.length);
  cells.push(row("Total", null, null, null, allLines, ...report.totals.map(dollars), dollars(total), total === 0 ? 0 : 1));
  cells.push(row("% of total", null, null, null, null, ...report.percents.map(percentText), percentText(total === 0 ? 0 : 100)));

  cells.push(blankRow());
  bold.push(cells.length);
  cells.push(row(`Credit balances: ${report.credits.length} (listed apart, not in the buckets)`));
  if (report.credits.length > 0) {
    bold.push(cells.length);
    cells.push(row("Payer", "Line", "DOS", "Last payment", null, "Balance", "Ins share", "Pt share"));
    // The shares sit in money columns, but with a single bucket the third is % of total: then they
    // are written as text rather than be shown as percents.
    for (const c of report.credits) {
      const last = c.lastPaymentDate === undefined ? null : serial(c.lastPaymentDate);
      const shares =
        bucketCount >= 2
          ? [dollars(c.insuranceShare), dollars(c.patientShare)]
          : [formatMoney(c.insuranceShare), formatMoney(c.patientShare)];
      cells.push(row(c.payerId, c.chargeId, serial(c.dos), last, null, dollars(c.amount), ...shares));
    }
    bold.push(cells.length);
    cells.push(row("Credits total", null, null, null, report.credits.length, dollars(report.creditTotal)));
  }

  cells.push(blankRow());
  bold.push(cells.length);
  cells.push(row(`Detail: ${report.details.length} balances behind the summary rows`));
  bold.push(cells.length);
  cells.push(row("Section", "Payer/Account", "DOS", "Aging date", "Age", "Bucket", "Amount", "Line", "Claim", "Aged from"));
  for (const d of report.details) {
    cells.push(
      row(
        d.section === "insurance" ? "Insurance" : "Patient",
        d.key,
        serial(d.dos),
        serial(d.agingDate),
        d.age,
        report.buckets[d.bucket],
        dollars(d.amount),
        d.chargeId,
        d.claimId,
        d.agedFrom,
      ),
    );
  }

  const columns: Column[] = [
    { width: 14 },
    { width: 16 },
    { width: 24, numberFormat: DATE_FORMAT },
    { width: 13, numberFormat: DATE_FORMAT },
    { width: 8, numberFormat: COUNT_FORMAT },
    ...report.buckets.map(() => ({ width: 14, numberFormat: MONEY_FORMAT })),
    { width: 15, numberFormat: MONEY_FORMAT },
    { width: 11, numberFormat: PERCENT_FORMAT },
  ];
  const summaryRows = report.insurance.rows.length + report.patient.rows.length;
  return {
    action: "Aging report",
    what: `aging as of ${report.asOf} (${basisText(report.basis)}; buckets ${report.buckets.join(", ")}): ${summaryRows} summary rows, ${report.details.length} balances, ${report.credits.length} credits`,
    totals: `A/R ${formatMoney(total)}; credits ${formatMoney(report.creditTotal)}`,
    ops: [{ kind: "reportSheet", sheet: `Aging ${report.asOf}`, cells, columns, headerRow, boldRows: bold }],
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
      },
    ],
  };
}
