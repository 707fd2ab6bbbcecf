// Placeholder until issue 17's command is written.
import { EXIT_CANNOT_RUN, type CliIo } from "./commandLine";

export async function runCredits(_args: string[], io: CliIo): Promise<number> {
  io.err("not built yet");
  return Promise.resolve(EXIT_CANNOT_RUN);
}

export async function runRefunds(_args: string[], io: CliIo): Promise<number> {
  io.err("not built yet");
  return Promise.resolve(EXIT_CANNOT_RUN);
}
