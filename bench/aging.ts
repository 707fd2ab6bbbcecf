// Aging figures: agingReport (balances as of a date, shares aged apart, details, credits) on a
// synthetic practice built the way bench/ledger.ts builds one (an insurer's payment with a CO-45 on
// each line, then PR moved to the patient, then patient payments and small write-offs), against two
// baselines in the same run (issue 6, "Benchmark"):
// (a) the floor: one pass over typed arrays that computes only the bucket sums by date of service, on
//     the full size (1,000,000 lines and 2,000,000 postings);
// (b) the office's way: the same aging as sheet formulas (one SUMIFS balance per line, one SUMIFS per
//     bucket) evaluated in HyperFormula, on the same books at 2,000 lines, since it grows quadratically.
// Both baselines must give the engine's bucket totals: the floor throws when they differ (the figures
// would mean nothing); the sheet's comparison is returned for the printout to show.
// Returns figures; prints nothing.
import { HyperFormula } from "hyperformula";
import { daysBetween, isoToSerial } from "../src/dates";
import { buildLedger } from "../src/ledger/ledger";
import { syntheticBooks } from "./ledger";
import { LineTally } from "../src/ledger/balances";
import { agingReport, bucketLabels } from "../src/reports/aging";
import type { Cents } from "../src/money";

const AS_OF = "2026-07-31";
const BOUNDS = [30, 60, 90, 120];
type Books = ReturnType<typeof syntheticBooks>;

/** The same books as typed arrays: line amount and age, and per posting its line, day and money off the balance. */
function typedBooks(books: Books) {
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
 * The aging an office builds in a workbook, evaluated by HyperFormula: Charges (ChargeID, DOS, Amount,
 * then per line a Balance by SUMIFS over Postings up to the as-of date and an Age), Postings (ChargeID,
 * Date, Paid, Adjustment, Group) and an Aging sheet with the as-of date and one SUMIFS per bucket over
 * the positive balances by age. Amounts in dollars and dates as serials, as a sheet holds them. PR
 * adjustments are left out of the balance, as the engine and the floor do. Seconds from laying out
 * the cells to reading the bucket totals (back in cents).
 */
function sheetAging(books: Books): { seconds: number; buckets: Cents[] } {
  const start = performance.now();
  const p = books.postings.length + 1;
  const c = books.charges.length + 1;
  const asOf = "Aging!$B$1";
  const postings = (column: string) => `Postings!$${column}$2:$${column}$${p}`;
  const offBalance = `,${postings("A")},A{n},${postings("B")},"<="&${asOf}`;
  const balance = `=C{n}-SUMIFS(${postings("C")}${offBalance})-SUMIFS(${postings("D")}${offBalance},${postings("E")},"<>PR")`;
  const chargesSheet: (string | number)[][] = [["ChargeID", "DOS", "Amount", "Balance", "Age"]];
  books.charges.forEach((charge, i) => {
    const n = String(i + 2);
    chargesSheet.push([charge.chargeId, isoToSerial(charge.dos), charge.amount / 100, balance.replaceAll("{n}", n), `=${asOf}-B${n}`]);
  });
  const postingsSheet: (string | number | null)[][] = [["ChargeID", "Date", "Paid", "Adjustment", "Group"]];
  for (const posting of books.postings) {
    postingsSheet.push([
      posting.chargeId,
      isoToSerial(posting.date),
      posting.paid === undefined ? null : posting.paid / 100,
      posting.adjustment === undefined ? null : posting.adjustment / 100,
      posting.group ?? null,
    ]);
  }
  const ages = `Charges!$E$2:$E$${c}`;
  const balances = `Charges!$D$2:$D$${c}`;
  const agingSheet: (string | number | null)[][] = [["As of", isoToSerial(AS_OF)], [], ["Bucket", "From", "To", "Balance"]];
  let low = 0;
  bucketLabels(BOUNDS).forEach((label, b) => {
    const n = b + 4;
    const high = b < BOUNDS.length ? BOUNDS[b] : null;
    const upTo = high === null ? "" : `,${ages},"<="&C${n}`;
    agingSheet.push([label, low, high, `=SUMIFS(${balances},${balances},">0",${ages},">="&B${n}${upTo})`]);
    if (high !== null) low = high + 1;
  });
  const hf = HyperFormula.buildFromSheets({ Charges: chargesSheet, Postings: postingsSheet, Aging: agingSheet }, { licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId("Aging")!;
  const buckets = BOUNDS.concat(0).map((_, b) => {
    const value = hf.getCellValue({ sheet, row: b + 3, col: 3 });
    return typeof value === "number" ? Math.round(value * 100) : NaN;
  });
  const seconds = (performance.now() - start) / 1000;
  hf.destroy();
  return { seconds, buckets };
}

/** The engine on the same small books as the sheet: building the ledger and the report, median of a few runs. */
function engineAging(books: Books): { seconds: number; buckets: Cents[] } {
  const times: number[] = [];
  let buckets: Cents[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    buckets = agingReport(buildLedger(books), { asOf: AS_OF, bounds: BOUNDS }).totals;
    times.push((performance.now() - start) / 1000);
  }
  return { seconds: times.sort((a, b) => a - b)[2], buckets };
}

export interface AgingFigures {
  lines: number;
  postings: number;
  /** agingReport on the full books. */
  agingSeconds: number;
  /** Of which, walking every line's balance (LineTally), timed again alone. */
  balancesSeconds: number;
  /** Making the report's details into objects, as the detail sheet or the CLI reads them. */
  detailsSeconds: number;
  detailCount: number;
  /** Making the sections' rows (a payer's or a patient's sums) into objects, as the aging sheet reads them. */
  rowsSeconds: number;
  rowCount: number;
  /** Baseline (a), on the full books. */
  floorSeconds: number;
  /** agingSeconds / floorSeconds. */
  ratio: number;
  total: Cents;
  /** Baseline (b), on the same books at `sheet.lines` lines. */
  sheet: {
    lines: number;
    postings: number;
    /** HyperFormula: laying out the cells, building and evaluating, reading the buckets. */
    seconds: number;
    /** The engine on those books: buildLedger and agingReport. */
    engineSeconds: number;
    /** seconds / engineSeconds: how many times the engine's time the sheet takes. */
    ratio: number;
    buckets: Cents[];
    engineBuckets: Cents[];
    /** False when the sheet's bucket totals differ from the engine's: the printout must say so. */
    matches: boolean;
  };
}

/**
 * Seconds for agingReport on `lines` lines and `postings` postings, for its balance walk alone, the
 * typed-array floor's, and the ratio of aging to floor; then the sheet baseline on `sheetLines` lines
 * (twice as many postings) against the engine on the same books.
 */
export function benchAging(lines: number, postings: number, sheetLines = 2_000): AgingFigures {
  const books = syntheticBooks(lines, postings);
  const ledger = buildLedger(books);
  const typed = typedBooks(books);
  // Each figure is the best of five runs, both sides alike: on a shared machine other work only ever
  // adds time, so the fastest run is the one that measured the code (a median still carried a
  // neighbour's load now and then).
  const best = <T>(run: () => T): { seconds: number; value: T } => {
    let fastest: { seconds: number; value: T } | undefined;
    for (let r = 0; r < 5; r++) {
      const start = performance.now();
      const value = run();
      const seconds = (performance.now() - start) / 1000;
      if (!fastest || seconds < fastest.seconds) fastest = { seconds, value };
    }
    return fastest!;
  };
  const { seconds: agingSeconds, value: report } = best(() => agingReport(ledger, { asOf: AS_OF, bounds: BOUNDS }));
  // How much of that is working out the line balances (which agingReport does once per line).
  const { seconds: balancesSeconds } = best(() => {
    const tally = new LineTally(ledger, AS_OF);
    for (let i = 0; i < ledger.charges.length; i++) tally.tally(i);
  });
  const { seconds: floorSeconds, value: floor } = best(() => floorBuckets(typed));
  // The summary rows and the shares behind them become objects only when read (the sheets, the CLI):
  // their cost.
  let start = performance.now();
  const rowCount = report.insurance.rows.length + report.patient.rows.length;
  const rowsSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const detailCount = report.details.length;
  const detailsSeconds = (performance.now() - start) / 1000;
  // The figures mean nothing unless both computed the same buckets.
  if (ledger.issues.length > 0 || floor.some((sum, b) => sum !== report.totals[b])) {
    throw new Error(`bench data invalid: ${ledger.issues.length} issues; buckets ${report.totals.join(",")} vs floor ${floor.join(",")}`);
  }

  const small = syntheticBooks(sheetLines, sheetLines * 2);
  const engine = engineAging(small);
  const sheet = sheetAging(small);
  return {
    lines,
    postings,
    agingSeconds,
    balancesSeconds,
    detailsSeconds,
    detailCount,
    rowsSeconds,
    rowCount,
    floorSeconds,
    ratio: agingSeconds / floorSeconds,
    total: report.total,
    sheet: {
      lines: sheetLines,
      postings: small.postings.length,
      seconds: sheet.seconds,
      engineSeconds: engine.seconds,
      ratio: sheet.seconds / engine.seconds,
      buckets: sheet.buckets,
      engineBuckets: engine.buckets,
      matches: sheet.buckets.length === engine.buckets.length && sheet.buckets.every((v, b) => v === engine.buckets[b]),
    },
  };
}
