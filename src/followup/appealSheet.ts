// An appeal letter (appealLetter.ts) laid out on a sheet to print on Letter paper, portrait, one page
// wide, as the write plan of one reportSheet op ("Appeal <ClaimID>"); applyPlan adds its Audit row,
// which names the claim, the payer's id, the lines and the amounts, never the patient.
//
// Seven columns, A to G, the lines table's: Date of service, Code, Units, Billed, Paid, Contract,
// Shortfall. From the top: the practice block (name bold and larger), the date, the payer, the "Re:"
// block (labels in A, values in B), the salutation and the opening, the lines with a row under each
// for its denial in words (and its diagnoses, when the letter has them), the totals, the reason
// paragraphs, the biller's own, the closing and the signature. Paragraphs are wrapped into rows of
// column A, the text running across the empty cells beside it.
// Money goes in as dollars under the statements' money format, dates as serials of the workbook's date
// system. Texts from the workbook and the biller (names, the reason) go in as text: the adapters never
// let a text become a formula.
import type { DateSystem } from "../dates";
import { formatMoney } from "../money";
import { dollars } from "../reports/reportSheetLayout";
import { SheetRows, STATEMENT_DATE_FORMAT, STATEMENT_MONEY_FORMAT, wrap } from "../statements/statementSheet";
import type { WritePlan } from "../workbook/plan";
import type { ReportSheetOp, SheetRange } from "../workbook/port";
import {
  APPEAL_TITLE,
  codeWithModifiers,
  lineNotes,
  linesCounted,
  practiceLines,
  regarding,
  SALUTATION,
  SIGN_OFF,
  SIGNATURE_LINE,
  signature,
  type AppealLetter,
} from "./appealLetter";

/** Widths in characters: about the statements' page, which prints one page wide at a little under full size. */
const WIDTHS = [15, 30, 7, 12, 12, 12, 12];
const COLUMN_FORMATS = [STATEMENT_DATE_FORMAT, undefined, undefined, ...Array.from({ length: 4 }, () => STATEMENT_MONEY_FORMAT)];
const COLUMNS = WIDTHS.length;
/** Characters of a paragraph row (column A, the text running across the page). */
const PARAGRAPH_WIDTH = 95;
const MARGIN_INCHES = 0.75;
const SHEET_NAME_LIMIT = 31;
const [A, B, C, D, E, F, G] = [0, 1, 2, 3, 4, 5, 6];

/**
 * "Appeal C1": Excel's rules for a sheet name (31 characters, none of [ ] : * ? / \) kept by putting a
 * "-" for a character it refuses and cutting a long ClaimID.
 */
export function appealSheetName(claimId: string): string {
  return `Appeal ${claimId.replace(/[[\]:*?/\\]/g, "-")}`.slice(0, SHEET_NAME_LIMIT).replace(/['\s]+$/, "");
}

export interface AppealSheetOptions {
  dateSystem: DateSystem;
}

/** The letter's sheet and its Audit row: re-running replaces the sheet of the claim's earlier letter. */
export function appealPlan(letter: AppealLetter, options: AppealSheetOptions): WritePlan {
  const op = appealSheetOp(letter, options);
  const { totals } = letter;
  return {
    action: "Appeal letter",
    what: `appeal letter for claim ${letter.claimId} to payer ${letter.payer.payerId} dated ${letter.date}: ${linesCounted(letter)}, on sheet "${op.sheet}"`,
    totals:
      `billed ${formatMoney(totals.billed)}, paid ${formatMoney(totals.paid)}` +
      (totals.shortfall > 0 ? `, short of contract ${formatMoney(totals.shortfall)}` : ""),
    ops: [op],
  };
}

/** The letter on a sheet of its own. */
export function appealSheetOp(letter: AppealLetter, options: AppealSheetOptions): ReportSheetOp {
  const page = new SheetRows(options.dateSystem);
  const dateCells: SheetRange[] = [];

  // The practice block, then the date and the payer.
  const top = page.add({ [A]: letter.practice.name || null });
  page.style(range(top, A), { bold: true, fontSize: 14 });
  for (const line of practiceLines(letter.practice)) page.add({ [A]: line });
  page.add();
  dateCells.push(range(page.add({ [A]: page.date(letter.date) }), A));
  page.add();
  page.add({ [A]: letter.payer.name });
  page.add({ [A]: "Attn: Appeals" });
  page.add();

  // Re: the patient and the claim.
  page.style(range(page.add({ [A]: `Re: ${APPEAL_TITLE}` }), A), { bold: true });
  for (const [label, value] of regarding(letter)) {
    const iso = label === "Date of birth" ? letter.patient.dob : undefined;
    const row = page.add({ [A]: label, [B]: iso ? page.date(iso) : value });
    if (iso) dateCells.push(range(row, B));
  }
  page.add();
  page.add({ [A]: SALUTATION });
  page.add();
  paragraph(page, letter.opening);
  page.add();

  // The lines.
  const header = page.add({
    [A]: "Date of service",
    [B]: "Code",
    [C]: "Units",
    [D]: "Billed",
    [E]: "Paid",
    [F]: "Contract",
    [G]: "Shortfall",
  });
  page.style(range(header, A, 1, COLUMNS), { bold: true, borderTop: "thin" });
  page.style(range(header, C, 1, COLUMNS - C), { align: "right" });
  for (const line of letter.lines) {
    const row = page.add({
      [A]: page.date(line.dos),
      [B]: codeWithModifiers(line),
      [C]: line.units,
      [D]: dollars(line.billed),
      [E]: dollars(line.paid),
      [F]: line.underpaid ? dollars(line.underpaid.expected) : null,
      [G]: line.underpaid ? dollars(line.underpaid.shortfall) : null,
    });
    page.style(range(row, C, 1, COLUMNS - C), { align: "right" });
    const notes = lineNotes(line);
    if (notes.length > 0) {
      const first = page.cells.length;
      for (const note of notes) page.add({ [B]: note });
      page.style(range(first, B, notes.length), { italic: true });
    }
  }
  const { totals } = letter;
  const total = page.add({
    [A]: "Total",
    [D]: dollars(totals.billed),
    [E]: dollars(totals.paid),
    [F]: totals.expected > 0 ? dollars(totals.expected) : null,
    [G]: totals.shortfall > 0 ? dollars(totals.shortfall) : null,
  });
  page.style(range(total, A, 1, COLUMNS), { bold: true, borderTop: "thin" });
  page.style(range(total, C, 1, COLUMNS - C), { align: "right" });
  page.add();

  // Why, what we ask, and who asks.
  for (const text of [...letter.reasons, ...(letter.billerReason ? [letter.billerReason] : []), letter.closing]) {
    paragraph(page, text);
    page.add();
  }
  page.add({ [A]: SIGN_OFF });
  page.add();
  page.add();
  page.add({ [A]: SIGNATURE_LINE });
  for (const line of signature(letter)) page.add({ [A]: line });

  const rows = page.cells.length;
  return {
    kind: "reportSheet",
    sheet: appealSheetName(letter.claimId),
    cells: page.cells,
    columns: WIDTHS.map((width, i) => ({ width, ...(COLUMN_FORMATS[i] ? { numberFormat: COLUMN_FORMATS[i] } : {}) })),
    formats: [...page.formats, ...dateCells.map((r) => ({ range: r, numberFormat: STATEMENT_DATE_FORMAT }))],
    styles: page.styles,
    print: {
      area: range(0, A, rows, COLUMNS),
      orientation: "portrait",
      margins: { top: MARGIN_INCHES, bottom: MARGIN_INCHES, left: MARGIN_INCHES, right: MARGIN_INCHES },
      fitToWidth: true,
    },
  };
}

/** A paragraph in rows of column A that fit the page; a paragraph the biller broke into lines keeps its breaks. */
function paragraph(page: SheetRows, text: string): void {
  for (const row of wrap(text, PARAGRAPH_WIDTH)) page.add({ [A]: row });
}

function range(row: number, column: number, rows = 1, columns = 1): SheetRange {
  return { row, column, rows, columns };
}
