// What the Follow-up panel shows, as plain data, on a hand-made ledger as of 2026-06-30 whose figures are
// worked out in the comments: each list's section (count and total in its header, a sentence when empty,
// the Underpaid list without contract rates), each kind of row (claim, line, payer, the key figure, the
// next step, the standing), the selection as the actions name it, the action and contract forms read
// into the engine's inputs, the books' problems as a short warning, and the sentences after a write.
import { describe, expect, it } from "vitest";
import { ContractRates } from "../../src/contracts/contracts";
import { FollowUpBook } from "../../src/followup/standing";
import type { Rejection } from "../../src/claims/claimHistory";
import { followUpLists, type FollowUpSettings } from "../../src/followup/worklists";
import type { FollowUpRow } from "../../src/workbook/tables";
import {
  SECTIONS,
  appealTarget,
  appealWrittenMessage,
  contractPreview,
  daysLeftText,
  doneNote,
  importedMessage,
  itemKey,
  keepListed,
  problemsWarning,
  readActionForm,
  readAsOf,
  readContractForm,
  refusedMessage,
  sectionViews,
  selectedItems,
  selectionSummary,
  standingText,
  writtenMessage,
} from "../../taskpane/followup/followUpView";
import { ledgerOf } from "../ledger/ledgerFixtures";
import { AS_OF, FOLLOW_UP_BOOKS } from "./followUpFixtures";

const SETTINGS: FollowUpSettings = { responseDays: 30, appealDays: 90, warningDays: 30, filingDays: 90 };

const LEDGER = ledgerOf(FOLLOW_UP_BOOKS);
const CONTRACTS = { rates: new ContractRates([{ payerId: "MCR", code: "99213", allowed: 9000 }]), tolerance: 100 };

function lists(options: { rows?: FollowUpRow[]; contracts?: boolean; includeDone?: boolean; rejections?: Map<string, Rejection> } = {}) {
  return followUpLists(LEDGER, {
    asOf: AS_OF,
    settings: SETTINGS,
    book: new FollowUpBook(options.rows ?? [], AS_OF),
    contracts: options.contracts === false ? undefined : CONTRACTS,
    includeDone: options.includeDone,
    rejections: options.rejections,
  });
}

describe("the sections", () => {
  it("are the five lists in order, each header with its count and total", () => {
    const sections = sectionViews(lists(), true);
    expect(sections.map((s) => s.title)).toEqual(["Denied", "Underpaid", "No response", "Filing limit", "Rejected"]);
    expect(sections.map((s) => s.list)).toEqual(SECTIONS.map((s) => s.list));
    expect(sections.map((s) => s.summary)).toEqual([
      "2 · $300.00 open",
      "1 · $10.00 short",
      "1 · $100.00 open",
      "2 · $250.00 to bill",
      "0 · $0.00 open",
    ]);
    expect(sections.slice(0, 4).every((s) => s.empty === undefined && !s.needsContracts)).toBe(true);
    expect(sections[4].empty).toBe(
      "No claim stands rejected by a clearinghouse or payer as of 2026-06-30 (read from the acknowledgements imported).",
    );
  });

  it("list a claim a 277CA rejected under Rejected, with the reason and the days left to file, and not under No response", () => {
    const rejections = new Map([["C3", { date: "2026-05-12", source: "277CA", reason: "A7: member ID invalid", sequence: "Primary" }]]);
    const sections = sectionViews(lists({ rejections }), true);
    expect(sections[2].items).toEqual([]);
    // C3: MCR (365 days) from its 05-01 service: 2027-05-01, 305 days left.
    expect(sections[4].items[0]).toMatchObject({
      key: "Rejected|C3|",
      ref: { list: "Rejected", claimId: "C3" },
      amountText: "$100.00 open",
      figures: ["Rejected 2026-05-12 by 277CA: A7: member ID invalid", "File by 2027-05-01: 305 days left"],
      late: false,
    });
    expect(sections[4].next).toBe("Never in the payer's system: correct each claim and send it again before its filing limit.");
  });

  it("say in a sentence why Underpaid is not checked without contract rates, and offer the import", () => {
    const without = sectionViews(lists({ contracts: false }), false)[1];
    expect(without).toMatchObject({ title: "Underpaid", items: [], summary: "not checked", needsContracts: true });
    expect(without.empty).toBe(
      "This workbook has no contract rates, so payments cannot be checked against them: import a payer's fee schedule below.",
    );
    const unreadable = sectionViews(lists({ contracts: false }), true)[1];
    expect(unreadable.empty).toMatch(/^The Contracts table has no rate that can be read/);
  });

  it("say so when a list is empty as of the date", () => {
    const early = followUpLists(LEDGER, { asOf: "2026-01-01", settings: SETTINGS, contracts: CONTRACTS });
    const sections = sectionViews(early, true);
    expect(sections[0]).toMatchObject({ summary: "0 · $0.00 open", empty: "No denied line is still owed by its payer as of 2026-01-01." });
    expect(sections[2].empty).toBe("No billed claim has waited past its payer's response days as of 2026-01-01.");
  });
});

describe("a row", () => {
  const [denied, underpaid, silent, filing] = sectionViews(lists(), true);

  it("of a denial: the reason in words, when it was denied, the appeal date and days, the next step", () => {
    // Sorted by days left: C2 (12 days past) before C1 (30 days left).
    const [late, soon] = denied.items;
    expect(late).toMatchObject({
      key: "Denied|C2|L2",
      ref: { list: "Denied", claimId: "C2", chargeId: "L2" },
      claimId: "C2",
      what: "99214 · L2",
      payerId: "SEC",
      amount: 20000,
      amountText: "$200.00 open",
      figures: [
        "CO-16 information is missing or wrong on the claim (see the remark codes): correct and resubmit",
        "Denied 2026-03-20; appeal by 2026-06-18 (12 days past)",
      ],
      late: true,
      status: "Open",
      standing: "",
      due: false,
    });
    expect(soon.figures).toEqual([
      "CO-50 not medically necessary, in the payer's judgment: appeal",
      "Denied 2026-05-01; appeal by 2026-07-30 (30 days left)",
    ]);
    expect(denied.next).toBe("Each reason ends with the next step; an appeal goes in by the date shown.");
    expect(soon.late).toBe(false);
  });

  it("of an underpayment: expected, allowed and variance, and what was paid when", () => {
    expect(underpaid.items[0]).toMatchObject({
      ref: { list: "Underpaid", claimId: "C6", chargeId: "L6" },
      what: "99213 · L6",
      amountText: "$10.00 short",
      sub: "99213 · L6 · served 2026-03-09",
      figures: ["Expected $90.00 · allowed $80.00 · variance -$10.00", "Paid $60.00 on 2026-04-01"],
    });
    expect(underpaid.next).toBe("Next: ask the payer to reprocess each line at the contract rate.");
  });

  it("of a claim with no answer: the billed date and the days waiting, the whole claim named", () => {
    expect(silent.items[0]).toMatchObject({
      key: "No response|C3|",
      ref: { list: "No response", claimId: "C3" },
      what: "1 line",
      amountText: "$100.00 open",
      figures: ["Billed 2026-05-10: 51 days without an answer (the payer's limit is 30)"],
      late: false,
    });
    expect(silent.items[0].ref).not.toHaveProperty("chargeId");
  });

  it("of a claim near its filing limit: the limit date and days left, or past the limit", () => {
    const [past, near] = filing.items;
    expect(past).toMatchObject({
      ref: { list: "Filing limit", claimId: "C5" },
      what: "2 lines",
      amountText: "$150.00 to bill",
      sub: "2 lines · served 2025-06-20",
      figures: ["File by 2026-06-20 (365-day limit): 10 days past the limit"],
      late: true,
    });
    expect(near.figures).toEqual(["File by 2026-07-19 (180-day limit): 19 days left"]);
    expect(near.sub).toBe("1 line · served 2026-01-20");
    expect(filing.next).toBe("Next: bill each claim; one past its limit needs proof of timely filing, or a write-off.");
  });

  it("shows its standing from the FollowUp table: status, since, follow-up date (due on or before the as-of date), note", () => {
    const rows: FollowUpRow[] = [
      {
        date: "2026-06-01",
        claimId: "C1",
        chargeId: "L1",
        list: "Denied",
        status: "Appealed",
        followUpDate: "2026-06-30",
        note: "Records sent",
      },
      { date: "2026-06-02", claimId: "C3", list: "No response", status: "Resubmitted", followUpDate: "2026-07-15" },
    ];
    const [d, , s] = sectionViews(lists({ rows }), true);
    expect(d.items[1]).toMatchObject({
      status: "Appealed",
      standing: "since 2026-06-01 · follow up 2026-06-30",
      due: true,
      note: "Records sent",
    });
    expect(s.items[0]).toMatchObject({ status: "Resubmitted", standing: "since 2026-06-02 · follow up 2026-07-15", due: false });
    expect(s.items[0]).not.toHaveProperty("note");
  });
});

describe("the words of days and standing", () => {
  it("say days left, today, or days past", () => {
    expect(daysLeftText(1)).toBe("1 day left");
    expect(daysLeftText(0)).toBe("today");
    expect(daysLeftText(-1234)).toBe("1,234 days past");
  });

  it("leave out what an item never acted on does not have", () => {
    expect(standingText({ status: "Open" })).toBe("");
    expect(standingText({ status: "Closed", since: "2026-06-01" })).toBe("since 2026-06-01");
  });
});

describe("done items", () => {
  const rows: FollowUpRow[] = [{ date: "2026-06-10", claimId: "C4", list: "Filing limit", status: "Closed" }];

  it("are counted when left off, and shown with their status when asked for", () => {
    expect(doneNote(lists({ rows }))).toBe('1 item written off or closed is not shown: turn on "Show written off and closed" to see it.');
    expect(doneNote(lists())).toBeUndefined();
    const shown = sectionViews(lists({ rows, includeDone: true }), true)[3];
    expect(shown.items.map((i) => [i.claimId, i.status])).toEqual([
      ["C5", "Open"],
      ["C4", "Closed"],
    ]);
  });
});

describe("the selection", () => {
  const sections = sectionViews(lists(), true);

  it("names the selected items in the lists' order, as the actions name them, with their count and amount", () => {
    const picked = selectedItems(sections, new Set(["Filing limit|C4|", "Denied|C1|L1", "Denied|gone|X"]));
    expect(picked.map((i) => i.ref)).toEqual([
      { list: "Denied", claimId: "C1", chargeId: "L1" },
      { list: "Filing limit", claimId: "C4" },
    ]);
    expect(selectionSummary(picked)).toBe("2 selected · $200.00");
  });

  it("keeps only what is still listed after a refresh", () => {
    expect([...keepListed(sections, new Set(["Denied|C2|L2", "Denied|gone|X"]))]).toEqual(["Denied|C2|L2"]);
  });

  it("keys a line by its list, claim and ChargeID, and a claim by its list and claim", () => {
    expect(itemKey({ list: "Underpaid", claimId: "C6", chargeId: "L6" })).toBe("Underpaid|C6|L6");
    expect(itemKey({ list: "No response", claimId: "C3" })).toBe("No response|C3|");
  });
});

describe("the action form", () => {
  it("reads a status with a follow-up date typed either way and a trimmed note", () => {
    expect(readActionForm({ action: "Appealed", followUpDate: "7/15/2026", note: "  Records sent ", reason: "" })).toEqual({
      ok: true,
      kind: "status",
      status: "Appealed",
      followUpDate: "2026-07-15",
      note: "Records sent",
    });
    expect(readActionForm({ action: "Open", followUpDate: " ", note: "", reason: "ignored" })).toEqual({
      ok: true,
      kind: "status",
      status: "Open",
    });
  });

  it("says on its field what does not read", () => {
    expect(readActionForm({ action: "Closed", followUpDate: "2026-02-30", note: "", reason: "" })).toEqual({
      ok: false,
      errors: { followUpDate: '"2026-02-30" is not a real calendar date.' },
    });
    expect(readActionForm({ action: "Write off", followUpDate: "", note: "", reason: "  " })).toEqual({
      ok: false,
      errors: { reason: "Say why the office is writing it off (for example: denial not appealed, timely filing missed)." },
    });
  });

  it("reads a write-off's reason", () => {
    expect(readActionForm({ action: "Write off", followUpDate: "x", note: "", reason: " Timely filing missed " })).toEqual({
      ok: true,
      kind: "writeOff",
      reason: "Timely filing missed",
    });
  });

  it("reads the as-of date, or says why not", () => {
    expect(readAsOf("6/30/2026")).toEqual({ ok: true, asOf: "2026-06-30" });
    expect(readAsOf("")).toEqual({ ok: false, error: "Enter the date the lists are as of, like 2026-06-30." });
    expect(readAsOf("yesterday")).toMatchObject({ ok: false, error: expect.stringMatching(/^"yesterday" is not a date/) });
  });
});

describe("what the notices say", () => {
  it("after a write: the plan's summary and where the history is, and why an earlier list does not show it", () => {
    expect(writtenMessage("1 item set to Appealed, follow up 2026-07-15", AS_OF, AS_OF)).toBe(
      "1 item set to Appealed, follow up 2026-07-15. The FollowUp table keeps the history; the Audit sheet records it.",
    );
    expect(writtenMessage("2 items written off (3 lines, $400.00)", "2026-06-01", AS_OF)).toBe(
      "2 items written off (3 lines, $400.00). The FollowUp table keeps the history; the Audit sheet records it. " +
        "The lists are as of 2026-06-01: what was done today shows on lists as of 2026-06-30 or later.",
    );
  });

  it("after a refusal: each problem a sentence, and that nothing was written", () => {
    expect(refusedMessage(["The date 2026-07-01 is in the future.", 'rates.csv row 3, Allowed: "ten" is not an amount'])).toBe(
      'The date 2026-07-01 is in the future. rates.csv row 3, Allowed: "ten" is not an amount. Nothing was written.',
    );
  });

  it("about the books: the first problems named, the rest counted", () => {
    expect(problemsWarning([])).toBeUndefined();
    const many = Array.from({ length: 7 }, (_, i) => `Charges row ${i + 2}, DOS: a blank cell is not a date`);
    expect(problemsWarning(many)).toEqual({
      title: "Problems in the workbook: 7",
      items: many.slice(0, 5).map((p) => `${p}.`),
      more: "And 2 more problems: Setup's Check rows lists every row to fix.",
    });
    expect(problemsWarning(many.slice(0, 1))).not.toHaveProperty("more");
  });
});

describe("the contract import", () => {
  it("reads the payer and start date, a date typed either way", () => {
    expect(readContractForm({ payerId: " MCR ", from: "1/1/2026" })).toEqual({ ok: true, options: { payerId: "MCR", from: "2026-01-01" } });
    expect(readContractForm({ payerId: "", from: "" })).toEqual({ ok: true, options: {} });
    expect(readContractForm({ payerId: "", from: "soon" })).toMatchObject({
      ok: false,
      errors: { from: expect.stringMatching(/^"soon" is not a date/) },
    });
  });

  it("previews the count and the overlap notes, or every problem in the file", () => {
    const ok = contractPreview("rates.csv", {
      ok: true,
      plan: { action: "Import contract rates", what: "2 contract rates for MCR, SEC from rates.csv", ops: [] },
      rows: [
        { payerId: "MCR", code: "99213", allowed: 9000 },
        { payerId: "SEC", code: "99213", allowed: 9500 },
      ],
      notes: ["1 of the new rates overlap earlier ones for the same payer, code and modifier: the one that starts later is used"],
    });
    expect(ok).toEqual({
      ok: true,
      headline: "2 contract rates for MCR and SEC in rates.csv. Nothing is written until you import them.",
      lines: ["1 of the new rates overlap earlier ones for the same payer, code and modifier: the one that starts later is used."],
      action: "Import 2 contract rates",
    });
    const refused = contractPreview("rates.csv", { ok: false, problems: ['rates.csv row 3, Allowed: "ten" is not an amount'] });
    expect(refused).toEqual({
      ok: false,
      headline: "Nothing can be imported from rates.csv: 1 problem.",
      lines: ['rates.csv row 3, Allowed: "ten" is not an amount.'],
    });
  });

  it("says what was imported", () => {
    expect(importedMessage("1 contract rate for MCR from rates.csv", [])).toBe(
      "Added 1 contract rate for MCR from rates.csv to the Contracts table; the Underpaid list checks against them now. The Audit sheet records it.",
    );
  });
});

describe("the appeal letter's button", () => {
  const [denied, underpaid, silent] = sectionViews(lists(), true);

  it("is for the selected denied and underpaid lines of one claim; other items are left out", () => {
    const c2 = denied.items.find((i) => i.claimId === "C2")!;
    expect(appealTarget([c2, ...silent.items])).toEqual({ ok: true, claimId: "C2", lines: ["L2"] });
    expect(appealTarget([underpaid.items[0]])).toEqual({ ok: true, claimId: "C6", lines: ["L6"] });
  });

  it("says why it waits: nothing to appeal, or lines of two claims", () => {
    expect(appealTarget(silent.items)).toEqual({ ok: false, why: "An appeal letter is for denied or underpaid lines: select some." });
    expect(appealTarget(denied.items)).toEqual({
      ok: false,
      why: "A letter is for one claim at a time: the lines selected are of C2 and C1.",
    });
  });

  it("says where the letter is and what it lacks", () => {
    expect(appealWrittenMessage("Appeal C2", ["The patient has no member ID with SEC"])).toBe(
      'The letter is on the sheet "Appeal C2", ready to print; the Audit sheet records it. Before sending it: The patient has no member ID with SEC.',
    );
  });
});
