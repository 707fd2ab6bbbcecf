// When the agency pays: its net payment posted on the patient's account, the bad debt written back by
// the gross (net + fee) oldest line first, the fee written off, each line left at zero; a partial
// recovery leaves the rest with the agency. P1 sent $110.00 (L1 $80.00, L2 $30.00): agencyFixtures.ts.
import { describe, expect, it } from "vitest";
import { agencyFee, agencyRecoveryPlan, feePercent, type AgencyRecovery } from "../../src/collections/agencyRecovery";
import { agencySendPlan } from "../../src/collections/agencySend";
import { badDebtAccounts } from "../../src/collections/badDebt";
import { collectionsContext, readCollectionsBooks } from "../../src/collections/collectionsBooks";
import { lineBalances } from "../../src/ledger/balances";
import { reversalPlan } from "../../src/ledger/postingPlans";
import { applyPlan } from "../../src/workbook/plan";
import { agencyWorkbook, TODAY } from "./agencyFixtures";

/** The books after P1 was sent to Acme on 2026-06-15. */
async function sentBooks() {
  const workbook = agencyWorkbook();
  const books = await readCollectionsBooks(workbook);
  const sent = agencySendPlan(books, await collectionsContext(workbook, books, TODAY), {
    patientIds: ["P1"],
    agency: "Acme",
    date: "2026-06-15",
  });
  if (!sent.ok) throw new Error(sent.problems.join("\n"));
  await applyPlan(workbook, sent.plan, new Date(2026, 5, 15));
  return workbook;
}

async function recover(workbook: Awaited<ReturnType<typeof sentBooks>>, fields: Partial<AgencyRecovery>) {
  const books = await readCollectionsBooks(workbook);
  const ctx = await collectionsContext(workbook, books, TODAY);
  return agencyRecoveryPlan(books, ctx, { patientId: "P1", net: 6000, fee: 2000, date: "2026-06-28", method: "Check", ...fields });
}

describe("posting what a collection agency recovered", () => {
  it("posts the net, writes the gross back and the fee off on the oldest line, leaving the rest with the agency", async () => {
    const workbook = await sentBooks();
    const result = await recover(workbook, { reference: "5521" });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect([result.gross, result.outstandingAfter]).toEqual([8000, 3000]);
    expect(
      result.preview.map((r) => [
        r.table,
        r.values.ChargeID ?? null,
        r.values.Paid ?? r.values.Amount ?? null,
        r.values.Adjustment ?? null,
        r.values.Reason ?? null,
      ]),
    ).toEqual([
      ["Payments", null, "$60.00", null, null],
      ["Postings", "L1", null, "-$80.00", "BD"],
      ["Postings", "L1", "$60.00", null, null],
      ["Postings", "L1", null, "$20.00", "CAF"],
    ]);
    expect(result.predicted.map((b) => [b.chargeId, b.balance])).toEqual([["L1", 0]]);
    await applyPlan(workbook, result.plan, new Date(2026, 5, 28));

    const books = await readCollectionsBooks(workbook);
    const pay = books.ledger.payments.at(-1)!;
    expect([pay.patientId, pay.payerId, pay.amount, pay.method, pay.reference, pay.note]).toEqual([
      "P1",
      undefined,
      6000,
      "Check",
      "5521",
      "Collection agency recovery",
    ]);
    const p1 = lineBalances(books.ledger).filter((b) => b.patientId === "P1");
    // Every line nets to what it was: $0.00 of the patient's, Medicare's $200.00 on L3.
    expect(p1.map((b) => [b.chargeId, b.balance, b.patientShare])).toEqual([
      ["L1", 0, 0],
      ["L2", 0, 0],
      ["L3", 20000, 0],
    ]);
    expect(badDebtAccounts(books.ledger).map(({ lines: _, ...a }) => a)).toEqual([
      { patientId: "P1", sent: 11000, recovered: 8000, fees: 2000, outstanding: 3000, sentOn: "2026-06-15" },
    ]);
  });

  it("spreads a gross over several lines: the net on the oldest, the fee on what is left", async () => {
    const workbook = await sentBooks();
    // $90.00 net + $20.00 fee = $110.00: L1 takes $80.00 back and $80.00 paid; L2 $30.00 back, $10.00 paid, $20.00 fee.
    const result = await recover(workbook, { net: 9000, fee: 2000 });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const rows = result.plan.ops.flatMap((op) => (op.kind === "appendRows" && op.table === "Postings" ? op.rows : []));
    expect(rows.map((r) => [r.ChargeID, r.Paid ?? null, r.Adjustment ?? null, r.Reason ?? null])).toEqual([
      ["L1", null, -80, "BD"],
      ["L1", 80, null, null],
      ["L2", null, -30, "BD"],
      ["L2", 10, null, null],
      ["L2", null, 20, "CAF"],
    ]);
    expect(result.outstandingAfter).toBe(0);
  });

  it("refuses more than is out with the agency, amounts not above zero and accounts not in Collections", async () => {
    const workbook = await sentBooks();
    expect(await recover(workbook, { net: 9000, fee: 3000 })).toEqual({
      ok: false,
      problems: [
        "The agency collected $120.00 ($90.00 sent and a $30.00 fee) but account P1 has $110.00 written off to bad debt and not yet recovered.",
      ],
    });
    expect(await recover(workbook, { net: 0, fee: -100 })).toEqual({
      ok: false,
      problems: [
        "The agency's payment is $0.00: enter an amount above zero.",
        "The agency's fee -$1.00 is negative; enter what the agency kept as a positive amount.",
      ],
    });
    expect(await recover(workbook, { patientId: "P3" })).toEqual({
      ok: false,
      problems: ['Account P3 is not with a collection agency (Account Status ""): post the patient\'s own money as a patient payment.'],
    });
  });

  it("counts a reversed send as nothing out with the agency", async () => {
    const workbook = await sentBooks();
    const books = await readCollectionsBooks(workbook);
    const ids = books.ledger.postings.filter((p) => p.reason === "BD").map((p) => p.postingId);
    const undone = reversalPlan(books.ledger, await collectionsContext(workbook, books, TODAY), ids, "2026-06-20");
    if (!undone.ok) throw new Error(undone.problems.join("\n"));
    await applyPlan(workbook, undone.plan);
    const after = await readCollectionsBooks(workbook);
    expect(badDebtAccounts(after.ledger).map((a) => [a.sent, a.recovered, a.outstanding])).toEqual([[0, 0, 0]]);
    expect((await recover(workbook, { net: 100, fee: 0 })).ok).toBe(false);
  });

  it("works the fee out of a percent of the gross", () => {
    expect(agencyFee(15000, 25)).toBe(5000);
    expect(agencyFee(10000, 33.3)).toBe(4993); // 100.00 / 0.667 = 149.93
    expect(agencyFee(10000, 0)).toBe(0);
    expect([feePercent("25"), feePercent("25 %"), feePercent("100"), feePercent("-5"), feePercent("x")]).toEqual([
      25,
      25,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
