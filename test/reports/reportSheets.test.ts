// The report sheets written through both adapters: each plan applied to a MemoryWorkbook and to an
// XlsxWorkbook, the xlsx saved and opened again with ExcelJS. The sheet is there under its dated
// name, its totals are the report's (cents as dollars), money and date columns carry their formats,
// the header row is bold and the sheet frozen below it; the collections sheet holds names and phones
// but no codes, diagnoses or dates of birth; the Audit row names no patient.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import type { Ledger } from "../../src/ledger/ledger";
import { centsToNumber, MONEY_FORMAT } from "../../src/money";
import { agingByPayerType, agingReport } from "../../src/reports/aging";
import { collectionsWorklist } from "../../src/reports/collections";
import { practiceKpis } from "../../src/reports/kpis";
import { agingSheetPlan } from "../../src/reports/agingSheet";
import { collectionsSheetPlan } from "../../src/reports/collectionsSheet";
import { kpiSheetPlan } from "../../src/reports/kpiSheet";
import { DATE_FORMAT, OLDER_FILL, OLDEST_FILL } from "../../src/reports/reportSheetLayout";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan, type WritePlan } from "../../src/workbook/plan";
import type { CellValue, ReportSheetOp } from "../../src/workbook/port";
import type { PatientRow, StatementRow } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

const AS_OF = "2026-06-30";
// A: $100 to MCR on 2026-06-10 (20 days: 0-30), unpaid.
// B: $200 to MCR on 2026-02-20 (130 days: 120+): MCR paid $120 and moved $30 to P1, leaving a $50
//    insurance share and a $30 patient share, both 120+.
// C: $80 self-pay on 2026-04-01 (90 days: 61-90), P2 paid $10: $70 owed by P2.
// Buckets: 0-30 $100, 61-90 $70, 120+ $80; total $250 (40%, 28%, 32%).
// D: $50 on 2026-05-01 overpaid by the patient ($70): a $20 credit, listed apart.
const charges = [
  charge("A", { claimId: "CL1", patientId: "P1", dos: "2026-06-10", amount: 10000, dx1: "E11.9" }),
  charge("B", { claimId: "CL2", patientId: "P1", dos: "2026-02-20", amount: 20000, dx1: "E11.9" }),
  charge("C", { claimId: "CL3", patientId: "P2", payerId: "SELF", dos: "2026-04-01", amount: 8000, code: "99214" }),
  charge("D", { claimId: "CL4", patientId: "P3", payerId: "SELF", dos: "2026-05-01", amount: 5000 }),
];
const payments = [
  payment("PM1", 12000, { date: "2026-03-20" }),
  payment("PM2", 7000, { patientId: "P3", date: "2026-05-02" }),
  payment("PM3", 1000, { patientId: "P2", date: "2026-05-15" }),
];
const postings = [
  posting("S1", "B", { paymentId: "PM1", date: "2026-03-20", paid: 12000, patientResp: 3000, group: "PR", reason: "1" }),
  posting("S2", "D", { paymentId: "PM2", date: "2026-05-02", paid: 7000 }),
  posting("S3", "C", { paymentId: "PM3", date: "2026-05-15", paid: 1000 }),
];
const patients: PatientRow[] = [
  { patientId: "P1", lastName: "Doe", firstName: "Jane", phone: "555-0100", dob: "1960-01-01" },
  { patientId: "P2", lastName: "Roe", firstName: "Richard", phone: "555-0111", dob: "1971-02-03" },
];
const statements: StatementRow[] = [{ number: "ST1", date: "2026-05-20", account: "P2", amountDue: 7000 }];
const ledger: Ledger = ledgerOf({ charges, payments, postings });

/** Apply the plan to both adapters; the xlsx saved and loaded again, by ExcelJS and by the adapter. */
async function written(plan: WritePlan) {
  const memory = new MemoryWorkbook();
  await applyPlan(memory, plan, new Date(2026, 6, 1, 9, 0, 0));
  const xlsx = await XlsxWorkbook.load(await emptyXlsx());
  await applyPlan(xlsx, plan, new Date(2026, 6, 1, 9, 0, 0));
  const bytes = await xlsx.save();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const reopened = await XlsxWorkbook.load(bytes);
  return { memory, book, reopened };
}

async function emptyXlsx(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Sheet1");
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The row (0-based) whose first cell is `label`. */
const rowOf = (cells: CellValue[][], label: string) => cells.findIndex((r) => r[0] === label);

describe("agingSheetPlan", () => {
  const report = agingReport(ledger, { asOf: AS_OF });
  const plan = agingSheetPlan(report);

  it("is the report's figures as the engine gives them (a check on the ledger above)", () => {
    expect(report.insurance.total).toBe(10000 + 5000);
    expect(report.patient.total).toBe(3000 + 7000);
    expect(report.creditTotal).toBe(-2000);
    expect(plan.action).toBe("Aging report");
    expect(plan.totals).toBe("A/R $250.00; credits -$20.00");
  });

  it("writes the same dated sheet in both adapters, with the totals, percents, credits and detail of the report", async () => {
    const { memory, reopened } = await written(plan);
    const sheet = "Aging 2026-06-30";
    const fromMemory = (await memory.readSheet(sheet))!;
    const fromXlsx = (await reopened.readSheet(sheet))!;
    expect(fromMemory).toBeDefined();
    for (const cells of [fromMemory, fromXlsx]) {
      expect(cells[0][0]).toBe("A/R aging as of 2026-06-30");
      expect(cells[1].slice(0, 4)).toEqual([
        "As of: 2026-06-30",
        "Basis: date of service",
        "Buckets: 0-30, 31-60, 61-90, 91-120, 120+",
        "Grouping: insurance by payer, patient by account",
      ]);
      expect(cells[3]).toEqual([
        "Section",
        "Payer/Account",
        "Name",
        "Lines",
        "0-30",
        "31-60",
        "61-90",
        "91-120",
        "120+",
        "Total",
        "% of total",
      ]);
      const total = cells[rowOf(cells, "Total")];
      expect(total.slice(3)).toEqual([4, ...report.totals.map(centsToNumber), centsToNumber(report.total), 1]);
      expect(total.slice(4, 10)).toEqual([100, 0, 70, 0, 80, 250]);
      const insurance = cells[rowOf(cells, "Insurance")];
      expect(insurance.slice(0, 4)).toEqual(["Insurance", "MCR", "Medicare Part B", 2]);
      expect(insurance[9]).toBe(150);
      expect(insurance[10]).toBeCloseTo(0.6, 10);
      expect(cells[rowOf(cells, "Insurance total")][9]).toBe(150);
      expect(cells[rowOf(cells, "Patient total")][9]).toBe(100);
      // The percent row holds fractions (shown as percents by its own format), not text.
      const percents = cells[rowOf(cells, "% of total")].slice(4, 10) as number[];
      [0.4, 0, 0.28, 0, 0.32, 1].forEach((p, i) => expect(percents[i]).toBeCloseTo(p, 10));
      // The credit is apart, below, with its balance negative; never in a bucket.
      const credit = cells.findIndex((r) => r[1] === "D");
      expect(credit).toBeGreaterThan(rowOf(cells, "% of total"));
      expect(cells[credit].slice(0, 8)).toEqual(["SELF", "D", "CL4", isoToSerial("2026-05-01"), isoToSerial("2026-05-02"), -20, 0, -20]);
      expect(cells[rowOf(cells, "Credits total")][5]).toBe(-20);
      // No detail on the summary sheet: it says where the detail is.
      expect(cells.some((r) => r[3] === "A" || r[2] === "A")).toBe(false);
      expect(
        cells.some(
          (r) => r[0] === `The ${report.details.length} balances behind the summary rows are on the sheet "Aging 2026-06-30 detail".`,
        ),
      ).toBe(true);
    }
    // The detail: one row per share on its own sheet, dates as serials.
    for (const wb of [memory, reopened]) {
      const detail = (await wb.readSheet("Aging 2026-06-30 detail"))!;
      expect(detail[3]).toEqual(["Section", "Payer/Account", "Claim", "Line", "DOS", "Aging date", "Aged from", "Age", "Bucket", "Amount"]);
      const rows = detail.slice(4);
      expect(rows).toHaveLength(report.details.length);
      const a = rows.find((r) => r[3] === "A")!;
      expect(a).toEqual(["Insurance", "MCR", "CL1", "A", isoToSerial("2026-06-10"), isoToSerial("2026-06-10"), "dos", 20, "0-30", 100]);
      expect(rows.reduce((s, r) => s + (r[9] as number), 0)).toBe(250);
    }
  });

  it("draws the chart from A/R by payer type, which adds up to the buckets", () => {
    const payers = [
      { payerId: "MCR", type: "Medicare" },
      { payerId: "SELF", type: "Self-pay" },
    ];
    const series = agingByPayerType(report, payers);
    expect(series.map((s) => [s.name, s.buckets, s.total])).toEqual([
      ["Medicare", [10000, 0, 0, 0, 5000], 15000],
      ["Patient", [0, 0, 7000, 0, 3000], 10000],
    ]);
    const withChart = agingSheetPlan(report, { series });
    const op = withChart.ops[0] as ReportSheetOp;
    expect(op.charts).toHaveLength(1);
    const chart = op.charts![0];
    expect(chart).toMatchObject({ type: "columnStacked", seriesBy: "rows" });
    // The chart's block: series names down its first column, bucket labels across its first row.
    const block = op.cells
      .slice(chart.data.row, chart.data.row + chart.data.rows)
      .map((r) => r.slice(chart.data.column, chart.data.column + chart.data.columns));
    expect(block).toEqual([
      ["By payer type", "0-30", "31-60", "61-90", "91-120", "120+"],
      ["Medicare", 100, 0, 0, 0, 50],
      ["Patient", 0, 0, 70, 0, 30],
    ]);
    // Beside the summary, not over it.
    expect(chart.anchor.column).toBeGreaterThanOrEqual(op.cells[0].length);
    // Without series there is no chart (the CLI's csv, an empty book).
    expect((plan.ops[0] as ReportSheetOp).charts).toEqual([]);
    // An unknown payer is its own series, not dropped.
    expect(agingByPayerType(report, []).map((s) => s.name)).toEqual(["Patient", "Unknown payer"]);
  });

  it("makes the summary, the credits and the detail Excel tables, fills the oldest buckets that owe, formats money, dates and percents", async () => {
    const op = plan.ops[0] as ReportSheetOp;
    expect(op.tables!.map((t) => t.name)).toEqual(["Aging_2026_06_30", "AgingCredits_2026_06_30"]);
    expect((plan.ops[1] as ReportSheetOp).tables!.map((t) => t.name)).toEqual(["AgingDetail_2026_06_30"]);
    expect(op.highlights!.map((h) => [h.range.column, h.color])).toEqual([
      [7, OLDER_FILL],
      [8, OLDEST_FILL],
    ]);
    const { book, reopened } = await written(plan);
    const sheet = book.getWorksheet("Aging 2026-06-30")!;
    const cells = (await reopened.readSheet("Aging 2026-06-30"))!;
    const totalRow = rowOf(cells, "Total") + 1;
    expect(sheet.getRow(totalRow).getCell(10).value).toBe(250);
    expect(sheet.getRow(totalRow).getCell(10).numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getRow(totalRow).getCell(5).numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getRow(totalRow).getCell(11).numFmt).toBe("0.0%");
    expect(sheet.getRow(totalRow + 1).getCell(5).numFmt).toBe("0.0%");
    expect(sheet.getRow(totalRow + 1).getCell(10).numFmt).toBe("0.0%");
    const creditRow = cells.findIndex((r) => r[1] === "D") + 1;
    expect(sheet.getRow(creditRow).getCell(4).numFmt).toBe(DATE_FORMAT);
    expect(sheet.getRow(creditRow).getCell(8).numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getRow(totalRow).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(5).getCell(2).font?.bold).not.toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(sheet.getColumn(10).width).toBe(15);
    // The summary table: header row 4, the three summary rows (MCR, P1, P2), eleven columns.
    const summary = sheet.getTable("Aging_2026_06_30") as unknown as { table?: { tableRef?: string } };
    expect(summary).toBeDefined();
    expect(summary.table?.tableRef).toBe("A4:K7");
    expect(book.getWorksheet("Aging 2026-06-30 detail")!.getTable("AgingDetail_2026_06_30")).toBeDefined();
  });

  it("keeps patient names out of the Audit row", async () => {
    const { memory } = await written(plan);
    const audit = (await memory.readTables(["Audit"])).Audit!;
    const text = JSON.stringify(audit.rows);
    expect(text).toContain("Aging report");
    expect(text).not.toMatch(/Doe|Roe|Jane/);
  });
});

describe("collectionsSheetPlan", () => {
  const list = collectionsWorklist(ledger, { asOf: AS_OF, minBalance: 2000, olderThan: 60, patients, statements });
  const plan = collectionsSheetPlan(list, { minBalance: 2000, olderThan: 60 });

  it("lays the accounts out for an agency: name, phone, balance by bucket, last payment and statement, a bold total", async () => {
    // Priority = oldest age × balance: P2 90 days × $70 = 6,300 before P1 130 days × $30 = 3,900.
    expect(list.accounts.map((a) => a.patientId)).toEqual(["P2", "P1"]);
    const { memory, book, reopened } = await written(plan);
    for (const cells of [(await memory.readSheet("Collections 2026-06-30"))!, (await reopened.readSheet("Collections 2026-06-30"))!]) {
      expect(cells[3]).toEqual([
        "Account",
        "Last name",
        "First name",
        "Phone",
        "0-30",
        "31-60",
        "61-90",
        "91-120",
        "120+",
        "Balance",
        "Oldest (days)",
        "Last payment",
        "Last payment amount",
        "Last statement",
        "Statements",
        "Note",
      ]);
      const p2 = cells.find((r) => r[0] === "P2")!;
      expect(p2).toEqual([
        "P2",
        "Roe",
        "Richard",
        "555-0111",
        0,
        0,
        70,
        0,
        0,
        70,
        90,
        isoToSerial("2026-05-15"),
        10,
        isoToSerial("2026-05-20"),
        1,
        null,
      ]);
      const total = cells.find((r) => String(r[0]).startsWith("Total"))!;
      expect(total[9]).toBe(centsToNumber(list.total));
      expect(total[9]).toBe(100);
      // Minimum necessary: no diagnosis, procedure code, date of birth or date of service.
      const text = JSON.stringify(cells);
      for (const clinical of ["E11.9", "99213", "99214", "1960", "1971", "CL1", "CL2"]) expect(text).not.toContain(clinical);
      expect(text).not.toContain(String(isoToSerial("2026-02-20")));
    }
    const sheet = book.getWorksheet("Collections 2026-06-30")!;
    expect(sheet.getRow(5).getCell(10).numFmt).toBe(MONEY_FORMAT);
    expect(sheet.getRow(5).getCell(12).numFmt).toBe(DATE_FORMAT);
    expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(7).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(plan.what).not.toMatch(/Doe|Roe|Jane|Richard/);
  });
});

describe("kpiSheetPlan", () => {
  const kpis = practiceKpis(ledger, { from: "2026-04-01", to: "2026-06-30", asOf: AS_OF });
  const plan = kpiSheetPlan(kpis);

  it("writes one row per KPI with its value, unit, definition and inputs", async () => {
    const { memory, book, reopened } = await written(plan);
    const name = "KPIs 2026-04-01 to 2026-06-30";
    for (const cells of [(await memory.readSheet(name))!, (await reopened.readSheet(name))!]) {
      expect(cells[3]).toEqual(["KPI", "Value", "Unit", "Definition", "Inputs"]);
      const gross = cells.find((r) => r[0] === "Gross collection rate")!;
      // Payments posted 2026-04-01..06-30: $70 + $10 = $80 of $230 charges served (A, C, D) = 34.8%.
      expect(gross[1]).toBe(34.8);
      expect(gross[2]).toBe("%");
      expect(gross[3]).toBe(kpis.grossCollectionRate.definition);
      expect(gross[4]).toBe("Payments posted: $80.00; Charges: $230.00");
      expect(cells.find((r) => r[0] === "Days in A/R")![2]).toBe("days");
      expect(cells.filter((r) => typeof r[0] === "string" && r[3] !== null && r[0] !== "KPI")).toHaveLength(8 + kpis.daysToPay.length);
    }
    const sheet = book.getWorksheet(name)!;
    expect(sheet.getRow(4).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(5).getCell(2).numFmt).toBe("0.0");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });
});
