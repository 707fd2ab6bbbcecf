// The 999 reader: each segment it reads pinned by hand from small files written to the guide's
// layout (005010X231A1): an accepted group, a rejected transaction with its IK3/IK4, a partly
// accepted group, a file of two transactions (accepted with errors noted, and a group we never sent),
// and the refusals (cut short before the AK9, not a 999 at all).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupWords, read999, statusWords, transactionWords, verdictOf, type Ack999 } from "../../src/acks/ack999";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function acks(name: string): Ack999[] {
  const read = read999(fixture(name));
  if (!read.ok) throw new Error(read.error);
  return read.acks;
}

describe("read999", () => {
  it("reads an accepted group: AK1 (functional id, GS06, guide), AK2, IK5 and AK9 with its counts, dated by GS04", () => {
    const read = read999(fixture("accepted.999"));
    expect(read.ok && read.isaControl).toBe("000000901");
    expect(read.ok && read.warnings).toEqual([]);
    expect(acks("accepted.999")).toEqual([
      {
        control: "0001",
        date: "2026-03-17",
        dateFrom: "GS04",
        groups: [
          {
            functionalId: "HC",
            groupControl: "42",
            version: "005010X222A1",
            status: "A",
            included: 1,
            received: 1,
            accepted: 1,
            codes: [],
            transactions: [{ setId: "837", control: "0001", status: "A", codes: [], errors: [] }],
            position: 4,
          },
        ],
      },
    ]);
    const group = acks("accepted.999")[0].groups[0];
    expect(verdictOf(group.status)).toBe("accepted");
    expect(groupWords(group)).toBe("Accepted");
  });

  it("reads a rejected transaction's IK3 (segment, position, loop, code) and IK4 (place, element number, code), and says it in words", () => {
    const group = acks("rejected.999")[0].groups[0];
    expect(group.groupControl).toBe("43");
    expect(group.status).toBe("R");
    expect([group.included, group.received, group.accepted]).toEqual([1, 1, 0]);
    const t = group.transactions[0];
    expect(t).toEqual({
      setId: "837",
      control: "0001",
      status: "R",
      codes: ["5"],
      errors: [{ segment: "CLM", position: 22, loop: "2300", code: "8", elements: [{ place: "2", reference: "782", code: "1" }] }],
    });
    expect(transactionWords(t)).toBe("Rejected: segment CLM in loop 2300, element 2: required data element missing");
    expect(verdictOf(group.status)).toBe("rejected");
  });

  it("reads a partly accepted group: one transaction accepted, one rejected with two segment errors, one of them a code MedBill does not know", () => {
    const group = acks("partial.999")[0].groups[0];
    expect(group.status).toBe("P");
    expect(verdictOf("P")).toBe("partly accepted");
    expect(group.transactions.map((t) => [t.control, t.status])).toEqual([
      ["0001", "A"],
      ["0002", "R"],
    ]);
    expect(group.transactions[1].errors).toEqual([
      { segment: "NM1", position: 8, loop: "2010BB", code: "8", elements: [{ place: "9", reference: "67", code: "1" }] },
      { segment: "ZZZ", position: 30, code: "1", elements: [] },
    ]);
    expect(groupWords(group)).toBe(
      "Partly accepted (some transactions rejected): transaction 0002: rejected: segment NM1 in loop 2010BB, element 9: " +
        "required data element missing; segment ZZZ: segment not recognised",
    );
    expect(acks("partial.999")[0].date).toBe("2026-03-18");
  });

  it("reads two 999 transactions in one file; an IK4 composite place and the bad value copied back; accepted with errors noted", () => {
    const [first, second] = acks("two-groups.999");
    expect(first.groups[0].groupControl).toBe("45");
    expect(first.groups[0].status).toBe("E");
    expect(verdictOf("E")).toBe("accepted");
    const t = first.groups[0].transactions[0];
    expect(t.errors[0].elements).toEqual([{ place: "3-1", reference: "1251", code: "8", badValue: "20261399" }]);
    expect(transactionWords(t)).toBe('Accepted with errors noted: segment DTP in loop 2400, element 3-1: not a valid date ("20261399")');
    expect(second.control).toBe("0002");
    expect(second.groups[0].groupControl).toBe("77");
  });

  it("words codes it does not know with their number", () => {
    expect(statusWords("Q")).toBe("status Q (not in MedBill's list)");
    expect(verdictOf("Q")).toBe("unknown");
    expect(
      transactionWords({
        setId: "837",
        control: "0003",
        status: "R",
        codes: ["99"],
        errors: [{ segment: "CLM", elements: [{ place: "1", code: "77" }] }],
      }),
    ).toBe("Rejected: segment CLM, element 1: error 77 (not in MedBill's list); error 99 (not in MedBill's list)");
  });

  it("refuses a file cut short before its AK9, naming the group and the AK1's segment", () => {
    expect(read999(fixture("cut-short.999"))).toEqual({
      ok: false,
      error: "The 999's group 42 (AK1 at segment 4) has no AK9 verdict: the file was cut short.",
    });
  });

  it("refuses an AK1 without its group control number, and a file that is not a 999", () => {
    const text = fixture("accepted.999").replace("AK1*HC*42*", "AK1*HC**");
    expect(read999(text)).toEqual({
      ok: false,
      error: "The 999's AK1 at segment 4 gives no group control number (AK102), so the claim file it answers cannot be found.",
    });
    const read = read999(fixture("claims.277"));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toBe(
      "This is a 277 claim status response, not a 999 acknowledgment: choose the 999 file your clearinghouse sent back.",
    );
    expect(read999("hello")).toEqual({ ok: false, error: expect.stringContaining("not an X12 file") });
  });
});
