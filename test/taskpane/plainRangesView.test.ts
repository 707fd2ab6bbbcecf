// What Setup says about the office's rows on plain sheets: the hint under the table count, each card,
// the Make it a table question, and what Create missing tables leaves out (issue 19 item 2).
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { readSetupStatus } from "../../src/workbook/setup";
import { setupSummary, tableReport } from "../../taskpane/setup/setupReport";
import {
  leftOutSentence,
  madeMessage,
  missingToCreate,
  plainRangeCard,
  plainRangesHint,
  withPlainSheets,
} from "../../taskpane/setup/plainRangesView";

const charges: (string | number | null)[][] = [
  ["Charge ID", "Claim #", "Patient ID", "Payer", "DOS", "CPT", "Amount", "Office Notes"],
  ...Array.from({ length: 40 }, (_, i) => [`C${i}`, `CL${i}`, "P1", "MCR", 46055, "99213", 80, null]),
];

async function status(sheets: { name: string; cells: (string | number | null)[][] }[]) {
  return readSetupStatus(new MemoryWorkbook(sheets));
}

describe("Setup's words for the office's rows on plain sheets", () => {
  it("hints under the count, and Create missing tables leaves those tables out and says why", async () => {
    const { tables, plainRanges } = await status([
      { name: "Charges", cells: charges },
      {
        name: "Patients",
        cells: [
          ["Patient ID", "Last Name", "First Name"],
          ["P1", "Alder", "Jamie"],
        ],
      },
    ]);
    expect(plainRangesHint(plainRanges)).toBe("Patients and Charges are on sheets as plain ranges: make them tables below.");
    expect(plainRangesHint(plainRanges.slice(1))).toBe("Charges is on a sheet as a plain range: make it a table below.");
    expect(plainRangesHint([])).toBeUndefined();

    const reports = withPlainSheets(tables.map(tableReport), plainRanges);
    const summary = setupSummary(reports);
    expect(summary.found).toBe(0);
    const toCreate = missingToCreate(summary.missing, plainRanges);
    expect(toCreate).toHaveLength(15);
    expect(toCreate).not.toContain("Charges");
    expect(toCreate).not.toContain("Patients");
    expect(reports.find((r) => r.table === "Charges")?.onPlainSheet).toBe("Charges");
    expect(reports.find((r) => r.table === "Payments")?.onPlainSheet).toBeUndefined();

    expect(leftOutSentence(plainRanges)).toBe(
      "Patients and Charges were not created: their rows are on sheets as plain ranges; make them tables below.",
    );
    expect(leftOutSentence(plainRanges.slice(1))).toBe(
      "Charges was not created: its rows are on sheet Charges as a plain range; make it a table below.",
    );
  });

  it("a card says where the rows are, how the headers map, and asks before making the table", async () => {
    const { plainRanges } = await status([{ name: "Charges", cells: charges }]);
    const card = plainRangeCard(plainRanges[0]);
    expect(card.where).toBe("Rows 2-41 of sheet Charges. Headers in row 1, columns A-H.");
    expect(card.report.mapped).toContainEqual({ field: "ClaimID", header: "Claim #" });
    expect(card.report.mapped).toContainEqual({ field: "DOS", header: "DOS" });
    expect(card.report.missingRequired).toEqual([]);
    expect(card.report.extras).toEqual(["Office Notes"]);
    expect(card.problems).toEqual([]);
    expect(card.confirm).toEqual({
      title: "Make sheet Charges a table?",
      body: "Sheet Charges, rows 2-41, 8 columns become the table Charges; nothing is moved or changed. The add-in then reads its 40 rows as the Charges table.",
      yes: "Yes, make it a table",
    });
    expect(madeMessage(plainRanges[0], { tablesCreated: ["Audit", "Charges"] })).toBe(
      "Sheet Charges is now the table Charges: 40 rows, 8 columns, every value as it was. The Audit sheet records the change.",
    );
  });

  it("a card names the columns the table will still need and the header that stops it", async () => {
    const { plainRanges } = await status([
      {
        name: "Charges",
        cells: [
          ["Charge ID", "DOS", "Amount", null, "Amount"],
          ["C1", 46055, 80, "x", 80],
        ],
      },
    ]);
    const card = plainRangeCard(plainRanges[0]);
    expect(card.report.missingRequired).toEqual(["ClaimID", "PatientID", "PayerID", "Code"]);
    expect(card.confirm.body).toBe(
      "Sheet Charges, row 2, 5 columns become the table Charges; nothing is moved or changed. Its rows cannot be read until the table also has ClaimID, PatientID, PayerID and Code: add those columns after.",
    );
    expect(card.problems).toEqual([
      'Column D of sheet "Charges" has no header (cell D1 is blank): type one there, then try again.',
      'Sheet "Charges" has the header "Amount" twice (cells C1 and E1): rename one, then try again.',
    ]);
  });
});
