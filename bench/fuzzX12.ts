// The X12 fuzzer behind `npm run fuzz` and test/x12/fuzz.test.ts: real 835 and 837P files (from
// ../shared/data, else the small seeds written here) and a synthetic 835 that pays claims of the
// sample practice, mutated (characters flipped, the file cut short, segments duplicated or dropped,
// separators swapped, runs of one character inserted, two files spliced), then read by the X12
// reader, the 835 model and its posting plan against the sample books, and the 837P reader. Counts
// what throws instead of giving our own ok:false refusal, and times each input to find the slow
// ones. Deterministic for a seed; prints nothing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { read837pInterchange, toClaim } from "../src/claims/837pRead";
import { eraPlanInputs, planFromRemittances } from "../src/era/eraPlan";
import { readRemittances } from "../src/era/remittance";
import type { Ledger } from "../src/ledger/ledger";
import type { PlanContext } from "../src/ledger/postingRows";
import { samplePractice } from "../src/sample/practiceSample";
import { MemoryWorkbook } from "../src/workbook/memoryWorkbook";
import { readX12 } from "../src/x12/x12Reader";
import { syntheticRemittance } from "../test/era/syntheticRemittance";

export interface FuzzSeed {
  name: string;
  text: string;
}

export interface SlowInput {
  /** CPU time of this process on the input (user + system): what our code cost, whatever else the machine runs. */
  ms: number;
  /** Wall-clock time, which also counts the time other processes had the CPU. */
  wallMs: number;
  description: string;
  bytes: number;
  text: string;
}

export interface FuzzFigures {
  inputs: number;
  /** Inputs every reader returned from (thrown or not). */
  returned: number;
  uncaught: number;
  /** The first few inputs that threw: the mutation and the error. */
  failures: { description: string; error: string }[];
  slowest: SlowInput;
  /** The few slowest, slowest first (the first is `slowest`). */
  slowestFew: SlowInput[];
  /** Inputs that took longer than 100 ms of CPU time. */
  over100ms: number;
  /** The longest wall-clock time of any input. */
  slowestWallMs: number;
  seconds: number;
}

const TODAY = "2026-06-30";
const MAX_FAILURES_KEPT = 10;
const SLOWEST_KEPT = 5;

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BUILT_IN_835 = [
  "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*P*:~",
  "GS*HP*SENDER*RECEIVER*20260101*1200*1*X*005010X221A1~",
  "ST*835*0001~",
  "BPR*I*80*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260110~",
  "TRN*1*EFT0001*1512345678~",
  "DTM*405*20260109~",
  "N1*PR*SAMPLE PLAN~",
  "REF*2U*SMP01~",
  "N1*PE*SAMPLE CLINIC*XX*1234567893~",
  "LX*1~",
  "CLP*CL1*1*120*80*20*12*PCN1~",
  "NM1*QC*1*ZZTEST*PAT~",
  "SVC*HC:99213:25*120*80**1~",
  "DTM*472*20260105~",
  "CAS*CO*45*20~",
  "CAS*PR*2*20~",
  "REF*6R*L1~",
  "AMT*B6*100~",
  "PLB*1234567893*20261231*L6:INT*-0~",
  "SE*17*0001~",
  "GE*1*1~",
  "IEA*1*000000001~",
].join("\n");

const BUILT_IN_837 = [
  "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000002*0*P*:~",
  "GS*HC*SENDER*RECEIVER*20260101*1200*2*X*005010X222A1~",
  "ST*837*0001*005010X222A1~",
  "BHT*0019*00*B1*20260101*1200*CH~",
  "NM1*41*2*SAMPLE CLINIC*****46*S1~",
  "NM1*40*2*SAMPLE PLAN*****46*R1~",
  "HL*1**20*1~",
  "PRV*BI*PXC*207Q00000X~",
  "NM1*85*2*SAMPLE CLINIC*****XX*1234567893~",
  "N3*1 MAIN ST~",
  "N4*SPRINGFIELD*IL*627011234~",
  "REF*EI*123456789~",
  "HL*2*1*22*0~",
  "SBR*P*18*******MB~",
  "NM1*IL*1*ZZTEST*PAT****MI*M1~",
  "DMG*D8*19600101*F~",
  "NM1*PR*2*SAMPLE PLAN*****PI*SMP01~",
  "CLM*CL1*120***11:B:1*Y*A*Y*Y~",
  "HI*ABK:I10*ABF:E119~",
  "LX*1~",
  "SV1*HC:99213:25*120*UN*1***1:2~",
  "DTP*472*D8*20260105~",
  "REF*6R*L1~",
  "SE*21*0001~",
  "GE*1*2~",
  "IEA*1*000000002~",
].join("\n");

/** The real files in ../shared/data (x12-835, x12-837), else the small seeds above. */
export function fileSeeds(): FuzzSeed[] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "data");
  const seeds: FuzzSeed[] = [];
  for (const folder of ["x12-835", "x12-837"]) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) seeds.push({ name, text: readFileSync(path.join(dir, name), "latin1") });
  }
  if (seeds.length === 0) seeds.push({ name: "built-in 835", text: BUILT_IN_835 }, { name: "built-in 837P", text: BUILT_IN_837 });
  return seeds;
}

/** The sample practice's books, as the ERA import reads them, and a synthetic 835 paying some of its claims. */
export async function sampleBooks(): Promise<{ ledger: Ledger; ctx: PlanContext; era: FuzzSeed }> {
  const wb = new MemoryWorkbook();
  await wb.write(samplePractice({ lines: 300, seed: 7, asOf: TODAY }).ops);
  const { ledger, ctx } = await eraPlanInputs(wb, TODAY);
  const claimIds = [...new Set(ledger.charges.filter((c) => c.payerId === "MCR").map((c) => c.claimId))].slice(0, 6);
  const era = syntheticRemittance(ledger, {
    transactions: [
      {
        payer: { name: "Medicare Part B (Sample MAC)", id: "SMP01" },
        trace: "FUZZ0001",
        date: "2026-06-29",
        claims: claimIds.map((claimId, i) => ({
          claimId,
          coinsurancePercent: 20,
          lineIds: i % 2 === 0,
          ...(i === 3 ? { status: "22" } : {}),
          ...(i === 4 ? { denial: "50" } : {}),
        })),
        plb: [{ reason: "L6", reference: "INT", amount: -127 }],
      },
    ],
  });
  return { ledger, ctx, era: { name: "synthetic 835 of the sample books", text: era.text } };
}

const SEPARATORS = ["*", ":", "~", "|", "^", ">", "$", "\n", "\r", " ", "_", "\\"];
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
/** Mostly small, sometimes large: duplications and runs big enough to show a super-linear path. */
const skewed = (rnd: () => number) => pick(rnd, [1, 1, 2, 3, 10, 50, 200, 1000, 5000]);
/**
 * The largest input a mutation makes: 64 KB, some 60 times the real files. A path that is super-linear
 * shows long before that (16,000 segments of four characters); past it, every reader is linear and
 * a bigger input only measures the machine.
 */
export const MAX_INPUT = 64 * 1024;
/** `times` copies of `block`, fewer when they would take the text past MAX_INPUT (at least one). */
const copies = (times: number, block: string, text: string) =>
  Math.max(1, Math.min(times, Math.floor((MAX_INPUT - text.length) / Math.max(1, block.length))));

/** The segment boundaries of a text: after each ~ (or line break when it has none). */
function segmentsOf(text: string): string[] {
  const terminator = text.includes("~") ? "~" : "\n";
  return text.split(terminator).map((s, i, all) => (i < all.length - 1 ? s + terminator : s));
}

function randomCharacter(rnd: () => number): string {
  const r = rnd();
  if (r < 0.4) return pick(rnd, SEPARATORS);
  if (r < 0.6) return String.fromCharCode(48 + Math.floor(rnd() * 10));
  if (r < 0.8) return String.fromCharCode(65 + Math.floor(rnd() * 26));
  return String.fromCharCode(Math.floor(rnd() * 256));
}

/** One mutation of `text`, and what it did in a few words. */
function mutate(rnd: () => number, text: string, seeds: FuzzSeed[]): { text: string; what: string } {
  const kind = Math.floor(rnd() * 8);
  switch (kind) {
    case 0: {
      const n = 1 + Math.floor(rnd() * 8);
      const chars = text.split("");
      for (let k = 0; k < n && chars.length > 0; k++) chars[Math.floor(rnd() * chars.length)] = randomCharacter(rnd);
      return { text: chars.join(""), what: `${n} characters flipped` };
    }
    case 1: {
      const at = Math.floor(rnd() * text.length);
      return { text: text.slice(0, at), what: `cut at ${at} of ${text.length}` };
    }
    case 2: {
      const segments = segmentsOf(text);
      const from = Math.floor(rnd() * segments.length);
      const span = 1 + Math.floor(rnd() * 4);
      const block = segments.slice(from, from + span).join("");
      const times = copies(skewed(rnd), block, text);
      return {
        text: segments.slice(0, from + span).join("") + block.repeat(times) + segments.slice(from + span).join(""),
        what: `segments ${from + 1}-${from + span} duplicated ${times}x`,
      };
    }
    case 3: {
      const segments = segmentsOf(text);
      const from = Math.floor(rnd() * segments.length);
      const span = 1 + Math.floor(rnd() * 3);
      segments.splice(from, span);
      return { text: segments.join(""), what: `segments ${from + 1}-${from + span} dropped` };
    }
    case 4: {
      const a = pick(rnd, SEPARATORS);
      const b = pick(rnd, SEPARATORS);
      const swapped = rnd() < 0.5;
      const out = swapped
        ? text
            .split(a)
            .map((p) => p.replaceAll(b, a))
            .join(b)
        : text.replaceAll(a, b);
      return {
        text: out,
        what: swapped ? `${JSON.stringify(a)} and ${JSON.stringify(b)} swapped` : `${JSON.stringify(a)} → ${JSON.stringify(b)}`,
      };
    }
    case 5: {
      const c = rnd() < 0.7 ? pick(rnd, SEPARATORS) : randomCharacter(rnd);
      const times = copies(skewed(rnd) * (rnd() < 0.5 ? 1 : 20), c, text);
      const at = Math.floor(rnd() * text.length);
      return { text: text.slice(0, at) + c.repeat(times) + text.slice(at), what: `${times} × ${JSON.stringify(c)} inserted at ${at}` };
    }
    case 6: {
      const other = pick(rnd, seeds);
      const at = Math.floor(rnd() * text.length);
      const from = Math.floor(rnd() * other.text.length);
      return { text: text.slice(0, at) + other.text.slice(from), what: `spliced at ${at} with ${other.name} from ${from}` };
    }
    default: {
      // A piece of a segment repeated: one very long element, or many elements in one segment.
      const at = Math.floor(rnd() * text.length);
      const piece = text.slice(at, at + 1 + Math.floor(rnd() * 12));
      const times = copies(skewed(rnd) * 10, piece, text);
      return {
        text: text.slice(0, at) + piece.repeat(times) + text.slice(at),
        what: `${JSON.stringify(piece)} repeated ${times}x at ${at}`,
      };
    }
  }
}

/** Every reader the fuzzer drives, on one input: throws only when one of them does. */
export function readAll(text: string, books: { ledger: Ledger; ctx: PlanContext }): void {
  // Tokenized once, as the import does, then given to the 835 and the 837P halves.
  const x12 = readX12(text);
  if (!x12.ok) return;
  const remit = readRemittances(x12.interchange, x12.warnings);
  if (remit.ok && remit.remittances.length > 0) planFromRemittances({ name: "fuzz.835", sha256: "" }, remit, books.ledger, books.ctx);
  const claims = read837pInterchange(x12);
  if (claims.ok) for (const c of claims.claims) toClaim(c);
}

export interface FuzzOptions {
  inputs: number;
  seed: number;
  /** Called every `every` inputs with the count so far. */
  progress?: (done: number, figures: FuzzFigures) => void;
  every?: number;
}

/** Runs `inputs` mutated inputs, deterministic for `seed`. */
export async function fuzz(options: FuzzOptions): Promise<FuzzFigures> {
  const books = await sampleBooks();
  const seeds = [...fileSeeds(), books.era];
  const rnd = random(options.seed);
  const figures: FuzzFigures = {
    inputs: 0,
    returned: 0,
    uncaught: 0,
    failures: [],
    slowest: { ms: 0, wallMs: 0, description: "", bytes: 0, text: "" },
    slowestFew: [],
    over100ms: 0,
    slowestWallMs: 0,
    seconds: 0,
  };
  const start = performance.now();
  for (let i = 0; i < options.inputs; i++) {
    const seed = pick(rnd, seeds);
    let text = seed.text;
    const done: string[] = [];
    const count = 1 + Math.floor(rnd() * rnd() * 3);
    for (let k = 0; k < count; k++) {
      const m = mutate(rnd, text, seeds);
      text = m.text;
      done.push(m.what);
    }
    const description = `#${i} ${seed.name}: ${done.join("; ")}`;
    figures.inputs++;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    try {
      readAll(text, books);
    } catch (error) {
      figures.uncaught++;
      if (figures.failures.length < MAX_FAILURES_KEPT) {
        figures.failures.push({ description, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    }
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000;
    const wallMs = performance.now() - t0;
    figures.returned++;
    if (ms > 100) figures.over100ms++;
    if (wallMs > figures.slowestWallMs) figures.slowestWallMs = wallMs;
    const few = figures.slowestFew;
    if (few.length < SLOWEST_KEPT || ms > few[few.length - 1].ms) {
      few.push({ ms, wallMs, description, bytes: text.length, text });
      few.sort((a, b) => b.ms - a.ms);
      if (few.length > SLOWEST_KEPT) few.pop();
      figures.slowest = few[0];
    }
    if (options.progress && options.every && figures.inputs % options.every === 0) {
      figures.seconds = (performance.now() - start) / 1000;
      options.progress(figures.inputs, figures);
    }
  }
  figures.seconds = (performance.now() - start) / 1000;
  return figures;
}
