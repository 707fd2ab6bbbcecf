// The Post payments form apart from React: what the biller typed (text, as typed) turned into the
// posting engine's inputs, with every mistake said next to its field; the running applied /
// unapplied total; and the lines filled in from an "apply oldest first" plan.
import { parseDate, type DateSystem, type IsoDate } from "../../src/dates";
import { formatMoney, parseMoney, type Cents } from "../../src/money";
import { sentence } from "../billerMessage";
import type { Ledger } from "../../src/ledger/ledger";
import { checkPaymentAmount, zeroPaymentAllowed } from "../../src/ledger/postingChecks";
import {
  insurancePaymentPlan,
  moreThanOwed,
  moreThanOwedWarning,
  patientPaymentPlan,
  type LineApplication,
  type NewPayment,
  type PlanContext,
  type PlanResult,
  type PreviewRow,
} from "../../src/ledger/postingPlans";

/** The ways money comes in that a biller posts by hand (ERA payments come in through the ERA import). */
export const METHODS = ["Check", "EFT", "ACH", "Cash", "Card", "Other"] as const;
export type Method = (typeof METHODS)[number];

/** Who the money is from: an insurer (a Payers row) or a patient paying their own share. */
export type PaymentSource = { payerId: string } | { patientId: string };

export const isPatientSource = (from: PaymentSource | undefined): from is { patientId: string } =>
  from !== undefined && "patientId" in from;

export interface PaymentForm {
  from?: PaymentSource;
  /** As typed: "2026-03-05" or "3/5/2026". */
  date: string;
  method: Method;
  /** Check number, EFT trace, card authorization. */
  reference: string;
  /** As typed: "$1,234.50", "1234.5". */
  amount: string;
}

export function newPaymentForm(today: IsoDate, from?: PaymentSource): PaymentForm {
  return { from, date: today, method: "Check", reference: "", amount: "" };
}

/** An insurer's adjustment groups; office write-offs (WO) are not part of a payment. */
export const ADJUSTMENT_GROUPS = ["CO", "OA", "PI"] as const;
export type AdjustmentGroup = (typeof ADJUSTMENT_GROUPS)[number];

export const PATIENT_RESP_REASONS = [
  { value: "1", text: "Deductible (PR-1)" },
  { value: "2", text: "Coinsurance (PR-2)" },
  { value: "3", text: "Copay (PR-3)" },
] as const;
export type PatientRespReason = (typeof PATIENT_RESP_REASONS)[number]["value"];

/** What the biller typed on one open line. A patient's payment uses only `paid` and `overpayment`. */
export interface LineEntry {
  paid: string;
  adjustment: string;
  group: AdjustmentGroup;
  /** Claim adjustment reason code (CARC), e.g. 45. */
  reason: string;
  patientResp: string;
  patientRespReason: PatientRespReason;
  /** The biller says the money is more than the line's balance on purpose. */
  overpayment: boolean;
}

export const BLANK_LINE: LineEntry = {
  paid: "",
  adjustment: "",
  group: "CO",
  reason: "",
  patientResp: "",
  patientRespReason: "1",
  overpayment: false,
};

/** Entries by ChargeID; a line with no entry is blank. */
export type LineEntries = Record<string, LineEntry>;

export type PaymentField = "from" | "date" | "amount";
export type LineField = "paid" | "adjustment" | "reason" | "patientResp";

export interface FormErrors {
  payment: Partial<Record<PaymentField, string>>;
  /** By ChargeID. */
  lines: Record<string, Partial<Record<LineField, string>>>;
}

export type PlanInputs =
  { ok: true; payment: NewPayment; lines: LineApplication[] | "oldest-first" } | { ok: false; errors: FormErrors; count: number };

const isBlank = (text: string) => text.trim() === "";

/** The plan a form that reads makes: a patient's payment (oldest first when no line is filled), or an insurer's. */
export function paymentPlan(ledger: Ledger, ctx: PlanContext, inputs: Extract<PlanInputs, { ok: true }>): PlanResult {
  return isPatientSource(inputs.payment.from)
    ? patientPaymentPlan(ledger, ctx, inputs.payment, inputs.lines)
    : insurancePaymentPlan(ledger, ctx, inputs.payment, inputs.lines as LineApplication[]);
}

/** Whether the biller typed anything that would post on this line. */
export function lineIsFilled(entry: LineEntry | undefined): boolean {
  return entry !== undefined && !(isBlank(entry.paid) && isBlank(entry.adjustment) && isBlank(entry.patientResp) && isBlank(entry.reason));
}

/** An amount the biller may leave blank; refused when negative unless `negativeOk`. */
function readAmount(text: string, negative: string | undefined): { cents?: Cents; error?: string } {
  if (isBlank(text)) return {};
  const parsed = parseMoney(text);
  if (!parsed.ok) return { error: sentence(parsed.error, { parenthesisEnds: true }) };
  if (negative !== undefined && parsed.value < 0) return { error: negative };
  return { cents: parsed.value };
}

/** A payment amount that reads but is no payment (below $0.00, or $0.00 where nothing else is recorded), in a sentence. */
function amountProblem(amount: Cents | undefined, insurer: boolean, lines: readonly { paid?: Cents }[]): string | undefined {
  const problem = checkPaymentAmount(amount, zeroPaymentAllowed(insurer, lines));
  return problem && sentence(problem);
}

// CARCs are one to three letters and digits: 45, 97, A1, B7, 253.
const CARC = /^[A-Z0-9]{1,3}$/;

/**
 * The form as the posting engine's inputs, or every mistake by field. `order` is the open lines'
 * ChargeIDs as listed, so applications keep the list's order. A patient's payment with no line
 * filled in is applied oldest date of service first (DOMAIN.md: unless the user picks lines).
 */
export function readPaymentForm(form: PaymentForm, entries: LineEntries, order: string[], dateSystem: DateSystem = 1900): PlanInputs {
  const errors: FormErrors = { payment: {}, lines: {} };
  let count = 0;
  const paymentError = (field: PaymentField, message: string) => {
    errors.payment[field] = message;
    count += 1;
  };

  if (!form.from) paymentError("from", "Choose who the payment is from: a payer, or a patient.");
  const date = isBlank(form.date) ? undefined : parseDate(form.date, dateSystem);
  if (!date) paymentError("date", "Enter the date the payment was received.");
  else if (!date.ok) paymentError("date", sentence(date.error, { parenthesisEnds: true }));

  const patient = isPatientSource(form.from);
  const lines: LineApplication[] = [];
  // Paid as typed on every filled line, read or not: whether a $0.00 payment may stand.
  const tried: { paid?: Cents }[] = [];
  for (const chargeId of order) {
    const entry = entries[chargeId];
    if (!lineIsFilled(entry)) continue;
    const lineErrors: Partial<Record<LineField, string>> = {};
    const paid = readAmount(entry.paid, "Paid can't be less than $0.00. To take money back from a line, reverse its posting.");
    if (paid.error) lineErrors.paid = paid.error;
    tried.push({ paid: paid.cents });
    const application: LineApplication = { chargeId };
    if (paid.cents !== undefined) application.paid = paid.cents;
    if (entry.overpayment) application.overpayment = true;

    if (!patient) {
      const adjustment = readAmount(entry.adjustment, undefined);
      const reason = entry.reason.trim().toUpperCase();
      if (adjustment.error) lineErrors.adjustment = adjustment.error;
      if (reason !== "" && !CARC.test(reason)) {
        lineErrors.reason = `"${entry.reason.trim()}" is not a reason code: use the CARC from the EOB, such as 45 or 97.`;
      } else if (reason !== "" && isBlank(entry.adjustment)) {
        lineErrors.adjustment = `Enter the adjustment for reason ${reason} ($0.00 for a denial).`;
      }
      if (adjustment.cents !== undefined) {
        application.adjustments = [{ group: entry.group, ...(reason ? { reason } : {}), amount: adjustment.cents }];
      }
      const resp = readAmount(entry.patientResp, "Patient responsibility can't be less than $0.00.");
      if (resp.error) lineErrors.patientResp = resp.error;
      if (resp.cents !== undefined) application.patientResp = [{ reason: entry.patientRespReason, amount: resp.cents }];
    } else if (!isBlank(entry.adjustment) || !isBlank(entry.patientResp)) {
      // Not reachable from the panel (a patient's line has only Paid); said plainly if it ever is.
      lineErrors.paid = "A patient's payment only pays lines: adjustments come from the insurer or an office write-off.";
    }
    const found = Object.keys(lineErrors).length;
    if (found > 0) {
      errors.lines[chargeId] = lineErrors;
      count += found;
    } else lines.push(application);
  }

  let amount: Cents | undefined;
  if (isBlank(form.amount)) paymentError("amount", "Enter the amount received.");
  else {
    const read = readAmount(form.amount, undefined);
    const problem = read.error ?? amountProblem(read.cents, !patient, tried);
    if (problem) paymentError("amount", problem);
    else amount = read.cents;
  }

  if (count > 0 || !form.from || !date?.ok || amount === undefined) return { ok: false, errors, count: Math.max(count, 1) };
  const payment: NewPayment = {
    from: form.from,
    date: date.value,
    method: form.method,
    amount,
    ...(isBlank(form.reference) ? {} : { reference: form.reference.trim() }),
  };
  return { ok: true, payment, lines: patient && lines.length === 0 ? "oldest-first" : lines };
}

export interface RunningTotals {
  /** The payment's amount, once it reads as one. */
  amount?: Cents;
  /** Paid on the lines (typed, or what oldest first would apply). */
  applied: Cents;
  /** amount − applied; negative when the lines take more than the payment. */
  unapplied?: Cents;
  /** No line filled in on a patient's payment: applied is what oldest first would take. */
  oldestFirst: boolean;
  /** The amount reads but is no payment (below $0.00...): why, in a sentence; then nothing is unapplied. */
  refused?: string;
  /** A patient's payment: how much of it is more than the account owes (when any). */
  moreThanOwed?: Cents;
}

/**
 * The running total under the lines. Amounts that don't read yet count as nothing (their field
 * says why). `patientShares` is each open line's patient share, for the oldest-first estimate and
 * what a patient's account owes.
 */
export function runningTotals(form: PaymentForm, entries: LineEntries, patientShares: Cents[]): RunningTotals {
  const amountRead = parseMoney(form.amount);
  const amount = !isBlank(form.amount) && amountRead.ok ? amountRead.value : undefined;
  let applied = 0;
  const tried: { paid?: Cents }[] = [];
  for (const entry of Object.values(entries)) {
    if (!lineIsFilled(entry)) continue;
    const paid = parseMoney(entry.paid);
    const cents = !isBlank(entry.paid) && paid.ok ? paid.value : undefined;
    tried.push({ paid: cents });
    applied += cents ?? 0;
  }
  const patient = isPatientSource(form.from);
  const oldestFirst = patient && tried.length === 0;
  const owed = patientShares.reduce((sum, share) => sum + Math.max(0, share), 0);
  if (oldestFirst) applied = amount === undefined ? 0 : Math.max(0, Math.min(amount, owed));
  const totals: RunningTotals = { amount, applied, unapplied: amount === undefined ? undefined : amount - applied, oldestFirst };
  const refused = amountProblem(amount, !patient, tried);
  if (refused) return { ...totals, unapplied: undefined, refused };
  const over = patient && amount !== undefined ? moreThanOwed(amount, applied, owed) : 0;
  return over > 0 ? { ...totals, moreThanOwed: over } : totals;
}

/** "Applied $40.00 · Unapplied $10.00" and what the unapplied part means; `warn` when it is worth a second look. */
export function totalsText(totals: RunningTotals): { line: string; note?: string; over: boolean; warn?: boolean } {
  const applied = `Applied ${formatMoney(totals.applied)}${totals.oldestFirst && totals.applied > 0 ? " (oldest first)" : ""}`;
  // An amount that is no payment has nothing unapplied: the lines can't "take more" than it.
  if (totals.refused) return { line: `${applied} · Unapplied –`, note: totals.refused, over: true };
  if (totals.unapplied === undefined) return { line: `${applied} · Unapplied –`, over: false };
  const line = `${applied} · Unapplied ${formatMoney(totals.unapplied)}`;
  if (totals.unapplied < 0) return { line, note: `The lines take ${formatMoney(-totals.unapplied)} more than the payment.`, over: true };
  if (totals.moreThanOwed) return { line, note: moreThanOwedWarning(totals.moreThanOwed), over: false, warn: true };
  if (totals.unapplied > 0) return { line, note: "What is not applied stays on the payment as a credit.", over: false };
  return { line, over: false };
}

/** A preview's Paid text ("$40.00", "-$5.00") in cents; blank is nothing. */
function previewCents(value: string | number | null | undefined): Cents {
  if (value === null || value === undefined || value === "") return 0;
  const read = parseMoney(value);
  return read.ok ? read.value : 0;
}

/**
 * The lines filled in from a plan's preview (what "Apply oldest first" decided), so the biller sees
 * and can change what each line gets. Other lines are cleared.
 */
export function entriesFromPreview(preview: PreviewRow[], entries: LineEntries): LineEntries {
  const paidByCharge = new Map<string, Cents>();
  for (const row of preview) {
    if (row.table !== "Postings") continue;
    const chargeId = String(row.values.ChargeID ?? "");
    if (chargeId === "") continue;
    paidByCharge.set(chargeId, (paidByCharge.get(chargeId) ?? 0) + previewCents(row.values.Paid));
  }
  const next: LineEntries = {};
  for (const [chargeId, paid] of paidByCharge) {
    next[chargeId] = { ...(entries[chargeId] ?? BLANK_LINE), paid: formatMoney(paid) };
  }
  return next;
}

export interface PostedTotals {
  /** The new Payments row's id (a payment or a refund). */
  paymentId?: string;
  received?: Cents;
  paid: Cents;
  adjusted: Cents;
  patientResp: Cents;
  /** Distinct service lines the postings touch. */
  lines: number;
  postings: number;
}

/** The money a plan writes, read back from its preview rows. */
export function postedTotals(preview: PreviewRow[]): PostedTotals {
  const totals: PostedTotals = { paid: 0, adjusted: 0, patientResp: 0, lines: 0, postings: 0 };
  const lines = new Set<string>();
  for (const row of preview) {
    if (row.table === "Payments") {
      totals.paymentId = String(row.values.PaymentID ?? "");
      totals.received = previewCents(row.values.Amount);
      continue;
    }
    totals.postings += 1;
    lines.add(String(row.values.ChargeID ?? ""));
    totals.paid += previewCents(row.values.Paid);
    totals.adjusted += previewCents(row.values.Adjustment);
    totals.patientResp += previewCents(row.values["Patient Resp"]);
  }
  totals.lines = lines.size;
  return totals;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** What the success message says after Post, by what was posted. */
export function postedMessage(kind: "payment" | "reversal" | "refund", totals: PostedTotals): string {
  if (kind === "reversal") {
    const parts = [`${formatMoney(-totals.paid)} paid`, `${formatMoney(-totals.adjusted)} adjusted`];
    if (totals.patientResp !== 0) parts.push(`${formatMoney(-totals.patientResp)} patient responsibility`);
    return `Reversed with ${plural(totals.postings, "new row")} on ${plural(totals.lines, "line")}: ${parts.join(", ")} taken back. The original rows stay as they were.`;
  }
  if (kind === "refund") {
    return `Refund ${totals.paymentId ?? ""} of ${formatMoney(Math.abs(totals.received ?? 0))} recorded against the payment's credit.`;
  }
  const received = totals.received ?? 0;
  const unapplied = received - totals.paid;
  const adjusted = totals.adjusted !== 0 ? `, ${formatMoney(totals.adjusted)} adjusted` : "";
  const moved = totals.patientResp !== 0 ? `, ${formatMoney(totals.patientResp)} moved to the patient` : "";
  const left = unapplied === 0 ? "nothing left unapplied" : `${formatMoney(unapplied)} left unapplied as a credit on the payment`;
  return `${totals.paymentId ?? "The payment"}: ${formatMoney(received)} received, ${formatMoney(totals.paid)} applied to ${plural(totals.lines, "line")}${adjusted}${moved}; ${left}.`;
}
