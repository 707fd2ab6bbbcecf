// The Follow-up panel end to end, in the browser host on the production build, at Excel's narrowest
// pane width: on the sample practice, the panel's chunk is fetched only when its tab is chosen; the four
// worklists show the engine's counts and totals (worked out in Node on the same saved workbook) and
// their rows; a denied line goes to its ChargeID cell in the grid; selected and set to Appealed with a
// follow-up date, it shows Appealed on the lists read again and gets an appeal letter on its sheet; a fee schedule with a bad amount is refused
// by row and column and a good one is previewed and imported. The saved file has the FollowUp row, the
// contract rate and their Audit rows. Screenshots: the whole panel in test-results/, its top in docs/.
import { expect, test, type Locator } from "@playwright/test";
import { addDays, todayIso } from "../src/dates";
import { readFollowUp } from "../src/followup/followUpBooks";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { ITEMS_SHOWN, moreText, sectionViews, type SectionView } from "../taskpane/followup/followUpView";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, preview, save } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

const FOLLOW_UP_CHUNK = /\/panel-followup\.[0-9a-f]+\.js$/;

/** A section of the panel's worklists, by its list's name. */
const sectionOf = (panel: Locator, list: string) => panel.locator(`[data-list="${list}"]`);

test("the worklists show the engine's items, a denied line is set to Appealed, and contract rates are imported", async ({ page }) => {
  const chunks: string[] = [];
  page.on("request", (request) => chunks.push(new URL(request.url()).pathname));
  await openSample(page);

  // What the engine says in Node for the same saved workbook, as of today.
  const today = todayIso();
  const saved = await XlsxWorkbook.load((await save(page)).bytes);
  const read = await readFollowUp(saved, today);
  const expected = sectionViews(read.lists, read.hasContracts);
  const filled = expected.filter((s) => s.items.length > 0);
  // Say in the run's output what the sample fills today (it is being changed to fill every list).
  test.info().annotations.push({
    type: "sample lists",
    description: expected.map((s) => `${s.title}: ${s.items.length}`).join(", "),
  });
  const denied = expected.find((s) => s.id === "denied")!;
  expect(denied.items.length, "the sample has denied lines still owed").toBeGreaterThan(0);
  expect(
    chunks.filter((c) => FOLLOW_UP_CHUNK.test(c)),
    "the panel is not in the first load",
  ).toEqual([]);

  await narrowPane(page);
  const panel = await openPanel(page, "Follow-up");
  await expect(panel.getByRole("textbox", { name: "As of" })).toHaveValue(today);
  await panel.getByRole("button", { name: "Show lists" }).click();
  await expect(panel.getByText(`As of ${today}`, { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText("Reading the worklists…")).toHaveCount(0);
  expect(chunks.filter((c) => FOLLOW_UP_CHUNK.test(c))).toHaveLength(1);
  await expect(panel.getByRole("list", { name: "Problems in the workbook" })).toHaveCount(read.problems.length > 0 ? 1 : 0);

  // Every section: the engine's count and total in its header; the first rows of a filled one, or its sentence.
  for (const section of expected) await expectSection(panel, section);
  expect(filled.length, "lists the sample fills").toBeGreaterThan(0);

  // A denied line's row shows its cell: the grid turns to Charges and outlines its ChargeID.
  const first = denied.items[0];
  const deniedList = panel.getByRole("list", { name: "Denied items" });
  const row = deniedList.locator(`li[data-item="${first.key}"]`);
  await row.getByRole("button").click();
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(/^Charges/);
  const target = preview(page).getByTestId("sheet-grid").locator("td[data-target]");
  await expect(target).toHaveText(first.ref.chargeId!);
  await expect(target).toBeInViewport();

  // Selected and set to Appealed with a follow-up date two weeks out and a note.
  const due = addDays(today, 14);
  await row.getByRole("checkbox", { name: `Select ${first.claimId} ${first.what}` }).check();
  const actions = panel.getByRole("region", { name: "Selected items" });
  await expect(actions).toContainText(`1 selected · ${first.amountText.replace(/ open$/, "")}`);
  await expect(actions.getByRole("combobox", { name: "Action" })).toHaveValue("Appealed");
  // A follow-up date that is not a date is said on its field; nothing is written.
  await actions.getByRole("textbox", { name: "Follow-up date" }).fill("2026-02-30");
  await actions.getByRole("button", { name: "Set status" }).click();
  await expect(actions.getByText('"2026-02-30" is not a real calendar date.')).toBeVisible();
  await actions.getByRole("textbox", { name: "Follow-up date" }).fill(due);
  await actions.getByRole("textbox", { name: "Note" }).fill("Records sent");
  await actions.getByRole("button", { name: "Set status" }).click();
  const done = panel.getByRole("status").filter({ hasText: "Status set" });
  await expect(done).toContainText(`1 item set to Appealed, follow up ${due}.`);
  await expect(row).toHaveAttribute("data-status", "Appealed");
  await expect(row).toContainText(`since ${today} · follow up ${due}`);
  await expect(row).toContainText("“Records sent”");
  await expect(actions).toHaveCount(0);

  // Read again with Refresh: still Appealed.
  await panel.getByRole("button", { name: "Refresh" }).click();
  await expect(panel.getByText("Reading the worklists…")).toHaveCount(0);
  await expect(deniedList.locator(`li[data-item="${first.key}"]`)).toHaveAttribute("data-status", "Appealed");

  // The appeal letter for that line: on a sheet of its own, the notice says where.
  await row.getByRole("checkbox", { name: `Select ${first.claimId} ${first.what}` }).check();
  await actions.getByRole("button", { name: "Appeal letter" }).click();
  const letter = panel.getByRole("status").filter({ hasText: `Appeal letter for ${first.claimId}` });
  await expect(letter).toContainText(`The letter is on the sheet "Appeal ${first.claimId}", ready to print`);
  await actions.getByRole("button", { name: "Clear" }).click();

  // A fee schedule with an amount that is not one: every problem by the file's row and column, nothing to import.
  const contracts = panel.getByRole("region", { name: "Contract rates" });
  const payerId = read.ledger.payers.find((p) => p.type !== "Self-pay")!.payerId;
  await contracts.getByRole("combobox", { name: "Payer" }).selectOption(payerId);
  const feeSchedule = (text: string) => ({ name: "fee-schedule.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
  await panel.getByTestId("contract-file").setInputFiles(feeSchedule("Code,Allowed\n99213,ten dollars\n"));
  await expect(contracts.getByText("Nothing can be imported from fee-schedule.csv: 1 problem.")).toBeVisible();
  await expect(contracts.getByRole("list", { name: "Problems in the file" })).toContainText("fee-schedule.csv row 2, Allowed");
  await expect(contracts.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  // A good one: previewed (with a note when it overlaps the sample's own rates), then imported.
  await contracts.getByRole("textbox", { name: "Rates start" }).fill(addDays(today, 1));
  await panel.getByTestId("contract-file").setInputFiles(feeSchedule("Code,Allowed\n99213,95.00\n99214,140.00\n"));
  await expect(
    contracts.getByText(`2 contract rates for ${payerId} in fee-schedule.csv. Nothing is written until you import them.`),
  ).toBeVisible();
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await contracts.getByRole("button", { name: "Import 2 contract rates" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Contract rates imported" })).toContainText(
    `Added 2 contract rates for ${payerId} from fee-schedule.csv to the Contracts table`,
  );
  await expect(contracts.getByRole("button", { name: "Import 2 contract rates" })).toHaveCount(0);

  // The screenshot: the panel (checked at 320 pixels, pictured at 350) with two denied lines selected, nothing cut off.
  const rows = deniedList.getByRole("listitem");
  for (const i of [0, 1].filter((k) => k < denied.items.length)) await rows.nth(i).getByRole("checkbox").check();
  await expect(actions).toBeVisible();
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await paneScreenshot(page, panel, { path: "test-results/followup-panel.png", height: 6000, end: contracts });
  // For the README: the top of the panel down to the Denied list's rows.
  await paneScreenshot(page, panel, { path: "docs/taskpane-follow-up.png", height: 2400, end: deniedList });

  // The saved file: the FollowUp row, the contract rates, and an Audit row for each.
  const tables = await tablesIn((await save(page)).bytes);
  const followUp = recordsOf(tables, "FollowUp");
  expect(followUp.at(-1)).toMatchObject({
    ClaimID: first.claimId,
    ChargeID: first.ref.chargeId,
    List: "Denied",
    Status: "Appealed",
    Note: "Records sent",
  });
  const rates = recordsOf(tables, "Contracts").filter((r) => r.PayerID === payerId && r.Code === "99214" && r.Allowed.startsWith("140"));
  expect(rates).toHaveLength(1);
  const audit = recordsOf(tables, "Audit");
  expect(audit.filter((r) => r.Action === "Follow-up").map((r) => r.What)).toEqual([`1 item set to Appealed, follow up ${due}`]);
  expect(audit.filter((r) => r.Action === "Appeal letter").map((r) => r.What)).toEqual([
    expect.stringMatching(new RegExp(`^appeal letter for claim ${first.claimId} to payer .* on sheet "Appeal ${first.claimId}"$`)),
  ]);
  expect(audit.filter((r) => r.Action === "Import contract rates").map((r) => r.What)).toEqual([
    `2 contract rates for ${payerId} from fee-schedule.csv`,
  ]);
});

/** A section as the engine makes it: its header's summary, then its first rows (or why it has none). */
async function expectSection(panel: Locator, section: SectionView): Promise<void> {
  const shown = sectionOf(panel, section.list);
  await expect(shown.getByRole("button", { name: new RegExp(`^${section.title}`) })).toContainText(section.summary);
  if (section.items.length === 0) {
    await expect(shown).toContainText(section.empty!);
    return;
  }
  const list = panel.getByRole("list", { name: `${section.title} items` });
  const rows = list.getByRole("listitem");
  await expect(rows).toHaveCount(Math.min(ITEMS_SHOWN, section.items.length));
  const first = section.items[0];
  await expect(rows.first()).toHaveAttribute("data-item", first.key);
  await expect(rows.first()).toContainText(`${first.claimId} · ${first.payerId}`);
  await expect(rows.first()).toContainText(first.sub);
  await expect(rows.first()).toContainText(first.amountText);
  for (const figure of first.figures) await expect(rows.first()).toContainText(figure);
  await expect(shown).toContainText(section.next);
  if (section.items.length > ITEMS_SHOWN) {
    await expect(shown.getByRole("button", { name: moreText(section.items.length - ITEMS_SHOWN) })).toBeVisible();
  }
}
