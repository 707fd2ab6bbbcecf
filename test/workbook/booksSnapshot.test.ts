// The one staleness check every writer of a previewed plan uses (issue 12): a table's fingerprint
// changes with any cell, row or header and only then; the snapshot leaves Audit out; the refusal
// names the tables that changed and nothing is written; an unchanged workbook takes the plan.
import { describe, expect, it } from "vitest";
import { applyUnlessChanged, booksSnapshot, changedSince, staleMessage, tableFingerprint } from "../../src/workbook/booksSnapshot";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { WritePlan } from "../../src/workbook/plan";
import type { RawTable } from "../../src/workbook/port";

function table(rows: (string | number | null)[][], headers = ["PaymentID", "Amount"]): RawTable {
  return { name: "Payments", sheet: "Payments", headers, rowCount: rows.length, headerRow: 1, rows };
}

function book() {
  return MemoryWorkbook.withTables([
    { name: "Payments", headers: ["PaymentID", "Amount"], rows: [["PM1", 100]] },
    { name: "Postings", headers: ["PostingID", "PaymentID"], rows: [["PS1", "PM1"]] },
    { name: "Audit", headers: ["Time", "Action", "What", "Rows", "Totals"], rows: [] },
  ]);
}

const PLAN: WritePlan = {
  action: "Post payment",
  what: "PM2",
  ops: [{ kind: "appendRows", table: "Payments", rows: [{ PaymentID: "PM2", Amount: 50 }] }],
};

describe("a table's fingerprint", () => {
  it("is the same for the same cells and differs for any change", () => {
    const base = tableFingerprint(table([["PM1", 100]]));
    expect(tableFingerprint(table([["PM1", 100]]))).toBe(base);
    expect(tableFingerprint(table([["PM1", 101]]))).not.toBe(base);
    expect(tableFingerprint(table([["PM1", "100"]]))).not.toBe(base);
    expect(tableFingerprint(table([["PM1", null]]))).not.toBe(tableFingerprint(table([["PM1", ""]])));
    expect(tableFingerprint(table([["PM", "1100"]]))).not.toBe(tableFingerprint(table([["PM1", "100"]])));
    expect(tableFingerprint(table([["PM1", 100]], ["PaymentID", "Paid"]))).not.toBe(base);
    expect(
      tableFingerprint(
        table([
          ["PM1", 100],
          ["PM1", 100],
        ]),
      ),
    ).not.toBe(base);
    expect(tableFingerprint(undefined)).toBeNull();
  });
});

describe("applying a plan only while its tables are unchanged", () => {
  it("leaves Audit out of a snapshot: every write appends to it", async () => {
    const workbook = book();
    const snapshot = booksSnapshot(await workbook.readTables(["Payments", "Audit"]), ["Payments", "Audit"]);
    expect(Object.keys(snapshot.tables)).toEqual(["Payments"]);
  });

  it("refuses, naming the table, and writes nothing when a table changed", async () => {
    const workbook = book();
    const snapshot = booksSnapshot(await workbook.readTables(["Payments", "Postings"]), ["Payments", "Postings"]);
    await workbook.write([{ kind: "appendRows", table: "Payments", rows: [{ PaymentID: "PM9", Amount: 1 }] }]);
    expect(await changedSince(workbook, snapshot)).toEqual(["Payments"]);
    const before = structuredClone(workbook.sheets);
    const result = await applyUnlessChanged(workbook, PLAN, snapshot);
    expect(result).toEqual({
      ok: false,
      changed: ["Payments"],
      error:
        "The Payments table changed since this preview (someone else may be posting): preview again before posting. Nothing was written.",
    });
    expect(workbook.sheets).toEqual(before);
  });

  it("applies the plan, with its Audit row, when nothing changed", async () => {
    const workbook = book();
    const snapshot = booksSnapshot(await workbook.readTables(["Payments", "Postings"]), ["Payments", "Postings"]);
    const result = await applyUnlessChanged(workbook, PLAN, snapshot);
    expect(result.ok).toBe(true);
    const after = await workbook.readTables(["Payments", "Audit"]);
    expect(after.Payments!.rows).toHaveLength(2);
    expect(after.Audit!.rows).toHaveLength(1);
  });

  it("says which tables changed, in a sentence", () => {
    expect(staleMessage(["Payments", "Postings"])).toBe(
      "The Payments and Postings tables changed since this preview (someone else may be posting): preview again before posting. Nothing was written.",
    );
    expect(staleMessage(["Charges", "Payments", "Postings"], "issuing", "statements issued in between")).toBe(
      "The Charges, Payments and Postings tables changed since this preview (statements issued in between): preview again before issuing. Nothing was written.",
    );
  });
});
