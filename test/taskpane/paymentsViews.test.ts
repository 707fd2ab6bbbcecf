// The Post payments panel's preview tables, posting search and Reconcile view, apart from React.
import { describe, expect, it } from "vitest";
import { paymentStatuses } from "../../src/ledger/balances";
import type { PreviewRow } from "../../src/ledger/postingPlans";
import type { DepositLine } from "../../src/ledger/depositReconciliation";
import { firstNewRow, previewTables } from "../../taskpane/payments/planPreview";
import { findPostings, postingMoney } from "../../taskpane/payments/postingSearch";
import {
  creditsToRefund,
  defaultRange,
  depositName,
  depositsInOrder,
  newRefundForm,
  readRange,
  readRefundForm,
  reconcileHeadline,
} from "../../taskpane/payments/reconcileView";
import { charge, ledgerOf, payment, posting, reversal } from "../ledger/ledgerFixtures";

describe("the preview of a plan's rows", () => {
  const preview: PreviewRow[] = [
    {
      table: "Payments",
      values: {
        PaymentID: "PM000042",
        Date: "2026-03-10",
        PayerID: null,
        PatientID: "P1",
        Method: "Card",
        Reference: "",
        Amount: "$50.00",
      },
    },
    {
      table: "Postings",
      values: {
        PostingID: "PS000101",
        PaymentID: "PM000042",
        ChargeID: "L1",
        Date: "2026-03-10",
        Paid: "$30.00",
        Reverses: null,
        Source: "Manual",
      },
    },
    {
      table: "Postings",
      values: {
        PostingID: "PS000102",
        PaymentID: "PM000042",
        ChargeID: "L2",
        Date: "2026-03-10",
        Paid: "$20.00",
        Reverses: null,
        Source: "Manual",
      },
    },
  ];

  it("gives each sheet a table of the columns that hold something, in the table's order", () => {
    const [payments, postings] = previewTables(preview);
    expect(payments).toEqual({
      table: "Payments",
      title: "Payments: 1 new row",
      shared: [],
      columns: ["PaymentID", "Date", "PatientID", "Method", "Amount"],
      rows: [["PM000042", "2026-03-10", "P1", "Card", "$50.00"]],
      // Five columns don't fit side by side in a narrow pane.
      layout: "records",
    });
    expect(postings.title).toBe("Postings: 2 new rows");
    // What every row shares is said once, so the table keeps to what differs.
    expect(postings.shared).toEqual([
      { column: "PaymentID", value: "PM000042" },
      { column: "Date", value: "2026-03-10" },
      { column: "Source", value: "Manual" },
    ]);
    expect(postings.columns).toEqual(["PostingID", "ChargeID", "Paid"]);
    expect(postings.rows).toEqual([
      ["PS000101", "L1", "$30.00"],
      ["PS000102", "L2", "$20.00"],
    ]);
    expect(postings.layout).toBe("columns");
  });

  it("keeps a column a later row adds, and shows numbers as text", () => {
    const [t] = previewTables([
      { table: "Postings", values: { PostingID: "A", Paid: "$1.00" } },
      { table: "Postings", values: { PostingID: "B", Paid: "$1.00", Reason: 45 } },
    ]);
    expect(t.columns).toEqual(["PostingID", "Reason"]);
    expect(t.rows).toEqual([
      ["A", ""],
      ["B", "45"],
    ]);
    expect(t.shared).toEqual([{ column: "Paid", value: "$1.00" }]);
  });

  it("finds where the new rows begin, under the office's own header", () => {
    const info = {
      tables: [
        { name: "Postings", sheet: "Posting log", headerRow: 3, rowCount: 12, headers: ["Posting #", "Charge ID", "Date"] },
        { name: "Payments", sheet: "Payments", headerRow: 1, rowCount: 5, headers: ["PaymentID"] },
      ],
    };
    expect(firstNewRow(info, preview)).toEqual({ table: "Postings", sheet: "Posting log", row: 14, bodyIndex: 10, column: "Posting #" });
    expect(firstNewRow(info, [preview[0]])).toEqual({ table: "Payments", sheet: "Payments", row: 6, bodyIndex: 4, column: "PaymentID" });
    expect(firstNewRow(info, [])).toBeUndefined();
  });
});

describe("finding postings to reverse", () => {
  const original = posting("PS3", "L2", { paymentId: "PM2", paid: 4000, adjustment: 6000, group: "CO", reason: "45" });
  const ledger = ledgerOf({
    charges: [charge("L1"), charge("L2", { claimId: "CL2", dos: "2026-01-09", mod1: "25" })],
    payments: [payment("PM1", 1000), payment("PM2", 4000)],
    postings: [
      posting("PS1", "L1", { paymentId: "PM1", paid: 1000 }),
      posting("PS2", "L1", { paymentId: "PM1", group: "PR", reason: "2", patientResp: 500 }),
      original,
      reversal("PS4", original),
    ],
  });

  it("matches a PostingID, PaymentID, ChargeID or ClaimID by its start, newest first", () => {
    expect(findPostings(ledger, "pm1").shown.map((p) => p.postingId)).toEqual(["PS2", "PS1"]);
    expect(findPostings(ledger, "CL2").shown.map((p) => p.postingId)).toEqual(["PS4", "PS3"]);
    expect(findPostings(ledger, "PS").total).toBe(4);
    expect(findPostings(ledger, "PS", 2)).toMatchObject({ total: 4, shown: [{ postingId: "PS4" }, { postingId: "PS3" }] });
    expect(findPostings(ledger, "  ")).toEqual({ shown: [], total: 0 });
  });

  it("says each posting's money and line, and why a reversal or a reversed posting can't be picked", () => {
    const [ps4, ps3] = findPostings(ledger, "L2").shown;
    expect(ps3).toEqual({
      postingId: "PS3",
      date: "2026-02-01",
      chargeId: "L2",
      line: "2026-01-09 99213-25",
      paymentId: "PM2",
      money: "Paid $40.00 · CO-45 $60.00",
      blocked: "Already reversed by PS4.",
    });
    expect(ps4.blocked).toBe("This row reverses PS3: to undo it, post the correction again.");
    expect(findPostings(ledger, "PS1").shown[0].blocked).toBeUndefined();
  });

  it("words amounts the way the EOB does", () => {
    expect(postingMoney({ group: "PR", reason: "1", patientResp: 2500 })).toBe("PR-1 $25.00");
    expect(postingMoney({ paid: 0, adjustment: 0, group: "CO", reason: "97" })).toBe("Paid $0.00");
    expect(postingMoney({ adjustment: 0, group: "CO", reason: "97" })).toBe("CO-97 $0.00");
    expect(postingMoney({ adjustment: 1500, group: "WO" })).toBe("WO $15.00");
    expect(postingMoney({})).toBe("No amount");
  });
});

describe("the Reconcile view", () => {
  it("starts on the last 30 days and reads a typed range, refusing one that runs backwards", () => {
    expect(defaultRange("2026-03-10")).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(readRange("3/1/2026", "2026-03-31")).toEqual({ ok: true, from: "2026-03-01", to: "2026-03-31" });
    expect(readRange("2026-03-31", "3/1/2026")).toEqual({ ok: false, to: "The last day is before the first day." });
    expect(readRange("", "3/45/2026")).toEqual({
      ok: false,
      from: "Enter the first day to reconcile.",
      to: '"3/45/2026" is not a real calendar date.',
    });
  });

  const deposit = (fields: Partial<DepositLine>): DepositLine => ({
    date: "2026-03-02",
    method: "Check",
    reference: "1001",
    payments: ["PM1"],
    deposited: 1000,
    posted: 1000,
    unapplied: 0,
    ties: true,
    ...fields,
  });

  it("lists the deposits that don't tie first, and names each by method and reference", () => {
    const ordered = depositsInOrder([
      deposit({ date: "2026-03-01" }),
      deposit({ date: "2026-03-05", ties: false }),
      deposit({ date: "2026-03-03", ties: false }),
    ]);
    expect(ordered.map((d) => [d.date, d.ties])).toEqual([
      ["2026-03-03", false],
      ["2026-03-05", false],
      ["2026-03-01", true],
    ]);
    expect(depositName(deposit({}))).toBe("Check 1001");
    expect(depositName(deposit({ method: "Cash", reference: " " }))).toBe("Cash (no reference)");
    expect(reconcileHeadline(0, 0)).toBe("No deposits in these dates.");
    expect(reconcileHeadline(1, 0)).toBe("1 deposit, every one ties out.");
    expect(reconcileHeadline(12, 1)).toBe("12 deposits, 1 doesn't tie out.");
    expect(reconcileHeadline(12, 2)).toBe("12 deposits, 2 don't tie out.");
  });

  it("lists the payments with unapplied money, oldest first, and reads a refund of it", () => {
    const ledger = ledgerOf({
      charges: [charge("L1", { payerId: "SELF" })],
      payments: [
        payment("PM2", 3000, { patientId: "P1", date: "2026-02-03" }),
        payment("PM1", 2000, { patientId: "P1", date: "2026-01-10" }),
        payment("PM3", 500, { patientId: "P1" }),
      ],
      postings: [posting("PS1", "L1", { paymentId: "PM2", paid: 2500 }), posting("PS2", "L1", { paymentId: "PM3", paid: 500 })],
    });
    const credits = creditsToRefund(paymentStatuses(ledger));
    expect(credits.map((c) => [c.paymentId, c.unapplied])).toEqual([
      ["PM1", 2000],
      ["PM2", 500],
    ]);
    const form = newRefundForm(credits[1], "2026-03-10");
    expect(form).toEqual({ amount: "$5.00", date: "2026-03-10", method: "Check", reference: "", reason: "" });
    expect(readRefundForm("PM2", { ...form, reference: " 2044 ", reason: " Paid twice " })).toEqual({
      ok: true,
      refund: { paymentId: "PM2", amount: 500, date: "2026-03-10", method: "Check", reference: "2044", reason: "Paid twice" },
    });
    expect(readRefundForm("PM2", { ...form, amount: "-5", date: "" })).toEqual({
      ok: false,
      errors: {
        amount: "Enter the amount to refund as more than $0.00, without a minus sign.",
        date: "Enter the date of the refund.",
        reason: "Say why the money is refunded: the refund register needs a reason.",
      },
    });
  });
});
