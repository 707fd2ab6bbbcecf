// The corrections a bookkeeper makes outside a payment: office write-offs and adjustments (Group
// WO, the reason in the Note), refunds of a payment's unapplied credit (a negative Payments row whose
// Reference says "REFUND <PaymentID>"), and reversals (a negated copy of a posting pointing at it
// through Reverses; the original row is never edited). Checked in full before anything is written.
import type { IsoDate } from "../dates";
import { formatMoney, sumCents, type Cents } from "../money";
import { plural } from "../counting";
import { sentence } from "../sentences";
import { Payments, Postings, type ChargeRow, type PaymentRow, type PostingRow } from "../workbook/tables";
import { paymentStatuses } from "./balances";
import type { Ledger } from "./ledger";
import {
  checkAmount,
  checkDate,
  checkTargetTable,
  lineLabel,
  METHOD_LIST,
  paymentMethod,
  paymentWords,
  targetTable,
  textOrNothing,
} from "./postingChecks";
import { FIRST_PAYMENT_ID, FIRST_POSTING_ID } from "./postingIds";
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
}

export interface Refund {
  paymentId: string;
  amount: Cents;
  date: IsoDate;
  method: string;
  reference?: string;
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
    rows.push({ chargeId: charge.chargeId, date: a.date, adjustment: a.amount, group: "WO", source: "Manual", note });
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

/** Money given back from a payment's unapplied credit: a negative Payments row naming the payment. */
export function refundPlan(ledger: Ledger, ctx: PlanContext, refund: Refund): PlanResult {
  const problems: string[] = [];
  const original = ledger.paymentById.get(String(refund.paymentId ?? "").trim());
  if (!original) problems.push(`There is no payment "${String(refund.paymentId ?? "")}" in the Payments table.`);
  else if (original.amount < 0) problems.push(`${original.paymentId} is itself a refund: choose the payment it refunds.`);
  const amountProblem = checkAmount(refund.amount, "the refund", 1, "enter the amount given back as a positive amount");
  if (amountProblem) problems.push(sentence(amountProblem));
  const dateProblem = checkDate(refund.date, ctx.today, "refund date");
  if (dateProblem) problems.push(sentence(dateProblem));
  else if (original && refund.date < original.date) {
    problems.push(`The refund date ${refund.date} is before the date of ${original.paymentId} (${original.date}).`);
  }
  const method = paymentMethod(refund.method);
  if (!method) problems.push(`"${String(refund.method ?? "")}" is not a payment method (use one of: ${METHOD_LIST}).`);
  let left: Cents = 0;
  if (original && original.amount >= 0) {
    const status = paymentStatuses(ledger).find((s) => s.paymentId === original.paymentId)!;
    left = status.unapplied;
    if (!amountProblem && refund.amount > left) {
      problems.push(
        `The refund of ${formatMoney(refund.amount)} is more than the ${formatMoney(left)} still unapplied on ${original.paymentId} ` +
          `(payment ${formatMoney(status.amount)}, applied ${formatMoney(status.applied)}, refunded ${formatMoney(status.refunded)}).`,
      );
    }
  }
  const from = original?.payerId !== undefined ? "payerId" : "patientId";
  const payments = checkTargetTable(targetTable(ctx, "Payments", Payments), Payments, [
    "paymentId",
    "date",
    "amount",
    "method",
    "reference",
    from,
  ]);
  problems.push(...payments.problems);
  if (problems.length > 0 || !original) return { ok: false, problems };

  const [paymentId] = newIds(payments.table!, ledger.knownPaymentIds, "paymentId", 1, FIRST_PAYMENT_ID);
  const reference = textOrNothing(refund.reference);
  const row: PaymentRow = {
    paymentId,
    date: refund.date,
    payerId: original.payerId,
    patientId: original.payerId === undefined ? original.patientId : undefined,
    method,
    reference: `REFUND ${original.paymentId}`,
    amount: -refund.amount,
    note: reference ? `Refund by ${paymentWords(method!, reference)}` : `Refund of ${original.paymentId}`,
  };
  return finishPlan(ledger, ctx, {
    payments: { table: payments.table, rows: [row] },
    postings: { rows: [] },
    touched: [],
    action: "Refund",
    what: `refund of ${formatMoney(refund.amount)} from ${original.paymentId} by ${paymentWords(method!, reference)} (${paymentId})`,
    totals: `refunded ${formatMoney(refund.amount)}`,
    paymentRemark: `${original.paymentId} keeps ${formatMoney(left - refund.amount)} unapplied after this refund`,
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
