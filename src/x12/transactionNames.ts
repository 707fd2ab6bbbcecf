// What an X12 file holding a given transaction set (ST01) is, in a biller's words: the readers say it
// when they are given the wrong kind of file ("This is a 999 acknowledgment, not an 835 remittance").
const TRANSACTION_NAMES = new Map([
  ["835", "an 835 remittance (ERA)"],
  ["837", "an 837 claim file"],
  ["277", "a 277 claim status response"],
  ["276", "a 276 claim status request"],
  ["270", "a 270 eligibility request"],
  ["271", "a 271 eligibility response"],
  ["999", "a 999 acknowledgment"],
  ["997", "a 997 acknowledgment"],
  ["834", "an 834 enrollment file"],
  ["820", "an 820 premium payment"],
  ["278", "a 278 authorization"],
]);

/** "an 835 remittance (ERA)", "an X12 123 transaction": what a file holding this ST01 is. */
export function transactionName(setId: string): string {
  return TRANSACTION_NAMES.get(setId) ?? `an X12 ${setId || "(unnamed)"} transaction`;
}
