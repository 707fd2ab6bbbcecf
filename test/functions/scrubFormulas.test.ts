// MEDBILL.SCRUB called as Excel calls it: the ClaimID as a 1x1 range (or a column of them) and the
// Charges, Patients and Payers tables whole with their header rows, dates as serials. One ClaimID
// spills its problems down a column, or "OK"; a column of ClaimIDs answers one cell each. The
// Practice settings are not passed, so the billing-provider rules are not run and nothing is said of them.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { forgetCodeSets, useCodeSets } from "../../functions/codeSetSource";
import { SCRUB } from "../../functions/functions";
import { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { isoToSerial } from "../../src/dates";
import { BAD_NPI, claimCodeSets, RENDERING_NPI } from "../claims/claimFixtures";
import { CUSTOM_FUNCTIONS_STAND_IN, StandInError } from "./spreadsheet";

// SCRUB counts from today (future dates, timely filing, the ICD-10-CM year): the clock is set to
// 2026-03-16, in the fiscal year of the test code sets.
beforeAll(() => {
  vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 2, 16, 12));
});
afterAll(() => {
  forgetCodeSets();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});
beforeEach(() => useCodeSets(claimCodeSets()));

const DOS = "2026-03-06";
const serial = (iso: string) => isoToSerial(iso);

const CHARGES = [
  [
    "Charge ID",
    "Claim #",
    "Account",
    "Insurance",
    "Rendering NPI",
    "Date of Service",
    "POS",
    "CPT",
    "Mod1",
    "Dx1",
    "Dx2",
    "Units",
    "Charge Amount",
  ],
  ["L1", "C1", "P1", "SHP", RENDERING_NPI, serial(DOS), "11", "99213", "25", "E11.9", "Z23", 1, 125],
  ["L2", "C1", "P1", "SHP", RENDERING_NPI, serial(DOS), "11", "90686", "", "Z23", "", 1, 35],
  ["L3", "C2", "P2", "MCR", BAD_NPI, serial(DOS), "11", "J1100", "", "E11", "", 1, 40],
  ["L4", "C3", "P1", "SHP", RENDERING_NPI, serial(DOS), "11", "99213", "25", "E11.9", "", 1, 125],
  ["", "", "", "", "", "", "", "", "", "", "", "", ""],
];
const PATIENTS = [
  ["PatientID", "Last Name", "First Name", "DOB", "Sex", "Address", "City", "State", "ZIP", "Primary PayerID", "Primary Member ID"],
  ["P1", "Testperson", "Alex", serial("1960-05-04"), "F", "12 Elm St", "Sampleton", "IL", "62702", "SHP", "SHP-1"],
  ["P2", "Sampleman", "Sam", serial("1950-01-02"), "M", "3 Oak St", "Sampleton", "IL", "62703", "MCR", ""],
];
const PAYERS = [
  ["PayerID", "Payer Name", "Type", "X12 Payer ID", "Timely Filing Days"],
  ["SHP", "Sample Health Plan", "Commercial", "SHP01", 180],
  ["MCR", "Medicare Part B", "Medicare", "", ""],
];

const scrub = (ids: unknown, charges: unknown = CHARGES, patients: unknown = PATIENTS, payers: unknown = PAYERS) =>
  SCRUB(ids as any[][], charges as any[][], patients as any[][], payers as any[][]);

describe("MEDBILL.SCRUB", () => {
  it("gives OK for a claim that passes every rule", async () => {
    expect(await scrub([["C1"]])).toEqual([["OK"]]);
  });

  it("spills one claim's problems down a column, errors and warnings, each naming row, column and fix", async () => {
    const answer = await scrub([["C2"]]);
    expect(answer).toEqual([
      [expect.stringMatching(/^error: Charges row 4, Rendering NPI: NPI "1234567890" fails its check digit/)],
      [expect.stringMatching(/^error: Patients, Primary Member ID: No member ID for Medicare Part B/)],
      [expect.stringMatching(/^warning: Payers, X12 Payer ID: Medicare Part B has no X12 Payer ID/)],
      [expect.stringMatching(/^error: Charges row 4, CPT: J1100 was discontinued on 2025-12-31/)],
      [expect.stringMatching(/^error: Charges row 4, Dx1: E11 is a category header, not billable/)],
    ]);
  });

  it("says nothing of the billing provider, whose settings it is not given", async () => {
    const answer = (await scrub([["C2"]])).flat().join("\n");
    expect(answer).not.toMatch(/Practice|Billing NPI|Tax ID|Taxonomy|ZIP\+4|PO box/);
  });

  it("a line repeated on another claim of the patient is a duplicate there, as in the Claims panel", async () => {
    expect(await scrub([["C3"]])).toEqual([
      [
        expect.stringMatching(
          /^error: Charges row 5, CPT: Same patient, date, code, modifiers and provider as line L1 of claim C1 \(Charges row 2\)/,
        ),
      ],
    ]);
    expect(await scrub([["C1"]])).toEqual([["OK"]]);
  });

  it("answers a column of ClaimIDs one cell each: OK, the problems joined, blank for blank, #N/A for an unknown ClaimID", async () => {
    const answer = await scrub([["C1"], ["C2"], [""], ["C9"]]);
    expect(answer[0]).toEqual(["OK"]);
    expect(answer[1][0]).toMatch(
      /^error: Charges row 4, Rendering NPI: .*; error: Patients, Primary Member ID: .*; warning: Payers, X12 Payer ID: /,
    );
    expect(answer[2]).toEqual([""]);
    expect(answer[3][0]).toEqual(new StandInError("#N/A", "no claim C9 in the Charges table"));
  });

  it("is #N/A for a ClaimID not in Charges, blank for a blank one", async () => {
    expect(await scrub([["C9"]])).toEqual([[new StandInError("#N/A", "no claim C9 in the Charges table")]]);
    expect(await scrub([[""]])).toEqual([[""]]);
  });

  it("counts from today: a line dated tomorrow is in the future", async () => {
    const tomorrow = CHARGES.map((row, i) => (i === 1 ? row.map((cell, c) => (c === 5 ? isoToSerial("2026-03-17") : cell)) : row));
    expect((await scrub([["C1"]], tomorrow)).flat()).toEqual([
      expect.stringMatching(/^error: Charges row 2, Date of Service: The date of service 2026-03-17 is after today \(2026-03-16\)/),
    ]);
  });

  it("checks codes for format only when no code set is loaded", async () => {
    useCodeSets(CodeSetLibrary.empty());
    const answer = (await scrub([["C2"]])).flat().join("\n");
    expect(answer).not.toMatch(/J1100|E11 is a category header/);
    expect(answer).toMatch(/fails its check digit/);
  });

  it("says so when the workbook's code sets cannot be read", async () => {
    forgetCodeSets(() => Promise.reject(new Error("the CodeSets table is damaged")));
    expect(await scrub([["C1"]])).toEqual([
      [expect.stringMatching(/^warning: the code sets in this workbook could not be read \(the CodeSets table is damaged\).*format only$/)],
    ]);
  });

  it("is #VALUE! saying which table or column is missing", async () => {
    expect(await scrub([["C1"]], CHARGES, null)).toEqual([
      [new StandInError("#VALUE!", "the Patients table is missing: pass it with its headers, like Patients[#All]")],
    ]);
    const noDos = CHARGES.map((row) => row.filter((_, i) => i !== 5));
    expect(await scrub([["C1"], ["C2"]], noDos)).toEqual([
      [new StandInError("#VALUE!", 'the Charges table has no "DOS" column: pass it with its headers, like Charges[#All]')],
      [new StandInError("#VALUE!", 'the Charges table has no "DOS" column: pass it with its headers, like Charges[#All]')],
    ]);
  });

  it("a line that does not read is the claim's problem, with its row", async () => {
    const bad = CHARGES.map((row, i) => (i === 2 ? row.map((cell, c) => (c === 5 ? "13/45/2026" : cell)) : row));
    expect(await scrub([["C1"]], bad)).toEqual([
      [
        expect.stringMatching(
          /^error: Charges row 3, Date of Service: The line does not read \("13\/45\/2026" is not a real calendar date\)/,
        ),
      ],
    ]);
  });
});
