// The office's rows on plain sheets (issue 19 item 2): Setup finds the sheet whose header row maps to a
// missing billing table, Make it a table turns the block into the table where it is with every row,
// column and value kept (memory, .xlsx and Excel adapters), refusals write nothing, and Create missing
// tables never makes an empty "Charges (2)" beside the office's rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { parseTable } from "../../src/workbook/mapTable";
import { MemoryWorkbook, type MemorySheet } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import {
  findPlainRanges,
  makeTableOp,
  makeTableSentence,
  makeTablesPlan,
  plainRangePhrase,
  type PlainRange,
} from "../../src/workbook/plainRanges";
import { PlanRejected, type CellValue, type MakeTableOp, type Workbook } from "../../src/workbook/port";
import { readSetupStatus, setupPlan } from "../../src/workbook/setup";
import { Audit, Charges, Patients, Payments } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FakeExcel } from "./fakeExcel";

const NOW = new Date(2026, 3, 1, 10, 0, 0);
const FIXTURE = path.join(import.meta.dirname, "fixtures", "office-plain-ranges.xlsx");
const fixture = () => new Uint8Array(readFileSync(FIXTURE));

const CHARGE_HEADERS = ["Charge ID", "ClaimID", "Patient ID", "Payer", "Date of Service", "CPT", "Amount", "Office Notes"];
const chargeRow = (i: number): CellValue[] => [
  `C${i}`,
  `CL${i}`,
  `P${i % 3}`,
  "AETNA",
  46055 + i,
  "99213",
  125 + i,
  i === 2 ? "call" : null,
];
const PATIENT_HEADERS = ["Patient ID", "Last Name", "First Name", "Date of Birth"];
const patientRows: CellValue[][] = [
  ["P0", "Alder", "Jamie", 22373],
  ["P1", "Birch", "Morgan", 27651],
];

/** A memory workbook of plain sheets (cells from A1), and tables where given. */
function memoryBook(sheets: MemorySheet[]): MemoryWorkbook {
  return new MemoryWorkbook(sheets);
}

/** The office's book: Charges at A1, Patients under a title and a blank row, a Payers table, free notes. */
function officeSheets(): MemorySheet[] {
  return [
    { name: "Charges", cells: [CHARGE_HEADERS, ...Array.from({ length: 5 }, (_, i) => chargeRow(i + 1))] },
    { name: "Patients", cells: [["Patient list"], [], PATIENT_HEADERS, ...patientRows] },
    { name: "Payers", table: { name: "Payers", headers: ["PayerID", "Payer Name"], rows: [["AETNA", "Aetna"]] } },
    { name: "Notes", cells: [["Call Medicare on Monday"]] },
  ];
}

async function found(workbook: Workbook): Promise<PlainRange[]> {
  return findPlainRanges(workbook, await workbook.describe());
}

/** Everything a workbook holds, to show a refused plan wrote nothing. */
async function snapshot(workbook: Workbook) {
  const info = await workbook.describe();
  const sheets = await Promise.all(info.sheets.map((s) => workbook.readSheet(s)));
  return { info, sheets };
}

describe("finding the office's rows on plain sheets", () => {
  it("finds Charges, Patients (under a title) and Payments on another sheet's name in the fixture, not the table or the notes", async () => {
    const book = await XlsxWorkbook.load(fixture());
    const status = await readSetupStatus(book);
    expect(status.info.tables.map((t) => t.name)).toEqual(["Payers"]);
    expect(status.plainRanges.map((r) => [r.table, r.sheet, r.range, r.nameMatches, r.problems])).toEqual([
      ["Patients", "Patients", { row: 2, column: 0, rows: 9, columns: 9 }, true, []],
      ["Charges", "Charges", { row: 0, column: 0, rows: 41, columns: 12 }, true, []],
      ["Payments", "Deposits", { row: 0, column: 0, rows: 3, columns: 5 }, false, []],
    ]);
    const charges = status.plainRanges.find((r) => r.table === "Charges")!;
    expect(charges.mapping.columns.chargeId.header).toBe("Charge ID");
    expect(charges.mapping.columns.dos.header).toBe("Date of Service");
    expect(charges.mapping.columns.payerId.header).toBe("Payer");
    expect(charges.mapping.missingRequired).toEqual([]);
    expect(charges.mapping.extras).toEqual(["Office Notes"]);
    expect(makeTableSentence(charges)).toBe("Sheet Charges, rows 2-41, 12 columns become the table Charges; nothing is moved or changed.");
    expect(plainRangePhrase(status.plainRanges[0])).toBe("Sheet Patients holds Patients rows as a plain range (rows 4-11)");
  });

  it("prefers the sheet named after the table, showing what it lacks, over a complete one named otherwise", async () => {
    const book = memoryBook([
      { name: "Export", cells: [CHARGE_HEADERS, chargeRow(1)] },
      {
        name: "charges",
        cells: [
          ["Charge ID", "Patient ID", "Date of Service", "Amount"],
          ["C9", "P1", 46055, 80],
        ],
      },
    ]);
    const [only, ...rest] = await found(book);
    expect(rest).toEqual([]);
    expect([only.table, only.sheet]).toEqual(["Charges", "charges"]);
    expect(only.mapping.missingRequired.map((f) => only.fieldHeaders[f])).toEqual(["ClaimID", "PayerID", "Code"]);
  });

  it("a sheet named otherwise is offered only when its header row has every column the table needs", async () => {
    const partial = memoryBook([
      {
        name: "Sheet1",
        cells: [
          ["Patient ID", "Last Name", "Date of Birth"],
          ["P1", "Alder", 22373],
        ],
      },
    ]);
    expect(await found(partial)).toEqual([]);
    const whole = memoryBook([{ name: "Sheet1", cells: [PATIENT_HEADERS, ...patientRows] }]);
    expect((await found(whole)).map((r) => [r.table, r.sheet])).toEqual([["Patients", "Sheet1"]]);
  });

  it("never offers a sheet that holds a table, a table the workbook has, or the Audit trail", async () => {
    const book = memoryBook([
      { name: "Old charges", table: { name: "OldCharges", headers: CHARGE_HEADERS, rows: [chargeRow(1)] } },
      { name: "Patients", table: { name: "Patients", headers: ["PatientID", "Last Name", "First Name"], rows: [] } },
      { name: "Copy of patients", cells: [PATIENT_HEADERS, ...patientRows] },
      {
        name: "Audit",
        cells: [
          ["Time", "Action", "What"],
          ["2026-01-01 10:00:00", "Import", "old"],
        ],
      },
    ]);
    expect(await found(book)).toEqual([]);
  });

  it("looks past a title and a blank row for the header row, but not further than the first five rows", async () => {
    const deep = memoryBook([{ name: "Patients", cells: [["Patients"], [], [], [], [], PATIENT_HEADERS, ...patientRows] }]);
    expect(await found(deep)).toEqual([]);
    const book = memoryBook(officeSheets());
    const patients = (await found(book)).find((r) => r.table === "Patients")!;
    expect(patients.range).toEqual({ row: 2, column: 0, rows: 3, columns: 4 });
  });

  it("a stand-in workbook without readSheetHeads has its sheets read whole, with the same result", async () => {
    const book = memoryBook(officeSheets());
    const standIn: Workbook = {
      host: "memory",
      describe: () => book.describe(),
      readTables: (names) => book.readTables(names),
      readSheet: (name) => book.readSheet(name),
      write: (ops) => book.write(ops),
    };
    const expected = await found(book);
    expect(expected.map((r) => r.table)).toEqual(["Patients", "Charges"]);
    expect(await found(standIn)).toEqual(expected);
  });

  it("says which header is blank or repeated before anything is tried", async () => {
    const book = memoryBook([
      {
        name: "Charges",
        cells: [
          ["Charge ID", "ClaimID", null, "Payer", "Date of Service", "CPT", "Amount", "amount"],
          ["C1", "CL1", "P1", "AETNA", 46055, "99213", 125, 125],
        ],
      },
    ]);
    const [charges] = await found(book);
    expect(charges.problems).toEqual([
      'column C of sheet "Charges" has no header (cell C1 is blank): type one there, then try again',
      'sheet "Charges" has the header "amount" twice (cells G1 and H1): rename one, then try again',
    ]);
  });
});

describe("Make it a table keeps every row, column and value", () => {
  it("in memory: the block becomes the table where it is, the title above stays, and the Audit row says so", async () => {
    const book = memoryBook(officeSheets());
    const before = await Promise.all(["Charges", "Patients"].map((s) => book.readSheet(s)));
    const ranges = (await found(book)).filter((r) => r.table !== "Payments");
    const applied = await applyPlan(book, makeTablesPlan(ranges)!, NOW);
    expect(applied.tablesCreated).toEqual(["Audit", "Patients", "Charges"]);

    const info = await book.describe();
    expect(info.tables.map((t) => [t.name, t.sheet, t.rowCount, t.headerRow])).toEqual([
      ["Charges", "Charges", 5, 1],
      ["Patients", "Patients", 2, 3],
      ["Payers", "Payers", 1, 1],
      ["Audit", "Audit", 1, 1],
    ]);
    expect(await Promise.all(["Charges", "Patients"].map((s) => book.readSheet(s)))).toEqual(before);
    const raw = await book.readTables(["Charges", "Patients", "Audit"]);
    expect(parseTable(Charges, raw.Charges!).rows.map((r) => [r.chargeId, r.dos, r.amount])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [`C${i}`, `2026-02-${String(2 + i).padStart(2, "0")}`, (125 + i) * 100]),
    );
    expect(parseTable(Patients, raw.Patients!).issues).toEqual([]);
    const audit = parseTable(Audit, raw.Audit!).rows;
    expect(audit.map((r) => [r.action, r.what, r.status])).toEqual([
      [
        "Make tables",
        'made the office\'s rows tables: Patients from sheet "Patients" (2 rows), Charges from sheet "Charges" (5 rows)',
        "done",
      ],
    ]);
  });

  it("in an .xlsx file: saved and opened again, every cell of the fixture is as it was and the rows read", async () => {
    const book = await XlsxWorkbook.load(fixture());
    const sheets = ["Patients", "Charges", "Deposits", "Notes"];
    const before = await Promise.all(sheets.map((s) => book.readSheet(s)));
    const status = await readSetupStatus(book);
    await applyPlan(book, makeTablesPlan(status.plainRanges)!, NOW);

    const again = await XlsxWorkbook.load(await book.save());
    const info = await again.describe();
    expect(info.tables.map((t) => [t.name, t.sheet, t.rowCount, t.headerRow, t.headers.length])).toEqual([
      ["Patients", "Patients", 8, 3, 9],
      ["Charges", "Charges", 40, 1, 12],
      ["Payers", "Payers", 4, 1, 3],
      ["Payments", "Deposits", 2, 1, 5],
      ["Audit", "Audit", 1, 1, 7],
    ]);
    expect(await Promise.all(sheets.map((s) => again.readSheet(s)))).toEqual(before);
    const raw = await again.readTables(["Charges", "Patients", "Payments"]);
    const charges = parseTable(Charges, raw.Charges!, info.dateSystem);
    expect(charges.issues).toEqual([]);
    expect(charges.count).toBe(40);
    expect(charges.rows[0]).toMatchObject({ chargeId: "C0001", dos: "2026-02-02", code: "99213", amount: 12500, payerId: "MCR" });
    expect(parseTable(Patients, raw.Patients!, info.dateSystem).rows.map((r) => r.patientId)).toEqual([
      "P001",
      "P002",
      "P003",
      "P004",
      "P005",
      "P006",
      "P007",
      "P008",
    ]);
    expect(parseTable(Payments, raw.Payments!, info.dateSystem).rows.map((r) => [r.paymentId, r.reference, r.amount])).toEqual([
      ["PM001", "100234", 9840],
      ["PM002", "EFT5521", 14320],
    ]);
    // Formats stay: ExcelJS on its own finds the dates' and amounts' formats and the table's range.
    const raw2 = new ExcelJS.Workbook();
    await raw2.xlsx.load((await again.save()) as unknown as ArrayBuffer);
    const sheet = raw2.getWorksheet("Charges")!;
    expect(sheet.getCell("E2").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("K41").numFmt).toBe("#,##0.00");
    expect((sheet.getTable("Charges") as unknown as { table: { tableRef: string } }).table.tableRef).toBe("A1:L41");
    expect(raw2.getWorksheet("Patients")!.getCell("A1").value).toBe("Patient list (synthetic, for tests)");
  });

  it("in an .xlsx file: a formula and a link in the block stay a formula and a link", async () => {
    const made = new ExcelJS.Workbook();
    const sheet = made.addWorksheet("Charges");
    sheet.addRow([...CHARGE_HEADERS, "Doubled"]);
    sheet.addRow([...chargeRow(1), { formula: "G2*2", result: 252 }]);
    sheet.getCell("H2").value = { text: "chart", hyperlink: "https://example.org/c1" };
    const book = await XlsxWorkbook.load(new Uint8Array((await made.xlsx.writeBuffer()) as ArrayBuffer));
    await applyPlan(book, makeTablesPlan(await found(book))!, NOW);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.save()) as unknown as ArrayBuffer);
    const saved = back.getWorksheet("Charges")!;
    expect(saved.getCell("I2").value).toMatchObject({ formula: "G2*2", result: 252 });
    expect(saved.getCell("H2").value).toMatchObject({ text: "chart", hyperlink: "https://example.org/c1" });
    expect(back.getWorksheet("Charges")!.getTables()).toHaveLength(1);
  });

  it("in Excel: tables.add over the block, no value sent, in a constant number of syncs", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Charges", [CHARGE_HEADERS, ...Array.from({ length: 300 }, (_, i) => chargeRow(i + 1))]);
    fake.addSheet("Patients", [["Patient list"], [], PATIENT_HEADERS, ...patientRows]);
    fake.addSheet("Notes", [["Call Medicare on Monday"]]);
    const excel = new ExcelWorkbook(fake.run);

    fake.resetCounts();
    const heads = await excel.readSheetHeads(["Charges", "Patients", "Notes", "Gone"], 5);
    expect(fake.syncs).toBe(3);
    expect(heads.Gone).toBeUndefined();
    expect(heads.Patients).toEqual({
      used: { row: 0, column: 0, rows: 5, columns: 4 },
      rows: [["Patient list", null, null, null], [null, null, null, null], PATIENT_HEADERS, ...patientRows],
    });
    expect(heads.Charges!.used).toEqual({ row: 0, column: 0, rows: 301, columns: 8 });
    expect(heads.Charges!.rows).toHaveLength(5);

    const ranges = await found(excel);
    expect(ranges.map((r) => [r.table, r.range])).toEqual([
      ["Patients", { row: 2, column: 0, rows: 3, columns: 4 }],
      ["Charges", { row: 0, column: 0, rows: 301, columns: 8 }],
    ]);
    const valuesBefore = fake.sheet("Charges")!.rows.map((r) => [...r]);
    await applyPlan(excel, makeTablesPlan(ranges)!, NOW);
    const charges = fake.table("Charges")!;
    expect([charges.sheet.name, charges.top, charges.left, charges.bodyRows, charges.columns]).toEqual(["Charges", 0, 0, 300, 8]);
    const patients = fake.table("Patients")!;
    expect([patients.top, patients.left, patients.bodyRows, patients.columns]).toEqual([2, 0, 2, 4]);
    expect(fake.sheet("Charges")!.rows).toEqual(valuesBefore);
    const info = await excel.describe();
    expect(info.tables.map((t) => [t.name, t.rowCount])).toEqual(
      expect.arrayContaining([
        ["Charges", 300],
        ["Audit", 1],
      ]),
    );
  });
});

describe("refused, nothing written", () => {
  const adapters: [string, (sheets: MemorySheet[]) => Promise<Workbook>][] = [
    ["memory", async (sheets) => memoryBook(sheets)],
    ["xlsx", async (sheets) => XlsxWorkbook.load(await xlsxOf(sheets))],
  ];

  it.each(adapters)("%s: a blank or repeated header is named by its cell", async (_name, open) => {
    const book = await open([
      {
        name: "Charges",
        cells: [
          ["Charge ID", "ClaimID", null, "Payer", "Date of Service", "CPT", "Amount", "Amount"],
          ["C1", "CL1", "P1", "AETNA", 46055, "99213", 125, 125],
        ],
      },
    ]);
    const before = await snapshot(book);
    const [charges] = await found(book);
    const error = await applyPlan(book, makeTablesPlan([charges])!, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanRejected);
    expect((error as Error).message).toBe(
      'Nothing was written: column C of sheet "Charges" has no header (cell C1 is blank): type one there, then try again; ' +
        'sheet "Charges" has the header "Amount" twice (cells G1 and H1): rename one, then try again.',
    );
    expect(await snapshot(book)).toEqual(before);
  });

  it.each(adapters)("%s: a block over a sheet that holds a table, or a name in use, is refused", async (_name, open) => {
    const book = await open(officeSheets());
    const before = await snapshot(book);
    const over: MakeTableOp = {
      kind: "makeTable",
      table: "Charges",
      sheet: "Payers",
      range: { row: 0, column: 0, rows: 2, columns: 2 },
      headers: ["PayerID", "Payer Name"],
    };
    await expect(applyPlan(book, { action: "Make tables", what: "x", ops: [over] }, NOW)).rejects.toThrow(
      'sheet "Payers" already holds the table Payers, which a new table there could overlap: move one of them to a sheet of its own',
    );
    const [charges] = await found(book);
    const taken = { ...makeTableOp(charges), table: "Payers" };
    await expect(applyPlan(book, { action: "Make tables", what: "x", ops: [taken] }, NOW)).rejects.toThrow(
      "the workbook already has a table named Payers",
    );
    expect(await snapshot(book)).toEqual(before);
  });

  it.each(adapters)("%s: a sheet changed since it was checked (a header retyped, rows added) is refused", async (_name, open) => {
    const book = await open(officeSheets());
    const [, charges] = await found(book);
    expect(charges.table).toBe("Charges");
    const retyped = { ...makeTableOp(charges), headers: charges.headers.map((h) => (h === "CPT" ? "Code" : h)) };
    const before = await snapshot(book);
    await expect(applyPlan(book, { action: "Make tables", what: "x", ops: [retyped] }, NOW)).rejects.toThrow(
      'Nothing was written: sheet "Charges" changed since it was checked (cell F1 now reads "CPT", not "Code"): check the workbook again (Setup\'s Refresh), then try again.',
    );
    const shorter = { ...makeTableOp(charges), range: { ...charges.range, rows: charges.range.rows - 1 } };
    await expect(applyPlan(book, { action: "Make tables", what: "x", ops: [shorter] }, NOW)).rejects.toThrow(
      /sheet "Charges" changed since it was checked \(its values now end at cell H6, not H5\)/,
    );
    expect(await snapshot(book)).toEqual(before);
  });

  it("xlsx: merged cells in the block are refused (Excel holds none in a table)", async () => {
    const made = new ExcelJS.Workbook();
    const sheet = made.addWorksheet("Charges");
    sheet.addRow(CHARGE_HEADERS);
    sheet.addRow(chargeRow(1));
    sheet.addRow(chargeRow(2));
    sheet.mergeCells("H2:H3");
    const book = await XlsxWorkbook.load(new Uint8Array((await made.xlsx.writeBuffer()) as ArrayBuffer));
    await expect(applyPlan(book, makeTablesPlan(await found(book))!, NOW)).rejects.toThrow(
      'Nothing was written: sheet "Charges" has merged cells (H2) where the table Charges would go: unmerge them (Home > Merge & Center), then try again.',
    );
    expect((await book.describe()).tables).toEqual([]);
  });
});

describe("Create missing tables and the office's rows", () => {
  it("leaves out each table whose rows are on a plain sheet: no Charges (2), the office's sheets made tables instead", async () => {
    const book = await XlsxWorkbook.load(fixture());
    const status = await readSetupStatus(book);
    const plan = setupPlan(status.info, status.plainRanges)!;
    const created = plan.ops.map((op) => (op.kind === "createTable" ? [op.table, op.sheet] : []));
    expect(created.map(([t]) => t)).not.toContain("Charges");
    expect(created.map(([t]) => t)).not.toContain("Patients");
    expect(created.map(([t]) => t)).not.toContain("Payments");
    expect(created.every(([t, s]) => t === s)).toBe(true);
    // Without what Setup found, the old plan put an empty Charges beside the office's sheet.
    expect(setupPlan(status.info)!.ops).toContainEqual(expect.objectContaining({ table: "Charges", sheet: "Charges (2)" }));

    await applyPlan(book, plan, NOW);
    await applyPlan(book, makeTablesPlan((await readSetupStatus(book)).plainRanges)!, NOW);
    const info = await book.describe();
    expect(info.sheets.filter((s) => s.includes("("))).toEqual([]);
    expect(info.tables.find((t) => t.name === "Charges")).toMatchObject({ sheet: "Charges", rowCount: 40 });
    expect(info.tables).toHaveLength(17);
    expect(setupPlan(info, (await readSetupStatus(book)).plainRanges)).toBeUndefined();
  });
});

/** An .xlsx file of the given plain sheets (and tables), made with ExcelJS. */
async function xlsxOf(sheets: MemorySheet[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = book.addWorksheet(s.name);
    if (s.table) {
      sheet.addTable({
        name: s.table.name,
        ref: "A1",
        headerRow: true,
        columns: s.table.headers.map((name) => ({ name, filterButton: true })),
        rows: s.table.rows.length > 0 ? s.table.rows : [s.table.headers.map(() => null)],
      });
    }
    (s.cells ?? []).forEach((row, r) => row.forEach((v, c) => v !== null && (sheet.getCell(r + 1, c + 1).value = v)));
  }
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
