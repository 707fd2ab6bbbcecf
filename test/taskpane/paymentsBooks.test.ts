// The Post payments panel's reading of the workbook and its whole round trip without React: the
// books read from a memory workbook, the form read into the engine's inputs, the plan applied, and
// the books read again showing the new balances; then the same posting reversed.
import { describe, expect, it } from "vitest";
import { lineBalances as ledgerBalances } from "../../src/ledger/balances";
import { patientPaymentPlan, reversalPlan, openLines } from "../../src/ledger/postingPlans";
import { applyPlan, createTableOp } from "../../src/workbook/plan";
import { mapColumns, rowToCells } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { Charges, Patients, type PatientRow } from "../../src/workbook/tables";
import {
  filterLines,
  findPatients,
  openLineViews,
  patientChoices,
  patientLabel,
  payerChoices,
  readPaymentBooks,
  type PatientChoice,
} from "../../taskpane/payments/paymentBooks";
import { BLANK_LINE, entriesFromPreview, newPaymentForm, readPaymentForm } from "../../taskpane/payments/paymentForm";
import { firstNewRow } from "../../taskpane/payments/planPreview";
import { charge, ledgerOf, ledgerWorkbook, payment, posting } from "../ledger/ledgerFixtures";

const PATIENTS: PatientRow[] = [
  { patientId: "P1", lastName: "Doe", firstName: "Jane" },
  { patientId: "P2", lastName: "Roe", firstName: "Richard" },
  { patientId: "P10", lastName: "Doering", firstName: "Ann" },
];

// P1 owes $20.00 copay on L1 (2026-01-05) and $100.00 self-pay on L3 (2026-02-10); L2 is still with Medicare.
const TABLES = {
  charges: [
    charge("L1", { dos: "2026-01-05" }),
    charge("L2", { dos: "2026-01-20", amount: 5000 }),
    charge("L3", { dos: "2026-02-10", payerId: "SELF", claimId: "CL3" }),
    charge("L4", { patientId: "P2", claimId: "CL4", code: "36415", mod1: "25" }),
  ],
  payments: [payment("PM000001", 8000)],
  postings: [
    posting("PS000001", "L1", { paymentId: "PM000001", paid: 8000 }),
    posting("PS000002", "L1", { paymentId: "PM000001", group: "PR", reason: "3", patientResp: 2000 }),
  ],
};

async function workbookWithPatients() {
  const workbook = ledgerWorkbook(TABLES);
  const op = createTableOp(Patients);
  const mapping = mapColumns(Patients, op.headers);
  const rows = PATIENTS.map((p) => {
    const cells = rowToCells(Patients, mapping, p);
    return op.headers.map((h) => cells[h] ?? null);
  });
  await workbook.write([{ ...op, rows }]);
  return workbook;
}

describe("the panel's books", () => {
  it("reads balances, payers (not the self-pay account) and patients with what each owes", async () => {
    const books = await readPaymentBooks(await workbookWithPatients(), "2026-03-10");
    expect(books.missing).toEqual([]);
    expect(books.unreadable).toBe(0);
    expect(books.ctx.today).toBe("2026-03-10");
    expect(books.payers).toEqual([
      { payerId: "MCR", name: "Medicare Part B", open: 5000 + 10000 },
      { payerId: "SEC", name: "Second Health Plan", open: 0 },
    ]);
    expect(books.patients).toEqual([
      { patientId: "P1", name: "Doe, Jane", due: 12000 },
      { patientId: "P2", name: "Roe, Richard", due: 0 },
      { patientId: "P10", name: "Doering, Ann", due: 0 },
    ]);
  });

  it("says which tables a posting needs that the workbook lacks", async () => {
    const onlyCharges = MemoryWorkbook.withTables([{ name: "Charges", headers: createTableOp(Charges).headers, rows: [] }]);
    const books = await readPaymentBooks(onlyCharges);
    expect(books.missing).toEqual(["Payments", "Postings"]);
    expect(books.payers).toEqual([]);
    expect(books.patients).toEqual([]);
  });

  it("lists a patient's open lines oldest first with code, claim and shares", () => {
    const ledger = ledgerOf(TABLES);
    const views = openLineViews(ledger, openLines(ledger, { patientId: "P1" }), patientChoices(PATIENTS, []));
    expect(views.map((v) => [v.chargeId, v.dos, v.code, v.patientShare, v.balance, v.patient])).toEqual([
      ["L1", "2026-01-05", "99213", 2000, 2000, "Doe, Jane"],
      ["L3", "2026-02-10", "99213", 10000, 10000, "Doe, Jane"],
    ]);
    const p2 = openLineViews(ledger, openLines(ledger, { payerId: "MCR" }), []);
    expect(p2.find((v) => v.chargeId === "L4")?.code).toBe("36415-25");
    expect(filterLines(p2, "cl4").map((v) => v.chargeId)).toEqual(["L4"]);
    expect(filterLines(p2, "2026-01-20").map((v) => v.chargeId)).toEqual(["L2"]);
    expect(filterLines(p2, " ")).toHaveLength(p2.length);
  });
});

describe("finding a patient", () => {
  const choices: PatientChoice[] = [
    { patientId: "P1", name: "Doe, Jane", due: 500 },
    { patientId: "P2", name: "Roe, Richard", due: 0 },
    { patientId: "P10", name: "Doering, Ann", due: 9000 },
    { patientId: "X7", name: "", due: 100 },
  ];

  it("with nothing typed, lists who owes, most first", () => {
    expect(findPatients(choices, "").map((c) => c.patientId)).toEqual(["P10", "P1", "X7"]);
  });

  it("finds by the start of a PatientID (an exact ID first) or by every word of a name, in any order", () => {
    expect(findPatients(choices, "p1").map((c) => c.patientId)).toEqual(["P1", "P10"]);
    expect(findPatients(choices, "doe").map((c) => c.patientId)).toEqual(["P10", "P1"]);
    expect(findPatients(choices, "jane doe").map((c) => c.patientId)).toEqual(["P1"]);
    expect(findPatients(choices, "Doe, J").map((c) => c.patientId)).toEqual(["P1"]);
    expect(findPatients(choices, "smith")).toEqual([]);
    expect(findPatients(choices, "", 1)).toHaveLength(1);
  });

  it("labels a patient by name and ID, or the ID alone", () => {
    expect(patientLabel(choices[0])).toBe("Doe, Jane · P1");
    expect(patientLabel(choices[3])).toBe("X7");
  });

  it("offers a PatientID billed without a Patients row", () => {
    const ledger = ledgerOf({ charges: [charge("L1", { patientId: "NEW1", payerId: "SELF" })] });
    expect(patientChoices([], ledgerBalances(ledger))).toEqual([{ patientId: "NEW1", name: "", due: 10000 }]);
    expect(payerChoices(ledger, ledgerBalances(ledger)).map((p) => p.payerId)).toEqual(["MCR", "SEC"]);
  });
});

describe("posting from the form and reversing, end to end in a memory workbook", () => {
  it("a patient's payment applied oldest first changes the balances, and its reversal restores them", async () => {
    const workbook = await workbookWithPatients();
    const books = await readPaymentBooks(workbook, "2026-03-10");
    const form = { ...newPaymentForm("2026-03-10", { patientId: "P1" }), method: "Card" as const, amount: "$50" };
    const open = openLines(books.ledger, { patientId: "P1" });

    // "Apply oldest first": the plan fills the lines, $20.00 to L1 and $30.00 to L3.
    const inputs = readPaymentForm(form, {}, [], books.ctx.dateSystem);
    expect(inputs).toMatchObject({ ok: true, lines: "oldest-first" });
    if (!inputs.ok) return;
    const planned = patientPaymentPlan(books.ledger, books.ctx, inputs.payment, inputs.lines);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const entries = entriesFromPreview(planned.preview, {});
    expect(entries).toEqual({ L1: { ...BLANK_LINE, paid: "$20.00" }, L3: { ...BLANK_LINE, paid: "$30.00" } });
    // The filled lines, read back, ask the engine for the same rows.
    const again = readPaymentForm(
      form,
      entries,
      open.map((l) => l.chargeId),
    );
    expect(again.ok && again.lines).toEqual([
      { chargeId: "L1", paid: 2000 },
      { chargeId: "L3", paid: 3000 },
    ]);

    const applied = await applyPlan(workbook, planned.plan);
    expect(applied.rowsAppended).toBe(1 + 2 + 1);
    const after = await readPaymentBooks(workbook, "2026-03-10");
    expect(after.patients.find((p) => p.patientId === "P1")?.due).toBe(12000 - 5000);
    expect(openLines(after.ledger, { patientId: "P1" }).map((l) => [l.chargeId, l.patientShare])).toEqual([["L3", 7000]]);
    // The new rows begin after the two postings the fixture had.
    const where = firstNewRow(after.ctx.info, planned.preview);
    expect(where).toEqual({ table: "Postings", sheet: "Postings", row: 4, bodyIndex: 2, column: "PostingID" });

    const newIds = planned.preview.filter((r) => r.table === "Postings").map((r) => String(r.values.PostingID));
    const reversal = reversalPlan(after.ledger, after.ctx, newIds, "2026-03-10");
    expect(reversal.ok).toBe(true);
    if (!reversal.ok) return;
    await applyPlan(workbook, reversal.plan);
    const restored = await readPaymentBooks(workbook, "2026-03-10");
    expect(restored.patients.find((p) => p.patientId === "P1")?.due).toBe(12000);
    // Every share and balance as before (only the date of the last payment seen moved on).
    const shares = (lines: typeof books.lines) => lines.map(({ lastPaymentDate: _last, ...rest }) => rest);
    expect(shares(restored.lines)).toEqual(shares(books.lines));
  });
});
