// The Post payments panel end to end, in the browser host on the production build: on the sample
// practice, a patient's payment applied oldest first (previewed, then posted: the panel's lines and
// the Postings sheet in the preview change), then reversed after a confirmation (the balances come
// back, and the payment's money shows as a credit in Reconcile); the saved file is checked with
// ExcelJS in Node: the Payments row, the postings, their reversals and the Audit rows.
import { expect, test, type Locator } from "@playwright/test";
import { formatMoney } from "../src/money";
import { readLedger } from "../src/ledger/ledger";
import { openLines } from "../src/ledger/postingPlans";
import type { LineBalance } from "../src/ledger/balances";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, preview, save } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

/**
 * The patient the test pays for, chosen the same way on every run of the seeded sample: the first
 * one, in Charges order, with two or more lines of their own to pay (read from the saved file with
 * the engine, in Node). The payment covers the oldest line and half of the next.
 */
async function patientToPay(bytes: Uint8Array): Promise<{ patientId: string; open: LineBalance[]; amount: number; second: number }> {
  const { ledger } = await readLedger(await XlsxWorkbook.load(bytes));
  const tried = new Set<string>();
  for (const charge of ledger.charges) {
    if (tried.has(charge.patientId)) continue;
    tried.add(charge.patientId);
    const open = openLines(ledger, { patientId: charge.patientId });
    if (open.length < 2 || open[1].patientShare < 2) continue;
    const second = Math.ceil(open[1].patientShare / 2);
    // The two lines must be paid different amounts, or the preview shows Paid once for every row
    // (the sample is made as of today, so which patient comes first changes with the date).
    if (second === open[0].patientShare) continue;
    return { patientId: charge.patientId, open, amount: open[0].patientShare + second, second };
  }
  throw new Error("the sample has no patient with two lines to pay");
}

/**
 * A preview table's rows as records by header: a row per new row under column headers, or (too wide
 * for the pane) a block per new row of column / value pairs.
 */
async function tableRecords(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((el) => {
    if (el.getAttribute("data-layout") === "records") {
      return [...el.querySelectorAll("tbody")].map((block) =>
        Object.fromEntries(
          [...block.querySelectorAll("tr")].map((tr) => [tr.querySelector("th")!.textContent, tr.querySelector("td")!.textContent]),
        ),
      );
    }
    const headers = [...el.querySelectorAll("thead th")].map((th) => th.textContent ?? "");
    return [...el.querySelectorAll("tbody tr")].map((tr) =>
      Object.fromEntries([...tr.querySelectorAll("td")].map((td, i) => [headers[i], td.textContent ?? ""])),
    );
  });
}

test("a patient's payment is applied oldest first, previewed, posted, reversed, and saved with its audit trail", async ({ page }) => {
  await openSample(page);
  const { patientId, open, amount, second } = await patientToPay((await save(page)).bytes);
  const [first, next] = open;

  // Excel's narrowest task pane is about 320 pixels wide: the panel is used at that width throughout.
  await narrowPane(page);
  const panel = await openPanel(page, "Post payments");
  const post = panel.getByRole("tabpanel", { name: "Post", exact: true });
  await expect(post.getByRole("radio", { name: "Insurance payer" })).toBeChecked({ timeout: 60_000 });

  // Every field has a label, in the order Tab reaches them.
  await post.getByRole("radio", { name: "Patient" }).check();
  const patient = post.getByRole("combobox", { name: "Patient" });
  await patient.fill(patientId);
  await page.getByRole("option", { name: new RegExp(`· ${patientId} · owes`) }).click();
  await expect(patient).toHaveValue(new RegExp(`· ${patientId}$`));
  const lines = post.getByRole("list", { name: "Open lines" }).getByRole("listitem");
  await expect(post.getByText(`${open.length} open lines`)).toBeVisible();
  await expect(lines).toHaveCount(open.length);
  await expect(lines.first()).toHaveAttribute("data-charge", first.chargeId);
  await expect(lines.first()).toContainText(first.dos);

  // The payment's fields in Tab order, each found by its label.
  const date = post.getByRole("textbox", { name: "Date received" });
  const method = post.getByRole("combobox", { name: "Method" });
  const reference = post.getByRole("textbox", { name: "Check or EFT #" });
  const amountBox = post.getByRole("textbox", { name: "Amount" });
  await expect(date).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await date.focus();
  for (const next of [method, reference, amountBox, post.getByRole("button", { name: "Apply oldest first" })]) {
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
  }
  await method.selectOption("Check");
  await reference.fill("CHK 51500");
  // Typed as a biller types it: a dollar sign and a thousands comma are fine, a typo is said next to the field.
  await amountBox.fill("$12.345");
  await amountBox.press("Enter");
  await expect(post.getByRole("alert")).toHaveText('"$12.345" has a fraction of a cent.');
  await expect(post.getByText("Fix the field marked in red, then preview again.")).toBeVisible();
  // A negative amount is no payment: said on the field and under the lines, which don't "take more" than it.
  const aboveZero = "A payment is an amount above $0.00: to give money back use Refund… (Reconcile), to undo a posting use Reverse.";
  const totals = post.getByLabel("Applied and unapplied");
  await amountBox.fill("-50");
  await expect(totals).toContainText("Applied $0.00 · Unapplied –");
  await expect(totals.getByTestId("totals-note")).toHaveText(aboveZero);
  await amountBox.press("Enter");
  await expect(post.getByRole("alert")).toHaveText(aboveZero);
  // $1,000 more than the account owes: warned before Post, not refused.
  const owed = open.reduce((sum, l) => sum + l.patientShare, 0);
  await amountBox.fill(formatMoney(owed + 100000));
  await expect(totals.getByTestId("totals-note")).toHaveText(
    "$1,000.00 of this payment is more than the account owes: it will stay on the payment as a credit (refund it from Patient accounts › Credit balances).",
  );
  await amountBox.fill(formatMoney(amount));
  await expect(post.getByLabel("Applied and unapplied")).toContainText(`Applied ${formatMoney(amount)} (oldest first) · Unapplied $0.00`);

  await post.getByRole("button", { name: "Apply oldest first" }).click();
  const review = post.getByRole("region", { name: "Preview" });
  await expect(review).toBeVisible();
  // The oldest line is paid in full, the next one in part: the lines show it, and so does the running total.
  await expect(post.locator(`[data-charge="${first.chargeId}"]`).getByRole("textbox", { name: "Paid" })).toHaveValue(
    formatMoney(first.patientShare),
  );
  await expect(post.locator(`[data-charge="${next.chargeId}"]`).getByRole("textbox", { name: "Paid" })).toHaveValue(formatMoney(second));
  await expect(post.getByLabel("Applied and unapplied")).toContainText(`Applied ${formatMoney(amount)} · Unapplied $0.00`);
  // Exactly the rows that will be written.
  const paymentRows = await tableRecords(review.getByRole("table", { name: "New Payments rows" }));
  expect(paymentRows).toHaveLength(1);
  expect(paymentRows[0]).toMatchObject({ PatientID: patientId, Method: "Check", Reference: "CHK 51500", Amount: formatMoney(amount) });
  const paymentId = paymentRows[0].PaymentID;
  expect(paymentId).toMatch(/^PM\d+$/);
  const postingRows = await tableRecords(review.getByRole("table", { name: "New Postings rows" }));
  expect(postingRows.map((r) => [r.ChargeID, r.Paid])).toEqual([
    [first.chargeId, formatMoney(first.patientShare)],
    [next.chargeId, formatMoney(second)],
  ]);
  await expect(review).toContainText(`Every row: PaymentID ${paymentId}`);
  const postingIds = postingRows.map((r) => r.PostingID);

  // The screenshot for docs/: the panel (checked at 320 pixels, pictured at 350) with the lines filled and the preview, nothing cut off.
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await paneScreenshot(page, panel, { path: "docs/taskpane-payments.png", height: 2000, end: review });

  // Posted from the keyboard: the review and its button go, and the focus goes to what the post says
  // (not to the top of the page), then on to its Dismiss button.
  await review.getByRole("button", { name: "Post payment" }).focus();
  await page.keyboard.press("Enter");
  const posted = panel.getByRole("status").filter({ hasText: "Payment posted" });
  await expect(posted).toContainText(
    `${paymentId}: ${formatMoney(amount)} received, ${formatMoney(amount)} applied to 2 lines; nothing left unapplied. The Audit sheet records it.`,
  );
  await expect(posted).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(posted.getByRole("button", { name: "Dismiss" })).toBeFocused();
  // The lines are read again: the oldest is paid off and gone, the next owes half.
  await expect(lines).toHaveCount(open.length - 1);
  await expect(post.locator(`[data-charge="${first.chargeId}"]`)).toHaveCount(0);
  await expect(post.locator(`[data-charge="${next.chargeId}"]`)).toContainText(formatMoney(next.balance - second));
  await expect(post.getByRole("textbox", { name: "Amount" })).toHaveValue("");
  await expect(post.getByRole("region", { name: "Preview" })).toHaveCount(0);

  // The grid shows the new rows at the end of Postings.
  await panel.getByRole("button", { name: "Show the new rows in Postings" }).click();
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(/^Postings/);
  const grid = preview(page).getByTestId("sheet-grid");
  for (const id of postingIds) await expect(grid.getByRole("cell", { name: id, exact: true })).toBeVisible();
  await expect(grid.locator("td[data-target]")).toHaveText(postingIds[0]);

  // Reverse both postings: found by their payment, ticked, confirmed, previewed, posted.
  await panel.getByRole("tab", { name: "Reverse" }).click();
  const reverse = panel.getByRole("tabpanel", { name: "Reverse" });
  await reverse.getByRole("textbox", { name: "Find postings" }).fill(paymentId);
  const found = reverse.getByRole("list", { name: "Postings found" }).getByRole("listitem");
  await expect(found).toHaveCount(2);
  await reverse.getByRole("button", { name: "Tick every one" }).click();
  await reverse.getByRole("textbox", { name: "Note (why)" }).fill("Posted to the wrong account");
  await reverse.getByRole("button", { name: "Reverse 2 postings…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reverse 2 postings?" });
  await expect(dialog).toContainText("The original rows stay as they are.");
  await dialog.getByRole("button", { name: "Yes, show the reversal" }).click();
  await expect(dialog).toHaveCount(0);
  const reversalReview = reverse.getByRole("region", { name: "Preview" });
  const reversalRows = await tableRecords(reversalReview.getByRole("table", { name: "New Postings rows" }));
  expect(reversalRows.map((r) => [r.Paid, r.Reverses])).toEqual([
    [formatMoney(-second), postingIds[1]],
    [formatMoney(-first.patientShare), postingIds[0]],
  ]);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await reversalReview.getByRole("button", { name: "Post reversal" }).click();
  const reversed = panel.getByRole("status").filter({ hasText: "Reversal posted" });
  await expect(reversed).toContainText(`Reversed with 2 new rows on 2 lines: ${formatMoney(amount)} paid, $0.00 adjusted taken back.`);
  await expect(reversed).toBeFocused();
  // The reversals carry the payment too: four rows now, none of which can be reversed again.
  await expect(found).toHaveCount(4);
  await expect(found.filter({ hasText: "Already reversed by" })).toHaveCount(2);
  await expect(found.filter({ hasText: "This row reverses" })).toHaveCount(2);
  await expect(reverse.getByRole("checkbox", { disabled: false })).toHaveCount(0);

  // Back on Post, the patient's lines owe what they did before.
  await panel.getByRole("tab", { name: "Post", exact: true }).click();
  await expect(lines).toHaveCount(open.length);
  await expect(post.locator(`[data-charge="${first.chargeId}"]`)).toContainText(formatMoney(first.balance));
  await expect(post.locator(`[data-charge="${next.chargeId}"]`)).toContainText(formatMoney(next.balance));

  // The payment's money is now on it, unapplied: Reconcile shows its deposit not tied and offers a refund.
  await panel.getByRole("tab", { name: "Reconcile" }).click();
  const reconcile = panel.getByRole("tabpanel", { name: "Reconcile" });
  const deposit = reconcile.getByRole("list", { name: "Deposit list" }).getByRole("listitem").filter({ hasText: "Check CHK 51500" });
  await expect(deposit).toHaveAttribute("data-ties", "no");
  await expect(deposit).toContainText(`Not tied: ${formatMoney(amount)} unapplied.`);
  const credit = reconcile.locator(`[data-payment="${paymentId}"]`);
  await expect(credit).toContainText(formatMoney(amount));
  await expect(credit.getByRole("button", { name: `Refund ${paymentId}` })).toBeVisible();
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The saved file, read with ExcelJS: the payment, its postings, their reversals and two Audit rows.
  const tables = await tablesIn((await save(page)).bytes);
  const byName = (name: string) => recordsOf(tables, name);
  const paymentRow = byName("Payments").filter((r) => r.PaymentID === paymentId);
  expect(paymentRow).toHaveLength(1);
  expect(paymentRow[0]).toMatchObject({ PatientID: patientId, Method: "Check", Reference: "CHK 51500", Amount: String(amount / 100) });
  const postings = byName("Postings");
  const mine = postings.filter((r) => postingIds.includes(r.PostingID));
  expect(mine.map((r) => [r.PaymentID, r.ChargeID, Number(r.Paid), r.Reverses])).toEqual([
    [paymentId, first.chargeId, first.patientShare / 100, ""],
    [paymentId, next.chargeId, second / 100, ""],
  ]);
  const reversals = postings.filter((r) => postingIds.includes(r.Reverses));
  expect(reversals.map((r) => [r.ChargeID, Number(r.Paid), r.Note])).toEqual([
    [next.chargeId, -second / 100, "Posted to the wrong account"],
    [first.chargeId, -first.patientShare / 100, "Posted to the wrong account"],
  ]);
  const audit = byName("Audit");
  expect(audit.map((r) => r.Action)).toEqual(expect.arrayContaining(["Post patient payment", "Reverse postings"]));
  expect(audit.find((r) => r.Action === "Post patient payment")).toMatchObject({ Rows: "3" });
  expect(audit.find((r) => r.Action === "Reverse postings")).toMatchObject({ Rows: "2" });
});
