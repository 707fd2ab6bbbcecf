// A remittance's money line by line (src/era/remittanceMoney.ts) and what the pane and the terminal
// make of it: the check = Σ claim payments − Σ PLB, each PLB item shown as what it does to the
// payment (interest adds, a recoupment takes away), to the cent. First an 835 written and worked out
// by hand (interest in two PLB segments and a recoupment), then one posted against the sample
// practice and read again (a denial still reads as denied), then the real files in ../shared/data:
// each is skipped on its own, with the reason, when it is missing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { previewLines } from "../../src/cli/eraCommand";
import { eraPostingPlan } from "../../src/era/eraPlan";
import type { EraRemittancePreview } from "../../src/era/eraPreview";
import { moneyEquation, paymentMoney, plbEffect, signedMoney } from "../../src/era/remittanceMoney";
import { readLedger } from "../../src/ledger/ledger";
import { parseMoney } from "../../src/money";
import { postedMessage, remittanceView, totalsView } from "../../taskpane/remittance/remittanceView";
import { writeX12, type Segment } from "../x12/x12Fixtures";
import { sharedDataPresent } from "../sharedData";
import { ERA_DATE, importEra, inputs, medicare, planned, sampleBook, sampleUnpaid } from "./eraPlanBooks";
import { header } from "./remittanceFixtures";
import { syntheticRemittance } from "./syntheticRemittance";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const folder = path.resolve(projectRoot, "../shared/data/x12-835");

/** "$1,234.56", "+$3.75", "-$40.00" back to cents. */
function cents(text: string): number {
  const parsed = parseMoney(text.replace("+", ""));
  if (!parsed.ok) throw new Error(`not money: ${text}`);
  return parsed.value;
}

/** The totals table's lines the payment adds up from, and the payment, in cents. */
function tableCents(r: EraRemittancePreview): { parts: number[]; payment: number } {
  const lines = totalsView(r).lines;
  return {
    parts: lines.filter((l) => l.part).map((l) => cents(l.amount)),
    payment: cents(lines.find((l) => l.total)!.amount),
  };
}

/**
 * Worked by hand. Claims: CL300 $150.00 charged, CO-45 $30.00, paid $120.00; CL301 $100.00, CO-45
 * $19.50, paid $80.50; CL302 denied (CLP02 4), $75.00 CO-31, paid $0.00. Σ CLP04 = $200.50.
 * PLB: interest L6 INT-7 −$3.75 and recoupment WO RECOUP-3 $40.00 in one segment, more interest L6
 * −$1.00 in another. Σ PLB = −3.75 + 40.00 − 1.00 = $35.25, so BPR02 = 200.50 − 35.25 = $165.25.
 */
const HAND: Segment[] = [
  ...header(16525, "CHK0042"),
  ["LX", "1"],
  ["CLP", "CL300", "1", "150.00", "120.00", "0", "12", "PCN300"],
  ["DTM", "232", "20260102"],
  ["SVC", ["HC", "99213"], "150.00", "120.00", "", "1"],
  ["DTM", "472", "20260102"],
  ["CAS", "CO", "45", "30.00"],
  ["AMT", "B6", "120.00"],
  ["CLP", "CL301", "1", "100.00", "80.50", "0", "12", "PCN301"],
  ["DTM", "232", "20260103"],
  ["SVC", ["HC", "99212"], "100.00", "80.50", "", "1"],
  ["DTM", "472", "20260103"],
  ["CAS", "CO", "45", "19.50"],
  ["AMT", "B6", "80.50"],
  ["CLP", "CL302", "4", "75.00", "0", "", "12", "PCN302"],
  ["CAS", "CO", "31", "75.00"],
  ["PLB", "1234567893", "20261231", ["L6", "INT-7"], "-3.75", ["WO", "RECOUP-3"], "40.00"],
  ["PLB", "1234567893", "20261231", "L6", "-1.00"],
];

describe("the money of an 835 worked out by hand: interest in two PLB segments and a recoupment", () => {
  async function handPreview() {
    const book = await sampleBook(200);
    const { ledger, ctx } = await inputs(book);
    const bytes = new TextEncoder().encode(writeX12([{ control: "0001", body: HAND }]));
    const result = await eraPostingPlan({ name: "hand.835", bytes }, ledger, ctx);
    if (!result.ok) throw new Error(result.error);
    return result.preview;
  }

  it("lists claims paid and each PLB item as what it does, adding up to the check to the cent", async () => {
    const preview = await handPreview();
    const [r] = preview.remittances;
    expect(r.amount).toBe(16525);
    expect(r.totals).toMatchObject({ paid: 20050, plb: 3525, difference: 0 });
    const money = paymentMoney(r);
    expect(money.lines).toEqual([
      { kind: "claims", label: "Paid on claims", effect: 20050 },
      { kind: "plb", label: "Interest (L6)", reference: "INT-7", effect: 375 },
      { kind: "plb", label: "Overpayment recovery (WO)", reference: "RECOUP-3", effect: -4000 },
      { kind: "plb", label: "Interest (L6)", effect: 100 },
    ]);
    expect(money).toMatchObject({ sum: 16525, payment: 16525, difference: 0 });
    // Each PLB reason once in words, the interest of both segments added: 3.75 + 1.00 = 4.75.
    expect(moneyEquation(money)).toBe("$200.50 paid on claims + $4.75 interest (L6) − $40.00 overpayment recovery (WO)");

    // The pane's table: the same lines, signed, then the payment they add up to.
    const totals = totalsView(r);
    expect(totals.lines.map((l) => [l.label, l.amount])).toEqual([
      ["Paid on claims", "$200.50"],
      ["Interest (L6) · INT-7", "+$3.75"],
      ["Overpayment recovery (WO) · RECOUP-3", "-$40.00"],
      ["Interest (L6)", "+$1.00"],
      ["Payment (BPR02)", "$165.25"],
      ["Posted now (claims and PLB)", "$0.00"],
      ["Held (not posted)", "$165.25"],
    ]);
    const table = tableCents(r);
    expect(table.parts.reduce((s, c) => s + c, 0)).toBe(table.payment);
    expect(totals.text).toBe(
      "Ties out: $200.50 paid on claims + $4.75 interest (L6) − $40.00 overpayment recovery (WO) = $165.25 payment = $0.00 posted + $165.25 held.",
    );

    // The terminal: the same lines, aligned, and the same sum.
    const text = previewLines(preview, false);
    expect(text.filter((l) => l.startsWith("    ")).map((l) => l.trim().split(/ {2,}/))).toEqual([
      ["Paid on claims", "$200.50"],
      ["Interest (L6) · INT-7", "+$3.75"],
      ["Overpayment recovery (WO) · RECOUP-3", "-$40.00"],
      ["Interest (L6)", "+$1.00"],
      ["Payment (BPR02)", "$165.25"],
    ]);
    expect(text).toContain(
      "  Ties out: $200.50 paid on claims + $4.75 interest (L6) − $40.00 overpayment recovery (WO) = $165.25 payment = $0.00 posted + $165.25 held",
    );
  });

  it("puts what each exception needs on it: payer, trace, date of service and the payer's figures", async () => {
    const preview = await handPreview();
    expect(preview.exceptions.map(({ reason: _reason, ...e }) => e)).toEqual([
      {
        trace: "CHK0042",
        patientControl: "CL300",
        payerName: "SAMPLE HEALTH PLAN",
        dos: "2026-01-02",
        billed: 15000,
        allowed: 12000,
        paid: 12000,
        patientResp: 0,
      },
      {
        trace: "CHK0042",
        patientControl: "CL301",
        payerName: "SAMPLE HEALTH PLAN",
        dos: "2026-01-03",
        billed: 10000,
        allowed: 8050,
        paid: 8050,
        patientResp: 0,
      },
      // No lines and no date in the file: no allowed amount, no date of service, never a guess.
      { trace: "CHK0042", patientControl: "CL302", payerName: "SAMPLE HEALTH PLAN", billed: 7500, paid: 0, patientResp: 0 },
    ]);
  });

  it("says what each PLB item does to the payment, signed", () => {
    expect(plbEffect({ amount: -375 })).toBe(375);
    expect(plbEffect({ amount: 4000 })).toBe(-4000);
    expect(plbEffect({ amount: 0 })).toBe(0);
    expect(Object.is(plbEffect({ amount: 0 }), -0)).toBe(false);
    expect(signedMoney(375)).toBe("+$3.75");
    expect(signedMoney(-4000)).toBe("-$40.00");
    expect(signedMoney(0)).toBe("$0.00");
  });
});

describe("a posted remittance with interest and a recoupment, read again", () => {
  it("adds up in the books to the check, and each claim still says what became of it: the denial denied, the one sent on sent on", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [paid, denied, forwarded, notOurs, unbalanced] = unpaid;
    const era = syntheticRemittance(ledger, {
      transactions: [
        medicare(
          "97000001",
          [
            { claimId: paid.claimId, coinsurancePercent: 20 },
            { claimId: denied.claimId, status: "4", denial: "31" },
            { claimId: forwarded.claimId, status: "19", coinsurancePercent: 20 },
            { claimId: notOurs.claimId, status: "23" },
            { claimId: unbalanced.claimId, unbalancedBy: 100 },
          ],
          {
            plb: [
              { reason: "L6", reference: "INT-9", amount: -412 },
              { reason: "WO", reference: "RECOUP-1", amount: 2500 },
            ],
          },
        ),
      ],
    });
    const written = era.transactions[0];
    const first = planned(await importEra(book, "june.835", era.bytes));
    const [r] = first.preview.remittances;
    expect(r.claims.map((c) => c.outcome)).toEqual(["matched", "denied", "crossover", "held", "held"]);
    // The check is the claims less the PLB: interest in, the recoupment out, to the cent.
    const claimsPaid = written.claims.reduce((s, c) => s + c.paid, 0);
    expect(written.amount).toBe(claimsPaid + 412 - 2500);
    const money = paymentMoney(r);
    expect(money.lines.map((l) => l.effect)).toEqual([claimsPaid, 412, -2500]);
    expect(money.sum).toBe(written.amount);
    const table = tableCents(r);
    expect(table.parts.reduce((s, c) => s + c, 0)).toBe(table.payment);
    expect(r.totals.posted + r.totals.held).toBe(written.amount);
    const message = postedMessage(first.preview);
    expect(message).toContain("+ $4.12 interest (L6) − $25.00 overpayment recovery (WO)");
    expect(message).toContain("5 claims: 1 posted, 1 denial, 1 sent to next payer, 2 held.");

    // In the books: the postings' Paid plus the PLB rows' effect plus what was held is the payment.
    const { ledger: after } = await readLedger(book);
    const payment = after.payments.find((p) => p.reference === "97000001")!;
    expect(payment.amount).toBe(written.amount);
    const postedPaid = (after.postingsByPayment.get(payment.paymentId) ?? []).reduce((s, p) => s + (p.paid ?? 0), 0);
    const plb = after.providerAdjustments.filter((a) => a.paymentId === payment.paymentId);
    expect(plb.map((a) => [a.reason, a.amount])).toEqual([
      ["L6", -412],
      ["WO", 2500],
    ]);
    const plbEffects = plb.reduce((s, a) => s + plbEffect(a), 0);
    expect(postedPaid + plbEffects + r.totals.held).toBe(payment.amount);

    // Read again (the pane does so after Post): posted before, each claim as it was posted.
    const again = planned(await importEra(book, "june.835", era.bytes));
    expect(again.plan).toBeUndefined();
    const view = remittanceView(again.preview.remittances[0], 0);
    expect(view.claims.map((c) => [c.patientControl, c.outcome, c.outcomeLabel])).toEqual([
      [paid.claimId, "matched", "Posted"],
      [denied.claimId, "denied", "Denied — posted"],
      [forwarded.claimId, "crossover", "Sent to next payer — posted"],
      [notOurs.claimId, "held", "Not this payer's — sent on"],
      [unbalanced.claimId, "held", "Held — not posted"],
    ]);
    expect(view.claims[4].reason).toContain(`nothing was posted for it from ${payment.paymentId}`);
    expect(view.counts).toBe("5 claims: 1 posted, 1 denial, 1 sent to next payer, 2 held");
    expect(view.totals.ties).toBe(true);
    expect(view.totals.text).toContain(`= ${view.amount} payment. Posted before`);
    expect(again.preview.remittances[0].date).toBe(ERA_DATE);
  });
});

/** data/README.md: BPR02, Σ CLP04 and Σ PLB in cents. */
const REAL: [string, number, number, number][] = [
  ["lfh_managed-care.835", 94500, 94500, 0],
  ["lfh_medicare-part-a.835", 15000000, 14999873, -127],
  ["lfh_secondary-payment.835", 122200, 122200, 0],
  ["lfh_cob-contractural-adjustment.835", 3400, 3400, 0],
  ["lfh_tertiary-payment.835", 18750, 18750, 0],
  ["ks_united_healthcare_legacy_sample.txt", 34999, 34999, 0],
  ["ks_blue_cross_nc_sample_no_envelope.txt", 192286, 192286, 0],
];

describe("the real 835 samples in ../shared/data/x12-835 (each skipped on its own when missing)", () => {
  for (const [name, bpr02, clp04, plb] of REAL) {
    const file = path.join(folder, name);
    const present = sharedDataPresent(file);
    if (!present) console.warn(`remittanceMoney: ${name} skipped, ${file} is missing (the shared real-data folder)`);
    it.skipIf(!present)(`${name}: the lines add up to BPR02 to the cent, in the pane and the terminal`, async () => {
      const book = await sampleBook(200);
      const { ledger, ctx } = await inputs(book);
      const result = await eraPostingPlan({ name, bytes: new Uint8Array(readFileSync(file)) }, ledger, ctx);
      if (!result.ok) throw new Error(result.error);
      const [r] = result.preview.remittances;
      const money = paymentMoney(r);
      expect(money.lines[0].effect).toBe(clp04);
      expect(money.lines.slice(1).reduce((s, l) => s + l.effect, 0)).toBe(0 - plb);
      expect(money).toMatchObject({ sum: bpr02, payment: bpr02, difference: 0 });
      const table = tableCents(r);
      expect(table.payment).toBe(bpr02);
      expect(table.parts.reduce((s, c) => s + c, 0)).toBe(bpr02);
      const terminal = previewLines(result.preview, false).filter((l) => l.startsWith("    "));
      const amounts = terminal.map((l) => cents(l.trim().split(/ {2,}/)[1]));
      expect(amounts.slice(0, -1).reduce((s, c) => s + c, 0)).toBe(amounts.at(-1));
      expect(amounts.at(-1)).toBe(bpr02);
    });
  }

  it.skipIf(!sharedDataPresent(path.join(folder, "lfh_medicare-part-a.835")))(
    "lfh_medicare-part-a.835: its PLB (CV, −$1.27 in the file) adds $1.27 to the claims' $149,998.73",
    async () => {
      const book = await sampleBook(200);
      const { ledger, ctx } = await inputs(book);
      const name = "lfh_medicare-part-a.835";
      const result = await eraPostingPlan({ name, bytes: new Uint8Array(readFileSync(path.join(folder, name))) }, ledger, ctx);
      if (!result.ok) throw new Error(result.error);
      const totals = totalsView(result.preview.remittances[0]);
      expect(totals.lines.slice(0, 3).map((l) => [l.label, l.amount])).toEqual([
        ["Paid on claims", "$149,998.73"],
        ["Capital passthrough (CV) · CP", "+$1.27"],
        ["Payment (BPR02)", "$150,000.00"],
      ]);
      expect(totals.text).toContain("$149,998.73 paid on claims + $1.27 capital passthrough (CV) = $150,000.00 payment");
    },
  );
});
