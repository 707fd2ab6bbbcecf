// Balance arithmetic on hand-made ledgers: every adjustment group, self-pay, a secondary payer, a
// copay taken before the payer answers, credits, reversals and the as-of date, each with the
// figures a biller would work out by hand. Rules: the header of src/ledger/balances.ts.
import { describe, expect, it } from "vitest";
import { balancesBy, lineBalances, paymentStatuses, type LineBalance } from "../../src/ledger/balances";
import { charge, ledgerOf, payment, posting, refund, reversal } from "./ledgerFixtures";

function only(lines: LineBalance[]): LineBalance {
  expect(lines).toHaveLength(1);
  return lines[0];
}

/** The money of a line, without the last payment date (which a later posting may move). */
function money(line: LineBalance) {
  const { lastPaymentDate: _last, ...rest } = line;
  return rest;
}

describe("lineBalances", () => {
  it("leaves the coinsurance with the patient after a remittance with CO-45 and PR-2, then marks it paid", () => {
    const charges = [charge("L1", { amount: 20000 })];
    const payments = [payment("PM1", 12000), payment("PM2", 3000, { patientId: "P1", date: "2026-03-02" })];
    const remit = [
      posting("PS1", "L1", { paymentId: "PM1", paid: 12000, adjustment: 5000, group: "CO", reason: "45" }),
      posting("PS2", "L1", { paymentId: "PM1", group: "PR", reason: "2", patientResp: 3000 }),
    ];
    const afterRemit = only(lineBalances(ledgerOf({ charges, payments, postings: remit })));
    expect(afterRemit).toEqual({
      chargeId: "L1",
      claimId: "CL1",
      patientId: "P1",
      payerId: "MCR",
      dos: "2026-01-05",
      selfPay: false,
      charge: 20000,
      insurancePaid: 12000,
      patientPaid: 0,
      otherPayerPaid: 0,
      adjustments: { CO: 5000, OA: 0, PI: 0, WO: 0 },
      patientResp: 3000,
      insuranceShare: 0,
      patientShare: 3000,
      balance: 3000,
      status: "patient due",
      lastPaymentDate: "2026-02-01",
    });
    const paidUp = only(
      lineBalances(
        ledgerOf({ charges, payments, postings: [...remit, posting("PS3", "L1", { paymentId: "PM2", paid: 3000, date: "2026-03-02" })] }),
      ),
    );
    expect(paidUp).toMatchObject({
      patientPaid: 3000,
      insuranceShare: 0,
      patientShare: 0,
      balance: 0,
      status: "paid",
      lastPaymentDate: "2026-03-02",
    });
  });

  it("counts OA and PI as payer adjustments that lower the insurance share", () => {
    const line = only(
      lineBalances(
        ledgerOf({
          charges: [charge("L1", { amount: 10000 })],
          payments: [payment("PM1", 0)],
          postings: [
            posting("PS1", "L1", { paymentId: "PM1", paid: 0, adjustment: 1000, group: "OA", reason: "23" }),
            posting("PS2", "L1", { paymentId: "PM1", adjustment: 500, group: "PI", reason: "59" }),
          ],
        }),
      ),
    );
    expect(line).toMatchObject({
      adjustments: { CO: 0, OA: 1000, PI: 500, WO: 0 },
      insuranceShare: 8500,
      patientShare: 0,
      balance: 8500,
      status: "open with payer",
    });
    expect(line.lastPaymentDate).toBeUndefined();
  });

  it("treats a PR adjustment like Patient Resp: it moves money to the patient and leaves the balance alone", () => {
    const charges = [charge("L1", { amount: 10000 })];
    const asAdjustment = only(
      lineBalances(ledgerOf({ charges, postings: [posting("PS1", "L1", { adjustment: 2500, group: "PR", reason: "1" })] })),
    );
    const asPatientResp = only(
      lineBalances(ledgerOf({ charges, postings: [posting("PS1", "L1", { patientResp: 2500, group: "PR", reason: "1" })] })),
    );
    expect(asAdjustment).toEqual(asPatientResp);
    expect(asAdjustment).toMatchObject({
      patientResp: 2500,
      insuranceShare: 7500,
      patientShare: 2500,
      balance: 10000,
      status: "open with payer",
    });
    expect(asAdjustment.adjustments).toEqual({ CO: 0, OA: 0, PI: 0, WO: 0 });
  });

  it("takes an office write-off (WO) off the patient share, and off the payer's when the patient owes nothing", () => {
    const [small, early] = lineBalances(
      ledgerOf({
        charges: [charge("L1"), charge("L2")],
        payments: [payment("PM1", 6000)],
        postings: [
          posting("PS1", "L1", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45" }),
          posting("PS2", "L1", { paymentId: "PM1", group: "PR", reason: "1", patientResp: 2000 }),
          posting("PS3", "L1", { adjustment: 500, group: "WO", reason: "small balance", date: "2026-04-01" }),
          posting("PS4", "L2", { adjustment: 3000, group: "WO", reason: "courtesy" }),
        ],
      }),
    );
    expect(small).toMatchObject({
      adjustments: { CO: 2000, OA: 0, PI: 0, WO: 500 },
      insuranceShare: 0,
      patientShare: 1500,
      balance: 1500,
      status: "patient due",
    });
    expect(early).toMatchObject({
      adjustments: { CO: 0, OA: 0, PI: 0, WO: 3000 },
      insuranceShare: 7000,
      patientShare: 0,
      balance: 7000,
      status: "open with payer",
    });
  });

  it("gives a self-pay line to the patient from the start, by payer type or by a SELF or blank-looking PayerID", () => {
    const payers = [
      { payerId: "CASH", name: "Cash patients", type: "Self-pay" as const },
      { payerId: "MCR", name: "Medicare", type: "Medicare" as const },
    ];
    const [byType, bySelf, discounted] = lineBalances(
      ledgerOf({
        payers,
        charges: [
          charge("L1", { payerId: "CASH", amount: 15000 }),
          charge("L2", { payerId: "self" }),
          charge("L3", { payerId: "CASH", amount: 15000 }),
        ],
        payments: [payment("PM1", 12000, { patientId: "P1" })],
        postings: [posting("PS1", "L3", { paymentId: "PM1", paid: 12000, adjustment: 3000, group: "WO", reason: "self-pay discount" })],
      }),
    );
    expect(byType).toMatchObject({ selfPay: true, insuranceShare: 0, patientShare: 15000, balance: 15000, status: "patient due" });
    expect(bySelf).toMatchObject({ selfPay: true, insuranceShare: 0, patientShare: 10000, status: "patient due" });
    expect(discounted).toMatchObject({
      selfPay: true,
      patientPaid: 12000,
      adjustments: { CO: 0, OA: 0, PI: 0, WO: 3000 },
      balance: 0,
      status: "paid",
    });
  });

  it("counts a secondary payer's payment against the patient's share, apart from the primary's", () => {
    const line = only(
      lineBalances(
        ledgerOf({
          charges: [charge("L1")],
          payments: [payment("PM1", 6000), payment("PM2", 2000, { payerId: "SEC", date: "2026-03-01" })],
          postings: [
            posting("PS1", "L1", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45" }),
            posting("PS2", "L1", { paymentId: "PM1", group: "PR", reason: "2", patientResp: 2000 }),
            posting("PS3", "L1", { paymentId: "PM2", paid: 2000, date: "2026-03-01" }),
          ],
        }),
      ),
    );
    expect(line).toMatchObject({
      insurancePaid: 6000,
      otherPayerPaid: 2000,
      patientPaid: 0,
      insuranceShare: 0,
      patientShare: 0,
      balance: 0,
      status: "paid",
    });
  });

  it("lowers the payer's share by a copay taken before the payer answers, and settles when the PR-3 arrives", () => {
    const charges = [charge("L1", { payerId: "SEC" })];
    const payments = [payment("PM1", 2500, { patientId: "P1", date: "2026-01-05" }), payment("PM2", 5000, { payerId: "SEC" })];
    const copay = posting("PS1", "L1", { paymentId: "PM1", paid: 2500, date: "2026-01-05" });
    const before = only(lineBalances(ledgerOf({ charges, payments, postings: [copay] })));
    expect(before).toMatchObject({ patientPaid: 2500, insuranceShare: 7500, patientShare: 0, balance: 7500, status: "open with payer" });
    const after = only(
      lineBalances(
        ledgerOf({
          charges,
          payments,
          postings: [
            copay,
            posting("PS2", "L1", { paymentId: "PM2", paid: 5000, adjustment: 2500, group: "CO", reason: "45" }),
            posting("PS3", "L1", { paymentId: "PM2", group: "PR", reason: "3", patientResp: 2500 }),
          ],
        }),
      ),
    );
    expect(after).toMatchObject({ insurancePaid: 5000, patientPaid: 2500, insuranceShare: 0, patientShare: 0, balance: 0, status: "paid" });
  });

  it("shows an overpaid line as a credit, in the share of whoever overpaid", () => {
    const [patientOver, payerOver, both] = lineBalances(
      ledgerOf({
        charges: [charge("L1", { payerId: "SELF", amount: 5000 }), charge("L2"), charge("L3")],
        payments: [payment("PM1", 6500, { patientId: "P1" }), payment("PM2", 19000)],
        postings: [
          posting("PS1", "L1", { paymentId: "PM1", paid: 6000 }),
          posting("PS2", "L2", { paymentId: "PM2", paid: 11000 }),
          posting("PS3", "L3", { paymentId: "PM2", paid: 8000, adjustment: 2000, group: "CO", reason: "45" }),
          posting("PS4", "L3", { paymentId: "PM1", paid: 500 }),
        ],
      }),
    );
    expect(patientOver).toMatchObject({ insuranceShare: 0, patientShare: -1000, balance: -1000, status: "credit" });
    expect(payerOver).toMatchObject({ insuranceShare: -1000, patientShare: 0, balance: -1000, status: "credit" });
    expect(both).toMatchObject({ insuranceShare: 0, patientShare: -500, balance: -500, status: "credit" });
  });

  it("leaves a line as it was after a posting and its reversal, even when the reversal leaves PaymentID and Group blank", () => {
    const charges = [charge("L1"), charge("L2")];
    const payments = [payment("PM1", 6000), payment("PM2", 2000, { patientId: "P1" })];
    const base = [
      posting("PS1", "L1", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45" }),
      posting("PS2", "L1", { paymentId: "PM1", group: "PR", reason: "2", patientResp: 2000 }),
    ];
    const expected = lineBalances(ledgerOf({ charges, payments, postings: base }));
    // A patient payment put on the wrong line, reversed, then put on the right one.
    const wrong = posting("PS3", "L2", { paymentId: "PM2", paid: 2000 });
    const undo = reversal("PS4", wrong, { paymentId: undefined });
    const corrected = lineBalances(ledgerOf({ charges, payments, postings: [...base, wrong, undo] }));
    expect(corrected.map(money)).toEqual(expected.map(money));
    // And a whole remittance line reversed, with Group left blank on the adjustment's reversal.
    const [again] = lineBalances(
      ledgerOf({
        charges,
        payments,
        postings: [
          ...base,
          reversal("PS5", base[0], { group: undefined }),
          reversal("PS6", base[1]),
          ...base.map((p) => ({ ...p, postingId: `${p.postingId}b` })),
        ],
      }),
    );
    expect(money(again)).toEqual(money(expected[0]));
    // Without the inheritance the patient's money would have moved to the payer's column.
    expect(corrected[1]).toMatchObject({ patientPaid: 0, insurancePaid: 0, insuranceShare: 10000, patientShare: 0 });
  });

  it("counts only postings dated on or before asOf", () => {
    const ledger = ledgerOf({
      charges: [charge("L1")],
      payments: [payment("PM1", 6000), payment("PM2", 2000, { patientId: "P1", date: "2026-03-15" })],
      postings: [
        posting("PS1", "L1", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45" }),
        posting("PS2", "L1", { paymentId: "PM1", group: "PR", reason: "2", patientResp: 2000 }),
        posting("PS3", "L1", { paymentId: "PM2", paid: 2000, date: "2026-03-15" }),
      ],
    });
    expect(only(lineBalances(ledger, "2026-01-31"))).toMatchObject({
      insurancePaid: 0,
      insuranceShare: 10000,
      balance: 10000,
      status: "open with payer",
    });
    const february = only(lineBalances(ledger, "2026-02-28"));
    expect(february).toMatchObject({ patientShare: 2000, balance: 2000, status: "patient due", lastPaymentDate: "2026-02-01" });
    expect(only(lineBalances(ledger, "2026-03-15"))).toMatchObject({ balance: 0, status: "paid", lastPaymentDate: "2026-03-15" });
    expect(only(lineBalances(ledger))).toEqual(only(lineBalances(ledger, "2026-03-15")));
  });

  it("keeps a denial posted at $0 with the payer", () => {
    const line = only(
      lineBalances(
        ledgerOf({
          charges: [charge("L1")],
          payments: [payment("PM1", 0)],
          postings: [posting("PS1", "L1", { paymentId: "PM1", paid: 0, adjustment: 0, group: "CO", reason: "50" })],
        }),
      ),
    );
    expect(line).toMatchObject({ insuranceShare: 10000, patientShare: 0, balance: 10000, status: "open with payer" });
  });

  it("counts an adjustment with no group as an office write-off, and the ledger says so", () => {
    const ledger = ledgerOf({ charges: [charge("L1")], postings: [posting("PS1", "L1", { adjustment: 1000 })] });
    expect(only(lineBalances(ledger))).toMatchObject({
      adjustments: { CO: 0, OA: 0, PI: 0, WO: 1000 },
      insuranceShare: 9000,
      balance: 9000,
    });
    expect(ledger.issues).toEqual([
      expect.objectContaining({ table: "Postings", column: "Group", message: expect.stringContaining("no group") }),
    ]);
  });

  it("gives one balance per charge, in Charges order, including lines never posted", () => {
    const ids = ["L9", "L1", "L5"];
    const lines = lineBalances(
      ledgerOf({ charges: ids.map((id) => charge(id)), postings: [posting("PS1", "L1", { adjustment: 100, group: "CO" })] }),
    );
    expect(lines.map((l) => [l.chargeId, l.balance])).toEqual([
      ["L9", 10000],
      ["L1", 9900],
      ["L5", 10000],
    ]);
  });
});

describe("balancesBy", () => {
  const lines = lineBalances(
    ledgerOf({
      charges: [
        charge("L1", { amount: 20000 }),
        charge("L2", { amount: 5000 }),
        charge("L3", { claimId: "CL2", patientId: "P2", payerId: "SEC", amount: 8000 }),
        charge("L4", { claimId: "CL3", patientId: "P2", payerId: "SELF", amount: 4000 }),
      ],
      payments: [payment("PM1", 18000), payment("PM2", 1000, { patientId: "P2" })],
      postings: [
        posting("PS1", "L1", { paymentId: "PM1", paid: 12000, adjustment: 5000, group: "CO", reason: "45" }),
        posting("PS2", "L1", { paymentId: "PM1", group: "PR", reason: "2", patientResp: 3000 }),
        posting("PS3", "L2", { paymentId: "PM1", paid: 6000 }),
        posting("PS4", "L4", { paymentId: "PM2", paid: 1000 }),
        posting("PS5", "L3", { adjustment: 500, group: "OA" }),
      ],
    }),
  );

  it("adds lines up by claim, keeping the credit line apart from the balance", () => {
    expect(balancesBy(lines, "claim")).toEqual([
      {
        key: "CL1",
        lines: 2,
        charge: 25000,
        insurancePaid: 18000,
        patientPaid: 0,
        adjustments: 5000,
        patientResp: 3000,
        insuranceShare: 0,
        patientShare: 3000,
        balance: 3000,
        credit: -1000,
      },
      {
        key: "CL2",
        lines: 1,
        charge: 8000,
        insurancePaid: 0,
        patientPaid: 0,
        adjustments: 500,
        patientResp: 0,
        insuranceShare: 7500,
        patientShare: 0,
        balance: 7500,
        credit: 0,
      },
      {
        key: "CL3",
        lines: 1,
        charge: 4000,
        insurancePaid: 0,
        patientPaid: 1000,
        adjustments: 0,
        patientResp: 0,
        insuranceShare: 0,
        patientShare: 3000,
        balance: 3000,
        credit: 0,
      },
    ]);
  });

  it("adds lines up by patient and by payer, and one group per line", () => {
    const byPatient = balancesBy(lines, "patient");
    expect(byPatient.map((g) => [g.key, g.lines, g.insuranceShare, g.patientShare, g.balance, g.credit])).toEqual([
      ["P1", 2, 0, 3000, 3000, -1000],
      ["P2", 2, 7500, 3000, 10500, 0],
    ]);
    const byPayer = balancesBy(lines, "payer");
    expect(byPayer.map((g) => [g.key, g.lines, g.charge, g.balance, g.credit])).toEqual([
      ["MCR", 2, 25000, 3000, -1000],
      ["SEC", 1, 8000, 7500, 0],
      ["SELF", 1, 4000, 3000, 0],
    ]);
    expect(balancesBy(lines, "line").map((g) => [g.key, g.balance, g.credit])).toEqual([
      ["L1", 3000, 0],
      ["L2", 0, -1000],
      ["L3", 7500, 0],
      ["L4", 3000, 0],
    ]);
  });

  it("keeps every cent: charge = paid + adjustments + balance + credit, in every grouping", () => {
    for (const by of ["line", "claim", "patient", "payer"] as const) {
      const groups = balancesBy(lines, by);
      for (const g of groups) {
        expect(g.charge).toBe(g.insurancePaid + g.patientPaid + g.adjustments + g.balance + g.credit);
        expect(g.balance).toBe(g.insuranceShare + g.patientShare);
      }
      expect(groups.reduce((s, g) => s + g.lines, 0)).toBe(lines.length);
      expect(groups.reduce((s, g) => s + g.balance + g.credit, 0)).toBe(lines.reduce((s, l) => s + l.balance, 0));
    }
  });
});

describe("paymentStatuses", () => {
  const ledger = ledgerOf({
    charges: [charge("L1"), charge("L2", { patientId: "P2", payerId: "SELF", amount: 3000 })],
    payments: [
      payment("PM1", 15000),
      payment("PM2", 5000, { patientId: "P2", date: "2026-02-10" }),
      refund("PM3", "PM1", 1000, { payerId: "MCR", date: "2026-03-01" }),
      payment("PM4", -500, {
        patientId: "P2",
        method: "Check",
        reference: "CHK 1201",
        note: "refund of PM2 (card declined)",
        date: "2026-03-05",
      }),
    ],
    postings: [
      posting("PS1", "L1", { paymentId: "PM1", paid: 8000, adjustment: 2000, group: "CO", reason: "45" }),
      posting("PS2", "L2", { paymentId: "PM2", paid: 3000, date: "2026-02-10" }),
      posting("PS3", "L1", { paymentId: "PM1", paid: 4000, date: "2026-02-15" }),
    ],
  });

  it("shows what was applied, refunded and left unapplied of each payment", () => {
    expect(paymentStatuses(ledger)).toEqual([
      {
        paymentId: "PM1",
        date: "2026-02-01",
        from: "MCR",
        method: "EFT",
        reference: "TRN PM1",
        amount: 15000,
        applied: 12000,
        refunded: 1000,
        providerLevel: 0,
        unapplied: 2000,
      },
      {
        paymentId: "PM2",
        date: "2026-02-10",
        from: "P2",
        method: "Card",
        reference: "AUTH PM2",
        amount: 5000,
        applied: 3000,
        refunded: 500,
        providerLevel: 0,
        unapplied: 1500,
      },
      {
        paymentId: "PM3",
        date: "2026-03-01",
        from: "MCR",
        method: "Check",
        reference: "REFUND PM1",
        amount: -1000,
        applied: 0,
        refunded: -1000,
        providerLevel: 0,
        unapplied: 0,
      },
      {
        paymentId: "PM4",
        date: "2026-03-05",
        from: "P2",
        method: "Check",
        reference: "CHK 1201",
        amount: -500,
        applied: 0,
        refunded: -500,
        providerLevel: 0,
        unapplied: 0,
      },
    ]);
    expect(ledger.issues).toEqual([]);
  });

  it("counts only payments, postings and refunds dated on or before asOf", () => {
    expect(paymentStatuses(ledger, "2026-02-10").map((s) => [s.paymentId, s.applied, s.refunded, s.unapplied])).toEqual([
      ["PM1", 8000, 0, 7000],
      ["PM2", 3000, 0, 2000],
    ]);
  });

  it("keeps amount = applied + refunded + unapplied on every payment and in total", () => {
    const statuses = paymentStatuses(ledger);
    for (const s of statuses) expect(s.amount).toBe(s.applied + s.refunded + s.unapplied);
    const total = (f: (s: (typeof statuses)[number]) => number) => statuses.reduce((sum, s) => sum + f(s), 0);
    expect(total((s) => s.refunded)).toBe(0);
    expect(total((s) => s.amount)).toBe(total((s) => s.applied) + total((s) => s.unapplied));
  });

  it("counts a reversal left without PaymentID against its original's payment, and a repeated PaymentID's postings on each of its rows", () => {
    const paid = posting("PS1", "L1", { paymentId: "PM1", paid: 6000 });
    const book = ledgerOf({
      charges: [charge("L1")],
      // PM1 twice (a problem the ledger reports): both rows show what was posted from PM1.
      payments: [payment("PM1", 10000), payment("PM1", 10000, { date: "2026-02-02" })],
      postings: [paid, reversal("PS2", paid, { paymentId: undefined, date: "2026-02-20" })],
    });
    // Before the reversal: $60.00 applied, $40.00 left; after it, nothing applied.
    expect(paymentStatuses(book, "2026-02-10").map((s) => [s.paymentId, s.applied, s.unapplied])).toEqual([
      ["PM1", 6000, 4000],
      ["PM1", 6000, 4000],
    ]);
    expect(paymentStatuses(book).map((s) => [s.applied, s.unapplied])).toEqual([
      [0, 10000],
      [0, 10000],
    ]);
  });
});
