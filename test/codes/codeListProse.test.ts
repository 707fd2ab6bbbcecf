import { describe, expect, it } from "vitest";
import { parseCodeList } from "../../src/codes/codeList";

describe("two-column lists", () => {
  it("refuses a prose file instead of importing its stray words as codes", () => {
    const prose = ["# Notes", "", "Call the payer about claim 12.", "Then post the check and file the EOB.", "ok fine", "A1 note"].join(
      "\n",
    );
    const result = parseCodeList(prose, "CPT", "notes.txt");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^notes.txt does not look like a code list: \d+ of its \d+ rows start with words, not codes/,
    );
  });

  it("still takes a list with a few bad rows", () => {
    const list = ["Code,Description", "99213,Office visit", "99214,Office visit, longer", "bad code,oops", "J1100,Injection"].join("\n");
    const result = parseCodeList(list, "CPT", "fees.csv");
    expect(result.ok && result.value.codes).toEqual(["99213", "99214", "J1100"]);
  });
});
