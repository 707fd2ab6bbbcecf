// `medbill check` says when a write was cut short (issue 12): the plan left "started" in Audit,
// in the sentence Setup shows, and exits 1; once undone, the book is clean again.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/workbook/plan";
import type { Workbook, WriteOp } from "../../src/workbook/port";
import { setupPlan } from "../../src/workbook/setup";
import { undoPlan } from "../../src/workbook/unfinishedPlans";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-unfinished-");
const NOW = new Date(2026, 11, 6, 14, 3, 9);
const PLAN = "P20261206-140309-CLI1";

/** The workbook as a host left it when its write stopped after `k` ops. */
function cutAfter(workbook: Workbook, k: number): Workbook {
  return {
    host: workbook.host,
    describe: () => workbook.describe(),
    readTables: (names) => workbook.readTables(names),
    readSheet: (name) => workbook.readSheet(name),
    write: async (ops: WriteOp[]) => {
      await workbook.write(ops.slice(0, k));
      throw new Error("cut short");
    },
  };
}

describe("medbill check and a write cut short", () => {
  it("prints the unfinished plan's sentence and exits 1; after Undo it says nothing of it", async () => {
    const book = XlsxWorkbook.create();
    await applyPlan(book, setupPlan(await book.describe())!, NOW);
    const plan = {
      action: "Post payment",
      what: "check 55: 2 lines",
      ops: [
        { kind: "appendRows", table: "Payments", rows: [{ PaymentID: "PM1", Date: 46001, Amount: 80 }] },
        {
          kind: "appendRows",
          table: "Postings",
          rows: [
            { PostingID: "T1", PaymentID: "PM1", ChargeID: "C1", Date: 46001, Paid: 40 },
            { PostingID: "T2", PaymentID: "PM1", ChargeID: "C2", Date: 46001, Paid: 40 },
          ],
        },
      ] satisfies WriteOp[],
    };
    // The Audit row, the table and rows of the plan's copy, the Postings: the Payments row and the done-mark never came.
    await applyPlan(cutAfter(book, 4), plan, NOW, PLAN).catch(() => undefined);
    writeFileSync(file("cut.xlsx"), await book.save());
    const t = terminal();
    expect(await t.run("check", file("cut.xlsx"))).toBe(1);
    expect(t.out).toContain("Unfinished changes: 1");
    expect(t.out).toContain(
      `  A posting started on 2026-12-06 14:03 (Post payment, plan ${PLAN}) was not finished: 2 of its 3 rows are in the workbook. Finish it or undo it in Setup.`,
    );

    await undoPlan(book, PLAN);
    writeFileSync(file("undone.xlsx"), await book.save());
    const again = terminal();
    await again.run("check", file("undone.xlsx"));
    expect(again.text()).not.toContain("Unfinished");
  });
});
