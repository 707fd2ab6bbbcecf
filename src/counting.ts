// How a count is written in a message: digits grouped the US way (1,234) and the noun in the right
// number ("1 line", "2 lines"), the same in the task pane, the custom functions and the terminal.

/** 1234 -> "1,234". */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** "1 table", "1,234 tables", "2 diagnoses": a count and its noun (`many` for an irregular plural). */
export function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
