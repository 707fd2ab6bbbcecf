// What the follow-up worklists read besides the ledger (issue 15): the Practice's follow-up settings,
// the contracts (for the Underpaid list) and the FollowUp table (each item's standing), each checked
// and said in a biller's words; and where an item is in the workbook, for the pane to show it.
import type { DateSystem, IsoDate } from "../dates";
import { contractsInTables } from "../contracts/contracts";
import { readLedger, type Ledger } from "../ledger/ledger";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { asText } from "../workbook/cells";
import { describeIssue, mapColumns, parseTable } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import { daysSetting, PracticeSettings } from "../workbook/practiceSettings";
import { Charges, ClaimStatus, Contracts, FollowUp, Practice } from "../workbook/tables";
import { FollowUpBook } from "./standing";
import { followUpLists, type FollowUpItem, type FollowUpLists, type FollowUpSettings } from "./worklists";
import { rejectionsOf } from "../claims/claimHistory";

/** The Practice settings of the worklists, by their names in Setup, and the least each may be. */
const SETTINGS: readonly [key: keyof FollowUpSettings, name: string, least: number][] = [
  ["responseDays", "No Response Days", 1],
  ["appealDays", "Appeal Days", 1],
  ["warningDays", "Filing Warning Days", 0],
  ["filingDays", "Timely Filing Days", 1],
];

/** The follow-up settings of a Practice table (Setup's defaults where blank), and what is wrong with any. */
export function followUpSettings(
  practice: RawTable | undefined,
  dateSystem: DateSystem,
): { settings: FollowUpSettings; problems: string[] } {
  const given = practice ? PracticeSettings.fromRows(parseTable(Practice, practice, dateSystem).rows) : new PracticeSettings();
  const problems: string[] = [];
  const settings = {} as FollowUpSettings;
  for (const [key, name, least] of SETTINGS) {
    const { days, problem } = daysSetting(given, name, least);
    settings[key] = days;
    if (problem) problems.push(problem);
  }
  return { settings, problems };
}

/** The tables the worklists read besides the ledger's. */
export const FOLLOW_UP_TABLES = [Practice.name, Contracts.name, FollowUp.name, ClaimStatus.name];

export interface FollowUpRead {
  ledger: Ledger;
  tables: Record<string, RawTable | undefined>;
  dateSystem: DateSystem;
  lists: FollowUpLists;
  /** What the office should fix: ledger rows, settings, contracts, FollowUp rows (each left out or defaulted). */
  problems: string[];
  /** Whether the workbook has a Contracts table (the Underpaid list needs one). */
  hasContracts: boolean;
}

/** Read the workbook and make the five lists as of a date (two reads: the ledger's tables and these). */
export async function readFollowUp(workbook: Workbook, asOf: IsoDate, options: { includeDone?: boolean } = {}): Promise<FollowUpRead> {
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const more = await workbook.readTables(FOLLOW_UP_TABLES);
  const all = { ...tables, ...more };
  const { settings, problems: settingProblems } = followUpSettings(more[Practice.name], dateSystem);
  const contracts = contractsInTables(more, dateSystem);
  const followUp = more[FollowUp.name];
  const rows = followUp ? parseTable(FollowUp, followUp, dateSystem) : undefined;
  const followUpProblems = (rows?.issues ?? []).map(
    (issue) => `${describeIssue(issue)}: that follow-up row is not counted until it is fixed.`,
  );
  const history = more[ClaimStatus.name];
  const claimStatus = history ? parseTable(ClaimStatus, history, dateSystem) : undefined;
  const statusProblems = (claimStatus?.issues ?? []).map(
    (issue) => `${describeIssue(issue)}: that claim status row is not counted until it is fixed.`,
  );
  const lists = followUpLists(ledger, {
    asOf,
    settings,
    book: new FollowUpBook(rows?.rows ?? [], asOf),
    contracts: contracts.rates ? { rates: contracts.rates, tolerance: contracts.tolerance } : undefined,
    includeDone: options.includeDone,
    rejections: rejectionsOf(claimStatus?.rows ?? [], asOf),
  });
  return {
    ledger,
    tables: all,
    dateSystem,
    lists,
    problems: [...ledgerProblems(ledger, tables), ...settingProblems, ...contracts.problems, ...followUpProblems, ...statusProblems],
    hasContracts: more[Contracts.name] !== undefined,
  };
}

export interface ItemPlace {
  table: string;
  sheet: string;
  /** Sheet row as the biller sees it. */
  row: number;
  bodyIndex: number;
  /** The workbook's own header: ChargeID for a line, Billed Date for a claim to bill or chase. */
  column: string;
}

/**
 * Where items are in the Charges table: a line's row, a claim's first line's row (found by ChargeID,
 * the first row that has it). The Charges column of ChargeIDs is indexed on the first call.
 */
export function itemPlaces(ledger: Ledger, charges: RawTable | undefined): (item: FollowUpItem) => ItemPlace | undefined {
  if (!charges) return () => undefined;
  const mapping = mapColumns(Charges, charges.headers);
  let rowOf: Map<string, number> | undefined;
  const chargeIds = ledger.chargeColumn("chargeId");
  return (item) => {
    const id = chargeIds[item.line];
    const column = mapping.columns.chargeId;
    if (id === undefined || !column) return undefined;
    if (!rowOf) {
      rowOf = new Map();
      charges.rows.forEach((cells, i) => {
        const cell = cells[column.index];
        if (cell === null || cell === undefined) return;
        const key = asText(cell).trim();
        if (!rowOf!.has(key)) rowOf!.set(key, i);
      });
    }
    const bodyIndex = rowOf.get(id);
    if (bodyIndex === undefined) return undefined;
    const claimWide = item.list === "No response" || item.list === "Filing limit" || item.list === "Rejected";
    const header = (claimWide ? mapping.columns.billedDate?.header : undefined) ?? column.header;
    return { table: charges.name, sheet: charges.sheet, row: charges.headerRow + 1 + bodyIndex, bodyIndex, column: header };
  };
}
