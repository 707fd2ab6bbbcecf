// The sample practice has work on each of the follow-up worklists (issue 15), read back from the
// workbook it writes with the engine's own readers: lines its payer allowed under the Contracts rate
// (contracts/underpaid.ts), denied lines still open with the payer (ledger/denials.ts), claims billed
// 30 days ago and more that no payer has answered, and unbilled claims near or past their payer's
// filing limit. The last two are worked out here from the ledger's rows, as a biller would.
import { beforeAll, describe, expect, it } from "vitest";
import { contractsInTables } from "../../src/contracts/contracts";
import { underpaidLines } from "../../src/contracts/underpaid";
import { addDays, daysBetween, type IsoDate } from "../../src/dates";
import { lineBalances } from "../../src/ledger/balances";
import { isDenialPosting } from "../../src/ledger/denials";
import { readLedger } from "../../src/ledger/ledger";
import { samplePractice, SAMPLE_AS_OF } from "../../src/sample/practiceSample";
import { SAMPLE_PAYERS } from "../../src/sample/sampleCatalog";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { Contracts, Practice, type ChargeRow } from "../../src/workbook/tables";
import { SAMPLE_LINES } from "../../taskpane/browser/workbookFile";

/** Days after billing without an answer before a claim is followed up (the Practice's "No Response Days"). */
const NO_RESPONSE_DAYS = 30;
/** How long before its filing limit an unbilled claim is listed (the Practice's "Filing Warning Days"). */
const FILING_WARNING_DAYS = 30;

async function followUpWork(lines: number, asOf: IsoDate, seed?: number) {
  const wb = new MemoryWorkbook();
  await wb.write(samplePractice({ lines, asOf, seed }).ops);
  const { ledger, dateSystem } = await readLedger(wb);
  expect(ledger.issues).toEqual([]);
  const contracts = contractsInTables(await wb.readTables([Contracts.name, Practice.name]), dateSystem);
  expect(contracts.problems).toEqual([]);
  const underpaid = underpaidLines(ledger, contracts.rates!, { asOf, tolerance: contracts.tolerance });

  const payerOf = new Map(ledger.payers.map((p) => [p.payerId, p]));
  const paymentOf = new Map(ledger.payments.map((p) => [p.paymentId, p]));
  const balances = new Map(lineBalances(ledger, asOf).map((l) => [l.chargeId, l]));
  const postingsOf = (c: ChargeRow) => (ledger.postingsByCharge.get(c.chargeId) ?? []).filter((p) => p.date <= asOf);
  const deniedLines = ledger.charges.filter((c) => postingsOf(c).some(isDenialPosting));
  const openDenials = deniedLines.filter((c) => balances.get(c.chargeId)!.insuranceShare > 0);

  const claims = new Map<string, ChargeRow[]>();
  for (const c of ledger.charges) {
    if (c.dos > asOf) continue;
    const claim = claims.get(c.claimId);
    if (claim) claim.push(c);
    else claims.set(c.claimId, [c]);
  }
  // An answer is any posting from a payer: money from a payer's payment, or a payer's adjustment group.
  const answered = (c: ChargeRow) =>
    postingsOf(c).some((p) =>
      p.paymentId ? paymentOf.get(p.paymentId)?.payerId !== undefined : ["CO", "OA", "PI", "PR"].includes(p.group ?? ""),
    );
  const insured = (claim: ChargeRow[]) => {
    const type = payerOf.get(claim[0].payerId)?.type;
    return type !== undefined && type !== "Self-pay";
  };
  const billed = [...claims.values()].filter((claim) => insured(claim) && claim.every((c) => c.billedDate !== undefined));
  const silent = billed.filter((claim) => claim.every((c) => c.billedDate! <= addDays(asOf, -NO_RESPONSE_DAYS)) && !claim.some(answered));
  const filing = [...claims.values()]
    .filter((claim) => insured(claim) && claim.every((c) => c.billedDate === undefined))
    .flatMap((claim) => {
      const days = payerOf.get(claim[0].payerId)!.timelyFilingDays;
      if (days === undefined) return [];
      const earliest = claim.map((c) => c.dos).sort()[0];
      return [{ claim, daysLeft: daysBetween(asOf, addDays(earliest, days)) }];
    });
  return {
    ledger,
    underpaid,
    deniedLines,
    openDenials,
    billed,
    silent,
    nearLimit: filing.filter((f) => f.daysLeft > 0 && f.daysLeft <= FILING_WARNING_DAYS),
    pastLimit: filing.filter((f) => f.daysLeft < 0),
    payerOf,
  };
}

describe("the sample practice's follow-up work", () => {
  // The sample the browser host loads (SAMPLE_LINES lines, seed 1), as of the default date.
  let work: Awaited<ReturnType<typeof followUpWork>>;
  beforeAll(async () => {
    work = await followUpWork(SAMPLE_LINES, SAMPLE_AS_OF);
  });

  it("is the browser host's sample: the default size and date", () => {
    expect(SAMPLE_LINES).toBe(2000);
    expect(work.ledger.charges).toHaveLength(2000);
  });

  it("has lines a payer allowed under its contract: one payer's old fee schedule, now and then", () => {
    const { lines, tolerance } = work.underpaid;
    expect(tolerance).toBe(100);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    // A few lines, not a habit: well under 2% of the lines, and a minority of that payer's visits.
    expect(lines.length).toBeLessThan(work.ledger.charges.length * 0.02);
    const old = SAMPLE_PAYERS.find((p) => p.oldFeeSchedule)!;
    const { codes, percent } = old.oldFeeSchedule!;
    for (const l of lines) {
      expect(l.payerId, l.chargeId).toBe(old.id);
      expect(codes, l.chargeId).toContain(l.code);
      expect(l.allowed, l.chargeId).toBe(Math.round((l.expected * percent) / 100));
      expect(l.variance, l.chargeId).toBeLessThan(-tolerance);
    }
    const visits = work.ledger.charges.filter((c) => c.payerId === old.id && codes.includes(c.code));
    expect(lines.length).toBeLessThan(visits.length / 3);
    expect(work.underpaid.byPayer.map((p) => p.payerId)).toEqual([old.id]);
  });

  it("has denied lines still open with the payer, beside denials already resubmitted or written off", () => {
    expect(work.openDenials.length).toBeGreaterThanOrEqual(3);
    expect(work.openDenials.length).toBeLessThan(work.deniedLines.length);
    for (const c of work.openDenials) expect(work.payerOf.get(c.payerId)?.type, c.chargeId).not.toBe("Self-pay");
  });

  it("has claims billed 30 days ago and more that no payer has answered", () => {
    const insurers = work.silent.filter((claim) => work.payerOf.get(claim[0].payerId)!.type !== "Other");
    expect(insurers.length).toBeGreaterThanOrEqual(3);
    // Not only claims still in the payer's usual time to pay (40 days at the slowest, and its payday).
    expect(insurers.filter((claim) => claim[0].billedDate! <= addDays(SAMPLE_AS_OF, -60)).length).toBeGreaterThanOrEqual(2);
    // A few percent at most of the claims billed to insurers.
    expect(insurers.length).toBeLessThan(work.billed.length * 0.03);
  });

  it("has unbilled insurance claims near their payer's filing limit, and one past it", () => {
    expect(work.nearLimit.length).toBeGreaterThanOrEqual(2);
    expect(work.pastLimit.length).toBeGreaterThanOrEqual(1);
    for (const { claim } of [...work.nearLimit, ...work.pastLimit]) {
      expect(work.payerOf.get(claim[0].payerId)?.timelyFilingDays, claim[0].claimId).toBeGreaterThan(0);
    }
    // Held back claims are few: under 2% of the claims.
    const claimCount = new Set(work.ledger.charges.map((c) => c.claimId)).size;
    expect(work.nearLimit.length + work.pastLimit.length).toBeLessThan(claimCount * 0.02);
  });

  // The browser host makes its sample as of today: every list has work on other days and seeds too.
  it.each([
    ["2025-02-14", 1],
    ["2026-12-07", 1],
    ["2027-09-30", 1],
    [SAMPLE_AS_OF, 2],
  ] as const)("has work on each list as of %s with seed %i", async (asOf, seed) => {
    const other = await followUpWork(SAMPLE_LINES, asOf, seed);
    expect(other.underpaid.lines.length).toBeGreaterThanOrEqual(3);
    expect(other.openDenials.length).toBeGreaterThanOrEqual(3);
    expect(other.silent.filter((claim) => other.payerOf.get(claim[0].payerId)!.type !== "Other").length).toBeGreaterThanOrEqual(3);
    expect(other.nearLimit.length).toBeGreaterThanOrEqual(2);
    expect(other.pastLimit.length).toBeGreaterThanOrEqual(1);
  });

  it("makes a practice of one line, and of a few, with no follow-up work to speak of and no error", async () => {
    for (const lines of [1, 2, 7]) {
      const tiny = await followUpWork(lines, SAMPLE_AS_OF);
      expect(tiny.ledger.charges).toHaveLength(lines);
      expect(tiny.underpaid.lines.length).toBeLessThanOrEqual(lines);
    }
  });
});
