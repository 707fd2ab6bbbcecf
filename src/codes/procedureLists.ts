// Whether a well-formed CPT code or modifier exists, by what the office has loaded. CPT content is the
// AMA's and no CMS file carries it, so CPT codes are looked up in the office's own list named "CPT" (its
// CPT list or fee schedule, imported in the Codes panel). Letter modifiers are looked up in the HCPCS
// file's modifier records; numeric modifiers (25, 59) are CPT's, which that file does not carry, so
// their format is all anyone can check. The workbook's code check and the MEDBILL functions both ask here.
import type { CodeSetLibrary } from "./codeSetLibrary";

/** The name an office gives its CPT list when importing it (lists are looked up without case). */
export const CPT_LIST = "CPT";

/** Known, not checkable because its list is not loaded, or not on the list (with the reason). */
export type OnList = { status: "known" } | { status: "not-loaded" } | { status: "unknown"; reason: string };

const KNOWN: OnList = { status: "known" };
const NOT_LOADED: OnList = { status: "not-loaded" };

/** A CPT code (already well formed) on the office's CPT list. */
export function cptOnOfficeList(library: CodeSetLibrary, code: string): OnList {
  const listed = library.listed(CPT_LIST, code);
  if (listed.status === "listed") return KNOWN;
  if (listed.status === "not-loaded") return NOT_LOADED;
  return { status: "unknown", reason: `${code} is not in your CPT list` };
}

/** A modifier (already well formed) among the HCPCS Level II modifiers; numeric modifiers pass on their format. */
export function modifierOnHcpcsList(library: CodeSetLibrary, modifier: string): OnList {
  if (/^\d\d$/.test(modifier)) return KNOWN;
  const known = library.hcpcsModifier(modifier);
  if (known.status === "known") return KNOWN;
  if (known.status === "not-loaded") return NOT_LOADED;
  return { status: "unknown", reason: `modifier ${modifier} is not in the HCPCS Level II modifier list` };
}
