// Matching an 835 to the workbook (issue 5, "Matching"), and what the plan does with what it cannot
// match or must not post: claims and lines we never billed go to the exceptions with the reason; lines
// are found by REF*6R, else by code, modifiers and date (the billed code from SVC06); the payer by its
// X12 Payer ID, else its name, else the claims; a claim the payer already paid is held; claim-level
// adjustments land on the line with the most left to pay; crossovers are said; a refused file writes
// nothing; the exceptions go to a sheet without patient names.
import { describe, expect, it } from "vitest";
import { isoToSerial } from "../../src/dates";
import { eraPostingPlan, exceptionsSheetPlan } from "../../src/era/eraPlan";
import { readLedger } from "../../src/ledger/ledger";
import { applyPlan } from "../../src/workbook/plan";
import {
  balancesNow,
  ERA_DATE,
  importEra,
  inputs,
  MEDICAID,
  NOW,
  planned,
  rowCounts,
  medicare,
  medicareEra,
  sampleBook,
  sampleUnpaid,
  unpaidClaims,
} from "./eraPlanBooks";
import { SYNTHETIC_PATIENT_LAST, syntheticRemittance } from "./syntheticRemittance";

describe("claims and lines not in the workbook", () => {
  it("an unknown claim and a line never billed are exceptions with the reason; the other claims post", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [good, withExtra] = unpaid;
    const era = medicareEra(ledger, "96000001", [
      { claimId: good.claimId },
      { claimId: "CL123", unknown: { code: "99213", dos: "2026-03-05", charge: 13000 } },
      { claimId: withExtra.claimId, extraLine: { code: "99999", dos: "2026-03-05" } },
    ]);
    const written = era.transactions[0];
    const result = planned(await importEra(book, "unmatched.835", era.bytes));
    const r = result.preview.remittances[0];
    expect(r.claims.map((c) => c.outcome)).toEqual(["matched", "unmatched", "unmatched"]);
    expect(r.claims[1].reason).toBe("claim CL123 is not in Charges");
    expect(r.claims[2].chargeIds).toEqual([...withExtra.lines.map((l) => l.chargeId), null]);
    // Worked by hand: CL123 is one line of $130.00, allowed 80% ($104.00, CO-45 $26.00), all paid;
    // the line never billed is $10.00 paid in full. Neither has a patient share.
    const payer = { payerName: "Medicare Part B (Sample MAC)", payerId: "MCR" };
    expect(result.preview.exceptions).toEqual([
      {
        trace: "96000001",
        patientControl: "CL123",
        reason: "claim CL123 is not in Charges",
        ...payer,
        dos: "2026-03-05",
        billed: 13000,
        allowed: 10400,
        paid: 10400,
        patientResp: 0,
      },
      {
        trace: "96000001",
        patientControl: withExtra.claimId,
        line: "99999 on 2026-03-05",
        reason: `no line for 99999 on 2026-03-05 in claim ${withExtra.claimId}`,
        ...payer,
        patientId: withExtra.lines[0].patientId,
        dos: "2026-03-05",
        billed: 1000,
        allowed: 1000,
        paid: 1000,
        patientResp: 0,
      },
    ]);
    expect(r.totals).toEqual({
      paid: written.amount,
      plb: 0,
      posted: written.claims[0].paid,
      held: written.claims[1].paid + written.claims[2].paid,
      difference: 0,
    });
    const { ledger: after } = await readLedger(book);
    const touched = new Set(after.postingsByPayment.get(after.payments.at(-1)!.paymentId)!.map((p) => p.chargeId));
    expect([...touched].sort()).toEqual(good.lines.map((l) => l.chargeId).sort());
  });

  it("without line ids, lines are matched by code, modifiers and date; a line paid under another code by the code billed (SVC06)", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const claims = unpaid.filter((c) => c.lines.length > 1);
    const [a, b] = claims;
    const recoded = b.lines[0];
    const era = medicareEra(ledger, "96000002", [
      { claimId: a.claimId, lineIds: false },
      { claimId: b.claimId, lineIds: false, paidAs: { chargeId: recoded.chargeId, code: "99211" } },
    ]);
    expect(era.text).toContain(`SVC*HC:99211${recoded.mod1 ? `:${recoded.mod1}` : ""}*`);
    expect(era.text).not.toContain("REF*6R");
    const result = planned(await importEra(book, "bycode.835", era.bytes));
    const r = result.preview.remittances[0];
    expect(r.claims.map((c) => c.outcome)).toEqual(["matched", "matched"]);
    expect(r.claims[0].chargeIds).toEqual(a.lines.map((l) => l.chargeId));
    expect(r.claims[1].chargeIds).toEqual(b.lines.map((l) => l.chargeId));
  });

  it("a claim the payer already paid is held, so it is not paid twice", async () => {
    const book = await sampleBook();
    const { ledger } = await inputs(book);
    // A claim the sample's Medicare EFT paid in full.
    const paidClaim = ledger.charges.find(
      (c) =>
        c.payerId === "MCR" &&
        (ledger.postingsByCharge.get(c.chargeId) ?? []).some(
          (p) => (p.paid ?? 0) > 0 && ledger.paymentById.get(p.paymentId!)?.payerId === "MCR",
        ),
    )!.claimId;
    const era = medicareEra(ledger, "96000003", [{ claimId: paidClaim }]);
    const before = await balancesNow(book);
    const result = planned(await importEra(book, "twice.835", era.bytes));
    const claim = result.preview.remittances[0].claims[0];
    expect(claim.outcome).toBe("held");
    expect(claim.reason).toMatch(new RegExp(`^MCR already paid \\$[\\d,.]+ on claim ${paidClaim} \\(PM\\d+`));
    expect(result.plan).toBeUndefined();
    expect(await balancesNow(book)).toEqual(before);
  });
});

describe("what a matched claim posts", () => {
  it("claim-level CAS is taken from the payment of the line paid most and recorded there; paid adds up to CLP04", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const claim = unpaid.find((c) => c.lines.length > 1 && c.lines[0].amount !== c.lines[1].amount)!;
    const era = medicareEra(ledger, "97000001", [{ claimId: claim.claimId, claimLevel: [{ group: "CO", reason: "253", amount: 123 }] }]);
    const written = era.transactions[0].claims[0];
    const before = await balancesNow(book);
    const result = planned(await importEra(book, "claimlevel.835", era.bytes));
    const r = result.preview.remittances[0];
    expect(r.claims[0].outcome).toBe("matched");
    const dearest = [...claim.lines].sort((x, y) => y.amount - x.amount)[0];
    expect(r.claims[0].reason).toBe(`claim-level CO-253 $1.23 taken from the payment of ${dearest.chargeId}`);
    const { ledger: after } = await readLedger(book);
    const made = after.postingsByPayment.get(after.payments.at(-1)!.paymentId)!;
    expect(made.filter((p) => p.reason === "253")).toEqual([
      expect.objectContaining({ chargeId: dearest.chargeId, adjustment: 123, group: "CO", note: expect.stringContaining("Claim-level") }),
    ]);
    expect(made.reduce((s, p) => s + (p.paid ?? 0), 0)).toBe(written.paid);
    const line = written.lines.find((l) => l.chargeId === dearest.chargeId)!;
    expect(made.find((p) => p.chargeId === dearest.chargeId && p.paid !== undefined)!.paid).toBe(line.paid - 123);
    // Each line's balance is what its own figures give: charge − SVC03 − CO-45 (paid 80%, so 0 here).
    const now = await balancesNow(book);
    for (const l of written.lines) {
      expect(now.get(l.chargeId!)!.balance).toBe(before.get(l.chargeId!)!.balance - l.paid - (l.charge - l.paid));
    }
    expect(r.totals).toMatchObject({ posted: era.transactions[0].amount, held: 0 });
  });

  it("a claim-level reduction larger than what its lines were paid holds the claim", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const charged = claim.lines.reduce((s, l) => s + l.amount, 0);
    const era = medicareEra(ledger, "97000002", [
      { claimId: claim.claimId, allowedPercent: 100, claimLevel: [{ group: "CO", reason: "45", amount: charged + 100 }] },
    ]);
    const result = planned(await importEra(book, "toomuch.835", era.bytes, false));
    const c = result.preview.remittances[0].claims[0];
    expect(c.outcome).toBe("held");
    expect(c.reason).toContain("is more than its lines were paid");
  });

  it("a claim denied at claim level with its lines paid in the file posts each line at $0.00, to work", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const charged = claim.lines.reduce((s, l) => s + l.amount, 0);
    const era = medicareEra(ledger, "97000005", [
      { claimId: claim.claimId, allowedPercent: 100, claimLevel: [{ group: "CO", reason: "16", amount: charged }] },
    ]);
    expect(era.transactions[0].claims[0].paid).toBe(0);
    const before = await balancesNow(book);
    const result = planned(await importEra(book, "claimdenied.835", era.bytes));
    expect(result.preview.remittances[0].claims[0].outcome).toBe("denied");
    const { ledger: after } = await readLedger(book);
    const made = after.postingsByPayment.get(after.payments.at(-1)!.paymentId)!;
    expect(made.map((p) => [p.chargeId, p.paid, p.adjustment, p.reason])).toEqual(claim.lines.map((l) => [l.chargeId, 0, 0, "16"]));
    expect(made.every((p) => p.note?.startsWith("Denied: to work"))).toBe(true);
    expect(await balancesNow(book)).toEqual(before);
  });

  it("a crossover (CLP02 19) posts and says the payer forwarded it", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const era = medicareEra(ledger, "97000003", [{ claimId: claim.claimId, status: "19", coinsurancePercent: 20 }]);
    const result = planned(await importEra(book, "crossover.835", era.bytes));
    const c = result.preview.remittances[0].claims[0];
    expect(c).toMatchObject({ outcome: "crossover", statusText: "Processed as primary, forwarded to additional payer(s)" });
    expect(c.reason).toContain("forwarded to the next payer by the payer: don't bill the secondary by hand");
    expect(result.plan).toBeDefined();
    // Kept in the claim's history, so it is never billed to the secondary by hand.
    const { ClaimStatus: history } = await book.readTables(["ClaimStatus"]);
    const rows = history!.rows.map((r) => Object.fromEntries(history!.headers.map((h, i) => [h, r[i]])));
    expect(rows).toEqual([
      expect.objectContaining({
        ClaimID: claim.claimId,
        PayerID: "MCR",
        Sequence: "Primary",
        Event: "Crossed over",
        Source: "ERA",
        // CLP07, the payer's claim number the synthetic file gives it.
        "Control #": `PCN${claim.claimId}`,
      }),
    ]);
  });

  it("a claim with status 4 (denied) is a denial to work even when its CAS is only CO-45", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const era = medicareEra(ledger, "97000006", [{ claimId: claim.claimId, status: "4", allowedPercent: 0 }]);
    const result = planned(await importEra(book, "status4.835", era.bytes));
    expect(result.preview.remittances[0].claims[0]).toMatchObject({ outcome: "denied", statusText: "Denied" });
    const { ledger: after } = await readLedger(book);
    const made = after.postingsByPayment.get(after.payments.at(-1)!.paymentId)!;
    expect(made.every((p) => p.note === "Denied: to work")).toBe(true);
  });

  it("two checks in one file are two payments, each with its own rows", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [mcr] = unpaid;
    const [mcd] = unpaidClaims(ledger, "MCD");
    const era = syntheticRemittance(ledger, {
      transactions: [
        medicare("97000004", [{ claimId: mcr.claimId }]),
        { payer: MEDICAID, trace: "CHK5501", date: ERA_DATE, method: "CHK", claims: [{ claimId: mcd.claimId, allowedPercent: 60 }] },
      ],
    });
    const result = planned(await importEra(book, "two.835", era.bytes));
    expect(result.preview.remittances.map((r) => [r.payerId, r.method, r.trace])).toEqual([
      ["MCR", "ACH", "97000004"],
      ["MCD", "CHK", "CHK5501"],
    ]);
    const { ledger: after } = await readLedger(book);
    const [one, two] = after.payments.slice(-2);
    expect([one.payerId, one.amount, two.payerId, two.amount]).toEqual([
      "MCR",
      era.transactions[0].amount,
      "MCD",
      era.transactions[1].amount,
    ]);
    expect(after.postingsByPayment.get(two.paymentId)!.every((p) => mcd.lines.some((l) => l.chargeId === p.chargeId))).toBe(true);
  });
});

describe("who paid", () => {
  it("by name when the file's payer id is not in Payers, with a warning to add it; by the claims when the name is unknown too", async () => {
    const { ledger, ctx, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const byName = syntheticRemittance(ledger, {
      transactions: [
        {
          payer: { name: "MEDICARE PART B (SAMPLE MAC)", id: "99999" },
          trace: "98000001",
          date: ERA_DATE,
          claims: [{ claimId: claim.claimId }],
        },
      ],
    });
    const named = planned(await eraPostingPlan({ name: "a.835", bytes: byName.bytes }, ledger, ctx));
    expect(named.preview.remittances[0].payerId).toBe("MCR");
    expect(named.preview.warnings.join("\n")).toContain("was matched to MCR by its name: add its X12 Payer ID");

    const unknown = syntheticRemittance(ledger, {
      transactions: [
        { payer: { name: "Some Other Plan", id: "77777" }, trace: "98000002", date: ERA_DATE, claims: [{ claimId: claim.claimId }] },
      ],
    });
    const byClaims = planned(await eraPostingPlan({ name: "b.835", bytes: unknown.bytes }, ledger, ctx));
    expect(byClaims.preview.remittances[0].payerId).toBe("MCR");
    expect(byClaims.preview.warnings.join("\n")).toContain(
      'The payer "Some Other Plan" (77777) is not in the Payers table: taken to be MCR',
    );
    expect(byClaims.plan).toBeDefined();
  });

  it("a payer that is nowhere and claims that match nothing: nothing to post, every claim listed", async () => {
    const book = await sampleBook();
    const { ledger, ctx } = await inputs(book);
    const era = syntheticRemittance(ledger, {
      transactions: [
        {
          payer: { name: "Some Other Plan", id: "77777" },
          trace: "98000003",
          date: ERA_DATE,
          claims: [{ claimId: "X1", unknown: { code: "99213", dos: "2026-06-01", charge: 10000 } }],
          plb: [{ reason: "L6", amount: -50 }],
        },
      ],
    });
    const result = planned(await eraPostingPlan({ name: "c.835", bytes: era.bytes }, ledger, ctx));
    expect(result.plan).toBeUndefined();
    expect(result.preview.remittances[0].payerId).toBeUndefined();
    expect(result.preview.remittances[0].claims[0]).toMatchObject({ outcome: "unmatched", reason: "claim X1 is not in Charges" });
    expect(result.preview.warnings.join("\n")).toContain("its provider-level adjustments (PLB) are not recorded");
  });
});

describe("a file that is refused writes nothing", () => {
  it.each([
    ["a 4010 remittance", (text: string) => text.replace("005010X221A1", "004010X091A1").replace("*005010X221A1", "*004010X091A1"), /4010/],
    ["an empty file", () => "", /./],
    ["garbage bytes", () => "\u0000\u0001PK\u0003\u0004 not an X12 file at all", /./],
    ["an 837 claim file", (text: string) => text.replace("ST*835", "ST*837"), /837/],
  ])("%s: ok false with the reason, and the workbook is unchanged", async (_what, damage, reason) => {
    const { book, ledger, ctx, unpaid } = await sampleUnpaid();
    const [claim] = unpaid;
    const era = medicareEra(ledger, "99000001", [{ claimId: claim.claimId }]);
    const counts = await rowCounts(book);
    const result = await eraPostingPlan({ name: "bad.835", bytes: new TextEncoder().encode(damage(era.text)) }, ledger, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
    expect(await rowCounts(book)).toEqual(counts);
  });
});

describe("the exceptions sheet", () => {
  it("lists payer, trace, claim, account, line, date of service, the payer's figures and the reason under a bold, frozen header, without patient names", async () => {
    const { book, ledger, unpaid } = await sampleUnpaid();
    const [good, bad] = unpaid;
    const era = medicareEra(ledger, "99000002", [
      { claimId: good.claimId, extraLine: { code: "99999", dos: "2026-03-05" } },
      { claimId: bad.claimId, unbalancedBy: 1 },
      { claimId: "=HYPERLINK(1)", unknown: { code: "99213", dos: "2026-03-05", charge: 100 } },
    ]);
    const result = planned(await importEra(book, "exceptions.835", era.bytes, false));
    const plan = exceptionsSheetPlan(result.preview);
    const op = plan.ops[0];
    expect(op).toMatchObject({ kind: "reportSheet", sheet: `ERA exceptions ${ERA_DATE}`, headerRow: 1 });
    await applyPlan(book, plan, NOW);
    const sheet = (await book.readSheet(`ERA exceptions ${ERA_DATE}`))!;
    expect(sheet[1]).toEqual([
      "Payer",
      "Check/EFT #",
      "Claim",
      "Patient account",
      "Line",
      "DOS",
      "Billed",
      "Allowed",
      "Paid",
      "Patient resp.",
      "Reason",
    ]);
    const payer = "Medicare Part B (Sample MAC) (MCR)";
    const written = era.transactions[0].claims;
    // The line never billed: $10.00 paid in full on 2026-03-05. The claim off by a cent: its own
    // figures, dated by its first line. The claim not ours: $1.00 allowed 80 cents, all paid.
    expect(sheet.slice(2).map((row) => row.slice(0, 10))).toEqual([
      [payer, "99000002", good.claimId, good.lines[0].patientId, "99999 on 2026-03-05", isoToSerial("2026-03-05", 1900), 10, 10, 10, 0],
      [
        payer,
        "99000002",
        bad.claimId,
        bad.lines[0].patientId,
        null,
        isoToSerial(bad.lines[0].dos, 1900),
        written[1].charge / 100,
        (written[1].paid - 1) / 100,
        written[1].paid / 100,
        written[1].patientResp / 100,
      ],
      [payer, "99000002", "=HYPERLINK(1)", null, null, isoToSerial("2026-03-05", 1900), 1, 0.8, 0.8, 0],
    ]);
    expect(JSON.stringify(sheet)).not.toContain(SYNTHETIC_PATIENT_LAST);
    expect(plan.what).not.toContain(SYNTHETIC_PATIENT_LAST);
  });
});
