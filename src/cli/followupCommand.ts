// `medbill followup book.xlsx [--as-of DATE] [--list LIST] [--done] [--csv] [--out copy.xlsx]`: the five
// follow-up worklists (src/followup/worklists.ts): denied lines still owed, underpaid lines, billed
// claims with no answer, unbilled claims near their filing limit; claims and lines only, no patient.
// `medbill followup set book.xlsx ID... --status Appealed [--follow-up DATE] [--note TEXT] [--list LIST]`
// and `medbill followup write-off book.xlsx ID... --reason TEXT [--list LIST]` act on items (an ID is a
// ChargeID, a line, or a ClaimID, the whole claim) and save the workbook. Exit 1 when the workbook has
// problems (listed first) or an action is refused (nothing written).
import { count, dateOption, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, readArguments, UsageError, type CliIo } from "./commandLine";
import { todayIso, type IsoDate } from "../dates";
import { readFollowUp } from "../followup/followUpBooks";
import { statusPlan, writeOffPlan, type ItemRef } from "../followup/followUpPlan";
import { FOLLOW_UP_HEADERS, followUpRows, followUpSheetPlan, followUpSummary, type FollowUpRowText } from "../followup/followUpSheet";
import type { FollowUpList, FollowUpStatus } from "../followup/standing";
import { formatMoney, type Cents } from "../money";
import type { Workbook } from "../workbook/port";
import { FOLLOW_UP_LISTS, FOLLOW_UP_STATUSES, FollowUp } from "../workbook/tables";
import { csvDollars, csvLine, csvText } from "./csvCells";
import { alignedTable, listProblems, writeReport } from "./reportOutput";
import { openWorkbook, refuse, save } from "./workbookFile";

/** `medbill followup ...`: the lists, or an action on items. */
export async function runFollowUp(args: string[], io: CliIo): Promise<number> {
  switch (args[0]) {
    case "set":
      return runSet(args.slice(1), io);
    case "write-off":
      return runWriteOff(args.slice(1), io);
    default:
      return runLists(args, io);
  }
}

/** A --list value: the list's name, any case, "-" or "_" for spaces ("no-response"). */
function listOption(value: string | undefined): FollowUpList | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase().replace(/[-_]+/g, " ");
  const found = FOLLOW_UP_LISTS.find((l) => l.toLowerCase() === wanted);
  if (!found)
    throw new UsageError(`--list ${value}: use one of ${FOLLOW_UP_LISTS.map((l) => l.toLowerCase().replace(/ /g, "-")).join(", ")}.`);
  return found;
}

async function runLists(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "as-of": { type: "string" },
    list: { type: "string" },
    done: { type: "boolean" },
    csv: { type: "boolean" },
    out: { type: "string" },
    force: { type: "boolean" },
    all: { type: "boolean" },
  });
  if (positionals.length !== 1) throw new UsageError("Name one workbook: medbill followup book.xlsx [--as-of 2026-06-30]");
  const [bookPath] = positionals;
  const asOf = dateOption(values["as-of"], "--as-of") ?? todayIso();
  const only = listOption(values.list);
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const read = await readFollowUp(workbook, asOf, { includeDone: values.done === true });
  const { lists, problems } = read;
  const rows = followUpRows(lists).filter((r) => only === undefined || r.list === only);
  const cells = (r: FollowUpRowText, money: (c: Cents) => string = formatMoney, text: (s: string) => string = (s) => s) => [
    text(r.list),
    text(r.claimId),
    text(r.chargeId),
    text(r.payerId),
    text(r.code),
    text(r.dos),
    money(r.amount),
    String(r.days),
    text(r.deadline ?? ""),
    text(r.why),
    text(r.next),
    text(r.status),
    text(r.followUpDate ?? ""),
    text(r.note),
  ];
  if (values.csv) {
    listProblems(problems, io.err, values.all === true);
    io.out(csvLine(FOLLOW_UP_HEADERS));
    for (const r of rows) io.out(cells(r, csvDollars, csvText).join(","));
  } else {
    io.out(`Follow-up in ${bookPath} as of ${asOf}`);
    listProblems(problems, io.out, values.all === true);
    if (problems.length > 0) io.out("");
    for (const s of followUpSummary(lists)) {
      if (only === undefined || s.list === only) io.out(`  ${s.list}: ${count(s.items, "item")}, ${formatMoney(s.amount)}`);
    }
    if (lists.underpaid === undefined && (only === undefined || only === "Underpaid")) {
      io.out(
        read.hasContracts
          ? "  Underpaid: the Contracts table has no rate that can be read."
          : "  Underpaid: no Contracts table (run Setup, then enter or import each payer's rates).",
      );
    }
    if (lists.done > 0) io.out(`  ${count(lists.done, "item")} written off or closed, not listed (--done lists them).`);
    if (rows.length > 0) {
      io.out("");
      // The terminal's table leaves out the note (the sheet and CSV have it).
      const shown = FOLLOW_UP_HEADERS.slice(0, -1);
      for (const line of alignedTable(shown, [rows.map((r) => cells(r).slice(0, -1))], (i) => i === 6 || i === 7)) io.out(line);
    } else io.out("Nothing to follow up.");
  }
  if (values.out !== undefined) {
    if (!(await writeReport(workbook, followUpSheetPlan(lists, read.dateSystem), bookPath, values.out, values.force === true, io))) {
      return EXIT_CANNOT_RUN;
    }
  }
  return problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** The items the IDs name: a ChargeID is its line, a ClaimID its whole claim; an ID that is neither is refused. */
async function itemsOf(workbook: Workbook, ids: string[], list: FollowUpList | undefined, asOf: IsoDate) {
  const read = await readFollowUp(workbook, asOf);
  const chargeIds = read.ledger.chargeColumn("chargeId");
  const claimIds = read.ledger.chargeColumn("claimId");
  const lineOf = new Map<string, number>();
  const claims = new Set<string>();
  chargeIds.forEach((id, i) => {
    if (id !== undefined && !lineOf.has(id)) lineOf.set(id, i);
    if (claimIds[i] !== undefined) claims.add(claimIds[i]!);
  });
  const items: ItemRef[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const line = lineOf.get(id);
    if (line !== undefined) items.push({ list, claimId: claimIds[line]!, chargeId: id });
    else if (claims.has(id)) items.push({ list, claimId: id });
    else unknown.push(id);
  }
  return { read, items, unknown };
}

async function runSet(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    status: { type: "string" },
    "follow-up": { type: "string" },
    note: { type: "string" },
    list: { type: "string" },
    date: { type: "string" },
  });
  if (positionals.length < 2)
    throw new UsageError("Name the workbook and the items: medbill followup set book.xlsx C1001 --status Appealed");
  const statusText = values.status?.trim().toLowerCase();
  const status = FOLLOW_UP_STATUSES.find((s) => s.toLowerCase() === statusText?.replace(/[-_]+/g, " "));
  if (!status) throw new UsageError(`--status: use one of ${FOLLOW_UP_STATUSES.filter((s) => s !== "Written off").join(", ")}.`);
  const date = dateOption(values.date, "--date") ?? todayIso();
  const followUpDate = dateOption(values["follow-up"], "--follow-up");
  const [bookPath, ...ids] = positionals;
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { read, items, unknown } = await itemsOf(workbook, ids, listOption(values.list), date);
  if (unknown.length > 0) return refuse(io, [`No line or claim ${unknown.join(", ")} in the Charges table.`]);
  const planned = statusPlan(
    read.tables[FollowUp.name],
    read.dateSystem,
    { items, status: status as FollowUpStatus, date, followUpDate, note: values.note },
    todayIso(),
  );
  if (!planned.ok) return refuse(io, planned.problems);
  return save(workbook, planned.plan, bookPath, io);
}

async function runWriteOff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    reason: { type: "string" },
    list: { type: "string" },
    date: { type: "string" },
  });
  if (positionals.length < 2) {
    throw new UsageError('Name the workbook and the items: medbill followup write-off book.xlsx L1001 --reason "denial not appealed"');
  }
  const date = dateOption(values.date, "--date") ?? todayIso();
  const [bookPath, ...ids] = positionals;
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { read, items, unknown } = await itemsOf(workbook, ids, listOption(values.list), date);
  if (unknown.length > 0) return refuse(io, [`No line or claim ${unknown.join(", ")} in the Charges table.`]);
  const ctx = { info: await workbook.describe(), tables: read.tables, dateSystem: read.dateSystem, today: todayIso() };
  const planned = writeOffPlan(read.ledger, ctx, { items, reason: values.reason ?? "", date });
  if (!planned.ok) return refuse(io, planned.problems);
  for (const p of planned.predicted) io.out(`  ${p.chargeId}: balance after ${formatMoney(p.balance)}`);
  return save(workbook, planned.plan, bookPath, io);
}
