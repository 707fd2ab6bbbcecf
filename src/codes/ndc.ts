// National Drug Codes. A package shows 10 digits in three hyphenated segments (labeler-product-package)
// laid out 4-4-2, 5-3-2 or 5-4-1; claims want 11 digits (5-4-2), made by a leading zero on the short
// segment. Only the hyphens say which segment is short, so 10 digits without them cannot be converted.
import { quoted, readCodeCell } from "./codeCell";
import { invalid, valid, type FormatCheck } from "./formatCheck";

const HYPHENATED = /^(\d+)-(\d+)-(\d+)$/;

/** "01234567890" -> "01234-5678-90", the 5-4-2 layout billers read. */
export function ndcWithHyphens(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}

/** Check an NDC from a cell and convert it to the 11 digits a claim carries ("1234-5678-90" -> "01234567890"). */
export function checkNdc(value: unknown): FormatCheck {
  const cell = readCodeCell(value, "an NDC");
  if (!cell.ok) return invalid(cell.reason);
  const text = cell.text;
  if (cell.isNumber) return ndcFromNumber(text);
  const segments = HYPHENATED.exec(text);
  if (segments) return ndcFromSegments(text, segments[1], segments[2], segments[3]);
  const q = quoted(text);
  if (/^\d{11}$/.test(text)) return valid(text);
  if (/^\d{10}$/.test(text)) return invalid(ambiguousTen(q));
  if (/^\d+$/.test(text))
    return invalid(`NDC ${q} has ${text.length} digits: an NDC has 10 digits with hyphens (1234-5678-90) or 11 digits`);
  if (/^N4\d{11}$/.test(text)) return invalid(`NDC ${q} carries the claim qualifier N4: write only the 11 digits (${text.slice(2)})`);
  if (/^[\d-]+$/.test(text)) return invalid(`NDC ${q} needs 3 segments: labeler-product-package, like 12345-6789-01`);
  return invalid(`NDC ${q} may hold only digits and hyphens, like 12345-6789-01`);
}

function ndcFromSegments(text: string, labeler: string, product: string, pack: string): FormatCheck {
  const layout = `${labeler.length}-${product.length}-${pack.length}`;
  switch (layout) {
    case "5-4-2":
      return valid(labeler + product + pack);
    case "4-4-2":
      return valid(`0${labeler}${product}${pack}`);
    case "5-3-2":
      return valid(`${labeler}0${product}${pack}`);
    case "5-4-1":
      return valid(`${labeler}${product}0${pack}`);
    default:
      return invalid(`NDC ${quoted(text)} is laid out ${layout}: an NDC is 4-4-2, 5-3-2 or 5-4-1 (10 digits), or 5-4-2 (11 digits)`);
  }
}

function ambiguousTen(q: string): string {
  return `NDC ${q} has 10 digits and no hyphens: it could be 4-4-2, 5-3-2 or 5-4-1, which give different 11-digit NDCs; type it with its hyphens as printed on the package`;
}

// A number cell has lost every leading zero, and many labelers start with 0 (00002 is Lilly): only a full
// 11 digits is certain. Ten digits may be an 11-digit NDC that lost one zero, or a 10-digit one unhyphenated.
function ndcFromNumber(digits: string): FormatCheck {
  if (digits.length === 11) return valid(digits);
  const q = quoted(digits);
  if (digits.length === 10) return invalid(ambiguousTen(q));
  if (digits.length < 10) {
    return invalid(`NDC ${q} is stored as a number, which dropped its leading zeros: type it as text with its hyphens (12345-6789-01)`);
  }
  return invalid(`NDC ${q} has ${digits.length} digits: an NDC has 10 digits with hyphens (1234-5678-90) or 11 digits`);
}
