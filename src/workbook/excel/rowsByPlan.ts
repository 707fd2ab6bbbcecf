// Rows found by plan id, for undoing or finishing a plan cut short: the Plan column of each table
// an op finds rows in is read in one phase before any change (none when only rows of this same
// write carry the id), then rows are deleted (each run of rows as one range, bottom up) or updated,
// queued with the plan's other changes.
import { headerIndex } from "../checkPlan";
import { PLAN_HEADER, type CellValue, type DeleteRowsOp, type UpdateRowsOp, type WriteOp } from "../port";
import { toExcel } from "./cellValues";
import type { PlanTarget, TableState } from "./planState";

/**
 * The Plan column of each table whose rows a plan finds by plan id, read before anything is
 * written (one phase of reads, chunked like any read); later ops keep it up to date.
 */
export async function loadPlanColumns(
  w: PlanTarget,
  ops: WriteOp[],
  read: (columns: { sheet: string; top: number; column: number; rows: number; into: CellValue[][] }[]) => Promise<void>,
): Promise<void> {
  const byPlan = ops.flatMap((op) => (op.kind === "deleteRows" || op.kind === "updateRows" ? [op] : []));
  const wanted = new Set(byPlan.map((op) => op.table.toLowerCase()));
  // Rows the workbook held before carry no id that only new rows carry: nothing to read for those.
  const fresh = new Set(wanted);
  for (const op of byPlan) if (!op.onlyNewRows) fresh.delete(op.table.toLowerCase());
  const columns: { table: TableState; sheet: string; top: number; column: number; rows: number; into: CellValue[][] }[] = [];
  for (const key of wanted) {
    const table = w.tables.get(key);
    if (!table) continue;
    const col = headerIndex(table.headers, PLAN_HEADER);
    if (col < 0 || table.rowCount === 0 || fresh.has(key)) {
      table.plans = new Array<CellValue>(table.rowCount).fill(null);
      continue;
    }
    const into: CellValue[][] = new Array(table.rowCount);
    columns.push({
      table,
      sheet: table.sheet,
      top: table.headerRowIndex + 1,
      column: table.columnIndex + col,
      rows: table.rowCount,
      into,
    });
  }
  if (columns.length === 0) return;
  await read(columns);
  for (const { table, into } of columns) table.plans = Array.from(into, (row) => row?.[0] ?? null);
}

/**
 * Delete the rows carrying a plan id: each run of consecutive rows is one range deleted with the
 * cells below shifted up, from the bottom up so earlier runs keep their place; all in the plan's
 * requests. Excel keeps one row in a table, so when every row goes the first is emptied instead.
 */
export async function deleteRows(w: PlanTarget, op: DeleteRowsOp): Promise<void> {
  const table = w.tables.get(op.table.toLowerCase())!;
  const plans = table.plans ?? [];
  const doomed = plans.flatMap((plan, i) => (plan === op.plan ? [i] : []));
  if (doomed.length === 0) return;
  const sheet = w.sheet(table.sheet);
  const width = table.headers.length;
  const top = table.headerRowIndex + 1;
  const all = doomed.length === table.rowCount;
  const runs: { start: number; count: number }[] = [];
  for (let i = 0; i < doomed.length;) {
    let j = i + 1;
    while (j < doomed.length && doomed[j] === doomed[j - 1] + 1) j++;
    runs.push({ start: doomed[i], count: j - i });
    i = j;
  }
  if (all) runs[0] = { start: 1, count: runs[0].count - 1 };
  for (const run of runs.reverse()) {
    if (run.count === 0) continue;
    await w.requests.queue(0, () => sheet.getRangeByIndexes(top + run.start, table.columnIndex, run.count, width).delete("Up"));
  }
  if (all) await w.requests.queue(0, () => sheet.getRangeByIndexes(top, table.columnIndex, 1, width).clear("Contents"));
  table.plans = plans.filter((plan) => plan !== op.plan);
  table.rowCount = table.plans.length;
}

/** Set cells of the rows carrying a plan id: one range per run of consecutive rows and column. */
export async function updateRows(w: PlanTarget, op: UpdateRowsOp): Promise<void> {
  const table = w.tables.get(op.table.toLowerCase())!;
  const rows = (table.plans ?? []).flatMap((plan, i) => (plan === op.plan ? [i] : []));
  const sheet = w.sheet(table.sheet);
  const top = table.headerRowIndex + 1;
  for (const [header, value] of Object.entries(op.values)) {
    const column = table.columnIndex + headerIndex(table.headers, header);
    const cell = toExcel(value);
    for (let i = 0; i < rows.length;) {
      let j = i + 1;
      while (j < rows.length && rows[j] === rows[j - 1] + 1) j++;
      const run = { start: rows[i], count: j - i };
      await w.requests.queue(JSON.stringify(cell).length * run.count + 4, () => {
        sheet.getRangeByIndexes(top + run.start, column, run.count, 1).values = Array.from({ length: run.count }, () => [cell]);
      });
      i = j;
    }
  }
}
