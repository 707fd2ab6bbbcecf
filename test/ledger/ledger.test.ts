// The ledger: indexes built once, the links between rows checked (each kind of broken link reported
// on the row a biller sees), and readLedger reading the four tables in one call with the workbook's
// date system, leaving bad rows out with their issues kept.
import { describe, expect, it, vi } from "vitest";
import { isoToSerial } from "../../src/dates";
import { buildLedger, LEDGER_TABLES, ledgerFromTables, readLedger, refundedPaymentId } from "../../src/ledger/ledger";
import { describeIssue } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { charge, FIXTURE_PAYERS, ledgerOf, ledgerWorkbook, payment, posting, refund, reversal } from "./ledgerFixtures";

describe("buildLedger", () => {
  it("indexes rows by id, postings by charge and by payment (a blank-payment reversal under its original's)", () => {
    const ps1 = posting("PS1", "L1", { paymentId: "PM1", paid: 5000 });
    const ps2 = posting("PS2", "L2", { paymentId: "PM1", paid: 1000 });
    const ps3 = reversal("PS3", ps1, { paymentId: undefined });
    const ps4 = posting("PS4", "L1", { adjustment: 200, group: "WO" });
    const ledger = ledgerOf({ charges: [charge("L1"), charge("L2")], payments: [payment("PM1", 6000)], postings: [ps1, ps2, ps3, ps4] });
    expect(ledger.issues).toEqual([]);
    expect(ledger.chargeById.get("L2")?.chargeId).toBe("L2");
    expect(ledger.paymentById.get("PM1")?.amount).toBe(6000);
    expect(ledger.postingById.get("PS3")).toBe(ps3);
    expect(ledger.postingsByCharge.get("L1")).toEqual([ps1, ps3, ps4]);
    expect(ledger.postingsByCharge.get("L2")).toEqual([ps2]);
    expect(ledger.postingsByPayment.get("PM1")).toEqual([ps1, ps2, ps3]);
    expect(ledger.postingsByCharge.has("L3")).toBe(false);
  });

  it("reports every broken link on the row it is in, and keeps the rows", () => {
    const postings = [
      posting("PS1", "L9", { adjustment: 100, group: "CO" }),
      posting("PS2", "L1", { paymentId: "PM9", paid: 100 }),
      posting("PS3", "L1", { paid: -100, reverses: "PS0" }),
      posting("PS4", "L1", { paid: 700 }),
      posting("PS5", "L2", { paymentId: "PM1", paid: 500 }),
      posting("PS6", "L1", { paid: -500, reverses: "PS5" }),
    ];
    const payments = [
      payment("PM1", 500),
      payment("PM2", -300, { reference: "CHK 77" }),
      refund("PM3", "PM8", 200, { payerId: "MCR" }),
      { ...payment("PM4", 100), payerId: undefined },
    ];
    const ledger = buildLedger(
      { charges: [charge("L1"), charge("L2", { payerId: "XYZ" })], payments, postings, payers: FIXTURE_PAYERS },
      [{ table: "Charges", row: 3, column: "Amount", message: "is blank" }],
      { charges: [2, 4], payments: [2, 3, 4, 5], postings: [2, 3, 5, 6, 7, 8] },
    );
    expect(ledger.issues.map(describeIssue)).toEqual([
      "Charges row 3: Amount is blank",
      'Charges row 4, PayerID: payer "XYZ" is not in the Payers table: the line is counted as billed to insurance',
      'Payments row 3, Amount: a negative payment (-$3.00) must say which payment it refunds, with a Reference like "REFUND PM000123"',
      'Payments row 4, Reference: refunds payment "PM8", which is not in the Payments table',
      "Payments row 5, PayerID: the payment has neither a PayerID nor a PatientID (counted as the patient's)",
      'Postings row 2, ChargeID: charge "L9" is not in the Charges table (or its row there has a problem)',
      "Postings row 3, PaymentID: payment \"PM9\" is not in the Payments table: its Paid is counted as the line's payer's",
      'Postings row 5, Reverses: it reverses posting "PS0", which is not in the Postings table',
      "Postings row 5, Paid: -$1.00 paid with no PaymentID (counted as paid by the line's payer)",
      "Postings row 6, Paid: $7.00 paid with no PaymentID (counted as paid by the line's payer)",
      'Postings row 8, Reverses: it reverses posting "PS5", which is on charge "L2", not "L1"',
    ]);
    expect(ledger.postings).toHaveLength(6);
    expect(ledger.charges).toHaveLength(2);
  });

  it("lists every PaymentID and PostingID once, in first-seen order, as the by-id maps have them", () => {
    const postings = [posting("PS2", "L1"), posting("PS10", "L1"), posting("PS2", "L1"), posting("X", "L1"), posting("PS1", "L1")];
    const payments = [payment("PM7", 100), payment("PM1", 100), payment("PM7", 100)];
    const ledger = ledgerOf({ charges: [charge("L1")], payments, postings });
    expect(ledger.knownPostingIds).toEqual(["PS2", "PS10", "X", "PS1"]);
    expect(ledger.knownPostingIds).toEqual([...ledger.postingById.keys()]);
    expect(ledger.knownPaymentIds).toEqual(["PM7", "PM1"]);
    expect(ledger.knownPaymentIds).toEqual([...ledger.paymentById.keys()]);
  });

  it("gives a repeated ChargeID its first row's postings, and the lines after it their own", () => {
    const write = (amount: number) => ({ adjustment: amount, group: "WO" as const });
    const postings = [posting("PS1", "L1", write(100)), posting("PS2", "L3", write(300)), posting("PS3", "L2", write(200))];
    const ledger = ledgerOf({ charges: [charge("L1"), charge("L2"), charge("L1"), charge("L3")], postings });
    const { linePostingsStart, linePostingsEnd, postingOrder, postingAdjustment } = ledger.columns;
    const of = (line: number) =>
      Array.from(postingOrder.subarray(linePostingsStart[line], linePostingsEnd[line]), (p) => postingAdjustment[p]);
    expect([0, 1, 2, 3].map(of)).toEqual([[100], [200], [100], [300]]);
    expect(ledger.issues.map(describeIssue)).toEqual(['Charges row 4, ChargeID: "L1" is used by an earlier row too; the first one counts']);
  });

  it("numbers rows as under a header on row 1 when no sheet rows are given, and reports a repeated id", () => {
    const ledger = ledgerOf({ charges: [charge("L1"), charge("L1")], postings: [posting("PS1", "L1"), posting("PS1", "L1")] });
    expect(ledger.issues.map(describeIssue)).toEqual([
      'Charges row 3, ChargeID: "L1" is used by an earlier row too; the first one counts',
      'Postings row 3, PostingID: "PS1" is used by an earlier row too; the first one counts',
    ]);
  });
});

describe("refundedPaymentId", () => {
  it("reads the refunded payment from the Reference, else the Note, only on a negative payment", () => {
    expect(refundedPaymentId(refund("R1", "PM000123", 100))).toBe("PM000123");
    expect(refundedPaymentId({ ...refund("R1", "X", 100), reference: "refund #PM7" })).toBe("PM7");
    expect(refundedPaymentId({ ...refund("R1", "X", 100), reference: "CHK 4411", note: "Refund of payment PM42, overpaid" })).toBe("PM42");
    expect(refundedPaymentId({ ...refund("R1", "X", 100), reference: "CHK 4411", note: "refunded from PM-88 at the desk" })).toBe("PM-88");
    expect(refundedPaymentId({ ...refund("R1", "X", 100), reference: "CHK 4411", note: "refund to patient" })).toBeUndefined();
    expect(refundedPaymentId({ ...refund("R1", "X", 100), reference: "CHK 4411" })).toBeUndefined();
    expect(refundedPaymentId({ ...payment("R1", 100), reference: "REFUND PM1" })).toBeUndefined();
  });
});

describe("readLedger", () => {
  const tables = {
    charges: [charge("L1", { dos: "2026-01-05", amount: 12550 }), charge("L2", { claimId: "CL2" })],
    payments: [payment("PM1", 9000, { date: "2026-02-03" })],
    postings: [posting("PS1", "L1", { paymentId: "PM1", paid: 9000, adjustment: 3550, group: "CO", reason: "45", date: "2026-02-03" })],
  };

  it("reads the four tables in one readTables call and gives back what it read", async () => {
    const wb = ledgerWorkbook(tables);
    const spy = vi.spyOn(wb, "readTables");
    const { ledger, tables: raw, dateSystem } = await readLedger(wb);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith(LEDGER_TABLES);
    expect(Object.keys(raw).sort()).toEqual(["Charges", "Payers", "Payments", "Postings", "ProviderAdjustments"]);
    expect(dateSystem).toBe(1900);
    expect(ledger.issues).toEqual([]);
    expect(ledger.charges).toEqual([{ ...tables.charges[0] }, { ...tables.charges[1] }]);
    expect(ledger.postings).toEqual(tables.postings);
    expect(ledger.payers).toEqual(FIXTURE_PAYERS);
  });

  it("reads dates with the workbook's date system (1904)", async () => {
    const wb = ledgerWorkbook(tables, 1904);
    const raw = await wb.readTables(["Charges"]);
    expect(raw.Charges!.rows[0][raw.Charges!.headers.indexOf("DOS")]).toBe(isoToSerial("2026-01-05", 1904));
    const { ledger, dateSystem } = await readLedger(wb);
    expect(dateSystem).toBe(1904);
    expect(ledger.charges[0].dos).toBe("2026-01-05");
    expect(ledger.postings[0].date).toBe("2026-02-03");
  });

  it("leaves bad rows out, keeps their issues, and names sheet rows past blank rows", async () => {
    const wb = ledgerWorkbook(tables);
    const sheet = wb.sheets.find((s) => s.name === "Charges")!.table!;
    const amount = sheet.headers.indexOf("Amount");
    sheet.rows[0][amount] = "12.5x";
    sheet.rows.splice(
      1,
      0,
      sheet.headers.map(() => null),
    );
    const postings = wb.sheets.find((s) => s.name === "Postings")!.table!;
    postings.rows.unshift(postings.headers.map(() => null));
    const { ledger } = await readLedger(wb);
    expect(ledger.charges.map((c) => c.chargeId)).toEqual(["L2"]);
    expect(ledger.issues.map(describeIssue)).toEqual([
      'Charges row 2, Amount: "12.5x" is not an amount (write it like 1234.50 or $1,234.50)',
      'Postings row 3, ChargeID: charge "L1" is not in the Charges table (or its row there has a problem)',
    ]);
  });

  it("names the office's own column header in a ledger issue", async () => {
    const wb = ledgerWorkbook({ ...tables, postings: [posting("PS1", "L7", { adjustment: 100, group: "CO" })] });
    const sheet = wb.sheets.find((s) => s.name === "Postings")!.table!;
    sheet.headers[sheet.headers.indexOf("ChargeID")] = "Line ID";
    const { ledger } = await readLedger(wb);
    expect(ledger.issues.map(describeIssue)).toEqual(['Postings row 2, Line ID: charge "L7" is not in the Charges table']);
  });

  it("builds the same ledger as ledgerFromTables over the tables it read, which statements use too", async () => {
    const wb = ledgerWorkbook({ ...tables, postings: [posting("PS1", "L7", { adjustment: 100, group: "CO" })] });
    const read = await readLedger(wb);
    expect(ledgerFromTables(read.tables, read.dateSystem)).toEqual(read.ledger);
  });

  it("reads a workbook without ledger tables as an empty ledger", async () => {
    const { ledger, tables: raw } = await readLedger(MemoryWorkbook.withTables([{ name: "Charges", headers: ["ChargeID"], rows: [] }]));
    expect(raw.Payments).toBeUndefined();
    expect(ledger.charges).toEqual([]);
    expect(ledger.issues.map(describeIssue)).toEqual(expect.arrayContaining(['Charges row 1, ClaimID: the table has no "ClaimID" column']));
  });
});
