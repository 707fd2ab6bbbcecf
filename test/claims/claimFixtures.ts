// Claim builders for the claims tests: `sampleClaim()` passes every scrub rule on SAMPLE_TODAY, and
// each test changes the one thing a rule looks at (`sampleClaim({ total: 1 })`). The people, numbers
// and addresses are made up; the NPIs pass their check digit and the EIN has an issued prefix.
import type { BillingProvider, Claim, ClaimLine, ClaimPatient, ClaimPayer } from "../../src/claims/model";
import { CodeSetLibrary, type CodeList, type HcpcsCodeSet, type Icd10CodeSet } from "../../src/codes/codeSetLibrary";

/** The day the sample claims are scrubbed: their service dates are a couple of weeks before it. */
export const SAMPLE_TODAY = "2026-03-16";

/** Valid NPIs (check digit right) and one that fails its check digit. */
export const BILLING_NPI = "1234567893";
export const RENDERING_NPI = "1987654328";
export const OTHER_RENDERING_NPI = "1555555550";
export const BAD_NPI = "1234567890";

export function sampleBilling(overrides: Partial<BillingProvider> = {}): BillingProvider {
  return {
    name: "Sampleton Family Medicine",
    npi: BILLING_NPI,
    ein: "12-3456789",
    taxonomy: "207Q00000X",
    address: { lines: ["100 Sample Way", "Suite 200"], city: "Sampleton", state: "IL", zip: "62701-1234" },
    phone: "217-555-0100",
    ...overrides,
  };
}

export function samplePatient(overrides: Partial<ClaimPatient> = {}): ClaimPatient {
  return {
    patientId: "P000001",
    lastName: "Testperson",
    firstName: "Alex",
    dob: "1960-05-04",
    sex: "F",
    address: { lines: ["12 Elm St"], city: "Sampleton", state: "IL", zip: "62702" },
    memberId: "XYZ123456789",
    ...overrides,
  };
}

export function samplePayer(overrides: Partial<ClaimPayer> = {}): ClaimPayer {
  return { payerId: "SHP", name: "Sample Health Plan", type: "Commercial", x12PayerId: "SHP01", timelyFilingDays: 180, ...overrides };
}

export function sampleLine(overrides: Partial<ClaimLine> = {}): ClaimLine {
  return {
    lineId: "C0000001",
    sheetRow: 2,
    dos: "2026-03-02",
    code: "99213",
    modifiers: [],
    units: 1,
    charge: 12_500,
    pointers: [1],
    pos: "11",
    renderingNpi: RENDERING_NPI,
    ...overrides,
  };
}

/**
 * A claim that passes every scrub rule on SAMPLE_TODAY: two lines (an office visit with modifier 25
 * and a flu shot), two diagnoses, an original claim. `total` follows the lines unless given.
 */
export function sampleClaim(overrides: Partial<Claim> = {}): Claim {
  const lines = overrides.lines ?? [
    sampleLine({ lineId: "C0000001", sheetRow: 2, code: "99213", modifiers: ["25"], charge: 12_500, pointers: [1, 2] }),
    sampleLine({ lineId: "C0000002", sheetRow: 3, code: "90686", charge: 3_500, pointers: [2] }),
  ];
  const claim: Claim = {
    claimId: "CLM0001",
    patient: samplePatient(),
    payer: samplePayer(),
    billing: sampleBilling(),
    diagnoses: ["E11.9", "Z23"],
    lines,
    total: lines.reduce((sum, line) => sum + line.charge, 0),
    pos: "11",
    frequency: "1",
    renderingNpi: RENDERING_NPI,
    ...overrides,
  };
  return claim;
}

/**
 * A small code-set library for SAMPLE_TODAY's fiscal year (FY2026): a few ICD-10-CM codes (E11 a header,
 * E11.9 and Z23 billable), a 2026 HCPCS file (G0439 active, J1100 discontinued at the end of 2025, the
 * letter modifiers LT and RT) and the office's CPT list (99213, 90686). The sample claim passes against it.
 */
export function claimCodeSets(): CodeSetLibrary {
  const icd: Icd10CodeSet = {
    kind: "ICD10CM",
    version: "FY2026",
    source: "test",
    codes: ["E11", "E119", "I10", "Z23"],
    billable: Uint8Array.from([0, 1, 1, 1]),
    descriptions: [
      "Type 2 diabetes mellitus",
      "Type 2 diabetes mellitus without complications",
      "Essential hypertension",
      "Encounter for immunization",
    ],
    skipped: [],
  };
  const hcpcs: HcpcsCodeSet = {
    kind: "HCPCS",
    version: "2026",
    source: "test",
    entries: [
      { code: "G0439", modifier: false, short: "Ppps, subseq visit", long: "Annual wellness visit, subsequent", added: "2011-01-01" },
      {
        code: "J1100",
        modifier: false,
        short: "Dexamethasone",
        long: "Injection, dexamethasone",
        added: "2000-01-01",
        terminated: "2025-12-31",
      },
      { code: "LT", modifier: true, short: "Left side", long: "Left side" },
      { code: "RT", modifier: true, short: "Right side", long: "Right side" },
    ],
    skipped: [],
  };
  const cpt: CodeList = {
    kind: "LIST",
    version: "CPT",
    source: "test",
    codes: ["99213", "90686"],
    descriptions: ["Office visit", "Flu vaccine"],
    skipped: [],
  };
  return CodeSetLibrary.fromSets([icd, hcpcs, cpt].map((set) => ({ set, importedOn: "2026-01-02" })));
}
