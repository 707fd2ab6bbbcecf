// `medbill codes import` and `medbill codes check`, run in-process on real .xlsx files in a temporary
// folder: a sample practice checks clean against code sets that cover it, then a few seeded bad codes
// are each reported by row, column, value and reason with exit 1; --highlight fills exactly those cells
// in the saved file (and takes a fixed one's fill away on the next run); import reports each file's kind,
// year and count, refuses a set already loaded or a file that is no code file, and says why.
import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/medbill";
import { SAMPLE_FEES, VISIT_KINDS } from "../../src/sample/sampleCatalog";
import { serialToIso } from "../../src/dates";
import type { CellValue } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal, writeSample } from "./terminal";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../codes/fixtures");
const { file } = tempFolder("medbill-codes-");

// ---- code files that cover every code the sample practice uses (and a few the seeds need) ----------

/** Every diagnosis the sample's visits can carry, without the dot. */
const sampleDiagnoses = [...new Set(VISIT_KINDS.flatMap((v) => [...v.dx, ...v.extras.flatMap((e) => e.dx ?? [])]))].map((c) =>
  c.replace(".", ""),
);
const orderFile = [...sampleDiagnoses.map((code) => [code, 1] as const), ["E11", 0] as const]
  .map(
    ([code, flag], i) => `${String(i + 1).padStart(5, "0")} ${code.padEnd(7)} ${flag} ${`Synthetic ${code}`.padEnd(60)} Synthetic ${code}`,
  )
  .join("\r\n");

/** A 320-character HCPCS record: code (a modifier in columns 4-5), sequence, record id, descriptions, dates. */
function hcpcsRecord(code: string, modifier: boolean, description: string, added: string, terminated = ""): string {
  const head = (modifier ? code.padStart(5) : code.padEnd(5)) + "00100" + (modifier ? "7" : "3");
  const line = head + description.padEnd(80) + description.slice(0, 28).padEnd(28);
  return (line.padEnd(268) + added + "".padEnd(8) + terminated.padEnd(8) + "N").padEnd(320);
}
const hcpcsFile = [
  hcpcsRecord("GT", true, "Via interactive audio and video telecommunication systems", "19970101"),
  ...SAMPLE_FEES.filter((f) => /^[A-Z]/.test(f.code)).map((f) => hcpcsRecord(f.code, false, f.description, "20000101")),
  hcpcsRecord("C8904", false, "Synthetic discontinued imaging code", "20011001", "20181231"),
].join("\r\n");
const cptList = ["Code,Description", ...SAMPLE_FEES.filter((f) => /^\d/.test(f.code)).map((f) => `${f.code},${f.description}`)].join("\n");

interface Seeded {
  row: number;
  column: string;
  value: string;
}

/** Replace some cells of the Charges table in a saved workbook, through the xlsx adapter. */
async function setCharges(name: string, cells: Seeded[]): Promise<{ dos: string[] }> {
  const book = await XlsxWorkbook.load(readFileSync(file(name)));
  const charges = (await book.readTables(["Charges"])).Charges!;
  const columns = [...new Set(cells.map((c) => c.column))];
  const ops = columns.map((column) => {
    const at = charges.headers.indexOf(column);
    const values: CellValue[] = charges.rows.map((r) => r[at]);
    for (const cell of cells) if (cell.column === column) values[cell.row] = cell.value;
    return { kind: "setColumn" as const, table: "Charges", column, values };
  });
  await book.write(ops);
  writeFileSync(file(name), await book.save());
  const dosAt = charges.headers.indexOf("DOS");
  return { dos: charges.rows.map((r) => (serialToIso(r[dosAt] as number) as { value: string }).value) };
}

/** The filled cells of the Charges sheet's code columns, as "Column bodyRow" with their colour. */
async function filledCodeCells(name: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file(name)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("Charges")!;
  const headers = (sheet.getRow(1).values as CellValue[]).slice(1);
  const codeColumns = ["Provider NPI", "DOS", "POS", "Code", "Mod1", "Mod2", "Mod3", "Mod4", "Dx1", "Dx2", "Dx3", "Dx4", "Amount"];
  const found: string[] = [];
  for (const header of codeColumns) {
    const column = headers.indexOf(header) + 1;
    for (let r = 2; r <= sheet.rowCount; r++) {
      const fill = sheet.getCell(r, column).fill as ExcelJS.FillPattern | undefined;
      if (fill?.type === "pattern" && fill.pattern === "solid") found.push(`${header} ${r - 2} ${fill.fgColor?.argb}`);
    }
  }
  return found;
}

describe("a sample practice, its code sets, and seeded bad codes", () => {
  beforeAll(async () => {
    writeFileSync(file("icd10cm_order_2024.txt"), orderFile);
    writeFileSync(file("HCPC2024_SAMPLE.txt"), hcpcsFile);
    writeFileSync(file("office_cpt.csv"), cptList);
    // Dates of service from 2023-10 to 2024-09: all in fiscal year 2024.
    await writeSample(file("sample.xlsx"), { lines: 60, seed: 5, asOf: "2024-09-30" });
  });

  it("without code sets, checks formats only and says what it could not check", async () => {
    const t = terminal();
    expect(await t.run("codes", "check", file("sample.xlsx"))).toBe(0);
    const text = t.text();
    expect(text).toContain("Code sets: none loaded (medbill codes import adds them)");
    expect(text).toMatch(/^ {2}ICD-10-CM is not loaded: [\d,]+ diagnosis codes checked for format only/m);
    expect(text).toMatch(/^ {2}HCPCS Level II is not loaded: [\d,]+ HCPCS codes? (and [\d,]+ letter modifiers? )?checked for format only/m);
    expect(text).toMatch(/^ {2}No CPT list is loaded: [\d,]+ CPT codes checked for format only/m);
    expect(text).toContain("No problems found.");
    expect(t.err).toEqual([]);
  });

  it("imports an ICD-10-CM order file, a HCPCS file and a CPT list, saying the kind, year and count of each", async () => {
    const t = terminal();
    const args = [file("icd10cm_order_2024.txt"), file("HCPC2024_SAMPLE.txt"), file("office_cpt.csv"), "--list", "CPT"];
    expect(await t.run("codes", "import", file("sample.xlsx"), ...args)).toBe(0);
    const cpt = SAMPLE_FEES.filter((f) => /^\d/.test(f.code)).length;
    expect(t.out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Imported FY2024 ICD-10-CM from icd10cm_order_2024.txt: ${sampleDiagnoses.length + 1} codes \\(${sampleDiagnoses.length} billable, 1 header\\), in \\d+\\.\\d s\\.$`,
        ),
      ),
      expect.stringMatching(/^Imported 2024 HCPCS from HCPC2024_SAMPLE.txt: 4 codes, 1 modifier, in \d+\.\d s\.$/),
      expect.stringMatching(new RegExp(`^Imported the CPT list from office_cpt.csv: ${cpt} codes, in \\d+\\.\\d s\\.$`)),
      `Saved ${file("sample.xlsx")}: 3 code sets imported.`,
    ]);
    expect(t.err).toEqual([]);
  });

  it("finds the sample clean against code sets that cover it", async () => {
    const t = terminal();
    expect(await t.run("codes", "check", file("sample.xlsx"))).toBe(0);
    expect(t.out[1]).toMatch(
      /^Code sets: FY2024 ICD-10-CM \(\d+ codes\), 2024 HCPCS \(5 codes and modifiers\), the CPT list \(\d+ codes\)$/,
    );
    expect(t.text()).not.toContain("Not checked:");
    expect(t.text()).toContain("No problems found.");
  });

  it("reports each seeded bad code by table, row, column, value and reason, and exits 1", async () => {
    const { dos } = await setCharges("sample.xlsx", [
      { row: 1, column: "Dx1", value: "E11" },
      { row: 3, column: "Code", value: "C8904" },
      { row: 4, column: "Dx1", value: "S72.001" },
      { row: 6, column: "Code", value: "99999" },
      { row: 6, column: "Mod2", value: "ZZ" },
    ]);
    const t = terminal();
    expect(await t.run("codes", "check", file("sample.xlsx"))).toBe(1);
    const problems = t.out.slice(t.out.indexOf("Problems: 5 errors, 0 warnings") + 1);
    expect(problems).toEqual([
      '  Charges row 3, Dx1 "E11": E11 is a category header, not billable (FY2024 ICD-10-CM): use a code under it',
      `  Charges row 5, Code "C8904": C8904 was discontinued on 2018-12-31: not valid on ${dos[3]}`,
      expect.stringMatching(/^ {2}Charges row 6, Dx1 "S72.001": S72.001 needs a 7th character/),
      '  Charges row 8, Code "99999": 99999 is not in your CPT list',
      '  Charges row 8, Mod2 "ZZ": modifier ZZ is not in the HCPCS Level II modifier list',
    ]);
    expect(t.err).toEqual([]);
  });

  it("--highlight fills exactly the bad cells in the saved file, and the next run clears a fixed one", async () => {
    const t = terminal();
    expect(await t.run("codes", "check", file("sample.xlsx"), "--highlight")).toBe(1);
    expect(t.out[t.out.length - 1]).toBe(`Highlighted: marked 5 cells in Charges. Saved ${file("sample.xlsx")}.`);
    expect(await filledCodeCells("sample.xlsx")).toEqual([
      "Code 3 FFFFC7CE",
      "Code 6 FFFFC7CE",
      "Mod2 6 FFFFC7CE",
      "Dx1 1 FFFFC7CE",
      "Dx1 4 FFFFC7CE",
    ]);

    await setCharges("sample.xlsx", [{ row: 6, column: "Code", value: "99213" }]);
    expect(await terminal().run("codes", "check", file("sample.xlsx"), "--highlight")).toBe(1);
    expect(await filledCodeCells("sample.xlsx")).toEqual(["Code 3 FFFFC7CE", "Mod2 6 FFFFC7CE", "Dx1 1 FFFFC7CE", "Dx1 4 FFFFC7CE"]);
    const audit = (await (await XlsxWorkbook.load(readFileSync(file("sample.xlsx")))).readTables(["Audit"])).Audit!;
    expect(audit.rows.map((r) => r[audit.headers.indexOf("Action")])).toEqual([
      "Sample",
      "Import code set",
      "Import code set",
      "Import code set",
      "Highlight codes",
      "Highlight codes",
    ]);
  });

  it("refuses a set that is already loaded, saying when, and leaves the file alone", async () => {
    const before = readFileSync(file("sample.xlsx"));
    const t = terminal();
    expect(await t.run("codes", "import", file("sample.xlsx"), file("icd10cm_order_2024.txt"))).toBe(1);
    expect(t.out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Refused ${file("icd10cm_order_2024.txt")}: FY2024 ICD-10-CM is already loaded \\(imported \\d{4}-\\d\\d-\\d\\d\\)\\.$`,
        ),
      ),
      `Nothing was imported; ${file("sample.xlsx")} is unchanged.`,
    ]);
    expect(readFileSync(file("sample.xlsx")).equals(before)).toBe(true);
  });
});

describe("medbill codes import", () => {
  beforeAll(async () => {
    await writeSample(file("small.xlsx"), { lines: 5, seed: 2, asOf: "2024-06-30" });
  });

  it("reads the year from the file names, writes --out and leaves the workbook as it was", async () => {
    const before = readFileSync(file("small.xlsx"));
    const t = terminal();
    const files = [path.join(fixtures, "icd10cm_order_2024.txt"), path.join(fixtures, "HCPC2024_JAN_ANWEB.txt")];
    expect(await t.run("codes", "import", file("small.xlsx"), ...files, "--out", file("with-codes.xlsx"))).toBe(0);
    expect(t.out).toEqual([
      expect.stringMatching(/^Imported FY2024 ICD-10-CM from icd10cm_order_2024.txt: 9 codes \(6 billable, 3 headers\), in/),
      expect.stringMatching(/^Imported 2024 HCPCS from HCPC2024_JAN_ANWEB.txt: 5 codes, 2 modifiers, in/),
      "  Lines skipped as not codes: line 12: not a HCPCS record",
      `Saved ${file("with-codes.xlsx")}: 2 code sets imported.`,
    ]);
    expect(readFileSync(file("small.xlsx")).equals(before)).toBe(true);
    const info = await (await XlsxWorkbook.load(readFileSync(file("with-codes.xlsx")))).describe();
    expect(info.tables.filter((table) => table.sheetState?.hidden).map((table) => table.name)).toEqual(
      expect.arrayContaining(["Codes_ICD10CM_FY2024", "Codes_HCPCS_2024", "CodeSets"]),
    );

    const again = terminal();
    const list = path.join(fixtures, "office_cpt_list.csv");
    expect(await again.run("codes", "import", file("small.xlsx"), list, "--list", "CPT", "--out", file("with-codes.xlsx"))).toBe(2);
    expect(again.err).toEqual([
      `Cannot write "${file("with-codes.xlsx")}": a file with that name already exists (add --force to replace it).`,
    ]);
    expect(
      await terminal().run("codes", "import", file("small.xlsx"), list, "--list", "CPT", "--out", file("with-codes.xlsx"), "--force"),
    ).toBe(0);
  });

  it("takes the year from --version when the name has none", async () => {
    writeFileSync(file("diagnoses.txt"), readFileSync(path.join(fixtures, "icd10cm_order_2024.txt")));
    const unnamed = terminal();
    expect(await unnamed.run("codes", "import", file("small.xlsx"), file("diagnoses.txt"), "--out", file("fy.xlsx"))).toBe(1);
    expect(unnamed.out[0]).toBe(
      `Refused ${file("diagnoses.txt")}: the name diagnoses.txt does not say which ICD-10-CM fiscal year it is for: choose the year, or name the file like icd10cm_order_2025.txt.`,
    );
    const t = terminal();
    expect(await t.run("codes", "import", file("small.xlsx"), file("diagnoses.txt"), "--version", "FY2023", "--out", file("fy.xlsx"))).toBe(
      0,
    );
    expect(t.out[0]).toMatch(/^Imported FY2023 ICD-10-CM from diagnoses.txt: 9 codes/);
  });

  it("refuses a file that is no code file with a plain reason (exit 1), and a missing one with exit 2", async () => {
    writeFileSync(file("download.zip"), "<html>Sign in to continue</html>");
    const t = terminal();
    expect(await t.run("codes", "import", file("small.xlsx"), file("download.zip"), file("missing.txt"))).toBe(2);
    expect(t.out).toEqual([
      `Refused ${file("download.zip")}: download.zip is not a zip file: download it again.`,
      `Nothing was imported; ${file("small.xlsx")} is unchanged.`,
    ]);
    expect(t.err).toEqual([`Cannot open "${file("missing.txt")}": there is no such file.`]);

    const refusedOnly = terminal();
    expect(await refusedOnly.run("codes", "import", file("small.xlsx"), file("download.zip"))).toBe(1);
    expect([...refusedOnly.out, ...refusedOnly.err].join("\n")).not.toMatch(/\n\s+at /);
  });

  it("says plainly that the workbook cannot be opened", async () => {
    writeFileSync(file("notes.xlsx"), "not a workbook");
    const missing = terminal();
    expect(await missing.run("codes", "import", file("nowhere.xlsx"), path.join(fixtures, "icd10cm_order_2024.txt"))).toBe(2);
    expect(missing.err).toEqual([`Cannot open "${file("nowhere.xlsx")}": there is no such file.`]);
    const broken = terminal();
    expect(await broken.run("codes", "check", file("notes.xlsx"))).toBe(2);
    expect(broken.err[0]).toMatch(/^Cannot open ".*notes\.xlsx": it is a text \(CSV\) file, not a workbook/);
    expect(existsSync(file("nowhere.xlsx"))).toBe(false);
  });
});

describe("wrong codes command lines", () => {
  it.each([
    [["codes"], "Say what to do with codes"],
    [["codes", "verify", "book.xlsx"], 'medbill codes has no command "verify": use import or check.'],
    [["codes", "import"], "Name the workbook, then the code files"],
    [["codes", "import", "book.xlsx"], "Name the code files to import into book.xlsx"],
    [["codes", "import", "icd10cm_order_2025.txt", "book.xlsx"], "The workbook comes first and must be an .xlsx file"],
    [["codes", "import", "book.xlsx", "a.txt", "--kind", "icd9"], '--kind must be icd10cm, hcpcs or list, not "icd9".'],
    [
      ["codes", "import", "book.xlsx", "a.txt", "--version", "FY25"],
      '--version must be an ICD-10-CM fiscal year (FY2025) or a HCPCS year (2019), not "FY25".',
    ],
    [["codes", "import", "book.xlsx", "a.txt", "--kind", "list", "--version", "2024"], "--version is for ICD-10-CM and HCPCS files"],
    [["codes", "import", "book.xlsx", "a.txt", "--out", "b.csv"], '--out must name an .xlsx file, not "b.csv".'],
    [["codes", "check"], "Name the workbook to check: medbill codes check book.xlsx"],
    [["codes", "check", "a.xlsx", "b.xlsx"], "Check one workbook at a time."],
    [["codes", "check", "a.xlsx", "--colour"], 'no option "--colour"'],
  ])("%j exits 2 with the reason and the usage", async (argv, message) => {
    const t = terminal();
    expect(await t.run(...argv)).toBe(2);
    expect(t.err[0]).toContain(message);
    expect(t.err).toContain(USAGE);
    expect(t.out).toEqual([]);
  });

  it("help lists the codes commands", async () => {
    const t = terminal();
    expect(await t.run("help")).toBe(0);
    expect(t.text()).toContain("medbill codes import <book.xlsx> <file>...");
    expect(t.text()).toContain("medbill codes check <book.xlsx> [--highlight] [--all]");
  });
});
