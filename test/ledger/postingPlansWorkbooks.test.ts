// Posting plans against the workbook an office really has: new PaymentIDs and PostingIDs that
// continue its own numbering, tables whose headers are aliases ("Payment #", "Posting Date") in
// another order with extra columns, the 1904 date system, and an .xlsx file saved and opened again.
import { describe, expect, it } from "vitest";
import { isoToSerial, type DateSystem } from "../../src/dates";
import { lineBalances } from "../../src/ledger/balances";
import { readLedger } from "../../src/ledger/ledger";
import { nextIds } from "../../src/ledger/postingIds";
import { insurancePaymentPlan, patientPaymentPlan, reversalPlan } from "../../src/ledger/postingPlans";
import { mapColumns, rowToCells } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { createTableOp } from "../../src/workbook/plan";
import type { CellValue } from "../../src/workbook/port";
import { Charges, Payers, Payments, Postings, type TableDef } from "../../src/workbook/tables";
import { XlsxWorkbook } from "../../src/workbook/xlsxWorkbook";
import { FIXTURE_PAYERS, ledgerWorkbook, payment, tableOf } from "./ledgerFixtures";
import { balancesInBook, planOf, postThroughPanel, practiceBooks } from "./postingPlansFlow";

describe("nextIds", () => {
  it("continues the prefix and zero padding of the highest ID", () => {
    expect(nextIds(["PMT-000810", "PMT-000812", "PMT-000811"], 2, "PMT-")).toEqual(["PMT-000813", "PMT-000814"]);
  });

  it("follows the most common prefix, not an odd hand-typed ID with a higher number", () => {
    expect(nextIds(["PS0000001", "PS0000002", "MANUAL-99", "PS0000003"], 1, "PST-")).toEqual(["PS0000004"]);
  });

  it("starts at PMT-000001 / PST-000001 when there are no numbered IDs", () => {
    expect(nextIds([], 2, "PMT-")).toEqual(["PMT-000001", "PMT-000002"]);
    expect(nextIds(["cash drawer", ""], 1, "PST-")).toEqual(["PST-000001"]);
  });

  it("grows past the padding and numbers plain numeric IDs", () => {
    expect(nextIds(["P998", "P999"], 2, "PMT-")).toEqual(["P1000", "P1001"]);
    expect(nextIds(["811", "812"], 1, "PMT-")).toEqual(["813"]);
  });

  it("never repeats an ID already taken, in any case", () => {
    expect(nextIds(["a1", "a2", "A3", "b9"], 2, "PMT-")).toEqual(["a4", "a5"]);
    expect(nextIds(["PMT-000001x", "pmt-000001"], 1, "PMT-")).toEqual(["pmt-000002"]);
  });
});

describe("new IDs in a plan", () => {
  it("continue the workbook's pattern, stay clear of rows that failed their checks, and are unique within the plan", async () => {
    const books = practiceBooks();
    const book = ledgerWorkbook({
      ...books,
      payments: [payment("PMT-000812", 15000)],
      postings: books.postings.map((p) => ({ ...p, paymentId: "PMT-000812" })),
    });
    // A row that does not pass its checks (a date that is not one) still holds its ID in the sheet.
    const postings = book.sheets.find((s) => s.name === "Postings")!.table!;
    const bad = postings.headers.map((h): CellValue =>
      h === "PostingID" ? "PS0000050" : h === "ChargeID" ? "L1" : h === "Date" ? "soon" : null,
    );
    postings.rows.push(bad);
    const result = planOf(
      await postThroughPanel(book, (ledger, ctx) =>
        insurancePaymentPlan(ledger, ctx, { from: { payerId: "MCR" }, date: "2026-02-20", method: "EFT", reference: "T1", amount: 9000 }, [
          {
            chargeId: "L1",
            paid: 7000,
            adjustments: [{ group: "CO", reason: "45", amount: 2000 }],
            patientResp: [{ reason: "3", amount: 1000 }],
          },
          { chargeId: "L4", paid: 2000 },
        ]),
      ),
    );
    expect(result.preview.map((p) => p.values.PaymentID)).toEqual(["PMT-000813", "PMT-000813", "PMT-000813", "PMT-000813"]);
    expect(result.preview.slice(1).map((p) => p.values.PostingID)).toEqual(["PS0000051", "PS0000052", "PS0000053"]);
  });

  it("start at PMT-000001 and PST-000001 in empty tables", async () => {
    const books = practiceBooks();
    const book = ledgerWorkbook({ charges: books.charges });
    const result = planOf(
      await postThroughPanel(book, (ledger, ctx) =>
        patientPaymentPlan(ledger, ctx, { from: { patientId: "P1" }, date: "2026-02-20", method: "Cash", amount: 9000 }, "oldest-first"),
      ),
    );
    expect(result.preview.map((p) => [p.values.PaymentID, p.values.PostingID ?? null])).toEqual([
      ["PMT-000001", null],
      ["PMT-000001", "PST-000001"],
    ]);
  });
});

/** A table laid out with the office's own headers (in its own order), rows written as the add-in writes them. */
function officeTable(def: TableDef, headers: string[], rows: object[], dateSystem: DateSystem) {
  const mapping = mapColumns(def, headers);
  expect(mapping.missingRequired).toEqual([]);
  return {
    name: def.name,
    headers,
    rows: rows.map((row) => {
      const byHeader = rowToCells(def, mapping, row as Record<string, unknown>, dateSystem);
      return headers.map((h): CellValue => byHeader[h] ?? null);
    }),
  };
}

const OFFICE_HEADERS = {
  Charges: ["Line #", "Claim #", "Account", "Insurance", "Date of Service", "CPT", "Charge", "Rendering NPI"],
  Payments: ["Deposit Batch", "Payment #", "Payment Date", "Payer", "Account", "Pay Type", "Check #", "Payment Amount", "Memo"],
  Postings: [
    "Posting #",
    "Posting Date",
    "Payment #",
    "Charge #",
    "Amount Paid",
    "Adj",
    "Group Code",
    "CARC",
    "Pt Resp",
    "Posted From",
    "Reversal Of",
    "Comment",
    "Initials",
  ],
  Payers: ["Payer ID", "Payer Name", "Payer Type"],
};

describe("an office's own headers", () => {
  it("gets rows keyed by its headers and dates in its 1904 date system, and reads back the predicted balances, through a payment and its reversal", async () => {
    const books = practiceBooks();
    const system = 1904;
    const book = MemoryWorkbook.withTables(
      [
        officeTable(Charges, OFFICE_HEADERS.Charges, books.charges, system),
        officeTable(Payments, OFFICE_HEADERS.Payments, books.payments, system),
        officeTable(Postings, OFFICE_HEADERS.Postings, books.postings!, system),
        officeTable(Payers, OFFICE_HEADERS.Payers, FIXTURE_PAYERS, system),
      ],
      system,
    );
    const before = await balancesInBook(book, ["L1"]);
    const paid = planOf(
      await postThroughPanel(book, (ledger, ctx) =>
        insurancePaymentPlan(
          ledger,
          ctx,
          { from: { payerId: "MCR" }, date: "2026-02-20", method: "Check", reference: "12345", amount: 8000, note: "Paper EOB" },
          [
            {
              chargeId: "L1",
              paid: 7000,
              adjustments: [{ group: "CO", reason: "45", amount: 2000 }],
              patientResp: [{ reason: "3", amount: 1000 }],
            },
          ],
        ),
      ),
    );
    const feb20 = isoToSerial("2026-02-20", 1904);
    expect(feb20).toBe(isoToSerial("2026-02-20") - 1462);
    expect(paid.plan.ops).toEqual([
      {
        kind: "appendRows",
        table: "Payments",
        rows: [
          {
            "Payment #": "PM000813",
            "Payment Date": feb20,
            Payer: "MCR",
            "Pay Type": "Check",
            "Check #": "12345",
            "Payment Amount": 80,
            Memo: "Paper EOB",
          },
        ],
      },
      {
        kind: "appendRows",
        table: "Postings",
        rows: [
          {
            "Posting #": "PS0000005",
            "Payment #": "PM000813",
            "Charge #": "L1",
            "Posting Date": feb20,
            "Amount Paid": 70,
            Adj: 20,
            "Group Code": "CO",
            CARC: "45",
            "Posted From": "Manual",
          },
          {
            "Posting #": "PS0000006",
            "Payment #": "PM000813",
            "Charge #": "L1",
            "Posting Date": feb20,
            "Group Code": "PR",
            CARC: "3",
            "Pt Resp": 10,
            "Posted From": "Manual",
          },
        ],
      },
    ]);
    // The preview speaks our header names whatever the office calls its columns.
    expect(Object.keys(paid.preview[1].values)).toEqual([
      "PostingID",
      "PaymentID",
      "ChargeID",
      "Date",
      "Paid",
      "Adjustment",
      "Group",
      "Reason",
      "Patient Resp",
      "Source",
      "Reverses",
      "Note",
    ]);
    expect(await balancesInBook(book, ["L1"])).toEqual(paid.predicted);
    const sheet = (await book.readSheet("Payments"))!;
    expect(sheet.at(-1)![0]).toBeNull();

    const undone = planOf(
      await postThroughPanel(book, (ledger, ctx) => reversalPlan(ledger, ctx, ["PS0000005", "PS0000006"], "2026-02-21")),
    );
    expect(undone.plan.ops[0]).toMatchObject({
      rows: [
        { "Reversal Of": "PS0000005", "Amount Paid": -70, Adj: -20 },
        { "Reversal Of": "PS0000006", "Pt Resp": -10 },
      ],
    });
    const after = await balancesInBook(book, ["L1"]);
    expect(after).toEqual(undone.predicted);
    const { lastPaymentDate: _a, ...restored } = after[0];
    const { lastPaymentDate: _b, ...original } = before[0];
    expect(restored).toEqual(original);
  });
});

describe("an .xlsx file", () => {
  it("posted to, saved and opened again reads the balances the plan predicted", async () => {
    const books = { ...practiceBooks(), payers: FIXTURE_PAYERS };
    const file = XlsxWorkbook.create();
    const rowsOf = (def: TableDef, rows: object[]) => ({ ...createTableOp(def), rows: tableOf(def, rows, 1900).rows });
    await file.write([
      rowsOf(Charges, books.charges),
      rowsOf(Payments, books.payments),
      rowsOf(Postings, books.postings),
      rowsOf(Payers, books.payers),
    ]);
    const result = planOf(
      await postThroughPanel(file, (ledger, ctx) =>
        patientPaymentPlan(
          ledger,
          ctx,
          { from: { patientId: "P1" }, date: "2026-02-27", method: "Card", reference: "=cmd|' /C calc'!A0", amount: 12000 },
          "oldest-first",
        ),
      ),
    );
    const reopened = await XlsxWorkbook.load(await file.save());
    const { ledger } = await readLedger(reopened);
    expect(ledger.issues).toEqual([]);
    expect(lineBalances(ledger).filter((l) => ["L2", "L3", "L10"].includes(l.chargeId))).toEqual(result.predicted);
    expect(ledger.paymentById.get("PM000813")).toMatchObject({ reference: "=cmd|' /C calc'!A0", amount: 12000, patientId: "P1" });
    expect(ledger.postings.map((p) => p.postingId).slice(-3)).toEqual(["PS0000005", "PS0000006", "PS0000007"]);
    expect((await reopened.readSheet("Audit"))![1][1]).toBe("Post patient payment");
  });
});
