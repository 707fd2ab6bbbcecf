// `medbill plans` on a hand-made workbook: the list with each plan's standing (behind first, account IDs
// and figures only), CSV, `add` writing one PaymentPlans row and refusing a bad request without writing,
// `cancel` setting the Status. The accounts (self-pay):
//   P1 owes $600.00; plan PP000001 from 2026-04-15, $100.00 a month, $600.00; paid $100.00 on 04-15:
//      as of 2026-06-30 May 15 and June 15 are unpaid, $200.00 behind, May 15 missed (46 days > 10).
//   P2 owes $300.00 and has no plan.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../src/workbook/mapTable";
import { createTableOp } from "../../src/workbook/plan";
import { Charges, Patients, PaymentPlans, Payers, Payments, Postings, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { charge, FIXTURE_PAYERS, payment, posting, tableOf } from "../ledger/ledgerFixtures";
import { cellsOf, tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-plans-");

async function book(path: string): Promise<void> {
  const tables: [TableDef, object[]][] = [
    [Charges, [charge("C1", { payerId: "SELF", amount: 70000 }), charge("C2", { patientId: "P2", payerId: "SELF", amount: 30000 })]],
    [Payments, [payment("M1", 10000, { patientId: "P1", date: "2026-04-15" })]],
    [Postings, [posting("S1", "C1", { paymentId: "M1", paid: 10000, date: "2026-04-15" })]],
    [Payers, FIXTURE_PAYERS],
    [
      Patients,
      [
        { patientId: "P1", lastName: "Doe", firstName: "Jane" },
        { patientId: "P2", lastName: "Roe", firstName: "Rick" },
      ],
    ],
    [
      PaymentPlans,
      [{ paymentPlanId: "PP000001", patientId: "P1", startDate: "2026-04-15", installment: 10000, total: 60000, status: "Active" }],
    ],
  ];
  const wb = XlsxWorkbook.create();
  await wb.write(tables.map(([def, rows]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows })));
  writeFileSync(path, await wb.save());
}

async function plans(path: string) {
  const wb = await XlsxWorkbook.load(readFileSync(path));
  return parseTable(PaymentPlans, (await wb.readTables([PaymentPlans.name]))[PaymentPlans.name]!, 1900).rows;
}

describe("medbill plans", () => {
  it("lists each plan's standing with account IDs and figures, no names", async () => {
    const path = file("list.xlsx");
    await book(path);
    const t = terminal();
    expect(await t.run("plans", path, "--as-of", "2026-06-30")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out[0]).toBe(`Payment plans in ${path} as of 2026-06-30 (an installment is missed 10 days after its due date)`);
    expect(t.out[1]).toBe("1 plan: 1 being paid, 1 behind ($200.00), 1 with a missed installment.");
    const row = cellsOf(t.out.find((l) => l.startsWith("PP000001"))!);
    expect(row).toEqual([
      "PP000001",
      "P1",
      "Missed",
      "2026-04-15",
      "$100.00",
      "$600.00",
      "$100.00",
      "1 of 6",
      "$200.00",
      "2026-07-15",
      "$100.00",
      "$500.00",
      "missed 2026-05-15",
    ]);
    expect(t.text()).not.toMatch(/Doe|Jane/);
  });

  it("prints the same rows as CSV", async () => {
    const path = file("csv.xlsx");
    await book(path);
    const t = terminal();
    expect(await t.run("plans", path, "--as-of", "2026-06-30", "--csv")).toBe(0);
    expect(t.out[1]).toBe("PP000001,P1,Missed,2026-04-15,100.00,600.00,100.00,1 of 6,200.00,2026-07-15,100.00,500.00,missed 2026-05-15");
  });

  it("adds a plan, refuses a bad one without writing, and cancels one", async () => {
    const path = file("add.xlsx");
    await book(path);
    const before = readFileSync(path);
    const refused = terminal();
    expect(await refused.run("plans", "add", path, "--patient", "P1", "--installment", "50", "--start", "2026-07-01")).toBe(1);
    expect(refused.err).toEqual([
      "Nothing was written: 1 problem.",
      "  Patient P1 already has an active payment plan (PP000001, PaymentPlans row 2): cancel it first.",
    ]);
    expect(readFileSync(path).equals(before)).toBe(true);
    const over = terminal();
    expect(await over.run("plans", "add", path, "--patient", "P2", "--installment", "50", "--start", "2026-07-01", "--total", "400")).toBe(
      1,
    );
    expect(over.err[1]).toBe("  The plan total $400.00 is more than the patient's balance of $300.00.");

    const t = terminal();
    expect(await t.run("plans", "add", path, "--patient", "P2", "--installment", "$125", "--start", "2026-07-01", "--day", "31")).toBe(0);
    expect(t.out).toEqual([
      "Patient balance $300.00; 3 installments of $125.00 from 2026-07-31, the last $50.00 on 2026-09-30.",
      `Payment plan PP000002 for account P2: 3 installments of $125.00 from 2026-07-31, the last $50.00 on 2026-09-30. Saved ${path}.`,
    ]);
    expect((await plans(path))[1]).toMatchObject({
      paymentPlanId: "PP000002",
      patientId: "P2",
      installment: 12500,
      total: 30000,
      dayOfMonth: 31,
    });

    const c = terminal();
    expect(await c.run("plans", "cancel", path, "PP000001")).toBe(0);
    expect(c.out[1]).toBe(`Payment plan PP000001 for account P1 cancelled. Saved ${path}.`);
    expect((await plans(path)).map((p) => p.status)).toEqual(["Cancelled", "Active"]);
  });

  it("says what is wrong with the command line", async () => {
    const t = terminal();
    expect(await t.run("plans", "add", file("none.xlsx"), "--patient", "P1", "--installment", "0", "--start", "2026-07-01")).toBe(2);
    expect(t.err[0]).toBe('--installment must be an amount more than 0, like 50 or 50.00, not "0".');
  });
});
