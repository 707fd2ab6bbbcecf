// A test helper that writes a valid 005010X221A1 835 paying chosen claims of a ledger (the sample
// practice's, or a hand-made one), with the envelope a clearinghouse sends (ISA/GS/ST..SE/GE/IEA,
// counts and control numbers right), and says what it wrote so a test can predict the balances.
//
// Per line of a paid claim (charge C): allowed = C × allowedPercent, CO-45 = C − allowed, then the
// patient's share out of the allowed amount (deductible PR-1 and copay PR-3 on the claim's first
// line, coinsurance PR-2 on every line), and paid = allowed − patient share; every line, claim and
// the transaction balance. Options add a denial, a reversal (CLP02 22, every amount negated), a
// crossover status, claim-level CAS, a claim off by some cents, a line or claim we never billed, and
// PLB items. Patient names are made up ("ZZTEST"), so a test can check they never leave the pane.
import type { IsoDate } from "../../src/dates";
import type { Ledger } from "../../src/ledger/ledger";
import { sumCents, type Cents } from "../../src/money";
import type { ChargeRow } from "../../src/workbook/tables";

export const SYNTHETIC_PATIENT_LAST = "ZZTESTLAST";

export interface SyntheticCas {
  group: "CO" | "PR" | "OA" | "PI";
  reason: string;
  amount: Cents;
}

export interface SyntheticClaim {
  claimId: string;
  /** CLP02; "22" writes the reversal of what the same options would pay. Default "1". */
  status?: string;
  /** Allowed as a percentage of each line's charge (default 80). */
  allowedPercent?: number;
  deductible?: Cents;
  coinsurancePercent?: number;
  copay?: Cents;
  /** Every line denied with CO-<reason> for its whole charge, nothing paid. */
  denial?: string;
  /** Claim-level CAS: lowers CLP04 by its amount (so the claim still balances). */
  claimLevel?: SyntheticCas[];
  /** CLP04 written off by this many cents: the claim no longer balances (the transaction still does). */
  unbalancedBy?: Cents;
  /** REF*6R with the ChargeID on each line (default true); without it lines are matched by code and date. */
  lineIds?: boolean;
  /** Pay a line under another code: SVC01 is this code and SVC06 the one we billed. */
  paidAs?: { chargeId: string; code: string };
  /** A line we never billed, written after the others (paid $10.00, CO-45 $0). */
  extraLine?: { code: string; dos: IsoDate };
  /** Only these lines of the claim (default: every line). */
  chargeIds?: string[];
  /** For a claim that is not in the ledger: its one line. */
  unknown?: { code: string; dos: IsoDate; charge: Cents };
}

export interface SyntheticPlb {
  reason: string;
  reference?: string;
  /** As in the file: positive reduces the payment, negative (interest) adds to it. */
  amount: Cents;
  fiscalDate?: IsoDate;
}

export interface SyntheticTransaction {
  payer: { name: string; id: string };
  trace: string;
  date: IsoDate;
  method?: "ACH" | "CHK";
  claims: SyntheticClaim[];
  plb?: SyntheticPlb[];
  /** BPR02 written off by this many cents: the transaction does not balance. */
  paymentOffBy?: Cents;
}

export interface SyntheticOptions {
  transactions: SyntheticTransaction[];
  isaControl?: number;
  payeeNpi?: string;
  /** Line breaks after each segment terminator (default true). */
  newlines?: boolean;
}

export interface WrittenLine {
  chargeId?: string;
  code: string;
  charge: Cents;
  paid: Cents;
  adjustments: SyntheticCas[];
}

export interface WrittenClaim {
  claimId: string;
  status: string;
  charge: Cents;
  paid: Cents;
  patientResp: Cents;
  lines: WrittenLine[];
  claimLevel: SyntheticCas[];
}

export interface WrittenTransaction {
  trace: string;
  amount: Cents;
  claims: WrittenClaim[];
  plb: SyntheticPlb[];
}

export interface SyntheticRemittance {
  text: string;
  bytes: Uint8Array;
  transactions: WrittenTransaction[];
}

/** X12 decimal: "120.00", "-1.27". */
export function x12Amount(cents: Cents): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const x12Date = (iso: IsoDate) => iso.replace(/-/g, "");

function claimLines(byClaim: Map<string, ChargeRow[]>, spec: SyntheticClaim): ChargeRow[] {
  if (spec.unknown) return [];
  const lines = byClaim.get(spec.claimId);
  if (!lines) throw new Error(`syntheticRemittance: claim ${spec.claimId} is not in the ledger`);
  return spec.chargeIds ? lines.filter((l) => spec.chargeIds!.includes(l.chargeId)) : lines;
}

/** What a claim's options pay, before any reversal negates it. */
function adjudicate(spec: SyntheticClaim, lines: ChargeRow[]): WrittenClaim {
  const allowedPercent = spec.allowedPercent ?? 80;
  const written: WrittenLine[] = [];
  const billed = spec.unknown ? [{ chargeId: undefined, code: spec.unknown.code, amount: spec.unknown.charge }] : lines;
  billed.forEach((line, i) => {
    const charge = line.amount;
    if (spec.denial) {
      written.push({
        chargeId: line.chargeId,
        code: line.code,
        charge,
        paid: 0,
        adjustments: [{ group: "CO", reason: spec.denial, amount: charge }],
      });
      return;
    }
    const allowed = Math.round((charge * allowedPercent) / 100);
    const deductible = i === 0 ? Math.min(spec.deductible ?? 0, allowed) : 0;
    const copay = i === 0 ? Math.min(spec.copay ?? 0, allowed - deductible) : 0;
    const coinsurance = Math.round(((allowed - deductible - copay) * (spec.coinsurancePercent ?? 0)) / 100);
    const adjustments: SyntheticCas[] = [];
    if (charge - allowed !== 0) adjustments.push({ group: "CO", reason: "45", amount: charge - allowed });
    if (deductible) adjustments.push({ group: "PR", reason: "1", amount: deductible });
    if (coinsurance) adjustments.push({ group: "PR", reason: "2", amount: coinsurance });
    if (copay) adjustments.push({ group: "PR", reason: "3", amount: copay });
    const code = spec.paidAs && spec.paidAs.chargeId === line.chargeId ? spec.paidAs.code : line.code;
    written.push({ chargeId: line.chargeId, code, charge, paid: allowed - deductible - copay - coinsurance, adjustments });
  });
  if (spec.extraLine) written.push({ code: spec.extraLine.code, charge: 1000, paid: 1000, adjustments: [] });
  const claimLevel = spec.claimLevel ?? [];
  const charge = sumCents(written.map((l) => l.charge));
  const paid = sumCents(written.map((l) => l.paid)) - sumCents(claimLevel.map((a) => a.amount)) + (spec.unbalancedBy ?? 0);
  const patientResp = sumCents(
    [...written.flatMap((l) => l.adjustments), ...claimLevel].filter((a) => a.group === "PR").map((a) => a.amount),
  );
  return { claimId: spec.claimId, status: spec.status ?? "1", charge, paid, patientResp, lines: written, claimLevel };
}

function negated(claim: WrittenClaim): WrittenClaim {
  const neg = (a: SyntheticCas) => ({ ...a, amount: -a.amount });
  return {
    ...claim,
    charge: -claim.charge,
    paid: -claim.paid,
    patientResp: -claim.patientResp,
    lines: claim.lines.map((l) => ({ ...l, charge: -l.charge, paid: -l.paid, adjustments: l.adjustments.map(neg) })),
    claimLevel: claim.claimLevel.map(neg),
  };
}

/** CAS segments for some adjustments: one per group, up to six triplets each. */
function casSegments(adjustments: SyntheticCas[]): string[] {
  const segments: string[] = [];
  for (const group of ["CO", "PR", "OA", "PI"] as const) {
    const mine = adjustments.filter((a) => a.group === group);
    for (let i = 0; i < mine.length; i += 6) {
      segments.push(
        ["CAS", group, ...mine.slice(i, i + 6).flatMap((a) => [a.reason, x12Amount(a.amount), ""])].join("*").replace(/\*+$/, ""),
      );
    }
  }
  return segments;
}

/** Write the 835. Claims are taken from the ledger's Charges by ClaimID. */
export function syntheticRemittance(ledger: Pick<Ledger, "charges">, options: SyntheticOptions): SyntheticRemittance {
  const byClaim = new Map<string, ChargeRow[]>();
  for (const c of ledger.charges) {
    const list = byClaim.get(c.claimId);
    if (list) list.push(c);
    else byClaim.set(c.claimId, [c]);
  }
  const isa13 = String(options.isaControl ?? 1).padStart(9, "0");
  const npi = options.payeeNpi ?? "1234567893";
  const first = options.transactions[0]?.date ?? "2026-01-01";
  const out: string[] = [
    `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${"SYNTHCLEAR".padEnd(15)}*ZZ*${"MEDBILLTEST".padEnd(15)}*${x12Date(first).slice(2)}*1200*^*00501*${isa13}*0*T*:`,
    `GS*HP*SYNTHCLEAR*MEDBILLTEST*${x12Date(first)}*1200*7*X*005010X221A1`,
  ];
  const written: WrittenTransaction[] = [];
  options.transactions.forEach((t, n) => {
    const control = String(n + 1).padStart(4, "0");
    const body: string[] = [];
    const claims: WrittenClaim[] = [];
    t.claims.forEach((spec) => {
      const lines = claimLines(byClaim, spec);
      const paid = adjudicate(spec, lines);
      const claim = spec.status === "22" ? negated(paid) : paid;
      claims.push(claim);
      body.push(
        `CLP*${spec.claimId}*${claim.status}*${x12Amount(claim.charge)}*${x12Amount(claim.paid)}*${x12Amount(claim.patientResp)}*12*PCN${spec.claimId}`,
      );
      body.push(...casSegments(claim.claimLevel));
      const patient = lines[0]?.patientId ?? "UNKNOWN";
      body.push(`NM1*QC*1*${SYNTHETIC_PATIENT_LAST}*ZZTESTFIRST****MI*M${patient}`);
      const claimDos = spec.unknown?.dos ?? lines[0]?.dos;
      if (claimDos) body.push(`DTM*232*${x12Date(claimDos)}`);
      claim.lines.forEach((line, i) => {
        const charge = lines.find((l) => l.chargeId === line.chargeId);
        const mods = charge ? [charge.mod1, charge.mod2, charge.mod3, charge.mod4].filter((m): m is string => !!m) : [];
        const billed = [`HC`, charge?.code ?? line.code, ...mods].join(":");
        const paidAs = [`HC`, line.code, ...mods].join(":");
        const recoded = charge && line.code !== charge.code;
        const units = charge?.units ?? 1;
        body.push(
          `SVC*${recoded ? paidAs : billed}*${x12Amount(line.charge)}*${x12Amount(line.paid)}**${units}${recoded ? `*${billed}` : ""}`,
        );
        const dos = charge?.dos ?? (i >= lines.length && spec.extraLine ? spec.extraLine.dos : spec.unknown?.dos);
        if (dos) body.push(`DTM*472*${x12Date(dos)}`);
        body.push(...casSegments(line.adjustments));
        if (charge && spec.lineIds !== false) body.push(`REF*6R*${charge.chargeId}`);
        const allowed = line.charge - sumCents(line.adjustments.filter((a) => a.group !== "PR").map((a) => a.amount));
        body.push(`AMT*B6*${x12Amount(allowed)}`);
      });
    });
    const plb = t.plb ?? [];
    for (let i = 0; i < plb.length; i += 6) {
      const items = plb.slice(i, i + 6);
      const fiscal = x12Date(items[0].fiscalDate ?? `${t.date.slice(0, 4)}-12-31`);
      body.push(
        `PLB*${npi}*${fiscal}*${items.map((p) => `${p.reason}${p.reference ? `:${p.reference}` : ""}*${x12Amount(p.amount)}`).join("*")}`,
      );
    }
    const amount = sumCents(claims.map((c) => c.paid)) - sumCents(plb.map((p) => p.amount)) + (t.paymentOffBy ?? 0);
    const method = t.method ?? "ACH";
    const bpr =
      method === "ACH"
        ? `BPR*I*${x12Amount(amount)}*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*${x12Date(t.date)}`
        : `BPR*I*${x12Amount(amount)}*C*CHK${"*".repeat(12)}${x12Date(t.date)}`;
    const segments = [
      `ST*835*${control}*005010X221A1`,
      bpr,
      `TRN*1*${t.trace}*${t.payer.id}`,
      `DTM*405*${x12Date(t.date)}`,
      `N1*PR*${t.payer.name}`,
      `N3*1 PAYER WAY`,
      `N4*SPRINGFIELD*IL*62701`,
      `PER*BL*PROVIDER SERVICES*TE*8005551212`,
      `N1*PE*SAMPLE PRACTICE*XX*${npi}`,
      `REF*TJ*123456789`,
      ...(claims.length > 0 ? ["LX*1"] : []),
      ...body,
    ];
    segments.push(`SE*${segments.length + 1}*${control}`);
    for (const segment of segments) out.push(segment);
    written.push({ trace: t.trace, amount, claims, plb });
  });
  out.push(`GE*${options.transactions.length}*7`, `IEA*1*${isa13}`);
  const text = out.join(options.newlines === false ? "~" : "~\n") + (options.newlines === false ? "~" : "~\n");
  return { text, bytes: new TextEncoder().encode(text), transactions: written };
}
