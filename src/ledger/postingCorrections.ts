// The corrections a bookkeeper makes outside a payment: office write-offs and adjustments (Group
// WO, the reason in the Note) and reversals (a negated copy of a posting pointing at it through
// Reverses; the original row is never edited). Refunds have their own home: src/credits/refundPlan.ts.
// Checked in full before anything is written.
import type { IsoDate } from "../dates";
import { formatMoney, sumCents, type Cents } from "../money";
import { plural } from "../counting";
import { sentence } from "../sentences";
import { Postings, type ChargeRow, type PostingRow } from "../workbook/tables";
import type { Ledger } from "./ledger";
import { checkAmount, checkDate, checkTargetTable, lineLabel, targetTable, textOrNothing } from "./postingChecks";
import { FIRST_POSTING_ID } from "./postingIds";
import { reversedBy, whyNotReversible } from "./reversible";
import { postingFieldsNeeded } from "./postingLines";
import { balancesOfLines, finishPlan, newIds, type PlanContext, type PlanResult } from "./postingRows";

export type OfficeAdjustmentKind = "small balance" | "bad debt" | "courtesy" | "other";

export interface OfficeAdjustment {
  chargeId: string;
  amount: Cents;
  kind: OfficeAdjustmentKind;
  reason: string;
  date: IsoDate;
  /** A reason code for the Reason column, where the office's kind has one (bad debt sent to an agency: src/collections/badDebt.ts). */
  code?: string;
}

const KIND_NOTES: Record<OfficeAdjustmentKind, string> = {
  "small balance": "Small balance write-off",
  "bad debt": "Bad debt write-off",
  courtesy: "Courtesy adjustment",
  other: "Office adjustment",
};

/** Office write-offs and adjustments (Group WO): small balance, bad debt, courtesy, or another reason the office gives. */
export function officeAdjustmentPlan(ledger: Ledger, ctx: PlanContext, adj: OfficeAdjustment[]): PlanResult {
  const problems: string[] = [];
  if (adj.length === 0) problems.push("Choose at least one line to write off.");
  const byLine = new Map<string, { charge: ChargeRow; total: Cents }>();
  const rows: Omit<PostingRow, "postingId">[] = [];
  for (const a of adj) {
    const charge = ledger.chargeById.get(String(a.chargeId ?? "").trim());
    if (!charge) {
      problems.push(`Line ${String(a.chargeId ?? "")}: there is no such line in the Charges table.`);
      continue;
    }
    const say = (text: string) => problems.push(`${lineLabel(charge)}: ${text}.`);
    const before = problems.length;
    const amountProblem = checkAmount(a.amount, "the write-off", 1, "to undo a write-off, reverse its posting");
    if (amountProblem) say(amountProblem);
    const dateProblem = checkDate(a.date, ctx.today, "write-off date");
    if (dateProblem) say(dateProblem);
    const kind = Object.hasOwn(KIND_NOTES, a.kind) ? a.kind : undefined;
    if (!kind) say(`"${String(a.kind)}" is not a kind of write-off (use small balance, bad debt, courtesy or other)`);
    const reason = textOrNothing(a.reason);
    if (kind === "other" && !reason) say("say why the office is adjusting it");
    if (problems.length > before || !kind) continue;
    // A line written off twice in one plan is checked on the two amounts added up.
    const seen = byLine.get(charge.chargeId) ?? { charge, total: 0 };
    seen.total += a.amount;
    byLine.set(charge.chargeId, seen);
    const note = reason ? `${KIND_NOTES[kind]}: ${reason}` : KIND_NOTES[kind];
    const code = textOrNothing(a.code);
    rows.push({ chargeId: charge.chargeId, date: a.date, adjustment: a.amount, group: "WO", reason: code, source: "Manual", note });
  }
  for (const balance of balancesOfLines(ledger, byLine.keys())) {
    const line = byLine.get(balance.chargeId)!;
    if (line.total > balance.balance) {
      problems.push(
        `${lineLabel(line.charge)}: ${formatMoney(line.total)} written off but its balance is ${formatMoney(balance.balance)}.`,
      );
    }
  }
  const postings = checkTargetTable(targetTable(ctx, "Postings", Postings), Postings, [
    "postingId",
    "chargeId",
    "date",
    "adjustment",
    "group",
    "note",
    ...(rows.some((r) => r.reason !== undefined) ? ["reason"] : []),
  ]);
  problems.push(...postings.problems);
  if (problems.length > 0) return { ok: false, problems };

  const ids = newIds(postings.table!, ledger.knownPostingIds, "postingId", rows.length, FIRST_POSTING_ID);
  const postingRows: PostingRow[] = rows.map((r, i) => ({ postingId: ids[i], ...r }));
  const byKind = new Map<OfficeAdjustmentKind, Cents>();
  adj.forEach((a) => byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + a.amount));
  const total = sumCents(postingRows.map((r) => r.adjustment ?? 0));
  return finishPlan(ledger, ctx, {
    payments: { rows: [] },
    postings: { table: postings.table, rows: postingRows },
    touched: byLine.keys(),
    action: "Office adjustment",
    what: `${plural(byLine.size, "line")}: ${[...byKind].map(([k, v]) => `${k} ${formatMoney(v)}`).join(", ")}`,
    totals: `written off ${formatMoney(total)}`,
  });
}

const negate = (cents: Cents | undefined) => (cents === undefined ? undefined : -cents || 0);

/** Undo earlier postings with negated copies that point at them (Reverses); the originals stay as they are. */
export function reversalPlan(ledger: Ledger, ctx: PlanContext, postingIds: string[], date: IsoDate, note?: string): PlanResult {
  const problems: string[] = [];
  const ids = [...new Set(postingIds.map((id) => String(id ?? "").trim()))];
  if (ids.length === 0) problems.push("Choose at least one posting to reverse.");
  const dateProblem = checkDate(date, ctx.today, "reversal date");
  if (dateProblem) problems.push(sentence(dateProblem));
  const reversed = reversedBy(ledger);
  const originals: PostingRow[] = [];
  for (const id of ids) {
    const posting = ledger.postingById.get(id);
    const not = posting && whyNotReversible(posting, reversed);
    if (!posting) problems.push(`There is no posting "${id}" in the Postings table.`);
    else if (not?.why === "is a reversal") {
      problems.push(`${id} is itself a reversal (of ${not.of}) and cannot be reversed: post the right amounts as a new posting instead.`);
    } else if (not?.why === "already reversed") problems.push(`${id} was already reversed by ${not.by}.`);
    else if (!dateProblem && date < posting.date) problems.push(`The reversal date ${date} is before the date of ${id} (${posting.date}).`);
    else originals.push(posting);
  }
  const draft: Omit<PostingRow, "postingId">[] = originals.map((p) => ({
    paymentId: p.paymentId,
    chargeId: p.chargeId,
    date,
    paid: negate(p.paid),
    adjustment: negate(p.adjustment),
    group: p.group,
    reason: p.reason,
    patientResp: negate(p.patientResp),
    source: "Manual",
    reverses: p.postingId,
    note: textOrNothing(note) ?? `Reversal of ${p.postingId}`,
  }));
  const postings = checkTargetTable(targetTable(ctx, "Postings", Postings), Postings, [
    ...postingFieldsNeeded(draft, () => false),
    "reverses",
  ]);
  problems.push(...postings.problems);
  if (problems.length > 0) return { ok: false, problems };

  const newPostingIds = newIds(postings.table!, ledger.knownPostingIds, "postingId", draft.length, FIRST_POSTING_ID);
  const rows: PostingRow[] = draft.map((r, i) => ({ postingId: newPostingIds[i], ...r }));
  const totals = [
    `paid ${formatMoney(sumCents(rows.map((r) => r.paid ?? 0)))}`,
    `adjusted ${formatMoney(sumCents(rows.map((r) => r.adjustment ?? 0)))}`,
    `patient resp ${formatMoney(sumCents(rows.map((r) => r.patientResp ?? 0)))}`,
  ].join("; ");
  return finishPlan(ledger, ctx, {
    payments: { rows: [] },
    postings: { table: postings.table, rows },
    touched: originals.map((p) => p.chargeId),
    action: "Reverse postings",
    what: `${plural(rows.length, "posting")} reversed: ${originals.map((p) => p.postingId).join(", ")}`,
    totals,
  });
}
