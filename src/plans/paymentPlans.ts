// Patients' payment plans (issue 17): the PaymentPlans rows read and checked in a biller's words, each
// plan's schedule of monthly installments, and where a plan stands on a date. The rules:
//
// - Schedule: an installment each month on the plan's Day of Month (blank: the start date's day), the
//   first on or after the Start Date; a day past a month's end falls on its last day (31 -> Feb 28).
//   ceil(total / installment) installments, the last one the remainder.
// - Paid toward the plan: the patient's own payments (Payments rows with the PatientID and no PayerID,
//   a positive Amount: a refund is negative and never counts) dated on or after the start and on or
//   before the date. A patient with several plans (an old cancelled one, a new one) pays the plan that
//   started last on or before the payment's date.
// - Due so far: the installments dated on or before the date; behind = due so far − paid (never below
//   0). Installments are paid in order, so "made" counts those the payments cover in full, and the next
//   installment is the first one after the date not yet covered (its amount what is left of it).
// - Completed when paid ≥ total. A missed installment: the oldest one not covered, more than the
//   Practice's "Plan Grace Days" (10) past its due date.
// - A Cancelled or Completed plan (its Status) is listed with its figures but is never due or missed.
//
// Rows that fail a check are left out and said once ("PaymentPlans row 4, Installment: ..."), like the
// ledger's. One pass over Payments, whatever the number of plans.
import { addDays, daysBetween, type DateSystem, type IsoDate } from "../dates";
import type { Ledger } from "../ledger/ledger";
import { formatMoney, type Cents } from "../money";
import { describeIssue, parseTable, type RowIssue } from "../workbook/mapTable";
import type { RawTable } from "../workbook/port";
import { PaymentPlans, type PatientRow, type PaymentPlanRow } from "../workbook/tables";

/** A plan's Status, Active when blank. */
export type PlanStatus = NonNullable<PaymentPlanRow["status"]>;

/** A PaymentPlans row that passed its checks, with where it is in the table. */
export interface PaymentPlan extends PaymentPlanRow {
  /** Sheet row as the biller sees it. */
  sheetRow: number;
  /** 0-based row of the table's body. */
  bodyIndex: number;
}

export interface Installment {
  /** 1-based. */
  number: number;
  date: IsoDate;
  amount: Cents;
}

/** How a plan stands: the figures, and one word for the list. */
export type PlanState = "Current" | "Behind" | "Missed" | "Completed" | "Cancelled";

export interface PlanStanding {
  plan: PaymentPlan;
  status: PlanStatus;
  asOf: IsoDate;
  schedule: Installment[];
  /** The patient's payments toward the plan (may pass the total). */
  paid: Cents;
  /** Σ installments dated on or before asOf (0 for a plan that is not due). */
  dueSoFar: Cents;
  /** dueSoFar − paid, never below 0. */
  behind: Cents;
  /** Installments the payments cover in full. */
  made: number;
  /** total − paid, never below 0. */
  remaining: Cents;
  /** The first installment after asOf not yet covered, with what is left of it; none when not due. */
  next?: { date: IsoDate; amount: Cents };
  /** The oldest installment not covered, more than the grace days past its date: its date, and all that is behind. */
  missed?: { date: IsoDate; amount: Cents };
  /** Paid in full (paid ≥ total), whatever the Status says. */
  completed: boolean;
  state: PlanState;
}

/** The last day of a month (1-12) of a year. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day of a month a plan's installment falls on: its day, or the month's last day when shorter. */
function dueDay(year: number, month: number, day: number): IsoDate {
  return isoOf(year, month, Math.min(day, daysInMonth(year, month)));
}

/** How many installments a total takes: the last one is the remainder. */
export function installmentCount(total: Cents, installment: Cents): number {
  return installment > 0 && total > 0 ? Math.ceil(total / installment) : 0;
}

/** A plan's installments, in date order (none for an installment or total that is not above $0.00). */
export function planSchedule(plan: Pick<PaymentPlanRow, "startDate" | "dayOfMonth" | "installment" | "total">): Installment[] {
  const count = installmentCount(plan.total, plan.installment);
  const [startYear, startMonth, startDay] = plan.startDate.split("-").map(Number);
  const day = plan.dayOfMonth ?? startDay;
  let year = startYear;
  let month = startMonth;
  // The first installment is the first due day on or after the start.
  if (dueDay(year, month, day) < plan.startDate) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const out: Installment[] = [];
  for (let n = 1; n <= count; n++) {
    const amount = n < count ? plan.installment : plan.total - plan.installment * (count - 1);
    out.push({ number: n, date: dueDay(year, month, day), amount });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return out;
}

/** Σ of the installments dated on or before a date. */
export function dueBy(schedule: Installment[], date: IsoDate): Cents {
  let sum = 0;
  for (const installment of schedule) if (installment.date <= date) sum += installment.amount;
  return sum;
}

/**
 * The PaymentPlans table's rows that can be used, and what is wrong with the others in a biller's
 * words. `patients` (when given) are checked against: a plan for an account not in Patients is left out.
 */
export function readPaymentPlans(
  raw: RawTable | undefined,
  dateSystem: DateSystem,
  patients?: PatientRow[],
): { plans: PaymentPlan[]; problems: string[] } {
  if (!raw) return { plans: [], problems: [] };
  const parsed = parseTable(PaymentPlans, raw, dateSystem);
  const issues: RowIssue[] = [...parsed.issues];
  const column = (key: keyof PaymentPlanRow) => parsed.mapping.columns[key]?.header ?? PaymentPlans.fields[key].header;
  const known = patients ? new Set(patients.map((p) => p.patientId)) : undefined;
  const activeOf = new Map<string, PaymentPlan>();
  const plans: PaymentPlan[] = [];
  parsed.rows.forEach((row, i) => {
    const plan: PaymentPlan = { ...row, sheetRow: parsed.sheetRows[i], bodyIndex: parsed.indexes[i] };
    const issue = (key: keyof PaymentPlanRow, message: string) =>
      issues.push({ table: PaymentPlans.name, row: plan.sheetRow, column: column(key), message });
    const before = issues.length;
    if (row.installment <= 0) issue("installment", `the installment is ${formatMoney(row.installment)}: it must be more than $0.00`);
    else if (row.total < row.installment) {
      issue("total", `the plan total ${formatMoney(row.total)} is less than one installment of ${formatMoney(row.installment)}`);
    }
    if (row.dayOfMonth !== undefined && row.dayOfMonth > 31) issue("dayOfMonth", `${row.dayOfMonth} is not a day of the month (1 to 31)`);
    if (known && !known.has(row.patientId)) issue("patientId", `patient "${row.patientId}" is not in the Patients table`);
    if (issues.length === before && (row.status ?? "Active") === "Active") {
      const first = activeOf.get(row.patientId);
      if (first) {
        issue(
          "status",
          `patient "${row.patientId}" already has an active plan (${first.paymentPlanId}, row ${first.sheetRow}); one active plan per patient`,
        );
      } else activeOf.set(row.patientId, plan);
    }
    if (issues.length === before) plans.push(plan);
  });
  return { plans, problems: issues.map((i) => `${describeIssue(i)}: that plan is left out until it is fixed.`) };
}

/**
 * Where each plan stands on a date (in the order given), the payments read in one pass. Plans that
 * start after the date are listed as not yet begun: nothing due, nothing paid.
 */
export function planStandings(ledger: Ledger, plans: PaymentPlan[], asOf: IsoDate, graceDays: number): PlanStanding[] {
  const byPatient = new Map<string, PaymentPlan[]>();
  for (const plan of plans) {
    const list = byPatient.get(plan.patientId);
    if (list) list.push(plan);
    else byPatient.set(plan.patientId, [plan]);
  }
  const paid = new Map<PaymentPlan, Cents>();
  for (const payment of ledger.payments) {
    if (payment.payerId !== undefined || payment.patientId === undefined || payment.amount <= 0 || payment.date > asOf) continue;
    const own = byPatient.get(payment.patientId);
    if (!own) continue;
    // The plan that started last on or before the payment.
    let to: PaymentPlan | undefined;
    for (const plan of own) if (plan.startDate <= payment.date && (!to || plan.startDate >= to.startDate)) to = plan;
    if (to) paid.set(to, (paid.get(to) ?? 0) + payment.amount);
  }
  return plans.map((plan) => standingOf(plan, paid.get(plan) ?? 0, asOf, graceDays));
}

/** One plan's standing, given what the patient paid toward it by the date. */
export function standingOf(plan: PaymentPlan, paid: Cents, asOf: IsoDate, graceDays: number): PlanStanding {
  const status: PlanStatus = plan.status ?? "Active";
  const schedule = planSchedule(plan);
  const completed = paid >= plan.total;
  const due = status === "Active" && !completed;
  let covered = 0;
  let made = 0;
  for (const installment of schedule) {
    covered += installment.amount;
    if (covered <= paid) made++;
  }
  const standing: PlanStanding = {
    plan,
    status,
    asOf,
    schedule,
    paid,
    dueSoFar: 0,
    behind: 0,
    made,
    remaining: Math.max(0, plan.total - paid),
    completed,
    state: status === "Cancelled" ? "Cancelled" : completed || status === "Completed" ? "Completed" : "Current",
  };
  if (!due) return standing;
  standing.dueSoFar = dueBy(schedule, asOf);
  standing.behind = Math.max(0, standing.dueSoFar - paid);
  let through = 0;
  for (const installment of schedule) {
    const before = through;
    through += installment.amount;
    if (through <= paid) continue;
    // The first installment not covered in full: missed when it is past its date and the grace.
    if (installment.date <= asOf) {
      if (standing.missed === undefined && standing.behind > 0 && daysBetween(installment.date, asOf) > graceDays) {
        standing.missed = { date: installment.date, amount: standing.behind };
      }
      continue;
    }
    standing.next = { date: installment.date, amount: through - Math.max(paid, before) };
    break;
  }
  standing.state = standing.missed ? "Missed" : standing.behind > 0 ? "Behind" : "Current";
  return standing;
}

/**
 * What the plan asks for by a date (a statement's due date): what is behind and the installments
 * falling due up to it, less what was paid ahead; 0 for a plan that is not due.
 */
export function planDueBy(standing: PlanStanding, date: IsoDate): Cents {
  if (standing.status !== "Active" || standing.completed) return 0;
  return Math.max(0, dueBy(standing.schedule, date) - standing.paid);
}

/** Whether the plan is still being paid: Active and not paid in full. */
export function planIsDue(standing: PlanStanding): boolean {
  return standing.status === "Active" && !standing.completed;
}

/** The first day a missed installment is flagged: its due date plus the grace days, plus one. */
export function missedFrom(date: IsoDate, graceDays: number): IsoDate {
  return addDays(date, graceDays + 1);
}

/**
 * How the plan stands, in one sentence (statements, the pane, the sheet, the terminal): "Payment plan:
 * $300.00 of $1,200.00 paid, 3 of 12 installments; next $100.00 due 2027-01-15; past due $100.00".
 * `date` writes a date as the reader expects it (a statement: 01/15/2027).
 */
export function planStandingText(standing: PlanStanding, date: (iso: IsoDate) => string = (iso) => iso): string {
  const { plan } = standing;
  const paid = Math.min(standing.paid, plan.total);
  const parts = [
    `Payment plan: ${formatMoney(paid)} of ${formatMoney(plan.total)} paid, ${standing.made} of ${standing.schedule.length} installments`,
  ];
  if (standing.state === "Cancelled") parts.push("cancelled");
  else if (standing.state === "Completed") parts.push("paid in full");
  else {
    if (standing.next) parts.push(`next ${formatMoney(standing.next.amount)} due ${date(standing.next.date)}`);
    if (standing.behind > 0) parts.push(`past due ${formatMoney(standing.behind)}`);
  }
  return parts.join("; ");
}

/** The collections worklist's note for a missed installment: "Missed installment: $100.00 due 2026-11-15". */
export function missedText(missed: { date: IsoDate; amount: Cents }): string {
  return `Missed installment: ${formatMoney(missed.amount)} due ${missed.date}`;
}

/** "12 installments of $100.00, the last $50.00 on 2027-12-15": a schedule in a line, for the preview. */
export function scheduleText(schedule: Installment[]): string {
  if (schedule.length === 0) return "No installments.";
  const first = schedule[0];
  const last = schedule[schedule.length - 1];
  if (schedule.length === 1) return `1 installment of ${formatMoney(first.amount)} on ${first.date}.`;
  const lastPart = last.amount === first.amount ? `the last on ${last.date}` : `the last ${formatMoney(last.amount)} on ${last.date}`;
  return `${schedule.length} installments of ${formatMoney(first.amount)} from ${first.date}, ${lastPart}.`;
}

/** Behind ones first (missed, then behind), then current, completed and cancelled; by account within. */
const ORDER: Record<PlanStanding["state"], number> = { Missed: 0, Behind: 1, Current: 2, Completed: 3, Cancelled: 4 };

/** Plans in the order a list shows them. */
export function sortedStandings(standings: PlanStanding[]): PlanStanding[] {
  return [...standings].sort(
    (a, b) =>
      ORDER[a.state] - ORDER[b.state] ||
      (a.plan.patientId < b.plan.patientId ? -1 : a.plan.patientId > b.plan.patientId ? 1 : 0) ||
      (a.plan.paymentPlanId < b.plan.paymentPlanId ? -1 : 1),
  );
}
