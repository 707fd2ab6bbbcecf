// What the Payment plans section shows, apart from React so it can be tested in Node: each plan as a row
// of the list (account and name, where it stands, its figures in words), the new plan form read into a
// request with each mistake on its own field, and the schedule's preview line.
import { isIsoDate, type IsoDate } from "../../src/dates";
import { formatMoney, parseMoney, type Cents } from "../../src/money";
import { planSchedule, planStandingText, scheduleText, type PlanStanding, type PlanState } from "../../src/plans/paymentPlans";
import type { NewPaymentPlan } from "../../src/plans/planWriting";
import type { PatientRow } from "../../src/workbook/tables";
import { plural } from "../billerMessage";

export interface PlanRow {
  key: string;
  /** "Doe, Jane · P1001 · PP000001". */
  title: string;
  state: PlanState;
  /** The badge's colour: a missed or behind plan stands out. */
  tone: "danger" | "warning" | "success" | "informative";
  /** How the plan stands, in one sentence (planStandingText). */
  detail: string;
}

const TONE: Record<PlanState, PlanRow["tone"]> = {
  Missed: "danger",
  Behind: "warning",
  Current: "success",
  Completed: "informative",
  Cancelled: "informative",
};

export function planRows(standings: PlanStanding[], patients: PatientRow[]): PlanRow[] {
  const names = new Map(patients.map((p) => [p.patientId, `${p.lastName}, ${p.firstName}`]));
  return standings.map((s) => {
    const name = names.get(s.plan.patientId);
    return {
      key: s.plan.paymentPlanId,
      title: [name, s.plan.patientId, s.plan.paymentPlanId].filter(Boolean).join(" · "),
      state: s.state,
      tone: TONE[s.state],
      detail: s.missed ? `${planStandingText(s)} (missed since ${s.missed.date})` : planStandingText(s),
    };
  });
}

/** The list's heading line: how many plans, how many behind. */
export function plansSummary(standings: PlanStanding[]): string {
  if (standings.length === 0) return "No payment plans yet.";
  const behind = standings.filter((s) => s.behind > 0);
  const owed = behind.reduce((n, s) => n + s.behind, 0);
  return behind.length === 0
    ? `${plural(standings.length, "plan")}, none behind.`
    : `${plural(standings.length, "plan")}, ${behind.length} behind (${formatMoney(owed)} past due).`;
}

export interface PlanForm {
  patientId: string;
  installment: string;
  start: IsoDate;
  day: string;
  total: string;
  note: string;
}

export function newPlanForm(today: IsoDate): PlanForm {
  return { patientId: "", installment: "", start: today, day: "", total: "", note: "" };
}

export type PlanFormErrors = Partial<Record<keyof PlanForm, string>>;

/** The form as a request, or each mistake on its field (the engine checks the rest against the books). */
export function readPlanForm(
  form: PlanForm,
  balance: Cents | undefined,
): { ok: true; request: NewPaymentPlan } | { ok: false; errors: PlanFormErrors } {
  const errors: PlanFormErrors = {};
  if (form.patientId.trim() === "") errors.patientId = "Choose the patient.";
  const installment = parseMoney(form.installment);
  if (!installment.ok || installment.value <= 0) errors.installment = "An amount more than $0.00, like 50.00.";
  if (!isIsoDate(form.start)) errors.start = "A date like 2027-01-15.";
  const day = form.day.trim();
  if (day !== "" && !(/^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 31)) errors.day = "A day from 1 to 31, or blank.";
  let total: Cents | undefined;
  if (form.total.trim() !== "") {
    const parsed = parseMoney(form.total);
    if (!parsed.ok || parsed.value <= 0) errors.total = "An amount more than $0.00, or blank for the whole balance.";
    else if (balance !== undefined && parsed.value > balance) errors.total = `No more than the balance, ${formatMoney(balance)}.`;
    else total = parsed.value;
  }
  if (Object.keys(errors).length > 0 || !installment.ok) return { ok: false, errors };
  const request: NewPaymentPlan = { patientId: form.patientId.trim(), installment: installment.value, startDate: form.start };
  if (day !== "") request.dayOfMonth = Number(day);
  if (total !== undefined) request.total = total;
  if (form.note.trim() !== "") request.note = form.note.trim();
  return { ok: true, request };
}

/** The schedule the form would make, in a line ("12 installments of $100.00 from ..."), or why it can't be shown yet. */
export function schedulePreview(form: PlanForm, balance: Cents | undefined): string {
  const read = readPlanForm(form, balance);
  if (!read.ok) return "Fill in the patient, the installment and the start date to see the schedule.";
  const total = read.request.total ?? balance ?? 0;
  if (total <= 0) return "This patient owes nothing now.";
  return scheduleText(planSchedule({ ...read.request, total }));
}
