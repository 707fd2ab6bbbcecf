// "Check the workbook" and "Highlight bad cells" for the Codes panel, apart from React: what the
// result says (a headline, the first problems with the count of the rest) and the highlight plan
// applied to the workbook, or taken away again.
import { highlightPlan, type CodeCheckReport, type CodeProblem } from "../../src/codes/checkWorkbookCodes";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";

/** How many problems the panel lists; the rest are counted. */
export const PROBLEMS_SHOWN = 200;

export interface CodeCheckView {
  /** Sentence heading the result. */
  headline: string;
  /** Bad codes are something to fix, not a failure of the check: a warning, never an alert. */
  intent: "success" | "warning";
  errors: number;
  warnings: number;
  /** The first PROBLEMS_SHOWN problems, errors and warnings in the report's order (table, row, column). */
  shown: CodeProblem[];
  /** "The first 200 of 1,234 problems:" or "5 problems:"; undefined when there are none. */
  listTitle?: string;
}

const count = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export function codeCheckView(report: CodeCheckReport, limit: number = PROBLEMS_SHOWN): CodeCheckView {
  const errors = report.problems.filter((p) => p.severity === "error").length;
  const warnings = report.problems.length - errors;
  const cells = count(report.cellsChecked, "code cell");
  // A headline never claims more than was checked: a code set not loaded or a column missing is said.
  const notChecked = report.notes.length > 0 ? " Not everything could be checked: see the notes below." : "";
  if (report.problems.length === 0) {
    if (report.cellsChecked === 0)
      return { headline: `No code cells were found to check.${notChecked}`, intent: "success", errors, warnings, shown: [] };
    if (notChecked) {
      return { headline: `No problems found in the ${cells} checked.${notChecked}`, intent: "warning", errors, warnings, shown: [] };
    }
    return { headline: `All ${cells} checked passed.`, intent: "success", errors, warnings, shown: [] };
  }
  const parts = [errors > 0 ? count(errors, "error") : "", warnings > 0 ? count(warnings, "warning") : ""].filter(Boolean);
  const shown = report.problems.slice(0, limit);
  const total = count(report.problems.length, "problem");
  return {
    headline: `${parts.join(" and ")} in ${cells} checked.${notChecked}`,
    intent: "warning",
    errors,
    warnings,
    shown,
    listTitle: shown.length < report.problems.length ? `The first ${shown.length} of ${total}:` : `${total}:`,
  };
}

/** "Charges row 14, Dx1": where a problem is, as the office finds it in the sheet. */
export function problemPlace(problem: CodeProblem): string {
  return `${problem.table} row ${problem.row}, ${problem.column}`;
}

/**
 * Fills the cells of the report's problems (after clearing the fill of every checked code column),
 * or, with no report, clears them: one plan, with its Audit row.
 */
export async function highlightCodeProblems(workbook: Workbook, report: CodeCheckReport | undefined): Promise<AppliedPlan> {
  const info = await workbook.describe();
  return applyPlan(workbook, highlightPlan(report ?? null, info.tables));
}

/** What the panel says after highlighting. */
export function highlightMessage(applied: Pick<AppliedPlan, "cellsMarked">, report: CodeCheckReport | undefined): string {
  if (!report) return "Highlights taken away from the code columns.";
  if (report.problems.length === 0) return "No bad cells to highlight: the code columns have no fill now.";
  return `Highlighted ${count(applied.cellsMarked, "cell")} with a problem. Run the check again after fixing them.`;
}
