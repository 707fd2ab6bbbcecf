// The quick checks beside the cell checks (cells.ts): for IDs, text and number amounts, parseTable's
// fast path asks the quick one first, which gives the value itself and no result object. Wherever it
// answers, the full check must give exactly that value; where it cannot tell (UNSURE) the full check
// decides, errors and all. The property runs every cell schema that has a quick check on text and
// numbers chosen to be near the edges (blanks, tabs, line breaks, non-ASCII ends, fractions of a cent,
// huge and odd numbers), and counts how often each answered so it cannot pass by never answering.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellCheck, cellQuickCheck, UNSURE } from "../../src/workbook/cells";
import { BILLING_TABLES } from "../../src/workbook/tables";
import { z } from "zod";

/** A table field's cell schema for each kind of quick check there is (the first field with it). */
function quickSchemas(): { name: string; schema: unknown }[] {
  const byKind = new Map<string, { name: string; schema: unknown }>();
  for (const def of BILLING_TABLES) {
    const shape = (def.schema as unknown as z.ZodObject).shape as Record<string, unknown>;
    for (const [key, field] of Object.entries(shape)) {
      const inner = field instanceof z.ZodOptional ? (field.def.innerType as unknown) : field;
      const quick = cellQuickCheck(inner);
      // Each field's schema is its own, made by the same few functions: a kind is the function's text.
      if (quick && !byKind.has(String(quick))) byKind.set(String(quick), { name: `${def.name}.${key}`, schema: inner });
    }
  }
  return [...byKind.values()];
}

const edgeText = fc.oneof(
  fc.string(),
  fc.constantFrom("L1", " L1", "L1 ", "L\t1", "L\n1", "L\r1", "É1", "1É", "PM000123", "", " ", "a b", "~", "\u00a0x", "x\u00a0"),
  fc
    .tuple(fc.constantFrom("", " ", "\t", "É"), fc.stringMatching(/^[A-Za-z0-9 .-]{0,8}$/), fc.constantFrom("", " ", "\n", "É"))
    .map((p) => p.join("")),
);
const edgeNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 100),
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => n / 1000),
  fc.constantFrom(0, -0, 1234.56, 0.1 + 0.2, 1e300, -1e300, Number.MAX_SAFE_INTEGER, 2 ** 53 / 100, NaN, Infinity),
);

describe("quick checks", () => {
  const schemas = quickSchemas();

  it("exist for the fields read most (IDs, text, amounts)", () => {
    expect(schemas.length).toBeGreaterThanOrEqual(3);
  });

  for (const { name, schema } of schemas) {
    it(`${name}: where the quick check answers, the full check gives the same value`, () => {
      const quick = cellQuickCheck(schema)!;
      const check = cellCheck(schema)!;
      let answered = 0;
      let unsure = 0;
      fc.assert(
        fc.property(fc.oneof(edgeText, edgeNumber), (value) => {
          const fast = quick(value);
          if (fast === UNSURE) {
            unsure++;
            return;
          }
          answered++;
          const full = check(value);
          expect(full.ok).toBe(true);
          if (full.ok) expect(Object.is(full.value, fast)).toBe(true);
        }),
        { numRuns: 20_000 },
      );
      expect(answered).toBeGreaterThan(1_000);
      expect(unsure).toBeGreaterThan(100);
    });
  }
});
