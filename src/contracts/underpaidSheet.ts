// The Underpaid worklist as a sheet, "Underpaid YYYY-MM-DD": the lines paid under contract (claim, line,
// payer, code, date of service, expected, allowed, paid, variance, age, last payment), biggest shortfall
// first, then the totals by payer. No patient is named: the claim and line are what a biller works from.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { formatMoney, MONEY_FORMAT } from "../money";
import { COUNT_FORMAT, DATE_FORMAT, dollars, reportTableName } from "../reports/reportSheetLayout";
import type { WritePlan } from "../workbook/plan";
import type { CellValue } from "../workbook/port";
import type { UnderpaidList } from "./underpaid";

export const UNDERPAID_HEADERS = [
  "Claim",
  "Line",
  "Payer",
  "Code",
  "DOS",
  "Expected",
  "Allowed",
  "Paid",
  "Variance",
  "Age (days)",
  "Last paid",
];

export function underpaidSheetPlan(list: UnderpaidList, dateSystem: DateSystem = 1900): WritePlan {
  const serial = (iso: IsoDate) => isoToSerial(iso, dateSystem);
  const width = UNDERPAID_HEADERS.length;
  const row = (...values: CellValue[]): CellValue[] => {
    const out = new Array<CellValue>(width).fill(null);
    values.forEach((v, i) => (out[i] = v));
    return out;
  };
  const period = list.from || list.to ? `Dates of service ${list.from ?? "…"} to ${list.to ?? "…"}` : "All dates of service";
  const cells: CellValue[][] = [
    row(`Underpaid lines as of ${list.asOf}`),
    row(`As of: ${list.asOf}`, period, `Tolerance ${formatMoney(list.tolerance)}`),
    row(),
    UNDERPAID_HEADERS,
  ];
  for (const l of list.lines) {
    cells.push(
      row(
        l.claimId,
        l.chargeId,
        l.payerId,
        l.code,
        serial(l.dos),
        dollars(l.expected),
        dollars(l.allowed),
        dollars(l.paid),
        dollars(l.variance),
        l.age,
        l.lastPaymentDate ? serial(l.lastPaymentDate) : null,
      ),
    );
  }
  const totalRow = cells.length;
  cells.push(row(`Total (${list.lines.length} lines)`, null, null, null, null, null, null, null, dollars(list.variance)));
  cells.push(row());
  const byPayerTitle = cells.length;
  cells.push(row("By payer", "Lines", "Expected", "Allowed", "Variance"));
  for (const p of list.byPayer) cells.push(row(p.payerId, p.lines, dollars(p.expected), dollars(p.allowed), dollars(p.variance)));
  const money = { width: 12, numberFormat: MONEY_FORMAT };
  const text = { width: 14, numberFormat: "@" };
  return {
    action: "Underpaid worklist",
    what: `underpaid lines as of ${list.asOf}: ${list.lines.length} lines, ${list.byPayer.length} payers`,
    totals: `variance ${formatMoney(list.variance)}`,
    ops: [
      {
        kind: "reportSheet",
        sheet: `Underpaid ${list.asOf}`,
        cells,
        columns: [
          text,
          text,
          { width: 10, numberFormat: "@" },
          { width: 10, numberFormat: "@" },
          { width: 12, numberFormat: DATE_FORMAT },
          money,
          money,
          money,
          money,
          { width: 10, numberFormat: COUNT_FORMAT },
          { width: 12, numberFormat: DATE_FORMAT },
        ],
        headerRow: 3,
        boldRows: [0, totalRow, byPayerTitle],
        tables:
          list.lines.length > 0
            ? [{ name: reportTableName("Underpaid", list.asOf), range: { row: 3, column: 0, rows: list.lines.length + 1, columns: width } }]
            : [],
      },
    ],
  };
}
