// `medbill aging`, `collections` and `kpis`, run in-process on a sample practice made by `medbill
// sample` in a temporary folder: the aging summary printed as text and as CSV adds up to what
// agingReport gives for the same file; --out writes the dated sheet to another file (the input left
// as it was) and refuses to replace an existing file; collections and kpis print their figures
// (collections without names or phones) and write their sheets; wrong command lines exit 2.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeIo } from "../../src/cli/medbill";
import { readLedger } from "../../src/ledger/ledger";
import { formatMoney } from "../../src/money";
import { agingReport, type AgingReport } from "../../src/reports/aging";
import { practiceKpis } from "../../src/reports/kpis";
import { parseTable } from "../../src/workbook/mapTable";
import { Patients } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { cellsOf, cents, tempFolder, terminal, writeSample } from "./terminal";

const { file } = tempFolder("medbill-reports-");

const AS_OF = "2026-10-31";

describe("medbill aging, collections and kpis on a sample practice", () => {
  const sample = file("sample.xlsx");
  let report: AgingReport;

  beforeAll(async () => {
    await writeSample(sample, { lines: 300, seed: 3, asOf: AS_OF });
    const { ledger } = await readLedger(await XlsxWorkbook.load(readFileSync(sample)));
    report = agingReport(ledger, { asOf: AS_OF });
  });

  it("prints the aging summary whose rows and totals are agingReport's, with exit 0", async () => {
    const t = terminal();
    expect(await t.run("aging", sample, "--as-of", AS_OF)).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out[0]).toBe(`A/R aging in ${sample} as of ${AS_OF} (aged by dos; buckets 0-30, 31-60, 61-90, 91-120, 120+)`);
    expect(cellsOf(t.out[1])).toEqual([
      "Section",
      "Payer/Account",
      "Name",
      "Lines",
      "0-30",
      "31-60",
      "61-90",
      "91-120",
      "120+",
      "Total",
      "% of total",
    ]);
    const total = cellsOf(t.out.find((l) => l.startsWith("Total "))!);
    expect(total.slice(2, 8).map(cents)).toEqual([...report.totals, report.total]);
    const insurance = cellsOf(t.out.find((l) => l.startsWith("Insurance total"))!);
    expect(cents(insurance[7])).toBe(report.insurance.total);
    const rows = t.out.filter((l) => /^(Insurance|Patient) /.test(l) && !l.includes(" total")).map(cellsOf);
    expect(rows).toHaveLength(report.insurance.rows.length + report.patient.rows.length);
    const mcr = report.insurance.rows.find((r) => r.key === "MCR")!;
    const printed = rows.find((r) => r[1] === "MCR")!;
    expect(printed.slice(4, 10).map(cents)).toEqual([...mcr.buckets, mcr.total]);
    expect(t.out).toContain(report.credits.length === 0 ? "No credit balances." : expect.stringContaining("Credits:"));
  });

  it("prints CSV rows that add up to the report's bucket totals, and nothing else on stdout", async () => {
    const t = terminal();
    expect(await t.run("aging", sample, "--as-of", AS_OF, "--csv")).toBe(0);
    expect(t.out[0]).toBe("Section,Payer/Account,Name,Lines,0-30,31-60,61-90,91-120,120+,Total,% of total");
    // Read the money from the right, so a name with a (quoted) comma cannot shift it.
    const sums = new Array<number>(6).fill(0);
    for (const line of t.out.slice(1)) {
      const cells = line.split(",");
      const money = cells.slice(-7, -1).map(cents);
      money.forEach((m, i) => (sums[i] += m));
    }
    expect(sums).toEqual([...report.totals, report.total]);
    expect(t.out).toHaveLength(1 + report.insurance.rows.length + report.patient.rows.length);
  });

  it("honours --by, --basis and --buckets", async () => {
    const t = terminal();
    expect(await t.run("aging", sample, "--as-of", AS_OF, "--by", "payer", "--basis", "billed", "--buckets", "45,90", "--csv")).toBe(0);
    expect(t.out[0]).toBe("Section,Payer/Account,Name,Lines,0-45,46-90,90+,Total,% of total");
    const { ledger } = await readLedger(await XlsxWorkbook.load(readFileSync(sample)));
    const other = agingReport(ledger, { asOf: AS_OF, by: "payer", basis: "billed", bounds: [45, 90] });
    expect(t.out.slice(1).every((l) => !/,P\d{6},/.test(l))).toBe(true);
    const sums = [0, 0, 0];
    for (const line of t.out.slice(1))
      line
        .split(",")
        .slice(-5, -2)
        .map(cents)
        .forEach((m, i) => (sums[i] += m));
    expect(sums).toEqual(other.totals);
  });

  it("--out writes the workbook with the aging sheet to another file, the input untouched, and will not replace a file", async () => {
    const before = readFileSync(sample);
    const out = file("aging.xlsx");
    const t = terminal();
    expect(await t.run("aging", sample, "--as-of", AS_OF, "--out", out)).toBe(0);
    expect(t.out[t.out.length - 1]).toBe(`Wrote the sheets "Aging ${AS_OF}" and "Aging ${AS_OF} detail" to ${out}.`);
    expect(readFileSync(sample).equals(before)).toBe(true);
    const written = await XlsxWorkbook.load(readFileSync(out));
    const cells = (await written.readSheet(`Aging ${AS_OF}`))!;
    const total = cells.find((r) => r[0] === "Total")!;
    expect(total[9]).toBe(report.total / 100);
    expect((await written.readSheet(`Aging ${AS_OF} detail`))!.length).toBe(4 + report.details.length);
    const audit = (await written.readTables(["Audit"])).Audit!;
    expect(JSON.stringify(audit.rows)).toContain("Aging report");
    // The sheet's patient rows are named from Patients ("Last, First"); the terminal shows no name.
    const patients = parseTable(Patients, (await written.readTables(["Patients"])).Patients!, 1900).rows;
    const patientRows = cells.filter((r) => r[0] === "Patient");
    expect(patientRows.length).toBeGreaterThan(0);
    for (const row of patientRows) {
      const p = patients.find((x) => x.patientId === row[1])!;
      expect(row[2]).toBe(`${p.lastName}, ${p.firstName}`);
      expect(t.out.join("\n")).not.toContain(`${p.lastName}, ${p.firstName}`);
    }

    const again = terminal();
    expect(await again.run("aging", sample, "--as-of", AS_OF, "--out", out)).toBe(2);
    expect(again.err.join("\n")).toContain("already exists");
    const forced = terminal();
    expect(await forced.run("aging", sample, "--as-of", AS_OF, "--out", out, "--force")).toBe(0);
    // Run again on the written book itself: the report of the same date is replaced, tables and all.
    const rerun = terminal();
    expect(await rerun.run("aging", out, "--as-of", AS_OF, "--out", out)).toBe(0);
    const replaced = await XlsxWorkbook.load(readFileSync(out));
    expect((await replaced.describe()).sheets.filter((s) => s.startsWith(`Aging ${AS_OF}`))).toEqual([
      `Aging ${AS_OF}`,
      `Aging ${AS_OF} detail`,
    ]);
    expect((await replaced.readSheet(`Aging ${AS_OF}`))!.find((r) => r[0] === "Total")![9]).toBe(report.total / 100);
  });

  it("collections prints accounts without names or phones, and --out writes the agency sheet with them", async () => {
    const t = terminal();
    const out = file("collections.xlsx");
    expect(await t.run("collections", sample, "--as-of", AS_OF, "--min-balance", "50", "--older-than", "60", "--out", out)).toBe(0);
    expect(t.out[0]).toBe(`Collections worklist in ${sample} as of ${AS_OF}: patient balances over $50.00, older than 60 days`);
    const book = await XlsxWorkbook.load(readFileSync(sample));
    const patients = parseTable(Patients, (await book.readTables(["Patients"])).Patients!).rows;
    const printed = t.out.join("\n");
    for (const p of patients) {
      expect(printed).not.toContain(p.lastName);
      if (p.phone) expect(printed).not.toContain(p.phone);
    }
    const accounts = t.out.filter((l) => /^P\d{6} /.test(l)).map(cellsOf);
    expect(accounts.length).toBeGreaterThan(0);
    for (const a of accounts) {
      expect(cents(a[6])).toBeGreaterThan(5000);
      expect(Number(a[7])).toBeGreaterThan(60);
    }
    const sheet = (await (await XlsxWorkbook.load(readFileSync(out))).readSheet(`Collections ${AS_OF}`))!;
    const first = sheet.find((r) => r[0] === accounts[0][0])!;
    const patient = patients.find((p) => p.patientId === accounts[0][0])!;
    expect(first.slice(1, 3)).toEqual([patient.lastName, patient.firstName]);
    expect(first[9]).toBe(cents(accounts[0][6]) / 100);
  });

  it("kpis prints each KPI with its definition and inputs, as practiceKpis gives them, and writes its sheet", async () => {
    const t = terminal();
    const out = file("kpis.xlsx");
    expect(await t.run("kpis", sample, "--from", "2026-07-01", "--to", "2026-09-30", "--out", out)).toBe(0);
    const { ledger } = await readLedger(await XlsxWorkbook.load(readFileSync(sample)));
    const kpis = practiceKpis(ledger, { from: "2026-07-01", to: "2026-09-30", asOf: "2026-09-30" });
    const gross = t.out.find((l) => l.startsWith("Gross collection rate"))!;
    expect(gross).toMatch(new RegExp(`${kpis.grossCollectionRate.value!.toFixed(1)}%$`));
    expect(t.out).toContain(`    Payments posted: ${formatMoney(kpis.grossCollectionRate.inputs[0].value)}`);
    const csv = terminal();
    expect(await csv.run("kpis", sample, "--from", "2026-07-01", "--to", "2026-09-30", "--csv")).toBe(0);
    expect(csv.out[0]).toBe("KPI,Value,Unit,Definition,Inputs");
    // Each KPI, then each denial reason and each payer in the same five columns.
    expect(csv.out).toHaveLength(1 + 8 + kpis.daysToPay.length + kpis.denialsByReason.length + kpis.denialsByPayer.length);
    const sheet = (await (await XlsxWorkbook.load(readFileSync(out))).readSheet("KPIs 2026-07-01 to 2026-09-30"))!;
    expect(sheet.find((r) => r[0] === "Days in A/R")![1]).toBe(Math.round(kpis.daysInAr.value! * 10) / 10);
  });

  it("lists the ledger's problems first and ends with exit 1, the report still printed (problems on stderr with --csv)", async () => {
    const broken = file("broken.xlsx");
    const book = await XlsxWorkbook.load(readFileSync(sample));
    await book.write([
      { kind: "appendRows", table: "Postings", rows: [{ PostingID: "BAD1", ChargeID: "NO-SUCH-LINE", Date: "not a date" }] },
    ]);
    await nodeIo.writeFile(broken, await book.save());
    for (const command of [
      ["aging", broken, "--as-of", AS_OF],
      ["collections", broken, "--as-of", AS_OF],
      ["kpis", broken, "--from", "2026-07-01", "--to", "2026-09-30"],
    ]) {
      const t = terminal();
      expect(await t.run(...command)).toBe(1);
      expect(t.out[1]).toMatch(/^Problems: \d+ /);
      expect(t.out.length).toBeGreaterThan(4);
    }
    const csv = terminal();
    expect(await csv.run("aging", broken, "--as-of", AS_OF, "--csv")).toBe(1);
    expect(csv.err[0]).toMatch(/^Problems: /);
    expect(csv.out[0]).toMatch(/^Section,/);
  });

  it.each([
    [["aging"], "Name the workbook"],
    [["aging", "a.xlsx", "b.xlsx"], "one workbook"],
    [["aging", "x.xlsx", "--as-of", "31/10/2026"], "--as-of must be a date"],
    [["aging", "x.xlsx", "--by", "claim"], "--by must be payer or patient"],
    [["aging", "x.xlsx", "--basis", "paid"], "--basis must be"],
    [["aging", "x.xlsx", "--buckets", "60,30"], "--buckets must be"],
    [["aging", "x.xlsx", "--colour"], 'no option "--colour"'],
    [["collections", "x.xlsx", "--min-balance", "lots"], "--min-balance must be"],
    [["collections", "x.xlsx", "--older-than", "2.5"], "--older-than must be"],
    [["kpis", "x.xlsx", "--from", "2026-07-01"], "Give the period"],
    [["kpis", "x.xlsx", "--from", "2026-09-01", "--to", "2026-07-01"], "is after --to"],
  ])("%j is a usage error: exit 2", async (argv, message) => {
    const t = terminal();
    expect(await t.run(...argv)).toBe(2);
    expect(t.err[0]).toContain(message);
  });

  it("a file that cannot be read is exit 2 with a plain message", async () => {
    const t = terminal();
    expect(await t.run("aging", file("missing.xlsx"), "--as-of", AS_OF)).toBe(2);
    expect(t.err).toEqual([`Cannot open "${file("missing.xlsx")}": there is no such file.`]);
  });
});
