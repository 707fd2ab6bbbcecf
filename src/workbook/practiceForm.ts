// The Practice settings as a form (Setup › Practice settings): every setting the engine reads from the
// Practice table, grouped as the README lists them, with a line of help, each one's current value as
// the engine finds it (under any of its names), the check of a typed value, and the write plan that
// saves the changed ones. A value is checked by the reader that uses it (the statements' and
// follow-up's day counts, the remittance tolerance, the agency fee, the aging buckets, the scrub
// rules, the X12 header's IDs, the NPI, EIN and taxonomy checks), so the form never takes what the
// engine would refuse; each mistake is a sentence naming the setting.
import { LAST_CONTROL_SETTING, RECEIVER_NAME_SETTING, RECEIVER_SETTING, SUBMITTER_SETTING } from "../claims/exportPlan";
import { COB_SCRUB_RULES, SCRUB_RULES } from "../claims/scrubber";
import { checkEin } from "../codes/ein";
import { checkNpi } from "../codes/npi";
import { checkTaxonomyFormat } from "../codes/taxonomy";
import { feePercent } from "../collections/agencyRecovery";
import { AGENCY_FEE_SETTING } from "../collections/collectionsBooks";
import { contractsInTables, UNDERPAYMENT_TOLERANCE } from "../contracts/contracts";
import { plural } from "../counting";
import type { DateSystem } from "../dates";
import { followUpSettings } from "../followup/followUpBooks";
import { parseMoney } from "../money";
import { PLAN_GRACE_SETTING, planGraceDays } from "../plans/planBooks";
import { readBuckets } from "../reports/agingBuckets";
import { listInWords, sentence } from "../sentences";
import { statementSettings } from "../statements/statementBooks";
import { interchangeRefusals } from "../x12/x12Writer";
import { mapColumns, parseTable } from "./mapTable";
import type { WritePlan } from "./plan";
import type { CellValue, RawTable, WriteOp } from "./port";
import { practiceSetting, PracticeSettings, SETTING_NAMES, settingRows } from "./practiceSettings";
import { PRACTICE_SETTINGS } from "./setup";
import { Practice } from "./tables";

/** The groups, in the README's order. */
export const PRACTICE_GROUPS = [
  "Practice",
  "Statements",
  "Reports",
  "Claims",
  "Remittances",
  "Follow-up",
  "Payment plans",
  "Collections",
] as const;
export type PracticeGroup = (typeof PRACTICE_GROUPS)[number];

/**
 * How a setting's value is checked: free text (one line or several), a state, ZIP, phone, NPI, tax ID,
 * taxonomy, a number of days, an amount, a percent, aging buckets, scrub rule ids, an X12 header ID,
 * or "kept": MedBill keeps it (shown, never written by the form).
 */
export type SettingKind =
  | "text"
  | "longText"
  | "state"
  | "zip"
  | "phone"
  | "npi"
  | "taxId"
  | "taxonomy"
  | "days"
  | "money"
  | "percent"
  | "buckets"
  | "rulesOff"
  | "x12Id"
  | "kept";

export interface PracticeField {
  /** The setting's name as Setup writes it (and as a new row is added). */
  name: string;
  /** Every name the engine finds it under, this one first. */
  names: readonly string[];
  group: PracticeGroup;
  kind: SettingKind;
  /** One line of help under the field. */
  help: string;
  /** Days: the least and (when bounded) the most the reader takes. */
  least?: number;
  most?: number;
}

const field = (name: string, group: PracticeGroup, kind: SettingKind, help: string, more: Partial<PracticeField> = {}): PracticeField => ({
  name,
  names: [name],
  group,
  kind,
  help,
  ...more,
});

/** The statements read their day counts as 0 to 366 (statementSettings). */
const STATEMENT_DAYS = { least: 0, most: 366 };

/** Every setting the engine reads from the Practice table, in the order the form shows them. */
export const PRACTICE_FORM: readonly PracticeField[] = [
  field("Practice Name", "Practice", "text", "As on claims and statements.", { names: SETTING_NAMES.practiceName }),
  field("Address", "Practice", "text", "The street address where the practice is: claims refuse a PO box.", {
    names: SETTING_NAMES.address,
  }),
  field("Address 2", "Practice", "text", "Suite or floor, if any.", { names: SETTING_NAMES.address2 }),
  field("City", "Practice", "text", "The practice's city.", { names: SETTING_NAMES.city }),
  field("State", "Practice", "state", "Two letters, like IL.", { names: SETTING_NAMES.state }),
  field("ZIP", "Practice", "zip", "ZIP+4, like 62701-1234: claims need all nine digits.", { names: SETTING_NAMES.zip }),
  field("Phone", "Practice", "phone", "With the area code, like 217-555-0100.", { names: SETTING_NAMES.phone }),
  field("Tax ID", "Practice", "taxId", "The practice's EIN, 9 digits written NN-NNNNNNN.", { names: SETTING_NAMES.taxId }),
  field("Billing NPI", "Practice", "npi", "The practice's own 10-digit NPI, billed under on every claim.", {
    names: SETTING_NAMES.billingNpi,
  }),
  field("Taxonomy", "Practice", "taxonomy", "The billing taxonomy code, like 207Q00000X.", { names: SETTING_NAMES.taxonomy }),
  field("Remit-To Address", "Practice", "longText", "Where patients send payments (a PO box is fine); blank: the address above."),
  field("Statement Message", "Statements", "longText", "Printed on a statement whose balance is not yet 31 days old."),
  field("Statement Due Days", "Statements", "days", "Days from the statement date to its due date.", STATEMENT_DAYS),
  field(
    "Statement Cycle Days",
    "Statements",
    "days",
    "A batch leaves out accounts sent a statement in the last this many days.",
    STATEMENT_DAYS,
  ),
  field("Statement Minimum", "Statements", "money", "A batch leaves out accounts owing less than this amount."),
  field("Statement Line Text", "Statements", "text", "A line's text when its codes have no FeeSchedule description."),
  field("Dunning 31-60", "Statements", "longText", "The message when the oldest amount owed is 31 to 60 days old."),
  field("Dunning 61-90", "Statements", "longText", "The message when the oldest amount owed is 61 to 90 days old."),
  field("Dunning 90+", "Statements", "longText", "The message when the oldest amount owed is over 90 days old."),
  field("Invoice Terms", "Statements", "text", "Payment terms printed on an invoice, like Net 30."),
  field("Aging Buckets", "Reports", "buckets", "The last day of each aging bucket, rising, like 30, 60, 90, 120."),
  field("Scrub Rules Off", "Claims", "rulesOff", "Scrub rule ids to turn off, separated by commas (the scrub report lists them)."),
  field(SUBMITTER_SETTING, "Claims", "x12Id", "Your ID at the clearinghouse, exactly as it gave it (up to 15 characters)."),
  field(RECEIVER_SETTING, "Claims", "x12Id", "The clearinghouse's own ID, exactly as it gave it (up to 15 characters)."),
  field(RECEIVER_NAME_SETTING, "Claims", "text", "The clearinghouse's name on the claim file; blank: its ID."),
  field(LAST_CONTROL_SETTING, "Claims", "kept", "Kept by MedBill: each 837P file takes the next number."),
  field(UNDERPAYMENT_TOLERANCE, "Remittances", "money", "How far under the contract a line's allowed amount may be before it is flagged."),
  field("No Response Days", "Follow-up", "days", "A billed claim with no answer after this many days is chased.", { least: 1 }),
  field("Appeal Days", "Follow-up", "days", "A denial's appeal is due this many days after it (unless the payer says).", { least: 1 }),
  field("Filing Warning Days", "Follow-up", "days", "An unbilled claim is listed this many days before its filing limit.", { least: 0 }),
  field("Timely Filing Days", "Follow-up", "days", "The filing limit for a payer without its own.", { least: 1 }),
  field(PLAN_GRACE_SETTING, "Payment plans", "days", "Days after an installment's due date before it counts as missed.", { least: 0 }),
  field(AGENCY_FEE_SETTING, "Collections", "percent", "The agency's share of what it collects, like 25; blank: none."),
];

/** The field of a setting, by its name. */
export function practiceField(name: string): PracticeField | undefined {
  return PRACTICE_FORM.find((f) => f.name === name);
}

/** What a blank setting means: Setup's default, when it has one. */
export function settingDefault(name: string): string | undefined {
  return PRACTICE_SETTINGS.find(([setting]) => setting === name)?.[1] ?? undefined;
}

/** Each setting's value as the engine finds it (under any of its names; "" when none). */
export type PracticeValues = Record<string, string>;

/** The current value of every setting of the form, from a Practice table as read (all blank without one). */
export function practiceValues(raw: RawTable | undefined, dateSystem: DateSystem = 1900): PracticeValues {
  const settings = raw ? PracticeSettings.fromRows(parseTable(Practice, raw, dateSystem).rows) : new PracticeSettings();
  return Object.fromEntries(PRACTICE_FORM.map((f) => [f.name, practiceSetting(settings, ...f.names) ?? ""]));
}

/** A one-setting Practice table, for asking a reader of the engine what it makes of a value. */
function oneSetting(name: string, value: string): RawTable {
  return { name: Practice.name, sheet: Practice.name, headerRow: 1, rowCount: 1, headers: ["Setting", "Value"], rows: [[name, value]] };
}

/** Whether the engine's own reader of the setting takes the value (without falling back to a default). */
function engineTakes(f: PracticeField, text: string): boolean {
  switch (f.name) {
    case "Statement Due Days":
    case "Statement Cycle Days":
    case "Statement Minimum":
      return !statementSettings([{ setting: f.name, value: text }]).problems.some((p) => p.startsWith(`Practice setting "${f.name}"`));
    case UNDERPAYMENT_TOLERANCE:
      return contractsInTables({ [Practice.name]: oneSetting(f.name, text) }, 1900).problems.length === 0;
    case PLAN_GRACE_SETTING:
      return planGraceDays(oneSetting(f.name, text), 1900).problem === undefined;
    default:
      if (f.group === "Follow-up") return followUpSettings(oneSetting(f.name, text), 1900).problems.length === 0;
      return true;
  }
}

const US_STATES = new Set(
  (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR " +
    "PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI AA AE AP"
  ).split(" "),
);

/** The X12 basic character set less the separators a claim file uses (* : ^ ~): what a header ID may hold. */
const X12_ID_CHARACTER = /[A-Za-z0-9 !"&'()+,\-./;?=]/;

/** The scrub rules by id, and whether each can be turned off. */
const RULES = new Map([...SCRUB_RULES, ...COB_SCRUB_RULES].map((rule) => [rule.id, rule]));

/** The mistake in a typed value of a setting, as a sentence; undefined when it reads (a blank always does). */
export function settingProblem(f: PracticeField, typed: string): string | undefined {
  const text = typed.trim();
  if (text === "" || f.kind === "kept") return undefined;
  const problem = kindProblem(f, text);
  if (problem !== undefined) return sentence(problem);
  // The check above words the mistake; the engine's reader has the last word on what it takes.
  return engineTakes(f, text) ? undefined : sentence(`${f.name} "${text}" is not a value MedBill can read`);
}

function kindProblem(f: PracticeField, text: string): string | undefined {
  const { name } = f;
  switch (f.kind) {
    case "text":
    case "longText":
    case "kept":
      return undefined;
    case "state":
      if (!/^[A-Za-z]{2}$/.test(text)) return `${name} "${text}" is not a state: write its two letters, like IL`;
      return US_STATES.has(text.toUpperCase()) ? undefined : `${name} "${text}" is not a US state's two letters, like IL`;
    case "zip":
      return /^\d{5}(-?\d{4})?$/.test(text) ? undefined : `${name} "${text}" is not a ZIP code: write 5 digits, or ZIP+4 like 62701-1234`;
    case "phone": {
      const digits = text.replace(/\D/g, "");
      if (!/^[\d\s().+-]+$/.test(text)) return `${name} "${text}" may hold only digits, spaces, ( ) . + and -, like 217-555-0100`;
      const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
      return national.length === 10
        ? undefined
        : `${name} "${text}" has ${digits.length} digits: write the 10-digit number with its area code, like 217-555-0100`;
    }
    case "npi": {
      const npi = checkNpi(text);
      if (npi.ok) return undefined;
      // checkNpi says `NPI "1234567890" fails its check digit (mistyped?)`: said of this setting.
      return npi.error.replace(/^NPI "([^"]*)"/, `${name} $1`).replace("fails its check digit", "fails the NPI check digit");
    }
    case "taxId": {
      const ein = checkEin(text);
      if (ein.ok) return undefined;
      // checkEin says `EIN "12-34567" has 7 digits...`: said of this setting.
      return /^EIN /.test(ein.reason) ? ein.reason.replace(/^EIN /, `${name} `) : `${name}: ${ein.reason}`;
    }
    case "taxonomy": {
      const taxonomy = checkTaxonomyFormat(text);
      return taxonomy.ok ? undefined : `${name}: ${taxonomy.reason}`;
    }
    case "days": {
      const least = f.least ?? 0;
      const range = f.most === undefined ? `${least} or more` : `from ${least} to ${f.most}`;
      // The follow-up and plan readers (daysSetting) take "30 days"; the statements' take digits only.
      const digits = f.group === "Statements" ? text : text.replace(/\s*days?$/i, "");
      const days = /^\d{1,6}$/.test(digits) ? Number(digits) : NaN;
      if (Number.isInteger(days) && days >= least && (f.most === undefined || days <= f.most)) return undefined;
      return `${name} "${text}" is not a whole number of days ${range}`;
    }
    case "money": {
      const amount = parseMoney(text);
      if (!amount.ok) return `${name}: ${amount.error}`;
      return amount.value >= 0 ? undefined : `${name} must be $0.00 or more, not ${text}`;
    }
    case "percent":
      return feePercent(text) === undefined ? `${name} "${text}" is not a percent from 0 to under 100, like 25` : undefined;
    case "buckets": {
      const buckets = readBuckets(text);
      return buckets.ok ? undefined : `${name}: ${buckets.error}`;
    }
    case "rulesOff": {
      const ids = text
        .split(/[\s,;]+/)
        .map((id) => id.trim().toLowerCase())
        .filter((id) => id !== "");
      const unknown = ids.filter((id) => !RULES.has(id));
      if (unknown.length > 0) {
        const list = unknown.map((id) => `"${id}"`).join(", ");
        return `${name}: ${list} ${unknown.length === 1 ? "is not a scrub rule id" : "are not scrub rule ids"} (the scrub report lists them, like billing-zip-plus4)`;
      }
      const required = ids.filter((id) => RULES.get(id)?.required);
      if (required.length > 0) return `${name}: ${required.join(", ")} cannot be turned off: the claim file could not carry such a claim`;
      return undefined;
    }
    case "x12Id": {
      if (text.length > 15) return `${name} "${text}" has ${text.length} characters: an X12 header holds at most 15`;
      const bad = [...new Set([...text].filter((c) => !X12_ID_CHARACTER.test(c)))];
      if (bad.length > 0) {
        const list = bad.map((c) => `"${c}"`).join(" ");
        return `${name} "${text}" has ${list} in it, which an X12 header ID cannot hold: type it exactly as your clearinghouse gave it`;
      }
      // The header's own check, of this setting's party (its words name the setting).
      return interchangeRefusals({ sender: { id: text }, receiver: { id: text } }).find((r) => r.includes(`(${name})`));
    }
  }
}

/** The value as it is saved: trimmed, a state and a taxonomy in capitals, an EIN written NN-NNNNNNN. */
export function savedValue(f: PracticeField, typed: string): string {
  const text = typed.trim();
  if (text === "" || settingProblem(f, text) !== undefined) return text;
  if (f.kind === "state") return text.toUpperCase();
  // The forms the checks give back: the same codes the engine reads, as a claim carries them.
  const check = f.kind === "taxonomy" ? checkTaxonomyFormat(text) : f.kind === "taxId" ? checkEin(text) : undefined;
  return check?.ok ? check.code : text;
}

/** Each setting's mistake, by name; empty when every value reads. */
export function practiceProblems(values: PracticeValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of PRACTICE_FORM) {
    const problem = settingProblem(f, values[f.name] ?? "");
    if (problem !== undefined) problems[f.name] = problem;
  }
  return problems;
}

/** The settings whose value as typed differs from the value read (as saved: "il" for "IL" is no change). */
export function changedSettings(read: PracticeValues, typed: PracticeValues): PracticeField[] {
  return PRACTICE_FORM.filter((f) => f.kind !== "kept" && savedValue(f, typed[f.name] ?? "") !== savedValue(f, read[f.name] ?? ""));
}

const NO_PRACTICE_TABLE = "The workbook has no Practice table: click Create missing tables first, then enter the settings.";

/** Why the settings cannot be kept in this Practice table (none, or no Setting or Value column); undefined when they can. */
export function practiceTableProblem(raw: RawTable | undefined): string | undefined {
  if (!raw) return NO_PRACTICE_TABLE;
  const { columns } = mapColumns(Practice, raw.headers);
  const missing = [columns.setting ? "" : '"Setting"', columns.value ? "" : '"Value"'].filter(Boolean);
  if (missing.length === 0) return undefined;
  return `The Practice table (${raw.sheet} sheet) has no ${missing.join(" or ")} column: add it, then save the settings again.`;
}

export type PracticeSave =
  | { kind: "plan"; plan: WritePlan; saved: string[] }
  | { kind: "unchanged" }
  | { kind: "invalid"; problems: Record<string, string> }
  | { kind: "refused"; problem: string };

/**
 * The plan saving the settings changed since `read` (the values the form was filled from) into the
 * Practice table as it is now (`raw`, read again just before): the Value cells of the settings' rows
 * (setCells on just those cells, as text so IDs keep their leading zeros in Excel too; every other
 * row and cell is left alone) and a new row for each setting the
 * table lacks. A changed setting goes in the row the engine reads it from (its first filled row, under
 * any of its names), else its first row; blanking a setting blanks every filled row of it, so no
 * other row takes its place. Nothing is planned when a value does not read, when the table is
 * missing or lacks its columns, or when someone changed one of these settings since the form was read.
 */
export function practiceSettingsPlan(
  raw: RawTable | undefined,
  read: PracticeValues,
  typed: PracticeValues,
  dateSystem: DateSystem = 1900,
): PracticeSave {
  const tableProblem = practiceTableProblem(raw);
  if (!raw || tableProblem !== undefined) return { kind: "refused", problem: tableProblem ?? NO_PRACTICE_TABLE };
  const columns = mapColumns(Practice, raw.headers).columns;
  const problems = practiceProblems(typed);
  if (Object.keys(problems).length > 0) return { kind: "invalid", problems };
  const now = practiceValues(raw, dateSystem);
  const changed = changedSettings(read, typed).filter((f) => savedValue(f, now[f.name]) !== savedValue(f, typed[f.name] ?? ""));
  const moved = changed.filter((f) => savedValue(f, now[f.name]) !== savedValue(f, read[f.name] ?? ""));
  if (moved.length > 0) {
    return {
      kind: "refused",
      problem: `${listInWords(moved.map((f) => f.name))} changed in the workbook since the settings were read: click Refresh, then enter your change again.`,
    };
  }
  if (changed.length === 0) return { kind: "unchanged" };

  const valueColumn = columns.value.index;
  const settingColumn = columns.setting.index;
  const values: CellValue[] = raw.rows.map((row) => row[valueColumn] ?? null);
  const filled = (i: number) => {
    const v = values[i];
    return v !== null && String(v).trim() !== "";
  };
  const changedRows = new Set<number>();
  const appended: Record<string, CellValue>[] = [];
  for (const f of changed) {
    const value = savedValue(f, typed[f.name] ?? "");
    const rowsByName = f.names.map((name) => settingRows(raw, name));
    if (value === "") {
      for (const i of rowsByName.flat()) {
        if (!filled(i)) continue;
        values[i] = null;
        changedRows.add(i);
      }
      continue;
    }
    // The row the engine reads the setting from: the first filled one, ours first, then its other names.
    const target = rowsByName.map((rows) => rows.find(filled)).find((i) => i !== undefined) ?? rowsByName.flat()[0];
    if (target === undefined) appended.push({ [raw.headers[settingColumn]]: f.name, [raw.headers[valueColumn]]: value });
    else {
      values[target] = value;
      changedRows.add(target);
    }
  }
  // The cells are set before rows are added: their row numbers are the table's rows as read.
  const ops: WriteOp[] = [];
  const column = raw.headers[valueColumn];
  const cells = [...changedRows].sort((a, b) => a - b).map((row) => ({ row, column, value: values[row], numberFormat: "@" }));
  if (cells.length > 0) ops.push({ kind: "setCells", table: raw.name, cells });
  if (appended.length > 0) ops.push({ kind: "appendRows", table: raw.name, rows: appended });
  const saved = changed.map((f) => f.name);
  return {
    kind: "plan",
    plan: { action: "Practice settings", what: `saved ${plural(saved.length, "Practice setting")}: ${saved.join(", ")}`, ops },
    saved,
  };
}
