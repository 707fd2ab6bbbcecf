// The `medbill` command: the add-in's operations on .xlsx files from a terminal, for month-end
// batch runs. This module reads the command line and hands off to one module per command; `main`
// takes its input and output as arguments so tests run it in-process, and it runs by itself only
// when this file is the program being started (`tsx src/cli/medbill.ts ...`).
import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { EXIT_CANNOT_RUN, EXIT_OK, UsageError, type CliIo } from "./commandLine";
import { runAcks } from "./acksCommand";
import { runAging } from "./agingCommand";
import { runAppeal } from "./appealCommand";
import { runBalances } from "./balancesCommand";
import { runCheck } from "./checkCommand";
import { runClaims } from "./claimsCommand";
import { runCodesCheck } from "./codesCheckCommand";
import { runCodesImport } from "./codesImportCommand";
import { runCollections } from "./collectionsCommand";
import { runContracts } from "./contractsCommand";
import { runEra } from "./eraCommand";
import { runKpis } from "./kpisCommand";
import { runSample } from "./sampleCommand";
import { runSetup } from "./setupCommand";
import { saveWhole } from "./saveWhole";
import { runStatements } from "./statementsCommand";
import { runUnderpayments } from "./underpaymentsCommand";
import { runFollowUp } from "./followupCommand";
import { runPlans } from "./plansCommand";
import { runCredits, runRefunds } from "./refundsCommand";
import { runClose } from "./closeCommand";

export const USAGE = `medbill: medical billing checks on Excel workbooks (.xlsx)

Usage:
  medbill check <book.xlsx> [--all]
      List the billing tables the workbook has, how their columns map to the
      add-in's fields, what is missing, and every row with a problem.
      Shows the first 100 problems per table; --all shows every one. A missing table whose
      rows are on a plain sheet (a header row and rows below it, not an Excel table) is
      named, with how its headers map: medbill setup --make-tables makes it a table.
  medbill setup <book.xlsx> [--make-tables] [--create-missing]
      What Setup would do, changing nothing: the billing tables whose rows are on plain
      sheets and the tables missing altogether. --make-tables makes each such block the
      table where it is (every row, column and value kept; a block with a blank or repeated
      header is left as it is, and said); --create-missing adds the missing tables, empty,
      each on a sheet of its own, never one whose rows are on a plain sheet. Saves the
      workbook when either is given.
  medbill sample --lines <N> --out <file.xlsx> [--seed <S>] [--as-of <YYYY-MM-DD>] [--force]
      Write a sample practice with N charge lines over the 12 months before the
      as-of date (default: today). Every patient, payer and provider in it is made up.
      The same lines, seed and as-of date give the same tables. --force replaces an existing file.
  medbill codes import <book.xlsx> <file>... [--kind icd10cm|hcpcs|list] [--version <FY2025|2019>]
                       [--list <name>] [--out <other.xlsx>] [--force]
      Store code sets in the workbook (hidden sheets that travel with it): the CMS
      ICD-10-CM zip or its order or codes file, the CMS HCPCS file (text or Excel),
      or a two-column list of your own (--list CPT names your CPT list or fee schedule).
      The year comes from the file name unless --version gives it. Saves the workbook,
      or writes --out instead (--force replaces an existing --out file).
  medbill codes check <book.xlsx> [--highlight] [--all]
      Check every code in Charges, Providers and Practice: its format, and the loaded
      code sets (diagnoses in the fiscal year of their date of service). Shows the
      first 100 problems per table; --all shows every one. --highlight fills the bad
      cells light red (clearing earlier marks) and saves the workbook.
  medbill balances <book.xlsx> [--as-of <YYYY-MM-DD>] [--by line|claim|patient|payer] [--csv] [--all]
      What each service line (or claim, patient account, payer) still owes, from
      Charges, Postings and Payments: charge, paid, adjustments, patient
      responsibility, insurance share, patient share, balance, and credits apart.
      --as-of counts only postings dated on or before that date. --csv prints CSV.
      Problems in the ledger are listed first (the first 100; --all shows every one).
  medbill era post <book.xlsx> <FILE.835> [--dry-run] [--exceptions] [--all]
      Post an insurer's remittance (X12 835, 5010): one payment per check or EFT
      in the file, each matched claim's lines paid, adjusted (CO/OA/PI with reason
      codes) and moved to patient responsibility (PR), reversals and PLB items
      recorded. Prints each payment's claims and tie-out, and the exceptions (the
      first 100; --all shows every one). A payment already posted (same payer and
      trace number) adds nothing. Saves the workbook unless --dry-run;
      --exceptions also writes the exceptions to a sheet.
  medbill acks import <book.xlsx> <FILE>... [--dry-run]
      Record what the clearinghouse's 999 and the payers' 277CA files say about the
      claims sent: a ClaimStatus row per claim, Accepted or Rejected, with the file's
      date (the acceptance date proves timely filing) and the reason in words. A 999 is
      tied to the claims by the control number of the 837P file it answers, a 277CA by
      ClaimID. Prints each file's counts, each rejected claim and what could not be
      matched. An answer already recorded adds nothing. Saves the workbook unless
      --dry-run. Exit code 1 when a claim was rejected or something was not matched.
  medbill aging <book.xlsx> [--as-of <YYYY-MM-DD>] [--by payer|patient] [--basis dos|billed|responsibility]
                [--buckets 30,60,90,120] [--out <report.xlsx>] [--force] [--csv] [--all]
      A/R aging as of a date (default: today): insurance balances by payer and patient
      balances by account (--by puts both under payer or account), in age buckets from the
      date of service, billed date or date the balance became the patient's; totals and
      % of total; credits kept apart. --csv prints the rows as CSV. --out writes the workbook
      with an "Aging <date>" sheet (summary, credits, detail) to that file; the workbook
      itself only when --out names it (--force replaces another existing file).
  medbill collections <book.xlsx> [--as-of <YYYY-MM-DD>] [--min-balance <50>] [--older-than <60>]
                      [--out <report.xlsx>] [--force] [--csv] [--all]
      Patient accounts owing more than --min-balance (default 0) on balances older than
      --older-than days (default 0), highest priority (age x balance) first: balance by
      bucket, oldest age, last payment, last statement. Names and phones go only to the
      "Collections <date>" sheet that --out writes, never to the terminal.
  medbill collections send <book.xlsx> <PatientID>... --agency <NAME> --csv-out <FILE>
                      [--date <YYYY-MM-DD>] [--reason <TEXT>] [--force]
      Send accounts to a collection agency: each open line's patient share written off to
      bad debt (WO, reason BD), the accounts' Account Status set to Collections, and the
      agency's CSV (no codes or diagnoses) written to --csv-out (--force replaces it).
      Refused, nothing written: an account not in Patients, already in Collections, or
      owing nothing of its own. Saves the workbook.
  medbill collections recovered <book.xlsx> --patient <ID> --net <150.00>
                      (--fee <50.00> | --fee-percent <25>) [--date <YYYY-MM-DD>]
                      [--method Check] [--reference <CHECK>] [--dry-run]
      Post what the agency paid on an account in Collections: the net as a payment, the
      bad debt written back by net + fee (oldest lines first), the fee written off (CAF).
      No fee given: the Practice's "Collection Agency Fee %". Prints the figures first;
      saves the workbook unless --dry-run.
  medbill contracts import <book.xlsx> <FILE> [--payer <ID>] [--from <YYYY-MM-DD>] [--dry-run]
      Add a payer's fee schedule to the Contracts table: a CSV, tab-separated or .xlsx
      file with a header row naming the code and the allowed amount (Code/CPT,
      Allowed/Rate/Fee), and when it has them the modifier, PayerID and effective
      dates. --payer gives the payer of a file with no PayerID column; --from the date
      the rates start. One bad row and nothing is written (each problem is named).
      Saves the workbook unless --dry-run.
  medbill underpayments <book.xlsx> [--as-of <YYYY-MM-DD>] [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>]
                        [--out <report.xlsx>] [--force] [--csv] [--all]
      Lines the payer allowed (paid + patient responsibility) less for than the
      Contracts table's rate for the payer, code, modifier and date of service, times
      the units, by more than the Practice's Underpayment Tolerance ($1.00): claim,
      line, payer, code, DOS, expected, allowed, paid, variance, age, last payment;
      biggest shortfall first, then the totals by payer. --from/--to keep to those
      dates of service. --out writes the "Underpaid <date>" sheet.
  medbill followup <book.xlsx> [--as-of <YYYY-MM-DD>] [--list denied|underpaid|no-response|filing-limit|rejected]
                   [--done] [--out <report.xlsx>] [--force] [--csv] [--all]
      The follow-up worklists as of a date (default: today): denied lines the payer still
      owes (reason in words, next step, appeal date from the payer's Appeal Days), underpaid
      lines (with a Contracts table), billed claims with no answer in the payer's Response
      Days (default 30), unbilled claims near or past their filing limit, and claims a 999
      or 277CA rejected, with each item's status from the FollowUp table. Written off and closed items are left out
      unless --done. --out writes a "Follow-up <date>" sheet.
  medbill followup set <book.xlsx> <ID>... --status Appealed|Resubmitted|Closed|Open
                       [--follow-up <YYYY-MM-DD>] [--note <TEXT>] [--list <LIST>] [--date <YYYY-MM-DD>]
  medbill followup write-off <book.xlsx> <ID>... --reason <TEXT> [--list <LIST>] [--date <YYYY-MM-DD>]
      Act on items (an ID is a ChargeID, one line, or a ClaimID, the whole claim): set
      their status, follow-up date and note (a FollowUp row each), or write off what the
      payer still owes on them (a WO posting per line, with the reason) and mark them
      Written off. Saves the workbook; a refused action writes nothing.
  medbill appeal <book.xlsx> <CLAIMID> [--line <ID>]... [--as-of <YYYY-MM-DD>] [--reason <TEXT>]
                 [--with-diagnoses] [--out <copy.xlsx>] [--force] [--pdf <letter.pdf>] [--all]
      An appeal letter to the claim's payer for its lines on the Denied or Underpaid list
      as of --as-of (default: today), or the lines --line picks (repeat it, or give ID,ID):
      practice (name, address, phone, Billing NPI, Tax ID), payer name, patient name, date
      of birth and member ID, the claim numbers and dates of service; each line's billed and
      paid amounts with the contract's amount and shortfall, or the denial in words; a reason
      paragraph made from them, --reason's own paragraph, contact and signature. No diagnosis
      unless --with-diagnoses. Prints the letter; --out writes it as the sheet
      "Appeal <CLAIMID>" to a copy, --pdf as a PDF (--force replaces an existing file).
      Exit code 1 when the claim has nothing to appeal.
  medbill kpis <book.xlsx> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--as-of <YYYY-MM-DD>]
               [--out <report.xlsx>] [--force] [--csv] [--all]
      Days in A/R, net and gross collection rates, denial and first-pass rates, % of A/R
      over 90 and 120 days and average days to pay by payer, each with its definition
      and inputs. --as-of (default: --to) counts only postings dated on or before it.
      --out writes a "KPIs <from> to <to>" sheet.
  medbill statements <book.xlsx> (--batch [--min <10>] [--cycle <30>] | --account <ID> [--min] [--cycle]
                     | --invoice <PAYERID> | --reprint <NUMBER>) [--date <YYYY-MM-DD>]
                     [--pdf <out.pdf>] [--force] [--dry-run] [--all]
      Issue patient statements as of --date (default: today): --batch to every account owing
      at least --min (default: the Practice table's Statement Minimum) with no statement in the
      last --cycle days (default: Statement Cycle Days) and not on hold or in collections;
      --account to one account (repeat it, or give ID,ID, for a few) under the same rules;
      --invoice to a payer of type Other. Numbers follow the Statements table's last one without
      a gap. Prints number, account and amount due of each (no names), the total and the
      accounts left out and why; writes the sheet and the Statements rows and saves the workbook
      unless --dry-run. --reprint writes an issued document again, as of its date, with its own
      number. --pdf also writes the documents as a PDF (--force replaces an existing file).
  medbill claims scrub <book.xlsx> [--claim <ID>] [--date <YYYY-MM-DD>] [--all]
      Check each unbilled claim (Charges grouped by ClaimID) the way a clearinghouse will,
      as of --date (default: today), with the code sets stored in the workbook: prints each
      claim's status (ready, warnings only, errors) and its problems with the table, row and
      column to fix (claim and patient ids, never names), the rules the practice turned off
      (Practice: Scrub Rules Off) and a summary. --claim scrubs only that claim, billed or not
      (repeat it, or give ID,ID). Shows the first 100 problems; --all shows every one.
  medbill claims export <book.xlsx> --out <claims.837> [--payer <ID>] [--date <YYYY-MM-DD>]
                        [--force] [--dry-run] [--all]
      Scrub, then write the unbilled claims without errors (of --payer, or of every payer)
      to an X12 837P file (005010X222A1), one transaction per payer; claims with errors are
      listed and never written. Needs Submitter ID and Receiver ID in Practice. Marks the
      claims' lines billed on --date (default: today), keeps the interchange control number
      in Practice and saves the workbook, unless --dry-run. --force replaces an existing file.
      A claim a 999 or 277CA rejected (ClaimStatus) is offered again until it is re-sent.
  medbill claims export <book.xlsx> --secondary --out <claims.837> [--payer <ID>] [--date <YYYY-MM-DD>]
                        [--force] [--dry-run] [--all]
      The claims due to a patient's secondary payer: the primary answered every line and left
      the patient something no other payer has paid, and the claim was neither billed to the
      secondary nor crossed over. Each carries the primary's payments and adjustments line by
      line (a line whose postings do not add up to its charge is refused) and is scrubbed; the
      ready ones go to one 837P, a transaction per secondary payer (--payer: that one only).
      Records a ClaimStatus Billed row with Sequence Secondary per claim (Billed Date in
      Charges stays the primary's), keeps the control number and saves, unless --dry-run.
  medbill claims export <book.xlsx> --tertiary --out <claims.837> [--payer <ID>] [--date <YYYY-MM-DD>]
                        [--force] [--dry-run] [--all]
      The claims due to a patient's tertiary payer: the primary answered every line, the
      secondary answered, something is still left to the patient, the tertiary has paid
      nothing, and the claim was neither billed to the tertiary nor crossed over by the
      secondary. Each carries both prior payers' answers line by line (refused in words when
      a line does not add up) and is scrubbed; the ready ones go to one 837P, a transaction
      per tertiary payer (--payer: that one only). Records a ClaimStatus Billed row with
      Sequence Tertiary per claim, keeps the control number and saves, unless --dry-run.
      Not with --secondary.
  medbill claims read <claims.837>
      Show what an 837P claim file holds: each claim's transaction, CLM01 (patient control
      number), payer, service lines and total charge, the totals by payer and overall, and
      the file's envelope problems as warnings. Never a patient's name. Writes nothing.
  medbill plans <book.xlsx> [--as-of <YYYY-MM-DD>] [--csv] [--all]
      Every payment plan and where it stands as of a date (default: today), behind ones
      first: plan, account, state (Missed, Behind, Current, Completed, Cancelled), start,
      installment, total, paid, installments made of all, behind, next due date and
      amount, remaining, and the date of a missed installment (more than the Practice's
      Plan Grace Days, 10, late). Account IDs and figures only, never a name.
  medbill plans add <book.xlsx> --patient <ID> --installment <50.00> --start <YYYY-MM-DD>
                    [--day <1-31>] [--total <600.00>] [--note <TEXT>]
      Put an account on a payment plan: one PaymentPlans row (PaymentPlanID the next,
      PP000001 in a workbook with none), an installment a month on --day (default: the
      start date's day; a day past a month's end falls on its last day). --total defaults
      to the patient's balance and may not be more. Refused when the account owes nothing
      or already has an active plan. Prints the schedule; saves the workbook.
  medbill plans cancel <book.xlsx> <PaymentPlanID>
      Set an active plan's Status to Cancelled; its payments stay. Saves the workbook.
  medbill credits <book.xlsx> [--as-of <YYYY-MM-DD>] [--out <report.xlsx>] [--force] [--csv] [--all]
      Credit balances as of a date (default: today): money on a payment not applied to any
      line, and lines paid beyond what they owe. Medicare's first with the days left of the
      60 to refund them, then oldest first; who gets it back, the day it was identified and
      how it arose. IDs and figures only, never a name. --out adds a "Credit balances <date>"
      sheet.
  medbill refunds <book.xlsx> [--out <report.xlsx>] [--force] [--csv]
      The refund register, unpaid refunds first (flagged UNPAID). --out adds a "Refund
      register" sheet.
  medbill refunds add <book.xlsx> (--payment <ID> | --charge <ID> [--payment <ID>])
                      --to patient|payer --amount <25.00> --reason <TEXT>
                      [--date <YYYY-MM-DD>] [--check <N>] [--method Check]
      Refund one credit: a payment's unapplied money, or a line's overpayment (taken off the
      line first). The Payments row, the Refunds register row (RF000001...) and, with
      --check, the check paid. Refused, nothing written: no reason, more than the credit, the
      wrong recipient. Saves the workbook.
  medbill refunds paid <book.xlsx> --refund <RF000001> --check <N> [--date <YYYY-MM-DD>]
      Record the check of an unpaid refund on its register row. Saves the workbook.
  medbill close <book.xlsx> --through <YYYY-MM-DD> [--from <YYYY-MM-DD>] [--dry-run] [--all]
      Close the books through a date: prints the close report (A/R at the start of the period,
      charges, payments received, adjustments, refunds, PLB items and postings out of step, A/R
      at end from those flows and from the balances, and whether they tie to the cent; payments
      by payer, adjustments by group, refunds; figures only), then adds a PeriodClose row and the
      "Close YYYY-MM" sheet and saves, unless --dry-run. --from defaults to the day after the last
      close, else the first of the month. From then on every payment, posting, adjustment and
      refund dated on or before the date is refused. Exit code 1 when the report does not tie
      (nothing is closed), the date is in the future or already closed.
  medbill close report <book.xlsx> --from <YYYY-MM-DD> --through <YYYY-MM-DD> [--out-sheet] [--all]
      The close report of any period, closing nothing; --out-sheet writes its sheet to the
      workbook and saves it. Exit code 1 when it does not tie.
  medbill close reopen <book.xlsx> [--through <YYYY-MM-DD>] --reason <TEXT>
      Reopen the books: closed through the earlier --through date, or nothing closed without it.
      The reason is required; it is kept in PeriodClose and the Audit row, never printed.
  medbill close status <book.xlsx>
      Say through which date the books are closed.
  medbill help
      Show this text.

Exit codes: 0 all clear, 1 problems found in the workbook (or a code file refused, or an
835 refused or with nothing to post, or no statement to issue, or a claim with scrub errors,
or no claim to export, or a file that is not an 837P; a report is still printed),
2 the command could not run.`;

export type { CliIo };

/** Streams whose reader went away (`| head`): what would go to them is dropped, the command goes on. */
const closedStreams = new Set<NodeJS.WriteStream>();

function writeLine(stream: NodeJS.WriteStream, line: string): void {
  if (!closedStreams.has(stream)) stream.write(`${line}\n`);
}

export const nodeIo: CliIo = {
  out: (line) => writeLine(process.stdout, line),
  err: (line) => writeLine(process.stderr, line),
  readFile: async (path) => new Uint8Array(await readFile(path)),
  // Whole or not at all: a temporary beside the file, flushed, then renamed over it (see saveWhole.ts).
  writeFile: (path, data, options) => saveWhole(path, data, options),
};

/** Run one command; resolves to the process exit code. Never throws. */
export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await runCheck(rest, io);
      case "sample":
        return await runSample(rest, io);
      case "setup":
        return await runSetup(rest, io);
      case "balances":
        return await runBalances(rest, io);
      case "codes":
        return await runCodes(rest, io);
      case "aging":
        return await runAging(rest, io);
      case "collections":
        return await runCollections(rest, io);
      case "kpis":
        return await runKpis(rest, io);
      case "underpayments":
        return await runUnderpayments(rest, io);
      case "contracts":
        return await runContracts(rest, io);
      case "followup":
      case "follow-up":
        return await runFollowUp(rest, io);
      case "appeal":
        return await runAppeal(rest, io);
      case "era":
        return await runEra(rest, io);
      case "acks":
        return await runAcks(rest, io);
      case "statements":
        return await runStatements(rest, io);
      case "claims":
        return await runClaims(rest, io);
      case "plans":
        return await runPlans(rest, io);
      case "credits":
        return await runCredits(rest, io);
      case "refunds":
      case "refund":
        return await runRefunds(rest, io);
      case "close":
        return await runClose(rest, io);
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return EXIT_OK;
      case undefined:
        io.err(USAGE);
        return EXIT_CANNOT_RUN;
      default:
        io.err(`medbill has no command "${command}".`);
        io.err("");
        io.err(USAGE);
        return EXIT_CANNOT_RUN;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err("");
      io.err(USAGE);
      return EXIT_CANNOT_RUN;
    }
    // A bug, not the user's doing: say so in one line, without a stack trace full of paths.
    io.err(`medbill stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_CANNOT_RUN;
  }
}

/** `medbill codes import|check ...`. */
async function runCodes([subcommand, ...rest]: string[], io: CliIo): Promise<number> {
  switch (subcommand) {
    case "import":
      return runCodesImport(rest, io);
    case "check":
      return runCodesCheck(rest, io);
    case undefined:
      throw new UsageError("Say what to do with codes: medbill codes import book.xlsx FILE..., or medbill codes check book.xlsx");
    default:
      throw new UsageError(`medbill codes has no command "${subcommand}": use import or check.`);
  }
}

function isEntryPoint(): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/**
 * Run medbill as a terminal program. `medbill balances book.xlsx | head` closes the pipe early: the
 * command then prints nothing more and ends quietly with its exit code, never with a stack trace, and
 * never in the middle of writing a workbook (a save goes on to its end). Both entry points
 * (bin/medbill.mjs and `tsx src/cli/medbill.ts`) come through here.
 */
export async function runInTerminal(args: string[]): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      closedStreams.add(stream);
    });
  }
  process.exitCode = await main(args);
}

if (isEntryPoint()) void runInTerminal(process.argv.slice(2));
