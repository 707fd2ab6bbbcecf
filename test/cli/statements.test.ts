// `medbill statements`, run in-process on a sample practice made by `medbill sample` in a temporary
// folder: a dry run prints statementBatch's documents (numbers, accounts, amounts, no names) and
// writes nothing; a batch writes the sheet, the Statements rows and the Audit row, numbers on from
// the last run without a gap, and its PDF has a page per statement and no DOB or member id; --pdf
// refuses an existing file (issuing nothing) unless --force; --account, --reprint (same number, no
// row) and --invoice; wrong command lines exit 2.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../src/money";
import { statementBatch } from "../../src/statements/batch";
import { readStatementBooks, type StatementBooks } from "../../src/statements/statementBooks";
import { parseTable } from "../../src/workbook/mapTable";
import { Audit, Statements, type PatientRow, type StatementRow } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { pdfTexts } from "../statements/pdfText";
import { cellsOf, cents, tempFolder, terminal, writeSample } from "./terminal";

const { file } = tempFolder("medbill-statements-");

/** The printed rows of documents: [number, account, lines, pending insurance, amount due]. */
const printedDocuments = (out: string[]) => out.filter((l) => /^[SI]\d{6} /.test(l)).map(cellsOf);

async function booksOf(bookPath: string): Promise<StatementBooks> {
  return readStatementBooks(await XlsxWorkbook.load(readFileSync(bookPath)));
}
async function statementRows(bookPath: string): Promise<StatementRow[]> {
  const book = await XlsxWorkbook.load(readFileSync(bookPath));
  return parseTable(Statements, (await book.readTables(["Statements"])).Statements!).rows;
}

/** Every string a pdf-lib PDF shows, a line each. */
const pdfText = (bytes: Uint8Array): string => pdfTexts(bytes).flat().join("\n");

const AS_OF = "2026-10-31";
const DATE = "2026-11-02";

describe("medbill statements on a sample practice", () => {
  const sample = file("sample.xlsx");
  let books: StatementBooks;
  let patients: PatientRow[];

  beforeAll(async () => {
    await writeSample(sample, { lines: 300, seed: 3, asOf: AS_OF });
    books = await booksOf(sample);
    patients = books.patients;
    // The privacy checks below look for these: the sample must have them.
    expect(patients.filter((p) => p.dob && p.primaryMemberId).length).toBeGreaterThan(20);
  });

  /** A fresh copy of the sample, so each test issues from the same start. */
  function copy(name: string): string {
    copyFileSync(sample, file(name));
    return file(name);
  }

  /** Nothing that identifies a patient beyond the account id: names, DOBs, member ids. */
  function expectNoPatientData(text: string) {
    for (const p of patients) expect(text).not.toContain(p.lastName);
    expectNoIdentifiers(text);
  }

  /** No date of birth (either way it is written) and no member id: not even on the statement itself. */
  function expectNoIdentifiers(text: string) {
    for (const p of patients) {
      if (p.dob) {
        expect(text).not.toContain(p.dob);
        const [y, m, d] = p.dob.split("-");
        expect(text).not.toContain(`${m}/${d}/${y}`);
      }
      if (p.primaryMemberId) expect(text).not.toContain(p.primaryMemberId);
      if (p.secondaryMemberId) expect(text).not.toContain(p.secondaryMemberId);
    }
  }

  it("--dry-run prints statementBatch's documents by number, account and amount, no names, and writes nothing", async () => {
    const before = readFileSync(sample);
    const t = terminal();
    expect(await t.run("statements", sample, "--batch", "--date", DATE, "--dry-run")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out[0]).toBe(`Statements from ${sample} dated ${DATE} (minimum $5.00, cycle 30 days)`);
    const preview = statementBatch(books, { date: DATE });
    expect(preview.documents.length).toBeGreaterThan(3);
    const rows = printedDocuments(t.out);
    expect(rows.map((r) => [r[0], r[1], Number(r[2]), cents(r[3]), cents(r[4])])).toEqual(
      preview.documents.map((d) => [d.number, d.account, d.lines.length, d.pendingInsurance, d.amountDue]),
    );
    // Numbered on from the sample's last statement (S000022), one after another.
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => `S${String(23 + i).padStart(6, "0")}`));
    const total = preview.documents.reduce((n, d) => n + d.amountDue, 0);
    expect(t.out).toContain(
      `Total: ${preview.documents.length} statements, amount due ${formatMoney(total)} (pending insurance ${formatMoney(
        preview.documents.reduce((n, d) => n + d.pendingInsurance, 0),
      )}).`,
    );
    expect(t.out).toContain(`Left out: ${preview.skipped.length} account${preview.skipped.length === 1 ? "" : "s"}`);
    for (const s of preview.skipped) expect(t.out).toContain(`  ${s.account}: ${s.reason}`);
    expect(t.out[t.out.length - 1]).toMatch(/^Dry run: nothing written, no number issued\. Issuing would number S000023 to S0000\d\d/);
    expectNoPatientData(t.out.join("\n"));
    expect(readFileSync(sample).equals(before)).toBe(true);
  });

  it("issues a batch: the sheet, one Statements row per statement, the Audit row, the PDF; a second run numbers on", async () => {
    const book = copy("batch.xlsx");
    const pdf = file("batch.pdf");
    const before = await statementRows(book);
    const t = terminal();
    expect(await t.run("statements", book, "--batch", "--date", DATE, "--pdf", pdf)).toBe(0);
    const printed = printedDocuments(t.out);
    const first = printed[0][0];
    const last = printed[printed.length - 1][0];
    expect(t.out).toContain(
      `Issued ${first} to ${last} on the sheet "Statements ${DATE}", with ${printed.length} rows in the Statements table. Saved ${book}.`,
    );
    expect(t.out[t.out.length - 1]).toBe(`Wrote ${pdf} (${printed.length} statements).`);

    const after = await statementRows(book);
    const added = after.slice(before.length);
    expect(added.map((r) => [r.number, r.date, r.account, r.kind, r.amountDue])).toEqual(
      printed.map((r) => [r[0], DATE, r[1], "Statement", cents(r[4])]),
    );
    const written = await XlsxWorkbook.load(readFileSync(book));
    expect((await written.describe()).sheets).toContain(`Statements ${DATE}`);
    const audit = parseTable(Audit, (await written.readTables(["Audit"])).Audit!).rows;
    const row = audit[audit.length - 1];
    expect(row.action).toBe("Statements issued");
    expect(row.what).toContain(`${first}-${last}`);
    expectNoPatientData(JSON.stringify(audit));

    const bytes = new Uint8Array(readFileSync(pdf));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThanOrEqual(printed.length);
    const text = pdfText(bytes);
    for (const [number, , , , amount] of printed) {
      expect(text).toContain(number);
      expect(text).toContain(amount);
    }
    // The statements are addressed to the patients by name; nothing else about them is on the pages.
    expect(text).toContain(patients.find((p) => p.patientId === printed[0][1])!.lastName);
    expectNoIdentifiers(text);

    // The same date again: every account had its statement today.
    const again = terminal();
    expect(await again.run("statements", book, "--batch", "--date", DATE)).toBe(1);
    expect(again.out[again.out.length - 1]).toBe(`Nothing to issue: no account owes the minimum and is due a statement on ${DATE}.`);
    expect(await statementRows(book)).toHaveLength(after.length);

    // A later run with no cycle: the numbers follow the first run's without a gap.
    const later = terminal();
    expect(await later.run("statements", book, "--batch", "--date", "2026-11-20", "--cycle", "0")).toBe(0);
    const next = printedDocuments(later.out);
    expect(next.length).toBeGreaterThan(0);
    expect(next[0][0]).toBe(`S${String(Number(last.slice(1)) + 1).padStart(6, "0")}`);
  });

  it("refuses to replace an existing PDF without --force, issuing nothing; with --force replaces it", async () => {
    const book = copy("force.xlsx");
    const pdf = file("existing.pdf");
    writeFileSync(pdf, "not a statement");
    const before = readFileSync(book);
    const t = terminal();
    expect(await t.run("statements", book, "--batch", "--date", DATE, "--pdf", pdf)).toBe(2);
    expect(t.err[0]).toBe(`Cannot write "${pdf}": a file with that name already exists (add --force to replace it).`);
    expect(t.err[1]).toBe("Nothing was written and no number was issued: the workbook was not saved.");
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(readFileSync(pdf, "utf8")).toBe("not a statement");

    const forced = terminal();
    expect(await forced.run("statements", book, "--batch", "--date", DATE, "--pdf", pdf, "--force")).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await statementRows(book)).length).toBeGreaterThan(books.statements.length);
  });

  it("--account issues one statement on its own sheet; --reprint prints it again with its number and no new row", async () => {
    const book = copy("account.xlsx");
    const account = statementBatch(books, { date: DATE }).documents[1].account;
    const t = terminal();
    expect(await t.run("statements", book, "--account", account, "--date", DATE)).toBe(0);
    const [[number, printedAccount, , , amount]] = printedDocuments(t.out);
    expect([number, printedAccount]).toEqual(["S000023", account]);
    expect(t.out[t.out.length - 1]).toContain(`Issued S000023 on the sheet "Statement S000023", with 1 row in the Statements table.`);
    const rows = await statementRows(book);
    expect(rows[rows.length - 1]).toMatchObject({ number: "S000023", account, amountDue: cents(amount) });

    const pdf = file("reprint.pdf");
    const again = terminal();
    expect(await again.run("statements", book, "--reprint", "s000023", "--pdf", pdf)).toBe(0);
    expect(again.out[0]).toBe(`Re-print of statement S000023 from ${book}, as of its date ${DATE}`);
    expect(printedDocuments(again.out)).toEqual([[number, account, expect.any(String), expect.any(String), amount]]);
    expect(again.out).toContain(`Re-printed S000023 on the sheet "Statement S000023" (no new number). Saved ${book}.`);
    expect(await statementRows(book)).toHaveLength(rows.length);
    const bytes = new Uint8Array(readFileSync(pdf));
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    expect(pdfText(bytes)).toContain("S000023");

    const unknown = terminal();
    expect(await unknown.run("statements", book, "--reprint", "S999999")).toBe(1);
    expect(unknown.err[0]).toBe('There is no statement or invoice numbered "S999999" in the Statements table.');
  });

  it("--account says why an account on hold gets nothing, and exits 1", async () => {
    const held = patients.find((p) => p.accountStatus === "Hold")!;
    const before = readFileSync(sample);
    const t = terminal();
    expect(await t.run("statements", sample, "--account", held.patientId, "--date", DATE)).toBe(1);
    expect(t.out).toContain(`  ${held.patientId}: the account is on hold (Patients, Account Status)`);
    expect(t.out[t.out.length - 1]).toBe("Nothing to issue: the account is left out (--min and --cycle change the minimum and the cycle).");
    expect(readFileSync(sample).equals(before)).toBe(true);
  });

  it("--invoice bills a payer of type Other with an invoice number of its own, and refuses an insurer", async () => {
    const book = copy("invoice.xlsx");
    const other = books.payers.find((p) => p.type === "Other")!;
    const t = terminal();
    expect(await t.run("statements", book, "--invoice", other.payerId, "--date", DATE)).toBe(0);
    const [[number, account]] = printedDocuments(t.out);
    expect([number, account]).toEqual(["I000001", other.payerId]);
    expect(t.out).toContain(`Issued I000001 on the sheet "Invoice I000001", with 1 row in the Statements table. Saved ${book}.`);
    const rows = await statementRows(book);
    expect(rows[rows.length - 1]).toMatchObject({ number: "I000001", kind: "Invoice", account: other.payerId });

    const insurer = terminal();
    expect(await insurer.run("statements", book, "--invoice", "MCR", "--date", DATE)).toBe(1);
    expect(insurer.err[0]).toContain("invoices go only to payers of type Other");
    expect(await statementRows(book)).toHaveLength(rows.length);
  });

  it("exits 2 for a command line it cannot run, naming what is wrong", async () => {
    const cases: [string[], string][] = [
      [["statements"], "Name the workbook: medbill statements book.xlsx"],
      [["statements", sample], "Say what to issue: --batch, --account ID, --invoice PAYERID or --reprint NUMBER."],
      [["statements", sample, "--batch", "--invoice", "ATTY"], "Use one of --batch and --invoice at a time."],
      [["statements", sample, "--invoice", "ATTY", "--min", "10"], "--min and --cycle go with --batch or --account."],
      [["statements", sample, "--reprint", "S000001", "--date", DATE], "A re-print keeps the date it was issued on: leave out --date."],
      [["statements", sample, "--batch", "--date", "11/02/2026"], '--date must be a date written like 2026-06-30, not "11/02/2026".'],
      [["statements", sample, "--batch", "--min", "ten"], '--min must be an amount of 0 or more, like 10 or 10.50 (not "ten").'],
      [["statements", sample, "--batch", "--cycle", "3.5"], '--cycle must be a whole number of days, like 30 (not "3.5").'],
      [["statements", sample, "--batch", "--pdf", sample], "--pdf must name a file other than the workbook."],
      [["statements", sample, "--batch", "--colour"], 'There is no option "--colour" for this command.'],
    ];
    for (const [argv, message] of cases) {
      const t = terminal();
      expect(await t.run(...argv), argv.join(" ")).toBe(2);
      expect(t.err[0]).toBe(message);
    }
    const missing = terminal();
    expect(await missing.run("statements", file("nope.xlsx"), "--batch")).toBe(2);
    expect(missing.err[0]).toBe(`Cannot open "${file("nope.xlsx")}": there is no such file.`);
    expect(existsSync(file("nope.xlsx"))).toBe(false);
  });
});
