import { describe, expect, it } from "vitest";
import { count, plural } from "../src/counting";

describe("counts in messages", () => {
  it("groups digits the US way", () => {
    expect(count(0)).toBe("0");
    expect(count(1234567)).toBe("1,234,567");
  });

  it("puts the noun in the right number", () => {
    expect(plural(1, "line")).toBe("1 line");
    expect(plural(0, "line")).toBe("0 lines");
    expect(plural(1234, "statement")).toBe("1,234 statements");
    expect(plural(2, "diagnosis", "diagnoses")).toBe("2 diagnoses");
  });
});
