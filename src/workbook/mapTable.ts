// Reading a billing table as the office laid it out: columns found by header (with aliases),
// extra columns left alone, every bad cell reported as table, row, column and why.
import * as trailing from "../trailingNumber";
import { z } from "zod";
import { isoToSerial, serialToIso, type DateSystem, type IsoDate } from "../dates";
import { centsToNumber, type Cents } from "../money";
import { cellCheck, cellQuickCheck, UNSURE, type CellCheck, type QuickCheck } from "./cells";
import type { CellValue, RawTable } from "./port";
import type { RowOf, TableDef } from "./tables";

// Read as this module's own constants: called for every id of a million-row table, and unbundled an
// imported binding is a lookup through its module at each call (a getter call where tsx compiles to CommonJS).
const { slotLimit, slotsHolding, trailingNumber } = trailing;

export interface RowIssue {
  table: string;
  /** Sheet row number as the user sees it (the header row is usually 1). */
  row: number;
  /** The column's header as it appears in the workbook. */
  column?: string;
  message: string;
}

export interface ColumnMapping {
  /** field key -> the header found for it and its position. */
  columns: Record<string, { header: string; index: number }>;
  /** Fields a row must have but no header matches. */
  missingRequired: string[];
  /** Optional fields with no column (fine; shown by Setup). */
  missingOptional: string[];
  /** Headers that are none of ours: kept untouched. */
  extras: string[];
}

export interface ParsedTable<T> {
  table: string;
  mapping: ColumnMapping;
  /**
   * Rows that passed every check, in sheet order, as objects: made from `columns` when first read
   * (then kept, so every read gives the same array and the same objects). A reader of a million rows
   * that needs only some fields reads `columns` and never pays for them.
   */
  rows: T[];
  /** How many rows passed (rows.length, without making the rows). */
  count: number;
  /**
   * Each mapped field's values, for the rows that passed, in order: columns[key][i] is rows[i][key]
   * (undefined for a blank optional cell). A field the table has no column for has no entry.
   */
  columns: Record<string, unknown[]>;
  /** Sheet row number of each entry in rows. */
  sheetRows: number[];
  /** Body index (0-based, blank rows included) of each entry in rows. */
  indexes: number[];
  issues: RowIssue[];
}

/** "Date of Service", "date_of_service" and "DATE OF SERVICE" are one header. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/#/g, "number")
    .replace(/[^a-z0-9+]/g, "");
}

export function isRequired(def: TableDef, field: string): boolean {
  const spec = (def.fields as Record<string, { schema: { safeParse(v: unknown): { success: boolean } } }>)[field];
  return !spec.schema.safeParse(undefined).success;
}

export function mapColumns(def: TableDef, headers: string[]): ColumnMapping {
  const normalized = headers.map((h) => normalizeHeader(String(h ?? "")));
  const taken = new Set<number>();
  const columns: ColumnMapping["columns"] = {};
  const fields = Object.entries(def.fields as Record<string, { header: string; aliases?: string[] }>);
  // Canonical headers win over aliases, so "Date" in Postings is never stolen by an alias.
  for (const pass of ["header", "alias"] as const) {
    for (const [key, spec] of fields) {
      if (columns[key]) continue;
      const names = pass === "header" ? [spec.header] : (spec.aliases ?? []);
      for (const name of names) {
        const index = normalized.findIndex((n, i) => !taken.has(i) && n === normalizeHeader(name));
        if (index >= 0) {
          columns[key] = { header: headers[index], index };
          taken.add(index);
          break;
        }
      }
    }
  }
  const missing = fields.map(([k]) => k).filter((k) => !columns[k]);
  return {
    columns,
    missingRequired: missing.filter((k) => isRequired(def, k)),
    missingOptional: missing.filter((k) => !isRequired(def, k)),
    extras: headers.filter((h, i) => !taken.has(i) && String(h ?? "").trim() !== ""),
  };
}

function blankToUndefined(value: CellValue | undefined): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

/** text.trim() === "", without trimming text that starts with a printable ASCII character. */
function isBlankText(text: string): boolean {
  const first = text.charCodeAt(0);
  return !(first > 32 && first < 127) && text.trim() === "";
}

function isBlankRow(cells: CellValue[]): boolean {
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string" || !isBlankText(v)) return false;
  }
  return true;
}

/**
 * One field of a table's fast path: the check its zod cell schema runs (see cellCheck) and whether
 * the schema is that cell wrapped in .optional() (blank is fine) or the bare cell (blank is an issue).
 */
interface FastField {
  key: string;
  optional: boolean;
  check: CellCheck;
  /** The cell's quick check (cellQuickCheck), when it has one: tried first, without the memo. */
  quick: QuickCheck | undefined;
}

// TableDef -> its fields' fast checks in schema order, or null when any field's schema is not a
// plain cell (optional or not) or the row schema is more than a plain z.object: then zod reads every row.
const fastFieldsOf = new WeakMap<object, FastField[] | null>();

function fastFields(def: TableDef): FastField[] | null {
  let fields = fastFieldsOf.get(def);
  if (fields !== undefined) return fields;
  fields = compileFastFields(def);
  fastFieldsOf.set(def, fields);
  return fields;
}

function compileFastFields(def: TableDef): FastField[] | null {
  const schema = def.schema as unknown;
  if (!(schema instanceof z.ZodObject)) return null;
  const objectDef = schema.def;
  if (objectDef.catchall !== undefined || (objectDef.checks?.length ?? 0) > 0) return null;
  const fields: FastField[] = [];
  for (const [key, fieldSchema] of Object.entries(schema.shape as Record<string, unknown>)) {
    if (key === "__proto__") return null; // zod never sets it; an object literal's copy would
    const inner = fieldSchema instanceof z.ZodOptional ? (fieldSchema.def.innerType as unknown) : fieldSchema;
    const check = cellCheck(inner);
    if (!check) return null;
    fields.push({ key, optional: inner !== fieldSchema, check, quick: cellQuickCheck(inner) });
  }
  return fields;
}

const NOT_SURE: unique symbol = Symbol("not sure");

/** The most values one column remembers (see FastColumn.memo). */
const MEMO_LIMIT = 4096;

interface FastColumn extends FastField {
  col: number;
  /** The column's values of the rows that passed (ParsedTable.columns[key]), written as each row is read. */
  out: unknown[];
  isDate: boolean;
  /**
   * Cell value -> what fastValue made of it, for this parseTable call. Offices repeat a few codes,
   * payers, amounts and dates down thousands of rows, and every check is a pure function of a text or
   * a number, so a value seen before needs no new check. Full at MEMO_LIMIT, it takes no more, and
   * is dropped once the values it missed since outnumber all it found (a column of ids never repeats).
   * 0 is never a key: a Map holds 0 and -0 as one, and a check may tell them apart.
   */
  memo: Map<string | number, unknown> | null;
  /** The value this column read last and what it made: a remittance's postings repeat its PaymentID, date and group. */
  lastValue: string | number | undefined;
  lastResult: unknown;
  hits: number;
  missesWhenFull: number;
}

/** What one parseTable call's fast path needs. */
interface FastPlan {
  columns: FastColumn[];
  /** Every mapped key set to undefined, in schema order: each built row starts as a copy of it. */
  template: Record<string, unknown>;
  dateSystem: DateSystem;
}

function fastPlan(
  fields: FastField[],
  mapping: ColumnMapping,
  def: TableDef,
  dateSystem: DateSystem,
  out: Record<string, unknown[]>,
): FastPlan {
  const fieldSpecs = def.fields as Record<string, { kind?: string }>;
  const columns: FastColumn[] = fields
    .filter((field) => mapping.columns[field.key])
    .map((field) => ({
      ...field,
      col: mapping.columns[field.key].index,
      out: out[field.key],
      isDate: fieldSpecs[field.key].kind === "date",
      memo: new Map(),
      lastValue: undefined,
      lastResult: undefined,
      hits: 0,
      missesWhenFull: 0,
    }));
  // Made at once, not key by key: an object given many keys one at a time turns into a slow dictionary.
  const template = Object.fromEntries(columns.map(({ key }) => [key, undefined]));
  return { columns, template, dateSystem };
}

/** A non-blank text or number cell -> its field's value, as the zod path would make it, or NOT_SURE. */
function fastValue(column: FastColumn, value: string | number, dateSystem: DateSystem): unknown {
  if (column.isDate && typeof value === "number") {
    // As parseTable does before zod: a date column's serial becomes its ISO date first.
    const iso = serialToIso(value, dateSystem);
    if (!iso.ok) return NOT_SURE;
    value = iso.value;
  }
  const checked = column.check(value);
  return checked.ok ? checked.value : NOT_SURE;
}

function rememberedValue(column: FastColumn, value: string | number, dateSystem: DateSystem): unknown {
  // The same value as the row before (=== on text is by content; 0 is never kept, see memo) needs no lookup.
  if (value === column.lastValue) return column.lastResult;
  // An ID or an amount its quick check answers at once: nothing to remember (a column of IDs never repeats).
  if (column.quick !== undefined) {
    const quick = column.quick(value);
    if (quick !== UNSURE) return quick;
  }
  if (value === 0) return fastValue(column, value, dateSystem);
  const memo = column.memo;
  let result = memo === null ? undefined : memo.get(value);
  if (memo === null) result = fastValue(column, value, dateSystem);
  else if (result !== undefined || memo.has(value)) {
    column.hits++;
  } else {
    result = fastValue(column, value, dateSystem);
    if (memo.size < MEMO_LIMIT) memo.set(value, result);
    else if (++column.missesWhenFull > column.hits) column.memo = null;
  }
  column.lastValue = value;
  column.lastResult = result;
  return result;
}

/**
 * A row read without zod into the columns at position `at`, or false when the fast path is not sure:
 * a blank required cell, a date serial that is no date, a value other than text or a number, or any
 * value its check refuses. Such a row goes through def.schema.safeParse, so every issue a biller sees
 * is zod's own (what this row wrote at `at` is then overwritten). For a row it does read, the row made
 * from the columns (rowAt) equals zod's output: the same checks on the same values, the same keys
 * (every mapped field, an optional blank one as undefined; unmapped ones absent), in schema order.
 * No object is made per row: a million rows' objects were most of a large table's read, and most of
 * the garbage collector's work after it.
 */
function fastCells(plan: FastPlan, cells: CellValue[], at: number): boolean {
  const columns = plan.columns;
  for (let k = 0; k < columns.length; k++) {
    const column = columns[k];
    const value = cells[column.col];
    // Blank as blankToUndefined has it: no value, or text that trims to nothing.
    if (value === null || value === undefined || (typeof value === "string" && isBlankText(value))) {
      if (!column.optional) return false;
      column.out[at] = undefined;
      continue;
    }
    if (typeof value !== "string" && typeof value !== "number") return false;
    const result = rememberedValue(column, value, plan.dateSystem);
    if (result === NOT_SURE) return false;
    column.out[at] = result;
  }
  return true;
}

/** The i-th row the fast path read, as an object: the template's keys (schema order) with the columns' values. */
function rowAt(plan: FastPlan, i: number): Record<string, unknown> {
  const out = { ...plan.template };
  for (const column of plan.columns) out[column.key] = column.out[i];
  return out;
}

/**
 * The keys of one table as its rows pass, matched without regard to case: two keys are one exactly when
 * their lower cases are equal, as in a Map of lower-case keys. Offices number their rows ("T000123"), and
 * two keys with one lower case end in the same digits (no character lower-cases to a digit, and digits
 * stay as they are), so a key's trailing number picks a slot, and a key finding its slot free is new
 * without being lower-cased: 200,000 postings' keys make no new strings. Only a key whose slot is held by
 * another text (or with no number, or a number past the slots) goes by its lower case through a Map,
 * which then also holds the slot's first key.
 */
class SeenKeys {
  /** keys[n] is the n-th new key, as written; firstRows[n] the sheet row it was on. */
  private readonly keys: string[];
  private readonly firstRows: Int32Array;
  private count = 0;
  /** Trailing number -> n + 1 of the first key with it (0: none yet); grown as numbers need, to `limit`. */
  private slots: Int32Array;
  private readonly limit: number;
  /** Lower case -> n, for the keys that went by the Map and the slot holders they met. */
  private readonly byLowerCase = new Map<string, number>();
  /** Whether key n's lower case is in byLowerCase. */
  private readonly inMap: Uint8Array;

  constructor(rows: number) {
    this.keys = new Array(rows);
    this.firstRows = new Int32Array(rows);
    this.inMap = new Uint8Array(rows);
    this.limit = slotLimit(rows);
    this.slots = new Int32Array(Math.min(this.limit, Math.max(16, rows)));
  }

  /** The sheet row of the key's first row, or -1 when it is new (then `row` is kept as its first). */
  firstRowOf(key: string, row: number): number {
    const slot = trailingNumber(key);
    if (slot >= 0 && slot < this.limit) {
      if (slot >= this.slots.length) this.slots = slotsHolding(this.slots, slot, this.limit);
      const held = this.slots[slot] - 1;
      if (held < 0) {
        this.slots[slot] = this.count + 1;
        this.add(key, row);
        return -1;
      }
      if (this.keys[held] === key) return this.firstRows[held];
      if (this.inMap[held] === 0) {
        this.inMap[held] = 1;
        this.byLowerCase.set(this.keys[held].toLowerCase(), held);
      }
    }
    const lower = key.toLowerCase();
    const found = this.byLowerCase.get(lower);
    if (found !== undefined) return this.firstRows[found];
    this.inMap[this.count] = 1;
    this.byLowerCase.set(lower, this.count);
    this.add(key, row);
    return -1;
  }

  private add(key: string, row: number): void {
    this.keys[this.count] = key;
    this.firstRows[this.count] = row;
    this.count++;
  }
}

export interface ParseTableOptions {
  /**
   * false sends every row through zod (def.schema.safeParse), as parseTable did before its fast path.
   * Only the tests use it: it is the reference the fast path is proved against (same rows, sheet
   * rows, indexes and issues). Default true: rows the fast path is sure of skip zod.
   */
  fastPath?: boolean;
}

/**
 * Validate a table's rows against its schema. Rows with any issue are left out of `rows`.
 * zod stays the judge: a row whose every cell the fast path (fastRow) is sure of is built directly
 * by the cell schemas' own checks; any other row goes through def.schema.safeParse for its issues.
 */
export function parseTable<D extends TableDef>(
  def: D,
  raw: RawTable,
  dateSystem: DateSystem = 1900,
  options: ParseTableOptions = {},
): ParsedTable<RowOf<D>> {
  const mapping = mapColumns(def, raw.headers);
  const fieldSpecs = def.fields as Record<string, { header: string; kind?: string }>;
  const result: ParsedTable<RowOf<D>> = {
    table: def.name,
    mapping,
    rows: [],
    count: 0,
    columns: {},
    sheetRows: [],
    indexes: [],
    issues: [],
  };
  for (const key of mapping.missingRequired) {
    result.issues.push({
      table: def.name,
      row: raw.headerRow,
      column: fieldSpecs[key].header,
      message: `the table has no "${fieldSpecs[key].header}" column`,
    });
  }
  if (mapping.missingRequired.length > 0) return result;

  const keyField = def.key as string | undefined;
  // Each key (without regard to case) numbered as first seen, with the sheet row it was first seen on. A
  // Map of 200,000 lower-case keys costs about a third of a second on the machines we measure on;
  // SeenKeys, which matches exactly as that Map does, a small part of that.
  const seenKeys = new SeenKeys(keyField ? raw.rows.length : 0);
  const columns = Object.entries(mapping.columns).map(([key, { header, index }]) => ({
    key,
    header,
    col: index,
    isDate: fieldSpecs[key].kind === "date",
  }));
  // Each mapped field's column, made to the body's length and cut to the rows that passed at the end:
  // grown row by row, 200,000 entries were copied again at every growth.
  const bodyRows = raw.rows;
  const out: Record<string, unknown[]> = {};
  for (const { key } of columns) out[key] = new Array(bodyRows.length);
  const fast = options.fastPath === false ? null : fastFields(def);
  const plan = fast && fastPlan(fast, mapping, def, dateSystem, out);
  // The rows zod made (a row the fast path was not sure of), by position: kept as zod made them.
  const made = new Map<number, Record<string, unknown>>();
  // Each passed row's index in the body: four bytes a row, the sheet rows and indexes lists made from it
  // only when read (most readers never ask: a million-row table's two lists were 16 MB to fill).
  const bodyIndexes = new Int32Array(bodyRows.length);
  const keyColumn = keyField ? out[keyField] : undefined;
  let passed = 0;
  for (let index = 0; index < bodyRows.length; index++) {
    const cells = bodyRows[index];
    if (cells === undefined && !(index in bodyRows)) continue; // a hole, which forEach skipped
    const sheetRow = raw.headerRow + 1 + index;
    if (isBlankRow(cells)) continue;
    let data: Record<string, unknown> | undefined;
    const sure = plan !== null && fastCells(plan, cells, passed);
    // Made only for a row with a problem: most rows have none, and 200,000 empty lists are work to collect.
    let rowIssues: RowIssue[] | undefined;
    if (!sure) {
      rowIssues = [];
      const input: Record<string, unknown> = {};
      for (const { key, header, col, isDate } of columns) {
        let value: unknown = blankToUndefined(cells[col]);
        if (isDate && typeof value === "number") {
          const iso = serialToIso(value, dateSystem);
          if (!iso.ok) rowIssues.push({ table: def.name, row: sheetRow, column: header, message: iso.error });
          value = iso.ok ? iso.value : undefined;
        }
        input[key] = value;
      }
      const parsed = def.schema.safeParse(input);
      if (parsed.success) {
        data = parsed.data as Record<string, unknown>;
        for (const { key } of columns) out[key][passed] = data[key];
      } else {
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? "");
          const column = mapping.columns[key]?.header ?? fieldSpecs[key]?.header;
          if (rowIssues.some((r) => r.column === column)) continue;
          rowIssues.push({ table: def.name, row: sheetRow, column, message: issue.message });
        }
      }
    }
    const read = sure || data !== undefined;
    if (read && keyColumn) {
      const key = keyColumn[passed];
      const firstRow = seenKeys.firstRowOf(String(key), sheetRow);
      if (firstRow >= 0) {
        (rowIssues ??= []).push({
          table: def.name,
          row: sheetRow,
          column: mapping.columns[keyField!].header,
          message: `"${key}" is already used on row ${firstRow}`,
        });
      }
    }
    if (rowIssues !== undefined && (rowIssues.length > 0 || !read)) {
      result.issues.push(...rowIssues);
      continue;
    }
    if (data !== undefined) made.set(passed, data);
    bodyIndexes[passed] = index;
    passed++;
  }
  for (const key in out) out[key].length = passed;
  result.count = passed;
  result.columns = out;
  // The rows as objects only when read: zod's own where zod read the row, else made from the columns.
  lazily(result, "rows", () => {
    const rows: RowOf<D>[] = new Array(passed);
    for (let i = 0; i < passed; i++) rows[i] = (made.get(i) ?? rowAt(plan!, i)) as RowOf<D>;
    return rows;
  });
  lazily(result, "indexes", () => Array.from(bodyIndexes.subarray(0, passed)));
  const firstBodyRow = raw.headerRow + 1;
  lazily(result, "sheetRows", () => Array.from(bodyIndexes.subarray(0, passed), (index) => firstBodyRow + index));
  return result;
}

/**
 * An enumerable property made by `make` when first read and kept (then as if it had always been
 * there: the same value at every read; a write replaces it).
 */
function lazily<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  let value: T[K] | undefined;
  let made = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      if (!made) {
        value = make();
        made = true;
      }
      return value as T[K];
    },
    set(next: T[K]) {
      value = next;
      made = true;
    },
  });
}

/**
 * Why a table passed to a range function (Charges[#All]) cannot be read: the required columns it has no
 * header for, in a sentence; undefined when it has them all.
 */
export function tableArgumentMissing(parsed: ParsedTable<unknown>, def: TableDef): string | undefined {
  if (parsed.mapping.missingRequired.length === 0) return undefined;
  const fields = def.fields as Record<string, { header: string }>;
  const names = parsed.mapping.missingRequired.map((f) => `"${fields[f].header}"`).join(", ");
  return `the ${def.name} table has no ${names} column: pass the whole table with its headers, like ${def.name}[#All]`;
}

/** "Charges row 14, DOS: "13/45/2026" is not a real calendar date". */
export function describeIssue(issue: RowIssue): string {
  if (issue.message === "is blank") return `${issue.table} row ${issue.row}: ${issue.column ?? "a required value"} is blank`;
  return `${issue.table} row ${issue.row}${issue.column ? `, ${issue.column}` : ""}: ${issue.message}`;
}

/**
 * Engine values -> cells keyed by the table's actual headers, for an appendRows op. Cents become
 * dollars and ISO dates become serials of the workbook's date system; fields the table has no
 * column for are dropped (optional by construction: mapping guarantees required ones exist).
 */
export function rowToCells<D extends TableDef>(
  def: D,
  mapping: ColumnMapping,
  values: Partial<Record<keyof RowOf<D> & string, unknown>>,
  dateSystem: DateSystem = 1900,
): Record<string, CellValue> {
  const fieldSpecs = def.fields as Record<string, { header: string; kind?: string }>;
  const out: Record<string, CellValue> = {};
  for (const [key, value] of Object.entries(values)) {
    const column = mapping.columns[key];
    if (!column || value === undefined) continue;
    out[column.header] = engineCell(fieldSpecs[key]?.kind, value, dateSystem);
  }
  return out;
}

/** One engine value as its cell holds it, by the field's kind: cents as dollars, an ISO date as a serial. */
export function engineCell(kind: string | undefined, value: unknown, dateSystem: DateSystem): CellValue {
  if (value === null) return null;
  if (kind === "money") return centsToNumber(value as Cents);
  if (kind === "date") return isoToSerial(value as IsoDate, dateSystem);
  return value as CellValue;
}
