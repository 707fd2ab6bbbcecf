// Who sent a remittance and whether it is already in the books. A remittance is identified by its
// payer and its trace number (TRN02, the check or EFT number): the Payments row an ERA posts carries
// both (PayerID, Method "ERA", Reference = trace), so a second import of the same file, or of
// another file holding the same remittance, finds that row and adds nothing. The file itself is
// named in the Audit row by its SHA-256, so the office can tell which file it was.
import type { IsoDate } from "../dates";
import type { Ledger } from "../ledger/ledger";
import { mapColumns } from "../workbook/mapTable";
import type { RawTable } from "../workbook/port";
import { Audit, type PayerRow } from "../workbook/tables";
import type { Remittance } from "./remittance";

/** The SHA-256 of the file's bytes as hex, by the Web Crypto API (Node 20 and every browser have it). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export type PayerFoundBy = "X12 Payer ID" | "name" | "claims";

/** Names compared as a biller reads them: case, spaces and punctuation aside. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * Our Payers row for the remittance's payer: by its ids (TRN03, N1*PR / REF*2U) against the X12
 * Payer ID column, else by name. Undefined when neither finds one; the plan then takes the PayerID
 * of the claims it matched (a Payers row without an X12 Payer ID is the usual reason).
 */
export function findPayer(r: Remittance, ledger: Ledger): { payer: PayerRow; by: PayerFoundBy } | undefined {
  const ids = new Set(
    [r.trace.payerId, r.payer.id].filter((id): id is string => !!id && id.trim() !== "").map((id) => id.trim().toUpperCase()),
  );
  const byId = ledger.payers.find((p) => p.x12PayerId !== undefined && ids.has(p.x12PayerId.trim().toUpperCase()));
  if (byId) return { payer: byId, by: "X12 Payer ID" };
  const key = nameKey(r.payer.name ?? "");
  const byName = key === "" ? undefined : ledger.payers.find((p) => nameKey(p.name) === key);
  return byName ? { payer: byName, by: "name" } : undefined;
}

/** The most common PayerID among the claims' lines: who the office billed, when the file's ids match no payer. */
export function payerOfClaims(payerIds: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const id of payerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, n] of counts) if (best === undefined || n > counts.get(best)!) best = id;
  return best;
}

export interface EarlierPosting {
  paymentId: string;
  /** The Audit row's time when one names the trace (and the payment), else the payment's date. */
  on: string;
  /** The Payments row was not made from an ERA (its Method is not "ERA"): posted by hand, most likely. */
  byHand: boolean;
}

const sameText = (a: string | undefined, b: string) => a !== undefined && a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * The payment that already records this remittance: a Payments row from the same payer whose
 * Reference is the trace number. An ERA's own row (Method "ERA") is looked for first; a row posted by
 * hand with the same reference counts too, so an EFT keyed in from the paper remittance is not posted
 * a second time from the file.
 */
export function findEarlierPosting(
  ledger: Ledger,
  audit: RawTable | undefined,
  payerId: string,
  trace: string,
): EarlierPosting | undefined {
  const same = ledger.payments.filter((p) => p.payerId === payerId && sameText(p.reference, trace));
  if (same.length === 0) return undefined;
  const payment = same.find((p) => p.method === "ERA") ?? same[0];
  const time = auditTimeNaming(audit, trace, payment.paymentId);
  return { paymentId: payment.paymentId, on: time ?? payment.date, byHand: payment.method !== "ERA" };
}

/** The time of the latest Audit row whose What names the trace (and the payment, when one does). */
function auditTimeNaming(audit: RawTable | undefined, trace: string, paymentId: string): string | undefined {
  if (!audit) return undefined;
  const mapping = mapColumns(Audit, audit.headers);
  const what = mapping.columns.what?.index;
  const time = mapping.columns.time?.index;
  if (what === undefined || time === undefined) return undefined;
  // "trace 123" must not be found in "trace 1234", nor PM12 in PM123.
  const traceWords = wordPattern(`trace ${trace}`);
  const paymentWords = wordPattern(paymentId);
  let naming: string | undefined;
  let namingBoth: string | undefined;
  for (const row of audit.rows) {
    const text = String(row[what] ?? "");
    if (!traceWords.test(text)) continue;
    const at = String(row[time] ?? "").trim();
    if (at === "") continue;
    naming = at;
    if (paymentWords.test(text)) namingBoth = at;
  }
  return namingBoth ?? naming;
}

function wordPattern(words: string): RegExp {
  return new RegExp(`(^|[^A-Za-z0-9])${words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9])`, "i");
}

/** BPR04 in a biller's words. */
export function paymentMethodWords(method: string): string {
  switch (method.trim().toUpperCase()) {
    case "ACH":
      return "EFT (ACH)";
    case "CHK":
      return "check";
    case "FWT":
      return "wire transfer";
    case "BOP":
      return "financial institution option";
    case "NON":
      return "no payment";
    default:
      return method.trim() === "" ? "(method not given)" : method.trim();
  }
}

/** Where a remittance's payment date came from, in the order tried. */
export type PaymentDateSource = "BPR16" | "DTM*405" | "GS04" | "ISA09";

/** Each source in a biller's words, for the preview, the Payments note and the Audit row. */
export const PAYMENT_DATE_SOURCES: Record<PaymentDateSource, string> = {
  BPR16: "the payment date (BPR16)",
  "DTM*405": "the remittance's production date (DTM*405)",
  GS04: "the file's group date (GS04)",
  ISA09: "the file's interchange date (ISA09)",
};

/**
 * The date of a remittance's payment, from the file alone: the payer's payment date (BPR16), else the
 * date it produced the remittance (DTM*405), else the envelope's (GS04, then ISA09). Never the
 * computer's clock: a remittance with none of them is undefined, and the plan holds it.
 */
export function paymentDate(r: Remittance): { date: IsoDate; from: PaymentDateSource } | undefined {
  if (r.payment.date) return { date: r.payment.date, from: "BPR16" };
  if (r.productionDate) return { date: r.productionDate, from: "DTM*405" };
  return r.envelopeDate;
}
