// The statement run on the hand-made practice (statementFixtures.ts): who gets a statement (minimum,
// cycle, account status, chosen accounts), who is left out and why, numbering after the table's
// highest number without gaps, also across two runs written to a workbook, and re-printing.
import { describe, expect, it } from "vitest";
import { batchPicks, nextNumbers, reprint, statementBatch } from "../../src/statements/batch";
import { invoiceFor, patientStatement } from "../../src/statements/statement";
import { readStatementBooks } from "../../src/statements/statementBooks";
import type { StatementDocument } from "../../src/statements/model";
import { mapColumns, rowToCells } from "../../src/workbook/mapTable";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { Statements, type StatementRow } from "../../src/workbook/tables";
import { CHARGES, PAYMENTS, POSTINGS, RUN_DATE, fixtureBooks, fixtureWorkbook } from "./statementFixtures";

const accounts = (docs: StatementDocument[]) => docs.map((d) => d.account);

describe("statementBatch", () => {
  const books = fixtureBooks();

  it("gives a statement to each account owing the minimum, out of its cycle and not held, numbered after the highest", () => {
    const run = statementBatch(books, { date: RUN_DATE });
    // P1 owes $120.00 and its last statement (05-31) is exactly 30 days old: due again. P10 owes $7.00
    // and never had one. P2 ($3.00) and P7 (nothing) owe under the $5.00 minimum: left out quietly.
    expect(accounts(run.documents)).toEqual(["P1", "P10"]);
    expect(run.documents.map((d) => d.number)).toEqual(["S000012", "S000013"]);
    expect(run.total).toBe(12000 + 700);
    expect(run.documents[0]).toEqual(patientStatement(books, "P1", { date: RUN_DATE, number: "S000012" }));
    expect(batchPicks(run)).toEqual([
      { account: "P1", name: "Jane Doe", amountDue: 12000, lines: 6 },
      { account: "P10", name: "Hal Ten", amountDue: 700, lines: 1 },
    ]);
  });

  it("lists the accounts it holds back that owe the minimum, with the reason", () => {
    const run = statementBatch(books, { date: RUN_DATE });
    expect(run.skipped).toEqual([
      { account: "P3", reason: "the account is on hold (Patients, Account Status)" },
      { account: "P4", reason: "the account is with a collection agency (Patients, Account Status)" },
      { account: "P5", reason: "the account is closed (Patients, Account Status)" },
      { account: "P6", reason: "statement S000011 went out 10 days ago (2026-06-20); the cycle is 30 days" },
      { account: "PX", reason: "not in the Patients table, so there is no name or address to send a statement to" },
    ]);
  });

  it("takes the minimum and the cycle from the options over the settings", () => {
    // A $2.00 minimum lets P2 ($3.00) in; a 31-day cycle holds P1 back (30 days since 05-31).
    const run = statementBatch(books, { date: RUN_DATE, minBalance: 200, cycleDays: 31 });
    expect(accounts(run.documents)).toEqual(["P2", "P10"]);
    expect(run.skipped.find((s) => s.account === "P1")?.reason).toBe(
      "statement S000010 went out 30 days ago (2026-05-31); the cycle is 31 days",
    );
    // A cycle of 5 days lets P6 (10 days) in; a $150.00 minimum leaves only P1.
    expect(accounts(statementBatch(books, { date: RUN_DATE, cycleDays: 5 }).documents)).toEqual(["P1", "P6", "P10"]);
    expect(accounts(statementBatch(books, { date: RUN_DATE, minBalance: 15000 }).documents)).toEqual([]);
    expect(accounts(statementBatch(books, { date: RUN_DATE, minBalance: 12000 }).documents)).toEqual(["P1"]);
  });

  it("narrows to chosen accounts and says why each chosen one it leaves out is left out", () => {
    const run = statementBatch(books, { date: RUN_DATE, accounts: ["P7", " P1 ", "P2", "P3", "NOBODY", "P1", "P6"] });
    expect(accounts(run.documents)).toEqual(["P1"]);
    expect(run.documents[0].number).toBe("S000012");
    expect(run.skipped).toEqual([
      { account: "NOBODY", reason: "not in the Patients table and no charges" },
      { account: "P2", reason: "owes $3.00, under the minimum of $5.00" },
      { account: "P3", reason: "the account is on hold (Patients, Account Status)" },
      { account: "P6", reason: "statement S000011 went out 10 days ago (2026-06-20); the cycle is 30 days" },
      { account: "P7", reason: "owes nothing now" },
    ]);
  });

  it("sorts by account id with numbers in their numeric order", () => {
    const run = statementBatch(books, { date: RUN_DATE, minBalance: 1, accounts: ["P10", "P2", "P1"] });
    expect(accounts(run.documents)).toEqual(["P1", "P2", "P10"]);
    expect(run.documents.map((d) => d.number)).toEqual(["S000012", "S000013", "S000014"]);
  });
});

describe("nextNumbers", () => {
  const row = (number: string, kind?: StatementRow["kind"]): StatementRow => ({
    number,
    date: "2026-01-01",
    account: "A",
    kind,
    amountDue: 0,
  });

  it("continues each series after its highest number, six digits and more when it outgrows them", () => {
    const rows = [row("S000009", "Statement"), row("S000002", "Statement"), row("I000041", "Invoice")];
    expect(nextNumbers(rows, "Statement", 3)).toEqual(["S000010", "S000011", "S000012"]);
    expect(nextNumbers(rows, "Invoice", 1)).toEqual(["I000042"]);
    expect(nextNumbers([], "Invoice", 2)).toEqual(["I000001", "I000002"]);
    expect(nextNumbers([row("S999999")], "Statement", 2)).toEqual(["S1000000", "S1000001"]);
    expect(nextNumbers(rows, "Statement", 0)).toEqual([]);
  });

  it("reads the kind from the number when the Kind cell is blank, and carries on an office's own prefix", () => {
    // A row of kind Statement numbered "ST000167" (the sample's own numbering) counts by its digits;
    // a blank kind is a statement unless the number starts with I.
    expect(nextNumbers([row("ST000167", "Statement"), row("S000020")], "Statement", 1)).toEqual(["S000168"]);
    expect(nextNumbers([row("I000300"), row("S000020")], "Statement", 1)).toEqual(["S000021"]);
    expect(nextNumbers([row("I000300"), row("S000020")], "Invoice", 1)).toEqual(["I000301"]);
    // A number in the series' own form counts whatever its Kind says, so no number is issued twice.
    expect(nextNumbers([row("S000050", "Invoice")], "Statement", 1)).toEqual(["S000051"]);
  });
});

/** Write a run's Statements rows the way an issue plan does (one row per document, with its Audit row). */
async function issue(workbook: MemoryWorkbook, docs: StatementDocument[]): Promise<void> {
  const info = await workbook.describe();
  const headers = info.tables.find((t) => t.name === "Statements")!.headers;
  const mapping = mapColumns(Statements, headers);
  const rows = docs.map((d) =>
    rowToCells(
      Statements,
      mapping,
      {
        number: d.number,
        date: d.date,
        account: d.account,
        kind: d.kind,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        amountDue: d.amountDue,
      },
      info.dateSystem,
    ),
  );
  await applyPlan(workbook, {
    action: "Statements",
    what: `${docs.length} statements`,
    ops: [{ kind: "appendRows", table: "Statements", rows }],
  });
}

describe("two runs through a workbook", () => {
  it("number on without a gap or a repeat, and the second run carries the first run's balances", async () => {
    const workbook = fixtureWorkbook({}, 1904);
    const first = statementBatch(await readStatementBooks(workbook), { date: RUN_DATE });
    expect(first.documents.map((d) => d.number)).toEqual(["S000012", "S000013"]);
    await issue(workbook, first.documents);

    // The same day again: everyone just had a statement.
    const again = statementBatch(await readStatementBooks(workbook), { date: RUN_DATE });
    expect(again.documents).toEqual([]);
    expect(again.skipped.filter((s) => s.account === "P1" || s.account === "P10").map((s) => s.reason)).toEqual([
      "statement S000012 went out today (2026-06-30); the cycle is 30 days",
      "statement S000013 went out today (2026-06-30); the cycle is 30 days",
    ]);

    // A month later, with a lower minimum: P1 and P10 again, P2 ($3.00) and P6 (its 06-20 statement is
    // now 41 days old), numbered right after the first run.
    const books = await readStatementBooks(workbook);
    expect(books.problems).toEqual([]);
    const second = statementBatch(books, { date: "2026-07-31", minBalance: 100 });
    expect(accounts(second.documents)).toEqual(["P1", "P2", "P6", "P10"]);
    expect(second.documents.map((d) => d.number)).toEqual(["S000014", "S000015", "S000016", "S000017"]);
    const p1 = second.documents[0];
    expect(p1.previousBalance).toBe(first.documents[0].amountDue);
    expect(p1.previousDate).toBe(RUN_DATE);
    // Since 06-30: PT3's $3 (07-01), applied to C5; and C8 (07-02, $100) is now on it, pending with Medicare.
    expect(p1.paymentsSince).toBe(300);
    expect(p1.amountDue).toBe(12000 - 300);
    expect(p1.pendingInsurance).toBe(10000 + 10000);
    await issue(workbook, second.documents);

    const all = (await readStatementBooks(workbook)).statements.map((s) => s.number).filter((n) => /^S\d+$/.test(n));
    expect(all).toEqual(["S000005", "S000010", "S000011", "S000012", "S000013", "S000014", "S000015", "S000016", "S000017"]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("reprint", () => {
  it("rebuilds an issued statement as of its own date with its own number, whatever was posted since", async () => {
    const workbook = fixtureWorkbook();
    const run = statementBatch(await readStatementBooks(workbook), { date: RUN_DATE });
    await issue(workbook, run.documents);
    // Later: Jane pays the rest of C1 on 07-05 (a new payment and posting).
    const later = fixtureWorkbook({
      payments: [...PAYMENTS, { paymentId: "PT8", date: "2026-07-05", patientId: "P1", method: "Card", amount: 500 }],
      postings: [...POSTINGS, { postingId: "PS80", chargeId: "C1", paymentId: "PT8", date: "2026-07-05", paid: 500 }],
      statements: (await readStatementBooks(workbook)).statements,
    });
    const books = await readStatementBooks(later);
    const again = reprint(books, "s000012");
    expect(again).toEqual(run.documents[0]);
    expect(again.number).toBe("S000012");
    // Re-printing issues no number: the next run still starts at S000014.
    expect(statementBatch(books, { date: "2026-08-31" }).documents[0].number).toBe("S000014");
  });

  it("re-prints an invoice as an invoice", () => {
    const books = fixtureBooks();
    const invoice = invoiceFor(books, "ATTY", { date: RUN_DATE, number: "I000004" });
    const issued = fixtureBooks({
      statements: [
        ...books.statements,
        { number: "I000004", date: RUN_DATE, account: "ATTY", kind: "Invoice", amountDue: invoice.amountDue },
      ],
    });
    expect(reprint(issued, "I000004")).toEqual(invoice);
  });

  it("refuses a number that was never issued, in words", () => {
    expect(() => reprint(fixtureBooks(), " S999999 ")).toThrow(
      'There is no statement or invoice numbered "S999999" in the Statements table.',
    );
  });
});

it("builds a run of thousands of accounts from one pass (the fixture's charges repeated)", () => {
  // 3,000 accounts each with a copy of P10's visit: every one gets a statement, numbered in order.
  const many = Array.from({ length: 3000 }, (_, i) => ({
    ...CHARGES.find((c) => c.chargeId === "C100")!,
    chargeId: `M${i}`,
    patientId: `Q${i}`,
  }));
  const patients = many.map((c, i) => ({ patientId: c.patientId, firstName: "Q", lastName: String(i) }));
  const run = statementBatch(fixtureBooks({ charges: many, patients, postings: [], payments: [] }), { date: RUN_DATE });
  expect(run.documents).toHaveLength(3000);
  expect(run.documents[0].account).toBe("Q0");
  expect(run.documents[2999]).toMatchObject({ account: "Q2999", number: "S003011", amountDue: 700 });
  expect(run.total).toBe(3000 * 700);
});
