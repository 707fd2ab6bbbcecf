// Whether a well-formed HCPCS Level II code may be billed on a date of service, by the loaded HCPCS
// files, and if not why, in a biller's words: not in the code set, or discontinued before that date.
// The workbook's code check and MEDBILL.HCPCS / MEDBILL.CODECHECK both ask here; each caller shows dates
// its own way (ISO in the panel and the terminal, month/day/year in a cell, like the rest of its messages).
import type { IsoDate } from "../dates";
import type { CodeSetLibrary } from "./codeSetLibrary";

export type HcpcsOnDate = { status: "active" } | { status: "not-loaded" } | { status: "not-valid"; reason: string };

/** Without a date of service, a code with a termination date is not valid (the library's rule). */
export function hcpcsOnDate(library: CodeSetLibrary, code: string, dos?: IsoDate, showDate = (day: IsoDate): string => day): HcpcsOnDate {
  const answer = library.hcpcs(code, dos);
  switch (answer.status) {
    case "active":
    case "not-loaded":
      return { status: answer.status };
    case "unknown":
      return { status: "not-valid", reason: `${code} is not in the HCPCS Level II code set${dos ? ` on ${showDate(dos)}` : ""}` };
    case "terminated":
      return {
        status: "not-valid",
        reason: `${code} was discontinued on ${showDate(answer.terminated)}${dos ? `: not valid on ${showDate(dos)}` : ""}`,
      };
  }
}
