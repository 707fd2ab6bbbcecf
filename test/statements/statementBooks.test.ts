// Reading what statements need: the settings from the Practice table (Setup's defaults when a
// setting is missing or blank, a problem in words and the default when one does not read), the
// practice and remit-to blocks, and the books from a workbook in one read, missing tables named.
import { describe, expect, it } from "vitest";
import { addressText, readStatementBooks, statementBooks, statementSettings, STATEMENT_TABLES } from "../../src/statements/statementBooks";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue, RawTable, Workbook } from "../../src/workbook/port";
import { PRACTICE_SETTINGS, setupPlan } from "../../src/workbook/setup";
import { applyPlan } from "../../src/workbook/plan";
import { CHARGES, PRACTICE, fixtureWorkbook } from "./statementFixtures";

describe("statementSettings", () => {
  it("reads the practice's own settings", () => {
    const { settings, problems } = statementSettings(PRACTICE);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      practice: {
        name: "Lakeside Family Practice",
        addressLines: ["12 Harbor Rd", "Lakeside, IL 62701-1234"],
        phone: "217-555-0199",
        remitToLines: ["PO Box 77", "Lakeside, IL 62701-0077"],
      },
      dueDays: 30,
      cycleDays: 30,
      minBalance: 500,
      lineText: "Professional services",
      messages: {
        current: "Thank you. Please pay by the due date.",
        days31to60: "Past 30 days.",
        days61to90: "Past 60 days.",
        over90: "Past 90 days.",
      },
      invoiceTerms: "Net 15",
    });
  });

  it("takes Setup's defaults for settings a workbook set up before statements lacks or leaves blank", () => {
    const older = [
      { setting: "Practice Name", value: "Old Office" },
      { setting: "address", value: "1 Main St" },
      { setting: "Statement Cycle Days", value: "  " },
    ];
    const { settings, problems } = statementSettings(older);
    expect(problems).toEqual([]);
    const setup = new Map(PRACTICE_SETTINGS);
    expect(settings).toMatchObject({
      dueDays: 30,
      cycleDays: 30,
      minBalance: 500,
      lineText: "Professional services",
      invoiceTerms: "Net 30",
      messages: {
        current: setup.get("Statement Message"),
        days31to60: setup.get("Dunning 31-60"),
        days61to90: setup.get("Dunning 61-90"),
        over90: setup.get("Dunning 90+"),
      },
    });
    // No Remit-To Address: payments go to the practice's own address. Setting names match loosely.
    expect(settings.practice).toEqual({ name: "Old Office", addressLines: ["1 Main St"], remitToLines: ["1 Main St"] });
  });

  it("says which setting does not read, and uses the default until it is corrected", () => {
    const bad = PRACTICE.map((r) =>
      r.setting === "Statement Cycle Days"
        ? { ...r, value: "monthly" }
        : r.setting === "Statement Due Days"
          ? { ...r, value: "-3" }
          : r.setting === "Statement Minimum"
            ? { ...r, value: "five dollars" }
            : r,
    );
    const { settings, problems } = statementSettings(bad);
    expect(settings).toMatchObject({ dueDays: 30, cycleDays: 30, minBalance: 500 });
    expect(problems).toEqual([
      'Practice setting "Statement Due Days": "-3" is not a number of days from 0 to 366; 30 days are used until it is corrected.',
      'Practice setting "Statement Cycle Days": "monthly" is not a number of days from 0 to 366; 30 days are used until it is corrected.',
      'Practice setting "Statement Minimum": "five dollars" is not an amount of $0.00 or more; $5.00 is used until it is corrected.',
    ]);
  });

  it("names a missing practice name and address", () => {
    expect(statementSettings([]).problems).toEqual([
      'The Practice table has no "Practice Name": statements will show no practice name.',
      'The Practice table has no "Address": statements will show no practice address.',
    ]);
  });

  it("reads the practice block under the names claims read it by ('Phone #', 'Telephone', 'Street', 'Zip Code')", () => {
    // Statements once read only "Phone", "Address" and "ZIP": an office's "Telephone" reached the
    // claims and not the statements.
    const { settings } = statementSettings([
      { setting: "Practice Name", value: "Old Office" },
      { setting: "Street", value: "1 Main St" },
      { setting: "City", value: "Lakeside" },
      { setting: "State", value: "IL" },
      { setting: "Zip Code", value: "62701" },
      { setting: "Telephone", value: "217-555-0199" },
    ]);
    expect(settings.practice).toMatchObject({ addressLines: ["1 Main St", "Lakeside, IL 62701"], phone: "217-555-0199" });
    expect(statementSettings([{ setting: "Phone #", value: "217-555-0100" }]).settings.practice.phone).toBe("217-555-0100");
  });

  it("splits an address typed in one cell into its street and city lines", () => {
    expect(addressText("PO Box 5501, Sampleton, IL 62701-5501")).toEqual(["PO Box 5501", "Sampleton, IL 62701-5501"]);
    expect(addressText("Suite 4, 9 Elm St, Lakeside, IL 62701")).toEqual(["Suite 4, 9 Elm St", "Lakeside, IL 62701"]);
    expect(addressText("PO Box 5\nLakeside, IL 62701")).toEqual(["PO Box 5", "Lakeside, IL 62701"]);
    expect(addressText("Lockbox 12")).toEqual(["Lockbox 12"]);
  });
});

describe("readStatementBooks", () => {
  it("reads every table it needs in one call", async () => {
    const workbook = fixtureWorkbook();
    const calls: string[][] = [];
    const counting: Workbook = {
      host: "memory",
      describe: () => workbook.describe(),
      readTables: (names) => {
        calls.push(names);
        return workbook.readTables(names);
      },
      write: (ops) => workbook.write(ops),
      readSheet: (name) => workbook.readSheet(name),
    };
    const books = await readStatementBooks(counting);
    expect(calls).toEqual([STATEMENT_TABLES]);
    expect(books.problems).toEqual([]);
    expect(books.ledger.charges).toHaveLength(CHARGES.length);
    expect(books.patients.map((p) => p.patientId)).toContain("P10");
    expect(books.statements.map((s) => s.number)).toEqual(["S000005", "S000010", "S000011", "I000003"]);
    expect(books.settings.invoiceTerms).toBe("Net 15");
  });

  it("names missing tables and unreadable rows as problems instead of failing", async () => {
    const workbook = new MemoryWorkbook();
    await applyPlan(workbook, setupPlan(await workbook.describe())!);
    // A Patients row with a DOB that is no date.
    const tables = await workbook.readTables(["Patients"]);
    const patients = tables.Patients as RawTable;
    const row: CellValue[] = patients.headers.map((h) =>
      h === "PatientID" ? "P1" : h === "Last Name" ? "Doe" : h === "First Name" ? "Jane" : h === "DOB" ? "13/45/1960" : null,
    );
    await workbook.write([
      { kind: "appendRows", table: "Patients", rows: [Object.fromEntries(patients.headers.map((h, i) => [h, row[i]]))] },
    ]);
    const books = await readStatementBooks(workbook);
    expect(books.problems).toEqual([
      expect.stringMatching(/^Patients row 2, DOB: /),
      'The Practice table has no "Practice Name": statements will show no practice name.',
      'The Practice table has no "Address": statements will show no practice address.',
    ]);
    expect(books.patients).toEqual([]);

    const bare = await readStatementBooks(new MemoryWorkbook());
    expect(bare.problems.slice(0, 3)).toEqual([
      "The workbook has no Practice table (run Setup in the add-in to create it): statements show no practice name or address.",
      "The workbook has no Statements table (run Setup in the add-in to create it): issued statements can't be logged or numbered.",
      "The workbook has no Patients table (run Setup in the add-in to create it): no account can get a statement.",
    ]);
    expect(bare.problems).toContain("The workbook has no Charges table (run Setup in the add-in to create it).");
  });
});

describe("statementBooks", () => {
  it("names the office's own column header in a ledger problem, as readLedger does", async () => {
    // Statements once named our header ("PayerID") where the reports named the office's ("Payer").
    const workbook = fixtureWorkbook();
    const tables = await workbook.readTables(STATEMENT_TABLES);
    const charges = tables.Charges as RawTable;
    const payer = charges.headers.indexOf("PayerID");
    charges.headers[payer] = "Payer";
    charges.rows[0][payer] = "NOPE";
    const books = statementBooks(tables);
    expect(books.problems).toEqual([
      'Charges row 2, Payer: payer "NOPE" is not in the Payers table: the line is counted as billed to insurance',
    ]);
  });
});
