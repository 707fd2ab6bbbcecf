// A payment's line applications (what the biller typed per service line) checked and laid out as
// Postings rows, for the insurance and patient payment plans. Rows follow the sample practice's
// books: one row carries a line's paid amount with its first adjustment of the payer's kind (CO
// from an insurer, WO from a patient); every further adjustment and every patient-responsibility
// amount (Group PR, Reason 1/2/3) gets its own row. An office write-off's reason goes in the Note:
// the Reason column holds claim adjustment reason codes.
import type { IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import type { ChargeRow, PostingRow } from "../workbook/tables";
import type { Ledger } from "./ledger";
import { checkAmount, isReasonCode, lineLabel, reasonCode, textOrNothing } from "./postingChecks";
import { balancesOfLines } from "./postingRows";

export interface LineApplication {
  chargeId: string;
  paid?: Cents;
  /** CO, OA and PI carry a claim adjustment reason code; WO takes the office's reason as free text. */
  adjustments?: { group: "CO" | "OA" | "PI" | "WO"; reason?: string; amount: Cents }[];
  /** Deductible "1", coinsurance "2", copay "3", or another reason code. */
  patientResp?: { reason: "1" | "2" | "3" | string; amount: Cents }[];
  /** Post paid + adjustments beyond the line's balance, leaving it a credit. */
  overpayment?: boolean;
}

/** One line's application, checked: amounts in cents, codes as the table reads them back. */
export interface CheckedLine {
  charge: ChargeRow;
  paid?: Cents;
  adjustments: { group: "CO" | "OA" | "PI" | "WO"; reason?: string; note?: string; amount: Cents }[];
  patientResp: { reason: string; note?: string; amount: Cents }[];
  overpayment: boolean;
}

/** Each line's application checked on its own: the line exists (and is the patient's), amounts and codes are valid. */
export function checkLines(
  ledger: Ledger,
  lines: LineApplication[],
  from: "insurance" | "patient",
  patientId: string | undefined,
  problems: string[],
): CheckedLine[] {
  const checked: CheckedLine[] = [];
  for (const app of lines) {
    const charge = ledger.chargeById.get(String(app.chargeId ?? "").trim());
    if (!charge) {
      problems.push(`Line ${String(app.chargeId ?? "")}: there is no such line in the Charges table.`);
      continue;
    }
    const label = lineLabel(charge);
    const before = problems.length;
    const say = (text: string) => problems.push(`${label}: ${text}.`);
    if (patientId !== undefined && charge.patientId !== patientId) say(`it is on account ${charge.patientId}, not ${patientId}`);
    const paidProblem = checkAmount(app.paid, "paid", 0);
    if (paidProblem) say(paidProblem);
    const line: CheckedLine = { charge, paid: app.paid, adjustments: [], patientResp: [], overpayment: app.overpayment === true };
    for (const adj of app.adjustments ?? []) {
      const group = String(adj.group ?? "")
        .trim()
        .toUpperCase();
      if (group !== "CO" && group !== "OA" && group !== "PI" && group !== "WO") {
        say(`"${String(adj.group ?? "")}" is not an adjustment group (use CO, OA, PI, or WO for an office write-off)`);
        continue;
      }
      if (from === "patient" && group !== "WO") {
        say(`a ${group} adjustment comes from a payer's remittance, not with a patient's payment (an office write-off is WO)`);
        continue;
      }
      // A payer's $0.00 CO line is how a denial is recorded; an office write-off of nothing is a slip.
      const amountProblem = checkAmount(adj.amount, `the ${group} adjustment`, group === "WO" ? 1 : 0);
      if (amountProblem) say(amountProblem);
      if (group === "WO") {
        line.adjustments.push({ group, note: textOrNothing(adj.reason) ?? "Office write-off", amount: adj.amount });
        continue;
      }
      const reason = reasonCode(adj.reason);
      if (reason === "") say(`the ${group} adjustment needs a reason code (CARC), such as 45`);
      else if (!isReasonCode(reason)) say(`"${reason}" is not a reason code (CARC codes are 1 to 3 letters or digits, such as 45 or B7)`);
      line.adjustments.push({ group, reason, amount: adj.amount });
    }
    for (const pr of app.patientResp ?? []) {
      if (from === "patient") {
        say("patient responsibility comes from a payer's remittance, not with a patient's payment");
        break;
      }
      const amountProblem = checkAmount(pr.amount, "patient responsibility", 0);
      if (amountProblem) say(amountProblem);
      const reason = reasonCode(pr.reason);
      if (!isReasonCode(reason))
        say(`patient responsibility needs a reason: 1 deductible, 2 coinsurance, 3 copay (or another reason code)`);
      if (pr.amount !== 0) line.patientResp.push({ reason, amount: pr.amount });
    }
    if (problems.length === before && !(app.paid ?? 0) && line.adjustments.length === 0 && line.patientResp.length === 0) {
      say("nothing to post on it (no paid amount, adjustment or patient responsibility)");
    }
    if (problems.length === before) checked.push(line);
  }
  return checked;
}

/**
 * Paid and adjustments on a line may not exceed its balance unless the biller says the money is an
 * overpayment; lines listed twice are added up.
 */
export function checkAgainstBalances(ledger: Ledger, lines: CheckedLine[], problems: string[]): void {
  const byLine = new Map<string, { charge: ChargeRow; applied: Cents; overpayment: boolean }>();
  for (const line of lines) {
    const applied = (line.paid ?? 0) + line.adjustments.reduce((s, a) => s + a.amount, 0);
    const seen = byLine.get(line.charge.chargeId);
    if (seen) {
      seen.applied += applied;
      seen.overpayment ||= line.overpayment;
    } else byLine.set(line.charge.chargeId, { charge: line.charge, applied, overpayment: line.overpayment });
  }
  for (const balance of balancesOfLines(ledger, byLine.keys())) {
    const line = byLine.get(balance.chargeId)!;
    if (line.applied > balance.balance && !line.overpayment) {
      problems.push(
        `${lineLabel(line.charge)}: ${formatMoney(line.applied)} applied but its balance is ${formatMoney(balance.balance)}; tick 'overpayment' to post it as one.`,
      );
    }
  }
}

/**
 * The Postings rows for checked lines, without IDs: paid with the first adjustment of `mergeGroup`,
 * then one row per other entry. `source` is "ERA" when the rows come from a remittance file. Written
 * as plain object literals (same keys, same order in every row of a kind): V8 in Node 20 builds
 * `{ ...base, more }` some 20 times slower, and an ERA of 50,000 claims makes some 300,000 rows.
 *
 * `idsLater`: the caller gives each row its PostingID and PaymentID in place (the ERA plan, whose rows
 * are its own): each row is then made with both, blank ("") until given, so giving them changes no
 * row's layout. Otherwise the rows have neither (a caller copying them with IDs in front keeps its own).
 */
export function postingRowsFor(
  lines: CheckedLine[],
  date: IsoDate,
  mergeGroup: "CO" | "WO",
  source: PostingRow["source"] = "Manual",
  idsLater = false,
): Omit<PostingRow, "postingId">[] {
  // Typed as whole rows so a literal may hold the IDs; returned as rows without a PostingID of their own.
  const rows: PostingRow[] = [];
  for (const line of lines) {
    const chargeId = line.charge.chargeId;
    let merged: CheckedLine["adjustments"][number] | undefined;
    for (const a of line.adjustments) {
      if (a.group === mergeGroup) {
        merged = a;
        break;
      }
    }
    if (line.paid !== undefined || merged) {
      const paid = line.paid ?? 0;
      const adjustment = merged?.amount;
      const group = merged?.group;
      const reason = merged?.reason;
      const note = merged?.note;
      rows.push(
        idsLater
          ? { postingId: "", paymentId: "", chargeId, date, source, paid, adjustment, group, reason, note }
          : ({ chargeId, date, source, paid, adjustment, group, reason, note } as PostingRow),
      );
    }
    for (const adj of line.adjustments) {
      if (adj === merged) continue;
      const { amount: adjustment, group, reason, note } = adj;
      rows.push(
        idsLater
          ? { postingId: "", paymentId: "", chargeId, date, source, adjustment, group, reason, note }
          : ({ chargeId, date, source, adjustment, group, reason, note } as PostingRow),
      );
    }
    for (const pr of line.patientResp) {
      const { reason, amount: patientResp, note } = pr;
      rows.push(
        idsLater
          ? { postingId: "", paymentId: "", chargeId, date, source, group: "PR", reason, patientResp, note }
          : ({ chargeId, date, source, group: "PR", reason, patientResp, note } as PostingRow),
      );
    }
  }
  return rows;
}

/** Postings columns the rows fill in (a write-off's own reason, in the Note, among them). */
export function postingFieldsNeeded(
  rows: Omit<PostingRow, "postingId">[],
  noteMatters: (row: Omit<PostingRow, "postingId">) => boolean,
): string[] {
  const fields = new Set(["postingId", "chargeId", "date"]);
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) if (value !== undefined && key !== "note" && key !== "source") fields.add(key);
    if (row.note !== undefined && noteMatters(row)) fields.add("note");
  }
  return [...fields];
}
