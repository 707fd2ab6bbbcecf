// REFERENCE ONLY (issue 14): the row-object version of src/ledger/ledger.ts as it was before the ledger
// became columns (commit 83b3dd0), unchanged but for its imports. The product never imports it:
// test/ledger/columnLedgerEquivalence.test.ts proves on thousands of random ledgers that the column
// ledger gives identical issues, indexes, balances, payment statuses and aging reports. Delete all three
// files together once that proof is no longer wanted.

// The ledger: the Charges, Payments, Postings and Payers of a workbook, parsed once and indexed once,
// so balances, posting plans and reconciliation look rows up instead of scanning tables. It also
// owns the questions about links between rows: a posting to a charge that isn't there, a reversal of
// a posting that isn't there, money posted with no payment behind it, a charge billed to an unknown
// payer, a refund that doesn't say which payment it gives back. Those rows stay in the ledger (the
// balances still count them, by the rules in balances.ts) and each is reported once as an issue.
import type { DateSystem } from "../../../src/dates";
import { formatMoney } from "../../../src/money";
import { parseTable, type RowIssue } from "../../../src/workbook/mapTable";
import type { RawTable, Workbook } from "../../../src/workbook/port";
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
} from "../../../src/workbook/tables";

export interface Ledger {
  charges: ChargeRow[];
  payments: PaymentRow[];
  postings: PostingRow[];
  payers: PayerRow[];
  chargeById: Map<string, ChargeRow>;
  paymentById: Map<string, PaymentRow>;
  postingById: Map<string, PostingRow>;
  /** Every posting of a charge (reversals included), in Postings order. */
  postingsByCharge: Map<string, PostingRow[]>;
  /**
   * The same lists by Charges position: postingsByChargeRow[i] is postingsByCharge.get(charges[i].chargeId)
   * (undefined when the line has no posting), so a walk over a million lines reaches each line's
   * postings without a lookup by id.
   */
  postingsByChargeRow: (PostingRow[] | undefined)[];
  /**
   * Every posting made from a payment, in Postings order; a reversal that leaves PaymentID blank is
   * listed under the payment of the posting it reverses.
   */
  postingsByPayment: Map<string, PostingRow[]>;
  /**
   * Provider-level items of a remittance (PLB: interest, recoupment, forwarding balance), kept apart
   * from claim A/R. Their Amount is as the 835 gives it: positive takes money out of the payment.
   */
  providerAdjustments: ProviderAdjustmentRow[];
  /** Rows that failed parseTable, then the ledger's own issues (links between rows). */
  issues: RowIssue[];
}

export interface LedgerTables {
  charges: ChargeRow[];
  payments: PaymentRow[];
  postings: PostingRow[];
  payers: PayerRow[];
  providerAdjustments?: ProviderAdjustmentRow[];
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
export function refundedPaymentId(payment: PaymentRow): string | undefined {
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

/** Index the parsed tables (one pass over each) and add the ledger's issues to the ones given. */
export function buildLedger(tables: LedgerTables, issues: RowIssue[] = [], sheetRows: LedgerSheetRows = {}): Ledger {
  const { charges, payments, postings, payers } = tables;
  const found: RowIssue[] = [];
  // When a table has rows that failed their checks, a missing id may be on one of those rows.
  const orBadRow = (table: string) => (issues.some((issue) => issue.table === table) ? " (or its row there has a problem)" : "");
  const notInCharges = `is not in the Charges table${orBadRow(Charges.name)}`;
  const notInPayments = `is not in the Payments table${orBadRow(Payments.name)}`;
  const notInPostings = `is not in the Postings table${orBadRow(Postings.name)}`;
  const notInPayers = `is not in the Payers table${orBadRow(Payers.name)}`;

  // Keys are matched exactly as written: parseTable already refuses two rows whose keys differ only
  // in case, so a workbook read through readLedger never has that ambiguity.
  // `positionOf`, when given, gets each id's row position too (the first row's, like byId); `repeated`
  // gets the positions of the later rows that repeat an id.
  function indexRows<R>(
    rows: R[],
    table: string,
    column: string,
    key: (row: R) => string,
    rowNumbers?: number[],
    positionOf?: Map<string, number>,
    repeated?: number[],
  ): Map<string, R> {
    const byId = new Map<string, R>();
    for (let i = 0; i < rows.length; i++) {
      const id = key(rows[i]);
      if (byId.has(id)) {
        found.push({ table, row: rowOf(rowNumbers, i), column, message: `"${id}" is used by an earlier row too; the first one counts` });
        repeated?.push(i);
      } else {
        byId.set(id, rows[i]);
        positionOf?.set(id, i);
      }
    }
    return byId;
  }
  const payerById = indexRows(payers, Payers.name, "PayerID", (p) => p.payerId, sheetRows.payers);
  const chargeRowOf = new Map<string, number>();
  const repeatedCharges: number[] = [];
  const chargeById = indexRows(charges, Charges.name, "ChargeID", (c) => c.chargeId, sheetRows.charges, chargeRowOf, repeatedCharges);
  const paymentById = indexRows(payments, Payments.name, "PaymentID", (p) => p.paymentId, sheetRows.payments);
  const postingById = indexRows(postings, Postings.name, "PostingID", (p) => p.postingId, sheetRows.postings);

  for (let i = 0; i < charges.length; i++) {
    const { payerId } = charges[i];
    if (payerById.has(payerId) || isSelfPay(payerId, undefined)) continue;
    found.push({
      table: Charges.name,
      row: rowOf(sheetRows.charges, i),
      column: "PayerID",
      message: `payer "${payerId}" ${notInPayers}: the line is counted as billed to insurance`,
    });
  }

  payments.forEach((payment, i) => {
    const row = rowOf(sheetRows.payments, i);
    if (payment.payerId === undefined && payment.patientId === undefined) {
      found.push({
        table: Payments.name,
        row,
        column: "PayerID",
        message: "the payment has neither a PayerID nor a PatientID (counted as the patient's)",
      });
    }
    if (payment.amount >= 0) return;
    const refunded = refundedPaymentId(payment);
    if (refunded === undefined) {
      found.push({
        table: Payments.name,
        row,
        column: "Amount",
        message: `a negative payment (${formatMoney(payment.amount)}) must say which payment it refunds, with a Reference like "REFUND PM000123"`,
      });
    } else if (!paymentById.has(refunded)) {
      found.push({
        table: Payments.name,
        row,
        column: "Reference",
        message: `refunds payment "${refunded}", which ${notInPayments}`,
      });
    }
  });

  // A plain loop with no closure per row: this runs two million times on a large practice. A
  // posting's charge is found by its row position, and its list kept by position; the lists of
  // charges that aren't in Charges are kept by id apart. Whether a payment exists is looked up once,
  // on its first posting; later postings ask the (mostly empty) set of missing ones.
  const postingsByChargeRow: (PostingRow[] | undefined)[] = new Array(charges.length);
  const postingsOfUnknownCharge = new Map<string, PostingRow[]>();
  const postingsByPayment = new Map<string, PostingRow[]>();
  const missingPayments = new Set<string>();
  for (let i = 0; i < postings.length; i++) {
    const posting = postings[i];
    const { chargeId, reverses } = posting;
    const row = chargeRowOf.get(chargeId);
    if (row !== undefined) {
      const list = postingsByChargeRow[row];
      if (list) list.push(posting);
      else postingsByChargeRow[row] = [posting];
    } else {
      const list = postingsOfUnknownCharge.get(chargeId);
      if (list) list.push(posting);
      else postingsOfUnknownCharge.set(chargeId, [posting]);
      postingIssue(found, sheetRows, i, "ChargeID", `charge "${chargeId}" ${notInCharges}`);
    }
    let original: PostingRow | undefined;
    if (reverses !== undefined) {
      original = postingById.get(reverses);
      if (!original) postingIssue(found, sheetRows, i, "Reverses", `it reverses posting "${reverses}", which ${notInPostings}`);
      else if (original.chargeId !== chargeId) {
        postingIssue(
          found,
          sheetRows,
          i,
          "Reverses",
          `it reverses posting "${reverses}", which is on charge "${original.chargeId}", not "${chargeId}"`,
        );
      }
    }
    // A reversal may leave PaymentID and Group blank: it takes them from the posting it reverses.
    const paymentId = posting.paymentId ?? original?.paymentId;
    if (paymentId !== undefined) {
      const made = postingsByPayment.get(paymentId);
      if (made) made.push(posting);
      else {
        postingsByPayment.set(paymentId, [posting]);
        if (!paymentById.has(paymentId)) missingPayments.add(paymentId);
      }
    }
    if (posting.paymentId !== undefined && missingPayments.size > 0 && missingPayments.has(posting.paymentId)) {
      postingIssue(
        found,
        sheetRows,
        i,
        "PaymentID",
        `payment "${posting.paymentId}" ${notInPayments}: its Paid is counted as the line's payer's`,
      );
    }
    if (posting.paid !== undefined && posting.paid !== 0 && paymentId === undefined) {
      postingIssue(
        found,
        sheetRows,
        i,
        "Paid",
        `${formatMoney(posting.paid)} paid with no PaymentID (counted as paid by the line's payer)`,
      );
    }
    if (posting.adjustment !== undefined && posting.adjustment !== 0 && (posting.group ?? original?.group) === undefined) {
      postingIssue(
        found,
        sheetRows,
        i,
        "Group",
        `the adjustment of ${formatMoney(posting.adjustment)} has no group (CO, OA, PI, PR or WO): counted as an office write-off`,
      );
    }
  }

  // The by-id index of the lists: Charges' own (a repeated ChargeID shares the first row's list), then
  // those of charges that aren't in Charges.
  const postingsByCharge = new Map<string, PostingRow[]>();
  for (let i = 0; i < charges.length; i++) {
    const list = postingsByChargeRow[i];
    if (list) postingsByCharge.set(charges[i].chargeId, list);
  }
  for (const i of repeatedCharges) postingsByChargeRow[i] = postingsByCharge.get(charges[i].chargeId);
  for (const [chargeId, list] of postingsOfUnknownCharge) postingsByCharge.set(chargeId, list);

  return {
    charges,
    payments,
    postings,
    payers,
    chargeById,
    paymentById,
    postingById,
    postingsByCharge,
    postingsByChargeRow,
    postingsByPayment,
    providerAdjustments: tables.providerAdjustments ?? [],
    issues: [...issues, ...found],
  };
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
    if (!raw) return { rows: [], sheetRows: [] };
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
    {
      charges: charges.rows,
      payments: payments.rows,
      postings: postings.rows,
      payers: payers.rows,
      providerAdjustments: providerAdjustments.rows,
    },
    issues,
    { charges: charges.sheetRows, payments: payments.sheetRows, postings: postings.sheetRows, payers: payers.sheetRows },
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
