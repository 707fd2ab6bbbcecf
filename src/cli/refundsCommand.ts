// `medbill credits` and `medbill refunds` (issue 17): the credit balances as of a date (Medicare's
// first with the days left of their 60, then oldest first, each with how it arose), the refund
// register (unpaid refunds flagged), a refund of one credit (`refunds add`, the one refund plan the
// task pane uses too) and the check of a refund recorded later (`refunds paid`). The terminal gets
// IDs and figures only, never a patient's name. Exit 0 done, 1 problems (the ledger's, or a refund
// refused: nothing written), 2 cannot run.
import { todayIso } from "../dates";
import { formatMoney, parseMoney, sumCents, type Cents } from "../money";
import { creditBalances, daysLeftWords, type CreditBalance } from "../credits/creditBalances";
import { creditBalancesSheetPlan, refundRegisterSheetPlan, registerInOrder } from "../credits/creditSheets";
import { readRegister, recordCheckPlan, type RegisterEntry } from "../credits/refundRegister";
import { refundPlan } from "../credits/refundPlan";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { readLedger } from "../ledger/ledger";
import { Refunds } from "../workbook/tables";
import { csvDollars, csvLine, csvText } from "./csvCells";
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
import { openWorkbook, refuse, save } from "./workbookFile";

const CREDIT_HEADERS = ["Account", "To", "Payer", "Payment", "Line", "Amount", "Identified", "Medicare", "How it arose"];

export async function runCredits(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "as-of": { type: "string" },
    csv: { type: "boolean" },
    out: { type: "string" },
    force: { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "credits");
  const asOf = dateOption(values["as-of"], "--as-of") ?? todayIso();
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const problems = ledgerProblems(ledger, tables);
  const credits = creditBalances(ledger, asOf);
  // One credit's cells: money as $25.00 on the terminal, as plain dollars (and the text made safe) in CSV.
  const cells = (c: CreditBalance, money: (m: Cents) => string = formatMoney, text: (s: string) => string = (s) => s) => [
    text(c.patientId ?? ""),
    c.to,
    text(c.payerId ?? ""),
    text(c.paymentId ?? ""),
    text(c.chargeId ?? ""),
    money(c.amount),
    c.identified,
    c.daysLeft === undefined ? "" : daysLeftWords(c.daysLeft),
    text(c.how),
  ];
  if (values.csv) {
    listProblems(problems, io.err, values.all === true);
    io.out(csvLine(CREDIT_HEADERS));
    for (const c of credits) io.out(cells(c, csvDollars, csvText).join(","));
  } else {
    const medicare = credits.filter((c) => c.medicare);
    const overdue = medicare.filter((c) => (c.daysLeft ?? 0) < 0).length;
    io.out(`Credit balances in ${bookPath} as of ${asOf}: Medicare first (refund within 60 days of identifying), then oldest first`);
    listProblems(problems, io.out, values.all === true);
    if (problems.length > 0) io.out("");
    if (credits.length === 0) io.out("No credit balances: no payment holds unapplied money and no line is paid beyond what it owes.");
    else {
      const total = [`Total (${count(credits.length, "credit")})`, "", "", "", "", formatMoney(sumCents(credits.map((c) => c.amount)))];
      for (const line of alignedTable(CREDIT_HEADERS, [credits.map((c) => cells(c)), [total]], (i) => i === 5)) io.out(line);
      if (medicare.length > 0) io.out(`Medicare: ${count(medicare.length, "credit")}, ${overdue} overdue.`);
      io.out(
        'Refund one: medbill refunds add book.xlsx --payment PM... (or --charge LINE) --to patient|payer --amount 25.00 --reason "..."',
      );
    }
  }
  if (values.out !== undefined) {
    if (
      !(await writeReport(workbook, creditBalancesSheetPlan(credits, asOf, dateSystem), bookPath, values.out, values.force === true, io))
    ) {
      return EXIT_CANNOT_RUN;
    }
  }
  return problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

export async function runRefunds(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "add") return runAdd(rest, io);
  if (sub === "paid") return runPaid(rest, io);
  return runRegister(args, io);
}

const REGISTER_HEADERS = [
  "Refund",
  "Date",
  "To",
  "Account",
  "Payer",
  "Payment",
  "Amount",
  "Identified",
  "Check #",
  "Paid date",
  "Status",
  "Reason",
];

async function runRegister(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    csv: { type: "boolean" },
    out: { type: "string" },
    force: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "refunds");
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { dateSystem } = await workbook.describe();
  const register = readRegister((await workbook.readTables([Refunds.name]))[Refunds.name], dateSystem);
  const entries = registerInOrder(register.entries);
  const cells = (e: RegisterEntry, money: (m: Cents) => string = formatMoney, text: (s: string) => string = (s) => s) => [
    text(e.refundId),
    e.date,
    e.to,
    text(e.patientId ?? ""),
    text(e.payerId ?? ""),
    text(e.paymentId ?? ""),
    money(e.amount),
    e.identified ?? "",
    text(e.checkNumber ?? ""),
    e.paidDate ?? "",
    e.paid ? "Paid" : "UNPAID",
    text(e.reason),
  ];
  if (values.csv) {
    for (const problem of register.problems) io.err(problem);
    io.out(csvLine(REGISTER_HEADERS));
    for (const e of entries) io.out(cells(e, csvDollars, csvText).join(","));
  } else {
    const unpaid = entries.filter((e) => !e.paid);
    io.out(`Refund register in ${bookPath}: unpaid refunds first`);
    for (const problem of register.problems) io.out(`  ${problem}`);
    if (entries.length === 0) io.out("No refunds yet.");
    else {
      for (const line of alignedTable(REGISTER_HEADERS, [entries.map((e) => cells(e))], (i) => i === 6)) io.out(line);
      io.out(
        `${count(entries.length, "refund")}, ${formatMoney(sumCents(entries.map((e) => e.amount)))}; ` +
          `${unpaid.length} unpaid, ${formatMoney(sumCents(unpaid.map((e) => e.amount)))}` +
          (unpaid.length > 0 ? " (record a check: medbill refunds paid book.xlsx --refund RF... --check 1234)" : "."),
      );
    }
  }
  if (values.out !== undefined) {
    if (
      !(await writeReport(workbook, refundRegisterSheetPlan(register.entries, dateSystem), bookPath, values.out, values.force === true, io))
    ) {
      return EXIT_CANNOT_RUN;
    }
  }
  return register.problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

async function runAdd(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    payment: { type: "string" },
    charge: { type: "string" },
    to: { type: "string" },
    amount: { type: "string" },
    reason: { type: "string" },
    date: { type: "string" },
    check: { type: "string" },
    method: { type: "string" },
  });
  const bookPath = oneWorkbook(positionals, "refunds add");
  if (values.payment === undefined && values.charge === undefined) {
    throw new UsageError(
      "Say which credit to refund: --payment PM000123 (money not applied) or --charge C000045 (a line paid beyond what it owes).",
    );
  }
  const to = values.to?.trim().toLowerCase();
  if (to !== "patient" && to !== "payer") throw new UsageError("Say who gets the money back: --to patient or --to payer.");
  if (values.amount === undefined) throw new UsageError("Give the amount to refund: --amount 25.00.");
  const amount = parseMoney(values.amount);
  if (!amount.ok) throw new UsageError(`--amount must be an amount like 25.00, not "${values.amount}".`);
  const date = dateOption(values.date, "--date") ?? todayIso();
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const register = await workbook.readTables([Refunds.name]);
  const ctx = { info: await workbook.describe(), tables: { ...tables, ...register }, dateSystem, today: todayIso() };
  const planned = refundPlan(ledger, ctx, {
    paymentId: values.payment,
    chargeId: values.charge,
    to,
    amount: amount.value,
    date,
    method: values.method ?? "Check",
    reference: values.check,
    reason: values.reason ?? "",
  });
  if (!planned.ok) return refuse(io, planned.problems);
  for (const p of planned.predicted) io.out(`  ${p.chargeId}: balance after ${formatMoney(p.balance)}`);
  return save(workbook, planned.plan, bookPath, io);
}

async function runPaid(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    refund: { type: "string" },
    check: { type: "string" },
    date: { type: "string" },
  });
  const bookPath = oneWorkbook(positionals, "refunds paid");
  if (values.refund === undefined) throw new UsageError("Name the refund: --refund RF000001.");
  if (values.check === undefined) throw new UsageError("Give the check number: --check 1234.");
  const date = dateOption(values.date, "--date") ?? todayIso();
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { dateSystem } = await workbook.describe();
  const table = (await workbook.readTables([Refunds.name]))[Refunds.name];
  const planned = recordCheckPlan(table, dateSystem, { refundId: values.refund, checkNumber: values.check, date }, todayIso());
  if (!planned.ok) return refuse(io, planned.problems);
  return save(workbook, planned.plan, bookPath, io);
}
