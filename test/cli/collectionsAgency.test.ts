// `medbill collections send` and `recovered` on the hand-off's books (test/collections/agencyFixtures.ts):
// P1 owes $110.00 of her own (L1 $80.00, L2 $30.00) and $200.00 with Medicare. The send writes the CSV
// and the workbook or neither; the terminal shows IDs and figures, never a name; `recovered` posts the
// agency's net and fee, --dry-run writing nothing; the worklist without a subcommand is unchanged.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCollectionsBooks } from "../../src/collections/collectionsBooks";
import { badDebtAccounts } from "../../src/collections/badDebt";
import { lineBalances } from "../../src/ledger/balances";
import { createTableOp } from "../../src/workbook/plan";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { agencyWorkbook } from "../collections/agencyFixtures";
import { tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-agency-");

/** The fixture's memory workbook saved as an .xlsx file. */
async function book(path: string, practice?: { setting: string; value: string }[]): Promise<void> {
  const memory = agencyWorkbook({ practice });
  const info = await memory.describe();
  const raw = await memory.readTables(info.tables.map((t) => t.name));
  const wb = XlsxWorkbook.create();
  await wb.write(Object.values(raw).map((t) => ({ ...createTableOp({ name: t!.name, fields: {} }), headers: t!.headers, rows: t!.rows })));
  writeFileSync(path, await wb.save());
}

async function booksOf(path: string) {
  return readCollectionsBooks(await XlsxWorkbook.load(readFileSync(path)));
}

describe("medbill collections send / recovered", () => {
  it("sends an account: bad debt posted, Collections marked, the agency's CSV written, IDs and figures printed", async () => {
    const path = file("send.xlsx");
    const csv = file("acme.csv");
    await book(path);
    const t = terminal();
    expect(await t.run("collections", "send", path, "P1", "--agency", "Acme Recovery", "--csv-out", csv, "--date", "2026-06-15")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out).toEqual([
      "  P1: $110.00 on 2 lines, oldest served 2026-01-05",
      `1 account sent to Acme Recovery: 2 lines written off to bad debt ($110.00). Wrote ${csv}. Saved ${path}.`,
    ]);
    expect(t.text()).not.toMatch(/Lee|Ann|Oak/);
    const lines = readFileSync(csv, "utf8").split("\r\n");
    expect(lines[1]).toMatch(/^P1,Lee,Ann,12 Oak St,"'-Apt 4",.*,110\.00,2026-01-05,/);
    const books = await booksOf(path);
    expect(books.patients.find((p) => p.patientId === "P1")?.accountStatus).toBe("Collections");
    const p1 = lineBalances(books.ledger).filter((b) => b.patientId === "P1");
    expect(p1.reduce((s, b) => s + b.balance, 0)).toBe(20000); // $310.00 - $110.00
  });

  it("writes nothing when refused, or when the CSV is already there without --force", async () => {
    const path = file("refused.xlsx");
    const csv = file("there.csv");
    await book(path);
    const before = readFileSync(path);
    const t = terminal();
    expect(await t.run("collections", "send", path, "P2", "P3", "--agency", "Acme", "--csv-out", csv, "--date", "2026-06-15")).toBe(1);
    expect(t.err).toEqual([
      "Nothing was written: 2 problems.",
      '  Account P2 is already with a collection agency (Account Status "Collections").',
      "  Account P3 owes nothing of its own: there is no patient balance to send.",
    ]);
    expect(existsSync(csv)).toBe(false);
    writeFileSync(csv, "old");
    const u = terminal();
    expect(await u.run("collections", "send", path, "P1", "--agency", "Acme", "--csv-out", csv, "--date", "2026-06-15")).toBe(2);
    expect(u.err[0]).toContain("a file with that name already exists (add --force to replace it)");
    expect(readFileSync(csv, "utf8")).toBe("old");
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(
      await terminal().run("collections", "send", path, "P1", "--agency", "Acme", "--csv-out", csv, "--force", "--date", "2026-06-15"),
    ).toBe(0);
    expect(readFileSync(csv, "utf8")).toContain("P1,Lee");
  });

  it("posts a recovery with the fee from a percent, after a dry run that writes nothing", async () => {
    const path = file("recovered.xlsx");
    await book(path, [{ setting: "Collection Agency Fee %", value: "25%" }]);
    expect(
      await terminal().run("collections", "send", path, "P1", "--agency", "Acme", "--csv-out", file("r.csv"), "--date", "2026-06-15"),
    ).toBe(0);
    const sent = readFileSync(path);
    const dry = terminal();
    // $60.00 net at the Practice's 25%: $80.00 gross, a $20.00 fee, all on L1 (the oldest, $80.00 sent).
    expect(await dry.run("collections", "recovered", path, "--patient", "P1", "--net", "60", "--date", "2026-06-28", "--dry-run")).toBe(0);
    expect(dry.out[0]).toBe("Agency payment on P1: $60.00 net + $20.00 fee = $80.00 of bad debt recovered; $30.00 stays with the agency.");
    expect(dry.out.at(-2)).toBe("  L1: balance after $0.00");
    expect(dry.out.at(-1)).toBe("Dry run: nothing was written.");
    expect(readFileSync(path).equals(sent)).toBe(true);

    const t = terminal();
    expect(
      await t.run(
        "collections",
        "recovered",
        path,
        "--patient",
        "P1",
        "--net",
        "15.00",
        "--fee",
        "5.00",
        "--reference",
        "5521",
        "--date",
        "2026-06-28",
      ),
    ).toBe(0);
    const books = await booksOf(path);
    expect(badDebtAccounts(books.ledger).map((a) => [a.sent, a.recovered, a.fees, a.outstanding])).toEqual([[11000, 2000, 500, 9000]]);
    const payment = books.ledger.payments.at(-1)!;
    expect([payment.patientId, payment.amount, payment.reference]).toEqual(["P1", 1500, "5521"]);

    const over = terminal();
    expect(await over.run("collections", "recovered", path, "--patient", "P1", "--net", "90", "--fee", "10", "--date", "2026-06-28")).toBe(
      1,
    );
    expect(over.err[1]).toBe(
      "  The agency collected $100.00 ($90.00 sent and a $10.00 fee) but account P1 has $90.00 written off to bad debt and not yet recovered.",
    );
  });

  it("asks for the fee, and keeps the worklist without a subcommand", async () => {
    const path = file("usage.xlsx");
    await book(path);
    const t = terminal();
    expect(await t.run("collections", "recovered", path, "--patient", "P1", "--net", "60")).toBe(2);
    expect(t.err.join("\n")).toContain(
      'Give the agency\'s fee: --fee 50.00 or --fee-percent 25 (or the Practice setting "Collection Agency Fee %").',
    );
    const list = terminal();
    expect(await list.run("collections", path, "--as-of", "2026-06-30")).toBe(0);
    expect(list.out[0]).toBe(`Collections worklist in ${path} as of 2026-06-30: patient balances over $0.00, older than 0 days`);
  });
});
