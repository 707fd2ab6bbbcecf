// New PaymentIDs and PostingIDs that continue the workbook's own numbering: an office that numbers
// its payments PMT-000812 gets PMT-000813 next, one whose sample says PS0000412 gets PS0000413.
// IDs are the link between Payments, Postings and reversals, so a new one must never repeat an old one.

/** The patterns of a workbook with no numbered IDs yet: PMT-000001, PST-000001. */
export const FIRST_PAYMENT_ID = "PMT-";
export const FIRST_POSTING_ID = "PST-";

/** The prefix group of a numbered ID: how many, the highest number and the widest run of digits. */
interface Pattern {
  count: number;
  highest: number;
  width: number;
}

/**
 * Where an ID's trailing run of digits starts (its length when it has none), and its number: read by
 * hand, not by a regular expression (a large practice has two million IDs), NaN when past a safe
 * integer, as Number() of the digits would have it.
 */
function digitsStart(text: string): number {
  let start = text.length;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (code < 48 || code > 57) break;
    start--;
  }
  return start;
}

function numberOf(text: string, start: number): number {
  if (text.length - start > 15) {
    const number = Number(text.slice(start));
    return Number.isSafeInteger(number) ? number : Number.NaN;
  }
  let number = 0;
  for (let i = start; i < text.length; i++) number = number * 10 + (text.charCodeAt(i) - 48);
  return number;
}

/**
 * `count` new IDs after the highest number among the existing IDs with the most common prefix
 * (an office's odd hand-typed ID does not change its pattern), zero-padded to that pattern's width.
 * With no numbered IDs at all, `fallbackPrefix` + 6 digits from 1. Never one already in `existing`
 * (compared without case, as the tables compare keys).
 */
export function nextIds(existing: Iterable<string>, count: number, fallbackPrefix: string): string[] {
  const list = Array.isArray(existing) ? (existing as string[]) : [...existing];
  const byPrefix = new Map<string, Pattern>();
  // IDs come in runs with one prefix: the last one's group is tried first, without slicing the prefix.
  let lastPrefix: string | undefined;
  let lastSeen: Pattern | undefined;
  for (const id of list) {
    const text = id.trim();
    const start = digitsStart(text);
    if (start === text.length) continue;
    const number = numberOf(text, start);
    if (Number.isNaN(number)) continue;
    let seen: Pattern;
    if (lastSeen !== undefined && lastPrefix!.length === start && text.startsWith(lastPrefix!)) seen = lastSeen;
    else {
      const prefix = text.slice(0, start);
      seen = byPrefix.get(prefix) ?? { count: 0, highest: 0, width: 0 };
      byPrefix.set(prefix, seen);
      lastPrefix = prefix;
      lastSeen = seen;
    }
    seen.count += 1;
    seen.highest = Math.max(seen.highest, number);
    seen.width = Math.max(seen.width, text.length - start);
  }
  let prefix = fallbackPrefix;
  let pattern: Pattern = { count: 0, highest: 0, width: 6 };
  for (const [p, seen] of byPrefix) {
    // Ties go to the prefix with the higher numbers: the one the office is counting up now.
    if (seen.count > pattern.count || (seen.count === pattern.count && seen.highest > pattern.highest)) {
      prefix = p;
      pattern = seen;
    }
  }
  // A new ID is the prefix and digits of a number past the highest, so an old one can be the same
  // without case only if its own prefix is the same without case and its digits are not among those
  // counted for the prefix itself (all at most the highest). Only those are kept to check against,
  // not two million lower-cased IDs.
  const lowerPrefix = prefix.toLowerCase();
  const taken = new Set<string>();
  for (const id of list) {
    const text = id.trim();
    const start = digitsStart(text);
    if (start === text.length) continue;
    const own = start === prefix.length && text.startsWith(prefix);
    if (own ? !Number.isNaN(numberOf(text, start)) : text.slice(0, start).toLowerCase() !== lowerPrefix) continue;
    taken.add(text.toLowerCase());
  }
  // The new IDs count up from one number with one prefix and width, so they cannot repeat one
  // another: only the old IDs need looking at.
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
