// What the two acknowledgement readers (999 and 277CA) share about the file around them: its dates as
// ISO dates (GS04 is CCYYMMDD, ISA09 only YYMMDD and read as 20YY), and how a file that is some other
// X12 transaction is named when it is refused.
import { parseDate, type IsoDate } from "../dates";
import type { X12Transaction } from "../x12/x12Reader";
import { transactionName } from "../x12/transactionNames";

/** An X12 date element (CCYYMMDD) as an ISO date, or undefined when blank or not a real date. */
export function x12Date(text: string | undefined): IsoDate | undefined {
  const trimmed = (text ?? "").trim();
  if (!/^\d{8}$/.test(trimmed)) return undefined;
  const parsed = parseDate(trimmed);
  return parsed.ok ? parsed.value : undefined;
}

/** The date the envelope gives a transaction: its group's GS04, else its interchange's ISA09 (20YY). */
export function envelopeDate(t: X12Transaction): { date: IsoDate; from: "GS04" | "ISA09" } | undefined {
  const group = x12Date(t.groupDate);
  if (group) return { date: group, from: "GS04" };
  const isa = (t.interchangeDate ?? "").trim();
  const fromIsa = /^\d{6}$/.test(isa) ? x12Date(`20${isa}`) : undefined;
  return fromIsa ? { date: fromIsa, from: "ISA09" } : undefined;
}

export { transactionName };
