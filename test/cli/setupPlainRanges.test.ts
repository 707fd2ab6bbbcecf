// `medbill check` names the billing tables whose rows are on plain sheets and how to make them tables;
// `medbill setup --make-tables` makes them tables where they are, `--create-missing` adds the rest
// without a "Charges (2)" (issue 19 item 2). Only sheet names, headers and counts are printed.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal } from "./terminal";

const FIXTURE = path.join(import.meta.dirname, "..", "workbook", "fixtures", "office-plain-ranges.xlsx");
const { file } = tempFolder("medbill-plain-ranges-");
/** Names and ids of the fixture's patients: never printed. */
const PATIENT_DATA = ["Alder", "Jamie", "Birch", "555-0101", "1EG4TE5MK72"];

function copy(name: string): string {
  const out = file(name);
  copyFileSync(FIXTURE, out);
  return out;
}

describe("medbill check on an office's plain sheets", () => {
  it("names each sheet holding billing rows as a plain range, how its headers map, and how to make it a table", async () => {
    const t = terminal();
    expect(await t.run("check", FIXTURE)).toBe(1);
    expect(t.out).toContain("Billing tables: 1 of 17 present");
    expect(t.out).toContain(
      "Charges      not a table yet: sheet Charges holds Charges rows as a plain range (rows 2-41), headers in row 1",
    );
    expect(t.out).toContain(
      '  columns: ChargeID <- "Charge ID", ClaimID, PatientID <- "Patient ID", PayerID <- "Payer", DOS <- "Date of Service", POS, Code <- "CPT", Mod1, Dx1, Units, Amount',
    );
    expect(t.out).toContain("Plain ranges: 3");
    expect(t.out).toContain(
      `  Sheet Charges holds Charges rows as a plain range (rows 2-41): open Setup › Make it a table, or run medbill setup ${FIXTURE} --make-tables`,
    );
    expect(t.out).toContain(
      `  Sheet Patients holds Patients rows as a plain range (rows 4-11): open Setup › Make it a table, or run medbill setup ${FIXTURE} --make-tables`,
    );
    expect(t.out).toContain(
      `  Sheet Deposits holds Payments rows as a plain range (rows 2-3): open Setup › Make it a table, or run medbill setup ${FIXTURE} --make-tables`,
    );
    expect(t.out.at(-1)).toBe("Rows on plain sheets are not read until they are made tables (see Plain ranges above).");
    for (const text of PATIENT_DATA) expect(t.text()).not.toContain(text);
  });
});

describe("medbill setup", () => {
  it("without an option says what it would do and writes nothing", async () => {
    const book = copy("look.xlsx");
    const before = readFileSync(book);
    const t = terminal();
    expect(await t.run("setup", book)).toBe(0);
    expect(t.out).toContain("  Sheet Charges holds Charges rows as a plain range (rows 2-41).");
    expect(t.out).toContain("--make-tables would make 3 tables of the rows on plain sheets, where they are.");
    expect(t.out).toContain("--create-missing would add 13 tables, each on a sheet of its own.");
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("--make-tables makes the tables where the rows are; then check finds them and nothing plain", async () => {
    const book = copy("make.xlsx");
    const t = terminal();
    expect(await t.run("setup", book, "--make-tables")).toBe(0);
    expect(t.out).toContain("Sheet Charges, rows 2-41, 12 columns are now the table Charges; nothing was moved or changed.");
    expect(t.out).toContain("Sheet Patients, rows 4-11, 9 columns are now the table Patients; nothing was moved or changed.");
    expect(t.out.at(-1)).toBe(`Saved ${book}.`);
    for (const text of PATIENT_DATA) expect(t.text()).not.toContain(text);

    const check = terminal();
    expect(await check.run("check", book)).toBe(0);
    expect(check.out).toContain("Billing tables: 5 of 17 present");
    expect(check.out).toContain('Charges      sheet "Charges", 40 rows');
    expect(check.text()).not.toContain("Plain ranges");
    expect(check.out.at(-1)).toBe("No problems found.");
  });

  it("--create-missing with --make-tables: every table, none on a sheet like Charges (2)", async () => {
    const book = copy("both.xlsx");
    const t = terminal();
    expect(await t.run("setup", book, "--make-tables", "--create-missing")).toBe(0);
    expect(t.out).toContain("Created 13 tables, each on a sheet of its own.");
    const info = await (await XlsxWorkbook.load(new Uint8Array(readFileSync(book)))).describe();
    expect(info.tables).toHaveLength(17);
    expect(info.sheets.filter((s) => s.includes("("))).toEqual([]);
    expect(info.tables.find((t) => t.name === "Charges")).toMatchObject({ sheet: "Charges", rowCount: 40 });
  });

  it("a sheet with a blank header is left as it is and said; the others are made tables, exit 1", async () => {
    const made = new ExcelJS.Workbook();
    const charges = made.addWorksheet("Charges");
    charges.addRow(["Charge ID", "ClaimID", "Patient ID", "Payer", "Date of Service", "CPT", "Amount", null]);
    charges.addRow(["C1", "CL1", "P1", "AETNA", 46055, "99213", 125, "note"]);
    const patients = made.addWorksheet("Patients");
    patients.addRow(["Patient ID", "Last Name", "First Name"]);
    patients.addRow(["P1", "Alder", "Jamie"]);
    const book = file("blank-header.xlsx");
    writeFileSync(book, new Uint8Array((await made.xlsx.writeBuffer()) as ArrayBuffer));

    const t = terminal();
    expect(await t.run("setup", book, "--make-tables")).toBe(1);
    expect(t.out).toContain(
      '    It cannot be made a table yet: column H of sheet "Charges" has no header (cell H1 is blank): type one there, then try again.',
    );
    expect(t.out).toContain("Sheet Patients, row 2, 3 columns are now the table Patients; nothing was moved or changed.");
    expect(t.err).toEqual(["Not made a table: sheet Charges (see above)."]);
    const info = await (await XlsxWorkbook.load(new Uint8Array(readFileSync(book)))).describe();
    expect(info.tables.map((x) => x.name)).toEqual(["Patients", "Audit"]);
  });
});
