// The credits' report sheets (issue 17): "Credit balances YYYY-MM-DD" (Medicare first with days left,
// then oldest first, each with how it arose) and "Refund register" (every refund, the unpaid ones
// first). Minimum necessary: account, payer, the payment and line IDs that identify the money,
// amounts, dates and the reason. No names, codes or diagnoses. The plans' `what` names no patient.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { formatMoney, MONEY_FORMAT, sumCents } from "../money";
import { plural } from "../counting";
import { DATE_FORMAT, dollars, reportTableName } from "../reports/reportSheetLayout";
import type { WritePlan } from "../workbook/plan";
import type { CellValue } from "../workbook/port";
import { daysLeftWords, MEDICARE_REFUND_DAYS, type CreditBalance } from "./creditBalances";
import type { RegisterEntry } from "./refundRegister";

/** Days left, overdue (below zero) in red, as the money columns show a negative. */
const DAYS_LEFT_FORMAT = "0;[Red]-0";

function rowOf(width: number) {
  return (...values: CellValue[]): CellValue[] => {
    const out = new Array<CellValue>(width).fill(null);
    values.forEach((v, i) => (out[i] = v));
    return out;
  };
}

export function creditBalancesSheetPlan(credits: CreditBalance[], asOf: IsoDate, dateSystem: DateSystem = 1900): WritePlan {
  const headers = [
    "Account",
    "Refund to",
    "Payer",
    "Payer type",
    "Payment",
    "Line",
    "Kind",
    "Amount",
    "Identified",
    "Days left",
    "How it arose",
  ];
  const row = rowOf(headers.length);
  const medicare = credits.filter((c) => c.medicare);
  const overdue = medicare.filter((c) => (c.daysLeft ?? 0) < 0).length;
  const total = sumCents(credits.map((c) => c.amount));
  const cells: CellValue[][] = [
    row(`Credit balances as of ${asOf}`),
    row(
      `${plural(credits.length, "credit")}, ${formatMoney(total)}`,
      `Medicare: ${plural(medicare.length, "credit")} (refund within ${MEDICARE_REFUND_DAYS} days of identifying it), ${overdue} overdue`,
    ),
    row(),
    headers,
  ];
  for (const c of credits) {
    cells.push(
      row(
        c.patientId ?? null,
        c.to,
        c.payerId ?? null,
        c.payerType ?? null,
        c.paymentId ?? null,
        c.chargeId ?? null,
        c.kind,
        dollars(c.amount),
        isoToSerial(c.identified, dateSystem),
        c.daysLeft ?? null,
        c.daysLeft === undefined ? c.how : `${c.how} (${daysLeftWords(c.daysLeft)})`,
      ),
    );
  }
  const totalRow = cells.length;
  cells.push(row(`Total (${plural(credits.length, "credit")})`, null, null, null, null, null, null, dollars(total)));
  const text = (width: number) => ({ width, numberFormat: "@" });
  return {
    action: "Credit balances",
    what: `credit balances as of ${asOf}: ${plural(credits.length, "credit")}, ${medicare.length} Medicare (${overdue} overdue)`,
    totals: `credits ${formatMoney(total)}`,
    ops: [
      {
        kind: "reportSheet",
        sheet: `Credit balances ${asOf}`,
        cells,
        columns: [
          text(12),
          text(10),
          text(10),
          text(12),
          text(12),
          text(12),
          text(14),
          { width: 12, numberFormat: MONEY_FORMAT },
          { width: 12, numberFormat: DATE_FORMAT },
          { width: 9, numberFormat: DAYS_LEFT_FORMAT },
          text(60),
        ],
        headerRow: 3,
        boldRows: [0, totalRow],
        tables:
          credits.length > 0
            ? [{ name: reportTableName("Credits", asOf), range: { row: 3, column: 0, rows: credits.length + 1, columns: headers.length } }]
            : [],
      },
    ],
  };
}

/** The register, unpaid refunds first (oldest first), then the paid ones by date. */
export function registerInOrder(entries: RegisterEntry[]): RegisterEntry[] {
  return [...entries].sort(
    (a, b) => Number(a.paid) - Number(b.paid) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.refundId.localeCompare(b.refundId),
  );
}

export function refundRegisterSheetPlan(entries: RegisterEntry[], dateSystem: DateSystem = 1900): WritePlan {
  const headers = [
    "RefundID",
    "Date",
    "Refund to",
    "Account",
    "Payer",
    "Payment",
    "Amount",
    "Reason",
    "Identified",
    "Check #",
    "Paid date",
    "Status",
  ];
  const row = rowOf(headers.length);
  const serial = (iso: IsoDate | undefined) => (iso === undefined ? null : isoToSerial(iso, dateSystem));
  const ordered = registerInOrder(entries);
  const unpaid = ordered.filter((e) => !e.paid);
  const total = sumCents(ordered.map((e) => e.amount));
  const cells: CellValue[][] = [
    row("Refund register"),
    row(
      `${plural(ordered.length, "refund")}, ${formatMoney(total)}`,
      `${unpaid.length} unpaid, ${formatMoney(sumCents(unpaid.map((e) => e.amount)))}`,
    ),
    row(),
    headers,
  ];
  for (const e of ordered) {
    cells.push(
      row(
        e.refundId,
        serial(e.date),
        e.to,
        e.patientId ?? null,
        e.payerId ?? null,
        e.paymentId ?? null,
        dollars(e.amount),
        e.reason,
        serial(e.identified),
        e.checkNumber ?? null,
        serial(e.paidDate),
        e.paid ? "Paid" : "Unpaid",
      ),
    );
  }
  const totalRow = cells.length;
  cells.push(row(`Total (${plural(ordered.length, "refund")})`, null, null, null, null, null, dollars(total)));
  const text = (width: number) => ({ width, numberFormat: "@" });
  const date = { width: 12, numberFormat: DATE_FORMAT };
  return {
    action: "Refund register",
    what: `refund register: ${plural(ordered.length, "refund")}, ${unpaid.length} unpaid`,
    totals: `refunded ${formatMoney(total)}`,
    ops: [
      {
        kind: "reportSheet",
        sheet: "Refund register",
        cells,
        columns: [
          text(10),
          date,
          text(10),
          text(12),
          text(10),
          text(12),
          { width: 12, numberFormat: MONEY_FORMAT },
          text(36),
          date,
          text(10),
          date,
          text(8),
        ],
        headerRow: 3,
        boldRows: [0, totalRow],
        tables:
          ordered.length > 0
            ? [{ name: "Refund_register", range: { row: 3, column: 0, rows: ordered.length + 1, columns: headers.length } }]
            : [],
      },
    ],
  };
}
