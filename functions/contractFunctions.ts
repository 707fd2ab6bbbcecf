// MEDBILL.EXPECTED and MEDBILL.VARIANCE: what a payer's contract allows for a code on a date (the
// Contracts table passed whole, like Contracts[#All]), and how far an allowed amount is from it. The
// rate rules are src/contracts/contracts.ts's; this module reads the arguments and lays the answers out
// in the codes' shape. The payer, date, modifier and units are one cell for every code or a range
// beside them (companion). The Contracts table is read once per change of its cells (tableCache).
//
// As cells: a code with no contract rate for its payer and date is #N/A saying so; a Contracts row that
// fails its checks makes every answer #VALUE! naming the row (a rate left out could turn any answer
// into a wrong one); an argument that is not a date, a number or an amount is #VALUE! with why.
import { ContractRates } from "../src/contracts/contracts";
import type { IsoDate } from "../src/dates";
import { centsToNumber, parseMoney, type Cents } from "../src/money";
import { asText } from "../src/workbook/cells";
import { describeIssue, parseTable, tableArgumentMissing } from "../src/workbook/mapTable";
import { Contracts } from "../src/workbook/tables";
import { answerEach, CellErrors, cellRows, companion, DatesOfService, isBlankCell, type Answer } from "./cellRanges";
import { TableCache } from "./tableCache";

type ReadContracts = { ok: true; rates: ContractRates } | { ok: false; reason: string };

/** The Contracts tables read last, by their cells. */
export const contractBooks = new TableCache<ReadContracts>(2);

function readContracts(cells: unknown): ReadContracts {
  return contractBooks.get([{ name: Contracts.name, cells }], ([raw]) => {
    if (!raw) return { ok: false, reason: "the Contracts table is missing: pass it with its headers, like Contracts[#All]" };
    const parsed = parseTable(Contracts, raw);
    const missing = tableArgumentMissing(parsed, Contracts);
    if (missing) return { ok: false, reason: missing };
    if (parsed.issues.length > 0) return { ok: false, reason: `${describeIssue(parsed.issues[0])} (fix it to see the contract rates)` };
    return { ok: true, rates: new ContractRates(parsed.rows) };
  });
}

interface Line {
  payerId: string;
  code: string;
  dos: IsoDate;
  modifiers: string[];
  units: number;
}

/**
 * Each code's question, with the payer, date, modifier and units beside it, or why it cannot be asked.
 * Blank codes give blank answers (undefined here).
 */
function questions(
  codes: unknown[][],
  payer: unknown,
  dos: unknown,
  modifier: unknown,
  units: unknown,
): { ok: true; at: (r: number, c: number) => Line | string | undefined } | { ok: false; reason: string } {
  const payers = companion(payer, codes, "payer");
  if (!payers.ok) return payers;
  const modifiers = companion(modifier ?? null, codes, "modifier");
  if (!modifiers.ok) return modifiers;
  const unitCells = companion(units ?? null, codes, "units");
  if (!unitCells.ok) return unitCells;
  const dates = new DatesOfService(companion(dos, codes, "date of service"));
  return {
    ok: true,
    at: (r, c) => {
      const code = codes[r][c];
      if (isBlankCell(code)) return undefined;
      const payerCell = payers.at(r, c);
      if (isBlankCell(payerCell)) return "the payer is blank: give its PayerID, like MCR";
      const date = dates.at(r, c);
      if (!date.ok) return date.reason;
      if (!date.dos) return "the date of service is blank";
      const unitCell = unitCells.at(r, c);
      const n = isBlankCell(unitCell) ? 1 : typeof unitCell === "number" ? unitCell : Number(asText(unitCell));
      if (!Number.isFinite(n) || n <= 0) return `units must be more than 0, not "${asText(unitCell)}"`;
      const modifierCell = modifiers.at(r, c);
      const lineModifiers = isBlankCell(modifierCell)
        ? []
        : asText(modifierCell)
            .split(/[\s,;-]+/)
            .filter((m) => m !== "");
      return { payerId: asText(payerCell), code: asText(code).toUpperCase(), dos: date.dos, modifiers: lineModifiers, units: n };
    },
  };
}

function noRate(line: Line): string {
  const modifiers = line.modifiers.length > 0 ? `-${line.modifiers.join("-")}` : "";
  return `no contract rate for ${line.payerId} ${line.code}${modifiers} on ${line.dos} in the Contracts table`;
}

/** MEDBILL.EXPECTED: the contracted allowed amount of each code, in dollars. */
export function expectedCells(
  code: unknown,
  payer: unknown,
  dos: unknown,
  contracts: unknown,
  modifier?: unknown,
  units?: unknown,
): Answer[][] {
  return answerLines(code, payer, dos, contracts, modifier, units, (expected) => centsToNumber(expected));
}

/**
 * MEDBILL.VARIANCE: each allowed amount less the contracted amount of its code, in dollars (negative when
 * the payer allowed less than the contract: an underpayment).
 */
export function varianceCells(
  allowed: unknown,
  code: unknown,
  payer: unknown,
  dos: unknown,
  contracts: unknown,
  modifier?: unknown,
  units?: unknown,
): Answer[][] {
  const codes = cellRows(code);
  const amounts = companion(allowed, codes, "allowed amount", "codes");
  const errors = new CellErrors();
  if (!amounts.ok) return answerEach(codes, (c) => (isBlankCell(c) ? "" : errors.invalidValue(amounts.reason)));
  return answerLines(code, payer, dos, contracts, modifier, units, (expected, r, c) => {
    const cell = amounts.at(r, c);
    if (isBlankCell(cell)) return errors.invalidValue("the allowed amount is blank");
    const read = parseMoney(cell);
    if (!read.ok) return errors.invalidValue(`the allowed amount: ${read.error}`);
    return centsToNumber(read.value - expected);
  });
}

function answerLines(
  code: unknown,
  payer: unknown,
  dos: unknown,
  contracts: unknown,
  modifier: unknown,
  units: unknown,
  answer: (expected: Cents, r: number, c: number) => Answer,
): Answer[][] {
  const codes = cellRows(code);
  const errors = new CellErrors();
  const all = (reason: string) => answerEach(codes, (c) => (isBlankCell(c) ? "" : errors.invalidValue(reason)));
  const book = readContracts(contracts);
  if (!book.ok) return all(book.reason);
  const asked = questions(codes, payer, dos, modifier, units);
  if (!asked.ok) return all(asked.reason);
  return answerEach(codes, (_code, r, c) => {
    const line = asked.at(r, c);
    if (line === undefined) return "";
    if (typeof line === "string") return errors.invalidValue(line);
    const expected = book.rates.expected(line);
    if (!expected) return errors.notAvailable(noRate(line));
    return answer(expected.allowed, r, c);
  });
}
