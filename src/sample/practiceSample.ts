// The synthetic sample practice as one write plan: a createTable op per billing table, with
// Setup's headers and formats, holding a year of charges for made-up patients and the payments
// posted against them. Pure and seeded: the same options give the same rows, byte for byte, on any
// machine; the "as of" date is an argument, so nothing here reads the clock.
// sampleVisits.ts makes the people and the claims, sampleLedger.ts the money; this module turns
// them into rows the one right way (rowToCells: cents to dollars, ISO dates to serials).
import { isIsoDate, type IsoDate } from "../dates";
import { formatMoney } from "../money";
import { createTableWithRows, type WritePlan } from "../workbook/plan";
import type { CreateTableOp } from "../workbook/port";
import {
  Audit,
  Charges,
  Contracts,
  FeeSchedule,
  FollowUp,
  ClaimStatus,
  Patients,
  Payers,
  Payments,
  Postings,
  Practice,
  ProviderAdjustments,
  PaymentPlans,
  Refunds,
  PeriodClose,
  Providers,
  Statements,
  type ChargeRow,
  type PaymentRow,
  type PostingRow,
  type RowOf,
  type TableDef,
} from "../workbook/tables";
import { PROVIDERS, SAMPLE_FEES, SAMPLE_PAYERS } from "./sampleCatalog";
import { SampleLedger } from "./sampleLedger";
import { SampleVisits, type Line } from "./sampleVisits";
import { SeededDice } from "./seededDice";

/** The "as of" date used when the caller gives none, so a test never depends on today. */
export const SAMPLE_AS_OF: IsoDate = "2026-06-30";
export const SAMPLE_SEED = 1;
export const MAX_SAMPLE_LINES = 1_000_000;

export interface SampleOptions {
  /** Number of service lines (Charges rows). */
  lines: number;
  seed?: number;
  /** The day the sample's books stand on: charges fall in the 12 months before it. */
  asOf?: IsoDate;
}

/** Generate the sample practice as a plan of createTable ops (one per billing table). */
export function samplePractice(options: SampleOptions): WritePlan {
  const { lines } = options;
  const seed = options.seed ?? SAMPLE_SEED;
  const asOf = options.asOf ?? SAMPLE_AS_OF;
  if (!Number.isInteger(lines) || lines < 1 || lines > MAX_SAMPLE_LINES) {
    throw new RangeError(`the sample needs a whole number of lines from 1 to ${MAX_SAMPLE_LINES.toLocaleString("en-US")}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError("the seed must be a whole number");
  if (!isIsoDate(asOf)) throw new RangeError(`"${asOf}" is not a date like 2026-06-30`);

  const dice = new SeededDice(seed);
  const visits = new SampleVisits(dice, asOf);
  const providerNpis = PROVIDERS.map(() => visits.npi());
  const practice = visits.practiceSettings();
  const patients = Array.from({ length: Math.max(25, Math.ceil(lines / 8)) }, (_, i) => visits.patient(i + 1, providerNpis));
  const claims = visits.claims(lines, patients, providerNpis);
  const ledger = new SampleLedger(dice, asOf);
  for (const claim of claims) ledger.settle(claim);
  ledger.statementRuns(patients);
  ledger.close();

  const allLines = claims.flatMap((c) => c.lines);
  const charged = allLines.reduce((s, l) => s + l.amount, 0);
  const received = ledger.payments.reduce((s, p) => s + p.amount, 0);
  const adjusted = ledger.postings.reduce((s, p) => s + (p.adjustment ?? 0), 0);

  const ops: CreateTableOp[] = [
    tableOp(Practice, practice),
    tableOp(
      Patients,
      patients.map((p) => p.row),
    ),
    tableOp(
      Payers,
      SAMPLE_PAYERS.map((p) => ({
        payerId: p.id,
        name: p.name,
        type: p.type,
        x12PayerId: p.x12PayerId,
        timelyFilingDays: p.timelyFilingDays,
      })),
    ),
    tableOp(
      Providers,
      PROVIDERS.map((p, i) => ({
        npi: providerNpis[i],
        lastName: p.lastName,
        firstName: p.firstName,
        credential: p.credential,
        taxonomy: p.taxonomy,
      })),
    ),
    tableOp(
      FeeSchedule,
      SAMPLE_FEES.map((f) => ({ code: f.code, description: f.description, fee: f.fee, allowed: f.allowed })),
    ),
    // Each insurance payer's contract: the rate the sample's remittances allow (its percentage of the
    // fee schedule's Allowed), per unit, open-ended.
    tableOp(
      Contracts,
      SAMPLE_PAYERS.filter((p) => p.type !== "Self-pay").flatMap((p) =>
        SAMPLE_FEES.map((f) => ({ payerId: p.id, code: f.code, allowed: Math.round((f.allowed * p.allowedPercent) / 100) })),
      ),
    ),
    tableOp(Charges, allLines.map(chargeRow)),
    tableOp(
      Payments,
      ledger.payments.map((p): Partial<PaymentRow> => ({
        paymentId: p.id,
        date: p.date,
        payerId: p.payerId,
        patientId: p.patientId,
        method: p.method,
        reference: p.reference,
        amount: p.amount,
        note: p.note,
      })),
    ),
    tableOp(
      Postings,
      ledger.postings.map((p, i): Partial<PostingRow> => ({
        postingId: `PS${String(i + 1).padStart(7, "0")}`,
        paymentId: p.payment?.id,
        chargeId: p.line.chargeId,
        date: p.date,
        paid: p.paid,
        adjustment: p.adjustment,
        group: p.group,
        reason: p.reason,
        patientResp: p.patientResp,
        source: p.source,
        note: p.note,
      })),
    ),
    // The sample's remittances carry no provider-level items (PLB): the table starts empty.
    tableOp(ProviderAdjustments, []),
    tableOp(
      Statements,
      ledger.statements.map((s) => ({ ...s, kind: "Statement" })),
    ),
    // Nothing followed up yet: the office's own status rows start with its first action.
    tableOp(FollowUp, []),
    // No secondary claim sent and no acknowledgement read yet.
    tableOp(ClaimStatus, []),
    // Payment plans, refunds and closes are the office's to make: the tables start empty.
    tableOp(PaymentPlans, []),
    tableOp(Refunds, []),
    tableOp(PeriodClose, []),
    tableOp(Audit, []),
  ];
  return {
    action: "Sample",
    what:
      `synthetic sample practice as of ${asOf} (seed ${seed}): ${lines} charge lines on ${claims.length} claims, ` +
      `${patients.length} patients, ${ledger.payments.length} payments, ${ledger.postings.length} postings`,
    totals: `charges ${formatMoney(charged)}; payments ${formatMoney(received)}; adjustments ${formatMoney(adjusted)}`,
    ops,
  };
}

function chargeRow(line: Line): Partial<ChargeRow> {
  const { claim } = line;
  return {
    chargeId: line.chargeId,
    claimId: claim.claimId,
    patientId: claim.patient.id,
    payerId: claim.payer.id,
    providerNpi: claim.providerNpi,
    dos: claim.dos,
    pos: claim.pos,
    code: line.fee.code,
    mod1: line.modifiers[0],
    mod2: line.modifiers[1],
    dx1: claim.dx[0],
    dx2: claim.dx[1],
    dx3: claim.dx[2],
    dx4: claim.dx[3],
    units: line.units,
    amount: line.amount,
    billedDate: claim.billed,
  };
}

/** Setup's createTable op for a table, with the sample's rows. */
function tableOp<D extends TableDef>(def: D, rows: Partial<Record<keyof RowOf<D> & string, unknown>>[]): CreateTableOp {
  return createTableWithRows(def, rows);
}
