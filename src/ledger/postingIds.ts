// New PaymentIDs and PostingIDs that continue the workbook's own numbering: an office that numbers
// its payments PMT-000812 gets PMT-000813 next, one whose sample says PS0000412 gets PS0000413.
// IDs are the link between Payments, Postings and reversals, so a new one must never repeat an old one.

/** The patterns of a workbook with no numbered IDs yet: PMT-000001, PST-000001. */
export const FIRST_PAYMENT_ID = "PMT-";
export const FIRST_POSTING_ID = "PST-";

/** A prefix and a zero-padded number: "PMT-000812" is ("PMT-", 812, width 6). */
const NUMBERED = /^(.*?)(\d+)$/;

/**
 * `count` new IDs after the highest number among the existing IDs with the most common prefix
 * (an office's odd hand-typed ID does not change its pattern), zero-padded to that pattern's width.
 * With no numbered IDs at all, `fallbackPrefix` + 6 digits from 1. Never one already in `existing`
 * (compared without case, as the tables compare keys).
 */
export function nextIds(existing: Iterable<string>, count: number, fallbackPrefix: string): string[] {
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
    // Ties go to the prefix with the higher numbers: the one the office is counting up now.
    if (seen.count > pattern.count || (seen.count === pattern.count && seen.highest > pattern.highest)) {
      prefix = p;
      pattern = seen;
    }
  }
  // The new IDs count up from one number with one prefix and width, so they cannot repeat one
  // another: only the old IDs need looking at, and none at all when there are none (an ERA's 300,000
  // PostingIDs were each lower-cased and kept in the set for nothing).
  const ids: string[] = new Array(count);
  let made = 0;
  let number = pattern.highest;
  while (made < count) {
    number += 1;
    const id = `${prefix}${String(number).padStart(pattern.width, "0")}`;
    if (taken.size > 0 && taken.has(id.toLowerCase())) continue;
    ids[made++] = id;
  }
  return ids;
}
