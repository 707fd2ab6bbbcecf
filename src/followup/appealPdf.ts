// An appeal letter (appealLetter.ts) as a PDF: Letter pages with pdf-lib's standard fonts, drawn the
// way the statements' PDF is (statementPdf.ts: its Pen, text cleaning and wrapping, fonts and page
// content), in two passes: `layoutAppeal` places every text run and rule (pure, given a way to measure
// text), `appealPdf` draws exactly those, so a test can read what a page says from the runs.
// The page reads as a business letter: the practice block, the date, the payer, the "Re:" block, the
// salutation and the opening, the lines table (a row under each line for its denial in words, and its
// diagnoses when the letter has them), the totals, the reason paragraphs, the closing and the signature.
// What does not fit goes on to a further page with a small header (the lines table's header again when
// the table goes on), and every page is numbered when there are several.
// Only what the model holds is drawn. The metadata names no one (Title "Appeal", Producer and Creator
// "MedBill") and its dates are the letter's date, so the same letter always gives the same bytes.
import { PDFDocument } from "pdf-lib";
import { usDate } from "../dates";
import { formatMoney, type Cents } from "../money";
import {
  clean,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  Pen,
  placedPagesPdf,
  standardFonts,
  wrap,
  type PlacedPage,
  type TextMeasure,
} from "../statements/statementPdf";
import {
  APPEAL_TITLE,
  codeWithModifiers,
  lineNotes,
  practiceLines,
  regarding,
  SALUTATION,
  SIGN_OFF,
  signature,
  type AppealLetter,
} from "./appealLetter";

// ---- page geometry (points: 72 to the inch; y grows upwards from the bottom edge) -------------------

/** Three-quarter-inch margins: a letter, not a form. */
const MARGIN = 54;
const LEFT = MARGIN;
const RIGHT = PAGE_WIDTH - MARGIN;
const TOP = PAGE_HEIGHT - MARGIN;
/** The lowest baseline a row may take (the page number goes below it). */
const FLOOR = MARGIN + 10;
const BODY_SIZE = 10;
const BODY_ROW = 13;
const TABLE_SIZE = 8.5;
const NOTE_SIZE = 8;
const ROW = 12;
/** The "Re:" block's values start here. */
const VALUES_X = LEFT + 110;
/** The lines table: where each text column starts, and where each figure column ends. */
const COLUMNS = { date: LEFT + 2, code: LEFT + 66, units: LEFT + 240, money: [LEFT + 310, LEFT + 375, LEFT + 440, RIGHT - 2] };

// ---- layout --------------------------------------------------------------------------------------------

/** Every page of the letter, in order, as runs and shapes. */
export function layoutAppeal(letter: AppealLetter, measure: TextMeasure): PlacedPage[] {
  const flow = new Flow(letter, measure);
  const pen = () => flow.pen;

  // The practice block, the date and the payer.
  flow.need(14);
  pen().text(letter.practice.name, LEFT, flow.y, 12, true, RIGHT - LEFT);
  for (const line of practiceLines(letter.practice)) flow.row(11, (y) => pen().text(line, LEFT, y, 9, false, RIGHT - LEFT));
  flow.gap(16);
  flow.row(BODY_ROW, (y) => pen().text(usDate(letter.date), LEFT, y, BODY_SIZE, false));
  flow.gap(14);
  flow.row(BODY_ROW, (y) => pen().text(letter.payer.name, LEFT, y, BODY_SIZE, false, RIGHT - LEFT));
  flow.row(BODY_ROW, (y) => pen().text("Attn: Appeals", LEFT, y, BODY_SIZE, false));
  flow.gap(14);

  // Re: the patient and the claim.
  flow.row(BODY_ROW, (y) => pen().text(`Re: ${APPEAL_TITLE}`, LEFT, y, BODY_SIZE, true));
  for (const [label, value] of regarding(letter)) {
    flow.row(BODY_ROW, (y) => {
      pen().text(label, LEFT + 12, y, 9.5, false);
      pen().text(value, VALUES_X, y, 9.5, false, RIGHT - VALUES_X);
    });
  }
  flow.gap(14);
  flow.row(BODY_ROW, (y) => pen().text(SALUTATION, LEFT, y, BODY_SIZE, false));
  flow.gap(6);
  flow.paragraph(letter.opening);
  flow.gap(10);

  // The lines, the table's header again on each page it goes on to.
  flow.tableHeader();
  for (const line of letter.lines) {
    const notes = lineNotes(line);
    if (!flow.fits(ROW * (1 + notes.length))) {
      flow.newPage();
      flow.tableHeader();
    }
    flow.row(ROW, (y) => {
      const p = pen();
      p.text(usDate(line.dos), COLUMNS.date, y, TABLE_SIZE, false);
      p.text(codeWithModifiers(line), COLUMNS.code, y, TABLE_SIZE, false, COLUMNS.units - COLUMNS.code - 40);
      p.right(String(line.units), COLUMNS.units, y, TABLE_SIZE, false);
      figures(p, [line.billed, line.paid, line.underpaid?.expected, line.underpaid?.shortfall], y, false);
    });
    for (const note of notes) flow.row(ROW - 1, (y) => pen().text(note, COLUMNS.code, y, NOTE_SIZE, false, RIGHT - COLUMNS.code));
  }
  const { totals } = letter;
  if (!flow.fits(ROW + 4)) {
    flow.newPage();
    flow.tableHeader();
  }
  flow.gap(5);
  pen().line(LEFT, flow.y, RIGHT, flow.y, 0.5);
  flow.row(ROW, (y) => {
    pen().text("Total", COLUMNS.date, y, TABLE_SIZE, true);
    figures(pen(), [totals.billed, totals.paid, totals.expected || undefined, totals.shortfall || undefined], y, true);
  });
  flow.gap(12);

  // Why, what we ask, and who asks.
  for (const text of [...letter.reasons, ...(letter.billerReason ? [letter.billerReason] : []), letter.closing]) {
    flow.paragraph(text);
    flow.gap(8);
  }
  const signed = signature(letter);
  flow.need(BODY_ROW * (2 + signed.length) + 28);
  flow.row(BODY_ROW, (y) => pen().text(SIGN_OFF, LEFT, y, BODY_SIZE, false));
  flow.gap(28);
  pen().line(LEFT, flow.y + 4, LEFT + 200, flow.y + 4, 0.5);
  for (const line of signed) flow.row(BODY_ROW, (y) => pen().text(line, LEFT, y, BODY_SIZE, false, RIGHT - LEFT));
  return flow.finish();
}

/** Billed, paid, contract and shortfall, right-aligned; a figure the line does not have is left blank. */
function figures(pen: Pen, amounts: (Cents | undefined)[], y: number, bold: boolean): void {
  amounts.forEach((amount, i) => {
    if (amount !== undefined) pen.right(formatMoney(amount), COLUMNS.money[i], y, TABLE_SIZE, bold);
  });
}

/** Rows down the page, a new page when one does not fit; `y` is the baseline of the last row placed. */
class Flow {
  private readonly pages: Pen[] = [];
  pen: Pen;
  y = TOP - 10;

  constructor(
    private readonly letter: AppealLetter,
    private readonly measure: TextMeasure,
  ) {
    this.pen = new Pen(measure);
    this.pages.push(this.pen);
  }

  fits(height: number): boolean {
    return this.y - height >= FLOOR;
  }

  /** A new page unless `height` more fits on this one. */
  need(height: number): void {
    if (!this.fits(height)) this.newPage();
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** One row `height` below the last: `draw` places it at its baseline. */
  row(height: number, draw: (y: number) => void): void {
    this.need(height);
    this.y -= height;
    draw(this.y);
  }

  paragraph(text: string): void {
    for (const line of wrap(clean(text, this.measure), RIGHT - LEFT, BODY_SIZE, this.measure)) {
      this.row(BODY_ROW, (y) => this.pen.text(line, LEFT, y, BODY_SIZE, false));
    }
  }

  newPage(): void {
    this.pen = new Pen(this.measure);
    this.pages.push(this.pen);
    const y = TOP - 8;
    this.pen.text(this.letter.practice.name, LEFT, y, 9, true, 240);
    this.pen.right(`Appeal, claim ${this.letter.claimId}, ${usDate(this.letter.date)} (continued)`, RIGHT, y, 8, false, 250);
    this.pen.line(LEFT, y - 6, RIGHT, y - 6, 0.5);
    this.y = y - 14;
  }

  tableHeader(): void {
    this.need(ROW * 2 + 4);
    this.y -= ROW;
    const y = this.y;
    this.pen.fill(LEFT, y - 4, RIGHT - LEFT, ROW + 2);
    this.pen.text("Date of service", COLUMNS.date, y, 8, true);
    this.pen.text("Code", COLUMNS.code, y, 8, true);
    this.pen.right("Units", COLUMNS.units, y, 8, true);
    ["Billed", "Paid", "Contract", "Shortfall"].forEach((h, i) => this.pen.right(h, COLUMNS.money[i], y, 8, true));
    this.y -= 2;
  }

  finish(): PlacedPage[] {
    const pages = this.pages.length;
    return this.pages.map((pen, i) => {
      if (pages > 1) pen.right(`Page ${i + 1} of ${pages}`, RIGHT, MARGIN - 8, 7, false);
      return { document: 0, number: this.letter.claimId, page: i + 1, pages, runs: pen.runs, shapes: pen.shapes };
    });
  }
}

// ---- the PDF ---------------------------------------------------------------------------------------

/** The pages as the PDF will have them, measured with the PDF's own fonts (for a preview and the tests). */
export async function appealPages(letter: AppealLetter): Promise<PlacedPage[]> {
  const { measure } = await standardFonts(await PDFDocument.create({ updateMetadata: false }));
  return layoutAppeal(letter, measure);
}

/** The letter as a PDF (the statements' writer: each page one compressed stream, fonts /F1 and /F2). */
export async function appealPdf(letter: AppealLetter): Promise<Uint8Array> {
  return placedPagesPdf((measure) => layoutAppeal(letter, measure), { title: "Appeal", date: letter.date });
}
