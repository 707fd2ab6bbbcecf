// What makes a posting a denial, for every reader (the ERA import that posts one, the KPIs that count
// them): DOMAIN.md "Posting rules": a zero-paid line with a CO reason other than 45 is a denial to
// work. A denial is posted at $0.00 with the Note "Denied: to work" so the line stays open for
// follow-up; the ERA import writes that note on every row of a claim the payer denied outright (CLP02
// status 4), whatever its reasons. The amount of the adjustment never decides it.
import type { PostingRow } from "../workbook/tables";

export const DENIED_NOTE = "Denied: to work";

/** A group and reason that deny (CO with any reason but 45, the contractual write-off). */
export function isDenialCode(group: string | undefined, reason: string | undefined): boolean {
  return group === "CO" && reason !== undefined && reason.trim() !== "" && reason.trim() !== "45";
}

/** A posting that records a denial: its group and reason deny, or the ERA import marked it denied. */
export function isDenialPosting(p: Pick<PostingRow, "group" | "reason" | "note">): boolean {
  return denies(p.group, p.reason, p.note);
}

/** isDenialPosting on a posting's fields as columns give them (no row object). */
export function denies(group: string | undefined, reason: string | undefined, note: string | undefined): boolean {
  return isDenialCode(group, reason) || note?.startsWith(DENIED_NOTE) === true;
}
