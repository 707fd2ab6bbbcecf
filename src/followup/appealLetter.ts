// An appeal letter for a denied or underpaid claim (issue 15), as data: the sheet (appealSheet.ts), the
// PDF (appealPdf.ts) and the terminal (`medbill appeal`) draw this one model, so all three say the same.
//
// Minimum necessary (DOMAIN.md, Privacy): the payer gets what it needs to find the claim and judge the
// appeal, and nothing more.
// - The practice block: name, address, phone, Billing NPI and Tax ID (Practice table, read the way a
//   claim's billing provider is: claims/billingProvider.ts).
// - The payer: its name only (Payers).
// - "Re:": the patient's name, date of birth and member ID with this payer (Patients: the primary or
//   secondary member ID whose PayerID is the claim's), our ClaimID, the payer's claim number when
//   Charges has one ("Payer Claim #": the ERA's claim control number is not kept anywhere), and the
//   claim's dates of service. No address, sex or phone of the patient.
// - The lines appealed: date of service, code and modifiers, units, billed, paid by the payer; for an
//   underpaid line the contract's amount and the shortfall, for a denied line the group and reason code
//   with MedBill's words for it. Diagnosis codes only when the biller asks (`withDiagnoses`).
// - A reason paragraph per denial reason and one for the underpaid lines, made from the items, then
//   the biller's own paragraph when given, a closing with the practice's phone, and a signature.
// Which lines: those of the claim on the Denied or Underpaid worklist as of the lists' date (the
// letter's date), or the ones the biller picks among them. A claim the letter cannot be written for
// (not in Charges, self-pay, nothing to appeal, a picked line not on a list) is refused in a sentence.
// Pure: the caller reads the tables (readFollowUp, then APPEAL_TABLES).
import { listInWords } from "../sentences";
import { claimBooksFromTables } from "../claims/claimBooks";
import type { Claim, ClaimLine } from "../claims/model";
import { icd10WithDot } from "../codes/icd10Format";
import { plural } from "../counting";
import { usDate, type DateSystem, type IsoDate } from "../dates";
import type { NextAction } from "../era/adjustmentReasons";
import { LineTally } from "../ledger/balances";
import type { Ledger } from "../ledger/ledger";
import { formatMoney, type Cents } from "../money";
import { fail, ok, type Parsed } from "../result";
import { cityStateZip } from "../statements/statementBooks";
import type { RawTable } from "../workbook/port";
import { Patients } from "../workbook/tables";
import type { DeniedItem, FollowUpLists, UnderpaidItem } from "./worklists";

/** The tables a letter reads besides the follow-up's (readFollowUp): the patient's name, date of birth and member ID. */
export const APPEAL_TABLES = [Patients.name];

export interface AppealPractice {
  name: string;
  /** Street lines, then "City, ST ZIP". */
  addressLines: string[];
  phone?: string;
  billingNpi?: string;
  taxId?: string;
}

export interface AppealDenial {
  /** "CO-50". */
  code: string;
  /** MedBill's words for it (or the office's own list's): "not medically necessary, in the payer's judgment". */
  words: string;
  action: NextAction;
  deniedOn: IsoDate;
}

export interface AppealShortfall {
  /** What the contract allows for the line: rate × units. */
  expected: Cents;
  /** What the payer allowed: paid + patient responsibility. */
  allowed: Cents;
  /** expected − allowed, positive. */
  shortfall: Cents;
}

export interface AppealLine {
  chargeId: string;
  dos: IsoDate;
  code: string;
  modifiers: string[];
  units: number;
  billed: Cents;
  /** What the claim's payer has paid on the line as of the letter's date. */
  paid: Cents;
  /** The line is on the Denied list. */
  denial?: AppealDenial;
  /** The line is on the Underpaid list. */
  underpaid?: AppealShortfall;
  /** The line's diagnosis codes, with their dot: only in a letter made `withDiagnoses`. */
  diagnoses?: string[];
}

export interface AppealLetter {
  /** The letter's date: the as-of date of the worklists it was made from. */
  date: IsoDate;
  practice: AppealPractice;
  /** Nothing about the payer but its name. */
  payer: { payerId: string; name: string };
  patient: { name: string; dob?: IsoDate; memberId?: string };
  claimId: string;
  /** The payer's number for the claim (Charges "Payer Claim #"). */
  payerClaimNumber?: string;
  /** First and last date of service of the claim. */
  servicesFrom: IsoDate;
  servicesTo: IsoDate;
  lines: AppealLine[];
  totals: { billed: Cents; paid: Cents; expected: Cents; shortfall: Cents };
  /** What is asked, in one paragraph. */
  opening: string;
  /** One paragraph per denial reason (in the order the lines come), then one for the underpaid lines. */
  reasons: string[];
  /** The biller's own paragraph, as typed. */
  billerReason?: string;
  closing: string;
  withDiagnoses: boolean;
  /** What the letter lacks that the payer may need (a member ID, the practice's NPI), in a biller's words. */
  gaps: string[];
}

export interface AppealOptions {
  /** ChargeIDs of the lines to appeal (each on the claim, and denied or underpaid); every such line when left out. */
  lines?: string[];
  /** The biller's own paragraph. */
  reason?: string;
  /** List each line's diagnosis codes (left off unless asked: minimum necessary). */
  withDiagnoses?: boolean;
}

/** What a letter is made from: the follow-up read of the workbook (readFollowUp) with the Patients table added. */
export interface AppealBooks {
  ledger: Ledger;
  lists: Pick<FollowUpLists, "asOf" | "denied" | "underpaid">;
  /** The tables as read: the follow-up's (Charges, Payers, Practice...) and APPEAL_TABLES. */
  tables: Record<string, RawTable | undefined>;
  dateSystem: DateSystem;
}

/** The letter for one claim, or why there is none, in a sentence. */
export function appealLetter(books: AppealBooks, claimId: string, options: AppealOptions = {}): Parsed<AppealLetter> {
  const asOf = books.lists.asOf;
  if (!books.tables[Patients.name]) {
    return fail(
      "The workbook has no Patients table (run Setup in the add-in to create it): an appeal needs the patient's name, date of birth and member ID.",
    );
  }
  const built = claimBooksFromTables(books.tables, books.dateSystem, { only: [claimId] });
  const claim = built.claims.find((c) => c.claimId === claimId);
  if (!claim) return fail(noClaim(claimId, built, books.ledger));

  const denied = new Map<string, DeniedItem>();
  for (const d of books.lists.denied) if (d.claimId === claimId) denied.set(d.chargeId, d);
  const underpaid = new Map<string, UnderpaidItem>();
  for (const u of books.lists.underpaid ?? []) if (u.claimId === claimId) underpaid.set(u.chargeId, u);
  const onList = (line: ClaimLine) => denied.has(line.lineId) || underpaid.has(line.lineId);

  let chosen: ClaimLine[];
  if (options.lines && options.lines.length > 0) {
    chosen = [];
    for (const id of new Set(options.lines)) {
      const line = claim.lines.find((l) => l.lineId === id);
      if (!line) return fail(`Line ${id} is not on claim ${claimId}: its lines are ${listInWords(claim.lines.map((l) => l.lineId))}.`);
      if (!onList(line)) {
        return fail(
          `Line ${id} of claim ${claimId} is not on the Denied or Underpaid list as of ${asOf} (a line closed or written off is off its list): there is nothing on it to appeal.`,
        );
      }
      chosen.push(line);
    }
    chosen.sort((a, b) => claim.lines.indexOf(a) - claim.lines.indexOf(b));
  } else {
    chosen = claim.lines.filter(onList);
    if (chosen.length === 0) {
      return fail(`Claim ${claimId} has no line on the Denied or Underpaid list as of ${asOf}: there is nothing to appeal.`);
    }
  }

  const tally = new LineTally(books.ledger, asOf);
  const withDiagnoses = options.withDiagnoses === true;
  const lines = chosen.map((l) => appealLine(l, claim, denied.get(l.lineId), underpaid.get(l.lineId), tally, withDiagnoses));
  const practice = practiceOf(claim);
  const dates = claim.lines.map((l) => l.dos).sort();
  const letter: AppealLetter = {
    date: asOf,
    practice,
    payer: { payerId: claim.payer.payerId, name: claim.payer.name },
    patient: { name: `${claim.patient.firstName} ${claim.patient.lastName}`.trim() },
    claimId,
    servicesFrom: dates[0],
    servicesTo: dates[dates.length - 1],
    lines,
    totals: {
      billed: sum(lines, (l) => l.billed),
      paid: sum(lines, (l) => l.paid),
      expected: sum(lines, (l) => l.underpaid?.expected ?? 0),
      shortfall: sum(lines, (l) => l.underpaid?.shortfall ?? 0),
    },
    opening: opening(lines, claimId),
    reasons: [...denialParagraphs(lines), ...underpaidParagraph(lines)],
    closing: closing(practice),
    withDiagnoses,
    gaps: [],
  };
  if (claim.patient.dob !== undefined) letter.patient.dob = claim.patient.dob;
  if (claim.patient.memberId !== undefined) letter.patient.memberId = claim.patient.memberId;
  if (claim.payerClaimNumber !== undefined) letter.payerClaimNumber = claim.payerClaimNumber;
  const reason = options.reason?.trim();
  if (reason) letter.billerReason = reason;
  letter.gaps = gaps(letter, claim);
  return ok(letter);
}

/** Why the claim could not be made into a letter: the problem that held it back, or that it is not there. */
function noClaim(claimId: string, built: ReturnType<typeof claimBooksFromTables>, ledger: Ledger): string {
  const problem = built.problems.find((p) => p.claimId === claimId);
  if (problem) {
    const row = problem.where.row === undefined ? "" : ` row ${problem.where.row}`;
    return `Claim ${claimId} has a problem to fix first (${problem.where.table}${row}, ${problem.where.column}): ${problem.message}.`;
  }
  const line = ledger.chargeColumn("claimId").indexOf(claimId);
  if (line >= 0 && ledger.columns.lineSelfPay[line] === 1) return `Claim ${claimId} is billed to self-pay: there is no payer to appeal to.`;
  return `Claim ${claimId} is not in the Charges table (a ClaimID is matched exactly).`;
}

function appealLine(
  line: ClaimLine,
  claim: Claim,
  denied: DeniedItem | undefined,
  underpaid: UnderpaidItem | undefined,
  tally: LineTally,
  withDiagnoses: boolean,
): AppealLine {
  const item = denied ?? underpaid!;
  tally.tally(item.line);
  const out: AppealLine = {
    chargeId: line.lineId,
    dos: line.dos,
    code: line.code,
    modifiers: line.modifiers,
    units: line.units,
    billed: line.charge,
    paid: tally.insurancePaid,
  };
  if (denied) {
    const { code, words, action } = denied.meaning;
    out.denial = { code, words, action, deniedOn: denied.deniedOn };
  }
  if (underpaid) out.underpaid = { expected: underpaid.expected, allowed: underpaid.allowed, shortfall: -underpaid.variance };
  if (withDiagnoses) {
    out.diagnoses = line.pointers
      .map((p) => claim.diagnoses[p - 1])
      .filter((d): d is string => d !== undefined)
      .map((d) => icd10WithDot(d.toUpperCase().replace(/[.\s]/g, "")));
  }
  return out;
}

function practiceOf(claim: Claim): AppealPractice {
  const { billing } = claim;
  const cityLine = cityStateZip(billing.address.city, billing.address.state, billing.address.zip);
  const practice: AppealPractice = {
    name: billing.name,
    addressLines: cityLine ? [...billing.address.lines, cityLine] : billing.address.lines,
  };
  if (billing.phone !== undefined) practice.phone = billing.phone;
  if (billing.npi !== undefined) practice.billingNpi = billing.npi;
  if (billing.ein !== undefined) practice.taxId = billing.ein;
  return practice;
}

// ---- the words -----------------------------------------------------------------------------------

/** "99214-25": a line's code with its modifiers, as the payer's remittance shows it. */
export function codeWithModifiers(line: Pick<AppealLine, "code" | "modifiers">): string {
  return [line.code, ...line.modifiers].join("-");
}

/** "99214-25 on 05/02/2026". */
function service(line: AppealLine): string {
  return `${codeWithModifiers(line)} on ${usDate(line.dos)}`;
}

/** "05/01/2026 - 05/02/2026", or the one date. */
export function servicePeriod(letter: Pick<AppealLetter, "servicesFrom" | "servicesTo">): string {
  const { servicesFrom: from, servicesTo: to } = letter;
  return from === to ? usDate(from) : `${usDate(from)} - ${usDate(to)}`;
}

/** The "Re:" block as label and value, in the order a payer's reviewer looks for them (blank ones left out). */
export function regarding(letter: AppealLetter): [label: string, value: string][] {
  const rows: [string, string | undefined][] = [
    ["Patient", letter.patient.name],
    ["Date of birth", letter.patient.dob && usDate(letter.patient.dob)],
    ["Member ID", letter.patient.memberId],
    ["Our claim number", letter.claimId],
    ["Your claim number", letter.payerClaimNumber],
    ["Dates of service", servicePeriod(letter)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== "");
}

/** The practice block's lines under its name: address, phone, Billing NPI, Tax ID. */
export function practiceLines(practice: AppealPractice): string[] {
  return [
    ...practice.addressLines,
    ...(practice.phone ? [`Phone ${practice.phone}`] : []),
    ...(practice.billingNpi ? [`Billing NPI ${practice.billingNpi}`] : []),
    ...(practice.taxId ? [`Tax ID ${practice.taxId}`] : []),
  ];
}

/** What is said under a line in the lines table: its denial in words, and its diagnoses when asked for. */
export function lineNotes(line: AppealLine): string[] {
  const notes: string[] = [];
  if (line.denial) notes.push(`Denied ${line.denial.code} on ${usDate(line.denial.deniedOn)}: ${line.denial.words}`);
  if (line.diagnoses) notes.push(line.diagnoses.length > 0 ? `Diagnoses: ${line.diagnoses.join(", ")}` : "Diagnoses: none on the line");
  return notes;
}

/** The heading of the letter's subject. */
export const APPEAL_TITLE = "Request for reconsideration";
export const SALUTATION = "Dear Appeals Department:";
export const SIGN_OFF = "Sincerely,";
export const SIGNATURE_LINE = "________________________________";

/** Who signs: the billing office of the practice. */
export function signature(letter: AppealLetter): string[] {
  return ["Billing office", ...(letter.practice.name ? [letter.practice.name] : [])];
}

function opening(lines: AppealLine[], claimId: string): string {
  const denied = lines.some((l) => l.denial);
  const under = lines.some((l) => l.underpaid);
  const one = lines.length === 1;
  const what =
    denied && under
      ? "denied or paid less than our contract with you provides"
      : denied
        ? "denied"
        : "paid less than our contract with you provides";
  return (
    `We ask you to reconsider your decision on the ${one ? "service" : "services"} of claim ${claimId} listed below, ` +
    `which ${one ? "was" : "were"} ${what}.`
  );
}

/** What a reviewer is asked to see, by the kind of denial (the reason codes of era/adjustmentReasons.ts). */
const ASKS: readonly [reasons: readonly string[], one: string, many: string][] = [
  [
    ["50", "51", "55", "56", "167"],
    "The service was medically necessary for this patient: the medical records that show it are enclosed.",
    "The services were medically necessary for this patient: the medical records that show it are enclosed.",
  ],
  [
    ["150"],
    "The level of service billed is supported by the documentation: the medical records are enclosed.",
    "The levels of service billed are supported by the documentation: the medical records are enclosed.",
  ],
  [
    ["151"],
    "The number of services was medically necessary for the patient's condition: the medical records are enclosed.",
    "The number of services was medically necessary for the patient's condition: the medical records are enclosed.",
  ],
  [
    ["15", "39", "197", "198"],
    "The service was authorized, or could not wait for authorization: the authorization and the medical records are enclosed.",
    "The services were authorized, or could not wait for authorization: the authorization and the medical records are enclosed.",
  ],
  [
    ["54"],
    "An assistant surgeon was medically necessary for this procedure: the operative report is enclosed.",
    "An assistant surgeon was medically necessary for these procedures: the operative reports are enclosed.",
  ],
];
const GENERAL_ASK: [string, string] = [
  "We believe the service was billed correctly and should be paid: please review the claim with the enclosed documentation.",
  "We believe the services were billed correctly and should be paid: please review the claim with the enclosed documentation.",
];

/** One paragraph per denial code, its lines in the order they come. */
function denialParagraphs(lines: AppealLine[]): string[] {
  const byCode = new Map<string, AppealLine[]>();
  for (const line of lines) {
    if (!line.denial) continue;
    const list = byCode.get(line.denial.code);
    if (list) list.push(line);
    else byCode.set(line.denial.code, [line]);
  }
  return [...byCode.values()].map((group) => {
    const { code, words } = group[0].denial!;
    const reason = code.split("-").pop()!;
    const entry = ASKS.find(([reasons]) => reasons.includes(reason));
    const [one, many] = entry ? [entry[1], entry[2]] : GENERAL_ASK;
    return `We ask you to reconsider the denial of ${listInWords(group.map(service))} (${code}: ${words}). ${group.length === 1 ? one : many}`;
  });
}

function underpaidParagraph(lines: AppealLine[]): string[] {
  const under = lines.filter((l) => l.underpaid);
  if (under.length === 0) return [];
  const sentences = under.map((l) => {
    const { expected, allowed, shortfall } = l.underpaid!;
    return `For ${service(l)} you allowed ${formatMoney(allowed)}, ${formatMoney(shortfall)} less than our contract's ${formatMoney(expected)}.`;
  });
  const total = sum(under, (l) => l.underpaid!.shortfall);
  const one = under.length === 1;
  return [
    `${sentences.join(" ")} Please reprocess ${one ? "this line at the contracted rate" : "these lines at the contracted rates"} ` +
      `and pay the difference of ${formatMoney(total)}.`,
  ];
}

function closing(practice: AppealPractice): string {
  const contact = practice.phone
    ? `If you have any question, please call our billing office at ${practice.phone}.`
    : "If you have any question, please write to our billing office at the address above.";
  return `Please reprocess the claim and send us a corrected remittance advice. ${contact} Thank you for your review.`;
}

/** What the payer may need that the workbook did not give. */
function gaps(letter: AppealLetter, claim: Claim): string[] {
  const out: string[] = [];
  const { practice, patient } = letter;
  if (!practice.name) out.push(`The Practice table has no "Practice Name": the letter names no practice.`);
  if (practice.addressLines.length === 0) out.push(`The Practice table has no "Address": the letter shows no address to answer to.`);
  if (!practice.phone) out.push(`The Practice table has no "Phone": the letter gives no number to call.`);
  if (!practice.billingNpi) out.push(`The Practice table has no "Billing NPI": the payer may not find the claim without it.`);
  if (!practice.taxId) out.push(`The Practice table has no "Tax ID": the payer may not find the claim without it.`);
  if (patient.dob === undefined) out.push(`Patients has no date of birth for ${claim.patient.patientId}.`);
  if (patient.memberId === undefined) {
    out.push(
      `Patients has no member ID of ${claim.patient.patientId} with payer ${claim.payer.payerId} (Primary or Secondary Member ID beside that PayerID): the payer may not find the claim without it.`,
    );
  }
  return out;
}

function sum<T>(items: T[], pick: (item: T) => Cents): Cents {
  return items.reduce((n, item) => n + pick(item), 0);
}

/** "2 lines (1 denied, 1 underpaid)": the letter's lines counted, for messages and the Audit row. */
export function linesCounted(letter: AppealLetter): string {
  const denied = letter.lines.filter((l) => l.denial).length;
  const under = letter.lines.filter((l) => l.underpaid).length;
  const parts = [denied > 0 ? `${denied} denied` : "", under > 0 ? `${under} underpaid` : ""].filter(Boolean);
  return `${plural(letter.lines.length, "line")} (${parts.join(", ")})`;
}
