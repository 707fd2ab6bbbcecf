// The 837P for the sample practice (src/sample, generated in memory), end to end in the engine:
// every claim of the book written and read back the same; then the claims nobody has been paid for
// yet scrubbed, exported (the plan marks them billed and stores the control number), and paid by a
// synthetic 835 built from the 837P as read back, which the ERA posting plan matches claim by claim
// and line by line (CLM01 → CLP01, REF*6R → REF*6R) and posts.
import { describe, expect, it } from "vitest";
import { write837p } from "../../src/claims/837pWriter";
import { read837p, type Claim837 } from "../../src/claims/837pRead";
import { readClaimBooks, type ClaimBooks } from "../../src/claims/claimBooks";
import { envelopeFrom, exportPlan } from "../../src/claims/exportPlan";
import type { Claim } from "../../src/claims/model";
import { scrubClaims } from "../../src/claims/scrubber";
import { eraPlanInputs, eraPostingPlan } from "../../src/era/eraPlan";
import { samplePractice, SAMPLE_AS_OF } from "../../src/sample/practiceSample";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { ChargeRow } from "../../src/workbook/tables";
import { syntheticRemittance } from "../era/syntheticRemittance";

const LINES = 1000;
const NOW = new Date(2026, 5, 30, 16, 45);

/** The sample practice, with the clearinghouse settings an office fills in before its first export. */
async function sampleBook(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: LINES }), NOW);
  const practice = workbook.sheets.find((s) => s.name === "Practice")!.table!;
  const value = practice.headers.indexOf("Value");
  for (const row of practice.rows) {
    if (row[0] === "Submitter ID") row[value] = "SAMPLE01";
    if (row[0] === "Receiver ID") row[value] = "CLEARHOUSE";
    if (row[0] === "Last Interchange Control #") row[value] = "1041";
  }
  return workbook;
}

function lineFields(l: {
  lineId?: string;
  dos?: string;
  code: string;
  modifiers: string[];
  units?: number;
  charge: number;
  pointers: number[];
}) {
  return { lineId: l.lineId, dos: l.dos, code: l.code, modifiers: l.modifiers, units: l.units, charge: l.charge, pointers: l.pointers };
}

/** The lines of the 837P as read back, as the Charges rows the synthetic 835 is written from. */
function chargesOf(claims: Claim837[], payerOf: Map<string, string>): ChargeRow[] {
  return claims.flatMap((c) =>
    c.lines.map((l): ChargeRow => {
      const [mod1, mod2, mod3, mod4] = l.modifiers;
      return {
        chargeId: l.lineId!,
        claimId: c.claimId,
        patientId: c.subscriber.id ?? "",
        payerId: payerOf.get(c.claimId)!,
        dos: l.dos!,
        code: l.code,
        mod1,
        mod2,
        mod3,
        mod4,
        units: l.units,
        amount: l.charge,
      };
    }),
  );
}

describe("the sample practice's 837P", () => {
  it("gives back every claim of the book, with its lines, codes, modifiers, units, amounts, pointers, dates and line ids", async () => {
    const books = await readClaimBooks(await sampleBook());
    expect(books.claims.length).toBeGreaterThan(400);
    const written = write837p(books.claims, { ...envelopeFrom(books), now: NOW });
    const read = read837p(written.text);
    if (!read.ok) throw new Error(read.error);
    expect(read.warnings).toEqual([]);
    expect(read.claims.map((c) => c.claimId).sort()).toEqual(books.claims.map((c) => c.claimId).sort());
    const byId = new Map(books.claims.map((c) => [c.claimId, c]));
    for (const back of read.claims) {
      const claim = byId.get(back.claimId)!;
      expect(back.total).toBe(claim.total);
      expect(back.diagnoses).toEqual(claim.diagnoses.map((d) => d.replace(".", "")));
      expect(back.payer.id).toBe(claim.payer.x12PayerId ?? claim.payer.payerId);
      expect(back.subscriber.id).toBe(claim.patient.memberId);
      expect(back.lines.map(lineFields)).toEqual(claim.lines.map(lineFields));
    }
    // One transaction per payer, each claim in its payer's.
    const payers = new Set(books.claims.map((c) => c.payer.payerId));
    expect(written.transactions).toHaveLength(payers.size);
    for (const t of written.transactions) {
      const inIt = read.claims.filter((c) => c.transaction === t.control);
      expect(inIt).toHaveLength(t.claims);
      expect(inIt.every((c) => byId.get(c.claimId)!.payer.payerId === t.payerId)).toBe(true);
    }
    expect(written.control).toEqual({ interchange: 1042, group: 1042, transaction: payers.size });
  });

  it("exports the open claims that pass the scrub, and an 835 built from that file posts with every claim and line matched", async () => {
    const workbook = await sampleBook();
    const today = SAMPLE_AS_OF;
    const books: ClaimBooks = await readClaimBooks(workbook);
    const { ledger: before } = await eraPlanInputs(workbook, today);
    const open = books.claims.filter((c) => c.lines.every((l) => (before.postingsByCharge.get(l.lineId) ?? []).length === 0));
    const report = scrubClaims(open, {
      today,
      rulesOff: books.scrubRulesOff,
      earlierClaims: books.claims.filter((c) => !open.includes(c)),
    });
    const ready = new Set(report.results.filter((r) => r.status !== "errors").map((r) => r.claimId));
    const exported: Claim[] = open.filter((c) => ready.has(c.claimId));
    expect(exported.length).toBeGreaterThanOrEqual(10);
    expect(new Set(exported.map((c) => c.payer.payerId)).size).toBeGreaterThanOrEqual(2);

    // Export: the file, then the plan that marks the claims billed and keeps the control number.
    const written = write837p(exported, { ...envelopeFrom(books), now: NOW });
    const file = { name: "claims-2026-06-30.837", text: written.text, control: written.control };
    await applyPlan(workbook, exportPlan(exported, books, file, today), NOW);
    const after = await readClaimBooks(workbook);
    const billedToday = new Set(after.charges.filter((c) => c.billedDate === today).map((c) => c.chargeId));
    expect([...billedToday].sort()).toEqual(exported.flatMap((c) => c.lines.map((l) => l.lineId)).sort());
    expect(envelopeFrom(after).control.interchange).toBe(1042);

    // The payers answer: one 835 transaction per payer of the file, paying every claim in it.
    const read = read837p(written.text);
    if (!read.ok) throw new Error(read.error);
    const payerOf = new Map(exported.map((c) => [c.claimId, c.payer.payerId]));
    const byPayer = new Map<string, Claim837[]>();
    for (const c of read.claims) byPayer.set(c.transaction, [...(byPayer.get(c.transaction) ?? []), c]);
    const era = syntheticRemittance(
      { charges: chargesOf(read.claims, payerOf) },
      {
        transactions: [...byPayer.values()].map((claims, i) => ({
          payer: { name: claims[0].payer.name ?? "", id: claims[0].payer.id ?? "" },
          trace: `EFT2026070${i + 1}`,
          date: "2026-07-15",
          claims: claims.map((c) => ({ claimId: c.claimId, coinsurancePercent: 20 })),
        })),
      },
    );
    const { ledger, ctx } = await eraPlanInputs(workbook, "2026-07-15");
    const planned = await eraPostingPlan({ name: "era.835", bytes: era.bytes }, ledger, ctx);
    if (!planned.ok) throw new Error(planned.error);
    const claims = planned.preview.remittances.flatMap((r) => r.claims);
    expect(claims).toHaveLength(exported.length);
    expect(claims.filter((c) => c.outcome !== "matched")).toEqual([]);
    expect(planned.preview.exceptions).toEqual([]);
    for (const c of claims) {
      const claim = exported.find((e) => e.claimId === c.patientControl)!;
      expect(c.chargeIds).toEqual(claim.lines.map((l) => l.lineId));
    }
    expect(planned.preview.remittances.every((r) => r.payerId !== undefined && r.totals.held === 0 && r.totals.difference === 0)).toBe(
      true,
    );

    // Posted: one payment per payer, and every exported line has its posting.
    const applied = await applyPlan(workbook, planned.plan!, NOW);
    expect(applied.rowsAppended).toBeGreaterThan(exported.length);
    const { ledger: posted } = await eraPlanInputs(workbook, "2026-07-15");
    for (const claim of exported)
      for (const line of claim.lines) expect(posted.postingsByCharge.get(line.lineId)?.length).toBeGreaterThan(0);
    // The one payer with no X12 Payer ID (a law firm's lien) was sent under its PayerID, said at both ends.
    const noX12 = [...new Set(exported.filter((c) => !c.payer.x12PayerId).map((c) => c.payer.payerId))];
    expect(written.notes).toEqual(noX12.map((id) => expect.stringContaining(`Payer ${id} has no X12 Payer ID`)));
    // The 835 allows 80% of each charge: under a commercial payer's contract (the sample's are 115-125% of
    // the fee schedule's Allowed) some lines are short, each listed and warned about; nothing else is said.
    const underpaid = planned.preview.underpaid ?? [];
    expect(planned.preview.warnings).toEqual([
      ...noX12.map((id) => expect.stringContaining(`was matched to ${id} by its name`)),
      ...underpaid.map(
        (u) =>
          `Line ${u.chargeId} (claim ${u.patientControl}, ${u.code}): ${u.payerId} allowed $${(u.allowed / 100).toFixed(2)}, ` +
          `$${((u.expected - u.allowed) / 100).toFixed(2)} under the contract's $${(u.expected / 100).toFixed(2)}: posted with its Note saying so, to follow up.`,
      ),
    ]);
    for (const u of underpaid) expect(u.expected - u.allowed).toBeGreaterThan(100);
    const audit = workbook.sheets.find((s) => s.name === "Audit")!.table!;
    expect(audit.rows.filter((r) => r[1] === "Claims exported")).toHaveLength(1);
  });
});
