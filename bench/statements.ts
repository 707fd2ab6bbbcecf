// Statements figures (issue 7): a batch of 5,000 statements from a sample practice large enough to
// owe that many — reading the books, choosing and building the documents (statementBatch), laying
// out the plan (issuePlan), writing it through the xlsx adapter and saving, and the PDF — beside a
// baseline in the same run: plain ExcelJS writing the same cell values with no styles, print layout
// or tables. Making and loading the sample is not counted. Returns figures; prints nothing.
import ExcelJS from "exceljs";
import { samplePractice } from "../src/sample/practiceSample";
import { statementBatch } from "../src/statements/batch";
import { readStatementBooks } from "../src/statements/statementBooks";
import { statementsPdf } from "../src/statements/statementPdf";
import { issuePlan } from "../src/statements/statementPlan";
import { MemoryWorkbook } from "../src/workbook/memoryWorkbook";
import { applyPlan } from "../src/workbook/plan";
import type { ReportSheetOp } from "../src/workbook/port";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";

const SAMPLE_DAY = "2026-06-30";
const RUN = "2026-07-06";

const seconds = (start: number) => (performance.now() - start) / 1000;

export interface StatementsBench {
  sampleLines: number;
  statements: number;
  readSeconds: number;
  batchSeconds: number;
  planSeconds: number;
  writeSeconds: number;
  saveSeconds: number;
  bytes: number;
  pdfSeconds: number;
  pdfBytes: number;
  plainSeconds: number;
  cells: number;
}

export async function benchStatements(wanted: number, sampleLines: number): Promise<StatementsBench> {
  const memory = new MemoryWorkbook();
  await applyPlan(memory, samplePractice({ lines: sampleLines, asOf: SAMPLE_DAY }));

  let start = performance.now();
  const books = await readStatementBooks(memory);
  const readSeconds = seconds(start);

  start = performance.now();
  const batch = statementBatch(books, { date: RUN });
  const batchSeconds = seconds(start);
  const documents = batch.documents.slice(0, wanted);

  const xlsx = XlsxWorkbook.create();
  const info = await xlsx.describe();
  start = performance.now();
  const plan = issuePlan(documents, { dateSystem: books.dateSystem, info });
  const planSeconds = seconds(start);

  start = performance.now();
  await applyPlan(xlsx, plan);
  const writeSeconds = seconds(start);
  start = performance.now();
  const bytes = (await xlsx.save()).byteLength;
  const saveSeconds = seconds(start);

  start = performance.now();
  const pdf = await statementsPdf(documents);
  const pdfSeconds = seconds(start);

  // The floor for the file: the same values on the same sheets, nothing else.
  const sheets = plan.ops.filter((op): op is ReportSheetOp => op.kind === "reportSheet");
  let cells = 0;
  start = performance.now();
  const plain = new ExcelJS.Workbook();
  for (const op of sheets) {
    const ws = plain.addWorksheet(op.sheet);
    ws.addRows(op.cells);
    for (const row of op.cells) cells += row.length;
  }
  await plain.xlsx.writeBuffer();
  const plainSeconds = seconds(start);

  return {
    sampleLines,
    statements: documents.length,
    readSeconds,
    batchSeconds,
    planSeconds,
    writeSeconds,
    saveSeconds,
    bytes,
    pdfSeconds,
    pdfBytes: pdf.byteLength,
    plainSeconds,
    cells,
  };
}

export function statementsLines(b: StatementsBench): string[] {
  const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
  const adapter = b.writeSeconds + b.saveSeconds;
  return [
    `\nStatements: a batch of ${fmt(b.statements, 0)} from a ${fmt(b.sampleLines, 0)}-line sample practice`,
    `  read the books: ${fmt(b.readSeconds)} s; choose and build (statementBatch): ${fmt(b.batchSeconds)} s; lay out (issuePlan): ${fmt(b.planSeconds)} s`,
    `  xlsx adapter: write ${fmt(b.writeSeconds)} s, save ${fmt(b.saveSeconds)} s (${fmt(b.bytes / 1e6, 1)} MB); PDF ${fmt(b.pdfSeconds)} s (${fmt(b.pdfBytes / 1e6, 1)} MB)`,
    `  baseline (plain ExcelJS, the same ${fmt(b.cells, 0)} cells, no styles or print layout): ${fmt(b.plainSeconds)} s; ratio ${fmt(adapter / b.plainSeconds, 1)}x`,
  ];
}
