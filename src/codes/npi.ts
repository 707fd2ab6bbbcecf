// NPI: 10 digits, first digit 1 or 2, last digit a Luhn check over "80840" + the first nine
// (CMS "NPI check digit" rule). The number alone cannot tell whether an NPI was deactivated.
import { fail, ok, type Parsed } from "../result";

/** The check digit for the first nine digits of an NPI. */
export function npiCheckDigit(first9: string): number {
  let sum = 24; // the Luhn contribution of the "80840" prefix
  for (let i = 0; i < 9; i++) {
    let d = first9.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Check an NPI from a cell: a 10-digit number or text. */
export function checkNpi(value: unknown): Parsed<string> {
  const text = typeof value === "number" && Number.isInteger(value) ? String(value) : typeof value === "string" ? value.trim() : "";
  if (text === "") return fail("the NPI is blank");
  if (!/^\d+$/.test(text)) return fail(`NPI "${text}" must be 10 digits, nothing else`);
  if (text.length !== 10) return fail(`NPI "${text}" has ${text.length} digits; it needs 10`);
  if (text[0] !== "1" && text[0] !== "2") return fail(`NPI "${text}" must start with 1 or 2`);
  if (npiCheckDigit(text.slice(0, 9)) !== Number(text[9])) return fail(`NPI "${text}" fails its check digit (mistyped?)`);
  return ok(text);
}

export function isValidNpi(value: unknown): boolean {
  return checkNpi(value).ok;
}
