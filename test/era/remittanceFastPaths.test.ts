// The 835 model reads a plainly written amount ("123.45", "-5", "0.5") by hand instead of through
// parseMoney's regular expressions. For every text it takes it must give parseMoney's cents; what it
// does not take (commas, "$", "+", ".5", "12.", three decimals, 14+ digits...) is left to parseMoney.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainCents } from "../../src/era/remittance";
import { parseMoney } from "../../src/money";

const amountText = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }).map((n) => (n / 100).toFixed(2)),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => (n / 10).toFixed(1)),
  fc.integer({ min: -1e15, max: 1e15 }).map(String),
  fc.stringMatching(/^[-+$.,0-9 ()]{0,18}$/),
  fc.constantFrom(
    "-0",
    "-0.00",
    "0",
    "00012.30",
    "12.",
    ".5",
    "-.5",
    "1.005",
    "1.000",
    "9999999999999.99",
    "99999999999999",
    "--1",
    "1-",
    "1..2",
    "١٢",
  ),
);

describe("plainCents", () => {
  it("gives parseMoney's cents for every text it reads, and leaves the rest to it", () => {
    let taken = 0;
    fc.assert(
      fc.property(amountText, (text) => {
        const quick = plainCents(text);
        if (quick === undefined) return;
        taken++;
        const parsed = parseMoney(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(Object.is(quick, parsed.value)).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });
});
