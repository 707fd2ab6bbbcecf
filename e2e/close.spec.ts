// The Month-end close panel end to end, in the browser host on the production build, at Excel's
// narrowest pane width: on the sample practice, nothing is closed; the form offers last month; Preview
// shows the equation with the engine's figures (worked out in Node on the same saved workbook) and
// "Ties to the cent"; the books are closed after a confirmation; then a patient's payment dated in the
// closed month is refused by the Post payments panel with the sentence, and nothing is written. The saved
// file has the PeriodClose row, the "Close YYYY-MM" sheet and the "Close books" Audit row, and no new
// payment. Screenshot: docs/taskpane-close.png.
import { expect, test } from "@playwright/test";
import { closeReport, equationText } from "../src/close/closeReport";
import { defaultFrom, defaultThrough } from "../src/close/closePlan";
import { todayIso } from "../src/dates";
import { readLedger } from "../src/ledger/ledger";
import { openLines } from "../src/ledger/postingPlans";
import { formatMoney } from "../src/money";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, save } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

test("the books are closed through last month, and a payment dated in it is refused with the sentence", async ({ page }) => {
  await openSample(page);
  const today = todayIso();
  const through = defaultThrough(today);
  const from = defaultFrom(undefined, through);
  const { ledger } = await readLedger(await XlsxWorkbook.load((await save(page)).bytes));
  const expected = equationText(closeReport(ledger, from, through));
  const paymentsBefore = ledger.payments.length;

  await narrowPane(page);
  const panel = await openPanel(page, "Month-end close");
  await expect(panel.getByText("The books are not closed.")).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole("textbox", { name: "From" })).toHaveValue(from);
  await expect(panel.getByRole("textbox", { name: "Through" })).toHaveValue(through);

  await panel.getByRole("button", { name: "Preview" }).click();
  const report = panel.getByRole("region", { name: "Close report" });
  await expect(report.getByText("Ties to the cent")).toBeVisible({ timeout: 60_000 });
  const rows = report.getByRole("row");
  await expect(rows).toHaveCount(expected.length);
  for (let i = 0; i < expected.length; i++) {
    await expect(rows.nth(i)).toHaveText(`${expected[i].label}${expected[i].amount}`);
  }

  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  const closeButton = report.getByRole("button", { name: `Close the books through ${through}` });
  await paneScreenshot(page, panel, { path: "docs/taskpane-close.png", height: 1400, end: closeButton });

  await closeButton.click();
  const dialog = page.getByRole("dialog", { name: `Close the books through ${through}?` });
  await expect(dialog).toContainText(`dated on or before ${through} is refused`);
  await dialog.getByRole("button", { name: "Yes, close the books" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Books closed" })).toContainText(`The books are closed through ${through}.`);
  await expect(panel.getByText(`The books are closed through ${through} (closed on ${today}).`)).toBeVisible();
  await expect(panel.getByRole("region", { name: "Reopen" })).toBeVisible();

  // A patient's payment dated in the closed month, in the Post payments panel.
  const patientId = ledger.charges.map((c) => c.patientId).find((id) => openLines(ledger, { patientId: id }).length > 0)!;
  const owed = openLines(ledger, { patientId })[0].patientShare;
  const paidOn = `${through.slice(0, 8)}15`;
  const payments = await openPanel(page, "Post payments");
  const post = payments.getByRole("tabpanel", { name: "Post", exact: true });
  await expect(post.getByRole("radio", { name: "Insurance payer" })).toBeChecked({ timeout: 60_000 });
  await post.getByRole("radio", { name: "Patient" }).check();
  await post.getByRole("combobox", { name: "Patient" }).fill(patientId);
  await page.getByRole("option", { name: new RegExp(`· ${patientId} · owes`) }).click();
  await post.getByRole("textbox", { name: "Date received" }).fill(paidOn);
  await post.getByRole("combobox", { name: "Method" }).selectOption("Check");
  await post.getByRole("textbox", { name: "Check or EFT #" }).fill("CHK 7001");
  await post.getByRole("textbox", { name: "Amount" }).fill(formatMoney(owed));
  await post.getByRole("button", { name: "Apply oldest first" }).click();
  await post.getByRole("region", { name: "Preview" }).getByRole("button", { name: "Post payment" }).click();
  const refused = payments.getByRole("alert").filter({ hasText: "Could not post the payment" });
  await expect(refused).toContainText(`The books are closed through ${through}: this would record a payment dated ${paidOn}`);
  await expect(refused).toContainText(`Date it after ${through}, or reopen`);
  await expect(refused).toContainText("in Month-end close (with a reason). Nothing was written.");

  // The saved file: the close, its sheet and Audit row; no new payment.
  const { bytes } = await save(page);
  const tables = await tablesIn(bytes);
  const closes = recordsOf(tables, "PeriodClose");
  expect(closes).toHaveLength(1);
  expect(closes[0]).toMatchObject({ Action: "Closed" });
  expect(recordsOf(tables, "Audit").map((r) => r.Action)).toContain("Close books");
  expect(recordsOf(tables, "Payments")).toHaveLength(paymentsBefore);
  const saved = await XlsxWorkbook.load(bytes);
  expect((await saved.readSheet(`Close ${through.slice(0, 7)}`))?.[0][0]).toBe(`Month-end close ${from} to ${through}`);
});
