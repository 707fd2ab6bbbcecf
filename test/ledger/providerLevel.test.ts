import { describe, expect, it } from "vitest";
import { paymentStatuses } from "../../src/ledger/balances";
import { reconcileDeposits } from "../../src/ledger/depositReconciliation";
import { buildLedger, readLedger } from "../../src/ledger/ledger";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { createTableOp } from "../../src/workbook/plan";
import { mapColumns, rowToCells } from "../../src/workbook/mapTable";
import { ProviderAdjustments, type ProviderAdjustmentRow } from "../../src/workbook/tables";
import { FIXTURE_PAYERS, charge, ledgerWorkbook, payment, posting } from "./ledgerFixtures";

// An ERA check of $100.00: $96.25 of claim payments plus $3.75 of interest (PLB L6, negative in the 835);
// and one of $40.00: $90.00 of claims less a $50.00 recoupment (PLB WO, positive).
const charges = [charge("L1"), charge("L2", { claimId: "CL2" })];
const payments = [payment("PM1", 10000), payment("PM2", 4000, { reference: "TRN 2" })];
const postings = [posting("PS1", "L1", { paymentId: "PM1", paid: 9625 }), posting("PS2", "L2", { paymentId: "PM2", paid: 9000 })];
const plb: ProviderAdjustmentRow[] = [
  { adjustmentId: "PM1-PLB1", paymentId: "PM1", date: "2026-02-01", payerId: "MCR", reason: "L6", amount: -375 },
  { adjustmentId: "PM2-PLB1", paymentId: "PM2", date: "2026-02-01", payerId: "MCR", reason: "WO", amount: 5000 },
];

describe("provider-level items (PLB) of a remittance", () => {
  it("count in what a payment carried, so interest and recoupments are not mistaken for unapplied money", () => {
    const ledger = buildLedger({ charges, payments, postings, payers: FIXTURE_PAYERS, providerAdjustments: plb });
    const statuses = paymentStatuses(ledger);
    expect(statuses.map((s) => [s.paymentId, s.applied, s.providerLevel, s.unapplied])).toEqual([
      ["PM1", 9625, 375, 0],
      ["PM2", 9000, -5000, 0],
    ]);
    for (const s of statuses) expect(s.amount).toBe(s.applied + s.refunded + s.providerLevel + s.unapplied);
    const { notTied, totals } = reconcileDeposits(ledger, "2026-01-01", "2026-12-31");
    expect(notTied).toEqual([]);
    expect(totals).toEqual({ deposited: 14000, posted: 14000, unapplied: 0 });
  });

  it("without them the same payments would show as not tied (what the PLB rows fix)", () => {
    const ledger = buildLedger({ charges, payments, postings, payers: FIXTURE_PAYERS });
    expect(paymentStatuses(ledger).map((s) => s.unapplied)).toEqual([375, -5000]);
    expect(reconcileDeposits(ledger, "2026-01-01", "2026-12-31").notTied).toHaveLength(2);
  });

  it("are read from the ProviderAdjustments table with the rest of the ledger", async () => {
    const workbook: MemoryWorkbook = ledgerWorkbook({ charges, payments, postings });
    const op = createTableOp(ProviderAdjustments);
    const mapping = mapColumns(ProviderAdjustments, op.headers);
    const rows = plb.map((row) => {
      const cells = rowToCells(ProviderAdjustments, mapping, row);
      return op.headers.map((h) => cells[h] ?? null);
    });
    await workbook.write([{ ...op, rows }]);
    const { ledger } = await readLedger(workbook);
    expect(ledger.issues).toEqual([]);
    expect(ledger.providerAdjustments.map((r) => [r.adjustmentId, r.amount])).toEqual([
      ["PM1-PLB1", -375],
      ["PM2-PLB1", 5000],
    ]);
    expect(paymentStatuses(ledger).every((s) => s.unapplied === 0)).toBe(true);
  });
});
