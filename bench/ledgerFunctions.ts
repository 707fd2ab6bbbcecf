// MEDBILL.BALANCES at worksheet scale: ONE call over a column of charge IDs, with the Charges, Postings,
// Payments and Payers tables passed as Excel hands them over (2-D arrays of cells, header row first:
// dates as serials, money as dollars), through the real exported function. The time includes reading
// and checking the four tables (parseTable), building the ledger, every line's balance and the
// lookups: all a recalculation of that column costs. The books are synthetic: two postings per line
// (the insurer's payment with its contractual adjustment, then the patient responsibility it moves),
// one remittance per 100 lines, a patient payment on every fourth line, self-pay lines paid at the
// desk. The cells are made before the clock starts. Returns figures, prints nothing.
//
// The second figure is the other way an office writes it: the formula filled down, many calls over the
// same tables (here 1,000 calls of 100 IDs each). Excel hands every call fresh arrays with
// fresh strings, so the calls alternate between two copies of the tables whose strings are distinct
// objects: a call that finds the tables unchanged still compares every cell's contents.
import { balanceBooks } from "../functions/ledgerFunctions";
import { BALANCES } from "../functions/functions";
import { addDays, isoToSerial } from "../src/dates";

type Cell = string | number | null;

const PAYERS: Cell[][] = [
  ["PayerID", "Payer Name", "Type"],
  ["MCR", "Medicare", "Medicare"],
  ["MCD", "Medicaid", "Medicaid"],
  ["SHP", "Sample Health Plan", "Commercial"],
  ["SELF", "Self-pay", "Self-pay"],
];
const PAYER_IDS = ["MCR", "MCD", "SHP", "SELF"];
const LINES_PER_REMITTANCE = 100;

/** The four tables for `lines` service lines, as cells. */
function syntheticTables(lines: number) {
  const days = Array.from({ length: 365 }, (_, d) => isoToSerial(addDays("2025-07-01", d)));
  const charges: Cell[][] = [["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code", "Units", "Amount"]];
  const postings: Cell[][] = [["PostingID", "PaymentID", "ChargeID", "Date", "Paid", "Adjustment", "Group", "Reason", "Patient Resp"]];
  const payments: Cell[][] = [["PaymentID", "Date", "PayerID", "PatientID", "Method", "Reference", "Amount"]];
  const remittanceOf = new Map<string, Cell>();
  for (let i = 0; i < lines; i++) {
    const payerId = PAYER_IDS[i % PAYER_IDS.length];
    const patientId = `P${i % Math.max(1, Math.ceil(lines / 8))}`;
    const dos = days[Math.floor((i * 365) / lines)];
    const cents = 10000 + (i % 5000);
    charges.push([`L${i}`, `CL${Math.floor(i / 3)}`, patientId, payerId, dos, "99213", 1, cents / 100]);
    if (payerId === "SELF") {
      const paymentId = `PM${payments.length}`;
      payments.push([paymentId, dos, null, patientId, "Card", `AUTH ${i}`, cents / 100]);
      postings.push([`T${postings.length}`, paymentId, `L${i}`, dos, cents / 100, null, null, null, null]);
      continue;
    }
    // One remittance per payer per 100 lines: a line goes on its own payer's latest one.
    if (i % LINES_PER_REMITTANCE < PAYER_IDS.length || !remittanceOf.has(payerId)) {
      remittanceOf.set(payerId, `PM${payments.length}`);
      payments.push([`PM${payments.length}`, dos + 20, payerId, null, "EFT", `TRN ${i}`, 0]);
    }
    const allowed = Math.round(cents * 0.7);
    const patientResp = Math.round(allowed * 0.2);
    const paid = allowed - patientResp;
    const paymentId = remittanceOf.get(payerId)!;
    postings.push([`T${postings.length}`, paymentId, `L${i}`, dos + 20, paid / 100, (cents - allowed) / 100, "CO", "45", null]);
    postings.push([`T${postings.length}`, paymentId, `L${i}`, dos + 20, null, null, "PR", "2", patientResp / 100]);
    if (i % 4 === 1) {
      const patientPayment = `PM${payments.length}`;
      payments.push([patientPayment, dos + 45, null, patientId, "Check", `CHK ${i}`, patientResp / 100]);
      postings.push([`T${postings.length}`, patientPayment, `L${i}`, dos + 45, patientResp / 100, null, null, null, null]);
    }
  }
  return { charges, postings, payments };
}

/** The runtime's error class, for Node: only its code and message are used. */
class BenchError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** The runtime stand-in Node needs while `run` calls the function. */
function withRuntime<T>(run: () => T): T {
  const globals = globalThis as { CustomFunctions?: unknown };
  const runtime = globals.CustomFunctions;
  globals.CustomFunctions ??= { Error: BenchError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
  try {
    return run();
  } finally {
    globals.CustomFunctions = runtime;
  }
}

/** A bench over answers that are all errors would measure nothing: the books must read clean. */
function countAmounts(answers: unknown[][]): number {
  return answers.reduce((n, row) => n + (typeof row[0] === "number" ? 1 : 0), 0);
}

/**
 * One MEDBILL.BALANCES call over `ids` charge IDs (100,000 for the figure), asking for the patient
 * share, after the tables changed (nothing kept). Three such calls, each on a fresh copy of the cells (new
 * arrays, new strings, as Excel hands over each call's arguments) made before its clock starts: the best
 * of three, on a shared machine where other work only adds, and the first apart (the first call in the
 * process, before the engine has compiled anything).
 */
export function benchBalancesFunction(ids: number): { ids: number; seconds: number; firstSeconds: number; idsPerSecond: number } {
  const tables = syntheticTables(ids);
  const column = tables.charges.slice(1).map((row) => [row[0]]);
  return withRuntime(() => {
    let seconds = Number.POSITIVE_INFINITY;
    let firstSeconds = 0;
    for (let run = 0; run < 3; run++) {
      const charges = freshCopy(tables.charges);
      const postings = freshCopy(tables.postings);
      const payments = freshCopy(tables.payments);
      balanceBooks.clear(); // a first read of the tables, as after a change
      const start = performance.now();
      const answers = BALANCES(column, charges, postings, payments, [["patient"]], null as never, PAYERS);
      const took = (performance.now() - start) / 1000;
      if (run === 0) firstSeconds = took;
      seconds = Math.min(seconds, took);
      const numbers = countAmounts(answers);
      if (numbers !== ids) throw new Error(`bench data invalid: ${ids - numbers} of ${ids} answers are not amounts`);
    }
    return { ids, seconds, firstSeconds, idsPerSecond: ids / seconds };
  });
}

/** The cells again, every string a distinct object: what the next call's arguments look like from Excel. */
function freshCopy(table: Cell[][]): Cell[][] {
  return table.map((row) => row.map((cell) => (typeof cell === "string" ? ` ${cell}`.slice(1) : cell)));
}

/**
 * `calls` MEDBILL.BALANCES calls of `ids` / `calls` IDs each over the same `ids`-line tables, as a column
 * filled down (one formula per block of rows). The first call reads the tables; the rest find them kept.
 */
export function benchBalancesCalls(
  ids: number,
  calls: number,
): { ids: number; calls: number; seconds: number; firstSeconds: number; laterCallMs: number; reads: number } {
  const { charges, postings, payments } = syntheticTables(ids);
  const copies = [0, 1].map(() => ({
    charges: freshCopy(charges),
    postings: freshCopy(postings),
    payments: freshCopy(payments),
    payers: freshCopy(PAYERS),
  }));
  const per = Math.ceil(ids / calls);
  const columns = Array.from({ length: calls }, (_, k) => charges.slice(1 + k * per, 1 + (k + 1) * per).map((row) => [row[0]]));
  return withRuntime(() => {
    balanceBooks.clear();
    let numbers = 0;
    let firstSeconds = 0;
    const start = performance.now();
    for (let k = 0; k < calls; k++) {
      const t = copies[k % 2];
      const answers = BALANCES(columns[k], t.charges, t.postings, t.payments, [["patient"]], null as never, t.payers);
      if (k === 0) firstSeconds = (performance.now() - start) / 1000;
      numbers += countAmounts(answers);
    }
    const seconds = (performance.now() - start) / 1000;
    if (numbers !== ids) throw new Error(`bench data invalid: ${ids - numbers} of ${ids} answers are not amounts`);
    const laterCallMs = calls > 1 ? ((seconds - firstSeconds) * 1000) / (calls - 1) : 0;
    return { ids, calls, seconds, firstSeconds, laterCallMs, reads: balanceBooks.counts.reads };
  });
}
