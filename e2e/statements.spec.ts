// The Statements panel end to end, in the browser host on the production build: on the sample
// practice, at the 320-pixel pane width, the batch rules come from the Practice table; Preview lists
// who gets what and the total the engine computes in Node on the same saved workbook, with nothing
// written; Issue writes the "Statements <today>" sheet, shown in the grid; Download PDF fetches the
// PDF chunk only then and saves "statements-<today>.pdf", a PDF with a page per statement; a second
// preview for the same date issues nothing and says why; a re-print of a number just issued takes no
// new one. The saved file is checked with ExcelJS: the Statements rows numbered on from the sample's
// without a gap, one Audit row for the batch and one for the re-print.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { expect, test } from "@playwright/test";
import { todayIso } from "../src/dates";
import { formatMoney } from "../src/money";
import { statementBatch } from "../src/statements/batch";
import { readStatementBooks } from "../src/statements/statementBooks";
import { statementPages } from "../src/statements/statementPdf";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { reasonGroup } from "../taskpane/statements/statementView";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, preview, save } from "./browserPage";
import { excelWorkbook, recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

const PDF_CHUNK = /\/pdf\.[0-9a-f]+\.js$/;
const dist = process.env.E2E_DIST ?? "dist";
/** A string only pdf-lib's code carries. */
const PDF_LIB = "Hopding/pdf-lib";

async function scriptsOf(html: string): Promise<string[]> {
  const text = await readFile(join(dist, html), "utf8");
  return [...text.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
}

async function holdsPdfLib(script: string): Promise<boolean> {
  return (await readFile(join(dist, script.replace(/^\//, "")), "utf8")).includes(PDF_LIB);
}

test("a batch is previewed, issued onto its sheet, downloaded as a PDF, not issued twice, and saved with its numbers", async ({ page }) => {
  // Neither host's page loads pdf-lib up front.
  for (const html of ["taskpane.html", "browser.html"]) {
    const scripts = await scriptsOf(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(await holdsPdfLib(src), `${html}: ${src}`).toBe(false);
  }
  const chunks: string[] = [];
  page.on("request", (request) => chunks.push(new URL(request.url()).pathname));
  await openSample(page);

  // What the engine says in Node for the same saved workbook, today.
  const today = todayIso();
  const saved = await XlsxWorkbook.load((await save(page)).bytes);
  const books = await readStatementBooks(saved);
  expect(books.problems).toEqual([]);
  const run = statementBatch(books, { date: today });
  const docs = run.documents;
  expect(docs.length).toBeGreaterThan(1);
  expect(docs.length).toBeLessThanOrEqual(100);
  expect(await statementPages(docs), "each statement fits on one page").toHaveLength(docs.length);
  const highest = Math.max(...books.statements.map((s) => Number(/(\d+)$/.exec(s.number)![1])));
  const numbers = docs.map((_, i) => `S${String(highest + 1 + i).padStart(6, "0")}`);
  expect(docs.map((d) => d.number)).toEqual(numbers);
  const sheetName = `Statements ${today}`;

  // Excel's narrowest task pane is about 320 pixels wide: the panel is used at that width throughout.
  await narrowPane(page);
  const panel = await openPanel(page, "Statements");
  await expect(panel.getByRole("combobox", { name: "Send" })).toHaveValue("batch");
  await expect(panel.getByRole("textbox", { name: "Statement date" })).toHaveValue(today);
  await expect(panel.getByRole("textbox", { name: "Minimum due" })).toHaveValue((books.settings.minBalance / 100).toFixed(2));
  await expect(panel.getByRole("textbox", { name: "Cycle (days)" })).toHaveValue(String(books.settings.cycleDays));

  // A cycle that is not whole days: said on its field, nothing previewed.
  const cycle = panel.getByRole("textbox", { name: "Cycle (days)" });
  await cycle.fill("a month");
  await panel.getByRole("button", { name: "Preview" }).click();
  await expect(panel.getByText('"a month" is not a number of days from 0 to 366.')).toBeVisible();
  await expect(panel.getByRole("region", { name: "Statement preview" })).toHaveCount(0);
  await cycle.fill(String(books.settings.cycleDays));

  // Preview: who gets what, the total, the accounts left out; nothing written yet.
  await panel.getByRole("button", { name: "Preview" }).click();
  const shown = panel.getByRole("region", { name: "Statement preview" });
  await expect(shown.getByTestId("preview-summary")).toContainText(
    `${docs.length} statements dated ${today}, numbered ${numbers[0]} to ${numbers.at(-1)}: amount due ${formatMoney(run.total)} in all.`,
  );
  await expect(panel.getByRole("progressbar")).toHaveCount(0);
  const who = shown.getByRole("list", { name: "Who gets what" }).getByRole("listitem");
  await expect(who).toHaveCount(docs.length);
  await expect(who.first()).toContainText(`${docs[0].to.name.split(" ").at(-1)}`);
  await expect(who.first()).toContainText(docs[0].account);
  await expect(who.first()).toContainText(formatMoney(docs[0].amountDue));
  await expect(shown.getByLabel("Total")).toContainText(formatMoney(run.total));
  if (run.skipped.length > 0) await expect(shown).toContainText(`Left out: ${run.skipped.length}`);
  expect(
    chunks.filter((c) => PDF_CHUNK.test(c)),
    "the PDF chunk is not fetched before a PDF is asked for",
  ).toEqual([]);
  for (const c of chunks.filter((c) => c.endsWith(".js"))) expect(await holdsPdfLib(c), `${c} holds pdf-lib`).toBe(false);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The screenshot for docs/: the panel (checked at 320 pixels, pictured at 350) with the preview down to its total, nothing cut off.
  await paneScreenshot(page, panel, { path: "docs/taskpane-statements.png", height: 2600, end: shown.getByLabel("Total"), margin: 6 });

  // Issue: the sheet, the rows and the Audit row in one go; the grid shows the sheet.
  await panel.getByRole("button", { name: `Issue ${docs.length} statements` }).click();
  const issued = panel.getByRole("status").filter({ hasText: "Statements issued" });
  await expect(issued).toContainText(`${numbers[0]} to ${numbers.at(-1)}, on the sheet "${sheetName}"`);
  await expect(issued).toContainText(`A preview for ${today} now leaves these accounts out`);
  await expect(panel.getByRole("progressbar")).toHaveCount(0);
  await expect(panel.getByRole("region", { name: "Statement preview" })).toHaveCount(0);
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(new RegExp(`^${sheetName}`));
  const grid = preview(page).getByTestId("sheet-grid");
  // The number is on the statement and on its tear-off stub.
  await expect(grid.getByRole("cell", { name: numbers[0], exact: true })).toHaveCount(2);
  await expect(grid.getByRole("cell", { name: books.settings.practice.name, exact: true }).first()).toBeVisible();

  // The PDF of the batch just issued: from the lazily fetched chunk, a PDF with a page per statement.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: `Download PDF (${docs.length} statements)` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`statements-${today}.pdf`);
  const pdfBytes = await readFile((await download.path())!);
  expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect((await PDFDocument.load(pdfBytes)).getPageCount()).toBe(docs.length);
  expect(chunks.filter((c) => PDF_CHUNK.test(c))).toHaveLength(1);
  const fetched = chunks.filter((c) => c.endsWith(".js"));
  expect(await Promise.all(fetched.map(holdsPdfLib)), "pdf-lib came with the PDF").toContain(true);
  await expect(panel.getByText(`Downloaded statements-${today}.pdf.`)).toBeVisible();
  await expect(panel.getByRole("group", { name: "Just issued" })).toContainText(
    `Issued ${numbers[0]} to ${numbers.at(-1)} on "${sheetName}".`,
  );

  // The same date again: nothing to issue, and each account just sent is named with its number.
  await panel.getByRole("button", { name: "Preview" }).click();
  const again = panel.getByRole("region", { name: "Statement preview" });
  await expect(again.getByRole("status").filter({ hasText: `Nothing to issue on ${today}` })).toContainText(
    "running the batch again issues nothing new",
  );
  // Those just sent, and those already sent within the cycle before.
  const inCycle = docs.length + run.skipped.filter((s) => reasonGroup(s.reason) === "had a statement within the cycle").length;
  await expect(again.getByRole("list", { name: "Left out, by reason" }).getByRole("listitem").first()).toHaveText(
    `${inCycle} had a statement within the cycle`,
  );
  await expect(again.getByRole("list", { name: "Accounts left out" })).toContainText(
    `${docs[0].account}: statement ${numbers[0]} went out today (${today})`,
  );
  await expect(panel.getByRole("button", { name: /^Issue/ })).toHaveCount(0);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // A re-print of the first number: its own sheet, the same number, no new row.
  await panel.getByRole("combobox", { name: "Send" }).selectOption("reprint");
  await panel.getByRole("combobox", { name: "Number" }).fill(numbers[0]);
  await panel.getByRole("button", { name: "Preview" }).click();
  await expect(panel.getByTestId("preview-summary")).toHaveText(
    `Re-print of statement ${numbers[0]} as of its date ${today}: amount due ${formatMoney(docs[0].amountDue)}, no new number.` +
      (docs[0].pendingInsurance > 0 ? ` Pending with insurance, not asked for: ${formatMoney(docs[0].pendingInsurance)}.` : ""),
  );
  await panel.getByRole("button", { name: `Re-print ${numbers[0]}` }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Statement re-printed" })).toContainText("no new number was issued");
  await expect(preview(page).getByRole("combobox", { name: "Sheet to preview" })).toHaveText(new RegExp(`^Statement ${numbers[0]}`));
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The saved file: the batch's sheet, its rows in Statements numbered on without a gap, one Audit row.
  const bytes = (await save(page)).bytes;
  const book = await excelWorkbook(bytes);
  expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([sheetName, `Statement ${numbers[0]}`]));
  const tables = await tablesIn(bytes);
  const statements = recordsOf(tables, "Statements");
  expect(statements).toHaveLength(books.statements.length + docs.length);
  const added = statements.slice(books.statements.length);
  expect(added.map((r) => r.Number)).toEqual(numbers);
  expect(added.map((r) => r.Account)).toEqual(docs.map((d) => d.account));
  expect(added.every((r) => r.Kind === "Statement")).toBe(true);
  const audit = recordsOf(tables, "Audit");
  const rows = audit.filter((r) => r.Action === "Statements issued");
  expect(rows).toHaveLength(1);
  expect(rows[0].What).toContain(`${numbers[0]}-${numbers.at(-1)}`);
  for (const doc of docs) expect(rows[0].What).not.toContain(doc.to.name);
  expect(audit.filter((r) => r.Action === "Statement re-printed")).toHaveLength(1);
});
