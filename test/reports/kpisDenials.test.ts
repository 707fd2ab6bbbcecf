// The denial rate counts a line as denied by how the payer adjudicated it, not by the adjustment's
// amount (issue 18): the ERA import and the office post a denial at $0.00 ("Denied: to work"), and a
// claim the payer denied outright (CLP02 status 4) carries that note whatever its reasons. Figures by
// hand on a small ledger, then an 835 posted end to end through the import.
import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/ledger/ledger";
import { DENIED_NOTE, isDenialPosting } from "../../src/ledger/denials";
import { practiceKpis } from "../../src/reports/kpis";
import { ERA_DATE, importEra, medicareEra, planned, sampleUnpaid, TODAY } from "../era/eraPlanBooks";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

// Six claims, each adjudicated by MCR in June 2026 (period 06-01..06-30, as of 06-30):
// C1  paid $60 with CO-45 $40                                        → paid, not denied
// C2  paid $0, CO-50 posted at $0.00 with "Denied: to work"          → denied (the way the import posts it)
// C3  paid $0, CO-45 $20 and PR-1 $80 (all to the deductible)        → not denied: CO-45 is contractual
// C4  paid $0, status 4: PR-96 at $0.00 with the import's note       → denied (claim status 4)
// C5  paid $0, CO-197 at $100 (an amount, as some offices post it)   → denied
// C6  two lines: one paid $50, one paid $0 with CO-16 at $0.00       → denied (a line of it was)
// Denied 4 of 6 adjudicated: 66.67%.
const ledger = ledgerOf({
  charges: [
    charge("L1", { claimId: "C1", dos: "2026-05-04", amount: 10000 }),
    charge("L2", { claimId: "C2", dos: "2026-05-05", amount: 10000 }),
    charge("L3", { claimId: "C3", dos: "2026-05-06", amount: 10000 }),
    charge("L4", { claimId: "C4", dos: "2026-05-07", amount: 10000 }),
    charge("L5", { claimId: "C5", dos: "2026-05-08", amount: 10000 }),
    charge("L6a", { claimId: "C6", dos: "2026-05-09", amount: 5000 }),
    charge("L6b", { claimId: "C6", dos: "2026-05-09", amount: 5000 }),
  ],
  payments: [payment("PM1", 11000, { date: "2026-06-10" })],
  postings: [
    posting("S1", "L1", { paymentId: "PM1", date: "2026-06-10", paid: 6000, adjustment: 4000, group: "CO", reason: "45", source: "ERA" }),
    posting("S2", "L2", {
      paymentId: "PM1",
      date: "2026-06-10",
      paid: 0,
      adjustment: 0,
      group: "CO",
      reason: "50",
      note: `${DENIED_NOTE} ($100.00 denied)`,
    }),
    posting("S3", "L3", { paymentId: "PM1", date: "2026-06-10", paid: 0, adjustment: 2000, group: "CO", reason: "45" }),
    posting("S3b", "L3", { paymentId: "PM1", date: "2026-06-10", group: "PR", reason: "1", patientResp: 8000 }),
    posting("S4", "L4", { paymentId: "PM1", date: "2026-06-10", paid: 0, group: "PR", reason: "96", patientResp: 0, note: DENIED_NOTE }),
    posting("S5", "L5", { paymentId: "PM1", date: "2026-06-10", paid: 0, adjustment: 10000, group: "CO", reason: "197" }),
    posting("S6a", "L6a", { paymentId: "PM1", date: "2026-06-10", paid: 5000, source: "ERA" }),
    posting("S6b", "L6b", { paymentId: "PM1", date: "2026-06-10", paid: 0, adjustment: 0, group: "CO", reason: "16", note: DENIED_NOTE }),
  ],
});

describe("the denial rate", () => {
  it("counts a $0.00 denial, a status-4 denial and a denial with an amount; not a CO-45 that left nothing to pay", () => {
    const kpis = practiceKpis(ledger, { from: "2026-06-01", to: "2026-06-30", asOf: "2026-06-30" });
    expect(kpis.denialRate.inputs.map((i) => i.value)).toEqual([4, 6]);
    expect(kpis.denialRate.value).toBeCloseTo((4 / 6) * 100, 9);
    expect(kpis.denialRate.definition).toMatch(/\$0\.00 included/);
    expect(kpis.denialRate.definition).toMatch(/claim status 4/);
  });

  it("knows a denial posting by its group and reason or by the import's note, never by its amount", () => {
    expect(isDenialPosting({ group: "CO", reason: "50" })).toBe(true);
    expect(isDenialPosting({ group: "CO", reason: " 45 " })).toBe(false);
    expect(isDenialPosting({ group: "CO", reason: undefined })).toBe(false);
    expect(isDenialPosting({ group: "PR", reason: "1" })).toBe(false);
    expect(isDenialPosting({ group: "PR", reason: "96", note: `${DENIED_NOTE} (status 4)` })).toBe(true);
    expect(isDenialPosting({ group: "WO", reason: undefined, note: "Write-off: denial not appealed" })).toBe(false);
  });
});

describe("the denial rate after an 835 is posted", () => {
  it("counts the claim the remittance denied (CO-50 at $0.00): one more denial among two more adjudicated", async () => {
    const { book, ledger: before, unpaid } = await sampleUnpaid();
    expect(unpaid.length).toBeGreaterThanOrEqual(2);
    const [paid, denied] = unpaid;
    const period = { from: ERA_DATE, to: TODAY, asOf: TODAY };
    const was = practiceKpis(before, period).denialRate.inputs.map((i) => i.value);
    const era = medicareEra(before, "DENY0001", [{ claimId: paid.claimId }, { claimId: denied.claimId, denial: "50" }]);
    const result = planned(await importEra(book, "deny.835", era.bytes));
    expect(result.preview.remittances[0].claims.map((c) => c.outcome)).toEqual(["matched", "denied"]);
    const { ledger: after } = await readLedger(book);
    const now = practiceKpis(after, period).denialRate.inputs.map((i) => i.value);
    expect([now[0] - was[0], now[1] - was[1]]).toEqual([1, 2]);
  });
});
