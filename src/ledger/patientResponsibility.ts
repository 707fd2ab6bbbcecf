// What the patient owes of an allowed amount: the front desk's estimate, and the check of a
// remittance's PR amounts. The formula is the same for every line (DOMAIN.md: deductible,
// coinsurance, copay):
//   deductible  = the smaller of the allowed amount and the deductible left
//   coinsurance = the coinsurance rate times what is left of the allowed amount after the deductible,
//                 rounded to the cent (half a cent up)
//   patient     = deductible + coinsurance + copay, never more than the allowed amount
// Plans that take a copay instead of the deductible for an office visit are written with a deductible
// left of 0 and a coinsurance of 0 on that line.
import type { Cents } from "../money";

/** Rates are kept in millionths, so 20% x $123.45 is worked out in whole numbers. */
export const RATE_MILLIONTHS = 1_000_000;

/** A rate given as a fraction (0.2 for 20%) in millionths. */
export function rateInMillionths(fraction: number): number {
  return Math.round(fraction * RATE_MILLIONTHS);
}

/**
 * Whether the formula can be worked out exactly in whole numbers: an allowed amount so large that
 * its coinsurance overflows would otherwise give a silently rounded share.
 */
export function patientResponsibilityFits(allowed: Cents, deductibleLeft: Cents, coinsuranceMillionths: number): boolean {
  return Number.isSafeInteger((allowed - Math.min(allowed, deductibleLeft)) * coinsuranceMillionths);
}

/** The patient's share of an allowed amount, in cents (the formula in the header). */
export function patientResponsibility(allowed: Cents, deductibleLeft: Cents, coinsuranceMillionths: number, copay: Cents): Cents {
  const deductible = Math.min(allowed, deductibleLeft);
  const rest = allowed - deductible;
  const coinsurance = Math.floor((rest * coinsuranceMillionths + RATE_MILLIONTHS / 2) / RATE_MILLIONTHS);
  return Math.min(allowed, deductible + coinsurance + copay);
}
