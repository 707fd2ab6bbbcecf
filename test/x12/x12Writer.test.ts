// The X12 writer's contract: segments with composites and no trailing blanks; a separator inside a
// value is never written raw (free text is cleaned, anything else refused in words); an ISA of exactly
// 106 characters with every element at its fixed offset; ST/SE, GE and IEA counts and control numbers
// that the project's own reader accepts without a warning, increasing from the last ones used.
import { describe, expect, it } from "vitest";
import { readX12 } from "../../src/x12/x12Reader";
import {
  cleanText,
  interchangeRefusals,
  MAX_CONTROL_NUMBER,
  nextControlNumber,
  SegmentWriter,
  writeInterchange,
  x12Amount,
  x12Number,
  X12ValueError,
  type InterchangeSpec,
  type TransactionBody,
} from "../../src/x12/x12Writer";

const w = new SegmentWriter();

const spec = (overrides: Partial<InterchangeSpec> = {}): InterchangeSpec => ({
  sender: { id: "SUBMIT01" },
  receiver: { id: "CLEARHOUSE" },
  control: { interchange: 41, group: 41, transaction: 7 },
  now: new Date(2026, 2, 16, 9, 5),
  functionalId: "HC",
  version: "005010X222A1",
  ...overrides,
});

/** A transaction of n BHT-like segments. */
const body = (n: number): TransactionBody => ({
  setId: "837",
  segments: (control) => Array.from({ length: n }, (_, i) => w.segment("REF", "EA", `${control}-${i + 1}`)),
});

describe("segments", () => {
  it("joins elements and composites, leaves blanks in the middle and drops them at the end", () => {
    expect(w.segment("SV1", ["HC", "99213", "25"], "125", "UN", 1, "", "", ["1", "2"])).toBe("SV1*HC:99213:25*125*UN*1***1:2");
    expect(w.segment("NM1", "85", "2", "CLINIC", "", "", "", "", "XX", "1234567893")).toBe("NM1*85*2*CLINIC*****XX*1234567893");
    expect(w.segment("PER", "IC", "NAME", "", undefined, null)).toBe("PER*IC*NAME");
    expect(w.segment("CLM", "C1", "10", "", "", ["11", "B", "1"], "Y")).toBe("CLM*C1*10***11:B:1*Y");
    expect(w.segment("SV1", ["HC", "99213", "", undefined], "1")).toBe("SV1*HC:99213*1");
  });

  it("refuses a value holding any of the four separators, naming the element", () => {
    for (const bad of ["A*B", "A:B", "A~B", "A^B"]) {
      expect(() => w.segment("REF", "6R", bad)).toThrow(X12ValueError);
    }
    expect(() => w.segment("REF", "6R", "A*B")).toThrow(/Element 02 of the REF segment has "\*" in it/);
    expect(() => w.segment("SV1", ["HC", "99:213"])).toThrow(/":"/);
    expect(() => w.segment("REF", "6R", "A\nB")).toThrow(/line break/);
  });

  it("writes amounts and quantities the X12 way: no trailing zeros, no exponent, no float noise", () => {
    expect([0, 5, 100, 12_500, 12_550, 12_555, -127, 100_000_000].map(x12Amount)).toEqual([
      "0",
      "0.05",
      "1",
      "125",
      "125.5",
      "125.55",
      "-1.27",
      "1000000",
    ]);
    expect(() => x12Amount(1.5)).toThrow(RangeError);
    expect([1, 1.5, 0.1 + 0.2, 1e-7, 250].map(x12Number)).toEqual(["1", "1.5", "0.3", "0", "250"]);
  });
});

describe("cleaning free text", () => {
  it("turns separators into spaces and says which were there", () => {
    expect(cleanText("O*Brien:Smith~Jr^")).toEqual({ text: "O BRIEN SMITH JR", separators: ["*", ":", "^", "~"], truncated: false });
  });

  it("drops accents and characters outside ASCII, collapses spaces, upper-cases, and cuts to the element's length", () => {
    expect(cleanText("  José  Núñez\t–  Ærø ").text).toBe("JOSE NUNEZ R");
    expect(cleanText("Line one\r\nline two").text).toBe("LINE ONE LINE TWO");
    const long = cleanText("A".repeat(70), 60);
    expect(long).toMatchObject({ truncated: true, separators: [] });
    expect(long.text).toHaveLength(60);
    expect(cleanText("Plain text", 60)).toEqual({ text: "PLAIN TEXT", separators: [], truncated: false });
  });
});

describe("control numbers", () => {
  it("take the next number, back to 1 after 999,999,999", () => {
    expect(nextControlNumber(0)).toBe(1);
    expect(nextControlNumber(41)).toBe(42);
    expect(nextControlNumber(MAX_CONTROL_NUMBER - 1)).toBe(MAX_CONTROL_NUMBER);
    expect(nextControlNumber(MAX_CONTROL_NUMBER)).toBe(1);
    expect(nextControlNumber(-3)).toBe(1);
    expect(nextControlNumber(2.5)).toBe(1);
  });
});

describe("the interchange envelope", () => {
  it("writes an ISA of exactly 106 characters with each element at its fixed offset", () => {
    const { text } = writeInterchange(spec({ test: true }), [body(1)]);
    const isa = text.slice(0, text.indexOf("~") + 1);
    expect(isa).toHaveLength(106);
    const e = isa.slice(0, -1).split("*");
    expect(e).toHaveLength(17);
    expect(e.slice(1).map((x) => x.length)).toEqual([2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]);
    expect(e[6]).toBe("SUBMIT01       ");
    expect(e[8]).toBe("CLEARHOUSE     ");
    expect(e[9]).toBe("260316");
    expect(e[10]).toBe("0905");
    expect(e[11]).toBe("^");
    expect(e[12]).toBe("00501");
    expect(e[13]).toBe("000000042");
    expect(e[15]).toBe("T");
    expect(e[16]).toBe(":");
    // The reader finds the separators at their fixed offsets too.
    expect([isa[3], isa[104], isa[105]]).toEqual(["*", ":", "~"]);
  });

  it("counts every segment from ST to SE, numbers the transactions on from the last one, and closes with GE and IEA", () => {
    const written = writeInterchange(spec(), [body(3), body(0), body(5)]);
    expect(written.control).toEqual({ interchange: 42, group: 42, transaction: 10 });
    const read = readX12(written.text);
    if (!read.ok) throw new Error(read.error);
    expect(read.warnings).toEqual([]);
    expect(read.interchange.isaControl).toBe("000000042");
    expect(read.interchange.transactions.map((t) => [t.control, t.segments.length, t.version])).toEqual([
      ["0008", 5, "005010X222A1"],
      ["0009", 2, "005010X222A1"],
      ["0010", 7, "005010X222A1"],
    ]);
    const segments = written.text.split("~").filter((s) => s !== "");
    expect(segments[1]).toBe("GS*HC*SUBMIT01*CLEARHOUSE*20260316*0905*42*X*005010X222A1");
    expect(segments.filter((s) => s.startsWith("SE*"))).toEqual(["SE*5*0008", "SE*2*0009", "SE*7*0010"]);
    expect(segments.slice(-2)).toEqual(["GE*3*42", "IEA*1*000000042"]);
    // The transaction body sees its own ST02.
    expect(segments[3]).toBe("REF*EA*0008-1");
  });

  it("keeps increasing across runs when each run is given the numbers the last one returned", () => {
    const first = writeInterchange(spec({ control: { interchange: 0, group: 0, transaction: 0 } }), [body(1), body(1)]);
    const second = writeInterchange(spec({ control: first.control }), [body(1)]);
    expect(first.control).toEqual({ interchange: 1, group: 1, transaction: 2 });
    expect(second.control).toEqual({ interchange: 2, group: 2, transaction: 3 });
    const read = readX12(second.text);
    if (!read.ok) throw new Error(read.error);
    expect(read.interchange.isaControl).toBe("000000002");
    expect(read.interchange.transactions[0].control).toBe("0003");
  });

  it("ends each segment with a line break when asked, and the reader reads it the same", () => {
    const plain = writeInterchange(spec(), [body(2)]);
    const broken = writeInterchange(spec({ lineBreaks: true }), [body(2)]);
    expect(broken.text).toBe(plain.text.replace(/~/g, "~\n"));
    const read = readX12(broken.text);
    expect(read.ok && read.warnings).toEqual([]);
  });

  it("refuses an interchange ID that is blank, too long for its 15 characters or holds a separator, in words", () => {
    expect(interchangeRefusals(spec())).toEqual([]);
    const problems = interchangeRefusals(spec({ sender: { id: " " }, receiver: { id: "A*VERY-LONG-RECEIVER-ID" } }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/submitter ID is blank: .*Practice \(Submitter ID\)/);
    expect(problems[1]).toMatch(/longer than the 15 characters/);
    expect(problems[2]).toMatch(/receiver ID has "\*" in it/);
    expect(interchangeRefusals(spec({ sender: { id: "X", qualifier: "Z" } }))[0]).toMatch(/qualifier "Z"/);
    expect(() => writeInterchange(spec({ sender: { id: "" } }), [body(1)])).toThrow(X12ValueError);
  });
});
