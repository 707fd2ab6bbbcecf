// Checking every code in the workbook at once, for the Codes panel and `medbill codes check`: the
// Charges lines (procedure code, modifiers, diagnoses in the fiscal year of their date of service,
// place of service, rendering NPI), the Providers (NPI, taxonomy) and the Practice settings a claim
// carries (tax ID, billing NPI, taxonomy). Cells are read raw, not through parseTable, because a row
// with a bad code is exactly the row parseTable leaves out (and reports). Format rules live in the
// format checks, existence in the code-set library and why a diagnosis is not billable in
// icd10NotBillable: this module only decides which check each cell gets, and says once (in a note)
// what could not be checked because a code set is not loaded.
//
// Built for 100,000-line workbooks: one pass over each table's rows, columns found once by header.
import { plural } from "../counting";
import { parseDate, type DateSystem, type IsoDate } from "../dates";
import { mapColumns } from "../workbook/mapTable";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, MarkCellsOp, RawTable, TableInfo, Workbook } from "../workbook/port";
import { settingKey, SETTING_NAMES } from "../workbook/practiceSettings";
import { Charges, Practice, Providers, type TableDef } from "../workbook/tables";
import type { CodeSetLibrary } from "./codeSetLibrary";
import { checkEin } from "./ein";
import { hcpcsOnDate } from "./hcpcsOnDate";
import type { FormatCheck } from "./formatCheck";
import { checkIcd10Format } from "./icd10Format";
import { icd10HeaderReason, icd10UnknownReason } from "./icd10NotBillable";
import { checkNpi } from "./npi";
import { checkPos } from "./placeOfService";
import { checkModifierFormat, checkProcedureCode, cptCategory } from "./procedureFormats";
import { CPT_LIST, cptOnOfficeList, modifierOnHcpcsList } from "./procedureLists";
import { checkTaxonomyFormat } from "./taxonomy";

export interface CodeProblem {
  /** "Charges", "Providers", "Practice". */
  table: string;
  sheet: string;
  /** Sheet row number as the user sees it. */
  row: number;
  /** 0-based index into the table body (for markCells and selecting the cell). */
  bodyIndex: number;
  /** The header as in the workbook. */
  column: string;
  /** The cell's text as shown. */
  value: string;
  /** In a biller's words. */
  reason: string;
  severity: "error" | "warning";
}

export interface CodeCheckReport {
  /** Sorted by table (in CODE_CHECK_TABLES order), row, then column from left to right. */
  problems: CodeProblem[];
  /** Cells holding a code that were checked (blank cells are not counted). */
  cellsChecked: number;
  /** What could not be checked, and why: a code set not loaded, a table or column missing. */
  notes: string[];
}

/** The tables the check reads, in the order problems are listed. */
export const CODE_CHECK_TABLES: string[] = [Practice.name, Providers.name, Charges.name];

/** Excel's own "light red fill" for bad values. */
export const HIGHLIGHT_COLOR = "#FFC7CE";

/** Per table, the fields whose cells the check reads, and so the columns a highlight clears. */
const CHECKED_FIELDS: Record<string, string[]> = {
  Practice: ["value"],
  Providers: ["npi", "taxonomy"],
  Charges: ["providerNpi", "dos", "pos", "code", "mod1", "mod2", "mod3", "mod4", "dx1", "dx2", "dx3", "dx4"],
};

/** The Practice settings that go on a claim, by every name an office may give them (as the claims read them). */
const PRACTICE_CODES = new Map<string, "ein" | "npi" | "taxonomy">([
  ...SETTING_NAMES.taxId.map((name) => [settingKey(name), "ein"] as const),
  ...SETTING_NAMES.billingNpi.map((name) => [settingKey(name), "npi"] as const),
  ...SETTING_NAMES.taxonomy.map((name) => [settingKey(name), "taxonomy"] as const),
]);

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function shown(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return typeof value === "string" ? value.trim() : String(value);
}

/** A table of the record by name, whatever its case ("charges" is the Charges table). */
function findTable(tables: Record<string, RawTable | undefined>, name: string): RawTable | undefined {
  if (tables[name]) return tables[name];
  const lower = name.toLowerCase();
  for (const [key, table] of Object.entries(tables)) if (table && key.toLowerCase() === lower) return table;
  return undefined;
}

interface Column {
  header: string;
  index: number;
}

/** Columns of one table found by header, only those among `fields` that the table has. */
function checkedColumns(def: TableDef, headers: string[]): Record<string, Column | undefined> {
  const mapping = mapColumns(def, headers);
  const out: Record<string, Column | undefined> = {};
  for (const field of CHECKED_FIELDS[def.name]) out[field] = mapping.columns[field];
  return out;
}

type Verdict = { reason: string; severity?: "error" | "warning" } | undefined;

const fromFormat = (check: FormatCheck): Verdict => (check.ok ? undefined : { reason: check.reason });

/** Collects problems and what could not be checked while the tables are read. */
class CodeCheck {
  readonly problems: CodeProblem[] = [];
  readonly notes: string[] = [];
  cellsChecked = 0;
  // Cells whose existence could not be checked, counted so each gap is one note, not one problem per cell.
  private icd10NotLoaded = 0;
  private readonly icd10MissingYears = new Map<string, { count: number; first: IsoDate; last: IsoDate }>();
  private hcpcsNotLoaded = 0;
  private letterModifiersNotLoaded = 0;
  private hcpcsAfterNewest = 0;
  private cptNotListed = 0;
  private readonly newestHcpcsYear: number | undefined;
  private readonly hasIcd10: boolean;
  private readonly hasHcpcs: boolean;
  /** One row's problems, put in column order before they join the list. */
  private readonly rowProblems: { at: number; problem: CodeProblem }[] = [];

  constructor(private readonly library: CodeSetLibrary) {
    const sets = library.sets();
    const hcpcsYears = sets.filter((s) => s.kind === "HCPCS").map((s) => Number(s.version.slice(0, 4)));
    this.newestHcpcsYear = hcpcsYears.length > 0 ? Math.max(...hcpcsYears) : undefined;
    this.hasIcd10 = library.has("ICD10CM");
    this.hasHcpcs = library.has("HCPCS");
  }

  /** Check one cell; blank cells are fine (whether a required one is filled is Setup's row check). */
  cell(table: TableDef, raw: RawTable, index: number, column: Column | undefined, verdictOf: (value: CellValue) => Verdict): void {
    if (!column) return;
    const value = raw.rows[index][column.index];
    if (isBlank(value)) return;
    this.cellsChecked++;
    const verdict = verdictOf(value);
    if (verdict) this.add(table, raw, index, column, shown(value), verdict.reason, verdict.severity ?? "error");
  }

  add(table: TableDef, raw: RawTable, index: number, column: Column, value: string, reason: string, severity: "error" | "warning"): void {
    const problem: CodeProblem = {
      table: table.name,
      sheet: raw.sheet,
      row: raw.headerRow + 1 + index,
      bodyIndex: index,
      column: column.header,
      value,
      reason,
      severity,
    };
    this.rowProblems.push({ at: column.index, problem });
  }

  /** The row's problems join the list, left to right. */
  endRow(): void {
    const row = this.rowProblems;
    if (row.length === 0) return;
    if (row.length > 1) row.sort((a, b) => a.at - b.at);
    for (const { problem } of row) this.problems.push(problem);
    row.length = 0;
  }

  // ---- the checks, one per kind of cell ----------------------------------------------------------

  npi(value: CellValue): Verdict {
    const npi = checkNpi(value);
    return npi.ok ? undefined : { reason: npi.error };
  }

  /**
   * A diagnosis in the fiscal year of its date of service. `dos` is undefined when the row's date
   * cannot be read: then only the format is checked (the caller warns on the DOS cell).
   */
  diagnosis(value: CellValue, dos: IsoDate | undefined, onFormatOnly: () => void): Verdict {
    const format = checkIcd10Format(value);
    if (!format.ok) return { reason: format.reason };
    if (!this.hasIcd10) {
      this.icd10NotLoaded++;
      return undefined;
    }
    if (dos === undefined) {
      onFormatOnly();
      return undefined;
    }
    const code = format.code;
    const answer = this.library.icd10(code, dos);
    switch (answer.status) {
      case "billable":
        return undefined;
      case "not-loaded": {
        if (answer.version === undefined) {
          this.icd10NotLoaded++;
          return undefined;
        }
        const gap = this.icd10MissingYears.get(answer.version);
        if (!gap) this.icd10MissingYears.set(answer.version, { count: 1, first: dos, last: dos });
        else {
          gap.count++;
          if (dos < gap.first) gap.first = dos;
          if (dos > gap.last) gap.last = dos;
        }
        return undefined;
      }
      case "header":
        return { reason: icd10HeaderReason(this.library, code, answer.version, dos) };
      case "unknown":
        return { reason: icd10UnknownReason(this.library, code, answer.version, dos) };
    }
  }

  /** A procedure code: CPT or HCPCS Level II by the one rule the Charges table and MEDBILL.CPT use. */
  procedure(value: CellValue, dos: IsoDate | undefined, onFormatOnly: () => void): Verdict {
    const format = checkProcedureCode(value);
    if (!format.ok) return { reason: format.reason };
    const code = format.code;
    if (cptCategory(code) !== undefined) return this.cpt(code);
    if (!this.hasHcpcs) {
      this.hcpcsNotLoaded++;
      return undefined;
    }
    if (dos === undefined) {
      onFormatOnly();
      return undefined;
    }
    if (this.newestHcpcsYear !== undefined && Number(dos.slice(0, 4)) > this.newestHcpcsYear) this.hcpcsAfterNewest++;
    const answer = hcpcsOnDate(this.library, code, dos);
    if (answer.status === "not-loaded") this.hcpcsNotLoaded++;
    return answer.status === "not-valid" ? { reason: answer.reason } : undefined;
  }

  private cpt(code: string): Verdict {
    const listed = cptOnOfficeList(this.library, code);
    if (listed.status === "not-loaded") this.cptNotListed++;
    return listed.status === "unknown" ? { reason: listed.reason } : undefined;
  }

  modifier(value: CellValue): Verdict {
    const format = checkModifierFormat(value);
    if (!format.ok) return { reason: format.reason };
    const known = modifierOnHcpcsList(this.library, format.code);
    if (known.status === "not-loaded") this.letterModifiersNotLoaded++;
    return known.status === "unknown" ? { reason: known.reason } : undefined;
  }

  // ---- notes --------------------------------------------------------------------------------------

  finishNotes(): void {
    const notes = this.notes;
    if (this.icd10NotLoaded > 0) {
      notes.push(
        `ICD-10-CM is not loaded: ${plural(this.icd10NotLoaded, "diagnosis code")} checked for format only (import the CMS order file in the Codes panel)`,
      );
    }
    for (const [version, gap] of [...this.icd10MissingYears].sort(([a], [b]) => a.localeCompare(b))) {
      const dates = gap.first === gap.last ? `on ${gap.first}` : `from ${gap.first} to ${gap.last}`;
      notes.push(
        `ICD-10-CM ${version} is not loaded: ${plural(gap.count, "diagnosis code")} with service dates ${dates} could not be checked`,
      );
    }
    if (this.hcpcsNotLoaded > 0 || this.letterModifiersNotLoaded > 0) {
      const what = [
        this.hcpcsNotLoaded > 0 ? plural(this.hcpcsNotLoaded, "HCPCS code") : "",
        this.letterModifiersNotLoaded > 0 ? plural(this.letterModifiersNotLoaded, "letter modifier") : "",
      ].filter((s) => s !== "");
      notes.push(`HCPCS Level II is not loaded: ${what.join(" and ")} checked for format only (import the CMS HCPCS file)`);
    }
    if (this.hcpcsAfterNewest > 0) {
      notes.push(
        `${plural(this.hcpcsAfterNewest, "HCPCS code")} with service dates after ${this.newestHcpcsYear} ${this.hcpcsAfterNewest === 1 ? "was" : "were"} checked against the ${this.newestHcpcsYear} HCPCS file, the newest loaded: codes added since then show as not in the code set`,
      );
    }
    if (this.cptNotListed > 0) {
      notes.push(
        `No CPT list is loaded: ${plural(this.cptNotListed, "CPT code")} checked for format only (import your CPT list or fee schedule as a list named ${CPT_LIST})`,
      );
    }
  }
}

function checkPractice(raw: RawTable, check: CodeCheck, notes: string[]): void {
  const mapping = mapColumns(Practice, raw.headers);
  const setting = mapping.columns.setting;
  const value = mapping.columns.value;
  if (!setting || !value) {
    notes.push(`The ${raw.name} table has no Setting and Value columns: its tax ID, billing NPI and taxonomy were not checked`);
    return;
  }
  for (let i = 0; i < raw.rows.length; i++) {
    const name = raw.rows[i][setting.index];
    if (typeof name !== "string") continue;
    const kind = PRACTICE_CODES.get(settingKey(name));
    if (kind === "ein") check.cell(Practice, raw, i, value, (v) => fromFormat(checkEin(v)));
    else if (kind === "npi") check.cell(Practice, raw, i, value, (v) => check.npi(v));
    else if (kind === "taxonomy") check.cell(Practice, raw, i, value, (v) => fromFormat(checkTaxonomyFormat(v)));
    check.endRow();
  }
}

function checkProviders(raw: RawTable, check: CodeCheck): void {
  const columns = checkedColumns(Providers, raw.headers);
  for (let i = 0; i < raw.rows.length; i++) {
    check.cell(Providers, raw, i, columns.npi, (v) => check.npi(v));
    check.cell(Providers, raw, i, columns.taxonomy, (v) => fromFormat(checkTaxonomyFormat(v)));
    check.endRow();
  }
}

function checkCharges(raw: RawTable, check: CodeCheck, dateSystem: DateSystem, notes: string[]): void {
  const columns = checkedColumns(Charges, raw.headers);
  const dosColumn = columns.dos;
  const modifiers = [columns.mod1, columns.mod2, columns.mod3, columns.mod4];
  const diagnoses = [columns.dx1, columns.dx2, columns.dx3, columns.dx4];
  if (!dosColumn) notes.push(`The ${raw.name} table has no DOS column: diagnosis and HCPCS codes were checked for format only`);
  const width = raw.headers.length;
  let formatOnly = false;
  const onFormatOnly = () => (formatOnly = true);
  for (let i = 0; i < raw.rows.length; i++) {
    const cells = raw.rows[i];
    let blank = true;
    for (let c = 0; c < width && blank; c++) blank = isBlank(cells[c]);
    if (blank) continue;
    let dos: IsoDate | undefined;
    if (dosColumn) {
      const cell = cells[dosColumn.index];
      const parsed = isBlank(cell) ? undefined : parseDate(cell, dateSystem);
      if (parsed?.ok) dos = parsed.value;
    }
    formatOnly = false;
    check.cell(Charges, raw, i, columns.providerNpi, (v) => check.npi(v));
    check.cell(Charges, raw, i, columns.pos, (v) => fromFormat(checkPos(v)));
    check.cell(Charges, raw, i, columns.code, (v) => check.procedure(v, dos, onFormatOnly));
    for (const column of modifiers) check.cell(Charges, raw, i, column, (v) => check.modifier(v));
    for (const column of diagnoses) check.cell(Charges, raw, i, column, (v) => check.diagnosis(v, dos, onFormatOnly));
    // The date's own problem is Setup's row check; here it matters only for the code sets it would have chosen.
    if (formatOnly && dosColumn) {
      const value = shown(cells[dosColumn.index]);
      const why = value === "" ? "DOS is blank" : "DOS unreadable";
      const reason = `${why}: the codes on this row were checked for format only (the date of service picks the code set)`;
      check.add(Charges, raw, i, dosColumn, value, reason, "warning");
    }
    check.endRow();
  }
}

/** Pure: tables as read (RawTable records keyed by name) + the loaded library -> report. */
export function checkCodes(tables: Record<string, RawTable | undefined>, library: CodeSetLibrary, dateSystem: DateSystem): CodeCheckReport {
  const check = new CodeCheck(library);
  const tableNotes: string[] = [];
  const missing: string[] = [];
  for (const name of CODE_CHECK_TABLES) {
    const raw = findTable(tables, name);
    if (!raw) missing.push(name);
    else if (name === Practice.name) checkPractice(raw, check, tableNotes);
    else if (name === Providers.name) checkProviders(raw, check);
    else checkCharges(raw, check, dateSystem, tableNotes);
  }
  if (missing.length === CODE_CHECK_TABLES.length) {
    tableNotes.push("The workbook has no Practice, Providers or Charges table: there are no codes to check (Setup creates the tables)");
  } else if (missing.length > 0) {
    tableNotes.push(`No ${missing.join(" or ")} table in the workbook: ${missing.length === 1 ? "it was" : "they were"} not checked`);
  }
  check.finishNotes();
  return { problems: check.problems, cellsChecked: check.cellsChecked, notes: [...check.notes, ...tableNotes] };
}

/** Reads what it needs in one readTables call, loads nothing else. */
export async function checkWorkbookCodes(workbook: Workbook, library: CodeSetLibrary): Promise<CodeCheckReport> {
  const info = await workbook.describe();
  const tables = await workbook.readTables(CODE_CHECK_TABLES);
  return checkCodes(tables, library, info.dateSystem);
}

/**
 * markCells ops: clear the fill of every checked code column, then fill the problem cells (null
 * report = clear only). Tables are the workbook's as described now; a problem whose column is gone
 * is left out, and a row beyond the table's end makes the adapter refuse the plan (check again).
 */
export function highlightPlan(report: CodeCheckReport | null, tables: TableInfo[], color: string = HIGHLIGHT_COLOR): WritePlan {
  const ops: MarkCellsOp[] = [];
  const marked: string[] = [];
  for (const name of CODE_CHECK_TABLES) {
    const info = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!info) continue;
    const def = name === Practice.name ? Practice : name === Providers.name ? Providers : Charges;
    const columns = Object.values(checkedColumns(def, info.headers)).filter((c): c is Column => c !== undefined);
    if (columns.length === 0) continue;
    const headers = new Set(columns.map((c) => c.header));
    const cells = (report?.problems ?? [])
      .filter((p) => p.table === name && headers.has(p.column))
      .map((p) => ({ row: p.bodyIndex, column: p.column }));
    ops.push({ kind: "markCells", table: info.name, cells, color, clearColumns: columns.map((c) => c.header) });
    if (cells.length > 0) marked.push(`${plural(cells.length, "cell")} in ${info.name}`);
  }
  const cleared = ops.map((op) => op.table).join(", ");
  const what =
    marked.length > 0
      ? `marked ${marked.join(", ")}`
      : ops.length > 0
        ? `cleared the code highlights in ${cleared}`
        : "no code columns to highlight";
  return { action: "Highlight codes", what, ops };
}
