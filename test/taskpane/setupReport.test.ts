import { describe, expect, it } from "vitest";
import { inspectWorkbook } from "../../src/workbook/setup";
import type { WorkbookInfo } from "../../src/workbook/port";
import { createdMessage, listInWords, setupSummary, tableReport } from "../../taskpane/setup/setupReport";

const info: WorkbookInfo = {
  sheets: ["Visits", "Pay"],
  dateSystem: 1900,
  tables: [
    // An office's own Charges sheet: aliases for most fields, no amount column, one column of its own.
    {
      name: "Charges",
      sheet: "Visits",
      headers: ["Line #", "Claim ID", "Acct", "Payer", "Date of Service", "CPT", "Room"],
      rowCount: 12,
      headerRow: 1,
    },
    { name: "Payments", sheet: "Pay", headers: ["PaymentID", "Date", "Amount"], rowCount: 3, headerRow: 1 },
  ],
};

describe("the Setup panel's report", () => {
  const reports = inspectWorkbook(info).map(tableReport);
  const charges = reports.find((r) => r.table === "Charges")!;

  it("names each mapped field by our header and the office's header it was found under", () => {
    expect(charges.mapped).toContainEqual({ field: "DOS", header: "Date of Service" });
    expect(charges.mapped).toContainEqual({ field: "ChargeID", header: "Line #" });
    expect(charges.mapped).toContainEqual({ field: "Code", header: "CPT" });
  });

  it("lists missing required columns, missing optional ones and the office's extra columns apart", () => {
    expect(charges.missingRequired).toEqual(["Amount"]);
    expect(charges.missingOptional).toContain("Billed Date");
    expect(charges.missingOptional).not.toContain("Amount");
    expect(charges.extras).toEqual(["Room"]);
    expect(charges.sheet).toBe("Visits");
    expect(charges.rowCount).toBe(12);
  });

  it("gives a missing table the columns Setup would create", () => {
    const postings = reports.find((r) => r.table === "Postings")!;
    expect(postings.present).toBe(false);
    expect(postings.columns.slice(0, 3)).toEqual(["PostingID", "PaymentID", "ChargeID"]);
    expect(postings.mapped).toEqual([]);
  });

  it("sums up found, missing and incomplete tables", () => {
    const summary = setupSummary(reports);
    expect(summary.found).toBe(2);
    expect(summary.missing).toEqual([
      "Practice",
      "Patients",
      "Payers",
      "Providers",
      "FeeSchedule",
      "Contracts",
      "Postings",
      "ProviderAdjustments",
      "Statements",
      "FollowUp",
      "ClaimStatus",
      "PaymentPlans",
      "Refunds",
      "PeriodClose",
      "Audit",
    ]);
    expect(summary.incomplete).toEqual(["Charges"]);
  });

  it("says what was created in words", () => {
    expect(createdMessage({ tablesCreated: ["Payments", "Postings", "Audit"] })).toBe("Created 3 tables: Payments, Postings and Audit.");
    expect(createdMessage({ tablesCreated: ["Payments"] })).toBe("Created 1 table: Payments.");
    expect(listInWords([])).toBe("");
  });
});
