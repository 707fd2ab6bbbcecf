// Setup: which billing tables the workbook has, how their columns map to our fields, what is
// missing, and the plan that creates the missing tables with their headers and formats.
import { BILLING_TABLES, type TableDef } from "./tables";
import { mapColumns, type ColumnMapping } from "./mapTable";
import { createTableOp, type WritePlan } from "./plan";
import { findPlainRanges, type PlainRange } from "./plainRanges";
import type { Workbook, WorkbookInfo } from "./port";

export interface TableStatus {
  table: string;
  present: boolean;
  sheet?: string;
  rowCount: number;
  mapping?: ColumnMapping;
  /** Field key -> the header Setup would use; for listing mapped and missing columns by name. */
  fieldHeaders: Record<string, string>;
}

export function inspectWorkbook(info: WorkbookInfo): TableStatus[] {
  return BILLING_TABLES.map((def: TableDef) => {
    const found = info.tables.find((t) => t.name.toLowerCase() === def.name.toLowerCase());
    const fieldHeaders = Object.fromEntries(
      Object.entries(def.fields as Record<string, { header: string }>).map(([k, v]) => [k, v.header]),
    );
    if (!found) return { table: def.name, present: false, rowCount: 0, fieldHeaders };
    return {
      table: def.name,
      present: true,
      sheet: found.sheet,
      rowCount: found.rowCount,
      mapping: mapColumns(def, found.headers),
      fieldHeaders,
    };
  });
}

/** Settings a new Practice table starts with; the office fills in the values. */
export const PRACTICE_SETTINGS: [string, string | null][] = [
  ["Practice Name", null],
  ["Address", null],
  ["City", null],
  ["State", null],
  ["ZIP", null],
  ["Phone", null],
  ["Tax ID", null],
  ["Billing NPI", null],
  ["Taxonomy", null],
  ["Remit-To Address", null],
  ["Statement Message", "Please pay the amount due by the due date. Call us with any questions."],
  ["Statement Due Days", "30"],
  ["Aging Buckets", "30,60,90,120"],
  // Statements and invoices: the batch's cycle and minimum, the text of a line whose
  // codes have no FeeSchedule description, the dunning messages by the age of what is owed.
  ["Statement Cycle Days", "30"],
  ["Statement Minimum", "5.00"],
  ["Statement Line Text", "Professional services"],
  ["Dunning 31-60", "Your account has a balance more than 30 days old. Please pay the amount due, or call us to set up a payment plan."],
  ["Dunning 61-90", "Your account is more than 60 days past due. Please send your payment today, or call us so we can help."],
  [
    "Dunning 90+",
    "Your account is more than 90 days past due. Please pay in full or call us within 10 days to make arrangements. Thank you.",
  ],
  ["Invoice Terms", "Net 30"],
  // Claims: scrub rules the practice has turned off (rule ids, comma separated; the scrub
  // report always lists them), and the 837P envelope: our submitter id, the clearinghouse's receiver
  // id, and the last interchange control number used (each file takes the next one).
  ["Scrub Rules Off", null],
  ["Submitter ID", null],
  ["Receiver ID", null],
  ["Last Interchange Control #", "0"],
  // Remittances: how far under the contract (Contracts table) a line's allowed amount may be before the
  // import flags it as underpaid (rounding and small differences are not worth a call).
  ["Underpayment Tolerance", "1.00"],
  // Follow-up: a billed claim with no answer after this many days is chased; a denial's appeal is due
  // this many days after it; an unbilled claim is listed this many days before its filing limit, by the
  // payer's Timely Filing Days or, where blank, this one. A payer's own Response, Appeal and Timely
  // Filing Days (Payers) come first.
  ["No Response Days", "30"],
  ["Appeal Days", "90"],
  ["Filing Warning Days", "30"],
  ["Timely Filing Days", "90"],
  // Payment plans: an installment not paid this many days after its due date is missed (the account
  // goes on the collections worklist).
  ["Plan Grace Days", "10"],
];

/** Setup's default value of a setting (the one source of defaults); a setting without one is a bug. */
export function practiceSettingDefault(setting: string): string {
  const found = PRACTICE_SETTINGS.find(([name]) => name === setting);
  if (!found || found[1] === null) throw new Error(`no default for the setting "${setting}"`);
  return found[1];
}

/** What Setup shows: the billing tables, and the office's rows of missing ones found on plain sheets. */
export interface SetupStatus {
  info: WorkbookInfo;
  tables: TableStatus[];
  /** Missing billing tables whose rows are on a plain sheet (findPlainRanges): made tables, never created empty. */
  plainRanges: PlainRange[];
}

/** Setup's view of a workbook: its layout, then the top rows of its plain sheets. */
export async function readSetupStatus(workbook: Workbook): Promise<SetupStatus> {
  const info = await workbook.describe();
  return { info, tables: inspectWorkbook(info), plainRanges: await findPlainRanges(workbook, info) };
}

/**
 * A plan creating every missing billing table (empty, with headers, formats and widths), except those
 * whose rows `plainRanges` found on a plain sheet: those are made tables where they are, never
 * created empty on a "Charges (2)" beside them.
 */
export function setupPlan(info: WorkbookInfo, plainRanges: PlainRange[] = []): WritePlan | undefined {
  const onSheets = new Set(plainRanges.map((r) => r.table.toLowerCase()));
  const missing = inspectWorkbook(info).filter((s) => !s.present && !onSheets.has(s.table.toLowerCase()));
  if (missing.length === 0) return undefined;
  const taken = new Set(info.sheets.map((s) => s.toLowerCase()));
  const ops = missing.map((status) => {
    const def = BILLING_TABLES.find((d) => d.name === status.table)!;
    const op = createTableOp(def, def.name === "Practice" ? PRACTICE_SETTINGS.map((r) => [...r]) : undefined);
    // A sheet of that name already in use (by another table or by the office's own data) is left alone.
    let sheet = def.name;
    for (let n = 2; taken.has(sheet.toLowerCase()); n++) sheet = `${def.name} (${n})`;
    taken.add(sheet.toLowerCase());
    return { ...op, sheet };
  });
  return { action: "Setup", what: `created ${ops.length} table(s): ${ops.map((o) => o.table).join(", ")}`, ops };
}
