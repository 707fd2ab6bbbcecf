// What an 835 import shows before anything is written: each remittance (payer, trace, amount, date)
// with its claims' outcomes, its PLB items and the totals that tie out, and the exceptions. The plan
// (eraPlan.ts) and the claim-by-claim decisions (eraTransaction.ts) both fill it in; the task pane and
// the terminal print it.
import type { IsoDate } from "../dates";
import type { Cents } from "../money";
import type { PaymentDateSource } from "./eraIdentity";
import type { PlbItem } from "./remittance";

export interface EraClaimPreview {
  patientControl: string;
  status: string;
  statusText: string;
  charge: Cents;
  paid: Cents;
  outcome: "matched" | "unmatched" | "held" | "reversal" | "denied" | "crossover";
  reason?: string;
  /** The ChargeID each SVC was matched to, in the file's order (null when none). */
  chargeIds: (string | null)[];
  /** NM1*QC, for the pane only: never written to the workbook, the Audit row, a sheet or a terminal. */
  patientName?: string;
}

export interface EraRemittancePreview {
  payerName: string;
  /** Our PayerID, when matched. */
  payerId?: string;
  trace: string;
  /** BPR02, negative for a debit (BPR03 D). */
  amount: Cents;
  /** BPR04 as in the file: ACH, CHK, NON, FWT, BOP. */
  method: string;
  /** The payment's date, from the file: BPR16, else DTM*405, else GS04/ISA09 (dateFrom says which). */
  date?: IsoDate;
  dateFrom?: PaymentDateSource;
  claims: EraClaimPreview[];
  plb: PlbItem[];
  /**
   * paid = Σ CLP04, plb = Σ PLB, difference = BPR02 − (paid − plb), and for a remittance being posted
   * posted + held = paid − plb: what this import posts (claims and PLB) and what it leaves (held and
   * unmatched claims, stay unapplied on the payment). An already-posted remittance posts and holds 0.
   */
  totals: { paid: Cents; plb: Cents; posted: Cents; held: Cents; difference: Cents };
  /** The audit time (else the payment date) and the PaymentID of the earlier posting of this remittance. */
  alreadyPosted?: { on: string; paymentId: string };
}

/** A line the payer allowed less for than its contract (Contracts table) by more than the tolerance. */
export interface EraUnderpaidLine {
  trace: string;
  patientControl: string;
  chargeId: string;
  code: string;
  payerId: string;
  /** What the contract allows (rate × units). */
  expected: Cents;
  /** What the payer allowed: paid + patient responsibility. */
  allowed: Cents;
  paid: Cents;
}

export interface EraPreview {
  fileName: string;
  sha256: string;
  remittances: EraRemittancePreview[];
  warnings: string[];
  /** Lines paid under contract (only when the workbook has contracts and some line is). */
  underpaid?: EraUnderpaidLine[];
  /** What did not post or needs work (no patient names): not matched, held, denied. */
  exceptions: EraException[];
}

/**
 * A claim or line that did not post or needs work, with what the biller needs to work it: who paid
 * (the payer and the check or EFT trace), which claim and account, the date of service and the
 * payer's figures. Never a patient's name.
 */
export interface EraException {
  trace: string;
  patientControl: string;
  /** "99213-25 on 2026-03-05" when the exception is one line of the claim. */
  line?: string;
  reason: string;
  /** N1*PR as the file names it. */
  payerName?: string;
  /** Our PayerID, when the payer was found. */
  payerId?: string;
  /** The claim's PatientID in Charges, when the claim was found there. */
  patientId?: string;
  /** The line's date of service, else the claim's (its service date or its first line's). */
  dos?: IsoDate;
  /** The claim's (or line's) figures as the payer gives them: charge, AMT*B6 allowed when every line has one, paid, patient responsibility. */
  billed?: Cents;
  allowed?: Cents;
  paid?: Cents;
  patientResp?: Cents;
}
