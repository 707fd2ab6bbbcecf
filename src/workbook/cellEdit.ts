// One cell of a billing table changed by hand, where there is no Excel to type it in (the browser
// host's preview). The text typed is read by the column, as the table's schema reads a cell: a date
// as YYYY-MM-DD (written as a serial of the workbook's date system, like the table's other dates), an
// amount as money (written as dollars), a choice from its list, a number as a number, and anything
// else as text, kept as typed (leading zeros and all) and never made a formula. The change is a
// one-op plan (setCells) applied with its Audit row, which names the table, row and column but not
// the value (a name, a birth date): only an amount's old and new figures, as other Audit rows keep
// money. Bookkeeping is never edited here: the Plan and Status columns, the Audit trail, and the
// PeriodClose rows (a close is changed by reopening, with a reason). A closed period's money is
// refused by applyPlan itself (closedBooks.ts), whoever asks.
import { listInWords } from "../sentences";
import { isoToSerial, isIsoDate, parseDate, type DateSystem } from "../dates";
import { centsToNumber, formatMoney, parseMoney, type Cents } from "../money";
import { asText } from "./cells";
import { mapColumns } from "./mapTable";
import { applyPlan, type AppliedPlan, type WritePlan } from "./plan";
import { PlanRejected, type CellValue, type RawTable, type TableInfo, type Workbook } from "./port";
import { Audit, BILLING_TABLES, PeriodClose, Practice, tableDef, type TableDef } from "./tables";

/** A cell to change and the text typed for it. */
export interface CellEdit {
  table: string;
  /** 0-based row of the table's body. */
  row: number;
  /** The column's header, as in the workbook. */
  column: string;
  text: string;
  /**
   * The value the user saw in the cell. When the workbook now holds another (the table changed since
   * it was drawn), the edit is refused rather than written over a row the user did not look at.
   */
  seen?: CellValue;
}

/** How a column's text is read: by the field it maps to, or as text for a column the office added. */
export type EditKind = "date" | "money" | "field" | "text";

export type EditableColumn = { ok: true; kind: EditKind; field?: string } | { ok: false; problem: string };

interface FieldSpec {
  header: string;
  kind?: "money" | "date";
  numberFormat?: string;
  schema: { safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: { message: string }[] } } };
}

/** Whether a table's cells can be edited here; the sentence saying why not otherwise. */
export function editableTable(table: Pick<TableInfo, "name">): { ok: true; def: TableDef } | { ok: false; problem: string } {
  const def = tableDef(table.name);
  if (!def) return { ok: false, problem: `${table.name} is not a billing table: only the cells of billing tables are edited here.` };
  if (def.name === Audit.name)
    return { ok: false, problem: "The Audit table is the add-in's record of what it changed: it is not edited by hand." };
  if (def.name === PeriodClose.name) {
    return {
      ok: false,
      problem: `The ${def.name} rows record each close and reopening: reopen or close the books in Month-end close instead.`,
    };
  }
  return { ok: true, def };
}

/** How the cells of a table's column are read, or the sentence saying why the column is not edited. */
export function editableColumn(table: Pick<TableInfo, "name" | "headers">, header: string): EditableColumn {
  const editable = editableTable(table);
  if (!editable.ok) return editable;
  const { def } = editable;
  const mapping = mapColumns(def, table.headers);
  const key = header.trim().toLowerCase();
  const found = Object.entries(mapping.columns).find(([, column]) => column.header.trim().toLowerCase() === key);
  if (!found) {
    if (!table.headers.some((h) => h.trim().toLowerCase() === key)) {
      return { ok: false, problem: `The ${def.name} table has no "${header}" column.` };
    }
    return { ok: true, kind: "text" };
  }
  const [field] = found;
  if (field === "plan") {
    return {
      ok: false,
      problem: `The ${def.name} "${header}" column ties each row to the change that wrote it: it is not edited by hand.`,
    };
  }
  const spec = (def.fields as Record<string, FieldSpec>)[field];
  return { ok: true, kind: spec.kind ?? "field", field };
}

/** The text an editor starts with for a cell: a date as YYYY-MM-DD, an amount as 1234.50, the rest as it reads. */
export function editText(value: CellValue | undefined, kind: EditKind, dateSystem: DateSystem): string {
  if (value === null || value === undefined) return "";
  if (kind === "date" && typeof value === "number") {
    const iso = parseDate(value, dateSystem);
    return iso.ok ? iso.value : String(value);
  }
  if (kind === "money" && typeof value === "number") {
    const cents = parseMoney(value);
    return cents.ok ? (cents.value / 100).toFixed(2) : String(value);
  }
  return asText(value);
}

/** What a cell becomes: its value, and the number format it is given (a date's, an amount's). */
type ReadValue = { ok: true; value: CellValue; numberFormat?: string; cents?: Cents } | { ok: false; why: string };

function readTyped(text: string, column: Extract<EditableColumn, { ok: true }>, def: TableDef, dateSystem: DateSystem): ReadValue {
  const trimmed = text.trim();
  const spec = column.field === undefined ? undefined : (def.fields as Record<string, FieldSpec>)[column.field];
  if (trimmed === "") {
    if (spec && !spec.schema.safeParse(undefined).success) return { ok: false, why: `it cannot be blank: every ${def.name} row needs one` };
    return { ok: true, value: null };
  }
  if (column.kind === "date") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed) || !isIsoDate(trimmed)) {
      return { ok: false, why: `"${trimmed}" is not a date: type it as YYYY-MM-DD, like 2026-05-02` };
    }
    return { ok: true, value: isoToSerial(trimmed, dateSystem), numberFormat: spec?.numberFormat };
  }
  if (column.kind === "money") {
    const cents = parseMoney(trimmed);
    if (!cents.ok) return { ok: false, why: cents.error };
    return { ok: true, value: centsToNumber(cents.value), numberFormat: spec?.numberFormat, cents: cents.value };
  }
  if (column.kind === "field" && spec) {
    const parsed = spec.schema.safeParse(trimmed);
    if (!parsed.success) return { ok: false, why: parsed.error.issues[0]?.message ?? `"${trimmed}" does not read` };
    const value = parsed.data;
    return { ok: true, value: typeof value === "number" || typeof value === "boolean" ? value : asText(value) };
  }
  return { ok: true, value: trimmed };
}

/** A cell as the workbook keeps it: empty text is an empty cell. */
const stored = (value: CellValue | undefined): CellValue => (value === undefined || value === "" ? null : value);

export type CellEditPlan = { ok: true; plan: WritePlan; value: CellValue } | { ok: true; unchanged: true } | { ok: false; problem: string };

/**
 * The plan changing one cell of a table as read, or the sentence saying why not ("Charges row 14, DOS:
 * "5/2" is not a date: type it as YYYY-MM-DD, like 2026-05-02. Nothing was written."). Pure.
 */
export function cellEditPlan(table: RawTable, edit: CellEdit, dateSystem: DateSystem): CellEditPlan {
  const column = editableColumn(table, edit.column);
  if (!column.ok) return { ok: false, problem: `${column.problem} Nothing was written.` };
  const def = tableDef(table.name)!;
  const sheetRow = table.headerRow + 1 + edit.row;
  const where = `${def.name} row ${sheetRow}, ${edit.column}`;
  const index = table.headers.findIndex((h) => h.trim().toLowerCase() === edit.column.trim().toLowerCase());
  const row = table.rows[edit.row];
  if (!Number.isInteger(edit.row) || row === undefined) {
    return { ok: false, problem: `The ${def.name} table has no row ${sheetRow} now: look at the sheet again. Nothing was written.` };
  }
  const before = stored(row[index]);
  if (edit.seen !== undefined && stored(edit.seen) !== before) {
    return { ok: false, problem: `${where} changed since the preview was drawn: look at it again, then retry. Nothing was written.` };
  }
  const read = readTyped(edit.text, column, def, dateSystem);
  if (!read.ok) return { ok: false, problem: `${where}: ${read.why}. Nothing was written.` };
  if (stored(read.value) === before) return { ok: true, unchanged: true };
  // A row's id names it everywhere (postings point at a ChargeID): two rows may not share one.
  if (column.field !== undefined && column.field === def.key && read.value !== null) {
    const key = asText(read.value).toLowerCase();
    const other = table.rows.findIndex((r, i) => {
      const id = stored(r[index]);
      return i !== edit.row && id !== null && asText(id).toLowerCase() === key;
    });
    if (other >= 0) {
      return {
        ok: false,
        problem: `${where}: "${asText(read.value)}" is already the ${edit.column} of row ${table.headerRow + 1 + other}, and each row needs its own. Nothing was written.`,
      };
    }
  }

  const named = rowName(table, def, row);
  const was = parseMoney(before ?? undefined);
  const totals = read.cents === undefined ? undefined : `${was.ok ? `was ${formatMoney(was.value)}, ` : ""}now ${formatMoney(read.cents)}`;
  const plan: WritePlan = {
    action: "Edit cell",
    what: `${def.name} row ${sheetRow}${named ? ` (${named})` : ""}, column "${table.headers[index]}", edited in the sheet preview`,
    ...(totals ? { totals } : {}),
    ops: [
      {
        kind: "setCells",
        table: table.name,
        cells: [
          {
            row: edit.row,
            column: table.headers[index],
            value: read.value,
            // Text goes into a text cell, so Excel keeps "000123" and "1E5" as typed rather than reading a number.
            ...(read.numberFormat ? { numberFormat: read.numberFormat } : typeof read.value === "string" ? { numberFormat: "@" } : {}),
          },
        ],
      },
    ],
  };
  return { ok: true, plan, value: read.value };
}

/** The row's id as other Audit rows name rows ("ChargeID C000123"), or a Practice row's setting. */
function rowName(table: RawTable, def: TableDef, row: CellValue[]): string | undefined {
  const columns = mapColumns(def, table.headers).columns as Record<string, { header: string; index: number } | undefined>;
  const key = def.name === Practice.name ? "setting" : def.key;
  const column = key === undefined ? undefined : columns[key];
  const value = column === undefined ? null : row[column.index];
  if (value === null || value === undefined || asText(value) === "") return undefined;
  return def.name === Practice.name ? asText(value) : `${column!.header} ${asText(value)}`;
}

export type CellEditOutcome =
  { ok: true; applied: AppliedPlan; value: CellValue } | { ok: true; unchanged: true } | { ok: false; problem: string };

/**
 * Read the table, check the text, and write the cell with its Audit row: one read and one write.
 * A refusal (a bad value, a closed period, a table that changed) is a sentence, with nothing written.
 */
export async function editCell(workbook: Workbook, edit: CellEdit, now?: Date): Promise<CellEditOutcome> {
  const info = await workbook.describe();
  const found = info.tables.find((t) => t.name.toLowerCase() === edit.table.toLowerCase());
  const table = found ? (await workbook.readTables([found.name]))[found.name] : undefined;
  if (!table) return { ok: false, problem: `The workbook has no ${edit.table} table now. Nothing was written.` };
  const planned = cellEditPlan(table, edit, info.dateSystem);
  if (!planned.ok || "unchanged" in planned) return planned;
  const inUse = await idInUse(workbook, info.tables, table, edit);
  if (inUse) return { ok: false, problem: inUse };
  try {
    return { ok: true, applied: await applyPlan(workbook, planned.plan, now), value: planned.value };
  } catch (error) {
    if (error instanceof PlanRejected) return { ok: false, problem: error.message };
    throw error;
  }
}

/**
 * When the edit changes a row's id (a ChargeID, a PatientID) that rows of other tables point at, the
 * sentence refusing it: renaming it would leave those rows pointing at nothing. Reads the other tables
 * only when an id is edited.
 */
async function idInUse(workbook: Workbook, tables: TableInfo[], table: RawTable, edit: CellEdit): Promise<string | undefined> {
  const def = tableDef(table.name)!;
  const key = def.key;
  if (key === undefined) return undefined;
  const keyColumn = (mapColumns(def, table.headers).columns as Record<string, { header: string; index: number } | undefined>)[key];
  if (!keyColumn || keyColumn.header.trim().toLowerCase() !== edit.column.trim().toLowerCase()) return undefined;
  const before = stored(table.rows[edit.row]?.[keyColumn.index]);
  if (before === null) return undefined;
  const id = asText(before).trim().toLowerCase();
  const pointing = BILLING_TABLES.filter(
    (other) =>
      other !== def &&
      key in (other.fields as Record<string, unknown>) &&
      tables.some((t) => t.name.toLowerCase() === other.name.toLowerCase()),
  );
  if (pointing.length === 0) return undefined;
  const read = await workbook.readTables(pointing.map((other) => other.name));
  const uses: string[] = [];
  for (const other of pointing) {
    const raw = read[other.name];
    if (!raw) continue;
    const column = (mapColumns(other, raw.headers).columns as Record<string, { index: number } | undefined>)[key];
    if (!column) continue;
    let count = 0;
    for (const row of raw.rows) {
      const value = stored(row[column.index]);
      if (value !== null && asText(value).trim().toLowerCase() === id) count++;
    }
    if (count > 0) uses.push(`${count} ${other.name} ${count === 1 ? "row" : "rows"}`);
  }
  if (uses.length === 0) return undefined;
  return `${def.name} row ${table.headerRow + 1 + edit.row}, ${edit.column}: ${asText(before)} is used by ${listInWords(uses)}, which would be left pointing at nothing. Nothing was written.`;
}
