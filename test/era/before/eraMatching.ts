// The code before issue 14's performance work, kept unchanged (imports aside) as the reference the
// new code is held to in test/era/eraBeforeAfter.test.ts. Not used by the add-in.
// Which of our claims and service lines a remittance speaks of (DOMAIN.md "Posting rules"): CLP01 is
// the ClaimID we sent; each SVC is then one of that claim's Charges rows, found by the line id we
// sent (REF*6R = ChargeID), else by procedure code, modifiers and date of service. When the payer
// paid under another code, SVC06 holds the code we billed, and that is the one matched. Each charge
// line answers one SVC at most. What is not found is said in a biller's words, naming the claim and
// the line as the file gives them (never the patient).
import type { IsoDate } from "../../../src/dates";
import type { Ledger } from "../../../src/ledger/ledger";
import type { ChargeRow } from "../../../src/workbook/tables";
import type { RemitClaim, RemitLine } from "./remittance";

/** The Charges rows of each ClaimID (keys trimmed, upper case), in Charges order. */
export type ChargesByClaim = Map<string, ChargeRow[]>;

const claimKey = (claimId: string) => claimId.trim().toUpperCase();

export function chargesByClaim(ledger: Ledger): ChargesByClaim {
  const byClaim: ChargesByClaim = new Map();
  for (const charge of ledger.charges) {
    const key = claimKey(charge.claimId);
    const lines = byClaim.get(key);
    if (lines) lines.push(charge);
    else byClaim.set(key, [charge]);
  }
  return byClaim;
}

export interface ClaimMatch {
  /** The claim's lines in Charges; undefined when no Charges row has that ClaimID. */
  charges?: ChargeRow[];
  /** The charge line each SVC answers, in the file's order (undefined when none). */
  lines: (ChargeRow | undefined)[];
  /** Why the claim or a line was not matched; empty when everything was. */
  problems: { line?: string; reason: string }[];
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

const modifierKey = (modifiers: (string | undefined)[]) =>
  modifiers
    .map((m) => (m ?? "").trim().toUpperCase())
    .filter((m) => m !== "")
    .sort()
    .join(" ");

/** Match a remittance claim and its lines to our Charges. */
export function matchClaim(claim: RemitClaim, byClaim: ChargesByClaim): ClaimMatch {
  const claimId = claim.patientControl.trim();
  const charges = claimId === "" ? undefined : byClaim.get(claimKey(claimId));
  if (!charges) {
    return {
      lines: claim.lines.map(() => undefined),
      problems: [{ reason: claimId === "" ? "the claim has no claim number (CLP01)" : `claim ${claimId} is not in Charges` }],
    };
  }
  const used = new Set<ChargeRow>();
  const lines: (ChargeRow | undefined)[] = claim.lines.map(() => undefined);
  // Line ids first, all of them, so a line matched by code cannot take a line another SVC names by id.
  claim.lines.forEach((line, i) => {
    const id = line.lineId?.trim().toUpperCase();
    if (!id) return;
    const charge = charges.find((c) => !used.has(c) && c.chargeId.trim().toUpperCase() === id);
    if (charge) {
      used.add(charge);
      lines[i] = charge;
    }
  });
  const problems: ClaimMatch["problems"] = [];
  claim.lines.forEach((line, i) => {
    if (lines[i]) return;
    const { code, modifiers } = billedAs(line);
    const wantedCode = code.trim().toUpperCase();
    const wantedModifiers = modifierKey(modifiers);
    const date = lineDate(line, claim);
    const candidates = charges.filter(
      (c) =>
        !used.has(c) &&
        c.code.toUpperCase() === wantedCode &&
        modifierKey([c.mod1, c.mod2, c.mod3, c.mod4]) === wantedModifiers &&
        (date === undefined || c.dos === date),
    );
    // Two lines alike (the same code twice on a day): the one billed at the SVC's charge first.
    const charge = candidates.find((c) => c.amount === line.charge) ?? candidates[0];
    if (charge) {
      used.add(charge);
      lines[i] = charge;
      return;
    }
    const label = remitLineLabel(line, claim);
    const named = line.lineId ? ` (line id ${line.lineId} is not one of its ChargeIDs either)` : "";
    problems.push({ line: label, reason: `no line for ${label} in claim ${claimId}${named}` });
  });
  return { charges, lines, problems };
}
