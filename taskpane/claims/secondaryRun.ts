// The Claims panel's secondary claims, apart from React so they can be tested in Node: the claims due
// to a patient's secondary payer (src/claims/secondaryBatch.ts, as `medbill claims export --secondary`
// makes them), each row's words, and the export: the 837P of the ready ones with the primary's
// answer, and the plan (a ClaimStatus "Billed" row with Sequence Secondary per claim, the last
// control number, the Audit row) applied in one write. The batch is made again at export time from
// the workbook as it is then. A refusal comes back in words with nothing written.
import { build837p } from "../../src/claims/837pWriter";
import { envelopeFrom, exportPlan, exportRefusals } from "../../src/claims/exportPlan";
import type { Claim } from "../../src/claims/model";
import { describeProblem } from "../../src/claims/scrubber";
import { readSecondaryBatch, type SecondaryBatch, type SecondaryEntry } from "../../src/claims/secondaryBatch";
import type { IsoDate } from "../../src/dates";
import { formatMoney } from "../../src/money";
import { applyPlan, type AppliedPlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { listInWords, plural } from "../billerMessage";
import type { ExportedFile } from "./claimsRun";

export { readSecondaryBatch };

/** One due claim as its row shows it. */
export interface SecondaryRowView {
  claimId: string;
  /** "MCD · after MCR". */
  payers: string;
  /** "$30.00 left". */
  left: string;
  status: SecondaryEntry["status"];
  /** "Ready", "Warnings", "Errors", "Can't be built". */
  statusText: string;
  /** Why it is held back, or its warnings, each a sentence. */
  problems: string[];
}

const STATUS_TEXT: Record<SecondaryEntry["status"], string> = {
  ready: "Ready",
  warnings: "Warnings",
  errors: "Errors",
  refused: "Can't be built",
};

export function secondaryRowView(entry: SecondaryEntry): SecondaryRowView {
  const { due } = entry;
  const problems = entry.refused ?? (entry.result?.problems ?? []).map((p) => describeProblem(p));
  return {
    claimId: due.claim.claimId,
    payers: `${due.secondaryPayerId} · after ${due.claim.payer.payerId}`,
    left: `${formatMoney(due.left)} left`,
    status: entry.status,
    statusText: STATUS_TEXT[entry.status],
    problems,
  };
}

/** The sentence over the list. */
export function secondaryHeadline(batch: Pick<SecondaryBatch, "entries" | "ready">): string {
  if (batch.entries.length === 0) {
    return "No claim is due to a secondary payer: the primary has not answered, nothing is left to the patient, or it was billed to the secondary (or crossed over) already.";
  }
  const left = batch.entries.reduce((sum, e) => sum + e.due.left, 0);
  const held = batch.entries.length - batch.ready.length;
  return (
    `${plural(batch.entries.length, "claim")} due to a secondary payer (${formatMoney(left)} left after the primary): ` +
    `${plural(batch.ready.length, "claim")} ready${held > 0 ? `, ${held} held back until fixed` : ""}.`
  );
}

/** The claims the primary forwarded itself, said once. */
export function crossedOverText(crossedOver: readonly string[]): string | undefined {
  if (crossedOver.length === 0) return undefined;
  const shown =
    crossedOver.length <= 5 ? listInWords([...crossedOver]) : `${crossedOver.slice(0, 5).join(", ")} and ${crossedOver.length - 5} more`;
  return `Crossed over by the primary to the next payer, not to bill yourself: ${shown}.`;
}

export interface SecondaryExport {
  file: ExportedFile;
  claims: Claim[];
  notes: string[];
  applied: AppliedPlan;
}

export type SecondaryExportRun = { ok: true; outcome: SecondaryExport } | { ok: false; error: string };

/** Make the batch again, write the ready claims' 837P, and apply the plan in one write. */
export async function exportSecondaryClaims(workbook: Workbook, request: { now: Date; today: IsoDate }): Promise<SecondaryExportRun> {
  const { books, ready } = await readSecondaryBatch(workbook, { today: request.today });
  if (ready.length === 0) return { ok: false, error: "No secondary claim is ready to send. Nothing was written." };
  const built = build837p(ready, { ...envelopeFrom(books), now: request.now });
  if (!built.ok) return { ok: false, error: `${built.error} Nothing was written.` };
  const refused = exportRefusals(ready, books, { sequence: "Secondary" });
  if (refused.length > 0) return { ok: false, error: `${refused.join(" ")} Nothing was written.` };
  const file: ExportedFile = {
    name: `claims-secondary-${String(built.control.interchange).padStart(9, "0")}.837`,
    text: built.text,
    control: built.control,
  };
  const plan = exportPlan(ready, books, file, request.today, { sequence: "Secondary" });
  const applied = await applyPlan(workbook, plan, request.now);
  return { ok: true, outcome: { file, claims: ready, notes: built.notes, applied } };
}

/** What the notice says once the file is made. */
export function secondaryExportedMessage(outcome: Pick<SecondaryExport, "file" | "claims">): string {
  const payers = [...new Set(outcome.claims.map((c) => c.payer.payerId))];
  return (
    `${outcome.file.name} holds ${plural(outcome.claims.length, "secondary claim")} for ${listInWords(payers)}, each with the primary's ` +
    "payments and adjustments. ClaimStatus records them billed to the secondary, so they are not sent twice; send the file to your clearinghouse."
  );
}
