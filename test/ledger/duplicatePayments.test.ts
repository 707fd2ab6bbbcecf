// Money posted twice (issue 12): the same remittance (payer + trace) in Payments twice, and one
// payer's remittances posting the same claim twice, each named with what to undo. Hand-made
// ledgers, then a real ERA posted twice by two billers who previewed it at the same moment.
import { describe, expect, it } from "vitest";
import { findDuplicatePayments, rowsAsWritten } from "../../src/ledger/duplicatePayments";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import { samplePractice } from "../../src/sample/practiceSample";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { previewRemittance } from "../../taskpane/remittance/remittanceImport";
import { syntheticRemittance } from "../era/syntheticRemittance";
import { charge, ledgerOf, payment, posting, reversal } from "./ledgerFixtures";

const ERA = { method: "ERA" as const };

describe("finding the same remittance posted twice", () => {
  it("names the later payment and its postings when payer and trace match in any case and spacing", () => {
    const ledger = ledgerOf({
      charges: [charge("L1"), charge("L2"), charge("L3", { claimId: "CL3" })],
      payments: [payment("PM000123", 9000, { ...ERA, reference: "1234" }), payment("PM000130", 9000, { ...ERA, reference: " 1234 " })],
      postings: [
        posting("PS1", "L1", { paymentId: "PM000123", paid: 6000, source: "ERA" }),
        posting("PS2", "L2", { paymentId: "PM000123", paid: 3000, source: "ERA" }),
        posting("PS3", "L1", { paymentId: "PM000130", paid: 6000, source: "ERA" }),
        posting("PS4", "L2", { paymentId: "PM000130", paid: 3000, source: "ERA" }),
      ],
    });
    const found = findDuplicatePayments(ledger);
    expect(found).toEqual([
      {
        kind: "same remittance",
        payerId: "MCR",
        kept: "PM000123",
        undo: "PM000130",
        postingIds: ["PS3", "PS4"],
        message:
          "Payments PM000123 and PM000130 are the same remittance (MCR, trace 1234): undo PM000130 and its 2 postings with Reverse posting (2 lines are posted twice).",
      },
    ]);
  });

  it("matches a check's reference without regard to case, and leaves other payers, blank references and refunds alone", () => {
    const ledger = ledgerOf({
      charges: [charge("L1")],
      payments: [
        payment("PM1", 5000, { method: "Check", reference: "CHK-88a" }),
        payment("PM2", 5000, { method: "Check", reference: "chk-88A" }),
        payment("PM3", 5000, { payerId: "SEC", method: "Check", reference: "CHK-88A" }),
        payment("PM4", 100, { method: "Check", reference: "" }),
        payment("PM5", 100, { method: "Check", reference: "" }),
        payment("PM6", 2000, { patientId: "P1", payerId: undefined, reference: "AUTH 1" }),
        payment("PM7", 2000, { patientId: "P1", payerId: undefined, reference: "AUTH 1" }),
      ],
    });
    const found = findDuplicatePayments(ledger);
    expect(found.map((f) => f.message)).toEqual([
      "Payments PM1 and PM2 are the same remittance (MCR, check CHK-88a): PM2's postings are undone already, but its $50.00 is still counted as received: it is a credit until it is taken out.",
    ]);
  });

  it("counts only the postings still standing: a reversed one is already undone", () => {
    const doubled = posting("PS3", "L1", { paymentId: "PM2", paid: 6000, source: "ERA" });
    const ledger = ledgerOf({
      charges: [charge("L1"), charge("L2")],
      payments: [payment("PM1", 9000, { ...ERA, reference: "T9" }), payment("PM2", 9000, { ...ERA, reference: "T9" })],
      postings: [
        posting("PS1", "L1", { paymentId: "PM1", paid: 6000, source: "ERA" }),
        doubled,
        posting("PS4", "L2", { paymentId: "PM2", paid: 3000, source: "ERA" }),
        reversal("PS5", doubled),
      ],
    });
    const [finding] = findDuplicatePayments(ledger);
    expect(finding.postingIds).toEqual(["PS4"]);
    expect(finding.message).toBe(
      "Payments PM1 and PM2 are the same remittance (MCR, trace T9): undo PM2 and its 1 posting with Reverse posting.",
    );
  });

  it("finds one payer's two remittances posting the same line of a claim, unless the first was reversed or a $0 denial", () => {
    const first = posting("PS1", "L1", { paymentId: "PM1", paid: 6000, source: "ERA" });
    const tables = {
      charges: [charge("L1"), charge("L2", { claimId: "CL2" })],
      payments: [payment("PM1", 6000, { ...ERA, reference: "T1" }), payment("PM2", 6000, { ...ERA, reference: "T2" })],
      postings: [first, posting("PS2", "L1", { paymentId: "PM2", paid: 6000, source: "ERA" })],
    };
    expect(findDuplicatePayments(ledgerOf(tables)).map((f) => [f.kind, f.claimId, f.postingIds, f.message])).toEqual([
      [
        "claim posted twice",
        "CL1",
        ["PS2"],
        "Claim CL1 was posted from two remittances of MCR (PM1, trace T1, and PM2, trace T2): if MCR paid it only once, undo PM2's 1 posting to claim CL1 with Reverse posting.",
      ],
    ]);
    // The payer took the first payment back (CLP02 22) and paid again: nothing doubled.
    const reversedFirst = { ...tables, postings: [...tables.postings, reversal("PS3", first, { paymentId: "PM2", source: "ERA" })] };
    expect(findDuplicatePayments(ledgerOf(reversedFirst))).toEqual([]);
    // A manual posting to the same claim, or another payer's ERA (a secondary), is not a double.
    const secondary = {
      ...tables,
      payments: [tables.payments[0], payment("PM2", 6000, { ...ERA, payerId: "SEC", reference: "T2" })],
    };
    expect(findDuplicatePayments(ledgerOf(secondary))).toEqual([]);
    // A $0 denial worked and paid in a later remittance posts the line once.
    const denied = {
      ...tables,
      postings: [posting("PS1", "L1", { paymentId: "PM1", paid: 0, group: "CO", reason: "16", source: "ERA" }), tables.postings[1]],
    };
    expect(findDuplicatePayments(ledgerOf(denied))).toEqual([]);
    // Two lines of one claim paid in two remittances: each line once.
    const split = {
      ...tables,
      charges: [charge("L1"), charge("L2")],
      postings: [first, posting("PS2", "L2", { paymentId: "PM2", paid: 6000, source: "ERA" })],
    };
    expect(findDuplicatePayments(ledgerOf(split))).toEqual([]);
  });

  it("finds nothing in a ledger posted once", () => {
    const ledger = ledgerOf({
      charges: [charge("L1")],
      payments: [payment("PM1", 6000, { ...ERA, reference: "T1" })],
      postings: [posting("PS1", "L1", { paymentId: "PM1", paid: 6000, source: "ERA" })],
    });
    expect(findDuplicatePayments(ledger)).toEqual([]);
  });
});

describe("a real ERA posted twice by two billers at the same moment", () => {
  it("finds the second posting of the remittance and names it", async () => {
    const TODAY = "2026-06-30";
    const workbook = new MemoryWorkbook();
    await applyPlan(workbook, samplePractice({ lines: 400, asOf: TODAY }));
    const ledger: Ledger = (await readLedger(workbook)).ledger;
    const touched = new Set(ledger.charges.filter((c) => (ledger.postingsByCharge.get(c.chargeId) ?? []).length > 0).map((c) => c.claimId));
    const payer = ledger.payers.find(
      (p) => p.x12PayerId && ledger.charges.some((c) => c.payerId === p.payerId && !touched.has(c.claimId)),
    )!;
    const claimIds = [
      ...new Set(ledger.charges.filter((c) => c.payerId === payer.payerId && !touched.has(c.claimId)).map((c) => c.claimId)),
    ].slice(0, 2);
    const file = syntheticRemittance(ledger, {
      transactions: [
        {
          payer: { name: payer.name, id: payer.x12PayerId! },
          trace: "EFT7770001",
          date: "2026-06-25",
          claims: claimIds.map((claimId) => ({ claimId })),
        },
      ],
    });

    // Both preview on the same workbook; both posts pass the payer + trace check (the race the check before writing narrows, not closes).
    const alice = await previewRemittance(workbook, { name: "a.835", read: async () => file.bytes }, undefined, TODAY);
    const bob = await previewRemittance(workbook, { name: "a.835", read: async () => file.bytes }, undefined, TODAY);
    if (!alice.ok || !bob.ok) throw new Error("not previewed");
    await applyPlan(workbook, alice.plan!);
    await applyPlan(workbook, bob.plan!);

    const { ledger: after, tables, dateSystem } = await readLedger(workbook);
    // The ledger keeps the first row of a repeated ID; the rows as written hold both copies.
    const paymentId = after.payments.find((p) => p.reference === "EFT7770001")!.paymentId;
    const postings = after.postings.filter((p) => p.paymentId === paymentId).length;
    expect(postings).toBeGreaterThan(0);
    const written = rowsAsWritten(after, tables, dateSystem);
    expect(written.payments.filter((p) => p.paymentId === paymentId)).toHaveLength(2);
    const found = findDuplicatePayments({ ...written, chargeById: after.chargeById });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "same remittance", kept: paymentId, undo: paymentId });
    expect(found[0].postingIds).toHaveLength(postings);
    expect(found[0].message).toBe(
      `Payment ${paymentId} is in Payments twice, the same remittance (${payer.payerId}, trace EFT7770001) posted at the same time, and ${postings} postings with it: undo one copy of it and of each of those postings with Reverse posting.`,
    );

    // Previewing the file again says it is posted, and names the double.
    const third = await previewRemittance(workbook, { name: "a.835", read: async () => file.bytes }, undefined, TODAY);
    if (!third.ok) throw new Error(third.error);
    expect(third.plan).toBeUndefined();
    expect(third.preview.warnings).toContain(found[0].message);
  });
});
