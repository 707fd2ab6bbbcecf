// The Claims panel end to end, in the browser host on the production build. The sample practice is
// saved, and edited in Node as an office would type in Excel (the "grid-less" way: a test helper
// changes the saved workbook and the page reopens it): two claims of one payer go bad (a rendering
// NPI failing its check digit, a patient born after the date of service) and a scrub rule is turned
// off. The panel shows the same claims and lights as the engine in Node, the rules off, and each bad
// claim's problems; a problem click turns the grid to its cell. Create 837P first asks, saying the
// file and the Billed Date it will set (Cancel writes nothing); confirmed, it is refused, in words
// saying where, while the Practice has no Submitter and Receiver IDs. Then one claim is fixed and
// the IDs filled the same way; the payer's claims without errors are exported: the download is an
// 837P that reads back with those claims and their ΣCLM02, they leave the list, the claim with
// errors stays; its claim form is written to a sheet. The saved file has the Billed Dates, the
// control number and the Audit rows. Screenshot at Excel's narrowest pane width.
import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { read837p } from "../src/claims/837pRead";
import { readClaimBooks } from "../src/claims/claimBooks";
import { controlNumbersFrom } from "../src/claims/exportPlan";
import { isoToSerial, todayIso } from "../src/dates";
import { formatMoney } from "../src/money";
import type { CellValue } from "../src/workbook/port";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { scrubWorkbook, type ClaimEntry } from "../taskpane/claims/claimsRun";
import { countStatuses, scrubHeadline } from "../taskpane/claims/claimsView";
import {
  ALL_TABLES_FOUND,
  guardEveryTest,
  narrowPane,
  openPanel,
  openSample,
  overflow,
  pane,
  paneScreenshot,
  preview,
  save,
} from "./browserPage";
import { fillSettings } from "./claimsPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

/** An NPI whose check digit is wrong. */
const BAD_NPI = "1234567890";
/** The rule the office turned off: without a CPT list loaded it changes nothing, but it must show. */
const RULE_OFF = "cpt-not-listed";

/**
 * The saved workbook edited in Node, as an office types into Excel: through the xlsx adapter's
 * write (whole columns set, rows added), with no Audit row, since nobody ran the add-in for it.
 */
async function edited(bytes: Uint8Array, edit: (book: XlsxWorkbook) => Promise<void>): Promise<Buffer> {
  const book = await XlsxWorkbook.load(bytes);
  await edit(book);
  return Buffer.from(await book.save());
}

/** Type `value` into `column` of every row of `table` that `match` picks. */
async function typeInto(
  book: XlsxWorkbook,
  table: string,
  match: (row: Record<string, CellValue>) => boolean,
  column: string,
  value: CellValue,
) {
  const raw = (await book.readTables([table]))[table]!;
  const i = raw.headers.indexOf(column);
  let typed = 0;
  const values = raw.rows.map((row) => {
    if (!match(Object.fromEntries(raw.headers.map((h, k) => [h, row[k]])))) return row[i] ?? null;
    typed++;
    return value;
  });
  expect(typed, `${table} rows typed into`).toBeGreaterThan(0);
  await book.write([{ kind: "setColumn", table, column, values }]);
}

async function reopen(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId("open-file").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
  await expect(page.getByText(name)).toBeVisible();
  await expect(pane(page).getByText(ALL_TABLES_FOUND)).toBeVisible({ timeout: 60_000 });
}

/** The Claims tab, once its list is read. */
async function openClaims(page: Page): Promise<Locator> {
  const panel = await openPanel(page, "Claims");
  await expect(panel.getByRole("region", { name: "Claims to bill" })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole("progressbar")).toHaveCount(0);
  return panel;
}

const claimItem = (panel: Locator, claimId: string) => panel.locator(`li[data-claim="${claimId}"]`);

test("the Claims panel scrubs the seeded claims, goes to a problem's cell, refuses without IDs, exports a payer's ready claims and writes a claim form", async ({
  page,
}) => {
  const today = todayIso();
  await openSample(page);

  // In Node: the payer with the most claims ready to send, and two of them to spoil.
  const sample = (await save(page)).bytes;
  const clean = await scrubWorkbook(await XlsxWorkbook.load(sample), today);
  const readyByPayer = new Map<string, ClaimEntry[]>();
  for (const e of clean.entries) if (e.status === "ready") readyByPayer.set(e.payerId, [...(readyByPayer.get(e.payerId) ?? []), e]);
  const [payerId, ready] = [...readyByPayer].sort((a, b) => b[1].length - a[1].length)[0];
  expect(ready.length, `ready claims of ${payerId}`).toBeGreaterThanOrEqual(3);
  const npiClaim = ready[0].claim!;
  // The DOB claim's patient has no other claim waiting, so only it turns red for the DOB.
  const dobClaim = ready
    .slice(1)
    .map((e) => e.claim!)
    .find((c) => clean.entries.filter((e) => e.claim?.patient.patientId === c.patient.patientId).length === 1)!;
  expect(dobClaim, "a claim whose patient has no other claim waiting").toBeDefined();
  const dobAfter = "2099-01-01";

  const seeded = await edited(sample, async (book) => {
    await typeInto(book, "Charges", (r) => r.ClaimID === npiClaim.claimId, "Provider NPI", BAD_NPI);
    await typeInto(book, "Patients", (r) => r.PatientID === dobClaim.patient.patientId, "DOB", isoToSerial(dobAfter, 1900));
    await fillSettings(book, { "Scrub Rules Off": RULE_OFF, "Submitter ID": "", "Receiver ID": "" });
  });
  const expected = await scrubWorkbook(await XlsxWorkbook.load(seeded), today);
  expect(expected.entries.filter((e) => e.status === "errors").map((e) => e.claimId)).toEqual(
    expect.arrayContaining([npiClaim.claimId, dobClaim.claimId]),
  );
  await reopen(page, "practice-bad-claims.xlsx", seeded);

  // Excel's narrowest task pane is about 320 pixels wide: the panel is used at that width throughout.
  await narrowPane(page);
  const panel = await openClaims(page);
  const list = panel.getByRole("region", { name: "Claims to bill" });
  await expect(list).toContainText(scrubHeadline(expected));
  await expect(panel.getByTestId("rules-off")).toHaveText(
    `Scrub rules turned off (Practice, Scrub Rules Off): ${RULE_OFF} (CPT code not on the office's CPT list).`,
  );
  const counts = countStatuses(expected.entries);
  await expect(panel.getByRole("list", { name: "Claims by status" }).getByRole("listitem")).toHaveText([
    `${counts.errors}Errors`,
    `${counts.warnings}Warnings`,
    `${counts.ready}Ready`,
  ]);
  // Every claim is listed, with the engine's light: the word beside the colour.
  for (const e of expected.entries) {
    await expect(claimItem(panel, e.claimId).locator("[data-status]")).toHaveAttribute("data-status", e.status);
  }
  await expect(claimItem(panel, npiClaim.claimId)).toContainText("Errors");

  // One payer: its claims only, and what Create 837P would take.
  await panel.getByRole("combobox", { name: "Payer" }).selectOption(payerId);
  const ofPayer = expected.entries.filter((e) => e.payerId === payerId);
  await expect(panel.locator("li[data-claim]")).toHaveCount(ofPayer.length);

  // The NPI claim's problems; the first goes to its cell in the grid.
  await claimItem(panel, npiClaim.claimId).getByRole("button", { expanded: false }).click();
  const npiDetail = panel.getByRole("region", { name: `Claim ${npiClaim.claimId}` });
  const npiProblems = npiDetail.getByRole("list", { name: `Problems of claim ${npiClaim.claimId}` }).getByRole("listitem");
  const npiLine = npiClaim.lines[0];
  await expect(npiProblems.first()).toContainText(`Charges row ${npiLine.sheetRow}, Provider NPI`);
  await expect(npiProblems.first()).toContainText("correct the rendering provider's NPI");
  await npiProblems.first().getByRole("button").click();
  const grid = preview(page).getByTestId("sheet-grid");
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(/^Charges/);
  const target = grid.locator("td[data-target]");
  await expect(target).toHaveText(BAD_NPI);
  await expect(target).toBeInViewport();
  await expect(target.locator("xpath=preceding-sibling::th")).toHaveText(npiLine.sheetRow!.toLocaleString("en-US"));

  // The DOB claim: its problem is on the patient's row of Patients, found by the PatientID.
  await claimItem(panel, dobClaim.claimId).getByRole("button", { expanded: false }).click();
  await expect(npiDetail).toHaveCount(0);
  const dobDetail = panel.getByRole("region", { name: `Claim ${dobClaim.claimId}` });
  const dobProblem = dobDetail.getByRole("listitem").filter({ hasText: "DOB is after the date of service" });
  await expect(dobProblem).toContainText(/^Patients row \d+, DOB/);
  await dobProblem.getByRole("button").click();
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(/^Patients/);
  await expect(target).toHaveText(dobAfter);
  await expect(target.locator("xpath=..")).toContainText(dobClaim.patient.patientId);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The screenshot for docs/: the panel (checked at 320 pixels, pictured at 350), an open claim with its problems, nothing cut off.
  await paneScreenshot(page, panel, { path: "docs/taskpane-claims.png", height: 1600, end: list });

  // Create 837P first says what it will write and mark; Cancel writes nothing. No Submitter or
  // Receiver ID yet: confirmed, it is refused, saying where to fill them; nothing written.
  await panel.getByRole("button", { name: "Create 837P" }).click();
  const ask = page.getByRole("dialog", { name: "Create the 837P file?" });
  await expect(ask).toContainText(`claims-${payerId}-`);
  await expect(ask).toContainText("Billed Date will be set to");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await panel.getByRole("button", { name: "Create 837P" }).click();
  await page.getByRole("dialog", { name: "Create the 837P file?" }).getByRole("button", { name: "Yes, create the file" }).click();
  const alert = panel.getByRole("alert");
  await expect(alert).toContainText("Could not create the 837P file");
  await expect(alert).toContainText("The submitter ID is blank: enter the ID your clearinghouse gave you in Practice (Submitter ID).");
  await expect(alert).toContainText("The receiver ID is blank: enter the ID your clearinghouse gave you in Practice (Receiver ID).");
  await alert.getByRole("button", { name: "Dismiss" }).click();
  await expect(claimItem(panel, ready[ready.length - 1].claimId)).toHaveCount(1);

  // The grid-less fix: the NPI claim gets its provider's NPI back and the IDs are filled, in Node.
  const fixed = await edited((await save(page)).bytes, async (book) => {
    await typeInto(book, "Charges", (r) => r.ClaimID === npiClaim.claimId, "Provider NPI", npiLine.renderingNpi!);
    await fillSettings(book, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
  });
  const fixedBook = await XlsxWorkbook.load(fixed);
  const before = await scrubWorkbook(fixedBook, today);
  const books = await readClaimBooks(fixedBook);
  const toSend = before.entries.filter((e) => e.payerId === payerId && e.status !== "errors");
  expect(toSend.map((e) => e.claimId)).toContain(npiClaim.claimId);
  expect(toSend.map((e) => e.claimId)).not.toContain(dobClaim.claimId);
  const isa13 = String(controlNumbersFrom(books.practiceSettings).interchange + 1).padStart(9, "0");
  await reopen(page, "practice-fixed.xlsx", fixed);
  const again = await openClaims(page);
  await expect(claimItem(again, npiClaim.claimId).locator("[data-status]")).toHaveAttribute("data-status", "ready");
  await again.getByRole("button", { name: "Refresh" }).click();
  await expect(again.getByRole("progressbar")).toHaveCount(0);
  await expect(claimItem(again, npiClaim.claimId).locator("[data-status]")).toHaveAttribute("data-status", "ready");

  // Export the payer's claims without errors: the download is the file, read back the same.
  await again.getByRole("combobox", { name: "Payer" }).selectOption(payerId);
  const fileName = `claims-${payerId}-${isa13}.837`;
  await again.getByRole("button", { name: "Create 837P" }).click();
  const confirm = page.getByRole("dialog", { name: "Create the 837P file?" });
  await expect(confirm).toContainText(`${fileName} will hold ${toSend.length} claim${toSend.length === 1 ? "" : "s"} (`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    confirm.getByRole("button", { name: "Yes, create the file" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(fileName);
  const read = read837p(await readFile((await download.path())!, "latin1"));
  if (!read.ok) throw new Error(read.error);
  expect(read.isaControl).toBe(isa13);
  expect(read.claims.map((c) => c.claimId)).toEqual(toSend.map((e) => e.claimId));
  const total = toSend.reduce((s, e) => s + e.claim!.total, 0);
  expect(read.claims.reduce((s, c) => s + c.total, 0)).toBe(total);
  const created = again.getByRole("status").filter({ hasText: "837P file created" });
  await expect(created).toContainText(`${fileName}: ${toSend.length} claims (${formatMoney(total)}).`);
  await expect(again.getByRole("region", { name: "837P file" })).toContainText(fileName);

  // The exported claims leave the list; the one with errors stays, and its claim form is written.
  await expect(again.getByRole("progressbar")).toHaveCount(0);
  for (const e of toSend) await expect(claimItem(again, e.claimId)).toHaveCount(0);
  await expect(claimItem(again, dobClaim.claimId).locator("[data-status]")).toHaveAttribute("data-status", "errors");
  await claimItem(again, dobClaim.claimId).getByRole("button", { expanded: false }).click();
  await again
    .getByRole("region", { name: `Claim ${dobClaim.claimId}` })
    .getByRole("button", { name: "Claim form" })
    .click();
  await expect(again.getByRole("status").filter({ hasText: "Claim forms written" })).toContainText(
    `The claim form of ${dobClaim.claimId} is on the sheet "Claim ${dobClaim.claimId}"`,
  );
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(new RegExp(`^Claim ${dobClaim.claimId}`));
  expect(await overflow(again)).toEqual({ scroll: 0, wide: [] });

  // The saved file: Billed Date today on exactly the exported lines, the control number kept, the Audit rows.
  const saved = (await save(page)).bytes;
  const after = await readClaimBooks(await XlsxWorkbook.load(saved));
  const exportedLines = new Set(toSend.flatMap((e) => e.claim!.lines.map((l) => l.lineId)));
  expect(after.charges.length).toBe(books.charges.length);
  after.charges.forEach((row, i) => {
    expect(row.billedDate, row.chargeId).toBe(exportedLines.has(row.chargeId) ? today : books.charges[i].billedDate);
  });
  expect(after.practiceSettings.get("Last Interchange Control #")).toBe(String(Number(isa13)));
  const audit = recordsOf(await tablesIn(saved), "Audit");
  const exports = audit.filter((r) => r.Action === "Claims exported");
  expect(exports).toHaveLength(1);
  expect(exports[0].What).toContain(fileName);
  expect(audit.filter((r) => r.Action === "Claim forms printed")).toHaveLength(1);
});
