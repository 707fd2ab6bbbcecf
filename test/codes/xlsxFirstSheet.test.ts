// The fflate-only reader of an .xlsx file's first sheet. Workbooks are built here, with ExcelJS (as
// Excel files are usually written) or by hand (inline strings, namespace prefixes and other things
// ExcelJS never writes), and every one is checked against what ExcelJS itself reads back from the
// same bytes, turned into port values the way the xlsx adapter does (dates as serials, rich text and
// formulas as their text and result, errors as their text, empty text as null).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readCodeSetFile } from "../../src/codes/codeSetFiles";
import type { HcpcsCodeSet } from "../../src/codes/codeSetLibrary";
import { parseHcpcsText } from "../../src/codes/hcpcsFiles";
import { readFirstSheet, type FirstSheet } from "../../src/codes/xlsxFirstSheet";
import { isoToSerial, serialToIso, type DateSystem } from "../../src/dates";
import type { CellValue } from "../../src/workbook/port";
import { sharedDataPresent } from "../sharedData";

const DAY_MS = 86_400_000;

/** An ExcelJS value as a port value (the xlsx adapter's rules), so the two readers can be compared. */
function portValue(value: ExcelJS.CellValue | undefined, system: DateSystem): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  // ExcelJS turns serial S into UTC (S - 25569) days (1904: S + 1462 - 25569); this is its inverse.
  if (value instanceof Date) return value.getTime() / DAY_MS + (system === 1904 ? 25569 - 1462 : 25569);
  if ("error" in value) return value.error;
  if ("richText" in value) return portValue(value.richText.map((run) => run.text).join(""), system);
  if ("formula" in value || "sharedFormula" in value) return portValue(value.result as ExcelJS.CellValue, system);
  if ("hyperlink" in value) return portValue(value.text as ExcelJS.CellValue, system);
  return null;
}

/** What ExcelJS reads from the first sheet, in the reader's shape (rows end at their last value). */
async function readWithExcelJs(bytes: Uint8Array): Promise<FirstSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const dateSystem: DateSystem = workbook.properties.date1904 ? 1904 : 1900;
  const sheet = workbook.worksheets[0];
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => portValue(v, dateSystem));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) rows[rowNumber - 1] = Array.from(cells, (v) => v ?? null);
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name: sheet.name, rows, dateSystem };
}

function read(bytes: Uint8Array): FirstSheet {
  const sheet = readFirstSheet(bytes, "Codes.xlsx");
  if (!sheet.ok) throw new Error(sheet.error);
  return sheet.value;
}

function refusal(bytes: Uint8Array): string {
  const sheet = readFirstSheet(bytes, "Codes.xlsx");
  if (sheet.ok) throw new Error("expected the file to be refused");
  return sheet.error;
}

async function expectSameAsExcelJs(bytes: Uint8Array): Promise<FirstSheet> {
  const ours = read(bytes);
  expect(ours).toEqual(await readWithExcelJs(bytes));
  return ours;
}

const writeBook = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

/** A workbook whose first sheet holds every kind of value ExcelJS writes, and a second sheet that must not be read. */
async function everyKindOfCell(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Fee schedule & <codes> 2025");
  ws.addRow(["Code", "Description", "Fee", "Active", "Effective"]);
  ws.addRow(["99213", "Visit, established, level 3", 92.5, true, new Date(Date.UTC(2025, 0, 1))]);
  ws.addRow([99214, 'Visit "level 4" & more <b>', -0.25, false, new Date(Date.UTC(1904, 0, 2))]);
  // Empty cells between values, and an empty row before the next one.
  ws.getCell("A5").value = "J1100";
  ws.getCell("D5").value = true;
  ws.getCell("G5").value = 1e21;
  ws.addRow([
    { richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }, { text: " runs" }] },
    "  spaces kept  ",
    { formula: "1+1", result: 2 },
    { formula: 'A1&"x"', result: "Codex" },
    { error: "#N/A" },
    "two\nlines",
    "Caf\u00e9 \u{1F600} \u4e2d\u6587",
  ]);
  ws.addRow([{ text: "CMS", hyperlink: "https://www.cms.gov/" }, "O'Brien's", "", null, 0]);
  // The same string twice: one shared string, two cells.
  ws.addRow(["99213", "Visit, established, level 3"]);
  wb.addWorksheet("Sheet1").addRow(["second sheet", "must not be read"]);
  return writeBook(wb);
}

/** A workbook put together part by part, as other tools write them. */
function handMadeBook(parts: { workbook: string; rels: string; sheets: Record<string, string>; sharedStrings?: string }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        "</Relationships>",
    ),
    "xl/workbook.xml": strToU8(parts.workbook),
    "xl/_rels/workbook.xml.rels": strToU8(parts.rels),
  };
  for (const [name, xml] of Object.entries(parts.sheets)) files[name] = strToU8(xml);
  if (parts.sharedStrings !== undefined) files["xl/sharedStrings.xml"] = strToU8(parts.sharedStrings);
  return zipSync(files);
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const relsXml = (rels: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;

describe("reading the first sheet of an .xlsx file", () => {
  it("reads every kind of value ExcelJS writes exactly as ExcelJS reads it back (1900 date system)", async () => {
    const sheet = await expectSameAsExcelJs(await everyKindOfCell(false));
    // The same answer from both readers could still be wrong: pin what the cells hold.
    expect(sheet.name).toBe("Fee schedule & <codes> 2025");
    expect(sheet.dateSystem).toBe(1900);
    expect(sheet.rows[0]).toEqual(["Code", "Description", "Fee", "Active", "Effective"]);
    expect(sheet.rows[1]).toEqual(["99213", "Visit, established, level 3", 92.5, true, isoToSerial("2025-01-01")]);
    expect(sheet.rows[2].slice(0, 4)).toEqual([99214, 'Visit "level 4" & more <b>', -0.25, false]);
    expect(sheet.rows[3]).toEqual([]);
    expect(sheet.rows[4]).toEqual(["J1100", null, null, true, null, null, 1e21]);
    expect(sheet.rows[5]).toEqual([
      "Rich text runs",
      "  spaces kept  ",
      2,
      "Codex",
      "#N/A",
      "two\nlines",
      "Caf\u00e9 \u{1F600} \u4e2d\u6587",
    ]);
    expect(sheet.rows[6]).toEqual(["CMS", "O'Brien's", null, null, 0]);
    expect(sheet.rows).toHaveLength(8);
  });

  it("gives dates as serials of a 1904 workbook, and says it is one", async () => {
    const sheet = await expectSameAsExcelJs(await everyKindOfCell(true));
    expect(sheet.dateSystem).toBe(1904);
    const effective = sheet.rows[1][4] as number;
    expect(effective).toBe(isoToSerial("2025-01-01", 1904));
    expect(serialToIso(effective, 1904)).toEqual({ ok: true, value: "2025-01-01" });
    expect(sheet.rows[2][4]).toBe(1);
  });

  it("reads a 10,000-row sheet as ExcelJS does", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("HCPC2025_JAN_ANWEB");
    ws.addRow(["HCPC", "SEQNUM", "RECID", "LONG DESCRIPTION", "ADD DT", "TERM DT"]);
    for (let i = 0; i < 10_000; i++) {
      const code = `A${String(i).padStart(4, "0")}`;
      ws.addRow([
        code,
        100,
        3,
        `Description of ${code} & friends`,
        19_980_101,
        i % 7 === 0 ? new Date(Date.UTC(2019, 0, 1 + (i % 300))) : null,
      ]);
    }
    const sheet = await expectSameAsExcelJs(await writeBook(wb));
    expect(sheet.rows).toHaveLength(10_001);
    expect(sheet.rows[10_000]).toEqual(["A9999", 100, 3, "Description of A9999 & friends", 19_980_101]);
  });

  it("takes the first sheet in tab order through the workbook's relationships, not sheet1.xml", async () => {
    const bytes = handMadeBook({
      workbook:
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        '<sheet name="Codes &amp; fees" sheetId="2" r:id="rId2"/><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      rels: relsXml([
        rel("rId1", "worksheet", "worksheets/sheet1.xml"),
        rel("rId2", "worksheet", "/xl/worksheets/sheet2.xml"),
        rel("rId3", "sharedStrings", "sharedStrings.xml"),
      ]),
      sheets: {
        "xl/worksheets/sheet1.xml": `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
        "xl/worksheets/sheet2.xml":
          `<worksheet xmlns="${MAIN_NS}"><cols><col min="1" max="2" width="12"/></cols><sheetData>` +
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
          // Inline strings, plain and rich, and character references.
          '<row r="2"><c r="A2" t="inlineStr"><is><t>E11.9</t></is></c><c r="B2" t="inlineStr"><is><r><t xml:space="preserve">Type 2 </t></r><r><rPr><b/></rPr><t>diabetes &#233;&#x1F600;</t></r></is></c></row>' +
          '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="C3" s="1"/><c r="D3"><v>42</v></c></row>' +
          "</sheetData></worksheet>",
      },
      sharedStrings:
        `<sst xmlns="${MAIN_NS}" count="3" uniqueCount="3"><si><t>Code</t></si><si><t>Description &lt;long&gt;</t></si>` +
        // Rich text with a phonetic guide, which is not part of the text.
        '<si><r><t>\u6771</t></r><r><t>\u4eac</t></r><rPh sb="0" eb="2"><t>\u30c8\u30a6\u30ad\u30e7\u30a6</t></rPh><phoneticPr fontId="1"/></si></sst>',
    });
    const sheet = await expectSameAsExcelJs(bytes);
    expect(sheet).toEqual({
      name: "Codes & fees",
      dateSystem: 1900,
      rows: [
        ["Code", "Description <long>"],
        ["E11.9", "Type 2 diabetes \u00e9\u{1F600}"],
        ["\u6771\u4eac", null, null, 42],
      ],
    });
  });

  it("reads what ExcelJS cannot: namespace prefixes, cells and rows without references, ISO date cells, Excel's _xHHHH_ escapes", () => {
    const bytes = handMadeBook({
      workbook:
        `<x:workbook xmlns:x="${MAIN_NS}" xmlns:rel="${REL_NS}"><x:workbookPr date1904="true"/><x:sheets>` +
        '<x:sheet name="Imported" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>',
      rels: relsXml([rel("rId1", "worksheet", "worksheets/sheet1.xml"), rel("rId2", "sharedStrings", "sharedStrings.xml")]),
      sheets: {
        "xl/worksheets/sheet1.xml":
          `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
          '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="str"><x:v>a_x000D_b</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>' +
          '<x:row><x:c r="B2" t="d"><x:v>2024-10-01T12:00:00Z</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c><x:f>A1</x:f></x:c><x:c><x:v> </x:v></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" t="s"><x:v>2</x:v></x:c></x:row>' +
          '<x:row r="5"><x:c r="A5" t=\'inlineStr\'><x:is><x:t><![CDATA[<raw> & text]]></x:t></x:is></x:c></x:row>' +
          "</x:sheetData></x:worksheet>",
      },
      sharedStrings: `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>line\r\none_x005F_x0041_</x:t></x:si><x:si/><x:si><x:t>after an empty one</x:t></x:si></x:sst>`,
    });
    expect(read(bytes)).toEqual({
      name: "Imported",
      dateSystem: 1904,
      rows: [
        ["line\none_x0041_", "a\rb", true],
        [null, isoToSerial("2024-10-01", 1904) + 0.5, "#DIV/0!"],
        [null, "after an empty one"],
        [],
        ["<raw> & text"],
      ],
    });
  });

  it("finds the parts whatever the case of their names, and the workbook wherever the package puts it", () => {
    const files = {
      "_rels/.rels": strToU8(relsXml([rel("rId1", "officeDocument", "Book/Main.xml")])),
      "book/main.xml": strToU8(
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Chart" sheetId="2" r:id="rId9"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      "Book/_rels/Main.xml.rels": strToU8(
        relsXml([rel("rId9", "chartsheet", "charts/c1.xml"), rel("rId1", "worksheet", "../Sheets/One.xml")]),
      ),
      "sheets/one.xml": strToU8(
        `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="2"><c r="AB2"><v>7</v></c></row></sheetData></worksheet>`,
      ),
    };
    const sheet = read(zipSync(files));
    expect(sheet.name).toBe("Data");
    expect(sheet.rows).toHaveLength(2);
    expect(sheet.rows[1]).toHaveLength(28);
    expect(sheet.rows[1][27]).toBe(7);
  });
});

describe("files that are no .xlsx workbook", () => {
  const ole = (extra: Uint8Array) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(extra, 1024);
    return bytes;
  };
  const utf16 = (text: string) => new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0), 0]));

  it("refuses an old .xls, a workbook locked with a password, and a file that is not a workbook at all", () => {
    expect(refusal(ole(utf16("Workbook")))).toBe(
      "Codes.xlsx is an old Excel 97-2003 (.xls) file: save it from Excel as an .xlsx workbook and import that",
    );
    // Excel keeps an encrypted .xlsx in an OLE container with an EncryptedPackage stream.
    expect(refusal(ole(utf16("EncryptionInfo\0EncryptedPackage")))).toMatch(
      /^Codes\.xlsx is protected with a password: .*remove the password/,
    );
    expect(refusal(strToU8("Code,Description\n99213,Visit\n"))).toBe(
      "Codes.xlsx is not an Excel (.xlsx) file: save it from Excel as an .xlsx workbook and import that",
    );
    expect(refusal(new Uint8Array(0))).toMatch(/is not an Excel \(\.xlsx\) file/);
  });

  it("refuses a zip without a workbook, a binary .xlsb, a damaged zip, and a workbook without a worksheet", async () => {
    expect(refusal(zipSync({ "codes.txt": strToU8("99213 Visit") }))).toBe(
      "Codes.xlsx is a zip file with no Excel workbook in it: choose the .xlsx file itself",
    );
    expect(refusal(zipSync({ "xl/workbook.bin": new Uint8Array([1, 2, 3]) }))).toMatch(
      /is an Excel binary \(\.xlsb\) workbook: save it from Excel/,
    );
    const whole = await everyKindOfCell(false);
    expect(refusal(whole.subarray(0, whole.length - 200))).toMatch(/^Codes\.xlsx is damaged \(it cannot be unzipped\)/);
    const noSheets = handMadeBook({ workbook: `<workbook xmlns="${MAIN_NS}"><sheets/></workbook>`, rels: relsXml([]), sheets: {} });
    expect(refusal(noSheets)).toBe("Codes.xlsx has no worksheet");
    const lostSheet = handMadeBook({
      workbook: `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Codes" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      rels: relsXml([rel("rId1", "worksheet", "worksheets/sheet1.xml")]),
      sheets: {},
    });
    expect(refusal(lostSheet)).toBe('Codes.xlsx is damaged: its sheet "Codes" is missing from the file');
  });
});

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const hcpcsFile = path.resolve(projectRoot, "../shared/data/hcpcs/HCPC2019_CONTR_ANWEB.txt");
const hcpcsMissing = !sharedDataPresent(hcpcsFile);
if (hcpcsMissing) console.log(`xlsxFirstSheet: the real-file test is skipped: ${hcpcsFile} is missing (shared sample data)`);

describe.skipIf(hcpcsMissing)("the real 2019 HCPCS file, saved as the CMS Excel version", () => {
  it("imports the same 6,440 codes and 360 modifiers from the workbook as from the text file", async () => {
    const text = readFileSync(hcpcsFile, "latin1");
    const fromText = parseHcpcsText(text, "2019", "HCPC2019_CONTR_ANWEB.txt");
    if (!fromText.ok) throw new Error(fromText.error);
    // The Excel version's columns, one row per record; dates as date cells where the text has one.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("HCPC2019_CONTR_ANWEB");
    ws.addRow(["HCPC", "SEQNUM", "RECID", "LONG DESCRIPTION", "SHORT DESCRIPTION", "ADD DT", "TERM DT"]);
    const asDate = (yyyymmdd: string) =>
      /^\d{8}$/.test(yyyymmdd) ? new Date(Date.UTC(+yyyymmdd.slice(0, 4), +yyyymmdd.slice(4, 6) - 1, +yyyymmdd.slice(6, 8))) : null;
    for (const line of text.split(/\r?\n/)) {
      if (!/^[0-9A-Z ]{5}\d{5}[3478]/.test(line)) continue;
      const padded = line.padEnd(320);
      ws.addRow([
        padded.slice(0, 5).trim(),
        Number(padded.slice(5, 10)),
        padded.charAt(10),
        padded.slice(11, 91).trim(),
        padded.slice(91, 119).trim() || null,
        asDate(padded.slice(268, 276)),
        asDate(padded.slice(284, 292)),
      ]);
    }
    const result = await readCodeSetFile("HCPC2019_CONTR_ANWEB.xlsx", await writeBook(wb));
    if (!result.ok) throw new Error(result.error);
    const set = result.value as HcpcsCodeSet;
    expect(set.entries.filter((e) => !e.modifier)).toHaveLength(6_440);
    expect(set.entries.filter((e) => e.modifier)).toHaveLength(360);
    expect(set.entries).toEqual(fromText.value.entries);
  });
});
