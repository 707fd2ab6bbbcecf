// The Follow-up panel's work on the workbook, apart from React so it can be tested in Node: read the
// worklists as of a date (readFollowUp: the ledger's tables and the follow-up ones, two reads) with
// where each item is in Charges; set items' status or write them off, each made into a plan on the
// tables as they are just before the write (read again, in a fixed number of calls: posting IDs and the
// FollowUp table's columns are never taken from an older read) and written by applyPlan with its Audit
// row; and a payer's fee schedule read from a file, previewed, and imported into the Contracts table.
// An appeal letter for a claim's selected denied or underpaid lines is written on its own sheet
// ("Appeal CL000123"), made from the tables as they are when the button is pressed.
// A refusal comes back as the engine's problems, with nothing written.
import type { DateSystem, IsoDate } from "../../src/dates";
import { contractFileCells, contractImportPlan, type ContractImport, type ContractImportOptions } from "../../src/contracts/contractImport";
import { APPEAL_TABLES, appealLetter } from "../../src/followup/appealLetter";
import { appealPlan, appealSheetName } from "../../src/followup/appealSheet";
import { itemPlaces, readFollowUp, type FollowUpRead } from "../../src/followup/followUpBooks";
import { statusPlan, writeOffPlan, type StatusChange, type WriteOff } from "../../src/followup/followUpPlan";
import type { FollowUpItem } from "../../src/followup/worklists";
import { LEDGER_TABLES, ledgerFromTables } from "../../src/ledger/ledger";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { CellValue, RawTable, Workbook } from "../../src/workbook/port";
import { Charges, Contracts, FollowUp } from "../../src/workbook/tables";
import type { TableCell } from "../panelProps";

export type FollowUpStage = "reading" | "writing" | "importing";

/** What the spinner says during a stage. */
export const STAGE_LABEL: Record<FollowUpStage, string> = {
  reading: "Reading the worklists…",
  writing: "Writing to the workbook…",
  importing: "Importing the contract rates…",
};

export interface FollowUpBooks extends FollowUpRead {
  includeDone: boolean;
  /** The cell that shows an item: its line's ChargeID in Charges (a claim's Billed Date), when it can be found. */
  placeOf: (item: FollowUpItem) => TableCell | undefined;
  /** The payers to choose from for a fee schedule: each PayerID once, with its name. */
  payers: { payerId: string; name: string }[];
}

/** The five worklists as of a date, and what the panel needs around them. */
export async function readFollowUpBooks(workbook: Workbook, asOf: IsoDate, includeDone: boolean): Promise<FollowUpBooks> {
  const read = await readFollowUp(workbook, asOf, { includeDone });
  const seen = new Set<string>();
  const payers: { payerId: string; name: string }[] = [];
  for (const p of read.ledger.payers) {
    if (seen.has(p.payerId)) continue;
    seen.add(p.payerId);
    payers.push({ payerId: p.payerId, name: p.name ?? "" });
  }
  return { ...read, includeDone, placeOf: itemPlaces(read.ledger, read.tables[Charges.name]), payers };
}

export type FollowUpWrite = { ok: true; applied: AppliedPlan; what: string } | { ok: false; problems: string[] };

/** Set items' status: one new FollowUp row each (the table is made when the workbook has none). */
export async function setStatus(workbook: Workbook, dateSystem: DateSystem, change: StatusChange, today: IsoDate): Promise<FollowUpWrite> {
  const { [FollowUp.name]: followUp } = await workbook.readTables([FollowUp.name]);
  const planned = statusPlan(followUp, dateSystem, change, today);
  if (!planned.ok) return planned;
  return { ok: true, applied: await applyPlan(workbook, planned.plan), what: planned.plan.what };
}

/** Write items off: a WO posting of what the payer still owes on each line, and a "Written off" row per item. */
export async function writeOff(workbook: Workbook, request: WriteOff, today: IsoDate): Promise<FollowUpWrite> {
  const info = await workbook.describe();
  const tables = await workbook.readTables([...LEDGER_TABLES, FollowUp.name]);
  const ledger = ledgerFromTables(tables, info.dateSystem);
  const planned = writeOffPlan(ledger, { info, tables, dateSystem: info.dateSystem, today }, request);
  if (!planned.ok) return planned;
  return { ok: true, applied: await applyPlan(workbook, planned.plan), what: planned.plan.what };
}

/** A fee schedule the biller picked, as cells (its header row first). */
export interface ContractFile {
  name: string;
  cells: CellValue[][];
  dateSystem: DateSystem;
}

/** A picked file's cells: the first sheet of an .xlsx, else CSV or tab-separated text; or why it can't be read. */
export function readContractFile(name: string, bytes: Uint8Array): { ok: true; file: ContractFile } | { ok: false; problem: string } {
  const read = contractFileCells(name, bytes);
  if (!read.ok) return read;
  return { ok: true, file: { name, cells: read.cells, dateSystem: read.dateSystem } };
}

/** What the file would add, checked against the Contracts table as last read. Nothing is written. */
export function previewContracts(
  file: ContractFile,
  books: { tables: Record<string, RawTable | undefined>; dateSystem: DateSystem },
  options: ContractImportOptions,
): ContractImport {
  return contractImportPlan(
    file.name,
    file.cells,
    file.dateSystem,
    { contracts: books.tables[Contracts.name], dateSystem: books.dateSystem },
    options,
  );
}

export type ContractsImported = { ok: true; applied: AppliedPlan; what: string; notes: string[] } | { ok: false; problems: string[] };

/** Add the file's rates to Contracts, planned on the table as it is now (read again), in one write with its Audit row. */
export async function importContracts(workbook: Workbook, file: ContractFile, options: ContractImportOptions): Promise<ContractsImported> {
  const { dateSystem } = await workbook.describe();
  const { [Contracts.name]: contracts } = await workbook.readTables([Contracts.name]);
  const planned = contractImportPlan(file.name, file.cells, file.dateSystem, { contracts, dateSystem }, options);
  if (!planned.ok) return planned;
  return { ok: true, applied: await applyPlan(workbook, planned.plan), what: planned.plan.what, notes: planned.notes };
}

export type AppealWritten =
  { ok: true; applied: AppliedPlan; what: string; sheet: string; gaps: string[] } | { ok: false; problems: string[] };

/**
 * The appeal letter for one claim's lines (ChargeIDs on its Denied or Underpaid list as of `asOf`) on
 * the sheet "Appeal <claim>", with its Audit row; an earlier letter for the claim is replaced. The lists
 * are read again, so the letter says what the workbook says now.
 */
export async function writeAppealLetter(workbook: Workbook, asOf: IsoDate, claimId: string, lines: string[]): Promise<AppealWritten> {
  const read = await readFollowUp(workbook, asOf);
  const more = await workbook.readTables(APPEAL_TABLES);
  const made = appealLetter({ ...read, tables: { ...read.tables, ...more } }, claimId, { lines });
  if (!made.ok) return { ok: false, problems: [made.error] };
  const plan = appealPlan(made.value, { dateSystem: read.dateSystem });
  return { ok: true, applied: await applyPlan(workbook, plan), what: plan.what, sheet: appealSheetName(claimId), gaps: made.value.gaps };
}
