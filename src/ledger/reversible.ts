// Whether a posting can still be reversed, the one rule the Reverse panel's search, the manual
// reversal plan and an ERA's reversal claims all follow: the posting is in the ledger, is not itself
// a reversal (undo a wrong reversal by posting the right amounts again, never by a reversal of a
// reversal), and no row reverses it yet (a second reversal would take the money back twice).
import type { Ledger } from "./ledger";
import type { PostingRow } from "../workbook/tables";

/** Why a posting cannot be reversed; each caller words it for where it is shown. */
export type NotReversible = { why: "is a reversal"; of: string } | { why: "already reversed"; by: string };

/** PostingIDs already reversed: a map to the reversing row (reversedBy), or a set of them (an ERA run adds its own). */
export interface ReversedPostings {
  has(postingId: string): boolean;
}

/** Each reversed PostingID, with the PostingID of the row that reverses it (the last such row). */
export function reversedBy(ledger: Pick<Ledger, "postings">): Map<string, string> {
  const by = new Map<string, string>();
  for (const p of ledger.postings) if (p.reverses !== undefined) by.set(p.reverses, p.postingId);
  return by;
}

/** Why this posting row cannot be reversed, or undefined when it can. */
export function whyNotReversible(
  posting: Pick<PostingRow, "postingId" | "reverses">,
  reversed: ReadonlyMap<string, string>,
): NotReversible | undefined {
  if (posting.reverses !== undefined) return { why: "is a reversal", of: posting.reverses };
  const by = reversed.get(posting.postingId);
  return by === undefined ? undefined : { why: "already reversed", by };
}

/** Whether this posting row can be reversed. */
export function isReversible(posting: Pick<PostingRow, "postingId" | "reverses">, reversed: ReversedPostings): boolean {
  // The same test as whyNotReversible, for a set of IDs that has no reversing row to name.
  return posting.reverses === undefined && !reversed.has(posting.postingId);
}

/** Whether the posting with this ID can still be reversed. */
export function canReverse(ledger: Pick<Ledger, "postingById">, reversed: ReversedPostings, postingId: string): boolean {
  const posting = ledger.postingById.get(postingId);
  return posting !== undefined && isReversible(posting, reversed);
}
