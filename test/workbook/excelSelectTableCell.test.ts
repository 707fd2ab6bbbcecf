// Going to a problem's cell in Excel (ExcelWorkbook.selectTableCell) and recalculating after a code-set
// import, on the counting fake: the right sheet cell for a table placed anywhere on its sheet, found by
// header whatever its case, in two syncs; a table, column or row that is gone said in words, nothing selected.
import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../src/workbook/excel/excelWorkbook";
import { FakeExcel } from "./fakeExcel";

function charges(fake: FakeExcel) {
  fake.addSheet("Notes");
  // Header on sheet row 3, first column C: body row 0 is sheet index 3, "Dx1" is the third column (index 4).
  return fake.addTable(
    "Charges",
    ["ChargeID", "Code", "dx1"],
    [
      ["C1", "99213", "I10"],
      ["C2", "99214", "E11"],
    ],
    { top: 2, left: 2 },
  );
}

describe("ExcelWorkbook.selectTableCell", () => {
  it("activates the table's sheet and selects the cell by body row and header, in two syncs", async () => {
    const fake = new FakeExcel();
    charges(fake);
    fake.resetCounts();
    await new ExcelWorkbook(fake.run).selectTableCell("Charges", 1, "Dx1");
    expect(fake.syncs).toBe(2);
    expect(fake.activeSheet?.name).toBe("Charges");
    expect(fake.selection).toEqual({ sheet: "Charges", top: 4, left: 4, rows: 1, columns: 1 });
  });

  it("says why when the table, the column or the row is gone, and selects nothing", async () => {
    const fake = new FakeExcel();
    charges(fake);
    const excel = new ExcelWorkbook(fake.run);
    await expect(excel.selectTableCell("Payments", 0, "Code")).rejects.toThrow("The Payments table is no longer in this workbook");
    await expect(excel.selectTableCell("Charges", 0, "Mod1")).rejects.toThrow('The Charges table has no "Mod1" column any more');
    await expect(excel.selectTableCell("Charges", 2, "Code")).rejects.toThrow("fewer rows than when it was checked");
    fake.resetCounts();
    await expect(excel.selectTableCell("Charges", -1, "Code")).rejects.toThrow("There is no row -1 in the Charges table");
    expect(fake.syncs).toBe(0);
    expect(fake.selection).toBeUndefined();
    expect(fake.activeSheet).toBeUndefined();
  });

  it("says so when the table's sheet is hidden", async () => {
    const fake = new FakeExcel();
    charges(fake);
    fake.sheet("Charges")!.visibility = "Hidden";
    await expect(new ExcelWorkbook(fake.run).selectTableCell("Charges", 0, "Code")).rejects.toThrow(/hidden or protected/);
    expect(fake.selection).toBeUndefined();
  });
});

describe("ExcelWorkbook.recalculate", () => {
  it("asks Excel for a full recalculation in one sync", async () => {
    const fake = new FakeExcel();
    await new ExcelWorkbook(fake.run).recalculate();
    expect(fake.calculations).toEqual(["Full"]);
    expect(fake.syncs).toBe(1);
  });
});
