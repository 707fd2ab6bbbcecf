// The workbook the acknowledgement tests import into: Charges with claims CL1-CL7 and ClaimStatus
// with the "Billed" rows our 837P exports wrote (group control numbers 41-45), as the add-in writes
// them. CL7 went out in group 41, then again in group 42, so only 42 is its latest billing.
import { readFileSync } from "node:fs";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { Charges, ClaimStatus, type ClaimStatusRow } from "../../src/workbook/tables";
import { charge, tableOf } from "../ledger/ledgerFixtures";

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

const billed = (claimId: string, payerId: string, controlNumber: string, date: string): ClaimStatusRow => ({
  date,
  claimId,
  payerId,
  sequence: "Primary",
  event: "Billed",
  source: "837P",
  controlNumber,
});

export const BILLED: ClaimStatusRow[] = [
  billed("CL7", "MCR", "41", "2026-03-10"),
  billed("CL1", "MCR", "42", "2026-03-16"),
  billed("CL2", "MCR", "42", "2026-03-16"),
  billed("CL7", "MCR", "42", "2026-03-16"),
  billed("CL3", "SEC", "43", "2026-03-16"),
  billed("CL4", "MCR", "44", "2026-03-17"),
  billed("CL5", "SEC", "44", "2026-03-17"),
  billed("CL6", "SEC", "45", "2026-03-17"),
];

export const CHARGES = [
  charge("L1", { claimId: "CL1" }),
  charge("L2", { claimId: "CL2" }),
  charge("L3", { claimId: "CL2", code: "99999" }),
  charge("L4", { claimId: "CL3", payerId: "SEC" }),
  charge("L5", { claimId: "CL4" }),
  charge("L6", { claimId: "CL5", payerId: "SEC" }),
  charge("L7", { claimId: "CL6", payerId: "SEC" }),
  charge("L8", { claimId: "CL7" }),
];

/** The workbook, with ClaimStatus (unless `withHistory` is false) holding BILLED. */
export function ackWorkbook(withHistory = true): MemoryWorkbook {
  const tables = [tableOf(Charges, CHARGES, 1900)];
  if (withHistory) tables.push(tableOf(ClaimStatus, BILLED, 1900));
  return MemoryWorkbook.withTables(tables);
}

/** A table of the workbook as objects by header. */
export function rowsOf(book: MemoryWorkbook, name: string): Record<string, unknown>[] {
  const t = book.sheets.find((s) => s.table?.name === name)?.table;
  if (!t) return [];
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}
