// `medbill acks import` end to end on an .xlsx workbook made here (Charges and the ClaimStatus "Billed"
// rows of test/acks/ackBooks.ts) with the 999 and 277CA files of test/acks/fixtures: --dry-run prints
// and writes nothing; an import saves the rows with one Audit row and exits 1 when a claim was rejected
// or not matched, 0 when all was accepted; the same file again adds nothing; a file that does not read
// is named, nothing is written, exit 2; so is a wrong command line. Never a patient's name.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { USAGE } from "../../src/cli/medbill";
import { createTableOp } from "../../src/workbook/plan";
import { Charges, ClaimStatus } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { BILLED, CHARGES } from "../acks/ackBooks";
import { tableOf } from "../ledger/ledgerFixtures";
import { tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-acks-");
const ack = (name: string) => fileURLToPath(new URL(`../acks/fixtures/${name}`, import.meta.url));

async function book(name: string): Promise<string> {
  const path = file(name);
  const wb = XlsxWorkbook.create();
  await wb.write([
    { ...createTableOp(Charges), rows: tableOf(Charges, CHARGES, 1900).rows },
    { ...createTableOp(ClaimStatus), rows: tableOf(ClaimStatus, BILLED, 1900).rows },
  ]);
  writeFileSync(path, await wb.save());
  return path;
}

async function tableRows(path: string, name: string): Promise<Record<string, unknown>[]> {
  const wb = await XlsxWorkbook.load(readFileSync(path));
  const t = (await wb.readTables([name]))[name];
  return (t?.rows ?? []).map((r) => Object.fromEntries(t!.headers.map((h, i) => [h, r[i]])));
}

describe("medbill acks import", () => {
  it("--dry-run prints each file's counts, the rejected claims with reasons and what was not matched, and writes nothing", async () => {
    const path = await book("dry.xlsx");
    const before = readFileSync(path);
    const t = terminal();
    expect(await t.run("acks", "import", path, ack("accepted.999"), ack("claims.277"), "--dry-run")).toBe(1);
    expect(t.err).toEqual([]);
    expect(t.out).toEqual([
      "999 (clearinghouse) file accepted.999 (ISA13 000000901), dated 2026-03-17: 3 accepted, 0 rejected, 0 not matched",
      "",
      "277CA (payer) file claims.277 (ISA13 000007001), dated 2026-03-18: 1 accepted, 2 rejected, 2 not matched",
      "  Rejected:",
      "    claim CL2 (payer MCR): A7 rejected for invalid information: the NPI (status 562), billing provider; " +
        "line 99999 on 2026-03-03 (line L3): A7 rejected for invalid information: the procedure code (status 454)",
      "    claim CL3 (payer SEC): A3 returned as unprocessable: status code 999 (not in MedBill's list), payer",
      "  Not matched:",
      "    Claim CL404 in the 277CA (from MEDICARE PART B) is not in Charges: nothing was recorded for it.",
      "    Claim CL5: the payer's answer (A0:16) neither accepts nor rejects it: nothing was recorded.",
      "",
      "Dry run: nothing written. The import would add 6 ClaimStatus rows.",
    ]);
    expect(t.text()).not.toContain("SYNTHETIC");
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("saves the rows with one Audit row, exits 0 when everything was accepted, and adds nothing the second time", async () => {
    const path = await book("accepted.xlsx");
    const t = terminal();
    expect(await t.run("acks", "import", path, ack("accepted.999"))).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out.at(-1)).toBe(`Added 3 ClaimStatus rows. Saved ${path}.`);
    const rows = await tableRows(path, "ClaimStatus");
    expect(rows.slice(BILLED.length).map((r) => [r.ClaimID, r.Event, r.Source, r["Control #"], r.Reason])).toEqual([
      ["CL1", "Accepted", "999", "42", "Accepted by the clearinghouse"],
      ["CL2", "Accepted", "999", "42", "Accepted by the clearinghouse"],
      ["CL7", "Accepted", "999", "42", "Accepted by the clearinghouse"],
    ]);
    const audit = await tableRows(path, "Audit");
    expect(audit.map((r) => [r.Action, r.What, r.Rows])).toEqual([
      [
        "Acknowledgements imported",
        "999 file accepted.999 (ISA13 000000901) dated 2026-03-17: 3 accepted, 0 rejected, 0 not matched, 0 already recorded",
        3,
      ],
    ]);
    const again = terminal();
    expect(await again.run("acks", "import", path, ack("accepted.999"))).toBe(0);
    expect(again.out).toEqual([
      "999 (clearinghouse) file accepted.999 (ISA13 000000901), dated 2026-03-17: 0 accepted, 0 rejected, 0 not matched, " +
        "3 already recorded (nothing added for them)",
      "",
      "Nothing new to record: every answer in the files is already in ClaimStatus, or none could be tied to a claim.",
    ]);
    expect(await tableRows(path, "ClaimStatus")).toHaveLength(BILLED.length + 3);
  });

  it("exits 1 after saving when a claim was rejected", async () => {
    const path = await book("rejected.xlsx");
    const t = terminal();
    expect(await t.run("acks", "import", path, ack("rejected.999"))).toBe(1);
    expect(t.out).toContain("    claim CL3 (payer SEC): Rejected: segment CLM in loop 2300, element 2: required data element missing");
    expect((await tableRows(path, "ClaimStatus")).at(-1)).toMatchObject({ ClaimID: "CL3", Event: "Rejected", Source: "999" });
  });

  it("refuses the whole import when one file does not read, naming it and why; nothing is written (exit 2)", async () => {
    const path = await book("bad.xlsx");
    const before = readFileSync(path);
    const t = terminal();
    expect(await t.run("acks", "import", path, ack("accepted.999"), ack("cut-short.999"))).toBe(2);
    expect(t.out).toEqual([]);
    expect(t.err).toEqual([
      "cut-short.999 was not read: The 999's group 42 (AK1 at segment 4) has no AK9 verdict: the file was cut short.",
      "Nothing was written.",
    ]);
    expect(readFileSync(path).equals(before)).toBe(true);
    const missing = terminal();
    expect(await missing.run("acks", "import", path, file("nowhere.999"))).toBe(2);
    expect(missing.err[0]).toBe(`Cannot open "${file("nowhere.999")}": there is no such file.`);
  });

  it("explains a wrong command line with the usage (exit 2)", async () => {
    const t = terminal();
    expect(await t.run("acks", "import", file("only.xlsx"))).toBe(2);
    expect(t.err[0]).toBe("Name the workbook and at least one 999 or 277CA file: medbill acks import book.xlsx FILE.999");
    expect(t.err).toContain(USAGE);
    const other = terminal();
    expect(await other.run("acks", "export")).toBe(2);
    expect(other.err[0]).toBe('medbill acks has no command "export": use import.');
    expect(USAGE).toContain("medbill acks import <book.xlsx> <FILE>... [--dry-run]");
  });
});
