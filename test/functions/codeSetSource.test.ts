// Where the functions get their code sets: what the task pane hands over wins; before that, the sets
// are read from the workbook once, however many cells ask at the same time; a read that fails puts its
// message in the cells that needed a set (format-only answers still come) and is tried again next time.
// The direct calls also pin the shapes a function accepts outside a spreadsheet.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { codeSetsForFunctions, forgetCodeSets, useCodeSets } from "../../functions/codeSetSource";
import { CODECHECK, HCPCS, ICD10, NDC11, POS } from "../../functions/functions";
import { CodeSetLibrary } from "../../src/codes/codeSetLibrary";
import { codeSetImportPlan, loadCodeSets } from "../../src/codes/codeSetStore";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import { hcpcs2019, icd10Years, smallLibrary } from "./smallCodeSets";
import { CUSTOM_FUNCTIONS_STAND_IN, StandInError } from "./spreadsheet";

const call = (f: (...args: any[]) => unknown, ...args: unknown[]) => f(...args) as Promise<unknown[][]>;

beforeAll(() => vi.stubGlobal("CustomFunctions", CUSTOM_FUNCTIONS_STAND_IN));
afterEach(() => forgetCodeSets());
afterAll(() => vi.unstubAllGlobals());

/** A loader the test settles by hand, counting how often it was asked. */
function slowLoader() {
  let settle!: { resolve: (l: CodeSetLibrary) => void; reject: (e: Error) => void };
  const loader = vi.fn(
    () =>
      new Promise<CodeSetLibrary>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  return { loader, settle: () => settle };
}

describe("the code sets the functions use", () => {
  it("reads the workbook once for many cells asking at the same time, then keeps what it read", async () => {
    const { loader, settle } = slowLoader();
    forgetCodeSets(loader);
    const calls = [call(ICD10, [["E11.9"]]), call(ICD10, [["E11"]], null), call(HCPCS, [["G0439"]], [[43525]])];
    expect(loader).toHaveBeenCalledTimes(1);
    settle().resolve(smallLibrary());
    expect(await Promise.all(calls)).toEqual([[[true]], [[false]], [[true]]]);
    expect(await call(ICD10, [["E119"]])).toEqual([[true]]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it("reads the sets stored in a workbook (the Excel loader reads the same way through the Excel adapter)", async () => {
    const workbook = new MemoryWorkbook();
    for (const set of [...icd10Years(), hcpcs2019()])
      await applyPlan(workbook, codeSetImportPlan(await workbook.describe(), set, "2026-11-27"));
    forgetCodeSets(() => loadCodeSets(workbook));
    expect(await call(ICD10, [["E87.2"], ["E87.2"]], [["2022-09-30"], ["2022-10-01"]])).toEqual([[true], [false]]);
    expect(await call(HCPCS, [["Q0001"]], [["2019-07-01"]])).toEqual([[false]]);
  });

  it("puts a failed read's message in the cells that need a set, answers the rest, and tries again next time", async () => {
    const loader = vi.fn().mockRejectedValueOnce(new Error("the workbook is busy")).mockResolvedValue(smallLibrary());
    forgetCodeSets(loader);
    const first = await call(ICD10, [["E11.9"], ["S62.5X0"], [""]]);
    expect(first[0][0]).toBeInstanceOf(StandInError);
    expect(first[0][0]).toMatchObject({
      code: "#N/A",
      message: "the code sets in this workbook could not be read (the workbook is busy): open the Codes panel to check them",
    });
    expect(first.slice(1)).toEqual([[false], [""]]);
    expect(await call(CODECHECK, [["E11.9"]], null, null)).toEqual([["OK"]]);
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it("lets the task pane's newer sets win over a read of the workbook still under way", async () => {
    const { loader, settle } = slowLoader();
    forgetCodeSets(loader);
    const pending = codeSetsForFunctions();
    const imported = smallLibrary();
    useCodeSets(imported);
    settle().resolve(CodeSetLibrary.empty());
    await pending;
    expect(await codeSetsForFunctions()).toBe(imported);
  });

  it("never reads the workbook when the task pane has handed sets over", async () => {
    const loader = vi.fn(async () => CodeSetLibrary.empty());
    forgetCodeSets(loader);
    useCodeSets(smallLibrary());
    expect(await call(ICD10, [["E11.9"]])).toEqual([[true]]);
    expect(loader).not.toHaveBeenCalled();
  });
});

describe("shapes outside a spreadsheet", () => {
  it("answers a single value (not wrapped in a range) as a 1x1 range, and a flat list as a column", async () => {
    useCodeSets(smallLibrary());
    expect(await call(ICD10, "E11.9", "2022-09-30")).toEqual([[true]]);
    expect(await call(ICD10, ["E11.9", "E11"])).toEqual([[true], [false]]);
    expect(POS(11 as unknown as unknown[][])).toEqual([[true]]);
    expect(NDC11([["1234-5678-90"], [""]])).toEqual([["01234567890"], [""]]);
  });

  it("keeps a failure inside one cell to that cell", async () => {
    const broken = smallLibrary();
    vi.spyOn(broken, "icd10").mockImplementation((code) => {
      if (code === "E119") throw new Error("index damaged");
      return { status: "billable", version: "FY2023", description: "" };
    });
    useCodeSets(broken);
    const result = await call(ICD10, [["E11.9"], ["E11"]]);
    expect(result[0][0]).toMatchObject({ code: "#VALUE!", message: "this cell could not be checked (index damaged)" });
    expect(result[1]).toEqual([true]);
  });
});
