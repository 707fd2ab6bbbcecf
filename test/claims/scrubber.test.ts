// The scrubber, rule by rule: for every rule of SCRUB_RULES a claim that trips it and a near miss that
// doesn't (the sample claim passes them all), the field each problem names, and then what a batch adds:
// duplicates across claims, rules turned off (and listed), the notes on what could not be checked.
import { describe, expect, it } from "vitest";
import type { Claim, ClaimLine } from "../../src/claims/model";
import {
  describeProblem,
  parseRulesOff,
  SCRUB_RULES,
  scrubClaim,
  scrubClaims,
  statusOf,
  type ScrubOptions,
} from "../../src/claims/scrubber";
import { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { addDays } from "../../src/dates";
import {
  BAD_NPI,
  claimCodeSets,
  OTHER_RENDERING_NPI,
  RENDERING_NPI,
  SAMPLE_TODAY,
  sampleBilling,
  sampleClaim,
  sampleLine,
  samplePatient,
  samplePayer,
} from "./claimFixtures";

const OPTIONS: ScrubOptions = { today: SAMPLE_TODAY };
const WITH_CODES: ScrubOptions = { today: SAMPLE_TODAY, library: claimCodeSets() };

/** A claim with these lines, its total following them. */
function withLines(lines: ClaimLine[], overrides: Partial<Claim> = {}): Claim {
  return sampleClaim({ lines, total: lines.reduce((sum, line) => sum + line.charge, 0), ...overrides });
}

/** The sample claim with one line changed (the second keeps the claim realistic). */
function withFirstLine(overrides: Partial<ClaimLine>, claim: Partial<Claim> = {}): Claim {
  const base = sampleClaim();
  return withLines([{ ...base.lines[0], ...overrides }, base.lines[1]], claim);
}

/** `n` distinct lines (a day apart) pointing to the first diagnosis. */
function manyLines(n: number): ClaimLine[] {
  return Array.from({ length: n }, (_, k) =>
    sampleLine({ lineId: `L${k + 1}`, sheetRow: k + 2, dos: addDays("2026-01-01", k), pointers: [1] }),
  );
}

const DIAGNOSES = ["E11.9", "Z23", "I10", "J45.909", "M54.50", "R05.9", "E78.5", "K21.9", "F41.1", "G43.909", "N39.0", "L70.0", "H10.9"];

/** A claim whose lines point, four at a time, to the first `n` of DIAGNOSES. */
function withDiagnoses(n: number): Claim {
  const diagnoses = DIAGNOSES.slice(0, n);
  const lines: ClaimLine[] = [];
  for (let start = 0; start < n; start += 4) {
    const pointers = Array.from({ length: Math.min(4, n - start) }, (_, k) => start + k + 1);
    lines.push(sampleLine({ lineId: `D${start}`, dos: addDays("2026-03-02", -start), pointers }));
  }
  return withLines(lines, { diagnoses });
}

function withPos(pos: string): Claim {
  const base = sampleClaim();
  return withLines(
    base.lines.map((line) => ({ ...line, pos })),
    { pos },
  );
}

interface RuleCase {
  rule: string;
  trips: Claim;
  passes: Claim;
  options?: ScrubOptions;
  /** The column the problem names (the table is checked through it). */
  column: string;
  table: string;
  says: RegExp;
}

const payerDays = (days: number | undefined, type = "Commercial") => {
  const payer = samplePayer({ type });
  if (days === undefined) delete payer.timelyFilingDays;
  else payer.timelyFilingDays = days;
  return payer;
};

const CASES: RuleCase[] = [
  {
    rule: "billing-name",
    trips: sampleClaim({ billing: sampleBilling({ name: " " }) }),
    passes: sampleClaim({ billing: sampleBilling({ name: "A" }) }),
    table: "Practice",
    column: "Practice Name",
    says: /practice name is blank/,
  },
  {
    rule: "billing-npi",
    trips: sampleClaim({ billing: sampleBilling({ npi: BAD_NPI }) }),
    passes: sampleClaim({ billing: sampleBilling({ npi: OTHER_RENDERING_NPI }) }),
    table: "Practice",
    column: "Billing NPI",
    says: /fails its check digit.*correct the Billing NPI/,
  },
  {
    rule: "billing-ein",
    trips: sampleClaim({ billing: sampleBilling({ ein: "07-1234567" }) }),
    passes: sampleClaim({ billing: sampleBilling({ ein: "123456789" }) }),
    table: "Practice",
    column: "Tax ID",
    says: /prefix 07 is never issued.*correct the Tax ID/,
  },
  {
    rule: "billing-taxonomy",
    trips: sampleClaim({ billing: sampleBilling({ taxonomy: "207Q0000X" }) }),
    passes: sampleClaim({ billing: sampleBilling({ taxonomy: "207q00000x" }) }),
    table: "Practice",
    column: "Taxonomy",
    says: /9 characters: it needs 10/,
  },
  {
    rule: "billing-address",
    trips: sampleClaim({ billing: sampleBilling({ address: { lines: ["100 Sample Way"], state: "IL", zip: "62701-1234" } }) }),
    passes: sampleClaim({ billing: sampleBilling({ address: { lines: ["100 Sample Way"], city: "X", state: "IL", zip: "62701-1234" } }) }),
    table: "Practice",
    column: "City",
    says: /billing address has no City/,
  },
  {
    rule: "billing-zip-plus4",
    trips: sampleClaim({ billing: sampleBilling({ address: { ...sampleBilling().address, zip: "62701" } }) }),
    passes: sampleClaim({ billing: sampleBilling({ address: { ...sampleBilling().address, zip: "627011234" } }) }),
    table: "Practice",
    column: "ZIP",
    says: /ZIP 62701 has no \+4/,
  },
  {
    rule: "billing-po-box",
    trips: sampleClaim({ billing: sampleBilling({ address: { ...sampleBilling().address, lines: ["P.O. Box 55"] } }) }),
    passes: sampleClaim({
      billing: sampleBilling({ address: { ...sampleBilling().address, lines: ["55 Boxwood Ave", "Post Office Square"] } }),
    }),
    table: "Practice",
    column: "Address",
    says: /is a PO box.*Remit-To Address/,
  },
  {
    rule: "claim-id",
    trips: sampleClaim({ claimId: "C".repeat(21) }),
    passes: sampleClaim({ claimId: "C".repeat(20) }),
    table: "Charges",
    column: "ClaimID",
    says: /has 21 characters.*at most 20/,
  },
  {
    rule: "line-count",
    trips: withLines(manyLines(51)),
    passes: withLines(manyLines(50)),
    table: "Charges",
    column: "ClaimID",
    says: /51 lines.*at most 50/,
  },
  {
    rule: "claim-total",
    trips: sampleClaim({ total: 16_001 }),
    passes: sampleClaim({ total: 16_000 }),
    table: "Charges",
    column: "Amount",
    says: /total \$160\.01 is not the sum of its lines, \$160\.00/,
  },
  {
    rule: "diagnoses-over-12",
    trips: withDiagnoses(13),
    passes: withDiagnoses(12),
    table: "Charges",
    column: "Dx1",
    says: /13 diagnoses.*at most 12; H10\.9 must go/,
  },
  {
    rule: "frequency-payer-claim-number",
    trips: sampleClaim({ frequency: "7" }),
    passes: sampleClaim({ frequency: "7", payerClaimNumber: "PCN0042" }),
    table: "Charges",
    column: "Payer Claim #",
    says: /replacement \(frequency 7\).*no payer claim number/,
  },
  {
    rule: "pos-invalid",
    trips: withPos("30"),
    passes: withPos("02"),
    table: "Charges",
    column: "POS",
    says: /POS 30 is unassigned/,
  },
  {
    rule: "line-pos-differs",
    trips: withLines([sampleClaim().lines[0], { ...sampleClaim().lines[1], pos: "22" }]),
    passes: withLines([sampleClaim().lines[0], { ...sampleClaim().lines[1], pos: "11" }]),
    table: "Charges",
    column: "POS",
    says: /POS 22 is not the claim's \(11/,
  },
  {
    rule: "line-provider-differs",
    trips: withLines([sampleClaim().lines[0], { ...sampleClaim().lines[1], renderingNpi: OTHER_RENDERING_NPI }]),
    passes: withLines([sampleClaim().lines[0], { ...sampleClaim().lines[1], renderingNpi: RENDERING_NPI }]),
    table: "Charges",
    column: "Provider NPI",
    says: /provider 1555555550 is not the claim's/,
  },
  {
    rule: "rendering-npi",
    trips: withLines(
      sampleClaim().lines.map((line) => ({ ...line, renderingNpi: BAD_NPI })),
      { renderingNpi: BAD_NPI },
    ),
    passes: withLines(
      sampleClaim().lines.map((line) => ({ ...line, renderingNpi: OTHER_RENDERING_NPI })),
      { renderingNpi: OTHER_RENDERING_NPI },
    ),
    table: "Charges",
    column: "Provider NPI",
    says: /1234567890" fails its check digit.*rendering provider's NPI/,
  },
  {
    rule: "patient-dob-missing",
    trips: sampleClaim({ patient: samplePatient({ dob: undefined }) }),
    passes: sampleClaim({ patient: samplePatient({ dob: "2026-03-02" }) }),
    table: "Patients",
    column: "DOB",
    says: /DOB is blank/,
  },
  {
    rule: "patient-sex-missing",
    trips: sampleClaim({ patient: samplePatient({ sex: undefined }) }),
    passes: sampleClaim({ patient: samplePatient({ sex: "U" }) }),
    table: "Patients",
    column: "Sex",
    says: /sex is blank: fill F, M or U/,
  },
  {
    rule: "patient-address-missing",
    trips: sampleClaim({ patient: samplePatient({ address: { lines: [" "], city: "Sampleton", state: "IL" } }) }),
    passes: sampleClaim({ patient: samplePatient({ address: { lines: ["1 Main St"], city: "Sampleton", state: "IL", zip: "62701" } }) }),
    table: "Patients",
    column: "Address",
    says: /address has no Address, ZIP/,
  },
  {
    rule: "dob-after-dos",
    trips: sampleClaim({ patient: samplePatient({ dob: "2026-03-03" }) }),
    passes: sampleClaim({ patient: samplePatient({ dob: "2026-03-02" }) }),
    table: "Patients",
    column: "DOB",
    says: /DOB is after the date of service 2026-03-02/,
  },
  {
    rule: "member-id-missing",
    trips: sampleClaim({ patient: samplePatient({ memberId: undefined }) }),
    passes: sampleClaim({ patient: samplePatient({ memberId: undefined }), payer: samplePayer({ type: "Self-pay" }) }),
    table: "Patients",
    column: "Primary Member ID",
    says: /No member ID for Sample Health Plan/,
  },
  {
    rule: "payer-x12-id-missing",
    trips: sampleClaim({ payer: samplePayer({ x12PayerId: undefined }) }),
    passes: sampleClaim({ payer: samplePayer({ x12PayerId: "X" }) }),
    table: "Payers",
    column: "X12 Payer ID",
    says: /has no X12 Payer ID/,
  },
  {
    // 90 days from 2026-03-02 is 2026-05-31: filed that day is in time, the day after is not.
    rule: "timely-filing",
    trips: sampleClaim({ payer: payerDays(90) }),
    passes: sampleClaim({ payer: payerDays(90) }),
    options: { today: "2026-06-01" },
    table: "Charges",
    column: "DOS",
    says: /limit is 90 days.*2026-03-02 was 91 days ago \(the deadline was 2026-05-31\)/,
  },
  {
    rule: "line-id",
    trips: withFirstLine({ lineId: "A*1" }),
    passes: withFirstLine({ lineId: "A-1" }),
    table: "Charges",
    column: "ChargeID",
    says: /holds "\*", a separator/,
  },
  {
    rule: "dos-future",
    trips: withFirstLine({ dos: "2026-03-17" }),
    passes: withFirstLine({ dos: SAMPLE_TODAY }),
    table: "Charges",
    column: "DOS",
    says: /2026-03-17 is after today \(2026-03-16\)/,
  },
  {
    rule: "line-charge",
    trips: withFirstLine({ charge: 0 }),
    passes: withFirstLine({ charge: 1 }),
    table: "Charges",
    column: "Amount",
    says: /charge is \$0\.00: a line's charge must be more than \$0\.00/,
  },
  {
    rule: "line-units",
    trips: withFirstLine({ units: 0 }),
    passes: withFirstLine({ units: 0.5 }),
    table: "Charges",
    column: "Units",
    says: /Units are 0/,
  },
  {
    rule: "procedure-code",
    trips: withFirstLine({ code: "D1110" }),
    passes: withFirstLine({ code: "0075T" }),
    table: "Charges",
    column: "Code",
    says: /D codes are dental/,
  },
  {
    rule: "hcpcs-not-valid",
    trips: withFirstLine({ code: "J1100" }),
    passes: withFirstLine({ code: "G0439" }),
    options: WITH_CODES,
    table: "Charges",
    column: "Code",
    says: /J1100 was discontinued on 2025-12-31: it is not valid on 2026-03-02/,
  },
  {
    rule: "cpt-not-listed",
    trips: withFirstLine({ code: "99214" }),
    passes: withFirstLine({ code: "99213" }),
    options: WITH_CODES,
    table: "Charges",
    column: "Code",
    says: /99214 is not in your CPT list/,
  },
  {
    rule: "modifier-format",
    trips: withFirstLine({ modifiers: ["25", "-59"] }),
    passes: withFirstLine({ modifiers: ["25", "59"] }),
    table: "Charges",
    column: "Mod2",
    says: /without the hyphen \(59\)/,
  },
  {
    rule: "modifiers-over-4",
    trips: withFirstLine({ modifiers: ["25", "59", "LT", "GT", "95"] }),
    passes: withFirstLine({ modifiers: ["25", "59", "LT", "GT"] }),
    table: "Charges",
    column: "Mod1",
    says: /5 modifiers: a line carries at most 4/,
  },
  {
    rule: "modifier-unknown",
    trips: withFirstLine({ modifiers: ["ZZ"] }),
    passes: withFirstLine({ modifiers: ["LT", "59"] }),
    options: WITH_CODES,
    table: "Charges",
    column: "Mod1",
    says: /ZZ is not in the HCPCS Level II modifier list/,
  },
  {
    rule: "pointer-missing",
    trips: withFirstLine({ pointers: [] }),
    passes: withFirstLine({ pointers: [2] }),
    table: "Charges",
    column: "Dx1",
    says: /points to no diagnosis: fill Dx1/,
  },
  {
    rule: "pointers-over-4",
    trips: withFirstLine({ pointers: [1, 2, 3, 4, 5] }, { diagnoses: DIAGNOSES.slice(0, 5) }),
    passes: withFirstLine({ pointers: [1, 2, 3, 4] }, { diagnoses: DIAGNOSES.slice(0, 5) }),
    table: "Charges",
    column: "Dx1",
    says: /points to 5 diagnoses: a line may point to at most 4/,
  },
  {
    rule: "pointer-to-missing-diagnosis",
    trips: withFirstLine({ pointers: [1, 3] }),
    passes: withFirstLine({ pointers: [2, 1] }),
    table: "Charges",
    column: "Dx2",
    says: /pointer 3 points to no diagnosis: the claim has 2 diagnoses/,
  },
  {
    rule: "duplicate-line",
    trips: withLines([sampleClaim().lines[0], { ...sampleClaim().lines[0], lineId: "C0000009", sheetRow: 9 }]),
    passes: withLines([sampleClaim().lines[0], { ...sampleClaim().lines[0], lineId: "C0000009", sheetRow: 9, modifiers: ["25", "76"] }]),
    table: "Charges",
    column: "Code",
    says: /as line C0000001 of this claim \(Charges row 2\)/,
  },
  {
    rule: "icd10-format",
    trips: sampleClaim({ diagnoses: ["S62.501", "Z23"] }),
    passes: sampleClaim({ diagnoses: ["S62.501A", "Z23"] }),
    table: "Charges",
    column: "Dx1",
    says: /S62\.501 needs a 7th character/,
  },
  {
    rule: "icd10-header",
    trips: sampleClaim({ diagnoses: ["E11", "Z23"] }),
    passes: sampleClaim({ diagnoses: ["e119", "Z23"] }),
    options: WITH_CODES,
    table: "Charges",
    column: "Dx1",
    says: /E11 is a category header, not billable on 2026-03-02 \(FY2026 ICD-10-CM\)/,
  },
  {
    rule: "icd10-unknown",
    trips: sampleClaim({ diagnoses: ["E11.9", "E11.99"] }),
    passes: sampleClaim({ diagnoses: ["E11.9", "I10"] }),
    options: WITH_CODES,
    table: "Charges",
    column: "Dx2",
    says: /E11\.99 is not in the FY2026 ICD-10-CM code set \(date of service 2026-03-02\)/,
  },
];

describe("the rules", () => {
  it("each has a unique id, a severity and a title; every one is tried below", () => {
    const ids = SCRUB_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SCRUB_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.title.length).toBeGreaterThan(10);
    }
    expect(CASES.map((c) => c.rule).sort()).toEqual([...ids].sort());
  });

  it("the sample claim passes every rule, with the code sets and without", () => {
    expect(scrubClaim(sampleClaim(), OPTIONS)).toEqual([]);
    expect(scrubClaim(sampleClaim(), WITH_CODES)).toEqual([]);
  });

  it.each(CASES)("$rule: tripped, named by field, with its rule's severity; the near miss passes", (c) => {
    const options = c.options ?? OPTIONS;
    const problems = scrubClaim(c.trips, options);
    const mine = problems.filter((p) => p.rule === c.rule);
    expect(mine.length, JSON.stringify(problems, null, 1)).toBeGreaterThan(0);
    const problem = mine[0];
    expect(problem.severity).toBe(SCRUB_RULES.find((r) => r.id === c.rule)!.severity);
    expect(problem.claimId).toBe(c.trips.claimId);
    expect(problem.where).toMatchObject({ table: c.table, column: c.column });
    expect(problem.message).toMatch(c.says);
    const near = scrubClaim(c.passes, c.rule === "timely-filing" ? { today: "2026-05-31" } : options);
    expect(near, JSON.stringify(near, null, 1)).toEqual([]);
  });
});

describe("rule details", () => {
  it("a line's problem carries the line's ChargeID and sheet row", () => {
    const [problem] = scrubClaim(withFirstLine({ units: -1 }), OPTIONS);
    expect(problem).toMatchObject({ rule: "line-units", lineId: "C0000001", where: { table: "Charges", row: 2, column: "Units" } });
  });

  it("a blank billing NPI, tax ID and taxonomy are each named", () => {
    const billing = sampleBilling();
    delete billing.npi;
    delete billing.ein;
    delete billing.taxonomy;
    const rules = scrubClaim(sampleClaim({ billing }), OPTIONS).map((p) => [p.rule, p.message]);
    expect(rules).toEqual([
      ["billing-npi", expect.stringMatching(/Billing NPI is blank/)],
      ["billing-ein", expect.stringMatching(/Tax ID is blank/)],
      ["billing-taxonomy", expect.stringMatching(/taxonomy is blank/)],
    ]);
  });

  it("PO boxes in their usual spellings are caught; a street with 'box' in its name is not", () => {
    const rule = (line: string) =>
      scrubClaim(sampleClaim({ billing: sampleBilling({ address: { ...sampleBilling().address, lines: [line] } }) }), OPTIONS).map(
        (p) => p.rule,
      );
    for (const box of ["PO Box 12", "P O Box 12", "p.o. box 12", "POBox 12", "Post Office Box 12", "POB 12"])
      expect(rule(box), box).toEqual(["billing-po-box"]);
    for (const street of ["12 Boxwood Ln", "4 Box Elder St", "9 Pobst Rd"]) expect(rule(street), street).toEqual([]);
  });

  it("Medicare's limit is 365 days when its Timely Filing Days is blank; a commercial payer without one has no limit checked", () => {
    const medicare = sampleClaim({ payer: payerDays(undefined, "Medicare") });
    expect(scrubClaim(medicare, { today: "2027-03-02" })).toEqual([]);
    const late = scrubClaim(medicare, { today: "2027-03-03" });
    expect(late.map((p) => p.rule)).toEqual(["timely-filing"]);
    expect(late[0].message).toMatch(/Medicare's limit is 365 days/);
    expect(scrubClaim(sampleClaim({ payer: payerDays(undefined) }), { today: "2030-01-01" })).toEqual([]);
  });

  it("timely filing names the oldest line of the claim, once", () => {
    const lines = [
      sampleLine({ lineId: "new", dos: "2026-03-01" }),
      sampleLine({ lineId: "old", code: "99214", dos: "2025-12-01", sheetRow: 7 }),
    ];
    const problems = scrubClaim(withLines(lines, { payer: payerDays(90) }), { today: "2026-04-15" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "timely-filing", lineId: "old", where: { row: 7 } });
  });

  it("a void without the payer claim number is named as a void", () => {
    const [problem] = scrubClaim(sampleClaim({ frequency: "8" }), OPTIONS);
    expect(problem.message).toMatch(/a void \(frequency 8\)/);
  });

  it("a HCPCS code not in the set on the date of service, and one added after it, are not valid", () => {
    const unknown = scrubClaim(withFirstLine({ code: "A9999" }), WITH_CODES);
    expect(unknown.map((p) => p.rule)).toEqual(["hcpcs-not-valid"]);
    expect(unknown[0].message).toMatch(/A9999 is not in the HCPCS Level II code set on 2026-03-02/);
    const early = scrubClaim(withFirstLine({ code: "G0439", dos: "2010-06-01" }), { ...WITH_CODES, today: "2010-06-02" });
    expect(early.map((p) => p.rule)).toContain("hcpcs-not-valid");
  });

  it("the claim's whole POS is checked once, and a blank one asks for it", () => {
    const base = sampleClaim();
    const blank = withLines(
      base.lines.map((line) => ({ ...line, pos: undefined })),
      { pos: undefined },
    );
    const problems = scrubClaim(blank, OPTIONS);
    expect(problems.map((p) => p.rule)).toEqual(["pos-invalid"]);
    expect(problems[0].message).toMatch(/POS is blank/);
  });

  it("a claim with no diagnosis at all says so on each line", () => {
    const base = sampleClaim();
    const problems = scrubClaim(
      withLines(
        base.lines.map((line) => ({ ...line, pointers: [] })),
        { diagnoses: [] },
      ),
      OPTIONS,
    );
    expect(problems.map((p) => p.rule)).toEqual(["pointer-missing", "pointer-missing"]);
    expect(problems[0].message).toMatch(/the claim has no diagnosis at all/);
  });

  it("a claim with no lines is refused", () => {
    expect(scrubClaim(sampleClaim({ lines: [], total: 0 }), OPTIONS).map((p) => p.rule)).toEqual(["line-count"]);
  });

  it("a diagnosis in a fiscal year that is not loaded is checked for format only, and the notes say so", () => {
    const claim = withLines([sampleLine({ dos: "2025-09-30", pointers: [1] })], { diagnoses: ["E11"], payer: payerDays(undefined) });
    const report = scrubClaims([claim], WITH_CODES);
    expect(report.results[0].problems).toEqual([]);
    expect(report.notes).toEqual([expect.stringMatching(/ICD-10-CM FY2025 is not loaded: 1 diagnosis code of that fiscal year/)]);
  });

  it("without code sets, or with none loaded, the notes say what was checked for format only", () => {
    expect(scrubClaims([sampleClaim()], OPTIONS).notes).toEqual([expect.stringMatching(/No code sets were given/)]);
    const notes = scrubClaims([withFirstLine({ code: "G0439" })], { today: SAMPLE_TODAY, library: CodeSetLibrary.empty() }).notes;
    expect(notes).toEqual([
      expect.stringMatching(/ICD-10-CM is not loaded: 2 diagnosis codes/),
      expect.stringMatching(/HCPCS Level II is not loaded: 1 HCPCS code/),
      expect.stringMatching(/No CPT list is loaded: 1 CPT code/),
    ]);
  });

  it("the problem's column is the workbook's own header when the options give it", () => {
    const [problem] = scrubClaim(withFirstLine({ units: 0 }), { ...OPTIONS, columns: { Charges: { Units: "Qty" } } });
    expect(problem.where.column).toBe("Qty");
    expect(describeProblem(problem)).toBe("Charges row 2, Qty: Units are 0: a line needs more than 0 units");
  });
});

describe("a batch", () => {
  const second = (overrides: Partial<Claim> = {}) =>
    sampleClaim({
      claimId: "CLM0002",
      lines: [{ ...sampleClaim().lines[1], lineId: "C0000007", sheetRow: 8 }],
      total: 3_500,
      ...overrides,
    });

  it("a line repeated on a later claim is reported there, naming the first; the first claim stays ready", () => {
    const report = scrubClaims([sampleClaim(), second()], OPTIONS);
    expect(report.results.map((r) => r.status)).toEqual(["ready", "errors"]);
    expect(report.results[1].problems).toEqual([
      expect.objectContaining({
        rule: "duplicate-line",
        claimId: "CLM0002",
        lineId: "C0000007",
        message: expect.stringMatching(/as line C0000002 of claim CLM0001 \(Charges row 3\)/),
      }),
    ]);
  });

  it("another patient, date, provider or modifier is no duplicate; modifiers in another order are", () => {
    const other = (line: Partial<ClaimLine>, claim: Partial<Claim> = {}) =>
      second({ lines: [{ ...sampleClaim().lines[1], lineId: "C0000007", ...line }], ...claim });
    const statuses = (claim: Claim) => scrubClaims([sampleClaim(), claim], OPTIONS).results[1].status;
    expect(statuses(other({}, { patient: samplePatient({ patientId: "P000002" }) }))).toBe("ready");
    expect(statuses(other({ dos: "2026-03-03" }))).toBe("ready");
    expect(statuses(other({ renderingNpi: RENDERING_NPI, modifiers: ["LT"] }))).toBe("ready");
    const reordered = scrubClaims(
      [
        withFirstLine({ modifiers: ["25", "59"] }),
        second({ lines: [{ ...sampleClaim().lines[0], lineId: "C9", modifiers: ["59", "25"] }], total: 12_500 }),
      ],
      OPTIONS,
    );
    expect(reordered.results[1].problems.map((p) => p.rule)).toEqual(["duplicate-line"]);
  });

  it("claims already billed are compared with but not checked; a replacement (7) repeats lines on purpose", () => {
    const billed = scrubClaims([second()], { ...OPTIONS, earlierClaims: [sampleClaim({ billing: sampleBilling({ npi: BAD_NPI }) })] });
    expect(billed.results).toHaveLength(1);
    expect(billed.results[0].problems.map((p) => p.rule)).toEqual(["duplicate-line"]);
    const replacement = scrubClaims([sampleClaim(), second({ frequency: "7", payerClaimNumber: "PCN1" })], OPTIONS);
    expect(replacement.results.map((r) => r.status)).toEqual(["ready", "ready"]);
  });

  it("status: errors over warnings over ready", () => {
    const report = scrubClaims(
      [
        sampleClaim(),
        sampleClaim({ claimId: "W", payer: samplePayer({ x12PayerId: undefined }), lines: [] }),
        second({
          payer: samplePayer({ x12PayerId: undefined }),
          claimId: "X",
          lines: [{ ...sampleLine({ lineId: "Z", code: "99215" }) }],
          total: 12_500,
        }),
      ],
      OPTIONS,
    );
    expect(report.results.map((r) => r.status)).toEqual(["ready", "errors", "warnings"]);
    expect(statusOf([])).toBe("ready");
  });

  it("checks the billing provider once for all the claims that share it, and reports it on each", () => {
    const billing = sampleBilling({ npi: BAD_NPI });
    const report = scrubClaims(
      [
        sampleClaim({ billing }),
        sampleClaim({ billing, claimId: "CLM0009", lines: [sampleLine({ code: "99214", lineId: "X1" })], total: 12_500 }),
      ],
      OPTIONS,
    );
    expect(report.results.map((r) => r.problems.map((p) => `${p.claimId} ${p.rule}`))).toEqual([
      ["CLM0001 billing-npi"],
      ["CLM0009 billing-npi"],
    ]);
  });
});

describe("rules turned off", () => {
  const tripsThree = sampleClaim({
    billing: sampleBilling({ address: { ...sampleBilling().address, zip: "62701" } }),
    payer: samplePayer({ x12PayerId: undefined }),
    claimId: "C".repeat(21),
  });

  it("are not reported, and the report lists them", () => {
    const report = scrubClaims([tripsThree], { ...OPTIONS, rulesOff: ["billing-zip-plus4", "PAYER-X12-ID-MISSING"] });
    expect(report.rulesOff).toEqual(["billing-zip-plus4", "payer-x12-id-missing"]);
    expect(report.results[0].problems.map((p) => p.rule)).toEqual(["claim-id"]);
  });

  it("a rule the file's structure needs stays on, and an unknown id is ignored: both said", () => {
    const report = scrubClaims([tripsThree], { ...OPTIONS, rulesOff: ["claim-id", "no-such-rule"] });
    expect(report.rulesOff).toEqual([]);
    expect(report.rulesNotOff).toEqual([
      expect.stringMatching(/^claim-id cannot be turned off/),
      expect.stringMatching(/"no-such-rule" is not a scrub rule/),
    ]);
    expect(report.results[0].problems.map((p) => p.rule)).toEqual(["billing-zip-plus4", "claim-id", "payer-x12-id-missing"]);
  });

  it("with the billing rules skipped, none of them runs nor is listed as off", () => {
    const report = scrubClaims([tripsThree], { ...OPTIONS, skipBilling: true, rulesOff: ["billing-zip-plus4"] });
    expect(report.rulesOff).toEqual([]);
    expect(report.results[0].problems.map((p) => p.rule)).toEqual(["claim-id", "payer-x12-id-missing"]);
  });

  it("the Practice setting reads as a list of ids, whatever the separators and case", () => {
    expect(parseRulesOff(" Billing-ZIP-Plus4, duplicate-line;timely-filing\nduplicate-line ")).toEqual([
      "billing-zip-plus4",
      "duplicate-line",
      "timely-filing",
    ]);
    expect(parseRulesOff(undefined)).toEqual([]);
    expect(parseRulesOff("  ")).toEqual([]);
  });
});
