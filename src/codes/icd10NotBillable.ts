// Why an ICD-10-CM code of the right shape is not billable on a date of service, in a biller's words,
// from the loaded code sets: a header missing its 7th character (with a billable example), a code that
// became a header this fiscal year, a category header; or a code not in that year's set, and whether a
// neighbouring year has it (added since, or deleted). The workbook's code check and the MEDBILL functions
// both ask here, so a code reads the same in a cell as in the Codes panel. Each caller shows dates its
// own way (ISO in the panel and the terminal, month/day/year in a cell, like the rest of its messages).
import type { IsoDate } from "../dates";
import { icd10FiscalYear, type CodeSetLibrary } from "./codeSetLibrary";
import { icd10WithDot } from "./icd10Format";

type ShowDate = (dos: IsoDate) => string;

const asIso: ShowDate = (dos) => dos;

// The 7th characters ICD-10-CM uses, the commonest (initial, subsequent, sequela) first.
const SEVENTH_CHARACTERS = "ADS0123456789BCEFGHJKMNPQR";

/** The last day of a fiscal year (FY2023 ends 2023-09-30): a date that picks that year's set. */
function lastDayOfFiscalYear(fiscalYear: number): IsoDate {
  return `${fiscalYear}-09-30`;
}

/**
 * Why a header is not billable: a 7th character missing, a code that became a header this year, or a
 * category. Without a date of service the newest loaded year answered, and there is no year before it
 * to compare with, so the code is called a category header.
 */
export function icd10HeaderReason(library: CodeSetLibrary, code: string, version: string, dos?: IsoDate, showDate = asIso): string {
  const shown = icd10WithDot(code);
  if (code.length === 6) {
    for (const seventh of SEVENTH_CHARACTERS) {
      if (library.icd10(code + seventh, dos).status === "billable") {
        return `${shown} needs a 7th character, like ${icd10WithDot(code + seventh)} (${version} ICD-10-CM)`;
      }
    }
  }
  if (dos !== undefined && library.icd10(code, lastDayOfFiscalYear(icd10FiscalYear(dos) - 1)).status === "billable") {
    return `${shown} is not billable on ${showDate(dos)} (${version}): it became a category header in ${version}, use a code under it`;
  }
  return `${shown} is a category header, not billable (${version} ICD-10-CM): use a code under it`;
}

/** A code not in the year's set, saying when it was added or deleted if a neighbouring year is loaded. */
export function icd10UnknownReason(library: CodeSetLibrary, code: string, version: string, dos?: IsoDate, showDate = asIso): string {
  const base = `${icd10WithDot(code)} is not in the ${version} ICD-10-CM code set`;
  if (dos === undefined) return base;
  const fiscalYear = icd10FiscalYear(dos);
  const dated = `${base} (date of service ${showDate(dos)})`;
  const later = library.icd10(code, lastDayOfFiscalYear(fiscalYear + 1)).status;
  if (later === "billable" || later === "header") return `${dated}: it was added in FY${fiscalYear + 1}`;
  const earlier = library.icd10(code, lastDayOfFiscalYear(fiscalYear - 1)).status;
  if (earlier === "billable" || earlier === "header") return `${dated}: it was deleted in ${version}`;
  return dated;
}
