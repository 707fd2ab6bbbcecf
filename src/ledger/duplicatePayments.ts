// Money posted twice, found after the fact. Offices share one workbook (co-authoring in Excel for
// the web): two billers posting the same ERA at the same moment can both pass the payer + trace
// check, and a manual check can be keyed in twice. This finds, from the ledger alone:
//   - Payments rows of the same payer with the same trace or reference (trimmed, any case; an ERA
//     payment's Reference is its trace): the same remittance twice. The earliest row is kept; each
//     later one is named with the postings it made, which double the kept one's lines.
//   - A line of a claim posted from two remittances of one payer that are not the same remittance,
//     when neither posting was undone (an 835 reversal, CLP02 22, undoes the first): the claim paid
//     twice, unless the payer did pay it twice. Lines of one claim paid in different remittances are not.
// Each finding says in a sentence what to undo, with Reverse posting. Pure: no workbook, no clock.
// Two posts planned at the same moment also take the same new PaymentID and PostingIDs; the ledger
// keeps only the first row of an ID, so rowsAsWritten reads Payments and Postings again with the
// repeats kept when the Payments table has a repeated PaymentID.
import { plural } from "../counting";
import type { DateSystem } from "../dates";
import { formatMoney } from "../money";
import { mapColumns, parseTable } from "../workbook/mapTable";
import type { RawTable } from "../workbook/port";
import { Payments, Postings, type ChargeRow, type PaymentRow, type PostingRow, type TableDef } from "../workbook/tables";
import { refundedPaymentId, type Ledger } from "./ledger";

export interface DuplicatePayment {
  kind: "same remittance" | "claim posted twice";
  /** The payer's PayerID as the Payments table has it. */
  payerId: string;
  /** The kept payment (the earliest), then the one to undo. */
  kept: string;
  undo: string;
  /** The undo payment's postings still standing that double a line (PostingIDs). */
  postingIds: string[];
  /** The claim, for "claim posted twice". */
  claimId?: string;
  message: string;
}

/** The identity of a remittance or check: payer and trace/reference, trimmed, any case, inner spaces as one. */
function remittanceKey(payment: PaymentRow): string | undefined {
  const payer = payment.payerId?.trim().toLowerCase();
  const reference = payment.reference?.trim().replace(/\s+/g, " ").toLowerCase();
  if (!payer || !reference) return undefined;
  return `${payer}\u0000${reference}`;
}

/** "trace 1234" for an ERA or EFT, "check 5678" for a check, "reference X" otherwise. */
function referenceWords(payment: PaymentRow): string {
  const ref = payment.reference!.trim();
  if (payment.method === "ERA" || payment.method === "EFT" || payment.method === "ACH") return `trace ${ref}`;
  if (payment.method === "Check") return `check ${ref}`;
  return `reference ${ref}`;
}

/** What a posting puts on its line, so the same posting twice under one PaymentID can be told apart. */
function postingSignature(p: PostingRow): string {
  return [p.chargeId, p.paid ?? 0, p.adjustment ?? 0, p.group ?? "", p.reason ?? "", p.patientResp ?? 0].join("\u0000");
}

/** Every payment row posted twice, and every claim one payer's remittances posted twice, with what to undo. */
export function findDuplicatePayments(ledger: Pick<Ledger, "payments" | "postings" | "chargeById">): DuplicatePayment[] {
  const reversed = new Set<string>();
  for (const p of ledger.postings) if (p.reverses !== undefined) reversed.add(p.reverses);
  // Postings still standing (not reversals, not reversed), by PaymentID, in Postings order.
  const standing = new Map<string, PostingRow[]>();
  for (const p of ledger.postings) {
    if (p.reverses !== undefined || reversed.has(p.postingId) || p.paymentId === undefined) continue;
    const list = standing.get(p.paymentId) ?? [];
    list.push(p);
    standing.set(p.paymentId, list);
  }

  const found: DuplicatePayment[] = [];
  const groups = new Map<string, PaymentRow[]>();
  for (const payment of ledger.payments) {
    if (payment.amount < 0 || refundedPaymentId(payment) !== undefined) continue;
    const key = remittanceKey(payment);
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    group.push(payment);
    groups.set(key, group);
  }
  // Payments that are one remittance, so the claim check below does not name them again.
  const sameRemittance = new Map<string, string>();
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const [kept] = group;
    for (const p of group) sameRemittance.set(p.paymentId, key);
    const copiesOfKept = group.filter((p) => p.paymentId === kept.paymentId).length;
    group.slice(1).forEach((dup, k) => {
      const what = `(${dup.payerId!.trim()}, ${referenceWords(kept)})`;
      let postingIds: string[];
      let message: string;
      if (dup.paymentId === kept.paymentId) {
        // Both took the same PaymentID (planned at the same moment): the (n+1)th copy of a posting is the nth duplicate's.
        const seen = new Map<string, number>();
        const copy = k + 1;
        postingIds = [];
        for (const p of standing.get(dup.paymentId) ?? []) {
          const sig = postingSignature(p);
          const n = seen.get(sig) ?? 0;
          seen.set(sig, n + 1);
          if (n === copy) postingIds.push(p.postingId);
        }
        message =
          `Payment ${dup.paymentId} is in Payments ${copiesOfKept === 2 ? "twice" : `${copiesOfKept} times`}, the same remittance ${what} posted at the same time` +
          (postingIds.length > 0
            ? `, and ${plural(postingIds.length, "posting")} with it: undo one copy of it and of each of those postings with Reverse posting.`
            : `: undo the second copy with Reverse posting.`);
      } else {
        const keptLines = new Set((standing.get(kept.paymentId) ?? []).map((p) => p.chargeId));
        const mine = standing.get(dup.paymentId) ?? [];
        postingIds = mine.map((p) => p.postingId);
        const doubled = new Set(mine.filter((p) => keptLines.has(p.chargeId)).map((p) => p.chargeId)).size;
        const head = `Payments ${kept.paymentId} and ${dup.paymentId} are the same remittance ${what}`;
        message =
          mine.length > 0
            ? `${head}: undo ${dup.paymentId} and its ${plural(mine.length, "posting")} with Reverse posting${doubled > 0 ? ` (${plural(doubled, "line is", "lines are")} posted twice)` : ""}.`
            : `${head}: ${dup.paymentId}'s postings are undone already, but its ${formatMoney(dup.amount)} is still counted as received: it is a credit until it is taken out.`;
      }
      found.push({ kind: "same remittance", payerId: dup.payerId!.trim(), kept: kept.paymentId, undo: dup.paymentId, postingIds, message });
    });
  }

  // ERA postings still standing, by line: one payer's remittances (not one remittance twice) posting the same line.
  // Different lines of a claim paid in different remittances are not a double; the same line twice is.
  const paymentById = new Map<string, PaymentRow>();
  for (const p of ledger.payments) if (!paymentById.has(p.paymentId)) paymentById.set(p.paymentId, p);
  const byLine = new Map<string, Map<string, PostingRow[]>>();
  for (const [paymentId, postings] of standing) {
    const payment = paymentById.get(paymentId);
    if (!payment?.payerId || payment.amount < 0) continue;
    for (const p of postings) {
      // A $0 denial posts nothing: the claim worked and paid later is not a double.
      if (p.source !== "ERA" || !(p.paid || p.adjustment || p.patientResp)) continue;
      const key = `${payment.payerId.trim().toLowerCase()}\u0000${p.chargeId}`;
      const byPayment = byLine.get(key) ?? new Map<string, PostingRow[]>();
      const list = byPayment.get(paymentId) ?? [];
      list.push(p);
      byPayment.set(paymentId, list);
      byLine.set(key, byPayment);
    }
  }
  // One finding per claim and later payment, with every posting of that payment to the doubled lines.
  const doubles = new Map<string, { kept: string; undo: string; claimId: string; postings: PostingRow[] }>();
  for (const byPayment of byLine.values()) {
    if (byPayment.size < 2) continue;
    const [kept, ...later] = [...byPayment.keys()];
    for (const id of later) {
      const a = sameRemittance.get(kept);
      if (a !== undefined && a === sameRemittance.get(id)) continue;
      const postings = byPayment.get(id)!;
      const claimId = ledger.chargeById.get(postings[0].chargeId)?.claimId ?? postings[0].chargeId;
      const key = `${claimId}\u0000${kept}\u0000${id}`;
      const entry = doubles.get(key) ?? { kept, undo: id, claimId, postings: [] };
      entry.postings.push(...postings);
      doubles.set(key, entry);
    }
  }
  for (const { kept, undo, claimId, postings } of doubles.values()) {
    const first = paymentById.get(kept)!;
    const later = paymentById.get(undo)!;
    const payer = later.payerId!.trim();
    const ref = (p: PaymentRow) => (p.reference?.trim() ? `, ${referenceWords(p)}` : "");
    found.push({
      kind: "claim posted twice",
      payerId: payer,
      kept,
      undo,
      postingIds: postings.map((p) => p.postingId),
      claimId,
      message:
        `Claim ${claimId} was posted from two remittances of ${payer} (${kept}${ref(first)}, and ${undo}${ref(later)}): ` +
        `if ${payer} paid it only once, undo ${undo}'s ${plural(postings.length, "posting")} to claim ${claimId} with Reverse posting.`,
    });
  }
  return found;
}

/** Whether a table repeats a key (any case, trimmed): a cheap look at one column, no parsing. */
function repeatsKey(def: TableDef, raw: RawTable): boolean {
  const column = def.key === undefined ? undefined : mapColumns(def, raw.headers).columns[def.key as string];
  if (!column) return false;
  const seen = new Set<string>();
  for (const row of raw.rows) {
    const v = row[column.index];
    if (v === null || v === "") continue;
    const key = String(v).trim().toLowerCase();
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * Payments and Postings as written: the rows given (a ledger's, or rows parsed for Check rows) unless
 * the Payments table repeats a PaymentID, when both are read again from the tables with every repeat
 * kept (parseTable leaves a repeated ID's later rows out, so a remittance posted twice at once would
 * not be seen).
 */
export function rowsAsWritten(
  rows: { payments: PaymentRow[]; postings: PostingRow[] },
  tables: Record<string, RawTable | undefined>,
  dateSystem: DateSystem,
): { payments: PaymentRow[]; postings: PostingRow[] } {
  const payments = tables[Payments.name];
  if (!payments || !repeatsKey(Payments, payments)) return rows;
  const unkeyed = <D extends TableDef>(def: D): D => ({ ...def, key: undefined });
  const postings = tables[Postings.name];
  return {
    payments: parseTable(unkeyed(Payments), payments, dateSystem).rows,
    postings: postings ? parseTable(unkeyed(Postings), postings, dateSystem).rows : rows.postings,
  };
}

/**
 * The same, from rows as parsed (Check rows and `medbill check`, which read the tables without a
 * ledger), with the tables they came from for rowsAsWritten: the sentences.
 */
export function postedTwice(
  rows: { charges: ChargeRow[]; payments: PaymentRow[]; postings: PostingRow[] },
  tables: Record<string, RawTable | undefined> = {},
  dateSystem: DateSystem = 1900,
): string[] {
  const chargeById = new Map<string, ChargeRow>();
  for (const c of rows.charges) if (!chargeById.has(c.chargeId)) chargeById.set(c.chargeId, c);
  return findDuplicatePayments({ ...rowsAsWritten(rows, tables, dateSystem), chargeById }).map((d) => d.message);
}
