// The Practice settings form's rules (src/workbook/practiceForm.ts): every setting the engine reads is
// on it, in the README's groups; each kind of value is checked and its mistake said as a sentence
// naming the setting; the form never takes a value the engine's own reader of that setting refuses;
// and the save plan writes only the changed settings, in the row the engine reads them from, adds the
// rows a table lacks, and writes nothing when anything is wrong.
import { describe, expect, it } from "vitest";
import { parseRulesOff, scrubClaims } from "../../src/claims/scrubber";
import { checkEin } from "../../src/codes/ein";
import { checkNpi, npiCheckDigit } from "../../src/codes/npi";
import { checkTaxonomyFormat } from "../../src/codes/taxonomy";
import { feePercent } from "../../src/collections/agencyRecovery";
import { contractsInTables } from "../../src/contracts/contracts";
import { followUpSettings } from "../../src/followup/followUpBooks";
import { planGraceDays } from "../../src/plans/planBooks";
import { readBuckets } from "../../src/reports/agingBuckets";
import { statementSettings } from "../../src/statements/statementBooks";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { applyPlan } from "../../src/workbook/plan";
import type { CellValue, RawTable } from "../../src/workbook/port";
import {
  changedSettings,
  PRACTICE_FORM,
  PRACTICE_GROUPS,
  practiceField,
  practiceProblems,
  practiceSettingsPlan,
  practiceTableProblem,
  practiceValues,
  savedValue,
  settingProblem,
  type PracticeField,
  type PracticeValues,
} from "../../src/workbook/practiceForm";
import { PRACTICE_SETTINGS } from "../../src/workbook/setup";
import { interchangeRefusals } from "../../src/x12/x12Writer";

const fieldOf = (name: string): PracticeField => {
  const f = practiceField(name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};
const problem = (name: string, value: string) => settingProblem(fieldOf(name), value);

/** A valid NPI starting with `first9`'s digits. */
const npi = (first9: string) => `${first9}${npiCheckDigit(first9)}`;
const GOOD_NPI = npi("123456789");
const BAD_NPI = `123456789${(npiCheckDigit("123456789") + 1) % 10}`;

function practiceTable(rows: [CellValue, CellValue][], headers = ["Setting", "Value"]): RawTable {
  return { name: "Practice", sheet: "Practice", headerRow: 1, rowCount: rows.length, headers, rows: rows.map((r) => [...r]) };
}

describe("the settings on the form", () => {
  it("are every setting Setup writes, and the others the engine reads, each once", () => {
    const names = PRACTICE_FORM.map((f) => f.name);
    for (const [setting] of PRACTICE_SETTINGS) expect(names).toContain(setting);
    for (const other of ["Plan Grace Days", "Collection Agency Fee %", "Address 2", "Receiver Name"]) expect(names).toContain(other);
    expect(new Set(names).size).toBe(names.length);
  });

  it("come in the README's groups, in its order, none empty", () => {
    const order = PRACTICE_FORM.map((f) => PRACTICE_GROUPS.indexOf(f.group));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const group of PRACTICE_GROUPS) expect(PRACTICE_FORM.some((f) => f.group === group)).toBe(true);
    expect(fieldOf("Submitter ID").group).toBe("Claims");
    expect(fieldOf("Plan Grace Days").group).toBe("Payment plans");
    expect(fieldOf("Collection Agency Fee %").group).toBe("Collections");
    expect(fieldOf("Underpayment Tolerance").group).toBe("Remittances");
  });

  it("each have a line of help", () => {
    for (const f of PRACTICE_FORM) expect(f.help, f.name).toMatch(/^[A-Z].{10,}\.$/);
  });

  it("are read under any name the engine finds them by, the first filled row winning", () => {
    const values = practiceValues(
      practiceTable([
        ["Telephone", "217-555-0199"],
        ["Billing NPI", " "],
        ["NPI", GOOD_NPI],
        ["Submitter ID", "000123"],
        ["Plan Grace Days", 15],
      ]),
    );
    expect(values.Phone).toBe("217-555-0199");
    expect(values["Billing NPI"]).toBe(GOOD_NPI);
    expect(values["Submitter ID"]).toBe("000123");
    expect(values["Plan Grace Days"]).toBe("15");
    expect(values["Receiver ID"]).toBe("");
  });
});

describe("a setting's check", () => {
  it("takes a blank value (the default, or none) for every setting", () => {
    for (const f of PRACTICE_FORM) expect(settingProblem(f, "  "), f.name).toBeUndefined();
  });

  it("runs the NPI check digit on the Billing NPI, naming the setting and the number", () => {
    expect(problem("Billing NPI", GOOD_NPI)).toBeUndefined();
    expect(problem("Billing NPI", BAD_NPI)).toBe(`Billing NPI ${BAD_NPI} fails the NPI check digit (mistyped?).`);
    expect(problem("Billing NPI", "12345")).toBe("Billing NPI 12345 has 5 digits; it needs 10.");
    expect(problem("Billing NPI", "12345678AB")).toMatch(/^Billing NPI 12345678AB must be 10 digits/);
  });

  it("takes a Tax ID of 9 digits and saves it NN-NNNNNNN, keeping a leading zero", () => {
    expect(problem("Tax ID", "012345678")).toBeUndefined();
    expect(savedValue(fieldOf("Tax ID"), "012345678")).toBe("01-2345678");
    expect(problem("Tax ID", "12-34567")).toBe('Tax ID "12-34567" has 7 digits: an EIN has 9, written NN-NNNNNNN.');
    expect(problem("Tax ID", "07-1234567")).toBe("Tax ID 07-1234567: prefix 07 is never issued by the IRS (mistyped?).");
    expect(problem("Tax ID", "123-45-6789")).toMatch(/^Tax ID: this looks like a Social Security number/);
  });

  it("takes a ZIP or ZIP+4, a phone of 10 digits, a US state's two letters", () => {
    for (const zip of ["62701", "62701-1234", "627011234", "02134-0001"]) expect(problem("ZIP", zip), zip).toBeUndefined();
    expect(problem("ZIP", "6270")).toBe('ZIP "6270" is not a ZIP code: write 5 digits, or ZIP+4 like 62701-1234.');
    expect(problem("ZIP", "62701-12")).toBeDefined();
    for (const phone of ["217-555-0100", "(217) 555-0100", "217.555.0100", "+1 217 555 0100"])
      expect(problem("Phone", phone)).toBeUndefined();
    expect(problem("Phone", "555-0100")).toBe(
      'Phone "555-0100" has 7 digits: write the 10-digit number with its area code, like 217-555-0100.',
    );
    expect(problem("Phone", "217-555-0100 x12")).toMatch(/may hold only digits/);
    expect(problem("State", "il")).toBeUndefined();
    expect(savedValue(fieldOf("State"), " il ")).toBe("IL");
    expect(problem("State", "Illinois")).toBe('State "Illinois" is not a state: write its two letters, like IL.');
    expect(problem("State", "ZZ")).toBe('State "ZZ" is not a US state\'s two letters, like IL.');
  });

  it("takes the days each reader takes: the least it allows and up, statements to 366", () => {
    expect(problem("Appeal Days", "0")).toBe('Appeal Days "0" is not a whole number of days 1 or more.');
    expect(problem("Appeal Days", "1")).toBeUndefined();
    expect(problem("Appeal Days", "45 days")).toBeUndefined();
    expect(problem("Filing Warning Days", "0")).toBeUndefined();
    expect(problem("Plan Grace Days", "0")).toBeUndefined();
    expect(problem("Plan Grace Days", "2.5")).toBe('Plan Grace Days "2.5" is not a whole number of days 0 or more.');
    expect(problem("Statement Due Days", "366")).toBeUndefined();
    expect(problem("Statement Due Days", "367")).toBe('Statement Due Days "367" is not a whole number of days from 0 to 366.');
    // The statements read digits only.
    expect(problem("Statement Cycle Days", "30 days")).toBeDefined();
  });

  it("reads amounts as the engine does, $0.00 or more", () => {
    expect(problem("Statement Minimum", "$5.00")).toBeUndefined();
    expect(problem("Underpayment Tolerance", "0")).toBeUndefined();
    expect(problem("Statement Minimum", "five")).toBe('Statement Minimum: "five" is not an amount (write it like 1234.50 or $1,234.50).');
    expect(problem("Underpayment Tolerance", "-1.00")).toBe("Underpayment Tolerance must be $0.00 or more, not -1.00.");
    expect(problem("Statement Minimum", "1.005")).toMatch(/fraction of a cent/);
  });

  it("takes a fee percent from 0 to under 100", () => {
    expect(problem("Collection Agency Fee %", "25%")).toBeUndefined();
    expect(problem("Collection Agency Fee %", "100")).toBe('Collection Agency Fee % "100" is not a percent from 0 to under 100, like 25.');
  });

  it("reads Aging Buckets with the aging report's reader: rising whole days", () => {
    expect(problem("Aging Buckets", "30, 60, 90")).toBeUndefined();
    expect(problem("Aging Buckets", "30, 20")).toBe(
      "Aging Buckets: 20 comes after 30: each bucket must end later than the one before, like 30, 60, 90, 120.",
    );
  });

  it("takes only known scrub rules that can be turned off", () => {
    expect(problem("Scrub Rules Off", "billing-zip-plus4, DUPLICATE-LINE")).toBeUndefined();
    expect(problem("Scrub Rules Off", "billing-zip, zip4")).toBe(
      'Scrub Rules Off: "billing-zip", "zip4" are not scrub rule ids (the scrub report lists them, like billing-zip-plus4).',
    );
    expect(problem("Scrub Rules Off", "claim-total")).toBe(
      "Scrub Rules Off: claim-total cannot be turned off: the claim file could not carry such a claim.",
    );
  });

  it("takes an X12 header ID of 1 to 15 allowed characters", () => {
    expect(problem("Submitter ID", "000123")).toBeUndefined();
    expect(problem("Receiver ID", "CLEAR HOUSE-1")).toBeUndefined();
    expect(problem("Submitter ID", "A".repeat(16))).toBe(
      `Submitter ID "${"A".repeat(16)}" has 16 characters: an X12 header holds at most 15.`,
    );
    expect(problem("Receiver ID", "AB*C~")).toBe(
      'Receiver ID "AB*C~" has "*" "~" in it, which an X12 header ID cannot hold: type it exactly as your clearinghouse gave it.',
    );
    expect(problem("Submitter ID", "ÄBC")).toMatch(/has "Ä" in it/);
  });

  it("never refuses the control number MedBill keeps, whatever it holds", () => {
    expect(problem("Last Interchange Control #", "not a number")).toBeUndefined();
  });

  it("lists every mistake by setting", () => {
    const values: PracticeValues = { "Billing NPI": BAD_NPI, ZIP: "1", "Submitter ID": "OK1" };
    expect(Object.keys(practiceProblems(values)).sort()).toEqual(["Billing NPI", "ZIP"]);
  });
});

/** Values a biller might type, good and bad, for the agreement test. */
const TRIES = [
  "0",
  "1",
  "30",
  "366",
  "367",
  "30 days",
  "-1",
  "2.5",
  "1e2",
  "0x1A",
  "days",
  "5.00",
  "$5.00",
  "(5.00)",
  "1.005",
  "25%",
  "99.9",
  "100",
  "30,60,90",
  "30 60 30",
  "billing-zip-plus4",
  "claim-total",
  "nope",
  "ABC*1",
  "A".repeat(16),
  "SUBMITTER 01",
  GOOD_NPI,
  BAD_NPI,
  "12-3456789",
  "07-1234567",
  "207Q00000X",
  "207Q0000",
];

/** Whether the engine's own reader of the setting takes the value without falling back to a default; undefined: none to ask. */
function engineTakes(f: PracticeField, value: string): boolean | undefined {
  const table = practiceTable([[f.name, value]]);
  switch (f.name) {
    case "Statement Due Days":
    case "Statement Cycle Days":
    case "Statement Minimum":
      return statementSettings([{ setting: f.name, value }]).problems.every((p) => !p.includes(`"${f.name}"`));
    case "Underpayment Tolerance":
      return contractsInTables({ Practice: table }, 1900).problems.length === 0;
    case "Plan Grace Days":
      return planGraceDays(table, 1900).problem === undefined;
    case "Collection Agency Fee %":
      return feePercent(value) !== undefined;
    case "Aging Buckets":
      return readBuckets(value).ok;
    case "Scrub Rules Off":
      return scrubClaims([], { today: "2026-06-30", rulesOff: parseRulesOff(value) }).rulesNotOff.length === 0;
    case "Submitter ID":
    case "Receiver ID":
      return interchangeRefusals({ sender: { id: value }, receiver: { id: value } }).length === 0;
    case "Billing NPI":
      return checkNpi(value).ok;
    case "Tax ID":
      return checkEin(value).ok;
    case "Taxonomy":
      return checkTaxonomyFormat(value).ok;
    default:
      if (f.group === "Follow-up") return followUpSettings(table, 1900).problems.length === 0;
      return undefined;
  }
}

describe("the form and the engine", () => {
  it("never takes a value the engine's reader of that setting refuses", () => {
    let asked = 0;
    for (const f of PRACTICE_FORM) {
      for (const value of TRIES) {
        const engine = engineTakes(f, value);
        if (engine === undefined) continue;
        asked++;
        if (settingProblem(f, value) === undefined) expect(engine, `${f.name} "${value}"`).toBe(true);
      }
    }
    expect(asked).toBeGreaterThan(300);
  });

  it("refuses a day count just below the least each reader takes, as the reader does", () => {
    for (const f of PRACTICE_FORM.filter((g) => g.kind === "days")) {
      const least = f.least ?? 0;
      expect(settingProblem(f, String(least)), f.name).toBeUndefined();
      expect(engineTakes(f, String(least)) ?? true, f.name).toBe(true);
      if (least > 0) {
        expect(settingProblem(f, String(least - 1)), f.name).toBeDefined();
        expect(engineTakes(f, String(least - 1)), f.name).toBe(false);
      }
      if (f.most !== undefined) expect(engineTakes(f, String(f.most + 1)), f.name).toBe(false);
    }
  });
});

describe("the save plan", () => {
  const rows: [CellValue, CellValue][] = [
    ["Practice Name", "Sampleton"],
    ["Telephone", "217-555-0199"],
    ["Submitter ID", null],
    ["Statement Due Days", 30],
    ["Billing NPI", GOOD_NPI],
    ["Last Interchange Control #", "41"],
  ];
  const read = practiceValues(practiceTable(rows));

  async function workbookWith(table = practiceTable(rows)): Promise<MemoryWorkbook> {
    return MemoryWorkbook.withTables([{ name: "Practice", headers: table.headers, rows: table.rows }]);
  }
  async function practiceRows(workbook: MemoryWorkbook): Promise<CellValue[][]> {
    return (await workbook.readTables(["Practice"])).Practice!.rows.map((r) => r.slice(0, 2));
  }

  it("writes the changed settings only: their Value cells, in the row the engine reads, and a row for each one missing", async () => {
    const typed = { ...read, Phone: "217-555-0100", "Submitter ID": "000123", "Receiver ID": "CLEARHOUSE", ZIP: "02134-0001" };
    expect(changedSettings(read, typed).map((f) => f.name)).toEqual(["ZIP", "Phone", "Submitter ID", "Receiver ID"]);
    const planned = practiceSettingsPlan(practiceTable(rows), read, typed);
    if (planned.kind !== "plan") throw new Error(JSON.stringify(planned));
    expect(planned.saved).toEqual(["ZIP", "Phone", "Submitter ID", "Receiver ID"]);
    const [set, append] = planned.plan.ops;
    // Only the changed cells, as text; the phone in the Telephone row, where the engine reads it.
    expect(set).toEqual({
      kind: "setCells",
      table: "Practice",
      cells: [
        { row: 1, column: "Value", value: "217-555-0100", numberFormat: "@" },
        { row: 2, column: "Value", value: "000123", numberFormat: "@" },
      ],
    });
    expect(append).toEqual({
      kind: "appendRows",
      table: "Practice",
      rows: [
        { Setting: "ZIP", Value: "02134-0001" },
        { Setting: "Receiver ID", Value: "CLEARHOUSE" },
      ],
    });
    expect(planned.plan.ops).toHaveLength(2);

    const workbook = await workbookWith();
    await applyPlan(workbook, planned.plan, new Date(2026, 5, 30, 9, 0, 0));
    const after = practiceValues((await workbook.readTables(["Practice"])).Practice);
    expect(after).toMatchObject({ Phone: "217-555-0100", "Submitter ID": "000123", "Receiver ID": "CLEARHOUSE", ZIP: "02134-0001" });
    // Identifiers stay text, leading zeros and all.
    const written = await practiceRows(workbook);
    expect(written).toContainEqual(["Submitter ID", "000123"]);
    expect(written).toContainEqual(["ZIP", "02134-0001"]);
    const audit = (await workbook.readTables(["Audit"])).Audit!;
    expect(audit.rows).toHaveLength(1);
    const record = Object.fromEntries(audit.headers.map((h, i) => [h, audit.rows[0][i]]));
    expect(record).toMatchObject({ Action: "Practice settings", What: "saved 4 Practice settings: ZIP, Phone, Submitter ID, Receiver ID" });
  });

  it("is nothing to do when nothing changed, a state's case or an EIN's hyphen included", () => {
    const table = practiceTable([...rows, ["State", "IL"], ["Tax ID", "123456789"]]);
    const now = practiceValues(table);
    expect(practiceSettingsPlan(table, now, { ...now, State: "il", "Tax ID": "12-3456789" })).toEqual({ kind: "unchanged" });
  });

  it("blanks every filled row of a setting cleared, so no other row takes its place", () => {
    const table = practiceTable([...rows, ["Phone #", "217-555-0111"]]);
    const now = practiceValues(table);
    const planned = practiceSettingsPlan(table, now, { ...now, Phone: "" });
    if (planned.kind !== "plan") throw new Error(planned.kind);
    expect(planned.plan.ops).toEqual([
      {
        kind: "setCells",
        table: "Practice",
        cells: [
          { row: 1, column: "Value", value: null, numberFormat: "@" },
          { row: 6, column: "Value", value: null, numberFormat: "@" },
        ],
      },
    ]);
  });

  it("writes nothing while any value does not read, and says which", async () => {
    const workbook = await workbookWith();
    const before = await practiceRows(workbook);
    const planned = practiceSettingsPlan(practiceTable(rows), read, { ...read, "Submitter ID": "OK", "Billing NPI": BAD_NPI });
    expect(planned).toEqual({
      kind: "invalid",
      problems: { "Billing NPI": `Billing NPI ${BAD_NPI} fails the NPI check digit (mistyped?).` },
    });
    expect(await practiceRows(workbook)).toEqual(before);
    expect((await workbook.readTables(["Audit"])).Audit).toBeUndefined();
  });

  it("is refused without a Practice table, or one without its Value column", () => {
    expect(practiceSettingsPlan(undefined, read, read)).toEqual({
      kind: "refused",
      problem: "The workbook has no Practice table: click Create missing tables first, then enter the settings.",
    });
    const noValue = practiceTable([["Submitter ID", null]], ["Setting", "Notes"]);
    expect(practiceTableProblem(noValue)).toBe(
      'The Practice table (Practice sheet) has no "Value" column: add it, then save the settings again.',
    );
  });

  it("is refused when someone changed a setting being saved since the form was read", () => {
    const now = practiceTable(rows.map(([s, v]) => [s, s === "Submitter ID" ? "THEIRS" : v]));
    const planned = practiceSettingsPlan(now, read, { ...read, "Submitter ID": "MINE" });
    expect(planned).toEqual({
      kind: "refused",
      problem: "Submitter ID changed in the workbook since the settings were read: click Refresh, then enter your change again.",
    });
    // A change to another setting meanwhile is kept: only this one is written.
    const other = practiceSettingsPlan(now, read, { ...read, "Receiver ID": "CLEARHOUSE" });
    if (other.kind !== "plan") throw new Error(other.kind);
    expect(other.plan.ops).toEqual([{ kind: "appendRows", table: "Practice", rows: [{ Setting: "Receiver ID", Value: "CLEARHOUSE" }] }]);
  });
});
