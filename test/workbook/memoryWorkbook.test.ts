import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { inspectWorkbook, setupPlan } from "../../src/workbook/setup";
import { PlanRejected } from "../../src/workbook/port";
import { BILLING_TABLES } from "../../src/workbook/tables";

const NOW = new Date(2026, 10, 27, 9, 30, 5);

describe("write plans on the memory workbook", () => {
  it("applies every op and appends one Audit row, creating the Audit table when missing", async () => {
    const wb = MemoryWorkbook.withTables([
      {
        name: "Charges",
        headers: ["ChargeID", "Amount", "Billed Date"],
        rows: [
          ["1", 10, null],
          ["2", 20, null],
        ],
      },
    ]);
    const result = await applyPlan(
      wb,
      {
        action: "Test",
        what: "two ops",
        totals: "$30.00",
        ops: [
          { kind: "appendRows", table: "charges", rows: [{ chargeid: "3", AMOUNT: 5 }] },
          { kind: "setColumn", table: "Charges", column: "Billed Date", values: [46086, 46087, null] },
          {
            kind: "reportSheet",
            sheet: "Aging 2026-10-31",
            cells: [
              ["Payer", "Total"],
              ["MCR", 12.5],
            ],
            headerRow: 0,
          },
        ],
      },
      NOW,
    );
    expect(result).toMatchObject({ rowsAppended: 2, cellsSet: 3, sheetsWritten: ["Aging 2026-10-31"], tablesCreated: ["Audit"] });
    const t = await wb.readTables(["Charges", "Audit"]);
    // The Charges table had no Plan column: the plan adds it, and only its own row carries the id.
    expect(t.Charges!.rows).toEqual([
      ["1", 10, 46086, null],
      ["2", 20, 46087, null],
      ["3", 5, null, result.planId],
    ]);
    expect(t.Audit!.rows).toEqual([["2026-11-27 09:30:05", "Test", "two ops", 4, "$30.00", result.planId, "done"]]);
    expect(await wb.readSheet("Aging 2026-10-31")).toEqual([
      ["Payer", "Total"],
      ["MCR", 12.5],
    ]);
  });

  it("refuses a plan with any bad op and writes nothing", async () => {
    const wb = MemoryWorkbook.withTables([{ name: "Charges", headers: ["ChargeID"], rows: [["1"]] }]);
    const before = structuredClone(wb.sheets);
    const attempt = applyPlan(wb, {
      action: "Test",
      what: "bad",
      ops: [
        { kind: "appendRows", table: "Charges", rows: [{ ChargeID: "2" }] },
        { kind: "appendRows", table: "Payments", rows: [{ PaymentID: "P1" }] },
        { kind: "setColumn", table: "Charges", column: "ChargeID", values: ["a", "b", "c"] },
        { kind: "appendRows", table: "Charges", rows: [{ Nope: 1 }] },
      ],
    });
    await expect(attempt).rejects.toThrow(PlanRejected);
    await expect(attempt).rejects.toThrow(/no table named Payments.*changed since it was read.*no column "Nope"/);
    expect(wb.sheets).toEqual(before);
  });

  it("names the first twenty problems of a plan and counts the rest, so one bad row per line stays readable", async () => {
    const wb = new MemoryWorkbook();
    const rows = Array.from({ length: 30 }, (_, i) => [`L${i + 1}`]);
    const error = await wb
      .write([{ kind: "createTable", table: "Lines", sheet: "Lines", headers: ["A", "B"], rows }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanRejected);
    const message = (error as Error).message;
    expect(message).toContain("table Lines row 20 has 1 values for 2 columns");
    expect(message).not.toContain("row 21 ");
    expect(message).toMatch(/; and 10 more like them\.$/);
    expect(wb.sheets).toEqual([]);
  });

  it("replaces a report sheet of the same name instead of adding a second", async () => {
    const wb = new MemoryWorkbook();
    await wb.write([{ kind: "reportSheet", sheet: "Aging", cells: [["old"], ["old"]] }]);
    await wb.write([{ kind: "reportSheet", sheet: "aging", cells: [["new"]] }]);
    expect((await wb.describe()).sheets).toEqual(["aging"]);
    expect(await wb.readSheet("Aging")).toEqual([["new"]]);
  });

  it("refuses to overwrite a billing table with a report", async () => {
    const wb = MemoryWorkbook.withTables([{ name: "Charges", headers: ["ChargeID"], rows: [] }]);
    await expect(wb.write([{ kind: "reportSheet", sheet: "Charges", cells: [] }])).rejects.toThrow(/holds a billing table/);
  });
});

describe("Setup", () => {
  it("lists present and missing tables with their column mapping", async () => {
    const wb = MemoryWorkbook.withTables([
      { name: "Charges", headers: ["Charge #", "Date of Service", "CPT", "Notes"], rows: [["1", 46086, "99213", "x"]] },
    ]);
    const status = inspectWorkbook(await wb.describe());
    expect(status.map((s) => s.table)).toEqual(BILLING_TABLES.map((d) => d.name));
    const charges = status.find((s) => s.table === "Charges")!;
    expect(charges).toMatchObject({ present: true, sheet: "Charges", rowCount: 1 });
    expect(charges.mapping!.columns.dos.header).toBe("Date of Service");
    expect(charges.mapping!.missingRequired).toEqual(["claimId", "patientId", "payerId", "amount"]);
    expect(charges.mapping!.extras).toEqual(["Notes"]);
    // Every billing table but Charges.
    expect(status.filter((s) => !s.present)).toHaveLength(BILLING_TABLES.length - 1);
  });

  it("creates only the missing tables, on free sheet names, with their headers, and audits it", async () => {
    const wb = new MemoryWorkbook([{ name: "Payers", cells: [["the office's own notes"]] }]);
    wb.sheets.push({ name: "Charges", table: { name: "Charges", headers: ["ChargeID"], rows: [] } });
    const plan = setupPlan(await wb.describe())!;
    expect(plan.ops.map((o) => o.kind === "createTable" && o.table)).not.toContain("Charges");
    await applyPlan(wb, plan, NOW);
    const info = await wb.describe();
    expect(info.tables.map((t) => t.name).sort()).toEqual(BILLING_TABLES.map((d) => d.name).sort());
    expect(info.tables.find((t) => t.name === "Payers")!.sheet).toBe("Payers (2)");
    expect(await wb.readSheet("Payers")).toEqual([["the office's own notes"]]);
    expect(info.tables.find((t) => t.name === "Charges")!.headers).toEqual(["ChargeID"]);
    const audit = (await wb.readTables(["Audit"])).Audit!;
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0][1]).toBe("Setup");
    expect(setupPlan(info)).toBeUndefined();
  });
});
