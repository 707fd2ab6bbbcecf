// The single entry point (checkCodeFormat), the kind names a biller types for MEDBILL.CODECHECK, the
// guess of a kind from a code's shape with its documented tie-breaks, and the cell reading all kinds share.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCodeFormat, CODE_KIND_NAMES, CODE_KINDS, codeKindFromName, guessCodeKind, type CodeKind } from "../../src/codes/codeKinds";
import { icd10WithDot } from "../../src/codes/icd10Format";
import { npiCheckDigit } from "../../src/codes/npi";

describe("checkCodeFormat", () => {
  // One code that only its own kind accepts, so a wrong route would show.
  const examples: Record<CodeKind, [unknown, string]> = {
    icd10: ["e11.9", "E119"],
    cpt: ["3074f", "3074F"],
    hcpcs: ["j1100", "J1100"],
    modifier: ["lt", "LT"],
    pos: [2, "02"],
    npi: [1234567893, "1234567893"],
    ndc: ["1234-5678-90", "01234567890"],
    ein: ["12-3456789", "12-3456789"],
    taxonomy: ["207q00000x", "207Q00000X"],
  };

  it("sends each kind to its own check", () => {
    for (const kind of CODE_KINDS) {
      const [input, code] = examples[kind];
      expect([kind, checkCodeFormat(kind, input)]).toEqual([kind, { ok: true, code }]);
      // A letter and 4 digits is also an ICD-10 shape (J11.00 exists): the one overlap no example avoids.
      for (const other of CODE_KINDS.filter((k) => k !== kind && !(kind === "hcpcs" && k === "icd10"))) {
        expect([kind, other, checkCodeFormat(other, input).ok]).toEqual([kind, other, false]);
      }
    }
  });

  it("names every kind for messages", () => {
    expect(Object.keys(CODE_KIND_NAMES).sort()).toEqual([...CODE_KINDS].sort());
  });
});

describe("codeKindFromName", () => {
  it.each([
    ["ICD10", "icd10"],
    ["ICD-10", "icd10"],
    ["icd-10-cm", "icd10"],
    ["Dx", "icd10"],
    ["CPT", "cpt"],
    ["HCPCS", "hcpcs"],
    ["hcpcs level II", "hcpcs"],
    ["Modifier", "modifier"],
    ["Place of service", "pos"],
    ["POS", "pos"],
    ["npi", "npi"],
    ["NDC11", "ndc"],
    ["Tax ID", "ein"],
    ["EIN", "ein"],
    ["Taxonomy", "taxonomy"],
  ])("%j -> %s", (name, kind) => {
    expect(codeKindFromName(name)).toBe(kind);
  });

  it("knows nothing else", () => {
    expect(codeKindFromName("drg")).toBeUndefined();
    expect(codeKindFromName("toString")).toBeUndefined();
    expect(codeKindFromName("")).toBeUndefined();
    expect(codeKindFromName(null)).toBeUndefined();
  });
});

describe("guessCodeKind", () => {
  it.each([
    ["E11.9", "icd10"],
    ["e11.9", "icd10"],
    ["E119", "icd10"],
    ["S62501A", "icd10"],
    ["S62.5X0A", "icd10"],
    ["I10", "icd10"],
    ["250.00", "icd10"], // so the check can say it looks like ICD-9
    ["E11.65", "icd10"],
    ["E1165", "hcpcs"], // a letter and 4 digits without a dot: HCPCS first (documented tie-break)
    ["J1100", "hcpcs"],
    ["D0120", "hcpcs"], // so the check can say D codes are dental
    ["Z0000", "icd10"], // W-Z are not HCPCS letters
    ["99213", "cpt"],
    [" 0075t ", "cpt"],
    ["0001U", "cpt"],
    ["3074F", "cpt"],
    [99213, "cpt"],
    [100, "cpt"],
    ["1234567893", "npi"],
    [1234567893, "npi"],
    ["3234567893", "ndc"],
    ["12345678901", "ndc"],
    [12345678901, "ndc"],
    ["1234-5678-90", "ndc"],
    ["12345-6789-01", "ndc"],
    ["12-3456789", "ein"],
    ["123456789", "ein"],
    [12345678, "ein"],
    ["207Q00000X", "taxonomy"],
    ["11", "pos"],
    [11, "pos"],
    [2, "pos"],
    ["25", "pos"], // numeric modifiers look like POS codes: POS wins (documented)
    ["LT", "modifier"],
    ["q5", "modifier"],
  ])("%j -> %s", (code, kind) => {
    expect(guessCodeKind(code)).toBe(kind);
  });

  it.each([[""], ["hello"], ["1"], ["1234"], ["99213-25"], [null], [true], [12.5], ["1234567"]])("%j -> undefined", (code) => {
    expect(guessCodeKind(code)).toBeUndefined();
  });

  const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
  const validNpi = fc
    .tuple(fc.constantFrom("1", "2"), digits(8))
    .map(([first, rest]) => first + rest)
    .map((first9) => first9 + npiCheckDigit(first9));
  const shapes: [CodeKind, fc.Arbitrary<string>][] = [
    ["icd10", fc.stringMatching(/^[A-TV-Z]\d[0-9A-Z][0-9A-Z]{1,4}$/).map(icd10WithDot)],
    [
      "cpt",
      fc.oneof(
        digits(5),
        fc.tuple(digits(4), fc.constantFrom("F", "T", "U", "M")).map(([d, l]) => d + l),
      ),
    ],
    ["hcpcs", fc.stringMatching(/^[A-CE-V]\d{4}$/)],
    ["npi", validNpi],
    [
      "ndc",
      fc.oneof(
        digits(11),
        fc.tuple(digits(5), digits(4), digits(2)).map((s) => s.join("-")),
      ),
    ],
    ["taxonomy", fc.stringMatching(/^\d{3}[0-9A-Z]{6}X$/)],
    ["modifier", fc.stringMatching(/^([A-Z][0-9A-Z]|\d[A-Z])$/)],
  ];

  it("guesses the kind of every code of an unambiguous shape, which its check then reads", () => {
    for (const [kind, arbitrary] of shapes) {
      fc.assert(
        fc.property(arbitrary, (code) => {
          expect([code, guessCodeKind(code)]).toEqual([code, kind]);
          expect(guessCodeKind(code.toLowerCase())).toBe(kind);
          // Every guessed shape is one the check understands (refusals there are about content: U, S, X rules).
          const check = checkCodeFormat(kind, code);
          if (!check.ok) expect(check.reason).not.toMatch(/is not an? /);
        }),
      );
    }
  });
});

describe("reading a code out of a cell (shared by every check)", () => {
  it("trims text, including non-breaking spaces, and upper-cases it", () => {
    for (const kind of CODE_KINDS) expect(checkCodeFormat(kind, "\u00a0 ").ok).toBe(false);
    expect(checkCodeFormat("modifier", "\u00a0lt\u00a0")).toEqual({ ok: true, code: "LT" });
  });

  it("refuses blanks, booleans, fractions, negatives and objects in a biller's words", () => {
    expect(checkCodeFormat("taxonomy", undefined)).toEqual({ ok: false, reason: "the taxonomy code is blank" });
    expect(checkCodeFormat("ndc", true)).toEqual({ ok: false, reason: "TRUE is not an NDC" });
    expect(checkCodeFormat("cpt", -99213)).toEqual({ ok: false, reason: "-99213 is not a CPT code" });
    expect(checkCodeFormat("ein", 1.5)).toEqual({ ok: false, reason: "1.5 is not an EIN" });
    expect(checkCodeFormat("hcpcs", new Date(0))).toEqual({ ok: false, reason: "this cell does not hold a HCPCS code" });
  });

  it("shortens a long pasted value in the message", () => {
    const check = checkCodeFormat("taxonomy", "X".repeat(200));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason.length).toBeLessThan(120);
  });
});
