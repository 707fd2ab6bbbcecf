// The aging sheet's Name column (issue 19): a payer row is named from Payers, an account row from
// Patients ("Doe, Jane"), whichever section it is in and however the report is keyed; the Reports
// panel's run reads Patients for it. The Audit row still names no patient.
import { describe, expect, it } from "vitest";
import { agingReport } from "../../src/reports/aging";
import { agingPatientNames, agingSheetPlan } from "../../src/reports/agingSheet";
import { samplePractice } from "../../src/sample/practiceSample";
import { parseTable } from "../../src/workbook/mapTable";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue, ReportSheetOp } from "../../src/workbook/port";
import { Patients, type PayerRow } from "../../src/workbook/tables";
import { runReport } from "../../taskpane/reports/reportRun";
import { charge, ledgerOf, payment, posting } from "../ledger/ledgerFixtures";

const AS_OF = "2026-06-30";
// P1 owes $30 after MCR's PR posting on B; P2 owes $70 on a self-pay line; MCR owes $150.
const charges = [
  charge("A", { claimId: "CL1", patientId: "P1", dos: "2026-06-10", amount: 10000 }),
  charge("B", { claimId: "CL2", patientId: "P1", dos: "2026-02-20", amount: 20000 }),
  charge("C", { claimId: "CL3", patientId: "P2", payerId: "SELF", dos: "2026-04-01", amount: 8000 }),
];
const payments = [payment("PM1", 12000, { date: "2026-03-20" }), payment("PM3", 1000, { patientId: "P2", date: "2026-05-15" })];
const postings = [
  posting("S1", "B", { paymentId: "PM1", date: "2026-03-20", paid: 12000, patientResp: 3000, group: "PR", reason: "1" }),
  posting("S3", "C", { paymentId: "PM3", date: "2026-05-15", paid: 1000 }),
];
const payers: PayerRow[] = [{ payerId: "MCR", name: "Medicare", type: "Medicare" }];
const ledger = ledgerOf({ charges, payments, postings, payers });
const names = agingPatientNames([
  { patientId: "P1", lastName: "Doe", firstName: "Jane" },
  { patientId: "P2", lastName: "Roe", firstName: "Richard" },
  { patientId: "P2", lastName: "Later", firstName: "Row" },
]);

/** Section, key and name of each summary row of the sheet. */
function summary(op: ReportSheetOp): CellValue[][] {
  const header = op.headerRow!;
  const rows: CellValue[][] = [];
  for (let r = header + 1; op.cells[r][0] === "Insurance" || op.cells[r][0] === "Patient"; r++) rows.push(op.cells[r].slice(0, 3));
  return rows;
}

describe("the aging sheet's Name column", () => {
  it("names each account row from Patients, last name first; the first row of a repeated id wins", () => {
    expect([...names]).toEqual([
      ["P1", "Doe, Jane"],
      ["P2", "Roe, Richard"],
    ]);
    const report = agingReport(ledger, { asOf: AS_OF });
    const op = agingSheetPlan(report, { patientNames: names }).ops[0] as ReportSheetOp;
    expect(summary(op)).toEqual([
      ["Insurance", "MCR", "Medicare"],
      ["Patient", "P1", "Doe, Jane"],
      ["Patient", "P2", "Roe, Richard"],
    ]);
    // Without the names (as before the fix) the patient rows were blank.
    const unnamed = agingSheetPlan(report).ops[0] as ReportSheetOp;
    expect(
      summary(unnamed)
        .filter((r) => r[0] === "Patient")
        .map((r) => r[2]),
    ).toEqual([null, null]);
  });

  it("names both sections by account when keyed by patient, and by payer when keyed by payer", () => {
    const byPatient = agingSheetPlan(agingReport(ledger, { asOf: AS_OF, by: "patient" }), { by: "patient", patientNames: names });
    expect(summary(byPatient.ops[0] as ReportSheetOp)).toEqual([
      ["Insurance", "P1", "Doe, Jane"],
      ["Patient", "P1", "Doe, Jane"],
      ["Patient", "P2", "Roe, Richard"],
    ]);
    const byPayer = agingSheetPlan(agingReport(ledger, { asOf: AS_OF, by: "payer" }), { by: "payer", patientNames: names });
    const rows = summary(byPayer.ops[0] as ReportSheetOp);
    expect(rows.find((r) => r[0] === "Patient" && r[1] === "MCR")?.[2]).toBe("Medicare");
    expect(rows.map((r) => r[2])).not.toContain("Doe, Jane");
  });

  it("is filled by the Reports panel's run from the workbook's Patients, with no name in the Audit row", async () => {
    const workbook = new MemoryWorkbook();
    await applyPlan(workbook, samplePractice({ lines: 200, asOf: "2026-06-30" }));
    const run = await runReport(workbook, { kind: "aging", asOf: "2026-05-31", basis: "dos", bounds: [30, 60, 90, 120] });
    if (!run.ok) throw new Error(run.error);
    const { dateSystem } = await workbook.describe();
    const patients = parseTable(Patients, (await workbook.readTables(["Patients"])).Patients!, dateSystem).rows;
    const cells = (await workbook.readSheet(run.outcome.sheet))!;
    const patientRows = cells.filter((r) => r[0] === "Patient");
    expect(patientRows.length).toBeGreaterThan(0);
    for (const row of patientRows) {
      const p = patients.find((x) => x.patientId === row[1])!;
      expect(row[2]).toBe(`${p.lastName}, ${p.firstName}`);
    }
    const audit = JSON.stringify((await workbook.readTables(["Audit"])).Audit!.rows);
    for (const row of patientRows) expect(audit).not.toContain(String(row[2]));
  });
});
