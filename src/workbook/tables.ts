// The billing tables of DESIGN.md: one definition each, holding the zod schema of a row (the single
// source of its type), the header an office most likely uses with its aliases, and the format and
// width Setup gives the column when it creates the table.
import { z } from "zod";
import { MONEY_FORMAT } from "../money";
import * as c from "./cells";

export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";

interface Field<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** The header Setup writes. */
  header: string;
  /** Other headers an office uses for the same thing. */
  aliases?: string[];
  numberFormat?: string;
  width?: number;
  /** How engine values are written back to a cell: cents as dollars, ISO dates as serials. */
  kind?: "money" | "date";
}

function f<S extends z.ZodType>(schema: S, header: string, aliases: string[] = [], numberFormat?: string, width?: number): Field<S> {
  const kind = numberFormat === MONEY_FORMAT ? "money" : numberFormat === DATE_FORMAT ? "date" : undefined;
  return { schema, header, aliases, numberFormat, width, kind };
}
const opt = <S extends z.ZodType>(schema: S) => schema.optional();

// A required field's type must not include undefined: one builder for each, not a ternary.
const money = (header: string, aliases: string[] = []) => f(opt(c.money()), header, aliases, MONEY_FORMAT, 12);
const requiredMoney = (header: string, aliases: string[] = []) => f(c.money(), header, aliases, MONEY_FORMAT, 12);
const date = (header: string, aliases: string[] = []) => f(opt(c.date()), header, aliases, DATE_FORMAT, 12);
const requiredDate = (header: string, aliases: string[] = []) => f(c.date(), header, aliases, DATE_FORMAT, 12);
const idField = (header: string, aliases: string[] = []) => f(c.id(), header, aliases, TEXT_FORMAT, 12);
const optionalId = (header: string, aliases: string[] = []) => f(opt(c.id()), header, aliases, TEXT_FORMAT, 12);
const textField = (header: string, aliases: string[] = [], width = 18) => f(opt(c.text()), header, aliases, TEXT_FORMAT, width);
/**
 * The plan that appended the row (an id such as "P20261206-153012-AB12", never patient data): how
 * an interrupted write is found, finished or undone (see unfinishedPlans.ts). Last and narrow.
 */
const planField = () => textField("Plan", ["Plan ID"], 10);

export const PAYER_TYPES = ["Medicare", "Medicaid", "Commercial", "Tricare", "Workers Comp", "Self-pay", "Other"] as const;
export const POSTING_GROUPS = ["CO", "PR", "OA", "PI", "WO"] as const;
export const POSTING_SOURCES = ["Manual", "ERA", "Statement"] as const;
export const PAYMENT_METHODS = ["Check", "EFT", "ACH", "Cash", "Card", "ERA", "Other"] as const;
/** CLM05-3: 1 original, 7 replacement of a prior claim, 8 void of a prior claim. */
export const CLAIM_FREQUENCIES = ["1", "7", "8"] as const;

const modifier = (n: number) => f(opt(c.modifier()), `Mod${n}`, [`Modifier ${n}`, `Modifier${n}`, `M${n}`], TEXT_FORMAT, 6);
const diagnosis = (n: number) =>
  f(opt(c.code()), `Dx${n}`, [`Diagnosis ${n}`, `Diag ${n}`, `ICD ${n}`, `ICD-10 ${n}`, `DX Code ${n}`], TEXT_FORMAT, 9);

function defineTable<const F extends Record<string, Field>>(name: string, fields: F, key?: keyof F & string) {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.schema])) as { [K in keyof F]: F[K]["schema"] };
  return { name, fields, key, schema: z.object(shape) };
}

export const Practice = defineTable("Practice", {
  setting: idField("Setting", ["Key", "Name", "Field"]),
  value: textField("Value", ["Setting Value"], 40),
});

export const Patients = defineTable(
  "Patients",
  {
    patientId: idField("PatientID", ["Patient ID", "Patient #", "Account", "Account #", "Account Number", "Acct", "MRN"]),
    lastName: f(c.text(), "Last Name", ["Patient Last Name", "Surname"], TEXT_FORMAT, 16),
    firstName: f(c.text(), "First Name", ["Patient First Name", "Given Name"], TEXT_FORMAT, 14),
    dob: date("DOB", ["Date of Birth", "Birth Date", "Birthdate"]),
    sex: f(opt(c.oneOf(["F", "M", "U"] as const, "sex code")), "Sex", ["Gender"], TEXT_FORMAT, 5),
    address1: textField("Address", ["Address 1", "Address1", "Street"], 24),
    address2: textField("Address 2", ["Address2", "Apt", "Suite"], 10),
    city: textField("City", [], 14),
    state: textField("State", ["ST"], 6),
    zip: textField("ZIP", ["Zip Code", "Postal Code", "ZIP+4"], 11),
    phone: textField("Phone", ["Phone Number", "Telephone", "Tel"], 14),
    primaryPayerId: optionalId("Primary PayerID", ["Primary Payer", "Primary Insurance", "Payer 1", "Insurance 1"]),
    primaryMemberId: optionalId("Primary Member ID", ["Member ID", "Subscriber ID", "Policy #", "Primary Policy"]),
    secondaryPayerId: optionalId("Secondary PayerID", ["Secondary Payer", "Secondary Insurance", "Payer 2", "Insurance 2"]),
    secondaryMemberId: optionalId("Secondary Member ID", ["Secondary Policy", "Secondary Subscriber ID"]),
    tertiaryPayerId: optionalId("Tertiary PayerID", ["Tertiary Payer", "Tertiary Insurance", "Payer 3", "Insurance 3"]),
    tertiaryMemberId: optionalId("Tertiary Member ID", ["Tertiary Policy", "Tertiary Subscriber ID"]),
    accountStatus: f(
      opt(c.oneOf(["Active", "Hold", "Collections", "Closed"] as const, "account status")),
      "Account Status",
      ["Status"],
      TEXT_FORMAT,
      12,
    ),
  },
  "patientId",
);

export const Payers = defineTable(
  "Payers",
  {
    payerId: idField("PayerID", ["Payer ID", "Payer Code", "Insurance ID", "Plan ID"]),
    name: f(c.text(), "Payer Name", ["Name", "Insurance", "Insurance Name", "Carrier"], TEXT_FORMAT, 26),
    type: f(c.oneOf(PAYER_TYPES, "payer type"), "Type", ["Payer Type", "Plan Type", "Category"], TEXT_FORMAT, 12),
    x12PayerId: optionalId("X12 Payer ID", ["Electronic Payer ID", "EDI Payer ID", "Clearinghouse ID"]),
    timelyFilingDays: f(opt(c.wholeNumber(1)), "Timely Filing Days", ["Timely Filing", "Filing Limit", "Filing Days"], "0", 10),
    // Follow-up (issue 15): days after billing with no answer before a claim is chased, and days after a
    // denial to appeal it. Blank is the Practice's "No Response Days" / "Appeal Days".
    responseDays: f(opt(c.wholeNumber(1)), "Response Days", ["No Response Days", "Follow-up Days", "Follow Up Days"], "0", 10),
    appealDays: f(opt(c.wholeNumber(1)), "Appeal Days", ["Appeal Limit", "Appeal Deadline", "Appeal Filing Days"], "0", 10),
  },
  "payerId",
);

export const Providers = defineTable(
  "Providers",
  {
    npi: f(c.npi(), "NPI", ["Provider NPI", "Rendering NPI", "NPI Number"], TEXT_FORMAT, 12),
    lastName: f(c.text(), "Last Name", ["Provider Last Name", "Name", "Provider Name", "Organization"], TEXT_FORMAT, 16),
    firstName: textField("First Name", ["Provider First Name"], 14),
    credential: textField("Credential", ["Degree", "Suffix"], 8),
    taxonomy: f(opt(c.code()), "Taxonomy", ["Taxonomy Code", "Specialty Code"], TEXT_FORMAT, 12),
  },
  "npi",
);

export const FeeSchedule = defineTable("FeeSchedule", {
  code: f(c.procedureCode(), "Code", ["CPT", "HCPCS", "CPT/HCPCS", "Procedure", "Procedure Code", "CPT Code"], TEXT_FORMAT, 8),
  modifier: f(opt(c.modifier()), "Modifier", ["Mod"], TEXT_FORMAT, 6),
  description: textField("Description", ["Desc", "Statement Description", "Service"], 34),
  fee: requiredMoney("Fee", ["Charge", "Standard Fee", "Price", "Amount"]),
  allowed: money("Allowed", ["Contracted", "Allowed Amount", "Expected"]),
});

/**
 * What each payer's contract allows for a code (issue 15): one row per payer, code and modifier for a
 * span of dates. Allowed is per unit of service (a line of 3 units is expected at 3 times it). A blank
 * Modifier is the rate for the code billed with any modifier no row names; blank Effective dates leave
 * the span open at that end. The expected amount of a line is the rate of its payer, code and modifier
 * in effect on its date of service (contracts.ts).
 */
export const Contracts = defineTable("Contracts", {
  payerId: idField("PayerID", ["Payer ID", "Payer", "Insurance", "Plan"]),
  code: f(c.procedureCode(), "Code", ["CPT", "HCPCS", "CPT/HCPCS", "Procedure", "Procedure Code", "CPT Code"], TEXT_FORMAT, 8),
  modifier: f(opt(c.modifier()), "Modifier", ["Mod"], TEXT_FORMAT, 6),
  allowed: requiredMoney("Allowed", [
    "Allowed Amount",
    "Allowable",
    "Contracted",
    "Contract Rate",
    "Rate",
    "Expected",
    "Price",
    "Fee",
    "Amount",
  ]),
  effectiveFrom: date("Effective From", ["From", "Start", "Start Date", "Effective"]),
  effectiveTo: date("Effective To", ["To", "End", "End Date", "Through", "Expires"]),
  note: textField("Note", ["Memo", "Comment", "Contract"], 24),
  plan: planField(),
});

export const Charges = defineTable(
  "Charges",
  {
    chargeId: idField("ChargeID", ["Charge ID", "Line ID", "Charge #", "Line #"]),
    claimId: idField("ClaimID", ["Claim ID", "Claim #", "Claim Number", "Encounter", "Encounter ID"]),
    patientId: idField("PatientID", ["Patient ID", "Patient #", "Account", "Account #", "Acct"]),
    payerId: idField("PayerID", ["Payer ID", "Payer", "Insurance", "Insurance ID"]),
    providerNpi: f(opt(c.npi()), "Provider NPI", ["Rendering NPI", "NPI", "Rendering Provider"], TEXT_FORMAT, 12),
    dos: requiredDate("DOS", ["Date of Service", "Service Date", "DOS From", "From Date", "Date"]),
    pos: f(opt(c.code()), "POS", ["Place of Service"], TEXT_FORMAT, 5),
    code: f(c.procedureCode(), "Code", ["CPT", "HCPCS", "CPT/HCPCS", "Procedure", "Procedure Code", "CPT Code"], TEXT_FORMAT, 8),
    mod1: modifier(1),
    mod2: modifier(2),
    mod3: modifier(3),
    mod4: modifier(4),
    dx1: diagnosis(1),
    dx2: diagnosis(2),
    dx3: diagnosis(3),
    dx4: diagnosis(4),
    units: f(opt(c.units()), "Units", ["Qty", "Quantity", "Days/Units"], "0.##", 6),
    amount: requiredMoney("Amount", ["Charge", "Charges", "Charge Amount", "Billed Amount", "Fee"]),
    billedDate: date("Billed Date", ["Date Billed", "Submitted", "Claim Date", "Bill Date"]),
    // Claim-level fields repeated on the claim's lines (the first line's value counts): blank is an
    // original claim; 7 (replacement) and 8 (void) need the payer's number for the claim they replace.
    frequency: f(opt(c.oneOf(CLAIM_FREQUENCIES, "claim frequency code")), "Frequency", ["Claim Frequency", "Freq"], TEXT_FORMAT, 6),
    payerClaimNumber: optionalId("Payer Claim #", ["Original Claim #", "Payer Claim Number", "ICN"]),
    plan: planField(),
  },
  "chargeId",
);

export const Payments = defineTable(
  "Payments",
  {
    paymentId: idField("PaymentID", ["Payment ID", "Payment #", "Receipt #", "Deposit ID"]),
    date: requiredDate("Date", ["Payment Date", "Received", "Deposit Date", "Date Received"]),
    payerId: optionalId("PayerID", ["Payer ID", "Payer", "Insurance"]),
    patientId: optionalId("PatientID", ["Patient ID", "Account", "Account #"]),
    method: f(opt(c.oneOf(PAYMENT_METHODS, "payment method")), "Method", ["Payment Method", "Type", "Pay Type"], TEXT_FORMAT, 8),
    reference: textField("Reference", ["Check #", "Check Number", "Trace", "EFT Trace", "Ref"], 16),
    amount: requiredMoney("Amount", ["Payment", "Payment Amount", "Paid", "Total"]),
    note: textField("Note", ["Memo", "Comment"], 24),
    plan: planField(),
  },
  "paymentId",
);

export const Postings = defineTable(
  "Postings",
  {
    postingId: idField("PostingID", ["Posting ID", "Posting #", "Transaction ID"]),
    paymentId: optionalId("PaymentID", ["Payment ID", "Payment #"]),
    chargeId: idField("ChargeID", ["Charge ID", "Line ID", "Charge #"]),
    date: requiredDate("Date", ["Posting Date", "Posted", "Posted Date"]),
    paid: money("Paid", ["Payment", "Paid Amount", "Amount Paid"]),
    adjustment: money("Adjustment", ["Adj", "Adjustment Amount", "Write-off", "Write Off"]),
    group: f(opt(c.oneOf(POSTING_GROUPS, "adjustment group")), "Group", ["Adj Group", "Group Code", "CAS Group"], TEXT_FORMAT, 6),
    reason: f(opt(c.code()), "Reason", ["Reason Code", "CARC", "Adj Reason"], TEXT_FORMAT, 7),
    patientResp: money("Patient Resp", ["Patient Responsibility", "PR Amount", "Pt Resp"]),
    source: f(opt(c.oneOf(POSTING_SOURCES, "posting source")), "Source", ["Posted From"], TEXT_FORMAT, 9),
    reverses: optionalId("Reverses", ["Reverses PostingID", "Reversal Of"]),
    note: textField("Note", ["Memo", "Comment"], 24),
    plan: planField(),
  },
  "postingId",
);

/**
 * Provider-level items of a remittance (the 835's PLB): interest, recoupments, forwarding balances.
 * They change what the payer sent but belong to no claim, so they are kept here and never in A/R.
 * Amount is as the payer reports it: positive reduces the payment, negative (interest) adds to it.
 */
export const ProviderAdjustments = defineTable(
  "ProviderAdjustments",
  {
    adjustmentId: idField("AdjustmentID", ["Adjustment ID", "Adjustment #", "PLB ID"]),
    paymentId: optionalId("PaymentID", ["Payment ID", "Payment #"]),
    date: requiredDate("Date", ["Adjustment Date", "Posted", "Posted Date"]),
    payerId: optionalId("PayerID", ["Payer ID", "Payer"]),
    reason: f(opt(c.code()), "Reason", ["Reason Code", "PLB Reason", "Adjustment Reason"], TEXT_FORMAT, 7),
    reference: textField("Reference", ["Ref", "PLB Reference"], 16),
    amount: requiredMoney("Amount", ["Adjustment Amount", "PLB Amount"]),
    note: textField("Note", ["Memo", "Comment"], 24),
    plan: planField(),
  },
  "adjustmentId",
);

export const Statements = defineTable(
  "Statements",
  {
    number: idField("Number", ["Statement #", "Statement Number", "Invoice #", "Invoice Number"]),
    date: requiredDate("Date", ["Statement Date", "Invoice Date"]),
    account: idField("Account", ["PatientID", "Patient ID", "Account #", "PayerID"]),
    kind: f(opt(c.oneOf(["Statement", "Invoice"] as const, "document kind")), "Kind", ["Type"], TEXT_FORMAT, 10),
    periodStart: date("Period Start", ["From"]),
    periodEnd: date("Period End", ["To", "Through"]),
    amountDue: requiredMoney("Amount Due", ["Due", "Balance Due", "Amount"]),
    plan: planField(),
  },
  "number",
);

/** Where a follow-up item stands: open until the office appeals, resubmits, writes it off or closes it. */
export const FOLLOW_UP_STATUSES = ["Open", "Appealed", "Resubmitted", "Written off", "Closed"] as const;
/** The worklist an item came from. */
export const FOLLOW_UP_LISTS = ["Denied", "Underpaid", "No response", "Filing limit", "Rejected"] as const;

/**
 * What the office did about a follow-up item (issue 15), one row per action, never changed: a
 * denied or underpaid line (ChargeID), or a whole claim (ChargeID blank: no response, filing limit, or
 * every line of it). An item's standing is its latest row (the last in the table); a claim's row
 * stands for each of its lines until a later row names the line.
 */
export const FollowUp = defineTable("FollowUp", {
  date: requiredDate("Date", ["Status Date", "Updated", "Date Updated"]),
  claimId: idField("ClaimID", ["Claim ID", "Claim #", "Claim Number"]),
  chargeId: optionalId("ChargeID", ["Charge ID", "Line ID", "Charge #"]),
  list: f(opt(c.oneOf(FOLLOW_UP_LISTS, "worklist")), "List", ["Worklist", "Kind"], TEXT_FORMAT, 12),
  status: f(c.oneOf(FOLLOW_UP_STATUSES, "follow-up status"), "Status", ["Follow-up Status"], TEXT_FORMAT, 12),
  followUpDate: date("Follow-up Date", ["Follow Up Date", "Follow-up", "Next Follow-up", "Tickler", "Due"]),
  note: textField("Note", ["Memo", "Comment"], 30),
  plan: planField(),
});

/** What happened to a claim with a payer after it left the office (issue 16). */
export const CLAIM_EVENTS = ["Billed", "Accepted", "Rejected", "Crossed over"] as const;
/** Which payer of the patient's the event is about: the Charges line's own payer is the primary. */
export const PAYER_SEQUENCES = ["Primary", "Secondary", "Tertiary"] as const;

/**
 * A claim's history with its payers (issue 16), one row per event, never changed: a secondary claim
 * billed (the primary's is the Charges' Billed Date), the clearinghouse's 999 or the payer's 277CA
 * accepting or rejecting it (the acceptance date is the office's proof of timely filing), a primary's
 * ERA saying it forwarded the claim to the next payer itself. Control # ties a row to its file: the
 * interchange (ISA13) of our 837P, the group (GS06) a 999 answers, or the payer's claim number.
 */
export const ClaimStatus = defineTable("ClaimStatus", {
  date: requiredDate("Date", ["Event Date", "Status Date"]),
  claimId: idField("ClaimID", ["Claim ID", "Claim #", "Claim Number"]),
  payerId: optionalId("PayerID", ["Payer ID", "Payer"]),
  sequence: f(opt(c.oneOf(PAYER_SEQUENCES, "payer sequence")), "Sequence", ["Payer Sequence", "Payer Order"], TEXT_FORMAT, 10),
  event: f(c.oneOf(CLAIM_EVENTS, "claim event"), "Event", ["Claim Status", "Status"], TEXT_FORMAT, 12),
  source: textField("Source", ["File Type", "From"], 8),
  controlNumber: textField("Control #", ["Control Number", "Batch", "ICN"], 12),
  reason: textField("Reason", ["Reject Reason", "Rejection Reason", "Note"], 36),
  plan: planField(),
});

/** Where a patient's payment plan stands: Active until paid in full (Completed) or ended by the office (Cancelled). */
export const PAYMENT_PLAN_STATUSES = ["Active", "Completed", "Cancelled"] as const;

/**
 * A patient's payment plan (issue 17): an installment due each month on a day of the month, from a
 * start date, until the plan total is paid. Statements show the installment due instead of the whole
 * balance, and a missed installment puts the account on the collections worklist.
 */
export const PaymentPlans = defineTable(
  "PaymentPlans",
  {
    paymentPlanId: idField("PaymentPlanID", ["Payment Plan ID", "Payment Plan #", "Arrangement ID"]),
    patientId: idField("PatientID", ["Patient ID", "Account", "Account #"]),
    startDate: requiredDate("Start Date", ["Start", "First Installment", "First Payment Due"]),
    dayOfMonth: f(opt(c.wholeNumber(1)), "Day of Month", ["Due Day", "Day Due", "Payment Day"], "0", 8),
    installment: requiredMoney("Installment", ["Monthly Amount", "Amount per Month", "Installment Amount", "Monthly Payment"]),
    total: requiredMoney("Plan Total", ["Total", "Amount Financed", "Plan Amount"]),
    status: f(opt(c.oneOf(PAYMENT_PLAN_STATUSES, "payment plan status")), "Status", ["Plan Status"], TEXT_FORMAT, 10),
    note: textField("Note", ["Memo", "Comment"], 24),
    plan: planField(),
  },
  "paymentPlanId",
);

/** Who a refund goes to. */
export const REFUND_RECIPIENTS = ["Patient", "Payer"] as const;

/**
 * The refund register (issue 17): one row per refund the office issues, with its required reason, the
 * date the credit was identified (Medicare overpayments must be returned within 60 days of it), and
 * the check number and date once it is paid. The money itself is the refund's Payments row (negative
 * Amount, Reference "REFUND <PaymentID>"), named here by PaymentID.
 */
export const Refunds = defineTable(
  "Refunds",
  {
    refundId: idField("RefundID", ["Refund ID", "Refund #", "Refund Number"]),
    date: requiredDate("Date", ["Refund Date", "Issued", "Date Issued"]),
    to: f(c.oneOf(REFUND_RECIPIENTS, "refund recipient"), "Refund To", ["To", "Payee", "Recipient"], TEXT_FORMAT, 9),
    patientId: optionalId("PatientID", ["Patient ID", "Account", "Account #"]),
    payerId: optionalId("PayerID", ["Payer ID", "Payer"]),
    paymentId: optionalId("PaymentID", ["Payment ID", "Refund Payment ID"]),
    amount: requiredMoney("Amount", ["Refund Amount", "Refunded"]),
    reason: f(c.text(), "Reason", ["Refund Reason", "Why"], TEXT_FORMAT, 30),
    identified: date("Identified", ["Date Identified", "Credit Identified", "Overpayment Identified"]),
    checkNumber: textField("Check #", ["Check Number", "Check No", "Refund Check"], 10),
    paidDate: date("Paid Date", ["Check Date", "Date Paid", "Mailed"]),
    plan: planField(),
  },
  "refundId",
);

/** A month-end close or its reopening. */
export const PERIOD_ACTIONS = ["Closed", "Reopened"] as const;

/**
 * The books' closes (issue 17), one row per close or reopening, never changed. The last row says what
 * is closed: its Closed Through date (blank when a reopening leaves nothing closed). Payments, postings
 * and adjustments dated on or before it are refused by every writer; a reopening carries its reason.
 */
export const PeriodClose = defineTable("PeriodClose", {
  date: requiredDate("Date", ["Done On", "Action Date"]),
  action: f(c.oneOf(PERIOD_ACTIONS, "close action"), "Action", ["Event"], TEXT_FORMAT, 10),
  closedThrough: date("Closed Through", ["Through", "Books Closed Through", "Period End"]),
  reason: textField("Reason", ["Note", "Why"], 36),
  plan: planField(),
});

export const Audit = defineTable("Audit", {
  time: f(c.text(), "Time", ["Timestamp", "When"], TEXT_FORMAT, 20),
  action: f(c.text(), "Action", [], TEXT_FORMAT, 22),
  what: textField("What", ["Details", "Detail"], 48),
  rows: f(opt(c.wholeNumber(0)), "Rows", ["Row Count", "Count"], "0", 7),
  totals: textField("Totals", ["Total"], 28),
  plan: planField(),
  /** "started" while its plan is being written, "done" once all of it is, "undone" after Undo; blank (older rows) is done. */
  status: f(opt(c.oneOf(["started", "done", "undone"] as const, "plan status")), "Status", ["Plan Status"], TEXT_FORMAT, 9),
});

/** Every billing table, in the order Setup lists and creates them. */
export const BILLING_TABLES = [
  Practice,
  Patients,
  Payers,
  Providers,
  FeeSchedule,
  Contracts,
  Charges,
  Payments,
  Postings,
  ProviderAdjustments,
  Statements,
  FollowUp,
  ClaimStatus,
  PaymentPlans,
  Refunds,
  PeriodClose,
  Audit,
] as const;

export type TableDef = (typeof BILLING_TABLES)[number];
export type TableName = TableDef["name"];
export type RowOf<T extends { schema: z.ZodType }> = z.infer<T["schema"]>;

export type PracticeRow = RowOf<typeof Practice>;
export type PatientRow = RowOf<typeof Patients>;
export type PayerRow = RowOf<typeof Payers>;
export type ProviderRow = RowOf<typeof Providers>;
export type FeeRow = RowOf<typeof FeeSchedule>;
export type ContractRow = RowOf<typeof Contracts>;
export type ChargeRow = RowOf<typeof Charges>;
export type PaymentRow = RowOf<typeof Payments>;
export type PostingRow = RowOf<typeof Postings>;
export type ProviderAdjustmentRow = RowOf<typeof ProviderAdjustments>;
export type StatementRow = RowOf<typeof Statements>;
export type FollowUpRow = RowOf<typeof FollowUp>;
export type ClaimStatusRow = RowOf<typeof ClaimStatus>;
export type PaymentPlanRow = RowOf<typeof PaymentPlans>;
export type RefundRow = RowOf<typeof Refunds>;
export type PeriodCloseRow = RowOf<typeof PeriodClose>;
export type AuditRow = RowOf<typeof Audit>;

export function tableDef(name: string): TableDef | undefined {
  return BILLING_TABLES.find((t) => t.name.toLowerCase() === name.toLowerCase());
}
