// `medbill balances book.xlsx`: what is still owed, and by whom, from a terminal. Reads Charges,
// Payments, Postings and Payers in one go (readLedger), works out every service line's balance
// (lineBalances; as of a date, the lines served and the postings dated by then, as aging counts)
// and prints them by line, claim, patient account or payer:
// an aligned table with money as $1,234.50 and a total line, or CSV for a spreadsheet or a script.
//
// - Problems in the ledger (rows that fail their checks, postings to lines that aren't there, ...) are
//   listed first, because a balance resting on them may be wrong; the command then ends with exit 1.
//   With --csv they go to stderr so stdout stays pure CSV.
// - Credits are kept apart, never netted away: the Balance column adds up what is owed, the Credit
//   column the lines whose payments exceed what they owe (negative), and the total line says both.
// - CSV money is plain dollars (1234.50, -20.00); a text cell that would start a formula in a
//   spreadsheet (= + - @) is written with a leading apostrophe, as the add-in writes outside text.
// Nothing is written. The cell values printed are IDs from the user's own file, on their own terminal.
import { balancesBy, lineBalances, type BalanceGroup, type GroupBalance, type LineBalance } from "../ledger/balances";
import { readLedger } from "../ledger/ledger";
import { ledgerProblems } from "../ledger/ledgerProblems";
import { formatMoney, type Cents } from "../money";
import { csvDollars, csvText } from "./csvCells";
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
import { listProblems } from "./reportOutput";

const GROUPINGS: BalanceGroup[] = ["line", "claim", "patient", "payer"];

/** One printed row: text cells, and money in cents (undefined prints blank). */
interface Row {
  text: string[];
  money: (Cents | undefined)[];
  /** After the money (the line view's status). */
  tail?: string[];
}

interface Layout {
  textHeaders: string[];
  moneyHeaders: string[];
  tailHeaders: string[];
  rows: Row[];
  total: Row;
}

export async function runBalances(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "as-of": { type: "string" },
    by: { type: "string" },
    csv: { type: "boolean" },
    all: { type: "boolean" },
  });
  const path = oneWorkbook(positionals, "balances");
  const by = (values.by ?? "line").trim().toLowerCase() as BalanceGroup;
  if (!GROUPINGS.includes(by)) throw new UsageError(`--by must be line, claim, patient or payer, not "${values.by}".`);
  const asOf = dateOption(values["as-of"], "--as-of");

  const workbook = await openWorkbook(path, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const { ledger, tables } = await readLedger(workbook);
  const problems = ledgerProblems(ledger, tables);

  const lines = lineBalances(ledger, asOf);
  if (!values.csv) {
    const later = ledger.charges.length - lines.length;
    io.out(
      `Balances in ${path}, by ${by}, ` +
        (asOf
          ? `as of ${asOf} (lines served and postings dated on or before it` +
            `${later > 0 ? `; ${count(later, "line")} served after it left out, as aging leaves them out` : ""})`
          : "counting every posting"),
    );
  }
  listProblems(problems, values.csv ? io.err : io.out, values.all === true, "balance");

  const layout = by === "line" ? lineLayout(lines) : groupLayout(balancesBy(lines, by), by);
  if (values.csv) for (const line of csvLines(layout)) io.out(line);
  else {
    if (problems.length > 0) io.out("");
    for (const line of textLines(layout)) io.out(line);
    io.out("");
    io.out(creditNote(lines));
  }
  return problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

// ---- the rows of each view --------------------------------------------------------------------------

const MONEY_HEADERS = ["Charge", "Ins paid", "Pt paid", "Adjustments", "Pt resp", "Ins share", "Pt share", "Balance", "Credit"];

/** Money columns for one line or group: shares and balance of what is owed, the credit apart. */
function moneyOf(g: Omit<GroupBalance, "key" | "lines">): Cents[] {
  return [g.charge, g.insurancePaid, g.patientPaid, g.adjustments, g.patientResp, g.insuranceShare, g.patientShare, g.balance, g.credit];
}

function lineLayout(lines: LineBalance[]): Layout {
  // Each line as a group of one: its figures with the credit apart, in Charges order (ChargeIDs are
  // unique: parseTable refuses a repeated one).
  const figures = balancesBy(lines, "line");
  const rows: Row[] = lines.map((line, i) => {
    const money: (Cents | undefined)[] = moneyOf(figures[i]);
    // A credit line owes nothing: its shares and balance are blank, its credit shows.
    if (line.balance < 0) [5, 6, 7].forEach((c) => (money[c] = undefined));
    else money[8] = undefined;
    return { text: [line.chargeId, line.claimId, line.patientId, line.payerId, line.dos], money, tail: [line.status] };
  });
  return {
    textHeaders: ["ChargeID", "ClaimID", "PatientID", "PayerID", "DOS"],
    moneyHeaders: MONEY_HEADERS,
    tailHeaders: ["Status"],
    rows,
    total: { text: [`Total (${count(lines.length, "line")})`, "", "", "", ""], money: totalOf(figures.map(moneyOf)), tail: [""] },
  };
}

function groupLayout(groups: GroupBalance[], by: Exclude<BalanceGroup, "line">): Layout {
  const sorted = [...groups].sort((a, b) => a.key.localeCompare(b.key, "en-US", { numeric: true }));
  const header = by === "claim" ? "ClaimID" : by === "patient" ? "PatientID" : "PayerID";
  const lines = groups.reduce((n, g) => n + g.lines, 0);
  return {
    textHeaders: [header, "Lines"],
    moneyHeaders: MONEY_HEADERS,
    tailHeaders: [],
    rows: sorted.map((g) => ({ text: [g.key, String(g.lines)], money: moneyOf(g) })),
    total: { text: [`Total (${count(groups.length, by)})`, String(lines)], money: totalOf(groups.map(moneyOf)) },
  };
}

function totalOf(rows: Cents[][]): Cents[] {
  const total = new Array<Cents>(MONEY_HEADERS.length).fill(0);
  for (const row of rows) for (let i = 0; i < row.length; i++) total[i] += row[i];
  return total;
}

function creditNote(lines: LineBalance[]): string {
  let credit = 0;
  let credits = 0;
  for (const line of lines) {
    if (line.balance < 0) {
      credit += line.balance;
      credits++;
    }
  }
  if (credits === 0) return "No credit balances.";
  return `Credits: ${formatMoney(-credit)} on ${count(credits, "line")} (paid more than owed: refund or apply it), kept apart from the balances.`;
}

// ---- printing ---------------------------------------------------------------------------------------

/** An aligned table: text left, money right, a rule under the headers and above the total. */
function textLines(layout: Layout): string[] {
  const headers = [...layout.textHeaders, ...layout.moneyHeaders, ...layout.tailHeaders];
  const cells = (row: Row) => [...row.text, ...row.money.map((m) => (m === undefined ? "" : formatMoney(m))), ...(row.tail ?? [])];
  const body = layout.rows.map(cells);
  const total = cells(layout.total);
  const widths = headers.map((h, i) => Math.max(h.length, total[i].length, ...body.map((r) => r[i].length)));
  const firstMoney = layout.textHeaders.length;
  const lastMoney = firstMoney + layout.moneyHeaders.length;
  // The Lines column of a group view is a count: right-aligned like the money.
  const right = (i: number) => (i >= firstMoney && i < lastMoney) || headers[i] === "Lines";
  const print = (row: string[]) =>
    row
      .map((cell, i) => (right(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [print(headers), rule, ...body.map(print), rule, print(total)];
}

/** CSV with a header row; money as plain dollars; no total line (a spreadsheet adds its own). */
function csvLines(layout: Layout): string[] {
  const headers = [...layout.textHeaders, ...layout.moneyHeaders, ...layout.tailHeaders];
  const dollars = (m: Cents | undefined) => (m === undefined ? "" : csvDollars(m));
  return [
    headers.map(csvText).join(","),
    ...layout.rows.map((row) => [...row.text.map(csvText), ...row.money.map(dollars), ...(row.tail ?? []).map(csvText)].join(",")),
  ];
}
