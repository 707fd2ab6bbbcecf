// What the office does about a follow-up item, as write plans (issue 15): set its status (appealed,
// resubmitted, closed, back to open), a follow-up date and a note, each a new FollowUp row (the table
// is made when the workbook has none); or write it off: a Group WO posting of what the payer still owes
// on each line (officeAdjustmentPlan, the same checks and Audit row as any write-off) and the row that
// marks the item "Written off". Every plan is checked whole first: a bad request writes nothing.
import { checkDate } from "../ledger/postingChecks";
import { officeAdjustmentPlan } from "../ledger/postingCorrections";
import type { Ledger } from "../ledger/ledger";
import { balancesOfLines, type PlanContext, type PlanResult } from "../ledger/postingRows";
import { formatMoney } from "../money";
import { plural } from "../counting";
import { isIsoDate, type DateSystem, type IsoDate } from "../dates";
import { appendOrCreateRows, type WritePlan } from "../workbook/plan";
import type { RawTable, WriteOp } from "../workbook/port";
import { FOLLOW_UP_STATUSES, FollowUp, type FollowUpRow } from "../workbook/tables";
import type { FollowUpList, FollowUpStatus } from "./standing";

/** An item as an action names it: a line (ChargeID) or a whole claim, on one list (every list when left out). */
export interface ItemRef {
  list?: FollowUpList;
  claimId: string;
  chargeId?: string;
}

export interface StatusChange {
  items: ItemRef[];
  status: FollowUpStatus;
  /** The day the office acted (the row's Date). */
  date: IsoDate;
  followUpDate?: IsoDate;
  note?: string;
}

/** The longest note a row keeps (a sentence or two; the letter and the payer's portal hold the rest). */
const NOTE_LIMIT = 500;

/** Set items' status (not "Written off": writeOffPlan posts that), as new FollowUp rows. */
export function statusPlan(
  followUp: RawTable | undefined,
  dateSystem: DateSystem,
  change: StatusChange,
  today: IsoDate,
): { ok: true; plan: WritePlan } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!FOLLOW_UP_STATUSES.includes(change.status)) {
    problems.push(`"${String(change.status)}" is not a follow-up status (use ${FOLLOW_UP_STATUSES.join(", ")}).`);
  } else if (change.status === "Written off") {
    problems.push("To write an item off, use Write off: it posts the write-off with the status, so the balance and the list agree.");
  }
  problems.push(...rowProblems(change, today));
  if (problems.length > 0) return { ok: false, problems };
  const rows = followUpRows(change);
  const ops = appendFollowUp(followUp, dateSystem, rows);
  if (!ops.ok) return ops;
  const due = change.followUpDate ? `, follow up ${change.followUpDate}` : "";
  return {
    ok: true,
    plan: { action: "Follow-up", what: `${plural(rows.length, "item")} set to ${change.status}${due}`, ops: ops.ops },
  };
}

export interface WriteOff {
  items: ItemRef[];
  /** Why (the denial not appealed, timely filing missed): the posting's Note and the row's. */
  reason: string;
  date: IsoDate;
}

/**
 * Write items off: each line's payer share (a claim's: each of its lines') as a WO posting with the
 * reason, and a "Written off" FollowUp row per item. A line the payer owes nothing on is left alone; a
 * request where no line is owed anything is refused.
 */
export function writeOffPlan(ledger: Ledger, ctx: PlanContext, writeOff: WriteOff): PlanResult {
  const reason = writeOff.reason?.trim() ?? "";
  const problems = rowProblems({ ...writeOff, status: "Written off", note: reason }, ctx.today);
  if (reason === "") problems.push("Say why the office is writing it off (for example: denial not appealed, timely filing missed).");
  if (problems.length > 0) return { ok: false, problems };
  const wanted = new Set<string>();
  const claimsWanted = new Set(writeOff.items.filter((i) => i.chargeId === undefined).map((i) => i.claimId));
  for (const item of writeOff.items) if (item.chargeId !== undefined) wanted.add(item.chargeId);
  if (claimsWanted.size > 0) {
    const claimIds = ledger.chargeColumn("claimId");
    const chargeIds = ledger.chargeColumn("chargeId");
    for (let i = 0; i < claimIds.length; i++) if (claimsWanted.has(claimIds[i]!)) wanted.add(chargeIds[i]!);
  }
  const known = new Set(ledger.chargeColumn("chargeId"));
  for (const id of wanted) if (!known.has(id)) problems.push(`Line ${id}: there is no such line in the Charges table.`);
  if (problems.length > 0) return { ok: false, problems };
  const owed = balancesOfLines(ledger, wanted).filter((b) => b.insuranceShare > 0);
  if (owed.length === 0) return { ok: false, problems: ["The payer owes nothing on these lines: there is nothing to write off."] };
  const result = officeAdjustmentPlan(
    ledger,
    ctx,
    owed.map((b) => ({ chargeId: b.chargeId, amount: b.insuranceShare, kind: "other", reason, date: writeOff.date })),
  );
  if (!result.ok) return result;
  const ops = appendFollowUp(ctx.tables[FollowUp.name], ctx.dateSystem, followUpRows({ ...writeOff, status: "Written off", note: reason }));
  if (!ops.ok) return ops;
  const total = owed.reduce((s, b) => s + b.insuranceShare, 0);
  return {
    ...result,
    plan: {
      ...result.plan,
      action: "Follow-up write-off",
      what: `${plural(writeOff.items.length, "item")} written off (${plural(owed.length, "line")}, ${formatMoney(total)})`,
      ops: [...result.plan.ops, ...ops.ops],
    },
  };
}

function rowProblems(change: StatusChange, today: IsoDate): string[] {
  const problems: string[] = [];
  if (change.items.length === 0) problems.push("Choose at least one item on the list.");
  for (const item of change.items) {
    if (typeof item.claimId !== "string" || item.claimId.trim() === "") problems.push("An item without a ClaimID cannot be followed up.");
  }
  const dateProblem = checkDate(change.date, today, "date");
  if (dateProblem) problems.push(`${capital(dateProblem)}.`);
  if (change.followUpDate !== undefined) {
    if (!isIsoDate(change.followUpDate))
      problems.push(`The follow-up date "${change.followUpDate}" is not a date (write it like 2026-03-05).`);
    else if (isIsoDate(change.date) && change.followUpDate < change.date) {
      problems.push(`The follow-up date ${change.followUpDate} is before ${change.date}: choose a day to come back to it.`);
    }
  }
  if ((change.note?.length ?? 0) > NOTE_LIMIT) problems.push(`The note is ${change.note!.length} characters: keep it under ${NOTE_LIMIT}.`);
  return problems;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function followUpRows(change: StatusChange): FollowUpRow[] {
  const note = change.note?.trim() || undefined;
  return change.items.map((item) => {
    const row: FollowUpRow = { date: change.date, claimId: item.claimId.trim(), status: change.status };
    if (item.list !== undefined) row.list = item.list;
    if (item.chargeId !== undefined) row.chargeId = item.chargeId.trim();
    if (change.followUpDate !== undefined) row.followUpDate = change.followUpDate;
    if (note !== undefined) row.note = note;
    return row;
  });
}

/** The ops appending rows to the FollowUp table, or creating it with them; refused when a column they fill is missing. */
function appendFollowUp(
  table: RawTable | undefined,
  dateSystem: DateSystem,
  rows: FollowUpRow[],
): { ok: true; ops: WriteOp[] } | { ok: false; problems: string[] } {
  const appended = appendOrCreateRows(FollowUp, table, rows, dateSystem);
  return appended.ok ? { ok: true, ops: [appended.op] } : { ok: false, problems: [appended.problem] };
}
