// Posting a synthetic 835 to the sample practice (issue 5, "Plan", "Exactly once", "Reconciliation"):
// the rows an ERA adds, the balances the lines have afterwards as read back from the workbook (and as
// the plan predicted), the Audit row naming the file, a second import adding nothing and saying when
// the first was posted, a reversal followed by its corrected claim, a denial left to work, a PLB
// interest item kept out of claim A/R, and a claim that doesn't balance held with nothing posted.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/ledger/ledger";
import { formatMoney } from "../../src/money";
import type { LineBalance } from "../../src/ledger/balances";
import { parseTable } from "../../src/workbook/mapTable";
import type { Workbook } from "../../src/workbook/port";
import { Audit, ProviderAdjustments, type PostingRow } from "../../src/workbook/tables";
import {
  balancesNow,
  ERA_DATE,
  importEra,
  inputs,
  MEDICARE,
  medicare,
  medicareEra,
  planned,
  rowCounts,
  sampleBook,
  sampleUnpaid,
  unpaidClaims,
} from "./eraPlanBooks";
import { SYNTHETIC_PATIENT_LAST, syntheticRemittance, type WrittenClaim } from "./syntheticRemittance";

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** What a written line does to its balance: paid and CO/OA/PI reduce it, PR moves it to the patient. */
function expectLinesMoved(before: Map<string, LineBalance>, after: Map<string, LineBalance>, claims: WrittenClaim[]) {
  for (const claim of claims) {
    for (const line of claim.lines) {
      const was = before.get(line.chargeId!)!;
      const now = after.get(line.chargeId!)!;
      const payerAdjusted = sum(line.adjustments.filter((a) => a.group !== "PR").map((a) => a.amount));
      const moved = sum(line.adjustments.filter((a) => a.group === "PR").map((a) => a.amount));
      expect(now.balance, line.chargeId).toBe(was.balance - line.paid - payerAdjusted);
      expect(now.insurancePaid, line.chargeId).toBe(was.insurancePaid + line.paid);
      expect(now.patientResp, line.chargeId).toBe(was.patientResp + moved);
      expect(now.adjustments.CO, line.chargeId).toBe(was.adjustments.CO + payerAdjusted);
    }
  }
}

async function postings(book: Workbook): Promise<PostingRow[]> {
  return (await readLedger(book)).ledger.postings;
}

async function auditRows(book: Workbook) {
  const raw = (await book.readTables(["Audit"])).Audit!;
  return parseTable(Audit, raw, 1900).rows;
}

describe("an ERA for sample claims", () => {
  it("posts one ERA payment, postings per line and nothing else; balances read back as the plan predicted", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const claims = unpaid.slice(0, 3);
    const era = medicareEra(
      ledger,
      "91000001",
      claims.map((c, i) => ({ claimId: c.claimId, coinsurancePercent: 20, deductible: i === 0 ? 5000 : 0 })),
    );
    const written = era.transactions[0];
    const before = await balancesNow(book);
    const counts = await rowCounts(book);

    const result = planned(await importEra(book, "june.835", era.bytes));
    const preview = result.preview;
    expect(preview.sha256).toBe(createHash("sha256").update(era.bytes).digest("hex"));
    const r = preview.remittances[0];
    expect(r).toMatchObject({ payerId: "MCR", trace: "91000001", amount: written.amount, method: "ACH", date: ERA_DATE });
    expect(r.claims.map((c) => c.outcome)).toEqual(["matched", "matched", "matched"]);
    expect(r.claims.map((c) => c.chargeIds)).toEqual(claims.map((c) => c.lines.map((l) => l.chargeId)));
    expect(r.totals).toEqual({ paid: written.amount, plb: 0, posted: written.amount, held: 0, difference: 0 });
    expect(preview.exceptions).toEqual([]);
    expect(r.alreadyPosted).toBeUndefined();

    const lines = claims.flatMap((c) => c.lines);
    const prCount = sum(written.claims.flatMap((c) => c.lines.map((l) => l.adjustments.filter((a) => a.group === "PR").length)));
    expect(await rowCounts(book)).toEqual({
      ...counts,
      Payments: counts.Payments + 1,
      Postings: counts.Postings + lines.length + prCount,
      Audit: 1,
      // The hidden table an interrupted write is finished from: emptied once the plan is done.
      MedBillPlans: 0,
    });

    const { ledger: after } = await readLedger(book);
    expect(after.issues).toEqual([]);
    const payment = after.payments[after.payments.length - 1];
    expect(payment).toMatchObject({ payerId: "MCR", method: "ERA", reference: "91000001", amount: written.amount, date: ERA_DATE });
    expect(payment.note).toContain("june.835");
    const made = after.postingsByPayment.get(payment.paymentId)!;
    expect(made.every((p) => p.source === "ERA" && p.date === ERA_DATE)).toBe(true);
    expect(sum(made.map((p) => p.paid ?? 0))).toBe(written.amount);
    // One row per line with its paid amount and CO-45, one per patient-responsibility reason.
    expect(made.filter((p) => p.group === "CO").map((p) => p.reason)).toEqual(lines.map(() => "45"));
    expect(new Set(made.filter((p) => p.group === "PR").map((p) => p.reason))).toEqual(new Set(["1", "2"]));

    const now = await balancesNow(book);
    expectLinesMoved(before, now, written.claims);
    for (const p of result.predicted) expect(now.get(p.chargeId), p.chargeId).toEqual(p);
    expect(result.predicted.map((p) => p.chargeId).sort()).toEqual(lines.map((l) => l.chargeId).sort());
  });

  it("writes an Audit row naming the file, its SHA-256, ISA13, the trace, TRN03 and BPR02, and no patient", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const era = syntheticRemittance(ledger, {
      isaControl: 4321,
      transactions: [medicare("91000002", [{ claimId: claim.claimId }])],
    });
    const result = planned(await importEra(book, "audit.835", era.bytes));
    const [row] = await auditRows(book);
    expect(row.action).toBe("Post ERA");
    const hash = createHash("sha256").update(era.bytes).digest("hex");
    for (const words of [
      "audit.835",
      hash,
      "ISA13 000004321",
      "trace 91000002",
      "TRN03 SMP01",
      `BPR02 $${(era.transactions[0].amount / 100).toFixed(2)}`,
    ]) {
      expect(row.what).toContain(words);
    }
    expect(row.what).toContain(result.preview.remittances[0].claims.length === 1 ? "1 claim posted" : "claims posted");
    expect(`${row.what} ${row.totals}`).not.toContain(SYNTHETIC_PATIENT_LAST);
    expect(row.totals).toContain("held $0.00");
    // The pane may show the patient's name from the file; nothing written carries it.
    expect(result.preview.remittances[0].claims[0].patientName).toContain(SYNTHETIC_PATIENT_LAST);
    expect(JSON.stringify(result.plan!.ops)).not.toContain(SYNTHETIC_PATIENT_LAST);
  });
});

describe("exactly once", () => {
  it("a second import of the same remittance adds nothing and says when and as what it was posted", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const claims = unpaid.slice(0, 2);
    const spec = medicare(
      "91000003",
      claims.map((c) => ({ claimId: c.claimId })),
    );
    const first = planned(await importEra(book, "first.835", syntheticRemittance(ledger, { transactions: [spec] }).bytes));
    const paymentId = (await readLedger(book)).ledger.payments.at(-1)!.paymentId;
    const counts = await rowCounts(book);

    // The same remittance in another file (another interchange number, another name): still the same payment.
    const again = syntheticRemittance(ledger, { isaControl: 99, transactions: [spec] });
    const second = planned(await importEra(book, "resent.835", again.bytes));
    expect(second.plan).toBeUndefined();
    expect(second.predicted).toEqual([]);
    const r = second.preview.remittances[0];
    expect(r.alreadyPosted).toEqual({ on: "2026-06-30 09:30:00", paymentId });
    expect(r.totals.posted).toBe(0);
    expect(r.claims.map((c) => c.outcome)).toEqual(["matched", "matched"]);
    expect(second.preview.exceptions).toEqual([]);
    expect(await rowCounts(book)).toEqual(counts);
    expect(first.preview.remittances[0].alreadyPosted).toBeUndefined();
  });

  it("without an Audit row it names the payment date; an EFT keyed in by hand with the trace as its reference counts too", async () => {
    const { ledger, ctx, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const spec = medicare("91000004", [{ claimId: claim.claimId }]);
    const era = syntheticRemittance(ledger, { transactions: [spec] });
    const byHand = {
      paymentId: "PM900001",
      date: "2026-06-28",
      payerId: "MCR",
      method: "EFT" as const,
      reference: "91000004",
      amount: 100,
    };
    const withManual = { ...ledger, payments: [...ledger.payments, byHand] };
    const { eraPostingPlan } = await import("../../src/era/eraPlan");
    const result = planned(await eraPostingPlan({ name: "x.835", bytes: era.bytes }, withManual, ctx));
    expect(result.plan).toBeUndefined();
    expect(result.preview.remittances[0].alreadyPosted).toEqual({ on: "2026-06-28", paymentId: "PM900001" });
    expect(result.preview.warnings.join("\n")).toContain("Payment PM900001 from MCR already has reference 91000004");
  });

  it("the same remittance twice in one file posts once", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const spec = medicare("91000005", [{ claimId: claim.claimId }]);
    const result = planned(await importEra(book, "twice.835", syntheticRemittance(ledger, { transactions: [spec, spec] }).bytes));
    const [one, two] = result.preview.remittances;
    expect(one.alreadyPosted).toBeUndefined();
    const paymentId = (await readLedger(book)).ledger.payments.at(-1)!.paymentId;
    expect(two.alreadyPosted).toEqual({ on: "earlier in this file", paymentId });
    expect((await readLedger(book)).ledger.payments.filter((p) => p.reference === "91000005")).toHaveLength(1);
  });
});

describe("a reversal followed by the corrected claim", () => {
  it("negates the earlier ERA postings (Reverses, the new PaymentID) and posts the correction; balances as if only it was paid", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim, other] = unpaid;
    const before = await balancesNow(book);
    const paid = { claimId: claim.claimId, allowedPercent: 70, coinsurancePercent: 20 };
    await importEra(
      book,
      "first.835",
      syntheticRemittance(ledger, { transactions: [{ payer: MEDICARE, trace: "92000001", date: "2026-06-25", claims: [paid] }] }).bytes,
    );
    const firstRows = (await postings(book)).filter((p) => p.source === "ERA" && claim.lines.some((l) => l.chargeId === p.chargeId));

    const corrected = { claimId: claim.claimId, allowedPercent: 90, coinsurancePercent: 20 };
    const era = medicareEra(ledger, "92000002", [{ ...paid, status: "22" }, corrected, { claimId: other.claimId }]);
    const written = era.transactions[0];
    const result = planned(await importEra(book, "correction.835", era.bytes));
    const r = result.preview.remittances[0];
    expect(r.claims.map((c) => c.outcome)).toEqual(["reversal", "matched", "matched"]);
    expect(r.totals).toMatchObject({ posted: written.amount, held: 0, difference: 0 });

    const { ledger: after } = await readLedger(book);
    expect(after.issues).toEqual([]);
    const payment = after.payments.at(-1)!;
    const reversals = after.postings.filter((p) => p.reverses !== undefined && p.paymentId === payment.paymentId);
    expect(reversals.map((p) => p.reverses).sort()).toEqual(firstRows.map((p) => p.postingId).sort());
    for (const rev of reversals) {
      const original = firstRows.find((p) => p.postingId === rev.reverses)!;
      expect(rev).toMatchObject({ chargeId: original.chargeId, group: original.group, reason: original.reason, source: "ERA" });
      const negated = (cents: number | undefined) => 0 - (cents ?? 0);
      expect(rev.paid ?? 0).toBe(negated(original.paid));
      expect(rev.adjustment ?? 0).toBe(negated(original.adjustment));
      expect(rev.patientResp ?? 0).toBe(negated(original.patientResp));
    }
    // The new payment is applied exactly: reversal and correction together are what it brought.
    expect(sum(after.postingsByPayment.get(payment.paymentId)!.map((p) => p.paid ?? 0))).toBe(payment.amount);

    const now = await balancesNow(book);
    expectLinesMoved(before, now, [written.claims[1], written.claims[2]]);
    for (const p of result.predicted) expect(now.get(p.chargeId)).toEqual(p);

    // Importing the reversal again is refused as already posted; a second reversal in a new file finds nothing left to reverse.
    const again = medicareEra(ledger, "92000003", [{ ...paid, status: "22" }]);
    const nothing = planned(await importEra(book, "again.835", again.bytes, false));
    expect(nothing.preview.remittances[0].claims[0]).toMatchObject({ outcome: "unmatched" });
    expect(nothing.preview.remittances[0].claims[0].reason).toContain("no earlier payment of MCR paid exactly that");
    expect(nothing.plan).toBeUndefined();
  });
});

describe("denials, PLB items and claims that don't balance", () => {
  it("a denial is posted at $0.00 with its reason and the Note 'Denied: to work', leaving the line open; it is listed to work", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [denied, paid] = unpaid;
    const era = medicareEra(ledger, "93000001", [{ claimId: denied.claimId, denial: "50" }, { claimId: paid.claimId }]);
    const before = await balancesNow(book);
    const result = planned(await importEra(book, "denial.835", era.bytes));
    const claim = result.preview.remittances[0].claims[0];
    expect(claim.outcome).toBe("denied");
    expect(claim.reason).toContain("CO-50");
    // What the code means and what to do next, in the biller's words.
    expect(claim.reason).toContain("CO-50 not medically necessary, in the payer's judgment: appeal");
    expect(result.preview.exceptions).toContainEqual(
      expect.objectContaining({ patientControl: denied.claimId, reason: expect.stringContaining("denied") }),
    );
    const rows = (await postings(book)).filter((p) => denied.lines.some((l) => l.chargeId === p.chargeId) && p.source === "ERA");
    expect(rows).toHaveLength(denied.lines.length);
    for (const row of rows) {
      expect(row).toMatchObject({ paid: 0, adjustment: 0, group: "CO", reason: "50" });
      expect(row.note).toMatch(/^Denied: to work/);
    }
    const now = await balancesNow(book);
    for (const line of denied.lines) {
      expect(now.get(line.chargeId)!.balance).toBe(before.get(line.chargeId)!.balance);
      expect(now.get(line.chargeId)!.status).toBe("open with payer");
    }
  });

  it("a PLB interest item becomes a ProviderAdjustments row of the payment, not a posting, and the payment ties out", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const era = medicareEra(ledger, "94000001", [{ claimId: claim.claimId }], {
      plb: [{ reason: "L6", reference: "INT0601", amount: -127, fiscalDate: "2026-12-31" }],
    });
    const written = era.transactions[0];
    const before = await balancesNow(book);
    const result = planned(await importEra(book, "interest.835", era.bytes));
    const r = result.preview.remittances[0];
    const claimsPaid = written.claims[0].paid;
    expect(r.amount).toBe(claimsPaid + 127);
    expect(r.totals).toEqual({ paid: claimsPaid, plb: -127, posted: claimsPaid + 127, held: 0, difference: 0 });
    expect(r.plb).toEqual([expect.objectContaining({ reason: "L6", reference: "INT0601", amount: -127 })]);

    const { ledger: after } = await readLedger(book);
    const payment = after.payments.at(-1)!;
    expect(payment.amount).toBe(claimsPaid + 127);
    const raw = (await book.readTables([ProviderAdjustments.name]))[ProviderAdjustments.name]!;
    const adjustments = parseTable(ProviderAdjustments, raw, 1900);
    expect(adjustments.issues).toEqual([]);
    expect(adjustments.rows).toEqual([
      {
        adjustmentId: `${payment.paymentId}-PLB1`,
        paymentId: payment.paymentId,
        date: ERA_DATE,
        payerId: "MCR",
        reason: "L6",
        reference: "INT0601",
        amount: -127,
        note: expect.stringContaining("fiscal period 2026-12-31"),
        plan: expect.stringMatching(/^P\d{8}-\d{6}-[A-Z0-9]{4}$/),
      },
    ]);
    // The interest is nobody's line balance.
    expect(sum(after.postingsByPayment.get(payment.paymentId)!.map((p) => p.paid ?? 0))).toBe(claimsPaid);
    expectLinesMoved(before, await balancesNow(book), written.claims);
  });

  it("creates the ProviderAdjustments table with the rows when the workbook has none", async () => {
    const book = await sampleBook(600, (op) => op.table !== ProviderAdjustments.name);
    const { ledger } = await inputs(book);
    const [claim] = unpaidClaims(ledger, "MCR");
    const era = medicareEra(ledger, "94000002", [{ claimId: claim.claimId }], {
      plb: [{ reason: "WO", reference: "CL0001 RECOUP", amount: 500 }],
    });
    const result = planned(await importEra(book, "recoup.835", era.bytes));
    expect(result.plan!.ops.map((op) => op.kind)).toEqual(["appendRows", "appendRows", "createTable"]);
    const raw = (await book.readTables([ProviderAdjustments.name]))[ProviderAdjustments.name]!;
    expect(parseTable(ProviderAdjustments, raw, 1900).rows).toEqual([
      expect.objectContaining({ reason: "WO", reference: "CL0001 RECOUP", amount: 500, payerId: "MCR" }),
    ]);
  });

  it("a claim that doesn't balance is held with its difference: nothing posted for it, its money listed as held", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [good, bad] = unpaid;
    const era = medicareEra(ledger, "95000001", [{ claimId: good.claimId }, { claimId: bad.claimId, unbalancedBy: 150 }]);
    const written = era.transactions[0];
    const before = await balancesNow(book);
    const result = planned(await importEra(book, "unbalanced.835", era.bytes));
    const r = result.preview.remittances[0];
    expect(r.claims.map((c) => c.outcome)).toEqual(["matched", "held"]);
    expect(r.claims[1].reason).toContain(`claim ${bad.claimId} does not balance`);
    expect(r.claims[1].reason).toContain("off by $1.50");
    expect(r.totals).toEqual({ paid: written.amount, plb: 0, posted: written.claims[0].paid, held: written.claims[1].paid, difference: 0 });
    // The exception carries what working it needs: payer, account, date of service and the payer's figures.
    const allowed = written.claims[1].lines.reduce(
      (s, l) => s + l.charge - l.adjustments.filter((a) => a.group !== "PR").reduce((t, a) => t + a.amount, 0),
      0,
    );
    expect(result.preview.exceptions).toEqual([
      {
        trace: "95000001",
        patientControl: bad.claimId,
        reason: expect.stringContaining("held: claim"),
        payerName: MEDICARE.name,
        payerId: "MCR",
        patientId: bad.lines[0].patientId,
        dos: bad.lines[0].dos,
        billed: written.claims[1].charge,
        allowed,
        paid: written.claims[1].paid,
        patientResp: written.claims[1].patientResp,
      },
    ]);
    expect(written.claims[1].paid).toBe(allowed + 150);
    const now = await balancesNow(book);
    for (const line of bad.lines) expect(now.get(line.chargeId)).toEqual(before.get(line.chargeId));
    expect((await postings(book)).filter((p) => bad.lines.some((l) => l.chargeId === p.chargeId) && p.source === "ERA")).toEqual([]);
    // The held money stays on the payment, unapplied, and the payment says so.
    const payment = (await readLedger(book)).ledger.payments.at(-1)!;
    expect(payment.amount).toBe(written.amount);
    expect(payment.note).toContain(`not posted`);
  });

  it("a remittance whose payment doesn't equal its claims less PLB posts nothing and names the difference", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const era = medicareEra(ledger, "95000002", [{ claimId: claim.claimId }], {
      paymentOffBy: 200,
      plb: [{ reason: "L6", reference: "INT2", amount: -300 }],
    });
    const counts = await rowCounts(book);
    const result = planned(await importEra(book, "off.835", era.bytes));
    expect(result.plan).toBeUndefined();
    const r = result.preview.remittances[0];
    expect(r.totals.difference).toBe(200);
    expect(r.totals.posted).toBe(0);
    expect(r.claims[0]).toMatchObject({ outcome: "held" });
    // The interest is said as what it adds, never "− -$3.00".
    const paid = era.transactions[0].claims[0].paid;
    expect(r.claims[0].reason).toBe(
      `the remittance does not add up: ${formatMoney(paid)} paid on claims + $3.00 interest (L6) = ${formatMoney(paid + 300)}, ` +
        `but the payment (BPR02) is ${formatMoney(paid + 500)}`,
    );
    expect(await rowCounts(book)).toEqual(counts);
  });
});
