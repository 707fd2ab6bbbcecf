// The Claims panel's acknowledgement import without React, on the engine tests' workbook (claims
// CL1-CL7 billed in groups 41-45) and their 999 and 277CA files: the preview's counts per file, each
// rejected claim with its payer and reason, what could not be tied; Record adding the ClaimStatus rows
// and one Audit row, planned on the workbook as it is then; a file that does not read refused with
// nothing written; and the same file recorded twice adding nothing the second time.
import { describe, expect, it } from "vitest";
import type { AckFile } from "../../src/acks/acksPlan";
import { isoToSerial } from "../../src/dates";
import {
  NOTHING_NEW,
  previewAcks,
  readAckTables,
  readPickedAck,
  readPickedAcks,
  recordAcks,
  recordedMessage,
  rejectedLine,
} from "../../taskpane/claims/acksRun";
import { ackWorkbook, fixture, rowsOf } from "../acks/ackBooks";

const NOW = new Date(2026, 2, 20, 10, 0);
const bytes = (text: string) => new TextEncoder().encode(text);
const picked = (name: string, text = fixture(name)) => ({ name, bytes: bytes(text) });

function files(...names: string[]): AckFile[] {
  const read = readPickedAcks(names.map((n) => picked(n)));
  if (!read.ok) throw new Error(read.problem);
  return read.files;
}

describe("the preview", () => {
  it("counts accepted, rejected and not matched per file, lists each rejected claim with its payer and reason, and writes nothing", async () => {
    const book = ackWorkbook();
    const preview = previewAcks(files("accepted.999", "rejected.999", "claims.277"), await readAckTables(book));
    if (!preview.ok) throw new Error(preview.problem);
    expect(preview.files.map((f) => f.headline)).toEqual([
      "accepted.999: 3 accepted, 0 rejected, 0 not matched.",
      "rejected.999: 0 accepted, 1 rejected, 0 not matched.",
      "claims.277: 1 accepted, 2 rejected, 2 not matched.",
    ]);
    expect(preview.files.map((f) => f.source)).toEqual([
      "999 from the clearinghouse (ISA13 000000901), dated 2026-03-17",
      "999 from the clearinghouse (ISA13 000000902), dated 2026-03-17",
      "277CA from the payer (ISA13 000007001), dated 2026-03-18",
    ]);
    expect(preview.files[1].rejected.map(rejectedLine)).toEqual([
      "CL3 (payer SEC): Rejected: segment CLM in loop 2300, element 2: required data element missing",
    ]);
    expect(preview.files[2].rejected.map((r) => [r.claimId, r.payerId])).toEqual([
      ["CL2", "MCR"],
      ["CL3", "SEC"],
    ]);
    for (const r of preview.files[2].rejected) expect(r.reason.length).toBeGreaterThan(0);
    expect(preview.files[2].notMatched).toEqual([
      "Claim CL404 in the 277CA (from MEDICARE PART B) is not in Charges: nothing was recorded for it.",
      "Claim CL5: the payer's answer (A0:16) neither accepts nor rejects it: nothing was recorded.",
    ]);
    expect(preview.adds).toBe(7);
    expect(preview.closing).toBe("Nothing is written until you record it.");
    expect(rowsOf(book, "ClaimStatus")).toHaveLength(8);
    expect(rowsOf(book, "Audit")).toHaveLength(0);
  });

  it("says what could not be tied to a claim, and that there is nothing to record", async () => {
    const preview = previewAcks(files("partial.999"), await readAckTables(ackWorkbook()));
    if (!preview.ok) throw new Error(preview.problem);
    expect(preview.files[0].headline).toBe("partial.999: 0 accepted, 0 rejected, 1 not matched.");
    expect(preview.files[0].notMatched[0]).toContain("2 claims (CL4, CL5) are left as billed");
    expect(preview.adds).toBe(0);
    expect(preview.closing).toBe(NOTHING_NEW);
  });
});

describe("recording", () => {
  it("adds one ClaimStatus row per claim answered and one Audit row, and says so", async () => {
    const book = ackWorkbook();
    const result = await recordAcks(book, files("accepted.999", "rejected.999"), NOW);
    if (!result.ok) throw new Error(result.problem);
    expect([result.added, result.rejected]).toEqual([4, 1]);
    expect(result.applied).toBeDefined();
    expect(result.message).toBe(
      "Recorded 4 answers in the ClaimStatus table; the Audit sheet records it. 1 claim was rejected: it is back in the list above " +
        "to correct and send again.",
    );
    const day = isoToSerial("2026-03-17");
    expect(
      rowsOf(book, "ClaimStatus")
        .slice(8)
        .map((r) => [r.ClaimID, r.PayerID, r.Event, r.Source, r["Control #"], r.Date]),
    ).toEqual([
      ["CL1", "MCR", "Accepted", "999", "42", day],
      ["CL2", "MCR", "Accepted", "999", "42", day],
      ["CL7", "MCR", "Accepted", "999", "42", day],
      ["CL3", "SEC", "Rejected", "999", "43", day],
    ]);
    const audit = rowsOf(book, "Audit");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ Action: "Acknowledgements imported", Rows: 4 });
    expect(audit[0].What).toContain("999 file accepted.999 (ISA13 000000901) dated 2026-03-17: 3 accepted");
  });

  it("makes the ClaimStatus table when the workbook has none", async () => {
    const book = ackWorkbook(false);
    const result = await recordAcks(book, files("claims.277"), NOW);
    if (!result.ok) throw new Error(result.problem);
    expect(result.added).toBe(3);
    expect(rowsOf(book, "ClaimStatus").map((r) => [r.ClaimID, r.Event])).toEqual([
      ["CL1", "Accepted"],
      ["CL2", "Rejected"],
      ["CL3", "Rejected"],
    ]);
  });

  it("adds nothing when the same file is recorded again, and the preview says the answers are already recorded", async () => {
    const book = ackWorkbook();
    const first = await recordAcks(book, files("accepted.999"), NOW);
    expect(first).toMatchObject({ ok: true, added: 3, rejected: 0 });
    const preview = previewAcks(files("accepted.999"), await readAckTables(book));
    if (!preview.ok) throw new Error(preview.problem);
    expect(preview.files[0].headline).toBe(
      "accepted.999: 0 accepted, 0 rejected, 0 not matched, 3 already recorded (nothing added for them).",
    );
    expect(preview.adds).toBe(0);
    const again = await recordAcks(book, files("accepted.999"), NOW);
    expect(again).toEqual({ ok: true, added: 0, rejected: 0, message: NOTHING_NEW });
    expect(rowsOf(book, "ClaimStatus")).toHaveLength(11);
    expect(rowsOf(book, "Audit")).toHaveLength(1);
  });

  it("plans on the workbook as it is at the write, not as previewed: answers recorded since are not added twice", async () => {
    const book = ackWorkbook();
    const chosen = files("accepted.999");
    const preview = previewAcks(chosen, await readAckTables(book));
    expect(preview).toMatchObject({ ok: true, adds: 3 });
    await recordAcks(book, chosen, NOW); // recorded meanwhile (another pane, another click)
    const late = await recordAcks(book, chosen, NOW);
    expect(late).toMatchObject({ ok: true, added: 0 });
    expect(rowsOf(book, "Audit")).toHaveLength(1);
  });
});

describe("a file that does not read", () => {
  it("is refused in a sentence naming the file, and the other files picked with it are not imported", async () => {
    const book = ackWorkbook();
    const read = readPickedAcks([picked("accepted.999"), picked("notes.txt", "Call the clearinghouse on Monday")]);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toMatch(/^notes\.txt was not read\. This is not an X12 file.*Nothing was written\.$/);
    expect(rowsOf(book, "ClaimStatus")).toHaveLength(8);
    expect(rowsOf(book, "Audit")).toHaveLength(0);
  });

  it("refuses a file cut short, and an X12 file that is not an acknowledgement", () => {
    const cut = readPickedAck("cut-short.999", bytes(fixture("cut-short.999")));
    expect(cut.ok).toBe(false);
    const remit = fixture("accepted.999").replace("ST*999*0001*005010X231A1~", "ST*835*0001*005010X221A1~");
    const other = readPickedAck("remit.edi", bytes(remit));
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.problem).toContain("not a 999 or 277CA acknowledgement");
  });
});

describe("the words", () => {
  it("counts answers and rejected claims", () => {
    expect(recordedMessage(1, 0)).toBe("Recorded 1 answer in the ClaimStatus table; the Audit sheet records it.");
    expect(recordedMessage(5, 2)).toContain("2 claims were rejected: they are back in the list above");
  });
});
