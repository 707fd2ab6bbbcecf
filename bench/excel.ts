// Excel adapter benchmark: syncs and payload sizes for reading and appending a Charges-like table
// of `rows` rows (20 columns) against the counting fake, with Excel on the web's 5 MB cap and the
// adapter's default budget. Returns figures; bench/run.ts prints them.
import { ExcelWorkbook } from "../src/workbook/excel/excelWorkbook";
import type { CellValue } from "../src/workbook/port";
import { createTableOp } from "../src/workbook/plan";
import { Charges } from "../src/workbook/tables";
import { FakeExcel, type StoredCell } from "../test/workbook/fakeExcel";

export interface ExcelBenchResult {
  rows: number;
  /** context.sync() calls of one readTables of the whole table. */
  readSyncs: number;
  /** context.sync() calls of one write appending `rows` rows. */
  writeSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Request plus response bytes of every sync, read and write. */
  totalBytes: number;
  /** Wall time of the read and the write (building the data is not counted). */
  seconds: number;
}

const charges = createTableOp(Charges);
const HEADERS = [...charges.headers, "Note"];
const FORMATS = [...charges.numberFormats, "@"];
const PAYERS = ["MCR", "MCD", "BCBS", "SELF"];
const CODES = ["99213", "99214", "93000", "J1100", "36415"];

/** One synthetic service line; shared short strings keep a million rows within memory. */
function chargeLine(i: number): CellValue[] {
  return [
    `CH${i}`,
    `CL${Math.floor(i / 3)}`,
    `P${i % 5000}`,
    PAYERS[i % 4],
    "1234567893",
    45900 + (i % 365),
    "11",
    CODES[i % 5],
    i % 10 === 0 ? "25" : null,
    null,
    null,
    null,
    "E11.9",
    i % 2 ? "I10" : null,
    null,
    null,
    1,
    125 + (i % 50) + 0.5,
    45905 + (i % 365),
    i % 20 === 0 ? "resubmitted after denial" : null,
  ];
}

export async function benchExcel(rows: number): Promise<ExcelBenchResult> {
  // Read: a workbook already holding the table.
  const full = new FakeExcel();
  const body: StoredCell[][] = new Array(rows);
  for (let i = 0; i < rows; i++) body[i] = chargeLine(i) as StoredCell[];
  full.addTable("Charges", HEADERS, body, { numberFormats: FORMATS });
  body.length = 0;

  let started = performance.now();
  const read = await new ExcelWorkbook(full.run).readTables(["Charges"]);
  let seconds = (performance.now() - started) / 1000;
  if (read.Charges?.rows.length !== rows) throw new Error(`read ${read.Charges?.rows.length} rows of ${rows}`);
  const readLog = full.syncLog;
  full.tables.length = 0;
  full.sheets.length = 0;
  delete read.Charges;

  // Write: the same number of rows appended to an empty table, as a posting run would.
  const empty = new FakeExcel();
  empty.addTable("Charges", HEADERS, [], { numberFormats: FORMATS });
  const records = new Array<Record<string, CellValue>>(rows);
  for (let i = 0; i < rows; i++) {
    const line = chargeLine(i);
    const record: Record<string, CellValue> = {};
    for (let c = 0; c < HEADERS.length; c++) if (line[c] !== null) record[HEADERS[c]] = line[c];
    records[i] = record;
  }
  started = performance.now();
  await new ExcelWorkbook(empty.run).write([{ kind: "appendRows", table: "Charges", rows: records }]);
  seconds += (performance.now() - started) / 1000;
  if (empty.table("Charges")!.bodyRows !== rows) throw new Error("the append did not land");

  const log = [...readLog, ...empty.syncLog];
  const ok = log.filter((s) => !s.failed);
  return {
    rows,
    readSyncs: readLog.length,
    writeSyncs: empty.syncLog.length,
    maxRequestBytes: Math.max(...ok.map((s) => s.requestBytes)),
    maxResponseBytes: Math.max(...ok.map((s) => s.responseBytes)),
    totalBytes: log.reduce((n, s) => n + s.requestBytes + s.responseBytes, 0),
    seconds: Math.round(seconds * 100) / 100,
  };
}
