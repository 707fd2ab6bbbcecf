import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatMoney, parseMoney, sumCents } from "../src/money";

const cents = (input: unknown) => {
  const r = parseMoney(input);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const error = (input: unknown) => {
  const r = parseMoney(input);
  if (r.ok) throw new Error(`expected ${String(input)} to be refused, got ${r.value}`);
  return r.error;
};

describe("parseMoney", () => {
  it.each([
    [1234.5, 123450],
    ["$1,234.50", 123450],
    ["(12.00)", -1200],
    ["1,234", 123400],
    ["-5", -500],
    ["-$5.25", -525],
    ["$-5.25", -525],
    [".75", 75],
    ["12.", 1200],
    [" 1 234.00 ", 123400],
    [0.1 + 0.2, 30],
    [1234.56, 123456],
    [-0, 0],
    ["0.00", 0],
    ["12.500", 1250],
  ])("reads %j as %i cents", (input, expected) => {
    expect(cents(input)).toBe(expected);
  });

  it("refuses fractions of a cent", () => {
    expect(error(1.005)).toMatch(/fraction of a cent/);
    expect(error("12.345")).toMatch(/fraction of a cent/);
  });

  it("refuses text that is not an amount, with the text quoted", () => {
    expect(error("twelve")).toBe('"twelve" is not an amount (write it like 1234.50 or $1,234.50)');
    expect(error("1,23,4")).toMatch(/not an amount/);
    expect(error("$")).toMatch(/not an amount/);
    expect(error("(-5)")).toMatch(/two minus signs/);
    expect(error("")).toMatch(/blank/);
    expect(error(true)).toMatch(/TRUE is not an amount/);
    expect(error(Number.NaN)).toMatch(/not an amount/);
  });

  it("round-trips every cent amount through its display text", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        expect(cents(formatMoney(c))).toBe(c);
        expect(cents(c / 100)).toBe(c);
      }),
    );
  });
});

describe("formatMoney", () => {
  it("writes dollars with thousands separators and a leading minus", () => {
    expect(formatMoney(123450)).toBe("$1,234.50");
    expect(formatMoney(-1200)).toBe("-$12.00");
    expect(formatMoney(5)).toBe("$0.05");
    expect(formatMoney(100000000)).toBe("$1,000,000.00");
  });

  it("sums integer cents without float drift", () => {
    expect(sumCents(Array(1000).fill(10))).toBe(10000);
  });
});
