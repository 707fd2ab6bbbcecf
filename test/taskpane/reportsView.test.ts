// What the Reports panel shows, as plain data: the aging's headline on a hand-made ledger whose
// figures are worked out in the comments, the chart's series (adding up to the report, one colour
// each, dollars on the axis) and what a screen reader hears, the KPIs as text, the worklist in one
// sentence, the problems as a count, and the success message naming every sheet written.
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/dates";
import { agingByPayerType, agingReport } from "../../src/reports/aging";
import { practiceKpis } from "../../src/reports/kpis";
import type { CollectionsWorklist } from "../../src/reports/collections";
import {
  SERIES_COLORS,
  agingChartView,
  agingHeadline,
  collectionsSummary,
  daysText,
  dollarTick,
  kpiRows,
  kpiValue,
  percentText,
  problemsNotice,
  writtenMessage,
} from "../../taskpane/reports/reportView";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

const AS_OF = "2026-06-30";
const daysBefore = (age: number) => addDays(AS_OF, -age);

// A/R of $1,000 as of 2026-06-30, by date of service:
// - A: $200 to MCR (Medicare), 10 days old.
// - B: $300 to MCR, 100 days old (over 90).
// - C: $400 to SEC (Commercial), 45 days old; the payer paid $300 with $100 moved to the patient (PR):
//   insurance share $0, patient share $100, 45 days old.
// - D: $400 to SEC, 200 days old, $400 still with the payer (over 90 and over 120).
// - E: $100 to MCR, paid $150 on the date of service: a credit of $50, listed apart.
// - F: served after the as-of date: left out.
// Total A/R = 200 + 300 + 100 + 400 = $1,000; over 90 = 300 + 400 = $700 = 70.0%.
function books() {
  return ledgerOf({
    charges: [
      charge("A", { dos: daysBefore(10), amount: 20000, payerId: "MCR" }),
      charge("B", { dos: daysBefore(100), amount: 30000, payerId: "MCR" }),
      charge("C", { dos: daysBefore(45), amount: 40000, payerId: "SEC" }),
      charge("D", { dos: daysBefore(200), amount: 40000, payerId: "SEC" }),
      charge("E", { dos: daysBefore(20), amount: 10000, payerId: "MCR" }),
      charge("F", { dos: addDays(AS_OF, 3), amount: 12300, payerId: "MCR" }),
    ],
    payments: [
      payment("PC", 30000, { date: daysBefore(30), payerId: "SEC" }),
      payment("PE", 15000, { date: daysBefore(20), payerId: "MCR" }),
    ],
    postings: [
      posting("P1", "C", { paymentId: "PC", paid: 30000, patientResp: 10000, date: daysBefore(30) }),
      posting("P2", "E", { paymentId: "PE", paid: 15000, date: daysBefore(20) }),
    ],
  });
}

describe("the aging's headline", () => {
  const ledger = books();
  const report = agingReport(ledger, { asOf: AS_OF });
  const kpis = practiceKpis(ledger, { from: "2026-04-01", to: AS_OF, asOf: AS_OF });

  it("has the total with its shares, % over 90 and days in A/R, and says what was kept apart", () => {
    const headline = agingHeadline(report, kpis);
    expect(headline.figures).toEqual([
      { id: "total", label: "Total A/R", value: "$1,000.00", detail: "Insurance $900.00 · patient $100.00" },
      { id: "over90", label: "Over 90 days", value: "70.0%", detail: "of A/R" },
      { id: "daysInAr", label: "Days in A/R", value: kpis.daysInAr.value!.toFixed(1), detail: "on the last 3 months' charges" },
    ]);
    // (A/R − credits) ÷ (charges served in the 3 months ÷ days in them): A, C and E were served in them.
    const window = 20000 + 40000 + 10000;
    expect(kpis.daysInAr.inputs[2].value).toBe(window);
    expect(kpis.daysInAr.value).toBeCloseTo((100000 - 5000) / (window / (kpis.daysInAr.inputs[3].value as number)), 9);
    expect(headline.notes).toEqual([
      "Credits: $50.00 on 1 line, kept apart from the buckets.",
      "Left out: 1 line with a date of service after 2026-06-30.",
    ]);
    expect(headline.parameters).toEqual([
      "As of 2026-06-30, aged by date of service",
      "Buckets 0-30, 31-60, 61-90, 91-120, 120+",
      "Insurance by payer, patient by account",
    ]);
  });

  it("says the basis of % over 90 when the report ages by another date, and the grouping chosen", () => {
    const billed = agingReport(ledger, { asOf: AS_OF, basis: "billed", by: "payer" });
    const headline = agingHeadline(billed, kpis, "payer");
    expect(headline.figures[1].detail).toBe("of A/R, by date of service");
    expect(headline.parameters).toEqual([
      "As of 2026-06-30, aged by billed date",
      "Buckets 0-30, 31-60, 61-90, 91-120, 120+",
      "Both by payer",
    ]);
  });

  it("says n/a when there is nothing to measure", () => {
    const empty = ledgerOf({ charges: [] });
    const headline = agingHeadline(
      agingReport(empty, { asOf: AS_OF }),
      practiceKpis(empty, { from: "2026-04-01", to: AS_OF, asOf: AS_OF }),
    );
    expect(headline.figures.map((f) => f.value)).toEqual(["$0.00", "n/a", "n/a"]);
    expect(headline.figures[2].detail).toBe("no charges in the last 3 months");
    expect(headline.notes).toEqual(["No credit balances."]);
  });
});

describe("the chart", () => {
  const ledger = books();
  const report = agingReport(ledger, { asOf: AS_OF });
  const view = agingChartView(report.buckets, agingByPayerType(report, ledger.payers));

  it("stacks Medicare, Commercial and Patient, adding up to the report's buckets", () => {
    expect(view.labels).toEqual(["0-30", "31-60", "61-90", "91-120", "120+"]);
    expect(view.series.map((s) => [s.name, s.cents])).toEqual([
      ["Medicare", [20000, 0, 0, 30000, 0]],
      ["Commercial", [0, 0, 0, 0, 40000]],
      ["Patient", [0, 10000, 0, 0, 0]],
    ]);
    expect(view.totals).toEqual(report.totals);
    expect(view.series[0].dollars).toEqual([200, 0, 0, 300, 0]);
    expect(view.series.map((s) => s.color)).toEqual([SERIES_COLORS.Medicare, SERIES_COLORS.Commercial, SERIES_COLORS.Patient]);
    expect(new Set(Object.values(SERIES_COLORS)).size).toBe(Object.keys(SERIES_COLORS).length);
  });

  it("tells a screen reader the totals by bucket and the largest series", () => {
    expect(view.summary).toBe(
      "A/R by age, stacked by payer type. Total $1,000.00: 0-30 days $200.00; 31-60 days $100.00; 61-90 days $0.00; 91-120 days $300.00; 120+ days $400.00. Largest: Medicare $500.00.",
    );
    expect(agingChartView(["0-30", "30+"], []).summary).toBe("A/R by age, stacked by payer type: nothing is owed.");
  });

  it("gives a series of an unlisted type a colour of its own", () => {
    const odd = agingChartView(["0-30"], [{ name: "Veterans", buckets: [100], total: 100 }]);
    expect(odd.series[0].color).toMatch(/^#[0-9a-f]{6}$/);
    expect(Object.values(SERIES_COLORS)).not.toContain(odd.series[0].color);
  });

  it("writes dollars on the axis, short", () => {
    expect([0, 950, 999.6, 1000, 1250, 9960, 12_400, 999_400, 999_950, 1_250_000, -2500].map(dollarTick)).toEqual([
      "$0",
      "$950",
      "$1000",
      "$1K",
      "$1.3K",
      "$10K",
      "$12K",
      "$999K",
      "$1M",
      "$1.3M",
      "-$2.5K",
    ]);
  });
});

describe("the other reports", () => {
  it("lists the KPIs in the sheet's order with their values as text", () => {
    const kpis = practiceKpis(books(), { from: "2026-04-01", to: AS_OF, asOf: AS_OF });
    const rows = kpiRows(kpis);
    expect(rows.slice(0, 7).map((r) => r.name)).toEqual([
      "Days in A/R",
      "Net collection rate",
      "Gross collection rate",
      "Denial rate",
      "First-pass resolution rate",
      "% of A/R over 90 days",
      "% of A/R over 120 days",
    ]);
    expect(rows[5]).toMatchObject({ value: "70.0%" });
    // Over 120: D's $400 of $1,000.
    expect(rows[6]).toMatchObject({ value: "40.0%" });
    expect(rows[0].value).toBe(`${kpis.daysInAr.value!.toFixed(1)} days`);
    expect(rows[0].definition).toBe(kpis.daysInAr.definition);
    expect(kpiValue({ value: null, unit: "percent" })).toBe("n/a");
    expect([percentText(12.345), daysText(7), daysText(null)]).toEqual(["12.3%", "7.0 days", "n/a"]);
  });

  it("says the worklist in one sentence", () => {
    const list: CollectionsWorklist = { asOf: AS_OF, buckets: [], accounts: [], total: 0, onPlan: [] };
    expect(collectionsSummary(list, 5000, 60)).toBe("No account owes over $50.00 with a balance older than 60 days as of 2026-06-30.");
    const two = { ...list, total: 123456, accounts: [{}, {}] as CollectionsWorklist["accounts"] };
    expect(collectionsSummary(two, 0, 1)).toBe(
      "2 accounts owe over $0.00 with a balance older than 1 day as of 2026-06-30: $1,234.56 in all, highest priority first on the sheet.",
    );
  });

  it("counts the problems, naming missing tables and only counting rows", () => {
    expect(problemsNotice([])).toBeUndefined();
    expect(
      problemsNotice([
        "The workbook has no Postings table (run Setup in the add-in to create it).",
        'Charges row 4, Amount: "lots" is not an amount',
        "Charges row 9: PatientID is blank",
      ]),
    ).toEqual({
      title: "Problems in the workbook: 3",
      body: "The workbook has no Postings table (run Setup in the add-in to create it). 2 rows could not be read or do not link up; a figure that rests on them may be wrong. Setup's Check rows lists them.",
    });
    expect(problemsNotice(["Charges row 9: PatientID is blank"])?.body).toBe(
      "1 row could not be read or does not link up; a figure that rests on it may be wrong. Setup's Check rows lists them.",
    );
  });

  it("names every sheet written in the success message", () => {
    const applied = { tablesCreated: [], rowsAppended: 1, cellsSet: 0, cellsMarked: 0, auditTime: "" };
    expect(writtenMessage({ sheet: "Aging 2026-06-30", applied: { ...applied, sheetsWritten: ["Aging 2026-06-30"] } })).toBe(
      'Written to "Aging 2026-06-30". The Audit sheet records it.',
    );
    expect(
      writtenMessage({
        sheet: "Aging 2026-06-30",
        applied: { ...applied, sheetsWritten: ["Aging 2026-06-30", "Aging 2026-06-30 detail"] },
      }),
    ).toBe('Written to "Aging 2026-06-30" and "Aging 2026-06-30 detail". The Audit sheet records it.');
  });
});
