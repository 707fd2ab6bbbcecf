// The Statements panel's preview and issue without React, on the sample practice in a memory
// workbook: a preview is the engine's batch and writes nothing; issuing writes the engine's plan (the
// sheet, one Statements row per number, gap-free after the sample's, one Audit row naming no one),
// after which the same date's preview issues nothing and says why for each account just sent. A
// preview the workbook no longer matches is refused with the new one, nothing written. Re-printing
// writes the sheet again with the same number and no row; an invoice goes only to a payer of type
// Other. The PDF of what was issued is a PDF with one page per statement, named without a patient.
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it } from "vitest";
import { samplePractice } from "../../src/sample/practiceSample";
import { statementBatch } from "../../src/statements/batch";
import { readStatementBooks, type StatementBooks } from "../../src/statements/statementBooks";
import { issuePlan, reprintPlan } from "../../src/statements/statementPlan";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { StatementRequest } from "../../taskpane/statements/statementForm";
import {
  STAGE_PROGRESS,
  issueStatements,
  previewStatements,
  runPreview,
  stageLabel,
  type StatementPreview,
  type StatementStage,
} from "../../taskpane/statements/statementRun";
import { pdfFileName, statementsPdfBytes } from "../../taskpane/statements/statementsPdfFile";
import { nothingText, reasonGroup } from "../../taskpane/statements/statementView";

const SAMPLE_DAY = "2026-06-30";
const DATE = "2026-07-06";
const NOW = new Date(2026, 6, 6, 9, 30, 0);
const BATCH: StatementRequest = { job: "batch", date: DATE, minBalance: 500, cycleDays: 30 };

async function sample(): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await applyPlan(workbook, samplePractice({ lines: 400, asOf: SAMPLE_DAY }));
  return workbook;
}

async function records(workbook: MemoryWorkbook, table: string): Promise<Record<string, unknown>[]> {
  const raw = (await workbook.readTables([table]))[table]!;
  return raw.rows.map((row) => Object.fromEntries(raw.headers.map((h, i) => [h, row[i]])));
}

async function previewOf(workbook: MemoryWorkbook, request: StatementRequest): Promise<StatementPreview> {
  const { result } = await runPreview(workbook, request);
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

let workbook: MemoryWorkbook;
let books: StatementBooks;

beforeEach(async () => {
  workbook = await sample();
  books = await readStatementBooks(workbook);
});

describe("previewing", () => {
  it("reads, then builds, the engine's batch, and writes nothing", async () => {
    const before = structuredClone(workbook.sheets);
    const stages: StatementStage[] = [];
    const { books: read, result } = await runPreview(workbook, BATCH, (s) => void stages.push(s));
    expect(stages).toEqual(["reading", "building"]);
    expect(stages.map(stageLabel)).toEqual(["Reading the workbook…", "Building the statements…"]);
    expect(STAGE_PROGRESS.reading).toBeLessThan(STAGE_PROGRESS.building);
    expect(read).toEqual(books);
    if (!result.ok) throw new Error(result.error);
    const run = statementBatch(books, { date: DATE, minBalance: 500, cycleDays: 30 });
    expect(run.documents.length).toBeGreaterThan(5);
    expect(result.preview).toEqual({
      request: BATCH,
      documents: run.documents,
      skipped: run.skipped,
      total: run.total,
      pendingInsurance: run.documents.reduce((s, d) => s + d.pendingInsurance, 0),
      date: DATE,
      nothing: false,
      snapshot: { tables: expect.objectContaining({ Statements: expect.any(String), Payments: expect.any(String) }) },
    });
    expect(workbook.sheets).toEqual(before);
  });

  it("applies the minimum asked for, not only the practice's", () => {
    const all = previewStatements(books, { ...BATCH, minBalance: 0 });
    const high = previewStatements(books, { ...BATCH, minBalance: 10_000 });
    if (!all.ok || !high.ok) throw new Error("refused");
    expect(high.preview.documents.length).toBeLessThan(all.preview.documents.length);
    for (const d of high.preview.documents) expect(d.amountDue).toBeGreaterThanOrEqual(10_000);
  });

  it("previews one account that owes, and says why one on hold or in collections is left out", () => {
    const run = statementBatch(books, { date: DATE });
    const owing = run.documents[0].account;
    const one = previewStatements(books, { job: "account", date: DATE, minBalance: 500, cycleDays: 30, account: owing });
    if (!one.ok) throw new Error(one.error);
    expect(one.preview.documents.map((d) => d.account)).toEqual([owing]);
    expect(one.preview.documents[0].number).toBe(run.documents[0].number);

    const held = books.patients.find((p) => p.accountStatus === "Collections" || p.accountStatus === "Hold")!;
    expect(held).toBeDefined();
    const left = previewStatements(books, { job: "account", date: DATE, minBalance: 0, cycleDays: 0, account: held.patientId });
    if (!left.ok) throw new Error(left.error);
    expect(left.preview.nothing).toBe(true);
    expect(left.preview.documents).toEqual([]);
    expect(left.preview.skipped).toHaveLength(1);
    expect(["on hold", "with a collection agency"]).toContain(reasonGroup(left.preview.skipped[0].reason));
    expect(nothingText(left.preview, books).body).toBe(
      `Account ${held.patientId} is left out: ${left.preview.skipped[0].reason}. A lower minimum or a shorter cycle sends it anyway.`,
    );
  });

  it("says on its field when a number was never issued or a payer is not of type Other", () => {
    expect(previewStatements(books, { job: "reprint", number: "S999999" })).toEqual({
      ok: false,
      field: "number",
      error: 'There is no statement or invoice numbered "S999999" in the Statements table.',
    });
    const insurer = books.payers.find((p) => p.type === "Commercial")!;
    const refused = previewStatements(books, { job: "invoice", date: DATE, payerId: insurer.payerId });
    expect(refused).toMatchObject({ ok: false, field: "payer" });
    if (refused.ok) return;
    expect(refused.error).toContain("invoices go only to payers of type Other");
  });
});

describe("issuing a batch", () => {
  it("writes the engine's plan: the sheet, gap-free numbers after the sample's, and one Audit row naming no one", async () => {
    const preview = await previewOf(workbook, BATCH);
    const rowsBefore = await records(workbook, "Statements");
    const auditBefore = (await records(workbook, "Audit")).length;
    const highest = Math.max(...rowsBefore.map((r) => Number(/(\d+)$/.exec(String(r.Number))![1])));
    const info = await workbook.describe();

    const stages: StatementStage[] = [];
    const result = await issueStatements(workbook, preview, (s) => void stages.push(s), NOW);
    if (!result.ok) throw new Error(result.error);
    expect(stages).toEqual(["reading", "building", "writing"]);
    const { issued } = result;
    expect(issued.reprint).toBe(false);
    expect(issued.documents).toEqual(preview.documents);
    expect(issued.plan).toEqual(issuePlan(preview.documents, { dateSystem: 1900, info }));
    expect(issued.sheets).toEqual([`Statements ${DATE}`]);
    expect(issued.rows).toBe(preview.documents.length);
    expect(issued.applied.sheetsWritten).toEqual([`Statements ${DATE}`]);
    const op = issued.plan.ops.find((o) => o.kind === "reportSheet")!;
    if (op.kind !== "reportSheet") throw new Error("no sheet");
    expect(await workbook.readSheet(`Statements ${DATE}`)).toEqual(op.cells);

    const rows = await records(workbook, "Statements");
    const added = rows.slice(rowsBefore.length);
    expect(added.map((r) => r.Number)).toEqual(preview.documents.map((_, i) => `S${String(highest + 1 + i).padStart(6, "0")}`));
    expect(added.map((r) => r.Account)).toEqual(preview.documents.map((d) => d.account));
    expect(added.every((r) => r.Kind === "Statement")).toBe(true);

    const audit = await records(workbook, "Audit");
    expect(audit).toHaveLength(auditBefore + 1);
    const row = audit.at(-1)!;
    expect(row).toMatchObject({ Time: "2026-07-06 09:30:00", Action: "Statements issued" });
    const text = JSON.stringify(row);
    for (const p of books.patients) {
      expect(text).not.toContain(p.lastName);
      expect(text).not.toContain(p.patientId);
    }
  });

  it("issues nothing when the same date is previewed again, naming each account just sent and its number", async () => {
    const first = await previewOf(workbook, BATCH);
    const result = await issueStatements(workbook, first, undefined, NOW);
    if (!result.ok) throw new Error(result.error);

    const again = await previewOf(workbook, BATCH);
    expect(again.nothing).toBe(true);
    expect(again.documents).toEqual([]);
    expect(again.total).toBe(0);
    for (const doc of first.documents) {
      const skipped = again.skipped.find((s) => s.account === doc.account);
      expect(skipped?.reason, doc.account).toBe(`statement ${doc.number} went out today (${DATE}); the cycle is 30 days`);
      expect(reasonGroup(skipped!.reason)).toBe("had a statement within the cycle");
    }
    const said = nothingText(again, books);
    expect(said.title).toBe(`Nothing to issue on ${DATE}`);
    expect(said.body).toContain("already had a statement within the cycle");
    expect(said.body).toContain("running the batch again issues nothing new");

    // Issuing that empty preview is refused, and writes nothing.
    const before = structuredClone(workbook.sheets);
    expect(await issueStatements(workbook, again)).toEqual({ ok: false, error: "There is nothing to issue: preview again." });
    expect(workbook.sheets).toEqual(before);
  });

  it("refuses a preview the workbook no longer matches, hands back the new one and writes nothing", async () => {
    const preview = await previewOf(workbook, BATCH);
    // Another run takes the next numbers first (another pane, the command line, a colleague in the workbook).
    await applyPlan(workbook, issuePlan(preview.documents.slice(0, 2), { dateSystem: 1900, info: await workbook.describe() }), NOW);
    const before = structuredClone(workbook.sheets);

    const result = await issueStatements(workbook, preview, undefined, NOW);
    if (result.ok) throw new Error("issued a stale preview");
    expect(result.error).toBe(
      "The Statements table changed since this preview (statements issued or payments posted in between): preview again before issuing. Nothing was written.",
    );
    expect(workbook.sheets).toEqual(before);
    if (!result.changed?.ok) throw new Error("no new preview");
    const fresh = result.changed.preview;
    expect(fresh.documents.map((d) => d.account)).toEqual(preview.documents.slice(2).map((d) => d.account));
    // The new preview numbers on after the two just issued, so issuing it leaves no gap and no double.
    expect(fresh.documents[0].number).toBe(preview.documents[2].number);
    const issued = await issueStatements(workbook, fresh, undefined, NOW);
    expect(issued.ok).toBe(true);
    const numbers = (await records(workbook, "Statements")).map((r) => String(r.Number));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe("re-printing and invoicing", () => {
  it("re-prints an issued number as of its date, on its own sheet, with no Statements row", async () => {
    const row = books.statements.at(-1)!;
    const preview = await previewOf(workbook, { job: "reprint", number: ` ${row.number.toLowerCase()} ` });
    expect(preview.documents).toHaveLength(1);
    expect(preview.documents[0]).toMatchObject({ number: row.number, date: row.date, account: row.account, amountDue: row.amountDue });
    expect(preview.date).toBe(row.date);
    const rowsBefore = (await records(workbook, "Statements")).length;

    const result = await issueStatements(workbook, preview, undefined, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.issued.reprint).toBe(true);
    expect(result.issued.rows).toBe(0);
    expect(result.issued.sheets).toEqual([`Statement ${row.number}`]);
    expect(result.issued.plan).toEqual(reprintPlan(preview.documents[0], { dateSystem: 1900 }));
    expect(await records(workbook, "Statements")).toHaveLength(rowsBefore);
    expect((await records(workbook, "Audit")).at(-1)).toMatchObject({ Action: "Statement re-printed" });
  });

  it("invoices a payer of type Other with the next invoice number", async () => {
    const payer = books.payers.find((p) => p.type === "Other")!;
    const preview = await previewOf(workbook, { job: "invoice", date: DATE, payerId: payer.payerId });
    expect(preview.nothing).toBe(false);
    expect(preview.documents).toHaveLength(1);
    expect(preview.documents[0]).toMatchObject({ kind: "Invoice", number: "I000001", account: payer.payerId, terms: "Net 30" });
    const result = await issueStatements(workbook, preview, undefined, NOW);
    if (!result.ok) throw new Error(result.error);
    expect(result.issued.sheets).toEqual(["Invoice I000001"]);
    expect((await records(workbook, "Statements")).at(-1)).toMatchObject({ Number: "I000001", Kind: "Invoice", Account: payer.payerId });
  });
});

describe("the PDF of what was issued", () => {
  it("is a PDF with a page per statement, named by the date or the number and never by a patient", async () => {
    const preview = await previewOf(workbook, BATCH);
    const docs = preview.documents.slice(0, 4);
    const bytes = await statementsPdfBytes(docs);
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(docs.length);
    expect(pdfFileName(docs)).toBe(`statements-${DATE}.pdf`);
    expect(pdfFileName(docs.slice(0, 1))).toBe(`statement-${docs[0].number}.pdf`);
    expect(pdfFileName([{ ...docs[0], kind: "Invoice", number: "I000007" }])).toBe("invoice-I000007.pdf");
  });
});
