// `medbill contracts import book.xlsx FILE [--payer ID] [--from DATE] [--dry-run]`: a payer's fee schedule
// (CSV, tab-separated text or an .xlsx sheet with a header row) added to the Contracts table
// (src/contracts/contractImport.ts). Every row is checked first: one bad row and nothing is written, each
// problem named by the file's row and column (exit 1). Saves the workbook unless --dry-run.
import { contractFileCells, contractImportPlan } from "../contracts/contractImport";
import { Contracts } from "../workbook/tables";
import {
  count,
  dateOption,
  describeFileError,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  readArguments,
  UsageError,
  type CliIo,
} from "./commandLine";
import { applyAndSave, openWorkbook } from "./workbookFile";

/** `medbill contracts <subcommand> ...`. */
export async function runContracts([subcommand, ...rest]: string[], io: CliIo): Promise<number> {
  switch (subcommand) {
    case "import":
      return runContractsImport(rest, io);
    case undefined:
      throw new UsageError("Say what to do with the contracts: medbill contracts import book.xlsx FILE --payer MCR");
    default:
      throw new UsageError(`medbill contracts has no command "${subcommand}": use import.`);
  }
}

async function runContractsImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    payer: { type: "string" },
    from: { type: "string" },
    "dry-run": { type: "boolean" },
  });
  if (positionals.length !== 2) {
    throw new UsageError(
      positionals.length < 2
        ? "Name the workbook and the fee schedule file: medbill contracts import book.xlsx rates.csv --payer MCR"
        : "Import one fee schedule file at a time.",
    );
  }
  const [bookPath, filePath] = positionals;
  const from = dateOption(values.from, "--from");
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(filePath);
  } catch (error) {
    io.err(describeFileError("open", filePath, error));
    return EXIT_CANNOT_RUN;
  }
  const file = contractFileCells(filePath, bytes);
  if (!file.ok) {
    io.err(file.problem);
    return EXIT_PROBLEMS;
  }
  const { dateSystem } = await workbook.describe();
  const { [Contracts.name]: contracts } = await workbook.readTables([Contracts.name]);
  const planned = contractImportPlan(filePath, file.cells, file.dateSystem, { contracts, dateSystem }, { payerId: values.payer, from });
  if (!planned.ok) {
    io.err(`Nothing was imported: ${count(planned.problems.length, "problem")} in ${filePath}.`);
    for (const problem of planned.problems) io.err(`  ${problem}`);
    return EXIT_PROBLEMS;
  }
  const payers = [...new Set(planned.rows.map((r) => r.payerId))].join(", ");
  io.out(`${count(planned.rows.length, "contract rate")} for ${payers} in ${filePath}.`);
  for (const note of planned.notes) io.out(note);
  if (values["dry-run"] === true) {
    io.out("Dry run: nothing written.");
    return EXIT_OK;
  }
  const failed = await applyAndSave(workbook, [planned.plan], bookPath, io, "The workbook refused the rates");
  if (failed !== undefined) return failed;
  io.out(`Added them to the Contracts table. Saved ${bookPath}.`);
  return EXIT_OK;
}
