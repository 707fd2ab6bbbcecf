// CPT, HCPCS Level II and modifier shapes: each category and rule with valid and invalid examples, the
// cells Excel changes (numbers that lost their zeros, -25), and the mix-ups between the code families.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCptFormat, checkHcpcsFormat, checkModifierFormat, checkProcedureCode, cptCategory } from "../../src/codes/procedureFormats";
import { passes, refused } from "./formatChecks";

describe("checkProcedureCode: the code of a service line, CPT or HCPCS Level II", () => {
  it.each([
    ["99213", "99213"],
    [99213, "99213"],
    [100, "00100"],
    ["0075t", "0075T"],
    [" j1100 ", "J1100"],
  ])("%j -> %s", (input, code) => {
    expect(passes(checkProcedureCode, input)).toBe(code);
  });

  it("gives the reason of the family the code seems meant for", () => {
    expect(refused(checkProcedureCode, "9921")).toBe('"9921" has 4 digits: CPT codes have 5 characters, like 99213');
    expect(refused(checkProcedureCode, 12)).toBe('"12" has 2 digits: CPT codes have 5 characters, like 99213');
    expect(refused(checkProcedureCode, "D0120")).toBe('"D0120": D codes are dental (ADA CDT), not HCPCS Level II');
    expect(refused(checkProcedureCode, "J11000")).toBe('"J11000" has 5 digits after its letter: HCPCS Level II codes have 4, like J1100');
  });
});

describe("checkCptFormat and cptCategory", () => {
  it.each([
    ["99213", "99213", "Category I"],
    [99213, "99213", "Category I"],
    ["3074f", "3074F", "Category II"],
    [" 0075T ", "0075T", "Category III"],
    ["0001U", "0001U", "PLA"],
    ["0002M", "0002M", "MAAA"],
    // anesthesia codes in a number cell lose their leading zeros
    [100, "00100", "Category I"],
    [1999, "01999", "Category I"],
  ])("%j -> %s (%s)", (input, code, category) => {
    expect(passes(checkCptFormat, input)).toBe(code);
    expect(cptCategory(code)).toBe(category);
  });

  it("has no category for anything that is not a CPT code", () => {
    expect(cptCategory("J1100")).toBeUndefined();
    expect(cptCategory("1234X")).toBeUndefined();
    expect(cptCategory("992131")).toBeUndefined();
  });

  it("refuses other shapes with the reason", () => {
    expect(refused(checkCptFormat, "9921")).toBe('"9921" has 4 digits: CPT codes have 5 characters, like 99213');
    expect(refused(checkCptFormat, 992131)).toMatch(/has 6 digits/);
    expect(refused(checkCptFormat, 25)).toMatch(/"25" has 2 digits/);
    expect(refused(checkCptFormat, "1234X")).toMatch(/ends in F \(Category II\), T \(Category III\), U \(PLA\) or M \(MAAA\)/);
    expect(refused(checkCptFormat, "J1100")).toMatch(/is a HCPCS Level II code .*not a CPT code/);
    expect(refused(checkCptFormat, "E11.9")).toMatch(/looks like an ICD-10 diagnosis code/);
    expect(refused(checkCptFormat, "99213-25")).toBe(
      '"99213-25" holds a code and a modifier: put 99213 in the code cell and 25 in a modifier cell',
    );
    expect(refused(checkCptFormat, "99213LT")).toMatch(/put 99213 in the code cell and LT/);
    expect(refused(checkCptFormat, "9921325")).toMatch(/has 7 digits/);
    expect(refused(checkCptFormat, "99213 25")).toMatch(/space inside/);
    expect(refused(checkCptFormat, 99213.5)).toBe("99213.5 is not a CPT code");
    expect(refused(checkCptFormat, "")).toBe("the CPT code is blank");
    expect(refused(checkCptFormat, "ABCDE")).toMatch(/is not a CPT code: 5 digits/);
  });

  it("reads a 5-digit code the same from a number cell and a text cell", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: 99999 }), (n) => {
        expect(checkCptFormat(n)).toEqual(checkCptFormat(String(n)));
        expect(checkCptFormat(` ${n} `)).toEqual({ ok: true, code: String(n) });
      }),
    );
  });
});

describe("checkHcpcsFormat", () => {
  it.each([
    ["J1100", "J1100"],
    ["j1100", "J1100"],
    [" G0439 ", "G0439"],
    ["A4253", "A4253"],
    ["V2020", "V2020"],
    ["E0100", "E0100"],
  ])("%j -> %s", (input, expected) => {
    expect(passes(checkHcpcsFormat, input)).toBe(expected);
  });

  it("refuses D codes: they are dental", () => {
    expect(refused(checkHcpcsFormat, "D0120")).toBe('"D0120": D codes are dental (ADA CDT), not HCPCS Level II');
    expect(refused(checkHcpcsFormat, "d2740")).toMatch(/D codes are dental/);
  });

  it("refuses letters after V, CPT codes, wrong lengths and a modifier in the code cell", () => {
    expect(refused(checkHcpcsFormat, "X1234")).toMatch(/start with a letter from A to V/);
    expect(refused(checkHcpcsFormat, "W1234")).toMatch(/from A to V/);
    expect(refused(checkHcpcsFormat, "99213")).toMatch(/is a CPT code \(HCPCS Level I\)/);
    expect(refused(checkHcpcsFormat, 99213)).toMatch(/is a CPT code/);
    expect(refused(checkHcpcsFormat, "3074F")).toMatch(/is a CPT code/);
    expect(refused(checkHcpcsFormat, "J110")).toMatch(/has 3 digits after its letter: HCPCS Level II codes have 4/);
    expect(refused(checkHcpcsFormat, "J11000")).toMatch(/has 5 digits/);
    expect(refused(checkHcpcsFormat, "J1100-JW")).toMatch(/put J1100 in the code cell and JW in a modifier cell/);
    expect(refused(checkHcpcsFormat, "J1100JW")).toMatch(/put J1100 in the code cell and JW/);
    expect(refused(checkHcpcsFormat, "E11.65")).toMatch(/looks like an ICD-10 diagnosis code/);
    expect(refused(checkHcpcsFormat, "JA100")).toMatch(/is not a HCPCS Level II code/);
    expect(refused(checkHcpcsFormat, null)).toBe("the HCPCS code is blank");
  });

  it("accepts exactly a letter A-V other than D and 4 digits", () => {
    fc.assert(
      fc.property(fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"), fc.integer({ min: 0, max: 9999 }), (letter, n) => {
        const code = `${letter}${String(n).padStart(4, "0")}`;
        expect(checkHcpcsFormat(code.toLowerCase()).ok).toBe(letter <= "V" && letter !== "D");
      }),
    );
  });
});

describe("checkModifierFormat", () => {
  it.each([
    ["25", "25"],
    [25, "25"],
    [59, "59"],
    ["lt", "LT"],
    [" GT ", "GT"],
    ["XU", "XU"],
    ["Q5", "Q5"],
  ])("%j -> %s", (input, expected) => {
    expect(passes(checkModifierFormat, input)).toBe(expected);
  });

  it("refuses other lengths, hyphens, and several modifiers in one cell", () => {
    expect(refused(checkModifierFormat, "5")).toBe('"5" is not a modifier: modifiers have 2 letters or digits, like 25, 59 or LT');
    expect(refused(checkModifierFormat, 5)).toMatch(/is not a modifier/);
    expect(refused(checkModifierFormat, "RTL")).toMatch(/modifiers have 2 letters or digits/);
    expect(refused(checkModifierFormat, "-59")).toBe('"-59": write the modifier without the hyphen (59)');
    expect(refused(checkModifierFormat, -25)).toBe("-25: write the modifier without the hyphen (25)");
    expect(refused(checkModifierFormat, "25,59")).toMatch(/holds more than one modifier: one per cell/);
    expect(refused(checkModifierFormat, "25-59")).toMatch(/holds several modifiers: one modifier per cell/);
    expect(refused(checkModifierFormat, "")).toBe("the modifier is blank");
    expect(refused(checkModifierFormat, false)).toBe("FALSE is not a modifier");
  });
});
