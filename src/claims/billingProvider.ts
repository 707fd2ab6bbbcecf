// The practice as a claim's billing provider (loop 2010AA), from its Practice settings under any of
// the names an office gives them.
import { practiceSetting, SETTING_NAMES } from "../workbook/practiceSettings";
import type { BillingProvider } from "./model";

/** The practice as billing provider, from its Practice settings. */
export function billingProvider(settings: Map<string, string>): BillingProvider {
  const get = (names: readonly string[]) => practiceSetting(settings, ...names);
  const lines = [get(SETTING_NAMES.address), get(SETTING_NAMES.address2)].filter((l): l is string => l !== undefined);
  const billing: BillingProvider = { name: get(SETTING_NAMES.practiceName) ?? "", address: { lines } };
  const npi = get(SETTING_NAMES.billingNpi);
  if (npi !== undefined) billing.npi = npi;
  const ein = get(SETTING_NAMES.taxId);
  if (ein !== undefined) billing.ein = ein;
  const taxonomy = get(SETTING_NAMES.taxonomy);
  if (taxonomy !== undefined) billing.taxonomy = taxonomy;
  const phone = get(SETTING_NAMES.phone);
  if (phone !== undefined) billing.phone = phone;
  const city = get(SETTING_NAMES.city);
  if (city !== undefined) billing.address.city = city;
  const state = get(SETTING_NAMES.state);
  if (state !== undefined) billing.address.state = state;
  const zip = get(SETTING_NAMES.zip);
  if (zip !== undefined) billing.address.zip = zip;
  return billing;
}
