// Employer Identification Numbers (the billing provider's tax id on a claim): 9 digits written NN-NNNNNNN.
// There is no check digit; the only test beyond the shape is the 2-digit prefix, some of which the IRS
// has never issued, so an EIN starting with one of them was mistyped.
import { quoted, readCodeCell } from "./codeCell";
import { invalid, valid, type FormatCheck } from "./formatCheck";

const EIN_SHAPE = /^(\d{2})-?(\d{7})$/;
const NEVER_ISSUED = new Set(["00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"]);

/** Check an EIN from a cell; it comes back as NN-NNNNNNN ("123456789" -> "12-3456789"). */
export function checkEin(value: unknown): FormatCheck {
  const cell = readCodeCell(value, "an EIN");
  if (!cell.ok) return invalid(cell.reason);
  // A number cell drops a leading zero, and prefixes 01-06 are real: 8 digits get their zero back.
  const text = cell.isNumber && cell.text.length === 8 ? `0${cell.text}` : cell.text;
  const match = EIN_SHAPE.exec(text);
  if (match) {
    const [, prefix, serial] = match;
    const ein = `${prefix}-${serial}`;
    if (NEVER_ISSUED.has(prefix)) return invalid(`EIN ${ein}: prefix ${prefix} is never issued by the IRS (mistyped?)`);
    return valid(ein);
  }
  // Said without repeating the number: it may be a patient's SSN typed in the wrong column.
  if (/^\d{3}-\d{2}-\d{4}$/.test(text)) return invalid("this looks like a Social Security number (NNN-NN-NNNN), not an EIN (NN-NNNNNNN)");
  const digits = text.replace(/-/g, "");
  const q = quoted(text);
  if (/^\d+$/.test(digits) && digits.length !== 9) return invalid(`EIN ${q} has ${digits.length} digits: an EIN has 9, written NN-NNNNNNN`);
  if (/^\d+$/.test(digits)) return invalid(`EIN ${q}: write it NN-NNNNNNN, with the hyphen after the 2nd digit`);
  return invalid(`EIN ${q} may hold only digits and one hyphen (NN-NNNNNNN)`);
}
