// Adjustment codes in a biller's words, with the next action (src/era/adjustmentReasons.ts). Each case
// below is worked out by hand from the group rule (PR is the patient's; CO the provider's; OA and PI
// for review unless nothing is owed or another payer is) and the reason's own meaning.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustmentMeaning, describeAdjustment, remarkWords, type NextAction } from "../../src/era/adjustmentReasons";

const ACTIONS: NextAction[] = [
  "nothing to do",
  "bill the patient",
  "correct and resubmit",
  "appeal",
  "bill another payer",
  "write off",
  "review",
];

describe("adjustmentMeaning", () => {
  it.each([
    // group, reason, action
    ["CO", "45", "nothing to do"], // paid as contracted
    ["CO", "253", "nothing to do"], // sequestration
    ["PR", "1", "bill the patient"], // deductible
    ["PR", "2", "bill the patient"], // coinsurance
    ["PR", "3", "bill the patient"], // copay
    ["CO", "16", "correct and resubmit"], // missing information
    ["CO", "11", "correct and resubmit"], // diagnosis does not support the procedure
    ["CO", "4", "correct and resubmit"], // modifier
    ["CO", "50", "appeal"], // medical necessity
    ["CO", "197", "appeal"], // no authorization
    ["CO", "29", "write off"], // timely filing
    ["CO", "22", "bill another payer"], // coordination of benefits
    ["CO", "109", "bill another payer"], // not this payer's
    ["OA", "23", "nothing to do"], // the prior payer's adjudication
    ["OA", "18", "nothing to do"], // duplicate
    ["CO", "96", "review"], // non-covered, but the provider's unless a waiver was signed
    ["PR", "96", "bill the patient"], // non-covered and the patient's
    ["PR", "50", "bill the patient"], // not necessary, the patient signed for it
    ["PI", "50", "review"], // the payer's own reduction
    ["OA", "22", "bill another payer"],
  ] as const)("%s-%s: %s", (group, reason, action) => {
    const meaning = adjustmentMeaning(group, reason);
    expect(meaning.action).toBe(action);
    expect(meaning.known).toBe(true);
    expect(meaning.code).toBe(`${group}-${reason}`);
  });

  it("says what the common codes mean in its own words", () => {
    expect(adjustmentMeaning("PR", "1").words).toBe("deductible");
    expect(adjustmentMeaning("CO", "50").words).toBe("not medically necessary, in the payer's judgment");
    expect(describeAdjustment(adjustmentMeaning("CO", "50"))).toBe("CO-50 not medically necessary, in the payer's judgment: appeal");
  });

  it("reads codes as written: any case, spaces around", () => {
    expect(adjustmentMeaning(" co ", " b7 ")).toMatchObject({ code: "CO-B7", known: true, action: "review" });
    expect(adjustmentMeaning("co", "45 ")).toMatchObject({ code: "CO-45", action: "nothing to do" });
  });

  it("gives an unknown code the group's general answer and says it is not in the list", () => {
    const unknown = adjustmentMeaning("CO", "Z98");
    expect(unknown).toMatchObject({ code: "CO-Z98", known: false, action: "review" });
    expect(unknown.words).toBe("reason Z98, not in MedBill's list: see the payer's remittance advice");
    // Under PR an unknown reason is still the patient's to pay.
    expect(adjustmentMeaning("PR", "Z98")).toMatchObject({ known: false, action: "bill the patient" });
    expect(adjustmentMeaning("OA", "")).toMatchObject({ code: "OA", words: "other adjustment", action: "review" });
    expect(adjustmentMeaning(undefined, undefined)).toMatchObject({ code: "(no code)", action: "review" });
  });

  it("uses the office's own wording when it imported a list, keeping MedBill's action", () => {
    const office = (code: string) => (code === "50" ? "Not medically necessary (our wording)" : undefined);
    expect(adjustmentMeaning("CO", "50", office)).toMatchObject({ words: "Not medically necessary (our wording)", action: "appeal" });
    expect(adjustmentMeaning("CO", "16", office).words).toBe("information is missing or wrong on the claim (see the remark codes)");
  });

  it("never throws and always names one of the actions, whatever the file holds", () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), (group, reason) => {
        const meaning = adjustmentMeaning(group, reason);
        expect(ACTIONS).toContain(meaning.action);
        expect(meaning.words.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("remarkWords", () => {
  it("says a common remark code in words, the office's wording first, nothing for one it does not know", () => {
    expect(remarkWords("n130")).toBe("see the plan's benefit limits for this service");
    expect(remarkWords(" M15 ")).toBe("paid as part of another procedure billed with it");
    expect(remarkWords("N999")).toBeUndefined();
    expect(remarkWords("")).toBeUndefined();
    expect(remarkWords("N999", (code) => (code === "N999" ? "Office wording" : undefined))).toBe("Office wording");
  });
});
