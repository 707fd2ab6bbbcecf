// What the sample practice bills and who pays it: its payers and their habits, its fee schedule
// (codes only, with the practice's own plain descriptions: CPT descriptors are AMA copyright), and
// the kinds of visit it sees with plausible diagnoses (ICD-10-CM, billable in FY2025).
import type { Cents } from "../money";

export type PayerKind = "Medicare" | "Medicaid" | "Commercial" | "Self-pay" | "Other";

export interface SamplePayer {
  id: string;
  name: string;
  type: PayerKind;
  x12PayerId?: string;
  timelyFilingDays?: number;
  /** Allowed amount as a percentage of the fee schedule's allowed column. */
  allowedPercent: number;
  /** Days from billing to the remittance. */
  lag: [number, number];
  /** Day of the week its payments go out (0 Sunday .. 6 Saturday): one check or EFT per day. */
  payday: number;
  /** Electronic remittances are posted from the ERA; paper checks by hand. */
  method: "EFT" | "Check";
  memberPrefix: string;
  /**
   * Codes the payer now and then still prices on its old fee schedule: the line is allowed `percent` of
   * its contract rate, by `chance`. The Contracts table keeps the contract rate, so those lines are the
   * sample's underpaid ones (contracts/underpaid.ts).
   */
  oldFeeSchedule?: { codes: readonly string[]; percent: number; chance: number };
}

export const SAMPLE_PAYERS: SamplePayer[] = [
  {
    id: "MCR",
    name: "Medicare Part B (Sample MAC)",
    type: "Medicare",
    x12PayerId: "SMP01",
    timelyFilingDays: 365,
    allowedPercent: 100,
    lag: [14, 21],
    payday: 2,
    method: "EFT",
    memberPrefix: "",
  },
  {
    id: "MCD",
    name: "State Medicaid (Sample)",
    type: "Medicaid",
    x12PayerId: "SMP02",
    timelyFilingDays: 180,
    allowedPercent: 80,
    lag: [21, 40],
    payday: 4,
    method: "EFT",
    memberPrefix: "MC",
  },
  {
    id: "SHP",
    name: "Summit Health Plan",
    type: "Commercial",
    x12PayerId: "SMP03",
    timelyFilingDays: 90,
    allowedPercent: 125,
    lag: [14, 30],
    payday: 3,
    method: "EFT",
    memberPrefix: "SHP",
  },
  {
    id: "LMI",
    name: "Lakeshore Mutual Insurance",
    type: "Commercial",
    x12PayerId: "SMP04",
    timelyFilingDays: 180,
    allowedPercent: 115,
    lag: [20, 40],
    payday: 1,
    method: "Check",
    memberPrefix: "LMI",
    // Slow to load its new rates: an established-patient visit is sometimes paid at last year's, 4% under.
    oldFeeSchedule: { codes: ["99213", "99214", "99215"], percent: 96, chance: 0.15 },
  },
  {
    id: "HVC",
    name: "Harborview Care PPO",
    type: "Commercial",
    x12PayerId: "SMP05",
    timelyFilingDays: 120,
    allowedPercent: 120,
    lag: [14, 28],
    payday: 5,
    method: "EFT",
    memberPrefix: "HVC",
  },
  { id: "SELF", name: "Self-pay", type: "Self-pay", allowedPercent: 100, lag: [0, 0], payday: 1, method: "Check", memberPrefix: "" },
  {
    id: "ATTY",
    name: "Vance & Pryor Law (injury lien)",
    type: "Other",
    allowedPercent: 100,
    lag: [120, 300],
    payday: 4,
    method: "Check",
    memberPrefix: "LIEN",
  },
];

export interface SampleFee {
  code: string;
  description: string;
  fee: Cents;
  /** The practice's reference allowed amount (about what Medicare pays). */
  allowed: Cents;
}

export const SAMPLE_FEES: SampleFee[] = [
  { code: "99202", description: "Office visit, new patient, 15-29 min", fee: 11000, allowed: 7500 },
  { code: "99203", description: "Office visit, new patient, 30-44 min", fee: 16500, allowed: 11200 },
  { code: "99204", description: "Office visit, new patient, 45-59 min", fee: 25000, allowed: 16800 },
  { code: "99212", description: "Office visit, established patient, 10-19 min", fee: 8000, allowed: 5600 },
  { code: "99213", description: "Office visit, established patient, 20-29 min", fee: 13000, allowed: 9200 },
  { code: "99214", description: "Office visit, established patient, 30-39 min", fee: 19000, allowed: 13000 },
  { code: "99215", description: "Office visit, established patient, 40-54 min", fee: 26000, allowed: 18300 },
  { code: "99395", description: "Yearly checkup, age 18-39", fee: 21000, allowed: 14000 },
  { code: "99396", description: "Yearly checkup, age 40-64", fee: 23000, allowed: 15200 },
  { code: "G0439", description: "Medicare yearly wellness visit", fee: 20000, allowed: 13500 },
  { code: "36415", description: "Blood draw", fee: 2000, allowed: 300 },
  { code: "81002", description: "Urine test, dipstick", fee: 1500, allowed: 350 },
  { code: "80053", description: "Blood chemistry panel", fee: 4500, allowed: 1200 },
  { code: "83036", description: "Diabetes blood sugar test (A1c)", fee: 4000, allowed: 1300 },
  { code: "87880", description: "Rapid strep test", fee: 3500, allowed: 1600 },
  { code: "87804", description: "Rapid flu test", fee: 4000, allowed: 1600 },
  { code: "93000", description: "Heart tracing (EKG) with reading", fee: 7500, allowed: 1700 },
  { code: "90471", description: "Giving a vaccine", fee: 3500, allowed: 2500 },
  { code: "90686", description: "Flu vaccine", fee: 4000, allowed: 2200 },
  { code: "90715", description: "Tetanus-diphtheria-whooping cough vaccine", fee: 6500, allowed: 4000 },
  { code: "96372", description: "Injection into muscle or under skin", fee: 4500, allowed: 1400 },
  { code: "J1030", description: "Steroid medicine for injection, 40 mg", fee: 2000, allowed: 500 },
  { code: "J3420", description: "Vitamin B-12 shot", fee: 1500, allowed: 100 },
  { code: "20610", description: "Joint injection, knee or shoulder", fee: 18000, allowed: 6500 },
  { code: "17110", description: "Wart removal, up to 14", fee: 16000, allowed: 11000 },
  { code: "69210", description: "Ear wax removal", fee: 7500, allowed: 4500 },
  { code: "94640", description: "Breathing treatment (nebulizer)", fee: 4500, allowed: 1800 },
  { code: "99406", description: "Quit-smoking counseling, 3-10 min", fee: 3000, allowed: 1500 },
];

/** Office visits (E/M): the line a copay applies to and modifier 25 goes on. */
export const VISIT_CODES = new Set(["99202", "99203", "99204", "99212", "99213", "99214", "99215", "99395", "99396", "G0439"]);
/** Preventive services: no copay, deductible or coinsurance. */
export const PREVENTIVE_CODES = new Set(["99395", "99396", "G0439", "90471", "90686", "90715"]);
/** Procedures done at a visit that make the visit itself a separate service (modifier 25). */
export const PROCEDURES_NEEDING_25 = new Set(["20610", "17110", "69210", "96372", "94640"]);

export interface Extra {
  codes: string[];
  probability: number;
  /** Diagnoses the extra service brings to the claim. */
  dx?: string[];
  units?: number[];
}

export interface VisitKind {
  name: string;
  weight: number;
  /** E/M codes to choose from; none for a nurse visit. "preventive" picks by age and payer. */
  visit: string[] | "preventive";
  extras: Extra[];
  /** The first one or two diagnoses come from here. */
  dx: string[];
  telehealth: boolean;
}

export const VISIT_KINDS: VisitKind[] = [
  {
    name: "chronic care",
    weight: 30,
    visit: ["99213", "99214", "99214", "99215"],
    extras: [
      { codes: ["36415"], probability: 0.4 },
      { codes: ["83036"], probability: 0.35, dx: ["E11.9"] },
      { codes: ["80053"], probability: 0.25 },
      { codes: ["93000"], probability: 0.08, dx: ["I48.91"] },
      { codes: ["99406"], probability: 0.05, dx: ["F17.210"] },
    ],
    dx: ["E11.9", "E11.65", "I10", "E78.5", "E03.9", "E66.9", "K21.9", "Z79.4"],
    telehealth: true,
  },
  {
    name: "sick visit",
    weight: 22,
    visit: ["99212", "99213", "99213", "99214"],
    extras: [
      { codes: ["87880"], probability: 0.25, dx: ["J02.9"] },
      { codes: ["87804"], probability: 0.2, dx: ["R50.9"] },
    ],
    dx: ["J06.9", "J02.0", "R05.9", "J10.1", "J30.1", "R51.9"],
    telehealth: true,
  },
  {
    name: "yearly checkup",
    weight: 12,
    visit: "preventive",
    extras: [
      { codes: ["36415"], probability: 0.5 },
      { codes: ["80053"], probability: 0.3 },
      { codes: ["90471", "90686"], probability: 0.3, dx: ["Z23"] },
    ],
    dx: ["Z00.00", "Z00.00", "Z00.01"],
    telehealth: false,
  },
  {
    name: "knee pain",
    weight: 6,
    visit: ["99213", "99214"],
    extras: [
      { codes: ["20610"], probability: 0.8 },
      { codes: ["96372", "J1030"], probability: 0.2, units: [1, 2] },
    ],
    dx: ["M17.11", "M25.561"],
    telehealth: false,
  },
  {
    name: "back pain",
    weight: 8,
    visit: ["99213", "99214"],
    extras: [{ codes: ["96372", "J1030"], probability: 0.3, units: [1, 2] }],
    dx: ["M54.50", "M54.16"],
    telehealth: true,
  },
  {
    name: "ear wax",
    weight: 3,
    visit: ["99212", "99213"],
    extras: [{ codes: ["69210"], probability: 1 }],
    dx: ["H61.23"],
    telehealth: false,
  },
  { name: "warts", weight: 3, visit: ["99212"], extras: [{ codes: ["17110"], probability: 1 }], dx: ["B07.8"], telehealth: false },
  { name: "mental health", weight: 7, visit: ["99213", "99214"], extras: [], dx: ["F41.1", "F32.A", "G47.00", "Z13.31"], telehealth: true },
  {
    name: "urinary infection",
    weight: 4,
    visit: ["99213"],
    extras: [{ codes: ["81002"], probability: 0.9 }],
    dx: ["N39.0", "R30.0"],
    telehealth: false,
  },
  {
    name: "asthma",
    weight: 3,
    visit: ["99213", "99214"],
    extras: [{ codes: ["94640"], probability: 0.6, dx: ["J45.901"] }],
    dx: ["J45.909", "R06.02"],
    telehealth: true,
  },
  { name: "B-12 shot", weight: 2, visit: [], extras: [{ codes: ["96372", "J3420"], probability: 1 }], dx: ["E53.8"], telehealth: false },
  { name: "vaccine", weight: 3, visit: [], extras: [{ codes: ["90471", "90715"], probability: 1 }], dx: ["Z23"], telehealth: false },
  {
    name: "new patient",
    weight: 5,
    visit: ["99202", "99203", "99203", "99204"],
    extras: [
      { codes: ["36415"], probability: 0.3 },
      { codes: ["80053"], probability: 0.2 },
    ],
    dx: ["I10", "E11.9", "E78.5", "K21.9", "J30.1", "F41.1", "E55.9", "L70.0"],
    telehealth: false,
  },
];

/** Claim-level denial reasons (CARC) and what the office does about each. */
export const DENIALS = [
  { reason: "16", weight: 45, followUp: "resubmit" },
  { reason: "11", weight: 15, followUp: "resubmit" },
  { reason: "50", weight: 20, followUp: "writeOff" },
  { reason: "197", weight: 20, followUp: "writeOff" },
] as const;

export const PROVIDERS = [
  { lastName: "Hazelwick", firstName: "Cora", credential: "MD", taxonomy: "207Q00000X" },
  { lastName: "Oakridge", firstName: "Milo", credential: "DO", taxonomy: "207Q00000X" },
  { lastName: "Fernbrook", firstName: "Sage", credential: "NP", taxonomy: "363LF0000X" },
  { lastName: "Quillfield", firstName: "Reid", credential: "PA-C", taxonomy: "363A00000X" },
] as const;

/** EIN prefixes the IRS issues (the never-issued ones, such as 00, 07-09 and 89, are left out). */
export const EIN_PREFIXES = ["12", "23", "36", "41", "52", "61", "74", "82", "91"] as const;
