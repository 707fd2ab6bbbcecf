// The one refund plan on the credits it refunds: a payment's unapplied money, a line paid twice (its
// overpayment taken off the line first), the register row, the refusals in words, and "record the
// check" on the register row later. Through a memory workbook, read and written as the pane does.
import { describe, expect, it } from "vitest";
import { creditBalances } from "../../src/credits/creditBalances";
import { readRegister, recordCheckPlan } from "../../src/credits/refundRegister";
import { refundPlan, type Refund } from "../../src/credits/refundPlan";
import { isoToSerial } from "../../src/dates";
import { paymentStatuses } from "../../src/ledger/balances";
import { readLedger } from "../../src/ledger/ledger";
import { applyPlan } from "../../src/workbook/plan";
import { ledgerWorkbook } from "../ledger/ledgerFixtures";
import { NOW, planInputs, planOf, postThroughPanel, problemsOf } from "../ledger/postingPlansFlow";
import { AS_OF, creditBooks } from "./creditFixtures";

const ask = (change: Partial<Refund>): Refund => ({
  amount: 8000,
  date: "2026-02-25",
  method: "Check",
  reason: "Medicare paid the claim twice",
  ...change,
});

describe("refundPlan on a line paid twice", () => {
  it("takes the overpayment off the line from the payment that made it, refunds it, and writes the register row", async () => {
    const book = ledgerWorkbook(creditBooks());
    const result = planOf(await postThroughPanel(book, (ledger, ctx) => refundPlan(ledger, ctx, ask({ chargeId: "L1", to: "payer" }))));
    expect(result.plan.what).toBe("refund RF000001 of $80.00 to the payer from PM3 taken off line L1 by check (PM8)");
    const [payments, postings, create, register] = result.plan.ops;
    expect(postings).toMatchObject({
      kind: "appendRows",
      table: "Postings",
      rows: [{ PostingID: "PS6", PaymentID: "PM3", ChargeID: "L1", Paid: -80, Note: "Overpayment taken off for refund RF000001" }],
    });
    expect(payments).toMatchObject({
      kind: "appendRows",
      table: "Payments",
      rows: [{ PaymentID: "PM8", PayerID: "MCR", Reference: "REFUND PM3", Amount: -80 }],
    });
    // The register is made empty, then the row appended, so the row carries its plan's id for Record check.
    expect(create).toMatchObject({ kind: "createTable", table: "Refunds", rows: undefined });
    expect(register).toMatchObject({
      kind: "appendRows",
      table: "Refunds",
      rows: [{ RefundID: "RF000001", Reason: "Medicare paid the claim twice" }],
    });
    expect(result.preview.map((r) => r.table)).toEqual(["Payments", "Postings", "Refunds"]);
    expect(result.predicted.map((l) => [l.chargeId, l.balance])).toEqual([["L1", 0]]);

    // Read back: L1 owes nothing, PM3 is fully refunded, and the register holds the row.
    const { ledger, tables, dateSystem } = await readLedger(book);
    expect(ledger.issues).toEqual([]);
    expect(creditBalances(ledger, AS_OF).map((c) => c.paymentId)).toEqual(["PM6", "PM1", "PM4"]);
    expect(paymentStatuses(ledger).find((s) => s.paymentId === "PM3")).toMatchObject({ applied: 0, refunded: 8000, unapplied: 0 });
    const read = readRegister((await book.readTables(["Refunds"])).Refunds, dateSystem);
    expect(read.problems).toEqual([]);
    expect(read.entries).toMatchObject([
      {
        refundId: "RF000001",
        date: "2026-02-25",
        to: "Payer",
        patientId: "P1",
        payerId: "MCR",
        paymentId: "PM8",
        amount: 8000,
        reason: "Medicare paid the claim twice",
        identified: "2026-02-20",
        paid: false,
      },
    ]);
    expect(tables.Payments).toBeDefined();
  });

  it("refuses in words: the wrong recipient, more than the credit, no reason, a line with no credit, an unknown payment", async () => {
    const book = ledgerWorkbook(creditBooks());
    const refused = async (change: Partial<Refund>) =>
      problemsOf(await postThroughPanel(book, (l, ctx) => refundPlan(l, ctx, ask(change))));
    expect(await refused({ chargeId: "L1", to: "Patient" })).toEqual([
      "PM3 is the payer's (MCR) money: its credit goes back to the payer, not the patient.",
    ]);
    expect(await refused({ chargeId: "L1", amount: 8001 })).toEqual([
      "The refund of $80.01 is more than the $80.00 Line L1 (99213 on 2026-01-05) was paid beyond what it owes from PM3.",
    ]);
    expect(await refused({ chargeId: "L1", reason: " " })).toEqual(["Say why the money is refunded: the refund register needs a reason."]);
    expect(await refused({ chargeId: "L3" })).toEqual([
      "Line L3 (99213 on 2026-01-05) has no credit to refund: it is not paid beyond what it owes.",
    ]);
    expect(await refused({ chargeId: "L1", paymentId: "PM2" })).toEqual([
      "Line L1 (99213 on 2026-01-05): its credit is not from PM2 (it is from PM3).",
    ]);
    expect(await refused({ paymentId: "PM99" })).toEqual([`There is no payment "PM99" in the Payments table.`]);
    expect(await refused({})).toEqual(["Choose the payment or the line whose credit is refunded."]);
    expect(await refused({ paymentId: "PM1", to: "someone" })).toEqual([
      "The refund of $80.00 is more than the $20.00 still unapplied on PM1 (payment $25.00, applied $0.00, refunded $5.00).",
      `"someone" is not who a refund goes to (use patient or payer).`,
    ]);
    // Nothing was written by any of them.
    expect((await book.describe()).tables.map((t) => t.name)).not.toContain("Refunds");
  });
});

describe("refundPlan on a payment's unapplied money, then Record check", () => {
  it("numbers the register on from RF000001, identifies the credit on the payment's date, and records the check once", async () => {
    const book = ledgerWorkbook(creditBooks());
    planOf(await postThroughPanel(book, (l, ctx) => refundPlan(l, ctx, ask({ chargeId: "L1" }))));
    const second = planOf(
      await postThroughPanel(book, (l, ctx) =>
        refundPlan(l, ctx, {
          ...ask({ paymentId: "PM1", to: "Patient", amount: 2000 }),
          reason: "Prepaid, no balance due",
          reference: "=1+1",
        }),
      ),
    );
    expect(second.plan.what).toBe("refund RF000002 of $20.00 to the patient from PM1 by check =1+1 (PM9)");
    expect(second.plan.ops.map((op) => [op.kind, "table" in op ? op.table : ""])).toEqual([
      ["appendRows", "Payments"],
      ["appendRows", "Refunds"],
    ]);
    const { ctx } = await planInputs(book);
    const register = readRegister(ctx.tables.Refunds, ctx.dateSystem);
    expect(register.entries.map((e) => [e.refundId, e.to, e.patientId, e.payerId, e.amount, e.identified, e.checkNumber, e.paid])).toEqual([
      ["RF000001", "Payer", "P1", "MCR", 8000, "2026-02-20", undefined, false],
      // The check number is kept as the text typed, never a formula.
      ["RF000002", "Patient", "P1", undefined, 2000, "2026-02-01", "=1+1", true],
    ]);

    const recorded = recordCheckPlan(
      ctx.tables.Refunds,
      ctx.dateSystem,
      { refundId: "rf000001", checkNumber: "10442", date: "2026-02-27" },
      AS_OF,
    );
    if (!recorded.ok) throw new Error(recorded.problems.join(" "));
    expect(recorded.plan.what).toBe("refund RF000001: check 10442 paid 2026-02-27");
    expect(recorded.plan.ops).toEqual([
      {
        kind: "updateRows",
        table: "Refunds",
        plan: register.entries[0].plan,
        values: { "Check #": "10442", "Paid Date": isoToSerial("2026-02-27") },
      },
    ]);
    await applyPlan(book, recorded.plan, NOW);
    const after = readRegister((await book.readTables(["Refunds"])).Refunds, ctx.dateSystem);
    expect(after.entries.map((e) => [e.refundId, e.checkNumber, e.paidDate, e.paid])).toEqual([
      ["RF000001", "10442", "2026-02-27", true],
      ["RF000002", "=1+1", "2026-02-25", true],
    ]);
    const audit = (await book.readSheet("Audit"))!;
    expect(audit[audit.length - 1].slice(1, 3)).toEqual(["Refund check", "refund RF000001: check 10442 paid 2026-02-27"]);

    const again = recordCheckPlan(
      (await book.readTables(["Refunds"])).Refunds,
      ctx.dateSystem,
      { refundId: "RF000001", checkNumber: "", date: "2026-02-20" },
      AS_OF,
    );
    expect(again).toEqual({
      ok: false,
      problems: [
        "Enter the check number of the refund.",
        "RF000001 was already paid by check 10442 on 2026-02-27: a check is recorded once (void and reissue it by hand in the Refunds sheet).",
        "The paid date 2026-02-20 is before the refund was issued (2026-02-25).",
      ],
    });
    expect(recordCheckPlan(undefined, 1900, { refundId: "RF1", checkNumber: "1", date: AS_OF }, AS_OF)).toEqual({
      ok: false,
      problems: ["The workbook has no Refunds table: a refund is recorded there when it is issued."],
    });
  });
});
