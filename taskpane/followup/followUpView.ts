// What the Follow-up panel shows, apart from React so it can be tested in Node: the five worklists as
// sections (a count and a total in each header, the next step once, a sentence when one is empty or
// cannot be made), each item's row (claim, payer, line or lines, the amount at stake, the figures that
// put it on its list, and its standing), the items a selection names for an action, the action form read into the engine's inputs,
// the books' problems as a short warning list, and the sentences after a write or a contract import.
// Claims, lines and payers only: no patient is named here, and nothing here logs.
import { parseDate, type IsoDate } from "../../src/dates";
import type { ContractImport } from "../../src/contracts/contractImport";
import { describeAdjustment } from "../../src/era/adjustmentReasons";
import type { ItemRef } from "../../src/followup/followUpPlan";
import type { FollowUpList, FollowUpStatus, Standing } from "../../src/followup/standing";
import type { FollowUpItem, FollowUpLists } from "../../src/followup/worklists";
import { formatMoney, type Cents } from "../../src/money";
import { count, listInWords, plural, sentence } from "../billerMessage";

/** Rows a section lists at once; "Show more" adds as many again. */
export const ITEMS_SHOWN = 10;

/** "Show 10 more of 38", or "Show the other 6" when that is all that is left. */
export function moreText(left: number): string {
  return left <= ITEMS_SHOWN ? `Show the other ${count(left)}` : `Show ${count(ITEMS_SHOWN)} more of ${count(left)}`;
}

export type SectionId = "denied" | "underpaid" | "silent" | "nearLimit" | "rejected";

export const SECTIONS: readonly { id: SectionId; list: FollowUpList; title: string }[] = [
  { id: "denied", list: "Denied", title: "Denied" },
  { id: "underpaid", list: "Underpaid", title: "Underpaid" },
  { id: "silent", list: "No response", title: "No response" },
  { id: "nearLimit", list: "Filing limit", title: "Filing limit" },
  { id: "rejected", list: "Rejected", title: "Rejected" },
];

/** The statuses the panel sets ("Written off" is Write off's: it posts the write-off with the status). */
export const STATUS_CHOICES = ["Appealed", "Resubmitted", "Closed", "Open"] as const satisfies readonly FollowUpStatus[];
export type StatusChoice = (typeof STATUS_CHOICES)[number];

/** One item as its row shows it. */
export interface ItemView {
  /** Unique over the five lists: list, claim and line. */
  key: string;
  /** How an action names it: a line of a claim, or a whole claim (no response, filing limit). */
  ref: ItemRef;
  /** The engine's item (where it is in Charges is found from it). */
  item: FollowUpItem;
  claimId: string;
  payerId: string;
  /** "99214 · CH0000125" for a line; "2 lines" for a claim. */
  what: string;
  /** Under the claim: what, and the date of service ("99214 · CH0000125 · served 2026-01-20"). */
  sub: string;
  /** The money at stake: what the payer owes, the shortfall, or the claim's charges. */
  amount: Cents;
  /** "$190.00 open", "$8.42 short", "$260.00 to bill". */
  amountText: string;
  /** Why it is on its list and by when, a short line each; a denial's reason ends with its next step. */
  figures: string[];
  /** Its deadline (appeal, filing limit) has passed: the last figure says so in red. */
  late: boolean;
  status: FollowUpStatus;
  /** "since 2026-12-01 · follow up 2026-12-15", or "" for an item never acted on. */
  standing: string;
  /** Its follow-up date is the as-of date or before. */
  due: boolean;
  note?: string;
}

export interface SectionView {
  id: SectionId;
  list: FollowUpList;
  title: string;
  items: ItemView[];
  /** "48 · $6,420.00 open"; "not checked" when the list cannot be made. */
  summary: string;
  /** What to do about the list's items, once for all of them. */
  next: string;
  /** What the section says instead of rows: an empty list, or why it cannot be made. */
  empty?: string;
  /** The Underpaid list needs contract rates the workbook lacks: the panel offers the import. */
  needsContracts?: boolean;
}

/** An item's key: its list, claim and line (a claim-wide item has no line). */
export function itemKey(item: Pick<FollowUpItem, "list" | "claimId"> & { chargeId?: string }): string {
  return `${item.list}|${item.claimId}|${item.chargeId ?? ""}`;
}

/** "12 days left", "today", "3 days past": how far a deadline is from the as-of date. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return "today";
  return daysLeft > 0 ? `${plural(daysLeft, "day")} left` : `${plural(-daysLeft, "day")} past`;
}

/** "since 2026-12-01 · follow up 2026-12-15"; "" for an item never acted on. */
export function standingText(standing: Standing): string {
  const parts: string[] = [];
  if (standing.since !== undefined) parts.push(`since ${standing.since}`);
  if (standing.followUpDate !== undefined) parts.push(`follow up ${standing.followUpDate}`);
  return parts.join(" · ");
}

/** "19 days left", "today", "10 days past the limit": how far a filing limit is. */
function filingLeftText(daysLeft: number): string {
  return daysLeft < 0 ? `${plural(-daysLeft, "day")} past the limit` : daysLeftText(daysLeft);
}

/** How a row names its item: a line (its code and ChargeID) or a whole claim (how many lines), and when it was served. */
function named(item: FollowUpItem): Pick<ItemView, "ref" | "what" | "sub"> {
  if (item.list === "Denied" || item.list === "Underpaid") {
    const what = `${item.code} · ${item.chargeId}`;
    return { ref: { list: item.list, claimId: item.claimId, chargeId: item.chargeId }, what, sub: `${what} · served ${item.dos}` };
  }
  const what = plural(item.lines, "line");
  return { ref: { list: item.list, claimId: item.claimId }, what, sub: `${what} · served ${item.dos}` };
}

export function itemView(item: FollowUpItem, asOf: IsoDate): ItemView {
  const { standing } = item;
  const base = {
    item,
    key: itemKey(item),
    claimId: item.claimId,
    payerId: item.payerId,
    status: standing.status,
    standing: standingText(standing),
    due: standing.followUpDate !== undefined && standing.followUpDate <= asOf,
    ...(standing.note !== undefined ? { note: standing.note } : {}),
    ...named(item),
  };
  switch (item.list) {
    case "Denied": {
      return {
        ...base,
        amount: item.open,
        amountText: `${formatMoney(item.open)} open`,
        figures: [describeAdjustment(item.meaning), `Denied ${item.deniedOn}; appeal by ${item.appealBy} (${daysLeftText(item.daysLeft)})`],
        late: item.daysLeft < 0,
      };
    }
    case "Underpaid": {
      return {
        ...base,
        amount: -item.variance,
        amountText: `${formatMoney(-item.variance)} short`,
        figures: [
          `Expected ${formatMoney(item.expected)} · allowed ${formatMoney(item.allowed)} · variance ${formatMoney(item.variance)}`,
          `Paid ${formatMoney(item.paid)}${item.lastPaymentDate === undefined ? "" : ` on ${item.lastPaymentDate}`}`,
        ],
        late: false,
      };
    }
    case "No response": {
      return {
        ...base,
        amount: item.open,
        amountText: `${formatMoney(item.open)} open`,
        figures: [
          `Billed ${item.billedDate}: ${plural(item.daysWaiting, "day")} without an answer (the payer's limit is ${item.responseDays})`,
        ],
        late: false,
      };
    }
    case "Filing limit": {
      const left = filingLeftText(item.daysLeft);
      return {
        ...base,
        amount: item.charge,
        amountText: `${formatMoney(item.charge)} to bill`,
        figures: [`File by ${item.filingLimit} (${item.limitDays}-day limit): ${left}`],
        late: item.daysLeft < 0,
      };
    }
    case "Rejected": {
      const left = filingLeftText(item.daysLeft);
      const which = item.sequence === "Primary" ? "" : ` (${item.sequence.toLowerCase()} claim)`;
      return {
        ...base,
        amount: item.open,
        amountText: `${formatMoney(item.open)} open`,
        figures: [`Rejected ${item.rejectedOn} by ${item.source}${which}: ${item.reason}`, `File by ${item.filingLimit}: ${left}`],
        late: item.daysLeft < 0,
      };
    }
  }
}

/** What to do about a list's items, said once over its rows. */
const NEXT: Record<SectionId, string> = {
  denied: "Each reason ends with the next step; an appeal goes in by the date shown.",
  underpaid: "Next: ask the payer to reprocess each line at the contract rate.",
  silent: "Next: check each claim's status with its payer.",
  nearLimit: "Next: bill each claim; one past its limit needs proof of timely filing, or a write-off.",
  rejected: "Never in the payer's system: correct each claim and send it again before its filing limit.",
};

const AMOUNT_WORD: Record<SectionId, string> = {
  denied: "open",
  underpaid: "short",
  silent: "open",
  nearLimit: "to bill",
  rejected: "open",
};

function emptySentence(id: SectionId, asOf: IsoDate): string {
  switch (id) {
    case "denied":
      return `No denied line is still owed by its payer as of ${asOf}.`;
    case "underpaid":
      return `No line was paid under its contract rate as of ${asOf}.`;
    case "silent":
      return `No billed claim has waited past its payer's response days as of ${asOf}.`;
    case "nearLimit":
      return `No unbilled claim is near its filing limit as of ${asOf}.`;
    case "rejected":
      return `No claim stands rejected by a clearinghouse or payer as of ${asOf} (read from the acknowledgements imported).`;
  }
}

/** The five lists as the panel's sections, in their order. `hasContracts`: the workbook has a Contracts table. */
export function sectionViews(lists: FollowUpLists, hasContracts: boolean): SectionView[] {
  const itemsOf: Record<SectionId, readonly FollowUpItem[] | undefined> = {
    denied: lists.denied,
    underpaid: lists.underpaid,
    silent: lists.silent,
    nearLimit: lists.nearLimit,
    rejected: lists.rejected,
  };
  return SECTIONS.map(({ id, list, title }) => {
    const found = itemsOf[id];
    if (found === undefined) {
      return {
        id,
        list,
        title,
        items: [],
        summary: "not checked",
        next: NEXT[id],
        empty: hasContracts
          ? "The Contracts table has no rate that can be read, so payments cannot be checked against the contracts: import a payer's fee schedule below."
          : "This workbook has no contract rates, so payments cannot be checked against them: import a payer's fee schedule below.",
        needsContracts: true,
      };
    }
    const items = found.map((item) => itemView(item, lists.asOf));
    const total = items.reduce((sum, item) => sum + item.amount, 0);
    const view: SectionView = {
      id,
      list,
      title,
      items,
      summary: `${count(items.length)} · ${formatMoney(total)} ${AMOUNT_WORD[id]}`,
      next: NEXT[id],
    };
    if (items.length === 0) view.empty = emptySentence(id, lists.asOf);
    return view;
  });
}

/** "12 items written off or closed are not shown." when the lists leave some out. */
export function doneNote(lists: Pick<FollowUpLists, "done">): string | undefined {
  if (lists.done === 0) return undefined;
  return `${plural(lists.done, "item")} written off or closed ${lists.done === 1 ? "is" : "are"} not shown: turn on "Show written off and closed" to see ${lists.done === 1 ? "it" : "them"}.`;
}

/** The selected items, in the lists' order, as the actions name them; keys no longer listed are left out. */
export function selectedItems(sections: readonly SectionView[], selected: ReadonlySet<string>): ItemView[] {
  return sections.flatMap((s) => s.items.filter((item) => selected.has(item.key)));
}

/** The keys still on the lists (a refresh keeps the selection of what is still there). */
export function keepListed(sections: readonly SectionView[], selected: ReadonlySet<string>): Set<string> {
  return new Set(selectedItems(sections, selected).map((item) => item.key));
}

/** "3 selected · $520.00". */
export function selectionSummary(items: readonly ItemView[]): string {
  return `${count(items.length)} selected · ${formatMoney(items.reduce((sum, item) => sum + item.amount, 0))}`;
}

/**
 * What an appeal letter would be written for: the selected denied and underpaid lines, when they are
 * of one claim; otherwise why the button waits, in a sentence.
 */
export function appealTarget(items: readonly ItemView[]): { ok: true; claimId: string; lines: string[] } | { ok: false; why: string } {
  const lines = items.filter((item) => item.ref.list === "Denied" || item.ref.list === "Underpaid");
  if (lines.length === 0) return { ok: false, why: "An appeal letter is for denied or underpaid lines: select some." };
  const claims = [...new Set(lines.map((item) => item.claimId))];
  if (claims.length > 1)
    return { ok: false, why: `A letter is for one claim at a time: the lines selected are of ${listInWords(claims)}.` };
  return { ok: true, claimId: claims[0], lines: [...new Set(lines.flatMap((item) => (item.ref.chargeId ? [item.ref.chargeId] : [])))] };
}

/** What the notice says once a letter is on its sheet: where, and what the payer may still need. */
export function appealWrittenMessage(sheet: string, gaps: readonly string[]): string {
  const then = gaps.length > 0 ? ` Before sending it: ${gaps.map(withStop).join(" ")}` : "";
  return `The letter is on the sheet "${sheet}", ready to print; the Audit sheet records it.${then}`;
}

/** What the action form holds, as typed. */
export interface ActionForm {
  action: StatusChoice | "Write off";
  followUpDate: string;
  note: string;
  reason: string;
}

export const EMPTY_ACTION_FORM: ActionForm = { action: "Appealed", followUpDate: "", note: "", reason: "" };

export type ActionFormErrors = Partial<Record<"followUpDate" | "reason", string>>;

export type ReadAction =
  | { ok: true; kind: "status"; status: StatusChoice; followUpDate?: IsoDate; note?: string }
  | { ok: true; kind: "writeOff"; reason: string }
  | { ok: false; errors: ActionFormErrors };

/** The form as the engine's inputs: a follow-up date in any way a biller types one; a write-off's reason is required. */
export function readActionForm(form: ActionForm): ReadAction {
  if (form.action === "Write off") {
    const reason = form.reason.trim();
    if (reason === "") {
      return {
        ok: false,
        errors: { reason: "Say why the office is writing it off (for example: denial not appealed, timely filing missed)." },
      };
    }
    return { ok: true, kind: "writeOff", reason };
  }
  const read: ReadAction = { ok: true, kind: "status", status: form.action };
  const due = form.followUpDate.trim();
  if (due !== "") {
    const parsed = parseDate(due);
    if (!parsed.ok) return { ok: false, errors: { followUpDate: sentence(parsed.error) } };
    read.followUpDate = parsed.value;
  }
  const note = form.note.trim();
  if (note !== "") read.note = note;
  return read;
}

/** The as-of date as typed, or the sentence under its field. */
export function readAsOf(text: string): { ok: true; asOf: IsoDate } | { ok: false; error: string } {
  if (text.trim() === "") return { ok: false, error: "Enter the date the lists are as of, like 2026-06-30." };
  const parsed = parseDate(text);
  return parsed.ok ? { ok: true, asOf: parsed.value } : { ok: false, error: sentence(parsed.error) };
}

/**
 * What the notice says once a status or a write-off is written: the plan's own summary, where the
 * history is kept, and, when the lists are as of an earlier day than the action, why they do not show it.
 */
export function writtenMessage(what: string, asOf: IsoDate, today: IsoDate): string {
  const earlier = asOf < today ? ` The lists are as of ${asOf}: what was done today shows on lists as of ${today} or later.` : "";
  return `${sentence(what)} The FollowUp table keeps the history; the Audit sheet records it.${earlier}`;
}

/**
 * "rates.csv row 3, Allowed: ..." -> the same with a full stop: the engine's problems are sentences
 * already, some starting with a file's name, whose case is kept.
 */
export function withStop(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A plan's refusal as one notice body: its problems, each a sentence, and that nothing was written. */
export function refusedMessage(problems: readonly string[]): string {
  return `${problems.map(withStop).join(" ")} Nothing was written.`;
}

/** The books' problems as a warning: the first few named, the rest counted. Undefined when there are none. */
export function problemsWarning(problems: readonly string[], named = 5): { title: string; items: string[]; more?: string } | undefined {
  if (problems.length === 0) return undefined;
  const items = problems.slice(0, named).map((p) => sentence(p));
  const left = problems.length - items.length;
  const warning: { title: string; items: string[]; more?: string } = {
    title: `Problems in the workbook: ${count(problems.length)}`,
    items,
  };
  if (left > 0) warning.more = `And ${plural(left, "more problem")}: Setup's Check rows lists every row to fix.`;
  return warning;
}

// ---- contract rates -----------------------------------------------------------------------------

export interface ContractForm {
  /** "" when the file names the payer of each row. */
  payerId: string;
  /** The day the rates start, for rows that give none. */
  from: string;
}

export const EMPTY_CONTRACT_FORM: ContractForm = { payerId: "", from: "" };

/** The form as the import's options, or the sentence under the start date. */
export function readContractForm(
  form: ContractForm,
): { ok: true; options: { payerId?: string; from?: IsoDate } } | { ok: false; errors: { from: string } } {
  const options: { payerId?: string; from?: IsoDate } = {};
  const payerId = form.payerId.trim();
  if (payerId !== "") options.payerId = payerId;
  const from = form.from.trim();
  if (from !== "") {
    const parsed = parseDate(from);
    if (!parsed.ok) return { ok: false, errors: { from: sentence(parsed.error) } };
    options.from = parsed.value;
  }
  return { ok: true, options };
}

export interface ContractPreview {
  ok: boolean;
  /** "24 contract rates for MCR in rates.csv.", or "Nothing can be imported from rates.csv: 2 problems." */
  headline: string;
  /** Overlap notes, or the file's problems, each a sentence. */
  lines: string[];
  /** The import button's words, when there is something to import. */
  action?: string;
}

/** What a fee schedule would add to Contracts, before anything is written. */
export function contractPreview(fileName: string, planned: ContractImport): ContractPreview {
  if (!planned.ok) {
    return {
      ok: false,
      headline: `Nothing can be imported from ${fileName}: ${plural(planned.problems.length, "problem")}.`,
      lines: planned.problems.map(withStop),
    };
  }
  const payers = [...new Set(planned.rows.map((r) => r.payerId))];
  const rates = plural(planned.rows.length, "contract rate");
  return {
    ok: true,
    headline: `${rates} for ${listInWords(payers)} in ${fileName}. Nothing is written until you import them.`,
    lines: planned.notes.map(withStop),
    action: `Import ${rates}`,
  };
}

/** What the notice says once the rates are in the Contracts table. */
export function importedMessage(what: string, notes: readonly string[]): string {
  const then = notes.length > 0 ? ` ${notes.map(withStop).join(" ")}` : "";
  return `Added ${what} to the Contracts table; the Underpaid list checks against them now. The Audit sheet records it.${then}`;
}
