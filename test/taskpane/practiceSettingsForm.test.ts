// Setup › Practice settings without React, on the sample practice in a memory workbook and in an .xlsx
// file: the form is filled from the Practice table; saving writes the changed settings only (the rows
// it has, and a row for one it lacks) with one Audit row, says which were saved, and the saved file
// keeps identifiers as text; a bad value or a missing table writes nothing; what the biller typed
// survives a second read. Saved Submitter and Receiver IDs are what the 837P export then needs.
import { describe, expect, it } from "vitest";
import { npiCheckDigit } from "../../src/codes/npi";
import { samplePractice } from "../../src/sample/practiceSample";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue, Workbook } from "../../src/workbook/port";
import { practiceField, practiceValues } from "../../src/workbook/practiceForm";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { exportClaims } from "../../taskpane/claims/claimsRun";
import {
  fieldHint,
  fieldPlaceholder,
  FORM_GROUPS,
  groupsWithProblems,
  readPracticeSettings,
  reloaded,
  savedMessage,
  savePracticeSettings,
  unsavedCount,
} from "../../taskpane/setup/practiceSettingsForm";

const TODAY = "2026-06-30";
const NOW = new Date(2026, 5, 30, 10, 0, 0);

async function sample(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 300, asOf: TODAY }));
  return workbook;
}

async function practiceRows(workbook: Workbook): Promise<CellValue[][]> {
  return (await workbook.readTables(["Practice"])).Practice!.rows.map((r) => r.slice(0, 2));
}

async function auditRecords(workbook: Workbook): Promise<Record<string, CellValue>[]> {
  const audit = (await workbook.readTables(["Audit"])).Audit;
  return audit ? audit.rows.map((row) => Object.fromEntries(audit.headers.map((h, i) => [h, row[i]]))) : [];
}

async function filled(workbook: Workbook) {
  const read = await readPracticeSettings(workbook);
  if (!read.ok) throw new Error(read.problem);
  return read;
}

describe("reading the form", () => {
  it("fills every setting from the sample's Practice table", async () => {
    const read = await filled(await sample());
    expect(read.sheet).toBe("Practice");
    expect(read.values["Practice Name"]).toMatch(/Sampleton/);
    expect(read.values["Billing NPI"]).toMatch(/^\d{10}$/);
    expect(read.values["Submitter ID"]).toBe("");
    expect(read.values["Collection Agency Fee %"]).toBe("");
  });

  it("says to create the tables first when the workbook has no Practice table", async () => {
    expect(await readPracticeSettings(new MemoryWorkbook())).toEqual({
      ok: false,
      problem: "The workbook has no Practice table: click Create missing tables first, then enter the settings.",
    });
  });
});

describe("saving", () => {
  it("writes only the changed settings, adds a row for one the table lacks, and one Audit row", async () => {
    const workbook = await sample();
    const read = await filled(workbook);
    const before = await practiceRows(workbook);
    const audits = (await auditRecords(workbook)).length;
    const typed = { ...read.values, "Submitter ID": "000123456", "Receiver ID": "CLEARHOUSE", "Collection Agency Fee %": "25" };
    const done = await savePracticeSettings(workbook, read.values, typed, NOW);
    if (done.kind !== "saved") throw new Error(JSON.stringify(done));
    expect(done.saved).toEqual(["Submitter ID", "Receiver ID", "Collection Agency Fee %"]);
    expect(savedMessage(done.saved)).toBe(
      "Saved Submitter ID, Receiver ID and Collection Agency Fee % in the Practice table. The Audit sheet records the change.",
    );

    const after = await practiceRows(workbook);
    // The sample has blank Submitter and Receiver rows: filled in place. The fee had no row: one more.
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1]).toEqual(["Collection Agency Fee %", "25"]);
    const changed = before.flatMap((row, i) => (row[1] === after[i][1] ? [] : [row[0]]));
    expect(changed).toEqual(["Submitter ID", "Receiver ID"]);
    expect(after.find((r) => r[0] === "Submitter ID")).toEqual(["Submitter ID", "000123456"]);

    const records = await auditRecords(workbook);
    expect(records).toHaveLength(audits + 1);
    expect(records[records.length - 1]).toMatchObject({
      Action: "Practice settings",
      What: "saved 3 Practice settings: Submitter ID, Receiver ID, Collection Agency Fee %",
      Status: "done",
    });
  });

  it("gives the 837P export the IDs it asked for", async () => {
    const workbook = await sample();
    const refused = await exportClaims(workbook, { now: NOW, today: TODAY });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain("Setup › Practice settings");
    const read = await filled(workbook);
    await savePracticeSettings(workbook, read.values, { ...read.values, "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" }, NOW);
    const run = await exportClaims(workbook, { now: NOW, today: TODAY });
    if (!run.ok) throw new Error(run.error);
    expect(run.outcome.file.text).toMatch(/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*SAMPLE01 {7}\*ZZ\*CLEARHOUSE {5}\*/);
  });

  it("writes nothing while a value does not read, and names the field's mistake", async () => {
    const workbook = await sample();
    const read = await filled(workbook);
    const before = await practiceRows(workbook);
    const audits = (await auditRecords(workbook)).length;
    const npi = read.values["Billing NPI"];
    const bad = `${npi.slice(0, 9)}${(npiCheckDigit(npi.slice(0, 9)) + 1) % 10}`;
    const done = await savePracticeSettings(workbook, read.values, { ...read.values, "Submitter ID": "OK01", "Billing NPI": bad }, NOW);
    expect(done).toEqual({ kind: "invalid", problems: { "Billing NPI": `Billing NPI ${bad} fails the NPI check digit (mistyped?).` } });
    expect(groupsWithProblems(done.kind === "invalid" ? done.problems : {})).toEqual(["Practice"]);
    expect(await practiceRows(workbook)).toEqual(before);
    expect(await auditRecords(workbook)).toHaveLength(audits);
  });

  it("writes nothing, and says so, when nothing changed", async () => {
    const workbook = await sample();
    const read = await filled(workbook);
    expect(await savePracticeSettings(workbook, read.values, { ...read.values }, NOW)).toEqual({ kind: "unchanged" });
  });

  it("keeps identifiers as text in the saved .xlsx file, leading zeros and all", async () => {
    const xlsx = XlsxWorkbook.create();
    await applyPlan(xlsx, samplePractice({ lines: 50, asOf: TODAY }));
    const read = await filled(xlsx);
    const typed = { ...read.values, ZIP: "02134-0001", "Tax ID": "012345678", "Submitter ID": "000123", "Receiver ID": "007" };
    const done = await savePracticeSettings(xlsx, read.values, typed, NOW);
    expect(done.kind).toBe("saved");
    const again = await XlsxWorkbook.load(await xlsx.save());
    const rows = await practiceRows(again);
    for (const [setting, value] of [
      ["ZIP", "02134-0001"],
      ["Tax ID", "01-2345678"],
      ["Submitter ID", "000123"],
      ["Receiver ID", "007"],
    ]) {
      expect(rows.find((r) => r[0] === setting)?.[1], setting).toBe(value);
    }
    expect(practiceValues((await again.readTables(["Practice"])).Practice)["Receiver ID"]).toBe("007");
    expect((await auditRecords(again)).some((r) => r.Action === "Practice settings")).toBe(true);
  });
});

describe("the form's words and state", () => {
  it("says what a blank means where Setup's default is short, and shows a long one as the placeholder", () => {
    expect(fieldHint(practiceField("Appeal Days")!)).toBe(
      "A denial's appeal is due this many days after it (unless the payer says). Blank: 90.",
    );
    expect(fieldHint(practiceField("Submitter ID")!)).not.toMatch(/Blank/);
    expect(fieldPlaceholder(practiceField("Dunning 90+")!)).toMatch(/^Your account is more than 90 days past due/);
    expect(fieldHint(practiceField("Last Interchange Control #")!)).toBe("Kept by MedBill: each 837P file takes the next number.");
  });

  it("groups the fields as the README does", () => {
    expect(FORM_GROUPS.map((g) => g.group)).toEqual([
      "Practice",
      "Statements",
      "Reports",
      "Claims",
      "Remittances",
      "Follow-up",
      "Payment plans",
      "Collections",
    ]);
    expect(FORM_GROUPS.find((g) => g.group === "Claims")!.fields.map((f) => f.name)).toEqual([
      "Scrub Rules Off",
      "Submitter ID",
      "Receiver ID",
      "Receiver Name",
      "Last Interchange Control #",
    ]);
  });

  it("keeps what the biller typed when the workbook is read again, and takes the rest from it", () => {
    const read = { "Submitter ID": "", "Receiver ID": "", City: "Sampleton" };
    const typed = { ...read, "Submitter ID": "MINE" };
    expect(unsavedCount(read, typed)).toBe(1);
    const fresh = { "Submitter ID": "", "Receiver ID": "THEIRS", City: "Springfield" };
    const next = reloaded(read, typed, fresh);
    expect(next.read).toEqual(fresh);
    expect(next.typed).toEqual({ "Submitter ID": "MINE", "Receiver ID": "THEIRS", City: "Springfield" });
    expect(unsavedCount(next.read, next.typed)).toBe(1);
  });
});
