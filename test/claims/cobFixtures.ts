// The hand-made books of the secondary and tertiary claim tests: the payers (SHP the primary, MCD a
// state Medicaid plan as the secondary, SUP a supplemental plan as the tertiary), the patient (with a
// primary and a secondary plan; a tertiary one when a test adds it) and the sample claim's lines as
// Charges rows. Made up.
import type { Claim } from "../../src/claims/model";
import type { ChargeRow, PatientRow, PayerRow } from "../../src/workbook/tables";

export const payerRows = (): PayerRow[] => [
  { payerId: "SHP", name: "Sample Health Plan", type: "Commercial", x12PayerId: "SHP01", timelyFilingDays: 180 },
  { payerId: "MCD", name: "Sample State Medicaid", type: "Medicaid", x12PayerId: "SKMCD" },
  { payerId: "SUP", name: "Sample Supplemental", type: "Commercial", x12PayerId: "SUPP1" },
];

export const patientRow = (overrides: Partial<PatientRow> = {}): PatientRow => ({
  patientId: "P000001",
  lastName: "Testperson",
  firstName: "Alex",
  primaryPayerId: "SHP",
  primaryMemberId: "XYZ123456789",
  secondaryPayerId: "MCD",
  secondaryMemberId: "MCD98765",
  ...overrides,
});

/** The claim's lines as the Charges rows they came from, billed 2026-03-05. */
export function chargeRowsOf(claim: Claim): ChargeRow[] {
  return claim.lines.map((l) => ({
    chargeId: l.lineId,
    claimId: claim.claimId,
    patientId: claim.patient.patientId,
    payerId: claim.payer.payerId,
    dos: l.dos,
    code: l.code,
    mod1: l.modifiers[0],
    units: l.units,
    amount: l.charge,
    billedDate: "2026-03-05",
  }));
}
