// What the CLI tests share: `medbill` run in-process on a terminal that keeps what it prints, a
// temporary folder for a test file's workbooks (removed after its tests), a sample practice made by
// `medbill sample` there, and the reading of a printed table (columns two or more spaces apart,
// amounts back to cents).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { main, nodeIo, type CliIo } from "../../src/cli/medbill";
import { parseMoney, type Cents } from "../../src/money";

/** A terminal for runs of the command: the lines printed on stdout and on stderr; run gives the exit code. */
export function terminal() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: nodeIo.readFile, writeFile: nodeIo.writeFile };
  return { io, out, err, text: () => out.join("\n"), run: (...argv: string[]) => main(argv, io) };
}

/** A temporary folder for the test file calling this, removed after its tests; `file` is a path in it. */
export function tempFolder(prefix: string): { folder: string; file: (name: string) => string } {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return { folder, file: (name) => path.join(folder, name) };
}

/** `medbill sample` writes a practice with `lines` service lines to `out`, and exits 0. */
export async function writeSample(out: string, options: { lines: number; seed: number; asOf: string }): Promise<void> {
  const { lines, seed, asOf } = options;
  expect(await terminal().run("sample", "--lines", String(lines), "--seed", String(seed), "--as-of", asOf, "--out", out)).toBe(0);
}

/** The cells of a printed table row (columns are two or more spaces apart; no value here holds two). */
export const cellsOf = (line: string) => line.trim().split(/\s{2,}/);

/** A printed amount in cents; a test error when it does not read as money. */
export const cents = (text: string): Cents => {
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};
