// A hand-made practice for the appeal letter tests, as of 2026-06-30. Every figure the tests expect is
// worked out here.
//
// C1, Jane Doe (P1), Medicare (MCR), payer claim number ICN-778899:
//   L1 2026-05-01 99214-25 $180.00 Dx E11.9, I10  denied CO-50 on 05-20 ($0 paid, "Denied: to work")
//   L2 2026-05-01 99213    $130.00 Dx E11.9       paid $70 + $18 coinsurance = $88 allowed against the
//                                                 contract's $95: $7.00 short (tolerance $1.00)
//   L3 2026-05-02 36415     $20.00                paid $15, the contract's $15: nothing to appeal
// C2, Jane Doe, MCR: L4 99213 paid at contract, nothing to appeal.
// C3, Jane Doe, self-pay: L5.
// C4, Al Two (P2), the commercial plan SEC, no member ID with SEC: L6 denied CO-197 on 06-01.
// What must never reach a letter: Jane's address and phone, her secondary payer's member ID, Al's
// primary member ID with another payer.
import type { DateSystem, IsoDate } from "../../src/dates";
import { APPEAL_TABLES, appealLetter, type AppealLetter, type AppealOptions } from "../../src/followup/appealLetter";
import { readFollowUp } from "../../src/followup/followUpBooks";
import type { Parsed } from "../../src/result";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import {
  Charges,
  Contracts,
  FollowUp,
  Patients,
  Payers,
  Payments,
  Postings,
  Practice,
  type FollowUpRow,
  type PatientRow,
  type PracticeRow,
  type TableDef,
} from "../../src/workbook/tables";
import { charge, payment, posting, tableOf } from "../ledger/ledgerFixtures";

export const AS_OF = "2026-06-30";
export const JANE_ADDRESS = "4 Oak Ave";
export const JANE_PHONE = "217-555-0404";
export const JANE_SECONDARY_MEMBER = "SEC-JD-5150";
export const JANE_MEMBER = "1EG4TE5MK73";

export const PRACTICE: PracticeRow[] = [
  { setting: "Practice Name", value: "Lakeside Family Practice" },
  { setting: "Address", value: "12 Harbor Rd" },
  { setting: "City", value: "Lakeside" },
  { setting: "State", value: "IL" },
  { setting: "ZIP", value: "62701-1234" },
  { setting: "Phone", value: "217-555-0199" },
  { setting: "Billing NPI", value: "1234567893" },
  { setting: "Tax ID", value: "12-3456789" },
  { setting: "Underpayment Tolerance", value: "1.00" },
];

export const PAYERS = [
  { payerId: "MCR", name: "Medicare Part B", type: "Medicare", timelyFilingDays: 365 },
  { payerId: "SEC", name: "Second Health Plan", type: "Commercial", timelyFilingDays: 180 },
  { payerId: "SELF", name: "Self-pay", type: "Self-pay" },
];

export const PATIENTS: PatientRow[] = [
  {
    patientId: "P1",
    firstName: "Jane",
    lastName: "Doe",
    dob: "1960-04-12",
    sex: "F",
    address1: JANE_ADDRESS,
    city: "Lakeside",
    state: "IL",
    zip: "62701",
    phone: JANE_PHONE,
    primaryPayerId: "MCR",
    primaryMemberId: JANE_MEMBER,
    secondaryPayerId: "SEC",
    secondaryMemberId: JANE_SECONDARY_MEMBER,
  },
  { patientId: "P2", firstName: "Al", lastName: "Two", dob: "1975-09-30", primaryPayerId: "MCR", primaryMemberId: "MCR-AL-1" },
];

export const CHARGES = [
  charge("L1", {
    claimId: "C1",
    code: "99214",
    mod1: "25",
    amount: 18000,
    dos: "2026-05-01",
    dx1: "E11.9",
    dx2: "I10",
    payerClaimNumber: "ICN-778899",
  }),
  charge("L2", { claimId: "C1", code: "99213", amount: 13000, dos: "2026-05-01", dx1: "E11.9" }),
  charge("L3", { claimId: "C1", code: "36415", amount: 2000, dos: "2026-05-02" }),
  charge("L4", { claimId: "C2", code: "99213", amount: 13000, dos: "2026-05-10" }),
  charge("L5", { claimId: "C3", payerId: "SELF", code: "99213", amount: 13000, dos: "2026-05-11" }),
  charge("L6", { claimId: "C4", patientId: "P2", payerId: "SEC", code: "99213", amount: 13000, dos: "2026-05-12", dx1: "J06.9" }),
];

export const PAYMENTS = [payment("PM1", 18000, { date: "2026-05-20" })];

export const POSTINGS = [
  posting("T1", "L1", {
    paymentId: "PM1",
    group: "CO",
    reason: "50",
    paid: 0,
    adjustment: 0,
    note: "Denied: to work",
    date: "2026-05-20",
    source: "ERA",
  }),
  posting("T2", "L2", { paymentId: "PM1", paid: 7000, adjustment: 4200, group: "CO", reason: "45", date: "2026-05-20", source: "ERA" }),
  posting("T3", "L2", { group: "PR", reason: "2", patientResp: 1800, date: "2026-05-20", source: "ERA" }),
  posting("T4", "L3", { paymentId: "PM1", paid: 1500, adjustment: 500, group: "CO", reason: "45", date: "2026-05-20", source: "ERA" }),
  posting("T5", "L4", { paymentId: "PM1", paid: 9500, adjustment: 3500, group: "CO", reason: "45", date: "2026-05-20", source: "ERA" }),
  posting("T6", "L6", { group: "CO", reason: "197", paid: 0, adjustment: 0, date: "2026-06-01" }),
];

export const CONTRACTS = [
  { payerId: "MCR", code: "99213", allowed: 9500 },
  { payerId: "MCR", code: "99214", allowed: 13000 },
  { payerId: "MCR", code: "36415", allowed: 1500 },
];

export interface AppealBookOptions {
  /** Leave a table out (by name), or replace its rows. */
  without?: string[];
  patients?: PatientRow[];
  followUp?: FollowUpRow[];
  dateSystem?: DateSystem;
}

/** The tables of the practice, as [definition, rows]. */
export function appealTables(options: AppealBookOptions = {}): [TableDef, object[]][] {
  const tables: [TableDef, object[]][] = [
    [Practice, PRACTICE],
    [Patients, options.patients ?? PATIENTS],
    [Payers, PAYERS],
    [Charges, CHARGES],
    [Payments, PAYMENTS],
    [Postings, POSTINGS],
    [Contracts, CONTRACTS],
    ...(options.followUp ? ([[FollowUp, options.followUp]] as [TableDef, object[]][]) : []),
  ];
  return tables.filter(([def]) => !(options.without ?? []).includes(def.name));
}

/** The practice as a memory workbook. */
export function appealWorkbook(options: AppealBookOptions = {}): MemoryWorkbook {
  const dateSystem = options.dateSystem ?? 1900;
  return MemoryWorkbook.withTables(
    appealTables(options).map(([def, rows]) => tableOf(def, rows, dateSystem)),
    dateSystem,
  );
}

/** The letter for a claim of a workbook, read the way `medbill appeal` reads it. */
export async function letterFor(
  workbook: MemoryWorkbook,
  claimId: string,
  options: AppealOptions = {},
  asOf: IsoDate = AS_OF,
): Promise<Parsed<AppealLetter>> {
  const read = await readFollowUp(workbook, asOf);
  const more = await workbook.readTables(APPEAL_TABLES);
  return appealLetter({ ...read, tables: { ...read.tables, ...more } }, claimId, options);
}

/** The letter for a claim, which the test expects to be made. */
export async function madeLetter(workbook: MemoryWorkbook, claimId: string, options: AppealOptions = {}): Promise<AppealLetter> {
  const made = await letterFor(workbook, claimId, options);
  if (!made.ok) throw new Error(made.error);
  return made.value;
}
