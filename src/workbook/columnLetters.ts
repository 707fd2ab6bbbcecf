// Excel's column letters (A ... Z, AA ... XFD) and the 1-based column numbers behind them: how a
// biller is told where a cell is, and how an .xlsx file writes a range.

/** 1 -> "A", 26 -> "Z", 27 -> "AA". */
export function columnLetters(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** "A" -> 1, "aa" -> 27: the inverse of columnLetters, any case. */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
