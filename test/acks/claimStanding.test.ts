// Each claim's latest standing from its ClaimStatus rows: billed (date and control number), accepted
// by the clearinghouse and by the payer (the proof of timely filing), rejected with its reason, and a
// new billing starting the answers afresh; rows taken in date order whatever order they were imported.
import { describe, expect, it } from "vitest";
import { claimAcknowledgements, timelyFilingProof } from "../../src/acks/claimStanding";
import type { ClaimStatusRow } from "../../src/workbook/tables";

const row = (date: string, claimId: string, event: ClaimStatusRow["event"], more: Partial<ClaimStatusRow> = {}): ClaimStatusRow => ({
  date,
  claimId,
  event,
  ...more,
});

describe("claimAcknowledgements", () => {
  it("gives billed, accepted by the clearinghouse then the payer, and the payer's date as the proof of timely filing", () => {
    const standings = claimAcknowledgements([
      row("2026-03-16", "CL1", "Billed", { payerId: "MCR", sequence: "Primary", source: "837P", controlNumber: "42" }),
      // Imported after the 999 of an earlier date: still read in date order.
      row("2026-03-18", "CL1", "Accepted", { source: "277CA", controlNumber: "PCN0001" }),
      row("2026-03-17", "CL1", "Accepted", { source: "999", controlNumber: "42" }),
    ]);
    const cl1 = standings.get("cl1")!;
    expect(cl1).toEqual({
      claimId: "CL1",
      payerId: "MCR",
      sequence: "Primary",
      standing: "Accepted",
      date: "2026-03-18",
      billed: { date: "2026-03-16", controlNumber: "42" },
      clearinghouseAccepted: "2026-03-17",
      payerAccepted: { date: "2026-03-18", payerClaimNumber: "PCN0001" },
    });
    expect(timelyFilingProof(cl1)).toEqual({ date: "2026-03-18", by: "payer" });
  });

  it("gives a rejection with its reason, and a new billing clears it", () => {
    const rejected = [
      row("2026-03-16", "CL2", "Billed", { payerId: "MCR", controlNumber: "42" }),
      row("2026-03-17", "CL2", "Accepted", { source: "999" }),
      row("2026-03-18", "CL2", "Rejected", { source: "277CA", reason: "A7 rejected for invalid information: the NPI (status 562)" }),
    ];
    const cl2 = claimAcknowledgements(rejected).get("cl2")!;
    expect(cl2.standing).toBe("Rejected");
    expect(cl2.rejected).toEqual({
      date: "2026-03-18",
      source: "277CA",
      reason: "A7 rejected for invalid information: the NPI (status 562)",
    });
    expect(timelyFilingProof(cl2)).toBeUndefined();
    const rebilled = claimAcknowledgements([...rejected, row("2026-03-20", "CL2", "Billed", { payerId: "MCR", controlNumber: "46" })]).get(
      "cl2",
    )!;
    expect(rebilled).toEqual({
      claimId: "CL2",
      payerId: "MCR",
      standing: "Billed",
      date: "2026-03-20",
      billed: { date: "2026-03-20", controlNumber: "46" },
    });
    expect(timelyFilingProof(rebilled)).toBeUndefined();
  });

  it("takes the clearinghouse's acceptance as the proof when the payer has not answered, and keeps claims apart", () => {
    const standings = claimAcknowledgements([
      row("2026-03-16", "CL3", "Billed", { controlNumber: "43" }),
      row("2026-03-16", "CL4", "Billed", { controlNumber: "43" }),
      row("2026-03-17", "CL3", "Accepted", { source: "999" }),
    ]);
    expect(timelyFilingProof(standings.get("cl3")!)).toEqual({ date: "2026-03-17", by: "clearinghouse" });
    expect(standings.get("cl4")!.standing).toBe("Billed");
    expect([...standings.keys()]).toEqual(["cl3", "cl4"]);
  });
});
