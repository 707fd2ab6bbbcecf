// Every line's balances from tables exactly as a sheet holds them (header row and all, bad rows
// included), each line with what stops its answers. The balances themselves are lineBalances'; this
// module owns the doubts: which lines a bad row or a broken link leaves unanswerable, and why.
//
// Never a wrong number: a line whose answer the tables cannot settle carries a reason instead.
// - a Charges row that fails its checks: its ID carries the row's reason (`badCharges`);
// - a Postings row that fails its checks: a doubt on every answer of the line its ChargeID names (and
//   the whole book is unusable when its ChargeID cannot be read: it could belong to any line); a
//   posting whose reversal link is wrong (ledger issue on Reverses) does the same;
// - who paid (insurance or patient) needs the Payments table. With it, a line whose split rests on a
//   bad Payments or Payers row, a Paid with no payment behind it, or an adjustment with no group has
//   its split in doubt; its balance, charge, paid and adjustments still stand.
// - as of a date, a line served after it is not on the books yet (`later`: it owes nothing then).
// Row numbers are the tables' sheet rows (parseTable's), so a reason names the row a biller sees.
//
// The book is read once from the tables and answers any as-of date (balancesAsOf): the tables' checks,
// the ledger and the doubts do not depend on the date, only each line's figures do, and those are worked
// out for the IDs asked, when asked (LineTally), so a book over 100,000 lines answering 100 IDs tallies
// 100 lines. MEDBILL.BALANCES keeps the last books it read (functions/tableCache.ts) for exactly that.
import type { IsoDate } from "../dates";
import type { Cents } from "../money";
import { describeIssue, parseTable, tableArgumentMissing, type ParsedTable } from "../workbook/mapTable";
import type { CellValue, RawTable } from "../workbook/port";
import { Charges, Payers, Payments, Postings } from "../workbook/tables";
import { asText } from "../workbook/cells";
import { lineBalanceAt, LineTally, type LineBalance } from "./balances";
import { IdNumbers } from "./idNumbers";
import { buildLedger, sheetRowsOf, type Ledger } from "./ledger";

/** The status of a line served after the as-of date: like aging, it is not counted then (0 owed). */
export const NOT_YET_SERVED = "not yet served";

/** What can be asked of one line, in a biller's words. */
export const BALANCE_ANSWERS = ["balance", "insurance", "patient", "status", "charge", "paid", "adjustments"] as const;
export type BalanceAnswer = (typeof BALANCE_ANSWERS)[number];

/** The answers that depend on who paid, which only the Payments table (and Payers) can tell. */
export const SPLIT_ANSWERS: ReadonlySet<BalanceAnswer> = new Set<BalanceAnswer>(["insurance", "patient", "status"]);

/** Why a line cannot be answered: for every answer, or only for the insurance/patient split. */
export interface Doubt {
  all?: string;
  split?: string;
}

/** The tables of one question, read and checked, with what stops some or all of the answers. */
export interface BalanceBook {
  /** The ledger the tables make; undefined when the book is unusable. */
  ledger?: Ledger;
  /**
   * Each line's position in ledger.charges, by charge ID in lower case (IDs are unique without regard to
   * case): the ID's number in `ids`, then `line` at that number. Not a Map: a Map of 100,000 IDs costs a
   * tenth of a second on the machines we measure on, a good part of a whole BALANCES call.
   */
  lineOf: { ids: IdNumbers; line: Int32Array };
  /** Reasons by charge ID in lower case. */
  doubts: Map<string, Doubt>;
  /** Charge IDs whose Charges row failed its checks, with the row's reason. */
  badCharges: Map<string, string>;
  /** Why no answer at all can be given (a table without a needed column...). */
  unusable?: string;
  /** Whether a Payments table was given: without it who paid is unknown. */
  paymentsGiven: boolean;
  /** Why the split answers cannot be given though Payments was: it or Payers lacks a needed column. */
  noSplit?: string;
  /** The date the answers are for: lines served and postings dated on or before it (every one when undefined). */
  asOf?: IsoDate;
  /** The tally answers are worked out with, made at the first answer for this as-of date. */
  tally?: LineTally;
}

/** The tables as read from the sheet; Payments and Payers may be left out. */
export interface BalanceTables {
  charges?: RawTable;
  postings?: RawTable;
  payments?: RawTable;
  payers?: RawTable;
}

const key = (id: unknown) => asText(id).toLowerCase();

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The issues of each failed row, by the row's index in the table's body, joined in one reason. */
function failedRows(parsed: ParsedTable<unknown>, raw: RawTable): Map<number, string> {
  const byIndex = new Map<number, string>();
  for (const issue of parsed.issues) {
    const index = issue.row - raw.headerRow - 1;
    if (index < 0) continue;
    const before = byIndex.get(index);
    // "Charges row 9, Amount: ...; DOS is blank": the row once, then each of its problems.
    const more = issue.message === "is blank" ? `${issue.column} is blank` : `${issue.column ? `${issue.column}: ` : ""}${issue.message}`;
    byIndex.set(index, before ? `${before}; ${more}` : describeIssue(issue));
  }
  return byIndex;
}

/** The raw text of a field in a body row, lower case, or undefined when the cell is blank. */
function rawKey(raw: RawTable, parsed: ParsedTable<unknown>, field: string, index: number): string | undefined {
  const column = parsed.mapping.columns[field];
  const value = column ? raw.rows[index]?.[column.index] : undefined;
  return isBlank(value) ? undefined : key(value);
}

function doubt(doubts: Map<string, Doubt>, chargeId: string, kind: keyof Doubt, reason: string): void {
  const id = chargeId.toLowerCase();
  const found = doubts.get(id) ?? {};
  // The first reason is kept: it names the row a biller should fix first.
  if (found[kind] === undefined) found[kind] = reason;
  doubts.set(id, found);
}

/** Read the tables and work out every line's balances as of a date, with the doubts on each. */
export function balancesInTables(tables: BalanceTables, asOf?: IsoDate): BalanceBook {
  return balancesAsOf(readBalanceBook(tables), asOf);
}

/**
 * The same book answering as of another date (every posting when undefined). The book read from the
 * tables is shared, not copied: nothing in it changes once read.
 */
export function balancesAsOf(book: BalanceBook, asOf?: IsoDate): BalanceBook {
  const dated: BalanceBook = { ...book, tally: undefined };
  if (asOf === undefined) delete dated.asOf;
  else dated.asOf = asOf;
  return dated;
}

/** Read and check the tables once: the ledger, where each line is, and the doubts, for any as-of date. */
export function readBalanceBook(tables: BalanceTables): BalanceBook {
  const book: BalanceBook = {
    lineOf: { ids: new IdNumbers(), line: new Int32Array(0) },
    doubts: new Map(),
    badCharges: new Map(),
    paymentsGiven: false,
  };
  const { charges: chargesRaw, postings: postingsRaw, payments: paymentsRaw, payers: payersRaw } = tables;
  if (!chargesRaw) return { ...book, unusable: "the Charges table is missing: pass it with its headers, like Charges[#All]" };
  if (!postingsRaw) return { ...book, unusable: "the Postings table is missing: pass it with its headers, like Postings[#All]" };

  const charges = parseTable(Charges, chargesRaw);
  const postings = parseTable(Postings, postingsRaw);
  const unusable = tableArgumentMissing(charges, Charges) ?? tableArgumentMissing(postings, Postings);
  if (unusable) return { ...book, unusable };
  const payments = paymentsRaw ? parseTable(Payments, paymentsRaw) : undefined;
  const payers = payersRaw ? parseTable(Payers, payersRaw) : undefined;
  book.paymentsGiven = payments !== undefined;
  book.noSplit = payments
    ? (tableArgumentMissing(payments, Payments) ?? (payers ? tableArgumentMissing(payers, Payers) : undefined))
    : undefined;

  const ledger = buildLedger(
    // As parsed: the ledger reads their columns; no row becomes an object unless something reads it.
    { charges, postings, payments: payments ?? [], payers: payers ?? [] },
    // The rows that failed, so the ledger's words about a missing id can say it may be on one of them.
    [...charges.issues, ...postings.issues, ...(payments?.issues ?? []), ...(payers?.issues ?? [])],
    sheetRowsOf({ charges, postings, payments, payers }),
    // parseTable refused every repeated key (without regard to case), as for ledgerFromTables.
    { keysChecked: true },
  );
  // IDs are unique without regard to case (parseTable refuses a repeat), so each line has one place.
  const lines = charges.columns.chargeId as string[];
  const ids = new IdNumbers(lines.length);
  const line = new Int32Array(lines.length);
  // The last line with an ID counts, as a Map set line by line would have it (there is only one).
  for (let i = 0; i < lines.length; i++) line[ids.of(lines[i].toLowerCase())] = i;
  book.lineOf = { ids, line };
  book.ledger = ledger;

  for (const [index, reason] of failedRows(charges, chargesRaw)) {
    const id = rawKey(chargesRaw, charges, "chargeId", index);
    if (id !== undefined && !book.badCharges.has(id)) book.badCharges.set(id, reason);
  }
  for (const [index, reason] of failedRows(postings, postingsRaw)) {
    const id = rawKey(postingsRaw, postings, "chargeId", index);
    const why = `${reason} (fix that posting to see this line's balance)`;
    if (id === undefined) return { ...book, unusable: `${reason}: without its ChargeID that posting could belong to any line` };
    doubt(book.doubts, id, "all", why);
  }
  if (book.paymentsGiven && book.noSplit === undefined) doubtSplits(book, ledger, { payments, paymentsRaw, payers, payersRaw });
  doubtLedgerIssues(book, ledger, postings, charges, payments);
  return book;
}

/** Lines whose insurance/patient split rests on a Payments or Payers row that failed its checks. */
function doubtSplits(
  book: BalanceBook,
  ledger: Ledger,
  tables: { payments?: ParsedTable<unknown>; paymentsRaw?: RawTable; payers?: ParsedTable<unknown>; payersRaw?: RawTable },
): void {
  const { payments, paymentsRaw, payers, payersRaw } = tables;
  if (payments && paymentsRaw) {
    const bad = new Map<string, string>();
    for (const [index, reason] of failedRows(payments, paymentsRaw)) {
      const id = rawKey(paymentsRaw, payments, "paymentId", index);
      if (id !== undefined && !bad.has(id)) bad.set(id, reason);
    }
    if (bad.size > 0) {
      for (const posting of ledger.postings) {
        const reason = posting.paymentId === undefined ? undefined : bad.get(posting.paymentId.toLowerCase());
        if (reason) doubt(book.doubts, posting.chargeId, "split", `${reason} (who paid this line is unknown until it is fixed)`);
      }
    }
  }
  if (payers && payersRaw) {
    const bad = new Map<string, string>();
    for (const [index, reason] of failedRows(payers, payersRaw)) {
      const id = rawKey(payersRaw, payers, "payerId", index);
      if (id !== undefined && !bad.has(id)) bad.set(id, reason);
    }
    if (bad.size > 0) {
      for (const charge of ledger.charges) {
        const reason = bad.get(charge.payerId.toLowerCase());
        if (reason) doubt(book.doubts, charge.chargeId, "split", `${reason} (whether this line is self-pay is unknown until it is fixed)`);
      }
    }
  }
}

/**
 * The ledger's own issues (links between rows), on the lines they touch. A reversal linked wrongly may
 * leave a balance wrong; a Paid with no payment behind it, or an adjustment with no group, leaves only
 * the split in doubt. Issues that only exist because Payments or Payers were left out are not doubts:
 * the split is unavailable then anyway.
 */
function doubtLedgerIssues(
  book: BalanceBook,
  ledger: Ledger,
  postings: ParsedTable<{ chargeId: string }>,
  charges: ParsedTable<{ chargeId: string }>,
  payments: ParsedTable<{ paymentId: string }> | undefined,
): void {
  if (ledger.issues.length === 0) return;
  // Rows by sheet row, made only when an issue of that table asks (most books have no issue at all).
  let postingsByRow: Map<number, { chargeId: string }> | undefined;
  let chargesByRow: Map<number, { chargeId: string }> | undefined;
  let paymentsByRow: Map<number, { paymentId: string }> | undefined;
  const postingAt = (row: number) => (postingsByRow ??= indexByRow(postings)).get(row);
  const chargeAt = (row: number) => (chargesByRow ??= indexByRow(charges)).get(row);
  const paymentAt = (row: number) => (paymentsByRow ??= payments ? indexByRow(payments) : new Map()).get(row);
  const splitKnown = book.paymentsGiven && book.noSplit === undefined;
  for (const issue of ledger.issues) {
    const reason = describeIssue(issue);
    if (issue.table === Postings.name) {
      const posting = postingAt(issue.row);
      if (!posting) continue;
      if (issue.column === "ChargeID") continue; // a charge that is not there: no line to doubt
      if (issue.column === "PaymentID" || issue.column === "Paid" || issue.column === "Group") {
        if (splitKnown) doubt(book.doubts, posting.chargeId, "split", reason);
      } else doubt(book.doubts, posting.chargeId, "all", reason);
    } else if (issue.table === Charges.name && issue.column === "PayerID") {
      // Without a Payers table every payer is "not in the Payers table": the engine's SELF rule applies.
      const charge = chargeAt(issue.row);
      if (charge && splitKnown && ledger.payers.length > 0) doubt(book.doubts, charge.chargeId, "split", reason);
    } else if (issue.table === Payments.name && issue.column === "PayerID" && splitKnown) {
      const payment = paymentAt(issue.row);
      for (const posting of payment ? (ledger.postingsByPayment.get(payment.paymentId) ?? []) : []) {
        doubt(book.doubts, posting.chargeId, "split", reason);
      }
    }
  }
}

function indexByRow<T>(parsed: ParsedTable<T>): Map<number, T> {
  const byRow = new Map<number, T>();
  parsed.rows.forEach((row, i) => byRow.set(parsed.sheetRows[i], row));
  return byRow;
}

/** Why no line can give this answer, or undefined when each line answers for itself. */
export function whyNoAnswers(book: BalanceBook, what: BalanceAnswer): string | undefined {
  if (book.unusable) return book.unusable;
  if (!SPLIT_ANSWERS.has(what)) return undefined;
  if (!book.paymentsGiven) {
    return `"${what}" needs the Payments table to tell insurance payments from patient payments: pass Payments[#All] as the 4th argument`;
  }
  return book.noSplit;
}

/** One charge ID's answer: the figure, or why there is none (not in Charges, or a row it rests on is bad). */
export type LineAnswer = { ok: true; value: Cents | string } | { ok: false; notFound: boolean; reason: string };

/** The answer for one charge ID (any case), once whyNoAnswers has nothing against the question. */
export function answerForLine(book: BalanceBook, chargeId: unknown, what: BalanceAnswer): LineAnswer {
  const k = key(chargeId);
  const badRow = book.badCharges.get(k);
  if (badRow) return { ok: false, notFound: false, reason: badRow };
  const n = book.lineOf.ids.find(k);
  const i = n < 0 ? undefined : book.lineOf.line[n];
  const ledger = book.ledger;
  if (i === undefined || !ledger) return { ok: false, notFound: true, reason: `no charge line ${asText(chargeId)}` };
  const tally = (book.tally ??= new LineTally(ledger, book.asOf));
  // Served after the as-of date: not on the books yet, so it owes nothing then (doubts or not, as before).
  if (!tally.served(i)) return { ok: true, value: what === "status" ? NOT_YET_SERVED : 0 };
  const doubts = book.doubts.get(k);
  if (doubts?.all) return { ok: false, notFound: false, reason: doubts.all };
  if (SPLIT_ANSWERS.has(what) && doubts?.split) return { ok: false, notFound: false, reason: doubts.split };
  return { ok: true, value: tallyAnswer(tally, i, what) };
}

/**
 * lineAnswer for the i-th line, read off the tally without making its LineBalance (100,000 IDs asked,
 * 100,000 objects spared). Only the status needs one: its rule is lineBalances'.
 */
function tallyAnswer(t: LineTally, i: number, what: BalanceAnswer): Cents | string {
  if (what === "status") return lineAnswer(lineBalanceAt(t, i), what);
  t.tally(i);
  switch (what) {
    case "balance":
      return t.balance;
    case "insurance":
      return t.insuranceShare;
    case "patient":
      return t.patientShare;
    case "charge":
      return t.ledger.columns.lineAmount[i];
    case "paid":
      return t.insurancePaid + t.patientPaid + t.otherPayerPaid;
    case "adjustments":
      return t.co + t.oa + t.pi + t.wo;
  }
}

/** The answer a line gives: cents for money, the status as text. Paid counts whoever sent it. (tallyAnswer mirrors it.) */
export function lineAnswer(line: LineBalance, what: BalanceAnswer): Cents | string {
  switch (what) {
    case "balance":
      return line.balance;
    case "insurance":
      return line.insuranceShare;
    case "patient":
      return line.patientShare;
    case "status":
      return line.status;
    case "charge":
      return line.charge;
    case "paid":
      return line.insurancePaid + line.patientPaid + line.otherPayerPaid;
    case "adjustments": {
      // Patient responsibility moves money between shares; only these reduce what is owed.
      const { CO, OA, PI, WO } = line.adjustments;
      return CO + OA + PI + WO;
    }
  }
}
