// The MEDBILL custom functions at worksheet scale: for each function, ONE range call over n x 1 cells
// (a column of a million codes) through the real exported function, with the code sets loaded the way
// the task pane hands them over (useCodeSets). ICD-10-CM and HCPCS come from the real CMS files in
// ../shared/data when they are there (FY2025 order file read from its zip, HCPCS 2019 text), otherwise
// from synthetic sets of similar size; the CPT list is always synthetic (we ship no CPT content). Cells
// are made before the clock starts: mostly real codes, the rest the mistakes billers make, and a column
// of dates of service across the fiscal year. Returns figures, prints nothing.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { useCodeSets } from "../functions/codeSetSource";
import * as functions from "../functions/functions";
import { readCodeSetFile } from "../src/codes/codeSetFiles";
import {
  CodeSetLibrary,
  type CodeList,
  type HcpcsCodeSet,
  type HcpcsEntry,
  type Icd10CodeSet,
  type ParsedCodeSet,
} from "../src/codes/codeSetLibrary";
import { npiCheckDigit } from "../src/codes/npi";
import { PLACES_OF_SERVICE } from "../src/codes/placeOfService";
import { isoToSerial } from "../src/dates";
import { SeededDice } from "../src/sample/seededDice";

const DATA = fileURLToPath(new URL("../../shared/data/", import.meta.url));
const ICD10_ZIP = `${DATA}icd10cm/cms_2025_dx.zip`;
const HCPCS_TEXT = `${DATA}hcpcs/HCPC2019_CONTR_ANWEB.txt`;

export interface CodeFunctionBench {
  /** The formula as it was called, e.g. "MEDBILL.ICD10(codes, dates)". */
  call: string;
  cells: number;
  seconds: number;
  cellsPerSecond: number;
  /** What came back: TRUE, FALSE, text (descriptions, "OK", reasons, NDCs) and errors, as a sanity figure. */
  answers: { true: number; false: number; text: number; errors: number };
}

export interface CodeFunctionsBench {
  /** Where the code sets came from ("real: ..." or "synthetic: ..."). */
  codeSets: string;
  results: CodeFunctionBench[];
}

type Cell = string | number;
type Column = Cell[][];

/** The sample's seeded generator (mulberry32) so every run checks the same cells; int(n) is 0 to n - 1. */
function dice(seed: number) {
  const d = new SeededDice(seed);
  return {
    next: () => d.next(),
    int: (below: number) => d.int(0, below - 1),
    digits: (count: number) => d.digits(count),
    pick: <T>(items: readonly T[]) => d.pick(items),
  };
}
type Dice = ReturnType<typeof dice>;

const column = (n: number, make: (i: number) => Cell): Column => Array.from({ length: n }, (_, i) => [make(i)]);

// ---- code sets --------------------------------------------------------------------------------------

async function realSet(path: string): Promise<ParsedCodeSet | undefined> {
  if (!existsSync(path)) return undefined;
  const set = await readCodeSetFile(path, new Uint8Array(readFileSync(path)));
  return set.ok ? set.value : undefined;
}

/** About 2,600 categories (headers) with 10 billable codes each, over FY2025. */
function syntheticIcd10(): Icd10CodeSet {
  const codes: string[] = [];
  const flags: number[] = [];
  for (const letter of "ABCDEFGHIJKLMNOPQRSTVWYZ") {
    for (let category = 0; category < 110; category++) {
      const head = `${letter}${String(category).padStart(2, "0")}`;
      codes.push(head);
      flags.push(0);
      for (let d = 0; d < 10; d++) {
        codes.push(`${head}${d}`);
        flags.push(1);
      }
    }
  }
  return {
    kind: "ICD10CM",
    version: "FY2025",
    source: "synthetic",
    codes,
    billable: Uint8Array.from(flags),
    descriptions: codes.map((c) => `Synthetic diagnosis ${c}`),
    skipped: [],
  };
}

/** 6,400 codes (one in twenty discontinued mid-year) and 360 modifiers, for 2019. */
function syntheticHcpcs(): HcpcsCodeSet {
  const entries: HcpcsEntry[] = [];
  const d = dice(7);
  for (let i = 0; i < 6400; i++) {
    const entry: HcpcsEntry = {
      code: `${"ABCEGHJKLMPQRSTV"[i % 16]}${String(i).padStart(4, "0")}`,
      modifier: false,
      short: "Synthetic",
      long: "Synthetic code",
    };
    entry.added = "2000-01-01";
    if (d.int(20) === 0) entry.terminated = "2019-06-30";
    entries.push(entry);
  }
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (let i = 0; i < 360; i++)
    entries.push({
      code: `${letters[i % 26]}${letters[Math.floor(i / 26)]}`,
      modifier: true,
      short: "Modifier",
      long: "Synthetic modifier",
    });
  return { kind: "HCPCS", version: "2019", source: "synthetic", entries, skipped: [] };
}

/** An office's CPT list of 8,000 codes (synthetic: CPT content is the AMA's). */
function syntheticCptList(): CodeList {
  const codes = Array.from({ length: 8000 }, (_, i) => String(10000 + i * 11));
  return { kind: "LIST", version: "CPT", source: "synthetic", codes, descriptions: codes.map((c) => `Procedure ${c}`), skipped: [] };
}

// ---- cells ------------------------------------------------------------------------------------------

const withDot = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

function icd10Cells(n: number, codes: string[], d: Dice): Column {
  return column(n, () => {
    const r = d.next();
    if (r < 0.05) return "S62.5X0"; // missing its 7th character
    if (r < 0.08) return `${d.digits(3)}.${d.digits(1)}`; // an old ICD-9 code
    if (r < 0.1) return `E11.${d.digits(2)}9`; // no such code
    const code = d.pick(codes);
    return r < 0.55 ? withDot(code) : r < 0.6 ? ` ${code.toLowerCase()} ` : code;
  });
}

function hcpcsCells(n: number, codes: string[], d: Dice): Column {
  return column(n, () => {
    const r = d.next();
    if (r < 0.05) return `D${d.digits(4)}`; // dental
    if (r < 0.1) return `${d.pick(["J", "G", "A"])}${d.digits(4)}`; // may or may not exist
    return r < 0.15 ? d.pick(codes).toLowerCase() : d.pick(codes);
  });
}

/** Dates of service spread over one year, as Excel serials (a date column). */
function dateColumn(n: number, firstDay: string, d: Dice): Column {
  const first = isoToSerial(firstDay);
  return column(n, () => first + d.int(365));
}

function makers(icdCodes: string[], hcpcsCodes: string[], modifiers: string[], cptCodes: string[]) {
  return {
    cpt: (d: Dice): Cell => {
      const r = d.next();
      if (r < 0.05) return d.digits(4);
      if (r < 0.1) return `${d.pick(cptCodes)}-25`;
      return r < 0.5 ? Number(d.pick(cptCodes)) : r < 0.6 ? `${d.digits(4)}F` : d.pick(cptCodes);
    },
    modifier: (d: Dice): Cell => {
      const r = d.next();
      if (r < 0.05) return `-${d.digits(2)}`;
      if (r < 0.3) return 22 + d.int(78);
      return r < 0.35 ? "ZZ" : d.pick(modifiers);
    },
    pos: (d: Dice): Cell => {
      const r = d.next();
      if (r < 0.1) return d.digits(2);
      const code = d.pick(PLACES_OF_SERVICE).code;
      return r < 0.6 ? Number(code) : code;
    },
    npi: (d: Dice): Cell => {
      const first9 = `${d.pick(["1", "2"])}${d.digits(8)}`;
      const check = d.next() < 0.1 ? (npiCheckDigit(first9) + 1) % 10 : npiCheckDigit(first9);
      return d.int(2) ? Number(`${first9}${check}`) : `${first9}${check}`;
    },
    ndc: (d: Dice): Cell => {
      const digits = d.digits(10);
      switch (d.int(5)) {
        case 0:
          return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
        case 1:
          return `${digits.slice(0, 5)}-${digits.slice(5, 8)}-${digits.slice(8)}`;
        case 2:
          return `${digits.slice(0, 5)}-${digits.slice(5, 9)}-${digits.slice(9)}`;
        case 3:
          return `${digits}${d.digits(1)}`;
        default:
          return digits; // ambiguous without hyphens: #VALUE!
      }
    },
    ein: (d: Dice): Cell => {
      const nine = d.digits(9);
      return d.int(2) ? `${nine.slice(0, 2)}-${nine.slice(2)}` : Number(nine);
    },
    taxonomy: (d: Dice): Cell => `${d.digits(3)}${d.pick(["Q0", "A0", "X0", "R0"])}0000${d.next() < 0.1 ? "" : "X"}`,
    icd10: (d: Dice): Cell => d.pick(icdCodes),
    hcpcs: (d: Dice): Cell => d.pick(hcpcsCodes),
  };
}

// ---- running ----------------------------------------------------------------------------------------

/** The custom-functions runtime's error class, for Node: only its code and message are used. */
class BenchError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

function tally(result: unknown[][]): CodeFunctionBench["answers"] {
  const answers = { true: 0, false: 0, text: 0, errors: 0 };
  for (const row of result)
    for (const value of row) {
      if (value === true) answers.true++;
      else if (value === false) answers.false++;
      else if (typeof value === "string") answers.text++;
      else answers.errors++;
    }
  return answers;
}

async function timed(call: string, cells: number, run: () => unknown[][] | Promise<unknown[][]>): Promise<CodeFunctionBench> {
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  return { call, cells, seconds, cellsPerSecond: cells / seconds, answers: tally(result) };
}

/** One range call of n x 1 cells per function (n = 1,000,000 for the figure). */
export async function benchCodeFunctions(n: number): Promise<CodeFunctionsBench> {
  const icd = (await realSet(ICD10_ZIP)) as Icd10CodeSet | undefined;
  const hcpcs = (await realSet(HCPCS_TEXT)) as HcpcsCodeSet | undefined;
  const icdSet = icd?.kind === "ICD10CM" ? icd : syntheticIcd10();
  const hcpcsSet = hcpcs?.kind === "HCPCS" ? hcpcs : syntheticHcpcs();
  const cptSet = syntheticCptList();
  const library = CodeSetLibrary.fromSets([icdSet, hcpcsSet, cptSet].map((set) => ({ set, importedOn: "2026-11-27" })));
  const hcpcsCodes = hcpcsSet.entries.filter((e) => !e.modifier).map((e) => e.code);
  const modifiers = hcpcsSet.entries.filter((e) => e.modifier).map((e) => e.code);
  const count = (k: number) => k.toLocaleString("en-US");
  const origin = (set: ParsedCodeSet) => (set.source === "synthetic" ? "synthetic" : `real: ${set.source}`);
  const codeSets = [
    `FY2025 ICD-10-CM, ${count(icdSet.codes.length)} codes (${origin(icdSet)})`,
    `${hcpcsSet.version} HCPCS, ${count(hcpcsCodes.length)} codes and ${count(modifiers.length)} modifiers (${origin(hcpcsSet)})`,
    `CPT list, ${count(cptSet.codes.length)} codes (synthetic)`,
  ].join("; ");
  const make = makers(icdSet.codes, hcpcsCodes, modifiers, cptSet.codes);

  const globals = globalThis as { CustomFunctions?: unknown };
  const runtime = globals.CustomFunctions;
  globals.CustomFunctions ??= { Error: BenchError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
  useCodeSets(library);
  try {
    const results: CodeFunctionBench[] = [];
    const d = dice(1);
    const icdColumn = icd10Cells(n, icdSet.codes, d);
    const fy2025Dates = dateColumn(n, "2024-10-01", d);
    results.push(await timed("MEDBILL.ICD10(codes, dates)", n, () => functions.ICD10(icdColumn, fy2025Dates)));
    results.push(await timed("MEDBILL.ICD10(codes)", n, () => functions.ICD10(icdColumn)));
    results.push(await timed("MEDBILL.ICD10DESC(codes, dates)", n, () => functions.ICD10DESC(icdColumn, fy2025Dates)));
    const hcpcsColumn = hcpcsCells(n, hcpcsCodes, d);
    const dates2019 = dateColumn(n, "2019-01-01", d);
    results.push(await timed("MEDBILL.HCPCS(codes, dates)", n, () => functions.HCPCS(hcpcsColumn, dates2019)));
    const columnOf = (maker: (d: Dice) => Cell, seed: number) => {
      const own = dice(seed);
      return column(n, () => maker(own));
    };
    const cpt = columnOf(make.cpt, 2);
    results.push(await timed("MEDBILL.CPT(codes)", n, () => functions.CPT(cpt)));
    const mods = columnOf(make.modifier, 3);
    results.push(await timed("MEDBILL.MODIFIER(modifiers)", n, () => functions.MODIFIER(mods)));
    const pos = columnOf(make.pos, 4);
    results.push(await timed("MEDBILL.POS(codes)", n, () => functions.POS(pos)));
    const npi = columnOf(make.npi, 5);
    results.push(await timed("MEDBILL.NPI(npis)", n, () => functions.NPI(npi)));
    const ndc = columnOf(make.ndc, 6);
    results.push(await timed("MEDBILL.NDC11(ndcs)", n, () => functions.NDC11(ndc)));
    const ein = columnOf(make.ein, 7);
    results.push(await timed("MEDBILL.EIN(eins)", n, () => functions.EIN(ein)));
    const taxonomy = columnOf(make.taxonomy, 8);
    results.push(await timed("MEDBILL.TAXONOMY(codes)", n, () => functions.TAXONOMY(taxonomy)));
    // CODECHECK over a mixed column with no kind: each code's kind guessed, then checked (dates for all).
    const kinds = Object.values(make);
    const mixed = dice(9);
    const mixedColumn = column(n, () => mixed.pick(kinds)(mixed));
    results.push(
      await timed("MEDBILL.CODECHECK(mixed codes, , dates)", n, () => functions.CODECHECK(mixedColumn, null as never, fy2025Dates)),
    );
    results.push(
      await timed('MEDBILL.CODECHECK(codes, "ICD-10", dates)', n, () => functions.CODECHECK(icdColumn, [["ICD-10"]], fy2025Dates)),
    );
    return { codeSets, results };
  } finally {
    useCodeSets(CodeSetLibrary.empty());
    globals.CustomFunctions = runtime;
  }
}
