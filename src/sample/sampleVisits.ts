// The sample practice's people and what they come in for: the practice settings, made-up
// patients with their insurance, and a year of visits billed as claims of 1 to 4 service lines
// (office visits with the modifiers, places of service and diagnoses a biller expects).
import { npiCheckDigit } from "../codes/npi";
import { addDays, daysBetween, type IsoDate } from "../dates";
import type { Cents } from "../money";
import { PRACTICE_SETTINGS } from "../workbook/setup";
import type { PatientRow, Practice, RowOf } from "../workbook/tables";
import { AREA_CODE, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, STREET_KINDS, STREET_NAMES, SURNAME_ENDS, SURNAME_STARTS, TOWNS } from "./names";
import {
  EIN_PREFIXES,
  PROCEDURES_NEEDING_25,
  SAMPLE_FEES,
  SAMPLE_PAYERS,
  VISIT_CODES,
  VISIT_KINDS,
  type SampleFee,
  type SamplePayer,
  type VisitKind,
} from "./sampleCatalog";
import type { SeededDice } from "./seededDice";

export const DAYS_IN_SAMPLE = 365;
const MEDICARE_DEDUCTIBLE: Cents = 25700; // a sample figure, not this year's official one

export interface Patient {
  id: string;
  status: "Active" | "Hold" | "Collections";
  row: PatientRow;
  age: number;
  payer: SamplePayer;
  secondary?: SamplePayer;
  providerNpi: string;
  copay: Cents;
  deductible: Cents;
  coinsurancePercent: number;
  /** Lines the patient owes on, in date-of-service order. */
  owes: Line[];
}

export interface Line {
  chargeId: string;
  claim: Claim;
  fee: SampleFee;
  units: number;
  amount: Cents;
  modifiers: string[];
  /** What the patient still owes on the line, and since when (for statements). */
  patientDue: Cents;
  dueFrom?: IsoDate;
  paidAtVisit: Cents;
}

export interface Claim {
  claimId: string;
  patient: Patient;
  payer: SamplePayer;
  providerNpi: string;
  dos: IsoDate;
  pos: string;
  dx: string[];
  lines: Line[];
  billed?: IsoDate;
}

export class SampleVisits {
  private readonly feeByCode = new Map(SAMPLE_FEES.map((f) => [f.code, f]));
  private readonly payerById = new Map(SAMPLE_PAYERS.map((p) => [p.id, p]));

  constructor(
    private readonly dice: SeededDice,
    private readonly asOf: IsoDate,
  ) {}

  /** A valid NPI: 1 + eight random digits + the check digit. */
  npi(): string {
    const first9 = `1${this.dice.digits(8)}`;
    return `${first9}${npiCheckDigit(first9)}`;
  }

  /** The Practice table: Setup's settings, filled in as a real office would. */
  practiceSettings(): RowOf<typeof Practice>[] {
    const dice = this.dice;
    const values: Record<string, string> = {
      "Practice Name": "Sampleton Family Medicine (sample data)",
      Address: "100 Sample Way, Suite 200",
      City: "Sampleton",
      State: "IL",
      ZIP: `62701-${dice.digits(4)}`,
      Phone: `${AREA_CODE}-555-0100`,
      "Tax ID": `${dice.pick(EIN_PREFIXES)}-${dice.digits(7)}`,
      "Billing NPI": this.npi(),
      Taxonomy: "207Q00000X",
      "Remit-To Address": "PO Box 5501, Sampleton, IL 62701-5501",
      "Statement Message":
        "Thank you for choosing us. Please pay the amount due by the due date, or call 217-555-0101 to set up a payment plan.",
      "Statement Due Days": "30",
      "Aging Buckets": "30,60,90,120",
      "Statement Cycle Days": "30",
      "Statement Minimum": "5.00",
      "Statement Line Text": "Office services",
      "Dunning 31-60": "Your balance is more than 30 days old. Please pay it now, or call 217-555-0101 to set up a payment plan.",
      "Dunning 61-90": "Your balance is more than 60 days past due. Please pay today, or call 217-555-0101 so we can help.",
      "Dunning 90+":
        "Your balance is more than 90 days past due. Please pay in full, or call 217-555-0101 within 10 days to make arrangements.",
      "Invoice Terms": "Net 30",
    };
    return PRACTICE_SETTINGS.map(([setting]) => ({ setting, value: values[setting] ?? "" }));
  }

  /** Patient number n: a made-up person with a payer mix like a family practice's. */
  patient(n: number, providerNpis: string[]): Patient {
    const dice = this.dice;
    const payer = this.payerById.get(
      dice.weighted([
        ["MCR", 30],
        ["MCD", 15],
        ["SHP", 16],
        ["LMI", 13],
        ["HVC", 13],
        ["SELF", 11],
        ["ATTY", 2],
      ]),
    )!;
    const age =
      payer.type === "Medicare"
        ? dice.int(67, 92)
        : payer.type === "Medicaid"
          ? dice.int(2, 64)
          : payer.type === "Commercial" && dice.chance(0.2)
            ? dice.int(2, 17)
            : dice.int(18, 64);
    let secondary: SamplePayer | undefined;
    if (payer.type === "Medicare")
      secondary = dice.chance(0.15) ? this.payerById.get("MCD") : dice.chance(0.3) ? this.payerById.get("LMI") : undefined;
    else if (payer.type === "Commercial" && dice.chance(0.05)) secondary = this.payerById.get(payer.id === "HVC" ? "SHP" : "HVC");

    const sex = dice.chance(0.5) ? "F" : "M";
    const town = dice.pick(TOWNS);
    const status =
      payer.type === "Self-pay" && dice.chance(0.12)
        ? "Collections"
        : dice.chance(0.015)
          ? "Hold"
          : dice.chance(0.005)
            ? "Collections"
            : "Active";
    const id = `P${String(n).padStart(6, "0")}`;
    const row: PatientRow = {
      patientId: id,
      lastName: `${dice.pick(SURNAME_STARTS)}${dice.pick(SURNAME_ENDS)}`,
      firstName: dice.pick(sex === "F" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES),
      dob: addDays(this.asOf, -(age * 365 + dice.int(0, 364))),
      sex,
      address1: `${dice.int(100, 9899)} ${dice.pick(STREET_NAMES)} ${dice.pick(STREET_KINDS)}`,
      address2: dice.chance(0.15) ? `Apt ${dice.int(1, 40)}${dice.pick(["A", "B", ""])}` : undefined,
      city: town.city,
      state: town.state,
      zip: dice.chance(0.5) ? `${town.zip}-${dice.digits(4)}` : town.zip,
      phone: `${AREA_CODE}-555-01${dice.digits(2)}`,
      primaryPayerId: payer.id,
      primaryMemberId: this.memberId(payer),
      secondaryPayerId: secondary?.id,
      secondaryMemberId: secondary ? this.memberId(secondary) : undefined,
      accountStatus: status,
    };
    return {
      id,
      status,
      row,
      age,
      payer,
      secondary,
      providerNpi: dice.pick(providerNpis),
      copay: payer.type === "Commercial" ? dice.pick([2000, 2500, 3000, 4000]) : 0,
      deductible: payer.type === "Medicare" ? MEDICARE_DEDUCTIBLE : payer.type === "Commercial" ? dice.pick([0, 50000, 100000, 200000]) : 0,
      coinsurancePercent: payer.type === "Medicare" ? 20 : payer.type === "Commercial" ? dice.pick([0, 10, 20]) : 0,
      owes: [],
    };
  }

  private memberId(payer: SamplePayer): string | undefined {
    const dice = this.dice;
    if (payer.type === "Self-pay") return undefined;
    if (payer.type === "Medicare") {
      // The Medicare Beneficiary Identifier's shape (11 characters, no S, L, O, I, B or Z).
      const alpha = "ACDEFGHJKMNPQRTUVWXY";
      const both = alpha + "0123456789";
      const a = () => dice.pick([...alpha]);
      const b = () => dice.pick([...both]);
      const d = () => dice.digits(1);
      return `${dice.int(1, 9)}${a()}${b()}${d()}${a()}${b()}${d()}${a()}${a()}${d()}${d()}`;
    }
    return `${payer.memberPrefix}${dice.digits(payer.type === "Other" ? 6 : 9)}`;
  }

  /** Exactly lineCount service lines, as claims of 1 to 4 lines in date-of-service order. */
  claims(lineCount: number, patients: Patient[], providerNpis: string[]): Claim[] {
    const dice = this.dice;
    const claims: Claim[] = [];
    let made = 0;
    while (made < lineCount) {
      const patient = dice.pick(patients);
      const claim = this.visit(patient, dice.weighted(VISIT_KINDS.map((k) => [k, k.weight] as const)), lineCount - made, providerNpis);
      made += claim.lines.length;
      claims.push(claim);
    }
    // Entered in date-of-service order, as an office keys them in.
    claims.sort((a, b) => (a.dos < b.dos ? -1 : a.dos > b.dos ? 1 : 0));
    let chargeNumber = 0;
    claims.forEach((claim, i) => {
      claim.claimId = `CL${String(i + 1).padStart(6, "0")}`;
      for (const line of claim.lines) line.chargeId = `CH${String(++chargeNumber).padStart(7, "0")}`;
    });
    return claims;
  }

  private visit(patient: Patient, chosen: VisitKind, room: number, providerNpis: string[]): Claim {
    const dice = this.dice;
    let kind = chosen;
    let visitCode: string | undefined;
    if (kind.visit === "preventive") {
      visitCode = patient.payer.type === "Medicare" ? "G0439" : patient.age >= 40 ? "99396" : patient.age >= 18 ? "99395" : undefined;
      if (!visitCode) kind = VISIT_KINDS[1]; // children come in sick instead: the sample has no pediatric checkup codes
    }
    if (kind.visit !== "preventive" && kind.visit.length > 0) visitCode = dice.pick(kind.visit);

    const services: { code: string; units: number; dx?: string[] }[] = visitCode ? [{ code: visitCode, units: 1 }] : [];
    for (const extra of kind.extras) {
      if (!dice.chance(extra.probability)) continue;
      extra.codes.forEach((code, i) =>
        services.push({ code, units: code === "J1030" && extra.units ? dice.pick(extra.units) : 1, dx: i === 0 ? extra.dx : undefined }),
      );
    }
    const telehealth = kind.telehealth && visitCode !== undefined && dice.chance(0.12);
    const kept = telehealth ? services.slice(0, 1) : services.slice(0, Math.min(4, room));

    const dx = [dice.pick(kind.dx)];
    if (dice.chance(0.5)) dx.push(dice.pick(kind.dx));
    for (const s of kept) dx.push(...(s.dx ?? []));
    const codesKept = new Set(kept.map((s) => s.code));

    let daysBack = dice.int(0, DAYS_IN_SAMPLE - 1);
    while (weekday(addDays(this.asOf, -daysBack)) % 6 === 0) daysBack = dice.int(0, DAYS_IN_SAMPLE - 1);

    const claim: Claim = {
      claimId: "",
      patient,
      payer: patient.payer,
      providerNpi: dice.chance(0.8) ? patient.providerNpi : dice.pick(providerNpis),
      dos: addDays(this.asOf, -daysBack),
      pos: telehealth ? dice.pick(["10", "10", "02"]) : "11",
      dx: [...new Set(dx)].slice(0, 4),
      lines: [],
    };
    for (const s of kept) {
      const fee = this.feeByCode.get(s.code)!;
      const modifiers: string[] = [];
      if (VISIT_CODES.has(s.code)) {
        if (telehealth) modifiers.push(patient.payer.type === "Medicaid" ? "GT" : "95");
        else if ([...codesKept].some((c) => PROCEDURES_NEEDING_25.has(c))) modifiers.push("25");
      }
      if (s.code === "96372" && codesKept.has("20610")) modifiers.push("59");
      claim.lines.push({ chargeId: "", claim, fee, units: s.units, amount: fee.fee * s.units, modifiers, patientDue: 0, paidAtVisit: 0 });
    }
    return claim;
  }
}

const weekdays = new Map<IsoDate, number>();

/** 0 Sunday .. 6 Saturday (2023-01-01 was a Sunday). Remembered: the sample asks about a few hundred days, again and again. */
export function weekday(date: IsoDate): number {
  let day = weekdays.get(date);
  if (day === undefined) {
    day = ((daysBetween("2023-01-01", date) % 7) + 7) % 7;
    weekdays.set(date, day);
  }
  return day;
}
