// The Excel adapter against a counting fake of Office.js: a constant number of syncs whatever the
// row count, every sync under Excel on the web's 5 MB, the same tables as the memory adapter,
// text never turned into formulas, refused plans writing nothing, and the audit row.
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook, type MemoryTable } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { PlanRejected, type CellValue, type Workbook, type WriteOp } from "../../src/workbook/port";
import { EXCEL_WEB_PAYLOAD_LIMIT, FakeExcel, RichApiError } from "./fakeExcel";

const TABLES: { name: string; headers: string[]; formats: (string | null)[]; row: (i: number) => CellValue[] }[] = [
  {
    name: "Charges",
    headers: ["ChargeID", "PatientID", "DOS", "Code", "Amount", "Note"],
    formats: ["@", "@", "yyyy-mm-dd", "@", "$#,##0.00", "@"],
    row: (i) => [`C${i}`, `P${String(i % 50).padStart(4, "0")}`, 46000 + (i % 365), "99213", 125.5 + (i % 7), i % 3 === 0 ? null : "ok"],
  },
  {
    name: "Payments",
    headers: ["PaymentID", "Date", "Amount", "Reference"],
    formats: ["@", "yyyy-mm-dd", "$#,##0.00", "@"],
    row: (i) => [`Y${i}`, 46100, 80, `CHK${i}`],
  },
  {
    name: "Patients",
    headers: ["PatientID", "Last Name", "Balance"],
    formats: ["@", "@", "$#,##0.00"],
    row: (i) => [`P${i}`, `Name${i % 97}`, 0],
  },
  {
    name: "Payers",
    headers: ["PayerID", "Payer Name", "Type"],
    formats: ["@", "@", "@"],
    row: (i) => [`Y${i}`, `Payer ${i}`, i % 2 ? "Commercial" : "Medicare"],
  },
  { name: "Postings", headers: ["PostingID", "ChargeID", "Paid"], formats: ["@", "@", "$#,##0.00"], row: (i) => [`T${i}`, `C${i}`, 40] },
];
const NAMES = TABLES.map((t) => t.name);

function rowsOf(make: (i: number) => CellValue[], n: number, from = 0): CellValue[][] {
  return Array.from({ length: n }, (_, i) => make(from + i));
}

/** The same five tables of `rows` rows each, in Excel (the fake) and in memory. */
function books(rows: number, options: { payloadLimitBytes?: number; maxPayloadBytes?: number } = {}) {
  const fake = new FakeExcel({ payloadLimitBytes: options.payloadLimitBytes });
  const tables: MemoryTable[] = [];
  for (const t of TABLES) {
    const body = rowsOf(t.row, rows);
    fake.addTable(t.name, t.headers, body, { numberFormats: t.formats });
    tables.push({ name: t.name, headers: [...t.headers], rows: body, numberFormats: t.formats });
  }
  const excel = new ExcelWorkbook(fake.run, { maxPayloadBytes: options.maxPayloadBytes });
  return { fake, excel, memory: MemoryWorkbook.withTables(tables) };
}

/** A plan of every kind: append to two tables, set a column, a report, a new table. */
function planFor(rows: number, tableRows = rows): WriteOp[] {
  const record = (headers: string[], cells: CellValue[]) => Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
  const [charges, payments] = TABLES;
  return [
    { kind: "appendRows", table: "Charges", rows: rowsOf(charges.row, rows, rows).map((r) => record(charges.headers, r)) },
    { kind: "appendRows", table: "Payments", rows: rowsOf(payments.row, rows, rows).map((r) => record(payments.headers, r)) },
    {
      kind: "setColumn",
      table: "Patients",
      column: "Balance",
      values: Array.from({ length: tableRows }, (_, i) => i * 1.25),
      numberFormat: "$#,##0.00",
    },
    {
      kind: "reportSheet",
      sheet: "Aging",
      cells: [
        ["A/R aging"],
        ["Payer", "0-30", "31-60", "Total"],
        ...Array.from({ length: rows }, (_, i) => [`Payer ${i}`, i, i * 2, i * 3]),
      ],
      columns: [
        { width: 24 },
        { width: 10, numberFormat: "$#,##0.00" },
        { width: 10, numberFormat: "$#,##0.00" },
        { width: 12, numberFormat: "$#,##0.00" },
      ],
      headerRow: 1,
      boldRows: [0],
    },
    {
      kind: "createTable",
      table: "Statements",
      sheet: "Statements",
      headers: ["Number", "Date", "Account", "Amount Due"],
      numberFormats: ["@", "yyyy-mm-dd", "@", "$#,##0.00"],
      widths: [10, 12, 12, 12],
      rows: Array.from({ length: rows }, (_, i) => [String(i + 1).padStart(6, "0"), 46200, `P${i}`, 10 + (i % 9)]),
    },
  ];
}

/** Syncs of one call, with the fake's log cleared first. */
async function counted<T>(fake: FakeExcel, call: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  fake.resetCounts();
  const result = await call();
  return { result, syncs: fake.syncs };
}

/** A sheet as a biller sees it: "" and null alike blank, no trailing blanks. */
function shown(cells: CellValue[][] | undefined): CellValue[][] {
  const rows = (cells ?? []).map((row) => {
    const out = row.map((v) => (v === "" ? null : v));
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

async function everything(book: Workbook) {
  const info = await book.describe();
  const tables = await book.readTables(info.tables.map((t) => t.name));
  const sheets = Object.fromEntries(await Promise.all(info.sheets.map(async (s) => [s, shown(await book.readSheet(s))] as const)));
  return { sheets: info.sheets, tables, report: sheets };
}

describe("ExcelWorkbook syncs", () => {
  it("reads 5 tables and applies a plan with the same syncs at 10 and at 100,000 rows per table", async () => {
    // Desktop Excel has no 5 MB payload cap, so with a budget that never binds the count is the
    // number of phases alone: layout, then data. On the web the budget adds syncs by bytes moved
    // (next test); neither grows with tables, rows or cells as such.
    const counts = [];
    for (const rows of [10, 100_000]) {
      const { fake, excel } = books(rows, { payloadLimitBytes: Infinity, maxPayloadBytes: 1e12 });
      const read = await counted(fake, () => excel.readTables(NAMES));
      expect(read.result.Charges?.rows).toHaveLength(rows);
      expect(read.result.Postings?.rows[rows - 1]).toEqual(TABLES[4].row(rows - 1));
      const write = await counted(fake, () => excel.write(planFor(rows)));
      expect(write.result.rowsAppended).toBe(2 * rows);
      // Calculation is suspended in every request that changes anything.
      for (const sync of fake.syncLog) if (sync.writes > 0) expect(sync.calculationSuspended && sync.screenUpdatingSuspended).toBe(true);
      expect(fake.table("Charges")!.bodyRows).toBe(2 * rows);
      counts.push({ read: read.syncs, write: write.syncs });
    }
    expect(counts[0]).toEqual(counts[1]);
    // Names, then layout and a sample, then bodies; layout (2), then the whole plan in one request.
    expect(counts[0]).toEqual({ read: 3, write: 3 });
  });

  it("keeps every sync under 5 MB with the default budget, and adds syncs by bytes, not by rows", async () => {
    const narrow = (rows: number) => {
      const fake = new FakeExcel();
      fake.addTable(
        "Ledger",
        ["Amount"],
        rowsOf((i) => [i % 1000], rows),
      );
      return fake;
    };
    const few = narrow(10);
    const many = narrow(100_000); // about 0.5 MB of values: still one body sync
    const fewSyncs = (await counted(few, () => new ExcelWorkbook(few.run).readTables(["Ledger"]))).syncs;
    const manyRead = await counted(many, () => new ExcelWorkbook(many.run).readTables(["Ledger"]));
    expect(manyRead.result.Ledger?.rows).toHaveLength(100_000);
    expect(manyRead.syncs).toBe(fewSyncs);

    // About 10 MB of long notes: the bytes, not the 20,000 rows, call for more syncs.
    const notes = new FakeExcel();
    notes.addTable(
      "Notes",
      ["Note"],
      rowsOf((i) => [`${i} `.padEnd(500, "x")], 20_000),
    );
    const notesRead = await counted(notes, () => new ExcelWorkbook(notes.run).readTables(["Notes"]));
    expect(notesRead.result.Notes?.rows[19_999][0]).toBe("19999 ".padEnd(500, "x"));
    const bodyBytes = notes.syncLog.slice(2).reduce((n, s) => n + s.responseBytes, 0);
    const bodySyncs = notesRead.syncs - 2;
    expect(bodySyncs).toBeGreaterThanOrEqual(Math.ceil(bodyBytes / EXCEL_WEB_PAYLOAD_LIMIT));
    expect(bodyBytes / bodySyncs).toBeGreaterThan(2_000_000); // syncs are well filled, not one per chunk
    expect(notes.maxResponseBytes).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);

    // Writing the same bytes back: every request under 5 MB too.
    const excel = new ExcelWorkbook(notes.run);
    const write = await counted(notes, () =>
      excel.write([{ kind: "appendRows", table: "Notes", rows: notesRead.result.Notes!.rows.map(([note]) => ({ Note: note })) }]),
    );
    expect(notes.syncLog.every((s) => !s.failed && s.requestBytes <= EXCEL_WEB_PAYLOAD_LIMIT)).toBe(true);
    const sent = notes.syncLog.reduce((n, s) => n + s.requestBytes, 0);
    expect(write.syncs - 2).toBeGreaterThanOrEqual(Math.ceil(sent / EXCEL_WEB_PAYLOAD_LIMIT));
    expect(write.syncs - 2).toBeLessThanOrEqual(Math.ceil(sent / 2_000_000));
    expect(notes.table("Notes")!.bodyRows).toBe(40_000);
  });

  it("splits and retries a read that Excel refuses as too large (rows longer than the sample)", async () => {
    const fake = new FakeExcel();
    // The first rows are short, so the estimate is low; later rows are 2 KB each.
    const rows = rowsOf((i) => [i, i < 60 ? "short" : `${i}`.padEnd(2000, "y")], 6000);
    fake.addTable("Notes", ["N", "Text"], rows);
    const read = await new ExcelWorkbook(fake.run).readTables(["Notes"]);
    expect(read.Notes?.rows).toEqual(rows);
    expect(fake.syncLog.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(EXCEL_WEB_PAYLOAD_LIMIT);
  });
});

describe("ExcelWorkbook reads and writes like the memory adapter", () => {
  it("gives the same tables, sheets and report as MemoryWorkbook for the same plan", async () => {
    const { fake, excel, memory } = books(30);
    for (const book of [fake, null]) {
      const old = [["old report"], [1, 2, 3]];
      if (book) book.addSheet("Aging", old);
      else memory.sheets.push({ name: "Aging", cells: old });
    }
    const plan: WriteOp[] = [
      ...planFor(12, 30),
      {
        kind: "createTable",
        table: "CodeSet",
        sheet: "Codes",
        headers: ["Code", "Description", "Fee", "Active"],
        numberFormats: ["@", null, "$#,##0.00", null],
        widths: [8, 30, null, 6],
        hidden: true,
        rows: [
          ["00123", "leading zeros", 12.5, true],
          ["=1+1", "looks like a formula", 0, false],
          ["3/5/2026", null, -4.25, true],
        ],
      },
      // Keys in another case, a column left out, and a table created earlier in the same plan.
      {
        kind: "appendRows",
        table: "codeset",
        rows: [
          { code: "J1100", FEE: 3 },
          { Description: "+1 and -2", Active: false },
        ],
      },
      { kind: "appendRows", table: "Statements", rows: [{ Number: "000013", "Amount Due": 0.1 + 0.2 }] },
      { kind: "setColumn", table: "Payers", column: "type", values: rowsOf((i) => [i % 2 ? "Tricare" : null], 30).map(([v]) => v) },
    ];
    const fromExcel = await excel.write(plan);
    const fromMemory = await memory.write(plan);
    expect(fromExcel).toEqual(fromMemory);
    expect(await everything(excel)).toEqual(await everything(memory));

    // What the memory adapter does not keep, checked on the fake: formats, widths, bold, panes.
    const codes = fake.sheet("Codes")!;
    expect(codes.visibility).toBe("Hidden");
    expect(codes.formatAt(1, 0)).toBe("@");
    expect(codes.formatAt(5, 2)).toBe("$#,##0.00"); // appended rows take the column's format
    expect(codes.widths.get(1)).toBeCloseTo((30 * 7 + 5) * 0.75);
    expect(fake.sheet("Charges")!.formatAt(30 + 12, 2)).toBe("yyyy-mm-dd");
    const aging = fake.sheet("Aging")!;
    expect(fake.sheets.indexOf(aging)).toBe(5); // replaced where the old report was
    expect(aging.isBold(0, 0) && aging.isBold(1, 3)).toBe(true);
    expect(aging.isBold(2, 0)).toBe(false);
    expect(aging.frozenRows).toBe(2);
    expect(aging.formatAt(2, 1)).toBe("$#,##0.00");
    expect(aging.formatAt(1, 1)).toBe("General");
  });

  it("describes sheets, tables, empty tables and the date system", async () => {
    const fake = new FakeExcel({ use1904DateSystem: true });
    fake.addSheet("Notes", [["hello"]]);
    fake.addTable("Audit", ["Time", "Action"], [], { sheet: "Log", top: 3, left: 2 });
    fake.sheet("Log")!.visibility = "Hidden";
    fake.protectSheet("Log");
    const info = await new ExcelWorkbook(fake.run).describe();
    expect(info).toEqual({
      sheets: ["Notes", "Log"],
      tables: [
        {
          name: "Audit",
          sheet: "Log",
          headers: ["Time", "Action"],
          rowCount: 0,
          headerRow: 4,
          sheetState: { hidden: true, protected: true },
        },
      ],
      dateSystem: 1904,
    });
    const old = new FakeExcel({ hasDateSystemProperty: false, use1904DateSystem: true });
    expect((await counted(old, () => new ExcelWorkbook(old.run).describe())).result.dateSystem).toBe(1900);
    expect(old.syncs).toBe(1); // no tables: nothing to lay out; no property: nothing to ask
  });

  it("appends below a table that does not start at A1, filling an empty table's blank row first", async () => {
    const fake = new FakeExcel();
    fake.addTable("Audit", ["Time", "Action"], [], { sheet: "Log", top: 3, left: 2, numberFormats: ["@", "@"] });
    const excel = new ExcelWorkbook(fake.run);
    await excel.write([{ kind: "appendRows", table: "Audit", rows: [{ Time: "09:00", Action: "Setup" }, { Action: "Post" }] }]);
    const table = fake.table("Audit")!;
    expect(table.bodyRows).toBe(2);
    expect(fake.cell("Log", 4, 2)).toBe("09:00");
    expect(fake.cell("Log", 5, 3)).toBe("Post");
    expect((await excel.readTables(["Audit", "Nope"])).Audit?.rows).toEqual([
      ["09:00", "Setup"],
      [null, "Post"],
    ]);
    expect(await excel.readSheet("Nope")).toBeUndefined();
    fake.addSheet("Blank");
    expect(await excel.readSheet("Blank")).toEqual([]);
  });
});

describe("ExcelWorkbook keeps text as text", () => {
  const risky = ['=HYPERLINK("http://x","y")', "+1", "-2", "@x", "00123", "TRUE", "3/5/2026", "12%", "'quoted", "2026-03-05"];

  it("writes values from data that look like formulas or numbers as the exact text", async () => {
    const fake = new FakeExcel();
    fake.addTable("Payments", ["PaymentID", "Reference"], [["Y1", "CHK1"]]);
    const excel = new ExcelWorkbook(fake.run);
    await excel.write([{ kind: "appendRows", table: "Payments", rows: risky.map((r, i) => ({ PaymentID: `Y${i + 2}`, Reference: r })) }]);
    risky.forEach((text, i) => expect(fake.cell("Payments", 2 + i, 1)).toBe(text));
    const back = await excel.readTables(["Payments"]);
    expect(back.Payments?.rows.slice(1).map((r) => r[1])).toEqual(risky);
  });

  it("the fake would catch it: the same values written without the apostrophe change", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, risky.length).values = [risky];
      await context.sync();
    });
    expect(fake.cell("Sheet1", 0, 0)).toEqual({ formula: risky[0] });
    expect(fake.cell("Sheet1", 0, 3)).toEqual({ formula: "=@x" });
    expect(fake.cell("Sheet1", 0, 4)).toBe(123);
    expect(fake.cell("Sheet1", 0, 5)).toBe(true);
    expect(fake.cell("Sheet1", 0, 8)).toBe("quoted");
  });
});

describe("ExcelWorkbook refuses a bad plan before writing", () => {
  it("writes nothing when one op names a missing table", async () => {
    const { fake, excel } = books(5);
    const before = fake.snapshot();
    fake.resetCounts();
    const plan: WriteOp[] = [...planFor(5), { kind: "appendRows", table: "Refunds", rows: [{ Amount: 1 }] }];
    await expect(excel.write(plan)).rejects.toBeInstanceOf(PlanRejected);
    await expect(excel.write(plan)).rejects.toThrow(/no table named Refunds/);
    expect(fake.writes).toBe(0);
    expect(fake.syncLog.every((s) => s.requestBytes === 0)).toBe(true);
    expect(fake.snapshot()).toBe(before);
  });

  it("refuses rows past Excel's last row before writing any of them", async () => {
    const fake = new FakeExcel();
    fake.addTable("Charges", ["ChargeID"], [["C1"]], { top: 1_048_570 });
    await expect(
      new ExcelWorkbook(fake.run).write([
        { kind: "appendRows", table: "Charges", rows: rowsOf((i) => [i], 10).map(([v]) => ({ ChargeID: v })) },
      ]),
    ).rejects.toThrow(/would need 1,048,582 rows, more than the 1,048,576 a sheet holds/);
    expect(fake.writes).toBe(0);
  });
});

describe("applyPlan through Excel", () => {
  it("appends the Audit row, creating the Audit table the first time", async () => {
    const { fake, excel } = books(3);
    const now = new Date(2026, 10, 27, 14, 3, 9);
    const aging = await applyPlan(excel, { action: "Aging report", what: "wrote the aging report", ops: [planFor(3)[3]] }, now);
    const posting = await applyPlan(excel, { action: "Post payment", what: "posted 2 lines", totals: "paid $80.00", ops: [planFor(2)[1]] }, now);
    const audit = (await excel.readTables(["Audit"])).Audit!;
    expect(audit.headers).toEqual(["Time", "Action", "What", "Rows", "Totals", "Plan", "Status"]);
    expect(audit.rows).toEqual([
      ["2026-11-27 14:03:09", "Aging report", "wrote the aging report", 0, null, aging.planId, "done"],
      ["2026-11-27 14:03:09", "Post payment", "posted 2 lines", 2, "paid $80.00", posting.planId, "done"],
    ]);
    expect(fake.sheet("Audit")!.formatAt(2, 0)).toBe("@");
  });
});

describe("the fake behaves like Office.js where it matters", () => {
  /* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/no-empty-load --
     this test reads too early and loads without names on purpose, to prove the fake refuses both as Excel does */
  it("throws on a property read before load and sync, and refuses an empty load", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1", [[1]]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1);
      range.load("values");
      expect(() => range.values).toThrow(RichApiError);
      await context.sync();
      expect(range.values).toEqual([[1]]);
      expect(() => range.rowCount).toThrow(/not available/);
      expect(() => range.load()).toThrow(/without property names/);
    });
  });
  /* eslint-enable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/no-empty-load */

  it("fails a sync over 5 MB like Excel on the web", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Sheet1");
    const big = rowsOf((i) => [`${i}`.padEnd(1000, "z")], 6000);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, big.length, 1).values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell("Sheet1", 0, 0)).toBeUndefined();
  });
});
