// zod cell types: each turns one raw cell value into an engine value (cents, ISO date, trimmed
// text) or an issue in a biller's words. Blank cells arrive as undefined (see tableSchemas).
import { z } from "zod";
import { parseDate } from "../dates";
import { centsOfNumber, parseMoney } from "../money";
import { checkNpi } from "../codes/npi";
import { checkModifierFormat, checkProcedureCode } from "../codes/procedureFormats";

type Check<T> = (value: unknown) => { ok: true; value: T } | { ok: false; error: string };

/** A cell schema's own check, as its transform calls it on a non-blank value. */
export type CellCheck = Check<unknown>;

/** What a quick check gives when it cannot tell at once: the full check (and zod) decide then. */
export const UNSURE: unique symbol = Symbol("unsure");

/**
 * A cell's check for the commonest values, giving the value itself and no result object: for a value
 * it answers, the full check gives { ok: true, value } with that same value; any other value it
 * leaves UNSURE. parseTable's fast path reads hundreds of thousands of IDs and amounts with it.
 */
export type QuickCheck = (value: string | number) => unknown;

// Each schema made by cell() -> the check its transform runs, so parseTable's fast path can call
// the very same function on a plain value instead of going through zod (see cellCheck).
const cellChecks = new WeakMap<object, CellCheck>();
const quickChecks = new WeakMap<object, QuickCheck>();

/** The quick check beside a schema's cellCheck, when its cell has one. */
export function cellQuickCheck(schema: unknown): QuickCheck | undefined {
  return typeof schema === "object" && schema !== null ? quickChecks.get(schema) : undefined;
}

/**
 * The check behind a schema made here (not wrapped in .optional() or anything else), or undefined.
 * For a defined value v, schema.safeParse(v) succeeds with check(v).value exactly when check(v).ok;
 * undefined is "is blank", which the check is never asked about.
 */
export function cellCheck(schema: unknown): CellCheck | undefined {
  return typeof schema === "object" && schema !== null ? cellChecks.get(schema) : undefined;
}

function cell<T>(check: Check<T>, quick?: QuickCheck) {
  const schema = z.unknown().transform((value, ctx): T => {
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: "is blank" });
      return z.NEVER;
    }
    const result = check(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.value;
  });
  cellChecks.set(schema, check);
  if (quick) quickChecks.set(schema, quick);
  return schema;
}

/** Text with no blank at either end (asText leaves it as it is), else undefined. */
function untrimmed(value: string | number): string | undefined {
  if (typeof value !== "string" || value.length === 0) return undefined;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? value : undefined;
}

/** Whether text holds a line break or a tab (what an ID may not). */
function hasBreak(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10 || c === 9) return true;
  }
  return false;
}

/** Text as typed; numbers are written without a trailing ".0" (an ID typed as 1001 is "1001"). */
export function asText(value: unknown): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

export const text = () =>
  cell(
    (v) => ({ ok: true, value: asText(v) }),
    (v) => untrimmed(v) ?? UNSURE,
  );

/** An identifier (account, claim, charge): text, no line breaks. */
export const id = () =>
  cell(
    (v) => {
      const t = asText(v);
      return hasBreak(t) ? { ok: false, error: `"${t}" has a line break or tab in it` } : { ok: true, value: t };
    },
    (v) => {
      const t = untrimmed(v);
      return t === undefined || hasBreak(t) ? UNSURE : t;
    },
  );

/** A code: trimmed, upper case, inner dots and spaces kept for the code checks to judge. */
export const code = () => cell((v) => ({ ok: true, value: asText(v).toUpperCase() }));

export const money = () => cell(parseMoney, (v) => (typeof v === "number" ? (centsOfNumber(v) ?? UNSURE) : UNSURE));

/** An ISO date. Serial numbers were converted with the workbook's date system before parsing. */
export const date = () => cell((v) => parseDate(v));

export const wholeNumber = (min = 0) =>
  cell((v) => {
    const n = typeof v === "number" ? v : Number(asText(v).replace(/,/g, ""));
    if (!Number.isFinite(n) || !Number.isInteger(n)) return { ok: false, error: `"${asText(v)}" is not a whole number` };
    if (n < min) return { ok: false, error: `${n} is less than ${min}` };
    return { ok: true, value: n };
  });

/** Units of service: a positive number, fractions allowed (anesthesia minutes, drug units). */
export const units = () =>
  cell((v) => {
    const n = typeof v === "number" ? v : Number(asText(v));
    if (!Number.isFinite(n) || n <= 0) return { ok: false, error: `units must be more than 0, not "${asText(v)}"` };
    return { ok: true, value: n };
  });

export const npi = () => cell(checkNpi);

export function oneOf<const T extends readonly string[]>(values: T, what: string) {
  return cell((v) => {
    const t = asText(v)
      .toLowerCase()
      .replace(/[\s_-]+/g, "");
    const found = values.find((x) => x.toLowerCase().replace(/[\s_-]+/g, "") === t);
    return found
      ? { ok: true as const, value: found as T[number] }
      : {
          ok: false as const,
          error: `"${asText(v)}" is not ${/^[aeiou]/i.test(what) ? "an" : "a"} ${what} (use one of: ${values.join(", ")})`,
        };
  });
}

/**
 * A procedure code in CPT (99213, 0001F, 0042T, 0001U) or HCPCS Level II (J1100) form, by the rule the
 * MEDBILL functions use: an anesthesia code in a number cell (100) is read as 00100, not refused.
 */
export const procedureCode = () =>
  cell((v) => {
    const check = checkProcedureCode(v);
    return check.ok
      ? { ok: true, value: check.code }
      : { ok: false, error: `code "${asText(v).toUpperCase()}" is not a CPT or HCPCS code` };
  });

/** A two-character modifier (25, 59, GT), by the rule the MEDBILL functions use. */
export const modifier = () =>
  cell((v) => {
    const check = checkModifierFormat(v);
    return check.ok
      ? { ok: true, value: check.code }
      : { ok: false, error: `modifier "${asText(v).toUpperCase()}" must be 2 letters or digits` };
  });
