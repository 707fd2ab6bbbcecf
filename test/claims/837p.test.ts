// The 837P writer and reader together: claims written and read back are the same claims (ids, totals,
// diagnoses, lines with codes, modifiers, units, charges, pointers, dates and line ids); one ST/SE
// per payer with SE01 counting its segments; control numbers increasing across runs; GE/IEA counts;
// the loops in the order the guide lists them; a separator in a value never breaks the file (free
// text cleaned and said, identifiers refused in words that do not quote a patient's data).
import { describe, expect, it } from "vitest";
import { build837p, refusals837p, write837p, type Write837pOptions } from "../../src/claims/837pWriter";
import { read837p, toClaim, withDot, type Claim837 } from "../../src/claims/837pRead";
import type { Claim } from "../../src/claims/model";
import { readX12 } from "../../src/x12/x12Reader";
import { X12ValueError } from "../../src/x12/x12Writer";
import {
  BILLING_NPI,
  OTHER_RENDERING_NPI,
  RENDERING_NPI,
  sampleBilling,
  sampleClaim,
  sampleLine,
  samplePatient,
  samplePayer,
} from "./claimFixtures";

const providers = new Map([
  [RENDERING_NPI, { lastName: "Rendering", firstName: "Dana" }],
  [OTHER_RENDERING_NPI, { lastName: "Other", firstName: "Lee" }],
]);

const options = (overrides: Partial<Write837pOptions> = {}): Write837pOptions => ({
  sender: { id: "SUBMIT01", name: "Sampleton Family Medicine" },
  receiver: { id: "CLEARHOUSE", name: "Sample Clearinghouse" },
  control: { interchange: 41, group: 41, transaction: 0 },
  now: new Date(2026, 2, 16, 9, 5),
  providers,
  ...overrides,
});

const medicare = samplePayer({ payerId: "MCR", name: "Medicare Part B", type: "Medicare", x12PayerId: "00123" });

/** Claims over two payers, with what a claim can carry: four modifiers, fractional units, 12 diagnoses, a replacement. */
function claims(): Claim[] {
  return [
    sampleClaim(),
    sampleClaim({
      claimId: "CLM0002",
      payer: medicare,
      patient: samplePatient({ patientId: "P000002", memberId: "1EG4TE5MK73" }),
      diagnoses: ["M54.50", "S72.001A", "I10", "E11.9", "Z23", "R05.9", "J06.9", "K21.9", "F41.1", "G43.909", "N39.0", "L03.115"],
      lines: [
        sampleLine({
          lineId: "C0000010",
          code: "97110",
          modifiers: ["GP", "59", "KX", "XU"],
          units: 3,
          charge: 9_000,
          pointers: [1, 2, 3, 4],
        }),
        sampleLine({ lineId: "C0000011", code: "J1100", units: 1.5, charge: 1_275, pointers: [12], dos: "2026-03-03" }),
      ],
    }),
    sampleClaim({
      claimId: "CLM0003",
      frequency: "7",
      payerClaimNumber: "PCN998877",
      lines: [sampleLine({ lineId: "C0000020", code: "99214", charge: 18_000, pointers: [1] })],
    }),
  ];
}

function read(text: string) {
  const result = read837p(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const segmentsOf = (text: string) => text.split("~").filter((s) => s.trim() !== "");

/** The claim as the file carries it: diagnoses without dots, member and payer ids, lines by field. */
function expectSameClaim(back: Claim837, claim: Claim) {
  expect(back.claimId).toBe(claim.claimId);
  expect(back.total).toBe(claim.total);
  expect(back.frequency).toBe(claim.frequency);
  expect(back.pos).toBe(claim.pos);
  expect(back.payerClaimNumber).toBe(claim.frequency === "1" ? undefined : claim.payerClaimNumber);
  expect(back.diagnoses).toEqual(claim.diagnoses.map((d) => d.replace(".", "")));
  expect(back.diagnoses.map(withDot)).toEqual(claim.diagnoses);
  expect(back.subscriber.id).toBe(claim.patient.memberId);
  expect(back.subscriber.dob).toBe(claim.patient.dob);
  expect(back.payer.id).toBe(claim.payer.x12PayerId);
  expect(back.billing.id).toBe(claim.billing.npi);
  expect(back.renderingNpi).toBe(claim.renderingNpi !== claim.billing.npi ? claim.renderingNpi : undefined);
  expect(
    back.lines.map((l) => ({
      lineId: l.lineId,
      dos: l.dos,
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      charge: l.charge,
      pointers: l.pointers,
    })),
  ).toEqual(
    claim.lines.map((l) => ({
      lineId: l.lineId,
      dos: l.dos,
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      charge: l.charge,
      pointers: l.pointers,
    })),
  );
}

describe("round trip: claims → 837P → read837p", () => {
  it("gives back the same claims, lines, codes, modifiers, units, amounts, pointers, dates and line ids", () => {
    const written = write837p(claims(), options());
    const back = read(written.text);
    expect(back.warnings).toEqual([]);
    // Grouped by payer: SHP's two claims in the first transaction, Medicare's in the second.
    expect(back.claims.map((c) => [c.transaction, c.claimId])).toEqual([
      ["0001", "CLM0001"],
      ["0001", "CLM0003"],
      ["0002", "CLM0002"],
    ]);
    const byId = new Map(claims().map((c) => [c.claimId, c]));
    for (const c of back.claims) expectSameClaim(c, byId.get(c.claimId)!);
    expect(written.transactions).toEqual([
      { payerId: "SHP", control: "0001", claims: 2, total: 16_000 + 18_000 },
      { payerId: "MCR", control: "0002", claims: 1, total: 10_275 },
    ]);
    expect(written.notes).toEqual([]);
  });

  it("reads back as the claim model, the scrubber's input: dots restored, member and payer ids in place", () => {
    const [claim] = claims();
    const back = toClaim(read(write837p([claim], options()).text).claims[0]);
    expect(back).toMatchObject({
      claimId: claim.claimId,
      total: claim.total,
      diagnoses: claim.diagnoses,
      frequency: "1",
      pos: "11",
      renderingNpi: RENDERING_NPI,
      patient: { memberId: claim.patient.memberId, dob: claim.patient.dob, sex: "F", lastName: "TESTPERSON" },
      payer: { x12PayerId: "SHP01" },
      billing: { npi: BILLING_NPI, ein: "123456789", taxonomy: "207Q00000X" },
    });
    expect(back.lines.map((l) => [l.lineId, l.code, l.charge, l.pointers, l.pos])).toEqual(
      claim.lines.map((l) => [l.lineId, l.code, l.charge, l.pointers, "11"]),
    );
  });
});

describe("the envelope", () => {
  it("counts each transaction's segments in SE01, one transaction per payer in GE01, one group in IEA01", () => {
    const { text } = write837p(claims(), options());
    const segments = segmentsOf(text);
    const st = segments.map((s, i) => (s.startsWith("ST*") ? i : -1)).filter((i) => i >= 0);
    const se = segments.map((s, i) => (s.startsWith("SE*") ? i : -1)).filter((i) => i >= 0);
    expect(st).toHaveLength(2);
    st.forEach((start, k) => {
      const [, count, control] = segments[se[k]].split("*");
      expect(Number(count)).toBe(se[k] - start + 1);
      expect(control).toBe(segments[start].split("*")[2]);
    });
    expect(segments.at(-2)).toBe("GE*2*42");
    expect(segments.at(-1)).toBe("IEA*1*000000042");
    const x12 = readX12(text);
    expect(x12.ok && x12.warnings).toEqual([]);
  });

  it("numbers interchanges, groups and transactions on from the last ones used, across runs", () => {
    const first = write837p(claims(), options({ control: { interchange: 0, group: 0, transaction: 0 } }));
    const second = write837p(claims(), options({ control: first.control }));
    expect(first.control).toEqual({ interchange: 1, group: 1, transaction: 2 });
    expect(second.control).toEqual({ interchange: 2, group: 2, transaction: 4 });
    const isa13 = (text: string) => text.slice(0, 106).split("*")[13];
    expect([isa13(first.text), isa13(second.text)]).toEqual(["000000001", "000000002"]);
    expect(read(second.text).claims.map((c) => c.transaction)).toEqual(["0003", "0003", "0004"]);
    expect(segmentsOf(second.text)[1].split("*")[6]).toBe("2");
    // BHT03 is unique per transaction and file.
    const bht = [...segmentsOf(first.text), ...segmentsOf(second.text)].filter((s) => s.startsWith("BHT*")).map((s) => s.split("*")[3]);
    expect(new Set(bht).size).toBe(4);
  });

  it("marks a test file with ISA15 T, a production one with P", () => {
    expect(
      write837p(claims(), options({ test: true }))
        .text.slice(0, 106)
        .split("*")[15],
    ).toBe("T");
    expect(write837p(claims(), options()).text.slice(0, 106).split("*")[15]).toBe("P");
  });
});

describe("the loops of one claim", () => {
  it("writes submitter, receiver, billing provider, subscriber, payer, claim and lines in the guide's order", () => {
    const { text } = write837p([sampleClaim()], options());
    const body = segmentsOf(text).slice(2, -2);
    expect(body).toEqual([
      "ST*837*0001*005010X222A1",
      "BHT*0019*00*0000000420001*20260316*0905*CH",
      "NM1*41*2*SAMPLETON FAMILY MEDICINE*****46*SUBMIT01",
      "PER*IC*SAMPLETON FAMILY MEDICINE*TE*2175550100",
      "NM1*40*2*SAMPLE CLEARINGHOUSE*****46*CLEARHOUSE",
      "HL*1**20*1",
      "PRV*BI*PXC*207Q00000X",
      "NM1*85*2*SAMPLETON FAMILY MEDICINE*****XX*1234567893",
      "N3*100 SAMPLE WAY*SUITE 200",
      "N4*SAMPLETON*IL*627011234",
      "REF*EI*123456789",
      "HL*2*1*22*0",
      "SBR*P*18*******CI",
      "NM1*IL*1*TESTPERSON*ALEX****MI*XYZ123456789",
      "N3*12 ELM ST",
      "N4*SAMPLETON*IL*62702",
      "DMG*D8*19600504*F",
      "NM1*PR*2*SAMPLE HEALTH PLAN*****PI*SHP01",
      "CLM*CLM0001*160***11:B:1*Y*A*Y*Y",
      "HI*ABK:E119*ABF:Z23",
      "NM1*82*1*RENDERING*DANA****XX*1987654328",
      "LX*1",
      "SV1*HC:99213:25*125*UN*1***1:2",
      "DTP*472*D8*20260302",
      "REF*6R*C0000001",
      "LX*2",
      "SV1*HC:90686*35*UN*1***2",
      "DTP*472*D8*20260302",
      "REF*6R*C0000002",
      "SE*30*0001",
    ]);
  });

  it("writes REF*F8 for a replacement or void, SBR09 by payer type, and no 2310B when the billing provider rendered", () => {
    const claim = sampleClaim({
      frequency: "8",
      payerClaimNumber: "PCN1",
      payer: medicare,
      renderingNpi: BILLING_NPI,
      lines: [sampleLine({ renderingNpi: BILLING_NPI })],
    });
    const segments = segmentsOf(write837p([claim], options()).text);
    expect(segments).toContain("CLM*CLM0001*125***11:B:8*Y*A*Y*Y");
    expect(segments).toContain("REF*F8*PCN1");
    expect(segments).toContain("SBR*P*18*******MB");
    expect(segments.some((s) => s.startsWith("NM1*82"))).toBe(false);
  });

  it("names a line's own rendering provider (2420A) and its POS when they differ from the claim's", () => {
    const claim = sampleClaim({
      lines: [
        sampleLine({ lineId: "L1" }),
        sampleLine({ lineId: "L2", code: "99214", renderingNpi: OTHER_RENDERING_NPI, pos: "02", pointers: [1] }),
      ],
      diagnoses: ["I10"],
    });
    const segments = segmentsOf(write837p([claim], options()).text);
    const l2 = segments.indexOf("REF*6R*L2");
    expect(segments[l2 - 2]).toBe("SV1*HC:99214*125*UN*1*02**1");
    expect(segments[l2 + 1]).toBe(`NM1*82*1*OTHER*LEE****XX*${OTHER_RENDERING_NPI}`);
    const back = read(segmentsOf(write837p([claim], options()).text).join("~") + "~").claims[0];
    expect(back.lines.map((l) => [l.lineId, l.pos, l.renderingNpi])).toEqual([
      ["L1", undefined, undefined],
      ["L2", "02", OTHER_RENDERING_NPI],
    ]);
  });

  it("puts one subscriber HL under one billing provider HL per practice, and a new one when the billing provider changes", () => {
    const other = sampleBilling({ npi: "1679576722", name: "Second Practice" });
    const text = write837p([sampleClaim(), sampleClaim({ claimId: "C2" }), sampleClaim({ claimId: "C3", billing: other })], options()).text;
    expect(segmentsOf(text).filter((s) => s.startsWith("HL*"))).toEqual([
      "HL*1**20*1",
      "HL*2*1*22*0",
      "HL*3*1*22*0",
      "HL*4**20*1",
      "HL*5*4*22*0",
    ]);
    expect(read(text).claims.map((c) => c.billing.id)).toEqual([BILLING_NPI, BILLING_NPI, "1679576722"]);
  });
});

describe("separators inside values", () => {
  it("cleans free text (names, addresses), says so without quoting it, and the file still reads the same", () => {
    const claim = sampleClaim({
      patient: samplePatient({
        lastName: "O*Brien",
        firstName: "Ann~Marie",
        address: { lines: ["12 Elm St: Apt^4"], city: "Sample*ton", state: "IL", zip: "62702" },
      }),
      payer: samplePayer({ name: "Health:Plan*One" }),
    });
    const written = write837p([claim], options());
    const back = read(written.text);
    expect(back.warnings).toEqual([]);
    expectSameClaim(back.claims[0], claim);
    expect(back.claims[0].subscriber).toMatchObject({
      name: "O BRIEN",
      firstName: "ANN MARIE",
      address: { lines: ["12 ELM ST APT 4"], city: "SAMPLE TON" },
    });
    expect(back.claims[0].payer.name).toBe("HEALTH PLAN ONE");
    expect(written.notes.length).toBeGreaterThanOrEqual(4);
    expect(written.notes.every((n) => n.startsWith("Claim CLM0001:"))).toBe(true);
    expect(written.notes.join(" ")).not.toMatch(/Brien|Marie|Elm|Sample\*ton/);
  });

  it("refuses an identifier with a separator in words, naming the field and the fix, and writes nothing", () => {
    const claim = sampleClaim({ claimId: "CLM*1", patient: samplePatient({ memberId: "XY:123" }), lines: [sampleLine({ lineId: "C~1" })] });
    const built = build837p([claim], options());
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems).toEqual([
      expect.stringMatching(
        /^Claim "CLM\*1": the ClaimID has "\*" in it, which an X12 file uses between fields: change it in Charges \(ClaimID\)\.$/,
      ),
      expect.stringMatching(/the member ID has ":" in it.*correct it in Patients/),
      expect.stringMatching(/ChargeID "C~1" has "~" in it, which an X12 file uses to end segments/),
    ]);
    expect(built.error).not.toContain("XY:123");
    expect(() => write837p([claim], options())).toThrow(X12ValueError);
  });
});

describe("what the file cannot carry", () => {
  it("is refused before writing: no name for a rendering provider, over 12 diagnoses, 50 lines or 4 pointers, no POS, a claim twice", () => {
    const manyLines = Array.from({ length: 51 }, (_, i) => sampleLine({ lineId: `L${i}` }));
    const problems = refusals837p(
      [
        sampleClaim({ claimId: "A", renderingNpi: "1555555550", lines: [sampleLine({ renderingNpi: "1555555550" })] }),
        sampleClaim({ claimId: "B", diagnoses: Array.from({ length: 13 }, (_, i) => `Z0${i % 10}`) }),
        sampleClaim({ claimId: "C", lines: manyLines }),
        sampleClaim({ claimId: "D", lines: [sampleLine({ pointers: [1, 2, 3, 4, 5] })] }),
        sampleClaim({ claimId: "E", pos: undefined, lines: [sampleLine({ pos: undefined })] }),
        sampleClaim({ claimId: "A" }),
        sampleClaim({ claimId: "F", lines: [] }),
      ],
      { ...options(), providers: new Map([[RENDERING_NPI, { lastName: "Rendering" }]]) },
    );
    expect(problems).toEqual([
      "Claim A: the rendering provider (NPI 1555555550) has no name in Providers: add their Last Name and First Name there.",
      "Claim B has 13 diagnoses; a claim holds at most 12: split it.",
      "Claim C has 51 lines; an 837P claim holds at most 50: split it into two claims.",
      "Claim D, line C0000001: 5 diagnosis pointers; a line takes at most 4.",
      "Claim E has no place of service: fill POS in Charges.",
      "Claim A is given twice: a file holds each claim once.",
      "Claim F has no service lines.",
    ]);
    expect(refusals837p([], options())).toEqual(["There are no claims to write."]);
  });

  it("writes our PayerID when the payer has no X12 Payer ID, and a contact with no phone, and says both", () => {
    const claim = sampleClaim({ payer: samplePayer({ x12PayerId: undefined }), billing: sampleBilling({ phone: undefined }) });
    const written = write837p([claim], options());
    const segments = segmentsOf(written.text);
    expect(segments).toContain("NM1*PR*2*SAMPLE HEALTH PLAN*****PI*SHP");
    expect(segments).toContain("PER*IC*SAMPLETON FAMILY MEDICINE");
    expect(written.notes).toEqual([
      expect.stringMatching(/no Phone in Practice/),
      expect.stringMatching(/^Payer SHP has no X12 Payer ID in Payers: its PayerID was written in its place/),
    ]);
  });
});

describe("reading what is not an 837P, or a damaged one", () => {
  it("refuses an 835, an institutional 837 and a file that is not X12, in words", () => {
    const claim = write837p([sampleClaim()], options()).text;
    expect(read837p(claim.replace("ST*837*", "ST*835*"))).toEqual({
      ok: false,
      error: "This is an 835 remittance, not an 837P claim file.",
    });
    const institutional = read837p(claim.replace(/005010X222A1/g, "005010X223A2"));
    expect(institutional.ok || institutional.error).toMatch(/institutional \(837I\)/);
    expect(read837p("hello").ok).toBe(false);
  });

  it("reports a segment count that does not match, and still reads the claims", () => {
    const text = write837p(claims(), options()).text.replace("DTP*472*D8*20260302~REF*6R*C0000002~", "REF*6R*C0000002~");
    const back = read(text);
    expect(back.claims).toHaveLength(3);
    expect(back.warnings).toHaveLength(1);
    const [, said, found] =
      /^The SE trailer at segment \d+ counts (\d+) segments, but transaction 0001 has (\d+)\.$/.exec(back.warnings[0]) ?? [];
    expect(Number(said) - Number(found)).toBe(1);
    expect(back.claims[0].lines[1].dos).toBeUndefined();
  });
});
