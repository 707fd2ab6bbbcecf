// The secondary claims to send now, as the terminal (`medbill claims export --secondary`) and the
// Claims panel both make them: the claims due to a secondary (claimsDueToSecondary), each built with
// the primary's answer (secondaryClaim: refused in words when a line's postings do not add up) and
// the built ones scrubbed as one batch with the code sets stored in the workbook. Ready: built, and
// no error (warnings are sent, as for a primary claim).
import { loadCodeSets } from "../codes/codeSetStore";
import type { CodeSetLibrary } from "../codes/codeSetLibrary";
import type { DateSystem, IsoDate } from "../dates";
import { LEDGER_TABLES, ledgerFromTables } from "../ledger/ledger";
import { parseTable } from "../workbook/mapTable";
import type { RawTable, Workbook } from "../workbook/port";
import { ClaimStatus, Patients, Payers, type TableDef } from "../workbook/tables";
import { CLAIM_TABLES, claimBooksFromTables, type ClaimBooks } from "./claimBooks";
import type { Claim } from "./model";
import { scrubClaims, type ScrubReport, type ScrubResult } from "./scrubber";
import { claimsDueToSecondary, secondaryClaim, type SecondaryDue } from "./secondary";

/** What the batch reads, in one readTables call. */
export const SECONDARY_TABLES = [...new Set([...CLAIM_TABLES, ...LEDGER_TABLES])];

export interface SecondaryEntry {
  due: SecondaryDue;
  /** "refused": the secondary claim could not be built (`refused` says why); else the scrub's status. */
  status: "ready" | "warnings" | "errors" | "refused";
  claim?: Claim;
  refused?: string[];
  result?: ScrubResult;
}

export interface SecondaryBatch {
  /** The primary claims' books: the envelope (Practice), the tables a plan rewrites, their problems. */
  books: ClaimBooks;
  entries: SecondaryEntry[];
  /** The claims to write: built, with no scrub error. */
  ready: Claim[];
  report: ScrubReport;
  /** ClaimIDs a primary's ERA says it forwarded to the next payer itself (ClaimStatus "Crossed over"): not to bill. */
  crossedOver: string[];
}

/** The batch from tables already read; `payerId` keeps to one secondary payer. */
export function secondaryBatch(
  tables: Record<string, RawTable | undefined>,
  dateSystem: DateSystem,
  options: { today: IsoDate; library?: CodeSetLibrary; payerId?: string },
): SecondaryBatch {
  const books = claimBooksFromTables(tables, dateSystem);
  const ledger = ledgerFromTables(tables, dateSystem);
  const rowsOf = <D extends TableDef>(def: D) => {
    const raw = tables[def.name];
    return raw ? parseTable(def, raw, dateSystem).rows : [];
  };
  const payers = rowsOf(Payers);
  const claimStatus = rowsOf(ClaimStatus);
  const crossedOver = [...new Set(claimStatus.filter((r) => r.event === "Crossed over").map((r) => r.claimId))];
  const wanted = options.payerId?.toLowerCase();
  const due = claimsDueToSecondary({
    claims: books.claims,
    patients: rowsOf(Patients),
    payers,
    ledger,
    claimStatus,
  }).filter((d) => wanted === undefined || d.secondaryPayerId.toLowerCase() === wanted);
  const built = due.map((d) => ({ due: d, built: secondaryClaim(d, { payers, ledger }) }));
  const claims = built.flatMap((b) => (b.built.ok ? [b.built.claim] : []));
  const report = scrubClaims(claims, {
    today: options.today,
    library: options.library,
    rulesOff: books.scrubRulesOff,
    columns: books.columns,
  });
  const results = new Map(report.results.map((r, i) => [claims[i], r]));
  const entries: SecondaryEntry[] = built.map(({ due: d, built: b }) => {
    if (!b.ok) return { due: d, status: "refused", refused: b.problems };
    const result = results.get(b.claim)!;
    return { due: d, status: result.status, claim: b.claim, result };
  });
  const ready = entries.flatMap((e) => (e.claim && e.status !== "errors" ? [e.claim] : []));
  return { books, entries, ready, report, crossedOver };
}

/** Read the tables and the code sets, and make the batch. */
export async function readSecondaryBatch(workbook: Workbook, options: { today: IsoDate; payerId?: string }): Promise<SecondaryBatch> {
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables(SECONDARY_TABLES);
  const library = await loadCodeSets(workbook);
  return secondaryBatch(tables, dateSystem, { ...options, library });
}
