// When a collection agency pays on an account it was sent (issue 17), as one write plan: the agency's
// payment, net of its fee, as a Payments row on the patient's account ("Collection agency recovery");
// on the account's bad-debt lines, oldest date of service first, the bad debt written back by the
// gross the agency collected (net + fee: a negative WO with Reason BD), the net paid, and the fee
// written off (WO, Reason CAF), so each line's balance stays where it was (zero) and only the part
// recovered leaves bad debt. The net goes to the oldest lines first and the fee to what is left of the
// gross. Refused whole: an account not in Collections, amounts not above zero (a fee may be zero), a
// gross above what is still out with the agency. Like every posting plan it comes with its preview.
import type { IsoDate } from "../dates";
import {
  checkAmount,
  checkDate,
  checkTargetTable,
  METHOD_LIST,
  paymentMethod,
  paymentWords,
  targetTable,
  textOrNothing,
} from "../ledger/postingChecks";
import { FIRST_PAYMENT_ID, FIRST_POSTING_ID } from "../ledger/postingIds";
import { finishPlan, newIds, type PlanContext, type PlanResult } from "../ledger/postingRows";
import { formatMoney, type Cents } from "../money";
import { plural } from "../counting";
import { sentence } from "../sentences";
import { Payments, Postings, type PaymentRow, type PostingRow } from "../workbook/tables";
import {
  AGENCY_FEE_NOTE,
  AGENCY_FEE_REASON,
  AGENCY_RECOVERY_NOTE,
  BAD_DEBT_REASON,
  BAD_DEBT_RECOVERED_NOTE,
  badDebtLines,
  IN_COLLECTIONS,
} from "./badDebt";
import { findPatient, type CollectionsBooks } from "./collectionsBooks";

export interface AgencyRecovery {
  patientId: string;
  /** What the agency sent the practice. */
  net: Cents;
  /** What the agency kept. */
  fee: Cents;
  date: IsoDate;
  method: string;
  /** The agency's check number or trace. */
  reference?: string;
}

export type RecoveryResult =
  | (Extract<PlanResult, { ok: true }> & {
      gross: Cents;
      /** Still out with the agency once this is posted. */
      outstandingAfter: Cents;
    })
  | { ok: false; problems: string[] };

/**
 * The fee when the agency keeps `percent` of what it collects and sent `net`: the gross is net ÷ (1 −
 * percent), to the cent; the fee is the gross less the net ($150.00 net at 25% is $200.00 gross, $50.00 fee).
 */
export function agencyFee(net: Cents, percent: number): Cents {
  return Math.round((net * 100) / (100 - percent)) - net;
}

/** A fee percent as an office writes it ("25", "25%", "33.3"), or undefined when it is not one from 0 to under 100. */
export function feePercent(text: string | undefined): number | undefined {
  const t = String(text ?? "")
    .trim()
    .replace(/\s*%$/, "");
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  const percent = Number(t);
  return percent < 100 ? percent : undefined;
}

export function agencyRecoveryPlan(books: CollectionsBooks, ctx: PlanContext, recovery: AgencyRecovery): RecoveryResult {
  const problems: string[] = [];
  const { ledger } = books;
  const patient = findPatient(books.patients, String(recovery.patientId ?? ""));
  if (!patient)
    problems.push(
      `Account ${String(recovery.patientId ?? "").trim() || "(blank)"} is not in the Patients table: check the account number.`,
    );
  else if (patient.accountStatus !== IN_COLLECTIONS) {
    problems.push(
      `Account ${patient.patientId} is not with a collection agency (Account Status "${patient.accountStatus ?? ""}"): ` +
        "post the patient's own money as a patient payment.",
    );
  }
  const netProblem = checkAmount(recovery.net, "the agency's payment", 1, "enter what the agency sent as a positive amount");
  if (netProblem) problems.push(sentence(netProblem));
  const feeProblem = checkAmount(recovery.fee, "the agency's fee", 0, "enter what the agency kept as a positive amount");
  if (feeProblem) problems.push(sentence(feeProblem));
  const dateProblem = checkDate(recovery.date, ctx.today, "payment date");
  if (dateProblem) problems.push(sentence(dateProblem));
  const method = paymentMethod(recovery.method);
  if (!method) problems.push(`"${String(recovery.method ?? "")}" is not a payment method (use one of: ${METHOD_LIST}).`);

  const gross = netProblem || feeProblem ? 0 : recovery.net + recovery.fee;
  const lines = patient ? badDebtLines(ledger, [patient.patientId]).filter((l) => l.outstanding > 0) : [];
  const outstanding = lines.reduce((s, l) => s + l.outstanding, 0);
  if (patient && patient.accountStatus === IN_COLLECTIONS && gross > outstanding) {
    problems.push(
      `The agency collected ${formatMoney(gross)} (${formatMoney(recovery.net)} sent and a ${formatMoney(recovery.fee)} fee) ` +
        `but account ${patient.patientId} has ${formatMoney(outstanding)} written off to bad debt and not yet recovered.`,
    );
  }
  const reference = textOrNothing(recovery.reference);
  const payments = checkTargetTable(targetTable(ctx, "Payments", Payments), Payments, [
    "paymentId",
    "date",
    "amount",
    "method",
    "patientId",
    "note",
    ...(reference ? ["reference"] : []),
  ]);
  const postings = checkTargetTable(targetTable(ctx, "Postings", Postings), Postings, [
    "postingId",
    "paymentId",
    "chargeId",
    "date",
    "paid",
    "adjustment",
    "group",
    "reason",
    "note",
  ]);
  problems.push(...payments.problems, ...postings.problems);
  if (problems.length > 0 || !patient || !method) return { ok: false, problems };

  const [paymentId] = newIds(payments.table!, ledger.knownPaymentIds, "paymentId", 1, FIRST_PAYMENT_ID);
  const payment: PaymentRow = {
    paymentId,
    date: recovery.date,
    patientId: patient.patientId,
    method,
    reference,
    amount: recovery.net,
    note: AGENCY_RECOVERY_NOTE,
  };
  // The gross spread oldest first; the net paid on the oldest lines, the fee on what is left.
  const draft: Omit<PostingRow, "postingId">[] = [];
  let grossLeft = gross;
  let netLeft = recovery.net;
  const touched: string[] = [];
  for (const line of lines) {
    if (grossLeft === 0) break;
    const back = Math.min(grossLeft, line.outstanding);
    const paid = Math.min(netLeft, back);
    const fee = back - paid;
    grossLeft -= back;
    netLeft -= paid;
    touched.push(line.chargeId);
    const base = { paymentId, chargeId: line.chargeId, date: recovery.date, source: "Manual" as const };
    draft.push({ ...base, adjustment: -back, group: "WO", reason: BAD_DEBT_REASON, note: BAD_DEBT_RECOVERED_NOTE });
    if (paid > 0) draft.push({ ...base, paid, note: AGENCY_RECOVERY_NOTE });
    if (fee > 0) draft.push({ ...base, adjustment: fee, group: "WO", reason: AGENCY_FEE_REASON, note: AGENCY_FEE_NOTE });
  }
  const ids = newIds(postings.table!, ledger.knownPostingIds, "postingId", draft.length, FIRST_POSTING_ID);
  const rows: PostingRow[] = draft.map((r, i) => ({ postingId: ids[i], ...r }));
  const how = paymentWords(method, reference);
  const result = finishPlan(ledger, ctx, {
    payments: { table: payments.table, rows: [payment] },
    postings: { table: postings.table, rows },
    touched,
    action: "Collection agency recovery",
    what:
      `agency payment by ${how} (${paymentId}): ${formatMoney(recovery.net)} net, fee ${formatMoney(recovery.fee)}, ` +
      `bad debt recovered ${formatMoney(gross)} on ${plural(touched.length, "line")}`,
    totals: `payment ${formatMoney(recovery.net)}; agency fee ${formatMoney(recovery.fee)}; bad debt recovered ${formatMoney(gross)}`,
  });
  if (!result.ok) return result;
  // A getter-bearing result: its preview and predicted balances are made when first read.
  return Object.defineProperties(result, {
    gross: { value: gross, enumerable: true },
    outstandingAfter: { value: outstanding - gross, enumerable: true },
  }) as RecoveryResult;
}
