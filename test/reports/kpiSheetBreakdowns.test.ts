// The KPI sheet's clean-claim rate and its two sections below the KPIs, "Denials by reason" and
// "Denials by payer", written through both adapters (memory, and xlsx saved and opened with ExcelJS)
// on the hand-worked ledger of kpisBreakdownBooks.ts: each an Excel table under a bold title and
// header row, counts, percents and money formatted; a sentence instead of an empty table; and the
// same figures as KPI-shaped rows for the CSV.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MONEY_FORMAT } from "../../src/money";
import { practiceKpis } from "../../src/reports/kpis";
import { denialBreakdownList, inputText, kpiList, kpiSheetPlan } from "../../src/reports/kpiSheet";
import { COUNT_FORMAT, PERCENT_FORMAT } from "../../src/reports/reportSheetLayout";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan, type WritePlan } from "../../src/workbook/plan";
import type { CellValue, ReportSheetOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { ledgerOf } from "../ledger/ledgerFixtures";
import { AS_OF, BREAKDOWN_BOOKS, PERIOD } from "./kpisBreakdownBooks";

const kpis = practiceKpis(ledgerOf(BREAKDOWN_BOOKS), { ...PERIOD, asOf: AS_OF });
const SHEET = "KPIs 2026-06-01 to 2026-06-30";

async function written(plan: WritePlan) {
  const memory = new MemoryWorkbook();
  await applyPlan(memory, plan, new Date(2026, 6, 1, 9, 0, 0));
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("Sheet1");
  const xlsx = await XlsxWorkbook.load(new Uint8Array(await empty.xlsx.writeBuffer()));
  await applyPlan(xlsx, plan, new Date(2026, 6, 1, 9, 0, 0));
  const bytes = await xlsx.save();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { memory, book, reopened: await XlsxWorkbook.load(bytes) };
}

const rowOf = (cells: CellValue[][], label: string) => cells.findIndex((r) => r[0] === label);

describe("the KPI list", () => {
  it("has the clean-claim rate after the A/R shares, the first seven where they were", () => {
    expect(kpiList(kpis).map((k) => k.name)).toEqual([
      "Days in A/R",
      "Net collection rate",
      "Gross collection rate",
      "Denial rate",
      "First-pass resolution rate",
      "% of A/R over 90 days",
      "% of A/R over 120 days",
      "Clean-claim rate",
      ...kpis.daysToPay.map((k) => k.name),
    ]);
  });
});

describe("the KPI sheet's denial sections", () => {
  const plan = kpiSheetPlan(kpis);
  const op = plan.ops[0] as ReportSheetOp;

  it("writes the clean-claim rate as a KPI row", async () => {
    const { memory } = await written(plan);
    const cells = (await memory.readSheet(SHEET))!;
    const clean = cells[rowOf(cells, "Clean-claim rate")];
    expect(clean.slice(0, 3)).toEqual(["Clean-claim rate", 30, "%"]);
    expect(clean[4]).toBe(
      "Clean claims: 3 claims; Adjudicated claims: 10 claims; Adjudicated with a denial posted: 6 claims; " +
        "Adjudicated replacements or voids, no denial posted: 1 claims",
    );
  });

  it("lists the denials by reason and by payer below the KPIs, each an Excel table under its title", async () => {
    const { memory, reopened, book } = await written(plan);
    for (const cells of [(await memory.readSheet(SHEET))!, (await reopened.readSheet(SHEET))!]) {
      const reasons = rowOf(cells, "Denials by reason");
      const payers = rowOf(cells, "Denials by payer");
      expect(reasons).toBeGreaterThan(rowOf(cells, "Clean-claim rate"));
      expect(cells.slice(reasons + 1, reasons + 5)).toEqual([
        ["Reason", "Denied claims", "% of adjudicated", "Denied amount", "Meaning"],
        ["CO-16", 3, 0.3, 420, "information is missing or wrong on the claim (see the remark codes)"],
        ["CO-197", 1, 0.1, 100, "authorization, precertification or notification was missing"],
        ["PR-96", 1, 0.1, 50, "not covered by the plan"],
      ]);
      expect(payers).toBe(reasons + 6);
      expect(cells.slice(payers + 1, payers + 5)).toEqual([
        ["Payer", "Adjudicated claims", "Denied claims", "Denial rate", "Payer name"],
        ["MCR", 4, 2, 0.5, "Medicare Part B"],
        ["SEC", 4, 2, 0.5, "Second Health Plan"],
        ["BCB", 2, 0, 0, "Blue Plan"],
      ]);
      expect(cells).toHaveLength(payers + 5);
    }
    expect(op.tables!.map((t) => t.name)).toEqual([
      "KPIs_2026_06_01_2026_06_30",
      "KPIDenialReasons_2026_06_01_2026_06_30",
      "KPIDenialPayers_2026_06_01_2026_06_30",
    ]);
    const sheet = book.getWorksheet(SHEET)!;
    const cells = (await reopened.readSheet(SHEET))!;
    const reasonTitle = rowOf(cells, "Denials by reason") + 1;
    const payerTitle = rowOf(cells, "Denials by payer") + 1;
    const ref = (name: string) => (sheet.getTable(name) as unknown as { table?: { tableRef?: string } }).table?.tableRef;
    expect(ref("KPIDenialReasons_2026_06_01_2026_06_30")).toBe(`A${reasonTitle + 1}:E${reasonTitle + 4}`);
    expect(ref("KPIDenialPayers_2026_06_01_2026_06_30")).toBe(`A${payerTitle + 1}:E${payerTitle + 4}`);
    for (const row of [reasonTitle, reasonTitle + 1, payerTitle, payerTitle + 1])
      expect(sheet.getRow(row).getCell(1).font?.bold).toBe(true);
    const reason = sheet.getRow(reasonTitle + 2);
    expect([reason.getCell(2).numFmt, reason.getCell(3).numFmt, reason.getCell(4).numFmt]).toEqual([
      COUNT_FORMAT,
      PERCENT_FORMAT,
      MONEY_FORMAT,
    ]);
    const payer = sheet.getRow(payerTitle + 2);
    expect([payer.getCell(2).numFmt, payer.getCell(3).numFmt, payer.getCell(4).numFmt]).toEqual([
      COUNT_FORMAT,
      COUNT_FORMAT,
      PERCENT_FORMAT,
    ]);
    // The KPI rows keep their own format.
    expect(sheet.getRow(5).getCell(2).numFmt).toBe("0.0");
    expect(plan.what).toBe("KPIs 2026-06-01 to 2026-06-30 as of 2026-07-15: 11 figures, denials by 3 reasons and 3 payers");
  });

  it("says so in a sentence, with no table, when nothing was denied or adjudicated", async () => {
    const empty = practiceKpis(ledgerOf({ charges: [] }), { ...PERIOD, asOf: AS_OF });
    const emptyPlan = kpiSheetPlan(empty);
    const { memory } = await written(emptyPlan);
    const cells = (await memory.readSheet(SHEET))!;
    expect(cells[rowOf(cells, "Denials by reason") + 1][0]).toBe("No claim adjudicated from 2026-06-01 to 2026-06-30 was denied.");
    expect(cells[rowOf(cells, "Denials by payer") + 1][0]).toBe("No claim was adjudicated from 2026-06-01 to 2026-06-30.");
    expect((emptyPlan.ops[0] as ReportSheetOp).tables!.map((t) => t.name)).toEqual(["KPIs_2026_06_01_2026_06_30"]);
  });
});

describe("the denials as KPI-shaped rows", () => {
  it("gives each reason its share and each payer its rate, with the counts and the denied amount as inputs", () => {
    const rows = denialBreakdownList(kpis);
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ["Denials by reason: CO-16", 30],
      ["Denials by reason: CO-197", 10],
      ["Denials by reason: PR-96", 10],
      ["Denials by payer: MCR", 50],
      ["Denials by payer: SEC", 50],
      ["Denials by payer: BCB", 0],
    ]);
    expect(rows[0].inputs.map(inputText)).toEqual([
      "Denied claims: 3 claims",
      "Adjudicated claims: 10 claims",
      "Denied amount (charges of the lines denied): $420.00",
    ]);
    expect(rows[0].definition).toMatch(
      /^CO-16: information is missing or wrong on the claim \(see the remark codes\)\. Claims denied for it ÷ adjudicated claims/,
    );
    expect(rows[3].inputs.map(inputText)).toEqual(["Denied claims: 2 claims", "Adjudicated claims: 4 claims"]);
  });
});
