// `medbill credits` and `medbill refunds` on the hand-made credit books (test/credits/creditFixtures.ts):
// the listing (Medicare first with days left, IDs and figures, no names), CSV and the sheet; a refund
// of a line paid twice and of a payment's unapplied money, the register with the unpaid flagged, the
// check recorded later; refusals that write nothing; and the exit codes.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTable } from "../../src/workbook/mapTable";
import { createTableOp } from "../../src/workbook/plan";
import { Charges, Patients, Payers, Payments, Postings, Refunds, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FIXTURE_PAYERS, tableOf } from "../ledger/ledgerFixtures";
import { creditBooks } from "../credits/creditFixtures";
import { cellsOf, tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-credits-");

async function book(path: string): Promise<void> {
  const b = creditBooks();
  const tables: [TableDef, object[]][] = [
    [Charges, b.charges],
    [Payments, b.payments!],
    [Postings, b.postings!],
    [Payers, FIXTURE_PAYERS],
    [Patients, [{ patientId: "P1", lastName: "Zzyzx", firstName: "Quentin", dob: "1950-01-01" }]],
  ];
  const wb = XlsxWorkbook.create();
  await wb.write(tables.map(([def, rows]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows })));
  writeFileSync(path, await wb.save());
}

async function register(path: string) {
  const wb = await XlsxWorkbook.load(readFileSync(path));
  const raw = (await wb.readTables([Refunds.name]))[Refunds.name];
  return raw ? parseTable(Refunds, raw, 1900).rows : undefined;
}

describe("medbill credits", () => {
  it("lists Medicare's credits first with the days left, then the rest oldest first, with IDs and figures and no names", async () => {
    const path = file("list.xlsx");
    await book(path);
    const t = terminal();
    expect(await t.run("credits", path, "--as-of", "2026-03-01")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.text()).not.toMatch(/Zzyzx|Quentin/);
    const rows = t.out.map(cellsOf);
    expect(rows.find((r) => r[0] === "Account")).toEqual([
      "Account",
      "To",
      "Payer",
      "Payment",
      "Line",
      "Amount",
      "Identified",
      "Medicare",
      "How it arose",
    ]);
    const body = rows.filter((r) => ["Patient", "Payer"].includes(r[1]) || ["Patient", "Payer"].includes(r[0]));
    expect(body.map((r) => r.join("|"))).toEqual([
      "Payer|MCR|PM6|$50.00|2025-12-01|30 days overdue|Medicare Part B paid $50.00 on 2025-12-01 (PM6), not applied to any line",
      "P1|Payer|MCR|PM3|L1|$80.00|2026-02-20|51 days left|Medicare Part B paid line L1 twice (PM2 and PM3)",
      "P1|Patient|PM1|$20.00|2026-02-01|Patient paid $25.00 on 2026-02-01 (PM1), not applied to any line; $5.00 already refunded",
      "P2|Patient|PM4|L2|$40.00|2026-02-02|Second Health Plan paid $100.00 on 2026-02-02 after the patient paid $40.00 on line L2",
    ]);
    expect(t.out).toContain("Medicare: 2 credits, 1 overdue.");
    expect(rows.find((r) => r[0].startsWith("Total"))).toEqual(["Total (4 credits)", "$190.00"]);
  });

  it("prints CSV, and writes the Credit balances sheet with --out", async () => {
    const path = file("csv.xlsx");
    await book(path);
    const t = terminal();
    expect(await t.run("credits", path, "--as-of", "2026-03-01", "--csv")).toBe(0);
    expect(t.out[0]).toBe("Account,To,Payer,Payment,Line,Amount,Identified,Medicare,How it arose");
    expect(t.out[2]).toBe("P1,Payer,MCR,PM3,L1,80.00,2026-02-20,51 days left,Medicare Part B paid line L1 twice (PM2 and PM3)");
    const out = file("csv-out.xlsx");
    const s = terminal();
    expect(await s.run("credits", path, "--as-of", "2026-03-01", "--out", out)).toBe(0);
    expect(s.out).toContain(`Wrote the sheet "Credit balances 2026-03-01" to ${out}.`);
    const sheet = (await (await XlsxWorkbook.load(readFileSync(out))).readSheet("Credit balances 2026-03-01"))!;
    expect(sheet[3].slice(0, 3)).toEqual(["Account", "Refund to", "Payer"]);
    expect(sheet[4].slice(0, 10)).toEqual([null, "Payer", "MCR", "Medicare", "PM6", null, "unapplied", 50, expect.any(Number), -30]);
  });
});

describe("medbill refunds", () => {
  it("refunds a line paid twice to the payer, then a payment's money to the patient, lists the register and records the check", async () => {
    const path = file("refunds.xlsx");
    await book(path);
    const add = terminal();
    expect(
      await add.run(
        "refunds",
        "add",
        path,
        "--charge",
        "L1",
        "--to",
        "payer",
        "--amount",
        "80.00",
        "--reason",
        "Paid twice by Medicare",
        "--date",
        "2026-02-25",
      ),
    ).toBe(0);
    expect(add.err).toEqual([]);
    expect(add.out).toEqual([
      "  L1: balance after $0.00",
      `refund RF000001 of $80.00 to the payer from PM3 taken off line L1 by check (PM8). Saved ${path}.`,
    ]);
    const second = terminal();
    expect(
      await second.run(
        "refund",
        "add",
        path,
        "--payment",
        "PM1",
        "--to",
        "patient",
        "--amount",
        "20",
        "--reason",
        "Prepaid",
        "--check",
        "5001",
        "--date",
        "2026-02-26",
      ),
    ).toBe(0);

    const list = terminal();
    expect(await list.run("refunds", path)).toBe(0);
    const rows = list.out.map(cellsOf).filter((r) => r[0].startsWith("RF"));
    expect(rows.map((r) => [r[0], r[2], r.find((c) => c.startsWith("$")), r[r.length - 2], r[r.length - 1]])).toEqual([
      ["RF000001", "Payer", "$80.00", "UNPAID", "Paid twice by Medicare"],
      ["RF000002", "Patient", "$20.00", "Paid", "Prepaid"],
    ]);
    expect(list.out[list.out.length - 1]).toMatch(/^2 refunds, \$100\.00; 1 unpaid, \$80\.00 \(record a check/);

    const paid = terminal();
    expect(await paid.run("refunds", "paid", path, "--refund", "RF000001", "--check", "10442", "--date", "2026-02-27")).toBe(0);
    expect(paid.out).toEqual([`refund RF000001: check 10442 paid 2026-02-27. Saved ${path}.`]);
    expect((await register(path))!.map((r) => [r.refundId, r.checkNumber, r.paidDate])).toEqual([
      ["RF000001", "10442", "2026-02-27"],
      ["RF000002", "5001", "2026-02-26"],
    ]);
    const credits = terminal();
    await credits.run("credits", path, "--as-of", "2026-03-01", "--csv");
    expect(credits.out.slice(1).map((l) => l.split(",")[3])).toEqual(["PM6", "PM4"]);
  });

  it("refuses a refund without a reason or to the wrong party, writing nothing (exit 1), and a bad command line (exit 2)", async () => {
    const path = file("refused.xlsx");
    await book(path);
    const before = readFileSync(path);
    const t = terminal();
    expect(await t.run("refunds", "add", path, "--payment", "PM6", "--to", "patient", "--amount", "50", "--date", "2026-02-25")).toBe(1);
    expect(t.err).toEqual([
      "Nothing was written: 2 problems.",
      "  Say why the money is refunded: the refund register needs a reason.",
      "  PM6 is the payer's (MCR) money: its credit goes back to the payer, not the patient.",
    ]);
    expect(readFileSync(path).equals(before)).toBe(true);
    const paid = terminal();
    expect(await paid.run("refunds", "paid", path, "--refund", "RF000009", "--check", "1")).toBe(1);
    expect(paid.err).toEqual([
      "Nothing was written: 1 problem.",
      "  The workbook has no Refunds table: a refund is recorded there when it is issued.",
    ]);
    const usage = terminal();
    expect(await usage.run("refunds", "add", path, "--amount", "5", "--to", "payer")).toBe(2);
    expect(usage.err.join("\n")).toContain("Say which credit to refund: --payment PM000123");
  });
});
