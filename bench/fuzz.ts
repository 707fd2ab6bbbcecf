// `npm run fuzz -- --inputs 100000 --seed 1`: mutated real 835 and 837P files through every X12 reader
// (bench/fuzzX12.ts). Prints the inputs run, the uncaught exceptions (anything thrown instead of our
// own ok:false refusal) and the slowest input's time and mutation; `--save-slowest FILE` writes that
// input out to profile it. Exits 1 when something threw. Figures, not a test: test/x12/fuzz.test.ts
// runs a small seeded slice.
import { writeFileSync } from "node:fs";
import { fuzz } from "./fuzzX12";

function option(name: string, fallback?: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const inputs = Number(option("inputs", "100000"));
const seed = Number(option("seed", "1"));
const saveSlowest = option("save-slowest");
if (!Number.isSafeInteger(inputs) || inputs < 1 || !Number.isSafeInteger(seed)) {
  console.error("usage: npm run fuzz -- --inputs 100000 --seed 1 [--save-slowest FILE]");
  process.exit(2);
}

const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
console.log(`medbill X12 fuzz: ${fmt(inputs, 0)} inputs, seed ${seed} (node ${process.version})`);
const figures = await fuzz({
  inputs,
  seed,
  every: 10_000,
  progress: (done, f) =>
    console.log(`  ${fmt(done, 0)} inputs, ${f.uncaught} uncaught, slowest ${fmt(f.slowest.ms)} ms CPU, ${fmt(f.seconds)} s`),
});
console.log(`\ninputs run: ${fmt(figures.inputs, 0)} (all returned: ${figures.returned === figures.inputs ? "yes" : "no"})`);
console.log(`uncaught exceptions: ${figures.uncaught}`);
for (const f of figures.failures) console.log(`  ${f.description}\n    ${f.error.split("\n").slice(0, 4).join("\n    ")}`);
console.log(
  `slowest input: ${fmt(figures.slowest.ms)} ms CPU (${fmt(figures.slowest.wallMs)} ms wall), ${fmt(figures.slowest.bytes, 0)} characters: ${figures.slowest.description}`,
);
for (const [k, slow] of figures.slowestFew.slice(1).entries()) {
  console.log(`  ${k + 2}. ${fmt(slow.ms)} ms CPU (${fmt(slow.wallMs)} ms wall), ${fmt(slow.bytes, 0)} characters: ${slow.description}`);
}
console.log(`inputs over 100 ms of CPU: ${figures.over100ms}; longest wall-clock time of any input: ${fmt(figures.slowestWallMs)} ms`);
console.log(`total time: ${fmt(figures.seconds)} s (${fmt((figures.seconds * 1000) / figures.inputs, 3)} ms per input)`);
if (saveSlowest) {
  for (const [k, slow] of figures.slowestFew.entries())
    writeFileSync(k === 0 ? saveSlowest : `${saveSlowest}.${k + 1}`, slow.text, "latin1");
  console.log(`slowest inputs written to ${saveSlowest} (and .2, .3...)`);
}
process.exitCode = figures.uncaught > 0 ? 1 : 0;
