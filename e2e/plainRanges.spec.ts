// Issue 19 item 2 end to end: an office's workbook whose Charges, Patients and payments are plain
// ranges (test/workbook/fixtures/office-plain-ranges.xlsx, synthetic) opened in the browser host.
// Setup names them and how their headers map; Make it a table asks, then makes Charges the table
// where its rows are; Create missing tables adds the rest and leaves the plain ones out (no
// "Charges (2)"); the saved file has the Charges table over the office's 40 rows, every value kept.
import { readFile } from "node:fs/promises";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { packageForExcelJs } from "../src/workbook/xlsxPackage";
import { guardEveryTest, panelOf, paneScreenshot, preview, save } from "./browserPage";
import { excelWorkbook, recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

const FIXTURE = "test/workbook/fixtures/office-plain-ranges.xlsx";

test("Setup finds the office's plain ranges, Make it a table makes Charges a table, and the saved file keeps every row", async ({
  page,
}) => {
  await page.goto("/browser.html");
  const original = await readFile(FIXTURE);
  await page.getByTestId("open-file").setInputFiles({
    name: "office-plain-ranges.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: original,
  });
  const setup = panelOf(page, "Setup");
  await expect(setup.getByText(/^1 of 17 tables found\./)).toBeVisible({ timeout: 60_000 });
  await expect(setup.getByText(/Patients, Charges and Payments are on sheets as plain ranges: make them tables below\./)).toBeVisible();

  const charges = setup.locator('[data-plain-range="Charges"]');
  await expect(charges.getByText("Rows 2-41 of sheet Charges. Headers in row 1, columns A-L.")).toBeVisible();
  await expect(charges.getByText("Charge ID", { exact: true })).toBeVisible();
  await expect(charges.getByText("Office Notes", { exact: true })).toBeVisible();
  await expect(setup.locator('[data-plain-range="Payments"]').getByText("on sheet Deposits")).toBeVisible();
  await expect(setup.locator('[data-table="Charges"]').getByText("Plain range", { exact: true })).toBeVisible();

  // No serious or critical accessibility finding on the cards (Tabster's focus dummies aside, as in accessibility.spec.ts).
  const axe = await new AxeBuilder({ page }).include('[data-testid="task-pane"]').analyze();
  const serious = axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))).map(() => v.id));
  expect(serious).toEqual([]);

  await paneScreenshot(page, setup, { path: "docs/taskpane-setup-plain-ranges.png", height: 2400, end: charges });

  // Cancel asks again next time and changes nothing; Yes makes the table.
  await charges.getByRole("button", { name: "Make it a table" }).click();
  const dialog = page.getByRole("dialog", { name: "Make sheet Charges a table?" });
  await expect(dialog).toContainText("Sheet Charges, rows 2-41, 12 columns become the table Charges; nothing is moved or changed.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(setup.getByText(/^1 of 17 tables found\./)).toBeVisible();

  await charges.getByRole("button", { name: "Make it a table" }).click();
  await page.getByRole("dialog", { name: "Make sheet Charges a table?" }).getByRole("button", { name: "Yes, make it a table" }).click();
  await expect(
    setup.getByRole("status").filter({ hasText: "Sheet Charges is now the table Charges: 40 rows, 12 columns, every value as it was." }),
  ).toBeVisible();
  // The table count goes up (Charges and the Audit trail), and the Charges entry has its 40 rows.
  await expect(setup.getByText(/^3 of 17 tables found\./)).toBeVisible();
  await expect(setup.getByText(/Patients and Payments are on sheets as plain ranges: make them tables below\./)).toBeVisible();
  const chargesItem = setup.locator('[data-table="Charges"]');
  await expect(chargesItem.getByText("Found", { exact: true })).toBeVisible();
  await expect(chargesItem.getByText("40 rows", { exact: true })).toBeVisible();
  await expect(setup.locator('[data-plain-range="Charges"]')).toHaveCount(0);
  // The preview turned to the sheet, whose first row is still the office's header row.
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText("Charges");

  // Create missing tables leaves Patients and Payments out, and says why.
  await setup.getByRole("button", { name: "Create missing tables" }).click();
  await expect(
    setup.getByRole("status").filter({ hasText: "Patients and Payments were not created: their rows are on sheets as plain ranges" }),
  ).toBeVisible();
  await expect(setup.getByText(/^15 of 17 tables found\./)).toBeVisible();

  const saved = await save(page);
  const tables = await tablesIn(saved.bytes);
  const made = tables.find((t) => t.name === "Charges")!;
  expect(made.sheet).toBe("Charges");
  const rows = recordsOf(tables, "Charges");
  expect(rows).toHaveLength(40);
  expect(rows[0]).toMatchObject({ "Charge ID": "C0001", CPT: "99213", Amount: "125", Payer: "MCR" });
  expect(rows[39]).toMatchObject({ "Charge ID": "C0040", ClaimID: "CL020" });
  const book = await excelWorkbook(saved.bytes);
  expect(book.worksheets.map((s) => s.name).filter((n) => n.includes("("))).toEqual([]);
  // Every cell of the office's sheets is as it was in the file opened (openpyxl's package put in the shape ExcelJS reads).
  const before = await excelWorkbook(packageForExcelJs(new Uint8Array(original)));
  for (const name of ["Charges", "Patients", "Deposits"]) {
    const cells = (b: typeof book) => {
      const out: string[] = [];
      b.getWorksheet(name)!.eachRow((row, r) => row.eachCell((cell, c) => out.push(`${r},${c}=${JSON.stringify(cell.value)}`)));
      return out;
    };
    expect(cells(book)).toEqual(cells(before));
  }
  expect(tables.map((t) => t.name)).not.toContain("Patients");
});
