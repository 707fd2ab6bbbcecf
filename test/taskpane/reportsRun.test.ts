// The Reports panel's run without React, on the sample practice in a memory workbook: each stage is
// announced in order; the aging's headline figures are the engine's (and add up from the line
// balances); the sheet written is the engine's plan, with one Audit row; collections and KPIs write
// theirs. A workbook without Charges is refused and one whose sheet name is taken refuses the write:
// nothing is written either way. Unreadable rows and missing tables are counted as problems.
import { beforeEach, describe, expect, it } from "vitest";
import { lineBalances } from "../../src/ledger/balances";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import { formatMoney } from "../../src/money";
import { agingByPayerType, agingReport } from "../../src/reports/aging";
import { collectionsWorklist } from "../../src/reports/collections";
import { practiceKpis } from "../../src/reports/kpis";
import { agingSheetPlan } from "../../src/reports/agingSheet";
import { collectionsSheetPlan } from "../../src/reports/collectionsSheet";
import { kpiSheetPlan } from "../../src/reports/kpiSheet";
import { samplePractice } from "../../src/sample/practiceSample";
import { parseTable } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan, type WritePlan } from "../../src/workbook/plan";
import { PlanRejected } from "../../src/workbook/port";
import { Patients, Statements } from "../../src/workbook/tables";
import type { ReportRequest } from "../../taskpane/reports/reportForm";
import { STAGE_PROGRESS, practiceBuckets, runReport, stageLabel, type RunStage } from "../../taskpane/reports/reportRun";
import { agingHeadline } from "../../taskpane/reports/reportView";

const SAMPLE_DAY = "2026-06-30";
const AS_OF = "2026-05-31";
const NOW = new Date(2026, 5, 30, 9, 30, 0);
const AGING: ReportRequest = { kind: "aging", asOf: AS_OF, basis: "dos", bounds: [30, 60, 90, 120] };

async function sample(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 400, asOf: SAMPLE_DAY }));
  return workbook;
}

async function auditRows(workbook: MemoryWorkbook): Promise<Record<string, unknown>[]> {
  const audit = (await workbook.readTables(["Audit"])).Audit!;
  return audit.rows.map((row) => Object.fromEntries(audit.headers.map((h, i) => [h, row[i]])));
}

/** Every sheet a plan writes holds exactly the plan's cells. */
async function expectWritten(workbook: MemoryWorkbook, plan: WritePlan) {
  const ops = plan.ops.filter((op) => op.kind === "reportSheet");
  expect(ops.length).toBeGreaterThan(0);
  for (const op of ops) expect(await workbook.readSheet(op.sheet)).toEqual(op.cells);
}

describe("running a report from the panel", () => {
  let workbook: MemoryWorkbook;
  let ledger: Ledger;

  beforeEach(async () => {
    workbook = await sample();
    ledger = (await readLedger(workbook)).ledger;
  });

  it("announces each stage in order, with the progress bar moving forward", async () => {
    const stages: RunStage[] = [];
    const run = await runReport(workbook, AGING, (s) => void stages.push(s), NOW);
    expect(run.ok).toBe(true);
    expect(stages).toEqual(["reading", "computing", "writing", "done"]);
    expect(stages.map((s) => STAGE_PROGRESS[s])).toEqual([0.05, 0.35, 0.65, 1]);
    expect(stages.map(stageLabel)).toEqual(["Reading the workbook…", "Computing the report…", "Writing the report sheet…", "Done."]);
  });

  it("shows the engine's headline figures for the aging, which add up from the line balances", async () => {
    const run = await runReport(workbook, AGING, undefined, NOW);
    if (!run.ok) throw new Error(run.error);
    const { outcome } = run;
    if (outcome.kind !== "aging") throw new Error(`ran ${outcome.kind}`);

    const report = agingReport(ledger, { asOf: AS_OF, bounds: [30, 60, 90, 120], basis: "dos" });
    const kpis = practiceKpis(ledger, { from: "2026-03-01", to: AS_OF, asOf: AS_OF });
    expect(outcome.report).toEqual(report);
    expect(outcome.kpis).toEqual(kpis);
    expect(outcome.series).toEqual(agingByPayerType(report, ledger.payers));

    // Independently of the report: A/R is what the lines served by the as-of date owe (credits apart).
    const lines = lineBalances(ledger, AS_OF);
    expect(lines.every((l) => l.dos <= AS_OF)).toBe(true);
    const owed = lines.filter((l) => l.balance > 0).reduce((sum, l) => sum + l.balance, 0);
    const credits = lines.filter((l) => l.balance < 0);
    const later = ledger.charges.filter((c) => c.dos > AS_OF).length;
    expect(owed).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(0);
    // Over 90 days: the balances aged 91 days and more, of all A/R.
    const over90 = report.details.filter((d) => d.age > 90).reduce((sum, d) => sum + d.amount, 0);
    expect(over90).toBeGreaterThan(0);

    const headline = agingHeadline(outcome.report, outcome.kpis);
    expect(Object.fromEntries(headline.figures.map((f) => [f.id, f.value]))).toEqual({
      total: formatMoney(owed),
      over90: `${((over90 * 100) / owed).toFixed(1)}%`,
      daysInAr: kpis.daysInAr.value!.toFixed(1),
    });
    expect(headline.figures[0].detail).toBe(
      `Insurance ${formatMoney(report.insurance.total)} · patient ${formatMoney(report.patient.total)}`,
    );
    expect(headline.notes).toEqual([
      credits.length === 0
        ? "No credit balances."
        : `Credits: ${formatMoney(-credits.reduce((s, l) => s + l.balance, 0))} on ${credits.length} ${credits.length === 1 ? "line" : "lines"}, kept apart from the buckets.`,
      `Left out: ${later} ${later === 1 ? "line" : "lines"} with a date of service after ${AS_OF}.`,
    ]);
    expect(outcome.problems).toEqual([]);
  });

  it("writes the engine's sheet in one call with one Audit row, and replaces it when run again", async () => {
    const before = (await auditRows(workbook)).length;
    const request: ReportRequest = { ...AGING, basis: "billed", bounds: [45, 90], by: "payer" };
    const run = await runReport(workbook, request, undefined, NOW);
    if (!run.ok) throw new Error(run.error);
    const { dateSystem } = await workbook.describe();
    const report = agingReport(ledger, { asOf: AS_OF, bounds: [45, 90], basis: "billed", by: "payer" });
    const plan = agingSheetPlan(report, { by: "payer", dateSystem, series: agingByPayerType(report, ledger.payers) });
    expect(run.outcome.plan).toEqual(plan);
    expect(run.outcome.sheet).toBe(`Aging ${AS_OF}`);
    expect(run.outcome.applied.sheetsWritten[0]).toBe(`Aging ${AS_OF}`);
    await expectWritten(workbook, plan);

    const audit = await auditRows(workbook);
    expect(audit).toHaveLength(before + 1);
    expect(audit[audit.length - 1]).toMatchObject({ Time: "2026-06-30 09:30:00", Action: "Aging report", What: plan.what });

    // The same report of the same date again: the sheet is replaced, not doubled; one more Audit row.
    const sheets = (await workbook.describe()).sheets.length;
    const again = await runReport(workbook, request, undefined, NOW);
    expect(again.ok).toBe(true);
    expect((await workbook.describe()).sheets).toHaveLength(sheets);
    expect(await auditRows(workbook)).toHaveLength(before + 2);
  });

  it("writes the collections worklist with the patients and statements it reads", async () => {
    const request: ReportRequest = {
      kind: "collections",
      asOf: AS_OF,
      basis: "dos",
      bounds: [30, 60, 90, 120],
      minBalance: 5000,
      olderThan: 60,
    };
    const run = await runReport(workbook, request, undefined, NOW);
    if (!run.ok) throw new Error(run.error);
    if (run.outcome.kind !== "collections") throw new Error(`ran ${run.outcome.kind}`);
    const extra = await workbook.readTables(["Patients", "Statements"]);
    const list = collectionsWorklist(ledger, {
      asOf: AS_OF,
      bounds: [30, 60, 90, 120],
      basis: "dos",
      minBalance: 5000,
      olderThan: 60,
      patients: parseTable(Patients, extra.Patients!).rows,
      statements: parseTable(Statements, extra.Statements!).rows,
    });
    expect(list.accounts.length).toBeGreaterThan(0);
    expect(list.accounts.some((a) => a.phone !== undefined)).toBe(true);
    expect(run.outcome.list).toEqual(list);
    const plan = collectionsSheetPlan(list, { minBalance: 5000, olderThan: 60, dateSystem: 1900 });
    expect(run.outcome.plan).toEqual(plan);
    expect(run.outcome.sheet).toBe(`Collections ${AS_OF}`);
    await expectWritten(workbook, plan);
    expect((await auditRows(workbook)).at(-1)).toMatchObject({ Action: "Collections worklist" });
  });

  it("writes the KPIs for the period asked", async () => {
    const request: ReportRequest = { kind: "kpis", asOf: AS_OF, from: "2026-03-01", to: AS_OF };
    const run = await runReport(workbook, request, undefined, NOW);
    if (!run.ok) throw new Error(run.error);
    if (run.outcome.kind !== "kpis") throw new Error(`ran ${run.outcome.kind}`);
    const kpis = practiceKpis(ledger, { from: "2026-03-01", to: AS_OF, asOf: AS_OF });
    expect(run.outcome.kpis).toEqual(kpis);
    expect(run.outcome.sheet).toBe(`KPIs 2026-03-01 to ${AS_OF}`);
    await expectWritten(workbook, kpiSheetPlan(kpis));
    expect((await auditRows(workbook)).at(-1)).toMatchObject({ Action: "KPI report" });
  });

  it("counts the rows that could not be read and names a missing ledger table, as the command line does", async () => {
    const charges = workbook.sheets.find((s) => s.table?.name === "Charges")!.table!;
    charges.rows[2][charges.headers.indexOf("Amount")] = "lots";
    const postingsAt = workbook.sheets.findIndex((s) => s.table?.name === "Postings");
    workbook.sheets.splice(postingsAt, 1);
    const run = await runReport(workbook, AGING, undefined, NOW);
    if (!run.ok) throw new Error(run.error);
    expect(run.outcome.problems[0]).toBe("The workbook has no Postings table (run Setup in the add-in to create it).");
    expect(run.outcome.problems).toContain('Charges row 4, Amount: "lots" is not an amount (write it like 1234.50 or $1,234.50)');
    const { ledger: read } = await readLedger(workbook);
    expect(run.outcome.problems).toHaveLength(read.issues.length + 1);
  });
});

describe("refusals write nothing", () => {
  it("refuses a workbook with no Charges table", async () => {
    const workbook = await sample();
    workbook.sheets.splice(
      workbook.sheets.findIndex((s) => s.table?.name === "Charges"),
      1,
    );
    const before = structuredClone(workbook.sheets);
    const stages: RunStage[] = [];
    const run = await runReport(workbook, AGING, (s) => void stages.push(s), NOW);
    expect(run).toEqual({
      ok: false,
      error: "This workbook has no Charges table, so there is nothing to report on: create it on the Setup tab first. Nothing was written.",
    });
    expect(stages).toEqual(["reading"]);
    expect(workbook.sheets).toEqual(before);
  });

  it("passes on the workbook's refusal of the write (a billing table on the report's sheet), with nothing written", async () => {
    const workbook = await sample();
    // The office keeps its Payers table on a sheet that happens to have the report's name.
    workbook.sheets.find((s) => s.table?.name === "Payers")!.name = `Aging ${AS_OF}`;
    const before = structuredClone(workbook.sheets);
    await expect(runReport(workbook, AGING, undefined, NOW)).rejects.toThrow(PlanRejected);
    await expect(runReport(workbook, AGING, undefined, NOW)).rejects.toThrow(
      /^Nothing was written: sheet "Aging 2026-05-31" holds a billing table/,
    );
    expect(workbook.sheets).toEqual(before);
  });
});

describe("the practice's own buckets", () => {
  it("come from the Practice table's Aging Buckets setting when they read", async () => {
    const workbook = await sample();
    expect(await practiceBuckets(workbook)).toBe("30, 60, 90, 120");
    const practice = workbook.sheets.find((s) => s.table?.name === "Practice")!.table!;
    const row = practice.rows.find((r) => r[0] === "Aging Buckets")!;
    row[1] = "45,90 ,180";
    expect(await practiceBuckets(workbook)).toBe("45, 90, 180");
    row[1] = "90, 45";
    expect(await practiceBuckets(workbook)).toBeUndefined();
  });

  it("are not there without a Practice table", async () => {
    expect(await practiceBuckets(new MemoryWorkbook())).toBeUndefined();
  });
});
