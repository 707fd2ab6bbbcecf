// Whether a posting can still be reversed: one rule, and the three places that ask it (the Reverse
// panel's search, the manual reversal plan, an ERA's reversal claim) give the same answer for the
// same rows: a posting already reversed and a reversal are never reversed, a plain posting is.
import { describe, expect, it } from "vitest";
import { reversalDrafts } from "../../src/era/eraPostings";
import type { RemitClaim } from "../../src/era/remittance";
import { reversalPlan } from "../../src/ledger/postingPlans";
import { canReverse, isReversible, reversedBy, whyNotReversible } from "../../src/ledger/reversible";
import { findPostings } from "../../taskpane/payments/postingSearch";
import { charge, ledgerOf, ledgerWorkbook, payment, posting, reversal, type FixtureTables } from "./ledgerFixtures";
import { planInputs, problemsOf } from "./postingPlansFlow";

const PS1 = posting("PS1", "L1", { paymentId: "PM1", paid: 3000 });
const PS2 = posting("PS2", "L1", { paymentId: "PM1", paid: 2000 });
const TABLES: FixtureTables = {
  charges: [charge("L1")],
  payments: [payment("PM1", 5000)],
  postings: [PS1, PS2, reversal("PS3", PS1, { date: "2026-02-02" })],
};

describe("the reversal rule", () => {
  const ledger = ledgerOf(TABLES);
  const reversed = reversedBy(ledger);

  it("names the row that reverses a posting, and says a reversal is one", () => {
    expect(reversed).toEqual(new Map([["PS1", "PS3"]]));
    expect(whyNotReversible(PS1, reversed)).toEqual({ why: "already reversed", by: "PS3" });
    expect(whyNotReversible(ledger.postingById.get("PS3")!, reversed)).toEqual({ why: "is a reversal", of: "PS1" });
    expect(whyNotReversible(PS2, reversed)).toBeUndefined();
  });

  it("gives the same answer by ID, by row, and with a plain set of reversed IDs", () => {
    for (const id of ["PS1", "PS2", "PS3"]) {
      const row = ledger.postingById.get(id)!;
      const expected = whyNotReversible(row, reversed) === undefined;
      expect(canReverse(ledger, reversed, id)).toBe(expected);
      expect(isReversible(row, new Set(reversed.keys()))).toBe(expected);
    }
    expect(canReverse(ledger, reversed, "PS9")).toBe(false);
  });

  it("is what the Reverse panel's search marks", () => {
    const blocked = Object.fromEntries(findPostings(ledger, "PS").shown.map((p) => [p.postingId, p.blocked]));
    expect(blocked).toEqual({
      PS1: "Already reversed by PS3.",
      PS2: undefined,
      PS3: "This row reverses PS1: to undo it, post the correction again.",
    });
  });

  it("is what the manual reversal refuses", async () => {
    const { ledger: read, ctx } = await planInputs(ledgerWorkbook(TABLES));
    expect(problemsOf(reversalPlan(read, ctx, ["PS1", "PS3"], "2026-02-20"))).toEqual([
      "PS1 was already reversed by PS3.",
      "PS3 is itself a reversal (of PS1) and cannot be reversed: post the right amounts as a new posting instead.",
    ]);
    expect(reversalPlan(read, ctx, ["PS2"], "2026-02-20").ok).toBe(true);
  });

  it("is what an ERA's reversal claim takes back: only the posting not yet reversed", () => {
    const claim = (paid: number) => ({ patientControl: "CL1", paid }) as RemitClaim;
    const took = reversalDrafts(ledger, claim(-2000), [charge("L1")], "MCR", new Set(reversed.keys()), "2026-02-20", "T1");
    expect(took.ok && took.rows.map((r) => r.reverses)).toEqual(["PS2"]);
    // PS1's $30.00 was reversed already: a claim taking it back finds nothing to reverse.
    expect(reversalDrafts(ledger, claim(-3000), [charge("L1")], "MCR", new Set(reversed.keys()), "2026-02-20", "T1").ok).toBe(false);
  });
});
