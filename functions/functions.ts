// The MEDBILL.* custom functions: thin JSDoc'ed declarations over the *Functions.ts modules beside this
// one, which read the cells and call the engine in src/.
// custom-functions-metadata reads the JSDoc to write functions.json, and its webpack plugin appends the
// CustomFunctions.associate calls to the built file, so importing this module registers nothing (tests
// import it in Node). Every function takes one cell or a whole range and answers in the same shape: one
// call per column. Optional arguments arrive as null. Functions that need a code set are async (the sets
// may first have to be read from the workbook); the format-only ones answer at once. The ledger and date
// functions (BALANCES, AGEDAYS, AGINGBUCKET, PATIENTRESP, FILINGDEADLINE) answer at once too. SCRUB
// builds the claims asked for from the tables it is given and scrubs them as the Claims panel does.
import { isValidNpi } from "../src/codes/npi";
import { ageDaysCells, agingBucketCells, filingDeadlineCells } from "./agingFunctions";
import { isBlankCell } from "./cellRanges";
import {
  codeCheckCells,
  cptCells,
  einCells,
  hcpcsCells,
  icd10Cells,
  icd10DescriptionCells,
  modifierCells,
  ndc11Cells,
  posCells,
  taxonomyCells,
  withCodeSets,
} from "./codeFunctions";
import { expectedCells, varianceCells } from "./contractFunctions";
import { balancesCells } from "./ledgerFunctions";
import { patientRespCells } from "./patientRespFunctions";
import { scrubCells } from "./scrubFunctions";

/** One cell: TRUE or FALSE by the NPI check digit, blank for a blank cell. */
export function npiCell(value: unknown): boolean | "" {
  return isBlankCell(value) ? "" : isValidNpi(value);
}

/**
 * A cell or a range, answered in the same shape: a single value gives a 1x1 range, as Excel does for a
 * range parameter (it hands a single cell over as [[value]]).
 */
export function npiCells(values: unknown): (boolean | "")[][] {
  if (!Array.isArray(values)) return [[npiCell(values)]];
  return values.map((row: unknown) => (Array.isArray(row) ? row.map(npiCell) : [npiCell(row)]));
}

// Blank in, blank out: a biller points it at a whole column, and FALSE on every empty row below the data
// would read as a page of bad NPIs. The check digit cannot tell a deactivated NPI (that needs NPPES).
/**
 * TRUE when an NPI's check digit is right, FALSE when not; blank cells stay blank.
 * @customfunction NPI
 * @param value One NPI or a range of NPIs: 10-digit numbers or text.
 * @returns TRUE or FALSE for each cell, in the shape of the input; blank where the cell is blank.
 * @example =MEDBILL.NPI("1234567893") gives TRUE
 */
export function NPI(value: any[][]): any[][] {
  return npiCells(value);
}

/**
 * TRUE when an ICD-10-CM code is valid and billable in the fiscal year of the date of service.
 * @customfunction ICD10
 * @param code One diagnosis code or a range of them, with or without the dot (E11.9 or E119).
 * @param [date_of_service] One date for every code, or a range of dates beside the codes; left out, the newest imported year is used.
 * @returns TRUE or FALSE for each code (FALSE for a category header); #N/A when that year's code set is not imported.
 * @example =MEDBILL.ICD10(A2:A500, B2:B500) gives TRUE for E11.9 on 3/1/2025
 */
export async function ICD10(code: any[][], date_of_service?: any[][]): Promise<any[][]> {
  return withCodeSets((sets) => icd10Cells(code, date_of_service, sets));
}

/**
 * The long description of an ICD-10-CM code, in the fiscal year of the date of service.
 * @customfunction ICD10DESC
 * @param code One diagnosis code or a range of them, with or without the dot.
 * @param [date_of_service] One date for every code, or a range of dates beside the codes; left out, the newest imported year is used.
 * @returns The description for each code; #N/A when the code is not in the code set or the set is not imported.
 * @example =MEDBILL.ICD10DESC("E11.9") gives "Type 2 diabetes mellitus without complications"
 */
export async function ICD10DESC(code: any[][], date_of_service?: any[][]): Promise<any[][]> {
  return withCodeSets((sets) => icd10DescriptionCells(code, date_of_service, sets));
}

/**
 * TRUE when a CPT code is well formed and, once the office has imported its CPT list, on that list.
 * @customfunction CPT
 * @param code One CPT code or a range of them (99213, 3074F, 0075T).
 * @returns TRUE or FALSE for each code; without a CPT list only the format is checked (CODECHECK says so).
 * @example =MEDBILL.CPT("99213") gives TRUE
 */
export async function CPT(code: any[][]): Promise<any[][]> {
  return withCodeSets((sets) => cptCells(code, sets));
}

/**
 * TRUE when a HCPCS Level II code is in the HCPCS code set and not discontinued on the date of service.
 * @customfunction HCPCS
 * @param code One HCPCS Level II code or a range of them (J1100, G0439).
 * @param [date_of_service] One date for every code, or a range of dates beside the codes; left out, any termination date counts.
 * @returns TRUE or FALSE for each code; #N/A when no HCPCS file is imported.
 * @example =MEDBILL.HCPCS("G0439", "3/1/2025") gives TRUE
 */
export async function HCPCS(code: any[][], date_of_service?: any[][]): Promise<any[][]> {
  return withCodeSets((sets) => hcpcsCells(code, date_of_service, sets));
}

/**
 * TRUE when a modifier is well formed and, for letter modifiers once a HCPCS file is imported, exists.
 * @customfunction MODIFIER
 * @param modifier One modifier or a range of them (25, 59, LT, GT).
 * @returns TRUE or FALSE for each modifier; numeric (CPT) modifiers are checked by format.
 * @example =MEDBILL.MODIFIER("LT") gives TRUE
 */
export async function MODIFIER(modifier: any[][]): Promise<any[][]> {
  return withCodeSets((sets) => modifierCells(modifier, sets));
}

/**
 * TRUE when a place of service code is on the CMS place-of-service list.
 * @customfunction POS
 * @param code One place of service or a range of them (11, 21, "02").
 * @returns TRUE or FALSE for each code; blank where the cell is blank.
 * @example =MEDBILL.POS(11) gives TRUE
 */
export function POS(code: any[][]): any[][] {
  return posCells(code);
}

/**
 * The 11-digit NDC a claim carries, from an NDC written with its hyphens.
 * @customfunction NDC11
 * @param ndc One NDC or a range of them (1234-5678-90, 12345-678-90, 12345-6789-0).
 * @returns The 11 digits as text for each NDC; #VALUE! with the reason when it cannot be converted.
 * @example =MEDBILL.NDC11("1234-5678-90") gives "01234567890"
 */
export function NDC11(ndc: any[][]): any[][] {
  return ndc11Cells(ndc);
}

/**
 * TRUE when an EIN has 9 digits and a prefix the IRS issues.
 * @customfunction EIN
 * @param ein One EIN or a range of them (12-3456789).
 * @returns TRUE or FALSE for each EIN; blank where the cell is blank.
 * @example =MEDBILL.EIN("12-3456789") gives TRUE
 */
export function EIN(ein: any[][]): any[][] {
  return einCells(ein);
}

/**
 * TRUE when a provider taxonomy code is well formed (3 digits, 6 letters or digits, then X).
 * @customfunction TAXONOMY
 * @param code One taxonomy code or a range of them (207Q00000X).
 * @returns TRUE or FALSE for each code; blank where the cell is blank.
 * @example =MEDBILL.TAXONOMY("207Q00000X") gives TRUE
 */
export function TAXONOMY(code: any[][]): any[][] {
  return taxonomyCells(code);
}

/**
 * "OK" when a code is right, or the reason it is not, in words a biller can act on.
 * @customfunction CODECHECK
 * @param code One code or a range of codes of any kind.
 * @param [kind] The kind of code (ICD-10, CPT, HCPCS, modifier, POS, NPI, NDC, EIN, taxonomy): one for all or a range; left out, guessed from each code.
 * @param [date_of_service] One date for every code, or a range of dates beside the codes, for ICD-10-CM and HCPCS.
 * @returns "OK" or the reason for each code, such as "S62.5X0 needs a 7th character".
 * @example =MEDBILL.CODECHECK("E11", "ICD-10") gives "E11 is a category header, not billable ..."
 */
export async function CODECHECK(code: any[][], kind?: any[][], date_of_service?: any[][]): Promise<any[][]> {
  return withCodeSets((sets) => codeCheckCells(code, kind, date_of_service, sets));
}

// The ledger is built once per call from the tables as they stand, so a column of a thousand IDs costs one
// build, not a thousand. Who paid needs Payments; Payers only sharpens which lines are self-pay.
/**
 * The balance of each service line (or its insurance share, patient share, status, charge, paid or adjustments) from the Charges, Postings and Payments tables.
 * @customfunction BALANCES
 * @param charge_ids One ChargeID or a range of them; blank cells stay blank.
 * @param charges_table The Charges table with its headers, like Charges[#All]; columns are found by header.
 * @param postings_table The Postings table with its headers, like Postings[#All].
 * @param [payments_table] The Payments table with its headers, like Payments[#All]: needed for "insurance", "patient" and "status".
 * @param [what] "balance" (left out), "insurance", "patient", "status", "charge", "paid" or "adjustments".
 * @param [as_of] Count only lines served and postings dated on or before this date (a line served later shows 0); left out, everything counts.
 * @param [payers_table] The Payers table with its headers, like Payers[#All], so lines billed to a payer of Type "Self-pay" are the patient's; left out, a PayerID that is blank or SELF means self-pay.
 * @returns Dollars (or the status) for each ID; #N/A for an ID not in Charges; #VALUE! with the reason when a row it rests on has a problem.
 * @example =MEDBILL.BALANCES(A2:A500, Charges[#All], Postings[#All], Payments[#All], "patient") gives each line's patient share
 */
export function BALANCES(
  charge_ids: any[][],
  charges_table: any[][],
  postings_table: any[][],
  payments_table?: any[][],
  what?: any[][],
  as_of?: any[][],
  payers_table?: any[][],
): any[][] {
  return balancesCells(charge_ids, charges_table, postings_table, payments_table, what, as_of, payers_table);
}

// Volatile, so an age counted to today is right the day after the workbook was saved: Excel recalculates
// it at every calculation. One call per column keeps that cheap.
/**
 * Whole days from a date (a date of service, a statement) to the as-of date, today when left out.
 * @customfunction AGEDAYS
 * @volatile
 * @param date One date or a range of dates (Excel dates or text like 2026-03-05 or 3/5/2026).
 * @param [as_of] The date to count to: one for all, or a range beside the dates; left out or blank, today.
 * @returns The days for each date, negative for a date after the as-of date; blank where the date is blank.
 * @example =MEDBILL.AGEDAYS("3/1/2026", "3/31/2026") gives 30
 */
export function AGEDAYS(date: any[][], as_of?: any[][]): any[][] {
  return ageDaysCells(date, as_of);
}

/**
 * The A/R aging bucket of a date: "0-30", "31-60", "61-90", "91-120" or "120+" days before the as-of date.
 * @customfunction AGINGBUCKET
 * @volatile
 * @param date One date or a range of dates.
 * @param [as_of] The date to count to: one for all, or a range beside the dates; left out or blank, today.
 * @param [bounds] The last day of each bucket, like "30,60,90,120" (left out) or a range of numbers.
 * @returns The bucket for each date; #VALUE! for a date after the as-of date.
 * @example =MEDBILL.AGINGBUCKET("1/15/2026", "3/31/2026") gives "61-90"
 */
export function AGINGBUCKET(date: any[][], as_of?: any[][], bounds?: any[][]): any[][] {
  return agingBucketCells(date, as_of, bounds);
}

/**
 * The patient's share of an allowed amount: the deductible left first, then coinsurance on the rest, plus the copay, never more than allowed.
 * @customfunction PATIENTRESP
 * @param allowed One allowed amount or a range of them.
 * @param deductible_left The deductible the patient still has to meet: one for all or a range beside the amounts; blank is none.
 * @param coinsurance The patient's coinsurance, like 20% or 0.2: one for all or a range beside the amounts; blank is none.
 * @param copay The copay: one for all or a range beside the amounts; blank is none.
 * @returns The patient's share in dollars for each amount; blank where the amount is blank.
 * @example =MEDBILL.PATIENTRESP(200, 50, 20%, 0) gives 80 (50 deductible + 20% of 150)
 */
export function PATIENTRESP(allowed: any[][], deductible_left: any[][], coinsurance: any[][], copay: any[][]): any[][] {
  return patientRespCells(allowed, deductible_left, coinsurance, copay);
}

/**
 * The last day to file a claim: the date of service plus the payer's timely filing limit in days.
 * @customfunction FILINGDEADLINE
 * @param date_of_service One date of service or a range of them.
 * @param days The payer's filing limit in days (like 90 or 365): one for all or a range beside the dates.
 * @returns An Excel date for each date of service (format the cells as dates); blank where the date is blank.
 * @example =MEDBILL.FILINGDEADLINE("1/15/2026", 90) gives 4/15/2026
 */
export function FILINGDEADLINE(date_of_service: any[][], days: any[][]): any[][] {
  return filingDeadlineCells(date_of_service, days);
}

/**
 * What the payer's contract allows for a code on a date of service, from the Contracts table: the rate for the payer, code and modifier in effect that day, times the units.
 * @customfunction EXPECTED
 * @param code One procedure code or a range of them (99213, J1100).
 * @param payer The PayerID: one for all or a range beside the codes.
 * @param date_of_service The date of service: one for all or a range beside the codes.
 * @param contracts_table The Contracts table with its headers, like Contracts[#All].
 * @param [modifier] The line's modifier(s), like 95 or "25,59": one for all or a range beside the codes; a rate for a modifier wins over the code's rate for any modifier.
 * @param [units] Units of service (1 when left out): one for all or a range beside the codes.
 * @returns The contracted allowed amount in dollars for each code; #N/A when the contracts have no rate for that payer, code and date; blank where the code is blank.
 * @example =MEDBILL.EXPECTED("99213", "MCR", "5/1/2026", Contracts[#All]) gives 95 when Medicare's 2026 rate for 99213 is $95.00
 */
export function EXPECTED(
  code: any[][],
  payer: any[][],
  date_of_service: any[][],
  contracts_table: any[][],
  modifier?: any[][],
  units?: any[][],
): any[][] {
  return expectedCells(code, payer, date_of_service, contracts_table, modifier, units);
}

/**
 * An allowed amount less what the payer's contract allows for the code: negative when the payer allowed less than the contract (an underpayment).
 * @customfunction VARIANCE
 * @param allowed The amount the payer allowed (paid + patient responsibility): one per code, or one for all.
 * @param code One procedure code or a range of them.
 * @param payer The PayerID: one for all or a range beside the codes.
 * @param date_of_service The date of service: one for all or a range beside the codes.
 * @param contracts_table The Contracts table with its headers, like Contracts[#All].
 * @param [modifier] The line's modifier(s): one for all or a range beside the codes.
 * @param [units] Units of service (1 when left out): one for all or a range beside the codes.
 * @returns Dollars for each code (allowed − contracted); #N/A when the contracts have no rate for it.
 * @example =MEDBILL.VARIANCE(88, "99213", "MCR", "5/1/2026", Contracts[#All]) gives -7 when the contract allows $95.00
 */
export function VARIANCE(
  allowed: any[][],
  code: any[][],
  payer: any[][],
  date_of_service: any[][],
  contracts_table: any[][],
  modifier?: any[][],
  units?: any[][],
): any[][] {
  return varianceCells(allowed, code, payer, date_of_service, contracts_table, modifier, units);
}

// Not volatile: it takes whole tables, so it recalculates whenever a line, patient or payer changes; the
// rules that count from today (future DOS, timely filing) catch up at the next change or a full recalc.
/**
 * The problems a clearinghouse would reject a claim for, checked as the Claims panel checks it, or "OK".
 * @customfunction SCRUB
 * @param claim_id One ClaimID (its problems spill down, one per cell), or a range of ClaimIDs (one cell each, problems joined by "; ").
 * @param charges_table The Charges table with its headers, like Charges[#All]; columns are found by header.
 * @param patients_table The Patients table with its headers, like Patients[#All].
 * @param payers_table The Payers table with its headers, like Payers[#All].
 * @returns "OK", or each problem as "error: ..." or "warning: ..." naming the row, the column and the fix; #N/A for a ClaimID not in Charges. The Practice settings are not passed, so the billing-provider rules (billing NPI, tax ID, taxonomy, address, ZIP+4, PO box) are not checked here: the Claims panel checks them.
 * @example =MEDBILL.SCRUB("CLM0001", Charges[#All], Patients[#All], Payers[#All]) gives "OK" or the claim's problems
 */
export async function SCRUB(claim_id: any[][], charges_table: any[][], patients_table: any[][], payers_table: any[][]): Promise<any[][]> {
  return withCodeSets((sets) => scrubCells(claim_id, charges_table, patients_table, payers_table, sets));
}
