// The shipped CMS place-of-service table: its codes, names and fee-schedule rates, the unassigned codes,
// the number cells Excel strips of their zero, and a cross-check against the third-party list in
// ../shared/data/pos/pos_codes.csv (which lacks 66, PACE Center, added in 2024).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPos, placeOfService, PLACES_OF_SERVICE } from "../../src/codes/placeOfService";
import { sharedDataPresent } from "../sharedData";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const posCsv = path.resolve(projectRoot, "../shared/data/pos/pos_codes.csv");
const havePosCsv = sharedDataPresent(posCsv);

const ASSIGNED = [
  "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
  "21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "41", "42", "49", "50", "51", "52", "53", "54", "55",
  "56", "57", "58", "60", "61", "62", "65", "66", "71", "72", "81", "99",
]; // prettier-ignore
// Medicare Claims Processing Manual ch. 12 §20.4.2 and the IHS/tribal designations: paid at the facility rate.
const FACILITY = ["02", "06", "08", "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56", "61"];

describe("PLACES_OF_SERVICE", () => {
  it("holds the CMS codes once each, in order, with a name", () => {
    expect(PLACES_OF_SERVICE.map((p) => p.code)).toEqual(ASSIGNED);
    for (const place of PLACES_OF_SERVICE) expect(place.name.length).toBeGreaterThan(3);
  });

  it("marks the facility settings of the physician fee schedule, and every other place non-facility", () => {
    expect(PLACES_OF_SERVICE.filter((p) => p.rate === "facility").map((p) => p.code)).toEqual(FACILITY);
    expect(placeOfService("11")).toEqual({ code: "11", name: "Office", rate: "non-facility" });
    expect(placeOfService("21")?.rate).toBe("facility");
    expect(placeOfService("10")?.rate).toBe("non-facility");
    expect(placeOfService("30")).toBeUndefined();
  });
});

describe("checkPos", () => {
  it.each([
    ["11", "11"],
    [" 02 ", "02"],
    [11, "11"],
    [2, "02"], // a number cell shows 02 as 2
    [99, "99"],
    ["66", "66"],
  ])("%j -> %s", (input, expected) => {
    expect(checkPos(input)).toEqual({ ok: true, code: expected });
  });

  it("refuses unassigned codes with the reason", () => {
    expect(checkPos("30")).toEqual({ ok: false, reason: "POS 30 is unassigned in the CMS place-of-service list" });
    for (const code of ["00", "28", "29", "35", "40", "43", "48", "59", "63", "64", "67", "70", "73", "80", "82", "98"]) {
      expect(checkPos(code)).toEqual({ ok: false, reason: `POS ${code} is unassigned in the CMS place-of-service list` });
    }
    expect(checkPos(0)).toMatchObject({ ok: false, reason: expect.stringMatching(/POS 00 is unassigned/) });
  });

  it("asks about one digit typed as text, and refuses other shapes", () => {
    expect(checkPos("2")).toEqual({
      ok: false,
      reason: `POS "2" needs 2 digits: did you mean 02 (Telehealth Provided Other than in Patient's Home)?`,
    });
    expect(checkPos("0")).toEqual({ ok: false, reason: 'POS "0" needs 2 digits' });
    expect(checkPos(111)).toMatchObject({ ok: false, reason: expect.stringMatching(/POS codes are 2 digits/) });
    expect(checkPos("OF")).toMatchObject({ ok: false, reason: expect.stringMatching(/is not a place of service/) });
    expect(checkPos(11.5)).toEqual({ ok: false, reason: "11.5 is not a place of service" });
    expect(checkPos("")).toEqual({ ok: false, reason: "the place of service is blank" });
  });

  it("accepts exactly the assigned codes, from text and from number cells alike", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), (n) => {
        const text = String(n).padStart(2, "0");
        expect(checkPos(n)).toEqual(checkPos(text));
        expect(checkPos(text).ok).toBe(ASSIGNED.includes(text));
      }),
    );
  });
});

// Names compared loosely: the CSV is a transcription, so case, spacing around / and - and dash kinds may differ.
const looseName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s*([/-])\s*/g, "$1")
    .replace(/\s+/g, " ")
    .trim();

describe.skipIf(!havePosCsv)("checkPos against ../shared/data/pos/pos_codes.csv", () => {
  const rows = havePosCsv
    ? readFileSync(posCsv, "utf8")
        .split(/\r?\n/)
        .slice(1)
        .filter((line) => line.trim() !== "")
        .map((line) => {
          const comma = line.indexOf(",");
          return { code: line.slice(0, comma), name: line.slice(comma + 1).replace(/^"|"$/g, "") };
        })
    : [];

  it("knows every code in the file, by the same name", () => {
    expect(rows).toHaveLength(51);
    for (const row of rows) {
      expect(checkPos(row.code)).toEqual({ ok: true, code: row.code });
      expect([row.code, looseName(placeOfService(row.code)!.name)]).toEqual([row.code, looseName(row.name)]);
    }
  });

  it("has exactly one code the file lacks: 66, PACE Center", () => {
    const inFile = new Set(rows.map((r) => r.code));
    expect(PLACES_OF_SERVICE.filter((p) => !inFile.has(p.code)).map((p) => p.code)).toEqual(["66"]);
  });
});

if (!havePosCsv) {
  describe("checkPos against the shared POS list", () => {
    it.skip(`skipped: ${posCsv} is missing (the shared sample data lives beside the project)`, () => {});
  });
}
