// What the Post payments panel reads from the workbook, once per refresh: the ledger (Charges,
// Payments, Postings, Payers) and the refund register, every line's balance, the context a posting plan needs, and the
// patients' names for the search. Names stay in the pane: nothing here writes or logs them. A plan
// previewed on these books is posted only while the ledger tables are still as they were read
// (postOnBooks, through booksSnapshot.ts).
import { todayIso, type IsoDate } from "../../src/dates";
import type { Cents } from "../../src/money";
import { LEDGER_TABLES, readLedger, type Ledger } from "../../src/ledger/ledger";
import { balancesBy, lineBalances, type LineBalance } from "../../src/ledger/balances";
import type { PlanContext, PlanResult } from "../../src/ledger/postingPlans";
import { applyUnlessChanged, booksSnapshot, type BooksSnapshot, type GuardedApply } from "../../src/workbook/booksSnapshot";
import { parseTable } from "../../src/workbook/mapTable";
import type { WritePlan } from "../../src/workbook/plan";
import type { Workbook } from "../../src/workbook/port";
import { Patients, Refunds, type PatientRow } from "../../src/workbook/tables";

export interface PayerChoice {
  payerId: string;
  name: string;
  /** What the payer still owes on its lines (insurance share). */
  open: Cents;
}

export interface PatientChoice {
  patientId: string;
  /** "Doe, Jane"; blank when the Patients table has no row for the ID. */
  name: string;
  /** The patient's own share over their lines. */
  due: Cents;
}

export interface PaymentBooks {
  ledger: Ledger;
  ctx: PlanContext;
  lines: LineBalance[];
  payers: PayerChoice[];
  patients: PatientChoice[];
  /** Tables a posting needs that the workbook lacks. */
  missing: string[];
  /** Rows left out because they don't read (Setup's Check rows lists them). */
  unreadable: number;
  /** The ledger tables as read: a plan made on these books is posted only while they are unchanged. */
  snapshot: BooksSnapshot;
}

/** The tables a payment posting writes to or reads from; without them there is nothing to post. */
const NEEDED = ["Charges", "Payments", "Postings"];

export async function readPaymentBooks(workbook: Workbook, today: IsoDate = todayIso()): Promise<PaymentBooks> {
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const info = await workbook.describe();
  // The refund register is read with the patients: a refund (Reconcile) adds its row, continuing its RefundIDs.
  const extra = await workbook.readTables([Patients.name, Refunds.name]);
  const patientTable = extra[Patients.name];
  const patientRows = patientTable ? parseTable(Patients, patientTable, dateSystem).rows : [];
  const lines = lineBalances(ledger);
  return {
    ledger,
    ctx: { info, tables: { ...tables, [Refunds.name]: extra[Refunds.name] }, dateSystem, today },
    lines,
    payers: payerChoices(ledger, lines),
    patients: patientChoices(patientRows, lines),
    missing: NEEDED.filter((name) => tables[name] === undefined),
    unreadable: ledger.issues.length,
    snapshot: booksSnapshot({ ...tables, [Refunds.name]: extra[Refunds.name] }, [...LEDGER_TABLES, Refunds.name]),
  };
}

/**
 * Post a plan previewed on these books (a payment, a reversal, a refund): one write with its Audit
 * row, or nothing and the biller's sentence when Charges, Payments, Postings, Payers or
 * ProviderAdjustments changed since the books were read.
 */
export function postOnBooks(workbook: Workbook, books: Pick<PaymentBooks, "snapshot">, plan: WritePlan, now?: Date): Promise<GuardedApply> {
  return applyUnlessChanged(workbook, plan, books.snapshot, { now });
}

/** What a view of the panel posts: a payment, a reversal of postings, or a refund of a credit. */
export type PostKind = "payment" | "reversal" | "refund";

/** How a view hands its previewed plan to the panel; resolves true once it is written and the books are read again. */
export type PostPreviewed = (result: Extract<PlanResult, { ok: true }>, kind: PostKind) => Promise<boolean>;

/** Insurers from the Payers table (a "Self-pay" payer is the patient: their money is a patient payment). */
export function payerChoices(ledger: Pick<Ledger, "payers">, lines: LineBalance[]): PayerChoice[] {
  const open = new Map(balancesBy(lines, "payer").map((g) => [g.key, g.insuranceShare]));
  return ledger.payers
    .filter((p) => p.type !== "Self-pay")
    .map((p) => ({ payerId: p.payerId, name: p.name, open: open.get(p.payerId) ?? 0 }));
}

export function patientName(row: Pick<PatientRow, "lastName" | "firstName">): string {
  return `${row.lastName}, ${row.firstName}`;
}

/** Every patient of the Patients table, and any PatientID billed without a Patients row. */
export function patientChoices(patients: PatientRow[], lines: LineBalance[]): PatientChoice[] {
  const due = new Map(balancesBy(lines, "patient").map((g) => [g.key, g.patientShare]));
  const seen = new Set<string>();
  const choices: PatientChoice[] = [];
  for (const p of patients) {
    if (seen.has(p.patientId)) continue;
    seen.add(p.patientId);
    choices.push({ patientId: p.patientId, name: patientName(p), due: due.get(p.patientId) ?? 0 });
  }
  for (const line of lines) {
    if (seen.has(line.patientId)) continue;
    seen.add(line.patientId);
    choices.push({ patientId: line.patientId, name: "", due: due.get(line.patientId) ?? 0 });
  }
  return choices;
}

/** How many patients the search shows at once. */
export const PATIENTS_SHOWN = 20;

/**
 * Patients whose ID starts with the query or whose name has every word of it ("doe j", "P0012",
 * "jane doe"), those owing most first. With no query: the patients who owe something.
 */
export function findPatients(choices: PatientChoice[], query: string, limit: number = PATIENTS_SHOWN): PatientChoice[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/[\s,]+/).filter(Boolean);
  const matches =
    q === ""
      ? choices.filter((c) => c.due > 0)
      : choices.filter((c) => {
          if (c.patientId.toLowerCase().startsWith(q)) return true;
          const name = c.name.toLowerCase();
          return words.length > 0 && words.every((w) => name.split(/[\s,]+/).some((part) => part.startsWith(w)));
        });
  // An exact ID first, then who owes most, then by ID so the order is stable.
  return [...matches]
    .sort((a, b) => {
      const exact = Number(b.patientId.toLowerCase() === q) - Number(a.patientId.toLowerCase() === q);
      return exact || b.due - a.due || (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0);
    })
    .slice(0, limit);
}

/** "Doe, Jane · P00012" (the ID alone without a name). */
export function patientLabel(choice: Pick<PatientChoice, "patientId" | "name">): string {
  return choice.name ? `${choice.name} · ${choice.patientId}` : choice.patientId;
}

/** One open line as the panel lists it. */
/** Names a payment's From, a PayerID or a PatientID, the way the lists do ("Aetna (AET01)"); an ID not in the books as itself. */
export function sourceNamer(books: Pick<PaymentBooks, "payers" | "patients">): (id: string) => string {
  const names = new Map<string, string>();
  for (const p of books.payers) names.set(p.payerId, `${p.name} (${p.payerId})`);
  for (const p of books.patients) names.set(p.patientId, patientLabel(p));
  return (id: string) => names.get(id) ?? id;
}

export interface OpenLineView extends Pick<
  LineBalance,
  "chargeId" | "claimId" | "patientId" | "dos" | "charge" | "insuranceShare" | "patientShare" | "balance" | "status"
> {
  /** "99213-25". */
  code: string;
  /** The patient's name, for lines listed under a payer (blank when unknown). */
  patient: string;
}

export function openLineViews(ledger: Pick<Ledger, "chargeById">, lines: LineBalance[], patients: PatientChoice[]): OpenLineView[] {
  const names = new Map(patients.map((p) => [p.patientId, p.name]));
  return lines.map((line) => {
    const charge = ledger.chargeById.get(line.chargeId);
    const code = charge ? [charge.code, charge.mod1, charge.mod2].filter(Boolean).join("-") : "";
    return {
      chargeId: line.chargeId,
      claimId: line.claimId,
      patientId: line.patientId,
      dos: line.dos,
      charge: line.charge,
      insuranceShare: line.insuranceShare,
      patientShare: line.patientShare,
      balance: line.balance,
      status: line.status,
      code,
      patient: names.get(line.patientId) ?? "",
    };
  });
}

/** How many open lines the panel lists at once; a payer's hundreds are narrowed with the line filter. */
export const LINES_SHOWN = 25;

/** Lines whose ChargeID, ClaimID, PatientID, code or date of service starts with the query, or whose patient's name has it. */
export function filterLines(lines: OpenLineView[], query: string): OpenLineView[] {
  const q = query.trim().toLowerCase();
  if (q === "") return lines;
  return lines.filter(
    (l) =>
      [l.chargeId, l.claimId, l.patientId, l.code, l.dos].some((v) => v.toLowerCase().startsWith(q)) ||
      l.patient
        .toLowerCase()
        .split(/[\s,]+/)
        .some((part) => part.startsWith(q)),
  );
}
