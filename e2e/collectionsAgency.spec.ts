// The collection agency hand-off end to end (issue 17), in the browser host on the production build at
// Excel's narrowest pane width: on the sample practice, the Patient accounts panel's Collection agency
// section lists the engine's accounts to send (worked out in Node on the same saved workbook); two are
// chosen and sent to an agency after a confirmation naming the count and total, the agency's CSV is
// downloaded (minimum necessary: no codes), and they move to the agency's list; an agency payment is
// previewed and posted. The saved file has the accounts in Collections, the bad-debt postings and the
// agency's payment. Screenshot of the section: docs/taskpane-collections-agency.png.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { todayIso } from "../src/dates";
import { formatMoney } from "../src/money";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { readAgencyBooks } from "../taskpane/accounts/collectionsAgencyRun";
import { sendQuestion, sendRows } from "../taskpane/accounts/collectionsAgencyView";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, save, settled, SHOT_WIDTH } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

test("accounts are sent to an agency with its file, and the agency's payment is previewed and posted", async ({ page }) => {
  await openSample(page);
  const today = todayIso();
  const saved = await XlsxWorkbook.load((await save(page)).bytes);
  const expected = await readAgencyBooks(saved, today);
  expect(expected.toSend.length, "the sample has accounts to send").toBeGreaterThan(1);
  const [first, second] = expected.toSend;
  const rows = sendRows(expected.toSend);

  await narrowPane(page);
  const panel = await openPanel(page, "Patient accounts");
  const section = panel.getByRole("region", { name: "Collection agency" });
  await section.getByRole("button", { name: "Show accounts" }).click();
  const toSend = section.getByRole("list", { name: "Accounts to send" });
  await expect(toSend).toBeVisible({ timeout: 60_000 });
  await expect(toSend.getByRole("listitem")).toHaveCount(Math.min(rows.length, 50));
  await expect(toSend.getByRole("listitem").first()).toContainText(rows[0].balance);

  // The agency is asked for before the question; then the question names the count and the total.
  await toSend.getByRole("checkbox", { name: `Send ${first.patientId}` }).check();
  await toSend.getByRole("checkbox", { name: `Send ${second.patientId}` }).check();
  const total = first.balance + second.balance;
  await expect(section.getByText(`2 accounts, ${formatMoney(total)}`)).toBeVisible();
  await section.getByRole("button", { name: "Send to agency…" }).click();
  await expect(section.getByText("Enter the agency's name.")).toBeVisible();
  await section.getByRole("textbox", { name: "Agency", exact: true }).fill("Acme Recovery");
  await section.getByRole("button", { name: "Send to agency…" }).click();
  const dialog = page.getByRole("dialog", { name: "Send to the agency?" });
  await expect(dialog).toContainText(sendQuestion(2, total, "Acme Recovery"));
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Yes, send them" }).click()]);
  expect(download.suggestedFilename()).toBe(`collections-acme-recovery-${today}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^Account,Last Name,First Name,Address,/);
  expect(
    lines
      .slice(1)
      .map((l) => l.split(",")[0])
      .sort(),
  ).toEqual([first.patientId, second.patientId].sort());
  expect(csv).not.toMatch(/\b99\d{3}\b/);
  await expect(section.getByText("Sent to the agency")).toBeVisible();
  await expect(toSend.getByRole("checkbox", { name: `Send ${first.patientId}` })).toHaveCount(0);
  const withAgency = section.getByRole("list", { name: "Accounts with the agency" });
  await expect(withAgency).toContainText(`${first.patientId} · sent ${formatMoney(first.balance)} on ${today}`);

  // The agency pays $10.00 net with a $5.00 fee on the first account: previewed, then posted.
  await section.getByRole("combobox", { name: "Account" }).selectOption(first.patientId);
  await section.getByRole("textbox", { name: "Received (net)" }).fill("10.00");
  await section.getByRole("textbox", { name: "Agency fee" }).fill("5.00");
  await section.getByRole("textbox", { name: "Check #" }).fill("5521");
  await section.getByRole("button", { name: "Preview" }).click();
  const previewed = section.getByLabel("Agency payment preview");
  await expect(previewed).toContainText(
    `$10.00 from the agency + $5.00 fee = $15.00 of bad debt recovered; ${formatMoney(first.balance - 1500)} stays with the agency.`,
  );

  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await page.setViewportSize({ width: SHOT_WIDTH, height: 3200 });
  await settled(page);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "docs/taskpane-collections-agency.png", animations: "disabled" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await section.getByRole("button", { name: "Post" }).click();
  await expect(section.getByText("Agency payment posted")).toBeVisible();
  await expect(withAgency).toContainText(`${first.patientId} · sent ${formatMoney(first.balance)} on ${today} · recovered $15.00`);

  const tables = await tablesIn((await save(page)).bytes);
  const patients = recordsOf(tables, "Patients");
  for (const id of [first.patientId, second.patientId]) {
    expect(patients.find((p) => p.PatientID === id)?.["Account Status"]).toBe("Collections");
  }
  const postings = recordsOf(tables, "Postings");
  expect(
    postings.filter((p) => p.Reason === "BD" && p.Note?.startsWith("Bad debt write-off: sent to Acme Recovery")).length,
  ).toBeGreaterThan(0);
  const payments = recordsOf(tables, "Payments");
  expect(
    payments.filter((p) => p.Note === "Collection agency recovery" && p.PatientID === first.patientId && p.Reference === "5521"),
  ).toHaveLength(1);
});
