// A patient statement or an invoice as of a date, built from the books (DOMAIN.md, "Patient
// statements"). The rules:
//
// - Balances are lineBalances(ledger, date): postings dated after the statement date do not count,
//   and charges whose date of service is after it are not on the document.
// - Statement lines: the account's charges with a balance ≠ 0, or with activity (a date of service
//   or a posting) after the account's previous statement, so a line paid off shows once. With no
//   previous statement every charge of the account is listed once. Lines are added up by date of
//   service; a date with one code reads as that code's FeeSchedule Description (code + modifier
//   first, then the code alone), else the practice's line text. Never a code set's descriptor.
// - A line that owes (balance ≥ 0) splits into `due` (the patient share) and `pendingInsurance`
//   (the insurance share). A line in credit (balance < 0) owes neither: its balance is the
//   document's `credit`, netted into the amount due, which never goes below 0.
// - Aging: each line's due by its age from the date of service (0-30, 31-60, 61-90, 90+); a credit
//   is taken from the oldest bucket first (as a patient payment is applied), so the four add up to
//   the amount due. The message is the one for the oldest bucket that still has money in it.
// - Previous balance and date: the account's last Statements row of the same kind dated before the
//   statement date. Payments since: the account's own payments (a patient's: PatientID and no
//   PayerID; an invoiced payer's: its PayerID) dated after it, up to the statement date.
// - Invoice: a payer of type "Other" (an attorney, an employer, a contract), its lines the charges
//   billed to it whose insurance share is not 0; `due` is that share. Payers has no address, so the
//   invoice is addressed by name only.
//
// - Payment plan (issue 17): an account on an active plan (src/plans/paymentPlans.ts) is asked for the
//   installment due, not its whole balance: what is past due on the plan and the installments falling
//   due by the statement's due date (less what was paid ahead), with any balance the plan does not cover
//   (charges since it was set up), never more than the balance. The aging is then the plan's: each
//   unpaid installment by its age from its due date, the rest current, so the dunning message follows
//   how the plan is kept, not how old the debt is. The summary ends at the balance and takes off what is
//   on the plan and not due yet, so its rows still add up to the amount due; `paymentPlan.text` says how
//   the plan stands.
//
// A batch builds one StatementIndex and asks it for each account: one lineBalances call and one pass
// over each table, whatever the number of accounts.
import { addDays, daysBetween, usDate, type IsoDate } from "../dates";
import { planDueBy, planIsDue, planStandings, planStandingText, type PlanStanding } from "../plans/paymentPlans";
import { accountOwes } from "../plans/planBooks";
import { lineBalanceAt, LineTally, servedBy, type LineBalance } from "../ledger/balances";
import type { Cents } from "../money";
import type { PatientRow, PaymentRow, StatementRow } from "../workbook/tables";
import type { AddressBlock, AgingSummary, DocumentKind, DocumentLine, StatementDocument } from "./model";
import { cityStateZip, type StatementBooks } from "./statementBooks";

/** When a document is dated and what number it carries. */
export interface DocumentAt {
  date: IsoDate;
  number: string;
}

/** A Statements row's kind: its Kind column, else "I…" numbers are invoices and the rest statements. */
export function documentKindOf(row: StatementRow): DocumentKind {
  if (row.kind) return row.kind;
  return /^I/i.test(row.number.trim()) ? "Invoice" : "Statement";
}

/** "Jane Doe": a patient's name as a statement addresses it. */
export function patientName(patient: PatientRow): string {
  return `${patient.firstName} ${patient.lastName}`.trim();
}

/** Name and mailing address of an account, and nothing else (no date of birth, no member ids). */
export function patientAddress(patient: PatientRow): AddressBlock {
  const lines = [patient.address1, patient.address2].filter((l): l is string => l !== undefined && l.trim() !== "");
  const city = cityStateZip(patient.city, patient.state, patient.zip);
  if (city) lines.push(city);
  return { name: patientName(patient), addressLines: lines };
}

const key = (kind: DocumentKind, account: string) => `${kind}|${account}`;

/**
 * The books as of one date, indexed for statements: line balances once, then the lines, the
 * payments and the issued documents of each account.
 */
export class StatementIndex {
  readonly balances: LineBalance[];
  /** Positions (in Charges order) of each account's charges served on or before the date. */
  readonly linesByPatient = new Map<string, number[]>();
  readonly patientById = new Map<string, PatientRow>();
  private readonly linesByPayer = new Map<string, number[]>();
  /** The last document of each kind and account dated before the date. */
  private readonly previous = new Map<string, StatementRow>();
  /** The last document of each kind and account, whatever its date. */
  private readonly latest = new Map<string, StatementRow>();
  private readonly paymentsBy = new Map<string, PaymentRow[]>();
  private readonly feeText = new Map<string, string>();
  /** Each account's active plan that is still being paid, as it stands on the date. */
  private readonly plans = new Map<string, PlanStanding>();

  constructor(
    readonly books: StatementBooks,
    readonly date: IsoDate,
  ) {
    const { ledger } = books;
    const { charges } = ledger;
    // By Charges position; only the lines on the books at the date have one (servedBy).
    this.balances = new Array<LineBalance>(charges.length);
    const tally = new LineTally(ledger, date);
    for (let i = 0; i < charges.length; i++) {
      const charge = charges[i];
      if (!servedBy(charge, date)) continue;
      this.balances[i] = lineBalanceAt(tally, i);
      push(this.linesByPatient, charge.patientId, i);
      push(this.linesByPayer, charge.payerId, i);
    }
    for (const patient of books.patients) if (!this.patientById.has(patient.patientId)) this.patientById.set(patient.patientId, patient);
    for (const row of books.statements) {
      const k = key(documentKindOf(row), row.account);
      const latest = this.latest.get(k);
      if (!latest || row.date >= latest.date) this.latest.set(k, row);
      if (row.date >= date) continue;
      const previous = this.previous.get(k);
      if (!previous || row.date >= previous.date) this.previous.set(k, row);
    }
    for (const payment of ledger.payments) {
      if (payment.date > date) continue;
      if (payment.payerId !== undefined) push(this.paymentsBy, key("Invoice", payment.payerId), payment);
      else if (payment.patientId !== undefined) push(this.paymentsBy, key("Statement", payment.patientId), payment);
    }
    const active = books.paymentPlans.filter((plan) => (plan.status ?? "Active") === "Active");
    if (active.length > 0) {
      for (const standing of planStandings(ledger, active, date, books.planGraceDays)) {
        if (planIsDue(standing)) this.plans.set(standing.plan.patientId, standing);
      }
    }
    for (const fee of books.feeSchedule) {
      const text = fee.description?.trim();
      if (!text) continue;
      const k = `${fee.code.toUpperCase()}|${fee.modifier?.toUpperCase() ?? ""}`;
      if (!this.feeText.has(k)) this.feeText.set(k, text);
    }
  }

  /** The account's last document of a kind, whatever its date (for the batch's cycle). */
  latestDocument(kind: DocumentKind, account: string): StatementRow | undefined {
    return this.latest.get(key(kind, account));
  }

  /**
   * What the account's statement would ask for, without building it: the batch's quick test. The
   * lines a statement leaves out have a balance of 0, so they change nothing here.
   */
  amountDue(patientId: string): Cents {
    let sum = 0;
    for (const i of this.linesByPatient.get(patientId) ?? []) sum += accountOwes(this.balances[i]);
    const balance = Math.max(0, sum);
    return this.onPlan(patientId, balance)?.amountDue ?? balance;
  }

  /**
   * What an account on an active plan is asked for, out of its balance: the plan's installments due by
   * the statement's due date, and what the plan does not cover; undefined for an account on no plan.
   */
  private onPlan(patientId: string, balance: Cents): { standing: PlanStanding; amountDue: Cents } | undefined {
    const standing = this.plans.get(patientId);
    if (!standing) return undefined;
    const dueDate = addDays(this.date, this.books.settings.dueDays);
    const outside = Math.max(0, balance - standing.remaining);
    return { standing, amountDue: Math.min(balance, planDueBy(standing, dueDate) + outside) };
  }

  /** A patient statement; `to` is blank for an account not in Patients (the batch skips those). */
  statement(patientId: string, number: string): StatementDocument {
    const patient = this.patientById.get(patientId);
    const previous = this.previous.get(key("Statement", patientId));
    const lines = (this.linesByPatient.get(patientId) ?? []).filter(
      (i) => this.balances[i].balance !== 0 || this.activeSince(i, previous?.date),
    );
    return this.document("Statement", patientId, number, patient ? patientAddress(patient) : { name: "", addressLines: [] }, lines, {
      previous,
      dueDays: this.books.settings.dueDays,
      share: (line) => ({ due: line.patientShare, pending: line.insuranceShare }),
    });
  }

  /** An invoice to a payer (the caller checks it is one of type "Other"). */
  invoice(payerId: string, name: string, number: string): StatementDocument {
    const terms = this.books.settings.invoiceTerms;
    const net = /\bnet\s*(\d{1,3})\b/i.exec(terms);
    const lines = (this.linesByPayer.get(payerId) ?? []).filter((i) => this.balances[i].insuranceShare !== 0);
    const doc = this.document("Invoice", payerId, number, { name, addressLines: [] }, lines, {
      previous: this.previous.get(key("Invoice", payerId)),
      dueDays: net ? Number(net[1]) : this.books.settings.dueDays,
      share: (line) => ({ due: line.insuranceShare, pending: 0 }),
    });
    doc.terms = terms;
    return doc;
  }

  /** A date of service, or a posting dated after `since` (and on or before the statement date). */
  private activeSince(i: number, since: IsoDate | undefined): boolean {
    if (since === undefined) return true;
    const charge = this.books.ledger.charges[i];
    if (charge.dos > since) return true;
    const postings = this.books.ledger.postingsByCharge.get(charge.chargeId);
    if (!postings) return false;
    for (const posting of postings) if (posting.date > since && posting.date <= this.date) return true;
    return false;
  }

  private describe(codes: Map<string, string | undefined>): string {
    const { lineText } = this.books.settings;
    if (codes.size !== 1) return lineText;
    const [[code, modifier]] = codes;
    return (modifier !== undefined ? this.feeText.get(`${code}|${modifier}`) : undefined) ?? this.feeText.get(`${code}|`) ?? lineText;
  }

  private document(
    kind: DocumentKind,
    account: string,
    number: string,
    to: AddressBlock,
    positions: number[],
    rules: {
      previous: StatementRow | undefined;
      dueDays: number;
      share: (line: LineBalance) => { due: Cents; pending: Cents };
    },
  ): StatementDocument {
    const { date, balances } = this;
    const { charges } = this.books.ledger;
    const { messages } = this.books.settings;
    // Charges are mostly in date order already: a stable sort keeps their order within a date.
    const ordered = [...positions].sort((a, b) => (charges[a].dos < charges[b].dos ? -1 : charges[a].dos > charges[b].dos ? 1 : a - b));
    const lines: DocumentLine[] = [];
    const aging: AgingSummary = { current: 0, days31to60: 0, days61to90: 0, over90: 0 };
    let credit = 0;
    let due = 0;
    let pendingInsurance = 0;
    let open: DocumentLine | undefined;
    let codes = new Map<string, string | undefined>();
    for (const i of ordered) {
      const charge = charges[i];
      const balance = balances[i];
      if (!open || open.dos !== charge.dos) {
        if (open) open.description = this.describe(codes);
        open = {
          dos: charge.dos,
          description: "",
          charges: 0,
          insurancePaid: 0,
          adjustments: 0,
          patientPaid: 0,
          balance: 0,
          pendingInsurance: 0,
          due: 0,
        };
        codes = new Map();
        lines.push(open);
      }
      const code = charge.code.toUpperCase();
      if (!codes.has(code)) codes.set(code, charge.mod1?.toUpperCase());
      const { CO, OA, PI, WO } = balance.adjustments;
      open.charges += balance.charge;
      open.insurancePaid += balance.insurancePaid + balance.otherPayerPaid;
      open.adjustments += CO + OA + PI + WO;
      open.patientPaid += balance.patientPaid;
      open.balance += balance.balance;
      if (balance.balance < 0) {
        credit += balance.balance;
        continue;
      }
      const share = rules.share(balance);
      open.due += share.due;
      open.pendingInsurance += share.pending;
      due += share.due;
      pendingInsurance += share.pending;
      addByAge(aging, daysBetween(charge.dos, date), share.due);
    }
    if (open) open.description = this.describe(codes);

    // The credit pays the oldest first.
    let left = -credit;
    for (const bucket of ["over90", "days61to90", "days31to60", "current"] as const) {
      const take = Math.min(left, aging[bucket]);
      aging[bucket] -= take;
      left -= take;
    }
    const balance = Math.max(0, due + credit);
    const plan = kind === "Statement" ? this.onPlan(account, balance) : undefined;
    const dueAging = plan ? planAging(plan.standing, plan.amountDue) : aging;
    const message =
      dueAging.over90 > 0
        ? messages.over90
        : dueAging.days61to90 > 0
          ? messages.days61to90
          : dueAging.days31to60 > 0
            ? messages.days31to60
            : messages.current;

    const { previous } = rules;
    let paymentsSince = 0;
    for (const payment of this.paymentsBy.get(key(kind, account)) ?? []) {
      if (previous === undefined || payment.date > previous.date) paymentsSince += payment.amount;
    }
    const doc: StatementDocument = {
      kind,
      number,
      date,
      dueDate: addDays(date, rules.dueDays),
      account,
      practice: this.books.settings.practice,
      to,
      lines,
      previousBalance: previous?.amountDue ?? 0,
      paymentsSince,
      credit,
      amountDue: plan ? plan.amountDue : balance,
      pendingInsurance,
      aging: dueAging,
      message,
      summary: [],
    };
    if (previous) doc.previousDate = previous.date;
    if (plan) doc.paymentPlan = { text: planStandingText(plan.standing, usDate), balance, notYetDue: balance - plan.amountDue };
    doc.summary = summaryRows(doc, lines);
    if (lines.length > 0) {
      doc.periodStart = lines[0].dos;
      doc.periodEnd = lines[lines.length - 1].dos;
    }
    return doc;
  }
}

/**
 * The rows from the previous balance to the amount due, signed as they count, so they add up to the
 * amount due on the page (DOMAIN.md: previous balance + charges − payments − adjustments = amount due).
 * - A first document lists every line of the account, so its activity is the lines' own totals:
 *   previous balance $0.00 + charges − insurance paid − adjustments − paid by the account − what is
 *   still pending with insurance (+ a credit left over when the credits pay more than is due).
 * - A later one starts from the previous document's amount due, takes off the payments since, and
 *   names what is left of the change "new charges and adjustments" (derived, so the rows add up).
 */
export function summaryRows(doc: Omit<StatementDocument, "summary">, lines: DocumentLine[]): StatementDocument["summary"] {
  const total = (pick: (line: DocumentLine) => Cents) => lines.reduce((n, line) => n + pick(line), 0);
  const paidBy = doc.kind === "Invoice" ? "Payments received" : "You paid";
  // On a plan the rows run to the balance, then take off what is on the plan and not due yet: the
  // previous document asked for an installment, not the balance, so it is no starting point.
  const plan = doc.paymentPlan;
  if (doc.previousDate === undefined || plan) {
    const rows: StatementDocument["summary"] = [
      ...(plan ? [] : [{ label: "Previous balance", amount: 0 }]),
      { label: "Charges", amount: total((l) => l.charges) },
      // 0 − x, not −x: a nothing is $0.00, never −0 in a cell.
      { label: "Insurance paid", amount: 0 - total((l) => l.insurancePaid) },
      { label: "Adjustments", amount: 0 - total((l) => l.adjustments) },
      { label: paidBy, amount: 0 - total((l) => l.patientPaid) },
    ];
    if (doc.pendingInsurance !== 0) rows.push({ label: "Pending with insurance", amount: 0 - doc.pendingInsurance });
    const sum = rows.reduce((n, row) => n + row.amount, 0);
    const balance = plan ? plan.balance : doc.amountDue;
    if (sum !== balance) rows.push({ label: "Credit carried forward", amount: balance - sum });
    if (plan && plan.notYetDue !== 0) rows.push({ label: "On your payment plan, not due yet", amount: 0 - plan.notYetDue });
    return rows;
  }
  const since = usDate(doc.previousDate);
  return [
    { label: `Previous balance (${since})`, amount: doc.previousBalance },
    { label: `Payments since ${since}`, amount: 0 - doc.paymentsSince },
    { label: "New charges and adjustments", amount: doc.amountDue - doc.previousBalance + doc.paymentsSince },
  ];
}

/** Put an amount in its bucket by its age in days (0-30 current, 31-60, 61-90, over 90). */
function addByAge(aging: AgingSummary, age: number, amount: Cents): void {
  if (age <= 30) aging.current += amount;
  else if (age <= 60) aging.days31to60 += amount;
  else if (age <= 90) aging.days61to90 += amount;
  else aging.over90 += amount;
}

/**
 * The amount due of an account on a plan by age: each installment's unpaid part by its age from its due
 * date, the rest of the amount due current; when the balance caps the amount due, the youngest is taken
 * off first. The four add up to the amount due.
 */
function planAging(standing: PlanStanding, amountDue: Cents): AgingSummary {
  const aging: AgingSummary = { current: 0, days31to60: 0, days61to90: 0, over90: 0 };
  let through = 0;
  for (const installment of standing.schedule) {
    const before = through;
    through += installment.amount;
    if (installment.date > standing.asOf) break;
    const unpaid = through - Math.max(standing.paid, before);
    if (unpaid > 0) addByAge(aging, daysBetween(installment.date, standing.asOf), unpaid);
  }
  let extra = amountDue - (aging.current + aging.days31to60 + aging.days61to90 + aging.over90);
  if (extra >= 0) aging.current += extra;
  for (const bucket of ["current", "days31to60", "days61to90", "over90"] as const) {
    const take = Math.max(0, Math.min(-extra, aging[bucket]));
    aging[bucket] -= take;
    extra += take;
  }
  return aging;
}

function push<K, V>(map: Map<K, V[]>, k: K, value: V): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

/** The statement of one patient account as of a date. Throws, in words, for an account not in Patients. */
export function patientStatement(books: StatementBooks, patientId: string, at: DocumentAt): StatementDocument {
  const id = patientId.trim();
  if (!books.patients.some((p) => p.patientId === id)) {
    throw new Error(`Account "${id}" is not in the Patients table: add it there, with a name and address, to send it a statement.`);
  }
  return new StatementIndex(books, at.date).statement(id, at.number);
}

/**
 * The invoice of a payer of type "Other" as of a date. Throws, in words, for a payer not in Payers
 * or of another type (an insurer is billed with a claim, a self-pay patient with a statement).
 */
export function invoiceFor(books: StatementBooks, payerId: string, at: DocumentAt): StatementDocument {
  const id = payerId.trim();
  const payer = books.payers.find((p) => p.payerId === id);
  if (!payer) throw new Error(`Payer "${id}" is not in the Payers table, so it can't be sent an invoice.`);
  if (payer.type !== "Other") {
    const how = payer.type === "Self-pay" ? "self-pay patients get statements" : "insurers are billed with claims";
    throw new Error(`${payer.name} is a ${payer.type} payer: invoices go only to payers of type Other (${how}).`);
  }
  return new StatementIndex(books, at.date).invoice(payer.payerId, payer.name, at.number);
}
