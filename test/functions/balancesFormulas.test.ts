// MEDBILL.BALANCES as a biller types it: the Charges, Postings, Payments and Payers tables on their own
// sheets (with headers, some of them an office's own aliases), the formula on another sheet, evaluated by
// HyperFormula through the real function. A hand-made ledger covers every answer ("what"), every
// adjustment group, self-pay by PayerID and by the Payers table, a secondary payer, a credit, a reversal,
// as-of dates, and each error a cell can show; then a 10,000-line sample practice, where every answer of
// every line must equal lineBalances computed directly from the same tables read through the port.
import type { RawCellContent } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isoToSerial } from "../../src/dates";
import { lineBalances, type LineBalance } from "../../src/ledger/balances";
import { readLedger } from "../../src/ledger/ledger";
import { centsToNumber } from "../../src/money";
import { samplePractice } from "../../src/sample/practiceSample";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CreateTableOp } from "../../src/workbook/port";
import { sheetBook, tableRange } from "./sheetBook";
import { CUSTOM_FUNCTIONS_STAND_IN, na, registerMedbillFunctions, unregisterMedbillFunctions, valueError, type Shown } from "./spreadsheet";

beforeAll(() => {
  vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN);
  registerMedbillFunctions();
});

afterAll(() => {
  unregisterMedbillFunctions();
  vi.unstubAllGlobals();
});

const d = (iso: string) => isoToSerial(iso);

// ---- a hand-made ledger ---------------------------------------------------------------------------

// Headers as an office might have them: aliases for most columns, and a column of its own.
const CHARGES: RawCellContent[][] = [
  ["Charge ID", "Claim #", "Account", "Insurance", "Date of Service", "CPT", "Charge Amount", "Notes"],
  ["L1", "C1", "P1", "MCR", d("2026-01-05"), "99213", 200, "PR-1 after CO-45"],
  ["L2", "C2", "P1", "MCR", d("2026-02-01"), "99214", 150, "not answered yet"],
  ["L3", "C3", "P2", "SELF", d("2026-01-10"), "99213", 100, "self-pay, part paid"],
  ["L4", "C4", "P3", "MCR", d("2026-01-12"), "99212", 80, "paid in full"],
  ["L5", "C5", "P2", "SELF", d("2026-01-15"), "99212", 50, "overpaid: a credit"],
  ["L6", "C6", "P3", "AET", d("2026-01-20"), "99213", 120, "secondary pays the PR"],
  ["L7", "C7", "P4", "CASH", d("2026-01-22"), "99213", 90, "self-pay by the Payers table"],
  ["L8", "C8", "P4", "MCR", d("2026-01-25"), "99213", "abc", "a bad amount"],
  ["L9", "C9", "P5", "MCR", d("2026-01-26"), "99213", 110, "a bad posting"],
  ["L10", "C10", "P5", "MCR", d("2026-01-27"), "99213", 130, "paid from a payment not in Payments"],
  ["L11", "C11", "P6", "MCR", d("2026-01-28"), "99213", 160, "paid, then reversed"],
  ["L12", "C12", "P6", "MCR", d("2026-01-29"), "99213", 70, "OA and an office write-off"],
];

const POSTINGS: RawCellContent[][] = [
  ["PostingID", "PaymentID", "ChargeID", "Date", "Paid", "Adjustment", "Group", "Reason", "Patient Resp", "Reverses"],
  ["T1", "PM1", "L1", d("2026-02-10"), 120, 50, "CO", "45", null, null],
  ["T2", "PM1", "L1", d("2026-02-10"), null, null, "PR", "1", 30, null],
  ["T3", "PM2", "L3", d("2026-01-10"), 40, null, null, null, null, null],
  ["T4", "PM1", "L4", d("2026-02-10"), 80, null, null, null, null, null],
  ["T5", "PM2", "L5", d("2026-01-10"), 70, null, null, null, null, null],
  ["T6", "PM3", "L6", d("2026-02-15"), 80, null, "PR", "2", 40, null],
  ["T7", "PM4", "L6", d("2026-03-20"), 40, null, null, null, null, null],
  ["T8", "PM5", "L7", d("2026-01-22"), 30, null, null, null, null, null],
  ["T9", "PM1", "L9", d("2026-02-10"), "x", null, null, null, null, null],
  ["T10", "PM99", "L10", d("2026-02-10"), 50, null, null, null, null, null],
  ["T11", "PM1", "L11", d("2026-02-10"), 60, null, null, null, null, null],
  ["T12", null, "L11", d("2026-02-20"), -60, null, null, null, null, "T11"],
  ["T13", "PM1", "L12", d("2026-02-10"), 40, 10, "OA", "23", null, null],
  ["T14", null, "L12", d("2026-02-25"), null, 15, "WO", null, null, null],
];

const PAYMENTS: RawCellContent[][] = [
  ["PaymentID", "Payment Date", "PayerID", "PatientID", "Method", "Check #", "Amount"],
  ["PM1", d("2026-02-10"), "MCR", null, "EFT", "EFT1", 300],
  ["PM2", d("2026-01-10"), null, "P2", "Cash", "RCPT 1", 110],
  ["PM3", d("2026-02-15"), "AET", null, "Check", "CHK 1", 80],
  ["PM4", d("2026-03-20"), "MCD", null, "Check", "CHK 2", 40],
  ["PM5", d("2026-01-22"), null, "P4", "Card", "AUTH 1", 30],
];

const PAYERS: RawCellContent[][] = [
  ["PayerID", "Payer Name", "Type"],
  ["MCR", "Medicare", "Medicare"],
  ["AET", "Aetna", "Commercial"],
  ["MCD", "Medicaid", "Medicaid"],
  ["CASH", "Cash patients", "Self-pay"],
];

const SHEETS = { Charges: CHARGES, Postings: POSTINGS, Payments: PAYMENTS, Payers: PAYERS };
// Ranges reach past the rows, as a biller's often do (and so a test can add a row): blank rows are skipped.
const CHARGES_ALL = tableRange("Charges", 30, CHARGES[0].length);
const POSTINGS_ALL = tableRange("Postings", 30, POSTINGS[0].length);
const PAYMENTS_ALL = tableRange("Payments", 30, PAYMENTS[0].length);
const PAYERS_ALL = tableRange("Payers", 30, PAYERS[0].length);

/** The IDs a column of formulas is asked about: every line, a wrong ID, a blank, and one typed loosely. */
const IDS = ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8", "L9", "L10", "L11", "L12", "NOPE", null, " l2 "];

const BAD_AMOUNT = valueError('Charges row 9, Charge Amount: "abc" is not an amount (write it like 1234.50 or $1,234.50)');
const BAD_POSTING = valueError(
  'Postings row 10, Paid: "x" is not an amount (write it like 1234.50 or $1,234.50) (fix that posting to see this line\'s balance)',
);
const NO_SUCH_LINE = na("no charge line NOPE");
/**
 * An error whose reason is the ledger engine's own words about a row (buildLedger's issues): the row,
 * column and what is wrong are pinned here, the rest of the wording is the engine's to choose.
 */
const engineError = (start: string): Shown => ({ error: "#VALUE!", message: expect.stringMatching(new RegExp(`^${escapeRegExp(start)}`)) });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNKNOWN_PAYMENT = engineError('Postings row 11, PaymentID: payment "PM99" is not in the Payments table');

/** Each answer for IDS, in order: L1 ... L12, NOPE, blank, " l2 ". */
const EXPECTED: Record<string, Shown[]> = {
  balance: [30, 150, 60, 0, -20, 0, 60, BAD_AMOUNT, BAD_POSTING, 80, 160, 5, NO_SUCH_LINE, "", 150],
  // L12: 70 - 40 paid - 10 OA leaves the payer 20, the 15 write-off takes the patient's share to -15,
  // which the insurance share absorbs: 5 and 0.
  insurance: [0, 150, 0, 0, 0, 0, 0, BAD_AMOUNT, BAD_POSTING, UNKNOWN_PAYMENT, 160, 5, NO_SUCH_LINE, "", 150],
  patient: [30, 0, 60, 0, -20, 0, 60, BAD_AMOUNT, BAD_POSTING, UNKNOWN_PAYMENT, 0, 0, NO_SUCH_LINE, "", 0],
  status: [
    "patient due",
    "open with payer",
    "patient due",
    "paid",
    "credit",
    "paid",
    "patient due",
    BAD_AMOUNT,
    BAD_POSTING,
    UNKNOWN_PAYMENT,
    "open with payer",
    "open with payer",
    NO_SUCH_LINE,
    "",
    "open with payer",
  ],
  charge: [200, 150, 100, 80, 50, 120, 90, BAD_AMOUNT, BAD_POSTING, 130, 160, 70, NO_SUCH_LINE, "", 150],
  paid: [120, 0, 40, 80, 70, 120, 30, BAD_AMOUNT, BAD_POSTING, 50, 0, 40, NO_SUCH_LINE, "", 0],
  adjustments: [50, 0, 0, 0, 0, 0, 0, BAD_AMOUNT, BAD_POSTING, 0, 0, 25, NO_SUCH_LINE, "", 0],
};

/** Evaluate formulas placed on row 1 of Calc from column B, with IDS in column A; each spills down. */
function columnsOf(formulas: string[], sheets: Record<string, RawCellContent[][]> = SHEETS): Shown[][] {
  const calc: RawCellContent[][] = IDS.map((id, r) => [id, ...(r === 0 ? formulas : [])]);
  const book = sheetBook(sheets, calc);
  try {
    const block = book.read(0, 1, IDS.length, formulas.length);
    return formulas.map((_, c) => block.map((row) => row[c]));
  } finally {
    book.destroy();
  }
}

const ids = `A1:A${IDS.length}`;
const balances = (...rest: string[]) => `=MEDBILL.BALANCES(${[ids, CHARGES_ALL, POSTINGS_ALL, ...rest].join(", ")})`;
const allFour = (...rest: string[]) => balances(PAYMENTS_ALL, ...rest);

describe("MEDBILL.BALANCES on a hand-made ledger", () => {
  it.each(Object.keys(EXPECTED))('what = "%s", with the Payments and Payers tables', (what) => {
    const [answers] = columnsOf([allFour(`"${what}"`, "", PAYERS_ALL)]);
    expect(answers).toEqual(EXPECTED[what]);
  });

  it("gives the balance when what is left out or blank, and reads what without case or spaces", () => {
    const columns = columnsOf([
      allFour(),
      balances(),
      allFour('""'),
      allFour('" Insurance Share "', "", PAYERS_ALL),
      allFour('"PATIENT"', "", PAYERS_ALL),
    ]);
    expect(columns[0]).toEqual(EXPECTED.balance);
    expect(columns[1]).toEqual(EXPECTED.balance);
    expect(columns[2]).toEqual(EXPECTED.balance);
    expect(columns[3]).toEqual(EXPECTED.insurance);
    expect(columns[4]).toEqual(EXPECTED.patient);
  });

  it("without the Payers table, only PayerIDs blank or SELF are self-pay: CASH's line becomes the payer's (its balance stays)", () => {
    const [balance, insurance, patient, status] = columnsOf(["balance", "insurance", "patient", "status"].map((w) => allFour(`"${w}"`)));
    expect(balance).toEqual(EXPECTED.balance);
    // 90 billed to CASH as an insurer, 30 paid by the patient: the patient's -30 is absorbed by the payer's 90.
    expect(insurance[6]).toBe(60);
    expect(patient[6]).toBe(0);
    expect(status[6]).toBe("open with payer");
    // Lines billed to SELF are the patient's either way.
    expect(patient[2]).toBe(60);
    expect(insurance.filter((_, i) => i !== 6)).toEqual(EXPECTED.insurance.filter((_, i) => i !== 6));
  });

  it("without the Payments table: balance, charge, paid and adjustments still answer; the split says it needs Payments", () => {
    const columns = columnsOf(
      ["balance", "charge", "paid", "adjustments", "insurance", "patient", "status"].map((w) => balances("", `"${w}"`)),
    );
    // L10's payment is not missing any more: there are no payments at all, and its balance never depended on them.
    expect(columns[0]).toEqual(EXPECTED.balance);
    expect(columns[1]).toEqual(EXPECTED.charge);
    expect(columns[2]).toEqual(EXPECTED.paid);
    expect(columns[3]).toEqual(EXPECTED.adjustments);
    for (const [c, what] of [
      [4, "insurance"],
      [5, "patient"],
      [6, "status"],
    ] as const) {
      const needs = valueError(
        `"${what}" needs the Payments table to tell insurance payments from patient payments: pass Payments[#All] as the 4th argument`,
      );
      expect(columns[c]).toEqual(IDS.map((id) => (id === null ? "" : needs)));
    }
  });

  it("counts only postings on or before the as-of date (a serial, DATE() or text)", () => {
    const columns = columnsOf([
      allFour('"balance"', "DATE(2026,3,1)", PAYERS_ALL),
      allFour('"patient"', "DATE(2026,3,1)", PAYERS_ALL),
      allFour('"status"', `"2026-02-15"`, PAYERS_ALL),
      allFour('"balance"', String(d("2026-01-09")), PAYERS_ALL),
    ]);
    // On 3/1/2026 the secondary's 40 for L6 (3/20) is not in yet; nor is anything after.
    expect(columns[0].slice(0, 12)).toEqual([30, 150, 60, 0, -20, 40, 60, BAD_AMOUNT, BAD_POSTING, 80, 160, 5]);
    expect(columns[1][5]).toBe(40);
    // On 2/15 L11's 60 is paid and not yet reversed, L12's write-off (2/25) is not made: 70 - 40 - 10 = 20.
    expect(columns[2][10]).toBe("open with payer");
    expect(columns[2][11]).toBe("open with payer");
    // Before any posting, L1 (served 1/5) owes its charge; the lines served after 1/9 are not on the
    // books yet (0), as aging and statements count them.
    expect(columns[3].slice(0, 7)).toEqual([200, 0, 0, 0, 0, 0, 0]);
  });

  it("answers a reversal on the day between as the money still there", () => {
    const [balance] = columnsOf([allFour('"balance"', `"2026-02-15"`, PAYERS_ALL)]);
    expect(balance[10]).toBe(100);
    expect(balance[11]).toBe(20);
  });

  it("answers in the shape of the IDs: a row, and a block", () => {
    const calc: RawCellContent[][] = [
      ["L1", "L3", "NOPE", null, null],
      ["L4", "L5", "L6", null, null],
      [`=MEDBILL.BALANCES(A1:C1, ${CHARGES_ALL}, ${POSTINGS_ALL}, ${PAYMENTS_ALL}, "patient", , ${PAYERS_ALL})`],
      [null],
      [`=MEDBILL.BALANCES(A1:C2, ${CHARGES_ALL}, ${POSTINGS_ALL})`],
    ];
    const book = sheetBook(SHEETS, calc);
    try {
      expect(book.read(2, 0, 1, 3)).toEqual([[30, 60, NO_SUCH_LINE]]);
      expect(book.read(4, 0, 2, 3)).toEqual([
        [30, 60, NO_SUCH_LINE],
        [0, -20, 0],
      ]);
    } finally {
      book.destroy();
    }
  });
});

describe("MEDBILL.BALANCES arguments it cannot use", () => {
  const everyCell = (error: Shown) => IDS.map((id) => (id === null ? "" : error));

  it.each([
    [allFour('"owed"'), '"owed" is not something BALANCES gives: use balance, insurance, patient, status, charge, paid, adjustments'],
    [allFour('"balance"', '"31/12/2026"'), 'as-of date: "31/12/2026" is not a real calendar date'],
    [allFour('"balance"', "TRUE()"), "the as-of date is TRUE, not a date"],
    [allFour("A1:A2"), 'give one "what" for the whole column (balance, insurance, patient, status, charge, paid, adjustments)'],
    [allFour('"balance"', "A1:A2"), "give one as-of date for the whole column"],
    [
      balances('"insurance"'),
      '"insurance" is where the Payments table goes: "what" comes 5th, like =MEDBILL.BALANCES(A2:A500, Charges[#All], Postings[#All], Payments[#All], "insurance")',
    ],
  ])("%s: #VALUE! in every cell with the reason", (formula, reason) => {
    expect(columnsOf([formula])[0]).toEqual(everyCell(valueError(reason)));
  });

  it("a table passed without its header row says which columns it lacks and how to pass it", () => {
    const [answers] = columnsOf([`=MEDBILL.BALANCES(${ids}, Charges!A2:H13, ${POSTINGS_ALL})`]);
    expect(answers[0]).toEqual(
      valueError(
        'the Charges table has no "ChargeID", "ClaimID", "PatientID", "PayerID", "DOS", "Code", "Amount" column: pass the whole table with its headers, like Charges[#All]',
      ),
    );
    expect(answers[13]).toBe("");
  });

  it("a Postings table without its ChargeID column stops every answer; a Payments table without its Amount column stops only the split", () => {
    const postings = POSTINGS.map((row) => row.map((cell, c) => (c === 2 ? (row === POSTINGS[0] ? "Line" : cell) : cell)));
    const payments = PAYMENTS.map((row) => row.slice(0, 6));
    const sheets = { ...SHEETS, Postings: postings, Payments: payments };
    const [balance, patient] = columnsOf([allFour('"balance"'), allFour('"patient"')], sheets);
    expect(balance[0]).toEqual(
      valueError('the Postings table has no "ChargeID" column: pass the whole table with its headers, like Postings[#All]'),
    );
    const fixed = { ...sheets, Postings: POSTINGS };
    const [stillBalance, noSplit] = columnsOf([allFour('"balance"'), allFour('"patient"')], fixed);
    expect(stillBalance).toEqual(EXPECTED.balance);
    expect(noSplit[0]).toEqual(
      valueError('the Payments table has no "Amount" column: pass the whole table with its headers, like Payments[#All]'),
    );
    expect(patient[0]).toEqual(balance[0]);
  });

  it("a Postings row without a ChargeID could be any line's: every answer says so", () => {
    const postings = [...POSTINGS, ["T15", "PM1", null, d("2026-02-10"), 5, null, null, null, null, null]];
    const [answers] = columnsOf([allFour()], { ...SHEETS, Postings: postings });
    expect(answers[0]).toEqual(
      valueError("Postings row 16: ChargeID is blank: without its ChargeID that posting could belong to any line"),
    );
  });

  it("a bad Payments or Payers row leaves the split of the lines it touches in doubt, not their balance", () => {
    const payments = PAYMENTS.map((row) => (row[0] === "PM3" ? [...row.slice(0, 6), "eighty"] : row));
    const payers = PAYERS.map((row) => (row[0] === "CASH" ? ["CASH", "Cash patients", "Cash"] : row));
    const [balance, insurance, patient] = columnsOf(
      ["balance", "insurance", "patient"].map((w) => allFour(`"${w}"`, "", PAYERS_ALL)),
      { ...SHEETS, Payments: payments, Payers: payers },
    );
    expect(balance).toEqual(EXPECTED.balance);
    expect(insurance[5]).toEqual(
      valueError(
        'Payments row 4, Amount: "eighty" is not an amount (write it like 1234.50 or $1,234.50) (who paid this line is unknown until it is fixed)',
      ),
    );
    expect(patient[6]).toEqual(
      valueError(
        'Payers row 5, Type: "Cash" is not a payer type (use one of: Medicare, Medicaid, Commercial, Tricare, Workers Comp, Self-pay, Other) (whether this line is self-pay is unknown until it is fixed)',
      ),
    );
    expect(patient[0]).toBe(30);
  });

  it("a reversal linked to a posting of another line puts the line it is on in doubt", () => {
    const postings = [...POSTINGS, ["T15", "PM1", "L2", d("2026-02-26"), -80, null, null, null, null, "T4"]];
    const [answers] = columnsOf([allFour()], { ...SHEETS, Postings: postings });
    expect(answers[1]).toEqual(engineError('Postings row 16, Reverses: it reverses posting "T4", which is on charge "L4"'));
    expect(answers[3]).toBe(0);
  });

  it("a Charges row with two problems names both", () => {
    const charges = [...CHARGES, ["L13", "C13", "P6", "MCR", null, "99213", "abc", "two problems"]];
    const book = sheetBook({ ...SHEETS, Charges: charges }, [["L13", `=MEDBILL.BALANCES(A1, ${CHARGES_ALL}, ${POSTINGS_ALL})`]]);
    try {
      expect(book.read(0, 1, 1, 1)).toEqual([
        [
          valueError(
            'Charges row 14: Date of Service is blank; Charge Amount: "abc" is not an amount (write it like 1234.50 or $1,234.50)',
          ),
        ],
      ]);
    } finally {
      book.destroy();
    }
  });

  it("two Charges rows with one ChargeID: the ID is ambiguous", () => {
    const charges = [...CHARGES, ["l4", "C13", "P3", "MCR", d("2026-01-12"), "99212", 10, "the same ID again"]];
    const [answers] = columnsOf([allFour()], { ...SHEETS, Charges: charges });
    expect(answers[3]).toEqual(valueError('Charges row 14, Charge ID: "l4" is already used on row 5'));
  });
});

// ---- 10,000 lines ---------------------------------------------------------------------------------

describe("MEDBILL.BALANCES over a 10,000-line sample practice", () => {
  const LINES = 10_000;
  const AS_OF = "2026-03-31";
  const plan = samplePractice({ lines: LINES, seed: 11, asOf: "2026-06-30" });
  const table = (name: string): RawCellContent[][] => {
    const op = plan.ops.find((o): o is CreateTableOp => o.kind === "createTable" && o.table === name)!;
    return [op.headers, ...(op.rows ?? [])];
  };
  const sheets = { Charges: table("Charges"), Postings: table("Postings"), Payments: table("Payments"), Payers: table("Payers") };
  const range = (name: keyof typeof sheets) => tableRange(name, sheets[name].length, sheets[name][0].length);

  async function expectedLines(asOf?: string): Promise<LineBalance[]> {
    const workbook = new MemoryWorkbook();
    await applyPlan(workbook, plan, new Date(0));
    const { ledger } = await readLedger(workbook);
    expect(ledger.issues).toEqual([]);
    return lineBalances(ledger, asOf);
  }

  const ANSWER: Record<string, (l: LineBalance) => Shown> = {
    balance: (l) => centsToNumber(l.balance),
    insurance: (l) => centsToNumber(l.insuranceShare),
    patient: (l) => centsToNumber(l.patientShare),
    status: (l) => l.status,
    charge: (l) => centsToNumber(l.charge),
    paid: (l) => centsToNumber(l.insurancePaid + l.patientPaid + l.otherPayerPaid),
    adjustments: (l) => centsToNumber(l.adjustments.CO + l.adjustments.OA + l.adjustments.PI + l.adjustments.WO),
  };

  it("answers every line, for every what and an as-of date, exactly as lineBalances does", { timeout: 120_000 }, async () => {
    expect(sheets.Charges).toHaveLength(LINES + 1);
    const whats = Object.keys(ANSWER);
    const call = (what: string, asOf = "") =>
      `=MEDBILL.BALANCES(Charges!A2:A${LINES + 1}, ${range("Charges")}, ${range("Postings")}, ${range("Payments")}, "${what}", ${asOf}, ${range("Payers")})`;
    const formulas = [...whats.map((w) => call(w)), call("balance", `"${AS_OF}"`), call("status", `"${AS_OF}"`)];
    const book = sheetBook(sheets, [formulas]);
    try {
      const block = book.read(0, 0, LINES, formulas.length);
      const now = await expectedLines();
      const thenById = new Map((await expectedLines(AS_OF)).map((l) => [l.chargeId, l]));
      whats.forEach((what, c) =>
        expect(
          block.map((row) => row[c]),
          what,
        ).toEqual(now.map(ANSWER[what])),
      );
      // As of a date, a line served after it is not on the books: 0 and "not yet served", as aging leaves it out.
      const then = (answer: (l: LineBalance) => Shown, later: Shown) =>
        now.map((l) => {
          const line = thenById.get(l.chargeId);
          return line ? answer(line) : later;
        });
      expect(block.map((row) => row[whats.length])).toEqual(then(ANSWER.balance, 0));
      expect(block.map((row) => row[whats.length + 1])).toEqual(then(ANSWER.status, "not yet served"));
      // The sample has every status, and the as-of date changes some answers: the comparison is not vacuous.
      expect(new Set(now.map((l) => l.status))).toEqual(new Set(["open with payer", "patient due", "paid"]));
      expect(now.filter((l) => thenById.has(l.chargeId) && thenById.get(l.chargeId)!.balance !== l.balance).length).toBeGreaterThan(100);
      expect(now.filter((l) => !thenById.has(l.chargeId)).length).toBeGreaterThan(100);
    } finally {
      book.destroy();
    }
  });

  it("a bad Charges row and a bad Postings row spoil only their own lines", { timeout: 120_000 }, async () => {
    const charges = sheets.Charges.map((row) => [...row]);
    const postings = sheets.Postings.map((row) => [...row]);
    const amount = charges[0].indexOf("Amount");
    const paid = postings[0].indexOf("Paid");
    const chargeOfPosting = postings[0].indexOf("ChargeID");
    charges[5000][amount] = "oops";
    const postingRow = postings.findIndex((row, i) => i > 0 && typeof row[paid] === "number" && row[paid] !== 0);
    postings[postingRow][paid] = "twelve";
    const spoiled = new Map([
      [charges[5000][0], `Charges row 5001, Amount: "oops" is not an amount (write it like 1234.50 or $1,234.50)`],
      [
        postings[postingRow][chargeOfPosting],
        `Postings row ${postingRow + 1}, Paid: "twelve" is not an amount (write it like 1234.50 or $1,234.50) (fix that posting to see this line's balance)`,
      ],
    ]);
    const formula = `=MEDBILL.BALANCES(Charges!A2:A${LINES + 1}, ${range("Charges")}, ${range("Postings")}, ${range("Payments")}, "balance", , ${range("Payers")})`;
    const book = sheetBook({ ...sheets, Charges: charges, Postings: postings }, [[formula]]);
    try {
      const answers = book.read(0, 0, LINES, 1).map((row) => row[0]);
      const now = await expectedLines();
      answers.forEach((answer, i) => {
        const reason = spoiled.get(now[i].chargeId);
        expect(answer, now[i].chargeId).toEqual(reason ? valueError(reason) : centsToNumber(now[i].balance));
      });
    } finally {
      book.destroy();
    }
  });
});
