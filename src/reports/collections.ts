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
// - Priority = oldest age in days × balance in dollars; the list is sorted by it, highest first (ties
//   by account, so the order is the same every run).
import type { IsoDate } from "../dates";
import type { Ledger } from "../ledger/ledger";
import type { Cents } from "../money";
import type { PatientRow, StatementRow } from "../workbook/tables";
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
}

export interface CollectionsWorklist {
  asOf: IsoDate;
  buckets: string[];
  accounts: CollectionsAccount[];
  total: Cents;
}

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
  const accounts: CollectionsAccount[] = [];
  let total = 0;
  for (const row of aging.patient.rows) {
    const oldestAge = oldest.get(row.key) ?? 0;
    if (row.total <= minBalance || oldestAge <= olderThan) continue;
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
    accounts.push(account);
    total += row.total;
  }
  accounts.sort((a, b) => b.priority - a.priority || (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
  return { asOf, buckets: aging.buckets, accounts, total };
}
