// The memory adapter: a workbook held in plain arrays. Tests, the CLI's dry runs and the parity
// checks use it; it is also the reference the other adapters are compared with.
import type { DateSystem } from "../dates";
import { checkPlan, headerIndex } from "./checkPlan";
import type { CellValue, RawTable, ReportSheetOp, Workbook, WorkbookInfo, WriteOp, WriteSummary } from "./port";

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
  cells?: CellValue[][];
  layout?: Omit<ReportSheetOp, "kind" | "sheet" | "cells">;
  hidden?: boolean;
}

export class MemoryWorkbook implements Workbook {
  readonly host = "memory" as const;
  readonly sheets: MemorySheet[];

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
      tables: this.sheets.flatMap((s) => (s.table ? [tableInfo(s)] : [])),
      dateSystem: this.dateSystem,
    };
  }

  async readTables(names: string[]): Promise<Record<string, RawTable | undefined>> {
    const out: Record<string, RawTable | undefined> = {};
    for (const name of names) {
      const sheet = this.findTableSheet(name);
      out[name] = sheet ? { ...tableInfo(sheet), rows: sheet.table!.rows.map((r) => [...r]) } : undefined;
    }
    return out;
  }

  async readSheet(name: string): Promise<CellValue[][] | undefined> {
    const sheet = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) return undefined;
    if (sheet.table) return [sheet.table.headers, ...sheet.table.rows].map((r) => [...r]);
    return (sheet.cells ?? []).map((r) => [...r]);
  }

  async write(ops: WriteOp[]): Promise<WriteSummary> {
    const summary = checkPlan(await this.describe(), ops);
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
          if (existing) {
            existing.table = table;
            existing.cells = undefined;
          } else this.sheets.push({ name: op.sheet, table, hidden: op.hidden });
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
        case "reportSheet": {
          const { kind: _kind, sheet: name, cells, ...layout } = op;
          const existing = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
          const sheet: MemorySheet = { name, cells: cells.map((r) => r.map(stored)), layout: structuredClone(layout) };
          if (existing) Object.assign(existing, { ...sheet, table: undefined });
          else this.sheets.push(sheet);
          break;
        }
      }
    }
    return summary;
  }

  private findTableSheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.table?.name.toLowerCase() === name.toLowerCase());
  }
}

/** A cell holding "" is an empty cell, as in Excel and in an .xlsx file. */
function stored(value: CellValue): CellValue {
  return value === "" ? null : value;
}

function tableInfo(sheet: MemorySheet) {
  const t = sheet.table!;
  return { name: t.name, sheet: sheet.name, headers: [...t.headers], rowCount: t.rows.length, headerRow: 1 };
}
