// The 835 remittance (005010X221A1) as a biller reads it: the payment (BPR, TRN), who paid whom
// (N1*PR, N1*PE), each claim (CLP, its CAS, patient and dates), each service line (SVC, its date,
// line id, allowed amount, CAS and remark codes) and the provider-level adjustments (PLB), amounts in
// cents. This module reads what the file says and nothing more: balancing.ts checks the sums, and
// the posting plan decides what to do with them. DOMAIN.md "X12 835 remittance".
import { parseDate, type IsoDate } from "../dates";
import { parseMoney, type Cents } from "../money";
import { transactionName } from "../x12/transactionNames";
import {
  components,
  streamX12,
  WarningList,
  type X12Delimiters,
  type X12Interchange,
  type X12Listener,
  type X12Segment,
  type X12SegmentView,
  type X12Transaction,
  type X12Warning,
} from "../x12/x12Reader";

export interface CasAdjustment {
  group: "CO" | "PR" | "OA" | "PI";
  reason: string;
  amount: Cents;
  quantity?: number;
}

export interface RemitLine {
  /** SVC01-1: HC (CPT/HCPCS), AD, ER, IV, N4, NU, WK, HP. */
  qualifier: string;
  code: string;
  modifiers: string[];
  /** SVC06: the code as billed, when the payer paid under another one. */
  originalCode?: string;
  originalModifiers?: string[];
  charge: Cents;
  paid: Cents;
  units?: number;
  /** DTM*472, else the start of a DTM*150/151 service period. */
  dos?: IsoDate;
  /** REF*6R: the line id we sent on the claim. */
  lineId?: string;
  /** AMT*B6: not part of balancing. */
  allowed?: Cents;
  adjustments: CasAdjustment[];
  /** LQ*HE remark codes (N130, M15...). */
  remarks: string[];
  position: number;
}

export interface RemitClaim {
  /** CLP01: the ClaimID we sent. */
  patientControl: string;
  /** CLP02: 1/2/3 processed, 4 denied, 19-21 forwarded, 22 reversal, 23 not our claim. */
  status: string;
  charge: Cents;
  paid: Cents;
  patientResp: Cents;
  filingIndicator?: string;
  payerClaimNumber?: string;
  /** NM1*QC, "LAST, FIRST M": shown in the pane only, never logged. */
  patientName?: string;
  serviceFrom?: IsoDate;
  serviceTo?: IsoDate;
  adjustments: CasAdjustment[];
  lines: RemitLine[];
  position: number;
}

export interface PlbItem {
  providerId: string;
  fiscalDate?: IsoDate;
  /** PLB03-1: L6 interest, WO recoupment, FB forwarding balance, 72 authorized return... */
  reason: string;
  reference?: string;
  /** As in the file: positive reduces the payment, negative (interest) adds to it. */
  amount: Cents;
}

export interface Remittance {
  /** ST02 */
  control: string;
  version?: string;
  /** BPR: the amount as written (never negative); creditDebit "D" means the payer takes it back; date is BPR16. */
  payment: { handling: string; amount: Cents; creditDebit: string; method: string; date?: IsoDate };
  /** DTM*405 in the header: the date the payer produced the remittance. */
  productionDate?: IsoDate;
  /** The envelope's date: GS04, else ISA09 (read as 20YY). */
  envelopeDate?: { date: IsoDate; from: "GS04" | "ISA09" };
  /** TRN02 (check or EFT trace number) and TRN03: with the payer, the remittance's identity. */
  trace: { number: string; payerId: string };
  payer: { name: string; id?: string };
  payee: { name: string; npi?: string; taxId?: string };
  claims: RemitClaim[];
  plb: PlbItem[];
}

export type RemittanceRead =
  { ok: true; remittances: Remittance[]; isaControl?: string; warnings: X12Warning[] } | { ok: false; error: string };

const SUPPORTED_VERSION = "005010X221";
const CAS_GROUPS = new Set(["CO", "PR", "OA", "PI"]);
/** SVC01-1 product/service id qualifiers: how a composite written with the wrong separator is still recognised. */
const PROCEDURE_QUALIFIERS = new Set(["HC", "AD", "ER", "IV", "N4", "NU", "WK", "HP"]);
/** PLB03-1 adjustment reason codes, for the same purpose in PLB composites. */
const PLB_REASONS = new Set(
  "50 51 72 90 AH AM AP B2 B3 BD BN C5 CR CS CT CV CW DM E3 FB FC GO HM IP IR IS J1 L3 L6 LE LS OA OB PI PL RA RE SL TL WO WU".split(" "),
);
/** Component separators seen in the wild, tried when the declared one does not split a composite. */
const OTHER_COMPONENT_SEPARATORS = [":", ">", "^", "|", "\\", "<", "!", "+"];

/**
 * Reads an 835 file's text into its remittances (one per ST/SE). Refuses files that are not 5010 835s.
 * The same as readRemittances(readX12(text)), read in one pass: each segment goes to its remittance
 * as the tokenizer cuts it, so the file's segments are never all held in memory at once.
 */
export function readRemittanceFile(text: string): RemittanceRead {
  const model = new RemittanceModel();
  const read = streamX12(text, model);
  if (!read.ok) return read;
  return model.result(read.interchange, read.warnings);
}

/** The model half of readRemittanceFile, for a file already tokenized (and for the benchmark to time alone). */
export function readRemittances(interchange: X12Interchange, readerWarnings: X12Warning[] = []): RemittanceRead {
  const model = new RemittanceModel();
  for (const t of interchange.transactions) {
    model.start(t, interchange.delimiters);
    for (const s of t.segments) model.segment(viewOf(s));
  }
  return model.result(interchange, readerWarnings);
}

/** A kept segment, read by index as a streamed one is. */
function viewOf(s: X12Segment): X12SegmentView {
  return {
    id: s.id,
    elements: s.elements,
    position: s.position,
    element: (index) => s.elements[index],
    elementText: (index) => s.elements[index] ?? "",
    elementFrom: () => 0,
    elementTo: (index) => s.elements[index]?.length ?? 0,
  };
}

/**
 * The remittances, built transaction by transaction as the segments come. What it refuses is what
 * reading the whole file first refused, by the same order of precedence: a transaction that is not an
 * 835 (the first), else a version refused (the first), else a remittance that cannot be read (the
 * first). Once one is found nothing more is read, only the transactions' headers checked. Warnings
 * are listed as before too: each remittance's version first, then what its reading found.
 */
class RemittanceModel implements X12Listener {
  private notAn835?: string;
  private versionRefused?: string;
  private unreadable?: string;
  private readonly versionWarnings = new WarningList();
  private readonly readWarnings = new WarningList();
  private field?: FieldReader;
  private reader?: TransactionReader;
  private readonly remittances: Remittance[] = [];

  start(t: X12Transaction, delimiters: X12Delimiters): void {
    this.finishTransaction();
    if (t.setId !== "835") {
      const what = transactionName(t.setId);
      this.notAn835 ??= `This is ${what}, not an 835 remittance: choose the 835 (ERA) file from your payer or clearinghouse.`;
      return;
    }
    if (this.notAn835) return;
    const refused = versionRefusal(t, this.versionWarnings);
    if (refused) this.versionRefused ??= refused;
    if (this.versionRefused || this.unreadable) return;
    this.field ??= new FieldReader(this.readWarnings, delimiters);
    this.reader = transactionReader(t, this.field);
  }

  segment(s: X12SegmentView): void {
    if (this.reader && !this.reader.segment(s)) this.finishTransaction();
  }

  result(interchange: X12Interchange, readerWarnings: X12Warning[]): RemittanceRead {
    this.finishTransaction();
    const refused = this.notAn835 ?? this.versionRefused ?? this.unreadable;
    if (refused !== undefined) return { ok: false, error: refused };
    const warnings = this.versionWarnings;
    warnings.append(this.readWarnings);
    const result: RemittanceRead = { ok: true, remittances: this.remittances, warnings: [...readerWarnings, ...warnings.list()] };
    if (interchange.isaControl !== undefined) result.isaControl = interchange.isaControl;
    return result;
  }

  private finishTransaction(): void {
    const reader = this.reader;
    if (!reader) return;
    this.reader = undefined;
    const read = reader.finish();
    if (!read.ok) this.unreadable ??= read.error;
    else if (!this.unreadable) this.remittances.push(read.remittance);
  }
}

const READS_5010 = "MedBill reads 5010 (005010X221A1) remittances: ask your payer or clearinghouse for the 5010 835.";

/**
 * "004010X091A1" → 4010 and its guide X091A1; "005010", "5010" → 5010 without one; anything else
 * nothing. One anchored match: an unanchored /X...$/ backtracks quadratically on a long damaged GS08.
 */
function releaseOf(version: string): { release: string; guide?: string } | undefined {
  const m = /^(?:00)?([1-9]\d{3})(X[0-9A-Z]*)?$/.exec(version);
  if (!m) return undefined;
  return m[2] ? { release: m[1], guide: m[2] } : { release: m[1] };
}

/**
 * The file's version from its ISA12 (00401, 00501) and its group or transaction (GS08/ST03), read
 * together: a 4010 file refused as 4010, one whose envelope and group disagree refused as what it
 * looks like, and every refusal saying what to ask the payer for. ISA12 alone never refuses a file
 * that names the 835 guide (005010X221): that label is precise, the envelope's is not.
 */
function versionRefusal(t: X12Transaction, warnings: WarningList): string | undefined {
  const full = t.version?.trim() ?? "";
  // A damaged GS08 can be thousands of characters: the message quotes its start.
  const version = full.length > 40 ? `${full.slice(0, 40)}…` : full;
  const where = t.segments[0].elements[3]?.trim() ? "ST03" : "GS08";
  const isa = t.interchangeVersion?.trim();
  const isaRelease = isa && /^00[1-9]\d{2}$/.test(isa) ? `${isa.slice(2)}0` : undefined;
  const envelope = isaRelease ? ` (ISA12 ${isa})` : "";
  const position = t.segments[0].position;
  if (full === "") {
    if (isaRelease && isaRelease !== "5010") {
      return `This is a ${isaRelease} remittance: its envelope says so${envelope} and its group names no version. ${READS_5010}`;
    }
    warnings.add(`Remittance ${t.control} does not say its version (no GS08 or ST03): it was read as 5010 (005010X221A1).`, position);
    return undefined;
  }
  if (full.startsWith(SUPPORTED_VERSION)) {
    if (isaRelease && isaRelease !== "5010") {
      warnings.add(
        `Remittance ${t.control} says ${version} (${where}) but its envelope says ${isaRelease}${envelope}: it was read as 5010, as its ${where} says.`,
        position,
      );
    }
    return undefined;
  }
  const { release, guide } = releaseOf(full) ?? {};
  if (release === "5010" && !guide) {
    if (isaRelease && isaRelease !== "5010") {
      return `This file's envelope${envelope} and its ${where === "GS08" ? "group" : "transaction"} (${where} "${version}") disagree: it looks like a ${isaRelease} remittance labelled 5010. ${READS_5010}`;
    }
    warnings.add(
      `Remittance ${t.control} gives its version as ${version} without the guide (X221A1): it was read as 005010X221A1.`,
      position,
    );
    return undefined;
  }
  if (release === "5010") {
    return `This file names the guide ${version} (${where}), not the 835 remittance's 005010X221A1: it is not a 5010 835. ${READS_5010}`;
  }
  if (release) {
    const though = isaRelease && isaRelease !== release ? `, although its envelope says ${isaRelease}${envelope}` : "";
    return `This is a ${release} remittance (${where} ${version}${though}). ${READS_5010}`;
  }
  if (isaRelease && isaRelease !== "5010") {
    return `This remittance gives its version as "${version}" (${where}) and its envelope says ${isaRelease}${envelope}: it looks like a ${isaRelease} remittance. ${READS_5010}`;
  }
  return `This remittance gives its version as "${version}" (${where}), which is not an X12 version: a 5010 remittance says 005010X221A1. ${READS_5010}`;
}

type Loop = "header" | "payer" | "payee" | "other party" | "claim" | "line" | "plb";

type TransactionRead = { ok: true; remittance: Remittance } | { ok: false; error: string };

/** Reads one transaction segment by segment: segment() says false once it cannot be read (finish() then says why). */
interface TransactionReader {
  segment(s: X12SegmentView): boolean;
  finish(): TransactionRead;
}

/** One ST/SE transaction: a state machine over the 835's loops (header, 1000A/B, 2100 claim, 2110 line, PLB). */
function transactionReader(t: X12Transaction, field: FieldReader): TransactionReader {
  const warnings = field.warnings;
  let payment: Remittance["payment"] | undefined;
  let trace: Remittance["trace"] | undefined;
  const payer: Remittance["payer"] = { name: "" };
  const payee: Remittance["payee"] = { name: "" };
  const claims: RemitClaim[] = [];
  const plb: PlbItem[] = [];
  let loop: Loop = "header";
  let claim: RemitClaim | undefined;
  let line: RemitLine | undefined;
  let payerIdFromName: string | undefined;
  let productionDate: IsoDate | undefined;
  let failure: string | undefined;

  const segment = (s: X12SegmentView): boolean => {
    if (failure !== undefined) return false;
    switch (s.id) {
      case "BPR": {
        if (payment) {
          warnings.add(`Remittance ${t.control} has a second BPR at segment ${s.position}: it was ignored.`, s.position);
          break;
        }
        const amount = parseMoney(s.element(2) ?? "");
        if (!amount.ok) {
          failure = `The payment amount (BPR02 "${s.element(2) ?? ""}") of remittance ${t.control} cannot be read, so it cannot be posted.`;
          return false;
        }
        payment = { handling: s.element(1) ?? "", amount: amount.value, creditDebit: s.element(3) ?? "", method: s.element(4) ?? "" };
        const date = field.date(s, 16, "payment date (BPR16)");
        if (date) payment.date = date;
        else if (!(s.element(16) ?? "").trim())
          field.warn(s, `The payment of remittance ${t.control} has no date (BPR16 is blank, segment ${s.position}).`);
        break;
      }
      case "TRN":
        if (!trace) trace = { number: (s.element(2) ?? "").trim(), payerId: (s.element(3) ?? "").trim() };
        break;
      case "N1": {
        claim = undefined;
        line = undefined;
        const entity = s.element(1);
        const id = s.element(4);
        if (entity === "PR") {
          loop = "payer";
          payer.name = s.element(2) ?? "";
          if (id) payerIdFromName = id;
        } else if (entity === "PE") {
          loop = "payee";
          payee.name = s.element(2) ?? "";
          if (s.element(3) === "XX" && id) payee.npi = id;
          if (s.element(3) === "FI" && id) payee.taxId = id;
        } else loop = "other party";
        break;
      }
      case "REF": {
        // A line's REF*6R comes on most lines: its qualifier is compared in place.
        if (loop === "line") {
          if (line && field.is(s, 1, "6R")) {
            const value = s.element(2);
            if (value) line.lineId = value;
          }
          break;
        }
        const qualifier = s.element(1);
        const value = s.element(2);
        if (loop === "payer" && qualifier === "2U" && value) payer.id = value;
        else if (loop === "payee" && qualifier === "TJ" && value) payee.taxId = value;
        break;
      }
      case "LX":
        loop = "header";
        claim = undefined;
        line = undefined;
        break;
      case "CLP":
        claim = readClaim(s, field);
        claims.push(claim);
        line = undefined;
        loop = "claim";
        break;
      case "CAS": {
        const target = line ?? claim;
        if (!target) {
          warnings.add(`The adjustment (CAS) at segment ${s.position} is outside any claim: it was ignored.`, s.position);
          break;
        }
        readCas(s, field, target);
        break;
      }
      case "NM1":
        if (claim && !line && field.is(s, 1, "QC")) {
          const name = patientName(s);
          if (name) claim.patientName = name;
        }
        break;
      case "DTM":
        if (!claim && !line && field.is(s, 1, "405")) productionDate ??= field.date(s, 2, "production date (DTM*405)");
        else readDate(s, claim, line, field);
        break;
      case "SVC":
        if (!claim) {
          warnings.add(`The service line (SVC) at segment ${s.position} is outside any claim: it was ignored.`, s.position);
          break;
        }
        line = readLine(s, field);
        claim.lines = appended(claim.lines, line);
        loop = "line";
        break;
      case "AMT":
        if (line && field.is(s, 1, "B6")) {
          const allowed = field.money(s, 2, "allowed amount (AMT*B6)");
          if (allowed !== undefined) line.allowed = allowed;
        }
        break;
      case "LQ":
        if (line && field.is(s, 1, "HE")) {
          const remark = s.element(2);
          if (remark) line.remarks = appended(line.remarks, remark);
        }
        break;
      case "PLB":
        claim = undefined;
        line = undefined;
        loop = "plb";
        readPlb(s, field, plb);
        break;
      default:
        // TS3, TS2, MIA, MOA, QTY, PER, N3, N4, AMT*AU...: not needed for posting.
        break;
    }
    return true;
  };
  const finish = (): TransactionRead => {
    if (failure !== undefined) return { ok: false, error: failure };
    if (!payment) {
      return {
        ok: false,
        error: `Remittance ${t.control} has no payment segment (BPR): the file is damaged or cut short, so nothing can be posted from it.`,
      };
    }
    if (!trace || trace.number === "") {
      return {
        ok: false,
        error: `Remittance ${t.control} has no trace number (TRN02): without it MedBill cannot tell whether it was already posted. Ask the payer for a complete file.`,
      };
    }
    if (payer.id === undefined && payerIdFromName) payer.id = payerIdFromName;
    const remittance: Remittance = { control: t.control, payment, trace, payer, payee, claims, plb };
    if (t.version) remittance.version = t.version;
    if (productionDate) remittance.productionDate = productionDate;
    const envelopeDate = envelopeDateOf(t);
    if (envelopeDate) remittance.envelopeDate = envelopeDate;
    return { ok: true, remittance };
  };
  return { segment, finish };
}

/** GS04 (CCYYMMDD), else ISA09 (YYMMDD, a date this century): the envelope's date, when readable. */
function envelopeDateOf(t: X12Transaction): Remittance["envelopeDate"] {
  const gs = t.groupDate && /^\d{8}$/.test(t.groupDate) ? parseDate(t.groupDate) : undefined;
  if (gs?.ok) return { date: gs.value, from: "GS04" };
  const isa = t.interchangeDate && /^\d{6}$/.test(t.interchangeDate) ? parseDate(`20${t.interchangeDate}`) : undefined;
  if (isa?.ok) return { date: isa.value, from: "ISA09" };
  return undefined;
}

function readClaim(s: X12SegmentView, field: FieldReader): RemitClaim {
  const patientControl = s.element(1) ?? "";
  const status = field.code(s, 2, false);
  const charge = field.money(s, 3, "claim charge (CLP03)") ?? 0;
  const paid = field.money(s, 4, "claim payment (CLP04)") ?? 0;
  const patientResp = field.money(s, 5, "patient responsibility (CLP05)") ?? 0;
  const position = s.position;
  const filingIndicator = s.elementTo(6) > s.elementFrom(6) ? field.code(s, 6, false) : undefined;
  const payerClaimNumber = s.element(7) || undefined;
  // Made with CLP06 and CLP07 when it has them (the keys in the same order as ever): a claim given
  // them afterwards had its fields moved to a store of their own, and again for its name and dates.
  const adjustments: CasAdjustment[] = NONE;
  const lines: RemitLine[] = NONE;
  let claim: RemitClaim;
  if (filingIndicator !== undefined && payerClaimNumber !== undefined) {
    claim = { patientControl, status, charge, paid, patientResp, adjustments, lines, position, filingIndicator, payerClaimNumber };
  } else if (filingIndicator !== undefined) {
    claim = { patientControl, status, charge, paid, patientResp, adjustments, lines, position, filingIndicator };
  } else if (payerClaimNumber !== undefined) {
    claim = { patientControl, status, charge, paid, patientResp, adjustments, lines, position, payerClaimNumber };
  } else claim = { patientControl, status, charge, paid, patientResp, adjustments, lines, position };
  if (!claim.patientControl)
    field.warn(s, `The claim at segment ${s.position} has no patient control number (CLP01): it cannot be matched.`);
  return claim;
}

/**
 * The one empty list every claim and line without adjustments, remarks or modifiers of its own holds
 * (most claims have no CAS of their own, most lines no remark and no modifier): 250,000 fewer arrays
 * in an ERA of 50,000 claims for the garbage collector to copy. Frozen, so nothing adds to it by
 * mistake; the reader gives a claim or line a list of its own when it has something to put in it.
 */
const NONE = Object.freeze([]) as unknown as never[];

/**
 * The list with the item added, the list being a claim's or line's own (or NONE): made to its length for
 * its first two items, as nearly every list of an 835 has one or two (a line's CAS, a claim's lines), so
 * it holds no room it never uses. An empty list that is pushed to takes room for 17; 100,000 lines' lists
 * kept through the import were megabytes for the garbage collector to copy.
 */
function appended<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  if (list.length === 1) return [list[0], item];
  list.push(item);
  return list;
}

/** CAS: a group, then up to six triplets of reason, amount and quantity, added to the claim's or line's adjustments. */
function readCas(s: X12SegmentView, field: FieldReader, target: { adjustments: CasAdjustment[] }): void {
  const group = field.code(s, 1, false);
  if (!CAS_GROUPS.has(group)) {
    field.warn(
      s,
      `The adjustment at segment ${s.position} has group "${group}", which is not a 5010 group (CO, PR, OA or PI): it was ignored, so its claim will not balance.`,
    );
    return;
  }
  for (let k = 0; k < 6; k++) {
    const reason = field.code(s, 2 + 3 * k, true);
    if (reason === "" && field.blank(s, 3 + 3 * k)) continue;
    const amount = field.money(s, 3 + 3 * k, `adjustment amount (${group}-${reason})`);
    if (amount === undefined) continue;
    const adjustment: CasAdjustment = { group: group as CasAdjustment["group"], reason, amount };
    const quantity = field.number(s, 4 + 3 * k, "adjustment quantity");
    if (quantity !== undefined) adjustment.quantity = quantity;
    target.adjustments = appended(target.adjustments, adjustment);
  }
}

function readLine(s: X12SegmentView, field: FieldReader): RemitLine {
  let qualifier: string | undefined;
  let code: string | undefined;
  let modifiers: string[] = NONE;
  // Most lines are HC:99213, a qualifier and a code without modifiers: read in place, without
  // cutting out the element and splitting it.
  const separator = field.onlyComponentSeparator(s, 1);
  if (separator >= 0) {
    const text = s.elementText(1);
    qualifier = field.codeIn(text, s.elementFrom(1), separator);
    code = field.codeIn(text, separator + 1, s.elementTo(1));
  }
  if (qualifier === undefined || code === undefined) {
    const billed = field.composite(s, 1, PROCEDURE_QUALIFIERS);
    qualifier = field.known(billed[0] ?? "");
    code = field.known(billed[1] ?? "");
    modifiers = modifiersOf(billed);
  }
  const charge = field.money(s, 2, "line charge (SVC02)") ?? 0;
  const paid = field.money(s, 3, "line payment (SVC03)") ?? 0;
  if (code === "") {
    field.warn(
      s,
      `The service line at segment ${s.position} has no procedure code (SVC01 "${s.element(1) ?? ""}"): it cannot be matched by code.`,
    );
  }
  const units = field.number(s, 5, "units (SVC05)");
  const adjustments: CasAdjustment[] = NONE;
  const remarks: string[] = NONE;
  const position = s.position;
  // Made with its units when it has them (the keys in the same order as ever), so the date, line id
  // and allowed amount that follow fit the one store a line's later fields get.
  const line: RemitLine =
    units === undefined
      ? { qualifier, code, modifiers, charge, paid, adjustments, remarks, position }
      : { qualifier, code, modifiers, charge, paid, adjustments, remarks, position, units };
  if (s.elementTo(6) > s.elementFrom(6)) {
    const original = field.composite(s, 6, PROCEDURE_QUALIFIERS);
    if (original[1]) {
      line.originalCode = original[1];
      line.originalModifiers = modifiersOf(original);
    }
  }
  return line;
}

/** SVC01-3..6 are the modifiers; SVC01-7 is a description. */
function modifiersOf(parts: string[]): string[] {
  let modifiers: string[] = NONE;
  for (let i = 2; i < 6 && i < parts.length; i++) {
    const m = parts[i].trim();
    if (m !== "") modifiers = appended(modifiers, m);
  }
  return modifiers;
}

/** "LAST, FIRST M" from NM103-05, blank parts left out. */
function patientName(s: X12SegmentView): string | undefined {
  const last = (s.element(3) ?? "").trim();
  const first = (s.element(4) ?? "").trim();
  const middle = (s.element(5) ?? "").trim();
  const given = first !== "" && middle !== "" ? `${first} ${middle}` : first || middle;
  if (last === "") return given || undefined;
  return given ? `${last}, ${given}` : last;
}

function readDate(s: X12SegmentView, claim: RemitClaim | undefined, line: RemitLine | undefined, field: FieldReader): void {
  if (line) {
    if (field.is(s, 1, "472")) {
      const dos = field.date(s, 2, "date of service (DTM*472)");
      if (dos) line.dos = dos;
    } else if (line.dos === undefined && field.is(s, 1, "150")) {
      // A service period instead of a single date: its first day stands for the date of service.
      const from = field.date(s, 2, "service period start (DTM*150)");
      if (from) line.dos = from;
    }
    return;
  }
  if (!claim) return;
  const qualifier = s.element(1);
  if (qualifier === "232") {
    const from = field.date(s, 2, "claim service start (DTM*232)");
    if (from) claim.serviceFrom = from;
  } else if (qualifier === "233") {
    const to = field.date(s, 2, "claim service end (DTM*233)");
    if (to) claim.serviceTo = to;
  }
}

/** PLB: provider id, fiscal period date, then up to six pairs of reason:reference and amount, added to `items`. */
function readPlb(s: X12SegmentView, field: FieldReader, items: PlbItem[]): void {
  const providerId = s.element(1) ?? "";
  const fiscalDate = field.date(s, 2, "fiscal period date (PLB02)");
  for (let k = 0; k < 6; k++) {
    const composite = s.element(3 + 2 * k) ?? "";
    const amountText = s.element(4 + 2 * k) ?? "";
    if (composite.trim() === "" && amountText.trim() === "") continue;
    const amount = field.money(s, 4 + 2 * k, "provider adjustment amount (PLB)");
    if (amount === undefined) continue;
    const [reason, reference] = field.composite(s, 3 + 2 * k, PLB_REASONS);
    const item: PlbItem = { providerId, reason: (reason ?? "").trim(), amount };
    if (fiscalDate) item.fiscalDate = fiscalDate;
    if (reference) item.reference = reference;
    if (item.reason === "") field.warn(s, `A provider adjustment at segment ${s.position} has no reason code.`);
    items.push(item);
  }
}

const EIGHT_DIGITS = /^\d{8}$/;
const MAX_PLAIN_DIGITS = 13;

/**
 * An amount written the plain way an 835 writes it (an optional minus, digits, and a point with one
 * or two decimals: "123.45", "-5", "0.5"), in cents, without parseMoney's regular expressions;
 * undefined for anything else, which parseMoney then reads (or refuses) as before. Gives what
 * parseMoney gives for every text it takes (test/era/remittanceFastPaths.test.ts).
 */
export function plainCents(text: string): Cents | undefined {
  return plainCentsIn(text, 0, text.length);
}

/** plainCents of text[from, to), read in place. */
function plainCentsIn(text: string, from: number, n: number): Cents | undefined {
  let i = from;
  let negative = false;
  if (n > from && text.charCodeAt(from) === 0x2d) {
    negative = true;
    i = from + 1;
  }
  const digitsFrom = i;
  let whole = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  const digits = i - digitsFrom;
  if (digits === 0 || digits > MAX_PLAIN_DIGITS) return undefined;
  let fraction = 0;
  if (i < n) {
    const decimals = n - i - 1;
    if (text.charCodeAt(i) !== 0x2e || decimals < 1 || decimals > 2) return undefined;
    const tenths = text.charCodeAt(i + 1) - 0x30;
    if (tenths < 0 || tenths > 9) return undefined;
    fraction = tenths * 10;
    if (decimals === 2) {
      const hundredths = text.charCodeAt(i + 2) - 0x30;
      if (hundredths < 0 || hundredths > 9) return undefined;
      fraction += hundredths;
    }
  }
  const cents = whole * 100 + fraction;
  return negative ? -cents || 0 : cents;
}

/** Reads amounts, numbers, dates and composites from elements, turning what cannot be read into a warning. */
class FieldReader {
  private otherSeparatorNoted = false;
  private readonly dates = new Map<string, IsoDate | null>();
  private readonly texts = new Map<string, string>();
  /** known()'s strings by their characters (codeIn), and good dates by their eight digits (date): found without cutting out the element. */
  private readonly codes = new Map<number, string>();
  private readonly days = new Map<number, IsoDate>();

  constructor(
    readonly warnings: WarningList,
    private readonly delimiters: X12Delimiters,
  ) {}

  /**
   * A composite's components. Some payers write SVC01 as HC>99213 although ISA16 declares ":": when the
   * declared separator does not split it and another common one does, with a known qualifier first,
   * that one is taken (and said once per file).
   */
  composite(s: X12SegmentView, index: number, known: Set<string>): string[] {
    const element = s.element(index) ?? "";
    const d = this.delimiters;
    const parts = components(element, d);
    if (parts.length > 1) return parts;
    for (const separator of OTHER_COMPONENT_SEPARATORS) {
      if (separator === d.component || separator === d.element || separator === d.segment || !element.includes(separator)) continue;
      const split = element.split(separator);
      if (!known.has(split[0])) continue;
      if (!this.otherSeparatorNoted) {
        this.otherSeparatorNoted = true;
        this.warn(
          s,
          `Segment ${s.position} (${s.id}) writes its codes with "${separator}" although the file declares "${d.component}": read with "${separator}".`,
        );
      }
      return split;
    }
    return parts;
  }

  /**
   * The same string for the same short code each time it comes (CO, 45, HC, 99213, MC): a file of
   * 50,000 claims repeats a few hundred codes some 600,000 times, and each kept as its own string is
   * one more thing for the garbage collector to copy. Longer texts, and codes past the first few
   * thousand, are kept as they are.
   */
  known(text: string): string {
    if (text.length > 8) return text;
    const seen = this.texts.get(text);
    if (seen !== undefined) return seen;
    if (this.texts.size < 4096) this.texts.set(text, text);
    return text;
  }

  /** Element `index` is `literal` (a non-empty qualifier), compared in place. */
  is(s: X12SegmentView, index: number, literal: string): boolean {
    const from = s.elementFrom(index);
    return s.elementTo(index) - from === literal.length && s.elementText(index).startsWith(literal, from);
  }

  /** Element `index` is empty or blanks (a missing one too). */
  blank(s: X12SegmentView, index: number): boolean {
    return s.elementTo(index) === s.elementFrom(index) || (s.element(index) ?? "").trim() === "";
  }

  /** known() of element `index` (trimmed first if `trim`), read in place when it is a short code. */
  code(s: X12SegmentView, index: number, trim: boolean): string {
    const quick = this.codeIn(s.elementText(index), s.elementFrom(index), s.elementTo(index));
    if (quick !== undefined) return quick;
    const text = s.element(index) ?? "";
    return this.known(trim ? text.trim() : text);
  }

  /**
   * known() of text[from, to) when it is up to seven printable characters without blanks (what every
   * code is), found by its characters without cutting it out; undefined for anything else.
   */
  codeIn(text: string, from: number, to: number): string | undefined {
    if (to - from > 7) return undefined;
    if (to === from) return "";
    let key = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c <= 0x20 || c >= 0x7f) return undefined;
      key = key * 128 + c;
    }
    let code = this.codes.get(key);
    if (code === undefined) {
      code = this.known(text.slice(from, to));
      if (this.codes.size < 4096) this.codes.set(key, code);
    }
    return code;
  }

  /** Where the declared component separator is in element `index`, if it is there once and only once; else -1. */
  onlyComponentSeparator(s: X12SegmentView, index: number): number {
    const text = s.elementText(index);
    const to = s.elementTo(index);
    const separator = this.delimiters.component;
    const at = text.indexOf(separator, s.elementFrom(index));
    if (at < 0 || at >= to) return -1;
    const next = text.indexOf(separator, at + 1);
    return next >= 0 && next < to ? -1 : at;
  }

  warn(s: X12SegmentView, message: string): void {
    this.warnings.add(message, s.position);
  }

  /** Blank gives 0; text that is not an amount gives a warning and undefined. */
  money(s: X12SegmentView, index: number, what: string): Cents | undefined {
    // A plainly written amount has no blanks to trim: read in place.
    const from = s.elementFrom(index);
    const to = s.elementTo(index);
    if (from === to) return 0;
    const inPlace = plainCentsIn(s.elementText(index), from, to);
    if (inPlace !== undefined) return inPlace;
    const text = (s.element(index) ?? "").trim();
    if (text === "") return 0;
    const quick = plainCents(text);
    if (quick !== undefined) return quick;
    const amount = parseMoney(text);
    if (amount.ok) return amount.value;
    this.warnings.add(`The ${what} at segment ${s.position} is not an amount ("${text}"): it could not be used.`, s.position);
    return undefined;
  }

  number(s: X12SegmentView, index: number, what: string): number | undefined {
    // Units are mostly a few digits: read in place.
    const from = s.elementFrom(index);
    const to = s.elementTo(index);
    if (from === to) return undefined;
    if (to - from <= 9) {
      const source = s.elementText(index);
      let value = 0;
      let i = from;
      for (; i < to; i++) {
        const c = source.charCodeAt(i) - 0x30;
        if (c < 0 || c > 9) break;
        value = value * 10 + c;
      }
      if (i === to) return value;
    }
    const text = (s.element(index) ?? "").trim();
    if (text === "") return undefined;
    const value = Number(text);
    if (Number.isFinite(value)) return value;
    this.warnings.add(`The ${what} at segment ${s.position} is not a number ("${text}").`, s.position);
    return undefined;
  }

  date(s: X12SegmentView, index: number, what: string): IsoDate | undefined {
    // Eight digits seen before as a good date: found by their number, without cutting them out.
    const from = s.elementFrom(index);
    let key = -1;
    if (s.elementTo(index) - from === 8) {
      const source = s.elementText(index);
      key = 0;
      for (let i = from; i < from + 8; i++) {
        const c = source.charCodeAt(i) - 0x30;
        if (c < 0 || c > 9) {
          key = -1;
          break;
        }
        key = key * 10 + c;
      }
      if (key >= 0) {
        const day = this.days.get(key);
        if (day !== undefined) return day;
      }
    }
    const day = this.readDate(s, index, what);
    if (key >= 0 && day !== undefined && this.days.size < 4096) this.days.set(key, day);
    return day;
  }

  private readDate(s: X12SegmentView, index: number, what: string): IsoDate | undefined {
    const text = (s.element(index) ?? "").trim();
    if (text === "") return undefined;
    // A file repeats a few dates thousands of times: each is checked once (null when it is not one).
    let date = this.dates.get(text);
    if (date === undefined) {
      const parsed = EIGHT_DIGITS.test(text) ? parseDate(text) : undefined;
      date = parsed?.ok ? parsed.value : null;
      this.dates.set(text, date);
    }
    if (date !== null) return date;
    this.warnings.add(`The ${what} at segment ${s.position} is not a date ("${text}").`, s.position);
    return undefined;
  }
}
