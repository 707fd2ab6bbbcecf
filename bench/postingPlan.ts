// Posting-plan figures: one insurance payment (paid, CO-45 and a copay on every line) applied to
// `lines` open lines of a synthetic 100,000-line ledger in which half the lines were already paid.
// Times insurancePaymentPlan alone (checks, new IDs, cells, preview and predicted balances); the
// ledger is built from rows directly, so reading the workbook is not in the figure.
import { buildLedger } from "../src/ledger/ledger";
import { insurancePaymentPlan, type LineApplication, type PlanContext } from "../src/ledger/postingPlans";
import { mapColumns, rowToCells } from "../src/workbook/mapTable";
import { createTableOp } from "../src/workbook/plan";
import type { CellValue, RawTable } from "../src/workbook/port";
import { Payments, Postings, type ChargeRow, type PayerRow, type PaymentRow, type PostingRow } from "../src/workbook/tables";

const LEDGER_LINES = 100_000;
const PAYERS: PayerRow[] = [{ payerId: "MCR", name: "Medicare Part B", type: "Medicare" }];

function rawTable(def: typeof Payments | typeof Postings, rows: object[]): RawTable {
  const op = createTableOp(def);
  const mapping = mapColumns(def, op.headers);
  const cells = rows.map((row) => {
    const byHeader = rowToCells(def, mapping, row as Record<string, unknown>);
    return op.headers.map((h): CellValue => byHeader[h] ?? null);
  });
  return { name: def.name, sheet: def.name, headers: op.headers, rows: cells, rowCount: cells.length, headerRow: 1 };
}

export function benchPostingPlan(lines: number): { lines: number; seconds: number } {
  const charges: ChargeRow[] = [];
  for (let i = 0; i < LEDGER_LINES; i++) {
    charges.push({
      chargeId: `L${String(i + 1).padStart(6, "0")}`,
      claimId: `C${Math.floor(i / 3) + 1}`,
      patientId: `P${(i % 4000) + 1}`,
      payerId: "MCR",
      dos: `2026-0${1 + (i % 2)}-${String(1 + (i % 28)).padStart(2, "0")}`,
      code: "99213",
      amount: 10_000,
    });
  }
  const payments: PaymentRow[] = [];
  const postings: PostingRow[] = [];
  for (let i = 0; i < LEDGER_LINES; i += 2) {
    const paymentId = `PM${String(Math.floor(i / 1000) + 1).padStart(6, "0")}`;
    if (i % 1000 === 0)
      payments.push({ paymentId, date: "2026-02-10", payerId: "MCR", method: "EFT", reference: `TRN ${i}`, amount: 500 * 8000 });
    postings.push({
      postingId: `PS${String(postings.length + 1).padStart(7, "0")}`,
      paymentId,
      chargeId: charges[i].chargeId,
      date: "2026-02-10",
      paid: 8000,
      adjustment: 2000,
      group: "CO",
      reason: "45",
      source: "ERA",
    });
  }
  const ledger = buildLedger({ charges, payments, postings, payers: PAYERS });
  const tables = { Payments: rawTable(Payments, payments), Postings: rawTable(Postings, postings) };
  const ctx: PlanContext = {
    info: { sheets: ["Payments", "Postings"], tables: Object.values(tables), dateSystem: 1900 },
    tables,
    dateSystem: 1900,
    today: "2026-03-01",
  };
  const applications: LineApplication[] = [];
  for (let i = 1; applications.length < lines && i < LEDGER_LINES; i += 2) {
    applications.push({
      chargeId: charges[i].chargeId,
      paid: 7000,
      adjustments: [{ group: "CO", reason: "45", amount: 2000 }],
      patientResp: [{ reason: "3", amount: 1000 }],
    });
  }
  const start = performance.now();
  const result = insurancePaymentPlan(
    ledger,
    ctx,
    { from: { payerId: "MCR" }, date: "2026-02-20", method: "EFT", reference: "TRN 1", amount: 7000 * applications.length },
    applications,
  );
  const seconds = (performance.now() - start) / 1000;
  if (!result.ok || result.predicted.length !== applications.length) throw new Error("bench posting plan was refused");
  return { lines: applications.length, seconds };
}
