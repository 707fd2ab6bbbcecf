// Finding the postings to reverse: by PostingID, or by the line, claim or payment they belong to,
// newest first, each said in a line a biller recognises ("Paid $40.00 · CO-45 $60.00"), with the
// ones that can't be reversed (a reversal, or a posting already reversed) marked and why.
import type { IsoDate } from "../../src/dates";
import { formatMoney } from "../../src/money";
import type { Ledger } from "../../src/ledger/ledger";
import { reversedBy, whyNotReversible } from "../../src/ledger/reversible";
import type { PostingRow } from "../../src/workbook/tables";

export interface PostingChoice {
  postingId: string;
  date: IsoDate;
  chargeId: string;
  /** "2026-03-05 99213" of the line, when the charge is in the workbook. */
  line: string;
  paymentId?: string;
  /** "Paid $40.00 · CO-45 $60.00 · PR-2 $10.00". */
  money: string;
  /** Why it can't be reversed; undefined when it can. */
  blocked?: string;
}

export const POSTINGS_SHOWN = 50;

// The Reverse panel asks here whether a picked posting can still be reversed: the ledger's one rule.
export { canReverse, reversedBy } from "../../src/ledger/reversible";

/** "Paid $40.00 · CO-45 $60.00 · PR-1 $20.00" (a zero-paid denial says "Paid $0.00"). */
export function postingMoney(p: Pick<PostingRow, "paid" | "adjustment" | "group" | "reason" | "patientResp">): string {
  const parts: string[] = [];
  const code = (group: string | undefined) => `${group ?? "Adj"}${p.reason ? `-${p.reason}` : ""}`;
  if (p.paid !== undefined) parts.push(`Paid ${formatMoney(p.paid)}`);
  if (p.adjustment !== undefined && (p.adjustment !== 0 || p.paid === undefined))
    parts.push(`${code(p.group)} ${formatMoney(p.adjustment)}`);
  if (p.patientResp !== undefined) parts.push(`${code("PR")} ${formatMoney(p.patientResp)}`);
  return parts.length > 0 ? parts.join(" · ") : "No amount";
}

/**
 * Postings whose PostingID, ChargeID, PaymentID or the line's ClaimID starts with the query (case
 * aside), newest first. A blank query finds nothing: a workbook has thousands.
 */
export function findPostings(ledger: Ledger, query: string, limit: number = POSTINGS_SHOWN): { shown: PostingChoice[]; total: number } {
  const q = query.trim().toLowerCase();
  if (q === "") return { shown: [], total: 0 };
  const reversed = reversedBy(ledger);
  const starts = (value: string | undefined) => value !== undefined && value.toLowerCase().startsWith(q);
  const found: PostingChoice[] = [];
  for (let i = ledger.postings.length - 1; i >= 0; i--) {
    const p = ledger.postings[i];
    const charge = ledger.chargeById.get(p.chargeId);
    if (!(starts(p.postingId) || starts(p.chargeId) || starts(p.paymentId) || starts(charge?.claimId))) continue;
    const not = whyNotReversible(p, reversed);
    found.push({
      postingId: p.postingId,
      date: p.date,
      chargeId: p.chargeId,
      line: charge ? `${charge.dos} ${[charge.code, charge.mod1].filter(Boolean).join("-")}` : "",
      paymentId: p.paymentId,
      money: postingMoney(p),
      blocked:
        not?.why === "is a reversal"
          ? `This row reverses ${not.of}: to undo it, post the correction again.`
          : not?.why === "already reversed"
            ? `Already reversed by ${not.by}.`
            : undefined,
    });
  }
  return { shown: found.slice(0, limit), total: found.length };
}
