// The CMS-1500-like claim summary: a claim laid out on a sheet to print on Letter paper, portrait,
// one page wide, for the payers that still take paper and for the office's files. Layout
// only: no form image, no red boxes; each figure sits beside the name of the box the form gives it,
// so a biller copying it onto a 1500 (or reading it to a payer on the phone) finds it at once.
//
// Eight columns, A to H, the service lines' (box 24): A date of service, B place of service, C the
// CPT/HCPCS code, D modifiers, E diagnosis pointers, F charges, G units, H rendering NPI. Every claim
// is the same stack of rows:
// - the title and the claim's id and print date; the payer (the carrier block) with its X12 id;
// - 1 insurance type, 1a insured's ID, 2 patient's name, 3 birth date and sex, 5 address, 26 account;
// - 21 the diagnoses A-L, four to a row, without their dots as the form asks (ICD Ind. 0: ICD-10);
//   22 the resubmission code and original reference number of a replacement or void;
// - 24 the lines, then 25 the EIN, 28 the total charge, 33 the billing provider and 33a its NPI.
// One claim per printed page: a batch goes on one sheet with a page break above each claim after the
// first (continued on "(2)", "(3)" sheets past Excel's limit of page breaks per sheet). Money goes in
// as dollars under a money format, dates as serials of the workbook's date system; texts from the
// workbook go in as text (the adapters never let one become a formula). The Audit row names claim
// ids, counts and the total charge, never a patient.
import { isoToSerial, type DateSystem, type IsoDate } from "../dates";
import { centsToNumber, formatMoney, sumCents, type Cents } from "../money";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, ReportSheetOp, SheetRange } from "../workbook/port";
import type { Claim, ClaimAddress } from "./model";

/** Money on the form: no red, a minus sign (a claim's charges are never below 0 once scrubbed). */
export const CLAIM_FORM_MONEY_FORMAT = '"$"#,##0.00;-"$"#,##0.00';
/** Dates as the form and a US office print them. */
export const CLAIM_FORM_DATE_FORMAT = "mm/dd/yyyy";
export const CLAIM_FORM_COLUMNS = 8;
/** Claims per sheet: one page break above each but the first, under Excel's 1,023 per sheet. */
export const MAX_CLAIMS_PER_SHEET = 1000;
/** Widths in characters, about 105 in all: fit to one page wide, it prints at about 80% between half-inch margins. */
const WIDTHS = [13, 8, 12, 13, 12, 13, 8, 14];
const MARGIN_INCHES = 0.5;
/** Sheet names: 31 characters at most, none of these (Excel's, and the apostrophe, which a printed .xlsx sheet's name cannot hold). */
const BAD_SHEET_CHARS = /[[\]:*?/\\']/g;
const LETTERS = "ABCDEFGHIJKL";
const DIAGNOSES_PER_ROW = 4;
/** How many claim ids the Audit row names before it counts the rest. */
const CLAIMS_NAMED = 20;
const [A, B, C, D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7];

/** The service lines' header (box 24), as printed. */
export const LINE_HEADERS = [
  "24A Date of service",
  "24B POS",
  "24D CPT/HCPCS",
  "24D Modifiers",
  "24E Dx pointer",
  "24F Charges",
  "24G Units",
  "24J Rendering NPI",
];

type TextStyle = NonNullable<ReportSheetOp["styles"]>[number];

export interface ClaimFormOptions {
  /** The print date, shown on each claim and naming a batch's sheet. */
  today: IsoDate;
  dateSystem: DateSystem;
}

/**
 * The plan printing claims as CMS-1500-like summaries: one claim on the sheet "Claim <ClaimID>",
 * several on "Claim forms <date>", a claim per page. Throws when there is no claim to print.
 */
export function claimFormPlan(claims: Claim[], options: ClaimFormOptions): WritePlan {
  if (claims.length === 0) throw new Error("There is no claim to print: choose one or more claims first.");
  const base = claims.length === 1 ? sheetName(`Claim ${claims[0].claimId}`) : `Claim forms ${options.today}`;
  const ops: ReportSheetOp[] = [];
  for (let at = 0, part = 1; at < claims.length; at += MAX_CLAIMS_PER_SHEET, part++) {
    const name = part === 1 ? base : `${base} (${part})`;
    ops.push(claimFormSheetOp(claims.slice(at, at + MAX_CLAIMS_PER_SHEET), name, options));
  }
  const ids = claims.map((c) => c.claimId);
  const named =
    ids.length <= CLAIMS_NAMED ? ids.join(", ") : `${ids.slice(0, CLAIMS_NAMED).join(", ")} and ${ids.length - CLAIMS_NAMED} more`;
  const sheets = ops.map((op) => `"${op.sheet}"`);
  return {
    action: "Claim forms printed",
    what: `${claims.length} claim form${claims.length === 1 ? "" : "s"} (${named}) on ${sheets.length === 1 ? "sheet" : "sheets"} ${sheets.join(", ")}`,
    totals: `charges ${formatMoney(sumCents(claims.map((c) => c.total)))}`,
    ops,
  };
}

/** A sheet name Excel takes: the characters it refuses become "-", cut to 31 characters. */
export function sheetName(text: string): string {
  return text.replace(BAD_SHEET_CHARS, "-").slice(0, 31).trim();
}

/** The sheet of some claims, a page break above each after the first. */
export function claimFormSheetOp(claims: Claim[], sheet: string, options: ClaimFormOptions): ReportSheetOp {
  const page = new FormRows(options.dateSystem);
  const pageBreaksBefore: number[] = [];
  claims.forEach((claim, i) => {
    if (i > 0) pageBreaksBefore.push(page.cells.length);
    layOut(page, claim, options.today);
  });
  const rows = page.cells.length;
  return {
    kind: "reportSheet",
    sheet,
    cells: page.cells,
    columns: WIDTHS.map((width) => ({ width })),
    formats: page.formats,
    styles: page.styles,
    print: {
      area: block(0, A, rows, CLAIM_FORM_COLUMNS),
      orientation: "portrait",
      margins: { top: MARGIN_INCHES, bottom: MARGIN_INCHES, left: MARGIN_INCHES, right: MARGIN_INCHES },
      fitToWidth: true,
      pageBreaksBefore,
    },
  };
}

/** The rows as they are laid out, with the formats and styles of their blocks. */
class FormRows {
  readonly cells: CellValue[][] = [];
  readonly formats: { range: SheetRange; numberFormat: string }[] = [];
  readonly styles: TextStyle[] = [];

  constructor(private readonly dateSystem: DateSystem) {}

  /** A new row with values by column; returns its 0-based index. */
  add(values: Partial<Record<number, CellValue>> = {}): number {
    const row = new Array<CellValue>(CLAIM_FORM_COLUMNS).fill(null);
    for (const [column, value] of Object.entries(values)) row[Number(column)] = value ?? null;
    this.cells.push(row);
    return this.cells.length - 1;
  }

  style(range: SheetRange, style: Omit<TextStyle, "range">): void {
    this.styles.push({ range, ...style });
  }

  format(range: SheetRange, numberFormat: string): void {
    this.formats.push({ range, numberFormat });
  }

  /** A date cell: the serial, under the date format. */
  date(row: number, column: number, iso: IsoDate | undefined): void {
    if (iso === undefined) return;
    this.cells[row][column] = isoToSerial(iso, this.dateSystem);
    this.format(block(row, column, 1, 1), CLAIM_FORM_DATE_FORMAT);
  }

  /** A money cell: dollars, under the money format. */
  money(row: number, column: number, cents: Cents): void {
    this.cells[row][column] = centsToNumber(cents);
    this.format(block(row, column, 1, 1), CLAIM_FORM_MONEY_FORMAT);
  }

  /** A box's name (small, in column `column`) with its value two columns on; the row's index. */
  box(label: string, value: CellValue, column: number = A, row?: number): number {
    const at = row ?? this.add();
    this.cells[at][column] = label;
    this.cells[at][column + 2] = value;
    this.style(block(at, column, 1, 2), { fontSize: 8 });
    return at;
  }
}

function layOut(page: FormRows, claim: Claim, today: IsoDate): void {
  // The title, the claim and the payer (the carrier block, top right on the form).
  const title = page.add({ [A]: "HEALTH INSURANCE CLAIM (CMS-1500 summary)", [G]: "Claim", [H]: claim.claimId });
  page.style(block(title, A, 1, 1), { bold: true, fontSize: 14 });
  page.style(block(title, G, 1, 2), { bold: true });
  page.style(block(title, H, 1, 1), { align: "right" });
  const printed = page.add({ [A]: "Layout only: copy onto the red 1500 form, or send as the payer allows", [G]: "Printed" });
  page.date(printed, H, today);
  page.style(block(printed, A, 1, 1), { italic: true, fontSize: 8 });
  page.style(block(printed, H, 1, 1), { align: "right" });
  const payer = page.box("Payer (carrier)", claim.payer.name);
  page.box("Payer ID", claim.payer.x12PayerId ?? claim.payer.payerId, E, payer);
  page.style(block(payer, C, 1, 1), { bold: true });
  page.add();

  // The patient and the insured (boxes 1-5, 26).
  const patient = claim.patient;
  const insured = page.box("1 Insurance type", claim.payer.type ?? null);
  page.box("1a Insured's ID number", patient.memberId ?? null, E, insured);
  const name = page.box("2 Patient's name", `${patient.lastName}, ${patient.firstName}`);
  page.box("26 Patient's account no.", patient.patientId, E, name);
  const born = page.box("3 Birth date", null);
  page.date(born, C, patient.dob);
  page.box("3 Sex", patient.sex ?? null, E, born);
  const address = addressLines(patient.address);
  page.box("5 Patient's address", address[0] ?? null);
  for (const line of address.slice(1)) page.add({ [C]: line });
  page.add();

  // 21 the diagnoses, four to a row as on the form; 22 for a replacement or void.
  const dx = page.box("21 Diagnoses (ICD Ind. 0)", null);
  page.style(block(dx, A, 1, 1), { bold: true });
  for (let i = 0; i < claim.diagnoses.length; i += DIAGNOSES_PER_ROW) {
    const row = page.add();
    claim.diagnoses.slice(i, i + DIAGNOSES_PER_ROW).forEach((code, k) => {
      page.cells[row][k * 2] = `${LETTERS[i + k] ?? "?"}. ${code.replace(/[.\s]/g, "").toUpperCase()}`;
    });
  }
  if (claim.frequency !== "1") {
    const resubmission = page.box("22 Resubmission code", `${claim.frequency} (${claim.frequency === "7" ? "replacement" : "void"})`);
    page.box("Original ref. no.", claim.payerClaimNumber ?? null, E, resubmission);
  }
  page.add();

  // 24 the service lines.
  const header = page.add(Object.fromEntries(LINE_HEADERS.map((h, i) => [i, h])));
  page.style(block(header, A, 1, CLAIM_FORM_COLUMNS), { bold: true, fontSize: 8, borderTop: "thin" });
  const first = page.cells.length;
  for (const line of claim.lines) {
    const row = page.add({
      [B]: line.pos ?? claim.pos ?? null,
      [C]: line.code,
      [D]: line.modifiers.length > 0 ? line.modifiers.join(" ") : null,
      [E]: line.pointers.map((p) => LETTERS[p - 1] ?? "?").join(""),
      [G]: line.units,
      [H]: line.renderingNpi ?? claim.renderingNpi ?? null,
    });
    page.date(row, A, line.dos);
    page.money(row, F, line.charge);
  }
  if (claim.lines.length > 0) page.style(block(first, F, claim.lines.length, 2), { align: "right" });

  // 25, 28 and 33: the provider's side of the form's foot.
  const ein = page.box("25 Federal tax ID (EIN)", claim.billing.ein ?? null);
  page.style(block(ein, A, 1, CLAIM_FORM_COLUMNS), { borderTop: "thin" });
  page.box("28 Total charge", null, E, ein);
  page.money(ein, G, claim.total);
  page.style(block(ein, E, 1, 4), { bold: true });
  const billing = claim.billing;
  const provider = [billing.name, ...addressLines(billing.address), ...(billing.phone ? [`Phone ${billing.phone}`] : [])];
  page.box("33 Billing provider", provider[0] ?? null);
  for (const line of provider.slice(1)) page.add({ [C]: line });
  page.box("33a NPI", billing.npi ?? null);
}

/** The street lines, then "City, ST ZIP". */
function addressLines(address: ClaimAddress): string[] {
  const place = [address.city, [address.state, address.zip].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return [...address.lines, ...(place ? [place] : [])];
}

function block(row: number, column: number, rows: number, columns: number): SheetRange {
  return { row, column, rows, columns };
}
