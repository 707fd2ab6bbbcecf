// `medbill close`, run in-process on a sample practice in a temporary folder: status before anything is
// closed; the report for May (figures only, A/R at end equal to the balances' own sum, ties); a dry run
// that writes nothing; the close itself (PeriodClose row, "Close 2026-06" sheet, Audit row); an ERA
// dated in the closed period refused by `medbill era post` with the sentence, nothing written; closing
// again, in the future or without a date refused; reopening only with a reason, which is kept and never
// printed; and the ERA posted once the books are reopened.
import { readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { lineBalances, paymentStatuses } from "../../src/ledger/balances";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import { formatMoney } from "../../src/money";
import { parseTable } from "../../src/workbook/mapTable";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { Patients } from "../../src/workbook/tables";
import { ERA_DATE, MEDICARE, unpaidClaims } from "../era/eraPlanBooks";
import { syntheticRemittance } from "../era/syntheticRemittance";
import { tempFolder, terminal, writeSample } from "./terminal";

const { file } = tempFolder("medbill-close-");
const sample = file("sample.xlsx");
let ledger: Ledger;
let lastNames: string[];

async function tableOf(name: string) {
  return (await (await XlsxWorkbook.load(readFileSync(sample))).readTables([name]))[name]!;
}

function column(table: { headers: string[]; rows: unknown[][] }, header: string): unknown[] {
  return table.rows.map((r) => r[table.headers.indexOf(header)]);
}

/** A/R as of a date by the balances engine itself: Σ line balances − Σ unapplied payment money. */
function arOf(asOf: string): number {
  const lines = lineBalances(ledger, asOf).reduce((s, l) => s + l.balance, 0);
  const unapplied = paymentStatuses(ledger, asOf).reduce((s, p) => s + p.unapplied, 0);
  return lines - unapplied;
}

beforeAll(async () => {
  await writeSample(sample, { lines: 400, seed: 11, asOf: "2026-06-30" });
  const book = await XlsxWorkbook.load(readFileSync(sample));
  ledger = (await readLedger(book)).ledger;
  const patients = (await book.readTables(["Patients"])).Patients!;
  lastNames = parseTable(Patients, patients).rows.map((p) => p.lastName);
  const claims = unpaidClaims(ledger, "MCR").slice(0, 1);
  const era = syntheticRemittance(ledger, {
    transactions: [
      { payer: MEDICARE, trace: "77000001", date: ERA_DATE, claims: [{ claimId: claims[0].claimId, coinsurancePercent: 20 }] },
    ],
  });
  writeFileSync(file("june.835"), era.bytes);
});

describe("medbill close", () => {
  it("status: nothing is closed in a new practice", async () => {
    const t = terminal();
    expect(await t.run("close", "status", sample)).toBe(0);
    expect(t.out).toEqual(["The books are not closed."]);
  });

  it("report: May's figures, A/R at end as the balances say, ties; no patient in the output; nothing written", async () => {
    const bytes = readFileSync(sample);
    const t = terminal();
    expect(await t.run("close", "report", sample, "--from", "2026-05-01", "--through", "2026-05-31")).toBe(0);
    const text = t.out.join("\n");
    expect(t.out[1]).toBe(`Month-end close of ${sample}, 2026-05-01 to 2026-05-31`);
    expect(text).toMatch(new RegExp(`A/R at start \\(2026-04-30\\)\\s+${formatMoney(arOf("2026-04-30")).replace(/[$.]/g, "\\$&")}`));
    expect(text).toMatch(
      new RegExp(`A/R at end, from the balances \\(2026-05-31\\)\\s+${formatMoney(arOf("2026-05-31")).replace(/[$.]/g, "\\$&")}`),
    );
    const charged = ledger.charges.filter((c) => c.dos >= "2026-05-01" && c.dos <= "2026-05-31");
    expect(text).toMatch(
      new RegExp(
        `\\+ Charges \\(${charged.length} lines\\)\\s+${formatMoney(charged.reduce((s, c) => s + c.amount, 0)).replace(/[$.]/g, "\\$&")}`,
      ),
    );
    expect(text).toContain("Ties to the cent.");
    expect(text).toContain("Payments received by payer");
    for (const name of lastNames) expect(text).not.toContain(name);
    expect(readFileSync(sample).equals(bytes)).toBe(true);
  });

  it("--dry-run prints the report and writes nothing", async () => {
    const bytes = readFileSync(sample);
    const t = terminal();
    expect(await t.run("close", sample, "--through", "2026-06-30", "--dry-run")).toBe(0);
    expect(t.out).toContain("Month-end close of " + sample + ", 2026-06-01 to 2026-06-30");
    expect(t.out.at(-1)).toBe(
      'Dry run: nothing written. Closing would add a PeriodClose row (Closed through 2026-06-30) and the sheet "Close 2026-06".',
    );
    expect(readFileSync(sample).equals(bytes)).toBe(true);
  });

  it("closes June: a PeriodClose row, the sheet and the Audit row; then says so", async () => {
    const t = terminal();
    expect(await t.run("close", sample, "--through", "2026-06-30")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out.at(-1)).toMatch(
      /^closed the books through 2026-06-30 \(2026-06-01 to 2026-06-30\), ties to the cent; sheet Close 2026-06\. Saved /,
    );
    const periodClose = await tableOf("PeriodClose");
    expect(column(periodClose, "Action")).toEqual(["Closed"]);
    const audit = await tableOf("Audit");
    expect(column(audit, "Action").at(-1)).toBe("Close books");
    const sheet = await (await XlsxWorkbook.load(readFileSync(sample))).readSheet("Close 2026-06");
    expect(sheet?.[0][0]).toBe("Month-end close 2026-06-01 to 2026-06-30");

    const status = terminal();
    expect(await status.run("close", "status", sample)).toBe(0);
    expect(status.out[0]).toMatch(/^The books are closed through 2026-06-30 \(closed on \d{4}-\d\d-\d\d\)\.$/);
  });

  it("era post refuses a remittance dated in the closed period with the sentence, and writes nothing", async () => {
    const bytes = readFileSync(sample);
    const t = terminal();
    expect(await t.run("era", "post", sample, file("june.835"))).toBe(1);
    expect(t.err.join("\n")).toContain(
      `The workbook refused the posting: The books are closed through 2026-06-30: this would record a payment dated ${ERA_DATE}`,
    );
    expect(t.err.join("\n")).toContain(
      "Date it after 2026-06-30, or reopen June 2026 in Month-end close (with a reason). Nothing was written.",
    );
    expect(readFileSync(sample).equals(bytes)).toBe(true);
  });

  it("refuses closing again, closing in the future, and a close without a date", async () => {
    const again = terminal();
    expect(await again.run("close", sample, "--through", "2026-06-30")).toBe(1);
    expect(again.err).toContain("  The books are already closed through 2026-06-30.");
    const future = terminal();
    expect(await future.run("close", sample, "--through", "2099-01-31")).toBe(1);
    expect(future.err.join("\n")).toContain("2099-01-31 is in the future");
    expect(await terminal().run("close", sample)).toBe(2);
    expect(await terminal().run("close", "reopen", sample)).toBe(2);
  });

  it("reopens only with a reason, keeps it in the workbook and never prints it; then the ERA posts", async () => {
    const blank = terminal();
    expect(await blank.run("close", "reopen", sample, "--reason", " ")).toBe(1);
    expect(blank.err.join("\n")).toContain("Say why the books are reopened");

    const t = terminal();
    expect(await t.run("close", "reopen", sample, "--through", "2026-05-31", "--reason", "late EOB from Medicare")).toBe(0);
    expect(t.out).toEqual([
      `Reopened: the books are closed through 2026-05-31 now (they were closed through 2026-06-30). Saved ${sample}.`,
    ]);
    const audit = await tableOf("Audit");
    expect(column(audit, "What").at(-1)).toBe(
      "reopened the books: closed through 2026-05-31 (was closed through 2026-06-30); reason: late EOB from Medicare",
    );
    expect(column(await tableOf("PeriodClose"), "Reason").at(-1)).toBe("late EOB from Medicare");

    const post = terminal();
    expect(await post.run("era", "post", sample, file("june.835"))).toBe(0);
  });
});
