// A professional claim as data: built from Charges grouped by ClaimID with Patients, Payers,
// Providers and Practice (claimBooks.ts), checked by the scrubber (scrubber.ts), written as an
// X12 837P (837pWriter.ts) and read back from one (837pRead.ts) for the round-trip tests. Amounts in cents,
// dates ISO; codes as in the workbook (diagnoses with their dot; the writer drops it).
import type { IsoDate } from "../dates";
import type { Cents } from "../money";

export interface ClaimAddress {
  lines: string[];
  city?: string;
  state?: string;
  zip?: string;
}

/** The practice as billing provider (Practice table: Practice Name, Address, City, State, ZIP, Tax ID, Billing NPI, Taxonomy, Phone). */
export interface BillingProvider {
  name: string;
  npi?: string;
  ein?: string;
  taxonomy?: string;
  address: ClaimAddress;
  phone?: string;
}

export interface ClaimPatient {
  patientId: string;
  lastName: string;
  firstName: string;
  dob?: IsoDate;
  sex?: "F" | "M" | "U";
  address: ClaimAddress;
  /** The member ID with this claim's payer (primary, secondary or tertiary, by the claim's PayerID). */
  memberId?: string;
}

export interface ClaimPayer {
  payerId: string;
  name: string;
  type?: string;
  /** The payer's electronic (X12) id, NM109 of loop 2010BB. */
  x12PayerId?: string;
  timelyFilingDays?: number;
}

export interface ClaimLine {
  /** ChargeID: REF*6R, so the 835 comes back matched to the line. */
  lineId: string;
  /** 1-based row in the Charges table, for "Charges row 14" in problems. */
  sheetRow?: number;
  dos: IsoDate;
  code: string;
  modifiers: string[];
  units: number;
  charge: Cents;
  /** 1-based pointers into the claim's diagnoses (A=1 … L=12), up to 4. */
  pointers: number[];
  pos?: string;
  renderingNpi?: string;
}

export interface Claim {
  /** CLM01: our ClaimID (≤ 20 characters). */
  claimId: string;
  patient: ClaimPatient;
  payer: ClaimPayer;
  billing: BillingProvider;
  /** Diagnosis codes as in the workbook (with dots), in order, unique; pointers index this list. */
  diagnoses: string[];
  lines: ClaimLine[];
  /** CLM02: Σ line charges. */
  total: Cents;
  /** POS of the claim (the first line's). */
  pos?: string;
  /** CLM05-3: 1 original, 7 replacement, 8 void. */
  frequency: "1" | "7" | "8";
  /** The payer's claim number (REF*F8), needed for 7 and 8. */
  payerClaimNumber?: string;
  renderingNpi?: string;
  /** Already billed (Charges Billed Date on every line). */
  billedDate?: IsoDate;
  /**
   * Who this claim goes to among the patient's payers (SBR01 of loop 2000B): "P" when left out. A
   * secondary claim ("S") carries the primary's adjudication in `otherPayers`, a tertiary claim ("T")
   * the primary's and the secondary's.
   */
  sequence?: "P" | "S" | "T";
  /**
   * The prior payers' adjudications, in payer order (the primary, then the secondary): one 2320 loop
   * (with its 2330A/B) each, and one 2430 each on every line.
   */
  otherPayers?: OtherPayerAdjudication[];
}

/** An adjustment as a payer reported it: the CAS group, the reason code (CARC) and the amount. */
export interface CobAdjustment {
  group: "CO" | "PR" | "OA" | "PI";
  reason: string;
  amount: Cents;
}

/** What a prior payer did with one line (loop 2430): paid + Σ adjustments = the line's charge. */
export interface CobLine {
  /** The ChargeID of the line it answers. */
  lineId: string;
  /** SVD02 */
  paid: Cents;
  adjustments: CobAdjustment[];
  /** DTP*573: the date the payer paid (or denied) the line. */
  paidDate: IsoDate;
}

/** A prior payer's adjudication of a claim, as the next payer's claim sends it (coordination of benefits). */
export interface OtherPayerAdjudication {
  /** The prior payer (2330B NM1*PR, with its X12 Payer ID). */
  payer: ClaimPayer;
  /** The patient's member ID with that payer (2330A NM1*IL). */
  memberId?: string;
  /** AMT*D: what it paid on the claim (Σ of the lines' paid). */
  paid: Cents;
  /** 2320 CAS: adjustments it made to the whole claim (our ledger keeps them per line, so usually none). */
  claimAdjustments: CobAdjustment[];
  /** 2330B DTP*573: its adjudication date (its latest on the claim). */
  paidDate: IsoDate;
  /** 2330B REF*F8: its claim number, when known (Charges "Payer Claim #", the primary's only). */
  payerClaimNumber?: string;
  /** One per claim line, in the claim's line order. */
  lines: CobLine[];
}

export type Severity = "error" | "warning";

export interface ScrubProblem {
  /** Stable rule id, e.g. "npi-check-digit". */
  rule: string;
  severity: Severity;
  claimId: string;
  /** The line's ChargeID when the problem is on a line. */
  lineId?: string;
  /** Where to fix it, as the workbook names it: table, sheet row when known, column. */
  where: { table: string; row?: number; column: string };
  /** In a biller's words: what is wrong and the fix. */
  message: string;
}
