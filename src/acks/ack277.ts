// The payer's 277CA claim acknowledgment (005010X214) as a biller reads it: who answers (HL 20, the
// payer), to whom (HL 21), for which billing provider (HL 19), and for each claim (HL PT) our ClaimID
// (TRN*2, the patient control number we sent in CLM01), its verdicts (STC: category, status code,
// entity, date, amount), the payer's claim number (REF*1K), the clearinghouse's trace (REF*D9), the
// dates of service (DTP*472) and, when the payer answers line by line, each line (SVC, its STC,
// REF*FJ, DTP*472). The codes are put in our own short words, not the X12 descriptors. The patient's
// name (NM1*QC) is never kept. acksPlan.ts ties the claims to the workbook.
import type { IsoDate } from "../dates";
import { parseMoney, type Cents } from "../money";
import { components, readX12, type X12Delimiters, type X12Segment, type X12Transaction } from "../x12/x12Reader";
import { envelopeDate, transactionName, x12Date } from "./ackEnvelope";

/** One composite of an STC (STC01, STC10 or STC11). */
export interface StatusCode {
  /** Claim status category (A1, A2, A7...). */
  category: string;
  /** Claim status code (19, 20, 562...). */
  status: string;
  /** Entity the status is about (85 billing provider, IL subscriber...). */
  entity?: string;
}

/** One STC segment. */
export interface StatusAck {
  codes: StatusCode[];
  /** STC02: the date the status took effect. */
  date?: IsoDate;
  /** STC03: WQ accepted, U rejected (as the payer labels it). */
  action?: string;
  /** STC04: the claim's (or line's) charge as the payer read it. */
  amount?: Cents;
  /** STC12: the payer's own words. Kept for the pane; not written to the workbook (it may name the patient). */
  message?: string;
}

export interface LineAck277 {
  /** SVC01 composite: qualifier (HC), code and modifiers. */
  code: string;
  modifiers: string[];
  charge?: Cents;
  units?: number;
  /** DTP*472 */
  dos?: IsoDate;
  /** REF*FJ: the line id we sent (REF*6R), our ChargeID. */
  lineId?: string;
  statuses: StatusAck[];
  position: number;
}

export interface ClaimAck277 {
  /** TRN02: the patient control number we sent (CLM01), our ClaimID. */
  claimId: string;
  /** REF*1K: the payer's claim control number. */
  payerClaimNumber?: string;
  /** REF*D9: the clearinghouse's trace number for the claim. */
  clearinghouseTrace?: string;
  serviceFrom?: IsoDate;
  serviceTo?: IsoDate;
  statuses: StatusAck[];
  lines: LineAck277[];
  /** The TRN's segment number in the file. */
  position: number;
}

export interface Ack277 {
  /** ST02 */
  control: string;
  /** BHT03: the payer's reference for this acknowledgment. */
  reference?: string;
  /** BHT04, else the envelope's GS04 or ISA09. */
  date?: IsoDate;
  dateFrom?: "BHT04" | "GS04" | "ISA09";
  /** HL 20, NM1*PR. */
  payer: { name: string; id?: string };
  /** HL 19, NM1*85: the billing provider's NPI (XX) or other id. */
  billingProviderIds: string[];
  /** HL 21 and 19 carry STCs on the whole batch: the count of claims they say were accepted and rejected. */
  batchStatuses: StatusAck[];
  claims: ClaimAck277[];
}

export type Ack277Read = { ok: true; acks: Ack277[]; isaControl?: string; warnings: string[] } | { ok: false; error: string };

export type ClaimVerdict = "accepted" | "rejected" | "unknown";

const CATEGORY_WORDS: Record<string, string> = {
  A0: "forwarded to another payer or entity",
  A1: "received",
  A2: "accepted into the payer's system",
  A3: "returned as unprocessable",
  A4: "not found",
  A5: "accepted and split by the payer",
  A6: "rejected for missing information",
  A7: "rejected for invalid information",
  A8: "rejected for relational field errors",
};

const ACCEPTED_CATEGORIES = new Set(["A1", "A2", "A5"]);
const REJECTED_CATEGORIES = new Set(["A3", "A4", "A6", "A7", "A8"]);

// The status codes a front-end acknowledgment carries most often, in our words.
const STATUS_CODE_WORDS: Record<string, string> = {
  "19": "receipt acknowledged",
  "20": "accepted for processing",
  "21": "information missing or invalid",
  "33": "subscriber and subscriber ID not found",
  "97": "patient's coverage not found",
  "116": "sent to the wrong payer",
  "128": "the tax ID",
  "145": "the taxonomy (specialty) code",
  "164": "the member or contract number",
  "187": "the date(s) of service",
  "255": "the diagnosis code",
  "400": "the claim's total does not match its lines",
  "454": "the procedure code",
  "562": "the NPI",
};

const ENTITY_WORDS: Record<string, string> = {
  "03": "dependent",
  "1P": "provider",
  "40": "receiver",
  "41": "submitter",
  "77": "service location",
  "82": "rendering provider",
  "85": "billing provider",
  "87": "pay-to provider",
  DN: "referring provider",
  IL: "subscriber",
  PR: "payer",
  QC: "patient",
};

/** "rejected for invalid information", or the category named when MedBill does not know it. */
export function categoryWords(category: string): string {
  return CATEGORY_WORDS[category] ?? `category ${category} (not in MedBill's list)`;
}

/** "the NPI (status 562)", or "status code 999 (not in MedBill's list)". */
export function statusCodeWords(status: string): string {
  const words = STATUS_CODE_WORDS[status];
  return words ? `${words} (status ${status})` : `status code ${status || "(blank)"} (not in MedBill's list)`;
}

/** "A7 rejected for invalid information: the NPI (status 562), billing provider". */
export function statusWords(code: StatusCode): string {
  const entity = code.entity ? `, ${ENTITY_WORDS[code.entity] ?? `entity ${code.entity}`}` : "";
  return `${code.category} ${categoryWords(code.category)}: ${statusCodeWords(code.status)}${entity}`;
}

function verdictOfStatuses(statuses: StatusAck[]): ClaimVerdict {
  const categories = statuses.flatMap((s) => s.codes.map((c) => c.category));
  if (categories.some((c) => REJECTED_CATEGORIES.has(c))) return "rejected";
  if (categories.some((c) => ACCEPTED_CATEGORIES.has(c))) return "accepted";
  return "unknown";
}

/** Rejected when any of the claim's statuses rejects it; accepted when one accepts it; else unknown. */
export function claimVerdict(claim: ClaimAck277): ClaimVerdict {
  const own = verdictOfStatuses(claim.statuses);
  if (own !== "unknown") return own;
  // A claim answered only line by line: rejected if a line is, accepted if every answered line is.
  const lines = claim.lines.map((l) => verdictOfStatuses(l.statuses)).filter((v) => v !== "unknown");
  if (lines.includes("rejected")) return "rejected";
  return lines.length > 0 ? "accepted" : "unknown";
}

/**
 * The claim's answer in words, for the Reason column: its statuses that decide the verdict (the
 * rejecting ones when rejected), then each rejected line by code, date and line id.
 */
export function claimReason(claim: ClaimAck277): string {
  const verdict = claimVerdict(claim);
  const parts: string[] = [];
  for (const s of claim.statuses) {
    for (const c of s.codes) if (verdict !== "rejected" || REJECTED_CATEGORIES.has(c.category)) parts.push(statusWords(c));
  }
  for (const line of claim.lines) {
    const rejected = line.statuses.flatMap((s) => s.codes).filter((c) => REJECTED_CATEGORIES.has(c.category));
    if (rejected.length === 0) continue;
    const where = [line.code, line.dos ? `on ${line.dos}` : "", line.lineId ? `(line ${line.lineId})` : ""].filter(Boolean).join(" ");
    parts.push(`line ${where}: ${rejected.map(statusWords).join("; ")}`);
  }
  return parts.join("; ");
}

const SUPPORTED_GUIDE = "005010X214";

/**
 * Reads a 277CA file's text. Refuses, in a sentence naming the segment and why, a file that is not a
 * 277, or a claim whose TRN or STC cannot be read; envelope problems come back as warnings.
 */
export function read277ca(text: string): Ack277Read {
  const read = readX12(text);
  if (!read.ok) return read;
  const warnings = read.warnings.map((w) => w.message);
  const acks: Ack277[] = [];
  for (const t of read.interchange.transactions) {
    if (t.setId !== "277") {
      return {
        ok: false,
        error: `This is ${transactionName(t.setId)}, not a 277CA claim acknowledgment: choose the 277CA file your payer sent back.`,
      };
    }
    const version = (t.version ?? "").trim();
    if (version && !version.startsWith(SUPPORTED_GUIDE)) {
      warnings.push(
        `Transaction ${t.control} names the guide ${version.slice(0, 40)}, not the 277CA's 005010X214: it was read as a claim acknowledgment.`,
      );
    }
    const ack = readTransaction(t, read.interchange.delimiters, warnings);
    if (!ack.ok) return ack;
    acks.push(ack.ack);
  }
  const result: Ack277Read = { ok: true, acks, warnings };
  if (read.interchange.isaControl !== undefined) result.isaControl = read.interchange.isaControl;
  return result;
}

type Level = "header" | "payer" | "receiver" | "provider" | "claim" | "line";

const LEVELS: Record<string, Level> = { "20": "payer", "21": "receiver", "19": "provider", PT: "claim" };

function readTransaction(
  t: X12Transaction,
  d: X12Delimiters,
  warnings: string[],
): { ok: true; ack: Ack277 } | { ok: false; error: string } {
  const ack: Ack277 = { control: t.control, payer: { name: "" }, billingProviderIds: [], batchStatuses: [], claims: [] };
  let level: Level = "header";
  let claim: ClaimAck277 | undefined;
  let line: LineAck277 | undefined;
  const refuse = (s: X12Segment, why: string) => ({ ok: false as const, error: `The 277CA's ${s.id} at segment ${s.position} ${why}.` });

  for (const s of t.segments) {
    const e = s.elements;
    const el = (i: number) => (e[i] ?? "").trim();
    switch (s.id) {
      case "BHT": {
        if (el(3)) ack.reference = el(3);
        const date = x12Date(el(4));
        if (date) {
          ack.date = date;
          ack.dateFrom = "BHT04";
        }
        break;
      }
      case "HL": {
        const code = el(3);
        const next = LEVELS[code];
        if (!next) return refuse(s, `has the level code "${code}", which a 277CA does not use (20, 21, 19 or PT)`);
        level = next;
        claim = undefined;
        line = undefined;
        break;
      }
      case "NM1":
        if (level === "payer" && el(1) === "PR") {
          ack.payer.name = el(3);
          if (el(9)) ack.payer.id = el(9);
        } else if (level === "provider" && el(9)) {
          ack.billingProviderIds.push(el(9));
        }
        // NM1*QC, the patient: never kept.
        break;
      case "TRN":
        if (level !== "claim") break;
        if (claim) return refuse(s, `is a second claim reference in the same patient level (after claim ${claim.claimId})`);
        if (!el(2)) return refuse(s, "gives no patient control number (TRN02), so the claim it answers cannot be found");
        claim = { claimId: el(2), statuses: [], lines: [], position: s.position };
        ack.claims.push(claim);
        break;
      case "STC": {
        const status = readStatus(s, d);
        if (!status.ok) return refuse(s, status.why);
        if (level === "line" && line) line.statuses.push(status.status);
        else if (level === "claim") {
          if (!claim) return refuse(s, "comes before the claim's TRN*2, so the claim it answers is unknown");
          claim.statuses.push(status.status);
        } else if (level === "receiver" || level === "provider") ack.batchStatuses.push(status.status);
        break;
      }
      case "REF":
        if (level === "claim" && claim) {
          if (el(1) === "1K" && el(2)) claim.payerClaimNumber = el(2);
          else if (el(1) === "D9" && el(2)) claim.clearinghouseTrace = el(2);
        } else if (level === "line" && line && el(1) === "FJ" && el(2)) line.lineId = el(2);
        break;
      case "DTP": {
        if (el(1) !== "472") break;
        const [from, to] = el(3).split("-");
        const start = x12Date(from);
        const end = x12Date(to) ?? start;
        if (level === "line" && line) {
          if (start) line.dos = start;
        } else if (level === "claim" && claim && start) {
          claim.serviceFrom = start;
          if (end) claim.serviceTo = end;
        }
        break;
      }
      case "SVC": {
        if (level !== "claim" && level !== "line") return refuse(s, "is outside a claim");
        if (!claim) return refuse(s, "comes before the claim's TRN*2");
        const parts = components(e[1] ?? "", d);
        line = {
          code: (parts[1] ?? parts[0] ?? "").trim(),
          modifiers: parts.slice(2, 6).filter((m) => m.trim() !== ""),
          statuses: [],
          position: s.position,
        };
        const charge = parseMoney(el(2));
        if (el(2) && charge.ok) line.charge = charge.value;
        const units = Number(el(7));
        if (el(7) && Number.isFinite(units)) line.units = units;
        claim.lines.push(line);
        level = "line";
        break;
      }
      default:
        break;
    }
  }
  if (!ack.date) {
    const dated = envelopeDate(t);
    if (dated) {
      ack.date = dated.date;
      ack.dateFrom = dated.from;
    }
  }
  for (const c of ack.claims) {
    if (c.statuses.length === 0 && c.lines.every((l) => l.statuses.length === 0)) {
      warnings.push(`Claim ${c.claimId} (TRN at segment ${c.position}) has no STC status: the payer did not say what became of it.`);
    }
  }
  return { ok: true, ack };
}

function readStatus(s: X12Segment, d: X12Delimiters): { ok: true; status: StatusAck } | { ok: false; why: string } {
  const codes: StatusCode[] = [];
  for (const index of [1, 10, 11]) {
    const raw = (s.elements[index] ?? "").trim();
    if (!raw) continue;
    const [category = "", status = "", entity = ""] = components(raw, d).map((p) => p.trim());
    if (!category) return { ok: false, why: `gives no status category in STC${String(index).padStart(2, "0")}` };
    const code: StatusCode = { category, status };
    if (entity) code.entity = entity;
    codes.push(code);
  }
  if (codes.length === 0) return { ok: false, why: "gives no status (STC01 is blank)" };
  const status: StatusAck = { codes };
  const date = x12Date(s.elements[2]);
  if (date) status.date = date;
  const action = (s.elements[3] ?? "").trim();
  if (action) status.action = action;
  const amount = parseMoney((s.elements[4] ?? "").trim());
  if ((s.elements[4] ?? "").trim() && amount.ok) status.amount = amount.value;
  const message = (s.elements[12] ?? "").trim();
  if (message) status.message = message;
  return { ok: true, status };
}
