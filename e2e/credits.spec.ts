// Credit balances and refunds end to end (issue 17), in the browser host on the production build at
// Excel's narrowest pane width. The sample practice is given two credits in Node (a Medicare EFT posted
// to no line, 20 days old, and a patient's prepayment) and opened in the page; the Patient accounts
// panel's Credit balances section lists the engine's credits (worked out in Node on the same file),
// Medicare's first with its days left; the Medicare credit is refunded (a reason is required, the
// rows are previewed), lands in the register unpaid, and gets its check recorded. The saved file has
// the refund's Payments row, the Refunds row with the check, and their Audit rows. Screenshot of the
// section with the refund previewed: docs/taskpane-credits.png.
import { expect, test } from "@playwright/test";
import { addDays, isoToSerial, todayIso } from "../src/dates";
import { creditBalances, daysLeftWords } from "../src/credits/creditBalances";
import { readLedger } from "../src/ledger/ledger";
import { applyPlan } from "../src/workbook/plan";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { creditsHeadline } from "../taskpane/accounts/creditsView";
import {
  ALL_TABLES_FOUND,
  guardEveryTest,
  narrowPane,
  openPanel,
  openSample,
  overflow,
  pane,
  save,
  settled,
  SHOT_WIDTH,
} from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

test("a Medicare credit is listed first with its days left, refunded with a reason, and its check recorded", async ({ page }) => {
  await openSample(page);
  const today = todayIso();
  const book = await XlsxWorkbook.load((await save(page)).bytes);
  const { ledger } = await readLedger(book);
  const medicare = ledger.payers.find((p) => p.type === "Medicare")!;
  const patientId = ledger.charges[0].patientId;
  await applyPlan(book, {
    action: "Test credits",
    what: "two payments with money not applied",
    ops: [
      {
        kind: "appendRows",
        table: "Payments",
        rows: [
          {
            PaymentID: "PMT-E2E-1",
            Date: isoToSerial(addDays(today, -20)),
            PayerID: medicare.payerId,
            Method: "EFT",
            Reference: "TRN E2E1",
            Amount: 75,
          },
          {
            PaymentID: "PMT-E2E-2",
            Date: isoToSerial(addDays(today, -5)),
            PatientID: patientId,
            Method: "Card",
            Reference: "AUTH E2E2",
            Amount: 30,
          },
        ],
      },
    ],
  });
  const credits = creditBalances((await readLedger(book)).ledger, today);
  expect(credits[0]).toMatchObject({ paymentId: "PMT-E2E-1", medicare: true, daysLeft: 40 });
  await page.getByTestId("open-file").setInputFiles({
    name: "practice-with-credits.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await book.save()),
  });
  // The pane starts again on Setup once the file is read: wait for it before choosing a panel.
  await expect(page.getByText("practice-with-credits.xlsx", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(pane(page).getByText(ALL_TABLES_FOUND)).toBeVisible({ timeout: 60_000 });

  await narrowPane(page);
  const panel = await openPanel(page, "Patient accounts");
  const section = panel.getByRole("region", { name: "Credit balances and refunds" });
  await section.getByRole("button", { name: "Show credits" }).click();
  await expect(section.getByText(creditsHeadline(credits))).toBeVisible({ timeout: 60_000 });
  const list = section.getByRole("list", { name: "Credits" });
  const first = list.locator("li").first();
  await expect(first).toContainText(`Payer ${medicare.payerId} · PMT-E2E-1`);
  await expect(first).toContainText("$75.00");
  await expect(first).toContainText(daysLeftWords(40));

  // Refund it: without a reason it is refused on the field; with one, previewed, then written.
  await first.getByRole("button", { name: /^Refund / }).click();
  await expect(first.getByRole("textbox", { name: "Amount" })).toHaveValue("$75.00");
  await first.getByRole("button", { name: "Preview refund" }).click();
  await expect(first.getByText("Say why the money is refunded: the refund register needs a reason.")).toBeVisible();
  await first.getByRole("textbox", { name: "Reason" }).fill("EFT for a patient not seen here");
  await first.getByRole("button", { name: "Preview refund" }).click();
  await expect(first.getByText("Refunds: 1 new row")).toBeVisible();
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await page.setViewportSize({ width: SHOT_WIDTH, height: 2000 });
  await settled(page);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "docs/taskpane-credits.png", animations: "disabled" });
  await page.setViewportSize({ width: 1280, height: 900 });

  await first.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(section.getByText("Refund written")).toBeVisible({ timeout: 30_000 });
  await expect(list).not.toContainText("PMT-E2E-1");
  const register = section.getByRole("list", { name: "Refund register" });
  await expect(register).toContainText("RF000001");
  await expect(register).toContainText("Unpaid · EFT for a patient not seen here");

  await register.getByRole("button", { name: "Record check for RF000001" }).click();
  await register.getByRole("textbox", { name: "Check #" }).fill("20451");
  await register.getByRole("button", { name: "Save check" }).click();
  await expect(section.getByText("Check recorded")).toBeVisible({ timeout: 30_000 });
  await expect(register).toContainText(`Paid by check 20451 on ${today}`);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  const tables = await tablesIn((await save(page)).bytes);
  const refunds = recordsOf(tables, "Refunds");
  expect(refunds).toHaveLength(1);
  expect(refunds[0]).toMatchObject({ RefundID: "RF000001", "Refund To": "Payer", PayerID: medicare.payerId, "Check #": "20451" });
  expect(recordsOf(tables, "Payments").some((p) => p.Reference === "REFUND PMT-E2E-1")).toBe(true);
  const audit = recordsOf(tables, "Audit").map((a) => a.Action);
  expect(audit).toContain("Refund");
  expect(audit).toContain("Refund check");
});
