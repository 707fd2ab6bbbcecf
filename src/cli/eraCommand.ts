// `medbill era post book.xlsx FILE.835`: the Import remittance panel from a terminal. Reads the
// workbook's ledger, plans the 835's posting (eraPostingPlan), prints per payment the payer, trace,
// amount, method and date, what became of its claims, the money line by line (claims paid, each PLB
// item as what it does to the payment, adding up to BPR02) and the tie-out (= posted + held) or its
// difference; then the warnings and the exceptions. It
// writes the plan with its Audit row and saves the workbook, unless --dry-run; --exceptions also
// puts the exceptions on a sheet. Exit 1 when the file is refused or nothing could be posted.
// Patient names in the file are never printed: claims are named by their claim number.
import { formatMoney } from "../money";
import { eraPlanInputs, eraPostingPlan, exceptionsSheetPlan } from "../era/eraPlan";
import type { EraClaimPreview, EraPreview, EraRemittancePreview } from "../era/eraPreview";
import { moneyEquation, paymentMoney, signedMoney } from "../era/remittanceMoney";
import { paymentMethodWords } from "../era/eraIdentity";
import { todayIso } from "../dates";
import { PAYMENT_DATE_SOURCES } from "../era/eraIdentity";
import type { WritePlan } from "../workbook/plan";
import { applyAndSave, openWorkbook } from "./workbookFile";
import { count, describeFileError, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, readArguments, UsageError, type CliIo } from "./commandLine";

/** Exceptions shown unless --all: enough to see the pattern, not a flood. */
const EXCEPTIONS_SHOWN = 100;

/** `medbill era <subcommand> ...`. */
export async function runEra([subcommand, ...rest]: string[], io: CliIo): Promise<number> {
  switch (subcommand) {
    case "post":
      return runEraPost(rest, io);
    case undefined:
      throw new UsageError("Say what to do with the remittance: medbill era post book.xlsx FILE.835");
    default:
      throw new UsageError(`medbill era has no command "${subcommand}": use post.`);
  }
}

async function runEraPost(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    "dry-run": { type: "boolean" },
    exceptions: { type: "boolean" },
    all: { type: "boolean" },
  });
  if (positionals.length !== 2) {
    throw new UsageError(
      positionals.length < 2 ? "Name the workbook and the 835 file: medbill era post book.xlsx FILE.835" : "Post one 835 file at a time.",
    );
  }
  const [bookPath, eraPath] = positionals;
  const dryRun = values["dry-run"] === true;
  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(eraPath);
  } catch (error) {
    io.err(describeFileError("open", eraPath, error));
    return EXIT_CANNOT_RUN;
  }

  const { ledger, ctx } = await eraPlanInputs(workbook, todayIso());
  const name = eraPath.split(/[\\/]/).pop() ?? eraPath;
  const result = await eraPostingPlan({ name, bytes }, ledger, ctx);
  if (!result.ok) {
    io.err(`${name} was not posted: ${result.error}`);
    io.err("Nothing was written.");
    return EXIT_PROBLEMS;
  }
  const { preview, plan } = result;
  for (const line of previewLines(preview, values.all === true)) io.out(line);
  io.out("");

  if (!plan) {
    io.out(
      preview.remittances.every((r) => r.alreadyPosted)
        ? "Nothing to post: every payment in the file is already posted."
        : "Nothing to post: no claim in the file could be posted.",
    );
    return EXIT_PROBLEMS;
  }
  const adds = planCounts(plan);
  if (dryRun) {
    io.out(`Dry run: nothing written. Posting would add ${adds}.`);
    return EXIT_OK;
  }
  const exceptionsSheet = exceptionsSheetPlan(preview, undefined, ctx.dateSystem);
  const plans = values.exceptions && preview.exceptions.length > 0 ? [plan, exceptionsSheet] : [plan];
  const failed = await applyAndSave(workbook, plans, bookPath, io, "The workbook refused the posting");
  if (failed !== undefined) return failed;
  io.out(`Posted ${adds}. Saved ${bookPath}.`);
  if (values.exceptions) {
    io.out(
      preview.exceptions.length > 0
        ? `Exceptions are on the sheet "${(exceptionsSheet.ops[0] as { sheet: string }).sheet}".`
        : "No exceptions to put on a sheet.",
    );
  }
  return EXIT_OK;
}

/** "1 payment, 12 postings and 1 provider adjustment". */
function planCounts(plan: WritePlan): string {
  const rows = new Map<string, number>();
  for (const op of plan.ops) {
    const n = op.kind === "appendRows" ? op.rows.length : op.kind === "createTable" ? (op.rows?.length ?? 0) : 0;
    if (op.kind === "appendRows" || op.kind === "createTable")
      rows.set(op.table.toLowerCase(), (rows.get(op.table.toLowerCase()) ?? 0) + n);
  }
  const parts = [
    count(rows.get("payments") ?? 0, "payment"),
    count(rows.get("postings") ?? 0, "posting"),
    ...(rows.get("provideradjustments") ? [count(rows.get("provideradjustments")!, "provider adjustment")] : []),
  ];
  return parts.length === 3 ? `${parts[0]}, ${parts[1]} and ${parts[2]}` : parts.join(" and ");
}

/** The preview as printed: the file, each payment, then warnings and exceptions. */
export function previewLines(preview: EraPreview, all: boolean): string[] {
  const out = [`ERA file ${preview.fileName} (SHA-256 ${preview.sha256})`];
  preview.remittances.forEach((r, i) => {
    out.push("");
    out.push(...remittanceLines(r, preview.remittances.length > 1 ? `Payment ${i + 1} of ${preview.remittances.length}` : "Payment"));
  });
  if (preview.warnings.length > 0) {
    out.push("", `Warnings: ${preview.warnings.length}`);
    for (const w of preview.warnings) out.push(`  ${w}`);
  }
  const { exceptions } = preview;
  if (exceptions.length > 0) {
    const shown = all ? exceptions : exceptions.slice(0, EXCEPTIONS_SHOWN);
    out.push("", `Exceptions: ${exceptions.length}`);
    for (const e of shown) out.push(`  trace ${e.trace}, claim ${e.patientControl}${e.line ? `, line ${e.line}` : ""}: ${e.reason}`);
    if (shown.length < exceptions.length) out.push(`  ... and ${exceptions.length - shown.length} more (--all shows every one)`);
  }
  return out;
}

function remittanceLines(r: EraRemittancePreview, title: string): string[] {
  const payer = r.payerId ? `${r.payerName || "(no name)"} (our payer ${r.payerId})` : `${r.payerName || "(no name)"} (not in Payers)`;
  const out = [
    `${title}: ${payer}, ${paymentMethodWords(r.method)}, trace ${r.trace}, ${formatMoney(r.amount)}${r.date ? `, dated ${r.date}${r.dateFrom && r.dateFrom !== "BPR16" ? ` (from ${PAYMENT_DATE_SOURCES[r.dateFrom]}: BPR16 is blank)` : ""}` : ", no payment date in the file"}`,
  ];
  const n = (o: EraClaimPreview["outcome"]) => r.claims.filter((c) => c.outcome === o).length;
  const counts = (matched: string) =>
    `  Claims: ${r.claims.length} (${matched} ${n("matched")}, not matched ${n("unmatched")}, held ${n("held")}, denied ${n("denied")}, ` +
    `reversed ${n("reversal")}, sent to next payer ${n("crossover")})`;
  if (r.alreadyPosted) {
    out.push(`  Already posted on ${r.alreadyPosted.on} as ${r.alreadyPosted.paymentId || "an earlier payment"}: nothing added.`);
    out.push(counts("posted"));
    return out;
  }
  out.push(counts("matched"));
  // The money line by line, adding up to the payment: claims paid, each PLB item as what it does to it.
  const money = paymentMoney(r);
  const rows = [
    ...money.lines.map((l) => [
      l.reference ? `${l.label} · ${l.reference}` : l.label,
      l.kind === "plb" ? signedMoney(l.effect) : formatMoney(l.effect),
    ]),
    ["Payment (BPR02)", formatMoney(r.amount)],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const amountWidth = Math.max(...rows.map(([, amount]) => amount.length));
  for (const [label, amount] of rows) out.push(`    ${label.padEnd(labelWidth)}  ${amount.padStart(amountWidth)}`);
  const { posted, held } = r.totals;
  const equation = moneyEquation(money);
  if (money.difference === 0 && posted + held === r.amount) {
    out.push(`  Ties out: ${equation} = ${formatMoney(r.amount)} payment = ${formatMoney(posted)} posted + ${formatMoney(held)} held`);
  } else {
    out.push(
      `  Does not tie out: ${equation} = ${formatMoney(money.sum)}, but the payment (BPR02) is ${formatMoney(r.amount)} (difference ${formatMoney(money.difference)})`,
    );
    out.push(`  Posted ${formatMoney(posted)}, held ${formatMoney(held)}`);
  }
  const crossovers = n("crossover");
  if (crossovers > 0)
    out.push(`  ${count(crossovers, "claim")} forwarded to the next payer by the payer: don't bill the secondary by hand.`);
  return out;
}
