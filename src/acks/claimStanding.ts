// Where each claim stands with its payer after it left the office, from its ClaimStatus rows: when and
// in which file it was last billed, when the clearinghouse (999) and the payer (277CA) accepted it
// (the proof of timely filing), or that it was rejected and why. For the Claims panel and the
// follow-up lists: a rejected claim is to be fixed and sent again; a billed one with no acceptance
// may never have reached the payer.
import type { IsoDate } from "../dates";
import type { ClaimStatusRow } from "../workbook/tables";

export interface ClaimAcknowledgement {
  /** As the latest row spells it. */
  claimId: string;
  payerId?: string;
  sequence?: ClaimStatusRow["sequence"];
  /** The latest event: a new billing starts the claim's answers afresh. */
  standing: ClaimStatusRow["event"];
  /** The date of the latest event. */
  date: IsoDate;
  /** The latest billing: its date and its file's control number (GS06). */
  billed?: { date: IsoDate; controlNumber?: string };
  /** The first acceptance since that billing by the clearinghouse (999), and by the payer (277CA). */
  clearinghouseAccepted?: IsoDate;
  payerAccepted?: { date: IsoDate; payerClaimNumber?: string };
  /** The latest rejection since that billing, while it is the claim's standing. */
  rejected?: { date: IsoDate; source?: string; reason?: string };
}

/**
 * Each claim's latest standing, by lower-case ClaimID. Rows are taken in date order (rows of one date
 * in table order), so a 999 imported after a 277CA of a later date does not undo the payer's answer.
 */
export function claimAcknowledgements(rows: readonly ClaimStatusRow[]): Map<string, ClaimAcknowledgement> {
  const ordered = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : a.i - b.i));
  const standings = new Map<string, ClaimAcknowledgement>();
  for (const { row } of ordered) {
    const key = row.claimId.toLowerCase();
    const before = standings.get(key);
    let next: ClaimAcknowledgement;
    if (row.event === "Billed" || !before) {
      next = { claimId: row.claimId, standing: row.event, date: row.date };
      if (row.event === "Billed")
        next.billed = row.controlNumber ? { date: row.date, controlNumber: row.controlNumber } : { date: row.date };
    } else {
      next = { ...before, claimId: row.claimId, standing: row.event, date: row.date };
    }
    if (row.payerId) next.payerId = row.payerId;
    else if (before?.payerId && row.event !== "Billed") next.payerId = before.payerId;
    if (row.sequence) next.sequence = row.sequence;
    else if (before?.sequence && row.event !== "Billed") next.sequence = before.sequence;
    if (row.event === "Accepted") {
      delete next.rejected;
      if (row.source === "277CA") {
        if (!next.payerAccepted)
          next.payerAccepted = row.controlNumber ? { date: row.date, payerClaimNumber: row.controlNumber } : { date: row.date };
      } else {
        next.clearinghouseAccepted ??= row.date;
      }
    } else if (row.event === "Rejected") {
      const rejected: ClaimAcknowledgement["rejected"] = { date: row.date };
      if (row.source) rejected.source = row.source;
      if (row.reason) rejected.reason = row.reason;
      next.rejected = rejected;
    }
    standings.set(key, next);
  }
  return standings;
}

/** The date that proves the claim was filed in time: the payer's acceptance, else the clearinghouse's. */
export function timelyFilingProof(standing: ClaimAcknowledgement): { date: IsoDate; by: "payer" | "clearinghouse" } | undefined {
  if (standing.standing === "Rejected") return undefined;
  if (standing.payerAccepted) return { date: standing.payerAccepted.date, by: "payer" };
  if (standing.clearinghouseAccepted) return { date: standing.clearinghouseAccepted, by: "clearinghouse" };
  return undefined;
}
