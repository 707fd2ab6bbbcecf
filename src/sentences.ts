// How an engine message becomes a sentence a biller reads. Checks word their problems in lower case
// ("the posting date ... is in the future") so they can sit inside a longer message; where one stands
// alone it is set as a sentence here, the same way everywhere.

/** "the payer X" -> "The payer X": the start of a longer sentence, nothing else touched. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ["Payments"] -> "Payments"; ["Charges", "Payments", "Postings"] -> "Charges, Payments and Postings"; [] -> "". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "the table is gone" -> "The table is gone.": trimmed, a capital, and a full stop unless it has one. */
export function sentence(text: string): string {
  const capital = capitalized(text.trim());
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
