// The CMS place-of-service code set (public, so we ship it), with the rate the Medicare physician fee
// schedule pays in each place: "facility" where the hospital, SNF or ASC bills for the room, staff and
// supplies (Medicare Claims Processing Manual ch. 12 §20.4.2), "non-facility" everywhere else. Codes
// missing from the list are unassigned and refused. Names as CMS lists them (2025).
import { quoted, readCodeCell } from "./codeCell";
import { invalid, valid, type FormatCheck } from "./formatCheck";

export type PfsRate = "facility" | "non-facility";

export interface PlaceOfService {
  code: string;
  name: string;
  /** Which Medicare physician fee schedule amount applies to services done here. */
  rate: PfsRate;
}

const F: PfsRate = "facility";
const NF: PfsRate = "non-facility";

export const PLACES_OF_SERVICE: readonly PlaceOfService[] = [
  { code: "01", name: "Pharmacy", rate: NF },
  // Telehealth: 02 is paid at the facility rate; 10 (the patient at home) at the non-facility rate since 2024.
  { code: "02", name: "Telehealth Provided Other than in Patient's Home", rate: F },
  { code: "03", name: "School", rate: NF },
  { code: "04", name: "Homeless Shelter", rate: NF },
  { code: "05", name: "Indian Health Service Free-standing Facility", rate: NF },
  { code: "06", name: "Indian Health Service Provider-based Facility", rate: F },
  { code: "07", name: "Tribal 638 Free-standing Facility", rate: NF },
  { code: "08", name: "Tribal 638 Provider-based Facility", rate: F },
  { code: "09", name: "Prison/Correctional Facility", rate: NF },
  { code: "10", name: "Telehealth Provided in Patient's Home", rate: NF },
  { code: "11", name: "Office", rate: NF },
  { code: "12", name: "Home", rate: NF },
  { code: "13", name: "Assisted Living Facility", rate: NF },
  { code: "14", name: "Group Home", rate: NF },
  { code: "15", name: "Mobile Unit", rate: NF },
  { code: "16", name: "Temporary Lodging", rate: NF },
  { code: "17", name: "Walk-in Retail Health Clinic", rate: NF },
  { code: "18", name: "Place of Employment-Worksite", rate: NF },
  // A hospital inpatient or outpatient (19, 21, 22) is paid at the facility rate wherever the visit took place.
  { code: "19", name: "Off Campus-Outpatient Hospital", rate: F },
  { code: "20", name: "Urgent Care Facility", rate: NF },
  { code: "21", name: "Inpatient Hospital", rate: F },
  { code: "22", name: "On Campus-Outpatient Hospital", rate: F },
  { code: "23", name: "Emergency Room - Hospital", rate: F },
  { code: "24", name: "Ambulatory Surgical Center", rate: F },
  { code: "25", name: "Birthing Center", rate: NF },
  { code: "26", name: "Military Treatment Facility", rate: F },
  { code: "27", name: "Outreach Site/Street", rate: NF },
  // 31 is a Part A stay in the SNF (facility); a Part B resident of the same building is billed with 32.
  { code: "31", name: "Skilled Nursing Facility", rate: F },
  { code: "32", name: "Nursing Facility", rate: NF },
  { code: "33", name: "Custodial Care Facility", rate: NF },
  { code: "34", name: "Hospice", rate: F },
  { code: "41", name: "Ambulance - Land", rate: F },
  { code: "42", name: "Ambulance - Air or Water", rate: F },
  { code: "49", name: "Independent Clinic", rate: NF },
  { code: "50", name: "Federally Qualified Health Center", rate: NF },
  { code: "51", name: "Inpatient Psychiatric Facility", rate: F },
  { code: "52", name: "Psychiatric Facility-Partial Hospitalization", rate: F },
  { code: "53", name: "Community Mental Health Center", rate: F },
  { code: "54", name: "Intermediate Care Facility/Individuals with Intellectual Disabilities", rate: NF },
  { code: "55", name: "Residential Substance Abuse Treatment Facility", rate: NF },
  { code: "56", name: "Psychiatric Residential Treatment Center", rate: F },
  { code: "57", name: "Non-residential Substance Abuse Treatment Facility", rate: NF },
  { code: "58", name: "Non-residential Opioid Treatment Facility", rate: NF },
  { code: "60", name: "Mass Immunization Center", rate: NF },
  { code: "61", name: "Comprehensive Inpatient Rehabilitation Facility", rate: F },
  { code: "62", name: "Comprehensive Outpatient Rehabilitation Facility", rate: NF },
  { code: "65", name: "End-Stage Renal Disease Treatment Facility", rate: NF },
  // Added August 2024. PACE is paid by capitation; not being on Medicare's facility list, it takes the default.
  { code: "66", name: "Programs of All-Inclusive Care for the Elderly (PACE) Center", rate: NF },
  { code: "71", name: "Public Health Clinic", rate: NF },
  { code: "72", name: "Rural Health Clinic", rate: NF },
  { code: "81", name: "Independent Laboratory", rate: NF },
  { code: "99", name: "Other Place of Service", rate: NF },
];

const BY_CODE = new Map(PLACES_OF_SERVICE.map((place) => [place.code, place]));

/** The place of service for a 2-digit code ("11"), or undefined when CMS has not assigned it. */
export function placeOfService(code: string): PlaceOfService | undefined {
  return BY_CODE.get(code);
}

/** Check a place of service from a cell: "11", 11, or 2 for 02 in a cell formatted as a number. */
export function checkPos(value: unknown): FormatCheck {
  const cell = readCodeCell(value, "a place of service");
  if (!cell.ok) return invalid(cell.reason);
  // A number cell shows 02 as 2: the zero was lost by Excel, not by the biller, so it is put back.
  // Text "2" is what someone typed, and might be 02, 20 or 21: that one is asked about instead.
  const code = cell.isNumber && cell.text.length === 1 ? `0${cell.text}` : cell.text;
  if (/^\d{2}$/.test(code)) {
    return BY_CODE.has(code) ? valid(code) : invalid(`POS ${code} is unassigned in the CMS place-of-service list`);
  }
  const q = quoted(code);
  if (/^\d$/.test(code)) {
    const padded = BY_CODE.get(`0${code}`);
    const hint = padded ? `: did you mean ${padded.code} (${padded.name})?` : "";
    return invalid(`POS ${q} needs 2 digits${hint}`);
  }
  return invalid(`${q} is not a place of service: POS codes are 2 digits, like 11 (office) or 21 (inpatient hospital)`);
}
