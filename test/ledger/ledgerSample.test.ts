// The sample practice read as a ledger: the generator writes Charges, Payments and Postings the way
// issue 4 reads them, so reading it back must raise no ledger issue, leave no line below zero, keep
// every cent, and tie every deposit (the sample posts exactly what each payment brought in).
import { describe, expect, it } from "vitest";
import { balancesBy, lineBalances, paymentStatuses } from "../../src/ledger/balances";
import { reconcileDeposits } from "../../src/ledger/depositReconciliation";
import { readLedger } from "../../src/ledger/ledger";
import { samplePractice, SAMPLE_AS_OF } from "../../src/sample/practiceSample";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

async function sampleLedger() {
  const wb = new MemoryWorkbook();
  await wb.write(samplePractice({ lines: 500 }).ops);
  return readLedger(wb);
}

describe("the sample practice as a ledger", () => {
  it("reads with no issue, and every line follows the balance rules", async () => {
    const { ledger } = await sampleLedger();
    expect(ledger.issues).toEqual([]);
    expect(ledger.charges).toHaveLength(500);
    expect(ledger.postings.length).toBeGreaterThan(500);
    const lines = lineBalances(ledger);
    const statuses = new Set(lines.map((l) => l.status));
    // The sample has lines in every state but credit.
    expect([...statuses].sort()).toEqual(["open with payer", "paid", "patient due"]);
    expect(lines.some((l) => l.selfPay)).toBe(true);
    expect(lines.some((l) => l.otherPayerPaid > 0)).toBe(true);
    for (const l of lines) {
      expect(l.balance, l.chargeId).toBeGreaterThanOrEqual(0);
      expect(l.insuranceShare, l.chargeId).toBeGreaterThanOrEqual(0);
      expect(l.patientShare, l.chargeId).toBeGreaterThanOrEqual(0);
      const { CO, OA, PI, WO } = l.adjustments;
      expect(l.charge).toBe(l.insurancePaid + l.patientPaid + l.otherPayerPaid + CO + OA + PI + WO + l.balance);
    }
  });

  it("stays at or above zero on every line at each month end of the year", async () => {
    const { ledger } = await sampleLedger();
    for (let m = 7; m <= 18; m++) {
      const asOf = `${m > 12 ? 2026 : 2025}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-28`;
      for (const l of lineBalances(ledger, asOf)) expect(l.balance, `${l.chargeId} as of ${asOf}`).toBeGreaterThanOrEqual(0);
    }
    const total = balancesBy(lineBalances(ledger, SAMPLE_AS_OF), "payer");
    expect(total.every((g) => g.credit === 0)).toBe(true);
  });

  it("applies every payment in full, so every deposit of the year ties", async () => {
    const { ledger } = await sampleLedger();
    for (const s of paymentStatuses(ledger)) expect(s.unapplied, s.paymentId).toBe(0);
    const { deposits, totals, notTied } = reconcileDeposits(ledger, "2025-07-01", SAMPLE_AS_OF);
    expect(notTied).toEqual([]);
    expect(deposits.reduce((n, d) => n + d.payments.length, 0)).toBe(ledger.payments.length);
    expect(totals.deposited).toBe(totals.posted);
    expect(totals.unapplied).toBe(0);
  });
});
