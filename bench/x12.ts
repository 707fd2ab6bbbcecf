// 835 reading figures on a synthetic remittance of `claims` claims (about 200 bytes each, so ~10 MB
// at 50,000), generated here: the tokenizer (readX12: separators, segments, envelope checks) against
// the plainest possible split of the same text (text.split(terminator) then split(element)) as the
// baseline, then the 835 model and the balancing on the tokenizer's output. Median of three runs
// after a warm-up. Returns figures and prints nothing.
import { balanceRemittance } from "../src/era/balancing";
import { readRemittances } from "../src/era/remittance";
import { readX12 } from "../src/x12/x12Reader";

export interface X12Figures {
  bytes: number;
  tokenizeSeconds: number;
  baselineSplitSeconds: number;
  modelSeconds: number;
  balanceSeconds: number;
}

const RUNS = 3;

export function benchX12(claims: number): X12Figures {
  const text = synthetic835(claims);
  const tokenize = () => {
    const read = readX12(text);
    if (!read.ok) throw new Error(read.error);
    return read;
  };
  const baseline = () => text.split("~").map((segment) => segment.split("*"));
  const read = tokenize();
  if (read.warnings.length > 0) throw new Error(`the synthetic 835 is not clean: ${read.warnings[0].message}`);
  const model = () => {
    const result = readRemittances(read.interchange, read.warnings);
    if (!result.ok) throw new Error(result.error);
    if (result.remittances[0].claims.length !== claims) throw new Error("the synthetic 835 lost claims");
    return result;
  };
  const remittances = model().remittances;
  const balance = () => {
    for (const r of remittances) if (!balanceRemittance(r).ok) throw new Error("the synthetic 835 does not balance");
  };
  return {
    bytes: text.length,
    tokenizeSeconds: median(tokenize),
    baselineSplitSeconds: median(baseline),
    modelSeconds: median(model),
    balanceSeconds: median(balance),
  };
}

function median(run: () => unknown): number {
  run();
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** A balanced 835: one line per claim, paid 70% with a CO-45 and a PR-2 (about 200 bytes a claim). */
function synthetic835(claims: number): string {
  const money = (cents: number) => (cents / 100).toFixed(2);
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; i < claims; i++) {
    const charge = 10_000 + (i % 5_000);
    const paid = Math.round(charge * 0.7);
    const pr = Math.round(charge * 0.1);
    total += paid;
    parts.push(
      `LX*${i + 1}~CLP*CL${i}*1*${money(charge)}*${money(paid)}*${money(pr)}*12*PCN${i}~NM1*QC*1*DOE*JANE****MI*W${i}~` +
        `SVC*HC:99213:25*${money(charge)}*${money(paid)}**1~DTM*472*20260102~CAS*CO*45*${money(charge - paid - pr)}~` +
        `CAS*PR*2*${money(pr)}~REF*6R*L${i}~AMT*B6*${money(paid + pr)}~`,
    );
  }
  const body = parts.join("");
  const head =
    `ST*835*0001~BPR*I*${money(total)}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20260110~` +
    "TRN*1*BENCH0001*1512345678~N1*PR*SAMPLE HEALTH PLAN~REF*2U*87726~N1*PE*LAKESIDE FAMILY MEDICINE*XX*1234567893~";
  const segments = (head.match(/~/g)?.length ?? 0) + claims * 9 + 1;
  return (
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260110*1200*^*00501*000000001*0*P*:~" +
    "GS*HP*SENDER*RECEIVER*20260110*1200*1*X*005010X221A1~" +
    head +
    body +
    `SE*${segments}*0001~GE*1*1~IEA*1*000000001~`
  );
}
