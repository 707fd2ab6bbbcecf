// The follow-up worklists (issue 15) on a hand-made ledger as of 2026-06-30, each figure worked out by
// hand in the comments: denials with their appeal dates, claims the payer never answered, claims near
// or past their filing limit, underpaid lines, and what the FollowUp table's rows do to each.
import { describe, expect, it } from "vitest";
import { ContractRates } from "../../src/contracts/contracts";
import { FollowUpBook } from "../../src/followup/standing";
import { rejectionsOf } from "../../src/claims/claimHistory";
import { followUpLists, type FollowUpSettings } from "../../src/followup/worklists";
import type { ClaimStatusRow, FollowUpRow, PayerRow } from "../../src/workbook/tables";
import { charge, ledgerOf, payment, posting, reversal } from "../ledger/ledgerFixtures";

const AS_OF = "2026-06-30";
const SETTINGS: FollowUpSettings = { responseDays: 30, appealDays: 90, warningDays: 30, filingDays: 90 };
const PAYERS: PayerRow[] = [
  { payerId: "MCR", name: "Medicare Part B", type: "Medicare", timelyFilingDays: 365, appealDays: 120 },
  { payerId: "SEC", name: "Second Health Plan", type: "Commercial", timelyFilingDays: 180, responseDays: 45 },
  { payerId: "BCB", name: "Blue Plan", type: "Commercial" },
  { payerId: "SELF", name: "Self-pay", type: "Self-pay" },
];

const denialOf = posting("T5", "L4", { group: "CO", reason: "50", paid: 0, adjustment: 0, date: "2026-04-20" });
const LEDGER = ledgerOf({
  payers: PAYERS,
  charges: [
    // C1: denied CO-50 on 05-01 (a $0 posting marked to work); MCR appeals within 120 days: 08-29, 60 days left.
    charge("L1", { claimId: "C1", dos: "2026-04-01", billedDate: "2026-04-02" }),
    // C2: denied CO-16 on 03-20 by SEC (no Appeal Days: the Practice's 90): 06-18, 12 days past.
    charge("L2", { claimId: "C2", payerId: "SEC", amount: 20000, dos: "2026-03-01", billedDate: "2026-03-02" }),
    // C3: denied, then paid on resubmission: off the list.
    charge("L3", { claimId: "C3", dos: "2026-03-05", billedDate: "2026-03-06" }),
    // C4: a denial reversed: off the list (and answered, so not silent).
    charge("L4", { claimId: "C4", dos: "2026-03-07", billedDate: "2026-03-08" }),
    // C5: paid under contract: $60 paid + $20 deductible = $80 allowed against $90.
    charge("L5", { claimId: "C5", dos: "2026-03-09", billedDate: "2026-03-10" }),
    // C6: two lines billed 05-01, no answer: 60 days waiting, $150 open.
    charge("L6", { claimId: "C6", dos: "2026-04-15", billedDate: "2026-05-01" }),
    charge("L7", { claimId: "C6", dos: "2026-04-15", amount: 5000, billedDate: "2026-05-01" }),
    // C7: SEC waits 45 days; billed 05-20 is 41 days ago: not yet.
    charge("L8", { claimId: "C7", payerId: "SEC", dos: "2026-05-19", billedDate: "2026-05-20" }),
    // C8: only the patient's copay since billing 05-15 (46 days): silent, $80 owed by the payer.
    charge("L9", { claimId: "C8", dos: "2026-05-14", billedDate: "2026-05-15" }),
    // C9: paid in part 03-20, then rebilled 05-10 with no answer since: 51 days, $70 open.
    charge("L10", { claimId: "C9", dos: "2026-03-01", billedDate: "2026-05-10" }),
    // C10: SEC 180 days from 01-20 is 07-19: 19 days left.
    charge("L11", { claimId: "C10", payerId: "SEC", dos: "2026-01-20" }),
    // C11: MCR 365 days from 2025-07-10 is 2026-07-10: 10 days left (the earliest of its two lines counts).
    charge("L12", { claimId: "C11", dos: "2025-07-12" }),
    charge("L13", { claimId: "C11", dos: "2025-07-10" }),
    // C12: MCR, 305 days left: not listed.
    charge("L14", { claimId: "C12", dos: "2026-05-01" }),
    // C13: BCB has no Timely Filing Days: the Practice's 90 from 03-15 is 06-13, 17 days past.
    charge("L15", { claimId: "C13", payerId: "BCB", dos: "2026-03-15" }),
    // Self-pay, unbilled and old: never on a payer's list.
    charge("L16", { claimId: "C14", payerId: "SELF", dos: "2025-01-01" }),
    // Served after the as-of date: not counted.
    charge("L17", { claimId: "C15", dos: "2026-07-05" }),
  ],
  payments: [
    payment("PM1", 8000, { date: "2026-05-20" }),
    payment("PM2", 6000, { date: "2026-04-01" }),
    payment("PM3", 2000, { patientId: "P1", date: "2026-05-14" }),
    payment("PM4", 3000, { date: "2026-03-20" }),
  ],
  postings: [
    posting("T1", "L1", { group: "CO", reason: "50", paid: 0, adjustment: 0, note: "Denied: to work", date: "2026-05-01", source: "ERA" }),
    posting("T2", "L2", { group: "CO", reason: "16", paid: 0, adjustment: 0, date: "2026-03-20" }),
    posting("T3", "L3", { group: "CO", reason: "197", paid: 0, adjustment: 0, date: "2026-04-10" }),
    posting("T4", "L3", { paymentId: "PM1", paid: 8000, adjustment: 2000, group: "CO", reason: "45", date: "2026-05-20" }),
    denialOf,
    reversal("T6", denialOf, { date: "2026-04-25" }),
    posting("T7", "L5", { paymentId: "PM2", paid: 6000, adjustment: 2000, group: "CO", reason: "45", date: "2026-04-01" }),
    posting("T8", "L5", { group: "PR", reason: "1", patientResp: 2000, date: "2026-04-01" }),
    posting("T9", "L9", { paymentId: "PM3", paid: 2000, date: "2026-05-14" }),
    posting("T10", "L10", { paymentId: "PM4", paid: 3000, date: "2026-03-20" }),
  ],
});
const CONTRACTS = { rates: new ContractRates([{ payerId: "MCR", code: "99213", allowed: 9000 }]), tolerance: 100 };

function lists(rows: FollowUpRow[] = [], includeDone = false) {
  return followUpLists(LEDGER, { asOf: AS_OF, settings: SETTINGS, book: new FollowUpBook(rows, AS_OF), contracts: CONTRACTS, includeDone });
}

describe("followUpLists", () => {
  it("lists the open denials, most urgent appeal first, with the reason in words and the next step", () => {
    expect(LEDGER.issues).toEqual([]);
    const { denied } = lists();
    expect(denied.map((d) => [d.chargeId, d.deniedOn, d.appealBy, d.daysLeft, d.open])).toEqual([
      ["L2", "2026-03-20", "2026-06-18", -12, 20000],
      ["L1", "2026-05-01", "2026-08-29", 60, 10000],
    ]);
    expect(denied[0].meaning).toMatchObject({ code: "CO-16", action: "correct and resubmit", known: true });
    expect(denied[1].meaning).toMatchObject({ code: "CO-50", action: "appeal" });
    expect(denied[1]).toMatchObject({ list: "Denied", claimId: "C1", payerId: "MCR", code: "99213", dos: "2026-04-01", line: 0 });
    expect(denied[1].standing).toEqual({ status: "Open" });
  });

  it("lists billed claims the payer has not answered in its Response Days, longest wait first", () => {
    const { silent } = lists();
    expect(silent.map((s) => [s.claimId, s.billedDate, s.daysWaiting, s.responseDays, s.lines, s.open])).toEqual([
      ["C6", "2026-05-01", 60, 30, 2, 15000],
      ["C9", "2026-05-10", 51, 30, 1, 7000],
      ["C8", "2026-05-15", 46, 30, 1, 8000],
    ]);
  });

  it("lists unbilled insurance claims within the warning days of their filing limit, or past it", () => {
    const { nearLimit } = lists();
    expect(nearLimit.map((f) => [f.claimId, f.dos, f.limitDays, f.filingLimit, f.daysLeft, f.lines, f.charge])).toEqual([
      ["C13", "2026-03-15", 90, "2026-06-13", -17, 1, 10000],
      ["C11", "2025-07-10", 365, "2026-07-10", 10, 2, 20000],
      ["C10", "2026-01-20", 180, "2026-07-19", 19, 1, 10000],
    ]);
    // A warning window of 15 days keeps the past one and the one 10 days out.
    const tighter = followUpLists(LEDGER, { asOf: AS_OF, settings: { ...SETTINGS, warningDays: 15 } });
    expect(tighter.nearLimit.map((f) => f.claimId)).toEqual(["C13", "C11"]);
  });

  it("lists underpaid lines only with contracts", () => {
    const withRates = lists();
    // C9's $30 part payment, C3's $80 on resubmission and C5's $60 + $20 deductible, each against $90.
    expect(withRates.underpaid?.map((u) => [u.chargeId, u.expected, u.allowed, u.variance, u.list])).toEqual([
      ["L10", 9000, 3000, -6000, "Underpaid"],
      ["L3", 9000, 8000, -1000, "Underpaid"],
      ["L5", 9000, 8000, -1000, "Underpaid"],
    ]);
    expect(followUpLists(LEDGER, { asOf: AS_OF, settings: SETTINGS }).underpaid).toBeUndefined();
  });

  it("counts as of the date: a later denial, bill or answer is not seen", () => {
    // On 2026-04-30 C1 is not yet denied, C2's appeal has 49 days left, and C6 is not billed yet.
    const early = followUpLists(LEDGER, { asOf: "2026-04-30", settings: SETTINGS });
    expect(early.denied.map((d) => [d.chargeId, d.daysLeft])).toEqual([
      ["L2", 49],
      ["L3", 100], // denied 04-10 (MCR: 120 days, to 08-08), paid only on 05-20
    ]);
    expect(early.silent.map((s) => s.claimId)).toEqual([]);
  });

  it("carries each item's standing from the FollowUp table, and leaves off what is written off or closed", () => {
    const rows: FollowUpRow[] = [
      {
        date: "2026-06-01",
        claimId: "C2",
        chargeId: "L2",
        list: "Denied",
        status: "Appealed",
        followUpDate: "2026-07-01",
        note: "Sent records",
      },
      { date: "2026-06-10", claimId: "C6", status: "Closed", note: "Payer says paid to another office" },
      // A claim's row stands for its lines: C1's denial is resubmitted.
      { date: "2026-06-12", claimId: "C1", status: "Resubmitted" },
      // Another list's row does not touch the denial list.
      { date: "2026-06-20", claimId: "C2", chargeId: "L2", list: "Underpaid", status: "Closed" },
      // Dated after the as-of date: not yet.
      { date: "2026-07-05", claimId: "C9", status: "Closed" },
    ];
    const found = lists(rows);
    expect(found.denied.map((d) => [d.chargeId, d.standing])).toEqual([
      ["L2", { status: "Appealed", since: "2026-06-01", followUpDate: "2026-07-01", note: "Sent records" }],
      ["L1", { status: "Resubmitted", since: "2026-06-12" }],
    ]);
    expect(found.silent.map((s) => s.claimId)).toEqual(["C9", "C8"]);
    expect(found.done).toBe(1);
    const all = lists(rows, true);
    expect(all.silent.map((s) => [s.claimId, s.standing.status])).toEqual([
      ["C6", "Closed"],
      ["C9", "Open"],
      ["C8", "Open"],
    ]);
    expect(all.done).toBe(0);
    // A later line row wins over the claim's; a later claim row wins over the line's.
    const later = lists([...rows, { date: "2026-06-15", claimId: "C1", chargeId: "L1", status: "Open", note: "Payer lost it" }]);
    expect(later.denied[1].standing).toEqual({ status: "Open", since: "2026-06-15", note: "Payer lost it" });
    const claimAgain = lists([...rows, { date: "2026-06-15", claimId: "C1", status: "Closed" }]);
    expect(claimAgain.denied.map((d) => d.chargeId)).toEqual(["L2"]);
  });
});

describe("the Rejected list (claims a 999 or 277CA turned back)", () => {
  const history: ClaimStatusRow[] = [
    // C6: billed 05-01, rejected by the payer's 277CA on 05-03: MCR 365 days from 04-15 is 2027-04-15, 289 days left.
    { date: "2026-05-01", claimId: "C6", event: "Billed", sequence: "Primary", source: "837P", controlNumber: "7" },
    { date: "2026-05-03", claimId: "C6", event: "Rejected", sequence: "Primary", source: "277CA", reason: "A7: subscriber ID invalid" },
    // C9: rejected by the 999, then sent again 05-10 (a later Billed row): off the list, back on No response.
    { date: "2026-05-02", claimId: "C9", event: "Rejected", source: "999", reason: "transaction rejected" },
    { date: "2026-05-10", claimId: "C9", event: "Billed", source: "837P" },
    // C8: accepted: not a rejection.
    { date: "2026-05-16", claimId: "C8", event: "Accepted", source: "277CA" },
    // C2: rejected after the as-of date: not seen.
    { date: "2026-07-02", claimId: "C2", event: "Rejected", source: "277CA", reason: "later" },
  ];

  it("keeps each claim's latest word as of the date, a rejection only when nothing came after it", () => {
    expect([...rejectionsOf(history, AS_OF).entries()]).toEqual([
      ["C6", { date: "2026-05-03", source: "277CA", reason: "A7: subscriber ID invalid", sequence: "Primary" }],
    ]);
    expect([...rejectionsOf(history, "2026-05-05").keys()]).toEqual(["C6", "C9"]);
    expect(rejectionsOf(history, "2026-05-01").size).toBe(0);
  });

  it("lists the rejected claims with the days left to file, and takes them off No response", () => {
    const rejections = rejectionsOf(history, AS_OF);
    const made = followUpLists(LEDGER, { asOf: AS_OF, settings: SETTINGS, contracts: CONTRACTS, rejections });
    expect(made.rejected.map((r) => [r.claimId, r.rejectedOn, r.source, r.reason, r.filingLimit, r.daysLeft, r.lines, r.open])).toEqual([
      ["C6", "2026-05-03", "277CA", "A7: subscriber ID invalid", "2027-04-15", 289, 2, 15000],
    ]);
    expect(made.silent.map((s) => s.claimId)).toEqual(["C9", "C8"]);
    expect(lists().rejected).toEqual([]);
  });
});
