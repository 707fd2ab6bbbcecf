// Claims built from rows already parsed, with no workbook: what a claim carries when the Practice
// settings are left out, and the sheet rows it counts when none are given.
import { describe, expect, it } from "vitest";
import { buildClaims } from "../../src/claims/buildClaims";

describe("buildClaims, pure", () => {
  it("without Practice settings the claims carry an empty billing provider; sheet rows default to a header on row 1", () => {
    const { claims } = buildClaims({
      charges: [
        { chargeId: "L1", claimId: "C1", patientId: "P1", payerId: "SHP", dos: "2026-03-02", code: "99213", amount: 100, dx1: "Z23" },
      ],
      patients: [{ patientId: "P1", lastName: "A", firstName: "B", primaryPayerId: "SHP", primaryMemberId: "M1" }],
      payers: [{ payerId: "SHP", name: "Sample Health Plan", type: "Commercial" }],
    });
    expect(claims[0].billing).toEqual({ name: "", address: { lines: [] } });
    expect(claims[0].lines[0]).toMatchObject({ sheetRow: 2, units: 1, pointers: [1] });
    expect(claims[0].patient.memberId).toBe("M1");
  });

  it("takes the member ID beside the claim's payer: primary, secondary or tertiary", () => {
    const line = { claimId: "C1", patientId: "P1", dos: "2026-03-02", code: "99213", amount: 100, dx1: "Z23" };
    const { claims } = buildClaims({
      charges: [
        { ...line, chargeId: "L1", claimId: "C1", payerId: "SHP" },
        { ...line, chargeId: "L2", claimId: "C2", payerId: "mcd" },
        { ...line, chargeId: "L3", claimId: "C3", payerId: "SUP" },
      ],
      patients: [
        {
          patientId: "P1",
          lastName: "A",
          firstName: "B",
          primaryPayerId: "SHP",
          primaryMemberId: "M1",
          secondaryPayerId: "MCD",
          secondaryMemberId: "M2",
          tertiaryPayerId: "SUP",
          tertiaryMemberId: "M3",
        },
      ],
      payers: ["SHP", "MCD", "SUP"].map((payerId) => ({ payerId, name: payerId, type: "Commercial" as const })),
    });
    expect(claims.map((c) => [c.claimId, c.patient.memberId])).toEqual([
      ["C1", "M1"],
      ["C2", "M2"],
      ["C3", "M3"],
    ]);
  });
});
