// What the Statements panel shows, as plain data so it can be tested in Node: the accounts, payers
// and issued numbers to pick from; the preview (who gets what: number, account, name, lines, pending
// insurance and amount due; the total; the messages by age; the accounts left out, grouped by why);
// why there is nothing to issue; and what was issued. Names appear only here, on the biller's
// screen: never in a file name, a log or an Audit row.
import type { IsoDate } from "../../src/dates";
import { formatMoney, type Cents } from "../../src/money";
import type { StatementDocument } from "../../src/statements/model";
import { documentKindOf, StatementIndex } from "../../src/statements/statement";
import type { StatementBooks } from "../../src/statements/statementBooks";
import { patientName, type PatientChoice } from "../payments/paymentBooks";
import { count, plural } from "../billerMessage";
import type { IssuedRun, StatementPreview } from "./statementRun";

/** Every account in the Patients table, with what its statement would ask on the date. */
export function accountChoices(books: StatementBooks, date: IsoDate): PatientChoice[] {
  const index = new StatementIndex(books, date);
  const seen = new Set<string>();
  const choices: PatientChoice[] = [];
  for (const p of books.patients) {
    if (seen.has(p.patientId)) continue;
    seen.add(p.patientId);
    choices.push({ patientId: p.patientId, name: patientName(p), due: index.amountDue(p.patientId) });
  }
  return choices;
}

/** The payers an invoice can go to: those of type Other (attorneys, employers, contracts). */
export function invoicePayers(books: StatementBooks): { payerId: string; name: string }[] {
  return books.payers.filter((p) => p.type === "Other").map((p) => ({ payerId: p.payerId, name: p.name }));
}

export interface IssuedChoice {
  number: string;
  /** "S000123 · 2026-06-30 · P00012 · $45.00". */
  label: string;
}

/** How many issued numbers the re-print list shows at once. */
export const ISSUED_SHOWN = 20;

/** Issued numbers starting with the query (case aside), newest first; with no query the newest. */
export function findIssued(books: StatementBooks, query: string, limit: number = ISSUED_SHOWN): IssuedChoice[] {
  const q = query.trim().toLowerCase();
  const found = books.statements.filter((s) => s.number.trim() !== "" && s.number.trim().toLowerCase().startsWith(q));
  found.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.number < b.number ? 1 : a.number > b.number ? -1 : 0));
  return found.slice(0, limit).map((s) => ({
    number: s.number.trim(),
    label: [
      s.number.trim(),
      s.date,
      documentKindOf(s) === "Invoice" ? `invoice to ${s.account}` : s.account,
      formatMoney(s.amountDue),
    ].join(" · "),
  }));
}

/** One document of the preview, as the list shows it. */
export interface PreviewRow {
  number: string;
  account: string;
  /** The name it is addressed to ("Jane Doe", or the payer's for an invoice). */
  name: string;
  lines: string;
  pending: string;
  amountDue: string;
  /** Set when the workbook has no address for it: it would print without one. */
  noAddress: boolean;
}

/** How many documents the preview lists; the rest are counted (the sheet has every one). */
export const ROWS_SHOWN = 100;

export function previewRows(documents: StatementDocument[], limit: number = ROWS_SHOWN): PreviewRow[] {
  return documents.slice(0, limit).map((d) => ({
    number: d.number,
    account: d.account,
    name: d.to.name,
    lines: plural(d.lines.length, "line"),
    pending: formatMoney(d.pendingInsurance),
    amountDue: formatMoney(d.amountDue),
    noAddress: d.kind === "Statement" && d.to.addressLines.length === 0,
  }));
}

/** "S000101 to S000142", or the one number. */
export function numberRange(documents: Pick<StatementDocument, "number">[]): string {
  if (documents.length === 0) return "";
  const first = documents[0].number;
  const last = documents[documents.length - 1].number;
  return first === last ? first : `${first} to ${last}`;
}

/** The preview's headline: how many, which numbers, the total due and what insurance still owes. */
export function previewSummary(preview: StatementPreview): string {
  const { documents, request } = preview;
  const kind = documents[0].kind.toLowerCase();
  const pending = preview.pendingInsurance > 0 ? ` Pending with insurance, not asked for: ${formatMoney(preview.pendingInsurance)}.` : "";
  if (request.job === "reprint") {
    return `Re-print of ${kind} ${documents[0].number} as of its date ${preview.date}: amount due ${formatMoney(preview.total)}, no new number.${pending}`;
  }
  const what = `${plural(documents.length, kind)} dated ${preview.date}, numbered ${numberRange(documents)}`;
  return `${what}: amount due ${formatMoney(preview.total)} in all.${pending}`;
}

/** The dunning message each statement would carry, counted by the age of its oldest amount owed. */
export function messageCounts(documents: StatementDocument[]): string | undefined {
  const statements = documents.filter((d) => d.kind === "Statement");
  if (statements.length === 0) return undefined;
  const counts = { current: 0, "at 31-60 days": 0, "at 61-90 days": 0, "over 90 days": 0 };
  for (const d of statements) {
    if (d.aging.over90 > 0) counts["over 90 days"]++;
    else if (d.aging.days61to90 > 0) counts["at 61-90 days"]++;
    else if (d.aging.days31to60 > 0) counts["at 31-60 days"]++;
    else counts.current++;
  }
  const parts = Object.entries(counts)
    .filter(([, c]) => c > 0)
    .map(([age, c]) => `${count(c)} ${age}`);
  return `Messages (the Practice table's texts): ${parts.join(", ")}.`;
}

/** The engine's reasons, grouped: the account-specific parts (numbers, dates, amounts) left out. */
export function reasonGroup(reason: string): string {
  if (/^statement \S+ went out/.test(reason)) return "had a statement within the cycle";
  if (/^statement \S+ is dated .* after this run's date/.test(reason)) return "have a statement dated after this date";
  if (/^owes nothing now$/.test(reason)) return "owe nothing now";
  if (/^owes .*under the minimum/.test(reason)) return "owe less than the minimum";
  if (/on hold/.test(reason)) return "on hold";
  if (/collection agency/.test(reason)) return "with a collection agency";
  if (/closed/.test(reason)) return "closed";
  if (/not in the Patients table/.test(reason)) return "not in the Patients table";
  return "left out for another reason";
}

/** How many accounts the left-out list names; the rest are counted. */
export const SKIPPED_SHOWN = 25;

export interface SkippedView {
  /** "3 had a statement within the cycle", "1 on hold"…, most first. */
  groups: { reason: string; count: number }[];
  shown: { account: string; reason: string }[];
  more: number;
}

export function skippedView(skipped: StatementPreview["skipped"], limit: number = SKIPPED_SHOWN): SkippedView {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const group = reasonGroup(s.reason);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const groups = [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  return { groups, shown: skipped.slice(0, limit), more: Math.max(0, skipped.length - limit) };
}

/** Why a preview has nothing to issue, in one or two sentences. */
export function nothingText(preview: StatementPreview, books: Pick<StatementBooks, "payers">): { title: string; body: string } {
  const { request, skipped } = preview;
  if (request.job === "invoice") {
    const payer = books.payers.find((p) => p.payerId === request.payerId)?.name ?? request.payerId;
    return { title: "Nothing to invoice", body: `${payer} has no lines to invoice and owes nothing on ${request.date}.` };
  }
  if (request.job === "account") {
    const why = skipped[0]?.reason;
    return {
      title: `Nothing to issue on ${request.date}`,
      body: why
        ? `Account ${request.account} is left out: ${why}. A lower minimum or a shorter cycle sends it anyway.`
        : `Account ${request.account} has nothing to send.`,
    };
  }
  if (request.job === "reprint") return { title: "Nothing to re-print", body: "Enter an issued number." };
  const rules = `at least ${formatMoney(request.minBalance)}`;
  const cycle = skipped.filter((s) => reasonGroup(s.reason) === "had a statement within the cycle").length;
  const others = skipped.length - cycle;
  const parts = [
    `No account owes ${rules}, has had no statement in the last ${plural(request.cycleDays, "day")} and is free to be sent one.`,
  ];
  if (cycle > 0) {
    parts.push(
      `${plural(cycle, "account")} that ${cycle === 1 ? "owes" : "owe"} it already had a statement within the cycle (${cycle === 1 ? "its number is" : "their numbers are"} listed below), so running the batch again issues nothing new.`,
    );
  }
  if (others > 0) parts.push(`${plural(others, "other account")} ${others === 1 ? "is" : "are"} held back, listed below.`);
  return { title: `Nothing to issue on ${request.date}`, body: parts.join(" ") };
}

/** What the success message says once issued. */
export function issuedText(issued: IssuedRun): { title: string; body: string } {
  const sheets = issued.sheets.map((s) => `"${s}"`);
  const where = `on the ${sheets.length === 1 ? "sheet" : "sheets"} ${sheets.join(" and ")}`;
  const { documents, request } = issued;
  if (issued.reprint) {
    const doc = documents[0];
    return {
      title: `${doc.kind} re-printed`,
      body: `${doc.kind} ${doc.number} is ${where}, as of its date ${doc.date}, with its own number: no new number was issued. The Audit sheet records it.`,
    };
  }
  const kind = documents[0].kind.toLowerCase();
  const total = documents.reduce((sum: Cents, d) => sum + d.amountDue, 0);
  const again =
    request.job === "batch" || request.job === "account"
      ? ` A preview for ${request.date} now leaves ${documents.length === 1 ? "this account" : "these accounts"} out: ${documents.length === 1 ? "its" : "their"} next statement is due after the cycle of ${plural(request.cycleDays, "day")}.`
      : "";
  return {
    title: documents.every((d) => d.kind === "Invoice")
      ? documents.length === 1
        ? "Invoice issued"
        : "Invoices issued"
      : "Statements issued",
    body: `Issued ${plural(documents.length, kind)}, ${numberRange(documents)}, ${where}, with ${plural(issued.rows, "row")} in the Statements table (amount due ${formatMoney(total)}). The Audit sheet records it.${again}`,
  };
}

/** What the PDF button is for, in one line: "Issued S000110 to S000133 on "Statements 2026-11-27"." */
export function issuedLine(issued: Pick<IssuedRun, "documents" | "reprint" | "sheets">): string {
  const sheets = issued.sheets.map((s) => `"${s}"`).join(" and ");
  return `${issued.reprint ? "Re-printed" : "Issued"} ${numberRange(issued.documents)} on ${sheets}.`;
}

/**
 * The books' problems as a warning: missing tables and Practice settings said in full (they are few
 * and say what to do), unreadable rows only counted (Setup's Check rows lists each one).
 */
export function booksNotice(problems: string[]): { title: string; body: string } | undefined {
  if (problems.length === 0) return undefined;
  const said = problems.filter(
    (p) => p.startsWith("The workbook has no ") || p.startsWith("The Practice table") || p.startsWith("Practice setting"),
  );
  const rows = problems.length - said.length;
  const parts = [...said];
  if (rows > 0) {
    parts.push(
      `${plural(rows, "row")} could not be read or ${rows === 1 ? "does" : "do"} not link up: a statement that rests on ${rows === 1 ? "it" : "them"} may be wrong. Setup's Check rows lists them.`,
    );
  }
  return { title: `Problems in the workbook: ${count(problems.length)}`, body: parts.join(" ") };
}
