// A small ledger for the clean-claim rate and the denials by reason and by payer, worked out by hand
// (test/reports/kpisBreakdowns.test.ts and test/cli/kpis.test.ts). Period 2026-06-01 to 2026-06-30;
// every claim but K10 has its first payer posting in June, so ten are adjudicated.
//
// claim  payer  lines                what the payer did                                    denied  clean  first pass
// K1     MCR    L1a $100, L1b $50    06-05 $0: L1a CO-16 and CO-197, L1b CO-16 (all $0.00)  yes     no     no
// K2     MCR    L2 $200              06-03 $0: CO-16 at $0.00 ...                           yes     no     no
// K2R    MCR    L2R $200 (Freq 7)    ... resubmitted, 06-20 paid $150 + CO-45 $50           no      no     yes
// K3     SEC    L3 $80               06-10 paid $60 + CO-45 $20                             no      yes    yes
// K4     SEC    L4 $100              06-12 paid $50 + CO-45 $20 + CO-97 $30 (a paid line)   no      no     yes
// K5     BCB    L5 $120              06-15 paid $70 + CO-45 $20, $30 still with the payer   no      yes    no
// K6     BCB    L6 $90               06-18 paid $90                                         no      yes    yes
// K7     MCR    L7 $60               06-25 paid $40 + CO-45 $20; 07-05 CO-16 at $0.00       no      as of 07-15 no, as of 06-30 yes; yes
// K8     SEC    L8 $70               06-08 $0, status 4: CO-16 and CO-45, both "Denied"     yes     no     no
// K9     SEC    L9 $50               06-09 $0, status 4: PR-96 "Denied" only                yes     no     no
// K10    MCR    L10 $100             05-20 $0: CO-50 (adjudicated in May: not counted)
//
// Adjudicated 10; denied K1, K2, K8, K9 = 4 (40%); first pass K2R, K3, K4, K6, K7 = 5 (50%).
// Clean as of 07-15: K3, K5, K6 = 3 (30%); with a denial posted K1, K2, K4, K7, K8, K9 = 6; a
// replacement without one K2R = 1 (3 + 6 + 1 = 10). As of 06-30 K7 is clean too: 4 (40%).
// By reason: CO-16 K1 (L1a $100 + L1b $50), K2 ($200), K8 ($70; its CO-45 is not a reason, a denying
// code being there) = 3 claims (30%), $420; CO-197 K1 (L1a $100) = 1 (10%), $100; PR-96 K9 ($50) = 1
// (10%), $50 (its only code, status 4). Order: CO-16 (3), then CO-197 and PR-96 (1 each) by reason.
// By payer: MCR K1, K2, K2R, K7: 2 of 4 (50%); SEC K3, K4, K8, K9: 2 of 4 (50%); BCB K5, K6: 0 of 2.
// Order: MCR and SEC (50%, by PayerID), then BCB (0%).
import { DENIED_NOTE } from "../../src/ledger/denials";
import type { PayerRow } from "../../src/workbook/tables";
import { charge, payment, posting, type FixtureTables } from "../ledger/ledgerFixtures";

export const PERIOD = { from: "2026-06-01", to: "2026-06-30" } as const;
/** After K7's late denial (07-05): it counts against the clean-claim rate, not the denial rate. */
export const AS_OF = "2026-07-15";

export const PAYERS: PayerRow[] = [
  { payerId: "MCR", name: "Medicare Part B", type: "Medicare", timelyFilingDays: 365 },
  { payerId: "SEC", name: "Second Health Plan", type: "Commercial", timelyFilingDays: 180 },
  { payerId: "BCB", name: "Blue Plan", type: "Commercial", timelyFilingDays: 180 },
  { payerId: "SELF", name: "Self-pay", type: "Self-pay" },
];

const era = { source: "ERA" as const };
const denied = (fields: object) => ({ paid: 0, adjustment: 0, ...era, ...fields });

export const BREAKDOWN_BOOKS: FixtureTables = {
  payers: PAYERS,
  charges: [
    charge("L1a", { claimId: "K1", dos: "2026-05-20", amount: 10000 }),
    charge("L1b", { claimId: "K1", dos: "2026-05-20", amount: 5000 }),
    charge("L2", { claimId: "K2", dos: "2026-05-21", amount: 20000 }),
    charge("L2R", { claimId: "K2R", dos: "2026-05-21", amount: 20000, frequency: "7", payerClaimNumber: "ICN0002" }),
    charge("L3", { claimId: "K3", payerId: "SEC", dos: "2026-05-22", amount: 8000 }),
    charge("L4", { claimId: "K4", payerId: "SEC", dos: "2026-05-23", amount: 10000 }),
    charge("L5", { claimId: "K5", payerId: "BCB", dos: "2026-05-24", amount: 12000 }),
    charge("L6", { claimId: "K6", payerId: "BCB", dos: "2026-05-25", amount: 9000 }),
    charge("L7", { claimId: "K7", dos: "2026-05-26", amount: 6000 }),
    charge("L8", { claimId: "K8", payerId: "SEC", dos: "2026-05-27", amount: 7000 }),
    charge("L9", { claimId: "K9", payerId: "SEC", dos: "2026-05-28", amount: 5000 }),
    charge("L10", { claimId: "K10", dos: "2026-04-20", amount: 10000 }),
  ],
  payments: [
    payment("PM1", 0, { date: "2026-06-05" }),
    payment("PM2", 0, { date: "2026-06-03" }),
    payment("PM3", 15000, { date: "2026-06-20" }),
    payment("PM4", 6000, { payerId: "SEC", date: "2026-06-10" }),
    payment("PM5", 5000, { payerId: "SEC", date: "2026-06-12" }),
    payment("PM6", 7000, { payerId: "BCB", date: "2026-06-15" }),
    payment("PM7", 9000, { payerId: "BCB", date: "2026-06-18" }),
    payment("PM8", 4000, { date: "2026-06-25" }),
    payment("PM9", 0, { date: "2026-07-05" }),
    payment("PM10", 0, { payerId: "SEC", date: "2026-06-08" }),
    payment("PM11", 0, { payerId: "SEC", date: "2026-06-09" }),
    payment("PM12", 0, { date: "2026-05-20" }),
  ],
  postings: [
    posting("S1", "L1a", denied({ paymentId: "PM1", date: "2026-06-05", group: "CO", reason: "16", note: DENIED_NOTE })),
    posting("S2", "L1a", denied({ paymentId: "PM1", date: "2026-06-05", group: "CO", reason: "197", note: DENIED_NOTE })),
    posting("S3", "L1b", denied({ paymentId: "PM1", date: "2026-06-05", group: "CO", reason: "16", note: DENIED_NOTE })),
    posting("S4", "L2", denied({ paymentId: "PM2", date: "2026-06-03", group: "CO", reason: "16", note: DENIED_NOTE })),
    posting("S5", "L2R", { paymentId: "PM3", date: "2026-06-20", paid: 15000, adjustment: 5000, group: "CO", reason: "45", ...era }),
    posting("S6", "L3", { paymentId: "PM4", date: "2026-06-10", paid: 6000, adjustment: 2000, group: "CO", reason: "45", ...era }),
    posting("S7", "L4", { paymentId: "PM5", date: "2026-06-12", paid: 5000, adjustment: 2000, group: "CO", reason: "45", ...era }),
    posting("S8", "L4", { paymentId: "PM5", date: "2026-06-12", adjustment: 3000, group: "CO", reason: "97", ...era }),
    posting("S9", "L5", { paymentId: "PM6", date: "2026-06-15", paid: 7000, adjustment: 2000, group: "CO", reason: "45", ...era }),
    posting("S10", "L6", { paymentId: "PM7", date: "2026-06-18", paid: 9000, ...era }),
    posting("S11", "L7", { paymentId: "PM8", date: "2026-06-25", paid: 4000, adjustment: 2000, group: "CO", reason: "45", ...era }),
    posting("S12", "L7", denied({ paymentId: "PM9", date: "2026-07-05", group: "CO", reason: "16", note: DENIED_NOTE })),
    posting("S13", "L8", denied({ paymentId: "PM10", date: "2026-06-08", group: "CO", reason: "16", note: DENIED_NOTE })),
    posting("S14", "L8", denied({ paymentId: "PM10", date: "2026-06-08", group: "CO", reason: "45", note: DENIED_NOTE })),
    posting("S15", "L9", {
      paymentId: "PM11",
      date: "2026-06-09",
      paid: 0,
      group: "PR",
      reason: "96",
      patientResp: 0,
      note: DENIED_NOTE,
      ...era,
    }),
    posting("S16", "L10", denied({ paymentId: "PM12", date: "2026-05-20", group: "CO", reason: "50", note: DENIED_NOTE })),
  ],
};
