// The medbill command, run in-process on real .xlsx files in a temporary folder: sample writes a
// workbook that check finds clean; check names the table, row, column and reason of a bad cell;
// a missing file or a wrong command line ends with exit 2 and a plain sentence. The launcher and
// the `tsx src/cli/medbill.ts` entry point are run once each as real processes.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/medbill";
import { samplePractice } from "../../src/sample/practiceSample";
import { applyPlan } from "../../src/workbook/plan";
import type { CreateTableOp, WriteOp } from "../../src/workbook/port";
import { BILLING_TABLES } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal, writeSample } from "./terminal";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { folder, file } = tempFolder("medbill-cli-");

async function writeWorkbook(name: string, ops: WriteOp[]): Promise<string> {
  const book = XlsxWorkbook.create();
  await book.write(ops);
  writeFileSync(file(name), await book.save());
  return file(name);
}

describe("medbill sample, then medbill check", () => {
  const args = ["--lines", "400", "--seed", "3", "--as-of", "2026-06-30"];

  it("writes a workbook that check reads as clean, listing the 17 billing tables", async () => {
    const sample = terminal();
    expect(await sample.run("sample", ...args, "--out", file("sample.xlsx"))).toBe(0);
    expect(sample.err).toEqual([]);
    expect(sample.out[0]).toContain(`Wrote ${file("sample.xlsx")}`);
    expect(sample.out.join("\n")).toMatch(/Charges\s+400 rows/);

    const check = terminal();
    expect(await check.run("check", file("sample.xlsx"))).toBe(0);
    const text = check.out.join("\n");
    expect(text).toContain("Billing tables: 17 of 17 present");
    for (const def of BILLING_TABLES) expect(text).toMatch(new RegExp(`^${def.name}\\s+sheet "${def.name}", \\d+ rows?$`, "m"));
    expect(text).toContain("No problems found.");
    expect(check.err).toEqual([]);
  });

  it("gives the same tables for the same arguments, and an Audit row for each file", async () => {
    expect(await terminal().run("sample", ...args, "--out", file("again.xlsx"))).toBe(0);
    const [first, second] = await Promise.all(["sample.xlsx", "again.xlsx"].map(async (n) => XlsxWorkbook.load(readFileSync(file(n)))));
    const names = BILLING_TABLES.map((d) => d.name).filter((n) => n !== "Audit");
    const [a, b] = await Promise.all([first.readTables(names), second.readTables(names)]);
    expect(a.Charges?.rows).toHaveLength(400);
    expect(b).toEqual(a);
    const audit = (await second.readTables(["Audit"])).Audit!;
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0][audit.headers.indexOf("Action")]).toBe("Sample");
  });

  it("refuses to replace an existing file unless told to", async () => {
    const t = terminal();
    expect(await t.run("sample", "--lines", "5", "--out", file("sample.xlsx"))).toBe(2);
    expect(t.err.join("\n")).toContain("already exists (add --force to replace it)");
    expect(await terminal().run("sample", "--lines", "5", "--out", file("sample.xlsx"), "--force")).toBe(0);
  });

  it.each([
    [["--lines", "0", "--out", "x.xlsx"], "--lines must be a whole number"],
    [["--lines", "ten", "--out", "x.xlsx"], "--lines must be a whole number"],
    [["--out", "x.xlsx"], "--lines 5000"],
    [["--lines", "10"], "--out sample.xlsx"],
    [["--lines", "10", "--out", "x.csv"], "must name an .xlsx file"],
    [["--lines", "10", "--out", "x.xlsx", "--as-of", "2026-13-01"], "--as-of must be a date"],
    [["--lines", "10", "--out", "x.xlsx", "--colour"], 'no option "--colour"'],
    [["--lines"], '"--lines" needs a value'],
  ])("explains a wrong sample command line %j with exit 2", async (argv, message) => {
    const t = terminal();
    expect(await t.run("sample", ...argv)).toBe(2);
    expect(t.err[0]).toContain(message);
    expect(t.err.join("\n")).toContain("Usage:");
    expect(existsSync("x.xlsx")).toBe(false);
  });
});

describe("medbill check", () => {
  it("names the table, row, column and reason of each bad cell, and exits 1", async () => {
    const plan = samplePractice({ lines: 20, seed: 1, asOf: "2026-06-30" });
    const charges = plan.ops.find((o): o is CreateTableOp => o.kind === "createTable" && o.table === "Charges")!;
    charges.rows![2][charges.headers.indexOf("DOS")] = "13/45/2026";
    charges.rows![2][charges.headers.indexOf("Code")] = "9921";
    const book = XlsxWorkbook.create();
    await applyPlan(book, plan, new Date(2026, 5, 30, 9, 0, 0));
    writeFileSync(file("bad.xlsx"), await book.save());

    const t = terminal();
    expect(await t.run("check", file("bad.xlsx"))).toBe(1);
    const text = t.out.join("\n");
    expect(text).toContain("Problems: 2");
    expect(text).toContain('  Charges row 4, DOS: "13/45/2026" is not a real calendar date');
    expect(text).toContain('  Charges row 4, Code: code "9921" is not a CPT or HCPCS code');
    expect(t.err).toEqual([]);
  });

  it("notes a hand-entered reversal with a blank Group: it counts in its original's group, which the sheet does not show", async () => {
    const plan = samplePractice({ lines: 20, seed: 1, asOf: "2026-06-30" });
    const postings = plan.ops.find((o): o is CreateTableOp => o.kind === "createTable" && o.table === "Postings")!;
    const h = (name: string) => postings.headers.indexOf(name);
    const original = postings.rows!.find((row) => row[h("Group")] === "CO" && typeof row[h("Adjustment")] === "number")!;
    const reversal = [...original];
    reversal[h("PostingID")] = "RV-HAND";
    reversal[h("Group")] = null;
    reversal[h("Reverses")] = original[h("PostingID")];
    reversal[h("Adjustment")] = -(original[h("Adjustment")] as number);
    reversal[h("Paid")] = typeof original[h("Paid")] === "number" ? -(original[h("Paid")] as number) : null;
    postings.rows!.push(reversal);
    const book = XlsxWorkbook.create();
    await applyPlan(book, plan, new Date(2026, 5, 30, 9, 0, 0));
    writeFileSync(file("reversal.xlsx"), await book.save());

    const t = terminal();
    expect(await t.run("check", file("reversal.xlsx"))).toBe(0);
    const text = t.out.join("\n");
    expect(text).toContain("Notes: 1");
    expect(text).toContain(
      `  Postings row ${postings.rows!.length + 1}: the reversal RV-HAND leaves Group blank, so it counts in the group CO of the posting it reverses (${original[h("PostingID")]}).`,
    );
    expect(text).toContain("No problems found.");
  });

  it("shows how an office's own headers map, what is missing and what is kept", async () => {
    const name = await writeWorkbook("own-headers.xlsx", [
      {
        kind: "createTable",
        table: "Charges",
        sheet: "Visits",
        headers: ["ChargeID", "ClaimID", "PatientID", "PayerID", "Date of Service", "CPT", "Referral Source"],
        rows: [["CH1", "CL1", "P1", "MCR", 46000, "99213", "web"]],
      },
      { kind: "createTable", table: "Mileage", sheet: "Mileage", headers: ["Trip"], rows: [["clinic"]] },
    ]);
    const t = terminal();
    expect(await t.run("check", name)).toBe(1);
    const text = t.out.join("\n");
    expect(text).toContain("Billing tables: 1 of 17 present");
    expect(text).toContain("Other tables, left alone: Mileage");
    expect(text).toMatch(/^Charges\s+sheet "Visits", 1 row$/m);
    expect(text).toContain('DOS <- "Date of Service"');
    expect(text).toContain('Code <- "CPT"');
    expect(text).toContain("MISSING REQUIRED: Amount");
    expect(text).toMatch(/missing optional: Provider NPI, POS, Mod1/);
    expect(text).toContain("extra columns, kept as they are: Referral Source");
    expect(text).toMatch(/^Patients\s+missing \(Setup creates it\)$/m);
    expect(text).toContain('Charges row 1, Amount: the table has no "Amount" column');
  });

  it("shows the first 100 problems of a table unless --all is given", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`P${i + 1}`, "", "Ada"]);
    const name = await writeWorkbook("blank-names.xlsx", [
      { kind: "createTable", table: "Patients", sheet: "Patients", headers: ["PatientID", "Last Name", "First Name"], rows },
    ]);
    const some = terminal();
    expect(await some.run("check", name)).toBe(1);
    expect(some.out).toContain("Problems: 150");
    expect(some.out).toContain("  Patients row 2: Last Name is blank");
    expect(some.out).toContain("  ... and 50 more in Patients (--all shows every one)");
    expect(some.out).not.toContain("  Patients row 151: Last Name is blank");
    const all = terminal();
    expect(await all.run("check", name, "--all")).toBe(1);
    expect(all.out).toContain("  Patients row 151: Last Name is blank");
  });

  it("says plainly that a file is missing, with exit 2 and no stack trace", async () => {
    const t = terminal();
    expect(await t.run("check", file("nowhere.xlsx"))).toBe(2);
    expect(t.out).toEqual([]);
    expect(t.err).toEqual([`Cannot open "${file("nowhere.xlsx")}": there is no such file.`]);
  });

  it("says plainly that a file is not a workbook", async () => {
    writeFileSync(file("notes.xlsx"), "Patient list, see the other file\n");
    const t = terminal();
    expect(await t.run("check", file("notes.xlsx"))).toBe(2);
    expect(t.err.join("\n")).toMatch(/^Cannot open ".*notes\.xlsx": it is a text \(CSV\) file, not a workbook: open it in Excel and save it as "Excel Workbook \(\*\.xlsx\)"\.$/);
    expect(t.err.join("\n")).not.toMatch(/\n\s+at /);
  });

  it("asks for exactly one workbook", async () => {
    const none = terminal();
    expect(await none.run("check")).toBe(2);
    expect(none.err[0]).toBe("Name the workbook to check: medbill check book.xlsx");
    expect(await terminal().run("check", "a.xlsx", "b.xlsx")).toBe(2);
  });
});

describe("medbill help and unknown commands", () => {
  it.each([["help"], ["--help"], ["-h"]])("%s prints the usage and exits 0", async (command) => {
    const t = terminal();
    expect(await t.run(command)).toBe(0);
    expect(t.out).toEqual([USAGE]);
    expect(USAGE).toContain("medbill check <book.xlsx>");
    expect(USAGE).toContain("medbill sample --lines <N> --out <file.xlsx>");
  });

  it("an unknown command gets the usage and exit 2", async () => {
    const t = terminal();
    expect(await t.run("post", "era.835")).toBe(2);
    expect(t.err[0]).toBe('medbill has no command "post".');
    expect(t.err).toContain(USAGE);
    expect(t.out).toEqual([]);
  });

  it("no command at all gets the usage and exit 2", async () => {
    const t = terminal();
    expect(await t.run()).toBe(2);
    expect(t.err).toEqual([USAGE]);
  });
});

describe("as a real process", () => {
  it("bin/medbill.mjs runs the command and exits with its code", () => {
    const run = spawnSync(process.execPath, [path.join(projectRoot, "bin/medbill.mjs"), "check", file("nowhere.xlsx")], {
      cwd: folder,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`Cannot open "${file("nowhere.xlsx")}": there is no such file.`);
    expect(run.stdout).toBe("");
  });

  it("ends quietly when the reader of its output goes away (medbill balances book.xlsx | head -n 3)", { timeout: 60_000 }, async () => {
    const book = file("pipe.xlsx");
    await writeSample(book, { lines: 3000, seed: 5, asOf: "2026-06-30" });
    const tsx = path.join(projectRoot, "node_modules/tsx/dist/cli.mjs");
    for (const start of [[path.join(projectRoot, "bin/medbill.mjs")], [tsx, "src/cli/medbill.ts"]]) {
      // A shell pipe into head, as a biller types it: head reads three lines and closes the pipe.
      const command = [process.execPath, ...start, "balances", book].map((a) => `'${a}'`).join(" ");
      // pipefail: the status is medbill's own, not head's.
      const run = spawnSync("bash", ["-c", `set -o pipefail; ${command} | head -n 3`], { cwd: projectRoot, encoding: "utf8" });
      expect(run.stdout.split("\n").slice(0, 3)[0]).toBe(`Balances in ${book}, by line, counting every posting`);
      expect(run.stderr).not.toMatch(/EPIPE|at .*\.(ts|js|mjs):\d+|Error/);
      expect(run.status).toBe(0);
    }
  });

  it("tsx src/cli/medbill.ts runs main when started directly (what npm run medbill does)", () => {
    const tsx = path.join(projectRoot, "node_modules/tsx/dist/cli.mjs");
    const help = spawnSync(process.execPath, [tsx, "src/cli/medbill.ts", "help"], { cwd: projectRoot, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage:");
    const wrong = spawnSync(process.execPath, [tsx, "src/cli/medbill.ts", "frobnicate"], { cwd: projectRoot, encoding: "utf8" });
    expect(wrong.status).toBe(2);
  });
});
