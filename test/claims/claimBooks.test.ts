// Claims from a workbook: Charges grouped by ClaimID with Patients, Payers and Practice, read through
// the port as an office lays its tables out (some headers are aliases). What a built claim carries,
// what stops a claim from being built (and where to fix it), what is left out (self-pay, billed), and
// that the sample practice's unbilled claims build and pass the scrubber.
import { describe, expect, it } from "vitest";
import { BUILD_PROBLEMS } from "../../src/claims/buildClaims";
import { readClaimBooks, scrubClaimsInTables } from "../../src/claims/claimBooks";
import { adjudicatedSentence } from "../../src/claims/payerAnswers";
import { describeProblem, scrubClaims } from "../../src/claims/scrubber";
import { daysBetween, isoToSerial } from "../../src/dates";
import { samplePractice } from "../../src/sample/practiceSample";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/port";
import { BAD_NPI, BILLING_NPI, RENDERING_NPI, SAMPLE_TODAY } from "./claimFixtures";

const d = (iso: string) => isoToSerial(iso);

const PRACTICE: CellValue[][] = [
  ["Practice Name", "Sampleton Family Medicine"],
  ["Address", "100 Sample Way"],
  ["address 2", "Suite 200"],
  ["City", "Sampleton"],
  ["State", "IL"],
  ["ZIP", "62701-1234"],
  ["Phone", "217-555-0100"],
  ["TAX ID", "12-3456789"],
  ["Billing NPI", BILLING_NPI],
  ["Taxonomy", "207Q00000X"],
  ["Scrub Rules Off", "payer-x12-id-missing, billing-po-box"],
  ["Submitter ID", "SUB123"],
];

const PATIENT_HEADERS = [
  "Patient ID",
  "Last Name",
  "First Name",
  "Date of Birth",
  "Sex",
  "Address",
  "City",
  "State",
  "ZIP",
  "Primary Payer",
  "Member ID",
  "Secondary Payer",
  "Secondary Member ID",
];
const PATIENTS: CellValue[][] = [
  ["P1", "Testperson", "Alex", d("1960-05-04"), "F", "12 Elm St", "Sampleton", "IL", "62702", "MCR", "1EG4TE5MK72", "SHP", "SHP-77"],
  ["P2", "Sampleman", "Sam", d("1990-01-02"), "M", "3 Oak St", "Sampleton", "IL", "62703", "SHP", "SHP-12", null, null],
  ["P3", "Broken", "Row", "not a date", "M", "4 Oak St", "Sampleton", "IL", "62703", "SHP", "SHP-13", null, null],
];

const PAYERS: CellValue[][] = [
  ["MCR", "Medicare Part B", "Medicare", "SMP01", null],
  ["SHP", "Sample Health Plan", "Commercial", "SHP01", 180],
  ["CASH", "Cash patients", "Self-pay", null, null],
];

const CHARGE_HEADERS = [
  "ChargeID",
  "Claim #",
  "PatientID",
  "PayerID",
  "Rendering NPI",
  "Date of Service",
  "POS",
  "CPT",
  "Mod1",
  "Mod2",
  "Dx1",
  "Dx2",
  "Dx3",
  "Qty",
  "Amount",
  "Billed Date",
  "Claim Frequency",
  "ICN",
];

type Charge = Partial<Record<(typeof CHARGE_HEADERS)[number], CellValue>>;

/** A Charges row: an office visit on 2026-03-02 for P1 billed to Medicare, changed by `over`. */
function charge(id: string, claim: string, over: Charge = {}): CellValue[] {
  const row: Charge = {
    ChargeID: id,
    "Claim #": claim,
    PatientID: "P1",
    PayerID: "MCR",
    "Rendering NPI": RENDERING_NPI,
    "Date of Service": d("2026-03-02"),
    POS: "11",
    CPT: "99213",
    Dx1: "E11.9",
    Qty: 1,
    Amount: 125,
    ...over,
  };
  return CHARGE_HEADERS.map((h) => row[h] ?? null);
}

const PAYMENT_HEADERS = ["PaymentID", "Date", "PayerID", "PatientID", "Method", "Reference", "Amount"];
const POSTING_HEADERS = [
  "PostingID",
  "PaymentID",
  "ChargeID",
  "Date",
  "Paid",
  "Adjustment",
  "Group",
  "Reason",
  "Patient Resp",
  "Source",
  "Reverses",
];

function workbook(
  charges: CellValue[][],
  more: { patients?: CellValue[][]; payers?: CellValue[][]; payments?: CellValue[][]; postings?: CellValue[][] } = {},
) {
  const ledger = [];
  if (more.payments) ledger.push({ name: "Payments", headers: PAYMENT_HEADERS, rows: more.payments });
  if (more.postings) ledger.push({ name: "Postings", headers: POSTING_HEADERS, rows: more.postings });
  return MemoryWorkbook.withTables([
    ...ledger,
    { name: "Practice", headers: ["Setting", "Value"], rows: PRACTICE },
    { name: "Patients", headers: PATIENT_HEADERS, rows: more.patients ?? PATIENTS },
    { name: "Payers", headers: ["PayerID", "Payer Name", "Type", "Electronic Payer ID", "Filing Limit"], rows: more.payers ?? PAYERS },
    { name: "Providers", headers: ["NPI", "Last Name", "First Name"], rows: [[RENDERING_NPI, "Doctor", "Dana"]] },
    { name: "Charges", headers: CHARGE_HEADERS, rows: charges },
  ]);
}

describe("building claims", () => {
  it("groups lines by ClaimID in order of first appearance, with every field the claim carries", async () => {
    const books = await readClaimBooks(
      workbook([
        charge("L1", "C1", { Mod1: "25", Dx1: "E11.9", Dx2: "Z23" }),
        charge("L2", "C2", { PatientID: "P2", PayerID: "SHP", CPT: "99214", Amount: "$150.00" }),
        charge("L3", "C1", { CPT: "90686", Dx1: "Z23", Dx2: "I10", Dx3: "e119", Qty: 2, Amount: 35 }),
      ]),
    );
    expect(books.problems).toEqual([]);
    expect(books.tableIssues).toEqual([expect.stringMatching(/^Patients row 4, Date of Birth/)]);
    expect(books.claims.map((c) => c.claimId)).toEqual(["C1", "C2"]);
    const [c1, c2] = books.claims;
    expect(c1).toEqual({
      claimId: "C1",
      patient: {
        patientId: "P1",
        lastName: "Testperson",
        firstName: "Alex",
        dob: "1960-05-04",
        sex: "F",
        address: { lines: ["12 Elm St"], city: "Sampleton", state: "IL", zip: "62702" },
        memberId: "1EG4TE5MK72",
      },
      payer: { payerId: "MCR", name: "Medicare Part B", type: "Medicare", x12PayerId: "SMP01" },
      billing: {
        name: "Sampleton Family Medicine",
        npi: BILLING_NPI,
        ein: "12-3456789",
        taxonomy: "207Q00000X",
        phone: "217-555-0100",
        address: { lines: ["100 Sample Way", "Suite 200"], city: "Sampleton", state: "IL", zip: "62701-1234" },
      },
      // Unique, in order of first appearance; "e119" is E11.9 again.
      diagnoses: ["E11.9", "Z23", "I10"],
      lines: [
        {
          lineId: "L1",
          sheetRow: 2,
          dos: "2026-03-02",
          code: "99213",
          modifiers: ["25"],
          units: 1,
          charge: 12_500,
          pointers: [1, 2],
          pos: "11",
          renderingNpi: RENDERING_NPI,
        },
        {
          lineId: "L3",
          sheetRow: 4,
          dos: "2026-03-02",
          code: "90686",
          modifiers: [],
          units: 2,
          charge: 3_500,
          pointers: [2, 3, 1],
          pos: "11",
          renderingNpi: RENDERING_NPI,
        },
      ],
      total: 16_000,
      pos: "11",
      frequency: "1",
      renderingNpi: RENDERING_NPI,
    });
    // P2's primary payer is SHP: its member ID; timely filing from the Payers table.
    expect(c2.patient.memberId).toBe("SHP-12");
    expect(c2.payer).toEqual({
      payerId: "SHP",
      name: "Sample Health Plan",
      type: "Commercial",
      x12PayerId: "SHP01",
      timelyFilingDays: 180,
    });
    expect(c2.total).toBe(15_000);
    // Every claim shares one billing provider object (the scrubber checks it once).
    expect(c2.billing).toBe(c1.billing);
    expect(books.charges.map((c) => c.chargeId)).toEqual(["L1", "L2", "L3"]);
    expect(books.providers.map((p) => p.npi)).toEqual([RENDERING_NPI]);
  });

  it("takes the secondary member ID when the claim's payer is the patient's secondary, none when it is neither", async () => {
    const books = await readClaimBooks(
      workbook([charge("L1", "C1", { PayerID: "SHP" }), charge("L2", "C2", { PatientID: "P2", PayerID: "MCR" })]),
    );
    expect(books.claims.map((c) => c.patient.memberId)).toEqual(["SHP-77", undefined]);
    const report = scrubClaims(books.claims, { today: SAMPLE_TODAY });
    expect(report.results[1].problems.map((p) => p.rule)).toEqual(["member-id-missing"]);
    expect(report.results[0].problems).toEqual([]);
  });

  it("keeps every diagnosis past 12 so the scrubber reports it; each line points to its own codes", async () => {
    const codes = ["A01.1", "B02.2", "C03.3", "D04.4", "E05.5", "F06.6", "G07.7", "H08.8", "I09.9", "J10.0", "K11.1", "L12.2", "M13.3"];
    const rows = [0, 3, 6, 9, 12].map((start, k) =>
      charge(`L${k}`, "C1", { CPT: `9921${k}`, Dx1: codes[start], Dx2: codes[start + 1] ?? null, Dx3: codes[start + 2] ?? null }),
    );
    const [claim] = (await readClaimBooks(workbook(rows))).claims;
    expect(claim.diagnoses).toEqual(codes);
    expect(claim.lines.map((l) => l.pointers)).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12], [13]]);
    const problems = scrubClaims([claim], { today: SAMPLE_TODAY }).results[0].problems;
    expect(problems.map((p) => [p.rule, p.where.row, p.where.column])).toEqual([["diagnoses-over-12", 6, "Dx1"]]);
    expect(problems[0].message).toMatch(/13 diagnoses.*M13\.3 must go/);
  });

  it("reads the claim frequency and the payer claim number by their aliases, the first line's counting", async () => {
    const books = await readClaimBooks(
      workbook([charge("L1", "C1", { "Claim Frequency": 7, ICN: "ICN-991" }), charge("L2", "C1", { CPT: "99214" })]),
    );
    expect(books.claims[0]).toMatchObject({ frequency: "7", payerClaimNumber: "ICN-991" });
    expect(scrubClaims(books.claims, { today: SAMPLE_TODAY }).results[0].status).toBe("ready");
  });

  it("builds a claim whose lines have a bad NPI, code, modifier or units, for the scrubber to name each by its rule and the office's header", async () => {
    const books = await readClaimBooks(
      workbook([
        charge("L1", "C1", { "Rendering NPI": BAD_NPI, Mod1: "-5", Qty: 0 }),
        charge("L2", "C1", { "Rendering NPI": BAD_NPI, CPT: "9921" }),
      ]),
    );
    expect(books.problems).toEqual([]);
    const problems = scrubClaims(books.claims, { today: SAMPLE_TODAY, columns: books.columns }).results[0].problems;
    expect(problems.map((p) => [p.rule, p.where.row, p.where.column])).toEqual([
      ["rendering-npi", 2, "Rendering NPI"],
      ["line-units", 2, "Qty"],
      ["modifier-format", 2, "Mod1"],
      ["procedure-code", 3, "CPT"],
    ]);
  });

  it("gives the practice settings by any spelling of their names, and the rules it turned off", async () => {
    const books = await readClaimBooks(workbook([charge("L1", "C1")]));
    expect(books.practiceSettings.get("Submitter ID")).toBe("SUB123");
    expect(books.practiceSettings.get("submitter_id")).toBe("SUB123");
    expect(books.practiceSettings.get("Tax ID")).toBe("12-3456789");
    expect(books.practiceSettings.has("Receiver ID")).toBe(false);
    expect(books.scrubRulesOff).toEqual(["payer-x12-id-missing", "billing-po-box"]);
    expect(books.columns.Charges).toMatchObject({ DOS: "Date of Service", ClaimID: "Claim #", Code: "CPT" });
  });
});

describe("claims that can't be built", () => {
  it("lines of one ClaimID for two patients or two payers: the line that differs, and the claim is not built", async () => {
    const books = await readClaimBooks(
      workbook([
        charge("L1", "C1"),
        charge("L2", "C1", { PatientID: "P2" }),
        charge("L3", "C2"),
        charge("L4", "C2", { PayerID: "SHP" }),
        charge("L5", "C3", { PayerID: "mcr" }),
        charge("L6", "C3", { PayerID: "MCR", CPT: "99214" }),
      ]),
    );
    expect(books.claims.map((c) => c.claimId)).toEqual(["C3"]);
    expect(books.problems.map((p) => [p.rule, p.claimId, p.lineId, p.where.row, p.where.column])).toEqual([
      [BUILD_PROBLEMS.linesDisagree, "C1", "L2", 3, "PatientID"],
      [BUILD_PROBLEMS.linesDisagree, "C2", "L4", 5, "PayerID"],
    ]);
    expect(books.problems[0].message).toMatch(/has PatientID P2, its first line P1: one claim bills one patient/);
  });

  it("a patient or payer not in their tables, or whose row does not read, says which", async () => {
    const books = await readClaimBooks(
      workbook([
        charge("L1", "C1", { PatientID: "P9" }),
        charge("L2", "C2", { PayerID: "AET" }),
        charge("L3", "C3", { PatientID: "P3", PayerID: "SHP" }),
      ]),
    );
    expect(books.claims).toEqual([]);
    expect(books.problems.map((p) => [p.rule, p.claimId, p.where.column])).toEqual([
      [BUILD_PROBLEMS.patientNotFound, "C1", "PatientID"],
      [BUILD_PROBLEMS.payerNotFound, "C2", "PayerID"],
      [BUILD_PROBLEMS.patientNotFound, "C3", "PatientID"],
    ]);
    expect(books.problems[0].message).toMatch(/Patient P9 is not in the Patients table/);
    expect(books.problems[1].message).toMatch(/Payer AET is not in the Payers table/);
    expect(books.problems[2].message).toMatch(
      /Patient P3's row in Patients does not read \(Patients row 4, Date of Birth: "not a date" is not a date/,
    );
  });

  it("a line that does not read holds its claim back, naming the row; one without a ClaimID belongs to no claim", async () => {
    const books = await readClaimBooks(
      workbook([
        charge("L1", "C1"),
        charge("L2", "C1", { "Date of Service": "13/45/2026", CPT: "99214" }),
        charge("L3", "C2", { Amount: "abc" }),
        charge("L4", null as unknown as string),
      ]),
    );
    expect(books.claims).toEqual([]);
    expect(books.problems.map((p) => [p.rule, p.claimId, p.where.row, p.where.column])).toEqual([
      [BUILD_PROBLEMS.chargeRow, "C1", 3, "Date of Service"],
      [BUILD_PROBLEMS.chargeRow, "C2", 4, "Amount"],
    ]);
    expect(describeProblem(books.problems[0])).toBe(
      'Charges row 3, Date of Service: The line does not read ("13/45/2026" is not a real calendar date): the claim is built once it does',
    );
    expect(books.problems[1].message).toMatch(/^The line does not read \("abc" is not an amount/);
    expect(books.tableIssues).toContainEqual(expect.stringMatching(/^Charges row 5: Claim # is blank: this line belongs to no claim/));
  });

  it("an original claim billed without some of its lines is held back; a replacement sends them all", async () => {
    const billed = { "Billed Date": d("2026-03-05") };
    const books = await readClaimBooks(
      workbook([
        charge("L1", "C1", billed),
        charge("L2", "C1", { CPT: "99214" }),
        charge("L3", "C2", { ...billed, "Claim Frequency": 7, ICN: "X1" }),
        charge("L4", "C2", { CPT: "99214", "Claim Frequency": 7 }),
      ]),
      { unbilledOnly: true },
    );
    expect(books.problems.map((p) => [p.rule, p.claimId, p.lineId, p.where.column])).toEqual([
      [BUILD_PROBLEMS.partlyBilled, "C1", "L2", "Billed Date"],
    ]);
    expect(books.claims.map((c) => c.claimId)).toEqual(["C2"]);
  });
});

describe("claims left out", () => {
  it("with unbilledOnly, an unbilled claim a payer has answered (ERA payment, denial, PR only) is left out and named; a copay, a write-off or a reversed payment leave it ready", async () => {
    const rows = [
      charge("L1", "C1"),
      charge("L2", "C1", { CPT: "90686", Amount: 35 }),
      charge("L3", "C2"),
      charge("L4", "C3", { PatientID: "P2", PayerID: "SHP" }),
      charge("L5", "C4"),
      charge("L6", "C5"),
      charge("L7", "C6"),
    ];
    const payments = [
      ["PM1", d("2026-05-02"), "MCR", null, "ERA", "TRC1", 180],
      ["PM2", d("2026-03-02"), null, "P1", "Cash", null, 25],
      ["PM3", d("2026-05-04"), "SHP", null, "ERA", "TRC2", 0],
      ["PM4", d("2026-05-06"), "MCR", null, "Check", "1001", 0],
    ];
    const postings = [
      // C1: paid by MCR's ERA (posted the day after the payment's date), L2 adjusted only.
      ["PS1", "PM1", "L1", d("2026-05-03"), 80, 20, "CO", "45", 25, "ERA", null],
      ["PS2", "PM1", "L2", d("2026-05-03"), 0, 35, "CO", "97", null, "ERA", null],
      // C2: the patient's copay only.
      ["PS3", "PM2", "L3", d("2026-03-02"), 25, null, null, null, null, "Manual", null],
      // C3: denied by SHP.
      ["PS4", "PM3", "L4", d("2026-05-04"), 0, 125, "CO", "50", null, "ERA", null],
      // C4: an office write-off, no payment.
      ["PS5", null, "L5", d("2026-05-05"), null, 10, "WO", null, null, "Manual", null],
      // C5: MCR's payment posted to the wrong line, then reversed.
      ["PS6", "PM1", "L6", d("2026-05-03"), 100, null, null, null, null, "ERA", null],
      ["PS7", null, "L6", d("2026-05-07"), -100, null, null, null, null, "Manual", "PS6"],
      // C6: all to the deductible, posted by hand from MCR's check.
      ["PS8", "PM4", "L7", d("2026-05-06"), 0, null, "PR", "1", 125, "Manual", null],
    ];
    const books = await readClaimBooks(workbook(rows, { payments, postings }), { unbilledOnly: true });
    expect(books.problems).toEqual([]);
    expect(books.tableIssues).toEqual([expect.stringMatching(/^Patients row 4, Date of Birth/)]);
    expect(books.claims.map((c) => c.claimId)).toEqual(["C2", "C4", "C5"]);
    expect(books.skipped).toEqual({ selfPay: 0, billed: 0, adjudicated: 3 });
    expect(books.adjudicated).toEqual([
      { claimId: "C1", answer: "paid by MCR on 2026-05-02" },
      { claimId: "C3", answer: "denied by SHP (CO-50) on 2026-05-04" },
      { claimId: "C6", answer: "put on the patient by MCR (PR-1) on 2026-05-06" },
    ]);
    expect(adjudicatedSentence(books.adjudicated)).toBe(
      "3 claims left out: the payer already answered them (C1 paid by MCR on 2026-05-02, C3 denied by SHP (CO-50) on 2026-05-04, " +
        "C6 put on the patient by MCR (PR-1) on 2026-05-06): send a corrected claim (frequency 7) instead if needed.",
    );
    // The answered claims are earlier claims to the duplicate check: a new claim repeating C1's line is a duplicate.
    expect(books.billedClaims.map((c) => c.claimId)).toEqual(["C1", "C3", "C6"]);
    const again = await readClaimBooks(workbook([...rows, charge("L8", "C7")], { payments, postings }), { unbilledOnly: true });
    const report = scrubClaims(again.claims, { today: SAMPLE_TODAY, earlierClaims: again.billedClaims });
    const c7 = report.results[again.claims.findIndex((c) => c.claimId === "C7")];
    expect(c7.problems.map((p) => p.rule)).toContain("duplicate-line");
    expect(c7.problems.find((p) => p.rule === "duplicate-line")!.message).toMatch(/line L1 of claim C1/);
    // Without unbilledOnly every claim is built, answered or not.
    const all = await readClaimBooks(workbook(rows, { payments, postings }));
    expect(all.claims.map((c) => c.claimId)).toEqual(["C1", "C2", "C3", "C4", "C5", "C6"]);
    expect(all.adjudicated).toEqual([]);
  });

  it("a billed claim the payer answered counts as billed; a posting row that does not read is said and not counted", async () => {
    const rows = [charge("L1", "C1", { "Billed Date": d("2026-03-05") }), charge("L2", "C2")];
    const wb = workbook(rows, {
      payments: [["PM1", d("2026-05-02"), "MCR", null, "ERA", "TRC1", 0]],
      postings: [
        ["PS1", "PM1", "L1", d("2026-05-02"), 0, 125, "CO", "16", null, "ERA", null],
        ["PS2", "PM1", "L2", "not a date", 0, 125, "CO", "16", null, "ERA", null],
      ],
    });
    const books = await readClaimBooks(wb, { unbilledOnly: true });
    expect(books.claims.map((c) => c.claimId)).toEqual(["C2"]);
    expect(books.skipped).toEqual({ selfPay: 0, billed: 1, adjudicated: 0 });
    expect(books.tableIssues).toContainEqual(
      expect.stringMatching(
        /^Postings row 3, Date.*: that posting is not counted, when telling which claims a payer has answered, until it is fixed$/,
      ),
    );
  });

  it("self-pay lines (Type Self-pay, PayerID SELF or blank) are no claim", async () => {
    const books = await readClaimBooks(
      workbook([charge("L1", "C1", { PayerID: "CASH" }), charge("L2", "C2", { PayerID: "SELF" }), charge("L3", "C3")]),
    );
    expect(books.claims.map((c) => c.claimId)).toEqual(["C3"]);
    expect(books.skipped).toEqual({ selfPay: 2, billed: 0, adjudicated: 0 });
  });

  it("with unbilledOnly, claims whose every line is billed go to billedClaims, where the duplicate check sees them", async () => {
    const rows = [charge("L1", "C1", { "Billed Date": d("2026-03-05") }), charge("L2", "C2"), charge("L3", "C3", { CPT: "99214" })];
    const all = await readClaimBooks(workbook(rows));
    expect(all.claims.map((c) => [c.claimId, c.billedDate])).toEqual([
      ["C1", "2026-03-05"],
      ["C2", undefined],
      ["C3", undefined],
    ]);
    const books = await readClaimBooks(workbook(rows), { unbilledOnly: true });
    expect(books.claims.map((c) => c.claimId)).toEqual(["C2", "C3"]);
    expect(books.billedClaims.map((c) => c.claimId)).toEqual(["C1"]);
    expect(books.skipped.billed).toBe(1);
    const report = scrubClaims(books.claims, { today: SAMPLE_TODAY, earlierClaims: books.billedClaims });
    expect(report.results.map((r) => r.problems.map((p) => p.rule))).toEqual([["duplicate-line"], []]);
    expect(report.results[0].problems[0].message).toMatch(/line L1 of claim C1 \(Charges row 2\)/);
  });

  it("says which tables are missing, and keeps the body index of each charge (blank rows count)", async () => {
    const wb = MemoryWorkbook.withTables([
      { name: "Charges", headers: CHARGE_HEADERS, rows: [charge("L1", "C1"), CHARGE_HEADERS.map(() => null), charge("L2", "C2")] },
    ]);
    const books = await readClaimBooks(wb);
    expect(books.chargeIndexes).toEqual([0, 2]);
    expect(books.tableIssues).toEqual([
      expect.stringMatching(/no Patients table/),
      expect.stringMatching(/no Payers table/),
      expect.stringMatching(/no Practice table/),
    ]);
    expect(books.problems.map((p) => p.rule)).toEqual([BUILD_PROBLEMS.payerNotFound, BUILD_PROBLEMS.payerNotFound]);
    expect(books.tables.Charges?.rows).toHaveLength(3);
  });
});

describe("one claim straight from its tables (MEDBILL.SCRUB's engine)", () => {
  it("reads only the asked claims and their patients' other lines, and answers like the pane", async () => {
    const wb = workbook([
      charge("L1", "C1", { "Billed Date": d("2026-03-05") }),
      charge("L2", "C2", { PatientID: "P2", PayerID: "SHP" }),
      charge("L3", "C3"),
      charge("L4", "C4", { PatientID: "P2", PayerID: "SHP", "Date of Service": "bad" }),
    ]);
    const tables = await wb.readTables(["Charges", "Patients", "Payers"]);
    const { problems } = scrubClaimsInTables(tables, ["C3", "C2", "C9"], { today: SAMPLE_TODAY, skipBilling: true });
    expect([...problems.keys()].sort()).toEqual(["C2", "C3"]);
    expect(problems.get("C2")).toEqual([]);
    expect(problems.get("C3")!.map((p) => p.rule)).toEqual(["duplicate-line"]);
    const c4 = scrubClaimsInTables(tables, ["C4"], { today: SAMPLE_TODAY, skipBilling: true }).problems.get("C4")!;
    expect(c4.map((p) => [p.rule, p.where.row])).toEqual([[BUILD_PROBLEMS.chargeRow, 5]]);
  });
});

describe("the sample practice", () => {
  // The sample leaves a few old claims unbilled: past their payer's limit, they are the only errors.
  it("its unbilled claims build and pass every rule but timely filing, its billed ones are set apart", async () => {
    const plan = samplePractice({ lines: 3000, seed: 7, asOf: "2026-06-30" });
    const wb = MemoryWorkbook.withTables([]);
    await wb.write(plan.ops);
    const books = await readClaimBooks(wb, { unbilledOnly: true });
    expect(books.problems).toEqual([]);
    expect(books.tableIssues).toEqual([]);
    expect(books.claims.length).toBeGreaterThan(0);
    expect(books.billedClaims.length).toBeGreaterThan(books.claims.length);
    expect(books.skipped.selfPay).toBeGreaterThan(0);
    const lines = books.claims.reduce((n, c) => n + c.lines.length, 0) + books.billedClaims.reduce((n, c) => n + c.lines.length, 0);
    const selfPayLines = books.charges.length - lines;
    expect(selfPayLines).toBeGreaterThan(0);
    const report = scrubClaims(books.claims, { today: "2026-06-30", earlierClaims: books.billedClaims, rulesOff: books.scrubRulesOff });
    const problems = report.results.flatMap((r) => r.problems);
    expect(problems.filter((p) => p.rule !== "timely-filing")).toEqual([]);
    const byId = new Map(books.claims.map((c) => [c.claimId, c]));
    for (const problem of problems) {
      const claim = byId.get(problem.claimId)!;
      const line = claim.lines.find((l) => l.lineId === problem.lineId)!;
      expect(daysBetween(line.dos, "2026-06-30"), problem.message).toBeGreaterThan(claim.payer.timelyFilingDays ?? 365);
    }
    for (const claim of books.claims) {
      const days = claim.payer.timelyFilingDays ?? 365;
      const late = claim.lines.some((l) => daysBetween(l.dos, "2026-06-30") > days);
      expect(
        problems.some((p) => p.claimId === claim.claimId),
        claim.claimId,
      ).toBe(late);
    }
  });
});
