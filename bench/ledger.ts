// Ledger figures: indexing a practice's books (buildLedger), the balance of every service line
// (lineBalances) and the roll-ups by claim, patient and payer (balancesBy), on synthetic books laid
// out as parseTable gives them, columns with the rows made only when read (no workbook, no parsing:
// bench/engine.ts measures that). Issue 4's size is 1,000,000
// lines and 2,000,000 postings. The books look like a practice's: an insurer's payment with a
// contractual adjustment on each line, then PR moved to the patient, then patient payments and small
// write-offs for any further postings; self-pay lines paid at the desk.
import { addDays } from "../src/dates";
import { balancesBy, lineBalances } from "../src/ledger/balances";
import { buildLedger, type TableColumns } from "../src/ledger/ledger";
import type { ChargeRow, PayerRow, PaymentRow, PostingRow } from "../src/workbook/tables";

const PAYERS: PayerRow[] = [
  { payerId: "MCR", name: "Medicare", type: "Medicare" },
  { payerId: "MCD", name: "Medicaid", type: "Medicaid" },
  { payerId: "SHP", name: "Sample Health Plan", type: "Commercial" },
  { payerId: "LMI", name: "Lakes Mutual", type: "Commercial" },
  { payerId: "SELF", name: "Self-pay", type: "Self-pay" },
];
const LINES_PER_REMITTANCE = 100;

/** The synthetic books both ledger benchmarks run on (bench/aging.ts too); billed two days after service. */
export function syntheticBooks(lines: number, postings: number) {
  const patients = Math.max(1, Math.ceil(lines / 8));
  const days = Array.from({ length: 365 }, (_, d) => addDays("2025-07-01", d));
  const charges: ChargeRow[] = new Array(lines);
  for (let i = 0; i < lines; i++) {
    const dos = days[Math.floor((i * 365) / lines)];
    charges[i] = {
      chargeId: `L${i}`,
      claimId: `CL${Math.floor(i / 3)}`,
      patientId: `P${i % patients}`,
      payerId: PAYERS[i % PAYERS.length].payerId,
      dos,
      code: "99213",
      units: 1,
      amount: 10000 + (i % 5000),
      billedDate: addDays(dos, 2),
    };
  }
  const payments: PaymentRow[] = [];
  const rows: PostingRow[] = new Array(postings);
  const remittance = new Map<string, PaymentRow>();
  for (let k = 0; k < postings; k++) {
    const i = k % lines;
    const round = Math.floor(k / lines);
    const line = charges[i];
    const selfPay = line.payerId === "SELF";
    const date = addDays(line.dos, 20 + round * 15);
    const amount = line.amount;
    const id = `PS${k}`;
    if (round === 0 && !selfPay) {
      const key = `${line.payerId}|${Math.floor(i / LINES_PER_REMITTANCE)}`;
      let payment = remittance.get(key);
      if (!payment) {
        payment = {
          paymentId: `PM${payments.length}`,
          date,
          payerId: line.payerId,
          method: "EFT",
          reference: `TRN ${payments.length}`,
          amount: 0,
        };
        payments.push(payment);
        remittance.set(key, payment);
      }
      const paid = Math.round(amount * 0.6);
      payment.amount += paid;
      rows[k] = {
        postingId: id,
        paymentId: payment.paymentId,
        chargeId: line.chargeId,
        date,
        paid,
        adjustment: Math.round(amount * 0.3),
        group: "CO",
        reason: "45",
        source: "ERA",
      };
    } else if (round === 1 && !selfPay) {
      rows[k] = {
        postingId: id,
        paymentId: rows[i].paymentId,
        chargeId: line.chargeId,
        date: rows[i].date,
        group: "PR",
        reason: "2",
        patientResp: amount - Math.round(amount * 0.6) - Math.round(amount * 0.3),
        source: "ERA",
      };
    } else if (round <= 2) {
      const paid = selfPay ? Math.round(amount / 2) : 1000;
      const payment: PaymentRow = {
        paymentId: `PM${payments.length}`,
        date,
        patientId: line.patientId,
        method: "Card",
        reference: `AUTH ${k}`,
        amount: paid,
      };
      payments.push(payment);
      rows[k] = { postingId: id, paymentId: payment.paymentId, chargeId: line.chargeId, date, paid, source: "Manual" };
    } else {
      rows[k] = { postingId: id, chargeId: line.chargeId, date, adjustment: 100, group: "WO", reason: "small balance", source: "Manual" };
    }
  }
  return { charges, payments, postings: rows, payers: PAYERS };
}

/**
 * The books as parseTable now hands them over (TableColumns): each field's values as a column, the rows
 * made when first read. Made from the synthetic rows here (then dropped), as a clean table's read gives
 * them, so the build is timed on what the add-in builds from and the heap holds what it holds.
 */
export function parsedBooks(books: ReturnType<typeof syntheticBooks>) {
  const columnsOf = <R extends object>(rows: R[]): TableColumns<R> => {
    const seen = new Set<string>();
    for (const row of rows) for (const key in row) seen.add(key);
    const keys = [...seen];
    const columns: Record<string, unknown[]> = {};
    for (const key of keys) {
      const values = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = (rows[i] as Record<string, unknown>)[key];
      columns[key] = values;
    }
    const count = rows.length;
    let made: R[] | undefined;
    return {
      count,
      columns,
      // As parseTable makes them: an object per row with every column's key, made once.
      get rows(): R[] {
        if (!made) {
          made = new Array<R>(count);
          for (let i = 0; i < count; i++) {
            const row: Record<string, unknown> = {};
            for (const key of keys) row[key] = columns[key][i];
            made[i] = row as R;
          }
        }
        return made;
      },
    };
  };
  return {
    charges: columnsOf(books.charges),
    payments: columnsOf(books.payments),
    postings: columnsOf(books.postings),
    payers: columnsOf(books.payers),
  };
}

/**
 * parsedBooks of syntheticBooks, the rows let go: made in a function of its own so nothing of the rows is
 * left in the caller's frame when its heap is measured.
 */
export function parsedSyntheticBooks(lines: number, postings: number) {
  return parsedBooks(syntheticBooks(lines, postings));
}

/** Memory held, after a full collection: the JS heap plus typed arrays' buffers (kept outside it). */
function settledHeapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === "function") gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1e6;
}

/**
 * The floor of a ledger build: the least any ledger linking postings to lines by id must do. One Map
 * from ChargeID to position, each posting's line looked up in it, its cents and day copied into typed
 * arrays. No checks, no issues, no other column. It reads the columns the build reads.
 */
function floorBuild(books: ReturnType<typeof parsedBooks>): number {
  const start = performance.now();
  const chargeIds = books.charges.columns.chargeId as string[];
  const amounts = books.charges.columns.amount as number[];
  const lineOf = new Map<string, number>();
  const amount = new Float64Array(chargeIds.length);
  for (let i = 0; i < chargeIds.length; i++) {
    lineOf.set(chargeIds[i], i);
    amount[i] = amounts[i];
  }
  const postingCharges = books.postings.columns.chargeId as string[];
  const paids = books.postings.columns.paid as (number | undefined)[];
  const line = new Int32Array(postingCharges.length);
  const paid = new Float64Array(postingCharges.length);
  for (let k = 0; k < postingCharges.length; k++) {
    line[k] = lineOf.get(postingCharges[k]) ?? -1;
    paid[k] = paids[k] ?? 0;
  }
  const seconds = (performance.now() - start) / 1000;
  if (line.some((l) => l < 0) || amount.length !== chargeIds.length) throw new Error("bench floor invalid");
  return seconds;
}

export interface LedgerFigures {
  lines: number;
  postings: number;
  /** buildLedger as ledgerFromTables calls it (ids already checked unique by parseTable), best of three. */
  buildSeconds: number;
  /** The first of those three, the first build in the process. */
  firstBuildSeconds: number;
  /** buildLedger checking repeated ids itself, as for tables that did not come through parseTable. */
  buildCheckingIdsSeconds: number;
  /** The floor: a bare id-to-line link and two typed arrays. */
  floorSeconds: number;
  balanceSeconds: number;
  rollupSeconds: number;
  /** Heap of the books as parsed (parseTable's columns, no row objects), before any ledger. */
  booksMB: number;
  /** Heap the ledger adds to its books: its columns (the build's own indexes are let go). */
  ledgerMB: number;
  /** Heap with books, ledger, every line's balance object and the roll-ups held. */
  heapMB: number;
}

/** Seconds to index, balance and roll up `lines` service lines with `postings` postings; heap as it goes. */
export function benchLedger(lines: number, postings: number): LedgerFigures {
  const before = settledHeapMB();
  // The rows made, laid out as parseTable gives them, and let go: the books are the columns alone.
  const books = parsedSyntheticBooks(lines, postings);
  const booksMB = settledHeapMB() - before;
  // The build and its floor: the best of three runs each (on a shared machine other work only adds),
  // and the first build apart: it is the only one that writes to memory the process never used before,
  // which this VM makes expensive (about 3 ms a megabyte), as an add-in's first report would.
  let buildSeconds = Number.POSITIVE_INFINITY;
  let firstBuildSeconds = 0;
  let ledger: ReturnType<typeof buildLedger> | undefined;
  for (let r = 0; r < 3; r++) {
    ledger = undefined;
    const start = performance.now();
    ledger = buildLedger(books, [], {}, { keysChecked: true });
    const seconds = (performance.now() - start) / 1000;
    if (r === 0) firstBuildSeconds = seconds;
    buildSeconds = Math.min(buildSeconds, seconds);
  }
  if (!ledger) throw new Error("bench ledger not built");
  let floorSeconds = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) floorSeconds = Math.min(floorSeconds, floorBuild(books));
  const buildCheckingIdsSeconds = time(() => buildLedger(books, [], {}, { keysChecked: false }));
  const ledgerMB = settledHeapMB() - before - booksMB;
  let start = performance.now();
  const balances = lineBalances(ledger);
  const balanceSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const rollups = [balancesBy(balances, "claim"), balancesBy(balances, "patient"), balancesBy(balances, "payer")];
  const rollupSeconds = (performance.now() - start) / 1000;
  const heapMB = settledHeapMB();
  // The figures mean nothing if the books were not what they claim: every cent kept, no issue.
  const charged = (books.charges.columns.amount as number[]).reduce((s, c) => s + c, 0);
  const owed = rollups[2].reduce((s, g) => s + g.balance + g.credit + g.insurancePaid + g.patientPaid + g.adjustments, 0);
  if (ledger.issues.length > 0 || balances.length !== lines || owed !== charged) {
    throw new Error(`bench data invalid: ${ledger.issues.length} issues, ${balances.length} balances`);
  }
  return {
    lines,
    postings,
    buildSeconds,
    firstBuildSeconds,
    buildCheckingIdsSeconds,
    floorSeconds,
    balanceSeconds,
    rollupSeconds,
    booksMB,
    ledgerMB,
    heapMB,
  };
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}
