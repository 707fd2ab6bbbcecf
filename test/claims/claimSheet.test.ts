// The CMS-1500-like claim summary (claimSheet.ts), on the claim fixtures: every box beside its name
// (1a insured's ID, 2 name, 3 birth date and sex, 5 address, 21 diagnoses A-L without dots, 22 for a
// replacement, 24A-J lines, 25 EIN, 28 total, 33/33a billing provider), dates as serials under a date
// format and money as dollars under a money format; one claim on "Claim <ClaimID>" (cut to 31
// characters, no character Excel refuses), several on "Claim forms <date>" with a page break above
// each claim after the first, Letter portrait, half-inch margins, one page wide; the plan goes through
// the memory and xlsx adapters, and its Audit row names no patient.
import { describe, expect, it } from "vitest";
import {
  CLAIM_FORM_COLUMNS,
  CLAIM_FORM_DATE_FORMAT,
  CLAIM_FORM_MONEY_FORMAT,
  claimFormPlan,
  LINE_HEADERS,
  MAX_CLAIMS_PER_SHEET,
  sheetName,
} from "../../src/claims/claimSheet";
import type { Claim } from "../../src/claims/model";
import { isoToSerial } from "../../src/dates";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue, ReportSheetOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { BILLING_NPI, RENDERING_NPI, sampleClaim, sampleLine, samplePatient, SAMPLE_TODAY } from "./claimFixtures";

const options = { today: SAMPLE_TODAY, dateSystem: 1900 as const };

function onlySheet(claims: Claim[]): ReportSheetOp {
  const plan = claimFormPlan(claims, options);
  expect(plan.ops).toHaveLength(1);
  return plan.ops[0] as ReportSheetOp;
}

/** The first cell holding a text, 0-based, from a row on. */
function find(op: ReportSheetOp, text: string, from = 0): { row: number; column: number } {
  for (let row = from; row < op.cells.length; row++) {
    const column = op.cells[row].indexOf(text);
    if (column >= 0) return { row, column };
  }
  throw new Error(`"${text}" is not on the sheet`);
}

/** A box's value: two columns right of its name. */
function box(op: ReportSheetOp, label: string, from = 0): CellValue {
  const at = find(op, label, from);
  return op.cells[at.row][at.column + 2];
}

function formatAt(op: ReportSheetOp, row: number, column: number): string | undefined {
  const blocks = (op.formats ?? []).filter(
    ({ range }) => row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns,
  );
  return blocks.length > 0 ? blocks[blocks.length - 1].numberFormat : op.columns?.[column]?.numberFormat;
}

function styleAt(op: ReportSheetOp, row: number, column: number) {
  const out: Record<string, unknown> = {};
  for (const { range, ...style } of op.styles ?? []) {
    if (row >= range.row && row < range.row + range.rows && column >= range.column && column < range.column + range.columns)
      Object.assign(out, style);
  }
  return out;
}

describe("one claim's summary", () => {
  const claim = sampleClaim();
  const op = onlySheet([claim]);

  it("goes on the sheet Claim <ClaimID>, eight columns wide, with the claim id and the print date at the top", () => {
    expect(op.sheet).toBe("Claim CLM0001");
    expect(op.cells.every((row) => row.length === CLAIM_FORM_COLUMNS)).toBe(true);
    expect(op.cells[0][0]).toBe("HEALTH INSURANCE CLAIM (CMS-1500 summary)");
    expect(styleAt(op, 0, 0)).toMatchObject({ bold: true, fontSize: 14 });
    const title = find(op, "Claim");
    expect(op.cells[title.row][title.column + 1]).toBe("CLM0001");
    const printed = find(op, "Printed");
    expect(op.cells[printed.row][printed.column + 1]).toBe(isoToSerial(SAMPLE_TODAY));
    expect(formatAt(op, printed.row, printed.column + 1)).toBe(CLAIM_FORM_DATE_FORMAT);
  });

  it("shows the payer, and the patient's and insured's boxes 1, 1a, 2, 3, 5 and 26", () => {
    expect(box(op, "Payer (carrier)")).toBe("Sample Health Plan");
    expect(box(op, "Payer ID")).toBe("SHP01");
    expect(box(op, "1 Insurance type")).toBe("Commercial");
    expect(box(op, "1a Insured's ID number")).toBe("XYZ123456789");
    expect(box(op, "2 Patient's name")).toBe("Testperson, Alex");
    expect(box(op, "26 Patient's account no.")).toBe("P000001");
    const born = find(op, "3 Birth date");
    expect(op.cells[born.row][born.column + 2]).toBe(isoToSerial("1960-05-04"));
    expect(formatAt(op, born.row, born.column + 2)).toBe(CLAIM_FORM_DATE_FORMAT);
    expect(box(op, "3 Sex")).toBe("F");
    const address = find(op, "5 Patient's address");
    expect(op.cells.slice(address.row, address.row + 2).map((r) => r[2])).toEqual(["12 Elm St", "Sampleton, IL 62702"]);
  });

  it("lists the diagnoses A, B... without their dots (box 21), and no box 22 on an original claim", () => {
    const dx = find(op, "21 Diagnoses (ICD Ind. 0)");
    expect(op.cells[dx.row + 1]).toEqual(["A. E119", null, "B. Z23", null, null, null, null, null]);
    expect(() => find(op, "22 Resubmission code")).toThrow();
  });

  it("lists each service line under the 24A-24J header: date, POS, code, modifiers, pointers as letters, charge, units, NPI", () => {
    const header = find(op, LINE_HEADERS[0]);
    expect(op.cells[header.row]).toEqual(LINE_HEADERS);
    expect(styleAt(op, header.row, 5)).toMatchObject({ bold: true, borderTop: "thin" });
    const dos = isoToSerial("2026-03-02");
    expect(op.cells[header.row + 1]).toEqual([dos, "11", "99213", "25", "AB", 125, 1, RENDERING_NPI]);
    expect(op.cells[header.row + 2]).toEqual([dos, "11", "90686", null, "B", 35, 1, RENDERING_NPI]);
    expect(formatAt(op, header.row + 1, 0)).toBe(CLAIM_FORM_DATE_FORMAT);
    expect(formatAt(op, header.row + 1, 5)).toBe(CLAIM_FORM_MONEY_FORMAT);
    expect(formatAt(op, header.row + 1, 6)).toBeUndefined(); // units are a plain number
  });

  it("ends with 25 the EIN, 28 the total charge (bold), 33 the billing provider and 33a its NPI", () => {
    expect(box(op, "25 Federal tax ID (EIN)")).toBe("12-3456789");
    const total = find(op, "28 Total charge");
    expect(op.cells[total.row][total.column + 2]).toBe(160);
    expect(formatAt(op, total.row, total.column + 2)).toBe(CLAIM_FORM_MONEY_FORMAT);
    expect(styleAt(op, total.row, total.column + 2)).toMatchObject({ bold: true });
    const provider = find(op, "33 Billing provider");
    expect(op.cells.slice(provider.row, provider.row + 5).map((r) => r[2])).toEqual([
      "Sampleton Family Medicine",
      "100 Sample Way",
      "Suite 200",
      "Sampleton, IL 62701-1234",
      "Phone 217-555-0100",
    ]);
    expect(box(op, "33a NPI")).toBe(BILLING_NPI);
  });

  it("prints on one page wide, portrait, half-inch margins, over every cell written, with no page break", () => {
    expect(op.print).toEqual({
      area: { row: 0, column: 0, rows: op.cells.length, columns: CLAIM_FORM_COLUMNS },
      orientation: "portrait",
      margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
      fitToWidth: true,
      pageBreaksBefore: [],
    });
    expect(op.columns).toHaveLength(CLAIM_FORM_COLUMNS);
  });
});

describe("the claims the summary must show as they are", () => {
  it("box 22 carries a replacement's frequency and the payer's claim number", () => {
    const op = onlySheet([sampleClaim({ frequency: "7", payerClaimNumber: "ICN20260001" })]);
    expect(box(op, "22 Resubmission code")).toBe("7 (replacement)");
    expect(box(op, "Original ref. no.")).toBe("ICN20260001");
  });

  it("twelve diagnoses fill three rows of four, A to L, and a line points with up to four letters", () => {
    const diagnoses = ["E11.9", "I10", "Z23", "J45.909", "M54.50", "R51.9", "E78.5", "K21.9", "F41.1", "G47.00", "N39.0", "L40.0"];
    const op = onlySheet([
      sampleClaim({ diagnoses, lines: [sampleLine({ pointers: [9, 10, 11, 12] })], total: 12_500, renderingNpi: undefined }),
    ]);
    const dx = find(op, "21 Diagnoses (ICD Ind. 0)");
    expect(op.cells.slice(dx.row + 1, dx.row + 4).map((r) => [r[0], r[2], r[4], r[6]])).toEqual([
      ["A. E119", "B. I10", "C. Z23", "D. J45909"],
      ["E. M5450", "F. R519", "G. E785", "H. K219"],
      ["I. F411", "J. G4700", "K. N390", "L. L400"],
    ]);
    const header = find(op, LINE_HEADERS[0]);
    expect(op.cells[header.row + 1][4]).toBe("IJKL");
  });

  it("a line without its own rendering NPI shows the claim's; a patient without DOB leaves the box empty", () => {
    const op = onlySheet([
      sampleClaim({
        lines: [sampleLine({ renderingNpi: undefined, modifiers: ["25", "59"] })],
        total: 12_500,
        patient: samplePatient({ dob: undefined, sex: undefined, memberId: undefined }),
      }),
    ]);
    const header = find(op, LINE_HEADERS[0]);
    expect(op.cells[header.row + 1][7]).toBe(RENDERING_NPI);
    expect(op.cells[header.row + 1][3]).toBe("25 59");
    expect(box(op, "3 Birth date")).toBeNull();
    expect(box(op, "3 Sex")).toBeNull();
    expect(box(op, "1a Insured's ID number")).toBeNull();
  });

  it("names the sheet within Excel's 31 characters, with no character Excel refuses", () => {
    expect(onlySheet([sampleClaim({ claimId: "A/B:C*D?E[F]G'H" })]).sheet).toBe("Claim A-B-C-D-E-F-G-H");
    const long = onlySheet([sampleClaim({ claimId: "CLAIM-0123456789-ABCDEFGHIJ" })]).sheet;
    expect(long).toBe("Claim CLAIM-0123456789-ABCDEFGH");
    expect(long).toHaveLength(31);
    expect(sheetName("Claim x ")).toBe("Claim x");
  });

  it("refuses to print no claim at all", () => {
    expect(() => claimFormPlan([], options)).toThrow(/no claim to print/);
  });
});

describe("several claims", () => {
  const claims = [
    sampleClaim(),
    sampleClaim({ claimId: "CLM0002", frequency: "8", payerClaimNumber: "ICN7" }),
    sampleClaim({ claimId: "CLM0003", patient: samplePatient({ patientId: "P000002", lastName: "Otherperson", firstName: "Sam" }) }),
  ];

  it("go on one sheet Claim forms <date>, each claim on a new page", () => {
    const op = onlySheet(claims);
    expect(op.sheet).toBe(`Claim forms ${SAMPLE_TODAY}`);
    const titles = op.cells.flatMap((row, i) => (row[0] === "HEALTH INSURANCE CLAIM (CMS-1500 summary)" ? [i] : []));
    expect(titles).toHaveLength(3);
    expect(titles[0]).toBe(0);
    expect(op.print?.pageBreaksBefore).toEqual(titles.slice(1));
    expect(titles.map((row) => op.cells[row][7])).toEqual(["CLM0001", "CLM0002", "CLM0003"]);
    expect(box(op, "22 Resubmission code", titles[1])).toBe("8 (void)");
    expect(box(op, "2 Patient's name", titles[2])).toBe("Otherperson, Sam");
  });

  it("name claim ids and the total charge in the Audit words, never a patient", () => {
    const plan = claimFormPlan(claims, options);
    expect(plan.action).toBe("Claim forms printed");
    expect(plan.what).toBe(`3 claim forms (CLM0001, CLM0002, CLM0003) on sheet "Claim forms ${SAMPLE_TODAY}"`);
    expect(plan.totals).toBe("charges $480.00");
    for (const text of [plan.what, plan.totals ?? ""]) {
      for (const word of ["Testperson", "Otherperson", "Alex", "XYZ123456789", "1960"]) expect(text).not.toContain(word);
    }
  });

  it("past the page breaks Excel keeps on a sheet, continue on a second sheet; the Audit words count the claims they don't name", () => {
    const many = Array.from({ length: MAX_CLAIMS_PER_SHEET + 2 }, (_, i) => sampleClaim({ claimId: `C${String(i).padStart(5, "0")}` }));
    const plan = claimFormPlan(many, options);
    const sheets = plan.ops as ReportSheetOp[];
    expect(sheets.map((s) => s.sheet)).toEqual([`Claim forms ${SAMPLE_TODAY}`, `Claim forms ${SAMPLE_TODAY} (2)`]);
    expect(sheets[0].print?.pageBreaksBefore).toHaveLength(MAX_CLAIMS_PER_SHEET - 1);
    expect(sheets[1].print?.pageBreaksBefore).toHaveLength(1);
    expect(plan.what).toMatch(/^1,?002 claim forms \(C00000, .*, C00019 and 982 more\) on sheets /);
  });
});

describe("written to a workbook", () => {
  const claims = [sampleClaim(), sampleClaim({ claimId: "CLM0002" })];

  it("the memory workbook takes the plan with its Audit row, layout as given", async () => {
    const workbook = new MemoryWorkbook();
    const plan = claimFormPlan(claims, options);
    await applyPlan(workbook, plan);
    const sheet = workbook.sheets.find((s) => s.name === `Claim forms ${SAMPLE_TODAY}`)!;
    expect(sheet.cells).toEqual((plan.ops[0] as ReportSheetOp).cells);
    expect(sheet.layout?.print?.pageBreaksBefore).toHaveLength(1);
    const audit = workbook.sheets.find((s) => s.name === "Audit")!.table!;
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toContain("Claim forms printed");
    expect(audit.rows[0].join(" ")).not.toContain("Testperson");
  });

  it("an .xlsx file takes it too, and reads back the same values", async () => {
    const workbook = XlsxWorkbook.create();
    await applyPlan(workbook, claimFormPlan([claims[0]], options));
    const again = await XlsxWorkbook.load(await workbook.save());
    const cells = await again.readSheet("Claim CLM0001");
    const written = (claimFormPlan([claims[0]], options).ops[0] as ReportSheetOp).cells;
    expect(cells?.length).toBe(written.length);
    const header = written.findIndex((row) => row[0] === LINE_HEADERS[0]);
    expect(cells?.[header + 1]).toEqual(written[header + 1]);
    expect(cells?.find((row) => row[0] === "2 Patient's name")?.[2]).toBe("Testperson, Alex");
  });
});
