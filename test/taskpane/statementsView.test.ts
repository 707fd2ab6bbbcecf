// What the Statements panel shows, without React, on the sample practice: the accounts to pick with
// what their statement would ask, the payers an invoice can go to, the issued numbers newest first;
// the preview's rows, headline, messages by age and the accounts left out grouped by why; what was
// issued; and the books' problems, the missing tables said in full and the rows only counted.
import { beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../src/money";
import { samplePractice } from "../../src/sample/practiceSample";
import { statementBatch } from "../../src/statements/batch";
import { patientStatement } from "../../src/statements/statement";
import { readStatementBooks, type StatementBooks } from "../../src/statements/statementBooks";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { previewStatements, type IssuedRun, type StatementPreview } from "../../taskpane/statements/statementRun";
import {
  accountChoices,
  booksNotice,
  findIssued,
  invoicePayers,
  issuedLine,
  issuedText,
  messageCounts,
  nothingText,
  numberRange,
  previewRows,
  previewSummary,
  reasonGroup,
  skippedView,
} from "../../taskpane/statements/statementView";

const DATE = "2026-07-06";
let books: StatementBooks;
let preview: StatementPreview;

beforeAll(async () => {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 400, asOf: "2026-06-30" }));
  books = await readStatementBooks(workbook);
  const result = previewStatements(books, { job: "batch", date: DATE, minBalance: 500, cycleDays: 30 });
  if (!result.ok) throw new Error(result.error);
  preview = result.preview;
});

describe("what there is to pick", () => {
  it("lists every patient with what their statement would ask on the date", () => {
    const choices = accountChoices(books, DATE);
    expect(choices.map((c) => c.patientId)).toEqual([...new Set(books.patients.map((p) => p.patientId))]);
    const owing = choices.filter((c) => c.due > 0);
    expect(owing.length).toBeGreaterThan(5);
    for (const c of owing.slice(0, 5)) {
      expect(c.due).toBe(patientStatement(books, c.patientId, { date: DATE, number: "" }).amountDue);
      const p = books.patients.find((row) => row.patientId === c.patientId)!;
      expect(c.name).toBe(`${p.lastName}, ${p.firstName}`);
    }
  });

  it("offers invoices only to payers of type Other", () => {
    const payers = invoicePayers(books);
    expect(payers.length).toBeGreaterThan(0);
    expect(payers).toEqual(books.payers.filter((p) => p.type === "Other").map((p) => ({ payerId: p.payerId, name: p.name })));
  });

  it("finds issued numbers by their start, newest first", () => {
    const newest = findIssued(books, "");
    // All 18 of the sample's statements: fewer than the 20 the list stops at, which a smaller limit shows.
    expect(newest).toHaveLength(18);
    const dates = newest.map((c) => books.statements.find((s) => s.number === c.number)!.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(findIssued(books, "", 5)).toEqual(newest.slice(0, 5));
    const row = books.statements[0];
    const found = findIssued(books, row.number.toLowerCase());
    expect(found).toEqual([{ number: row.number, label: `${row.number} · ${row.date} · ${row.account} · ${formatMoney(row.amountDue)}` }]);
    expect(findIssued(books, "X")).toEqual([]);
  });
});

describe("the preview", () => {
  it("lists who gets what, in the order numbered", () => {
    const rows = previewRows(preview.documents);
    expect(rows).toHaveLength(preview.documents.length);
    const d = preview.documents[0];
    expect(rows[0]).toEqual({
      number: d.number,
      account: d.account,
      name: d.to.name,
      lines: `${d.lines.length} ${d.lines.length === 1 ? "line" : "lines"}`,
      pending: formatMoney(d.pendingInsurance),
      amountDue: formatMoney(d.amountDue),
      noAddress: false,
    });
    expect(previewRows(preview.documents, 2)).toHaveLength(2);
  });

  it("heads it with the count, the numbers and the total", () => {
    const docs = preview.documents;
    expect(numberRange(docs)).toBe(`${docs[0].number} to ${docs.at(-1)!.number}`);
    expect(numberRange(docs.slice(0, 1))).toBe(docs[0].number);
    const summary = previewSummary(preview);
    expect(summary).toContain(`${docs.length} statements dated ${DATE}, numbered ${docs[0].number} to ${docs.at(-1)!.number}`);
    expect(summary).toContain(`amount due ${formatMoney(preview.total)} in all.`);
  });

  it("counts the messages by the age of the oldest amount owed", () => {
    const text = messageCounts(preview.documents)!;
    const counted = [...text.matchAll(/(\d+) (?:current|at 31-60 days|at 61-90 days|over 90 days)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(preview.documents.length);
    const old = preview.documents.filter((d) => d.aging.over90 > 0).length;
    expect(old, "the sample has accounts owed over 90 days").toBeGreaterThan(0);
    expect(text).toContain(`${old} over 90 days`);
    expect(messageCounts([])).toBeUndefined();
  });

  it("groups the accounts left out by why, most first", () => {
    expect(reasonGroup("statement S000015 went out 29 days ago (2026-06-01); the cycle is 30 days")).toBe(
      "had a statement within the cycle",
    );
    expect(reasonGroup("statement S000015 went out today (2026-06-01); the cycle is 30 days")).toBe("had a statement within the cycle");
    expect(reasonGroup("statement S000099 is dated 2026-08-01, after this run's date")).toBe("have a statement dated after this date");
    expect(reasonGroup("the account is on hold (Patients, Account Status)")).toBe("on hold");
    expect(reasonGroup("the account is with a collection agency (Patients, Account Status)")).toBe("with a collection agency");
    expect(reasonGroup("the account is closed (Patients, Account Status)")).toBe("closed");
    expect(reasonGroup("owes $2.00, under the minimum of $5.00")).toBe("owe less than the minimum");
    expect(reasonGroup("owes nothing now")).toBe("owe nothing now");
    expect(reasonGroup("not in the Patients table, so there is no name or address to send a statement to")).toBe(
      "not in the Patients table",
    );

    const view = skippedView(
      [
        { account: "A", reason: "owes nothing now" },
        { account: "B", reason: "statement S1 went out today (2026-07-06); the cycle is 30 days" },
        { account: "C", reason: "statement S2 went out today (2026-07-06); the cycle is 30 days" },
      ],
      2,
    );
    expect(view).toEqual({
      groups: [
        { reason: "had a statement within the cycle", count: 2 },
        { reason: "owe nothing now", count: 1 },
      ],
      shown: [
        { account: "A", reason: "owes nothing now" },
        { account: "B", reason: "statement S1 went out today (2026-07-06); the cycle is 30 days" },
      ],
      more: 1,
    });
  });

  it("says why there is nothing to issue", () => {
    const empty: StatementPreview = {
      ...preview,
      documents: [],
      total: 0,
      nothing: true,
      skipped: [
        { account: "P1", reason: "statement S000200 went out today (2026-07-06); the cycle is 30 days" },
        { account: "P2", reason: "the account is on hold (Patients, Account Status)" },
      ],
    };
    expect(nothingText(empty, books)).toEqual({
      title: `Nothing to issue on ${DATE}`,
      body:
        "No account owes at least $5.00, has had no statement in the last 30 days and is free to be sent one. " +
        "1 account that owes it already had a statement within the cycle (its number is listed below), so running the batch again issues nothing new. " +
        "1 other account is held back, listed below.",
    });
    const payer = books.payers.find((p) => p.type === "Other")!;
    expect(nothingText({ ...empty, request: { job: "invoice", date: DATE, payerId: payer.payerId }, skipped: [] }, books)).toEqual({
      title: "Nothing to invoice",
      body: `${payer.name} has no lines to invoice and owes nothing on ${DATE}.`,
    });
  });
});

describe("what was issued", () => {
  it("names the numbers, the sheet, the rows and the cycle; a re-print says no new number", () => {
    const docs = preview.documents;
    const issued = {
      request: preview.request,
      documents: docs,
      reprint: false,
      sheets: [`Statements ${DATE}`],
      rows: docs.length,
    } as unknown as IssuedRun;
    const said = issuedText(issued);
    expect(said.title).toBe("Statements issued");
    expect(said.body).toBe(
      `Issued ${docs.length} statements, ${docs[0].number} to ${docs.at(-1)!.number}, on the sheet "Statements ${DATE}", with ${docs.length} rows in the Statements table (amount due ${formatMoney(preview.total)}). The Audit sheet records it. A preview for ${DATE} now leaves these accounts out: their next statement is due after the cycle of 30 days.`,
    );
    expect(issuedLine(issued)).toBe(`Issued ${docs[0].number} to ${docs.at(-1)!.number} on "Statements ${DATE}".`);
    const again = issuedText({ ...issued, reprint: true, documents: docs.slice(0, 1), sheets: [`Statement ${docs[0].number}`], rows: 0 });
    expect(again).toEqual({
      title: "Statement re-printed",
      body: `Statement ${docs[0].number} is on the sheet "Statement ${docs[0].number}", as of its date ${DATE}, with its own number: no new number was issued. The Audit sheet records it.`,
    });
    expect(issuedLine({ reprint: true, documents: docs.slice(0, 1), sheets: [`Statement ${docs[0].number}`] })).toBe(
      `Re-printed ${docs[0].number} on "Statement ${docs[0].number}".`,
    );
  });
});

describe("the books' problems", () => {
  it("says missing tables and settings in full and counts the rows", () => {
    expect(booksNotice([])).toBeUndefined();
    expect(
      booksNotice([
        "The workbook has no Statements table (run Setup in the add-in to create it): issued statements can't be logged or numbered.",
        'Practice setting "Statement Cycle Days": "x" is not a number of days from 0 to 366; 30 days are used until it is corrected.',
        'Charges row 4, Amount: "lots" is not an amount (write it like 1234.50 or $1,234.50)',
        "Postings row 9, ChargeID: no such charge",
      ]),
    ).toEqual({
      title: "Problems in the workbook: 4",
      body:
        "The workbook has no Statements table (run Setup in the add-in to create it): issued statements can't be logged or numbered. " +
        'Practice setting "Statement Cycle Days": "x" is not a number of days from 0 to 366; 30 days are used until it is corrected. ' +
        "2 rows could not be read or do not link up: a statement that rests on them may be wrong. Setup's Check rows lists them.",
    });
  });

  it("agrees with the engine's batch on the sample", () => {
    const run = statementBatch(books, { date: DATE, minBalance: 500, cycleDays: 30 });
    expect(preview.documents).toEqual(run.documents);
  });
});
