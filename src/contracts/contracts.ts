// What a payer's contract allows for a service (issue 15, "Contracted rates per payer"): the rate of the
// Contracts table (src/workbook/tables.ts) for the line's payer, code and modifier in effect on its date
// of service, times its units. The rules, in the order they decide:
// - the payer and code must be the line's (PayerID without regard to case and spaces around; the code
//   as the Code cell reads it, upper case);
// - the span must hold the date of service (a blank Effective From or To leaves that end open);
// - a row naming one of the line's modifiers wins over a row with a blank Modifier (which is the code's
//   rate with any modifier no row names); among the line's modifiers, the first one with a row wins;
// - when rows still tie (spans that overlap), the one whose span starts latest wins (the newer contract)
//   and then the lower row: contractProblems names every such overlap so the office can fix it.
// Allowed is per unit of service: a line of 3 units is expected at 3 times the rate, to the cent.
import type { DateSystem, IsoDate } from "../dates";
import { formatMoney, parseMoney, type Cents } from "../money";
import { describeIssue, parseTable } from "../workbook/mapTable";
import type { RawTable } from "../workbook/port";
import { PracticeSettings } from "../workbook/practiceSettings";
import { practiceSettingDefault } from "../workbook/setup";
import { Contracts, Practice, type ContractRow } from "../workbook/tables";

/** The rate a line is expected at, and the Contracts row it comes from (its position among the rows given). */
export interface ExpectedAllowed {
  /** The rate times the units, rounded to the cent. */
  allowed: Cents;
  perUnit: Cents;
  row: ContractRow;
  index: number;
}

/** A line as far as contracts go. */
export interface ContractQuestion {
  payerId: string;
  code: string;
  /** The line's modifiers in their order (Mod1..Mod4), blanks left out. */
  modifiers?: readonly (string | undefined)[];
  dos: IsoDate;
  /** Units of service (1 when left out). */
  units?: number;
}

/** The Contracts rows indexed by payer and code, for many questions. */
export class ContractRates {
  private readonly byPayerCode = new Map<string, number[]>();
  // The lists by the PayerID and code as a line writes them: a million lines ask with a handful of
  // payers and codes, each written one way, so the normalized key is made once per spelling.
  private readonly asWritten = new Map<string, Map<string, number[] | null>>();

  constructor(readonly rows: readonly ContractRow[]) {
    rows.forEach((row, i) => {
      const key = keyOf(row.payerId, row.code);
      const list = this.byPayerCode.get(key);
      if (list) list.push(i);
      else this.byPayerCode.set(key, [i]);
    });
  }

  private candidates(payerId: string, code: string): number[] | undefined {
    let codes = this.asWritten.get(payerId);
    if (!codes) this.asWritten.set(payerId, (codes = new Map()));
    let list = codes.get(code);
    if (list === undefined) codes.set(code, (list = this.byPayerCode.get(keyOf(payerId, code)) ?? null));
    return list ?? undefined;
  }

  /** The rate in effect for the line, or undefined when the contracts have none for it. */
  expected(q: ContractQuestion): ExpectedAllowed | undefined {
    const candidates = this.candidates(q.payerId, q.code);
    if (!candidates) return undefined;
    let modifiers: string[] | undefined;
    let best = -1;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const i of candidates) {
      const row = this.rows[i];
      if (!inEffect(row, q.dos)) continue;
      const modifier = modifierKey(row.modifier);
      // Rank: the line's first modifier with a row 0, its second 1, ...; a blank-modifier row after them all.
      let rank = BLANK_MODIFIER_RANK;
      if (modifier !== "") {
        modifiers ??= (q.modifiers ?? []).map(modifierKey).filter((m) => m !== "");
        rank = modifiers.indexOf(modifier);
      }
      if (rank < 0) continue;
      if (rank < bestRank || (rank === bestRank && startsLater(row, this.rows[best]))) {
        best = i;
        bestRank = rank;
      }
    }
    if (best < 0) return undefined;
    const row = this.rows[best];
    const units = q.units ?? 1;
    return { allowed: Math.round(row.allowed * units), perUnit: row.allowed, row, index: best };
  }
}

/** A blank-modifier row ranks after a row for any of the line's modifiers. */
const BLANK_MODIFIER_RANK = Number.MAX_SAFE_INTEGER;

const keyOf = (payerId: string, code: string) => `${payerId.trim().toUpperCase()}\u0000${code.trim().toUpperCase()}`;
const modifierKey = (modifier: string | undefined) => (modifier ?? "").trim().toUpperCase();

function inEffect(row: ContractRow, dos: IsoDate): boolean {
  return (row.effectiveFrom === undefined || row.effectiveFrom <= dos) && (row.effectiveTo === undefined || dos <= row.effectiveTo);
}

/** Whether row a's span starts later than b's (an open start is the earliest); ties go to the later row (a). */
function startsLater(a: ContractRow, b: ContractRow): boolean {
  const from = (row: ContractRow) => row.effectiveFrom ?? "";
  return from(a) >= from(b);
}

/**
 * What is wrong with the Contracts rows as a set, in a biller's words: a span that ends before it starts,
 * and two rows for the same payer, code and modifier whose spans overlap (which rate counts is then a
 * guess: the newer one is used). `sheetRows` numbers the rows as the sheet does.
 */
export function contractProblems(rows: readonly ContractRow[], sheetRows?: readonly number[]): string[] {
  const problems: string[] = [];
  const rowNumber = (i: number) => sheetRows?.[i] ?? i + 2;
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.effectiveFrom !== undefined && row.effectiveTo !== undefined && row.effectiveTo < row.effectiveFrom) {
      problems.push(
        `Contracts row ${rowNumber(i)}: Effective To ${row.effectiveTo} is before Effective From ${row.effectiveFrom}, so the rate is never in effect.`,
      );
    }
    const key = `${keyOf(row.payerId, row.code)}\u0000${modifierKey(row.modifier)}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  for (const list of groups.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = rows[list[a]];
        const y = rows[list[b]];
        if (!overlap(x, y)) continue;
        const what = `${x.payerId} ${x.code}${x.modifier ? `-${x.modifier}` : ""}`;
        problems.push(
          `Contracts rows ${rowNumber(list[a])} and ${rowNumber(list[b])} both give a rate for ${what} on the same dates ` +
            `(${formatMoney(x.allowed)} and ${formatMoney(y.allowed)}): the one that starts later is used; end the older one's span.`,
        );
      }
    }
  }
  return problems;
}

function overlap(a: ContractRow, b: ContractRow): boolean {
  const start = (r: ContractRow) => r.effectiveFrom ?? "0000-01-01";
  const end = (r: ContractRow) => r.effectiveTo ?? "9999-12-31";
  return start(a) <= end(b) && start(b) <= end(a);
}

/** The Practice setting naming how far under contract an allowed amount may be before it is flagged. */
export const UNDERPAYMENT_TOLERANCE = "Underpayment Tolerance";

/**
 * The workbook's contracts as the remittance import reads them: the rates (undefined without a Contracts
 * table, or with none of its rows readable), the tolerance (the Practice setting, $1.00 when blank), and
 * what the office should fix, in its words (bad rows, overlaps, a tolerance that is not an amount). A bad
 * row is left out: a line it would have priced is then not checked, never checked against a wrong rate.
 */
export function contractsInTables(
  tables: Record<string, RawTable | undefined>,
  dateSystem: DateSystem,
): { rates?: ContractRates; tolerance: Cents; problems: string[] } {
  const problems: string[] = [];
  const fallback = parseMoney(practiceSettingDefault(UNDERPAYMENT_TOLERANCE));
  if (!fallback.ok) throw new Error(`the default of "${UNDERPAYMENT_TOLERANCE}" is not an amount`);
  let tolerance: Cents = fallback.value;
  const practice = tables[Practice.name];
  if (practice) {
    const given = PracticeSettings.fromRows(parseTable(Practice, practice, dateSystem).rows).get(UNDERPAYMENT_TOLERANCE);
    if (given !== undefined) {
      const read = parseMoney(given);
      if (read.ok && read.value >= 0) tolerance = read.value;
      else {
        problems.push(
          `Practice setting "${UNDERPAYMENT_TOLERANCE}": "${given}" is not an amount of $0.00 or more; ${formatMoney(tolerance)} is used until it is corrected.`,
        );
      }
    }
  }
  const raw = tables[Contracts.name];
  if (!raw) return { tolerance, problems };
  const parsed = parseTable(Contracts, raw, dateSystem);
  for (const issue of parsed.issues) problems.push(`${describeIssue(issue)}: that contract rate is not used until it is fixed.`);
  if (parsed.count === 0) return { tolerance, problems };
  problems.push(...contractProblems(parsed.rows, parsed.sheetRows));
  return { rates: new ContractRates(parsed.rows), tolerance, problems };
}
