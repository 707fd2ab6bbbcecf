// The workbook code check on hand-made tables: each kind of bad code found at the right row and
// column with a biller's reason, blank cells left alone, missing code sets told once in a note,
// diagnoses judged in the fiscal year of their own date of service, a row whose date cannot be read,
// the Practice settings a claim carries; and the highlight plan marking exactly the problem cells.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCodes, checkWorkbookCodes, CODE_CHECK_TABLES, highlightPlan, type CodeProblem } from "../../src/codes/checkWorkbookCodes";
import { readCodeSetFile, type CodeFileOptions } from "../../src/codes/codeSetFiles";
import { CodeSetLibrary, type ParsedCodeSet } from "../../src/codes/codeSetLibrary";
import { isoToSerial } from "../../src/dates";
import { MemoryWorkbook, type MemoryTable } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue, RawTable } from "../../src/workbook/port";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const NOW = new Date(2026, 10, 27, 10, 0, 0);

/** A CMS order-file line: order number, code (7 wide), flag, 60-character short description, long description. */
function orderLine(i: number, code: string, billable: boolean, description: string): string {
  return `${String(i + 1).padStart(5, "0")} ${code.padEnd(7)} ${billable ? 1 : 0} ${description.slice(0, 60).padEnd(60)} ${description}`;
}
const orderFile = (rows: [string, 0 | 1][]) =>
  rows.map(([code, flag], i) => orderLine(i, code, flag === 1, `Synthetic ${code}`)).join("\r\n");

// Two fiscal years in which E87.2 stops being billable (FY2023 added E87.20-E87.29 under it), as CMS did.
const FY2022: [string, 0 | 1][] = [
  ["E11", 0],
  ["E119", 1],
  ["E87", 0],
  ["E872", 1],
  ["I10", 1],
  ["T360X1", 0],
  ["T360X1A", 1],
];
const FY2023: [string, 0 | 1][] = [...FY2022.filter(([c]) => c !== "E872"), ["E872", 0], ["E8720", 1]];

async function parse(name: string, bytes: Uint8Array, options: CodeFileOptions = {}): Promise<ParsedCodeSet> {
  const result = await readCodeSetFile(name, bytes, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
const text = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));

let library: CodeSetLibrary;
beforeAll(async () => {
  const sets = [
    await parse("icd10cm_order_2022.txt", text(orderFile(FY2022))),
    await parse("icd10cm_order_2023.txt", text(orderFile(FY2023))),
    // LT and RT modifiers; A0021, A0080, C8904 (discontinued 2018-12-31), G0999 (added 2024-01-01), J9999.
    await parse("HCPC2024_JAN_ANWEB.txt", fixture("HCPC2024_JAN_ANWEB.txt")),
    // 99213, 99214 and 0001U.
    await parse("office_cpt_list.csv", fixture("office_cpt_list.csv"), { listName: "CPT" }),
  ];
  library = CodeSetLibrary.fromSets(sets.map((set) => ({ set, importedOn: "2026-11-27" })));
});

const CHARGE_HEADERS = [
  "ChargeID",
  "Provider NPI",
  "DOS",
  "POS",
  "Code",
  "Mod1",
  "Mod2",
  "Mod3",
  "Mod4",
  "Dx1",
  "Dx2",
  "Dx3",
  "Dx4",
  "Amount",
] as const;
type ChargeCells = Partial<Record<(typeof CHARGE_HEADERS)[number], CellValue>>;
const d = (iso: string) => isoToSerial(iso);

/** Charges rows from the named cells only; every other cell blank. */
function charges(rows: ChargeCells[]): MemoryTable {
  return { name: "Charges", headers: [...CHARGE_HEADERS], rows: rows.map((r) => CHARGE_HEADERS.map((h) => r[h] ?? null)) };
}

const raw = (table: MemoryTable, headerRow = 1): RawTable => ({ ...table, sheet: table.name, rowCount: table.rows.length, headerRow });

/** The three tables the check reads, Practice and Providers empty, as one readTables call gives them. */
const withCharges = (table: MemoryTable): Record<string, RawTable> => ({
  Practice: raw({ name: "Practice", headers: ["Setting", "Value"], rows: [] }),
  Providers: raw({ name: "Providers", headers: ["NPI", "Last Name", "Taxonomy"], rows: [] }),
  Charges: raw(table),
});

/** The problems as [row, column, value, reason] for short assertions. */
const brief = (problems: CodeProblem[]) => problems.map((p) => [p.row, p.column, p.value, p.reason]);

const NPI = "1234567893";
const clean: ChargeCells = {
  ChargeID: "C1",
  "Provider NPI": NPI,
  DOS: d("2022-06-15"),
  POS: "11",
  Code: "99213",
  Mod1: "25",
  Mod2: "LT",
  Dx1: "E87.2",
  Dx2: "e11.9",
  Amount: 130,
};

describe("the Charges lines", () => {
  it("finds nothing wrong in a clean line, and counts every code cell it checked", () => {
    const report = checkCodes(withCharges(charges([clean])), library, 1900);
    expect(report.problems).toEqual([]);
    // NPI, POS, Code, Mod1, Mod2, Dx1, Dx2: the DOS and the amount are not codes.
    expect(report.cellsChecked).toBe(7);
  });

  it("names the row, column, value and reason of each bad code, left to right", () => {
    const report = checkCodes(
      withCharges(
        charges([
          clean,
          { ChargeID: "C2", DOS: d("2023-01-15"), Code: "99214", Dx1: "E87.2", Dx2: "E11", Dx3: "T36.0X1", Dx4: "I10" },
          { ChargeID: "C3", "Provider NPI": "1234567890", DOS: d("2022-06-15"), POS: "2", Code: "C8904", Mod1: "ZZ", Mod2: "2" },
          { ChargeID: "C4", DOS: d("2022-06-15"), Code: "99999", Mod1: "RT" },
          { ChargeID: "C5", DOS: d("2022-06-15"), Code: "9921", Dx1: "E87.20", Dx2: "S72.001" },
          { ChargeID: "C6", DOS: d("2022-06-15"), Code: "G0999", Dx1: 250 },
          { ChargeID: "C7", DOS: d("2022-06-15"), Code: "99213-25", Dx1: "D1110" },
        ]),
      ),
      library,
      1900,
    );
    expect(brief(report.problems)).toEqual([
      [3, "Dx1", "E87.2", "E87.2 is not billable on 2023-01-15 (FY2023): it became a category header in FY2023, use a code under it"],
      [3, "Dx2", "E11", "E11 is a category header, not billable (FY2023 ICD-10-CM): use a code under it"],
      [3, "Dx3", "T36.0X1", "T36.0X1 needs a 7th character, like T36.0X1A (FY2023 ICD-10-CM)"],
      [4, "Provider NPI", "1234567890", 'NPI "1234567890" fails its check digit (mistyped?)'],
      [4, "POS", "2", 'POS "2" needs 2 digits: did you mean 02 (Telehealth Provided Other than in Patient\'s Home)?'],
      [4, "Code", "C8904", "C8904 was discontinued on 2018-12-31: not valid on 2022-06-15"],
      [4, "Mod1", "ZZ", "modifier ZZ is not in the HCPCS Level II modifier list"],
      [4, "Mod2", "2", '"2" is not a modifier: modifiers have 2 letters or digits, like 25, 59 or LT'],
      [5, "Code", "99999", "99999 is not in your CPT list"],
      [6, "Code", "9921", '"9921" has 4 digits: CPT codes have 5 characters, like 99213'],
      [6, "Dx1", "E87.20", "E87.20 is not in the FY2022 ICD-10-CM code set (date of service 2022-06-15): it was added in FY2023"],
      [6, "Dx2", "S72.001", expect.stringContaining("S72.001 needs a 7th character")],
      [7, "Code", "G0999", "G0999 is not in the HCPCS Level II code set on 2022-06-15"],
      [7, "Dx1", "250", expect.stringContaining("250 is a number: ICD-10-CM codes start with a letter")],
      [8, "Code", "99213-25", '"99213-25" holds a code and a modifier: put 99213 in the code cell and 25 in a modifier cell'],
      [8, "Dx1", "D1110", expect.stringContaining("D11.10 is not in the FY2022 ICD-10-CM code set")],
    ]);
    expect(report.problems.every((p) => p.severity === "error" && p.table === "Charges" && p.sheet === "Charges")).toBe(true);
    expect(report.problems[0].bodyIndex).toBe(1);
    expect(report.notes).toEqual([]);
  });

  it("a code a letter starts with is judged as HCPCS, anything else as CPT", () => {
    const report = checkCodes(
      withCharges(
        charges([
          { DOS: d("2022-06-15"), Code: "D1110" },
          { DOS: d("2022-06-15"), Code: "E11.9" },
        ]),
      ),
      library,
      1900,
    );
    expect(report.problems.map((p) => p.reason)).toEqual([
      '"D1110": D codes are dental (ADA CDT), not HCPCS Level II',
      '"E11.9" looks like an ICD-10 diagnosis code, not a HCPCS procedure code',
    ]);
  });

  it("leaves blank cells and blank lines alone", () => {
    const report = checkCodes(
      withCharges(charges([{ ChargeID: "C1", DOS: d("2022-06-15"), Code: "99214", Mod1: "  ", Dx1: "" }, {}, { Amount: null }])),
      library,
      1900,
    );
    expect(report.problems).toEqual([]);
    expect(report.cellsChecked).toBe(1);
  });

  it("judges each diagnosis in the fiscal year of its own line's date of service", () => {
    const lines: ChargeCells[] = [
      { DOS: d("2022-06-15"), Dx1: "E87.2" },
      { DOS: d("2022-09-30"), Dx1: "E87.2" },
      { DOS: d("2022-10-01"), Dx1: "E87.2" },
      { DOS: d("2023-01-15"), Dx1: "E87.2" },
      { DOS: "2023-01-15", Dx1: "E87.20" },
      { DOS: "6/15/2022", Dx1: "E87.20" },
    ];
    const report = checkCodes(withCharges(charges(lines)), library, 1900);
    expect(report.problems.map((p) => [p.row, p.reason])).toEqual([
      [4, expect.stringMatching(/^E87.2 is not billable on 2022-10-01 \(FY2023\)/)],
      [5, expect.stringMatching(/^E87.2 is not billable on 2023-01-15 \(FY2023\)/)],
      [7, expect.stringMatching(/^E87.20 is not in the FY2022 ICD-10-CM code set/)],
    ]);
  });

  it("reads serial dates in the workbook's own date system", async () => {
    // 2023-01-15 as a 1904-system serial is a 1900-system serial four years and a day earlier.
    const table = charges([{ DOS: isoToSerial("2023-01-15", 1904), Dx1: "E87.2" }]);
    const in1904 = await checkWorkbookCodes(MemoryWorkbook.withTables([table], 1904), library);
    expect(in1904.problems.map((p) => p.reason)).toEqual([expect.stringContaining("not billable on 2023-01-15 (FY2023)")]);
    expect((await checkWorkbookCodes(MemoryWorkbook.withTables([table], 1900), library)).problems).toEqual([]);
  });

  it("checks a line whose date of service cannot be read for format only, and says so on the DOS cell", () => {
    const report = checkCodes(
      withCharges(
        charges([
          { ChargeID: "C1", DOS: "13/45/2026", Code: "C8904", Dx1: "E11", Dx2: "E11.9X" },
          { ChargeID: "C2", Code: "99999", Dx1: "E11" },
          { ChargeID: "C3", DOS: "someday", Code: "99214" },
        ]),
      ),
      library,
      1900,
    );
    expect(report.problems.map((p) => [p.row, p.column, p.value, p.severity, p.reason])).toEqual([
      [2, "DOS", "13/45/2026", "warning", expect.stringMatching(/^DOS unreadable: the codes on this row were checked for format only/)],
      [2, "Dx2", "E11.9X", "error", expect.stringContaining("is unfinished: no billable code ends in X")],
      [3, "DOS", "", "warning", expect.stringMatching(/^DOS is blank: the codes on this row were checked for format only/)],
      [3, "Code", "99999", "error", "99999 is not in your CPT list"],
    ]);
  });

  it("notes the fiscal years that are not loaded once, with the dates they would have covered", () => {
    const lines: ChargeCells[] = [
      { DOS: d("2024-11-02"), Dx1: "E11.9", Dx2: "ZZZ" },
      { DOS: d("2025-03-01"), Dx1: "E11.9" },
      { DOS: d("2021-05-05"), Dx1: "I10" },
    ];
    const report = checkCodes(withCharges(charges(lines)), library, 1900);
    expect(report.problems.map((p) => p.column)).toEqual(["Dx2"]);
    expect(report.notes).toEqual([
      "ICD-10-CM FY2021 is not loaded: 1 diagnosis code with service dates on 2021-05-05 could not be checked",
      "ICD-10-CM FY2025 is not loaded: 2 diagnosis codes with service dates from 2024-11-02 to 2025-03-01 could not be checked",
    ]);
  });

  it("with no code sets loaded checks formats only, and says what was not checked in notes, not problems", () => {
    const lines: ChargeCells[] = [
      { DOS: d("2022-06-15"), Code: "99999", Mod1: "ZZ", Mod2: "25", Dx1: "E11", Dx2: "E11.9" },
      { DOS: d("2022-06-15"), Code: "C8904", Mod1: "LT", Dx1: "S72.001" },
      { DOS: "bad date", Code: "J9999", Dx1: "E11" },
    ];
    const report = checkCodes(withCharges(charges(lines)), CodeSetLibrary.empty(), 1900);
    // Only the one format problem; a DOS that cannot be read changes nothing when there is no set to pick.
    expect(brief(report.problems)).toEqual([[3, "Dx1", "S72.001", expect.stringContaining("needs a 7th character")]]);
    expect(report.notes).toEqual([
      "ICD-10-CM is not loaded: 3 diagnosis codes checked for format only (import the CMS order file in the Codes panel)",
      "HCPCS Level II is not loaded: 2 HCPCS codes and 2 letter modifiers checked for format only (import the CMS HCPCS file)",
      "No CPT list is loaded: 1 CPT code checked for format only (import your CPT list or fee schedule as a list named CPT)",
    ]);
  });

  it("says when HCPCS codes were checked against an older year's file", () => {
    const report = checkCodes(withCharges(charges([{ DOS: d("2025-02-03"), Code: "A0021" }])), library, 1900);
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual([
      expect.stringMatching(/^1 HCPCS code with service dates after 2024 was checked against the 2024 HCPCS file/),
    ]);
  });

  it("finds columns by the office's own headers, and names them as the workbook does", () => {
    const table: RawTable = {
      name: "Charges",
      sheet: "Visits",
      headers: ["Date of Service", "CPT", "Diagnosis 1", "Rendering NPI"],
      rows: [[d("2022-06-15"), "99213", "E11", "1234567890"]],
      rowCount: 1,
      headerRow: 3,
    };
    const report = checkCodes({ charges: table }, library, 1900);
    expect(report.problems.map((p) => [p.sheet, p.row, p.bodyIndex, p.column])).toEqual([
      ["Visits", 4, 0, "Diagnosis 1"],
      ["Visits", 4, 0, "Rendering NPI"],
    ]);
  });
});

describe("Providers and Practice", () => {
  const providers: MemoryTable = {
    name: "Providers",
    headers: ["NPI", "Last Name", "Taxonomy"],
    rows: [
      [NPI, "Hazelwick", "207Q00000X"],
      ["1234567890", "Oakridge", "207Q0000X"],
      [1234567893, "Fernbrook", null],
    ],
  };
  const practice: MemoryTable = {
    name: "Practice",
    headers: ["Setting", "Value"],
    rows: [
      ["Practice Name", "1234567890 Clinic"],
      ["Tax ID", "07-1234567"],
      ["Billing NPI", "123456789"],
      ["Taxonomy", "207q00000x"],
      ["Phone", "555-0100"],
      ["tax_id", "12-3456789"],
      ["Statement Message", "Pay by 07-1234567"],
    ],
  };

  it("checks provider NPIs and taxonomies, and the tax ID, billing NPI and taxonomy settings only", async () => {
    const report = await checkWorkbookCodes(MemoryWorkbook.withTables([practice, providers]), library);
    expect(report.problems.map((p) => [p.table, p.row, p.column, p.value, p.reason])).toEqual([
      ["Practice", 3, "Value", "07-1234567", "EIN 07-1234567: prefix 07 is never issued by the IRS (mistyped?)"],
      ["Practice", 4, "Value", "123456789", 'NPI "123456789" has 9 digits; it needs 10'],
      ["Providers", 3, "NPI", "1234567890", 'NPI "1234567890" fails its check digit (mistyped?)'],
      ["Providers", 3, "Taxonomy", "207Q0000X", 'taxonomy code "207Q0000X" has 9 characters: it needs 10, like 207Q00000X'],
    ]);
    // Tax ID twice, billing NPI and taxonomy in Practice; three NPIs and two taxonomies in Providers.
    expect(report.cellsChecked).toBe(9);
    expect(report.notes).toEqual(["No Charges table in the workbook: it was not checked"]);
  });

  it("says when the workbook has none of the tables", async () => {
    const report = await checkWorkbookCodes(new MemoryWorkbook(), library);
    expect(report).toEqual({
      problems: [],
      cellsChecked: 0,
      notes: ["The workbook has no Practice, Providers or Charges table: there are no codes to check (Setup creates the tables)"],
    });
    expect(CODE_CHECK_TABLES).toEqual(["Practice", "Providers", "Charges"]);
  });
});

describe("the highlight plan", () => {
  const tables = () => [
    charges([
      clean,
      { ChargeID: "C2", DOS: d("2023-01-15"), Code: "99214", Dx1: "E87.2", Amount: 10 },
      { ChargeID: "C3", DOS: "13/45/2026", Code: "C890", Mod1: "ZZ", Dx1: "E11" },
    ]),
    { name: "Providers", headers: ["NPI", "Last Name", "Taxonomy"], rows: [["1234567890", "Oakridge", "207Q00000X"]] },
  ];

  it("fills exactly the problem cells, after clearing the old marks of every checked column", async () => {
    const workbook = MemoryWorkbook.withTables(tables());
    // An earlier check's mark on a cell that is fine now, and the office's own fill on the amounts.
    await workbook.write([
      { kind: "markCells", table: "Charges", cells: [{ row: 0, column: "Code" }], color: "#FFC7CE" },
      { kind: "markCells", table: "Charges", cells: [{ row: 1, column: "Amount" }], color: "#FFFF00" },
    ]);
    const report = await checkWorkbookCodes(workbook, library);
    const plan = highlightPlan(report, (await workbook.describe()).tables);
    expect(plan.action).toBe("Highlight codes");
    expect(plan.what).toBe("marked 1 cell in Providers, 4 cells in Charges");
    await applyPlan(workbook, plan, NOW);
    expect(workbook.fills("Charges")).toEqual([
      { row: 1, column: "Dx1", color: "#FFC7CE" },
      { row: 1, column: "Amount", color: "#FFFF00" },
      { row: 2, column: "DOS", color: "#FFC7CE" },
      { row: 2, column: "Code", color: "#FFC7CE" },
      { row: 2, column: "Mod1", color: "#FFC7CE" },
    ]);
    expect(workbook.fills("Providers")).toEqual([{ row: 0, column: "NPI", color: "#FFC7CE" }]);
    expect(report.problems).toHaveLength(5);
    const audit = (await workbook.readTables(["Audit"])).Audit!;
    expect(audit.rows[0].slice(1, 3)).toEqual(["Highlight codes", plan.what]);
  });

  it("takes a fixed cell's mark away on the next run, and a null report clears every mark", async () => {
    const workbook = MemoryWorkbook.withTables(tables());
    await applyPlan(workbook, highlightPlan(await checkWorkbookCodes(workbook, library), (await workbook.describe()).tables), NOW);
    expect(workbook.fills("Charges").map((f) => f.column)).toEqual(["Dx1", "DOS", "Code", "Mod1"]);

    await workbook.write([{ kind: "setColumn", table: "Charges", column: "Mod1", values: ["25", null, "RT"] }]);
    const again = highlightPlan(await checkWorkbookCodes(workbook, library), (await workbook.describe()).tables, "#FF0000");
    await applyPlan(workbook, again, NOW);
    expect(workbook.fills("Charges")).toEqual([
      { row: 1, column: "Dx1", color: "#FF0000" },
      { row: 2, column: "DOS", color: "#FF0000" },
      { row: 2, column: "Code", color: "#FF0000" },
    ]);

    const clear = highlightPlan(null, (await workbook.describe()).tables);
    expect(clear.what).toBe("cleared the code highlights in Providers, Charges");
    await applyPlan(workbook, clear, NOW);
    expect(workbook.fills("Charges")).toEqual([]);
    expect(workbook.fills("Providers")).toEqual([]);
  });

  it("clears only the columns the check reads, and leaves out problems whose column is gone", () => {
    const plan = highlightPlan(
      {
        problems: [
          { table: "Charges", sheet: "Charges", row: 2, bodyIndex: 0, column: "Dx9", value: "E11", reason: "x", severity: "error" },
          { table: "Charges", sheet: "Charges", row: 2, bodyIndex: 0, column: "CPT", value: "1", reason: "x", severity: "error" },
        ],
        cellsChecked: 2,
        notes: [],
      },
      [{ name: "charges", sheet: "Visits", headers: ["ChargeID", "CPT", "Amount", "Dx1"], rowCount: 1, headerRow: 1 }],
    );
    expect(plan.ops).toEqual([
      { kind: "markCells", table: "charges", cells: [{ row: 0, column: "CPT" }], color: "#FFC7CE", clearColumns: ["CPT", "Dx1"] },
    ]);
  });
});
