// `medbill era post`, run in-process on real .xlsx files in a temporary folder: a synthetic 835 for
// claims of a sample practice is previewed with --dry-run (nothing written), then posted (the file is
// saved with the payment, its postings and an Audit row), then refused as already posted with exit 1;
// --exceptions puts the exceptions on a sheet; a refused file writes nothing and exits 1; a wrong
// command line or a missing file exits 2. Patient names from the file are never printed.
import { EXCEPTION_HEADERS } from "../../src/era/eraPlan";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/medbill";
import { isoToSerial } from "../../src/dates";
import { readLedger, type Ledger } from "../../src/ledger/ledger";
import { formatMoney } from "../../src/money";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { ERA_DATE, MEDICARE, unpaidClaims } from "../era/eraPlanBooks";
import { SYNTHETIC_PATIENT_LAST, syntheticRemittance, type SyntheticRemittance } from "../era/syntheticRemittance";
import { tempFolder, terminal, writeSample } from "./terminal";

const { file } = tempFolder("medbill-era-");

async function ledgerOf(name: string): Promise<Ledger> {
  return (await readLedger(await XlsxWorkbook.load(readFileSync(name)))).ledger;
}

const sample = file("sample.xlsx");
let ledger: Ledger;
let era: SyntheticRemittance;
let claimIds: string[];

beforeAll(async () => {
  await writeSample(sample, { lines: 600, seed: 11, asOf: "2026-06-30" });
  ledger = await ledgerOf(sample);
  const claims = unpaidClaims(ledger, "MCR").slice(0, 3);
  claimIds = claims.map((c) => c.claimId);
  era = syntheticRemittance(ledger, {
    transactions: [
      {
        payer: MEDICARE,
        trace: "88000001",
        date: ERA_DATE,
        claims: [
          { claimId: claimIds[0], coinsurancePercent: 20 },
          { claimId: claimIds[1], denial: "50" },
          { claimId: claimIds[2], unbalancedBy: 100 },
          { claimId: "CL999", unknown: { code: "99213", dos: "2026-06-01", charge: 10000 } },
        ],
        plb: [{ reason: "L6", reference: "INT1", amount: -250 }],
      },
    ],
  });
  writeFileSync(file("june.835"), era.bytes);
});

describe("medbill era post", () => {
  it("--dry-run prints the summary and writes nothing", async () => {
    const before = statSync(sample).mtimeMs;
    const bytes = readFileSync(sample);
    const t = terminal();
    expect(await t.run("era", "post", sample, file("june.835"), "--dry-run")).toBe(0);
    expect(t.err).toEqual([]);
    const text = t.out.join("\n");
    const written = era.transactions[0];
    expect(t.out[0]).toMatch(/^ERA file june\.835 \(SHA-256 [0-9a-f]{64}\)$/);
    expect(text).toContain(
      `Payment: Medicare Part B (Sample MAC) (our payer MCR), EFT (ACH), trace 88000001, ${formatMoney(written.amount)}, dated ${ERA_DATE}`,
    );
    expect(text).toContain("Claims: 4 (matched 1, not matched 1, held 1, denied 1, reversed 0, sent to next payer 0)");
    const paid = written.claims.reduce((s, c) => s + c.paid, 0);
    const held = written.claims[2].paid + written.claims[3].paid;
    // The money line by line, the interest added, to the payment's cent.
    expect(paid + 250).toBe(written.amount);
    const money = t.out.filter((line) => line.startsWith("    "));
    expect(money.map((line) => line.trim().split(/ {2,}/))).toEqual([
      ["Paid on claims", formatMoney(paid)],
      ["Interest (L6) · INT1", "+$2.50"],
      ["Payment (BPR02)", formatMoney(written.amount)],
    ]);
    expect(new Set(money.map((line) => line.length)).size).toBe(1);
    expect(text).toContain(
      `Ties out: ${formatMoney(paid)} paid on claims + $2.50 interest (L6) = ${formatMoney(written.amount)} payment = ` +
        `${formatMoney(paid + 250 - held)} posted + ${formatMoney(held)} held`,
    );
    expect(text).toContain("Exceptions: 3");
    expect(text).toContain("  trace 88000001, claim CL999: claim CL999 is not in Charges");
    expect(text).toMatch(new RegExp(`claim ${claimIds[2]}: held: claim ${claimIds[2]} does not balance`));
    expect(text).toMatch(/Dry run: nothing written\. Posting would add 1 payment, \d+ postings and 1 provider adjustment\.$/);
    expect(text).not.toContain(SYNTHETIC_PATIENT_LAST);
    expect(statSync(sample).mtimeMs).toBe(before);
    expect(readFileSync(sample).equals(bytes)).toBe(true);
  });

  it("posts and saves, then refuses the same file as already posted with exit 1", async () => {
    const t = terminal();
    expect(await t.run("era", "post", sample, file("june.835"), "--exceptions")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out.at(-2)).toMatch(
      new RegExp(`^Posted 1 payment, \\d+ postings and 1 provider adjustment\\. Saved ${sample.replace(/[.\\]/g, "\\$&")}\\.$`),
    );
    expect(t.out.at(-1)).toBe(`Exceptions are on the sheet "ERA exceptions ${ERA_DATE}".`);

    const book = await XlsxWorkbook.load(readFileSync(sample));
    const after = (await readLedger(book)).ledger;
    expect(after.issues).toEqual([]);
    const payment = after.payments.at(-1)!;
    expect(payment).toMatchObject({ payerId: "MCR", method: "ERA", reference: "88000001", amount: era.transactions[0].amount });
    expect(after.postingsByPayment.get(payment.paymentId)!.length).toBeGreaterThan(0);
    const sheet = (await book.readSheet(`ERA exceptions ${ERA_DATE}`))!;
    expect(sheet[1]).toEqual([...EXCEPTION_HEADERS]);
    expect(sheet).toHaveLength(5);
    // The denied claim: Medicare's, its account, its date of service as a date, billed, nothing allowed or paid.
    const denied = sheet.find((row) => row[2] === claimIds[1])!;
    const deniedLines = ledger.charges.filter((c) => c.claimId === claimIds[1]);
    expect(denied.slice(0, 10)).toEqual([
      "Medicare Part B (Sample MAC) (MCR)",
      "88000001",
      claimIds[1],
      deniedLines[0].patientId,
      null,
      isoToSerial(deniedLines[0].dos, 1900),
      era.transactions[0].claims[1].charge / 100,
      0,
      0,
      0,
    ]);
    const audit = (await book.readTables(["Audit"])).Audit!;
    const actions = audit.rows.map((r) => r[audit.headers.indexOf("Action")]);
    expect(actions).toEqual(["Sample", "Post ERA", "ERA exceptions"]);

    const again = terminal();
    expect(await again.run("era", "post", sample, file("june.835"))).toBe(1);
    const text = again.out.join("\n");
    expect(text).toMatch(
      new RegExp(`Already posted on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d as ${payment.paymentId}: nothing added\\.`),
    );
    expect(again.out.at(-1)).toBe("Nothing to post: every payment in the file is already posted.");
    // Read again, the denied claim is still counted as denied, the held and unknown ones as not posted.
    expect(text).toContain("Claims: 4 (posted 1, not matched 1, held 1, denied 1, reversed 0, sent to next payer 0)");
    expect((await ledgerOf(sample)).payments).toHaveLength(after.payments.length);
  });

  it("a refused file (a 4010 remittance) writes nothing and exits 1 with the reason", async () => {
    writeFileSync(file("old.835"), era.text.replace(/005010X221A1/g, "004010X091A1"));
    const bytes = readFileSync(sample);
    const t = terminal();
    expect(await t.run("era", "post", sample, file("old.835"))).toBe(1);
    expect(t.err[0]).toMatch(/^old\.835 was not posted: .*4010/);
    expect(t.err[1]).toBe("Nothing was written.");
    expect(readFileSync(sample).equals(bytes)).toBe(true);
  });

  it("a file none of whose claims are in the workbook posts nothing and exits 1", async () => {
    const other = syntheticRemittance(ledger, {
      transactions: [
        {
          payer: MEDICARE,
          trace: "88000002",
          date: ERA_DATE,
          claims: [{ claimId: "CL998", unknown: { code: "99213", dos: "2026-06-01", charge: 5000 } }],
        },
      ],
    });
    writeFileSync(file("none.835"), other.bytes);
    const t = terminal();
    expect(await t.run("era", "post", sample, file("none.835"))).toBe(1);
    expect(t.out.at(-1)).toBe("Nothing to post: no claim in the file could be posted.");
  });
});

describe("medbill era: a command line it cannot run", () => {
  it.each([
    [[], "Say what to do with the remittance: medbill era post book.xlsx FILE.835"],
    [["pay"], 'medbill era has no command "pay": use post.'],
    [["post"], "Name the workbook and the 835 file: medbill era post book.xlsx FILE.835"],
    [["post", "a.xlsx"], "Name the workbook and the 835 file: medbill era post book.xlsx FILE.835"],
    [["post", "a.xlsx", "b.835", "c.835"], "Post one 835 file at a time."],
    [["post", "a.xlsx", "b.835", "--force"], 'There is no option "--force" for this command.'],
  ])("%j: exit 2 with the reason and the usage", async (argv, message) => {
    const t = terminal();
    expect(await t.run("era", ...argv)).toBe(2);
    expect(t.err[0]).toBe(message);
    expect(t.err).toContain(USAGE);
  });

  it("a missing 835 file: exit 2 and one plain sentence", async () => {
    const t = terminal();
    expect(await t.run("era", "post", sample, file("nowhere.835"))).toBe(2);
    expect(t.err).toEqual([`Cannot open "${file("nowhere.835")}": there is no such file.`]);
  });

  it("is in the usage", () => {
    expect(USAGE).toContain("medbill era post <book.xlsx> <FILE.835> [--dry-run] [--exceptions]");
  });
});
