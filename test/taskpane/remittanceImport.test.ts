// The Import remittance panel's round trip without React, on the sample practice in a memory
// workbook: an 835 written for some of its open insurance claims is read with its stages announced,
// previewed (matched, a denial, PLB interest, totals that tie), posted in one write with its Audit
// row, and read again: the same file is then already posted and plans nothing. A refused file
// writes nothing; the exceptions go to a sheet of their own.
import { EXCEPTION_HEADERS } from "../../src/era/eraPlan";
import { beforeEach, describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import { MONEY_FORMAT } from "../../src/money";
import { DATE_FORMAT } from "../../src/reports/reportSheetLayout";
import { samplePractice } from "../../src/sample/practiceSample";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import {
  exportExceptions,
  postRemittance,
  previewRemittance,
  stageLabel,
  STAGE_PROGRESS,
} from "../../taskpane/remittance/remittanceImport";
import { alreadyPostedMessage, postedMessage, remittanceView } from "../../taskpane/remittance/remittanceView";
import { syntheticRemittance } from "../era/syntheticRemittance";

const TODAY = "2026-06-30";
const NOW = new Date(2026, 5, 30, 10, 15, 0);

/** Claims of an insurer (with an X12 Payer ID) not paid yet: no line of the claim has a posting. */
function openClaims(ledger: Ledger): { payerId: string; x12: string; name: string; claimIds: string[] } {
  const touched = new Set(ledger.charges.filter((c) => (ledger.postingsByCharge.get(c.chargeId) ?? []).length > 0).map((c) => c.claimId));
  let best: { payerId: string; x12: string; name: string; claimIds: string[] } | undefined;
  for (const payer of ledger.payers) {
    if (!payer.x12PayerId) continue;
    const claimIds = [
      ...new Set(ledger.charges.filter((c) => c.payerId === payer.payerId && !touched.has(c.claimId)).map((c) => c.claimId)),
    ];
    if (!best || claimIds.length > best.claimIds.length)
      best = { payerId: payer.payerId, x12: payer.x12PayerId, name: payer.name, claimIds };
  }
  if (!best || best.claimIds.length < 3) throw new Error("the sample has no insurer with three open claims");
  return best;
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function tableSizes(workbook: MemoryWorkbook): Promise<Record<string, number>> {
  const info = await workbook.describe();
  return Object.fromEntries(info.tables.map((t) => [t.name, t.rowCount]));
}

describe("importing a remittance from the panel", () => {
  let workbook: MemoryWorkbook;
  let ledger: Ledger;
  let open: ReturnType<typeof openClaims>;

  beforeEach(async () => {
    workbook = new MemoryWorkbook();
    await applyPlan(workbook, samplePractice({ lines: 400, asOf: TODAY }));
    ledger = (await readLedger(workbook)).ledger;
    open = openClaims(ledger);
  });

  function remittance() {
    const [paid, second, denied] = open.claimIds;
    return syntheticRemittance(ledger, {
      transactions: [
        {
          payer: { name: open.name, id: open.x12 },
          trace: "EFT5550001",
          date: "2026-06-25",
          claims: [{ claimId: paid, coinsurancePercent: 20 }, { claimId: second }, { claimId: denied, denial: "50" }],
          plb: [{ reason: "L6", amount: -125 }],
        },
      ],
    });
  }

  it("announces each stage, previews the payment, posts it once and then finds it posted", async () => {
    const file = remittance();
    const stages: string[] = [];
    const read = await previewRemittance(workbook, { name: "sample.835", read: async () => file.bytes }, (s) => void stages.push(s), TODAY);
    expect(stages).toEqual(["reading", "checking", "matching", "ready"]);
    expect(stages.map((s) => STAGE_PROGRESS[s as keyof typeof STAGE_PROGRESS])).toEqual([0.05, 0.25, 0.45, 1]);
    if (!read.ok) throw new Error(read.error);
    expect(read.plan).toBeDefined();

    const [r] = read.preview.remittances;
    const view = remittanceView(r, 0);
    expect(view.payer).toBe(`${open.name} · ${open.payerId}`);
    expect(view.trace).toBe("EFT EFT5550001");
    expect(view.amount).toBe(`$${(file.transactions[0].amount / 100).toFixed(2)}`);
    expect(view.claims.map((c) => [c.patientControl, c.outcome])).toEqual([
      [open.claimIds[0], "matched"],
      [open.claimIds[1], "matched"],
      [open.claimIds[2], "denied"],
    ]);
    // Names come from the file, for the pane only.
    expect(view.claims[0].patientName).toContain("ZZTESTLAST");
    expect(view.totals.ties).toBe(true);
    expect(view.counts).toBe("3 claims: 2 matched, 1 denial");
    // The money line by line adds up to the check: claims paid + the interest = BPR02.
    const claimsPaid = file.transactions[0].claims.reduce((sum, c) => sum + c.paid, 0);
    expect(view.totals.lines.filter((l) => l.part).map((l) => [l.label, l.amount])).toEqual([
      ["Paid on claims", `$${(claimsPaid / 100).toFixed(2)}`],
      ["Interest (L6)", "+$1.25"],
    ]);
    expect(claimsPaid + 125).toBe(file.transactions[0].amount);
    expect(view.callouts[0]).toBe("1 denial to work: nothing paid, flagged for follow-up.");
    expect(read.preview.exceptions.map((e) => e.patientControl)).toEqual([open.claimIds[2]]);

    const before = await tableSizes(workbook);
    const posted = await postRemittance(workbook, { plan: read.plan!, snapshot: read.snapshot }, NOW);
    if (!posted.ok) throw new Error(posted.error);
    const applied = posted.applied;
    expect(applied.auditTime).toBe("2026-06-30 10:15:00");
    const money = (cents: number) => `$${(cents / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
    expect(postedMessage(read.preview)).toBe(
      `1 payment of ${money(file.transactions[0].amount)} posted: ${money(claimsPaid)} paid on claims + $1.25 interest (L6) = ` +
        `${money(file.transactions[0].amount)}. 3 claims: 2 posted, 1 denial. 1 exception stays listed below. The Audit sheet records it.`,
    );
    const after = (await readLedger(workbook)).ledger;
    const payment = after.payments.filter((p) => p.reference === "EFT5550001");
    expect(payment).toHaveLength(1);
    expect(payment[0]).toMatchObject({ method: "ERA", payerId: open.payerId, amount: file.transactions[0].amount });
    const postings = after.postingsByPayment.get(payment[0].paymentId) ?? [];
    expect(postings.length).toBeGreaterThan(0);
    // Exactly the three claims the file names (the payer may have more open claims than that).
    expect(new Set(postings.map((p) => after.chargeById.get(p.chargeId)!.claimId))).toEqual(new Set(open.claimIds.slice(0, 3)));
    const sizes = await tableSizes(workbook);
    expect(sizes.Payments).toBe(before.Payments + 1);
    expect(sizes.Postings).toBe(before.Postings + postings.length);
    expect(sizes.Audit).toBe(before.Audit + 1);
    expect(sizes.ProviderAdjustments).toBe((before.ProviderAdjustments ?? 0) + 1);

    // The same file again: already posted, said when, and nothing to write.
    const again = await previewRemittance(workbook, { name: "sample.835", read: async () => file.bytes }, undefined, TODAY);
    if (!again.ok) throw new Error(again.error);
    expect(again.plan).toBeUndefined();
    expect(again.preview.remittances[0].alreadyPosted).toEqual({ on: "2026-06-30 10:15:00", paymentId: payment[0].paymentId });
    // Read again after posting, each claim says what became of it: the denial is still a denial.
    const postedView = remittanceView(again.preview.remittances[0], 0);
    expect(postedView.claims.map((c) => [c.patientControl, c.outcome, c.outcomeLabel])).toEqual([
      [open.claimIds[0], "matched", "Posted"],
      [open.claimIds[1], "matched", "Posted"],
      [open.claimIds[2], "denied", "Denied — posted"],
    ]);
    expect(postedView.counts).toBe("3 claims: 2 posted, 1 denial");
    expect(postedView.totals.ties).toBe(true);
    expect(alreadyPostedMessage(again.preview)).toBe(
      `EFT EFT5550001 from ${open.name} ($${(file.transactions[0].amount / 100).toFixed(2)}) was posted on 2026-06-30 10:15:00. Nothing was written.`,
    );
    expect(await tableSizes(workbook)).toEqual(sizes);
  });

  it("refuses a file that is not a 5010 remittance, in words, and writes nothing", async () => {
    const before = await tableSizes(workbook);
    const v4010 = remittance().text.replaceAll("005010X221A1", "004010X091A1").replace("*00501*", "*00401*");
    const refused = await previewRemittance(workbook, { name: "old.835", read: async () => bytesOf(v4010) }, undefined, TODAY);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/4010/);
    const garbage = await previewRemittance(
      workbook,
      { name: "notes.txt", read: async () => bytesOf("Dear doctor, thank you.") },
      undefined,
      TODAY,
    );
    expect(garbage.ok).toBe(false);
    const empty = await previewRemittance(workbook, { name: "empty.835", read: async () => new Uint8Array() }, undefined, TODAY);
    expect(empty.ok).toBe(false);
    expect(await tableSizes(workbook)).toEqual(before);
  });

  it("refuses to post a preview when Payments changed since it (someone else posted the file), and writes nothing", async () => {
    const file = remittance();
    const mine = await previewRemittance(workbook, { name: "sample.835", read: async () => file.bytes }, undefined, TODAY);
    const theirs = await previewRemittance(workbook, { name: "sample.835", read: async () => file.bytes }, undefined, TODAY);
    if (!mine.ok || !theirs.ok) throw new Error("not previewed");
    // The other biller posts first.
    const posted = await postRemittance(workbook, { plan: theirs.plan!, snapshot: theirs.snapshot }, NOW);
    expect(posted.ok).toBe(true);
    const before = await tableSizes(workbook);
    const refused = await postRemittance(workbook, { plan: mine.plan!, snapshot: mine.snapshot }, NOW);
    expect(refused).toEqual({
      ok: false,
      changed: ["Payments", "Postings", "ProviderAdjustments"],
      error:
        "The Payments, Postings and ProviderAdjustments tables changed since this preview (someone else may be posting): preview again before posting. Nothing was written.",
    });
    expect(await tableSizes(workbook)).toEqual(before);
  });

  it("posts a preview when only the Audit sheet changed since it (a report was run)", async () => {
    const file = remittance();
    const read = await previewRemittance(workbook, { name: "sample.835", read: async () => file.bytes }, undefined, TODAY);
    if (!read.ok) throw new Error(read.error);
    await exportExceptions(workbook, read.preview, NOW);
    const posted = await postRemittance(workbook, { plan: read.plan!, snapshot: read.snapshot }, NOW);
    expect(posted.ok).toBe(true);
  });

  it("exports the exceptions to a sheet of their own, with an Audit row", async () => {
    const file = remittance();
    const read = await previewRemittance(workbook, { name: "sample.835", read: async () => file.bytes }, undefined, TODAY);
    if (!read.ok) throw new Error(read.error);
    const before = await tableSizes(workbook);
    const applied = await exportExceptions(workbook, read.preview, NOW);
    expect(applied.sheetsWritten).toEqual(["ERA exceptions 2026-06-25"]);
    const sheet = (await workbook.readSheet("ERA exceptions 2026-06-25"))!;
    const cells = JSON.stringify(sheet);
    expect(cells).not.toContain("ZZTEST");
    // The denied claim, with whose money, the account, the date of service and the payer's figures.
    expect(sheet[1]).toEqual([...EXCEPTION_HEADERS]);
    const denied = file.transactions[0].claims[2];
    const lines = ledger.charges.filter((c) => c.claimId === open.claimIds[2]);
    const row = sheet[2];
    expect(row.slice(0, 10)).toEqual([
      `${open.name} (${open.payerId})`,
      "EFT5550001",
      open.claimIds[2],
      lines[0].patientId,
      null,
      isoToSerial(lines[0].dos, 1900),
      denied.charge / 100,
      0,
      0,
      0,
    ]);
    expect(denied.charge).toBe(lines.reduce((sum, l) => sum + l.amount, 0));
    expect(row[10]).toMatch(/^denied \(.*CO-50/);
    const layout = workbook.sheets.find((s) => s.name === "ERA exceptions 2026-06-25")!.layout!;
    expect(layout.columns!.map((c) => c.numberFormat)).toEqual([
      "@",
      "@",
      "@",
      "@",
      "@",
      DATE_FORMAT,
      MONEY_FORMAT,
      MONEY_FORMAT,
      MONEY_FORMAT,
      MONEY_FORMAT,
      undefined,
    ]);
    // Every column as wide as its header at least, the reason widest.
    layout.columns!.forEach((c, i) => expect(c.width!).toBeGreaterThanOrEqual(String(sheet[1][i]).length));
    expect(Math.max(...layout.columns!.map((c) => c.width!))).toBe(layout.columns![10].width);
    expect((await tableSizes(workbook)).Audit).toBe(before.Audit + 1);
  });

  it("says each stage in words", () => {
    expect(stageLabel("reading", "acme.835")).toBe("Reading acme.835…");
    expect(stageLabel("checking")).toBe("Reading the claims and payments in the workbook…");
    expect(stageLabel("matching")).toBe("Checking the remittance and matching its claims…");
    expect(stageLabel("ready")).toBe("Ready to review.");
  });
});
