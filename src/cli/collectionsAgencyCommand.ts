// The collection agency hand-off from a terminal (issue 17):
// `medbill collections send book.xlsx P1 P2 --agency NAME --csv-out FILE [--date D] [--reason TEXT] [--force]`
// writes each account's patient balance off to bad debt, marks it "Collections" and writes the agency's
// CSV (agencySendPlan); `medbill collections recovered book.xlsx --patient ID --net 150.00 (--fee 50.00 |
// --fee-percent 25) [--date D] [--method M] [--reference CHECK] [--dry-run]` posts what the agency paid
// (agencyRecoveryPlan). The terminal gets account IDs and figures only; names and addresses go only to
// the CSV. The send is all or nothing: the plan is applied in memory, the CSV written, then the workbook
// saved; a refusal or a CSV that cannot be written leaves both files as they were.
import { agencyFee, agencyRecoveryPlan, feePercent } from "../collections/agencyRecovery";
import { agencySendPlan } from "../collections/agencySend";
import { AGENCY_FEE_SETTING, collectionsContext, readCollectionsBooks } from "../collections/collectionsBooks";
import { todayIso } from "../dates";
import { formatMoney, parseMoney, type Cents } from "../money";
import { applyPlan } from "../workbook/plan";
import { PlanRejected } from "../workbook/port";
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
import { applyAndSave, openWorkbook } from "./workbookFile";

function refuse(io: CliIo, problems: string[]): number {
  io.err(`Nothing was written: ${count(problems.length, "problem")}.`);
  for (const problem of problems) io.err(`  ${problem}`);
  return EXIT_PROBLEMS;
}

export async function runSend(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    agency: { type: "string" },
    "csv-out": { type: "string" },
    date: { type: "string" },
    reason: { type: "string" },
    force: { type: "boolean" },
  });
  if (positionals.length < 2) {
    throw new UsageError("Name the workbook and the accounts: medbill collections send book.xlsx P1001 --agency NAME --csv-out FILE");
  }
  if (values.agency === undefined) throw new UsageError("Name the agency: --agency NAME.");
  const csvPath = values["csv-out"];
  if (csvPath === undefined) throw new UsageError("Name the agency's file: --csv-out FILE.");
  const date = dateOption(values.date, "--date") ?? todayIso();
  const [bookPath, ...patientIds] = positionals;
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const books = await readCollectionsBooks(workbook);
  const ctx = await collectionsContext(workbook, books, todayIso());
  const sent = agencySendPlan(books, ctx, { patientIds, agency: values.agency, date, reason: values.reason });
  if (!sent.ok) return refuse(io, sent.problems);

  try {
    await applyPlan(workbook, sent.plan);
  } catch (error) {
    if (!(error instanceof PlanRejected)) throw error;
    return refuse(io, [`The workbook refused it: ${error.message}`]);
  }
  try {
    await io.writeFile(csvPath, new TextEncoder().encode(sent.file.text), { overwrite: values.force === true });
  } catch (error) {
    io.err(`Nothing was written: ${describeFileError("write", csvPath, error)}`);
    return EXIT_CANNOT_RUN;
  }
  try {
    await io.writeFile(bookPath, await workbook.save(), { overwrite: true });
  } catch (error) {
    io.err(describeFileError("write", bookPath, error));
    io.err(`The agency's file ${csvPath} was written but the accounts were not saved as sent: do not send that file.`);
    return EXIT_CANNOT_RUN;
  }
  for (const a of sent.accounts) {
    io.out(`  ${a.patientId}: ${formatMoney(a.balance)} on ${count(a.lines, "line")}, oldest served ${a.oldestDos}`);
  }
  io.out(`${sent.plan.what}. Wrote ${csvPath}. Saved ${bookPath}.`);
  return EXIT_OK;
}

/** An amount option (--net, --fee): a UsageError when it does not read as money. */
function moneyOption(value: string, name: string): Cents {
  const parsed = parseMoney(value);
  if (!parsed.ok) throw new UsageError(`${name} must be an amount like 150.00, not "${value}".`);
  return parsed.value;
}

export async function runRecovered(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    patient: { type: "string" },
    net: { type: "string" },
    fee: { type: "string" },
    "fee-percent": { type: "string" },
    date: { type: "string" },
    method: { type: "string" },
    reference: { type: "string" },
    "dry-run": { type: "boolean" },
  });
  const bookPath = oneWorkbook(positionals, "collections recovered");
  if (values.patient === undefined) throw new UsageError("Name the account the agency paid on: --patient ID.");
  if (values.net === undefined) throw new UsageError("Give what the agency sent: --net 150.00.");
  if (values.fee !== undefined && values["fee-percent"] !== undefined) {
    throw new UsageError("Give the agency's fee as --fee or as --fee-percent, not both.");
  }
  const net = moneyOption(values.net, "--net");
  const date = dateOption(values.date, "--date") ?? todayIso();
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const books = await readCollectionsBooks(workbook);

  let fee: Cents;
  if (values.fee !== undefined) fee = moneyOption(values.fee, "--fee");
  else {
    const given = values["fee-percent"] ?? books.feePercent;
    if (given === undefined) {
      throw new UsageError(`Give the agency's fee: --fee 50.00 or --fee-percent 25 (or the Practice setting "${AGENCY_FEE_SETTING}").`);
    }
    const percent = feePercent(given);
    if (percent === undefined) {
      const where = values["fee-percent"] !== undefined ? "--fee-percent" : `The Practice setting "${AGENCY_FEE_SETTING}"`;
      throw new UsageError(`${where} must be a percent from 0 to under 100, like 25, not "${given}".`);
    }
    fee = agencyFee(net, percent);
  }

  const ctx = await collectionsContext(workbook, books, todayIso());
  const result = agencyRecoveryPlan(books, ctx, {
    patientId: values.patient,
    net,
    fee,
    date,
    method: values.method ?? "Check",
    reference: values.reference,
  });
  if (!result.ok) return refuse(io, result.problems);
  io.out(
    `Agency payment on ${values.patient.trim()}: ${formatMoney(net)} net + ${formatMoney(fee)} fee = ${formatMoney(result.gross)} ` +
      `of bad debt recovered; ${formatMoney(result.outstandingAfter)} stays with the agency.`,
  );
  for (const row of result.preview) {
    const v = row.values;
    const figures = [
      v.Paid ? `paid ${v.Paid}` : "",
      v.Adjustment ? `adjustment ${v.Adjustment} ${v.Group ?? ""} ${v.Reason ?? ""}`.trimEnd() : "",
      row.table === "Payments" ? `payment ${v.Amount}` : "",
    ].filter(Boolean);
    io.out(`  ${row.table === "Payments" ? v.PaymentID : `${v.PostingID} ${v.ChargeID}`}: ${figures.join(", ")}`);
  }
  for (const p of result.predicted) io.out(`  ${p.chargeId}: balance after ${formatMoney(p.balance)}`);
  if (values["dry-run"]) {
    io.out("Dry run: nothing was written.");
    return EXIT_OK;
  }
  const failed = await applyAndSave(workbook, [result.plan], bookPath, io, "Nothing was written: the workbook refused it");
  if (failed !== undefined) return failed;
  io.out(`${result.plan.what}. Saved ${bookPath}.`);
  return EXIT_OK;
}
