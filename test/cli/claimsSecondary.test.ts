// `medbill claims export --secondary`, run in-process on a sample practice (`medbill sample`, as of a
// fixed date): it lists the claims due to a secondary payer (the same ones claimsDueToSecondary finds
// in the book) with the primary's amounts, refuses in words while Practice has no Submitter ID and
// Receiver ID, and once they are filled writes one 837P of secondary claims (SBR*S, the primary's 2320
// with AMT*D, every line's 2430 balancing to its charge), grouped by secondary payer, records a
// ClaimStatus "Billed" row with Sequence "Secondary" for each claim and leaves Charges' Billed Date as
// it was; a second run finds nothing due. --payer keeps one secondary; --dry-run writes nothing; a
// patient without a Secondary Member ID holds the claim back.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { read837p } from "../../src/claims/837pRead";
import { CLAIM_TABLES, claimBooksFromTables } from "../../src/claims/claimBooks";
import { claimsDueToSecondary, type SecondaryDue } from "../../src/claims/secondary";
import { LEDGER_TABLES, ledgerFromTables } from "../../src/ledger/ledger";
import { formatMoney } from "../../src/money";
import { parseTable } from "../../src/workbook/mapTable";
import { Audit, ClaimStatus, Patients, Payers } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal, writeSample } from "./terminal";

const { file } = tempFolder("medbill-secondary-");
const AS_OF = "2026-10-31";

async function tablesOf(bookPath: string) {
  const workbook = await XlsxWorkbook.load(readFileSync(bookPath));
  return workbook.readTables([...new Set([...CLAIM_TABLES, ...LEDGER_TABLES, "Audit"])]);
}

/** What the command should find: claimsDueToSecondary over the book as read. */
async function dueIn(bookPath: string): Promise<SecondaryDue[]> {
  const tables = await tablesOf(bookPath);
  const rows = <D extends typeof Patients | typeof Payers | typeof ClaimStatus>(def: D) =>
    tables[def.name] ? parseTable(def, tables[def.name]!).rows : [];
  return claimsDueToSecondary({
    claims: claimBooksFromTables(tables, 1900).claims,
    patients: rows(Patients),
    payers: rows(Payers),
    ledger: ledgerFromTables(tables, 1900),
    claimStatus: rows(ClaimStatus),
  });
}

async function setPractice(bookPath: string, settings: Record<string, string>): Promise<void> {
  const workbook = await XlsxWorkbook.load(readFileSync(bookPath));
  const practice = (await workbook.readTables(["Practice"])).Practice!;
  const setting = practice.headers.indexOf("Setting");
  const value = practice.headers.indexOf("Value");
  const values = practice.rows.map((row) => settings[String(row[setting])] ?? row[value]);
  await workbook.write([{ kind: "setColumn", table: "Practice", column: "Value", values }]);
  writeFileSync(bookPath, await workbook.save());
}

const claimLines = (out: string[]) => out.filter((l) => /^CL\d+ /.test(l)).map((l) => l.split(/\s{2,}/));

describe("medbill claims export --secondary on a sample practice", () => {
  const sample = file("sample.xlsx");
  let due: SecondaryDue[];

  beforeAll(async () => {
    await writeSample(sample, { lines: 2000, seed: 3, asOf: AS_OF });
    due = await dueIn(sample);
    // What the tests rest on: claims due to two secondary payers or more.
    expect(due.length).toBeGreaterThanOrEqual(3);
    expect(new Set(due.map((d) => d.secondaryPayerId)).size).toBeGreaterThanOrEqual(2);
  });

  function copy(name: string): string {
    copyFileSync(sample, file(name));
    return file(name);
  }

  it("lists the claims due with the primary's amounts, and refuses in words while Practice has no Submitter ID or Receiver ID", async () => {
    const book = copy("refused.xlsx");
    const before = readFileSync(book);
    const t = terminal();
    expect(await t.run("claims", "export", book, "--secondary", "--out", file("refused.837"), "--date", AS_OF)).toBe(1);
    expect(t.out[0]).toBe(`Secondary claims from ${book} as of ${AS_OF}: all secondary payers`);
    expect(claimLines(t.out)).toEqual(
      due.map((d) => [
        d.claim.claimId,
        d.secondaryPayerId,
        `primary ${d.claim.payer.payerId}`,
        `patient ${d.claim.patient.patientId}`,
        `${d.claim.lines.length} line${d.claim.lines.length === 1 ? "" : "s"}`,
        `charge ${formatMoney(d.charge)}`,
        `primary paid ${formatMoney(d.primaryPaid)}`,
        `patient resp ${formatMoney(d.patientResp)}`,
        `left ${formatMoney(d.left)}`,
        "ready",
      ]),
    );
    expect(t.err).toEqual([
      "The 837P file was not written:",
      "  The submitter ID is blank: enter the ID your clearinghouse gave you in Practice (Submitter ID).",
      "  The receiver ID is blank: enter the ID your clearinghouse gave you in Practice (Receiver ID).",
      "Nothing was written.",
    ]);
    expect(existsSync(file("refused.837"))).toBe(false);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("writes the secondary claims, records ClaimStatus rows and leaves Billed Date alone; a second run finds nothing due", async () => {
    const book = copy("export.xlsx");
    await setPractice(book, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
    const chargesBefore = (await tablesOf(book)).Charges!.rows;
    const out = file("secondary.837");
    const t = terminal();
    expect(await t.run("claims", "export", book, "--secondary", "--out", out, "--date", AS_OF)).toBe(0);
    expect(t.err).toEqual([]);
    const read = read837p(readFileSync(out, "utf8"));
    if (!read.ok) throw new Error(read.error);
    expect(read.warnings).toEqual([]);
    expect(read.claims.map((c) => c.claimId).sort()).toEqual(due.map((d) => d.claim.claimId).sort());
    for (const back of read.claims) {
      const d = due.find((x) => x.claim.claimId === back.claimId)!;
      expect(back.sequence).toBe("S");
      expect(back.otherPayers).toHaveLength(1);
      expect(back.otherPayers![0].sequence).toBe("P");
      expect(back.otherPayers![0].paid).toBe(d.primaryPaid);
      const pr = back.lines.flatMap((l) => l.otherPayerLines![0].adjustments).filter((a) => a.group === "PR");
      expect(pr.reduce((s, a) => s + a.amount, 0)).toBe(d.patientResp);
      for (const line of back.lines) {
        const [svd] = line.otherPayerLines!;
        expect(svd.paid + svd.adjustments.reduce((s, a) => s + a.amount, 0)).toBe(line.charge);
      }
    }
    // One transaction per secondary payer.
    const payers = new Set(due.map((d) => d.secondaryPayerId));
    expect(new Set(read.claims.map((c) => c.transaction)).size).toBe(payers.size);
    expect(t.out[t.out.length - 1]).toMatch(
      new RegExp(
        `^Wrote .*secondary\\.837: ${due.length} secondary claims for .*Recorded them in ClaimStatus as billed to the secondary on ${AS_OF}\\. Saved `,
      ),
    );

    const tables = await tablesOf(book);
    expect(tables.Charges!.rows).toEqual(chargesBefore);
    const status = parseTable(ClaimStatus, tables.ClaimStatus!).rows.filter((r) => r.sequence === "Secondary");
    expect(status.map((r) => [r.claimId, r.payerId, r.event, r.date, r.source]).sort()).toEqual(
      due.map((d) => [d.claim.claimId, d.secondaryPayerId, "Billed", AS_OF, "837P"]).sort(),
    );
    const audit = parseTable(Audit, tables.Audit!).rows;
    expect(audit.filter((r) => r.action === "Secondary claims exported")).toHaveLength(1);

    const again = terminal();
    expect(await again.run("claims", "export", book, "--secondary", "--out", file("again.837"), "--date", AS_OF)).toBe(1);
    expect(again.out).toContain(
      "Nothing to export: no claim is due to a secondary payer (the primary has not answered, nothing is left to the patient, or it was already billed to the secondary or crossed over).",
    );
    expect(existsSync(file("again.837"))).toBe(false);
  });

  it("--payer keeps one secondary payer's claims, and --dry-run writes nothing", async () => {
    const book = copy("payer.xlsx");
    await setPractice(book, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
    const before = readFileSync(book);
    const payer = due[0].secondaryPayerId;
    const t = terminal();
    expect(
      await t.run("claims", "export", book, "--secondary", "--payer", payer, "--out", file("payer.837"), "--dry-run", "--date", AS_OF),
    ).toBe(0);
    const mine = due.filter((d) => d.secondaryPayerId === payer);
    expect(claimLines(t.out).map((r) => r[0])).toEqual(mine.map((d) => d.claim.claimId));
    expect(t.out[t.out.length - 1]).toMatch(
      new RegExp(`^Dry run: nothing written\\. .*payer\\.837 would hold ${mine.length} secondary claims? for ${payer} `),
    );
    expect(existsSync(file("payer.837"))).toBe(false);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("holds back a claim whose patient has no Secondary Member ID, with the rule and where to fix it", async () => {
    const book = copy("nomember.xlsx");
    await setPractice(book, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
    const held = due[0];
    const workbook = await XlsxWorkbook.load(readFileSync(book));
    const patients = (await workbook.readTables(["Patients"])).Patients!;
    const id = patients.headers.indexOf("PatientID");
    const member = patients.headers.indexOf("Secondary Member ID");
    const values = patients.rows.map((row) => (row[id] === held.claim.patient.patientId ? null : row[member]));
    await workbook.write([{ kind: "setColumn", table: "Patients", column: "Secondary Member ID", values }]);
    writeFileSync(book, await workbook.save());
    const heldIds = due.filter((d) => d.claim.patient.patientId === held.claim.patient.patientId).map((d) => d.claim.claimId);

    const t = terminal();
    expect(await t.run("claims", "export", book, "--secondary", "--out", file("nomember.837"), "--date", AS_OF)).toBe(0);
    const rows = claimLines(t.out);
    for (const r of rows) expect(r[r.length - 1]).toBe(heldIds.includes(r[0]) ? "errors" : "ready");
    const at = t.out.findIndex((l) => l.startsWith(`${held.claim.claimId} `));
    expect(t.out[at + 1]).toMatch(
      /^ {4}error {4}Patients, Secondary Member ID: No member ID with the secondary payer .*: fill the patient's Secondary Member ID in Patients$/,
    );
    const read = read837p(readFileSync(file("nomember.837"), "utf8"));
    if (!read.ok) throw new Error(read.error);
    expect(read.claims.map((c) => c.claimId).sort()).toEqual(
      due
        .filter((d) => !heldIds.includes(d.claim.claimId))
        .map((d) => d.claim.claimId)
        .sort(),
    );
  });
});
