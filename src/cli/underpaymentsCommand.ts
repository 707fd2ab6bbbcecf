// `medbill underpayments book.xlsx [--as-of DATE] [--from DATE] [--to DATE] [--csv] [--out report.xlsx]`:
// the lines paid under contract (src/contracts/underpaid.ts), biggest shortfall first, then the totals
// by payer. It needs a Contracts table; the Practice's "Underpayment Tolerance" ($1.00) says how far
// under is worth working. Claims and lines only, no patient. --out writes the "Underpaid YYYY-MM-DD"
// sheet. Exit 1 when the ledger or the contracts have problems (listed first), or there is no contract.
import { contractsInTables } from "../contracts/contracts";
import { underpaidLines, type UnderpaidLine } from "../contracts/underpaid";
import { underpaidSheetPlan, UNDERPAID_HEADERS } from "../contracts/underpaidSheet";
import { todayIso } from "../dates";
import { readLedger } from "../ledger/ledger";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { formatMoney, type Cents } from "../money";
import { Contracts, Practice } from "../workbook/tables";
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
import { alignedTable, listProblems, writeReport } from "./reportOutput";
import { openWorkbook } from "./workbookFile";

export async function runUnderpayments(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "as-of": { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    csv: { type: "boolean" },
    all: { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "underpayments");
  const asOf = dateOption(values["as-of"], "--as-of") ?? todayIso();
  const from = dateOption(values.from, "--from");
  const to = dateOption(values.to, "--to");
  if (from !== undefined && to !== undefined && to < from) throw new UsageError(`--to ${to} is before --from ${from}.`);

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { ledger, tables, dateSystem } = await readLedger(workbook);
  const more = await workbook.readTables([Contracts.name, Practice.name]);
  const contracts = contractsInTables(more, dateSystem);
  const problems = [...ledgerProblems(ledger, tables, []), ...contracts.problems];
  if (!contracts.rates) {
    io.err(
      more[Contracts.name]
        ? `${bookPath}: the Contracts table has no rate that can be read, so no line can be checked.`
        : `${bookPath} has no Contracts table: run Setup in the add-in to create it, and enter each payer's rates.`,
    );
    listProblems(problems, io.err, values.all === true);
    return EXIT_PROBLEMS;
  }
  const list = underpaidLines(ledger, contracts.rates, { asOf, from, to, tolerance: contracts.tolerance });

  const cells = (l: UnderpaidLine, money: (m: Cents) => string = formatMoney, text: (s: string) => string = (s) => s) => [
    text(l.claimId),
    text(l.chargeId),
    text(l.payerId),
    text(l.code),
    text(l.dos),
    money(l.expected),
    money(l.allowed),
    money(l.paid),
    money(l.variance),
    String(l.age),
    text(l.lastPaymentDate ?? ""),
  ];
  if (values.csv) {
    listProblems(problems, io.err, values.all === true);
    io.out(csvLine(UNDERPAID_HEADERS));
    for (const l of list.lines) io.out(cells(l, csvDollars, csvText).join(","));
  } else {
    const period = from || to ? `, dates of service ${from ?? "…"} to ${to ?? "…"}` : "";
    io.out(`Underpaid lines in ${bookPath} as of ${asOf}${period}: allowed under contract by more than ${formatMoney(list.tolerance)}`);
    listProblems(problems, io.out, values.all === true);
    if (problems.length > 0) io.out("");
    if (list.lines.length === 0) io.out("No line is paid under its contract.");
    else {
      const total = [`Total (${count(list.lines.length, "line")})`, "", "", "", "", "", "", "", formatMoney(list.variance)];
      for (const line of alignedTable(UNDERPAID_HEADERS, [list.lines.map((l) => cells(l)), [total]], (i) => i >= 5 && i <= 9)) {
        io.out(line);
      }
      io.out("");
      for (const line of alignedTable(
        ["By payer", "Lines", "Expected", "Allowed", "Variance"],
        [list.byPayer.map((p) => [p.payerId, String(p.lines), formatMoney(p.expected), formatMoney(p.allowed), formatMoney(p.variance)])],
        (i) => i > 0,
      )) {
        io.out(line);
      }
    }
  }
  if (values.out !== undefined) {
    if (!(await writeReport(workbook, underpaidSheetPlan(list, dateSystem), bookPath, values.out, values.force === true, io))) {
      return EXIT_CANNOT_RUN;
    }
  }
  return problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
