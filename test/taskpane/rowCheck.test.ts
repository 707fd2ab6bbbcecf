import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { isoToSerial } from "../../src/dates";
import { checkRows } from "../../taskpane/setup/rowCheck";
import { charge, ledgerWorkbook, payment, posting } from "../ledger/ledgerFixtures";

const chargeHeaders = ["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code", "Amount"];
const good = (id: string, dos: number) => [id, "CL1", "P1", "MCR", dos, "99213", 125];

describe("Check rows", () => {
  it("reports each bad row as a sentence naming table, row and column, and counts per table", async () => {
    const dos = isoToSerial("2026-03-05");
    const wb = MemoryWorkbook.withTables([
      {
        name: "Charges",
        headers: chargeHeaders,
        rows: [good("C1", dos), ["C2", "CL1", "P1", "MCR", dos, "9921", 125], [null, null, null, null, null, null, null], good("C1", dos)],
      },
      { name: "Payments", headers: ["PaymentID", "Date", "Amount"], rows: [["PM1", dos, "$10.005"]] },
    ]);
    const check = await checkRows(wb);
    expect(check.tables).toEqual([
      { table: "Charges", rowsChecked: 3, rowsWithIssues: 2, issues: 2 },
      { table: "Payments", rowsChecked: 1, rowsWithIssues: 1, issues: 1 },
    ]);
    expect(check.issueCount).toBe(3);
    expect(check.shown[0]).toBe('Charges row 3, Code: code "9921" is not a CPT or HCPCS code');
    expect(check.shown[1]).toMatch(/^Charges row 5, ChargeID: "C1" is already used on row 2/);
    expect(check.shown[2]).toMatch(/^Payments row 2, Amount: .*fraction of a cent/);
  });

  it("lists only the first issues but counts them all", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`C${i}`, "CL", "P", "MCR", isoToSerial("2026-01-02"), "BAD", 1]);
    const check = await checkRows(MemoryWorkbook.withTables([{ name: "Charges", headers: chargeHeaders, rows }]), 200);
    expect(check.issueCount).toBe(250);
    expect(check.shown).toHaveLength(200);
    expect(check.shown[199]).toMatch(/^Charges row 201,/);
  });

  it("reads date serials in the workbook's own date system", async () => {
    // 1904 serial of 2026-03-05 is a valid date either way, but serial 0 is only a date in 1904.
    const rows = [["C1", "CL", "P", "MCR", 0, "99213", 1]];
    const in1904 = await checkRows(MemoryWorkbook.withTables([{ name: "Charges", headers: chargeHeaders, rows }], 1904));
    const in1900 = await checkRows(MemoryWorkbook.withTables([{ name: "Charges", headers: chargeHeaders, rows }], 1900));
    expect(in1904.issueCount).toBe(0);
    expect(in1900.issueCount).toBe(1);
    expect(in1900.shown[0]).toMatch(/^Charges row 2, DOS:/);
  });

  it("says a table without a required column cannot be read, and skips tables the workbook lacks", async () => {
    const wb = MemoryWorkbook.withTables([
      {
        name: "Charges",
        headers: ["ChargeID", "Note"],
        rows: [
          ["C1", "x"],
          ["C2", "y"],
        ],
      },
    ]);
    const check = await checkRows(wb);
    expect(check.tables.map((t) => t.table)).toEqual(["Charges"]);
    expect(check.tables[0].rowsWithIssues).toBe(2);
    expect(check.shown).toContain('Charges row 1, ClaimID: the table has no "ClaimID" column');
  });

  it("names a remittance posted twice and what to undo", async () => {
    const wb = ledgerWorkbook({
      charges: [charge("L1"), charge("L2")],
      payments: [
        payment("PM000123", 9000, { method: "ERA", reference: "1234" }),
        payment("PM000130", 9000, { method: "ERA", reference: "1234" }),
      ],
      postings: [
        posting("PS1", "L1", { paymentId: "PM000123", paid: 9000, source: "ERA" }),
        posting("PS2", "L1", { paymentId: "PM000130", paid: 9000, source: "ERA" }),
      ],
    });
    const check = await checkRows(wb);
    expect(check.issueCount).toBe(0);
    expect(check.duplicates).toEqual([
      "Payments PM000123 and PM000130 are the same remittance (MCR, trace 1234): undo PM000130 and its 1 posting with Reverse posting (1 line is posted twice).",
    ]);
  });

  it("names a remittance posted twice at the same moment, under one PaymentID and the same PostingIDs", async () => {
    const paid = posting("PS1", "L1", { paymentId: "PM1", paid: 9000, source: "ERA" });
    const era = payment("PM1", 9000, { method: "ERA", reference: "1234" });
    const check = await checkRows(ledgerWorkbook({ charges: [charge("L1")], payments: [era, era], postings: [paid, paid] }));
    expect(check.shown).toEqual([
      'Payments row 3, PaymentID: "PM1" is already used on row 2',
      'Postings row 3, PostingID: "PS1" is already used on row 2',
    ]);
    expect(check.duplicates).toEqual([
      "Payment PM1 is in Payments twice, the same remittance (MCR, trace 1234) posted at the same time, and 1 posting with it: undo one copy of it and of each of those postings with Reverse posting.",
    ]);
  });

  it("finds nothing posted twice in a ledger posted once", async () => {
    const wb = ledgerWorkbook({
      charges: [charge("L1")],
      payments: [payment("PM1", 9000)],
      postings: [posting("PS1", "L1", { paymentId: "PM1", paid: 9000 })],
    });
    expect((await checkRows(wb)).duplicates).toEqual([]);
  });
});
