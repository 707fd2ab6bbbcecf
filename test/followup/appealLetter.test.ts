// The appeal letter's model on the hand-made practice of appealFixtures.ts (each figure worked out
// there): what it holds for a claim with a denied and an underpaid line, the reason paragraphs made
// from them, the lines a biller picks, diagnoses only when asked, nothing about the patient beyond name,
// date of birth and member ID, and every claim it cannot be written for refused in a sentence.
import { describe, expect, it } from "vitest";
import { codeWithModifiers, regarding, servicePeriod } from "../../src/followup/appealLetter";
import { Contracts, Patients } from "../../src/workbook/tables";
import {
  AS_OF,
  JANE_ADDRESS,
  JANE_MEMBER,
  JANE_PHONE,
  JANE_SECONDARY_MEMBER,
  PATIENTS,
  appealWorkbook,
  letterFor,
  madeLetter,
} from "./appealFixtures";

const refusal = async (...args: Parameters<typeof letterFor>) => {
  const made = await letterFor(...args);
  if (made.ok) throw new Error("the letter was made");
  return made.error;
};

describe("appealLetter", () => {
  it("holds the practice, the payer's name, the patient and claim, the lines and their totals", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1");
    expect(letter.date).toBe(AS_OF);
    expect(letter.practice).toEqual({
      name: "Lakeside Family Practice",
      addressLines: ["12 Harbor Rd", "Lakeside, IL 62701-1234"],
      phone: "217-555-0199",
      billingNpi: "1234567893",
      taxId: "12-3456789",
    });
    expect(letter.payer).toEqual({ payerId: "MCR", name: "Medicare Part B" });
    expect(letter.patient).toEqual({ name: "Jane Doe", dob: "1960-04-12", memberId: JANE_MEMBER });
    expect(letter).toMatchObject({ claimId: "C1", payerClaimNumber: "ICN-778899", servicesFrom: "2026-05-01", servicesTo: "2026-05-02" });
    expect(servicePeriod(letter)).toBe("05/01/2026 - 05/02/2026");
    expect(regarding(letter)).toEqual([
      ["Patient", "Jane Doe"],
      ["Date of birth", "04/12/1960"],
      ["Member ID", JANE_MEMBER],
      ["Our claim number", "C1"],
      ["Your claim number", "ICN-778899"],
      ["Dates of service", "05/01/2026 - 05/02/2026"],
    ]);

    // L3 was paid at contract: not on a list, not in the letter.
    expect(letter.lines).toEqual([
      {
        chargeId: "L1",
        dos: "2026-05-01",
        code: "99214",
        modifiers: ["25"],
        units: 1,
        billed: 18000,
        paid: 0,
        denial: { code: "CO-50", words: "not medically necessary, in the payer's judgment", action: "appeal", deniedOn: "2026-05-20" },
      },
      {
        chargeId: "L2",
        dos: "2026-05-01",
        code: "99213",
        modifiers: [],
        units: 1,
        billed: 13000,
        paid: 7000,
        underpaid: { expected: 9500, allowed: 8800, shortfall: 700 },
      },
    ]);
    expect(letter.lines.map(codeWithModifiers)).toEqual(["99214-25", "99213"]);
    expect(letter.totals).toEqual({ billed: 31000, paid: 7000, expected: 9500, shortfall: 700 });
    expect(letter.gaps).toEqual([]);
    expect(letter.withDiagnoses).toBe(false);
    expect(letter.billerReason).toBeUndefined();
  });

  it("says why in paragraphs made from the items, then the closing with the practice's phone", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1");
    expect(letter.opening).toBe(
      "We ask you to reconsider your decision on the services of claim C1 listed below, which were denied or paid less than our contract with you provides.",
    );
    expect(letter.reasons).toEqual([
      "We ask you to reconsider the denial of 99214-25 on 05/01/2026 (CO-50: not medically necessary, in the payer's judgment). " +
        "The service was medically necessary for this patient: the medical records that show it are enclosed.",
      "For 99213 on 05/01/2026 you allowed $88.00, $7.00 less than our contract's $95.00. " +
        "Please reprocess this line at the contracted rate and pay the difference of $7.00.",
    ]);
    expect(letter.closing).toContain("call our billing office at 217-555-0199");
  });

  it("adds the biller's own paragraph as typed (trimmed)", async () => {
    const letter = await madeLetter(appealWorkbook(), "C1", { reason: "  The visit note of 05/01 shows 40 minutes.  " });
    expect(letter.billerReason).toBe("The visit note of 05/01 shows 40 minutes.");
  });

  it("leaves diagnoses out unless the biller asks for them", async () => {
    const plain = await madeLetter(appealWorkbook(), "C1");
    const text = JSON.stringify(plain);
    for (const code of ["E11", "E119", "I10"]) expect(text).not.toContain(code);
    expect(plain.lines.every((l) => l.diagnoses === undefined)).toBe(true);

    const withDx = await madeLetter(appealWorkbook(), "C1", { withDiagnoses: true });
    expect(withDx.withDiagnoses).toBe(true);
    expect(withDx.lines.map((l) => l.diagnoses)).toEqual([["E11.9", "I10"], ["E11.9"]]);
  });

  it("holds nothing else about the patient: no address, phone, sex or other payer's member ID", async () => {
    const text = JSON.stringify(await madeLetter(appealWorkbook(), "C1", { withDiagnoses: true }));
    for (const secret of [JANE_ADDRESS, JANE_PHONE, JANE_SECONDARY_MEMBER, "Second Health Plan", '"F"', 'Medicare"']) {
      expect(text).not.toContain(secret);
    }
  });

  it("takes the lines the biller picks, in the claim's order", async () => {
    const underpaid = await madeLetter(appealWorkbook(), "C1", { lines: ["L2"] });
    expect(underpaid.lines.map((l) => l.chargeId)).toEqual(["L2"]);
    expect(underpaid.opening).toBe(
      "We ask you to reconsider your decision on the service of claim C1 listed below, which was paid less than our contract with you provides.",
    );
    expect(underpaid.reasons).toHaveLength(1);
    expect(underpaid.totals).toEqual({ billed: 13000, paid: 7000, expected: 9500, shortfall: 700 });

    const both = await madeLetter(appealWorkbook(), "C1", { lines: ["L2", "L1", "L2"] });
    expect(both.lines.map((l) => l.chargeId)).toEqual(["L1", "L2"]);
  });

  it("appeals only denials when the workbook has no contracts, and not a line the office closed", async () => {
    const noContracts = await madeLetter(appealWorkbook({ without: [Contracts.name] }), "C1");
    expect(noContracts.lines.map((l) => l.chargeId)).toEqual(["L1"]);
    expect(noContracts.opening).toContain("which was denied.");
    expect(noContracts.totals).toEqual({ billed: 18000, paid: 0, expected: 0, shortfall: 0 });

    const closed = appealWorkbook({ followUp: [{ date: "2026-06-01", claimId: "C1", chargeId: "L1", list: "Denied", status: "Closed" }] });
    expect((await madeLetter(closed, "C1")).lines.map((l) => l.chargeId)).toEqual(["L2"]);
    // On the day before the row, the denial is still open.
    const earlier = await letterFor(closed, "C1", {}, "2026-05-31");
    expect(earlier.ok && earlier.value.lines.map((l) => l.chargeId)).toEqual(["L1", "L2"]);
  });

  it("asks for the authorization on an authorization denial, and says what the payer may miss", async () => {
    const letter = await madeLetter(appealWorkbook(), "C4");
    expect(letter.payer).toEqual({ payerId: "SEC", name: "Second Health Plan" });
    expect(letter.patient).toEqual({ name: "Al Two", dob: "1975-09-30" });
    expect(letter.reasons).toEqual([
      "We ask you to reconsider the denial of 99213 on 05/12/2026 (CO-197: authorization, precertification or notification was missing). " +
        "The service was authorized, or could not wait for authorization: the authorization and the medical records are enclosed.",
    ]);
    expect(letter.gaps).toEqual([
      "Patients has no member ID of P2 with payer SEC (Primary or Secondary Member ID beside that PayerID): the payer may not find the claim without it.",
    ]);
    expect(regarding(letter).map(([label]) => label)).toEqual(["Patient", "Date of birth", "Our claim number", "Dates of service"]);
  });

  it("refuses, in a sentence, a claim it cannot write a letter for", async () => {
    const book = appealWorkbook();
    expect(await refusal(book, "C2")).toBe(
      `Claim C2 has no line on the Denied or Underpaid list as of ${AS_OF}: there is nothing to appeal.`,
    );
    expect(await refusal(book, "C3")).toBe("Claim C3 is billed to self-pay: there is no payer to appeal to.");
    expect(await refusal(book, "C9")).toBe("Claim C9 is not in the Charges table (a ClaimID is matched exactly).");
    expect(await refusal(book, "C1", { lines: ["L6"] })).toBe("Line L6 is not on claim C1: its lines are L1, L2 and L3.");
    expect(await refusal(book, "C1", { lines: ["L1", "L3"] })).toBe(
      `Line L3 of claim C1 is not on the Denied or Underpaid list as of ${AS_OF} (a line closed or written off is off its list): there is nothing on it to appeal.`,
    );
    // Before the denial and the payment, there was nothing to appeal yet.
    expect(await refusal(book, "C1", {}, "2026-05-15")).toBe(
      "Claim C1 has no line on the Denied or Underpaid list as of 2026-05-15: there is nothing to appeal.",
    );
  });

  it("refuses a claim whose patient cannot be found, naming the row to fix", async () => {
    expect(await refusal(appealWorkbook({ without: [Patients.name] }), "C1")).toMatch(/^The workbook has no Patients table/);
    const withoutJane = appealWorkbook({ patients: PATIENTS.filter((p) => p.patientId !== "P1") });
    expect(await refusal(withoutJane, "C1")).toBe(
      "Claim C1 has a problem to fix first (Charges row 2, PatientID): Patient P1 is not in the Patients table: add the patient, or correct the PatientID.",
    );
  });
});
