// The statement run: which accounts get a statement on a date, their documents numbered in order,
// and the re-print of a document already issued. The rules:
//
// - An account gets a statement when it owes at least the minimum (and more than nothing), has had
//   no statement in the last `cycleDays` days (a statement exactly that many days old is due again),
//   and its Patients "Account Status" is not Hold, Collections or Closed.
// - A whole-practice run lists in `skipped` the accounts that owe the minimum but are held back
//   (status, cycle, not in Patients); the many that owe less are left out quietly. A run for chosen
//   accounts lists every chosen account it leaves out, with the reason.
// - Documents are sorted by account id and numbered S000001, S000002… after the highest number of
//   the series in the Statements table: the numbers of a run follow the last run's without a gap.
//   Nothing is numbered until the run is issued (the Statements rows are the layout's plan).
// - Re-printing rebuilds an issued document as of its own date with its own number.
//
// One StatementIndex (one lineBalances call) serves the whole run: linear in lines and accounts.
import { daysBetween, type IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import type { StatementRow } from "../workbook/tables";
import type { DocumentKind, StatementDocument } from "./model";
import { documentKindOf, invoiceFor, patientStatement, StatementIndex } from "./statement";
import type { StatementBooks } from "./statementBooks";

export interface BatchOptions {
  date: IsoDate;
  /** Default: the Practice table's "Statement Minimum". */
  minBalance?: Cents;
  /** Default: the Practice table's "Statement Cycle Days". */
  cycleDays?: number;
  /** Only these accounts (one or a chosen few); default every account with charges. */
  accounts?: string[];
}

/** One line of the preview: who gets what. */
export interface BatchPick {
  account: string;
  name: string;
  amountDue: Cents;
  lines: number;
}

export interface BatchPreview {
  documents: StatementDocument[];
  skipped: { account: string; reason: string }[];
  total: Cents;
}

const HELD_BACK: Record<string, string> = {
  Hold: "the account is on hold (Patients, Account Status)",
  Collections: "the account is with a collection agency (Patients, Account Status)",
  Closed: "the account is closed (Patients, Account Status)",
};

const PREFIX: Record<DocumentKind, string> = { Statement: "S", Invoice: "I" };
const byAccount = new Intl.Collator("en", { numeric: true }).compare;

/**
 * The next `count` numbers of a series ("S000124", "S000125"…), after the highest one the
 * Statements table holds: the rows of that kind (their trailing digits, whatever their prefix) and
 * any number written in the series' own form. Six digits, more when the series outgrows them.
 */
export function nextNumbers(statements: StatementRow[], kind: DocumentKind, count: number): string[] {
  const prefix = PREFIX[kind];
  const own = new RegExp(`^${prefix}(\\d+)$`, "i");
  let highest = 0;
  for (const row of statements) {
    const number = row.number.trim();
    const digits = own.exec(number)?.[1] ?? (documentKindOf(row) === kind ? /(\d+)$/.exec(number)?.[1] : undefined);
    if (digits !== undefined) highest = Math.max(highest, Number(digits));
  }
  return Array.from({ length: count }, (_, i) => `${prefix}${String(highest + i + 1).padStart(6, "0")}`);
}

/** The statements of a run, numbered, with the accounts left out and why. Pure: nothing is written. */
export function statementBatch(books: StatementBooks, options: BatchOptions): BatchPreview {
  const { date } = options;
  const minBalance = options.minBalance ?? books.settings.minBalance;
  const cycleDays = options.cycleDays ?? books.settings.cycleDays;
  const index = new StatementIndex(books, date);
  const chosen = options.accounts !== undefined;
  const accounts = chosen
    ? [...new Set(options.accounts!.map((a) => a.trim()).filter((a) => a !== ""))]
    : [...new Set([...index.linesByPatient.keys()])];
  accounts.sort(byAccount);

  const documents: StatementDocument[] = [];
  const skipped: BatchPreview["skipped"] = [];
  for (const account of accounts) {
    const patient = index.patientById.get(account);
    if (!patient && !index.linesByPatient.has(account)) {
      skipped.push({ account, reason: "not in the Patients table and no charges" });
      continue;
    }
    const amountDue = index.amountDue(account);
    const owes = amountDue > 0 && amountDue >= minBalance;
    // In a whole-practice run an account that owes less than the minimum is simply not listed.
    if (!chosen && !owes) continue;
    const reason = heldBack(index, account, amountDue, { owes, minBalance, cycleDays });
    if (reason) skipped.push({ account, reason });
    else documents.push(index.statement(account, ""));
  }
  const numbers = nextNumbers(books.statements, "Statement", documents.length);
  documents.forEach((doc, i) => (doc.number = numbers[i]));
  return { documents, skipped, total: documents.reduce((sum, doc) => sum + doc.amountDue, 0) };
}

function heldBack(
  index: StatementIndex,
  account: string,
  amountDue: Cents,
  rules: { owes: boolean; minBalance: Cents; cycleDays: number },
): string | undefined {
  const patient = index.patientById.get(account);
  if (!patient) return "not in the Patients table, so there is no name or address to send a statement to";
  const status = patient.accountStatus ? HELD_BACK[patient.accountStatus] : undefined;
  if (status) return status;
  const last = index.latestDocument("Statement", account);
  if (last) {
    const days = daysBetween(last.date, index.date);
    if (days < 0) return `statement ${last.number} is dated ${last.date}, after this run's date`;
    if (days < rules.cycleDays) {
      return `statement ${last.number} went out ${days === 0 ? "today" : `${days} day${days === 1 ? "" : "s"} ago`} (${last.date}); the cycle is ${rules.cycleDays} days`;
    }
  }
  if (!rules.owes) {
    return amountDue === 0 ? "owes nothing now" : `owes ${formatMoney(amountDue)}, under the minimum of ${formatMoney(rules.minBalance)}`;
  }
  return undefined;
}

/** Who gets what, for the preview list. */
export function batchPicks(preview: BatchPreview): BatchPick[] {
  return preview.documents.map((doc) => ({ account: doc.account, name: doc.to.name, amountDue: doc.amountDue, lines: doc.lines.length }));
}

/**
 * An issued statement or invoice rebuilt as of its own date, with its own number (a re-print issues
 * no new number). Throws, in words, when the number is not in the Statements table.
 */
export function reprint(books: StatementBooks, number: string): StatementDocument {
  const wanted = number.trim().toUpperCase();
  const row = books.statements.find((s) => s.number.trim().toUpperCase() === wanted);
  if (!row) throw new Error(`There is no statement or invoice numbered "${number.trim()}" in the Statements table.`);
  const at = { date: row.date, number: row.number };
  return documentKindOf(row) === "Invoice" ? invoiceFor(books, row.account, at) : patientStatement(books, row.account, at);
}
