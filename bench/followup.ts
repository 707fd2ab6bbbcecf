// The follow-up worklists (issue 15) over a million-line sample practice (src/sample: its denials left to
// work, claims the payer never answered, claims near their filing limit, lines paid under contract),
// against the aging report's walk over the same ledger in the same run: both walk every line's balance
// once, so the ratio says what the lists add to that walk. The sample is made and its ledger built
// before any timing; each figure is the best of three. Returns figures; prints nothing.
import { contractsInTables } from "../src/contracts/contracts";
import { underpaidLines } from "../src/contracts/underpaid";
import { followUpSettings } from "../src/followup/followUpBooks";
import { FollowUpBook } from "../src/followup/standing";
import { followUpLists, type FollowUpLists } from "../src/followup/worklists";
import { ledgerFromTables } from "../src/ledger/ledger";
import { agingReport, DEFAULT_BOUNDS } from "../src/reports/aging";
import { SAMPLE_AS_OF } from "../src/sample/practiceSample";
import { best, sampleTables } from "./benchHelpers";

export interface FollowUpFigures {
  lines: number;
  postings: number;
  /** Making the sample's tables (not part of any figure). */
  sampleSeconds: number;
  /** followUpLists: all four lists (the underpaid one included). */
  listsSeconds: number;
  /** The underpaid list alone (its own walk over the lines). */
  underpaidSeconds: number;
  /** agingReport over the same ledger. */
  agingSeconds: number;
  counts: { denied: number; underpaid: number; silent: number; nearLimit: number };
}

export function benchFollowUp(lines: number): FollowUpFigures {
  const { tables, seconds: sampleSeconds } = sampleTables(lines);
  const ledger = ledgerFromTables(tables, 1900);
  const contracts = contractsInTables(tables, 1900);
  const { settings } = followUpSettings(tables.Practice, 1900);
  if (ledger.issues.length > 0 || !contracts.rates)
    throw new Error(`bench data invalid: ${ledger.issues.length} issues, rates ${contracts.rates ? "read" : "missing"}`);
  const rates = contracts.rates;
  const options = {
    asOf: SAMPLE_AS_OF,
    settings,
    book: new FollowUpBook([], SAMPLE_AS_OF),
    contracts: { rates, tolerance: contracts.tolerance },
  };
  const lists = best(3, (): FollowUpLists => followUpLists(ledger, options));
  const underpaid = best(3, () => underpaidLines(ledger, rates, { asOf: SAMPLE_AS_OF, tolerance: contracts.tolerance }));
  const aging = best(3, () => agingReport(ledger, { asOf: SAMPLE_AS_OF, bounds: DEFAULT_BOUNDS }));
  const found = lists.value;
  return {
    lines: ledger.columns.lineAmount.length,
    postings: ledger.columns.postingDate.length,
    sampleSeconds,
    listsSeconds: lists.seconds,
    underpaidSeconds: underpaid.seconds,
    agingSeconds: aging.seconds,
    counts: {
      denied: found.denied.length,
      underpaid: found.underpaid?.length ?? 0,
      silent: found.silent.length,
      nearLimit: found.nearLimit.length,
    },
  };
}
