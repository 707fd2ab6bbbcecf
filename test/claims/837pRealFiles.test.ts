// read837p on the real 837P samples in ../shared/data/x12-837/ (imsweb/x12-parser's test files): the
// claim counts, ΣCLM02 and service lines that data/README.md gives, the separators each file declares,
// and their SE01 counts that do not match their segments, reported as warnings. Read as the claim
// model, their billing NPIs (which fail the check digit) are flagged by the scrubber. A file that is
// missing skips its own test only, and says so in the test name.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { read837p, toClaim } from "../../src/claims/837pRead";
import { scrubClaims } from "../../src/claims/scrubber";
import { readX12 } from "../../src/x12/x12Reader";
import { sharedDataPresent } from "../sharedData";

const DIR = resolve(__dirname, "../../../shared/data/x12-837");

interface Expected {
  file: string;
  delimiters: { element: string; component: string; segment: string };
  transactions: number;
  claims: number;
  /** ΣCLM02 in cents. */
  total: number;
  lines: number;
  /** SE01 as written and the segments the transaction really has, per transaction. */
  seCounts: [number, number][];
}

// data/README.md "x12-837/"; the real segment counts are the reader's, checked by hand for the first file.
const FILES: Expected[] = [
  {
    file: "ims_valid_different_separators_837p.txt",
    delimiters: { element: "~", component: "^", segment: "_" },
    transactions: 1,
    claims: 2,
    total: 100_000,
    lines: 2,
    seCounts: [[25, 34]],
  },
  {
    file: "ims_complex_837p.txt",
    delimiters: { element: "*", component: ":", segment: "~" },
    transactions: 2,
    claims: 6,
    total: 300_000,
    lines: 10,
    seCounts: [
      [25, 147],
      [26, 147],
    ],
  },
];

for (const expected of FILES) {
  const path = resolve(DIR, expected.file);
  const present = sharedDataPresent(path);
  describe(`${expected.file}${present ? "" : " (missing from ../shared/data/x12-837: skipped)"}`, () => {
    const text = () => readFileSync(path, "utf8");

    it.skipIf(!present)("holds the claims, ΣCLM02 and service lines of data/README.md, in its own separators", () => {
      const read = read837p(text());
      if (!read.ok) throw new Error(read.error);
      expect(read.claims).toHaveLength(expected.claims);
      expect(read.claims.reduce((sum, c) => sum + c.total, 0)).toBe(expected.total);
      expect(read.claims.reduce((sum, c) => sum + c.lines.length, 0)).toBe(expected.lines);
      expect(new Set(read.claims.map((c) => c.transaction)).size).toBe(expected.transactions);
      const x12 = readX12(text());
      expect(x12.ok && x12.interchange.delimiters).toMatchObject(expected.delimiters);
      for (const claim of read.claims) {
        expect(claim.claimId).toMatch(/^A37YH\d{3}$/);
        expect(claim).toMatchObject({ pos: "11", frequency: "1" });
        expect(claim.diagnoses.length).toBeGreaterThanOrEqual(3);
        for (const line of claim.lines) {
          expect(line.code).not.toBe("");
          expect(line.charge).toBeGreaterThan(0);
          expect(line.dos).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(line.pointers.length).toBeGreaterThanOrEqual(1);
        }
      }
    });

    it.skipIf(!present)("reports each SE01 count that does not match the transaction's segments", () => {
      const read = read837p(text());
      if (!read.ok) throw new Error(read.error);
      const se = read.warnings.filter((w) => w.startsWith("The SE trailer"));
      expect(se).toEqual(
        expected.seCounts.map(([said, has]) =>
          expect.stringMatching(new RegExp(`counts ${said} segments, but transaction \\d+ has ${has}\\.$`)),
        ),
      );
    });

    it.skipIf(!present)("reads as claims the scrubber flags for their billing NPI, which fails its check digit", () => {
      const read = read837p(text());
      if (!read.ok) throw new Error(read.error);
      const claims = read.claims.map(toClaim);
      expect(claims.every((c) => c.billing.npi === "1234567890")).toBe(true);
      const report = scrubClaims(claims, { today: "2026-03-16" });
      for (const result of report.results) expect(result.problems.map((p) => p.rule)).toContain("billing-npi");
    });
  });
}

describe("ims_valid_different_separators_837p.txt in detail", () => {
  const path = resolve(DIR, "ims_valid_different_separators_837p.txt");
  const present = sharedDataPresent(path);
  it.skipIf(!present)("reads composites with ^, a service period (RD8) and pointers 1^2^3", () => {
    const read = read837p(readFileSync(path, "utf8"));
    if (!read.ok) throw new Error(read.error);
    const [first, second] = read.claims;
    expect(first).toMatchObject({ claimId: "A37YH556", total: 50_000, diagnoses: ["8901", "87200", "5559"] });
    expect(first.subscriber).toMatchObject({ name: "DOE", firstName: "JOHN", id: "123456", idQualifier: "MI" });
    expect(first.payer).toMatchObject({ name: "HEALTH INSURANCE COMPANY", id: "11122333" });
    expect(first.billing).toMatchObject({ id: "1234567890", ein: "123456789", address: { city: "CALVERTON", zip: "20705" } });
    expect(first.lines[0]).toMatchObject({
      code: "99211",
      modifiers: ["25"],
      charge: 1_225,
      units: 1,
      pos: "11",
      pointers: [1],
      dos: "2005-03-14",
      dosTo: "2005-03-25",
    });
    expect(second.lines[0]).toMatchObject({ code: "478331", pointers: [1, 2, 3], lineNumber: 2 });
    // Its HI writes qualifier and code as separate elements: read pairwise, and said once.
    expect(read.warnings.filter((w) => w.includes("(HI)"))).toHaveLength(1);
  });
});

describe("ims_complex_837p.txt in detail", () => {
  const path = resolve(DIR, "ims_complex_837p.txt");
  const present = sharedDataPresent(path);
  it.skipIf(!present)("keeps each claim's own subscriber and payer past the other-payer loops, and reads a patient loop", () => {
    const read = read837p(readFileSync(path, "utf8"));
    if (!read.ok) throw new Error(read.error);
    const [a, b, c] = read.claims;
    expect(a.subscriber).toMatchObject({ name: "DOE", firstName: "JOHN" });
    expect(a.payer.name).toBe("HEALTH INSURANCE COMPANY");
    expect(a.lines.map((l) => l.charge)).toEqual([1_225, 1_326]);
    expect(a.renderingNpi).toBe("1223939");
    expect(b.subscriber).toMatchObject({ name: "DOE", firstName: "DAVID" });
    expect(b.patient).toMatchObject({ name: "JONES", firstName: "STEVEN", dob: "1989-09-16", sex: "M" });
    expect(b.payer.name).toBe("HEALTH INSURANCE COMPANY TWO");
    expect(b.lines[0]).toMatchObject({ renderingNpi: "303304", pointers: [1, 2, 3] });
    expect(c.patient).toMatchObject({ name: "JONES" });
    expect(c.lines.map((l) => l.dos)).toEqual(["2017-06-23", "2017-06-24"]);
    expect(read.warnings).toContain("The GE trailer at segment 297 counts 1 transactions, but the group has 2.");
  });
});
