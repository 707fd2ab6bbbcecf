// Claims from the workbook: Practice, Patients, Payers, Providers, Charges, ClaimStatus, Postings and
// Payments read in one readTables call, parsed, and handed to buildClaims (the postings say which
// lines a payer has already answered: payerAnswers). Charges are read leniently for the fields the scrubber
// judges (a bad NPI, a modifier, a pointer is a scrub problem on a claim that is still built); a row
// that does not read holds back its claim when its ClaimID reads, and is a table issue otherwise.
import { z } from "zod";
import type { DateSystem } from "../dates";
import * as c from "../workbook/cells";
import { describeIssue, mapColumns, parseTable, type ParsedTable, type RowIssue } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import { PracticeSettings } from "../workbook/practiceSettings";
import {
  Charges,
  ClaimStatus,
  Patients,
  Payers,
  Payments,
  Postings,
  Practice,
  Providers,
  type ChargeRow,
  type ProviderRow,
  type TableDef,
} from "../workbook/tables";
import { buildClaims, type BuildOptions, type UnreadableCharge } from "./buildClaims";
import { rejectionsOf, type Rejection } from "./claimHistory";
import type { Claim, ScrubProblem } from "./model";
import { payerAnswers, type AdjudicatedClaim } from "./payerAnswers";
import { parseRulesOff, scrubClaims, type ScrubOptions } from "./scrubber";

const { asText } = c;
const lower = (text: string) => text.toLowerCase();
/** Every ClaimStatus row counts, whatever its date. */
const LAST_DAY = "9999-12-31";

export interface ClaimBooks {
  /** The claims built, in the order their first line appears in Charges (unbilled ones only with unbilledOnly). */
  claims: Claim[];
  /** With unbilledOnly: the claims left out because every line is billed, for the duplicate-line check (scrubClaims' earlierClaims). */
  billedClaims: Claim[];
  /** Claims that can't even be built, each with the row to fix. */
  problems: ScrubProblem[];
  /** The Practice table's settings; get() finds a setting whatever its case and punctuation ("Submitter ID", "submitter_id"). */
  practiceSettings: PracticeSettings;
  /** Charges rows that read (leniently: see the header), in sheet order. */
  charges: ChargeRow[];
  /** The 0-based body index in the Charges table of each entry of `charges`, for a setColumn plan. */
  chargeIndexes: number[];
  providers: ProviderRow[];
  dateSystem: DateSystem;
  /** Rows that could not be read and belong to no claim, missing tables and columns, in a biller's words. */
  tableIssues: string[];
  /** The tables as read (Charges, Practice...), so a plan can rewrite one column and keep every other value. */
  tables: Record<string, RawTable | undefined>;
  /** Practice "Scrub Rules Off", as rule ids. */
  scrubRulesOff: string[];
  /** Per table, our header -> the workbook's own (an alias), for ScrubOptions.columns. */
  columns: Record<string, Record<string, string>>;
  /** Claims left out: self-pay ones, and with unbilledOnly the ones already billed and the ones a payer has answered. */
  skipped: { selfPay: number; billed: number; adjudicated: number };
  /** With unbilledOnly: the unbilled claims a payer has answered (paid, denied...), each with what it did. */
  adjudicated: AdjudicatedClaim[];
  /**
   * Claims whose latest word from a clearinghouse or payer (ClaimStatus) is a rejection, by ClaimID:
   * with unbilledOnly they are among `claims`, to correct and send again.
   */
  rejected: Map<string, Rejection>;
}

/** The tables claims are built from, read in one readTables call. */
export const CLAIM_TABLES = [
  Practice.name,
  Patients.name,
  Payers.name,
  Providers.name,
  Charges.name,
  ClaimStatus.name,
  Postings.name,
  Payments.name,
];

// Charges as the claims read them: the fields the scrubber judges (rendering NPI, code, modifiers,
// units) are taken as typed, so a bad one is a scrub problem on a claim that is still built, named by
// its rule, rather than a row left out. Every other check of the Charges schema stays.
const anyUnits = z.unknown().transform((value, ctx): number | undefined => {
  if (value === undefined) return undefined;
  const n = typeof value === "number" ? value : Number(asText(value));
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: `units "${asText(value)}" is not a number` });
    return z.NEVER;
  }
  return n;
});
const LENIENT_CHARGES = {
  ...Charges,
  schema: Charges.schema.extend({
    providerNpi: c.text().optional(),
    code: c.code(),
    mod1: c.code().optional(),
    mod2: c.code().optional(),
    mod3: c.code().optional(),
    mod4: c.code().optional(),
    units: anyUnits,
  }),
  // The row type is ChargeRow all the same: these fields are strings and a number either way.
} as unknown as typeof Charges;

/** Our header -> the workbook's, for the columns a table has. */
function headersOf(def: TableDef, parsed: ParsedTable<unknown>): Record<string, string> {
  const fields = def.fields as Record<string, { header: string }>;
  const out: Record<string, string> = {};
  for (const [key, column] of Object.entries(parsed.mapping.columns)) out[fields[key].header] = column.header;
  return out;
}

/** The raw text of a field's cell in a body row, or undefined when blank. */
function rawText(raw: RawTable, parsed: ParsedTable<unknown>, field: string, index: number): string | undefined {
  const column = parsed.mapping.columns[field];
  const value = column ? raw.rows[index]?.[column.index] : undefined;
  if (value === null || value === undefined) return undefined;
  const text = asText(value);
  return text === "" ? undefined : text;
}

/** Each row that failed, by body index: its first issue, the rest joined to its message. */
function failedRows(parsed: ParsedTable<unknown>, raw: RawTable): Map<number, RowIssue> {
  const byIndex = new Map<number, RowIssue>();
  for (const issue of parsed.issues) {
    const index = issue.row - raw.headerRow - 1;
    if (index < 0) continue;
    const before = byIndex.get(index);
    if (!before) {
      byIndex.set(index, { ...issue });
      continue;
    }
    // "DOS is blank; Amount: "abc" is not an amount": the row's first column keeps its place in `column`.
    if (before.message === "is blank") before.message = `${before.column} is blank`;
    before.message += `; ${issue.message === "is blank" ? `${issue.column} is blank` : `${issue.column ?? ""}: ${issue.message}`}`;
  }
  return byIndex;
}

/**
 * Only the rows of these claims, and of their patients' other claims (for the duplicate-line check):
 * the other rows become blank, which parseTable passes over, so sheet rows keep their numbers.
 */
function onlyClaims(raw: RawTable, claimIds: Set<string>): RawTable {
  const mapping = mapColumns(Charges, raw.headers);
  const claimColumn = mapping.columns.claimId?.index;
  const patientColumn = mapping.columns.patientId?.index;
  if (claimColumn === undefined) return raw;
  const keep = new Uint8Array(raw.rows.length);
  const patients = new Set<string>();
  for (let i = 0; i < raw.rows.length; i++) {
    const cells = raw.rows[i];
    const claim = cells[claimColumn];
    if (claim === null || claim === undefined || !claimIds.has(asText(claim))) continue;
    keep[i] = 1;
    const patient = patientColumn === undefined ? undefined : cells[patientColumn];
    if (patient !== null && patient !== undefined) patients.add(lower(asText(patient)));
  }
  if (patientColumn !== undefined && patients.size > 0) {
    for (let i = 0; i < raw.rows.length; i++) {
      const patient = raw.rows[i][patientColumn];
      if (!keep[i] && patient !== null && patient !== undefined && patients.has(lower(asText(patient)))) keep[i] = 1;
    }
  }
  const blank: RawTable["rows"][number] = [];
  return { ...raw, rows: raw.rows.map((row, i) => (keep[i] ? row : blank)) };
}

export interface ClaimBooksOptions extends BuildOptions {
  /**
   * Read only the lines of these claims and of their patients' other claims (which the duplicate-line
   * check needs), so one claim's scrub does not build the whole book: MEDBILL.SCRUB.
   */
  only?: string[];
}

/** Pure: the tables as read -> the claims and everything a scrub or an export needs beside them. */
export function claimBooksFromTables(
  tables: Record<string, RawTable | undefined>,
  dateSystem: DateSystem,
  options: ClaimBooksOptions = {},
): ClaimBooks {
  const tableIssues: string[] = [];
  const columns: Record<string, Record<string, string>> = {};
  function read<D extends TableDef>(def: D, raw: RawTable | undefined, needed: string) {
    if (!raw) {
      if (needed) tableIssues.push(`The workbook has no ${def.name} table: ${needed}`);
      return undefined;
    }
    const parsed = parseTable(def, raw, dateSystem);
    columns[def.name] = headersOf(def, parsed);
    return parsed;
  }
  const chargesRaw = tables[Charges.name];
  const chargesIn = chargesRaw && options.only ? onlyClaims(chargesRaw, new Set(options.only)) : chargesRaw;
  const charges = read(LENIENT_CHARGES, chargesIn, "there are no charges to bill");
  const patients = read(Patients, tables[Patients.name], "claims need the patients' names, addresses and member IDs");
  const payers = read(Payers, tables[Payers.name], "claims need the payers");
  const practice = read(Practice, tables[Practice.name], "claims need the billing provider (Practice Name, Billing NPI, Tax ID, address)");
  const providers = read(Providers, tables[Providers.name], "");
  // The claims' history: a rejected claim is to be sent again. A row that does not read is said here
  // and not counted.
  const history = read(ClaimStatus, tables[ClaimStatus.name], "");
  for (const issue of history?.issues ?? [])
    tableIssues.push(`${describeIssue(issue)}: that claim status row is not counted until it is fixed`);
  const rejected = rejectionsOf(history?.rows ?? [], LAST_DAY);
  // With unbilledOnly, what payers have answered, line by line (only the claims to send need it). A
  // row that does not read is said here and not counted.
  let answered: ReturnType<typeof payerAnswers> | undefined;
  if (options.unbilledOnly) {
    const postings = read(Postings, tables[Postings.name], "");
    const payments = read(Payments, tables[Payments.name], "");
    const notCounted = (what: string) => `: that ${what} is not counted, when telling which claims a payer has answered, until it is fixed`;
    for (const issue of postings?.issues ?? []) tableIssues.push(describeIssue(issue) + notCounted("posting"));
    for (const issue of payments?.issues ?? []) tableIssues.push(describeIssue(issue) + notCounted("payment"));
    answered = payerAnswers(postings, payments);
  }

  // Rows that did not read: a Charges row on its claim when its ClaimID reads, everything else here.
  const unreadableCharges: UnreadableCharge[] = [];
  if (charges && chargesIn) {
    for (const [index, issue] of failedRows(charges, chargesIn)) {
      const claimId = rawText(chargesIn, charges, "claimId", index);
      if (claimId === undefined) tableIssues.push(`${describeIssue(issue)}: this line belongs to no claim until its ClaimID reads`);
      else unreadableCharges.push({ claimId, row: issue.row, column: issue.column, message: issue.message });
    }
    for (const issue of charges.issues) if (issue.row <= chargesIn.headerRow) tableIssues.push(describeIssue(issue));
  }
  const unreadable = (parsed: ParsedTable<unknown> | undefined, raw: RawTable | undefined, idField: string) => {
    const byId = new Map<string, string>();
    if (!parsed || !raw) return byId;
    for (const [index, issue] of failedRows(parsed, raw)) {
      tableIssues.push(describeIssue(issue));
      const id = rawText(raw, parsed, idField, index);
      if (id !== undefined && !byId.has(lower(id))) byId.set(lower(id), describeIssue(issue));
    }
    for (const issue of parsed.issues) if (issue.row <= raw.headerRow) tableIssues.push(describeIssue(issue));
    return byId;
  };
  const unreadablePatients = unreadable(patients, tables[Patients.name], "patientId");
  const unreadablePayers = unreadable(payers, tables[Payers.name], "payerId");
  if (practice) for (const issue of practice.issues) tableIssues.push(describeIssue(issue));

  const practiceSettings = PracticeSettings.fromRows(practice?.rows ?? []);
  const built = buildClaims(
    {
      charges: charges?.rows ?? [],
      chargeSheetRows: charges?.sheetRows,
      patients: patients?.rows ?? [],
      payers: payers?.rows ?? [],
      practiceSettings,
      unreadableCharges,
      unreadablePatients,
      unreadablePayers,
      columns,
      ...(answered && { answered }),
    },
    // A primary claim turned back is sent again; a rejected secondary claim is the secondary export's.
    { ...options, resend: new Set([...rejected].filter(([, r]) => r.sequence === "Primary").map(([claimId]) => claimId)) },
  );
  return {
    claims: built.claims,
    billedClaims: built.billedClaims,
    problems: built.problems,
    practiceSettings,
    charges: charges?.rows ?? [],
    chargeIndexes: charges?.indexes ?? [],
    providers: providers?.rows ?? [],
    dateSystem,
    tableIssues,
    tables,
    scrubRulesOff: parseRulesOff(practiceSettings.get("Scrub Rules Off")),
    columns,
    skipped: built.skipped,
    adjudicated: built.adjudicated,
    rejected,
  };
}

/** Read the claims' tables (CLAIM_TABLES) in one readTables call and build the claims. */
export async function readClaimBooks(workbook: Workbook, options?: { unbilledOnly?: boolean }): Promise<ClaimBooks> {
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables(CLAIM_TABLES);
  return claimBooksFromTables(tables, dateSystem, options);
}

/**
 * Scrub some claims straight from their tables, as the pane would scrub them: the claims already billed
 * come first in the duplicate check, then the others in Charges order. A claim that can't be built
 * answers with its build problems; one with no line in Charges is left out of the answer.
 */
export function scrubClaimsInTables(
  tables: Record<string, RawTable | undefined>,
  claimIds: string[],
  options: ScrubOptions,
  dateSystem: DateSystem = 1900,
): { problems: Map<string, ScrubProblem[]>; tableIssues: string[] } {
  const asked = new Set(claimIds);
  const books = claimBooksFromTables(tables, dateSystem, { only: claimIds });
  const billed = books.claims.filter((claim) => claim.billedDate !== undefined && !asked.has(claim.claimId));
  const batch = books.claims.filter((claim) => claim.billedDate === undefined || asked.has(claim.claimId));
  const report = scrubClaims(batch, { ...options, columns: options.columns ?? books.columns, earlierClaims: billed });
  const problems = new Map<string, ScrubProblem[]>();
  for (const p of books.problems) {
    if (!asked.has(p.claimId)) continue;
    const list = problems.get(p.claimId);
    if (list) list.push(p);
    else problems.set(p.claimId, [p]);
  }
  for (const result of report.results) if (asked.has(result.claimId)) problems.set(result.claimId, result.problems);
  return { problems, tableIssues: books.tableIssues };
}
