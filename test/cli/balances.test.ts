// `medbill balances`, run in-process on real .xlsx files in a temporary folder: on a sample practice
// every printed line, group and total is what lineBalances and balancesBy say for the same file (read
// back through the xlsx adapter), as text and as CSV, with and without an as-of date; on a small
// hand-made ledger a credit is shown apart and ledger problems come first with exit 1 (on stderr with
// --csv, so stdout stays CSV); a wrong command line or an unreadable file ends with exit 2.
import { readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/medbill";
import { isoToSerial } from "../../src/dates";
import { balancesBy, lineBalances, type BalanceGroup, type LineBalance } from "../../src/ledger/balances";
import { readLedger } from "../../src/ledger/ledger";
import { agingReport, DEFAULT_BOUNDS } from "../../src/reports/aging";
import { formatMoney, type Cents } from "../../src/money";
import { createTableOp } from "../../src/workbook/plan";
import type { CellValue, WriteOp } from "../../src/workbook/port";
import { Charges, Payers, Payments, Postings } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { cellsOf, cents, tempFolder, terminal, writeSample } from "./terminal";

const { file } = tempFolder("medbill-balances-");

async function linesOf(name: string, asOf?: string): Promise<LineBalance[]> {
  const { ledger } = await readLedger(await XlsxWorkbook.load(readFileSync(name)));
  return lineBalances(ledger, asOf);
}

const MONEY = ["Charge", "Ins paid", "Pt paid", "Adjustments", "Pt resp", "Ins share", "Pt share", "Balance", "Credit"];

describe("medbill balances on a sample practice", () => {
  const sample = file("sample.xlsx");
  let lines: LineBalance[];

  beforeAll(async () => {
    await writeSample(sample, { lines: 400, seed: 3, asOf: "2026-06-30" });
    lines = await linesOf(sample);
  });

  it("prints every line, in Charges order, with the figures lineBalances gives, a total line, and exit 0", async () => {
    const t = terminal();
    expect(await t.run("balances", sample)).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out[0]).toBe(`Balances in ${sample}, by line, counting every posting`);
    expect(cellsOf(t.out[1])).toEqual(["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", ...MONEY, "Status"]);
    const rows = t.out.slice(3, 3 + lines.length).map(cellsOf);
    rows.forEach((cells, i) => {
      const line = lines[i];
      expect(cells.slice(0, 5)).toEqual([line.chargeId, line.claimId, line.patientId, line.payerId, line.dos]);
      expect(cents(cells[5])).toBe(line.charge);
      expect(cents(cells[6])).toBe(line.insurancePaid + line.otherPayerPaid);
      expect(cents(cells[7])).toBe(line.patientPaid);
      expect(cents(cells[12])).toBe(line.balance);
      expect(cells[cells.length - 1]).toBe(line.status);
    });
    const total = cellsOf(t.out[4 + lines.length]);
    expect(total[0]).toBe("Total (400 lines)");
    const sum = (f: (l: LineBalance) => Cents) => lines.reduce((s, l) => s + f(l), 0);
    expect(total[1]).toBe(formatMoney(sum((l) => l.charge)));
    expect(total[8]).toBe(formatMoney(sum((l) => l.balance)));
    expect(t.out[t.out.length - 1]).toBe("No credit balances.");
  });

  it.each(["claim", "patient", "payer"] as const)(
    "--by %s: one row per group with balancesBy's figures, and the same totals",
    async (by) => {
      const t = terminal();
      expect(await t.run("balances", sample, "--by", by)).toBe(0);
      const groups = new Map(balancesBy(lines, by as BalanceGroup).map((g) => [g.key, g]));
      const rows = t.out.slice(3, 3 + groups.size).map(cellsOf);
      expect(rows.map((r) => r[0]).sort()).toEqual([...groups.keys()].sort());
      for (const cells of rows) {
        const g = groups.get(cells[0])!;
        expect(Number(cells[1])).toBe(g.lines);
        expect(cells.slice(2).map(cents)).toEqual([
          g.charge,
          g.insurancePaid,
          g.patientPaid,
          g.adjustments,
          g.patientResp,
          g.insuranceShare,
          g.patientShare,
          g.balance,
          g.credit,
        ]);
      }
      const total = cellsOf(t.out[4 + groups.size]);
      expect(total[0]).toMatch(new RegExp(`^Total \\(${groups.size} ${by}s?\\)$`));
      expect(Number(total[1])).toBe(400);
      expect(cents(total[9])).toBe(lines.reduce((s, l) => s + l.balance, 0));
    },
  );

  it("--as-of counts only the lines served and the postings dated on or before it, as aging does", async () => {
    const then = await linesOf(sample, "2026-01-31");
    const byId = new Map(lines.map((l) => [l.chargeId, l]));
    expect(then.some((l) => l.balance !== byId.get(l.chargeId)!.balance)).toBe(true);
    // Lines served later are not on the books then: left out, never shown at their full charge.
    const servedLater = lines.filter((l) => l.dos > "2026-01-31");
    expect(servedLater.length).toBeGreaterThan(0);
    expect(then).toHaveLength(400 - servedLater.length);
    expect(then.every((l) => l.dos <= "2026-01-31")).toBe(true);
    const t = terminal();
    expect(await t.run("balances", sample, "--as-of", "2026-01-31", "--csv")).toBe(0);
    const rows = t.out.slice(1).map((l) => l.split(","));
    expect(rows).toHaveLength(then.length);
    rows.forEach((cells, i) => expect(cents(cells[12]), then[i].chargeId).toBe(then[i].balance));
    // The text view says how many it left out, and its total is the aging report's A/R plus its credits.
    const text = terminal();
    expect(await text.run("balances", sample, "--as-of", "2026-01-31", "--by", "payer")).toBe(0);
    expect(text.out[0]).toContain(`${servedLater.length} lines served after it left out`);
    const { ledger } = await readLedger(await XlsxWorkbook.load(readFileSync(sample)));
    const aging = agingReport(ledger, { asOf: "2026-01-31", bounds: DEFAULT_BOUNDS });
    const owed = then.filter((l) => l.balance >= 0).reduce((n, l) => n + l.balance, 0);
    expect(owed).toBe(aging.total);
    expect(then.filter((l) => l.balance < 0).reduce((n, l) => n + l.balance, 0)).toBe(aging.creditTotal);
  });

  it("--csv: a header row, then one row per line with money in plain dollars and no total", async () => {
    const t = terminal();
    expect(await t.run("balances", sample, "--csv")).toBe(0);
    expect(t.out[0]).toBe(
      "ChargeID,ClaimID,PatientID,PayerID,DOS,Charge,Ins paid,Pt paid,Adjustments,Pt resp,Ins share,Pt share,Balance,Credit,Status",
    );
    expect(t.out).toHaveLength(401);
    const first = t.out[1].split(",");
    expect(first[0]).toBe(lines[0].chargeId);
    expect(first[5]).toBe((lines[0].charge / 100).toFixed(2));
    for (const row of t.out.slice(1)) expect(row).toMatch(/^([^,]*,){5}(-?\d+\.\d\d,){8}(-?\d+\.\d\d)?,[a-z ]+$/);
  });

  it("--csv --by payer: a row per payer", async () => {
    const t = terminal();
    expect(await t.run("balances", sample, "--by", "PAYER", "--csv")).toBe(0);
    expect(t.out[0]).toBe("PayerID,Lines,Charge,Ins paid,Pt paid,Adjustments,Pt resp,Ins share,Pt share,Balance,Credit");
    expect(t.out.slice(1).map((r) => r.split(",")[0])).toEqual([...new Set(lines.map((l) => l.payerId))].sort());
  });
});

// ---- a hand-made ledger with a credit and a problem -------------------------------------------------

const d = (iso: string) => isoToSerial(iso);
// Rows are written as the sheet has them; columns added since (Plan) are left blank.
const table = (def: Parameters<typeof createTableOp>[0], rows: CellValue[][]) => {
  const width = Object.keys(def.fields).length;
  return createTableOp(
    def,
    rows.map((row) => [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill(null)]),
  );
};

function ledgerOps(postings: CellValue[][]): WriteOp[] {
  // Postings columns: PostingID, PaymentID, ChargeID, Date, Paid, Adjustment, Group, Reason, Patient Resp, Source, Reverses, Note
  return [
    table(Payers, [["MCR", "Medicare", "Medicare", null, 365]]),
    // A Charges row a line, as the sheet has them.
    // prettier-ignore
    table(Charges, [
      ["L1", "C1", "P1", "MCR", null, d("2026-01-05"), "11", "99213", null, null, null, null, "E11.9", null, null, null, 1, 200, null, null, null],
      ["L2", "C2", "P2", "SELF", null, d("2026-01-06"), "11", "99212", null, null, null, null, "E11.9", null, null, null, 1, 50, null, null, null],
      ["=L3", "C3", "P2", "SELF", null, d("2026-01-07"), "11", "99212", null, null, null, null, "E11.9", null, null, null, 1, 60, null, null, null],
    ]),
    table(Payments, [
      ["PM1", d("2026-02-10"), "MCR", null, "EFT", "EFT 1", 120, null],
      ["PM2", d("2026-01-06"), null, "P2", "Cash", "RCPT 1", 70, null],
    ]),
    table(Postings, postings),
  ];
}

const GOOD_POSTINGS: CellValue[][] = [
  ["T1", "PM1", "L1", d("2026-02-10"), 120, 50, "CO", "45", null, "ERA", null, null],
  ["T2", "PM1", "L1", d("2026-02-10"), null, null, "PR", "1", 30, "ERA", null, null],
  ["T3", "PM2", "L2", d("2026-01-06"), 70, null, null, null, null, "Manual", null, null],
];

async function writeLedger(name: string, postings: CellValue[][]): Promise<string> {
  const book = XlsxWorkbook.create();
  await book.write(ledgerOps(postings));
  writeFileSync(file(name), await book.save());
  return file(name);
}

describe("medbill balances on a hand-made ledger", () => {
  it("shows a credit apart: blank shares and balance on its line, in the Credit column and the note, not netted", async () => {
    const name = await writeLedger("credit.xlsx", GOOD_POSTINGS);
    const t = terminal();
    expect(await t.run("balances", name)).toBe(0);
    const rows = t.out.slice(3, 6).map((l) => l.trim().split(/\s+/));
    // L2 is self-pay, $50 billed and $70 paid: a $20 credit.
    expect(t.out[4]).toMatch(/^L2\s+C2\s+P2\s+SELF\s+2026-01-06\s+\$50\.00\s+\$0\.00\s+\$70\.00\s+\$0\.00\s+\$0\.00\s+-\$20\.00\s+credit$/);
    expect(rows[0].slice(-3)).toEqual(["$30.00", "patient", "due"]);
    const total = t.out[7].trim().split(/\s{2,}/);
    expect(total).toEqual(["Total (3 lines)", "$310.00", "$120.00", "$70.00", "$50.00", "$30.00", "$0.00", "$90.00", "$90.00", "-$20.00"]);
    expect(t.out[t.out.length - 1]).toBe(
      "Credits: $20.00 on 1 line (paid more than owed: refund or apply it), kept apart from the balances.",
    );
  });

  it("lists the ledger's problems first and exits 1", async () => {
    const name = await writeLedger("problems.xlsx", [
      ...GOOD_POSTINGS,
      ["T4", "PM1", "L1", d("2026-02-10"), "ten", null, null, null, null, "ERA", null, null],
      ["T5", "PM1", "L9", d("2026-02-10"), 5, null, null, null, null, "ERA", null, null],
    ]);
    const t = terminal();
    expect(await t.run("balances", name, "--by", "claim")).toBe(1);
    expect(t.out.slice(0, 4)).toEqual([
      `Balances in ${name}, by claim, counting every posting`,
      "Problems: 2 (a balance that rests on one of these rows may be wrong)",
      '  Postings row 5, Paid: "ten" is not an amount (write it like 1234.50 or $1,234.50)',
      '  Postings row 6, ChargeID: charge "L9" is not in the Charges table',
    ]);
    expect(cellsOf(t.out[5])[0]).toBe("ClaimID");
    expect(t.err).toEqual([]);
  });

  it("with --csv, problems go to stderr and stdout stays CSV; text that would start a formula is written as text", async () => {
    const name = await writeLedger("problems-csv.xlsx", [
      ...GOOD_POSTINGS,
      ["T4", "PM1", "L1", d("2026-02-10"), "ten", null, null, null, null, "ERA", null, null],
    ]);
    const t = terminal();
    expect(await t.run("balances", name, "--csv")).toBe(1);
    expect(t.err).toEqual([
      "Problems: 1 (a balance that rests on one of these rows may be wrong)",
      '  Postings row 5, Paid: "ten" is not an amount (write it like 1234.50 or $1,234.50)',
    ]);
    expect(t.out).toHaveLength(4);
    expect(t.out[2]).toBe("L2,C2,P2,SELF,2026-01-06,50.00,0.00,70.00,0.00,0.00,,,,-20.00,credit");
    expect(t.out[3]).toBe('"\'=L3",C3,P2,SELF,2026-01-07,60.00,0.00,0.00,0.00,0.00,0.00,60.00,60.00,,patient due');
  });

  it("a workbook without Postings or Payments tables says so and exits 1", async () => {
    const book = XlsxWorkbook.create();
    await book.write(ledgerOps(GOOD_POSTINGS).filter((op) => op.kind === "createTable" && ["Charges", "Payers"].includes(op.table)));
    writeFileSync(file("charges-only.xlsx"), await book.save());
    const t = terminal();
    expect(await t.run("balances", file("charges-only.xlsx"))).toBe(1);
    expect(t.out.slice(1, 4)).toEqual([
      "Problems: 2 (a balance that rests on one of these rows may be wrong)",
      "  The workbook has no Payments table (run Setup in the add-in to create it).",
      "  The workbook has no Postings table (run Setup in the add-in to create it).",
    ]);
  });
});

describe("medbill balances: a command line it cannot run", () => {
  it.each([
    [[], "Name the workbook: medbill balances book.xlsx"],
    [["a.xlsx", "b.xlsx"], "Give one workbook at a time."],
    [["a.xlsx", "--by", "week"], '--by must be line, claim, patient or payer, not "week".'],
    [["a.xlsx", "--as-of", "3/1/2026"], '--as-of must be a date written like 2026-06-30, not "3/1/2026".'],
    [["a.xlsx", "--as-of"], '"--as-of" needs a value after it.'],
    [["a.xlsx", "--sum"], 'There is no option "--sum" for this command.'],
  ])("%j: exit 2 with the reason and the usage", async (argv, message) => {
    const t = terminal();
    expect(await t.run("balances", ...argv)).toBe(2);
    expect(t.err[0]).toBe(message);
    expect(t.err).toContain(USAGE);
    expect(t.out).toEqual([]);
  });

  it("a missing file or one that is no workbook: exit 2 and one plain sentence", async () => {
    const missing = terminal();
    expect(await missing.run("balances", file("nowhere.xlsx"))).toBe(2);
    expect(missing.err).toEqual([`Cannot open "${file("nowhere.xlsx")}": there is no such file.`]);
    writeFileSync(file("notes.xlsx"), "not a workbook");
    const notes = terminal();
    expect(await notes.run("balances", file("notes.xlsx"))).toBe(2);
    expect(notes.err[0]).toMatch(/it is a text \(CSV\) file, not a workbook/);
  });

  it("is in the usage", () => {
    expect(USAGE).toContain("medbill balances <book.xlsx> [--as-of <YYYY-MM-DD>] [--by line|claim|patient|payer] [--csv]");
  });
});
