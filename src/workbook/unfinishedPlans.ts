// Plans a host stopped half-way: Excel writes a large plan over several requests, and one of them
// can fail (a network blip, the 5 MB limit, the pane closed). applyPlan leaves such a plan's Audit
// row "started"; this module finds those rows, says what is in the workbook in a biller's sentence,
// and finishes the plan (from the copy of its ops kept in the hidden MedBillPlans table) or undoes it
// (removes exactly the rows carrying its id). Both are idempotent, and both can themselves be cut
// short and run again.
import { count } from "../counting";
import { mapColumns } from "./mapTable";
import { journalOps, PLAN_JOURNAL } from "./plan";
import { PLAN_HEADER, type CellValue, type RawTable, type Workbook, type WorkbookInfo, type WriteOp, type WriteSummary } from "./port";
import { Audit, tableDef } from "./tables";

export interface UnfinishedPlan {
  /** The plan id, e.g. "P20261206-153012-AB12". */
  plan: string;
  /** When it started, as its Audit row says ("2026-12-06 14:03:09"). */
  time: string;
  /** Its Audit row's action ("Post ERA"). */
  action: string;
  what: string;
  /** Rows carrying its id in the billing tables (its Audit row and its copy not counted). */
  rowsInWorkbook: number;
  /** Rows it appends in all, when its copy is whole. */
  rowsPlanned?: number;
  /** Whether its copy is whole, so Finish can write the rest; Undo is always possible. */
  canFinish: boolean;
  /** The sentence a biller reads in Setup and in `medbill check`. */
  sentence: string;
}

/**
 * The plans left "started" in the Audit table, oldest first. Reads the Audit table and, only when
 * one is found, the tables holding a Plan column.
 */
export async function unfinishedPlans(workbook: Workbook): Promise<UnfinishedPlan[]> {
  const info = await workbook.describe();
  const auditInfo = findTable(info, Audit.name);
  if (!auditInfo || !hasPlanColumn(auditInfo.headers)) return [];
  const audit = (await workbook.readTables([auditInfo.name]))[auditInfo.name];
  if (!audit) return [];
  const columns = mapColumns(Audit, audit.headers).columns;
  const at = (row: CellValue[], key: keyof typeof columns) => (columns[key] ? row[columns[key].index] : null);
  const started = audit.rows.filter((row) => at(row, "status") === "started" && typeof at(row, "plan") === "string");
  if (started.length === 0) return [];

  const tables = await readPlanTables(workbook, info);
  const journal = tables.find((t) => t.name.toLowerCase() === PLAN_JOURNAL.table.toLowerCase());
  return started.map((row) => {
    const plan = String(at(row, "plan"));
    const ops = journalOps(plan, journal);
    const rowsInWorkbook = tables
      .filter((t) => t !== journal && t.name.toLowerCase() !== Audit.name.toLowerCase())
      .reduce((n, t) => n + rowsOf(t, plan).length, 0);
    const rowsPlanned = ops?.reduce((n, op) => n + (op.kind === "appendRows" ? op.rows.length : 0), 0);
    const found: Omit<UnfinishedPlan, "sentence"> = {
      plan,
      time: String(at(row, "time") ?? ""),
      action: String(at(row, "action") ?? ""),
      what: String(at(row, "what") ?? ""),
      rowsInWorkbook,
      rowsPlanned,
      // Rows appended to a table without a Plan column (a code set's list) cannot be told apart,
      // so such a plan is not finished twice over: it is undone.
      canFinish: ops !== undefined && ops.every((op) => op.kind !== "appendRows" || untraced(info, op.table) !== true),
    };
    return { ...found, sentence: unfinishedSentence(found) };
  });
}

/**
 * "A posting started on 2026-12-06 14:03 (Post ERA, plan P…) was not finished: 12 of its 3,000 rows
 * are in the workbook. Finish it or undo it in Setup."
 */
export function unfinishedSentence(p: Omit<UnfinishedPlan, "sentence">): string {
  const what = /post|payment|remittance|era|refund|reversal/i.test(p.action)
    ? "A posting"
    : /statement/i.test(p.action)
      ? "A statement run"
      : /setup/i.test(p.action)
        ? "Setup"
        : "A change";
  const minute = p.time.slice(0, 16);
  const rows =
    p.rowsPlanned === undefined
      ? `${count(p.rowsInWorkbook)} of its rows ${p.rowsInWorkbook === 1 ? "is" : "are"} in the workbook`
      : `${count(p.rowsInWorkbook)} of its ${count(p.rowsPlanned)} rows ${p.rowsInWorkbook === 1 ? "is" : "are"} in the workbook`;
  const next = p.canFinish
    ? "Finish it or undo it in Setup."
    : "Undo it in Setup (the workbook does not hold enough of it to finish it), then run it again.";
  return `${what} started on ${minute} (${p.action}, plan ${p.plan}) was not finished: ${rows}. ${next}`;
}

/**
 * Write what an unfinished plan did not: the rows not yet in the workbook (by plan id and the
 * table's key column, or by count where a table has no key), the tables not yet made, its other
 * ops again (they set whole columns or sheets, so running them twice is running them once), then
 * its Audit row marked "done" and its copy removed. Throws when the plan is not unfinished or its
 * copy is incomplete.
 */
export async function finishPlan(workbook: Workbook, plan: string): Promise<WriteSummary> {
  const info = await workbook.describe();
  const found = (await unfinishedPlans(workbook)).find((p) => p.plan === plan);
  if (!found) throw new Error(`Plan ${plan} is not unfinished in this workbook: check the workbook again.`);
  const journalInfo = findTable(info, PLAN_JOURNAL.table);
  const journal = journalInfo ? (await workbook.readTables([journalInfo.name]))[journalInfo.name] : undefined;
  const ops = journalOps(plan, journal);
  if (!ops || !found.canFinish) throw new Error(`${found.sentence} It can only be undone.`);

  const appendedTo = [...new Set(ops.flatMap((op) => (op.kind === "appendRows" ? [op.table] : [])))];
  const present = await workbook.readTables(appendedTo.filter((t) => findTable(info, t)));
  const rest: WriteOp[] = [];
  /** Rows of this plan each table already holds, not yet matched with a planned row. */
  const counted = new Map<string, number>();
  for (const op of ops) {
    if (op.kind === "createTable") {
      if (!findTable(info, op.table)) rest.push(op);
      continue;
    }
    if (op.kind !== "appendRows") {
      rest.push(op);
      continue;
    }
    const table = findEntry(present, op.table);
    if (!table) {
      rest.push(op);
      continue;
    }
    const mine = rowsOf(table, plan);
    const keyColumn = keyColumnOf(table);
    let remaining: Record<string, CellValue>[];
    if (keyColumn !== undefined) {
      const have = new Set(mine.map((row) => keyText(row[keyColumn.index])));
      remaining = op.rows.filter((row) => !have.has(keyText(valueOf(row, keyColumn.header))));
    } else {
      // No key: rows go in in order, so the first ones of the plan's are the ones already in.
      const key = table.name.toLowerCase();
      const already = counted.get(key) ?? mine.length;
      const skip = Math.min(already, op.rows.length);
      counted.set(key, already - skip);
      remaining = op.rows.slice(skip);
    }
    if (remaining.length > 0) rest.push({ ...op, rows: remaining });
  }
  return workbook.write([...rest, ...closingOps(info, plan, "done")]);
}

/**
 * Remove exactly the rows carrying the plan's id from every table that has a Plan column (its copy
 * included), and mark its Audit row "undone". Tables the plan created stay, empty; a report sheet it
 * wrote or a column it set is not put back (run the report again).
 */
export async function undoPlan(workbook: Workbook, plan: string): Promise<WriteSummary> {
  const info = await workbook.describe();
  const found = (await unfinishedPlans(workbook)).find((p) => p.plan === plan);
  if (!found) throw new Error(`Plan ${plan} is not unfinished in this workbook: check the workbook again.`);
  const tables = await readPlanTables(workbook, info);
  const ops: WriteOp[] = tables
    .filter((t) => t.name.toLowerCase() !== Audit.name.toLowerCase() && rowsOf(t, plan).length > 0)
    .map((t) => ({ kind: "deleteRows", table: t.name, plan }));
  const summary = await workbook.write([...ops, ...closingOps(info, plan, "undone")]);
  return summary;
}

/** The Audit row marked, then the plan's copy removed (when it has one). */
function closingOps(info: WorkbookInfo, plan: string, status: "done" | "undone"): WriteOp[] {
  const audit = findTable(info, Audit.name)!;
  const statusHeader = mapColumns(Audit, audit.headers).columns.status.header;
  const ops: WriteOp[] = [{ kind: "updateRows", table: audit.name, plan, values: { [statusHeader]: status } }];
  const journal = findTable(info, PLAN_JOURNAL.table);
  if (journal && status === "done") ops.push({ kind: "deleteRows", table: journal.name, plan });
  return ops;
}

/** Every table with a Plan column, read in one call. */
async function readPlanTables(workbook: Workbook, info: WorkbookInfo): Promise<RawTable[]> {
  const names = info.tables.filter((t) => hasPlanColumn(t.headers)).map((t) => t.name);
  const read = await workbook.readTables(names);
  return names.flatMap((n) => (read[n] ? [read[n]] : []));
}

function rowsOf(table: RawTable, plan: string): CellValue[][] {
  const col = planColumn(table.headers);
  return col < 0 ? [] : table.rows.filter((row) => row[col] === plan);
}

/** The column that tells one row of a billing table from another, when it has one. */
function keyColumnOf(table: RawTable): { header: string; index: number } | undefined {
  const def = tableDef(table.name);
  if (!def?.key) return undefined;
  return mapColumns(def, table.headers).columns[def.key];
}

function valueOf(row: Record<string, CellValue>, header: string): CellValue {
  const key = Object.keys(row).find((k) => k.trim().toLowerCase() === header.trim().toLowerCase());
  return key === undefined ? null : row[key];
}

/** Whether a table the workbook holds has no Plan column (undefined when it has no such table). */
function untraced(info: WorkbookInfo, table: string): boolean | undefined {
  const found = findTable(info, table);
  return found ? !hasPlanColumn(found.headers) : undefined;
}

const keyText = (v: CellValue) => (v === null ? "" : String(v).trim());
const planColumn = (headers: string[]) => headers.findIndex((h) => h.trim().toLowerCase() === PLAN_HEADER.toLowerCase());
const hasPlanColumn = (headers: string[]) => planColumn(headers) >= 0;
const findTable = (info: WorkbookInfo, name: string) => info.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
const findEntry = (tables: Record<string, RawTable | undefined>, name: string) =>
  Object.values(tables).find((t) => t?.name.toLowerCase() === name.toLowerCase());
