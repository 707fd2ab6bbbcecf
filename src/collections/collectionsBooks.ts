// What the collection agency hand-off reads (issue 17), in two reads whatever the workbook's size: the
// ledger's tables, then Patients (the accounts, their Account Status and the agency's contact details),
// Statements (the last one sent), Practice (the agency's fee) and PaymentPlans (an account keeping
// its plan is not proposed). Shared by the terminal and the pane.
import type { DateSystem, IsoDate } from "../dates";
import { readLedger, type Ledger } from "../ledger/ledger";
import { ledgerProblems } from "../ledger/ledgerProblems";
import type { PlanContext } from "../ledger/postingRows";
import { parseTable } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import { PracticeSettings, practiceSetting } from "../workbook/practiceSettings";
import { PaymentPlans, Patients, Practice, Statements, type PatientRow, type StatementRow } from "../workbook/tables";

/** The Practice setting an office may keep its agency's fee in: a percent of what the agency collects. */
export const AGENCY_FEE_SETTING = "Collection Agency Fee %";

export interface CollectionsBooks {
  ledger: Ledger;
  /** Every table read, by name: the ledger's and Patients, Statements, Practice. */
  tables: Record<string, RawTable | undefined>;
  dateSystem: DateSystem;
  patients: PatientRow[];
  statements: StatementRow[];
  /** The Practice's "Collection Agency Fee %", as written (blank: none). */
  feePercent?: string;
  /** What is wrong in the tables read (rows left out until fixed). */
  problems: string[];
}

export async function readCollectionsBooks(workbook: Workbook): Promise<CollectionsBooks> {
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const more = await workbook.readTables([Patients.name, Statements.name, Practice.name, PaymentPlans.name]);
  const patients = more[Patients.name] ? parseTable(Patients, more[Patients.name]!, dateSystem) : undefined;
  const statements = more[Statements.name] ? parseTable(Statements, more[Statements.name]!, dateSystem) : undefined;
  const practice = more[Practice.name] ? parseTable(Practice, more[Practice.name]!, dateSystem) : undefined;
  const settings = PracticeSettings.fromRows(practice?.rows ?? []);
  return {
    ledger,
    tables: { ...tables, ...more },
    dateSystem,
    patients: patients?.rows ?? [],
    statements: statements?.rows ?? [],
    feePercent: practiceSetting(settings, AGENCY_FEE_SETTING),
    problems: ledgerProblems(ledger, tables, [...(patients?.issues ?? []), ...(statements?.issues ?? [])]),
  };
}

/** The posting plans' context from what was read. */
export async function collectionsContext(workbook: Workbook, books: CollectionsBooks, today: IsoDate): Promise<PlanContext> {
  return { info: await workbook.describe(), tables: books.tables, dateSystem: books.dateSystem, today };
}

/** The Patients row of an account (the ID as written, else without regard to case). */
export function findPatient(patients: PatientRow[], patientId: string): PatientRow | undefined {
  const wanted = patientId.trim();
  const key = wanted.toLowerCase();
  return patients.find((p) => p.patientId === wanted) ?? patients.find((p) => p.patientId.toLowerCase() === key);
}
