import { describe, expect, it } from "vitest";
import type { PreviewRow } from "../../src/ledger/postingPlans";
import {
  BLANK_LINE,
  entriesFromPreview,
  newPaymentForm,
  postedMessage,
  postedTotals,
  readPaymentForm,
  runningTotals,
  totalsText,
  type LineEntries,
  type PaymentForm,
} from "../../taskpane/payments/paymentForm";

const patientForm = (fields: Partial<PaymentForm> = {}): PaymentForm => ({
  ...newPaymentForm("2026-03-10", { patientId: "P1" }),
  method: "Card",
  amount: "$50.00",
  ...fields,
});
const payerForm = (fields: Partial<PaymentForm> = {}): PaymentForm => ({
  ...newPaymentForm("2026-03-10", { payerId: "MCR" }),
  method: "EFT",
  reference: " 912345678 ",
  amount: "1,234.50",
  ...fields,
});
const line = (fields: Partial<typeof BLANK_LINE>) => ({ ...BLANK_LINE, ...fields });
const ABOVE_ZERO = "A payment is an amount above $0.00: to give money back use Refund… (Reconcile), to undo a posting use Reverse.";

describe("reading the payment form", () => {
  it("turns what a biller types into the engine's payment: dates and amounts in their usual spellings", () => {
    const read = readPaymentForm(payerForm({ date: "3/5/2026" }), {}, []);
    expect(read).toEqual({
      ok: true,
      payment: { from: { payerId: "MCR" }, date: "2026-03-05", method: "EFT", reference: "912345678", amount: 123450 },
      lines: [],
    });
  });

  it("applies a patient's payment oldest first when no line is filled in, and to the chosen lines otherwise", () => {
    expect(readPaymentForm(patientForm(), {}, ["L1", "L2"])).toMatchObject({ ok: true, lines: "oldest-first" });
    const chosen = readPaymentForm(patientForm(), { L2: line({ paid: "30" }), L1: line({ paid: "(0.00)" }) }, ["L1", "L2"]);
    expect(chosen).toMatchObject({
      ok: true,
      lines: [
        { chargeId: "L1", paid: 0 },
        { chargeId: "L2", paid: 3000 },
      ],
    });
  });

  it("keeps the list's order and passes the overpayment tick", () => {
    const read = readPaymentForm(patientForm(), { L9: line({ paid: "5", overpayment: true }), L3: line({ paid: "1" }) }, ["L9", "L3"]);
    expect(read).toMatchObject({
      ok: true,
      lines: [
        { chargeId: "L9", paid: 500, overpayment: true },
        { chargeId: "L3", paid: 100 },
      ],
    });
  });

  it("reads an insurer's line: paid, an adjustment with its group and reason, and patient responsibility", () => {
    const entries: LineEntries = {
      L1: line({ paid: "$72.40", adjustment: "27.60", group: "CO", reason: " 45 ", patientResp: "18.10", patientRespReason: "2" }),
      // A denial: nothing paid, a $0.00 adjustment with its reason.
      L2: line({ paid: "0", adjustment: "0", group: "CO", reason: "b7" }),
      L3: line({}),
    };
    const read = readPaymentForm(payerForm(), entries, ["L1", "L2", "L3"]);
    expect(read).toMatchObject({ ok: true });
    if (!read.ok) return;
    expect(read.lines).toEqual([
      {
        chargeId: "L1",
        paid: 7240,
        adjustments: [{ group: "CO", reason: "45", amount: 2760 }],
        patientResp: [{ reason: "2", amount: 1810 }],
      },
      { chargeId: "L2", paid: 0, adjustments: [{ group: "CO", reason: "B7", amount: 0 }] },
    ]);
  });

  it("says every mistake next to its field, in a biller's words, and gives the engine nothing", () => {
    const read = readPaymentForm(
      { ...newPaymentForm("2026-03-10"), date: "13/45/2026", amount: "12.345" },
      {
        L1: line({ paid: "ten dollars" }),
        L2: line({ adjustment: "", reason: "45" }),
        L3: line({ reason: "not a code", adjustment: "1" }),
      },
      ["L1", "L2", "L3"],
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.payment).toEqual({
      from: "Choose who the payment is from: a payer, or a patient.",
      date: '"13/45/2026" is not a real calendar date.',
      amount: '"12.345" has a fraction of a cent.',
    });
    expect(read.errors.lines.L1.paid).toBe('"ten dollars" is not an amount (write it like 1234.50 or $1,234.50)');
    expect(read.errors.lines.L2.adjustment).toBe("Enter the adjustment for reason 45 ($0.00 for a denial).");
    expect(read.errors.lines.L3.reason).toBe('"not a code" is not a reason code: use the CARC from the EOB, such as 45 or 97.');
    expect(read.count).toBe(6);
  });

  it("refuses a blank or negative amount and negative paid, pointing to Refund and Reverse", () => {
    const blank = readPaymentForm(patientForm({ amount: "  ", date: "" }), {}, []);
    expect(blank.ok || blank.errors.payment).toEqual({
      amount: "Enter the amount received.",
      date: "Enter the date the payment was received.",
    });
    const negative = readPaymentForm(patientForm({ amount: "(20.00)" }), { L1: line({ paid: "-5" }) }, ["L1"]);
    expect(negative.ok).toBe(false);
    if (negative.ok) return;
    expect(negative.errors.payment.amount).toBe(ABOVE_ZERO);
    expect(negative.errors.lines.L1.paid).toBe("Paid can't be less than $0.00. To take money back from a line, reverse its posting.");
  });

  it("refuses a $0.00 payment in the plan's words, unless an insurer's lines pay nothing (a remittance of denials)", () => {
    const zero = readPaymentForm(patientForm({ amount: "0" }), {}, []);
    expect(zero.ok || zero.errors.payment).toEqual({ amount: ABOVE_ZERO });
    const paidLines = readPaymentForm(payerForm({ amount: "$0.00" }), { L1: line({ paid: "10" }) }, ["L1"]);
    expect(paidLines.ok || paidLines.errors.payment).toEqual({ amount: ABOVE_ZERO });
    const denials = readPaymentForm(payerForm({ amount: "$0.00" }), { L1: line({ paid: "0", adjustment: "0", reason: "B7" }) }, ["L1"]);
    expect(denials).toMatchObject({ ok: true, payment: { amount: 0 } });
  });

  it("ignores entries for lines that are no longer open", () => {
    const read = readPaymentForm(patientForm(), { GONE: line({ paid: "10" }) }, ["L1"]);
    expect(read).toMatchObject({ ok: true, lines: "oldest-first" });
  });
});

describe("the running applied / unapplied total", () => {
  it("adds up Paid on the lines; amounts that don't read yet count as nothing", () => {
    const totals = runningTotals(
      patientForm({ amount: "$100" }),
      { L1: line({ paid: "40" }), L2: line({ paid: "2.5" }), L3: line({ paid: "x" }) },
      [5000, 5000, 5000],
    );
    expect(totals).toEqual({ amount: 10000, applied: 4250, unapplied: 5750, oldestFirst: false });
    expect(totalsText(totals)).toEqual({
      line: "Applied $42.50 · Unapplied $57.50",
      note: "What is not applied stays on the payment as a credit.",
      over: false,
    });
  });

  it("estimates oldest first for a patient with no line filled in, up to what they owe", () => {
    const totals = runningTotals(patientForm({ amount: "$100" }), {}, [3000, -500, 2500]);
    // Owed $30 + $25 = $55: the other $45 is more than the account owes.
    expect(totals).toEqual({ amount: 10000, applied: 5500, unapplied: 4500, oldestFirst: true, moreThanOwed: 4500 });
    expect(totalsText(totals).line).toBe("Applied $55.00 (oldest first) · Unapplied $45.00");
  });

  it("warns before Post when a patient pays more than the account owes: $9,999 against $1,100 leaves $8,899 as a credit", () => {
    const totals = runningTotals(patientForm({ amount: "$9,999" }), {}, [80000, 30000]);
    expect(totals).toEqual({ amount: 999900, applied: 110000, unapplied: 889900, oldestFirst: true, moreThanOwed: 889900 });
    expect(totalsText(totals)).toEqual({
      line: "Applied $1,100.00 (oldest first) · Unapplied $8,899.00",
      note: "$8,899.00 of this payment is more than the account owes: it will stay on the payment as a credit (refund it from Patient accounts › Credit balances).",
      over: false,
      warn: true,
    });
    // Lines typed: $9,999 with $300 on one line; $9,699 unapplied, of which $9,999 − $1,100 = $8,899 beyond what is owed.
    const typed = runningTotals(patientForm({ amount: "9999" }), { L1: line({ paid: "300" }) }, [80000, 30000]);
    expect(typed).toMatchObject({ applied: 30000, unapplied: 969900, moreThanOwed: 889900 });
    // An insurer's leftover is only unapplied: the account's patient shares are not what it owes.
    const insurer = totalsText(runningTotals(payerForm({ amount: "9999" }), { L1: line({ paid: "300" }) }, [80000, 30000]));
    expect(insurer).toEqual({
      line: "Applied $300.00 · Unapplied $9,699.00",
      note: "What is not applied stays on the payment as a credit.",
      over: false,
    });
  });

  it("says a negative amount is no payment, and not that the lines take more than it", () => {
    const totals = runningTotals(patientForm({ amount: "-50" }), { L1: line({ paid: "40" }) }, [5000]);
    expect(totals).toEqual({ amount: -5000, applied: 4000, unapplied: undefined, oldestFirst: false, refused: ABOVE_ZERO });
    expect(totalsText(totals)).toEqual({ line: "Applied $40.00 · Unapplied –", note: ABOVE_ZERO, over: true });
    // Oldest first takes nothing from a negative amount.
    expect(totalsText(runningTotals(patientForm({ amount: "($50.00)" }), {}, [5000]))).toEqual({
      line: "Applied $0.00 · Unapplied –",
      note: ABOVE_ZERO,
      over: true,
    });
  });

  it("flags lines that take more than the payment, and shows a dash until the amount reads", () => {
    const over = totalsText(runningTotals(payerForm({ amount: "10" }), { L1: line({ paid: "12.5" }) }, [0]));
    expect(over).toEqual({ line: "Applied $12.50 · Unapplied -$2.50", note: "The lines take $2.50 more than the payment.", over: true });
    expect(totalsText(runningTotals(payerForm({ amount: "abc" }), {}, [])).line).toBe("Applied $0.00 · Unapplied –");
    expect(totalsText(runningTotals(payerForm({ amount: "10" }), { L1: line({ paid: "10" }) }, [])).note).toBeUndefined();
  });
});

const preview: PreviewRow[] = [
  {
    table: "Payments",
    values: { PaymentID: "PM000042", Date: "2026-03-10", PayerID: null, PatientID: "P1", Method: "Card", Amount: "$50.00" },
  },
  { table: "Postings", values: { PostingID: "PS000101", PaymentID: "PM000042", ChargeID: "L1", Paid: "$30.00", Adjustment: null } },
  { table: "Postings", values: { PostingID: "PS000102", PaymentID: "PM000042", ChargeID: "L2", Paid: "$15.00", Adjustment: null } },
  { table: "Postings", values: { PostingID: "PS000103", PaymentID: "PM000042", ChargeID: "L2", Paid: null, "Patient Resp": "$4.00" } },
];

describe("what a plan's preview says", () => {
  it("fills each line's Paid from an oldest-first plan and clears the others", () => {
    const entries = entriesFromPreview(preview, { L1: line({ overpayment: true }), L7: line({ paid: "9" }) });
    expect(entries).toEqual({ L1: line({ paid: "$30.00", overpayment: true }), L2: line({ paid: "$15.00" }) });
  });

  it("totals the money and says it after posting", () => {
    const totals = postedTotals(preview);
    expect(totals).toEqual({ paymentId: "PM000042", received: 5000, paid: 4500, adjusted: 0, patientResp: 400, lines: 2, postings: 3 });
    expect(postedMessage("payment", totals)).toBe(
      "PM000042: $50.00 received, $45.00 applied to 2 lines, $4.00 moved to the patient; $5.00 left unapplied as a credit on the payment.",
    );
    expect(postedMessage("payment", { ...totals, paid: 5000, patientResp: 0, lines: 1 })).toBe(
      "PM000042: $50.00 received, $50.00 applied to 1 line; nothing left unapplied.",
    );
  });

  it("says a reversal and a refund in their own words", () => {
    const reversal: PreviewRow[] = [
      { table: "Postings", values: { PostingID: "PS9", ChargeID: "L1", Paid: "-$30.00", Adjustment: "-$20.00", Reverses: "PS1" } },
      { table: "Postings", values: { PostingID: "PS10", ChargeID: "L1", Paid: "-$15.00", Reverses: "PS2" } },
    ];
    expect(postedMessage("reversal", postedTotals(reversal))).toBe(
      "Reversed with 2 new rows on 1 line: $45.00 paid, $20.00 adjusted taken back. The original rows stay as they were.",
    );
    const refund: PreviewRow[] = [
      { table: "Payments", values: { PaymentID: "PM000050", Amount: "-$12.00", Reference: "REFUND PM000042" } },
    ];
    expect(postedMessage("refund", postedTotals(refund))).toBe("Refund PM000050 of $12.00 recorded against the payment's credit.");
  });
});
