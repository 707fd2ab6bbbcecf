// `medbill codes import book.xlsx FILE...`: code sets read from the files CMS publishes (or the
// office's own two-column lists) and stored in the workbook, through the same import plan as the
// Codes panel, with an Audit row each. Every file is reported: what was imported (kind, year, count)
// or why it was refused; the workbook is saved once, at the end, when anything was imported.
import { readCodeSetFile, type CodeFileOptions } from "../codes/codeSetFiles";
import { hcpcsVersion, icd10Version, type CodeSetKind, type CodeSetLibrary, type ParsedCodeSet } from "../codes/codeSetLibrary";
import { codeSetImportPlan, loadCodeSets } from "../codes/codeSetStore";
import { todayIso, type IsoDate } from "../dates";
import { applyPlan, type WritePlan } from "../workbook/plan";
import { PlanRejected, type WorkbookInfo } from "../workbook/port";
import { openWorkbook } from "./workbookFile";
import { describeFileError, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, readArguments, seconds, UsageError, type CliIo } from "./commandLine";

const KINDS: Record<string, CodeSetKind> = { icd10cm: "ICD10CM", icd10: "ICD10CM", hcpcs: "HCPCS", list: "LIST" };
/** Lines of a file that were skipped, named in the output before "and N more". */
const SKIPS_SHOWN = 3;

export async function runCodesImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    kind: { type: "string" },
    version: { type: "string" },
    list: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
  });
  const [bookPath, ...files] = positionals;
  if (bookPath === undefined)
    throw new UsageError("Name the workbook, then the code files: medbill codes import book.xlsx icd10cm_order_2025.txt");
  if (!bookPath.toLowerCase().endsWith(".xlsx")) {
    throw new UsageError(`The workbook comes first and must be an .xlsx file, not "${bookPath}": medbill codes import book.xlsx FILE...`);
  }
  if (files.length === 0) throw new UsageError(`Name the code files to import into ${bookPath}: medbill codes import ${bookPath} FILE...`);
  const options = importOptions(values);
  if (values.out !== undefined && !values.out.toLowerCase().endsWith(".xlsx")) {
    throw new UsageError(`--out must name an .xlsx file, not "${values.out}".`);
  }

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const importedOn = todayIso();
  let loaded: CodeSetLibrary | undefined;
  let imported = 0;
  let refused = 0;
  let unreadable = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(file);
    } catch (error) {
      io.err(describeFileError("open", file, error));
      unreadable++;
      continue;
    }
    const started = performance.now();
    const parsed = await readCodeSetFile(file, bytes, options);
    if (!parsed.ok) {
      io.out(`Refused ${file}: ${parsed.error}.`);
      refused++;
      continue;
    }
    const set = parsed.value;
    const info = await workbook.describe();
    let answer = planOrRefusal(info, set, importedOn, loaded);
    if ("refused" in answer && !loaded) {
      // Said again with the date the set was imported, which needs the loaded sets: read them only now.
      loaded = await loadCodeSets(workbook);
      answer = planOrRefusal(info, set, importedOn, loaded);
    }
    if ("refused" in answer) {
      io.out(`Refused ${file}: ${answer.refused}.`);
      refused++;
      continue;
    }
    const { plan } = answer;
    await applyPlan(workbook, plan);
    imported++;
    io.out(`Imported ${plan.what}, in ${seconds(performance.now() - started)}.`);
    if (set.skipped.length > 0) {
      const shown = set.skipped.slice(0, SKIPS_SHOWN).join("; ");
      const more = set.skipped.length > SKIPS_SHOWN ? `; and ${set.skipped.length - SKIPS_SHOWN} more` : "";
      io.out(`  Lines skipped as not codes: ${shown}${more}`);
    }
  }

  if (imported > 0) {
    const target = values.out ?? bookPath;
    try {
      await io.writeFile(target, await workbook.save(), { overwrite: values.out === undefined || values.force === true });
    } catch (error) {
      io.err(describeFileError("write", target, error));
      return EXIT_CANNOT_RUN;
    }
    io.out(
      `Saved ${target}: ${imported} ${imported === 1 ? "code set" : "code sets"} imported${refused > 0 ? `, ${refused} refused` : ""}.`,
    );
  } else {
    io.out(`Nothing was imported; ${bookPath} is unchanged.`);
  }
  return unreadable > 0 ? EXIT_CANNOT_RUN : refused > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The import plan, or why the workbook cannot take the set (already loaded, a sheet of that name). */
function planOrRefusal(
  info: WorkbookInfo,
  set: ParsedCodeSet,
  on: IsoDate,
  loaded?: CodeSetLibrary,
): { plan: WritePlan } | { refused: string } {
  try {
    return { plan: codeSetImportPlan(info, set, on, loaded) };
  } catch (error) {
    if (error instanceof PlanRejected) return { refused: error.message };
    throw error;
  }
}

function importOptions(values: { kind?: string; version?: string; list?: string }): CodeFileOptions {
  const options: CodeFileOptions = {};
  if (values.kind !== undefined) {
    const kind =
      KINDS[
        values.kind
          .trim()
          .toLowerCase()
          .replace(/[-_\s]/g, "")
      ];
    if (!kind) throw new UsageError(`--kind must be icd10cm, hcpcs or list, not "${values.kind}".`);
    options.kind = kind;
  }
  if (values.version !== undefined) {
    if (options.kind === "LIST") throw new UsageError("--version is for ICD-10-CM and HCPCS files: name a list with --list.");
    const year = options.kind === "HCPCS" ? hcpcsVersion(values.version) : (icd10Version(values.version) ?? hcpcsVersion(values.version));
    if (!year) throw new UsageError(`--version must be an ICD-10-CM fiscal year (FY2025) or a HCPCS year (2019), not "${values.version}".`);
    options.version = values.version;
  }
  if (values.list !== undefined) {
    if (values.list.trim() === "") throw new UsageError("--list needs the list's name, like --list CPT.");
    options.listName = values.list.trim();
  }
  return options;
}
