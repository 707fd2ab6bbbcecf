// The ERA plan was made cheaper in December 2026 (posting drafts given their IDs in place, the file's
// planned Paid kept per payer then per line, a line's CAS summed without a map, the common line
// applied without a list of entries). test/era/before/ holds the plan's modules as they were; both
// plan the same random 835s against the sample books, read by the reader of their time, and must
// give the same result, deeply and strictly: the write plan's cells, the preview with its exceptions
// and warnings, and the predicted balances. The 835s mix what the plan decides on: paid, denied,
// reversed, claim-level CAS, claims off by some cents, lines matched by code, lines and claims never
// billed, claims already paid, PLB, a remittance repeated, and transactions that do not add up.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { planFromRemittances } from "../../src/era/eraPlan";
import { readRemittanceFile } from "../../src/era/remittance";
import type { Ledger } from "../../src/ledger/ledger";
import type { PlanContext } from "../../src/ledger/postingRows";
import { planFromRemittances as planBefore } from "./before/eraPlan";
import { readRemittanceFile as readBefore } from "./before/remittance";
import { ERA_DATE, inputs, MEDICAID, MEDICARE, sampleBook } from "./eraPlanBooks";
import { syntheticRemittance, type SyntheticClaim, type SyntheticTransaction } from "./syntheticRemittance";

let books: { ledger: Ledger; ctx: PlanContext; claims: { claimId: string; chargeIds: string[]; code: string; dos: string }[] };

beforeAll(async () => {
  const { ledger, ctx } = await inputs(await sampleBook());
  const byClaim = new Map<string, { claimId: string; chargeIds: string[]; code: string; dos: string }>();
  for (const c of ledger.charges) {
    const seen = byClaim.get(c.claimId);
    if (seen) seen.chargeIds.push(c.chargeId);
    else byClaim.set(c.claimId, { claimId: c.claimId, chargeIds: [c.chargeId], code: c.code, dos: c.dos });
  }
  books = { ledger, ctx, claims: [...byClaim.values()] };
});

const claimShape = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom(
    "paid",
    "paid",
    "paid",
    "denied",
    "reversal",
    "claim level",
    "claim level PR",
    "off",
    "unknown",
    "extra line",
    "paid as",
    "crossover",
  ),
  lineIds: fc.boolean(),
  coinsurance: fc.constantFrom(0, 20),
  deductible: fc.constantFrom(0, 500),
  someLines: fc.boolean(),
});

function claimOf(shape: typeof claimShape extends fc.Arbitrary<infer T> ? T : never): SyntheticClaim {
  const c = books.claims[shape.pick % books.claims.length];
  const claim: SyntheticClaim = { claimId: c.claimId, lineIds: shape.lineIds, coinsurancePercent: shape.coinsurance };
  if (shape.deductible) claim.deductible = shape.deductible;
  if (shape.someLines && c.chargeIds.length > 1) claim.chargeIds = c.chargeIds.slice(0, 1);
  switch (shape.kind) {
    case "denied":
      claim.denial = "50";
      break;
    case "reversal":
      claim.status = "22";
      break;
    case "claim level":
      claim.claimLevel = [{ group: "CO", reason: "253", amount: 37 }];
      break;
    case "claim level PR":
      claim.claimLevel = [
        { group: "PR", reason: "2", amount: 120 },
        { group: "CO", reason: "45", amount: -15 },
      ];
      break;
    case "off":
      claim.unbalancedBy = 11;
      break;
    case "unknown":
      return { claimId: `ZZ${c.claimId}`, unknown: { code: "99213", dos: c.dos, charge: 10000 } };
    case "extra line":
      claim.extraLine = { code: "99999", dos: c.dos };
      break;
    case "paid as":
      claim.paidAs = { chargeId: c.chargeIds[0], code: "99212" };
      break;
    case "crossover":
      claim.status = "19";
      break;
  }
  return claim;
}

const transaction = fc.record({
  medicaid: fc.boolean(),
  trace: fc.constantFrom("T1", "T2", "T3"),
  claims: fc.array(claimShape, { minLength: 1, maxLength: 12 }),
  plb: fc.boolean(),
  offBy: fc.constantFrom(0, 0, 0, 5),
});

describe("the ERA plan plans as it did before it was made cheaper", () => {
  it("gives the same plan, preview and predicted balances for random 835s against the sample books", () => {
    fc.assert(
      fc.property(fc.array(transaction, { minLength: 1, maxLength: 3 }), (shapes) => {
        const transactions: SyntheticTransaction[] = shapes.map((t) => ({
          payer: t.medicaid ? MEDICAID : MEDICARE,
          trace: t.trace,
          date: ERA_DATE,
          claims: t.claims.map(claimOf),
          ...(t.plb ? { plb: [{ reason: "L6", reference: "INT", amount: -127 }] } : {}),
          ...(t.offBy ? { paymentOffBy: t.offBy } : {}),
        }));
        let text: string;
        try {
          text = syntheticRemittance(books.ledger, { transactions }).text;
        } catch {
          return; // a mix the helper cannot write (a reversal of a claim never paid, say)
        }
        const file = { name: "random.835", sha256: "0" };
        const now = readRemittanceFile(text);
        const then = readBefore(text);
        expect(now).toStrictEqual(then);
        if (!now.ok || !then.ok) return;
        expect(planFromRemittances(file, now, books.ledger, books.ctx)).toStrictEqual(planBefore(file, then, books.ledger, books.ctx));
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });
});
