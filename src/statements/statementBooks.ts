// What statements and invoices are built from, read in one go: the ledger (Charges, Payments,
// Postings, Payers), the Patients (name and address of each account, and its Account Status), the
// FeeSchedule (the practice's own line descriptions), the Statements already issued (previous
// balances, cycles, numbering) and the practice's statement settings from the Practice table.
// A setting that does not read (a day count that is not a whole number, a minimum that is not an
// amount) is a problem in words and its default is used: nothing here throws on a workbook's data.
import type { DateSystem } from "../dates";
import { buildLedger, LEDGER_TABLES, ledgerFromTables, type Ledger, type LedgerTables } from "../ledger/ledger";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { formatMoney, parseMoney, type Cents } from "../money";
import { describeIssue, parseTable, type RowIssue } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import { practiceSetting, PracticeSettings, SETTING_NAMES } from "../workbook/practiceSettings";
import { practiceSettingDefault } from "../workbook/setup";
import {
  FeeSchedule,
  Patients,
  PaymentPlans,
  Practice,
  Statements,
  type FeeRow,
  type PatientRow,
  type PayerRow,
  type PracticeRow,
  type RowOf,
  type StatementRow,
  type TableDef,
} from "../workbook/tables";
import type { PracticeBlock } from "./model";
import { readPaymentPlans, type PaymentPlan } from "../plans/paymentPlans";
import { PLAN_GRACE_SETTING, planGraceDays } from "../plans/planBooks";

export interface StatementSettings {
  practice: PracticeBlock;
  /** Days from the statement date to its due date ("Statement Due Days"). */
  dueDays: number;
  /** A batch leaves out accounts with a statement in the last this many days ("Statement Cycle Days"). */
  cycleDays: number;
  /** A batch leaves out accounts owing less ("Statement Minimum"). */
  minBalance: Cents;
  /** The text of a date of service with several codes, or a code with no FeeSchedule description. */
  lineText: string;
  /** The message printed by the age of the oldest amount owed. */
  messages: { current: string; days31to60: string; days61to90: string; over90: string };
  /** Invoice payment terms ("Net 30"). */
  invoiceTerms: string;
}

export interface StatementBooks {
  ledger: Ledger;
  patients: PatientRow[];
  payers: PayerRow[];
  feeSchedule: FeeRow[];
  statements: StatementRow[];
  settings: StatementSettings;
  /** The PaymentPlans rows that read (issue 17): an account on an active plan is asked for its installment. */
  paymentPlans: PaymentPlan[];
  /** The Practice's "Plan Grace Days". */
  planGraceDays: number;
  dateSystem: DateSystem;
  /** Rows that could not be read, missing tables and settings that did not read, in a biller's words. */
  problems: string[];
}

/** Every table statements read, in one readTables call. */
export const STATEMENT_TABLES = [Practice.name, Patients.name, FeeSchedule.name, Statements.name, PaymentPlans.name, ...LEDGER_TABLES];

/**
 * The statement settings of a Practice table's rows. A setting the table lacks, or leaves blank,
 * takes Setup's default quietly (a workbook set up before statements existed); one that is filled
 * in but does not read takes the default and says so.
 */
export function statementSettings(rows: PracticeRow[]): { settings: StatementSettings; problems: string[] } {
  const problems: string[] = [];
  const values = PracticeSettings.fromRows(rows);
  const text = (setting: string) => values.get(setting);
  const named = (names: readonly string[]) => practiceSetting(values, ...names);
  const textOr = (setting: string) => text(setting) ?? practiceSettingDefault(setting);
  function days(setting: string): number {
    const fallback = Number(practiceSettingDefault(setting));
    const given = text(setting);
    if (given === undefined) return fallback;
    const n = /^\d+$/.test(given) ? Number(given) : NaN;
    if (Number.isInteger(n) && n <= 366) return n;
    problems.push(
      `Practice setting "${setting}": "${given}" is not a number of days from 0 to 366; ${fallback} days are used until it is corrected.`,
    );
    return fallback;
  }
  function amount(setting: string): Cents {
    const fallback = parseMoney(practiceSettingDefault(setting));
    if (!fallback.ok) throw new Error(`the default of "${setting}" is not an amount`);
    const given = text(setting);
    if (given === undefined) return fallback.value;
    const parsed = parseMoney(given);
    if (parsed.ok && parsed.value >= 0) return parsed.value;
    problems.push(
      `Practice setting "${setting}": "${given}" is not an amount of $0.00 or more; ${formatMoney(fallback.value)} is used until it is corrected.`,
    );
    return fallback.value;
  }

  const name = named(SETTING_NAMES.practiceName) ?? "";
  if (!name) problems.push(`The Practice table has no "Practice Name": statements will show no practice name.`);
  const street = [named(SETTING_NAMES.address), named(SETTING_NAMES.address2)].filter((line): line is string => line !== undefined);
  const cityLine = cityStateZip(named(SETTING_NAMES.city), named(SETTING_NAMES.state), named(SETTING_NAMES.zip));
  const addressLines = cityLine ? [...street, cityLine] : street;
  if (addressLines.length === 0) problems.push(`The Practice table has no "Address": statements will show no practice address.`);
  const remitTo = text("Remit-To Address");
  const practice: PracticeBlock = { name, addressLines, remitToLines: remitTo ? addressText(remitTo) : addressLines };
  const phone = named(SETTING_NAMES.phone);
  if (phone) practice.phone = phone;

  return {
    settings: {
      practice,
      dueDays: days("Statement Due Days"),
      cycleDays: days("Statement Cycle Days"),
      minBalance: amount("Statement Minimum"),
      lineText: textOr("Statement Line Text"),
      messages: {
        current: textOr("Statement Message"),
        days31to60: textOr("Dunning 31-60"),
        days61to90: textOr("Dunning 61-90"),
        over90: textOr("Dunning 90+"),
      },
      invoiceTerms: textOr("Invoice Terms"),
    },
    problems,
  };
}

/** "Sampleton, IL 62701", from whichever parts are there; undefined when none is. */
export function cityStateZip(city?: string, state?: string, zip?: string): string | undefined {
  const stateZip = [state, zip].filter(Boolean).join(" ");
  const line = [city, stateZip].filter(Boolean).join(", ");
  return line === "" ? undefined : line;
}

/**
 * An address typed in one cell, as lines: split where it has line breaks; else "PO Box 5501,
 * Sampleton, IL 62701-5501" becomes the street part and the "City, ST ZIP" part.
 */
export function addressText(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length !== 1) return lines;
  const m = /^(.+?),\s*([^,]+,\s*[A-Za-z]{2}\s+\d{5}(?:-\d{4})?)$/.exec(lines[0]);
  return m ? [m[1].trim(), m[2].trim()] : lines;
}

/** Parse the tables statements read (as readTables returned them) into books. Pure. */
export function statementBooks(tables: Record<string, RawTable | undefined>, dateSystem: DateSystem = 1900): StatementBooks {
  const issues: RowIssue[] = [];
  function read<D extends TableDef>(def: D): { rows: RowOf<D>[]; sheetRows: number[] } {
    const raw = tables[def.name];
    if (!raw) return { rows: [], sheetRows: [] };
    const parsed = parseTable(def, raw, dateSystem);
    issues.push(...parsed.issues);
    return parsed;
  }
  const ledger = ledgerFromTables(tables, dateSystem);
  const practice = read(Practice);
  const patients = read(Patients);
  const feeSchedule = read(FeeSchedule);
  const statements = read(Statements);
  const { settings, problems: settingProblems } = statementSettings(practice.rows);
  const plans = readPaymentPlans(tables[PaymentPlans.name], dateSystem, patients.rows);
  const grace = planGraceDays(tables[Practice.name], dateSystem);

  const problems = ledgerProblems(ledger, tables, issues);
  if (!tables[Patients.name])
    problems.unshift("The workbook has no Patients table (run Setup in the add-in to create it): no account can get a statement.");
  if (!tables[Statements.name]) {
    problems.unshift(
      "The workbook has no Statements table (run Setup in the add-in to create it): issued statements can't be logged or numbered.",
    );
  }
  if (!tables[Practice.name])
    problems.unshift(
      "The workbook has no Practice table (run Setup in the add-in to create it): statements show no practice name or address.",
    );
  problems.push(...settingProblems, ...plans.problems, ...(grace.problem ? [grace.problem] : []));
  return {
    ledger,
    patients: patients.rows,
    payers: ledger.payers,
    feeSchedule: feeSchedule.rows,
    statements: statements.rows,
    settings,
    paymentPlans: plans.plans,
    planGraceDays: grace.days,
    dateSystem,
    problems,
  };
}

/** Read everything statements need in one readTables call. */
export async function readStatementBooks(workbook: Workbook): Promise<StatementBooks> {
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables(STATEMENT_TABLES);
  return statementBooks(tables, dateSystem);
}

/** Books from rows already parsed (tests, and callers that hold the rows): no problems but the settings'. */
export function statementBooksFromRows(
  rows: LedgerTables & {
    practice?: PracticeRow[];
    patients?: PatientRow[];
    feeSchedule?: FeeRow[];
    statements?: StatementRow[];
    paymentPlans?: PaymentPlan[];
    planGraceDays?: number;
  },
  dateSystem: DateSystem = 1900,
): StatementBooks {
  const ledger = buildLedger(rows);
  const { settings, problems } = statementSettings(rows.practice ?? []);
  return {
    ledger,
    patients: rows.patients ?? [],
    payers: ledger.payers,
    feeSchedule: rows.feeSchedule ?? [],
    statements: rows.statements ?? [],
    settings,
    paymentPlans: rows.paymentPlans ?? [],
    planGraceDays: rows.planGraceDays ?? Number(practiceSettingDefault(PLAN_GRACE_SETTING)),
    dateSystem,
    problems: [...ledger.issues.map(describeIssue), ...problems],
  };
}
