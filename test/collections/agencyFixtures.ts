// The books the collection agency hand-off's tests work on (issue 17), each figure worked out here:
// - P1 (Ann Lee) owes $110.00 of her own: L1 self-pay $100.00 less her $20.00 (PY1, 2026-02-01) is
//   $80.00; L2 $150.00 to Medicare, paid $100.00, $20.00 CO-45, $30.00 coinsurance left to her. L3
//   $200.00 is still with Medicare (not hers: never written off). Her whole balance is $310.00.
// - P2 (Bob Diaz) is already in Collections, owing $50.00 (L4, self-pay).
// - P3 (Cy Park) paid his $40.00 (L5): he owes nothing. P9 has a line but no Patients row.
// A statement went to P1 on 2026-03-10.
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { Patients, Practice, Statements, type PatientRow } from "../../src/workbook/tables";
import { charge, FIXTURE_PAYERS, payment, posting, tableOf, type FixtureTables } from "../ledger/ledgerFixtures";
import { Charges, Payers, Payments, Postings } from "../../src/workbook/tables";

export const TODAY = "2026-06-30";

export const AGENCY_BOOKS: FixtureTables = {
  charges: [
    charge("L1", { claimId: "C1", patientId: "P1", payerId: "SELF", dos: "2026-01-05" }),
    charge("L2", { claimId: "C2", patientId: "P1", dos: "2026-02-10", code: "99214", amount: 15000 }),
    charge("L3", { claimId: "C3", patientId: "P1", dos: "2026-03-01", amount: 20000 }),
    charge("L4", { claimId: "C4", patientId: "P2", payerId: "SELF", dos: "2026-01-20", amount: 5000 }),
    charge("L5", { claimId: "C5", patientId: "P3", payerId: "SELF", dos: "2026-02-02", amount: 4000 }),
    charge("L6", { claimId: "C6", patientId: "P9", payerId: "SELF", dos: "2026-02-03", amount: 3000 }),
  ],
  payments: [
    payment("PY1", 2000, { patientId: "P1", date: "2026-02-01" }),
    payment("PM1", 10000, { date: "2026-03-01" }),
    payment("PY2", 4000, { patientId: "P3", date: "2026-02-20" }),
  ],
  postings: [
    posting("T1", "L1", { paymentId: "PY1", paid: 2000, date: "2026-02-01" }),
    posting("T2", "L2", { paymentId: "PM1", paid: 10000, adjustment: 2000, group: "CO", reason: "45", date: "2026-03-01" }),
    posting("T3", "L2", { group: "PR", reason: "2", patientResp: 3000, date: "2026-03-01" }),
    posting("T4", "L5", { paymentId: "PY2", paid: 4000, date: "2026-02-20" }),
  ],
};

export const AGENCY_PATIENTS: PatientRow[] = [
  {
    patientId: "P1",
    lastName: "Lee",
    firstName: "Ann",
    dob: "1980-04-02",
    address1: "12 Oak St",
    address2: "-Apt 4",
    city: "Springfield",
    state: "IL",
    zip: "62701",
    phone: "+1 217 555 0100",
    primaryPayerId: "MCR",
    primaryMemberId: "MEM123456",
    accountStatus: "Active",
  },
  { patientId: "P2", lastName: "Diaz", firstName: "Bob", accountStatus: "Collections" },
  { patientId: "P3", lastName: "Park", firstName: "Cy" },
];

/** The books as a memory workbook, with Patients, Statements and Practice (each overridable). */
export function agencyWorkbook(
  options: { patients?: ReturnType<typeof tableOf>; practice?: { setting: string; value: string }[] } = {},
): MemoryWorkbook {
  const b = AGENCY_BOOKS;
  return MemoryWorkbook.withTables([
    tableOf(Charges, b.charges, 1900),
    tableOf(Payments, b.payments ?? [], 1900),
    tableOf(Postings, b.postings ?? [], 1900),
    tableOf(Payers, FIXTURE_PAYERS, 1900),
    options.patients ?? tableOf(Patients, AGENCY_PATIENTS, 1900),
    tableOf(Statements, [{ number: "S1", date: "2026-03-10", account: "P1", amountDue: 11000 }], 1900),
    tableOf(Practice, options.practice ?? [{ setting: "Practice Name", value: "Lakeside Clinic" }], 1900),
  ]);
}
