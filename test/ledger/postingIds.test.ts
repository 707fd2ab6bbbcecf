// nextIds gives the same IDs as it did before it stopped checking its new IDs against one another
// (they count up from one number, so they cannot repeat): the version of that time is kept here and
// both are run on random IDs, with and without old ones that sit in the way of the new numbers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextIds } from "../../src/ledger/postingIds";

const NUMBERED = /^(.*?)(\d+)$/;

function nextIdsBefore(existing: Iterable<string>, count: number, fallbackPrefix: string): string[] {
  const taken = new Set<string>();
  const byPrefix = new Map<string, { count: number; highest: number; width: number }>();
  for (const id of existing) {
    const text = id.trim();
    if (text === "") continue;
    taken.add(text.toLowerCase());
    const m = NUMBERED.exec(text);
    if (!m) continue;
    const number = Number(m[2]);
    if (!Number.isSafeInteger(number)) continue;
    const seen = byPrefix.get(m[1]) ?? { count: 0, highest: 0, width: 0 };
    seen.count += 1;
    seen.highest = Math.max(seen.highest, number);
    seen.width = Math.max(seen.width, m[2].length);
    byPrefix.set(m[1], seen);
  }
  let prefix = fallbackPrefix;
  let pattern = { count: 0, highest: 0, width: 6 };
  for (const [p, seen] of byPrefix) {
    if (seen.count > pattern.count || (seen.count === pattern.count && seen.highest > pattern.highest)) {
      prefix = p;
      pattern = seen;
    }
  }
  const ids: string[] = [];
  let number = pattern.highest;
  while (ids.length < count) {
    number += 1;
    const id = `${prefix}${String(number).padStart(pattern.width, "0")}`;
    const key = id.toLowerCase();
    if (taken.has(key)) continue;
    taken.add(key);
    ids.push(id);
  }
  return ids;
}

const id = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("PMT-", "pmt-", "PST-", "PS", "ps", "", "x", "İD", "i̇d", "\u212A", "k"),
      fc.nat({ max: 120 }),
      fc.nat({ max: 7 }),
    )
    .map(([prefix, n, width]) => `${prefix}${String(n).padStart(width, "0")}`),
  // Padded with spaces, more than fifteen digits (past a safe integer, or not with leading zeros).
  fc
    .tuple(
      fc.constantFrom("PMT-", "pmt-", "PS"),
      fc.constantFrom("", " ", "  "),
      fc.constantFrom("99999999999999999", "0000000000000000012", "123"),
    )
    .map(([prefix, pad, digits]) => `${pad}${prefix}${digits}${pad}`),
  fc.string({ maxLength: 6 }),
);

describe("nextIds", () => {
  it("gives the IDs it gave when it checked the new ones against each other", () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), fc.nat({ max: 40 }), fc.constantFrom("PMT-", "PST-"), (existing, count, fallback) => {
        expect(nextIds(existing, count, fallback)).toEqual(nextIdsBefore(existing, count, fallback));
      }),
      { numRuns: 3000 },
    );
  });

  it("never repeats an ID, old or new, without case", () => {
    const ids = nextIds(["PST-000002", "PST-000001", "pst-000003"], 3, "PMT-");
    expect(ids).toEqual(["PST-000004", "PST-000005", "PST-000006"]);
  });
});
