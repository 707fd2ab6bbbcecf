// Aging figures: agingReport (balances as of a date, shares aged apart, details, credits) on a
// synthetic practice built the way bench/ledger.ts builds one (an insurer's payment with a CO-45 on
// each line, then PR moved to the patient, then patient payments and small write-offs), against the
// floor: one pass over typed arrays that computes only the bucket sums by date of service. Issue 6's
// size is 1,000,000 lines and 2,000,000 postings. Returns figures; prints nothing.
import { daysBetween } from "../src/dates";
import { buildLedger } from "../src/ledger/ledger";
import { syntheticBooks } from "./ledger";
import { lineBalances } from "../src/ledger/balances";
import { agingReport } from "../src/reports/aging";

const AS_OF = "2026-07-31";
const BOUNDS = [30, 60, 90, 120];

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
