// Posting plans that succeed, each run the way the Post payments panel runs it (read, plan, apply
// with applyPlan to a MemoryWorkbook) and then read back: the rows written, the Audit row, and the
// balances the workbook gives afterwards against the ones the plan predicted.
import { describe, expect, it } from "vitest";
import { paymentStatuses } from "../../src/ledger/balances";
import { readLedger } from "../../src/ledger/ledger";
import {
  insurancePaymentPlan,
  officeAdjustmentPlan,
  openLines,
  patientPaymentPlan,
  refundPlan,
  reversalPlan,
} from "../../src/ledger/postingPlans";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { isoToSerial } from "../../src/dates";
import { ledgerOf, ledgerWorkbook } from "./ledgerFixtures";
import { balancesInBook, planOf, postOnPractice, postThroughPanel, practiceBooks, problemsOf } from "./postingPlansFlow";

const FEB_20 = isoToSerial("2026-02-20");

async function postingRows(book: MemoryWorkbook) {
  return (await book.readSheet("Postings"))!;
}

describe("insurancePaymentPlan", () => {
  it("posts a check over two lines as the sample does (paid with CO-45 on one row, PR on its own) and the workbook reads back the predicted balances", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      insurancePaymentPlan(
        ledger,
        ctx,
        { from: { payerId: "MCR" }, date: "2026-02-20", method: "check", reference: "12345", amount: 13000 },
        [
          {
            chargeId: "L1",
            paid: 7000,
            adjustments: [{ group: "CO", reason: "45", amount: 2000 }],
            patientResp: [{ reason: "3", amount: 1000 }],
          },
          { chargeId: "L4", paid: 6000, adjustments: [{ group: "CO", reason: "45", amount: 4000 }] },
        ],
      ),
    );
    expect(result.plan.action).toBe("Post insurance payment");
    expect(result.plan.what).toBe("MCR check 12345 (PM000813): 2 lines, paid $130.00, adjusted $60.00, patient resp $10.00");
    expect(result.plan.totals).toBe("payment $130.00; paid $130.00; adjusted $60.00; patient resp $10.00; unapplied $0.00");
    expect(result.plan.ops).toEqual([
      {
        kind: "appendRows",
        table: "Payments",
        rows: [{ PaymentID: "PM000813", Date: FEB_20, PayerID: "MCR", Method: "Check", Reference: "12345", Amount: 130 }],
      },
      {
        kind: "appendRows",
        table: "Postings",
        rows: [
          {
            PostingID: "PS0000005",
            PaymentID: "PM000813",
            ChargeID: "L1",
            Date: FEB_20,
            Paid: 70,
            Adjustment: 20,
            Group: "CO",
            Reason: "45",
            Source: "Manual",
          },
          {
            PostingID: "PS0000006",
            PaymentID: "PM000813",
            ChargeID: "L1",
            Date: FEB_20,
            Group: "PR",
            Reason: "3",
            "Patient Resp": 10,
            Source: "Manual",
          },
          {
            PostingID: "PS0000007",
            PaymentID: "PM000813",
            ChargeID: "L4",
            Date: FEB_20,
            Paid: 60,
            Adjustment: 40,
            Group: "CO",
            Reason: "45",
            Source: "Manual",
          },
        ],
      },
    ]);
    expect(result.preview.map((p) => p.table)).toEqual(["Payments", "Postings", "Postings", "Postings"]);
    expect(result.preview[1].values).toMatchObject({
      PostingID: "PS0000005",
      Date: "2026-02-20",
      Paid: "$70.00",
      Adjustment: "$20.00",
      "Patient Resp": null,
    });
    expect(result.preview[0].remark).toBeUndefined();

    const [l1, l4] = result.predicted;
    expect(l1).toMatchObject({
      chargeId: "L1",
      insurancePaid: 7000,
      patientResp: 1000,
      insuranceShare: 0,
      patientShare: 1000,
      balance: 1000,
      status: "patient due",
    });
    expect(l1.adjustments.CO).toBe(2000);
    expect(l4).toMatchObject({ chargeId: "L4", insurancePaid: 6000, balance: 0, status: "paid" });
    expect(await balancesInBook(book, ["L1", "L4"])).toEqual(result.predicted);

    const audit = (await book.readSheet("Audit"))!;
    expect(audit[1].slice(1, 5)).toEqual(["Post insurance payment", result.plan.what, 4, result.plan.totals]);
  });

  it("takes a payment from a payer other than the line's as a secondary payment", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      insurancePaymentPlan(
        ledger,
        ctx,
        { from: { payerId: "sec" }, date: "2026-02-25", method: "EFT", reference: "TRN 77", amount: 2000 },
        [{ chargeId: "L2", paid: 2000 }],
      ),
    );
    expect(result.plan.what).toBe("SEC EFT TRN 77 (PM000813): 1 line, paid $20.00");
    expect(result.predicted).toEqual(await balancesInBook(book, ["L2"]));
    expect(result.predicted[0]).toMatchObject({ otherPayerPaid: 2000, insurancePaid: 12000, patientShare: 0, balance: 0, status: "paid" });
  });

  it("leaves the rest of a payment unapplied and says so on the payment's preview row", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      insurancePaymentPlan(
        ledger,
        ctx,
        { from: { payerId: "MCR" }, date: "2026-02-20", method: "Check", reference: "555", amount: 10000 },
        [{ chargeId: "L4", paid: 8000, adjustments: [{ group: "CO", reason: "45", amount: 2000 }] }],
      ),
    );
    expect(result.preview[0].remark).toBe("$20.00 stays unapplied on PM000813 as a credit");
    // An insurer's money left over is said as unapplied, with no "more than the account owes".
    expect(result.preview[0].warning).toBeUndefined();
    expect(result.plan.what).toContain("unapplied $20.00");
    const { ledger } = await readLedger(book);
    expect(paymentStatuses(ledger).find((s) => s.paymentId === "PM000813")).toMatchObject({
      amount: 10000,
      applied: 8000,
      unapplied: 2000,
    });
  });

  it("posts an overpayment the biller ticked, leaving the line a credit", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      insurancePaymentPlan(ledger, ctx, { from: { payerId: "MCR" }, date: "2026-02-20", method: "Check", reference: "9", amount: 12500 }, [
        { chargeId: "L1", paid: 12500, overpayment: true },
      ]),
    );
    expect(result.predicted[0]).toMatchObject({ balance: -2500, status: "credit" });
    expect(await balancesInBook(book, ["L1"])).toEqual(result.predicted);
  });

  it("records a remittance that pays nothing (a denial: $0.00 paid, CO-97 of $0.00) and leaves the line open", async () => {
    const { result } = await postOnPractice((ledger, ctx) =>
      insurancePaymentPlan(ledger, ctx, { from: { payerId: "MCR" }, date: "2026-02-20", method: "EFT", reference: "0", amount: 0 }, [
        { chargeId: "L4", paid: 0, adjustments: [{ group: "CO", reason: "97", amount: 0 }] },
      ]),
    );
    expect(result.plan.ops[1]).toMatchObject({ rows: [{ ChargeID: "L4", Paid: 0, Adjustment: 0, Group: "CO", Reason: "97" }] });
    expect(result.predicted[0]).toMatchObject({ balance: 10000, status: "open with payer" });
  });

  it("gives OA, PI and a second CO rows of their own, and keeps an office write-off's reason in the Note", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      insurancePaymentPlan(ledger, ctx, { from: { payerId: "MCR" }, date: "2026-02-20", method: "Check", reference: "1", amount: 5000 }, [
        {
          chargeId: "L4",
          paid: 5000,
          adjustments: [
            { group: "OA", reason: "23", amount: 1000 },
            { group: "CO", reason: "45", amount: 1500 },
            { group: "PI", reason: "b7", amount: 500 },
            { group: "CO", reason: "253", amount: 200 },
            { group: "WO", reason: "timely filing, our error", amount: 300 },
          ],
        },
      ]),
    );
    const rows = result.preview.slice(1).map((p) => [p.values.Paid, p.values.Adjustment, p.values.Group, p.values.Reason, p.values.Note]);
    expect(rows).toEqual([
      ["$50.00", "$15.00", "CO", "45", null],
      [null, "$10.00", "OA", "23", null],
      [null, "$5.00", "PI", "B7", null],
      [null, "$2.00", "CO", "253", null],
      [null, "$3.00", "WO", null, "timely filing, our error"],
    ]);
    expect(result.predicted[0]).toMatchObject({ adjustments: { CO: 1700, OA: 1000, PI: 500, WO: 300 }, balance: 1500 });
    expect(await balancesInBook(book, ["L4"])).toEqual(result.predicted);
  });
});

describe("patientPaymentPlan", () => {
  it("applies a payment oldest date of service first (a same-day tie by ChargeID), each line up to its patient share, and keeps the rest as a credit", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      patientPaymentPlan(
        ledger,
        ctx,
        { from: { patientId: "P1" }, date: "2026-02-27", method: "card", reference: "AUTH 123456", amount: 12000 },
        "oldest-first",
      ),
    );
    // L3 (self-pay, Jan 2) owes $80; then Jan 5: L2's coinsurance $20 before L10's deductible $10 (L10 is first in Charges).
    expect(result.preview.slice(1).map((p) => [p.values.ChargeID, p.values.Paid])).toEqual([
      ["L3", "$80.00"],
      ["L2", "$20.00"],
      ["L10", "$10.00"],
    ]);
    expect(result.preview[0].remark).toBe("$10.00 stays unapplied on PM000813 as a credit");
    // P1 owes $80 + $20 + $10 = $110: the other $10 of $120 is more than the account owes.
    expect(result.preview[0].warning).toBe(
      "$10.00 of this payment is more than the account owes: it will stay on the payment as a credit (refund it from Patient accounts › Credit balances).",
    );
    expect(result.plan.action).toBe("Post patient payment");
    expect(result.plan.what).toBe("account P1 card AUTH 123456 (PM000813): 3 lines oldest first, paid $110.00, unapplied $10.00");
    expect(result.plan.ops[0]).toMatchObject({ rows: [{ PatientID: "P1", Method: "Card", Amount: 120 }] });
    expect(result.predicted.map((l) => [l.chargeId, l.balance, l.status])).toEqual([
      ["L10", 0, "paid"],
      ["L2", 0, "paid"],
      ["L3", 0, "paid"],
    ]);
    expect(await balancesInBook(book, ["L2", "L3", "L10"])).toEqual(result.predicted);
    const { ledger } = await readLedger(book);
    expect(paymentStatuses(ledger).find((s) => s.paymentId === "PM000813")).toMatchObject({ applied: 11000, unapplied: 1000 });
  });

  it("stops where the money runs out, part-paying the last line", async () => {
    const { result } = await postOnPractice((ledger, ctx) =>
      patientPaymentPlan(ledger, ctx, { from: { patientId: "P1" }, date: "2026-02-27", method: "Cash", amount: 9000 }, "oldest-first"),
    );
    expect(result.preview.slice(1).map((p) => [p.values.ChargeID, p.values.Paid])).toEqual([
      ["L3", "$80.00"],
      ["L2", "$10.00"],
    ]);
    expect(result.preview[0].remark).toBeUndefined();
    expect(result.preview[0].warning).toBeUndefined();
    expect(result.predicted.find((l) => l.chargeId === "L2")).toMatchObject({ patientShare: 1000, status: "patient due" });
  });

  it("keeps the whole payment as a credit when the account owes nothing", async () => {
    const { result } = await postOnPractice((ledger, ctx) =>
      patientPaymentPlan(
        ledger,
        ctx,
        { from: { patientId: "P2" }, date: "2026-02-27", method: "Check", reference: "CHK 1001", amount: 2500 },
        "oldest-first",
      ),
    );
    expect(result.plan.ops).toHaveLength(1);
    expect(result.preview).toHaveLength(1);
    expect(result.preview[0].remark).toBe("$25.00 stays unapplied on PM000813 as a credit");
    expect(result.preview[0].warning).toMatch(/^\$25\.00 of this payment is more than the account owes: it will stay on the payment/);
    expect(result.predicted).toEqual([]);
  });

  it("warns (and still posts) when a payment on chosen lines is more than the whole account owes", async () => {
    // P1 owes $110 (L3 $80, L2 $20, L10 $10). $200 with $80 on L3: $120 unapplied, of which $200 − $110 = $90 is beyond what is owed.
    const { result } = await postOnPractice((ledger, ctx) =>
      patientPaymentPlan(ledger, ctx, { from: { patientId: "P1" }, date: "2026-02-27", method: "Cash", amount: 20000 }, [
        { chargeId: "L3", paid: 8000 },
      ]),
    );
    expect(result.preview[0].remark).toBe("$120.00 stays unapplied on PM000813 as a credit");
    expect(result.preview[0].warning).toBe(
      "$90.00 of this payment is more than the account owes: it will stay on the payment as a credit (refund it from Patient accounts › Credit balances).",
    );
  });

  it("does not warn when what stays unapplied is within what the account owes", async () => {
    // $50 with $30 on L3: $20 unapplied, but P1 owes $110, more than the whole $50.
    const { result } = await postOnPractice((ledger, ctx) =>
      patientPaymentPlan(ledger, ctx, { from: { patientId: "P1" }, date: "2026-02-27", method: "Cash", amount: 5000 }, [
        { chargeId: "L3", paid: 3000 },
      ]),
    );
    expect(result.preview[0].remark).toBe("$20.00 stays unapplied on PM000813 as a credit");
    expect(result.preview[0].warning).toBeUndefined();
  });

  it("applies to the lines the biller chose, with a prompt-pay discount (WO) on the paid row", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      patientPaymentPlan(
        ledger,
        ctx,
        { from: { patientId: "P1" }, date: "2026-02-27", method: "Card", reference: "AUTH 9", amount: 7200 },
        [{ chargeId: "L3", paid: 7200, adjustments: [{ group: "WO", reason: "Prompt-pay discount", amount: 800 }] }],
      ),
    );
    expect(result.plan.ops[1]).toMatchObject({
      rows: [{ ChargeID: "L3", Paid: 72, Adjustment: 8, Group: "WO", Note: "Prompt-pay discount" }],
    });
    expect(result.predicted[0]).toMatchObject({ patientPaid: 7200, adjustments: { WO: 800 }, balance: 0 });
    expect(await balancesInBook(book, ["L3"])).toEqual(result.predicted);
  });
});

describe("officeAdjustmentPlan", () => {
  it("writes off small balances and courtesy amounts as Group WO rows with the reason in the Note and no payment", async () => {
    const { book, result } = await postOnPractice((ledger, ctx) =>
      officeAdjustmentPlan(ledger, ctx, [
        { chargeId: "L10", amount: 1000, kind: "small balance", reason: "under $15 policy", date: "2026-02-28" },
        { chargeId: "L3", amount: 2000, kind: "courtesy", reason: "", date: "2026-02-28" },
      ]),
    );
    expect(result.plan.action).toBe("Office adjustment");
    expect(result.plan.what).toBe("2 lines: small balance $10.00, courtesy $20.00");
    expect(result.plan.totals).toBe("written off $30.00");
    expect(result.plan.ops).toHaveLength(1);
    expect(result.plan.ops[0]).toMatchObject({
      table: "Postings",
      rows: [
        { PostingID: "PS0000005", ChargeID: "L10", Adjustment: 10, Group: "WO", Note: "Small balance write-off: under $15 policy" },
        { PostingID: "PS0000006", ChargeID: "L3", Adjustment: 20, Group: "WO", Note: "Courtesy adjustment" },
      ],
    });
    expect(result.preview.every((p) => p.values.PaymentID === null)).toBe(true);
    expect(result.predicted.map((l) => [l.chargeId, l.patientShare, l.adjustments.WO])).toEqual([
      ["L10", 0, 1000],
      ["L3", 6000, 2000],
    ]);
    expect(await balancesInBook(book, ["L3", "L10"])).toEqual(result.predicted);
  });
});

describe("refundPlan", () => {
  it("refunds a patient's credit as a negative payment naming the payment, and the credit is gone", async () => {
    const book = ledgerWorkbook(practiceBooks());
    await postThroughPanel(book, (ledger, ctx) =>
      patientPaymentPlan(
        ledger,
        ctx,
        { from: { patientId: "P1" }, date: "2026-02-27", method: "Card", reference: "AUTH 1", amount: 12000 },
        "oldest-first",
      ),
    );
    const result = planOf(
      await postThroughPanel(book, (ledger, ctx) =>
        refundPlan(ledger, ctx, {
          paymentId: "PM000813",
          amount: 1000,
          date: "2026-02-28",
          method: "check",
          reference: "4521",
          reason: "Paid more than owed",
        }),
      ),
    );
    expect(result.plan.ops).toMatchObject([
      {
        kind: "appendRows",
        table: "Payments",
        rows: [
          {
            PaymentID: "PM000814",
            Date: isoToSerial("2026-02-28"),
            PatientID: "P1",
            Method: "Check",
            Reference: "REFUND PM000813",
            Amount: -10,
            Note: "Refund by check 4521",
          },
        ],
      },
      { kind: "createTable", table: "Refunds" },
      {
        kind: "appendRows",
        table: "Refunds",
        rows: [
          {
            RefundID: "RF000001",
            Date: isoToSerial("2026-02-28"),
            "Refund To": "Patient",
            PatientID: "P1",
            PaymentID: "PM000814",
            Amount: 10,
            Reason: "Paid more than owed",
            Identified: isoToSerial("2026-02-27"),
            "Check #": "4521",
            "Paid Date": isoToSerial("2026-02-28"),
          },
        ],
      },
    ]);
    expect(result.plan.what).toBe("refund RF000001 of $10.00 to the patient from PM000813 by check 4521 (PM000814)");
    expect(result.preview[0].remark).toBe("PM000813 keeps $0.00 unapplied after this refund");
    expect(result.predicted).toEqual([]);
    const { ledger } = await readLedger(book);
    expect(ledger.issues).toEqual([]);
    expect(paymentStatuses(ledger).find((s) => s.paymentId === "PM000813")).toMatchObject({ applied: 11000, refunded: 1000, unapplied: 0 });

    // Nothing is left to refund now.
    const again = await postThroughPanel(book, (l, ctx) =>
      refundPlan(l, ctx, { paymentId: "PM000813", amount: 1, date: "2026-02-28", method: "Check", reason: "again" }),
    );
    expect(problemsOf(again)).toEqual([
      "The refund of $0.01 is more than the $0.00 still unapplied on PM000813 (payment $120.00, applied $110.00, refunded $10.00).",
    ]);
  });
});

describe("reversalPlan", () => {
  it("reverses a payment's postings with negated rows pointing at them: the balances are as before and the originals are untouched", async () => {
    const book = ledgerWorkbook(practiceBooks());
    const before = await balancesInBook(book, ["L2", "L10"]);
    const originals = (await postingRows(book)).slice(1);
    const result = planOf(
      await postThroughPanel(book, (ledger, ctx) =>
        reversalPlan(ledger, ctx, ["PS0000001", "PS0000002", "PS0000003", "PS0000004"], "2026-02-26", "posted to the wrong payer"),
      ),
    );
    expect(result.plan.action).toBe("Reverse postings");
    expect(result.plan.what).toBe("4 postings reversed: PS0000001, PS0000002, PS0000003, PS0000004");
    expect(result.plan.totals).toBe("paid -$150.00; adjusted -$70.00; patient resp -$30.00");
    expect(result.plan.ops[0]).toMatchObject({
      rows: [
        {
          PostingID: "PS0000005",
          PaymentID: "PM000812",
          ChargeID: "L2",
          Paid: -120,
          Adjustment: -60,
          Group: "CO",
          Reason: "45",
          Reverses: "PS0000001",
          Source: "Manual",
          Note: "posted to the wrong payer",
        },
        { PostingID: "PS0000006", ChargeID: "L2", Group: "PR", Reason: "2", "Patient Resp": -20, Reverses: "PS0000002" },
        { PostingID: "PS0000007", Reverses: "PS0000003" },
        { PostingID: "PS0000008", Reverses: "PS0000004" },
      ],
    });
    const after = await balancesInBook(book, ["L2", "L10"]);
    expect(after).toEqual(result.predicted);
    expect(after.map((l) => [l.chargeId, l.insuranceShare, l.patientShare, l.balance])).toEqual([
      ["L10", 5000, 0, 5000],
      ["L2", 20000, 0, 20000],
    ]);
    expect(before.map((l) => [l.chargeId, l.balance])).toEqual([
      ["L10", 1000],
      ["L2", 2000],
    ]);
    expect((await postingRows(book)).slice(1, 5)).toEqual(originals);

    // Then the correction is posted anew, and the line's balances come back to what they were.
    const corrected = planOf(
      await postThroughPanel(book, (ledger, ctx) =>
        insurancePaymentPlan(
          ledger,
          ctx,
          { from: { payerId: "MCR" }, date: "2026-02-27", method: "EFT", reference: "TRN 2", amount: 12000 },
          [
            {
              chargeId: "L2",
              paid: 12000,
              adjustments: [{ group: "CO", reason: "45", amount: 6000 }],
              patientResp: [{ reason: "2", amount: 2000 }],
            },
          ],
        ),
      ),
    );
    expect(corrected.predicted[0]).toMatchObject({ balance: before.find((l) => l.chargeId === "L2")!.balance, patientShare: 2000 });
  });
});

describe("openLines", () => {
  const ledger = ledgerOf(practiceBooks());

  it("lists a payer's lines with an insurance share, oldest first", () => {
    expect(openLines(ledger, { payerId: "MCR" }).map((l) => [l.chargeId, l.insuranceShare])).toEqual([
      ["L1", 10000],
      ["L4", 10000],
    ]);
  });

  it("lists a patient's lines with a patient share, oldest first and by ChargeID on the same day", () => {
    expect(openLines(ledger, { patientId: "P1" }).map((l) => [l.chargeId, l.patientShare])).toEqual([
      ["L3", 8000],
      ["L2", 2000],
      ["L10", 1000],
    ]);
  });

  it("counts only postings up to the as-of date", () => {
    expect(openLines(ledger, { patientId: "P1" }, "2026-01-31").map((l) => l.chargeId)).toEqual(["L3"]);
    expect(openLines(ledger, { payerId: "MCR" }, "2026-01-31").map((l) => l.chargeId)).toEqual(["L1", "L2", "L10", "L4"]);
  });
});
