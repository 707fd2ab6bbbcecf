// `medbill collections book.xlsx --as-of DATE --min-balance 50 --older-than 60`: the patient
// accounts to send to collections (collectionsWorklist), highest priority first. The terminal gets
// account IDs and figures only (balance by bucket, oldest age, last payment, last statement): no
// names or phones, since console output carries no patient data. The agency's layout, names and
// phones included, is the "Collections YYYY-MM-DD" sheet that --out writes (collectionsSheetPlan).
// --csv prints the same rows as the text, as CSV. Accounts on a payment plan: a missed installment is
// listed with its note, one kept up is left off and named under the list (collectionsWorklist). Exit 1
// when the ledger has problems (listed first).
// `medbill collections send` and `medbill collections recovered` hand accounts to a collection agency
// and post what it pays back (collectionsAgencyCommand.ts).
import { ledgerProblems } from "../ledger/ledgerProblems";
import { todayIso } from "../dates";
import { readLedger } from "../ledger/ledger";
import { formatMoney, parseMoney, type Cents } from "../money";
import { collectionsWorklist, type CollectionsAccount } from "../reports/collections";
import { collectionsSheetPlan, onPlanLine } from "../reports/collectionsSheet";
import { standingsInTables } from "../plans/planBooks";
import { parseTable } from "../workbook/mapTable";
import { Patients, Statements } from "../workbook/tables";
import { csvDollars, csvLine, csvText } from "./csvCells";
import { openWorkbook } from "./workbookFile";
import {
  count,
  dateOption,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  oneWorkbook,
  readArguments,
  UsageError,
  type CliIo,
} from "./commandLine";
import { alignedTable, listProblems, writeReport } from "./reportOutput";
import { runRecovered, runSend } from "./collectionsAgencyCommand";

/** `medbill collections ...`: the worklist, or the agency hand-off (send, recovered). */
export async function runCollections(args: string[], io: CliIo): Promise<number> {
  switch (args[0]) {
    case "send":
      return runSend(args.slice(1), io);
    case "recovered":
      return runRecovered(args.slice(1), io);
    default:
      return runWorklist(args, io);
  }
}

async function runWorklist(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "as-of": { type: "string" },
    "min-balance": { type: "string" },
    "older-than": { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    csv: { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "collections");
  const asOf = dateOption(values["as-of"], "--as-of") ?? todayIso();
  const min = parseMoney(values["min-balance"] ?? "0");
  if (!min.ok || min.value < 0) throw new UsageError(`--min-balance must be an amount like 50 or 50.00, not "${values["min-balance"]}".`);
  const olderText = (values["older-than"] ?? "0").trim();
  if (!/^\d+$/.test(olderText)) throw new UsageError(`--older-than must be a whole number of days, not "${values["older-than"]}".`);
  const olderThan = Number(olderText);

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const extra = await workbook.readTables(["Patients", "Statements", "PaymentPlans", "Practice"]);
  const patients = extra.Patients ? parseTable(Patients, extra.Patients, dateSystem) : undefined;
  const statements = extra.Statements ? parseTable(Statements, extra.Statements, dateSystem) : undefined;
  const plans = standingsInTables(ledger, extra, dateSystem, patients?.rows, asOf);
  const problems = [...ledgerProblems(ledger, tables, [...(patients?.issues ?? []), ...(statements?.issues ?? [])]), ...plans.problems];
  const list = collectionsWorklist(ledger, {
    asOf,
    minBalance: min.value,
    olderThan,
    patients: patients?.rows,
    statements: statements?.rows,
    plans: plans.standings,
  });

  if (!values.csv) {
    io.out(
      `Collections worklist in ${bookPath} as of ${asOf}: patient balances over ${formatMoney(min.value)}, older than ${olderThan} days`,
    );
  }
  listProblems(problems, values.csv ? io.err : io.out, values.all === true);
  const headers = [
    "Account",
    ...list.buckets,
    "Balance",
    "Oldest (days)",
    "Last payment",
    "Last paid",
    "Last statement",
    "Statements",
    "Note",
  ];
  // One account's cells: money as $1,234.50 on the terminal, as plain dollars (and the text made safe) in CSV.
  const cells = (a: CollectionsAccount, money: (m: Cents) => string = formatMoney, text: (s: string) => string = (s) => s) => [
    text(a.patientId),
    ...a.buckets.map((m) => money(m)),
    money(a.balance),
    String(a.oldestAge),
    text(a.lastPayment?.date ?? ""),
    a.lastPayment ? money(a.lastPayment.amount) : "",
    text(a.lastStatement?.date ?? ""),
    a.lastStatement ? String(a.lastStatement.count) : "",
    text(a.note ?? ""),
  ];
  if (values.csv) {
    io.out(csvLine(headers));
    for (const a of list.accounts) io.out(cells(a, csvDollars, csvText).join(","));
  } else {
    if (problems.length > 0) io.out("");
    if (list.accounts.length === 0) io.out("No account is over the balance and age given.");
    else {
      const bucketTotals = list.buckets.map((_, b) => list.accounts.reduce((s, a) => s + a.buckets[b], 0));
      const total = [`Total (${count(list.accounts.length, "account")})`, ...bucketTotals.map(formatMoney), formatMoney(list.total)];
      const moneyEnd = list.buckets.length + 2;
      for (const line of alignedTable(
        headers,
        [list.accounts.map((a) => cells(a)), [total]],
        (i) => (i > 0 && i <= moneyEnd) || i === moneyEnd + 2 || i === moneyEnd + 4,
      )) {
        io.out(line);
      }
    }
    if (list.onPlan.length > 0) io.out(onPlanLine(list));
  }
  if (values.out !== undefined) {
    const plan = collectionsSheetPlan(list, { minBalance: min.value, olderThan, dateSystem });
    if (!(await writeReport(workbook, plan, bookPath, values.out, values.force === true, io))) return EXIT_CANNOT_RUN;
  }
  return problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
