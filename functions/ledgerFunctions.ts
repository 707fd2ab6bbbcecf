// MEDBILL.BALANCES: the ledger's balances in cells. One call per column: the charge IDs come in as a
// range, the Charges, Postings (and, for the insurance/patient split, Payments and Payers) tables come
// in whole with their header rows (Charges[#All]), and one answer per ID goes out in the IDs' shape.
// This module only reads the arguments and turns answers into cells: which lines the tables can answer,
// and why not, is balancesInTables' (src/ledger/), read once per change of the tables so each ID is a
// map lookup and a tally of that line's postings. The book read is kept for the next call over the same
// tables (tableCache: the key is every cell of the four tables, compared in full; the as-of date and
// "what" are applied per call), so a column filled down with one formula per row, or several columns
// asking for different answers, reads the tables once.
//
// As cells: an ID that is not in Charges is #N/A "no charge line <id>"; a line whose answer rests on
// a bad row is #VALUE! with the row's reason; money is dollars, the status text. Without the Payments
// table "insurance", "patient" and "status" are #VALUE! saying so, and "balance", "charge", "paid",
// "adjustments" still answer. Self-pay follows the engine: the line's payer has Type "Self-pay" in the
// Payers table (the last, optional argument), or its PayerID is blank or "SELF". Row numbers count the
// header row as row 1, as on a sheet whose table starts at the top (as Setup makes them).
import type { IsoDate } from "../src/dates";
import {
  answerForLine,
  BALANCE_ANSWERS,
  balancesAsOf,
  readBalanceBook,
  whyNoAnswers,
  type BalanceAnswer,
  type BalanceBook,
} from "../src/ledger/balancesInTables";
import { centsToNumber } from "../src/money";
import { asText } from "../src/workbook/cells";
import { Charges, Payers, Payments, Postings } from "../src/workbook/tables";
import { answerEach, CellErrors, cellRows, isBlankCell, readDate, type Answer } from "./cellRanges";
import { TableCache } from "./tableCache";

/** How a biller may type the `what` argument, spaces, dashes and case aside. */
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

/**
 * The books BALANCES read last, by their four tables. Two: a sheet that asks the same tables (any as-of
 * date, any answer) needs one, and a second spares a workbook that alternates between two sets.
 */
export const balanceBooks = new TableCache<BalanceBook>(2);

/** The one cell of an argument that is a single cell (cellRows' 1x1), looked at without copying a whole table's rows. */
function onlyCell(argument: unknown): { one: true; cell: unknown } | { one: false } {
  if (!Array.isArray(argument)) return { one: true, cell: argument };
  if (argument.length !== 1) return { one: false };
  const row: unknown = argument[0];
  if (!Array.isArray(row)) return { one: true, cell: row };
  return row.length === 1 ? { one: true, cell: row[0] } : { one: false };
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
  const misplaced = onlyCell(paymentsTable ?? [[null]]);
  if (misplaced.one && !isBlankCell(misplaced.cell) && readWhat(misplaced.cell).ok) {
    return answerAll(
      `"${asText(misplaced.cell)}" is where the Payments table goes: "what" comes 5th, like =MEDBILL.BALANCES(A2:A500, Charges[#All], Postings[#All], Payments[#All], "${asText(misplaced.cell)}")`,
    );
  }
  const when = readAsOf(asOf);
  if (!when.ok) return answerAll(when.reason);
  const read = balanceBooks.get(
    [
      { name: Charges.name, cells: chargesTable },
      { name: Postings.name, cells: postingsTable },
      { name: Payments.name, cells: paymentsTable },
      { name: Payers.name, cells: payersTable },
    ],
    ([charges, postings, payments, payers]) => readBalanceBook({ charges, postings, payments, payers }),
  );
  const book = balancesAsOf(read, when.asOf);
  const none = whyNoAnswers(book, asked.what);
  if (none) return answerAll(none);

  return answerEach(ids, (id) => {
    if (isBlankCell(id)) return "";
    const found = answerForLine(book, id, asked.what);
    if (!found.ok) return found.notFound ? errors.notAvailable(found.reason) : errors.invalidValue(found.reason);
    return typeof found.value === "number" ? centsToNumber(found.value) : found.value;
  });
}
