// The practice as a claim's billing provider, from its Practice settings under any name an office
// gives them.
import { describe, expect, it } from "vitest";
import { billingProvider } from "../../src/claims/billingProvider";
import { PracticeSettings } from "../../src/workbook/practiceSettings";

describe("billingProvider", () => {
  it("reads each setting under the office's own name for it", () => {
    const settings = PracticeSettings.fromRows([
      { setting: "Name", value: "Sampleton Family Medicine" },
      { setting: "Street", value: "100 Sample Way" },
      { setting: "Suite", value: "Suite 200" },
      { setting: "city", value: "Sampleton" },
      { setting: "STATE", value: "IL" },
      { setting: "ZIP+4", value: "62701-1234" },
      { setting: "Group NPI", value: "1234567893" },
      { setting: "EIN", value: "12-3456789" },
      { setting: "Taxonomy Code", value: "207Q00000X" },
      { setting: "Telephone", value: "217-555-0100" },
    ]);
    expect(billingProvider(settings)).toEqual({
      name: "Sampleton Family Medicine",
      npi: "1234567893",
      ein: "12-3456789",
      taxonomy: "207Q00000X",
      phone: "217-555-0100",
      address: { lines: ["100 Sample Way", "Suite 200"], city: "Sampleton", state: "IL", zip: "62701-1234" },
    });
  });

  it('reads "Phone #" as the phone, as statements always did (claims once kept the "#" and found no phone)', () => {
    const settings = PracticeSettings.fromRows([{ setting: "Phone #", value: "217-555-0100" }]);
    expect(billingProvider(settings).phone).toBe("217-555-0100");
  });
});
