// The claim scrubber: every front-end rejection of DOMAIN.md's list, checked on a
// Claim the way a clearinghouse will, before the 837P is written. Each rule has a stable id, a
// severity (an error blocks the claim, a warning doesn't) and says in a biller's words which field
// is wrong and how to fix it. The practice may turn rules off ("Scrub Rules Off" in Practice), never
// silently: the result lists the rules that are off, and the few that guard the file's own structure
// (the 837P could not carry the claim at all) cannot be turned off.
//
// Formats are the code checks' (src/codes/), existence the code-set library's: this module decides
// which check each field gets. Built for 100,000 claims: one pass, lookups only (the duplicate-line
// check is one map over every line), the billing provider checked once per practice.
import { checkEin } from "../codes/ein";
import { icd10FiscalYear, type CodeSetLibrary } from "../codes/codeSetLibrary";
import { checkIcd10Format, icd10WithDot } from "../codes/icd10Format";
import { checkNpi } from "../codes/npi";
import { checkPos } from "../codes/placeOfService";
import { checkCptFormat, checkHcpcsFormat, checkModifierFormat } from "../codes/procedureFormats";
import { checkTaxonomyFormat } from "../codes/taxonomy";
import { plural } from "../counting";
import { addDays, daysBetween, type IsoDate } from "../dates";
import { formatMoney } from "../money";
import type { BillingProvider, Claim, ClaimLine, ScrubProblem, Severity } from "./model";

export interface ScrubRule {
  id: string;
  severity: Severity;
  title: string;
  /** Guards the file's structure: the 837P cannot carry a claim that breaks it, so it cannot be turned off. */
  required?: boolean;
  /** Checks the billing provider (Practice settings): skipped where they are not known (MEDBILL.SCRUB). */
  billing?: boolean;
}

export const SCRUB_RULES: readonly ScrubRule[] = [
  // The billing provider (Practice)
  { id: "billing-name", severity: "error", title: "Practice name missing", billing: true },
  { id: "billing-npi", severity: "error", title: "Billing NPI missing or failing its check digit", billing: true },
  { id: "billing-ein", severity: "error", title: "Tax ID (EIN) missing or malformed", billing: true },
  { id: "billing-taxonomy", severity: "error", title: "Billing taxonomy missing or malformed", billing: true },
  { id: "billing-address", severity: "error", title: "Billing address incomplete", billing: true },
  { id: "billing-zip-plus4", severity: "error", title: "Billing ZIP without its +4", billing: true },
  { id: "billing-po-box", severity: "error", title: "Billing address is a PO box", billing: true },
  // The claim
  { id: "claim-id", severity: "error", title: "ClaimID blank, over 20 characters or holding a separator", required: true },
  { id: "line-count", severity: "error", title: "No lines, or more than 50", required: true },
  { id: "claim-total", severity: "error", title: "Claim total (CLM02) is not the sum of the lines", required: true },
  { id: "diagnoses-over-12", severity: "error", title: "More than 12 diagnoses", required: true },
  { id: "frequency-payer-claim-number", severity: "error", title: "Replacement or void without the payer's claim number" },
  { id: "pos-invalid", severity: "error", title: "Place of service blank or not on the CMS list" },
  { id: "line-pos-differs", severity: "error", title: "Lines with different places of service" },
  { id: "line-provider-differs", severity: "error", title: "Lines with different rendering providers" },
  { id: "rendering-npi", severity: "error", title: "Rendering NPI failing its check digit" },
  // The patient and the payer
  { id: "patient-dob-missing", severity: "error", title: "Patient DOB missing" },
  { id: "patient-sex-missing", severity: "error", title: "Patient sex missing" },
  { id: "patient-address-missing", severity: "error", title: "Patient address incomplete" },
  { id: "dob-after-dos", severity: "error", title: "Date of birth after the date of service" },
  { id: "member-id-missing", severity: "error", title: "Member ID missing for an insurer" },
  { id: "payer-x12-id-missing", severity: "warning", title: "Payer's X12 (electronic) ID missing" },
  { id: "timely-filing", severity: "error", title: "Past the payer's timely-filing limit" },
  // The lines
  { id: "line-id", severity: "error", title: "ChargeID blank, over 50 characters or holding a separator", required: true },
  { id: "dos-future", severity: "error", title: "Date of service in the future" },
  { id: "line-charge", severity: "error", title: "Charge of $0.00 or less" },
  { id: "line-units", severity: "error", title: "Units of 0 or less" },
  { id: "procedure-code", severity: "error", title: "Procedure code not a CPT or HCPCS code" },
  { id: "hcpcs-not-valid", severity: "error", title: "HCPCS code deleted or not valid on the date of service" },
  { id: "cpt-not-listed", severity: "warning", title: "CPT code not on the office's CPT list" },
  { id: "modifier-format", severity: "error", title: "Modifier malformed" },
  { id: "modifiers-over-4", severity: "error", title: "More than 4 modifiers on a line", required: true },
  { id: "modifier-unknown", severity: "warning", title: "Letter modifier not in the HCPCS modifier list" },
  { id: "pointer-missing", severity: "error", title: "Line pointing to no diagnosis", required: true },
  { id: "pointers-over-4", severity: "error", title: "Line pointing to more than 4 diagnoses", required: true },
  { id: "pointer-to-missing-diagnosis", severity: "error", title: "Pointer to a diagnosis the claim does not have", required: true },
  { id: "duplicate-line", severity: "error", title: "Duplicate line (same patient, date, code, modifiers, provider)" },
  // The diagnoses
  { id: "icd10-format", severity: "error", title: "ICD-10-CM code malformed or missing its 7th character" },
  { id: "icd10-header", severity: "error", title: "ICD-10-CM category header (not billable) on the date of service" },
  { id: "icd10-unknown", severity: "error", title: "ICD-10-CM code not in the code set of the date of service" },
];

/**
 * The rules of a secondary or tertiary claim (coordination of benefits: claim.otherPayers), checked
 * only on such a claim. Kept apart from SCRUB_RULES, whose every rule the scrubber's table test trips
 * on the sample (primary) claim; these are tried in test/claims/secondary.test.ts and tertiary.test.ts.
 */
export const COB_SCRUB_RULES: readonly ScrubRule[] = [
  {
    id: "cob-primary-adjudication",
    severity: "error",
    title: "Secondary claim without the primary's answer on every line",
    required: true,
  },
  { id: "cob-lines-balanced", severity: "error", title: "Primary's paid and adjustments not adding up to a line's charge", required: true },
  { id: "cob-secondary-payer", severity: "error", title: "Secondary payer missing, or the same as the primary" },
  { id: "cob-secondary-member-id", severity: "error", title: "Secondary Member ID missing" },
];

const RULES = new Map([...SCRUB_RULES, ...COB_SCRUB_RULES].map((rule) => [rule.id, rule]));

export interface ScrubOptions {
  today: IsoDate;
  /** The office's code sets; without them codes are checked for format only (and the notes say so). */
  library?: CodeSetLibrary;
  /** Rule ids the practice turned off ("Scrub Rules Off" in Practice, see parseRulesOff). */
  rulesOff?: string[];
  /** Leave out the billing-provider rules: the Practice settings are not known (MEDBILL.SCRUB). */
  skipBilling?: boolean;
  /** Per table ("Charges", "Patients", "Payers"): our header -> the header the workbook uses (an alias), for `where`. */
  columns?: Record<string, Record<string, string>>;
}

export interface ScrubResult {
  claimId: string;
  status: "ready" | "warnings" | "errors";
  problems: ScrubProblem[];
}

/** Where each line was first seen, by duplicateKey: the one map of the duplicate-line check. */
export type SeenLines = Map<string, { claimId: string; lineId: string; row?: number }>;

export interface ScrubReport {
  /** One per claim, in the order given. */
  results: ScrubResult[];
  /** The rules that are off (ids), always listed with the report. */
  rulesOff: string[];
  /** Rule ids in the setting that were not turned off, and why (unknown id, a rule that cannot be). */
  rulesNotOff: string[];
  /** What could not be checked, once each: a code set not loaded. */
  notes: string[];
}

/** "billing-zip-plus4, duplicate-line" (or with semicolons, spaces, new lines) -> ids in lower case. */
export function parseRulesOff(text: string | undefined): string[] {
  if (!text) return [];
  const ids = text
    .split(/[\s,;]+/)
    .map((id) => id.trim().toLowerCase())
    .filter((id) => id !== "");
  return [...new Set(ids)];
}

/** "Charges row 14, Provider NPI: ..." for a list or a cell. */
export function describeProblem(problem: ScrubProblem): string {
  const { table, row, column } = problem.where;
  return `${table}${row === undefined ? "" : ` row ${row}`}, ${column}: ${problem.message}`;
}

/** The line's identity for the duplicate check: patient, date, code, modifiers (any order) and provider. */
export function duplicateKey(claim: Claim, line: ClaimLine): string {
  const modifiers = line.modifiers.length > 1 ? [...line.modifiers].sort().join(",") : (line.modifiers[0] ?? "");
  const provider = line.renderingNpi ?? claim.renderingNpi ?? claim.billing.npi ?? "";
  return `${claim.patient.patientId}\u0001${line.dos}\u0001${line.code}\u0001${modifiers}\u0001${provider}`;
}

/** Check one claim. Pass `context.duplicates` (one map for a batch) to catch a line repeated on another claim. */
export function scrubClaim(claim: Claim, options: ScrubOptions, context: { duplicates?: SeenLines } = {}): ScrubProblem[] {
  return new Scrub(options).claim(claim, context.duplicates ?? new Map());
}

/**
 * Check a batch: one duplicate map for all of it, so a line repeated on another claim is caught.
 * `earlierClaims` (claims already billed) are not checked, but a line of the batch that repeats one
 * of theirs is a duplicate.
 */
export function scrubClaims(claims: Claim[], options: ScrubOptions & { earlierClaims?: Claim[] }): ScrubReport {
  const scrub = new Scrub(options);
  const seen: SeenLines = new Map();
  for (const claim of options.earlierClaims ?? []) scrub.remember(claim, seen);
  const results: ScrubResult[] = new Array(claims.length);
  for (let i = 0; i < claims.length; i++) {
    const problems = scrub.claim(claims[i], seen);
    results[i] = { claimId: claims[i].claimId, status: statusOf(problems), problems };
  }
  return { results, rulesOff: scrub.rulesOff, rulesNotOff: scrub.rulesNotOff, notes: scrub.notes() };
}

export function statusOf(problems: ScrubProblem[]): ScrubResult["status"] {
  let warnings = false;
  for (const p of problems) {
    if (p.severity === "error") return "errors";
    warnings = true;
  }
  return warnings ? "warnings" : "ready";
}

const MAX_CLAIM_ID = 20;
const MAX_LINE_ID = 50;
const MAX_LINES = 50;
const MAX_DIAGNOSES = 12;
const MAX_POINTERS = 4;
const MAX_MODIFIERS = 4;
const MEDICARE_FILING_DAYS = 365;
/** The characters an X12 file uses as separators: inside an id they would cut the segment. */
const SEPARATORS = /[*~:^|>]/;
const PO_BOX = /\b(?:p\.?\s*o\.?\s*box\b|post\s+office\s+box\b|p\.?\s*o\.?\s*b\.?\s+\d|lock\s*box\b)/i;
const ZIP_PLUS4 = /^\d{5}-?\d{4}$/;
const ZIP5 = /^\d{5}$/;
const HCPCS_SHAPE = /^[A-Z]\d{4}$/;
const CPT_LIST = "CPT";

type Where = ScrubProblem["where"];
type Found = Omit<ScrubProblem, "claimId">;

/** One scrub run: the options read once, the billing provider checked once, code-set gaps counted for the notes. */
class Scrub {
  private readonly off = new Set<string>();
  readonly rulesOff: string[] = [];
  readonly rulesNotOff: string[] = [];
  private readonly today: IsoDate;
  private readonly library?: CodeSetLibrary;
  private readonly skipBilling: boolean;
  private readonly columns: Record<string, Record<string, string>>;
  private readonly hasIcd10: boolean;
  private readonly hasHcpcs: boolean;
  private readonly hasCptList: boolean;
  private readonly billingChecked = new WeakMap<BillingProvider, Found[]>();
  private readonly filingCutoffs = new Map<number, IsoDate>();
  // Codes whose existence could not be checked, counted for one note each.
  private readonly icd10YearsMissing = new Map<string, number>();
  private hcpcsNotLoaded = 0;
  private cptNotListed = 0;
  private icd10NotLoaded = 0;

  // The claim being checked.
  private problems: ScrubProblem[] = [];
  private claimId = "";

  constructor(options: ScrubOptions) {
    this.today = options.today;
    this.library = options.library;
    this.skipBilling = options.skipBilling === true;
    this.columns = options.columns ?? {};
    for (const id of options.rulesOff ?? []) {
      const rule = RULES.get(id.trim().toLowerCase());
      if (!rule) this.rulesNotOff.push(`"${id}" is not a scrub rule: it was ignored (the rule ids are listed in the scrub report)`);
      else if (rule.required) this.rulesNotOff.push(`${rule.id} cannot be turned off: the claim file could not carry such a claim`);
      else if (!(rule.billing && this.skipBilling) && !this.off.has(rule.id)) {
        this.off.add(rule.id);
        this.rulesOff.push(rule.id);
      }
    }
    this.hasIcd10 = options.library?.has("ICD10CM") ?? false;
    this.hasHcpcs = options.library?.has("HCPCS") ?? false;
    this.hasCptList = options.library?.has("LIST", CPT_LIST) ?? false;
  }

  /** Every rule's problems for one claim, claim-level first, then line by line, then the diagnoses. */
  claim(claim: Claim, seen: SeenLines): ScrubProblem[] {
    this.problems = [];
    this.claimId = claim.claimId;
    if (!this.skipBilling) for (const found of this.billing(claim.billing)) this.problems.push({ ...found, claimId: claim.claimId });
    this.claimFields(claim);
    this.patient(claim);
    this.payer(claim);
    if (claim.sequence === "S" || claim.sequence === "T" || (claim.otherPayers?.length ?? 0) > 0) this.coordination(claim);
    for (const line of claim.lines) this.line(claim, line, seen);
    this.diagnoses(claim);
    return this.problems;
  }

  /** A claim already billed: its lines are what later lines are compared with. */
  remember(claim: Claim, seen: SeenLines): void {
    if (claim.frequency !== "1") return;
    for (const line of claim.lines) {
      const key = duplicateKey(claim, line);
      if (!seen.has(key)) seen.set(key, { claimId: claim.claimId, lineId: line.lineId, row: line.sheetRow });
    }
  }

  notes(): string[] {
    const notes: string[] = [];
    if (!this.library) {
      notes.push("No code sets were given: diagnosis and procedure codes were checked for format only");
      return notes;
    }
    if (this.icd10NotLoaded > 0) {
      notes.push(
        `ICD-10-CM is not loaded: ${plural(this.icd10NotLoaded, "diagnosis code")} checked for format only (import the CMS order file in the Codes panel)`,
      );
    }
    for (const [version, count] of [...this.icd10YearsMissing].sort(([a], [b]) => a.localeCompare(b))) {
      notes.push(`ICD-10-CM ${version} is not loaded: ${plural(count, "diagnosis code")} of that fiscal year checked for format only`);
    }
    if (this.hcpcsNotLoaded > 0) {
      notes.push(
        `HCPCS Level II is not loaded: ${plural(this.hcpcsNotLoaded, "HCPCS code")} checked for format only (import the CMS HCPCS file)`,
      );
    }
    if (this.cptNotListed > 0) {
      notes.push(
        `No CPT list is loaded: ${plural(this.cptNotListed, "CPT code")} checked for format only (import your CPT list as a list named ${CPT_LIST})`,
      );
    }
    return notes;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private on(rule: string): boolean {
    return !this.off.has(rule);
  }

  private col(table: string, header: string): string {
    return this.columns[table]?.[header] ?? header;
  }

  private add(rule: string, where: Where, message: string, lineId?: string): void {
    if (this.off.has(rule)) return;
    const problem: ScrubProblem = { rule, severity: RULES.get(rule)!.severity, claimId: this.claimId, where, message };
    if (lineId !== undefined) problem.lineId = lineId;
    this.problems.push(problem);
  }

  private charges(column: string, line?: ClaimLine): Where {
    const where: Where = { table: "Charges", column: this.col("Charges", column) };
    if (line?.sheetRow !== undefined) where.row = line.sheetRow;
    return where;
  }

  // ---- the billing provider -----------------------------------------------------------------------

  /** The practice's problems, without a claim id: the same for every claim of the run, so found once. */
  private billing(billing: BillingProvider): Found[] {
    const known = this.billingChecked.get(billing);
    if (known) return known;
    const found: Found[] = [];
    const add = (rule: string, setting: string, message: string) => {
      if (this.on(rule)) found.push({ rule, severity: RULES.get(rule)!.severity, where: { table: "Practice", column: setting }, message });
    };
    if (!billing.name.trim()) add("billing-name", "Practice Name", "The practice name is blank: enter it as Practice Name in Practice");
    if (!billing.npi) add("billing-npi", "Billing NPI", "The Billing NPI is blank: enter the practice's 10-digit NPI in Practice");
    else {
      const npi = checkNpi(billing.npi);
      if (!npi.ok) add("billing-npi", "Billing NPI", `${npi.error}: correct the Billing NPI in Practice`);
    }
    if (!billing.ein) add("billing-ein", "Tax ID", "The Tax ID is blank: enter the practice's EIN (NN-NNNNNNN) in Practice");
    else {
      const ein = checkEin(billing.ein);
      if (!ein.ok) add("billing-ein", "Tax ID", `${ein.reason}: correct the Tax ID in Practice`);
    }
    if (!billing.taxonomy)
      add(
        "billing-taxonomy",
        "Taxonomy",
        "The billing taxonomy is blank: enter the practice's taxonomy code (like 207Q00000X) in Practice",
      );
    else {
      const taxonomy = checkTaxonomyFormat(billing.taxonomy);
      if (!taxonomy.ok) add("billing-taxonomy", "Taxonomy", `${taxonomy.reason}: correct the Taxonomy in Practice`);
    }
    const { address } = billing;
    const street = address.lines.filter((l) => l.trim() !== "");
    const missing = [
      street.length === 0 ? "Address" : "",
      address.city ? "" : "City",
      address.state ? "" : "State",
      address.zip ? "" : "ZIP",
    ];
    const blank = missing.filter((m) => m !== "");
    if (blank.length > 0) {
      add(
        "billing-address",
        blank[0],
        `The billing address has no ${blank.join(", ")}: fill ${blank.length === 1 ? "it" : "them"} in Practice`,
      );
    }
    const zip = address.zip?.trim();
    if (zip && !ZIP_PLUS4.test(zip)) {
      const why = ZIP5.test(zip) ? `ZIP ${zip} has no +4` : `ZIP "${zip}" is not a ZIP+4`;
      add(
        "billing-zip-plus4",
        "ZIP",
        `${why}: a claim needs the billing provider's 9-digit ZIP (like 62701-1234); enter the ZIP+4 in Practice`,
      );
    }
    const box = street.find((l) => PO_BOX.test(l));
    if (box) {
      add(
        "billing-po-box",
        "Address",
        `The billing address "${box}" is a PO box: payers need the street address where the practice is; put the PO box in Remit-To Address instead`,
      );
    }
    this.billingChecked.set(billing, found);
    return found;
  }

  // ---- the claim ----------------------------------------------------------------------------------

  private claimFields(claim: Claim): void {
    const first = claim.lines[0];
    const id = claim.claimId;
    const claimIdWhere = this.charges("ClaimID", first);
    if (id.trim() === "") this.add("claim-id", claimIdWhere, "The ClaimID is blank: give every line of the claim the same ClaimID");
    else if (id.length > MAX_CLAIM_ID) {
      this.add(
        "claim-id",
        claimIdWhere,
        `ClaimID "${id}" has ${id.length} characters: a claim's control number carries at most ${MAX_CLAIM_ID}; shorten it on every line of the claim`,
      );
    } else if (SEPARATORS.test(id)) {
      this.add(
        "claim-id",
        claimIdWhere,
        `ClaimID "${id}" holds "${SEPARATORS.exec(id)![0]}", a separator of the claim file: use letters, digits and hyphens`,
      );
    }
    const count = claim.lines.length;
    if (count === 0) this.add("line-count", claimIdWhere, "The claim has no lines: a claim needs at least one service line");
    else if (count > MAX_LINES) {
      this.add(
        "line-count",
        claimIdWhere,
        `The claim has ${count} lines: an 837P claim carries at most ${MAX_LINES}; split it into claims with their own ClaimIDs`,
      );
    }
    let sum = 0;
    for (const line of claim.lines) sum += line.charge;
    if (sum !== claim.total) {
      this.add(
        "claim-total",
        this.charges("Amount", first),
        `The claim total ${formatMoney(claim.total)} is not the sum of its lines, ${formatMoney(sum)}: the total must be rebuilt from the lines`,
      );
    }
    if ((claim.frequency === "7" || claim.frequency === "8") && !claim.payerClaimNumber?.trim()) {
      const what = claim.frequency === "7" ? "a replacement (frequency 7)" : "a void (frequency 8)";
      this.add(
        "frequency-payer-claim-number",
        this.charges("Payer Claim #", first),
        `The claim is ${what} but has no payer claim number: fill Payer Claim # with the number the payer gave the original claim`,
      );
    }
    if (this.on("pos-invalid")) {
      if (!claim.pos) {
        this.add(
          "pos-invalid",
          this.charges("POS", first),
          "POS is blank: fill the place of service (11 office, 02 or 10 telehealth, 21 inpatient...)",
        );
      } else {
        const pos = checkPos(claim.pos);
        if (!pos.ok) this.add("pos-invalid", this.charges("POS", first), `${pos.reason}: correct the POS`);
      }
    }
    if (claim.renderingNpi && this.on("rendering-npi")) {
      const npi = checkNpi(claim.renderingNpi);
      if (!npi.ok) this.add("rendering-npi", this.charges("Provider NPI", first), `${npi.error}: correct the rendering provider's NPI`);
    }
  }

  // ---- the patient and the payer ------------------------------------------------------------------

  private patient(claim: Claim): void {
    const { patient } = claim;
    const where = (column: string): Where => ({ table: "Patients", column: this.col("Patients", column) });
    if (!patient.dob)
      this.add("patient-dob-missing", where("DOB"), "The patient's DOB is blank: fill it in Patients (payers find the patient by it)");
    if (!patient.sex) this.add("patient-sex-missing", where("Sex"), "The patient's sex is blank: fill F, M or U in Patients");
    const { address } = patient;
    const blank = [
      address.lines.some((l) => l.trim() !== "") ? "" : "Address",
      address.city ? "" : "City",
      address.state ? "" : "State",
      address.zip ? "" : "ZIP",
    ].filter((m) => m !== "");
    if (blank.length > 0) {
      this.add(
        "patient-address-missing",
        where(blank[0]),
        `The patient's address has no ${blank.join(", ")}: fill ${blank.length === 1 ? "it" : "them"} in Patients`,
      );
    }
    if (patient.dob && this.on("dob-after-dos")) {
      let earliest: ClaimLine | undefined;
      for (const line of claim.lines) if (!earliest || line.dos < earliest.dos) earliest = line;
      // The DOB itself is not repeated in the message: it identifies the patient.
      if (earliest && patient.dob > earliest.dos) {
        this.add(
          "dob-after-dos",
          where("DOB"),
          `The patient's DOB is after the date of service ${earliest.dos}: correct the DOB in Patients or the DOS in Charges`,
        );
      }
    }
  }

  private payer(claim: Claim): void {
    const { payer } = claim;
    const name = payer.name || payer.payerId;
    if (payer.type === "Self-pay") return;
    // A secondary (tertiary) claim's member ID is the Secondary (Tertiary) Member ID: cob-secondary-member-id says so.
    if (!claim.patient.memberId?.trim() && !claim.otherPayers?.length) {
      this.add(
        "member-id-missing",
        { table: "Patients", column: this.col("Patients", "Primary Member ID") },
        `No member ID for ${name}: fill the patient's Primary Member ID (or Secondary Member ID when ${name} is the secondary payer) in Patients, and check that ${payer.payerId} is one of the patient's payers`,
      );
    }
    if (!payer.x12PayerId?.trim()) {
      this.add(
        "payer-x12-id-missing",
        { table: "Payers", column: this.col("Payers", "X12 Payer ID") },
        `${name} has no X12 Payer ID: the clearinghouse routes the claim by it; fill it in Payers`,
      );
    }
    const days = payer.timelyFilingDays ?? (payer.type === "Medicare" ? MEDICARE_FILING_DAYS : undefined);
    if (days === undefined || !this.on("timely-filing") || claim.lines.length === 0) return;
    let cutoff = this.filingCutoffs.get(days);
    if (cutoff === undefined) {
      cutoff = addDays(this.today, -days);
      this.filingCutoffs.set(days, cutoff);
    }
    let oldest: ClaimLine | undefined;
    for (const line of claim.lines) if (line.dos < cutoff && (!oldest || line.dos < oldest.dos)) oldest = line;
    if (oldest) {
      const source = payer.timelyFilingDays === undefined ? "Medicare's" : `${name}'s`;
      this.add(
        "timely-filing",
        this.charges("DOS", oldest),
        `Past timely filing: ${source} limit is ${days} days from the date of service, and ${oldest.dos} was ${daysBetween(oldest.dos, this.today)} days ago (the deadline was ${addDays(oldest.dos, days)}): send it only with proof of timely filing, or write it off`,
        oldest.lineId,
      );
    }
  }

  // ---- a secondary claim ----------------------------------------------------------------------------

  /**
   * The claim's payer and its member ID (the secondary's, or the tertiary's), and every prior payer's
   * answer (the primary's; for a tertiary claim the secondary's too) on every line, adding up to the
   * line's charge.
   */
  private coordination(claim: Claim): void {
    const others = claim.otherPayers ?? [];
    const patients = (column: string): Where => ({ table: "Patients", column: this.col("Patients", column) });
    const tertiary = claim.sequence === "T";
    const place = tertiary ? "tertiary" : "secondary";
    const Place = tertiary ? "Tertiary" : "Secondary";
    if (others.length === 0 || (tertiary && others.length < 2)) {
      this.add(
        "cob-primary-adjudication",
        this.charges("ClaimID", claim.lines[0]),
        others.length === 0
          ? `The claim is for a ${place} payer but carries nothing of the primary's answer: post the primary's remittance, then build the ${place} claim again`
          : "The claim is for a tertiary payer but carries nothing of the secondary's answer: post the secondary's remittance, then build the tertiary claim again",
      );
      return;
    }
    const payer = claim.payer.payerId.trim();
    const prior = others.find((o) => o.payer.payerId.trim().toLowerCase() === payer.toLowerCase());
    if (payer === "" || prior) {
      const priorPlace = others.indexOf(prior!) === 0 ? "primary" : "secondary";
      this.add(
        "cob-secondary-payer",
        patients(`${Place} PayerID`),
        payer === ""
          ? `The patient has no ${place} payer: fill ${Place} PayerID in Patients`
          : `The ${place} payer is ${payer}, the ${priorPlace} too: correct the patient's ${Place} PayerID in Patients`,
      );
    }
    if (!claim.patient.memberId?.trim()) {
      this.add(
        "cob-secondary-member-id",
        patients(`${Place} Member ID`),
        `No member ID with the ${place} payer ${claim.payer.name || payer}: fill the patient's ${Place} Member ID in Patients`,
      );
    }
    for (const other of others) {
      const answers = new Map(other.lines.map((l) => [l.lineId, l]));
      for (const line of claim.lines) {
        const answer = answers.get(line.lineId);
        if (!answer) {
          this.add(
            "cob-primary-adjudication",
            this.charges("ChargeID", line),
            `${other.payer.payerId} has not answered this line yet: post its payment or denial before billing the ${place}`,
            line.lineId,
          );
          continue;
        }
        let adjusted = 0;
        for (const a of answer.adjustments) adjusted += a.amount;
        if (answer.paid + adjusted !== line.charge) {
          this.add(
            "cob-lines-balanced",
            this.charges("Amount", line),
            `${other.payer.payerId} paid ${formatMoney(answer.paid)} and adjusted ${formatMoney(adjusted)} on this line, ${formatMoney(answer.paid + adjusted)}, not its charge of ${formatMoney(line.charge)}: correct the postings in Postings before billing the ${place}`,
            line.lineId,
          );
        }
      }
    }
  }

  // ---- the lines ----------------------------------------------------------------------------------

  private line(claim: Claim, line: ClaimLine, seen: SeenLines): void {
    const id = line.lineId;
    if (id.trim() === "" || id.length > MAX_LINE_ID || SEPARATORS.test(id)) {
      const why =
        id.trim() === ""
          ? "The ChargeID is blank"
          : id.length > MAX_LINE_ID
            ? `ChargeID "${id}" has ${id.length} characters (at most ${MAX_LINE_ID})`
            : `ChargeID "${id}" holds "${SEPARATORS.exec(id)![0]}", a separator of the claim file`;
      this.add(
        "line-id",
        this.charges("ChargeID", line),
        `${why}: the line's id goes on the claim so the payment comes back to it; fix it`,
        id,
      );
    }
    if (line.dos > this.today) {
      this.add(
        "dos-future",
        this.charges("DOS", line),
        `The date of service ${line.dos} is after today (${this.today}): a service is billed once it is done; correct the DOS`,
        id,
      );
    }
    if (!(line.charge > 0)) {
      this.add(
        "line-charge",
        this.charges("Amount", line),
        `The charge is ${formatMoney(line.charge)}: a line's charge must be more than $0.00; enter the fee`,
        id,
      );
    }
    if (!(line.units > 0)) {
      this.add("line-units", this.charges("Units", line), `Units are ${line.units}: a line needs more than 0 units`, id);
    }
    if (claim.pos !== undefined && line.pos !== undefined && line.pos !== claim.pos) {
      this.add(
        "line-pos-differs",
        this.charges("POS", line),
        `This line's POS ${line.pos} is not the claim's (${claim.pos}, from its first line): lines of one claim share one place of service; correct the POS or give this line its own ClaimID`,
        id,
      );
    }
    if (line.renderingNpi !== undefined && line.renderingNpi !== claim.renderingNpi) {
      this.add(
        "line-provider-differs",
        this.charges("Provider NPI", line),
        `This line's provider ${line.renderingNpi} is not the claim's (${claim.renderingNpi ?? "none"}, from its first line): lines of one claim share one rendering provider; correct the Provider NPI or give this line its own ClaimID`,
        id,
      );
      if (this.on("rendering-npi")) {
        const npi = checkNpi(line.renderingNpi);
        if (!npi.ok)
          this.add("rendering-npi", this.charges("Provider NPI", line), `${npi.error}: correct the rendering provider's NPI`, id);
      }
    }
    this.procedure(line);
    this.modifiers(line);
    this.pointers(claim, line);
    if (claim.frequency === "1" && this.on("duplicate-line")) {
      const key = duplicateKey(claim, line);
      const first = seen.get(key);
      if (!first) seen.set(key, { claimId: claim.claimId, lineId: id, row: line.sheetRow });
      else if (first.claimId !== claim.claimId || first.lineId !== id) {
        const where =
          first.claimId === claim.claimId ? `line ${first.lineId} of this claim` : `line ${first.lineId} of claim ${first.claimId}`;
        const row = first.row === undefined ? "" : ` (Charges row ${first.row})`;
        this.add(
          "duplicate-line",
          this.charges("Code", line),
          `Same patient, date, code, modifiers and provider as ${where}${row}: payers deny duplicates; delete one, or when the service really was repeated add the modifier that says so (76, 77 or 91)`,
          id,
        );
      }
    }
  }

  private procedure(line: ClaimLine): void {
    const code = line.code;
    const dos = line.dos;
    if (HCPCS_SHAPE.test(code)) {
      const hcpcs = checkHcpcsFormat(code);
      if (!hcpcs.ok) {
        this.add("procedure-code", this.charges("Code", line), `${hcpcs.reason}: correct the code`, line.lineId);
        return;
      }
      if (!this.on("hcpcs-not-valid") || !this.library) return;
      if (!this.hasHcpcs) {
        this.hcpcsNotLoaded++;
        return;
      }
      const answer = this.library.hcpcs(code, dos);
      if (answer.status === "terminated") {
        this.add(
          "hcpcs-not-valid",
          this.charges("Code", line),
          `${code} was discontinued on ${answer.terminated}: it is not valid on ${dos}; use the code that replaced it`,
          line.lineId,
        );
      } else if (answer.status === "unknown") {
        this.add(
          "hcpcs-not-valid",
          this.charges("Code", line),
          `${code} is not in the HCPCS Level II code set on ${dos}: correct the code`,
          line.lineId,
        );
      } else if (answer.status === "not-loaded") this.hcpcsNotLoaded++;
      return;
    }
    const cpt = checkCptFormat(code);
    if (!cpt.ok) {
      this.add("procedure-code", this.charges("Code", line), `${cpt.reason}: correct the code`, line.lineId);
      return;
    }
    if (!this.on("cpt-not-listed") || !this.library) return;
    if (!this.hasCptList) this.cptNotListed++;
    else if (this.library.listed(CPT_LIST, cpt.code).status !== "listed") {
      this.add(
        "cpt-not-listed",
        this.charges("Code", line),
        `${cpt.code} is not in your CPT list: check the code, or add it to the list`,
        line.lineId,
      );
    }
  }

  private modifiers(line: ClaimLine): void {
    const { modifiers } = line;
    if (modifiers.length > MAX_MODIFIERS) {
      this.add(
        "modifiers-over-4",
        this.charges("Mod1", line),
        `The line has ${modifiers.length} modifiers: a line carries at most ${MAX_MODIFIERS}; keep the ones that change payment`,
        line.lineId,
      );
    }
    for (let i = 0; i < modifiers.length; i++) {
      const column = `Mod${Math.min(i + 1, MAX_MODIFIERS)}`;
      const format = checkModifierFormat(modifiers[i]);
      if (!format.ok) {
        this.add("modifier-format", this.charges(column, line), `${format.reason}: correct ${column}`, line.lineId);
        continue;
      }
      // Numeric modifiers (25, 59) are CPT's: the HCPCS file does not list them.
      if (!this.library || !this.hasHcpcs || /^\d\d$/.test(format.code) || !this.on("modifier-unknown")) continue;
      if (this.library.hcpcsModifier(format.code).status === "unknown") {
        this.add(
          "modifier-unknown",
          this.charges(column, line),
          `Modifier ${format.code} is not in the HCPCS Level II modifier list: check it`,
          line.lineId,
        );
      }
    }
  }

  private pointers(claim: Claim, line: ClaimLine): void {
    const { pointers } = line;
    if (pointers.length === 0) {
      const fix = claim.diagnoses.length === 0 ? "the claim has no diagnosis at all; fill Dx1" : "fill Dx1 on the line";
      this.add("pointer-missing", this.charges("Dx1", line), `The line points to no diagnosis: ${fix}`, line.lineId);
      return;
    }
    if (pointers.length > MAX_POINTERS) {
      this.add(
        "pointers-over-4",
        this.charges("Dx1", line),
        `The line points to ${pointers.length} diagnoses: a line may point to at most ${MAX_POINTERS}; keep the ones that support the service`,
        line.lineId,
      );
    }
    for (let i = 0; i < pointers.length; i++) {
      const p = pointers[i];
      if (Number.isInteger(p) && p >= 1 && p <= claim.diagnoses.length) continue;
      this.add(
        "pointer-to-missing-diagnosis",
        this.charges(`Dx${Math.min(i + 1, MAX_POINTERS)}`, line),
        `Diagnosis pointer ${p} points to no diagnosis: the claim has ${plural(claim.diagnoses.length, "diagnosis", "diagnoses")}; point to one of them`,
        line.lineId,
      );
    }
  }

  // ---- the diagnoses ------------------------------------------------------------------------------

  private diagnoses(claim: Claim): void {
    const { diagnoses } = claim;
    if (diagnoses.length === 0) return;
    // The first line that points to each diagnosis (and through which of its Dx columns): where to fix it.
    const firstUse: ({ line: ClaimLine; slot: number } | undefined)[] = new Array(diagnoses.length);
    for (const line of claim.lines) {
      for (let slot = 0; slot < line.pointers.length; slot++) {
        const i = line.pointers[slot] - 1;
        if (i >= 0 && i < diagnoses.length && firstUse[i] === undefined) firstUse[i] = { line, slot };
      }
    }
    const where = (i: number): Where => {
      const use = firstUse[i];
      return this.charges(`Dx${Math.min((use?.slot ?? 0) + 1, MAX_POINTERS)}`, use?.line ?? claim.lines[0]);
    };
    if (diagnoses.length > MAX_DIAGNOSES) {
      const extra = diagnoses.slice(MAX_DIAGNOSES);
      this.add(
        "diagnoses-over-12",
        where(MAX_DIAGNOSES),
        `The claim has ${diagnoses.length} diagnoses: a claim carries at most ${MAX_DIAGNOSES}; ${extra.join(", ")} must go (move the lines that need ${extra.length === 1 ? "it" : "them"} to a claim of their own)`,
      );
    }
    const checkSets = this.library !== undefined && (this.on("icd10-header") || this.on("icd10-unknown"));
    for (let i = 0; i < diagnoses.length; i++) {
      const format = checkIcd10Format(diagnoses[i]);
      if (!format.ok) {
        this.add("icd10-format", where(i), `${format.reason}: correct the diagnosis`, firstUse[i]?.line.lineId);
        continue;
      }
      if (!checkSets) continue;
      if (!this.hasIcd10) {
        this.icd10NotLoaded++;
        continue;
      }
      // Each fiscal year the lines pointing to it fall in (nearly always one).
      let lastYear = -1;
      for (const line of claim.lines) {
        if (!line.pointers.includes(i + 1) && firstUse[i] !== undefined) continue;
        const year = icd10FiscalYear(line.dos);
        if (year === lastYear) continue;
        lastYear = year;
        this.icd10OnDate(format.code, line, where(i));
        if (firstUse[i] === undefined) break;
      }
    }
  }

  private icd10OnDate(code: string, line: ClaimLine, where: Where): void {
    const answer = this.library!.icd10(code, line.dos);
    const shown = icd10WithDot(code);
    if (answer.status === "header") {
      this.add(
        "icd10-header",
        where,
        `${shown} is a category header, not billable on ${line.dos} (${answer.version} ICD-10-CM): use a complete code under it`,
        line.lineId,
      );
    } else if (answer.status === "unknown") {
      this.add(
        "icd10-unknown",
        where,
        `${shown} is not in the ${answer.version} ICD-10-CM code set (date of service ${line.dos}): correct the code`,
        line.lineId,
      );
    } else if (answer.status === "not-loaded") {
      if (answer.version === undefined) this.icd10NotLoaded++;
      else this.icd10YearsMissing.set(answer.version, (this.icd10YearsMissing.get(answer.version) ?? 0) + 1);
    }
  }
}
