// MEDBILL.EXPECTED and MEDBILL.VARIANCE through the real exported functions, with the Contracts table
// as Excel hands it over (header row first, dates as serials, money as dollars). Each answer is worked
// out by hand from the table below.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { contractBooks } from "../../functions/contractFunctions";
import { EXPECTED, VARIANCE } from "../../functions/functions";
import { isoToSerial } from "../../src/dates";
import { CUSTOM_FUNCTIONS_STAND_IN, StandInError } from "./spreadsheet";

const d = (iso: string) => isoToSerial(iso);
const HEADER = ["PayerID", "Code", "Modifier", "Allowed", "Effective From", "Effective To", "Note"];
const CONTRACTS = [
  HEADER,
  ["MCR", "99213", null, 90, null, d("2025-12-31"), "2025 fee schedule"],
  ["MCR", "99213", null, 95, d("2026-01-01"), null, "2026 fee schedule"],
  ["MCR", "99213", "95", 72, null, null, null],
  ["SHP", "J1100", null, 1.5, null, null, "per 0.1 mg"],
];

const error = (code: string, message: string) => new StandInError(code, message);

beforeAll(() => vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN));
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => contractBooks.clear());

describe("MEDBILL.EXPECTED", () => {
  it("gives each code the rate in effect for its payer and date, a modifier's rate first, times the units", () => {
    const codes = [["99213"], ["99213"], ["99213"], ["J1100"], [""], ["99215"]];
    const payers = [["MCR"], ["MCR"], ["MCR"], ["SHP"], ["MCR"], ["MCR"]];
    const dates = [[d("2025-06-01")], [d("2026-05-01")], [d("2026-05-01")], ["2026-05-01"], [null], [d("2026-05-01")]];
    const modifiers = [[null], [null], ["95"], [null], [null], [null]];
    const units = [[null], [1], [1], [12], [null], [null]];
    expect(EXPECTED(codes, payers, dates, CONTRACTS, modifiers, units)).toEqual([
      [90],
      [95],
      [72],
      [18], // $1.50 × 12
      [""],
      [error("#N/A", "no contract rate for MCR 99215 on 2026-05-01 in the Contracts table")],
    ]);
  });

  it("takes one payer and date for a whole column", () => {
    expect(EXPECTED([["99213"], ["99213"]], [["MCR"]], [[d("2026-02-02")]], CONTRACTS, [["95"], [null]])).toEqual([[72], [95]]);
  });

  it("says why when an argument or the table cannot be used, and never gives a number then", () => {
    expect(EXPECTED([["99213"]], [[""]], [[d("2026-05-01")]], CONTRACTS)).toEqual([
      [error("#VALUE!", "the payer is blank: give its PayerID, like MCR")],
    ]);
    expect(EXPECTED([["99213"]], [["MCR"]], [["not a date"]], CONTRACTS)[0][0]).toBeInstanceOf(StandInError);
    expect(EXPECTED([["99213"]], [["MCR"]], [[d("2026-05-01")]], CONTRACTS, null as never, [[0]])).toEqual([
      [error("#VALUE!", 'units must be more than 0, not "0"')],
    ]);
    expect(EXPECTED([["99213"]], [["MCR"]], [[d("2026-05-01")]], null as never)).toEqual([
      [error("#VALUE!", "the Contracts table is missing: pass it with its headers, like Contracts[#All]")],
    ]);
    // A bad row anywhere: no rate can be trusted, so every answer names it.
    const bad = [...CONTRACTS, ["MCR", "99214", null, "12.345", null, null, null]];
    expect(EXPECTED([["99213"], ["J1100"]], [["MCR"]], [[d("2026-05-01")]], bad)).toEqual([
      [error("#VALUE!", 'Contracts row 6, Allowed: "12.345" has a fraction of a cent (fix it to see the contract rates)')],
      [error("#VALUE!", 'Contracts row 6, Allowed: "12.345" has a fraction of a cent (fix it to see the contract rates)')],
    ]);
  });

  it("reads the table again when a cell of it changes", () => {
    expect(EXPECTED([["99213"]], [["MCR"]], [[d("2026-05-01")]], CONTRACTS)).toEqual([[95]]);
    const changed = CONTRACTS.map((row) => [...row]);
    changed[2][3] = 97;
    expect(EXPECTED([["99213"]], [["MCR"]], [[d("2026-05-01")]], changed)).toEqual([[97]]);
  });
});

describe("MEDBILL.VARIANCE", () => {
  it("is the allowed amount less the contract's: negative when the payer allowed less", () => {
    expect(VARIANCE([[88], ["$95.00"], [100.5]], [["99213"], ["99213"], ["99213"]], [["MCR"]], [[d("2026-05-01")]], CONTRACTS)).toEqual([
      [-7],
      [0],
      [5.5],
    ]);
    expect(VARIANCE([[""]], [["99213"]], [["MCR"]], [[d("2026-05-01")]], CONTRACTS)).toEqual([
      [error("#VALUE!", "the allowed amount is blank")],
    ]);
    expect(VARIANCE([[50]], [["99215"]], [["MCR"]], [[d("2026-05-01")]], CONTRACTS)[0][0]).toEqual(
      error("#N/A", "no contract rate for MCR 99215 on 2026-05-01 in the Contracts table"),
    );
  });
});
