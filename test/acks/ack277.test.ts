// The 277CA reader: a payer's claim acknowledgment written to the guide's layout (005010X214), each
// segment it reads pinned by hand: the payer (HL 20), the batch's STC (HL 21), the billing provider
// (HL 19), and per claim (HL PT) the TRN*2, STCs, REF*1K, REF*D9, DTP*472 and a line's SVC/STC/REF*FJ.
// Then the verdicts and reasons in words, an unknown status code, and the refusals.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { claimReason, claimVerdict, read277ca, statusWords, type Ack277 } from "../../src/acks/ack277";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function ack(): Ack277 {
  const read = read277ca(fixture("claims.277"));
  if (!read.ok) throw new Error(read.error);
  expect(read.warnings).toEqual([]);
  expect(read.isaControl).toBe("000007001");
  return read.acks[0];
}

describe("read277ca", () => {
  it("reads the header and hierarchy: BHT reference and date, the payer, the batch status, the billing provider", () => {
    const a = ack();
    expect(a.control).toBe("0001");
    expect(a.reference).toBe("ACK7001");
    expect([a.date, a.dateFrom]).toEqual(["2026-03-18", "BHT04"]);
    expect(a.payer).toEqual({ name: "MEDICARE PART B", id: "MCR01" });
    expect(a.billingProviderIds).toEqual(["1234567893"]);
    expect(a.batchStatuses).toEqual([
      { codes: [{ category: "A1", status: "19", entity: "PR" }], date: "2026-03-18", action: "WQ", amount: 65000 },
    ]);
    expect(a.claims.map((c) => c.claimId)).toEqual(["CL1", "CL2", "CL3", "CL404", "cl5"]);
  });

  it("reads an accepted claim: its STCs, payer claim number, clearinghouse trace and dates of service", () => {
    const cl1 = ack().claims[0];
    expect(cl1).toEqual({
      claimId: "CL1",
      payerClaimNumber: "PCN0001",
      clearinghouseTrace: "CH0001",
      serviceFrom: "2026-03-02",
      serviceTo: "2026-03-02",
      statuses: [
        { codes: [{ category: "A1", status: "19", entity: "PR" }], date: "2026-03-18", action: "WQ", amount: 15000 },
        { codes: [{ category: "A2", status: "20", entity: "PR" }], date: "2026-03-18", action: "WQ", amount: 15000 },
      ],
      lines: [],
      position: 24,
    });
    expect(claimVerdict(cl1)).toBe("accepted");
    expect(claimReason(cl1)).toBe(
      "A1 received: receipt acknowledged (status 19), payer; A2 accepted into the payer's system: accepted for processing (status 20), payer",
    );
  });

  it("reads a rejected claim (A7, the billing provider's NPI) with a rejected line, and words both", () => {
    const cl2 = ack().claims[1];
    expect(cl2.statuses).toEqual([
      { codes: [{ category: "A7", status: "562", entity: "85" }], date: "2026-03-18", action: "U", amount: 25000 },
    ]);
    expect(cl2.payerClaimNumber).toBeUndefined();
    expect(cl2.clearinghouseTrace).toBe("CH0002");
    expect(cl2.lines).toEqual([
      {
        code: "99999",
        modifiers: [],
        charge: 25000,
        dos: "2026-03-03",
        lineId: "L3",
        statuses: [{ codes: [{ category: "A7", status: "454" }], date: "2026-03-18", action: "U", amount: 25000 }],
        position: 36,
      },
    ]);
    expect(claimVerdict(cl2)).toBe("rejected");
    expect(claimReason(cl2)).toBe(
      "A7 rejected for invalid information: the NPI (status 562), billing provider; " +
        "line 99999 on 2026-03-03 (line L3): A7 rejected for invalid information: the procedure code (status 454)",
    );
  });

  it("still words a status code it does not know, and keeps the payer's free text out of the reason", () => {
    const cl3 = ack().claims[2];
    expect(cl3.statuses[0].message).toBe("PLEASE RESUBMIT");
    expect(claimVerdict(cl3)).toBe("rejected");
    expect(claimReason(cl3)).toBe("A3 returned as unprocessable: status code 999 (not in MedBill's list), payer");
    expect(statusWords({ category: "B9", status: "1", entity: "ZZ" })).toBe(
      "B9 category B9 (not in MedBill's list): status code 1 (not in MedBill's list), entity ZZ",
    );
  });

  it("gives a claim neither accepted nor rejected (A0, forwarded) no verdict", () => {
    expect(claimVerdict(ack().claims[4])).toBe("unknown");
  });

  it("never keeps the patient's name", () => {
    expect(JSON.stringify(ack())).not.toContain("SYNTHETIC");
  });

  it("refuses a claim without its patient control number, an STC before the claim's TRN, and a file that is not a 277", () => {
    const text = fixture("claims.277");
    expect(read277ca(text.replace("TRN*2*CL2~", "TRN*2*~"))).toEqual({
      ok: false,
      error: "The 277CA's TRN at segment 32 gives no patient control number (TRN02), so the claim it answers cannot be found.",
    });
    expect(read277ca(text.replace("TRN*2*CL1~", "REF*EJ*X~"))).toEqual({
      ok: false,
      error: "The 277CA's STC at segment 25 comes before the claim's TRN*2, so the claim it answers is unknown.",
    });
    expect(read277ca(text.replace("HL*5*3*PT~", "HL*5*3*QQ~"))).toEqual({
      ok: false,
      error: 'The 277CA\'s HL at segment 30 has the level code "QQ", which a 277CA does not use (20, 21, 19 or PT).',
    });
    const read = read277ca(fixture("accepted.999"));
    expect(!read.ok && read.error).toBe(
      "This is a 999 acknowledgment, not a 277CA claim acknowledgment: choose the 277CA file your payer sent back.",
    );
  });
});
