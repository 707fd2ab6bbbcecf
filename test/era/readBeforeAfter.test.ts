// The 835 reader reads each segment's elements in place (no array per segment) since December 2026;
// test/era/before/ holds the reader and model as they were (x12Reader.ts, remittance.ts), kept only
// for this test. Both are given the same inputs and must give the same result, deeply and strictly:
// the real files and the synthetic one, every one of them edited at random (fast-check: characters
// cut, separators and line breaks put in, segments repeated, the file cut short), and segments of any
// shape written with any separators. What is compared: readX12's interchange and warnings, and
// readRemittanceFile's remittances, warnings and refusals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileSeeds, sampleBooks, type FuzzSeed } from "../../bench/fuzzX12";
import { readRemittanceFile, readRemittances } from "../../src/era/remittance";
import { readX12 } from "../../src/x12/x12Reader";
import * as before from "./before/remittance";
import * as beforeX12 from "./before/x12Reader";

function sameAsBefore(text: string): void {
  expect(readX12(text)).toStrictEqual(beforeX12.readX12(text));
  expect(readRemittanceFile(text)).toStrictEqual(before.readRemittanceFile(text));
  const tokenized = readX12(text);
  if (tokenized.ok) {
    expect(readRemittances(tokenized.interchange, tokenized.warnings)).toStrictEqual(
      before.readRemittances(tokenized.interchange, tokenized.warnings),
    );
  }
}

/** One edit of a file: a cut, a character put in, a segment repeated, or the end cut off. */
type Edit = { kind: "cut" | "insert" | "repeat" | "truncate"; at: number; length: number; character: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom("cut", "insert", "repeat", "truncate"),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 40 }),
  character: fc.constantFrom("*", ":", "~", "|", "^", ">", "\n", "\r\n", " ", "\t", "A", "9", ".", "-", "CAS*", "SVC*HC:"),
});

function applied(text: string, edits: Edit[]): string {
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    if (e.kind === "cut") text = text.slice(0, at) + text.slice(at + e.length);
    else if (e.kind === "insert") text = text.slice(0, at) + e.character.repeat(1 + (e.length % 3)) + text.slice(at);
    else if (e.kind === "truncate") text = text.slice(0, Math.max(at, text.length - e.length * 20));
    else {
      // The segment the position falls in, written again right after itself.
      const start = text.lastIndexOf("~", at) + 1;
      const end = text.indexOf("~", at);
      if (end > start) text = text.slice(0, end + 1) + text.slice(start, end + 1) + text.slice(end + 1);
    }
  }
  return text;
}

describe("the 835 reader reads as it did before reading elements in place", () => {
  it("reads every seed file, whole, the same", async () => {
    const seeds: FuzzSeed[] = [...fileSeeds(), (await sampleBooks()).era];
    for (const seed of seeds) sameAsBefore(seed.text);
  });

  it("reads every seed file edited at random the same", async () => {
    const seeds: FuzzSeed[] = [...fileSeeds(), (await sampleBooks()).era];
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        sameAsBefore(applied(seeds[which].text, edits));
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it("reads segments of any shape, with any separators, the same", () => {
    const element = fc.stringMatching(/^[A-Za-z0-9 .:>^-]{0,8}$/);
    const segment = fc
      .tuple(
        fc.constantFrom("CLP", "SVC", "CAS", "DTM", "REF", "AMT", "LQ", "NM1", "PLB", "N1", "BPR", "TRN", "x1", "9Z", ""),
        fc.array(element, { maxLength: 20 }),
      )
      .map(([id, elements]) => [id, ...elements]);
    const file = fc.record({
      element: fc.constantFrom("*", "|", "^"),
      terminator: fc.constantFrom("~", "\n", "~\r\n"),
      segments: fc.array(segment, { maxLength: 30 }),
      envelope: fc.boolean(),
    });
    fc.assert(
      fc.property(file, ({ element, terminator, segments, envelope }) => {
        const e = element;
        const head = envelope
          ? [
              `ISA${e}00${e}          ${e}00${e}          ${e}ZZ${e}SENDER         ${e}ZZ${e}RECEIVER       ${e}260630${e}1200${e}^${e}00501${e}000000001${e}0${e}P${e}:`,
              `GS${e}HP${e}S${e}R${e}20260630${e}1200${e}1${e}X${e}005010X221A1`,
            ]
          : [];
        const body = [`ST${e}835${e}0001`, ...segments.map((s) => s.join(e)), `SE${e}${segments.length + 2}${e}0001`];
        const tail = envelope ? [`GE${e}1${e}1`, `IEA${e}1${e}000000001`] : [];
        sameAsBefore([...head, ...body, ...tail].join(terminator) + terminator);
      }),
      { numRuns: 400, seed: 20261207 },
    );
  });
});
