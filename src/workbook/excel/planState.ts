// What a plan's writer knows while it queues a plan: where each table and sheet is (a plan may
// create a table, then append to it, so this changes as ops are queued), and the calls every op
// writer shares. The op writers (tables, rows by plan id, report sheets) take a PlanTarget.
import type { SheetPlace } from "./layout";
import type { RequestQueue } from "./requestQueue";
import type { SheetProtection } from "./sheetProtection";
import type { TableState } from "./tableState";

export type { TableState };

/** Where a table is while a plan is being queued (a plan may create a table, then append to it). */

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
