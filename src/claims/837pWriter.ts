// The 837P professional claim file (005010X222A1) our claims are sent in (DOMAIN.md "837P claims").
// One interchange and one functional group per file; one ST/SE transaction per payer, its claims in
// the order given, under a billing provider HL (2000A: PRV taxonomy, NM1*85, N3/N4 with ZIP+4,
// REF*EI) with a subscriber HL each (2000B: SBR primary and self, NM1*IL, N3/N4, DMG, NM1*PR). The
// claim (2300) carries CLM01 = our ClaimID, so the 835 comes back matched; its lines (2400) carry
// REF*6R = the ChargeID, so each payment finds its line. Diagnoses are written without their dots.
//
// A secondary claim (claim.otherPayers, coordination of benefits) says SBR*S in 2000B and carries the
// primary's answer: loop 2320 (SBR*P, claim-level CAS, AMT*D paid, OI), 2330A (the patient as the
// primary's member), 2330B (the primary, DTP*573 its adjudication date, REF*F8 its claim number), and
// per line loop 2430 (SVD paid, CAS by group, DTP*573). Each line must balance: charge = SVD02 + ΣCAS.
// A tertiary claim says SBR*T and carries both prior payers the same way: a 2320 loop each (SBR*P
// the primary, SBR*S the secondary) and a 2430 each on every line, each balancing on its own.
//
// What the file cannot hold is refused in words before anything is written (build837p), never cut or
// guessed: an identifier with a separator in it, more than 12 diagnoses or 50 lines or 4 pointers, a
// rendering provider with no name. Free text with a separator is cleaned and said (notes). Scrub
// errors are the scrubber's business: this module writes the claims it is given.
import { formatMoney, sumCents } from "../money";
import {
  cleanText,
  separatorRefusal,
  separatorsIn,
  SegmentWriter,
  WRITER_DELIMITERS,
  writeInterchange,
  interchangeRefusals,
  nextControlNumber,
  x12Amount,
  x12Date,
  X12ValueError,
  type ControlNumbers,
} from "../x12/x12Writer";
import type { BillingProvider, Claim, ClaimAddress, ClaimLine, ClaimPayer, CobAdjustment, OtherPayerAdjudication } from "./model";

export const VERSION_837P = "005010X222A1";
export const MAX_DIAGNOSES = 12;
export const MAX_LINES = 50;
export const MAX_POINTERS = 4;
export const MAX_MODIFIERS = 4;

/** A rendering provider's name (Providers table), for NM1*82. */
export interface ProviderName {
  lastName: string;
  firstName?: string;
}

export interface Write837pOptions {
  /** Loop 1000A and ISA06/GS02: Practice "Submitter ID", and the practice's name. */
  sender: { id: string; name: string };
  /** Loop 1000B and ISA08/GS03: Practice "Receiver ID" (the clearinghouse), and its name. */
  receiver: { id: string; name: string };
  /** The last control numbers used: this file takes the next ones. */
  control: ControlNumbers;
  now: Date;
  /** ISA15 T: a test file the clearinghouse does not forward. */
  test?: boolean;
  /**
   * Rendering providers by NPI, for loop 2310B (and 2420A when a line's provider differs): the claim
   * model carries the NPI only, and NM1*82 needs a name.
   */
  providers?: ReadonlyMap<string, ProviderName>;
  /** A line break after each segment (easier to read; off by default). */
  lineBreaks?: boolean;
}

export interface Written837p {
  text: string;
  /** The last control numbers used by this file: store them, and give them to the next run. */
  control: ControlNumbers;
  /** Free text that was cleaned or cut to fit (no patient data in them). */
  notes: string[];
  /** One per ST/SE: the payer, its ST02 and how many claims and how much. */
  transactions: { payerId: string; control: string; claims: number; total: number }[];
}

export type Build837p = ({ ok: true } & Written837p) | { ok: false; error: string; problems: string[] };

/** SBR09 claim filing indicator by the payer's Type. */
const FILING_INDICATOR: Record<string, string> = {
  Medicare: "MB",
  Medicaid: "MC",
  Commercial: "CI",
  Tricare: "CH",
  "Workers Comp": "WC",
  "Self-pay": "ZZ",
  Other: "ZZ",
};

/** Element lengths of the guide that free text is cut to. */
const MAX = { orgName: 60, lastName: 60, firstName: 35, address: 55, city: 30, contact: 60 };

const digits = (text: string | undefined) => (text ?? "").replace(/\D/g, "");
const dropDot = (code: string) => code.replace(/[.\s]/g, "").toUpperCase();

/**
 * Write the 837P, or throw an X12ValueError saying what cannot be written (use build837p for the
 * refusal as a value). Control numbers increase from `options.control`.
 */
export function write837p(claims: Claim[], options: Write837pOptions): Written837p {
  const built = build837p(claims, options);
  if (!built.ok) throw new X12ValueError(built.error);
  return { text: built.text, control: built.control, notes: built.notes, transactions: built.transactions };
}

/** What stops the claims from being written, in a biller's words; empty when they can be. */
export function refusals837p(claims: Claim[], options: Pick<Write837pOptions, "sender" | "receiver" | "providers">): string[] {
  const problems = interchangeRefusals({ sender: options.sender, receiver: options.receiver });
  if (claims.length === 0) problems.push("There are no claims to write.");
  const seen = new Set<string>();
  for (const claim of claims) {
    const id = claim.claimId;
    const named = `Claim ${separatorsIn(id).length > 0 ? JSON.stringify(id) : id}`;
    const key = id.trim().toUpperCase();
    if (seen.has(key)) problems.push(`${named} is given twice: a file holds each claim once.`);
    seen.add(key);
    const ids: [string | undefined, string, string][] = [
      [id, `${named}: the ClaimID`, "change it in Charges (ClaimID)."],
      [claim.patient.memberId, `${named}: the member ID`, "correct it in Patients."],
      [claim.payer.x12PayerId ?? claim.payer.payerId, `${named}: the payer's X12 Payer ID`, "correct it in Payers."],
      [claim.billing.npi, `${named}: the billing NPI`, "correct it in Practice (Billing NPI)."],
      [claim.billing.ein, `${named}: the Tax ID`, "correct it in Practice (Tax ID)."],
      [claim.billing.taxonomy, `${named}: the taxonomy code`, "correct it in Practice (Taxonomy)."],
      [claim.payerClaimNumber, `${named}: the payer claim number`, "correct it in Charges (Payer Claim #)."],
      [claim.pos, `${named}: the place of service`, "correct it in Charges (POS)."],
      [claim.renderingNpi, `${named}: the rendering NPI`, "correct it in Charges (Provider NPI)."],
      ...claim.diagnoses.map((dx, i): [string, string, string] => [dx, `${named}: diagnosis ${i + 1}`, "correct it in Charges."]),
    ];
    for (const line of claim.lines) {
      const where = `${named}, line ${line.lineId}`;
      ids.push(
        [line.lineId, `${named}: ChargeID ${JSON.stringify(line.lineId)}`, "change it in Charges (ChargeID)."],
        [line.code, `${where}: the code`, "correct it in Charges (Code)."],
        [line.pos, `${where}: the place of service`, "correct it in Charges (POS)."],
        [line.renderingNpi, `${where}: the provider NPI`, "correct it in Charges (Provider NPI)."],
        ...line.modifiers.map((m): [string, string, string] => [m, `${where}: a modifier`, "correct it in Charges."]),
      );
    }
    for (const [value, what, fix] of ids) {
      if (value === undefined) continue;
      const found = separatorsIn(value);
      if (found.length > 0) problems.push(separatorRefusal(what, found, fix));
      else if (/[\r\n\t]/.test(value)) problems.push(`${what} has a line break or tab in it: ${fix}`);
    }
    if (claim.lines.length === 0) problems.push(`${named} has no service lines.`);
    if (!(claim.pos ?? claim.lines[0]?.pos)?.trim()) problems.push(`${named} has no place of service: fill POS in Charges.`);
    if (claim.lines.length > MAX_LINES)
      problems.push(`${named} has ${claim.lines.length} lines; an 837P claim holds at most ${MAX_LINES}: split it into two claims.`);
    if (claim.diagnoses.length > MAX_DIAGNOSES)
      problems.push(`${named} has ${claim.diagnoses.length} diagnoses; a claim holds at most ${MAX_DIAGNOSES}: split it.`);
    for (const line of claim.lines) {
      if (line.pointers.length > MAX_POINTERS)
        problems.push(`${named}, line ${line.lineId}: ${line.pointers.length} diagnosis pointers; a line takes at most ${MAX_POINTERS}.`);
      if (line.modifiers.length > MAX_MODIFIERS)
        problems.push(`${named}, line ${line.lineId}: ${line.modifiers.length} modifiers; a line takes at most ${MAX_MODIFIERS}.`);
    }
    cobRefusals(claim, named, problems);
    for (const npi of renderingNpis(claim)) {
      if (!options.providers?.get(npi)?.lastName.trim()) {
        problems.push(`${named}: the rendering provider (NPI ${npi}) has no name in Providers: add their Last Name and First Name there.`);
      }
    }
  }
  return problems;
}

/** SBR01 of a prior payer's 2320 loop, by its place in claim.otherPayers (the primary first). */
const PRIOR_SEQUENCE = ["P", "S"] as const;
/** How many prior payers a claim carries at most: a tertiary claim's primary and secondary. */
const MAX_PRIOR_PAYERS = PRIOR_SEQUENCE.length;
/** The prior payer's place in words, for refusals and notes. */
const PRIOR_NAME = ["primary", "secondary"] as const;
/** The claim's own place in words, by SBR01. */
const CLAIM_PLACE: Record<string, string> = { P: "primary", S: "secondary", T: "tertiary" };
/** How many prior payers a claim of each sequence carries. */
const PRIOR_COUNT: Record<string, number> = { S: 1, T: 2 };

/**
 * What keeps a secondary or tertiary claim's coordination of benefits out of the file: a prior payer's
 * answer missing, or a line not balancing against one of them.
 */
function cobRefusals(claim: Claim, named: string, problems: string[]): void {
  const others = claim.otherPayers ?? [];
  const place = CLAIM_PLACE[claim.sequence ?? "P"] ?? "primary";
  const wanted = PRIOR_COUNT[claim.sequence ?? ""];
  if (wanted !== undefined && others.length < wanted) {
    const missing = others.length === 0 ? "the primary's adjudication" : "the secondary's adjudication";
    problems.push(`${named} is a ${place} claim without ${missing}: it cannot be sent to the ${place}.`);
    return;
  }
  if (others.length > MAX_PRIOR_PAYERS) {
    problems.push(
      `${named} carries ${others.length} prior payers' answers; MedBill sends at most ${MAX_PRIOR_PAYERS} (the primary and the secondary).`,
    );
    return;
  }
  others.forEach((other, k) => {
    const whose = PRIOR_NAME[k];
    const ids: [string | undefined, string, string][] = [
      [other.payer.x12PayerId ?? other.payer.payerId, `${named}: the ${whose}'s X12 Payer ID`, "correct it in Payers."],
      [other.memberId, `${named}: the ${whose} member ID`, "correct it in Patients."],
      [other.payerClaimNumber, `${named}: the ${whose}'s claim number`, "correct it in Charges (Payer Claim #)."],
    ];
    for (const a of [...other.claimAdjustments, ...other.lines.flatMap((l) => l.adjustments)]) {
      ids.push([a.reason, `${named}: reason code ${JSON.stringify(a.reason)}`, "correct it in Postings (Reason)."]);
    }
    for (const [value, what, fix] of ids) {
      if (value === undefined) continue;
      const found = separatorsIn(value);
      if (found.length > 0) problems.push(separatorRefusal(what, found, fix));
    }
    const answers = new Map(other.lines.map((l) => [l.lineId, l]));
    for (const line of claim.lines) {
      const answer = answers.get(line.lineId);
      if (!answer) {
        problems.push(`${named}, line ${line.lineId}: the ${whose}'s answer on the line is missing, which the ${place} needs.`);
        continue;
      }
      const adjusted = sumCents(answer.adjustments.map((a) => a.amount));
      if (answer.paid + adjusted !== line.charge) {
        problems.push(
          `${named}, line ${line.lineId}: the ${whose} paid ${formatMoney(answer.paid)} and adjusted ${formatMoney(adjusted)}, which is not the line's charge of ${formatMoney(line.charge)}: the ${place} claim would not balance.`,
        );
      }
    }
  });
  if (others.length > 1) {
    const ids = others.map((o) => otherPayerId(o.payer));
    if (new Set(ids).size < ids.length) {
      problems.push(
        `${named}: the primary and the secondary have the same X12 Payer ID ${ids[0]}, so their answers on a line (SVD01) cannot be told apart: correct it in Payers.`,
      );
    }
  }
}

/** The rendering NPIs the file names: the claim's when it differs from billing, and each line's that differs from the claim's. */
function renderingNpis(claim: Claim): string[] {
  const out = new Set<string>();
  const claimRendering = claimRenderingNpi(claim);
  if (claimRendering) out.add(claimRendering);
  const effective = claimRendering ?? claim.billing.npi;
  for (const line of claim.lines) if (line.renderingNpi && line.renderingNpi !== effective) out.add(line.renderingNpi);
  return [...out];
}

/** Loop 2310B's NPI: the claim's rendering provider when it is not the billing provider. */
function claimRenderingNpi(claim: Claim): string | undefined {
  const npi = claim.renderingNpi ?? claim.lines[0]?.renderingNpi;
  return npi && npi !== claim.billing.npi ? npi : undefined;
}

/** Write the 837P, or say in words why it cannot be written. */
export function build837p(claims: Claim[], options: Write837pOptions): Build837p {
  const problems = refusals837p(claims, options);
  if (problems.length > 0) {
    return {
      ok: false,
      problems,
      error: `The 837P file was not written: ${problems.length === 1 ? problems[0] : `${problems.length} problems. ${problems.join(" ")}`}`,
    };
  }
  const byPayer = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = claim.payer.payerId.trim().toUpperCase();
    const list = byPayer.get(key);
    if (list) list.push(claim);
    else byPayer.set(key, [claim]);
  }
  const notes = new Notes();
  const w = new SegmentWriter(WRITER_DELIMITERS);
  const transactions: Written837p["transactions"] = [];
  const bodies = [...byPayer.values()].map((payerClaims) => ({
    setId: "837",
    segments: (control: string) => {
      transactions.push({
        payerId: payerClaims[0].payer.payerId,
        control,
        claims: payerClaims.length,
        total: sumCents(payerClaims.map((c) => c.total)),
      });
      return transactionBody(payerClaims, options, control, w, notes);
    },
  }));
  const written = writeInterchange(
    {
      sender: { id: options.sender.id },
      receiver: { id: options.receiver.id },
      control: options.control,
      now: options.now,
      test: options.test,
      functionalId: "HC",
      version: VERSION_837P,
      lineBreaks: options.lineBreaks,
    },
    bodies,
  );
  return { ok: true, text: written.text, control: written.control, notes: notes.list(), transactions };
}

/** Cleaned-text notes, one per claim and field, without the values themselves. */
class Notes {
  private readonly seen = new Set<string>();
  private readonly items: string[] = [];

  /** The text cleaned for an element; a note when a separator was replaced or the text was cut. */
  text(value: string | undefined, max: number, where: string, what: string): string {
    if (value === undefined) return "";
    const cleaned = cleanText(value, max);
    if (cleaned.separators.length > 0) {
      this.add(`${where}: ${what} had ${cleaned.separators.map((s) => `"${s}"`).join(" and ")} in it, written as a space.`);
    }
    if (cleaned.truncated) this.add(`${where}: ${what} is longer than the ${max} characters the file holds; it was cut.`);
    return cleaned.text;
  }

  add(note: string): void {
    if (this.seen.has(note)) return;
    this.seen.add(note);
    this.items.push(note);
  }

  list(): string[] {
    return this.items;
  }
}

function transactionBody(claims: Claim[], options: Write837pOptions, control: string, w: SegmentWriter, notes: Notes): string[] {
  const out: string[] = [];
  const now = options.now;
  const p2 = (n: number) => String(n).padStart(2, "0");
  const date = `${String(now.getFullYear()).padStart(4, "0")}${p2(now.getMonth() + 1)}${p2(now.getDate())}`;
  const time = `${p2(now.getHours())}${p2(now.getMinutes())}`;
  const first = claims[0];
  // BHT03, the originator's reference: the interchange and transaction, unique per file.
  out.push(
    w.segment(
      "BHT",
      "0019",
      "00",
      `${String(nextControlNumber(options.control.interchange)).padStart(9, "0")}${control}`,
      date,
      time,
      "CH",
    ),
  );
  // 1000A submitter, 1000B receiver.
  out.push(
    w.segment(
      "NM1",
      "41",
      "2",
      notes.text(options.sender.name, MAX.orgName, "Submitter", "the name"),
      "",
      "",
      "",
      "",
      "46",
      options.sender.id,
    ),
  );
  const contact = notes.text(first.billing.name, MAX.contact, "Submitter", "the contact name");
  const phone = digits(first.billing.phone);
  if (phone) out.push(w.segment("PER", "IC", contact, "TE", phone));
  else {
    out.push(w.segment("PER", "IC", contact));
    notes.add(
      "The practice has no Phone in Practice: the submitter contact (PER) was written without a number, which a clearinghouse may refuse.",
    );
  }
  out.push(
    w.segment(
      "NM1",
      "40",
      "2",
      notes.text(options.receiver.name, MAX.orgName, "Receiver", "the name"),
      "",
      "",
      "",
      "",
      "46",
      options.receiver.id,
    ),
  );

  let hl = 0;
  let billingHl = 0;
  let billingKey: string | undefined;
  for (const claim of claims) {
    const key = billingIdentity(claim.billing);
    if (key !== billingKey) {
      billingKey = key;
      billingHl = ++hl;
      billingLoop(out, w, notes, claim.billing, billingHl, claim.claimId);
    }
    const subscriberHl = ++hl;
    subscriberLoop(out, w, notes, claim, subscriberHl, billingHl);
    claimLoop(out, w, notes, claim, options.providers);
  }
  return out;
}

const billingIdentity = (b: BillingProvider) =>
  JSON.stringify([b.npi, b.ein, b.name, b.taxonomy, b.address.lines, b.address.city, b.address.state, b.address.zip]);

function addressSegments(out: string[], w: SegmentWriter, notes: Notes, address: ClaimAddress, where: string, whose: string): void {
  const lines = address.lines.map((l) => notes.text(l, MAX.address, where, `${whose} address`)).filter((l) => l !== "");
  if (lines.length > 0) out.push(w.segment("N3", lines[0], lines[1]));
  if (lines.length > 2) notes.add(`${where}: ${whose} address has more than two lines; the file holds two, the rest was left off.`);
  const city = notes.text(address.city, MAX.city, where, `${whose} city`);
  const state = notes.text(address.state, 2, where, `${whose} state`);
  const zip = digits(address.zip);
  if (city || state || zip) out.push(w.segment("N4", city, state, zip));
}

/** 2000A billing provider: HL, PRV, 2010AA NM1*85, N3/N4, REF*EI. */
function billingLoop(out: string[], w: SegmentWriter, notes: Notes, b: BillingProvider, hl: number, claimId: string): void {
  const where = `Billing provider (claim ${claimId})`;
  out.push(w.segment("HL", String(hl), "", "20", "1"));
  if (b.taxonomy) out.push(w.segment("PRV", "BI", "PXC", b.taxonomy.trim().toUpperCase()));
  out.push(w.segment("NM1", "85", "2", notes.text(b.name, MAX.orgName, where, "the name"), "", "", "", "", b.npi ? "XX" : "", b.npi));
  addressSegments(out, w, notes, b.address, where, "the");
  if (b.ein) out.push(w.segment("REF", "EI", digits(b.ein)));
}

/** 2000B subscriber (the patient, as self): HL, SBR, 2010BA NM1*IL with N3/N4 and DMG, 2010BB NM1*PR. */
function subscriberLoop(out: string[], w: SegmentWriter, notes: Notes, claim: Claim, hl: number, parent: number): void {
  const where = `Claim ${claim.claimId}`;
  const patient = claim.patient;
  out.push(w.segment("HL", String(hl), String(parent), "22", "0"));
  out.push(w.segment("SBR", claimSequence(claim), "18", "", "", "", "", "", "", filingIndicator(claim.payer)));
  out.push(
    w.segment(
      "NM1",
      "IL",
      "1",
      notes.text(patient.lastName, MAX.lastName, where, "the patient's last name"),
      notes.text(patient.firstName, MAX.firstName, where, "the patient's first name"),
      "",
      "",
      "",
      patient.memberId ? "MI" : "",
      patient.memberId?.trim(),
    ),
  );
  addressSegments(out, w, notes, patient.address, where, "the patient's");
  if (patient.dob || patient.sex) out.push(w.segment("DMG", "D8", patient.dob ? x12Date(patient.dob) : "", patient.sex ?? "U"));
  // The scrubber only warns about a missing X12 Payer ID: our PayerID goes in its place, and is said.
  let payerId = claim.payer.x12PayerId?.trim();
  if (!payerId) {
    payerId = claim.payer.payerId.trim();
    notes.add(
      `Payer ${payerId} has no X12 Payer ID in Payers: its PayerID was written in its place (NM1*PR), check it with your clearinghouse.`,
    );
  }
  out.push(
    w.segment("NM1", "PR", "2", notes.text(claim.payer.name, MAX.orgName, where, "the payer's name"), "", "", "", "", "PI", payerId),
  );
}

/** SBR01 of the claim's own subscriber loop: its sequence, else by how many prior payers it carries. */
function claimSequence(claim: Claim): string {
  if (claim.sequence) return claim.sequence;
  const prior = claim.otherPayers?.length ?? 0;
  return prior === 0 ? "P" : prior === 1 ? "S" : "T";
}

function filingIndicator(payer: ClaimPayer): string {
  return (payer.type && FILING_INDICATOR[payer.type]) || "CI";
}

/** 2300 claim (CLM, REF*F8, HI), 2310B rendering provider, 2400 lines (LX, SV1, DTP*472, REF*6R, 2420A). */
function claimLoop(out: string[], w: SegmentWriter, notes: Notes, claim: Claim, providers?: ReadonlyMap<string, ProviderName>): void {
  const pos = (claim.pos ?? claim.lines[0]?.pos ?? "").trim();
  out.push(w.segment("CLM", claim.claimId.trim(), x12Amount(claim.total), "", "", [pos, "B", claim.frequency], "Y", "A", "Y", "Y"));
  if ((claim.frequency === "7" || claim.frequency === "8") && claim.payerClaimNumber) {
    out.push(w.segment("REF", "F8", claim.payerClaimNumber.trim()));
  }
  if (claim.diagnoses.length > 0) {
    out.push(w.segment("HI", ...claim.diagnoses.map((dx, i) => [i === 0 ? "ABK" : "ABF", dropDot(dx)])));
  }
  const where = `Claim ${claim.claimId}`;
  const rendering = claimRenderingNpi(claim);
  if (rendering) out.push(renderingSegment(w, notes, rendering, providers, where));
  const effective = rendering ?? claim.billing.npi;
  const others = claim.otherPayers ?? [];
  others.forEach((other, k) => otherPayerLoops(out, w, notes, claim, other, k));
  const answers = others.map((other) => new Map(other.lines.map((l) => [l.lineId, l])));
  claim.lines.forEach((line, i) => {
    out.push(w.segment("LX", String(i + 1)));
    out.push(serviceLine(w, line, pos));
    out.push(w.segment("DTP", "472", "D8", x12Date(line.dos)));
    out.push(w.segment("REF", "6R", line.lineId.trim()));
    if (line.renderingNpi && line.renderingNpi !== effective) {
      out.push(renderingSegment(w, notes, line.renderingNpi, providers, `${where}, line ${line.lineId}`));
    }
    // 2430, one per prior payer in payer order: what it did with the line; SVD01 is its 2330B NM109.
    others.forEach((other, k) => {
      const answer = answers[k].get(line.lineId);
      if (!answer) return;
      out.push(
        w.segment(
          "SVD",
          otherPayerId(other.payer),
          x12Amount(answer.paid),
          ["HC", line.code.trim().toUpperCase(), ...line.modifiers.map((m) => m.trim().toUpperCase())],
          "",
          line.units,
        ),
      );
      casSegments(out, w, answer.adjustments);
      out.push(w.segment("DTP", "573", "D8", x12Date(answer.paidDate)));
    });
  });
}

/** A prior payer's X12 Payer ID (its PayerID when Payers has none), as 2330B NM109 and SVD01. */
const otherPayerId = (payer: ClaimPayer) => (payer.x12PayerId?.trim() || payer.payerId.trim()).toUpperCase();

/** CAS per group (CO, PR, OA, PI), at most six reason/amount triplets to a segment. */
function casSegments(out: string[], w: SegmentWriter, adjustments: CobAdjustment[]): void {
  for (const group of ["CO", "PR", "OA", "PI"] as const) {
    const ofGroup = adjustments.filter((a) => a.group === group);
    for (let k = 0; k < ofGroup.length; k += 6) {
      const triplets = ofGroup.slice(k, k + 6).flatMap((a) => [a.reason.trim().toUpperCase(), x12Amount(a.amount), ""]);
      // The last triplet's empty quantity is dropped by the writer with the other trailing blanks.
      out.push(w.segment("CAS", group, ...triplets));
    }
  }
}

/**
 * One prior payer's loops, the `k`-th in payer order: 2320 (SBR01 P for the primary, S for the
 * secondary; self, its filing indicator; claim-level CAS; AMT*D what it paid; OI benefits assigned and
 * release signed), 2330A the patient as its member, 2330B the payer with DTP*573 and REF*F8 when its
 * claim number is known.
 */
function otherPayerLoops(out: string[], w: SegmentWriter, notes: Notes, claim: Claim, other: OtherPayerAdjudication, k: number): void {
  const where = `Claim ${claim.claimId}`;
  out.push(w.segment("SBR", PRIOR_SEQUENCE[k] ?? "S", "18", "", "", "", "", "", "", filingIndicator(other.payer)));
  casSegments(out, w, other.claimAdjustments);
  out.push(w.segment("AMT", "D", x12Amount(other.paid)));
  out.push(w.segment("OI", "", "", "Y", "", "", "Y"));
  const memberId = other.memberId?.trim();
  out.push(
    w.segment(
      "NM1",
      "IL",
      "1",
      notes.text(claim.patient.lastName, MAX.lastName, where, "the patient's last name"),
      notes.text(claim.patient.firstName, MAX.firstName, where, "the patient's first name"),
      "",
      "",
      "",
      "MI",
      memberId || claim.patient.patientId.trim(),
    ),
  );
  if (!memberId) {
    notes.add(`${where}: the patient has no member ID with ${other.payer.payerId}: the PatientID was written in its place (2330A NM1*IL).`);
  }
  out.push(
    w.segment(
      "NM1",
      "PR",
      "2",
      notes.text(other.payer.name, MAX.orgName, where, `the ${PRIOR_NAME[k] ?? "other payer"}'s name`),
      "",
      "",
      "",
      "",
      "PI",
      otherPayerId(other.payer),
    ),
  );
  out.push(w.segment("DTP", "573", "D8", x12Date(other.paidDate)));
  if (other.payerClaimNumber?.trim()) out.push(w.segment("REF", "F8", other.payerClaimNumber.trim()));
}

function renderingSegment(
  w: SegmentWriter,
  notes: Notes,
  npi: string,
  providers: ReadonlyMap<string, ProviderName> | undefined,
  where: string,
): string {
  const name = providers?.get(npi);
  return w.segment(
    "NM1",
    "82",
    "1",
    notes.text(name?.lastName, MAX.lastName, where, "the rendering provider's last name"),
    notes.text(name?.firstName, MAX.firstName, where, "the rendering provider's first name"),
    "",
    "",
    "",
    "XX",
    npi,
  );
}

/** SV1: HC:code:modifiers, charge, UN, units, POS when it differs from the claim's, pointers 1:2:3. */
function serviceLine(w: SegmentWriter, line: ClaimLine, claimPos: string): string {
  const linePos = line.pos?.trim();
  return w.segment(
    "SV1",
    ["HC", line.code.trim().toUpperCase(), ...line.modifiers.map((m) => m.trim().toUpperCase())],
    x12Amount(line.charge),
    "UN",
    line.units,
    linePos && linePos !== claimPos ? linePos : "",
    "",
    line.pointers.map(String),
  );
}
