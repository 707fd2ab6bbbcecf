// The same write plans through the memory adapter (the reference) and the xlsx adapter, then the
// xlsx file saved and opened again: all three must read back the same tables and sheets.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { isoToSerial, serialToIso, type DateSystem } from "../../src/dates";
import { MONEY_FORMAT } from "../../src/money";
import { parseTable } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan, newPlanId, type WritePlan } from "../../src/workbook/plan";
import { PlanRejected, type CellValue, type Workbook } from "../../src/workbook/port";
import { PRACTICE_SETTINGS, setupPlan } from "../../src/workbook/setup";
import { BILLING_TABLES, Charges, DATE_FORMAT, TEXT_FORMAT } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";

const NOW = new Date(2026, 2, 5, 9, 30, 5);
const DOS = isoToSerial("2026-03-05");
const BILLED = isoToSerial("2026-03-09");

// A blank cell is "" in memory when a plan wrote "", and null from a file (Excel has no empty
// text cells); both are blank to parseTable. Compared here as the same thing.
const blank = (v: CellValue) => (v === "" ? null : v);

/** A sheet's values as a user sees them: blanks alike, trailing empty rows and columns dropped. */
function usedRange(rows: CellValue[][] | undefined): CellValue[][] | undefined {
  if (!rows) return rows;
  const cells = rows.map((r) => r.map(blank));
  let height = cells.length;
  while (height > 0 && cells[height - 1].every((v) => v === null)) height--;
  const width = Math.max(0, ...cells.slice(0, height).map((r) => r.reduce<number>((w, v, i) => (v === null ? w : i + 1), 0)));
  return cells.slice(0, height).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

/** Everything the port can read of a workbook. */
async function snapshot(wb: Workbook) {
  const info = await wb.describe();
  const tables = await wb.readTables(info.tables.map((t) => t.name));
  const sheets: Record<string, CellValue[][] | undefined> = {};
  for (const name of info.sheets) sheets[name] = usedRange(await wb.readSheet(name));
  for (const t of Object.values(tables)) t!.rows = t!.rows.map((r) => r.map(blank));
  return { info, tables, sheets };
}

async function reloaded(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(await wb.save());
}

/** Every part of an .xlsx file, as text (zip timestamps aside, the file's whole content). */
async function fileParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [path, entry] of Object.entries(zip.files)) if (!entry.dir) out[path] = await entry.async("string");
  return out;
}

async function applyToBoth(workbooks: Workbook[], plan: WritePlan) {
  // One plan id for both, as the ids are random.
  const planId = newPlanId(NOW);
  return Promise.all(workbooks.map((wb) => applyPlan(wb, structuredClone(plan), NOW, planId)));
}

const visitsPlan: WritePlan = {
  action: "Import visits",
  what: "created the Visits table",
  ops: [
    {
      kind: "createTable",
      table: "Visits",
      sheet: "Visits",
      headers: ["Visit", "Patient", "DOS", "Amount", "Paid", "Seen", "Note"],
      numberFormats: [TEXT_FORMAT, TEXT_FORMAT, DATE_FORMAT, MONEY_FORMAT, null, null, TEXT_FORMAT],
      widths: [10, 10, 12, 12, null, 6, 30],
      rows: [
        ["V1", "P100", DOS, 150.25, null, true, "first visit"],
        ["V2", 1002, DOS + 1, 0, null, false, null],
        ["V3", "P101", null, 99.99, null, null, "=SUM(A1:A9)"],
      ],
    },
  ],
};

const chargesPlan: WritePlan = {
  action: "Add charges",
  what: "3 charges",
  totals: "$410.00",
  ops: [
    {
      kind: "appendRows",
      table: "charges",
      rows: [
        {
          chargeid: "C1",
          ClaimID: "CL1",
          PatientID: "P100",
          PayerID: "MCR",
          DOS,
          Code: "99213",
          Units: 1,
          Amount: 150,
          "Billed Date": BILLED,
        },
        { ChargeID: "C2", ClaimID: "CL1", PatientID: "P100", PayerID: "MCR", DOS, Code: "J1100", Mod1: "25", Units: 2.5, Amount: 200.5 },
        {
          ChargeID: "C3",
          claimid: "CL2",
          PATIENTID: "P101",
          PayerID: "SELF",
          DOS: DOS + 2,
          Code: "99214",
          Dx1: "+E11.9",
          Dx2: "-I10",
          Amount: 59.5,
          "Provider NPI": null,
        },
      ],
    },
    { kind: "appendRows", table: "Visits", rows: [{ visit: "V4", Paid: 10, Seen: true, Note: "@SUM(A1)" }] },
  ],
};

const columnAndReportPlan: WritePlan = {
  action: "Aging report",
  what: "aging by payer",
  ops: [
    { kind: "setColumn", table: "Visits", column: "paid", values: [150.25, 0, null, 10], numberFormat: MONEY_FORMAT },
    {
      kind: "reportSheet",
      sheet: "Aging",
      cells: [
        ["A/R aging by payer", null, null],
        [null, null, null],
        ["Payer", "0-30", "31-60"],
        ["MCR", 350.5, 0],
        ["SELF", 59.5, 12.25],
        ["Total", 410, 12.25],
      ],
      columns: [{ width: 20 }, { width: 12, numberFormat: MONEY_FORMAT }, { width: 12, numberFormat: MONEY_FORMAT }],
      headerRow: 2,
      boldRows: [0, 5],
    },
  ],
};

const laterReportPlan: WritePlan = {
  action: "Reports",
  what: "a second report, then aging again",
  ops: [
    {
      kind: "reportSheet",
      sheet: "Deposits",
      cells: [
        ["Deposit", "Amount"],
        ["EFT 1", 945],
      ],
      headerRow: 0,
    },
    {
      kind: "reportSheet",
      sheet: "aging",
      cells: [
        ["Payer", "0-30"],
        ["MCR", 1],
      ],
      headerRow: 0,
    },
  ],
};

/** The aging sheet again, laid out: a table of the summary, a percent row, a highlight and a chart. */
const laidOutReportPlan: WritePlan = {
  action: "Aging report",
  what: "aging with tables",
  ops: [
    {
      kind: "reportSheet",
      sheet: "Aging",
      cells: [
        ["A/R aging by payer", null, null],
        ["Payer", "0-30", "31-60"],
        ["MCR", 350.5, 0],
        ["SELF", 59.5, 12.25],
        ["% of total", 0.86, 0.14],
        [null, null, null],
        ["Credits", "Amount", null],
        ["P100", 5, null],
      ],
      columns: [{ width: 20 }, { numberFormat: MONEY_FORMAT }, { numberFormat: MONEY_FORMAT }],
      headerRow: 1,
      formats: [{ range: { row: 4, column: 1, rows: 1, columns: 2 }, numberFormat: "0.0%" }],
      tables: [
        { name: "Aging_Summary", range: { row: 1, column: 0, rows: 3, columns: 3 } },
        { name: "Aging_Credits", range: { row: 6, column: 0, rows: 2, columns: 2 } },
      ],
      highlights: [{ range: { row: 2, column: 2, rows: 2, columns: 1 }, greaterThan: 0, color: "#F8CBAD" }],
      charts: [
        {
          title: "A/R",
          type: "columnClustered",
          data: { row: 1, column: 0, rows: 3, columns: 3 },
          seriesBy: "rows",
          anchor: { row: 0, column: 4 },
        },
      ],
    },
  ],
};

async function billingWorkbooks(): Promise<[MemoryWorkbook, XlsxWorkbook]> {
  const memory = new MemoryWorkbook();
  const xlsx = XlsxWorkbook.create();
  const setup = setupPlan(await memory.describe())!;
  expect(setupPlan(await xlsx.describe())).toEqual(setup);
  await applyToBoth([memory, xlsx], setup);
  return [memory, xlsx];
}

describe("memory and xlsx adapters give the same workbook", () => {
  it("Setup on an empty workbook creates all 17 billing tables alike, before and after a save", async () => {
    const [memory, xlsx] = await billingWorkbooks();
    const expected = await snapshot(memory);
    expect(expected.info.tables.map((t) => t.name)).toEqual(BILLING_TABLES.map((t) => t.name));
    // One row per setting Setup knows (the list grows with the features that read settings).
    expect(expected.tables.Practice!.rows.length).toBe(PRACTICE_SETTINGS.length);
    expect(expected.tables.Audit!.rows).toEqual([
      [
        "2026-03-05 09:30:05",
        "Setup",
        expect.stringContaining("created 17 table(s)"),
        PRACTICE_SETTINGS.length,
        null,
        expect.stringMatching(/^P20260305-093005-/),
        "done",
      ],
    ]);
    expect(await snapshot(xlsx)).toEqual(expected);
    const again = await reloaded(xlsx);
    expect(await snapshot(again)).toEqual(expected);
    // The Setup check on the saved file finds nothing missing.
    expect(setupPlan(await again.describe())).toBeUndefined();
  });

  it("createTable, appendRows, setColumn and reportSheet plans read back the same everywhere", async () => {
    const [memory, xlsx] = await billingWorkbooks();
    for (const plan of [visitsPlan, chargesPlan, columnAndReportPlan, laterReportPlan]) {
      const [fromMemory, fromXlsx] = await applyToBoth([memory, xlsx], plan);
      expect(fromXlsx).toEqual(fromMemory);
    }
    const expected = await snapshot(memory);
    // What the plans did, checked once on the reference so the comparison below means something.
    // (The first plan that appends rows makes the hidden MedBill plans sheet, emptied once it is done.)
    expect(expected.info.sheets.slice(-5)).toEqual(["Audit", "Visits", "MedBill plans", "aging", "Deposits"]);
    expect(expected.tables.Visits!.rows).toEqual([
      ["V1", "P100", DOS, 150.25, 150.25, true, "first visit"],
      ["V2", 1002, DOS + 1, 0, 0, false, null],
      ["V3", "P101", null, 99.99, null, null, "=SUM(A1:A9)"],
      ["V4", null, null, null, 10, true, "@SUM(A1)"],
    ]);
    expect(expected.tables.Charges!.rows[2].slice(0, 6)).toEqual(["C3", "CL2", "P101", "SELF", null, DOS + 2]);
    expect(expected.tables.Audit!.rows.map((r) => r[1])).toEqual(["Setup", "Import visits", "Add charges", "Aging report", "Reports"]);
    expect(expected.sheets.aging).toEqual([
      ["Payer", "0-30"],
      ["MCR", 1],
    ]);

    expect(await snapshot(xlsx)).toEqual(expected);
    const again = await reloaded(xlsx);
    expect(await snapshot(again)).toEqual(expected);

    // Charges read from the saved file pass the schema check with dates and amounts intact.
    const parsed = parseTable(Charges, (await again.readTables(["Charges"])).Charges!);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => [r.chargeId, r.dos, r.amount, r.billedDate, r.dx1])).toEqual([
      ["C1", "2026-03-05", 15000, "2026-03-09", undefined],
      ["C2", "2026-03-05", 20050, undefined, undefined],
      ["C3", "2026-03-07", 5950, undefined, "+E11.9"],
    ]);
  });

  it("plans applied to the re-opened file keep matching the reference", async () => {
    const [memory, xlsx] = await billingWorkbooks();
    await applyToBoth([memory, xlsx], visitsPlan);
    let file = await reloaded(xlsx);
    // The laid-out report twice: the second replaces the first, its tables' names included.
    for (const plan of [chargesPlan, columnAndReportPlan, laterReportPlan, laidOutReportPlan, laidOutReportPlan]) {
      await applyToBoth([memory, file], plan);
      file = await reloaded(file);
    }
    const expected = await snapshot(memory);
    expect(expected.info.tables.filter((t) => t.sheet === "Aging").map((t) => t.name)).toEqual(["Aging_Summary", "Aging_Credits"]);
    expect(await snapshot(file)).toEqual(expected);
  });

  it("a plan refused by checkPlan leaves both workbooks exactly as they were", async () => {
    const [memory, xlsx] = await billingWorkbooks();
    await applyToBoth([memory, xlsx], visitsPlan);
    const memoryBefore = await snapshot(memory);
    const xlsxBefore = await snapshot(xlsx);
    const partsBefore = await fileParts(await xlsx.save());
    const refused: WritePlan = {
      action: "Bad",
      what: "one good op, then bad ones",
      ops: [
        { kind: "reportSheet", sheet: "Scratch", cells: [["x"]] },
        { kind: "appendRows", table: "Charges", rows: [{ ChargeID: "C9" }] },
        { kind: "appendRows", table: "Refunds", rows: [{ RefundID: "R1" }] },
        { kind: "setColumn", table: "Visits", column: "Paid", values: [1] },
      ],
    };
    for (const wb of [memory, xlsx]) await expect(applyPlan(wb, refused, NOW)).rejects.toBeInstanceOf(PlanRejected);
    expect(await snapshot(memory)).toEqual(memoryBefore);
    expect(await snapshot(xlsx)).toEqual(xlsxBefore);
    expect(await fileParts(await xlsx.save())).toEqual(partsBefore);
  });

  it("a 1904 workbook: dates go in and come back as 1904 serials of the right day", async () => {
    // An office's 1904 file (Excel for Mac used to default to it), with a dated table made outside the add-in.
    const source = new ExcelJS.Workbook();
    source.properties.date1904 = true;
    source.addWorksheet("Notes").getCell("A1").value = "Office notes";
    const deposits = source.addWorksheet("Deposits");
    deposits.addTable({
      name: "Deposits",
      ref: "A1",
      columns: [
        { name: "Deposit", filterButton: true },
        { name: "Date", filterButton: true },
      ],
      rows: [
        ["D1", new Date(Date.UTC(2026, 2, 5))],
        ["D2", new Date(Date.UTC(1999, 11, 31))],
      ],
    });
    deposits.getColumn(2).numFmt = DATE_FORMAT;
    const xlsx = await XlsxWorkbook.load(new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer));
    const memory = new MemoryWorkbook(
      [
        { name: "Notes", cells: [["Office notes"]] },
        {
          name: "Deposits",
          table: {
            name: "Deposits",
            headers: ["Deposit", "Date"],
            rows: [
              ["D1", isoToSerial("2026-03-05", 1904)],
              ["D2", isoToSerial("1999-12-31", 1904)],
            ],
          },
        },
      ],
      1904,
    );
    expect((await xlsx.describe()).dateSystem).toBe(1904);
    const deposited = (await xlsx.readTables(["Deposits"])).Deposits!.rows;
    expect(deposited).toEqual([
      ["D1", 44624],
      ["D2", 35063],
    ]);
    expect(deposited.map((r) => serialToIso(r[1] as number, 1904))).toEqual([
      { ok: true, value: "2026-03-05" },
      { ok: true, value: "1999-12-31" },
    ]);

    const system: DateSystem = 1904;
    await applyToBoth([memory, xlsx], setupPlan(await memory.describe())!);
    const charge = {
      ChargeID: "C1",
      ClaimID: "CL1",
      PatientID: "P1",
      PayerID: "MCR",
      DOS: isoToSerial("2026-03-05", system),
      Code: "99213",
      Amount: 80,
    };
    await applyToBoth([memory, xlsx], {
      action: "Add charges",
      what: "1 charge",
      ops: [{ kind: "appendRows", table: "Charges", rows: [charge] }],
    });
    const again = await reloaded(xlsx);
    expect(await snapshot(xlsx)).toEqual(await snapshot(memory));
    expect(await snapshot(again)).toEqual(await snapshot(memory));
    expect((await again.describe()).dateSystem).toBe(1904);

    const parsed = parseTable(Charges, (await again.readTables(["Charges"])).Charges!, system);
    expect(parsed.rows.map((r) => r.dos)).toEqual(["2026-03-05"]);
    // And Excel (here ExcelJS reading the saved file on its own) shows the same day.
    const check = new ExcelJS.Workbook();
    await check.xlsx.load((await again.save()) as unknown as ArrayBuffer);
    expect(check.properties.date1904).toBe(true);
    const dos = check.getWorksheet("Charges")!.getCell("F2");
    expect(dos.numFmt).toBe(DATE_FORMAT);
    expect(dos.value).toEqual(new Date(Date.UTC(2026, 2, 5)));
  });
});
