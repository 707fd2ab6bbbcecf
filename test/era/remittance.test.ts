// The 835 model: every field a posting needs, read from where the 5010 guide puts it; the quirks of
// real payers' files read with a warning; files that are not 5010 835s refused, naming what they are.
import { describe, expect, it } from "vitest";
import { readRemittanceFile, type RemittanceRead } from "../../src/era/remittance";
import { writeX12, type Segment, type TransactionSpec, type WriteOptions } from "../x12/x12Fixtures";
import { fullBody, header } from "./remittanceFixtures";

function read(result: RemittanceRead) {
  if (!result.ok) throw new Error(`expected a remittance, got: ${result.error}`);
  return result;
}
const file = (body: Segment[], options: WriteOptions = {}, extra: Partial<TransactionSpec> = {}) =>
  writeX12([{ control: "1001", body, ...extra }], options);
const messages = (r: { warnings: { message: string }[] }) => r.warnings.map((w) => w.message).join("\n");

describe("an 835 read field by field", () => {
  const r = read(readRemittanceFile(file(fullBody, {}, { version: "005010X221A1" })));
  const [rem] = r.remittances;

  it("reads the payment, trace, payer and payee from BPR, TRN and the N1 loops", () => {
    expect(r.isaControl).toBe("000000905");
    expect(rem).toMatchObject({
      control: "1001",
      version: "005010X221A1",
      payment: { handling: "I", amount: 5500, creditDebit: "C", method: "ACH", date: "2026-01-10" },
      trace: { number: "EFT778899", payerId: "1512345678" },
      payer: { name: "SAMPLE HEALTH PLAN", id: "87726" },
      payee: { name: "LAKESIDE FAMILY MEDICINE", npi: "1234567893", taxId: "123456789" },
    });
  });

  it("reads each claim: CLP01-07, claim-level CAS triplets with quantities, patient and service dates", () => {
    expect(rem.claims).toHaveLength(2);
    const [first, second] = rem.claims;
    expect(first).toMatchObject({
      patientControl: "CL100",
      status: "1",
      charge: 21500,
      paid: 6000,
      patientResp: 3500,
      filingIndicator: "12",
      payerClaimNumber: "PCN-77",
      patientName: "DOE, JANE Q",
      serviceFrom: "2026-01-02",
      serviceTo: "2026-01-03",
      position: 14,
    });
    expect(first.adjustments).toEqual([
      { group: "OA", reason: "23", amount: 1000 },
      { group: "OA", reason: "94", amount: 500, quantity: 2 },
    ]);
    expect(second).toMatchObject({ patientControl: "CL200", status: "4", charge: 7500, paid: 0, patientResp: 0, lines: [] });
    expect(second.adjustments).toEqual([{ group: "CO", reason: "31", amount: 7500 }]);
  });

  it("reads each service line: composite, original code, amounts, units, date, line id, allowed, CAS and remarks", () => {
    const [a, b] = rem.claims[0].lines;
    expect(a).toEqual({
      qualifier: "HC",
      code: "99214",
      modifiers: ["25", "59"],
      originalCode: "99215",
      originalModifiers: ["25"],
      charge: 15000,
      paid: 4500,
      units: 2,
      dos: "2026-01-02",
      lineId: "CHG-1",
      allowed: 6000,
      adjustments: [
        { group: "CO", reason: "45", amount: 9000 },
        { group: "PR", reason: "1", amount: 1500, quantity: 1 },
      ],
      remarks: ["N130", "M15"],
      position: 19,
    });
    expect(b).toMatchObject({ code: "36415", modifiers: [], charge: 5000, paid: 1500, dos: "2026-01-03" });
    expect(b.units).toBeUndefined();
    expect(b.lineId).toBeUndefined();
    expect(b.adjustments).toEqual([
      { group: "PR", reason: "2", amount: 500 },
      { group: "PR", reason: "3", amount: 1500 },
      { group: "CO", reason: "45", amount: 1500 },
    ]);
  });

  it("reads CAS with six triplets", () => {
    const six: Segment = [
      "CAS",
      "CO",
      "1",
      "1.00",
      "",
      "2",
      "2.00",
      "",
      "3",
      "3.00",
      "",
      "4",
      "4.00",
      "",
      "5",
      "5.00",
      "",
      "6",
      "6.00",
      "1",
    ];
    const one = read(readRemittanceFile(file([...header(0), ["CLP", "C", "1", "21.00", "0"], six])));
    expect(one.remittances[0].claims[0].adjustments.map((a) => [a.reason, a.amount, a.quantity])).toEqual([
      ["1", 100, undefined],
      ["2", 200, undefined],
      ["3", 300, undefined],
      ["4", 400, undefined],
      ["5", 500, undefined],
      ["6", 600, 1],
    ]);
  });

  it("reads PLB pairs: reason and reference from the composite, amount as in the file, provider id and fiscal date", () => {
    expect(rem.plb).toEqual([
      { providerId: "1234567893", fiscalDate: "2026-12-31", reason: "L6", reference: "INT-1", amount: -250 },
      { providerId: "1234567893", fiscalDate: "2026-12-31", reason: "WO", reference: "RECOUP-9", amount: 750 },
    ]);
    const six = ["PLB", "P1", "20261231", "L6", "1.00", "WO", "2.00", "FB", "3.00", "72", "4.00", "CS", "5.00", "IS", "6.00"] as Segment;
    const many = read(readRemittanceFile(file([...header(0), six])));
    expect(many.remittances[0].plb.map((p) => [p.reason, p.amount, p.reference])).toEqual([
      ["L6", 100, undefined],
      ["WO", 200, undefined],
      ["FB", 300, undefined],
      ["72", 400, undefined],
      ["CS", 500, undefined],
      ["IS", 600, undefined],
    ]);
  });

  it("warns about nothing on a clean file", () => {
    expect(r.warnings).toEqual([]);
  });
});

describe("ids from where each payer puts them", () => {
  it("takes the payer id from N1*PR 04 when there is no REF*2U, and the payee tax id from N1*PE*FI", () => {
    const body = header(0).filter((s) => !(s[0] === "REF" && s[1] === "2U"));
    expect(body.map((s) => s[0]).slice(6, 8)).toEqual(["N1", "REF"]);
    body.splice(6, 2, ["N1", "PE", "LAKESIDE", "FI", "987654321"]);
    const { remittances } = read(readRemittanceFile(file(body)));
    expect(remittances[0].payer).toEqual({ name: "SAMPLE HEALTH PLAN", id: "SHP01" });
    expect(remittances[0].payee).toEqual({ name: "LAKESIDE", taxId: "987654321" });
  });

  it("reads one remittance per ST/SE, each with its own trace", () => {
    const text = writeX12([
      { control: "0001", body: [...header(0, "T1")] },
      { control: "0002", body: [...header(0, "T2")] },
    ]);
    const r = read(readRemittanceFile(text));
    expect(r.remittances.map((x) => [x.control, x.trace.number])).toEqual([
      ["0001", "T1"],
      ["0002", "T2"],
    ]);
  });
});

describe("refused files, named", () => {
  it("refuses a file that is not an 835", () => {
    const r = readRemittanceFile(writeX12([{ setId: "837", body: [["BHT", "0019"]] }], { gsVersion: "005010X222A1" }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/This is an 837 claim file, not an 835 remittance/) });
    const odd = readRemittanceFile(writeX12([{ setId: "123", body: [] }]));
    expect(odd).toEqual({ ok: false, error: expect.stringMatching(/X12 123 transaction, not an 835/) });
  });

  it("refuses a 4010 remittance, from GS08 or from ST03, naming its version", () => {
    const gs = readRemittanceFile(file(header(0), { gsVersion: "004010X091A1" }));
    const asked = "MedBill reads 5010 (005010X221A1) remittances: ask your payer or clearinghouse for the 5010 835.";
    expect(gs).toEqual({
      ok: false,
      error: `This is a 4010 remittance (GS08 004010X091A1, although its envelope says 5010 (ISA12 00501)). ${asked}`,
    });
    const st = readRemittanceFile(file(header(0), {}, { version: "004010X091A1" }));
    expect(st).toEqual({
      ok: false,
      error: `This is a 4010 remittance (ST03 004010X091A1, although its envelope says 5010 (ISA12 00501)). ${asked}`,
    });
    const other = readRemittanceFile(file(header(0), { gsVersion: "ABC" }));
    expect(other).toEqual({ ok: false, error: expect.stringContaining('"ABC"') });
  });

  it("reads a file that names no version (no GS, no ST03) as 5010, with a warning", () => {
    const r = read(readRemittanceFile(file(header(0), { envelope: false })));
    expect(messages(r)).toMatch(/no ISA\/GS envelope/);
    expect(messages(r)).toMatch(/does not say its version.*read as 5010/);
    expect(r.remittances[0].version).toBeUndefined();
  });

  it("refuses a remittance without BPR, with an unreadable BPR02, or without a trace number", () => {
    const noBpr = readRemittanceFile(file(header(0).slice(1)));
    expect(noBpr).toEqual({ ok: false, error: expect.stringContaining("no payment segment (BPR)") });
    const badAmount = header(0);
    badAmount[0] = ["BPR", "I", "12,3x", "C", "ACH"];
    expect(readRemittanceFile(file(badAmount))).toEqual({ ok: false, error: expect.stringContaining('BPR02 "12,3x"') });
    const noTrn = readRemittanceFile(file(header(0).filter((s) => s[0] !== "TRN")));
    expect(noTrn).toEqual({ ok: false, error: expect.stringContaining("no trace number (TRN02)") });
  });

  it("passes on the reader's error for a file that is not X12", () => {
    expect(readRemittanceFile("%PDF-1.7")).toEqual({ ok: false, error: expect.stringContaining("not an X12 file") });
  });
});

describe("real payers' quirks, read with a warning", () => {
  const claim: Segment[] = [...header(0), ["CLP", "C1", "1", "100.00", "60.00", "0", "12"]];

  it("reads an SVC composite written with > although ISA16 is :, saying so once", () => {
    const r = read(
      readRemittanceFile(
        file([
          ...claim,
          ["SVC", "HC>12345>26", "100.00", "60.00", "", "1"],
          ["CAS", "CO", "45", "40.00"],
          ["SVC", "HC>99213", "0", "0", "", "1", "HC>99212"],
        ]),
      ),
    );
    const lines = r.remittances[0].claims[0].lines;
    expect(lines.map((l) => [l.qualifier, l.code, l.modifiers, l.originalCode])).toEqual([
      ["HC", "12345", ["26"], undefined],
      ["HC", "99213", [], "99212"],
    ]);
    expect(r.warnings).toEqual([
      { position: 14, message: expect.stringContaining('writes its codes with ">" although the file declares ":"') },
    ]);
  });

  it("does not split on another separator unless a known qualifier comes first", () => {
    const r = read(readRemittanceFile(file([...claim, ["SVC", "XY>12345", "100.00", "60.00"]])));
    expect(r.remittances[0].claims[0].lines[0]).toMatchObject({ qualifier: "XY>12345", code: "" });
    expect(messages(r)).toMatch(/no procedure code \(SVC01 "XY>12345"\)/);
  });

  it("reads an SVC01 with no procedure code as written, with a warning (SVC*HC*24599.00*...)", () => {
    const r = read(readRemittanceFile(file([...claim, ["SVC", "HC", "24599.00", "1766.50", "187.50", "", "1"]])));
    expect(r.remittances[0].claims[0].lines[0]).toMatchObject({ qualifier: "HC", code: "", charge: 2459900, paid: 176650 });
    expect(r.remittances[0].claims[0].lines[0].originalCode).toBeUndefined();
    expect(r.warnings).toEqual([{ position: 14, message: expect.stringContaining("has no procedure code") }]);
  });

  it("keeps negative CAS amounts as they are", () => {
    const r = read(readRemittanceFile(file([...claim, ["CAS", "OA", "94", "-9.00"]])));
    expect(r.remittances[0].claims[0].adjustments).toEqual([{ group: "OA", reason: "94", amount: -900 }]);
  });

  it("ignores, with a warning, a CAS group that 5010 does not have (CR) and amounts that are not amounts", () => {
    const r = read(readRemittanceFile(file([...claim, ["CAS", "CR", "45", "40.00"], ["CAS", "CO", "45", "forty", "", "253", "1.00"]])));
    expect(r.remittances[0].claims[0].adjustments).toEqual([{ group: "CO", reason: "253", amount: 100 }]);
    expect(messages(r)).toMatch(/group "CR", which is not a 5010 group/);
    expect(messages(r)).toMatch(/adjustment amount \(CO-45\) at segment 15 is not an amount \("forty"\)/);
  });

  it("reads a PLB composite written with another separator when a PLB reason comes first", () => {
    const r = read(readRemittanceFile(file([...header(0), ["PLB", "P1", "20261231", "WO>ABC123", "7.50"]])));
    expect(r.remittances[0].plb[0]).toMatchObject({ reason: "WO", reference: "ABC123", amount: 750 });
  });

  it("warns about a payment date that is not a date, and one that is missing", () => {
    const bad = header(0);
    bad[0] = ["BPR", "I", "0", "C", "NON", "", "", "", "", "", "", "", "", "", "", "", "20002316"];
    expect(messages(read(readRemittanceFile(file(bad))))).toMatch(/payment date \(BPR16\) at segment 4 is not a date \("20002316"\)/);
    bad[0] = ["BPR", "I", "0", "C", "NON"];
    const r = read(readRemittanceFile(file(bad)));
    expect(r.remittances[0].payment.date).toBeUndefined();
    expect(messages(r)).toMatch(/no date \(BPR16 is blank/);
  });

  it("warns about service lines and adjustments outside any claim", () => {
    const r = read(readRemittanceFile(file([...header(0), ["SVC", "HC:99213", "1.00", "1.00"], ["CAS", "CO", "45", "1.00"]])));
    expect(r.remittances[0].claims).toEqual([]);
    expect(messages(r)).toMatch(/service line \(SVC\) at segment 13 is outside any claim/);
    expect(messages(r)).toMatch(/adjustment \(CAS\) at segment 14 is outside any claim/);
  });
});
