// Every refusal of the posting plans, with the biller's message, run through the panel's flow
// (read, plan, apply only a plan): each shows the workbook's write is never reached and not a cell
// of the workbook changes.
import { describe, expect, it, vi } from "vitest";
import type { Ledger } from "../../src/ledger/ledger";
import {
  insurancePaymentPlan,
  officeAdjustmentPlan,
  patientPaymentPlan,
  refundPlan,
  reversalPlan,
  type NewPayment,
  type PlanContext,
  type PlanResult,
} from "../../src/ledger/postingPlans";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { ledgerWorkbook, payment, posting, reversal, type FixtureTables } from "./ledgerFixtures";
import { postThroughPanel, practiceBooks, problemsOf } from "./postingPlansFlow";

const L1 = "Line L1 (99213 on 2026-01-05)";
const L3 = "Line L3 (99213 on 2026-01-02)";
const L4 = "Line L4 (99213 on 2026-01-10)";
const MCR_CHECK: NewPayment = { from: { payerId: "MCR" }, date: "2026-02-20", method: "Check", reference: "12345", amount: 10000 };
const P1_CARD: NewPayment = { from: { patientId: "P1" }, date: "2026-02-20", method: "Card", reference: "AUTH 1", amount: 5000 };
const METHODS = "Check, EFT, ACH, Cash, Card, ERA, Other";
const ABOVE_ZERO = "A payment is an amount above $0.00: to give money back use Refund… (Reconcile), to undo a posting use Reverse.";

/** Run the plan through the panel on `book` and return its problems, having checked nothing was written. */
async function refused(book: MemoryWorkbook, makePlan: (ledger: Ledger, ctx: PlanContext) => PlanResult): Promise<string[]> {
  const before = structuredClone(book.sheets);
  const write = vi.spyOn(book, "write");
  const problems = problemsOf(await postThroughPanel(book, makePlan));
  expect(write).not.toHaveBeenCalled();
  expect(book.sheets).toEqual(before);
  return problems;
}

const onPractice = (makePlan: (ledger: Ledger, ctx: PlanContext) => PlanResult) => refused(ledgerWorkbook(practiceBooks()), makePlan);

describe("insurancePaymentPlan refuses", () => {
  const cases: [string, Partial<NewPayment>, Parameters<typeof insurancePaymentPlan>[3], string[]][] = [
    [
      "more than a line's balance without saying it is an overpayment",
      { amount: 15000 },
      [{ chargeId: "L1", paid: 12000, adjustments: [{ group: "CO", reason: "45", amount: 3000 }] }],
      [`${L1}: $150.00 applied but its balance is $100.00; tick 'overpayment' to post it as one.`],
    ],
    ["a line that doesn't exist", {}, [{ chargeId: "L99", paid: 100 }], ["Line L99: there is no such line in the Charges table."]],
    [
      "applications that exceed the payment",
      {},
      [
        { chargeId: "L1", paid: 6000 },
        { chargeId: "L4", paid: 6000 },
      ],
      ["The lines take $120.00 paid but the payment is $100.00: lower the paid amounts or correct the payment amount."],
    ],
    [
      "a payer that isn't in Payers",
      { from: { payerId: "BCBS" } },
      [{ chargeId: "L1", paid: 100 }],
      [`There is no payer "BCBS" in the Payers table.`],
    ],
    [
      "money from the self-pay account",
      { from: { payerId: "SELF" } },
      [{ chargeId: "L1", paid: 100 }],
      ["SELF is the self-pay account, not an insurer: post the money as a patient payment."],
    ],
    [
      "a patient's money",
      { from: { patientId: "P1" } },
      [{ chargeId: "L1", paid: 100 }],
      ["An insurance payment comes from a payer: choose the payer, or post a patient's money as a patient payment."],
    ],
    [
      "negative paid, adjustment and patient responsibility",
      {},
      [
        {
          chargeId: "L1",
          paid: -500,
          adjustments: [{ group: "CO", reason: "45", amount: -100 }],
          patientResp: [{ reason: "1", amount: -200 }],
        },
      ],
      [
        `${L1}: paid -$5.00 is negative; to take money back, reverse the posting instead.`,
        `${L1}: the CO adjustment -$1.00 is negative; to take money back, reverse the posting instead.`,
        `${L1}: patient responsibility -$2.00 is negative; to take money back, reverse the posting instead.`,
      ],
    ],
    ["a negative payment", { amount: -10000 }, [{ chargeId: "L1", paid: 0, patientResp: [{ reason: "1", amount: 100 }] }], [ABOVE_ZERO]],
    ["a zero payment with nothing to record", { amount: 0 }, [], [ABOVE_ZERO]],
    // Only the amount is wrong: "the lines take $10.00 paid but the payment is $0.00" would repeat it.
    ["a zero payment whose lines are paid", { amount: 0 }, [{ chargeId: "L1", paid: 1000 }], [ABOVE_ZERO]],
    ["an amount that is not whole cents", { amount: 100.5 }, [], [`The payment amount "100.5" is not an amount in whole cents.`]],
    [
      "a group that isn't one, and adjustments without a reason code or with a bad one",
      {},
      [
        {
          chargeId: "L1",
          paid: 1000,
          adjustments: [
            { group: "XX" as "CO", reason: "45", amount: 100 },
            { group: "CO", amount: 100 },
            { group: "OA", reason: "4500", amount: 100 },
          ],
          patientResp: [{ reason: "", amount: 100 }],
        },
      ],
      [
        `${L1}: "XX" is not an adjustment group (use CO, OA, PI, or WO for an office write-off).`,
        `${L1}: the CO adjustment needs a reason code (CARC), such as 45.`,
        `${L1}: "4500" is not a reason code (CARC codes are 1 to 3 letters or digits, such as 45 or B7).`,
        `${L1}: patient responsibility needs a reason: 1 deductible, 2 coinsurance, 3 copay (or another reason code).`,
      ],
    ],
    [
      "a date that is not a date",
      { date: "2026-02-30" },
      [{ chargeId: "L1", paid: 100 }],
      [`The payment date "2026-02-30" is not a date (write it like 2026-03-05).`],
    ],
    [
      "a US-style date",
      { date: "2/20/2026" },
      [{ chargeId: "L1", paid: 100 }],
      [`The payment date "2/20/2026" is not a date (write it like 2026-03-05).`],
    ],
    [
      "a date in the future",
      { date: "2026-03-02" },
      [{ chargeId: "L1", paid: 100 }],
      ["The payment date 2026-03-02 is in the future (today is 2026-03-01)."],
    ],
    [
      "a method that isn't one",
      { method: "Bitcoin" },
      [{ chargeId: "L1", paid: 100 }],
      [`"Bitcoin" is not a payment method (use one of: ${METHODS}).`],
    ],
    [
      "a line with nothing on it",
      {},
      [{ chargeId: "L1" }, { chargeId: "L4", paid: 0, patientResp: [{ reason: "2", amount: 0 }] }],
      [
        `${L1}: nothing to post on it (no paid amount, adjustment or patient responsibility).`,
        `${L4}: nothing to post on it (no paid amount, adjustment or patient responsibility).`,
      ],
    ],
  ];
  it.each(cases)("%s", async (_name, change, lines, expected) => {
    expect(await onPractice((ledger, ctx) => insurancePaymentPlan(ledger, ctx, { ...MCR_CHECK, ...change }, lines))).toEqual(expected);
  });

  it("with every problem at once, not just the first", async () => {
    const problems = await onPractice((ledger, ctx) =>
      insurancePaymentPlan(ledger, ctx, { ...MCR_CHECK, date: "2027-01-01", method: "IOU", amount: 1000 }, [
        { chargeId: "L1", paid: 50000 },
        { chargeId: "NOPE", paid: 1 },
      ]),
    );
    expect(problems).toEqual([
      "The payment date 2027-01-01 is in the future (today is 2026-03-01).",
      `"IOU" is not a payment method (use one of: ${METHODS}).`,
      "Line NOPE: there is no such line in the Charges table.",
      `${L1}: $500.00 applied but its balance is $100.00; tick 'overpayment' to post it as one.`,
      "The lines take $500.00 paid but the payment is $10.00: lower the paid amounts or correct the payment amount.",
    ]);
  });

  it("when the lines of one payment, added up, exceed a line's balance", async () => {
    expect(
      await onPractice((ledger, ctx) =>
        insurancePaymentPlan(ledger, ctx, MCR_CHECK, [
          { chargeId: "L1", paid: 6000 },
          { chargeId: "L1", paid: 4000, adjustments: [{ group: "CO", reason: "45", amount: 1 }] },
        ]),
      ),
    ).toEqual([`${L1}: $100.01 applied but its balance is $100.00; tick 'overpayment' to post it as one.`]);
  });
});

describe("patientPaymentPlan refuses", () => {
  const cases: [string, Partial<NewPayment>, Parameters<typeof patientPaymentPlan>[3], string[]][] = [
    ["a line on another account", {}, [{ chargeId: "L4", paid: 1000 }], [`${L4}: it is on account P2, not P1.`]],
    [
      "payer adjustments and patient responsibility with a patient's money",
      {},
      [
        {
          chargeId: "L3",
          paid: 1000,
          adjustments: [{ group: "CO", reason: "45", amount: 100 }],
          patientResp: [{ reason: "1", amount: 100 }],
        },
      ],
      [
        `${L3}: a CO adjustment comes from a payer's remittance, not with a patient's payment (an office write-off is WO).`,
        `${L3}: patient responsibility comes from a payer's remittance, not with a patient's payment.`,
      ],
    ],
    [
      "an account with no lines",
      { from: { patientId: "P9" } },
      "oldest-first",
      ["Account P9 has no lines in the Charges table: check the account number."],
    ],
    [
      "a payer's money",
      { from: { payerId: "MCR" } },
      "oldest-first",
      ["A patient payment comes from a patient's account: choose the account, or post an insurer's money as an insurance payment."],
    ],
    ["a zero payment", { amount: 0 }, "oldest-first", [ABOVE_ZERO]],
    ["a negative payment applied to a line", { amount: -5000 }, [{ chargeId: "L3", paid: 5000 }], [ABOVE_ZERO]],
    [
      "more than the line's balance",
      { amount: 9000 },
      [{ chargeId: "L3", paid: 9000 }],
      [`${L3}: $90.00 applied but its balance is $80.00; tick 'overpayment' to post it as one.`],
    ],
    [
      "a write-off of nothing",
      {},
      [{ chargeId: "L3", paid: 1000, adjustments: [{ group: "WO", reason: "x", amount: 0 }] }],
      [`${L3}: the WO adjustment is $0.00: enter an amount above zero.`],
    ],
  ];
  it.each(cases)("%s", async (_name, change, lines, expected) => {
    expect(await onPractice((ledger, ctx) => patientPaymentPlan(ledger, ctx, { ...P1_CARD, ...change }, lines))).toEqual(expected);
  });
});

describe("officeAdjustmentPlan refuses", () => {
  const adj = { chargeId: "L1", amount: 1000, kind: "bad debt" as const, reason: "sent to collections", date: "2026-02-28" };
  const cases: [string, Parameters<typeof officeAdjustmentPlan>[2], string[]][] = [
    [
      "more than the balance",
      [
        { ...adj, amount: 6000 },
        { ...adj, amount: 5000 },
      ],
      [`${L1}: $110.00 written off but its balance is $100.00.`],
    ],
    ["nothing", [{ ...adj, amount: 0 }], [`${L1}: the write-off is $0.00: enter an amount above zero.`]],
    [
      "a negative write-off",
      [{ ...adj, amount: -100 }],
      [`${L1}: the write-off -$1.00 is negative; to undo a write-off, reverse its posting.`],
    ],
    ["another reason left unsaid", [{ ...adj, kind: "other", reason: "  " }], [`${L1}: say why the office is adjusting it.`]],
    [
      "a kind that isn't one",
      [{ ...adj, kind: "mercy" as "other" }],
      [`${L1}: "mercy" is not a kind of write-off (use small balance, bad debt, courtesy or other).`],
    ],
    ["a future date", [{ ...adj, date: "2026-03-05" }], [`${L1}: the write-off date 2026-03-05 is in the future (today is 2026-03-01).`]],
    ["a line that doesn't exist", [{ ...adj, chargeId: "L77" }], ["Line L77: there is no such line in the Charges table."]],
    ["an empty list", [], ["Choose at least one line to write off."]],
  ];
  it.each(cases)("%s", async (_name, list, expected) => {
    expect(await onPractice((ledger, ctx) => officeAdjustmentPlan(ledger, ctx, list))).toEqual(expected);
  });
});

describe("refundPlan refuses", () => {
  // PM1 from P1: $50.00, $30.00 of it applied to L3; PM2 refunded $5.00 of it already.
  const books = (): FixtureTables => ({
    ...practiceBooks(),
    payments: [
      payment("PM1", 5000, { patientId: "P1", date: "2026-02-10" }),
      payment("PM2", -500, { patientId: "P1", date: "2026-02-12", reference: "REFUND PM1" }),
    ],
    postings: [posting("PS1", "L3", { paymentId: "PM1", paid: 3000 })],
  });
  const ask = { paymentId: "PM1", amount: 1500, date: "2026-02-20", method: "Check", reason: "Overpaid copay" };
  const cases: [string, Partial<typeof ask>, string[]][] = [
    [
      "more than the payment's unapplied credit",
      { amount: 1501 },
      ["The refund of $15.01 is more than the $15.00 still unapplied on PM1 (payment $50.00, applied $30.00, refunded $5.00)."],
    ],
    ["a payment that doesn't exist", { paymentId: "PM9" }, [`There is no payment "PM9" in the Payments table.`]],
    ["a refund of a refund", { paymentId: "PM2" }, ["PM2 is itself a refund: choose the payment it refunds."]],
    ["a refund dated before the payment", { date: "2026-02-01" }, ["The refund date 2026-02-01 is before the date of PM1 (2026-02-10)."]],
    ["nothing", { amount: 0 }, ["The refund is $0.00: enter an amount above zero."]],
    ["a negative refund", { amount: -100 }, ["The refund -$1.00 is negative; enter the amount given back as a positive amount."]],
    ["a method that isn't one", { method: "Venmo" }, [`"Venmo" is not a payment method (use one of: ${METHODS}).`]],
    ["no reason", { reason: "  " }, ["Say why the money is refunded: the refund register needs a reason."]],
  ];
  it.each(cases)("%s", async (_name, change, expected) => {
    expect(await refused(ledgerWorkbook(books()), (ledger, ctx) => refundPlan(ledger, ctx, { ...ask, ...change }))).toEqual(expected);
  });
});

describe("reversalPlan refuses", () => {
  const first = posting("PS1", "L1", { paymentId: "PM000812", paid: 5000 });
  const books = (): FixtureTables => ({
    ...practiceBooks(),
    postings: [
      first,
      reversal("PS2", first, { date: "2026-02-05" }),
      posting("PS3", "L1", { paymentId: "PM000812", paid: 1000, date: "2026-02-10" }),
    ],
  });
  const cases: [string, string[], string, string[]][] = [
    [
      "a reversal of a reversal",
      ["PS2"],
      "2026-02-20",
      ["PS2 is itself a reversal (of PS1) and cannot be reversed: post the right amounts as a new posting instead."],
    ],
    ["a posting already reversed", ["PS1"], "2026-02-20", ["PS1 was already reversed by PS2."]],
    ["a posting that doesn't exist", ["PS9"], "2026-02-20", [`There is no posting "PS9" in the Postings table.`]],
    [
      "a reversal dated before the posting",
      ["PS3"],
      "2026-02-09",
      ["The reversal date 2026-02-09 is before the date of PS3 (2026-02-10)."],
    ],
    ["a reversal dated in the future", ["PS3"], "2026-03-09", ["The reversal date 2026-03-09 is in the future (today is 2026-03-01)."]],
    ["nothing chosen", [], "2026-02-20", ["Choose at least one posting to reverse."]],
  ];
  it.each(cases)("%s", async (_name, ids, date, expected) => {
    expect(await refused(ledgerWorkbook(books()), (ledger, ctx) => reversalPlan(ledger, ctx, ids, date))).toEqual(expected);
  });
});

describe("posting plans refuse a workbook without the tables or columns they write", () => {
  function without(table: string): MemoryWorkbook {
    const book = ledgerWorkbook(practiceBooks());
    return new MemoryWorkbook(book.sheets.filter((s) => s.name !== table));
  }
  function renamed(table: string, header: string, to: string): MemoryWorkbook {
    const book = ledgerWorkbook(practiceBooks());
    const headers = book.sheets.find((s) => s.name === table)!.table!.headers;
    headers[headers.indexOf(header)] = to;
    return book;
  }
  const l1Paid = [{ chargeId: "L1", paid: 1000 }];

  it("no Payments table: Setup creates it", async () => {
    expect(await refused(without("Payments"), (ledger, ctx) => insurancePaymentPlan(ledger, ctx, MCR_CHECK, l1Paid))).toEqual([
      "The workbook has no Payments table: run Setup to create it.",
    ]);
  });

  it("no Postings table", async () => {
    expect(
      await refused(without("Postings"), (ledger, ctx) =>
        officeAdjustmentPlan(ledger, ctx, [{ chargeId: "L1", amount: 100, kind: "courtesy", reason: "", date: "2026-02-20" }]),
      ),
    ).toEqual(["The workbook has no Postings table: run Setup to create it."]);
  });

  it("a Postings table without its ChargeID column", async () => {
    expect(
      await refused(renamed("Postings", "ChargeID", "Line Item"), (ledger, ctx) => insurancePaymentPlan(ledger, ctx, MCR_CHECK, l1Paid)),
    ).toEqual([
      `The Postings table has no "ChargeID" column: add a column headed "ChargeID" (Setup creates Postings with all its columns in a new workbook).`,
    ]);
  });

  it("a Postings table without a Patient Resp column, only when the payment moves money to the patient", async () => {
    const book = renamed("Postings", "Patient Resp", "Memo 2");
    expect(
      await refused(book, (ledger, ctx) =>
        insurancePaymentPlan(ledger, ctx, MCR_CHECK, [{ chargeId: "L1", paid: 1000, patientResp: [{ reason: "2", amount: 500 }] }]),
      ),
    ).toEqual([
      `The Postings table has no "Patient Resp" column: add a column headed "Patient Resp" (Setup creates Postings with all its columns in a new workbook).`,
    ]);
    const result = await postThroughPanel(book, (ledger, ctx) => insurancePaymentPlan(ledger, ctx, MCR_CHECK, l1Paid));
    expect(result.ok).toBe(true);
  });

  it("a reversal in a Postings table with no Reverses column", async () => {
    expect(
      await refused(renamed("Postings", "Reverses", "Extra"), (ledger, ctx) => reversalPlan(ledger, ctx, ["PS0000001"], "2026-02-20")),
    ).toEqual([
      `The Postings table has no "Reverses" column: add a column headed "Reverses" (Setup creates Postings with all its columns in a new workbook).`,
    ]);
  });

  it("a write-off whose reason would have nowhere to go", async () => {
    expect(
      await refused(renamed("Postings", "Note", "Other"), (ledger, ctx) =>
        officeAdjustmentPlan(ledger, ctx, [{ chargeId: "L1", amount: 100, kind: "bad debt", reason: "moved away", date: "2026-02-20" }]),
      ),
    ).toEqual([
      `The Postings table has no "Note" column: add a column headed "Note" (Setup creates Postings with all its columns in a new workbook).`,
    ]);
  });

  it("a refund in a Payments table with no Reference column to say what it refunds", async () => {
    const book = renamed("Payments", "Reference", "Ref Text");
    expect(
      await refused(book, (ledger, ctx) =>
        refundPlan(ledger, ctx, { paymentId: "PM000812", amount: 1, date: "2026-02-20", method: "Check", reason: "Overpaid" }),
      ),
    ).toEqual([
      "The refund of $0.01 is more than the $0.00 still unapplied on PM000812 (payment $150.00, applied $150.00, refunded $0.00).",
      `The Payments table has no "Reference" column: add a column headed "Reference" (Setup creates Payments with all its columns in a new workbook).`,
    ]);
  });
});
