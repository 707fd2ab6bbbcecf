// The xlsx adapter at office scale: a synthetic Charges table written through the port, saved,
// opened again and read back whole. Returns figures and prints nothing (bench/run.ts prints).
import { isoToSerial } from "../src/dates";
import { createTableOp } from "../src/workbook/plan";
import type { CellValue } from "../src/workbook/port";
import { Charges } from "../src/workbook/tables";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";

export interface XlsxBench {
  lines: number;
  /** The createTable plan applied to a new workbook. */
  writeSeconds: number;
  /** The workbook to .xlsx bytes. */
  saveSeconds: number;
  /** The bytes opened again. */
  loadSeconds: number;
  /** readTables of the whole Charges table. */
  readSeconds: number;
  /** Lines read per second from a file's bytes: lines / (load + read). */
  rowsPerSecond: number;
  /** Size of the saved file. */
  bytes: number;
  /** Appending 1,000 lines to the table as loaded from the file (ExcelJS makes the adapter redefine the table). */
  appendSeconds: number;
}

const PAYERS = ["MCR", "MCD", "BCBS", "AETNA", "UHC", "SELF"];
const CODES = ["99213", "99214", "99203", "93000", "36415", "J1100", "81002", "90471"];
const FIRST_DOS = isoToSerial("2025-03-01");

/** One synthetic service line in the column order of the Charges table Setup creates. */
function chargeLine(i: number): CellValue[] {
  const dos = FIRST_DOS + (i % 365);
  return [
    `C${String(i + 1).padStart(7, "0")}`,
    `CL${String(Math.floor(i / 3) + 1).padStart(6, "0")}`,
    `P${String((i % 5000) + 1).padStart(5, "0")}`,
    PAYERS[i % PAYERS.length],
    "1234567893",
    dos,
    "11",
    CODES[i % CODES.length],
    i % 7 === 0 ? "25" : null,
    null,
    null,
    null,
    "E11.9",
    i % 2 === 0 ? "I10" : null,
    null,
    null,
    1 + (i % 3),
    75 + (i % 50) + 0.25,
    i % 10 === 0 ? null : dos + 3,
    i % 50 === 0 ? "7" : "1",
    i % 50 === 0 ? `ICN${i}` : null,
    // Plan: blank, as in rows an office typed itself.
    null,
  ];
}

const seconds = (start: number) => (performance.now() - start) / 1000;

export async function benchXlsx(lines: number): Promise<XlsxBench> {
  const rows = Array.from({ length: lines }, (_, i) => chargeLine(i));
  const book = XlsxWorkbook.create();

  let start = performance.now();
  await book.write([createTableOp(Charges, rows)]);
  const writeSeconds = seconds(start);

  start = performance.now();
  const bytes = await book.save();
  const saveSeconds = seconds(start);

  start = performance.now();
  const opened = await XlsxWorkbook.load(bytes);
  const loadSeconds = seconds(start);

  start = performance.now();
  const read = (await opened.readTables(["Charges"])).Charges;
  const readSeconds = seconds(start);
  if (read?.rows.length !== lines) throw new Error(`read ${read?.rows.length ?? 0} lines of ${lines}`);

  const headers = read.headers;
  const extra = Array.from({ length: 1000 }, (_, i) => Object.fromEntries(chargeLine(lines + i).map((v, j) => [headers[j], v])));
  start = performance.now();
  await opened.write([{ kind: "appendRows", table: "Charges", rows: extra }]);
  const appendSeconds = seconds(start);

  return {
    lines,
    writeSeconds,
    saveSeconds,
    loadSeconds,
    readSeconds,
    rowsPerSecond: lines / (loadSeconds + readSeconds),
    bytes: bytes.byteLength,
    appendSeconds,
  };
}
