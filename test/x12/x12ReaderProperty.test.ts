// The reader's promise as a property (fast-check): any list of segments, written with any legal
// separators (element, component, repetition, segment terminator, line breaks as terminator), padded
// or not, with or without CR/LF after each segment, or wrapped at a fixed width, reads back as the
// same segments with the declared separators and no warning.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readX12, type X12Delimiters } from "../../src/x12/x12Reader";
import { fileSegments, segmentText, writeX12, type Segment } from "./x12Fixtures";

const SEPARATORS = [
  "*",
  "|",
  "^",
  "~",
  ":",
  ">",
  "!",
  "\\",
  "{",
  "}",
  "`",
  "<",
  "+",
  "@",
  "#",
  "$",
  "%",
  "&",
  "?",
  "=",
  "\u001c",
  "\u001d",
  "\u001e",
  "\u001f",
];
const ENVELOPE_IDS = new Set(["ISA", "IEA", "GS", "GE", "ST", "SE"]);

// Element text never starts or ends with a blank: blanks at a segment's ends are layout, not data.
const text = fc.stringMatching(/^(?:[A-Za-z0-9./-](?:[A-Za-z0-9 ./-]{0,10}[A-Za-z0-9./-])?)?$/);
const element = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.array(text, { minLength: 2, maxLength: 4 }) });
const segment: fc.Arbitrary<Segment> = fc
  .tuple(
    fc.stringMatching(/^[A-Z][A-Z0-9]{1,2}$/).filter((id) => !ENVELOPE_IDS.has(id)),
    fc.array(element, { maxLength: 8 }),
  )
  .map(([id, elements]) => [id, ...elements] as Segment);

const layout = fc
  .record({
    separators: fc.shuffledSubarray(SEPARATORS, { minLength: 4, maxLength: 4 }),
    lineBreakTerminator: fc.constantFrom(undefined, "\n", "\r\n", "\r"),
    repetition: fc.boolean(),
    newline: fc.constantFrom("", "\n", "\r\n"),
    padded: fc.boolean(),
    wrapAt: fc.option(fc.integer({ min: 20, max: 150 })),
  })
  .map(({ separators: [element, component, repetition, segment], lineBreakTerminator, ...rest }) => ({
    delimiters: {
      element,
      component,
      segment: lineBreakTerminator ?? segment,
      ...(rest.repetition ? { repetition } : {}),
    } as X12Delimiters,
    ...rest,
  }));

describe("reading gives back the segments that were written", () => {
  it("for any segments in any legal separators and layout (2,000 runs)", () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), layout, (body, { delimiters, newline, padded, wrapAt }) => {
        const lineBreaks = delimiters.segment === "\n" || delimiters.segment === "\r\n" || delimiters.segment === "\r";
        let file = writeX12([{ control: "0001", body }], { delimiters, newline: lineBreaks ? "" : newline, padded });
        if (wrapAt !== null && !lineBreaks && newline === "") file = file.replace(new RegExp(`([^]{${wrapAt}})`, "g"), "$1\r\n");
        const read = readX12(file);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.warnings).toEqual([]);
        expect(read.interchange.delimiters).toEqual({ ...delimiters, segment: delimiters.segment === "\r\n" ? "\n" : delimiters.segment });
        const written = fileSegments([{ control: "0001", body }], { delimiters, padded }).map((s) =>
          segmentText(s, delimiters).split(delimiters.element),
        );
        expect(read.interchange.transactions).toHaveLength(1);
        expect(read.interchange.transactions[0].segments.map((s) => s.elements)).toEqual(written.slice(2, -2));
      }),
      { numRuns: 2_000 },
    );
  });

  it("for several transactions in one file, each with its own segments", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(segment, { maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        layout,
        (bodies, { delimiters, padded }) => {
          const specs = bodies.map((body, i) => ({ control: `C${i}`, body }));
          const read = readX12(writeX12(specs, { delimiters, padded }));
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          expect(read.warnings).toEqual([]);
          expect(read.interchange.transactions.map((t) => [t.control, t.segments.length])).toEqual(
            bodies.map((b, i) => [`C${i}`, b.length + 2]),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
