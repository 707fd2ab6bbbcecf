// Hand-made books with every kind of credit, for the credit and refund tests (amounts in cents):
// - PM1: patient P1 prepaid $25.00 on 2026-02-01, nothing applied; $5.00 of it refunded (PM7).
// - L1 ($100, Medicare): MCR paid $80.00 + CO-45 $20.00 by PM2 on 2026-02-05, then $80.00 again by PM3
//   on 2026-02-20: a Medicare credit of $80.00 identified 2026-02-20.
// - L2 ($100, SEC, patient P2): the patient paid $40.00 (PM4) on 2026-01-10, then SEC paid the whole
//   $100.00 (PM5) on 2026-02-02: the patient's $40.00 is a credit from that day.
// - PM6: MCR's $50.00 EFT of 2025-12-01 posted to no line: a Medicare credit, overdue by 2026-03-01.
// - L3 ($60, MCR, P1): paid exactly (no credit).
import type { FixtureTables } from "../ledger/ledgerFixtures";
import { charge, payment, posting, refund } from "../ledger/ledgerFixtures";

export const AS_OF = "2026-03-01";

export function creditBooks(): FixtureTables {
  return {
    charges: [
      charge("L1"),
      charge("L2", { patientId: "P2", payerId: "SEC", claimId: "CL2", dos: "2026-01-10" }),
      charge("L3", { amount: 6000, claimId: "CL3" }),
    ],
    payments: [
      payment("PM1", 2500, { patientId: "P1", date: "2026-02-01" }),
      payment("PM2", 14000, { date: "2026-02-05" }),
      payment("PM3", 8000, { date: "2026-02-20" }),
      payment("PM4", 4000, { patientId: "P2", date: "2026-01-10" }),
      payment("PM5", 10000, { payerId: "SEC", date: "2026-02-02" }),
      payment("PM6", 5000, { date: "2025-12-01" }),
      refund("PM7", "PM1", 500, { patientId: "P1", date: "2026-02-10" }),
    ],
    postings: [
      posting("PS1", "L1", { paymentId: "PM2", date: "2026-02-05", paid: 8000, adjustment: 2000, group: "CO", reason: "45" }),
      posting("PS2", "L3", { paymentId: "PM2", date: "2026-02-05", paid: 6000 }),
      posting("PS3", "L1", { paymentId: "PM3", date: "2026-02-20", paid: 8000 }),
      posting("PS4", "L2", { paymentId: "PM4", date: "2026-01-10", paid: 4000 }),
      posting("PS5", "L2", { paymentId: "PM5", date: "2026-02-02", paid: 10000 }),
    ],
  };
}
