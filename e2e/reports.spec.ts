// The Reports panel end to end, in the browser host on the production build: on the sample practice,
// the aging as of last month's end is refused while its buckets go down and its date is not a date
// (nothing written), then run: the headline figures are the ones the engine computes in Node on the
// same saved workbook, the chart is drawn on its canvas (bars in each series' colour) from a chunk
// fetched only then, and the "Aging YYYY-MM-DD" sheet is in the grid. The KPIs and the collections
// worklist run once each. The saved file is checked with ExcelJS: the report sheets, the aging's
// table, and one Audit row per report run.
import { expect, test, type Locator } from "@playwright/test";
import { readLedger } from "../src/ledger/ledger";
import { agingByPayerType, agingReport } from "../src/reports/aging";
import { collectionsWorklist } from "../src/reports/collections";
import { practiceKpis } from "../src/reports/kpis";
import { parseTable } from "../src/workbook/mapTable";
import { Patients, Statements } from "../src/workbook/tables";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { lastThreeMonths } from "../taskpane/reports/reportForm";
import { headlineKpis } from "../taskpane/reports/reportRun";
import { agingChartView, agingHeadline, collectionsSummary, kpiRows } from "../taskpane/reports/reportView";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, preview, save } from "./browserPage";
import { excelWorkbook, recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

/** The last day of the month before today's: the sample's books run up to today, so it has a month behind it and lines after it. */
function lastMonthEnd(): string {
  const today = new Date();
  const end = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0));
  return end.toISOString().slice(0, 10);
}

/** How many of the canvas's pixels are drawn, and how many are close to each colour. */
async function canvasPixels(canvas: Locator, colors: string[]) {
  return canvas.evaluate((el, hexes) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    const wanted = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const near = wanted.map(() => 0);
    let drawn = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] === 0) continue;
      drawn += 1;
      wanted.forEach((rgb, w) => {
        if (data[p + 3] > 250 && rgb.every((v, k) => Math.abs(v - data[p + k]) <= 6)) near[w] += 1;
      });
    }
    return { drawn, total: data.length / 4, near };
  }, colors);
}

test("the aging, the KPIs and the collections worklist run from the panel, show the engine's figures and a drawn chart, and are saved", async ({
  page,
}) => {
  const chunks: string[] = [];
  page.on("request", (request) => chunks.push(new URL(request.url()).pathname));
  await openSample(page);

  // What the engine says in Node for the same saved workbook.
  const asOf = lastMonthEnd();
  const saved = await XlsxWorkbook.load((await save(page)).bytes);
  const { ledger, dateSystem } = await readLedger(saved);
  const report = agingReport(ledger, { asOf, bounds: [30, 60, 90, 120], basis: "dos" });
  const expected = agingHeadline(report, headlineKpis(ledger, asOf));
  const chart = agingChartView(report.buckets, agingByPayerType(report, ledger.payers));
  expect(report.total).toBeGreaterThan(0);
  expect(report.later.lines).toBeGreaterThan(0);
  expect(chart.series.length).toBeGreaterThan(1);

  // Excel's narrowest task pane is about 320 pixels wide: the panel is used at that width throughout.
  await narrowPane(page);
  const panel = await openPanel(page, "Reports");
  await expect(panel.getByRole("combobox", { name: "Report" })).toHaveValue("aging");
  await expect(panel.getByRole("textbox", { name: "Buckets (days)" })).toHaveValue("30, 60, 90, 120");
  expect(
    chunks.filter((c) => /\/chart\.[0-9a-f]+\.js$/.test(c)),
    "Chart.js is not fetched before a chart is shown",
  ).toEqual([]);

  // Buckets that go down and a date that is not one: said on their fields, nothing run.
  const asOfBox = panel.getByRole("textbox", { name: "As of" });
  const buckets = panel.getByRole("textbox", { name: "Buckets (days)" });
  const run = panel.getByRole("button", { name: "Run" });
  await asOfBox.fill("2026-02-30");
  await buckets.fill("60, 30");
  await run.click();
  await expect(panel.getByText('"2026-02-30" is not a real calendar date.')).toBeVisible();
  await expect(panel.getByText("30 comes after 60: each bucket must end later than the one before, like 30, 60, 90, 120.")).toBeVisible();
  await expect(panel.getByText("Fix the 2 fields marked in red, then run again.")).toBeVisible();
  await expect(panel.getByRole("region", { name: "Report results" })).toHaveCount(0);

  await asOfBox.fill(asOf);
  await buckets.fill("30, 60, 90, 120");
  await run.click();
  await expect(panel.getByRole("status").filter({ hasText: "Report written" })).toContainText(`"Aging ${asOf}"`);
  await expect(panel.getByRole("progressbar")).toHaveCount(0);
  const results = panel.getByRole("region", { name: "Report results" });
  const figure = (id: string) => results.locator(`[data-figure="${id}"]`);
  for (const f of expected.figures) await expect(figure(f.id)).toHaveText(f.value);
  await expect(results.getByText(expected.figures[0].detail)).toBeVisible();
  await expect(results.getByRole("list", { name: "Kept apart" }).getByRole("listitem")).toHaveText(expected.notes);
  for (const line of expected.parameters) await expect(results).toContainText(line);

  // The chart: drawn, from the lazily fetched chunk, with each series' colour on the canvas and a summary for a screen reader.
  const canvas = results.getByRole("img", { name: chart.summary });
  await expect(canvas).toHaveAttribute("data-drawn", "yes");
  expect(chunks.filter((c) => /\/chart\.[0-9a-f]+\.js$/.test(c))).toHaveLength(1);
  const pixels = await canvasPixels(
    canvas,
    chart.series.map((s) => s.color),
  );
  expect(pixels.drawn).toBeGreaterThan(pixels.total / 20);
  chart.series.forEach((s, i) => expect(pixels.near[i], `${s.name} bars`).toBeGreaterThan(20));
  const box = (await canvas.boundingBox())!;
  expect(box.width).toBeGreaterThan(250);
  expect(box.height).toBeGreaterThan(200);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The screenshot for docs/: the panel (checked at 320 pixels, pictured at 350) with the headline figures and the chart, nothing cut off.
  await paneScreenshot(page, panel, {
    path: "docs/taskpane-reports.png",
    height: 2000,
    end: results,
    ready: () => expect(canvas).toHaveAttribute("data-drawn", "yes"),
  });

  // The report's sheet in the grid.
  await preview(page).getByRole("combobox", { name: "Sheet to preview" }).click();
  await page
    .getByRole("option", { name: new RegExp(`^Aging ${asOf}`) })
    .first()
    .click();
  const grid = preview(page).getByTestId("sheet-grid");
  await expect(grid.getByRole("cell", { name: `A/R aging as of ${asOf}`, exact: true })).toBeVisible();

  // The KPIs, the three months ending at the as-of date when the period is left blank.
  const period = lastThreeMonths(asOf);
  const kpis = practiceKpis(ledger, { ...period, asOf });
  await panel.getByRole("combobox", { name: "Report" }).selectOption("kpis");
  await expect(panel.getByRole("textbox", { name: "From" })).toHaveAttribute("placeholder", period.from);
  await run.click();
  await expect(panel.getByRole("status").filter({ hasText: "Report written" })).toContainText(`"KPIs ${period.from} to ${period.to}"`);
  const kpiTable = results.getByRole("table", { name: "Practice KPIs" });
  const rows = kpiRows(kpis);
  await expect(kpiTable.getByRole("row")).toHaveCount(rows.length);
  for (const row of rows.slice(0, 7)) {
    const shown = kpiTable.getByRole("row").filter({ has: page.getByRole("rowheader", { name: row.name, exact: true }) });
    await expect(shown.getByRole("cell")).toHaveText(row.value);
  }
  await expect(results.getByRole("img")).toHaveCount(0);

  // The collections worklist, over $50.00 and older than 60 days (the form's defaults).
  const extra = await saved.readTables(["Patients", "Statements"]);
  const list = collectionsWorklist(ledger, {
    asOf,
    bounds: [30, 60, 90, 120],
    basis: "dos",
    minBalance: 5000,
    olderThan: 60,
    patients: parseTable(Patients, extra.Patients!, dateSystem).rows,
    statements: parseTable(Statements, extra.Statements!, dateSystem).rows,
  });
  await panel.getByRole("combobox", { name: "Report" }).selectOption("collections");
  await expect(panel.getByRole("textbox", { name: "Balance over" })).toHaveValue("50.00");
  await run.click();
  await expect(panel.getByRole("status").filter({ hasText: "Report written" })).toContainText(`"Collections ${asOf}"`);
  await expect(results).toContainText(collectionsSummary(list, 5000, 60));
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The saved file: the three reports' sheets, the aging's table on its sheet, one Audit row per report.
  const bytes = (await save(page)).bytes;
  const book = await excelWorkbook(bytes);
  const names = book.worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining([`Aging ${asOf}`, `KPIs ${period.from} to ${period.to}`, `Collections ${asOf}`]));
  expect(book.getWorksheet(`Aging ${asOf}`)!.getCell("A1").value).toBe(`A/R aging as of ${asOf}`);
  const tables = await tablesIn(bytes);
  expect(
    tables.filter((t) => t.sheet === `Aging ${asOf}`).map((t) => t.name),
    "the aging's summary is an Excel table",
  ).not.toEqual([]);
  const audit = recordsOf(tables, "Audit");
  expect(audit.filter((r) => r.Action === "Aging report")).toHaveLength(1);
  expect(audit.filter((r) => r.Action === "KPI report")).toHaveLength(1);
  expect(audit.filter((r) => r.Action === "Collections worklist")).toHaveLength(1);
  expect(audit.find((r) => r.Action === "Aging report")!.What).toContain(`aging as of ${asOf}`);
});
