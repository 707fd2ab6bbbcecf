// KPI figures: practiceKpis (collection rates, denial and first-pass rates, days in A/R and to pay) on
// the synthetic practice of bench/ledger.ts, laid out as parseTable gives it (columns), with the aging
// report it includes timed alone. The ledger is built before any timing; each figure is the best of
// three runs. (Before issue 14 it read row objects through the by-id indexes: 5.62 s on these books.
// That version was held equal to this one on 8,000 random ledgers and then removed.) Returns figures;
// prints nothing.
import { buildLedger } from "../src/ledger/ledger";
import { agingReport, DEFAULT_BOUNDS } from "../src/reports/aging";
import { practiceKpis } from "../src/reports/kpis";
import { parsedSyntheticBooks } from "./ledger";
import { best } from "./benchHelpers";

const PERIOD = { from: "2026-05-01", to: "2026-07-31", asOf: "2026-07-31" };

export interface KpiFigures {
  lines: number;
  postings: number;
  /** practiceKpis, over the columns. */
  seconds: number;
  /** The aging report it includes (Days in A/R, % over 90 and 120), alone. */
  agingSeconds: number;
  adjudicated: number;
}

export function benchKpis(lines: number, postings: number): KpiFigures {
  const ledger = buildLedger(parsedSyntheticBooks(lines, postings), [], {}, { keysChecked: true });
  const after = best(3, () => practiceKpis(ledger, PERIOD));
  const aging = best(3, () => agingReport(ledger, { asOf: PERIOD.asOf, bounds: DEFAULT_BOUNDS }));
  const adjudicated = after.value.denialRate.inputs[1].value;
  // Figures over books that did not read clean, or with nothing adjudicated, would mean nothing.
  if (ledger.issues.length > 0 || !(adjudicated > 0)) throw new Error(`bench data invalid: ${ledger.issues.length} issues`);
  return { lines, postings, seconds: after.seconds, agingSeconds: aging.seconds, adjudicated };
}
