// Patient A/R to the end (issue 17) over a million-line sample practice: the credit balances list, the
// payment plans' standing, the accounts already sent to an agency (their bad debt read back) and the
// month-end close report of the sample's last month, each against the aging report's walk over the same
// ledger in the same run (every one of them walks each line's balance at least once, so the ratio says
// what each adds to that walk). The sample has no payment plans: one is made for every 20th patient
// with a patient balance (installment a tenth of it, from three months before the as-of date). The
// sample is made and its ledger built before any timing; each figure is the best of three.
import { badDebtAccounts } from "../src/collections/badDebt";
import { closeReport } from "../src/close/closeReport";
import { creditBalances } from "../src/credits/creditBalances";
import { addDays, type IsoDate } from "../src/dates";
import { ledgerFromTables } from "../src/ledger/ledger";
import { patientBalances } from "../src/plans/planBooks";
import { planStandings, type PaymentPlan } from "../src/plans/paymentPlans";
import { agingReport, DEFAULT_BOUNDS } from "../src/reports/aging";
import { SAMPLE_AS_OF } from "../src/sample/practiceSample";
import { best, sampleTables } from "./benchHelpers";

export interface AccountsFigures {
  lines: number;
  postings: number;
  sampleSeconds: number;
  credits: { seconds: number; count: number; firstSeconds: number };
  plans: { seconds: number; count: number; missed: number };
  badDebt: { seconds: number };
  close: { seconds: number; ties: boolean };
  agingSeconds: number;
}

export function benchAccounts(lines: number): AccountsFigures {
  const { tables, seconds: sampleSeconds } = sampleTables(lines);
  const ledger = ledgerFromTables(tables, 1900);
  if (ledger.issues.length > 0) throw new Error(`bench data invalid: ${ledger.issues.length} issues`);
  const asOf: IsoDate = SAMPLE_AS_OF;

  const firstStart = performance.now();
  creditBalances(ledger, asOf);
  const firstSeconds = (performance.now() - firstStart) / 1000;
  const credits = best(3, () => creditBalances(ledger, asOf));

  const plans: PaymentPlan[] = [];
  let n = 0;
  for (const [patientId, owed] of patientBalances(ledger, asOf)) {
    if (owed <= 0 || n++ % 20 !== 0) continue;
    const installment = Math.max(100, Math.round(owed / 10));
    plans.push({
      paymentPlanId: `PP${plans.length + 1}`,
      patientId,
      startDate: addDays(asOf, -90),
      installment,
      total: owed,
      sheetRow: 0,
      bodyIndex: 0,
    });
  }
  const standings = best(3, () => planStandings(ledger, plans, asOf, 10));
  const badDebt = best(3, () => badDebtAccounts(ledger));
  const close = best(3, () => closeReport(ledger, "2026-06-01", "2026-06-30"));
  const aging = best(3, () => agingReport(ledger, { asOf, bounds: DEFAULT_BOUNDS }));
  return {
    lines: ledger.columns.lineAmount.length,
    postings: ledger.columns.postingDate.length,
    sampleSeconds,
    credits: { seconds: credits.seconds, count: credits.value.length, firstSeconds },
    plans: { seconds: standings.seconds, count: plans.length, missed: standings.value.filter((s) => s.missed).length },
    badDebt: { seconds: badDebt.seconds },
    close: { seconds: close.seconds, ties: close.value.ties },
    agingSeconds: aging.seconds,
  };
}
