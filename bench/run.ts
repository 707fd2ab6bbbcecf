// `npm run bench`: prints figures, asserts nothing. Each measured path is set beside a baseline run
// in the same process (plain ExcelJS for the xlsx adapter, a bare conversion loop for the schema
// check), so the ratios say what our layers cost whatever machine this runs on.
// Sizes: MEDBILL_BENCH_LINES (default 100000) and MEDBILL_BENCH_EXCEL_ROWS (default 1000000);
// claims: 820 and MEDBILL_BENCH_CLAIMS (default 100000); MEDBILL_BENCH_STATEMENTS (default 5000);
// setup: MEDBILL_BENCH_SETUP_LINES (default 1000000; 100000 for a quick run).
import ExcelJS from "exceljs";
import { benchCodeFormats } from "./codeFormats";
import { benchCodeFunctions } from "./codeFunctions";
import { benchCodeSets } from "./codeSets";
import { benchAging } from "./aging";
import { benchClaims, claimsLines } from "./claims";
import { benchEra } from "./era";
import { benchExcel } from "./excel";
import { benchFollowUp } from "./followup";
import { benchAccounts } from "./accounts";
import { benchKpis } from "./kpis";
import { benchLedger } from "./ledger";
import { benchPaneLoad, paneLoadLines } from "./paneLoad";
import { benchBalancesFunction } from "./ledgerFunctions";
import { benchPostingPlan } from "./postingPlan";
import { benchX12 } from "./x12";
import { benchParseTable, chargesTable } from "./engine";
import { benchSetup } from "./setup";
import { benchStatements, statementsLines } from "./statements";
import { benchXlsx } from "./xlsx";

const lines = Number(process.env.MEDBILL_BENCH_LINES ?? 100_000);
const excelRows = Number(process.env.MEDBILL_BENCH_EXCEL_ROWS ?? 1_000_000);
const codeCells = Number(process.env.MEDBILL_BENCH_CODES ?? 1_000_000);
const ledgerLines = Number(process.env.MEDBILL_BENCH_LEDGER_LINES ?? 1_000_000);
const balanceIds = Number(process.env.MEDBILL_BENCH_BALANCE_IDS ?? 100_000);
const claims = Number(process.env.MEDBILL_BENCH_CLAIMS ?? 100_000);
const statements = Number(process.env.MEDBILL_BENCH_STATEMENTS ?? 5_000);
const setupLines = Number(process.env.MEDBILL_BENCH_SETUP_LINES ?? 1_000_000);
const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

async function plainExcelJs(count: number) {
  const raw = chargesTable(count);
  const start = performance.now();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Charges");
  ws.addRow(raw.headers);
  ws.addRows(raw.rows);
  const bytes = await wb.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(bytes);
  let cells = 0;
  again.getWorksheet("Charges")!.eachRow((row) => (cells += row.cellCount));
  return { seconds: (performance.now() - start) / 1000, cells };
}

/** Each area `npm run bench -- NAME` can run alone, in the order the whole run prints them. */
const AREAS: Record<string, () => Promise<void> | void> = {
  parse: () => {
    const parse = benchParseTable(lines);
    console.log(`\nSchema check of a Charges table (${fmt(lines, 0)} lines)`);
    console.log(
      `  parseTable (checked, into columns): ${fmt(parse.seconds)} s, ${fmt(parse.rowsPerSecond, 0)} rows/s; its rows made into objects when first read: ${fmt(parse.rowsSeconds)} s more`,
    );
    console.log(`  baseline (money and date parsing only): ${fmt(parse.baselineSeconds, 3)} s; ratio ${fmt(parse.ratio, 1)}x`);
  },
  xlsx: async () => {
    const xlsx = await benchXlsx(lines);
    const plain = await plainExcelJs(lines);
    const adapterSeconds = xlsx.writeSeconds + xlsx.saveSeconds + xlsx.loadSeconds + xlsx.readSeconds;
    console.log(`\nxlsx adapter, ${fmt(lines, 0)}-line Charges table (${fmt(xlsx.bytes / 1e6, 1)} MB file)`);
    console.log(
      `  write plan: ${fmt(xlsx.writeSeconds)} s; save: ${fmt(xlsx.saveSeconds)} s; load: ${fmt(xlsx.loadSeconds)} s; readTables: ${fmt(xlsx.readSeconds)} s`,
    );
    console.log(`  total ${fmt(adapterSeconds)} s; read ${fmt(xlsx.rowsPerSecond, 0)} rows/s`);
    console.log(
      `  baseline (plain ExcelJS addRows + save + load + walk): ${fmt(plain.seconds)} s; ratio ${fmt(adapterSeconds / plain.seconds, 2)}x`,
    );
  },
  excel: async () => {
    const excel = await benchExcel(excelRows);
    console.log(`\nExcel (Office.js) adapter against the counting fake, ${fmt(excel.rows, 0)} rows x 20 columns`);
    console.log(`  readTables: ${excel.readSyncs} syncs; appendRows: ${excel.writeSyncs} syncs`);
    console.log(
      `  largest request ${fmt(excel.maxRequestBytes / 1e6)} MB, largest response ${fmt(excel.maxResponseBytes / 1e6)} MB (limit 5 MB); ${fmt(excel.totalBytes / 1e6, 0)} MB moved`,
    );
    console.log(`  ${fmt(excel.seconds)} s in the fake (JSON sizing included)`);
  },
  codesets: async () => {
    const sets = await benchCodeSets();
    console.log(`\nICD-10-CM import, the real CMS FY2025 zip (median of runs)`);
    if (!sets) console.log("  skipped: ../shared/data/icd10cm/cms_2025_dx.zip is missing");
    else {
      console.log(
        `  ${fmt(sets.codes, 0)} codes in ${fmt(sets.importMs, 0)} ms (unzip ${fmt(sets.unzipMs, 0)} ms, parse and index ${fmt(sets.parseMs, 0)} ms)`,
      );
      console.log(
        `  heap of the loaded index: ${fmt(sets.heapMB, 1)} MB${typeof globalThis.gc === "function" ? "" : " (approximate: run with node --expose-gc for a settled figure)"}`,
      );
      console.log(`  stored in a workbook and loaded back: ${fmt(sets.storeRoundTripMs, 0)} ms`);
    }
  },
  formats: () => {
    const formats = benchCodeFormats(codeCells);
    const baseline = formats.find((f) => f.kind === "npi");
    console.log(`\nFormat checks, ${fmt(codeCells, 0)} cells of each kind (baseline: the NPI check digit)`);
    for (const f of formats) {
      const ratio = baseline ? ` (${fmt(baseline.codesPerSecond / f.codesPerSecond, 2)}x the NPI time)` : "";
      console.log(`  ${f.kind.padEnd(36)} ${fmt(f.seconds)} s, ${fmt(f.codesPerSecond, 0)} codes/s${ratio}`);
    }
  },
  functions: async () => {
    const calls = await benchCodeFunctions(codeCells);
    console.log(`\nCustom functions, one range call of ${fmt(codeCells, 0)} x 1 cells each`);
    console.log(`  code sets: ${calls.codeSets}`);
    for (const c of calls.results) console.log(`  ${c.call.padEnd(40)} ${fmt(c.seconds)} s, ${fmt(c.cellsPerSecond, 0)} cells/s`);
  },
  ledger: () => {
    // Baseline: the same ledger at a tenth of the size, so the ratio shows how the work scales.
    const small = benchLedger(ledgerLines / 10, (ledgerLines / 10) * 2);
    const ledger = benchLedger(ledgerLines, ledgerLines * 2);
    const total = (l: typeof ledger) => l.buildSeconds + l.balanceSeconds + l.rollupSeconds;
    console.log(`\nLedger and balances, ${fmt(ledger.lines, 0)} lines and ${fmt(ledger.postings, 0)} postings`);
    console.log(
      `  build the ledger (ids checked by parseTable, as read from a workbook): ${fmt(ledger.buildSeconds)} s best of 3 (aim: 1 s), the first build in the process ${fmt(ledger.firstBuildSeconds)} s; checking repeated ids itself: ${fmt(ledger.buildCheckingIdsSeconds)} s`,
    );
    console.log(
      `  floor, a bare id-to-line Map and two typed arrays from the same columns: ${fmt(ledger.floorSeconds, 3)} s; ratio ${fmt(ledger.buildSeconds / ledger.floorSeconds, 1)}x`,
    );
    console.log(
      `  memory (heap and typed arrays): the books as parsed (columns, no row objects) ${fmt(ledger.booksMB, 0)} MB; the ledger's columns on top of them ${fmt(ledger.ledgerMB, 0)} MB (aim: 400 MB)`,
    );
    console.log(
      `  every line's balance as an object: ${fmt(ledger.balanceSeconds)} s; claim, patient and payer roll-ups: ${fmt(ledger.rollupSeconds)} s; heap with all of it held: ${fmt(ledger.heapMB, 0)} MB`,
    );
    console.log(`  ${fmt(total(ledger) / total(small), 1)}x the time of a ledger a tenth the size (10x is linear)`);
  },
  aging: () => {
    const aging = benchAging(ledgerLines, ledgerLines * 2);
    const sheet = aging.sheet;
    console.log(`\nAging as of 2026-07-31 by DOS, ${fmt(aging.lines, 0)} lines and ${fmt(aging.postings, 0)} postings`);
    console.log(`  agingReport: ${fmt(aging.agingSeconds)} s (aim: 1 s; walking the line balances alone: ${fmt(aging.balancesSeconds)} s)`);
    console.log(
      `  its ${fmt(aging.rowCount, 0)} payer and patient rows made into objects when first read (the aging sheet, the CLI): ${fmt(aging.rowsSeconds)} s`,
    );
    console.log(
      `  its ${fmt(aging.detailCount, 0)} shares made into detail objects when first read (the detail sheet, the CLI): ${fmt(aging.detailsSeconds)} s`,
    );
    console.log(
      `  (a) floor, one pass over typed arrays for the bucket sums only: ${fmt(aging.floorSeconds, 3)} s; ratio ${fmt(aging.ratio, 1)}x (aim: 3x)`,
    );
    console.log(
      `  (b) the sheet way, a SUMIFS balance per line and a SUMIFS per bucket in HyperFormula, ${fmt(sheet.lines, 0)} lines and ${fmt(sheet.postings, 0)} postings: ${fmt(sheet.seconds)} s`,
    );
    console.log(
      `      the engine on the same books (buildLedger + agingReport): ${fmt(sheet.engineSeconds, 4)} s; the sheet takes ${fmt(sheet.ratio, 0)}x the engine's time`,
    );
    if (!sheet.matches) {
      // A baseline that computes something else compares nothing: say so where nobody can miss it.
      const message = `  !!! MISMATCH: the sheet's buckets (${sheet.buckets.join(", ")}) are not the engine's (${sheet.engineBuckets.join(", ")}) !!!`;
      console.log(message);
      console.error(message);
      process.exitCode = 1;
    }
  },
  kpis: () => {
    const kpis = benchKpis(ledgerLines, ledgerLines * 2);
    console.log(
      `\nPractice KPIs, 2026-05-01 to 2026-07-31, ${fmt(kpis.lines, 0)} lines and ${fmt(kpis.postings, 0)} postings (${fmt(kpis.adjudicated, 0)} claims adjudicated)`,
    );
    console.log(`  practiceKpis over the ledger's columns: ${fmt(kpis.seconds)} s (the aging report in it: ${fmt(kpis.agingSeconds)} s)`);
  },
  followup: () => {
    const f = benchFollowUp(ledgerLines);
    console.log(
      `\nFollow-up worklists on the sample practice as of its date, ${fmt(f.lines, 0)} lines and ${fmt(f.postings, 0)} postings (made in ${fmt(f.sampleSeconds)} s, not timed)`,
    );
    console.log(
      `  the four lists: ${fmt(f.listsSeconds)} s (denied ${fmt(f.counts.denied, 0)}, underpaid ${fmt(f.counts.underpaid, 0)}, no response ${fmt(f.counts.silent, 0)}, filing limit ${fmt(f.counts.nearLimit, 0)}); the underpaid list alone ${fmt(f.underpaidSeconds)} s`,
    );
    console.log(
      `  (a) the aging report's walk over the same ledger: ${fmt(f.agingSeconds)} s; ratio ${fmt(f.listsSeconds / f.agingSeconds, 1)}x`,
    );
  },
  accounts: () => {
    const a = benchAccounts(ledgerLines);
    const ratio = (s: number) => `${fmt(s / a.agingSeconds, 1)}x`;
    console.log(
      `\nPatient accounts and the close on the sample practice as of its date, ${fmt(a.lines, 0)} lines and ${fmt(a.postings, 0)} postings (made in ${fmt(a.sampleSeconds)} s, not timed)`,
    );
    console.log(
      `  credit balances: ${fmt(a.credits.seconds)} s (${fmt(a.credits.count, 0)} credits; the first call ${fmt(a.credits.firstSeconds)} s), ${ratio(a.credits.seconds)}`,
    );
    console.log(
      `  payment plans' standing: ${fmt(a.plans.seconds, 3)} s (${fmt(a.plans.count, 0)} plans, ${fmt(a.plans.missed, 0)} missed), ${ratio(a.plans.seconds)}`,
    );
    console.log(`  bad debt with the agency read back: ${fmt(a.badDebt.seconds, 3)} s, ${ratio(a.badDebt.seconds)}`);
    console.log(
      `  close report of the last month: ${fmt(a.close.seconds)} s (${a.close.ties ? "ties" : "DOES NOT TIE"}), ${ratio(a.close.seconds)}`,
    );
    console.log(`  (a) the aging report's walk over the same ledger: ${fmt(a.agingSeconds)} s`);
    if (!a.close.ties) process.exitCode = 1;
  },
  balances: async () => {
    const balances = benchBalancesFunction(balanceIds);
    console.log(
      `\nMEDBILL.BALANCES over ${fmt(balances.ids, 0)} ids (tables passed as ranges), one call after the tables changed: ${fmt(balances.seconds)} s best of 3 (aim: 0.5 s), ${fmt(balances.idsPerSecond, 0)} ids/s; the first call in the process ${fmt(balances.firstSeconds)} s`,
    );
    const { benchBalancesCalls } = await import("./ledgerFunctions");
    const calls = benchBalancesCalls(balanceIds, 1_000);
    console.log(
      `  filled down: ${fmt(calls.calls, 0)} calls of ${fmt(calls.ids / calls.calls, 0)} ids over the same tables: ${fmt(calls.seconds)} s (first call, reading the tables: ${fmt(calls.firstSeconds)} s; each later call: ${fmt(calls.laterCallMs, 1)} ms; tables read ${calls.reads}x)`,
    );
  },
  posting: () => {
    const posting = benchPostingPlan(5_000);
    console.log(
      `\nPosting plan: one insurance payment applied to ${fmt(posting.lines, 0)} lines of a 100,000-line ledger: ${fmt(posting.seconds)} s`,
    );
  },
  x12: () => {
    const x12 = benchX12(50_000);
    console.log(`\nX12 835 of 50,000 claims (${fmt(x12.bytes / 1e6, 1)} MB)`);
    console.log(
      `  tokenizer: ${fmt(x12.tokenizeSeconds)} s; baseline (plain split on the terminator, then the separator): ${fmt(x12.baselineSplitSeconds)} s; ratio ${fmt(x12.tokenizeSeconds / x12.baselineSplitSeconds, 2)}x`,
    );
    console.log(`  835 model: ${fmt(x12.modelSeconds)} s; balancing: ${fmt(x12.balanceSeconds, 3)} s`);
  },
  era: async () => {
    const era = await benchEra(50_000);
    console.log(
      `\nERA import, a synthetic 835 of ${fmt(era.claims, 0)} claims (${fmt(era.bytes / 1e6, 1)} MB) against a ledger holding them`,
    );
    console.log(
      `  read + match and plan: ${fmt(era.bestSeconds)} s best of 3 (aim: 1 s), the first run in the process ${fmt(era.firstSeconds)} s; read alone ${fmt(era.readSeconds)} s, match and plan alone ${fmt(era.matchPlanSeconds)} s (best of 3 each); whole eraPostingPlan (SHA-256 too): ${fmt(era.totalSeconds)} s`,
    );
    console.log(
      `  match and plan against a ledger that also holds 1,000,000 earlier lines and 2,000,000 postings (freshly built): ${fmt(era.historyMatchPlanSeconds)} s`,
    );
  },
  claims: () => {
    for (const line of claimsLines(benchClaims([820, claims]))) console.log(line);
  },
  statements: async () => {
    // About 30 sample lines make one account that owes a statement on the run day.
    for (const line of statementsLines(await benchStatements(statements, Math.min(200_000, statements * 32)))) console.log(line);
  },
  setup: async () => {
    // Setup's look at the office's plain sheets, Make it a table, and a cell edited in the preview.
    await benchSetup(setupLines, (line) => console.log(line));
  },
  pane: async () => {
    // The Excel host's first load, read from the production build in dist/ (`npm run build`).
    for (const line of paneLoadLines(await benchPaneLoad())) console.log(line);
  },
};

async function main() {
  const wanted = process.argv.slice(2).map((name) => name.toLowerCase());
  const unknown = wanted.filter((name) => !(name in AREAS));
  if (unknown.length > 0) {
    console.error(`No benchmark area called ${unknown.join(", ")}. The areas: ${Object.keys(AREAS).join(", ")}.`);
    process.exit(2);
  }
  console.log(`medbill benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  for (const [name, run] of Object.entries(AREAS)) if (wanted.length === 0 || wanted.includes(name)) await run();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
