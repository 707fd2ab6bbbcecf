import { describe, expect, it } from "vitest";
import { describeIssue, mapColumns, parseTable, rowToCells } from "../../src/workbook/mapTable";
import { Charges, Patients, Postings, BILLING_TABLES } from "../../src/workbook/tables";
import type { RawTable } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { readLedger } from "../../src/ledger/ledger";
import { ledgerProblems } from "../../src/ledger/ledgerProblems";

const raw = (headers: string[], rows: RawTable["rows"], name = "Charges"): RawTable => ({
  name,
  sheet: name,
  headers,
  rows,
  rowCount: rows.length,
  headerRow: 1,
});

describe("header aliases", () => {
  it("finds an office's own headers for our fields and keeps extra columns", () => {
    const m = mapColumns(Charges, ["Charge #", "Claim Number", "Acct", "Insurance", "Date of Service", "CPT", "Charge Amount", "Notes"]);
    expect(m.columns.chargeId).toEqual({ header: "Charge #", index: 0 });
    expect(m.columns.patientId.header).toBe("Acct");
    expect(m.columns.dos.header).toBe("Date of Service");
    expect(m.columns.code.header).toBe("CPT");
    expect(m.columns.amount.header).toBe("Charge Amount");
    expect(m.extras).toEqual(["Notes"]);
    expect(m.missingRequired).toEqual([]);
    expect(m.missingOptional).toContain("billedDate");
  });

  it("treats DOS, Service Date and date_of_service as one field", () => {
    for (const h of ["DOS", "Service Date", "date_of_service", "DATE OF SERVICE"]) {
      expect(mapColumns(Charges, [h]).columns.dos?.header).toBe(h);
    }
  });

  it("lets a canonical header win over another field's alias", () => {
    // "Date" is an alias of DOS in Charges, but in Postings it is the canonical posting date.
    const m = mapColumns(Postings, ["PostingID", "ChargeID", "Date", "Paid"]);
    expect(m.columns.date.header).toBe("Date");
  });

  it("names the required columns a table lacks", () => {
    expect(mapColumns(Charges, ["ChargeID", "Code"]).missingRequired).toEqual(["claimId", "patientId", "payerId", "dos", "amount"]);
  });

  it("gives every billing table distinct canonical headers", () => {
    for (const def of BILLING_TABLES) {
      const headers = Object.values(def.fields as Record<string, { header: string }>).map((f) => f.header);
      const m = mapColumns(def, headers);
      expect(m.extras, def.name).toEqual([]);
      expect(Object.keys(m.columns).length, def.name).toBe(headers.length);
    }
  });
});

describe("parseTable", () => {
  const headers = ["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code", "Mod1", "Units", "Amount", "Notes"];

  it("turns cells into engine values: cents, ISO dates, text ids", () => {
    const t = parseTable(Charges, raw(headers, [[1001, "C-1", "00042", "MCR", 46086, "99213", "25", 1, "$125.50", "kept"]]));
    expect(t.issues).toEqual([]);
    expect(t.rows[0]).toMatchObject({
      chargeId: "1001",
      patientId: "00042",
      dos: "2026-03-05",
      code: "99213",
      mod1: "25",
      units: 1,
      amount: 12550,
    });
    expect(t.sheetRows).toEqual([2]);
  });

  it("reads serial dates in a 1904 workbook", () => {
    const t = parseTable(Charges, raw(headers, [["1", "C", "P", "MCR", 44624, "99213", null, 1, 10, null]]), 1904);
    expect(t.rows[0].dos).toBe("2026-03-05");
  });

  it("reports each bad cell with table, sheet row, column and reason, and leaves the row out", () => {
    const t = parseTable(
      Charges,
      raw(headers, [
        ["1", "C", "P", "MCR", "2026-03-05", "99213", null, 1, 10, null],
        ["2", "C", "P", "MCR", "13/45/2026", "9921", null, 1, 10, null],
        [null, null, null, null, null, null, null, null, null, null],
        ["3", "C", "P", "MCR", "2026-03-05", "99213", null, 0, "abc", null],
        ["1", "C", "P", "MCR", "2026-03-05", "99213", null, 1, 10, null],
      ]),
    );
    expect(t.rows.map((r) => r.chargeId)).toEqual(["1"]);
    expect(t.issues.map(describeIssue)).toEqual([
      'Charges row 3, DOS: "13/45/2026" is not a real calendar date',
      'Charges row 3, Code: code "9921" is not a CPT or HCPCS code',
      'Charges row 5, Units: units must be more than 0, not "0"',
      'Charges row 5, Amount: "abc" is not an amount (write it like 1234.50 or $1,234.50)',
      'Charges row 6, ChargeID: "1" is already used on row 2',
    ]);
  });

  it("reads a procedure code by the rule MEDBILL.CPT uses: an anesthesia code in a number cell is 00100, a modifier 25 is 25", () => {
    const t = parseTable(
      Charges,
      raw(headers, [
        ["1", "C", "P", "MCR", "2026-03-05", 100, 25, 1, 10, null],
        ["2", "C", "P", "MCR", "2026-03-05", 1967, null, 1, 10, null],
        ["3", "C", "P", "MCR", "2026-03-05", " j1100 ", "lt", 1, 10, null],
      ]),
    );
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => [r.code, r.mod1])).toEqual([
      ["00100", "25"],
      ["01967", undefined],
      ["J1100", "LT"],
    ]);
  });

  it("reports every row it leaves out for a bad procedure code or modifier: no line drops out silently", () => {
    const rows: RawTable["rows"] = [
      ["1", "C", "P", "MCR", "2026-03-05", 12, null, 1, 10, null],
      ["2", "C", "P", "MCR", "2026-03-05", "D0120", null, 1, 10, null],
      ["3", "C", "P", "MCR", "2026-03-05", "99213", -25, 1, 10, null],
      ["4", "C", "P", "MCR", "2026-03-05", "99213", null, 1, 10, null],
    ];
    const t = parseTable(Charges, raw(headers, rows));
    expect(t.rows.map((r) => r.chargeId)).toEqual(["4"]);
    expect(t.issues.map(describeIssue)).toEqual([
      'Charges row 2, Code: code "12" is not a CPT or HCPCS code',
      'Charges row 3, Code: code "D0120" is not a CPT or HCPCS code',
      'Charges row 4, Mod1: modifier "-25" must be 2 letters or digits',
    ]);
    expect(new Set([...t.sheetRows, ...t.issues.map((issue) => issue.row)]).size).toBe(rows.length);
  });

  it("shows a line left out for its code among the ledger's problems, and keeps a numeric anesthesia code as 00100", async () => {
    const workbook = new MemoryWorkbook([
      {
        name: "Charges",
        table: {
          name: "Charges",
          headers,
          rows: [
            ["1", "C", "P", "MCR", 46086, 100, null, 1, 10, null],
            ["2", "C", "P", "MCR", 46086, "9921", null, 1, 10, null],
          ],
        },
      },
    ]);
    const { ledger, tables } = await readLedger(workbook);
    expect(ledger.charges.map((c) => [c.chargeId, c.code])).toEqual([["1", "00100"]]);
    expect(ledgerProblems(ledger, tables)).toContain('Charges row 3, Code: code "9921" is not a CPT or HCPCS code');
  });

  it("says a required cell is blank", () => {
    const t = parseTable(Charges, raw(headers, [["1", "C", "P", "MCR", "2026-03-05", "99213", null, 1, "  ", null]]));
    expect(t.issues.map(describeIssue)).toEqual(["Charges row 2: Amount is blank"]);
  });

  it("reports a missing required column once instead of every row", () => {
    const t = parseTable(
      Patients,
      raw(
        ["PatientID", "First Name"],
        [
          ["1", "Ann"],
          ["2", "Bo"],
        ],
        "Patients",
      ),
    );
    expect(t.rows).toEqual([]);
    expect(t.issues.map(describeIssue)).toEqual(['Patients row 1, Last Name: the table has no "Last Name" column']);
  });

  it("writes engine values back under the office's own headers", () => {
    const m = mapColumns(Charges, ["Charge #", "Date of Service", "Charge Amount", "Notes"]);
    expect(rowToCells(Charges, m, { chargeId: "9", dos: "2026-03-05", amount: 12550, units: 2 })).toEqual({
      "Charge #": "9",
      "Date of Service": 46086,
      "Charge Amount": 125.5,
    });
    expect(rowToCells(Charges, m, { dos: "2026-03-05" }, 1904)).toEqual({ "Date of Service": 44624 });
  });
});
