// The Claims panel's work without React, on the sample practice in a memory workbook (1,000 lines
// as of 2026-06-30: eleven claims not yet billed, one past Lakeshore's timely-filing limit). Reading
// and scrubbing announce their stages; seeded mistakes (a bad rendering NPI, a DOB after the DOS, a
// line that does not read) light their claims red with the cell to fix; the rules turned off come
// with the scrub. The export writes the payer's claims without errors to an 837P that reads back the
// same, marks exactly their lines billed, stores the control number and adds one Audit row; refused
// (no Submitter ID, nothing ready) it writes nothing. The claim form sheet is written and named.
import { beforeEach, describe, expect, it } from "vitest";
import { read837p } from "../../src/claims/837pRead";
import { readClaimBooks } from "../../src/claims/claimBooks";
import { scrubClaims } from "../../src/claims/scrubber";
import { isoToSerial } from "../../src/dates";
import { samplePractice } from "../../src/sample/practiceSample";
import { MemoryWorkbook, type MemoryTable } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue } from "../../src/workbook/port";
import {
  FILE_RULE,
  STAGE_PROGRESS,
  claimFileName,
  exportClaims,
  exportPreview,
  exportSelection,
  printClaimForms,
  scrubWorkbook,
  stageLabel,
  type ClaimsStage,
} from "../../taskpane/claims/claimsRun";
import { problemCell, rulesOffView } from "../../taskpane/claims/claimsView";

const TODAY = "2026-06-30";
const NOW = new Date(2026, 5, 30, 15, 20, 0);
/** A valid NPI (its check digit is right) that is not in the sample's Providers. */
const UNNAMED_NPI = "1234567893";
/** An NPI whose check digit is wrong. */
const BAD_NPI = "1234567890";

function table(workbook: MemoryWorkbook, name: string): MemoryTable {
  const found = workbook.sheets.find((s) => s.table?.name === name)?.table;
  if (!found) throw new Error(`no ${name} table`);
  return found;
}

function column(workbook: MemoryWorkbook, name: string, header: string): CellValue[] {
  const t = table(workbook, name);
  const i = t.headers.indexOf(header);
  return t.rows.map((r) => r[i]);
}

/** Type a value into the rows of a table whose `key` column holds `id` (as an office would). */
function typeInto(workbook: MemoryWorkbook, name: string, key: string, id: string, header: string, value: CellValue): number {
  const t = table(workbook, name);
  const k = t.headers.indexOf(key);
  const c = t.headers.indexOf(header);
  let n = 0;
  for (const row of t.rows) {
    if (row[k] === id) {
      row[c] = value;
      n++;
    }
  }
  if (n === 0) throw new Error(`no ${name} row with ${key} ${id}`);
  return n;
}

/** Set a Practice setting, adding its row when the table has none. */
function setSetting(workbook: MemoryWorkbook, setting: string, value: string) {
  const t = table(workbook, "Practice");
  const row = t.rows.find((r) => r[0] === setting);
  if (row) row[1] = value;
  else t.rows.push([setting, value]);
}

async function auditRows(workbook: MemoryWorkbook): Promise<Record<string, CellValue>[]> {
  const audit = (await workbook.readTables(["Audit"])).Audit;
  return audit ? audit.rows.map((row) => Object.fromEntries(audit.headers.map((h, i) => [h, row[i]]))) : [];
}

async function sample(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 1000, asOf: TODAY }));
  return workbook;
}

/** The sample with the clearinghouse settings an office fills in before its first export. */
async function readyToSend(): Promise<MemoryWorkbook> {
  const workbook = await sample();
  setSetting(workbook, "Submitter ID", "SAMPLE01");
  setSetting(workbook, "Receiver ID", "CLEARHOUSE");
  setSetting(workbook, "Last Interchange Control #", "41");
  return workbook;
}

describe("reading and scrubbing the claims not yet billed", () => {
  let workbook: MemoryWorkbook;
  beforeEach(async () => {
    workbook = await sample();
  });

  it("announces each stage in order, the progress bar moving forward, and lists every unbilled claim with the scrubber's status", async () => {
    const stages: ClaimsStage[] = [];
    const scrub = await scrubWorkbook(workbook, TODAY, (s) => void stages.push(s));
    expect(stages).toEqual(["reading", "codes", "scrubbing"]);
    const progress = stages.map((s) => STAGE_PROGRESS[s]);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(stageLabel("writing", "export")).toBe("Writing the 837P file and marking the claims billed…");

    const books = await readClaimBooks(workbook, { unbilledOnly: true });
    const report = scrubClaims(books.claims, {
      today: TODAY,
      rulesOff: books.scrubRulesOff,
      columns: books.columns,
      earlierClaims: books.billedClaims,
    });
    expect(scrub.entries.map((e) => e.claimId)).toEqual(books.claims.map((c) => c.claimId));
    expect(scrub.entries.map((e) => e.status)).toEqual(report.results.map((r) => r.status));
    expect(scrub.entries).toHaveLength(11);
    // One claim is past Lakeshore's 180 days: an error, on the DOS of its line.
    const late = scrub.entries.filter((e) => e.status === "errors");
    expect(late.map((e) => [e.claimId, e.payerId, e.problems.map((p) => p.rule)])).toEqual([["CL000263", "LMI", ["timely-filing"]]]);
    const cell = problemCell(late[0].problems[0], late[0].claim, scrub.books.tables)!;
    expect(cell).toMatchObject({ table: "Charges", sheet: "Charges", column: "DOS", row: late[0].claim!.lines[0].sheetRow });
    expect(column(workbook, "Charges", "ChargeID")[cell.bodyIndex]).toBe(late[0].claim!.lines[0].lineId);
    // No code sets in the sample: said once, as a note.
    expect(scrub.report.notes.join(" ")).toContain("ICD-10-CM is not loaded");
  });

  it("lights the seeded bad claims red, each problem with the cell it is fixed in", async () => {
    typeInto(workbook, "Charges", "ClaimID", "CL000565", "Provider NPI", BAD_NPI);
    typeInto(workbook, "Patients", "PatientID", "P000073", "DOB", isoToSerial("2026-07-15", 1900));
    const scrub = await scrubWorkbook(workbook, TODAY);
    const byId = new Map(scrub.entries.map((e) => [e.claimId, e]));

    const npi = byId.get("CL000565")!;
    expect(npi.status).toBe("errors");
    const npiProblems = npi.problems.filter((p) => p.rule === "rendering-npi");
    expect(npiProblems.length).toBeGreaterThan(0);
    for (const p of npiProblems) {
      const cell = problemCell(p, npi.claim, scrub.books.tables)!;
      expect(cell.column).toBe("Provider NPI");
      expect(column(workbook, "Charges", "Provider NPI")[cell.bodyIndex]).toBe(BAD_NPI);
      expect(column(workbook, "Charges", "ClaimID")[cell.bodyIndex]).toBe("CL000565");
      expect(cell.row).toBe(cell.bodyIndex + 2);
    }

    const dob = byId.get("CL000566")!;
    expect(dob.status).toBe("errors");
    const problem = dob.problems.find((p) => p.rule === "dob-after-dos")!;
    expect(problem.message).toContain("after the date of service 2026-06-29");
    // The Patients problem names no row: the patient's is found by ID.
    expect(problem.where.row).toBeUndefined();
    const cell = problemCell(problem, dob.claim, scrub.books.tables)!;
    expect(cell).toMatchObject({ table: "Patients", sheet: "Patients", column: "DOB" });
    expect(column(workbook, "Patients", "PatientID")[cell.bodyIndex]).toBe("P000073");

    // The others stay as they were.
    expect(scrub.entries.filter((e) => e.status === "errors").map((e) => e.claimId)).toEqual(["CL000263", "CL000565", "CL000566"]);
  });

  it("lists a claim whose line does not read, with its payer and the cell, as an error", async () => {
    typeInto(workbook, "Charges", "ClaimID", "CL000565", "Amount", "ninety");
    const scrub = await scrubWorkbook(workbook, TODAY);
    const entry = scrub.entries.find((e) => e.claimId === "CL000565")!;
    expect(entry.claim).toBeUndefined();
    expect(entry.status).toBe("errors");
    expect(entry.payerId).toBe("MCR");
    const cell = problemCell(entry.problems[0], undefined, scrub.books.tables)!;
    expect(entry.problems).toHaveLength(2);
    expect(cell.column).toBe("Amount");
    expect(column(workbook, "Charges", "Amount")[cell.bodyIndex]).toBe("ninety");
    expect(column(workbook, "Charges", "ClaimID")[cell.bodyIndex]).toBe("CL000565");
    // Not built, so never exported.
    expect(exportSelection(scrub.entries, "MCR").heldBack.map((e) => e.claimId)).toEqual(["CL000565"]);
  });

  it("says which rules the practice turned off, and which ids in the setting were not", async () => {
    typeInto(workbook, "Patients", "PatientID", "P000073", "DOB", isoToSerial("2026-07-15", 1900));
    setSetting(workbook, "Scrub Rules Off", "dob-after-dos, no-such-rule; claim-total");
    const scrub = await scrubWorkbook(workbook, TODAY);
    expect(scrub.entries.find((e) => e.claimId === "CL000566")!.status).toBe("ready");
    const rules = rulesOffView(scrub.report);
    expect(rules.off).toEqual([{ id: "dob-after-dos", title: "Date of birth after the date of service" }]);
    expect(rules.notOff).toHaveLength(2);
    expect(rules.notOff[0]).toContain('"no-such-rule" is not a scrub rule');
    expect(rules.notOff[1]).toContain("claim-total cannot be turned off");
  });

  it("holds back a claim the 837P file could not carry: its rendering provider has no name in Providers", async () => {
    typeInto(workbook, "Charges", "ClaimID", "CL000565", "Provider NPI", UNNAMED_NPI);
    const scrub = await scrubWorkbook(workbook, TODAY);
    const entry = scrub.entries.find((e) => e.claimId === "CL000565")!;
    expect(entry.status).toBe("errors");
    expect(entry.problems.map((p) => p.rule)).toEqual([FILE_RULE]);
    expect(entry.problems[0].message).toContain(`(NPI ${UNNAMED_NPI}) has no name in Providers`);
  });
});

describe("creating the 837P file", () => {
  it("writes the payer's claims without errors, marks exactly their lines billed, keeps the control number and adds the Audit row", async () => {
    const workbook = await readyToSend();
    typeInto(workbook, "Charges", "ClaimID", "CL000565", "Provider NPI", BAD_NPI);
    const billedBefore = column(workbook, "Charges", "Billed Date");
    const before = await scrubWorkbook(workbook, TODAY);
    const mcr = before.entries.filter((e) => e.payerId === "MCR");
    const ready = mcr.filter((e) => e.status !== "errors");
    expect(ready.map((e) => e.claimId)).toEqual(["CL000002", "CL000341", "CL000393", "CL000566", "CL000569"]);
    // What the confirmation says before anything is written: the file, the claims and lines it marks.
    expect(exportPreview(before, "MCR")).toEqual({
      fileName: "claims-MCR-000000042.837",
      claims: 5,
      lines: ready.reduce((n, e) => n + e.claim!.lines.length, 0),
      total: ready.reduce((sum, e) => sum + e.claim!.total, 0),
      payers: [{ payerId: "MCR", claims: 5 }],
      today: TODAY,
    });
    expect(column(workbook, "Charges", "Billed Date")).toEqual(billedBefore);

    const stages: ClaimsStage[] = [];
    const run = await exportClaims(workbook, { payerId: "MCR", now: NOW, today: TODAY }, (s) => void stages.push(s));
    if (!run.ok) throw new Error(run.error);
    expect(stages).toEqual(["reading", "codes", "scrubbing", "writing", "done"]);
    const { outcome } = run;
    expect(outcome.file.name).toBe("claims-MCR-000000042.837");
    expect(outcome.heldBack.map((e) => e.claimId)).toEqual(["CL000565"]);

    // The file reads back: the same claims, and ΣCLM02 their total.
    const read = read837p(outcome.file.text);
    if (!read.ok) throw new Error(read.error);
    expect(read.isaControl).toBe("000000042");
    expect(read.claims.map((c) => c.claimId)).toEqual(["CL000002", "CL000341", "CL000393", "CL000566", "CL000569"]);
    const total = ready.reduce((s, e) => s + e.claim!.total, 0);
    expect(read.claims.reduce((s, c) => s + c.total, 0)).toBe(total);
    expect(outcome.total).toBe(total);
    expect(read.claims.flatMap((c) => c.lines.map((l) => l.lineId))).toEqual(ready.flatMap((e) => e.claim!.lines.map((l) => l.lineId)));

    // Billed Date: today on their lines, every other row as it was.
    const exported = new Set(ready.flatMap((e) => e.claim!.lines.map((l) => l.lineId)));
    const ids = column(workbook, "Charges", "ChargeID");
    const billed = column(workbook, "Charges", "Billed Date");
    ids.forEach((id, i) => expect(billed[i], String(id)).toEqual(exported.has(String(id)) ? isoToSerial(TODAY, 1900) : billedBefore[i]));
    const practice = table(workbook, "Practice");
    expect(practice.rows.find((r) => r[0] === "Last Interchange Control #")![1]).toBe("42");
    const audit = (await auditRows(workbook)).filter((r) => r.Action === "Claims exported");
    expect(audit).toHaveLength(1);
    expect(String(audit[0].What)).toContain("claims-MCR-000000042.837");
    expect(String(audit[0].What)).not.toMatch(/P0000\d\d/);

    // The exported claims leave the list; the one with errors stays. The next file takes the next number.
    const after = await scrubWorkbook(workbook, TODAY);
    const sent = new Set(["CL000002", "CL000341", "CL000393", "CL000566", "CL000569"]);
    expect(after.entries.map((e) => e.claimId)).toEqual(before.entries.map((e) => e.claimId).filter((id) => !sent.has(id)));
    const all = await exportClaims(workbook, { now: NOW, today: TODAY });
    if (!all.ok) throw new Error(all.error);
    expect(all.outcome.file.name).toBe("claims-all-000000043.837");
    expect(exportPreview(after, "MCR")).toBeUndefined();
    expect(all.outcome.claims.map((c) => c.claimId).sort()).toEqual(["CL000307", "CL000444", "CL000501", "CL000568"]);
    expect(all.outcome.heldBack.map((e) => e.claimId).sort()).toEqual(["CL000263", "CL000565"]);
    expect((await auditRows(workbook)).filter((r) => r.Action === "Claims exported")).toHaveLength(2);
  });

  it("is refused, in words saying where to fill them, without the Submitter and Receiver IDs; nothing is written", async () => {
    const workbook = await sample();
    // An older workbook: its Practice table has no rows for them at all.
    const practice = table(workbook, "Practice");
    practice.rows = practice.rows.filter((r) => r[0] !== "Submitter ID" && r[0] !== "Receiver ID");
    const billed = column(workbook, "Charges", "Billed Date");
    const audit = await auditRows(workbook);
    const run = await exportClaims(workbook, { payerId: "MCR", now: NOW, today: TODAY });
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.error).toContain("The submitter ID is blank: enter the ID your clearinghouse gave you in Practice (Submitter ID).");
    expect(run.error).toContain("The receiver ID is blank");
    expect(run.error).toContain('has no "Submitter ID" row yet: enter the ID in Setup › Practice settings, which adds the row.');
    expect(column(workbook, "Charges", "Billed Date")).toEqual(billed);
    expect(await auditRows(workbook)).toEqual(audit);

    // With a blank row of its own, the words say to type the ID there.
    setSetting(workbook, "Submitter ID", "");
    setSetting(workbook, "Receiver ID", "CLEARHOUSE");
    const again = await exportClaims(workbook, { now: NOW, today: TODAY });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error).toContain(
        'The "Submitter ID" row is on the Practice sheet: type the ID in its Value cell, or in Setup › Practice settings.',
      );
      expect(again.error).not.toContain("Receiver");
    }
  });

  it("is refused when none of the payer's claims is free of errors; nothing is written", async () => {
    const workbook = await readyToSend();
    // Medicaid's only claim to bill, with a mistyped rendering NPI.
    typeInto(workbook, "Charges", "ClaimID", "CL000307", "Provider NPI", BAD_NPI);
    const audit = await auditRows(workbook);
    const run = await exportClaims(workbook, { payerId: "MCD", now: NOW, today: TODAY });
    expect(run).toEqual({
      ok: false,
      error: "No claim of MCD can be sent: the only one has errors to fix first (open a claim to see them). Nothing was written.",
      heldBack: [expect.objectContaining({ claimId: "CL000307" })],
    });
    expect(await auditRows(workbook)).toEqual(audit);
    expect(table(workbook, "Practice").rows.find((r) => r[0] === "Last Interchange Control #")![1]).toBe("41");
  });

  it("names the file by payer (letters, digits and hyphens) and the ISA13", () => {
    expect(claimFileName("MCR", { interchange: 7, group: 7, transaction: 1 })).toBe("claims-MCR-000000007.837");
    expect(claimFileName(undefined, { interchange: 123456789, group: 1, transaction: 1 })).toBe("claims-all-123456789.837");
    expect(claimFileName("Blue Cross/NE", { interchange: 1, group: 1, transaction: 1 })).toBe("claims-Blue-Cross-NE-000000001.837");
    expect(claimFileName("//", { interchange: 1, group: 1, transaction: 1 })).toBe("claims-payer-000000001.837");
  });
});

describe("claim forms", () => {
  it("writes one claim's form on its own sheet, several on one sheet, with an Audit row each time", async () => {
    const workbook = await sample();
    const one = await printClaimForms(workbook, { claimIds: ["CL000565"], today: TODAY }, () => {});
    if (!one.ok) throw new Error(one.error);
    expect(one.outcome.sheets).toEqual(["Claim CL000565"]);
    expect(one.outcome.applied.sheetsWritten).toEqual(["Claim CL000565"]);
    expect(await workbook.readSheet("Claim CL000565")).toBeDefined();

    const several = await printClaimForms(workbook, { claimIds: ["CL000566", "CL000569", "NOPE"], today: TODAY });
    if (!several.ok) throw new Error(several.error);
    expect(several.outcome).toMatchObject({ sheets: [`Claim forms ${TODAY}`], claimIds: ["CL000566", "CL000569"], missing: ["NOPE"] });
    expect((await auditRows(workbook)).filter((r) => r.Action === "Claim forms printed")).toHaveLength(2);
  });

  it("is refused for a claim no longer to bill; nothing is written", async () => {
    const workbook = await sample();
    const audit = await auditRows(workbook);
    const run = await printClaimForms(workbook, { claimIds: ["CL000001"], today: TODAY });
    expect(run).toEqual({
      ok: false,
      error:
        "Claim CL000001 is no longer among the claims to bill (billed, or changed since the list was read): click Refresh. Nothing was written.",
    });
    expect(await auditRows(workbook)).toEqual(audit);
  });
});
