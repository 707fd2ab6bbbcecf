// Claims from rows already read: Charges grouped by ClaimID, each claim with its patient and member ID
// from Patients, its payer from Payers and the practice as billing provider. A claim is built whenever
// its lines read and agree on who is billed (one patient, one payer); what is wrong inside a built
// claim is the scrubber's to say. A claim that cannot be built at all (a line that does not read,
// lines for two patients or payers, a patient or payer not in their tables, a claim partly billed) is
// a problem of its own, with the row to fix. Self-pay lines are no claim: they are counted and left out.
// With unbilledOnly, a claim a payer has already answered (payerAnswers) is no first claim either.
import { isSelfPay } from "../ledger/ledger";
import { Charges, type ChargeRow, type PatientRow, type PayerRow } from "../workbook/tables";
import { billingProvider } from "./billingProvider";
import type { BillingProvider, Claim, ClaimLine, ScrubProblem } from "./model";
import { claimAnswer, type AdjudicatedClaim, type LineAnswer } from "./payerAnswers";

/** Problems that stop a claim from being built (not scrub rules: nothing can turn them off). */
export const BUILD_PROBLEMS = {
  /** A Charges row of the claim does not read (a date, an amount, a blank id). */
  chargeRow: "charge-row-invalid",
  /** Lines of one ClaimID for different patients or payers. */
  linesDisagree: "claim-lines-disagree",
  patientNotFound: "patient-not-found",
  payerNotFound: "payer-not-found",
  /** Some lines billed, some not, on an original claim. */
  partlyBilled: "claim-partly-billed",
} as const;

/** A Charges row that did not read, with its ClaimID when that cell could be read. */
export interface UnreadableCharge {
  claimId?: string;
  row: number;
  column?: string;
  message: string;
}

/** What buildClaims works from: parsed rows (pure; readClaimBooks reads and parses them). */
export interface ClaimTables {
  charges: ChargeRow[];
  /** Sheet row of each Charges row (parseTable's sheetRows); without them rows count from 2. */
  chargeSheetRows?: number[];
  patients: PatientRow[];
  payers: PayerRow[];
  /** The billing provider's settings; left out, the claims carry an empty billing provider. */
  practiceSettings?: Map<string, string>;
  unreadableCharges?: UnreadableCharge[];
  /** Patients and Payers rows that did not read: by id in lower case, the reason. */
  unreadablePatients?: Map<string, string>;
  unreadablePayers?: Map<string, string>;
  /** Per table, our header -> the workbook's, for the problems' `where`. */
  columns?: Record<string, Record<string, string>>;
  /** What payers have answered, by ChargeID (payerAnswers): with unbilledOnly such a claim is not sent as a first claim. */
  answered?: ReadonlyMap<string, LineAnswer>;
}

export interface BuildOptions {
  /**
   * Only claims with a line not yet billed (the ones to send); the others go to billedClaims, with
   * the claims a payer already answered (for the duplicate-line check).
   */
  unbilledOnly?: boolean;
  /**
   * ClaimIDs billed and since rejected by the clearinghouse or the payer (ClaimStatus): never in the
   * payer's system, so with unbilledOnly they are to send again, built as if not billed.
   */
  resend?: ReadonlySet<string>;
}

export interface BuiltClaims {
  claims: Claim[];
  billedClaims: Claim[];
  problems: ScrubProblem[];
  /** Claims left out: self-pay ones; with unbilledOnly, the ones billed and the unbilled ones a payer has answered. */
  skipped: { selfPay: number; billed: number; adjudicated: number };
  /** With unbilledOnly: the unbilled claims a payer has answered, each with what it did, in Charges order. */
  adjudicated: AdjudicatedClaim[];
}

const lower = (text: string) => text.toLowerCase();
/** A diagnosis as compared: "e11.9", "E119" and "E11.9 " are one code. */
const diagnosisKey = (code: string) => code.toUpperCase().replace(/[.\s]/g, "");

/** Build the claims (pure): group, check the lines agree, look the patient and payer up, number the diagnoses. */
export function buildClaims(tables: ClaimTables, options: BuildOptions = {}): BuiltClaims {
  const { charges } = tables;
  const sheetRow = (i: number) => tables.chargeSheetRows?.[i] ?? i + 2;
  const header = (table: string, ours: string) => tables.columns?.[table]?.[ours] ?? ours;
  const out: BuiltClaims = {
    claims: [],
    billedClaims: [],
    problems: [],
    skipped: { selfPay: 0, billed: 0, adjudicated: 0 },
    adjudicated: [],
  };

  // One pass to group; claims keep the order of their first line.
  const lineIndexes = new Map<string, number[]>();
  for (let i = 0; i < charges.length; i++) {
    const indexes = lineIndexes.get(charges[i].claimId);
    if (indexes) indexes.push(i);
    else lineIndexes.set(charges[i].claimId, [i]);
  }
  const unreadable = new Map<string, UnreadableCharge[]>();
  for (const bad of tables.unreadableCharges ?? []) {
    if (bad.claimId === undefined) continue;
    const list = unreadable.get(bad.claimId);
    if (list) list.push(bad);
    else unreadable.set(bad.claimId, [bad]);
  }
  const patientById = new Map(tables.patients.map((p) => [lower(p.patientId), p]));
  const payerById = new Map(tables.payers.map((p) => [lower(p.payerId), p]));
  // One billing provider object for every claim: the scrubber checks it once.
  const billing = billingProvider(tables.practiceSettings ?? new Map());

  const problem = (rule: string, claimId: string, row: number | undefined, column: string, message: string, lineId?: string) => {
    const found: ScrubProblem = { rule, severity: "error", claimId, where: { table: Charges.name, column }, message };
    if (row !== undefined) found.where.row = row;
    if (lineId !== undefined) found.lineId = lineId;
    out.problems.push(found);
  };

  for (const [claimId, indexes] of lineIndexes) {
    const bad = unreadable.get(claimId);
    if (bad) {
      unreadable.delete(claimId);
      for (const row of bad) {
        problem(BUILD_PROBLEMS.chargeRow, claimId, row.row, row.column ?? header("Charges", "ClaimID"), unreadableLine(row));
      }
      continue;
    }
    const first = charges[indexes[0]];
    const disagree = disagreement(charges, indexes);
    if (disagree) {
      const row = charges[disagree.index];
      const column = disagree.field === "patientId" ? "PatientID" : "PayerID";
      const what = disagree.field === "patientId" ? "patient" : "payer";
      problem(
        BUILD_PROBLEMS.linesDisagree,
        claimId,
        sheetRow(disagree.index),
        header("Charges", column),
        `This line of claim ${claimId} has ${column} ${row[disagree.field]}, its first line ${first[disagree.field]}: one claim bills one ${what}; correct the ${column} or give the line another ClaimID`,
        row.chargeId,
      );
      continue;
    }
    const payer = payerById.get(lower(first.payerId));
    if (isSelfPay(first.payerId, payer)) {
      out.skipped.selfPay++;
      continue;
    }
    if (!payer) {
      const why = tables.unreadablePayers?.get(lower(first.payerId));
      problem(
        BUILD_PROBLEMS.payerNotFound,
        claimId,
        sheetRow(indexes[0]),
        header("Charges", "PayerID"),
        why
          ? `Payer ${first.payerId}'s row in Payers does not read (${why}): fix it there`
          : `Payer ${first.payerId} is not in the Payers table: add it there, or correct the PayerID`,
        first.chargeId,
      );
      continue;
    }
    let billedLines = 0;
    let frequency: Claim["frequency"] = "1";
    for (const i of indexes) {
      if (charges[i].billedDate !== undefined) billedLines++;
      const f = charges[i].frequency;
      if (f !== undefined && frequency === "1") frequency = f;
    }
    const allBilled = billedLines === indexes.length;
    // Never billed from here, yet the payer has answered it: paid, denied or due to a secondary, not
    // a first claim (a rejected claim is resent: a rejection is no answer).
    if (options.unbilledOnly && billedLines === 0 && tables.answered && tables.answered.size > 0) {
      const answers: LineAnswer[] = [];
      for (const i of indexes) {
        const answer = tables.answered.get(charges[i].chargeId);
        if (answer) answers.push(answer);
      }
      if (answers.length > 0) {
        out.skipped.adjudicated++;
        out.adjudicated.push({ claimId, answer: claimAnswer(answers, first.payerId) });
        // Its lines were sent some other way: a new claim repeating one is a duplicate, as with a billed claim.
        const patient = patientById.get(lower(first.patientId));
        if (patient) out.billedClaims.push(buildClaim(claimId, indexes, charges, sheetRow, patient, payer, billing, frequency));
        continue;
      }
    }
    if (options.unbilledOnly && billedLines > 0 && !allBilled && frequency === "1") {
      const unbilled = indexes.find((i) => charges[i].billedDate === undefined)!;
      problem(
        BUILD_PROBLEMS.partlyBilled,
        claimId,
        sheetRow(unbilled),
        header("Charges", "Billed Date"),
        `Claim ${claimId} was billed without this line: give the new lines a ClaimID of their own, or send the whole claim as a replacement (Frequency 7 with the Payer Claim #)`,
        charges[unbilled].chargeId,
      );
      continue;
    }
    const patient = patientById.get(lower(first.patientId));
    if (!patient) {
      const why = tables.unreadablePatients?.get(lower(first.patientId));
      problem(
        BUILD_PROBLEMS.patientNotFound,
        claimId,
        sheetRow(indexes[0]),
        header("Charges", "PatientID"),
        why
          ? `Patient ${first.patientId}'s row in Patients does not read (${why}): fix it there`
          : `Patient ${first.patientId} is not in the Patients table: add the patient, or correct the PatientID`,
        first.chargeId,
      );
      continue;
    }
    const claim = buildClaim(claimId, indexes, charges, sheetRow, patient, payer, billing, frequency);
    if (allBilled && options.unbilledOnly && options.resend?.has(claimId)) {
      out.claims.push(claim);
      continue;
    }
    if (allBilled) {
      const last = indexes.reduce((d, i) => (charges[i].billedDate! > d ? charges[i].billedDate! : d), "");
      claim.billedDate = last;
    }
    if (options.unbilledOnly && allBilled) {
      out.skipped.billed++;
      out.billedClaims.push(claim);
    } else out.claims.push(claim);
  }
  // Claims none of whose lines read.
  for (const [claimId, rows] of unreadable) {
    for (const row of rows) {
      problem(BUILD_PROBLEMS.chargeRow, claimId, row.row, row.column ?? header("Charges", "ClaimID"), unreadableLine(row));
    }
  }
  return out;
}

/** Why a Charges row holds its claim back; `where` names the row and column, so the words don't repeat them. */
function unreadableLine(row: UnreadableCharge): string {
  const reason = row.message === "is blank" ? "the cell is blank" : row.message;
  return `The line does not read (${reason}): the claim is built once it does`;
}

/** The first line whose patient or payer is not the first line's (IDs compared without case). */
function disagreement(charges: ChargeRow[], indexes: number[]): { index: number; field: "patientId" | "payerId" } | undefined {
  const first = charges[indexes[0]];
  const patient = lower(first.patientId);
  const payer = lower(first.payerId);
  for (let k = 1; k < indexes.length; k++) {
    const row = charges[indexes[k]];
    if (lower(row.patientId) !== patient) return { index: indexes[k], field: "patientId" };
    if (lower(row.payerId) !== payer) return { index: indexes[k], field: "payerId" };
  }
  return undefined;
}

function buildClaim(
  claimId: string,
  indexes: number[],
  charges: ChargeRow[],
  sheetRow: (i: number) => number,
  patient: PatientRow,
  payer: PayerRow,
  billing: BillingProvider,
  frequency: Claim["frequency"],
): Claim {
  // Diagnoses in order of first appearance, unique; each line points to its own codes' positions.
  // All are kept, past 12 too: the scrubber reports "more than 12" and the writer never sends such a claim.
  const diagnoses: string[] = [];
  const position = new Map<string, number>();
  const lines: ClaimLine[] = new Array(indexes.length);
  let total = 0;
  let payerClaimNumber: string | undefined;
  for (let k = 0; k < indexes.length; k++) {
    const row = charges[indexes[k]];
    const pointers: number[] = [];
    for (const code of [row.dx1, row.dx2, row.dx3, row.dx4]) {
      if (code === undefined) continue;
      const key = diagnosisKey(code);
      let p = position.get(key);
      if (p === undefined) {
        diagnoses.push(code);
        p = diagnoses.length;
        position.set(key, p);
      }
      if (!pointers.includes(p)) pointers.push(p);
    }
    const line: ClaimLine = {
      lineId: row.chargeId,
      sheetRow: sheetRow(indexes[k]),
      dos: row.dos,
      code: row.code,
      modifiers: [row.mod1, row.mod2, row.mod3, row.mod4].filter((m): m is string => m !== undefined),
      units: row.units ?? 1,
      charge: row.amount,
      pointers,
    };
    if (row.pos !== undefined) line.pos = row.pos;
    if (row.providerNpi !== undefined) line.renderingNpi = row.providerNpi;
    lines[k] = line;
    total += row.amount;
    if (payerClaimNumber === undefined && row.payerClaimNumber !== undefined) payerClaimNumber = row.payerClaimNumber;
  }
  const memberId =
    patient.primaryPayerId !== undefined && lower(patient.primaryPayerId) === lower(payer.payerId)
      ? patient.primaryMemberId
      : patient.secondaryPayerId !== undefined && lower(patient.secondaryPayerId) === lower(payer.payerId)
        ? patient.secondaryMemberId
        : patient.tertiaryPayerId !== undefined && lower(patient.tertiaryPayerId) === lower(payer.payerId)
          ? patient.tertiaryMemberId
          : undefined;
  const claim: Claim = {
    claimId,
    patient: {
      patientId: patient.patientId,
      lastName: patient.lastName,
      firstName: patient.firstName,
      address: { lines: [patient.address1, patient.address2].filter((l): l is string => l !== undefined) },
    },
    payer: { payerId: payer.payerId, name: payer.name, type: payer.type },
    billing,
    diagnoses,
    lines,
    total,
    frequency,
  };
  const p = claim.patient;
  if (patient.dob !== undefined) p.dob = patient.dob;
  if (patient.sex !== undefined) p.sex = patient.sex;
  if (patient.city !== undefined) p.address.city = patient.city;
  if (patient.state !== undefined) p.address.state = patient.state;
  if (patient.zip !== undefined) p.address.zip = patient.zip;
  if (memberId !== undefined) p.memberId = memberId;
  if (payer.x12PayerId !== undefined) claim.payer.x12PayerId = payer.x12PayerId;
  if (payer.timelyFilingDays !== undefined) claim.payer.timelyFilingDays = payer.timelyFilingDays;
  if (lines[0].pos !== undefined) claim.pos = lines[0].pos;
  if (lines[0].renderingNpi !== undefined) claim.renderingNpi = lines[0].renderingNpi;
  if (payerClaimNumber !== undefined) claim.payerClaimNumber = payerClaimNumber;
  return claim;
}
