// Aging on hand-made ledgers with answers worked out by hand: every bucket edge, each aging basis,
// credits kept apart, the as-of date before and after a posting, a reversal and self-pay. Rules: the
// header of src/reports/aging.ts.
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/dates";
import { agingReport, bucketLabels } from "../../src/reports/aging";
import { charge, ledgerOf, payment, posting, reversal } from "../ledger/ledgerFixtures";

const AS_OF = "2026-06-30";
const daysBefore = (age: number) => addDays(AS_OF, -age);

describe("agingReport buckets", () => {
  it("labels the default buckets", () => {
    expect(bucketLabels([30, 60, 90, 120])).toEqual(["0-30", "31-60", "61-90", "91-120", "120+"]);
  });

  it("puts each edge day in the right bucket: 30|31, 60|61, 90|91, 120|121", () => {
    const ages = [0, 30, 31, 60, 61, 90, 91, 120, 121];
    // Line i: $1 × (i+1) billed to MCR, nothing paid, so its whole amount is the insurance share.
    const charges = ages.map((age, i) => charge(`L${age}`, { dos: daysBefore(age), amount: 100 * (i + 1) }));
    const report = agingReport(ledgerOf({ charges }), { asOf: AS_OF });
    const bucketOfLine = Object.fromEntries(report.details.map((d) => [d.chargeId, [d.age, d.bucket]]));
    expect(bucketOfLine).toEqual({
      L0: [0, 0],
      L30: [30, 0],
      L31: [31, 1],
      L60: [60, 1],
      L61: [61, 2],
      L90: [90, 2],
      L91: [91, 3],
      L120: [120, 3],
      L121: [121, 4],
    });
    // 0-30: $1+$2, 31-60: $3+$4, 61-90: $5+$6, 91-120: $7+$8, 120+: $9.
    expect(report.insurance.rows).toEqual([
      { key: "MCR", name: "Medicare Part B", buckets: [300, 700, 1100, 1500, 900], total: 4500, lines: 9 },
    ]);
    expect(report.totals).toEqual([300, 700, 1100, 1500, 900]);
    expect(report.total).toBe(4500);
    expect(report.percents.map((p) => Math.round(p * 100) / 100)).toEqual([6.67, 15.56, 24.44, 33.33, 20]);
    expect(report.patient.total).toBe(0);
  });

  it("uses the practice's own bounds", () => {
    const charges = [charge("A", { dos: daysBefore(15) }), charge("B", { dos: daysBefore(16) })];
    const report = agingReport(ledgerOf({ charges }), { asOf: AS_OF, bounds: [15] });
    expect(report.buckets).toEqual(["0-15", "15+"]);
    expect(report.totals).toEqual([10000, 10000]);
  });

  it("refuses bounds that do not go up", () => {
    expect(() => agingReport(ledgerOf({ charges: [] }), { asOf: AS_OF, bounds: [60, 30] })).toThrow(/larger than the one before/);
  });
});

describe("agingReport shares, credits and as-of", () => {
  // L1: $200 to MCR on DOS 100 days before; the payer pays $120, CO-45 $50, PR $30 to the patient 40 days before asOf.
  const remitDate = daysBefore(40);
  const charges = [charge("L1", { amount: 20000, dos: daysBefore(100), billedDate: daysBefore(95) })];
  const payments = [payment("PM1", 12000, { date: remitDate })];
  const remit = [
    posting("PS1", "L1", { paymentId: "PM1", date: remitDate, paid: 12000, adjustment: 5000, group: "CO", reason: "45" }),
    posting("PS2", "L1", { paymentId: "PM1", date: remitDate, group: "PR", reason: "2", patientResp: 3000 }),
  ];

  it("ages the patient share by account apart from the payer's", () => {
    const report = agingReport(ledgerOf({ charges, payments, postings: remit }), { asOf: AS_OF });
    expect(report.insurance.rows).toEqual([]);
    expect(report.patient.rows).toEqual([{ key: "P1", buckets: [0, 0, 0, 3000, 0], total: 3000, lines: 1 }]);
  });

  it("counts only postings on or before asOf: the day before the remittance the payer still owes it all", () => {
    const ledger = ledgerOf({ charges, payments, postings: remit });
    const before = agingReport(ledger, { asOf: addDays(remitDate, -1) });
    expect(before.insurance.rows).toEqual([{ key: "MCR", name: "Medicare Part B", buckets: [0, 20000, 0, 0, 0], total: 20000, lines: 1 }]);
    expect(before.patient.total).toBe(0);
    const on = agingReport(ledger, { asOf: remitDate });
    expect(on.insurance.total).toBe(0);
    // DOS was 59 days before the day before, 60 days before the remittance: both in 31-60.
    expect(on.patient.totals).toEqual([0, 3000, 0, 0, 0]);
  });

  it("ages from the billed date on the billed basis, and from DOS when the line was never billed", () => {
    const unbilled = charge("L2", { dos: daysBefore(92) });
    const report = agingReport(ledgerOf({ charges: [...charges, unbilled] }), { asOf: AS_OF, basis: "billed" });
    expect(report.details.map((d) => [d.chargeId, d.agedFrom, d.age, d.bucket])).toEqual([
      ["L1", "billed", 95, 3],
      ["L2", "dos (not billed)", 92, 3],
    ]);
  });

  it("ages the patient share from the responsibility posting, and self-pay from DOS", () => {
    const selfPay = charge("S1", { payerId: "SELF", patientId: "P2", dos: daysBefore(61), amount: 5000 });
    const report = agingReport(ledgerOf({ charges: [...charges, selfPay], payments, postings: remit }), {
      asOf: AS_OF,
      basis: "responsibility",
    });
    expect(report.patient.rows).toEqual([
      { key: "P1", buckets: [0, 3000, 0, 0, 0], total: 3000, lines: 1 },
      { key: "P2", buckets: [0, 0, 5000, 0, 0], total: 5000, lines: 1 },
    ]);
    expect(report.details.map((d) => [d.chargeId, d.agedFrom, d.age])).toEqual([
      ["L1", "responsibility", 40],
      ["S1", "dos (self-pay)", 61],
    ]);
  });

  it("moves the responsibility date to the re-posted PR when the first is reversed", () => {
    const reposted = posting("PS4", "L1", { paymentId: "PM1", date: daysBefore(10), group: "PR", reason: "2", patientResp: 3000 });
    const postings = [...remit, reversal("PS3", remit[1], { date: daysBefore(20) }), reposted];
    const report = agingReport(ledgerOf({ charges, payments, postings }), { asOf: AS_OF, basis: "responsibility" });
    expect(report.details.map((d) => [d.chargeId, d.agedFrom, d.age, d.amount])).toEqual([["L1", "responsibility", 10, 3000]]);
    // Between the reversal and the re-posting the $30 is the payer's again (billed 95 days before).
    const between = agingReport(ledgerOf({ charges, payments, postings }), { asOf: daysBefore(15), basis: "responsibility" });
    expect(between.patient.total).toBe(0);
    expect(between.insurance.rows[0].total).toBe(3000);
  });

  it("lists a credit apart and keeps it out of every bucket", () => {
    const over = [posting("PS1", "L1", { paymentId: "PM1", date: remitDate, paid: 25000 })];
    const other = charge("L2", { dos: daysBefore(5), amount: 7000 });
    const report = agingReport(ledgerOf({ charges: [...charges, other], payments: [payment("PM1", 25000)], postings: over }), {
      asOf: AS_OF,
    });
    expect(report.credits).toEqual([
      {
        chargeId: "L1",
        claimId: "CL1",
        patientId: "P1",
        payerId: "MCR",
        dos: daysBefore(100),
        amount: -5000,
        insuranceShare: -5000,
        patientShare: 0,
        lastPaymentDate: remitDate,
      },
    ]);
    expect(report.creditTotal).toBe(-5000);
    expect(report.totals).toEqual([7000, 0, 0, 0, 0]);
    expect(report.total).toBe(7000);
  });

  it("leaves out lines served after asOf, counting them in `later`", () => {
    const report = agingReport(ledgerOf({ charges: [charge("F", { dos: addDays(AS_OF, 1) })] }), { asOf: AS_OF });
    expect(report.total).toBe(0);
    expect(report.later).toEqual({ lines: 1, balance: 10000 });
  });

  it("keys both sections by payer or by account when asked", () => {
    const ledger = ledgerOf({ charges: [...charges, charge("L9", { patientId: "P7", dos: daysBefore(3) })], payments, postings: remit });
    const byPayer = agingReport(ledger, { asOf: AS_OF, by: "payer" });
    expect(byPayer.patient.rows.map((r) => [r.key, r.name, r.total])).toEqual([["MCR", "Medicare Part B", 3000]]);
    const byPatient = agingReport(ledger, { asOf: AS_OF, by: "patient" });
    expect(byPatient.insurance.rows.map((r) => [r.key, r.name, r.total])).toEqual([["P7", undefined, 10000]]);
  });
});
