import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { IdNumbers } from "../../src/ledger/idNumbers";

// IdNumbers must number ids exactly as a Map would (first seen, first number), whatever the ids look
// like: numbered alike ("C01", "D1", "1"), with no digit, with more than nine digits, numbers far past
// the slots, in any order.
const id = fc.oneof(
  fc.tuple(fc.constantFrom("", "C", "D", "c", "PMT-", "L0"), fc.nat(300)).map(([prefix, n]) => `${prefix}${n}`),
  fc.tuple(fc.constantFrom("C", "X"), fc.nat(300), fc.nat(3)).map(([prefix, n, zeros]) => `${prefix}${"0".repeat(zeros)}${n}`),
  fc.tuple(fc.constantFrom("", "C"), fc.integer({ min: 0, max: 2 ** 40 })).map(([prefix, n]) => `${prefix}${n}`),
  fc.string({ maxLength: 6 }),
);

/** The reference: numbers handed out by a Map. */
function mapNumbers(ids: string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const each of ids) if (!numbers.has(each)) numbers.set(each, numbers.size);
  return numbers;
}

describe("IdNumbers", () => {
  it("numbers ids and finds them as a Map does", () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 400 }), fc.array(id, { maxLength: 100 }), fc.nat(500), (ids, asked, expected) => {
        const numbers = new IdNumbers(expected);
        const reference = mapNumbers(ids);
        for (const each of ids) expect(numbers.of(each)).toBe(reference.get(each));
        expect(numbers.ids).toEqual([...reference.keys()]);
        for (const each of [...asked, ...ids]) expect(numbers.find(each)).toBe(reference.get(each) ?? -1);
      }),
      { numRuns: 2000 },
    );
  });

  it("lists its ids at any point, more or fewer than expected", () => {
    for (const expected of [0, 2, 10]) {
      const numbers = new IdNumbers(expected);
      numbers.of("A1");
      numbers.of("B");
      expect(numbers.ids).toEqual(["A1", "B"]);
      for (const id of ["A1", "C3", "D", "E5"]) numbers.of(id);
      expect(numbers.ids).toEqual(["A1", "B", "C3", "D", "E5"]);
      expect(numbers.size).toBe(5);
    }
  });

  it("tells ids numbered alike apart", () => {
    const numbers = new IdNumbers(10);
    expect([numbers.of("C01"), numbers.of("D1"), numbers.of("1"), numbers.of("C1"), numbers.of("C01")]).toEqual([0, 1, 2, 3, 0]);
    expect([numbers.find("c01"), numbers.find("C001"), numbers.find("D1")]).toEqual([-1, -1, 1]);
  });
});
