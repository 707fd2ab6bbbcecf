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
// Everything is one pass over the ledger's columns; no table is scanned inside another. Built for a
// million lines: each line's balance is read off lineBalances' LineTally (no LineBalance made per
// line), a summary row is a number indexing flat sums, and the details are columns until read.
import { isoToDay, type IsoDate } from "../dates";
import { LineTally } from "../ledger/balances";
import type { Ledger } from "../ledger/ledger";
import type { Cents } from "../money";
import { PAYER_TYPES, type ChargeRow, type PostingRow } from "../workbook/tables";

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

/** How a share's aging date was found (AgedFrom), as a number in the detail columns. */
const AGED_FROM: readonly AgedFrom[] = [
  "dos",
  "dos (not billed)",
  "billed",
  "responsibility",
  "dos (self-pay)",
  "dos (no responsibility posting)",
];
const FROM_DOS = 0;
const FROM_DOS_NOT_BILLED = 1;
const FROM_BILLED = 2;
const FROM_RESPONSIBILITY = 3;
const FROM_DOS_SELF_PAY = 4;
const FROM_DOS_NO_RESPONSIBILITY = 5;

/**
 * A section's summary rows as they are added up. A row is a number (its place in first-seen order),
 * found from the key's interned number (the ledger's payer or patient columns) without hashing the id;
 * its sums sit in flat arrays, so adding a share makes no object and keeps nothing of the line (the
 * details, when read, walk the lines again: see agingDetails).
 */
class SectionRows {
  private readonly rowOfKey: Int32Array;
  private readonly keys: string[] = [];
  private sums = new Float64Array(0);
  private counts = new Int32Array(0);

  constructor(
    readonly section: "insurance" | "patient",
    private readonly bucketCount: number,
    /** The ids behind the key numbers given to add(). */
    private readonly ids: readonly string[],
    /** Payer names, when the rows are keyed by payer. */
    private readonly names: Map<string, string> | undefined,
  ) {
    this.rowOfKey = new Int32Array(ids.length).fill(-1);
  }

  private rowFor(key: number): number {
    let row = this.rowOfKey[key];
    if (row < 0) {
      row = this.keys.length;
      this.keys.push(this.ids[key]);
      this.rowOfKey[key] = row;
      if (row === this.counts.length) this.grow();
    }
    return row;
  }

  private grow(): void {
    const rows = Math.max(64, this.counts.length * 2);
    const sums = new Float64Array(rows * this.bucketCount);
    sums.set(this.sums);
    this.sums = sums;
    const counts = new Int32Array(rows);
    counts.set(this.counts);
    this.counts = counts;
  }

  add(key: number, amount: Cents, bucket: number): void {
    const row = this.rowFor(key);
    this.sums[row * this.bucketCount + bucket] += amount;
    this.counts[row] += 1;
  }

  /**
   * The section: its totals from the sums, its rows in first-seen order as objects when first read (a
   * sheet or the CLI shows them; a million-line report over 100,000 patients need not make them).
   */
  finish(): AgingSection {
    const { bucketCount, keys, sums, counts } = this;
    const totals = new Array<Cents>(bucketCount).fill(0);
    for (let r = 0, at = 0; r < keys.length; r++) for (let b = 0; b < bucketCount; b++, at++) totals[b] += sums[at];
    const total = totals.reduce((s, v) => s + v, 0);
    let rows: AgingRow[] | undefined;
    const names = this.names;
    return {
      get rows(): AgingRow[] {
        if (!rows) {
          rows = new Array<AgingRow>(keys.length);
          for (let r = 0; r < keys.length; r++) {
            const buckets = Array.from(sums.subarray(r * bucketCount, (r + 1) * bucketCount));
            // A row's total is its buckets' (whole cents: the sum is exact in any order).
            const row: AgingRow = { key: keys[r], buckets, total: buckets.reduce((s, v) => s + v, 0), lines: counts[r] };
            const known = names?.get(keys[r]);
            if (known !== undefined) row.name = known;
            rows[r] = row;
          }
        }
        return rows;
      },
      totals,
      total,
      percents: percentsOf(totals, total),
    };
  }

  /**
   * Where each row's shares go in a details list that already holds `before` entries (row by row, in
   * first-seen order), and the list's length with them.
   */
  detailPlaces(before: number): { next: Int32Array; end: number } {
    const next = new Int32Array(this.keys.length);
    let at = before;
    for (let r = 0; r < this.keys.length; r++) {
      next[r] = at;
      at += this.counts[r];
    }
    return { next, end: at };
  }

  /** The row of a key number that add() was given. */
  rowOf(key: number): number {
    return this.rowOfKey[key];
  }

  key(row: number): string {
    return this.keys[row];
  }
}

/**
 * A line's shares and the dates they age from, by the report's basis: `of(i)` tallies the line and
 * sets the insurance share's aging day and how it was found, and the patient share's when it owes.
 */
class ShareOf {
  insuranceDay = 0;
  insuranceFrom = FROM_DOS;
  /** The aging date as written, when it is not the line's DOS (undefined: the DOS). */
  insuranceDate: IsoDate | undefined = undefined;
  patientDay = 0;
  patientFrom = FROM_DOS;
  patientDate: IsoDate | undefined = undefined;

  /** Each line's Billed Date (the Charges column, not its rows), read at the first line that owes. */
  private billedDates: (IsoDate | undefined)[] | undefined;

  constructor(
    readonly tally: LineTally,
    private readonly ledger: Ledger,
    private readonly basis: AgingBasis,
    private readonly asOf: IsoDate,
  ) {}

  /** Tally the i-th line; then its aging dates, when it owes (balance > 0). */
  of(i: number): void {
    const t = this.tally;
    t.tally(i);
    if (t.balance <= 0) return;
    const { ledger, basis } = this;
    const dos = ledger.columns.lineDos[i];
    let day = dos;
    let from = FROM_DOS;
    let date: IsoDate | undefined;
    if (basis !== "dos") {
      const billed = (this.billedDates ??= ledger.chargeColumn("billedDate"))[i];
      if (billed !== undefined) {
        day = isoToDay(billed);
        from = FROM_BILLED;
        date = billed;
      } else from = FROM_DOS_NOT_BILLED;
    }
    this.insuranceDay = day;
    this.insuranceFrom = from;
    this.insuranceDate = date;
    if (t.patientShare > 0 && basis === "responsibility") {
      const moved = t.selfPay ? undefined : responsibilityDate(ledger, ledger.postingsByChargeRow[i], this.asOf);
      day = moved !== undefined ? isoToDay(moved) : dos;
      from = moved !== undefined ? FROM_RESPONSIBILITY : t.selfPay ? FROM_DOS_SELF_PAY : FROM_DOS_NO_RESPONSIBILITY;
      date = moved;
    }
    this.patientDay = day;
    this.patientFrom = from;
    this.patientDate = date;
  }
}

/**
 * The shares behind the summary rows as objects: insurance then patient, row by row, in line order
 * within a row. The lines are walked again (the report keeps no share), each share put in its row's
 * place; the sections' counts say where each row's shares start.
 */
function agingDetails(
  charges: ChargeRow[],
  share: ShareOf,
  insurance: SectionRows,
  patient: SectionRows,
  insuranceKey: (i: number) => number,
  patientKey: (i: number) => number,
  asOfDay: number,
  bounds: number[],
): AgingDetail[] {
  const insurancePlaces = insurance.detailPlaces(0);
  const patientPlaces = patient.detailPlaces(insurancePlaces.end);
  const details = new Array<AgingDetail>(patientPlaces.end);
  const t = share.tally;
  const put = (
    section: SectionRows,
    next: Int32Array,
    key: number,
    line: ChargeRow,
    day: number,
    date: IsoDate | undefined,
    from: number,
    amount: Cents,
  ) => {
    const row = section.rowOf(key);
    const age = asOfDay - day;
    details[next[row]++] = {
      section: section.section,
      key: section.key(row),
      chargeId: line.chargeId,
      claimId: line.claimId,
      patientId: line.patientId,
      payerId: line.payerId,
      dos: line.dos,
      agingDate: date ?? line.dos,
      agedFrom: AGED_FROM[from],
      age,
      bucket: bucketOf(age, bounds),
      amount,
    };
  };
  for (let i = 0; i < charges.length; i++) {
    share.of(i);
    if (t.balance <= 0 || !t.served(i)) continue;
    if (t.insuranceShare > 0) {
      put(
        insurance,
        insurancePlaces.next,
        insuranceKey(i),
        charges[i],
        share.insuranceDay,
        share.insuranceDate,
        share.insuranceFrom,
        t.insuranceShare,
      );
    }
    if (t.patientShare > 0) {
      put(patient, patientPlaces.next, patientKey(i), charges[i], share.patientDay, share.patientDate, share.patientFrom, t.patientShare);
    }
  }
  return details;
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
  const { asOfDay } = t;
  const { charges, columns } = ledger;
  const { linePayer, linePatient } = columns;
  const insuranceByPatient = options.by === "patient";
  const patientByPayer = options.by === "payer";
  const insurance = new SectionRows(
    "insurance",
    bucketCount,
    insuranceByPatient ? columns.patientIds : columns.payerIds,
    insuranceByPatient ? undefined : payerName,
  );
  const patient = new SectionRows(
    "patient",
    bucketCount,
    patientByPayer ? columns.payerIds : columns.patientIds,
    patientByPayer ? payerName : undefined,
  );
  // Lines with a credit balance: their positions now, their objects when first read (a tally again).
  const creditLines: number[] = [];
  let creditTotal = 0;
  const later = { lines: 0, balance: 0 };
  // The bucket of each age up to the last bound, looked up; older ages are in the last bucket, and a
  // negative age (an aging date after asOf) in the first.
  const lastBound = bounds.length > 0 ? bounds[bounds.length - 1] : -1;
  const bucketOfAge = new Uint8Array(lastBound + 1);
  for (let age = 0; age <= lastBound; age++) bucketOfAge[age] = bucketOf(age, bounds);
  const lastBucket = bounds.length;

  // The line's figures are read off the tally as it goes: no LineBalance is made for a line. The
  // bucket lookups are written out in the loop (it runs a million times on a large practice).
  const share = new ShareOf(t, ledger, basis, asOf);
  const { lineDos } = columns;
  for (let i = 0; i < charges.length; i++) {
    share.of(i);
    const { balance } = t;
    if (lineDos[i] > asOfDay) {
      later.lines += 1;
      later.balance += balance;
      continue;
    }
    if (balance === 0) continue;
    if (balance < 0) {
      creditLines.push(i);
      creditTotal += balance;
      continue;
    }
    if (t.insuranceShare > 0) {
      const age = asOfDay - share.insuranceDay;
      const bucket = age < 0 ? bucketOf(age, bounds) : age <= lastBound ? bucketOfAge[age] : lastBucket;
      insurance.add(insuranceByPatient ? linePatient[i] : linePayer[i], t.insuranceShare, bucket);
    }
    if (t.patientShare > 0) {
      const age = asOfDay - share.patientDay;
      const bucket = age < 0 ? bucketOf(age, bounds) : age <= lastBound ? bucketOfAge[age] : lastBucket;
      patient.add(patientByPayer ? linePayer[i] : linePatient[i], t.patientShare, bucket);
    }
  }

  const insuranceSection = insurance.finish();
  const patientSection = patient.finish();
  const totals = insuranceSection.totals.map((v, b) => v + patientSection.totals[b]);
  const total = insuranceSection.total + patientSection.total;
  // The shares behind the rows and the credits become objects when first read (a sheet, the CLI,
  // collections): the report itself, over a million lines, is sums.
  let details: AgingDetail[] | undefined;
  let credits: AgingCredit[] | undefined;
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
    get credits(): AgingCredit[] {
      if (!credits) {
        credits = new Array<AgingCredit>(creditLines.length);
        for (let k = 0; k < creditLines.length; k++) {
          const i = creditLines[k];
          const line = charges[i];
          t.tally(i);
          const credit: AgingCredit = {
            chargeId: line.chargeId,
            claimId: line.claimId,
            patientId: line.patientId,
            payerId: line.payerId,
            dos: line.dos,
            amount: t.balance,
            insuranceShare: t.insuranceShare,
            patientShare: t.patientShare,
          };
          if (t.lastPaymentDate !== undefined) credit.lastPaymentDate = t.lastPaymentDate;
          credits[k] = credit;
        }
      }
      return credits;
    },
    creditTotal,
    get details(): AgingDetail[] {
      if (!details) {
        details = agingDetails(
          charges,
          share,
          insurance,
          patient,
          (i) => (insuranceByPatient ? linePatient[i] : linePayer[i]),
          (i) => (patientByPayer ? linePayer[i] : linePatient[i]),
          asOfDay,
          bounds,
        );
      }
      return details;
    },
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
