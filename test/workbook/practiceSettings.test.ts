// The Practice table's settings as every reader finds them: one rule for a setting's name (case,
// spacing and punctuation aside, "#" too, "+" kept), the first filled-in row winning, the other names
// an office gives a setting, and a setting's rows in the table as read.
import { describe, expect, it } from "vitest";
import { practiceSetting, PracticeSettings, SETTING_NAMES, settingKey, settingRows } from "../../src/workbook/practiceSettings";
import type { RawTable } from "../../src/workbook/port";

describe("a setting's name", () => {
  it("is one setting whatever its case, spacing, punctuation or a trailing #", () => {
    for (const name of ["Submitter ID", "submitter_id", "SUBMITTER-ID", " Submitter  ID "]) expect(settingKey(name)).toBe("submitterid");
    // Claims once kept "#" and statements dropped it: "Phone #" was the phone for a statement only.
    expect(settingKey("Phone #")).toBe(settingKey("Phone"));
    expect(settingKey("Last Interchange Control #")).toBe(settingKey("Last Interchange Control"));
  });

  it("keeps + so that ZIP+4 and Dunning 90+ stay names of their own", () => {
    expect(settingKey("ZIP+4")).not.toBe(settingKey("ZIP 4"));
    expect(settingKey("Dunning 90+")).toBe("dunning90+");
  });
});

describe("PracticeSettings", () => {
  it("the first filled row of a setting wins, trimmed", () => {
    const settings = PracticeSettings.fromRows([
      { setting: "Receiver ID", value: " " },
      { setting: "receiver id", value: " RCV1 " },
      { setting: "RECEIVER-ID", value: "RCV2" },
    ]);
    expect(settings.get("Receiver ID")).toBe("RCV1");
  });

  it("finds a setting under any of the names an office gives it, ours first", () => {
    const settings = PracticeSettings.fromRows([
      { setting: "Telephone", value: "217-555-0199" },
      { setting: "Phone #", value: "217-555-0100" },
    ]);
    expect(practiceSetting(settings, ...SETTING_NAMES.phone)).toBe("217-555-0100");
    expect(practiceSetting(new PracticeSettings(), ...SETTING_NAMES.phone)).toBeUndefined();
  });
});

describe("settingRows", () => {
  const practice: RawTable = {
    name: "Practice",
    sheet: "Practice",
    headerRow: 1,
    rowCount: 4,
    headers: ["Setting", "Value"],
    rows: [
      ["Practice Name", "Sampleton"],
      [null, null],
      ["Last Interchange Control #", "41"],
      ["last interchange control", "40"],
    ],
  };

  it("are the body indexes of every row naming the setting, first first", () => {
    expect(settingRows(practice, "Last Interchange Control #")).toEqual([2, 3]);
    expect(settingRows(practice, "Submitter ID")).toEqual([]);
    // "Key" is one of the names an office gives the Setting column.
    expect(settingRows({ ...practice, headers: ["Key", "Value"] }, "Practice Name")).toEqual([0]);
  });

  it("are none when the table has no Setting column", () => {
    expect(settingRows({ ...practice, headers: ["Item", "Value"] }, "Practice Name")).toEqual([]);
  });
});
