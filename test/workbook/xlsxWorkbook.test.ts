// The xlsx adapter on its own: text that looks like a formula stays text in the saved file, an
// office's own workbook (made outside the add-in) reads and grows correctly, and the file-level
// details Excel cares about (table ranges, formats, frozen panes, hidden sheets) are written.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { isoToSerial, jsDateToIso, type IsoDate } from "../../src/dates";
import { MONEY_FORMAT } from "../../src/money";
import { parseTable } from "../../src/workbook/mapTable";
import { applyPlan } from "../../src/workbook/plan";
import { PlanRejected, type WriteOp } from "../../src/workbook/port";
import { setupPlan } from "../../src/workbook/setup";
import { BILLING_TABLES, Charges, DATE_FORMAT } from "../../src/workbook/tables";
import { XlsxWorkbook, dateToSerial } from "../../src/workbook/xlsxWorkbook";

const NOW = new Date(2026, 2, 5, 9, 30, 5);
const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)"];
const serial = (iso: IsoDate) => isoToSerial(iso);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function zipOf(bytes: Uint8Array) {
  return JSZip.loadAsync(bytes);
}

/** The XML of a sheet, found by its name through workbook.xml and its relationships. */
async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await zipOf(bytes);
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(book)![1];
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}

/** The XML part of a table, found by its name. */
async function tableXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await zipOf(bytes);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    if (new RegExp(`<table [^>]*name="${name}"`).test(xml)) return xml;
  }
  throw new Error(`no table ${name} in the file`);
}

async function openWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function setUpBook(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await applyPlan(wb, setupPlan(await wb.describe())!, NOW);
  return wb;
}

/**
 * An office's own workbook, as Excel writes it: a title above the table, the table at B3 with the
 * office's headers and an extra "Notes" column, a JS Date, a formula with its cached result, rich
 * text, a hyperlink, an error value, and a note typed just under the table. Excel leaves
 * headerRowCount out (its default) and writes no filterColumn for unfiltered columns; ExcelJS
 * writes both, so they are taken out of the file.
 */
async function officeFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Billing");
  ws.getCell("A1").value = "Charges, March 2026";
  ws.addTable({
    name: "Charges",
    ref: "B3",
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: ["Charge #", "Claim #", "Patient #", "Payer", "Date of Service", "CPT", "Charge Amount", "Notes"].map((name) => ({
      name,
      filterButton: true,
    })),
    rows: [
      [
        "L1",
        "CL1",
        "P100",
        { text: "MCR", hyperlink: "https://payer.example/" },
        utc(2026, 3, 5),
        "99213",
        { formula: "100+50", result: 150 },
        { richText: [{ text: "new " }, { text: "patient", font: { bold: true } }] },
      ],
      ["L2", "CL1", 1002, "MCR", utc(2026, 3, 6), "J1100", 75.5, null],
      ["L3", "CL2", "P101", "BCBS", utc(2026, 3, 7), "99214", { error: "#N/A" }, "recheck"],
    ],
  });
  for (let r = 4; r <= 6; r++) {
    ws.getCell(r, 6).numFmt = "m/d/yyyy";
    ws.getCell(r, 8).numFmt = "0.00";
  }
  ws.getCell("K1").value = 5;
  ws.getCell("K1").numFmt = "0.00";
  ws.getCell("B7").value = "Checked by: AB";
  const zip = await zipOf(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const path = Object.keys(zip.files).find((p) => p.startsWith("xl/tables/") && p.endsWith(".xml"))!;
  const xml = await zip.file(path)!.async("string");
  zip.file(path, xml.replace(/ headerRowCount="1"/, "").replace(/<filterColumn [^>]*\/>/g, ""));
  return zip.generateAsync({ type: "uint8array" });
}

describe("text that looks like a formula stays text in the file", () => {
  it("through createTable, appendRows, setColumn and reportSheet, after a save and a reload", async () => {
    const wb = await setUpBook();
    const ops: WriteOp[] = [
      { kind: "createTable", table: "Imported", sheet: "Imported", headers: ["Line", "Text"], rows: INJECTIONS.map((t, i) => [i + 1, t]) },
      {
        kind: "appendRows",
        table: "Payments",
        rows: INJECTIONS.map((t, i) => ({ PaymentID: `PAY${i}`, Date: serial("2026-03-05"), Reference: t, Amount: 10, Note: t })),
      },
      { kind: "setColumn", table: "Payments", column: "Method", values: INJECTIONS },
      { kind: "reportSheet", sheet: "Report", cells: [["Text"], ...INJECTIONS.map((t) => [t])], headerRow: 0 },
    ];
    await wb.write(ops);
    const bytes = await wb.save();

    const zip = await zipOf(bytes);
    const sheets = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets.length).toBe(BILLING_TABLES.length + 2); // the billing tables, Imported and Report
    for (const path of sheets) expect(await zip.file(path)!.async("string")).not.toMatch(/<f[\s>]/);

    const raw = await openWithExcelJs(bytes);
    const stringCells = (sheet: string, column: number, rows: number[]) =>
      rows.map((r) => {
        const cell = raw.getWorksheet(sheet)!.getCell(r, column);
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- an ExcelJS cell, not an Office.js proxy
        return { type: cell.type, value: cell.value };
      });
    const asText = INJECTIONS.map((value) => ({ type: ExcelJS.ValueType.String, value }));
    expect(stringCells("Imported", 2, [2, 3, 4, 5])).toEqual(asText);
    expect(stringCells("Payments", 6, [2, 3, 4, 5])).toEqual(asText); // Reference
    expect(stringCells("Payments", 5, [2, 3, 4, 5])).toEqual(asText); // Method, by setColumn
    expect(stringCells("Payments", 8, [2, 3, 4, 5])).toEqual(asText); // Note
    expect(stringCells("Report", 1, [2, 3, 4, 5])).toEqual(asText);

    const again = await XlsxWorkbook.load(bytes);
    const read = await again.readTables(["Payments", "Imported"]);
    expect(read.Payments!.rows.map((r) => [r[4], r[5], r[7]])).toEqual(INJECTIONS.map((t) => [t, t, t]));
    expect(read.Imported!.rows.map((r) => r[1])).toEqual(INJECTIONS);
    expect((await again.readSheet("Report"))!.slice(1).map((r) => r[0])).toEqual(INJECTIONS);
  });

  it("the XML check does see a real formula (the office file's own)", async () => {
    expect(await sheetXml(await officeFile(), "Billing")).toMatch(/<f>100\+50<\/f>/);
  });
});

describe("an office's own workbook", () => {
  it("reads its table where it is, with dates, formula results, rich text, links and errors as values", async () => {
    const wb = await XlsxWorkbook.load(await officeFile());
    const info = await wb.describe();
    expect(info).toEqual({
      sheets: ["Billing"],
      tables: [
        {
          name: "Charges",
          sheet: "Billing",
          headers: ["Charge #", "Claim #", "Patient #", "Payer", "Date of Service", "CPT", "Charge Amount", "Notes"],
          rowCount: 3,
          headerRow: 3,
          sheetState: { hidden: false, protected: false },
        },
      ],
      dateSystem: 1900,
    });
    const raw = (await wb.readTables(["charges"])).charges!;
    expect(raw.rows).toEqual([
      ["L1", "CL1", "P100", "MCR", 46086, "99213", 150, "new patient"],
      ["L2", "CL1", 1002, "MCR", 46087, "J1100", 75.5, null],
      ["L3", "CL2", "P101", "BCBS", 46088, "99214", "#N/A", "recheck"],
    ]);
    expect(await wb.readSheet("billing")).toEqual([
      ["Charges, March 2026", null, null, null, null, null, null, null, null, null, 5],
      [null, null, null, null, null, null, null, null, null, null, null],
      [null, "Charge #", "Claim #", "Patient #", "Payer", "Date of Service", "CPT", "Charge Amount", "Notes", null, null],
      [null, ...raw.rows[0], null, null],
      [null, ...raw.rows[1], null, null],
      [null, ...raw.rows[2], null, null],
      [null, "Checked by: AB", null, null, null, null, null, null, null, null, null],
    ]);

    const parsed = parseTable(Charges, raw);
    expect(parsed.mapping.extras).toEqual(["Notes"]);
    expect(parsed.mapping.missingRequired).toEqual([]);
    expect(parsed.rows.map((r) => [r.chargeId, r.patientId, r.payerId, r.dos, r.code, r.amount])).toEqual([
      ["L1", "P100", "MCR", "2026-03-05", "99213", 15000],
      ["L2", "1002", "MCR", "2026-03-06", "J1100", 7550],
    ]);
    expect(parsed.sheetRows).toEqual([4, 5]);
    expect(parsed.issues).toEqual([{ table: "Charges", row: 6, column: "Charge Amount", message: expect.stringContaining("#N/A") }]);
  });

  it("saved untouched, its table keeps its header row, range and filter buttons", async () => {
    const wb = await XlsxWorkbook.load(await officeFile());
    const before = await wb.readTables(["Charges"]);
    const bytes = await wb.save();
    const xml = await tableXml(bytes, "Charges");
    expect(xml).toMatch(/ ref="B3:I6"/);
    expect(xml).toMatch(/headerRowCount="1"/);
    expect(xml).not.toMatch(/hiddenButton="1"/);
    expect(xml).toMatch(/TableStyleLight9/);
    expect(await (await XlsxWorkbook.load(bytes)).readTables(["Charges"])).toEqual(before);
  });

  it("grows when rows are appended: extra column kept, range extended, the note below moved down", async () => {
    const wb = await XlsxWorkbook.load(await officeFile());
    const summary = await wb.write([
      {
        kind: "appendRows",
        table: "CHARGES",
        rows: [
          {
            "charge #": "L4",
            "Claim #": "CL3",
            "PATIENT #": "P102",
            Payer: "MCR",
            "Date of Service": 46090,
            CPT: "99212",
            "Charge Amount": 60,
            Notes: "follow-up",
          },
          { "Charge #": "L5", "Claim #": "CL3", "Patient #": "P102", Payer: "MCR", "Date of Service": 46090, CPT: "99211" },
        ],
      },
    ]);
    expect(summary.rowsAppended).toBe(2);
    expect((await wb.describe()).tables[0]).toMatchObject({ rowCount: 5, headerRow: 3 });

    const bytes = await wb.save();
    const xml = await tableXml(bytes, "Charges");
    expect(xml).toMatch(/ ref="B3:I8"/);
    expect(xml).toMatch(/<autoFilter ref="B3:I8"/);
    expect(xml).toMatch(/headerRowCount="1"/);
    expect(xml).not.toMatch(/hiddenButton="1"/);
    expect(xml).toMatch(/TableStyleLight9/);

    const again = await XlsxWorkbook.load(bytes);
    const raw = (await again.readTables(["Charges"])).Charges!;
    expect(raw.rows.slice(3)).toEqual([
      ["L4", "CL3", "P102", "MCR", 46090, "99212", 60, "follow-up"],
      ["L5", "CL3", "P102", "MCR", 46090, "99211", null, null],
    ]);
    const parsed = parseTable(Charges, raw);
    expect(parsed.mapping.extras).toEqual(["Notes"]);
    expect(parsed.rows.map((r) => r.chargeId)).toEqual(["L1", "L2", "L4"]);

    // The office's cells are what they were: formula, rich text and link kept, title and note in place.
    const ws = (await openWithExcelJs(bytes)).getWorksheet("Billing")!;
    expect(ws.getCell("H4").formula).toBe("100+50");
    expect(ws.getCell("I4").type).toBe(ExcelJS.ValueType.RichText);
    expect(ws.getCell("E4").type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(ws.getCell("A1").value).toBe("Charges, March 2026");
    expect(ws.getCell("B7").value).toBe("L4");
    expect(ws.getCell("B9").value).toBe("Checked by: AB");
    // New rows take the formats of the row above: a date shows as a date.
    expect(ws.getCell("F7").numFmt).toBe("m/d/yyyy");
    expect(ws.getCell("F7").value).toEqual(utc(2026, 3, 9));
  });

  it("a number format set on one column does not reformat other cells that shared its style", async () => {
    const wb = await XlsxWorkbook.load(await officeFile());
    await wb.write([{ kind: "setColumn", table: "Charges", column: "Notes", values: ["a", "b", "c"], numberFormat: "@" }]);
    const ws = (await openWithExcelJs(await wb.save())).getWorksheet("Billing")!;
    expect([4, 5, 6].map((r) => ws.getCell(r, 9).numFmt)).toEqual(["@", "@", "@"]);
    expect(ws.getCell("K1").numFmt).toBe("0.00");
  });

  it("a table with a totals row: the totals are not data, and move below appended rows", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Fees").addTable({
      name: "FeeSchedule",
      ref: "A1",
      totalsRow: true,
      columns: [
        { name: "Code", totalsRowLabel: "Total", filterButton: true },
        { name: "Fee", totalsRowFunction: "sum", filterButton: true },
      ],
      rows: [
        ["99213", 120],
        ["99214", 180],
      ],
    });
    const wb = await XlsxWorkbook.load(new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer));
    expect((await wb.describe()).tables[0]).toMatchObject({ rowCount: 2, headerRow: 1 });
    expect((await wb.readTables(["FeeSchedule"])).FeeSchedule!.rows).toEqual([
      ["99213", 120],
      ["99214", 180],
    ]);
    await wb.write([{ kind: "appendRows", table: "FeeSchedule", rows: [{ Code: "99215", Fee: 250 }] }]);
    const bytes = await wb.save();
    expect(await tableXml(bytes, "FeeSchedule")).toMatch(/ ref="A1:B5"/);
    const ws = (await openWithExcelJs(bytes)).getWorksheet("Fees")!;
    expect(ws.getCell("A4").value).toBe("99215");
    expect(ws.getCell("A5").value).toBe("Total");
    expect(ws.getCell("B5").formula).toBe("SUBTOTAL(109,FeeSchedule[Fee])");
    expect((await (await XlsxWorkbook.load(bytes)).readTables(["FeeSchedule"])).FeeSchedule!.rows).toEqual([
      ["99213", 120],
      ["99214", 180],
      ["99215", 250],
    ]);
  });
});

describe("what the adapter writes into the file", () => {
  it("an empty table keeps one blank row (Excel drops header-only tables) and still reads as empty", async () => {
    const wb = await setUpBook();
    const bytes = await wb.save();
    expect(await tableXml(bytes, "Charges")).toMatch(/ ref="A1:V2"/);
    const again = await XlsxWorkbook.load(bytes);
    expect((await again.describe()).tables.find((t) => t.name === "Charges")!.rowCount).toBe(0);
    expect((await again.readTables(["Charges"])).Charges!.rows).toEqual([]);
    await again.write([{ kind: "appendRows", table: "Charges", rows: [{ ChargeID: "C1", DOS: serial("2026-03-05"), Amount: 80 }] }]);
    const grown = await again.save();
    expect(await tableXml(grown, "Charges")).toMatch(/ ref="A1:V2"/);
    expect((await (await XlsxWorkbook.load(grown)).readTables(["Charges"])).Charges!.rows[0].slice(0, 6)).toEqual([
      "C1",
      null,
      null,
      null,
      null,
      serial("2026-03-05"),
    ]);
  });

  it("createTable: number formats and widths per column, dates stored as numbers shown as dates, hidden sheets", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write([
      {
        kind: "createTable",
        table: "Visits",
        sheet: "Visits",
        headers: ["Visit", "DOS", "Amount"],
        numberFormats: ["@", DATE_FORMAT, MONEY_FORMAT],
        widths: [8, 12, null],
        rows: [["V1", serial("2026-03-05"), 12.5]],
        hidden: true,
      },
    ]);
    const bytes = await wb.save();
    expect(await sheetXml(bytes, "Visits")).toMatch(/<c r="B2"[^>]*><v>46086<\/v><\/c>/);
    const ws = (await openWithExcelJs(bytes)).getWorksheet("Visits")!;
    expect(ws.state).toBe("hidden");
    expect(ws.getCell("B2").numFmt).toBe(DATE_FORMAT);
    expect(ws.getCell("B2").value).toEqual(utc(2026, 3, 5));
    expect(ws.getCell("C2").numFmt).toBe(MONEY_FORMAT);
    expect(ws.getColumn(2).numFmt).toBe(DATE_FORMAT);
    expect([ws.getColumn(1).width, ws.getColumn(2).width]).toEqual([8, 12]);
    expect((await (await XlsxWorkbook.load(bytes)).readTables(["Visits"])).Visits!.rows).toEqual([["V1", 46086, 12.5]]);
  });

  it("reportSheet: bold header and rows, formats below the header, widths, frozen header, same place when replaced", async () => {
    const wb = XlsxWorkbook.create();
    const report: WriteOp = {
      kind: "reportSheet",
      sheet: "Aging",
      cells: [
        ["Aging by payer", null],
        ["Payer", "0-30"],
        ["MCR", 350.5],
        ["Total", 350.5],
      ],
      columns: [{ width: 20 }, { width: 12, numberFormat: MONEY_FORMAT }],
      headerRow: 1,
      boldRows: [0, 3],
    };
    await wb.write([
      { kind: "reportSheet", sheet: "First", cells: [["x"]] },
      report,
      { kind: "reportSheet", sheet: "Last", cells: [["y"]] },
    ]);
    await wb.write([
      {
        ...report,
        cells: [
          ["Aging by payer", null],
          ["Payer", "0-30"],
          ["BCBS", 10],
          ["Total", 10],
        ],
      },
    ]);
    expect((await wb.describe()).sheets).toEqual(["First", "Aging", "Last"]);
    const raw = await openWithExcelJs(await wb.save());
    expect(raw.worksheets.map((s) => s.name)).toEqual(["First", "Aging", "Last"]);
    const ws = raw.getWorksheet("Aging")!;
    expect(ws.getCell("A3").value).toBe("BCBS");
    expect([1, 2, 3, 4].map((r) => ws.getCell(r, 1).font?.bold === true)).toEqual([true, true, false, true]);
    expect(ws.getCell("B2").numFmt).not.toBe(MONEY_FORMAT);
    expect(ws.getCell("B3").numFmt).toBe(MONEY_FORMAT);
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });

  it("refuses numbers Excel cannot store, before writing anything", async () => {
    const wb = await setUpBook();
    const before = await wb.readTables(["Audit"]);
    await expect(
      wb.write([
        { kind: "reportSheet", sheet: "Scratch", cells: [["ok"]] },
        { kind: "appendRows", table: "Audit", rows: [{ Time: "now", Rows: Number.NaN }] },
      ]),
    ).rejects.toBeInstanceOf(PlanRejected);
    expect((await wb.describe()).sheets).not.toContain("Scratch");
    expect(await wb.readTables(["Audit"])).toEqual(before);
  });

  it("an empty workbook saves as a file Excel can open, without gaining a sheet", async () => {
    const wb = XlsxWorkbook.create();
    const raw = await openWithExcelJs(await wb.save());
    expect(raw.worksheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect((await wb.describe()).sheets).toEqual([]);
  });
});

describe("dates from ExcelJS", () => {
  it("give the serial the file holds, the same as isoToSerial(jsDateToIso(date)) for ordinary dates", () => {
    for (const iso of ["1900-03-01", "1999-12-31", "2026-03-05", "2099-02-28"]) {
      const date = new Date(`${iso}T00:00:00Z`);
      const day = jsDateToIso(date);
      expect(day).toEqual({ ok: true, value: iso });
      expect(dateToSerial(date, 1900)).toBe(isoToSerial(iso, 1900));
      expect(dateToSerial(new Date(`${iso}T00:00:00Z`.replace("1900-03-01", "1904-01-01")), 1904)).toBe(
        isoToSerial(iso.replace("1900-03-01", "1904-01-01"), 1904),
      );
    }
    expect(dateToSerial(new Date("2026-03-05T18:00:00Z"), 1900)).toBe(46086.75);
  });

  it("keep a time of day and Excel's serials before March 1900", async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet("Times");
    [
      [1, 46086.75],
      [2, 1],
      [3, 59],
    ].forEach(([row, value]) => {
      ws.getCell(row, 1).value = value;
      ws.getCell(row, 1).numFmt = "yyyy-mm-dd hh:mm";
    });
    const wb = await XlsxWorkbook.load(new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer));
    expect(await wb.readSheet("Times")).toEqual([[46086.75], [1], [59]]);
  });
});
