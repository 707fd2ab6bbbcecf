// Protected sheets, marked cells and numbers Excel cannot store, through all three adapters: the
// memory reference, the xlsx file (saved and opened again) and Excel (the counting fake) end with
// the same tables, sheet states and fills; a refused plan writes nothing in any of them.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook, type MemoryFill } from "../../src/workbook/memoryWorkbook";
import { PlanRejected, type CellValue, type Workbook, type WriteOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FakeExcel } from "./fakeExcel";

const PINK = "#FFC7CE";
const YELLOW = "#ffeb9c";

const firstPlan: WriteOp[] = [
  // Excel keeps at least one sheet visible: the code set's sheet is hidden beside the office's own.
  { kind: "reportSheet", sheet: "Notes", cells: [["office notes"]] },
  {
    kind: "createTable",
    table: "Codes_TEST",
    sheet: "Codes_TEST",
    headers: ["Code", "Description", "Billable"],
    numberFormats: ["@", "@", null],
    hidden: true,
    protect: true,
    rows: [
      ["E119", "Type 2 diabetes without complications", true],
      ["E11", "Type 2 diabetes (category)", false],
    ],
  },
  {
    kind: "createTable",
    table: "Claims",
    sheet: "Claims",
    headers: ["ClaimID", "Dx1", "Dx2", "Code"],
    numberFormats: ["@", "@", "@", "@"],
    rows: [
      ["CL1", "E11", "I10", "99213"],
      ["CL2", "E1", null, "99214"],
      ["CL3", "E11.", "I10", "9921"],
      ["CL4", "E119", "I10", "9921X"],
      ["CL5", "X", null, "99213"],
      ["CL6", "E119", "I1O", "99213"],
    ],
  },
  {
    kind: "markCells",
    table: "Claims",
    cells: [
      { row: 0, column: "Dx1" },
      { row: 1, column: "dx1" },
      { row: 2, column: "Dx1" },
      { row: 4, column: "Dx1" },
      { row: 2, column: "Code" },
      { row: 3, column: "CODE" },
    ],
    color: PINK,
  },
];

const secondPlan: WriteOp[] = [
  { kind: "appendRows", table: "codes_test", rows: [{ code: "I10", Description: "Essential hypertension", BILLABLE: true }] },
  { kind: "setColumn", table: "Codes_TEST", column: "Billable", values: [true, false, true] },
  { kind: "appendRows", table: "Claims", rows: [{ ClaimID: "CL7", Dx1: "ZZZ" }] },
  // A new check: the old Dx1 highlights go, the new bad cells are marked, one code is fixed.
  {
    kind: "markCells",
    table: "Claims",
    clearColumns: ["Dx1"],
    cells: [
      { row: 6, column: "Dx1" },
      { row: 5, column: "Dx2" },
    ],
    color: YELLOW,
  },
  { kind: "markCells", table: "Claims", cells: [{ row: 3, column: "Code" }], color: null },
];

const expectedFills: MemoryFill[] = [
  { row: 2, column: "Code", color: "#FFC7CE" },
  { row: 5, column: "Dx2", color: "#FFEB9C" },
  { row: 6, column: "Dx1", color: "#FFEB9C" },
];

/** What the port reads of a workbook: sheets, tables with their sheet states, and every body. */
async function portView(wb: Workbook) {
  const info = await wb.describe();
  const tables = await wb.readTables(info.tables.map((t) => t.name));
  return { info, tables };
}

/** Fills of a table in a saved file, read back by ExcelJS as Excel would show them. */
async function fileFills(bytes: Uint8Array, sheetName: string, headers: string[], rows: number): Promise<MemoryFill[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName)!;
  const out: MemoryFill[] = [];
  for (let r = 0; r < rows; r++) {
    headers.forEach((column, c) => {
      const fill = sheet.getCell(2 + r, 1 + c).fill;
      if (fill?.type === "pattern" && fill.pattern === "solid") out.push({ row: r, column, color: `#${fill.fgColor!.argb!.slice(2)}` });
    });
  }
  return out;
}

/** Fills of a table in the fake, by body row and header. */
function fakeFills(fake: FakeExcel, table: string): MemoryFill[] {
  const t = fake.table(table)!;
  const headers = Array.from({ length: t.columns }, (_, c) => String(t.sheet.get(t.top, t.left + c)));
  return [...t.sheet.fills]
    .map(([at, color]) => {
      const [row, col] = at.split(",").map(Number);
      return { row: row - t.top - 1, column: headers[col - t.left], color };
    })
    .sort((a, b) => a.row - b.row || headers.indexOf(a.column) - headers.indexOf(b.column));
}

async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(book)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

async function fileParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [path, entry] of Object.entries(zip.files)) if (!entry.dir) out[path] = await entry.async("string");
  return out;
}

describe("protected sheets and marked cells read back alike in every adapter", () => {
  it("memory, xlsx (saved and reopened between plans) and Excel end the same", async () => {
    const memory = new MemoryWorkbook();
    const fake = new FakeExcel();
    const excel = new ExcelWorkbook(fake.run);
    let xlsx = XlsxWorkbook.create();

    const summaries = [];
    for (const plan of [firstPlan, secondPlan]) {
      const fromMemory = await memory.write(structuredClone(plan));
      expect(await xlsx.write(structuredClone(plan))).toEqual(fromMemory);
      expect(await excel.write(structuredClone(plan))).toEqual(fromMemory);
      summaries.push(fromMemory);
      xlsx = await XlsxWorkbook.load(await xlsx.save());
    }
    expect(summaries.map((s) => s.cellsMarked)).toEqual([6, 3]);

    // The reference, checked once so the comparisons below mean something.
    const expected = await portView(memory);
    expect(expected.info.tables.map((t) => [t.name, t.sheetState])).toEqual([
      ["Codes_TEST", { hidden: true, protected: true }],
      ["Claims", { hidden: false, protected: false }],
    ]);
    expect(expected.tables.Codes_TEST!.rows).toEqual([
      ["E119", "Type 2 diabetes without complications", true],
      ["E11", "Type 2 diabetes (category)", false],
      ["I10", "Essential hypertension", true],
    ]);
    expect(memory.fills("Claims")).toEqual(expectedFills);
    expect(memory.fills("Codes_TEST")).toEqual([]);

    expect(await portView(xlsx)).toEqual(expected);
    expect(await portView(excel)).toEqual(expected);
    expect(await fileFills(await xlsx.save(), "Claims", ["ClaimID", "Dx1", "Dx2", "Code"], 7)).toEqual(expectedFills);
    expect(fakeFills(fake, "Claims")).toEqual(expectedFills);
  });
});

describe("protecting a sheet", () => {
  it("xlsx: written without a password, users may select, filter and widen columns; appends keep it protected", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write(firstPlan);
    const xml = await sheetXml(await wb.save(), "Codes_TEST");
    const tag = /<sheetProtection [^>]*\/>/.exec(xml)?.[0];
    expect(tag).toMatch(/ sheet="1"/);
    expect(tag).toMatch(/ autoFilter="0"/); // "0": not protected, i.e. allowed
    expect(tag).toMatch(/ formatColumns="0"/);
    expect(tag).not.toMatch(/selectLockedCells|hashValue|algorithmName/);
    expect(await sheetXml(await wb.save(), "Claims")).not.toMatch(/<sheetProtection/);

    const again = await XlsxWorkbook.load(await wb.save());
    await again.write([{ kind: "appendRows", table: "Codes_TEST", rows: [{ Code: "I10" }] }]);
    const reopened = await XlsxWorkbook.load(await again.save());
    const codes = (await reopened.describe()).tables.find((t) => t.name === "Codes_TEST")!;
    expect(codes).toMatchObject({ rowCount: 3, sheetState: { hidden: true, protected: true } });
  });

  it("Excel: protected with options that allow selecting, filtering and column widths, in the plan's last request", async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).write(firstPlan);
    const codes = fake.sheet("Codes_TEST")!;
    expect(codes.isProtected).toBe(true);
    expect(codes.password).toBeUndefined();
    expect(codes.protection).toEqual({ allowAutoFilter: true, allowFormatColumns: true, selectionMode: "Normal" });
    expect(codes.visibility).toBe("Hidden");
    expect(fake.sheet("Claims")!.isProtected).toBe(false);
    expect(fake.syncs).toBe(2); // layout (no tables yet: one sync), then the whole plan, protection included
  });

  it("Excel: appends and column writes lift the protection in one extra sync and put the office's own back", async () => {
    const syncs: number[] = [];
    for (const rows of [10, 10_000]) {
      const fake = new FakeExcel();
      fake.addTable("CodeSets", ["Kind", "Count"], [["ICD10CM", 1]], { numberFormats: ["@", null] });
      fake.addTable("Charges", ["ChargeID", "Code"], [["C1", "99213"]]);
      const options = { allowAutoFilter: true, allowSort: true, allowFormatCells: true };
      fake.protectSheet("CodeSets", options);
      fake.resetCounts();
      const excel = new ExcelWorkbook(fake.run);
      await excel.write([
        { kind: "appendRows", table: "CodeSets", rows: Array.from({ length: rows }, (_, i) => ({ Kind: "LIST", Count: i })) },
        { kind: "setColumn", table: "CodeSets", column: "Count", values: Array.from({ length: rows + 1 }, (_, i) => i * 2) },
        { kind: "appendRows", table: "Charges", rows: [{ ChargeID: "C2" }] },
      ]);
      syncs.push(fake.syncs);
      const sheet = fake.sheet("CodeSets")!;
      expect(sheet.isProtected).toBe(true);
      expect(sheet.protection).toEqual(options);
      expect(fake.table("CodeSets")!.bodyRows).toBe(rows + 1);
      expect(fake.cell("CodeSets", rows + 1, 1)).toBe(rows * 2);
      // The unprotect went alone, before any change.
      expect(fake.syncLog[2]).toMatchObject({ writes: 1, loads: 0 });
      expect(fake.syncLog.slice(0, 2).every((s) => s.writes === 0)).toBe(true);
      expect(fake.sheet("Charges")!.isProtected).toBe(false);
    }
    expect(syncs).toEqual([4, 4]);
  });

  it("Excel: a request Excel refuses half-way still leaves the office's sheet protected as it was", async () => {
    // A budget above what this Excel takes: the plan's request is refused after the unprotect.
    const fake = new FakeExcel({ payloadLimitBytes: 50_000 });
    fake.addTable("CodeSets", ["Kind"], [["ICD10CM"]]);
    fake.protectSheet("CodeSets", { allowAutoFilter: true });
    const excel = new ExcelWorkbook(fake.run, { maxPayloadBytes: 1e9 });
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ Kind: `LIST ${i}` }));
    await expect(excel.write([{ kind: "appendRows", table: "CodeSets", rows }])).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    const sheet = fake.sheet("CodeSets")!;
    expect(sheet.isProtected).toBe(true);
    expect(sheet.protection).toEqual({ allowAutoFilter: true });
    expect(fake.table("CodeSets")!.bodyRows).toBe(1);
  });

  it("the fake would catch a write that forgot to unprotect", async () => {
    const fake = new FakeExcel();
    fake.addTable("CodeSets", ["Kind"], [["ICD10CM"]]);
    fake.protectSheet("CodeSets", { allowFormatCells: true });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("CodeSets").getRangeByIndexes(2, 0, 1, 1).values = [["LIST"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("CodeSets").protection.protect();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.cell("CodeSets", 2, 0)).toBeUndefined();
  });

  it("Excel: a sheet protected with a password refuses the plan with nothing written, other sheets protected again", async () => {
    const fake = new FakeExcel();
    fake.addTable("Alpha", ["Code"], [["A1"]]);
    fake.addTable("Beta", ["Code"], [["B1"]]);
    fake.protectSheet("Alpha", { allowAutoFilter: true });
    fake.protectSheet("Beta", {}, "secret");
    const before = fake.snapshot();
    const plan: WriteOp[] = [
      { kind: "appendRows", table: "Alpha", rows: [{ Code: "A2" }] },
      { kind: "appendRows", table: "Beta", rows: [{ Code: "B2" }] },
    ];
    const attempt = new ExcelWorkbook(fake.run).write(plan);
    await expect(attempt).rejects.toBeInstanceOf(PlanRejected);
    await expect(attempt).rejects.toThrow(/Nothing was written: sheet "Beta" is protected with a password/);
    expect(fake.snapshot()).toBe(before);
  });
});

describe("marking cells in Excel", () => {
  it("clears a whole column in one call and fills runs of rows, not cells, in the plan's one request", async () => {
    const fake = new FakeExcel();
    fake.addTable(
      "Charges",
      ["ChargeID", "Code", "Dx1"],
      Array.from({ length: 20 }, (_, i) => [`C${i}`, "99213", "E119"]),
      { top: 2, left: 1 },
    );
    const excel = new ExcelWorkbook(fake.run);
    await excel.write([{ kind: "markCells", table: "Charges", cells: [{ row: 19, column: "Dx1" }], color: PINK }]);
    fake.resetCounts();
    fake.fillCalls = 0;
    const rows = [0, 1, 2, 5, 7, 8, 8];
    await excel.write([
      {
        kind: "markCells",
        table: "Charges",
        clearColumns: ["Dx1", "dx1"],
        cells: [...rows.map((row) => ({ row, column: "Code" })), { row: 3, column: "Dx1" }],
        color: "#ff0000",
      },
    ]);
    expect(fake.syncs).toBe(3);
    // One clear for Dx1, three runs of Code (0-2, 5, 7-8), one Dx1 cell.
    expect(fake.fillCalls).toBe(5);
    expect(fakeFills(fake, "Charges")).toEqual([
      { row: 0, column: "Code", color: "#FF0000" },
      { row: 1, column: "Code", color: "#FF0000" },
      { row: 2, column: "Code", color: "#FF0000" },
      { row: 3, column: "Dx1", color: "#FF0000" },
      { row: 5, column: "Code", color: "#FF0000" },
      { row: 7, column: "Code", color: "#FF0000" },
      { row: 8, column: "Code", color: "#FF0000" },
    ]);
    // Sheet rows: the table's header is on row 3 of the sheet (index 2), so body row 0 is index 3.
    expect(fake.sheet("Charges")!.fillAt(3, 2)).toBe("#FF0000");
  });

  it("takes the same syncs for 10 marked cells as for 20,000 scattered ones", async () => {
    const counts = [];
    for (const marked of [10, 20_000]) {
      const fake = new FakeExcel();
      fake.addTable(
        "Charges",
        ["ChargeID", "Code"],
        Array.from({ length: 40_000 }, (_, i) => [`C${i}`, "99213"]),
      );
      fake.resetCounts();
      await new ExcelWorkbook(fake.run).write([
        {
          kind: "markCells",
          table: "Charges",
          cells: Array.from({ length: marked }, (_, i) => ({ row: 2 * i, column: "Code" })),
          color: PINK,
        },
      ]);
      expect(fake.sheet("Charges")!.fills.size).toBe(marked);
      expect(fake.fillCalls).toBe(marked);
      counts.push(fake.syncs);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});

describe("ExcelWorkbook.select", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Notes");
    fake.addTable("Charges", ["ChargeID", "Code"], [["C1", "9921"]]);
    await new ExcelWorkbook(fake.run).select("Charges", 2, 2);
    expect(fake.syncs).toBe(1);
    expect(fake.activeSheet?.name).toBe("Charges");
    expect(fake.selection).toEqual({ sheet: "Charges", top: 1, left: 1, rows: 1, columns: 1 });
  });

  it("says why when the sheet is gone or hidden, or the cell is off the sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Charges");
    fake.addSheet("Codes").visibility = "Hidden";
    const excel = new ExcelWorkbook(fake.run);
    await expect(excel.select("Payments", 1, 1)).rejects.toThrow(/sheet "Payments" is no longer in this workbook/);
    await expect(excel.select("Codes", 1, 1)).rejects.toThrow(/sheet "Codes" is hidden or protected/);
    fake.resetCounts();
    await expect(excel.select("Charges", 0, 1)).rejects.toThrow(/no cell at row 0, column 1/);
    expect(fake.syncs).toBe(0);
    expect(fake.selection).toBeUndefined();
  });
});

describe("a plan refused by checkPlan writes nothing in any adapter", () => {
  const claims = firstPlan[2];
  const refusals: { plan: WriteOp[]; message: RegExp }[] = [
    { plan: [{ kind: "markCells", table: "Refunds", cells: [], color: PINK }], message: /no table named Refunds/ },
    {
      plan: [{ kind: "markCells", table: "Claims", cells: [{ row: 0, column: "Dx9" }], color: PINK }],
      message: /Claims has no column "Dx9"/,
    },
    {
      plan: [{ kind: "markCells", table: "Claims", cells: [], clearColumns: ["Modifier"], color: null }],
      message: /Claims has no column "Modifier"/,
    },
    {
      plan: [{ kind: "markCells", table: "Claims", cells: [{ row: 6, column: "Dx1" }], color: PINK }],
      message: /Claims has 6 rows, so its row 7 cannot be marked/,
    },
    {
      plan: [{ kind: "markCells", table: "Claims", cells: [{ row: -1, column: "Dx1" }], color: PINK }],
      message: /its row 0 cannot be marked/,
    },
    {
      plan: [{ kind: "markCells", table: "Claims", cells: [{ row: 1.5, column: "Dx1" }], color: PINK }],
      message: /its row 1.5 cannot be marked/,
    },
    {
      plan: [{ kind: "markCells", table: "Claims", cells: [{ row: 0, column: "Dx1" }], color: "red" }],
      message: /"red" is not a fill color \(use #RRGGBB\)/,
    },
    {
      plan: [
        {
          kind: "createTable",
          table: "Fees",
          sheet: "Fees",
          headers: ["Code", "Fee"],
          rows: [
            ["99213", 80],
            ["99214", Number.NaN],
          ],
        },
      ],
      message: /table Fees, column "Fee", row 2 has a value that is not a number Excel can store \(NaN\)/,
    },
    {
      plan: [{ kind: "appendRows", table: "Codes_TEST", rows: [{ Code: "I10" }, { Code: "I11", Billable: Number.POSITIVE_INFINITY }] }],
      message: /the rows added to table Codes_TEST: column "Billable" has a value that is not a number Excel can store \(Infinity\)/,
    },
    {
      plan: [{ kind: "setColumn", table: "Claims", column: "Code", values: [1, 2, 3, Number.NEGATIVE_INFINITY, 5, 6] }],
      message: /table Claims, column "Code", row 4 has a value that is not a number Excel can store \(-Infinity\)/,
    },
    {
      plan: [
        {
          kind: "reportSheet",
          sheet: "Aging",
          cells: [
            ["Payer", "Total"],
            ["MCR", Number.NaN],
          ],
        },
      ],
      message: /report "Aging", row 2, column 2 has a value that is not a number Excel can store/,
    },
  ];

  it("memory, xlsx and Excel refuse each bad op (after a good one) with the same message", async () => {
    expect(claims.kind).toBe("createTable");
    const memory = new MemoryWorkbook();
    const xlsx = XlsxWorkbook.create();
    const fake = new FakeExcel();
    const excel = new ExcelWorkbook(fake.run);
    for (const wb of [memory, xlsx, excel]) await wb.write(structuredClone(firstPlan));
    const memoryBefore = { view: await portView(memory), fills: memory.fills("Claims") };
    const fileBefore = await fileParts(await xlsx.save());
    const fakeBefore = fake.snapshot();

    for (const { plan, message } of refusals) {
      // A good op first: it must not be written either.
      const ops: WriteOp[] = [{ kind: "reportSheet", sheet: "Scratch", cells: [["x"]] }, ...plan];
      for (const wb of [memory, xlsx, excel]) {
        const attempt = wb.write(structuredClone(ops));
        await expect(attempt, `${wb.host}: ${message}`).rejects.toBeInstanceOf(PlanRejected);
        await expect(attempt).rejects.toThrow(message);
      }
    }
    expect({ view: await portView(memory), fills: memory.fills("Claims") }).toEqual(memoryBefore);
    expect(await fileParts(await xlsx.save())).toEqual(fileBefore);
    expect(fake.snapshot()).toBe(fakeBefore);
  });

  it("rows appended earlier in the same plan can be marked", async () => {
    const memory = new MemoryWorkbook();
    await memory.write(firstPlan);
    const plan: WriteOp[] = [
      { kind: "appendRows", table: "Claims", rows: [{ ClaimID: "CL7" }] },
      { kind: "markCells", table: "Claims", cells: [{ row: 6, column: "ClaimID" }], color: PINK },
    ];
    await expect(memory.write(plan)).resolves.toMatchObject({ cellsMarked: 1 });
    expect(memory.fills("Claims")).toContainEqual({ row: 6, column: "ClaimID", color: PINK });
  });
});

describe("xlsx styles after the save speed-up", () => {
  it("every body cell carries its column's format (s=) and the file holds a few shared styles, not one per cell", async () => {
    const rows: CellValue[][] = Array.from({ length: 500 }, (_, i) => [`C${i}`, 46000 + i, 10 + i / 4, null]);
    const wb = XlsxWorkbook.create();
    await wb.write([
      {
        kind: "createTable",
        table: "Visits",
        sheet: "Visits",
        headers: ["Visit", "DOS", "Amount", "Note"],
        numberFormats: ["@", "yyyy-mm-dd", "$#,##0.00", null],
        rows,
      },
    ]);
    const bytes = await wb.save();
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = /<cellXfs count="(\d+)"/.exec(styles)![1];
    expect(Number(xfs)).toBeLessThan(10);
    const xml = await sheetXml(bytes, "Visits");
    // Excel formats a cell by its own s attribute; a column's style only applies to cells typed later.
    const styleOf = (ref: string) => new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`).exec(xml)?.[1];
    expect(styleOf("B2")).toBeDefined();
    expect(styleOf("B501")).toBe(styleOf("B2"));
    expect(styleOf("C300")).toBe(styleOf("C2"));
    expect(styleOf("C2")).not.toBe(styleOf("B2"));
    const read = await (await XlsxWorkbook.load(bytes)).readTables(["Visits"]);
    expect(read.Visits!.rows[499]).toEqual(["C499", 46499, 134.75, null]);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = raw.getWorksheet("Visits")!;
    expect([ws.getCell("B501").numFmt, ws.getCell("C501").numFmt, ws.getCell("A501").numFmt]).toEqual(["yyyy-mm-dd", "$#,##0.00", "@"]);
  });

  it("changing one column's format or one cell's fill leaves the cells that shared its style alone", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write([
      {
        kind: "createTable",
        table: "Codes",
        sheet: "Codes",
        headers: ["A", "B"],
        numberFormats: ["@", "@"],
        rows: [
          ["x", "y"],
          ["z", "w"],
        ],
      },
    ]);
    await wb.write([
      { kind: "setColumn", table: "Codes", column: "B", values: [1, 2], numberFormat: "0.00" },
      { kind: "markCells", table: "Codes", cells: [{ row: 1, column: "A" }], color: PINK },
    ]);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
    const ws = raw.getWorksheet("Codes")!;
    expect([ws.getCell("A2").numFmt, ws.getCell("A3").numFmt, ws.getCell("B2").numFmt, ws.getCell("B3").numFmt]).toEqual([
      "@",
      "@",
      "0.00",
      "0.00",
    ]);
    expect((ws.getCell("A2").fill as ExcelJS.FillPattern | undefined)?.pattern).not.toBe("solid");
    expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    // The header and the column (what rows typed later get) keep the format they shared with the body.
    expect([ws.getCell("B1").numFmt, ws.getColumn(2).numFmt, ws.getColumn(1).numFmt]).toEqual(["@", "@", "@"]);
  });
});
