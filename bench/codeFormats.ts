// Format checks at worksheet scale: n generated cells of each kind (mostly valid, the rest with the
// mistakes billers make; text in mixed case with stray spaces, and numbers where Excel makes
// them), each run through its check, and a mixed column checked by guessing each kind first as
// MEDBILL.CODECHECK without a kind does. Cells are made before the clock starts. Returns figures, prints nothing.
import { checkCodeFormat, CODE_KINDS, guessCodeKind, type CodeKind } from "../src/codes/codeKinds";
import { npiCheckDigit } from "../src/codes/npi";
import { PLACES_OF_SERVICE } from "../src/codes/placeOfService";
import { SeededDice } from "../src/sample/seededDice";

export interface CodeFormatBench {
  kind: string;
  codes: number;
  /** How many the checks accepted: the generated mix, as a sanity figure. */
  valid: number;
  seconds: number;
  codesPerSecond: number;
}

type Cell = string | number;

/** The sample's seeded generator (mulberry32) so every run checks the same cells; int(n) is 0 to n - 1, pick a character. */
function dice(seed: number) {
  const d = new SeededDice(seed);
  const int = (below: number) => d.int(0, below - 1);
  return { next: () => d.next(), int, pick: (chars: string) => chars[int(chars.length)], digits: (count: number) => d.digits(count) };
}
type Dice = ReturnType<typeof dice>;

const ALNUM = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// How a biller's cell holds text: as typed, lower case, or with spaces around.
function asTyped(d: Dice, text: string): string {
  const style = d.int(8);
  if (style === 0) return text.toLowerCase();
  if (style === 1) return ` ${text} `;
  return text;
}

const MAKERS: Record<CodeKind, (d: Dice) => Cell> = {
  icd10: (d) => {
    if (d.next() < 0.25)
      return d.pick("ABC") === "A" ? "S62.5X0" : d.int(2) ? `E${d.digits(1)}.${d.digits(2)}` : `${d.digits(3)}.${d.digits(2)}`;
    const letter = d.pick("ABCDEFGHIJKLMNOPQRTVWYZ");
    let tail = "";
    for (let i = d.int(5); i > 0; i--) tail += d.pick(ALNUM);
    const code = `${letter}${d.digits(1)}${d.pick(ALNUM)}${tail}`;
    return asTyped(d, d.int(2) && code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);
  },
  cpt: (d) => {
    const r = d.next();
    if (r < 0.25) return d.int(2) ? d.digits(4) : `99213-${d.digits(2)}`;
    if (r < 0.55) return 10000 + d.int(90000);
    return asTyped(d, `${d.digits(4)}${d.pick("0123456789FTUM")}`);
  },
  hcpcs: (d) => (d.next() < 0.25 ? `${d.pick("DWXYZ")}${d.digits(4)}` : asTyped(d, `${d.pick("ABCEGJKLQV")}${d.digits(4)}`)),
  modifier: (d) => {
    const r = d.next();
    if (r < 0.25) return d.int(2) ? `-${d.digits(2)}` : d.pick(ALNUM);
    return r < 0.5 ? 22 + d.int(78) : asTyped(d, `${d.pick(ALNUM)}${d.pick(ALNUM)}`);
  },
  pos: (d) => {
    const r = d.next();
    if (r < 0.25) return d.int(2) ? d.digits(2) : d.digits(1); // mostly unassigned, or one digit as text
    const code = PLACES_OF_SERVICE[d.int(PLACES_OF_SERVICE.length)].code;
    return r < 0.6 ? Number(code) : asTyped(d, code);
  },
  npi: (d) => {
    const first9 = `${d.pick("12")}${d.digits(8)}`;
    const check = d.next() < 0.25 ? (npiCheckDigit(first9) + 1) % 10 : npiCheckDigit(first9);
    return d.int(2) ? Number(`${first9}${check}`) : asTyped(d, `${first9}${check}`);
  },
  ndc: (d) => {
    const digits = d.digits(10);
    switch (d.int(6)) {
      case 0:
        return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
      case 1:
        return `${digits.slice(0, 5)}-${digits.slice(5, 8)}-${digits.slice(8)}`;
      case 2:
        return `${digits.slice(0, 5)}-${digits.slice(5, 9)}-${digits.slice(9)}`;
      case 3:
        return asTyped(d, `${digits}${d.digits(1)}`);
      case 4:
        return `${digits.slice(0, 3)}-${digits.slice(3, 8)}-${digits.slice(8)}`; // a layout no NDC has
      default:
        return digits; // ambiguous without hyphens
    }
  },
  ein: (d) => {
    const nine = d.digits(9);
    return d.int(3) === 0 ? Number(nine) : asTyped(d, d.int(2) ? `${nine.slice(0, 2)}-${nine.slice(2)}` : nine);
  },
  taxonomy: (d) => {
    let middle = "";
    for (let i = 0; i < 6; i++) middle += d.pick(ALNUM);
    return asTyped(d, `${d.digits(3)}${middle}${d.next() < 0.2 ? "" : "X"}`);
  },
};

function timed(kind: string, cells: Cell[], check: (cell: Cell) => boolean): CodeFormatBench {
  const start = performance.now();
  let valid = 0;
  for (let i = 0; i < cells.length; i++) if (check(cells[i])) valid++;
  const seconds = (performance.now() - start) / 1000;
  return { kind, codes: cells.length, valid, seconds, codesPerSecond: cells.length / seconds };
}

/** Check n generated cells of each kind, then n mixed cells whose kind is guessed first. */
export function benchCodeFormats(n: number): CodeFormatBench[] {
  const results: CodeFormatBench[] = [];
  for (const kind of CODE_KINDS) {
    const d = dice(CODE_KINDS.indexOf(kind) + 1);
    const cells = Array.from({ length: n }, () => MAKERS[kind](d));
    results.push(timed(kind, cells, (cell) => checkCodeFormat(kind, cell).ok));
  }
  const d = dice(99);
  const mixed = Array.from({ length: n }, () => MAKERS[CODE_KINDS[d.int(CODE_KINDS.length)]](d));
  results.push(
    timed("guessed kind (mixed column)", mixed, (cell) => {
      const kind = guessCodeKind(cell);
      return kind !== undefined && checkCodeFormat(kind, cell).ok;
    }),
  );
  return results;
}
