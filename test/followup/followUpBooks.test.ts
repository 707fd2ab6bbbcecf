// What the worklists read besides the ledger, in a biller's words: the Practice's follow-up settings
// (defaults where blank, a bad one said and defaulted), a FollowUp row that does not read (said, not
// counted), and where an item is in the Charges table for the pane to show it.
import { describe, expect, it } from "vitest";
import { followUpSettings, itemPlaces, readFollowUp } from "../../src/followup/followUpBooks";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { Charges, Payers, Payments, Postings, Practice } from "../../src/workbook/tables";
import { charge, FIXTURE_PAYERS, posting, tableOf } from "../ledger/ledgerFixtures";

describe("followUpSettings", () => {
  it("takes Setup's defaults where blank and the office's values where given", () => {
    expect(followUpSettings(undefined, 1900)).toEqual({
      settings: { responseDays: 30, appealDays: 90, warningDays: 30, filingDays: 90 },
      problems: [],
    });
    const practice = {
      ...tableOf(
        Practice,
        [
          { setting: "No Response Days", value: "45 days" },
          { setting: "appeal days", value: "120" },
          { setting: "Filing Warning Days", value: "0" },
        ],
        1900,
      ),
      sheet: "Practice",
      rowCount: 3,
      headerRow: 1,
    };
    expect(followUpSettings(practice, 1900)).toEqual({
      settings: { responseDays: 45, appealDays: 120, warningDays: 0, filingDays: 90 },
      problems: [],
    });
  });

  it("says a setting that is not a whole number of days, and uses the default until it is fixed", () => {
    const practice = {
      ...tableOf(
        Practice,
        [
          { setting: "Appeal Days", value: "ninety" },
          { setting: "No Response Days", value: "0" },
        ],
        1900,
      ),
      sheet: "Practice",
      rowCount: 2,
      headerRow: 1,
    };
    expect(followUpSettings(practice, 1900)).toEqual({
      settings: { responseDays: 30, appealDays: 90, warningDays: 30, filingDays: 90 },
      problems: [
        'Practice setting "No Response Days": "0" is not a whole number of days (1 or more); 30 is used until it is corrected.',
        'Practice setting "Appeal Days": "ninety" is not a whole number of days (1 or more); 90 is used until it is corrected.',
      ],
    });
  });
});

describe("readFollowUp", () => {
  const charges = [
    charge("L1", { claimId: "C1", dos: "2026-04-01", billedDate: "2026-04-02" }),
    charge("L2", { claimId: "C2", dos: "2026-04-20", billedDate: "2026-05-01" }),
  ];
  const postings = [posting("T1", "L1", { group: "CO", reason: "50", paid: 0, adjustment: 0, date: "2026-05-01" })];
  const workbook = () =>
    MemoryWorkbook.withTables(
      [
        tableOf(Charges, charges, 1900),
        tableOf(Payments, [], 1900),
        tableOf(Postings, postings, 1900),
        tableOf(Payers, FIXTURE_PAYERS, 1900),
        {
          name: "FollowUp",
          headers: ["Date", "ClaimID", "Status"],
          rows: [
            ["2026-06-01", "C2", "Closed"],
            ["2026-06-02", "C1", "Pending"],
          ],
        },
      ],
      1900,
    );

  it("says a FollowUp row that does not read and leaves it out; the lists still come", async () => {
    const read = await readFollowUp(workbook(), "2026-06-30");
    expect(read.problems).toEqual([
      'FollowUp row 3, Status: "Pending" is not a follow-up status (use one of: Open, Appealed, Resubmitted, Written off, Closed): that follow-up row is not counted until it is fixed.',
    ]);
    expect(read.lists.denied.map((d) => [d.chargeId, d.standing.status])).toEqual([["L1", "Open"]]);
    expect(read.lists.silent).toEqual([]);
    expect(read.lists.done).toBe(1);
    expect(read.lists.underpaid).toBeUndefined();
    expect(read.hasContracts).toBe(false);
  });

  it("places a line at its ChargeID cell and a claim at its first line's Billed Date", async () => {
    const read = await readFollowUp(workbook(), "2026-06-30", { includeDone: true });
    const place = itemPlaces(read.ledger, read.tables.Charges);
    expect(place(read.lists.denied[0])).toEqual({ table: "Charges", sheet: "Charges", row: 2, bodyIndex: 0, column: "ChargeID" });
    expect(place(read.lists.silent[0])).toEqual({ table: "Charges", sheet: "Charges", row: 3, bodyIndex: 1, column: "Billed Date" });
  });
});
