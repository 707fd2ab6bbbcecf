// `medbill appeal` end to end on the practice of test/followup/appealFixtures.ts saved as an .xlsx file:
// the letter printed as text (and nothing else on stdout), --line, --reason and --with-diagnoses, the
// "Appeal C1" sheet --out writes to a copy with its Audit row (no patient in it, the workbook left as it
// was), the PDF --pdf writes (an existing one only with --force), and the refusals with their exit codes.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createTableOp } from "../../src/workbook/plan";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tableOf } from "../ledger/ledgerFixtures";
import { appealTables, JANE_MEMBER, type AppealBookOptions } from "../followup/appealFixtures";
import { pdfTexts } from "../statements/pdfText";
import { tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-appeal-");

async function book(name: string, options: AppealBookOptions = {}): Promise<string> {
  const path = file(name);
  const wb = XlsxWorkbook.create();
  await wb.write(appealTables(options).map(([def, rows]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows })));
  writeFileSync(path, await wb.save());
  return path;
}

describe("medbill appeal", () => {
  it("prints the letter, and only the letter, on stdout", async () => {
    const path = await book("print.xlsx");
    const t = terminal();
    expect(await t.run("appeal", path, "C1", "--as-of", "2026-06-30")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out.slice(0, 11)).toEqual([
      "Lakeside Family Practice",
      "12 Harbor Rd",
      "Lakeside, IL 62701-1234",
      "Phone 217-555-0199",
      "Billing NPI 1234567893",
      "Tax ID 12-3456789",
      "",
      "06/30/2026",
      "",
      "Medicare Part B",
      "Attn: Appeals",
    ]);
    const text = t.text();
    expect(text).toContain("Re: Request for reconsideration");
    expect(text).toContain("  Patient:            Jane Doe");
    expect(text).toContain(`  Member ID:          ${JANE_MEMBER}`);
    expect(text).toContain("  Your claim number:  ICN-778899");
    const table = t.out.findIndex((l) => l.startsWith("Date of service"));
    expect(t.out.slice(table, table + 6)).toEqual([
      "Date of service  Code      Units   Billed    Paid  Contract  Shortfall",
      "---------------  --------  -----  -------  ------  --------  ---------",
      "05/01/2026       99214-25      1  $180.00   $0.00",
      "    Denied CO-50 on 05/20/2026: not medically necessary, in the payer's judgment",
      "05/01/2026       99213         1  $130.00  $70.00    $95.00      $7.00",
      "---------------  --------  -----  -------  ------  --------  ---------",
    ]);
    expect(t.out[table + 6]).toBe("Total                             $310.00  $70.00    $95.00      $7.00");
    expect(text.replace(/\n/g, " ")).toContain("you allowed $88.00, $7.00 less than our contract's $95.00.");
    expect(text).not.toMatch(/E11|I10|4 Oak Ave/);
    expect(t.out.slice(-4)).toEqual(["", "________________________________", "Billing office", "Lakeside Family Practice"]);
  });

  it("takes --line, --reason and --with-diagnoses", async () => {
    const path = await book("options.xlsx");
    const t = terminal();
    const args = [
      "appeal",
      path,
      "C1",
      "--as-of",
      "2026-06-30",
      "--line",
      "L1",
      "--reason",
      "The note shows 40 minutes.",
      "--with-diagnoses",
    ];
    expect(await t.run(...args)).toBe(0);
    const text = t.text();
    expect(text).toContain("\n    Diagnoses: E11.9, I10\n");
    expect(text).toContain("The note shows 40 minutes.");
    expect(text).not.toContain("99213 ");
    expect(text.replace(/\n/g, " ")).toContain("which was denied.");
  });

  it("--out writes the Appeal sheet and its Audit row to a copy, and --pdf the letter, printing no name", async () => {
    const path = await book("out.xlsx");
    const before = readFileSync(path);
    const copy = file("appeal-copy.xlsx");
    const pdf = file("appeal.pdf");
    const t = terminal();
    expect(await t.run("appeal", path, "C1", "--as-of", "2026-06-30", "--out", copy, "--pdf", pdf, "--reason", "=1+1")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out).toEqual([
      "Appeal letter for claim C1 to payer MCR, dated 2026-06-30: 2 lines (1 denied, 1 underpaid), billed $310.00, paid $70.00, short of contract $7.00.",
      `Wrote the letter to ${pdf}.`,
      `Wrote the sheet "Appeal C1" to ${copy}.`,
    ]);
    expect(readFileSync(path).equals(before)).toBe(true);

    const written = await XlsxWorkbook.load(readFileSync(copy));
    expect((await written.describe()).sheets).toContain("Appeal C1");
    const sheet = (await written.readSheet("Appeal C1"))!;
    expect(sheet.map((r) => r[0])).toContain("=1+1");
    const audit = (await written.readTables(["Audit"])).Audit!;
    expect(audit.rows).toHaveLength(1);
    const row = audit.rows[0].join(" | ");
    expect(row).toContain("appeal letter for claim C1 to payer MCR");
    expect(row).not.toMatch(/Jane|Doe/);

    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfTexts(bytes)[0]).toContain("C1");

    // An existing PDF is replaced only with --force.
    const again = terminal();
    expect(await again.run("appeal", path, "C1", "--as-of", "2026-06-30", "--pdf", pdf)).toBe(2);
    expect(again.err).toEqual([`Cannot write "${pdf}": a file with that name already exists (add --force to replace it).`]);
    expect(await terminal().run("appeal", path, "C1", "--as-of", "2026-06-30", "--pdf", pdf, "--force")).toBe(0);
  });

  it("refuses a claim with nothing to appeal in a sentence, with exit code 1 and nothing written", async () => {
    const path = await book("nothing.xlsx");
    const pdf = file("nothing.pdf");
    const t = terminal();
    expect(await t.run("appeal", path, "C2", "--as-of", "2026-06-30", "--pdf", pdf)).toBe(1);
    expect(t.err).toEqual(["Claim C2 has no line on the Denied or Underpaid list as of 2026-06-30: there is nothing to appeal."]);
    expect(existsSync(pdf)).toBe(false);

    const line = terminal();
    expect(await line.run("appeal", path, "C1", "--as-of", "2026-06-30", "--line", "L3")).toBe(1);
    expect(line.err[0]).toMatch(/^Line L3 of claim C1 is not on the Denied or Underpaid list as of 2026-06-30/);
    expect(line.out).toEqual([]);
  });

  it("notes what the letter lacks, and lists the ledger's problems on stderr with exit code 1", async () => {
    const path = await book("gaps.xlsx", { patients: [{ patientId: "P1", firstName: "Jane", lastName: "Doe" }] });
    const t = terminal();
    expect(await t.run("appeal", path, "C1", "--as-of", "2026-06-30")).toBe(0);
    expect(t.err).toEqual([
      "Note: Patients has no date of birth for P1.",
      "Note: Patients has no member ID of P1 with payer MCR (Primary or Secondary Member ID beside that PayerID): the payer may not find the claim without it.",
    ]);
    expect(t.out[0]).toBe("Lakeside Family Practice");

    const broken = await book("broken.xlsx");
    const wb = await XlsxWorkbook.load(readFileSync(broken));
    await wb.write([{ kind: "appendRows", table: "Postings", rows: [{ PostingID: "T99", ChargeID: "NOPE", Date: 46200, Paid: 5 }] }]);
    writeFileSync(broken, await wb.save());
    const p = terminal();
    expect(await p.run("appeal", broken, "C1", "--as-of", "2026-06-30")).toBe(1);
    expect(p.err[0]).toMatch(/^Problems: \d+ \(a letter that rests on one of these rows may be wrong\)$/);
    expect(p.err.join("\n")).toContain("NOPE");
    expect(p.out[0]).toBe("Lakeside Family Practice");
  });

  it("says what is wrong with the command line, with exit code 2", async () => {
    const path = await book("usage.xlsx");
    const cases: [string[], string][] = [
      [["appeal", path], "Name the workbook and the claim: medbill appeal book.xlsx CLAIMID"],
      [["appeal", path, "C1", "C2"], "Give one workbook and one claim at a time."],
      [["appeal", path, "C1", "--as-of", "June"], '--as-of must be a date written like 2026-06-30, not "June".'],
      [["appeal", path, "C1", "--line", ""], "--line needs a line id (the Charges table's ChargeID)."],
      [["appeal", path, "C1", "--reason", " "], "--reason needs the text of your paragraph."],
      [["appeal", path, "C1", "--pdf", path], "--pdf must name a file other than the workbook."],
      [["appeal", path, "C1", "--force"], "--force goes with --out or --pdf."],
    ];
    for (const [args, message] of cases) {
      const t = terminal();
      expect(await t.run(...args)).toBe(2);
      expect(t.err[0]).toBe(message);
    }
    const missing = terminal();
    expect(await missing.run("appeal", file("nowhere.xlsx"), "C1")).toBe(2);
    expect(missing.err).toEqual([`Cannot open "${file("nowhere.xlsx")}": there is no such file.`]);
  });
});
