// Reads an X12 file into its interchange and transactions: the separators from the ISA header, the
// segments and their elements, and the envelope checks (ISA13/IEA02, GS06/GE02, ST02/SE02, the SE01,
// GE01 and IEA01 counts) as warnings that name the segment, never as a crash. The 835 remittance
// reader builds on it, and the 837P claim files will too.
//
// Our own tokenizer, not one from npm: those there take the separators at fixed ISA offsets (3, 104,
// 105), so an ISA that is not blank-padded is misread; x12-parser needs Node streams, which the task
// pane in Excel does not have; node-x12 builds an object with a position range for every element,
// refuses a file without ISA and throws in strict mode. What a biller's files need is small: find the
// separators, split, and say what is wrong without giving up.

/** The four separators an interchange declares in its ISA header. */
export interface X12Delimiters {
  element: string;
  component: string;
  /** ISA11 when it is a separator (5010) rather than "U" (4010's standards identifier). */
  repetition?: string;
  /** "\n" when line breaks end the segments ("\r" for a file whose lines end with a lone CR). */
  segment: string;
}

export interface X12Segment {
  id: string;
  /** elements[0] is the id; elements[1] is element 01. */
  elements: string[];
  /** 1-based index of the segment in the file (the ISA is 1). */
  position: number;
}

export interface X12Warning {
  position?: number;
  message: string;
}

export interface X12Transaction {
  /** ST01: 835, 837... */
  setId: string;
  /** ST02 */
  control: string;
  /** ST03, else the group's GS08 */
  version?: string;
  /** The envelope's dates as written: GS04 (CCYYMMDD) of its group, ISA09 (YYMMDD) of its interchange. */
  groupDate?: string;
  interchangeDate?: string;
  /** ISA12 of its interchange (00501, 00401...): with the version above, says what the file really is. */
  interchangeVersion?: string;
  /** ST..SE inclusive (without SE when the file is cut short). */
  segments: X12Segment[];
}

export interface X12Interchange {
  delimiters: X12Delimiters;
  isaControl?: string;
  senderId?: string;
  receiverId?: string;
  gsVersion?: string;
  transactions: X12Transaction[];
}

export type X12Read = { ok: true; interchange: X12Interchange; warnings: X12Warning[] } | { ok: false; error: string };

/** The separators most files use, taken for a file that has no ISA header to declare its own. */
export const STANDARD_DELIMITERS: X12Delimiters = { element: "*", component: ":", repetition: "^", segment: "~" };

/** Far past the 106 characters of a padded ISA: a header that long is not an ISA. */
const ISA_MAX_LENGTH = 400;
/** A file of garbage would otherwise list a warning for each of its million pieces. */
const MAX_WARNINGS = 100;

/** Splits a composite element (HC:99213:25) into its components. */
export function components(element: string, delimiters: X12Delimiters): string[] {
  return element.split(delimiters.component);
}

/**
 * A segment whose elements are read one by one: element(i) is elements[i] (undefined past the last),
 * without the array, or a string for the elements nobody asks for.
 */
export interface X12SegmentView extends X12Segment {
  element(index: number): string | undefined;
  /**
   * Element `index` read in place: it is elementText(index)[elementFrom(index), elementTo(index)),
   * empty for an element past the last. A reader that only compares or parses an element need not
   * cut out its string (700,000 segments' qualifiers and amounts).
   */
  elementText(index: number): string;
  elementFrom(index: number): number;
  elementTo(index: number): number;
}

/**
 * Who hears each transaction's segments as they are read (streamX12): a reader that builds its own
 * model from them need not keep the file's segments, nor their element arrays, in memory.
 */
export interface X12Listener {
  /** A transaction opens at its ST (its segments then hold the ST alone). */
  start(transaction: X12Transaction, delimiters: X12Delimiters): void;
  /**
   * Each segment of the open transaction in file order, ST and SE included. The view is the reader's
   * own and is reused for the next segment: what is kept must be copied out of it during the call.
   */
  segment(segment: X12SegmentView): void;
}

/** Reads an X12 file's text. Never throws: a file that cannot be read gives an error a biller can act on. */
export function readX12(text: string): X12Read {
  return readFile(text);
}

/**
 * readX12, each transaction's segments handed to the listener as they are read instead of kept: the
 * same checks, warnings and result, but each transaction's `segments` holds only its ST.
 */
export function streamX12(text: string, listener: X12Listener): X12Read {
  return readFile(text, listener);
}

function readFile(text: string, listener?: X12Listener): X12Read {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Some systems write fixed-width records (80 columns, say), breaking lines inside segments, the
  // ISA included: those line breaks are not data, unless they turn out to end the segments. (A read
  // of the unwrapped text whose segments end with line breaks is not taken: it stops before a
  // segment is read, so a listener hears nothing of it.)
  if (wrappedAtFixedWidth(text)) {
    const unwrapped = readText(text.replace(/\r\n|\r|\n/g, ""), listener, true);
    if (unwrapped.ok && !isLineBreak(unwrapped.interchange.delimiters.segment)) return unwrapped;
  }
  return readText(text, listener, false);
}

const isLineBreak = (c: string) => c === "\n" || c === "\r";

function readText(text: string, listener: X12Listener | undefined, refuseLineBreaks: boolean): X12Read {
  const start = firstCharacter(text);
  if (start >= text.length) return { ok: false, error: "The file is empty." };
  const warnings = new WarningList();
  let delimiters: X12Delimiters;
  let filler = "";
  if (text.startsWith("ISA", start)) {
    const isa = isaDelimiters(text, start);
    if (!isa.ok) return isa;
    delimiters = isa.delimiters;
    filler = isa.filler;
    if (filler !== "") {
      warnings.add(
        `Segments end with "${delimiters.segment}" and then "${filler}" (after the ISA header): the extra "${filler}" between segments was ignored.`,
        1,
      );
    }
  } else if (/^(?:ST|GS)[^A-Za-z0-9\s]/.test(text.slice(start, start + 3))) {
    // Some payers' portals hand out the transaction alone. Its separators are then a guess: the
    // element separator is the one after ST, the rest the standard ones (line breaks if it has no ~).
    const element = text[start + 2];
    const segment = text.includes("~", start) ? "~" : "\n";
    delimiters = { ...STANDARD_DELIMITERS, element, segment };
    warnings.add(
      `The file has no ISA/GS envelope (it starts at ${text.slice(start, start + 2)}): it was read with the standard separators ${element} : ${segment === "\n" ? "(line breaks)" : segment}.`,
    );
  } else {
    return { ok: false, error: "This is not an X12 file: it should begin with an ISA header (or at least with an ST segment)." };
  }
  if (refuseLineBreaks && isLineBreak(delimiters.segment)) return { ok: false, error: "Segments end with line breaks." };
  // The tokenizer hands each segment to the envelope walk as it cuts it; their warnings are kept
  // apart and listed as if one had run after the other: the header's, the tokenizer's, the envelopes'.
  const tokenizerWarnings = new WarningList();
  const envelopeWarnings = new WarningList();
  const walk = assemble(delimiters, envelopeWarnings, listener);
  const count = tokenize(text, start, delimiters, filler, tokenizerWarnings, walk.push);
  return walk.finish(count, () => {
    warnings.append(tokenizerWarnings);
    warnings.append(envelopeWarnings);
    return warnings.list();
  });
}

/** Lines all of one length (20 or more) but the last, which is no longer. */
function wrappedAtFixedWidth(text: string): boolean {
  let width = -1;
  let lines = 0;
  let from = 0;
  for (;;) {
    const end = text.indexOf("\n", from);
    if (end < 0) return lines >= 1 && text.length - from <= width;
    const length = end - from - (text[end - 1] === "\r" ? 1 : 0);
    if (width < 0) width = length;
    else if (length !== width) return false;
    if (width < 20) return false;
    lines++;
    from = end + 1;
  }
}

/** Where the text starts once a byte-order mark and leading blank lines or spaces are skipped. */
function firstCharacter(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else break;
  }
  return i;
}

const isSeparatorCharacter = (c: string | undefined): c is string => c !== undefined && c.length === 1 && !/[A-Za-z0-9\s]/.test(c);

/**
 * The separators from the ISA header. The element separator is its 4th character; ISA16, the
 * component separator, is found by counting 16 element separators rather than at offset 104, so an
 * ISA that is not blank-padded is read too; the character after ISA16 ends the segments.
 */
function isaDelimiters(
  text: string,
  start: number,
): { ok: true; delimiters: X12Delimiters; filler: string } | { ok: false; error: string } {
  const cut = { ok: false as const, error: "The file ends inside its ISA header: it was cut short." };
  const element = text[start + 3];
  if (element === undefined) return cut;
  if (!isSeparatorCharacter(element)) {
    return { ok: false, error: `The ISA header's element separator is "${printable(element)}", which cannot be one: is this an X12 file?` };
  }
  let count = 1;
  let i = start + 4;
  const limit = Math.min(text.length, start + ISA_MAX_LENGTH);
  for (; i < limit && count < 16; i++) {
    const c = text[i];
    if (c === element) count++;
    else if (c === "\n" || c === "\r") return { ok: false, error: "The ISA header is broken: a line break comes before its 16th element." };
  }
  if (count < 16)
    return i >= text.length ? cut : { ok: false, error: "The ISA header does not have its 16 elements: is this an X12 file?" };
  const component = text[i];
  const after = text[i + 1];
  if (component === undefined || after === undefined) return cut;
  if (!isSeparatorCharacter(component) || component === element) {
    return {
      ok: false,
      error: `ISA16, the component separator, is "${printable(component)}", which cannot be one: the ISA header is broken.`,
    };
  }
  let segment: string;
  // CR LF, or LF, ends each segment; a lone CR (old Mac files) too.
  if (after === "\n" || (after === "\r" && text[i + 2] === "\n")) segment = "\n";
  else if (after === "\r") segment = "\r";
  else if (isSeparatorCharacter(after) && after !== element && after !== component) segment = after;
  else {
    return {
      ok: false,
      error: `The ISA header is not followed by a segment terminator (after ISA16 "${component}" comes "${printable(after)}"): the file's segment terminator is missing.`,
    };
  }
  const delimiters: X12Delimiters = { element, component, segment };
  const repetition = text.slice(start, i).split(element)[11];
  // 4010 files have "U" here; 5010 files a separator.
  if (isSeparatorCharacter(repetition) && repetition !== element && repetition !== component && repetition !== segment) {
    delimiters.repetition = repetition;
  }
  return { ok: true, delimiters, filler: fillerAfterTerminator(text, i + 2, delimiters) };
}

/**
 * Some systems write more than one character between segments: "$", a line break, then "~" before the
 * next segment (seen in pipe-delimited 4010 files). The separator characters (other than the file's
 * own) between the ISA's terminator and the next segment's id are that filler, stripped from every
 * segment's ends; without this each segment would start with "~" and none would be read.
 */
function fillerAfterTerminator(text: string, from: number, d: X12Delimiters): string {
  let filler = "";
  for (let j = from; j < text.length && j < from + 8; j++) {
    const c = text[j];
    if (isBlank(c.charCodeAt(0))) continue;
    if (!isSeparatorCharacter(c) || c === d.element || c === d.component || c === d.segment || c === d.repetition) break;
    if (!filler.includes(c)) filler += c;
  }
  return filler;
}

function printable(c: string): string {
  if (c === "\n" || c === "\r") return "a line break";
  if (c === " ") return "a space";
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `character ${code}` : c;
}

const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c;

/**
 * Strips the CR/LF, indentation and spaces between segments (not a separator that happens to be blank),
 * and the filler some files put after their terminator.
 */
function trimPiece(piece: string, d: X12Delimiters, filler = ""): string {
  let from = 0;
  let to = piece.length;
  while (from < to && strippable(piece[from], d, filler)) from++;
  while (to > from && strippable(piece[to - 1], d, filler)) to--;
  return from === 0 && to === piece.length ? piece : piece.slice(from, to);
}

const strippable = (c: string, d: X12Delimiters, filler: string) =>
  c !== d.element && (isBlank(c.charCodeAt(0)) || (filler !== "" && filler.includes(c)));

/** A segment id (/^[A-Z][A-Z0-9]{1,2}$/) tested without a regular expression: two or three characters, an upper-case letter then letters or digits. */
function isSegmentId(id: string): boolean {
  const length = id.length;
  if (length < 2 || length > 3) return false;
  const first = id.charCodeAt(0);
  if (first < 0x41 || first > 0x5a) return false;
  for (let i = 1; i < length; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}

/**
 * The segments, in one pass over the text: each terminator found by indexOf, the blanks (and filler)
 * around a segment skipped by position, so a segment's text is cut out once and split once, without
 * first splitting the whole file into pieces and trimming each into another copy. A segment holding
 * a line break (when line breaks do not end segments) takes the careful path it always took.
 */
function tokenize(
  text: string,
  start: number,
  d: X12Delimiters,
  filler: string,
  warnings: WarningList,
  emit: (segment: SegmentCursor) => void,
): number {
  let count = 0;
  const lineStart = new RegExp(`^[A-Z][A-Z0-9]{1,2}(?:${escapeForRegExp(d.element)}|$)`);
  const element = d.element;
  const elementCode = element.charCodeAt(0);
  const terminator = d.segment;
  const breaksEndSegments = isLineBreak(terminator);
  let linesForTerminator = false;
  // One cursor for every segment: a 16 MB remittance has some 700,000 segments, and an array of
  // elements for each (most of them read once and dropped) was most of the reading's time.
  const cursor = new SegmentCursor(element);
  const add = (source: string, from: number, to: number) => {
    count++;
    cursor.read(source, from, to, count);
    emit(cursor);
  };
  /** trimPiece's test, by character code. */
  const strippableAt = (i: number) => {
    const c = text.charCodeAt(i);
    return c !== elementCode && (isBlank(c) || (filler !== "" && filler.includes(text[i])));
  };
  const end = text.length;
  // Where the next line feed and carriage return are (end when there is none left): a segment holds
  // one when the next is before its end.
  let nextLf = breaksEndSegments ? end : start - 1;
  let nextCr = nextLf;
  let pos = start;
  while (pos <= end) {
    let stop = text.indexOf(terminator, pos);
    if (stop < 0) stop = end;
    let from = pos;
    let to = stop;
    pos = stop + 1;
    while (from < to && strippableAt(from)) from++;
    while (to > from && strippableAt(to - 1)) to--;
    if (from === to) continue;
    if (!breaksEndSegments) {
      if (nextLf < from) nextLf = indexOrEnd(text, "\n", from);
      if (nextCr < from) nextCr = indexOrEnd(text, "\r", from);
      if (nextLf < to || nextCr < to) {
        readLines(text.slice(from, to));
        continue;
      }
    }
    add(text, from, to);
  }
  return count;

  function readLines(piece: string): void {
    const lines = piece
      // A run of line breaks is one split, not one empty line each: 60,000 CRs in a segment are not 60,000 lines.
      .split(/[\r\n]+/)
      .map((line) => trimPiece(line, d, filler))
      .filter((line) => line !== "");
    if (lines.length > 1 && lines.every((line) => lineStart.test(line))) {
      // The terminator was left out and each segment put on its own line: read them one a line.
      if (!linesForTerminator) {
        warnings.add(
          `From segment ${count + 1} on, segments end with a line break instead of the file's segment terminator "${d.segment}": read one segment a line.`,
          count + 1,
        );
        linesForTerminator = true;
      }
      for (const line of lines) add(line, 0, line.length);
      return;
    }
    // A file wrapped at a fixed width (80 columns, say): the line breaks are not part of the data.
    const joined = piece.replace(/[\r\n]+/g, "");
    add(joined, 0, joined.length);
  }
}

/** Segment ids met so far, by their characters: the id of each of 700,000 segments is then not a new string. */
const KNOWN_IDS = new Map<number, string>();

/**
 * The segment text[from, to) read in place: where each element starts and ends, found in one walk
 * over its characters, and the id. element(i) cuts out element i when asked; `elements` makes the
 * array split() made (what a kept segment holds). A piece that is not a segment (its id is not one)
 * has the one element it always had: the id, so a file of garbage costs no walk over its pieces.
 */
class SegmentCursor implements X12SegmentView {
  id = "";
  position = 0;
  private text = "";
  private to = 0;
  /** Element k is text[starts[k], starts[k + 1] - 1), the last one ending at `to`. */
  private starts = new Int32Array(64);
  private count = 0;
  private readonly separator: number;

  constructor(separator: string) {
    this.separator = separator.charCodeAt(0);
  }

  read(text: string, from: number, to: number, position: number): void {
    this.text = text;
    this.to = to;
    this.position = position;
    const separator = this.separator;
    let idEnd = from;
    while (idEnd < to && text.charCodeAt(idEnd) !== separator) idEnd++;
    this.id = idAt(text, from, idEnd);
    this.starts[0] = from;
    if (!isSegmentId(this.id)) {
      // As before: the whole piece up to its first separator is its one element.
      this.count = 1;
      this.to = idEnd;
      return;
    }
    let count = 1;
    let starts = this.starts;
    for (let i = idEnd; i < to; i++) {
      if (text.charCodeAt(i) !== separator) continue;
      if (count === starts.length) {
        const more = new Int32Array(starts.length * 2);
        more.set(starts);
        starts = this.starts = more;
      }
      starts[count++] = i + 1;
    }
    this.count = count;
  }

  element(index: number): string | undefined {
    if (index >= this.count || index < 0) return undefined;
    const end = index + 1 < this.count ? this.starts[index + 1] - 1 : this.to;
    return this.text.slice(this.starts[index], end);
  }

  elementText(): string {
    return this.text;
  }

  elementFrom(index: number): number {
    return index < this.count && index >= 0 ? this.starts[index] : 0;
  }

  elementTo(index: number): number {
    if (index >= this.count || index < 0) return 0;
    return index + 1 < this.count ? this.starts[index + 1] - 1 : this.to;
  }

  get elements(): string[] {
    const elements = new Array<string>(this.count);
    for (let k = 0; k < this.count; k++) elements[k] = this.element(k)!;
    return elements;
  }
}

/** text[from, to) as a string, the same string each time for a short id of capitals and digits. */
function idAt(text: string, from: number, to: number): string {
  const length = to - from;
  if (length < 2 || length > 3) return text.slice(from, to);
  let key = length;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return text.slice(from, to);
    key = key * 128 + c;
  }
  let id = KNOWN_IDS.get(key);
  if (id === undefined) {
    id = text.slice(from, to);
    if (KNOWN_IDS.size < 4096) KNOWN_IDS.set(key, id);
  }
  return id;
}

/** A segment to keep: a plain copy of the cursor as it is now. */
function kept(segment: X12Segment): X12Segment {
  return { id: segment.id, elements: segment.elements, position: segment.position };
}

function indexOrEnd(text: string, c: string, from: number): number {
  const i = text.indexOf(c, from);
  return i < 0 ? text.length : i;
}

function escapeForRegExp(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}

/** What the envelope walk reads of a segment that is not an envelope's: nothing (one list for all of them, not a new one each). */
const NO_ELEMENTS: readonly string[] = Object.freeze([]);

interface OpenGroup {
  control: string;
  version?: string;
  date?: string;
  transactions: number;
  position: number;
}

/**
 * Walks the segments through their envelopes, checking each trailer against its header: push each
 * segment in file order, then finish with how many there were. With a listener, a transaction's
 * segments go to it instead of into the transaction (which keeps its ST).
 */
function assemble(
  delimiters: X12Delimiters,
  warnings: WarningList,
  listener?: X12Listener,
): { push: (segment: X12SegmentView) => void; finish: (segments: number, allWarnings: () => X12Warning[]) => X12Read } {
  const interchange: X12Interchange = { delimiters, transactions: [] };
  let isa: { control: string; groups: number; position: number; date?: string; version?: string } | undefined;
  let interchanges = 0;
  let group: OpenGroup | undefined;
  let transaction: X12Transaction | undefined;
  /** Segments of the open transaction so far (its ST included). */
  let held = 0;
  let garbage = 0;
  const hold = (segment: X12SegmentView) => {
    held++;
    if (listener) listener.segment(segment);
    else transaction!.segments.push(kept(segment));
  };

  const closeTransaction = (why: string) => {
    if (!transaction) return;
    warnings.add(
      `Transaction ${transaction.control || "(no control number)"} has no SE trailer: ${why}.`,
      transaction.segments[0].position,
    );
    interchange.transactions.push(transaction);
    transaction = undefined;
  };
  const closeGroup = (why: string) => {
    if (!group) return;
    warnings.add(`The functional group GS ${group.control} at segment ${group.position} has no GE trailer: ${why}.`, group.position);
    group = undefined;
  };

  /** An IEA or GE trailer against its header: element 2 repeats the header's control number, element 1 counts what it holds. */
  const checkTrailer = (segment: X12Segment, header: string, control: string, held: number, what: string, holder: string) => {
    const [, count, repeated] = segment.elements;
    const trailer = `The ${segment.id} trailer at segment ${segment.position}`;
    if (repeated !== control) {
      warnings.add(`${trailer} gives control number "${repeated ?? ""}", but ${header} is "${control}".`, segment.position);
    }
    if (Number(count) !== held || (count ?? "").trim() === "") {
      warnings.add(`${trailer} counts ${count ?? "no"} ${what}, but the ${holder} has ${held}.`, segment.position);
    }
  };

  const push = (segment: X12SegmentView) => {
    // The envelope segments' elements as an array (they are few); the others are not split here.
    const envelope =
      segment.id === "ISA" ||
      segment.id === "IEA" ||
      segment.id === "GS" ||
      segment.id === "GE" ||
      segment.id === "ST" ||
      segment.id === "SE";
    const e = envelope ? segment.elements : NO_ELEMENTS;
    if (!isSegmentId(segment.id)) {
      garbage++;
      if (warnings.full) warnings.count();
      else warnings.add(`Segment ${segment.position} is not an X12 segment (unreadable characters): it was skipped.`, segment.position);
      return;
    }
    switch (segment.id) {
      case "ISA": {
        closeTransaction("the next interchange starts");
        closeGroup("the next interchange starts");
        if (isa)
          warnings.add(
            `The interchange ISA ${isa.control} has no IEA trailer before the next ISA at segment ${segment.position}.`,
            isa.position,
          );
        interchanges++;
        const control = (e[13] ?? "").trim();
        isa = { control, groups: 0, position: segment.position };
        if ((e[9] ?? "").trim()) isa.date = (e[9] ?? "").trim();
        if ((e[12] ?? "").trim()) isa.version = (e[12] ?? "").trim();
        if (interchanges === 1) {
          interchange.isaControl = control;
          interchange.senderId = (e[6] ?? "").trim();
          interchange.receiverId = (e[8] ?? "").trim();
        } else {
          warnings.add(
            `The file holds a second interchange (ISA ${control}) at segment ${segment.position}: its transactions are read too.`,
            segment.position,
          );
        }
        break;
      }
      case "IEA": {
        closeTransaction("the interchange ends");
        closeGroup("the interchange ends");
        if (!isa) {
          warnings.add(`The IEA trailer at segment ${segment.position} has no ISA header.`, segment.position);
          break;
        }
        checkTrailer(segment, "ISA13", isa.control, isa.groups, "functional groups", "interchange");
        isa = undefined;
        break;
      }
      case "GS": {
        closeTransaction("the next functional group starts");
        closeGroup("the next functional group starts");
        group = { control: e[6] ?? "", transactions: 0, position: segment.position };
        if (e[8]) group.version = e[8];
        if ((e[4] ?? "").trim()) group.date = (e[4] ?? "").trim();
        if (isa) isa.groups++;
        if (interchange.gsVersion === undefined && group.version) interchange.gsVersion = group.version;
        break;
      }
      case "GE": {
        closeTransaction("the functional group ends");
        if (!group) {
          warnings.add(`The GE trailer at segment ${segment.position} has no GS header.`, segment.position);
          break;
        }
        checkTrailer(segment, "GS06", group.control, group.transactions, "transactions", "group");
        group = undefined;
        break;
      }
      case "ST": {
        closeTransaction(`the next one starts at segment ${segment.position}`);
        transaction = { setId: e[1] ?? "", control: e[2] ?? "", segments: [kept(segment)] };
        const version = e[3] || group?.version;
        if (version) transaction.version = version;
        if (group?.date) transaction.groupDate = group.date;
        if (isa?.date) transaction.interchangeDate = isa.date;
        if (isa?.version) transaction.interchangeVersion = isa.version;
        if (group) group.transactions++;
        held = 1;
        if (listener) {
          listener.start(transaction, delimiters);
          listener.segment(segment);
        }
        break;
      }
      case "SE": {
        if (!transaction) {
          warnings.add(`The SE trailer at segment ${segment.position} has no ST header.`, segment.position);
          break;
        }
        hold(segment);
        const count = held;
        if (Number(e[1]) !== count || (e[1] ?? "").trim() === "") {
          warnings.add(
            `The SE trailer at segment ${segment.position} counts ${e[1] || "no"} segments, but transaction ${transaction.control} has ${count}.`,
            segment.position,
          );
        }
        if (e[2] !== transaction.control) {
          warnings.add(
            `The SE trailer at segment ${segment.position} gives control number "${e[2] ?? ""}", but ST02 is "${transaction.control}".`,
            segment.position,
          );
        }
        interchange.transactions.push(transaction);
        transaction = undefined;
        break;
      }
      default:
        if (transaction) hold(segment);
        else if (warnings.full) warnings.count();
        else warnings.add(`Segment ${segment.position} (${segment.id}) is outside any transaction: it was skipped.`, segment.position);
    }
  };
  const finish = (segments: number, allWarnings: () => X12Warning[]): X12Read => {
    closeTransaction("the file ends first, so it may have been cut short");
    closeGroup("the file ends first, so it may have been cut short");
    if (isa) warnings.add(`The file has no IEA trailer: it may have been cut short.`, segments);
    if (interchange.transactions.length === 0) {
      return {
        ok: false,
        error:
          garbage > segments / 2
            ? "The file holds no readable X12 segments: it may be damaged or not an X12 file."
            : "The file holds no transaction (no ST segment): it may have been cut short.",
      };
    }
    return { ok: true, interchange, warnings: allWarnings() };
  };
  return { push, finish };
}

/** Warnings in file order, at most MAX_WARNINGS named, then a count of the rest. */
export class WarningList {
  private readonly items: X12Warning[] = [];
  private more = 0;

  add(message: string, position?: number): void {
    if (this.items.length >= MAX_WARNINGS) {
      this.more++;
      return;
    }
    this.items.push(position === undefined ? { message } : { position, message });
  }

  /** True once MAX_WARNINGS are named: a warning met on every segment checks this first, so a file of garbage doesn't write a message per piece only to count it. */
  get full(): boolean {
    return this.items.length >= MAX_WARNINGS;
  }

  /** One more warning past the named ones (when full). */
  count(): void {
    this.more++;
  }

  /** Another list's warnings after these, as if they had been added here (the limit on named ones counts them all). */
  append(other: WarningList): void {
    for (const item of other.items) {
      if (this.items.length >= MAX_WARNINGS) this.more++;
      else this.items.push(item);
    }
    this.more += other.more;
  }

  list(): X12Warning[] {
    // toLocaleString builds a number format on every call; the digits are grouped by hand instead.
    return this.more === 0
      ? this.items
      : [...this.items, { message: `…and ${String(this.more).replace(/\B(?=(\d{3})+$)/g, ",")} more warnings.` }];
  }
}
