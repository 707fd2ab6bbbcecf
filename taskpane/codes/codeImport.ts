// Importing a code file from the Codes panel, apart from React so it can be tested in Node: read the
// file, parse it into a code set, write the set into the workbook (one plan, with its Audit row), and
// hand back the library with the new set for checks and the custom functions. Each stage is announced
// first, so the panel's progress bar moves before the slow part (writing ~98,000 rows in Excel).
import { todayIso, type IsoDate } from "../../src/dates";
import { readCodeSetFile, type CodeFileOptions } from "../../src/codes/codeSetFiles";
import { codeSetImportPlan } from "../../src/codes/codeSetStore";
import { codeCount, codeSetKindName, type CodeSetInfo, type CodeSetKind, type CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import { describeIssue, type RowIssue } from "../../src/workbook/mapTable";
import type { Workbook } from "../../src/workbook/port";

export type ImportStage = "reading" | "parsing" | "writing" | "loading";

/** Where the progress bar stands when a stage starts (0..1): writing takes most of the time. */
export const STAGE_PROGRESS: Record<ImportStage, number> = { reading: 0.05, parsing: 0.2, writing: 0.3, loading: 0.9 };

/** What the progress bar says during a stage; `codes` is how many codes the file held, once known. */
export function stageLabel(stage: ImportStage, codes?: number): string {
  const many = codes === undefined ? "the codes" : `${codes.toLocaleString("en-US")} ${codes === 1 ? "code" : "codes"}`;
  if (stage === "reading") return "Reading the file…";
  if (stage === "parsing") return "Reading the codes in it…";
  if (stage === "writing") return `Writing ${many} to the workbook…`;
  return `Getting ${many} ready for checks…`;
}

/** What the office may say about the file in the panel; blank fields mean "find out from the file". */
export interface ImportForm {
  kind: CodeSetKind | "auto";
  /** "FY2025" or "2025" for ICD-10-CM, "2019" for HCPCS. */
  version: string;
  listName: string;
}

export const EMPTY_IMPORT_FORM: ImportForm = { kind: "auto", version: "", listName: "" };

/** The form as readCodeSetFile's options: only what the office filled in. */
export function importOptions(form: ImportForm): CodeFileOptions {
  const options: CodeFileOptions = {};
  if (form.kind !== "auto") options.kind = form.kind;
  const version = form.version.trim();
  if (version !== "" && form.kind !== "LIST") options.version = version;
  const listName = form.listName.trim();
  if (listName !== "" && (form.kind === "LIST" || form.kind === "auto")) options.listName = listName;
  return options;
}

/** A file the office picked; `read` gives its bytes (File.arrayBuffer in the page, a Buffer in tests). */
export interface CodeFile {
  name: string;
  read: () => Promise<Uint8Array>;
}

/** A code file that cannot be imported, said in the office's words (billerMessage shows it as is). */
export class CodeFileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CodeFileProblem";
  }
}

export interface CodeImportOutcome {
  /** The library with the new set, for checks and the custom functions. */
  library: CodeSetLibrary;
  applied: AppliedPlan;
  /** "FY2026 ICD-10-CM from icd10cm_order_2026.txt: 41 codes (39 billable, 2 headers)". */
  imported: string;
  /** Lines of the file that were not codes, in words ("line 12: ..."). */
  skipped: string[];
}

/**
 * Reads, stores and loads one code file. `onStage` is awaited before each stage, so the panel can
 * draw its progress; a file that cannot be read, or a set already in the workbook, throws before
 * anything is written.
 */
export async function importCodeFile(
  workbook: Workbook,
  library: CodeSetLibrary,
  file: CodeFile,
  options: CodeFileOptions,
  onStage: (stage: ImportStage, codes?: number) => Promise<void> | void = () => {},
  today: IsoDate = todayIso(),
): Promise<CodeImportOutcome> {
  await onStage("reading");
  const bytes = await file.read();
  await onStage("parsing");
  const parsed = await readCodeSetFile(file.name, bytes, options);
  if (!parsed.ok) throw new CodeFileProblem(parsed.error);
  const set = parsed.value;
  const plan = codeSetImportPlan(await workbook.describe(), set, today, library);
  const codes = codeCount(set);
  await onStage("writing", codes);
  const applied = await applyPlan(workbook, plan);
  await onStage("loading", codes);
  return { library: library.withSet(set, today), applied, imported: plan.what, skipped: set.skipped };
}

/** A loaded set as the panel lists it. */
export interface CodeSetLine {
  id: string;
  /** "ICD-10-CM FY2026", "HCPCS 2019", "CPT list". */
  name: string;
  /** "97,584 codes". */
  count: string;
  /** "imported 2026-11-27 from icd10cm_order_2026.txt" (either part left out when unknown). */
  detail: string;
}

export function codeSetLines(sets: CodeSetInfo[]): CodeSetLine[] {
  return sets.map((s) => {
    const name = s.kind === "LIST" ? `${s.version} list` : `${codeSetKindName(s.kind)} ${s.version}`;
    const imported = s.importedOn ? `imported ${s.importedOn}` : "";
    const from = s.source ? `from ${s.source}` : "";
    return {
      id: s.id,
      name,
      count: `${s.count.toLocaleString("en-US")} ${s.count === 1 ? "code" : "codes"}`,
      detail: [imported, from].filter(Boolean).join(" "),
    };
  });
}

/** The few skipped lines worth naming after an import, and how many more there were. */
export function skippedNote(skipped: string[], named = 3): string | undefined {
  if (skipped.length === 0) return undefined;
  const lines = skipped.slice(0, named).join("; ");
  const more = skipped.length > named ? `; and ${(skipped.length - named).toLocaleString("en-US")} more` : "";
  const count = skipped.length === 1 ? "1 line was" : `${skipped.length.toLocaleString("en-US")} lines were`;
  return `${count} not a code and left out: ${lines}${more}.`;
}

/** Rows of the stored code sets that could not be read when loading, as one sentence naming the first few. */
export function unreadableRowsNote(issues: RowIssue[], named = 3): string | undefined {
  if (issues.length === 0) return undefined;
  const first = issues.slice(0, named).map(describeIssue).join("; ");
  const more = issues.length > named ? `; and ${(issues.length - named).toLocaleString("en-US")} more` : "";
  return `Some stored code-set rows could not be read and were left out: ${first}${more}.`;
}
