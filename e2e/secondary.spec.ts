// The Claims panel's secondary claims end to end, in the browser host on the production build: the
// sample practice gets its Submitter and Receiver IDs (typed in Node, as an office types them in
// Excel); the panel lists the claims due to a secondary payer as the engine finds them in Node on the
// same file (headline, one row each with its payers and what is left); Create secondary 837P
// downloads an 837P whose claims carry the primary's answer (SBR*S, AMT*D, SVD per line), records
// each claim in ClaimStatus (Billed, Sequence Secondary) with one Audit row, and then nothing is due.
// At Excel's narrowest pane width, nothing scrolling sideways; screenshot for docs/.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { read837p } from "../src/claims/837pRead";
import { readSecondaryBatch } from "../src/claims/secondaryBatch";
import { todayIso } from "../src/dates";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { secondaryHeadline, secondaryRowView } from "../taskpane/claims/secondaryRun";
import { guardEveryTest, narrowPane, openSample, overflow, paneScreenshot, save } from "./browserPage";
import { openClaims, reopen, withSettings } from "./claimsPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

test("the Claims panel lists the claims due to a secondary and writes their 837P with the primary's answer", async ({ page }) => {
  const today = todayIso();
  await openSample(page);
  const filled = await withSettings((await save(page)).bytes, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
  const batch = await readSecondaryBatch(await XlsxWorkbook.load(filled), { today });
  expect(batch.entries.length, "the sample has claims due to a secondary").toBeGreaterThan(0);
  expect(batch.ready.length).toBeGreaterThan(0);
  await reopen(page, "practice-secondary.xlsx", filled);

  await narrowPane(page);
  const panel = await openClaims(page);
  // The list of primary claims cut to one payer, so the secondary claims come into the picture.
  await panel.getByRole("combobox", { name: "Payer" }).selectOption({ index: 1 });
  const secondary = panel.getByRole("region", { name: "Secondary claims" });
  await expect(secondary).toContainText(secondaryHeadline(batch), { timeout: 60_000 });
  const rows = secondary.getByRole("list", { name: "Claims due to a secondary payer" }).getByRole("listitem");
  await expect(rows).toHaveCount(batch.entries.length);
  const first = secondaryRowView(batch.entries[0]);
  await expect(rows.first()).toHaveAttribute("data-secondary", first.claimId);
  await expect(rows.first()).toContainText(`${first.claimId} · ${first.payers}`);
  await expect(rows.first()).toContainText(first.left);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await paneScreenshot(page, panel, { path: "docs/taskpane-secondary.png", height: 3200, end: secondary });

  // Create: the file downloads, the notice says what it holds, and nothing is due any more.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    secondary.getByRole("button", { name: "Create secondary 837P" }).click(),
  ]);
  await expect(secondary.getByRole("status").filter({ hasText: "Secondary 837P file created" })).toContainText(
    `holds ${batch.ready.length} secondary claim`,
  );
  expect(download.suggestedFilename()).toMatch(/^claims-secondary-\d{9}\.837$/);
  const text = await readFile((await download.path())!, "utf8");
  const read = read837p(text);
  if (!read.ok) throw new Error(read.error);
  expect(read.claims.map((c) => c.claimId).sort()).toEqual(batch.ready.map((c) => c.claimId).sort());
  for (const segment of ["SBR*S*", "SBR*P*", "AMT*D*", "SVD*"]) expect(text).toContain(segment);
  if (batch.ready.length === batch.entries.length) await expect(secondary).toContainText("No claim is due to a secondary payer");

  // The saved file: a Billed row with Sequence Secondary per claim sent, and the Audit row.
  const tables = await tablesIn((await save(page)).bytes);
  const billed = recordsOf(tables, "ClaimStatus").filter((r) => r.Sequence === "Secondary");
  expect(billed.map((r) => [r.ClaimID, r.Event, r.Source]).sort()).toEqual(batch.ready.map((c) => [c.claimId, "Billed", "837P"]).sort());
  expect(recordsOf(tables, "Audit").filter((r) => r.Action === "Secondary claims exported")).toHaveLength(1);
});
