// The collections worklist: patient accounts that owe more than a threshold on balances older than a
// number of days, with what a collector needs to call (name, phone, balance by bucket, last payment,
// last statement) and nothing clinical (no codes, no diagnoses, no dates of birth): minimum necessary.
// Rules:
// - Balances are the patient section of agingReport as of asOf (its basis and bounds): only the
//   patient's share counts; what insurance still owes is not the patient's to pay yet.
// - An account is listed when its patient balance is over `minBalance` and its oldest patient balance
//   is more than `olderThan` days old.
// - Last payment: the latest Payments row from the patient (no PayerID, a positive amount) dated on or
//   before asOf. Statements: those whose Account is the patient, dated on or before asOf.
// - Payment plans (issue 17, `plans`): an account on an active plan that is kept up (nothing missed) is
//   not proposed, whatever its balance and age: it is counted in `onPlan` instead. An account with a
//   missed installment (more than the Practice's Plan Grace Days late) is listed whatever the balance
//   and age given, its note "Missed installment: $X due YYYY-MM-DD": a broken plan is exactly what the
//   office wants to see.
// - An account already with a collection agency (Patients Account Status "Collections") is never
//   proposed again: the agency works it now (src/collections).
// - Priority = oldest age in days × balance in dollars; the list is sorted by it, highest first (ties
//   by account, so the order is the same every run).
import type { IsoDate } from "../dates";
import type { Ledger } from "../ledger/ledger";
import type { Cents } from "../money";
import type { PatientRow, StatementRow } from "../workbook/tables";
import { missedText, planIsDue, type PlanStanding } from "../plans/paymentPlans";
import { agingReport, type AgingBasis } from "./aging";

export interface CollectionsOptions {
  asOf: IsoDate;
  /** Listed when the patient balance is over this. */
  minBalance: Cents;
  /** Listed when the oldest patient balance is more than this many days old. */
  olderThan: number;
  bounds?: number[];
  basis?: AgingBasis;
  /** For names and phones; an account not found is listed with its id only. */
  patients?: PatientRow[];
  statements?: StatementRow[];
  /** Where the payment plans stand on asOf (planStandings); without them no account is on a plan. */
  plans?: PlanStanding[];
}

export interface CollectionsAccount {
  patientId: string;
  lastName?: string;
  firstName?: string;
  phone?: string;
  balance: Cents;
  /** By the report's buckets. */
  buckets: Cents[];
  /** Days since the oldest aging date of the account's patient balances. */
  oldestAge: number;
  lastPayment?: { date: IsoDate; amount: Cents };
  lastStatement?: { date: IsoDate; count: number };
  priority: number;
  /** Why it is listed besides its balance and age: a missed installment of its payment plan. */
  note?: string;
}

/** An account the balance and age would list, left off because it is on a payment plan and keeping it. */
export interface OnPlanAccount {
  patientId: string;
  balance: Cents;
  /** "On a payment plan". */
  note: string;
}

export interface CollectionsWorklist {
  asOf: IsoDate;
  buckets: string[];
  accounts: CollectionsAccount[];
  total: Cents;
  /** Accounts on a payment plan that is kept up: not proposed for collections. */
  onPlan: OnPlanAccount[];
}

export const ON_A_PLAN = "On a payment plan";

export function collectionsWorklist(ledger: Ledger, options: CollectionsOptions): CollectionsWorklist {
  const { asOf, minBalance, olderThan } = options;
  const aging = agingReport(ledger, { asOf, bounds: options.bounds, basis: options.basis });
  const oldest = new Map<string, number>();
  for (const d of aging.details) {
    if (d.section !== "patient") continue;
    const age = oldest.get(d.key);
    if (age === undefined || d.age > age) oldest.set(d.key, d.age);
  }
  const patientById = new Map<string, PatientRow>();
  for (const p of options.patients ?? []) if (!patientById.has(p.patientId)) patientById.set(p.patientId, p);
  const lastPayment = new Map<string, { date: IsoDate; amount: Cents }>();
  for (const p of ledger.payments) {
    if (p.payerId !== undefined || p.patientId === undefined || p.amount <= 0 || p.date > asOf) continue;
    const seen = lastPayment.get(p.patientId);
    if (!seen || p.date > seen.date) lastPayment.set(p.patientId, { date: p.date, amount: p.amount });
    else if (p.date === seen.date) seen.amount += p.amount;
  }
  const statements = new Map<string, { date: IsoDate; count: number }>();
  for (const s of options.statements ?? []) {
    if (s.date > asOf) continue;
    const seen = statements.get(s.account);
    if (!seen) statements.set(s.account, { date: s.date, count: 1 });
    else {
      seen.count += 1;
      if (s.date > seen.date) seen.date = s.date;
    }
  }
  const planOf = new Map<string, PlanStanding>();
  for (const standing of options.plans ?? []) if (planIsDue(standing)) planOf.set(standing.plan.patientId, standing);
  const accounts: CollectionsAccount[] = [];
  const onPlan: OnPlanAccount[] = [];
  let total = 0;
  for (const row of aging.patient.rows) {
    if (patientById.get(row.key)?.accountStatus === "Collections") continue;
    const oldestAge = oldest.get(row.key) ?? 0;
    const listed = row.total > minBalance && oldestAge > olderThan;
    const plan = planOf.get(row.key);
    if (plan && !plan.missed) {
      if (listed) onPlan.push({ patientId: row.key, balance: row.total, note: ON_A_PLAN });
      continue;
    }
    if (!listed && !plan?.missed) continue;
    const account: CollectionsAccount = {
      patientId: row.key,
      balance: row.total,
      buckets: row.buckets,
      oldestAge,
      priority: (oldestAge * row.total) / 100,
    };
    const patient = patientById.get(row.key);
    if (patient) {
      account.lastName = patient.lastName;
      account.firstName = patient.firstName;
      if (patient.phone !== undefined) account.phone = patient.phone;
    }
    const paid = lastPayment.get(row.key);
    if (paid) account.lastPayment = { ...paid };
    const sent = statements.get(row.key);
    if (sent) account.lastStatement = { ...sent };
    if (plan?.missed) account.note = missedText(plan.missed);
    accounts.push(account);
    total += row.total;
  }
  accounts.sort((a, b) => b.priority - a.priority || (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
  onPlan.sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
  return { asOf, buckets: aging.buckets, accounts, total, onPlan };
}
