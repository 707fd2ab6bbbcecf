// The real 835 samples in ../shared/data/x12-835 (read-only, never copied here), against the figures
// data/README.md gives for them, computed independently of this code and copied here as literals.
// Each file is skipped on its own, with the reason, when it is missing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { balanceRemittance } from "../../src/era/balancing";
import { readRemittanceFile, type RemittanceRead } from "../../src/era/remittance";
import { readX12 } from "../../src/x12/x12Reader";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const folder = path.resolve(projectRoot, "../shared/data/x12-835");

interface Expected {
  file: string;
  /** README: claims, BPR02, ΣCLP04, ΣPLB (in cents), TRN02, delimiters el/comp/seg */
  claims: number;
  bpr02: number;
  clp04: number;
  plb: number;
  trn02: string;
  delimiters: [string, string, string];
}

// data/README.md, "x12-835/", one row per file (one transaction each).
const TABLE: Expected[] = [
  { file: "lfh_managed-care.835", claims: 2, bpr02: 945_00, clp04: 945_00, plb: 0, trn02: "7170066655", delimiters: ["*", ":", "~"] },
  {
    file: "lfh_medicare-part-a.835",
    claims: 2,
    bpr02: 150000_00,
    clp04: 149998_73,
    plb: -1_27,
    trn02: "12345",
    delimiters: ["*", ":", "~"],
  },
  {
    file: "lfh_secondary-payment.835",
    claims: 2,
    bpr02: 1222_00,
    clp04: 1222_00,
    plb: 0,
    trn02: "0012524965",
    delimiters: ["*", ":", "~"],
  },
  {
    file: "lfh_cob-contractural-adjustment.835",
    claims: 1,
    bpr02: 34_00,
    clp04: 34_00,
    plb: 0,
    trn02: "0063158ABC",
    delimiters: ["*", ":", "~"],
  },
  { file: "lfh_tertiary-payment.835", claims: 1, bpr02: 187_50, clp04: 187_50, plb: 0, trn02: "0012524879", delimiters: ["*", ":", "~"] },
  {
    file: "ks_united_healthcare_legacy_sample.txt",
    claims: 2,
    bpr02: 349_99,
    clp04: 349_99,
    plb: 0,
    trn02: "1234567890",
    delimiters: ["*", ">", "~"],
  },
  {
    file: "ks_blue_cross_nc_sample_no_envelope.txt",
    claims: 1,
    bpr02: 1922_86,
    clp04: 1922_86,
    plb: 0,
    trn02: "02790758",
    delimiters: ["*", ":", "~"],
  },
];

const pathOf = (file: string) => path.join(folder, file);
const present = (file: string) => sharedDataPresent(pathOf(file));

function readSample(file: string): Extract<RemittanceRead, { ok: true }> {
  const result = readRemittanceFile(readFileSync(pathOf(file), "utf8"));
  if (!result.ok) throw new Error(`${file}: ${result.error}`);
  return result;
}

for (const expected of TABLE) {
  describe.skipIf(!present(expected.file))(expected.file, () => {
    it(`reads without error; BPR02, claim count, ΣCLP04, ΣPLB and TRN02 are the README's`, () => {
      const r = readSample(expected.file);
      expect(r.remittances).toHaveLength(1);
      const [rem] = r.remittances;
      expect(rem.payment.amount).toBe(expected.bpr02);
      expect(rem.claims).toHaveLength(expected.claims);
      expect(rem.claims.reduce((sum, c) => sum + c.paid, 0)).toBe(expected.clp04);
      expect(rem.plb.reduce((sum, p) => sum + p.amount, 0)).toBe(expected.plb);
      expect(rem.trace.number).toBe(expected.trn02);
    });

    it("finds the README's element, component and segment separators", () => {
      const read = readX12(readFileSync(pathOf(expected.file), "utf8"));
      if (!read.ok) throw new Error(read.error);
      const { element, component, segment } = read.interchange.delimiters;
      expect([element, component, segment]).toEqual(expected.delimiters);
    });

    it("balances: ΣCLP04 − ΣPLB = BPR02", () => {
      const balance = balanceRemittance(readSample(expected.file).remittances[0]);
      expect(balance).toMatchObject({ ok: true, difference: 0, totalPaid: expected.clp04, totalPlb: expected.plb });
    });
  });
  if (!present(expected.file)) {
    describe(expected.file, () =>
      it.skip(`skipped: ${pathOf(expected.file)} is missing (the shared sample data lives beside the project)`, () => {}),
    );
  }
}

const allPresent = TABLE.every((t) => present(t.file));
if (!allPresent) {
  describe("claim verdicts and what each sample exercises", () => it.skip(`skipped: some samples in ${folder} are missing`, () => {}));
}
describe.skipIf(!allPresent)("claim verdicts and what each sample exercises", () => {
  const verdicts = (file: string) => balanceRemittance(readSample(file).remittances[0]).claims;

  it("every claim and line balances, except the tertiary sample's line with no procedure code", () => {
    for (const { file } of TABLE.filter((t) => t.file !== "lfh_tertiary-payment.835")) {
      expect(verdicts(file).every((c) => c.ok && c.difference === 0)).toBe(true);
    }
    // SVC*HC*24599.00*1766.50*187.50**1: the code sits where the charge belongs, so the line reads as
    // charged $24,599.00, paid $1,766.50 with $1,579.00 adjusted; the claim's own totals balance.
    expect(verdicts("lfh_tertiary-payment.835")).toEqual([
      { claimIndex: 0, ok: false, difference: 0, lineProblems: [{ lineIndex: 0, difference: 2_125_350 }] },
    ]);
  });

  it("managed care: claim-level CO, line-level PR/CO, a DTM*150 service period as the date of service", () => {
    const [a, b] = readSample("lfh_managed-care.835").remittances[0].claims;
    expect(a.adjustments).toEqual([{ group: "CO", reason: "A2", amount: 5_000 }]);
    expect(a.lines[0]).toMatchObject({
      code: "99211",
      charge: 80_000,
      paid: 50_000,
      dos: "2002-03-01",
      adjustments: [{ group: "PR", reason: "1", amount: 30_000 }],
    });
    expect(b.lines[0].adjustments.map((x) => `${x.group}-${x.reason}`)).toEqual(["PR-1", "CO-45"]);
  });

  it("Medicare Part A: no service lines, claim-level CO-45, a negative PLB", () => {
    const rem = readSample("lfh_medicare-part-a.835").remittances[0];
    expect(rem.claims.map((c) => c.lines.length)).toEqual([0, 0]);
    expect(rem.claims[0].adjustments).toEqual([{ group: "CO", reason: "45", amount: 7_334_857 }]);
    expect(rem.plb).toEqual([{ providerId: "6543210903", fiscalDate: "2002-12-31", reason: "CV", reference: "CP", amount: -127 }]);
    expect(rem.payer.id).toBe("999");
  });

  it("secondary payment: status 2, two triplets in one CAS, an SVC composite written with >", () => {
    const r = readSample("lfh_secondary-payment.835");
    const [a, b] = r.remittances[0].claims;
    expect([a.status, b.status]).toEqual(["2", "2"]);
    expect(a.adjustments).toEqual([{ group: "OA", reason: "23", amount: 941_164 }]);
    expect(b.lines.map((l) => [l.code, l.modifiers])).toEqual([
      ["12345", ["26"]],
      ["66543", ["26"]],
    ]);
    expect(b.lines[1].adjustments).toEqual([
      { group: "PR", reason: "1", amount: 15_000 },
      { group: "PR", reason: "2", amount: 7_000 },
      { group: "CO", reason: "42", amount: 8_500 },
    ]);
    expect(r.warnings.map((w) => w.message).join("\n")).toMatch(/writes its codes with ">"/);
  });

  it("COB contractual adjustment: a negative CAS amount", () => {
    const [c] = readSample("lfh_cob-contractural-adjustment.835").remittances[0].claims;
    expect(c.lines[0].adjustments).toEqual([
      { group: "OA", reason: "23", amount: 51_600 },
      { group: "OA", reason: "94", amount: -900 },
    ]);
    expect(c.lines[0].code).toBe("55669");
  });

  it("the legacy UHC sample: one physical line with > components, REF*6R ids, AMT*B6, units, a PR CAS with a second triplet", () => {
    const r = readSample("ks_united_healthcare_legacy_sample.txt");
    expect(r.warnings).toEqual([]);
    expect(r.isaControl).toBe("444444444");
    const [a, b] = r.remittances[0].claims;
    expect(a.lines.map((l) => [l.code, l.units, l.lineId, l.allowed, l.dos])).toEqual([
      ["B4152", 234, "800941258001", 8_892, "2020-12-21"],
      ["B4152", 277, "800941258002", 10_526, "2021-01-01"],
    ]);
    expect(b.lines.map((l) => l.code)).toEqual(["B4154", "B4034", "B4154"]);
    expect(b.lines[2].adjustments).toEqual([
      { group: "PR", reason: "2", amount: 513 },
      { group: "PR", reason: "1", amount: 11_000 },
      { group: "CO", reason: "45", amount: 18_432 },
    ]);
    expect(a).toMatchObject({ serviceFrom: "2020-12-21", serviceTo: "2021-01-13", patientName: "MR, COOL" });
    expect(r.remittances[0].payer).toEqual({ name: "UNITED HEALTHCARE INSURANCE COMPANY", id: "87726" });
    expect(r.remittances[0].payee).toEqual({ name: "KLAUS MEDICAL CENTER", npi: "1922164458", taxId: "333333333" });
  });

  it("Blue Cross NC: no envelope (a warning), SE01 says 33 for 32 segments (a warning), SVC06 original codes", () => {
    const r = readSample("ks_blue_cross_nc_sample_no_envelope.txt");
    expect(r.isaControl).toBeUndefined();
    expect(r.warnings).toContainEqual({ message: expect.stringContaining("no ISA/GS envelope") });
    expect(r.warnings).toContainEqual({
      position: 32,
      message: expect.stringContaining("counts 33 segments, but transaction 1234 has 32"),
    });
    const [c] = r.remittances[0].claims;
    expect(c.lines.map((l) => [l.code, l.originalCode, l.lineId])).toEqual([
      ["59430", "59410", "0001"],
      ["59440", "59410", "0002"],
      ["59426", undefined, "0003"],
    ]);
  });
});
