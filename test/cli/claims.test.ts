// `medbill claims scrub` and `medbill claims export`, run in-process on a sample practice made by
// `medbill sample` in a temporary folder (as of a fixed date, scrubbed with --date on it): scrub
// prints each unbilled claim with the status scrubClaims gives it and its problems by table, row and
// column, without a patient's name, DOB or member ID, and exits 1 on errors (0 when the practice
// turns the rule off, which the report then lists); --claim scrubs one. Export refuses in words while
// Practice has no Submitter ID and Receiver ID; filled in, it writes the ready claims of a payer
// (read back with read837p: the same claims and ΣCLM02), marks their lines billed, keeps the control
// number and the Audit row, refuses an existing file without --force, and a later export writes only
// what is new, with a higher control number, or nothing (and the number stays). Wrong command lines exit 2.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { read837p } from "../../src/claims/837pRead";
import { readClaimBooks, type ClaimBooks } from "../../src/claims/claimBooks";
import { controlNumbersFrom } from "../../src/claims/exportPlan";
import { scrubClaims, type ScrubResult } from "../../src/claims/scrubber";
import { isoToSerial } from "../../src/dates";
import { formatMoney, sumCents } from "../../src/money";
import { parseTable } from "../../src/workbook/mapTable";
import { Audit, Patients, type PatientRow } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tempFolder, terminal, writeSample } from "./terminal";

const { file } = tempFolder("medbill-claims-");

const AS_OF = "2026-10-31";
/** The claim lines printed: [claim id, payer, "patient P...", lines, charges, status]. */
const claimRows = (out: string[]) => out.filter((l) => /^CL\d+ /.test(l)).map((l) => l.split(/\s{2,}/));

async function booksOf(bookPath: string, unbilledOnly = true): Promise<ClaimBooks> {
  return readClaimBooks(await XlsxWorkbook.load(readFileSync(bookPath)), { unbilledOnly });
}

/** What the command should find: the unbilled claims scrubbed as of AS_OF, without code sets (the sample has none). */
async function expectedScrub(bookPath: string): Promise<{ books: ClaimBooks; results: ScrubResult[] }> {
  const books = await booksOf(bookPath);
  const report = scrubClaims(books.claims, {
    today: AS_OF,
    rulesOff: books.scrubRulesOff,
    columns: books.columns,
    earlierClaims: books.billedClaims,
  });
  return { books, results: report.results };
}

/** Set Practice settings through the workbook, as an office would fill them in. */
async function setPractice(bookPath: string, settings: Record<string, string>): Promise<void> {
  const workbook = await XlsxWorkbook.load(readFileSync(bookPath));
  const practice = (await workbook.readTables(["Practice"])).Practice!;
  const setting = practice.headers.indexOf("Setting");
  const value = practice.headers.indexOf("Value");
  const values = practice.rows.map((row) => settings[String(row[setting])] ?? row[value]);
  await workbook.write([{ kind: "setColumn", table: "Practice", column: "Value", values }]);
  writeFileSync(bookPath, await workbook.save());
}

async function auditActions(bookPath: string): Promise<string[]> {
  const workbook = await XlsxWorkbook.load(readFileSync(bookPath));
  return parseTable(Audit, (await workbook.readTables(["Audit"])).Audit!).rows.map((r) => r.action);
}

describe("medbill claims on a sample practice", () => {
  const sample = file("sample.xlsx");
  let patients: PatientRow[];
  let expected: { books: ClaimBooks; results: ScrubResult[] };

  beforeAll(async () => {
    await writeSample(sample, { lines: 2000, seed: 3, asOf: AS_OF });
    const workbook = await XlsxWorkbook.load(readFileSync(sample));
    patients = parseTable(Patients, (await workbook.readTables(["Patients"])).Patients!).rows;
    expected = await expectedScrub(sample);
    // What the tests below rest on: unbilled claims, some with errors, ready ones for two payers or more.
    const ready = expected.results.filter((r) => r.status !== "errors");
    expect(ready.length).toBeGreaterThanOrEqual(3);
    expect(expected.results.length - ready.length).toBeGreaterThanOrEqual(1);
    const readyPayers = new Set(
      expected.books.claims.filter((c) => ready.some((r) => r.claimId === c.claimId)).map((c) => c.payer.payerId),
    );
    expect(readyPayers.size).toBeGreaterThanOrEqual(2);
  });

  function copy(name: string): string {
    copyFileSync(sample, file(name));
    return file(name);
  }

  /** No patient's name, DOB or member ID: claim and patient ids only. */
  function expectNoPatientData(text: string) {
    expect(patients.length).toBeGreaterThan(100);
    for (const p of patients) {
      expect(text).not.toMatch(new RegExp(`\\b${p.lastName}\\b`));
      if (p.dob) expect(text).not.toContain(p.dob);
      if (p.primaryMemberId) expect(text).not.toContain(p.primaryMemberId);
    }
  }

  it("scrub lists each unbilled claim with scrubClaims' status and its problems by table, row and column, and exits 1 on errors", async () => {
    const t = terminal();
    expect(await t.run("claims", "scrub", sample, "--date", AS_OF)).toBe(1);
    expect(t.err).toEqual([]);
    const { books, results } = expected;
    expect(t.out[0]).toBe(
      `Claims in ${sample} scrubbed as of ${AS_OF}: ${results.length} unbilled claims ` +
        `(${books.skipped.billed} claims already billed and ${books.skipped.selfPay} self-pay claims left out)`,
    );
    expect(t.out).toContain("Scrub rules off: none");
    const rows = claimRows(t.out);
    const words = { ready: "ready", warnings: "warnings only", errors: "errors" };
    expect(rows.map((r) => [r[0], r[5]])).toEqual(results.map((r) => [r.claimId, words[r.status]]));
    for (const row of rows) {
      const claim = books.claims.find((c) => c.claimId === row[0])!;
      expect(row.slice(1, 5)).toEqual([
        claim.payer.payerId,
        `patient ${claim.patient.patientId}`,
        `${claim.lines.length} line${claim.lines.length === 1 ? "" : "s"}`,
        formatMoney(claim.total),
      ]);
    }
    // Each problem under its claim, with the sheet row of the line it is on.
    const failing = results.find((r) => r.status === "errors")!;
    const problem = failing.problems[0];
    const at = t.out.findIndex((l) => l.startsWith(`${failing.claimId} `));
    expect(t.out[at + 1]).toBe(`    error    Charges row ${problem.where.row}, ${problem.where.column}: ${problem.message}`);
    expect(problem.where.row).toBeGreaterThan(1);
    const ready = results.filter((r) => r.status !== "errors");
    const readyTotal = sumCents(ready.map((r) => books.claims.find((c) => c.claimId === r.claimId)!.total));
    const counts = (s: ScrubResult["status"]) => results.filter((r) => r.status === s).length;
    expect(t.out[t.out.length - 1]).toBe(
      `Summary: ${results.length} claims: ${counts("ready")} ready, ${counts("warnings")} with warnings only, ${counts("errors")} with errors; ` +
        `${ready.length} claims (${formatMoney(readyTotal)}) can be sent.`,
    );
    expectNoPatientData(t.out.join("\n"));
  });

  it("scrub --claim scrubs the claims named, billed ones as of their billed date; an unknown claim exits 2", async () => {
    const ready = expected.results.find((r) => r.status === "ready")!;
    const billed = expected.books.billedClaims[0];
    const t = terminal();
    expect(await t.run("claims", "scrub", sample, "--date", AS_OF, "--claim", `${ready.claimId},${billed.claimId}`)).toBe(0);
    const rows = claimRows(t.out);
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      [ready.claimId, "ready"],
      [billed.claimId, `ready (billed ${billed.billedDate}: scrubbed as of that day)`],
    ]);
    expect(t.out[t.out.length - 1]).toMatch(
      /^Summary: 2 claims: 2 ready, 0 with warnings only, 0 with errors; 1 claim \(\$[\d,.]+\) can be sent\.$/,
    );

    const unknown = terminal();
    expect(await unknown.run("claims", "scrub", sample, "--claim", "NOSUCHCLAIM")).toBe(2);
    expect(unknown.err).toEqual(["No claim NOSUCHCLAIM to scrub: it is not in Charges, or self-pay (no claim is sent for those)."]);
  });

  it("scrub with a rule turned off in Practice says so and no longer fails on it; an unknown id is said too", async () => {
    const book = copy("rules-off.xlsx");
    const rules = new Set(expected.results.flatMap((r) => r.problems.filter((p) => p.severity === "error").map((p) => p.rule)));
    expect([...rules]).toEqual(["timely-filing"]); // the sample's only errors: claims forgotten past the payer's limit
    await setPractice(book, { "Scrub Rules Off": "timely-filing, no-such-rule" });
    const t = terminal();
    expect(await t.run("claims", "scrub", book, "--date", AS_OF)).toBe(0);
    expect(t.out).toContain("Scrub rules off (Practice, Scrub Rules Off): timely-filing: these checks were not made");
    expect(t.out).toContain('  "no-such-rule" is not a scrub rule: it was ignored (the rule ids are listed in the scrub report)');
    // Every claim is ready but one the office forgot to send the injury lien's lawyer: that payer has no
    // X12 Payer ID, a warning (not an error).
    const notReady = claimRows(t.out).filter((r) => r[5] !== "ready");
    expect(notReady.map((r) => [r[1], r[5]])).toEqual([["ATTY", "warnings only"]]);
    expect(claimRows(t.out).length).toBeGreaterThan(notReady.length);
  });

  it("export refuses in words while Practice has no Submitter ID or Receiver ID, and writes nothing", async () => {
    const book = copy("no-ids.xlsx");
    const before = readFileSync(book);
    const t = terminal();
    expect(await t.run("claims", "export", book, "--out", file("no-ids.837"), "--date", AS_OF)).toBe(1);
    expect(t.err).toEqual([
      "The 837P file was not written:",
      "  The submitter ID is blank: enter the ID your clearinghouse gave you in Practice (Submitter ID).",
      "  The receiver ID is blank: enter the ID your clearinghouse gave you in Practice (Receiver ID).",
      "Nothing was written.",
    ]);
    expect(existsSync(file("no-ids.837"))).toBe(false);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it("export leaves out, and names, unbilled claims the payer has already answered (an ERA payment, a denial)", async () => {
    const book = copy("answered.xlsx");
    await setPractice(book, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
    const ready = expected.results
      .filter((r) => r.status !== "errors")
      .map((r) => expected.books.claims.find((c) => c.claimId === r.claimId)!);
    const [paid, denied] = ready;
    const workbook = await XlsxWorkbook.load(readFileSync(book));
    const day = (iso: string) => isoToSerial(iso);
    await workbook.write([
      {
        kind: "appendRows",
        table: "Payments",
        rows: [
          { PaymentID: "PMT-ERA-1", Date: day("2026-10-20"), PayerID: paid.payer.payerId, Method: "ERA", Reference: "TRACE1", Amount: 40 },
          { PaymentID: "PMT-ERA-2", Date: day("2026-10-21"), PayerID: denied.payer.payerId, Method: "ERA", Reference: "TRACE2", Amount: 0 },
        ],
      },
      {
        kind: "appendRows",
        table: "Postings",
        rows: [
          {
            PostingID: "PST-ERA-1",
            PaymentID: "PMT-ERA-1",
            ChargeID: paid.lines[0].lineId,
            Date: day("2026-10-22"),
            Paid: 40,
            Source: "ERA",
          },
          {
            PostingID: "PST-ERA-2",
            PaymentID: "PMT-ERA-2",
            ChargeID: denied.lines[0].lineId,
            Date: day("2026-10-22"),
            Paid: 0,
            Adjustment: denied.lines[0].charge / 100,
            Group: "CO",
            Reason: "50",
            Source: "ERA",
          },
        ],
      },
    ]);
    writeFileSync(book, await workbook.save());
    const t = terminal();
    expect(await t.run("claims", "export", book, "--out", file("answered.837"), "--date", AS_OF, "--dry-run")).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out).toContain(
      `2 claims left out: the payer already answered them (${paid.claimId} paid by ${paid.payer.payerId} on 2026-10-20, ` +
        `${denied.claimId} denied by ${denied.payer.payerId} (CO-50) on 2026-10-21): send a corrected claim (frequency 7) instead if needed.`,
    );
    const listed = claimRows(t.out).map((r) => r[0]);
    expect(listed).not.toContain(paid.claimId);
    expect(listed).not.toContain(denied.claimId);
    expect(t.out[t.out.length - 1]).toMatch(new RegExp(`^Dry run: nothing written\\. .* would hold ${ready.length - 2} claims for `));
  });

  describe("with the clearinghouse IDs filled in", () => {
    const book = file("export.xlsx");
    let readyByPayer: Map<string, string[]>;
    let firstPayer: string;

    beforeAll(async () => {
      copyFileSync(sample, book);
      await setPractice(book, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
      readyByPayer = new Map();
      for (const r of expected.results) {
        if (r.status === "errors") continue;
        const payer = expected.books.claims.find((c) => c.claimId === r.claimId)!.payer.payerId;
        readyByPayer.set(payer, [...(readyByPayer.get(payer) ?? []), r.claimId]);
      }
      firstPayer = [...readyByPayer.keys()].sort((a, b) => readyByPayer.get(b)!.length - readyByPayer.get(a)!.length)[0];
    });

    it("--dry-run says what it would write and writes nothing", async () => {
      const before = readFileSync(book);
      const t = terminal();
      expect(await t.run("claims", "export", book, "--payer", firstPayer, "--out", file("dry.837"), "--date", AS_OF, "--dry-run")).toBe(0);
      expect(t.err).toEqual([]);
      expect(t.out[t.out.length - 1]).toMatch(
        new RegExp(
          `^Dry run: nothing written\\. .*dry\\.837 would hold ${readyByPayer.get(firstPayer)!.length} claims? for ${firstPayer} .*interchange control number 000000001;`,
        ),
      );
      expect(existsSync(file("dry.837"))).toBe(false);
      expect(readFileSync(book).equals(before)).toBe(true);
    });

    it("writes the payer's ready claims (read back: the same claims and ΣCLM02), marks them billed, keeps the control number", async () => {
      const out = file("first.837");
      const t = terminal();
      expect(await t.run("claims", "export", book, "--payer", firstPayer, "--out", out, "--date", AS_OF)).toBe(0);
      expect(t.err).toEqual([]);
      const ids = readyByPayer.get(firstPayer)!;
      const claims = expected.books.claims.filter((c) => ids.includes(c.claimId));
      const read = read837p(readFileSync(out, "utf8"));
      if (!read.ok) throw new Error(read.error);
      expect(read.warnings).toEqual([]);
      expect(read.claims.map((c) => c.claimId)).toEqual(ids);
      expect(sumCents(read.claims.map((c) => c.total))).toBe(sumCents(claims.map((c) => c.total)));
      expect(read.isaControl).toBe("000000001");
      // Claims of the payer with errors are listed, not written.
      const held = expected.results.filter(
        (r) => r.status === "errors" && expected.books.claims.find((c) => c.claimId === r.claimId)!.payer.payerId === firstPayer,
      );
      for (const r of held) expect(t.out.some((l) => l.startsWith(`${r.claimId} `) && l.endsWith("errors"))).toBe(true);
      expect(t.out).toContain(
        `Ready: ${ids.length} claim${ids.length === 1 ? "" : "s"} (${formatMoney(sumCents(claims.map((c) => c.total)))}); ` +
          `held back with errors, not written: ${held.length} claim${held.length === 1 ? "" : "s"}.`,
      );

      const after = await booksOf(book, false);
      // The sample billed some claims on AS_OF itself: only the exported lines are new.
      const billedBefore = new Set(expected.books.charges.filter((c) => c.billedDate !== undefined).map((c) => c.chargeId));
      const billedNow = after.charges.filter((c) => c.billedDate === AS_OF && !billedBefore.has(c.chargeId)).map((c) => c.chargeId);
      expect(billedNow.sort()).toEqual(claims.flatMap((c) => c.lines.map((l) => l.lineId)).sort());
      expect(after.charges.filter((c) => c.billedDate !== undefined)).toHaveLength(billedBefore.size + billedNow.length);
      expect(controlNumbersFrom(after.practiceSettings).interchange).toBe(1);
      expect(await auditActions(book)).toContain("Claims exported");
      expectNoPatientData(t.out.join("\n"));
    });

    it("refuses to replace an existing file without --force, and changes nothing", async () => {
      const before = readFileSync(book);
      const t = terminal();
      expect(await t.run("claims", "export", book, "--out", file("first.837"), "--date", AS_OF)).toBe(2);
      expect(t.err).toEqual([
        `Cannot write "${file("first.837")}": a file with that name already exists (add --force to replace it).`,
        "Nothing was written: the claims are not marked billed.",
      ]);
      expect(readFileSync(book).equals(before)).toBe(true);
    });

    it("a second export writes only the claims not yet sent, with the next control number; a third writes nothing", async () => {
      const out = file("first.837");
      const t = terminal();
      expect(await t.run("claims", "export", book, "--out", out, "--date", AS_OF, "--force")).toBe(0);
      const rest = [...readyByPayer].filter(([payer]) => payer !== firstPayer).flatMap(([, ids]) => ids);
      const read = read837p(readFileSync(out, "utf8"));
      if (!read.ok) throw new Error(read.error);
      expect(read.claims.map((c) => c.claimId).sort()).toEqual(rest.sort());
      expect(read.isaControl).toBe("000000002");
      expect(controlNumbersFrom((await booksOf(book)).practiceSettings).interchange).toBe(2);

      const before = readFileSync(book);
      const again = terminal();
      expect(await again.run("claims", "export", book, "--out", file("third.837"), "--date", AS_OF)).toBe(1);
      expect(again.out[again.out.length - 1]).toBe("Nothing to export: fix the errors above and run the export again.");
      expect(claimRows(again.out).every((r) => r[5] === "errors")).toBe(true);
      expect(existsSync(file("third.837"))).toBe(false);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(controlNumbersFrom((await booksOf(book)).practiceSettings).interchange).toBe(2);

      const none = terminal();
      expect(await none.run("claims", "export", book, "--payer", firstPayer, "--out", file("third.837"), "--date", AS_OF)).toBe(1);
      const errorsLeft = claimRows(none.out).length;
      expect(none.out[none.out.length - 1]).toBe(
        errorsLeft > 0
          ? "Nothing to export: fix the errors above and run the export again."
          : `Nothing to export: payer ${firstPayer} has no unbilled claim.`,
      );
    });
  });

  it.each([
    [["claims"], /Say what to do with the claims/],
    [["claims", "send", "book.xlsx"], /medbill claims has no command "send": use scrub, export or read\./],
    [["claims", "scrub"], /Name the workbook: medbill claims scrub book.xlsx/],
    [["claims", "export", "book.xlsx"], /Say where to write the 837P file: --out claims.837/],
    [["claims", "export", "book.xlsx", "--out", "book.xlsx"], /--out must name a file other than the workbook\./],
    [["claims", "scrub", "book.xlsx", "--date", "10/31/2026"], /--date must be a date written like 2026-06-30/],
    [["claims", "scrub", "book.xlsx", "--claim", ""], /--claim needs a ClaimID/],
  ])("%j is a usage error: exit 2", async (argv, message) => {
    const t = terminal();
    expect(await t.run(...argv)).toBe(2);
    expect(t.err[0]).toMatch(message);
  });

  it("a workbook that cannot be opened exits 2", async () => {
    const t = terminal();
    expect(await t.run("claims", "scrub", file("missing.xlsx"))).toBe(2);
    expect(t.err).toEqual([`Cannot open "${file("missing.xlsx")}": there is no such file.`]);
  });
});
