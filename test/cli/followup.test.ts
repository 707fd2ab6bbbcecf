// `medbill followup` on a hand-made workbook as of 2026-06-30: the lists (a denial, a silent claim, a claim
// near its filing limit, an underpaid line), CSV, the sheet --out writes; `set` and `write-off` writing
// FollowUp rows and postings, and refusing a bad request without writing anything.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../src/workbook/mapTable";
import { createTableOp } from "../../src/workbook/plan";
import { Charges, Contracts, FollowUp, Payers, Payments, Postings, Practice, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { charge, FIXTURE_PAYERS, payment, posting, tableOf } from "../ledger/ledgerFixtures";
import { cellsOf, tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-followup-");

const charges = [
  // Denied CO-50 on 05-01; Medicare (no Appeal Days): the Practice's 60 here, so 06-30 is the last day.
  charge("L1", { claimId: "C1", dos: "2026-04-01", billedDate: "2026-04-02" }),
  // Billed 05-01, never answered: 60 days.
  charge("L2", { claimId: "C2", dos: "2026-04-20", amount: 5000, billedDate: "2026-05-01" }),
  // SEC, not billed: 180 days from 01-20 is 07-19, 19 days left.
  charge("L3", { claimId: "C3", payerId: "SEC", dos: "2026-01-20" }),
  // Paid $60 + $20 deductible = $80 allowed, contract $90.
  charge("L4", { claimId: "C4", dos: "2026-03-09", billedDate: "2026-03-10" }),
];
const payments = [payment("PM1", 6000, { date: "2026-04-01" })];
const postings = [
  posting("T1", "L1", { group: "CO", reason: "50", paid: 0, adjustment: 0, date: "2026-05-01", source: "ERA" }),
  posting("T2", "L4", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45", date: "2026-04-01" }),
  posting("T3", "L4", { group: "PR", reason: "1", patientResp: 2000, date: "2026-04-01" }),
];

async function book(path: string): Promise<void> {
  const tables: [TableDef, object[]][] = [
    [Charges, charges],
    [Payments, payments],
    [Postings, postings],
    [Payers, FIXTURE_PAYERS],
    [Practice, [{ setting: "Appeal Days", value: "60" }]],
    [Contracts, [{ payerId: "MCR", code: "99213", allowed: 9000 }]],
  ];
  const wb = XlsxWorkbook.create();
  await wb.write(tables.map(([def, rows]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows })));
  writeFileSync(path, await wb.save());
}

async function tableRows<D extends TableDef>(path: string, def: D) {
  const wb = await XlsxWorkbook.load(readFileSync(path));
  const raw = (await wb.readTables([def.name]))[def.name];
  return raw ? parseTable(def, raw, 1900).rows : undefined;
}

describe("medbill followup", () => {
  it("prints the four lists with a summary, each item's why and next step", async () => {
    const path = file("lists.xlsx");
    await book(path);
    const t = terminal();
    expect(await t.run("followup", path, "--as-of", "2026-06-30")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out.slice(0, 5)).toEqual([
      `Follow-up in ${path} as of 2026-06-30`,
      "  Denied: 1 item, $100.00",
      "  Underpaid: 1 item, $10.00",
      "  No response: 1 item, $50.00",
      "  Filing limit: 1 item, $100.00",
    ]);
    const rows = t.out.map(cellsOf);
    expect(rows.find((r) => r[0] === "List")).toEqual([
      "List",
      "Claim",
      "Line",
      "Payer",
      "Code",
      "DOS",
      "Amount",
      "Days",
      "Deadline",
      "Why",
      "Next step",
      "Status",
      "Follow-up",
    ]);
    const body = rows.filter((r) => ["Denied", "Underpaid", "No response", "Filing limit"].includes(r[0]));
    expect(body.map((r) => r.slice(0, 2))).toEqual([
      ["Denied", "C1"],
      ["Underpaid", "C4"],
      ["No response", "C2"],
      ["Filing limit", "C3"],
    ]);
    expect(body[0]).toContain("Denied 2026-05-01: CO-50 not medically necessary, in the payer's judgment");
    expect(body[0]).toContain("appeal");
    expect(body[0]).toContain("2026-06-30");
    expect(body[2]).toContain("Billed 2026-05-01, no answer in 60 days (1 line)");
    expect(body[3]).toContain("Not billed; 19 days left of the 180-day filing limit");
  });

  it("keeps to one list, prints CSV, and writes the Follow-up sheet with --out", async () => {
    const path = file("csv.xlsx");
    await book(path);
    const t = terminal();
    expect(await t.run("followup", path, "--as-of", "2026-06-30", "--list", "no-response", "--csv")).toBe(0);
    expect(t.out).toEqual([
      "List,Claim,Line,Payer,Code,DOS,Amount,Days,Deadline,Why,Next step,Status,Follow-up,Note",
      'No response,C2,,MCR,,2026-04-20,50.00,60,,"Billed 2026-05-01, no answer in 60 days (1 line)",check the claim\'s status with the payer,Open,,',
    ]);
    const out = file("csv-out.xlsx");
    const u = terminal();
    expect(await u.run("followup", path, "--as-of", "2026-06-30", "--out", out)).toBe(0);
    const wb = await XlsxWorkbook.load(readFileSync(out));
    expect((await wb.describe()).sheets).toContain("Follow-up 2026-06-30");
    expect(await u.run("followup", path, "--list", "everything")).toBe(2);
    expect(u.err[0]).toBe("--list everything: use one of denied, underpaid, no-response, filing-limit, rejected.");
  });

  it("set writes a FollowUp row per item (the table made when missing), and the list shows the status", async () => {
    const path = file("set.xlsx");
    await book(path);
    const t = terminal();
    expect(
      await t.run(
        "followup",
        "set",
        path,
        "L1",
        "C2",
        "--status",
        "appealed",
        "--follow-up",
        "2026-07-15",
        "--note",
        "Records sent",
        "--date",
        "2026-06-30",
      ),
    ).toBe(0);
    expect(t.out).toEqual([`2 items set to Appealed, follow up 2026-07-15. Saved ${path}.`]);
    // Made with the table, the rows carry no plan id (the table is the plan's whole: plan.ts).
    expect(await tableRows(path, FollowUp)).toEqual([
      {
        date: "2026-06-30",
        claimId: "C1",
        chargeId: "L1",
        status: "Appealed",
        followUpDate: "2026-07-15",
        note: "Records sent",
      },
      { date: "2026-06-30", claimId: "C2", status: "Appealed", followUpDate: "2026-07-15", note: "Records sent" },
    ]);
    const u = terminal();
    expect(await u.run("followup", path, "--as-of", "2026-06-30", "--csv", "--list", "denied")).toBe(0);
    expect(u.out[1]).toMatch(/,Appealed,2026-07-15,Records sent$/);
    // Closed takes it off the list; --done shows it again.
    expect(await terminal().run("followup", "set", path, "C2", "--status", "closed", "--date", "2026-06-30")).toBe(0);
    const v = terminal();
    expect(await v.run("followup", path, "--as-of", "2026-06-30")).toBe(0);
    expect(v.out).toContain("  No response: 0 items, $0.00");
    expect(v.out).toContain("  1 item written off or closed, not listed (--done lists them).");
  });

  it("write-off posts what the payer owes with the reason and marks the item Written off", async () => {
    const path = file("writeoff.xlsx");
    await book(path);
    const t = terminal();
    expect(
      await t.run("followup", "write-off", path, "L1", "--reason", "Denial not appealed", "--list", "denied", "--date", "2026-06-30"),
    ).toBe(0);
    expect(t.out).toEqual(["  L1: balance after $0.00", `1 item written off (1 line, $100.00). Saved ${path}.`]);
    const rows = await tableRows(path, Postings);
    expect(rows?.at(-1)).toMatchObject({
      chargeId: "L1",
      adjustment: 10000,
      group: "WO",
      note: "Office adjustment: Denial not appealed",
      date: "2026-06-30",
    });
    expect(await tableRows(path, FollowUp)).toEqual([
      {
        date: "2026-06-30",
        claimId: "C1",
        chargeId: "L1",
        list: "Denied",
        status: "Written off",
        note: "Denial not appealed",
      },
    ]);
  });

  it("refuses a bad request in words and writes nothing", async () => {
    const path = file("refused.xlsx");
    await book(path);
    const before = readFileSync(path);
    const t = terminal();
    expect(await t.run("followup", "set", path, "L9", "--status", "Appealed")).toBe(1);
    expect(t.err).toEqual(["Nothing was written: 1 problem.", "  No line or claim L9 in the Charges table."]);
    const u = terminal();
    expect(await u.run("followup", "set", path, "L1", "--status", "Appealed", "--date", "2026-06-30", "--follow-up", "2026-06-01")).toBe(1);
    expect(u.err[1]).toBe("  The follow-up date 2026-06-01 is before 2026-06-30: choose a day to come back to it.");
    const v = terminal();
    expect(await v.run("followup", "write-off", path, "L4", "--reason", "short")).toBe(1);
    expect(v.err[1]).toBe("  The payer owes nothing on these lines: there is nothing to write off.");
    const w = terminal();
    expect(await w.run("followup", "write-off", path, "L1")).toBe(1);
    expect(w.err[1]).toBe("  Say why the office is writing it off (for example: denial not appealed, timely filing missed).");
    expect(await terminal().run("followup", "set", path, "L1", "--status", "maybe")).toBe(2);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
