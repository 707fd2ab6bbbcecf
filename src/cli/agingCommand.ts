// `medbill aging book.xlsx --as-of DATE`: the A/R aging report from a terminal. Reads the ledger
// (readLedger), runs agingReport and prints the summary: insurance rows by payer and patient rows by
// account (or both by one key with --by), one column per bucket, Total and % of total, the section
// totals, the total and the percent line; credits are counted apart, never netted. --csv prints the
// summary rows as CSV instead (money as plain dollars, no total line). --out writes the workbook with
// the "Aging YYYY-MM-DD" sheet added (agingSheetPlan through applyPlan, with its Audit row) to another
// file; the input is only replaced when --out names it. Patient names go on the sheet's account rows,
// never to the terminal (the Name column printed here is the payer's).
import { todayIso } from "../dates";
import { readLedger } from "../ledger/ledger";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { formatMoney, type Cents } from "../money";
import { agingByPayerType, agingReport, DEFAULT_BOUNDS, type AgingBasis, type AgingReport } from "../reports/aging";
import { agingPatientNames, agingSheetPlan } from "../reports/agingSheet";
import { parseTable } from "../workbook/mapTable";
import { Patients } from "../workbook/tables";
import {
  count,
  dateOption,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  oneWorkbook,
  readArguments,
  UsageError,
  type CliIo,
} from "./commandLine";
import { csvDollars, csvLine, csvText } from "./csvCells";
import { alignedTable, listProblems, writeReport } from "./reportOutput";
import { openWorkbook } from "./workbookFile";

const BASES: AgingBasis[] = ["dos", "billed", "responsibility"];

export async function runAging(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "as-of": { type: "string" },
    by: { type: "string" },
    basis: { type: "string" },
    buckets: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    csv: { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "aging");
  const asOf = dateOption(values["as-of"], "--as-of") ?? todayIso();
  const by = values.by?.trim().toLowerCase();
  if (by !== undefined && by !== "payer" && by !== "patient") throw new UsageError(`--by must be payer or patient, not "${values.by}".`);
  const basis = (values.basis?.trim().toLowerCase() ?? "dos") as AgingBasis;
  if (!BASES.includes(basis)) throw new UsageError(`--basis must be dos, billed or responsibility, not "${values.basis}".`);
  const bounds = values.buckets === undefined ? DEFAULT_BOUNDS : bucketBounds(values.buckets);

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const problems = ledgerProblems(ledger, tables);
  const report = agingReport(ledger, { asOf, bounds, basis, by });

  if (!values.csv) io.out(`A/R aging in ${bookPath} as of ${asOf} (aged by ${basis}; buckets ${report.buckets.join(", ")})`);
  listProblems(problems, values.csv ? io.err : io.out, values.all === true);
  if (values.csv) {
    for (const line of agingCsv(report)) io.out(line);
  } else {
    if (problems.length > 0) io.out("");
    for (const line of agingText(report)) io.out(line);
    io.out("");
    io.out(
      report.credits.length === 0
        ? "No credit balances."
        : `Credits: ${formatMoney(-report.creditTotal)} on ${count(report.credits.length, "line")}, kept apart from the buckets.`,
    );
    if (report.later.lines > 0) io.out(`Left out: ${count(report.later.lines, "line")} with a date of service after ${asOf}.`);
  }
  if (values.out !== undefined) {
    const patients = (await workbook.readTables([Patients.name]))[Patients.name];
    const patientNames = agingPatientNames(patients ? parseTable(Patients, patients, dateSystem).rows : []);
    const written = await writeReport(
      workbook,
      agingSheetPlan(report, { by, dateSystem, series: agingByPayerType(report, ledger.payers), patientNames }),
      bookPath,
      values.out,
      values.force === true,
      io,
    );
    if (!written) return EXIT_CANNOT_RUN;
  }
  return problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

// ---- the summary ------------------------------------------------------------------------------------

/** The summary rows as printed: section, key, name, lines, then money (cents) and the percent. */
interface SummaryRow {
  text: string[];
  money: Cents[];
  percent: string;
}

function summaryRows(report: AgingReport): { rows: SummaryRow[]; totals: SummaryRow[] } {
  const rows: SummaryRow[] = [];
  const totals: SummaryRow[] = [];
  const percent = (amount: Cents) => `${(report.total === 0 ? 0 : (amount * 100) / report.total).toFixed(1)}%`;
  for (const [name, section] of [
    ["Insurance", report.insurance],
    ["Patient", report.patient],
  ] as const) {
    const sorted = [...section.rows].sort((a, b) => a.key.localeCompare(b.key, "en-US", { numeric: true }));
    for (const r of sorted)
      rows.push({ text: [name, r.key, r.name ?? "", String(r.lines)], money: [...r.buckets, r.total], percent: percent(r.total) });
    const lines = section.rows.reduce((n, r) => n + r.lines, 0);
    totals.push({
      text: [`${name} total`, "", "", String(lines)],
      money: [...section.totals, section.total],
      percent: percent(section.total),
    });
  }
  const lines = rows.reduce((n, r) => n + Number(r.text[3]), 0);
  totals.push({ text: ["Total", "", "", String(lines)], money: [...report.totals, report.total], percent: percent(report.total) });
  return { rows, totals };
}

function agingHeaders(report: AgingReport): string[] {
  return ["Section", "Payer/Account", "Name", "Lines", ...report.buckets, "Total", "% of total"];
}

function agingText(report: AgingReport): string[] {
  const { rows, totals } = summaryRows(report);
  const cells = (r: SummaryRow) => [...r.text, ...r.money.map(formatMoney), r.percent];
  const percentLine = [
    "% of total",
    "",
    "",
    "",
    ...report.percents.map((p) => `${p.toFixed(1)}%`),
    `${report.total === 0 ? "0.0" : "100.0"}%`,
    "",
  ];
  const [insurance, patient, total] = totals;
  return alignedTable(
    agingHeaders(report),
    [
      rows.filter((r) => r.text[0] === "Insurance").map(cells),
      [cells(insurance)],
      rows.filter((r) => r.text[0] === "Patient").map(cells),
      [cells(patient)],
      [cells(total), percentLine],
    ],
    (i) => i >= 3,
  );
}

function agingCsv(report: AgingReport): string[] {
  const { rows } = summaryRows(report);
  return [
    csvLine(agingHeaders(report)),
    ...rows.map((r) => [...r.text.map(csvText), ...r.money.map(csvDollars), r.percent.replace("%", "")].join(",")),
  ];
}

/** "30,60,90,120": the upper day of each bucket but the last, ascending whole days. */
function bucketBounds(text: string): number[] {
  const parts = text.split(",").map((p) => p.trim());
  const bounds = parts.map(Number);
  if (parts.some((p) => !/^\d+$/.test(p)) || bounds.some((b, i) => i > 0 && b <= bounds[i - 1])) {
    throw new UsageError(`--buckets must be whole days, each larger than the one before, like 30,60,90,120 (not "${text}").`);
  }
  return bounds;
}
