// Setup › Practice settings, apart from React so it can be tested in Node: reading the Practice table
// into the form, the form's groups and hints, keeping what the biller typed when the workbook is read
// again, and saving: the table read again, the engine's plan (src/workbook/practiceForm.ts: the
// checks and the rows written) applied with its Audit row, and the sentence saying what was saved.
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import {
  changedSettings,
  PRACTICE_FORM,
  PRACTICE_GROUPS,
  practiceSettingsPlan,
  practiceTableProblem,
  practiceValues,
  settingDefault,
  type PracticeField,
  type PracticeGroup,
  type PracticeValues,
} from "../../src/workbook/practiceForm";
import { Practice } from "../../src/workbook/tables";
import { listInWords } from "../billerMessage";

/** What the form was filled from: the settings as the engine reads them, or why there are none to edit. */
export type PracticeRead = { ok: true; sheet: string; values: PracticeValues } | { ok: false; problem: string };

/** The Practice table as the form shows it (one read). */
export async function readPracticeSettings(workbook: Workbook): Promise<PracticeRead> {
  const { dateSystem } = await workbook.describe();
  const raw = (await workbook.readTables([Practice.name]))[Practice.name];
  const problem = practiceTableProblem(raw);
  if (!raw || problem !== undefined) return { ok: false, problem: problem ?? "" };
  return { ok: true, sheet: raw.sheet, values: practiceValues(raw, dateSystem) };
}

export type PracticeSaved =
  | { kind: "saved"; saved: string[]; applied: AppliedPlan }
  | { kind: "unchanged" }
  | { kind: "invalid"; problems: Record<string, string> }
  | { kind: "refused"; problem: string };

/**
 * Save the settings changed since `read`: the Practice table is read again just before, so a row
 * another person added meanwhile is kept; nothing is written when a value does not read or one of
 * these settings changed in the workbook since `read`.
 */
export async function savePracticeSettings(
  workbook: Workbook,
  read: PracticeValues,
  typed: PracticeValues,
  now: Date = new Date(),
): Promise<PracticeSaved> {
  const { dateSystem } = await workbook.describe();
  const raw = (await workbook.readTables([Practice.name]))[Practice.name];
  const planned = practiceSettingsPlan(raw, read, typed, dateSystem);
  if (planned.kind !== "plan") return planned;
  const applied = await applyPlan(workbook, planned.plan, now);
  return { kind: "saved", saved: planned.saved, applied };
}

/** "Saved Submitter ID and Receiver ID in the Practice table. The Audit sheet records the change." */
export function savedMessage(saved: readonly string[]): string {
  return `Saved ${listInWords(saved)} in the Practice table. The Audit sheet records the change.`;
}

/** The form's fields, group by group, in the README's order. */
export const FORM_GROUPS: { group: PracticeGroup; fields: PracticeField[] }[] = PRACTICE_GROUPS.map((group) => ({
  group,
  fields: PRACTICE_FORM.filter((f) => f.group === group),
}));

/** A default this short is said in the hint ("Blank: 30."); a longer one (a message) is the field's placeholder. */
const DEFAULT_IN_HINT = 20;

/** The line under a field: its help, and what a blank means when Setup has a short default. */
export function fieldHint(f: PracticeField): string {
  const fallback = settingDefault(f.name);
  return fallback !== undefined && fallback.length <= DEFAULT_IN_HINT && f.kind !== "kept" ? `${f.help} Blank: ${fallback}.` : f.help;
}

/** The placeholder of a blank field: Setup's default when it is a long text. */
export function fieldPlaceholder(f: PracticeField): string | undefined {
  const fallback = settingDefault(f.name);
  return fallback !== undefined && fallback.length > DEFAULT_IN_HINT ? fallback : undefined;
}

/**
 * The form after the workbook was read again: what the biller changed is kept, every other field
 * takes the value now in the workbook. Returns the new values read and typed.
 */
export function reloaded(
  read: PracticeValues,
  typed: PracticeValues,
  fresh: PracticeValues,
): { read: PracticeValues; typed: PracticeValues } {
  const edited = new Set(changedSettings(read, typed).map((f) => f.name));
  const next: PracticeValues = { ...fresh };
  for (const name of edited) next[name] = typed[name];
  return { read: fresh, typed: next };
}

/** The groups holding a mistake, so the form can open them. */
export function groupsWithProblems(problems: Record<string, string>): PracticeGroup[] {
  return FORM_GROUPS.filter(({ fields }) => fields.some((f) => problems[f.name] !== undefined)).map(({ group }) => group);
}

/** How many settings differ from what was read ("2 changes not saved"). */
export function unsavedCount(read: PracticeValues, typed: PracticeValues): number {
  return changedSettings(read, typed).length;
}
