// Balances from tables as a sheet holds them: each line's answer, or the reason a row it rests on
// stops it. The same rules MEDBILL.BALANCES shows in cells, here without a spreadsheet.
import { describe, expect, it } from "vitest";
import { answerForLine, balancesInTables, NOT_YET_SERVED, whyNoAnswers } from "../../src/ledger/balancesInTables";
import type { CellValue, RawTable } from "../../src/workbook/port";
import { Charges, Payers, Payments, Postings, type TableDef } from "../../src/workbook/tables";
import { charge, FIXTURE_PAYERS, payment, posting, tableOf } from "./ledgerFixtures";

function raw(def: TableDef, rows: object[], edit?: (cells: CellValue[][], headers: string[]) => void): RawTable {
  const table = tableOf(def, rows, 1900);
  edit?.(table.rows, table.headers);
  return { name: def.name, sheet: def.name, headers: table.headers, rowCount: table.rows.length, headerRow: 1, rows: table.rows };
}

const CHARGES = [charge("L1"), charge("L2", { dos: "2026-03-01" }), charge("L3")];
const PAYMENTS = [payment("PM1", 7000)];
const POSTINGS = [
  posting("PS1", "L1", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45", patientResp: 1000 }),
  posting("PS2", "L3", { paymentId: "PM1", paid: 1000 }),
];

describe("balancesInTables", () => {
  const tables = {
    charges: raw(Charges, CHARGES),
    postings: raw(Postings, POSTINGS),
    payments: raw(Payments, PAYMENTS),
    payers: raw(Payers, FIXTURE_PAYERS),
  };

  it("answers each line in cents, any case of its ID", () => {
    const book = balancesInTables(tables);
    expect(whyNoAnswers(book, "patient")).toBeUndefined();
    expect(answerForLine(book, "l1", "balance")).toEqual({ ok: true, value: 2000 });
    expect(answerForLine(book, "L1", "patient")).toEqual({ ok: true, value: 1000 });
    expect(answerForLine(book, "L1", "adjustments")).toEqual({ ok: true, value: 2000 });
    expect(answerForLine(book, "L9", "balance")).toEqual({ ok: false, notFound: true, reason: "no charge line L9" });
  });

  it("as of a date, a line served later owes nothing yet", () => {
    const book = balancesInTables(tables, "2026-02-15");
    expect(answerForLine(book, "L2", "balance")).toEqual({ ok: true, value: 0 });
    expect(answerForLine(book, "L2", "status")).toEqual({ ok: true, value: NOT_YET_SERVED });
  });

  it("without Payments, the split is refused and the balance still answers", () => {
    const book = balancesInTables({ charges: tables.charges, postings: tables.postings });
    expect(whyNoAnswers(book, "insurance")).toMatch(/needs the Payments table/);
    expect(whyNoAnswers(book, "balance")).toBeUndefined();
    expect(answerForLine(book, "L1", "balance")).toEqual({ ok: true, value: 2000 });
  });

  it("a bad posting stops only the line it names, with its row", () => {
    const postings = raw(Postings, POSTINGS, (rows, headers) => {
      rows[1][headers.indexOf(Postings.fields.paid.header)] = "lots";
    });
    const book = balancesInTables({ ...tables, postings });
    const l3 = answerForLine(book, "L3", "balance");
    expect(l3.ok).toBe(false);
    expect(!l3.ok && l3.reason).toMatch(/^Postings row 3.*fix that posting to see this line's balance\)$/);
    expect(answerForLine(book, "L1", "balance")).toEqual({ ok: true, value: 2000 });
  });

  it("a missing table makes no answer possible", () => {
    expect(whyNoAnswers(balancesInTables({ charges: tables.charges }), "balance")).toBe(
      "the Postings table is missing: pass it with its headers, like Postings[#All]",
    );
  });
});
