// Queues a checked plan in Excel: the workbook's layout becomes the writer's state, each op is
// handed to its writer (tables, rows by plan id, report sheets) in the plan's order, and the
// requests are sent as the payload budget fills (see requestQueue.ts), the last one after the
// sheets that need it are protected again.
import type { CellValue, WriteOp } from "../port";
import type { Layout, SheetPlace } from "./layout";
import type { PlanTarget, TableState } from "./planState";
import { reportSheet } from "./reportSheetWriter";
import { RequestQueue } from "./requestQueue";
import { deleteRows, loadPlanColumns, updateRows } from "./rowsByPlan";
import { SheetProtection } from "./sheetProtection";
import { makeTable } from "./plainSheets";
import { addColumns, appendRows, createTable, markCells, setCells, setColumn } from "./tableWrites";

export class PlanWriter implements PlanTarget {
  readonly requests: RequestQueue;
  readonly tables: Map<string, TableState>;
  readonly sheets: Map<string, SheetPlace>;
  readonly protection: SheetProtection;

  constructor(
    readonly context: Excel.RequestContext,
    layout: Layout,
    budget: number,
  ) {
    this.requests = new RequestQueue(context, budget);
    this.tables = new Map(
      layout.tables.map((t) => [
        t.info.name.toLowerCase(),
        {
          name: t.info.name,
          sheet: t.info.sheet,
          headerRowIndex: t.headerRowIndex,
          columnIndex: t.columnIndex,
          headers: t.info.headers,
          rowCount: t.info.rowCount,
          formats: t.formats,
        },
      ]),
    );
    this.sheets = new Map(layout.sheets.map((s) => [s.name.toLowerCase(), { ...s }]));
    this.protection = new SheetProtection(context, this.sheets, this.tables);
  }

  sheet(name: string): Excel.Worksheet {
    return this.context.workbook.worksheets.getItem(name);
  }

  /** The Plan column of each table whose rows the plan finds by plan id, read before anything is written. */
  async loadPlanColumns(
    ops: WriteOp[],
    read: (columns: { sheet: string; top: number; column: number; rows: number; into: CellValue[][] }[]) => Promise<void>,
  ): Promise<void> {
    await loadPlanColumns(this, ops, read);
  }

  /** Lift the protection of the protected sheets the plan writes on, in one sync of its own. */
  async unprotectSheets(ops: WriteOp[]): Promise<void> {
    await this.protection.unprotectSheets(ops);
  }

  /** Queue every op, then the protection of the sheets that need it, and send the last request. */
  async writePlan(ops: WriteOp[]): Promise<void> {
    this.requests.startBatch();
    for (const op of ops) {
      switch (op.kind) {
        case "createTable":
          await createTable(this, op);
          break;
        case "appendRows":
          await appendRows(this, op);
          break;
        case "setColumn":
          await setColumn(this, op);
          break;
        case "setCells":
          await setCells(this, op);
          break;
        case "reportSheet":
          await reportSheet(this, op);
          break;
        case "makeTable":
          await makeTable(this, op);
          break;
        case "markCells":
          await markCells(this, op);
          break;
        case "addColumns":
          await addColumns(this, op);
          break;
        case "deleteRows":
          await deleteRows(this, op);
          break;
        case "updateRows":
          await updateRows(this, op);
          break;
      }
    }
    await this.protection.queueProtectAtEnd(this.requests);
    await this.context.sync();
  }

  /** Best effort after a failed request: the sheets unprotected for the plan are protected again. */
  async protectAgainAfterFailure(): Promise<void> {
    await this.protection.protectAgainAfterFailure();
  }
}
