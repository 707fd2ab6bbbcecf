// The Claims panel's secondary claims without React, on the sample practice (1,000 lines as of
// 2026-06-30) in a memory workbook: the claims due to a secondary as the terminal finds them, each
// row's words, the export refused in words without the clearinghouse IDs (nothing written), and with
// them an 837P of the ready claims carrying the primary's answer (SBR*S, AMT*D, SVD), ClaimStatus rows
// with Sequence Secondary and the Audit row, after which nothing is due any more.
import { describe, expect, it } from "vitest";
import { read837p } from "../../src/claims/837pRead";
import { samplePractice } from "../../src/sample/practiceSample";
import { formatMoney } from "../../src/money";
import { MemoryWorkbook, type MemoryTable } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import {
  crossedOverText,
  exportSecondaryClaims,
  readSecondaryBatch,
  secondaryExportedMessage,
  secondaryHeadline,
  secondaryRowView,
} from "../../taskpane/claims/secondaryRun";

const TODAY = "2026-06-30";
const NOW = new Date(2026, 5, 30, 15, 20, 0);

function table(workbook: MemoryWorkbook, name: string): MemoryTable {
  const found = workbook.sheets.find((s) => s.table?.name === name)?.table;
  if (!found) throw new Error(`no ${name} table`);
  return found;
}

async function sample(ids: boolean): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 1000, asOf: TODAY }));
  if (ids) table(workbook, "Practice").rows.push(["Submitter ID", "SAMPLE01"], ["Receiver ID", "CLEARHOUSE"]);
  return workbook;
}

describe("the secondary claims of the Claims panel", () => {
  it("lists the claims due to a secondary with the payers, what is left and whether each is ready", async () => {
    const batch = await readSecondaryBatch(await sample(false), { today: TODAY });
    expect(batch.entries.length).toBeGreaterThan(0);
    const left = batch.entries.reduce((sum, e) => sum + e.due.left, 0);
    expect(secondaryHeadline(batch)).toBe(
      `${batch.entries.length} claims due to a secondary payer (${formatMoney(left)} left after the primary): ${batch.ready.length} claims ready.`,
    );
    const first = batch.entries[0];
    expect(secondaryRowView(first)).toEqual({
      claimId: first.due.claim.claimId,
      payers: `${first.due.secondaryPayerId} · after ${first.due.claim.payer.payerId}`,
      left: `${formatMoney(first.due.left)} left`,
      status: "ready",
      statusText: "Ready",
      problems: [],
    });
    expect(secondaryHeadline({ entries: [], ready: [] })).toMatch(/^No claim is due to a secondary payer/);
  });

  it("refuses the export in words without the clearinghouse IDs, and writes nothing", async () => {
    const workbook = await sample(false);
    const before = table(workbook, "ClaimStatus").rows.length;
    const result = await exportSecondaryClaims(workbook, { now: NOW, today: TODAY });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/Submitter ID.*Nothing was written\.$/s);
    expect(table(workbook, "ClaimStatus").rows.length).toBe(before);
  });

  it("writes the ready claims with the primary's answer, records them in ClaimStatus, and then nothing is due", async () => {
    const workbook = await sample(true);
    const batch = await readSecondaryBatch(workbook, { today: TODAY });
    const result = await exportSecondaryClaims(workbook, { now: NOW, today: TODAY });
    if (!result.ok) throw new Error(result.error);
    const { outcome } = result;
    expect(outcome.claims.map((c) => c.claimId)).toEqual(batch.ready.map((c) => c.claimId));
    const read = read837p(outcome.file.text);
    if (!read.ok) throw new Error(read.error);
    // One transaction per secondary payer: the file groups them by payer.
    expect(read.claims.map((c) => c.claimId).sort()).toEqual(batch.ready.map((c) => c.claimId).sort());
    expect(outcome.file.text).toContain("SBR*S*");
    expect(outcome.file.text).toContain("AMT*D*");
    const history = table(workbook, "ClaimStatus");
    const rows = history.rows.map((r) => Object.fromEntries(history.headers.map((h, i) => [h, r[i]])));
    expect(rows.map((r) => [r.ClaimID, r.Sequence, r.Event])).toEqual(batch.ready.map((c) => [c.claimId, "Secondary", "Billed"]));
    expect(secondaryExportedMessage(outcome)).toMatch(/^claims-secondary-\d{9}\.837 holds \d+ secondary claims? for /);
    expect((await readSecondaryBatch(workbook, { today: TODAY })).entries).toEqual([]);
  });

  it("says the claims a primary crossed over, once", () => {
    expect(crossedOverText([])).toBeUndefined();
    expect(crossedOverText(["C1", "C2"])).toBe("Crossed over by the primary to the next payer, not to bill yourself: C1 and C2.");
    expect(crossedOverText(["A", "B", "C", "D", "E", "F", "G"])).toBe(
      "Crossed over by the primary to the next payer, not to bill yourself: A, B, C, D, E and 2 more.",
    );
  });
});
