// Where a claim problem is fixed: the one finder the terminal (a row) and the Claims panel (a cell)
// share. A Patients or Payers problem is on the claim's patient's or payer's row, a Practice one on
// the setting's row in the Value column; a row is found even when the column to fix is not there.
import { describe, expect, it } from "vitest";
import type { Claim, ScrubProblem } from "../../src/claims/model";
import { problemCell, problemPlaces } from "../../src/claims/problemPlaces";
import type { RawTable } from "../../src/workbook/port";

const TABLES: Record<string, RawTable> = {
  Patients: {
    name: "Patients",
    sheet: "Accounts",
    headerRow: 3,
    rowCount: 2,
    headers: ["Patient ID", "Last Name", "First Name", "DOB"],
    rows: [
      [" p2 ", "Sampleman", "Sam", null],
      ["P1", "Testperson", "Alex", null],
    ],
  },
  Payers: {
    name: "Payers",
    sheet: "Payers",
    headerRow: 1,
    rowCount: 1,
    headers: ["PayerID", "Name", "Type"],
    rows: [["SHP", "Sample", "Commercial"]],
  },
  Practice: {
    name: "Practice",
    sheet: "Practice",
    headerRow: 1,
    rowCount: 2,
    headers: ["Setting", "Value"],
    rows: [
      ["Practice Name", "Sampleton"],
      ["Phone #", null],
    ],
  },
};

const claim = { patient: { patientId: "P2" }, payer: { payerId: "shp" } } as Claim;
const problem = (table: string, column: string, row?: number): ScrubProblem => {
  const found: ScrubProblem = { rule: "r", severity: "error", claimId: "C1", where: { table, column }, message: "Fix it" };
  if (row !== undefined) found.where.row = row;
  return found;
};

describe("problemPlaces", () => {
  const places = problemPlaces(TABLES);

  it("finds the patient's and the payer's rows by ID, case and spaces aside", () => {
    expect(places(problem("Patients", "dob"), claim)).toEqual({
      table: "Patients",
      sheet: "Accounts",
      row: 4,
      bodyIndex: 0,
      column: "DOB",
    });
    expect(places(problem("Payers", "X12 Payer ID"), claim)).toEqual({ table: "Payers", sheet: "Payers", row: 2, bodyIndex: 0 });
  });

  it("finds a setting's row by any spelling of its name", () => {
    expect(places(problem("Practice", "Phone"), claim)).toMatchObject({ row: 3, bodyIndex: 1, column: "Value" });
  });

  it("finds nothing without the claim, for another table's problem with no row, or a row outside the table", () => {
    expect(places(problem("Patients", "DOB"))).toBeUndefined();
    expect(places(problem("Providers", "NPI"), claim)).toBeUndefined();
    expect(places(problem("Patients", "DOB", 9), claim)).toBeUndefined();
  });
});

describe("problemCell", () => {
  it("is the place with its column, and none when the table has no such column (the terminal still names the row)", () => {
    expect(problemCell(problem("Patients", "DOB"), claim, TABLES)).toEqual({
      table: "Patients",
      sheet: "Accounts",
      row: 4,
      bodyIndex: 0,
      column: "DOB",
    });
    expect(problemCell(problem("Payers", "X12 Payer ID"), claim, TABLES)).toBeUndefined();
  });
});
