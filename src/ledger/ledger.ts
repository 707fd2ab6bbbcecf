// The ledger: the Charges, Payments, Postings and Payers of a workbook, parsed once and indexed once,
// so balances, posting plans and reconciliation look rows up instead of scanning tables. It also
// owns the questions about links between rows: a posting to a charge that isn't there, a reversal of
// a posting that isn't there, money posted with no payment behind it, a charge billed to an unknown
// payer, a refund that doesn't say which payment it gives back. Those rows stay in the ledger (the
// balances still count them, by the rules in balances.ts) and each is reported once as an issue.
import * as dates from "../dates";
import type { DateSystem } from "../dates";
import { formatMoney } from "../money";
import { IdNumbers } from "./idNumbers";
import { parseTable, type RowIssue } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import {
  Charges,
  Payers,
  Payments,
  Postings,
  ProviderAdjustments,
  type ChargeRow,
  type PayerRow,
  type PaymentRow,
  type PostingRow,
  type ProviderAdjustmentRow,
  type RowOf,
} from "../workbook/tables";

// Read as this module's own constant: the build calls it three million times on a large practice, and
// unbundled an imported binding is a lookup through its module at each call (a getter call where tsx
// compiles to CommonJS).
const { isoToDay } = dates;

export interface Ledger {
  charges: ChargeRow[];
  payments: PaymentRow[];
  postings: PostingRow[];
  payers: PayerRow[];
  /**
   * The figures balances, aging, KPIs and statements walk, as columns (typed arrays) built in the one
   * pass that checks the links. See LedgerColumns.
   */
  columns: LedgerColumns;
  // The by-id indexes below are made on first use (and then kept): a report over a million lines
  // reads the columns and never pays for them.
  chargeById: Map<string, ChargeRow>;
  paymentById: Map<string, PaymentRow>;
  postingById: Map<string, PostingRow>;
  /** Every posting of a charge (reversals included), in Postings order. */
  postingsByCharge: Map<string, PostingRow[]>;
  /**
   * The same lists by Charges position: postingsByChargeRow[i] is postingsByCharge.get(charges[i].chargeId)
   * (undefined when the line has no posting).
   */
  postingsByChargeRow: (PostingRow[] | undefined)[];
  /**
   * Every posting made from a payment, in Postings order; a reversal that leaves PaymentID blank is
   * listed under the payment of the posting it reverses.
   */
  postingsByPayment: Map<string, PostingRow[]>;
  /**
   * Every PaymentID once, in Payments order (a repeated one where it first appears): what new IDs must
   * continue and never repeat. Made on first use, without a Map of the rows.
   */
  knownPaymentIds: string[];
  /** Every PostingID once, in Postings order, likewise. */
  knownPostingIds: string[];
  /**
   * Provider-level items of a remittance (PLB: interest, recoupment, forwarding balance), kept apart
   * from claim A/R. Their Amount is as the 835 gives it: positive takes money out of the payment.
   */
  providerAdjustments: ProviderAdjustmentRow[];
  /** Rows that failed parseTable, then the ledger's own issues (links between rows). */
  issues: RowIssue[];
  /**
   * A Charges field of every line, by position (undefined where blank), read from the table's own
   * column: a report that needs a line's text (its ChargeID, its billed date) makes no row object.
   */
  chargeColumn<K extends keyof ChargeRow & string>(key: K): (ChargeRow[K] | undefined)[];
  /** A Postings field of every posting, by position, likewise. */
  postingColumn<K extends keyof PostingRow & string>(key: K): (PostingRow[K] | undefined)[];
}

/** Whose money a posting's Paid is (LedgerColumns.postingFrom), besides a payer's interned number. */
export const PAID_BY_PATIENT = -1;
/** Paid with no payment, or from a payment that isn't in Payments: counted as the line's payer's. */
export const PAID_WITHOUT_PAYMENT = -2;

/** Adjustment groups as numbers (LedgerColumns.postingGroup); anything else is an office write-off. */
export const GROUP_NONE = 0;
export const GROUP_CO = 1;
export const GROUP_OA = 2;
export const GROUP_PI = 3;
export const GROUP_PR = 4;
export const GROUP_WO = 5;
const GROUP_NUMBER: Record<string, number> = { CO: GROUP_CO, OA: GROUP_OA, PI: GROUP_PI, PR: GROUP_PR, WO: GROUP_WO };

/**
 * The ledger as columns, indexed by Charges position (lines) and Postings position (postings). Money is
 * cents, dates are day numbers (isoToDay), ids are interned numbers (`payerIds`, `patientIds`). Every
 * rule that reads another row is settled here once: a reversal's blank Group and PaymentID are its
 * original's, a payment's payer is looked up, a line's self-pay answered.
 */
export interface LedgerColumns {
  lineAmount: Float64Array;
  lineDos: Int32Array;
  /** Interned PayerID of the line (payerIds[n] is the id). */
  linePayer: Int32Array;
  /** Interned PatientID of the line (patientIds[n] is the id). */
  linePatient: Int32Array;
  /** 1 when the line is self-pay (isSelfPay, by the first Payers row of its PayerID). */
  lineSelfPay: Uint8Array;
  /**
   * The line's postings are postingOrder[linePostingsStart[i] .. linePostingsEnd[i]), in Postings order;
   * a repeated ChargeID has the first row's postings.
   */
  linePostingsStart: Int32Array;
  linePostingsEnd: Int32Array;
  postingOrder: Int32Array;
  postingDate: Int32Array;
  /** 0 when blank. */
  postingPaid: Float64Array;
  postingAdjustment: Float64Array;
  postingPatientResp: Float64Array;
  /** GROUP_*: the posting's own group, else (a reversal) its original's. */
  postingGroup: Uint8Array;
  /** A payer's interned number, PAID_BY_PATIENT or PAID_WITHOUT_PAYMENT. */
  postingFrom: Int32Array;
  /**
   * The Payments row a posting's Paid came from (the first row of its PaymentID; a reversal that
   * leaves PaymentID blank takes its original's), -1 when none or not in Payments.
   */
  postingPayment: Int32Array;
  /**
   * Each reversal whose original is in Postings, by position, to that original's: what the columns
   * don't settle (the original's Reason, whether it named a payment) is read off its row without an
   * index of every PostingID. Reversals are few, so a Map, not a column.
   */
  reversalOriginal: Map<number, number>;
  payerIds: string[];
  patientIds: string[];
}

/**
 * A table as parseTable gives it: each field's values as a column, the rows as objects made only when
 * read. buildLedger reads the columns; the ledger's rows are the table's, read when someone asks.
 */
export interface TableColumns<R> {
  count: number;
  columns: Record<string, unknown[]>;
  readonly rows: R[];
}

/** The ledger's tables: each as rows, or as parseTable gives it (the rows are then made only if read). */
export interface LedgerTables {
  charges: ChargeRow[] | TableColumns<ChargeRow>;
  payments: PaymentRow[] | TableColumns<PaymentRow>;
  postings: PostingRow[] | TableColumns<PostingRow>;
  payers: PayerRow[] | TableColumns<PayerRow>;
  providerAdjustments?: ProviderAdjustmentRow[] | TableColumns<ProviderAdjustmentRow>;
}

/** One table read by column: its length, a field's values (undefined where blank), its rows when asked. */
interface ColumnReader<R> {
  count: number;
  column<K extends keyof R & string>(key: K): (R[K] | undefined)[];
  rows(): R[];
}

/** The column of a field a table lacks: never written, so shared. */
const NO_COLUMN: readonly unknown[] = Object.freeze([]);

function columnReader<R>(table: R[] | TableColumns<R>): ColumnReader<R> {
  if (Array.isArray(table)) {
    const rows = table;
    const made = new Map<string, unknown[]>();
    return {
      count: rows.length,
      column<K extends keyof R & string>(key: K) {
        let values = made.get(key);
        if (!values) {
          values = new Array(rows.length);
          for (let i = 0; i < rows.length; i++) values[i] = rows[i][key];
          made.set(key, values);
        }
        return values as (R[K] | undefined)[];
      },
      rows: () => rows,
    };
  }
  const parsed = table;
  return {
    count: parsed.count,
    // A field the table has no column for is blank on every row: an empty list reads undefined at any position.
    column: <K extends keyof R & string>(key: K) => (parsed.columns[key] ?? NO_COLUMN) as (R[K] | undefined)[],
    rows: () => parsed.rows,
  };
}

/**
 * Sheet row numbers of the rows passed to buildLedger (parseTable's sheetRows), so an issue names
 * the row a biller sees. Without them a row is numbered as in a table whose header is on row 1.
 */
export interface LedgerSheetRows {
  charges?: number[];
  payments?: number[];
  postings?: number[];
  payers?: number[];
}

/** The tables readLedger reads, in one readTables call. */
export const LEDGER_TABLES = ["Charges", "Payments", "Postings", "Payers", "ProviderAdjustments"];

/** The PayerID a self-pay line may carry without a Payers row (blank also means self-pay). */
export const SELF_PAY_ID = "SELF";

const REFUND_IN_REFERENCE = /^\s*refund\s+(?:of\s+)?(?:payment\s+)?#?\s*([^\s,;]+)/i;
// In free text only a word with a digit in it is taken for an id, so "refund to patient" names none.
const REFUND_IN_NOTE = /\brefund(?:ed)?\s+(?:of\s+|from\s+)?(?:payment\s+)?#?\s*([A-Za-z-]*\d[\w-]*)/i;

/**
 * The PaymentID a refund gives money back from: a Payments row with a negative Amount whose
 * Reference (or else Note) says "REFUND <PaymentID>". Undefined for anything else. The id named is
 * returned as written, whether or not such a payment exists (buildLedger reports it when not).
 */
export function refundedPaymentId(payment: Pick<PaymentRow, "amount" | "reference" | "note">): string | undefined {
  if (payment.amount >= 0) return undefined;
  const inReference = payment.reference ? REFUND_IN_REFERENCE.exec(payment.reference) : null;
  if (inReference) return inReference[1];
  const inNote = payment.note ? REFUND_IN_NOTE.exec(payment.note) : null;
  return inNote ? inNote[1] : undefined;
}

/** Self-pay: the payer's Type is "Self-pay", or the PayerID is blank or "SELF". */
export function isSelfPay(payerId: string | undefined, payer: PayerRow | undefined): boolean {
  if (payer) return payer.type === "Self-pay";
  return !payerId || payerId.trim() === "" || payerId.toUpperCase() === SELF_PAY_ID;
}

/** The sheet row of a table's i-th row: as given, else as under a header on row 1. */
function rowOf(rows: number[] | undefined, index: number): number {
  return rows?.[index] ?? index + 2;
}

function postingIssue(found: RowIssue[], sheetRows: LedgerSheetRows, index: number, column: string, message: string): void {
  found.push({ table: Postings.name, row: rowOf(sheetRows.postings, index), column, message });
}

/**
 * The sheet rows of parsed tables, each list read only when an issue asks for a row number: parseTable
 * makes the lists when first read, and a clean table of a million rows never needs them.
 */
export function sheetRowsOf(tables: { [K in keyof LedgerSheetRows]?: { sheetRows: number[] } }): LedgerSheetRows {
  return {
    get charges() {
      return tables.charges?.sheetRows;
    },
    get payments() {
      return tables.payments?.sheetRows;
    },
    get postings() {
      return tables.postings?.sheetRows;
    },
    get payers() {
      return tables.payers?.sheetRows;
    },
  };
}

/** Options of buildLedger. */
export interface LedgerOptions {
  /**
   * The rows' ids were already checked unique (parseTable refuses a repeated key, as ledgerFromTables
   * reads them): buildLedger then skips its own check of repeated PostingIDs, the one index it would
   * make only for that.
   */
  keysChecked?: boolean;
}

function repeatedMessage(id: string): string {
  return `"${id}" is used by an earlier row too; the first one counts`;
}

/** A table's ids, each to its first row's position (-1: not in the table). */
class RowIndex {
  private readonly numbers: IdNumbers;
  /**
   * Each id's first row, made at the first repeated id: until then ids are numbered in row order, so an
   * id's number is its row (a table without repeats, as parseTable gives them, never makes it).
   */
  private firstRow: Int32Array | undefined = undefined;

  constructor(private readonly rows: number) {
    this.numbers = new IdNumbers(rows);
  }

  /** False when the id is already in the index (its first row stays). Rows are added in order. */
  add(id: string, row: number): boolean {
    const before = this.numbers.size;
    const n = this.numbers.of(id);
    if (this.numbers.size === before) {
      if (!this.firstRow) {
        this.firstRow = new Int32Array(this.rows);
        for (let k = 0; k < before; k++) this.firstRow[k] = k;
      }
      return false;
    }
    if (this.firstRow) this.firstRow[n] = row;
    return true;
  }

  at(id: string): number {
    const n = this.numbers.find(id);
    return n < 0 || !this.firstRow ? n : this.firstRow[n];
  }
}

/**
 * Index the parsed tables (one pass over each): the columns balances walk, the ledger's issues (added
 * to the ones given), and the by-id indexes made later, on first use.
 */
export function buildLedger(
  tables: LedgerTables,
  issues: RowIssue[] = [],
  sheetRows: LedgerSheetRows = {},
  options: LedgerOptions = {},
): Ledger {
  const charges = columnReader(tables.charges);
  const payments = columnReader(tables.payments);
  const postings = columnReader(tables.postings);
  const payers = columnReader(tables.payers);
  const found: RowIssue[] = [];
  // When a table has rows that failed their checks, a missing id may be on one of those rows.
  const orBadRow = (table: string) => (issues.some((issue) => issue.table === table) ? " (or its row there has a problem)" : "");
  const notInCharges = `is not in the Charges table${orBadRow(Charges.name)}`;
  const notInPayments = `is not in the Payments table${orBadRow(Payments.name)}`;
  const notInPostings = `is not in the Postings table${orBadRow(Postings.name)}`;
  const notInPayers = `is not in the Payers table${orBadRow(Payers.name)}`;

  // Keys are matched exactly as written: parseTable already refuses two rows whose keys differ only
  // in case, so a workbook read through readLedger never has that ambiguity. Each index maps an id to
  // its first row's position; a later row repeating it is reported (the first one counts).
  function indexRows(ids: (string | undefined)[], table: string, column: string, rowNumbers: () => number[] | undefined) {
    const index = new RowIndex(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (!index.add(id, i)) {
        found.push({ table, row: rowOf(rowNumbers(), i), column, message: repeatedMessage(id) });
      }
    }
    return index;
  }
  const payerRows = payers.rows();
  const payerAt = indexRows(payers.column("payerId"), Payers.name, "PayerID", () => sheetRows.payers);

  // The lines' columns, and the index of ChargeIDs made in the same pass (a million rows are read
  // once); a line's payer is interned once per run of lines billed to it. Issues keep the order of
  // the checks: repeated ids of each table, then the links (the lines' payers after the PaymentIDs).
  const lineCount = charges.count;
  const chargeIds = charges.column("chargeId") as string[];
  const chargePayers = charges.column("payerId") as string[];
  const chargePatients = charges.column("patientId") as string[];
  const chargeAmounts = charges.column("amount") as number[];
  const chargeDos = charges.column("dos") as string[];
  const repeatedCharges: number[] = [];
  const chargeAt = new RowIndex(lineCount);
  const unknownPayers: RowIssue[] = [];
  const payerNumbers = new IdNumbers();
  // Sized for a patient per four lines; more still fit.
  const patientNumbers = new IdNumbers(Math.ceil(lineCount / 4));
  const lineAmount = new Float64Array(lineCount);
  const lineDos = new Int32Array(lineCount);
  const linePayer = new Int32Array(lineCount);
  const linePatient = new Int32Array(lineCount);
  const lineSelfPay = new Uint8Array(lineCount);
  let lastPayerId: string | undefined;
  let lastSelfPay = false;
  let lastPayerKnown = false;
  for (let i = 0; i < lineCount; i++) {
    const chargeId = chargeIds[i];
    const payerId = chargePayers[i];
    if (!chargeAt.add(chargeId, i)) {
      found.push({
        table: Charges.name,
        row: rowOf(sheetRows.charges, i),
        column: "ChargeID",
        message: repeatedMessage(chargeId),
      });
      repeatedCharges.push(i);
    }
    if (payerId !== lastPayerId) {
      const at = payerAt.at(payerId);
      lastPayerId = payerId;
      lastSelfPay = isSelfPay(payerId, at < 0 ? undefined : payerRows[at]);
      lastPayerKnown = at >= 0;
    }
    lineAmount[i] = chargeAmounts[i];
    lineDos[i] = isoToDay(chargeDos[i]);
    linePayer[i] = payerNumbers.of(payerId);
    linePatient[i] = patientNumbers.of(chargePatients[i]);
    lineSelfPay[i] = lastSelfPay ? 1 : 0;
    if (lastPayerKnown || isSelfPay(payerId, undefined)) continue;
    unknownPayers.push({
      table: Charges.name,
      row: rowOf(sheetRows.charges, i),
      column: "PayerID",
      message: `payer "${payerId}" ${notInPayers}: the line is counted as billed to insurance`,
    });
  }

  const paymentIds = payments.column("paymentId") as string[];
  const paymentAt = indexRows(paymentIds, Payments.name, "PaymentID", () => sheetRows.payments);
  // Postings by id are needed now only to check repeated ids and to follow reversals.
  const reverses = postings.column("reverses");
  let postingAt: RowIndex | undefined;
  if (!options.keysChecked || reverses.some((r) => r !== undefined)) {
    postingAt = indexRows(postings.column("postingId"), Postings.name, "PostingID", () => sheetRows.postings);
  }
  for (const issue of unknownPayers) found.push(issue);

  // Whose money each payment is.
  const paymentCount = payments.count;
  const paymentFrom = new Int32Array(paymentCount);
  const paymentPayers = payments.column("payerId");
  const paymentPatients = payments.column("patientId");
  const paymentAmounts = payments.column("amount") as number[];
  for (let i = 0; i < paymentCount; i++) {
    const payerId = paymentPayers[i];
    paymentFrom[i] = payerId === undefined ? PAID_BY_PATIENT : payerNumbers.of(payerId);
    if (payerId === undefined && paymentPatients[i] === undefined) {
      found.push({
        table: Payments.name,
        row: rowOf(sheetRows.payments, i),
        column: "PayerID",
        message: "the payment has neither a PayerID nor a PatientID (counted as the patient's)",
      });
    }
    const amount = paymentAmounts[i];
    if (amount >= 0) continue;
    const refunded = refundedPaymentId({ amount, reference: payments.column("reference")[i], note: payments.column("note")[i] });
    if (refunded === undefined) {
      found.push({
        table: Payments.name,
        row: rowOf(sheetRows.payments, i),
        column: "Amount",
        message: `a negative payment (${formatMoney(amount)}) must say which payment it refunds, with a Reference like "REFUND PM000123"`,
      });
    } else if (paymentAt.at(refunded) < 0) {
      found.push({
        table: Payments.name,
        row: rowOf(sheetRows.payments, i),
        column: "Reference",
        message: `refunds payment "${refunded}", which ${notInPayments}`,
      });
    }
  }

  // The postings' columns and the links' issues, in a function of their own: a loop this long (two
  // million rows on a large practice) is compiled best on its own, not inside the whole build.
  // Each line's count of postings is kept where its range will end.
  const linePostingsEnd = new Int32Array(lineCount);
  const { postingLine, ...postingColumns } = postingColumnsOf(postings, linePostingsEnd, {
    chargeAt,
    paymentAt,
    postingAt,
    paymentFrom,
    found,
    sheetRows,
    notInCharges,
    notInPayments,
    notInPostings,
  });

  // Each line's postings, in Postings order (a counting sort by line); a repeated ChargeID shares the
  // first row's.
  const linePostingsStart = new Int32Array(lineCount);
  let next = 0;
  for (let line = 0; line < lineCount; line++) {
    const count = linePostingsEnd[line];
    linePostingsStart[line] = next;
    linePostingsEnd[line] = next;
    next += count;
  }
  const postingOrder = new Int32Array(next);
  for (let i = 0; i < postingLine.length; i++) {
    const line = postingLine[i];
    if (line >= 0) postingOrder[linePostingsEnd[line]++] = i;
  }
  for (const i of repeatedCharges) {
    const first = chargeAt.at(chargeIds[i]);
    linePostingsStart[i] = linePostingsStart[first];
    linePostingsEnd[i] = linePostingsEnd[first];
  }

  const columns: LedgerColumns = {
    lineAmount,
    lineDos,
    linePayer,
    linePatient,
    lineSelfPay,
    linePostingsStart,
    linePostingsEnd,
    postingOrder,
    ...postingColumns,
    payerIds: payerNumbers.ids,
    patientIds: patientNumbers.ids,
  };
  return ledgerWithIndexes({ charges, payments, postings, payers }, tables.providerAdjustments, columns, [...issues, ...found]);
}

/** What postingColumnsOf needs of the build: its indexes and where issues go. */
interface PostingLinks {
  chargeAt: RowIndex;
  paymentAt: RowIndex;
  postingAt: RowIndex | undefined;
  paymentFrom: Int32Array;
  found: RowIssue[];
  sheetRows: LedgerSheetRows;
  notInCharges: string;
  notInPayments: string;
  notInPostings: string;
}

/**
 * The postings' columns and each posting's line (-1: not in Charges), counting each line's postings
 * into `postingsOfLine` and reporting the links that fail, in one plain loop with no closure per row.
 * A remittance's postings follow one another, so the last payment looked up is asked first.
 */
function postingColumnsOf(postings: ColumnReader<PostingRow>, postingsOfLine: Int32Array, links: PostingLinks) {
  const { chargeAt, paymentAt, postingAt, paymentFrom, found, sheetRows, notInCharges, notInPayments, notInPostings } = links;
  const postingCount = postings.count;
  const chargeIds = postings.column("chargeId") as string[];
  const reversesOf = postings.column("reverses");
  const paymentIds = postings.column("paymentId");
  const paidOf = postings.column("paid");
  const groups = postings.column("group");
  const adjustments = postings.column("adjustment");
  const patientResps = postings.column("patientResp");
  const dates = postings.column("date") as string[];
  const postingLine = new Int32Array(postingCount);
  const postingDate = new Int32Array(postingCount);
  const postingPaid = new Float64Array(postingCount);
  const postingAdjustment = new Float64Array(postingCount);
  const postingPatientResp = new Float64Array(postingCount);
  const postingGroup = new Uint8Array(postingCount);
  const postingFrom = new Int32Array(postingCount);
  const postingPayment = new Int32Array(postingCount);
  const reversalOriginal = new Map<number, number>();
  let lastPaymentId: string | undefined;
  let lastPayment = -1;
  let lastChargeId: string | undefined;
  let lastLine = -1;
  for (let i = 0; i < postingCount; i++) {
    const chargeId = chargeIds[i];
    const reverses = reversesOf[i];
    // A line's postings (payment, adjustment, responsibility) often follow one another.
    if (chargeId !== lastChargeId) {
      lastChargeId = chargeId;
      lastLine = chargeAt.at(chargeId);
    }
    const line = lastLine;
    if (line >= 0) {
      postingLine[i] = line;
      postingsOfLine[line] += 1;
    } else {
      postingLine[i] = -1;
      postingIssue(found, sheetRows, i, "ChargeID", `charge "${chargeId}" ${notInCharges}`);
    }
    // The posting it reverses, by position (-1: none, or not in Postings).
    let original = -1;
    if (reverses !== undefined) {
      original = postingAt ? postingAt.at(reverses) : -1;
      if (original >= 0) reversalOriginal.set(i, original);
      if (original < 0) postingIssue(found, sheetRows, i, "Reverses", `it reverses posting "${reverses}", which ${notInPostings}`);
      else if (chargeIds[original] !== chargeId) {
        postingIssue(
          found,
          sheetRows,
          i,
          "Reverses",
          `it reverses posting "${reverses}", which is on charge "${chargeIds[original]}", not "${chargeId}"`,
        );
      }
    }
    // A reversal may leave PaymentID and Group blank: it takes them from the posting it reverses.
    const ownPaymentId = paymentIds[i];
    const paymentId = ownPaymentId ?? (original >= 0 ? paymentIds[original] : undefined);
    let payment = -1;
    if (paymentId !== undefined) {
      if (paymentId !== lastPaymentId) {
        lastPaymentId = paymentId;
        lastPayment = paymentAt.at(paymentId);
      }
      payment = lastPayment;
    }
    postingFrom[i] = payment < 0 ? PAID_WITHOUT_PAYMENT : paymentFrom[payment];
    postingPayment[i] = payment;
    if (ownPaymentId !== undefined && payment < 0) {
      postingIssue(
        found,
        sheetRows,
        i,
        "PaymentID",
        `payment "${ownPaymentId}" ${notInPayments}: its Paid is counted as the line's payer's`,
      );
    }
    const paid = paidOf[i];
    if (paid !== undefined) {
      postingPaid[i] = paid;
      if (paid !== 0 && paymentId === undefined) {
        postingIssue(found, sheetRows, i, "Paid", `${formatMoney(paid)} paid with no PaymentID (counted as paid by the line's payer)`);
      }
    }
    const group = groups[i] ?? (original >= 0 ? groups[original] : undefined);
    if (group !== undefined) postingGroup[i] = GROUP_NUMBER[group] ?? GROUP_NONE;
    const adjustment = adjustments[i];
    if (adjustment !== undefined) {
      postingAdjustment[i] = adjustment;
      if (adjustment !== 0 && group === undefined) {
        postingIssue(
          found,
          sheetRows,
          i,
          "Group",
          `the adjustment of ${formatMoney(adjustment)} has no group (CO, OA, PI, PR or WO): counted as an office write-off`,
        );
      }
    }
    const patientResp = patientResps[i];
    if (patientResp !== undefined) postingPatientResp[i] = patientResp;
    postingDate[i] = isoToDay(dates[i]);
  }

  return {
    postingLine,
    postingDate,
    postingPaid,
    postingAdjustment,
    postingPatientResp,
    postingGroup,
    postingFrom,
    postingPayment,
    reversalOriginal,
  };
}

/** A value made on first use, then kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** Each id's first row position. */
function firstPositions(ids: (string | undefined)[]): Map<string, number> {
  const positionOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (!positionOf.has(id)) positionOf.set(id, i);
  }
  return positionOf;
}

interface LedgerReaders {
  charges: ColumnReader<ChargeRow>;
  payments: ColumnReader<PaymentRow>;
  postings: ColumnReader<PostingRow>;
  payers: ColumnReader<PayerRow>;
}

/**
 * The ledger object: its tables and columns, and the by-id indexes made on first use. The indexes the
 * build used are not kept (a million lines' ids would stay in memory for reports that never ask).
 * The tables' rows are read (made, for a table given as parseTable's columns) only when asked for.
 */
function ledgerWithIndexes(
  tables: LedgerReaders,
  providerAdjustments: LedgerTables["providerAdjustments"],
  columns: LedgerColumns,
  issues: RowIssue[],
): Ledger {
  const charges = once(() => tables.charges.rows());
  const payments = once(() => tables.payments.rows());
  const postings = once(() => tables.postings.rows());
  const payers = once(() => tables.payers.rows());
  const lineCount = tables.charges.count;
  const chargeIds = tables.charges.column("chargeId");
  const byId = <R>(rows: R[], positions: Map<string, number>) => {
    const map = new Map<string, R>();
    for (const [id, i] of positions) map.set(id, rows[i]);
    return map;
  };
  const chargeAt = once(() => firstPositions(chargeIds));
  const chargeById = once(() => byId(charges(), chargeAt()));
  const paymentById = once(() => byId(payments(), firstPositions(tables.payments.column("paymentId"))));
  const postingById = once(() => byId(postings(), firstPositions(tables.postings.column("postingId"))));
  const postingsByChargeRow = once(() => {
    const { linePostingsStart, linePostingsEnd, postingOrder } = columns;
    const rows = postings();
    const lists: (PostingRow[] | undefined)[] = new Array(lineCount);
    // A repeated ChargeID has its first row's range of postings, so its list is found by where it starts.
    const listStartingAt: (PostingRow[] | undefined)[] = new Array(postingOrder.length);
    for (let i = 0; i < lineCount; i++) {
      const start = linePostingsStart[i];
      const end = linePostingsEnd[i];
      if (start === end) continue;
      let list = listStartingAt[start];
      if (!list) {
        list = new Array<PostingRow>(end - start);
        for (let k = start; k < end; k++) list[k - start] = rows[postingOrder[k]];
        listStartingAt[start] = list;
      }
      lists[i] = list;
    }
    return lists;
  });
  const postingsByCharge = once(() => {
    const lists = postingsByChargeRow();
    const map = new Map<string, PostingRow[]>();
    for (let i = 0; i < lineCount; i++) {
      const list = lists[i];
      if (list && !map.has(chargeIds[i]!)) map.set(chargeIds[i]!, list);
    }
    // Then those of charges that aren't in Charges, in Postings order.
    const inCharges = chargeAt();
    for (const posting of postings()) {
      if (inCharges.has(posting.chargeId)) continue;
      const list = map.get(posting.chargeId);
      if (list) list.push(posting);
      else map.set(posting.chargeId, [posting]);
    }
    return map;
  });
  const postingsByPayment = once(() => {
    const map = new Map<string, PostingRow[]>();
    const originals = postingById();
    for (const posting of postings()) {
      const paymentId = posting.paymentId ?? (posting.reverses === undefined ? undefined : originals.get(posting.reverses)?.paymentId);
      if (paymentId === undefined) continue;
      const list = map.get(paymentId);
      if (list) list.push(posting);
      else map.set(paymentId, [posting]);
    }
    return map;
  });
  // The ids in first-seen order, as the by-id maps' keys are, numbered instead of hashed (two
  // million PostingIDs into a Map cost over a second here, and the rows need not be kept by id).
  const uniqueIds = (ids: (string | undefined)[]) => () => {
    const numbers = new IdNumbers(ids.length);
    for (let i = 0; i < ids.length; i++) numbers.of(ids[i]!);
    return numbers.ids;
  };
  const knownPaymentIds = once(uniqueIds(tables.payments.column("paymentId")));
  const knownPostingIds = once(uniqueIds(tables.postings.column("postingId")));
  const adjustments = once(() => (providerAdjustments ? columnReader(providerAdjustments).rows() : []));
  const ledger = {
    get charges() {
      return charges();
    },
    get payments() {
      return payments();
    },
    get postings() {
      return postings();
    },
    get payers() {
      return payers();
    },
    columns,
    get chargeById() {
      return chargeById();
    },
    get paymentById() {
      return paymentById();
    },
    get postingById() {
      return postingById();
    },
    get postingsByCharge() {
      return postingsByCharge();
    },
    get postingsByChargeRow() {
      return postingsByChargeRow();
    },
    get postingsByPayment() {
      return postingsByPayment();
    },
    get knownPaymentIds() {
      return knownPaymentIds();
    },
    get knownPostingIds() {
      return knownPostingIds();
    },
    get providerAdjustments() {
      return adjustments();
    },
    issues,
  } as Ledger;
  // Readers, not data: left out of a comparison or a copy of the ledger, as its lazy indexes' makers are.
  Object.defineProperties(ledger, {
    chargeColumn: { value: <K extends keyof ChargeRow & string>(key: K) => tables.charges.column(key) },
    postingColumn: { value: <K extends keyof PostingRow & string>(key: K) => tables.postings.column(key) },
  });
  return ledger;
}

/**
 * The ledger of the tables as readTables returned them (pure). A table the workbook lacks reads as
 * empty; rows that fail their schema are left out and their issues kept. Every issue names a column
 * by the office's own header, the ledger's own checks too ("Payer" where the office has no "PayerID").
 */
export function ledgerFromTables(tables: Record<string, RawTable | undefined>, dateSystem: DateSystem): Ledger {
  const issues: RowIssue[] = [];
  const ownHeaders = new Map<string, Map<string, string>>();
  function read<D extends typeof Charges | typeof Payments | typeof Postings | typeof Payers | typeof ProviderAdjustments>(def: D) {
    const raw = tables[def.name];
    if (!raw) return { rows: [] as RowOf<D>[], count: 0, columns: {}, sheetRows: [] as number[] };
    const parsed = parseTable(def, raw, dateSystem);
    issues.push(...parsed.issues);
    const fields = def.fields as Record<string, { header: string }>;
    ownHeaders.set(def.name, new Map(Object.entries(parsed.mapping.columns).map(([key, column]) => [fields[key].header, column.header])));
    return parsed;
  }
  const charges = read(Charges);
  const payments = read(Payments);
  const postings = read(Postings);
  const payers = read(Payers);
  const providerAdjustments = read(ProviderAdjustments);
  const parseIssues = issues.length;
  const ledger = buildLedger(
    // As parsed: the ledger reads their columns, and their rows are made only if someone reads them.
    { charges, payments, postings, payers, providerAdjustments },
    issues,
    sheetRowsOf({ charges, payments, postings, payers }),
    // parseTable refused every row that repeats a key.
    { keysChecked: true },
  );
  // parseTable's issues already carry the office's headers; buildLedger's name ours.
  for (let i = parseIssues; i < ledger.issues.length; i++) {
    const issue = ledger.issues[i];
    const own = issue.column === undefined ? undefined : ownHeaders.get(issue.table)?.get(issue.column);
    if (own !== undefined) issue.column = own;
  }
  return ledger;
}

/** Read the ledger tables in one readTables call and build the ledger (see ledgerFromTables). */
export async function readLedger(
  workbook: Workbook,
): Promise<{ ledger: Ledger; tables: Record<string, RawTable | undefined>; dateSystem: DateSystem }> {
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables(LEDGER_TABLES);
  return { ledger: ledgerFromTables(tables, dateSystem), tables, dateSystem };
}
