// The Import remittance panel's view of an ERA preview, apart from React: totals line by line that
// add up to the check, PLB interest and recoupments included (and the figure that doesn't), outcome
// counts, labels before and after posting (a denial stays a denial), labels for methods, traces and
// PLB reasons, the exceptions' figures, and the messages said after posting or when a file was
// posted before, which say the counts of what needs work.
import { describe, expect, it } from "vitest";
import type { EraClaimPreview, EraPreview, EraRemittancePreview } from "../../src/era/eraPreview";
import {
  alreadyPostedMessage,
  callouts,
  exceptionViews,
  methodName,
  outcomeCounts,
  paidByLine,
  claimView,
  plbReasonName,
  postedMessage,
  postedTitle,
  previewSummary,
  refusalMessage,
  remittanceView,
  totalsView,
  traceLabel,
} from "../../taskpane/remittance/remittanceView";

function claim(
  patientControl: string,
  outcome: EraClaimPreview["outcome"],
  paid: number,
  extra: Partial<EraClaimPreview> = {},
): EraClaimPreview {
  return {
    patientControl,
    status: outcome === "reversal" ? "22" : "1",
    statusText: outcome === "reversal" ? "Reversal of a previous payment" : "Processed as primary",
    charge: 20000,
    paid,
    outcome,
    chargeIds: ["L1"],
    ...extra,
  };
}

function remittance(extra: Partial<EraRemittancePreview> = {}): EraRemittancePreview {
  return {
    payerName: "Acme Health",
    payerId: "ACME",
    trace: "EFT778899",
    amount: 24750,
    method: "ACH",
    date: "2026-03-05",
    claims: [claim("CLM001", "matched", 12000), claim("CLM002", "matched", 13000), claim("CLM003", "denied", 0)],
    plb: [
      { providerId: "1234567893", reason: "WO", reference: "CLM0009", amount: 500 },
      { providerId: "1234567893", reason: "L6", amount: -250 },
    ],
    totals: { paid: 25000, plb: 250, posted: 24750, held: 0, difference: 0 },
    ...extra,
  };
}

function preview(remittances: EraRemittancePreview[], extra: Partial<EraPreview> = {}): EraPreview {
  return { fileName: "acme.835", sha256: "ab".repeat(32), remittances, warnings: [], exceptions: [], ...extra };
}

/** A payment of $250.00 on claims with the given PLB items and BPR02 (claims − PLB unless said). */
function totalsOf(
  plb: EraRemittancePreview["plb"],
  totals: Partial<EraRemittancePreview["totals"]> = {},
  extra: Partial<EraRemittancePreview> = {},
) {
  const net = 25000 - plb.reduce((s, p) => s + p.amount, 0);
  const plbSum = plb.reduce((s, p) => s + p.amount, 0);
  return totalsView(
    remittance({
      amount: net,
      claims: [claim("CLM001", "matched", 12000), claim("CLM002", "matched", 13000)],
      plb,
      totals: { paid: 25000, plb: plbSum, posted: net, held: 0, difference: 0, ...totals },
      ...extra,
    }),
  );
}

const RECOUPMENT = { providerId: "1234567893", reason: "WO", reference: "CLM0009", amount: 500 };
const INTEREST = { providerId: "1234567893", reason: "L6", amount: -250 };

describe("the totals of one payment", () => {
  it("list claims paid and each PLB item as what it does, adding up to the payment, then posted and held", () => {
    const totals = totalsOf([RECOUPMENT, INTEREST]);
    expect(totals.ties).toBe(true);
    expect(totals.lines.map((l) => [l.label, l.amount, l.off ?? false])).toEqual([
      ["Paid on claims", "$250.00", false],
      ["Overpayment recovery (WO) · CLM0009", "-$5.00", false],
      ["Interest (L6)", "+$2.50", false],
      ["Payment (BPR02)", "$247.50", false],
      ["Posted now (claims and PLB)", "$247.50", false],
      ["Held (not posted)", "$0.00", false],
    ]);
    expect(totals.lines.filter((l) => l.part).map((l) => l.label)).toEqual([
      "Paid on claims",
      "Overpayment recovery (WO) · CLM0009",
      "Interest (L6)",
    ]);
    expect(totals.text).toBe(
      "Ties out: $250.00 paid on claims − $5.00 overpayment recovery (WO) + $2.50 interest (L6) = $247.50 payment = $247.50 posted + $0.00 held.",
    );
  });

  it("name the difference once, in red, when the file's own sum is off", () => {
    const totals = totalsOf([RECOUPMENT, INTEREST], { posted: 0, held: 24750, difference: 50 }, { amount: 24800 });
    expect(totals.ties).toBe(false);
    const off = totals.lines.filter((l) => l.off);
    expect(off.map((l) => [l.label, l.amount])).toEqual([
      ["Payment (BPR02)", "$248.00"],
      ["Payment ≠ claims − PLB by", "$0.50"],
    ]);
    expect(totals.text).toBe(
      "Does not tie out: the payment is $248.00 but $250.00 paid on claims − $5.00 overpayment recovery (WO) + $2.50 interest (L6) is $247.50 (off by $0.50).",
    );
  });

  it("check only the file's own sum for a payment posted before, which posts and holds nothing now", () => {
    const before = { alreadyPosted: { on: "2026-03-06 09:15:00", paymentId: "PM1" } };
    const totals = totalsOf([RECOUPMENT, INTEREST], { posted: 0, held: 0 }, before);
    expect(totals.ties).toBe(true);
    expect(totals.lines.map((l) => l.label)).toEqual([
      "Paid on claims",
      "Overpayment recovery (WO) · CLM0009",
      "Interest (L6)",
      "Payment (BPR02)",
    ]);
    expect(totals.text).toBe(
      "Ties out: $250.00 paid on claims − $5.00 overpayment recovery (WO) + $2.50 interest (L6) = $247.50 payment. Posted before: nothing is posted now.",
    );
    expect(totalsOf([RECOUPMENT, INTEREST], { posted: 0, held: 0 }).ties).toBe(false);
  });

  it("name only the posted-and-held gap when the file balances but a claim went missing between them", () => {
    const totals = totalsOf([RECOUPMENT, INTEREST], { posted: 20000, held: 4000 });
    expect(totals.ties).toBe(false);
    expect(totals.lines.filter((l) => l.off).map((l) => l.label)).toEqual(["Payment ≠ posted + held by"]);
    expect(totals.text).toBe("Does not tie out: posted $200.00 + held $40.00 is $240.00, not the payment's $247.50 (off by $7.50).");
  });

  it("add interest (a negative PLB) to the claims, never subtract a negative", () => {
    const totals = totalsOf([{ providerId: "1", reason: "L6", reference: "INT1", amount: -375 }]);
    expect(totals.ties).toBe(true);
    expect(totals.lines[1]).toEqual({ label: "Interest (L6) · INT1", amount: "+$3.75", part: true });
    expect(totals.text).toBe("Ties out: $250.00 paid on claims + $3.75 interest (L6) = $253.75 payment = $253.75 posted + $0.00 held.");
  });

  it("put a reversal's money taken back on a line of its own, still adding up to the payment", () => {
    const totals = totalsView(
      remittance({
        amount: 15000,
        claims: [claim("CLM001", "matched", 20000), claim("CLM002", "reversal", -5000)],
        plb: [],
        totals: { paid: 15000, plb: 0, posted: 15000, held: 0, difference: 0 },
      }),
    );
    expect(totals.lines.slice(0, 3).map((l) => [l.label, l.amount])).toEqual([
      ["Paid on claims", "$200.00"],
      ["Taken back by reversals", "-$50.00"],
      ["Payment (BPR02)", "$150.00"],
    ]);
    expect(totals.text).toBe(
      "Ties out: $200.00 paid on claims − $50.00 taken back by reversals = $150.00 payment = $150.00 posted + $0.00 held.",
    );
  });

  it("count a held claim's money as held, and still tie out", () => {
    const totals = totalsOf([RECOUPMENT, INTEREST], { posted: 11750, held: 13000 });
    expect(totals.ties).toBe(true);
    expect(totals.text).toContain("= $117.50 posted + $130.00 held.");
  });
});

describe("outcome counts", () => {
  it("say how many claims and how many of each outcome, matched first, then what needs work", () => {
    const claims = [
      claim("A", "unmatched", 0),
      claim("B", "matched", 100),
      claim("C", "denied", 0),
      claim("D", "matched", 100),
      claim("E", "held", 100),
      claim("F", "reversal", -100),
      claim("G", "crossover", 100),
      claim("H", "denied", 0),
    ];
    expect(outcomeCounts(claims)).toBe("8 claims: 2 matched, 2 denials, 1 reversal, 1 sent to next payer, 1 held, 1 not matched");
    // Once posted, a matched claim is posted; the rest keep their words.
    expect(outcomeCounts(claims, true)).toBe("8 claims: 2 posted, 2 denials, 1 reversal, 1 sent to next payer, 1 held, 1 not matched");
    expect(outcomeCounts([claim("A", "matched", 1)])).toBe("1 claim: 1 matched");
    expect(outcomeCounts([])).toBe("0 claims");
  });
});

describe("labels", () => {
  it("say the payment method and trace the way a biller reads them", () => {
    expect(methodName("ACH")).toBe("ACH (EFT)");
    expect(methodName("chk")).toBe("Check");
    expect(methodName("NON")).toBe("No payment");
    expect(methodName("XYZ")).toBe("XYZ");
    expect(traceLabel("CHK", "000123")).toBe("Check 000123");
    expect(traceLabel("ACH", "EFT9")).toBe("EFT EFT9");
    expect(traceLabel("NON", "T1")).toBe("Trace T1");
    expect(paidByLine({ method: "ACH", trace: "99", date: "2026-03-05" })).toBe("EFT 99 · ACH (EFT) · 2026-03-05");
    expect(paidByLine({ method: "CHK", trace: "0012345", date: "2026-03-05" })).toBe("Check 0012345 · 2026-03-05");
    expect(paidByLine({ method: "NON", trace: "T1" })).toBe("Trace T1 · No payment · no payment date");
    // BPR16 blank: the date says which of the file's own dates it is.
    expect(paidByLine({ method: "CHK", trace: "7", date: "2026-03-04", dateFrom: "DTM*405" })).toBe(
      "Check 7 · 2026-03-04 (production date, BPR16 blank)",
    );
    expect(paidByLine({ method: "CHK", trace: "7", date: "2026-03-02", dateFrom: "GS04" })).toBe(
      "Check 7 · 2026-03-02 (file date GS04, BPR16 blank)",
    );
  });

  it("name PLB reasons", () => {
    expect(plbReasonName("L6")).toBe("Interest (L6)");
    expect(plbReasonName("WO")).toBe("Overpayment recovery (WO)");
    expect(plbReasonName("ZZ")).toBe("Adjustment ZZ");
    expect(plbReasonName("CV")).toBe("Capital passthrough (CV)");
  });
});

describe("one payment as the panel shows it", () => {
  it("has the payer, trace, method, amount, date, each claim's outcome and the callouts", () => {
    const view = remittanceView(
      remittance({
        claims: [
          claim("CLM001", "matched", 12000, { patientName: "DOE, JANE" }),
          claim("CLM002", "denied", 0, { reason: "CO-50: not medically necessary" }),
        ],
      }),
      0,
    );
    expect(view).toMatchObject({
      payer: "Acme Health · ACME",
      trace: "EFT EFT778899",
      method: "ACH (EFT)",
      amount: "$247.50",
      date: "2026-03-05",
    });
    expect(view.claims.map((c) => [c.patientControl, c.patientName, c.outcomeLabel, c.tone, c.paid, c.reason])).toEqual([
      ["CLM001", "DOE, JANE", "Matched", "success", "$120.00", undefined],
      ["CLM002", "", "Denied", "danger", "$0.00", "CO-50: not medically necessary"],
    ]);
    expect(view.counts).toBe("2 claims: 1 matched, 1 denial");
    expect(view.alreadyPosted).toBeUndefined();
    expect(view.totals.lines.filter((l) => l.part).map((l) => l.amount)).toEqual(["$250.00", "-$5.00", "+$2.50"]);
  });

  it("once posted, says what became of each claim: a denial still reads as denied, a claim sent on says so", () => {
    const claims = [
      claim("A", "matched", 12000),
      claim("B", "denied", 0, { status: "4", statusText: "Denied" }),
      claim("C", "denied", 0),
      claim("D", "crossover", 5000, { status: "19" }),
      claim("E", "held", 0, { status: "23" }),
      claim("F", "held", 100),
      claim("G", "unmatched", 100),
      claim("H", "reversal", -100),
    ];
    const before = remittanceView(remittance({ claims }), 0);
    expect(before.claims.map((c) => c.outcomeLabel)).toEqual([
      "Matched",
      "Denied",
      "Denied",
      "Sent to next payer",
      "Not this payer's — sent on",
      "Held",
      "Not matched",
      "Reversal",
    ]);
    const after = remittanceView(remittance({ claims, alreadyPosted: { on: "2026-03-06 09:15:00", paymentId: "PM1" } }), 0);
    expect(after.claims.map((c) => [c.outcomeLabel, c.tone])).toEqual([
      ["Posted", "success"],
      ["Denied — posted", "danger"],
      ["Denied — posted", "danger"],
      ["Sent to next payer — posted", "info"],
      ["Not this payer's — sent on", "info"],
      ["Held — not posted", "warning"],
      ["Not matched", "warning"],
      ["Reversal — posted", "info"],
    ]);
    expect(after.counts).toBe("8 claims: 1 posted, 2 denials, 1 reversal, 1 sent to next payer, 2 held, 1 not matched");
    expect(claimView(claim("B", "denied", 0), true).outcomeLabel).not.toBe("Matched");
  });

  it("names the payer by the file alone when no Payers row matched it", () => {
    expect(remittanceView(remittance({ payerId: undefined }), 0).payer).toBe("Acme Health");
  });

  it("calls out denials, reversals, crossovers, held and unmatched claims, and PLB items", () => {
    const out = callouts({
      claims: [
        claim("A", "denied", 0),
        claim("B", "reversal", -100),
        claim("C", "crossover", 50),
        claim("D", "held", 10),
        claim("E", "unmatched", 10),
        claim("F", "unmatched", 10),
      ],
      plb: [{ providerId: "1", reason: "L6", amount: -5 }],
    });
    expect(out).toEqual([
      "1 denial to work: nothing paid, flagged for follow-up.",
      "1 reversal takes back an earlier payment with negative postings.",
      "1 claim was forwarded to the next payer: don't bill the secondary yourself.",
      "1 claim is held: nothing posted for it; the reason is under each.",
      "2 claims not matched to the workbook: listed as exceptions, nothing posted.",
      "1 provider-level adjustment (PLB), each in the totals below, recorded apart from claim balances.",
    ]);
    expect(callouts({ claims: [claim("A", "matched", 1)], plb: [] })).toEqual([]);
  });

  it("says when it was posted before", () => {
    const view = remittanceView(remittance({ alreadyPosted: { on: "2026-03-06 09:15:00", paymentId: "PM000031" } }), 1);
    expect(view.alreadyPosted).toBe("Already posted on 2026-03-06 09:15:00 (payment PM000031): nothing from it is posted again.");
    expect(view.key).toBe("1:EFT778899");
  });
});

describe("the whole file", () => {
  it("says what Post will write and what it holds", () => {
    const held = remittance({ trace: "T2", totals: { paid: 25000, plb: 250, posted: 11750, held: 13000, difference: 0 } });
    const s = previewSummary(preview([remittance(), held]));
    expect(s.toPost).toHaveLength(2);
    expect(s.headline).toBe("acme.835: 2 payments; Post writes $365.00 and holds $130.00. 6 claims: 4 matched, 2 denials.");
    const allHeld = remittance({
      claims: [claim("A", "held", 12000), claim("B", "unmatched", 13000)],
      totals: { paid: 25000, plb: 250, posted: 0, held: 24750, difference: 0 },
    });
    expect(previewSummary(preview([allHeld])).headline).toBe(
      "acme.835: 1 payment; nothing can be posted, $247.50 held. 2 claims: 1 held, 1 not matched.",
    );
    // All matched: the counts say so, and only then does the headline read as all well.
    const clean = remittance({ claims: [claim("A", "matched", 12000), claim("B", "matched", 13000)] });
    expect(previewSummary(preview([clean])).headline).toBe("acme.835: 1 payment; Post writes $247.50. 2 claims: 2 matched.");
  });

  it("says a file posted before is already posted, and which payment was posted when", () => {
    const p = preview([remittance({ alreadyPosted: { on: "2026-03-06 09:15:00", paymentId: "PM000031" } })]);
    expect(previewSummary(p)).toMatchObject({ toPost: [], headline: "acme.835: 1 payment, already posted. 3 claims: 2 posted, 1 denial." });
    expect(alreadyPostedMessage(p)).toBe(
      "EFT EFT778899 from Acme Health ($247.50) was posted on 2026-03-06 09:15:00. Nothing was written.",
    );
  });

  it("after posting, says the money posted, the PLB, what is held and that exceptions stay", () => {
    const p = preview(
      [
        remittance({
          claims: [claim("A", "matched", 12000), claim("B", "denied", 0), claim("C", "held", 13000)],
          totals: { paid: 25000, plb: 250, posted: 11750, held: 13000, difference: 0 },
        }),
        remittance({ trace: "OLD", alreadyPosted: { on: "2026-01-02", paymentId: "PM1" } }),
      ],
      { exceptions: [{ trace: "EFT778899", patientControl: "C", reason: "claim does not balance by $1.00" }] },
    );
    expect(postedMessage(p)).toBe(
      "1 payment of $247.50 posted: $250.00 paid on claims − $5.00 overpayment recovery (WO) + $2.50 interest (L6) = $247.50; " +
        "$130.00 of it held (not posted). 3 claims: 1 posted, 1 denial, 1 held. 1 exception stays listed below. The Audit sheet records it.",
    );
    expect(postedTitle(p)).toBe("Remittance posted: 2 claims to work");
    expect(postedTitle(preview([remittance({ claims: [claim("A", "matched", 25000)] })]))).toBe("Remittance posted");
  });

  it("after posting several payments, adds their money up by reason: interest in, recoupments out, to the cent", () => {
    const p = preview([
      remittance(),
      remittance({
        trace: "T2",
        amount: 10375,
        claims: [claim("D", "matched", 10000)],
        plb: [{ providerId: "1", reason: "L6", reference: "INT2", amount: -375 }],
        totals: { paid: 10000, plb: -375, posted: 10375, held: 0, difference: 0 },
      }),
    ]);
    expect(postedMessage(p)).toBe(
      "2 payments of $351.25 posted: $350.00 paid on claims − $5.00 overpayment recovery (WO) + $6.25 interest (L6) = $351.25. " +
        "4 claims: 3 posted, 1 denial. The Audit sheet records it.",
    );
  });

  it("lists exceptions by trace, claim and line", () => {
    const p = preview([], {
      exceptions: [
        { trace: "T1", patientControl: "CLM9", reason: "No claim CLM9 in Charges" },
        { trace: "T1", patientControl: "CLM1", line: "99213 on 2026-02-01", reason: "No line matches" },
      ],
    });
    expect(exceptionViews(p).map((e) => [e.where, e.figures, e.reason])).toEqual([
      ["T1 · Claim CLM9", "", "No claim CLM9 in Charges"],
      ["T1 · Claim CLM1, line 99213 on 2026-02-01", "", "No line matches"],
    ]);
    const figured = preview([], {
      exceptions: [
        {
          trace: "T1",
          patientControl: "CLM1",
          reason: "denied",
          payerName: "Acme Health",
          payerId: "ACME",
          patientId: "P0007",
          dos: "2026-02-01",
          billed: 20000,
          allowed: 15000,
          paid: 0,
          patientResp: 0,
        },
      ],
    });
    expect(exceptionViews(figured)[0].figures).toBe(
      "Acme Health · account P0007 · DOS 2026-02-01 · billed $200.00 · allowed $150.00 · paid $0.00 · patient $0.00",
    );
    expect(previewSummary(p).headline).toBe("acme.835 holds no payments.");
  });

  it("says a refused file's reason as a sentence, and that nothing was written", () => {
    expect(refusalMessage("this is a 004010 file; only 005010X221 remittances can be imported")).toBe(
      "This is a 004010 file; only 005010X221 remittances can be imported. Nothing was written.",
    );
    expect(refusalMessage("The file is empty.")).toBe("The file is empty. Nothing was written.");
  });
});
