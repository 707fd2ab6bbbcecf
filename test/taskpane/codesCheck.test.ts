// What the Codes panel says about a check (headline, errors against warnings, the first problems and the
// count of the rest), and "Highlight bad cells" on the memory workbook: the problem cells filled, the
// fills of an earlier check gone, everything cleared when the switch is turned off.
import { describe, expect, it } from "vitest";
import { checkWorkbookCodes, HIGHLIGHT_COLOR, type CodeCheckReport, type CodeProblem } from "../../src/codes/checkWorkbookCodes";
import { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { isoToSerial } from "../../src/dates";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan, createTableOp } from "../../src/workbook/plan";
import { Charges } from "../../src/workbook/tables";
import { codeCheckView, highlightCodeProblems, highlightMessage, problemPlace, PROBLEMS_SHOWN } from "../../taskpane/codes/codeCheck";

const problem = (row: number, severity: CodeProblem["severity"] = "error", column = "Dx1"): CodeProblem => ({
  table: "Charges",
  sheet: "Charges",
  row,
  bodyIndex: row - 2,
  column,
  value: "E11",
  reason: "E11 is a category header, not billable",
  severity,
});

const report = (problems: CodeProblem[], cellsChecked = 1000): CodeCheckReport => ({ problems, cellsChecked, notes: [] });

describe("what a check says", () => {
  it("counts errors and warnings apart and lists every problem when there are few", () => {
    const view = codeCheckView(report([problem(2), problem(3, "warning", "DOS"), problem(7)], 12345));
    expect(view).toMatchObject({ intent: "warning", errors: 2, warnings: 1, listTitle: "3 problems:" });
    expect(view.headline).toBe("2 errors and 1 warning in 12,345 code cells checked.");
    expect(view.shown.map((p) => p.row)).toEqual([2, 3, 7]);
  });

  it("lists the first problems of a long report and counts them all", () => {
    const many = Array.from({ length: 1234 }, (_, i) => problem(i + 2, i % 2 === 0 ? "error" : "warning"));
    const view = codeCheckView(report(many, 50000));
    expect(view.shown).toHaveLength(PROBLEMS_SHOWN);
    expect(view.shown[0].row).toBe(2);
    expect(view.listTitle).toBe(`The first ${PROBLEMS_SHOWN} of 1,234 problems:`);
    expect(view.headline).toBe("617 errors and 617 warnings in 50,000 code cells checked.");
  });

  it("counts only warnings when that is all there is", () => {
    const view = codeCheckView(report([problem(5, "warning", "DOS")], 1));
    expect(view).toMatchObject({ intent: "warning", errors: 0, warnings: 1, headline: "1 warning in 1 code cell checked." });
  });

  it("says all passed, or that there was nothing to check", () => {
    expect(codeCheckView(report([], 2000))).toMatchObject({
      intent: "success",
      headline: "All 2,000 code cells checked passed.",
      shown: [],
    });
    expect(codeCheckView(report([], 2000)).listTitle).toBeUndefined();
    expect(codeCheckView(report([], 0)).headline).toBe("No code cells were found to check.");
  });

  it("never says all passed when something could not be checked", () => {
    const notes = [
      "ICD-10-CM FY2027 is not loaded: 3,210 diagnosis codes with service dates from 2026-10-01 to 2026-12-01 could not be checked",
    ];
    expect(codeCheckView({ ...report([], 9605), notes })).toMatchObject({
      intent: "warning",
      headline: "No problems found in the 9,605 code cells checked. Not everything could be checked: see the notes below.",
    });
    expect(codeCheckView({ ...report([problem(5, "warning", "DOS")], 9605), notes }).headline).toBe(
      "1 warning in 9,605 code cells checked. Not everything could be checked: see the notes below.",
    );
  });

  it("names a problem's place as the office finds it in the sheet", () => {
    expect(problemPlace(problem(14))).toBe("Charges row 14, Dx1");
  });
});

/** A small Charges table: row 2 a header code, row 3 fine, row 4 a dental code. */
async function chargesWorkbook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  const op = createTableOp(Charges);
  const line = (id: string, code: string, dx: string): (string | number | null)[] =>
    op.headers.map(
      (h) =>
        ({
          ChargeID: id,
          ClaimID: "C1",
          PatientID: "P1",
          PayerID: "MCR",
          DOS: isoToSerial("2026-03-02"),
          Code: code,
          Dx1: dx,
          Amount: 100,
        })[h] ?? null,
    );
  await workbook.write([{ ...op, rows: [line("L1", "99213", "E11"), line("L2", "99213", "I10"), line("L3", "D0120", "I10")] }]);
  return workbook;
}

describe("highlighting the bad cells", () => {
  it("fills exactly the problem cells, replaces an earlier check's fills, and clears them all when turned off", async () => {
    const workbook = await chargesWorkbook();
    const first = await checkWorkbookCodes(workbook, CodeSetLibrary.empty());
    // Without code sets the header E11 passes its format check: only the dental code is bad.
    expect(first.problems.map((p) => [p.row, p.column, p.value])).toEqual([[4, "Code", "D0120"]]);
    const applied = await highlightCodeProblems(workbook, first);
    expect(workbook.fills("Charges")).toEqual([{ row: 2, column: "Code", color: HIGHLIGHT_COLOR }]);
    expect(highlightMessage(applied, first)).toBe("Highlighted 1 cell with a problem. Run the check again after fixing them.");

    // A later check with other problems: the old fill goes, the new ones come.
    const later = report([problem(2), problem(3, "warning", "Dx1")]);
    await highlightCodeProblems(workbook, later);
    expect(workbook.fills("Charges")).toEqual([
      { row: 0, column: "Dx1", color: HIGHLIGHT_COLOR },
      { row: 1, column: "Dx1", color: HIGHLIGHT_COLOR },
    ]);

    const cleared = await highlightCodeProblems(workbook, undefined);
    expect(workbook.fills("Charges")).toEqual([]);
    expect(highlightMessage(cleared, undefined)).toBe("Highlights taken away from the code columns.");
    // Each change is one plan with its Audit row.
    const audit = (await workbook.readTables(["Audit"])).Audit!;
    expect(audit.rows.map((r) => r[audit.headers.indexOf("Action")])).toEqual(["Highlight codes", "Highlight codes", "Highlight codes"]);
  });

  it("says so when a check found nothing to highlight", () => {
    expect(highlightMessage({ cellsMarked: 0 }, report([]))).toBe("No bad cells to highlight: the code columns have no fill now.");
  });

  it("leaves the office's other fills alone", async () => {
    const workbook = await chargesWorkbook();
    await applyPlan(workbook, {
      action: "Test",
      what: "fill a note",
      ops: [{ kind: "markCells", table: "Charges", cells: [{ row: 1, column: "Amount" }], color: "#00FF00" }],
    });
    await highlightCodeProblems(workbook, undefined);
    expect(workbook.fills("Charges")).toEqual([{ row: 1, column: "Amount", color: "#00FF00" }]);
  });
});
