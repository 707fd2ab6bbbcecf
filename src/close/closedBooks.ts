// What the books' closes say is closed, and the one check every write goes through. The PeriodClose
// table holds one row per close or reopening; its last row says what is closed (its Closed Through
// date; blank: nothing). applyPlan asks closedBooksRefusal before it writes anything: a plan that would
// add a Payments, Postings, ProviderAdjustments or Refunds row dated on or before that date is refused
// whole, in a sentence, with no Audit row; so is a cell edit of such a row dated on or before it, or
// one that would date a row there. PeriodClose is read only for such a plan (one extra read),
// and only when the workbook has the table. A last PeriodClose row that does not read refuses too: the
// books' state is unknown, and posting into a period that may be closed is the one thing not to risk.
import { parseDate, type DateSystem, type IsoDate } from "../dates";
import { describeIssue, mapColumns, parseTable } from "../workbook/mapTable";
import type { CellValue, RawTable, SetCellsOp, Workbook, WorkbookInfo, WriteOp } from "../workbook/port";
import { PeriodClose, Payments, Postings, ProviderAdjustments, Refunds, tableDef, type PeriodCloseRow } from "../workbook/tables";

/** What is closed: the last PeriodClose row, and its Closed Through (none when blank or no row). */
export type ClosedBooks = { ok: true; closedThrough?: IsoDate; last?: PeriodCloseRow } | { ok: false; problem: string };

/** The tables whose rows carry money dated in a period: a closed period takes none of them. */
const GUARDED = [Payments, Postings, ProviderAdjustments, Refunds] as const;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-15" → "November 2026". */
export function monthOf(date: IsoDate): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "The books are closed through 2026-11-30 (closed on 2026-12-02)." / "The books are not closed." */
export function closedWords(closed: Extract<ClosedBooks, { ok: true }>): string {
  if (closed.closedThrough === undefined) {
    return closed.last ? `The books are not closed (reopened on ${closed.last.date}).` : "The books are not closed.";
  }
  const how = closed.last?.action === "Reopened" ? "reopened to it" : "closed";
  return `The books are closed through ${closed.closedThrough} (${how} on ${closed.last?.date}).`;
}

/** What is closed by the PeriodClose table as read (nothing without the table or a row). */
export function closedBooks(table: RawTable | undefined, dateSystem: DateSystem): ClosedBooks {
  if (!table) return { ok: true };
  let lastIndex = table.rows.length - 1;
  while (lastIndex >= 0 && table.rows[lastIndex].every((v) => v === null || (typeof v === "string" && v.trim() === ""))) lastIndex--;
  if (lastIndex < 0) return { ok: true };
  const parsed = parseTable(PeriodClose, table, dateSystem);
  const at = parsed.indexes.length - 1;
  if (at < 0 || parsed.indexes[at] !== lastIndex) {
    const sheetRow = table.headerRow + 1 + lastIndex;
    const issue = parsed.issues.find((i) => i.row === sheetRow) ?? parsed.issues[0];
    const why = issue ? describeIssue(issue) : `${PeriodClose.name} row ${sheetRow} does not read`;
    return {
      ok: false,
      problem: `${why}. The last ${PeriodClose.name} row says what is closed: fix it, then try again. Nothing was written.`,
    };
  }
  const last = parsed.rows[at];
  return last.closedThrough === undefined ? { ok: true, last } : { ok: true, closedThrough: last.closedThrough, last };
}

/** A row the plan would add to a guarded table, with its date. */
interface DatedRow {
  table: string;
  date: IsoDate;
  negative: boolean;
}

/** The guarded rows a plan adds: appended rows, and the rows a table is created with. */
function datedRows(ops: WriteOp[], headersOf: (table: string) => string[] | undefined, dateSystem: DateSystem): DatedRow[] {
  const out: DatedRow[] = [];
  for (const op of ops) {
    if (op.kind !== "appendRows" && op.kind !== "createTable") continue;
    const def = tableDef(op.table);
    if (!def || !GUARDED.some((g) => g.name === def.name)) continue;
    const headers = op.kind === "createTable" ? op.headers : headersOf(op.table);
    if (!headers) continue;
    const columns = mapColumns(def, headers).columns as Record<string, { header: string; index: number } | undefined>;
    const date = columns.date;
    if (!date) continue;
    const amount = columns.amount;
    const cellsOf =
      op.kind === "appendRows"
        ? op.rows.map((row) => ({ date: row[date.header], amount: amount ? row[amount.header] : null }))
        : (op.rows ?? []).map((row) => ({ date: row[date.index], amount: amount ? row[amount.index] : null }));
    for (const cells of cellsOf) {
      const parsed = parseDate(cells.date as CellValue, dateSystem);
      if (!parsed.ok) continue;
      out.push({ table: def.name, date: parsed.value, negative: typeof cells.amount === "number" && cells.amount < 0 });
    }
  }
  return out;
}

function rowWords(row: DatedRow): string {
  if (row.table === Payments.name) return row.negative ? "a refund" : "a payment";
  if (row.table === Postings.name) return "a posting";
  if (row.table === ProviderAdjustments.name) return "a provider-level adjustment";
  return "a refund";
}

/**
 * The biller's sentence refusing rows dated in a closed period, or undefined when none is:
 * "The books are closed through 2026-11-30: this would record a payment dated 2026-11-15. Date it
 * after 2026-11-30, or reopen November 2026 in Month-end close (with a reason). Nothing was written."
 */
export function closedPeriodRefusal(
  ops: WriteOp[],
  headersOf: (table: string) => string[] | undefined,
  closedThrough: IsoDate,
  dateSystem: DateSystem,
): string | undefined {
  const inClosed = datedRows(ops, headersOf, dateSystem).filter((row) => row.date <= closedThrough);
  if (inClosed.length === 0) return undefined;
  const earliest = inClosed.reduce((a, b) => (b.date < a.date ? b : a));
  const more =
    inClosed.length > 1
      ? ` (and ${inClosed.length - 1} more ${inClosed.length === 2 ? "row" : "rows"} dated on or before ${closedThrough})`
      : "";
  return (
    `The books are closed through ${closedThrough}: this would record ${rowWords(earliest)} dated ${earliest.date}${more}. ` +
    `Date it after ${closedThrough}, or reopen ${monthOf(earliest.date)} in Month-end close (with a reason). Nothing was written.`
  );
}

const isGuarded = (table: string) => GUARDED.some((g) => g.name.toLowerCase() === table.toLowerCase());

/** Whether a plan adds rows to a table a close guards (and so needs PeriodClose read). */
function addsGuardedRows(ops: WriteOp[]): boolean {
  return ops.some((op) => {
    const rows = op.kind === "appendRows" || op.kind === "createTable" ? (op.rows?.length ?? 0) : 0;
    return rows > 0 && op.kind !== "reportSheet" && isGuarded(op.table);
  });
}

/** The plan's single-cell edits of guarded tables (a cell changed in the browser preview). */
function guardedEdits(ops: WriteOp[]): SetCellsOp[] {
  return ops.filter((op): op is SetCellsOp => op.kind === "setCells" && op.cells.length > 0 && isGuarded(op.table));
}

/**
 * The sentence refusing an edit of a guarded row dated in the closed period, or one that would date
 * it there: a closed month's money is changed only after reopening it (with a reason).
 */
export function closedEditRefusal(
  edits: SetCellsOp[],
  tables: Record<string, RawTable | undefined>,
  closedThrough: IsoDate,
  dateSystem: DateSystem,
): string | undefined {
  for (const op of edits) {
    const table = tables[op.table];
    const def = tableDef(op.table);
    if (!table || !def) continue;
    const { date, amount } = mapColumns(def, table.headers).columns as Record<string, { header: string; index: number } | undefined>;
    if (!date) continue;
    for (const cell of op.cells) {
      const sheetRow = table.headerRow + 1 + cell.row;
      const row = table.rows[cell.row] ?? [];
      const now = parseDate(row[date.index] ?? null, dateSystem);
      if (now.ok && now.value <= closedThrough) {
        const negative = amount !== undefined && typeof row[amount.index] === "number" && (row[amount.index] as number) < 0;
        const what = rowWords({ table: def.name, date: now.value, negative });
        return (
          `The books are closed through ${closedThrough}: ${def.name} row ${sheetRow} is ${what} dated ${now.value}, so it cannot be changed. ` +
          `Reopen ${monthOf(now.value)} in Month-end close (with a reason) to change it. Nothing was written.`
        );
      }
      const next = cell.column.trim().toLowerCase() === date.header.trim().toLowerCase() ? parseDate(cell.value, dateSystem) : undefined;
      if (next?.ok && next.value <= closedThrough) {
        return (
          `The books are closed through ${closedThrough}: this would date ${def.name} row ${sheetRow} ${next.value}, in the closed period. ` +
          `Date it after ${closedThrough}, or reopen ${monthOf(next.value)} in Month-end close (with a reason). Nothing was written.`
        );
      }
    }
  }
  return undefined;
}

/**
 * applyPlan's check, before it writes: the sentence refusing the plan, or undefined to go on. Reads
 * PeriodClose (one call) only when the plan adds guarded rows or edits their cells and the workbook
 * has the table; the tables whose cells are edited are read in the same call.
 */
export async function closedBooksRefusal(workbook: Workbook, info: WorkbookInfo, ops: WriteOp[]): Promise<string | undefined> {
  const edits = guardedEdits(ops);
  if (!addsGuardedRows(ops) && edits.length === 0) return undefined;
  const has = info.tables.find((t) => t.name.toLowerCase() === PeriodClose.name.toLowerCase());
  if (!has) return undefined;
  const read = await workbook.readTables([has.name, ...new Set(edits.map((op) => op.table))]);
  const closed = closedBooks(read[has.name], info.dateSystem);
  if (!closed.ok) return closed.problem;
  if (closed.closedThrough === undefined) return undefined;
  const headers = new Map(info.tables.map((t) => [t.name.toLowerCase(), t.headers]));
  return (
    closedPeriodRefusal(ops, (name) => headers.get(name.toLowerCase()), closed.closedThrough, info.dateSystem) ??
    closedEditRefusal(edits, read, closed.closedThrough, info.dateSystem)
  );
}
