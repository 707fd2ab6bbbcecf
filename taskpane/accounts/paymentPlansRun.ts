// The Payment plans section's work on the workbook, apart from React so it can be tested in Node: read
// the plans with where they stand today and who can be put on one (readPlansPane: the ledger's tables,
// then PaymentPlans, Patients and Practice), and create a plan. The plan is made on the tables as they
// are just before it (read again, so the new PaymentPlanID never comes from an older read) and written by
// applyPlan with its Audit row; a refusal comes back as the engine's problems, with nothing written.
import type { IsoDate } from "../../src/dates";
import type { Cents } from "../../src/money";
import { planStandings, sortedStandings, type PlanStanding } from "../../src/plans/paymentPlans";
import { patientBalances, readPlanBooks, type PlanBooks } from "../../src/plans/planBooks";
import { newPlanPlan, type NewPaymentPlan } from "../../src/plans/planWriting";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import type { PatientChoice } from "../payments/paymentBooks";

export type PlansStage = "reading" | "creating";

/** What the spinner says during a stage. */
export const PLANS_STAGE_LABEL: Record<PlansStage, string> = {
  reading: "Reading the payment plans…",
  creating: "Creating the payment plan…",
};

export interface PlansPane {
  books: PlanBooks;
  asOf: IsoDate;
  /** Behind ones first (sortedStandings). */
  standings: PlanStanding[];
  /** Every patient, with what they owe today (the plan's balance), those who owe most first. */
  patients: PatientChoice[];
}

export async function readPlansPane(workbook: Workbook, today: IsoDate): Promise<PlansPane> {
  const books = await readPlanBooks(workbook);
  const balances = patientBalances(books.ledger, today);
  const patients: PatientChoice[] = books.patients
    .map((p) => ({ patientId: p.patientId, name: `${p.lastName}, ${p.firstName}`, due: balances.get(p.patientId) ?? 0 }))
    .sort((a, b) => b.due - a.due || a.patientId.localeCompare(b.patientId));
  return { books, asOf: today, standings: sortedStandings(planStandings(books.ledger, books.plans, today, books.graceDays)), patients };
}

export type PlanCreated = { ok: true; applied: AppliedPlan; what: string; total: Cents } | { ok: false; problems: string[] };

/** Create a plan on the workbook as it is now. */
export async function createPaymentPlan(workbook: Workbook, request: NewPaymentPlan, today: IsoDate): Promise<PlanCreated> {
  const books = await readPlanBooks(workbook);
  const planned = newPlanPlan(books, request, today);
  if (!planned.ok) return planned;
  const applied = await applyPlan(workbook, planned.plan);
  return { ok: true, applied, what: planned.plan.what, total: planned.row.total };
}
