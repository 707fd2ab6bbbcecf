// What a range function read from whole tables, kept for its next call over the same tables. An office
// fills =MEDBILL.BALANCES(A2, Charges[#All], Postings[#All], Payments[#All]) down 100,000 rows, or
// several columns ask the same tables for "balance", "patient" and "status": each call would read and
// check every table again, the whole of its cost. Kept here, the tables are read once per change.
//
// The key is the tables' contents, nothing else. Excel hands each call fresh arrays (and fresh strings),
// so the arrays' identity says nothing; the calling cell (Excel's invocation) says where the formula
// is, not what the tables hold, and a table edited between two calls of the same cell must be read
// again. An entry keeps a copy of the cells it was read from (copyTableArgument: one flat list per
// table, so nobody's later edit to those arrays reaches it), and a call is served from it only when its
// cells give those same tables, every header and every cell, compared in full (sameTableArgument), not
// by a hash that could collide. The build itself reads the arguments in place (tableArgumentInPlace):
// it runs before the call returns, so they cannot change under it, and 200,000 rows need no second
// copy. The comparison stops at the first difference and costs one pass over the cells when they are
// the same: far less than reading them (no checks, no copies, nothing kept).
//
// Whatever is built from the tables must be a function of those RawTables alone (no clock, no settings
// read on the side), must not keep them (their rows may be the arguments' own arrays) and must not be
// changed by the calls that use it: they all share it.
//
// Memory stays bounded: a few entries, the least recently used dropped first. Each holds a copy of its
// tables' cells and what was built from them, so a workbook's 100,000-line books cost a few times that.
import type { RawTable } from "../src/workbook/port";
import { copyTableArgument, sameTableArgument, tableArgumentInPlace, type TableCopy } from "./cellRanges";

/** One table argument as the function received it, with the table's name (for tableArgument). */
export interface TableCells {
  name: string;
  cells: unknown;
}

interface Entry<T> {
  names: string[];
  tables: (TableCopy | undefined)[];
  value: T;
}

/** Counts for tests and benchmarks: how many calls were served from an entry, how many read the tables. */
export interface TableCacheCounts {
  hits: number;
  reads: number;
}

export class TableCache<T> {
  private entries: Entry<T>[] = [];
  readonly counts: TableCacheCounts = { hits: 0, reads: 0 };

  constructor(private readonly size: number) {}

  /**
   * What `build` made from these tables, read from them now unless an entry holds the same tables. `build`
   * gets the tables read in place: it must be done with them when it returns.
   */
  get(tables: readonly TableCells[], build: (tables: (RawTable | undefined)[]) => T): T {
    for (let e = 0; e < this.entries.length; e++) {
      const entry = this.entries[e];
      if (!holds(entry, tables)) continue;
      if (e > 0) {
        this.entries.splice(e, 1);
        this.entries.unshift(entry);
      }
      this.counts.hits++;
      return entry.value;
    }
    const copies = tables.map(({ name, cells }) => copyTableArgument(name, cells));
    const value = build(tables.map(({ name, cells }) => tableArgumentInPlace(name, cells)));
    this.counts.reads++;
    this.entries.unshift({ names: tables.map((t) => t.name), tables: copies, value });
    if (this.entries.length > this.size) this.entries.length = this.size;
    return value;
  }

  /** Forget every entry (tests; the taskpane could after writing to the tables, though it need not). */
  clear(): void {
    this.entries = [];
    this.counts.hits = 0;
    this.counts.reads = 0;
  }
}

function holds<T>(entry: Entry<T>, tables: readonly TableCells[]): boolean {
  if (entry.names.length !== tables.length) return false;
  for (let i = 0; i < tables.length; i++) if (entry.names[i] !== tables[i].name) return false;
  // Sizes first: a table that grew or shrank is told without reading any other table's cells.
  for (let i = 0; i < tables.length; i++) if (!sameSize(tables[i].cells, entry.tables[i])) return false;
  for (let i = 0; i < tables.length; i++) if (!sameTableArgument(tables[i].name, tables[i].cells, entry.tables[i])) return false;
  return true;
}

/** A quick look that can only say no: a table argument with another number of rows cannot give this table. */
function sameSize(cells: unknown, table: TableCopy | undefined): boolean {
  if (table === undefined || !Array.isArray(cells)) return true;
  return cells.length === table.rowCount + 1;
}
