// Health Care Provider Taxonomy codes (NUCC): 10 characters, 3 digits, 6 letters or digits, then X
// (207Q00000X family medicine). The NUCC list itself is licensed terms we import, never bundle.
import { quoted, readCodeCell } from "./codeCell";
import { invalid, valid, type FormatCheck } from "./formatCheck";

const TAXONOMY_SHAPE = /^\d{3}[0-9A-Z]{6}X$/;

/** Check a provider taxonomy code from a cell ("207q00000x" -> "207Q00000X"). */
export function checkTaxonomyFormat(value: unknown): FormatCheck {
  const cell = readCodeCell(value, "a taxonomy code");
  if (!cell.ok) return invalid(cell.reason);
  const text = cell.text;
  if (TAXONOMY_SHAPE.test(text)) return valid(text);
  const q = quoted(text);
  if (text.length !== 10) return invalid(`taxonomy code ${q} has ${text.length} characters: it needs 10, like 207Q00000X`);
  if (!text.endsWith("X")) return invalid(`taxonomy code ${q} must end in X, like 207Q00000X`);
  if (!/^\d{3}/.test(text)) return invalid(`taxonomy code ${q} must start with 3 digits, like 207Q00000X`);
  return invalid(`taxonomy code ${q} may hold only letters and digits, like 207Q00000X`);
}
