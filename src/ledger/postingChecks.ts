// The checks every posting plan makes before it writes anything, each worded for a biller: dates,
// amounts, payment methods, reason codes, and whether the workbook's Payments and Postings tables
// have the columns the new rows need. A check returns the problem as text, or undefined when fine.
import { isIsoDate, type IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import { mapColumns, type ColumnMapping } from "../workbook/mapTable";
import type { RawTable, WorkbookInfo } from "../workbook/port";
import { PAYMENT_METHODS, type ChargeRow, type Payments, type Postings, type ProviderAdjustments } from "../workbook/tables";

/** "check 12345", "EFT 991234567", "card AUTH 123456": how the Audit row names a payment. */
export function paymentWords(method: string, reference: string | undefined): string {
  const word = ["Check", "Cash", "Card", "Other"].includes(method) ? method.toLowerCase() : method;
  return reference ? `${word} ${reference}` : word;
}

/** "Line 1042 (99213 on 2026-03-05)": how every problem about a service line begins. */
export function lineLabel(charge: ChargeRow): string {
  return `Line ${charge.chargeId} (${charge.code} on ${charge.dos})`;
}

/** A posting or payment date: a real ISO date, and not after today. */
export function checkDate(date: IsoDate, today: IsoDate, what: string): string | undefined {
  if (typeof date !== "string" || !isIsoDate(date)) return `the ${what} "${String(date)}" is not a date (write it like 2026-03-05)`;
  if (date > today) return `the ${what} ${date} is in the future (today is ${today})`;
  return undefined;
}

/** What a negative amount should have been instead, said after the refusal. */
export const TAKE_BACK = "to take money back, reverse the posting instead";

/**
 * An amount in whole cents. `atLeast` is 0 where nothing is a valid amount (a denial posts $0.00
 * paid) and 1 where it is not (a payment, a write-off).
 */
export function checkAmount(amount: Cents | undefined, what: string, atLeast: 0 | 1, ifNegative: string = TAKE_BACK): string | undefined {
  if (amount === undefined) return undefined;
  if (typeof amount !== "number" || !Number.isSafeInteger(amount)) return `${what} "${String(amount)}" is not an amount in whole cents`;
  if (amount < 0) return `${what} ${formatMoney(amount)} is negative; ${ifNegative}`;
  if (amount < atLeast) return `${what} is ${formatMoney(amount)}: enter an amount above zero`;
  return undefined;
}

/**
 * Why a payment can't be negative or nothing, and what to use instead: one sentence, said on Post's
 * Amount field and by the payment plans.
 */
export const PAYMENT_ABOVE_ZERO =
  "a payment is an amount above $0.00: to give money back use Refund… (Reconcile), to undo a posting use Reverse";

/**
 * A payment may be $0.00 only when it is an insurer's and its lines pay nothing (a remittance where
 * every line is denied or left to the patient is still recorded); a patient's payment never.
 */
export function zeroPaymentAllowed(insurer: boolean, lines: readonly { paid?: Cents }[]): boolean {
  return insurer && lines.length > 0 && lines.every((l) => !l.paid);
}

/** A payment's amount: whole cents, and above $0.00 (or $0.00 where `zeroAllowed`). */
export function checkPaymentAmount(amount: Cents | undefined, zeroAllowed: boolean): string | undefined {
  const problem = checkAmount(amount, "the payment amount", zeroAllowed ? 0 : 1);
  return problem === undefined || !Number.isSafeInteger(amount) ? problem : PAYMENT_ABOVE_ZERO;
}

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The method as the Payments table spells it ("check" -> "Check"), or undefined when it is none of them. */
export function paymentMethod(method: string): PaymentMethod | undefined {
  const key = String(method ?? "")
    .trim()
    .toLowerCase();
  return PAYMENT_METHODS.find((m) => m.toLowerCase() === key);
}

export const METHOD_LIST = PAYMENT_METHODS.join(", ");

/** A claim adjustment reason code as remittances carry it: 1 to 3 letters or digits (45, 253, B7, P1). */
export function isReasonCode(reason: string): boolean {
  return /^[A-Z0-9]{1,3}$/.test(reason);
}

/** Reason codes are compared and written the way the Postings table reads them back: trimmed, upper case. */
export function reasonCode(reason: string | undefined): string {
  return String(reason ?? "")
    .trim()
    .toUpperCase();
}

/** Free text as the tables read it back: trimmed, and blank as nothing. */
export function textOrNothing(text: string | undefined): string | undefined {
  const t = text === undefined || text === null ? "" : String(text).trim();
  return t === "" ? undefined : t;
}

export interface PlanTables {
  info: WorkbookInfo;
  tables: Record<string, RawTable | undefined>;
}

export interface TargetTable {
  /** The table's name as the workbook spells it. */
  name: string;
  headers: string[];
  mapping: ColumnMapping;
  /** The body as read, when the caller read it: used to keep new IDs clear of every old one. */
  raw?: RawTable;
}

/** A table a posting plan appends to: Payments, Postings, or ProviderAdjustments (a remittance's PLB items). */
export type AppendedTable = typeof Payments | typeof Postings | typeof ProviderAdjustments;

/** The table as the workbook has it, from the rows read (or else the workbook's description). */
export function targetTable(ctx: PlanTables, name: string, def: AppendedTable): TargetTable | undefined {
  const lower = name.toLowerCase();
  const raw = Object.entries(ctx.tables).find(
    ([key, t]) => t !== undefined && (key.toLowerCase() === lower || t.name.toLowerCase() === lower),
  )?.[1];
  const info = raw ?? ctx.info.tables.find((t) => t.name.toLowerCase() === lower);
  if (!info) return undefined;
  return { name: info.name, headers: info.headers, mapping: mapColumns(def, info.headers), raw };
}

/**
 * Fields a row may lose when the office's table has no column for them: a default note or the
 * source, nothing a balance or a link needs. A plan whose own note matters (a write-off's reason)
 * asks for the Note column among its needed fields.
 */
export const FIELDS_THAT_MAY_BE_DROPPED = new Set(["note", "source"]);

/**
 * Problems with a table the plan appends to: it is missing, or it lacks a column the new rows need
 * (or one every row of it must have, without which the table cannot be read back).
 */
export function checkTargetTable(
  table: TargetTable | undefined,
  def: AppendedTable,
  needed: Iterable<string>,
): { problems: string[]; table?: TargetTable } {
  if (!table) return { problems: [`The workbook has no ${def.name} table: run Setup to create it.`] };
  const fields = def.fields as Record<string, { header: string }>;
  const missing = new Set(table.mapping.missingRequired);
  for (const key of needed) if (!table.mapping.columns[key]) missing.add(key);
  const problems = [...missing].map(
    (key) =>
      `The ${def.name} table has no "${fields[key].header}" column: add a column headed "${fields[key].header}" ` +
      `(Setup creates ${def.name} with all its columns in a new workbook).`,
  );
  return { problems, table: problems.length === 0 ? table : undefined };
}
