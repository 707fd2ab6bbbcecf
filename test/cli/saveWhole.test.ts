// Saves that are whole or not at all (src/cli/saveWhole.ts): on real files in a temporary folder, and
// with a stand-in file system that fails where a test wants (a full disk halfway through the bytes, a
// read-only file, a rename refused), since the tests run as root and chmod stops nothing. Then the
// commands that save a workbook (`statements`, `era post`) with a disk that fills up mid-save, a real
// read-only folder (a read-only bind mount, when the container allows mounting) and `/sys`, and a real
// `medbill statements` process killed (SIGKILL) while it saves: the office's file is always the old
// bytes or a whole new workbook, the user gets one sentence, and no temporary is left after a failure.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, promises as fsPromises, readdirSync, readFileSync, statSync, watch, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/commandLine";
import { main, nodeIo } from "../../src/cli/medbill";
import { saveWhole, temporaryPathFor, type SaveFs } from "../../src/cli/saveWhole";
import { readLedger } from "../../src/ledger/ledger";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { ERA_DATE, MEDICARE, unpaidClaims } from "../era/eraPlanBooks";
import { syntheticRemittance } from "../era/syntheticRemittance";
import { tempFolder, writeSample } from "./terminal";

const { folder, file } = tempFolder("medbill-save-");
const OLD = new TextEncoder().encode("the office's old file");
const NEW = new TextEncoder().encode("a whole new file, longer than the old one");
const errno = (code: string) => Object.assign(new Error(code), { code });

/** The files in a folder other than the ones named: a temporary left behind would show here. */
const leftovers = (dir: string, ...expected: string[]) => readdirSync(dir).filter((name) => !expected.includes(name));

/** A fresh folder holding `book` with the old bytes. */
function folderWithBook(name: string): { dir: string; book: string } {
  const dir = file(name);
  mkdirSync(dir);
  const book = path.join(dir, "book.xlsx");
  writeFileSync(book, OLD);
  return { dir, book };
}

/** The real file system, except that writing the file writes the first `keep` bytes and then finds the disk full. */
function diskFullAfter(keep: number): SaveFs {
  return {
    ...fsPromises,
    open: (async (...args: Parameters<typeof fsPromises.open>) => {
      const handle = await fsPromises.open(...args);
      if (args[1] === "r") return handle;
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async (data: Uint8Array) => {
          await handle.write(data.subarray(0, keep));
          throw errno("ENOSPC");
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
        chmod: (mode: number) => handle.chmod(mode),
      });
    }) as SaveFs["open"],
  };
}

describe("saveWhole on real files", () => {
  it("writes a new file and leaves no temporary", async () => {
    const dir = file("new");
    mkdirSync(dir);
    await saveWhole(path.join(dir, "out.xlsx"), NEW);
    expect(readFileSync(path.join(dir, "out.xlsx"))).toEqual(Buffer.from(NEW));
    expect(leftovers(dir, "out.xlsx")).toEqual([]);
  });

  it("names its temporary beside the target, hidden, after the process", () => {
    expect(temporaryPathFor("/office/book.xlsx")).toBe(`/office/.book.xlsx.medbill-${process.pid}.tmp`);
  });

  it("refuses an existing file without overwrite (EEXIST) and changes nothing", async () => {
    const { dir, book } = folderWithBook("exists");
    await expect(saveWhole(book, NEW)).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(book)).toEqual(Buffer.from(OLD));
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("replaces an existing file with overwrite, keeping its permissions", async () => {
    const { dir, book } = folderWithBook("replace");
    await fsPromises.chmod(book, 0o640);
    await saveWhole(book, NEW, { overwrite: true });
    expect(readFileSync(book)).toEqual(Buffer.from(NEW));
    expect(statSync(book).mode & 0o777).toBe(0o640);
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("refuses a missing folder (ENOENT) and a folder in place of the file (EISDIR)", async () => {
    await expect(saveWhole(file("no-such-folder/out.xlsx"), NEW)).rejects.toMatchObject({ code: "ENOENT" });
    const dir = file("a-folder");
    mkdirSync(dir);
    await expect(saveWhole(dir, NEW, { overwrite: true })).rejects.toMatchObject({ code: "EISDIR" });
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it("leaves the old file byte-identical and no temporary when the disk fills up halfway (ENOSPC, injected)", async () => {
    const { dir, book } = folderWithBook("full");
    await expect(saveWhole(book, NEW, { overwrite: true }, diskFullAfter(10))).rejects.toMatchObject({ code: "ENOSPC" });
    expect(readFileSync(book)).toEqual(Buffer.from(OLD));
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("refuses a read-only file (EACCES, injected: root passes chmod) before writing anything", async () => {
    const { dir, book } = folderWithBook("readonly");
    const readOnly: SaveFs = { ...fsPromises, access: () => Promise.reject(errno("EACCES")) };
    await expect(saveWhole(book, NEW, { overwrite: true }, readOnly)).rejects.toMatchObject({ code: "EACCES" });
    expect(readFileSync(book)).toEqual(Buffer.from(OLD));
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("removes the temporary when the rename is refused (a file open in Excel on Windows: EBUSY, injected)", async () => {
    const { dir, book } = folderWithBook("busy");
    const busy: SaveFs = { ...fsPromises, rename: () => Promise.reject(errno("EBUSY")) };
    await expect(saveWhole(book, NEW, { overwrite: true }, busy)).rejects.toMatchObject({ code: "EBUSY" });
    expect(readFileSync(book)).toEqual(Buffer.from(OLD));
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("never replaces a file that appears while it writes, when overwrite is not given", async () => {
    const dir = file("race");
    mkdirSync(dir);
    const book = path.join(dir, "book.xlsx");
    // Another program creates the file after our look and before our link.
    const racing: SaveFs = {
      ...fsPromises,
      link: async (from, to) => {
        writeFileSync(book, OLD);
        return fsPromises.link(from, to);
      },
    };
    await expect(saveWhole(book, NEW, {}, racing)).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(book)).toEqual(Buffer.from(OLD));
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("falls back to look-then-rename on a disk without hard links (EPERM from link)", async () => {
    const dir = file("nolinks");
    mkdirSync(dir);
    const noLinks: SaveFs = { ...fsPromises, link: () => Promise.reject(errno("EPERM")) };
    await saveWhole(path.join(dir, "out.pdf"), NEW, {}, noLinks);
    expect(readFileSync(path.join(dir, "out.pdf"))).toEqual(Buffer.from(NEW));
    expect(leftovers(dir, "out.pdf")).toEqual([]);
    await expect(saveWhole(path.join(dir, "out.pdf"), OLD, {}, noLinks)).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(path.join(dir, "out.pdf"))).toEqual(Buffer.from(NEW));
  });
});

describe("commands that save a workbook, when the save fails or is killed", () => {
  const sample = file("sample.xlsx");
  const STATEMENT_DATE = "2026-07-02";

  beforeAll(async () => {
    await writeSample(sample, { lines: 400, seed: 21, asOf: "2026-06-30" });
  });

  /** A terminal whose saves go through saveWhole on the given file system. */
  function terminalOn(fs: SaveFs) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { ...nodeIo, out: (l) => out.push(l), err: (l) => err.push(l), writeFile: (p, d, o) => saveWhole(p, d, o, fs) };
    return { out, err, run: (...argv: string[]) => main(argv, io) };
  }

  function copyOfSample(name: string): { dir: string; book: string; before: Buffer } {
    const dir = file(name);
    mkdirSync(dir);
    const book = path.join(dir, "book.xlsx");
    copyFileSync(sample, book);
    return { dir, book, before: readFileSync(book) };
  }

  it("statements: a disk that fills up mid-save leaves the workbook byte-identical, says so in one sentence", async () => {
    const { dir, book, before } = copyOfSample("statements-full");
    const t = terminalOn(diskFullAfter(4096));
    expect(await t.run("statements", book, "--batch", "--date", STATEMENT_DATE)).toBe(2);
    expect(t.err[0]).toBe(`Cannot write "${book}": the disk is full.`);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("era post: a disk that fills up mid-save leaves the workbook byte-identical, says so in one sentence", async () => {
    const { dir, book, before } = copyOfSample("era-full");
    const { ledger } = await readLedger(await XlsxWorkbook.load(before));
    const claims = unpaidClaims(ledger, "MCR").slice(0, 2);
    const era = syntheticRemittance(ledger, {
      transactions: [{ payer: MEDICARE, trace: "88000077", date: ERA_DATE, claims: claims.map((c) => ({ claimId: c.claimId })) }],
    });
    const eraFile = file("era-full.835");
    writeFileSync(eraFile, era.bytes);
    const t = terminalOn(diskFullAfter(4096));
    expect(await t.run("era", "post", book, eraFile)).toBe(2);
    expect(t.err).toEqual([`Cannot write "${book}": the disk is full.`]);
    expect(readFileSync(book).equals(before)).toBe(true);
    expect(leftovers(dir, "book.xlsx")).toEqual([]);
  });

  it("a missing folder and a folder root cannot write to (/sys) get one sentence each, and no file", async () => {
    const t = terminalOn(fsPromises);
    const missing = file("no-such-folder/sample.xlsx");
    expect(await t.run("sample", "--lines", "10", "--out", missing)).toBe(2);
    expect(t.err).toEqual([`Cannot write "${missing}": its folder does not exist.`]);
    const sys = "/sys/medbill-sample.xlsx";
    const canWriteSys = spawnSync("test", ["-w", "/sys"]).status === 0 && statSync("/sys").isDirectory();
    if (!canWriteSys) {
      const t2 = terminalOn(fsPromises);
      expect(await t2.run("sample", "--lines", "10", "--out", sys)).toBe(2);
      expect(t2.err[0]).toMatch(
        /^Cannot write "\/sys\/medbill-sample\.xlsx": (you do not have permission|the disk or folder is read-only)\.$/,
      );
    }
  });

  // A read-only bind mount is the one way to make a real file read-only for root; it needs
  // CAP_SYS_ADMIN, so the test says it was skipped where the container cannot mount.
  const canMount = (() => {
    if (process.platform !== "linux") return false;
    const probe = path.join(folder, "mount-probe");
    mkdirSync(probe, { recursive: true });
    const ok = spawnSync("mount", ["--bind", "-o", "ro", probe, probe]).status === 0;
    if (ok) spawnSync("umount", [probe]);
    return ok;
  })();

  it.skipIf(!canMount)("statements on a read-only folder (bind mount): one sentence, the workbook untouched", async () => {
    const { dir, book, before } = copyOfSample("statements-readonly");
    expect(spawnSync("mount", ["--bind", "-o", "ro", dir, dir]).status).toBe(0);
    try {
      const t = terminalOn(fsPromises);
      expect(await t.run("statements", book, "--batch", "--date", STATEMENT_DATE)).toBe(2);
      expect(t.err[0]).toBe(`Cannot write "${book}": the disk or folder is read-only.`);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(leftovers(dir, "book.xlsx")).toEqual([]);
    } finally {
      spawnSync("umount", [dir]);
    }
  });

  it("a real medbill statements killed (SIGKILL) while it saves leaves the old workbook or a whole new one", async () => {
    const { dir, book, before } = copyOfSample("statements-killed");
    const child = spawn(process.execPath, [path.resolve("bin/medbill.mjs"), "statements", book, "--batch", "--date", STATEMENT_DATE], {
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // Killed the moment its temporary appears: in the middle of writing or flushing it, or just after.
    const watcher = watch(dir, (_event, name) => {
      if (name !== null && name.endsWith(".tmp")) child.kill("SIGKILL");
    });
    const signal = await exited;
    watcher.close();
    const after = readFileSync(book);
    if (!after.equals(before)) {
      // A whole new workbook: it opens, and has the statements the run issued.
      const workbook = await XlsxWorkbook.load(after);
      const tables = await workbook.readTables(["Statements"]);
      expect(tables.Statements!.rows.length).toBeGreaterThan(
        (await (await XlsxWorkbook.load(before)).readTables(["Statements"])).Statements!.rows.length,
      );
    }
    // A kill cannot clean up: at most its own temporary is left, never a torn workbook.
    expect(leftovers(dir, "book.xlsx").every((name) => /^\.book\.xlsx\.medbill-\d+\.tmp$/.test(name))).toBe(true);
    expect(signal === "SIGKILL" || signal === null).toBe(true);
  }, 60_000);
});
