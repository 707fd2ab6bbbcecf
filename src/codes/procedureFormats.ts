// The shapes of procedure codes and their modifiers, without any code list: CPT (HCPCS Level I, all four
// kinds), HCPCS Level II (a letter A-V and 4 digits; D codes are dental) and modifiers (2 characters).
// CPT content is AMA's: we check its shape here and its existence only against a list the office imports.
// These are the only procedure-code rules: the Charges and FeeSchedule cells, the workbook's code check
// and the MEDBILL functions all read codes through them, so a code one accepts the others accept too.
import { quoted, readCodeCell } from "./codeCell";
import { invalid, valid, type FormatCheck } from "./formatCheck";

export type CptCategory = "Category I" | "Category II" | "Category III" | "PLA" | "MAAA";

const CPT_SHAPE = /^\d{4}[0-9FTUM]$/;
// D codes are the ADA's dental CDT codes, which share the shape but are not HCPCS Level II.
const HCPCS_SHAPE = /^[A-CE-V]\d{4}$/;
const MODIFIER_SHAPE = /^[0-9A-Z]{2}$/;

/** Which kind of CPT code a well-formed code is: 99213 Category I, 3074F II, 0075T III, 0001U PLA, 0002M MAAA. */
export function cptCategory(code: string): CptCategory | undefined {
  if (!CPT_SHAPE.test(code)) return undefined;
  switch (code[4]) {
    case "F":
      return "Category II";
    case "T":
      return "Category III";
    case "U":
      return "PLA";
    case "M":
      return "MAAA";
    default:
      return "Category I";
  }
}

/** Check a CPT code from a cell (99213, 3074F, 0075T, 0001U, 0002M). */
export function checkCptFormat(value: unknown): FormatCheck {
  const cell = readCodeCell(value, "a CPT code");
  if (!cell.ok) return invalid(cell.reason);
  // A cell formatted as a number drops leading zeros: anesthesia codes 00100-01999 arrive as 100-1999, so
  // 3 or 4 digits from a number get their zeros back. No CPT code starts 000, so 1 or 2 digits stay wrong.
  const text = cell.isNumber && (cell.text.length === 3 || cell.text.length === 4) ? cell.text.padStart(5, "0") : cell.text;
  if (CPT_SHAPE.test(text)) return valid(text);
  return invalid(whyNotCpt(text));
}

function whyNotCpt(text: string): string {
  const q = quoted(text);
  const withModifier = /^(\d{4}[0-9FTUM])([-:]?)([0-9A-Z]{2})$/.exec(text);
  if (withModifier && isModifierSuffix(withModifier)) return modifierInCode(q, withModifier[1], withModifier[3]);
  if (/^[A-Z]\d{4}$/.test(text)) return `${q} is a HCPCS Level II code (a letter and 4 digits), not a CPT code`;
  if (/^[A-Z]\d/.test(text) && text.length <= 8) return `${q} looks like an ICD-10 diagnosis code, not a CPT procedure code`;
  if (/^\d{4}[A-Z]$/.test(text)) {
    return `${q}: a CPT code ending in a letter ends in F (Category II), T (Category III), U (PLA) or M (MAAA)`;
  }
  if (/^\d+$/.test(text)) return `${q} has ${text.length} digits: CPT codes have 5 characters, like 99213`;
  return `${q} is not a CPT code: 5 digits (99213), or 4 digits and F, T, U or M (3074F, 0075T)`;
}

/**
 * Check the procedure code of a service line: CPT (99213, 3074F; 100 from a number cell is anesthesia
 * code 00100) or HCPCS Level II (J1100). A code that fits neither gets the reason of the kind it seems
 * meant as: HCPCS when it starts with a letter, CPT otherwise.
 */
export function checkProcedureCode(value: unknown): FormatCheck {
  // CPT first: most lines are CPT, and a failed check spends time finding words for its reason.
  const cpt = checkCptFormat(value);
  if (cpt.ok) return cpt;
  const hcpcs = checkHcpcsFormat(value);
  if (hcpcs.ok) return hcpcs;
  return typeof value === "string" && /^\s*[A-Za-z]/.test(value) ? hcpcs : cpt;
}

/** Check a HCPCS Level II code from a cell (J1100, G0439, A4253). */
export function checkHcpcsFormat(value: unknown): FormatCheck {
  const cell = readCodeCell(value, "a HCPCS code");
  if (!cell.ok) return invalid(cell.reason);
  const text = cell.text;
  if (HCPCS_SHAPE.test(text)) return valid(text);
  return invalid(whyNotHcpcs(text, cell.isNumber));
}

function whyNotHcpcs(text: string, isNumber: boolean): string {
  const q = quoted(text);
  if (/^D\d{4}$/.test(text)) return `${q}: D codes are dental (ADA CDT), not HCPCS Level II`;
  if (/^[W-Z]\d{4}$/.test(text)) return `${q}: HCPCS Level II codes start with a letter from A to V`;
  const withModifier = /^([A-V]\d{4})([-:]?)([0-9A-Z]{2})$/.exec(text);
  if (withModifier && isModifierSuffix(withModifier)) return modifierInCode(q, withModifier[1], withModifier[3]);
  if (/^\d{4}[0-9FTUM]$/.test(text) || (isNumber && text.length <= 5)) {
    return `${q} is a CPT code (HCPCS Level I): Level II codes are a letter from A to V and 4 digits, like J1100`;
  }
  if (/^[A-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}$/.test(text)) return `${q} looks like an ICD-10 diagnosis code, not a HCPCS procedure code`;
  if (/^[A-Z]\d+$/.test(text)) return `${q} has ${text.length - 1} digits after its letter: HCPCS Level II codes have 4, like J1100`;
  return `${q} is not a HCPCS Level II code: a letter from A to V and 4 digits, like J1100`;
}

// "99213-25" and "99213LT" are a code and its modifier; "9921325" may just be a mistyped code.
function isModifierSuffix([, , separator, modifier]: RegExpExecArray): boolean {
  return separator !== "" || /[A-Z]/.test(modifier);
}

function modifierInCode(q: string, code: string, modifier: string): string {
  return `${q} holds a code and a modifier: put ${code} in the code cell and ${modifier} in a modifier cell`;
}

/** Check a modifier from a cell (25, 59, LT, GT); whether it exists needs the HCPCS file or the office's list. */
export function checkModifierFormat(value: unknown): FormatCheck {
  // Typing -25 into a cell makes the number -25: the biller meant modifier 25.
  if (typeof value === "number" && value <= -10 && value > -100 && Number.isInteger(value)) {
    return invalid(`${value}: write the modifier without the hyphen (${-value})`);
  }
  const cell = readCodeCell(value, "a modifier");
  if (!cell.ok) return invalid(cell.reason);
  const text = cell.text;
  if (MODIFIER_SHAPE.test(text)) return valid(text);
  const q = quoted(text);
  if (/^-[0-9A-Z]{2}$/.test(text)) return invalid(`${q}: write the modifier without the hyphen (${text.slice(1)})`);
  if (/^[0-9A-Z]{2}([-,;:][0-9A-Z]{2})+$/.test(text)) return invalid(`${q} holds several modifiers: one modifier per cell`);
  return invalid(`${q} is not a modifier: modifiers have 2 letters or digits, like 25, 59 or LT`);
}
