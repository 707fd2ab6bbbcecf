// Sending patient accounts to a collection agency (issue 17), as one write plan: each open line's
// patient share written off to bad debt (officeAdjustmentPlan: Group WO, Reason BD, "Bad debt
// write-off: sent to <agency>"), which takes it out of A/R; each account's Account Status set to
// "Collections" (the Patients column written back whole, every other cell as it was read); the Audit
// row by applyPlan. With it comes the agency's file (agencyFile.ts), which a caller writes only once
// the plan is applied. Refused whole, in a sentence per problem: an account not in Patients, already in
// Collections, or owing nothing of its own; a Patients table without an Account Status column.
import { plural } from "../counting";
import type { IsoDate } from "../dates";
import { checkDate } from "../ledger/postingChecks";
import { officeAdjustmentPlan, openLines } from "../ledger/postingPlans";
import type { PlanContext, PreviewRow } from "../ledger/postingRows";
import type { LineBalance } from "../ledger/balances";
import { formatMoney, sumCents, type Cents } from "../money";
import { collectionsWorklist } from "../reports/collections";
import { sentence } from "../sentences";
import { asText } from "../workbook/cells";
import { mapColumns } from "../workbook/mapTable";
import type { WritePlan } from "../workbook/plan";
import type { CellValue, WriteOp } from "../workbook/port";
import { Patients } from "../workbook/tables";
import { agencyFile, agencyFileName, type AgencyAccount } from "./agencyFile";
import { BAD_DEBT_REASON, IN_COLLECTIONS, sentToAgency } from "./badDebt";
import { findPatient, type CollectionsBooks } from "./collectionsBooks";

export interface AgencySend {
  patientIds: string[];
  agency: string;
  /** The day the accounts are placed: the write-offs' date. */
  date: IsoDate;
  /** Why, beside the agency's name in the postings' note ("no payment after 3 statements"). */
  reason?: string;
}

export type SendResult =
  | {
      ok: true;
      plan: WritePlan;
      preview: PreviewRow[];
      predicted: LineBalance[];
      accounts: AgencyAccount[];
      total: Cents;
      /** The agency's CSV and the name to give it. */
      file: { name: string; text: string };
    }
  | { ok: false; problems: string[] };

/** The longest agency name or reason kept (they go into every posting's note). */
const TEXT_LIMIT = 80;

export function agencySendPlan(books: CollectionsBooks, ctx: PlanContext, send: AgencySend): SendResult {
  const problems: string[] = [];
  const agency = String(send.agency ?? "").trim();
  const why = String(send.reason ?? "").trim() || undefined;
  if (agency === "") problems.push("Name the collection agency the accounts go to.");
  else if (agency.length > TEXT_LIMIT) problems.push(`The agency's name is ${agency.length} characters: keep it under ${TEXT_LIMIT}.`);
  if ((why?.length ?? 0) > TEXT_LIMIT) problems.push(`The reason is ${why!.length} characters: keep it under ${TEXT_LIMIT}.`);
  const ids = [...new Set(send.patientIds.map((id) => String(id ?? "").trim()).filter((id) => id !== ""))];
  if (ids.length === 0) problems.push("Choose at least one account to send.");
  const dateProblem = checkDate(send.date, ctx.today, "date the accounts are sent");
  if (dateProblem) problems.push(sentence(dateProblem));

  const raw = ctx.tables[Patients.name];
  const mapping = raw ? mapColumns(Patients, raw.headers) : undefined;
  const statusColumn = mapping?.columns.accountStatus;
  const idColumn = mapping?.columns.patientId;
  if (!raw) problems.push("The workbook has no Patients table: run Setup to create it.");
  else if (!statusColumn || !idColumn) {
    problems.push(
      `The ${raw.name} table has no "Account Status" column: add a column headed "Account Status" ` +
        "(Setup creates Patients with it in a new workbook), then try again.",
    );
  }

  const accounts: { patientId: string; lines: LineBalance[] }[] = [];
  for (const id of ids) {
    const patient = findPatient(books.patients, id);
    if (!patient) {
      problems.push(`Account ${id} is not in the Patients table: check the account number.`);
      continue;
    }
    if (patient.accountStatus === IN_COLLECTIONS) {
      problems.push(`Account ${patient.patientId} is already with a collection agency (Account Status "${IN_COLLECTIONS}").`);
      continue;
    }
    const lines = openLines(books.ledger, { patientId: patient.patientId });
    if (lines.length === 0) {
      problems.push(`Account ${patient.patientId} owes nothing of its own: there is no patient balance to send.`);
      continue;
    }
    accounts.push({ patientId: patient.patientId, lines });
  }
  if (problems.length > 0) return { ok: false, problems };

  const written = officeAdjustmentPlan(
    books.ledger,
    ctx,
    accounts.flatMap((a) =>
      a.lines.map((l) => ({
        chargeId: l.chargeId,
        amount: l.patientShare,
        kind: "bad debt" as const,
        reason: sentToAgency(agency, why),
        date: send.date,
        code: BAD_DEBT_REASON,
      })),
    ),
  );
  if (!written.ok) return written;

  // The Account Status column written back whole: the chosen accounts' rows say "Collections".
  const chosen = new Set(accounts.map((a) => a.patientId.toLowerCase()));
  const values: CellValue[] = raw!.rows.map((row) => {
    const id = row[idColumn!.index];
    return id !== null && chosen.has(asText(id).toLowerCase()) ? IN_COLLECTIONS : (row[statusColumn!.index] ?? null);
  });
  const statusOp: WriteOp = { kind: "setColumn", table: raw!.name, column: statusColumn!.header, values };

  const list = collectionsWorklist(books.ledger, {
    asOf: send.date,
    minBalance: 0,
    olderThan: -1,
    patients: books.patients,
    statements: books.statements,
  });
  const listed = new Map(list.accounts.map((a) => [a.patientId, a]));
  const placed: AgencyAccount[] = accounts.map(({ patientId, lines }) => {
    const p = findPatient(books.patients, patientId)!;
    const seen = listed.get(patientId);
    const account: AgencyAccount = {
      patientId,
      lastName: p.lastName,
      firstName: p.firstName,
      address1: p.address1,
      address2: p.address2,
      city: p.city,
      state: p.state,
      zip: p.zip,
      phone: p.phone,
      dob: p.dob,
      balance: sumCents(lines.map((l) => l.patientShare)),
      lines: lines.length,
      oldestDos: lines[0].dos,
    };
    if (seen?.lastPayment) account.lastPayment = seen.lastPayment;
    if (seen?.lastStatement) account.lastStatement = seen.lastStatement.date;
    return account;
  });
  const total = sumCents(placed.map((a) => a.balance));
  const lineCount = placed.reduce((n, a) => n + a.lines, 0);
  return {
    ok: true,
    plan: {
      action: "Send to collections",
      what: `${plural(placed.length, "account")} sent to ${agency}: ${plural(lineCount, "line")} written off to bad debt (${formatMoney(total)})`,
      totals: `bad debt ${formatMoney(total)}`,
      ops: [...written.plan.ops, statusOp],
    },
    preview: written.preview,
    predicted: written.predicted,
    accounts: placed,
    total,
    file: { name: agencyFileName(agency, send.date), text: agencyFile(placed, send.date, agency) },
  };
}
