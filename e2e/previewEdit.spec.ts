// The browser host's preview as a place to change a billing table's cells and to read a report, end
// to end on the production build: on the sample practice, a Practice "Submitter ID" typed in with the
// mouse (double-click) and a Charges amount with the keyboard alone (Enter), both shown at once; a
// date that is not YYYY-MM-DD refused in one sentence with nothing written, Escape putting the cell
// back; the saved file holds both values and an Audit row for each. Then the aging report's sheets in
// the preview: percents as percents, dates as dates, the oldest balances filled as Excel fills them.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { guardEveryTest, openPanel, openSample, preview, save } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

async function showSheet(page: Page, name: RegExp): Promise<Locator> {
  await preview(page).getByRole("combobox", { name: "Sheet to preview" }).click();
  await page.getByRole("option", { name }).first().click();
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(name);
  return preview(page).getByTestId("sheet-grid");
}

/** The 0-based index of a header among the cells of the grid's first body row (the table's header row). */
async function columnOf(grid: Locator, header: string): Promise<number> {
  const headers = await grid.locator("tbody tr").first().locator("td").allTextContents();
  const index = headers.indexOf(header);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** The last day of the month before today's: the sample's books run up to today. */
function lastMonthEnd(): string {
  const today = new Date();
  return new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0)).toISOString().slice(0, 10);
}

test("a billing table's cells are edited in the preview, typed by column, with an Audit row each; a report shows as Excel shows it", async ({
  page,
}) => {
  await openSample(page);

  // Practice: the Submitter ID an 837P needs, typed in with the mouse; its leading zeros kept.
  let grid = await showSheet(page, /^Practice/);
  await expect(preview(page).getByText(/Double-click a cell of the table, or press Enter on it, to change it\./)).toBeVisible();
  const submitterRow = grid.locator("tbody tr").filter({ has: page.getByRole("cell", { name: "Submitter ID", exact: true }) });
  const submitter = submitterRow.locator("td").nth(await columnOf(grid, "Value"));
  const practiceRow = (await submitterRow.locator("th").textContent())!;
  await submitter.dblclick();
  const practiceEditor = grid.getByRole("textbox", { name: `New value for Practice row ${practiceRow}, Value` });
  await expect(practiceEditor).toBeFocused();
  await practiceEditor.fill("001234");
  await practiceEditor.press("Enter");
  await expect(submitter).toHaveText("001234");
  await expect(preview(page).getByRole("status")).toContainText(
    `Practice row ${practiceRow}, Value changed; the Audit table has a row for it.`,
  );
  await expect(submitter).toBeFocused();

  // Charges: an amount with the keyboard alone; the cell shows it as money, as Excel would.
  grid = await showSheet(page, /^Charges/);
  const amountColumn = await columnOf(grid, "Amount");
  const dosColumn = await columnOf(grid, "DOS");
  const firstLine = grid.locator("tbody tr").nth(1);
  const amount = firstLine.locator("td").nth(amountColumn);
  await expect(amount).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
  await amount.click();
  await expect(amount).toBeFocused();
  await page.keyboard.press("Enter");
  const amountEditor = grid.getByRole("textbox", { name: "New value for Charges row 2, Amount" });
  await expect(amountEditor).toBeFocused();
  await amountEditor.fill("$1,234.5");
  await page.keyboard.press("Enter");
  await expect(amount).toHaveText("$1,234.50");
  await expect(amount).toBeFocused();

  // The date of service typed as 5/2/2026: refused in one sentence, the editor left open; Escape puts it back.
  const dos = firstLine.locator("td").nth(dosColumn);
  const dosBefore = (await dos.textContent())!;
  expect(dosBefore).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.keyboard.press("ArrowLeft");
  for (let c = amountColumn - 1; c > dosColumn; c--) await page.keyboard.press("ArrowLeft");
  await expect(dos).toBeFocused();
  await page.keyboard.press("F2");
  const dosEditor = grid.getByRole("textbox", { name: "New value for Charges row 2, DOS" });
  await expect(dosEditor).toHaveValue(dosBefore);
  await dosEditor.fill("5/2/2026");
  await page.keyboard.press("Enter");
  await expect(preview(page).getByRole("alert")).toContainText(
    'Charges row 2, DOS: "5/2/2026" is not a date: type it as YYYY-MM-DD, like 2026-05-02. Nothing was written.',
  );
  await expect(dosEditor).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dosEditor).toHaveCount(0);
  await expect(dos).toHaveText(dosBefore);
  await expect(dos).toBeFocused();

  // The saved file holds both values, and an Audit row for each edit naming table, row and column.
  const tables = await tablesIn((await save(page)).bytes);
  expect(recordsOf(tables, "Practice").find((r) => r.Setting === "Submitter ID")?.Value).toBe("001234");
  const charges = recordsOf(tables, "Charges");
  expect(charges[0].Amount).toBe("1234.5");
  const edits = recordsOf(tables, "Audit").filter((r) => r.Action === "Edit cell");
  expect(edits.map((r) => r.What)).toEqual([
    `Practice row ${practiceRow} (Submitter ID), column "Value", edited in the sheet preview`,
    `Charges row 2 (ChargeID ${charges[0].ChargeID}), column "Amount", edited in the sheet preview`,
  ]);
  expect(edits[1].Totals).toMatch(/^was \$[\d,]+\.\d{2}, now \$1,234\.50$/);
  expect(edits.every((r) => r.Status === "done" && r.Rows === "1")).toBe(true);

  // A report's sheet, as Excel shows it: percents as percents, the oldest balances filled, dates as dates.
  const asOf = lastMonthEnd();
  const panel = await openPanel(page, "Reports");
  await panel.getByRole("textbox", { name: "As of" }).fill(asOf);
  await panel.getByRole("button", { name: "Run" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Report written" })).toContainText(`"Aging ${asOf}"`);
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(`Aging ${asOf}`);
  grid = preview(page).getByTestId("sheet-grid");
  await expect(preview(page).getByText(/, read-only\. Cells show as Excel shows them, with their number formats\./)).toBeVisible();
  const total = grid.locator("tbody tr").filter({ has: page.locator("td:first-of-type", { hasText: /^Total$/ }) });
  await expect(total.locator("td").last()).toHaveText("100.0%");
  await expect(total.locator("td").nth(4)).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(grid.locator("td[data-fill]").first()).toBeVisible();
  expect(await grid.locator("td[data-fill]").count()).toBeGreaterThan(0);

  grid = await showSheet(page, new RegExp(`^Aging ${asOf} detail`));
  const dosCells = grid.locator("tbody tr").nth(5).locator("td");
  await expect(dosCells.nth(4)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(dosCells.nth(9)).toHaveText(/^\$[\d,]+\.\d{2}$/);
});
