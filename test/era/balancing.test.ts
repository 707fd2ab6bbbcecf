// The three 835 balancing rules in cents (DOMAIN.md): line SVC02 − ΣCAS = SVC03; claim CLP03 −
// ΣCAS(claim and lines) = CLP04; transaction ΣCLP04 − ΣPLB = BPR02. A difference is reported with its
// sign and where it is, never absorbed.
import { describe, expect, it } from "vitest";
import { balanceRemittance } from "../../src/era/balancing";
import { readRemittanceFile, type CasAdjustment, type RemitClaim, type RemitLine, type Remittance } from "../../src/era/remittance";
import { writeX12 } from "../x12/x12Fixtures";
import { fullBody } from "./remittanceFixtures";

const cas = (group: CasAdjustment["group"], reason: string, amount: number): CasAdjustment => ({ group, reason, amount });

function line(charge: number, paid: number, adjustments: CasAdjustment[]): RemitLine {
  return { qualifier: "HC", code: "99213", modifiers: [], charge, paid, adjustments, remarks: [], position: 1 };
}

function claim(charge: number, paid: number, adjustments: CasAdjustment[], lines: RemitLine[] = []): RemitClaim {
  return { patientControl: "CL1", status: "1", charge, paid, patientResp: 0, adjustments, lines, position: 1 };
}

function remittance(amount: number, claims: RemitClaim[], plb: number[] = [], creditDebit = "C"): Remittance {
  return {
    control: "0001",
    payment: { handling: "I", amount, creditDebit, method: "ACH" },
    trace: { number: "T1", payerId: "P1" },
    payer: { name: "PAYER" },
    payee: { name: "PRACTICE" },
    claims,
    plb: plb.map((amount) => ({ providerId: "X", reason: "WO", amount })),
  };
}

describe("line: SVC02 − ΣCAS = SVC03", () => {
  it("passes a balanced line and reports one cent off with its sign", () => {
    const ok = claim(10_000, 6_000, [], [line(10_000, 6_000, [cas("CO", "45", 3_000), cas("PR", "2", 1_000)])]);
    expect(balanceRemittance(remittance(6_000, [ok])).claims).toEqual([{ claimIndex: 0, ok: true, difference: 0, lineProblems: [] }]);
    const paidTooLittle = claim(
      10_000,
      5_999,
      [],
      [line(10_000, 6_000, [cas("CO", "45", 3_000), cas("PR", "2", 1_000)]), line(100, 0, [cas("CO", "45", 101)])],
    );
    const [b] = balanceRemittance(remittance(5_999, [paidTooLittle])).claims;
    expect(b.lineProblems).toEqual([{ lineIndex: 1, difference: -1 }]);
    expect(b.ok).toBe(false);
  });

  it("holds a claim whose lines do not balance even when the claim's totals do", () => {
    // The tertiary-payment sample: SVC*HC*24599.00*1766.50*187.50 read as written.
    const odd = claim(176_650, 18_750, [], [line(2_459_900, 176_650, [cas("OA", "23", 157_900)])]);
    const [b] = balanceRemittance(remittance(18_750, [odd])).claims;
    expect(b).toEqual({
      claimIndex: 0,
      ok: false,
      difference: 0,
      lineProblems: [{ lineIndex: 0, difference: 2_459_900 - 157_900 - 176_650 }],
    });
  });
});

describe("claim: CLP03 − ΣCAS(claim and lines) = CLP04", () => {
  it("counts claim-level and line-level CAS together", () => {
    const c = claim(12_000, 4_950, [cas("CO", "A2", 550)], [line(12_000, 5_500, [cas("PR", "1", 6_000), cas("CO", "45", 500)])]);
    expect(balanceRemittance(remittance(4_950, [c])).claims[0]).toEqual({ claimIndex: 0, ok: true, difference: 0, lineProblems: [] });
    const off = { ...c, paid: 5_000 };
    expect(balanceRemittance(remittance(5_000, [off])).claims[0]).toMatchObject({ ok: false, difference: -50 });
  });

  it("uses claim-level CAS alone when the claim has no service lines", () => {
    const institutional = claim(21_136_697, 13_801_840, [cas("CO", "45", 7_334_857)]);
    expect(balanceRemittance(remittance(13_801_840, [institutional])).claims[0].ok).toBe(true);
    const missingCas = claim(21_136_697, 13_801_840, []);
    expect(balanceRemittance(remittance(13_801_840, [missingCas])).claims[0]).toMatchObject({ ok: false, difference: 7_334_857 });
  });

  it("balances a reversal, every amount negated, and a negative CAS", () => {
    const reversal = { ...claim(-10_000, -6_000, [], [line(-10_000, -6_000, [cas("CO", "45", -4_000)])]), status: "22" };
    const negativeCas = claim(54_100, 3_400, [], [line(54_100, 3_400, [cas("OA", "23", 51_600), cas("OA", "94", -900)])]);
    const result = balanceRemittance(remittance(0, [reversal, { ...negativeCas, paid: 3_400 }], [-2_600]));
    expect(result.claims.map((c) => c.ok)).toEqual([true, true]);
  });
});

describe("transaction: ΣCLP04 − ΣPLB = BPR02", () => {
  const paid = claim(10_000, 10_000, []);

  it("takes a positive PLB (recoupment) off the payment and a negative one (interest) on", () => {
    expect(balanceRemittance(remittance(9_000, [paid], [1_000]))).toMatchObject({
      ok: true,
      difference: 0,
      totalPaid: 10_000,
      totalPlb: 1_000,
    });
    expect(balanceRemittance(remittance(10_127, [paid], [-127]))).toMatchObject({ ok: true, difference: 0, totalPlb: -127 });
  });

  it("reports the difference ΣCLP04 − ΣPLB − BPR02 when it does not tie", () => {
    expect(balanceRemittance(remittance(10_001, [paid]))).toMatchObject({ ok: false, difference: -1 });
    expect(balanceRemittance(remittance(9_000, [paid]))).toMatchObject({ ok: false, difference: 1_000 });
  });

  it("reads a debit (BPR03 D) as money the payer takes back", () => {
    const recouped = remittance(500, [claim(0, 0, [])], [500], "D");
    expect(balanceRemittance(recouped)).toMatchObject({ ok: true, difference: 0 });
    expect(balanceRemittance({ ...recouped, payment: { ...recouped.payment, creditDebit: "C" } })).toMatchObject({
      ok: false,
      difference: -1_000,
    });
  });

  it("judges the transaction apart from its claims", () => {
    const unbalancedClaim = claim(10_000, 10_000, [cas("CO", "45", 1)]);
    const result = balanceRemittance(remittance(10_000, [unbalancedClaim]));
    expect(result.ok).toBe(true);
    expect(result.claims[0]).toMatchObject({ ok: false, difference: -1 });
  });

  it("balances a whole file read from text, PLB interest and recoupment included", () => {
    const read = readRemittanceFile(writeX12([{ body: fullBody }]));
    if (!read.ok) throw new Error(read.error);
    const result = balanceRemittance(read.remittances[0]);
    expect(result).toEqual({
      claims: [
        { claimIndex: 0, ok: true, difference: 0, lineProblems: [] },
        { claimIndex: 1, ok: true, difference: 0, lineProblems: [] },
      ],
      ok: true,
      difference: 0,
      totalPaid: 6_000,
      totalPlb: 500,
    });
  });
});
