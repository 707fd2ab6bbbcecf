// Turning a posting plan's new rows into what the panel shows and what the workbook gets: the
// appendRows ops keyed by the office's own headers, the preview by our header names, and the
// balances the touched lines will have afterwards, worked out by the balance engine itself.
import type { DateSystem, IsoDate } from "../dates";
import { formatMoney } from "../money";
import { rowToCells } from "../workbook/mapTable";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, RawTable, WorkbookInfo, WriteOp } from "../workbook/port";
import { Payments, Postings, type PaymentRow, type PostingRow } from "../workbook/tables";
import { lineBalances, type LineBalance } from "./balances";
import { buildLedger, type Ledger } from "./ledger";
import { FIELDS_THAT_MAY_BE_DROPPED, type TargetTable } from "./postingChecks";
import { nextIds } from "./postingIds";

export interface PlanContext {
  info: WorkbookInfo;
  tables: Record<string, RawTable | undefined>;
  dateSystem: DateSystem;
  today: IsoDate;
}

export interface PreviewRow {
  table: "Payments" | "Postings";
  /** By our header names; money as $ text, dates as ISO text; only the columns the workbook has. */
  values: Record<string, string | number | null>;
  /** What the row means beyond its cells ("$20.00 stays unapplied on the payment as a credit"). */
  remark?: string;
}

export type PlanResult =
  | { ok: true; plan: WritePlan; preview: PreviewRow[]; predicted: LineBalance[] /* balances of the touched lines after */ }
  | { ok: false; problems: string[] };

/**
 * Balances of some lines, by the balance engine run on just their rows: the lines, every posting
 * to them (plus `newPostings`), the payments those postings name (plus `newPayments`) and the
 * payers. A line's balance depends on nothing else, and a plan for 5,000 lines of a 100,000-line
 * ledger then costs 5,000 lines of balance work. In Charges order.
 */
export function balancesOfLines(
  ledger: Ledger,
  chargeIds: Iterable<string>,
  newPayments: PaymentRow[] = [],
  newPostings: PostingRow[] = [],
  asOf?: IsoDate,
): LineBalance[] {
  const wanted = new Set(chargeIds);
  if (wanted.size === 0) return [];
  const charges = ledger.charges.filter((c) => wanted.has(c.chargeId));
  const added = new Map<string, PostingRow[]>();
  for (const p of newPostings) {
    const list = added.get(p.chargeId);
    if (list) list.push(p);
    else added.set(p.chargeId, [p]);
  }
  const postings: PostingRow[] = [];
  for (const charge of charges) {
    postings.push(...(ledger.postingsByCharge.get(charge.chargeId) ?? []), ...(added.get(charge.chargeId) ?? []));
  }
  const payments = new Map<string, PaymentRow>();
  for (const p of newPayments) payments.set(p.paymentId, p);
  for (const posting of postings) {
    const id = posting.paymentId;
    const payment = id === undefined || payments.has(id) ? undefined : ledger.paymentById.get(id);
    if (payment) payments.set(payment.paymentId, payment);
  }
  const lines = buildLedger({ charges, payments: [...payments.values()], postings, payers: ledger.payers });
  return lineBalances(lines, asOf);
}

/** New IDs for a table, continuing the IDs of every row it has (bad rows included) and every one the ledger knows. */
export function newIds(
  table: TargetTable,
  known: Iterable<string>,
  key: "paymentId" | "postingId" | "adjustmentId",
  count: number,
  fallbackPrefix: string,
): string[] {
  if (count === 0) return [];
  const ids: string[] = [...known];
  const column = table.mapping.columns[key]?.index;
  if (table.raw && column !== undefined) {
    for (const row of table.raw.rows) {
      const cell = row[column];
      if (cell !== null && cell !== undefined && cell !== "") ids.push(String(cell));
    }
  }
  return nextIds(ids, count, fallbackPrefix);
}

interface NewRows<R> {
  table?: TargetTable;
  rows: R[];
}

export interface FinishedRows {
  payments: NewRows<PaymentRow>;
  postings: NewRows<PostingRow>;
  /** The lines whose balances the plan changes (or that it was asked about). */
  touched: Iterable<string>;
  action: string;
  what: string;
  totals: string;
  /** Said on the preview of the (single) new payment row. */
  paymentRemark?: string;
}

/** The plan, its preview and the predicted balances, from rows already checked. */
export function finishPlan(ledger: Ledger, ctx: PlanContext, done: FinishedRows): PlanResult {
  const ops: WriteOp[] = [];
  const preview: PreviewRow[] = [];
  const add = <R extends PaymentRow | PostingRow>(def: typeof Payments | typeof Postings, part: NewRows<R>, remark?: string) => {
    if (part.rows.length === 0) return;
    const table = part.table;
    // The plan's checks asked for every column these rows fill; reaching here without one is a bug.
    if (!table) throw new Error(`posting plan: ${def.name} rows without a ${def.name} table`);
    const fields = def.fields as Record<string, { header: string; kind?: string }>;
    const cells: Record<string, CellValue>[] = [];
    for (const row of part.rows) {
      const values = row as Record<string, unknown>;
      for (const [key, value] of Object.entries(values)) {
        if (value !== undefined && !table.mapping.columns[key] && !FIELDS_THAT_MAY_BE_DROPPED.has(key)) {
          throw new Error(`posting plan: ${def.name} has no column for ${key}`);
        }
      }
      cells.push(rowToCells(def, table.mapping, values as never, ctx.dateSystem));
      const shown: Record<string, string | number | null> = {};
      for (const key of Object.keys(fields)) {
        if (!table.mapping.columns[key]) continue;
        const value = values[key];
        shown[fields[key].header] =
          value === undefined || value === null
            ? null
            : fields[key].kind === "money"
              ? formatMoney(value as number)
              : (value as string | number);
      }
      preview.push({ table: def.name as PreviewRow["table"], values: shown, ...(remark ? { remark } : {}) });
    }
    ops.push({ kind: "appendRows", table: table.name, rows: cells });
  };
  add(Payments, done.payments, done.paymentRemark);
  add(Postings, done.postings);
  const predicted = balancesOfLines(ledger, done.touched, done.payments.rows, done.postings.rows);
  return { ok: true, plan: { action: done.action, what: done.what, totals: done.totals, ops }, preview, predicted };
}
