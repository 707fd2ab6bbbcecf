// A seeded slice of `npm run fuzz` (bench/fuzzX12.ts): mutated real 835 and 837P files (built-in seeds
// when ../shared/data is missing) through the X12 reader, the 835 model and its posting plan, and the
// 837P reader. Every input must come back, as a result or as our own ok:false refusal: nothing thrown.
// Speed is measured by the script, never asserted here.
import { describe, expect, it } from "vitest";
import { fuzz } from "../../bench/fuzzX12";

describe("fuzzed X12 input", () => {
  it("3,000 mutated files: every reader returns, none throws", async () => {
    const figures = await fuzz({ inputs: 3000, seed: 20261206 });
    expect(figures.failures).toEqual([]);
    expect(figures.uncaught).toBe(0);
    expect(figures.returned).toBe(3000);
  });
});
