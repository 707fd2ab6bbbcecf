// The Claims panel's "Import acknowledgement" end to end, in the browser host on the production build.
// The sample practice gets its Submitter and Receiver IDs (typed in Node, as an office types in Excel)
// and one payer's claims are exported as an 837P; the saved file's ClaimStatus "Billed" rows give the
// group control number (GS06) and the claim ids. A 999 accepting that group and a 277CA rejecting one
// of its claims are written here as text and picked through the file picker: the preview counts each
// file and names the rejected claim with its reason, Record says how many answers went in, and the
// rejected claim is back in the list to send again. The saved file holds the Accepted and Rejected
// rows and one Audit row; the same 999 again adds nothing; a file that is not X12 is refused in words.
// The pane is used at Excel's narrowest width, with nothing scrolling sideways; screenshot for docs/.
import { expect, test } from "@playwright/test";
import { todayIso } from "../src/dates";
import { XlsxWorkbook } from "../src/workbook/xlsxWorkbook";
import { scrubWorkbook, type ClaimEntry } from "../taskpane/claims/claimsRun";
import { guardEveryTest, narrowPane, openSample, overflow, paneScreenshot, save } from "./browserPage";
import { claimItem, openClaims, reopen, withSettings } from "./claimsPage";
import { recordsOf, tablesIn } from "./xlsxFiles";

guardEveryTest();

/** An X12 interchange from the clearinghouse or a payer, dated `day`, around the transaction's segments (ST to SE). */
function interchange(sender: string, day: string, control: string, functional: string, version: string, body: string[]): string {
  const yymmdd = day.slice(2).replace(/-/g, "");
  const ccyymmdd = day.replace(/-/g, "");
  const isa13 = control.padStart(9, "0");
  return [
    `ISA*00*          *00*          *ZZ*${sender.padEnd(15)}*ZZ*${"SAMPLE01".padEnd(15)}*${yymmdd}*0905*^*00501*${isa13}*0*P*:`,
    `GS*${functional}*${sender}*SAMPLE01*${ccyymmdd}*0905*${control}*X*${version}`,
    ...body,
    `SE*${body.length + 1}*0001`,
    `GE*1*${control}`,
    `IEA*1*${isa13}`,
  ]
    .map((segment) => `${segment}~\n`)
    .join("");
}

/** The clearinghouse's 999 accepting group `group` (one 837P transaction). */
const accepting999 = (day: string, group: string) =>
  interchange("CLEARHOUSE", day, "951", "FA", "005010X231A1", [
    "ST*999*0001*005010X231A1",
    `AK1*HC*${group}*005010X222A1`,
    "AK2*837*0001*005010X222A1",
    "IK5*A",
    "AK9*A*1*1*1",
  ]);

/** The payer's 277CA rejecting `claimId` for missing information. */
const rejecting277 = (day: string, claimId: string) => {
  const d = day.replace(/-/g, "");
  return interchange("PAYER01", day, "7051", "HN", "005010X214", [
    "ST*277*0001*005010X214",
    `BHT*0085*08*ACK7051*${d}*1200*TH`,
    "HL*1**20*1",
    "NM1*PR*2*SAMPLE PAYER*****PI*PAYER01",
    "TRN*1*ACK7051",
    `DTP*050*D8*${d}`,
    `DTP*009*D8*${d}`,
    "HL*2*1*21*1",
    "NM1*41*2*SAMPLE PRACTICE*****46*SAMPLE01",
    "TRN*2*1",
    "HL*3*2*19*1",
    "NM1*85*2*SAMPLE PRACTICE*****XX*1234567893",
    "HL*4*3*PT",
    "NM1*QC*1*SYNTHETIC*PATIENT****MI*MEMBER1",
    `TRN*2*${claimId}`,
    `STC*A7:21:PR*${d}*U*100`,
  ]);
};

test("the Claims panel imports a 999 and a 277CA: previews them, records Accepted and Rejected rows, adds nothing twice, refuses a bad file", async ({
  page,
}) => {
  const today = todayIso();
  await openSample(page);

  // The IDs an 837P needs, typed in Node; the payer with the most claims ready to send.
  const filled = await withSettings((await save(page)).bytes, { "Submitter ID": "SAMPLE01", "Receiver ID": "CLEARHOUSE" });
  const scrub = await scrubWorkbook(await XlsxWorkbook.load(filled), today);
  const readyByPayer = new Map<string, ClaimEntry[]>();
  for (const e of scrub.entries) if (e.status === "ready") readyByPayer.set(e.payerId, [...(readyByPayer.get(e.payerId) ?? []), e]);
  const [payerId] = [...readyByPayer].sort((a, b) => b[1].length - a[1].length)[0];
  await reopen(page, "practice-acks.xlsx", filled);

  await narrowPane(page);
  const panel = await openClaims(page);

  // Export that payer's claims.
  await panel.getByRole("combobox", { name: "Payer" }).selectOption(payerId);
  await panel.getByRole("button", { name: "Create 837P" }).click();
  const confirm = page.getByRole("dialog", { name: "Create the 837P file?" });
  await Promise.all([page.waitForEvent("download"), confirm.getByRole("button", { name: "Yes, create the file" }).click()]);
  await expect(panel.getByRole("status").filter({ hasText: "837P file created" })).toBeVisible();
  await expect(panel.getByRole("progressbar")).toHaveCount(0);

  // The saved file's Billed rows: the group control number and the claims sent in it.
  const billed = recordsOf(await tablesIn((await save(page)).bytes), "ClaimStatus").filter((r) => r.Event === "Billed");
  const group = billed[billed.length - 1]["Control #"];
  const sent = billed.filter((r) => r["Control #"] === group).map((r) => r.ClaimID);
  expect(sent.length, `claims billed in group ${group}`).toBeGreaterThanOrEqual(2);
  const rejectedId = sent[0];
  for (const id of sent) await expect(claimItem(panel, id)).toHaveCount(0);

  // The exported file's card and notice closed, and the list cut to the payer with the fewest claims
  // left, so the acknowledgements come into the picture below.
  await panel.getByRole("region", { name: "837P file" }).getByRole("button", { name: "Close" }).click();
  await panel.getByRole("status").filter({ hasText: "837P file created" }).getByRole("button", { name: "Dismiss" }).click();
  const left = new Map<string, number>();
  for (const e of scrub.entries) if (e.payerId !== payerId) left.set(e.payerId, (left.get(e.payerId) ?? 0) + 1);
  const [fewest] = [...left].sort((a, b) => a[1] - b[1])[0];
  await panel.getByRole("combobox", { name: "Payer" }).selectOption(fewest);

  // Both files picked at once: the preview counts each, and names the rejected claim with its reason.
  const acks = panel.getByRole("region", { name: "Acknowledgements" });
  const name999 = `${today}.999`;
  await acks.getByTestId("ack-file").setInputFiles([
    { name: name999, mimeType: "text/plain", buffer: Buffer.from(accepting999(today, group)) },
    { name: "payer.277", mimeType: "text/plain", buffer: Buffer.from(rejecting277(today, rejectedId)) },
  ]);
  const ready = acks.getByRole("status").filter({ hasText: "Ready to record" });
  await expect(ready).toContainText(`${name999}: ${sent.length} accepted, 0 rejected, 0 not matched.`);
  await expect(ready).toContainText("payer.277: 0 accepted, 1 rejected, 0 not matched.");
  await expect(ready).toContainText("Nothing is written until you record it.");
  const rejectedList = ready.getByRole("list", { name: "Rejected claims in payer.277" }).getByRole("listitem");
  await expect(rejectedList).toHaveCount(1);
  await expect(rejectedList).toContainText(`${rejectedId} (payer ${payerId}): `);
  await expect(rejectedList).toContainText("rejected for invalid information");
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The screenshot for docs/: the panel (checked at 320 pixels, pictured at 350) down to the acknowledgements' preview.
  await paneScreenshot(page, panel, { path: "docs/taskpane-acks.png", height: 1800, end: acks });

  // Record: one row per answer, said in words; the rejected claim is back in the list to send again.
  await panel.getByRole("combobox", { name: "Payer" }).selectOption({ index: 0 });
  await acks.getByRole("button", { name: "Record" }).click();
  const recorded = acks.getByRole("status").filter({ hasText: "Acknowledgement recorded" });
  await expect(recorded).toContainText(
    `Recorded ${sent.length + 1} answers in the ClaimStatus table; the Audit sheet records it. 1 claim was rejected`,
  );
  await expect(acks.getByRole("button", { name: "Record" })).toHaveCount(0);
  await expect(panel.getByRole("progressbar")).toHaveCount(0);
  await expect(claimItem(panel, rejectedId)).toHaveCount(1);
  await expect(claimItem(panel, rejectedId)).toContainText("Rejected");
  expect(await overflow(panel)).toEqual({ scroll: 0, wide: [] });

  // The saved file: an Accepted row per claim of the group, the Rejected row, one Audit row.
  const tables = await tablesIn((await save(page)).bytes);
  const status = recordsOf(tables, "ClaimStatus");
  const accepted = status.filter((r) => r.Event === "Accepted");
  expect(accepted.map((r) => [r.ClaimID, r.Source, r["Control #"], r.Reason])).toEqual(
    sent.map((id) => [id, "999", group, "Accepted by the clearinghouse"]),
  );
  const rejected = status.filter((r) => r.Event === "Rejected");
  expect(rejected.map((r) => [r.ClaimID, r.PayerID, r.Source])).toEqual([[rejectedId, payerId, "277CA"]]);
  expect(rejected[0].Reason).toContain("rejected for invalid information");
  const audit = recordsOf(tables, "Audit").filter((r) => r.Action === "Acknowledgements imported");
  expect(audit).toHaveLength(1);
  expect(audit[0].What).toContain(`999 file ${name999}`);
  expect(audit[0].Rows).toBe(String(sent.length + 1));

  // The same 999 again: already recorded, nothing to record.
  await acks
    .getByTestId("ack-file")
    .setInputFiles({ name: name999, mimeType: "text/plain", buffer: Buffer.from(accepting999(today, group)) });
  const nothing = acks.getByRole("status").filter({ hasText: "Nothing new" });
  await expect(nothing).toContainText(
    `${name999}: 0 accepted, 0 rejected, 0 not matched, ${sent.length} already recorded (nothing added for them).`,
  );
  await expect(nothing).toContainText("Nothing new to record");
  await expect(acks.getByRole("button", { name: "Record" })).toHaveCount(0);
  await acks.getByRole("button", { name: "Cancel" }).click();

  // A file that is not X12: refused in words, nothing written.
  await acks
    .getByTestId("ack-file")
    .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Call the clearinghouse Monday") });
  const alert = acks.getByRole("alert");
  await expect(alert).toContainText("Could not read the acknowledgement");
  await expect(alert).toContainText("notes.txt was not read. This is not an X12 file");
  await expect(alert).toContainText("Nothing was written.");
  const after = recordsOf(await tablesIn((await save(page)).bytes), "ClaimStatus");
  expect(after).toHaveLength(status.length);
});
