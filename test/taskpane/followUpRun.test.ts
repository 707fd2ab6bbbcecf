// The Follow-up panel's work without React, on the hand-made books in a memory workbook as of
// 2026-06-30: the lists read in a fixed number of calls with each item's Charges cell; a status set
// (the FollowUp table made, an Audit row) and shown on the lists read again; a write-off posting what
// the payer owes and taking the claim off its list; refusals writing nothing; and a fee schedule
// previewed and imported, after which the Underpaid list is made; an appeal letter on its sheet.
import { describe, expect, it } from "vitest";
import type { RawTable, Workbook } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import {
  importContracts,
  previewContracts,
  readContractFile,
  readFollowUpBooks,
  setStatus,
  writeAppealLetter,
  writeOff,
  type ContractFile,
} from "../../taskpane/followup/followUpRun";
import { AS_OF as APPEAL_AS_OF, appealWorkbook } from "../followup/appealFixtures";
import { ledgerWorkbook } from "../ledger/ledgerFixtures";
import { AS_OF, FOLLOW_UP_BOOKS } from "./followUpFixtures";

function books(): MemoryWorkbook {
  return ledgerWorkbook(FOLLOW_UP_BOOKS);
}

async function table(workbook: Workbook, name: string): Promise<Record<string, unknown>[] | undefined> {
  const raw: RawTable | undefined = (await workbook.readTables([name]))[name];
  return raw?.rows.map((row) => Object.fromEntries(raw.headers.map((h, i) => [h, row[i]])));
}

/** The workbook, counting its reads. */
function counted(workbook: Workbook) {
  const calls = { describe: 0, readTables: 0 };
  const proxy = new Proxy(workbook, {
    get(target, key, receiver) {
      if (key === "describe" || key === "readTables") calls[key]++;
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { workbook: proxy, calls };
}

const csv = (text: string) => new TextEncoder().encode(text);

describe("reading the lists", () => {
  it("makes the four lists (Underpaid not, without contract rates) in a fixed number of reads", async () => {
    const { workbook, calls } = counted(books());
    const read = await readFollowUpBooks(workbook, AS_OF, false);
    expect(calls).toEqual({ describe: 1, readTables: 2 });
    expect(read.lists.denied.map((d) => d.chargeId)).toEqual(["L2", "L1"]);
    expect(read.lists.silent.map((s) => s.claimId)).toEqual(["C3"]);
    expect(read.lists.nearLimit.map((s) => s.claimId)).toEqual(["C5", "C4"]);
    expect(read.lists.underpaid).toBeUndefined();
    expect(read).toMatchObject({ hasContracts: false, includeDone: false, problems: [] });
    expect(read.payers).toEqual([
      { payerId: "MCR", name: "Medicare Part B" },
      { payerId: "SEC", name: "Second Health Plan" },
      { payerId: "SELF", name: "Self-pay" },
    ]);
  });

  it("finds each item's cell in Charges: a line's ChargeID, a claim's first line's Billed Date", async () => {
    const read = await readFollowUpBooks(books(), AS_OF, false);
    // The header is sheet row 1: L1 is the first body row (2), L5 the fifth (6).
    expect(read.placeOf(read.lists.denied[1])).toEqual({ table: "Charges", sheet: "Charges", row: 2, bodyIndex: 0, column: "ChargeID" });
    expect(read.placeOf(read.lists.nearLimit[0])).toEqual({
      table: "Charges",
      sheet: "Charges",
      row: 6,
      bodyIndex: 4,
      column: "Billed Date",
    });
  });
});

describe("setting a status", () => {
  it("adds a FollowUp row (making the table) with the Audit row, and the lists read again show it", async () => {
    const workbook = books();
    const read = await readFollowUpBooks(workbook, AS_OF, false);
    const { workbook: watched, calls } = counted(workbook);
    const result = await setStatus(
      watched,
      read.dateSystem,
      {
        items: [{ list: "Denied", claimId: "C1", chargeId: "L1" }],
        status: "Appealed",
        date: AS_OF,
        followUpDate: "2026-07-15",
        note: "Records sent",
      },
      AS_OF,
    );
    expect(result).toMatchObject({ ok: true, what: "1 item set to Appealed, follow up 2026-07-15" });
    // One read of the FollowUp table before the write (applyPlan's own describe is the write's).
    expect(calls.readTables).toBe(1);
    const rows = await table(workbook, "FollowUp");
    expect(rows).toHaveLength(1);
    expect(rows![0]).toMatchObject({ ClaimID: "C1", ChargeID: "L1", List: "Denied", Status: "Appealed", Note: "Records sent" });
    expect((await table(workbook, "Audit"))!.map((r) => r.Action)).toEqual(["Follow-up"]);
    const again = await readFollowUpBooks(workbook, AS_OF, false);
    expect(again.lists.denied.find((d) => d.chargeId === "L1")!.standing).toEqual({
      status: "Appealed",
      since: AS_OF,
      followUpDate: "2026-07-15",
      note: "Records sent",
    });
  });

  it("refuses a follow-up date before the action and writes nothing", async () => {
    const workbook = books();
    const result = await setStatus(
      workbook,
      1900,
      { items: [{ list: "No response", claimId: "C3" }], status: "Resubmitted", date: AS_OF, followUpDate: "2026-06-01" },
      AS_OF,
    );
    expect(result).toEqual({
      ok: false,
      problems: ["The follow-up date 2026-06-01 is before 2026-06-30: choose a day to come back to it."],
    });
    expect(await table(workbook, "FollowUp")).toBeUndefined();
    expect(await table(workbook, "Audit")).toBeUndefined();
  });
});

describe("writing off", () => {
  it("posts what the payer owes on each line of the claim as WO, marks it Written off, and takes it off its list", async () => {
    const workbook = books();
    const result = await writeOff(
      workbook,
      { items: [{ list: "Filing limit", claimId: "C5" }], reason: "Timely filing missed", date: AS_OF },
      AS_OF,
    );
    expect(result).toMatchObject({ ok: true, what: "1 item written off (2 lines, $150.00)" });
    const postings = (await table(workbook, "Postings"))!.filter((p) => p.Group === "WO");
    expect(postings.map((p) => [p.ChargeID, p.Adjustment])).toEqual([
      ["L5", 100],
      ["L7", 50],
    ]);
    expect((await table(workbook, "FollowUp"))![0]).toMatchObject({ ClaimID: "C5", Status: "Written off", Note: "Timely filing missed" });
    const again = await readFollowUpBooks(workbook, AS_OF, false);
    expect(again.lists.nearLimit.map((c) => c.claimId)).toEqual(["C4"]);
    expect(again.lists.done).toBe(0); // paid off in full: no longer owed, so not even counted as done
  });

  it("refuses a write-off without a reason, or of nothing owed, and writes nothing", async () => {
    const workbook = books();
    expect(
      await writeOff(workbook, { items: [{ list: "Denied", claimId: "C1", chargeId: "L1" }], reason: " ", date: AS_OF }, AS_OF),
    ).toEqual({
      ok: false,
      problems: ["Say why the office is writing it off (for example: denial not appealed, timely filing missed)."],
    });
    // C6's payer share is settled (paid, CO-45, deductible): nothing for the payer to write off.
    expect(
      await writeOff(workbook, { items: [{ list: "Underpaid", claimId: "C6", chargeId: "L6" }], reason: "Short pay", date: AS_OF }, AS_OF),
    ).toEqual({
      ok: false,
      problems: ["The payer owes nothing on these lines: there is nothing to write off."],
    });
    expect(await table(workbook, "Audit")).toBeUndefined();
  });
});

describe("importing contract rates", () => {
  function file(text: string, name = "rates.csv"): ContractFile {
    const read = readContractFile(name, csv(text));
    if (!read.ok) throw new Error(read.problem);
    return read.file;
  }

  it("previews the file against the Contracts table, then imports it, and the Underpaid list is made", async () => {
    const workbook = books();
    const read = await readFollowUpBooks(workbook, AS_OF, false);
    const rates = file("Code,Allowed\n99213,90.00\n99214,125.00\n");
    const preview = previewContracts(rates, read, { payerId: "MCR" });
    expect(preview).toMatchObject({ ok: true, notes: [] });
    expect(preview.ok && preview.rows.map((r) => [r.payerId, r.code, r.allowed])).toEqual([
      ["MCR", "99213", 9000],
      ["MCR", "99214", 12500],
    ]);
    expect(await table(workbook, "Contracts")).toBeUndefined();

    const imported = await importContracts(workbook, rates, { payerId: "MCR", from: "2026-01-01" });
    expect(imported).toMatchObject({ ok: true, what: "2 contract rates for MCR from rates.csv", notes: [] });
    expect((await table(workbook, "Contracts"))!.map((r) => r.Code)).toEqual(["99213", "99214"]);
    const again = await readFollowUpBooks(workbook, AS_OF, false);
    expect(again.hasContracts).toBe(true);
    expect(again.lists.underpaid!.map((u) => [u.chargeId, u.variance])).toEqual([["L6", -1000]]);

    // The same rates again: they overlap the ones just imported, and the preview says so.
    const overlap = previewContracts(rates, again, { payerId: "MCR", from: "2026-03-01" });
    expect(overlap.ok && overlap.notes).toEqual([expect.stringMatching(/^2 of the new rates overlap earlier ones/)]);
  });

  it("refuses a file without a payer, and one that is not a fee schedule", async () => {
    const workbook = books();
    const result = await importContracts(workbook, file("Code,Allowed\n99213,90.00\n"), {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^rates\.csv has no PayerID column/);
    expect(await table(workbook, "Contracts")).toBeUndefined();
    expect(readContractFile("notes.csv", csv("just some words"))).toEqual({
      ok: false,
      problem: "notes.csv is not a CSV or tab-separated file with a header row (Code, Allowed, ...).",
    });
  });
});

describe("writing an appeal letter", () => {
  it("puts the claim's selected lines on an 'Appeal' sheet with the Audit row; again, it replaces the sheet", async () => {
    const workbook = appealWorkbook();
    const written = await writeAppealLetter(workbook, APPEAL_AS_OF, "C1", ["L1", "L2"]);
    expect(written).toMatchObject({ ok: true, sheet: "Appeal C1" });
    const cells = (await workbook.readSheet("Appeal C1"))!.flat().filter((c) => typeof c === "string");
    // L1 denied CO-50; L2 allowed $70.00 + $18.00 = $88.00 against the $95.00 contract: $7.00 short.
    expect(cells.some((c) => c.includes("CO-50"))).toBe(true);
    expect(cells).toContain("Re: Request for reconsideration");
    const audit = (await table(workbook, "Audit"))!;
    expect(audit.map((r) => r.Action)).toEqual(["Appeal letter"]);
    expect(await writeAppealLetter(workbook, APPEAL_AS_OF, "C1", ["L1"])).toMatchObject({ ok: true, sheet: "Appeal C1" });
    expect((await table(workbook, "Audit"))!).toHaveLength(2);
  });

  it("refuses a claim with nothing to appeal in a sentence, and writes nothing", async () => {
    const workbook = appealWorkbook();
    const written = await writeAppealLetter(workbook, APPEAL_AS_OF, "C2", ["L4"]);
    expect(written.ok).toBe(false);
    if (!written.ok) expect(written.problems[0]).toMatch(/C2/);
    expect(await workbook.readSheet("Appeal C2")).toBeUndefined();
    expect(await table(workbook, "Audit")).toBeUndefined();
  });
});
