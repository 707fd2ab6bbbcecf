// Claims from the workbook: Charges grouped by ClaimID, with the patient and member ID from Patients,
// the payer from Payers and the billing provider from Practice, read in one readTables call. A claim
// is built whenever its lines can be read and agree on who is billed (one patient, one payer); what is
// wrong inside a built claim (a bad NPI, a modifier, a pointer) is the scrubber's to say, so Charges are
// read leniently here for the fields it judges. A claim that cannot be built at all (a line that does
// not read, lines for two patients or payers, a patient or payer not in their tables) is a problem of
// its own, with the row to fix. Self-pay lines are no claim: they are counted and left out.
import { z } from "zod";
import type { DateSystem } from "../dates";
import { isSelfPay } from "../ledger/ledger";
import * as c from "../workbook/cells";
import { describeIssue, mapColumns, parseTable, type ParsedTable, type RowIssue } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import {
  Charges,
  Patients,
  Payers,
  Practice,
  Providers,
  type ChargeRow,
  type PatientRow,
  type PayerRow,
  type PracticeRow,
  type ProviderRow,
  type TableDef,
} from "../workbook/tables";
import type { BillingProvider, Claim, ClaimAddress, ClaimLine, ScrubProblem } from "./model";
import { parseRulesOff, scrubClaims, type ScrubOptions } from "./scrubber";

const { asText } = c;

export interface ClaimBooks {
  /** The claims built, in the order their first line appears in Charges (unbilled ones only with unbilledOnly). */
  claims: Claim[];
  /** With unbilledOnly: the claims left out because every line is billed, for the duplicate-line check (scrubClaims' earlierClaims). */
  billedClaims: Claim[];
  /** Claims that can't even be built, each with the row to fix. */
  problems: ScrubProblem[];
  /** The Practice table's settings; get() finds a setting whatever its case and punctuation ("Submitter ID", "submitter_id"). */
  practiceSettings: Map<string, string>;
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
  /** Claims left out: self-pay ones, and with unbilledOnly the ones already billed. */
  skipped: { selfPay: number; billed: number };
}

/** The tables claims are built from, read in one readTables call. */
export const CLAIM_TABLES = [Practice.name, Patients.name, Payers.name, Providers.name, Charges.name];

/** Problems that stop a claim from being built (not scrub rules: nothing can turn them off). */
export const BUILD_PROBLEMS = {
  /** A Charges row of the claim does not read (a date, an amount, a blank id). */
  chargeRow: "charge-row-invalid",
  /** Lines of one ClaimID for different patients or payers. */
  linesDisagree: "claim-lines-disagree",
  patientNotFound: "patient-not-found",
  payerNotFound: "payer-not-found",
  /** Some lines billed, some not, on an original claim. */
  partlyBilled: "claim-partly-billed",
} as const;

/** "Submitter ID", "submitter_id" and "SUBMITTER ID" are one setting. */
export function settingKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9+#]/g, "");
}

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

/** The first of several names an office gives a setting that the settings hold (trimmed; a blank one counts as absent). */
export function practiceSetting(settings: Map<string, string>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = settings.get(settingKey(name)) ?? settings.get(name);
    if (value !== undefined && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/** The practice as billing provider, from its Practice settings. */
export function billingProvider(settings: Map<string, string>): BillingProvider {
  const lines = [practiceSetting(settings, "Address", "Street", "Address 1"), practiceSetting(settings, "Address 2", "Suite")].filter(
    (l): l is string => l !== undefined,
  );
  const billing: BillingProvider = { name: practiceSetting(settings, "Practice Name", "Name") ?? "", address: { lines } };
  const fields: [keyof BillingProvider & ("npi" | "ein" | "taxonomy" | "phone"), string[]][] = [
    ["npi", ["Billing NPI", "Group NPI", "Practice NPI", "NPI"]],
    ["ein", ["Tax ID", "Federal Tax ID", "EIN", "TIN"]],
    ["taxonomy", ["Taxonomy", "Taxonomy Code", "Billing Taxonomy"]],
    ["phone", ["Phone", "Phone Number", "Telephone"]],
  ];
  for (const [field, names] of fields) {
    const value = practiceSetting(settings, ...names);
    if (value !== undefined) billing[field] = value;
  }
  const address: [keyof ClaimAddress & ("city" | "state" | "zip"), string[]][] = [
    ["city", ["City"]],
    ["state", ["State"]],
    ["zip", ["ZIP", "Zip Code", "Postal Code", "ZIP+4"]],
  ];
  for (const [field, names] of address) {
    const value = practiceSetting(settings, ...names);
    if (value !== undefined) billing.address[field] = value;
  }
  return billing;
}

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

/** A Charges row that did not read, with its ClaimID when that cell could be read. */
export interface UnreadableCharge {
  claimId?: string;
  row: number;
  column?: string;
  message: string;
}

/** What buildClaims works from: parsed rows (pure; readClaimBooks reads and parses them). */
export interface ClaimTables {
  charges: ChargeRow[];
  /** Sheet row of each Charges row (parseTable's sheetRows); without them rows count from 2. */
  chargeSheetRows?: number[];
  patients: PatientRow[];
  payers: PayerRow[];
  /** The billing provider's settings; left out, the claims carry an empty billing provider. */
  practiceSettings?: Map<string, string>;
  unreadableCharges?: UnreadableCharge[];
  /** Patients and Payers rows that did not read: by id in lower case, the reason. */
  unreadablePatients?: Map<string, string>;
  unreadablePayers?: Map<string, string>;
  /** Per table, our header -> the workbook's, for the problems' `where`. */
  columns?: Record<string, Record<string, string>>;
}

export interface BuildOptions {
  /** Only claims with a line not yet billed (the ones to send); the others go to billedClaims. */
  unbilledOnly?: boolean;
}

export interface BuiltClaims {
  claims: Claim[];
  billedClaims: Claim[];
  problems: ScrubProblem[];
  skipped: { selfPay: number; billed: number };
}

const lower = (text: string) => text.toLowerCase();
/** A diagnosis as compared: "e11.9", "E119" and "E11.9 " are one code. */
const diagnosisKey = (code: string) => code.toUpperCase().replace(/[.\s]/g, "");

/** Build the claims (pure): group, check the lines agree, look the patient and payer up, number the diagnoses. */
export function buildClaims(tables: ClaimTables, options: BuildOptions = {}): BuiltClaims {
  const { charges } = tables;
  const sheetRow = (i: number) => tables.chargeSheetRows?.[i] ?? i + 2;
  const header = (table: string, ours: string) => tables.columns?.[table]?.[ours] ?? ours;
  const out: BuiltClaims = { claims: [], billedClaims: [], problems: [], skipped: { selfPay: 0, billed: 0 } };

  // One pass to group; claims keep the order of their first line.
  const lineIndexes = new Map<string, number[]>();
  for (let i = 0; i < charges.length; i++) {
    const indexes = lineIndexes.get(charges[i].claimId);
    if (indexes) indexes.push(i);
    else lineIndexes.set(charges[i].claimId, [i]);
  }
  const unreadable = new Map<string, UnreadableCharge[]>();
  for (const bad of tables.unreadableCharges ?? []) {
    if (bad.claimId === undefined) continue;
    const list = unreadable.get(bad.claimId);
    if (list) list.push(bad);
    else unreadable.set(bad.claimId, [bad]);
  }
  const patientById = new Map(tables.patients.map((p) => [lower(p.patientId), p]));
  const payerById = new Map(tables.payers.map((p) => [lower(p.payerId), p]));
  // One billing provider object for every claim: the scrubber checks it once.
  const billing = billingProvider(tables.practiceSettings ?? new Map());

  const problem = (rule: string, claimId: string, row: number | undefined, column: string, message: string, lineId?: string) => {
    const found: ScrubProblem = { rule, severity: "error", claimId, where: { table: Charges.name, column }, message };
    if (row !== undefined) found.where.row = row;
    if (lineId !== undefined) found.lineId = lineId;
    out.problems.push(found);
  };

  for (const [claimId, indexes] of lineIndexes) {
    const bad = unreadable.get(claimId);
    if (bad) {
      unreadable.delete(claimId);
      for (const row of bad) {
        problem(BUILD_PROBLEMS.chargeRow, claimId, row.row, row.column ?? header("Charges", "ClaimID"), unreadableLine(row));
      }
      continue;
    }
    const first = charges[indexes[0]];
    const disagree = disagreement(charges, indexes);
    if (disagree) {
      const row = charges[disagree.index];
      const column = disagree.field === "patientId" ? "PatientID" : "PayerID";
      const what = disagree.field === "patientId" ? "patient" : "payer";
      problem(
        BUILD_PROBLEMS.linesDisagree,
        claimId,
        sheetRow(disagree.index),
        header("Charges", column),
        `This line of claim ${claimId} has ${column} ${row[disagree.field]}, its first line ${first[disagree.field]}: one claim bills one ${what}; correct the ${column} or give the line another ClaimID`,
        row.chargeId,
      );
      continue;
    }
    const payer = payerById.get(lower(first.payerId));
    if (isSelfPay(first.payerId, payer)) {
      out.skipped.selfPay++;
      continue;
    }
    if (!payer) {
      const why = tables.unreadablePayers?.get(lower(first.payerId));
      problem(
        BUILD_PROBLEMS.payerNotFound,
        claimId,
        sheetRow(indexes[0]),
        header("Charges", "PayerID"),
        why
          ? `Payer ${first.payerId}'s row in Payers does not read (${why}): fix it there`
          : `Payer ${first.payerId} is not in the Payers table: add it there, or correct the PayerID`,
        first.chargeId,
      );
      continue;
    }
    let billedLines = 0;
    let frequency: Claim["frequency"] = "1";
    for (const i of indexes) {
      if (charges[i].billedDate !== undefined) billedLines++;
      const f = charges[i].frequency;
      if (f !== undefined && frequency === "1") frequency = f;
    }
    const allBilled = billedLines === indexes.length;
    if (options.unbilledOnly && billedLines > 0 && !allBilled && frequency === "1") {
      const unbilled = indexes.find((i) => charges[i].billedDate === undefined)!;
      problem(
        BUILD_PROBLEMS.partlyBilled,
        claimId,
        sheetRow(unbilled),
        header("Charges", "Billed Date"),
        `Claim ${claimId} was billed without this line: give the new lines a ClaimID of their own, or send the whole claim as a replacement (Frequency 7 with the Payer Claim #)`,
        charges[unbilled].chargeId,
      );
      continue;
    }
    const patient = patientById.get(lower(first.patientId));
    if (!patient) {
      const why = tables.unreadablePatients?.get(lower(first.patientId));
      problem(
        BUILD_PROBLEMS.patientNotFound,
        claimId,
        sheetRow(indexes[0]),
        header("Charges", "PatientID"),
        why
          ? `Patient ${first.patientId}'s row in Patients does not read (${why}): fix it there`
          : `Patient ${first.patientId} is not in the Patients table: add the patient, or correct the PatientID`,
        first.chargeId,
      );
      continue;
    }
    const claim = buildClaim(claimId, indexes, charges, sheetRow, patient, payer, billing, frequency);
    if (allBilled) {
      const last = indexes.reduce((d, i) => (charges[i].billedDate! > d ? charges[i].billedDate! : d), "");
      claim.billedDate = last;
    }
    if (options.unbilledOnly && allBilled) {
      out.skipped.billed++;
      out.billedClaims.push(claim);
    } else out.claims.push(claim);
  }
  // Claims none of whose lines read.
  for (const [claimId, rows] of unreadable) {
    for (const row of rows) {
      problem(BUILD_PROBLEMS.chargeRow, claimId, row.row, row.column ?? header("Charges", "ClaimID"), unreadableLine(row));
    }
  }
  return out;
}

/** Why a Charges row holds its claim back; `where` names the row and column, so the words don't repeat them. */
function unreadableLine(row: UnreadableCharge): string {
  const reason = row.message === "is blank" ? "the cell is blank" : row.message;
  return `The line does not read (${reason}): the claim is built once it does`;
}

/** The first line whose patient or payer is not the first line's (IDs compared without case). */
function disagreement(charges: ChargeRow[], indexes: number[]): { index: number; field: "patientId" | "payerId" } | undefined {
  const first = charges[indexes[0]];
  const patient = lower(first.patientId);
  const payer = lower(first.payerId);
  for (let k = 1; k < indexes.length; k++) {
    const row = charges[indexes[k]];
    if (lower(row.patientId) !== patient) return { index: indexes[k], field: "patientId" };
    if (lower(row.payerId) !== payer) return { index: indexes[k], field: "payerId" };
  }
  return undefined;
}

function buildClaim(
  claimId: string,
  indexes: number[],
  charges: ChargeRow[],
  sheetRow: (i: number) => number,
  patient: PatientRow,
  payer: PayerRow,
  billing: BillingProvider,
  frequency: Claim["frequency"],
): Claim {
  // Diagnoses in order of first appearance, unique; each line points to its own codes' positions.
  // All are kept, past 12 too: the scrubber reports "more than 12" and the writer never sends such a claim.
  const diagnoses: string[] = [];
  const position = new Map<string, number>();
  const lines: ClaimLine[] = new Array(indexes.length);
  let total = 0;
  let payerClaimNumber: string | undefined;
  for (let k = 0; k < indexes.length; k++) {
    const row = charges[indexes[k]];
    const pointers: number[] = [];
    for (const code of [row.dx1, row.dx2, row.dx3, row.dx4]) {
      if (code === undefined) continue;
      const key = diagnosisKey(code);
      let p = position.get(key);
      if (p === undefined) {
        diagnoses.push(code);
        p = diagnoses.length;
        position.set(key, p);
      }
      if (!pointers.includes(p)) pointers.push(p);
    }
    const line: ClaimLine = {
      lineId: row.chargeId,
      sheetRow: sheetRow(indexes[k]),
      dos: row.dos,
      code: row.code,
      modifiers: [row.mod1, row.mod2, row.mod3, row.mod4].filter((m): m is string => m !== undefined),
      units: row.units ?? 1,
      charge: row.amount,
      pointers,
    };
    if (row.pos !== undefined) line.pos = row.pos;
    if (row.providerNpi !== undefined) line.renderingNpi = row.providerNpi;
    lines[k] = line;
    total += row.amount;
    if (payerClaimNumber === undefined && row.payerClaimNumber !== undefined) payerClaimNumber = row.payerClaimNumber;
  }
  const memberId =
    patient.primaryPayerId !== undefined && lower(patient.primaryPayerId) === lower(payer.payerId)
      ? patient.primaryMemberId
      : patient.secondaryPayerId !== undefined && lower(patient.secondaryPayerId) === lower(payer.payerId)
        ? patient.secondaryMemberId
        : undefined;
  const claim: Claim = {
    claimId,
    patient: {
      patientId: patient.patientId,
      lastName: patient.lastName,
      firstName: patient.firstName,
      address: { lines: [patient.address1, patient.address2].filter((l): l is string => l !== undefined) },
    },
    payer: { payerId: payer.payerId, name: payer.name, type: payer.type },
    billing,
    diagnoses,
    lines,
    total,
    frequency,
  };
  const p = claim.patient;
  if (patient.dob !== undefined) p.dob = patient.dob;
  if (patient.sex !== undefined) p.sex = patient.sex;
  if (patient.city !== undefined) p.address.city = patient.city;
  if (patient.state !== undefined) p.address.state = patient.state;
  if (patient.zip !== undefined) p.address.zip = patient.zip;
  if (memberId !== undefined) p.memberId = memberId;
  if (payer.x12PayerId !== undefined) claim.payer.x12PayerId = payer.x12PayerId;
  if (payer.timelyFilingDays !== undefined) claim.payer.timelyFilingDays = payer.timelyFilingDays;
  if (lines[0].pos !== undefined) claim.pos = lines[0].pos;
  if (lines[0].renderingNpi !== undefined) claim.renderingNpi = lines[0].renderingNpi;
  if (payerClaimNumber !== undefined) claim.payerClaimNumber = payerClaimNumber;
  return claim;
}

// ---- reading the workbook -----------------------------------------------------------------------

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
    },
    options,
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
  };
}

/** Read Practice, Patients, Payers, Providers and Charges in one readTables call and build the claims. */
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
