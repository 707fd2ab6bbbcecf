// eraPostingRows lays out an ERA claim's Postings rows without object spreads (V8 in Node 20 builds
// `{ ...base, more }` some 20 times slower than a literal). It must give exactly what the posting
// plans' own postingRowsFor(lines, date, "CO", "ERA") gives: same rows, same keys in the same order,
// undefined ones included. Should postingRowsFor change, this test says so.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eraPostingRows } from "../../src/era/eraPostings";
import { postingRowsFor, type CheckedLine } from "../../src/ledger/postingLines";
import type { ChargeRow } from "../../src/workbook/tables";

const note = fc.option(fc.constantFrom("Denied: to work", "Claim-level adjustment", ""), { nil: undefined });
const line: fc.Arbitrary<CheckedLine> = fc.record({
  charge: fc.constantFrom("L1", "L2", " l3").map((chargeId) => ({ chargeId }) as ChargeRow),
  paid: fc.option(fc.integer({ min: -5_000, max: 5_000 }), { nil: undefined }),
  adjustments: fc.array(
    fc.record({
      group: fc.constantFrom<"CO" | "OA" | "PI" | "WO">("CO", "OA", "PI", "WO"),
      reason: fc.option(fc.constantFrom("45", "50", "23"), { nil: undefined }),
      note,
      amount: fc.integer({ min: -5_000, max: 5_000 }),
    }),
    { maxLength: 4 },
  ),
  patientResp: fc.array(fc.record({ reason: fc.constantFrom("1", "2", "3"), note, amount: fc.integer({ min: 0, max: 5_000 }) }), {
    maxLength: 3,
  }),
  overpayment: fc.boolean(),
});

describe("eraPostingRows", () => {
  it("gives what postingRowsFor gives for an ERA (merge group CO, source ERA)", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), fc.constantFrom("2026-04-01", "2026-12-31"), (lines, date) => {
        const rows = eraPostingRows(lines, date);
        const expected = postingRowsFor(lines, date, "CO", "ERA");
        expect(rows).toStrictEqual(expected);
        expect(rows.map((r) => Object.keys(r))).toEqual(expected.map((r) => Object.keys(r)));
      }),
      { numRuns: 2000 },
    );
  });
});
