// An id's trailing number, the quick way to tell a million numbered ids apart ("L000123",
// "PMT-000812", "10023"): the ledger's IdNumbers and parseTable's check of repeated keys both put an
// id in a typed-array slot by it, then compare the id found there whole.

/** Trailing digits read; more are left to the whole-id comparison that follows. */
export const MAX_TRAILING_DIGITS = 9;

/** The value of an id's last (up to nine) digits, or -1 when it does not end in a digit. */
export function trailingNumber(id: string): number {
  const last = id.length - 1;
  let value = 0;
  let place = 1;
  let i = last;
  for (; i >= 0 && last - i < MAX_TRAILING_DIGITS; i--) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    value += digit * place;
    place *= 10;
  }
  return i === last ? -1 : value;
}

/**
 * How many slots a table of about `expected` ids may use: a few per id, so sparse numbers (years,
 * dates) cost no memory and go by the whole-id Map instead.
 */
export function slotLimit(expected: number): number {
  return Math.max(1 << 16, 4 * expected);
}

/** Slots grown (doubling, to `limit` at most) to hold `slot`, the old ones copied in. */
export function slotsHolding(slots: Int32Array, slot: number, limit: number): Int32Array {
  let length = slots.length * 2;
  while (length <= slot) length *= 2;
  const grown = new Int32Array(Math.min(length, limit));
  grown.set(slots);
  return grown;
}
