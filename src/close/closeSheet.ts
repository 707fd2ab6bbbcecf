// The close report as a sheet, "Close YYYY-MM" (the month of the period's last day): the equation as
// a table (A/R at start, each flow with its effect on A/R, A/R at end from the flows and from the
// balances, the difference), then what A/R at end is made of, the payments by payer (the patients'
// together, no account named), the adjustments by group and the refunds. Re-running it replaces the
// sheet. Figures only: no patient's name or account is on it.
import { formatMoney, MONEY_FORMAT } from "../money";
import { plural } from "../counting";
import type { CellValue, ReportSheetOp } from "../workbook/port";
import { COUNT_FORMAT, dollars, reportTableName } from "../reports/reportSheetLayout";
import { closeLines, type AdjustmentGroup, type CloseReport } from "./closeReport";

/** "Close 2026-11": the sheet of the period ending in that month. */
export function closeSheetName(through: string): string {
  return `Close ${through.slice(0, 7)}`;
}

/** "Ties to the cent", or the difference said plainly. */
export function tieWords(report: CloseReport): string {
  if (report.ties) return "Ties to the cent";
  return `Does not tie: the balances say ${formatMoney(report.end.total)}, the flows ${formatMoney(report.computedEnd)} (difference ${formatMoney(report.difference)})`;
}

const GROUP_WORDS: Record<AdjustmentGroup, string> = {
  CO: "Contractual (CO)",
  OA: "Other adjustments (OA)",
  PI: "Payer-initiated (PI)",
  WO: "Office write-offs (WO)",
};

/** The report sheet op of a close report. */
export function closeSheetOp(report: CloseReport): ReportSheetOp {
  const { from, through } = report;
  const blank = (): CellValue[] => [null, null, null, null];
  const cells: CellValue[][] = [
    [`Month-end close ${from} to ${through}`, null, null, null],
    [`From: ${from}`, `Through: ${through}`, tieWords(report), null],
    blank(),
    ["Line", "Amount", "Count", "How it is counted"],
  ];
  const bold = [0, 3];
  const money: { row: number; rows: number }[] = [];
  const counts: { row: number; rows: number }[] = [];
  const tables: NonNullable<ReportSheetOp["tables"]> = [];
  const equationAt = cells.length;
  cells.push(["A/R at start", dollars(report.start.total), null, `as of ${report.start.asOf}: line balances less unapplied payment money`]);
  const lineCounts = [report.charges.lines, report.payments.count, null, report.refunds.count, report.providerLevel.count, null];
  closeLines(report).forEach((line, i) => cells.push([`${line.sign} ${line.label}`, dollars(line.effect), lineCounts[i], line.how]));
  cells.push(["= A/R at end, from the flows", dollars(report.computedEnd), null, "A/R at start plus every line above"]);
  cells.push(["A/R at end, from the balances", dollars(report.end.total), null, `as of ${through}, worked out on its own`]);
  cells.push([
    "Difference",
    dollars(report.difference),
    null,
    report.ties ? "Ties to the cent" : "Does not tie: the books must not be closed",
  ]);
  const equationRows = cells.length - equationAt;
  money.push({ row: equationAt, rows: equationRows });
  counts.push({ row: equationAt, rows: equationRows });
  tables.push({ name: reportTableName("Close", from, through), range: { row: 3, column: 0, rows: equationRows + 1, columns: 4 } });
  bold.push(cells.length - 3, cells.length - 1);

  /** A titled block of rows (Line, Amount, Count, note), made a table when it has rows. */
  const section = (title: string, headers: CellValue[], rows: CellValue[][], table: string) => {
    cells.push(blank());
    bold.push(cells.length);
    cells.push([title, null, null, null]);
    const header = cells.length;
    bold.push(header);
    cells.push(headers);
    cells.push(...rows);
    money.push({ row: header + 1, rows: rows.length });
    counts.push({ row: header + 1, rows: rows.length });
    if (rows.length > 0)
      tables.push({ name: reportTableName(table, from, through), range: { row: header, column: 0, rows: rows.length + 1, columns: 4 } });
  };

  const end = report.end;
  section(
    `A/R at end (${through})`,
    ["Part", "Amount", "Count", "What it is"],
    [
      ["Owed on lines", dollars(end.owed), null, "balances of the lines that owe"],
      ["Credits on lines", dollars(end.lineCredits), null, "lines paid or adjusted past their charge"],
      ["Unapplied payment money", dollars(-end.unapplied), null, "money received and not yet applied: a credit"],
    ],
    "CloseAR",
  );
  section(
    "Payments received by payer",
    ["Payer", "Amount", "Payments", "Name"],
    report.payments.byPayer.map((p) => [p.payerId === "" ? "Patients" : p.payerId, dollars(p.amount), p.count, p.name]),
    "ClosePayments",
  );
  if (report.payments.byPayer.length === 0) cells.push([`No payment was received from ${from} to ${through}.`, null, null, null]);
  section(
    "Adjustments by group",
    ["Group", "Amount", "Count", "Meaning"],
    (Object.keys(GROUP_WORDS) as AdjustmentGroup[]).map((g) => [g, dollars(report.adjustments.byGroup[g]), null, GROUP_WORDS[g]]),
    "CloseAdjustments",
  );
  section(
    "Refunds",
    ["Refunded to", "Amount", "Count", "Note"],
    [
      ["Patients", dollars(report.refunds.toPatients), null, null],
      ["Payers", dollars(report.refunds.toPayers), null, null],
      ["All", dollars(report.refunds.amount), report.refunds.count, plural(report.refunds.count, "refund")],
    ],
    "CloseRefunds",
  );

  const formats: NonNullable<ReportSheetOp["formats"]> = [
    ...money
      .filter((b) => b.rows > 0)
      .map((b) => ({ range: { row: b.row, column: 1, rows: b.rows, columns: 1 }, numberFormat: MONEY_FORMAT })),
    ...counts
      .filter((b) => b.rows > 0)
      .map((b) => ({ range: { row: b.row, column: 2, rows: b.rows, columns: 1 }, numberFormat: COUNT_FORMAT })),
  ];
  return {
    kind: "reportSheet",
    sheet: closeSheetName(through),
    cells,
    columns: [{ width: 34 }, { width: 16 }, { width: 10 }, { width: 70 }],
    headerRow: 3,
    boldRows: bold,
    formats,
    tables,
  };
}
