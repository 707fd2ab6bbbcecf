// The Codes panel end to end, in the browser host on the production build: the sample practice with a
// few bad codes typed in, ICD-10-CM imported for the fiscal years its dates of service need (a small
// order file, the year typed in the panel), the workbook checked, a problem clicked (the preview turns
// to its cell), the bad cells highlighted, and the saved file checked with ExcelJS in Node.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, preview, save } from "./browserPage";
import { excelWorkbook, tablesIn, withCellsTyped } from "./xlsxFiles";

guardEveryTest();

/** The fiscal year (Oct 1 - Sep 30) of a date: FY2027 starts on 2026-10-01. */
const fiscalYear = (date: Date) => date.getFullYear() + (date.getMonth() >= 9 ? 1 : 0);

/**
 * The fiscal years the sample's dates of service fall in: the page builds it with charges in the 365
 * days up to today, so one year or two (the fiscal year turns on Oct 1).
 */
function sampleFiscalYears(): number[] {
  const today = new Date();
  const yearAgo = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 365);
  return [...new Set([fiscalYear(yearAgo), fiscalYear(today)])];
}

/** Fill colors ("FFFFC7CE") of a table's cells by sheet row and header, read with ExcelJS as Excel would find them. */
async function fillsIn(bytes: Uint8Array, table: string, cells: { row: number; header: string }[]): Promise<(string | null)[]> {
  const workbook = await excelWorkbook(bytes);
  const sheet = workbook.worksheets.find((ws) => (ws.getTables() as unknown as ExcelJS.Table[]).some((t) => t.name === table))!;
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map((v) => (typeof v === "string" ? v : ""));
  return cells.map(({ row, header }) => {
    const fill = sheet.getRow(row).getCell(headers.indexOf(header)).fill;
    return fill && fill.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
  });
}

async function sheetStates(bytes: Uint8Array): Promise<Record<string, string>> {
  const workbook = await excelWorkbook(bytes);
  return Object.fromEntries(workbook.worksheets.map((ws) => [ws.name, ws.state]));
}

// The bad codes an office might type: a category header, a code that does not exist, a dental code,
// a three-letter modifier, an unassigned place of service far down the sheet (beyond the first 200 rows).
const SEEDED = [
  { row: 3, header: "Dx1", value: "E11" },
  { row: 4, header: "Dx2", value: "Z99.999" },
  { row: 5, header: "Code", value: "D0120" },
  { row: 6, header: "Mod1", value: "RTL" },
  { row: 1480, header: "POS", value: "30" },
];

test("the Codes panel imports ICD-10-CM, finds the bad codes, goes to one and highlights them in the saved file", async ({ page }) => {
  await openSample(page);
  const seeded = await withCellsTyped((await save(page)).bytes, "Charges", SEEDED);
  await page
    .getByTestId("open-file")
    .setInputFiles({ name: "practice-bad-codes.xlsx", mimeType: "application/octet-stream", buffer: seeded });
  await expect(page.getByText("practice-bad-codes.xlsx")).toBeVisible();

  const panel = await openPanel(page, "Codes");
  await expect(panel.getByText("No code sets in this workbook yet.", { exact: false })).toBeVisible();

  // The order file's name says no year: the panel asks for it, in words, and nothing is written.
  const orderFile = {
    name: "icd10cm_order_sample.txt",
    mimeType: "text/plain",
    buffer: await readFile("e2e/fixtures/icd10cm_order_sample.txt"),
  };
  await panel.getByTestId("code-file").setInputFiles(orderFile);
  const alert = panel.getByRole("alert");
  await expect(alert).toContainText("Could not import the code file");
  await expect(alert).toContainText("does not say which ICD-10-CM fiscal year it is for: choose the year");
  await alert.getByRole("button", { name: "Dismiss" }).click();

  const years = sampleFiscalYears();
  for (const year of years) {
    await panel.getByRole("textbox", { name: "Year" }).fill(`FY${year}`);
    await panel.getByTestId("code-file").setInputFiles(orderFile);
    await expect(panel.getByRole("status").filter({ hasText: "Code set imported" })).toContainText(
      `FY${year} ICD-10-CM from icd10cm_order_sample.txt: 87 codes (39 billable, 48 headers).`,
    );
  }
  const sets = panel.getByRole("list", { name: "Loaded code sets" }).getByRole("listitem");
  await expect(sets).toHaveCount(years.length);
  for (const [i, year] of years.entries()) {
    await expect(sets.nth(i)).toContainText(`ICD-10-CM FY${year}87 codes`);
    await expect(sets.nth(i)).toContainText("from icd10cm_order_sample.txt");
  }
  // The same year again is refused, saying when it came in.
  await panel.getByTestId("code-file").setInputFiles(orderFile);
  await expect(panel.getByRole("alert")).toContainText(`FY${years[years.length - 1]} ICD-10-CM is already loaded (imported `);
  await panel.getByRole("alert").getByRole("button", { name: "Dismiss" }).click();
  // The code sets are on hidden sheets: the preview stayed where it was.
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).not.toHaveText(/^Codes_/);

  await panel.getByRole("button", { name: "Check the workbook" }).click();
  const check = panel.getByRole("region", { name: "Code check" });
  await expect(check.getByRole("status")).toContainText(/Codes to fix5 errors in [\d,]+ code cells checked\./, { timeout: 60_000 });
  // Every diagnosis was checked against a loaded year; HCPCS and CPT, not imported here, are notes.
  const notes = check.getByRole("list", { name: "Check notes" });
  await expect(notes).toContainText("HCPCS Level II is not loaded");
  await expect(notes).toContainText("No CPT list is loaded");
  await expect(notes).not.toContainText("ICD-10-CM");
  const problems = check.getByRole("list", { name: "Code problems" }).getByRole("listitem");
  await expect(problems).toHaveCount(5);
  await expect(problems.nth(0)).toContainText(/^Charges row 3, Dx1 E11E11 is a category header, not billable \(FY\d{4} ICD-10-CM\)/);
  await expect(problems.nth(1)).toContainText(/^Charges row 4, Dx2 Z99\.999Z99\.999 is not in the FY\d{4} ICD-10-CM code set/);
  await expect(problems.nth(2)).toContainText("Charges row 5, Code D0120");
  await expect(problems.nth(2)).toContainText("D codes are dental (ADA CDT), not HCPCS Level II");
  await expect(problems.nth(3)).toContainText('Charges row 6, Mod1 RTL"RTL" is not a modifier');
  await expect(problems.nth(4)).toContainText("Charges row 1480, POS 30POS 30 is unassigned in the CMS place-of-service list");

  // Clicking a problem turns the preview to its cell: row 1,480 is far below the first 200 rows.
  await problems.nth(4).getByRole("button").click();
  const grid = preview(page).getByTestId("sheet-grid");
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(/^Charges/);
  const target = grid.locator("td[data-target]");
  await expect(target).toHaveText("30");
  await expect(target).toBeInViewport();
  await expect(target.locator("xpath=preceding-sibling::th")).toHaveText("1480");
  await expect(preview(page).getByText(/^Rows 1,380–1,579 of [\d,]+\. Double-click a cell/)).toBeVisible();
  // The table's header row stays in sight above the window, and the outlined cell is in its POS column.
  const column = await target.evaluate((td) => [...td.parentElement!.children].indexOf(td));
  const headerRow = grid.locator("thead tr").nth(1);
  await expect(headerRow.locator("th")).toHaveText("1");
  await expect(headerRow.locator(":scope > *").nth(column)).toHaveText("POS");
  await expect(headerRow.locator(":scope > *").nth(column)).toBeInViewport();
  const outline = await target.evaluate((td) => getComputedStyle(td).outlineStyle);
  expect(outline).toBe("solid");

  // Another problem, near the top: the usual first rows, with that cell outlined instead.
  await problems.nth(0).getByRole("button").click();
  await expect(target).toHaveText("E11");
  await expect(target.locator("xpath=preceding-sibling::th")).toHaveText("3");
  await expect(target).toBeInViewport();
  await expect(grid.locator("td[data-target]")).toHaveCount(1);
  await expect(grid.locator("thead tr")).toHaveCount(1);

  // Highlight the bad cells; the saved file has exactly those filled, the code sets on hidden sheets.
  await panel.getByRole("switch", { name: "Highlight bad cells" }).check();
  await expect(panel.getByRole("status").filter({ hasText: "Highlighted" })).toHaveText(
    /Highlighted 5 cells with a problem\. Run the check again after fixing them\./,
  );
  // The preview shows the fill the check gave the bad cells (#FFC7CE), the outlined one's under its outline.
  await expect(target).toHaveText("E11");
  await expect(target).toHaveAttribute("data-fill", "#FFC7CE");
  await expect(target).toHaveCSS("background-color", "rgb(255, 199, 206)");
  const highlighted = await save(page);
  const fillsAt = [...SEEDED, { row: 3, header: "Dx2" }, { row: 7, header: "Code" }, { row: 1480, header: "Code" }];
  expect(await fillsIn(highlighted.bytes, "Charges", fillsAt)).toEqual([...SEEDED.map(() => "FFFFC7CE"), null, null, null]);
  const states = await sheetStates(highlighted.bytes);
  for (const year of years) expect(states[`Codes_ICD10CM_FY${year}`]).toBe("hidden");
  expect(states.CodeSets).toBe("hidden");
  expect(states.Charges).toBe("visible");
  const audit = (await tablesIn(highlighted.bytes)).find((t) => t.name === "Audit")!;
  const action = audit.headers.indexOf("Action");
  expect(audit.rows.filter((r) => r[action] === "Import code set")).toHaveLength(years.length);
  expect(audit.rows.filter((r) => r[action] === "Highlight codes")).toHaveLength(1);

  // The screenshot for docs/: the panel in Excel's narrowest task pane, nothing cut off or scrolling sideways,
  // down to the end of the problem list.
  await narrowPane(page);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await paneScreenshot(page, panel, {
    path: "docs/taskpane-codes.png",
    height: 1800,
    end: panel.locator("xpath=*[last()]").locator("xpath=*[last()]"),
  });

  // Turned off, the highlights go from the file again.
  await panel.getByRole("switch", { name: "Highlight bad cells" }).uncheck();
  await expect(panel.getByRole("status").filter({ hasText: "Highlights taken away" })).toBeVisible();
  expect(await fillsIn((await save(page)).bytes, "Charges", SEEDED)).toEqual(SEEDED.map(() => null));
});
