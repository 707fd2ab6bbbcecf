// `medbill underpayments` on a hand-made workbook (the books of test/contracts/underpaid.test.ts, where
// each figure is worked out): the lines paid under contract, biggest shortfall first, the totals by
// payer, CSV, the "Underpaid" sheet --out writes, and a workbook without contracts refused in words.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTableOp } from "../../src/workbook/plan";
import { Charges, Contracts, Payers, Payments, Postings, Practice, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { charge, FIXTURE_PAYERS, payment, posting, tableOf } from "../ledger/ledgerFixtures";
import { cellsOf, tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-underpaid-");

const charges = [
  charge("L1", { claimId: "C1", code: "99213", amount: 13000, dos: "2026-05-01" }),
  charge("L2", { claimId: "C1", code: "99214", amount: 38000, units: 2, dos: "2026-05-02" }),
  charge("L3", { claimId: "C2", code: "99213", amount: 13000, dos: "2026-05-03" }),
];
const payments = [payment("PM1", 36450, { date: "2026-06-01" })];
const postings = [
  posting("T1", "L1", { paymentId: "PM1", paid: 7000, adjustment: 4200, group: "CO", reason: "45", date: "2026-06-01" }),
  posting("T2", "L1", { group: "PR", reason: "2", patientResp: 1800, date: "2026-06-01" }),
  posting("T3", "L2", { paymentId: "PM1", paid: 20000, adjustment: 13000, group: "CO", reason: "45", date: "2026-06-01" }),
  posting("T4", "L2", { group: "PR", reason: "1", patientResp: 5000, date: "2026-06-01" }),
  posting("T5", "L3", { paymentId: "PM1", paid: 9450, adjustment: 3550, group: "CO", reason: "45", date: "2026-06-01" }),
];
const contracts = [
  { payerId: "MCR", code: "99213", allowed: 9500 },
  { payerId: "MCR", code: "99214", allowed: 13000 },
];

async function book(path: string, withContracts: boolean): Promise<void> {
  const tables: [TableDef, object[]][] = [
    [Charges, charges],
    [Payments, payments],
    [Postings, postings],
    [Payers, FIXTURE_PAYERS],
    [Practice, [{ setting: "Underpayment Tolerance", value: "1.00" }]],
    ...(withContracts ? ([[Contracts, contracts]] as [TableDef, object[]][]) : []),
  ];
  const wb = XlsxWorkbook.create();
  await wb.write(tables.map(([def, rows]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows })));
  writeFileSync(path, await wb.save());
}

describe("medbill underpayments", () => {
  it("prints the lines paid under contract, biggest shortfall first, and the totals by payer", async () => {
    const path = file("books.xlsx");
    await book(path, true);
    const t = terminal();
    expect(await t.run("underpayments", path, "--as-of", "2026-06-15")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out[0]).toBe(`Underpaid lines in ${path} as of 2026-06-15: allowed under contract by more than $1.00`);
    expect(cellsOf(t.out[1])).toEqual([
      "Claim",
      "Line",
      "Payer",
      "Code",
      "DOS",
      "Expected",
      "Allowed",
      "Paid",
      "Variance",
      "Age (days)",
      "Last paid",
    ]);
    expect(t.out[2]).toMatch(/^-+( +-+)+$/);
    expect(cellsOf(t.out[3])).toEqual([
      "C1",
      "L2",
      "MCR",
      "99214",
      "2026-05-02",
      "$260.00",
      "$250.00",
      "$200.00",
      "-$10.00",
      "44",
      "2026-06-01",
    ]);
    expect(cellsOf(t.out[4])).toEqual([
      "C1",
      "L1",
      "MCR",
      "99213",
      "2026-05-01",
      "$95.00",
      "$88.00",
      "$70.00",
      "-$7.00",
      "45",
      "2026-06-01",
    ]);
    expect(cellsOf(t.out[6])).toEqual(["Total (2 lines)", "-$17.00"]);
    expect(cellsOf(t.out.find((l) => l.startsWith("MCR"))!)).toEqual(["MCR", "2", "$355.00", "$338.00", "-$17.00"]);

    const csv = terminal();
    expect(await csv.run("underpayments", path, "--as-of", "2026-06-15", "--csv")).toBe(0);
    expect(csv.out).toEqual([
      "Claim,Line,Payer,Code,DOS,Expected,Allowed,Paid,Variance,Age (days),Last paid",
      "C1,L2,MCR,99214,2026-05-02,260.00,250.00,200.00,-10.00,44,2026-06-01",
      "C1,L1,MCR,99213,2026-05-01,95.00,88.00,70.00,-7.00,45,2026-06-01",
    ]);
  });

  it("writes the Underpaid sheet with --out, leaving the workbook as it was", async () => {
    const path = file("sheet.xlsx");
    await book(path, true);
    const before = readFileSync(path);
    const out = file("underpaid-report.xlsx");
    expect(await terminal().run("underpayments", path, "--as-of", "2026-06-15", "--out", out)).toBe(0);
    expect(readFileSync(path).equals(before)).toBe(true);
    const info = await (await XlsxWorkbook.load(readFileSync(out))).describe();
    expect(info.sheets).toContain("Underpaid 2026-06-15");
  });

  it("says a workbook without a Contracts table cannot be checked, and exits 1", async () => {
    const path = file("nocontracts.xlsx");
    await book(path, false);
    const t = terminal();
    expect(await t.run("underpayments", path)).toBe(1);
    expect(t.err[0]).toBe(`${path} has no Contracts table: run Setup in the add-in to create it, and enter each payer's rates.`);
    expect(await terminal().run("underpayments", path, "--from", "2026-06-01", "--to", "2026-05-01")).toBe(2);
  });
});
