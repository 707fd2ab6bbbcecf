// The real CMS files in ../shared/data (read-only, never copied here): the FY2025 ICD-10-CM release
// read from its zip, the FY2023 order addenda turned into two years of order-file lines, and the 2019
// HCPCS file. Each group is skipped on its own, with the reason, when its file is missing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { readCodeSetFile, unzipEntry } from "../../src/codes/codeSetFiles";
import { CodeSetLibrary, type HcpcsCodeSet, type Icd10CodeSet, type ParsedCodeSet } from "../../src/codes/codeSetLibrary";
import { codeSetImportPlan, loadCodeSets } from "../../src/codes/codeSetStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const data = path.resolve(projectRoot, "../shared/data");
const icdZip = path.join(data, "icd10cm/cms_2025_dx.zip");
const addenda = path.join(data, "icd10cm/icd10cm-order-addenda-2023.txt");
const hcpcsFile = path.join(data, "hcpcs/HCPC2019_CONTR_ANWEB.txt");

const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

async function read(name: string, bytes: Uint8Array, options = {}): Promise<ParsedCodeSet> {
  const result = await readCodeSetFile(name, bytes, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function roundTrip(sets: ParsedCodeSet[]): Promise<CodeSetLibrary> {
  const workbook = new MemoryWorkbook();
  for (const set of sets) await applyPlan(workbook, codeSetImportPlan(await workbook.describe(), set, "2026-11-27"));
  return loadCodeSets(workbook);
}

function skipNote(file: string, what: string) {
  describe(what, () => {
    it.skip(`skipped: ${file} is missing (the shared sample data lives beside the project)`, () => {});
  });
}

describe.skipIf(!sharedDataPresent(icdZip))("the CMS FY2025 ICD-10-CM release, read from its zip", () => {
  let order: Icd10CodeSet;
  let library: CodeSetLibrary;
  const load = async () => {
    order ??= (await read("cms_2025_dx.zip", bytesOf(icdZip))) as Icd10CodeSet;
    library ??= CodeSetLibrary.fromSets([{ set: order, importedOn: "2026-11-27" }]);
  };

  it("imports exactly 97,584 codes: 23,324 headers and 74,260 billable", async () => {
    await load();
    expect(order).toMatchObject({ kind: "ICD10CM", version: "FY2025", source: "cms_2025_dx.zip/icd10cm_order_2025.txt", skipped: [] });
    expect(order.codes).toHaveLength(97_584);
    const billable = order.billable.reduce((n, b) => n + b, 0);
    expect(billable).toBe(74_260);
    expect(order.codes.length - billable).toBe(23_324);
    expect(new Set(order.codes).size).toBe(97_584);
  });

  it("knows headers from billable codes, in FY2025's dates of service only", async () => {
    await load();
    const status = (code: string, dos?: string) => library.icd10(code, dos).status;
    for (const code of ["E119", "M5450", "I10", "S72001A"]) expect(status(code, "2025-03-01")).toBe("billable");
    for (const code of ["E11", "M545"]) expect(status(code, "2025-03-01")).toBe("header");
    expect(library.icd10("E119")).toEqual({
      status: "billable",
      version: "FY2025",
      description: "Type 2 diabetes mellitus without complications",
    });
    expect(library.icd10("E11.9", "2024-10-01")).toMatchObject({ status: "billable", version: "FY2025" });
    expect(library.icd10("E119", "2025-10-01")).toEqual({ status: "not-loaded", version: "FY2026" });
    expect(library.icd10("E119", "2024-09-30")).toEqual({ status: "not-loaded", version: "FY2024" });
    expect(library.icd10("E1199", "2025-03-01")).toEqual({ status: "unknown", version: "FY2025" });
  });

  it("the plain codes file inside the zip gives the same 74,260 billable codes", async () => {
    await load();
    const codes = (await read("icd10cm_codes_2025.txt", unzipEntry(bytesOf(icdZip), "icd10cm_codes_2025.txt"))) as Icd10CodeSet;
    expect(codes).toMatchObject({ version: "FY2025", skipped: [] });
    expect(codes.codes).toHaveLength(74_260);
    const billableInOrder = new Set(order.codes.filter((_, i) => order.billable[i] === 1));
    expect(codes.codes.filter((c) => !billableInOrder.has(c))).toEqual([]);
    expect(codes.descriptions[codes.codes.indexOf("E119")]).toBe("Type 2 diabetes mellitus without complications");
  });

  it("round trip: stored in a workbook and loaded back, every code answers as from the file", async () => {
    await load();
    const loaded = await roundTrip([order]);
    expect(loaded.issues).toEqual([]);
    expect(loaded.sets()).toEqual(library.sets());
    const differences = order.codes.filter(
      (code) => JSON.stringify(loaded.icd10(code, "2025-01-01")) !== JSON.stringify(library.icd10(code, "2025-01-01")),
    );
    expect(differences).toEqual([]);
    expect(loaded.icd10("M545", "2025-01-01")).toEqual({ status: "header", version: "FY2025", description: "Low back pain" });
  });
});
if (!sharedDataPresent(icdZip)) skipNote(icdZip, "the CMS FY2025 ICD-10-CM release");

/**
 * The addenda as order-file lines: records after "Delete:"/"Revise from:" are how FY2022 had them,
 * after "Add:"/"Revise to:" how FY2023 has them. An addenda line is the action (13 columns), the flag
 * (column 14), the code (16-22), the short (24-83) and long (85-) descriptions.
 */
function addendaAsOrderFiles(text: string): { fy2022: string; fy2023: string; records: number } {
  const before: string[] = [];
  const after: string[] = [];
  let records = 0;
  for (const line of text.split(/\r?\n/)) {
    const action = /^(Add|Delete|Revise from|Revise to):/.exec(line)?.[1];
    if (!action) continue;
    records++;
    const flag = line.charAt(13);
    const code = line.slice(15, 22).trim();
    const short = line.slice(23, 83).trimEnd();
    const long = line.slice(84).trimEnd();
    const target = action === "Delete" || action === "Revise from" ? before : after;
    target.push(`${String(target.length + 1).padStart(5, "0")} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`);
  }
  return { fy2022: before.join("\r\n"), fy2023: after.join("\r\n"), records };
}

describe.skipIf(!sharedDataPresent(addenda))("the FY2023 ICD-10-CM order addenda, as two years of order-file lines", () => {
  it("E872 is billable for a 2022 date of service and a header for a 2023 one", async () => {
    const { fy2022, fy2023, records } = addendaAsOrderFiles(readFileSync(addenda, "latin1"));
    // 1,176 + 328 added, 287 deleted, 35 revised (from and to): 1,861 record lines in the file.
    expect(records).toBe(1_861);
    const older = (await read("icd10cm_order_2022.txt", strToU8(fy2022))) as Icd10CodeSet;
    const newer = (await read("icd10cm_order_2023.txt", strToU8(fy2023))) as Icd10CodeSet;
    expect([older.version, older.codes.length, older.skipped]).toEqual(["FY2022", 287 + 35, []]);
    expect([newer.version, newer.codes.length, newer.skipped]).toEqual(["FY2023", 1_176 + 328 + 35, []]);
    const library = CodeSetLibrary.fromSets([
      { set: older, importedOn: "2026-11-27" },
      { set: newer, importedOn: "2026-11-27" },
    ]);
    expect(library.icd10("E872", "2022-06-15")).toEqual({ status: "billable", version: "FY2022", description: "Acidosis" });
    expect(library.icd10("E872", "2023-01-15")).toEqual({ status: "header", version: "FY2023", description: "Acidosis" });
    expect(library.icd10("E8720", "2023-01-15")).toMatchObject({ status: "billable" });
    // DATA README: 36 codes went from billable to header in FY2023.
    const becameHeaders = older.codes.filter(
      (code) => library.icd10(code, "2022-06-15").status === "billable" && library.icd10(code, "2023-01-15").status === "header",
    );
    expect(becameHeaders).toHaveLength(36);
    expect(becameHeaders).toContain("E872");
    // The same answers after a trip through the workbook.
    const loaded = await roundTrip([older, newer]);
    expect(loaded.icd10("E872", "2022-06-15").status).toBe("billable");
    expect(loaded.icd10("E872", "2023-01-15").status).toBe("header");
  });
});
if (!sharedDataPresent(addenda)) skipNote(addenda, "the FY2023 ICD-10-CM order addenda");

describe.skipIf(!sharedDataPresent(hcpcsFile))("the CMS 2019 HCPCS file", () => {
  let set: HcpcsCodeSet;
  const load = async () => {
    set ??= (await read("HCPC2019_CONTR_ANWEB.txt", bytesOf(hcpcsFile))) as HcpcsCodeSet;
  };

  it("imports exactly 6,440 codes and 360 modifiers, passing over the disclaimers", async () => {
    await load();
    expect(set).toMatchObject({ kind: "HCPCS", version: "2019", skipped: [] });
    expect(set.entries.filter((e) => !e.modifier)).toHaveLength(6_440);
    expect(set.entries.filter((e) => e.modifier)).toHaveLength(360);
  });

  it("tolerates the 316-character record (a continuation of G8891) and joins it to its code", async () => {
    await load();
    expect(set.entries.find((e) => e.code === "G8891")!.long).toBe(
      "Documentation of medical reason(s) for most recent ldl-c not under control (e.g., patients with palliative goals for whom treatment of hypertension with standard treatment goals is not clinically appropriate)",
    );
  });

  it("a code with a termination date is active up to it and terminated after it; modifiers are known", async () => {
    await load();
    const library = CodeSetLibrary.fromSets([{ set, importedOn: "2026-11-27" }]);
    expect(library.hcpcs("C8904", "2018-06-01")).toMatchObject({ status: "active", added: "2001-10-01", terminated: "2018-12-31" });
    expect(library.hcpcs("C8904", "2019-01-15")).toEqual({
      status: "terminated",
      description: "Magnetic resonance imaging without contrast, breast; unilateral",
      terminated: "2018-12-31",
    });
    expect(library.hcpcs("A0021", "2019-06-01")).toMatchObject({ status: "active" });
    expect(library.hcpcsModifier("LT")).toEqual({
      status: "known",
      description: "Left side (used to identify procedures performed on the left side of the body)",
    });
    const loaded = await roundTrip([set]);
    expect(loaded.issues).toEqual([]);
    for (const entry of set.entries) {
      if (entry.modifier) expect(loaded.hcpcsModifier(entry.code)).toEqual(library.hcpcsModifier(entry.code));
      else for (const dos of ["2018-06-01", "2019-06-01"]) expect(loaded.hcpcs(entry.code, dos)).toEqual(library.hcpcs(entry.code, dos));
    }
  });
});
if (!sharedDataPresent(hcpcsFile)) skipNote(hcpcsFile, "the CMS 2019 HCPCS file");
