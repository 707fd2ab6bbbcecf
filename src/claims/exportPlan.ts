// What exporting an 837P changes in the workbook, as one write plan: the exported claims'
// lines get today's date in Charges "Billed Date" (one setColumn over the whole column, every other
// row's value kept as read), Practice "Last Interchange Control #" takes the file's ISA13 (so the
// next file takes the next number), and the Audit row names the file, its claims, payers and control
// number, and ΣCLM02, never a patient. A secondary export (sequence "Secondary") leaves Charges alone:
// Billed Date is the primary's, and the ClaimStatus "Billed" row with Sequence "Secondary" and the
// secondary's PayerID is what marks the claim billed to the secondary; a tertiary export ("Tertiary")
// the same with Sequence "Tertiary". Also here: the envelope the next file is written with, from
// the Practice settings (submitter, receiver, last control number) and the Providers' names.
import { isoToSerial, type IsoDate } from "../dates";
import { formatMoney, sumCents } from "../money";
import { mapColumns } from "../workbook/mapTable";
import { appendOrCreateRows, type WritePlan } from "../workbook/plan";
import type { CellValue, RawTable, WriteOp } from "../workbook/port";
import { Charges, ClaimStatus, DATE_FORMAT, Practice, type ClaimStatusRow, type PAYER_SEQUENCES } from "../workbook/tables";
import { practiceSetting, settingRows } from "../workbook/practiceSettings";
import type { ClaimBooks } from "./claimBooks";
import type { Claim } from "./model";
import type { ProviderName, Write837pOptions } from "./837pWriter";
import type { ControlNumbers } from "../x12/x12Writer";

export const LAST_CONTROL_SETTING = "Last Interchange Control #";
export const SUBMITTER_SETTING = "Submitter ID";
export const RECEIVER_SETTING = "Receiver ID";
/** Optional: the clearinghouse's name for loop 1000B; its ID stands in when the practice has none. */
export const RECEIVER_NAME_SETTING = "Receiver Name";

/** How many ClaimIDs the Audit row lists by name before it counts the rest. */
const CLAIMS_NAMED = 20;

/** The export cannot be planned: the message says what to fix. Thrown by exportPlan; exportRefusals returns the same words. */
export class ExportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExportRefused";
  }
}

/**
 * The last control numbers used, from Practice "Last Interchange Control #" (blank or unreadable: 0).
 * The group number follows the interchange (one group per file); transactions are numbered from 0001
 * in each file, which keeps ST02 unique within its group as the guide asks.
 */
export function controlNumbersFrom(settings: Map<string, string>): ControlNumbers {
  const text = practiceSetting(settings, LAST_CONTROL_SETTING) ?? "";
  const n = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  return { interchange: n, group: n, transaction: 0 };
}

/**
 * The envelope options for write837p from the books: submitter (Submitter ID, Practice Name),
 * receiver (Receiver ID, Receiver Name or the ID), the last control numbers, and the rendering
 * providers' names from Providers. `now` and `test` are the caller's.
 */
export function envelopeFrom(books: Pick<ClaimBooks, "practiceSettings" | "providers">): Omit<Write837pOptions, "now" | "test"> {
  const get = (name: string) => practiceSetting(books.practiceSettings, name) ?? "";
  const receiverId = get(RECEIVER_SETTING);
  const providers = new Map<string, ProviderName>();
  for (const p of books.providers) {
    if (providers.has(p.npi)) continue;
    const name: ProviderName = { lastName: p.lastName };
    if (p.firstName) name.firstName = p.firstName;
    providers.set(p.npi, name);
  }
  return {
    sender: { id: get(SUBMITTER_SETTING), name: get("Practice Name") },
    receiver: { id: receiverId, name: get(RECEIVER_NAME_SETTING) || receiverId },
    control: controlNumbersFrom(books.practiceSettings),
    providers,
  };
}

/** Which of the patient's payers the exported claims go to: the primary (Charges' own payer) unless said. */
export interface ExportSequence {
  sequence?: PayerSequence;
}

type PayerSequence = (typeof PAYER_SEQUENCES)[number];

interface Located {
  charges: RawTable;
  /** Blank for a secondary or tertiary export, which leaves Billed Date alone. */
  billedHeader: string;
  /** Body index of each exported line in Charges. */
  rows: number[];
  practice: RawTable;
  settingColumn: number;
  valueColumn: number;
}

function locate(
  claims: Claim[],
  books: Pick<ClaimBooks, "tables" | "charges" | "chargeIndexes">,
  secondary = false,
): { ok: true; found: Located } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (claims.length === 0) problems.push("No claims were exported, so nothing is marked billed.");
  const charges = books.tables[Charges.name];
  const practice = books.tables[Practice.name];
  let billedHeader: string | undefined = secondary ? "" : undefined;
  if (!charges) problems.push("The workbook has no Charges table to mark the exported claims billed in.");
  else if (!secondary) {
    billedHeader = mapColumns(Charges, charges.headers).columns.billedDate?.header;
    if (!billedHeader)
      problems.push('The Charges table has no "Billed Date" column: add one, so the exported claims are marked billed and not sent twice.');
  }
  let settingColumn = -1;
  let valueColumn = -1;
  if (!practice) problems.push(`The workbook has no Practice table to keep the last control number (${LAST_CONTROL_SETTING}) in.`);
  else {
    const mapping = mapColumns(Practice, practice.headers);
    settingColumn = mapping.columns.setting?.index ?? -1;
    valueColumn = mapping.columns.value?.index ?? -1;
    if (settingColumn < 0 || valueColumn < 0)
      problems.push('The Practice table needs its "Setting" and "Value" columns to keep the last control number.');
  }
  // Each exported line's row, by its ClaimID and ChargeID as read.
  const wanted = new Map<string, Set<string>>();
  for (const claim of claims) wanted.set(claim.claimId, new Set(claim.lines.map((l) => l.lineId)));
  const rows: number[] = [];
  const found = new Map<string, Set<string>>();
  books.charges.forEach((row, k) => {
    const lines = wanted.get(row.claimId);
    if (!lines || !lines.has(row.chargeId)) return;
    rows.push(books.chargeIndexes[k]);
    const seen = found.get(row.claimId) ?? new Set<string>();
    seen.add(row.chargeId);
    found.set(row.claimId, seen);
  });
  for (const claim of claims) {
    const missing = claim.lines.filter((l) => !found.get(claim.claimId)?.has(l.lineId));
    if (missing.length > 0) {
      problems.push(
        `Claim ${claim.claimId}: ${missing.length === 1 ? `line ${missing[0].lineId} is` : `lines ${missing.map((l) => l.lineId).join(", ")} are`} no longer in Charges: read the workbook again before exporting.`,
      );
    }
  }
  if (charges && rows.some((i) => i === undefined || i < 0 || i >= charges.rows.length)) {
    problems.push("The Charges table changed since it was read: read the workbook again before exporting.");
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, found: { charges: charges!, billedHeader: billedHeader!, rows, practice: practice!, settingColumn, valueColumn } };
}

/** What stops the export from being planned (no Billed Date column, no Practice table, lines gone); empty when it can be. */
export function exportRefusals(
  claims: Claim[],
  books: Pick<ClaimBooks, "tables" | "charges" | "chargeIndexes" | "dateSystem">,
  options: ExportSequence = {},
): string[] {
  const sequence = options.sequence ?? "Primary";
  const located = locate(claims, books, sequence !== "Primary");
  const problems = located.ok ? [] : [...located.problems];
  const history = appendOrCreateRows(
    ClaimStatus,
    books.tables[ClaimStatus.name],
    billedRows(claims, "2000-01-01", 0, sequence),
    books.dateSystem,
  );
  if (!history.ok) problems.push(history.problem);
  return problems;
}

/** The claims' history rows: billed today in the file whose group control number (GS06) is `group`. */
function billedRows(claims: Claim[], today: IsoDate, group: number, sequence: PayerSequence): ClaimStatusRow[] {
  return claims.map((c) => ({
    date: today,
    claimId: c.claimId,
    payerId: c.payer.payerId,
    sequence,
    event: "Billed",
    source: "837P",
    controlNumber: String(group),
  }));
}

/**
 * The plan for an exported 837P file: Billed Date = today on the claims' lines, the Practice's last
 * control number = the file's ISA13, a ClaimStatus "Billed" row per claim with the file's GS06 (the
 * table made when the workbook has none), and the Audit row's words. Throws ExportRefused (with
 * exportRefusals' words) when the workbook cannot take it.
 */
export function exportPlan(
  claims: Claim[],
  books: Pick<ClaimBooks, "tables" | "charges" | "chargeIndexes" | "dateSystem">,
  file: { name: string; text: string; control: ControlNumbers },
  today: IsoDate,
  options: ExportSequence = {},
): WritePlan {
  const sequence = options.sequence ?? "Primary";
  // A secondary or tertiary export: Billed Date is the primary's and stays.
  const secondary = sequence !== "Primary";
  const later = sequence.toLowerCase();
  const located = locate(claims, books, secondary);
  if (!located.ok) throw new ExportRefused(located.problems.join(" "));
  const { charges, billedHeader, rows, practice, settingColumn, valueColumn } = located.found;

  const ops: WriteOp[] = [];
  if (!secondary) {
    const billedColumn = charges.headers.indexOf(billedHeader);
    const billed: CellValue[] = charges.rows.map((row) => row[billedColumn] ?? null);
    const serial = isoToSerial(today, books.dateSystem);
    for (const i of rows) billed[i] = serial;
    ops.push({ kind: "setColumn", table: charges.name, column: billedHeader, values: billed, numberFormat: DATE_FORMAT });
  }

  const control = String(file.control.interchange);
  const controlRows = settingRows(practice, LAST_CONTROL_SETTING);
  if (controlRows.length > 0) {
    const values = practice.rows.map((row) => row[valueColumn] ?? null);
    for (const i of controlRows) values[i] = control;
    ops.push({ kind: "setColumn", table: practice.name, column: practice.headers[valueColumn], values });
  } else {
    ops.push({
      kind: "appendRows",
      table: practice.name,
      rows: [{ [practice.headers[settingColumn]]: LAST_CONTROL_SETTING, [practice.headers[valueColumn]]: control }],
    });
  }

  // The claims' history: billed in this file, tied to it by its group control number (GS06), which a
  // 999 answers; a 277CA names the claims themselves.
  const history = appendOrCreateRows(
    ClaimStatus,
    books.tables[ClaimStatus.name],
    billedRows(claims, today, file.control.group, sequence),
    books.dateSystem,
  );
  if (!history.ok) throw new ExportRefused(history.problem);
  ops.push(history.op);

  const payers = [...new Set(claims.map((c) => c.payer.payerId))];
  const ids = claims.map((c) => c.claimId);
  const named =
    ids.length <= CLAIMS_NAMED ? ids.join(", ") : `${ids.slice(0, CLAIMS_NAMED).join(", ")} and ${ids.length - CLAIMS_NAMED} more`;
  const lines = rows.length;
  const what =
    `837P file ${file.name} (ISA13 ${String(file.control.interchange).padStart(9, "0")}): ` +
    `${claims.length} ${secondary ? `${later} ` : ""}claim${claims.length === 1 ? "" : "s"} (${named}), ` +
    (secondary ? `billed to the ${later} ${today} (ClaimStatus); ` : `${lines} line${lines === 1 ? "" : "s"} marked billed ${today}; `) +
    `payer${payers.length === 1 ? "" : "s"} ${payers.join(", ")}`;
  return {
    action: secondary ? `${sequence} claims exported` : "Claims exported",
    what,
    totals: `claims ${formatMoney(sumCents(claims.map((c) => c.total)))}`,
    ops,
  };
}
