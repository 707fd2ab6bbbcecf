// Turning a posting plan's new rows into what the panel shows and what the workbook gets: the
// appendRows ops keyed by the office's own headers, the preview by our header names, and the
// balances the touched lines will have afterwards, worked out by the balance engine itself.
import type { DateSystem, IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import { engineCell } from "../workbook/mapTable";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, RawTable, WorkbookInfo, WriteOp } from "../workbook/port";
import { Payments, Postings, type ChargeRow, type PaymentRow, type PostingRow } from "../workbook/tables";
import { lineBalances, type LineBalance } from "./balances";
import { buildLedger, GROUP_PR, type Ledger } from "./ledger";
import { IdNumbers } from "./idNumbers";
import { FIELDS_THAT_MAY_BE_DROPPED, type TargetTable } from "./postingChecks";
import { nextIds } from "./postingIds";

export interface PlanContext {
  info: WorkbookInfo;
  tables: Record<string, RawTable | undefined>;
  dateSystem: DateSystem;
  today: IsoDate;
}

export interface PreviewRow {
  /** Refunds: the refund register's row a refund adds (src/credits/refundPlan.ts). */
  table: "Payments" | "Postings" | "Refunds";
  /** By our header names; money as $ text, dates as ISO text; only the columns the workbook has. */
  values: Record<string, string | number | null>;
  /** What the row means beyond its cells ("$20.00 stays unapplied on the payment as a credit"). */
  remark?: string;
  /** What the biller should know before posting it, said as a warning (not a refusal). */
  warning?: string;
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
  // A set given (a plan's touched lines, 100,000 of them for a large ERA) is only read here: not copied.
  const wanted = chargeIds instanceof Set ? (chargeIds as Set<string>) : new Set(chargeIds);
  if (wanted.size === 0) return [];
  const { linePostingsStart, linePostingsEnd, postingOrder } = ledger.columns;
  const charges: ChargeRow[] = [];
  const chargeRows: number[] = [];
  for (let i = 0; i < ledger.charges.length; i++) {
    if (!wanted.has(ledger.charges[i].chargeId)) continue;
    charges.push(ledger.charges[i]);
    chargeRows.push(i);
  }
  // Each line's postings straight from the ledger's columns (a repeated ChargeID once: its rows share
  // the first one's postings), then the new ones. The small ledger lists each line's postings in this
  // order, so a line sees its old postings, then its new ones, as the workbook will hold them.
  const postings: PostingRow[] = [];
  const listed = new Set<string>();
  for (let n = 0; n < charges.length; n++) {
    const { chargeId } = charges[n];
    if (listed.has(chargeId)) continue;
    listed.add(chargeId);
    const i = chargeRows[n];
    for (let k = linePostingsStart[i]; k < linePostingsEnd[i]; k++) postings.push(ledger.postings[postingOrder[k]]);
  }
  for (const p of newPostings) if (wanted.has(p.chargeId)) postings.push(p);
  const payments = new Map<string, PaymentRow>();
  for (const p of newPayments) payments.set(p.paymentId, p);
  for (const posting of postings) {
    const id = posting.paymentId;
    const payment = id === undefined || payments.has(id) ? undefined : ledger.paymentById.get(id);
    if (payment) payments.set(payment.paymentId, payment);
  }
  // Only the balances are wanted: the issues of these rows (repeated ids among them) are the whole
  // ledger's to report, so the small ledger skips that check.
  const lines = buildLedger({ charges, payments: [...payments.values()], postings, payers: ledger.payers }, [], {}, { keysChecked: true });
  return lineBalances(lines, asOf);
}

/** A line left with a credit (a balance below zero) by a plan. */
export interface CreditLeft {
  chargeId: string;
  claimId: string;
  balance: Cents;
}

/**
 * The lines the new postings are on that they leave with a credit, in Charges order, as
 * balancesOfLines(ledger, their ChargeIDs, [], newPostings).filter(balance < 0) gives them, without
 * building their ledger: a line's balance is its charge less every Paid and every adjustment but a PR
 * one, whoever paid, so the old postings' columns and the new rows are summed straight (per line by
 * IdNumbers, not a Map of 100,000 ChargeIDs). Undefined when a posting, old or new, leaves its Group
 * to the posting it reverses: which group that is depends on the rows the balance engine is given.
 */
export function creditsLeft(ledger: Ledger, newPostings: PostingRow[]): CreditLeft[] | undefined {
  const { linePostingsStart, linePostingsEnd, postingOrder, postingPaid, postingAdjustment, postingGroup } = ledger.columns;
  const lines = new IdNumbers(newPostings.length);
  const added = new Float64Array(newPostings.length);
  for (const p of newPostings) {
    if (p.reverses !== undefined && p.group === undefined) return undefined;
    added[lines.of(p.chargeId)] += (p.paid ?? 0) + (p.group === "PR" ? 0 : (p.adjustment ?? 0));
  }
  const credits: CreditLeft[] = [];
  for (let i = 0; i < ledger.charges.length; i++) {
    const charge = ledger.charges[i];
    const line = lines.find(charge.chargeId);
    if (line < 0) continue;
    let taken = 0;
    for (let k = linePostingsStart[i]; k < linePostingsEnd[i]; k++) {
      const q = postingOrder[k];
      const old = ledger.postings[q];
      if (old.reverses !== undefined && old.group === undefined) return undefined;
      taken += postingPaid[q] + (postingGroup[q] === GROUP_PR ? 0 : postingAdjustment[q]);
    }
    const balance = charge.amount - taken - added[line];
    if (balance < 0) credits.push({ chargeId: charge.chargeId, claimId: charge.claimId, balance });
  }
  return credits;
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
  /** Warned on the preview of the new payment row ("$8,899.00 of this payment is more than the account owes..."). */
  paymentWarning?: string;
}

/** The plan, its preview and the predicted balances, from rows already checked. */
/** The template of a row with too many columns for a bit each: built key by key. */
const EMPTY_CELLS: Record<string, CellValue> = Object.freeze({});

export function finishPlan(ledger: Ledger, ctx: PlanContext, done: FinishedRows): PlanResult {
  const ops: WriteOp[] = [];
  // The preview is made from the same rows when first read: a remittance's plan of hundreds of
  // thousands of rows is previewed claim by claim (EraPreview), so its row preview is never made.
  const previews: (() => void)[] = [];
  const preview: PreviewRow[] = [];
  const add = <R extends PaymentRow | PostingRow>(
    def: typeof Payments | typeof Postings,
    part: NewRows<R>,
    said: Pick<PreviewRow, "remark" | "warning"> = {},
  ) => {
    if (part.rows.length === 0) return;
    const table = part.table;
    // The plan's checks asked for every column these rows fill; reaching here without one is a bug.
    if (!table) throw new Error(`posting plan: ${def.name} rows without a ${def.name} table`);
    // The table's columns worked out once; then each row is one walk over them, each cell written as
    // rowToCells writes it (engineCell), and (later) the preview by our headers.
    const fields = def.fields as Record<string, { header: string; kind?: string }>;
    const { columns } = table.mapping;
    const mapped = Object.keys(fields)
      .filter((key) => columns[key])
      .map((key) => ({ key, header: fields[key].header, cell: columns[key].header, kind: fields[key].kind }));
    let lastDate: string | undefined;
    let lastSerial = 0;
    // Each set of filled columns gets a template with their headers in order, and a row starts as its
    // copy: made in one step with room for its cells, not grown key by key (a remittance's 200,000 rows
    // come in two or three such sets). The cells' keys and order are as before: the filled ones, in order.
    const templates = new Map<number, Record<string, CellValue>>();
    const cells: Record<string, CellValue>[] = new Array(part.rows.length);
    for (let r = 0; r < part.rows.length; r++) {
      const values = part.rows[r] as Record<string, unknown>;
      for (const key in values) {
        if (values[key] !== undefined && !columns[key] && !FIELDS_THAT_MAY_BE_DROPPED.has(key)) {
          throw new Error(`posting plan: ${def.name} has no column for ${key}`);
        }
      }
      let filled = 0;
      for (let m = 0; m < mapped.length; m++) if (values[mapped[m].key] !== undefined) filled |= 1 << m;
      // (A table of Payments or Postings has far fewer than 31 of our columns: one bit each fits.)
      let template = mapped.length <= 30 ? templates.get(filled) : EMPTY_CELLS;
      if (!template) {
        template = Object.fromEntries(mapped.filter((_, m) => filled & (1 << m)).map(({ cell }) => [cell, null]));
        templates.set(filled, template);
      }
      const row: Record<string, CellValue> = { ...template };
      for (const { key, cell, kind } of mapped) {
        const value = values[key];
        if (value === undefined) continue;
        // A run of rows shares its date: its serial is worked out once.
        if (kind === "date" && value !== null) {
          if (value !== lastDate) {
            lastDate = value as string;
            lastSerial = engineCell(kind, lastDate, ctx.dateSystem) as number;
          }
          row[cell] = lastSerial;
        } else row[cell] = engineCell(kind, value, ctx.dateSystem);
      }
      cells[r] = row;
    }
    ops.push({ kind: "appendRows", table: table.name, rows: cells });
    // What is said beside the rows, only when there is something to say.
    const extra: Pick<PreviewRow, "remark" | "warning"> = {
      ...(said.remark ? { remark: said.remark } : {}),
      ...(said.warning ? { warning: said.warning } : {}),
    };
    previews.push(() => {
      for (const values of part.rows as Record<string, unknown>[]) {
        const shown: Record<string, string | number | null> = {};
        for (const { key, header, kind } of mapped) {
          const value = values[key];
          shown[header] =
            value === undefined || value === null ? null : kind === "money" ? formatMoney(value as number) : (value as string | number);
        }
        const table = def.name as PreviewRow["table"];
        preview.push({ table, values: shown, ...extra });
      }
    });
  };
  add(Payments, done.payments, { remark: done.paymentRemark, warning: done.paymentWarning });
  add(Postings, done.postings);
  // The predicted balances are made when first read: an ERA's 100,000 lines' worth is a small ledger
  // built and tallied, and the import itself needs only the credits (creditsLeft).
  let predicted: LineBalance[] | undefined;
  let previewed = false;
  return {
    ok: true,
    plan: { action: done.action, what: done.what, totals: done.totals, ops },
    get preview(): PreviewRow[] {
      if (!previewed) {
        previewed = true;
        for (const make of previews) make();
      }
      return preview;
    },
    get predicted(): LineBalance[] {
      predicted ??= balancesOfLines(ledger, done.touched, done.payments.rows, done.postings.rows);
      return predicted;
    },
  };
}
