// The first worksheet of an .xlsx file, its cell values only, read with fflate alone. Code files come
// as Excel workbooks (the CMS HCPCS Excel file, an office's fee list) and the Codes panel imports them
// in the Excel host too, which must never load ExcelJS (about 256 KB gzipped); a code file needs no
// styles, formulas or layout, only what each cell shows. The XML is scanned with indexOf and regular
// expressions rather than a DOM: DOMParser does not exist in Node, and a tree of a 10,000-row sheet
// would be built only to be thrown away.
import { unzipSync } from "fflate";
import { isoToSerial, type DateSystem } from "../dates";
import { fail, ok, type Parsed } from "../result";
import type { CellValue } from "../workbook/port";

export interface FirstSheet {
  /** The sheet's name as its tab shows it. */
  name: string;
  /**
   * rows[r][c] is sheet row r + 1, column c + 1. A row ends at its last filled cell, empty cells before
   * it are null, and a row with nothing in it is []. Formulas give their last calculated value, errors
   * their text ("#N/A"), and dates their serial number in `dateSystem` (number formats are not read:
   * the caller knows which columns hold dates). Empty text is null, as in every workbook adapter.
   */
  rows: CellValue[][];
  dateSystem: DateSystem;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Excel saves a workbook with a password to open as an OLE container holding these two streams.
const ENCRYPTED_STREAM = utf16le("EncryptedPackage");

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
  return bytes;
}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, pattern: Uint8Array): boolean {
  const first = pattern[0];
  const last = bytes.length - pattern.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return true;
  }
  return false;
}

/** The parts of the zip, found by name the way the package format names them: case does not matter. */
class XlsxPackage {
  /** Lower-case part name (no leading slash) -> the name as stored in the zip. */
  private readonly names = new Map<string, string>();

  constructor(private readonly bytes: Uint8Array) {
    // Listing only: the filter sees every entry and inflates none.
    unzipSync(bytes, {
      filter: (file) => {
        this.names.set(partKey(file.name), file.name);
        return false;
      },
    });
  }

  has(part: string): boolean {
    return this.names.has(partKey(part));
  }

  /** The named parts as text; a part the zip lacks is left out. Only these are inflated. */
  read(parts: string[]): Map<string, string> {
    const wanted = new Map<string, string>();
    for (const part of parts) {
      const stored = this.names.get(partKey(part));
      if (stored !== undefined) wanted.set(stored, part);
    }
    const files = unzipSync(this.bytes, { filter: (file) => wanted.has(file.name) });
    const decoder = new TextDecoder("utf-8");
    const texts = new Map<string, string>();
    for (const [stored, part] of wanted) if (files[stored]) texts.set(part, decoder.decode(files[stored]));
    return texts;
  }
}

const partKey = (name: string) => name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();

interface Relationship {
  type: string;
  /** The target part's name in the zip, resolved against the source part's folder. */
  target: string;
}

/** A .rels part: relationship id -> type and target part. External targets (links, web pages) are left out. */
function relationships(xml: string | undefined, sourcePart: string): Map<string, Relationship> {
  const folder = sourcePart.includes("/") ? sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1) : "";
  const rels = new Map<string, Relationship>();
  if (xml === undefined) return rels;
  for (const attrs of elements(xml, "Relationship")) {
    const id = attribute(attrs, "Id");
    const target = attribute(attrs, "Target");
    if (id === undefined || target === undefined || attribute(attrs, "TargetMode") === "External") continue;
    rels.set(id, { type: attribute(attrs, "Type") ?? "", target: resolvePart(folder, target) });
  }
  return rels;
}

function resolvePart(folder: string, target: string): string {
  let path = target.replace(/\\/g, "/");
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray % in a part name: take the name as written.
  }
  const segments = (path.startsWith("/") ? path : folder + path).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}

// Relationship types end the same way in transitional and strict files; only the namespace differs.
const isType = (rel: Relationship | undefined, name: string) => rel !== undefined && rel.type.endsWith(`/${name}`);

/** The attribute strings of every element with this local name (any namespace prefix), in document order. */
function elements(xml: string, localName: string): string[] {
  const found: string[] = [];
  // Attribute values are matched as quoted strings, so a ">" inside a sheet's name cannot end the tag.
  const tag = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}((?:\\s(?:[^>"']|"[^"]*"|'[^']*')*?)?)\\/?>`, "g");
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) found.push(m[1]);
  return found;
}

const attributePatterns = new Map<string, RegExp>();

/** An attribute's decoded value; `name` may be given without its prefix as ":id" to match r:id, x:id... */
function attribute(attrs: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    const qualified = name.startsWith(":") ? `[A-Za-z_][\\w.-]*${name}` : name;
    pattern = new RegExp(`(?:^|\\s)${qualified}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2]) : undefined;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The five XML entities and numeric character references; anything else is left as written. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35) return ENTITIES[name];
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Character data as an XML parser hands it over: line ends normalized to \n (an escaped &#13; stays a
 * carriage return), entities decoded, CDATA taken as written. The text is kept as it is, spaces
 * included, whatever xml:space says: that attribute tells writers and applications, not parsers.
 */
function characterData(raw: string): string {
  if (raw.includes("<![CDATA[")) {
    return raw
      .split(/<!\[CDATA\[([\s\S]*?)\]\]>/)
      .map((piece, i) => (i % 2 === 1 ? piece.replace(/\r\n?/g, "\n") : characterData(piece)))
      .join("");
  }
  return decodeEntities(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
}

/** Excel's own escape inside cell text: _x000D_ is a carriage return, _x005F_ an underscore. */
const unescapeExcel = (text: string) =>
  text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;

const PHONETIC_RUN = /<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>/g;
const TEXT_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?t>)/g;

/**
 * The text of a shared string or an inline string: one <t>, or rich-text runs <r><t> joined. Phonetic
 * guides (<rPh>, the furigana over Japanese text) are not part of what the cell shows.
 */
function stringItemText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(PHONETIC_RUN, "") : xml;
  let text = "";
  TEXT_ELEMENT.lastIndex = 0;
  for (let m = TEXT_ELEMENT.exec(body); m; m = TEXT_ELEMENT.exec(body)) if (m[1]) text += characterData(m[1]);
  return unescapeExcel(text);
}

const SHARED_STRING = /<((?:[A-Za-z_][\w.-]*:)?)si\b[^>]*?(\/?)>/g;

function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  SHARED_STRING.lastIndex = 0;
  for (let m = SHARED_STRING.exec(xml); m; m = SHARED_STRING.exec(xml)) {
    if (m[2] === "/") {
      strings.push("");
      continue;
    }
    const close = xml.indexOf(`</${m[1]}si>`, SHARED_STRING.lastIndex);
    if (close < 0) break;
    strings.push(stringItemText(xml.slice(SHARED_STRING.lastIndex, close)));
    SHARED_STRING.lastIndex = close;
  }
  return strings;
}

const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

// A <row> or a <c> (cell) start tag; "col", "cfRule" and the like do not match (the name must end there).
const ROW_OR_CELL = /<((?:[A-Za-z_][\w.-]*:)?)(row|c)(\s[^>]*?)?(\/?)>/g;
const CELL_REF = /(?:^|\s)r\s*=\s*["']([A-Za-z]{0,3})([0-9]*)["']/;
const ROW_NUMBER = /(?:^|\s)r\s*=\s*["']([0-9]+)["']/;
const CELL_TYPE = /(?:^|\s)t\s*=\s*["']([A-Za-z]+)["']/;
const VALUE_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>)/;
const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData\b/;
const ISO_DATE_TIME = /^\s*(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** "AB" -> 28 (1-based); 0 when there are no letters. */
function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

/** A cell's value from its type attribute and its inner XML. */
function cellValue(type: string | undefined, inner: string, strings: string[], system: DateSystem): CellValue {
  if (type === "inlineStr") return stringItemText(inner) || null;
  const m = VALUE_ELEMENT.exec(inner);
  const raw = m?.[1];
  if (raw === undefined || raw === "") return null;
  switch (type) {
    case "s":
      return strings[Number(raw)] || null;
    case "str":
    case "e":
      return unescapeExcel(characterData(raw)) || null;
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "d":
      return dateTimeSerial(raw, system) ?? characterData(raw);
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : characterData(raw);
    }
  }
}

/** An ISO 8601 date cell (t="d", written by some tools instead of a serial) as the serial Excel would store. */
function dateTimeSerial(raw: string, system: DateSystem): number | undefined {
  const m = ISO_DATE_TIME.exec(raw);
  if (!m) return undefined;
  const seconds = m[2] === undefined ? 0 : Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return isoToSerial(m[1], system) + seconds / 86_400;
}

/** Every cell value of a worksheet part, by row and column. */
function sheetRows(xml: string, strings: string[], system: DateSystem): CellValue[][] {
  const rows: CellValue[][] = [];
  const start = xml.search(SHEET_DATA);
  if (start < 0) return rows;
  let rowIndex = -1;
  let columnIndex = -1;
  let row: CellValue[] | undefined;
  ROW_OR_CELL.lastIndex = start;
  for (let m = ROW_OR_CELL.exec(xml); m; m = ROW_OR_CELL.exec(xml)) {
    const [, prefix, name, attrs = "", selfClosing] = m;
    if (name === "row") {
      const number = ROW_NUMBER.exec(attrs);
      rowIndex = number ? Number(number[1]) - 1 : rowIndex + 1;
      columnIndex = -1;
      row = undefined;
      continue;
    }
    const ref = CELL_REF.exec(attrs);
    const column = ref ? columnNumber(ref[1]) : 0;
    columnIndex = column > 0 ? column - 1 : columnIndex + 1;
    if (selfClosing === "/") continue;
    const close = xml.indexOf(`</${prefix}c>`, ROW_OR_CELL.lastIndex);
    if (close < 0) break;
    const inner = xml.slice(ROW_OR_CELL.lastIndex, close);
    ROW_OR_CELL.lastIndex = close;
    // A cell outside any <row> (not valid, but read where its reference puts it).
    if (rowIndex < 0 && ref?.[2]) rowIndex = Number(ref[2]) - 1;
    if (rowIndex < 0 || rowIndex >= MAX_ROWS || columnIndex >= MAX_COLUMNS) continue;
    const value = cellValue(CELL_TYPE.exec(attrs)?.[1], inner, strings, system);
    if (value === null) continue;
    row ??= rows[rowIndex] ??= [];
    while (row.length < columnIndex) row.push(null);
    row[columnIndex] = value;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

/**
 * The first worksheet of an .xlsx file (first in the workbook's tab order, found through its
 * relationships, whatever its name or part name). `source` names the file in the messages, which are
 * whole sentences for a biller: an old .xls, a workbook locked with a password, something that is no
 * workbook at all.
 */
export function readFirstSheet(bytes: Uint8Array, source = "The file"): Parsed<FirstSheet> {
  const saveAsXlsx = "save it from Excel as an .xlsx workbook and import that";
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return contains(bytes, ENCRYPTED_STREAM)
      ? fail(
          `${source} is protected with a password: open it in Excel, remove the password (File > Info > Protect Workbook), save it and import it again`,
        )
      : fail(`${source} is an old Excel 97-2003 (.xls) file: ${saveAsXlsx}`);
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return fail(`${source} is not an Excel (.xlsx) file: ${saveAsXlsx}`);
  }
  try {
    return readPackage(new XlsxPackage(bytes), source, saveAsXlsx);
  } catch {
    // fflate throws on a cut-off or corrupt zip; nothing else here throws.
    return fail(`${source} is damaged (it cannot be unzipped): download it or save it from Excel again`);
  }
}

function readPackage(pkg: XlsxPackage, source: string, saveAsXlsx: string): Parsed<FirstSheet> {
  const packageRels = relationships(pkg.read(["_rels/.rels"]).get("_rels/.rels"), "");
  const officeDocument = [...packageRels.values()].find((rel) => isType(rel, "officeDocument"));
  const workbookPart = officeDocument && pkg.has(officeDocument.target) ? officeDocument.target : "xl/workbook.xml";
  if (!pkg.has(workbookPart)) {
    if (pkg.has("xl/workbook.bin")) return fail(`${source} is an Excel binary (.xlsb) workbook: ${saveAsXlsx}`);
    return fail(`${source} is a zip file with no Excel workbook in it: choose the .xlsx file itself`);
  }
  const folder = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const workbookRelsPart = `${folder}_rels/${workbookPart.slice(folder.length)}.rels`;
  const parts = pkg.read([workbookPart, workbookRelsPart]);
  const workbook = parts.get(workbookPart) ?? "";
  const rels = relationships(parts.get(workbookRelsPart), workbookPart);

  const settings = elements(workbook, "workbookPr")[0];
  const date1904 = settings === undefined ? undefined : attribute(settings, "date1904");
  const dateSystem: DateSystem = date1904 === "1" || date1904 === "true" ? 1904 : 1900;

  // Chart sheets are sheets too but hold no cells: the first worksheet is the first one that does.
  const sheets = elements(workbook, "sheet").map((attrs) => {
    const id = attribute(attrs, ":id");
    return { name: attribute(attrs, "name") ?? "", rel: id === undefined ? undefined : rels.get(id) };
  });
  const first = sheets.find((sheet) => isType(sheet.rel, "worksheet"));
  if (!first?.rel) return fail(`${source} has no worksheet`);
  const sharedStringsRel = [...rels.values()].find((rel) => isType(rel, "sharedStrings"));
  const stringsPart = sharedStringsRel?.target ?? `${folder}sharedStrings.xml`;
  const content = pkg.read([first.rel.target, stringsPart]);
  const sheetXml = content.get(first.rel.target);
  if (sheetXml === undefined) return fail(`${source} is damaged: its sheet "${first.name}" is missing from the file`);
  return ok({ name: first.name, rows: sheetRows(sheetXml, sharedStrings(content.get(stringsPart)), dateSystem), dateSystem });
}
