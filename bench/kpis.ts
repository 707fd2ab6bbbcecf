// KPI figures: practiceKpis (collection rates, denial and first-pass rates, days in A/R and to pay) on
// the synthetic practice of bench/ledger.ts, against practiceKpis as it was before it read the ledger's
// columns (test/reports/before/kpis.ts: row objects through postingsByCharge, postingById and
// paymentById), on the same books in the same run. The ledger is built before any timing. The before
// figure is taken on a fresh ledger each run, as a report run meets one (its first call makes the
// by-id indexes), and once more with those indexes already made. Both must give the same KPIs, or the
// figures mean nothing (it throws). Each figure is the best of three runs. Returns figures; prints
// nothing.
import { isDeepStrictEqual } from "node:util";
import { buildLedger } from "../src/ledger/ledger";
import { agingReport, DEFAULT_BOUNDS } from "../src/reports/aging";
import { practiceKpis } from "../src/reports/kpis";
import * as before from "../test/reports/before/kpis";
import { syntheticBooks } from "./ledger";

const PERIOD = { from: "2026-05-01", to: "2026-07-31", asOf: "2026-07-31" };

export interface KpiFigures {
  lines: number;
  postings: number;
  /** practiceKpis, over the columns. */
  seconds: number;
  /** The aging report it includes (Days in A/R, % over 90 and 120), alone. */
  agingSeconds: number;
  /** The version before, its first call on a freshly built ledger (the by-id indexes made in it). */
  beforeSeconds: number;
  /** The version before, with the ledger's by-id indexes already made. */
  beforeIndexedSeconds: number;
  adjudicated: number;
}

function best<T>(runs: number, run: () => T): { seconds: number; value: T } {
  let fastest: { seconds: number; value: T } | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const value = run();
    const seconds = (performance.now() - start) / 1000;
    if (!fastest || seconds < fastest.seconds) fastest = { seconds, value };
  }
  return fastest!;
}

export function benchKpis(lines: number, postings: number): KpiFigures {
  const books = syntheticBooks(lines, postings);
  const ledger = buildLedger(books);
  const after = best(3, () => practiceKpis(ledger, PERIOD));
  const aging = best(3, () => agingReport(ledger, { asOf: PERIOD.asOf, bounds: DEFAULT_BOUNDS }));

  let beforeSeconds = Number.POSITIVE_INFINITY;
  let fresh = ledger;
  for (let r = 0; r < 3; r++) {
    fresh = buildLedger(books);
    const start = performance.now();
    before.practiceKpis(fresh, PERIOD);
    beforeSeconds = Math.min(beforeSeconds, (performance.now() - start) / 1000);
  }
  const indexed = best(3, () => before.practiceKpis(fresh, PERIOD));
  if (ledger.issues.length > 0 || !isDeepStrictEqual(after.value, indexed.value)) {
    throw new Error(`bench data invalid: ${ledger.issues.length} issues, or the KPIs differ from the version before`);
  }
  return {
    lines,
    postings,
    seconds: after.seconds,
    agingSeconds: aging.seconds,
    beforeSeconds,
    beforeIndexedSeconds: indexed.seconds,
    adjudicated: after.value.denialRate.inputs[1].value,
  };
}
