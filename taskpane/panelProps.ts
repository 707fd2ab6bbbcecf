// What the task-pane shell hands every panel (the workbook and the host's answers to what a panel
// asks of it) and the one cell a check names. Apart from panels.tsx, which imports every panel, so
// a panel, a view module or a host can name these without importing the other panels in a circle.
import type { CodeSetLibrary } from "../src/codes/codeSetLibrary";
import type { Workbook } from "../src/workbook/port";
import type { AppliedPlan } from "../src/workbook/plan";

/** One cell of a billing table, as a check names it ("Charges row 14, Dx1"). */
export interface TableCell {
  table: string;
  sheet: string;
  /** Sheet row number as the user sees it. */
  row: number;
  /** 0-based row of the table's body. */
  bodyIndex: number;
  /** The column's header, as in the workbook. */
  column: string;
}

/** What every panel is given: the workbook, and the host's answers to what a panel asks of it. */
export interface PanelProps {
  workbook: Workbook;
  /** Called after a plan was applied, so the host can show what changed. */
  onWorkbookChanged?: (applied: AppliedPlan) => void;
  /** Show the user a cell: Excel selects it; the browser host scrolls its preview to it. Without it, problems are not clickable. */
  onGoToCell?: (cell: TableCell) => Promise<void>;
  /** The code sets changed (an import): in Excel, the custom functions check against them from now on. */
  onCodeSetsChanged?: (library: CodeSetLibrary) => Promise<void>;
}
