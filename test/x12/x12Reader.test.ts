// The X12 reader's contract: separators from the ISA header however it is laid out, the layouts real
// files come in (BOM, CR/LF, line breaks as terminators, indentation, no padding, no envelope),
// several transactions, and every envelope check as a warning naming its segment. What cannot be read
// is an error in words, never an exception.
import { describe, expect, it } from "vitest";
import { components, readX12, type X12Read } from "../../src/x12/x12Reader";
import { STANDARD, writeX12, type Segment, type TransactionSpec } from "./x12Fixtures";

const body: Segment[] = [
  ["BPR", "I", "100.00", "C", "CHK"],
  ["TRN", "1", "TRACE1", "1999999999"],
  ["SVC", ["HC", "99213", "25"], "100.00", "80.00"],
];
const one: TransactionSpec[] = [{ control: "0001", version: "005010X221A1", body }];

function read(text: string) {
  const result = readX12(text);
  if (!result.ok) throw new Error(`expected a read, got: ${result.error}`);
  return result;
}

const ids = (r: Extract<X12Read, { ok: true }>) => r.interchange.transactions.map((t) => t.segments.map((s) => s.id).join(" "));

describe("separators from the ISA header", () => {
  it("reads the standard separators and the segments, with no warning on a clean file", () => {
    const r = read(writeX12(one));
    expect(r.warnings).toEqual([]);
    expect(r.interchange.delimiters).toEqual({ element: "*", component: ":", repetition: "^", segment: "~" });
    expect(r.interchange).toMatchObject({ isaControl: "000000905", senderId: "SENDER", receiverId: "RECEIVER", gsVersion: "005010X221A1" });
    const [t] = r.interchange.transactions;
    expect(t).toMatchObject({ setId: "835", control: "0001", version: "005010X221A1" });
    expect(t.segments.map((s) => s.position)).toEqual([3, 4, 5, 6, 7]);
    expect(t.segments[3].elements).toEqual(["SVC", "HC:99213:25", "100.00", "80.00"]);
    expect(components(t.segments[3].elements[1], r.interchange.delimiters)).toEqual(["HC", "99213", "25"]);
  });

  it("takes whatever separators the ISA declares: | for elements, > for components, ! for repetition, ^ ending segments", () => {
    const d = { element: "|", component: ">", repetition: "!", segment: "^" };
    const r = read(writeX12(one, { delimiters: d }));
    expect(r.interchange.delimiters).toEqual(d);
    expect(r.interchange.transactions[0].segments[3].elements).toEqual(["SVC", "HC>99213>25", "100.00", "80.00"]);
    expect(components("HC>99213>25", d)).toEqual(["HC", "99213", "25"]);
  });

  it("has no repetition separator when ISA11 is U (4010's standards identifier)", () => {
    const r = read(writeX12(one, { delimiters: { element: "*", component: ":", segment: "~" } }));
    expect(r.interchange.delimiters.repetition).toBeUndefined();
  });

  it("finds ISA16 by counting separators when the ISA is not blank-padded", () => {
    const text = writeX12(one, { padded: false });
    expect(text.indexOf("GS")).toBeLessThan(106);
    const r = read(text);
    expect(r.warnings).toEqual([]);
    expect(r.interchange.delimiters).toEqual(STANDARD);
    expect(r.interchange.isaControl).toBe("905");
  });

  it("refuses an ISA whose element separator is a letter, and one with no segment terminator after ISA16", () => {
    const isaLetter = "ISAX00X" + "x".repeat(200);
    expect(readX12(isaLetter)).toEqual({ ok: false, error: expect.stringContaining("element separator") });
    const noTerminator = writeX12(one).replace(":~GS", ":GS");
    const r = readX12(noTerminator);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/segment terminator is missing/);
  });

  it("refuses an ISA that is cut short or broken by a line break", () => {
    const text = writeX12(one);
    expect(readX12(text.slice(0, 50))).toEqual({ ok: false, error: expect.stringContaining("cut short") });
    expect(readX12(text.slice(0, 40) + "\n" + text.slice(40))).toEqual({ ok: false, error: expect.stringContaining("line break") });
  });
});

describe("layouts real files come in", () => {
  const clean = read(writeX12(one));
  const sameSegments = (r: Extract<X12Read, { ok: true }>) =>
    expect(r.interchange.transactions.map((t) => t.segments.map((s) => s.elements))).toEqual(
      clean.interchange.transactions.map((t) => t.segments.map((s) => s.elements)),
    );

  it("skips a UTF-8 byte-order mark", () => {
    const r = read("\uFEFF" + writeX12(one));
    expect(r.warnings).toEqual([]);
    sameSegments(r);
  });

  it("strips CR/LF between segments", () => {
    for (const newline of ["\n", "\r\n"]) {
      const r = read(writeX12(one, { newline }));
      expect(r.warnings).toEqual([]);
      sameSegments(r);
    }
  });

  it("reads line breaks used as the segment terminator (LF, CR LF or a lone CR)", () => {
    for (const [terminator, expected] of [
      ["\n", "\n"],
      ["\r\n", "\n"],
      ["\r", "\r"],
    ]) {
      const text = writeX12(one, { delimiters: { ...STANDARD, segment: terminator } });
      const r = read(text);
      expect(r.interchange.delimiters.segment).toBe(expected);
      expect(r.warnings).toEqual([]);
      sameSegments(r);
    }
  });

  it("tolerates indentation and blank lines", () => {
    const text = writeX12(one, { newline: "\n" })
      .split("\n")
      .map((line, i) => (i % 2 ? `    ${line}` : `\t${line}\n`))
      .join("\n");
    const r = read(text);
    expect(r.warnings).toEqual([]);
    sameSegments(r);
  });

  it("joins a file wrapped at 80 columns (after a byte-order mark)", () => {
    const flat = writeX12(one);
    const wrapped = flat.replace(/(.{80})/g, "$1\r\n");
    const r = read("\uFEFF" + wrapped);
    expect(r.warnings).toEqual([]);
    sameSegments(r);
  });

  it("reads a file with no ISA/GS envelope with the standard separators, and says so", () => {
    const text = writeX12(one, { envelope: false });
    expect(text.startsWith("ST*835")).toBe(true);
    const r = read(text);
    expect(r.interchange.delimiters).toMatchObject({ element: "*", component: ":", segment: "~" });
    expect(r.interchange.isaControl).toBeUndefined();
    expect(r.warnings).toEqual([{ message: expect.stringContaining("no ISA/GS envelope") }]);
    expect(r.interchange.transactions[0].segments.map((s) => s.elements)).toEqual(
      clean.interchange.transactions[0].segments.map((s) => s.elements),
    );
    expect(r.interchange.transactions[0].segments[0].position).toBe(1);
  });

  it("reads an envelope-less file with one segment a line and no ~", () => {
    const text = writeX12(one, { envelope: false, delimiters: { ...STANDARD, segment: "\n" } });
    const r = read(text);
    expect(r.interchange.delimiters.segment).toBe("\n");
    expect(ids(r)).toEqual(["ST BPR TRN SVC SE"]);
  });

  it("reads one transaction after another (several ST/SE, several groups)", () => {
    const two: TransactionSpec[] = [
      { control: "0001", body },
      { control: "0002", body: body.slice(0, 2) },
    ];
    const r = read(writeX12(two));
    expect(r.warnings).toEqual([]);
    expect(r.interchange.transactions.map((t) => [t.control, t.version])).toEqual([
      ["0001", "005010X221A1"],
      ["0002", "005010X221A1"],
    ]);
    expect(ids(r)).toEqual(["ST BPR TRN SVC SE", "ST BPR TRN SE"]);
    const groups = writeX12(one).replace(
      "GE*1*1~IEA*1*",
      "GE*1*1~GS*HP*S*R*20260105*1200*2*X*005010X221A1~ST*835*0009~BPR*I~SE*3*0009~GE*1*2~IEA*2*",
    );
    const g = read(groups);
    expect(g.warnings).toEqual([]);
    expect(g.interchange.transactions.map((t) => t.control)).toEqual(["0001", "0009"]);
  });
});

describe("envelope checks are warnings with their segment position", () => {
  const text = writeX12(one);
  // ISA 1, GS 2, ST 3, BPR 4, TRN 5, SVC 6, SE 7, GE 8, IEA 9
  const cases: [string, string, number, RegExp][] = [
    ["ISA13 differs from IEA02", text.replace("IEA*1*000000905", "IEA*1*000000906"), 9, /IEA.*"000000906".*ISA13 is "000000905"/],
    ["IEA01 miscounts the groups", text.replace("IEA*1*", "IEA*2*"), 9, /counts 2 functional groups.*has 1/],
    ["GS06 differs from GE02", text.replace("GE*1*1", "GE*1*7"), 8, /GE.*"7".*GS06 is "1"/],
    ["GE01 miscounts the transactions", text.replace("GE*1*1", "GE*3*1"), 8, /counts 3 transactions.*has 1/],
    ["ST02 differs from SE02", text.replace("SE*5*0001", "SE*5*0002"), 7, /SE.*"0002".*ST02 is "0001"/],
    ["SE01 miscounts the segments", text.replace("SE*5*0001", "SE*6*0001"), 7, /counts 6 segments.*has 5/],
  ];
  it.each(cases)("%s", (_name, changed, position, message) => {
    const r = read(changed);
    expect(r.warnings).toEqual([{ position, message: expect.stringMatching(message) }]);
    expect(ids(r)).toEqual(["ST BPR TRN SVC SE"]);
  });
});

describe("damaged files: a warning or an error, never an exception", () => {
  const text = writeX12(one);

  it("warns when the file is cut short after a transaction started (no SE, GE, IEA)", () => {
    const r = read(text.slice(0, text.indexOf("SE*")));
    expect(ids(r)).toEqual(["ST BPR TRN SVC"]);
    const messages = r.warnings.map((w) => w.message).join("\n");
    expect(messages).toMatch(/no SE trailer.*cut short/);
    expect(messages).toMatch(/no GE trailer/);
    expect(messages).toMatch(/no IEA trailer/);
  });

  it("reads segments put one a line when the declared terminator is missing after the ISA, with a warning", () => {
    const lines = text.replace(/~(?!GS)/g, "\n").replace(":~GS", ":~\nGS");
    const r = read(lines);
    expect(ids(r)).toEqual(["ST BPR TRN SVC SE"]);
    expect(r.warnings).toEqual([
      { position: 2, message: expect.stringMatching(/line break instead of the file's segment terminator "~"/) },
    ]);
  });

  it("skips garbage bytes between segments with a warning naming the position", () => {
    const garbled = text.replace("TRN*", "\u0000\u00ff\u0007~TRN*");
    const r = read(garbled);
    expect(ids(r)).toEqual(["ST BPR TRN SVC SE"]);
    expect(r.warnings[0]).toEqual({ position: 5, message: expect.stringContaining("not an X12 segment") });
  });

  it("warns about segments outside any transaction", () => {
    const r = read(text.replace("GE*", "N1*PR*STRAY~GE*"));
    expect(r.warnings).toEqual([{ position: 8, message: expect.stringContaining("outside any transaction") }]);
  });

  it("warns when a transaction has no SE before the next ST", () => {
    const r = read(text.replace("SE*5*0001~", "ST*835*0002~BPR*I~SE*3*0002~"));
    expect(r.interchange.transactions.map((t) => t.control)).toEqual(["0001", "0002"]);
    expect(r.warnings.map((w) => w.message).join("\n")).toMatch(/Transaction 0001 has no SE trailer/);
  });

  it.each([
    ["an empty file", "", /empty/],
    ["only blanks and a byte-order mark", "\uFEFF \r\n\t\n", /empty/],
    ["text that is not X12", "Dear provider, your payment is enclosed.", /not an X12 file/],
    [
      "an interchange with no transaction",
      "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260105*1200*^*00501*000000001*0*P*:~IEA*0*000000001~",
      /no transaction/,
    ],
    ["bytes of a binary file", "PK\u0003\u0004\u0014\u0000\u0008\u0000", /not an X12 file/],
  ])("gives an error for %s", (_name, input, error) => {
    const r = readX12(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it("lists at most 100 warnings and counts the rest", () => {
    const noisy = text.replace("GE*", "ZZ*1~".repeat(150) + "GE*");
    const r = read(noisy);
    expect(r.warnings).toHaveLength(101);
    expect(r.warnings[100].message).toBe("…and 50 more warnings.");
  });
});
