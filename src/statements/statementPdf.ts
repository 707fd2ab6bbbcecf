// Statements and invoices as one PDF (pdf-lib, Node and browser alike): one Letter page per
// document, more when its lines do not fit. Two passes: `layoutStatements` places every text run,
// rule and shading of every page (pure, given a way to measure text), and `statementsPdf` draws
// exactly those, so a test can read what a page says without decoding the PDF's compressed streams.
// The page follows the statement sheet: practice block and the title block at the top, the
// recipient where a #10 window envelope shows it (window 0.875 in from the left and 2 in from the
// top, 4 x 1.125 in), the lines, the totals, the aging, how a payment plan stands and the message, then a dashed tear-off line
// and the stub (remit-to, account, number, amount due, amount enclosed). Lines that do not fit go on
// to further pages with a small header; the stub stays on the first page (it is what is torn off),
// the totals come after the last line.
// Only what the model holds is drawn, field by field (minimum necessary: nothing clinical can reach a
// page). Only the standard fonts (no font files, no network): text they cannot show (outside WinAnsi)
// is transliterated or becomes "?" instead of throwing. The metadata names no one (Title
// "Statements", Producer and Creator "MedBill") and its dates are the documents' date, so the same
// documents always give the same bytes.
import { zlibSync } from "fflate";
import { PDFDocument, PDFName, StandardFonts, type PDFFont } from "pdf-lib";
import { usDate, type IsoDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import type { DocumentLine, StatementDocument } from "./model";

/** A piece of text at a baseline point, already in characters the standard fonts can show. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

export type Shape =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; thickness: number; dashed: boolean }
  | { kind: "fill"; x: number; y: number; width: number; height: number };

/** One page as placed: which document it belongs to, its place among that document's pages, what is on it. */
export interface PlacedPage {
  document: number;
  number: string;
  page: number;
  pages: number;
  runs: TextRun[];
  shapes: Shape[];
}

/** How wide a text is in the fonts the PDF uses, and which characters they can show. */
export interface TextMeasure {
  width(text: string, size: number, bold: boolean): number;
  canShow(codePoint: number): boolean;
}

// ---- page geometry (points: 72 to the inch; y grows upwards from the bottom edge) -------------------

export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
const MARGIN = 36;
const RIGHT = PAGE_WIDTH - MARGIN;
/** The #10 envelope's address window: 0.875 in from the left, 2 in from the top, 4 x 1.125 in. */
const WINDOW = { x: 63, top: PAGE_HEIGHT - 144, width: 288, height: 81 };
/** The title block's labels start here; its values end at RIGHT. */
const LABELS_X = 396;
/** The tear-off line: 3.25 in from the bottom, so the stub is about a third of the page. */
const TEAR_Y = 234;
const ROW = 12;
const TABLE_SIZE = 8.5;
const HEAD_SIZE = 8;
/** Where the lines table starts on the first page and on a continuation page. */
const TABLE_TOP_FIRST = PAGE_HEIGHT - 258;
const TABLE_TOP_NEXT = PAGE_HEIGHT - 84;
/** The lowest a line's baseline may go on the first page (above the stub) and on a continuation page. */
const FLOOR_FIRST = TEAR_Y + 22;
const FLOOR_NEXT = MARGIN + 8;

/** The lines table: where each column starts (left) or ends (right-aligned money). */
const COLUMNS = {
  date: MARGIN,
  description: MARGIN + 58,
  descriptionEnd: 262,
  money: [324, 387, 450, 513, RIGHT],
};

// ---- layout --------------------------------------------------------------------------------------------

/** Every page of every document, in order, as runs and shapes. */
export function layoutStatements(docs: StatementDocument[], measure: TextMeasure): PlacedPage[] {
  return docs.flatMap((doc, index) => layoutDocument(doc, index, measure));
}

function layoutDocument(doc: StatementDocument, index: number, measure: TextMeasure): PlacedPage[] {
  const summary = summaryHeight(doc, measure);
  const chunks = paginate(doc.lines.length, summary);
  return chunks.map((chunk, page) => {
    const pen = new Pen(measure);
    const first = page === 0;
    if (first) {
      firstPageHeader(pen, doc);
    } else {
      continuationHeader(pen, doc);
    }
    let y = first ? TABLE_TOP_FIRST : TABLE_TOP_NEXT;
    if (chunk.from < chunk.to || (first && doc.lines.length === 0)) y = linesTable(pen, doc, doc.lines.slice(chunk.from, chunk.to), y);
    if (chunk.summary) {
      totalsAndAging(pen, doc, y - 10);
    } else {
      pen.text("Continued on the next page.", MARGIN, y - 11, HEAD_SIZE, false);
    }
    // The stub last, so the page reads (and extracts) top to bottom.
    if (first) stub(pen, doc);
    if (chunks.length > 1) pen.right(`Page ${page + 1} of ${chunks.length}`, RIGHT, first ? TEAR_Y + 8 : MARGIN - 12, 7, false);
    return { document: index, number: doc.number, page: page + 1, pages: chunks.length, runs: pen.runs, shapes: pen.shapes };
  });
}

interface Chunk {
  from: number;
  to: number;
  summary: boolean;
}

/** Split the lines over pages: as many as fit, the totals after the last line (on a page of their own if need be). */
function paginate(lineCount: number, summary: number): Chunk[] {
  // Rows that fit below a table top: the header row, then one ROW each; `room` is what must stay free below.
  const rows = (top: number, floor: number, room: number) => Math.max(1, Math.floor((top - ROW - floor - room) / ROW));
  const chunks: Chunk[] = [];
  let from = 0;
  let first = true;
  for (;;) {
    const top = first ? TABLE_TOP_FIRST : TABLE_TOP_NEXT;
    const floor = first ? FLOOR_FIRST : FLOOR_NEXT;
    const withSummary = rows(top, floor, summary + 10);
    const remaining = lineCount - from;
    if (remaining <= withSummary) {
      chunks.push({ from, to: lineCount, summary: true });
      return chunks;
    }
    const take = Math.min(remaining, rows(top, floor, ROW));
    chunks.push({ from, to: from + take, summary: false });
    from += take;
    first = false;
  }
}

function firstPageHeader(pen: Pen, doc: StatementDocument): void {
  const { practice } = doc;
  // Practice block, upper left (where a double-window envelope's return window sits).
  let y = PAGE_HEIGHT - MARGIN - 10;
  pen.text(practice.name, MARGIN, y, 12, true, LABELS_X - MARGIN - 12);
  for (const line of [...practice.addressLines.slice(0, 4), ...(practice.phone ? [`Phone ${practice.phone}`] : [])]) {
    y -= 11;
    pen.text(line, MARGIN, y, 9, false, LABELS_X - MARGIN - 12);
  }

  // Title block, upper right.
  const invoice = doc.kind === "Invoice";
  pen.right(invoice ? "INVOICE" : "STATEMENT", RIGHT, PAGE_HEIGHT - MARGIN - 12, 16, true);
  const rows: [string, string, boolean][] = [
    [invoice ? "Invoice number" : "Statement number", doc.number, false],
    [invoice ? "Invoice date" : "Statement date", usDate(doc.date), false],
    ["Due date", usDate(doc.dueDate), false],
    ["Account", doc.account, false],
    ...(doc.terms ? ([["Terms", doc.terms, false]] as [string, string, boolean][]) : []),
    ...(doc.periodStart && doc.periodEnd
      ? ([["Services", period(doc.periodStart, doc.periodEnd), false]] as [string, string, boolean][])
      : []),
    ["Amount due", formatMoney(doc.amountDue), true],
  ];
  y = PAGE_HEIGHT - MARGIN - 34;
  for (const [label, value, bold] of rows) {
    pen.text(label, LABELS_X, y, 9, bold);
    pen.right(value, RIGHT, y, bold ? 10 : 9, bold, RIGHT - LABELS_X - 80);
    y -= 13;
  }

  // The recipient, inside the envelope window with a little air on every side.
  const size = 10;
  y = WINDOW.top - 16;
  const width = WINDOW.width - 18;
  pen.text(doc.to.name, WINDOW.x + 9, y, size, false, width);
  for (const line of doc.to.addressLines.slice(0, 4)) {
    y -= 12;
    pen.text(line, WINDOW.x + 9, y, size, false, width);
  }
}

function continuationHeader(pen: Pen, doc: StatementDocument): void {
  const y = PAGE_HEIGHT - MARGIN - 8;
  const title = doc.kind === "Invoice" ? "Invoice" : "Statement";
  pen.text(doc.practice.name, MARGIN, y, 9, true, 240);
  pen.right(`${title} ${doc.number}  ·  Account ${doc.account}  ·  ${usDate(doc.date)}  (continued)`, RIGHT, y, 8, false, 290);
  pen.line(MARGIN, y - 6, RIGHT, y - 6, 0.5);
}

/** The header row and the lines from `top` down; returns the baseline of the last row drawn. */
function linesTable(pen: Pen, doc: StatementDocument, lines: DocumentLine[], top: number): number {
  const paidBy = doc.kind === "Invoice" ? "Paid" : "Patient paid";
  const headers = ["Charges", "Insurance paid", "Adjustments", paidBy, "Balance"];
  pen.fill(MARGIN, top - 4, RIGHT - MARGIN, ROW + 2);
  pen.text("Date", COLUMNS.date + 2, top, HEAD_SIZE, true);
  pen.text("Description", COLUMNS.description, top, HEAD_SIZE, true);
  headers.forEach((h, i) => pen.right(h, COLUMNS.money[i] - 2, top, HEAD_SIZE, true));
  let y = top;
  if (lines.length === 0) {
    y -= ROW;
    pen.text(`No charges on this ${doc.kind === "Invoice" ? "invoice" : "statement"}.`, COLUMNS.description, y, TABLE_SIZE, false);
  }
  for (const line of lines) {
    y -= ROW;
    pen.text(usDate(line.dos), COLUMNS.date + 2, y, TABLE_SIZE, false);
    pen.text(line.description, COLUMNS.description, y, TABLE_SIZE, false, COLUMNS.descriptionEnd - COLUMNS.description);
    const money = [line.charges, line.insurancePaid, line.adjustments, line.patientPaid, line.balance];
    money.forEach((m, i) => pen.right(formatMoney(m), COLUMNS.money[i] - 2, y, TABLE_SIZE, false));
  }
  pen.line(MARGIN, y - 4, RIGHT, y - 4, 0.5);
  return y - 4;
}

const AGING_LABELS = ["Current", "31-60 days", "61-90 days", "Over 90 days"];
const MESSAGE_WIDTH = 300;
const MESSAGE_SIZE = 9;
/** A message is a few sentences; a longer one is cut so it cannot push the totals into the stub. */
const MESSAGE_LINES = 6;

function messageLines(doc: StatementDocument, measure: TextMeasure): string[] {
  const lines = wrap(clean(doc.message, measure), MESSAGE_WIDTH, MESSAGE_SIZE, measure);
  if (lines.length <= MESSAGE_LINES) return lines;
  return [
    ...lines.slice(0, MESSAGE_LINES - 1),
    fit(`${lines[MESSAGE_LINES - 1]} ${lines[MESSAGE_LINES]}`, MESSAGE_SIZE, false, measure, MESSAGE_WIDTH),
  ];
}

/** How the payment plan stands, bold above the message, when the account is on one. */
function planLines(doc: StatementDocument, measure: TextMeasure): string[] {
  return doc.paymentPlan ? wrap(clean(doc.paymentPlan.text, measure), MESSAGE_WIDTH, MESSAGE_SIZE, measure) : [];
}

function totalRows(doc: StatementDocument): [string, Cents][] {
  return doc.summary.map((row) => [row.label, row.amount]);
}

/** How much room the totals, aging and message need below the table. */
function summaryHeight(doc: StatementDocument, measure: TextMeasure): number {
  const totals = totalRows(doc).length * 13 + 18;
  const message = messageLines(doc, measure).length + planLines(doc, measure).length;
  const left = 14 + 12 + 12 + (message > 0 ? 8 + message * 11 : 0);
  return Math.max(totals, left) + 4;
}

/** Totals on the right (AMOUNT DUE bold), the aging and the message on the left, from `top` down. */
function totalsAndAging(pen: Pen, doc: StatementDocument, top: number): void {
  let y = top - 10;
  for (const [label, amount] of totalRows(doc)) {
    pen.text(label, LABELS_X - 36, y, 9, false);
    pen.right(formatMoney(amount), RIGHT, y, 9, false);
    y -= 13;
  }
  pen.line(LABELS_X - 36, y + 8, RIGHT, y + 8, 0.5);
  y -= 4;
  pen.text("AMOUNT DUE", LABELS_X - 36, y, 11, true);
  pen.right(formatMoney(doc.amountDue), RIGHT, y, 11, true);

  y = top - 10;
  pen.text("Amount due by age", MARGIN, y, 9, true);
  const aging = [doc.aging.current, doc.aging.days31to60, doc.aging.days61to90, doc.aging.over90];
  const column = (i: number) => MARGIN + 80 * (i + 1) - 8;
  AGING_LABELS.forEach((label, i) => pen.right(label, column(i), y - 12, HEAD_SIZE, false));
  aging.forEach((amount, i) => pen.right(formatMoney(amount), column(i), y - 24, 9, false));
  y -= 24 + 8;
  for (const line of planLines(doc, pen.measure)) {
    y -= 11;
    pen.text(line, MARGIN, y, MESSAGE_SIZE, true);
  }
  for (const line of messageLines(doc, pen.measure)) {
    y -= 11;
    pen.text(line, MARGIN, y, MESSAGE_SIZE, false);
  }
}

/** Below the dashed line: what comes back with the payment. */
function stub(pen: Pen, doc: StatementDocument): void {
  pen.line(MARGIN, TEAR_Y, RIGHT, TEAR_Y, 0.75, true);
  pen.centre("Please detach and return this part with your payment.", PAGE_WIDTH / 2, TEAR_Y - 11, 7);

  let y = TEAR_Y - 32;
  pen.text("Make payment to", WINDOW.x, y, 8, true);
  y -= 14;
  pen.text(doc.practice.name, WINDOW.x, y, 10, false, WINDOW.width - 18);
  for (const line of doc.practice.remitToLines.slice(0, 4)) {
    y -= 12;
    pen.text(line, WINDOW.x, y, 10, false, WINDOW.width - 18);
  }

  const invoice = doc.kind === "Invoice";
  const rows: [string, string, boolean][] = [
    ["Account", doc.account, false],
    [invoice ? "Invoice number" : "Statement number", doc.number, false],
    ["Due date", usDate(doc.dueDate), false],
    ["Amount due", formatMoney(doc.amountDue), true],
  ];
  y = TEAR_Y - 32;
  for (const [label, value, bold] of rows) {
    pen.text(label, LABELS_X - 36, y, 9, bold);
    pen.right(value, RIGHT, y, bold ? 10 : 9, bold, RIGHT - LABELS_X - 50);
    y -= 14;
  }
  y -= 8;
  pen.text("Amount enclosed", LABELS_X - 36, y, 9, true);
  pen.line(RIGHT - 100, y - 2, RIGHT, y - 2, 0.5);
  pen.text("$", RIGHT - 108, y, 9, false);
}

// ---- text ------------------------------------------------------------------------------------------

/** Collects what goes on one page; every text passes through `clean` and is cut to its width. */
export class Pen {
  readonly runs: TextRun[] = [];
  readonly shapes: Shape[] = [];
  constructor(readonly measure: TextMeasure) {}

  clean(text: string): string {
    return clean(text, this.measure);
  }

  text(text: string, x: number, y: number, size: number, bold: boolean, maxWidth?: number): void {
    const shown = fit(this.clean(text), size, bold, this.measure, maxWidth);
    if (shown) this.runs.push({ text: shown, x, y, size, bold });
  }

  right(text: string, right: number, y: number, size: number, bold: boolean, maxWidth?: number): void {
    const shown = fit(this.clean(text), size, bold, this.measure, maxWidth);
    if (shown) this.runs.push({ text: shown, x: right - this.measure.width(shown, size, bold), y, size, bold });
  }

  centre(text: string, centre: number, y: number, size: number): void {
    const shown = this.clean(text);
    this.runs.push({ text: shown, x: centre - this.measure.width(shown, size, false) / 2, y, size, bold: false });
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness: number, dashed = false): void {
    this.shapes.push({ kind: "line", x1, y1, x2, y2, thickness, dashed });
  }

  fill(x: number, y: number, width: number, height: number): void {
    this.shapes.push({ kind: "fill", x, y, width, height });
  }
}

/** Characters the standard fonts lack, by what a reader would expect instead. */
const STAND_INS: Record<string, string> = {
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "-",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2032": "'",
  "\u2033": '"',
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0131": "i",
};

/**
 * The text with every character the standard fonts cannot show replaced: control characters and
 * line breaks by a space, accented letters outside WinAnsi by their base letter ("ő" → "o"), a few
 * symbols by look-alikes, anything else by "?".
 */
export function clean(text: string, measure: Pick<TextMeasure, "canShow">): string {
  if (/^[ -~]*$/.test(text)) return text.trim(); // plain ASCII, the usual case: nothing to replace
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      if (!out.endsWith(" ")) out += " "; // a run of line breaks, tabs and controls is one space
      continue;
    }
    if (measure.canShow(code)) {
      out += ch;
      continue;
    }
    const standIn = STAND_INS[ch];
    if (standIn !== undefined) {
      out += standIn;
      continue;
    }
    const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
    if (base === "" && /\p{M}/u.test(ch)) continue; // a stray accent on nothing
    out += base !== "" && [...base].every((c) => measure.canShow(c.codePointAt(0)!)) ? base : "?";
  }
  return out.trim();
}

/** Cut a text to a width with an ellipsis (the whole text when it fits or no width is given). */
function fit(text: string, size: number, bold: boolean, measure: TextMeasure, maxWidth?: number): string {
  if (maxWidth === undefined || measure.width(text, size, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && measure.width(`${chars.join("").trimEnd()}…`, size, bold) > maxWidth) chars.pop();
  return chars.length > 0 ? `${chars.join("").trimEnd()}…` : "";
}

/** Break a text into lines no wider than `width`, at spaces; a word longer than a line is cut. */
export function wrap(text: string, width: number, size: number, measure: TextMeasure): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure.width(candidate, size, false) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = fit(word, size, false, measure, width);
  }
  if (current) lines.push(current);
  return lines;
}

/** "07/27/2026 - 09/19/2026", or the one date. */
function period(start: IsoDate, end: IsoDate): string {
  return start === end ? usDate(start) : `${usDate(start)} - ${usDate(end)}`;
}

// ---- the PDF ---------------------------------------------------------------------------------------

function fontMeasure(regular: PDFFont, bold: PDFFont): TextMeasure {
  const shown = new Set(regular.getCharacterSet().filter((c) => c >= 0x20 && bold.getCharacterSet().includes(c)));
  // pdf-lib measures glyph by glyph with kerning each time; a batch measures the same few hundred texts over and over.
  const widths = new Map<string, number>();
  return {
    width: (text, size, isBold) => {
      const key = `${isBold ? "B" : "R"}${text}`;
      let width = widths.get(key);
      if (width === undefined) widths.set(key, (width = (isBold ? bold : regular).widthOfTextAtSize(text, 1000)));
      return (width * size) / 1000;
    },
    canShow: (code) => shown.has(code),
  };
}

export async function standardFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont; measure: TextMeasure }> {
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  return { regular, bold, measure: fontMeasure(regular, bold) };
}

/** The pages as the PDF will have them, measured with the PDF's own fonts (for the preview and tests). */
export async function statementPages(docs: StatementDocument[]): Promise<PlacedPage[]> {
  const { measure } = await standardFonts(await PDFDocument.create({ updateMetadata: false }));
  return layoutStatements(docs, measure);
}

/**
 * The documents as one PDF: a Letter page each (more when lines overflow). Each page's content is
 * written as one operator string (text in one BT…ET block, the font set only when it changes), not
 * through drawText: pdf-lib's drawing calls build several objects per run, which for a batch of
 * thousands of statements costs seconds and a gigabyte of memory. fflate compresses (faster than
 * pdf-lib's own pako).
 */
export async function statementsPdf(docs: StatementDocument[]): Promise<Uint8Array> {
  if (docs.length === 0) throw new Error("There are no statements to put in the PDF.");
  const date = docs.reduce((latest, d) => (d.date > latest ? d.date : latest), docs[0].date);
  return placedPagesPdf((measure) => layoutStatements(docs, measure), { title: "Statements", date });
}

/**
 * Pages laid out with the PDF's standard fonts as a PDF (the statements' and the appeal letter's): each
 * page's content one compressed stream, fonts /F1 (Helvetica) and /F2 (bold); the same texts (amounts,
 * labels) encoded once. Dated `date` (no clock time), so the same pages give the same bytes.
 */
export async function placedPagesPdf(
  layout: (measure: TextMeasure) => PlacedPage[],
  meta: { title: string; date: IsoDate },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const { regular, bold, measure } = await standardFonts(pdf);
  const fonts = { regular: PDFName.of("F1"), bold: PDFName.of("F2") };
  const encoded = new Map<string, string>();
  const encode = (run: TextRun): string => {
    const key = `${run.bold ? "B" : "R"}${run.text}`;
    let hex = encoded.get(key);
    if (hex === undefined) encoded.set(key, (hex = (run.bold ? bold : regular).encodeText(run.text).toString()));
    return hex;
  };
  const encoder = new TextEncoder();
  for (const placed of layout(measure)) {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    page.node.setFontDictionary(fonts.regular, regular.ref);
    page.node.setFontDictionary(fonts.bold, bold.ref);
    const content = encoder.encode(pageContent(placed, encode));
    page.node.addContentStream(pdf.context.register(pdf.context.stream(zlibSync(content), { Filter: "FlateDecode" })));
  }
  const stamp = new Date(`${meta.date}T00:00:00Z`);
  const when = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  pdf.setTitle(meta.title);
  pdf.setProducer("MedBill");
  pdf.setCreator("MedBill");
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  // More objects per tick than pdf-lib's 50: a big batch saves in a fraction of the time, and the pane still repaints.
  return pdf.save({ objectsPerTick: 2000 });
}

/** A page's content stream: shadings, then rules, then the text (fonts /F1 regular and /F2 bold). */
function pageContent(page: PlacedPage, encode: (run: TextRun) => string): string {
  const ops: string[] = [];
  for (const shape of page.shapes) {
    if (shape.kind === "fill") ops.push(`q 0.9 g ${n(shape.x)} ${n(shape.y)} ${n(shape.width)} ${n(shape.height)} re f Q`);
  }
  for (const shape of page.shapes) {
    if (shape.kind === "line") {
      ops.push(
        `q 0 G ${n(shape.thickness)} w ${shape.dashed ? "[4 3] 0 d " : ""}${n(shape.x1)} ${n(shape.y1)} m ${n(shape.x2)} ${n(shape.y2)} l S Q`,
      );
    }
  }
  ops.push("BT 0 g");
  let font = "";
  for (const run of page.runs) {
    const wanted = `/${run.bold ? "F2" : "F1"} ${n(run.size)} Tf`;
    if (wanted !== font) ops.push((font = wanted));
    ops.push(`1 0 0 1 ${n(run.x)} ${n(run.y)} Tm`, `${encode(run)} Tj`);
  }
  ops.push("ET");
  return ops.join("\n");
}

/** A coordinate as PDF writes it: at most two decimals, no trailing zeros. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
