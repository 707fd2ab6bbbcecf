// What a patient statement or an invoice says, as data: the engine (statement.ts, batch.ts,
// invoice.ts) builds it from the ledger, and the sheet layout (statementSheet.ts) and the PDF
// (statementPdf.ts) draw the same model, so both show the same figures.
// Minimum necessary (DOMAIN.md, "Patient statements"): no diagnoses, no CPT descriptors, no SSN,
// no full date of birth, no member IDs, nothing clinical. A line's text is the practice's own
// (FeeSchedule Description, else the practice's default line text), never a code set's descriptor.
import type { IsoDate } from "../dates";
import type { Cents } from "../money";

export type DocumentKind = "Statement" | "Invoice";

/** The practice block and remit-to address, from the Practice table. */
export interface PracticeBlock {
  name: string;
  /** Street lines then "City, ST ZIP". */
  addressLines: string[];
  phone?: string;
  /** Where payments go; the practice address when the Practice table has no Remit-To Address. */
  remitToLines: string[];
}

/** Who the document is addressed to: the patient account (guarantor) or the invoiced payer. */
export interface AddressBlock {
  name: string;
  /** Street lines then "City, ST ZIP"; empty when the workbook has no address (the preview says so). */
  addressLines: string[];
}

/** One date of service on the document (the lines of that date added up). */
export interface DocumentLine {
  dos: IsoDate;
  /** The practice's plain text: FeeSchedule Description of the code, else the default line text. */
  description: string;
  charges: Cents;
  /** Paid by insurers (the line's own and any other). */
  insurancePaid: Cents;
  /** CO + OA + PI + WO adjustments. */
  adjustments: Cents;
  patientPaid: Cents;
  /** What is left on the lines: charges − payments − adjustments. */
  balance: Cents;
  /** Of the balance, what insurance has not settled yet (not owed by the patient now). */
  pendingInsurance: Cents;
  /** Of the balance, what is owed by the account now. */
  due: Cents;
}

/** The amount due split by the age of what is owed: current (0-30), 31-60, 61-90, 90+. */
export interface AgingSummary {
  current: Cents;
  days31to60: Cents;
  days61to90: Cents;
  over90: Cents;
}

export interface StatementDocument {
  kind: DocumentKind;
  /** "S000123" / "I000045"; assigned when issued, kept when re-printed. */
  number: string;
  date: IsoDate;
  dueDate: IsoDate;
  /** PatientID for a statement, PayerID for an invoice. */
  account: string;
  practice: PracticeBlock;
  to: AddressBlock;
  lines: DocumentLine[];
  /** Amount due on the last document issued to the account (0 when none). */
  previousBalance: Cents;
  /** The last document's date, when there is one. */
  previousDate?: IsoDate;
  /** Payments from the account dated after the last document (or all, when none), as a positive sum. */
  paymentsSince: Cents;
  /** Credit balances on the account's lines (≤ 0), netted into the amount due. */
  credit: Cents;
  /** Σ due of the lines + credit, never below 0. */
  amountDue: Cents;
  /** Σ pendingInsurance of the lines. */
  pendingInsurance: Cents;
  aging: AgingSummary;
  /** From the previous balance to the amount due, signed as they count: they add up to amountDue (summaryRows). */
  summary: { label: string; amount: Cents }[];
  /** The dunning message for the age of the oldest amount owed (practice-editable). */
  message: string;
  /** Invoice only: payment terms ("Net 30"). */
  terms?: string;
  /**
   * The account's active payment plan (issue 17): the amount due is then the installment due (what is
   * past due and the installments falling due by the due date, with any balance the plan does not
   * cover), never more than the account's balance; `text` says how the plan stands.
   */
  paymentPlan?: {
    text: string;
    /** What the account owes in all (Σ due of the lines + credit, never below 0). */
    balance: Cents;
    /** balance − amount due: on the plan, not due yet. */
    notYetDue: Cents;
  };
  /** Period covered: first and last date of service on the document. */
  periodStart?: IsoDate;
  periodEnd?: IsoDate;
}
