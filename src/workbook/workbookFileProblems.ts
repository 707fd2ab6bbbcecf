// Why a file the user chose cannot be opened as a workbook, in one sentence a biller can act on.
// The CLI and the browser host both ask here before handing the bytes to the xlsx adapter, and
// again (unreadableWorkbook) when the adapter still fails, so a CSV renamed to .xlsx, an old .xls,
// a password-protected workbook, an .ods or .xlsm and a damaged download are each told apart
// instead of all being "not a workbook". Only signatures, a zip's list of names and its small
// [Content_Types].xml are read: the check costs next to nothing on a big file.
import { strFromU8, unzipSync } from "fflate";

const SAVE_AS_XLSX = 'save it as "Excel Workbook (*.xlsx)"';
const SAVE_AGAIN = `open the original in Excel and ${SAVE_AS_XLSX} again`;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A zip's local file header, or the end record of an empty zip. */
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/** The one-sentence message for a file that cannot be opened: `Cannot open "book.xlsx": <reason>.` */
export function cannotOpen(name: string, reason: string): string {
  return `Cannot open "${name}": ${reason}.`;
}

/**
 * Why these bytes are not an .xlsx MedBill can read (a clause, no final period), or undefined when
 * they look like one: the adapter then gets its chance, and unreadableWorkbook covers its failure.
 */
export function workbookFileProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return `the file is empty (0 bytes), so it was not saved or copied completely: ${SAVE_AGAIN}`;
  if (startsWith(bytes, OLE_SIGNATURE)) return oleProblem(bytes);
  if (ZIP_SIGNATURES.some((sig) => startsWith(bytes, sig))) return zipProblem(bytes);
  return notAZipProblem(bytes);
}

/**
 * The reason when the adapter failed on a file that passed workbookFileProblem. The reader's own
 * error ("Cannot read properties of undefined") means nothing to a biller and is left out.
 */
export function unreadableWorkbook(bytes: Uint8Array): string {
  return (
    workbookFileProblem(bytes) ??
    `it looks like a workbook but parts of it can't be read, so it is probably damaged: open it in Excel (which repairs what it can) and ${SAVE_AS_XLSX} again`
  );
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** Whether `text` occurs in the bytes as UTF-16LE, the way OLE directory entries name streams. */
function hasUtf16Name(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++) if (bytes[i + 2 * j] !== text.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * An OLE compound file is either an Excel 97-2003 workbook (its stream is "Workbook", or "Book" in
 * Excel 5) or an .xlsx encrypted with a password to open, which Excel wraps in OLE with an
 * "EncryptionInfo" and an "EncryptedPackage" stream.
 */
function oleProblem(bytes: Uint8Array): string {
  if (hasUtf16Name(bytes, "EncryptedPackage") || hasUtf16Name(bytes, "EncryptionInfo")) {
    return `it is protected with a password to open: open it in Excel with the password, remove it (File › Info › Protect Workbook › Encrypt with Password, clear the box) and save it, then try again`;
  }
  if (hasUtf16Name(bytes, "Workbook") || hasUtf16Name(bytes, "Book")) {
    return `it is an older Excel 97-2003 workbook (.xls): open it in Excel and ${SAVE_AS_XLSX}`;
  }
  return `it is an older Excel 97-2003 workbook (.xls) or a password-protected one: open it in Excel, remove the password if it has one, and ${SAVE_AS_XLSX}`;
}

function zipProblem(bytes: Uint8Array): string | undefined {
  const names: string[] = [];
  let contentTypes: string | undefined;
  let mimetype: string | undefined;
  try {
    const small = unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name.replace(/\\/g, "/").replace(/^\//, ""));
        return file.name === "[Content_Types].xml" || file.name === "mimetype";
      },
    });
    contentTypes = small["[Content_Types].xml"] && strFromU8(small["[Content_Types].xml"]);
    mimetype = small.mimetype && strFromU8(small.mimetype);
  } catch {
    return `the file is damaged (its zip structure is broken, often a download or copy cut short): ${SAVE_AGAIN}, or ask for the file again`;
  }
  const has = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (mimetype?.includes("opendocument.spreadsheet"))
    return `it is an OpenDocument spreadsheet (.ods): open it in LibreOffice Calc or Excel and ${SAVE_AS_XLSX}`;
  if (has("xl/workbook.bin")) return `it is an Excel Binary Workbook (.xlsb): open it in Excel and ${SAVE_AS_XLSX}`;
  if (has("xl/vbaProject.bin") || contentTypes?.includes("sheet.macroEnabled")) {
    return `it is a macro-enabled workbook (.xlsm) and saving it here would drop its macros: open it in Excel and ${SAVE_AS_XLSX} (a copy, if you need the macros)`;
  }
  if (has("word/document.xml")) return `it is a Word document, not a workbook: choose the Excel workbook (.xlsx)`;
  if (has("ppt/presentation.xml")) return `it is a PowerPoint presentation, not a workbook: choose the Excel workbook (.xlsx)`;
  if (!contentTypes || !names.some((n) => /^xl\/[^/]+\.xml$/i.test(n) && /workbook/i.test(n))) {
    if (names.length === 0) return `the file is an empty zip archive, not a workbook: ${SAVE_AGAIN}`;
    return `it is a zip archive, not an Excel workbook: unzip it and choose the .xlsx inside, or ${SAVE_AGAIN}`;
  }
  return undefined;
}

/** Not a zip and not OLE: say what kind of file it is when its first bytes tell. */
function notAZipProblem(bytes: Uint8Array): string {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, "")
    .trimStart();
  const lower = head.toLowerCase();
  if (head.startsWith("%PDF")) return `it is a PDF, not a workbook: choose the Excel workbook (.xlsx) itself`;
  if (lower.startsWith("<?xml") && lower.includes("urn:schemas-microsoft-com:office:spreadsheet"))
    return `it is an Excel 2003 XML spreadsheet, not an .xlsx workbook: open it in Excel and ${SAVE_AS_XLSX}`;
  if (/^<(!doctype html|html|table|meta)/.test(lower) || lower.includes("<html"))
    return `it is a web page (HTML) saved with a workbook's name, not a workbook: open it in Excel and ${SAVE_AS_XLSX}`;
  if (looksLikeText(bytes.subarray(0, 4096))) {
    return `it is a text (CSV) file, not a workbook: open it in Excel and ${SAVE_AS_XLSX}`;
  }
  return `it is not an Excel workbook: choose a file saved from Excel as "Excel Workbook (*.xlsx)"`;
}

/** Text has no control bytes other than tab, newline and carriage return (UTF-16 text starts with a BOM). */
function looksLikeText(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  return control === 0;
}
