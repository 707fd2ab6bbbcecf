// The Claims panel in the browser host, for the specs that drive it: Practice settings typed into a
// saved workbook (as an office types them in Excel) and the workbook opened again, the Claims tab once
// its list is read, and a claim's row in the list.
import { expect, type Locator, type Page } from "@playwright/test";
import { settingKey } from "../src/workbook/practiceSettings";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { ALL_TABLES_FOUND, openPanel, pane } from "./browserPage";

/** Fill Practice settings: in their rows when the table has them, in new rows when it does not. */
export async function fillSettings(book: XlsxWorkbook, settings: Record<string, string>): Promise<void> {
  const raw = (await book.readTables(["Practice"])).Practice!;
  const values = raw.rows.map((row) => row[1] ?? null);
  const missing = new Map(Object.entries(settings));
  raw.rows.forEach((row, i) => {
    const name = Object.keys(settings).find((s) => settingKey(s) === settingKey(String(row[0] ?? "")));
    if (name !== undefined) {
      values[i] = settings[name];
      missing.delete(name);
    }
  });
  await book.write([
    { kind: "setColumn", table: "Practice", column: "Value", values },
    ...(missing.size > 0
      ? [{ kind: "appendRows" as const, table: "Practice", rows: [...missing].map(([s, v]) => ({ Setting: s, Value: v })) }]
      : []),
  ]);
}

/** A saved workbook with Practice settings filled (fillSettings), as a file to open again. */
export async function withSettings(bytes: Uint8Array, settings: Record<string, string>): Promise<Buffer> {
  const book = await XlsxWorkbook.load(bytes);
  await fillSettings(book, settings);
  return Buffer.from(await book.save());
}

export async function reopen(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId("open-file").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
  await expect(page.getByText(name)).toBeVisible();
  await expect(pane(page).getByText(ALL_TABLES_FOUND)).toBeVisible({ timeout: 60_000 });
}

/** The Claims tab, once its list is read. */
export async function openClaims(page: Page): Promise<Locator> {
  const panel = await openPanel(page, "Claims");
  await expect(panel.getByRole("region", { name: "Claims to bill" })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole("progressbar")).toHaveCount(0);
  return panel;
}

export const claimItem = (panel: Locator, claimId: string) => panel.locator(`li[data-claim="${claimId}"]`);
