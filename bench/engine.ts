// Engine figures: validating a whole Charges table (zod schemas, aliases, row issues) against a
// hand-rolled loop doing only the money and date conversions, run in the same process as baseline.
import { parseDate } from "../src/dates";
import { parseMoney } from "../src/money";
import { parseTable } from "../src/workbook/mapTable";
import type { CellValue, RawTable } from "../src/workbook/port";
import { Charges } from "../src/workbook/tables";

/** The Charges table's own headers, in its order (the rows below follow it). */
const HEADERS = Object.values(Charges.fields).map((field) => field.header);

export function chargesTable(lines: number): RawTable {
  const rows: CellValue[][] = [];
  for (let i = 0; i < lines; i++) {
    const dos = 45900 + (i % 365);
    rows.push([
      `L${i + 1}`,
      `C${Math.floor(i / 3) + 1}`,
      `P${(i % 4000) + 1}`,
      i % 5 === 0 ? "SELF" : "MCR",
      "1234567893",
      dos,
      "11",
      i % 2 ? "99213" : "J1100",
      i % 7 === 0 ? "25" : null,
      null,
      null,
      null,
      "E11.9",
      "I10",
      null,
      null,
      1,
      125.5 + (i % 40),
      dos + 3,
      null,
      null,
    ]);
  }
  return { name: "Charges", sheet: "Charges", headers: HEADERS, rows, rowCount: lines, headerRow: 1 };
}

export function benchParseTable(lines: number) {
  const raw = chargesTable(lines);
  let start = performance.now();
  let checked = 0;
  for (const row of raw.rows) {
    if (parseMoney(row[17]).ok && parseDate(row[5]).ok && parseDate(row[18]).ok) checked++;
  }
  const baselineSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const parsed = parseTable(Charges, raw);
  const seconds = (performance.now() - start) / 1000;
  // The rows as objects, which parseTable makes only when they are read (a report over columns never does).
  start = performance.now();
  const rows = parsed.rows;
  const rowsSeconds = (performance.now() - start) / 1000;
  if (rows.length !== lines || checked !== lines) throw new Error(`bench data invalid: ${parsed.issues.length} issues`);
  return { lines, seconds, rowsSeconds, rowsPerSecond: lines / seconds, baselineSeconds, ratio: seconds / baselineSeconds };
}
