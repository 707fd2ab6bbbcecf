// The sample practice's books: claims billed and adjudicated, remittances with contractual
// adjustments and patient responsibility, denials left to work or written off, secondary payments,
// copays at the visit, and monthly statements that patients pay (or not), oldest visit first.
// And the follow-up work an office always has (issue 15's worklists): denials still open, a payer
// that sometimes pays a few codes under contract (sampleCatalog's oldFeeSchedule), claims a payer
// never answered, and claims held back unbilled as their payer's filing limit nears or passes.
//
// Money follows DOMAIN.md's posting rules, so every later feature can be tried on it: an insurer's
// line balances (paid + CO-45 + PR = charge); PR moves money to the patient (or the secondary
// payer), it never reduces the balance; denials are posted at $0 and left to work; a payment is
// exactly the sum of what was posted from it; nothing leaves a credit.
import { addDays, type IsoDate } from "../dates";
import type { Cents } from "../money";
import type { PaymentRow, PostingRow } from "../workbook/tables";
import { DENIALS, PREVENTIVE_CODES, VISIT_CODES, type SamplePayer } from "./sampleCatalog";
import { DAYS_IN_SAMPLE, weekday, type Claim, type Line, type Patient } from "./sampleVisits";
import type { SeededDice } from "./seededDice";

const SELF_PAY_DISCOUNT_PERCENT = 20;
/** An insurer never answers about one claim in a hundred it is sent: lost, or stuck in its system. */
const NEVER_ANSWERED_CHANCE = 0.01;
/**
 * Claims the office held back (a referral or an authorization missing) and has not sent yet: among the
 * claims whose filing limit (date of service + the payer's Timely Filing Days) falls in the
 * HELD_WARNING_DAYS after the as-of date, one in HELD_NEAR_EVERY; among those whose limit passed in
 * the HELD_PAST_DAYS before it, one in HELD_PAST_EVERY (a limit on the as-of date itself is neither). Every n-th from a seeded start, not a chance
 * each: a sample big enough to have such claims always has a few on the filing-limit list.
 */
const HELD_WARNING_DAYS = 30;
const HELD_NEAR_EVERY = 16;
const HELD_PAST_DAYS = 30;
const HELD_PAST_EVERY = 20;

export interface Payment {
  id: string;
  order: number;
  date: IsoDate;
  payerId?: string;
  patientId?: string;
  method: PaymentRow["method"];
  reference: string;
  amount: Cents;
  note?: string;
}

export interface Posting {
  order: number;
  payment?: Payment;
  line: Line;
  date: IsoDate;
  paid?: Cents;
  adjustment?: Cents;
  group?: PostingRow["group"];
  reason?: string;
  patientResp?: Cents;
  source: PostingRow["source"];
  note?: string;
}

/** A payer's dates of service whose filing limit passed in the last HELD_PAST_DAYS, and those whose limit is near. */
interface FilingWindow {
  pastFrom: IsoDate;
  pastTo: IsoDate;
  nearFrom: IsoDate;
  nearTo: IsoDate;
}

export interface SampleStatement {
  number: string;
  date: IsoDate;
  account: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  amountDue: Cents;
}

export class SampleLedger {
  readonly payments: Payment[] = [];
  readonly postings: Posting[] = [];
  readonly statements: SampleStatement[] = [];
  private readonly insurerPayments = new Map<string, Payment>();
  private readonly deductibleUsed = new Map<string, Cents>();
  /** Per payer, the dates of service whose filing limit is near the as-of date, and just past it. */
  private readonly filingWindows = new Map<string, FilingWindow | null>();
  /** Claims seen so far near and past their filing limit, counted from a seeded start (see HELD_NEAR_EVERY). */
  private nearLimitSeen = -1;
  private pastLimitSeen = -1;

  constructor(
    private readonly dice: SeededDice,
    private readonly asOf: IsoDate,
  ) {}

  /** Payments in date order, numbered; postings in date order (numbered as rows are written). */
  close(): void {
    this.payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
    this.payments.forEach((p, i) => (p.id = `PM${String(i + 1).padStart(6, "0")}`));
    this.postings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  }

  /** Bill a claim (in date-of-service order) and play out what happened to it by the as-of date. */
  settle(claim: Claim): void {
    const dice = this.dice;
    const { payer } = claim;
    if (payer.type === "Self-pay") {
      claim.billed = claim.dos;
      this.selfPay(claim);
      return;
    }
    const billed = addDays(claim.dos, dice.int(1, 5));
    const forgotten = dice.chance(0.005);
    if (billed > this.asOf || forgotten || this.held(claim)) return;
    claim.billed = billed;
    if (payer.type !== "Other" && dice.chance(NEVER_ANSWERED_CHANCE)) {
      // Sent, and never answered: the copay was taken at the desk all the same.
      this.copayAtVisit(claim, true);
      return;
    }
    const remit = this.payday(payer, addDays(billed, dice.int(payer.lag[0], payer.lag[1])));
    const adjudicated = remit <= this.asOf;

    if (payer.type === "Other") {
      if (adjudicated && dice.chance(0.6)) {
        const payment = this.insurerPayment(payer, remit);
        for (const line of claim.lines) {
          payment.amount += line.amount;
          this.post({ payment, line, date: remit, paid: line.amount, source: "Manual", note: "Lien settlement" });
        }
      }
      return;
    }

    const denial =
      adjudicated && dice.chance(payer.type === "Medicaid" ? 0.1 : 0.06)
        ? dice.weighted(DENIALS.map((d) => [d, d.weight] as const))
        : undefined;
    this.copayAtVisit(claim, denial === undefined);
    if (!adjudicated) return;
    if (!denial) {
      this.adjudicate(claim, remit);
      return;
    }
    const payment = this.insurerPayment(payer, remit);
    for (const line of claim.lines) {
      this.post({
        payment,
        line,
        date: remit,
        paid: 0,
        adjustment: 0,
        group: "CO",
        reason: denial.reason,
        source: this.sourceOf(payer),
        note: "Denied: to work",
      });
    }
    if (denial.followUp === "resubmit") {
      const again = this.payday(payer, addDays(remit, dice.int(5, 20) + dice.int(payer.lag[0], payer.lag[1])));
      if (again <= this.asOf && dice.chance(0.8)) this.adjudicate(claim, again);
    } else {
      const day = addDays(remit, dice.int(30, 90));
      if (day <= this.asOf && dice.chance(0.5)) {
        for (const line of claim.lines) {
          this.post({ line, date: day, adjustment: line.amount, group: "WO", source: "Manual", note: "Write-off: denial not appealed" });
        }
      }
    }
  }

  /** Whether the office is still holding the claim back as its payer's filing limit nears or passes. */
  private held(claim: Claim): boolean {
    const { payer, dos } = claim;
    let window = this.filingWindows.get(payer.id);
    if (window === undefined) {
      const days = payer.timelyFilingDays;
      window =
        days === undefined
          ? null
          : {
              pastFrom: addDays(this.asOf, -days - HELD_PAST_DAYS),
              pastTo: addDays(this.asOf, -days - 1),
              nearFrom: addDays(this.asOf, 1 - days),
              nearTo: addDays(this.asOf, HELD_WARNING_DAYS - days),
            };
      this.filingWindows.set(payer.id, window);
    }
    if (window === null || dos < window.pastFrom || dos > window.nearTo) return false;
    if (this.nearLimitSeen < 0) {
      this.nearLimitSeen = this.dice.int(0, HELD_NEAR_EVERY - 1);
      this.pastLimitSeen = this.dice.int(0, HELD_PAST_EVERY - 1);
    }
    if (dos >= window.nearFrom) return ++this.nearLimitSeen % HELD_NEAR_EVERY === 0;
    if (dos <= window.pastTo) return ++this.pastLimitSeen % HELD_PAST_EVERY === 0;
    return false;
  }

  /** A commercial copay is collected at the front desk, before the claim is even sent. */
  private copayAtVisit(claim: Claim, willBePaid: boolean): void {
    const { patient } = claim;
    const visitLine = claim.lines.find((l) => VISIT_CODES.has(l.fee.code) && !PREVENTIVE_CODES.has(l.fee.code));
    // Patients with a secondary plan are not asked (it pays the copay); a copay on a claim the
    // payer will deny would leave a credit, which the sample keeps out of its books.
    if (!visitLine || patient.copay === 0 || patient.secondary || !willBePaid || !this.dice.chance(0.6)) return;
    const copay = Math.min(patient.copay, this.allowed(claim.payer, visitLine));
    const payment = this.patientPayment(patient, claim.dos, copay, "Copay at visit");
    visitLine.paidAtVisit = copay;
    this.post({ payment, line: visitLine, date: claim.dos, paid: copay, source: "Manual", note: "Copay at visit" });
  }

  private adjudicate(claim: Claim, date: IsoDate): void {
    const dice = this.dice;
    const { payer, patient } = claim;
    const payment = this.insurerPayment(payer, date);
    const source = this.sourceOf(payer);
    const hasVisit = claim.lines.some((l) => VISIT_CODES.has(l.fee.code));
    for (const line of claim.lines) {
      if (payer.id === "SHP" && line.fee.code === "36415" && hasVisit && dice.chance(0.6)) {
        // This plan bundles the blood draw into the visit: denied, then written off by the office.
        this.post({ payment, line, date, paid: 0, adjustment: 0, group: "CO", reason: "97", source, note: "Bundled: to work" });
        const day = addDays(date, dice.int(10, 45));
        if (day <= this.asOf)
          this.post({
            line,
            date: day,
            adjustment: line.amount,
            group: "CO",
            reason: "97",
            source: "Manual",
            note: "Bundled with the visit: written off",
          });
        continue;
      }
      const allowed = this.allowedOnRemittance(payer, line);
      const shares = this.patientShares(patient, line, allowed, claim.dos);
      const patientTotal = shares.reduce((s, [, c]) => s + c, 0);
      const paid = allowed - patientTotal;
      const contractual = line.amount - allowed;
      this.post({
        payment,
        line,
        date,
        paid,
        adjustment: contractual > 0 ? contractual : undefined,
        group: contractual > 0 ? "CO" : undefined,
        reason: contractual > 0 ? "45" : undefined,
        source,
      });
      for (const [reason, cents] of shares) this.post({ payment, line, date, group: "PR", reason, patientResp: cents, source });
      payment.amount += paid;
      if (patientTotal === 0) continue;
      if (patient.secondary) {
        const second = patient.secondary;
        const day = this.payday(second, addDays(date, dice.int(second.lag[0], second.lag[1])));
        if (day <= this.asOf) {
          const secondPayment = this.insurerPayment(second, day);
          secondPayment.amount += patientTotal;
          this.post({
            payment: secondPayment,
            line,
            date: day,
            paid: patientTotal,
            source: this.sourceOf(second),
            note: "Secondary payment",
          });
        }
        continue;
      }
      this.owe(line, patientTotal - line.paidAtVisit, date);
    }
  }

  private allowed(payer: SamplePayer, line: Line): Cents {
    return Math.min(line.amount, Math.round((line.fee.allowed * line.units * payer.allowedPercent) / 100));
  }

  /** What the remittance allows: the contract rate, or now and then the payer's old fee schedule's. */
  private allowedOnRemittance(payer: SamplePayer, line: Line): Cents {
    const allowed = this.allowed(payer, line);
    const old = payer.oldFeeSchedule;
    if (!old || !old.codes.includes(line.fee.code) || !this.dice.chance(old.chance)) return allowed;
    return Math.round((allowed * old.percent) / 100);
  }

  /** Deductible (PR-1), coinsurance (PR-2) and copay (PR-3) on one line. */
  private patientShares(patient: Patient, line: Line, allowed: Cents, dos: IsoDate): [string, Cents][] {
    const code = line.fee.code;
    if (PREVENTIVE_CODES.has(code) || patient.payer.type === "Medicaid") return [];
    if (patient.payer.type === "Commercial" && VISIT_CODES.has(code)) return [["3", Math.min(patient.copay, allowed)]];
    const key = `${patient.id}|${dos.slice(0, 4)}`;
    const used = this.deductibleUsed.get(key) ?? 0;
    const deductible = Math.min(allowed, patient.deductible - used);
    this.deductibleUsed.set(key, used + deductible);
    const coinsurance = Math.round(((allowed - deductible) * patient.coinsurancePercent) / 100);
    const shares: [string, Cents][] = [];
    if (deductible > 0) shares.push(["1", deductible]);
    if (coinsurance > 0) shares.push(["2", coinsurance]);
    return shares;
  }

  private selfPay(claim: Claim): void {
    const { patient } = claim;
    if (patient.status !== "Collections" && this.dice.chance(0.5)) {
      const total = claim.lines.reduce((s, l) => s + l.amount - Math.round((l.amount * SELF_PAY_DISCOUNT_PERCENT) / 100), 0);
      const payment = this.patientPayment(patient, claim.dos, total, "Paid at visit");
      for (const line of claim.lines) {
        const discount = Math.round((line.amount * SELF_PAY_DISCOUNT_PERCENT) / 100);
        this.post({
          payment,
          line,
          date: claim.dos,
          paid: line.amount - discount,
          adjustment: discount,
          group: "WO",
          source: "Manual",
          note: "Self-pay discount",
        });
      }
      return;
    }
    for (const line of claim.lines) this.owe(line, line.amount, claim.dos);
  }

  private owe(line: Line, cents: Cents, from: IsoDate): void {
    if (cents <= 0) return;
    line.patientDue = cents;
    line.dueFrom = from;
    line.claim.patient.owes.push(line);
  }

  // ---- statements and patient payments ----

  /** Monthly statement runs: each patient with a balance gets one and may pay it, oldest visit first. */
  statementRuns(patients: Patient[]): void {
    const dice = this.dice;
    const runs = this.statementDates();
    const recorded = new Set(runs.slice(-2));
    for (const patient of patients) {
      if (patient.owes.length === 0) continue;
      patient.owes.sort((a, b) => (a.claim.dos < b.claim.dos ? -1 : a.claim.dos > b.claim.dos ? 1 : 0));
      // Accounts on hold or with a collection agency get no statements.
      if (patient.status !== "Active") continue;
      for (const [r, run] of runs.entries()) {
        const open = patient.owes.filter((l) => l.dueFrom! <= run && l.patientDue > 0);
        const due = open.reduce((s, l) => s + l.patientDue, 0);
        if (due === 0) continue;
        if (recorded.has(run)) {
          this.statements.push({
            number: "",
            date: run,
            account: patient.id,
            periodStart: r > 0 ? runs[r - 1] : addDays(run, -30),
            periodEnd: addDays(run, -1),
            amountDue: due,
          });
        }
        const roll = dice.next();
        if (roll >= 0.7) continue;
        const payDay = addDays(run, dice.int(4, 24));
        if (payDay > this.asOf) continue;
        let left = roll < 0.55 ? due : Math.min(due, Math.max(1000, Math.floor(due / 200) * 100));
        const payment = this.patientPayment(patient, payDay, left, "Statement payment");
        for (const line of open) {
          if (left === 0) break;
          const take = Math.min(left, line.patientDue);
          line.patientDue -= take;
          left -= take;
          this.post({ payment, line, date: payDay, paid: take, source: "Manual" });
        }
      }
    }
    // Numbered in the order they were issued: by run, then by account.
    this.statements.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.account < b.account ? -1 : 1));
    this.statements.forEach((s, i) => (s.number = `S${String(i + 1).padStart(6, "0")}`));
  }

  /** The first weekday of each month in the sample's year, up to the as-of date. */
  private statementDates(): IsoDate[] {
    const dates: IsoDate[] = [];
    const start = addDays(this.asOf, -DAYS_IN_SAMPLE);
    let year = Number(start.slice(0, 4));
    let month = Number(start.slice(5, 7));
    for (;;) {
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
      let day = `${year}-${String(month).padStart(2, "0")}-01`;
      while (weekday(day) % 6 === 0) day = addDays(day, 1);
      if (day > this.asOf) return dates;
      dates.push(day);
    }
  }

  // ---- payments and postings ----

  /** The payer's check or EFT for that day: all its claims adjudicated that day share one. */
  private insurerPayment(payer: SamplePayer, date: IsoDate): Payment {
    const key = `${payer.id}|${date}`;
    let payment = this.insurerPayments.get(key);
    if (!payment) {
      const eft = payer.method === "EFT";
      payment = this.addPayment({
        date,
        payerId: payer.id,
        method: eft ? "EFT" : "Check",
        reference: eft ? `${this.dice.int(1, 9)}${this.dice.digits(9)}` : this.dice.digits(7),
        amount: 0,
        note: payer.type === "Other" ? "Settlement check" : eft ? "ERA received" : "Paper EOB",
      });
      this.insurerPayments.set(key, payment);
    }
    return payment;
  }

  private patientPayment(patient: Patient, date: IsoDate, amount: Cents, note: string): Payment {
    const dice = this.dice;
    const method = dice.weighted([
      ["Card", 60],
      ["Check", 25],
      ["Cash", 15],
    ] as const);
    const reference =
      method === "Card" ? `AUTH ${dice.digits(6)}` : method === "Check" ? `CHK ${dice.int(1001, 9999)}` : `RCPT ${dice.digits(5)}`;
    return this.addPayment({ date, patientId: patient.id, method, reference, amount, note });
  }

  private addPayment(fields: Omit<Payment, "id" | "order">): Payment {
    const payment: Payment = { id: "", order: this.payments.length, ...fields };
    this.payments.push(payment);
    return payment;
  }

  private post(fields: Omit<Posting, "order">): void {
    this.postings.push({ order: this.postings.length, ...fields });
  }

  private sourceOf(payer: SamplePayer): PostingRow["source"] {
    return payer.method === "EFT" ? "ERA" : "Manual";
  }

  /** The payer's next payday on or after `date`. */
  private payday(payer: SamplePayer, date: IsoDate): IsoDate {
    return addDays(date, (payer.payday - weekday(date) + 7) % 7);
  }
}
