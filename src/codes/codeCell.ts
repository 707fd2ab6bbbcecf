// Reading a code out of a cell before any format rule runs: text is trimmed and upper-cased (billers
// type "e11.9 " and paste codes with trailing spaces), a whole number becomes its digits, and anything
// else (TRUE, a fraction, a blank) is refused here with one wording for every kind of code.

export type CodeText = { ok: true; text: string; isNumber: boolean } | { ok: false; reason: string };

const INNER_SPACE = /\s/;
const SEVERAL = /[,;]/;

/** The code a cell holds, as upper-case text; `aWhat` names the code in messages ("an ICD-10 code", "a modifier"). */
export function readCodeCell(value: unknown, aWhat: string): CodeText {
  const what = aWhat.replace(/^an? /, "");
  if (typeof value === "string") {
    const text = value.trim().toUpperCase();
    if (text === "") return { ok: false, reason: `the ${what} is blank` };
    if (SEVERAL.test(text)) return { ok: false, reason: `${quoted(text)} holds more than one ${what}: one per cell` };
    if (INNER_SPACE.test(text)) return { ok: false, reason: `${quoted(text)} has a space inside: one ${what} per cell, with no spaces` };
    return { ok: true, text, isNumber: false };
  }
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return { ok: true, text: String(value), isNumber: true };
    return { ok: false, reason: `${value} is not ${aWhat}` };
  }
  if (value === null || value === undefined) return { ok: false, reason: `the ${what} is blank` };
  if (typeof value === "boolean") return { ok: false, reason: `${value ? "TRUE" : "FALSE"} is not ${aWhat}` };
  return { ok: false, reason: `this cell does not hold ${aWhat}` };
}

/** A code as it appears in a message: quoted, and cut short when someone pasted a paragraph. */
export function quoted(text: string): string {
  return `"${text.length > 24 ? `${text.slice(0, 24)}…` : text}"`;
}
