// A hand-made practice for the statement tests, dated around a statement run on 2026-06-30. Every
// figure the tests expect is worked out in the comments next to the rows that make it.
//
// P1 Jane Doe (the account of statement.test.ts), previous statement S000010 on 2026-05-31 for $40.00:
//   C1  2026-01-05 99213      $100  MCR paid 60, CO 20, PR 20 (02-01); Jane paid 10 (PT0, 05-01) and 5 (PT1, 06-10)
//                                   -> balance 5.00, all hers; 176 days old: 90+
//   C6  2026-03-02 99213      $100  MCR paid 80, CO 20 on 03-20: settled before the last statement -> not listed
//   C7  2026-02-10 99212      $80   MCR paid 64, CO 16 on 06-05, after the last statement -> listed once at 0
//   C2  2026-04-20 99214-25   $150  MCR paid 80, CO 30, PR 40 -> Jane owes 40
//   C3  2026-04-20 36415      $20   MCR paid 10, CO 5, PR 5   -> Jane owes 5; the date owes 45.00, 71 days: 61-90
//   C4  2026-05-15 99213-25   $100  not answered yet -> 100.00 pending with insurance
//   C9  2026-06-01 99211      $50   self-pay; Jane paid 60 (PT2, 06-01) -> a credit of 10.00
//   C5  2026-06-20 99212      $80   self-pay, unpaid -> 80.00 due, 10 days: current
//   C8  2026-07-02 99213      $100  served after the statement date -> not on it
//   PT3 2026-07-01 $3 from Jane: after the statement date, not counted
// Other accounts (batch.test.ts): P2 owes 3.00; P3 on hold, P4 with collections, P5 closed, each owing;
// P6 owes 20.00 but had S000011 on 2026-06-20; P7 owes nothing; P10 owes 7.00 with no statement yet;
// PX owes 50.00 and is not in Patients; P8's visit is billed to the lien attorney ATTY (invoice.test.ts).
import type { DateSystem } from "../../src/dates";
import { statementBooksFromRows, type StatementBooks } from "../../src/statements/statementBooks";
import { tableOf } from "../ledger/ledgerFixtures";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import {
  Charges,
  FeeSchedule,
  Patients,
  Payers,
  Payments,
  Postings,
  Practice,
  Statements,
  type ChargeRow,
  type FeeRow,
  type PatientRow,
  type PayerRow,
  type PaymentRow,
  type PostingRow,
  type PracticeRow,
  type StatementRow,
} from "../../src/workbook/tables";

export const RUN_DATE = "2026-06-30";

export const PRACTICE: PracticeRow[] = [
  { setting: "Practice Name", value: "Lakeside Family Practice" },
  { setting: "Address", value: "12 Harbor Rd" },
  { setting: "City", value: "Lakeside" },
  { setting: "State", value: "IL" },
  { setting: "ZIP", value: "62701-1234" },
  { setting: "Phone", value: "217-555-0199" },
  { setting: "Remit-To Address", value: "PO Box 77, Lakeside, IL 62701-0077" },
  { setting: "Statement Message", value: "Thank you. Please pay by the due date." },
  { setting: "Statement Due Days", value: "30" },
  { setting: "Statement Cycle Days", value: "30" },
  { setting: "Statement Minimum", value: "$5.00" },
  { setting: "Statement Line Text", value: "Professional services" },
  { setting: "Dunning 31-60", value: "Past 30 days." },
  { setting: "Dunning 61-90", value: "Past 60 days." },
  { setting: "Dunning 90+", value: "Past 90 days." },
  { setting: "Invoice Terms", value: "Net 15" },
];

export const PAYERS: PayerRow[] = [
  { payerId: "MCR", name: "Medicare Part B", type: "Medicare", timelyFilingDays: 365 },
  { payerId: "SELF", name: "Self-pay", type: "Self-pay" },
  { payerId: "ATTY", name: "Vance & Pryor Law", type: "Other" },
];

/** DOBs and member ids that must never reach a document. */
export const DOB_P1 = "1960-04-12";
export const MEMBER_P1 = "1EG4TE5MK73";

function patient(patientId: string, firstName: string, lastName: string, fields: Partial<PatientRow> = {}): PatientRow {
  return {
    patientId,
    firstName,
    lastName,
    dob: "1980-01-01",
    address1: `${patientId.length * 10} Elm St`,
    city: "Lakeside",
    state: "IL",
    zip: "62701",
    primaryPayerId: "MCR",
    primaryMemberId: `M${patientId}999`,
    accountStatus: "Active",
    ...fields,
  };
}

export const PATIENTS: PatientRow[] = [
  patient("P1", "Jane", "Doe", { dob: DOB_P1, address1: "4 Oak Ave", address2: "Apt 2", primaryMemberId: MEMBER_P1 }),
  patient("P2", "Al", "Two"),
  patient("P3", "Bea", "Three", { accountStatus: "Hold" }),
  patient("P4", "Cy", "Four", { accountStatus: "Collections" }),
  patient("P5", "Di", "Five", { accountStatus: "Closed" }),
  patient("P6", "Ed", "Six"),
  patient("P7", "Flo", "Seven"),
  patient("P8", "Gus", "Eight"),
  patient("P10", "Hal", "Ten", { accountStatus: undefined }),
];

export const FEES: FeeRow[] = [
  { code: "99213", description: "Office visit", fee: 10000 },
  { code: "99213", modifier: "25", description: "Office visit with a procedure", fee: 10000 },
  { code: "99214", modifier: "25", description: "Longer visit with a procedure", fee: 15000 },
  { code: "36415", description: "Blood draw", fee: 2000 },
  { code: "99211", description: "Nurse visit", fee: 5000 },
  // 99212 has a fee but no description: its dates read as the practice's line text.
  { code: "99212", fee: 8000 },
];

let claim = 0;
function charge(
  chargeId: string,
  patientId: string,
  dos: string,
  code: string,
  amount: number,
  fields: Partial<ChargeRow> = {},
): ChargeRow {
  return { chargeId, claimId: `CL${++claim}`, patientId, payerId: "MCR", dos, code, units: 1, amount, dx1: "E11.9", dx2: "I10", ...fields };
}

export const CHARGES: ChargeRow[] = [
  charge("C1", "P1", "2026-01-05", "99213", 10000),
  charge("C7", "P1", "2026-02-10", "99212", 8000),
  charge("C6", "P1", "2026-03-02", "99213", 10000),
  charge("C2", "P1", "2026-04-20", "99214", 15000, { mod1: "25" }),
  charge("C3", "P1", "2026-04-20", "36415", 2000),
  charge("C4", "P1", "2026-05-15", "99213", 10000, { mod1: "25" }),
  charge("C9", "P1", "2026-06-01", "99211", 5000, { payerId: "SELF" }),
  charge("C5", "P1", "2026-06-20", "99212", 8000, { payerId: "SELF" }),
  charge("C8", "P1", "2026-07-02", "99213", 10000),
  charge("C20", "P2", "2026-05-01", "99212", 300, { payerId: "SELF" }),
  charge("C30", "P3", "2026-05-01", "99213", 10000, { payerId: "SELF" }),
  charge("C40", "P4", "2026-05-01", "99213", 10000, { payerId: "SELF" }),
  charge("C50", "P5", "2026-05-01", "99213", 10000, { payerId: "SELF" }),
  charge("C60", "P6", "2026-05-01", "99212", 2000, { payerId: "SELF" }),
  charge("C70", "P7", "2026-05-01", "99212", 8000, { payerId: "SELF" }),
  charge("C100", "P10", "2026-06-02", "99212", 700, { payerId: "SELF" }),
  charge("CX", "PX", "2026-06-02", "99213", 5000, { payerId: "SELF" }),
  // The lien: $500 on 03-01 (ATTY paid 200 on 06-15: 300 owing), $200 on 06-10 (paid in full on 06-15).
  charge("C80", "P8", "2026-03-01", "99213", 50000, { payerId: "ATTY" }),
  charge("C81", "P8", "2026-06-10", "99212", 20000, { payerId: "ATTY" }),
];

export const PAYMENTS: PaymentRow[] = [
  { paymentId: "MCR1", date: "2026-02-01", payerId: "MCR", method: "EFT", reference: "TRN 1", amount: 6000 },
  { paymentId: "MCR2", date: "2026-03-20", payerId: "MCR", method: "EFT", reference: "TRN 2", amount: 8000 },
  { paymentId: "MCR3", date: "2026-05-20", payerId: "MCR", method: "EFT", reference: "TRN 3", amount: 9000 },
  { paymentId: "MCR4", date: "2026-06-05", payerId: "MCR", method: "EFT", reference: "TRN 4", amount: 6400 },
  { paymentId: "PT0", date: "2026-05-01", patientId: "P1", method: "Card", amount: 1000 },
  { paymentId: "PT1", date: "2026-06-10", patientId: "P1", method: "Card", amount: 500 },
  { paymentId: "PT2", date: "2026-06-01", patientId: "P1", method: "Cash", amount: 6000 },
  { paymentId: "PT3", date: "2026-07-01", patientId: "P1", method: "Card", amount: 300 },
  { paymentId: "PT70", date: "2026-05-02", patientId: "P7", method: "Card", amount: 8000 },
  { paymentId: "AT1", date: "2026-06-15", payerId: "ATTY", method: "Check", reference: "CHK 501", amount: 40000 },
  { paymentId: "AT0", date: "2026-04-15", payerId: "ATTY", method: "Check", reference: "CHK 499", amount: 1 },
];

let posted = 0;
function post(chargeId: string, date: string, fields: Partial<PostingRow>): PostingRow {
  return { postingId: `PS${++posted}`, chargeId, date, source: "Manual", ...fields };
}

export const POSTINGS: PostingRow[] = [
  post("C1", "2026-02-01", { paymentId: "MCR1", paid: 6000, adjustment: 2000, group: "CO", reason: "45", patientResp: 2000 }),
  post("C1", "2026-05-01", { paymentId: "PT0", paid: 1000 }),
  post("C1", "2026-06-10", { paymentId: "PT1", paid: 500 }),
  post("C6", "2026-03-20", { paymentId: "MCR2", paid: 8000, adjustment: 2000, group: "CO", reason: "45" }),
  post("C2", "2026-05-20", { paymentId: "MCR3", paid: 8000, adjustment: 3000, group: "CO", reason: "45", patientResp: 4000 }),
  post("C3", "2026-05-20", { paymentId: "MCR3", paid: 1000, adjustment: 500, group: "CO", reason: "45", patientResp: 500 }),
  post("C7", "2026-06-05", { paymentId: "MCR4", paid: 6400, adjustment: 1600, group: "CO", reason: "45" }),
  post("C9", "2026-06-01", { paymentId: "PT2", paid: 6000 }),
  post("C5", "2026-07-01", { paymentId: "PT3", paid: 300 }),
  post("C70", "2026-05-02", { paymentId: "PT70", paid: 8000 }),
  post("C80", "2026-06-15", { paymentId: "AT1", paid: 20000 }),
  post("C81", "2026-06-15", { paymentId: "AT1", paid: 20000 }),
];

export const STATEMENTS: StatementRow[] = [
  { number: "S000005", date: "2026-04-30", account: "P1", kind: "Statement", amountDue: 9999 },
  {
    number: "S000010",
    date: "2026-05-31",
    account: "P1",
    kind: "Statement",
    periodStart: "2026-01-05",
    periodEnd: "2026-05-15",
    amountDue: 4000,
  },
  { number: "S000011", date: "2026-06-20", account: "P6", kind: "Statement", amountDue: 2000 },
  { number: "I000003", date: "2026-05-31", account: "ATTY", kind: "Invoice", amountDue: 50000 },
];

export interface FixtureRows {
  practice: PracticeRow[];
  patients: PatientRow[];
  payers: PayerRow[];
  feeSchedule: FeeRow[];
  charges: ChargeRow[];
  payments: PaymentRow[];
  postings: PostingRow[];
  statements: StatementRow[];
}

export function fixtureRows(overrides: Partial<FixtureRows> = {}): FixtureRows {
  return {
    practice: PRACTICE,
    patients: PATIENTS,
    payers: PAYERS,
    feeSchedule: FEES,
    charges: CHARGES,
    payments: PAYMENTS,
    postings: POSTINGS,
    statements: STATEMENTS,
    ...overrides,
  };
}

export function fixtureBooks(overrides: Partial<FixtureRows> = {}): StatementBooks {
  return statementBooksFromRows(fixtureRows(overrides));
}

/** The same rows as the tables of a memory workbook, written as the add-in writes them. */
export function fixtureWorkbook(overrides: Partial<FixtureRows> = {}, dateSystem: DateSystem = 1900): MemoryWorkbook {
  const rows = fixtureRows(overrides);
  return MemoryWorkbook.withTables(
    [
      tableOf(Practice, rows.practice, dateSystem),
      tableOf(Patients, rows.patients, dateSystem),
      tableOf(Payers, rows.payers, dateSystem),
      tableOf(FeeSchedule, rows.feeSchedule, dateSystem),
      tableOf(Charges, rows.charges, dateSystem),
      tableOf(Payments, rows.payments, dateSystem),
      tableOf(Postings, rows.postings, dateSystem),
      tableOf(Statements, rows.statements, dateSystem),
    ],
    dateSystem,
  );
}
