// Issue 19 items 7 and 8: the browser host and its pane at the widths a biller uses, and from the
// keyboard. At 350 and 390 pixels the page stacks (pane on top, preview below) and never scrolls
// sideways, the pane offers its panels in a "Panel" list, and a long message wraps with its Dismiss
// button in sight; at 700 the page stacks too, the preview as wide as the window and the pane with
// tabs; at 1280 pane and preview sit side by side. The preview's grid scrolls from the keyboard, and
// the "Panel" list is used from the keyboard. Screenshot: docs/taskpane-accounts.png.
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  guardEveryTest,
  openPanel,
  openSample,
  overflow,
  pane,
  PANEL_NAMES,
  paneScreenshot,
  panelOf,
  preview,
  SHOT_WIDTH,
} from "./browserPage";

guardEveryTest();

/** How far the page itself scrolls sideways (0: not at all). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The host's preview side (the sheet picker and grid, or "No workbook is open."). */
const previewSide = (page: Page) => page.getByRole("complementary", { name: "Workbook preview" });

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** The grid's column letters wholly inside its scroller: the columns a user sees without scrolling. */
async function columnsInView(page: Page): Promise<number> {
  const scroller = page.getByRole("region", { name: /^Sheet preview: / });
  return scroller.evaluate((el) => {
    const right = el.getBoundingClientRect().right;
    return [...el.querySelectorAll('th[scope="col"]')].filter((th) => th.getBoundingClientRect().right <= right).length;
  });
}

test("at 350 pixels the page stacks, the pane offers a Panel list, and no panel reaches past the pane or scrolls sideways", async ({
  page,
}) => {
  await page.setViewportSize({ width: SHOT_WIDTH, height: 900 });
  await openSample(page);
  const nav = pane(page).getByRole("navigation", { name: "Panels" });
  await expect(nav.getByRole("tab")).toHaveCount(0);
  const picker = nav.getByRole("combobox", { name: "Panel" });
  await expect(picker).toHaveValue("setup");
  expect((await box(pane(page))).y + (await box(pane(page))).height).toBeLessThanOrEqual((await box(previewSide(page))).y);

  for (const name of PANEL_NAMES) {
    const panel = await openPanel(page, name);
    await expect(panel.getByRole("progressbar")).toHaveCount(0, { timeout: 60_000 });
    // The list shows the panel that is open.
    await expect(picker.locator("option:checked")).toHaveText(name);
    expect(await overflow(panel), name).toEqual({ scroll: 0, wide: [] });
    expect(await sideways(page), name).toBe(0);
  }
  // The Patient accounts panel for docs/ (the other panels' pictures come from their own specs).
  const accounts = await openPanel(page, "Patient accounts");
  await paneScreenshot(page, accounts, { path: "docs/taskpane-accounts.png", height: 2400, end: accounts });
});

test("at 350 pixels a long Codes message wraps inside the pane and its Dismiss button stays in sight", async ({ page }) => {
  await page.setViewportSize({ width: 350, height: 800 });
  await openSample(page);
  const panel = await openPanel(page, "Codes");
  await expect(panel.getByText("No code sets in this workbook yet.", { exact: false })).toBeVisible();
  // A file name with no year and no space to break at: the message names it and asks for the year.
  const name = "icd10cm_order_downloaded_for_the_practice_by_the_office_manager.txt";
  await panel.getByTestId("code-file").setInputFiles({
    name,
    mimeType: "text/plain",
    buffer: await readFile("e2e/fixtures/icd10cm_order_sample.txt"),
  });
  const alert = panel.getByRole("alert");
  await expect(alert).toContainText("Could not import the code file");
  await expect(alert).toContainText(name);
  const dismiss = alert.getByRole("button", { name: "Dismiss" });
  await expect(dismiss).toBeInViewport({ ratio: 1 });
  const [button, bar, paneBox] = [await box(dismiss), await box(alert), await box(pane(page))];
  expect(button.x + button.width).toBeLessThanOrEqual(bar.x + bar.width);
  expect(bar.x + bar.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  expect(await sideways(page)).toBe(0);
  await dismiss.click();
  await expect(panel.getByRole("alert")).toHaveCount(0);
});

test("at 390 pixels the pane is above the preview, the page scrolls down and not sideways, and the grid scrolls from the keyboard", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSample(page);
  await expect(preview(page).getByTestId("sheet-grid")).toBeVisible();
  const [paneBox, previewBox] = [await box(pane(page)), await box(previewSide(page))];
  expect(paneBox.y + paneBox.height).toBeLessThanOrEqual(previewBox.y);
  expect(paneBox.width).toBeGreaterThan(380);
  expect(previewBox.width).toBeGreaterThan(380);
  expect(await sideways(page)).toBe(0);

  // Tab from the sheet picker reaches the grid, named for its sheet; the keys then scroll it.
  const sheet = preview(page).getByRole("combobox", { name: "Sheet to preview" });
  const grid = page.getByRole("region", { name: `Sheet preview: ${(await sheet.textContent())!}` });
  await sheet.focus();
  await page.keyboard.press("Tab");
  await expect(grid).toBeFocused();
  // The empty corner of the grid's head says what the column under it holds, to a screen reader.
  await expect(grid.locator("thead th").first()).toHaveText("Row");
  await page.keyboard.press("PageDown");
  await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await sideways(page)).toBe(0);
});

test("at 700 pixels the preview is as wide as the window under a pane with tabs; at 1280 they sit side by side", async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await openSample(page);
  // Charges, a sheet of many columns.
  await preview(page).getByRole("combobox", { name: "Sheet to preview" }).click();
  await page.getByRole("option", { name: /^Charges/ }).click();
  await expect(preview(page).getByTestId("sheet-grid")).toContainText("ChargeID");
  const [paneBox, previewBox] = [await box(pane(page)), await box(previewSide(page))];
  expect(paneBox.y + paneBox.height).toBeLessThanOrEqual(previewBox.y);
  expect(previewBox.width).toBeGreaterThanOrEqual(680);
  expect(await columnsInView(page)).toBeGreaterThanOrEqual(6);
  expect(await sideways(page)).toBe(0);
  // A pane this wide has room for the tabs, and they work as tabs.
  const nav = pane(page).getByRole("navigation", { name: "Panels" });
  await expect(nav.getByRole("combobox", { name: "Panel" })).toHaveCount(0);
  await nav.getByRole("tab", { name: "Reports", exact: true }).click();
  await expect(panelOf(page, "Reports")).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  const [wideLeft, wideRight] = [await box(pane(page)), await box(previewSide(page))];
  expect(wideLeft.x + wideLeft.width).toBeLessThanOrEqual(wideRight.x);
  expect(wideRight.width).toBeGreaterThanOrEqual(480);
  expect(await columnsInView(page)).toBeGreaterThanOrEqual(6);
  expect(await sideways(page)).toBe(0);
  // The pane beside the preview is narrow: the same panel, now in the list.
  await expect(nav.getByRole("combobox", { name: "Panel" }).locator("option:checked")).toHaveText("Reports");
});

test("the Panel list works from the keyboard: an arrow key opens the next panel", async ({ page }) => {
  await page.setViewportSize({ width: 350, height: 800 });
  await openSample(page);
  const picker = pane(page).getByRole("navigation", { name: "Panels" }).getByRole("combobox", { name: "Panel" });
  await picker.focus();
  await page.keyboard.press("ArrowDown");
  await expect(panelOf(page, "Codes")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Codes");
  await expect(picker).toBeFocused();
});
