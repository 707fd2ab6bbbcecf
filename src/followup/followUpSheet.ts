// The follow-up worklists as one sheet, "Follow-up YYYY-MM-DD" (issue 15): a summary of the five lists
// (items, amount), then every item in one Excel table the office can sort and filter: its list, claim,
// line, payer, code, date of service, the amount at stake, the days (left to appeal or file, waiting for
// an answer, or since the service), the deadline, why it is on the list, the next step, and its
// standing (status, follow-up date, note). No patient is named: the claim and line are what a biller
// works from. The words of a row are followUpRows', which the terminal prints too.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { formatMoney, MONEY_FORMAT, type Cents } from "../money";
import { COUNT_FORMAT, DATE_FORMAT, dollars, reportTableName } from "../reports/reportSheetLayout";
import type { WritePlan } from "../workbook/plan";
import type { CellValue } from "../workbook/port";
import type { FollowUpItem, FollowUpLists } from "./worklists";

export const FOLLOW_UP_HEADERS = [
  "List",
  "Claim",
  "Line",
  "Payer",
  "Code",
  "DOS",
  "Amount",
  "Days",
  "Deadline",
  "Why",
  "Next step",
  "Status",
  "Follow-up",
  "Note",
];

/** One item as the sheet and the terminal give it. */
export interface FollowUpRowText {
  list: string;
  claimId: string;
  chargeId: string;
  payerId: string;
  code: string;
  dos: IsoDate;
  amount: Cents;
  days: number;
  deadline?: IsoDate;
  why: string;
  next: string;
  status: string;
  followUpDate?: IsoDate;
  note: string;
}

/** Every item of the lists, list by list (Denied, Underpaid, No response, Filing limit, Rejected), in each list's order. */
export function followUpRows(lists: FollowUpLists): FollowUpRowText[] {
  const items: FollowUpItem[] = [...lists.denied, ...(lists.underpaid ?? []), ...lists.silent, ...lists.nearLimit, ...lists.rejected];
  return items.map((item) => {
    const base = {
      list: item.list,
      claimId: item.claimId,
      payerId: item.payerId,
      status: item.standing.status,
      followUpDate: item.standing.followUpDate,
      note: item.standing.note ?? "",
    };
    switch (item.list) {
      case "Denied":
        return {
          ...base,
          chargeId: item.chargeId,
          code: item.code,
          dos: item.dos,
          amount: item.open,
          days: item.daysLeft,
          deadline: item.appealBy,
          why: `Denied ${item.deniedOn}: ${item.meaning.code} ${item.meaning.words}`,
          next: item.daysLeft < 0 ? `${item.meaning.action} (appeal date passed)` : item.meaning.action,
        };
      case "Underpaid":
        return {
          ...base,
          chargeId: item.chargeId,
          code: item.code,
          dos: item.dos,
          amount: -item.variance,
          days: item.age,
          why: `Allowed ${formatMoney(item.allowed)} of the contract's ${formatMoney(item.expected)}`,
          next: "ask the payer to reprocess at the contract rate",
        };
      case "No response":
        return {
          ...base,
          chargeId: "",
          code: "",
          dos: item.dos,
          amount: item.open,
          days: item.daysWaiting,
          why: `Billed ${item.billedDate}, no answer in ${item.daysWaiting} days (${item.lines === 1 ? "1 line" : `${item.lines} lines`})`,
          next: "check the claim's status with the payer",
        };
      case "Filing limit":
        return {
          ...base,
          chargeId: "",
          code: "",
          dos: item.dos,
          amount: item.charge,
          days: item.daysLeft,
          deadline: item.filingLimit,
          why:
            item.daysLeft < 0
              ? `Not billed; the ${item.limitDays}-day filing limit passed ${-item.daysLeft} days ago`
              : `Not billed; ${item.daysLeft} days left of the ${item.limitDays}-day filing limit`,
          next: item.daysLeft < 0 ? "bill with proof of timely filing, or write off" : "bill the claim",
        };
      case "Rejected":
        return {
          ...base,
          chargeId: "",
          code: "",
          dos: item.dos,
          amount: item.open,
          days: item.daysLeft,
          deadline: item.filingLimit,
          why: `Rejected ${item.rejectedOn} (${item.source}${item.sequence === "Primary" ? "" : `, ${item.sequence.toLowerCase()} claim`}): ${item.reason}`,
          next:
            item.daysLeft < 0 ? "correct and send again with proof of timely filing, or write off" : "correct the claim and send it again",
        };
    }
  });
}

/** Items and amount of each list, in the sheet's order. */
export function followUpSummary(lists: FollowUpLists): { list: string; items: number; amount: Cents }[] {
  const sum = (xs: { amount: Cents }[]) => xs.reduce((s, x) => s + x.amount, 0);
  const rows = followUpRows(lists);
  return (["Denied", "Underpaid", "No response", "Filing limit", "Rejected"] as const)
    .filter((list) => list !== "Underpaid" || lists.underpaid !== undefined)
    .map((list) => {
      const of = rows.filter((r) => r.list === list);
      return { list, items: of.length, amount: sum(of) };
    });
}

export function followUpSheetPlan(lists: FollowUpLists, dateSystem: DateSystem = 1900): WritePlan {
  const serial = (iso: IsoDate | undefined) => (iso === undefined ? null : isoToSerial(iso, dateSystem));
  const width = FOLLOW_UP_HEADERS.length;
  const row = (...values: CellValue[]): CellValue[] => {
    const out = new Array<CellValue>(width).fill(null);
    values.forEach((v, i) => (out[i] = v));
    return out;
  };
  const summary = followUpSummary(lists);
  const cells: CellValue[][] = [row(`Follow-up worklists as of ${lists.asOf}`), row(), row("List", "Items", "Amount")];
  // Above the table's header, where the columns' formats do not reach: the amount as text.
  for (const s of summary) cells.push(row(s.list, s.items, formatMoney(s.amount)));
  if (lists.underpaid === undefined) cells.push(row("Underpaid", "no Contracts table: add each payer's rates to check payments"));
  if (lists.done > 0) cells.push(row(`${lists.done} written off or closed, not listed`));
  cells.push(row());
  const headerRow = cells.length;
  cells.push(FOLLOW_UP_HEADERS);
  const rows = followUpRows(lists);
  for (const r of rows) {
    cells.push([
      r.list,
      r.claimId,
      r.chargeId,
      r.payerId,
      r.code,
      serial(r.dos),
      dollars(r.amount),
      r.days,
      serial(r.deadline),
      r.why,
      r.next,
      r.status,
      serial(r.followUpDate),
      r.note,
    ]);
  }
  const text = (w: number) => ({ width: w, numberFormat: "@" });
  const date = { width: 11, numberFormat: DATE_FORMAT };
  const total = summary.reduce((s, x) => s + x.amount, 0);
  return {
    action: "Follow-up worklists",
    what: `follow-up as of ${lists.asOf}: ${summary.map((s) => `${s.list.toLowerCase()} ${s.items}`).join(", ")}`,
    totals: `at stake ${formatMoney(total)}`,
    ops: [
      {
        kind: "reportSheet",
        sheet: `Follow-up ${lists.asOf}`,
        cells,
        columns: [
          text(12),
          text(12),
          text(12),
          text(9),
          text(8),
          date,
          { width: 12, numberFormat: MONEY_FORMAT },
          { width: 7, numberFormat: COUNT_FORMAT },
          date,
          text(48),
          text(30),
          text(12),
          date,
          text(30),
        ],
        headerRow,
        boldRows: [0, 2],
        tables:
          rows.length > 0
            ? [
                {
                  name: reportTableName("FollowUp", lists.asOf),
                  range: { row: headerRow, column: 0, rows: rows.length + 1, columns: width },
                },
              ]
            : [],
      },
    ],
  };
}
