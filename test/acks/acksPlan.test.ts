// Acknowledgements tied to the workbook: a 999 to the claims whose latest "Billed" row carries the
// group control number it answers, a 277CA's claims to Charges by ClaimID; one ClaimStatus row per
// claim (Accepted or Rejected, Source, Control #, Reason, Date, PayerID), groups and claims that
// cannot be tied reported in sentences, the double-import guard, the Audit row, and the refusals.
import { describe, expect, it } from "vitest";
import { acksPlan, readAckBooks, readAckFile, type AckFile } from "../../src/acks/acksPlan";
import { isoToSerial } from "../../src/dates";
import { applyPlan } from "../../src/workbook/plan";
import { ackWorkbook, fixture, rowsOf } from "./ackBooks";

const NOW = new Date(2026, 2, 20, 10, 0);

function file(name: string, text = fixture(name)): AckFile {
  const read = readAckFile(name, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.error);
  return read.file;
}

/** The new ClaimStatus rows as [ClaimID, PayerID, Sequence, Event, Source, Control #, Date, Reason]. */
function added(book: ReturnType<typeof ackWorkbook>, from: number) {
  return rowsOf(book, "ClaimStatus")
    .slice(from)
    .map((r) => [r.ClaimID, r.PayerID, r.Sequence, r.Event, r.Source, r["Control #"], r.Date, r.Reason]);
}

describe("acksPlan", () => {
  it("marks accepted every claim whose latest Billed row has the 999's group control number, dated by the 999's GS04", async () => {
    const book = ackWorkbook();
    const result = acksPlan([file("accepted.999")], await readAckBooks(book));
    if (!result.ok) throw new Error(result.error);
    const [outcome] = result.files;
    expect([outcome.accepted, outcome.rejected, outcome.notMatched, outcome.alreadyRecorded]).toEqual([3, 0, [], 0]);
    expect(result.plan?.action).toBe("Acknowledgements imported");
    expect(result.plan?.what).toBe(
      "999 file accepted.999 (ISA13 000000901) dated 2026-03-17: 3 accepted, 0 rejected, 0 not matched, 0 already recorded",
    );
    await applyPlan(book, result.plan!, NOW);
    const day = isoToSerial("2026-03-17");
    expect(added(book, 8)).toEqual([
      ["CL1", "MCR", "Primary", "Accepted", "999", "42", day, "Accepted by the clearinghouse"],
      ["CL2", "MCR", "Primary", "Accepted", "999", "42", day, "Accepted by the clearinghouse"],
      ["CL7", "MCR", "Primary", "Accepted", "999", "42", day, "Accepted by the clearinghouse"],
    ]);
    const audit = rowsOf(book, "Audit");
    expect(audit).toHaveLength(1);
    expect(audit[0].Action).toBe("Acknowledgements imported");
    expect(audit[0].Rows).toBe(3);
  });

  it("marks rejected the claims of a rejected group, with the IK3/IK4 reason in words", async () => {
    const book = ackWorkbook();
    const result = acksPlan([file("rejected.999")], await readAckBooks(book));
    if (!result.ok) throw new Error(result.error);
    expect(result.rows).toEqual([
      {
        date: "2026-03-17",
        claimId: "CL3",
        payerId: "SEC",
        sequence: "Primary",
        event: "Rejected",
        source: "999",
        controlNumber: "43",
        reason: "Rejected: segment CLM in loop 2300, element 2: required data element missing",
      },
    ]);
    expect(result.files[0].rejected).toBe(1);
  });

  it("leaves a partly accepted group's claims as billed and says why, since which claim went in which transaction is not recorded", async () => {
    const result = acksPlan([file("partial.999")], await readAckBooks(ackWorkbook()));
    if (!result.ok) throw new Error(result.error);
    expect(result.plan).toBeUndefined();
    expect(result.files[0].notMatched).toEqual([
      "The 999 partly accepted group 44 (Partly accepted (some transactions rejected): transaction 0002: rejected: segment NM1 in loop 2010BB, " +
        "element 9: required data element missing; segment ZZZ: segment not recognised): MedBill does not record which claims went in which " +
        "transaction, so 2 claims (CL4, CL5) are left as billed. Check the clearinghouse's report and resubmit the rejected ones.",
    ]);
  });

  it("reports a group with no Billed rows, and a group a claim left when it was billed again, without stopping the rest", async () => {
    const books = await readAckBooks(ackWorkbook());
    const result = acksPlan(
      [file("two-groups.999"), file("group41.999", fixture("accepted.999").replace("AK1*HC*42*", "AK1*HC*41*"))],
      books,
    );
    if (!result.ok) throw new Error(result.error);
    const [two, old] = result.files;
    expect(two.answers.map((a) => [a.claimId, a.event, a.controlNumber, a.date, a.reason])).toEqual([
      [
        "CL6",
        "Accepted",
        "45",
        "2026-03-18",
        'Accepted with errors noted: segment DTP in loop 2400, element 3-1: not a valid date ("20261399")',
      ],
    ]);
    expect(two.notMatched).toEqual([
      'The 999 says accepted group 77, but no claim\'s latest "Billed" row in ClaimStatus has Control # 77: was that file sent from this workbook?',
    ]);
    expect(old.notMatched).toEqual([
      'The 999 says accepted group 41, but no claim\'s latest "Billed" row in ClaimStatus has Control # 41: was that file sent from this workbook?',
    ]);
    expect(result.rows.map((r) => r.claimId)).toEqual(["CL6"]);
  });

  it("ties a 277CA's claims to Charges by ClaimID: accepted with the payer claim number, rejected with the reason, unknown codes, claims not in Charges", async () => {
    const book = ackWorkbook();
    const result = acksPlan([file("claims.277")], await readAckBooks(book));
    if (!result.ok) throw new Error(result.error);
    const [outcome] = result.files;
    expect([outcome.accepted, outcome.rejected]).toEqual([1, 2]);
    expect(outcome.notMatched).toEqual([
      "Claim CL404 in the 277CA (from MEDICARE PART B) is not in Charges: nothing was recorded for it.",
      "Claim CL5: the payer's answer (A0:16) neither accepts nor rejects it: nothing was recorded.",
    ]);
    await applyPlan(book, result.plan!, NOW);
    const day = isoToSerial("2026-03-18");
    expect(added(book, 8)).toEqual([
      [
        "CL1",
        "MCR",
        "Primary",
        "Accepted",
        "277CA",
        "PCN0001",
        day,
        "A1 received: receipt acknowledged (status 19), payer; A2 accepted into the payer's system: accepted for processing (status 20), payer",
      ],
      [
        "CL2",
        "MCR",
        "Primary",
        "Rejected",
        "277CA",
        null,
        day,
        "A7 rejected for invalid information: the NPI (status 562), billing provider; " +
          "line 99999 on 2026-03-03 (line L3): A7 rejected for invalid information: the procedure code (status 454)",
      ],
      [
        "CL3",
        "SEC",
        "Primary",
        "Rejected",
        "277CA",
        null,
        day,
        "A3 returned as unprocessable: status code 999 (not in MedBill's list), payer",
      ],
    ]);
    expect(JSON.stringify(rowsOf(book, "Audit"))).not.toContain("SYNTHETIC");
  });

  it("adds nothing for answers already recorded, whether imported before or twice in one import, and says so", async () => {
    const book = ackWorkbook();
    const first = acksPlan([file("accepted.999"), file("claims.277")], await readAckBooks(book));
    if (!first.ok) throw new Error(first.error);
    await applyPlan(book, first.plan!, NOW);
    const count = rowsOf(book, "ClaimStatus").length;
    const again = acksPlan([file("accepted.999"), file("claims.277"), file("accepted.999")], await readAckBooks(book));
    if (!again.ok) throw new Error(again.error);
    expect(again.plan).toBeUndefined();
    expect(again.files.map((f) => [f.accepted, f.rejected, f.alreadyRecorded])).toEqual([
      [0, 0, 3],
      [0, 0, 3],
      [0, 0, 3],
    ]);
    expect(rowsOf(book, "ClaimStatus")).toHaveLength(count);
    const twice = acksPlan([file("rejected.999"), file("rejected.999")], await readAckBooks(book));
    if (!twice.ok) throw new Error(twice.error);
    expect(twice.rows).toHaveLength(1);
    expect(twice.files[1].alreadyRecorded).toBe(1);
  });

  it("makes the ClaimStatus table for a 277CA when the workbook has none; refuses when the table lacks a column", async () => {
    const book = ackWorkbook(false);
    const result = acksPlan([file("claims.277")], await readAckBooks(book));
    if (!result.ok) throw new Error(result.error);
    expect(result.plan?.ops[0].kind).toBe("createTable");
    await applyPlan(book, result.plan!, NOW);
    expect(rowsOf(book, "ClaimStatus").map((r) => [r.ClaimID, r.PayerID, r.Event])).toEqual([
      ["CL1", "MCR", "Accepted"],
      ["CL2", "MCR", "Rejected"],
      ["CL3", "SEC", "Rejected"],
    ]);
    const narrow = ackWorkbook();
    const t = narrow.sheets.find((s) => s.table?.name === "ClaimStatus")!.table!;
    const reason = t.headers.indexOf("Reason");
    t.headers.splice(reason, 1);
    for (const row of t.rows) row.splice(reason, 1);
    expect(acksPlan([file("rejected.999")], await readAckBooks(narrow))).toEqual({
      ok: false,
      error: 'The ClaimStatus table has no "Reason" column: add it (or run Setup), then try again.',
    });
  });
});

describe("readAckFile", () => {
  it("tells a 999 from a 277CA by its transactions", () => {
    expect(file("accepted.999").kind).toBe("999");
    expect(file("claims.277").kind).toBe("277CA");
  });

  it("refuses a file that does not read in a sentence naming the segment and why, and a file of another kind", () => {
    expect(readAckFile("cut.999", fixture("cut-short.999"))).toEqual({
      ok: false,
      error: "The 999's group 42 (AK1 at segment 4) has no AK9 verdict: the file was cut short.",
    });
    expect(readAckFile("era.835", fixture("accepted.999").replace(/ST\*999\*0001\*[^~]*~/, "ST*835*0001*005010X221A1~"))).toEqual({
      ok: false,
      error:
        "This is an 835 remittance (ERA), not a 999 or 277CA acknowledgement: choose the 999 from your clearinghouse or the 277CA from your payer.",
    });
    expect(
      readAckFile("nodate.999", fixture("accepted.999").replace("*20260317*0905*901*", "**0905*901*").replace("*260317*", "*      *")),
    ).toEqual({
      ok: false,
      error: "The 999 transaction 0001 gives no date (GS04 and ISA09 are blank or not dates), so the answer cannot be dated.",
    });
  });
});
