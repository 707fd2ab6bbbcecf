// `medbill statements book.xlsx`: the Statements panel from a terminal. One of four jobs:
// --batch (every account due a statement: owing at least --min, none in the last --cycle days, not
// held), --account ID (one or a few chosen accounts, same rules, each one left out said why),
// --invoice PAYERID (a payer of type Other) or --reprint NUMBER (an issued document again, same
// number, as of its own date). It prints who gets what by account id, number and amount (never a
// name: the terminal and its scrollback are not the statement), the total and the accounts left out
// with the reason. Unless --dry-run it writes the plan (issuePlan: the sheet and one Statements row
// per document, with the Audit row; reprintPlan: the sheet only) and saves the workbook; --pdf also
// writes the documents as a PDF (an existing file only with --force). The PDF is written before the
// workbook is saved, so a PDF that cannot be written leaves the numbers unissued. Exit 1 when there
// is nothing to issue or the workbook's tables have problems (the documents are still issued).
import path from "node:path";
import { todayIso, type IsoDate } from "../dates";
import { formatMoney, parseMoney, type Cents } from "../money";
import { nextNumbers, reprint, statementBatch, type BatchPreview } from "../statements/batch";
import type { StatementDocument } from "../statements/model";
import { invoiceFor } from "../statements/statement";
import { readStatementBooks } from "../statements/statementBooks";
import { issuePlan, reprintPlan } from "../statements/statementPlan";
import { applyPlan, type WritePlan } from "../workbook/plan";
import { PlanRejected } from "../workbook/port";
import { openWorkbook } from "./workbookFile";
import {
  count,
  dateOption,
  describeFileError,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  oneWorkbook,
  readArguments,
  UsageError,
  type CliIo,
} from "./commandLine";
import { alignedTable, listProblems } from "./reportOutput";

/** Accounts left out shown unless --all: enough to see the pattern, not a flood. */
const SKIPPED_SHOWN = 100;

type Job = { kind: "batch"; accounts?: string[] } | { kind: "invoice"; payerId: string } | { kind: "reprint"; number: string };

export async function runStatements(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    account: { type: "string", multiple: true },
    batch: { type: "boolean" },
    min: { type: "string" },
    cycle: { type: "string" },
    date: { type: "string" },
    invoice: { type: "string" },
    reprint: { type: "string" },
    pdf: { type: "string" },
    force: { type: "boolean" },
    "dry-run": { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "statements");
  const job = jobOf(values);
  if ((values.min !== undefined || values.cycle !== undefined) && job.kind !== "batch") {
    throw new UsageError("--min and --cycle go with --batch or --account.");
  }
  if (values.date !== undefined && job.kind === "reprint") {
    throw new UsageError("A re-print keeps the date it was issued on: leave out --date.");
  }
  const date = dateOption(values.date, "--date") ?? todayIso();
  const minBalance = values.min === undefined ? undefined : minimumOption(values.min);
  const cycleDays = values.cycle === undefined ? undefined : cycleOption(values.cycle);
  const pdfPath = values.pdf;
  if (pdfPath !== undefined && path.resolve(pdfPath) === path.resolve(bookPath)) {
    throw new UsageError("--pdf must name a file other than the workbook.");
  }
  const dryRun = values["dry-run"] === true;

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const books = await readStatementBooks(workbook);
  const { dateSystem } = books;

  // ---- what would be issued ----
  let documents: StatementDocument[];
  let skipped: BatchPreview["skipped"] = [];
  if (job.kind === "batch") {
    const preview = statementBatch(books, { date, minBalance, cycleDays, accounts: job.accounts });
    documents = preview.documents;
    skipped = preview.skipped;
    const rules =
      `minimum ${formatMoney(minBalance ?? books.settings.minBalance)}, ` + `cycle ${count(cycleDays ?? books.settings.cycleDays, "day")}`;
    io.out(`Statements from ${bookPath} dated ${date} (${rules})`);
  } else {
    let doc: StatementDocument;
    try {
      doc =
        job.kind === "invoice"
          ? invoiceFor(books, job.payerId, { date, number: nextNumbers(books.statements, "Invoice", 1)[0] })
          : reprint(books, job.number);
    } catch (error) {
      if (!isWorded(error)) throw error;
      listProblems(books.problems, io.out, values.all === true);
      io.err(error.message);
      io.err("Nothing was written.");
      return EXIT_PROBLEMS;
    }
    documents = [doc];
    io.out(
      job.kind === "invoice"
        ? `Invoice from ${bookPath} dated ${date}`
        : `Re-print of ${doc.kind.toLowerCase()} ${doc.number} from ${bookPath}, as of its date ${doc.date}`,
    );
  }
  listProblems(books.problems, io.out, values.all === true);
  if (books.problems.length > 0) io.out("");
  const exitCode = books.problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;

  // An invoice with no lines that owes nothing is not worth a number.
  const nothing = documents.length === 0 || (job.kind === "invoice" && documents[0].amountDue <= 0 && documents[0].lines.length === 0);
  if (!nothing) for (const line of documentLines(documents)) io.out(line);
  for (const line of skippedLines(skipped, values.all === true)) io.out(line);
  if (nothing) {
    if (skipped.length > 0) io.out("");
    io.out(nothingToIssue(job, date));
    return EXIT_PROBLEMS;
  }

  // ---- writing it ----
  let plan: WritePlan;
  try {
    // Given the workbook's layout, an issue never replaces a sheet already there and keys its rows by the table's own headers.
    const info = await workbook.describe();
    plan = job.kind === "reprint" ? reprintPlan(documents[0], { dateSystem, info }) : issuePlan(documents, { dateSystem, info });
  } catch (error) {
    if (!isWorded(error)) throw error;
    io.err(error.message);
    io.err("Nothing was written.");
    return EXIT_PROBLEMS;
  }
  const issuing = job.kind === "reprint" ? "" : numberRange(documents);
  io.out("");
  if (dryRun) {
    io.out(
      job.kind === "reprint"
        ? `Dry run: nothing written. The re-print would go on the sheet ${sheetNames(plan)}${pdfPath ? ` and into ${pdfPath}` : ""}.`
        : `Dry run: nothing written, no number issued. Issuing would number ${issuing} and put ${documents.length === 1 ? "it" : "them"} ` +
            `on the sheet ${sheetNames(plan)}${pdfPath ? ` and into ${pdfPath}` : ""}.`,
    );
    return exitCode;
  }
  try {
    await applyPlan(workbook, plan);
  } catch (error) {
    if (!(error instanceof PlanRejected)) throw error;
    io.err(`The workbook refused the ${job.kind === "reprint" ? "re-print" : "statements"}: ${error.message}`);
    io.err("Nothing was written.");
    return EXIT_PROBLEMS;
  }
  if (pdfPath !== undefined) {
    // Loaded only here: the PDF library is needed by no other command.
    const { statementsPdf } = await import("../statements/statementPdf");
    try {
      await io.writeFile(pdfPath, await statementsPdf(documents), { overwrite: values.force === true });
    } catch (error) {
      io.err(describeFileError("write", pdfPath, error));
      io.err(`Nothing was written${job.kind === "reprint" ? "" : " and no number was issued"}: the workbook was not saved.`);
      return EXIT_CANNOT_RUN;
    }
  }
  try {
    await io.writeFile(bookPath, await workbook.save(), { overwrite: true });
  } catch (error) {
    io.err(describeFileError("write", bookPath, error));
    if (pdfPath !== undefined && job.kind !== "reprint") {
      io.err(`${pdfPath} was written, but its numbers were not issued: delete it and run the command again.`);
    }
    return EXIT_CANNOT_RUN;
  }
  const statementRows = rowsAdded(plan, "statements");
  io.out(
    job.kind === "reprint"
      ? `Re-printed ${documents[0].number} on the sheet ${sheetNames(plan)} (no new number). Saved ${bookPath}.`
      : `Issued ${issuing} on the sheet ${sheetNames(plan)}, with ${count(statementRows, "row")} in the Statements table. Saved ${bookPath}.`,
  );
  if (pdfPath !== undefined) io.out(`Wrote ${pdfPath} (${count(documents.length, documents[0].kind.toLowerCase())}).`);
  return exitCode;
}

/** The engine's and the layout's refusals are plain Errors in a biller's words; a TypeError or RangeError is a bug. */
function isWorded(error: unknown): error is Error {
  return error instanceof Error && !(error instanceof TypeError) && !(error instanceof RangeError);
}

/** Which one of the four jobs the command line asks for. */
function jobOf(values: { account?: string[]; batch?: boolean; invoice?: string; reprint?: string }): Job {
  const asked = [
    values.batch ? "--batch" : undefined,
    values.account ? "--account" : undefined,
    values.invoice !== undefined ? "--invoice" : undefined,
    values.reprint !== undefined ? "--reprint" : undefined,
  ].filter((a) => a !== undefined);
  if (asked.length === 0) {
    throw new UsageError("Say what to issue: --batch, --account ID, --invoice PAYERID or --reprint NUMBER.");
  }
  if (asked.length > 1) throw new UsageError(`Use one of ${asked.join(" and ")} at a time.`);
  if (values.batch) return { kind: "batch" };
  if (values.account) {
    const accounts = values.account.flatMap((a) => a.split(",")).map((a) => a.trim());
    if (accounts.some((a) => a === "")) throw new UsageError("--account needs an account id (the Patients table's PatientID).");
    return { kind: "batch", accounts };
  }
  if (values.invoice !== undefined) {
    if (values.invoice.trim() === "") throw new UsageError("--invoice needs a payer id (the Payers table's PayerID).");
    return { kind: "invoice", payerId: values.invoice.trim() };
  }
  if (values.reprint!.trim() === "") throw new UsageError("--reprint needs a statement or invoice number, like S000123.");
  return { kind: "reprint", number: values.reprint!.trim() };
}

function minimumOption(text: string): Cents {
  const parsed = parseMoney(text);
  if (!parsed.ok || parsed.value < 0) throw new UsageError(`--min must be an amount of 0 or more, like 10 or 10.50 (not "${text}").`);
  return parsed.value;
}

function cycleOption(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--cycle must be a whole number of days, like 30 (not "${text}").`);
  return Number(text.trim());
}

/** Who gets what: number, account, lines and amount due (no names), then the total. */
function documentLines(documents: StatementDocument[]): string[] {
  const rows = documents.map((d) => [
    d.number,
    d.account,
    String(d.lines.length),
    formatMoney(d.pendingInsurance),
    formatMoney(d.amountDue),
  ]);
  const total = documents.reduce((sum, d) => sum + d.amountDue, 0);
  const pending = documents.reduce((sum, d) => sum + d.pendingInsurance, 0);
  const kind = documents[0].kind.toLowerCase();
  return [
    ...alignedTable(["Number", "Account", "Lines", "Pending insurance", "Amount due"], [rows], (i) => i >= 2),
    "",
    `Total: ${count(documents.length, kind)}, amount due ${formatMoney(total)} (pending insurance ${formatMoney(pending)}).`,
  ];
}

function skippedLines(skipped: BatchPreview["skipped"], all: boolean): string[] {
  if (skipped.length === 0) return [];
  const shown = all ? skipped : skipped.slice(0, SKIPPED_SHOWN);
  const out = ["", `Left out: ${count(skipped.length, "account")}`, ...shown.map((s) => `  ${s.account}: ${s.reason}`)];
  if (shown.length < skipped.length) out.push(`  ... and ${skipped.length - shown.length} more (--all shows every one)`);
  return out;
}

function nothingToIssue(job: Job, date: IsoDate): string {
  if (job.kind === "invoice") return `Nothing to issue: payer ${job.payerId} has no lines to invoice and owes nothing on ${date}.`;
  if (job.kind === "batch" && job.accounts) {
    return `Nothing to issue: ${job.accounts.length === 1 ? "the account is" : "the accounts are"} left out (--min and --cycle change the minimum and the cycle).`;
  }
  return `Nothing to issue: no account owes the minimum and is due a statement on ${date}.`;
}

/** "S000124" or "S000124 to S000135". */
function numberRange(documents: StatementDocument[]): string {
  const first = documents[0].number;
  const last = documents[documents.length - 1].number;
  return first === last ? first : `${first} to ${last}`;
}

function sheetNames(plan: WritePlan): string {
  return plan.ops
    .flatMap((op) => (op.kind === "reportSheet" ? [`"${op.sheet}"`] : []))
    .filter((name, i, all) => all.indexOf(name) === i)
    .join(" and ");
}

function rowsAdded(plan: WritePlan, table: string): number {
  return plan.ops.reduce(
    (n, op) =>
      n +
      (op.kind === "appendRows" && op.table.toLowerCase() === table
        ? op.rows.length
        : op.kind === "createTable" && op.table.toLowerCase() === table
          ? (op.rows?.length ?? 0)
          : 0),
    0,
  );
}
