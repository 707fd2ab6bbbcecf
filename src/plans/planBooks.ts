// What payment plans read besides the ledger: the PaymentPlans rows (checked against Patients), the
// Patients (who can have a plan), the Practice's "Plan Grace Days", and each account's patient balance.
// Read in two readTables calls (the ledger's tables, then these), whatever the number of plans.
import type { DateSystem, IsoDate } from "../dates";
import { LineTally } from "../ledger/balances";
import { readLedger, type Ledger } from "../ledger/ledger";
import { ledgerProblems } from "../ledger/ledgerProblems";
import type { Cents } from "../money";
import { describeIssue, parseTable } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import { daysSetting, PracticeSettings } from "../workbook/practiceSettings";
import { PaymentPlans, Patients, Practice, type PatientRow } from "../workbook/tables";
import { planStandings, readPaymentPlans, type PaymentPlan, type PlanStanding } from "./paymentPlans";

/** The Practice setting: days after an installment's due date before it counts as missed. */
export const PLAN_GRACE_SETTING = "Plan Grace Days";

/** The tables plans read besides the ledger's. */
export const PLAN_TABLES = [PaymentPlans.name, Patients.name, Practice.name];

export interface PlanBooks {
  ledger: Ledger;
  tables: Record<string, RawTable | undefined>;
  dateSystem: DateSystem;
  plans: PaymentPlan[];
  patients: PatientRow[];
  graceDays: number;
  /** Ledger rows, plans, patients and the setting that could not be read, in a biller's words. */
  problems: string[];
}

/** The Practice's "Plan Grace Days" (10 when blank), and what is wrong with it. */
export function planGraceDays(practice: RawTable | undefined, dateSystem: DateSystem): { days: number; problem?: string } {
  const given = practice ? PracticeSettings.fromRows(parseTable(Practice, practice, dateSystem).rows) : new PracticeSettings();
  return daysSetting(given, PLAN_GRACE_SETTING, 0);
}

/** Plans' books from tables already read (the ledger's among them, or the ledger given). Pure. */
export function planBooks(ledger: Ledger, tables: Record<string, RawTable | undefined>, dateSystem: DateSystem): PlanBooks {
  const patientsRaw = tables[Patients.name];
  const patients = patientsRaw ? parseTable(Patients, patientsRaw, dateSystem) : undefined;
  const read = readPaymentPlans(tables[PaymentPlans.name], dateSystem, patients?.rows ?? []);
  const grace = planGraceDays(tables[Practice.name], dateSystem);
  const problems = [
    ...ledgerProblems(ledger, tables),
    ...(patients?.issues ?? []).map((issue) => `${describeIssue(issue)}: that patient is left out until it is fixed.`),
    ...read.problems,
    ...(grace.problem ? [grace.problem] : []),
  ];
  return { ledger, tables, dateSystem, plans: read.plans, patients: patients?.rows ?? [], graceDays: grace.days, problems };
}

/**
 * Where every plan stands on a date, from tables already read (PaymentPlans and Practice among them):
 * what a report that reads plans beside its own tables needs (the collections worklist), and the
 * problems of the rows it could not use.
 */
export function standingsInTables(
  ledger: Ledger,
  tables: Record<string, RawTable | undefined>,
  dateSystem: DateSystem,
  patients: PatientRow[] | undefined,
  asOf: IsoDate,
): { standings: PlanStanding[]; problems: string[] } {
  const read = readPaymentPlans(tables[PaymentPlans.name], dateSystem, patients);
  const grace = planGraceDays(tables[Practice.name], dateSystem);
  return {
    standings: planStandings(ledger, read.plans, asOf, grace.days),
    problems: [...read.problems, ...(grace.problem ? [grace.problem] : [])],
  };
}

/** Read the ledger and the plans' tables (two reads). */
export async function readPlanBooks(workbook: Workbook): Promise<PlanBooks> {
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const more = await workbook.readTables(PLAN_TABLES);
  return planBooks(ledger, { ...tables, ...more }, dateSystem);
}

/**
 * What each account owes itself as of a date (the statement's rule: a line in credit counts its credit,
 * a line that owes its patient share; never below 0), for the accounts asked about (every account
 * without). One pass over the lines.
 */
export function patientBalances(ledger: Ledger, asOf: IsoDate, only?: Set<string>): Map<string, Cents> {
  const { linePatient, patientIds } = ledger.columns;
  const wanted = only ? new Set(patientIds.flatMap((id, n) => (only.has(id) ? [n] : []))) : undefined;
  const tally = new LineTally(ledger, asOf);
  const sums = new Map<number, Cents>();
  for (let i = 0; i < linePatient.length; i++) {
    const n = linePatient[i];
    if ((wanted && !wanted.has(n)) || !tally.served(i)) continue;
    tally.tally(i);
    sums.set(n, (sums.get(n) ?? 0) + accountOwes(tally));
  }
  const out = new Map<string, Cents>();
  for (const [n, sum] of sums) out.set(patientIds[n], Math.max(0, sum));
  return out;
}

/** What a line adds to what its account owes: its credit when in credit, else its patient share. */
export function accountOwes(line: { balance: Cents; patientShare: Cents }): Cents {
  return line.balance < 0 ? line.balance : line.patientShare;
}
