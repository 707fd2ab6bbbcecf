// `medbill appeal book.xlsx CLAIMID [--line ID]... [--as-of DATE] [--reason TEXT] [--with-diagnoses]
// [--out copy.xlsx [--force]] [--pdf letter.pdf]`: an appeal letter to the claim's payer for its lines on
// the Denied or Underpaid worklist as of the date (src/followup/appealLetter.ts). Without --out or --pdf
// the letter itself is printed (the biller asked for it: it names the patient, as the letter must);
// with them only a summary is printed (claim, payer id, lines, amounts: no name), --out writes the
// "Appeal <ClaimID>" sheet (with its Audit row) to a copy of the workbook (the workbook itself only
// when --out names it) and --pdf the letter as a PDF (an existing file only with --force).
// The ledger's problems are listed first (on stderr when the letter is printed, so it prints clean) and
// make the exit code 1; so does a claim the letter cannot be written for, said in a sentence.
import path from "node:path";
import { todayIso, usDate } from "../dates";
import {
  APPEAL_TABLES,
  APPEAL_TITLE,
  appealLetter,
  codeWithModifiers,
  lineNotes,
  linesCounted,
  practiceLines,
  regarding,
  SALUTATION,
  SIGN_OFF,
  SIGNATURE_LINE,
  signature,
  type AppealLetter,
} from "../followup/appealLetter";
import { appealPlan } from "../followup/appealSheet";
import { readFollowUp } from "../followup/followUpBooks";
import { formatMoney, type Cents } from "../money";
import { wrap } from "../statements/statementSheet";
import {
  dateOption,
  describeFileError,
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  readArguments,
  UsageError,
  type CliIo,
} from "./commandLine";
import { alignedTable, listProblems, writeReport } from "./reportOutput";
import { openWorkbook } from "./workbookFile";

/** Characters of a printed paragraph's line. */
const TEXT_WIDTH = 90;

export async function runAppeal(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = readArguments(args, {
    line: { type: "string", multiple: true },
    "as-of": { type: "string" },
    reason: { type: "string" },
    "with-diagnoses": { type: "boolean" },
    out: { type: "string" },
    force: { type: "boolean" },
    pdf: { type: "string" },
    all: { type: "boolean" },
  });
  if (positionals.length !== 2) {
    throw new UsageError(
      positionals.length < 2
        ? "Name the workbook and the claim: medbill appeal book.xlsx CLAIMID"
        : "Give one workbook and one claim at a time.",
    );
  }
  const bookPath = positionals[0];
  const claimId = positionals[1].trim();
  if (claimId === "") throw new UsageError("Name the claim to appeal: its ClaimID in Charges.");
  const asOf = dateOption(values["as-of"], "--as-of") ?? todayIso();
  const lines = values.line?.flatMap((l) => l.split(",")).map((l) => l.trim());
  if (lines?.some((l) => l === "")) throw new UsageError("--line needs a line id (the Charges table's ChargeID).");
  if (values.reason !== undefined && values.reason.trim() === "") throw new UsageError("--reason needs the text of your paragraph.");
  const { out: outPath, pdf: pdfPath } = values;
  if (pdfPath !== undefined && path.resolve(pdfPath) === path.resolve(bookPath)) {
    throw new UsageError("--pdf must name a file other than the workbook.");
  }
  if (pdfPath !== undefined && outPath !== undefined && path.resolve(pdfPath) === path.resolve(outPath)) {
    throw new UsageError("--pdf and --out must name two different files.");
  }
  if (values.force && outPath === undefined && pdfPath === undefined) throw new UsageError("--force goes with --out or --pdf.");
  const toFile = outPath !== undefined || pdfPath !== undefined;

  const workbook = await openWorkbook(bookPath, io);
  if (!workbook) return EXIT_CANNOT_RUN;
  const read = await readFollowUp(workbook, asOf);
  const more = await workbook.readTables(APPEAL_TABLES);
  const made = appealLetter({ ...read, tables: { ...read.tables, ...more } }, claimId, {
    lines,
    reason: values.reason,
    withDiagnoses: values["with-diagnoses"] === true,
  });
  // A printed letter goes to stdout alone, so it can be saved or piped as it is.
  const say = toFile ? io.out : io.err;
  listProblems(read.problems, say, values.all === true, "letter");
  if (!made.ok) {
    io.err(made.error);
    return EXIT_PROBLEMS;
  }
  const letter = made.value;
  for (const gap of letter.gaps) say(`Note: ${gap}`);
  const exitCode = read.problems.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
  if (!toFile) {
    for (const line of letterText(letter)) io.out(line);
    return exitCode;
  }

  const { totals } = letter;
  io.out(
    `Appeal letter for claim ${claimId} to payer ${letter.payer.payerId}, dated ${asOf}: ${linesCounted(letter)}, ` +
      `billed ${formatMoney(totals.billed)}, paid ${formatMoney(totals.paid)}` +
      (totals.shortfall > 0 ? `, short of contract ${formatMoney(totals.shortfall)}.` : "."),
  );
  if (pdfPath !== undefined) {
    // Loaded only here: the PDF library is needed by no other part of the command.
    const { appealPdf } = await import("../followup/appealPdf");
    try {
      await io.writeFile(pdfPath, await appealPdf(letter), { overwrite: values.force === true });
    } catch (error) {
      io.err(describeFileError("write", pdfPath, error));
      return EXIT_CANNOT_RUN;
    }
    io.out(`Wrote the letter to ${pdfPath}.`);
  }
  if (outPath !== undefined) {
    const plan = appealPlan(letter, { dateSystem: read.dateSystem });
    if (!(await writeReport(workbook, plan, bookPath, outPath, values.force === true, io))) return EXIT_CANNOT_RUN;
  }
  return exitCode;
}

/** The letter as plain text, as the sheet and the PDF lay it out. */
export function letterText(letter: AppealLetter): string[] {
  const out: string[] = [];
  const paragraph = (text: string) => out.push(...wrap(text, TEXT_WIDTH), "");
  if (letter.practice.name) out.push(letter.practice.name);
  out.push(...practiceLines(letter.practice), "", usDate(letter.date), "", letter.payer.name, "Attn: Appeals", "");
  out.push(`Re: ${APPEAL_TITLE}`);
  const re = regarding(letter);
  const labelWidth = Math.max(...re.map(([label]) => label.length)) + 1;
  for (const [label, value] of re) out.push(`  ${`${label}:`.padEnd(labelWidth)}  ${value}`);
  out.push("", SALUTATION, "");
  paragraph(letter.opening);

  const money = (amount: Cents | undefined) => (amount === undefined ? "" : formatMoney(amount));
  const cells = letter.lines.map((line) => [
    usDate(line.dos),
    codeWithModifiers(line),
    String(line.units),
    money(line.billed),
    money(line.paid),
    money(line.underpaid?.expected),
    money(line.underpaid?.shortfall),
  ]);
  const { totals } = letter;
  const total = [
    "Total",
    "",
    "",
    money(totals.billed),
    money(totals.paid),
    money(totals.expected || undefined),
    money(totals.shortfall || undefined),
  ];
  const [head, rule, ...body] = alignedTable(
    ["Date of service", "Code", "Units", "Billed", "Paid", "Contract", "Shortfall"],
    [cells, [total]],
    (i) => i >= 2,
  );
  // Each line's notes under it, running past the columns as they need.
  out.push(head, rule);
  letter.lines.forEach((line, i) => out.push(body[i], ...lineNotes(line).map((note) => `    ${note}`)));
  out.push(...body.slice(letter.lines.length), "");

  for (const text of [...letter.reasons, ...(letter.billerReason ? [letter.billerReason] : []), letter.closing]) paragraph(text);
  out.push(SIGN_OFF, "", "", SIGNATURE_LINE, ...signature(letter));
  return out;
}
