// Tertiary claims on a hand-made book (below): which claims are due to the patient's tertiary (and
// which not: no tertiary, the secondary not answered, nothing left after it, already billed to the
// tertiary or crossed over by the secondary, paid by the tertiary already), the tertiary claim built
// from both prior payers' postings (the secondary's 2430 worked out as tertiary.ts says: OA-23 for the
// primary's impact, its own adjustments, PR for what is left), every segment of its coordination of
// benefits written by hand, the file read back with the same amounts, and the COB scrub rules.
//
// The book: the sample claim (two lines, $125.00 and $35.00) billed to Sample Health Plan (SHP, the
// primary), which paid on 2026-04-01: line 1 $80.00 with CO-45 $25.00, PR-1 $12.00 and PR-2 $8.00;
// line 2 $24.00 with CO-45 $5.00 and PR-2 $6.00. The secondary, a state Medicaid plan (MCD), paid on
// 2026-04-20: line 1 $10.00 with its own CO-45 $4.00, line 2 $3.00. Left to the patient: $6.00 and
// $3.00, which the tertiary, Sample Supplemental (SUP), is asked about. Made up.
import { describe, expect, it } from "vitest";
import { build837p, write837p, type Write837pOptions } from "../../src/claims/837pWriter";
import { read837p, toClaim } from "../../src/claims/837pRead";
import type { Claim } from "../../src/claims/model";
import { scrubClaim } from "../../src/claims/scrubber";
import { claimsDueToSecondary, type SecondaryBooks } from "../../src/claims/secondary";
import { claimsDueToTertiary, tertiaryClaim } from "../../src/claims/tertiary";
import { buildLedger } from "../../src/ledger/ledger";
import type { ClaimStatusRow, PatientRow, PaymentRow, PostingRow } from "../../src/workbook/tables";
import { sampleClaim } from "./claimFixtures";
import { chargeRowsOf, payerRows, patientRow as basePatientRow } from "./cobFixtures";

const patientRow = (overrides: Partial<PatientRow> = {}): PatientRow =>
  basePatientRow({ tertiaryPayerId: "SUP", tertiaryMemberId: "SUP555", ...overrides });

const post = (postingId: string, paymentId: string, chargeId: string, date: string, rest: Partial<PostingRow>): PostingRow => ({
  postingId,
  paymentId,
  chargeId,
  date,
  source: "ERA",
  ...rest,
});

/** SHP's answer, as the ERA posts it. */
const primaryPostings = (): PostingRow[] => [
  post("S1", "PAY1", "C0000001", "2026-04-02", { paid: 8_000, adjustment: 2_500, group: "CO", reason: "45" }),
  post("S2", "PAY1", "C0000001", "2026-04-02", { patientResp: 1_200, group: "PR", reason: "1" }),
  post("S3", "PAY1", "C0000001", "2026-04-02", { patientResp: 800, group: "PR", reason: "2" }),
  post("S4", "PAY1", "C0000002", "2026-04-02", { paid: 2_400, adjustment: 500, group: "CO", reason: "45" }),
  post("S5", "PAY1", "C0000002", "2026-04-02", { patientResp: 600, group: "PR", reason: "2" }),
];

/** MCD's answer, as the ERA posts a secondary's: its payment and its own adjustments only. */
const secondaryPostings = (): PostingRow[] => [
  post("M1", "MCDPAY", "C0000001", "2026-04-21", { paid: 1_000, adjustment: 400, group: "CO", reason: "45" }),
  post("M2", "MCDPAY", "C0000002", "2026-04-21", { paid: 300 }),
];

const PAYMENTS: PaymentRow[] = [
  { paymentId: "PAY1", date: "2026-04-01", payerId: "SHP", amount: 10_400 },
  { paymentId: "MCDPAY", date: "2026-04-20", payerId: "MCD", amount: 1_300 },
];

function books(
  options: { postings?: PostingRow[]; payments?: PaymentRow[]; patient?: PatientRow; claimStatus?: ClaimStatusRow[]; claim?: Claim } = {},
): SecondaryBooks {
  const claim = options.claim ?? sampleClaim();
  const ledger = buildLedger({
    charges: chargeRowsOf(claim),
    payments: options.payments ?? PAYMENTS,
    postings: options.postings ?? [...primaryPostings(), ...secondaryPostings()],
    payers: payerRows(),
  });
  return {
    claims: [claim],
    patients: [options.patient ?? patientRow()],
    payers: payerRows(),
    ledger,
    claimStatus: options.claimStatus ?? [],
  };
}

function tertiaryOf(book: SecondaryBooks): Claim {
  const [due] = claimsDueToTertiary(book);
  const built = tertiaryClaim(due, book);
  if (!built.ok) throw new Error(built.problems.join(" "));
  return built.claim;
}

const options: Write837pOptions = {
  sender: { id: "SUBMIT01", name: "Sampleton Family Medicine" },
  receiver: { id: "CLEARHOUSE", name: "Sample Clearinghouse" },
  control: { interchange: 41, group: 41, transaction: 0 },
  now: new Date(2026, 4, 10, 9, 5),
  providers: new Map([["1987654328", { lastName: "Rendering", firstName: "Dana" }]]),
};

function claimSegments(text: string): string[] {
  const segments = text.split("~").filter((s) => s !== "");
  return segments.slice(
    segments.findIndex((s) => s.startsWith("CLM*")),
    segments.findIndex((s) => s.startsWith("SE*")),
  );
}

const status = (event: ClaimStatusRow["event"], sequence: ClaimStatusRow["sequence"], date: string, payerId?: string): ClaimStatusRow => ({
  date,
  claimId: "CLM0001",
  payerId,
  sequence,
  event,
  source: "837P",
});

describe("claims due to a tertiary payer", () => {
  it("lists a claim both prior payers answered with something still left to the patient, with the amounts", () => {
    const due = claimsDueToTertiary(books());
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      secondaryPayerId: "MCD",
      secondaryMemberId: "MCD98765",
      tertiaryPayerId: "SUP",
      tertiaryMemberId: "SUP555",
      charge: 16_000,
      primaryPaid: 10_400,
      patientResp: 2_600,
      secondaryPaid: 1_300,
      secondaryAdjusted: 400,
      left: 900,
    });
    expect(due[0].claim.claimId).toBe("CLM0001");
    // The secondary has answered: the claim is no longer due to it.
    expect(claimsDueToSecondary(books())).toEqual([]);
  });

  it("leaves out a patient with no tertiary, or one that is the primary or the secondary", () => {
    expect(claimsDueToTertiary(books({ patient: patientRow({ tertiaryPayerId: undefined }) }))).toEqual([]);
    expect(claimsDueToTertiary(books({ patient: patientRow({ tertiaryPayerId: "mcd" }) }))).toEqual([]);
    expect(claimsDueToTertiary(books({ patient: patientRow({ tertiaryPayerId: "SHP" }) }))).toEqual([]);
  });

  it("leaves out a claim the primary has not answered on every line, or the secondary not at all", () => {
    const [, , , s4, s5] = primaryPostings();
    const withoutLine2 = primaryPostings().filter((p) => p !== s4 && p !== s5 && p.chargeId !== "C0000002");
    expect(claimsDueToTertiary(books({ postings: [...withoutLine2, ...secondaryPostings()] }))).toEqual([]);
    expect(claimsDueToTertiary(books({ postings: primaryPostings() }))).toEqual([]);
  });

  it("counts a $0 answer of the secondary's only after a secondary claim was billed", () => {
    const zero: PostingRow[] = [post("M0", "MCDPAY", "C0000001", "2026-04-21", { paid: 0 })];
    const payments: PaymentRow[] = [PAYMENTS[0], { paymentId: "MCDPAY", date: "2026-04-20", payerId: "MCD", amount: 0 }];
    expect(claimsDueToTertiary(books({ postings: [...primaryPostings(), ...zero], payments }))).toEqual([]);
    const billed = [status("Billed", "Secondary", "2026-04-10", "MCD")];
    const due = claimsDueToTertiary(books({ postings: [...primaryPostings(), ...zero], payments, claimStatus: billed }));
    expect(due.map((d) => [d.secondaryPaid, d.left])).toEqual([[0, 2_600]]);
    // An answer dated before the secondary claim was billed is not its answer to it.
    const late = [status("Billed", "Secondary", "2026-04-25", "MCD")];
    expect(claimsDueToTertiary(books({ postings: [...primaryPostings(), ...zero], payments, claimStatus: late }))).toEqual([]);
  });

  it("leaves out a claim with nothing left after the secondary", () => {
    const paidInFull: PostingRow[] = [
      post("M1", "MCDPAY", "C0000001", "2026-04-21", { paid: 2_000 }),
      post("M2", "MCDPAY", "C0000002", "2026-04-21", { paid: 600 }),
    ];
    expect(claimsDueToTertiary(books({ postings: [...primaryPostings(), ...paidInFull] }))).toEqual([]);
  });

  it("leaves out a claim billed to the tertiary (unless that claim was rejected) or crossed over by the secondary", () => {
    const billed = status("Billed", "Tertiary", "2026-04-25", "SUP");
    expect(claimsDueToTertiary(books({ claimStatus: [billed] }))).toEqual([]);
    const rejected = { ...status("Rejected", "Tertiary", "2026-04-26", "SUP"), source: "277CA", reason: "A7:164" };
    expect(claimsDueToTertiary(books({ claimStatus: [billed, rejected] }))).toHaveLength(1);
    expect(claimsDueToTertiary(books({ claimStatus: [status("Crossed over", "Secondary", "2026-04-21", "MCD")] }))).toEqual([]);
    // The primary crossing over to the secondary says nothing about the tertiary.
    expect(claimsDueToTertiary(books({ claimStatus: [status("Crossed over", "Primary", "2026-04-01", "SHP")] }))).toHaveLength(1);
  });

  it("leaves out a claim the tertiary has paid on already", () => {
    const postings = [...primaryPostings(), ...secondaryPostings(), post("T1", "SUPPAY", "C0000001", "2026-05-01", { paid: 600 })];
    const payments = [...PAYMENTS, { paymentId: "SUPPAY", date: "2026-05-01", payerId: "SUP", amount: 600 }];
    expect(claimsDueToTertiary(books({ postings, payments }))).toEqual([]);
  });
});

describe("the tertiary claim and its 837P", () => {
  it("is billed to the tertiary under its member ID, with the primary's answer and the secondary's, each line balancing", () => {
    const claim = tertiaryOf(books());
    expect(claim.sequence).toBe("T");
    expect(claim.frequency).toBe("1");
    expect(claim.payer).toMatchObject({ payerId: "SUP", x12PayerId: "SUPP1" });
    expect(claim.patient.memberId).toBe("SUP555");
    const [primary, secondary] = claim.otherPayers!;
    expect(primary).toMatchObject({ payer: { payerId: "SHP" }, memberId: "XYZ123456789", paid: 10_400, paidDate: "2026-04-01" });
    expect(secondary).toEqual({
      payer: { payerId: "MCD", name: "Sample State Medicaid", type: "Medicaid", x12PayerId: "SKMCD" },
      memberId: "MCD98765",
      paid: 1_300,
      claimAdjustments: [],
      paidDate: "2026-04-20",
      lines: [
        {
          lineId: "C0000001",
          paid: 1_000,
          // $125.00 − the primary's PR $20.00 = OA-23 $105.00; its own CO-45 $4.00; left $6.00 on PR-1 (the primary's first PR).
          adjustments: [
            { group: "CO", reason: "45", amount: 400 },
            { group: "PR", reason: "1", amount: 600 },
            { group: "OA", reason: "23", amount: 10_500 },
          ],
          paidDate: "2026-04-20",
        },
        {
          lineId: "C0000002",
          paid: 300,
          adjustments: [
            { group: "PR", reason: "2", amount: 300 },
            { group: "OA", reason: "23", amount: 2_900 },
          ],
          paidDate: "2026-04-20",
        },
      ],
    });
    for (const payer of claim.otherPayers!) {
      claim.lines.forEach((line, i) => {
        const answer = payer.lines[i];
        expect(answer.paid + answer.adjustments.reduce((sum, a) => sum + a.amount, 0)).toBe(line.charge);
      });
    }
  });

  it("writes SBR*T, a 2320 loop per prior payer with its AMT*D, and two 2430 per line", () => {
    const written = write837p([tertiaryOf(books())], options);
    const segments = written.text.split("~");
    expect(segments).toContain("SBR*T*18*******CI");
    expect(segments).toContain("NM1*IL*1*TESTPERSON*ALEX****MI*SUP555");
    expect(segments).toContain("NM1*PR*2*SAMPLE SUPPLEMENTAL*****PI*SUPP1");
    expect(claimSegments(written.text)).toEqual([
      "CLM*CLM0001*160***11:B:1*Y*A*Y*Y",
      "HI*ABK:E119*ABF:Z23",
      "NM1*82*1*RENDERING*DANA****XX*1987654328",
      // 2320/2330A/2330B: the primary.
      "SBR*P*18*******CI",
      "AMT*D*104",
      "OI***Y***Y",
      "NM1*IL*1*TESTPERSON*ALEX****MI*XYZ123456789",
      "NM1*PR*2*SAMPLE HEALTH PLAN*****PI*SHP01",
      "DTP*573*D8*20260401",
      // 2320/2330A/2330B: the secondary, what it paid on the claim.
      "SBR*S*18*******MC",
      "AMT*D*13",
      "OI***Y***Y",
      "NM1*IL*1*TESTPERSON*ALEX****MI*MCD98765",
      "NM1*PR*2*SAMPLE STATE MEDICAID*****PI*SKMCD",
      "DTP*573*D8*20260420",
      "LX*1",
      "SV1*HC:99213:25*125*UN*1***1:2",
      "DTP*472*D8*20260302",
      "REF*6R*C0000001",
      // The primary: $125.00 = $80.00 + CO-45 $25.00 + PR-1 $12.00 + PR-2 $8.00.
      "SVD*SHP01*80*HC:99213:25**1",
      "CAS*CO*45*25",
      "CAS*PR*1*12**2*8",
      "DTP*573*D8*20260401",
      // The secondary: $125.00 = $10.00 + CO-45 $4.00 + PR-1 $6.00 + OA-23 $105.00.
      "SVD*SKMCD*10*HC:99213:25**1",
      "CAS*CO*45*4",
      "CAS*PR*1*6",
      "CAS*OA*23*105",
      "DTP*573*D8*20260420",
      "LX*2",
      "SV1*HC:90686*35*UN*1***2",
      "DTP*472*D8*20260302",
      "REF*6R*C0000002",
      // The primary: $35.00 = $24.00 + CO-45 $5.00 + PR-2 $6.00.
      "SVD*SHP01*24*HC:90686**1",
      "CAS*CO*45*5",
      "CAS*PR*2*6",
      "DTP*573*D8*20260401",
      // The secondary: $35.00 = $3.00 + PR-2 $3.00 + OA-23 $29.00.
      "SVD*SKMCD*3*HC:90686**1",
      "CAS*PR*2*3",
      "CAS*OA*23*29",
      "DTP*573*D8*20260420",
    ]);
    expect(written.notes).toEqual([]);
  });

  it("reads back with both prior payers in order and the same amounts, and scrubs clean", () => {
    const claim = tertiaryOf(books());
    const read = read837p(write837p([claim], options).text);
    if (!read.ok) throw new Error(read.error);
    expect(read.warnings).toEqual([]);
    const [back] = read.claims;
    expect(back.sequence).toBe("T");
    expect(back.subscriber.id).toBe("SUP555");
    expect(back.otherPayers!.map((o) => [o.sequence, o.payer.id, o.subscriber.id, o.paid, o.paidDate])).toEqual([
      ["P", "SHP01", "XYZ123456789", 10_400, "2026-04-01"],
      ["S", "SKMCD", "MCD98765", 1_300, "2026-04-20"],
    ]);
    for (const [i, line] of back.lines.entries()) {
      expect(line.otherPayerLines!.map((a) => a.payerId)).toEqual(["SHP01", "SKMCD"]);
      for (const answer of line.otherPayerLines!) {
        expect(answer.paid + answer.adjustments.reduce((sum, a) => sum + a.amount, 0)).toBe(claim.lines[i].charge);
      }
    }
    const asModel = toClaim(back);
    expect(asModel.sequence).toBe("T");
    expect(asModel.otherPayers!.map((o) => o.lines)).toEqual(claim.otherPayers!.map((o) => o.lines));
    expect(asModel.otherPayers!.map((o) => o.memberId)).toEqual(["XYZ123456789", "MCD98765"]);
    expect(scrubClaim(asModel, { today: "2026-05-10", skipBilling: true }).filter((p) => p.rule.startsWith("cob-"))).toEqual([]);
  });

  it("is refused in words when the tertiary is not in Payers, or the secondary took off more than the patient's share", () => {
    const book = books();
    const [due] = claimsDueToTertiary(book);
    expect(tertiaryClaim(due, { ...book, payers: payerRows().filter((p) => p.payerId !== "SUP") })).toEqual({
      ok: false,
      problems: [
        "Claim CLM0001: the patient's tertiary payer SUP is not in the Payers table: add it there, or correct the patient's Tertiary PayerID.",
      ],
    });
    // Line 2: MCD paid $7.00 of a $6.00 share (line 1 still leaves something, so the claim is due).
    const over = books({
      postings: [...primaryPostings(), secondaryPostings()[0], post("M2", "MCDPAY", "C0000002", "2026-04-21", { paid: 700 })],
      payments: [PAYMENTS[0], { ...PAYMENTS[1], amount: 1_700 }],
    });
    const [overDue] = claimsDueToTertiary(over);
    expect(tertiaryClaim(overDue, over)).toEqual({
      ok: false,
      problems: [
        "Claim CLM0001, line C0000002 (90686 on 2026-03-02): MCD paid $7.00 and adjusted $0.00, more than the $6.00 the primary left to the patient: correct the postings in Postings before billing the tertiary (nothing was changed).",
      ],
    });
  });
});

describe("the COB rules on a tertiary claim", () => {
  const good = () => tertiaryOf(books());
  const cob = (claim: Claim) => scrubClaim(claim, { today: "2026-05-10", skipBilling: true }).filter((p) => p.rule.startsWith("cob-"));

  it("holds back a claim without a Tertiary Member ID, or billed to a prior payer", () => {
    const patient = { ...good().patient };
    delete patient.memberId;
    expect(cob({ ...good(), patient })).toMatchObject([
      {
        rule: "cob-secondary-member-id",
        where: { table: "Patients", column: "Tertiary Member ID" },
        message: "No member ID with the tertiary payer Sample Supplemental: fill the patient's Tertiary Member ID in Patients",
      },
    ]);
    const same = good();
    expect(cob({ ...same, payer: { ...same.otherPayers![1].payer } })).toMatchObject([
      {
        rule: "cob-secondary-payer",
        where: { table: "Patients", column: "Tertiary PayerID" },
        message: "The tertiary payer is MCD, the secondary too: correct the patient's Tertiary PayerID in Patients",
      },
    ]);
  });

  it("holds back a claim missing the secondary's answer or with a secondary line not balancing, and the writer refuses it", () => {
    const claim = good();
    const onlyPrimary: Claim = { ...claim, otherPayers: [claim.otherPayers![0]] };
    expect(cob(onlyPrimary).map((p) => p.rule)).toEqual(["cob-primary-adjudication"]);
    const built = build837p([onlyPrimary], options);
    expect(built.ok ? [] : built.problems).toEqual([
      "Claim CLM0001 is a tertiary claim without the secondary's adjudication: it cannot be sent to the tertiary.",
    ]);
    const second = claim.otherPayers![1];
    const unbalanced: Claim = {
      ...claim,
      otherPayers: [claim.otherPayers![0], { ...second, lines: [{ ...second.lines[0], paid: 999 }, second.lines[1]] }],
    };
    expect(cob(unbalanced).map((p) => [p.rule, p.lineId])).toEqual([["cob-lines-balanced", "C0000001"]]);
    const refused = build837p([unbalanced], options);
    expect(refused.ok ? [] : refused.problems).toEqual([
      "Claim CLM0001, line C0000001: the secondary paid $9.99 and adjusted $115.00, which is not the line's charge of $125.00: the tertiary claim would not balance.",
    ]);
  });
});
