// creditsLeft gives the ERA plan its "left with a credit" warnings without building the predicted
// balances: it must name the lines balancesOfLines would give a negative balance, with that balance,
// in the same order, for any new postings on the sample book's lines (old postings of every kind
// there). A posting that leaves its Group to the one it reverses is the balance engine's to read.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Ledger } from "../../src/ledger/ledger";
import { balancesOfLines, creditsLeft } from "../../src/ledger/postingRows";
import type { PostingRow } from "../../src/workbook/tables";
import { inputs, sampleBook } from "./eraPlanBooks";

let ledger: Ledger;

beforeAll(async () => {
  ({ ledger } = await inputs(await sampleBook()));
});

const posting = fc.record({
  line: fc.nat(),
  paid: fc.option(fc.integer({ min: -20_000, max: 40_000 }), { nil: undefined }),
  adjustment: fc.option(fc.integer({ min: -5_000, max: 30_000 }), { nil: undefined }),
  group: fc.option(fc.constantFrom("CO", "OA", "PI", "PR", "WO", "pr", "XX"), { nil: undefined }),
  patientResp: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
});

describe("creditsLeft", () => {
  it("names the lines the balance engine leaves with a credit, with their balances, in Charges order", () => {
    fc.assert(
      fc.property(fc.array(posting, { minLength: 1, maxLength: 60 }), (drafts) => {
        const rows: PostingRow[] = drafts.map((d, i) => ({
          postingId: `NEW-${i}`,
          paymentId: ledger.payments[i % ledger.payments.length]?.paymentId,
          chargeId: ledger.charges[d.line % ledger.charges.length].chargeId,
          date: "2026-06-29",
          source: "ERA",
          paid: d.paid,
          adjustment: d.adjustment,
          group: d.group as PostingRow["group"],
          patientResp: d.patientResp,
        }));
        const touched = new Set(rows.map((r) => r.chargeId));
        const engine = balancesOfLines(ledger, touched, [], rows)
          .filter((line) => line.balance < 0)
          .map(({ chargeId, claimId, balance }) => ({ chargeId, claimId, balance }));
        const credits = creditsLeft(ledger, rows);
        const leavesGroup = [...rows, ...ledger.postings.filter((p) => touched.has(p.chargeId))].some(
          (p) => p.reverses !== undefined && p.group === undefined,
        );
        if (leavesGroup) expect(credits).toBeUndefined();
        else expect(credits).toEqual(engine);
      }),
      { numRuns: 200 },
    );
  });

  it("leaves a reversal without a Group to the balance engine", () => {
    const posted = ledger.postings.find((p) => p.group !== undefined && p.reverses === undefined)!;
    const reversal: PostingRow = {
      postingId: "NEW-1",
      chargeId: posted.chargeId,
      date: "2026-06-29",
      reverses: posted.postingId,
      adjustment: 1,
    };
    expect(creditsLeft(ledger, [reversal])).toBeUndefined();
  });
});
