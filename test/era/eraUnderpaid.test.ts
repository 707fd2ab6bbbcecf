// Underpayments on import (issue 15): a line whose allowed amount (paid + patient responsibility) is
// under its contract rate (Contracts table, rate × units) by more than the Practice's "Underpayment
// Tolerance" is listed in the preview, warned about, and its posting says so in its Note, so the
// contractual write-off is not taken quietly. The sample practice's Medicare contract is the fee
// schedule's Allowed (src/sample/sampleCatalog.ts); each expectation below is worked out from it.
import { describe, expect, it } from "vitest";
import { SAMPLE_FEES } from "../../src/sample/sampleCatalog";
import type { Workbook } from "../../src/workbook/port";
import type { ChargeRow, PostingRow } from "../../src/workbook/tables";
import { importEra, medicareEra, planned, sampleBook, sampleUnpaid, inputs, unpaidClaims } from "./eraPlanBooks";

/** Medicare's contract for a line of the sample: the fee schedule's Allowed, per unit. */
function contractOf(line: ChargeRow): number {
  const fee = SAMPLE_FEES.find((f) => f.code === line.code)!;
  return Math.round(fee.allowed * (line.units ?? 1));
}

async function postings(book: Workbook): Promise<PostingRow[]> {
  const { ledger } = await inputs(book);
  return ledger.postings;
}

describe("an ERA that pays under contract", () => {
  it("lists each line allowed less than its contract, says so in its posting's Note, and warns", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const claim = unpaid[0];
    // 50% of the charge allowed, no patient share: allowed = paid = half the charge.
    const era = medicareEra(ledger, "95000001", [{ claimId: claim.claimId, allowedPercent: 50 }]);
    const result = planned(await importEra(book, "under.835", era.bytes));
    const expected = claim.lines
      .map((line) => ({ line, allowed: Math.round(line.amount / 2), contract: contractOf(line) }))
      .filter(({ allowed, contract }) => contract - allowed > 100);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.preview.underpaid).toEqual(
      expected.map(({ line, allowed, contract }) => ({
        trace: "95000001",
        patientControl: claim.claimId,
        chargeId: line.chargeId,
        code: line.code,
        payerId: "MCR",
        expected: contract,
        allowed,
        paid: allowed,
      })),
    );
    const rows = await postings(book);
    for (const { line, allowed, contract } of expected) {
      const first = rows.find((p) => p.chargeId === line.chargeId && p.source === "ERA")!;
      const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
      expect(first.note).toBe(
        `Underpaid: allowed ${dollars(allowed)}, contract ${dollars(contract)} (${dollars(contract - allowed)} short)`,
      );
      expect(result.preview.warnings).toContain(
        `Line ${line.chargeId} (claim ${claim.claimId}, ${line.code}): MCR allowed ${dollars(allowed)}, ${dollars(contract - allowed)} under the contract's ${dollars(contract)}: posted with its Note saying so, to follow up.`,
      );
    }
  });

  it("lets a line through that is allowed its contract or more (the sample's remittances at 80% of the charge)", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const claim = unpaid[0];
    // Every sample fee's Allowed is under 80% of its fee: nothing is under contract.
    expect(claim.lines.every((line) => Math.round(line.amount * 0.8) >= contractOf(line))).toBe(true);
    const result = planned(await importEra(book, "fine.835", medicareEra(ledger, "95000002", [{ claimId: claim.claimId }]).bytes));
    expect(result.preview.underpaid).toBeUndefined();
    expect(result.preview.warnings.join("\n")).not.toContain("Underpaid");
  });

  it("checks nothing without a Contracts table, and nothing within the office's tolerance", async () => {
    const withoutContracts = await sampleBook(600, (op) => op.table !== "Contracts");
    const { ledger } = await inputs(withoutContracts);
    const claim = unpaidClaims(ledger, "MCR")[0];
    const none = planned(
      await importEra(
        withoutContracts,
        "nocontract.835",
        medicareEra(ledger, "95000003", [{ claimId: claim.claimId, allowedPercent: 50 }]).bytes,
      ),
    );
    expect(none.preview.underpaid).toBeUndefined();

    // A tolerance above every line's shortfall: nothing is flagged.
    const { ledger: sample, unpaid, ctx } = await sampleUnpaid();
    const practice = ctx.tables.Practice!;
    const row = practice.rows.find((r) => r[0] === "Underpayment Tolerance")!;
    row[1] = "10000";
    const { eraPostingPlan } = await import("../../src/era/eraPlan");
    const era = medicareEra(sample, "95000004", [{ claimId: unpaid[0].claimId, allowedPercent: 50 }]);
    const tolerant = planned(await eraPostingPlan({ name: "tolerant.835", bytes: era.bytes }, sample, ctx));
    expect(tolerant.preview.underpaid).toBeUndefined();
    // A shortfall exactly at the tolerance is within it: only the lines short by more are flagged.
    const shortfalls = unpaid[0].lines.map((line) => ({ line, short: contractOf(line) - Math.round(line.amount / 2) }));
    const least = Math.min(...shortfalls.filter((s) => s.short > 0).map((s) => s.short));
    row[1] = (least / 100).toFixed(2);
    const atTolerance = planned(await eraPostingPlan({ name: "edge.835", bytes: era.bytes }, sample, ctx));
    expect((atTolerance.preview.underpaid ?? []).map((u) => u.chargeId)).toEqual(
      shortfalls.filter((s) => s.short > least).map((s) => s.line.chargeId),
    );
    expect(least).toBeGreaterThan(0);
    // And a tolerance that is not an amount is said, with the $1.00 used meanwhile.
    row[1] = "about a dollar";
    const said = planned(await eraPostingPlan({ name: "said.835", bytes: era.bytes }, sample, ctx));
    expect(said.preview.warnings).toContain(
      'Practice setting "Underpayment Tolerance": "about a dollar" is not an amount of $0.00 or more; $1.00 is used until it is corrected.',
    );
    expect(said.preview.underpaid?.length).toBeGreaterThan(0);
  });
});
