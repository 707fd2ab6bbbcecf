// A write plan: what one operation changes, applied in one call, always with its Audit row.
import { Audit } from "./tables";
import { mapColumns, rowToCells } from "./mapTable";
import type { CellValue, Workbook, WriteOp, WriteSummary } from "./port";

export interface WritePlan {
  /** Short name of the operation, e.g. "Setup", "Post payment", "Aging report". */
  action: string;
  /** One line saying what was done, without patient names ("created 3 tables: Charges, ..."). */
  what: string;
  /** Money totals worth keeping in the audit trail, already formatted ("paid $1,234.50"). */
  totals?: string;
  ops: WriteOp[];
}

export interface AppliedPlan extends WriteSummary {
  auditTime: string;
}

/** Local wall-clock time as the office reads it: "2026-11-27 14:03:09". */
export function auditTimestamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

/** The headers, formats and widths Setup gives a new billing table. */
export function createTableOp(def: { name: string; fields: object }, rows?: CellValue[][]) {
  const fields = Object.values(def.fields as Record<string, { header: string; numberFormat?: string; width?: number }>);
  return {
    kind: "createTable" as const,
    table: def.name,
    sheet: def.name,
    headers: fields.map((f) => f.header),
    numberFormats: fields.map((f) => f.numberFormat ?? null),
    widths: fields.map((f) => f.width ?? null),
    rows,
  };
}

/**
 * Apply a plan and append one Audit row for it (creating the Audit table when the workbook has
 * none). Either all of it is written or, when the adapter refuses the plan, none of it.
 */
export async function applyPlan(workbook: Workbook, plan: WritePlan, now: Date = new Date()): Promise<AppliedPlan> {
  const info = await workbook.describe();
  const ops = [...plan.ops];
  let auditHeaders = info.tables.find((t) => t.name.toLowerCase() === "audit")?.headers;
  if (!auditHeaders) {
    const created = ops.find((op) => op.kind === "createTable" && op.table.toLowerCase() === "audit");
    if (!created) ops.push(createTableOp(Audit));
    auditHeaders = created && created.kind === "createTable" ? created.headers : createTableOp(Audit).headers;
  }
  const rowsChanged = plan.ops.reduce((n, op) => n + rowsTouched(op), 0);
  const auditTime = auditTimestamp(now);
  const row = rowToCells(Audit, mapColumns(Audit, auditHeaders), {
    time: auditTime,
    action: plan.action,
    what: plan.what,
    rows: rowsChanged,
    totals: plan.totals ?? "",
  });
  ops.push({ kind: "appendRows", table: "Audit", rows: [row] });
  const summary = await workbook.write(ops);
  return { ...summary, auditTime };
}

/** How many rows (or marked cells) an op changes, for the Audit row's count. */
function rowsTouched(op: WriteOp): number {
  switch (op.kind) {
    case "appendRows":
      return op.rows.length;
    case "setColumn":
      return op.values.length;
    case "createTable":
      return op.rows?.length ?? 0;
    case "markCells":
      return op.cells.length;
    default:
      return 0;
  }
}
