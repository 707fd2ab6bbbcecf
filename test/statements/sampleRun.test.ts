// The engine on the sample practice, whose generator keeps its own record of what each of its monthly
// statements asked for: a re-print of every one asks for the same amount; the batch's quick test of
// what an account owes agrees with the statement it would build; and a run numbers on from the
// sample's own statement numbers.
import { beforeAll, describe, expect, it } from "vitest";
import { samplePractice } from "../../src/sample/practiceSample";
import { reprint, statementBatch } from "../../src/statements/batch";
import { StatementIndex } from "../../src/statements/statement";
import { readStatementBooks, type StatementBooks } from "../../src/statements/statementBooks";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";

let books: StatementBooks;

beforeAll(async () => {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 2000, seed: 7, asOf: "2026-06-30" }));
  books = await readStatementBooks(workbook);
});

describe("statements of the sample practice", () => {
  it("re-print each of the sample's statements with the amount due it was issued with", () => {
    expect(books.statements.length).toBeGreaterThan(50);
    const differ = books.statements.filter((row) => reprint(books, row.number).amountDue !== row.amountDue).map((row) => row.number);
    expect(differ).toEqual([]);
  });

  it("agree with the batch's quick test of what each account owes", () => {
    const index = new StatementIndex(books, "2026-07-06");
    let owing = 0;
    for (const id of index.linesByPatient.keys()) {
      const due = index.statement(id, "").amountDue;
      expect(index.amountDue(id), id).toBe(due);
      if (due > 0) owing++;
    }
    expect(owing).toBeGreaterThan(20);
  });

  it("add up on the page, first statements and later ones alike (previous balance + activity = amount due)", () => {
    const index = new StatementIndex(books, "2026-07-06");
    let first = 0;
    let later = 0;
    for (const id of index.linesByPatient.keys()) {
      const doc = index.statement(id, "");
      expect(
        doc.summary.reduce((n, row) => n + row.amount, 0),
        id,
      ).toBe(doc.amountDue);
      if (doc.previousDate === undefined) {
        first++;
        // A first statement lists every line of the account: its rows are the lines' own totals.
        expect(doc.summary[0]).toEqual({ label: "Previous balance", amount: 0 });
        expect(doc.summary[1]).toEqual({ label: "Charges", amount: doc.lines.reduce((n, l) => n + l.charges, 0) });
        expect(doc.summary.some((row) => row.label.startsWith("Payments since"))).toBe(false);
      } else later++;
    }
    expect(first).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(0);
  });

  it("number a run after the sample's own statement numbers, and total what they ask", () => {
    const highest = Math.max(...books.statements.map((s) => Number(/(\d+)$/.exec(s.number)![1])));
    const run = statementBatch(books, { date: "2026-07-06" });
    expect(run.documents.length).toBeGreaterThan(20);
    expect(run.documents.map((d) => d.number)).toEqual(run.documents.map((_, i) => `S${String(highest + 1 + i).padStart(6, "0")}`));
    expect(run.total).toBe(run.documents.reduce((sum, d) => sum + d.amountDue, 0));
    for (const doc of run.documents) expect(doc.amountDue).toBeGreaterThanOrEqual(books.settings.minBalance);
  });
});
