// Aging figures: agingReport (balances as of a date, shares aged apart, details, credits) on a
// synthetic practice built the way bench/ledger.ts builds one (an insurer's payment with a CO-45 on
// each line, then PR moved to the patient, then patient payments and small write-offs), against the
// floor: one pass over typed arrays that computes only the bucket sums by date of service. Issue 6's
// size is 1,000,000 lines and 2,000,000 postings. Returns figures; prints nothing.
import { addDays, daysBetween } from "../src/dates";
import { buildLedger } from "../src/ledger/ledger";
import { lineBalances } from "../src/ledger/balances";
import { agingReport } from "../src/reports/aging";
import type { ChargeRow, PayerRow, PaymentRow, PostingRow } from "../src/workbook/tables";

const PAYERS: PayerRow[] = [
  { payerId: "MCR", name: "Medicare", type: "Medicare" },
  { payerId: "MCD", name: "Medicaid", type: "Medicaid" },
  { payerId: "SHP", name: "Sample Health Plan", type: "Commercial" },
  { payerId: "LMI", name: "Lakes Mutual", type: "Commercial" },
  { payerId: "SELF", name: "Self-pay", type: "Self-pay" },
];
const LINES_PER_REMITTANCE = 100;
const AS_OF = "2026-07-31";
const BOUNDS = [30, 60, 90, 120];

function syntheticBooks(lines: number, postings: number) {
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

/** The same books as typed arrays: line amount and age, and per posting its line, day and money off the balance. */
function typedBooks(books: ReturnType<typeof syntheticBooks>) {
  const lineOf = new Map<string, number>();
  const amount = new Int32Array(books.charges.length);
  const age = new Int32Array(books.charges.length);
  books.charges.forEach((c, i) => {
    lineOf.set(c.chargeId, i);
    amount[i] = c.amount;
    age[i] = daysBetween(c.dos, AS_OF);
  });
  const line = new Int32Array(books.postings.length);
  const off = new Int32Array(books.postings.length);
  const dayToAsOf = new Int32Array(books.postings.length);
  books.postings.forEach((p, k) => {
    line[k] = lineOf.get(p.chargeId)!;
    // Patient Resp moves money between shares: it never changes the balance.
    off[k] = (p.paid ?? 0) + (p.group === "PR" ? 0 : (p.adjustment ?? 0));
    dayToAsOf[k] = daysBetween(p.date, AS_OF);
  });
  return { amount, age, line, off, dayToAsOf };
}

/** The floor: balances and bucket sums by DOS, credits left out, and nothing else. */
function floorBuckets(t: ReturnType<typeof typedBooks>): number[] {
  const balance = Float64Array.from(t.amount);
  for (let k = 0; k < t.line.length; k++) if (t.dayToAsOf[k] >= 0) balance[t.line[k]] -= t.off[k];
  const sums = [0, 0, 0, 0, 0];
  for (let i = 0; i < balance.length; i++) {
    const b = balance[i];
    if (b <= 0 || t.age[i] < 0) continue;
    const a = t.age[i];
    sums[a <= BOUNDS[0] ? 0 : a <= BOUNDS[1] ? 1 : a <= BOUNDS[2] ? 2 : a <= BOUNDS[3] ? 3 : 4] += b;
  }
  return sums;
}

/**
 * Seconds for agingReport on `lines` lines and `postings` postings, for the lineBalances call inside it
 * (timed again alone), the typed-array floor's, and the ratio of aging to floor.
 */
export function benchAging(
  lines: number,
  postings: number,
): { lines: number; postings: number; agingSeconds: number; balancesSeconds: number; floorSeconds: number; ratio: number; total: number } {
  const books = syntheticBooks(lines, postings);
  const ledger = buildLedger(books);
  const typed = typedBooks(books);
  let start = performance.now();
  const report = agingReport(ledger, { asOf: AS_OF, bounds: BOUNDS });
  const agingSeconds = (performance.now() - start) / 1000;
  // How much of that is the ledger's own line balances (which agingReport calls once).
  start = performance.now();
  lineBalances(ledger, AS_OF);
  const balancesSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const floor = floorBuckets(typed);
  const floorSeconds = (performance.now() - start) / 1000;
  // The figures mean nothing unless both computed the same buckets.
  if (ledger.issues.length > 0 || floor.some((sum, b) => sum !== report.totals[b])) {
    throw new Error(`bench data invalid: ${ledger.issues.length} issues; buckets ${report.totals.join(",")} vs floor ${floor.join(",")}`);
  }
  return { lines, postings, agingSeconds, balancesSeconds, floorSeconds, ratio: agingSeconds / floorSeconds, total: report.total };
}
