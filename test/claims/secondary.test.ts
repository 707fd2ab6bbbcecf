// Secondary claims on a hand-made book (below): which claims are due to the patient's
// secondary (and which not: primary not answered yet, crossed over, already billed to the secondary,
// no secondary, paid by it already), the secondary claim built from the primary's postings (refused in
// words when a line does not add up or the secondary is not in Payers), every coordination-of-benefits
// segment of its 837P written by hand, the file read back with the same amounts, and the COB scrub rules;
// and, as a property of every generated claim (1-6 lines, the primary's answer split at random into
// paid, CO-45, deductible, coinsurance, copay and OA), each line read back from the file balances:
// Σ 2430 SVD02 + Σ CAS = the line's charge, and AMT*D = Σ SVD02.
//
// The book: the sample claim (two lines, $125.00 and $35.00) billed to Sample Health Plan (SHP, the
// primary), which paid on 2026-04-01 with CO-45 and PR-2 (coinsurance) on each line; the patient's
// secondary is a state Medicaid plan (MCD). Made up.
import fc from "fast-check";
import { buildLedger, type Ledger } from "../../src/ledger/ledger";
import type { Cents } from "../../src/money";
import type { ClaimStatusRow, PatientRow, PaymentRow, PostingRow } from "../../src/workbook/tables";
import { sampleClaim, sampleLine } from "./claimFixtures";
import { describe, expect, it } from "vitest";
import { write837p, build837p, type Write837pOptions } from "../../src/claims/837pWriter";
import { read837p, toClaim } from "../../src/claims/837pRead";
import type { Claim } from "../../src/claims/model";
import { COB_SCRUB_RULES, scrubClaim } from "../../src/claims/scrubber";
import { claimsDueToSecondary, secondaryClaim, type SecondaryBooks } from "../../src/claims/secondary";
import { chargeRowsOf, payerRows, patientRow } from "./cobFixtures";

const PRIMARY_PAID_ON = "2026-04-01";

/** One line's primary answer: paid, CO-45 and PR-<reason>. */
interface LineAnswer {
  paid: Cents;
  co45: Cents;
  pr: Cents;
  prReason?: string;
}

/** Line 1: $125.00 = $80.00 paid + CO-45 $25.00 + PR-2 $20.00; line 2: $35.00 = $24.00 + $5.00 + $6.00. */
const ANSWERS: LineAnswer[] = [
  { paid: 8_000, co45: 2_500, pr: 2_000 },
  { paid: 2_400, co45: 500, pr: 600 },
];

/** The primary's postings as the ERA posts them: paid with its CO-45 on one row, the PR on another. */
function primaryPostings(claim: Claim, answers: LineAnswer[] = ANSWERS, paymentId = "PAY1"): PostingRow[] {
  return claim.lines.flatMap((l, i) => {
    const a = answers[i];
    if (!a) return [];
    const rows: PostingRow[] = [
      {
        postingId: `${paymentId}-${l.lineId}-1`,
        paymentId,
        chargeId: l.lineId,
        date: "2026-04-02",
        paid: a.paid,
        adjustment: a.co45,
        group: "CO",
        reason: "45",
        source: "ERA",
      },
    ];
    if (a.pr !== 0) {
      rows.push({
        postingId: `${paymentId}-${l.lineId}-2`,
        paymentId,
        chargeId: l.lineId,
        date: "2026-04-02",
        group: "PR",
        reason: a.prReason ?? "2",
        patientResp: a.pr,
        source: "ERA",
      });
    }
    return rows;
  });
}

interface HandBook {
  claim: Claim;
  books: SecondaryBooks;
  ledger: Ledger;
}

/** The book: the claim, SHP's payment and postings (as given), the patient, the payers, ClaimStatus rows. */
function handBook(
  options: { claim?: Claim; postings?: PostingRow[]; payments?: PaymentRow[]; patient?: PatientRow; claimStatus?: ClaimStatusRow[] } = {},
): HandBook {
  const claim = options.claim ?? sampleClaim();
  const payments = options.payments ?? [{ paymentId: "PAY1", date: PRIMARY_PAID_ON, payerId: "SHP", amount: 10_400 }];
  const postings = options.postings ?? primaryPostings(claim);
  const ledger = buildLedger({ charges: chargeRowsOf(claim), payments, postings, payers: payerRows() });
  return {
    claim,
    ledger,
    books: {
      claims: [claim],
      patients: [options.patient ?? patientRow()],
      payers: payerRows(),
      ledger,
      claimStatus: options.claimStatus ?? [],
    },
  };
}

const options: Write837pOptions = {
  sender: { id: "SUBMIT01", name: "Sampleton Family Medicine" },
  receiver: { id: "CLEARHOUSE", name: "Sample Clearinghouse" },
  control: { interchange: 41, group: 41, transaction: 0 },
  now: new Date(2026, 3, 10, 9, 5),
  providers: new Map([["1987654328", { lastName: "Rendering", firstName: "Dana" }]]),
};

function secondaryOf(book: HandBook): Claim {
  const [due] = claimsDueToSecondary(book.books);
  const built = secondaryClaim(due, book.books);
  if (!built.ok) throw new Error(built.problems.join(" "));
  return built.claim;
}

/** The segments of the file from its first CLM to the SE, without the terminator. */
function claimSegments(text: string): string[] {
  const segments = text.split("~").filter((s) => s !== "");
  const from = segments.findIndex((s) => s.startsWith("CLM*"));
  const to = segments.findIndex((s) => s.startsWith("SE*"));
  return segments.slice(from, to);
}

describe("claims due to a secondary payer", () => {
  it("lists a claim the primary answered on every line, with what it paid and left to the patient", () => {
    const book = handBook();
    const due = claimsDueToSecondary(book.books);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      secondaryPayerId: "MCD",
      secondaryMemberId: "MCD98765",
      charge: 16_000,
      primaryPaid: 10_400,
      patientResp: 2_600,
      otherPayerPaid: 0,
      left: 2_600,
    });
    expect(due[0].claim.claimId).toBe("CLM0001");
  });

  it("leaves out a claim the primary has not answered on every line", () => {
    const claim = sampleClaim();
    expect(claimsDueToSecondary(handBook({ postings: primaryPostings(claim, [ANSWERS[0]]) }).books)).toEqual([]);
    expect(claimsDueToSecondary(handBook({ postings: [] }).books)).toEqual([]);
  });

  it("leaves out a claim whose primary postings were all reversed, and nets a reversal followed by the correction", () => {
    const claim = sampleClaim();
    const first = primaryPostings(claim);
    const reversals: PostingRow[] = first.map((p) => ({
      postingId: `R-${p.postingId}`,
      chargeId: p.chargeId,
      date: "2026-04-05",
      paid: p.paid === undefined ? undefined : -p.paid,
      adjustment: p.adjustment === undefined ? undefined : -p.adjustment,
      patientResp: p.patientResp === undefined ? undefined : -p.patientResp,
      reverses: p.postingId,
    }));
    expect(claimsDueToSecondary(handBook({ postings: [...first, ...reversals] }).books)).toEqual([]);
    // Corrected: line 1 paid $90.00 with CO-45 $25.00 and PR-2 $10.00.
    const corrected = primaryPostings(claim, [{ paid: 9_000, co45: 2_500, pr: 1_000 }, ANSWERS[1]], "PAY2");
    const book = handBook({
      postings: [...first, ...reversals, ...corrected],
      payments: [
        { paymentId: "PAY1", date: PRIMARY_PAID_ON, payerId: "SHP", amount: 10_400 },
        { paymentId: "PAY2", date: "2026-04-06", payerId: "SHP", amount: 11_400 },
      ],
    });
    const due = claimsDueToSecondary(book.books);
    expect(due.map((d) => [d.primaryPaid, d.patientResp, d.left])).toEqual([[11_400, 1_600, 1_600]]);
    const sent = secondaryOf(book);
    expect(sent.otherPayers![0].lines.map((l) => [l.paid, l.adjustments, l.paidDate])).toEqual([
      [
        9_000,
        [
          { group: "CO", reason: "45", amount: 2_500 },
          { group: "PR", reason: "2", amount: 1_000 },
        ],
        "2026-04-06",
      ],
      [
        2_400,
        [
          { group: "CO", reason: "45", amount: 500 },
          { group: "PR", reason: "2", amount: 600 },
        ],
        "2026-04-06",
      ],
    ]);
  });

  it("leaves out a claim the primary crossed over, or already billed to the secondary", () => {
    const crossed = handBook({
      claimStatus: [
        { date: PRIMARY_PAID_ON, claimId: "CLM0001", payerId: "SHP", sequence: "Primary", event: "Crossed over", source: "835" },
      ],
    });
    expect(claimsDueToSecondary(crossed.books)).toEqual([]);
    const billed = handBook({
      claimStatus: [{ date: "2026-04-03", claimId: "CLM0001", payerId: "MCD", sequence: "Secondary", event: "Billed", source: "837P" }],
    });
    expect(claimsDueToSecondary(billed.books)).toEqual([]);
    // A rejected secondary claim, or the primary's own Billed row, keeps it due.
    const rejected = handBook({
      claimStatus: [
        { date: "2026-03-05", claimId: "CLM0001", payerId: "SHP", sequence: "Primary", event: "Billed", source: "837P" },
        { date: "2026-04-04", claimId: "CLM0001", payerId: "MCD", sequence: "Secondary", event: "Rejected", source: "277CA" },
      ],
    });
    expect(claimsDueToSecondary(rejected.books)).toHaveLength(1);
    // Billed to the secondary, then its 277CA turned it back: to send again; sent again: closed.
    const billedThenRejected = [
      { date: "2026-04-03", claimId: "CLM0001", payerId: "MCD", sequence: "Secondary" as const, event: "Billed" as const, source: "837P" },
      {
        date: "2026-04-04",
        claimId: "CLM0001",
        payerId: "MCD",
        sequence: "Secondary" as const,
        event: "Rejected" as const,
        source: "277CA",
      },
    ];
    expect(claimsDueToSecondary(handBook({ claimStatus: billedThenRejected }).books)).toHaveLength(1);
    const sentAgain = [...billedThenRejected, { ...billedThenRejected[0], date: "2026-04-06" }];
    expect(claimsDueToSecondary(handBook({ claimStatus: sentAgain }).books)).toEqual([]);
  });

  it("leaves out a patient with no secondary, or whose secondary is the claim's own payer", () => {
    expect(claimsDueToSecondary(handBook({ patient: patientRow({ secondaryPayerId: undefined }) }).books)).toEqual([]);
    expect(claimsDueToSecondary(handBook({ patient: patientRow({ secondaryPayerId: "shp" }) }).books)).toEqual([]);
  });

  it("leaves out a claim with nothing left to the patient, or that another payer already paid", () => {
    const claim = sampleClaim();
    const noShare = primaryPostings(claim, [
      { paid: 10_000, co45: 2_500, pr: 0 },
      { paid: 3_000, co45: 500, pr: 0 },
    ]);
    expect(claimsDueToSecondary(handBook({ postings: noShare }).books)).toEqual([]);
    const secondaryPaid = (amount: number) =>
      handBook({
        postings: [
          ...primaryPostings(claim),
          { postingId: "S1", paymentId: "MCDPAY", chargeId: "C0000001", date: "2026-04-20", paid: amount, source: "ERA" },
        ],
        payments: [
          { paymentId: "PAY1", date: PRIMARY_PAID_ON, payerId: "SHP", amount: 10_400 },
          { paymentId: "MCDPAY", date: "2026-04-20", payerId: "MCD", amount },
        ],
      });
    expect(claimsDueToSecondary(secondaryPaid(2_600).books)).toEqual([]);
    // Paid in part (billed by hand or on paper): the secondary has answered, so it is not billed again.
    expect(claimsDueToSecondary(secondaryPaid(1_000).books)).toEqual([]);
  });
});

describe("the secondary claim and its 837P", () => {
  it("is billed to the secondary under its member ID, with the primary's answer on each line", () => {
    const claim = secondaryOf(handBook());
    expect(claim.sequence).toBe("S");
    expect(claim.payer).toMatchObject({ payerId: "MCD", x12PayerId: "SKMCD", type: "Medicaid" });
    expect(claim.patient.memberId).toBe("MCD98765");
    expect(claim.otherPayers).toEqual([
      {
        payer: { payerId: "SHP", name: "Sample Health Plan", type: "Commercial", x12PayerId: "SHP01", timelyFilingDays: 180 },
        memberId: "XYZ123456789",
        paid: 10_400,
        claimAdjustments: [],
        paidDate: PRIMARY_PAID_ON,
        lines: [
          {
            lineId: "C0000001",
            paid: 8_000,
            adjustments: [
              { group: "CO", reason: "45", amount: 2_500 },
              { group: "PR", reason: "2", amount: 2_000 },
            ],
            paidDate: PRIMARY_PAID_ON,
          },
          {
            lineId: "C0000002",
            paid: 2_400,
            adjustments: [
              { group: "CO", reason: "45", amount: 500 },
              { group: "PR", reason: "2", amount: 600 },
            ],
            paidDate: PRIMARY_PAID_ON,
          },
        ],
      },
    ]);
  });

  it("writes SBR*S, the 2320/2330A/2330B loops and each line's 2430, as the guide lists them", () => {
    const written = write837p([secondaryOf(handBook())], options);
    const segments = written.text.split("~");
    expect(segments).toContain("SBR*S*18*******MC");
    expect(segments).toContain("NM1*IL*1*TESTPERSON*ALEX****MI*MCD98765");
    expect(segments).toContain("NM1*PR*2*SAMPLE STATE MEDICAID*****PI*SKMCD");
    expect(claimSegments(written.text)).toEqual([
      "CLM*CLM0001*160***11:B:1*Y*A*Y*Y",
      "HI*ABK:E119*ABF:Z23",
      "NM1*82*1*RENDERING*DANA****XX*1987654328",
      // 2320: the primary, what it paid on the claim, benefits assigned and release signed.
      "SBR*P*18*******CI",
      "AMT*D*104",
      "OI***Y***Y",
      // 2330A: the patient as the primary's member; 2330B: the primary and its adjudication date.
      "NM1*IL*1*TESTPERSON*ALEX****MI*XYZ123456789",
      "NM1*PR*2*SAMPLE HEALTH PLAN*****PI*SHP01",
      "DTP*573*D8*20260401",
      "LX*1",
      "SV1*HC:99213:25*125*UN*1***1:2",
      "DTP*472*D8*20260302",
      "REF*6R*C0000001",
      // 2430: $125.00 = $80.00 paid + CO-45 $25.00 + PR-2 $20.00.
      "SVD*SHP01*80*HC:99213:25**1",
      "CAS*CO*45*25",
      "CAS*PR*2*20",
      "DTP*573*D8*20260401",
      "LX*2",
      "SV1*HC:90686*35*UN*1***2",
      "DTP*472*D8*20260302",
      "REF*6R*C0000002",
      "SVD*SHP01*24*HC:90686**1",
      "CAS*CO*45*5",
      "CAS*PR*2*6",
      "DTP*573*D8*20260401",
    ]);
    expect(written.notes).toEqual([]);
  });

  it("writes the primary's claim number (Charges Payer Claim #) as 2330B REF*F8 only when known, and no 2300 REF*F8", () => {
    const claim = sampleClaim({ payerClaimNumber: "SHP-2026-000123" });
    const segments = claimSegments(write837p([secondaryOf(handBook({ claim }))], options).text);
    const at = segments.indexOf("DTP*573*D8*20260401");
    expect(segments[at + 1]).toBe("REF*F8*SHP-2026-000123");
    expect(segments.filter((s) => s.startsWith("REF*F8"))).toHaveLength(1);
    expect(claimSegments(write837p([secondaryOf(handBook())], options).text).some((s) => s.startsWith("REF*F8"))).toBe(false);
  });

  it("puts more than six reasons of a group on a second CAS, and several groups in the order CO, PR, OA, PI", () => {
    const claim = sampleClaim({ lines: [sampleClaim().lines[0]] });
    const postings: PostingRow[] = [
      { postingId: "A", paymentId: "PAY1", chargeId: "C0000001", date: "2026-04-02", paid: 4_500, source: "ERA" },
      ...["1", "2", "3", "4", "5", "6", "7"].map((reason): PostingRow => ({
        postingId: `PR${reason}`,
        paymentId: "PAY1",
        chargeId: "C0000001",
        date: "2026-04-02",
        group: "PR",
        reason,
        patientResp: 1_000,
      })),
      { postingId: "O", paymentId: "PAY1", chargeId: "C0000001", date: "2026-04-02", group: "OA", reason: "23", adjustment: 500 },
      { postingId: "C", paymentId: "PAY1", chargeId: "C0000001", date: "2026-04-02", group: "CO", reason: "45", adjustment: 500 },
    ];
    const book = handBook({ claim, postings, payments: [{ paymentId: "PAY1", date: PRIMARY_PAID_ON, payerId: "SHP", amount: 4_500 }] });
    const cas = claimSegments(write837p([secondaryOf(book)], options).text).filter((s) => s.startsWith("CAS"));
    expect(cas).toEqual(["CAS*CO*45*5", "CAS*PR*1*10**2*10**3*10**4*10**5*10**6*10", "CAS*PR*7*10", "CAS*OA*23*5"]);
  });

  it("reads back with the same amounts: AMT*D, every SVD and CAS, the dates, the member IDs and payers", () => {
    const claim = secondaryOf(handBook({ claim: sampleClaim({ payerClaimNumber: "SHP-2026-000123" }) }));
    const read = read837p(write837p([claim], options).text);
    if (!read.ok) throw new Error(read.error);
    expect(read.warnings).toEqual([]);
    const [back] = read.claims;
    expect(back.sequence).toBe("S");
    expect(back.payer.id).toBe("SKMCD");
    expect(back.subscriber.id).toBe("MCD98765");
    expect(back.payerClaimNumber).toBeUndefined();
    expect(back.otherPayers).toEqual([
      {
        sequence: "P",
        relationship: "18",
        filingIndicator: "CI",
        adjustments: [],
        paid: 10_400,
        benefitsAssignment: "Y",
        releaseOfInformation: "Y",
        subscriber: { name: "TESTPERSON", firstName: "ALEX", idQualifier: "MI", id: "XYZ123456789", address: { lines: [] } },
        payer: { name: "SAMPLE HEALTH PLAN", idQualifier: "PI", id: "SHP01", address: { lines: [] } },
        paidDate: PRIMARY_PAID_ON,
        payerClaimNumber: "SHP-2026-000123",
      },
    ]);
    const asModel = toClaim(back);
    expect(asModel.sequence).toBe("S");
    expect(asModel.otherPayers![0].paid).toBe(claim.otherPayers![0].paid);
    expect(asModel.otherPayers![0].memberId).toBe("XYZ123456789");
    expect(asModel.otherPayers![0].payerClaimNumber).toBe("SHP-2026-000123");
    expect(asModel.otherPayers![0].lines).toEqual(claim.otherPayers![0].lines);
    expect(back.lines.map((l) => l.otherPayerLines)).toEqual(
      claim.otherPayers![0].lines.map((l, i) => [
        {
          payerId: "SHP01",
          paid: l.paid,
          code: claim.lines[i].code,
          modifiers: claim.lines[i].modifiers,
          units: 1,
          adjustments: l.adjustments,
          paidDate: l.paidDate,
        },
      ]),
    );
    // The claim read back scrubs like the one written: no COB problem.
    expect(scrubClaim(asModel, { today: "2026-04-10", skipBilling: true }).filter((p) => p.rule.startsWith("cob-"))).toEqual([]);
  });

  it("leaves a primary claim as it was: SBR*P and no 2320", () => {
    const text = write837p([sampleClaim()], options).text;
    expect(text.split("~")).toContain("SBR*P*18*******CI");
    expect(text).not.toContain("AMT*D");
    expect(text).not.toContain("SVD*");
  });
});

describe("refusals and the COB scrub rules", () => {
  it("refuses a line whose primary postings do not add up to its charge, naming the claim, the line and the amounts", () => {
    const claim = sampleClaim();
    const book = handBook({ postings: primaryPostings(claim, [{ paid: 8_000, co45: 2_000, pr: 2_000 }, ANSWERS[1]]) });
    const [due] = claimsDueToSecondary(book.books);
    expect(due.left).toBe(2_600);
    expect(secondaryClaim(due, book.books)).toEqual({
      ok: false,
      problems: [
        "Claim CLM0001, line C0000001 (99213 on 2026-03-02): SHP's postings add up to $80.00 paid and $40.00 adjusted, $120.00, " +
          "not the line's charge of $125.00: correct the postings in Postings before billing the secondary (nothing was changed).",
      ],
    });
  });

  it("refuses a secondary payer that is not in Payers, and a patient responsibility without a reason code", () => {
    const book = handBook({ patient: patientRow({ secondaryPayerId: "NOPE" }) });
    const [due] = claimsDueToSecondary(book.books);
    expect(secondaryClaim(due, book.books)).toEqual({
      ok: false,
      problems: [
        "Claim CLM0001: the patient's secondary payer NOPE is not in the Payers table: add it there, or correct the patient's Secondary PayerID.",
      ],
    });
    const claim = sampleClaim();
    const noReason = handBook({
      postings: primaryPostings(claim).map((p) => (p.group === "PR" && p.chargeId === "C0000002" ? { ...p, reason: undefined } : p)),
    });
    const built = secondaryClaim(claimsDueToSecondary(noReason.books)[0], noReason.books);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.problems).toEqual([
      "Claim CLM0001, line C0000002 (90686 on 2026-03-02): posting PAY1-C0000002-2 of SHP has an adjustment or patient responsibility with no Reason code, which the secondary needs: fill the Reason in Postings.",
    ]);
  });

  it("holds back a secondary claim without a Secondary Member ID (scrub error cob-secondary-member-id)", () => {
    const book = handBook({ patient: patientRow({ secondaryMemberId: undefined }) });
    const claim = secondaryOf(book);
    expect(claim.patient.memberId).toBeUndefined();
    const problems = scrubClaim(claim, { today: "2026-04-10", skipBilling: true });
    expect(problems).toEqual([
      {
        rule: "cob-secondary-member-id",
        severity: "error",
        claimId: "CLM0001",
        where: { table: "Patients", column: "Secondary Member ID" },
        message: "No member ID with the secondary payer Sample State Medicaid: fill the patient's Secondary Member ID in Patients",
      },
    ]);
  });

  it("scrubs a secondary claim without the primary's answer, or unbalanced, as errors; the writer refuses it too", () => {
    const good = secondaryOf(handBook());
    const missing: Claim = { ...good, otherPayers: [{ ...good.otherPayers![0], lines: [good.otherPayers![0].lines[0]] }] };
    expect(scrubClaim(missing, { today: "2026-04-10", skipBilling: true }).map((p) => [p.rule, p.lineId, p.message])).toEqual([
      [
        "cob-primary-adjudication",
        "C0000002",
        "SHP has not answered this line yet: post its payment or denial before billing the secondary",
      ],
    ]);
    const off: Claim = {
      ...good,
      otherPayers: [{ ...good.otherPayers![0], lines: [{ ...good.otherPayers![0].lines[0], paid: 7_999 }, good.otherPayers![0].lines[1]] }],
    };
    expect(scrubClaim(off, { today: "2026-04-10", skipBilling: true }).map((p) => [p.rule, p.lineId, p.where.column])).toEqual([
      ["cob-lines-balanced", "C0000001", "Amount"],
    ]);
    const built = build837p([off], options);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.problems).toEqual([
      "Claim CLM0001, line C0000001: the primary paid $79.99 and adjusted $45.00, which is not the line's charge of $125.00: the secondary claim would not balance.",
    ]);
    const noAnswer: Claim = { ...good, otherPayers: undefined };
    expect(scrubClaim(noAnswer, { today: "2026-04-10", skipBilling: true }).map((p) => p.rule)).toEqual(["cob-primary-adjudication"]);
    expect(build837p([noAnswer], options).ok).toBe(false);
  });

  it("says when the secondary payer is the primary itself (cob-secondary-payer), and every COB rule is tried here", () => {
    const good = secondaryOf(handBook());
    const same: Claim = { ...good, payer: { ...good.otherPayers![0].payer } };
    expect(scrubClaim(same, { today: "2026-04-10", skipBilling: true }).map((p) => [p.rule, p.where.column, p.message])).toEqual([
      [
        "cob-secondary-payer",
        "Secondary PayerID",
        "The secondary payer is SHP, the primary too: correct the patient's Secondary PayerID in Patients",
      ],
    ]);
    expect(COB_SCRUB_RULES.map((r) => r.id).sort()).toEqual([
      "cob-lines-balanced",
      "cob-primary-adjudication",
      "cob-secondary-member-id",
      "cob-secondary-payer",
    ]);
    // The practice may turn the secondary's own rules off, never the ones the file's balance rests on.
    const off = scrubClaim(same, { today: "2026-04-10", skipBilling: true, rulesOff: ["cob-secondary-payer"] });
    expect(off).toEqual([]);
  });

  it("passes a good secondary claim with no problem at all", () => {
    expect(scrubClaim(secondaryOf(handBook()), { today: "2026-04-10", skipBilling: true })).toEqual([]);
  });
});

/** A line's charge cut into the primary's answer: paid, CO-45, PR-1, PR-2, PR-3, OA-23 (each ≥ 0). */
const lineAnswer = fc
  .tuple(fc.integer({ min: 1, max: 500_000 }), fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 6, maxLength: 6 }))
  .map(([charge, weights]) => {
    const sum = weights.reduce((a, b) => a + b, 0) || 1;
    const parts = weights.map((w) => Math.floor((charge * w) / sum));
    parts[0] += charge - parts.reduce((a, b) => a + b, 0);
    return { charge, parts };
  })
  // Something must be left to the patient on the claim for it to be due; ensured per claim below.
  .filter(({ parts }) => parts.every((p) => p >= 0));

const REASONS: [PostingRow["group"], string][] = [
  ["CO", "45"],
  ["PR", "1"],
  ["PR", "2"],
  ["PR", "3"],
  ["OA", "23"],
];

describe("every secondary claim balances line by line", () => {
  it("Σ 2430 paid + CAS = the line's charge, and AMT*D = Σ paid, as read back from the file", () => {
    fc.assert(
      fc.property(fc.array(lineAnswer, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 500 }), (answers, patientShare) => {
        const lines = answers.map((a, i) =>
          sampleLine({ lineId: `C${String(i + 1).padStart(7, "0")}`, sheetRow: i + 2, charge: a.charge + patientShare, pointers: [1] }),
        );
        const claim = sampleClaim({ lines });
        const postings: PostingRow[] = [];
        lines.forEach((l, i) => {
          const [paid, ...rest] = answers[i].parts;
          postings.push({ postingId: `P${i}`, paymentId: "PAY1", chargeId: l.lineId, date: "2026-04-02", paid, source: "ERA" });
          // The patient's share added to every line's PR-2, so each claim leaves something to the secondary.
          rest.forEach((amount, k) => {
            const [group, reason] = REASONS[k];
            const value = group === "PR" && reason === "2" ? amount + patientShare : amount;
            if (value === 0) return;
            postings.push({
              postingId: `P${i}-${k}`,
              paymentId: "PAY1",
              chargeId: l.lineId,
              date: "2026-04-02",
              group,
              reason,
              ...(group === "PR" ? { patientResp: value } : { adjustment: value }),
            });
          });
        });
        const paidTotal = answers.reduce((s, a) => s + a.parts[0], 0);
        const book = handBook({
          claim,
          postings,
          payments: [{ paymentId: "PAY1", date: PRIMARY_PAID_ON, payerId: "SHP", amount: paidTotal }],
        });
        const [due] = claimsDueToSecondary(book.books);
        expect(due).toBeDefined();
        const built = secondaryClaim(due, book.books);
        if (!built.ok) throw new Error(built.problems.join(" "));
        const read = read837p(
          write837p([built.claim], {
            sender: { id: "SUBMIT01", name: "Sampleton Family Medicine" },
            receiver: { id: "CLEARHOUSE", name: "Sample Clearinghouse" },
            control: { interchange: 1, group: 1, transaction: 0 },
            now: new Date(2026, 3, 10),
            providers: new Map([["1987654328", { lastName: "Rendering" }]]),
          }).text,
        );
        if (!read.ok) throw new Error(read.error);
        const [back] = read.claims;
        expect(back.otherPayers?.[0].paid).toBe(paidTotal);
        back.lines.forEach((line, i) => {
          const [svd] = line.otherPayerLines!;
          const adjusted = svd.adjustments.reduce((s, a) => s + a.amount, 0);
          expect(svd.paid + adjusted).toBe(line.charge);
          expect(line.charge).toBe(lines[i].charge);
          expect(svd.paid).toBe(answers[i].parts[0]);
        });
      }),
      { numRuns: 150 },
    );
  });
});
