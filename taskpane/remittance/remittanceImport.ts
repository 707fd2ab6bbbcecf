// Importing an 835 from the Import remittance panel, apart from React so it can be tested in Node:
// read the file in the page (it never leaves it), read the workbook's claims and payments, turn the
// remittance into a posting plan with its preview, and later post that plan (one write, with its
// Audit row) or export the exceptions to a sheet. Post reads the tables the plan rests on again and
// writes nothing when someone changed them since the preview (booksSnapshot.ts). Each stage is announced first so the progress bar
// moves before the slow part (a 10 MB file of 50,000 claims).
import { todayIso, type IsoDate } from "../../src/dates";
import { ERA_TABLES, eraPlanInputs, eraPostingPlan, exceptionsSheetPlan } from "../../src/era/eraPlan";
import type { EraPreview } from "../../src/era/eraPreview";
import { applyUnlessChanged, booksSnapshot, type BooksSnapshot, type GuardedApply } from "../../src/workbook/booksSnapshot";
import { applyPlan, type AppliedPlan, type WritePlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";

export type ImportStage = "reading" | "checking" | "matching" | "ready";

/** Where the progress bar stands when a stage starts (0..1). */
export const STAGE_PROGRESS: Record<ImportStage, number> = { reading: 0.05, checking: 0.25, matching: 0.45, ready: 1 };

/** What the progress bar says during a stage. */
export function stageLabel(stage: ImportStage, fileName?: string): string {
  if (stage === "reading") return fileName ? `Reading ${fileName}…` : "Reading the file…";
  if (stage === "checking") return "Reading the claims and payments in the workbook…";
  if (stage === "matching") return "Checking the remittance and matching its claims…";
  return "Ready to review.";
}

/** A file the office picked; `read` gives its bytes (File.arrayBuffer in the page, a Buffer in tests). */
export interface RemittanceFile {
  name: string;
  read: () => Promise<Uint8Array>;
}

/**
 * The file's only use is this preview: `plan` is what Post writes (none when nothing is new), and
 * `snapshot` the tables it was planned on, as they were.
 */
export type RemittanceImport = { ok: true; preview: EraPreview; plan?: WritePlan; snapshot: BooksSnapshot } | { ok: false; error: string };

/**
 * Reads one 835 and plans its posting. `onStage` is awaited before each stage so the panel can draw
 * its progress. Nothing is written: a refused file comes back as `ok: false` with the reason in a
 * biller's words.
 */
export async function previewRemittance(
  workbook: Workbook,
  file: RemittanceFile,
  onStage: (stage: ImportStage) => Promise<void> | void = () => {},
  today: IsoDate = todayIso(),
): Promise<RemittanceImport> {
  await onStage("reading");
  const bytes = await file.read();
  await onStage("checking");
  // The ledger, and Audit too: a remittance posted before is dated by the Audit row that posted it.
  const { ledger, ctx } = await eraPlanInputs(workbook, today);
  const snapshot = booksSnapshot(ctx.tables, ERA_TABLES);
  await onStage("matching");
  const result = await eraPostingPlan({ name: file.name, bytes }, ledger, ctx);
  if (!result.ok) return result;
  await onStage("ready");
  return { ok: true, preview: result.preview, plan: result.plan, snapshot };
}

/**
 * Post the previewed plan: one write with its Audit row; or nothing, with the biller's sentence, when
 * the Charges, Payments, Postings, Payers or ProviderAdjustments changed since the preview (another
 * biller posting the same ERA at the same time), or when the workbook refuses it (thrown).
 */
export function postRemittance(
  workbook: Workbook,
  previewed: { plan: WritePlan; snapshot: BooksSnapshot },
  now?: Date,
): Promise<GuardedApply> {
  return applyUnlessChanged(workbook, previewed.plan, previewed.snapshot, { now });
}

/**
 * The exceptions of a preview on a sheet of their own ("ERA exceptions <date>"), with an Audit row;
 * dates of service as the workbook's own dates.
 */
export async function exportExceptions(workbook: Workbook, preview: EraPreview, now?: Date): Promise<AppliedPlan> {
  const { dateSystem } = await workbook.describe();
  return applyPlan(workbook, exceptionsSheetPlan(preview, undefined, dateSystem), now);
}
