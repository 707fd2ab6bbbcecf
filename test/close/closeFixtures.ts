// November 2026's books for the close tests, worked out by hand in closeReport.test.ts: a line served
// before November, one in it and one after; an insurance payment with CO and PR and a PLB interest item;
// a patient payment that overpays, and its refund; an office write-off; a payment and a posting after.
import type { ProviderAdjustmentRow } from "../../src/workbook/tables";
import { charge, payment, posting, refund } from "../ledger/ledgerFixtures";

/** November 2026's books: the figures in the comments are the test's own arithmetic. */
export const NOVEMBER = {
  charges: [
    charge("C0", { dos: "2026-10-10", amount: 20000 }),
    charge("C1", { dos: "2026-11-03", amount: 15000 }),
    charge("C2", { dos: "2026-12-02", amount: 8000 }),
  ],
  payments: [
    payment("PM1", 12000, { date: "2026-10-20" }),
    // $90.00 paid on C1 plus $2.50 interest (PLB L6, -2.50): the check is $92.50.
    payment("PM2", 9250, { date: "2026-11-20" }),
    payment("PM3", 6000, { date: "2026-11-10", patientId: "P1" }),
    refund("RF1", "PM3", 3000, { date: "2026-11-25", patientId: "P1" }),
    payment("PM4", 5000, { date: "2026-12-05" }),
  ],
  postings: [
    posting("PS1", "C0", { paymentId: "PM1", date: "2026-10-20", paid: 12000 }),
    posting("PS2", "C0", { paymentId: "PM1", date: "2026-10-20", adjustment: 5000, group: "CO", reason: "45" }),
    posting("PS3", "C0", { paymentId: "PM1", date: "2026-10-20", adjustment: 3000, group: "PR", reason: "2" }),
    posting("PS4", "C1", { paymentId: "PM2", date: "2026-11-20", paid: 9000 }),
    posting("PS5", "C1", { paymentId: "PM2", date: "2026-11-20", adjustment: 4000, group: "CO", reason: "45" }),
    posting("PS6", "C1", { paymentId: "PM2", date: "2026-11-20", adjustment: 2000, group: "PR", reason: "2" }),
    // The patient pays the $30.00 left on C0; the other $30.00 stays on PM3 as a credit, refunded by RF1.
    posting("PS7", "C0", { paymentId: "PM3", date: "2026-11-10", paid: 3000 }),
    posting("PS8", "C1", { date: "2026-11-28", adjustment: 500, group: "WO", reason: "SMALL" }),
    posting("PS9", "C2", { paymentId: "PM4", date: "2026-12-05", paid: 5000 }),
  ],
  providerAdjustments: [
    { adjustmentId: "PA1", paymentId: "PM2", date: "2026-11-20", payerId: "MCR", reason: "L6", amount: -250 },
  ] as ProviderAdjustmentRow[],
};
