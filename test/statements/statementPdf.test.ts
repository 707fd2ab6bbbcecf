// The statements PDF on hand-made documents: a Letter page per document and more for a long one,
// the figures and the recipient where they belong (window envelope, stub below the tear-off line),
// money right-aligned, nothing from outside the model on any page (a DOB, member id, SSN and diagnosis
// smuggled into the fixture never show), text outside WinAnsi replaced instead of throwing, metadata
// that names no one and the same bytes for the same documents. What a page says is read twice: from
// the placed runs (statementPages) and from the PDF itself (its content streams inflated and the
// shown strings decoded), so the runs are known to be what the file draws.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { formatMoney } from "../../src/money";
import type { DocumentLine, StatementDocument } from "../../src/statements/model";
import { clean, statementPages, statementsPdf, type PlacedPage, type TextRun } from "../../src/statements/statementPdf";
import { pdfTexts } from "./pdfText";
import { withSummary } from "./withSummary";

const DOB = "1958-03-14";
const MEMBER_ID = "WQX884213057";
const SSN = "123-45-6789";
const DIAGNOSIS = "E11.9";

function line(i: number, overrides: Partial<DocumentLine> = {}): DocumentLine {
  return {
    dos: `2026-${String(1 + (i % 9)).padStart(2, "0")}-${String(10 + (i % 18)).padStart(2, "0")}`,
    description: i % 2 === 0 ? "Office visit" : "Lab work",
    charges: 15000 + i,
    insurancePaid: 9000,
    adjustments: 2000,
    patientPaid: 1000,
    balance: 3000 + i,
    pendingInsurance: 0,
    due: 3000 + i,
    ...overrides,
  };
}

function statement(overrides: Partial<StatementDocument> = {}): StatementDocument {
  const doc: StatementDocument = withSummary({
    kind: "Statement",
    number: "S000123",
    date: "2026-11-27",
    dueDate: "2026-12-27",
    account: "P000777",
    practice: {
      name: "Riverbend Family Medicine",
      addressLines: ["1200 River Road, Suite 4", "Springfield, IL 62704"],
      phone: "(217) 555-0100",
      remitToLines: ["PO Box 4410", "Springfield, IL 62708"],
    },
    to: { name: "Dana Whitfield", addressLines: ["44 Elm Street", "Springfield, IL 62701"] },
    lines: [line(0), line(1), line(2)],
    previousBalance: 12000,
    previousDate: "2026-10-28",
    paymentsSince: 5000,
    credit: -500,
    amountDue: 45678,
    pendingInsurance: 22000,
    aging: { current: 10000, days31to60: 20000, days61to90: 5678, over90: 10000 },
    message: "Your account is past due. Please pay by the due date or call us to set up a payment plan.",
    periodStart: "2026-01-10",
    periodEnd: "2026-03-12",
    ...overrides,
  });
  // What the engine never puts in the model, smuggled in: the PDF must draw only the model's own fields.
  return Object.assign(doc, { dob: DOB, memberId: MEMBER_ID, ssn: SSN, diagnosis: DIAGNOSIS });
}

const invoice = (overrides: Partial<StatementDocument> = {}) =>
  statement({
    kind: "Invoice",
    number: "I000045",
    account: "ACME",
    to: { name: "Acme Logistics, Attn. Benefits", addressLines: ["9 Dock Road", "Peoria, IL 61602"] },
    terms: "Net 30",
    ...overrides,
  });

const texts = (page: PlacedPage) => page.runs.map((r) => r.text);
const runOf = (page: PlacedPage, text: string): TextRun => {
  const run = page.runs.find((r) => r.text === text);
  if (!run) throw new Error(`"${text}" is not on page ${page.page} of ${page.number}`);
  return run;
};

describe("statementsPdf", () => {
  it("makes a PDF with one Letter page per document", async () => {
    const docs = [statement(), statement({ number: "S000124", account: "P000778" }), invoice()];
    const bytes = await statementsPdf(docs);
    expect(new TextDecoder("latin1").decode(bytes.subarray(0, 5))).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getPages().map((p) => p.getSize())).toEqual(Array(3).fill({ width: 612, height: 792 }));
  });

  it("continues a document whose lines do not fit on further pages, every line once, the stub on the first", async () => {
    const long = statement({ number: "S000200", lines: Array.from({ length: 70 }, (_, i) => line(i)) });
    const docs = [statement(), long, invoice()];
    const pdf = await PDFDocument.load(await statementsPdf(docs));
    const pages = await statementPages(docs);
    expect(pdf.getPageCount()).toBe(pages.length);
    const longPages = pages.filter((p) => p.number === "S000200");
    expect(longPages.length).toBeGreaterThan(1);
    expect(pages.length).toBe(2 + longPages.length);
    expect(longPages.map((p) => [p.page, p.pages])).toEqual(longPages.map((_, i) => [i + 1, longPages.length]));

    // Every line's balance once, in order, across the document's pages.
    const balances = long.lines.map((l) => formatMoney(l.balance));
    const shown = longPages.flatMap(texts).filter((t) => balances.includes(t));
    expect(shown).toEqual(balances);

    const [first, ...rest] = longPages;
    const last = rest[rest.length - 1];
    expect(texts(first)).toContain("Amount enclosed");
    expect(texts(first)).toContain("Continued on the next page.");
    expect(texts(first)).not.toContain("AMOUNT DUE");
    expect(texts(last)).toContain("AMOUNT DUE");
    for (const page of rest) {
      expect(texts(page)).not.toContain("Amount enclosed");
      expect(texts(page).some((t) => t.includes("Statement S000200") && t.includes("Account P000777"))).toBe(true);
      // Nothing drawn off the page.
      for (const run of page.runs) expect(run.y).toBeGreaterThan(0);
    }
    expect(texts(first)).toContain(`Page 1 of ${longPages.length}`);
  });

  it("says the number, dates, account and amount due in the title block, AMOUNT DUE in bold in the totals", async () => {
    const [page] = await statementPages([statement()]);
    expect(texts(page)).toEqual(
      expect.arrayContaining([
        "STATEMENT",
        "Riverbend Family Medicine",
        "1200 River Road, Suite 4",
        "Phone (217) 555-0100",
        "Statement number",
        "S000123",
        "11/27/2026",
        "12/27/2026",
        "P000777",
        "Previous balance (10/28/2026)",
        "$120.00",
        "Payments since 10/28/2026",
        "-$50.00",
        // $456.78 due − $120.00 + $50.00: the rest of the change, so the rows add up to the amount due.
        "New charges and adjustments",
        "$386.78",
        "Current",
        "$100.00",
        "$200.00",
        "$56.78",
      ]),
    );
    // The message, wrapped to its width.
    expect(texts(page).join(" ")).toContain("Your account is past due. Please pay by the due date or call us to set up a payment plan.");
    const amountDue = page.runs.filter((r) => r.text === "$456.78");
    expect(amountDue.length).toBe(3); // title block, totals, stub
    expect(runOf(page, "AMOUNT DUE").bold).toBe(true);
    expect(amountDue.every((r) => r.bold)).toBe(true);
  });

  it("right-aligns money: every amount in a column ends at the same x", async () => {
    const lines = [line(0, { charges: 5, balance: 123456789 }), line(1, { charges: 1234567, balance: 0 }), line(2)];
    const [page] = await statementPages([statement({ lines })]);
    const font = await (await PDFDocument.create()).embedFont("Helvetica");
    const rightEdge = (text: string) => {
      const run = runOf(page, text);
      return Math.round((run.x + font.widthOfTextAtSize(text, run.size)) * 100) / 100;
    };
    expect(rightEdge("$0.05")).toBe(rightEdge("$12,345.67"));
    expect(rightEdge("$1,234,567.89")).toBe(rightEdge("$0.00"));
    expect(rightEdge("$1,234,567.89")).toBeGreaterThan(rightEdge("$0.05"));
    expect(runOf(page, "$0.05").x).toBeGreaterThan(runOf(page, "$12,345.67").x);
  });

  it("places the recipient inside a #10 envelope's window and the stub below a dashed tear-off line", async () => {
    const [page] = await statementPages([statement()]);
    // The window: 0.875 in from the left, 2 in from the top, 4 x 1.125 in (points from the bottom-left corner).
    const window = { left: 63, right: 63 + 288, top: 792 - 144, bottom: 792 - 144 - 81 };
    for (const text of ["Dana Whitfield", "44 Elm Street", "Springfield, IL 62701"]) {
      const run = runOf(page, text);
      expect(run.x).toBeGreaterThanOrEqual(window.left);
      expect(run.x + text.length * run.size * 0.6).toBeLessThanOrEqual(window.right);
      expect(run.y + run.size).toBeLessThanOrEqual(window.top);
      expect(run.y - 3).toBeGreaterThanOrEqual(window.bottom);
    }
    // Nothing else shows through the window.
    const inWindow = page.runs.filter((r) => r.y > window.bottom && r.y < window.top && r.x >= window.left && r.x < window.right);
    expect(inWindow.map((r) => r.text)).toEqual(["Dana Whitfield", "44 Elm Street", "Springfield, IL 62701"]);

    const tear = page.shapes.filter((s) => s.kind === "line" && s.dashed);
    expect(tear).toHaveLength(1);
    const tearY = (tear[0] as { y1: number }).y1;
    const stub = page.runs.filter((r) => r.y < tearY).map((r) => r.text);
    expect(stub).toEqual(
      expect.arrayContaining([
        "Make payment to",
        "PO Box 4410",
        "Springfield, IL 62708",
        "P000777",
        "S000123",
        "$456.78",
        "Amount enclosed",
      ]),
    );
    expect(stub).not.toContain("Dana Whitfield");
    // The lines and totals stay above the tear-off line.
    expect(runOf(page, "AMOUNT DUE").y).toBeGreaterThan(tearY);
  });

  it("titles an invoice INVOICE with its number and terms", async () => {
    const [page] = await statementPages([invoice()]);
    expect(texts(page)).toEqual(expect.arrayContaining(["INVOICE", "Invoice number", "I000045", "Terms", "Net 30", "ACME", "Paid"]));
    expect(texts(page)).not.toContain("STATEMENT");
  });

  it("cuts a description too long for its column with an ellipsis, short of the Charges column", async () => {
    const long = "Comprehensive follow-up visit with extended counselling and care coordination";
    const [page] = await statementPages([statement({ lines: [line(0, { description: long })] })]);
    const run = page.runs.find((r) => r.text.startsWith("Comprehensive"))!;
    expect(run.text.endsWith("…")).toBe(true);
    expect(run.text.length).toBeLessThan(long.length);
    const font = await (await PDFDocument.create()).embedFont("Helvetica");
    const charges = runOf(page, "$150.00");
    expect(run.x + font.widthOfTextAtSize(run.text, run.size)).toBeLessThan(charges.x);
  });

  it("shows nothing that is not in the model: no DOB, member id, SSN or diagnosis in the runs or in the PDF", async () => {
    const docs = [statement(), invoice(), statement({ number: "S000300", lines: Array.from({ length: 40 }, (_, i) => line(i)) })];
    const pages = await statementPages(docs);
    const bytes = await statementsPdf(docs);
    const inPdf = pdfTexts(bytes);
    // The decoded PDF says what the runs say, page by page: the check below covers what is really drawn.
    expect(inPdf).toEqual(pages.map(texts));
    const everything = [...pages.flatMap(texts), ...inPdf.flat()].join("\n");
    expect(everything).toContain("S000123");
    expect(everything).toContain("$456.78");
    for (const secret of [DOB, "03/14/1958", MEMBER_ID, SSN, DIAGNOSIS]) expect(everything).not.toContain(secret);
    // The raw file holds no name either (metadata, uncompressed objects).
    const raw = new TextDecoder("latin1").decode(bytes);
    for (const name of ["Dana Whitfield", "Acme Logistics", "Riverbend", MEMBER_ID, DOB]) expect(raw).not.toContain(name);
  });

  it("sets metadata that names no one, dated by the documents, and gives the same bytes for the same documents", async () => {
    const docs = [statement(), invoice({ date: "2026-11-28" })];
    const bytes = await statementsPdf(docs);
    expect(await statementsPdf(docs)).toEqual(bytes);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(pdf.getTitle()).toBe("Statements");
    expect(pdf.getProducer()).toBe("MedBill");
    expect(pdf.getCreator()).toBe("MedBill");
    expect(pdf.getAuthor()).toBeUndefined();
    expect(pdf.getSubject()).toBeUndefined();
    expect(pdf.getKeywords()).toBeUndefined();
    expect(pdf.getCreationDate()?.toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(pdf.getModificationDate()?.toISOString()).toBe("2026-11-28T00:00:00.000Z");
    // A different document gives different bytes (the comparison above is not vacuous).
    expect(await statementsPdf([statement({ amountDue: 100 })])).not.toEqual(bytes);
  });

  it("draws text outside WinAnsi transliterated or as ?, never throwing", async () => {
    const doc = statement({
      to: { name: "Zoë Łukasiewicz-Nguyễn 李雷 😀", addressLines: ["Straße 5\tHinterhaus\n2. OG", "Ærøskøbing −12 ≤ ő"] },
      message: "Thank you! Pay online 💳 or call — we’re here.",
      lines: [line(0, { description: "Visite médicale (Šafránek)" })],
    });
    const bytes = await statementsPdf([doc]);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const [page] = await statementPages([doc]);
    expect(texts(page)).toEqual(
      expect.arrayContaining([
        "Zoë Lukasiewicz-Nguyen ?? ?",
        "Straße 5 Hinterhaus 2. OG",
        "Ærøskøbing -12 <= o",
        "Thank you! Pay online ? or call — we’re here.",
        "Visite médicale (Šafránek)",
      ]),
    );
    expect(pdfTexts(bytes)[0]).toContain("Zoë Lukasiewicz-Nguyen ?? ?");
  });

  it("cleans text by what the fonts can show", () => {
    const latin1 = { canShow: (c: number) => c >= 0x20 && c <= 0xff && !(c >= 0x7f && c < 0xa0) };
    expect(clean("e\u0301te\u0301", latin1)).toBe("été");
    expect(clean("Nguyễn", latin1)).toBe("Nguyen");
    expect(clean("a\u0000b\r\nc", latin1)).toBe("a b c");
    expect(clean("ﬁle 😀", latin1)).toBe("file ?");
    expect(clean("\u0301x", latin1)).toBe("x");
  });

  it("cuts a very long message to six lines so the totals stay above the tear-off line", async () => {
    const message = "Please call the billing office about your account. ".repeat(40);
    const [page, ...more] = await statementPages([statement({ message, lines: Array.from({ length: 8 }, (_, i) => line(i)) })]);
    expect(more).toEqual([]);
    const tearY = (page.shapes.find((s) => s.kind === "line" && s.dashed) as { y1: number }).y1;
    const messageRuns = page.runs.filter((r) => r.text.includes("billing office") || r.text.startsWith("account."));
    expect(messageRuns).toHaveLength(6);
    expect(messageRuns[5].text.endsWith("…")).toBe(true);
    for (const run of messageRuns) expect(run.y).toBeGreaterThan(tearY + 10);
    expect(runOf(page, "AMOUNT DUE").y).toBeGreaterThan(tearY + 10);
  });

  it("says so when a document has no lines", async () => {
    const [statementPage, invoicePage] = await statementPages([statement({ lines: [] }), invoice({ lines: [] })]);
    expect(texts(statementPage)).toContain("No charges on this statement.");
    expect(texts(invoicePage)).toContain("No charges on this invoice.");
    expect(texts(invoicePage)).toContain("AMOUNT DUE");
  });

  it("refuses an empty list of documents", async () => {
    await expect(statementsPdf([])).rejects.toThrow("no statements");
  });
});
