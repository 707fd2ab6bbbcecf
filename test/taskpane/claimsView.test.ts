// What the Claims panel shows, from claims built by hand (test/claims' fixtures): counts per status
// and the line over the list; payers grouped by name with the unknown one last; the filters; a
// claim's line (patient, dates, lines, total, problem counts); the cell of each kind of problem (a
// Charges row, the patient's row found by ID, the Practice setting's Value cell) and none where the
// table, row or column is missing; the rules turned off; and the sentences after an export or a form.
import { describe, expect, it } from "vitest";
import type { Claim, ScrubProblem } from "../../src/claims/model";
import type { RawTable } from "../../src/workbook/port";
import type { ClaimEntry, ClaimsScrub } from "../../taskpane/claims/claimsRun";
import {
  claimLineView,
  rejectedText,
  countStatuses,
  countsLine,
  exportScope,
  exportedMessage,
  filterEntries,
  formsMessage,
  payerGroups,
  problemCell,
  problemViews,
  leftOutLine,
  rulesOffView,
  scrubHeadline,
  confirmExportText,
} from "../../taskpane/claims/claimsView";
import { sampleClaim, sampleLine, samplePatient, samplePayer } from "../claims/claimFixtures";

function entry(claimId: string, payerId: string, status: ClaimEntry["status"], extra: Partial<ClaimEntry> = {}): ClaimEntry {
  const claim = sampleClaim({ claimId, payer: samplePayer({ payerId, name: payerId === "MCR" ? "Medicare Part B" : "Summit Health" }) });
  return { claimId, claim, payerId, status, problems: [], ...extra };
}

const problem = (where: ScrubProblem["where"], severity: ScrubProblem["severity"] = "error"): ScrubProblem => ({
  rule: "some-rule",
  severity,
  claimId: "C1",
  where,
  message: "Fix it",
});

/** Tables as read: Charges with its header on row 1, Patients on row 3 of its sheet, Practice's settings. */
const TABLES: Record<string, RawTable> = {
  Charges: {
    name: "Charges",
    sheet: "Charge lines",
    headers: ["ChargeID", "ClaimID", "Provider NPI"],
    rowCount: 3,
    headerRow: 1,
    rows: [
      ["L1", "C1", "1234567893"],
      ["L2", "C1", "1234567890"],
      ["L3", "C2", null],
    ],
  },
  Patients: {
    name: "Patients",
    sheet: "People",
    headers: ["PatientID", "Last Name", "DOB"],
    rowCount: 2,
    headerRow: 3,
    rows: [
      ["P000002", "Other", 20000],
      ["p000001", "Testperson", 50000],
    ],
  },
  Practice: {
    name: "Practice",
    sheet: "Practice",
    headers: ["Setting", "Value"],
    rowCount: 3,
    headerRow: 1,
    rows: [
      ["Practice Name", "Sampleton"],
      ["zip", "62701"],
      ["Submitter ID", null],
    ],
  },
};

describe("counts and groups", () => {
  const entries = [
    entry("C1", "SHP", "ready"),
    entry("C2", "MCR", "errors"),
    entry("C3", "SHP", "warnings"),
    entry("C4", "mcr", "ready"),
    { claimId: "C5", payerId: "", status: "errors" as const, problems: [] },
  ];

  it("counts each status and says only the ones that are there", () => {
    expect(countStatuses(entries)).toEqual({ ready: 2, warnings: 1, errors: 2 });
    expect(countsLine(countStatuses(entries))).toBe("2 ready, 1 with warnings, 2 with errors");
    expect(countsLine({ ready: 1200, warnings: 0, errors: 0 })).toBe("1,200 ready");
    expect(countsLine({ ready: 0, warnings: 0, errors: 0 })).toBe("no claims");
  });

  it("groups by payer (IDs without case), payers by name, the unknown payer last", () => {
    const groups = payerGroups(entries);
    expect(groups.map((g) => [g.label, g.entries.map((e) => e.claimId)])).toEqual([
      ["Medicare Part B (MCR)", ["C2", "C4"]],
      ["Summit Health (SHP)", ["C1", "C3"]],
      ["Payer not known", ["C5"]],
    ]);
    expect(groups[0].counts).toEqual({ ready: 1, warnings: 0, errors: 1 });
    expect(groups.map((g) => g.short)).toEqual(["MCR · Medicare Part B", "SHP · Summit Health", "Payer not known"]);
  });

  it("filters by payer and by status", () => {
    expect(filterEntries(entries, { payerId: "MCR" }).map((e) => e.claimId)).toEqual(["C2", "C4"]);
    expect(filterEntries(entries, { status: "errors" }).map((e) => e.claimId)).toEqual(["C2", "C5"]);
    expect(filterEntries(entries, { payerId: "shp", status: "ready" }).map((e) => e.claimId)).toEqual(["C1"]);
    expect(filterEntries(entries, {})).toHaveLength(5);
  });
});

describe("a claim's line in the list", () => {
  it("shows the patient, the dates of service, the lines, the total and the problem counts", () => {
    const claim = sampleClaim({
      patient: samplePatient({ lastName: "Testperson", firstName: "Alex" }),
      lines: [
        sampleLine({ lineId: "L1", dos: "2026-03-09", charge: 10_000 }),
        sampleLine({ lineId: "L2", dos: "2026-03-02", charge: 6_000 }),
      ],
      total: 16_000,
    });
    const problems = [problem({ table: "Charges", column: "POS" }), problem({ table: "Payers", column: "X12 Payer ID" }, "warning")];
    const view = claimLineView({ claimId: claim.claimId, claim, payerId: "SHP", status: "errors", problems });
    expect(view).toEqual({
      claimId: claim.claimId,
      patient: "Testperson, Alex",
      dates: "2026-03-02 to 2026-03-09",
      lines: "2 lines",
      total: "$160.00",
      problems: "1 error, 1 warning",
      rejected: "",
    });
  });

  it("says why a claim billed before is offered again: rejected, when, by which answer, why", () => {
    const claim = sampleClaim({ claimId: "CLM0002" });
    const rejected = { date: "2026-03-18", source: "277CA", reason: "A7 rejected for invalid information: the NPI", sequence: "Primary" };
    const view = claimLineView({ claimId: claim.claimId, claim, payerId: "SHP", status: "ready", problems: [], rejected });
    expect(view.rejected).toBe("Rejected 2026-03-18 by 277CA: A7 rejected for invalid information: the NPI; correct it and send it again");
    expect(rejectedText({ date: "2026-03-18", source: "", reason: "", sequence: "Primary" })).toBe(
      "Rejected 2026-03-18; correct it and send it again",
    );
  });

  it("says a claim that could not be built is one", () => {
    const view = claimLineView({
      claimId: "C9",
      payerId: "SHP",
      status: "errors",
      problems: [problem({ table: "Charges", column: "Amount" })],
    });
    expect(view).toMatchObject({ patient: "", total: "", lines: "Can't be built from its lines", problems: "1 error" });
  });
});

describe("the cell a problem is fixed in", () => {
  const claim: Claim = sampleClaim({ patient: samplePatient({ patientId: "P000001" }) });

  it("is the Charges row the scrubber named, on the table's own sheet", () => {
    expect(problemCell(problem({ table: "Charges", row: 3, column: "provider npi" }), claim, TABLES)).toEqual({
      table: "Charges",
      sheet: "Charge lines",
      row: 3,
      bodyIndex: 1,
      column: "Provider NPI",
    });
  });

  it("is the patient's row, found by the claim's PatientID without case, when the problem names no row", () => {
    expect(problemCell(problem({ table: "Patients", column: "DOB" }), claim, TABLES)).toEqual({
      table: "Patients",
      sheet: "People",
      row: 5,
      bodyIndex: 1,
      column: "DOB",
    });
  });

  it("is the Practice setting's Value cell, the setting found whatever its case", () => {
    expect(problemCell(problem({ table: "Practice", column: "ZIP" }), claim, TABLES)).toEqual({
      table: "Practice",
      sheet: "Practice",
      row: 3,
      bodyIndex: 1,
      column: "Value",
    });
  });

  it("is none when the table, the row or the column is not there", () => {
    expect(problemCell(problem({ table: "Payers", column: "X12 Payer ID" }), claim, TABLES)).toBeUndefined();
    expect(problemCell(problem({ table: "Charges", row: 3, column: "Payer Claim #" }), claim, TABLES)).toBeUndefined();
    expect(problemCell(problem({ table: "Charges", row: 9, column: "ClaimID" }), claim, TABLES)).toBeUndefined();
    expect(problemCell(problem({ table: "Practice", column: "Taxonomy" }), claim, TABLES)).toBeUndefined();
    expect(problemCell(problem({ table: "Patients", column: "DOB" }), undefined, TABLES)).toBeUndefined();
    const stranger = sampleClaim({ patient: samplePatient({ patientId: "P999" }) });
    expect(problemCell(problem({ table: "Patients", column: "DOB" }), stranger, TABLES)).toBeUndefined();
  });

  it("places each problem as the office finds it, the found row included", () => {
    const views = problemViews(
      {
        claimId: "C1",
        claim,
        payerId: "SHP",
        status: "errors",
        problems: [problem({ table: "Patients", column: "DOB" }), problem({ table: "Practice", column: "Taxonomy" }, "warning")],
      },
      TABLES,
    );
    expect(views.map((v) => [v.place, v.severity, v.message, v.cell?.row])).toEqual([
      ["Patients row 5, DOB", "error", "Fix it", 5],
      ["Practice, Taxonomy", "warning", "Fix it", undefined],
    ]);
  });
});

describe("what the panel says", () => {
  it("names the rules turned off with their titles", () => {
    expect(rulesOffView({ rulesOff: ["duplicate-line"], rulesNotOff: ["x"] })).toEqual({
      off: [{ id: "duplicate-line", title: "Duplicate line (same patient, date, code, modifiers, provider)" }],
      notOff: ["x"],
    });
  });

  it("heads the list with the claims waiting, or says there are none", () => {
    const books = { skipped: { selfPay: 0, billed: 12, adjudicated: 0 }, adjudicated: [] } as unknown as ClaimsScrub["books"];
    expect(scrubHeadline({ entries: [entry("C1", "SHP", "ready"), entry("C2", "SHP", "errors")], books })).toBe(
      "2 claims not yet billed: 1 ready, 1 with errors.",
    );
    expect(scrubHeadline({ entries: [], books })).toBe(
      "No claims to bill: every claim in Charges has its Billed Date (12 claims already billed).",
    );
    expect(leftOutLine(books)).toBe("");
    const answered = {
      skipped: { selfPay: 0, billed: 12, adjudicated: 2 },
      adjudicated: [
        { claimId: "CL000246", answer: "paid by MCR on 2026-05-02" },
        { claimId: "CL000256", answer: "denied by AET (CO-50) on 2026-05-03" },
      ],
    } as unknown as ClaimsScrub["books"];
    expect(scrubHeadline({ entries: [], books: answered })).toBe(
      "No claims to bill: every claim in Charges is billed or already answered by its payer (12 claims already billed).",
    );
    expect(leftOutLine(answered)).toBe(
      "2 claims left out: the payer already answered them (CL000246 paid by MCR on 2026-05-02, CL000256 denied by AET (CO-50) on 2026-05-03): " +
        "send a corrected claim (frequency 7) instead if needed.",
    );
  });

  it("asks before Create 837P writes: the file, its claims, lines, total and payers, and the Billed Date set", () => {
    const preview = {
      fileName: "claims-all-000000043.837",
      claims: 3,
      lines: 5,
      total: 42500,
      payers: [
        { payerId: "MCR", claims: 2 },
        { payerId: "SHP", claims: 1 },
      ],
      today: "2026-12-07",
    };
    expect(confirmExportText(preview)).toBe(
      "claims-all-000000043.837 will hold 3 claims (5 lines, $425.00) for MCR (2 claims), SHP (1 claim). " +
        "The 5 lines' Billed Date will be set to 2026-12-07, so they leave this list; the Audit sheet records the file.",
    );
    expect(
      confirmExportText({
        ...preview,
        fileName: "claims-SHP-000000043.837",
        claims: 1,
        lines: 1,
        total: 7500,
        payers: [{ payerId: "SHP", claims: 1 }],
      }),
    ).toBe(
      "claims-SHP-000000043.837 will hold 1 claim (1 line, $75.00) for SHP (1 claim). " +
        "The line's Billed Date will be set to 2026-12-07, so it leaves this list; the Audit sheet records the file.",
    );
  });

  it("says what Create 837P will write and hold back", () => {
    const a = entry("C1", "SHP", "ready").claim!;
    const b = entry("C2", "SHP", "warnings").claim!;
    expect(exportScope({ claims: [a, b], heldBack: [entry("C3", "SHP", "errors")] }, "Summit Health (SHP)")).toBe(
      "Create 837P writes the 2 claims of Summit Health (SHP) without errors to a file and marks them billed; Claim forms puts them on a sheet to print. 1 claim with errors stays here until fixed.",
    );
    expect(exportScope({ claims: [], heldBack: [] }, undefined)).toBe("No claim is ready to send.");
  });

  it("says what the export and the claim forms wrote", () => {
    const claims = [sampleClaim({ total: 12_500 }), sampleClaim({ claimId: "C2", total: 3_500 })];
    const file = { name: "claims-SHP-000000042.837", text: "", control: { interchange: 42, group: 42, transaction: 1 } };
    const lines = claims.reduce((n, c) => n + c.lines.length, 0);
    expect(exportedMessage({ file, claims, total: 16_000, heldBack: [entry("C3", "SHP", "errors")] })).toBe(
      `claims-SHP-000000042.837: 2 claims ($160.00). ${lines} lines marked billed today; the Audit sheet records the file. 1 claim with errors was left out: fix it and create another file. Send the file to your clearinghouse.`,
    );
    expect(formsMessage({ sheets: ["Claim C1"], claimIds: ["C1"], missing: [] })).toBe(
      'The claim form of C1 is on the sheet "Claim C1", ready to print (one claim a page).',
    );
    expect(
      formsMessage({ sheets: ["Claim forms 2026-06-30", "Claim forms 2026-06-30 (2)"], claimIds: ["C1", "C2"], missing: ["C3"] }),
    ).toBe(
      '2 claim forms are on the sheets "Claim forms 2026-06-30", "Claim forms 2026-06-30 (2)", ready to print (one claim a page). 1 claim asked for is no longer to bill and was left out.',
    );
  });
});
