// An .xlsx package put in the shape ExcelJS 4.4.0 expects before it reads it. Other programs write
// valid packages that ExcelJS does not follow, because it finds parts by fixed names instead of
// through their relationships (each seen on a fixture under test/workbook/fixtures/):
// - openpyxl (and pandas through it) writes relationship targets as absolute part names
//   ("/xl/tables/table1.xml"); ExcelJS looks a sheet's tables and comments up by the relative
//   target it writes itself ("../tables/table1.xml") and throws on anything else.
// - openpyxl names comment parts "xl/comments/comment1.xml" and their drawings
//   "xl/drawings/commentsDrawing1.vml"; ExcelJS only reads "xl/comments1.xml" and
//   "xl/drawings/vmlDrawing1.vml", and throws when a sheet points at a part it did not read.
// - Worksheet and table parts not named sheetN.xml / tableN.xml are not read at all.
// - openpyxl writes a drawing (a picture, a chart's frame) in the default namespace, <wsDr>;
//   ExcelJS only knows the prefixed <xdr:wsDr> and throws on the drawing it could not read. Such
//   a drawing gets the xdr: prefix, as Excel and LibreOffice write it.
// - A dropdown (data validation) over a whole column, "G2:G1048576", as office templates often
//   have: ExcelJS keeps one entry per cell, so one such column took 4.6 s and over 400 MB to open
//   and 12 s to save. Its rows are cut to the sheet's last used row plus VALIDATION_MARGIN: the
//   next rows added by MedBill or by hand still get the dropdown.
// So: every relationship is resolved to the part it names, the parts ExcelJS finds by name are
// renamed to names it knows, and every internal target is written relative, as Excel does. Only
// .rels files, [Content_Types].xml and worksheets holding dropdowns are read as text; when nothing
// needs changing the bytes are handed on untouched, and otherwise the parts are stored, not
// deflated again.
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";

/** Rows a dropdown keeps past a sheet's last used row when it reached further (see the header). */
export const VALIDATION_MARGIN = 5000;
const WORKSHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/;
const DRAWING_PART = /^\/?xl\/drawings\/[^/]+\.xml$/;
const DRAWING_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** The parts ExcelJS finds by name: the name it wants, by relationship type. */
const NAMED_PARTS: Record<string, { pattern: RegExp; name: (n: number) => string }> = {
  worksheet: { pattern: /^xl\/worksheets\/sheet\d+\.xml$/, name: (n) => `xl/worksheets/sheet${n}.xml` },
  table: { pattern: /^xl\/tables\/table\d+\.xml$/, name: (n) => `xl/tables/table${n}.xml` },
  comments: { pattern: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml` },
  vmlDrawing: { pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/, name: (n) => `xl/drawings/vmlDrawing${n}.vml` },
};

interface Relationship {
  /** The whole <Relationship .../> tag as written. */
  tag: string;
  type: string;
  /** The part it names, from the package root, or undefined for an external target. */
  part?: string;
}

/** The package ExcelJS can read: `bytes` itself when it already is one. */
export function packageForExcelJs(bytes: Uint8Array): Uint8Array {
  const names: string[] = [];
  const text = unzipSync(bytes, {
    filter: (file) => {
      names.push(file.name);
      return (
        file.name.endsWith(".rels") ||
        file.name === "[Content_Types].xml" ||
        WORKSHEET_PART.test(partName(file.name)) ||
        DRAWING_PART.test(partName(file.name))
      );
    },
  });
  const existing = new Set(names.map(partName));

  // What each .rels file says, with every target resolved to a part name.
  const rels = new Map<string, Relationship[]>();
  for (const [file, data] of Object.entries(text)) {
    if (!file.endsWith(".rels")) continue;
    const source = sourceOf(partName(file));
    rels.set(
      file,
      (strFromU8(data).match(/<Relationship\b[^>]*>/g) ?? []).map((tag) => {
        const target = attribute(tag, "Target") ?? "";
        const external = attribute(tag, "TargetMode") === "External";
        return { tag, type: attribute(tag, "Type") ?? "", part: external ? undefined : resolve(source, target) };
      }),
    );
  }

  // Parts to rename: named as ExcelJS would not find them.
  const renames = new Map<string, string>();
  const taken = new Set(existing);
  for (const list of rels.values()) {
    for (const rel of list) {
      // By the type's last segment: Strict Open XML files use another prefix for the same types.
      const wanted = Object.hasOwn(NAMED_PARTS, lastSegment(rel.type)) ? NAMED_PARTS[lastSegment(rel.type)] : undefined;
      if (!wanted || !rel.part || renames.has(rel.part) || wanted.pattern.test(rel.part) || !existing.has(rel.part)) continue;
      let n = 1;
      while (taken.has(wanted.name(n))) n++;
      renames.set(rel.part, wanted.name(n));
      taken.add(wanted.name(n));
    }
  }
  // A renamed part's own relationships move with it.
  for (const [from, to] of [...renames]) {
    const relsOf = relsFileOf(from);
    if (existing.has(relsOf)) renames.set(relsOf, relsFileOf(to));
  }

  // Every .rels rewritten with relative targets to the (renamed) parts.
  const rewritten = new Map<string, Unzipped[string]>();
  for (const [file, data] of Object.entries(text)) {
    const part = WORKSHEET_PART.test(partName(file))
      ? sheetWithShortValidations(data)
      : DRAWING_PART.test(partName(file))
        ? prefixedDrawing(data)
        : undefined;
    if (part) rewritten.set(file, part);
  }
  for (const [file, list] of rels) {
    const source = sourceOf(renames.get(partName(file)) ?? partName(file));
    let xml = strFromU8(text[file]);
    let changed = false;
    for (const rel of list) {
      if (!rel.part) continue;
      const target = relative(source, renames.get(rel.part) ?? rel.part);
      if (attribute(rel.tag, "Target") === target) continue;
      xml = xml.replace(rel.tag, rel.tag.replace(/(\sTarget=")[^"]*"/, `$1${escapeXml(target)}"`));
      changed = true;
    }
    if (changed) rewritten.set(file, strToU8(xml));
  }
  const types = text["[Content_Types].xml"];
  if (types && renames.size > 0) {
    let xml = strFromU8(types);
    for (const [from, to] of renames) xml = xml.split(`PartName="/${from}"`).join(`PartName="/${to}"`);
    rewritten.set("[Content_Types].xml", strToU8(xml));
  }
  if (rewritten.size === 0 && renames.size === 0 && names.every((n) => n === partName(n))) return bytes;

  // Stored, not deflated again: ExcelJS inflates every part anyway, and deflating a big sheet is slow.
  const all: Unzipped = { ...text, ...unzipSync(bytes, { filter: (file) => !(file.name in text) }) };
  const out: Unzipped = {};
  for (const [file, data] of Object.entries(all)) {
    if (file.endsWith("/") && data.length === 0) continue;
    const name = partName(file);
    out[renames.get(name) ?? name] = rewritten.get(file) ?? data;
  }
  return zipSync(out, { level: 0 });
}

/**
 * A worksheet's XML with every data validation's rows cut to its last used row plus
 * VALIDATION_MARGIN, or undefined when none reaches that far (the usual case: nothing copied).
 */
function sheetWithShortValidations(data: Uint8Array): Unzipped[string] | undefined {
  // Most sheets have none: a byte search first, so only the few that do are decoded.
  if (!includesAscii(data, "Validation ")) return undefined;
  const xml = strFromU8(data);
  const lastRowTag = xml.lastIndexOf("<row ");
  const lastRow = lastRowTag < 0 ? 0 : Number(/\sr="(\d+)"/.exec(xml.slice(lastRowTag, xml.indexOf(">", lastRowTag)))?.[1] ?? 0);
  const limit = lastRow + VALIDATION_MARGIN;
  let changed = false;
  const cut = xml.replace(/(<dataValidation\b[^>]*?\ssqref=")([^"]*)"/g, (whole, start: string, sqref: string) => {
    const ranges = sqref
      .trim()
      .split(/\s+/)
      .map((range) => {
        // "G:G" (whole column) or "G2:G1048576".
        const m = /^\$?([A-Z]+)\$?(\d*)(?::\$?([A-Z]+)\$?(\d*))?$/i.exec(range);
        if (!m) return range;
        const top = m[2] === "" ? 1 : Number(m[2]);
        const bottom = m[3] === undefined ? top : m[4] === "" ? Number.POSITIVE_INFINITY : Number(m[4]);
        if (bottom <= limit) return range;
        // A range wholly past the limit keeps its first cell (an empty sqref is refused by Excel).
        if (top > limit) return `${m[1]}${top}`;
        return `${m[1]}${top}:${m[3] ?? m[1]}${limit}`;
      });
    if (ranges.join(" ") === sqref.trim()) return whole;
    changed = true;
    return `${start}${ranges.join(" ")}"`;
  });
  return changed ? strToU8(cut) : undefined;
}

/**
 * A drawing written in the default namespace (<wsDr xmlns="...spreadsheetDrawing">) with its
 * elements given the xdr: prefix, or undefined when it already has prefixes (or redeclares the
 * default namespace inside, which a plain rename would get wrong).
 */
function prefixedDrawing(data: Uint8Array): Unzipped[string] | undefined {
  const xml = strFromU8(data);
  const root = /<([\w.:-]+)[\s>]/.exec(xml.replace(/<\?[^>]*\?>/g, ""));
  if (root?.[1] !== "wsDr") return undefined;
  const declaration = `xmlns="${DRAWING_NAMESPACE}"`;
  const first = xml.indexOf(declaration);
  if (first < 0 || xml.indexOf('xmlns="', first + declaration.length) >= 0) return undefined;
  const prefixed = xml.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, "<$1xdr:$2").replace(declaration, `xmlns:xdr="${DRAWING_NAMESPACE}"`);
  return strToU8(prefixed);
}

/** Whether the bytes hold this ASCII text; it should start with a rare byte, which is searched for first. */
function includesAscii(data: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = data.indexOf(first); i >= 0 && i + text.length <= data.length; i = data.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (data[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

function lastSegment(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** A zip entry's name as a part name: forward slashes (some Windows tools write "xl\\workbook.xml"), no leading slash. */
function partName(file: string): string {
  return file.replace(/\\/g, "/").replace(/^\/+/, "");
}

/** The folder a relationship's targets are relative to: the source part's, or the root's for _rels/.rels. */
function sourceOf(relsFile: string): string {
  const m = /^(.*?)_rels\/[^/]*\.rels$/.exec(relsFile);
  return m ? m[1].replace(/\/$/, "") : "";
}

/** The .rels file holding a part's relationships. */
function relsFileOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target resolved against its source folder: absolute ("/xl/x.xml") from the root, else relative. */
function resolve(folder: string, target: string): string {
  const path = target.trim().replace(/\\/g, "/");
  const parts = path.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const piece of path.split("/")) {
    if (piece === "" || piece === ".") continue;
    if (piece === "..") parts.pop();
    else parts.push(piece);
  }
  return parts.join("/");
}

/** The relative target from a folder to a part, as Excel writes it ("../tables/table1.xml"). */
function relative(folder: string, part: string): string {
  const from = folder.split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1]
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
