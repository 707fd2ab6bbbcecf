// Code sets kept in the workbook: the import plan (a hidden table per set, the CodeSets list), the
// refusal of a set already loaded, and loading back in one read with damaged rows reported, not fatal.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { readCodeSetFile } from "../../src/codes/codeSetFiles";
import { CodeSetLibrary, type ParsedCodeSet } from "../../src/codes/codeSetLibrary";
import { codeSetImportPlan, codeSetsFromTables, codeSetTableName, loadCodeSets } from "../../src/codes/codeSetStore";
import { isoToSerial } from "../../src/dates";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { PlanRejected, type CreateTableOp, type RawTable } from "../../src/workbook/port";
import { DATE_FORMAT, TEXT_FORMAT } from "../../src/workbook/tables";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const NOW = new Date(2026, 10, 27, 10, 0, 0);

async function fixtureSet(name: string, options = {}): Promise<ParsedCodeSet> {
  const result = await readCodeSetFile(name, new Uint8Array(readFileSync(path.join(fixtures, name))), options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function importInto(workbook: MemoryWorkbook, set: ParsedCodeSet, importedOn = "2026-11-27", loaded?: CodeSetLibrary) {
  return applyPlan(workbook, codeSetImportPlan(await workbook.describe(), set, importedOn, loaded), NOW);
}

const raw = (name: string, headers: string[], rows: RawTable["rows"]): RawTable => ({
  name,
  sheet: name,
  headers,
  rows,
  rowCount: rows.length,
  headerRow: 1,
});

describe("the import plan", () => {
  it("writes the set on its own hidden sheet and creates the hidden CodeSets list on first import", async () => {
    const set = await fixtureSet("icd10cm_order_2024.txt");
    const workbook = new MemoryWorkbook();
    const plan = codeSetImportPlan(await workbook.describe(), set, "2026-11-27");
    expect(plan.action).toBe("Import code set");
    expect(plan.what).toBe("FY2024 ICD-10-CM from icd10cm_order_2024.txt: 9 codes (6 billable, 3 headers)");
    const [table, registry] = plan.ops as CreateTableOp[];
    expect(table).toMatchObject({
      kind: "createTable",
      table: "Codes_ICD10CM_FY2024",
      sheet: "Codes_ICD10CM_FY2024",
      hidden: true,
      protect: true,
    });
    expect(table.headers).toEqual(["Code", "Billable", "Description"]);
    expect(table.rows!.slice(2, 4)).toEqual([
      ["E11", false, "Type 2 diabetes mellitus"],
      ["E119", true, "Type 2 diabetes mellitus without complications"],
    ]);
    expect(registry).toMatchObject({ kind: "createTable", table: "CodeSets", hidden: true, protect: true });
    expect(registry.headers).toEqual(["Kind", "Version", "Table", "Count", "Imported On", "Source"]);
    expect(registry.rows).toEqual([["ICD10CM", "FY2024", "Codes_ICD10CM_FY2024", 9, isoToSerial("2026-11-27"), "icd10cm_order_2024.txt"]]);

    await applyPlan(workbook, plan, NOW);
    expect(workbook.sheets.filter((s) => s.hidden).map((s) => s.name)).toEqual(["Codes_ICD10CM_FY2024", "CodeSets"]);
    const audit = (await workbook.readTables(["Audit"])).Audit!;
    expect(audit.rows[0].slice(1, 4)).toEqual(["Import code set", plan.what, 10]);
  });

  it("appends to CodeSets on the next import; HCPCS dates are serials of the workbook's date system", async () => {
    const workbook = new MemoryWorkbook([], 1904);
    await importInto(workbook, await fixtureSet("icd10cm_order_2024.txt"));
    const hcpcs = await fixtureSet("HCPC2024_JAN_ANWEB.txt");
    const plan = codeSetImportPlan(await workbook.describe(), hcpcs, "2026-11-28");
    expect(plan.what).toBe("2024 HCPCS from HCPC2024_JAN_ANWEB.txt: 5 codes, 2 modifiers");
    const table = plan.ops[0] as CreateTableOp;
    expect(table.headers).toEqual(["Code", "Kind", "Short", "Long", "Added", "Terminated"]);
    // The same formats as the billing tables (repeated in the store to keep zod out of the functions bundle).
    expect(table.numberFormats).toEqual([TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, DATE_FORMAT, DATE_FORMAT]);
    expect(table.rows!.find((r) => r[0] === "C8904")).toEqual([
      "C8904",
      "code",
      "Discontinued imaging",
      "Synthetic imaging code that was discontinued at the end of 2018",
      isoToSerial("2001-10-01", 1904),
      isoToSerial("2018-12-31", 1904),
    ]);
    expect(table.rows!.find((r) => r[0] === "LT")!.slice(0, 2)).toEqual(["LT", "modifier"]);
    expect(plan.ops[1]).toEqual({
      kind: "appendRows",
      table: "CodeSets",
      rows: [
        {
          Kind: "HCPCS",
          Version: "2024",
          Table: "Codes_HCPCS_2024",
          Count: 7,
          "Imported On": isoToSerial("2026-11-28", 1904),
          Source: "HCPC2024_JAN_ANWEB.txt",
        },
      ],
    });
    await applyPlan(workbook, plan, NOW);
    const library = await loadCodeSets(workbook);
    expect(library.sets().map((s) => [s.id, s.importedOn])).toEqual([
      ["ICD10CM:FY2024", "2026-11-27"],
      ["HCPCS:2024", "2026-11-28"],
    ]);
    expect(library.hcpcs("C8904", "2019-01-02")).toMatchObject({ status: "terminated", terminated: "2018-12-31" });
  });

  it("refuses the same kind and version again, saying when it was imported", async () => {
    const workbook = new MemoryWorkbook();
    const set = await fixtureSet("icd10cm_order_2024.txt");
    await importInto(workbook, set);
    const loaded = await loadCodeSets(workbook);
    const info = await workbook.describe();
    expect(() => codeSetImportPlan(info, set, "2026-12-01", loaded)).toThrow(PlanRejected);
    expect(() => codeSetImportPlan(info, set, "2026-12-01", loaded)).toThrow("FY2024 ICD-10-CM is already loaded (imported 2026-11-27)");
    // The codes file of the same year is the same set.
    const codes = await fixtureSet("icd10cm_codes_2024.txt");
    expect(() => codeSetImportPlan(info, codes, "2026-12-01")).toThrow(/^FY2024 ICD-10-CM is already loaded$/);
    // Another year goes beside it.
    const fy2025 = await fixtureSet("icd10cm_codes_2024.txt", { version: "FY2025" });
    await importInto(workbook, fy2025, "2026-12-01");
    expect((await loadCodeSets(workbook)).sets().map((s) => s.version)).toEqual(["FY2024", "FY2025"]);
  });

  it("refuses to write over a sheet of the office's that has the set's name", async () => {
    const workbook = new MemoryWorkbook([{ name: "Codes_LIST_CPT", cells: [["my notes"]] }]);
    const set = await fixtureSet("office_cpt_list.csv", { listName: "CPT" });
    expect(() => codeSetImportPlan({ sheets: ["Codes_LIST_CPT"], tables: [], dateSystem: 1900 }, set, "2026-11-27")).toThrow(
      "The workbook already has a sheet named Codes_LIST_CPT: rename or delete it, then import again",
    );
    expect(await workbook.readSheet("Codes_LIST_CPT")).toEqual([["my notes"]]);
  });

  it("names tables and sheets from the kind and version: letters, digits and _, 31 characters at most", () => {
    expect(codeSetTableName("ICD10CM", "2025")).toBe("Codes_ICD10CM_FY2025");
    expect(codeSetTableName("HCPCS", "2019")).toBe("Codes_HCPCS_2019");
    expect(codeSetTableName("LIST", "CPT")).toBe("Codes_LIST_CPT");
    expect(codeSetTableName("LIST", " Payer list (Aetna) 2026 — west ")).toBe("Codes_LIST_Payer_list_Aetna_202");
    expect(codeSetTableName("LIST", "ñ")).toBe("Codes_LIST_List");
  });
});

describe("loading code sets back from the workbook", () => {
  it("reads CodeSets and every set table in one readTables call, and answers as the files do", async () => {
    const workbook = new MemoryWorkbook();
    const files = [
      await fixtureSet("icd10cm_order_2024.txt"),
      await fixtureSet("HCPC2024_JAN_ANWEB.txt"),
      await fixtureSet("office_cpt_list.csv", { listName: "CPT" }),
      await fixtureSet("excel_copy_list.txt", { listName: "CARC" }),
    ];
    for (const set of files) await importInto(workbook, set);
    const fromFiles = CodeSetLibrary.fromSets(files.map((set) => ({ set, importedOn: "2026-11-27" })));
    const reads = vi.spyOn(workbook, "readTables");
    const loaded = await loadCodeSets(workbook);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.calls[0][0]).toEqual(["CodeSets", "Codes_ICD10CM_FY2024", "Codes_HCPCS_2024", "Codes_LIST_CPT", "Codes_LIST_CARC"]);
    expect(loaded.issues).toEqual([]);
    expect(loaded.sets()).toEqual(fromFiles.sets());
    for (const code of ["E11", "E119", "S72001A", "Z23", "E872"]) {
      for (const dos of [undefined, "2024-01-15", "2024-10-01"]) expect(loaded.icd10(code, dos)).toEqual(fromFiles.icd10(code, dos));
    }
    for (const code of ["A0021", "A0080", "C8904", "G0999", "J9999", "LT"]) {
      for (const dos of [undefined, "2018-06-01", "2019-06-01", "2024-06-01"])
        expect(loaded.hcpcs(code, dos)).toEqual(fromFiles.hcpcs(code, dos));
    }
    expect(loaded.hcpcsModifier("RT")).toEqual(fromFiles.hcpcsModifier("RT"));
    expect(loaded.listed("CPT", "0001U")).toEqual({ status: "listed", description: 'Lab test, "PLA" code (office wording)' });
    expect(loaded.listed("CARC", "A1")).toEqual(fromFiles.listed("CARC", "A1"));
  });

  it("gives an empty library for a workbook without code sets, without reading any table", async () => {
    const workbook = MemoryWorkbook.withTables([{ name: "Charges", headers: ["ChargeID"], rows: [] }]);
    const reads = vi.spyOn(workbook, "readTables");
    const library = await loadCodeSets(workbook);
    expect(library.sets()).toEqual([]);
    expect(reads).not.toHaveBeenCalled();
  });

  it("reports damaged rows and keeps the rest: bad codes, flags, kinds, dates, missing tables, counts", () => {
    const registry = raw(
      "CodeSets",
      ["Kind", "Version", "Table", "Count", "Imported On", "Source"],
      [
        ["ICD10CM", "FY2024", "Codes_ICD10CM_FY2024", 5, isoToSerial("2026-11-27"), "icd10cm_order_2024.txt"],
        ["HCPCS", 2024, "Codes_HCPCS_2024", 3, "2026-11-27", "h.txt"],
        ["NDC", "2024", "Codes_NDC_2024", 1, null, ""],
        ["LIST", "CPT", "Codes_LIST_CPT", 1, "not a date", "cpt.csv"],
        ["ICD10CM", "2024", "Codes_ICD10CM_FY2024", 5, null, "again"],
        ["ICD10CM", "FY2023", "Codes_ICD10CM_FY2023", 5, null, ""],
        [null, null, null, null, null, null],
      ],
    );
    const tables = {
      CodeSets: registry,
      Codes_ICD10CM_FY2024: raw(
        "Codes_ICD10CM_FY2024",
        ["Code", "Billable", "Description"],
        [
          ["E11", false, "Type 2 diabetes mellitus"],
          ["e119", "TRUE", "Type 2 diabetes mellitus without complications"],
          ["I10", 1, null],
          ["E11.9", true, "dotted"],
          ["M545", "maybe", "Low back pain"],
        ],
      ),
      Codes_HCPCS_2024: raw(
        "Codes_HCPCS_2024",
        ["Code", "Kind", "Short", "Long", "Added", "Terminated"],
        [
          ["C8904", "code", "Disc", "Discontinued", isoToSerial("2001-10-01"), isoToSerial("2018-12-31")],
          ["LT", "modifier", "Left", "Left side", null, null],
          ["A0021", "procedure", "x", "x", null, null],
          ["A0080", "code", "x", "x", "31/31/2020", null],
          ["LTX", "modifier", "x", "x", null, null],
        ],
      ),
      Codes_LIST_CPT: raw(
        "Codes_LIST_CPT",
        ["Code", "Description"],
        [
          [99213, "Visit"],
          [null, "orphan"],
          [null, null],
        ],
      ),
      Codes_LIST_Old: raw("Codes_LIST_Old", ["Code", "Description"], [["X", "y"]]),
    };
    const library = codeSetsFromTables(registry, tables);
    expect(library.icd10("E119", "2024-01-01")).toMatchObject({ status: "billable" });
    expect(library.icd10("I10", "2024-01-01")).toEqual({ status: "billable", version: "FY2024", description: "" });
    expect(library.icd10("M545", "2024-01-01")).toEqual({ status: "unknown", version: "FY2024" });
    expect(library.hcpcs("C8904", "2019-01-01")).toMatchObject({ status: "terminated" });
    expect(library.hcpcsModifier("LT")).toMatchObject({ status: "known" });
    expect(library.listed("CPT", "99213")).toMatchObject({ status: "listed" });
    expect(library.sets().map((s) => [s.id, s.count, s.importedOn])).toEqual([
      ["ICD10CM:FY2024", 3, "2026-11-27"],
      ["HCPCS:2024", 2, "2026-11-27"],
      ["LIST:CPT", 1, ""],
    ]);
    expect(library.issues.map((i) => `${i.table} row ${i.row}${i.column ? `, ${i.column}` : ""}: ${i.message}`)).toEqual([
      'Codes_ICD10CM_FY2024 row 5, Code: "E11.9" is not an ICD-10-CM code',
      'Codes_ICD10CM_FY2024 row 6, Billable: "maybe" is not TRUE or FALSE',
      "CodeSets row 2, Count: says 5 codes but Codes_ICD10CM_FY2024 has 3 readable ones",
      'Codes_HCPCS_2024 row 4, Kind: "procedure" is neither code nor modifier',
      'Codes_HCPCS_2024 row 5, Added: "31/31/2020" is not a real calendar date',
      'Codes_HCPCS_2024 row 6, Code: "LTX" is not a HCPCS modifier',
      "CodeSets row 3, Count: says 3 codes but Codes_HCPCS_2024 has 2 readable ones",
      'CodeSets row 4, Kind: "NDC" is not ICD10CM, HCPCS or LIST',
      'CodeSets row 5, Imported On: "not a date" is not a date (write it like 2026-03-05 or 3/5/2026)',
      "Codes_LIST_CPT row 3, Code: a description without a code",
      "CodeSets row 6, Version: FY2024 is listed again (row 2 is used)",
      "CodeSets row 7, Table: the table Codes_ICD10CM_FY2023 is not in the workbook: import the file again",
      "Codes_LIST_Old row 1: the table is not listed in CodeSets, so its codes were not loaded",
    ]);
  });

  it("names only the first twenty bad rows of a table and counts the rest", () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`bad code ${i}`, true, "x"]);
    const registry = raw("CodeSets", ["Kind", "Version", "Table"], [["ICD10CM", "FY2024", "Codes_ICD10CM_FY2024"]]);
    const library = codeSetsFromTables(registry, {
      Codes_ICD10CM_FY2024: raw("Codes_ICD10CM_FY2024", ["Code", "Billable", "Description"], rows),
    });
    expect(library.issues).toHaveLength(21);
    expect(library.issues[20]).toEqual({ table: "Codes_ICD10CM_FY2024", row: 1, message: "and 5 more rows that could not be read" });
    expect(library.sets()).toEqual([expect.objectContaining({ count: 0 })]);
  });

  it("a set table or CodeSets without its columns is reported, not loaded", () => {
    const registry = raw("CodeSets", ["Kind", "Version", "Table"], [["LIST", "CPT", "Codes_LIST_CPT"]]);
    const library = codeSetsFromTables(registry, { Codes_LIST_CPT: raw("Codes_LIST_CPT", ["Code", "Text"], [["99213", "x"]]) });
    expect(library.sets()).toEqual([]);
    expect(library.issues).toEqual([
      { table: "Codes_LIST_CPT", row: 1, column: "Description", message: 'the table has no "Description" column: import the file again' },
    ]);
    const noKind = codeSetsFromTables(raw("CodeSets", ["Version", "Table"], []), {});
    expect(noKind.issues[0]).toMatchObject({ table: "CodeSets", column: "Kind" });
  });
});
