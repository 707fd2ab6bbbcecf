// Hand-made ledgers for tests: one small builder per ledger row (Charges, Payments, Postings, Payers)
// with defaults a test overrides only where it matters, a default payer list, and the same rows laid
// out as a MemoryWorkbook (through rowToCells, as the add-in writes them) for tests that read.
// Amounts are cents. Shared by the ledger, posting, functions and panel tests; the statement
// fixtures lay out their tables with tableOf too.
import type { DateSystem } from "../../src/dates";
import { buildLedger, type Ledger } from "../../src/ledger/ledger";
import { mapColumns, rowToCells } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { createTableOp } from "../../src/workbook/plan";
import type { CellValue } from "../../src/workbook/port";
import {
  Charges,
  Payers,
  Payments,
  Postings,
  type ChargeRow,
  type PayerRow,
  type PaymentRow,
  type PostingRow,
  type TableDef,
} from "../../src/workbook/tables";

/** Medicare (MCR) as primary, a commercial plan (SEC) often secondary, and the self-pay "payer". */
export const FIXTURE_PAYERS: PayerRow[] = [
  { payerId: "MCR", name: "Medicare Part B", type: "Medicare", timelyFilingDays: 365 },
  { payerId: "SEC", name: "Second Health Plan", type: "Commercial", timelyFilingDays: 180 },
  { payerId: "SELF", name: "Self-pay", type: "Self-pay" },
];

/** A service line: $100.00 of 99213 on 2026-01-05 for patient P1 on claim CL1, billed to MCR. */
export function charge(chargeId: string, fields: Partial<ChargeRow> = {}): ChargeRow {
  return {
    chargeId,
    claimId: "CL1",
    patientId: "P1",
    payerId: "MCR",
    dos: "2026-01-05",
    code: "99213",
    units: 1,
    amount: 10000,
    ...fields,
  };
}

/** A payment received 2026-02-01: from MCR by EFT unless `fields` gives a patientId (then from the patient, by card). */
export function payment(paymentId: string, amount: number, fields: Partial<PaymentRow> = {}): PaymentRow {
  const fromPatient = fields.patientId !== undefined && fields.payerId === undefined;
  return {
    paymentId,
    date: "2026-02-01",
    ...(fromPatient
      ? { method: "Card" as const, reference: `AUTH ${paymentId}` }
      : { payerId: "MCR", method: "EFT" as const, reference: `TRN ${paymentId}` }),
    amount,
    ...fields,
  };
}

/** A refund of `amount` cents (given positive) from a payment, as a negative Payments row naming it. */
export function refund(paymentId: string, of: string, amount: number, fields: Partial<PaymentRow> = {}): PaymentRow {
  return { paymentId, date: "2026-03-01", method: "Check", reference: `REFUND ${of}`, amount: -amount, ...fields };
}

/** A posting to a line, dated 2026-02-01, with nothing in it but what `fields` gives. */
export function posting(postingId: string, chargeId: string, fields: Partial<PostingRow> = {}): PostingRow {
  return { postingId, chargeId, date: "2026-02-01", source: "Manual", ...fields };
}

/** The reversal of a posting: the same row with every amount negated, pointing at the original. */
export function reversal(postingId: string, original: PostingRow, fields: Partial<PostingRow> = {}): PostingRow {
  const negate = (v: number | undefined) => (v === undefined ? undefined : -v);
  const row: PostingRow = {
    ...original,
    postingId,
    paid: negate(original.paid),
    adjustment: negate(original.adjustment),
    patientResp: negate(original.patientResp),
    reverses: original.postingId,
    note: "Reversal",
    ...fields,
  };
  for (const key of Object.keys(row) as (keyof PostingRow)[]) if (row[key] === undefined) delete row[key];
  return row;
}

export interface FixtureTables {
  charges: ChargeRow[];
  payments?: PaymentRow[];
  postings?: PostingRow[];
  /** FIXTURE_PAYERS unless given. */
  payers?: PayerRow[];
}

export function ledgerOf(tables: FixtureTables): Ledger {
  return buildLedger({
    charges: tables.charges,
    payments: tables.payments ?? [],
    postings: tables.postings ?? [],
    payers: tables.payers ?? FIXTURE_PAYERS,
  });
}

/** Rows as a table of a memory workbook, with Setup's headers, written as the add-in writes them (rowToCells). */
export function tableOf(def: TableDef, rows: object[], dateSystem: DateSystem) {
  const op = createTableOp(def);
  const mapping = mapColumns(def, op.headers);
  const cells = rows.map((row) => {
    const byHeader = rowToCells(def, mapping, row as Record<string, unknown>, dateSystem);
    return op.headers.map((h): CellValue => byHeader[h] ?? null);
  });
  return { name: def.name, headers: op.headers, rows: cells };
}

/** The rows as Charges, Payments, Postings and Payers tables of a memory workbook. */
export function ledgerWorkbook(tables: FixtureTables, dateSystem: DateSystem = 1900): MemoryWorkbook {
  return MemoryWorkbook.withTables(
    [
      tableOf(Charges, tables.charges, dateSystem),
      tableOf(Payments, tables.payments ?? [], dateSystem),
      tableOf(Postings, tables.postings ?? [], dateSystem),
      tableOf(Payers, tables.payers ?? FIXTURE_PAYERS, dateSystem),
    ],
    dateSystem,
  );
}
