// The Excel host: once Office is ready, the task pane is drawn over the workbook open in Excel.
// Nothing else runs at import time. In a plain browser (no Excel) it says where to go instead.
// The host's answers to the panels live here: going to a cell selects it in Excel, and newly imported
// code sets go to the custom functions (the same module instance: one runtime for the page) before
// Excel recalculates, so MEDBILL cells answer against them at once.
import { createRoot } from "react-dom/client";
import { useCodeSets as checkFunctionsAgainst } from "../functions/codeSetSource";
import type { CodeSetLibrary } from "../src/codes/codeSetLibrary";
import { ExcelWorkbook } from "../src/workbook/excel/excelWorkbook";
import { App, PANE_ROOT_OPTIONS } from "./App";
import { NotInExcel } from "./NotInExcel";
import type { TableCell } from "./panelProps";

Office.onReady((info) => {
  const root = createRoot(document.getElementById("root")!, PANE_ROOT_OPTIONS);
  if (info.host !== Office.HostType.Excel) {
    root.render(<NotInExcel />);
    return;
  }
  const workbook = new ExcelWorkbook();
  const goToCell = (cell: TableCell) => workbook.selectTableCell(cell.table, cell.bodyIndex, cell.column);
  const codeSetsChanged = async (library: CodeSetLibrary) => {
    checkFunctionsAgainst(library);
    await workbook.recalculate();
  };
  root.render(<App workbook={workbook} onGoToCell={goToCell} onCodeSetsChanged={codeSetsChanged} />);
});
