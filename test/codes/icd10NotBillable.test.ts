// Why a diagnosis is not billable, as the workbook's code check and the MEDBILL functions both word it:
// the one rule, with each caller's way of showing a date, on two fiscal years in which E87.2 became a
// header (E87.20 added under it), S62.501 and T36.0X1 wait for a 7th character and E11 is a category.
import { describe, expect, it } from "vitest";
import { icd10HeaderReason, icd10UnknownReason } from "../../src/codes/icd10NotBillable";
import { icd10Years, smallLibrary } from "../functions/smallCodeSets";

const library = smallLibrary(icd10Years());
const usDate = (iso: string) => iso.replace(/^(\d{4})-(\d\d)-(\d\d)$/, (_, y: string, m: string, d: string) => `${+m}/${+d}/${y}`);

describe("icd10HeaderReason", () => {
  it("names a billable 7th character for a 6-character header", () => {
    expect(icd10HeaderReason(library, "T360X1", "FY2023", "2023-01-15")).toBe(
      "T36.0X1 needs a 7th character, like T36.0X1A (FY2023 ICD-10-CM)",
    );
    expect(icd10HeaderReason(library, "S62501", "FY2023")).toBe("S62.501 needs a 7th character, like S62.501A (FY2023 ICD-10-CM)");
  });

  it("says a code became a header this year when the year before had it billable, in the caller's date style", () => {
    expect(icd10HeaderReason(library, "E872", "FY2023", "2022-10-01")).toBe(
      "E87.2 is not billable on 2022-10-01 (FY2023): it became a category header in FY2023, use a code under it",
    );
    expect(icd10HeaderReason(library, "E872", "FY2023", "2022-10-01", usDate)).toBe(
      "E87.2 is not billable on 10/1/2022 (FY2023): it became a category header in FY2023, use a code under it",
    );
  });

  it("calls it a category header when there is no date to compare years by, or it was never billable", () => {
    expect(icd10HeaderReason(library, "E872", "FY2023")).toBe(
      "E87.2 is a category header, not billable (FY2023 ICD-10-CM): use a code under it",
    );
    expect(icd10HeaderReason(library, "E11", "FY2023", "2023-01-15")).toBe(
      "E11 is a category header, not billable (FY2023 ICD-10-CM): use a code under it",
    );
  });
});

describe("icd10UnknownReason", () => {
  it("says which year added or deleted the code when a neighbouring year is loaded", () => {
    expect(icd10UnknownReason(library, "E8720", "FY2022", "2022-09-30", usDate)).toBe(
      "E87.20 is not in the FY2022 ICD-10-CM code set (date of service 9/30/2022): it was added in FY2023",
    );
  });

  it("gives the bare answer without a date of service, or when no neighbouring year has the code", () => {
    expect(icd10UnknownReason(library, "E1199", "FY2023")).toBe("E11.99 is not in the FY2023 ICD-10-CM code set");
    expect(icd10UnknownReason(library, "E1199", "FY2023", "2023-01-15")).toBe(
      "E11.99 is not in the FY2023 ICD-10-CM code set (date of service 2023-01-15)",
    );
  });
});
