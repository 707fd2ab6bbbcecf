// A cell of a billing table edited by hand (the browser preview): the text is read by the column (a
// date as YYYY-MM-DD written as a serial, an amount as money, a choice from its list, text kept as
// typed, never a formula), written by one setCells op through applyPlan with its Audit row, in the
// memory and xlsx adapters alike (and Excel's, on the fake); a bad value, bookkeeping, a closed
// period or a table that changed is refused in one sentence with nothing written.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoToSerial, type DateSystem } from "../../src/dates";
import { MONEY_FORMAT } from "../../src/money";
import { cellEditPlan, editableColumn, editCell, editText } from "../../src/workbook/cellEdit";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan, createTableWithRows } from "../../src/workbook/plan";
import { PlanRejected, type CellValue, type Workbook, type WriteOp } from "../../src/workbook/port";
import { Audit, Charges, PeriodClose, Payments, Practice, Patients, DATE_FORMAT } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FakeExcel } from "./fakeExcel";

const NOW = new Date(2026, 4, 20, 10, 0, 0);

/** A small practice: Practice settings, two patients, three charges, two payments; PeriodClose when `closedThrough`. */
function setupOps(dateSystem: DateSystem, closedThrough?: string): WriteOp[] {
  return [
    createTableWithRows(
      Practice,
      [
        { setting: "Practice Name", value: "Main Street Clinic" },
        { setting: "Submitter ID", value: "" },
      ],
      dateSystem,
    ),
    createTableWithRows(
      Patients,
      [
        { patientId: "00042", lastName: "Doe", firstName: "Jane" },
        { patientId: "P2", lastName: "Roe", firstName: "Richard" },
      ],
      dateSystem,
    ),
    createTableWithRows(
      Charges,
      ["C1", "C2", "C3"].map((chargeId, i) => ({
        chargeId,
        claimId: `CL${i + 1}`,
        patientId: "00042",
        payerId: "MCR",
        dos: `2026-04-0${i + 1}`,
        code: "99213",
        units: 1,
        amount: 10000 + i * 100,
      })),
      dateSystem,
    ),
    createTableWithRows(
      Payments,
      [
        { paymentId: "PM1", date: "2026-03-15", payerId: "MCR", method: "Check", amount: 5000 },
        { paymentId: "PM2", date: "2026-04-10", payerId: "MCR", method: "EFT", amount: 7000 },
      ],
      dateSystem,
    ),
    ...(closedThrough ? [createTableWithRows(PeriodClose, [{ date: "2026-04-02", action: "Closed", closedThrough }], dateSystem)] : []),
  ];
}

type Host = "memory" | "xlsx";

async function practice(host: Host, dateSystem: DateSystem = 1900, closedThrough?: string): Promise<Workbook> {
  const book: Workbook = host === "memory" ? new MemoryWorkbook([], dateSystem) : await xlsxBook(dateSystem);
  await applyPlan(book, { action: "Setup", what: "test practice", ops: setupOps(dateSystem, closedThrough) }, NOW);
  return book;
}

async function xlsxBook(dateSystem: DateSystem): Promise<XlsxWorkbook> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = dateSystem === 1904;
  book.addWorksheet("Sheet1");
  return XlsxWorkbook.load(new Uint8Array(await book.xlsx.writeBuffer()));
}

async function table(book: Workbook, name: string) {
  return (await book.readTables([name]))[name]!;
}

/** A cell of a table by its body row and header. */
async function cell(book: Workbook, name: string, row: number, header: string): Promise<CellValue> {
  const t = await table(book, name);
  return t.rows[row][t.headers.indexOf(header)];
}

async function auditRows(book: Workbook): Promise<Record<string, CellValue>[]> {
  const t = await table(book, Audit.name);
  return t.rows.map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

describe.each<Host>(["memory", "xlsx"])("editing a cell of a billing table (%s adapter)", (host) => {
  it("writes an amount as dollars, only that cell, with an Audit row naming table, row and column", async () => {
    const book = await practice(host);
    const before = await table(book, "Charges");
    const audits = (await auditRows(book)).length;
    const outcome = await editCell(book, { table: "Charges", row: 1, column: "Amount", text: "$1,250.50", seen: 101 }, NOW);
    expect(outcome).toMatchObject({ ok: true, value: 1250.5 });
    const after = await table(book, "Charges");
    const amount = after.headers.indexOf("Amount");
    expect(after.rows.map((r) => r[amount])).toEqual([100, 1250.5, 102]);
    // Every other cell is as it was.
    expect(after.rows.map((r) => r.filter((_, i) => i !== amount))).toEqual(before.rows.map((r) => r.filter((_, i) => i !== amount)));
    const audit = await auditRows(book);
    expect(audit).toHaveLength(audits + 1);
    expect(audit[audit.length - 1]).toMatchObject({
      Action: "Edit cell",
      What: 'Charges row 3 (ChargeID C2), column "Amount", edited in the sheet preview',
      Rows: 1,
      Totals: "was $101.00, now $1,250.50",
      Status: "done",
    });
  });

  it("writes a date typed as YYYY-MM-DD as a serial of the workbook's date system", async () => {
    for (const system of [1900, 1904] as const) {
      const book = await practice(host, system);
      const outcome = await editCell(book, { table: "Charges", row: 0, column: "DOS", text: " 2026-05-02 " }, NOW);
      expect(outcome.ok).toBe(true);
      expect(await cell(book, "Charges", 0, "DOS")).toBe(isoToSerial("2026-05-02", system));
      // The Audit row names no value: a date may be a birth date.
      expect(JSON.stringify(await auditRows(book))).not.toContain("2026-05-02");
    }
  });

  it("keeps text as typed: leading zeros, and what looks like a formula stays text", async () => {
    const book = await practice(host);
    expect((await editCell(book, { table: "Practice", row: 1, column: "Value", text: "001234" }, NOW)).ok).toBe(true);
    expect(await cell(book, "Practice", 1, "Value")).toBe("001234");
    expect((await editCell(book, { table: "Payments", row: 0, column: "Note", text: "=HYPERLINK(1)" }, NOW)).ok).toBe(true);
    expect(await cell(book, "Payments", 0, "Note")).toBe("=HYPERLINK(1)");
    expect((await editCell(book, { table: "Patients", row: 1, column: "PatientID", text: "00077" }, NOW)).ok).toBe(true);
    expect(await cell(book, "Patients", 1, "PatientID")).toBe("00077");
    // A choice is written the one way the table spells it.
    expect((await editCell(book, { table: "Payments", row: 1, column: "Method", text: "check" }, NOW)).ok).toBe(true);
    expect(await cell(book, "Payments", 1, "Method")).toBe("Check");
    // A Practice row is named by its setting; the value typed is not in the Audit row.
    const audit = await auditRows(book);
    expect(audit.map((r) => r.What)).toContain('Practice row 3 (Submitter ID), column "Value", edited in the sheet preview');
    expect(JSON.stringify(audit)).not.toContain("001234");
  });

  it("refuses a bad value in one sentence naming table, row, column and why, and writes nothing", async () => {
    const book = await practice(host);
    const snapshot = async () => JSON.stringify(await book.readTables(["Charges", "Payments", "Patients", "Audit"]));
    const before = await snapshot();
    const refusals: [Parameters<typeof editCell>[1], string][] = [
      [
        { table: "Charges", row: 0, column: "DOS", text: "5/2/2026" },
        'Charges row 2, DOS: "5/2/2026" is not a date: type it as YYYY-MM-DD, like 2026-05-02. Nothing was written.',
      ],
      [
        { table: "Charges", row: 0, column: "DOS", text: "2026-02-30" },
        'Charges row 2, DOS: "2026-02-30" is not a date: type it as YYYY-MM-DD, like 2026-05-02. Nothing was written.',
      ],
      [
        { table: "Charges", row: 2, column: "Amount", text: "ten" },
        'Charges row 4, Amount: "ten" is not an amount (write it like 1234.50 or $1,234.50). Nothing was written.',
      ],
      [
        { table: "Charges", row: 2, column: "Amount", text: " " },
        "Charges row 4, Amount: it cannot be blank: every Charges row needs one. Nothing was written.",
      ],
      [
        { table: "Payments", row: 0, column: "Method", text: "Bitcoin" },
        'Payments row 2, Method: "Bitcoin" is not a payment method (use one of: Check, EFT, ACH, Cash, Card, ERA, Other). Nothing was written.',
      ],
      [
        { table: "Charges", row: 0, column: "ChargeID", text: "c3" },
        'Charges row 2, ChargeID: "c3" is already the ChargeID of row 4, and each row needs its own. Nothing was written.',
      ],
      [
        { table: "Patients", row: 0, column: "PatientID", text: "00043" },
        "Patients row 2, PatientID: 00042 is used by 3 Charges rows, which would be left pointing at nothing. Nothing was written.",
      ],
      [
        { table: "Charges", row: 0, column: "Plan", text: "x" },
        'The Charges "Plan" column ties each row to the change that wrote it: it is not edited by hand. Nothing was written.',
      ],
      [
        { table: "Audit", row: 0, column: "What", text: "x" },
        "The Audit table is the add-in's record of what it changed: it is not edited by hand. Nothing was written.",
      ],
      [
        { table: "Charges", row: 7, column: "Amount", text: "1" },
        "The Charges table has no row 9 now: look at the sheet again. Nothing was written.",
      ],
      [
        { table: "Charges", row: 0, column: "Amount", text: "1", seen: 999 },
        "Charges row 2, Amount changed since the preview was drawn: look at it again, then retry. Nothing was written.",
      ],
    ];
    for (const [edit, sentence] of refusals) expect(await editCell(book, edit, NOW), edit.text).toEqual({ ok: false, problem: sentence });
    // Typing what the cell holds already writes nothing either (no Audit row).
    expect(await editCell(book, { table: "Charges", row: 0, column: "Amount", text: "100.00" }, NOW)).toEqual({
      ok: true,
      unchanged: true,
    });
    expect(await snapshot()).toBe(before);
  });

  it("refuses to change a row of a closed period, or to date a row into one, and lets a later row's amount change", async () => {
    const book = await practice(host, 1900, "2026-03-31");
    const before = JSON.stringify(await book.readTables(["Payments", "Audit"]));
    expect(await editCell(book, { table: "Payments", row: 0, column: "Amount", text: "60.00" }, NOW)).toEqual({
      ok: false,
      problem:
        "The books are closed through 2026-03-31: Payments row 2 is a payment dated 2026-03-15, so it cannot be changed. Reopen March 2026 in Month-end close (with a reason) to change it. Nothing was written.",
    });
    expect(await editCell(book, { table: "Payments", row: 1, column: "Date", text: "2026-03-01" }, NOW)).toEqual({
      ok: false,
      problem:
        "The books are closed through 2026-03-31: this would date Payments row 3 2026-03-01, in the closed period. Date it after 2026-03-31, or reopen March 2026 in Month-end close (with a reason). Nothing was written.",
    });
    expect(JSON.stringify(await book.readTables(["Payments", "Audit"]))).toBe(before);
    // The close itself is changed only by closing or reopening.
    expect(await editCell(book, { table: "PeriodClose", row: 0, column: "Closed Through", text: "2026-01-31" }, NOW)).toMatchObject({
      ok: false,
      problem: expect.stringContaining("reopen or close the books in Month-end close instead"),
    });
    expect((await editCell(book, { table: "Payments", row: 1, column: "Amount", text: "75" }, NOW)).ok).toBe(true);
    expect(await cell(book, "Payments", 1, "Amount")).toBe(75);
  });
});

describe("the edited cells in an .xlsx file", () => {
  it("keep a money format on the amount, a date format on the date, and text as text after a save", async () => {
    const book = (await practice("xlsx")) as XlsxWorkbook;
    await editCell(book, { table: "Charges", row: 0, column: "Amount", text: "12.5" }, NOW);
    await editCell(book, { table: "Charges", row: 0, column: "Billed Date", text: "2026-05-02" }, NOW);
    await editCell(book, { table: "Payments", row: 0, column: "Note", text: "=1+1" }, NOW);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load((await book.save()) as unknown as ArrayBuffer);
    /** The first body row's cell under a header, as ExcelJS reads the saved file. */
    const at = (sheet: string, header: string) => {
      const ws = saved.getWorksheet(sheet)!;
      return ws.getRow(2).getCell((ws.getRow(1).values as unknown[]).slice(1).indexOf(header) + 1);
    };
    expect(at("Charges", "Amount").value).toBe(12.5);
    expect(at("Charges", "Amount").numFmt).toBe(MONEY_FORMAT);
    expect(at("Charges", "Billed Date").numFmt).toBe(DATE_FORMAT);
    expect(at("Charges", "Billed Date").value).toEqual(new Date(Date.UTC(2026, 4, 2)));
    expect(at("Payments", "Note").type).toBe(ExcelJS.ValueType.String);
    expect(at("Payments", "Note").value).toBe("=1+1");
  });
});

describe("the setCells op", () => {
  const op: WriteOp = {
    kind: "setCells",
    table: "Codes",
    cells: [
      { row: 0, column: "Code", value: "00123" },
      { row: 2, column: "fee", value: 4.5, numberFormat: "$#,##0.00" },
      { row: 1, column: "Code", value: "=1+1" },
    ],
  };
  const rows: CellValue[][] = [
    ["A1", 1],
    ["A2", 2],
    ["A3", 3],
  ];

  it("sets the same cells in Excel (the fake), in memory and in an .xlsx file, in one write with no sync of its own", async () => {
    const fake = new FakeExcel();
    fake.addTable("Codes", ["Code", "Fee"], rows, { numberFormats: ["@", null] });
    const excel = new ExcelWorkbook(fake.run);
    const memory = MemoryWorkbook.withTables([{ name: "Codes", headers: ["Code", "Fee"], rows: rows.map((r) => [...r]) }]);
    const xlsx = XlsxWorkbook.create();
    await xlsx.write([{ kind: "createTable", table: "Codes", sheet: "Codes", headers: ["Code", "Fee"], rows }]);
    const expected = [
      ["00123", 1],
      ["=1+1", 2],
      ["A3", 4.5],
    ];
    const syncs: number[] = [];
    for (const book of [excel, memory, xlsx]) {
      const before = fake.syncs;
      expect(await book.write([op])).toMatchObject({ cellsSet: 3 });
      if (book === excel) syncs.push(fake.syncs - before);
      expect((await book.readTables(["Codes"])).Codes!.rows).toEqual(expected);
    }
    // Three cells take the syncs one cell takes: queued with the plan, never a sync per cell.
    const oneCell = new FakeExcel();
    oneCell.addTable("Codes", ["Code", "Fee"], rows, { numberFormats: ["@", null] });
    await new ExcelWorkbook(oneCell.run).write([{ kind: "setCells", table: "Codes", cells: [{ row: 0, column: "Code", value: "x" }] }]);
    expect(syncs).toEqual([oneCell.syncs]);
    expect(fake.sheet("Codes")!.formatAt(3, 1)).toBe("$#,##0.00");
  });

  it("is refused whole for a row or column the table does not have", async () => {
    const memory = MemoryWorkbook.withTables([{ name: "Codes", headers: ["Code", "Fee"], rows: rows.map((r) => [...r]) }]);
    const bad: WriteOp = {
      kind: "setCells",
      table: "Codes",
      cells: [
        { row: 0, column: "Code", value: "ok" },
        { row: 3, column: "Fee", value: 1 },
        { row: 0, column: "Nope", value: 1 },
      ],
    };
    await expect(memory.write([bad])).rejects.toThrow(PlanRejected);
    await expect(memory.write([bad])).rejects.toThrow(
      'Nothing was written: table Codes has no column "Nope"; table Codes has 3 rows, so its row 4 cannot be set: the table changed since it was read, run again.',
    );
    expect((await memory.readTables(["Codes"])).Codes!.rows).toEqual(rows);
  });
});

describe("which cells are edited, and how they start", () => {
  const charges = { name: "Charges", headers: ["ChargeID", "DOS", "Amount", "Plan", "My note"] };

  it("reads each column by its field, an office's own column as text, and refuses bookkeeping", () => {
    expect(editableColumn(charges, "DOS")).toEqual({ ok: true, kind: "date", field: "dos" });
    expect(editableColumn(charges, "amount")).toEqual({ ok: true, kind: "money", field: "amount" });
    expect(editableColumn(charges, "ChargeID")).toEqual({ ok: true, kind: "field", field: "chargeId" });
    expect(editableColumn(charges, "My note")).toEqual({ ok: true, kind: "text" });
    expect(editableColumn(charges, "Plan").ok).toBe(false);
    expect(editableColumn({ name: "Aging_2026_06_30", headers: ["Section"] }, "Section")).toEqual({
      ok: false,
      problem: "Aging_2026_06_30 is not a billing table: only the cells of billing tables are edited here.",
    });
  });

  it("starts the editor with a date as YYYY-MM-DD and an amount with its cents", () => {
    expect(editText(isoToSerial("2026-05-02"), "date", 1900)).toBe("2026-05-02");
    expect(editText(12.5, "money", 1900)).toBe("12.50");
    expect(editText(42, "field", 1900)).toBe("42");
    expect(editText(null, "text", 1900)).toBe("");
  });

  it("plans nothing but the one cell", () => {
    const raw = { ...charges, sheet: "Charges", headerRow: 1, rowCount: 1, rows: [["C1", 46000, 10, null, null]] as CellValue[][] };
    const planned = cellEditPlan(raw, { table: "Charges", row: 0, column: "My note", text: " hello " }, 1900);
    expect(planned).toMatchObject({ ok: true, value: "hello" });
    if (!planned.ok || "unchanged" in planned) throw new Error("planned");
    expect(planned.plan.ops).toEqual([
      { kind: "setCells", table: "Charges", cells: [{ row: 0, column: "My note", value: "hello", numberFormat: "@" }] },
    ]);
  });
});
