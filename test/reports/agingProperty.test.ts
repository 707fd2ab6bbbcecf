// A property of aging on random ledgers: nothing is lost or counted twice. The bucket totals plus the
// credits (plus the lines served after asOf, left out) equal the total balance lineBalances gives,
// and the detail lines add up to the summary rows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/dates";
import { lineBalances } from "../../src/ledger/balances";
import { agingReport } from "../../src/reports/aging";
import type { PaymentRow, PostingRow } from "../../src/workbook/tables";
import { charge, ledgerOf, payment, posting, reversal } from "../ledger/ledgerFixtures";

const START = "2026-01-01";
const day = fc.integer({ min: 0, max: 200 });
const cents = fc.integer({ min: -5000, max: 30000 });

const lineArb = fc.record({
  payer: fc.constantFrom("MCR", "SEC", "SELF", ""),
  patient: fc.constantFrom("P1", "P2", "P3"),
  dos: day,
  billed: fc.option(day, { nil: undefined }),
  amount: fc.integer({ min: 0, max: 50000 }),
});
const postingArb = fc.record({
  line: fc.nat(),
  date: day,
  from: fc.constantFrom("MCR", "SEC", "patient", "none"),
  paid: fc.option(cents, { nil: undefined }),
  adjustment: fc.option(cents, { nil: undefined }),
  group: fc.constantFrom("CO", "OA", "PI", "PR", "WO", undefined),
  patientResp: fc.option(cents, { nil: undefined }),
  reversed: fc.boolean(),
});

describe("agingReport property", () => {
  it("bucket totals + credits = the balance of the lines on the books, later lines counted apart, for random ledgers", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 12 }),
        fc.array(postingArb, { maxLength: 25 }),
        day,
        fc.constantFrom("dos" as const, "billed" as const, "responsibility" as const),
        fc.constantFrom(undefined, "payer" as const, "patient" as const),
        (lines, made, asOfDay, basis, by) => {
          const charges = lines.map((l, i) =>
            charge(`L${i}`, {
              payerId: l.payer,
              patientId: l.patient,
              dos: addDays(START, l.dos),
              amount: l.amount,
              ...(l.billed === undefined ? {} : { billedDate: addDays(START, l.billed) }),
            }),
          );
          const payments: PaymentRow[] = [];
          const postings: PostingRow[] = [];
          made.forEach((m, k) => {
            const line = charges[m.line % charges.length];
            const date = addDays(START, m.date);
            let paymentId: string | undefined;
            if (m.from !== "none") {
              paymentId = `PM${k}`;
              payments.push(
                payment(paymentId, 100000, m.from === "patient" ? { patientId: line.patientId, date } : { payerId: m.from, date }),
              );
            }
            const row = posting(`PS${k}`, line.chargeId, {
              date,
              ...(paymentId === undefined ? {} : { paymentId }),
              ...(m.paid === undefined ? {} : { paid: m.paid }),
              ...(m.adjustment === undefined ? {} : { adjustment: m.adjustment }),
              ...(m.group === undefined ? {} : { group: m.group }),
              ...(m.patientResp === undefined ? {} : { patientResp: m.patientResp }),
            });
            postings.push(row);
            if (m.reversed) postings.push(reversal(`RV${k}`, row, { date: addDays(date, 3) }));
          });
          const ledger = ledgerOf({ charges, payments, postings });
          const asOf = addDays(START, asOfDay);
          const report = agingReport(ledger, { asOf, basis, by });
          // One as-of rule: the lines on the books then are lineBalances' lines; the later ones are counted apart.
          const onBooks = lineBalances(ledger, asOf);
          const balance = onBooks.reduce((s, l) => s + l.balance, 0);
          const buckets = report.totals.reduce((s, v) => s + v, 0);
          expect(buckets + report.creditTotal).toBe(balance);
          expect(report.later.lines).toBe(charges.length - onBooks.length);
          expect(report.later.lines).toBe(charges.filter((c) => c.dos > asOf).length);
          expect(report.total).toBe(buckets);
          expect(report.insurance.total + report.patient.total).toBe(report.total);
          expect(report.details.reduce((s, d) => s + d.amount, 0)).toBe(report.total);
          expect(report.credits.reduce((s, c) => s + c.amount, 0)).toBe(report.creditTotal);
          for (const d of report.details) expect(d.amount).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
