// Reads an 837P professional claim file (005010X222A1) with the same X12 reader the 835 uses: each
// claim's CLM01, total, place of service and frequency, diagnoses, billing provider, subscriber and
// patient, payer, rendering provider, and its lines (code, modifiers, charge, units, pointers, date of
// service, REF*6R line id). Every file we write is read back with it in the tests; a real file is
// read as it is, and what is wrong with its envelope (SE01 counts, control numbers) comes back as
// warnings from the reader, never as a crash. The scrubber can judge a read claim through toClaim().
//
// Loops are told apart by the HL level (20 billing provider, 22 subscriber, 23 patient) and, inside a
// claim, by the NM1 qualifier: the 2320/2330 other-payer loops after the claim repeat NM1*IL and
// NM1*PR and must not replace the claim's own subscriber and payer: they are read into the claim's
// other payers (a secondary or tertiary claim's coordination of benefits: 2320 SBR, CAS, AMT*D, OI; 2330A NM1*IL;
// 2330B NM1*PR, DTP*573, REF*F8), and each line's 2430 SVD with its CAS and DTP*573 into the line, so a
// secondary claim's amounts come back as written.
import { parseDate, type IsoDate } from "../dates";
import { parseMoney, type Cents } from "../money";
import { components, readX12, WarningList, type X12Delimiters, type X12Read, type X12Segment, type X12Transaction } from "../x12/x12Reader";
import type { Claim, ClaimAddress, ClaimLine, CobAdjustment, CobLine, OtherPayerAdjudication } from "./model";

export interface Party837 {
  name?: string;
  firstName?: string;
  /** NM109: NPI (XX), member ID (MI), payer ID (PI), ETIN (46). */
  id?: string;
  idQualifier?: string;
  address: ClaimAddress;
}

/** A CAS triplet with its group (CO, PR, OA, PI as written). */
export interface Cas837 {
  group: string;
  reason: string;
  amount: Cents;
}

/** 2430: what another payer did with the line (SVD, CAS, DTP*573). */
export interface OtherPayerLine837 {
  /** SVD01: the other payer's id, as in its 2330B NM109. */
  payerId: string;
  /** SVD02 */
  paid: Cents;
  code: string;
  modifiers: string[];
  /** SVD05 */
  units?: number;
  adjustments: Cas837[];
  /** DTP*573 */
  paidDate?: IsoDate;
}

/** 2320/2330A/2330B: another payer of the claim's and its answer. */
export interface OtherPayer837 {
  /** SBR01: P, S, T... the other payer's place. */
  sequence: string;
  /** SBR02 */
  relationship?: string;
  /** SBR03 */
  groupNumber?: string;
  /** SBR09 */
  filingIndicator?: string;
  /** Claim-level CAS. */
  adjustments: Cas837[];
  /** AMT*D: what it paid on the claim. */
  paid?: Cents;
  /** OI03 and OI06. */
  benefitsAssignment?: string;
  releaseOfInformation?: string;
  /** 2330A NM1*IL */
  subscriber: Party837;
  /** 2330B NM1*PR */
  payer: Party837;
  /** 2330B DTP*573 */
  paidDate?: IsoDate;
  /** 2330B REF*F8 */
  payerClaimNumber?: string;
}

export interface Line837 {
  /** LX01 */
  lineNumber?: number;
  /** SV101-1: HC for CPT/HCPCS. */
  qualifier: string;
  code: string;
  modifiers: string[];
  charge: Cents;
  /** SV103: UN units, MJ minutes. */
  unitBasis?: string;
  units?: number;
  /** SV105: only when it differs from the claim's. */
  pos?: string;
  /** SV107: 1-based pointers into the claim's diagnoses. */
  pointers: number[];
  /** DTP*472 (D8, or the first day of an RD8 range). */
  dos?: IsoDate;
  dosTo?: IsoDate;
  /** REF*6R: the line id (our ChargeID). */
  lineId?: string;
  /** 2420A NM1*82. */
  renderingNpi?: string;
  /** 2430: other payers' answers on the line. */
  otherPayerLines?: OtherPayerLine837[];
  position: number;
}

export interface Claim837 {
  /** ST02 of the transaction it came in. */
  transaction: string;
  /** CLM01: the patient control number (our ClaimID). */
  claimId: string;
  /** CLM02 */
  total: Cents;
  /** CLM05-1 and CLM05-3. */
  pos?: string;
  frequency?: string;
  /** REF*F8 */
  payerClaimNumber?: string;
  /** HI codes as written (no dots), principal (ABK/BK) first. */
  diagnoses: string[];
  billing: Party837 & { taxonomy?: string; ein?: string };
  subscriber: Party837 & { dob?: IsoDate; sex?: string };
  /** 2000C/2010CA when the patient is not the subscriber. */
  patient?: Party837 & { dob?: IsoDate; sex?: string };
  payer: Party837;
  /** 2310B NM1*82. */
  renderingNpi?: string;
  /** SBR01 of the subscriber loop (2000B): P primary, S secondary... */
  sequence?: string;
  /** 2320: the claim's other payers (a secondary claim carries the primary here). */
  otherPayers?: OtherPayer837[];
  lines: Line837[];
  position: number;
}

export type Read837p = { ok: true; claims: Claim837[]; warnings: string[]; isaControl?: string } | { ok: false; error: string };

const SUPPORTED_VERSION = "005010X222";
const OTHER_837 = new Map([
  ["005010X223", "an institutional (837I) claim file"],
  ["005010X224", "a dental (837D) claim file"],
]);
const TRANSACTION_NAMES = new Map([
  ["835", "an 835 remittance"],
  ["277", "a 277 claim status response"],
  ["999", "a 999 acknowledgment"],
  ["270", "a 270 eligibility request"],
  ["271", "a 271 eligibility response"],
]);
const PRINCIPAL = new Set(["ABK", "BK"]);
const OTHER_DIAGNOSIS = new Set(["ABF", "BF"]);

/** Read an 837P file's text. Never throws. */
export function read837p(text: string): Read837p {
  const read = readX12(text);
  if (!read.ok) return read;
  return read837pInterchange(read);
}

/** The claims half of read837p, for a file already tokenized (the fuzzer reads each input once for every reader). */
export function read837pInterchange(read: Extract<X12Read, { ok: true }>): Read837p {
  const { interchange } = read;
  for (const t of interchange.transactions) {
    if (t.setId !== "837") {
      const what = TRANSACTION_NAMES.get(t.setId) ?? `an X12 ${t.setId || "(unnamed)"} transaction`;
      return { ok: false, error: `This is ${what}, not an 837P claim file.` };
    }
  }
  const warnings = new WarningList();
  for (const w of read.warnings) warnings.add(w.message, w.position);
  for (const t of interchange.transactions) {
    const version = t.version?.trim() ?? "";
    const other = [...OTHER_837].find(([prefix]) => version.startsWith(prefix));
    if (other) return { ok: false, error: `This is ${other[1]} (${version}), not an 837P professional claim file.` };
    if (version === "") warnings.add(`Transaction ${t.control} does not say its version: it was read as ${SUPPORTED_VERSION}A1.`);
    else if (!version.startsWith(SUPPORTED_VERSION))
      warnings.add(`Transaction ${t.control} is version ${version}, not ${SUPPORTED_VERSION}A1: it was read as 5010 all the same.`);
  }
  const claims: Claim837[] = [];
  // One by one, not push(...): a spread of a transaction's claims overflows the call stack past ~100,000.
  for (const t of interchange.transactions) for (const claim of readTransaction(t, interchange.delimiters, warnings)) claims.push(claim);
  const result: Read837p = { ok: true, claims, warnings: warnings.list().map((w) => w.message) };
  if (interchange.isaControl !== undefined) result.isaControl = interchange.isaControl;
  return result;
}

type Entity = "submitter" | "receiver" | "billing" | "pay-to" | "subscriber" | "payer" | "patient" | "other";

const emptyParty = (): Party837 => ({ address: { lines: [] } });

/** A party as it stands at a claim, for that claim alone (a plain copy: structuredClone costs far more per claim). */
function copyParty<P extends Party837>(party: P): P {
  return { ...party, address: { ...party.address, lines: [...party.address.lines] } };
}

function readTransaction(t: X12Transaction, d: X12Delimiters, warnings: WarningList): Claim837[] {
  const claims: Claim837[] = [];
  let billing: Claim837["billing"] = emptyParty();
  let subscriber: Claim837["subscriber"] = emptyParty();
  let payer: Party837 = emptyParty();
  let patient: Claim837["patient"];
  let entity: Entity = "other";
  let claim: Claim837 | undefined;
  let line: Line837 | undefined;
  /** After the claim's 2320 other-subscriber SBR: NM1*IL and NM1*PR are another payer's. */
  let otherPayerLoop = false;
  /** The 2320 loop being read, and the 2430 SVD being read. */
  let other: OtherPayer837 | undefined;
  let svd: OtherPayerLine837 | undefined;
  /** SBR01 of the subscriber loop, given to its claims. */
  let sequence: string | undefined;
  let hiComposites = true;
  /** LX01, given to the SV1 that follows it. */
  let pendingLineNumber: number | undefined;

  const party = (): Party837 | undefined => {
    if (entity === "billing") return billing;
    if (entity === "subscriber") return subscriber;
    if (entity === "payer") return payer;
    if (entity === "patient") return patient;
    return undefined;
  };

  for (const s of t.segments) {
    const e = s.elements;
    switch (s.id) {
      case "HL":
        claim = undefined;
        line = undefined;
        otherPayerLoop = false;
        other = undefined;
        svd = undefined;
        if (e[3] === "20" || e[3] === "22") sequence = undefined;
        entity = "other";
        if (e[3] === "20") {
          billing = emptyParty();
          subscriber = emptyParty();
          payer = emptyParty();
          patient = undefined;
        } else if (e[3] === "22") {
          subscriber = emptyParty();
          payer = emptyParty();
          patient = undefined;
        } else if (e[3] === "23") patient = emptyParty();
        break;
      case "PRV":
        if (!claim && e[1] === "BI" && e[3]) billing.taxonomy = e[3];
        break;
      case "NM1": {
        const qualifier = e[1] ?? "";
        if (qualifier === "82") {
          entity = "other";
          if (e[9]) {
            if (line) line.renderingNpi = e[9];
            else if (claim) claim.renderingNpi = e[9];
          }
          break;
        }
        if (claim || line) {
          entity = "other";
          if (other && !line && (qualifier === "IL" || qualifier === "PR")) {
            Object.assign(qualifier === "IL" ? other.subscriber : other.payer, nameOf(e));
          }
          break;
        }
        const into = nameOf(e);
        switch (qualifier) {
          case "41":
            entity = "submitter";
            break;
          case "40":
            entity = "receiver";
            break;
          case "85":
            entity = "billing";
            Object.assign(billing, into);
            break;
          case "87":
            entity = "pay-to";
            break;
          case "IL":
            entity = "subscriber";
            Object.assign(subscriber, into);
            break;
          case "PR":
            entity = "payer";
            Object.assign(payer, into);
            break;
          case "QC":
            entity = "patient";
            patient ??= emptyParty();
            Object.assign(patient, into);
            break;
          default:
            entity = "other";
        }
        break;
      }
      case "N3": {
        const target = claim ? undefined : party();
        if (target) target.address.lines = [e[1], e[2]].filter((l): l is string => !!l && l.trim() !== "");
        break;
      }
      case "N4": {
        const target = claim ? undefined : party();
        if (target) {
          if (e[1]) target.address.city = e[1];
          if (e[2]) target.address.state = e[2];
          if (e[3]) target.address.zip = e[3];
        }
        break;
      }
      case "DMG": {
        const target = claim ? undefined : entity === "subscriber" ? subscriber : entity === "patient" ? patient : undefined;
        if (target) {
          const dob = dateOf(e[2], s, "date of birth (DMG02)", warnings);
          if (dob) (target as Claim837["subscriber"]).dob = dob;
          if (e[3]) (target as Claim837["subscriber"]).sex = e[3];
        }
        break;
      }
      case "REF":
        if (line && e[1] === "6R" && e[2]) line.lineId = e[2];
        else if (claim && !line && e[1] === "F8" && e[2]) {
          if (other) other.payerClaimNumber = e[2];
          else claim.payerClaimNumber = e[2];
        } else if (!claim && entity === "billing" && e[1] === "EI" && e[2]) billing.ein = e[2];
        break;
      case "SBR":
        if (claim && !line) {
          otherPayerLoop = true;
          other = { sequence: e[1] ?? "", adjustments: [], subscriber: emptyParty(), payer: emptyParty() };
          if (e[2]) other.relationship = e[2];
          if (e[3]) other.groupNumber = e[3];
          if (e[9]) other.filingIndicator = e[9];
          (claim.otherPayers ??= []).push(other);
        } else if (!claim && e[1]) sequence = e[1];
        break;
      case "CAS": {
        const into = svd?.adjustments ?? (other && !line ? other.adjustments : undefined);
        if (into) for (const a of casOf(s, warnings)) into.push(a);
        break;
      }
      case "AMT":
        if (other && !line && e[1] === "D") {
          const paid = moneyOf(e[2], s, "amount the other payer paid (AMT*D)", warnings);
          if (paid !== undefined) other.paid = paid;
        }
        break;
      case "OI":
        if (other && !line) {
          if (e[3]) other.benefitsAssignment = e[3];
          if (e[6]) other.releaseOfInformation = e[6];
        }
        break;
      case "SVD":
        if (line) {
          const procedure = components(e[3] ?? "", d);
          svd = {
            payerId: e[1] ?? "",
            paid: moneyOf(e[2], s, "line paid by the other payer (SVD02)", warnings) ?? 0,
            code: procedure[1] ?? "",
            modifiers: procedure
              .slice(2, 6)
              .map((m) => m.trim())
              .filter((m) => m !== ""),
            adjustments: [],
          };
          const units = Number(e[5]);
          if ((e[5] ?? "").trim() !== "" && Number.isFinite(units)) svd.units = units;
          (line.otherPayerLines ??= []).push(svd);
        }
        break;
      case "CLM": {
        const clm05 = components(e[5] ?? "", d);
        claim = {
          transaction: t.control,
          claimId: e[1] ?? "",
          total: moneyOf(e[2], s, "claim total (CLM02)", warnings) ?? 0,
          diagnoses: [],
          billing: copyParty(billing),
          subscriber: copyParty(subscriber),
          payer: copyParty(payer),
          lines: [],
          position: s.position,
        };
        if (patient) claim.patient = copyParty(patient);
        if (clm05[0]) claim.pos = clm05[0];
        if (clm05[2]) claim.frequency = clm05[2];
        if (sequence) claim.sequence = sequence;
        other = undefined;
        svd = undefined;
        if (!claim.claimId) warnings.add(`The claim at segment ${s.position} has no claim number (CLM01).`, s.position);
        claims.push(claim);
        line = undefined;
        otherPayerLoop = false;
        entity = "other";
        break;
      }
      case "HI":
        if (!claim || line || otherPayerLoop) break;
        {
          const read = diagnosesOf(e, d);
          for (const code of read.codes) claim.diagnoses.push(code);
          if (!read.composites && hiComposites) {
            hiComposites = false;
            warnings.add(
              `The diagnoses at segment ${s.position} (HI) are written as separate elements instead of qualifier${d.component}code composites: read them pairwise.`,
              s.position,
            );
          }
        }
        break;
      case "LX":
        if (!claim) {
          warnings.add(`The service line number (LX) at segment ${s.position} is outside any claim: it was ignored.`, s.position);
          break;
        }
        line = undefined;
        otherPayerLoop = false;
        other = undefined;
        svd = undefined;
        {
          const n = Number(e[1]);
          if (Number.isInteger(n)) pendingLineNumber = n;
        }
        break;
      case "SV1":
        if (!claim) {
          warnings.add(`The service line (SV1) at segment ${s.position} is outside any claim: it was ignored.`, s.position);
          break;
        }
        line = lineOf(s, d, warnings);
        if (pendingLineNumber !== undefined) line.lineNumber = pendingLineNumber;
        pendingLineNumber = undefined;
        claim.lines.push(line);
        break;
      case "DTP":
        if (e[1] === "573" && (svd || (other && !line))) {
          const paid = dateOf((e[3] ?? "").split("-")[0], s, "adjudication date (DTP*573)", warnings);
          if (paid) (svd ?? other!).paidDate = paid;
        } else if (line && e[1] === "472") {
          const [from, to] = (e[3] ?? "").split("-");
          const dos = dateOf(from, s, "date of service (DTP*472)", warnings);
          if (dos) line.dos = dos;
          if (e[2] === "RD8" && to) {
            const until = dateOf(to, s, "end of the service period (DTP*472)", warnings);
            if (until) line.dosTo = until;
          }
        }
        break;
      default:
        // PER, PAT, LIN, CTP, LQ, FRM...: not needed to compare claims.
        break;
    }
  }
  return claims;
}

/** CAS: the group, then up to six reason, amount, quantity triplets. */
function casOf(s: X12Segment, warnings: WarningList): Cas837[] {
  const e = s.elements;
  const out: Cas837[] = [];
  const group = e[1] ?? "";
  for (let i = 2; i + 1 < e.length; i += 3) {
    const reason = (e[i] ?? "").trim();
    if (reason === "") continue;
    const amount = moneyOf(e[i + 1], s, `adjustment amount for ${group}-${reason} (CAS)`, warnings);
    if (amount !== undefined) out.push({ group, reason, amount });
  }
  return out;
}

function nameOf(e: string[]): Partial<Party837> {
  const out: Partial<Party837> = {};
  if (e[3]) out.name = e[3];
  if (e[4]) out.firstName = e[4];
  if (e[8]) out.idQualifier = e[8];
  if (e[9]) out.id = e[9];
  return out;
}

/** HI: ABK:I10*ABF:E119..., or (some samples) BK*8901*BF*87200 with qualifier and code in separate elements. */
function diagnosesOf(e: string[], d: X12Delimiters): { codes: string[]; composites: boolean } {
  const codes: string[] = [];
  let composites = true;
  for (let i = 1; i < e.length; i++) {
    const element = e[i] ?? "";
    if (element.trim() === "") continue;
    const parts = components(element, d);
    if (parts.length > 1) {
      if ((PRINCIPAL.has(parts[0]) || OTHER_DIAGNOSIS.has(parts[0])) && parts[1]) codes.push(parts[1].trim());
      continue;
    }
    if ((PRINCIPAL.has(element) || OTHER_DIAGNOSIS.has(element)) && e[i + 1] && components(e[i + 1], d).length === 1) {
      composites = false;
      codes.push(e[i + 1].trim());
      i++;
    }
  }
  return { codes, composites };
}

function lineOf(s: X12Segment, d: X12Delimiters, warnings: WarningList): Line837 {
  const e = s.elements;
  const procedure = components(e[1] ?? "", d);
  const line: Line837 = {
    qualifier: procedure[0] ?? "",
    code: procedure[1] ?? "",
    modifiers: procedure
      .slice(2, 6)
      .map((m) => m.trim())
      .filter((m) => m !== ""),
    charge: moneyOf(e[2], s, "line charge (SV102)", warnings) ?? 0,
    pointers: [],
    position: s.position,
  };
  if (e[3]) line.unitBasis = e[3];
  if ((e[4] ?? "").trim() !== "") {
    const units = Number(e[4]);
    if (Number.isFinite(units)) line.units = units;
    else warnings.add(`The units (SV104) at segment ${s.position} are not a number ("${e[4]}").`, s.position);
  }
  if (e[5]) line.pos = e[5];
  for (const p of components(e[7] ?? "", d)) {
    if (p.trim() === "") continue;
    const n = Number(p);
    if (Number.isInteger(n) && n >= 1) line.pointers.push(n);
    else warnings.add(`A diagnosis pointer (SV107) at segment ${s.position} is not a number from 1 to 12 ("${p}").`, s.position);
  }
  return line;
}

function moneyOf(text: string | undefined, s: X12Segment, what: string, warnings: WarningList): Cents | undefined {
  const t = (text ?? "").trim();
  if (t === "") return undefined;
  const amount = parseMoney(t);
  if (amount.ok) return amount.value;
  warnings.add(`The ${what} at segment ${s.position} is not an amount ("${t}").`, s.position);
  return undefined;
}

function dateOf(text: string | undefined, s: X12Segment, what: string, warnings: WarningList): IsoDate | undefined {
  const t = (text ?? "").trim();
  if (t === "") return undefined;
  const date = /^\d{8}$/.test(t) ? parseDate(t) : undefined;
  if (date?.ok) return date.value;
  warnings.add(`The ${what} at segment ${s.position} is not a date ("${t}").`, s.position);
  return undefined;
}

/** An ICD-10-CM code with its dot put back after the third character (E119 → E11.9), as the workbook keeps it. */
export function withDot(code: string): string {
  const c = code.trim().toUpperCase();
  return c.length > 3 && !c.includes(".") ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/**
 * A read claim in the claim model, so the scrubber can judge a file it did not build (a real 837P):
 * diagnoses get their dots back, the patient is the 2010CA patient when there is one, else the
 * subscriber. Line ids missing from the file become "LX<n>" so problems can still name the line.
 */
export function toClaim(c: Claim837): Claim {
  const person = c.patient ?? c.subscriber;
  const lines: ClaimLine[] = c.lines.map((l, i) => {
    const line: ClaimLine = {
      lineId: l.lineId ?? `LX${l.lineNumber ?? i + 1}`,
      dos: l.dos ?? "",
      code: l.code,
      modifiers: l.modifiers,
      units: l.units ?? 0,
      charge: l.charge,
      pointers: l.pointers,
    };
    const pos = l.pos ?? c.pos;
    if (pos) line.pos = pos;
    const rendering = l.renderingNpi ?? c.renderingNpi;
    if (rendering) line.renderingNpi = rendering;
    return line;
  });
  const claim: Claim = {
    claimId: c.claimId,
    patient: {
      patientId: c.subscriber.id ?? "",
      lastName: person.name ?? "",
      firstName: person.firstName ?? "",
      address: person.address,
    },
    payer: { payerId: c.payer.id ?? "", name: c.payer.name ?? "" },
    billing: { name: c.billing.name ?? "", address: c.billing.address },
    diagnoses: c.diagnoses.map(withDot),
    lines,
    total: c.total,
    frequency: c.frequency === "7" || c.frequency === "8" ? c.frequency : "1",
  };
  if (person.dob) claim.patient.dob = person.dob;
  if (person.sex === "F" || person.sex === "M" || person.sex === "U") claim.patient.sex = person.sex;
  if (c.subscriber.id) claim.patient.memberId = c.subscriber.id;
  if (c.payer.id) claim.payer.x12PayerId = c.payer.id;
  if (c.billing.id) claim.billing.npi = c.billing.id;
  if (c.billing.ein) claim.billing.ein = c.billing.ein;
  if (c.billing.taxonomy) claim.billing.taxonomy = c.billing.taxonomy;
  if (c.pos) claim.pos = c.pos;
  if (c.payerClaimNumber) claim.payerClaimNumber = c.payerClaimNumber;
  if (c.renderingNpi) claim.renderingNpi = c.renderingNpi;
  if (c.sequence === "P" || c.sequence === "S" || c.sequence === "T") claim.sequence = c.sequence;
  // The prior payers in payer order (the primary, then the secondary), whatever order the file has.
  const others = (c.otherPayers ?? [])
    .map((o, k) => ({ o, k }))
    .sort((a, b) => PAYER_ORDER.indexOf(a.o.sequence) - PAYER_ORDER.indexOf(b.o.sequence) || a.k - b.k);
  if (others.length > 0) claim.otherPayers = others.map(({ o, k }) => otherPayerOf(o, k, c, lines));
  return claim;
}

const COB_GROUPS = new Set(["CO", "PR", "OA", "PI"]);
const cobAdjustments = (list: Cas837[]): CobAdjustment[] =>
  list
    .filter((a) => COB_GROUPS.has(a.group))
    .map((a) => ({ group: a.group as CobAdjustment["group"], reason: a.reason, amount: a.amount }));

/** SBR01 of 2320 in payer order; anything else after them, as read. */
const PAYER_ORDER = ["P", "S", "T", "A", "B", "C", "D", "E", "F", "G", "H", "U"];

/**
 * A read 2320/2330 loop (the `k`-th in the file) and its 2430 lines as the claim model's adjudication
 * of that payer: a line's 2430 is the one whose SVD01 names the payer (2330B NM109), else the line's
 * `k`-th.
 */
function otherPayerOf(o: OtherPayer837, k: number, c: Claim837, lines: ClaimLine[]): OtherPayerAdjudication {
  const id = o.payer.id ?? "";
  const cobLines: CobLine[] = [];
  c.lines.forEach((l, i) => {
    const answer = l.otherPayerLines?.find((a) => a.payerId === id) ?? l.otherPayerLines?.[k];
    if (answer) {
      cobLines.push({
        lineId: lines[i].lineId,
        paid: answer.paid,
        adjustments: cobAdjustments(answer.adjustments),
        paidDate: answer.paidDate ?? "",
      });
    }
  });
  const out: OtherPayerAdjudication = {
    payer: { payerId: id, name: o.payer.name ?? "", x12PayerId: id },
    paid: o.paid ?? cobLines.reduce((sum, l) => sum + l.paid, 0),
    claimAdjustments: cobAdjustments(o.adjustments),
    paidDate: o.paidDate ?? "",
    lines: cobLines,
  };
  if (o.subscriber.id) out.memberId = o.subscriber.id;
  if (o.payerClaimNumber) out.payerClaimNumber = o.payerClaimNumber;
  return out;
}
