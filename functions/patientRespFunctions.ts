// MEDBILL.PATIENTRESP: what the patient owes of an allowed amount, for estimates at the front desk and
// for checking a remittance's PR amounts. One cell or a range of allowed amounts; the deductible left,
// the coinsurance and the copay are each one cell for all or a range lined up with the amounts. The
// formula is patientResponsibility's (src/ledger/); this module reads the cells and answers in dollars.
// Money is read as cents (parseMoney: 125, "$1,250.00", "(12.00)"). Blank deductible, coinsurance or
// copay cells count as none; a blank allowed amount answers blank.
import { patientResponsibility, patientResponsibilityFits, rateInMillionths } from "../src/ledger/patientResponsibility";
import { centsToNumber, formatMoney, parseMoney, type Cents } from "../src/money";
import { answerEach, CellErrors, cellRows, companion, isBlankCell, type Answer, type Companion } from "./cellRanges";

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** An amount that cannot be negative; blank is `blank` (0 for the companions). */
export function readAmount(value: unknown, what: string, blank: Cents): Read<Cents> {
  if (isBlankCell(value)) return { ok: true, value: blank };
  if (typeof value === "boolean") return { ok: false, reason: `the ${what} is ${value ? "TRUE" : "FALSE"}, not an amount` };
  const cents = parseMoney(value);
  if (!cents.ok) return { ok: false, reason: `${what}: ${cents.error}` };
  if (cents.value < 0) return { ok: false, reason: `the ${what} cannot be negative (${formatMoney(cents.value)})` };
  return { ok: true, value: cents.value };
}

/** A coinsurance rate in millionths: 20%, "20%", 0.2 or "0.2"; blank is none. */
export function readCoinsurance(value: unknown): Read<number> {
  if (isBlankCell(value)) return { ok: true, value: 0 };
  let rate = NaN;
  if (typeof value === "number") rate = value;
  else if (typeof value === "string") {
    const text = value.trim();
    rate = text.endsWith("%") ? Number(text.slice(0, -1).trim()) / 100 : Number(text);
  }
  if (!Number.isFinite(rate) || rate < 0)
    return { ok: false, reason: `coinsurance ${shown(value)} is not a percent: write it like 20% or 0.2` };
  // 20 typed for 20% would otherwise charge twenty times the amount: say so rather than guess.
  if (rate > 1) return { ok: false, reason: `coinsurance ${shown(value)} is more than 100%: write it like 20% or 0.2` };
  return { ok: true, value: rateInMillionths(rate) };
}

/** MEDBILL.PATIENTRESP over a range of allowed amounts. */
export function patientRespCells(allowed: unknown, deductibleLeft: unknown, coinsurance: unknown, copay: unknown): Answer[][] {
  const rows = cellRows(allowed);
  const beside = (argument: unknown, what: string): Companion => companion(argument, rows, what, "allowed amounts");
  const deductibles = beside(deductibleLeft, "deductibles left");
  const rates = beside(coinsurance, "coinsurance rates");
  const copays = beside(copay, "copays");
  const errors = new CellErrors();
  return answerEach(rows, (cell, r, c) => {
    if (isBlankCell(cell)) return "";
    const amount = readAmount(cell, "allowed amount", 0);
    if (!amount.ok) return errors.invalidValue(amount.reason);
    for (const lined of [deductibles, rates, copays]) if (!lined.ok) return errors.invalidValue(lined.reason);
    const deductible = readAmount(deductibles.ok ? deductibles.at(r, c) : null, "deductible left", 0);
    if (!deductible.ok) return errors.invalidValue(deductible.reason);
    const rate = readCoinsurance(rates.ok ? rates.at(r, c) : null);
    if (!rate.ok) return errors.invalidValue(rate.reason);
    const visitCopay = readAmount(copays.ok ? copays.at(r, c) : null, "copay", 0);
    if (!visitCopay.ok) return errors.invalidValue(visitCopay.reason);
    if (!patientResponsibilityFits(amount.value, deductible.value, rate.value))
      return errors.invalidValue(`the allowed amount ${formatMoney(amount.value)} is too large`);
    return centsToNumber(patientResponsibility(amount.value, deductible.value, rate.value, visitCopay.value));
  });
}

function shown(value: unknown): string {
  const text = String(value).trim();
  return `"${text.length > 24 ? `${text.slice(0, 24)}…` : text}"`;
}
