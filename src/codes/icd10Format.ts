// The shape of an ICD-10-CM diagnosis code, without the code set: 3 to 7 characters (a letter, a digit,
// then letters or digits), an optional dot after the 3rd, U codes only where CDC has assigned them, and
// the 7th-character mistakes that a shape alone can prove. Whether a code exists, and whether it is
// billable or a category header, only the CMS order file can say: that is the code-set check's job.
import { quoted, readCodeCell } from "./codeCell";
import { invalid, valid, type FormatCheck } from "./formatCheck";

const ICD10_SHAPE = /^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/;
const ICD9_SHAPE = /^(\d{3}|V\d{2}|E\d{3})(\.\d{1,2})?$/;

// Chapter 22 (U00-U85) is held by CDC for emergency use; FY2025 assigns only these (with their two
// category headers, which the code set reports as headers).
const U_CODES = new Set(["U07", "U070", "U071", "U09", "U099"]);

/** "E119" -> "E11.9" for display; 3-character categories have no dot. */
export function icd10WithDot(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/** Check an ICD-10-CM code from a cell; the code comes back upper case without its dot ("e11.9 " -> "E119"). */
export function checkIcd10Format(value: unknown): FormatCheck {
  if (typeof value === "number") {
    const icd9 = ICD9_SHAPE.test(String(value)) ? " (it looks like an old ICD-9 code)" : "";
    return invalid(`${value} is a number: ICD-10-CM codes start with a letter, like E11.9${icd9}`);
  }
  const cell = readCodeCell(value, "an ICD-10 code");
  if (!cell.ok) return invalid(cell.reason);
  const match = ICD10_SHAPE.exec(cell.text);
  if (!match) return invalid(whyNotIcd10(cell.text));
  const code = match[1] + (match[2] ?? "");
  const problem = sevenCharacterProblem(code) ?? (code[0] === "U" && !U_CODES.has(code) ? uCodeProblem(code) : undefined);
  return problem ? invalid(problem) : valid(code);
}

function uCodeProblem(code: string): string {
  return `${icd10WithDot(code)} is not in use: the only U codes are U07.0, U07.1 and U09.9`;
}

// Two mistakes the shape proves on its own. No billable code ends in X: a placeholder X only pads a code
// out to its 7th character (T36.0X is always unfinished). And every injury code S00-S99 has 7 characters, so a
// shorter one lacks its 7th (S62.5X0) or put it too early (S02.0A for S02.0XXA). Outside S, a 6-character
// code with an X can be complete: H21.1X1, J09.X1, M01.X0 and T87.0X1 are billable in FY2025, so
// "T36.0X1 needs a 7th character" is left to the code set, which has T36.0X1 as a header.
function sevenCharacterProblem(code: string): string | undefined {
  if (code.length === 7) return undefined;
  const shown = icd10WithDot(code);
  if (code.endsWith("X"))
    return `${shown} is unfinished: no billable code ends in X (a placeholder X pads a code out to its 7th character, like S02.0XXA)`;
  if (code[0] !== "S") return undefined;
  const last = code[code.length - 1];
  if (code.length >= 5 && last >= "A" && last <= "Z") {
    const padded = icd10WithDot(code.slice(0, -1).padEnd(6, "X") + last);
    return `${shown} puts its 7th character too early: injury codes (S00-S99) have 7 characters, padded with X (${padded})`;
  }
  if (code.length === 6)
    return `${shown} needs a 7th character: injury codes (S00-S99) always have 7 (A for the initial encounter, D subsequent, S sequela)`;
  return `${shown} is unfinished: injury codes (S00-S99) always have 7 characters (like S62.501A)`;
}

function whyNotIcd10(text: string): string {
  const q = quoted(text);
  if (/[,;/&+]/.test(text)) return `${q} holds more than one code: one ICD-10 code per cell`;
  if (/[^0-9A-Z.]/.test(text)) return `${q} may hold only letters, digits and one dot`;
  if (ICD9_SHAPE.test(text)) return `${q} looks like an old ICD-9 code: ICD-10-CM codes start with a letter, like E11.9`;
  const dots = text.split(".").length - 1;
  if (dots > 1) return `${q} has more than one dot`;
  const code = text.replace(".", "");
  if (code.length < 3) return `${q} is too short: ICD-10-CM codes have 3 to 7 characters, like E11.9`;
  if (code.length > 7) return `${q} is too long: ICD-10-CM codes have 3 to 7 characters, like S62.501A`;
  if (dots === 1 && text.indexOf(".") !== 3) {
    return `${q} has its dot in the wrong place: the dot goes after the 3rd character (${icd10WithDot(code)})`;
  }
  if (dots === 1 && code.length === 3) return `${q} ends with a dot: write ${code}, or add the characters after the dot`;
  if (!/[A-Z]/.test(code[0])) {
    if (code[0] === "0") return `${q}: ICD-10-CM codes start with a letter: did you mean O (the letter) instead of 0 (zero)?`;
    return `${q}: ICD-10-CM codes start with a letter, like E11.9`;
  }
  if (code[1] === "O") return `${q}: the second character must be a digit: did you mean 0 (zero) instead of the letter O?`;
  if (code[1] === "I" || code[1] === "L")
    return `${q}: the second character must be a digit: did you mean 1 (one) instead of the letter ${code[1]}?`;
  return `${q}: the second character must be a digit (ICD-10-CM codes are a letter, a digit, then letters or digits)`;
}
