// A write plan: what one operation changes, applied in one call, always with its Audit row, as a
// transaction that can be finished or undone when a host's write is cut short (see applyPlan).
import type { DateSystem } from "../dates";
import { Audit, tableDef, type RowOf, type TableDef } from "./tables";
import { mapColumns, rowToCells } from "./mapTable";
import { closedBooksRefusal } from "../close/closedBooks";
import { PLAN_HEADER, PlanRejected, type CellValue, type RawTable, type Workbook, type WriteOp, type WriteSummary } from "./port";

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
  /** The id the plan's Audit row and appended rows carry. */
  planId?: string;
}

/** Local wall-clock time as the office reads it: "2026-11-27 14:03:09". */
export function auditTimestamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

/** The headers, formats and widths Setup gives a new billing table. */
/**
 * Setup's createTable op for a table, with engine rows turned into its cells the one right way
 * (rowToCells: cents as dollars, ISO dates as serials), each in its header's place.
 */
export function createTableWithRows<D extends TableDef>(
  def: D,
  rows: Partial<Record<keyof RowOf<D> & string, unknown>>[],
  dateSystem: DateSystem = 1900,
): ReturnType<typeof createTableOp> {
  const op = createTableOp(def);
  const mapping = mapColumns(def, op.headers);
  const cells = rows.map((row) => {
    const byHeader = rowToCells(def, mapping, row, dateSystem);
    return op.headers.map((h): CellValue => byHeader[h] ?? null);
  });
  return { ...op, rows: cells };
}

/**
 * The op appending engine rows to a table of the workbook (each in its header's place, rowToCells), or
 * creating the table with them when the workbook has none; refused in a sentence when the table lacks
 * a column the rows fill.
 */
export function appendOrCreateRows<D extends TableDef>(
  def: D,
  table: RawTable | undefined,
  rows: Partial<Record<keyof RowOf<D> & string, unknown>>[],
  dateSystem: DateSystem,
): { ok: true; op: WriteOp } | { ok: false; problem: string } {
  if (!table) return { ok: true, op: createTableWithRows(def, rows, dateSystem) };
  const mapping = mapColumns(def, table.headers);
  const fields = def.fields as Record<string, { header: string }>;
  const filled = Object.keys(fields).filter((key) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const missing = filled.filter((key) => !mapping.columns[key]);
  if (missing.length > 0) {
    const names = missing.map((k) => `"${fields[k].header}"`).join(", ");
    return { ok: false, problem: `The ${def.name} table has no ${names} column: add it (or run Setup), then try again.` };
  }
  return { ok: true, op: { kind: "appendRows", table: table.name, rows: rows.map((r) => rowToCells(def, mapping, r, dateSystem)) } };
}

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
 * Apply a plan as a transaction Office.js does not have: Excel writes a large plan over several
 * syncs, and any of them can fail (a network blip, the 5 MB limit, the pane closed). So:
 * - the plan gets an id, and every row it appends to a billing table carries it in a Plan column
 *   (added to an older table that lacks one, empty in its rows);
 * - its Audit row is written first, with Status "started";
 * - a plan that appends rows keeps a copy of its ops in the hidden MedBillPlans table, so an
 *   interrupted write can be finished (see unfinishedPlans.ts); the copy never leaves the workbook;
 * - the Payments rows go after the rows that point at them, so a partial write never looks posted;
 * - the last request marks the Audit row "done" and removes the copy.
 * Either all of it is written or, when the adapter refuses the plan, none of it; a write cut short
 * half-way is left "started", found by unfinishedPlans and finished or undone from Setup.
 * A plan that would add money dated in a closed period (closedBooks.ts) is refused first, whole, in
 * the biller's words: every writer, pane and terminal, comes through here.
 */
export async function applyPlan(
  workbook: Workbook,
  plan: WritePlan,
  now: Date = new Date(),
  planId: string = newPlanId(now),
): Promise<AppliedPlan> {
  const info = await workbook.describe();
  const closed = await closedBooksRefusal(workbook, info, plan.ops);
  if (closed !== undefined) throw new PlanRejected(closed);
  const tables = new Map(info.tables.map((t) => [t.name.toLowerCase(), t.headers]));
  const prologue: WriteOp[] = [];
  // When the plan creates the Audit table (Setup), the tables it creates up to that one go first, in
  // their order, so the "started" row can go in before the rest (any other op moves the Audit alone).
  const auditAt = plan.ops.findIndex((op) => op.kind === "createTable" && op.table.toLowerCase() === "audit");
  const upToAudit = plan.ops.slice(0, auditAt + 1);
  const first = upToAudit.every((op) => op.kind === "createTable") ? upToAudit : [plan.ops[auditAt]];
  prologue.push(...first.map((op) => stampPlan(op, planId, tables, prologue)));
  const rest = plan.ops.filter((op) => !first.includes(op));
  const data = orderForSafeStops(rest.map((op) => stampPlan(op, planId, tables, prologue)));
  for (const op of [...prologue, ...data]) {
    if (op.kind === "createTable" || op.kind === "makeTable") tables.set(op.table.toLowerCase(), op.headers);
  }

  if (!tables.has("audit")) {
    const created = createTableOp(Audit);
    prologue.push(created);
    tables.set("audit", created.headers);
  }
  const auditHeaders = withPlanColumns(Audit, "Audit", tables, prologue, true);
  const auditColumns = mapColumns(Audit, auditHeaders);
  const rowsChanged = plan.ops.reduce((n, op) => n + rowsTouched(op), 0);
  const auditTime = auditTimestamp(now);
  const auditRow = rowToCells(Audit, auditColumns, {
    time: auditTime,
    action: plan.action,
    what: plan.what,
    rows: rowsChanged,
    totals: plan.totals ?? "",
    plan: planId,
    status: "started",
  });
  const statusHeader = auditColumns.columns.status.header;

  const ops: WriteOp[] = [...prologue, { kind: "appendRows", table: "Audit", rows: [auditRow] }];
  const journaled = data.some((op) => op.kind === "appendRows" && op.rows.length > 0);
  if (journaled) {
    if (!tables.has(PLAN_JOURNAL.table.toLowerCase())) ops.push(journalTableOp());
    ops.push({ kind: "appendRows", table: PLAN_JOURNAL.table, rows: journalRows(planId, data) });
  }
  ops.push(...data);
  // A new id is on no row the workbook held before: Excel need not read the Plan columns first.
  ops.push({ kind: "updateRows", table: "Audit", plan: planId, values: { [statusHeader]: "done" }, onlyNewRows: true });
  if (journaled) ops.push({ kind: "deleteRows", table: PLAN_JOURNAL.table, plan: planId, onlyNewRows: true });
  const summary = await workbook.write(ops);
  // The copy of the plan is bookkeeping, not what the plan did: left out of the summary.
  const journal = PLAN_JOURNAL.table.toLowerCase();
  const journalRowsWritten = ops.reduce(
    (n, op) => n + (op.kind === "appendRows" && op.table.toLowerCase() === journal ? op.rows.length : 0),
    0,
  );
  return {
    ...summary,
    tablesCreated: summary.tablesCreated.filter((t) => t.toLowerCase() !== journal),
    rowsAppended: summary.rowsAppended - journalRowsWritten,
    auditTime,
    planId,
  };
}

/**
 * A short id for a plan, from its time and 4 random letters: "P20261206-153012-AB12". It names the
 * plan in the Audit trail and on every row it appends; it holds nothing about a patient.
 */
export function newPlanId(now: Date = new Date()): string {
  const stamp = auditTimestamp(now).replace(/-/g, "").replace(" ", "-").replace(/:/g, "");
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const random = new Uint8Array(4);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(random);
  else for (let i = 0; i < random.length; i++) random[i] = Math.floor(Math.random() * 256);
  return `P${stamp}-${[...random].map((b) => letters[b % letters.length]).join("")}`;
}

/** Where a plan keeps the copy of its ops until it is done: a hidden table of JSON in parts. */
export const PLAN_JOURNAL = {
  table: "MedBillPlans",
  sheet: "MedBill plans",
  headers: [PLAN_HEADER, "Part", "Parts", "Ops"],
} as const;
/** Characters of JSON per cell: under Excel's 32,767 a cell holds. */
const JOURNAL_PART_CHARS = 30_000;

function journalTableOp(): WriteOp {
  return {
    kind: "createTable",
    table: PLAN_JOURNAL.table,
    sheet: PLAN_JOURNAL.sheet,
    headers: [...PLAN_JOURNAL.headers],
    numberFormats: ["@", "0", "0", "@"],
    widths: [22, 6, 6, 60],
    hidden: true,
  };
}

/**
 * Rows of an append are kept as one header list and arrays of values, not as records repeating
 * every header: the copy is written before the plan's own rows, so its size is syncs before them.
 */
type JournalOp = WriteOp | { kind: "appendRowsPacked"; table: string; columns: string[]; values: CellValue[][] };

function packOp(op: WriteOp): JournalOp {
  if (op.kind !== "appendRows") return op;
  const columns = [...new Set(op.rows.flatMap((row) => Object.keys(row)))];
  return {
    kind: "appendRowsPacked",
    table: op.table,
    columns,
    values: op.rows.map((row) => columns.map((c) => (c in row ? row[c] : null))),
  };
}

function unpackOp(op: JournalOp): WriteOp {
  if (op.kind !== "appendRowsPacked") return op;
  return {
    kind: "appendRows",
    table: op.table,
    rows: op.values.map((values) => {
      const row: Record<string, CellValue> = {};
      op.columns.forEach((c, i) => values[i] !== null && (row[c] = values[i]));
      return row;
    }),
  };
}

function journalRows(planId: string, data: WriteOp[]): Record<string, CellValue>[] {
  const json = JSON.stringify(data.map(packOp));
  const parts = Math.max(1, Math.ceil(json.length / JOURNAL_PART_CHARS));
  return Array.from({ length: parts }, (_, i) => ({
    [PLAN_HEADER]: planId,
    Part: i + 1,
    Parts: parts,
    Ops: json.slice(i * JOURNAL_PART_CHARS, (i + 1) * JOURNAL_PART_CHARS),
  }));
}

/** The ops a plan's copy holds, from the journal's rows; undefined when a part is missing. */
export function journalOps(planId: string, journal: RawTable | undefined): WriteOp[] | undefined {
  if (!journal) return undefined;
  const col = (h: string) => journal.headers.findIndex((x) => x.trim().toLowerCase() === h.toLowerCase());
  const [planCol, partCol, partsCol, opsCol] = PLAN_JOURNAL.headers.map(col);
  if ([planCol, partCol, partsCol, opsCol].some((c) => c < 0)) return undefined;
  const rows = journal.rows.filter((r) => r[planCol] === planId);
  const parts = Number(rows[0]?.[partsCol]);
  if (!Number.isInteger(parts) || parts < 1) return undefined;
  const byPart = new Map(rows.map((r) => [Number(r[partCol]), String(r[opsCol] ?? "")]));
  let json = "";
  for (let i = 1; i <= parts; i++) {
    const part = byPart.get(i);
    if (part === undefined) return undefined;
    json += part;
  }
  try {
    return (JSON.parse(json) as JournalOp[]).map(unpackOp);
  } catch {
    return undefined;
  }
}

/**
 * Give the rows a plan appends to a billing table its id, adding the Plan column (to `prologue`)
 * when the workbook's table has none; tables Setup creates have it already.
 */
function stampPlan(op: WriteOp, planId: string, tables: Map<string, string[]>, prologue: WriteOp[]): WriteOp {
  // A table the plan creates takes rows later in the same plan.
  if (op.kind === "createTable" || op.kind === "makeTable") tables.set(op.table.toLowerCase(), op.headers);
  const def = tableDef(op.kind === "reportSheet" ? "" : op.table);
  if (!def || !("plan" in def.fields)) return op;
  if (op.kind === "appendRows" && op.rows.length > 0 && tables.has(op.table.toLowerCase())) {
    const headers = withPlanColumns(def, op.table, tables, prologue, false);
    const header = mapColumns(def, headers).columns.plan.header;
    return { ...op, rows: op.rows.map((row) => ({ ...row, [header]: planId })) };
  }
  // Rows a new table is made with are not stamped: the table is the plan's whole (Excel makes it a
  // table only once every row is written, so Finish makes it again when it is missing), and a
  // sample workbook stays the same for the same arguments.
  return op;
}

/** The table's headers, once the Plan (and, for Audit, Status) columns it lacks are added. */
function withPlanColumns(def: TableDef, table: string, tables: Map<string, string[]>, prologue: WriteOp[], withStatus: boolean): string[] {
  const headers = tables.get(table.toLowerCase())!;
  const mapping = mapColumns(def, headers);
  const fields = def.fields as Record<string, { header: string; numberFormat?: string }>;
  const missing = (withStatus ? ["plan", "status"] : ["plan"]).filter((k) => !mapping.columns[k]).map((k) => fields[k]);
  if (missing.length === 0) return headers;
  const added = [...headers, ...missing.map((f) => f.header)];
  prologue.push({
    kind: "addColumns",
    table,
    headers: missing.map((f) => f.header),
    numberFormats: missing.map((f) => f.numberFormat ?? null),
  });
  tables.set(table.toLowerCase(), added);
  return added;
}

/**
 * Payments last: a Payments row is what says "already posted", so in a plan that posts (appends
 * Postings) it goes only once the rows that point at it are in. Moved only when no later op of the
 * plan touches the Payments table.
 */
function orderForSafeStops(ops: WriteOp[]): WriteOp[] {
  if (!ops.some((op) => op.kind === "appendRows" && op.table.toLowerCase() === "postings")) return ops;
  const touchesPayments = (op: WriteOp) => op.kind !== "reportSheet" && op.table.toLowerCase() === "payments";
  const isPaymentRows = (op: WriteOp) => op.kind === "appendRows" && touchesPayments(op);
  const moved = ops.filter(
    (op, i) => isPaymentRows(op) && ops.slice(i + 1).every((later) => isPaymentRows(later) || !touchesPayments(later)),
  );
  if (moved.length === 0) return ops;
  return [...ops.filter((op) => !moved.includes(op)), ...moved];
}

/** How many rows (or marked cells) an op changes, for the Audit row's count. */
function rowsTouched(op: WriteOp): number {
  switch (op.kind) {
    case "appendRows":
      return op.rows.length;
    case "setColumn":
      return op.values.length;
    case "setCells":
      return new Set(op.cells.map((cell) => cell.row)).size;
    case "createTable":
      return op.rows?.length ?? 0;
    case "markCells":
      return op.cells.length;
    default:
      return 0;
  }
}
