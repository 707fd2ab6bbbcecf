// What a plan's writer knows while it queues a plan: where each table and sheet is (a plan may
// create a table, then append to it, so this changes as ops are queued), and the calls every op
// writer shares. The op writers (tables, rows by plan id, report sheets) take a PlanTarget.
import type { CellValue } from "../port";
import type { SheetPlace } from "./layout";
import type { RequestQueue } from "./requestQueue";
import type { SheetProtection } from "./sheetProtection";

/** Where a table is while a plan is being queued (a plan may create a table, then append to it). */
export interface TableState {
  name: string;
  sheet: string;
  headerRowIndex: number;
  columnIndex: number;
  headers: string[];
  rowCount: number;
  formats: (string | null)[];
  /** Each body row's Plan value, when the plan finds rows by plan id in this table; else undefined. */
  plans?: CellValue[];
}

export interface PlanTarget {
  readonly context: Excel.RequestContext;
  readonly requests: RequestQueue;
  /** By lower-case table name. */
  readonly tables: Map<string, TableState>;
  /** By lower-case sheet name. */
  readonly sheets: Map<string, SheetPlace>;
  readonly protection: SheetProtection;
  sheet(name: string): Excel.Worksheet;
}
