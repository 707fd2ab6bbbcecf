// The secondary claims to send now, as the terminal (`medbill claims export --secondary`) and the
// Claims panel both make them: the claims due to a secondary (claimsDueToSecondary), each built with
// the primary's answer (secondaryClaim: refused in words when a line's postings do not add up) and
// the built ones scrubbed as one batch with the code sets stored in the workbook. Ready: built, and
// no error (warnings are sent, as for a primary claim). With sequence "Tertiary"
// (`medbill claims export --tertiary`) the same for the claims due to a tertiary (claimsDueToTertiary,
// tertiaryClaim: both prior payers' answers).
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
import { claimsDueToTertiary, tertiaryClaim, type TertiaryDue } from "./tertiary";

/** What the batch reads, in one readTables call. */
export const SECONDARY_TABLES = [...new Set([...CLAIM_TABLES, ...LEDGER_TABLES])];

/** Which of the patient's later payers a batch bills. */
export type LaterSequence = "Secondary" | "Tertiary";

export interface SecondaryEntry {
  /** A SecondaryDue in a secondary batch, a TertiaryDue in a tertiary one. */
  due: SecondaryDue | TertiaryDue;
  /** "refused": the claim could not be built (`refused` says why); else the scrub's status. */
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
  /** The payer the batch bills: "Secondary" or "Tertiary". */
  sequence: LaterSequence;
}

/** The batch from tables already read; `payerId` keeps to one secondary (tertiary) payer; `sequence` says which (Secondary when left out). */
export function secondaryBatch(
  tables: Record<string, RawTable | undefined>,
  dateSystem: DateSystem,
  options: { today: IsoDate; library?: CodeSetLibrary; payerId?: string; sequence?: LaterSequence },
): SecondaryBatch {
  const sequence = options.sequence ?? "Secondary";
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
  const dueBooks = { claims: books.claims, patients: rowsOf(Patients), payers, ledger, claimStatus };
  const built =
    sequence === "Tertiary"
      ? claimsDueToTertiary(dueBooks)
          .filter((d) => wanted === undefined || d.tertiaryPayerId.toLowerCase() === wanted)
          .map((d) => ({ due: d as SecondaryDue | TertiaryDue, built: tertiaryClaim(d, { payers, ledger }) }))
      : claimsDueToSecondary(dueBooks)
          .filter((d) => wanted === undefined || d.secondaryPayerId.toLowerCase() === wanted)
          .map((d) => ({ due: d as SecondaryDue | TertiaryDue, built: secondaryClaim(d, { payers, ledger }) }));
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
  return { books, entries, ready, report, crossedOver, sequence };
}

/** Read the tables and the code sets, and make the batch. */
export async function readSecondaryBatch(
  workbook: Workbook,
  options: { today: IsoDate; payerId?: string; sequence?: LaterSequence },
): Promise<SecondaryBatch> {
  const { dateSystem } = await workbook.describe();
  const tables = await workbook.readTables(SECONDARY_TABLES);
  const library = await loadCodeSets(workbook);
  return secondaryBatch(tables, dateSystem, { ...options, library });
}
