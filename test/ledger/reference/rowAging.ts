// REFERENCE ONLY (issue 14): the row-object version of src/reports/aging.ts as it was before the ledger
// became columns (commit 83b3dd0), unchanged but for its imports. The product never imports it:
// test/ledger/columnLedgerEquivalence.test.ts proves on thousands of random ledgers that the column
// ledger gives identical issues, indexes, balances, payment statuses and aging reports. Delete all three
// files together once that proof is no longer wanted.

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
// Everything is one pass over the lines with maps; no table is scanned inside another. Built for a
// million lines: each line's balance is read off lineBalances' LineTally (no LineBalance made per
// line), and a summary row is a number indexing flat sums, so only the details are objects.
import { daysBetween, type IsoDate } from "../../../src/dates";
import { LineTally, servedBy } from "./rowBalances";
import type { Ledger } from "./rowLedger";
import type { Cents } from "../../../src/money";
import { PAYER_TYPES, type ChargeRow, type PostingRow } from "../../../src/workbook/tables";

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

/**
 * A section's summary rows as they are added up. A row is a number (its place in first-seen order):
 * its sums sit in flat arrays and the shares behind it in one list, sorted by row at the end, so adding
 * a share touches no per-row object (a million shares go to a hundred thousand accounts).
 */
class SectionRows {
  private readonly rowOf = new Map<string, number>();
  private readonly keys: string[] = [];
  private sums = new Float64Array(0);
  private totals = new Float64Array(0);
  private counts = new Int32Array(0);
  private readonly details: AgingDetail[] = [];
  private readonly detailRows: number[] = [];
  // The lines of a claim follow one another with one payer and one account: the last row is asked first.
  private lastKey: string | undefined = undefined;
  private lastRow = -1;

  constructor(
    readonly section: "insurance" | "patient",
    private readonly bucketCount: number,
    /** Payer names, when the rows are keyed by payer. */
    private readonly names: Map<string, string> | undefined,
  ) {}

  private rowFor(key: string): number {
    if (key === this.lastKey) return this.lastRow;
    let row = this.rowOf.get(key);
    if (row === undefined) {
      row = this.keys.length;
      this.keys.push(key);
      this.rowOf.set(key, row);
      if (row === this.counts.length) this.grow();
    }
    this.lastKey = key;
    this.lastRow = row;
    return row;
  }

  private grow(): void {
    const rows = Math.max(64, this.counts.length * 2);
    const sums = new Float64Array(rows * this.bucketCount);
    sums.set(this.sums);
    this.sums = sums;
    const totals = new Float64Array(rows);
    totals.set(this.totals);
    this.totals = totals;
    const counts = new Int32Array(rows);
    counts.set(this.counts);
    this.counts = counts;
  }

  add(key: string, line: ChargeRow, amount: Cents, agingDate: IsoDate, agedFrom: AgedFrom, age: number, bucket: number): void {
    const row = this.rowFor(key);
    this.sums[row * this.bucketCount + bucket] += amount;
    this.totals[row] += amount;
    this.counts[row] += 1;
    this.details.push({
      section: this.section,
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
    this.detailRows.push(row);
  }

  /** The section's rows in first-seen order; its shares appended to `details` row by row, in line order within a row. */
  finish(details: AgingDetail[]): AgingSection {
    const { bucketCount, keys, sums, counts } = this;
    const totals = new Array<Cents>(bucketCount).fill(0);
    const rows: AgingRow[] = new Array(keys.length);
    // Where each row's shares start in `details`: after the rows before it.
    const next = new Int32Array(keys.length);
    let at = details.length;
    for (let r = 0; r < keys.length; r++) {
      const buckets = Array.from(sums.subarray(r * bucketCount, (r + 1) * bucketCount));
      const row: AgingRow = { key: keys[r], buckets, total: this.totals[r], lines: counts[r] };
      const known = this.names?.get(keys[r]);
      if (known !== undefined) row.name = known;
      rows[r] = row;
      for (let b = 0; b < bucketCount; b++) totals[b] += buckets[b];
      next[r] = at;
      at += counts[r];
    }
    details.length = at;
    for (let k = 0; k < this.details.length; k++) details[next[this.detailRows[k]]++] = this.details[k];
    const total = totals.reduce((s, v) => s + v, 0);
    return { rows, totals, total, percents: percentsOf(totals, total) };
  }
}

/** Aging dates turned into ages and buckets, each date once: they repeat (a day's visits, a remittance's lines). */
class AgesAsOf {
  private readonly ageOf = new Map<IsoDate, number>();
  private lastDate: IsoDate | undefined = undefined;
  age = 0;
  bucket = 0;

  constructor(
    private readonly asOf: IsoDate,
    private readonly bounds: number[],
  ) {}

  /** Sets `age` and `bucket` for the date. */
  of(date: IsoDate): void {
    if (date === this.lastDate) return;
    let age = this.ageOf.get(date);
    if (age === undefined) this.ageOf.set(date, (age = daysBetween(date, this.asOf)));
    this.lastDate = date;
    this.age = age;
    this.bucket = bucketOf(age, this.bounds);
  }
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

  const t = new LineTally(ledger, asOf);
  const insurance = new SectionRows("insurance", bucketCount, options.by !== "patient" ? payerName : undefined);
  const patient = new SectionRows("patient", bucketCount, options.by === "payer" ? payerName : undefined);
  const ages = new AgesAsOf(asOf, bounds);
  const credits: AgingCredit[] = [];
  let creditTotal = 0;
  const later = { lines: 0, balance: 0 };

  // The line's figures are read off the tally as it goes: no LineBalance is made for a line.
  const { charges } = ledger;
  for (let i = 0; i < charges.length; i++) {
    const line = charges[i];
    t.tally(i);
    const { balance } = t;
    if (!servedBy(line, asOf)) {
      later.lines += 1;
      later.balance += balance;
      continue;
    }
    if (balance < 0) {
      const credit: AgingCredit = {
        chargeId: line.chargeId,
        claimId: line.claimId,
        patientId: line.patientId,
        payerId: line.payerId,
        dos: line.dos,
        amount: balance,
        insuranceShare: t.insuranceShare,
        patientShare: t.patientShare,
      };
      if (t.lastPaymentDate !== undefined) credit.lastPaymentDate = t.lastPaymentDate;
      credits.push(credit);
      creditTotal += balance;
      continue;
    }
    if (balance === 0) continue;
    const billed = line.billedDate;
    let insuranceDate: IsoDate = line.dos;
    let insuranceFrom: AgedFrom = "dos";
    if (basis !== "dos") {
      insuranceDate = billed ?? line.dos;
      insuranceFrom = billed !== undefined ? "billed" : "dos (not billed)";
    }
    if (t.insuranceShare > 0) {
      ages.of(insuranceDate);
      const key = options.by === "patient" ? line.patientId : line.payerId;
      insurance.add(key, line, t.insuranceShare, insuranceDate, insuranceFrom, ages.age, ages.bucket);
    }
    if (t.patientShare > 0) {
      let patientDate: IsoDate = insuranceDate;
      let patientFrom: AgedFrom = insuranceFrom;
      if (basis === "responsibility") {
        const moved = t.selfPay ? undefined : responsibilityDate(ledger, ledger.postingsByChargeRow[i], asOf);
        patientDate = moved ?? line.dos;
        patientFrom = moved !== undefined ? "responsibility" : t.selfPay ? "dos (self-pay)" : "dos (no responsibility posting)";
      }
      ages.of(patientDate);
      const key = options.by === "payer" ? line.payerId : line.patientId;
      patient.add(key, line, t.patientShare, patientDate, patientFrom, ages.age, ages.bucket);
    }
  }

  const details: AgingDetail[] = [];
  const insuranceSection = insurance.finish(details);
  const patientSection = patient.finish(details);
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

/** One series of the A/R chart: the balances of one kind of payer (or the patients') by bucket. */
export interface AgingSeries {
  /** A payer type from Payers ("Medicare", "Commercial", ...), "Patient" or "Unknown payer". */
  name: string;
  buckets: Cents[];
  total: Cents;
}

/** The series name of patient balances in the chart. */
export const PATIENT_SERIES = "Patient";
/** The series name of insurance balances whose payer is not in Payers. */
export const UNKNOWN_PAYER_SERIES = "Unknown payer";

/**
 * A/R by bucket, stacked by payer type: the insurance shares by their payer's Type, the patient
 * shares as one "Patient" series, whatever keys the report's rows use. Series in PAYER_TYPES order,
 * then Patient, then Unknown payer; a series with nothing owed is left out. The series add up to the
 * report's totals, bucket by bucket.
 */
export function agingByPayerType(report: AgingReport, payers: readonly { payerId: string; type: string }[]): AgingSeries[] {
  const typeOf = new Map<string, string>();
  for (const payer of payers) if (!typeOf.has(payer.payerId)) typeOf.set(payer.payerId, payer.type);
  const bucketCount = report.buckets.length;
  const series = new Map<string, AgingSeries>();
  for (const d of report.details) {
    const name = d.section === "patient" ? PATIENT_SERIES : (typeOf.get(d.payerId) ?? UNKNOWN_PAYER_SERIES);
    let s = series.get(name);
    if (!s) series.set(name, (s = { name, buckets: new Array<Cents>(bucketCount).fill(0), total: 0 }));
    s.buckets[d.bucket] += d.amount;
    s.total += d.amount;
  }
  const order: string[] = [...PAYER_TYPES, PATIENT_SERIES, UNKNOWN_PAYER_SERIES];
  return [...series.values()].filter((s) => s.total !== 0).sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}
