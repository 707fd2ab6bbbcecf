// `medbill kpis book.xlsx --from 2026-07-01 --to 2026-09-30 [--as-of DATE]`: the practice KPIs for a
// period (practiceKpis), each with its value, definition and inputs so a manager can check it by
// hand, then the denials by reason and by payer as two aligned tables. --as-of (default: --to) counts
// only what was posted on or before it. --csv prints one row per KPI, then one per denial reason and
// per payer in the same five columns (named "Denials by reason: CO-16", "Denials by payer: MCR"), so
// the file stays one table; --out writes the "KPIs <from> to <to>" sheet (kpiSheetPlan). Exit 1 when
// the ledger has problems (listed first).
import { readLedger } from "../ledger/ledger";
import { formatMoney } from "../money";
import { practiceKpis, type Kpi, type PracticeKpis } from "../reports/kpis";
import { denialBreakdownList, inputText, kpiList, kpiSheetPlan } from "../reports/kpiSheet";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { openWorkbook } from "./workbookFile";
import { dateOption, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, oneWorkbook, readArguments, UsageError, type CliIo } from "./commandLine";
import { alignedTable, listProblems, writeReport } from "./reportOutput";
import { csvLine, csvNumber, csvText } from "./csvCells";

export async function runKpis(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    from: { type: "string" },
    to: { type: "string" },
    "as-of": { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    csv: { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "kpis");
  const from = dateOption(values.from, "--from");
  const to = dateOption(values.to, "--to");
  if (from === undefined || to === undefined)
    throw new UsageError("Give the period: medbill kpis book.xlsx --from 2026-07-01 --to 2026-09-30");
  if (from > to) throw new UsageError(`--from (${from}) is after --to (${to}).`);
  const asOf = dateOption(values["as-of"], "--as-of") ?? to;

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { ledger, tables } = await readLedger(workbook);
  const problems = ledgerProblems(ledger, tables);
  const kpis = practiceKpis(ledger, { from, to, asOf });
  const list = kpiList(kpis);

  if (!values.csv) io.out(`Practice KPIs in ${bookPath}, ${from} to ${to}, as of ${asOf}`);
  listProblems(problems, values.csv ? io.err : io.out, values.all === true);
  if (values.csv) {
    io.out(csvLine(["KPI", "Value", "Unit", "Definition", "Inputs"]));
    for (const kpi of [...list, ...denialBreakdownList(kpis)]) {
      // The value is a number (a negative one stays -3.0); the rest is text and is made safe.
      const [name, unit, definition, inputs] = [kpi.name, unitOf(kpi), kpi.definition, kpi.inputs.map(inputText).join("; ")].map(csvText);
      io.out([name, csvNumber(kpi.value, 1), unit, definition, inputs].join(","));
    }
  } else {
    if (problems.length > 0) io.out("");
    const width = Math.max(...list.map((k) => k.name.length));
    for (const kpi of list) {
      io.out("");
      io.out(`${kpi.name.padEnd(width)}  ${valueText(kpi)}`);
      io.out(`  ${kpi.definition}`);
      for (const input of kpi.inputs) io.out(`    ${inputText(input)}`);
    }
    for (const line of denialTables(kpis)) io.out(line);
  }
  if (values.out !== undefined) {
    if (!(await writeReport(workbook, kpiSheetPlan(kpis), bookPath, values.out, values.force === true, io))) return EXIT_CANNOT_RUN;
  }
  return problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** "Denials by reason" and "Denials by payer" as aligned tables, each under its title (a sentence when empty). */
function denialTables(kpis: PracticeKpis): string[] {
  const percentText = (value: number) => `${value.toFixed(1)}%`;
  const out = ["", "Denials by reason (a claim denied for several reasons counts under each)"];
  if (kpis.denialsByReason.length === 0) out.push("  No adjudicated claim was denied.");
  else {
    const rows = kpis.denialsByReason.map((r) => [
      r.reason,
      String(r.claims),
      percentText(r.percent),
      formatMoney(r.deniedAmount),
      r.words,
    ]);
    const headers = ["Reason", "Claims", "% of adjudicated", "Denied amount", "Meaning"];
    out.push(...alignedTable(headers, [rows], (i) => i >= 1 && i <= 3).map((line) => `  ${line}`));
  }
  out.push("", "Denials by payer");
  if (kpis.denialsByPayer.length === 0) out.push("  No claim was adjudicated.");
  else {
    const rows = kpis.denialsByPayer.map((p) => [p.payerId, p.name, String(p.adjudicated), String(p.denied), percentText(p.percent)]);
    const headers = ["Payer", "Name", "Adjudicated", "Denied", "Denial rate"];
    out.push(...alignedTable(headers, [rows], (i) => i >= 2).map((line) => `  ${line}`));
  }
  return out;
}

function unitOf(kpi: Kpi): string {
  return kpi.unit === "percent" ? "%" : "days";
}

function valueText(kpi: Kpi): string {
  if (kpi.value === null) return "n/a (nothing to measure in the period)";
  return kpi.unit === "percent" ? `${kpi.value.toFixed(1)}%` : `${kpi.value.toFixed(1)} days`;
}
