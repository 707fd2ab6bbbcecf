// Whether a HCPCS Level II code may be billed on a date, as the workbook's code check and the MEDBILL
// functions both word it, on the 2019 file: Q0001 discontinued 6/30/2019, J1100 active all year.
import { describe, expect, it } from "vitest";
import { hcpcsOnDate } from "../../src/codes/hcpcsOnDate";
import { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { hcpcs2019, smallLibrary } from "../functions/smallCodeSets";

const library = smallLibrary([hcpcs2019()]);
const usDate = (iso: string) => iso.replace(/^(\d{4})-(\d\d)-(\d\d)$/, (_, y: string, m: string, d: string) => `${+m}/${+d}/${y}`);

describe("hcpcsOnDate", () => {
  it("is active up to a code's termination date, and names both dates after it, in the caller's date style", () => {
    expect(hcpcsOnDate(library, "Q0001", "2019-06-30")).toEqual({ status: "active" });
    expect(hcpcsOnDate(library, "Q0001", "2019-07-01")).toEqual({
      status: "not-valid",
      reason: "Q0001 was discontinued on 2019-06-30: not valid on 2019-07-01",
    });
    expect(hcpcsOnDate(library, "Q0001", "2019-07-01", usDate)).toEqual({
      status: "not-valid",
      reason: "Q0001 was discontinued on 6/30/2019: not valid on 7/1/2019",
    });
  });

  it("says a code is not in the set, with the date only when there is one", () => {
    expect(hcpcsOnDate(library, "J9998", "2019-03-01")).toEqual({
      status: "not-valid",
      reason: "J9998 is not in the HCPCS Level II code set on 2019-03-01",
    });
    expect(hcpcsOnDate(library, "J9998")).toEqual({ status: "not-valid", reason: "J9998 is not in the HCPCS Level II code set" });
  });

  it("cannot answer without a HCPCS file", () => {
    expect(hcpcsOnDate(CodeSetLibrary.empty(), "J1100", "2019-03-01")).toEqual({ status: "not-loaded" });
  });
});
