// What every medbill command shares: where it reads and writes, its exit codes, how its arguments are
// read (the one workbook, a date option), and how a wrong command line or a file that cannot be
// opened is told to the user.
import { parseArgs } from "node:util";
import { isIsoDate, type IsoDate } from "../dates";

/** Where the command reads and writes: the real terminal and disk, or a test's stand-ins. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Write a file whole or not at all (never a torn file, even when the command is killed); without
   * `overwrite` an existing file is refused (an error with code EEXIST).
   */
  writeFile(path: string, data: Uint8Array, options?: { overwrite?: boolean }): Promise<void>;
}

export const EXIT_OK = 0;
/** The command ran and found problems in the workbook. */
export const EXIT_PROBLEMS = 1;
/** The command could not run: wrong arguments, or a file that cannot be read or written. */
export const EXIT_CANNOT_RUN = 2;

/** Thrown by a command for a wrong command line; main prints it with the usage. */
export class UsageError extends Error {}

/** A file error in a biller's words ("there is no such file"), never Node's code and stack. */
export function describeFileError(action: "open" | "write", path: string, error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const reason =
    code === "ENOENT"
      ? action === "open"
        ? "there is no such file"
        : "its folder does not exist"
      : code === "EISDIR"
        ? "that is a folder, not a file"
        : code === "EACCES" || code === "EPERM"
          ? "you do not have permission"
          : code === "EEXIST"
            ? "a file with that name already exists (add --force to replace it)"
            : code === "EBUSY"
              ? "the file is in use (close it in Excel and try again)"
              : code === "ENOSPC" || code === "EDQUOT"
                ? "the disk is full"
                : code === "EROFS"
                  ? "the disk or folder is read-only"
                  : code === "ENOTDIR"
                    ? "part of that path is a file, not a folder"
                    : error instanceof Error
                      ? error.message
                      : String(error);
  return `Cannot ${action} "${path}": ${reason}.`;
}

type OptionSpecs = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** node:util parseArgs, with its complaints turned into a UsageError a person can act on. */
export function readArguments<O extends OptionSpecs>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const option = /'(-[^' ]*)/.exec(message)?.[1] ?? "that option";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`There is no option "${option}" for this command.`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      throw new UsageError(message.includes("does not take") ? `"${option}" takes no value.` : `"${option}" needs a value after it.`);
    }
    throw new UsageError((error as Error).message);
  }
}

/** The one workbook a command reads. */
export function oneWorkbook(positionals: string[], command: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? `Name the workbook: medbill ${command} book.xlsx` : "Give one workbook at a time.");
  }
  return positionals[0];
}

/** A date option (--as-of, --date...), written like 2026-06-30. */
export function dateOption(value: string | undefined, name: string): IsoDate | undefined {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`${name} must be a date written like 2026-06-30, not "${value}".`);
  return value;
}

/** "1 line", "1,234 lines": the plural every message uses, under the name the commands know it by. */
export { plural as count } from "../counting";

/** A duration for the timing lines: "1.2 s". */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
