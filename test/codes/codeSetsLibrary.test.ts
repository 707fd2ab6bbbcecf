// The in-memory code-set library: ICD-10-CM chosen by the fiscal year of the date of service (and
// never silently another year), HCPCS status against added and termination dates, modifiers, and
// an office's named lists.
import { describe, expect, it } from "vitest";
import {
  CodeSetLibrary,
  icd10FiscalYear,
  icd10Version,
  type CodeList,
  type HcpcsCodeSet,
  type HcpcsEntry,
  type Icd10CodeSet,
} from "../../src/codes/codeSetLibrary";

function icdSet(version: string, rows: [string, 0 | 1, string][]): Icd10CodeSet {
  return {
    kind: "ICD10CM",
    version,
    source: `icd10cm_order_${version.slice(2)}.txt`,
    codes: rows.map((r) => r[0]),
    billable: Uint8Array.from(rows.map((r) => r[1])),
    descriptions: rows.map((r) => r[2]),
    skipped: [],
  };
}
const hcpcsSet = (version: string, entries: HcpcsEntry[]): HcpcsCodeSet => ({
  kind: "HCPCS",
  version,
  source: `HCPC${version}.txt`,
  entries,
  skipped: [],
});
const listSet = (name: string, rows: [string, string][]): CodeList => ({
  kind: "LIST",
  version: name,
  source: `${name}.csv`,
  codes: rows.map((r) => r[0]),
  descriptions: rows.map((r) => r[1]),
  skipped: [],
});

const FY2022 = icdSet("FY2022", [
  ["E87", 0, "Other disorders of fluid, electrolyte and acid-base balance"],
  ["E872", 1, "Acidosis"],
]);
const FY2023 = icdSet("FY2023", [
  ["E87", 0, "Other disorders of fluid, electrolyte and acid-base balance"],
  ["E872", 0, "Acidosis"],
  ["E8720", 1, "Acidosis, unspecified"],
]);
const imported = "2026-11-27";

describe("ICD-10-CM by fiscal year", () => {
  const library = CodeSetLibrary.fromSets([
    { set: FY2023, importedOn: imported },
    { set: FY2022, importedOn: "2026-11-20" },
  ]);

  it("a fiscal year runs from October 1 to September 30", () => {
    expect(icd10FiscalYear("2022-09-30")).toBe(2022);
    expect(icd10FiscalYear("2022-10-01")).toBe(2023);
    expect(icd10FiscalYear("2023-01-15")).toBe(2023);
    expect(icd10FiscalYear("2024-12-31")).toBe(2025);
    expect(icd10Version("fy 2025")).toBe("FY2025");
    expect(icd10Version(2025)).toBe("FY2025");
    expect(icd10Version("FY25")).toBeUndefined();
  });

  it("answers from the year of the date of service: a code that became a header is billable before, not after", () => {
    expect(library.icd10("E872", "2022-06-15")).toEqual({ status: "billable", version: "FY2022", description: "Acidosis" });
    expect(library.icd10("E872", "2022-09-30")).toMatchObject({ status: "billable", version: "FY2022" });
    expect(library.icd10("E872", "2022-10-01")).toEqual({ status: "header", version: "FY2023", description: "Acidosis" });
    expect(library.icd10("E8720", "2022-06-15")).toEqual({ status: "unknown", version: "FY2022" });
    expect(library.icd10("E8720", "2023-01-15")).toMatchObject({ status: "billable", version: "FY2023" });
  });

  it("without a date uses the newest loaded year", () => {
    expect(library.icd10("E872")).toMatchObject({ status: "header", version: "FY2023" });
  });

  it("says which year is needed when the date falls in a year not loaded, never using another one", () => {
    expect(library.icd10("E872", "2023-10-01")).toEqual({ status: "not-loaded", version: "FY2024" });
    expect(library.icd10("E872", "2021-09-30")).toEqual({ status: "not-loaded", version: "FY2021" });
    expect(CodeSetLibrary.empty().icd10("E872")).toEqual({ status: "not-loaded" });
  });

  it("accepts a code as typed (dot, lower case, spaces) as well as normalized", () => {
    expect(library.icd10(" e87.20 ", "2023-01-15")).toMatchObject({ status: "billable" });
    expect(library.icd10("E87.2", "2023-01-15")).toMatchObject({ status: "header" });
  });

  it("lists what is loaded, and knows a year however it is written", () => {
    expect(library.sets()).toEqual([
      { id: "ICD10CM:FY2022", kind: "ICD10CM", version: "FY2022", count: 2, importedOn: "2026-11-20", source: "icd10cm_order_2022.txt" },
      { id: "ICD10CM:FY2023", kind: "ICD10CM", version: "FY2023", count: 3, importedOn: imported, source: "icd10cm_order_2023.txt" },
    ]);
    expect(library.has("ICD10CM")).toBe(true);
    expect(library.has("ICD10CM", "2023")).toBe(true);
    expect(library.has("ICD10CM", "fy2023")).toBe(true);
    expect(library.has("ICD10CM", "FY2024")).toBe(false);
    expect(library.has("HCPCS")).toBe(false);
  });
});

describe("HCPCS against the date of service", () => {
  const entries: HcpcsEntry[] = [
    {
      code: "C8904",
      modifier: false,
      short: "Disc imaging",
      long: "Discontinued imaging code",
      added: "2001-10-01",
      terminated: "2018-12-31",
    },
    { code: "A0021", modifier: false, short: "Amb per mile", long: "", added: "1985-01-01" },
    { code: "G0999", modifier: false, short: "New", long: "Code added in 2019", added: "2019-01-01" },
    { code: "LT", modifier: true, short: "Left side", long: "Left side of the body" },
  ];
  const library = CodeSetLibrary.fromSets([{ set: hcpcsSet("2019", entries), importedOn: imported }]);

  it("a discontinued code is active up to its termination date and terminated after it", () => {
    expect(library.hcpcs("C8904", "2018-12-31")).toEqual({
      status: "active",
      description: "Discontinued imaging code",
      added: "2001-10-01",
      terminated: "2018-12-31",
    });
    expect(library.hcpcs("C8904", "2019-01-01")).toEqual({
      status: "terminated",
      description: "Discontinued imaging code",
      terminated: "2018-12-31",
    });
    // Without a date, a code with a termination date is not one to bill.
    expect(library.hcpcs("C8904")).toMatchObject({ status: "terminated" });
  });

  it("a code is unknown before it was added; the short description stands in for a missing long one", () => {
    expect(library.hcpcs("G0999", "2018-06-01")).toEqual({ status: "unknown" });
    expect(library.hcpcs("G0999", "2019-06-01")).toEqual({ status: "active", description: "Code added in 2019", added: "2019-01-01" });
    expect(library.hcpcs("a0021", "2019-06-01")).toEqual({ status: "active", description: "Amb per mile", added: "1985-01-01" });
    expect(library.hcpcs("J9999", "2019-06-01")).toEqual({ status: "unknown" });
  });

  it("modifiers come from the modifier records and are not codes", () => {
    expect(library.hcpcsModifier("LT")).toEqual({ status: "known", description: "Left side of the body" });
    expect(library.hcpcsModifier("lt")).toEqual({ status: "known", description: "Left side of the body" });
    expect(library.hcpcsModifier("ZZ")).toEqual({ status: "unknown" });
    expect(library.hcpcs("LT")).toEqual({ status: "unknown" });
    expect(CodeSetLibrary.empty().hcpcsModifier("LT")).toEqual({ status: "not-loaded" });
    expect(CodeSetLibrary.empty().hcpcs("A0021", "2019-01-01")).toEqual({ status: "not-loaded" });
  });

  it("with several years, the set of the date of service's year answers (the nearest one outside them)", () => {
    const newer = hcpcsSet("2020", [
      { code: "C8904", modifier: false, short: "x", long: "Reused in 2020 (synthetic)", added: "2020-01-01" },
    ]);
    const both = CodeSetLibrary.fromSets([
      { set: hcpcsSet("2019", entries), importedOn: imported },
      { set: newer, importedOn: imported },
    ]);
    expect(both.hcpcs("C8904", "2019-06-01")).toMatchObject({ status: "terminated" });
    expect(both.hcpcs("C8904", "2020-06-01")).toMatchObject({ status: "active", description: "Reused in 2020 (synthetic)" });
    expect(both.hcpcs("C8904", "2024-06-01")).toMatchObject({ status: "active" });
    expect(both.hcpcs("A0021", "2015-06-01")).toMatchObject({ status: "active" });
    expect(both.hcpcsModifier("LT")).toEqual({ status: "unknown" });
  });
});

describe("lists by name", () => {
  const library = CodeSetLibrary.fromSets([
    { set: listSet("CPT", [["99213", "Visit level 3 (office wording)"]]), importedOn: imported },
    {
      set: listSet("CARC", [
        ["45", "Exceeds fee schedule (office note)"],
        ["a1", "Claim denied (office note)"],
      ]),
      importedOn: imported,
    },
  ]);

  it("finds a code in the named list, any case, and says when the list is not loaded", () => {
    expect(library.listed("CPT", "99213")).toEqual({ status: "listed", description: "Visit level 3 (office wording)" });
    expect(library.listed("cpt", " 99213 ")).toMatchObject({ status: "listed" });
    expect(library.listed("CARC", "A1")).toMatchObject({ status: "listed" });
    expect(library.listed("CPT", "99214")).toEqual({ status: "unknown" });
    expect(library.listed("RARC", "N130")).toEqual({ status: "not-loaded" });
    expect(library.has("LIST", "carc")).toBe(true);
  });
});

describe("adding a set to a loaded library", () => {
  it("withSet adds a year beside the others and replaces the same kind and version", () => {
    const start = CodeSetLibrary.fromSets([
      { set: FY2022, importedOn: "2026-11-20" },
      { set: listSet("CPT", [["99213", "Visit"]]), importedOn: "2026-11-20" },
    ]);
    const next = start.withSet(FY2023, imported);
    expect(next.sets().map((s) => s.id)).toEqual(["ICD10CM:FY2022", "ICD10CM:FY2023", "LIST:CPT"]);
    expect(next.icd10("E872", "2022-06-15")).toMatchObject({ status: "billable" });
    expect(next.listed("CPT", "99213")).toMatchObject({ status: "listed" });
    const replaced = next.withSet(icdSet("FY2022", [["E872", 0, "Acidosis (revised)"]]), "2026-12-01");
    expect(replaced.icd10("E872", "2022-06-15")).toEqual({ status: "header", version: "FY2022", description: "Acidosis (revised)" });
    expect(replaced.sets().find((s) => s.version === "FY2022")).toMatchObject({ count: 1, importedOn: "2026-12-01" });
    // The library it came from is unchanged.
    expect(start.has("ICD10CM", "FY2023")).toBe(false);
  });
});
