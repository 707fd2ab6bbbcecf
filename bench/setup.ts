// Setup's new write paths (issue 19) at office scale, in the memory adapter and in the xlsx adapter
// opened from a saved file: the office's Charges rows on a plain sheet (not a table) beside its
// Patients and Payers tables, from the sample practice. Each host's workbook is made once, then taken
// through the round's paths in order:
// 1. Setup's look at it (readSetupStatus: describe, then the top rows of every plain sheet,
//    findPlainRanges), against describe() alone;
// 2. Make it a table: the makeTable plan through applyPlan (with its Audit row), against reading the
//    table afterwards (readTables), and for the file, its .xlsx save against ExcelJS's streaming
//    writer writing the same cells;
// 3. one Charges Amount edited in the preview (editCell: a read of the table, the plan, the write),
//    and a PatientID that Charges rows point at renamed, which is refused once the other tables are
//    read: each against readTables of Charges alone.
// Making the sample, the file and each workbook is not counted. Returns the figures, and hands each
// part's lines to `print` as soon as it is measured (bench/run.ts prints them).
import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { editCell } from "../src/workbook/cellEdit";
import { MemoryWorkbook } from "../src/workbook/memoryWorkbook";
import { applyPlan } from "../src/workbook/plan";
import { findPlainRanges, makeTableOp, makeTablesPlan, plainRangePhrase } from "../src/workbook/plainRanges";
import type { RawTable, Workbook } from "../src/workbook/port";
import { readSetupStatus } from "../src/workbook/setup";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { bestAsync, sampleTables } from "./benchHelpers";

const seconds = (start: number) => (performance.now() - start) / 1000;

/** The sample's tables the workbook holds: Patients and Payers as tables, Charges on a plain sheet. */
const KEPT = ["Patients", "Payers", "Charges"] as const;

export interface SetupHostFigures {
  host: "memory" | "xlsx";
  /** Making the workbook: the memory adapter's copy of the sample's rows, or loading the .xlsx file. */
  buildSeconds: number;
  /** Heap with the workbook held (after a collection when node runs with --expose-gc). */
  heapMB: number;
  describeSeconds: number;
  /** readSetupStatus: describe, then findPlainRanges over the plain sheets. */
  lookSeconds: number;
  /** What Setup found, as it says it. */
  found: string;
  /** applyPlan of the makeTable plan Setup's Make it a table applies. */
  makeSeconds: number;
  /** readTables of the new Charges table. */
  readSeconds: number;
  /** The xlsx adapter's save once the table is made, and the file's size; "skipped" above SAVE_MAX_LINES. */
  save?: { seconds: number; bytes: number } | "skipped";
  /** One Amount edited (editCell), best of 3, and the first edit in the process. */
  editSeconds: number;
  editFirstSeconds: number;
  /** A PatientID rename that Charges rows point at, to the refusal, best of 3. */
  renameSeconds: number;
  /** "12 Charges rows": what the refusal says uses the id. */
  renameUses: string;
}

export interface SetupBench {
  lines: number;
  patients: number;
  sampleSeconds: number;
  /** The plain file (every sheet plain) written by ExcelJS's streaming writer: the save's baseline. */
  file: { seconds: number; bytes: number };
  hosts: SetupHostFigures[];
}

/**
 * The .xlsx save is measured up to this many lines (MEDBILL_BENCH_SETUP_SAVE=1 measures it at any
 * size): ExcelJS's in-memory writer (xlsx.writeBuffer, what XlsxWorkbook.save uses) renders a sheet's
 * whole XML as a list of small strings and joins them into one before zipping. At 1,000,000 lines,
 * beside the loaded workbook's 5-7 GB of cell objects, that ran out of the 8 GB heap `npm run bench`
 * gives; and the joined string alone (about 730 characters a Charges row) would pass V8's longest
 * string (2^29 - 24 characters) at about 730,000 rows, whatever the heap.
 */
const SAVE_MAX_LINES = 200_000;

/** What the steps before left behind collected (node runs with --expose-gc), so no step pays for another's garbage. */
const settle = () => (globalThis as { gc?: () => void }).gc?.();
const heapMB = () => process.memoryUsage().heapUsed / 1e6;

/** MEDBILL_BENCH_TRACE=1: each step's end on stderr, with the heap, to see where a long run is. */
function trace(step: string): void {
  settle();
  if (process.env.MEDBILL_BENCH_TRACE)
    console.error(`  [setup ${(performance.now() / 1000).toFixed(1)} s] ${step}; heap ${heapMB().toFixed(0)} MB`);
}

/** The tables as an office's .xlsx file of plain sheets (no tables, no empty cells), by ExcelJS's streaming writer. */
async function plainFile(tables: RawTable[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  for (const table of tables) {
    const sheet = writer.addWorksheet(table.name);
    sheet.addRow(table.headers).commit();
    for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? undefined : v))).commit();
    sheet.commit();
  }
  await writer.commit();
  return Buffer.concat(chunks);
}

/** The memory adapter's workbook: Patients and Payers tables, Charges as a plain sheet's cells. */
function memoryWorkbook([patients, payers, charges]: RawTable[]): MemoryWorkbook {
  const table = (t: RawTable) => ({ name: t.name, table: { name: t.name, headers: t.headers, rows: t.rows } });
  return new MemoryWorkbook([table(patients), table(payers), { name: "Charges", cells: [charges.headers, ...charges.rows] }]);
}

/** The file's Patients and Payers made tables where they are (the adapter's own write, not timed), Charges left plain. */
async function xlsxWorkbook(bytes: Uint8Array): Promise<XlsxWorkbook> {
  const book = await XlsxWorkbook.load(bytes);
  const found = await findPlainRanges(book, await book.describe());
  const others = found.filter((r) => r.table !== "Charges");
  if (others.length !== 2) throw new Error(`bench data: found ${found.map((r) => r.table).join(", ")} on plain sheets`);
  await book.write(others.map(makeTableOp));
  return book;
}

async function measure(host: SetupHostFigures["host"], workbook: Workbook, buildSeconds: number, lines: number): Promise<SetupHostFigures> {
  trace(`${host}: made`);
  const heap = heapMB();
  const describe = await bestAsync(3, () => workbook.describe());
  const look = await bestAsync(3, () => readSetupStatus(workbook));
  const found = look.value.plainRanges;
  if (found.length !== 1 || found[0].table !== "Charges" || found[0].range.rows !== lines + 1) {
    throw new Error(`bench data: Setup found ${found.map(plainRangePhrase).join("; ") || "nothing"}`);
  }
  trace(`${host}: looked`);

  let start = performance.now();
  await applyPlan(workbook, makeTablesPlan(found)!);
  const makeSeconds = seconds(start);
  trace(`${host}: table made`);
  const read = await bestAsync(3, async () => {
    const charges = (await workbook.readTables(["Charges"])).Charges;
    if (charges?.rows.length !== lines) throw new Error(`bench data: the Charges table holds ${charges?.rows.length ?? 0} rows`);
    // One Amount in the middle of the table, as seen in the preview: the rows read are let go.
    return charges.rows[Math.floor(lines / 2)][charges.headers.indexOf("Amount")];
  });
  trace(`${host}: read`);

  let save: SetupHostFigures["save"];
  if (workbook instanceof XlsxWorkbook) {
    if (lines <= SAVE_MAX_LINES || process.env.MEDBILL_BENCH_SETUP_SAVE === "1") {
      start = performance.now();
      const bytes = await workbook.save();
      save = { seconds: seconds(start), bytes: bytes.byteLength };
      trace(`${host}: saved`);
    } else save = "skipped";
  }

  // The Amount changed by a dollar each time.
  const row = Math.floor(lines / 2);
  let seen = read.value;
  const edit = async () => {
    const text = (Number(seen) + 1).toFixed(2);
    const outcome = await editCell(workbook, { table: "Charges", row, column: "Amount", text, seen });
    if (!outcome.ok || !("applied" in outcome)) throw new Error(`bench edit not written: ${outcome.ok ? "unchanged" : outcome.problem}`);
    seen = outcome.value;
  };
  start = performance.now();
  await edit();
  const editFirstSeconds = seconds(start);
  const edits = await bestAsync(3, edit);
  trace(`${host}: edited`);

  const patients = (await workbook.readTables(["Patients"])).Patients!;
  const patientId = patients.rows[0][patients.headers.indexOf("PatientID")];
  const rename = await bestAsync(3, async () => {
    const outcome = await editCell(workbook, { table: "Patients", row: 0, column: "PatientID", text: "P9999999", seen: patientId });
    const uses = outcome.ok ? undefined : /is used by (.*?), which/.exec(outcome.problem)?.[1];
    if (!uses) throw new Error(`bench rename not refused for the rows using it: ${outcome.ok ? "written" : outcome.problem}`);
    return uses;
  });
  trace(`${host}: renamed`);

  return {
    host,
    buildSeconds,
    heapMB: heap,
    describeSeconds: describe.seconds,
    lookSeconds: look.seconds,
    found: plainRangePhrase(found[0]),
    makeSeconds,
    readSeconds: read.seconds,
    save,
    editSeconds: edits.seconds,
    editFirstSeconds,
    renameSeconds: rename.seconds,
    renameUses: rename.value,
  };
}

/**
 * The sample practice of `lines` lines, kept to its Patients, Payers and Charges; each host's
 * workbook made from it once and measured, the memory adapter's first, and let go before the file is
 * opened (ExcelJS holds each cell as an object: 5 GB at 1,000,000 lines). Each part is printed as
 * soon as it is measured: the xlsx adapter's takes minutes at that size.
 */
export async function benchSetup(lines: number, print: (line: string) => void = () => {}): Promise<SetupBench> {
  const sample = sampleTables(lines);
  const kept = KEPT.map((name) => sample.tables[name]);
  sample.tables = {};
  let start = performance.now();
  const bytes = await plainFile(kept);
  const file = { seconds: seconds(start), bytes: bytes.byteLength };
  const bench: SetupBench = { lines, patients: kept[0].rows.length, sampleSeconds: sample.seconds, file, hosts: [] };
  for (const line of setupHeadLines(bench)) print(line);

  start = performance.now();
  let memory: MemoryWorkbook | undefined = memoryWorkbook(kept);
  const memorySeconds = seconds(start);
  // The workbook holds its own copy: the sample's rows go.
  kept.length = 0;
  bench.hosts.push(await measure("memory", memory, memorySeconds, lines));
  memory = undefined;
  for (const line of setupHostLines(bench, bench.hosts[0])) print(line);

  start = performance.now();
  const book = await xlsxWorkbook(bytes);
  bench.hosts.push(await measure("xlsx", book, seconds(start), lines));
  for (const line of setupHostLines(bench, bench.hosts[1])) print(line);
  return bench;
}

const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
const ratio = (a: number, b: number) => `${fmt(a / b, a / b < 10 ? 2 : 0)}x`;
const time = (s: number) => (s >= 1 ? `${fmt(s)} s` : `${fmt(s * 1000, s < 0.01 ? 2 : 0)} ms`);

/** What the workbooks hold, and what making them took. */
export function setupHeadLines(bench: SetupBench): string[] {
  return [
    `\nSetup on the office's own sheets: ${fmt(bench.lines, 0)} Charges lines on a plain sheet beside ${fmt(bench.patients, 0)} Patients and the Payers as tables ` +
      `(sample made in ${fmt(bench.sampleSeconds)} s; its .xlsx file, every sheet plain, ${fmt(bench.file.bytes / 1e6, 1)} MB by ExcelJS's streaming writer in ${fmt(bench.file.seconds)} s; not counted)`,
  ];
}

/** One host's figures. */
export function setupHostLines(bench: SetupBench, h: SetupHostFigures): string[] {
  const out = [
    `  ${h.host === "memory" ? "memory adapter" : "xlsx adapter, the file loaded"} (made in ${fmt(h.buildSeconds)} s, not counted; heap with it ${fmt(h.heapMB, 0)} MB)`,
    `    Setup's look (readSetupStatus; "${h.found}"): ${time(h.lookSeconds)} best of 3; describe() alone ${time(h.describeSeconds)}; ratio ${ratio(h.lookSeconds, h.describeSeconds)}`,
    `    Make it a table (applyPlan of the makeTable plan, with its Audit row): ${time(h.makeSeconds)}; readTables of the new Charges table ${time(h.readSeconds)} best of 3; ratio ${ratio(h.makeSeconds, h.readSeconds)}`,
  ];
  if (h.save === "skipped") {
    out.push(
      `    the .xlsx save after it: not measured above ${fmt(SAVE_MAX_LINES, 0)} lines (ExcelJS's writer, joining the sheet's XML into one string, ran out of the 8 GB heap at 1,000,000; MEDBILL_BENCH_SETUP_SAVE=1 tries)`,
    );
  } else if (h.save) {
    out.push(
      `    the .xlsx save after it: ${time(h.save.seconds)} (${fmt(h.save.bytes / 1e6, 1)} MB); ExcelJS's streaming writer writing the same cells ${time(bench.file.seconds)}; ratio ${ratio(h.save.seconds, bench.file.seconds)}`,
    );
  }
  out.push(
    `    one Amount edited in the preview (editCell: read, plan, write with its Audit row): ${time(h.editSeconds)} best of 3 (the first ${time(h.editFirstSeconds)}); ratio to readTables of Charges ${ratio(h.editSeconds, h.readSeconds)}`,
    `    a PatientID renamed, refused (used by ${h.renameUses}): ${time(h.renameSeconds)} best of 3; ratio to readTables of Charges ${ratio(h.renameSeconds, h.readSeconds)}`,
  );
  return out;
}
