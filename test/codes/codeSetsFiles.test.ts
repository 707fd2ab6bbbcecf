// Reading code files: the CMS ICD-10-CM order and codes files, the HCPCS fixed-width and Excel files,
// an office's two-column lists, the CMS zip as downloaded, and which year a file is for. Fixtures are
// small synthetic files in the CMS layouts (test/codes/fixtures); the xlsx and zips are built here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCodeList, splitDelimited } from "../../src/codes/codeList";
import { decodeCodeFile, readCodeSetFile, textFormat, yearFromFileName } from "../../src/codes/codeSetFiles";
import type { CodeList, HcpcsCodeSet, Icd10CodeSet, ParsedCodeSet } from "../../src/codes/codeSetLibrary";
import { parseHcpcsText } from "../../src/codes/hcpcsFiles";
import { parseIcd10Codes, parseIcd10Order } from "../../src/codes/icd10cmFiles";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));

async function read(name: string, bytes: Uint8Array, options = {}): Promise<ParsedCodeSet> {
  const result = await readCodeSetFile(name, bytes, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
async function refused(name: string, bytes: Uint8Array, options = {}): Promise<string> {
  const result = await readCodeSetFile(name, bytes, options);
  if (result.ok) throw new Error(`expected ${name} to be refused`);
  return result.error;
}
const icd = (set: ParsedCodeSet) => set as Icd10CodeSet;
const hcpcs = (set: ParsedCodeSet) => set as HcpcsCodeSet;
const list = (set: ParsedCodeSet) => set as CodeList;
const flagOf = (set: Icd10CodeSet, code: string) => set.billable[set.codes.indexOf(code)];

describe("ICD-10-CM order file", () => {
  it("reads code, header/billable flag and long description by column, CRLF lines", async () => {
    const set = icd(await read("icd10cm_order_2024.txt", fixture("icd10cm_order_2024.txt")));
    expect(set).toMatchObject({ kind: "ICD10CM", version: "FY2024", source: "icd10cm_order_2024.txt", skipped: [] });
    expect(set.codes).toEqual(["A00", "A000", "E11", "E119", "I10", "M545", "M5450", "S72001A", "Z23"]);
    expect([...set.billable]).toEqual([0, 1, 0, 1, 1, 0, 1, 1, 1]);
    expect(set.descriptions[set.codes.indexOf("S72001A")]).toBe(
      "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture",
    );
    // No long description on the line: the short one stands in.
    expect(set.descriptions[set.codes.indexOf("Z23")]).toBe("Encounter for immunization");
  });

  it("reports lines that are not records instead of guessing, and reads a file without a final newline", () => {
    const text =
      "00001 E11     0 Type 2 diabetes mellitus      Type 2 diabetes mellitus\n\nnot a record\n00002 e11.9   1 Bad code       Bad code\n00003 E119    1 T2DM  Type 2 diabetes mellitus without complications";
    const result = parseIcd10Order(text, "FY2024", "x.txt");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.codes).toEqual(["E11", "E119"]);
    expect(result.value.skipped).toEqual([
      "line 3: not an order-file record (order number, code, 0/1 flag, descriptions)",
      'line 4: "e11.9" is not an ICD-10-CM code',
    ]);
  });

  it("refuses a text with no record at all", () => {
    expect(parseIcd10Order("hello\r\nworld\r\n", "FY2024", "notes.txt")).toEqual({
      ok: false,
      error: "notes.txt holds no ICD-10-CM codes: is it an ICD-10-CM order file?",
    });
  });
});

describe("ICD-10-CM codes file", () => {
  it("reads code and description; every code is billable", async () => {
    const set = icd(await read("icd10cm_codes_2024.txt", fixture("icd10cm_codes_2024.txt")));
    expect(set.version).toBe("FY2024");
    expect(set.codes).toEqual(["A000", "E119", "I10", "M5450", "S72001A", "Z23"]);
    expect([...set.billable].every((b) => b === 1)).toBe(true);
    expect(set.descriptions[1]).toBe("Type 2 diabetes mellitus without complications");
  });

  it("tolerates tabs or single spaces between code and description", () => {
    const result = parseIcd10Codes(
      "E119\tType 2 diabetes mellitus without complications\nI10 Essential (primary) hypertension\n",
      "FY2024",
      "c.txt",
    );
    expect(result.ok && result.value.descriptions).toEqual([
      "Type 2 diabetes mellitus without complications",
      "Essential (primary) hypertension",
    ]);
  });
});

describe("HCPCS fixed-width file", () => {
  it("reads codes and modifiers, joins continuation lines, pads a short record, skips the disclaimers", async () => {
    const set = hcpcs(await read("HCPC2024_JAN_ANWEB.txt", fixture("HCPC2024_JAN_ANWEB.txt")));
    expect(set.version).toBe("2024");
    expect(set.entries.filter((e) => !e.modifier).map((e) => e.code)).toEqual(["A0021", "A0080", "C8904", "G0999", "J9999"]);
    expect(set.entries.filter((e) => e.modifier).map((e) => e.code)).toEqual(["LT", "RT"]);
    const byCode = new Map(set.entries.map((e) => [e.code, e]));
    expect(byCode.get("RT")!.long).toBe("Right side of the body, a longer synthetic description that continues on the next record line");
    // The continuation record is 300 characters, not 320.
    expect(byCode.get("A0080")!.long).toBe(
      "Non-emergency transportation, per mile, vehicle provided by a volunteer (individual or organization), synthetic continuation cut short",
    );
    expect(byCode.get("C8904")).toEqual({
      code: "C8904",
      modifier: false,
      short: "Discontinued imaging",
      long: "Synthetic imaging code that was discontinued at the end of 2018",
      added: "2001-10-01",
      terminated: "2018-12-31",
    });
    expect(byCode.get("A0021")!.terminated).toBeUndefined();
    // Only the stray line after the records is reported; the disclaimers above them are not.
    expect(set.skipped).toEqual(["line 12: not a HCPCS record"]);
  });

  it("decodes the file as windows-1252 (0x92 is a right quote, 0xA0 a no-break space) in Node as in a browser", async () => {
    const set = hcpcs(await read("HCPC2024_JAN_ANWEB.txt", fixture("HCPC2024_JAN_ANWEB.txt")));
    expect(set.entries.find((e) => e.code === "J9999")!.long).toBe("Synthetic drug\u2019s dose, not otherwise classified");
    expect(decodeCodeFile(new Uint8Array([0x41, 0xa0, 0x92, 0x80]))).toBe("A\u00a0\u2019\u20ac");
    expect(decodeCodeFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x43, 0xc3, 0xa9]))).toBe("C\u00e9");
    expect(decodeCodeFile(strToU8("Caf\u00e9"))).toBe("Caf\u00e9");
  });

  it("reports a continuation without its first line", () => {
    const line = `A0080${"00200"}4${"orphan continuation".padEnd(80)}`.padEnd(320);
    const first = `A0021${"00100"}3${"First".padEnd(80)}${"Short".padEnd(28)}`.padEnd(320);
    const result = parseHcpcsText(`${first}\r\n${line}\r\n`, "2024", "h.txt");
    expect(result.ok && result.value.skipped).toEqual(["line 2: continuation of A0080 without its first line"]);
  });
});

/** The CMS Excel version's layout: a title row, then headers named like the CMS file's. */
async function hcpcsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("HCPC2024_JAN_ANWEB");
  ws.addRow(["HCPCS 2024 January alpha-numeric file (synthetic)"]);
  ws.addRow(["HCPC", "SEQNUM", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "PRICE1", "ADD DT", "ACT EFF DT", "TERM DT", "ACTION CD"]);
  ws.addRow(["LT", 100, 7, "Left side of the body", "Left side", null, 19920101, 19920101, null, "N"]);
  ws.addRow(["A0080", 100, "3", "Non-emergency transportation, per mile,", "Volunteer transport", 11, "19980101", "20020101", null, "N"]);
  ws.addRow(["A0080", 200, "4", "vehicle provided by a volunteer", null, null, null, null, null, null]);
  ws.addRow([
    "C8904",
    100,
    3,
    { richText: [{ text: "Discontinued " }, { text: "imaging" }] },
    "Disc imaging",
    null,
    "20011001",
    "20190101",
    new Date(Date.UTC(2018, 11, 31)),
    "D",
  ]);
  ws.addRow(["ZZZZZ", 100, 9, "record id 9 is not in the layout", null, null, null, null, null, null]);
  // A second sheet is ignored: the first sheet is the file.
  wb.addWorksheet("Notes").addRow(["not read"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("HCPCS Excel file", () => {
  it("finds columns by header below a title row, joins RECID 4 rows, reads numeric, text and date cells", async () => {
    const set = hcpcs(await read("HCPC2024_JAN_ANWEB.xlsx", await hcpcsWorkbook()));
    expect(set).toMatchObject({ kind: "HCPCS", version: "2024", source: "HCPC2024_JAN_ANWEB.xlsx" });
    expect(set.entries).toEqual([
      { code: "LT", modifier: true, short: "Left side", long: "Left side of the body", added: "1992-01-01" },
      {
        code: "A0080",
        modifier: false,
        short: "Volunteer transport",
        long: "Non-emergency transportation, per mile, vehicle provided by a volunteer",
        added: "1998-01-01",
      },
      {
        code: "C8904",
        modifier: false,
        short: "Disc imaging",
        long: "Discontinued imaging",
        added: "2001-10-01",
        terminated: "2018-12-31",
      },
    ]);
    expect(set.skipped).toEqual(['row 7: record id "9" is none of 3, 4, 7, 8']);
  });

  it("reads the Excel file inside a CMS zip when it has no text version", async () => {
    const zip = zipSync({ "HCPC2024_JAN_ANWEB.xlsx": await hcpcsWorkbook(), "HCPC2024_recordlayout.pdf": strToU8("pdf") });
    const set = hcpcs(await read("2024-alpha-numeric-hcpcs-file.zip", zip));
    expect(set.source).toBe("2024-alpha-numeric-hcpcs-file.zip/HCPC2024_JAN_ANWEB.xlsx");
    expect(set.entries.map((e) => e.code)).toEqual(["LT", "A0080", "C8904"]);
  });

  it("takes an Excel sheet without a HCPC column as a two-column list", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Fees");
    ws.addRow(["Code", "Description"]);
    ws.addRow([99213, "Visit, established, level 3 (office wording)"]);
    ws.addRow(["J1100", "Injection (office wording)"]);
    const set = list(await read("Fee list.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()), { listName: "CPT" }));
    expect(set).toMatchObject({ kind: "LIST", version: "CPT", codes: ["99213", "J1100"] });
  });

  it("takes an office's own sheet headed HCPCS and Description as a list, not as the CMS file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Supplies");
    ws.addRow(["HCPCS", "Description"]);
    ws.addRow(["A4550", "Surgical tray (office wording)"]);
    const set = await read("Supplies.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(set).toMatchObject({ kind: "LIST", version: "Supplies", codes: ["A4550"] });
    const forced = hcpcs(await read("Supplies.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()), { kind: "HCPCS", version: "2024" }));
    expect(forced.entries).toEqual([{ code: "A4550", modifier: false, short: "", long: "Surgical tray (office wording)" }]);
  });

  it("reads date cells of a workbook in the 1904 date system as the dates they show", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("HCPC2024_JAN_ANWEB");
    ws.addRow(["HCPC", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "ADD DT", "TERM DT"]);
    ws.addRow(["C8904", 3, "Discontinued imaging", "Disc imaging", new Date(Date.UTC(2001, 9, 1)), new Date(Date.UTC(2018, 11, 31))]);
    const set = hcpcs(await read("HCPC2024_JAN_ANWEB.xlsx", new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(set.entries).toEqual([
      {
        code: "C8904",
        modifier: false,
        short: "Disc imaging",
        long: "Discontinued imaging",
        added: "2001-10-01",
        terminated: "2018-12-31",
      },
    ]);
  });

  it("says so when an .xlsx is not an Excel file, is the old .xls format, or is locked with a password", async () => {
    expect(await refused("HCPC2024.xlsx", strToU8("plain text"))).toMatch(/^HCPC2024\.xlsx is not an Excel \(\.xlsx\) file/);
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refused("HCPC2024.xls", ole)).toMatch(
      /^HCPC2024\.xls is an old Excel 97-2003 \(\.xls\) file: save it from Excel as an \.xlsx workbook/,
    );
    // An encrypted .xlsx is an OLE container with an EncryptedPackage stream (its name in UTF-16).
    ole.set(
      [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]),
      512,
    );
    expect(await refused("HCPC2024.xlsx", ole)).toMatch(/^HCPC2024\.xlsx is protected with a password/);
  });
});

describe("two-column lists", () => {
  it("reads CSV with a header row, quoted fields with commas and doubled quotes; duplicates and orphans are reported", async () => {
    const set = list(await read("office_cpt_list.csv", fixture("office_cpt_list.csv"), { listName: "CPT" }));
    expect(set.version).toBe("CPT");
    expect(set.codes).toEqual(["99213", "99214", "0001U"]);
    expect(set.descriptions).toEqual([
      "Visit, established patient, level 3 (office wording)",
      "Visit, established patient, level 4 (office wording)",
      'Lab test, "PLA" code (office wording)',
    ]);
    expect(set.skipped).toEqual(["row 5: 99213 is listed again (row 2 kept)", "row 6: a description without a code"]);
  });

  it("reads cells copied from Excel (tabs, a quoted cell holding a line break), no header, named after the file", async () => {
    const set = list(await read("excel_copy_list.txt", fixture("excel_copy_list.txt")));
    expect(set.version).toBe("excel_copy_list");
    expect(set.codes).toEqual(["45", "A1", "B7"]);
    expect(set.descriptions[1]).toBe('Claim denied, see the "remark"\r\nsecond line of the note');
  });

  it("guesses the header row only when the first row names the columns or alone lacks digits", () => {
    const names = (text: string, hasHeader?: boolean) => {
      const r = parseCodeList(text, "L", "l.csv", { hasHeader });
      return r.ok ? r.value.codes : r.error;
    };
    expect(names("Procedure,Desc\n99213,a\n")).toEqual(["99213"]);
    expect(names("ID\tMeaning\nCO\tContractual\n")).toEqual(["CO"]);
    expect(names("Code list\n99213,a\n99214,b\n")).toEqual(["99213", "99214"]);
    expect(names("99213,a\n99214,b\n")).toEqual(["99213", "99214"]);
    expect(names("CO,Contractual\nPR,Patient\n")).toEqual(["CO", "PR"]);
    expect(names("99213,a\n99214,b\n", true)).toEqual(["99214"]);
    // No delimiter at all: code, spaces, description.
    expect(names("99213   Visit level 3\n99214 Visit level 4\n")).toEqual(["99213", "99214"]);
    expect(names("")).toBe("l.csv is empty");
    expect(names(",only descriptions\n")).toBe("l.csv has no codes in its first column");
  });

  it("splits quoted CSV exactly, keeping empty cells and delimiters inside quotes", () => {
    expect(splitDelimited('a,"b,c",,"d ""e"""\r\n"x\ny",z', ",")).toEqual([
      ["a", "b,c", "", 'd "e"'],
      ["x\ny", "z"],
    ]);
  });

  it("refuses a list without a name", () => {
    expect(parseCodeList("99213,a", " ", "x.csv")).toEqual({ ok: false, error: "the list needs a name (for example CPT)" });
  });
});

describe("what a file is and which year it is for", () => {
  it.each([
    ["icd10cm_order_2025.txt", 2025],
    ["icd10cm-order-2024.txt", 2024],
    ["icd10cm_codes_2023.txt", 2023],
    ["HCPC2019_CONTR_ANWEB.txt", 2019],
    ["HCPC2025_JAN_ANWEB.xlsx", 2025],
    ["C:\\Downloads\\cms_2025_dx.zip", 2025],
    ["2026 Code Descriptions in Tabular Order.zip", 2026],
    ["icd10cm_order.txt", undefined],
    ["codes_12025.txt", undefined],
  ])("%s -> %s", (name, year) => {
    expect(yearFromFileName(name)).toBe(year);
  });

  it("takes an explicit year over the name, and refuses a file whose year cannot be known", async () => {
    const order = fixture("icd10cm_order_2024.txt");
    expect((await read("icd10cm_order_2024.txt", order, { version: "fy 2026" })).version).toBe("FY2026");
    expect((await read("order.txt", order, { version: "2023" })).version).toBe("FY2023");
    expect(await refused("order.txt", order)).toBe(
      "the name order.txt does not say which ICD-10-CM fiscal year it is for: choose the year, or name the file like icd10cm_order_2025.txt",
    );
    expect(await refused("order.txt", order, { version: "last year" })).toBe(
      '"last year" is not an ICD-10-CM fiscal year (write it like FY2025)',
    );
    expect(await refused("HCPC.txt", fixture("HCPC2024_JAN_ANWEB.txt"))).toMatch(/which HCPCS year it is for/);
  });

  it("tells a codes file from a list by its name, and follows an explicit kind", () => {
    const text = "J1100 Dexamethasone (office wording)\nJ3301 Triamcinolone (office wording)\n";
    expect(textFormat("injections.txt", text)).toEqual({ ok: true, value: "list" });
    expect(textFormat("icd10cm_codes_2024.txt", "E119 Type 2 diabetes\n")).toEqual({ ok: true, value: "icd10-codes" });
    expect(textFormat("dx.txt", "E119 Type 2 diabetes\n", "ICD10CM")).toEqual({ ok: true, value: "icd10-codes" });
    expect(textFormat("icd10cm_order_2024.txt", "00001 E11     0 T2DM   T2DM\n", "LIST")).toEqual({ ok: true, value: "list" });
    expect(textFormat("x.txt", "99213,a\n", "ICD10CM")).toEqual({
      ok: false,
      error: "x.txt is neither an ICD-10-CM order file nor a codes file",
    });
    expect(textFormat("x.txt", "99213,a\n", "HCPCS")).toEqual({ ok: false, error: "x.txt is not a HCPCS file (320-character records)" });
  });

  it("refuses an addenda file: it holds a year's changes, not the code set", async () => {
    const addenda = strToU8("Add:         0 E872    Acidosis     Acidosis\nDelete:      1 E872    Acidosis     Acidosis\n");
    expect(await refused("icd10cm_order_addenda_2025.txt", addenda)).toMatch(/is an addenda file .* import the order file/);
  });
});

describe("the CMS zip as downloaded", () => {
  const orderText = readFileSync(path.join(fixtures, "icd10cm_order_2024.txt"));
  const codesText = readFileSync(path.join(fixtures, "icd10cm_codes_2024.txt"));

  it("takes the order file over the codes file and the addenda, and names both in the source", async () => {
    const zip = zipSync({
      "icd10cm_codes_2024.txt": new Uint8Array(codesText),
      "icd10cm_order_addenda_2024.txt": strToU8("Add:         0 E872    Acidosis"),
      "docs/icd10cm_order_2024.txt": new Uint8Array(orderText),
      "icd10OrderFiles.pdf": strToU8("%PDF"),
    });
    const set = icd(await read("2024-code-descriptions.zip", zip));
    expect(set.source).toBe("2024-code-descriptions.zip/icd10cm_order_2024.txt");
    expect(set.codes).toHaveLength(9);
    expect(flagOf(set, "E11")).toBe(0);
  });

  it("falls back to the codes file, and to the zip's name for the year", async () => {
    const zip = zipSync({ "icd10cm_codes.txt": new Uint8Array(codesText) });
    const set = icd(await read("cms_2024_dx.zip", zip));
    expect(set).toMatchObject({ version: "FY2024", source: "cms_2024_dx.zip/icd10cm_codes.txt" });
    expect(set.codes).toHaveLength(6);
  });

  it("says what a zip without code files holds, and that a damaged zip should be downloaded again", async () => {
    const zip = zipSync({ "readme.pdf": strToU8("%PDF"), "notes/": new Uint8Array() });
    expect(await refused("other.zip", zip)).toBe("other.zip holds no ICD-10-CM order or codes file and no HCPCS file (it has readme.pdf)");
    const damaged = zipSync({ "icd10cm_order_2024.txt": new Uint8Array(orderText) }).slice(0, 60);
    expect(await refused("cms_2024_dx.zip", damaged)).toBe("cms_2024_dx.zip is a damaged zip file: download it again");
    expect(await refused("cms_2024_dx.zip", strToU8("<html>Not found</html>"))).toBe(
      "cms_2024_dx.zip is not a zip file: download it again",
    );
  });
});
