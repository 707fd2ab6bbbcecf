// Which of our claims and service lines a remittance speaks of (DOMAIN.md "Posting rules"): CLP01 is
// the ClaimID we sent; each SVC is then one of that claim's Charges rows, found by the line id we
// sent (REF*6R = ChargeID), else by procedure code, modifiers and date of service. When the payer
// paid under another code, SVC06 holds the code we billed, and that is the one matched. Each charge
// line answers one SVC at most. What is not found is said in a biller's words, naming the claim and
// the line as the file gives them (never the patient).
import type { IsoDate } from "../dates";
import { IdNumbers } from "../ledger/idNumbers";
import type { Ledger } from "../ledger/ledger";
import type { ChargeRow } from "../workbook/tables";
import type { RemitClaim, RemitLine } from "./remittance";

/**
 * The Charges rows of each ClaimID (keys trimmed, upper case), in Charges order. A claim's ids are
 * numbered by IdNumbers (ClaimIDs end in a number: about 4x faster than a Map of 50,000 of them).
 */
export class ChargesByClaim {
  private readonly numbers: IdNumbers;
  private readonly claims: (ChargeRow[] | undefined)[] = [];
  /** Each claim's rows' positions in Charges (the ledger's columns are by position). */
  private readonly positions: number[][] = [];

  constructor(expected: number) {
    this.numbers = new IdNumbers(expected);
  }

  /** The rows of the claim with this key (trimmed, upper case), in Charges order, and their positions there. */
  get(key: string): { rows: ChargeRow[]; positions: number[] } | undefined {
    const n = this.numbers.find(key);
    const rows = n < 0 ? undefined : this.claims[n];
    return rows ? { rows, positions: this.positions[n] } : undefined;
  }

  /** Number a claim's key (its rows then come in fill). */
  want(key: string): number {
    return this.numbers.of(key);
  }

  /**
   * Every Charges row put with its claim: with a claim wanted, or with any when `any`. Each claim's
   * lists are made to their length once its rows are counted: a list of one row grown by a push to
   * hold two had room for eighteen, and 50,000 claims' pairs of such lists were kept to the end.
   */
  fill(charges: readonly ChargeRow[], any: boolean): void {
    const claimOf = new Int32Array(charges.length);
    const counts: number[] = [];
    for (let i = 0; i < charges.length; i++) {
      const key = claimKey(charges[i].claimId);
      const n = any ? this.numbers.of(key) : this.numbers.find(key);
      claimOf[i] = n;
      if (n >= 0) counts[n] = (counts[n] ?? 0) + 1;
    }
    const filled: number[] = new Array<number>(counts.length).fill(0);
    for (let n = 0; n < counts.length; n++) {
      const count = counts[n];
      if (count === undefined) continue;
      this.claims[n] = new Array<ChargeRow>(count);
      this.positions[n] = new Array<number>(count);
    }
    for (let i = 0; i < charges.length; i++) {
      const n = claimOf[i];
      if (n < 0) continue;
      const k = filled[n]++;
      this.claims[n]![k] = charges[i];
      this.positions[n][k] = i;
    }
  }
}

/** Per row of a claim (same positions as rows): ChargeID trimmed and upper case, code upper case, modifierKey. */
interface ChargeKeys {
  ids: string[];
  codes: string[];
  modifiers: string[];
}

const claimKey = (claimId: string) => upperCase(claimId.trim());

/**
 * text.toUpperCase(), but the text itself when it has no lower-case letter (ASCII without a-z): ids and
 * codes mostly are upper case already, and toUpperCase makes a new string every time (some 400,000
 * for an ERA of 50,000 claims: its ClaimIDs, ChargeIDs, codes, line ids and CAS reasons).
 */
export function upperCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || (c >= 0x61 && c <= 0x7a)) return text.toUpperCase();
  }
  return text;
}

/**
 * The ledger's charges by claim, in one pass. `claimIds`, when given, are the only claims wanted
 * (the ones a file names): the others are passed over without a list each.
 */
export function chargesByClaim(ledger: Ledger, claimIds?: Iterable<string>): ChargesByClaim {
  let byClaim: ChargesByClaim;
  if (claimIds) {
    const keys: string[] = [];
    for (const id of claimIds) keys.push(claimKey(id));
    byClaim = new ChargesByClaim(keys.length);
    for (const key of keys) byClaim.want(key);
  } else byClaim = new ChargesByClaim(ledger.charges.length);
  byClaim.fill(ledger.charges, !claimIds);
  return byClaim;
}

/**
 * The keys a remittance line is matched on, per row of a claim, worked out once per match rather
 * than for every line that looks at the row. Not kept with the claim: a claim is matched once, and
 * 50,000 claims' keys kept to the end of the plan were objects for the garbage collector to copy.
 */
function keysOf(rows: ChargeRow[]): ChargeKeys {
  const n = rows.length;
  const keys: ChargeKeys = { ids: new Array<string>(n), codes: new Array<string>(n), modifiers: new Array<string>(n) };
  for (let i = 0; i < n; i++) {
    const c = rows[i];
    keys.ids[i] = upperCase(c.chargeId.trim());
    keys.codes[i] = upperCase(c.code);
    keys.modifiers[i] = chargeModifierKey(c);
  }
  return keys;
}

export interface ClaimMatch {
  /** The claim's lines in Charges; undefined when no Charges row has that ClaimID. */
  charges?: ChargeRow[];
  /** Where each of `charges` is in Charges (the ledger's columns and lists are by position). */
  positions?: number[];
  /** The charge line each SVC answers, in the file's order (undefined when none). */
  lines: (ChargeRow | undefined)[];
  /** Why the claim or a line was not matched (`index`: the line's place among the claim's SVCs); empty when everything was. */
  problems: { line?: string; index?: number; reason: string }[];
}

/** "99213-25 on 2026-03-05": a remittance line as the exceptions name it (the code we billed). */
export function remitLineLabel(line: RemitLine, claim: RemitClaim): string {
  const { code, modifiers } = billedAs(line);
  const date = lineDate(line, claim);
  return `${[code || "(no code)", ...modifiers].join("-")} on ${date ?? "(no date)"}`;
}

/** The code and modifiers as billed: SVC06 when the payer changed them, else SVC01. */
function billedAs(line: RemitLine): { code: string; modifiers: string[] } {
  if (line.originalCode) return { code: line.originalCode, modifiers: line.originalModifiers ?? [] };
  return { code: line.code, modifiers: line.modifiers };
}

/** DTM*472 (or a service period's start), else the claim's service date. */
function lineDate(line: RemitLine, claim: RemitClaim): IsoDate | undefined {
  return line.dos ?? claim.serviceFrom;
}

/** Modifiers trimmed, upper case, blanks left out, sorted and joined by spaces: "" when there are none. */
function modifierKey(modifiers: readonly (string | undefined)[]): string {
  let list: string[] | undefined;
  for (const m of modifiers) {
    const key = (m ?? "").trim().toUpperCase();
    if (key === "") continue;
    (list ??= []).push(key);
  }
  if (!list) return "";
  return list.length === 1 ? list[0] : list.sort().join(" ");
}

function chargeModifierKey(c: ChargeRow): string {
  // Most lines have no modifier at all: nothing to gather.
  if (!c.mod1 && !c.mod2 && !c.mod3 && !c.mod4) return modifierKey([]);
  return modifierKey([c.mod1, c.mod2, c.mod3, c.mod4]);
}

/**
 * Match a remittance claim and its lines to our Charges: the claim by its ClaimID (a Map look-up),
 * each line among that claim's rows by the keys worked out once per row.
 */
export function matchClaim(claim: RemitClaim, byClaim: ChargesByClaim): ClaimMatch {
  const claimId = claim.patientControl.trim();
  const found = claimId === "" ? undefined : byClaim.get(claimKey(claimId));
  if (!found) {
    return {
      lines: claim.lines.map(() => undefined),
      problems: [{ reason: claimId === "" ? "the claim has no claim number (CLP01)" : `claim ${claimId} is not in Charges` }],
    };
  }
  const charges = found.rows;
  const keys = keysOf(charges);
  // A plain array for a claim's few rows: a typed array per claim costs more to make than it saves.
  const used: number[] = new Array<number>(charges.length).fill(0);
  const remit = claim.lines;
  const lines: (ChargeRow | undefined)[] = new Array<ChargeRow | undefined>(remit.length).fill(undefined);
  // Line ids first, all of them, so a line matched by code cannot take a line another SVC names by id.
  for (let i = 0; i < remit.length; i++) {
    const lineId = remit[i].lineId;
    const id = lineId === undefined ? undefined : upperCase(lineId.trim());
    if (!id) continue;
    const k = keys.ids.indexOf(id);
    if (k < 0) continue;
    // The first row with that id not taken yet (ChargeIDs are unique, but a workbook may repeat one).
    let at = k;
    while (at >= 0 && used[at]) at = keys.ids.indexOf(id, at + 1);
    if (at >= 0) {
      used[at] = 1;
      lines[i] = charges[at];
    }
  }
  const problems: ClaimMatch["problems"] = [];
  for (let i = 0; i < remit.length; i++) {
    if (lines[i]) continue;
    const line = remit[i];
    const { code, modifiers } = billedAs(line);
    const wantedCode = code.trim().toUpperCase();
    const wantedModifiers = modifierKey(modifiers);
    const date = lineDate(line, claim);
    // Two lines alike (the same code twice on a day): the one billed at the SVC's charge first, else the first.
    let first = -1;
    let sameCharge = -1;
    for (let k = 0; k < charges.length; k++) {
      if (used[k] || keys.codes[k] !== wantedCode || keys.modifiers[k] !== wantedModifiers) continue;
      const c = charges[k];
      if (date !== undefined && c.dos !== date) continue;
      if (first < 0) first = k;
      if (c.amount === line.charge) {
        sameCharge = k;
        break;
      }
    }
    const at = sameCharge >= 0 ? sameCharge : first;
    if (at >= 0) {
      used[at] = 1;
      lines[i] = charges[at];
      continue;
    }
    const label = remitLineLabel(line, claim);
    const named = line.lineId ? ` (line id ${line.lineId} is not one of its ChargeIDs either)` : "";
    problems.push({ line: label, index: i, reason: `no line for ${label} in claim ${claimId}${named}` });
  }
  return { charges, positions: found.positions, lines, problems };
}
