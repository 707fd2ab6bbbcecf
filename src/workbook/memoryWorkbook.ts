// The memory adapter: a workbook held in plain arrays. Tests, the CLI's dry runs and the parity
// checks use it; it is also the reference the other adapters are compared with.
//
// A report sheet keeps its cells and its layout (formats, tables, highlights, charts, text styles and
// print layout: area, orientation, margins, fit to width, page breaks) as given, for tests to read. Its
// tables are listed by describe() and read by readTables() like any table, as Excel and an .xlsx
// file do, so their names count in later plans' checks; but they live in the report's cells, so a
// plan writing to one (appendRows, setColumn, setCells, markCells) is refused here: run the report again.
import type { DateSystem } from "../dates";
import { checkPlan, headerIndex } from "./checkPlan";
import { blockOf, sheetChangedProblem, usedBlockOf } from "./makeTableCheck";
import {
  PLAN_HEADER,
  PlanRejected,
  type CellValue,
  type MakeTableOp,
  type MarkCellsOp,
  type RawTable,
  type ReportSheetOp,
  type SheetHead,
  type SheetRange,
  type TableInfo,
  type Workbook,
  type WorkbookInfo,
  type WriteOp,
  type WriteSummary,
} from "./port";

export interface MemoryTable {
  name: string;
  headers: string[];
  rows: CellValue[][];
  numberFormats?: (string | null)[];
}

export interface MemorySheet {
  name: string;
  /** A sheet holds one table, or report cells, or nothing. */
  table?: MemoryTable;
  /**
   * Where the table's header cell is, 0-based (A1 when not given). A table made from the office's own
   * rows (makeTable) sits where they were, and `cells` keeps what is above it (a title) as it was.
   */
  tableAt?: { row: number; column: number };
  cells?: CellValue[][];
  layout?: Omit<ReportSheetOp, "kind" | "sheet" | "cells">;
  hidden?: boolean;
  /** Protected from edits by hand; the add-in still writes to it, as the other adapters do. */
  protected?: boolean;
}

/** A filled cell of a table, as markCells left it. */
export interface MemoryFill {
  /** 0-based row of the table's body. */
  row: number;
  /** The column's header. */
  column: string;
  color: string;
}

export class MemoryWorkbook implements Workbook {
  readonly host = "memory" as const;
  readonly sheets: MemorySheet[];
  /** Fills per table (lower-case name), keyed by body row and column index. */
  private readonly fillsByTable = new Map<string, Map<string, { row: number; column: number; color: string }>>();

  constructor(
    sheets: MemorySheet[] = [],
    readonly dateSystem: DateSystem = 1900,
  ) {
    this.sheets = sheets.map((s) => structuredClone(s));
  }

  /** A workbook with one table per sheet, the sheet named after the table. */
  static withTables(tables: MemoryTable[], dateSystem: DateSystem = 1900): MemoryWorkbook {
    return new MemoryWorkbook(
      tables.map((t) => ({ name: t.name, table: t })),
      dateSystem,
    );
  }

  async describe(): Promise<WorkbookInfo> {
    return {
      sheets: this.sheets.map((s) => s.name),
      tables: this.sheets.flatMap((s) => (s.table ? [tableInfo(s)] : reportTables(s).map((t) => t.info))),
      dateSystem: this.dateSystem,
    };
  }

  async readTables(names: string[]): Promise<Record<string, RawTable | undefined>> {
    const out: Record<string, RawTable | undefined> = {};
    for (const name of names) {
      const sheet = this.findTableSheet(name);
      const report = sheet ? undefined : this.findReportTable(name);
      out[name] = sheet
        ? { ...tableInfo(sheet), rows: sheet.table!.rows.map((r) => [...r]) }
        : report
          ? { ...report.info, rows: report.rows }
          : undefined;
    }
    return out;
  }

  async readSheet(name: string): Promise<CellValue[][] | undefined> {
    const sheet = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) return undefined;
    if (sheet.table) return tableSheetValues(sheet);
    return (sheet.cells ?? []).map((r) => [...r]);
  }

  async write(ops: WriteOp[]): Promise<WriteSummary> {
    const summary = checkPlan(await this.describe(), ops);
    const inReports = ops.flatMap((op) =>
      op.kind !== "reportSheet" && op.kind !== "createTable" && op.kind !== "makeTable" && this.findReportTable(op.table) ? [op.table] : [],
    );
    if (inReports.length > 0) {
      throw new PlanRejected(
        `Nothing was written: ${[...new Set(inReports)].map((t) => `table ${t}`).join(", ")} belongs to a report sheet: run the report again instead.`,
      );
    }
    this.checkSheetsUnchanged(ops);
    for (const op of ops) {
      switch (op.kind) {
        case "createTable": {
          const table: MemoryTable = {
            name: op.table,
            headers: [...op.headers],
            rows: (op.rows ?? []).map((r) => r.map(stored)),
            numberFormats: op.numberFormats ? [...op.numberFormats] : undefined,
          };
          const existing = this.sheets.find((s) => s.name.toLowerCase() === op.sheet.toLowerCase());
          // A sheet that was there keeps its visibility and protection; protect only adds to it.
          if (existing) {
            existing.table = table;
            existing.tableAt = undefined;
            existing.cells = undefined;
            existing.layout = undefined;
            if (op.protect) existing.protected = true;
          } else this.sheets.push({ name: op.sheet, table, hidden: op.hidden, protected: op.protect });
          this.fillsByTable.delete(op.table.toLowerCase());
          break;
        }
        case "appendRows": {
          const table = this.findTableSheet(op.table)!.table!;
          for (const row of op.rows) {
            const values: CellValue[] = table.headers.map(() => null);
            for (const [key, value] of Object.entries(row)) values[headerIndex(table.headers, key)] = stored(value);
            table.rows.push(values);
          }
          break;
        }
        case "setColumn": {
          const table = this.findTableSheet(op.table)!.table!;
          const col = headerIndex(table.headers, op.column);
          op.values.forEach((v, i) => (table.rows[i][col] = stored(v)));
          break;
        }
        case "setCells": {
          // A cell's own number format is not kept here: the memory adapter holds values (and column formats).
          const table = this.findTableSheet(op.table)!.table!;
          for (const cell of op.cells) table.rows[cell.row][headerIndex(table.headers, cell.column)] = stored(cell.value);
          break;
        }
        case "reportSheet": {
          const { kind: _kind, sheet: name, cells, ...layout } = op;
          const existing = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
          const sheet: MemorySheet = { name, cells: cells.map((r) => r.map(stored)), layout: structuredClone(layout) };
          if (existing) Object.assign(existing, { ...sheet, table: undefined });
          else this.sheets.push(sheet);
          break;
        }
        case "markCells":
          this.markCells(op);
          break;
        case "makeTable":
          this.makeTable(op);
          break;
        case "addColumns": {
          const table = this.findTableSheet(op.table)!.table!;
          table.headers.push(...op.headers);
          for (const row of table.rows) row.push(...op.headers.map(() => null));
          if (table.numberFormats) table.numberFormats.push(...op.headers.map((_, i) => op.numberFormats?.[i] ?? null));
          break;
        }
        case "deleteRows": {
          const table = this.findTableSheet(op.table)!.table!;
          const col = headerIndex(table.headers, PLAN_HEADER);
          const kept: number[] = [];
          table.rows.forEach((row, i) => row[col] !== op.plan && kept.push(i));
          table.rows = kept.map((i) => table.rows[i]);
          // Fills move up with their rows; those of deleted rows go with them.
          const fills = this.fillsByTable.get(op.table.toLowerCase());
          if (fills) {
            const newIndex = new Map(kept.map((old, i) => [old, i]));
            const moved = [...fills.values()].flatMap((f) => (newIndex.has(f.row) ? [{ ...f, row: newIndex.get(f.row)! }] : []));
            fills.clear();
            for (const f of moved) fills.set(`${f.row}:${f.column}`, f);
          }
          break;
        }
        case "updateRows": {
          const table = this.findTableSheet(op.table)!.table!;
          const col = headerIndex(table.headers, PLAN_HEADER);
          const cells = Object.entries(op.values).map(([key, value]) => [headerIndex(table.headers, key), stored(value)] as const);
          for (const row of table.rows) if (row[col] === op.plan) for (const [c, v] of cells) row[c] = v;
          break;
        }
      }
    }
    return summary;
  }

  async readSheetHeads(names: string[], rows: number): Promise<Record<string, SheetHead | undefined>> {
    const out: Record<string, SheetHead | undefined> = {};
    for (const name of names) {
      const values = await this.readSheet(name);
      if (!values) {
        out[name] = undefined;
        continue;
      }
      const used = usedBlockOf(values);
      out[name] = used ? { used, rows: blockOf(values, { ...used, rows: Math.min(rows, used.rows) }) } : { rows: [] };
    }
    return out;
  }

  /** Each makeTable op's sheet as it is now must be the one the op was made from: checked before anything is written. */
  private checkSheetsUnchanged(ops: WriteOp[]): void {
    const problems: string[] = [];
    for (const op of ops) {
      if (op.kind !== "makeTable") continue;
      const sheet = this.sheets.find((s) => s.name.toLowerCase() === op.sheet.toLowerCase());
      const values = sheet ? (sheet.table ? tableSheetValues(sheet) : (sheet.cells ?? [])) : undefined;
      const problem = sheetChangedProblem(op, {
        headers: values && blockOf(values, { ...op.range, rows: 1 })[0],
        used: values && usedBlockOf(values),
      });
      if (problem) problems.push(problem);
    }
    if (problems.length > 0) throw new PlanRejected(`Nothing was written: ${problems.join("; ")}.`);
  }

  /** The block becomes the sheet's table where it is; what is above it (a title) stays in the sheet's cells. */
  private makeTable(op: MakeTableOp): void {
    const sheet = this.sheets.find((s) => s.name.toLowerCase() === op.sheet.toLowerCase())!;
    const cells = sheet.cells ?? [];
    const [header, ...rows] = blockOf(cells, op.range);
    sheet.table = { name: op.table, headers: header.map((v) => (v === null ? "" : String(v))), rows };
    sheet.tableAt = { row: op.range.row, column: op.range.column };
    sheet.cells = cells.slice(0, op.range.row).map((row) => [...row]);
    this.fillsByTable.delete(op.table.toLowerCase());
  }

  /** The filled cells of a table, by row then column, for tests to compare with the other adapters. */
  fills(table: string): MemoryFill[] {
    const headers = this.findTableSheet(table)?.table?.headers ?? [];
    return [...(this.fillsByTable.get(table.toLowerCase())?.values() ?? [])]
      .sort((a, b) => a.row - b.row || a.column - b.column)
      .map((f) => ({ row: f.row, column: headers[f.column], color: f.color }));
  }

  private markCells(op: MarkCellsOp): void {
    const headers = this.findTableSheet(op.table)!.table!.headers;
    const key = op.table.toLowerCase();
    const fills = this.fillsByTable.get(key) ?? new Map<string, { row: number; column: number; color: string }>();
    this.fillsByTable.set(key, fills);
    const cleared = new Set((op.clearColumns ?? []).map((c) => headerIndex(headers, c)));
    for (const [at, fill] of fills) if (cleared.has(fill.column)) fills.delete(at);
    for (const { row, column: header } of op.cells) {
      const column = headerIndex(headers, header);
      const at = `${row}:${column}`;
      // Stored in upper case, as Excel reports a fill color.
      if (op.color === null) fills.delete(at);
      else fills.set(at, { row, column, color: op.color.toUpperCase() });
    }
  }

  private findTableSheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.table?.name.toLowerCase() === name.toLowerCase());
  }

  private findReportTable(name: string): ReportTable | undefined {
    const key = name.toLowerCase();
    for (const sheet of this.sheets) {
      const found = reportTables(sheet).find((t) => t.info.name.toLowerCase() === key);
      if (found) return found;
    }
    return undefined;
  }
}

interface ReportTable {
  info: TableInfo;
  rows: CellValue[][];
}

/**
 * The tables of a report sheet as Excel would hold them: the header texts of the block's first
 * row, the rows below it, and no rows when the only one is blank (Excel keeps a blank row in an
 * empty table, which the other adapters read as none).
 */
function reportTables(sheet: MemorySheet): ReportTable[] {
  const cells = sheet.cells ?? [];
  return (sheet.layout?.tables ?? []).map(({ name, range }) => {
    const block = (r: number) => columnsOf(cells[r] ?? [], range);
    let rows = Array.from({ length: range.rows - 1 }, (_, i) => block(range.row + 1 + i));
    if (rows.length === 1 && rows[0].every((v) => v === null)) rows = [];
    return {
      info: {
        name,
        sheet: sheet.name,
        headers: block(range.row).map((v) => (v === null ? "" : String(v))),
        rowCount: rows.length,
        headerRow: range.row + 1,
        sheetState: { hidden: sheet.hidden === true, protected: sheet.protected === true },
      },
      rows,
    };
  });
}

function columnsOf(row: CellValue[], range: SheetRange): CellValue[] {
  return Array.from({ length: range.columns }, (_, j) => row[range.column + j] ?? null);
}

/** A cell holding "" is an empty cell, as in Excel and in an .xlsx file. */
function stored(value: CellValue): CellValue {
  return value === "" ? null : value;
}

function tableInfo(sheet: MemorySheet): TableInfo {
  const t = sheet.table!;
  return {
    name: t.name,
    sheet: sheet.name,
    headers: [...t.headers],
    rowCount: t.rows.length,
    headerRow: (sheet.tableAt?.row ?? 0) + 1,
    sheetState: { hidden: sheet.hidden === true, protected: sheet.protected === true },
  };
}

/** A table's sheet as values from A1: the cells above the table (a title), then the table where it sits. */
function tableSheetValues(sheet: MemorySheet): CellValue[][] {
  const t = sheet.table!;
  const at = sheet.tableAt ?? { row: 0, column: 0 };
  const out = (sheet.cells ?? []).slice(0, at.row).map((row) => [...row]);
  while (out.length < at.row) out.push([]);
  for (const row of [t.headers, ...t.rows]) out.push([...Array.from({ length: at.column }, () => null), ...row]);
  return out;
}
