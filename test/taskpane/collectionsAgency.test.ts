// The Collections section's run and view modules on the hand-off's books (test/collections/agencyFixtures.ts),
// as of 2026-06-30: P1 ($110.00 of her own, oldest 2026-01-05: 176 days) is the one account to send with the
// Reports panel's defaults (over $50.00, older than 60 days); P2 is with the agency already, with no bad
// debt written; P9's $30.00 is under the threshold. Sending P1 moves her to the agency's list; the agency's
// payment form reads a typed fee or a percent, and its preview and post agree.
import { describe, expect, it } from "vitest";
import { postRecovery, previewRecovery, readAgencyBooks, sendToAgency } from "../../taskpane/accounts/collectionsAgencyRun";
import {
  agencyRows,
  newRecoveryForm,
  readAgency,
  readRecoveryForm,
  recoveryPreview,
  sendQuestion,
  sendRows,
  sendSummary,
} from "../../taskpane/accounts/collectionsAgencyView";
import { agencyWorkbook, TODAY } from "../collections/agencyFixtures";

describe("the Collections section", () => {
  it("lists the accounts to send and those with the agency, sends with a confirmation of count and total", async () => {
    const workbook = agencyWorkbook();
    const books = await readAgencyBooks(workbook, TODAY);
    expect(sendRows(books.toSend)).toEqual([
      { patientId: "P1", name: "Lee, Ann", balance: "$110.00", detail: "P1 · oldest 176 days · paid $20.00 on 2026-02-01" },
    ]);
    expect(agencyRows(books.withAgency).map((r) => r.detail)).toEqual(["P2 · marked Collections, nothing written off to bad debt"]);
    const summary = sendSummary(books.toSend, new Set(["P1"]));
    expect(summary).toEqual({ count: 1, total: 11000, text: "1 account, $110.00" });
    expect(sendSummary(books.toSend, new Set()).text).toBe("No account chosen");
    expect(sendQuestion(summary.count, summary.total, " Acme ")).toBe(
      "Send 1 account ($110.00) to Acme? Their patient balances are written off to bad debt, the accounts are marked Collections, and the agency's file is downloaded.",
    );
    expect(readAgency("  ")).toEqual({ ok: false, error: "Enter the agency's name." });

    const sent = await sendToAgency(workbook, { patientIds: ["P1"], agency: "Acme", date: "2026-06-15" }, TODAY);
    if (!sent.ok) throw new Error(sent.problems.join("\n"));
    expect(sent.file.name).toBe("collections-acme-2026-06-15.csv");
    const after = await readAgencyBooks(workbook, TODAY);
    expect(after.toSend).toEqual([]);
    expect(agencyRows(after.withAgency).map((r) => [r.patientId, r.detail, r.outstanding])).toEqual([
      ["P1", "P1 · sent $110.00 on 2026-06-15 · recovered $0.00 · still out $110.00", 11000],
      ["P2", "P2 · marked Collections, nothing written off to bad debt", 0],
    ]);
    const again = await sendToAgency(workbook, { patientIds: ["P1"], agency: "Acme", date: "2026-06-15" }, TODAY);
    expect(again).toEqual({ ok: false, problems: ['Account P1 is already with a collection agency (Account Status "Collections").'] });
  });

  it("reads the agency payment form, previews it and posts what the preview showed", async () => {
    const workbook = agencyWorkbook();
    await sendToAgency(workbook, { patientIds: ["P1"], agency: "Acme", date: "2026-06-15" }, TODAY);
    expect(readRecoveryForm({ ...newRecoveryForm(TODAY), net: "" })).toEqual({
      ok: false,
      errors: {
        patientId: "Choose the account the agency paid on.",
        net: "Enter what the agency sent, like 150.00.",
        fee: "Enter the agency's fee (0.00 if none), or its percent.",
      },
    });
    expect(readRecoveryForm({ ...newRecoveryForm(TODAY), patientId: "P1", net: "60", feePercent: "120" })).toEqual({
      ok: false,
      errors: { fee: '"120" is not a percent from 0 to under 100.' },
    });
    // $60.00 at 25% of the gross: $80.00 collected, a $20.00 fee; a fee typed wins over the percent.
    const read = readRecoveryForm({ ...newRecoveryForm(TODAY, "25"), patientId: "P1", net: "60.00", reference: "5521" });
    expect(read).toEqual({
      ok: true,
      recovery: { patientId: "P1", net: 6000, fee: 2000, date: TODAY, method: "Check", reference: "5521" },
    });
    expect(readRecoveryForm({ ...newRecoveryForm(TODAY, "25"), patientId: "P1", net: "60", fee: "0" })).toMatchObject({
      ok: true,
      recovery: { fee: 0 },
    });
    if (!read.ok) return;
    const preview = await previewRecovery(workbook, read.recovery, TODAY);
    if (!preview.ok) throw new Error(preview.problems.join("\n"));
    const shown = recoveryPreview(preview, 6000, 2000);
    expect(shown.headline).toBe("$60.00 from the agency + $20.00 fee = $80.00 of bad debt recovered; $30.00 stays with the agency.");
    expect(shown.rows.slice(1)).toEqual(["L1: bad debt written back -$80.00", "L1: paid $60.00", "L1: agency fee $20.00"]);
    const posted = await postRecovery(workbook, read.recovery, TODAY);
    expect(posted.ok).toBe(true);
    const after = await readAgencyBooks(workbook, TODAY);
    expect(agencyRows(after.withAgency)[0].detail).toBe("P1 · sent $110.00 on 2026-06-15 · recovered $80.00 · still out $30.00");
  });
});
