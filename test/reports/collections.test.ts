// The collections worklist on a hand-made ledger: who is listed (over the balance, older than the
// days), in what order, with the last payment and statement, and nothing clinical.
import { describe, expect, it } from "vitest";
import { collectionsWorklist } from "../../src/reports/collections";
import type { PatientRow, StatementRow } from "../../src/workbook/tables";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

const AS_OF = "2026-06-30";
// Self-pay lines, so the whole charge is the patient's from the DOS.
// P1: $100 from 2026-03-02 (120 days) less a $20 payment on 2026-04-01; $80 owed, 120 days old.
// P2: $300 from 2026-05-31 (30 days): too recent for older-than 60.
// P3: $40 from 2026-01-01 (180 days): under the $50 threshold.
// P4: $60 from 2026-04-01 (90 days): listed; priority 90 × $60 = 5,400 < P1's 120 × $80 = 9,600.
const self = { payerId: "SELF" };
const charges = [
  charge("A", { ...self, patientId: "P1", dos: "2026-03-02", amount: 10000, dx1: "E11.9" }),
  charge("B", { ...self, patientId: "P2", dos: "2026-05-31", amount: 30000 }),
  charge("C", { ...self, patientId: "P3", dos: "2026-01-01", amount: 4000 }),
  charge("D", { ...self, patientId: "P4", dos: "2026-04-01", amount: 6000 }),
];
const payments = [
  payment("PM1", 2000, { patientId: "P1", date: "2026-04-01" }),
  payment("PM2", 500, { patientId: "P1", date: "2026-07-05" }),
];
const postings = [
  posting("S1", "A", { paymentId: "PM1", date: "2026-04-01", paid: 2000 }),
  posting("S2", "A", { paymentId: "PM2", date: "2026-07-05", paid: 500 }),
];
const patients: PatientRow[] = [{ patientId: "P1", lastName: "Doe", firstName: "Jane", phone: "555-0100", dob: "1960-01-01" }];
const statements: StatementRow[] = [
  { number: "ST1", date: "2026-04-15", account: "P1", amountDue: 8000 },
  { number: "ST2", date: "2026-05-15", account: "P1", amountDue: 8000 },
  { number: "ST3", date: "2026-07-15", account: "P1", amountDue: 7500 },
];

describe("collectionsWorklist", () => {
  const list = collectionsWorklist(ledgerOf({ charges, payments, postings }), {
    asOf: AS_OF,
    minBalance: 5000,
    olderThan: 60,
    patients,
    statements,
  });

  it("lists accounts over the balance and older than the days, highest priority first", () => {
    expect(list.accounts.map((a) => [a.patientId, a.balance, a.oldestAge, a.priority])).toEqual([
      ["P1", 8000, 120, 9600],
      ["P4", 6000, 90, 5400],
    ]);
    expect(list.total).toBe(14000);
    expect(list.accounts[0].buckets).toEqual([0, 0, 0, 8000, 0]);
  });

  it("gives the last payment and statements as of the date, with name and phone only", () => {
    expect(list.accounts[0]).toEqual({
      patientId: "P1",
      lastName: "Doe",
      firstName: "Jane",
      phone: "555-0100",
      balance: 8000,
      buckets: [0, 0, 0, 8000, 0],
      oldestAge: 120,
      lastPayment: { date: "2026-04-01", amount: 2000 },
      lastStatement: { date: "2026-05-15", count: 2 },
      priority: 9600,
    });
    expect(JSON.stringify(list)).not.toMatch(/E11|99213|1960/);
  });
});
