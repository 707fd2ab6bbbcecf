// MEDBILL.BALANCES: the ledger's balances in cells. One call per column: the charge IDs come in as a
// range, the Charges, Postings (and, for the insurance/patient split, Payments and Payers) tables come
// in whole with their header rows (Charges[#All]), and one answer per ID goes out in the IDs' shape.
// Columns are found by header with the same aliases as everywhere else (mapTable), the ledger is
// built once per call (buildLedger, lineBalances of src/ledger/), and each ID is a map lookup.
//
// Never a wrong number: a cell whose answer the tables cannot settle is an error saying why.
// - an ID that is not in Charges: #N/A "no charge line <id>";
// - as of a date, a line served after it is not on the books yet (the one as-of rule of balances.ts,
//   as aging and statements count): 0 for money, "not yet served" for status;
// - a Charges row that fails its checks: #VALUE! with the row's reason, for its ID;
// - a Postings row that fails its checks: #VALUE! naming that row, on the line its ChargeID names (and
//   on every line when its ChargeID cannot be read: it could belong to any of them); a posting whose
//   reversal link is wrong (ledger issue on Reverses) does the same;
// - who paid (insurance or patient) needs the Payments table: without it "insurance", "patient" and
//   "status" are #VALUE! saying so, and "balance", "charge", "paid", "adjustments" still answer (a
//   posting's Paid counts whoever sent it). With it, a line whose split rests on a bad Payments or
//   Payers row, a Paid with no payment behind it, or an adjustment with no group answers the split
//   with #VALUE! naming the row; its balance, charge, paid and adjustments still answer.
// - self-pay follows the engine: the line's payer has Type "Self-pay" in the Payers table (the last,
//   optional argument), or its PayerID is blank or "SELF".
// Row numbers count the header row as row 1, as on a sheet whose table starts at the top (as Setup
// makes them).
import type { IsoDate } from "../src/dates";
import { lineBalances, servedBy, type LineBalance } from "../src/ledger/balances";
import { buildLedger, type Ledger } from "../src/ledger/ledger";
import { centsToNumber } from "../src/money";
import { asText } from "../src/workbook/cells";
import { describeIssue, parseTable, type ParsedTable } from "../src/workbook/mapTable";
import type { CellValue, RawTable } from "../src/workbook/port";
import { Charges, Payers, Payments, Postings, type TableDef } from "../src/workbook/tables";
import { answerEach, CellErrors, cellRows, isBlankCell, readDate, type Answer } from "./cellRanges";

/** The status of a line served after the as-of date: like aging, it is not counted then (0 owed). */
export const NOT_YET_SERVED = "not yet served";

/** What a BALANCES column shows, by the name typed as its `what` argument. */
export const BALANCE_ANSWERS = ["balance", "insurance", "patient", "status", "charge", "paid", "adjustments"] as const;
export type BalanceAnswer = (typeof BALANCE_ANSWERS)[number];

/** The answers that depend on who paid, which only the Payments table (and Payers) can tell. */
const SPLIT_ANSWERS = new Set<BalanceAnswer>(["insurance", "patient", "status"]);

const ANSWER_NAMES: Record<string, BalanceAnswer> = {
  balance: "balance",
  insurance: "insurance",
  insuranceshare: "insurance",
  patient: "patient",
  patientshare: "patient",
  status: "status",
  charge: "charge",
  amount: "charge",
  paid: "paid",
  payments: "paid",
  adjustments: "adjustments",
  adjustment: "adjustments",
};

/** Why a line cannot be answered: for every answer, or only for the insurance/patient split. */
interface Doubt {
  all?: string;
  split?: string;
}

/** The tables of one call, read and checked, with what stops some or all of the answers. */
export interface BalanceBook {
  lines: Map<string, LineBalance>;
  /** Charge IDs (lower case) served after the as-of date: not on the books yet, so they owe nothing then. */
  later: Set<string>;
  /** Reasons by charge ID in lower case (IDs are unique without regard to case). */
  doubts: Map<string, Doubt>;
  /** Charge IDs whose Charges row failed its checks, with the row's reason. */
  badCharges: Map<string, string>;
  /** Why no answer at all can be given (a table without a needed column...). */
  unusable?: string;
  /** Whether a Payments table was given: without it who paid is unknown. */
  paymentsGiven: boolean;
  /** Why the split answers cannot be given though Payments was: it or Payers lacks a needed column. */
  noSplit?: string;
}

const key = (id: unknown) => asText(id).toLowerCase();

/** A table argument as the port's RawTable: its first row is the header row. */
export function tableArgument(name: string, cells: unknown): RawTable | undefined {
  if (cells === null || cells === undefined) return undefined;
  const rows = cellRows(cells);
  // A blank cell where a table goes (a reference to an empty cell) is the same as leaving it out.
  if (rows.every((row) => row.every(isBlankCell))) return undefined;
  const headers = rows[0].map((h) => (isBlankCell(h) ? "" : asText(h)));
  const body = rows.slice(1).map((row) => row.map(cellValue));
  return { name, sheet: name, headers, rowCount: body.length, headerRow: 1, rows: body };
}

/** Cells as the port carries them; an Excel error inside a table becomes text, which fails where it matters. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : "#VALUE!";
}

function missingColumns<D extends TableDef>(parsed: ParsedTable<unknown>, def: D): string | undefined {
  if (parsed.mapping.missingRequired.length === 0) return undefined;
  const fields = def.fields as Record<string, { header: string }>;
  const names = parsed.mapping.missingRequired.map((f) => `"${fields[f].header}"`).join(", ");
  return `the ${def.name} table has no ${names} column: pass the whole table with its headers, like ${def.name}[#All]`;
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
  return isBlankCell(value) ? undefined : key(value);
}

function doubt(doubts: Map<string, Doubt>, chargeId: string, kind: keyof Doubt, reason: string): void {
  const id = chargeId.toLowerCase();
  const found = doubts.get(id) ?? {};
  // The first reason is kept: it names the row a biller should fix first.
  if (found[kind] === undefined) found[kind] = reason;
  doubts.set(id, found);
}

/**
 * Read the tables of one BALANCES call and work out every line's balances once. Payments and Payers
 * may be left out (undefined); the other two are needed.
 */
export function balanceBook(
  chargesCells: unknown,
  postingsCells: unknown,
  paymentsCells: unknown,
  payersCells: unknown,
  asOf?: IsoDate,
): BalanceBook {
  const book: BalanceBook = { lines: new Map(), later: new Set(), doubts: new Map(), badCharges: new Map(), paymentsGiven: false };
  const chargesRaw = tableArgument(Charges.name, chargesCells);
  const postingsRaw = tableArgument(Postings.name, postingsCells);
  if (!chargesRaw) return { ...book, unusable: "the Charges table is missing: pass it with its headers, like Charges[#All]" };
  if (!postingsRaw) return { ...book, unusable: "the Postings table is missing: pass it with its headers, like Postings[#All]" };
  const paymentsRaw = tableArgument(Payments.name, paymentsCells);
  const payersRaw = tableArgument(Payers.name, payersCells);

  const charges = parseTable(Charges, chargesRaw);
  const postings = parseTable(Postings, postingsRaw);
  const unusable = missingColumns(charges, Charges) ?? missingColumns(postings, Postings);
  if (unusable) return { ...book, unusable };
  const payments = paymentsRaw ? parseTable(Payments, paymentsRaw) : undefined;
  const payers = payersRaw ? parseTable(Payers, payersRaw) : undefined;
  book.paymentsGiven = payments !== undefined;
  book.noSplit = payments ? (missingColumns(payments, Payments) ?? (payers ? missingColumns(payers, Payers) : undefined)) : undefined;

  const ledger = buildLedger(
    { charges: charges.rows, postings: postings.rows, payments: payments?.rows ?? [], payers: payers?.rows ?? [] },
    // The rows that failed, so the ledger's words about a missing id can say it may be on one of them.
    [...charges.issues, ...postings.issues, ...(payments?.issues ?? []), ...(payers?.issues ?? [])],
    { charges: charges.sheetRows, postings: postings.sheetRows, payments: payments?.sheetRows, payers: payers?.sheetRows },
  );
  for (const line of lineBalances(ledger, asOf)) book.lines.set(line.chargeId.toLowerCase(), line);
  for (const charge of ledger.charges) if (!servedBy(charge, asOf)) book.later.add(charge.chargeId.toLowerCase());

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
  const postingAt = indexByRow(postings);
  const chargeAt = indexByRow(charges);
  const paymentAt = payments ? indexByRow(payments) : new Map<number, { paymentId: string }>();
  const splitKnown = book.paymentsGiven && book.noSplit === undefined;
  for (const issue of ledger.issues) {
    const reason = describeIssue(issue);
    if (issue.table === Postings.name) {
      const posting = postingAt.get(issue.row);
      if (!posting) continue;
      if (issue.column === "ChargeID") continue; // a charge that is not there: no line to doubt
      if (issue.column === "PaymentID" || issue.column === "Paid" || issue.column === "Group") {
        if (splitKnown) doubt(book.doubts, posting.chargeId, "split", reason);
      } else doubt(book.doubts, posting.chargeId, "all", reason);
    } else if (issue.table === Charges.name && issue.column === "PayerID") {
      // Without a Payers table every payer is "not in the Payers table": the engine's SELF rule applies.
      const charge = chargeAt.get(issue.row);
      if (charge && splitKnown && ledger.payers.length > 0) doubt(book.doubts, charge.chargeId, "split", reason);
    } else if (issue.table === Payments.name && issue.column === "PayerID" && splitKnown) {
      const payment = paymentAt.get(issue.row);
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

/** One line's answer: dollars for money, the status as text. */
export function balanceAnswer(line: LineBalance, what: BalanceAnswer): number | string {
  switch (what) {
    case "balance":
      return centsToNumber(line.balance);
    case "insurance":
      return centsToNumber(line.insuranceShare);
    case "patient":
      return centsToNumber(line.patientShare);
    case "status":
      return line.status;
    case "charge":
      return centsToNumber(line.charge);
    case "paid":
      return centsToNumber(line.insurancePaid + line.patientPaid + line.otherPayerPaid);
    case "adjustments": {
      const { CO, OA, PI, WO } = line.adjustments;
      return centsToNumber(CO + OA + PI + WO);
    }
  }
}

/** The `what` argument: one cell for the whole call; blank or left out is "balance". */
function readWhat(argument: unknown): { ok: true; what: BalanceAnswer } | { ok: false; reason: string } {
  const cells = cellRows(argument).flat();
  if (cells.length > 1) return { ok: false, reason: `give one "what" for the whole column (${BALANCE_ANSWERS.join(", ")})` };
  const cell = cells[0];
  if (isBlankCell(cell)) return { ok: true, what: "balance" };
  const what =
    ANSWER_NAMES[
      asText(cell)
        .toLowerCase()
        .replace(/[\s_-]+/g, "")
    ];
  return what
    ? { ok: true, what }
    : { ok: false, reason: `"${asText(cell)}" is not something BALANCES gives: use ${BALANCE_ANSWERS.join(", ")}` };
}

/** The `as_of` argument: one date for the whole call; blank or left out counts every posting. */
function readAsOf(argument: unknown): { ok: true; asOf?: IsoDate } | { ok: false; reason: string } {
  const cells = cellRows(argument).flat();
  if (cells.length > 1) return { ok: false, reason: "give one as-of date for the whole column" };
  const read = readDate(cells[0], "as-of date");
  return read.ok ? { ok: true, asOf: read.dos } : read;
}

/** MEDBILL.BALANCES: one answer per charge ID, in the IDs' shape. */
export function balancesCells(
  chargeIds: unknown,
  chargesTable: unknown,
  postingsTable: unknown,
  paymentsTable: unknown,
  what: unknown,
  asOf: unknown,
  payersTable: unknown,
): Answer[][] {
  const ids = cellRows(chargeIds);
  const errors = new CellErrors();
  const answerAll = (reason: string) => answerEach(ids, (id) => (isBlankCell(id) ? "" : errors.invalidValue(reason)));
  const asked = readWhat(what);
  if (!asked.ok) return answerAll(asked.reason);
  const misplaced = cellRows(paymentsTable ?? [[null]]);
  if (misplaced.length === 1 && misplaced[0].length === 1 && !isBlankCell(misplaced[0][0]) && readWhat(misplaced[0][0]).ok) {
    return answerAll(
      `"${asText(misplaced[0][0])}" is where the Payments table goes: "what" comes 5th, like =MEDBILL.BALANCES(A2:A500, Charges[#All], Postings[#All], Payments[#All], "${asText(misplaced[0][0])}")`,
    );
  }
  const when = readAsOf(asOf);
  if (!when.ok) return answerAll(when.reason);
  const book = balanceBook(chargesTable, postingsTable, paymentsTable, payersTable, when.asOf);
  if (book.unusable) return answerAll(book.unusable);
  const split = SPLIT_ANSWERS.has(asked.what);
  if (split && !book.paymentsGiven) {
    return answerAll(
      `"${asked.what}" needs the Payments table to tell insurance payments from patient payments: pass Payments[#All] as the 4th argument`,
    );
  }
  if (split && book.noSplit) return answerAll(book.noSplit);

  return answerEach(ids, (id) => {
    if (isBlankCell(id)) return "";
    const k = key(id);
    const badRow = book.badCharges.get(k);
    if (badRow) return errors.invalidValue(badRow);
    const line = book.lines.get(k);
    if (!line && book.later.has(k)) return asked.what === "status" ? NOT_YET_SERVED : 0;
    if (!line) return errors.notAvailable(`no charge line ${asText(id)}`);
    const doubts = book.doubts.get(k);
    if (doubts?.all) return errors.invalidValue(doubts.all);
    if (split && doubts?.split) return errors.invalidValue(doubts.split);
    return balanceAnswer(line, asked.what);
  });
}
