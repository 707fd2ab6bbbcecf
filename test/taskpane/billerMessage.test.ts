import { describe, expect, it } from "vitest";
import { billerMessage } from "../../taskpane/billerMessage";
import { PlanRejected } from "../../src/workbook/port";

describe("billerMessage", () => {
  it("passes a refused plan's message through unchanged (it already says nothing was written)", () => {
    const m = billerMessage(
      new PlanRejected('Nothing was written: sheet "Payments" already holds a table.'),
      "Could not create the tables",
    );
    expect(m).toEqual({ title: "Could not create the tables", body: 'Nothing was written: sheet "Payments" already holds a table.' });
  });

  it("explains the Excel error codes an office meets instead of showing the code", () => {
    const m = billerMessage({ code: "InvalidOperationInCellEditMode", message: "x" }, "Could not check the rows");
    expect(m.body).toMatch(/^Excel says Excel is busy editing a cell/);
    expect(m.body).not.toContain("InvalidOperationInCellEditMode");
  });

  it("turns any other error's message into a sentence", () => {
    expect(billerMessage(new Error("the table is gone"), "T").body).toBe("The table is gone.");
    expect(billerMessage("already a sentence!", "T").body).toBe("Already a sentence!");
  });

  it("never shows an empty message", () => {
    for (const thrown of [undefined, null, 42, new Error(""), { code: "SomethingNew" }]) {
      expect(billerMessage(thrown, "T").body.length).toBeGreaterThan(20);
    }
  });
});
