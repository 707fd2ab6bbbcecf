// Notes (not problems) on reversal rows that leave Group or PaymentID blank. A reversal counts in its
// original's group and against its original's payment (balances.ts), which is right, but a reader of
// the Postings sheet sees a blank: `medbill check` says what the row is taken to mean.
import type { PostingRow } from "../workbook/tables";

/** One note per reversal row with a blank Group or PaymentID whose original fills it. */
export function reversalNotes(postings: PostingRow[], sheetRows: number[], table = "Postings"): string[] {
  const byId = new Map<string, PostingRow>();
  for (const p of postings) if (!byId.has(p.postingId.toLowerCase())) byId.set(p.postingId.toLowerCase(), p);
  const notes: string[] = [];
  postings.forEach((p, i) => {
    if (p.reverses === undefined) return;
    const original = byId.get(p.reverses.toLowerCase());
    if (!original) return;
    const taken: string[] = [];
    if (p.group === undefined && original.group !== undefined) taken.push(`group ${original.group}`);
    if (p.paymentId === undefined && original.paymentId !== undefined) taken.push(`payment ${original.paymentId}`);
    if (taken.length === 0) return;
    const blanks = [
      p.group === undefined && original.group !== undefined ? "Group" : "",
      p.paymentId === undefined && original.paymentId !== undefined ? "PaymentID" : "",
    ]
      .filter(Boolean)
      .join(" and ");
    notes.push(
      `${table} row ${sheetRows[i]}: the reversal ${p.postingId} leaves ${blanks} blank, so it counts in the ${taken.join(" and ")} ` +
        `of the posting it reverses (${original.postingId}). Fill ${blanks === "Group" ? "it" : "them"} in if you want the sheet to show it.`,
    );
  });
  return notes;
}
