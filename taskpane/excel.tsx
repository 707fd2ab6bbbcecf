// The Excel host: once Office is ready, the task pane is drawn over the workbook open in Excel.
// Nothing else runs at import time. In a plain browser (no Excel) it says where to go instead.
import { createRoot } from "react-dom/client";
import { ExcelWorkbook } from "../src/workbook/excelWorkbook";
import { App } from "./App";
import { NotInExcel } from "./NotInExcel";

Office.onReady((info) => {
  const root = createRoot(document.getElementById("root")!);
  root.render(info.host === Office.HostType.Excel ? <App workbook={new ExcelWorkbook()} /> : <NotInExcel />);
});
