// ICD-10-CM format rules: DOMAIN.md's shape and edge cases, the typos a biller makes, and the 7th-character
// rules checked against the real CMS FY2025 order file (no billable code may be refused by a shape rule).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkIcd10Format, icd10WithDot } from "../../src/codes/icd10Format";
import { passes, refused } from "./formatChecks";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const icdZip = path.resolve(projectRoot, "../shared/data/icd10cm/cms_2025_dx.zip");
const haveZip = sharedDataPresent(icdZip);

const code = (input: unknown) => passes(checkIcd10Format, input);
const reason = (input: unknown) => refused(checkIcd10Format, input);

describe("checkIcd10Format: valid codes come back upper case without the dot", () => {
  it.each([
    ["E11.9", "E119"],
    ["E119", "E119"],
    [" e11.9 ", "E119"],
    ["\u00a0I10\t", "I10"],
    ["E11", "E11"],
    ["S62.5X0A", "S625X0A"],
    ["S72.001A", "S72001A"],
    ["s02.0xxa", "S020XXA"],
    ["U07.1", "U071"],
    ["U07.0", "U070"],
    ["U09.9", "U099"],
    ["C4A.0", "C4A0"],
    ["Z3A.00", "Z3A00"],
    ["M54.50", "M5450"],
    // X as a real character (not a placeholder) in billable 6-character codes of FY2025
    ["H21.1X1", "H211X1"],
    ["J09.X1", "J09X1"],
    ["M01.X0", "M01X0"],
    ["T87.0X1", "T870X1"],
  ])("%j -> %s", (input, expected) => {
    expect(code(input)).toBe(expected);
  });
});

describe("checkIcd10Format: what is refused, and why", () => {
  it("needs the 7th character of an injury code (the issue's example)", () => {
    expect(reason("S62.5X0")).toMatch(/^S62\.5X0 needs a 7th character/);
    expect(reason("S625X0")).toMatch(/^S62\.5X0 needs a 7th character/);
  });

  it("says an injury code shorter than 6 is unfinished, and shows where a too-early 7th character goes", () => {
    expect(reason("S62")).toMatch(/S62 is unfinished: injury codes \(S00-S99\) always have 7 characters/);
    expect(reason("S62.50")).toMatch(/S62\.50 is unfinished/);
    expect(reason("S02.0A")).toMatch(/S02\.0A puts its 7th character too early.*\(S02\.0XXA\)/);
    expect(reason("S62.90A")).toMatch(/\(S62\.90XA\)/);
  });

  it("refuses a code that ends in the placeholder X", () => {
    expect(reason("T36.0X")).toMatch(
      /T36\.0X is unfinished: no billable code ends in X \(a placeholder X pads a code out to its 7th character/,
    );
    expect(reason("H54.0X")).toMatch(/unfinished/);
    expect(reason("S62.5X")).toMatch(/unfinished/);
  });

  it("allows U codes only where CDC assigned them", () => {
    expect(reason("U12.3")).toBe("U12.3 is not in use: the only U codes are U07.0, U07.1 and U09.9");
    expect(reason("U07.2")).toMatch(/only U codes are U07\.0, U07\.1 and U09\.9/);
    expect(reason("U99")).toMatch(/not in use/);
    // The two categories exist in the CMS file: the code set, not the shape, calls them headers.
    expect(code("U07")).toBe("U07");
    expect(code("U09")).toBe("U09");
  });

  it("says where the dot belongs", () => {
    expect(reason("E1.19")).toBe('"E1.19" has its dot in the wrong place: the dot goes after the 3rd character (E11.9)');
    expect(reason("E119.")).toMatch(/\(E11\.9\)/);
    expect(reason("E11.")).toMatch(/ends with a dot: write E11/);
    expect(reason("E1.1.9")).toMatch(/more than one dot/);
  });

  it("catches the letter O and I typed for 0 and 1 in the second place, and a zero for the letter O", () => {
    expect(reason("EO1.1")).toMatch(/did you mean 0 \(zero\) instead of the letter O\?/);
    expect(reason("eo11")).toMatch(/did you mean 0 \(zero\)/);
    expect(reason("MI7.11")).toMatch(/did you mean 1 \(one\) instead of the letter I\?/);
    expect(reason("0A9.0")).toMatch(/did you mean O \(the letter\) instead of 0 \(zero\)\?/);
    expect(reason("EA1.9")).toMatch(/the second character must be a digit/);
  });

  it("refuses lengths outside 3-7, other characters, and several codes in one cell", () => {
    expect(reason("E1")).toMatch(/too short: ICD-10-CM codes have 3 to 7 characters/);
    expect(reason("S62501AA")).toMatch(/too long/);
    expect(reason("E11-9")).toMatch(/only letters, digits and one dot/);
    expect(reason("E11.9,I10")).toMatch(/holds more than one ICD-10 code/);
    expect(reason("E11.9/I10")).toMatch(/more than one code/);
    expect(reason("E11 .9")).toMatch(/has a space inside/);
  });

  it("recognises ICD-9 codes and numbers", () => {
    expect(reason("250.00")).toMatch(/looks like an old ICD-9 code/);
    expect(reason(250)).toMatch(/is a number: ICD-10-CM codes start with a letter.*ICD-9/);
    expect(reason(4019)).toMatch(/is a number/);
    expect(reason("123")).toMatch(/ICD-9/);
    expect(reason("1E1")).toMatch(/start with a letter/);
  });

  it("refuses blanks and non-text cells", () => {
    expect(reason("")).toBe("the ICD-10 code is blank");
    expect(reason("   ")).toBe("the ICD-10 code is blank");
    expect(reason(null)).toBe("the ICD-10 code is blank");
    expect(reason(true)).toBe("TRUE is not an ICD-10 code");
  });

  it("shows codes with their dot in messages and in icd10WithDot", () => {
    expect(icd10WithDot("E119")).toBe("E11.9");
    expect(icd10WithDot("S625X0A")).toBe("S62.5X0A");
    expect(icd10WithDot("I10")).toBe("I10");
  });
});

// Codes of the DOMAIN.md shape, drawn so that the letter is not U (assigned one by one) and the placeholder
// and injury rules may or may not apply: the property is about the dot, case and spaces, not validity.
const icdShape = fc
  .tuple(
    fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTVWXYZ"),
    fc.integer({ min: 0, max: 9 }),
    fc.constantFrom(..."0123456789ABX"),
    fc.array(fc.constantFrom(..."0123456789ADSX"), { maxLength: 4 }),
  )
  .map(([letter, digit, third, rest]) => `${letter}${digit}${third}${rest.join("")}`);

describe("checkIcd10Format properties", () => {
  it("gives the same answer with and without the dot, in any case, with spaces around", () => {
    fc.assert(
      fc.property(icdShape, (plain) => {
        const dotted = icd10WithDot(plain);
        const results = [plain, dotted, dotted.toLowerCase(), `  ${plain.toLowerCase()} `].map(checkIcd10Format);
        for (const r of results) expect(r).toEqual(results[0]);
        if (results[0].ok) expect(results[0].code).toBe(plain);
      }),
    );
  });

  it("accepts every 7-character code of the shape", () => {
    fc.assert(
      fc.property(
        icdShape.filter((c) => c.length === 7),
        (plain) => {
          expect(checkIcd10Format(icd10WithDot(plain))).toEqual({ ok: true, code: plain });
        },
      ),
    );
  });

  it("refuses a dot in any place other than after the 3rd character", () => {
    fc.assert(
      fc.property(
        icdShape.filter((c) => c.length >= 4),
        fc.integer({ min: 1, max: 6 }),
        (plain, at) => {
          fc.pre(at !== 3 && at < plain.length);
          const r = checkIcd10Format(`${plain.slice(0, at)}.${plain.slice(at)}`);
          expect(r.ok).toBe(false);
          // "E000.0" has the shape of an ICD-9 external-cause code, and is told so instead.
          if (!r.ok) expect(r.reason).toMatch(/dot in the wrong place|old ICD-9 code/);
        },
      ),
    );
  });
});

// The real FY2025 order file: the shape rules must never refuse a billable code, and every code they
// refuse must be a header in the file (so the rules only say earlier what the code set would say).
function readOrderFile(): { code: string; billable: boolean }[] {
  const files = unzipSync(new Uint8Array(readFileSync(icdZip)), { filter: (f) => /order_\d{4}\.txt$/.test(f.name) });
  const text = new TextDecoder().decode(Object.values(files)[0]);
  return text
    .split(/\r?\n/)
    .filter((line) => line.length > 15)
    .map((line) => ({ code: line.slice(6, 13).trim(), billable: line[14] === "1" }));
}

describe.skipIf(!haveZip)("checkIcd10Format against the CMS FY2025 order file (../shared/data/icd10cm)", () => {
  it("passes every billable code and refuses only headers", () => {
    const rows = readOrderFile();
    expect(rows).toHaveLength(97_584);
    const refused = rows.filter((row) => !checkIcd10Format(icd10WithDot(row.code)).ok);
    expect(refused.filter((row) => row.billable)).toEqual([]);
    // Headers caught early: short S codes, codes ending in X. The rest pass and are left to the code set.
    expect(refused.length).toBeGreaterThan(1000);
    expect(refused.map((row) => row.code)).toEqual(expect.arrayContaining(["S62", "S625", "T360X", "H540X"]));
    for (const row of rows.filter((r) => r.billable)) expect(checkIcd10Format(row.code)).toEqual({ ok: true, code: row.code });
  });
});

if (!haveZip) {
  describe("checkIcd10Format against the CMS FY2025 order file", () => {
    it.skip(`skipped: ${icdZip} is missing (the shared sample data lives beside the project)`, () => {});
  });
}
