// One check of a whole write plan against the workbook as it is, shared by every adapter, so that
// a plan that cannot be applied is refused before anything is written (nothing half-posted).
//
// Report sheets hold Excel tables of their own, and describe() lists them with every other table
// (Excel and an .xlsx file cannot tell them apart, and the memory adapter lists them alike). So a
// report may replace a sheet that holds tables, and they go with it, unless one of them keeps the
// office's data: a billing table (by name) or a code set (a table on a hidden, protected sheet), or
// a table this plan creates or writes to. Table names are unique in the whole workbook, except
// that a report's tables may take the names of the tables on the sheet it replaces.
//
// A report's layout (formats, tables, charts, text styles, print layout) is checked with the plan,
// by checkReportLayout.ts.
import { checkReportLayout } from "./checkReportLayout";
import { FILL_COLOR, checkSheetName, tableNameProblem } from "./excelRules";
import { makeTableProblems } from "./makeTableCheck";
import { PLAN_HEADER, PlanRejected, type CellValue, type WorkbookInfo, type WriteOp, type WriteSummary } from "./port";
import type { KnownTable } from "./knownTable";
import { BILLING_TABLES } from "./tables";

const BILLING_TABLE_NAMES = new Set(BILLING_TABLES.map((t) => t.name.toLowerCase()));

/** Throws PlanRejected with every problem found; returns what the plan will do. */
export function checkPlan(info: WorkbookInfo, ops: WriteOp[]): WriteSummary {
  const problems: string[] = [];
  const tables = new Map<string, KnownTable>(
    info.tables.map((t) => [
      t.name.toLowerCase(),
      {
        name: t.name,
        sheet: t.sheet.toLowerCase(),
        headers: t.headers,
        rowCount: t.rowCount,
        replaceable: !BILLING_TABLE_NAMES.has(t.name.toLowerCase()) && !(t.sheetState?.hidden && t.sheetState.protected),
        planned: false,
      },
    ]),
  );
  const holdsTable = (sheet: string) => [...tables.values()].some((t) => t.sheet === sheet.toLowerCase());
  /** The table an op writes to; from then on a report may not replace its sheet. */
  const written = (name: string) => {
    const table = tables.get(name.toLowerCase());
    if (table?.report !== undefined) {
      problems.push(
        `table ${table.name} is laid out by report "${table.report}" in this same plan: give the report its final rows instead`,
      );
    }
    if (table) table.replaceable = false;
    return table;
  };
  const sheets = new Set(info.sheets.map((s) => s.toLowerCase()));
  const summary: WriteSummary = { tablesCreated: [], rowsAppended: 0, cellsSet: 0, cellsMarked: 0, sheetsWritten: [] };

  for (const op of ops) {
    switch (op.kind) {
      case "createTable": {
        const badName = tableNameProblem(op.table);
        if (badName) problems.push(badName);
        if (tables.has(op.table.toLowerCase())) problems.push(`the workbook already has a table named ${op.table}`);
        checkSheetName(op.sheet, problems);
        if (holdsTable(op.sheet)) problems.push(`sheet "${op.sheet}" already holds a table`);
        if (op.headers.length === 0) problems.push(`table ${op.table} needs at least one column`);
        const seen = new Set<string>();
        for (const h of op.headers) {
          const key = h.trim().toLowerCase();
          if (key === "") problems.push(`table ${op.table} has a blank column header`);
          else if (seen.has(key)) problems.push(`table ${op.table} has the column "${h}" twice`);
          seen.add(key);
        }
        for (const [i, row] of (op.rows ?? []).entries()) {
          if (row.length !== op.headers.length)
            problems.push(`table ${op.table} row ${i + 1} has ${row.length} values for ${op.headers.length} columns`);
        }
        const bad = firstUnstorable(op.rows ?? []);
        if (bad)
          problems.push(
            unstorable(`table ${op.table}, column "${op.headers[bad.column] ?? bad.column + 1}", row ${bad.row + 1}`, bad.value),
          );
        tables.set(op.table.toLowerCase(), {
          name: op.table,
          sheet: op.sheet.toLowerCase(),
          headers: op.headers,
          rowCount: op.rows?.length ?? 0,
          replaceable: false,
          planned: true,
        });
        sheets.add(op.sheet.toLowerCase());
        summary.tablesCreated.push(op.table);
        break;
      }
      case "appendRows": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        const known = new Set(table.headers.map((h) => h.toLowerCase()));
        const unknown = new Set<string>();
        for (const row of op.rows) for (const key of Object.keys(row)) if (!known.has(key.toLowerCase())) unknown.add(key);
        for (const key of unknown) problems.push(`table ${op.table} has no column "${key}"`);
        const bad = firstUnstorableInRecords(op.rows);
        if (bad) problems.push(unstorable(`the rows added to table ${op.table}: column "${bad.key}"`, bad.value));
        table.rowCount += op.rows.length;
        summary.rowsAppended += op.rows.length;
        break;
      }
      case "setColumn": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (!table.headers.some((h) => h.toLowerCase() === op.column.toLowerCase())) {
          problems.push(`table ${op.table} has no column "${op.column}"`);
        }
        if (op.values.length !== table.rowCount) {
          problems.push(
            `table ${op.table} has ${table.rowCount} rows but ${op.values.length} values were given for "${op.column}": the table changed since it was read, run again`,
          );
        }
        const bad = firstUnstorable([op.values]);
        if (bad) problems.push(unstorable(`table ${op.table}, column "${op.column}", row ${bad.column + 1}`, bad.value));
        summary.cellsSet += op.values.length;
        break;
      }
      case "setCells": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        problems.push(...cellProblems(op.table, table, op.cells, [], "set: the table changed since it was read, run again"));
        for (const cell of op.cells) {
          if (isUnstorable(cell.value))
            problems.push(unstorable(`table ${op.table}, column "${cell.column}", row ${cell.row + 1}`, cell.value));
        }
        summary.cellsSet += op.cells.length;
        break;
      }
      case "reportSheet": {
        checkSheetName(op.sheet, problems);
        const sheet = op.sheet.toLowerCase();
        const onSheet = [...tables.values()].filter((t) => t.sheet === sheet);
        const kept = onSheet.find((t) => !t.replaceable);
        if (kept) problems.push(`sheet "${op.sheet}" holds a billing table (${kept.name}) and cannot be replaced by a report`);
        // The report's sheet is a new one: the tables on the old one go with it, names and all.
        for (const t of onSheet) if (t.replaceable) tables.delete(t.name.toLowerCase());
        const bad = firstUnstorable(op.cells);
        if (bad) problems.push(unstorable(`report "${op.sheet}", row ${bad.row + 1}, column ${bad.column + 1}`, bad.value));
        checkReportLayout(op, tables, problems);
        sheets.add(sheet);
        summary.sheetsWritten.push(op.sheet);
        break;
      }
      case "makeTable": {
        // The office's own rows become a table where they are: the sheet must be there, hold no table
        // (the new one could overlap it, and a billing table has a sheet of its own), and the name be free.
        const badName = tableNameProblem(op.table);
        if (badName) problems.push(badName);
        if (tables.has(op.table.toLowerCase())) problems.push(`the workbook already has a table named ${op.table}`);
        const onSheet = [...tables.values()].find((t) => t.sheet === op.sheet.toLowerCase());
        if (!sheets.has(op.sheet.toLowerCase())) problems.push(`the workbook has no sheet "${op.sheet}"`);
        else if (onSheet) {
          problems.push(
            `sheet "${op.sheet}" already holds the table ${onSheet.name}, which a new table there could overlap: move one of them to a sheet of its own`,
          );
        }
        problems.push(...makeTableProblems(op));
        tables.set(op.table.toLowerCase(), {
          name: op.table,
          sheet: op.sheet.toLowerCase(),
          headers: op.headers,
          rowCount: Math.max(0, op.range.rows - 1),
          replaceable: false,
          planned: true,
        });
        summary.tablesCreated.push(op.table);
        break;
      }
      case "addColumns": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        for (const h of op.headers) {
          if (h.trim() === "") problems.push(`table ${op.table} cannot get a blank column header`);
          else if (headerIndex(table.headers, h) >= 0) problems.push(`table ${op.table} already has the column "${h}"`);
        }
        table.headers = [...table.headers, ...op.headers];
        break;
      }
      case "deleteRows":
      case "updateRows": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (headerIndex(table.headers, PLAN_HEADER) < 0) problems.push(`table ${op.table} has no column "${PLAN_HEADER}"`);
        if (typeof op.plan !== "string" || op.plan.trim() === "") problems.push(`the rows of table ${op.table} need a plan id`);
        if (op.kind === "updateRows") {
          for (const key of Object.keys(op.values))
            if (headerIndex(table.headers, key) < 0) problems.push(`table ${op.table} has no column "${key}"`);
          const bad = firstUnstorableInRecords([op.values]);
          if (bad) problems.push(unstorable(`the cells set in table ${op.table}: column "${bad.key}"`, bad.value));
        }
        // The row count after a deleteRows is unknown here: a later setColumn or markCells on the
        // same table cannot be checked, so a plan may not have one.
        if (op.kind === "deleteRows") table.rowCount = Number.NaN;
        break;
      }
      case "markCells": {
        const table = written(op.table);
        if (!table) {
          problems.push(`the workbook has no table named ${op.table}`);
          break;
        }
        if (op.color !== null && !FILL_COLOR.test(op.color)) problems.push(`"${op.color}" is not a fill color (use #RRGGBB)`);
        problems.push(
          ...cellProblems(op.table, table, op.cells, op.clearColumns ?? [], "marked: the table changed since it was checked, check again"),
        );
        summary.cellsMarked += op.cells.length;
        break;
      }
    }
  }
  if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problemList(problems)}.`);
  return summary;
}

/** NaN or Infinity: Excel has no such number, and an .xlsx file holding one does not open. */
function isUnstorable(value: CellValue): boolean {
  return typeof value === "number" && !Number.isFinite(value);
}

function unstorable(where: string, value: CellValue): string {
  return `${where} has a value that is not a number Excel can store (${String(value)})`;
}

function firstUnstorable(rows: CellValue[][]): { row: number; column: number; value: CellValue } | undefined {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) if (isUnstorable(row[c])) return { row: r, column: c, value: row[c] };
  }
  return undefined;
}

function firstUnstorableInRecords(rows: Record<string, CellValue>[]): { key: string; value: CellValue } | undefined {
  for (const row of rows) for (const key in row) if (isUnstorable(row[key])) return { key, value: row[key] };
  return undefined;
}

/** Index of a header in a table, ignoring case and surrounding spaces; -1 when absent. */
export function headerIndex(headers: string[], name: string): number {
  const key = name.trim().toLowerCase();
  return headers.findIndex((h) => h.trim().toLowerCase() === key);
}

/** Problems a person reads: the first twenty, then how many more (a wrong plan can have one per row). */
const PROBLEMS_LISTED = 20;
function problemList(problems: string[]): string {
  if (problems.length <= PROBLEMS_LISTED) return problems.join("; ");
  const more = problems.length - PROBLEMS_LISTED;
  return `${problems.slice(0, PROBLEMS_LISTED).join("; ")}; and ${more.toLocaleString("en-US")} more like them`;
}

/**
 * What is wrong with cells named by 0-based body row and header (setCells, markCells): columns the
 * table lacks (`columns` are further headers the op names), and the first row outside the table, with
 * what could not be done to it ("set: the table changed since it was read, run again").
 */
function cellProblems(
  name: string,
  table: { headers: string[]; rowCount: number },
  cells: readonly { row: number; column: string }[],
  columns: readonly string[],
  cannotBe: string,
): string[] {
  const unknown = new Set<string>();
  for (const column of columns) if (headerIndex(table.headers, column) < 0) unknown.add(column);
  let outside: number | undefined;
  for (const cell of cells) {
    if (headerIndex(table.headers, cell.column) < 0) unknown.add(cell.column);
    if (outside === undefined && !(Number.isInteger(cell.row) && cell.row >= 0 && cell.row < table.rowCount)) outside = cell.row;
  }
  const problems = [...unknown].map((column) => `table ${name} has no column "${column}"`);
  if (outside !== undefined) {
    problems.push(
      `table ${name} has ${table.rowCount} rows, so its row ${Number.isInteger(outside) ? outside + 1 : outside} cannot be ${cannotBe}`,
    );
  }
  return problems;
}
