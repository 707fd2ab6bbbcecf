// The books the Follow-up panel's tests work on, as of 2026-06-30: two denials, a claim with no
// answer, two unbilled claims near or past their filing limit, and a line paid under a $90 contract
// rate once one is imported; each figure worked out in the comments.
import { charge, payment, posting, type FixtureTables } from "../ledger/ledgerFixtures";

export const AS_OF = "2026-06-30";

// FIXTURE_PAYERS: MCR files within 365 days, SEC within 180; neither has its own Appeal or Response Days.
export const FOLLOW_UP_BOOKS: FixtureTables = {
  charges: [
    // C1: MCR denied CO-50 on 05-01, $100 owed: appeal by 05-01 + 90 = 07-30, 30 days left.
    charge("L1", { claimId: "C1", dos: "2026-04-01", billedDate: "2026-04-02" }),
    // C2: SEC denied CO-16 on 03-20, $200 owed: appeal by 06-18, 12 days past.
    charge("L2", { claimId: "C2", payerId: "SEC", code: "99214", amount: 20000, dos: "2026-03-01", billedDate: "2026-03-02" }),
    // C3: billed to MCR 05-10, no answer: 51 days waiting, $100 open.
    charge("L3", { claimId: "C3", dos: "2026-05-01", billedDate: "2026-05-10" }),
    // C4: SEC, not billed, served 01-20: 180 days is 07-19, 19 days left.
    charge("L4", { claimId: "C4", payerId: "SEC", dos: "2026-01-20" }),
    // C5: MCR, not billed, two lines served 2025-06-20: 365 days is 2026-06-20, 10 days past; $150 to bill.
    charge("L5", { claimId: "C5", dos: "2025-06-20" }),
    charge("L7", { claimId: "C5", dos: "2025-06-20", code: "36415", amount: 5000 }),
    // C6: MCR paid $60 with $20 deductible on 04-01: $80 allowed, $10 under a $90 contract rate.
    charge("L6", { claimId: "C6", dos: "2026-03-09", billedDate: "2026-03-10" }),
  ],
  payments: [payment("PM1", 6000, { date: "2026-04-01" })],
  postings: [
    posting("T1", "L1", { group: "CO", reason: "50", paid: 0, adjustment: 0, note: "Denied: to work", date: "2026-05-01", source: "ERA" }),
    posting("T2", "L2", { group: "CO", reason: "16", paid: 0, adjustment: 0, date: "2026-03-20" }),
    posting("T3", "L6", { paymentId: "PM1", paid: 6000, adjustment: 2000, group: "CO", reason: "45", date: "2026-04-01" }),
    posting("T4", "L6", { group: "PR", reason: "1", patientResp: 2000, date: "2026-04-01" }),
  ],
};
