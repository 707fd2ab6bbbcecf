// The Codes panel's import, on the memory workbook: the stages announced in order before the work they
// name, the set stored on hidden sheets with its Audit row and ready for checks at once, a file whose
// year is unknown refused with nothing written until the office gives the year, a second import of the
// same year refused; and what the panel says about the sets, the form and skipped lines.
import { describe, expect, it } from "vitest";
import { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { loadCodeSets } from "../../src/codes/codeSetStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { PlanRejected } from "../../src/workbook/port";
import {
  CodeFileProblem,
  EMPTY_IMPORT_FORM,
  STAGE_PROGRESS,
  codeSetLines,
  importCodeFile,
  importOptions,
  skippedNote,
  stageLabel,
  unreadableRowsNote,
  type ImportStage,
} from "../../taskpane/codes/codeImport";

/** A CMS order-file line: order number, code (7 wide), flag, 60-character short description, long description. */
const orderLine = (i: number, code: string, billable: boolean, description: string) =>
  `${String(i + 1).padStart(5, "0")} ${code.padEnd(7)} ${billable ? 1 : 0} ${description.slice(0, 60).padEnd(60)} ${description}`;

const ORDER_FILE = [
  orderLine(0, "E11", false, "Type 2 diabetes mellitus"),
  orderLine(1, "E119", true, "Type 2 diabetes mellitus without complications"),
  orderLine(2, "E78", false, "Disorders of lipoprotein metabolism and other lipidemias"),
  orderLine(3, "I10", true, "Essential (primary) hypertension"),
].join("\r\n");

const file = (name: string, text: string = ORDER_FILE) => ({ name, read: async () => new TextEncoder().encode(text) });

describe("importing a code file", () => {
  it("announces each stage before its work, stores the set and hands back a library that knows it", async () => {
    const workbook = new MemoryWorkbook();
    const seen: string[] = [];
    const stages: [ImportStage, number | undefined, number][] = [];
    const outcome = await importCodeFile(
      workbook,
      CodeSetLibrary.empty(),
      {
        name: "icd10cm_order_2026.txt",
        read: async () => {
          seen.push("read");
          return new TextEncoder().encode(ORDER_FILE);
        },
      },
      {},
      async (stage, codes) => {
        stages.push([stage, codes, workbook.sheets.length]);
      },
      "2026-11-27",
    );
    expect(seen).toEqual(["read"]);
    // Nothing is in the workbook until the writing stage has been announced; then two tables and the Audit.
    expect(stages).toEqual([
      ["reading", undefined, 0],
      ["parsing", undefined, 0],
      ["writing", 4, 0],
      ["loading", 4, 3],
    ]);
    expect(outcome.imported).toBe("FY2026 ICD-10-CM from icd10cm_order_2026.txt: 4 codes (2 billable, 2 headers)");
    expect(outcome.applied.tablesCreated).toEqual(expect.arrayContaining(["Codes_ICD10CM_FY2026", "CodeSets"]));
    const info = await workbook.describe();
    expect(info.tables.find((t) => t.name === "Codes_ICD10CM_FY2026")?.sheetState).toEqual({ hidden: true, protected: true });
    expect(outcome.library.icd10("E119", "2026-03-01")).toMatchObject({ status: "billable", version: "FY2026" });
    expect(outcome.library.icd10("E11", "2026-03-01")).toMatchObject({ status: "header" });
    // The workbook holds the same set the returned library has.
    expect((await loadCodeSets(workbook)).sets()).toEqual(outcome.library.sets());
    const audit = (await workbook.readTables(["Audit"])).Audit!;
    expect(audit.rows.map((r) => r[audit.headers.indexOf("Action")])).toEqual(["Import code set"]);
  });

  it("refuses a file whose year it cannot tell, writing nothing, and imports it once the office gives the year", async () => {
    const workbook = new MemoryWorkbook();
    const stages: ImportStage[] = [];
    const attempt = importCodeFile(workbook, CodeSetLibrary.empty(), file("dx-order.txt"), {}, (s) => void stages.push(s), "2026-11-27");
    await expect(attempt).rejects.toBeInstanceOf(CodeFileProblem);
    await expect(attempt).rejects.toThrow(/dx-order\.txt does not say which ICD-10-CM fiscal year it is for: choose the year/);
    expect(stages).toEqual(["reading", "parsing"]);
    expect(workbook.sheets).toEqual([]);

    const options = importOptions({ ...EMPTY_IMPORT_FORM, version: " fy2027 " });
    const outcome = await importCodeFile(workbook, CodeSetLibrary.empty(), file("dx-order.txt"), options, undefined, "2026-11-27");
    expect(outcome.library.sets().map((s) => [s.kind, s.version, s.count, s.source])).toEqual([["ICD10CM", "FY2027", 4, "dx-order.txt"]]);
  });

  it("refuses a year already in the workbook, saying when it was imported, and writes nothing", async () => {
    const workbook = new MemoryWorkbook();
    const first = await importCodeFile(workbook, CodeSetLibrary.empty(), file("icd10cm_order_2026.txt"), {}, undefined, "2026-11-02");
    const before = JSON.stringify(workbook.sheets);
    const again = importCodeFile(workbook, first.library, file("icd10cm_order_2026.txt"), {}, undefined, "2026-11-27");
    await expect(again).rejects.toBeInstanceOf(PlanRejected);
    await expect(again).rejects.toThrow("FY2026 ICD-10-CM is already loaded (imported 2026-11-02)");
    expect(JSON.stringify(workbook.sheets)).toBe(before);
  });

  it("keeps the sets loaded before and adds the new one beside them", async () => {
    const workbook = new MemoryWorkbook();
    const fy26 = await importCodeFile(workbook, CodeSetLibrary.empty(), file("icd10cm_order_2026.txt"), {}, undefined, "2026-11-27");
    const list = await importCodeFile(
      workbook,
      fy26.library,
      file("fees.csv", 'Code,Description\n99213,Office visit\n99214,"Office visit, longer"\n'),
      importOptions({ kind: "LIST", version: "2026", listName: " CPT " }),
      undefined,
      "2026-11-27",
    );
    expect(list.library.sets().map((s) => `${s.kind} ${s.version} ${s.count}`)).toEqual(["ICD10CM FY2026 4", "LIST CPT 2"]);
    expect(list.library.listed("CPT", "99214")).toEqual({ status: "listed", description: "Office visit, longer" });
  });
});

describe("what the import part of the panel says", () => {
  it("passes only the fields the office filled in", () => {
    expect(importOptions(EMPTY_IMPORT_FORM)).toEqual({});
    expect(importOptions({ kind: "ICD10CM", version: " FY2026 ", listName: "" })).toEqual({ kind: "ICD10CM", version: "FY2026" });
    // A list has a name, not a year; a year typed before switching to a list is not sent.
    expect(importOptions({ kind: "LIST", version: "2026", listName: " CPT " })).toEqual({ kind: "LIST", listName: "CPT" });
    expect(importOptions({ kind: "HCPCS", version: "2026", listName: "CPT" })).toEqual({ kind: "HCPCS", version: "2026" });
  });

  it("names each stage, with the number of codes once known, and moves the bar forward", () => {
    expect(stageLabel("reading")).toBe("Reading the file…");
    expect(stageLabel("writing", 97584)).toBe("Writing 97,584 codes to the workbook…");
    expect(stageLabel("loading", 1)).toBe("Getting 1 code ready for checks…");
    const order: ImportStage[] = ["reading", "parsing", "writing", "loading"];
    const values = order.map((s) => STAGE_PROGRESS[s]);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.every((v) => v > 0 && v < 1)).toBe(true);
  });

  it("lists each set by kind and year with its count, import date and file", () => {
    expect(
      codeSetLines([
        {
          id: "ICD10CM:FY2026",
          kind: "ICD10CM",
          version: "FY2026",
          count: 97584,
          importedOn: "2026-11-27",
          source: "icd10cm_order_2026.txt",
        },
        { id: "HCPCS:2019", kind: "HCPCS", version: "2019", count: 1, importedOn: "", source: "" },
        { id: "LIST:CPT", kind: "LIST", version: "CPT", count: 212, importedOn: "2026-11-01", source: "fees.csv" },
      ]),
    ).toEqual([
      { id: "ICD10CM:FY2026", name: "ICD-10-CM FY2026", count: "97,584 codes", detail: "imported 2026-11-27 from icd10cm_order_2026.txt" },
      { id: "HCPCS:2019", name: "HCPCS 2019", count: "1 code", detail: "" },
      { id: "LIST:CPT", name: "CPT list", count: "212 codes", detail: "imported 2026-11-01 from fees.csv" },
    ]);
  });

  it("names the first skipped lines and counts the rest", () => {
    expect(skippedNote([])).toBeUndefined();
    expect(skippedNote(["line 2: blank code"])).toBe("1 line was not a code and left out: line 2: blank code.");
    expect(skippedNote(["a", "b", "c", "d", "e"])).toBe("5 lines were not a code and left out: a; b; c; and 2 more.");
  });

  it("says which stored rows could not be read", () => {
    expect(unreadableRowsNote([])).toBeUndefined();
    expect(
      unreadableRowsNote([{ table: "Codes_ICD10CM_FY2026", row: 5, column: "Billable", message: '"maybe" is not TRUE or FALSE' }]),
    ).toBe(
      'Some stored code-set rows could not be read and were left out: Codes_ICD10CM_FY2026 row 5, Billable: "maybe" is not TRUE or FALSE.',
    );
  });
});
