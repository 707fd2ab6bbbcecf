// A claim's history with its payers after it leaves the office (issue 16), read from the ClaimStatus
// table: one row per event (Billed, Accepted, Rejected, Crossed over), never changed, so a claim's
// standing is its latest row (acks/claimStanding.ts reads it). Here: the claims that stand rejected,
// for the follow-up lists (Rejected) and the Claims panel (a rejected claim to send again).
import { claimAcknowledgements } from "../acks/claimStanding";
import type { IsoDate } from "../dates";
import type { ClaimStatusRow } from "../workbook/tables";

/** A claim's latest word from a clearinghouse or payer (ClaimStatus), when it is a rejection. */
export interface Rejection {
  date: IsoDate;
  source: string;
  reason: string;
  /** The payer it was billed to: "Primary" (the Charges line's payer), "Secondary" or "Tertiary". */
  sequence: string;
}

/**
 * The claims whose latest Billed, Accepted or Rejected row dated on or before `asOf` is a rejection
 * (claimAcknowledgements: rows in date order, a day's rows in table order), by ClaimID as the row
 * spells it; a claim sent again after it (a new Billed row) is off. A crossover says nothing about
 * whether the claim got through, so it is not counted here.
 */
export function rejectionsOf(rows: readonly ClaimStatusRow[], asOf: IsoDate): Map<string, Rejection> {
  const counted = rows.filter((row) => row.date <= asOf && row.event !== "Crossed over");
  const rejected = new Map<string, Rejection>();
  for (const standing of claimAcknowledgements(counted).values()) {
    if (standing.standing !== "Rejected" || !standing.rejected) continue;
    rejected.set(standing.claimId, {
      date: standing.rejected.date,
      source: standing.rejected.source ?? "",
      reason: standing.rejected.reason ?? "",
      sequence: standing.sequence ?? "Primary",
    });
  }
  return rejected;
}
