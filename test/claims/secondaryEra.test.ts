// The secondary's answer, end to end in the engine on the sample practice: the claims due to a
// secondary are built and written as secondary 837Ps, read back, and answered by a synthetic 835 from
// each secondary payer (CLP02 2, processed as secondary) paying what the primary left to the patient,
// with the primary's part as OA-23 (the impact of the prior payer's adjudication), so each line
// balances as an 835 must: SVC02 − ΣCAS = SVC03. The ERA posting plan matches every claim and line.
//
// The posting takes the secondary's payment off the patient's share: its OA-23 (the primary's part) and
// its PR (the patient's share the line already has) are not posted again (era/eraTransaction.ts).
import { describe, expect, it } from "vitest";
import { write837p } from "../../src/claims/837pWriter";
import { read837p } from "../../src/claims/837pRead";
import { readClaimBooks } from "../../src/claims/claimBooks";
import { envelopeFrom } from "../../src/claims/exportPlan";
import { claimsDueToSecondary, secondaryClaim } from "../../src/claims/secondary";
import { eraPlanInputs, eraPostingPlan } from "../../src/era/eraPlan";
import { lineBalances } from "../../src/ledger/balances";
import { samplePractice, SAMPLE_AS_OF } from "../../src/sample/practiceSample";
import { parseTable } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { ClaimStatus, Patients, Payers } from "../../src/workbook/tables";
import type { Claim } from "../../src/claims/model";

const NOW = new Date(2026, 5, 30, 16, 45);
const amount = (cents: number) =>
  `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
const d8 = (iso: string) => iso.replace(/-/g, "");

/** One 835 transaction per secondary payer, paying each claim's left amount line by line. */
function secondaryRemittance(claims: Claim[], left: Map<string, number>, date: string): string {
  const byPayer = new Map<string, Claim[]>();
  for (const c of claims) byPayer.set(c.payer.payerId, [...(byPayer.get(c.payer.payerId) ?? []), c]);
  const out = [
    `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${"SYNTHCLEAR".padEnd(15)}*ZZ*${"MEDBILLTEST".padEnd(15)}*${d8(date).slice(2)}*1200*^*00501*000000077*0*T*:`,
    `GS*HP*SYNTHCLEAR*MEDBILLTEST*${d8(date)}*1200*77*X*005010X221A1`,
  ];
  let n = 0;
  for (const [, mine] of byPayer) {
    const control = String(++n).padStart(4, "0");
    const body: string[] = [];
    let total = 0;
    for (const c of mine) {
      // Each line pays what the primary put on the patient there, less what another payer paid already.
      let toPay = left.get(c.claimId)!;
      const lines = c.lines.map((l) => {
        const answer = c.otherPayers![0].lines.find((a) => a.lineId === l.lineId)!;
        const pr = answer.adjustments.filter((a) => a.group === "PR").reduce((s, a) => s + a.amount, 0);
        const paid = Math.min(pr, toPay);
        toPay -= paid;
        return { line: l, paid };
      });
      const paid = lines.reduce((s, l) => s + l.paid, 0);
      total += paid;
      body.push(`CLP*${c.claimId}*2*${amount(c.total)}*${amount(paid)}*0*MC*SEC${c.claimId}`);
      body.push(`NM1*QC*1*ZZTESTLAST*ZZTESTFIRST****MI*${c.patient.memberId ?? "X"}`);
      for (const { line, paid: linePaid } of lines) {
        body.push(`SVC*${["HC", line.code, ...line.modifiers].join(":")}*${amount(line.charge)}*${amount(linePaid)}**${line.units}`);
        body.push(`DTM*472*${d8(line.dos)}`);
        // OA-23: the primary's part (its payment and its own adjustments); PR: what the patient still owes.
        const answer = c.otherPayers![0].lines.find((a) => a.lineId === line.lineId)!;
        const pr = answer.adjustments.filter((a) => a.group === "PR").reduce((s, a) => s + a.amount, 0);
        const prior = line.charge - pr;
        if (prior !== 0) body.push(`CAS*OA*23*${amount(prior)}`);
        if (pr - linePaid !== 0) body.push(`CAS*PR*2*${amount(pr - linePaid)}`);
        body.push(`REF*6R*${line.lineId}`);
      }
    }
    const segments = [
      `ST*835*${control}*005010X221A1`,
      `BPR*I*${amount(total)}*C*CHK${"*".repeat(12)}${d8(date)}`,
      `TRN*1*SEC${control}${d8(date)}*${mine[0].payer.x12PayerId ?? mine[0].payer.payerId}`,
      `DTM*405*${d8(date)}`,
      `N1*PR*${mine[0].payer.name.toUpperCase()}*XV*${mine[0].payer.x12PayerId ?? mine[0].payer.payerId}`,
      `N1*PE*SAMPLE PRACTICE*XX*1234567893`,
      "LX*1",
      ...body,
    ];
    segments.push(`SE*${segments.length + 1}*${control}`);
    out.push(...segments);
  }
  out.push(`GE*${byPayer.size}*77`, "IEA*1*000000077");
  return out.join("~\n") + "~\n";
}

async function postedSecondaryEra() {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 1000 }), NOW);
  const today = SAMPLE_AS_OF;
  const books = await readClaimBooks(workbook);
  const { ledger } = await eraPlanInputs(workbook, today);
  const tables = await workbook.readTables(["Patients", "Payers", "ClaimStatus"]);
  const rows = <D extends typeof Patients | typeof Payers | typeof ClaimStatus>(def: D) =>
    tables[def.name] ? parseTable(def, tables[def.name]!).rows : [];
  const payers = rows(Payers);
  const due = claimsDueToSecondary({ claims: books.claims, patients: rows(Patients), payers, ledger, claimStatus: rows(ClaimStatus) });
  const claims = due.flatMap((d) => {
    const built = secondaryClaim(d, { payers, ledger });
    return built.ok ? [built.claim] : [];
  });
  expect(claims.length).toBeGreaterThanOrEqual(3);
  const read = read837p(
    write837p(claims, {
      ...envelopeFrom(books),
      sender: { id: "S", name: "P" },
      receiver: { id: "R", name: "R" },
      now: NOW,
    }).text,
  );
  if (!read.ok) throw new Error(read.error);
  expect(read.claims.map((c) => c.claimId).sort()).toEqual(claims.map((c) => c.claimId).sort());

  const left = new Map(due.map((d) => [d.claim.claimId, d.left]));
  const era = secondaryRemittance(claims, left, "2026-07-20");
  const { ledger: before, ctx } = await eraPlanInputs(workbook, "2026-07-20");
  const planned = await eraPostingPlan({ name: "secondary.835", bytes: new TextEncoder().encode(era) }, before, ctx);
  if (!planned.ok) throw new Error(planned.error);
  const posted = planned.preview.remittances.flatMap((r) => r.claims);
  expect(posted).toHaveLength(claims.length);
  expect(posted.filter((c) => c.outcome !== "matched").map((c) => [c.patientControl, c.outcome])).toEqual([]);
  expect(planned.preview.exceptions).toEqual([]);
  await applyPlan(workbook, planned.plan!, NOW);
  return { workbook, claims, due, before };
}

describe("a secondary's 835 for our secondary claims", () => {
  it("posts with every claim and line matched (CLM01 → CLP01, REF*6R → REF*6R)", async () => {
    const { claims } = await postedSecondaryEra();
    expect(claims.length).toBeGreaterThanOrEqual(3);
  });

  it("brings each claim's balance and patient share down by what the secondary paid, no more, and leaves no credit", async () => {
    const { workbook, claims, due, before } = await postedSecondaryEra();

    const { ledger: after } = await eraPlanInputs(workbook, "2026-07-20");
    const ids = new Set(claims.flatMap((c) => c.lines.map((l) => l.lineId)));
    const was = new Map(
      lineBalances(before)
        .filter((b) => ids.has(b.chargeId))
        .map((b) => [b.chargeId, b]),
    );
    const now = lineBalances(after).filter((b) => ids.has(b.chargeId));
    const byClaim = new Map<string, number>();
    for (const b of now) byClaim.set(b.claimId, (byClaim.get(b.claimId) ?? 0) + (was.get(b.chargeId)!.balance - b.balance));
    expect(now.filter((b) => b.balance < 0)).toEqual([]);
    for (const b of now) expect(was.get(b.chargeId)!.patientShare - b.patientShare).toBe(was.get(b.chargeId)!.balance - b.balance);
    // Each claim's balance came down by what the secondary paid on it: the left amount, no more.
    expect([...byClaim].sort()).toEqual(
      due
        .filter((d) => claims.some((c) => c.claimId === d.claim.claimId))
        .map((d) => [d.claim.claimId, d.left])
        .sort(),
    );
  });
});
