// `medbill close book.xlsx --through DATE [--from DATE] [--dry-run]`: the month-end close. Prints the
// close report (A/R at start, every flow, A/R at end from the flows and from the balances, whether they
// tie; payments by payer, adjustments by group, refunds: figures only, no patient), then closes the books
// through the date (a PeriodClose row and the "Close YYYY-MM" sheet, with the Audit row) and saves the
// workbook. `medbill close report book.xlsx --from D --through D [--out-sheet]` only reports (the sheet
// written to the workbook with --out-sheet); `medbill close reopen book.xlsx [--through D] --reason TEXT`
// reopens; `medbill close status book.xlsx` says what is closed. Exit 1 when the report does not tie
// (nothing is closed) or the close or reopening is refused; 2 when the command cannot run.
import { todayIso, type IsoDate } from "../dates";
import { closedBooks, closedWords } from "../close/closedBooks";
import { closePeriodPlan, closeReportPlan, defaultFrom, reopenPlan } from "../close/closePlan";
import { equationText, type CloseReport } from "../close/closeReport";
import { closeSheetName, tieWords } from "../close/closeSheet";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { readLedger } from "../ledger/ledger";
import { formatMoney } from "../money";
import type { RawTable } from "../workbook/port";
import { PeriodClose } from "../workbook/tables";
import { dateOption, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, oneWorkbook, readArguments, UsageError, type CliIo } from "./commandLine";
import { alignedTable, listProblems } from "./reportOutput";
import { applyAndSave, openWorkbook, refuse, save } from "./workbookFile";

/** `medbill close ...`: close, or report, reopen, status. */
export async function runClose(args: string[], io: CliIo): Promise<number> {
  switch (args[0]) {
    case "report":
      return runReport(args.slice(1), io);
    case "reopen":
      return runReopen(args.slice(1), io);
    case "status":
      return runStatus(args.slice(1), io);
    default:
      return runCloseBooks(args, io);
  }
}

/** The workbook's ledger, PeriodClose table and what is closed, or why it cannot be read (exit 2, said). */
async function readBooks(bookPath: string, io: CliIo) {
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return undefined;
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const { [PeriodClose.name]: periodClose } = await workbook.readTables([PeriodClose.name]);
  return { workbook, ledger, tables, dateSystem, periodClose, closed: closedBooks(periodClose, dateSystem) };
}

/** The report as the terminal prints it: the equation, whether it ties, then the breakdowns. */
function printReport(report: CloseReport, io: CliIo): void {
  const rows = equationText(report).map((r) => [r.label, r.amount]);
  const width = Math.max(...rows.map((r) => r[0].length));
  const amountWidth = Math.max(...rows.map((r) => r[1].length));
  io.out("");
  for (const [label, amount] of rows) io.out(`${label.padEnd(width)}  ${amount.padStart(amountWidth)}`);
  io.out(`${tieWords(report)}.`);
  const end = report.end;
  io.out("");
  io.out(
    `A/R at end: owed on lines ${formatMoney(end.owed)}, credits on lines ${formatMoney(end.lineCredits)}, ` +
      `unapplied payment money ${formatMoney(end.unapplied)}`,
  );
  io.out("");
  io.out("Payments received by payer");
  if (report.payments.byPayer.length === 0) io.out("  None.");
  else {
    const payers = report.payments.byPayer.map((p) => [p.payerId === "" ? "-" : p.payerId, p.name, String(p.count), formatMoney(p.amount)]);
    for (const line of alignedTable(["Payer", "Name", "Payments", "Amount"], [payers], (i) => i >= 2)) io.out(`  ${line}`);
  }
  const g = report.adjustments.byGroup;
  io.out("");
  io.out(`Adjustments by group: CO ${formatMoney(g.CO)}, OA ${formatMoney(g.OA)}, PI ${formatMoney(g.PI)}, WO ${formatMoney(g.WO)}`);
  io.out(`Refunds: to patients ${formatMoney(report.refunds.toPatients)}, to payers ${formatMoney(report.refunds.toPayers)}`);
}

function heading(bookPath: string, from: IsoDate, through: IsoDate, io: CliIo, problems: string[], all: boolean): void {
  io.out(`Month-end close of ${bookPath}, ${from} to ${through}`);
  listProblems(problems, io.out, all);
}

async function runCloseBooks(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    through: { type: "string" },
    from: { type: "string" },
    "dry-run": { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "close");
  const through = dateOption(values.through, "--through");
  if (through === undefined) throw new UsageError("Say through which date to close: medbill close book.xlsx --through 2026-11-30");
  const givenFrom = dateOption(values.from, "--from");
  const books = await readBooks(bookPath, io);
  if (!books) return EXIT_CANNOT_RUN;
  const { workbook, ledger, tables, dateSystem, periodClose, closed } = books;
  if (!closed.ok) return refuse(io, [closed.problem]);
  const from = givenFrom ?? defaultFrom(closed.closedThrough, through);
  io.out(closedWords(closed));
  heading(bookPath, from, through, io, ledgerProblems(ledger, tables), values.all === true);
  const planned = closePeriodPlan(ledger, periodClose, dateSystem, { from, through }, todayIso());
  if (planned.report) printReport(planned.report, io);
  if (!planned.ok) return refuse(io, planned.problems);
  io.out("");
  if (values["dry-run"]) {
    io.out(
      `Dry run: nothing written. Closing would add a PeriodClose row (Closed through ${through}) and the sheet "${closeSheetName(through)}".`,
    );
    return EXIT_OK;
  }
  return save(workbook, planned.plan, bookPath, io);
}

async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    from: { type: "string" },
    through: { type: "string" },
    "out-sheet": { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "close report");
  const from = dateOption(values.from, "--from");
  const through = dateOption(values.through, "--through");
  if (from === undefined || through === undefined) {
    throw new UsageError("Give the period: medbill close report book.xlsx --from 2026-11-01 --through 2026-11-30");
  }
  const books = await readBooks(bookPath, io);
  if (!books) return EXIT_CANNOT_RUN;
  const made = closeReportPlan(books.ledger, { from, through });
  if (!made.ok) throw new UsageError(made.problems.join(" "));
  if (books.closed.ok) io.out(closedWords(books.closed));
  heading(bookPath, from, through, io, ledgerProblems(books.ledger, books.tables), values.all === true);
  printReport(made.report, io);
  if (values["out-sheet"]) {
    io.out("");
    const written = await save(books.workbook, made.plan, bookPath, io);
    if (written !== EXIT_OK) return written;
  }
  return made.report.ties ? EXIT_OK : EXIT_PROBLEMS;
}

async function runReopen(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    through: { type: "string" },
    reason: { type: "string" },
  });
  const bookPath = oneWorkbook(positionals, "close reopen");
  const through = dateOption(values.through, "--through");
  if (values.reason === undefined) {
    throw new UsageError('Say why the books are reopened: medbill close reopen book.xlsx --through 2026-10-31 --reason "late EOB"');
  }
  const books = await readBooks(bookPath, io);
  if (!books) return EXIT_CANNOT_RUN;
  const planned = reopenPlan(books.periodClose as RawTable | undefined, books.dateSystem, { through, reason: values.reason }, todayIso());
  if (!planned.ok) return refuse(io, planned.problems);
  // The reason is the office's own words: kept in the workbook, never printed.
  const now = through === undefined ? "nothing is closed now" : `the books are closed through ${through} now`;
  const failed = await applyAndSave(books.workbook, [planned.plan], bookPath, io, "Nothing was written: the workbook refused it");
  if (failed !== undefined) return failed;
  const was =
    books.closed.ok && books.closed.closedThrough !== undefined ? ` (they were closed through ${books.closed.closedThrough})` : "";
  io.out(`Reopened: ${now}${was}. Saved ${bookPath}.`);
  return EXIT_OK;
}

async function runStatus(args: string[], io: CliIo): Promise<number> {
  const { positionals } = readArguments(args, {});
  const bookPath = oneWorkbook(positionals, "close status");
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { dateSystem } = await workbook.describe();
  const { [PeriodClose.name]: table } = await workbook.readTables([PeriodClose.name]);
  const closed = closedBooks(table, dateSystem);
  if (!closed.ok) return refuse(io, [closed.problem]);
  io.out(closedWords(closed));
  if (!table) io.out("The workbook has no PeriodClose table: nothing has been closed (run Setup in the add-in to create it).");
  return EXIT_OK;
}
