// An 835 remittance file turned into one posting plan and its preview (DOMAIN.md "X12 835
// remittance", "Posting rules"). Per remittance (ST/SE transaction) that posts: one Payments row
// (Method "ERA", Reference = the trace number, Amount = BPR02), the Postings of each matched claim
// (Source "ERA"), and its PLB items in ProviderAdjustments (never claim A/R). The Audit row names the
// file by name and SHA-256 with its ISA13, each remittance's trace (TRN02/TRN03) and BPR02, and never
// a patient. A file the reader refuses writes nothing; a remittance already in Payments (payer and
// trace) adds nothing and says when it was posted.
//
// The pieces: eraIdentity.ts (payer, trace, SHA-256), eraMatching.ts (claims and lines to Charges),
// eraPostings.ts (what a claim posts), eraTransaction.ts (one remittance decided claim by claim).
// Rows are laid out and previewed by the posting plans' own machinery (postingRows.ts).
import { isoToSerial, todayIso, type DateSystem, type IsoDate } from "../dates";
import type { LineBalance } from "../ledger/balances";
import { findDuplicatePayments, rowsAsWritten } from "../ledger/duplicatePayments";
import { LEDGER_TABLES, readLedger, type Ledger } from "../ledger/ledger";
import { checkTargetTable, targetTable } from "../ledger/postingChecks";
import { FIRST_PAYMENT_ID, FIRST_POSTING_ID } from "../ledger/postingIds";
import { postingFieldsNeeded } from "../ledger/postingLines";
import { creditsLeft, finishPlan, newIds, type PlanContext } from "../ledger/postingRows";
import { reversedBy } from "../ledger/reversible";
import { centsToNumber, formatMoney, MONEY_FORMAT, sumCents, type Cents } from "../money";
import { DATE_FORMAT } from "../reports/reportSheetLayout";
import { rowToCells } from "../workbook/mapTable";
import { appendOrCreateRows, createTableWithRows, type WritePlan } from "../workbook/plan";
import type { CellValue, Workbook, WriteOp } from "../workbook/port";
import {
  ClaimStatus,
  Contracts,
  Payments,
  Postings,
  Practice,
  ProviderAdjustments,
  type ClaimStatusRow,
  type PaymentRow,
  type PostingRow,
  type ProviderAdjustmentRow,
} from "../workbook/tables";
import { contractsInTables } from "../contracts/contracts";
import { sha256Hex } from "./eraIdentity";
import { chargesByClaim } from "./eraMatching";
import { PlannedPaid } from "./plannedPaid";
import { planRemittance, type EraRun, type PlannedRemittance } from "./eraTransaction";
import type { EraPreview, EraRemittancePreview } from "./eraPreview";
import { readRemittanceFile, type Remittance, type RemittanceRead } from "./remittance";

export type EraPlanResult =
  | {
      ok: true;
      /** Undefined when nothing new is to be posted. */
      plan?: WritePlan;
      preview: EraPreview;
      /** Balances the touched lines will have once the plan is applied, by the balance engine. */
      predicted: LineBalance[];
    }
  | { ok: false; error: string };

/** The tables an ERA plan reads: the ledger's, Audit (when a remittance was posted) and ProviderAdjustments. */
export const ERA_TABLES = [...LEDGER_TABLES, "Audit", ProviderAdjustments.name, Contracts.name, Practice.name, ClaimStatus.name];

/** Read what eraPostingPlan needs from a workbook: the ledger, and Audit and ProviderAdjustments besides. */
export async function eraPlanInputs(workbook: Workbook, today: IsoDate = todayIso()): Promise<{ ledger: Ledger; ctx: PlanContext }> {
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const more = await workbook.readTables(["Audit", ProviderAdjustments.name, Contracts.name, Practice.name, ClaimStatus.name]);
  return { ledger, ctx: { info: await workbook.describe(), tables: { ...tables, ...more }, dateSystem, today } };
}

/**
 * Read an 835 file and plan its posting. A file the reader refuses (not an 835, not 5010, damaged)
 * comes back as `ok: false` with the reason; so does a workbook that cannot take the rows (a missing
 * table or column). `ctx.tables` should hold ERA_TABLES (eraPlanInputs reads them): without Audit
 * an earlier posting is dated by its payment date.
 */
export async function eraPostingPlan(file: { name: string; bytes: Uint8Array }, ledger: Ledger, ctx: PlanContext): Promise<EraPlanResult> {
  const sha256 = await sha256Hex(file.bytes);
  const read = readRemittanceFile(new TextDecoder("utf-8").decode(file.bytes));
  if (!read.ok) return read;
  return planFromRemittances({ name: file.name, sha256 }, read, ledger, ctx);
}

/** The plan for remittances already read (eraPostingPlan's second half, timed apart by the benchmark). */
export function planFromRemittances(
  file: { name: string; sha256: string },
  read: Extract<RemittanceRead, { ok: true }>,
  ledger: Ledger,
  ctx: PlanContext,
): EraPlanResult {
  if (read.remittances.length === 0) return { ok: false, error: `${file.name} holds no remittance (no ST*835 transaction).` };
  const run: EraRun = {
    ledger,
    ctx,
    fileName: file.name,
    byClaim: chargesByClaim(ledger, claimsOf(read.remittances)),
    reversed: new Set(reversedBy(ledger).keys()),
    plannedPaid: new PlannedPaid(ledger.charges.length),
    posting: new Map(),
    exceptions: [],
    warnings: read.warnings.map((w) => w.message),
    tolerance: 0,
    underpaid: [],
  };
  // Lines paid under contract are flagged when the workbook has contracts (Contracts table).
  const contracts = contractsInTables(ctx.tables, ctx.dateSystem);
  run.contracts = contracts.rates;
  run.tolerance = contracts.tolerance;
  if (contracts.rates) run.warnings.push(...contracts.problems);
  const planned: PlannedRemittance[] = [];
  for (const r of read.remittances) {
    const one = planRemittance(run, r);
    if (one.draft && one.key !== undefined) run.posting.set(one.key, planned.length);
    planned.push(one);
  }
  const preview: EraPreview = {
    fileName: file.name,
    sha256: file.sha256,
    remittances: planned.map((p) => p.preview),
    warnings: run.warnings,
    exceptions: run.exceptions,
    ...(run.underpaid.length > 0 ? { underpaid: run.underpaid } : {}),
  };
  preview.warnings.push(...postedTwiceInFile(ledger, ctx, preview.remittances));
  const posting = planned.filter((p) => p.draft);
  if (posting.length === 0) return { ok: true, preview, predicted: [] };

  // The tables the rows go to, checked before any ID is given.
  const drafts = posting.map((p) => p.draft!);
  // One remittance's drafts are the list itself (a file of one check); several are put end to end.
  const postingDrafts = drafts.length === 1 ? drafts[0].postings : drafts.flatMap((d) => d.postings);
  const payments = checkTargetTable(targetTable(ctx, "Payments", Payments), Payments, [
    "paymentId",
    "date",
    "amount",
    "method",
    "payerId",
    "reference",
  ]);
  const postings =
    postingDrafts.length > 0
      ? checkTargetTable(
          targetTable(ctx, "Postings", Postings),
          Postings,
          postingFieldsNeeded(fieldsSample(postingDrafts), () => false),
        )
      : { problems: [] };
  const plbTable = targetTable(ctx, ProviderAdjustments.name, ProviderAdjustments);
  const hasPlb = drafts.some((d) => d.adjustments.length > 0);
  const plbCheck =
    hasPlb && plbTable
      ? checkTargetTable(plbTable, ProviderAdjustments, ["adjustmentId", "paymentId", "date", "payerId", "reason", "amount"])
      : { problems: [] };
  const problems = [...payments.problems, ...postings.problems, ...plbCheck.problems];
  if (problems.length > 0) return { ok: false, error: problems.join(" ") };

  const paymentIds = newIds(payments.table!, ledger.knownPaymentIds, "paymentId", drafts.length, FIRST_PAYMENT_ID);
  const postingIds = newIds(postings.table ?? payments.table!, ledger.knownPostingIds, "postingId", postingDrafts.length, FIRST_POSTING_ID);
  const paymentRows: PaymentRow[] = [];
  // The drafts are this plan's own (made above, kept nowhere else): each gets its IDs in place rather
  // than being copied into a new row with them, which for an ERA of 50,000 claims was 300,000 copies.
  // The rows are then the drafts' list itself, in the same order.
  const postingRows = postingDrafts as PostingRow[];
  let next = 0;
  const adjustmentRows: ProviderAdjustmentRow[] = [];
  drafts.forEach((draft, i) => {
    const paymentId = paymentIds[i];
    paymentRows.push({ paymentId, ...draft.payment });
    for (const row of draft.postings as PostingRow[]) {
      row.postingId = postingIds[next++];
      row.paymentId = paymentId;
    }
    // A PLB item's ID comes from its payment's, new in this plan, so it is unique without reading the table.
    draft.adjustments.forEach((row, k) => adjustmentRows.push({ adjustmentId: `${paymentId}-PLB${k + 1}`, paymentId, ...row }));
  });
  planned.forEach((p) => {
    if (p.sameAs !== undefined && p.preview.alreadyPosted) {
      p.preview.alreadyPosted.paymentId = paymentIds[posting.indexOf(planned[p.sameAs])];
    }
  });

  // The touched lines are read only if the predicted balances are: not made into a set before then.
  const touched = {
    *[Symbol.iterator]() {
      for (const row of postingRows) yield row.chargeId;
    },
  };
  const { what, totals } = auditWords(file, read.isaControl, drafts, paymentIds, posting);
  const finished = finishPlan(ledger, ctx, {
    payments: { table: payments.table, rows: paymentRows },
    postings: { table: postings.table, rows: postingRows },
    touched,
    action: "Post ERA",
    what,
    totals,
  });
  if (!finished.ok) return { ok: false, error: finished.problems.join(" ") };
  const plan = finished.plan;
  if (adjustmentRows.length > 0) plan.ops.push(plbOp(ctx, plbTable, adjustmentRows));
  const crossed = crossoverRows(read.remittances, planned, ctx.today);
  if (crossed.length > 0) {
    const history = appendOrCreateRows(ClaimStatus, ctx.tables[ClaimStatus.name], crossed, ctx.dateSystem);
    if (!history.ok) return { ok: false, error: history.problem };
    plan.ops.push(history.op);
  }
  // The credits from the rows' sums; the predicted balances themselves only when someone reads them.
  const credits = creditsLeft(ledger, postingRows) ?? finished.predicted.filter((line) => line.balance < 0);
  for (const line of credits) {
    preview.warnings.push(
      `Line ${line.chargeId} (claim ${line.claimId}) is left with a credit of ${formatMoney(-line.balance)} after this ERA.`,
    );
  }
  return {
    ok: true,
    plan,
    preview,
    get predicted(): LineBalance[] {
      return finished.predicted;
    },
  };
}

/** CLP02 of a claim the payer processed and forwarded to the next payer itself, and which payer it was. */
const FORWARDED_BY: Record<string, "Primary" | "Secondary" | "Tertiary"> = { "19": "Primary", "20": "Secondary", "21": "Tertiary" };

/**
 * A ClaimStatus "Crossed over" row for each matched claim of the remittances being posted that the
 * payer forwarded to the next payer (CLP02 19/20/21): the claim is not to be billed to that payer by
 * the office. Dated the payment's date; Control # is the payer's claim number (CLP07).
 */
function crossoverRows(remittances: Remittance[], planned: PlannedRemittance[], today: IsoDate): ClaimStatusRow[] {
  const rows: ClaimStatusRow[] = [];
  planned.forEach((p, i) => {
    if (!p.draft) return;
    const crossovers = p.preview.claims.filter((c) => c.outcome === "crossover");
    if (crossovers.length === 0) return;
    const payerClaim = new Map(remittances[i].claims.map((c) => [c.patientControl, c.payerClaimNumber]));
    for (const claim of crossovers) {
      const row: ClaimStatusRow = {
        date: p.preview.date ?? today,
        claimId: claim.patientControl,
        sequence: FORWARDED_BY[claim.status],
        event: "Crossed over",
        source: "ERA",
        reason: `${claim.statusText}: the payer sent the claim on to the next payer itself`,
      };
      if (p.preview.payerId !== undefined) row.payerId = p.preview.payerId;
      const number = payerClaim.get(claim.patientControl);
      if (number !== undefined) row.controlNumber = number;
      rows.push(row);
    }
  });
  return rows;
}

/** Every claim number (CLP01) of the file's remittances. */
function* claimsOf(remittances: Remittance[]): Generator<string> {
  for (const r of remittances) for (const claim of r.claims) yield claim.patientControl;
}

/**
 * The rows postingFieldsNeeded must see to name every Postings column the drafts fill once each has
 * its PaymentID: the first with a PaymentID (every row will carry one; the plan's own copy used to be
 * made for each row just for this), then each row that fills a field none before it did. The list it
 * gives is the one the whole set of copies gave, in the same order, without 300,000 copies.
 */
function fieldsSample(rows: Omit<PostingRow, "postingId" | "paymentId">[]): Omit<PostingRow, "postingId">[] {
  if (rows.length === 0) return [];
  const sample: Omit<PostingRow, "postingId">[] = [{ ...rows[0], paymentId: "?" }];
  const filled = new Set<string>();
  const fills = (row: Record<string, unknown>, add: boolean) => {
    let fresh = false;
    for (const key in row) {
      if (row[key] === undefined || filled.has(key)) continue;
      fresh = true;
      if (!add) return true;
      filled.add(key);
    }
    return fresh;
  };
  fills(rows[0], true);
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    if (fills(row, false)) {
      fills(row, true);
      sample.push(rows[i]);
    }
  }
  return sample;
}

/**
 * Money of this file's remittances already posted twice (two billers posting it at the same moment
 * both passed the payer + trace check): the same remittance in Payments twice, or one of its claims
 * posted from two remittances of its payer. Each says what to undo.
 */
function postedTwiceInFile(ledger: Ledger, ctx: PlanContext, remittances: EraRemittancePreview[]): string[] {
  const key = (payerId: string | undefined, text: string | undefined) =>
    `${payerId?.trim().toLowerCase()}\u0000${text?.trim().toLowerCase()}`;
  const traces = new Set(remittances.filter((r) => r.payerId).map((r) => key(r.payerId, r.trace)));
  if (traces.size === 0) return [];
  const rows = rowsAsWritten(ledger, ctx.tables, ctx.dateSystem);
  // The map of every ChargeID only if a duplicate is found and its claim named (reading it makes it).
  // The rows named, not spread: rowsAsWritten gives the ledger itself when the tables are as read, and
  // a spread of the ledger reads each of its lazy getters (every ChargeID's map, every line's postings).
  const duplicates = findDuplicatePayments({
    payments: rows.payments,
    postings: rows.postings,
    get chargeById() {
      return ledger.chargeById;
    },
  });
  // Usually there are none: the file's claims are keyed only when there is something to compare them with.
  if (duplicates.length === 0) return [];
  const claims = new Set(remittances.filter((r) => r.payerId).flatMap((r) => r.claims.map((c) => key(r.payerId, c.patientControl))));
  const references = new Map(rows.payments.map((p) => [p.paymentId, p.reference]));
  return duplicates
    .filter((d) =>
      d.kind === "same remittance" ? traces.has(key(d.payerId, references.get(d.kept))) : claims.has(key(d.payerId, d.claimId)),
    )
    .map((d) => d.message);
}

/** Append the PLB rows to ProviderAdjustments, or create the table with them when the workbook lacks it. */
function plbOp(ctx: PlanContext, table: ReturnType<typeof targetTable>, rows: ProviderAdjustmentRow[]): WriteOp {
  if (table) {
    return {
      kind: "appendRows",
      table: table.name,
      rows: rows.map((row) => rowToCells(ProviderAdjustments, table.mapping, row, ctx.dateSystem)),
    };
  }
  return createTableWithRows(ProviderAdjustments, rows, ctx.dateSystem);
}

/** The Audit row: the file (name, SHA-256, ISA13) and each remittance posted, without patient names. */
function auditWords(
  file: { name: string; sha256: string },
  isaControl: string | undefined,
  drafts: { summary: string; payment: { amount: Cents } }[],
  paymentIds: string[],
  posting: PlannedRemittance[],
): { what: string; totals: string } {
  const head = `ERA file ${file.name} (SHA-256 ${file.sha256}${isaControl ? `, ISA13 ${isaControl}` : ""})`;
  const parts = drafts.map((d, i) => `${d.summary} as ${paymentIds[i]}`);
  const sum = (f: (p: PlannedRemittance) => Cents) => formatMoney(sumCents(posting.map(f)));
  const totals = [
    `payment${drafts.length === 1 ? "" : "s"} ${formatMoney(sumCents(drafts.map((d) => d.payment.amount)))}`,
    `claims paid ${sum((p) => p.preview.totals.paid)}`,
    `PLB ${sum((p) => p.preview.totals.plb)}`,
    `posted ${sum((p) => p.preview.totals.posted)}`,
    `held ${sum((p) => p.preview.totals.held)}`,
  ].join("; ");
  return { what: `${head}: ${parts.join("; ")}`, totals };
}

/** The exceptions sheet's columns: who paid, which claim and account, the date of service, the payer's figures, why. */
export const EXCEPTION_HEADERS = [
  "Payer",
  "Check/EFT #",
  "Claim",
  "Patient account",
  "Line",
  "DOS",
  "Billed",
  "Allowed",
  "Paid",
  "Patient resp.",
  "Reason",
] as const;

/**
 * "ERA exceptions 2026-03-05": the preview's exceptions on a sheet, to work from (no patient names):
 * per claim or line the payer (name and our PayerID), the check or EFT number, the claim, our
 * patient account, the date of service (a date), what was billed, allowed (when the payer said),
 * paid and left to the patient (money), and the reason.
 */
export function exceptionsSheetPlan(preview: EraPreview, date?: IsoDate, dateSystem: DateSystem = 1900): WritePlan {
  const day = date ?? preview.remittances.find((r) => r.date)?.date ?? todayIso();
  const sheet = `ERA exceptions ${day}`;
  const money = (cents: Cents | undefined) => (cents === undefined ? null : centsToNumber(cents));
  const title: CellValue[] = new Array<CellValue>(EXCEPTION_HEADERS.length).fill(null);
  title[0] = `Exceptions from ERA file ${preview.fileName}: ${preview.exceptions.length}`;
  const cells: CellValue[][] = [
    title,
    [...EXCEPTION_HEADERS],
    ...preview.exceptions.map((e): CellValue[] => [
      e.payerName && e.payerId ? `${e.payerName} (${e.payerId})` : (e.payerName ?? e.payerId ?? null),
      e.trace,
      e.patientControl,
      e.patientId ?? null,
      e.line ?? null,
      e.dos ? isoToSerial(e.dos, dateSystem) : null,
      money(e.billed),
      money(e.allowed),
      money(e.paid),
      money(e.patientResp),
      e.reason,
    ]),
  ];
  const text = (width: number) => ({ width, numberFormat: "@" });
  const amount = { width: 14, numberFormat: MONEY_FORMAT };
  return {
    action: "ERA exceptions",
    what: `${preview.exceptions.length} exception${preview.exceptions.length === 1 ? "" : "s"} of ERA file ${preview.fileName} (SHA-256 ${preview.sha256}) on sheet "${sheet}"`,
    ops: [
      {
        kind: "reportSheet",
        sheet,
        cells,
        columns: [
          text(28),
          text(16),
          text(14),
          text(16),
          text(22),
          { width: 11, numberFormat: DATE_FORMAT },
          amount,
          amount,
          amount,
          amount,
          { width: 90 },
        ],
        headerRow: 1,
        boldRows: [0],
      },
    ],
  };
}
