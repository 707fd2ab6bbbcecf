// The collections worklist as a sheet, laid out for a collection agency. It holds what an agency
// needs (account, name, phone, balances, last payment and statement, a missed payment plan installment)
// and nothing clinical: no codes, no diagnoses, no dates of service. The plan's `what` and `totals` name no patient.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { formatMoney, MONEY_FORMAT, type Cents } from "../money";
import type { WritePlan } from "../workbook/plan";
import type { CellValue } from "../workbook/port";
import type { CollectionsWorklist } from "./collections";
import { COUNT_FORMAT, DATE_FORMAT, dollars, oldestHighlights, reportTableName } from "./reportSheetLayout";

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
    "Note",
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
        a.note ?? null,
      ),
    );
  }
  const bucketTotals = list.buckets.map((_, b) => list.accounts.reduce((s, a) => s + a.buckets[b], 0));
  const totalRow = cells.length;
  cells.push(row(`Total (${list.accounts.length} accounts)`, null, null, null, ...bucketTotals.map(dollars), dollars(list.total)));
  if (list.onPlan.length > 0) cells.push(row(), row(onPlanLine(list)));
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
          { width: 34 },
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

/**
 * The accounts left off because they keep up a payment plan, in a line under the list (the sheet and the
 * terminal): "Not proposed, on a payment plan and keeping it: P0003, P0007 ($1,250.00)".
 */
export function onPlanLine(list: CollectionsWorklist): string {
  const owed = list.onPlan.reduce((sum, a) => sum + a.balance, 0);
  return `Not proposed, on a payment plan and keeping it: ${list.onPlan.map((a) => a.patientId).join(", ")} (${formatMoney(owed)})`;
}
