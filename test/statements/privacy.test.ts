// Minimum necessary (DOMAIN.md, "Patient statements"): on the sample practice, where every
// diagnosis code, member id and date of birth is known from the workbook itself, no statement or
// invoice the engine builds (single, batch, re-print) carries any of them: not the documents, not
// the statement sheets and Audit row the issue plan writes, not the text drawn on the PDF's pages.
import { describe, expect, it } from "vitest";
import { samplePractice } from "../../src/sample/practiceSample";
import { reprint, statementBatch } from "../../src/statements/batch";
import type { StatementDocument } from "../../src/statements/model";
import { invoiceFor, patientStatement } from "../../src/statements/statement";
import { readStatementBooks } from "../../src/statements/statementBooks";
import { isoToSerial } from "../../src/dates";
import { statementPages } from "../../src/statements/statementPdf";
import { issuePlan } from "../../src/statements/statementPlan";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";

const SAMPLE_DAY = "2026-06-30";
const RUN = "2026-07-06";

describe("statements of the sample practice", () => {
  it("never carry a diagnosis code, a member id or a date of birth", async () => {
    const workbook = new MemoryWorkbook();
    await applyPlan(workbook, samplePractice({ lines: 1500, asOf: SAMPLE_DAY }));
    const books = await readStatementBooks(workbook);
    expect(books.problems).toEqual([]);

    const secrets = new Set<string>();
    for (const c of books.ledger.charges) {
      for (const dx of [c.dx1, c.dx2, c.dx3, c.dx4]) {
        if (dx === undefined) continue;
        secrets.add(dx);
        secrets.add(dx.replace(".", ""));
      }
    }
    let dobs = 0;
    for (const p of books.patients) {
      if (p.primaryMemberId) secrets.add(p.primaryMemberId);
      if (p.secondaryMemberId) secrets.add(p.secondaryMemberId);
      if (p.dob) {
        dobs++;
        const [y, m, d] = p.dob.split("-");
        secrets.add(p.dob);
        secrets.add(`${Number(m)}/${Number(d)}/${y}`);
      }
    }
    expect(dobs).toBe(books.patients.length);
    expect(secrets.size).toBeGreaterThan(books.patients.length);

    const docs: StatementDocument[] = [];
    for (const p of books.patients) docs.push(patientStatement(books, p.patientId, { date: RUN, number: "S900000" }));
    for (const payer of books.payers.filter((p) => p.type === "Other"))
      docs.push(invoiceFor(books, payer.payerId, { date: RUN, number: "I900000" }));
    for (const s of books.statements) docs.push(reprint(books, s.number));
    const batch = statementBatch(books, { date: RUN });
    docs.push(...batch.documents);

    // The run is not trivial: real statements with lines, addresses and money due.
    expect(batch.documents.length).toBeGreaterThan(20);
    expect(docs.filter((d) => d.lines.length > 0 && d.amountDue > 0).length).toBeGreaterThan(40);
    expect(docs.some((d) => d.kind === "Invoice" && d.lines.length > 0)).toBe(true);

    const leaks: string[] = [];
    for (const doc of docs) {
      const text = JSON.stringify(doc);
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${doc.number} ${doc.account}`);
    }
    expect(leaks).toEqual([]);

    // What the batch writes: its sheets and the Audit row, every cell as text; a DOB written as a date serial counts too.
    const dobSerials = new Set(books.patients.flatMap((p) => (p.dob ? [isoToSerial(p.dob)] : [])));
    const applied = await applyPlan(
      workbook,
      issuePlan(batch.documents, { dateSystem: books.dateSystem, info: await workbook.describe() }),
    );
    expect(applied.sheetsWritten.length).toBeGreaterThan(0);
    const written: { where: string; cells: unknown[][] }[] = [];
    for (const sheet of applied.sheetsWritten) written.push({ where: sheet, cells: (await workbook.readSheet(sheet))! });
    written.push({ where: "Audit", cells: (await workbook.readTables(["Audit"])).Audit!.rows });
    for (const { where, cells } of written) {
      for (const row of cells)
        for (const cell of row) {
          if (typeof cell === "number" && dobSerials.has(cell)) leaks.push(`${where}: a date of birth`);
          if (typeof cell !== "string") continue;
          for (const secret of secrets) if (cell.includes(secret)) leaks.push(`${where}: ${secret}`);
        }
    }
    // The PDF's text, page by page, as drawn.
    for (const page of await statementPages(batch.documents)) {
      const text = page.runs.map((r) => r.text).join("\n");
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`PDF ${page.number} page ${page.page}`);
    }
    expect(leaks).toEqual([]);
  });
});
