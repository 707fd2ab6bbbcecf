// Setting a patient up on a payment plan, and ending one, as write plans (issue 17). A new plan is one
// PaymentPlans row (the table is made when the workbook has none) with the next PaymentPlanID; a plan is
// cancelled by setting its row's Status to Cancelled (one setColumn over the Status column as read, every
// other row's value as it was): nothing else is appended, and its payments stay where they are. Every
// request is checked whole first: a bad one writes nothing and says why in a biller's words.
import { isIsoDate, type IsoDate } from "../dates";
import { nextIds } from "../ledger/postingIds";
import { formatMoney, type Cents } from "../money";
import { asText } from "../workbook/cells";
import { mapColumns } from "../workbook/mapTable";
import { appendOrCreateRows, type WritePlan } from "../workbook/plan";
import type { CellValue } from "../workbook/port";
import { PaymentPlans, type PaymentPlanRow } from "../workbook/tables";
import { patientBalances, type PlanBooks } from "./planBooks";
import { planSchedule, scheduleText, type Installment } from "./paymentPlans";

/** What a new PaymentPlanID starts from in a workbook with none: PP000001. */
export const FIRST_PLAN_ID = "PP";
/** The longest note a plan keeps. */
const NOTE_LIMIT = 500;

export interface NewPaymentPlan {
  patientId: string;
  installment: Cents;
  startDate: IsoDate;
  /** Default: the start date's day. */
  dayOfMonth?: number;
  /** Default: the patient's balance today. */
  total?: Cents;
  note?: string;
}

export type PlanWrite =
  { ok: true; plan: WritePlan; row: PaymentPlanRow; schedule: Installment[]; balance: Cents } | { ok: false; problems: string[] };

/** What the patient owes now (their own share, credits netted): what a plan may cover. */
export function planBalance(books: PlanBooks, patientId: string, today: IsoDate): Cents {
  return patientBalances(books.ledger, today, new Set([patientId])).get(patientId) ?? 0;
}

/** The row a new plan would be, and what is wrong with the request (nothing is written). */
export function checkNewPlan(
  books: PlanBooks,
  request: NewPaymentPlan,
  today: IsoDate,
): { row?: PaymentPlanRow; balance: Cents; problems: string[] } {
  const problems: string[] = [];
  const patientId = request.patientId.trim();
  const patient = books.patients.find((p) => p.patientId === patientId);
  let balance = 0;
  if (patientId === "") problems.push("Choose the patient the plan is for.");
  else if (!patient) problems.push(`Patient "${patientId}" is not in the Patients table.`);
  else {
    balance = planBalance(books, patientId, today);
    if (balance <= 0)
      problems.push(`Patient ${patientId} owes nothing now (patient balance ${formatMoney(balance)}): there is nothing to put on a plan.`);
    const active = books.plans.find((p) => p.patientId === patientId && (p.status ?? "Active") === "Active");
    if (active) {
      problems.push(
        `Patient ${patientId} already has an active payment plan (${active.paymentPlanId}, PaymentPlans row ${active.sheetRow}): cancel it first.`,
      );
    }
  }
  if (!Number.isInteger(request.installment) || request.installment <= 0) problems.push("The installment must be more than $0.00.");
  if (!isIsoDate(request.startDate)) problems.push(`The start date "${request.startDate}" is not a date (write it like 2027-01-15).`);
  const day = request.dayOfMonth;
  if (day !== undefined && (!Number.isInteger(day) || day < 1 || day > 31)) {
    problems.push(`The day of the month "${day}" is not a day from 1 to 31.`);
  }
  const total = request.total ?? balance;
  if (request.total !== undefined && (!Number.isInteger(request.total) || request.total <= 0)) {
    problems.push("The plan total must be more than $0.00.");
  } else if (balance > 0 && total > balance) {
    problems.push(`The plan total ${formatMoney(total)} is more than the patient's balance of ${formatMoney(balance)}.`);
  } else if (request.installment > 0 && total > 0 && total < request.installment) {
    problems.push(`The plan total ${formatMoney(total)} is less than one installment of ${formatMoney(request.installment)}.`);
  }
  const note = request.note?.trim();
  if (note !== undefined && note.length > NOTE_LIMIT) problems.push(`The note is ${note.length} characters: keep it under ${NOTE_LIMIT}.`);
  if (problems.length > 0) return { balance, problems };
  const row: PaymentPlanRow = {
    paymentPlanId: "",
    patientId,
    startDate: request.startDate,
    installment: request.installment,
    total,
    status: "Active",
  };
  if (day !== undefined) row.dayOfMonth = day;
  if (note) row.note = note;
  return { row, balance, problems };
}

/** The plan writing a new PaymentPlans row (its PaymentPlanID the next after the table's highest). */
export function newPlanPlan(books: PlanBooks, request: NewPaymentPlan, today: IsoDate): PlanWrite {
  const checked = checkNewPlan(books, request, today);
  if (!checked.row) return { ok: false, problems: checked.problems };
  const table = books.tables[PaymentPlans.name];
  const row = { ...checked.row, paymentPlanId: nextIds(existingIds(table), 1, FIRST_PLAN_ID)[0] };
  const appended = appendOrCreateRows(PaymentPlans, table, [row], books.dateSystem);
  if (!appended.ok) return { ok: false, problems: [appended.problem] };
  const schedule = planSchedule(row);
  return {
    ok: true,
    row,
    schedule,
    balance: checked.balance,
    plan: {
      action: "Payment plan",
      what: `payment plan ${row.paymentPlanId} for account ${row.patientId}: ${scheduleText(schedule).replace(/\.$/, "")}`,
      totals: `plan total ${formatMoney(row.total)}`,
      ops: [appended.op],
    },
  };
}

/** Every PaymentPlanID the table holds, its unreadable rows' too: a new one must repeat none. */
function existingIds(table: PlanBooks["tables"][string]): string[] {
  if (!table) return [];
  const column = mapColumns(PaymentPlans, table.headers).columns.paymentPlanId?.index;
  if (column === undefined) return [];
  const ids: string[] = [];
  for (const cells of table.rows) {
    const cell = cells[column];
    if (cell !== null && cell !== undefined && asText(cell) !== "") ids.push(asText(cell));
  }
  return ids;
}

/** The plan setting an Active plan's Status to Cancelled; refused for a plan that is not active. */
export function cancelPlanPlan(books: PlanBooks, paymentPlanId: string): { ok: true; plan: WritePlan } | { ok: false; problems: string[] } {
  const id = paymentPlanId.trim();
  const table = books.tables[PaymentPlans.name];
  if (!table) return { ok: false, problems: ["The workbook has no PaymentPlans table: there is no plan to cancel."] };
  const plan = books.plans.find((p) => p.paymentPlanId.toLowerCase() === id.toLowerCase());
  if (!plan) return { ok: false, problems: [`There is no payment plan "${id}" in the PaymentPlans table (or its row has a problem).`] };
  const status = plan.status ?? "Active";
  if (status !== "Active")
    return { ok: false, problems: [`Payment plan ${plan.paymentPlanId} is ${status}, not active: there is nothing to cancel.`] };
  const column = mapColumns(PaymentPlans, table.headers).columns.status;
  if (!column) return { ok: false, problems: ['The PaymentPlans table has no "Status" column: add it (or run Setup), then try again.'] };
  const values: CellValue[] = table.rows.map((cells) => cells[column.index] ?? null);
  values[plan.bodyIndex] = "Cancelled";
  return {
    ok: true,
    plan: {
      action: "Payment plan cancelled",
      what: `payment plan ${plan.paymentPlanId} for account ${plan.patientId} cancelled`,
      ops: [{ kind: "setColumn", table: table.name, column: column.header, values }],
    },
  };
}
