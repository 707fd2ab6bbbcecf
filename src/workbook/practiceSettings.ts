// The Practice table's settings, as every reader finds them: claims (billing provider, envelope,
// control number), statements (practice block, due days, messages), reports (aging buckets), the
// code check (tax ID, NPI, taxonomy) and the places that point a biller at a setting's row. A setting
// is found by its name whatever its case, spacing or punctuation, and by the other names an office
// gives it ("Telephone" for "Phone"); the first row that fills it in wins.
import { asText } from "./cells";
import { mapColumns } from "./mapTable";
import type { RawTable } from "./port";
import { practiceSettingDefault } from "./setup";
import { Practice, type PracticeRow } from "./tables";

/**
 * "Submitter ID", "submitter_id", "SUBMITTER ID" and "Phone #" / "Phone" are one setting. "#" is how
 * an office writes "number" after a name, so it never tells two settings apart; "+" does ("ZIP+4",
 * "Dunning 90+") and is kept.
 */
export function settingKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9+]/g, "");
}

/** The names an office may give a setting, ours first: any of them fills the setting in. */
export const SETTING_NAMES = {
  practiceName: ["Practice Name", "Name"],
  address: ["Address", "Street", "Address 1"],
  address2: ["Address 2", "Suite"],
  city: ["City"],
  state: ["State"],
  zip: ["ZIP", "Zip Code", "Postal Code", "ZIP+4"],
  phone: ["Phone", "Phone Number", "Telephone"],
  billingNpi: ["Billing NPI", "Group NPI", "Practice NPI", "NPI"],
  taxId: ["Tax ID", "Federal Tax ID", "EIN", "TIN"],
  taxonomy: ["Taxonomy", "Taxonomy Code", "Billing Taxonomy"],
} as const;

/** Practice settings by name, found whatever the case, spacing or punctuation of the name. */
export class PracticeSettings extends Map<string, string> {
  override get(name: string): string | undefined {
    return super.get(settingKey(name));
  }
  override has(name: string): boolean {
    return super.has(settingKey(name));
  }
  /** The first row of a setting wins; a blank value counts as absent. */
  override set(name: string, value: string): this {
    const key = settingKey(name);
    if (!super.has(key) && value.trim() !== "") super.set(key, value.trim());
    return this;
  }
  static fromRows(rows: PracticeRow[]): PracticeSettings {
    const settings = new PracticeSettings();
    for (const row of rows) if (row.value !== undefined) settings.set(row.setting, row.value);
    return settings;
  }
}

/**
 * The value of the first of several names an office gives a setting (trimmed; a blank one counts as
 * absent). A plain Map is looked up by key, then by the name as written.
 */
export function practiceSetting(settings: Map<string, string>, ...names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = settings.get(settingKey(name)) ?? settings.get(name);
    if (value !== undefined && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/**
 * The body indexes of a setting's rows in a Practice table as read, first first (a workbook may
 * repeat a setting); none when the table has no Setting column.
 */
export function settingRows(raw: RawTable, name: string): number[] {
  const column = mapColumns(Practice, raw.headers).columns.setting?.index;
  if (column === undefined) return [];
  const key = settingKey(name);
  const rows: number[] = [];
  raw.rows.forEach((cells, i) => {
    const cell = cells[column];
    if (cell !== null && cell !== undefined && settingKey(asText(cell)) === key) rows.push(i);
  });
  return rows;
}

/**
 * A setting that is a number of days (follow-up's "Appeal Days", payment plans' "Plan Grace Days"): a
 * whole number, `least` or more, "30 days" read as 30; blank is Setup's default. One that does not read
 * takes the default and says so.
 */
export function daysSetting(given: PracticeSettings, name: string, least: number): { days: number; problem?: string } {
  const fallback = Number(practiceSettingDefault(name));
  const text = given.get(name);
  const value = text === undefined ? fallback : Number(text.replace(/\s*days?$/i, ""));
  if (Number.isInteger(value) && value >= least) return { days: value };
  return {
    days: fallback,
    problem: `Practice setting "${name}": "${text}" is not a whole number of days (${least} or more); ${fallback} is used until it is corrected.`,
  };
}
