// `medbill check` names money posted twice (issue 12): the same remittance (payer + trace) in
// Payments twice, with what to undo, after the row problems; a clean book stays clean.
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { WriteOp } from "../../src/workbook/port";
import { Charges, Payers, Payments, Postings, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { charge, FIXTURE_PAYERS, payment, posting, tableOf, type FixtureTables } from "../ledger/ledgerFixtures";
import { tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-posted-twice-");

async function bookOf(name: string, tables: FixtureTables): Promise<string> {
  const book = XlsxWorkbook.create();
  const each: [TableDef, object[]][] = [
    [Charges, tables.charges],
    [Payments, tables.payments ?? []],
    [Postings, tables.postings ?? []],
    [Payers, tables.payers ?? FIXTURE_PAYERS],
  ];
  const ops: WriteOp[] = each.map(([def, rows]) => ({
    kind: "createTable",
    sheet: def.name,
    table: def.name,
    ...tableOf(def, rows, 1900),
  }));
  await book.write(ops);
  writeFileSync(file(name), await book.save());
  return file(name);
}

describe("medbill check and money posted twice", () => {
  it("lists the same remittance posted twice after the row problems, and exits 1", async () => {
    const path = await bookOf("twice.xlsx", {
      charges: [charge("L1"), charge("L2")],
      payments: [
        payment("PM000123", 9000, { method: "ERA", reference: "1234" }),
        payment("PM000130", 9000, { method: "ERA", reference: "1234" }),
      ],
      postings: [
        posting("PS1", "L1", { paymentId: "PM000123", paid: 6000, source: "ERA" }),
        posting("PS2", "L2", { paymentId: "PM000123", paid: 3000, source: "ERA" }),
        posting("PS3", "L1", { paymentId: "PM000130", paid: 6000, source: "ERA" }),
        posting("PS4", "L2", { paymentId: "PM000130", paid: 3000, source: "ERA" }),
      ],
    });
    const t = terminal();
    expect(await t.run("check", path)).toBe(1);
    const text = t.text();
    expect(text).not.toContain("No problems found.");
    expect(text).not.toContain("Problems:");
    expect(t.out.slice(-2)).toEqual([
      "Posted twice: 1",
      "  Payments PM000123 and PM000130 are the same remittance (MCR, trace 1234): undo PM000130 and its 2 postings with Reverse posting (2 lines are posted twice).",
    ]);
  });

  it("says nothing of it when each remittance is posted once", async () => {
    const path = await bookOf("once.xlsx", {
      charges: [charge("L1")],
      payments: [payment("PM1", 6000, { method: "ERA", reference: "1234" })],
      postings: [posting("PS1", "L1", { paymentId: "PM1", paid: 6000, source: "ERA" })],
    });
    const t = terminal();
    expect(await t.run("check", path)).toBe(0);
    expect(t.text()).not.toContain("Posted twice");
    expect(t.out[t.out.length - 1]).toBe("No problems found.");
  });
});
