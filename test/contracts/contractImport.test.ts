// A payer's fee schedule into the Contracts table (src/contracts/contractImport.ts): headers found by
// their aliases, the payer and start date given for the whole file, every row checked before anything
// is written, and the rows appended (or the table made) with the Audit row; then `medbill contracts
// import` end to end.
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractFileCells, contractImportPlan } from "../../src/contracts/contractImport";
import { parseTable } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan, createTableOp } from "../../src/workbook/plan";
import { Contracts } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal } from "../cli/terminal";

const text = (s: string) => new TextEncoder().encode(s);
const CSV = "CPT,Mod,Allowable,Note\n99213,,95.00,2026 schedule\n99213,95,72.50,telehealth\nJ1100,,1.5,per 0.1 mg\n";

function cellsOf(name: string, body: string) {
  const file = contractFileCells(name, text(body));
  if (!file.ok) throw new Error(file.problem);
  return file.cells;
}

describe("contractImportPlan", () => {
  it("reads a CSV by its own headers, with the payer and start date given for the whole file", async () => {
    const planned = contractImportPlan(
      "mcr.csv",
      cellsOf("mcr.csv", CSV),
      1900,
      { dateSystem: 1900 },
      { payerId: "MCR", from: "2026-01-01" },
    );
    if (!planned.ok) throw new Error(planned.problems.join("\n"));
    expect(planned.rows).toEqual([
      { payerId: "MCR", code: "99213", modifier: undefined, allowed: 9500, effectiveFrom: "2026-01-01", note: "2026 schedule" },
      { payerId: "MCR", code: "99213", modifier: "95", allowed: 7250, effectiveFrom: "2026-01-01", note: "telehealth" },
      { payerId: "MCR", code: "J1100", modifier: undefined, allowed: 150, effectiveFrom: "2026-01-01", note: "per 0.1 mg" },
    ]);
    // Into a workbook without a Contracts table: the table is made with the rows, and the Audit row says so.
    const wb = new MemoryWorkbook();
    await applyPlan(wb, planned.plan);
    const { Contracts: table, Audit: audit } = await wb.readTables(["Contracts", "Audit"]);
    expect(parseTable(Contracts, table!).rows.map((r) => [r.payerId, r.code, r.modifier, r.allowed])).toEqual([
      ["MCR", "99213", undefined, 9500],
      ["MCR", "99213", "95", 7250],
      ["MCR", "J1100", undefined, 150],
    ]);
    expect(audit!.rows[0][2]).toBe("3 contract rates for MCR from mcr.csv");
  });

  it("adds to an existing table, and notes rates that overlap earlier ones", async () => {
    const wb = new MemoryWorkbook();
    await wb.write([{ ...createTableOp(Contracts), rows: [["MCR", "99213", null, 90, null, null, "old", null]] }]);
    const { Contracts: before } = await wb.readTables(["Contracts"]);
    const planned = contractImportPlan(
      "mcr.csv",
      cellsOf("mcr.csv", CSV),
      1900,
      { contracts: before, dateSystem: 1900 },
      { payerId: "MCR" },
    );
    if (!planned.ok) throw new Error(planned.problems.join("\n"));
    expect(planned.notes).toEqual([
      "1 of the new rates overlap earlier ones for the same payer, code and modifier: the one that starts later is used; end the older spans (Effective To) to keep the table clear.",
    ]);
    await applyPlan(wb, planned.plan);
    const { Contracts: after } = await wb.readTables(["Contracts"]);
    expect(parseTable(Contracts, after!).rows.map((r) => r.allowed)).toEqual([9000, 9500, 7250, 150]);
  });

  it("writes nothing when a row is bad or the payer is not known, naming each problem by the file's row", () => {
    const bad = "Code,Allowed,Start\n99213,95.00,2026-01-01\n9921,12.345,2026-13-01\n";
    const refused = contractImportPlan("bad.csv", cellsOf("bad.csv", bad), 1900, { dateSystem: 1900 }, {});
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems[0]).toBe(
      "bad.csv has no PayerID column: give the payer of the whole file (--payer MCR, or the payer chosen in the pane).",
    );
    expect(refused.problems.slice(1).every((p) => p.startsWith("bad.csv row 3"))).toBe(true);
    expect(refused.problems.join("\n")).toContain("Allowed");
    expect(contractImportPlan("empty.csv", cellsOf("empty.csv", "Code,Allowed\n"), 1900, { dateSystem: 1900 }, { payerId: "MCR" })).toEqual(
      {
        ok: false,
        problems: ["empty.csv has a header row but no rates under it."],
      },
    );
  });
});

describe("medbill contracts import", () => {
  const { file } = tempFolder("medbill-contracts-");

  it("adds the rates and saves the workbook; a dry run and a bad file write nothing", async () => {
    const book = file("book.xlsx");
    writeFileSync(book, await XlsxWorkbook.create().save());
    const rates = file("mcr.csv");
    writeFileSync(rates, CSV);
    const before = readFileSync(book);

    const dry = terminal();
    expect(await dry.run("contracts", "import", book, rates, "--payer", "MCR", "--dry-run")).toBe(0);
    expect(dry.out).toEqual([`3 contract rates for MCR in ${rates}.`, "Dry run: nothing written."]);
    expect(readFileSync(book).equals(before)).toBe(true);

    const badFile = file("bad.csv");
    writeFileSync(badFile, "Code,Allowed\n99213,ninety\n");
    const bad = terminal();
    expect(await bad.run("contracts", "import", book, badFile, "--payer", "MCR")).toBe(1);
    expect(bad.err[0]).toBe(`Nothing was imported: 1 problem in ${badFile}.`);
    expect(readFileSync(book).equals(before)).toBe(true);

    const t = terminal();
    expect(await t.run("contracts", "import", book, rates, "--payer", "MCR", "--from", "2026-01-01")).toBe(0);
    expect(t.out.at(-1)).toBe(`Added them to the Contracts table. Saved ${book}.`);
    const { Contracts: table } = await (await XlsxWorkbook.load(readFileSync(book))).readTables(["Contracts"]);
    expect(parseTable(Contracts, table!).rows.map((r) => [r.code, r.allowed, r.effectiveFrom])).toEqual([
      ["99213", 9500, "2026-01-01"],
      ["99213", 7250, "2026-01-01"],
      ["J1100", 150, "2026-01-01"],
    ]);
  });
});
