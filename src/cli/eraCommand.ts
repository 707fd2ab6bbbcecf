// `medbill era post book.xlsx FILE.835`: the Import remittance panel from a terminal. Reads the
// workbook's ledger, plans the 835's posting (eraPostingPlan), prints per payment the payer, trace,
// amount, method and date, what became of its claims, the tie-out (BPR02 = claims paid − PLB =
// posted + held) or its difference, and the PLB items; then the warnings and the exceptions. It
// writes the plan with its Audit row and saves the workbook, unless --dry-run; --exceptions also
// puts the exceptions on a sheet. Exit 1 when the file is refused or nothing could be posted.
// Patient names in the file are never printed: claims are named by their claim number.
import { formatMoney } from "../money";
import { eraPlanInputs, eraPostingPlan, exceptionsSheetPlan } from "../era/eraPlan";
import type { EraPreview, EraRemittancePreview } from "../era/eraPreview";
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
  const plans = values.exceptions && preview.exceptions.length > 0 ? [plan, exceptionsSheetPlan(preview)] : [plan];
  const failed = await applyAndSave(workbook, plans, bookPath, io, "The workbook refused the posting");
  if (failed !== undefined) return failed;
  io.out(`Posted ${adds}. Saved ${bookPath}.`);
  if (values.exceptions) {
    io.out(
      preview.exceptions.length > 0
        ? `Exceptions are on the sheet "${(exceptionsSheetPlan(preview).ops[0] as { sheet: string }).sheet}".`
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
  if (r.alreadyPosted) {
    out.push(`  Already posted on ${r.alreadyPosted.on} as ${r.alreadyPosted.paymentId || "an earlier payment"}: nothing added.`);
    return out;
  }
  const n = (o: string) => r.claims.filter((c) => c.outcome === o).length;
  out.push(
    `  Claims: ${r.claims.length} (matched ${n("matched")}, not matched ${n("unmatched")}, held ${n("held")}, denied ${n("denied")}, ` +
      `reversed ${n("reversal")}, crossover ${n("crossover")})`,
  );
  const { paid, plb, posted, held, difference } = r.totals;
  const equation = `paid on claims ${formatMoney(paid)} − PLB ${formatMoney(plb)} = ${formatMoney(paid - plb)}`;
  if (difference === 0 && posted + held === paid - plb) {
    out.push(`  Ties out: ${equation} = payment ${formatMoney(r.amount)} = posted ${formatMoney(posted)} + held ${formatMoney(held)}`);
  } else {
    out.push(
      `  Does not tie out: ${equation}, but the payment (BPR02) is ${formatMoney(r.amount)} (difference ${formatMoney(difference)})`,
    );
    out.push(`  Posted ${formatMoney(posted)}, held ${formatMoney(held)}`);
  }
  for (const item of r.plb) {
    const reference = item.reference ? `, reference ${item.reference}` : "";
    out.push(`  PLB ${item.reason}${reference}: ${formatMoney(item.amount)} (${item.amount < 0 ? "adds to" : "takes from"} the payment)`);
  }
  const crossovers = n("crossover");
  if (crossovers > 0)
    out.push(`  ${count(crossovers, "claim")} forwarded to the next payer by the payer: don't bill the secondary by hand.`);
  return out;
}
