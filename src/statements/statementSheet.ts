// A statement or an invoice laid out on a sheet to print on Letter paper, portrait, one page wide:
// the same StatementDocument the PDF draws (statementPdf.ts), as one reportSheet op. A batch goes on
// one sheet, each document starting a new page (a manual page break above it).
//
// Seven columns, A to G, the lines table's: Date of service, Description, Charges, Insurance paid,
// Adjustments, You paid (Payments on an invoice), Balance. Every document is the same stack of rows:
// - rows 1-6: the practice block at the left (name bold and larger), the title ("STATEMENT",
//   "INVOICE") and the document's date, due date, account and number at the right, labels in F;
// - rows 8-12: the recipient's name and address in column B, where a #10 window envelope shows them
//   when the page is folded in three (0.5 in margins, default row height);
// - the lines table and its totals; previous balance, payments since, pending insurance, credit and
//   the AMOUNT DUE; how the payment plan stands (an account on one); the amount due by age; the dunning message (italic, wrapped to the page's width);
// - a dashed line with "Please detach and return this part with your payment", then the stub:
//   remit-to address, account, number, amount due and "Amount enclosed".
// Money goes in as dollars under a money format, dates as serials of the workbook's date system.
// Texts from the workbook (names, addresses, descriptions, messages) go in as text: the adapters
// never let a text become a formula. Nothing clinical is on the document model, so none is here.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { centsToNumber, type Cents } from "../money";
import type { CellValue, ReportSheetOp, SheetRange } from "../workbook/port";
import type { StatementDocument } from "./model";

/** Money on a patient's statement: no red, a minus sign for a credit. */
export const STATEMENT_MONEY_FORMAT = '"$"#,##0.00;-"$"#,##0.00';
/** Dates as a US office prints them. */
export const STATEMENT_DATE_FORMAT = "mm/dd/yyyy";
export const STATEMENT_COLUMNS = 7;
/**
 * Widths in characters: about 820 pixels in all, which fit to one page wide prints at about 88%
 * on the 7.5 inches between half-inch margins; every column header reads in full.
 */
const WIDTHS = [15, 32, 12, 15, 13, 12, 13];
const COLUMN_FORMATS = [STATEMENT_DATE_FORMAT, undefined, ...Array.from({ length: 5 }, () => STATEMENT_MONEY_FORMAT)];
const MARGIN_INCHES = 0.5;
/** 0-based row of the recipient's name: sheet row 8, the top of a #10 envelope's window. */
export const ADDRESS_ROW = 7;
/** Rows the window shows: the name and four address lines. */
const ADDRESS_ROWS = 5;
/** Characters of a message row (column A, the text running across the page). */
const MESSAGE_WIDTH = 95;
/** Characters of a line's description that show in column B before the charges cut it off. */
const DESCRIPTION_WIDTH = 40;
const [A, B, C, D, E, F, G] = [0, 1, 2, 3, 4, 5, 6];

type TextStyle = NonNullable<ReportSheetOp["styles"]>[number];

export interface StatementSheetOptions {
  dateSystem: DateSystem;
}

/** The sheet of one document, or of a batch with a page break above each document after the first. */
export function statementSheetOp(docs: StatementDocument[], sheet: string, options: StatementSheetOptions): ReportSheetOp {
  const page = new SheetRows(options.dateSystem);
  const pageBreaksBefore: number[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) pageBreaksBefore.push(page.cells.length);
    layOut(page, doc);
  });
  const rows = page.cells.length;
  return {
    kind: "reportSheet",
    sheet,
    cells: page.cells,
    columns: WIDTHS.map((width, i) => ({ width, ...(COLUMN_FORMATS[i] ? { numberFormat: COLUMN_FORMATS[i] } : {}) })),
    formats: page.formats,
    // The money columns and the labels beside the figures read right-aligned, the whole sheet at once.
    styles: [...(rows > 0 ? [{ range: block(0, C, rows, 5), align: "right" as const }] : []), ...page.styles],
    print: {
      ...(rows > 0 ? { area: block(0, A, rows, STATEMENT_COLUMNS) } : {}),
      orientation: "portrait",
      margins: { top: MARGIN_INCHES, bottom: MARGIN_INCHES, left: MARGIN_INCHES, right: MARGIN_INCHES },
      fitToWidth: true,
      pageBreaksBefore,
    },
  };
}

/** The rows of the sheet as they are laid out, with the formats and styles of their blocks. */
export class SheetRows {
  readonly cells: CellValue[][] = [];
  readonly formats: { range: SheetRange; numberFormat: string }[] = [];
  readonly styles: TextStyle[] = [];

  constructor(private readonly dateSystem: DateSystem) {}

  /** A new row with values by column; returns its 0-based index. */
  add(values: Partial<Record<number, CellValue>> = {}): number {
    const row = new Array<CellValue>(STATEMENT_COLUMNS).fill(null);
    for (const [column, value] of Object.entries(values)) row[Number(column)] = value ?? null;
    this.cells.push(row);
    return this.cells.length - 1;
  }

  style(range: SheetRange, style: Omit<TextStyle, "range">): void {
    this.styles.push({ range, ...style });
  }

  date(iso: IsoDate): number {
    return isoToSerial(iso, this.dateSystem);
  }
}

function layOut(page: SheetRows, doc: StatementDocument): void {
  const invoice = doc.kind === "Invoice";
  const numberLabel = invoice ? "Invoice no." : "Statement no.";

  // The practice block and the document's own facts.
  const top = page.cells.length;
  const practice = [doc.practice.name, ...doc.practice.addressLines, ...(doc.practice.phone ? [`Phone ${doc.practice.phone}`] : [])];
  const facts: [string, CellValue][] = [
    [invoice ? "Invoice date" : "Statement date", page.date(doc.date)],
    ["Due date", page.date(doc.dueDate)],
    ["Account", doc.account],
    [numberLabel, doc.number],
    ...(invoice && doc.terms ? [["Terms", doc.terms] as [string, CellValue]] : []),
  ];
  const headRows = Math.max(practice.length, 1 + facts.length);
  for (let i = 0; i < headRows; i++) {
    const fact = i === 0 ? undefined : facts[i - 1];
    page.add({
      [A]: practice[i] ?? null,
      ...(i === 0 ? { [G]: invoice ? "INVOICE" : "STATEMENT" } : {}),
      ...(fact ? { [F]: fact[0], [G]: fact[1] } : {}),
    });
  }
  page.style(block(top, A, 1, 1), { bold: true, fontSize: 14 });
  page.style(block(top, G, 1, 1), { bold: true, fontSize: 16 });
  page.formats.push({ range: block(top + 1, G, 2, 1), numberFormat: STATEMENT_DATE_FORMAT });

  // The recipient, where the envelope's window is (lower when the practice block is long).
  while (page.cells.length < top + ADDRESS_ROW) page.add();
  const recipient = [doc.to.name, ...doc.to.addressLines];
  for (let i = 0; i < Math.max(ADDRESS_ROWS, recipient.length); i++) page.add({ [B]: recipient[i] ?? null });
  page.add();

  // The lines and their totals.
  const header = page.add({
    [A]: "Date of service",
    [B]: "Description",
    [C]: "Charges",
    [D]: "Insurance paid",
    [E]: "Adjustments",
    [F]: invoice ? "Payments" : "You paid",
    [G]: "Balance",
  });
  page.style(block(header, A, 1, STATEMENT_COLUMNS), { bold: true, borderTop: "thin" });
  for (const line of doc.lines) {
    page.add({
      [A]: page.date(line.dos),
      [B]: shortened(line.description, DESCRIPTION_WIDTH),
      [C]: dollars(line.charges),
      [D]: dollars(line.insurancePaid),
      [E]: dollars(line.adjustments),
      [F]: dollars(line.patientPaid),
      [G]: dollars(line.balance),
    });
  }
  if (doc.lines.length === 0) page.add({ [B]: "No services in this period" });
  const sum = (pick: (line: StatementDocument["lines"][number]) => Cents) => dollars(doc.lines.reduce((n, line) => n + pick(line), 0));
  const totals = page.add({
    [A]: "Total",
    [C]: sum((l) => l.charges),
    [D]: sum((l) => l.insurancePaid),
    [E]: sum((l) => l.adjustments),
    [F]: sum((l) => l.patientPaid),
    [G]: sum((l) => l.balance),
  });
  page.style(block(totals, A, 1, STATEMENT_COLUMNS), { bold: true, borderTop: "thin" });
  page.add();

  // From the previous balance to the amount due: rows that add up (summaryRows).
  for (const row of doc.summary) page.add({ [F]: row.label, [G]: dollars(row.amount) });
  const due = page.add({ [F]: "AMOUNT DUE", [G]: dollars(doc.amountDue) });
  page.style(block(due, F, 1, 2), { bold: true, fontSize: 12, borderTop: "thin" });
  page.add();

  // How the payment plan stands, when the account is on one (the amount due is its installment).
  if (doc.paymentPlan) {
    const planRows = wrap(doc.paymentPlan.text, MESSAGE_WIDTH);
    const first = page.cells.length;
    for (const text of planRows) page.add({ [A]: text });
    page.style(block(first, A, planRows.length, 1), { bold: true });
    page.add();
  }

  // The amount due by age.
  const aging = page.add({ [A]: "Amount due by age", [C]: "Current", [D]: "31-60 days", [E]: "61-90 days", [F]: "Over 90 days" });
  page.style(block(aging, A, 1, 6), { bold: true });
  page.add({
    [C]: dollars(doc.aging.current),
    [D]: dollars(doc.aging.days31to60),
    [E]: dollars(doc.aging.days61to90),
    [F]: dollars(doc.aging.over90),
  });

  // The message, wrapped into rows that fit the page.
  const message = wrap(doc.message, MESSAGE_WIDTH);
  if (message.length > 0) {
    page.add();
    const first = page.cells.length;
    for (const text of message) page.add({ [A]: text });
    page.style(block(first, A, message.length, 1), { italic: true });
  }
  page.add();

  // The tear-off stub.
  const detach = page.add({ [A]: "Please detach and return this part with your payment" });
  page.style(block(detach, A, 1, STATEMENT_COLUMNS), { borderTop: "dashed", italic: true, fontSize: 8 });
  const remit = [doc.practice.name, ...doc.practice.remitToLines];
  const stub: [string, CellValue][] = [
    ["Account", doc.account],
    [numberLabel, doc.number],
    ["Amount due", dollars(doc.amountDue)],
    ["Amount enclosed:", "$__________"],
  ];
  const stubTop = page.cells.length;
  for (let i = 0; i < Math.max(stub.length, remit.length); i++) {
    page.add({ ...(i === 0 ? { [A]: "Remit to:" } : {}), [B]: remit[i] ?? null, ...(stub[i] ? { [F]: stub[i][0], [G]: stub[i][1] } : {}) });
  }
  page.style(block(stubTop, A, 1, 1), { bold: true });
  page.style(block(stubTop + 2, G, 1, 1), { bold: true });
}

function block(row: number, column: number, rows: number, columns: number): SheetRange {
  return { row, column, rows, columns };
}

function dollars(cents: Cents): number {
  return centsToNumber(cents);
}

/** A text cut to `width` characters with an ellipsis, so the column beside it does not hide its end. */
function shortened(text: string, width: number): string {
  const clean = text.trim();
  return clean.length <= width ? clean : `${clean.slice(0, width - 1).trimEnd()}…`;
}

/** A message in rows of at most `width` characters, broken between words (a longer word on its own). */
export function wrap(text: string, width: number): string[] {
  const rows: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let row = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (row !== "" && row.length + 1 + word.length > width) {
        rows.push(row);
        row = word;
      } else row = row === "" ? word : `${row} ${word}`;
    }
    if (row !== "") rows.push(row);
  }
  return rows;
}
