// Reading a billing table as the office laid it out: columns found by header (with aliases),
// extra columns left alone, every bad cell reported as table, row, column and why.
import { isoToSerial, serialToIso, type DateSystem, type IsoDate } from "../dates";
import { centsToNumber, type Cents } from "../money";
import type { CellValue, RawTable } from "./port";
import type { RowOf, TableDef } from "./tables";

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
  /** Rows that passed every check, in sheet order. */
  rows: T[];
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

function isBlankRow(cells: CellValue[]): boolean {
  for (const v of cells) if (blankToUndefined(v) !== undefined) return false;
  return true;
}

/** Validate a table's rows against its schema. Rows with any issue are left out of `rows`. */
export function parseTable<D extends TableDef>(def: D, raw: RawTable, dateSystem: DateSystem = 1900): ParsedTable<RowOf<D>> {
  const mapping = mapColumns(def, raw.headers);
  const fieldSpecs = def.fields as Record<string, { header: string; kind?: string }>;
  const result: ParsedTable<RowOf<D>> = { table: def.name, mapping, rows: [], sheetRows: [], indexes: [], issues: [] };
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
  const seenKeys = new Map<string, number>();
  const columns = Object.entries(mapping.columns).map(([key, { header, index }]) => ({
    key,
    header,
    col: index,
    isDate: fieldSpecs[key].kind === "date",
  }));
  raw.rows.forEach((cells, index) => {
    const sheetRow = raw.headerRow + 1 + index;
    if (isBlankRow(cells)) return;
    const input: Record<string, unknown> = {};
    const rowIssues: RowIssue[] = [];
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
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        const column = mapping.columns[key]?.header ?? fieldSpecs[key]?.header;
        if (rowIssues.some((r) => r.column === column)) continue;
        rowIssues.push({ table: def.name, row: sheetRow, column, message: issue.message });
      }
    }
    if (parsed.success && keyField) {
      const keyValue = String((parsed.data as Record<string, unknown>)[keyField]).toLowerCase();
      const first = seenKeys.get(keyValue);
      if (first !== undefined) {
        rowIssues.push({
          table: def.name,
          row: sheetRow,
          column: mapping.columns[keyField].header,
          message: `"${(parsed.data as Record<string, unknown>)[keyField]}" is already used on row ${first}`,
        });
      } else seenKeys.set(keyValue, sheetRow);
    }
    if (rowIssues.length > 0 || !parsed.success) {
      result.issues.push(...rowIssues);
      return;
    }
    result.rows.push(parsed.data as RowOf<D>);
    result.sheetRows.push(sheetRow);
    result.indexes.push(index);
  });
  return result;
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
    const kind = fieldSpecs[key]?.kind;
    out[column.header] =
      value === null
        ? null
        : kind === "money"
          ? centsToNumber(value as Cents)
          : kind === "date"
            ? isoToSerial(value as IsoDate, dateSystem)
            : (value as CellValue);
  }
  return out;
}
