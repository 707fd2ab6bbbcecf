// Setup › Practice settings end to end, in the browser host on the production build: on the sample
// practice (whose Practice table has blank Submitter and Receiver IDs, so no 837P can be made), the
// biller opens the form, types the clearinghouse's IDs, tries a mistyped Billing NPI (refused on its
// field, nothing written), puts it right and saves; the notice names what was saved, and the saved
// .xlsx holds the IDs as text (leading zeros kept) with the Audit row. The form fits a 320-pixel pane
// and a 350-pixel window without scrolling sideways. Screenshot: docs/taskpane-practice-settings.png.
import { expect, test } from "@playwright/test";
import { npiCheckDigit } from "../src/codes/npi";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, save, SHOT_WIDTH } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

test("the Submitter and Receiver IDs are entered in Setup › Practice settings, checked, saved, and in the saved file", async ({ page }) => {
  await openSample(page);
  await narrowPane(page);
  const panel = await openPanel(page, "Setup");
  await panel.getByRole("button", { name: "Practice settings", exact: true }).click();
  const form = panel.getByRole("region", { name: "Practice settings" });
  await expect(form.getByText(/What MedBill reads from the Practice table \(Practice sheet\)/)).toBeVisible({ timeout: 30_000 });

  // The clearinghouse's IDs, under Claims.
  await form.getByRole("button", { name: "Claims", exact: true }).click();
  const claims = form.getByRole("group", { name: "Claims", exact: true });
  const submitter = claims.getByRole("textbox", { name: "Submitter ID" });
  await expect(submitter).toHaveValue("");
  await submitter.fill("000123456");
  await claims.getByRole("textbox", { name: "Receiver ID" }).fill("CLEARHOUSE");
  await expect(claims.getByRole("textbox", { name: "Last Interchange Control #" })).toHaveAttribute("readonly", "");

  // A mistyped Billing NPI: refused on its field, and nothing is saved.
  await form.getByRole("button", { name: "Practice", exact: true }).click();
  const practice = form.getByRole("group", { name: "Practice", exact: true });
  const npiBox = practice.getByRole("textbox", { name: "Billing NPI" });
  const npi = await npiBox.inputValue();
  expect(npi).toMatch(/^\d{10}$/);
  const bad = `${npi.slice(0, 9)}${(npiCheckDigit(npi.slice(0, 9)) + 1) % 10}`;
  await npiBox.fill(bad);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(practice.getByText(`Billing NPI ${bad} fails the NPI check digit (mistyped?).`)).toBeVisible();
  await expect(form.getByText("Fix the field marked in red, then save again.")).toBeVisible();
  await expect(form.getByText("3 changes not saved yet.")).toBeVisible();

  // Nothing scrolls sideways with the groups open and a mistake shown: in a 320-pixel pane, and in a 350-pixel window.
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await page.setViewportSize({ width: SHOT_WIDTH, height: 900 });
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });
  await paneScreenshot(page, panel, { path: "docs/taskpane-practice-settings.png", height: 2600, end: claims });

  // Put right, and saved: the notice names the settings saved.
  await npiBox.fill(npi);
  await expect(practice.getByText(/fails the NPI check digit/)).toHaveCount(0);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status").filter({ hasText: "Saved Submitter ID and Receiver ID in the Practice table." })).toBeVisible();
  await expect(claims.getByRole("textbox", { name: "Submitter ID" })).toHaveValue("000123456");
  // The form stayed in place: the keyboard user is still on Save.
  await expect(form.getByRole("button", { name: "Save settings" })).toBeFocused();
  await expect(form.getByText(/changes? not saved yet/)).toHaveCount(0);

  const tables = await tablesIn((await save(page)).bytes);
  const settings = new Map(recordsOf(tables, "Practice").map((r) => [r.Setting, r.Value]));
  expect(settings.get("Submitter ID")).toBe("000123456");
  expect(settings.get("Receiver ID")).toBe("CLEARHOUSE");
  expect(settings.get("Billing NPI")).toBe(npi);
  const audit = recordsOf(tables, "Audit").filter((r) => r.Action === "Practice settings");
  expect(audit.map((r) => r.What)).toEqual(["saved 2 Practice settings: Submitter ID, Receiver ID"]);
});
