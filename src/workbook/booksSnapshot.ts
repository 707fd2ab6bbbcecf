// Whether the workbook still holds what a preview was built on. Offices share one workbook (Excel
// for the web co-authoring): between a preview and its Post someone else may post, reverse or edit
// rows, and a plan built on the older rows would then append IDs already taken or post money twice.
// So a preview keeps a fingerprint of each table it rests on (booksSnapshot), and every writer that
// applies a previewed plan does it through applyUnlessChanged: the tables are read again just before
// the write and, when one of them differs, nothing is written and the biller is told which table
// changed. The Audit table is never part of a snapshot: every write appends to it, a report too.
import { applyPlan, type AppliedPlan, type WritePlan } from "./plan";
import type { CellValue, RawTable, Workbook } from "./port";

/** Each table's fingerprint by name; null for a table the workbook did not have. */
export interface BooksSnapshot {
  tables: Record<string, string | null>;
}

/**
 * A table's fingerprint: its headers and every cell, hashed (53 bits, two 32-bit lanes). Equal
 * tables give equal fingerprints; any edited, added or removed row or header changes it.
 */
export function tableFingerprint(table: RawTable | undefined): string | null {
  if (!table) return null;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // A separator, so ["ab", "c"] and ["a", "bc"] differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  };
  const cell = (v: CellValue) => (v === null ? "\u0000" : typeof v === "string" ? `s${v}` : typeof v === "number" ? `n${v}` : `b${v}`);
  for (const header of table.headers) add(header);
  add(`#${table.rows.length}`);
  for (const row of table.rows) {
    for (const v of row) add(cell(v));
    add("\n");
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${table.rows.length}:${hash.toString(36)}`;
}

/** The fingerprints of the named tables as read (Audit is left out: every write appends to it). */
export function booksSnapshot(tables: Record<string, RawTable | undefined>, names: string[]): BooksSnapshot {
  const out: Record<string, string | null> = {};
  for (const name of names) {
    if (name.toLowerCase() === "audit") continue;
    out[name] = tableFingerprint(tables[name]);
  }
  return { tables: out };
}

/** The tables of the snapshot that differ in tables read since (a writer that reads again anyway passes its own read). */
export function changedTables(snapshot: BooksSnapshot, now: Record<string, RawTable | undefined>): string[] {
  return Object.keys(snapshot.tables).filter((name) => tableFingerprint(now[name]) !== snapshot.tables[name]);
}

/** The tables of the snapshot that the workbook now holds otherwise, read again in one call; empty when none. */
export async function changedSince(workbook: Workbook, snapshot: BooksSnapshot): Promise<string[]> {
  const names = Object.keys(snapshot.tables);
  if (names.length === 0) return [];
  return changedTables(snapshot, await workbook.readTables(names));
}

/** "The Payments table", "The Payments and Postings tables", "The Charges, Payments and Postings tables". */
function tablesWords(names: string[]): string {
  if (names.length === 1) return `The ${names[0]} table`;
  return `The ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} tables`;
}

/**
 * The biller's sentence for a refused write: "The Payments table changed since this preview
 * (someone else may be posting): preview again before posting. Nothing was written."
 */
export function staleMessage(changed: string[], doing: string = "posting", who: string = "someone else may be posting"): string {
  return `${tablesWords(changed)} changed since this preview (${who}): preview again before ${doing}. Nothing was written.`;
}

export type GuardedApply = { ok: true; applied: AppliedPlan } | { ok: false; error: string; changed: string[] };

/**
 * Apply a previewed plan only when the tables it rests on are as they were at the preview: read them
 * again first and, when one differs, write nothing and say which changed. There is still a moment
 * between this read and the write; it is as short as the host allows (two calls).
 */
export async function applyUnlessChanged(
  workbook: Workbook,
  plan: WritePlan,
  snapshot: BooksSnapshot,
  options: { now?: Date; doing?: string } = {},
): Promise<GuardedApply> {
  const changed = await changedSince(workbook, snapshot);
  if (changed.length > 0) return { ok: false, error: staleMessage(changed, options.doing), changed };
  return { ok: true, applied: await applyPlan(workbook, plan, options.now) };
}
