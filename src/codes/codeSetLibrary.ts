// The code sets an office has imported (ICD-10-CM by fiscal year, HCPCS Level II by year, and its
// own two-column lists such as CPT), held as in-memory indexes and asked one code at a time.
// Sets arrive either straight from a parsed CMS file or from the workbook's hidden code-set tables;
// either way they are columns (code, flag, description), so 98,000 ICD-10-CM codes stay compact.
import type { IsoDate } from "../dates";
import type { RowIssue } from "../workbook/mapTable";

export type CodeSetKind = "ICD10CM" | "HCPCS" | "LIST";

export interface CodeSetInfo {
  id: string;
  kind: CodeSetKind;
  /** "FY2025" for ICD-10-CM, "2019" for HCPCS, the list's own name for a list. */
  version: string;
  count: number;
  importedOn: IsoDate;
  /** The file it came from. */
  source: string;
}

/** One ICD-10-CM fiscal year: parallel columns, one entry per code in file order. */
export interface Icd10CodeSet {
  kind: "ICD10CM";
  version: string;
  source: string;
  /** Without the dot, upper case. */
  codes: string[];
  /** 1 billable (valid on a claim), 0 a category header. */
  billable: Uint8Array;
  /** The long description. */
  descriptions: string[];
  /** Lines of the file that were not code records, in words ("line 12: ..."). */
  skipped: string[];
}

export interface HcpcsEntry {
  /** Five characters for a code, two for a modifier. */
  code: string;
  modifier: boolean;
  short: string;
  long: string;
  added?: IsoDate;
  /** The last date the code may be used; a discontinued code stays in the file with it. */
  terminated?: IsoDate;
}

export interface HcpcsCodeSet {
  kind: "HCPCS";
  version: string;
  source: string;
  entries: HcpcsEntry[];
  skipped: string[];
}

/** A two-column list (code, description) the office imported: its CPT list, payer lists, CARC/RARC. */
export interface CodeList {
  kind: "LIST";
  /** The list's name, e.g. "CPT". */
  version: string;
  source: string;
  codes: string[];
  descriptions: string[];
  skipped: string[];
}

export type ParsedCodeSet = Icd10CodeSet | HcpcsCodeSet | CodeList;

/** A set and the day it was imported, as the workbook's CodeSets table records it. */
export interface ImportedCodeSet {
  set: ParsedCodeSet;
  importedOn: IsoDate;
}

export type Icd10Answer =
  | { status: "billable" | "header"; version: string; description: string }
  | { status: "unknown"; version: string }
  | { status: "not-loaded"; version?: string };

export type HcpcsAnswer =
  | { status: "active"; description: string; added?: IsoDate; terminated?: IsoDate }
  | { status: "terminated"; description: string; terminated: IsoDate }
  | { status: "unknown" }
  | { status: "not-loaded" };

export type ModifierAnswer = { status: "known"; description: string } | { status: "unknown" } | { status: "not-loaded" };

export type ListAnswer = { status: "listed"; description: string } | { status: "unknown" } | { status: "not-loaded" };

interface Icd10Year {
  fiscalYear: number;
  version: string;
  codes: string[];
  index: Map<string, number>;
  billable: Uint8Array;
  descriptions: string[];
}

interface HcpcsYear {
  year: number;
  codes: Map<string, HcpcsEntry>;
  modifiers: Map<string, HcpcsEntry>;
}

interface ListIndex {
  name: string;
  descriptions: Map<string, string>;
}

const KIND_NAMES: Record<CodeSetKind, string> = { ICD10CM: "ICD-10-CM", HCPCS: "HCPCS", LIST: "list" };

/** "ICD-10-CM", "HCPCS", "list": how a biller names each kind. */
export function codeSetKindName(kind: CodeSetKind): string {
  return KIND_NAMES[kind];
}

/** The fiscal year a date of service falls in: FY N runs from (N-1)-10-01 to N-09-30. */
export function icd10FiscalYear(dos: IsoDate): number {
  const year = Number(dos.slice(0, 4));
  const month = Number(dos.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

/** "FY2025" for 2025, "2025" or "fy 2025"; undefined when it names no year. */
export function icd10Version(version: string | number): string | undefined {
  const m = /^\s*(?:FY\s*)?((?:19|20)\d\d)\s*$/i.exec(String(version));
  return m ? `FY${m[1]}` : undefined;
}

/** "2019" for 2019 or "2019-04"; undefined when it names no year. */
export function hcpcsVersion(version: string | number): string | undefined {
  const m = /^\s*((?:19|20)\d\d)\b/.exec(String(version));
  return m ? m[1] : undefined;
}

/** The version text a set is known by, so "2025", "fy2025" and "FY2025" are one ICD-10-CM year. */
export function normalizeVersion(kind: CodeSetKind, version: string): string {
  if (kind === "ICD10CM") return icd10Version(version) ?? version.trim();
  if (kind === "HCPCS") return hcpcsVersion(version) ?? version.trim();
  return version.trim();
}

export function codeSetId(kind: CodeSetKind, version: string): string {
  return `${kind}:${normalizeVersion(kind, version).toUpperCase()}`;
}

/** How many codes a set holds. */
export function codeCount(set: ParsedCodeSet): number {
  return set.kind === "HCPCS" ? set.entries.length : set.codes.length;
}

const isIso = (dos: IsoDate | undefined): dos is IsoDate => typeof dos === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dos);

/** A code as typed ("e11.9 ") in the form the indexes hold ("E119"). */
function normalizeCode(code: string): string {
  return code.trim().toUpperCase().replace(/\./g, "");
}

export class CodeSetLibrary {
  private constructor(
    /** Oldest first. */
    private readonly icdYears: Icd10Year[],
    /** Oldest first. */
    private readonly hcpcsYears: HcpcsYear[],
    private readonly lists: Map<string, ListIndex>,
    private readonly infos: CodeSetInfo[],
    /** Rows of the workbook's code-set tables that could not be read, for the Codes panel to show. */
    readonly issues: RowIssue[],
  ) {}

  static empty(): CodeSetLibrary {
    return new CodeSetLibrary([], [], new Map(), [], []);
  }

  /** A library over the given sets; a later set of the same kind and version replaces an earlier one. */
  static fromSets(sets: ImportedCodeSet[], issues: RowIssue[] = []): CodeSetLibrary {
    const byId = new Map<string, ImportedCodeSet>();
    for (const entry of sets) byId.set(codeSetId(entry.set.kind, entry.set.version), entry);
    const icdYears: Icd10Year[] = [];
    const hcpcsYears: HcpcsYear[] = [];
    const lists = new Map<string, ListIndex>();
    const infos: CodeSetInfo[] = [];
    for (const [id, { set, importedOn }] of byId) {
      const version = normalizeVersion(set.kind, set.version);
      infos.push({ id, kind: set.kind, version, count: codeCount(set), importedOn, source: set.source });
      if (set.kind === "ICD10CM") icdYears.push(icd10Index(set, version));
      else if (set.kind === "HCPCS") hcpcsYears.push(hcpcsIndex(set, version));
      else lists.set(version.toLowerCase(), listIndex(set, version));
    }
    icdYears.sort((a, b) => a.fiscalYear - b.fiscalYear);
    hcpcsYears.sort((a, b) => a.year - b.year);
    const order: CodeSetKind[] = ["ICD10CM", "HCPCS", "LIST"];
    infos.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.version.localeCompare(b.version));
    return new CodeSetLibrary(icdYears, hcpcsYears, lists, infos, issues);
  }

  /** This library with one more set (replacing the same kind and version), e.g. right after an import. */
  withSet(set: ParsedCodeSet, importedOn: IsoDate): CodeSetLibrary {
    const kept: ImportedCodeSet[] = this.infos
      .filter((info) => info.id !== codeSetId(set.kind, set.version))
      .map((info) => ({ set: this.setOf(info), importedOn: info.importedOn }));
    return CodeSetLibrary.fromSets([...kept, { set, importedOn }], this.issues);
  }

  sets(): CodeSetInfo[] {
    return this.infos.map((info) => ({ ...info }));
  }

  has(kind: CodeSetKind, version?: string): boolean {
    if (version === undefined) return this.infos.some((info) => info.kind === kind);
    const id = codeSetId(kind, version);
    return this.infos.some((info) => info.id === id);
  }

  /** ICD-10-CM in the fiscal year of the date of service (Oct 1 - Sep 30); without a date, the newest loaded year. */
  icd10(code: string, dos?: IsoDate): Icd10Answer {
    if (this.icdYears.length === 0) return { status: "not-loaded" };
    let year = this.icdYears[this.icdYears.length - 1];
    if (isIso(dos)) {
      const fiscalYear = icd10FiscalYear(dos);
      const found = this.icdYears.find((y) => y.fiscalYear === fiscalYear);
      // Another year's set would answer wrongly for codes that changed: say which year is needed.
      if (!found) return { status: "not-loaded", version: `FY${fiscalYear}` };
      year = found;
    }
    let i = year.index.get(code);
    if (i === undefined) {
      const normalized = normalizeCode(code);
      if (normalized !== code) i = year.index.get(normalized);
    }
    if (i === undefined) return { status: "unknown", version: year.version };
    return { status: year.billable[i] === 1 ? "billable" : "header", version: year.version, description: year.descriptions[i] };
  }

  /**
   * HCPCS Level II on the date of service, from the set of that year (or the nearest loaded one: each
   * file carries added and termination dates, and keeps discontinued codes for four years). Without a
   * date, a code with a termination date is reported terminated.
   */
  hcpcs(code: string, dos?: IsoDate): HcpcsAnswer {
    const year = this.hcpcsYearFor(dos);
    if (!year) return { status: "not-loaded" };
    const entry = year.codes.get(code) ?? year.codes.get(normalizeCode(code));
    if (!entry) return { status: "unknown" };
    const description = entry.long || entry.short;
    if (entry.terminated && (!isIso(dos) || dos > entry.terminated)) {
      return { status: "terminated", description, terminated: entry.terminated };
    }
    // Not yet in the code set on that date: as unknown then as a code that never existed.
    if (isIso(dos) && entry.added && dos < entry.added) return { status: "unknown" };
    const answer: HcpcsAnswer = { status: "active", description };
    if (entry.added) answer.added = entry.added;
    if (entry.terminated) answer.terminated = entry.terminated;
    return answer;
  }

  /** A HCPCS Level II modifier (letters, e.g. "LT"; the numeric ones are CPT's) in the newest loaded HCPCS set. */
  hcpcsModifier(mod: string): ModifierAnswer {
    const year = this.hcpcsYears[this.hcpcsYears.length - 1];
    if (!year) return { status: "not-loaded" };
    const entry = year.modifiers.get(mod) ?? year.modifiers.get(normalizeCode(mod));
    return entry ? { status: "known", description: entry.long || entry.short } : { status: "unknown" };
  }

  /** A two-column list the office imported (its CPT/fee schedule list, payer lists, CARC/RARC). */
  listed(listName: string, code: string): ListAnswer {
    const list = this.lists.get(listName.trim().toLowerCase());
    if (!list) return { status: "not-loaded" };
    const description = list.descriptions.get(code) ?? list.descriptions.get(code.trim().toUpperCase());
    return description === undefined ? { status: "unknown" } : { status: "listed", description };
  }

  private hcpcsYearFor(dos: IsoDate | undefined): HcpcsYear | undefined {
    const years = this.hcpcsYears;
    if (years.length === 0) return undefined;
    if (!isIso(dos)) return years[years.length - 1];
    const wanted = Number(dos.slice(0, 4));
    let chosen = years[0];
    for (const y of years) if (y.year <= wanted) chosen = y;
    return chosen;
  }

  /** Rebuilds a set from the indexes, so withSet keeps what is loaded without holding the parsed files. */
  private setOf(info: CodeSetInfo): ParsedCodeSet {
    if (info.kind === "ICD10CM") {
      const year = this.icdYears.find((y) => y.version === info.version)!;
      return {
        kind: "ICD10CM",
        version: info.version,
        source: info.source,
        codes: year.codes,
        billable: year.billable,
        descriptions: year.descriptions,
        skipped: [],
      };
    }
    if (info.kind === "HCPCS") {
      const year = this.hcpcsYears.find((y) => String(y.year) === info.version)!;
      return {
        kind: "HCPCS",
        version: info.version,
        source: info.source,
        entries: [...year.codes.values(), ...year.modifiers.values()],
        skipped: [],
      };
    }
    const list = this.lists.get(info.version.toLowerCase())!;
    return {
      kind: "LIST",
      version: info.version,
      source: info.source,
      codes: [...list.descriptions.keys()],
      descriptions: [...list.descriptions.values()],
      skipped: [],
    };
  }
}

function icd10Index(set: Icd10CodeSet, version: string): Icd10Year {
  const index = new Map<string, number>();
  const { codes } = set;
  for (let i = 0; i < codes.length; i++) index.set(codes[i], i);
  const fiscalYear = Number(version.replace(/^FY/i, ""));
  return { fiscalYear, version, codes, index, billable: set.billable, descriptions: set.descriptions };
}

function hcpcsIndex(set: HcpcsCodeSet, version: string): HcpcsYear {
  const codes = new Map<string, HcpcsEntry>();
  const modifiers = new Map<string, HcpcsEntry>();
  for (const entry of set.entries) (entry.modifier ? modifiers : codes).set(entry.code, entry);
  return { year: Number(version.slice(0, 4)), codes, modifiers };
}

function listIndex(set: CodeList, name: string): ListIndex {
  const descriptions = new Map<string, string>();
  for (let i = 0; i < set.codes.length; i++) {
    const code = set.codes[i].trim().toUpperCase();
    if (!descriptions.has(code)) descriptions.set(code, set.descriptions[i] ?? "");
  }
  return { name, descriptions };
}
