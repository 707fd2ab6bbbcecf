// What each MEDBILL code function answers for a range of cells: the format checks of src/codes/ and, where
// a code has to exist, the loaded code sets. A check whose code set is missing says so (#N/A "ICD-10-CM
// code set not loaded: import it in the Codes panel"), never a silent TRUE or FALSE. functions.ts holds
// the declarations Excel sees; everything here is plain functions of cells and a CodeSetLibrary, which
// run the same outside Excel.
//
// Decisions, as a biller meets them:
// - TRUE/FALSE functions answer FALSE for a code that is malformed, unknown, a header or discontinued;
//   MEDBILL.CODECHECK says which. Blank in, blank out, as for MEDBILL.NPI.
// - CPT content is the AMA's: with no "CPT" list imported, MEDBILL.CPT is TRUE on format alone and
//   CODECHECK says "format OK; no CPT list imported to confirm it exists". Letter modifiers likewise
//   fall back to format until a HCPCS file is loaded; numeric modifiers are CPT's, checked by format.
// - CODECHECK always answers in words: a missing code set is its answer as text ("ICD-10-CM code set
//   not loaded: ..."), so =FILTER(codes, CODECHECK(codes)<>"OK") still lists every code to look at.
//   Only arguments it cannot use at all (a kind it does not know, a date that is no date) are #VALUE!.
import { quoted } from "../src/codes/codeCell";
import { checkCodeFormat, codeKindFromName, CODE_KIND_NAMES, guessCodeKind, type CodeKind } from "../src/codes/codeKinds";
import { hcpcsOnDate } from "../src/codes/hcpcsOnDate";
import { checkIcd10Format } from "../src/codes/icd10Format";
import { icd10HeaderReason, icd10UnknownReason } from "../src/codes/icd10NotBillable";
import { checkNdc } from "../src/codes/ndc";
import { checkPos } from "../src/codes/placeOfService";
import { checkCptFormat, checkHcpcsFormat, checkModifierFormat } from "../src/codes/procedureFormats";
import { cptOnOfficeList, modifierOnHcpcsList, type OnList } from "../src/codes/procedureLists";
import { checkEin } from "../src/codes/ein";
import { checkTaxonomyFormat } from "../src/codes/taxonomy";
import { CodeSetLibrary, icd10FiscalYear } from "../src/codes/codeSetLibrary";
import { shortUsDate, type IsoDate } from "../src/dates";
import { answerEach, cellError, CellErrors, cellRows, companion, DatesOfService, isBlankCell, type Answer } from "./cellRanges";
import { codeSetsForFunctions } from "./codeSetSource";

/** The sets a range call checks against; `unreadable` says why the workbook's sets could not be read. */
export interface CodeSets {
  library: CodeSetLibrary;
  unreadable?: string;
}

export const OK = "OK";
export const NO_CPT_LIST = "format OK; no CPT list imported to confirm it exists";

/** Runs one range call with the runtime's code sets; a failed read becomes a message in the cells that need a set. */
export async function withCodeSets<T>(answer: (sets: CodeSets) => T): Promise<T> {
  let sets: CodeSets;
  try {
    sets = { library: await codeSetsForFunctions() };
  } catch (error: unknown) {
    const why = error instanceof Error && error.message ? error.message : String(error);
    sets = {
      library: CodeSetLibrary.empty(),
      unreadable: `the code sets in this workbook could not be read (${why.slice(0, 120)}): open the Codes panel to check them`,
    };
  }
  return answer(sets);
}

function notLoaded(sets: CodeSets, setName: string): string {
  return sets.unreadable ?? `${setName} code set not loaded: import it in the Codes panel`;
}

// ---- ICD-10-CM -------------------------------------------------------------------------------------

type Icd10Verdict =
  | { kind: "blank" }
  | { kind: "malformed" | "bad-date" | "not-loaded"; reason: string }
  | { kind: "billable" | "header"; code: string; version: string; description: string; dos?: IsoDate }
  | { kind: "unknown"; code: string; version: string; dos?: IsoDate };

/** Where a code sits in its range, for the date of service that goes with it. */
interface Place {
  days: DatesOfService;
  row: number;
  column: number;
}

function icd10Verdict(cell: unknown, at: Place, sets: CodeSets): Icd10Verdict {
  if (isBlankCell(cell)) return { kind: "blank" };
  const format = checkIcd10Format(cell);
  if (!format.ok) return { kind: "malformed", reason: format.reason };
  const when = at.days.at(at.row, at.column);
  if (!when.ok) return { kind: "bad-date", reason: when.reason };
  const answer = sets.library.icd10(format.code, when.dos);
  if (answer.status === "not-loaded") {
    const year = answer.version ?? (when.dos ? `FY${icd10FiscalYear(when.dos)}` : undefined);
    return { kind: "not-loaded", reason: notLoaded(sets, year ? `ICD-10-CM ${year}` : "ICD-10-CM") };
  }
  if (answer.status === "unknown") return { kind: "unknown", code: format.code, version: answer.version, dos: when.dos };
  return { kind: answer.status, code: format.code, version: answer.version, description: answer.description, dos: when.dos };
}

function icd10Reason(verdict: Icd10Verdict, sets: CodeSets): string {
  switch (verdict.kind) {
    case "blank":
      return "";
    case "malformed":
    case "bad-date":
    case "not-loaded":
      return verdict.reason;
    case "unknown":
      return icd10UnknownReason(sets.library, verdict.code, verdict.version, verdict.dos, shortUsDate);
    case "header":
      return icd10HeaderReason(sets.library, verdict.code, verdict.version, verdict.dos, shortUsDate);
    case "billable":
      return OK;
  }
}

function datesFor(dates: unknown, codes: unknown[][]): DatesOfService {
  return new DatesOfService(companion(dates, codes, "dates of service"));
}

/** MEDBILL.ICD10: TRUE when billable in the fiscal year of the date of service. */
export function icd10Cells(codes: unknown, dates: unknown, sets: CodeSets): Answer[][] {
  const rows = cellRows(codes);
  const days = datesFor(dates, rows);
  const errors = new CellErrors();
  return answerEach(rows, (cell, r, c) => trueWhen(icd10Verdict(cell, { days, row: r, column: c }, sets), "billable", errors));
}

/**
 * A verdict as a TRUE/FALSE cell: TRUE for the one good kind, blank for a blank cell, an Excel error
 * for a set not loaded or an unreadable date (never a silent FALSE), FALSE for everything else.
 */
function trueWhen(verdict: { kind: string; reason?: string }, good: string, errors: CellErrors): Answer {
  if (verdict.kind === good) return true;
  switch (verdict.kind) {
    case "blank":
      return "";
    case "not-loaded":
      return errors.notAvailable(verdict.reason ?? "");
    case "bad-date":
      return errors.invalidValue(verdict.reason ?? "");
    default:
      return false;
  }
}

/** MEDBILL.ICD10DESC: the long description (headers have one too); #N/A for a code not in the set. */
export function icd10DescriptionCells(codes: unknown, dates: unknown, sets: CodeSets): Answer[][] {
  const rows = cellRows(codes);
  const days = datesFor(dates, rows);
  const errors = new CellErrors();
  return answerEach(rows, (cell, r, c) => {
    const verdict = icd10Verdict(cell, { days, row: r, column: c }, sets);
    switch (verdict.kind) {
      case "blank":
        return "";
      case "billable":
      case "header":
        return verdict.description;
      case "malformed":
      case "bad-date":
        return errors.invalidValue(verdict.reason);
      case "not-loaded":
        return errors.notAvailable(verdict.reason);
      case "unknown":
        return errors.notAvailable(icd10Reason(verdict, sets));
    }
  });
}

// ---- CPT and modifiers ------------------------------------------------------------------------------

type ProcedureVerdict = { kind: "blank" } | { kind: "ok" | "format-only"; code: string } | { kind: "wrong"; reason: string };

function cptVerdict(cell: unknown, sets: CodeSets): ProcedureVerdict {
  if (isBlankCell(cell)) return { kind: "blank" };
  const format = checkCptFormat(cell);
  if (!format.ok) return { kind: "wrong", reason: format.reason };
  return onList(cptOnOfficeList(sets.library, format.code), format.code);
}

function modifierVerdict(cell: unknown, sets: CodeSets): ProcedureVerdict {
  if (isBlankCell(cell)) return { kind: "blank" };
  const format = checkModifierFormat(cell);
  if (!format.ok) return { kind: "wrong", reason: format.reason };
  return onList(modifierOnHcpcsList(sets.library, format.code), format.code);
}

function onList(answer: OnList, code: string): ProcedureVerdict {
  if (answer.status === "unknown") return { kind: "wrong", reason: answer.reason };
  return { kind: answer.status === "known" ? "ok" : "format-only", code };
}

function procedureAnswer(verdict: ProcedureVerdict): Answer {
  return verdict.kind === "blank" ? "" : verdict.kind !== "wrong";
}

/** MEDBILL.CPT: format, and existence when the office imported a "CPT" list. */
export function cptCells(codes: unknown, sets: CodeSets): Answer[][] {
  return answerEach(cellRows(codes), (cell) => procedureAnswer(cptVerdict(cell, sets)));
}

/** MEDBILL.MODIFIER: format; letter modifiers against the HCPCS modifier records when loaded. */
export function modifierCells(modifiers: unknown, sets: CodeSets): Answer[][] {
  return answerEach(cellRows(modifiers), (cell) => procedureAnswer(modifierVerdict(cell, sets)));
}

// ---- HCPCS Level II ---------------------------------------------------------------------------------

type HcpcsVerdict =
  { kind: "blank" } | { kind: "active" } | { kind: "malformed" | "bad-date" | "not-loaded" | "not-valid"; reason: string };

function hcpcsVerdict(cell: unknown, at: Place, sets: CodeSets): HcpcsVerdict {
  if (isBlankCell(cell)) return { kind: "blank" };
  const format = checkHcpcsFormat(cell);
  if (!format.ok) return { kind: "malformed", reason: format.reason };
  const when = at.days.at(at.row, at.column);
  if (!when.ok) return { kind: "bad-date", reason: when.reason };
  const answer = hcpcsOnDate(sets.library, format.code, when.dos, shortUsDate);
  switch (answer.status) {
    case "active":
      return { kind: "active" };
    case "not-loaded":
      return { kind: "not-loaded", reason: notLoaded(sets, "HCPCS Level II") };
    case "not-valid":
      return { kind: "not-valid", reason: answer.reason };
  }
}

/** MEDBILL.HCPCS: TRUE when well formed, in the HCPCS set and not discontinued on the date of service. */
export function hcpcsCells(codes: unknown, dates: unknown, sets: CodeSets): Answer[][] {
  const rows = cellRows(codes);
  const days = datesFor(dates, rows);
  const errors = new CellErrors();
  return answerEach(rows, (cell, r, c) => trueWhen(hcpcsVerdict(cell, { days, row: r, column: c }, sets), "active", errors));
}

// ---- Format-only checks (no code set needed) --------------------------------------------------------

function formatCells(values: unknown, check: (cell: unknown) => { ok: boolean }): Answer[][] {
  return answerEach(cellRows(values), (cell) => (isBlankCell(cell) ? "" : check(cell).ok));
}

/** MEDBILL.POS: TRUE for a place of service on the CMS list. */
export function posCells(codes: unknown): Answer[][] {
  return formatCells(codes, checkPos);
}

/** MEDBILL.EIN: TRUE for 9 digits with an issued prefix. */
export function einCells(eins: unknown): Answer[][] {
  return formatCells(eins, checkEin);
}

/** MEDBILL.TAXONOMY: TRUE for a well-formed provider taxonomy code. */
export function taxonomyCells(codes: unknown): Answer[][] {
  return formatCells(codes, checkTaxonomyFormat);
}

/** MEDBILL.NDC11: the 11-digit NDC a claim carries, or #VALUE! with the reason. */
export function ndc11Cells(ndcs: unknown): Answer[][] {
  return answerEach(cellRows(ndcs), (cell) => {
    if (isBlankCell(cell)) return "";
    const ndc = checkNdc(cell);
    // Each reason names its own NDC, so there is nothing to share between cells.
    return ndc.ok ? ndc.code : cellError("#VALUE!", ndc.reason);
  });
}

// ---- CODECHECK --------------------------------------------------------------------------------------

const KIND_LIST = "ICD-10, CPT, HCPCS, modifier, POS, NPI, NDC, EIN or taxonomy";

function procedureReason(verdict: ProcedureVerdict, formatOnly: (code: string) => string): string {
  switch (verdict.kind) {
    case "blank":
      return "";
    case "wrong":
      return verdict.reason;
    case "format-only":
      return formatOnly(verdict.code);
    case "ok":
      return OK;
  }
}

/** CODECHECK's answer for one code of a known kind, or the reason its date of service cannot be used. */
function reasonFor(kind: CodeKind, cell: unknown, at: Place, sets: CodeSets): { reason: string } | { badDate: string } {
  switch (kind) {
    case "icd10": {
      const verdict = icd10Verdict(cell, at, sets);
      return verdict.kind === "bad-date" ? { badDate: verdict.reason } : { reason: icd10Reason(verdict, sets) };
    }
    case "hcpcs": {
      const verdict = hcpcsVerdict(cell, at, sets);
      if (verdict.kind === "bad-date") return { badDate: verdict.reason };
      return { reason: verdict.kind === "active" ? OK : verdict.kind === "blank" ? "" : verdict.reason };
    }
    case "cpt":
      return { reason: procedureReason(cptVerdict(cell, sets), () => NO_CPT_LIST) };
    case "modifier":
      return {
        reason: procedureReason(
          modifierVerdict(cell, sets),
          (code) => `format OK; no HCPCS file imported to confirm modifier ${code} exists`,
        ),
      };
    default: {
      const format = checkCodeFormat(kind, cell);
      return { reason: format.ok ? OK : format.reason };
    }
  }
}

/** MEDBILL.CODECHECK: "OK", or the reason in a biller's words; the kind by name, or guessed from the code's shape. */
export function codeCheckCells(codes: unknown, kinds: unknown, dates: unknown, sets: CodeSets): Answer[][] {
  const rows = cellRows(codes);
  const kindOf = companion(kinds, rows, "kinds");
  const days = datesFor(dates, rows);
  const errors = new CellErrors();
  return answerEach(rows, (cell, r, c) => {
    if (isBlankCell(cell)) return "";
    if (!kindOf.ok) return errors.invalidValue(kindOf.reason);
    const named = kindOf.at(r, c);
    let kind: CodeKind | undefined;
    let guessed = false;
    if (isBlankCell(named)) {
      kind = guessCodeKind(cell);
      guessed = true;
      if (!kind) return `${shownCell(cell)} does not look like any code this add-in checks: give its kind (${KIND_LIST})`;
    } else {
      kind = codeKindFromName(named);
      if (!kind) return errors.invalidValue(`${shownCell(named)} is not a kind of code: use ${KIND_LIST}`);
    }
    const answer = reasonFor(kind, cell, { days, row: r, column: c }, sets);
    if ("badDate" in answer) return errors.invalidValue(answer.badDate);
    // A guess can be wrong (E1165 reads as HCPCS, though it may be E11.65 without its dot): say what was checked.
    const name = CODE_KIND_NAMES[kind];
    return guessed && answer.reason !== OK && !answer.reason.includes(name) ? `${answer.reason} (checked as ${name})` : answer.reason;
  });
}

function shownCell(value: unknown): string {
  return quoted(String(value).trim());
}
