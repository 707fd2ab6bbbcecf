// The refund register (the Refunds table, issue 17) as the office keeps it: the register's rows read
// back, the next RefundID, the row a refund adds (refundPlan writes it with the money), and "record
// the check": the check number and the day it was paid, set later on the row a refund plan wrote. A
// register row is never retyped by the add-in: the check is set on the row by its plan's id
// (updateRows), so only a row the add-in wrote can be given one, and it gets its own Audit row.
import { isIsoDate, type DateSystem, type IsoDate } from "../dates";
import { formatMoney } from "../money";
import { nextIds } from "../ledger/postingIds";
import { textOrNothing } from "../ledger/postingChecks";
import { mapColumns, parseTable, rowToCells } from "../workbook/mapTable";
import { appendOrCreateRows, createTableOp, type WritePlan } from "../workbook/plan";
import type { RawTable, WorkbookInfo, WriteOp } from "../workbook/port";
import { Refunds, type RefundRow } from "../workbook/tables";

/** RefundIDs of a workbook with none yet: RF000001, RF000002... */
export const FIRST_REFUND_ID = "RF";

/** The longest reason the register keeps (a sentence or two). */
export const REASON_LIMIT = 300;

/** A register row as the lists show it: unpaid until it has a check number. */
export interface RegisterEntry extends RefundRow {
  /** 2-based sheet row, for sentences that point at it. */
  sheetRow: number;
  paid: boolean;
}

export interface RefundRegister {
  entries: RegisterEntry[];
  /** Rows that do not read, as the table checks say them. */
  problems: string[];
}

/** The register's rows as read, in the table's order (rows that don't read are left out and said). */
export function readRegister(table: RawTable | undefined, dateSystem: DateSystem): RefundRegister {
  if (!table) return { entries: [], problems: [] };
  const parsed = parseTable(Refunds, table, dateSystem);
  const entries = parsed.rows.map((row, i) => ({
    ...row,
    sheetRow: parsed.sheetRows[i],
    paid: textOrNothing(row.checkNumber) !== undefined,
  }));
  const problems = parsed.issues.map(
    (issue) => `${issue.table} row ${issue.row}${issue.column ? `, ${issue.column}` : ""}: ${issue.message}.`,
  );
  return { entries, problems };
}

/**
 * The Refunds table a plan appends to, as read: undefined when the workbook has none (the plan makes
 * it). A table the workbook has but the caller did not read is a problem: its IDs would repeat.
 */
export function registerTable(ctx: {
  info: WorkbookInfo;
  tables: Record<string, RawTable | undefined>;
}): { ok: true; table: RawTable | undefined } | { ok: false; problem: string } {
  const read = Object.values(ctx.tables).find((t) => t !== undefined && t.name.toLowerCase() === Refunds.name.toLowerCase());
  if (read) return { ok: true, table: read };
  if (ctx.info.tables.some((t) => t.name.toLowerCase() === Refunds.name.toLowerCase())) {
    return { ok: false, problem: "The Refunds table was not read with the books: refresh, then try again." };
  }
  return { ok: true, table: undefined };
}

/** The next RefundID, continuing the register's own numbering (every row, bad ones included). */
export function nextRefundId(table: RawTable | undefined): string {
  const ids: string[] = [];
  const column = table ? mapColumns(Refunds, table.headers).columns.refundId?.index : undefined;
  if (table && column !== undefined) {
    for (const row of table.rows) {
      const cell = row[column];
      if (cell !== null && cell !== undefined && cell !== "") ids.push(String(cell));
    }
  }
  return nextIds(ids, 1, FIRST_REFUND_ID)[0];
}

/**
 * The ops adding a register row: appended to the workbook's Refunds table, or (none yet) the table made
 * empty and the row appended, so the row carries its plan's id as every later one does (Record check
 * finds a row by it; rows a table is made with are not stamped). Refused when a column is missing.
 */
export function registerRowOps(
  table: RawTable | undefined,
  row: RefundRow,
  dateSystem: DateSystem,
): { ok: true; ops: WriteOp[] } | { ok: false; problem: string } {
  if (table) {
    const appended = appendOrCreateRows(Refunds, table, [row], dateSystem);
    return appended.ok ? { ok: true, ops: [appended.op] } : appended;
  }
  const created = createTableOp(Refunds);
  const cells = rowToCells(Refunds, mapColumns(Refunds, created.headers), row, dateSystem);
  return { ok: true, ops: [created, { kind: "appendRows", table: Refunds.name, rows: [cells] }] };
}

export interface CheckRecord {
  refundId: string;
  checkNumber: string;
  /** The day the check was paid (mailed). */
  date: IsoDate;
}

/** Set the check number and paid date on a register row a refund plan wrote: one updateRows op, its own Audit row. */
export function recordCheckPlan(
  table: RawTable | undefined,
  dateSystem: DateSystem,
  record: CheckRecord,
  today: IsoDate,
): { ok: true; plan: WritePlan; entry: RegisterEntry } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const refundId = String(record.refundId ?? "").trim();
  const checkNumber = textOrNothing(record.checkNumber);
  if (!checkNumber) problems.push("Enter the check number of the refund.");
  else if (checkNumber.length > 30) problems.push(`The check number "${checkNumber.slice(0, 30)}…" is too long: use up to 30 characters.`);
  if (typeof record.date !== "string" || !isIsoDate(record.date)) {
    problems.push(`The paid date "${String(record.date)}" is not a date (write it like 2026-03-05).`);
  } else if (record.date > today) problems.push(`The paid date ${record.date} is in the future (today is ${today}).`);
  if (!table) {
    problems.push("The workbook has no Refunds table: a refund is recorded there when it is issued.");
    return { ok: false, problems };
  }
  const register = readRegister(table, dateSystem);
  const entry = register.entries.find((e) => e.refundId.toLowerCase() === refundId.toLowerCase());
  if (!entry) {
    problems.push(`There is no refund "${refundId}" in the Refunds table.`);
    return { ok: false, problems };
  }
  const plan = textOrNothing(entry.plan);
  if (entry.paid) {
    problems.push(
      `${entry.refundId} was already paid by check ${entry.checkNumber}${entry.paidDate ? ` on ${entry.paidDate}` : ""}: ` +
        "a check is recorded once (void and reissue it by hand in the Refunds sheet).",
    );
  } else if (!plan) {
    problems.push(
      `${entry.refundId} (Refunds row ${entry.sheetRow}) was not written by MedBill (its Plan cell is blank): type the check number into the Refunds sheet.`,
    );
  } else if (register.entries.filter((e) => textOrNothing(e.plan) === plan).length > 1) {
    problems.push(
      `${entry.refundId} (Refunds row ${entry.sheetRow}) shares its Plan ${plan} with another row: type the check number into the Refunds sheet.`,
    );
  }
  if (isIsoDate(String(record.date)) && record.date < entry.date) {
    problems.push(`The paid date ${record.date} is before the refund was issued (${entry.date}).`);
  }
  const mapping = mapColumns(Refunds, table.headers);
  for (const key of ["checkNumber", "paidDate", "plan"] as const) {
    if (!mapping.columns[key]) {
      problems.push(`The Refunds table has no "${Refunds.fields[key].header}" column: add it (or run Setup), then try again.`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const values = rowToCells(Refunds, mapping, { checkNumber, paidDate: record.date }, dateSystem);
  return {
    ok: true,
    entry,
    plan: {
      action: "Refund check",
      what: `refund ${entry.refundId}: check ${checkNumber} paid ${record.date}`,
      totals: `refund ${formatMoney(entry.amount)}`,
      ops: [{ kind: "updateRows", table: table.name, plan: plan!, values }],
    },
  };
}
