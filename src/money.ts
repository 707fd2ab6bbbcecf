// Money is integer cents inside the engine. This module owns the only conversions between
// what a cell or a file holds (1234.5, "$1,234.50", "(12.00)") and cents, and back for display.
import { fail, ok, type Parsed } from "./result";

/** An amount in integer cents. Never a float of dollars. */
export type Cents = number;

const MONEY_TEXT = /^([-+])?\$?([-+])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/** Read an amount from a cell value or a file: numbers, "$1,234.50", "1,234", "(12.00)", "-5". */
export function parseMoney(input: unknown): Parsed<Cents> {
  if (typeof input === "number") return centsFromNumber(input);
  if (typeof input !== "string") {
    return fail(`${describe(input)} is not an amount`);
  }
  let text = input.trim().replace(/\s+/g, "");
  if (text === "") return fail("the amount is blank");
  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1);
  }
  const match = MONEY_TEXT.exec(text);
  if (!match || (match[3] === undefined && (match[4] === undefined || match[4] === ""))) {
    return fail(`"${input}" is not an amount (write it like 1234.50 or $1,234.50)`);
  }
  const sign = match[1] ?? match[2];
  if (sign && negative) return fail(`"${input}" has two minus signs`);
  if (sign === "-") negative = true;
  const whole = (match[3] ?? "0").replace(/,/g, "");
  const fraction = match[4] ?? "";
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) {
    return fail(`"${input}" has a fraction of a cent`);
  }
  const cents = Number(whole) * 100 + Number((fraction + "00").slice(0, 2));
  if (!Number.isSafeInteger(cents)) return fail(`"${input}" is too large to be an amount`);
  return ok(negative ? -cents || 0 : cents);
}

function centsFromNumber(value: number): Parsed<Cents> {
  if (!Number.isFinite(value)) return fail(`${value} is not an amount`);
  const cents = centsOfNumber(value);
  if (cents === undefined) {
    const scaled = Math.round(value * 100);
    return Number.isSafeInteger(scaled) ? fail(`${value} has a fraction of a cent`) : fail(`${value} is too large to be an amount`);
  }
  return ok(cents);
}

/**
 * A number cell's amount in cents, or undefined when it is not one (not finite, a fraction of a cent,
 * too large): parseMoney's rule for numbers, without a result object (parseTable's fast path reads
 * hundreds of thousands of amounts).
 */
export function centsOfNumber(value: number): Cents | undefined {
  if (!Number.isFinite(value)) return undefined;
  const scaled = value * 100;
  const cents = Math.round(scaled);
  // Binary floats make 1234.56 * 100 = 123455.99999999999: allow that, refuse real sub-cent values.
  if (Math.abs(scaled - cents) > 1e-6 * Math.max(1, Math.abs(scaled))) return undefined;
  if (!Number.isSafeInteger(cents)) return undefined;
  return cents === 0 ? 0 : cents;
}

/** Dollars as a plain number for a cell with a currency format (123450 -> 1234.5). */
export function centsToNumber(cents: Cents): number {
  return cents / 100;
}

/** "$1,234.50", and "-$12.00" for negatives. */
export function formatMoney(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `$${dollars}.${String(abs % 100).padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/** Sum cents exactly (integers only: no float drift). */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** The number format the adapters give money columns. */
export const MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';

function describe(input: unknown): string {
  if (input === null || input === undefined) return "a blank cell";
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  if (input instanceof Date) return "a date";
  return `"${String(input)}"`;
}
