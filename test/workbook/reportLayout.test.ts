// A report sheet's layout (block number formats, Excel tables, conditional fills, charts) through
// checkPlan and the three adapters: every rule refuses a plan before anything is written; memory
// keeps the layout and counts the report's tables in later name checks; the .xlsx file holds real
// tables and conditional formats (read back with plain ExcelJS); Excel (the fake) gets one call per
// block and no extra sync; and a replaced report sheet takes its tables with it.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MONEY_FORMAT } from "../../src/money";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { PlanRejected, type CellValue, type ReportSheetOp, type Workbook, type WriteOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { DEFAULT_CHART_SIZE, FakeExcel } from "./fakeExcel";

const PERCENT = "0.0%";
const OLDER = "#FCE4D6";
const OLDEST = "#F8CBAD";
const SHEET = "Aging 2026-10-31";

/**
 * An aging report: title, the summary (a table, the two oldest buckets highlighted), totals with a
 * percent row under money columns, the chart's data (a table, drawn as a chart) and the credits.
 */
function agingReport(overrides: Partial<ReportSheetOp> = {}): ReportSheetOp {
  const cells: CellValue[][] = [
    ["A/R aging as of 2026-10-31", null, null, null, null],
    [null, null, null, null, null],
    ["Payer", "0-30", "31-60", "61-90", "Total"],
    ["MCR", 100, 50, 0, 150],
    ["BCBS", 20, 0, 30, 50],
    ["Total", 120, 50, 30, 200],
    ["% of total", 0.6, 0.25, 0.15, 1],
    [null, null, null, null, null],
    ["Bucket", "Medicare", "Patient", null, null],
    ["0-30", 100, 20, null, null],
    ["31-60", 50, 0, null, null],
    ["61-90", 0, 30, null, null],
    [null, null, null, null, null],
    ["Credits", "Amount", null, null, null],
    ["P7", 12.5, null, null, null],
  ];
  return {
    kind: "reportSheet",
    sheet: SHEET,
    cells,
    columns: [{ width: 20 }, ...[1, 2, 3, 4].map(() => ({ width: 12, numberFormat: MONEY_FORMAT }))],
    headerRow: 2,
    boldRows: [0, 5],
    formats: [{ range: { row: 6, column: 1, rows: 1, columns: 4 }, numberFormat: PERCENT }],
    tables: [
      { name: "Aging_2026_10_31", range: { row: 2, column: 0, rows: 3, columns: 5 } },
      { name: "Series_2026_10_31", range: { row: 8, column: 0, rows: 4, columns: 3 } },
      { name: "Credits_2026_10_31", range: { row: 13, column: 0, rows: 2, columns: 2 } },
    ],
    highlights: [
      { range: { row: 3, column: 2, rows: 2, columns: 1 }, greaterThan: 0, color: OLDER },
      { range: { row: 3, column: 3, rows: 2, columns: 1 }, greaterThan: 0, color: OLDEST },
    ],
    charts: [
      {
        title: "A/R by bucket and payer type",
        type: "columnStacked",
        data: { row: 8, column: 0, rows: 4, columns: 3 },
        seriesBy: "columns",
        anchor: { row: 2, column: 6 },
        width: 400,
      },
    ],
    ...overrides,
  };
}

/** The same report with no layout at all: cells, widths, bold rows and the header only. */
function plainReport(): ReportSheetOp {
  const { formats: _f, tables: _t, highlights: _h, charts: _c, ...plain } = agingReport();
  return plain;
}

function billingBook(): MemoryWorkbook {
  return new MemoryWorkbook([
    { name: "Charges", table: { name: "Charges", headers: ["ChargeID", "Amount"], rows: [["C1", 10]] } },
    { name: "Codes_ICD10", table: { name: "Codes_ICD10", headers: ["Code"], rows: [["E119"]] }, hidden: true, protected: true },
    { name: "Visits", table: { name: "Visits", headers: ["Visit"], rows: [["V1"]] } },
    { name: "Notes", cells: [["office notes"]] },
  ]);
}

async function refused(wb: MemoryWorkbook, ops: WriteOp[], message: RegExp): Promise<void> {
  const before = structuredClone(wb.sheets);
  const attempt = wb.write(ops);
  await expect(attempt).rejects.toBeInstanceOf(PlanRejected);
  await expect(attempt).rejects.toThrow(message);
  expect(wb.sheets).toEqual(before);
}

describe("checkPlan refuses a report layout that cannot be written, before anything is", () => {
  it("accepts the whole aging layout", async () => {
    const wb = billingBook();
    await expect(wb.write([agingReport()])).resolves.toMatchObject({ sheetsWritten: [SHEET] });
  });

  it("blocks outside the report's cells, or not whole rows and columns", async () => {
    const wb = billingBook();
    const cases: [Partial<ReportSheetOp>, RegExp][] = [
      [
        { formats: [{ range: { row: 14, column: 0, rows: 2, columns: 1 }, numberFormat: PERCENT }] },
        /number format "0\.0%" \(A15:A16\) is outside the report, which has cells A1:E15/,
      ],
      [{ formats: [{ range: { row: 0, column: 4, rows: 1, columns: 2 }, numberFormat: PERCENT }] }, /\(E1:F1\) is outside the report/],
      [{ formats: [{ range: { row: 0, column: 0, rows: 1, columns: 1 }, numberFormat: " " }] }, /a number format is blank/],
      [
        { formats: [{ range: { row: -1, column: 0, rows: 1, columns: 1 }, numberFormat: PERCENT }] },
        /not a block of whole rows and columns \(row -1/,
      ],
      [
        { highlights: [{ range: { row: 3, column: 1.5, rows: 1, columns: 1 }, greaterThan: 0, color: OLDER }] },
        /a highlight is not a block of whole rows/,
      ],
      [
        { highlights: [{ range: { row: 3, column: 1, rows: 0, columns: 1 }, greaterThan: 0, color: OLDER }] },
        /a highlight is not a block of whole rows and columns \(row 3, column 1, 0 by 1\)/,
      ],
      [{ tables: [{ name: "Wide", range: { row: 2, column: 0, rows: 3, columns: 6 } }] }, /table Wide \(A3:F5\) is outside the report/],
      [
        { charts: [{ ...agingReport().charts![0], data: { row: 8, column: 0, rows: 9, columns: 3 } }] },
        /the data of the chart "A\/R by bucket and payer type" \(A9:C17\) is outside/,
      ],
    ];
    for (const [layout, message] of cases) await refused(wb, [agingReport(layout)], message);
    await refused(
      wb,
      [
        {
          kind: "reportSheet",
          sheet: "Empty",
          cells: [],
          formats: [{ range: { row: 0, column: 0, rows: 1, columns: 1 }, numberFormat: PERCENT }],
        },
      ],
      /outside the report, which has no cells/,
    );
  });

  it("table names Excel would refuse", async () => {
    const wb = billingBook();
    const named = (name: string): ReportSheetOp => agingReport({ tables: [{ name, range: { row: 2, column: 0, rows: 3, columns: 5 } }] });
    for (const name of ["1Aging", "Aging 2026", "Aging-2026", "", "x".repeat(256)]) {
      await refused(wb, [named(name)], /cannot be a table name \(letters, digits and _ only\)/);
    }
    for (const name of ["A1", "r1c1", "R", "c", "RC", "R2C", "XFD1048576", "ab12"]) {
      await refused(wb, [named(name)], new RegExp(`"${name}" cannot be a table name: Excel would read it as a cell address`));
    }
    // Names that only look close to a reference are fine, as are periods and a leading underscore.
    for (const name of ["_2026", "Aging.Summary", "R1C1x", "ABCD1", "x".repeat(255)])
      await expect(billingBook().write([named(name)])).resolves.toBeDefined();
  });

  it("table names already used in the workbook or twice in the plan", async () => {
    const wb = billingBook();
    const table = (name: string) => ({ name, range: { row: 2, column: 0, rows: 3, columns: 5 } });
    await refused(wb, [agingReport({ tables: [table("charges")] })], /the workbook already has a table named Charges/);
    await refused(wb, [agingReport({ tables: [table("Codes_ICD10")] })], /already has a table named Codes_ICD10/);
    await refused(
      wb,
      [agingReport({ tables: [table("Aging"), { name: "AGING", range: { row: 13, column: 0, rows: 2, columns: 2 } }] })],
      /two tables of this plan are named AGING/,
    );
    await refused(
      wb,
      [agingReport({ tables: [table("Aging")] }), agingReport({ sheet: "Other", tables: [table("aging")] })],
      /two tables of this plan are named aging/,
    );
    await refused(
      wb,
      [agingReport({ tables: [table("Aging")] }), { kind: "createTable", table: "Aging", sheet: "New", headers: ["A"] }],
      /already has a table named Aging/,
    );
    // A report table of another sheet keeps its name.
    await wb.write([agingReport()]);
    await refused(
      wb,
      [agingReport({ sheet: "Aging 2026-11-30" })],
      /already has a table named Aging_2026_10_31.*already has a table named Series_2026_10_31/,
    );
  });

  it("a table's header: a text in every column, no column twice, and at least one row under it", async () => {
    const wb = billingBook();
    const withCells = (edit: (cells: CellValue[][]) => void) => {
      const op = agingReport();
      edit(op.cells);
      return op;
    };
    await refused(
      wb,
      [withCells((c) => (c[2][3] = null))],
      /table Aging_2026_10_31 needs a header text in every column, and D3 holds none/,
    );
    await refused(wb, [withCells((c) => (c[2][3] = "  "))], /and D3 holds none/);
    await refused(wb, [withCells((c) => (c[2][1] = 30))], /and B3 holds none/);
    await refused(wb, [withCells((c) => (c[2][4] = " payer"))], /table Aging_2026_10_31 has the column "payer" twice/);
    await refused(
      wb,
      [agingReport({ tables: [{ name: "Lone", range: { row: 2, column: 0, rows: 1, columns: 5 } }] })],
      /table Lone needs a header row and at least one row below it/,
    );
  });

  it("tables of one report do not overlap", async () => {
    const wb = billingBook();
    const tables = [
      { name: "Summary", range: { row: 2, column: 0, rows: 3, columns: 5 } },
      { name: "Right", range: { row: 2, column: 4, rows: 2, columns: 1 } },
    ];
    await refused(wb, [agingReport({ tables })], /tables Summary and Right overlap/);
    // Side by side is fine.
    const apart = [
      { name: "Left", range: { row: 2, column: 0, rows: 3, columns: 4 } },
      { name: "Right", range: { row: 2, column: 4, rows: 3, columns: 1 } },
    ];
    await expect(billingBook().write([agingReport({ tables: apart })])).resolves.toBeDefined();
  });

  it("highlights need a #RRGGBB color and a number", async () => {
    const wb = billingBook();
    const highlight = (greaterThan: number, color: string) =>
      agingReport({ highlights: [{ range: { row: 3, column: 1, rows: 2, columns: 1 }, greaterThan, color }] });
    await refused(wb, [highlight(0, "red")], /"red" is not a fill color \(use #RRGGBB\)/);
    await refused(wb, [highlight(0, "#F8CBA")], /"#F8CBA" is not a fill color/);
    await refused(wb, [highlight(Number.NaN, OLDER)], /a highlight needs a number to compare with, not NaN/);
    await refused(wb, [highlight(Infinity, OLDER)], /not Infinity/);
  });

  it("charts need 2 rows and 2 columns of data, a place on the sheet and a size above 0", async () => {
    const wb = billingBook();
    const chart = agingReport().charts![0];
    const cases: [Partial<typeof chart>, RegExp][] = [
      [
        { data: { row: 8, column: 0, rows: 1, columns: 3 } },
        /the chart "A\/R by bucket and payer type" needs at least 2 rows and 2 columns of data/,
      ],
      [{ data: { row: 8, column: 0, rows: 4, columns: 1 } }, /needs at least 2 rows and 2 columns/],
      [{ anchor: { row: -1, column: 6 } }, /is placed outside the sheet \(row -1, column 6\)/],
      [{ anchor: { row: 0, column: 16_384 } }, /is placed outside the sheet/],
      [{ width: 0 }, /needs a width above 0 points, not 0/],
      [{ height: Number.NaN }, /needs a height above 0 points, not NaN/],
      [{ type: "line" as never }, /is of an unknown type \(line\)/],
      [{ seriesBy: "both" as never }, /needs its series by rows or by columns/],
    ];
    for (const [change, message] of cases) await refused(wb, [agingReport({ charts: [{ ...chart, ...change }] })], message);
  });

  it("a report does not replace a sheet holding a billing table or a code set, and its tables are its own to fill", async () => {
    const wb = billingBook();
    await refused(
      wb,
      [agingReport({ sheet: "Charges" })],
      /sheet "Charges" holds a billing table \(Charges\) and cannot be replaced by a report/,
    );
    await refused(wb, [agingReport({ sheet: "codes_icd10" })], /holds a billing table \(Codes_ICD10\)/);
    // A table this same plan writes to stays, whatever its name.
    await refused(
      wb,
      [{ kind: "appendRows", table: "Visits", rows: [{ Visit: "V2" }] }, agingReport({ sheet: "Visits" })],
      /holds a billing table \(Visits\)/,
    );
    await refused(
      wb,
      [agingReport(), { kind: "appendRows", table: "Aging_2026_10_31", rows: [{ Payer: "AETNA" }] }],
      /table Aging_2026_10_31 is laid out by report "Aging 2026-10-31" in this same plan/,
    );
    await refused(wb, [agingReport(), { kind: "markCells", table: "Credits_2026_10_31", cells: [], color: null }], /laid out by report/);
  });

  it("every problem at once, in one message", async () => {
    const wb = billingBook();
    await refused(
      wb,
      [
        agingReport({
          highlights: [{ range: { row: 3, column: 1, rows: 1, columns: 1 }, greaterThan: 0, color: "pink" }],
          tables: [{ name: "A1", range: { row: 2, column: 0, rows: 3, columns: 5 } }],
        }),
      ],
      /^Nothing was written: "A1" cannot be a table name.*; "pink" is not a fill color/,
    );
  });
});

describe("the memory adapter keeps a report's layout", () => {
  it("keeps formats, tables, highlights and charts as given, and lists the report's tables like Excel", async () => {
    const wb = billingBook();
    const op = agingReport();
    await wb.write([op]);
    const sheet = wb.sheets.find((s) => s.name === SHEET)!;
    expect(sheet.layout).toEqual({
      columns: op.columns,
      headerRow: 2,
      boldRows: [0, 5],
      formats: op.formats,
      tables: op.tables,
      highlights: op.highlights,
      charts: op.charts,
    });
    const info = await wb.describe();
    expect(info.tables.map((t) => [t.name, t.sheet])).toEqual([
      ["Charges", "Charges"],
      ["Codes_ICD10", "Codes_ICD10"],
      ["Visits", "Visits"],
      ["Aging_2026_10_31", SHEET],
      ["Series_2026_10_31", SHEET],
      ["Credits_2026_10_31", SHEET],
    ]);
    expect(info.tables[3]).toEqual({
      name: "Aging_2026_10_31",
      sheet: SHEET,
      headers: ["Payer", "0-30", "31-60", "61-90", "Total"],
      rowCount: 2,
      headerRow: 3,
      sheetState: { hidden: false, protected: false },
    });
    // Read by name only; the billing tables read as before.
    const read = await wb.readTables(["Credits_2026_10_31", "Charges"]);
    expect(read.Credits_2026_10_31).toMatchObject({ headers: ["Credits", "Amount"], rows: [["P7", 12.5]], headerRow: 14 });
    expect(read.Charges!.rows).toEqual([["C1", 10]]);
    expect(await wb.readSheet(SHEET)).toEqual(op.cells);
  });

  it("a replaced report frees its table names; a later plan may not write into a report's table", async () => {
    const wb = billingBook();
    await wb.write([agingReport()]);
    await refused(
      wb,
      [{ kind: "createTable", table: "aging_2026_10_31", sheet: "New", headers: ["A"] }],
      /already has a table named aging_2026_10_31/,
    );
    await refused(
      wb,
      [{ kind: "appendRows", table: "Credits_2026_10_31", rows: [{ Credits: "P8", Amount: 1 }] }],
      /table Credits_2026_10_31 belongs to a report sheet: run the report again/,
    );
    await refused(
      wb,
      [{ kind: "createTable", table: "Other", sheet: SHEET, headers: ["A"] }],
      /sheet "Aging 2026-10-31" already holds a table/,
    );

    await wb.write([plainReport()]);
    expect((await wb.describe()).tables.map((t) => t.name)).toEqual(["Charges", "Codes_ICD10", "Visits"]);
    expect(wb.sheets.find((s) => s.name === SHEET)!.layout!.tables).toBeUndefined();
    // The names are free again: the same report, or another sheet, may use them.
    await wb.write([agingReport({ sheet: "Aging 2026-11-30" })]);
    expect((await wb.describe()).tables.filter((t) => t.sheet === "Aging 2026-11-30")).toHaveLength(3);
    // And re-running a report over its own sheet reuses its names in one go.
    await wb.write([agingReport({ sheet: "Aging 2026-11-30" })]);
    expect((await wb.describe()).tables.map((t) => t.name)).toHaveLength(6);
  });

  it("a report replaces a sheet holding the office's own non-billing table, as it replaces any sheet of its name", async () => {
    const wb = billingBook();
    await wb.write([agingReport({ sheet: "Visits" })]);
    expect((await wb.readTables(["Visits"])).Visits).toBeUndefined();
    expect((await wb.describe()).tables.find((t) => t.name === "Aging_2026_10_31")!.sheet).toBe("Visits");
  });

  it("an empty report table (one blank row) has no rows, as Excel and .xlsx files read it", async () => {
    const wb = new MemoryWorkbook();
    await wb.write([
      {
        kind: "reportSheet",
        sheet: "R",
        cells: [
          ["A", "B"],
          [null, null],
        ],
        tables: [{ name: "Empty", range: { row: 0, column: 0, rows: 2, columns: 2 } }],
      },
    ]);
    expect((await wb.readTables(["Empty"])).Empty).toMatchObject({ rowCount: 0, rows: [] });
  });
});

async function reopened(wb: XlsxWorkbook): Promise<ExcelJS.Workbook> {
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.load((await wb.save()) as unknown as ArrayBuffer);
  return raw;
}

interface LoadedTable {
  name: string;
  tableRef?: string;
  headerRow?: boolean;
  autoFilterRef?: string;
  columns: { name: string }[];
  style?: ExcelJS.TableStyleProperties;
}

/** The sheet's conditional formats as ExcelJS read them (its typings leave the list out). */
function conditionalFormatsOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

function tablesIn(sheet: ExcelJS.Worksheet): LoadedTable[] {
  return (sheet.getTables() as unknown as { model: LoadedTable }[]).map((t) => t.model);
}

describe("the xlsx adapter writes the layout into the file", () => {
  it("real tables, block number formats and conditional fills, read back by plain ExcelJS", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write([agingReport()]);
    const raw = await reopened(wb);
    const ws = raw.getWorksheet(SHEET)!;

    const tables = tablesIn(ws);
    expect(tables.map((t) => [t.name, t.tableRef])).toEqual([
      ["Aging_2026_10_31", "A3:E5"],
      ["Series_2026_10_31", "A9:C12"],
      ["Credits_2026_10_31", "A14:B15"],
    ]);
    expect(tables[0].columns.map((c) => c.name)).toEqual(["Payer", "0-30", "31-60", "61-90", "Total"]);
    expect(tables[0]).toMatchObject({ autoFilterRef: "A3:E5", style: { theme: "TableStyleLight9", showRowStripes: true } });
    // The table sits over the cells as written: values, money formats and bold header kept.
    expect([ws.getCell("A3").value, ws.getCell("B4").value, ws.getCell("E5").value]).toEqual(["Payer", 100, 50]);
    expect(ws.getCell("B4").numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell("A3").font?.bold).toBe(true);

    // The percent row is formatted over its money columns; the row above keeps the column's format.
    expect(["B7", "C7", "D7", "E7"].map((a) => ws.getCell(a).numFmt)).toEqual([PERCENT, PERCENT, PERCENT, PERCENT]);
    expect(ws.getCell("B6").numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell("A7").numFmt).not.toBe(PERCENT);
    expect(ws.getCell("A6").font?.bold).toBe(true);

    const rules = conditionalFormatsOf(ws).map((cf) => ({ ref: cf.ref, rule: cf.rules[0] as ExcelJS.CellIsRuleType }));
    expect(rules.map((r) => r.ref)).toEqual(["C4:C5", "D4:D5"]);
    for (const [i, color] of [OLDER, OLDEST].entries()) {
      expect(rules[i].rule).toMatchObject({ type: "cellIs", operator: "greaterThan", formulae: ["0"] });
      expect(rules[i].rule.style?.fill).toMatchObject({ type: "pattern", pattern: "solid", bgColor: { argb: "FF" + color.slice(1) } });
    }

    // The adapter reads the file's report tables back like any table.
    const again = await XlsxWorkbook.load(await wb.save());
    const info = await again.describe();
    expect(info.tables.map((t) => [t.name, t.sheet, t.headerRow, t.rowCount])).toEqual([
      ["Aging_2026_10_31", SHEET, 3, 2],
      ["Series_2026_10_31", SHEET, 9, 3],
      ["Credits_2026_10_31", SHEET, 14, 1],
    ]);
    expect((await again.readTables(["Series_2026_10_31"])).Series_2026_10_31!.rows).toEqual([
      ["0-30", 100, 20],
      ["31-60", 50, 0],
      ["61-90", 0, 30],
    ]);
  });

  it("replacing the sheet drops its tables and conditional formats, and frees the table names", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write([
      { kind: "reportSheet", sheet: "First", cells: [["x"]] },
      agingReport(),
      { kind: "reportSheet", sheet: "Last", cells: [["y"]] },
    ]);
    // Replaced in a re-opened file, as the CLI and the browser pane do.
    const file = await XlsxWorkbook.load(await wb.save());
    await file.write([plainReport()]);
    let raw = await reopened(file);
    expect(raw.worksheets.map((s) => s.name)).toEqual(["First", SHEET, "Last"]);
    expect(tablesIn(raw.getWorksheet(SHEET)!)).toEqual([]);
    expect(conditionalFormatsOf(raw.getWorksheet(SHEET)!)).toEqual([]);
    expect((await file.describe()).tables).toEqual([]);

    // The same names again, over the same sheet and then as a rerun over the tables' own sheet.
    await file.write([agingReport()]);
    await file.write([agingReport()]);
    raw = await reopened(file);
    expect(tablesIn(raw.getWorksheet(SHEET)!).map((t) => [t.name, t.tableRef])).toEqual([
      ["Aging_2026_10_31", "A3:E5"],
      ["Series_2026_10_31", "A9:C12"],
      ["Credits_2026_10_31", "A14:B15"],
    ]);
    expect(conditionalFormatsOf(raw.getWorksheet(SHEET)!)).toHaveLength(2);
    // Table names in the file are unique (Excel repairs a file where two share one).
    const names = raw.worksheets.flatMap((s) => tablesIn(s).map((t) => t.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it("a refused layout leaves the file as it was", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write([agingReport()]);
    const before = await wb.save();
    const bad = agingReport({
      sheet: "Other",
      tables: [],
      highlights: [{ range: { row: 3, column: 1, rows: 1, columns: 1 }, greaterThan: 0, color: "red" }],
    });
    await expect(wb.write([plainReport(), bad])).rejects.toThrow(/"red" is not a fill color/);
    const [now, then] = await Promise.all([reopened(wb), (async () => reopened(await XlsxWorkbook.load(before)))()]);
    expect(now.worksheets.map((s) => s.name)).toEqual([SHEET]);
    expect(tablesIn(now.getWorksheet(SHEET)!)).toEqual(tablesIn(then.getWorksheet(SHEET)!));
    expect(conditionalFormatsOf(now.getWorksheet(SHEET)!)).toHaveLength(2);
  });
});

describe("the Excel adapter lays the report out in Excel", () => {
  it("one call per format, table, highlight and chart, on the right blocks", async () => {
    const fake = new FakeExcel();
    fake.addTable("Charges", ["ChargeID", "Amount"], [["C1", 10]]);
    await new ExcelWorkbook(fake.run).write([agingReport()]);
    const sheet = fake.sheet(SHEET)!;

    expect(fake.tables.filter((t) => t.sheet === sheet).map((t) => [t.name, t.rect, t.style])).toEqual([
      ["Aging_2026_10_31", { top: 2, left: 0, rows: 3, columns: 5 }, "TableStyleLight9"],
      ["Series_2026_10_31", { top: 8, left: 0, rows: 4, columns: 3 }, "TableStyleLight9"],
      ["Credits_2026_10_31", { top: 13, left: 0, rows: 2, columns: 2 }, "TableStyleLight9"],
    ]);
    // Header texts stay texts (the apostrophe is Excel's text mark, not part of the value).
    expect(sheet.get(2, 1)).toBe("0-30");

    expect([1, 2, 3, 4].map((c) => sheet.formatAt(6, c))).toEqual([PERCENT, PERCENT, PERCENT, PERCENT]);
    expect(sheet.formatAt(5, 1)).toBe(MONEY_FORMAT);
    expect(sheet.formatAt(6, 0)).toBe("General");
    expect(sheet.formats.filter((f) => f.format === PERCENT)).toEqual([{ top: 6, left: 1, rows: 1, columns: 4, format: PERCENT }]);

    expect(sheet.conditionalFormats).toEqual([
      { type: "CellValue", top: 3, left: 2, rows: 2, columns: 1, fill: OLDER, rule: { formula1: "0", operator: "GreaterThan" } },
      { type: "CellValue", top: 3, left: 3, rows: 2, columns: 1, fill: OLDEST, rule: { formula1: "0", operator: "GreaterThan" } },
    ]);
    // A static fill is not how a highlight is made.
    expect(sheet.fills.size).toBe(0);

    expect(sheet.charts).toEqual([
      {
        type: "ColumnStacked",
        data: { top: 8, left: 0, rows: 4, columns: 3 },
        seriesBy: "Columns",
        title: "A/R by bucket and payer type",
        anchor: { row: 2, column: 6 },
        width: 400,
        height: 288,
      },
    ]);

    const info = await new ExcelWorkbook(fake.run).describe();
    expect(info.tables.find((t) => t.name === "Credits_2026_10_31")).toMatchObject({
      sheet: SHEET,
      headers: ["Credits", "Amount"],
      rowCount: 1,
      headerRow: 14,
    });
  });

  it("chart types, series by rows, and the report's default size (not Excel's own)", async () => {
    const fake = new FakeExcel();
    const base = agingReport().charts![0];
    const charts = [
      { ...base, type: "columnClustered" as const, seriesBy: "rows" as const, width: undefined },
      { ...base, type: "pie" as const, data: { row: 8, column: 0, rows: 4, columns: 2 }, anchor: { row: 20, column: 0 }, height: 200 },
    ];
    await new ExcelWorkbook(fake.run).write([agingReport({ charts })]);
    expect(DEFAULT_CHART_SIZE).not.toEqual({ width: 480, height: 288 });
    expect(fake.sheet(SHEET)!.charts.map((c) => [c.type, c.seriesBy, c.data.columns, c.anchor, c.width, c.height])).toEqual([
      ["ColumnClustered", "Rows", 3, { row: 2, column: 6 }, 480, 288],
      ["Pie", "Columns", 2, { row: 20, column: 0 }, 400, 200],
    ]);
  });

  it("the layout adds no sync: a report with 3 tables, 2 highlights, a chart and formats takes as many as a plain one", async () => {
    const syncs = async (op: ReportSheetOp) => {
      const fake = new FakeExcel();
      fake.addTable("Charges", ["ChargeID", "Amount"], [["C1", 10]]);
      fake.resetCounts();
      await new ExcelWorkbook(fake.run).write([op]);
      return { syncs: fake.syncs, writes: fake.writes };
    };
    const plain = await syncs(plainReport());
    const laidOut = await syncs(agingReport());
    expect(laidOut.syncs).toBe(plain.syncs);
    // The layout did go out: more calls in the same requests.
    expect(laidOut.writes).toBeGreaterThan(plain.writes + 10);
    // Three times the tables, highlights and charts: still the same syncs.
    const many = agingReport();
    many.highlights = [...many.highlights!, ...many.highlights!, ...many.highlights!];
    many.charts = [...many.charts!, ...many.charts!, ...many.charts!];
    many.formats = Array.from({ length: 30 }, () => many.formats![0]);
    expect((await syncs(many)).syncs).toBe(plain.syncs);
  });

  it("replacing the sheet takes its tables, fills and charts with it, and the names can be used again", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Notes", [["office notes"]]);
    const excel = new ExcelWorkbook(fake.run);
    await excel.write([agingReport()]);
    await excel.write([plainReport()]);
    expect(fake.tables).toEqual([]);
    expect(fake.sheet(SHEET)!.charts).toEqual([]);
    expect(fake.sheet(SHEET)!.conditionalFormats).toEqual([]);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Notes", SHEET]);
    // A rerun over the sheet holding the tables replaces them in one plan.
    await excel.write([agingReport()]);
    await excel.write([agingReport()]);
    expect(fake.tables.map((t) => t.name)).toEqual(["Aging_2026_10_31", "Series_2026_10_31", "Credits_2026_10_31"]);
    expect(fake.sheet(SHEET)!.charts).toHaveLength(1);
    expect(fake.sheet(SHEET)!.conditionalFormats).toHaveLength(2);
  });

  it("a refused layout writes nothing", async () => {
    const fake = new FakeExcel();
    fake.addTable("Charges", ["ChargeID", "Amount"], [["C1", 10]]);
    const before = fake.snapshot();
    fake.resetCounts();
    const bad = agingReport({ tables: [{ name: "Charges", range: { row: 2, column: 0, rows: 3, columns: 5 } }] });
    await expect(new ExcelWorkbook(fake.run).write([bad])).rejects.toThrow(/already has a table named Charges/);
    expect(fake.snapshot()).toBe(before);
    expect(fake.writes).toBe(0);
  });

  it("an Excel without conditional formats (ExcelApi 1.6) refuses highlights before writing", async () => {
    const fake = new FakeExcel();
    const before = fake.snapshot();
    const office = globalThis as { Office?: unknown };
    office.Office = { context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split(".")[1]) < 6 } } };
    try {
      await expect(new ExcelWorkbook(fake.run).write([agingReport()])).rejects.toThrow(/cannot add conditional formats/);
      expect(fake.snapshot()).toBe(before);
      // Without highlights the same Excel writes the report.
      await expect(new ExcelWorkbook(fake.run).write([agingReport({ highlights: [] })])).resolves.toBeDefined();
    } finally {
      delete office.Office;
    }
  });
});

describe("the adapters agree on a report's tables", () => {
  it("memory, xlsx (also re-opened) and Excel list and read the same report tables", async () => {
    const memory = new MemoryWorkbook();
    const xlsx = XlsxWorkbook.create();
    const fake = new FakeExcel();
    const excel = new ExcelWorkbook(fake.run);
    const books: Workbook[] = [memory, xlsx, excel];
    for (const wb of books) await wb.write([{ kind: "reportSheet", sheet: "Notes", cells: [["x"]] }, agingReport()]);
    const view = async (wb: Workbook) => {
      const info = await wb.describe();
      const tables = await wb.readTables(info.tables.map((t) => t.name));
      return { sheets: info.sheets, tables };
    };
    const expected = await view(memory);
    expect(Object.keys(expected.tables)).toEqual(["Aging_2026_10_31", "Series_2026_10_31", "Credits_2026_10_31"]);
    expect(await view(xlsx)).toEqual(expected);
    expect(await view(await XlsxWorkbook.load(await xlsx.save()))).toEqual(expected);
    expect(await view(excel)).toEqual(expected);
  });
});
