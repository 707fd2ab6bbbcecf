// The practice KPIs as a sheet: one row per KPI with its value, unit, definition and inputs, so each
// can be checked by hand, then the denials by reason and by payer as two tables below; and the KPIs
// and their inputs as a person reads them, for the pane and the command line alike.
import { formatMoney, MONEY_FORMAT } from "../money";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, ReportSheetOp } from "../workbook/port";
import type { Kpi, KpiInput, PracticeKpis } from "./kpis";
import { COUNT_FORMAT, dollars, PERCENT_FORMAT, reportTableName } from "./reportSheetLayout";

/**
 * All the KPIs in sheet order: the practice's, then days to pay by payer. The clean-claim rate comes
 * after the A/R shares, so the first seven keep the places the pane and its readers know.
 */
export function kpiList(kpis: PracticeKpis): Kpi[] {
  return [
    kpis.daysInAr,
    kpis.netCollectionRate,
    kpis.grossCollectionRate,
    kpis.denialRate,
    kpis.firstPassRate,
    kpis.arOver90,
    kpis.arOver120,
    kpis.cleanClaimRate,
    ...kpis.daysToPay,
  ];
}

/** An input as a person reads it: "Payments posted: $1,234.50". */
export function inputText(input: KpiInput): string {
  const value = input.unit === "cents" ? formatMoney(input.value) : `${input.value.toLocaleString("en-US")} ${input.unit}`;
  return `${input.label}: ${value}`;
}

/**
 * The denials by reason, then by payer, each as a KPI (its share or rate, what it means, the counts
 * behind it): so a list of KPIs with them (the CSV) keeps one shape.
 */
export function denialBreakdownList(kpis: PracticeKpis): Kpi[] {
  const adjudicated: KpiInput = { label: "Adjudicated claims", value: kpis.adjudicatedClaims, unit: "claims" };
  return [
    ...kpis.denialsByReason.map((r): Kpi => ({
      name: `Denials by reason: ${r.reason}`,
      value: r.percent,
      unit: "percent",
      definition: `${r.reason}: ${r.words}. Claims denied for it ÷ adjudicated claims; a claim denied for several reasons counts under each.`,
      inputs: [
        { label: "Denied claims", value: r.claims, unit: "claims" },
        adjudicated,
        { label: "Denied amount (charges of the lines denied)", value: r.deniedAmount, unit: "cents" },
      ],
    })),
    ...kpis.denialsByPayer.map((p): Kpi => ({
      name: `Denials by payer: ${p.payerId}`,
      value: p.percent,
      unit: "percent",
      definition: `${p.name}'s denied claims ÷ its adjudicated claims (a claim's payer is its first line's).`,
      inputs: [
        { label: "Denied claims", value: p.denied, unit: "claims" },
        { label: "Adjudicated claims", value: p.adjudicated, unit: "claims" },
      ],
    })),
  ];
}

const REASON_HEADERS = ["Reason", "Denied claims", "% of adjudicated", "Denied amount", "Meaning"];
const PAYER_HEADERS = ["Payer", "Adjudicated claims", "Denied claims", "Denial rate", "Payer name"];

/**
 * "KPIs <from> to <to>": one row per KPI with its value (rounded to 0.1; blank when there was
 * nothing to measure), unit, definition and inputs, so each can be checked by hand. Below it,
 * "Denials by reason" (claims, share of the adjudicated, denied amount, the reason in words) and
 * "Denials by payer" (adjudicated, denied, denial rate), each a table, or a sentence when empty.
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
  const tables: NonNullable<ReportSheetOp["tables"]> = [
    { name: reportTableName("KPIs", kpis.from, kpis.to), range: { row: 3, column: 0, rows: list.length + 1, columns: 5 } },
  ];
  const formats: NonNullable<ReportSheetOp["formats"]> = [];
  const bold = [0];
  const format = (row: number, column: number, rows: number, numberFormat: string) =>
    formats.push({ range: { row, column, rows, columns: 1 }, numberFormat });

  /** A section: its title, then its rows as a table under the headers, or `none` when there are none. */
  const section = (title: string, headers: string[], rows: CellValue[][], table: string, none: string) => {
    cells.push([null, null, null, null, null]);
    bold.push(cells.length);
    cells.push([title, null, null, null, null]);
    if (rows.length === 0) {
      cells.push([none, null, null, null, null]);
      return -1;
    }
    const header = cells.length;
    bold.push(header);
    cells.push(headers);
    cells.push(...rows);
    tables.push({ name: reportTableName(table, kpis.from, kpis.to), range: { row: header, column: 0, rows: rows.length + 1, columns: 5 } });
    return header + 1;
  };

  const reasons = kpis.denialsByReason;
  const reasonsAt = section(
    "Denials by reason",
    REASON_HEADERS,
    reasons.map((r) => [r.reason, r.claims, r.percent / 100, dollars(r.deniedAmount), r.words]),
    "KPIDenialReasons",
    `No claim adjudicated from ${kpis.from} to ${kpis.to} was denied.`,
  );
  if (reasonsAt >= 0) {
    format(reasonsAt, 1, reasons.length, COUNT_FORMAT);
    format(reasonsAt, 2, reasons.length, PERCENT_FORMAT);
    format(reasonsAt, 3, reasons.length, MONEY_FORMAT);
  }
  const payers = kpis.denialsByPayer;
  const payersAt = section(
    "Denials by payer",
    PAYER_HEADERS,
    payers.map((p) => [p.payerId, p.adjudicated, p.denied, p.percent / 100, p.name]),
    "KPIDenialPayers",
    `No claim was adjudicated from ${kpis.from} to ${kpis.to}.`,
  );
  if (payersAt >= 0) {
    format(payersAt, 1, payers.length, COUNT_FORMAT);
    format(payersAt, 2, payers.length, COUNT_FORMAT);
    format(payersAt, 3, payers.length, PERCENT_FORMAT);
  }

  return {
    action: "KPI report",
    what: `KPIs ${kpis.from} to ${kpis.to} as of ${kpis.asOf}: ${list.length} figures, denials by ${reasons.length} reasons and ${payers.length} payers`,
    ops: [
      {
        kind: "reportSheet",
        sheet: `KPIs ${kpis.from} to ${kpis.to}`,
        cells,
        // Value and Unit are wide enough for the sections' headers ("Adjudicated claims", "% of adjudicated").
        columns: [{ width: 34 }, { width: 18, numberFormat: "0.0" }, { width: 16 }, { width: 80 }, { width: 80 }],
        headerRow: 3,
        boldRows: bold,
        formats,
        tables,
      },
    ],
  };
}
