// Damaged and hostile input: a file cut at every offset, random bytes, random damage to a good file,
// an empty file, 10 MB files (a real-sized one and a degenerate one). Each gives an error or a
// warning, never an exception or a hang, and the model never holds an amount that is not whole cents.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceRemittance } from "../../src/era/balancing";
import { readRemittanceFile, type RemittanceRead, type Remittance } from "../../src/era/remittance";
import { readX12 } from "../../src/x12/x12Reader";
import { synthetic835 } from "./remittanceFixtures";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const folder = path.resolve(projectRoot, "../shared/data/x12-835");
const realFiles = sharedDataPresent(folder)
  ? readdirSync(folder).map((f) => [f, readFileSync(path.join(folder, f), "latin1")] as const)
  : [];

function amounts(r: Remittance): number[] {
  return [
    r.payment.amount,
    ...r.plb.map((p) => p.amount),
    ...r.claims.flatMap((c) => [
      c.charge,
      c.paid,
      c.patientResp,
      ...c.adjustments.map((a) => a.amount),
      ...c.lines.flatMap((l) => [l.charge, l.paid, l.allowed ?? 0, ...l.adjustments.map((a) => a.amount)]),
    ]),
  ];
}

/** An error in words, or remittances whose every amount is whole cents. */
function wellFormed(result: RemittanceRead): boolean {
  if (!result.ok) return typeof result.error === "string" && result.error.length > 10;
  return result.remittances.every(
    (r) => amounts(r).every((a) => Number.isSafeInteger(a)) && Number.isSafeInteger(balanceRemittance(r).difference),
  );
}

describe("a file cut short at every offset", () => {
  const small = synthetic835(2, 2).text;
  const files: (readonly [string, string])[] = [["a synthetic two-claim 835", small], ...realFiles];

  it.each(files)("%s: an error, or warnings, unless only the final terminator was cut", (_name, text) => {
    const complete = text.replace(/[~\s]+$/, "").length;
    for (let k = 0; k < text.length; k++) {
      const cut = text.slice(0, k);
      const x12 = readX12(cut);
      const remit = readRemittanceFile(cut);
      expect(wellFormed(remit)).toBe(true);
      if (k < complete) {
        if (x12.ok) expect(x12.warnings.length, `cut at ${k} of ${text.length}`).toBeGreaterThan(0);
        if (remit.ok) expect(remit.warnings.length, `cut at ${k} of ${text.length}`).toBeGreaterThan(0);
      }
    }
  });
});

describe("garbage", () => {
  it("an empty file is an error", () => {
    expect(readRemittanceFile("")).toEqual({ ok: false, error: "The file is empty." });
  });

  it("random bytes, read as Latin-1 or UTF-8, never throw (2,000 runs)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.boolean(), (bytes, utf8) => {
        const text = utf8 ? new TextDecoder().decode(bytes) : Buffer.from(bytes).toString("latin1");
        expect(wellFormed(readRemittanceFile(text))).toBe(true);
        expect(wellFormed(readRemittanceFile("ISA" + text))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("random damage to a good file never throws and never yields a broken amount (2,000 runs)", () => {
    const good = synthetic835(3, 2).text;
    const damage = fc.array(
      fc.tuple(
        fc.nat({ max: good.length - 1 }),
        fc.constantFrom("*", ":", "~", "\n", "", "\u0000", "9", ".", "-", "A", "ST*835*9~", "SE*1*1~"),
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(damage, (edits) => {
        let text = good;
        for (const [at, put] of edits) text = text.slice(0, at) + put + text.slice(at + 1);
        expect(wellFormed(readRemittanceFile(text))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("10 MB files", () => {
  it("reads a 10 MB remittance of 30,000 claims, balanced to the cent", { timeout: 30_000 }, () => {
    const { text, paid } = synthetic835(30_000, 2);
    expect(text.length).toBeGreaterThan(10_000_000);
    const result = readRemittanceFile(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([]);
    const [rem] = result.remittances;
    expect(rem.claims).toHaveLength(30_000);
    expect(rem.payment.amount).toBe(paid);
    const balance = balanceRemittance(rem);
    expect(balance.ok).toBe(true);
    expect(balance.claims.every((c) => c.ok)).toBe(true);
  });

  it("gives up cleanly on 10 MB with no segment terminator after the header", { timeout: 30_000 }, () => {
    const head = synthetic835(0, 0).text.split("ST*")[0] + "ST*835*0001~BPR*I*";
    const result = readRemittanceFile(head + "1".repeat(10_000_000));
    expect(wellFormed(result)).toBe(true);
    expect(result.ok).toBe(false);
  });

  it("gives up cleanly on 10 MB of random bytes and on 10 MB of empty segments", { timeout: 30_000 }, () => {
    const bytes = new Uint8Array(10_000_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2_654_435_761) >>> 24;
    expect(readRemittanceFile(Buffer.from(bytes).toString("latin1")).ok).toBe(false);
    const head = synthetic835(0, 0).text.split("ST*")[0];
    const empty = readRemittanceFile(head + "~".repeat(10_000_000));
    expect(empty).toEqual({ ok: false, error: expect.stringContaining("no transaction") });
  });
});
