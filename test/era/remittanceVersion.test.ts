// What a remittance that is not a 5010 835 is told: its version read from the ISA header (ISA12) and
// its group or transaction (GS08/ST03) together, a mislabelled file named as what it looks like, and
// always what to ask the payer or clearinghouse for. The fixtures are written out here, as the files
// in the wild are: pipe-delimited 4010s whose segments end with "$", a line break and "~".
import { describe, expect, it } from "vitest";
import { readRemittanceFile } from "../../src/era/remittance";
import { readX12 } from "../../src/x12/x12Reader";

const ASK = "MedBill reads 5010 (005010X221A1) remittances: ask your payer or clearinghouse for the 5010 835.";

/** A one-claim 835 in `element` separators, its envelope saying `isa12` and its group `gs08`. */
function remit(isa12: string, gs08: string, element = "*", terminator = "~\n"): string {
  const segments = [
    `ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *040101*1200*U*${isa12}*000000001*0*P*:`,
    `GS*HP*SENDER*RECEIVER*20040101*1200*1*X*${gs08}`,
    "ST*835*0001",
    "BPR*I*100*C*CHK************20040101",
    "TRN*1*12345*1512345678",
    "N1*PR*SAMPLE PAYER",
    "N1*PE*SAMPLE CLINIC*XX*1234567893",
    "CLP*C1*1*100*100**MC*123",
    "SVC*HC:99213*100*100",
    "SE*8*0001",
    "GE*1*1",
    "IEA*1*000000001",
  ];
  return segments.map((s) => s.replaceAll("*", element)).join(terminator) + terminator;
}

describe("a pipe-delimited 4010 whose segments end with $, a line break and ~", () => {
  const text = remit("00401", "004010X091A1", "|", "$\n~");

  it("is read segment by segment, the extra ~ noted, not called damaged", () => {
    const x12 = readX12(text);
    if (!x12.ok) throw new Error(x12.error);
    expect(x12.interchange.delimiters).toMatchObject({ element: "|", component: ":", segment: "$" });
    expect(x12.interchange.transactions[0].segments.map((s) => s.id)).toEqual(["ST", "BPR", "TRN", "N1", "N1", "CLP", "SVC", "SE"]);
    expect(x12.interchange.transactions[0].interchangeVersion).toBe("00401");
    expect(x12.warnings.map((w) => w.message)).toEqual([
      'Segments end with "$" and then "~" (after the ISA header): the extra "~" between segments was ignored.',
    ]);
  });

  it("is refused as the 4010 remittance it is, saying what to ask for", () => {
    expect(readRemittanceFile(text)).toEqual({ ok: false, error: `This is a 4010 remittance (GS08 004010X091A1). ${ASK}` });
  });

  it("reads the same way with $ and CR LF, or ~ after the line break, as with plain ~", () => {
    for (const terminator of ["$\r\n~", "$\n", "$~\n", "~"]) {
      expect(readRemittanceFile(remit("00401", "004010X091A1", "|", terminator)), JSON.stringify(terminator)).toEqual({
        ok: false,
        error: `This is a 4010 remittance (GS08 004010X091A1). ${ASK}`,
      });
    }
  });
});

describe("envelope and group read together", () => {
  it("ISA12 00401 with GS08 5010: a 4010 remittance labelled 5010", () => {
    expect(readRemittanceFile(remit("00401", "5010", "|", "$\n~"))).toEqual({
      ok: false,
      error: `This file's envelope (ISA12 00401) and its group (GS08 "5010") disagree: it looks like a 4010 remittance labelled 5010. ${ASK}`,
    });
  });

  it("ISA12 00401 with no version in the group: a 4010 remittance", () => {
    expect(readRemittanceFile(remit("00401", ""))).toEqual({
      ok: false,
      error: `This is a 4010 remittance: its envelope says so (ISA12 00401) and its group names no version. ${ASK}`,
    });
  });

  it("ISA12 00401 with an unknown GS08: it looks like a 4010", () => {
    expect(readRemittanceFile(remit("00401", "ABC"))).toEqual({
      ok: false,
      error: `This remittance gives its version as "ABC" (GS08) and its envelope says 4010 (ISA12 00401): it looks like a 4010 remittance. ${ASK}`,
    });
  });

  it("GS08 of another 5010 guide (the 837P's) is not called a 5010 remittance MedBill cannot read", () => {
    const r = readRemittanceFile(remit("00501", "005010X222A1"));
    expect(r).toEqual({
      ok: false,
      error: `This file names the guide 005010X222A1 (GS08), not the 835 remittance's 005010X221A1: it is not a 5010 835. ${ASK}`,
    });
  });

  it("ISA12 00501 with GS08 5010 or 005010 is read as 5010, with a warning", () => {
    for (const gs08 of ["5010", "005010"]) {
      const r = readRemittanceFile(remit("00501", gs08));
      if (!r.ok) throw new Error(r.error);
      expect(r.remittances[0].claims).toHaveLength(1);
      expect(r.warnings.map((w) => w.message).join("\n")).toContain(
        `gives its version as ${gs08} without the guide (X221A1): it was read as 005010X221A1`,
      );
    }
  });

  it("GS08 005010X221A1 in a 00401 envelope is read, as its group says, with a warning", () => {
    const r = readRemittanceFile(remit("00401", "005010X221A1"));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings.map((w) => w.message).join("\n")).toContain("says 005010X221A1 (GS08) but its envelope says 4010 (ISA12 00401)");
  });

  it("a damaged GS08 thousands of characters long is quoted by its start", () => {
    const r = readRemittanceFile(remit("00501", `005010${"X22".repeat(5000)}x`));
    if (r.ok) throw new Error("expected a refusal");
    expect(r.error).toBe(
      `This remittance gives its version as "005010X22X22X22X22X22X22X22X22X22X22X22X…" (GS08), which is not an X12 version: a 5010 remittance says 005010X221A1. ${ASK}`,
    );
  });

  it("a 5010 file with a 5010 envelope reads without a version warning", () => {
    const r = readRemittanceFile(remit("00501", "005010X221A1"));
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
  });
});
