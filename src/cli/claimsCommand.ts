// `medbill claims scrub|export|read ...`: the claims commands from a terminal, one module each
// (claimsScrubCommand.ts, claimsExportCommand.ts, claimsReadCommand.ts).
import { runClaimsExport } from "./claimsExportCommand";
import { runClaimsRead } from "./claimsReadCommand";
import { runClaimsScrub } from "./claimsScrubCommand";
import { UsageError, type CliIo } from "./commandLine";

/** `medbill claims <subcommand> ...`. */
export async function runClaims([subcommand, ...rest]: string[], io: CliIo): Promise<number> {
  switch (subcommand) {
    case "scrub":
      return runClaimsScrub(rest, io);
    case "export":
      return runClaimsExport(rest, io);
    case "read":
      return runClaimsRead(rest, io);
    case undefined:
      throw new UsageError(
        "Say what to do with the claims: medbill claims scrub book.xlsx, medbill claims export book.xlsx --out claims.837, or medbill claims read claims.837",
      );
    default:
      throw new UsageError(`medbill claims has no command "${subcommand}": use scrub, export or read.`);
  }
}
