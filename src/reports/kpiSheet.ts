// The practice KPIs as a sheet: one row per KPI with its value, unit, definition and inputs, so each
// can be checked by hand; and the KPIs and their inputs as a person reads them, for the pane and
// the command line alike.
import { formatMoney } from "../money";
import type { WritePlan } from "../workbook/plan";
import type { CellValue } from "../workbook/port";
import type { Kpi, KpiInput, PracticeKpis } from "./kpis";
import { reportTableName } from "./reportSheetLayout";

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
