// NDC, EIN, taxonomy and NPI: DOMAIN.md's conversions and edge cases, the cells Excel turns into numbers,
// and every NPI example in the shared sample data judged as its luhn_80840_valid column says.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCodeFormat } from "../../src/codes/codeKinds";
import { checkEin } from "../../src/codes/ein";
import { checkNdc, ndcWithHyphens } from "../../src/codes/ndc";
import { checkTaxonomyFormat } from "../../src/codes/taxonomy";
import { passes, refused } from "./formatChecks";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const npiExamples = path.resolve(projectRoot, "../shared/data/npi/npi_check_examples.csv");
const haveNpiExamples = sharedDataPresent(npiExamples);

describe("checkNdc: to the 11 digits a claim carries", () => {
  it.each([
    ["1234-5678-90", "01234567890"], // 4-4-2: the labeler gets the zero
    ["12345-678-90", "12345067890"], // 5-3-2: the product gets the zero
    ["12345-6789-0", "12345678900"], // 5-4-1: the package gets the zero
    ["12345-6789-01", "12345678901"], // 5-4-2: already 11
    ["00002-1433-80", "00002143380"],
    ["12345678901", "12345678901"],
    [" 0002-1433-80 ", "00002143380"],
    [12345678901, "12345678901"],
  ])("%j -> %s", (input, expected) => {
    expect(passes(checkNdc, input)).toBe(expected);
  });

  it("refuses 10 digits without hyphens: nobody can tell which segment is short", () => {
    expect(refused(checkNdc, "1234567890")).toMatch(/has 10 digits and no hyphens: it could be 4-4-2, 5-3-2 or 5-4-1.*with its hyphens/);
    expect(refused(checkNdc, 1234567890)).toMatch(/it could be 4-4-2, 5-3-2 or 5-4-1/);
  });

  it("refuses number cells that lost their leading zeros, other layouts and other characters", () => {
    expect(refused(checkNdc, 2143380)).toMatch(/stored as a number, which dropped its leading zeros/);
    expect(refused(checkNdc, 123456789012)).toMatch(/has 12 digits/);
    expect(refused(checkNdc, "123-4567-89")).toMatch(/is laid out 3-4-2: an NDC is 4-4-2, 5-3-2 or 5-4-1 \(10 digits\), or 5-4-2/);
    expect(refused(checkNdc, "1234-567-89")).toMatch(/laid out 4-3-2/);
    expect(refused(checkNdc, "12345-67890")).toMatch(/needs 3 segments/);
    expect(refused(checkNdc, "123456789")).toMatch(/has 9 digits/);
    expect(refused(checkNdc, "N412345678901")).toMatch(/claim qualifier N4: write only the 11 digits \(12345678901\)/);
    expect(refused(checkNdc, "12345-6789-0A")).toMatch(/only digits and hyphens/);
    expect(refused(checkNdc, "")).toBe("the NDC is blank");
  });

  it("writes 11 digits as 5-4-2", () => {
    expect(ndcWithHyphens("01234567890")).toBe("01234-5678-90");
  });

  it("turns every 10-digit layout into 11 digits that keep the segments, and 5-4-2 back to the same", () => {
    const layouts: [number, number, number][] = [
      [4, 4, 2],
      [5, 3, 2],
      [5, 4, 1],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...layouts), fc.stringMatching(/^\d{10}$/), ([a, b], digits) => {
        const hyphenated = `${digits.slice(0, a)}-${digits.slice(a, a + b)}-${digits.slice(a + b)}`;
        const ndc11 = passes(checkNdc, hyphenated);
        expect(ndc11).toMatch(/^\d{11}$/);
        const [labeler, product, pack] = ndcWithHyphens(ndc11).split("-");
        expect([Number(labeler), Number(product), Number(pack)]).toEqual(hyphenated.split("-").map(Number));
        expect(checkNdc(ndcWithHyphens(ndc11))).toEqual({ ok: true, code: ndc11 });
      }),
    );
  });
});

describe("checkEin", () => {
  it.each([
    ["12-3456789", "12-3456789"],
    ["123456789", "12-3456789"],
    [123456789, "12-3456789"],
    [" 01-2345678 ", "01-2345678"],
    // a number cell drops the zero of prefixes 01-06
    [12345678, "01-2345678"],
  ])("%j -> %s", (input, expected) => {
    expect(passes(checkEin, input)).toBe(expected);
  });

  it("refuses prefixes the IRS never issues", () => {
    expect(refused(checkEin, "07-1234567")).toBe("EIN 07-1234567: prefix 07 is never issued by the IRS (mistyped?)");
    for (const prefix of ["00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"]) {
      expect(refused(checkEin, `${prefix}1234567`)).toMatch(`prefix ${prefix} is never issued`);
    }
  });

  it("refuses wrong lengths, hyphens elsewhere and an SSN without repeating it", () => {
    expect(refused(checkEin, "12-345678")).toMatch(/has 8 digits: an EIN has 9/);
    expect(refused(checkEin, 1234567)).toMatch(/has 7 digits/);
    expect(refused(checkEin, "123-456789")).toMatch(/write it NN-NNNNNNN/);
    const ssn = refused(checkEin, "123-45-6789");
    expect(ssn).toMatch(/looks like a Social Security number/);
    expect(ssn).not.toMatch(/6789/);
    expect(refused(checkEin, "12-345678A")).toMatch(/only digits and one hyphen/);
  });

  it("answers the same with and without the hyphen, and refuses exactly the never-issued prefixes", () => {
    const never = new Set(["00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96", "97"]);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (digits) => {
        const hyphenated = checkEin(`${digits.slice(0, 2)}-${digits.slice(2)}`);
        expect(checkEin(digits)).toEqual(hyphenated);
        expect(hyphenated.ok).toBe(!never.has(digits.slice(0, 2)));
      }),
    );
  });
});

describe("checkTaxonomyFormat", () => {
  it.each([
    ["207Q00000X", "207Q00000X"],
    ["207q00000x", "207Q00000X"],
    [" 363LF0000X ", "363LF0000X"],
    ["261QF0400X", "261QF0400X"],
  ])("%j -> %s", (input, expected) => {
    expect(passes(checkTaxonomyFormat, input)).toBe(expected);
  });

  it("refuses other shapes", () => {
    expect(refused(checkTaxonomyFormat, "207Q00000")).toBe('taxonomy code "207Q00000" has 9 characters: it needs 10, like 207Q00000X');
    expect(refused(checkTaxonomyFormat, "207Q000000")).toMatch(/must end in X/);
    expect(refused(checkTaxonomyFormat, "20AQ00000X")).toMatch(/must start with 3 digits/);
    expect(refused(checkTaxonomyFormat, "207Q0000-X")).toMatch(/only letters and digits/);
    expect(refused(checkTaxonomyFormat, 2070000000)).toMatch(/must end in X/);
  });
});

describe("NPI through checkCodeFormat", () => {
  it("passes a valid NPI as text and as a number, and gives the reason otherwise", () => {
    expect(checkCodeFormat("npi", "1234567893")).toEqual({ ok: true, code: "1234567893" });
    expect(checkCodeFormat("npi", 1234567893)).toEqual({ ok: true, code: "1234567893" });
    expect(refused((v) => checkCodeFormat("npi", v), "1234567890")).toMatch(/fails its check digit/);
    expect(refused((v) => checkCodeFormat("npi", v), "3234567893")).toMatch(/must start with 1 or 2/);
  });
});

/** The examples file: value, luhn_80840_valid, ... with quoted notes that may hold commas. */
function readNpiExamples(): { value: string; valid: boolean }[] {
  const [header, ...rows] = readFileSync(npiExamples, "utf8")
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((field) => field.replace(/,$/, "").replace(/^"|"$/g, "")));
  const value = header.indexOf("value");
  const valid = header.indexOf("luhn_80840_valid");
  return rows.map((fields) => ({ value: fields[value], valid: fields[valid] === "True" }));
}

describe.skipIf(!haveNpiExamples)("NPI examples in ../shared/data/npi/npi_check_examples.csv", () => {
  it("behave as their luhn_80840_valid column says, as text and (all digits) as numbers", () => {
    const examples = readNpiExamples();
    expect(examples).toHaveLength(18);
    expect(examples.filter((e) => e.valid).length).toBeGreaterThan(3);
    for (const e of examples) {
      expect([e.value, checkCodeFormat("npi", e.value).ok]).toEqual([e.value, e.valid]);
      if (/^\d+$/.test(e.value)) expect([e.value, checkCodeFormat("npi", Number(e.value)).ok]).toEqual([e.value, e.valid]);
    }
  });
});

if (!haveNpiExamples) {
  describe("NPI examples in the shared sample data", () => {
    it.skip(`skipped: ${npiExamples} is missing (the shared sample data lives beside the project)`, () => {});
  });
}
