// Running a report from the Reports panel, apart from React so it can be tested in Node: read the
// ledger (and, for collections, Patients, Statements and the payment plans) in one go, compute the report with the
// engine, lay it out as its sheet's write plan and write that plan in one call with its Audit row.
// Each stage is announced first so the progress bar moves before the slow part (a workbook of
// hundreds of thousands of lines). A workbook without a Charges table is refused and nothing is
// written; rows that could not be read are counted, as the command line lists them.
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import { ledgerProblems } from "../../src/ledger/ledgerProblems";
import { agingByPayerType, agingReport, type AgingReport, type AgingSeries } from "../../src/reports/aging";
import { collectionsWorklist, type CollectionsWorklist } from "../../src/reports/collections";
import { practiceKpis, type PracticeKpis } from "../../src/reports/kpis";
import { agingPatientNames, agingSheetPlan } from "../../src/reports/agingSheet";
import { collectionsSheetPlan } from "../../src/reports/collectionsSheet";
import { PLAN_TABLES, standingsInTables } from "../../src/plans/planBooks";
import { kpiSheetPlan } from "../../src/reports/kpiSheet";
import type { DateSystem } from "../../src/dates";
import { parseTable } from "../../src/workbook/mapTable";
import { applyPlan, type AppliedPlan, type WritePlan } from "../../src/workbook/plan";
import type { RawTable, Workbook } from "../../src/workbook/port";
import { PracticeSettings } from "../../src/workbook/practiceSettings";
import { Patients, Practice, Statements, type PatientRow, type StatementRow } from "../../src/workbook/tables";
import { boundsText, lastThreeMonths, readBuckets, type ReportKind, type ReportRequest } from "./reportForm";

export type RunStage = "reading" | "computing" | "writing" | "done";

/** Where the progress bar stands when a stage starts (0..1). */
export const STAGE_PROGRESS: Record<RunStage, number> = { reading: 0.05, computing: 0.35, writing: 0.65, done: 1 };

/** What the progress bar says during a stage. */
export function stageLabel(stage: RunStage): string {
  if (stage === "reading") return "Reading the workbook…";
  if (stage === "computing") return "Computing the report…";
  if (stage === "writing") return "Writing the report sheet…";
  return "Done.";
}

/** What a report is computed from. */
export interface ReportInputs {
  ledger: Ledger;
  tables: Record<string, RawTable | undefined>;
  dateSystem: DateSystem;
  patients?: PatientRow[];
  statements?: StatementRow[];
  /** Problems in the tables read, a missing ledger table first (the command line's list). */
  problems: string[];
}

/** The report computed, ready to write: what the pane shows and the plan of its sheet. */
export type ComputedReport = (
  | { kind: "aging"; report: AgingReport; series: AgingSeries[]; kpis: PracticeKpis }
  | { kind: "collections"; list: CollectionsWorklist }
  | { kind: "kpis"; kpis: PracticeKpis }
) & { request: ReportRequest; plan: WritePlan; sheet: string; problems: string[] };

export type ReportOutcome = ComputedReport & { applied: AppliedPlan };

export type ReportRun = { ok: true; outcome: ReportOutcome } | { ok: false; error: string };

/** Everything a report of this kind reads, in as few reads as the port allows. */
export async function readReportInputs(workbook: Workbook, kind: ReportKind): Promise<ReportInputs> {
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  if (kind === "kpis") return { ledger, tables, dateSystem, problems: ledgerProblems(ledger, tables, []) };
  if (kind === "aging") {
    // Patients only names the account rows: a row of it that does not read is left unnamed, not reported.
    const extra = await workbook.readTables([Patients.name]);
    const patients = extra[Patients.name] ? parseTable(Patients, extra[Patients.name]!, dateSystem).rows : undefined;
    return { ledger, tables, dateSystem, patients, problems: ledgerProblems(ledger, tables, []) };
  }
  const extra = await workbook.readTables([...new Set([Patients.name, Statements.name, ...PLAN_TABLES])]);
  const patients = extra[Patients.name] ? parseTable(Patients, extra[Patients.name]!, dateSystem) : undefined;
  const statements = extra[Statements.name] ? parseTable(Statements, extra[Statements.name]!, dateSystem) : undefined;
  return {
    ledger,
    tables: { ...tables, ...extra },
    dateSystem,
    patients: patients?.rows,
    statements: statements?.rows,
    problems: ledgerProblems(ledger, tables, [...(patients?.issues ?? []), ...(statements?.issues ?? [])]),
  };
}

/** The sheet a plan writes ("Aging 2026-06-30"). */
function sheetOf(plan: WritePlan): string {
  const op = plan.ops.find((o) => o.kind === "reportSheet");
  return op && op.kind === "reportSheet" ? op.sheet : plan.action;
}

/** The headline KPIs of an as-of date: days in A/R and % over 90 over the three months ending at it. */
export function headlineKpis(ledger: Ledger, asOf: string): PracticeKpis {
  return practiceKpis(ledger, { ...lastThreeMonths(asOf), asOf });
}

/** Compute the requested report and its sheet's plan. Pure: nothing is read or written. */
export function computeReport(inputs: ReportInputs, request: ReportRequest): ComputedReport {
  const { ledger, dateSystem, problems } = inputs;
  if (request.kind === "aging") {
    const { asOf, bounds, basis, by } = request;
    const report = agingReport(ledger, { asOf, bounds, basis, by });
    const series = agingByPayerType(report, ledger.payers);
    const plan = agingSheetPlan(report, { by, dateSystem, series, patientNames: agingPatientNames(inputs.patients ?? []) });
    return { kind: "aging", report, series, kpis: headlineKpis(ledger, asOf), request, plan, sheet: sheetOf(plan), problems };
  }
  if (request.kind === "collections") {
    const { asOf, bounds, basis, minBalance, olderThan } = request;
    const plans = standingsInTables(ledger, inputs.tables, dateSystem, inputs.patients, asOf);
    const list = collectionsWorklist(ledger, {
      asOf,
      bounds,
      basis,
      minBalance,
      olderThan,
      patients: inputs.patients,
      statements: inputs.statements,
      plans: plans.standings,
    });
    const plan = collectionsSheetPlan(list, { minBalance, olderThan, dateSystem });
    return { kind: "collections", list, request, plan, sheet: sheetOf(plan), problems: [...problems, ...plans.problems] };
  }
  const kpis = practiceKpis(ledger, { from: request.from, to: request.to, asOf: request.asOf });
  const plan = kpiSheetPlan(kpis);
  return { kind: "kpis", kpis, request, plan, sheet: sheetOf(plan), problems };
}

/**
 * Read, compute and write one report. `onStage` is awaited before each stage so the panel can draw
 * its progress. A refusal comes back as `ok: false` in a biller's words, with nothing written; a
 * write the workbook refuses throws (PlanRejected and the like), also with nothing written.
 */
export async function runReport(
  workbook: Workbook,
  request: ReportRequest,
  onStage: (stage: RunStage) => Promise<void> | void = () => {},
  now?: Date,
): Promise<ReportRun> {
  await onStage("reading");
  const inputs = await readReportInputs(workbook, request.kind);
  if (!inputs.tables.Charges) {
    return {
      ok: false,
      error: "This workbook has no Charges table, so there is nothing to report on: create it on the Setup tab first. Nothing was written.",
    };
  }
  await onStage("computing");
  const computed = computeReport(inputs, request);
  await onStage("writing");
  const applied = await applyPlan(workbook, computed.plan, now);
  await onStage("done");
  return { ok: true, outcome: { ...computed, applied } };
}

/**
 * The practice's own aging buckets (the Practice table's "Aging Buckets" setting, "30, 60, 90"), when it
 * has them and they read; otherwise undefined and the form keeps the standard ones.
 */
export async function practiceBuckets(workbook: Workbook): Promise<string | undefined> {
  const { dateSystem } = await workbook.describe();
  const raw = (await workbook.readTables([Practice.name]))[Practice.name];
  if (!raw) return undefined;
  const buckets = PracticeSettings.fromRows(parseTable(Practice, raw, dateSystem).rows).get("Aging Buckets");
  const read = buckets ? readBuckets(buckets) : undefined;
  return read?.ok ? boundsText(read.bounds) : undefined;
}
