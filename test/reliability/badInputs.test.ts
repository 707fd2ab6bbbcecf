// The bad-input catalogue (issue 12): bad workbooks, tables, cells, X12 files, code files and command
// lines, each with the exact sentence a biller is shown, and proof that nothing was written: the
// workbook's cells are the same after (engine cases), or the file's bytes are (CLI cases).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readCodeSetFile } from "../../src/codes/codeSetFiles";
import { eraPostingPlan } from "../../src/era/eraPlan";
import { readLedger } from "../../src/ledger/ledger";
import { ledgerProblems } from "../../src/ledger/ledgerProblems";
import { insurancePaymentPlan, patientPaymentPlan } from "../../src/ledger/postingPlans";
import { describeIssue, parseTable } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, RawTable } from "../../src/workbook/port";
import { Charges, Patients, Payers, Payments, Postings, type TableDef } from "../../src/workbook/tables";
import { tempFolder, terminal, writeSample } from "../cli/terminal";
import { charge, ledgerWorkbook, payment, posting } from "../ledger/ledgerFixtures";
import { planInputs } from "../ledger/postingPlansFlow";

// ---- cells and tables: one bad cell in an otherwise good row -------------------------------------------

const GOOD: Record<string, Record<string, CellValue>> = {
  Charges: { ChargeID: "L1", ClaimID: "C1", PatientID: "P1", PayerID: "MCR", DOS: "2026-03-02", Code: "99213", Amount: 100 },
  Patients: { PatientID: "P1", "Last Name": "Testcase", "First Name": "Pat" },
  Payers: { PayerID: "MCR", "Payer Name": "Medicare", Type: "Medicare" },
  Payments: { PaymentID: "PM1", Date: "2026-03-05", Amount: 50 },
  Postings: { PostingID: "T1", ChargeID: "L1", Date: "2026-03-05", Paid: 50 },
};

/** The one sentence a table with this row (the good row with `bad` cells over it) is refused with. */
function cellProblem(def: TableDef, bad: Record<string, CellValue>, extraRow?: Record<string, CellValue>): string {
  const row = { ...GOOD[def.name], ...bad };
  const headers = Object.keys(row);
  const rows = [headers.map((h) => row[h] ?? null)];
  if (extraRow) rows.push(headers.map((h) => ({ ...GOOD[def.name], ...extraRow })[h] ?? null));
  const raw: RawTable = { name: def.name, sheet: def.name, headers, rowCount: rows.length, headerRow: 1, rows };
  const parsed = parseTable(def, raw, 1900);
  expect(parsed.issues, JSON.stringify(bad)).toHaveLength(1);
  return describeIssue(parsed.issues[0]);
}

const CELLS: [string, () => string, string][] = [
  [
    "a date that isn't on the calendar",
    () => cellProblem(Charges, { DOS: "13/45/2026" }),
    'Charges row 2, DOS: "13/45/2026" is not a real calendar date',
  ],
  [
    "a two-digit year",
    () => cellProblem(Charges, { DOS: "3/5/26" }),
    'Charges row 2, DOS: "3/5/26" has a two-digit year: write the year in full (3/5/2026)',
  ],
  [
    "Excel's fictitious 1900-02-29",
    () => cellProblem(Charges, { DOS: 60 }),
    "Charges row 2, DOS: 1900-02-29 never existed (Excel's 1900 leap-year bug): enter the real date",
  ],
  [
    "an amount that is not money",
    () => cellProblem(Charges, { Amount: "abc" }),
    'Charges row 2, Amount: "abc" is not an amount (write it like 1234.50 or $1,234.50)',
  ],
  [
    "an amount with a fraction of a cent",
    () => cellProblem(Charges, { Amount: "1.234" }),
    'Charges row 2, Amount: "1.234" has a fraction of a cent',
  ],
  [
    "a procedure code too short",
    () => cellProblem(Charges, { Code: "9921" }),
    'Charges row 2, Code: code "9921" is not a CPT or HCPCS code',
  ],
  ["a dental D code", () => cellProblem(Charges, { Code: "D0120" }), 'Charges row 2, Code: code "D0120" is not a CPT or HCPCS code'],
  ["a one-character modifier", () => cellProblem(Charges, { Mod1: "2" }), 'Charges row 2, Mod1: modifier "2" must be 2 letters or digits'],
  [
    "an NPI failing its check digit",
    () => cellProblem(Charges, { "Provider NPI": "1234567890" }),
    'Charges row 2, Provider NPI: NPI "1234567890" fails its check digit (mistyped?)',
  ],
  ["a blank ChargeID", () => cellProblem(Charges, { ChargeID: null }), "Charges row 2: ChargeID is blank"],
  ["units below zero", () => cellProblem(Charges, { Units: -1 }), 'Charges row 2, Units: units must be more than 0, not "-1"'],
  [
    "a claim frequency that doesn't exist",
    () => cellProblem(Charges, { Frequency: "9" }),
    'Charges row 2, Frequency: "9" is not a claim frequency code (use one of: 1, 7, 8)',
  ],
  ["the same ChargeID twice", () => cellProblem(Charges, {}, {}), 'Charges row 3, ChargeID: "L1" is already used on row 2'],
  [
    "a payer type MedBill doesn't know",
    () => cellProblem(Payers, { Type: "HMO" }),
    'Payers row 2, Type: "HMO" is not a payer type (use one of: Medicare, Medicaid, Commercial, Tricare, Workers Comp, Self-pay, Other)',
  ],
  [
    "a sex code other than F, M or U",
    () => cellProblem(Patients, { Sex: "X" }),
    'Patients row 2, Sex: "X" is not a sex code (use one of: F, M, U)',
  ],
  [
    "an adjustment group that doesn't exist in 5010",
    () => cellProblem(Postings, { Group: "CR" }),
    'Postings row 2, Group: "CR" is not an adjustment group (use one of: CO, PR, OA, PI, WO)',
  ],
  [
    "a payment method MedBill doesn't know",
    () => cellProblem(Payments, { Method: "Venmo" }),
    'Payments row 2, Method: "Venmo" is not a payment method (use one of: Check, EFT, ACH, Cash, Card, ERA, Other)',
  ],
  ["a payment with no date", () => cellProblem(Payments, { Date: null }), "Payments row 2: Date is blank"],
];

describe("bad cells: the sentence names the table, row, column and why", () => {
  it.each(CELLS)("%s", (_name, run, expected) => {
    expect(run()).toBe(expected);
  });
});

// ---- workbooks and tables ------------------------------------------------------------------------------

describe("bad workbooks and tables", () => {
  it("a workbook without a Postings table", async () => {
    const book = MemoryWorkbook.withTables([
      { name: "Charges", headers: ["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code", "Amount"], rows: [] },
    ]);
    const { ledger, tables } = await readLedger(book);
    expect(ledgerProblems(ledger, tables)).toEqual([
      "The workbook has no Payments table (run Setup in the add-in to create it).",
      "The workbook has no Postings table (run Setup in the add-in to create it).",
    ]);
  });

  it("a Charges table without its Amount column", async () => {
    const book = MemoryWorkbook.withTables([
      {
        name: "Charges",
        headers: ["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code"],
        rows: [["L1", "C1", "P1", "MCR", "2026-03-02", "99213"]],
      },
    ]);
    const { ledger, tables } = await readLedger(book);
    expect(ledgerProblems(ledger, tables)).toContain('Charges row 1, Amount: the table has no "Amount" column');
  });
});

// ---- posting plans: refused, nothing written -------------------------------------------------------------

describe("bad postings: refused with a sentence, nothing written", () => {
  const tables = {
    charges: [charge("L1", { dos: "2026-01-05" })],
    payments: [payment("PM1", 5000, { patientId: "P1", payerId: undefined, date: "2026-01-20" })],
    postings: [posting("T1", "L1", { paymentId: "PM1", date: "2026-01-20", paid: 5000 })],
  };
  const cases: [string, (book: MemoryWorkbook) => Promise<string[]>, string[]][] = [
    [
      "insurance money for a line that isn't in Charges",
      async (book) => {
        const { ledger, ctx } = await planInputs(book);
        const plan = insurancePaymentPlan(
          ledger,
          ctx,
          { from: { payerId: "MCR" }, date: "2026-02-20", method: "Check", reference: "1", amount: 100 },
          [{ chargeId: "L99", paid: 100 }],
        );
        return plan.ok ? [] : plan.problems;
      },
      ["Line L99: there is no such line in the Charges table."],
    ],
    [
      "a patient payment of $0.00",
      async (book) => {
        const { ledger, ctx } = await planInputs(book);
        const plan = patientPaymentPlan(
          ledger,
          ctx,
          { from: { patientId: "P1" }, date: "2026-02-20", method: "Cash", reference: "", amount: 0 },
          "oldest-first",
        );
        return plan.ok ? [] : plan.problems;
      },
      ["A payment is an amount above $0.00: to give money back use Refund… (Reconcile), to undo a posting use Reverse."],
    ],
  ];
  it.each(cases)("%s", async (_name, run, expected) => {
    const book = ledgerWorkbook(tables);
    const before = structuredClone(book.sheets);
    expect(await run(book)).toEqual(expected);
    expect(book.sheets).toEqual(before);
  });
});

// ---- X12 files: refused before anything is planned ----------------------------------------------------------

const ISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260305*1200*^*00501*000000001*0*P*:~";
const env = (body: string[], version = "005010X221A1") =>
  [
    ISA,
    `GS*HP*SENDER*RECEIVER*20260305*1200*1*X*${version}`,
    "ST*835*0001",
    ...body,
    `SE*${body.length + 2}*0001`,
    "GE*1*1",
    "IEA*1*000000001",
  ].join("~") + "~";

const X12: [string, string, string][] = [
  ["an empty file", "", "The file is empty."],
  [
    "a text file that isn't X12",
    "Dear provider, your payment is enclosed.",
    "This is not an X12 file: it should begin with an ISA header (or at least with an ST segment).",
  ],
  [
    "an 837 claim file picked instead of an 835",
    env(["BHT*0019*00*1*20260305*1200*CH"]).replace("ST*835", "ST*837"),
    "This is an 837 claim file, not an 835 remittance: choose the 835 (ERA) file from your payer or clearinghouse.",
  ],
  [
    "a payment amount that isn't a number",
    env(["BPR*I*12X.00*C*CHK************20260305", "TRN*1*12345*1512345678"]),
    'The payment amount (BPR02 "12X.00") of remittance 0001 cannot be read, so it cannot be posted.',
  ],
  [
    "no trace number",
    env(["BPR*I*120.00*C*CHK************20260305"]),
    "Remittance 0001 has no trace number (TRN02): without it MedBill cannot tell whether it was already posted. Ask the payer for a complete file.",
  ],
  [
    "no payment segment",
    env(["TRN*1*12345*1512345678"]),
    "Remittance 0001 has no payment segment (BPR): the file is damaged or cut short, so nothing can be posted from it.",
  ],
  [
    "a 4010 remittance",
    env(["BPR*I*120.00*C*CHK************20260305", "TRN*1*12345*1512345678"], "004010X091A1"),
    "This is a 4010 remittance (GS08 004010X091A1, although its envelope says 5010 (ISA12 00501)). MedBill reads 5010 (005010X221A1) remittances: ask your payer or clearinghouse for the 5010 835.",
  ],
  ["a file cut off inside the ISA header", ISA.slice(0, 40), "The file ends inside its ISA header: it was cut short."],
];

describe("bad remittance files: refused with a sentence, nothing written", () => {
  it.each(X12)("%s", async (_name, text, expected) => {
    const book = ledgerWorkbook({ charges: [charge("L1")] });
    const before = structuredClone(book.sheets);
    const { ledger, ctx } = await planInputs(book);
    const result = await eraPostingPlan({ name: "remit.835", bytes: new TextEncoder().encode(text) }, ledger, ctx);
    expect(result.ok ? "(accepted)" : result.error).toBe(expected);
    expect(book.sheets).toEqual(before);
  });
});

// ---- code files ---------------------------------------------------------------------------------------------

const CODE_FILES: [string, string, Uint8Array, string][] = [
  ["an empty ICD-10-CM file", "icd10cm_order_2026.txt", new Uint8Array(), "icd10cm_order_2026.txt is empty"],
  [
    "a letter saved under a code file's name",
    "icd10cm_order_2026.txt",
    new TextEncoder().encode("hello world\nthis is not a code file\n"),
    "icd10cm_order_2026.txt does not look like a code list: 2 of its 2 rows start with words, not codes. Choose the code file itself (a code in the first column, its description in the second)",
  ],
  [
    "a .zip that is not a zip",
    "icd10cm_2026.zip",
    new TextEncoder().encode("not a zip at all"),
    "icd10cm_2026.zip is not a zip file: download it again",
  ],
  [
    "an ICD-10-CM file whose name has no year",
    "icd10cm_order.txt",
    new TextEncoder().encode("00001 A00     0 Cholera" + " ".repeat(54) + "Cholera\n"),
    "the name icd10cm_order.txt does not say which ICD-10-CM fiscal year it is for: choose the year, or name the file like icd10cm_order_2025.txt",
  ],
  [
    "an .xlsx that is not a workbook",
    "codes.xlsx",
    new TextEncoder().encode("PK not really"),
    "codes.xlsx is not an Excel (.xlsx) file: save it from Excel as an .xlsx workbook and import that",
  ],
];

describe("bad code-set files: refused with a sentence", () => {
  it.each(CODE_FILES)("%s", async (_name, name, bytes, expected) => {
    const read = await readCodeSetFile(name, bytes);
    expect(read.ok ? "(accepted)" : read.error).toBe(expected);
  });
});

// ---- the command line: the sentence, the exit code, and the workbook's bytes unchanged ----------------------

const { file } = tempFolder("medbill-bad-inputs-");
const XLS = fileURLToPath(new URL("../workbook/fixtures/libreoffice-ranges.xls", import.meta.url));
const ODS = fileURLToPath(new URL("../workbook/fixtures/libreoffice-ranges.ods", import.meta.url));

describe("bad command lines: one sentence, exit 2 (or 1), the workbook untouched", () => {
  const book = file("book.xlsx");
  let bytes: Buffer;
  beforeAll(async () => {
    await writeSample(book, { lines: 60, seed: 2, asOf: "2026-06-30" });
    bytes = readFileSync(book);
    writeFileSync(file("not-a-workbook.xlsx"), "PatientID,Amount\nP1,10\n");
  });

  const CLI: [string, () => string[], number, string][] = [
    ["an unknown command", () => ["frobnicate"], 2, 'medbill has no command "frobnicate".'],
    ["check without a workbook", () => ["check"], 2, "Name the workbook to check: medbill check book.xlsx"],
    ["check with two workbooks", () => ["check", book, book], 2, "Check one workbook at a time."],
    [
      "a workbook that isn't there",
      () => ["check", file("nowhere.xlsx")],
      2,
      `Cannot open "${file("nowhere.xlsx")}": there is no such file.`,
    ],
    [
      "a CSV renamed .xlsx",
      () => ["check", file("not-a-workbook.xlsx")],
      2,
      `Cannot open "${file("not-a-workbook.xlsx")}": it is a text (CSV) file, not a workbook: open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
    ],
    [
      "an old Excel 97-2003 workbook (made by LibreOffice)",
      () => ["check", XLS],
      2,
      `Cannot open "${XLS}": it is an older Excel 97-2003 workbook (.xls): open it in Excel and save it as "Excel Workbook (*.xlsx)".`,
    ],
    [
      "an OpenDocument spreadsheet (made by LibreOffice)",
      () => ["check", ODS],
      2,
      `Cannot open "${ODS}": it is an OpenDocument spreadsheet (.ods): open it in LibreOffice Calc or Excel and save it as "Excel Workbook (*.xlsx)".`,
    ],
    [
      "balances --by something else",
      () => ["balances", book, "--by", "doctor"],
      2,
      '--by must be line, claim, patient or payer, not "doctor".',
    ],
    [
      "an as-of date that isn't a date",
      () => ["balances", book, "--as-of", "2026-13-01"],
      2,
      '--as-of must be a date written like 2026-06-30, not "2026-13-01".',
    ],
    [
      "an as-of date with a two-digit year",
      () => ["aging", book, "--as-of", "6/30/26"],
      2,
      '--as-of must be a date written like 2026-06-30, not "6/30/26".',
    ],
    [
      "aging buckets that go backwards",
      () => ["aging", book, "--as-of", "2026-06-30", "--buckets", "30,20"],
      2,
      '--buckets must be whole days, each larger than the one before, like 30,60,90,120 (not "30,20").',
    ],
    [
      "kpis from after to",
      () => ["kpis", book, "--from", "2026-09-30", "--to", "2026-07-01"],
      2,
      "--from (2026-09-30) is after --to (2026-07-01).",
    ],
    [
      "sample with no lines",
      () => ["sample", "--lines", "0", "--out", file("s.xlsx")],
      2,
      '--lines must be a whole number from 1 to 1000000, not "0".',
    ],
    ["an option MedBill doesn't have", () => ["balances", book, "--colour"], 2, 'There is no option "--colour" for this command.'],
    ["era post without a file", () => ["era", "post", book], 2, "Name the workbook and the 835 file: medbill era post book.xlsx FILE.835"],
    [
      "era post of a file that isn't there",
      () => ["era", "post", book, file("nowhere.835")],
      2,
      `Cannot open "${file("nowhere.835")}": there is no such file.`,
    ],
    [
      "statements with a minimum that isn't money",
      () => ["statements", book, "--batch", "--min", "ten"],
      2,
      '--min must be an amount of 0 or more, like 10 or 10.50 (not "ten").',
    ],
  ];

  it.each(CLI)("%s", async (_name, args, code, expected) => {
    const t = terminal();
    expect(await t.run(...args())).toBe(code);
    expect(t.err[0]).toBe(expected);
    expect(readFileSync(book).equals(bytes)).toBe(true);
  });
});
