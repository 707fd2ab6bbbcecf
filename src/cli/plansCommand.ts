// `medbill plans book.xlsx [--as-of DATE] [--csv]`: every payment plan with where it stands (behind ones
// first): account IDs and figures only, no names, since console output carries no patient data.
// `medbill plans add book.xlsx --patient ID --installment 50 --start DATE [--day 15] [--total 600]
// [--note TEXT]` sets an account up on a plan (one PaymentPlans row); `medbill plans cancel book.xlsx
// PPID` sets a plan's Status to Cancelled. Both save the workbook, or write nothing and say why.
// Exit 1 when the workbook has problems (listed first) or a request is refused; 2 when it cannot run.
import { sentence } from "../sentences";
import { todayIso, type IsoDate } from "../dates";
import { formatMoney, parseMoney, type Cents } from "../money";
import { planStandings, planStandingText, scheduleText, sortedStandings, type PlanStanding } from "../plans/paymentPlans";
import { readPlanBooks } from "../plans/planBooks";
import { cancelPlanPlan, newPlanPlan } from "../plans/planWriting";
import type { WritePlan } from "../workbook/plan";
import type { XlsxWorkbook } from "../workbook/xlsxWorkbook";
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
import { csvDollars, csvLine, csvText } from "./csvCells";
import { alignedTable, listProblems } from "./reportOutput";
import { applyAndSave, openWorkbook } from "./workbookFile";

/** `medbill plans ...`: the list, or add / cancel a plan. */
export async function runPlans(args: string[], io: CliIo): Promise<number> {
  switch (args[0]) {
    case "add":
      return runAdd(args.slice(1), io);
    case "cancel":
      return runCancel(args.slice(1), io);
    default:
      return runList(args, io);
  }
}

const HEADERS = [
  "Plan",
  "Account",
  "Status",
  "Start",
  "Installment",
  "Total",
  "Paid",
  "Made",
  "Behind",
  "Next due",
  "Next amount",
  "Remaining",
  "Note",
];

async function runList(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "as-of": { type: "string" },
    csv: { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "plans");
  const asOf = dateOption(values["as-of"], "--as-of") ?? todayIso();
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const books = await readPlanBooks(workbook);
  const standings = sortedStandings(planStandings(books.ledger, books.plans, asOf, books.graceDays));
  const cells = (s: PlanStanding, money: (c: Cents) => string = formatMoney, text: (t: string) => string = (t) => t) => [
    text(s.plan.paymentPlanId),
    text(s.plan.patientId),
    s.state,
    text(s.plan.startDate),
    money(s.plan.installment),
    money(s.plan.total),
    money(s.paid),
    `${s.made} of ${s.schedule.length}`,
    money(s.behind),
    text(s.next?.date ?? ""),
    s.next ? money(s.next.amount) : "",
    money(s.remaining),
    s.missed ? `missed ${s.missed.date}` : "",
  ];
  if (values.csv) {
    listProblems(books.problems, io.err, values.all === true);
    io.out(csvLine(HEADERS));
    for (const s of standings) io.out(cells(s, csvDollars, csvText).join(","));
  } else {
    io.out(`Payment plans in ${bookPath} as of ${asOf} (an installment is missed ${count(books.graceDays, "day")} after its due date)`);
    listProblems(books.problems, io.out, values.all === true);
    if (books.problems.length > 0) io.out("");
    if (standings.length === 0) io.out("No payment plans.");
    else {
      const behind = standings.filter((s) => s.behind > 0);
      io.out(
        `${count(standings.length, "plan")}: ${standings.filter((s) => s.state !== "Completed" && s.state !== "Cancelled").length} being paid, ` +
          `${behind.length} behind (${formatMoney(behind.reduce((n, s) => n + s.behind, 0))}), ${standings.filter((s) => s.state === "Missed").length} with a missed installment.`,
      );
      io.out("");
      const money = new Set([4, 5, 6, 8, 10, 11]);
      for (const line of alignedTable(HEADERS, [standings.map((s) => cells(s))], (i) => money.has(i))) io.out(line);
    }
  }
  return books.problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** An amount option (--installment, --total): "50", "50.00", "$1,200". */
function amountOption(value: string | undefined, name: string): Cents | undefined {
  if (value === undefined) return undefined;
  const parsed = parseMoney(value);
  if (!parsed.ok || parsed.value <= 0) throw new UsageError(`${name} must be an amount more than 0, like 50 or 50.00, not "${value}".`);
  return parsed.value;
}

async function runAdd(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    patient: { type: "string" },
    installment: { type: "string" },
    start: { type: "string" },
    day: { type: "string" },
    total: { type: "string" },
    note: { type: "string" },
  });
  const bookPath = oneWorkbook(positionals, "plans add");
  if (values.patient === undefined) throw new UsageError("Name the account with --patient, like --patient P1001.");
  const installment = amountOption(values.installment, "--installment");
  if (installment === undefined) throw new UsageError("Give the amount of each installment with --installment, like --installment 50.");
  const start: IsoDate | undefined = dateOption(values.start, "--start");
  if (start === undefined) throw new UsageError("Give the first installment's date with --start, like --start 2027-01-15.");
  const dayText = values.day?.trim();
  if (dayText !== undefined && !/^\d{1,2}$/.test(dayText))
    throw new UsageError(`--day must be a day of the month from 1 to 31, not "${values.day}".`);
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const books = await readPlanBooks(workbook);
  const result = newPlanPlan(
    books,
    {
      patientId: values.patient,
      installment,
      startDate: start,
      dayOfMonth: dayText === undefined ? undefined : Number(dayText),
      total: amountOption(values.total, "--total"),
      note: values.note,
    },
    todayIso(),
  );
  if (!result.ok) return refuse(io, result.problems);
  io.out(`Patient balance ${formatMoney(result.balance)}; ${scheduleText(result.schedule)}`);
  return save(workbook, result.plan, bookPath, io);
}

async function runCancel(args: string[], io: CliIo): Promise<number> {
  const { positionals } = readArguments(args, {});
  if (positionals.length !== 2) throw new UsageError("Name the workbook and the plan: medbill plans cancel book.xlsx PP000001");
  const [bookPath, id] = positionals;
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const books = await readPlanBooks(workbook);
  const result = cancelPlanPlan(books, id);
  if (!result.ok) return refuse(io, result.problems);
  const standing = planStandings(
    books.ledger,
    books.plans.filter((p) => p.paymentPlanId.toLowerCase() === id.trim().toLowerCase()),
    todayIso(),
    books.graceDays,
  )[0];
  if (standing) io.out(`Before: ${planStandingText(standing)}`);
  return save(workbook, result.plan, bookPath, io);
}

function refuse(io: CliIo, problems: string[]): number {
  io.err(`Nothing was written: ${count(problems.length, "problem")}.`);
  for (const problem of problems) io.err(`  ${problem}`);
  return EXIT_PROBLEMS;
}

async function save(workbook: XlsxWorkbook, plan: WritePlan, bookPath: string, io: CliIo): Promise<number> {
  const failed = await applyAndSave(workbook, [plan], bookPath, io, "Nothing was written: the workbook refused it");
  if (failed !== undefined) return failed;
  io.out(`${sentence(plan.what)} Saved ${bookPath}.`);
  return EXIT_OK;
}
