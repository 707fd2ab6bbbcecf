// Practice KPIs on a ledger small enough to work out by hand; the arithmetic is in the comments.
import { describe, expect, it } from "vitest";
import { practiceKpis } from "../../src/reports/kpis";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

// Period 2026-04-01 to 2026-06-30, as of 2026-06-30.
// C1/A1  MCR  DOS 04-10 $100 billed 04-12; remittance 05-12: paid $60, CO-45 $30, PR $10.  First pass.
// C2/B1  MCR  DOS 05-01 $200 never billed; remittance 05-31: paid $0, CO-50 $200.            Denied.
// C3/C1  SEC  DOS 06-01 $50 billed 06-02; remittance 06-22: paid $40, CO-45 $5 ($5 left).     Not first pass.
// C4/D1  SELF DOS 06-15 $80; the patient pays $30 on 06-15.                                    Not adjudicated.
// C5/E1  MCR  DOS 01-10 $150, nothing posted.                                                 171 days old.
// C6/F1  MCR  DOS 03-20 $100; the payer pays $120 on 04-20 (a $20 credit).                      First pass.
const charges = [
  charge("A1", { claimId: "C1", dos: "2026-04-10", billedDate: "2026-04-12", amount: 10000 }),
  charge("B1", { claimId: "C2", dos: "2026-05-01", amount: 20000 }),
  charge("C1", { claimId: "C3", payerId: "SEC", dos: "2026-06-01", billedDate: "2026-06-02", amount: 5000 }),
  charge("D1", { claimId: "C4", payerId: "SELF", dos: "2026-06-15", amount: 8000 }),
  charge("E1", { claimId: "C5", dos: "2026-01-10", amount: 15000 }),
  charge("F1", { claimId: "C6", dos: "2026-03-20", amount: 10000 }),
];
const payments = [
  payment("PM1", 6000, { date: "2026-05-12" }),
  payment("PM2", 0, { date: "2026-05-31" }),
  payment("PM3", 4000, { payerId: "SEC", date: "2026-06-22" }),
  payment("PM4", 3000, { patientId: "P1", date: "2026-06-15" }),
  payment("PM5", 12000, { date: "2026-04-20" }),
];
const postings = [
  posting("S1", "A1", { paymentId: "PM1", date: "2026-05-12", paid: 6000, adjustment: 3000, group: "CO", reason: "45", source: "ERA" }),
  posting("S2", "A1", { paymentId: "PM1", date: "2026-05-12", group: "PR", reason: "2", patientResp: 1000, source: "ERA" }),
  posting("S3", "B1", { paymentId: "PM2", date: "2026-05-31", paid: 0, adjustment: 20000, group: "CO", reason: "50", source: "ERA" }),
  posting("S4", "C1", { paymentId: "PM3", date: "2026-06-22", paid: 4000, adjustment: 500, group: "CO", reason: "45", source: "ERA" }),
  posting("S5", "D1", { paymentId: "PM4", date: "2026-06-15", paid: 3000 }),
  posting("S6", "F1", { paymentId: "PM5", date: "2026-04-20", paid: 12000, source: "ERA" }),
];
const ledger = ledgerOf({ charges, payments, postings });

describe("practiceKpis", () => {
  const kpis = practiceKpis(ledger, { from: "2026-04-01", to: "2026-06-30", asOf: "2026-06-30" });

  it("computes the collection rates", () => {
    // Payments $60 + $0 + $40 + $30 + $120 = $250; charges served in the period $100 + $200 + $50 + $80 = $430;
    // contractual CO-45 $30 + $5 = $35 (the CO-50 denial is not contractual).
    expect(kpis.grossCollectionRate.inputs.map((i) => i.value)).toEqual([25000, 43000]);
    expect(kpis.grossCollectionRate.value).toBeCloseTo((250 / 430) * 100, 9); // 58.14%
    expect(kpis.netCollectionRate.inputs.map((i) => i.value)).toEqual([25000, 43000, 3500]);
    expect(kpis.netCollectionRate.value).toBeCloseTo((250 / 395) * 100, 9); // 63.29%
  });

  it("counts denied and first-pass claims among the adjudicated", () => {
    // Adjudicated: C1 (05-12), C2 (05-31), C3 (06-22), C6 (04-20) = 4; denied: C2; first pass: C1 and C6.
    expect(kpis.denialRate.inputs.map((i) => i.value)).toEqual([1, 4]);
    expect(kpis.denialRate.value).toBe(25);
    expect(kpis.firstPassRate.inputs.map((i) => i.value)).toEqual([2, 4]);
    expect(kpis.firstPassRate.value).toBe(50);
  });

  it("computes days in A/R and the share of A/R over 90 and 120 days", () => {
    // A/R: A1 $10 (patient) + C1 $5 + D1 $50 + E1 $150 = $215; credit F1 $20.
    // Window: the calendar months April, May and June, 2026-04-01..2026-06-30 = 30 + 31 + 30 = 91 days;
    // charges served in it $430 (F1 is 03-20, outside). Days in A/R = ($215 − $20) ÷ ($430 ÷ 91) = 41.27.
    expect(kpis.daysInAr.inputs.map((i) => i.value)).toEqual([21500, 2000, 43000, 91]);
    expect(kpis.daysInAr.value).toBeCloseTo((195 * 91) / 430, 9);
    expect(kpis.daysInAr.definition).toContain("the 3 months are 2026-04-01 to 2026-06-30");
    // Only E1 ($150, 171 days) is over 90 and over 120: 150 / 215.
    expect(kpis.arOver90.value).toBeCloseTo((150 / 215) * 100, 9);
    expect(kpis.arOver120.inputs.map((i) => i.value)).toEqual([15000, 21500]);
  });

  it("averages days to pay by payer, from the billed date or else the DOS", () => {
    // MCR: A1 04-12 → 05-12 = 30, F1 (never billed) 03-20 → 04-20 = 31: 30.5 over 2 lines. SEC: C1 06-02 → 06-22 = 20.
    expect(kpis.daysToPay.map((k) => [k.payerId, k.value, k.inputs[0].value])).toEqual([
      ["MCR", 30.5, 2],
      ["SEC", 20, 1],
    ]);
  });

  it("ignores what was posted after asOf", () => {
    // As of 05-20 the denial (05-31) and SEC's payment (06-22) have not happened: adjudicated C1 and C6, none denied.
    const early = practiceKpis(ledger, { from: "2026-04-01", to: "2026-06-30", asOf: "2026-05-20" });
    expect(early.denialRate.inputs.map((i) => i.value)).toEqual([0, 2]);
    expect(early.grossCollectionRate.inputs.map((i) => i.value)).toEqual([18000, 30000]);
  });

  it("says what each figure means and has no value when there is nothing to measure", () => {
    expect(kpis.daysInAr.definition).toMatch(/A\/R − credits/);
    const empty = practiceKpis(ledgerOf({ charges: [] }), { from: "2026-04-01", to: "2026-06-30", asOf: "2026-06-30" });
    expect(empty.denialRate.value).toBeNull();
    expect(empty.daysInAr.value).toBeNull();
  });
});
