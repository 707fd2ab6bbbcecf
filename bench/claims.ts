// Claims figures (issue 8): building claims from Charges (buildClaims), scrubbing them (scrubClaims)
// and writing the 837P (write837p), each timed on its own, at 820 claims and at 100,000. The claims
// come from the synthetic sample practice (src/sample) made in memory, its tables parsed once (the
// parsing is timed apart, and not in the claims' figures): the first N claims of insurers, so every
// one is a claim. The scrub runs as of the sample's date without code sets (format checks only, as
// for an office that imported none); the file holds every claim built, errors or not (old sample
// claims are past timely filing), so each size writes exactly N claims.
// Baselines in the same run, on the same file: (a) the plainest writer of the same segments, every
// segment's elements joined with "*" and the segments with "~" (the floor for any writer: no loops,
// no checks, no numbering); (b) readX12 tokenizing the file written, the reader every 837P we write is
// checked with. Median of runs at the small size, one run (after it) at the large. Apart: payerAnswers,
// the one pass over the whole sample's Postings that tells which lines a payer has answered (what the
// claims read adds before buildClaims). benchClaims returns the figures; claimsLines words them for
// bench/run.ts.
import { write837p } from "../src/claims/837pWriter";
import { buildClaims, type ClaimTables } from "../src/claims/buildClaims";
import { payerAnswers } from "../src/claims/payerAnswers";
import { PracticeSettings } from "../src/workbook/practiceSettings";
import { scrubClaims } from "../src/claims/scrubber";
import { samplePractice, SAMPLE_AS_OF } from "../src/sample/practiceSample";
import { parseTable } from "../src/workbook/mapTable";
import type { RawTable } from "../src/workbook/port";
import { Charges, Patients, Payers, Payments, Postings, Practice, Providers, type ChargeRow, type TableDef } from "../src/workbook/tables";
import { readX12 } from "../src/x12/x12Reader";

export interface ClaimsFigures {
  claims: number;
  lines: number;
  buildSeconds: number;
  scrubSeconds: number;
  writeSeconds: number;
  /** Statuses the scrub gave. */
  ready: number;
  warnings: number;
  errors: number;
  bytes: number;
  segments: number;
  /** (a) the same segments joined from their elements, nothing else. */
  joinSeconds: number;
  /** (b) readX12 of the file written. */
  readSeconds: number;
}

export interface ClaimsBench {
  /** Sample lines generated, and the seconds to make and parse them (not in the figures). */
  sampleLines: number;
  sampleSeconds: number;
  parseSeconds: number;
  sizes: ClaimsFigures[];
  /** payerAnswers over the sample's Postings: how many postings, the lines answered, the seconds. */
  answers: { postings: number; lines: number; seconds: number };
}

const SMALL_RUNS = 5;
/** Lines of sample per insurer's claim asked for: about 1.8 lines a claim, one claim in nine self-pay. */
const LINES_PER_CLAIM = 2.1;
const ENVELOPE = { sender: { id: "SAMPLE01", name: "Sampleton Family Medicine" }, receiver: { id: "CLEARHOUSE", name: "Clearinghouse" } };
const NOW = new Date(2026, 5, 30, 16, 45);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function seconds<T>(work: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

export function benchClaims(sizes: number[]): ClaimsBench {
  const largest = Math.max(...sizes);
  const sampleLines = Math.ceil(largest * LINES_PER_CLAIM);
  const made = seconds(() => samplePractice({ lines: sampleLines }));
  const raw = new Map<string, RawTable>();
  for (const op of made.value.ops) {
    if (op.kind !== "createTable") continue;
    const rows = op.rows ?? [];
    raw.set(op.table, { name: op.table, sheet: op.sheet, headers: op.headers, rows, rowCount: rows.length, headerRow: 1 });
  }
  const parsed = seconds(() => {
    const parse = <D extends TableDef>(def: D) => parseTable(def, raw.get(def.name)!, 1900);
    return {
      charges: parse(Charges),
      patients: parse(Patients).rows,
      payers: parse(Payers).rows,
      practice: PracticeSettings.fromRows(parse(Practice).rows),
      providers: parse(Providers).rows,
      postings: parse(Postings),
      payments: parse(Payments),
    };
  });
  const { charges, patients, payers, practice, providers, postings, payments } = parsed.value;
  const answered = seconds(() => payerAnswers(postings, payments));
  const providerNames = new Map(providers.map((p) => [p.npi, { lastName: p.lastName, firstName: p.firstName }]));
  const selfPay = new Set(payers.filter((p) => p.type === "Self-pay").map((p) => p.payerId));

  const figures = sizes.map((size) => {
    // The first `size` insurers' claims, in Charges order.
    const chosen = new Set<string>();
    const rows: ChargeRow[] = [];
    const sheetRows: number[] = [];
    charges.rows.forEach((row, i) => {
      if (selfPay.has(row.payerId)) return;
      if (!chosen.has(row.claimId)) {
        if (chosen.size === size) return;
        chosen.add(row.claimId);
      }
      rows.push(row);
      sheetRows.push(charges.sheetRows[i]);
    });
    if (chosen.size < size) throw new Error(`the sample holds ${chosen.size} insurers' claims, not ${size}`);
    const tables: ClaimTables = { charges: rows, chargeSheetRows: sheetRows, patients, payers, practiceSettings: practice };
    return measure(size, tables, providerNames, size === largest ? 1 : SMALL_RUNS);
  });
  return {
    sampleLines,
    sampleSeconds: made.seconds,
    parseSeconds: parsed.seconds,
    sizes: figures,
    answers: { postings: postings.count, lines: answered.value.size, seconds: answered.seconds },
  };
}

function measure(
  size: number,
  tables: ClaimTables,
  providers: Map<string, { lastName: string; firstName?: string }>,
  runs: number,
): ClaimsFigures {
  const build: number[] = [];
  const scrub: number[] = [];
  const write: number[] = [];
  const join: number[] = [];
  const read: number[] = [];
  let last: Omit<ClaimsFigures, "buildSeconds" | "scrubSeconds" | "writeSeconds" | "joinSeconds" | "readSeconds"> | undefined;
  for (let run = 0; run < runs; run++) {
    const built = seconds(() => buildClaims(tables));
    const claims = built.value.claims;
    if (claims.length !== size || built.value.problems.length > 0) {
      throw new Error(`built ${claims.length} claims of ${size}, with ${built.value.problems.length} problems`);
    }
    const scrubbed = seconds(() => scrubClaims(claims, { today: SAMPLE_AS_OF }));
    const written = seconds(() =>
      write837p(claims, { ...ENVELOPE, control: { interchange: 0, group: 0, transaction: 0 }, now: NOW, providers }),
    );
    const text = written.value.text;

    // (a) The same segments, from their elements: only the joining.
    const elements = text.split("~").map((segment) => segment.split("*"));
    const joined = seconds(() => elements.map((e) => e.join("*")).join("~"));
    if (joined.value !== text) throw new Error("the baseline join does not give the file back");
    // (b) The reader, on the file written.
    const tokenized = seconds(() => readX12(text));
    if (!tokenized.value.ok || tokenized.value.warnings.length > 0) throw new Error("the 837P written does not read back clean");

    build.push(built.seconds);
    scrub.push(scrubbed.seconds);
    write.push(written.seconds);
    join.push(joined.seconds);
    read.push(tokenized.seconds);
    const status = (s: string) => scrubbed.value.results.filter((r) => r.status === s).length;
    last = {
      claims: claims.length,
      lines: claims.reduce((n, c) => n + c.lines.length, 0),
      ready: status("ready"),
      warnings: status("warnings"),
      errors: status("errors"),
      bytes: text.length,
      segments: elements.length - 1,
    };
  }
  return {
    ...last!,
    buildSeconds: median(build),
    scrubSeconds: median(scrub),
    writeSeconds: median(write),
    joinSeconds: median(join),
    readSeconds: median(read),
  };
}

/** The figures as bench/run.ts prints them. */
export function claimsLines(bench: ClaimsBench): string[] {
  const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
  const out = [
    `\nClaims: build, scrub and write the 837P (sample practice of ${fmt(bench.sampleLines, 0)} lines: made in ${fmt(bench.sampleSeconds)} s, parsed in ${fmt(bench.parseSeconds)} s, not counted)`,
  ];
  for (const f of bench.sizes) {
    const total = f.buildSeconds + f.scrubSeconds + f.writeSeconds;
    out.push(
      `  ${fmt(f.claims, 0)} claims, ${fmt(f.lines, 0)} lines: buildClaims ${fmt(f.buildSeconds, 3)} s; scrubClaims ${fmt(f.scrubSeconds, 3)} s ` +
        `(${fmt(f.ready, 0)} ready, ${fmt(f.warnings, 0)} warnings, ${fmt(f.errors, 0)} errors); write837p ${fmt(f.writeSeconds, 3)} s ` +
        `(${fmt(f.bytes / 1e6, 1)} MB, ${fmt(f.segments, 0)} segments); together ${fmt(total, 3)} s, ${fmt(f.claims / total, 0)} claims/s`,
      `    baselines on the same file: (a) joining its segments from their elements ${fmt(f.joinSeconds, 3)} s, write837p ${fmt(f.writeSeconds / f.joinSeconds, 1)}x; ` +
        `(b) readX12 of it ${fmt(f.readSeconds, 3)} s, write837p ${fmt(f.writeSeconds / f.readSeconds, 2)}x`,
    );
  }
  out.push(
    `  payerAnswers over the sample's ${fmt(bench.answers.postings, 0)} postings (which lines a payer has answered, ` +
      `before buildClaims): ${fmt(bench.answers.seconds, 3)} s, ${fmt(bench.answers.lines, 0)} lines answered`,
  );
  return out;
}
