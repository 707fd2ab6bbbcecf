// How the CLI writes a file (a workbook, a report, a PDF, an 837): whole or not at all. The bytes go
// to a temporary file beside the target (`.book.xlsx.medbill-<pid>.tmp`, same folder so the same
// disk), are flushed to the disk, and only then take the target's name in one step (rename), so a
// crash, a kill or a full disk in the middle leaves the office's file as it was, never torn. A
// failure removes the temporary; only a killed process (SIGKILL, power loss) can leave one behind,
// and the next save under the same process id replaces it.
import { constants, promises as nodeFs, type Stats } from "node:fs";
import path from "node:path";

/** The parts of node:fs/promises a save uses: tests pass a stand-in that fails where they want. */
export type SaveFs = Pick<typeof nodeFs, "open" | "rename" | "link" | "unlink" | "stat" | "access" | "realpath">;

/** An error carrying a Node-style code, so describeFileError words it like one from the disk. */
function fileError(code: string, target: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${target}`), { code, path: target });
}

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

/** The temporary file a save of `target` writes first: hidden, beside the target, named after this process. */
export function temporaryPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.medbill-${process.pid}.tmp`);
}

/**
 * Write `data` to `target` whole: the target is either the old file or the new one, never part of one.
 * Without `overwrite` an existing target is refused (code EEXIST), even one that appears while we write.
 * A read-only target is refused (the rename alone would replace it, whatever its permissions).
 */
export async function saveWhole(
  target: string,
  data: Uint8Array,
  options: { overwrite?: boolean } = {},
  fs: SaveFs = nodeFs,
): Promise<void> {
  let existing: Stats | undefined;
  try {
    existing = await fs.stat(target);
  } catch (error) {
    if (codeOf(error) !== "ENOENT") throw error;
  }
  if (existing) {
    if (!options.overwrite) throw fileError("EEXIST", target);
    if (existing.isDirectory()) throw fileError("EISDIR", target);
    await fs.access(target, constants.W_OK);
    // A workbook reached through a symbolic link is saved where the link points; the link stays.
    target = await fs.realpath(target);
  }
  const temporary = temporaryPathFor(target);
  const handle = await openTemporary(temporary, fs);
  try {
    try {
      // The new file keeps the old one's permissions (umask aside), so replacing it changes no access.
      if (existing) await handle.chmod(existing.mode & 0o7777);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) await fs.rename(temporary, target);
    else await linkWithoutReplacing(temporary, target, fs);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(target), fs);
}

/** Create the temporary exclusively; one left by a killed earlier run under the same process id is ours to replace. */
async function openTemporary(temporary: string, fs: SaveFs) {
  try {
    return await fs.open(temporary, "wx", 0o666);
  } catch (error) {
    if (codeOf(error) !== "EEXIST") throw error;
    await fs.unlink(temporary);
    return fs.open(temporary, "wx", 0o666);
  }
}

/**
 * Give the temporary the target's name only if no file has it (what a "wx" open promises): a hard link
 * fails with EEXIST rather than replace. Where the disk has no hard links (some network shares, FAT),
 * look, then rename: the window between the two is one system call wide.
 */
async function linkWithoutReplacing(temporary: string, target: string, fs: SaveFs): Promise<void> {
  try {
    await fs.link(temporary, target);
  } catch (error) {
    const code = codeOf(error);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV") throw error;
    const taken = await fs.stat(target).then(
      () => true,
      (e: unknown) => (codeOf(e) === "ENOENT" ? false : Promise.reject(e)),
    );
    if (taken) throw fileError("EEXIST", target);
    await fs.rename(temporary, target);
    return;
  }
  await fs.unlink(temporary);
}

/** Flush the folder's entry for the new name too (Linux, macOS); Windows cannot open a folder, and needs not. */
async function syncFolder(folder: string, fs: SaveFs): Promise<void> {
  try {
    const handle = await fs.open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file itself is saved and flushed; a folder that cannot be flushed costs nothing more.
  }
}
