// Code sets kept in the workbook, so they travel with the file and work in every host: one table per
// set on its own hidden sheet (Codes_ICD10CM_FY2025, Codes_HCPCS_2019, Codes_LIST_CPT) and a CodeSets
// table listing them. Loading reads the list and every set table in one readTables call and checks
// each row, so a damaged row becomes an issue to show, never a crash.
import { count, plural } from "../counting";
import { isoToSerial, parseDate, type DateSystem, type IsoDate } from "../dates";
import { headerIndex } from "../workbook/checkPlan";
import type { RowIssue } from "../workbook/mapTable";
import type { WritePlan } from "../workbook/plan";
import {
  PlanRejected,
  type CellValue,
  type CreateTableOp,
  type RawTable,
  type Workbook,
  type WorkbookInfo,
  type WriteOp,
} from "../workbook/port";
import {
  CodeSetLibrary,
  codeCount,
  codeSetId,
  normalizeVersion,
  type CodeList,
  type CodeSetInfo,
  type CodeSetKind,
  type HcpcsCodeSet,
  type HcpcsEntry,
  type Icd10CodeSet,
  type ImportedCodeSet,
  type ParsedCodeSet,
} from "./codeSetLibrary";

// The formats tables.ts gives billing tables, repeated rather than imported: the custom functions load
// code sets through this module, and tables.ts would bring zod and every table schema into their bundle.
const DATE_FORMAT = "yyyy-mm-dd";
const TEXT_FORMAT = "@";

export const CODE_SETS_TABLE = "CodeSets";
const REGISTRY = { kind: "Kind", version: "Version", table: "Table", count: "Count", importedOn: "Imported On", source: "Source" } as const;
const REGISTRY_HEADERS = Object.values(REGISTRY);

const ICD10_HEADERS = ["Code", "Billable", "Description"];
const HCPCS_HEADERS = ["Code", "Kind", "Short", "Long", "Added", "Terminated"];
const LIST_HEADERS = ["Code", "Description"];
/** Set tables are found by this prefix when loading, so one read takes them all. */
const SET_TABLE_PREFIX = "Codes_";
const KINDS: CodeSetKind[] = ["ICD10CM", "HCPCS", "LIST"];
/** Per table, only the first few bad rows are named; the rest are counted in one more issue. */
const NAMED_ISSUES = 20;

/** The table (and hidden sheet) a set is stored in: Codes_ICD10CM_FY2025, Codes_HCPCS_2019, Codes_LIST_CPT. */
export function codeSetTableName(kind: CodeSetKind, version: string): string {
  const safe = normalizeVersion(kind, version)
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  // A sheet name holds 31 characters at most, and the sheet carries the table's name.
  return `${SET_TABLE_PREFIX}${kind}_${safe || "List"}`.slice(0, 31);
}

/** "FY2025 ICD-10-CM", "2019 HCPCS", "the CPT list": a set as a biller names it. */
export function codeSetLabel(kind: CodeSetKind, version: string): string {
  const v = normalizeVersion(kind, version);
  return kind === "ICD10CM" ? `${v} ICD-10-CM` : kind === "HCPCS" ? `${v} HCPCS` : `the ${v} list`;
}

function whatWasImported(set: ParsedCodeSet): string {
  const from = `from ${set.source}`;
  if (set.kind === "ICD10CM") {
    let billable = 0;
    for (let i = 0; i < set.billable.length; i++) billable += set.billable[i];
    return `${codeSetLabel(set.kind, set.version)} ${from}: ${plural(set.codes.length, "code")} (${count(billable)} billable, ${plural(set.codes.length - billable, "header")})`;
  }
  if (set.kind === "HCPCS") {
    const modifiers = set.entries.filter((e) => e.modifier).length;
    return `${codeSetLabel(set.kind, set.version)} ${from}: ${plural(set.entries.length - modifiers, "code")}, ${plural(modifiers, "modifier")}`;
  }
  return `${codeSetLabel(set.kind, set.version)} ${from}: ${plural(set.codes.length, "code")}`;
}

function setTableOp(set: ParsedCodeSet, table: string, dateSystem: DateSystem): CreateTableOp {
  // Hidden and protected: a set is changed by importing a file, never by hand.
  const base = { kind: "createTable" as const, table, sheet: table, hidden: true, protect: true };
  if (set.kind === "ICD10CM") {
    const rows: CellValue[][] = new Array(set.codes.length);
    for (let i = 0; i < rows.length; i++) rows[i] = [set.codes[i], set.billable[i] === 1, set.descriptions[i]];
    return { ...base, headers: ICD10_HEADERS, numberFormats: [TEXT_FORMAT, null, TEXT_FORMAT], widths: [10, 9, 100], rows };
  }
  if (set.kind === "HCPCS") {
    const serial = (iso: IsoDate | undefined) => (iso ? isoToSerial(iso, dateSystem) : null);
    const rows = set.entries.map((e): CellValue[] => [
      e.code,
      e.modifier ? "modifier" : "code",
      e.short,
      e.long,
      serial(e.added),
      serial(e.terminated),
    ]);
    return {
      ...base,
      headers: HCPCS_HEADERS,
      numberFormats: [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, DATE_FORMAT, DATE_FORMAT],
      widths: [8, 9, 30, 100, 11, 11],
      rows,
    };
  }
  const rows = set.codes.map((code, i): CellValue[] => [code, set.descriptions[i]]);
  return { ...base, headers: LIST_HEADERS, numberFormats: [TEXT_FORMAT, TEXT_FORMAT], widths: [12, 80], rows };
}

/**
 * The plan storing a parsed set in the workbook: its table on a hidden sheet and a row in CodeSets
 * (created on first import). A set of the same kind and version already in the workbook is refused:
 * replacing it needs the port to drop a table, which it cannot yet. `loaded` (the library read from
 * the workbook) lets the refusal say when that set was imported.
 */
export function codeSetImportPlan(info: WorkbookInfo, set: ParsedCodeSet, importedOn: IsoDate, loaded?: CodeSetLibrary): WritePlan {
  const table = codeSetTableName(set.kind, set.version);
  const lower = table.toLowerCase();
  if (info.tables.some((t) => t.name.toLowerCase() === lower)) {
    const earlier = loaded?.sets().find((s) => s.id === codeSetId(set.kind, set.version));
    const label = codeSetLabel(set.kind, set.version);
    const sentenceLabel = label.charAt(0).toUpperCase() + label.slice(1);
    throw new PlanRejected(`${sentenceLabel} is already loaded${earlier?.importedOn ? ` (imported ${earlier.importedOn})` : ""}`);
  }
  if (info.sheets.some((s) => s.toLowerCase() === lower)) {
    throw new PlanRejected(`The workbook already has a sheet named ${table}: rename or delete it, then import again`);
  }
  const registryRow: CellValue[] = [
    set.kind,
    normalizeVersion(set.kind, set.version),
    table,
    codeCount(set),
    isoToSerial(importedOn, info.dateSystem),
    set.source,
  ];
  const registry = info.tables.find((t) => t.name.toLowerCase() === CODE_SETS_TABLE.toLowerCase());
  const ops: WriteOp[] = [setTableOp(set, table, info.dateSystem)];
  if (registry) {
    ops.push({ kind: "appendRows", table: registry.name, rows: [Object.fromEntries(REGISTRY_HEADERS.map((h, i) => [h, registryRow[i]]))] });
  } else {
    ops.push({
      kind: "createTable",
      table: CODE_SETS_TABLE,
      sheet: CODE_SETS_TABLE,
      headers: [...REGISTRY_HEADERS],
      numberFormats: [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, "#,##0", DATE_FORMAT, TEXT_FORMAT],
      widths: [9, 18, 28, 9, 12, 44],
      rows: [registryRow],
      hidden: true,
      protect: true,
    });
  }
  return { action: "Import code set", what: whatWasImported(set), ops };
}

/** The workbook's code sets, read in one call (the CodeSets list and every set table) into memory indexes. */
export async function loadCodeSets(workbook: Workbook): Promise<CodeSetLibrary> {
  const info = await workbook.describe();
  const registry = info.tables.find((t) => t.name.toLowerCase() === CODE_SETS_TABLE.toLowerCase());
  if (!registry) return CodeSetLibrary.empty();
  const setTables = info.tables.filter((t) => t.name.toLowerCase().startsWith(SET_TABLE_PREFIX.toLowerCase())).map((t) => t.name);
  const raw = await workbook.readTables([registry.name, ...setTables]);
  return codeSetsFromTables(raw[registry.name], raw, info.dateSystem);
}

/** Collects row issues for one table, naming the first few and counting the rest. */
class TableIssues {
  private count = 0;
  constructor(
    private readonly table: RawTable,
    private readonly out: RowIssue[],
  ) {}

  add(index: number, column: string | undefined, message: string): void {
    if (this.count++ < NAMED_ISSUES) this.out.push({ table: this.table.name, row: this.table.headerRow + 1 + index, column, message });
  }

  finish(): void {
    if (this.count > NAMED_ISSUES) {
      const more = this.count - NAMED_ISSUES;
      this.out.push({
        table: this.table.name,
        row: this.table.headerRow,
        message: `and ${more.toLocaleString("en-US")} more rows that could not be read`,
      });
    }
  }
}

const cellText = (value: CellValue | undefined): string =>
  typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";

/** A date cell: a serial of the workbook's date system, or a text date. */
function cellDate(value: CellValue | undefined, dateSystem: DateSystem): { ok: true; value?: IsoDate } | { ok: false; error: string } {
  if (value === null || value === undefined || value === "") return { ok: true };
  const parsed = parseDate(value, dateSystem);
  return parsed.ok ? parsed : { ok: false, error: parsed.error };
}

/** Columns of a stored table by our header, or an issue naming the first one missing. */
function findColumns(table: RawTable, headers: string[], issues: RowIssue[]): number[] | undefined {
  const columns = headers.map((h) => headerIndex(table.headers, h));
  const missing = headers.find((_, i) => columns[i] < 0);
  if (missing === undefined) return columns;
  issues.push({
    table: table.name,
    row: table.headerRow,
    column: missing,
    message: `the table has no "${missing}" column: import the file again`,
  });
  return undefined;
}

/** A code cell: letters and digits only, at most `max` long (anything else is not ours). */
function codeCell(value: CellValue | undefined, max: number): string | undefined {
  const code =
    typeof value === "string" ? value.trim().toUpperCase() : typeof value === "number" && Number.isInteger(value) ? String(value) : "";
  if (code.length === 0 || code.length > max) return undefined;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return undefined;
  }
  return code;
}

function billableCell(value: CellValue | undefined): 0 | 1 | undefined {
  if (value === true || value === 1) return 1;
  if (value === false || value === 0) return 0;
  if (typeof value === "string") {
    const v = value.trim().toUpperCase();
    if (v === "TRUE" || v === "1" || v === "Y" || v === "YES") return 1;
    if (v === "FALSE" || v === "0" || v === "N" || v === "NO") return 0;
  }
  return undefined;
}

function icd10FromTable(table: RawTable, version: string, source: string, issues: RowIssue[]): Icd10CodeSet | undefined {
  const columns = findColumns(table, ICD10_HEADERS, issues);
  if (!columns) return undefined;
  const [codeCol, billableCol, descCol] = columns;
  const problems = new TableIssues(table, issues);
  const { rows } = table;
  const codes: string[] = [];
  const descriptions: string[] = [];
  const billable = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const code = codeCell(row[codeCol], 7);
    const flag = billableCell(row[billableCol]);
    if (code === undefined || code.length < 3) {
      problems.add(i, ICD10_HEADERS[0], `"${cellText(row[codeCol])}" is not an ICD-10-CM code`);
      continue;
    }
    if (flag === undefined) {
      problems.add(i, ICD10_HEADERS[1], `"${cellText(row[billableCol])}" is not TRUE or FALSE`);
      continue;
    }
    billable[codes.length] = flag;
    codes.push(code);
    const d = row[descCol];
    descriptions.push(typeof d === "string" ? d : d === null || d === undefined ? "" : String(d));
  }
  problems.finish();
  return { kind: "ICD10CM", version, source, codes, billable: billable.slice(0, codes.length), descriptions, skipped: [] };
}

function hcpcsFromTable(
  table: RawTable,
  version: string,
  source: string,
  dateSystem: DateSystem,
  issues: RowIssue[],
): HcpcsCodeSet | undefined {
  const columns = findColumns(table, HCPCS_HEADERS, issues);
  if (!columns) return undefined;
  const [codeCol, kindCol, shortCol, longCol, addedCol, terminatedCol] = columns;
  const problems = new TableIssues(table, issues);
  const entries: HcpcsEntry[] = [];
  table.rows.forEach((row, i) => {
    const kind = cellText(row[kindCol]).toLowerCase();
    const modifier = kind === "modifier";
    const code = codeCell(row[codeCol], 5);
    if (kind !== "code" && !modifier) return problems.add(i, "Kind", `"${cellText(row[kindCol])}" is neither code nor modifier`);
    if (code === undefined || code.length !== (modifier ? 2 : 5)) {
      return problems.add(i, "Code", `"${cellText(row[codeCol])}" is not a HCPCS ${modifier ? "modifier" : "code"}`);
    }
    const added = cellDate(row[addedCol], dateSystem);
    if (!added.ok) return problems.add(i, "Added", added.error);
    const terminated = cellDate(row[terminatedCol], dateSystem);
    if (!terminated.ok) return problems.add(i, "Terminated", terminated.error);
    const entry: HcpcsEntry = { code, modifier, short: cellText(row[shortCol]), long: cellText(row[longCol]) };
    if (added.value) entry.added = added.value;
    if (terminated.value) entry.terminated = terminated.value;
    entries.push(entry);
  });
  problems.finish();
  return { kind: "HCPCS", version, source, entries, skipped: [] };
}

function listFromTable(table: RawTable, name: string, source: string, issues: RowIssue[]): CodeList | undefined {
  const columns = findColumns(table, LIST_HEADERS, issues);
  if (!columns) return undefined;
  const [codeCol, descCol] = columns;
  const problems = new TableIssues(table, issues);
  const codes: string[] = [];
  const descriptions: string[] = [];
  table.rows.forEach((row, i) => {
    const code = cellText(row[codeCol]).toUpperCase();
    if (code === "") {
      if (cellText(row[descCol]) !== "") problems.add(i, "Code", "a description without a code");
      return;
    }
    codes.push(code);
    descriptions.push(cellText(row[descCol]));
  });
  problems.finish();
  return { kind: "LIST", version: name, source, codes, descriptions, skipped: [] };
}

/**
 * The library from tables already read: the CodeSets list and the set tables by name. Rows that
 * cannot be read are left out and reported in the library's issues.
 */
export function codeSetsFromTables(
  registry: RawTable | undefined,
  tables: Record<string, RawTable | undefined>,
  dateSystem: DateSystem = 1900,
): CodeSetLibrary {
  if (!registry) return CodeSetLibrary.empty();
  const issues: RowIssue[] = [];
  const columns = findColumns(registry, [REGISTRY.kind, REGISTRY.version, REGISTRY.table], issues);
  if (!columns) return CodeSetLibrary.fromSets([], issues);
  const [kindCol, versionCol, tableCol] = columns;
  const countCol = headerIndex(registry.headers, REGISTRY.count);
  const importedCol = headerIndex(registry.headers, REGISTRY.importedOn);
  const sourceCol = headerIndex(registry.headers, REGISTRY.source);
  const byName = new Map(Object.entries(tables).flatMap(([name, t]) => (t ? [[name.toLowerCase(), t] as const] : [])));
  const problems = new TableIssues(registry, issues);
  const sets: ImportedCodeSet[] = [];
  const seen = new Map<string, number>();
  const used = new Set<string>();
  registry.rows.forEach((row, i) => {
    if (row.every((v) => v === null || v === "")) return;
    const kind = cellText(row[kindCol]).toUpperCase() as CodeSetKind;
    if (!KINDS.includes(kind)) return problems.add(i, REGISTRY.kind, `"${cellText(row[kindCol])}" is not ICD10CM, HCPCS or LIST`);
    const version = normalizeVersion(kind, cellText(row[versionCol]));
    if (version === "") return problems.add(i, REGISTRY.version, "is blank");
    const id = codeSetId(kind, version);
    const sheetRow = registry.headerRow + 1 + i;
    const first = seen.get(id);
    if (first !== undefined) return problems.add(i, REGISTRY.version, `${version} is listed again (row ${first} is used)`);
    seen.set(id, sheetRow);
    const tableName = cellText(row[tableCol]);
    const table = byName.get(tableName.toLowerCase());
    if (!table) return problems.add(i, REGISTRY.table, `the table ${tableName || "(blank)"} is not in the workbook: import the file again`);
    used.add(table.name.toLowerCase());
    const imported = importedCol < 0 ? { ok: true as const, value: undefined } : cellDate(row[importedCol], dateSystem);
    if (!imported.ok) problems.add(i, REGISTRY.importedOn, imported.error);
    const source = sourceCol < 0 ? "" : cellText(row[sourceCol]);
    const set =
      kind === "ICD10CM"
        ? icd10FromTable(table, version, source, issues)
        : kind === "HCPCS"
          ? hcpcsFromTable(table, version, source, dateSystem, issues)
          : listFromTable(table, version, source, issues);
    if (!set) return;
    const stated = countCol < 0 ? undefined : row[countCol];
    if (typeof stated === "number" && stated !== codeCount(set)) {
      problems.add(
        i,
        REGISTRY.count,
        `says ${stated.toLocaleString("en-US")} codes but ${table.name} has ${codeCount(set).toLocaleString("en-US")} readable ones`,
      );
    }
    sets.push({ set, importedOn: imported.ok && imported.value ? imported.value : "" });
  });
  problems.finish();
  for (const table of byName.values()) {
    if (table.name.toLowerCase().startsWith(SET_TABLE_PREFIX.toLowerCase()) && !used.has(table.name.toLowerCase())) {
      issues.push({
        table: table.name,
        row: table.headerRow,
        message: `the table is not listed in ${registry.name}, so its codes were not loaded`,
      });
    }
  }
  return CodeSetLibrary.fromSets(sets, issues);
}

/** What loaded, for a message: "FY2025 ICD-10-CM (97,584 codes), the CPT list (212 codes)". */
export function describeCodeSets(sets: CodeSetInfo[]): string {
  // A HCPCS set's count holds its modifiers too.
  const what = (s: CodeSetInfo) => (s.kind === "HCPCS" ? "codes and modifiers" : "codes");
  return sets.map((s) => `${codeSetLabel(s.kind, s.version)} (${s.count.toLocaleString("en-US")} ${what(s)})`).join(", ");
}
