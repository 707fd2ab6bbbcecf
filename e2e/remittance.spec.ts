// The Import remittance panel end to end, in the browser host on the production build: the sample
// practice is saved, and in Node an 835 is written for three of one insurer's open claims (two paid,
// one denied, and PLB interest) with the synthetic-remittance test helper. The panel reads it with a
// progress bar, previews it (payer, trace, amount, the counts in the headline, claims matched, totals
// line by line that tie out, the interest included), posts it; read again, the denied claim still
// reads as denied; the Post payments panel and the grid see the new rows; the same file chosen
// again is refused as already posted and writes nothing. The saved file is checked with ExcelJS: one Payments row
// (Method ERA, Reference = the trace), its postings and its PLB row, and one Audit row.
import { expect, test } from "@playwright/test";
import { formatMoney } from "../src/money";
import { eraPlanInputs, eraPostingPlan } from "../src/era/eraPlan";
import { readLedger, type Ledger } from "../src/ledger/ledger";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { SYNTHETIC_PATIENT_LAST, syntheticRemittance, type SyntheticRemittance } from "../test/era/syntheticRemittance";
import { guardEveryTest, narrowPane, openPanel, openSample, overflow, paneScreenshot, preview, save } from "./browserPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

interface OpenClaims {
  payerId: string;
  x12: string;
  name: string;
  /** Open claims of the payer, in Charges order. */
  claimIds: string[];
}

/**
 * The insurer (with an X12 Payer ID) with the most claims nobody has posted to yet, and those
 * claims: the same on every run of the seeded sample for the same day.
 */
function openClaims(ledger: Ledger): OpenClaims {
  const touched = new Set(ledger.charges.filter((c) => (ledger.postingsByCharge.get(c.chargeId) ?? []).length > 0).map((c) => c.claimId));
  let best: OpenClaims | undefined;
  for (const payer of ledger.payers) {
    if (!payer.x12PayerId) continue;
    const claimIds = [
      ...new Set(ledger.charges.filter((c) => c.payerId === payer.payerId && !touched.has(c.claimId)).map((c) => c.claimId)),
    ];
    if (!best || claimIds.length > best.claimIds.length)
      best = { payerId: payer.payerId, x12: payer.x12PayerId, name: payer.name, claimIds };
  }
  if (!best || best.claimIds.length < 3) throw new Error("the sample has no insurer with three open claims");
  return best;
}

const TRACE = "EFT20260001";

/** Two claims paid (one with coinsurance), one denied (CO-50), and $3.75 of interest (PLB L6). */
function remittanceFor(ledger: Ledger, open: OpenClaims, date: string): SyntheticRemittance {
  const [paid, coinsured, denied] = open.claimIds;
  return syntheticRemittance(ledger, {
    transactions: [
      {
        payer: { name: open.name, id: open.x12 },
        trace: TRACE,
        date,
        claims: [{ claimId: paid }, { claimId: coinsured, coinsurancePercent: 20 }, { claimId: denied, denial: "50" }],
        plb: [{ reason: "L6", reference: "INT0001", amount: -375 }],
      },
    ],
  });
}

test("an 835 for the sample is previewed, posted once, seen by Post payments and the grid, refused when chosen again, and saved", async ({
  page,
}) => {
  await openSample(page);
  const saved = await XlsxWorkbook.load((await save(page)).bytes);
  const { ledger } = await readLedger(saved);
  const open = openClaims(ledger);
  const [paidClaim, coinsuredClaim, deniedClaim] = open.claimIds;
  const paidLines = ledger.charges.filter((c) => c.claimId === paidClaim);
  const today = new Date();
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  const era = remittanceFor(ledger, open, date);
  const amount = era.transactions[0].amount;
  const file = { name: "sample-era.835", mimeType: "text/plain", buffer: Buffer.from(era.bytes) };
  // How many Postings rows posting it once adds, planned by the engine in Node on the saved file.
  const { ledger: books, ctx } = await eraPlanInputs(saved);
  const planned = await eraPostingPlan({ name: file.name, bytes: era.bytes }, books, ctx);
  if (!planned.ok || !planned.plan) throw new Error("the synthetic 835 plans nothing for the sample");
  const postingRows = planned.plan.ops.reduce((n, op) => n + (op.kind === "appendRows" && op.table === "Postings" ? op.rows.length : 0), 0);

  // Excel's narrowest task pane is about 320 pixels wide: the panel is used at that width throughout.
  await narrowPane(page);

  // Before: the paid claim's lines are open for the payer in Post payments.
  const payments = await openPanel(page, "Post payments");
  const post = payments.getByRole("tabpanel", { name: "Post", exact: true });
  const payerSelect = post.getByRole("combobox", { name: "Payer" });
  await payerSelect.selectOption(open.payerId);
  const payerOption = payerSelect.locator(`option[value="${open.payerId}"]`);
  const openBefore = await payerOption.textContent();
  await post.getByRole("textbox", { name: "Find a line" }).fill(paidClaim);
  for (const line of paidLines) await expect(post.locator(`[data-charge="${line.chargeId}"]`)).toBeVisible();

  // Choose the file: the progress bar, then the preview.
  const panel = await openPanel(page, "Import remittance");
  await panel.getByTestId("remittance-file").setInputFiles(file);
  const review = panel.getByRole("region", { name: "Remittance preview" });
  await expect(review).toBeVisible();
  await expect(panel.getByRole("progressbar")).toHaveCount(0);
  await expect(review).toContainText(`sample-era.835: 1 payment; Post writes`);
  // The headline says the counts: the denial is not hidden behind "Post writes".
  await expect(review).toContainText("3 claims: 2 matched, 1 denial.");
  const card = review.getByRole("region", { name: `Payment EFT ${TRACE}` });
  await expect(card).toContainText(`${open.name} · ${open.payerId}`);
  await expect(card).toContainText(`EFT ${TRACE} · ACH (EFT) · ${date}`);
  await expect(card.getByLabel("Amount")).toHaveText(formatMoney(amount));
  await expect(card).toContainText("3 claims: 2 matched, 1 denial");
  const claims = card.getByRole("list", { name: "Claims" }).getByRole("listitem");
  await expect(claims).toHaveCount(3);
  await expect(card.locator(`[data-claim="${paidClaim}"]`)).toHaveAttribute("data-outcome", "matched");
  await expect(card.locator(`[data-claim="${coinsuredClaim}"]`)).toHaveAttribute("data-outcome", "matched");
  await expect(card.locator(`[data-claim="${deniedClaim}"]`)).toHaveAttribute("data-outcome", "denied");
  await expect(card.locator(`[data-claim="${deniedClaim}"]`)).toContainText("Denied");
  // The patient names in the file are shown in the pane (and nowhere else: the console stays silent).
  await expect(card.locator(`[data-claim="${paidClaim}"]`)).toContainText(SYNTHETIC_PATIENT_LAST);
  // The totals line by line: the claims, then the interest as what it adds, then the payment they add up to.
  const totalsTable = card.getByRole("table", { name: "Totals" });
  await expect(totalsTable.getByRole("row", { name: /^Interest \(L6\) · INT0001/ })).toContainText("+$3.75");
  await expect(card.getByRole("list", { name: "To look at" })).toContainText("1 denial to work");
  // The totals tie out: BPR02 = claims paid − PLB = posted + held, nothing in red.
  await expect(card).toHaveAttribute("data-ties", "yes");
  const claimsPaid = era.transactions[0].claims.reduce((sum, c) => sum + c.paid, 0);
  await expect(card.getByLabel("Tie-out")).toHaveText(
    `Ties out: ${formatMoney(claimsPaid)} paid on claims + $3.75 interest (L6) = ${formatMoney(amount)} payment = ${formatMoney(amount)} posted + $0.00 held.`,
  );
  await expect(totalsTable.locator('[data-off="yes"]')).toHaveCount(0);
  await expect(totalsTable.getByRole("row", { name: /^Paid on claims/ })).toContainText(formatMoney(claimsPaid));
  await expect(totalsTable.getByRole("row", { name: /^Payment \(BPR02\)/ })).toContainText(formatMoney(amount));
  expect(claimsPaid + 375).toBe(amount);
  const exceptions = review.getByRole("region", { name: "Exceptions" });
  await expect(exceptions.getByRole("listitem")).toHaveCount(1);
  await expect(exceptions).toContainText(`Claim ${deniedClaim}`);
  // With what working it needs: the payer, the date of service and the payer's figures.
  await expect(exceptions).toContainText(`${open.name} · account `);
  await expect(exceptions).toContainText(" · paid $0.00 · patient $0.00");
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The screenshot for docs/: the panel (checked at 320 pixels, pictured at 350) with the preview, nothing cut off.
  await paneScreenshot(page, panel, { path: "docs/taskpane-remittance.png", height: 2000, end: review });

  // Post: one write; the success message has the totals; the exceptions stay listed.
  await review.getByRole("button", { name: "Post", exact: true }).click();
  const posted = panel.getByRole("status").filter({ hasText: "Remittance posted" });
  await expect(posted).toContainText("Remittance posted: 1 claim to work");
  await expect(posted).toContainText(
    `1 payment of ${formatMoney(amount)} posted: ${formatMoney(claimsPaid)} paid on claims + $3.75 interest (L6) = ${formatMoney(amount)}. ` +
      "3 claims: 2 posted, 1 denial. 1 exception stays listed below. The Audit sheet records it.",
  );
  await expect(review.getByRole("button", { name: "Post", exact: true })).toHaveCount(0);
  await expect(exceptions.getByRole("listitem")).toHaveCount(1);
  await expect(card).toContainText("Already posted on ");
  // Read again after posting: the denied claim still reads as denied, never "Matched"; the paid ones as posted.
  await expect(card.locator(`[data-claim="${deniedClaim}"]`)).toHaveAttribute("data-outcome", "denied");
  await expect(card.locator(`[data-claim="${deniedClaim}"]`)).toContainText("Denied — posted");
  await expect(card.locator(`[data-claim="${paidClaim}"]`)).toContainText("Posted");
  await expect(card.getByRole("list", { name: "Claims" })).not.toContainText("Matched");
  await expect(card).toContainText("3 claims: 2 posted, 1 denial");
  await expect(review).toContainText("sample-era.835: 1 payment, already posted. 3 claims: 2 posted, 1 denial.");

  // The grid sees the new PLB row: ProviderAdjustments, the interest with its reference.
  await preview(page).getByRole("combobox", { name: "Sheet to preview" }).click();
  await page.getByRole("option", { name: /^ProviderAdjustments/ }).click();
  const grid = preview(page).getByTestId("sheet-grid");
  await expect(grid.getByRole("cell", { name: "INT0001", exact: true })).toBeVisible();

  // Post payments reads the workbook again: the paid claim's lines are no longer open for the payer.
  await openPanel(page, "Post payments");
  await payerSelect.selectOption(open.payerId);
  await expect(payerOption).not.toHaveText(openBefore!);
  await post.getByRole("textbox", { name: "Find a line" }).fill(paidClaim);
  for (const line of paidLines) await expect(post.locator(`[data-charge="${line.chargeId}"]`)).toHaveCount(0);

  // The same file again: refused as already posted, saying when, with nothing to post.
  await openPanel(page, "Import remittance");
  await panel.getByTestId("remittance-file").setInputFiles(file);
  const already = panel.getByRole("status").filter({ hasText: "Already posted" });
  await expect(already).toContainText(
    new RegExp(
      `^Already postedEFT ${TRACE} from .+ \\(${formatMoney(amount).replace(/[$.]/g, "\\$&")}\\) was posted on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\. Nothing was written\\.`,
    ),
  );
  await expect(panel.getByRole("button", { name: "Post", exact: true })).toHaveCount(0);
  await expect(panel.getByRole("region", { name: `Payment EFT ${TRACE}` })).toContainText("Already posted on ");
  // Chosen again later, the denial is still a denial.
  await expect(card.locator(`[data-claim="${deniedClaim}"]`)).toHaveAttribute("data-outcome", "denied");
  await expect(card.locator(`[data-claim="${deniedClaim}"]`)).toContainText("Denied — posted");

  // The saved file: one Payments row for the trace, its postings from the ERA, its PLB row, one Audit row.
  const tables = await tablesIn((await save(page)).bytes);
  const byName = (name: string) => recordsOf(tables, name);
  const paymentRows = byName("Payments").filter((r) => r.Reference === TRACE);
  expect(paymentRows).toHaveLength(1);
  expect(paymentRows[0]).toMatchObject({ PayerID: open.payerId, Method: "ERA", Amount: String(amount / 100) });
  const paymentId = paymentRows[0].PaymentID;
  const postings = byName("Postings").filter((r) => r.PaymentID === paymentId);
  const claimOf = new Map(ledger.charges.map((c) => [c.chargeId, c.claimId]));
  expect(new Set(postings.map((r) => claimOf.get(r.ChargeID)))).toEqual(new Set([paidClaim, coinsuredClaim, deniedClaim]));
  expect(new Set(postings.map((r) => r.Source))).toEqual(new Set(["ERA"]));
  // Posted once: the rows one posting adds, and no more from the second import.
  expect(postings).toHaveLength(postingRows);
  const paidTotal = postings.reduce((sum, r) => sum + Math.round(Number(r.Paid || 0) * 100), 0);
  expect(paidTotal).toBe(claimsPaid);
  const plb = byName("ProviderAdjustments").filter((r) => r.PaymentID === paymentId);
  expect(plb).toHaveLength(1);
  expect(plb[0]).toMatchObject({ Reason: "L6", Reference: "INT0001", Amount: "-3.75" });
  const audit = byName("Audit").filter((r) => r.Action === "Post ERA");
  expect(audit).toHaveLength(1);
  expect(audit[0].What).toContain(`trace ${TRACE}`);
  expect(audit[0].What).not.toContain(SYNTHETIC_PATIENT_LAST);
});

test("a refused file and a payment that doesn't tie out are said in words, and nothing is written", async ({ page }) => {
  await openSample(page);
  const { ledger } = await readLedger(await XlsxWorkbook.load((await save(page)).bytes));
  const open = openClaims(ledger);
  const [first, second] = open.claimIds;
  const trace = "EFT20269999";
  // BPR02 is 50 cents more than the claims pay: the payer's own figures don't add up.
  const era = syntheticRemittance(ledger, {
    transactions: [
      {
        payer: { name: open.name, id: open.x12 },
        trace,
        date: "2026-01-15",
        method: "CHK",
        claims: [{ claimId: first }, { claimId: second }],
        paymentOffBy: 50,
      },
    ],
  });
  const v4010 = era.text.replaceAll("005010X221A1", "004010X091A1").replace("*00501*", "*00401*");

  await narrowPane(page);
  const panel = await openPanel(page, "Import remittance");
  const input = panel.getByTestId("remittance-file");

  // A 4010 file is refused, saying which version it is; no preview.
  await input.setInputFiles({ name: "old-format.835", mimeType: "text/plain", buffer: Buffer.from(v4010) });
  const alert = panel.getByRole("alert");
  await expect(alert).toContainText("Could not read the remittance");
  await expect(alert).toContainText(
    "This is a 4010 remittance (ST03 004010X091A1). MedBill reads 5010 (005010X221A1) remittances: ask your payer or clearinghouse for the 5010 835. Nothing was written.",
  );
  await expect(panel.getByRole("region", { name: "Remittance preview" })).toHaveCount(0);
  // So is a file that is not X12 at all.
  await input.setInputFiles({ name: "letter.txt", mimeType: "text/plain", buffer: Buffer.from("Dear doctor, thank you for your claim.") });
  await expect(alert).toContainText("This is not an X12 file");

  // The unbalanced payment: previewed with the difference in red, every claim held, nothing to post.
  await input.setInputFiles({ name: "unbalanced.835", mimeType: "text/plain", buffer: Buffer.from(era.bytes) });
  const card = panel.getByRole("region", { name: `Payment Check ${trace}` });
  await expect(card).toHaveAttribute("data-ties", "no");
  await expect(card.getByLabel("Tie-out")).toContainText("Does not tie out: the payment is ");
  await expect(card.getByLabel("Tie-out")).toContainText("(off by $0.50).");
  const off = card.getByRole("table", { name: "Totals" }).locator('[data-off="yes"]');
  await expect(off).toHaveCount(2);
  await expect(off.last()).toContainText("Payment ≠ claims − PLB by$0.50");
  // Red: the figure that doesn't tie out stands out from the rest.
  const colors = await off.last().evaluate((tr) => [getComputedStyle(tr).color, getComputedStyle(tr.previousElementSibling!).color]);
  expect(colors[0]).not.toBe(colors[1]);
  expect(colors[0]).toMatch(/^rgb\((\d+), (\d+), (\d+)\)$/);
  const [r, g, b] = colors[0].match(/\d+/g)!.map(Number);
  expect(r).toBeGreaterThan(g + 60);
  expect(r).toBeGreaterThan(b + 60);
  await expect(card.getByRole("list", { name: "Claims" }).locator('[data-outcome="held"]')).toHaveCount(2);
  await expect(panel.getByRole("status").filter({ hasText: "Nothing to post" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Post", exact: true })).toHaveCount(0);
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The saved file has no payment for the trace and no ERA Audit row.
  const tables = await tablesIn((await save(page)).bytes);
  const byName = (name: string) => recordsOf(tables, name);
  expect(byName("Payments").filter((r) => r.Reference === trace)).toEqual([]);
  expect(byName("Audit").filter((r) => r.Action === "Post ERA")).toEqual([]);
});
