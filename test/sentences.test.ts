import { describe, expect, it } from "vitest";
import { capitalized, sentence } from "../src/sentences";

describe("sentences", () => {
  it("capitalizes the start of a longer sentence and touches nothing else", () => {
    expect(capitalized("the payer ACME")).toBe("The payer ACME");
    expect(capitalized("")).toBe("");
  });

  it("sets a message alone as a sentence: trimmed, a capital and one full stop", () => {
    expect(sentence(" the posting date 2026-03-05 is in the future (today is 2026-03-01)")).toBe(
      "The posting date 2026-03-05 is in the future (today is 2026-03-01).",
    );
    expect(sentence("already a sentence.")).toBe("Already a sentence.");
    expect(sentence("is it?")).toBe("Is it?");
  });
});
