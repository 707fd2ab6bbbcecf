// `medbill claims read FILE.837`: what an 837P claim file holds, read with the same reader the tests
// read our own files back with (read837p). One line per claim: its transaction (ST02), CLM01 (our
// ClaimID, the patient control number), the payer, the service lines and the total charge (CLM02);
// then the totals, by payer and overall, and what is wrong with the file's envelope (SE01 counts,
// control numbers) as warnings. Names of patients and subscribers, their member IDs and dates of
// birth are in the file but never printed. Exit 1 when the file is not an 837P the reader can read,
// 2 when it cannot be opened, 0 otherwise (warnings included).
import { read837p, type Claim837 } from "../claims/837pRead";
import { formatMoney, sumCents, type Cents } from "../money";
import { count, describeFileError, EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, readArguments, UsageError, type CliIo } from "./commandLine";
import { alignedTable } from "./reportOutput";

export async function runClaimsRead(args: string[], io: CliIo): Promise<number> {
  const { positionals } = readArguments(args, {});
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? "Name the 837P file: medbill claims read claims.837" : "Read one 837P file at a time.");
  }
  const filePath = positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(filePath);
  } catch (error) {
    io.err(describeFileError("open", filePath, error));
    return EXIT_CANNOT_RUN;
  }
  const read = read837p(new TextDecoder("utf-8").decode(bytes));
  if (!read.ok) {
    io.err(`${filePath} was not read as an 837P claim file: ${read.error}`);
    return EXIT_PROBLEMS;
  }

  const { claims } = read;
  const transactions = new Set(claims.map((c) => c.transaction)).size;
  io.out(
    `837P claims in ${filePath}: ${count(claims.length, "claim")} in ${count(transactions, "transaction")}` +
      `${read.isaControl === undefined ? "" : `, interchange control number ${read.isaControl}`}`,
  );
  io.out("");
  const rows = claims.map((c) => [c.transaction, c.claimId, payerName(c), String(c.lines.length), formatMoney(c.total)]);
  const lines = claims.reduce((n, c) => n + c.lines.length, 0);
  const total = sumCents(claims.map((c) => c.total));
  const totalRow = ["Total", "", "", String(lines), formatMoney(total)];
  for (const line of alignedTable(
    ["Transaction", "Claim (CLM01, patient control no.)", "Payer", "Lines", "Total charge"],
    [rows, [totalRow]],
    (i) => i >= 3,
  )) {
    io.out(line);
  }

  const byPayer = new Map<string, { claims: number; total: Cents }>();
  for (const c of claims) {
    const payer = payerName(c);
    const sum = byPayer.get(payer) ?? { claims: 0, total: 0 };
    byPayer.set(payer, { claims: sum.claims + 1, total: sum.total + c.total });
  }
  io.out("");
  if (byPayer.size > 1) {
    io.out("By payer:");
    for (const [payer, sum] of byPayer) io.out(`  ${payer}: ${count(sum.claims, "claim")}, ${formatMoney(sum.total)}`);
  }
  io.out(`Totals: ${count(claims.length, "claim")}, ${count(lines, "service line")}, ${formatMoney(total)} charged.`);
  if (read.warnings.length > 0) {
    io.out("");
    io.out(`Warnings: ${read.warnings.length}`);
    for (const warning of read.warnings) io.out(`  ${warning}`);
  }
  return EXIT_OK;
}

/** The payer as the file names it (NM1*PR): its id and its name, an organisation's, never a person's. */
function payerName(claim: Claim837): string {
  const { id, name } = claim.payer;
  return [id, name].filter((part) => part !== undefined && part !== "").join(" ") || "(no payer)";
}
