// `medbill kpis` on the hand-worked ledger of test/reports/kpisBreakdownBooks.ts, written to a real
// .xlsx: the clean-claim rate among the KPIs, then the denials by reason and by payer as aligned
// tables; with --csv every row, the breakdowns included, has the same five columns and reads back
// as CSV; --out writes both sections on the sheet.
import { readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createTableOp } from "../../src/workbook/plan";
import { Charges, Payers, Payments, Postings, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tableOf } from "../ledger/ledgerFixtures";
import { AS_OF, BREAKDOWN_BOOKS } from "../reports/kpisBreakdownBooks";
import { cellsOf, cents, tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-kpis-");
const book = file("books.xlsx");
const PERIOD = ["--from", "2026-06-01", "--to", "2026-06-30", "--as-of", AS_OF];

/** A CSV line's fields (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  const field = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g;
  for (const m of line.matchAll(field)) fields.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]);
  return fields;
}

beforeAll(async () => {
  const workbook = XlsxWorkbook.create();
  const table = (def: TableDef, rows: object[]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows });
  await workbook.write([
    table(Payers, BREAKDOWN_BOOKS.payers!),
    table(Charges, BREAKDOWN_BOOKS.charges),
    table(Payments, BREAKDOWN_BOOKS.payments!),
    table(Postings, BREAKDOWN_BOOKS.postings!),
  ]);
  writeFileSync(book, await workbook.save());
});

describe("medbill kpis: the clean-claim rate and the denials by reason and by payer", () => {
  it("prints the clean-claim rate with its inputs, then the two tables", async () => {
    const t = terminal();
    expect(await t.run("kpis", book, ...PERIOD)).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out.find((l) => l.startsWith("Clean-claim rate"))).toMatch(/ {2}30\.0%$/);
    expect(t.out).toContain("    Clean claims: 3 claims");

    const reasons = t.out.indexOf("Denials by reason (a claim denied for several reasons counts under each)");
    expect(reasons).toBeGreaterThan(t.out.findIndex((l) => l.startsWith("Clean-claim rate")));
    expect(cellsOf(t.out[reasons + 1])).toEqual(["Reason", "Claims", "% of adjudicated", "Denied amount", "Meaning"]);
    const reasonRows = t.out.slice(reasons + 3, reasons + 6).map(cellsOf);
    expect(reasonRows).toEqual([
      ["CO-16", "3", "30.0%", "$420.00", "information is missing or wrong on the claim (see the remark codes)"],
      ["CO-197", "1", "10.0%", "$100.00", "authorization, precertification or notification was missing"],
      ["PR-96", "1", "10.0%", "$50.00", "not covered by the plan"],
    ]);
    expect(cents(reasonRows[0][3])).toBe(42000);

    const payers = t.out.indexOf("Denials by payer");
    expect(payers).toBe(reasons + 7);
    expect(t.out.slice(payers + 1).map(cellsOf)).toEqual([
      ["Payer", "Name", "Adjudicated", "Denied", "Denial rate"],
      [expect.stringMatching(/^-+$/), "-".repeat("Second Health Plan".length), "-----------", "------", "-----------"],
      ["MCR", "Medicare Part B", "4", "2", "50.0%"],
      ["SEC", "Second Health Plan", "4", "2", "50.0%"],
      ["BCB", "Blue Plan", "2", "0", "0.0%"],
    ]);
  });

  it("keeps the CSV one table of five columns: each KPI, then each reason and each payer", async () => {
    const t = terminal();
    expect(await t.run("kpis", book, ...PERIOD, "--csv")).toBe(0);
    const rows = t.out.map(csvFields);
    expect(rows[0]).toEqual(["KPI", "Value", "Unit", "Definition", "Inputs"]);
    for (const row of rows) expect(row).toHaveLength(5);
    // 8 KPIs and 3 payers' days to pay, then 3 reasons and 3 payers.
    expect(rows).toHaveLength(1 + 11 + 6);
    expect(rows.find((r) => r[0] === "Clean-claim rate")!.slice(1, 3)).toEqual(["30.0", "%"]);
    expect(rows.slice(-6).map((r) => r.slice(0, 3))).toEqual([
      ["Denials by reason: CO-16", "30.0", "%"],
      ["Denials by reason: CO-197", "10.0", "%"],
      ["Denials by reason: PR-96", "10.0", "%"],
      ["Denials by payer: MCR", "50.0", "%"],
      ["Denials by payer: SEC", "50.0", "%"],
      ["Denials by payer: BCB", "0.0", "%"],
    ]);
    expect(rows.at(-6)![4]).toBe(
      "Denied claims: 3 claims; Adjudicated claims: 10 claims; Denied amount (charges of the lines denied): $420.00",
    );
  });

  it("writes both sections on the KPI sheet with --out", async () => {
    const t = terminal();
    const out = file("kpis.xlsx");
    expect(await t.run("kpis", book, ...PERIOD, "--out", out)).toBe(0);
    const sheet = (await (await XlsxWorkbook.load(readFileSync(out))).readSheet("KPIs 2026-06-01 to 2026-06-30"))!;
    const reasons = sheet.findIndex((r) => r[0] === "Denials by reason");
    expect(sheet[reasons + 2].slice(0, 4)).toEqual(["CO-16", 3, 0.3, 420]);
    const payers = sheet.findIndex((r) => r[0] === "Denials by payer");
    expect(sheet[payers + 4].slice(0, 4)).toEqual(["BCB", 2, 0, 0]);
  });
});
