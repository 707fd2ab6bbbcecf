// Payment plans end to end (issue 17), in the browser host on the production build at Excel's narrowest
// pane width: on the sample practice, the Patient accounts panel's Payment plans section shows its plans
// (the engine's summary, worked out in Node on the same saved workbook); the patient who owes most is
// put on a plan: the balance shows, a day past 28 and a total are typed, the schedule is previewed, and
// Create writes it; the plan is listed as Current. The saved file has the PaymentPlans row and its Audit
// row. Screenshot of the section: docs/taskpane-payment-plans.png.
import { expect, test } from "@playwright/test";
import { todayIso } from "../src/dates";
import { formatMoney } from "../src/money";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { readPlansPane } from "../taskpane/accounts/paymentPlansRun";
import { newPlanForm, plansSummary, schedulePreview } from "../taskpane/accounts/paymentPlansView";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, save, settled, SHOT_WIDTH } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

test("a patient is put on a payment plan, previewed and listed", async ({ page }) => {
  await openSample(page);
  const today = todayIso();
  const expected = await readPlansPane(await XlsxWorkbook.load((await save(page)).bytes), today);
  const patient = expected.patients[0];
  expect(patient.due, "the sample has a patient who owes").toBeGreaterThan(5000);
  // An installment of about a quarter of the balance, on the 31st, for all but $1.00 of it.
  const installment = Math.max(100, Math.floor(patient.due / 400) * 100);
  const total = patient.due - 100;
  const form = {
    ...newPlanForm(today),
    patientId: patient.patientId,
    installment: (installment / 100).toFixed(2),
    day: "31",
    total: (total / 100).toFixed(2),
  };

  await narrowPane(page);
  const panel = await openPanel(page, "Patient accounts");
  const section = panel.getByRole("region", { name: "Payment plans" });
  await section.getByRole("button", { name: "Show plans" }).click();
  await expect(section.getByText(plansSummary(expected.standings))).toBeVisible({ timeout: 60_000 });

  await section.getByRole("button", { name: "New payment plan" }).click();
  await section.getByRole("combobox", { name: "Patient" }).fill(patient.patientId);
  await page.getByRole("option", { name: new RegExp(`· ${patient.patientId} · owes`) }).click();
  await expect(section.getByText(`Patient balance: ${formatMoney(patient.due)}`)).toBeVisible();
  await section.getByRole("textbox", { name: "Installment" }).fill(form.installment);
  await section.getByRole("textbox", { name: "Day of month" }).fill(form.day);
  await section.getByRole("textbox", { name: "Plan total" }).fill(form.total);
  await expect(section.getByLabel("Schedule")).toHaveText(schedulePreview(form, patient.due));
  // A total over the balance is said on its field.
  await section.getByRole("textbox", { name: "Plan total" }).fill(((patient.due + 100) / 100).toFixed(2));
  await section.getByRole("button", { name: "Create" }).click();
  await expect(section.getByText(`No more than the balance, ${formatMoney(patient.due)}.`)).toBeVisible();
  await section.getByRole("textbox", { name: "Plan total" }).fill(form.total);

  await expect(section.getByText(`No more than the balance, ${formatMoney(patient.due)}.`)).toHaveCount(0);
  await section.getByRole("button", { name: "Create" }).click();
  await expect(section.getByText("Payment plan created")).toBeVisible();
  const list = section.getByRole("list", { name: "Payment plans" });
  await expect(list).toContainText(patient.patientId);
  await expect(list).toContainText("Current");

  // The form again, for the next patient, with its schedule: the section as the docs show it.
  const next = expected.patients[1];
  await section.getByRole("button", { name: "New payment plan" }).click();
  await section.getByRole("combobox", { name: "Patient" }).fill(next.patientId);
  await page.getByRole("option", { name: new RegExp(`· ${next.patientId} · owes`) }).click();
  await section.getByRole("textbox", { name: "Installment" }).fill("50.00");
  await expect(section.getByLabel("Schedule")).toHaveText(
    schedulePreview({ ...newPlanForm(today), patientId: next.patientId, installment: "50.00" }, next.due),
  );
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await page.setViewportSize({ width: SHOT_WIDTH, height: 1600 });
  await settled(page);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: "docs/taskpane-payment-plans.png", animations: "disabled" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await section.getByRole("button", { name: "Cancel" }).click();

  const tables = await tablesIn((await save(page)).bytes);
  const plans = recordsOf(tables, "PaymentPlans");
  const row = plans.find((p) => p.PatientID === patient.patientId)!;
  expect(row).toMatchObject({ "Day of Month": "31", Status: "Active" });
  expect(Number(row["Plan Total"])).toBeCloseTo(total / 100, 2);
  expect(recordsOf(tables, "Audit").some((a) => a.Action === "Payment plan")).toBe(true);
});
