// The browser host end to end, on the production build in Debian's Chromium: load the sample
// practice, lose a table, let Setup re-create it, save, and check the saved file with ExcelJS.
import { mkdir } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { BILLING_TABLES, Payments } from "../src/workbook/tables";
import { createTableOp } from "../src/workbook/plan";
import {
  ALL_TABLES_FOUND,
  guardEveryTest,
  narrowPane,
  overflow,
  pane,
  paneScreenshot,
  panelOf,
  save,
  settled,
  toolbar,
} from "./browserPage";
import { tablesIn, withCellsTyped, withoutTableSheet } from "./xlsxFiles";

guardEveryTest();

test("Setup re-creates a table missing from a workbook, and the saved file has all thirteen billing tables", async ({ page }) => {
  await page.goto("/browser.html");
  await toolbar(page).getByRole("button", { name: "Load sample workbook" }).click();
  await expect(pane(page).getByText("17 of 17 tables found.")).toBeVisible({ timeout: 60_000 });
  await expect(pane(page).getByRole("button", { name: "Create missing tables" })).toBeDisabled();
  await expect(pane(page).getByText("Every billing table is here: nothing to create.")).toBeVisible();

  // The office loses its Payments sheet: done to the saved file in Node, then opened in the page.
  const sample = await save(page);
  expect(sample.download.suggestedFilename()).toBe("medbill-sample.xlsx");
  const damaged = await withoutTableSheet(sample.bytes, "Payments");
  await page.getByTestId("open-file").setInputFiles({
    name: "practice-without-payments.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: damaged,
  });
  await expect(pane(page).getByText("16 of 17 tables found. Missing: Payments.")).toBeVisible();
  const paymentsItem = pane(page).locator('[data-table="Payments"]');
  await expect(paymentsItem.getByText("Missing", { exact: true })).toBeVisible();

  await pane(page).getByRole("button", { name: "Create missing tables" }).click();
  await expect(pane(page).getByRole("status").filter({ hasText: "Created 1 table: Payments." })).toBeVisible();
  await expect(pane(page).getByText("17 of 17 tables found.")).toBeVisible();
  await expect(paymentsItem.getByText("Found", { exact: true })).toBeVisible();

  // The preview turned to the new sheet: headers in row 1, nothing below.
  const preview = page.getByRole("region", { name: "Sheet preview", exact: true });
  await expect(preview.getByRole("combobox", { name: "Sheet to preview" })).toHaveText("Payments");
  const headerCells = preview.getByTestId("sheet-grid").locator("tbody tr").first().locator("td");
  await expect(headerCells).toHaveText(createTableOp(Payments).headers);
  await expect(preview.getByTestId("sheet-grid").locator("tbody tr")).toHaveCount(1);

  // Screenshots for docs/: the pane with the outcome and Payments opened to show its column
  // mapping, and the whole page with the new sheet in the preview.
  await paymentsItem.getByRole("button").first().click();
  await expect(paymentsItem.getByText("Columns found (our field ← your header)")).toBeVisible();
  await paneScreenshot(page, panelOf(page, "Setup"), { path: "docs/taskpane-setup.png", height: 1600, end: paymentsItem });
  await mkdir("docs", { recursive: true });
  await settled(page);
  await page.screenshot({ path: "docs/browser-host.png", fullPage: true, animations: "disabled" });

  // Check rows reads every table: a line per billing table, then the issues found, if any.
  await pane(page).getByRole("button", { name: "Check rows" }).click();
  const check = pane(page).getByRole("region", { name: "Row check" });
  await expect(check).toBeVisible({ timeout: 60_000 });
  for (const def of BILLING_TABLES) await expect(check.getByText(def.name, { exact: true })).toBeVisible();
  await expect(check.getByText("Charges", { exact: true }).locator("xpath=following-sibling::*[1]")).toHaveText(/^2,\d{3} rows$/);

  const saved = await save(page);
  expect(saved.download.suggestedFilename()).toBe("practice-without-payments.xlsx");
  const tables = await tablesIn(saved.bytes);
  expect(tables.map((t) => t.name).sort()).toEqual(BILLING_TABLES.map((d) => d.name).sort());
  const payments = tables.find((t) => t.name === "Payments")!;
  expect(payments.headers).toEqual(createTableOp(Payments).headers);
  expect(payments.sheet).toBe("Payments");
  // An Excel table always has a body row: the new one's is blank.
  expect(payments.rows.flat().every((v) => v === "")).toBe(true);
  // The sample's other tables came through the round trip with their rows.
  expect(tables.find((t) => t.name === "Charges")!.rows.length).toBeGreaterThanOrEqual(2000);
  const audit = tables.find((t) => t.name === "Audit")!;
  const actionCol = audit.headers.indexOf("Action");
  const whatCol = audit.headers.indexOf("What");
  expect(audit.rows.filter((r) => r[actionCol] === "Setup").map((r) => r[whatCol])).toContainEqual(expect.stringContaining("Payments"));
});

test("a file that is not a workbook is refused with a clear message, and nothing else changes", async ({ page }) => {
  await page.goto("/browser.html");
  await page
    .getByTestId("open-file")
    .setInputFiles({ name: "visit-notes.xlsx", mimeType: "text/plain", buffer: Buffer.from("PatientID,Name\n1,Test\n") });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Could not open the file");
  await expect(alert).toContainText('Cannot open "visit-notes.xlsx": it is a text (CSV) file, not a workbook');
  await expect(page.getByText("Start with a workbook")).toBeVisible();
  await expect(toolbar(page).getByRole("button", { name: "Save" })).toBeDisabled();
  await alert.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("?sample=1 opens the page with the sample practice loaded", async ({ page }) => {
  await page.goto("/browser.html?sample=1");
  await expect(pane(page).getByText("17 of 17 tables found.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("region", { name: "Sheet preview", exact: true }).getByTestId("sheet-grid")).toBeVisible();
});

test("Check rows lists the rows to fix in a 320-pixel pane, with nothing cut off or scrolling sideways", async ({ page }) => {
  await page.goto("/browser.html?sample=1");
  await expect(pane(page).getByText("17 of 17 tables found.")).toBeVisible({ timeout: 60_000 });
  // An office mistypes two charges: a four-digit code and a date that does not exist.
  const { bytes } = await save(page);
  const typo = await withCellsTyped(bytes, "Charges", [
    { row: 3, header: "Code", value: "9921" },
    { row: 5, header: "DOS", value: "13/45/2026" },
  ]);
  await page.getByTestId("open-file").setInputFiles({ name: "practice-typos.xlsx", mimeType: "application/octet-stream", buffer: typo });
  await expect(page.getByText("practice-typos.xlsx")).toBeVisible();
  await expect(pane(page).getByText("17 of 17 tables found.")).toBeVisible();

  // Excel's narrowest task pane is about 320 pixels wide: squeeze the browser host's pane to it.
  await narrowPane(page);
  await pane(page).getByRole("button", { name: "Check rows" }).click();
  const check = pane(page).getByRole("region", { name: "Row check" });
  await expect(check.getByRole("status")).toContainText("Rows to fix2 issues in 2 rows of");
  await expect(check.getByRole("list", { name: "Row issues" }).getByRole("listitem")).toHaveText([
    'Charges row 3, Code: code "9921" is not a CPT or HCPCS code',
    'Charges row 5, DOS: "13/45/2026" is not a real calendar date',
  ]);
  await expect(check.getByText("Charges", { exact: true }).locator("xpath=following-sibling::*[2]")).toHaveText("2 issues");
  await pane(page).locator('[data-table="Charges"]').getByRole("button").first().click();
  const panel = panelOf(page, "Setup");
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await paneScreenshot(page, panel, {
    path: "docs/taskpane-check-rows.png",
    height: 2400,
    end: check.getByRole("list", { name: "Row issues" }),
  });
});

test("the page asks for nothing that is not there (its icon included), and its scripts come gzip-compressed", async ({ page }) => {
  const failed: string[] = [];
  const scripts: { url: string; encoding?: string }[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
    if (response.url().endsWith(".js")) scripts.push({ url: response.url(), encoding: response.headers()["content-encoding"] });
  });
  await page.goto("/browser.html?sample=1");
  await expect(pane(page).getByText(ALL_TABLES_FOUND)).toBeVisible({ timeout: 60_000 });
  // The icon the page names is served (Chromium asks for /favicon.ico only when a page names none).
  const icon = await page.request.get(
    await page
      .locator('link[rel="icon"]')
      .getAttribute("href")
      .then((href) => `/${href}`),
  );
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/png");
  expect(failed).toEqual([]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script.encoding, script.url).toBe("gzip");
});
