// The kinds of code a billing workbook holds, one format check per kind behind a single entry point, and
// the guess of a code's kind from its shape alone (for MEDBILL.CODECHECK and columns of unknown meaning).
// Format checks need no code set; whether a code exists is the code-set library's question.
import { readCodeCell } from "./codeCell";
import { checkEin } from "./ein";
import type { FormatCheck } from "./formatCheck";
import { checkIcd10Format } from "./icd10Format";
import { checkNdc } from "./ndc";
import { checkNpi } from "./npi";
import { checkPos } from "./placeOfService";
import { checkCptFormat, checkHcpcsFormat, checkModifierFormat } from "./procedureFormats";
import { checkTaxonomyFormat } from "./taxonomy";

export type CodeKind = "icd10" | "cpt" | "hcpcs" | "modifier" | "pos" | "npi" | "ndc" | "ein" | "taxonomy";

export const CODE_KINDS: readonly CodeKind[] = ["icd10", "cpt", "hcpcs", "modifier", "pos", "npi", "ndc", "ein", "taxonomy"];

/** What each kind is called in a biller's message. */
export const CODE_KIND_NAMES: Record<CodeKind, string> = {
  icd10: "ICD-10-CM",
  cpt: "CPT",
  hcpcs: "HCPCS Level II",
  modifier: "modifier",
  pos: "place of service",
  npi: "NPI",
  ndc: "NDC",
  ein: "EIN",
  taxonomy: "taxonomy",
};

/** Check one code of a known kind. */
export function checkCodeFormat(kind: CodeKind, code: unknown): FormatCheck {
  switch (kind) {
    case "icd10":
      return checkIcd10Format(code);
    case "cpt":
      return checkCptFormat(code);
    case "hcpcs":
      return checkHcpcsFormat(code);
    case "modifier":
      return checkModifierFormat(code);
    case "pos":
      return checkPos(code);
    case "npi": {
      const npi = checkNpi(code);
      return npi.ok ? { ok: true, code: npi.value } : { ok: false, reason: npi.error };
    }
    case "ndc":
      return checkNdc(code);
    case "ein":
      return checkEin(code);
    case "taxonomy":
      return checkTaxonomyFormat(code);
  }
}

// The names a biller may type for the kind argument of MEDBILL.CODECHECK, compared without case, spaces,
// dots, hyphens or underscores ("ICD-10", "icd10cm", "Place of service").
const KIND_NAMES: Record<string, CodeKind> = {
  icd10: "icd10",
  icd10cm: "icd10",
  icd: "icd10",
  dx: "icd10",
  diagnosis: "icd10",
  cpt: "cpt",
  hcpcs: "hcpcs",
  hcpcs2: "hcpcs",
  hcpcsii: "hcpcs",
  hcpcslevelii: "hcpcs",
  hcpcslevel2: "hcpcs",
  modifier: "modifier",
  mod: "modifier",
  pos: "pos",
  placeofservice: "pos",
  npi: "npi",
  ndc: "ndc",
  ndc11: "ndc",
  ein: "ein",
  tin: "ein",
  taxid: "ein",
  taxonomy: "taxonomy",
  taxonomycode: "taxonomy",
};

/** The kind a name stands for ("ICD-10" -> "icd10"), or undefined for a name we do not know. */
export function codeKindFromName(name: unknown): CodeKind | undefined {
  if (typeof name !== "string") return undefined;
  const key = name.toLowerCase().replace(/[\s.\-_]/g, "");
  return Object.hasOwn(KIND_NAMES, key) ? KIND_NAMES[key] : undefined;
}

/**
 * The kind a code's shape points to, when nobody said which kind it is; undefined when no shape fits.
 * Shapes that two kinds share are settled by what a biller most often means:
 * - a letter and 4 digits is HCPCS Level II (J1100), though ICD-10 codes typed without their dot have that
 *   shape too (E1165): with a dot it is ICD-10 (E11.65), and W-Z, which HCPCS does not use, are ICD-10;
 * - a letter, a digit and 1-5 more letters or digits otherwise is ICD-10 (E119, S62501A);
 * - 2 digits is a place of service, though numeric modifiers (25, 59) look the same; 2 characters with a
 *   letter is a modifier (LT, GT);
 * - 10 digits starting with 1 or 2 is an NPI; other 10 digits and 11 digits, or 3 hyphenated groups, an NDC;
 * - 9 digits, or NN-NNNNNNN, is an EIN; 5 digits (or 4 and F, T, U, M) CPT.
 * A number cell has lost its leading zeros, so numbers are judged by their digit count alone.
 */
export function guessCodeKind(code: unknown): CodeKind | undefined {
  const cell = readCodeCell(code, "a code");
  if (!cell.ok) return undefined;
  const text = cell.text;
  if (cell.isNumber) return guessFromDigits(text.length, text[0]);
  if (text.includes(".")) return /^[0-9A-Z.]+$/.test(text) ? "icd10" : undefined;
  if (/^\d+$/.test(text)) {
    if (text.length === 2) return "pos";
    return text.length === 5 ? "cpt" : text.length >= 9 ? guessFromDigits(text.length, text[0]) : undefined;
  }
  if (/^\d{2}-\d{7}$/.test(text)) return "ein";
  if (/^\d+-\d+-\d+$/.test(text)) return "ndc";
  if (/^\d{3}[0-9A-Z]{6}X$/.test(text)) return "taxonomy";
  if (/^\d{4}[FTUM]$/.test(text)) return "cpt";
  if (/^[A-V]\d{4}$/.test(text)) return "hcpcs";
  if (/^[A-Z]\d[0-9A-Z]{1,5}$/.test(text)) return "icd10";
  if (/^[0-9A-Z]{2}$/.test(text)) return "modifier";
  return undefined;
}

function guessFromDigits(count: number, first: string): CodeKind | undefined {
  if (count <= 2) return "pos";
  if (count <= 5) return "cpt";
  if (count === 8 || count === 9) return "ein";
  if (count === 10) return first === "1" || first === "2" ? "npi" : "ndc";
  if (count === 11) return "ndc";
  return undefined;
}
