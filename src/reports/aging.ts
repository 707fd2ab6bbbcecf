// A/R aging: what is owed on each service line as of a date, split into the insurance share (aged by
// payer) and the patient share (aged by account), each put in an age bucket. Rules (DOMAIN.md, "Aging,
// collections and KPIs"):
// - Balances are lineBalances(ledger, asOf): only postings dated on or before asOf count, so last
//   month's report re-run gives last month's answer. Lines whose date of service is after asOf were
//   not on the books yet: they are left out and counted in `later` (so nothing is lost silently).
// - A line that owes (balance ≥ 0) has both shares ≥ 0 (the ledger normalises them); each share is
//   aged on its own. A line with a credit balance (balance < 0) goes in `credits`, never in a bucket.
// - Aging date by basis:
//   "dos"            the date of service (default);
//   "billed"         the Billed Date of the charge; a line never billed ages from its DOS (its detail
//                    says agedFrom "dos (not billed)");
//   "responsibility" the patient share ages from the first counted posting that moved patient
//                    responsibility onto the line (Patient Resp or a PR adjustment, a reversed one
//                    skipped), the DOS for self-pay or when no such posting exists; the insurance share
//                    ages from the date it became the payer's: the billed date, else the DOS.
// - Age = days from the aging date to asOf. With bounds [30,60,90,120] the buckets are 0-30 (age ≤ 30,
//   a negative age too), 31-60, 61-90, 91-120 and 120+ (age > 120).
// - Rows: insurance by payer and patient by account; `by` puts both sections under one key instead
//   ("payer": patient balances by the line's payer; "patient": insurance balances by account).
// Everything is one pass over the lines with maps; no table is scanned inside another.
import { daysBetween, type IsoDate } from "../dates";
import { lineBalances, type LineBalance } from "../ledger/balances";
import type { Ledger } from "../ledger/ledger";
import type { Cents } from "../money";
import type { PostingRow } from "../workbook/tables";

export type AgingBasis = "dos" | "billed" | "responsibility";

export interface AgingOptions {
  asOf: IsoDate;
  /** Upper day of each bucket but the last, ascending; default [30, 60, 90, 120]. */
  bounds?: number[];
  basis?: AgingBasis;
  /** Key both sections by payer or by patient account; default insurance by payer, patient by account. */
  by?: "payer" | "patient";
}

/** Where a line's aging date came from. */
export type AgedFrom = "dos" | "dos (not billed)" | "billed" | "responsibility" | "dos (self-pay)" | "dos (no responsibility posting)";

/** One summary row: a payer (or account) and its balance by bucket. */
export interface AgingRow {
  key: string;
  /** The payer's name from Payers, when the key is a payer. */
  name?: string;
  /** One amount per bucket, in bucket order. */
  buckets: Cents[];
  total: Cents;
  lines: number;
}

/** A share of one line behind a summary row. */
export interface AgingDetail {
  section: "insurance" | "patient";
  /** The summary row it is counted in. */
  key: string;
  chargeId: string;
  claimId: string;
  patientId: string;
  payerId: string;
  dos: IsoDate;
  agingDate: IsoDate;
  agedFrom: AgedFrom;
  /** Days from agingDate to asOf. */
  age: number;
  /** Index into buckets. */
  bucket: number;
  amount: Cents;
}

export interface AgingSection {
  rows: AgingRow[];
  /** Bucket totals of the section. */
  totals: Cents[];
  total: Cents;
  /** Each bucket's share of the section's total, 0-100 (0 when nothing is owed). */
  percents: number[];
}

/** A line with a credit balance, listed apart. */
export interface AgingCredit {
  chargeId: string;
  claimId: string;
  patientId: string;
  payerId: string;
  dos: IsoDate;
  /** The line's balance (negative). */
  amount: Cents;
  insuranceShare: Cents;
  patientShare: Cents;
  lastPaymentDate?: IsoDate;
}

export interface AgingReport {
  asOf: IsoDate;
  basis: AgingBasis;
  bounds: number[];
  /** Bucket labels: "0-30", "31-60", ..., "120+". */
  buckets: string[];
  insurance: AgingSection;
  patient: AgingSection;
  /** Both sections added: bucket totals, total A/R (credits not netted) and percents. */
  totals: Cents[];
  total: Cents;
  percents: number[];
  credits: AgingCredit[];
  /** Sum of credit balances (≤ 0). */
  creditTotal: Cents;
  /** The shares behind each summary row: insurance then patient, in row order. */
  details: AgingDetail[];
  /** Lines with a date of service after asOf, left out. */
  later: { lines: number; balance: Cents };
}

export const DEFAULT_BOUNDS = [30, 60, 90, 120];

/** "0-30", "31-60", ..., "120+" from ascending bounds. */
export function bucketLabels(bounds: number[]): string[] {
  const labels: string[] = [];
  let low = 0;
  for (const bound of bounds) {
    labels.push(`${low}-${bound}`);
    low = bound + 1;
  }
  labels.push(`${bounds.length > 0 ? bounds[bounds.length - 1] : 0}+`);
  return labels;
}

/** The bucket of an age: the first bound it does not pass, else the last bucket. */
export function bucketOf(age: number, bounds: number[]): number {
  for (let b = 0; b < bounds.length; b++) if (age <= bounds[b]) return b;
  return bounds.length;
}

function checkBounds(bounds: number[]): void {
  for (let b = 0; b < bounds.length; b++) {
    if (!Number.isInteger(bounds[b]) || bounds[b] < 0 || (b > 0 && bounds[b] <= bounds[b - 1])) {
      throw new RangeError(`The aging buckets must be whole numbers of days, each larger than the one before (got ${bounds.join(", ")})`);
    }
  }
}

/**
 * The date patient responsibility first landed on the line: the earliest counted posting with a
 * positive Patient Resp or PR adjustment that no counted reversal takes back.
 */
function responsibilityDate(ledger: Ledger, postings: PostingRow[] | undefined, asOf: IsoDate): IsoDate | undefined {
  if (!postings) return undefined;
  let reversed: Set<string> | undefined;
  for (const p of postings) {
    if (p.reverses !== undefined && p.date <= asOf) (reversed ??= new Set()).add(p.reverses);
  }
  let first: IsoDate | undefined;
  for (const p of postings) {
    if (p.date > asOf || p.reverses !== undefined || reversed?.has(p.postingId)) continue;
    const group = p.group;
    const moved = (p.patientResp ?? 0) + (group === "PR" ? (p.adjustment ?? 0) : 0);
    if (moved > 0 && (first === undefined || p.date < first)) first = p.date;
  }
  return first;
}

interface RowAccumulator {
  row: AgingRow;
  details: AgingDetail[];
}

function newSection(): { rows: Map<string, RowAccumulator> } {
  return { rows: new Map() };
}

function finishSection(rows: Map<string, RowAccumulator>, bucketCount: number, details: AgingDetail[]): AgingSection {
  const totals = new Array<Cents>(bucketCount).fill(0);
  const out: AgingRow[] = [];
  for (const { row, details: behind } of rows.values()) {
    out.push(row);
    for (let b = 0; b < bucketCount; b++) totals[b] += row.buckets[b];
    for (const d of behind) details.push(d);
  }
  const total = totals.reduce((s, v) => s + v, 0);
  return { rows: out, totals, total, percents: percentsOf(totals, total) };
}

function percentsOf(totals: Cents[], total: Cents): number[] {
  return totals.map((v) => (total === 0 ? 0 : (v * 100) / total));
}

/** The aging report as of a date. Throws RangeError for bounds that are not ascending whole days. */
export function agingReport(ledger: Ledger, options: AgingOptions): AgingReport {
  const { asOf } = options;
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const basis = options.basis ?? "dos";
  checkBounds(bounds);
  const bucketCount = bounds.length + 1;
  const payerName = new Map<string, string>();
  for (const payer of ledger.payers) if (!payerName.has(payer.payerId)) payerName.set(payer.payerId, payer.name);

  const lines = lineBalances(ledger, asOf);
  const insurance = newSection();
  const patient = newSection();
  const credits: AgingCredit[] = [];
  let creditTotal = 0;
  const later = { lines: 0, balance: 0 };
  const ageOf = new Map<IsoDate, number>();

  const add = (
    section: { rows: Map<string, RowAccumulator> },
    name: "insurance" | "patient",
    key: string,
    keyIsPayer: boolean,
    line: LineBalance,
    amount: Cents,
    agingDate: IsoDate,
    agedFrom: AgedFrom,
  ) => {
    let acc = section.rows.get(key);
    if (!acc) {
      const row: AgingRow = { key, buckets: new Array<Cents>(bucketCount).fill(0), total: 0, lines: 0 };
      const known = keyIsPayer ? payerName.get(key) : undefined;
      if (known !== undefined) row.name = known;
      acc = { row, details: [] };
      section.rows.set(key, acc);
    }
    // Aging dates repeat (a day's visits, a remittance's lines): each is turned into an age once.
    let age = ageOf.get(agingDate);
    if (age === undefined) ageOf.set(agingDate, (age = daysBetween(agingDate, asOf)));
    const bucket = bucketOf(age, bounds);
    acc.row.buckets[bucket] += amount;
    acc.row.total += amount;
    acc.row.lines += 1;
    acc.details.push({
      section: name,
      key,
      chargeId: line.chargeId,
      claimId: line.claimId,
      patientId: line.patientId,
      payerId: line.payerId,
      dos: line.dos,
      agingDate,
      agedFrom,
      age,
      bucket,
      amount,
    });
  };

  const { charges } = ledger;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.dos > asOf) {
      later.lines += 1;
      later.balance += line.balance;
      continue;
    }
    if (line.balance < 0) {
      const credit: AgingCredit = {
        chargeId: line.chargeId,
        claimId: line.claimId,
        patientId: line.patientId,
        payerId: line.payerId,
        dos: line.dos,
        amount: line.balance,
        insuranceShare: line.insuranceShare,
        patientShare: line.patientShare,
      };
      if (line.lastPaymentDate !== undefined) credit.lastPaymentDate = line.lastPaymentDate;
      credits.push(credit);
      creditTotal += line.balance;
      continue;
    }
    if (line.balance === 0) continue;
    // lineBalances returns one balance per charge, in Charges order.
    const billed = charges[i].billedDate;
    let insuranceDate: IsoDate = line.dos;
    let insuranceFrom: AgedFrom = "dos";
    if (basis !== "dos") {
      insuranceDate = billed ?? line.dos;
      insuranceFrom = billed !== undefined ? "billed" : "dos (not billed)";
    }
    if (line.insuranceShare > 0) {
      const key = options.by === "patient" ? line.patientId : line.payerId;
      add(insurance, "insurance", key, options.by !== "patient", line, line.insuranceShare, insuranceDate, insuranceFrom);
    }
    if (line.patientShare > 0) {
      let patientDate: IsoDate = insuranceDate;
      let patientFrom: AgedFrom = insuranceFrom;
      if (basis === "responsibility") {
        const moved = line.selfPay ? undefined : responsibilityDate(ledger, ledger.postingsByCharge.get(line.chargeId), asOf);
        patientDate = moved ?? line.dos;
        patientFrom = moved !== undefined ? "responsibility" : line.selfPay ? "dos (self-pay)" : "dos (no responsibility posting)";
      }
      const key = options.by === "payer" ? line.payerId : line.patientId;
      add(patient, "patient", key, options.by === "payer", line, line.patientShare, patientDate, patientFrom);
    }
  }

  const details: AgingDetail[] = [];
  const insuranceSection = finishSection(insurance.rows, bucketCount, details);
  const patientSection = finishSection(patient.rows, bucketCount, details);
  const totals = insuranceSection.totals.map((v, b) => v + patientSection.totals[b]);
  const total = insuranceSection.total + patientSection.total;
  return {
    asOf,
    basis,
    bounds: [...bounds],
    buckets: bucketLabels(bounds),
    insurance: insuranceSection,
    patient: patientSection,
    totals,
    total,
    percents: percentsOf(totals, total),
    credits,
    creditTotal,
    details,
    later,
  };
}
