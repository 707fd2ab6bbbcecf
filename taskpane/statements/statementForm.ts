// The Statements panel's form, apart from React so it can be tested in Node: which job (a batch of
// every account due, one account, an invoice to a payer of type Other, or a re-print of an issued
// number), the statement date and the batch's rules (minimum balance and cycle days, from the
// Practice table's settings until the biller types others), kept as the text the biller typed.
// readStatementForm turns it into a request or says, field by field, what is wrong; nothing is
// previewed until every field the job uses reads.
import { parseDate, type DateSystem, type IsoDate } from "../../src/dates";
import { parseMoney, type Cents } from "../../src/money";
import type { StatementSettings } from "../../src/statements/statementBooks";
import { sentence } from "../billerMessage";

export type StatementJob = "batch" | "account" | "invoice" | "reprint";

export const JOBS: { id: StatementJob; label: string }[] = [
  { id: "batch", label: "Batch: every account due a statement" },
  { id: "account", label: "One account" },
  { id: "invoice", label: "Invoice to a payer of type Other" },
  { id: "reprint", label: "Re-print an issued number" },
];

/** The form as typed: a half-typed value is kept while it is wrong. */
export interface StatementForm {
  job: StatementJob;
  date: string;
  minBalance: string;
  cycleDays: string;
  /** The PatientID picked from the search (blank until one is picked). */
  account: string;
  /** The PayerID picked (blank until one is). */
  payer: string;
  number: string;
}

export type StatementField = "date" | "minBalance" | "cycleDays" | "account" | "payer" | "number";
export type StatementFormErrors = Partial<Record<StatementField, string>>;

export type StatementRequest =
  | { job: "batch"; date: IsoDate; minBalance: Cents; cycleDays: number }
  | { job: "account"; date: IsoDate; minBalance: Cents; cycleDays: number; account: string }
  | { job: "invoice"; date: IsoDate; payerId: string }
  | { job: "reprint"; number: string };

export type ReadStatementForm = { ok: true; request: StatementRequest } | { ok: false; errors: StatementFormErrors };

/** The fields each job reads (the others keep their text, unused). */
export const JOB_FIELDS: Record<StatementJob, StatementField[]> = {
  batch: ["date", "minBalance", "cycleDays"],
  account: ["account", "date", "minBalance", "cycleDays"],
  invoice: ["payer", "date"],
  reprint: ["number"],
};

/** 10.5 dollars as the field shows it: "10.50". */
export function amountText(cents: Cents): string {
  return (cents / 100).toFixed(2);
}

/** A new form dated `today`, with the batch rules of these settings. */
export function newStatementForm(today: IsoDate, rules: Pick<StatementSettings, "minBalance" | "cycleDays">): StatementForm {
  return {
    job: "batch",
    date: today,
    minBalance: amountText(rules.minBalance),
    cycleDays: String(rules.cycleDays),
    account: "",
    payer: "",
    number: "",
  };
}

/**
 * The practice's own batch rules once the books are read: a field still showing the rules the form
 * started with takes the practice's; one the biller already changed is kept.
 */
export function withPracticeRules(
  form: StatementForm,
  started: Pick<StatementSettings, "minBalance" | "cycleDays">,
  practice: Pick<StatementSettings, "minBalance" | "cycleDays">,
): StatementForm {
  const next = { ...form };
  if (form.minBalance === amountText(started.minBalance)) next.minBalance = amountText(practice.minBalance);
  if (form.cycleDays === String(started.cycleDays)) next.cycleDays = String(practice.cycleDays);
  return next;
}

/** The longest statement cycle the Practice setting allows. */
const MAX_CYCLE_DAYS = 366;

/** The form as a request, or every mistake by field. Only the chosen job's fields are read. */
export function readStatementForm(form: StatementForm, dateSystem: DateSystem = 1900): ReadStatementForm {
  const errors: StatementFormErrors = {};
  const uses = new Set(JOB_FIELDS[form.job]);

  let date: IsoDate | undefined;
  if (uses.has("date")) {
    if (form.date.trim() === "") errors.date = "Enter the statement date, like 2026-11-27.";
    else {
      const parsed = parseDate(form.date, dateSystem);
      if (parsed.ok) date = parsed.value;
      else errors.date = sentence(parsed.error);
    }
  }

  let minBalance: Cents | undefined;
  let cycleDays: number | undefined;
  if (uses.has("minBalance")) {
    if (form.minBalance.trim() === "") errors.minBalance = "Enter the smallest amount due to send, like 5.00 (0 sends any amount).";
    else {
      const parsed = parseMoney(form.minBalance);
      if (!parsed.ok) errors.minBalance = sentence(parsed.error);
      else if (parsed.value < 0) errors.minBalance = "The minimum can't be negative.";
      else minBalance = parsed.value;
    }
    const days = form.cycleDays.trim();
    if (days === "") errors.cycleDays = "Enter the days between two statements, like 30 (0 sends again at once).";
    else if (!/^\d{1,3}$/.test(days) || Number(days) > MAX_CYCLE_DAYS) {
      errors.cycleDays = `"${days}" is not a number of days from 0 to ${MAX_CYCLE_DAYS}.`;
    } else cycleDays = Number(days);
  }

  const account = form.account.trim();
  if (uses.has("account") && account === "") errors.account = "Find the account: type a name or PatientID and pick it from the list.";
  const payerId = form.payer.trim();
  if (uses.has("payer") && payerId === "") errors.payer = "Choose the payer to invoice.";
  const number = form.number.trim();
  if (uses.has("number") && number === "") errors.number = "Enter the number of an issued statement or invoice, like S000123.";

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  switch (form.job) {
    case "batch":
      return { ok: true, request: { job: "batch", date: date!, minBalance: minBalance!, cycleDays: cycleDays! } };
    case "account":
      return { ok: true, request: { job: "account", date: date!, minBalance: minBalance!, cycleDays: cycleDays!, account } };
    case "invoice":
      return { ok: true, request: { job: "invoice", date: date!, payerId } };
    case "reprint":
      return { ok: true, request: { job: "reprint", number } };
  }
}
