// `medbill claims export --tertiary` end to end on a small workbook made here: one claim (two lines,
// $125.00 and $35.00) billed to Sample Health Plan (SHP), which paid $104.00 with CO-45 and PR-1/PR-2;
// the patient's secondary, a state Medicaid plan (MCD), paid $13.00 with its own CO-45 $4.00 after a
// secondary claim was billed; the patient's tertiary is Sample Supplemental (SUP). The export lists the
// claim with both prior payers' amounts, writes one 837P (SBR*T, a 2320 loop per prior payer, two 2430
// per line, each balancing), records a ClaimStatus "Billed" row with Sequence "Tertiary", leaves
// Charges' Billed Date alone, and a second run finds nothing due; --dry-run writes nothing; --secondary
// with --tertiary is a usage error. Made up.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { read837p } from "../../src/claims/837pRead";
import { createTableOp } from "../../src/workbook/plan";
import { Charges, ClaimStatus, Patients, Payers, Payments, Postings, Practice, Providers, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { tableOf } from "../ledger/ledgerFixtures";
import { tempFolder, terminal } from "./terminal";

const { file } = tempFolder("medbill-tertiary-");
const AS_OF = "2026-05-10";

const PRACTICE = [
  ["Practice Name", "Sampleton Family Medicine"],
  ["Address", "100 Sample Way"],
  ["City", "Sampleton"],
  ["State", "IL"],
  ["ZIP", "62701-1234"],
  ["Phone", "217-555-0100"],
  ["Billing NPI", "1234567893"],
  ["Tax ID", "12-3456789"],
  ["Taxonomy", "207Q00000X"],
  ["Submitter ID", "SUBMIT01"],
  ["Receiver ID", "CLEARHOUSE"],
].map(([setting, value]) => ({ setting, value }));

const PATIENTS = [
  {
    patientId: "P000001",
    lastName: "Testperson",
    firstName: "Alex",
    dob: "1960-05-04",
    sex: "F",
    address1: "12 Elm St",
    city: "Sampleton",
    state: "IL",
    zip: "62702",
    primaryPayerId: "SHP",
    primaryMemberId: "XYZ123456789",
    secondaryPayerId: "MCD",
    secondaryMemberId: "MCD98765",
    tertiaryPayerId: "SUP",
    tertiaryMemberId: "SUP555",
  },
];

const PAYERS = [
  { payerId: "SHP", name: "Sample Health Plan", type: "Commercial", x12PayerId: "SHP01", timelyFilingDays: 180 },
  { payerId: "MCD", name: "Sample State Medicaid", type: "Medicaid", x12PayerId: "SKMCD" },
  { payerId: "SUP", name: "Sample Supplemental", type: "Commercial", x12PayerId: "SUPP1" },
];

const line = { claimId: "CLM0001", patientId: "P000001", payerId: "SHP", dos: "2026-03-02", pos: "11", billedDate: "2026-03-05" };
const CHARGES = [
  { ...line, chargeId: "C0000001", code: "99213", dx1: "E11.9", units: 1, amount: 12_500, providerNpi: "1987654328" },
  { ...line, chargeId: "C0000002", code: "90686", dx1: "Z23", units: 1, amount: 3_500, providerNpi: "1987654328" },
];

const PAYMENTS = [
  { paymentId: "PAY1", date: "2026-04-01", payerId: "SHP", amount: 10_400 },
  { paymentId: "MCDPAY", date: "2026-04-20", payerId: "MCD", amount: 1_300 },
];

const posting = (postingId: string, paymentId: string, chargeId: string, rest: object) => ({
  postingId,
  paymentId,
  chargeId,
  date: paymentId === "PAY1" ? "2026-04-02" : "2026-04-21",
  source: "ERA",
  ...rest,
});
const POSTINGS = [
  posting("S1", "PAY1", "C0000001", { paid: 8_000, adjustment: 2_500, group: "CO", reason: "45" }),
  posting("S2", "PAY1", "C0000001", { patientResp: 1_200, group: "PR", reason: "1" }),
  posting("S3", "PAY1", "C0000001", { patientResp: 800, group: "PR", reason: "2" }),
  posting("S4", "PAY1", "C0000002", { paid: 2_400, adjustment: 500, group: "CO", reason: "45" }),
  posting("S5", "PAY1", "C0000002", { patientResp: 600, group: "PR", reason: "2" }),
  posting("M1", "MCDPAY", "C0000001", { paid: 1_000, adjustment: 400, group: "CO", reason: "45" }),
  posting("M2", "MCDPAY", "C0000002", { paid: 300 }),
];

const CLAIM_STATUS = [
  { date: "2026-03-05", claimId: "CLM0001", payerId: "SHP", sequence: "Primary", event: "Billed", source: "837P", controlNumber: "1" },
  { date: "2026-04-05", claimId: "CLM0001", payerId: "MCD", sequence: "Secondary", event: "Billed", source: "837P", controlNumber: "2" },
];

async function book(name: string): Promise<string> {
  const path = file(name);
  const wb = XlsxWorkbook.create();
  const tables: [TableDef, object[]][] = [
    [Practice, PRACTICE],
    [Patients, PATIENTS],
    [Payers, PAYERS],
    [Providers, [{ npi: "1987654328", lastName: "Rendering", firstName: "Dana" }]],
    [Charges, CHARGES],
    [Payments, PAYMENTS],
    [Postings, POSTINGS],
    [ClaimStatus, CLAIM_STATUS],
  ];
  await wb.write(tables.map(([def, rows]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows })));
  writeFileSync(path, await wb.save());
  return path;
}

async function tableRows(path: string, name: string): Promise<Record<string, unknown>[]> {
  const wb = await XlsxWorkbook.load(readFileSync(path));
  const t = (await wb.readTables([name]))[name];
  return (t?.rows ?? []).map((r) => Object.fromEntries(t!.headers.map((h, i) => [h, r[i]])));
}

const CLAIM_LINE = [
  "CLM0001",
  "SUP",
  "primary SHP",
  "secondary MCD",
  "patient P000001",
  "2 lines",
  "charge $160.00",
  "primary paid $104.00",
  "secondary paid $13.00",
  "left $9.00",
];

describe("medbill claims export --tertiary on a hand-made workbook", () => {
  it("writes the tertiary claim with both prior payers' answers, records ClaimStatus, and a second run finds nothing due", async () => {
    const path = await book("export.xlsx");
    const chargesBefore = await tableRows(path, "Charges");
    const out = file("tertiary.837");
    const t = terminal();
    expect(await t.run("claims", "export", path, "--tertiary", "--out", out, "--date", AS_OF)).toBe(0);
    expect(t.err).toEqual([]);
    expect(t.out[0]).toBe(`Tertiary claims from ${path} as of ${AS_OF}: all tertiary payers`);
    const listed = t.out.find((l) => l.startsWith("CLM0001 "))!.split(/\s{2,}/);
    expect(listed.slice(0, -1)).toEqual(CLAIM_LINE);
    expect(["ready", "warnings only"]).toContain(listed.at(-1));
    expect(t.out).toContain("Ready: 1 tertiary claim ($9.00 left after the secondary); held back, not written: 0 claims.");
    expect(t.out.at(-1)).toMatch(
      new RegExp(
        `^Wrote .*tertiary\\.837: 1 tertiary claim for SUP \\(1 claim, \\$160\\.00\\), interchange control number 000000001\\. Recorded them in ClaimStatus as billed to the tertiary on ${AS_OF}\\. Saved `,
      ),
    );

    const text = readFileSync(out, "utf8");
    const read = read837p(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.warnings).toEqual([]);
    const [back] = read.claims;
    expect(back.claimId).toBe("CLM0001");
    expect(back.sequence).toBe("T");
    expect(back.payer.id).toBe("SUPP1");
    expect(back.subscriber.id).toBe("SUP555");
    expect(back.otherPayers!.map((o) => [o.sequence, o.payer.id, o.subscriber.id, o.paid])).toEqual([
      ["P", "SHP01", "XYZ123456789", 10_400],
      ["S", "SKMCD", "MCD98765", 1_300],
    ]);
    expect(back.lines.map((l) => l.otherPayerLines!.map((a) => a.payerId))).toEqual([
      ["SHP01", "SKMCD"],
      ["SHP01", "SKMCD"],
    ]);
    for (const l of back.lines) {
      for (const answer of l.otherPayerLines!) {
        expect(answer.paid + answer.adjustments.reduce((sum, a) => sum + a.amount, 0)).toBe(l.charge);
      }
    }
    // The secondary's 2430 on line 1 as tertiary.ts works it out from the ledger.
    expect(text).toContain("~SVD*SKMCD*10*HC:99213**1~CAS*CO*45*4~CAS*PR*1*6~CAS*OA*23*105~DTP*573*D8*20260420~");

    const history = await tableRows(path, "ClaimStatus");
    expect(history).toHaveLength(3);
    expect(history[2]).toMatchObject({ ClaimID: "CLM0001", PayerID: "SUP", Sequence: "Tertiary", Event: "Billed", Source: "837P" });
    expect(await tableRows(path, "Charges")).toEqual(chargesBefore);
    const audit = await tableRows(path, "Audit");
    expect(audit.at(-1)).toMatchObject({ Action: "Tertiary claims exported" });

    const again = terminal();
    expect(await again.run("claims", "export", path, "--tertiary", "--out", file("again.837"), "--date", AS_OF)).toBe(1);
    expect(again.out).toContain(
      "Nothing to export: no claim is due to a tertiary payer (the primary or the secondary has not answered, nothing is left to the patient after the secondary, or it was already billed to the tertiary or crossed over by the secondary).",
    );
    expect(existsSync(file("again.837"))).toBe(false);
  });

  it("--dry-run lists and writes nothing; --payer keeps one tertiary payer", async () => {
    const path = await book("dry.xlsx");
    const before = readFileSync(path);
    const t = terminal();
    expect(await t.run("claims", "export", path, "--tertiary", "--dry-run", "--out", file("dry.837"), "--date", AS_OF)).toBe(0);
    expect(t.out.at(-1)).toBe(
      `Dry run: nothing written. ${file("dry.837")} would hold 1 tertiary claim for SUP (1 claim, $160.00), interchange control number 000000001; ClaimStatus would record them billed to the tertiary on ${AS_OF}.`,
    );
    expect(existsSync(file("dry.837"))).toBe(false);
    expect(readFileSync(path).equals(before)).toBe(true);

    const other = terminal();
    expect(await other.run("claims", "export", path, "--tertiary", "--payer", "MCD", "--out", file("mcd.837"), "--date", AS_OF)).toBe(1);
    expect(other.out).toContain("Nothing to export: no claim is due to tertiary payer MCD.");
  });

  it("refuses --secondary with --tertiary in a sentence, and writes nothing", async () => {
    const path = await book("both.xlsx");
    const t = terminal();
    expect(await t.run("claims", "export", path, "--secondary", "--tertiary", "--out", file("both.837"))).toBe(2);
    expect(t.err[0]).toBe("Choose --secondary or --tertiary, not both: a file holds the claims of one of them; run the export twice.");
    expect(existsSync(file("both.837"))).toBe(false);
  });
});
